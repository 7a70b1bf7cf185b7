"""`leadwise dedupe FILE.csv`: any delimiter and encoding, no database, clear errors."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.dedupe.synthetic import generate

HEADER = ["Lead ID", "Vorname", "Nachname", "E-Mail", "Telefon", "Firma", "Stadt", "PLZ"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "leadwise", "dedupe", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        # Rich wraps at 80 columns without a terminal: a long temporary path would split
        # the message the test looks for.
        env={**os.environ, "COLUMNS": "500"},
    )


def write(path: Path, rows: list[dict[str, str]], encoding: str, delimiter: str) -> None:
    keys = ["id", "first_name", "last_name", "email", "phone", "company", "city", "postcode"]
    with path.open("w", newline="", encoding=encoding) as out:
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(HEADER)
        writer.writerows([row[key] for key in keys] for row in rows)


def test_a_german_utf16_tab_file_with_zero_configuration(tmp_path: Path):
    data = generate(1500, duplicate_share=0.1, seed=2)
    source = tmp_path / "leads.tsv"
    write(source, data.rows, "utf-16", "\t")
    pairs, groups = tmp_path / "pairs.csv", tmp_path / "clusters.csv"
    done = run(str(source), "-o", str(pairs), "--clusters", str(groups), "--region", "DE")
    assert done.returncode == 0, done.stderr
    assert "E-Mail=email" in done.stdout.replace("\n", "")
    with pairs.open(encoding="utf-8") as found:
        rows = list(csv.DictReader(found))
    assert list(rows[0]) == [
        "left_id", "right_id", "probability", "match_weight",
        "Vorname", "Nachname", "E-Mail", "Telefon", "Firma", "Stadt", "PLZ",
    ]  # fmt: skip
    truth = data.true_pairs()
    found_pairs = {tuple(sorted((row["left_id"], row["right_id"]))) for row in rows}
    assert len(found_pairs & truth) / len(found_pairs) >= 0.95
    assert len(found_pairs & truth) / len(truth) >= 0.9
    assert all(float(row["probability"]) >= 0.9 for row in rows)
    # Each field says which level the pair reached and what that weighed: "exact (+13.6)".
    for field in HEADER[1:]:
        assert re.fullmatch(r".+ \([+-]\d+\.\d\)", rows[0][field]), rows[0][field]
    with groups.open(encoding="utf-8") as grouped:
        assert next(csv.reader(grouped)) == ["cluster_id", "record_id"]


def test_bad_input_is_one_line_and_exit_1(tmp_path: Path):
    missing = run(str(tmp_path / "nope.csv"), "-o", str(tmp_path / "p.csv"))
    assert missing.returncode == 1
    assert "no such file" in missing.stderr
    assert "Traceback" not in missing.stderr
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    assert run(str(empty), "-o", str(tmp_path / "p.csv")).returncode == 1
    header_only = tmp_path / "header.csv"
    header_only.write_text("email,name\n")
    only = run(str(header_only), "-o", str(tmp_path / "p.csv"))
    assert only.returncode == 1
    assert "no rows" in only.stderr
    bad_map = run(str(header_only), "-o", str(tmp_path / "p.csv"), "--map", "email=mail")
    assert bad_map.returncode == 1
    assert "COLUMN=TYPE" in bad_map.stderr
    bad_id = tmp_path / "one.csv"
    bad_id.write_text("email\nada@acme.io\n")
    no_column = run(str(bad_id), "-o", str(tmp_path / "p.csv"), "--id-column", "key")
    assert no_column.returncode == 1
    assert "no column 'key'" in no_column.stderr


def test_a_spreadsheet_with_an_unreadable_row(tmp_path: Path):
    from openpyxl import Workbook

    data = generate(400, duplicate_share=0.1, seed=4)
    workbook = Workbook()
    sheet = workbook.active
    keys = ["id", "first_name", "last_name", "email", "phone", "company", "city", "postcode"]
    sheet.append(HEADER)
    for row in data.rows:
        sheet.append([row[key] for key in keys])
    sheet.append(["x", "too", "many", "cells", "in", "this", "row", "!", "extra"])
    source = tmp_path / "leads.xlsx"
    workbook.save(source)
    done = run(str(source), "-o", str(tmp_path / "pairs.csv"), "--region", "DE")
    assert done.returncode == 0, done.stderr
    assert "400 rows" in done.stdout.replace("\n", " ")
    assert "1 unreadable rows were left out" in done.stderr


def test_rows_are_numbered_across_the_reading_batches(tmp_path: Path, monkeypatch):
    from leadwise.import_export import dedupe_file

    monkeypatch.setattr(dedupe_file, "GATHER_BATCH", 4)  # the file is read in several batches
    data = generate(60, duplicate_share=0.2, seed=3)
    keys = ["first_name", "last_name", "email", "phone", "city"]
    source = tmp_path / "leads.csv"  # no id column: a record's id is its row number
    with source.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(keys)
        writer.writerows([row[key] for key in keys] for row in data.rows)
    outcome = dedupe_file.dedupe_file(source, tmp_path / "pairs.csv")
    assert outcome.result.prepared.ids.tolist() == [str(n) for n in range(1, 61)]
    with (tmp_path / "pairs.csv").open(encoding="utf-8") as pairs:
        found = [(int(row["left_id"]), int(row["right_id"])) for row in csv.DictReader(pairs)]
    assert found
    for left, right in found:  # each pair names two rows of one person
        a, b = data.rows[left - 1]["id"], data.rows[right - 1]["id"]
        assert data.entity[a] == data.entity[b]
