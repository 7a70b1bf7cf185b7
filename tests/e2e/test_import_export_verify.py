"""The import wizard, the export dialog and the verify screen in Chromium against the real
server (its worker runs the import, export and verification jobs)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Owner, Server, open_workspace, own_workspace, shot, sign_in

pytestmark = pytest.mark.slow

OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


def tagged(server: Server, owner: Owner, tag: str) -> list[dict[str, Any]]:
    with server.api() as api:
        response = api.get("/api/v1/leads", params={"tag": tag}, headers=owner.headers)
        assert response.status_code == 200, response.text
        leads: list[dict[str, Any]] = response.json()["data"]
        return leads


def test_import_a_file_follow_it_and_revert(page: Any, server: Server, owner: Owner) -> None:
    sign_in(page, owner.email)
    page.get_by_role("link", name="Import", exact=True).first.click()
    expect(page.get_by_role("heading", name="Import leads")).to_be_visible()

    # A file that cannot be read is refused with the reason, and nothing is kept.
    page.locator("#import-file").set_input_files(
        {"name": "empty.csv", "mimeType": "text/csv", "buffer": b""}
    )
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("This file cannot be imported")
    shot(page, "30-import-unreadable")

    rows = (
        "Vorname;Nachname;E-Mail;Firma;Notiz\r\n"
        "Hedy;Lamarr;hedy@wizard.example;Frequency Hopping;met at the fair\r\n"
        "Katherine;Johnson;katherine@wizard.example;NASA;\r\n"
        "Barbara;Liskov;not-an-address;CLU Labs;\r\n"
        "Radia;Perlman;radia@wizard.example;Spanning Tree;\r\n"
    )
    page.locator("#import-file").set_input_files(
        {"name": "fair.csv", "mimeType": "text/csv", "buffer": rows.encode()}
    )
    expect(page.get_by_role("heading", name="Columns of fair.csv")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/import\?id="))
    # The suggestions from the German headers.
    expect(page.get_by_label("E-Mail")).to_have_value("email")
    expect(page.get_by_label("Vorname")).to_have_value("first_name")
    expect(page.get_by_label("Firma")).to_have_value("company_name")
    page.get_by_label("Notiz").select_option("")  # leave the notes out
    page.get_by_label("Tags for every lead").fill("fair-e2e")
    shot(page, "31-import-mapping")

    start = page.get_by_role("button", name="Start import")
    expect(start).to_be_disabled()  # not before a preview
    page.get_by_role("button", name="Preview", exact=True).click()
    preview = page.get_by_role("table", name="Preview rows")
    expect(preview.get_by_role("row")).to_have_count(5)
    expect(preview).to_contain_text("not-an-address")
    expect(page.get_by_label("Decisions")).to_contain_text("3 create")
    expect(page.get_by_label("Decisions")).to_contain_text("1 fail")
    shot(page, "32-import-preview")
    assert tagged(server, owner, "fair-e2e") == []  # the preview wrote nothing

    start.click()
    bar = page.get_by_role("progressbar", name="Rows read")
    expect(bar).to_be_visible()
    expect(page.get_by_role("heading", name="Import finished")).to_be_visible(timeout=60_000)
    expect(bar).to_have_attribute("aria-valuenow", "100")
    counters = page.locator("dl")
    expect(counters).to_contain_text("Created3")
    expect(counters).to_contain_text("Failed1")
    shot(page, "33-import-finished")
    assert {lead["first_name"] for lead in tagged(server, owner, "fair-e2e")} == {
        "Hedy",
        "Katherine",
        "Radia",
    }

    with page.expect_download() as download:
        page.get_by_role("button", name="Download error report (CSV)").click()
    report = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "not-an-address" in report
    assert download.value.suggested_filename == "errors-fair.csv"

    page.get_by_role("link", name="Show imported leads").click()
    table = page.get_by_role("table")
    expect(table.get_by_role("link", name="Hedy Lamarr")).to_be_visible()
    page.go_back()

    page.get_by_role("button", name="Revert import…").click()
    dialog = page.get_by_role("dialog", name="Revert this import?")
    expect(dialog).to_contain_text("The 3 leads it created are removed")
    shot(page, "34-import-revert-confirm")
    dialog.get_by_role("button", name="Revert").click()
    expect(page.get_by_role("heading", name="Import reverted")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Removed 3 leads it created")).to_be_visible()
    assert tagged(server, owner, "fair-e2e") == []

    page.get_by_role("button", name="Import another file").click()
    expect(page.get_by_role("region", name="Upload")).to_be_visible()
    expect(page.get_by_role("link", name="fair.csv").first).to_be_visible()

    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate(OVERFLOW) <= 0
    shot(page, "35-phone-import")
    page.locator("#import-file").set_input_files(
        {"name": "fair.csv", "mimeType": "text/csv", "buffer": rows.encode()}
    )
    expect(page.get_by_role("heading", name="Columns of fair.csv")).to_be_visible()
    assert page.evaluate(OVERFLOW) <= 0  # the mapping table scrolls inside its card
    shot(page, "35-phone-import-mapping")


def test_export_the_filtered_list_as_csv(page: Any, server: Server, owner: Owner) -> None:
    headers = own_workspace(server, owner, "Export Co")  # other tests count the first one's
    with server.api() as api:
        for first, email in [("Ida", "ida@export.example"), ("Joan", "joan@export.example")]:
            body = {"first_name": first, "email": email, "tags": ["export-e2e"]}
            created = api.post("/api/v1/leads", json=body, headers=headers)
            assert created.status_code == 201, created.text
    open_workspace(page, owner, headers)
    page.goto("/leads?tag=export-e2e")
    expect(page.get_by_role("table").get_by_role("link")).to_have_count(2)
    page.get_by_role("button", name="Export").click()
    dialog = page.get_by_role("dialog", name="Export leads")
    expect(dialog).to_contain_text("2 leads matching the list's filters")
    expect(dialog.get_by_label("Format")).to_have_value("csv")
    dialog.get_by_role("button", name="None").click()
    dialog.get_by_label("First name", exact=True).check()
    dialog.get_by_label("Email", exact=True).check()
    shot(page, "36-export-dialog")
    with page.expect_download() as download:
        dialog.get_by_role("button", name="Download").click()
    expect(dialog).to_be_hidden()
    assert re.fullmatch(r"leads-\d{8}-\d{6}\.csv", download.value.suggested_filename)
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        ["first_name", "email"],
        ["Ida", "ida@export.example"],
        ["Joan", "joan@export.example"],
    ]

    # In the background: a job with a progress bar, then the download.
    page.get_by_role("button", name="Export").click()
    dialog.get_by_label("Format").select_option("ndjson")
    dialog.get_by_label("Make the file in the background, then download it").check()
    dialog.get_by_role("button", name="Start export").click()
    expect(dialog.get_by_role("progressbar")).to_be_visible()
    download_file = dialog.get_by_role("button", name=re.compile(r"^Download leads-.*\.ndjson$"))
    expect(download_file).to_be_visible(timeout=60_000)
    expect(dialog.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    expect(dialog).to_contain_text("2 of 2 leads written")
    shot(page, "36-export-job")
    with page.expect_download() as download:
        download_file.click()
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["email"] for line in lines] == [
        "ida@export.example",
        "joan@export.example",
    ]
    dialog.get_by_role("button", name="Close").first.click()

    # The ticked rows only (or, by choice, the whole filtered list).
    page.get_by_role("checkbox", name="Select Joan").check()
    page.get_by_role("button", name="Export").click()
    expect(dialog.get_by_label("The 1 ticked lead")).to_be_checked()
    dialog.get_by_role("button", name="None").click()
    dialog.get_by_label("Email", exact=True).check()
    shot(page, "36-export-ticked")
    with page.expect_download() as download:
        dialog.get_by_role("button", name="Download").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert list(csv.reader(io.StringIO(text))) == [["email"], ["joan@export.example"]]
    page.get_by_role("checkbox", name="Select Joan").uncheck()

    # A CRM layout allows CSV and XLSX only.
    page.get_by_role("button", name="Export").click()
    dialog.get_by_label("CRM layout").select_option("hubspot")
    assert dialog.get_by_label("Format").locator("option").all_inner_texts() == [
        "CSV",
        "Excel (XLSX)",
    ]
    expect(dialog).to_contain_text("HubSpot columns: First Name")


def test_verify_addresses(page: Any, owner: Owner) -> None:
    """Verdicts that need no network: bad syntax, a disposable domain."""
    sign_in(page, owner.email)
    page.get_by_role("link", name="Verify", exact=True).click()
    expect(page.get_by_role("heading", name="Verify email addresses")).to_be_visible()
    addresses = page.get_by_label("Addresses, one per line")

    # One address: answered at once.
    addresses.fill("jane.doe@@acme")
    page.get_by_role("button", name="Verify", exact=True).click()
    results = page.get_by_role("region", name="Results")
    expect(results.get_by_role("row")).to_have_count(2)
    expect(results).to_contain_text("invalid syntax")
    expect(results.get_by_role("row").nth(1)).to_contain_text("✕invalid")

    # Several: a job with a progress bar, then the table and the downloads.
    addresses.fill("not an address\nsomeone@mailinator.com\n\nSOMEONE@mailinator.com\n")
    expect(page.get_by_text("2 addresses · 1 given twice (checked once)")).to_be_visible()
    page.get_by_label("Ask the mail servers (SMTP)").uncheck()
    page.get_by_role("button", name="Verify 2 addresses").click()
    expect(page).to_have_url(re.compile(r"/verify\?job="))
    expect(page.get_by_role("progressbar")).to_be_visible()
    expect(page.get_by_role("heading", name="Verification finished")).to_be_visible(timeout=60_000)
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    expect(results.get_by_role("row")).to_have_count(3)
    expect(results).to_contain_text("disposable")
    results.get_by_role("button", name="Details of someone@mailinator.com").click()
    expect(results).to_contain_text("disposable domain")
    expect(results).to_contain_text("not asked")
    shot(page, "37-verify-results")

    # Only the invalid ones.
    results.get_by_role("button", name="invalid 1").click()
    expect(results.get_by_role("row")).to_have_count(2)
    results.get_by_role("button", name="All 2").click()

    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text("utf-8"))))
    assert [(r["row"], r["email"], r["status"]) for r in rows] == [
        ("1", "not an address", "invalid"),
        ("2", "someone@mailinator.com", "disposable"),
    ]

    page.reload()  # the job is in the URL: its results come back
    expect(results.get_by_role("row")).to_have_count(3)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate(OVERFLOW) <= 0
    shot(page, "38-phone-verify")
