"""The leads list's saved views and inline edits, and the lead page's attachment preview."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Owner, Server, open_workspace, own_workspace, shot

pytestmark = pytest.mark.slow


def post(server: Server, headers: dict[str, str], path: str, **body: Any) -> dict[str, Any]:
    with server.api() as api:
        response = api.post(path, json=body, headers=headers)
        assert response.status_code == 201, response.text
        data: dict[str, Any] = response.json()["data"]
        return data


def get(server: Server, headers: dict[str, str], path: str) -> Any:
    with server.api() as api:
        response = api.get(path, headers=headers)
        assert response.status_code == 200, response.text
        return response.json()["data"]


def test_saved_views(page: Any, server: Server, owner: Owner) -> None:
    headers = own_workspace(server, owner, "Views")
    post(server, headers, "/api/v1/leads", first_name="Imogen", source="import")
    post(server, headers, "/api/v1/leads", first_name="Fiona", source="form")
    open_workspace(page, owner, headers)
    table = page.get_by_role("table")
    expect(table.get_by_role("link")).to_have_count(2)

    # Filter, hide a column, save under a name, shared.
    page.get_by_role("region", name="Filters").get_by_label("Source").select_option("import")
    expect(table.get_by_role("link")).to_have_count(1)
    page.get_by_text("Columns", exact=True).click()
    page.get_by_role("checkbox", name="Email status").uncheck()
    page.get_by_text("Columns", exact=True).click()
    views = page.get_by_test_id("saved-views")
    views.get_by_text("Views", exact=True).click()
    expect(views.get_by_text("No saved views yet")).to_be_visible()
    views.get_by_role("button", name="Save current view…").click()
    dialog = page.get_by_role("dialog", name="Save this view")
    dialog.get_by_label("View name").fill("Imported")
    dialog.get_by_label("Share with everyone in the workspace").check()
    dialog.get_by_role("button", name="Save view").click()
    expect(dialog).to_be_hidden()
    expect(views.locator("summary")).to_have_text("View: Imported")
    [saved] = get(server, headers, "/api/v1/saved-views")
    assert (saved["name"], saved["query"], saved["shared"]) == ("Imported", "source=import", True)
    assert "verification" not in saved["columns"]

    # Back to everything (and every column); the view brings filter and columns back.
    page.get_by_role("button", name="Clear filters").click()
    page.get_by_text("Columns", exact=True).click()
    page.get_by_role("checkbox", name="Email status").check()
    page.get_by_text("Columns", exact=True).click()
    expect(table.get_by_role("link")).to_have_count(2)
    expect(views.locator("summary")).to_have_text("Views")
    views.locator("summary").click()
    views.get_by_role("button", name="Imported", exact=True).click()
    expect(page).to_have_url(re.compile(r"[?&]source=import"))
    expect(table.get_by_role("link")).to_have_count(1)
    expect(table.get_by_role("columnheader", name="Email status")).to_have_count(0)
    expect(views.locator("summary")).to_have_text("View: Imported")
    shot(page, "30-saved-views")

    # A second view of the same name is refused, readably; rename; delete.
    views.locator("summary").click()
    views.get_by_role("button", name="Save current view…").click()
    dialog.get_by_label("View name").fill("imported")
    dialog.get_by_role("button", name="Save view").click()
    expect(dialog.get_by_role("alert")).to_contain_text("You have a view with this name.")
    dialog.get_by_role("button", name="Cancel").click()
    views.locator("summary").click()
    views.locator("[data-view='Imported']").get_by_role("button", name="Rename").click()
    rename = page.get_by_role("dialog", name="Rename the view Imported")
    rename.get_by_label("View name").fill("Imports only")
    rename.get_by_role("button", name="Rename").click()
    expect(views.locator("summary")).to_have_text("View: Imports only")
    page.once("dialog", lambda confirm: confirm.accept())
    views.locator("summary").click()
    views.locator("[data-view='Imports only']").get_by_role("button", name="Delete").click()
    expect(page.get_by_text("Deleted the view Imports only")).to_be_visible()
    assert get(server, headers, "/api/v1/saved-views") == []


def stage_ids(server: Server, headers: dict[str, str]) -> dict[str, str]:
    return {stage["name"]: stage["id"] for stage in get(server, headers, "/api/v1/stages")}


def test_inline_edit_in_the_leads_table(page: Any, server: Server, owner: Owner) -> None:
    headers = own_workspace(server, owner, "Inline")
    lead = post(server, headers, "/api/v1/leads", first_name="Ines", value=100)
    stages = stage_ids(server, headers)
    open_workspace(page, owner, headers)
    page.get_by_text("Columns", exact=True).click()
    page.get_by_role("checkbox", name="Value").check()
    page.get_by_role("checkbox", name="Job title").check()
    page.get_by_text("Columns", exact=True).click()
    table = page.get_by_role("table")

    def stored() -> dict[str, Any]:
        data: dict[str, Any] = get(server, headers, f"/api/v1/leads/{lead['id']}")
        return data

    def saved(check: Any) -> None:
        """The server has it: the table shows an edit before its request is answered."""
        deadline = time.monotonic() + 10
        while not check(lead := stored()):
            assert time.monotonic() < deadline, lead
            time.sleep(0.1)

    # Double-click, type, Enter.
    value = table.get_by_role("button", name=re.compile("^Value of Ines"))
    value.dblclick()
    editor = table.get_by_label("Value of Ines")
    expect(editor).to_be_focused()
    editor.fill("2500")
    editor.press("Enter")
    expect(value).to_have_text(re.compile(r"2,?500"))
    expect(value).to_be_focused()
    saved(lambda lead: lead["value"] == 2500)

    # The keyboard: Enter opens, Escape cancels, Enter saves.
    title = table.get_by_role("button", name=re.compile("^Job title of Ines"))
    title.focus()
    page.keyboard.press("Enter")
    page.keyboard.type("CFO")
    page.keyboard.press("Escape")
    expect(title).to_have_text("—")
    expect(title).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.type("CTO")
    page.keyboard.press("Enter")
    expect(title).to_have_text("CTO")
    saved(lambda lead: lead["job_title"] == "CTO")

    # Stage and owner are choices: picking one saves it; arrows then Enter do too.
    stage = table.get_by_role("button", name=re.compile("^Stage of Ines"))
    stage.dblclick()
    table.get_by_label("Stage of Ines").select_option(label="Qualified")
    expect(stage).to_have_text("Qualified")
    saved(lambda lead: lead["stage_id"] == stages["Qualified"])
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(stage).to_have_text("Proposal")
    saved(lambda lead: lead["stage_id"] == stages["Proposal"])
    owner_cell = table.get_by_role("button", name=re.compile("^Owner of Ines"))
    owner_cell.dblclick()
    table.get_by_label("Owner of Ines").select_option(label="Olivia Owner")
    expect(owner_cell).to_have_text("Olivia Owner")
    saved(lambda lead: lead["owner_id"] is not None)

    # A lost stage asks for the reason first.
    stage.dblclick()
    table.get_by_label("Stage of Ines").select_option(label="Lost")
    dialog = page.get_by_role("dialog", name="Why was this lead lost?")
    dialog.get_by_label("Lost reason").fill("Budget")
    dialog.get_by_role("button", name="Mark as lost").click()
    expect(stage).to_have_text("Lost")
    saved(lambda lead: (lead["stage_id"], lead["lost_reason"]) == (stages["Lost"], "Budget"))

    # A bad number never leaves the browser; a refusal by the server is rolled back, with why.
    value.dblclick()
    editor.fill("12.5")
    editor.press("Enter")
    expect(page.get_by_role("alert").filter(has_text="whole number")).to_be_visible()
    editor.press("Escape")
    with server.api() as api:
        assert api.delete(f"/api/v1/leads/{lead['id']}", headers=headers).status_code == 200
    value.dblclick()
    editor.fill("9999")
    editor.press("Enter")
    expect(page.get_by_role("alert").filter(has_text="Ines was not changed")).to_be_visible()
    expect(value).to_have_text(re.compile(r"2,?500"))
    shot(page, "31-inline-edit")


def real_png(width: int = 40, height: int = 30) -> bytes:
    """A red rectangle a browser really decodes (the upload tests' PNG is a header only)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xcc\x22\x22" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def real_pdf(text: str) -> bytes:
    """One page saying `text`, with a correct cross-reference table."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


def test_attachment_preview(page: Any, server: Server, owner: Owner) -> None:
    headers = own_workspace(server, owner, "Preview")
    lead = post(server, headers, "/api/v1/leads", first_name="Petra")
    with server.api() as api:
        uploaded = api.post(
            f"/api/v1/leads/{lead['id']}/attachments",
            files=[
                ("file", ("photo.png", real_png(), "image/png")),
                ("file", ("offer.pdf", real_pdf("Offer for Petra"), "application/pdf")),
                ("file", ("notes.txt", b"plain notes\n", "text/plain")),
            ],
            headers=headers,
        )
        assert uploaded.status_code == 201, uploaded.text
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    open_workspace(page, owner, headers)
    page.goto(f"/leads/{lead['id']}")
    files = page.get_by_role("region", name="Attachments")
    expect(files.get_by_text("photo.png")).to_be_visible()
    # Text files download; only what a browser shows safely has a preview.
    expect(files.get_by_role("button", name="Preview notes.txt")).to_have_count(0)

    files.get_by_role("button", name="Preview photo.png").click()
    dialog = page.get_by_role("dialog", name="photo.png")
    image = dialog.get_by_role("img", name="Preview of photo.png")
    expect(image).to_have_attribute("src", re.compile("^blob:"))
    page.wait_for_function(
        "document.querySelector('dialog img')?.naturalWidth === 40", polling=100, timeout=10_000
    )
    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()

    files.get_by_role("button", name="Preview offer.pdf").click()
    dialog = page.get_by_role("dialog", name="offer.pdf")
    frame = dialog.locator("iframe[title='Preview of offer.pdf']")
    expect(frame).to_have_attribute("src", re.compile("^blob:"))
    # The frame loads the blob (a CSP without blob: frames would leave it blank, and say so).
    for _ in range(100):
        blob_frames = [f for f in page.frames if f.url.startswith("blob:")]
        if blob_frames:
            break
        page.wait_for_timeout(100)
    assert blob_frames, [f.url for f in page.frames]
    page.wait_for_timeout(1500)  # the PDF viewer draws the page, for the screenshot
    shot(page, "32-attachment-preview")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert refused == []
