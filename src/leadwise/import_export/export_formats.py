"""Streaming writers for lead exports: CSV, XLSX, JSON, NDJSON and XML, plain functions of
their rows (no database), so any number of rows passes through in constant memory.

A writer takes rows batch by batch and answers the bytes to send; XLSX, a zip that cannot
be streamed while it is written, collects its rows in a temporary file (openpyxl's write-only
mode) and streams that file at the end.

Cell values come in as Python values: None, str, int, float, Decimal, bool, datetime, or a
list of strings (tags). Each format renders them its own way (see docs/export.md).
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Literal, Protocol

import orjson
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

ExportFormat = Literal["csv", "xlsx", "json", "ndjson", "xml"]
FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx", "json", "ndjson", "xml")
MEDIA_TYPES: dict[ExportFormat, str] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "ndjson": "application/x-ndjson",
    "xml": "application/xml",
}
DELIMITERS = (",", ";", "\t", "|")
TAG_SEPARATOR = ";"  # tags in one text cell (HubSpot's separator for multiple values)
READ_CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # JSON key and XML element (`custom:<key>` becomes <custom_field key="...">)
    header: str  # the header cell of CSV and XLSX


# --- formula injection -----------------------------------------------------------------------

# A spreadsheet reads a cell starting with one of these as a formula (tab and CR: Excel and
# LibreOffice skip them and read on).
FORMULA_STARTS = frozenset("=+-@\t\r")
# Left alone: plain numbers ("-12.5", "+3", "-1e5") and phone numbers ("+44 20 7946 0958",
# "+1 (555) 010-9999"). Neither can hold a function name, a cell reference or a DDE call:
# only digits, spaces and . , ( ) - / after the sign.
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)*|[.,]\d+)(?:[eE][+-]?\d+)?")
PHONE_NUMBER = re.compile(r"\+[ (]*\d[\d ().\-/]*")


def neutralise(text: str) -> str:
    """A text cell that a spreadsheet would run as a formula, made inert with a leading
    apostrophe (which Excel and LibreOffice hide and treat as "this is text")."""
    if (
        text
        and text[0] in FORMULA_STARTS
        and not (PLAIN_NUMBER.fullmatch(text) or PHONE_NUMBER.fullmatch(text))
    ):
        return "'" + text
    return text


def iso_utc(value: datetime) -> str:
    """2026-11-22T09:30:00Z (microseconds kept when there are any)."""
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value.isoformat().replace("+00:00", "Z")


def _text(value: Any) -> str:
    """A value as the text of a CSV or XML cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, list):
        return TAG_SEPARATOR.join(value)
    return str(value)


# --- writers ---------------------------------------------------------------------------------


class ExportWriter(Protocol):
    def begin(self, columns: Sequence[Column]) -> bytes: ...

    def write(self, rows: Sequence[Sequence[Any]]) -> bytes: ...

    def end(self) -> Iterator[bytes]: ...

    def close(self) -> None:
        """Release temporary files (also when the export stops half-way)."""
        ...


class CsvWriter:
    def __init__(self, *, delimiter: str = ",", bom: bool = False) -> None:
        if delimiter not in DELIMITERS:
            raise ValueError(f"delimiter must be one of {DELIMITERS!r}")
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, delimiter=delimiter, lineterminator="\r\n")
        self._bom = bom

    def _flush(self) -> bytes:
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return text.encode("utf-8")

    def begin(self, columns: Sequence[Column]) -> bytes:
        self._csv.writerow([neutralise(column.header) for column in columns])
        return ("\ufeff".encode() if self._bom else b"") + self._flush()

    def write(self, rows: Sequence[Sequence[Any]]) -> bytes:
        self._csv.writerows([_csv_cell(value) for value in row] for row in rows)
        return self._flush()

    def end(self) -> Iterator[bytes]:
        return iter(())

    def close(self) -> None:
        pass


