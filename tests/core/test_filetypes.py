"""File types are told by their first bytes, whatever the name says."""

from __future__ import annotations

import io
import zipfile

import pytest

from leadwise.core.filetypes import detect
from tests.attachments import files


def office_zip(folder: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}/main.xml", "<x/>")
    return buffer.getvalue()


def odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (files.pdf(), "pdf"),
        (files.png(), "png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
        (b"GIF89a\x01\x00", "gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "webp"),
        (b"{\\rtf1\\ansi Hello}", "rtf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "doc"),
        (office_zip("word"), "docx"),
        (office_zip("xl"), "xlsx"),
        (office_zip("ppt"), "pptx"),
        (odt(), "odt"),
        (office_zip("other"), "zip"),
        ("Grüße, Zoë\n".encode(), "txt"),
        ("Grüße, Zoë\n".encode("cp1252"), "txt"),
        ("é".encode() * 5000, "txt"),  # a character cut at the end of the sniffed head
        (files.windows_executable(), None),
        (b"\x7fELF\x02\x01\x01" + bytes(50), None),
        (b"", None),
    ],
)
def test_detect(head: bytes, expected: str | None):
    detected = detect(head[:16384])
    assert (detected.name if detected else None) == expected
