"""`leadwise verify`, run as a user would (a subprocess), against the loopback mail world."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.verification.conftest import MailWorld
from tests.verification.test_engine import CASES


def run(world: MailWorld, cwd: Path, *args: str, **settings: object) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADWISE_")}
    env.update(world.env(**settings))
    env["COLUMNS"] = "200"  # Rich tables wide enough to read
    return subprocess.run(
        [sys.executable, "-m", "leadwise", "verify", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
        cwd=cwd,
    )


def test_addresses_as_json_lines_with_a_summary(mail_world: MailWorld, tmp_path: Path) -> None:
    emails = ["jane@known.lwtest", "nobody@known.lwtest", "x@catchall.lwtest", "jane@gnail.com"]
    done = run(mail_world, tmp_path, *emails, "--json")
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["email"], r["status"], r["sub_status"]) for r in results] == [
        ("jane@known.lwtest", "valid", "accepted"),
        ("nobody@known.lwtest", "invalid", "mailbox_not_found"),
        ("x@catchall.lwtest", "accept_all", "catch_all"),
        ("jane@gnail.com", "invalid", "no_domain"),
    ]
    assert results[3]["suggestion"] == "jane@gmail.com"
    assert "pre-flight: connected to mx-known.lwtest" in done.stderr
    assert "4 addresses" in done.stderr
    assert "mailbox_not_found 1" in done.stderr


def test_addresses_as_a_table(mail_world: MailWorld, tmp_path: Path) -> None:
    done = run(mail_world, tmp_path, "john@tls.lwtest", "jane@gmial.com")
    assert done.returncode == 0, done.stderr
    assert "john@tls.lwtest" in done.stdout
    assert "accepted" in done.stdout
    assert "disposable" in done.stdout
    assert "did you mean jane@gmail.com?" in done.stdout.replace("\n", " ").replace("│", "")


def test_a_file_gets_every_verdict_in_order(mail_world: MailWorld, tmp_path: Path) -> None:
    source = tmp_path / "leads.csv"
    cases = {**CASES, "sales@greylist.lwtest": ("valid", "role", 250)}
    with source.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Name", "E-Mail", "Note"])
        for number, email in enumerate(cases):
            writer.writerow(
                [f"Lead {number}", email, "=HYPERLINK(1)" if number == 0 else "+49 30 1234"]
            )
    target = tmp_path / "verified.csv"
    done = run(
        mail_world, tmp_path, "-i", str(source), "-o", str(target), greylist_retry_seconds=1.2
    )
    assert done.returncode == 0, done.stderr
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:5] == ["Name", "E-Mail", "Note", "verify_status", "verify_sub_status"]
    assert [row["E-Mail"] for row in rows] == list(cases)
    for row, (status, sub_status, code) in zip(rows, cases.values(), strict=True):
        got = (row["verify_status"], row["verify_sub_status"], row["verify_smtp_code"])
        assert got == (status, sub_status, str(code or "")), row
    assert rows[0]["Note"] == "'=HYPERLINK(1)"  # a formula is written as text
    assert rows[1]["Note"] == "+49 30 1234"
    assert "1 greylisted addresses: asking again" in done.stderr
    assert not list(tmp_path.glob("*.part*"))


def test_a_spreadsheet_to_json_lines(mail_world: MailWorld, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Contact", "Company"])
    sheet.append(["jane@known.lwtest", "Known"])
    sheet.append(["someone@mailinator.com", "Burner"])
    source = tmp_path / "leads.xlsx"
    book.save(source)
    target = tmp_path / "out.jsonl"
    done = run(
        mail_world, tmp_path, "-i", str(source), "--column", "contact", "-o", str(target), "--json"
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert [(line["row"], line["status"]) for line in lines] == [(1, "valid"), (2, "disposable")]


def test_without_smtp_no_server_is_asked(mail_world: MailWorld, tmp_path: Path) -> None:
    known = mail_world.script("known")
    before = known.connections
    done = run(mail_world, tmp_path, "jane@known.lwtest", "jane@null.lwtest", "--no-smtp", "--json")
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["sub_status"] for line in done.stdout.splitlines()] == [
        "smtp_skipped",
        "null_mx",
    ]
    assert known.connections == before
    assert "pre-flight" not in done.stderr


@pytest.mark.parametrize(
    ("args", "settings", "message"),
    [
        (["jane@known.lwtest"], {"preflight_domain": "refused.lwtest"}, "looks blocked"),
        (["-i", "missing.csv"], {}, "missing.csv"),
        (["-i", "leads.csv"], {}, "which column holds the addresses? Use --column"),
        (["-i", "leads.csv", "--column", "mail"], {}, "no column 'mail'; columns: 'Who'"),
        (["a@b.com", "-i", "leads.csv"], {}, "give addresses or -i FILE"),
        ([], {}, "give addresses or -i FILE"),
        (["-i", "empty.csv"], {}, "The file is empty"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    mail_world: MailWorld, tmp_path: Path, args: list[str], settings: dict, message: str
) -> None:
    (tmp_path / "leads.csv").write_text("Who\njane@known.lwtest\n")
    (tmp_path / "empty.csv").write_text("")
    target = tmp_path / "out.csv"
    done = run(mail_world, tmp_path, *args, "-o", str(target), **settings)
    assert done.returncode == 1, done.stdout + done.stderr
    assert message in done.stderr.replace("\n", " ")
    assert not target.exists()
    assert not list(tmp_path.glob("*.part"))