def _csv_cell(value: Any) -> str:
    # The common cases first, without a call: this runs for every cell of every row.
    if value is None:
        return ""
    if type(value) is str:
        return neutralise(value) if value[:1] in FORMULA_STARTS else value
    if isinstance(value, list):
        return neutralise(TAG_SEPARATOR.join(value))
    return _text(value)


# openpyxl refuses these (XML 1.0 cannot carry them); Excel's cell limit is 32,767 characters.
XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
XLSX_MAX_CELL = 32_767
XLSX_MAX_ROWS = 1_048_576  # per sheet, header included
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"


class XlsxWriter:
    """openpyxl in write-only mode: rows go to a temporary file as they come (inline strings,
    no shared-string table), so memory stays flat; past a sheet's 1,048,576 rows the export
    goes on in a second sheet with the same header."""

    def __init__(self, *, sheet_title: str = "Leads") -> None:
        self._workbook = Workbook(write_only=True)
        self._title = sheet_title
        self._sheets = 0
        self._rows_in_sheet = 0
        self._header: list[Any] = []
        self._sheet: WriteOnlyWorksheet | None = None
        self._made: list[WriteOnlyWorksheet] = []
        self._saved = False
        self._bold = Font(bold=True)
        self._path: str | None = None

    def _new_sheet(self) -> WriteOnlyWorksheet:
        self._sheets += 1
        title = self._title if self._sheets == 1 else f"{self._title} {self._sheets}"
        sheet = self._workbook.create_sheet(title)
        self._made.append(sheet)
        sheet.freeze_panes = "A2"
        header = []
        for value in self._header:
            cell = WriteOnlyCell(sheet, value=value)
            cell.font = self._bold
            header.append(cell)
        sheet.append(header)
        self._rows_in_sheet = 1
        return sheet

    def begin(self, columns: Sequence[Column]) -> bytes:
        self._header = [_xlsx_text(column.header) for column in columns]
        self._sheet = self._new_sheet()
        return b""

    def write(self, rows: Sequence[Sequence[Any]]) -> bytes:
        assert self._sheet is not None, "begin() first"
        for row in rows:
            if self._rows_in_sheet >= XLSX_MAX_ROWS:
                self._sheet = self._new_sheet()
            self._sheet.append([self._cell(value) for value in row])
            self._rows_in_sheet += 1
        return b""

    def _cell(self, value: Any) -> Any:
        if isinstance(value, str):
            return _xlsx_text(value)
        if isinstance(value, list):
            return _xlsx_text(TAG_SEPARATOR.join(value))
        if isinstance(value, datetime):
            assert self._sheet is not None
            # Excel has no time zones: the value is UTC, as the header documents.
            cell = WriteOnlyCell(self._sheet, value=value.astimezone(UTC).replace(tzinfo=None))
            cell.number_format = DATETIME_FORMAT
            return cell
        if isinstance(value, Decimal):
            return float(value)
        return value

    def end(self) -> Iterator[bytes]:
        handle, self._path = tempfile.mkstemp(prefix="leadwise-export-", suffix=".xlsx")
        os.close(handle)
        self._workbook.save(self._path)  # also removes the sheets' temporary files
        self._saved = True
        with open(self._path, "rb") as saved:
            while chunk := saved.read(READ_CHUNK_BYTES):
                yield chunk
        self.close()

    def close(self) -> None:
        if self._path is not None:
            os.unlink(self._path)
            self._path = None
        if not self._saved:
            # Stopped before the end: openpyxl would keep each sheet's temporary file until
            # the process exits, so close the sheets and remove their files now.
            self._saved = True
            for sheet in self._made:
                if not sheet.closed:
                    sheet.close()
                if sheet._writer is not None and os.path.exists(sheet._writer.out):
                    sheet._writer.cleanup()


def _xlsx_text(text: str) -> str:
    """Control characters Excel cannot store become U+FFFD; then formula neutralisation (a
    string starting with "=" would otherwise be written as a formula by openpyxl)."""
    return neutralise(XLSX_ILLEGAL.sub("\ufffd", text))[:XLSX_MAX_CELL]


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    return str(value)  # asyncpg's UUID subclass


