"""Reading uploaded files: every format and encoding, and hostile files answered clearly."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from leadwise.import_export.readers import (
    MAX_LINE_CHARS,
    FileFormat,
    RowError,
    UnreadableFile,
    read_table,
)

HEADER = ["Vorname", "E-Mail", "Firma"]
ROWS = [["Zoë", "zoe@acme.io", "Acme GmbH"], ["Jürgen", "j@b.de", "Bäckerei Müller"]]


def rows_of(path: Path) -> list:
    return list(read_table(path).rows)


def write_csv(path: Path, encoding: str, delimiter: str = ",", bom: bool = False) -> Path:
    text = "\r\n".join(delimiter.join(cells) for cells in [HEADER, *ROWS]) + "\r\n"
    data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom", "expected_encoding"),
    [
        ("utf-8", ",", False, "utf-8"),
        ("utf-8", ";", True, "utf-8-sig"),
        ("utf-16", "\t", False, "utf-16"),
        ("cp1252", ";", False, "cp1252"),
        ("latin-1", "|", False, "cp1252"),
    ],
)
def test_csv_encodings_and_delimiters(tmp_path, encoding, delimiter, bom, expected_encoding):
    path = write_csv(tmp_path / "leads.csv", encoding, delimiter, bom)
    table = read_table(path)
    assert table.format is FileFormat.CSV
    assert table.encoding == expected_encoding
    assert table.delimiter == delimiter
    assert table.columns == HEADER
    assert list(table.rows) == [dict(zip(HEADER, row, strict=True)) for row in ROWS]


def test_ragged_rows_and_quoted_newlines(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text(
        'name,email,note\nAda,ada@x.io,"two\nlines"\nBob,bob@x.io\nEve,eve@x.io,n,EXTRA\n,,\n',
        encoding="utf-8",
    )
    rows = rows_of(path)
    assert rows[0] == {"name": "Ada", "email": "ada@x.io", "note": "two\nlines"}
    assert rows[1] == {"name": "Bob", "email": "bob@x.io", "note": ""}
    assert isinstance(rows[2], RowError)
    assert rows[2].row == 3
    assert "4 cells but 3 columns" in rows[2].reason
    assert len(rows) == 3  # the empty row is skipped


def test_wrong_encoding_after_the_sample_is_a_clear_error(tmp_path):
    path = tmp_path / "mixed.csv"
    good = "name\n" + "ada\n" * 40_000  # longer than the sniffed sample
    path.write_bytes(good.encode() + "Jürgen\n".encode("cp1252"))
    with pytest.raises(UnreadableFile, match="not utf-8 text"):
        rows_of(path)


def test_a_giant_line_is_refused_without_buffering_it(tmp_path):
    path = tmp_path / "giant.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("name,email\n")
        out.write("x" * (MAX_LINE_CHARS + 10))
    with pytest.raises(UnreadableFile, match="Line 2 is longer"):
        rows_of(path)


def test_empty_and_headerless_files(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(UnreadableFile, match="empty"):
        read_table(empty)
    blank_header = tmp_path / "blank.csv"
    blank_header.write_text(",,\na,b,c\n")
    with pytest.raises(UnreadableFile, match="no column names"):
        read_table(blank_header)


def test_duplicate_and_missing_header_names_are_made_unique(tmp_path):
    path = tmp_path / "dups.csv"
    path.write_text("email,email,\na@x.io,b@x.io,c\n")
    table = read_table(path)
    assert table.columns == ["email", "email (2)", "column 3"]


def test_xlsx(tmp_path):
    from datetime import datetime

    workbook = Workbook()
    sheet = workbook.active
    sheet.append([*HEADER, "Seit"])
    sheet.append([*ROWS[0], datetime(2024, 5, 17)])  # noqa: DTZ001 - sheets hold naive dates
    sheet.append([None, None, None, None])
    sheet.append([*ROWS[1], 12.0])
    path = tmp_path / "leads.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert table.format is FileFormat.XLSX
    assert table.columns == [*HEADER, "Seit"]
    assert list(table.rows) == [
        {**dict(zip(HEADER, ROWS[0], strict=True)), "Seit": "2024-05-17"},
        {**dict(zip(HEADER, ROWS[1], strict=True)), "Seit": "12"},
    ]


def test_an_xlsx_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (50 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(UnreadableFile, match="zip bomb"):
        read_table(path)


def test_a_broken_spreadsheet(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"garbage" * 100)
    with pytest.raises(UnreadableFile, match="not a valid one"):
        read_table(path)


def test_json_array_and_ndjson(tmp_path):
    records = [
        {"first_name": "Ada", "email": "ada@x.io", "vip": True, "score": 1.5},
        {"first_name": "Bob", "email": None},
        {"first_name": "Eve", "tags": ["a"]},
        "not an object",
    ]
    array = tmp_path / "leads.json"
    array.write_text(json.dumps(records))
    lines = tmp_path / "leads.ndjson"
    lines.write_text("\n".join(json.dumps(r) for r in records) + "\n{broken\n")
    for path, kind in ((array, FileFormat.JSON), (lines, FileFormat.NDJSON)):
        table = read_table(path)
        assert table.format is kind
        assert table.columns == ["first_name", "email", "vip", "score"]
        rows = list(table.rows)
        assert rows[0] == {"first_name": "Ada", "email": "ada@x.io", "vip": "true", "score": "1.5"}
        assert rows[1] == {"first_name": "Bob", "email": "", "vip": "", "score": ""}
        assert isinstance(rows[2], RowError)
        assert rows[2].column == "tags"
        assert isinstance(rows[3], RowError)
    assert isinstance(list(read_table(lines).rows)[-1], RowError)


def test_invalid_json_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[{"email": "a@x.io"}, {"email": ')
    with pytest.raises(UnreadableFile, match="not valid"):
        list(read_table(path).rows)
    nothing = tmp_path / "none.json"
    nothing.write_text("[]")
    with pytest.raises(UnreadableFile, match="no records"):
        read_table(nothing)


def test_formats_are_told_by_content_not_name(tmp_path):
    path = tmp_path / "export.txt"
    workbook = Workbook()
    workbook.active.append(["email"])
    workbook.active.append(["a@x.io"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())
    assert read_table(path).format is FileFormat.XLSX
