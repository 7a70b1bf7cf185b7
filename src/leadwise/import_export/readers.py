"""Rows out of uploaded files, streamed: CSV and TSV (delimiter and encoding told apart), XLSX,
JSON arrays and NDJSON. Memory stays flat whatever the file size: rows come one at a time, a
physical line is capped, and a spreadsheet is checked for zip bombs before it is opened.

A file that cannot be read at all raises `UnreadableFile` with a message for the user; a bad
row (too many cells, a line over the cap) is a `RowError` carried by the row stream, so the
rows around it still import.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

import ijson
import orjson
from openpyxl import load_workbook

SNIFF_BYTES = 64 * 1024
MAX_LINE_CHARS = 1024 * 1024  # a physical line longer than this is refused, not buffered
MAX_XLSX_UNCOMPRESSED = 2 * 1024**3
MAX_XLSX_RATIO = 200  # uncompressed / compressed: real sheets stay far below
DELIMITERS = ",;\t|"


class FileFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"
    NDJSON = "ndjson"


class UnreadableFile(Exception):
    """The file as a whole cannot be read; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class RowError:
    row: int  # 1 = the first data row
    reason: str
    column: str | None = None


Row = dict[str, str]


Numbered = Iterator[tuple[int, Row | RowError]]


@dataclass
class Table:
    format: FileFormat
    columns: list[str]
    # (row number, row): 1 = the first data row; blank rows are skipped but keep their number,
    # so numbers match what a spreadsheet shows (minus the header) and a resumed read lines up.
    numbered: Numbered
    encoding: str | None = None
    delimiter: str | None = None
    estimated_rows: int | None = None  # for progress; may count a quoted line break too

    @property
    def rows(self) -> Iterator[Row | RowError]:
        return (item for _, item in self.numbered)


def detect_format(head: bytes, name: str = "") -> FileFormat:
    lowered = name.lower()
    if head.startswith(b"PK\x03\x04"):
        return FileFormat.XLSX
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    # Stored uploads have no name: a file of objects starting with "{" is one per line.
    if lowered.endswith((".ndjson", ".jsonl")) or text.startswith(b"{"):
        return FileFormat.NDJSON
    if lowered.endswith(".json") or text.startswith(b"["):
        return FileFormat.JSON
    return FileFormat.CSV


def read_table(path: Path) -> Table:
    """The header and a lazy stream of rows; the file stays open until the rows are consumed."""
    with path.open("rb") as probe:
        head = probe.read(SNIFF_BYTES)
    if not head.strip():
        raise UnreadableFile("The file is empty.")
    kind = detect_format(head, path.name)
    if kind is FileFormat.XLSX:
        return _xlsx(path)
    if kind is FileFormat.JSON:
        return _json(path)
    if kind is FileFormat.NDJSON:
        return _ndjson(path)
    return _csv(path, head)


# --- CSV and TSV ------------------------------------------------------------------------------


def detect_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A character cut by the end of the sample is still UTF-8.
        if error.start < len(head) - 3:
            return "cp1252"
    return "utf-8"