JSON_OPTIONS = orjson.OPT_UTC_Z | orjson.OPT_NON_STR_KEYS


class JsonWriter:
    """One JSON array, one object per line; keys are the columns' keys."""

    def __init__(self) -> None:
        self._keys: list[str] = []
        self._first = True

    def begin(self, columns: Sequence[Column]) -> bytes:
        self._keys = [column.key for column in columns]
        return b"["

    def write(self, rows: Sequence[Sequence[Any]]) -> bytes:
        if not rows:
            return b""
        parts = [
            orjson.dumps(
                dict(zip(self._keys, map(_json_value, row), strict=True)),
                option=JSON_OPTIONS,
                default=_json_default,
            )
            for row in rows
        ]
        lead = b"\n" if self._first else b",\n"
        self._first = False
        return lead + b",\n".join(parts)

    def end(self) -> Iterator[bytes]:
        yield b"\n]\n" if not self._first else b"]\n"

    def close(self) -> None:
        pass


class NdjsonWriter(JsonWriter):
    """One JSON object per line, nothing around them."""

    def begin(self, columns: Sequence[Column]) -> bytes:
        super().begin(columns)
        return b""

    def write(self, rows: Sequence[Sequence[Any]]) -> bytes:
        return b"".join(
            orjson.dumps(
                dict(zip(self._keys, map(_json_value, row), strict=True)),
                option=JSON_OPTIONS | orjson.OPT_APPEND_NEWLINE,
                default=_json_default,
            )
            for row in rows
        )

    def end(self) -> Iterator[bytes]:
        return iter(())


# XML 1.0 cannot carry these even escaped; they become U+FFFD.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"})
CUSTOM_PREFIX = "custom:"


def xml_text(value: str) -> str:
    """Escaped for element content and double-quoted attributes; a CR survives as &#13; (a
    parser would turn a raw one into LF)."""
    return XML_ILLEGAL.sub("\ufffd", value).translate(XML_ESCAPES)


class XmlWriter:
    """<leads><lead><first_name>Ada</first_name>…<tags><tag>vip</tag></tags>
    <custom_field key="budget">1200</custom_field></lead>…</leads>; an empty value is an empty
    element, so every lead has the same elements in the same order."""

    def __init__(self) -> None:
        self._openers: list[tuple[str, str]] = []

    def begin(self, columns: Sequence[Column]) -> bytes:
        for column in columns:
            if column.key.startswith(CUSTOM_PREFIX):
                key = xml_text(column.key.removeprefix(CUSTOM_PREFIX))
                self._openers.append((f'<custom_field key="{key}"', "custom_field"))
            else:
                self._openers.append((f"<{column.key}", column.key))
        return b'<?xml version="1.0" encoding="UTF-8"?>\n<leads>\n'

    def write(self, rows: Sequence[Sequence[Any]]) -> bytes:
        out: list[str] = []
        for row in rows:
            out.append("  <lead>")
            for (opener, name), value in zip(self._openers, row, strict=True):
                if value is None or value == "" or value == []:
                    out.append(f"{opener}/>")
                elif isinstance(value, list):
                    tags = "".join(f"<tag>{xml_text(str(item))}</tag>" for item in value)
                    out.append(f"{opener}>{tags}</{name}>")
                else:
                    out.append(f"{opener}>{xml_text(_text(value))}</{name}>")
            out.append("</lead>\n")
        return "".join(out).encode("utf-8")

    def end(self) -> Iterator[bytes]:
        yield b"</leads>\n"

    def close(self) -> None:
        pass


def writer_for(
    export_format: ExportFormat, *, delimiter: str = ",", bom: bool = False
) -> ExportWriter:
    if export_format == "csv":
        return CsvWriter(delimiter=delimiter, bom=bom)
    if export_format == "xlsx":
        return XlsxWriter()
    if export_format == "json":
        return JsonWriter()
    if export_format == "ndjson":
        return NdjsonWriter()
    return XmlWriter()
