"""What a file is, told by its first bytes, never by its name or the client's content type.

A small table for the types a lead platform accepts (CVs, RFPs, logos). puremagic and
friends were tried: they cannot tell DOCX from XLSX or PPTX from the bytes (all three are ZIP
archives and score alike), and they know thousands of types we must refuse anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

# How many leading bytes `detect` wants (fewer is fine for short files). OOXML names its
# folders in the local headers, after [Content_Types].xml and _rels: 16 KiB reaches them.
SNIFF_BYTES = 16384


@dataclass(frozen=True, slots=True)
class FileType:
    name: str
    mime: str
    extension: str


KNOWN_TYPES: dict[str, FileType] = {
    file_type.name: file_type
    for file_type in (
        FileType("pdf", "application/pdf", ".pdf"),
        FileType("doc", "application/msword", ".doc"),
        FileType(
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".docx",
        ),
        FileType(
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"
        ),
        FileType(
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ".pptx",
        ),
        FileType("odt", "application/vnd.oasis.opendocument.text", ".odt"),
        FileType("rtf", "application/rtf", ".rtf"),
        FileType("txt", "text/plain", ".txt"),
        FileType("png", "image/png", ".png"),
        FileType("jpeg", "image/jpeg", ".jpg"),
        FileType("gif", "image/gif", ".gif"),
        FileType("webp", "image/webp", ".webp"),
        FileType("zip", "application/zip", ".zip"),
    )
}

_OOXML_FOLDERS = ((b"word/", "docx"), (b"xl/", "xlsx"), (b"ppt/", "pptx"))
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Bytes that never occur in text (NUL and C0 controls other than tab, newline, CR, FF, ESC).
_BINARY_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


def detect(head: bytes) -> FileType | None:
    """The type of a file starting with `head` (its first `SNIFF_BYTES`), or None if unknown."""
    name = _detect_name(head)
    return KNOWN_TYPES[name] if name else None


def _detect_name(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_OLE2):
        # Word 97-2003 (Excel and PowerPoint share the container; their directory, which would
        # tell them apart, can sit anywhere in the file). Stored and served, never opened.
        return "doc"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(head)
    if head and _is_text(head):
        return "txt"
    return None


def _zip_kind(head: bytes) -> str:
    # ODF puts an uncompressed "mimetype" entry first; OOXML names its folders in the headers.
    if head[30:38] == b"mimetype" and b"application/vnd.oasis.opendocument.text" in head[38:100]:
        return "odt"
    for folder, name in _OOXML_FOLDERS:
        if folder in head:
            return name
    return "zip"


def _is_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte order mark
        try:
            head[: len(head) // 2 * 2].decode("utf-16")
        except UnicodeDecodeError as error:
            return error.start >= len(head) - 4  # a surrogate pair cut by the sample's end
        return True
    if any(byte in _BINARY_BYTES for byte in head):
        return False
    # A multi-byte character cut at the end of the head is still text.
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:
            return _is_single_byte_text(head)
    return True


def _is_single_byte_text(head: bytes) -> bool:
    # cp1252/latin-1 text: every byte decodes; the control check above already ran.
    try:
        head.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True