def _lines(text: IO[str]) -> Iterator[str]:
    """Physical lines, each at most MAX_LINE_CHARS: a 1 GB line is refused, not buffered."""
    number = 0
    while True:
        line = text.readline(MAX_LINE_CHARS + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE_CHARS:
            raise UnreadableFile(
                f"Line {number} is longer than {MAX_LINE_CHARS:,} characters; is this a CSV file?"
            )
        yield line


def _csv(path: Path, head: bytes) -> Table:
    encoding = detect_encoding(head)
    sample = head.decode(encoding, errors="ignore")
    try:
        delimiter = csv.Sniffer().sniff(sample.split("\n", 20)[0] + "\n", DELIMITERS).delimiter
    except csv.Error:
        delimiter = max(DELIMITERS, key=lambda d: sample.split("\n", 1)[0].count(d))
    handle = path.open("rb")
    text = io.TextIOWrapper(handle, encoding=encoding, newline="", errors="strict")
    reader = csv.reader(_lines(text), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, UnicodeDecodeError, csv.Error) as error:
        handle.close()
        raise UnreadableFile(f"The header row cannot be read: {error}") from None
    columns = _clean_header(header)
    return Table(
        FileFormat.CSV,
        columns,
        _csv_rows(reader, columns, handle, encoding),
        encoding,
        delimiter,
        estimated_rows=max(0, _count_lines(path, encoding) - 1),
    )


def _count_lines(path: Path, encoding: str) -> int:
    """Line breaks in the file, at disk speed (a UTF-16 break is two bytes)."""
    newline = "\n".encode(encoding.replace("-sig", ""))[-2:] if "16" in encoding else b"\n"
    count = 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            count += block.count(newline)
    return count


def _clean_header(header: list[str]) -> list[str]:
    columns = [name.strip() for name in header]
    if not any(columns):
        raise UnreadableFile("The first row has no column names.")
    seen: dict[str, int] = {}
    unique = []
    for index, name in enumerate(columns, start=1):
        name = name or f"column {index}"
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return unique


def _csv_rows(reader: Any, columns: list[str], handle: IO[bytes], encoding: str) -> Numbered:
    width = len(columns)
    number = 0
    try:
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                raise UnreadableFile(
                    f"After row {number} the file is not {encoding} text; save it as UTF-8."
                ) from None
            except csv.Error as error:
                number += 1
                yield number, RowError(number, f"unreadable row: {error}")
                continue
            number += 1
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > width and any(cell.strip() for cell in cells[width:]):
                yield number, RowError(number, f"{len(cells)} cells but {width} columns")
                continue
            yield number, {c: cells[i] if i < len(cells) else "" for i, c in enumerate(columns)}
    finally:
        handle.close()


# --- XLSX -------------------------------------------------------------------------------------


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile:
        raise UnreadableFile("The file looks like a spreadsheet but is not a valid one.") from None
    uncompressed = sum(entry.file_size for entry in entries)
    compressed = max(1, sum(entry.compress_size for entry in entries))
    if uncompressed > MAX_XLSX_UNCOMPRESSED or uncompressed / compressed > MAX_XLSX_RATIO:
        raise UnreadableFile(
            "The spreadsheet unpacks to far more than its size (a zip bomb?); it is refused."
        )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat() if value.time() != time(0) else value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx(path: Path) -> Table:
    _check_zip(path)
    handle = path.open("rb")  # a file object: openpyxl would judge a path by its extension
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        handle.close()
        raise UnreadableFile(f"The spreadsheet cannot be opened: {error}") from None
    sheet = workbook.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    header = next(values, None)
    if header is None:
        workbook.close()
        handle.close()
        raise UnreadableFile("The first sheet is empty.")
    names = [_cell(v) for v in header]
    while names and not names[-1].strip():  # a sheet is as wide as its widest row
        names.pop()
    columns = _clean_header(names)

    def rows() -> Numbered:
        try:
            for number, cells in enumerate(values, start=1):
                texts = [_cell(v) for v in cells]
                if not any(t.strip() for t in texts):
                    continue
                if len(texts) > len(columns) and any(t.strip() for t in texts[len(columns) :]):
                    yield number, RowError(number, f"{len(texts)} cells but {len(columns)} columns")
                    continue
                yield number, {c: texts[i] if i < len(texts) else "" for i, c in enumerate(columns)}
        finally:
            workbook.close()
            handle.close()

    dimension = sheet.max_row  # from the sheet's <dimension>: may be missing or stale
    estimate = dimension - 1 if isinstance(dimension, int) and dimension > 1 else None
    return Table(FileFormat.XLSX, columns, rows(), estimated_rows=estimate)


# --- JSON and NDJSON --------------------------------------------------------------------------


def _flat(record: object, number: int) -> Row | RowError:
    if not isinstance(record, dict):
        return RowError(number, "not an object")
    row = {}
    for key, value in record.items():
        if isinstance(value, dict | list):
            return RowError(number, "nested values are not supported", column=str(key))
        row[str(key)] = (
            "" if value is None else (str(value).lower() if isinstance(value, bool) else str(value))
        )
    return row


def _with_columns(kind: FileFormat, records: Numbered, estimate: int | None = None) -> Table:
    """JSON has no header: the columns are the keys of the first record (keys that only later
    records have are not imported)."""
    buffered: list[tuple[int, Row | RowError]] = []
    for number, item in records:
        buffered.append((number, item))
        if isinstance(item, dict):
            break
    first = next((item for _, item in buffered if isinstance(item, dict)), None)
    if first is None:
        raise UnreadableFile("The file holds no records.")
    columns = list(first)

    def rows() -> Numbered:
        for number, item in buffered:
            yield number, _fit(item, columns)
        for number, item in records:
            yield number, _fit(item, columns)

    return Table(kind, columns, rows(), estimated_rows=estimate)


def _fit(item: Row | RowError, columns: list[str]) -> Row | RowError:
    if isinstance(item, RowError):
        return item
    return {column: item.get(column, "") for column in columns}


def _json(path: Path) -> Table:
    def records() -> Numbered:
        with path.open("rb") as handle:
            try:
                for number, record in enumerate(ijson.items(handle, "item", use_float=True), 1):
                    yield number, _flat(record, number)
            except ijson.JSONError as error:
                raise UnreadableFile(f"The JSON is not valid: {error}") from None

    return _with_columns(FileFormat.JSON, records())


def _ndjson(path: Path) -> Table:
    def records() -> Numbered:
        with path.open("rb") as handle:
            number = 0
            while line := handle.readline(MAX_LINE_CHARS + 1):
                if len(line) > MAX_LINE_CHARS:
                    raise UnreadableFile(
                        f"Line {number + 1} is longer than {MAX_LINE_CHARS:,} bytes."
                    )
                if not line.strip():
                    continue
                number += 1
                try:
                    item = _flat(orjson.loads(line), number)
                except orjson.JSONDecodeError as error:
                    item = RowError(number, f"not valid JSON: {error}")
                yield number, item

    return _with_columns(FileFormat.NDJSON, records(), _count_lines(path, "utf-8"))
