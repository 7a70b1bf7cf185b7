"""Companies, "find contacts" and duplicates in the web app, in Chromium against the real server:
a crawl of a small company site served on loopback by the test, its people added as leads, and
a merge of two duplicate leads with its undo. Each test works in a workspace of its own, so the
other e2e tests' lead counts are untouched."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import (
    ARTIFACTS,
    Owner,
    Server,
    open_workspace,
    own_workspace,
    shot,
)

pytestmark = pytest.mark.slow

HOME = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Northwind Traders</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "Organization", "name": "Northwind Traders Ltd",
 "url": "https://northwind.lwtest/", "telephone": "+44 20 7946 0000",
 "address": {"@type": "PostalAddress", "addressLocality": "Leeds", "addressCountry": "GB"}}
</script></head>
<body><h1>Northwind Traders</h1><p>Fine foods, shipped.</p>
<a href="/team/">Our team</a> <a href="/contact/">Contact</a></body></html>"""

TEAM = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Team | Northwind</title>
</head><body><h1>Our team</h1>
<div class="team-grid">
  <div class="team-member"><h3>Anna Schmidt</h3><p class="position">Chief Executive Officer</p>
    <a href="mailto:anna.schmidt@northwind.lwtest">Email</a></div>
  <div class="team-member"><h3>Tom Becker</h3><p class="position">Head of Sales</p>
    <a href="mailto:tom.becker@northwind.lwtest">Email</a></div>
  <div class="team-member"><h3>Lena Vogel</h3><p class="position">Chief Technology Officer</p>
    <a href="mailto:lena.vogel@northwind.lwtest">Email</a></div>
</div></body></html>"""

CONTACT = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Contact</title></head><body><h1>Contact</h1>
<p>Write to <a href="mailto:sales@northwind.lwtest">sales@northwind.lwtest</a>.</p>
</body></html>"""


class _Site(BaseHTTPRequestHandler):
    pages = {"/": HOME, "/team/": TEAM, "/contact/": CONTACT}

    def do_GET(self) -> None:
        body = self.pages.get(self.path.split("?")[0])
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        data = (body or "not here").encode()
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def post(server: Server, headers: dict[str, str], path: str, body: Any) -> Any:
    with server.api() as api:
        response = api.post(f"/api/v1{path}", json=body, headers=headers)
        assert response.status_code in (200, 201, 202), response.text
        return response.json()["data"]


def get(server: Server, headers: dict[str, str], path: str, **params: Any) -> Any:
    with server.api() as api:
        response = api.get(f"/api/v1{path}", params=params, headers=headers)
        assert response.status_code == 200, response.text
        return response.json()["data"]


def test_find_contacts_on_a_company_site_and_add_them_as_leads(
    page: Any, server: Server, owner: Owner, site: str
) -> None:
    headers = own_workspace(server, owner, "Prospects")
    fields = {"name": "Northwind", "domain": "northwind.lwtest", "website": site}
    company = post(server, headers, "/companies", fields)
    # Tom is a lead already: adding him again must say so and add nothing.
    tom = post(server, headers, "/leads", {"first_name": "Tom", "last_name": "Becker",
                                           "email": "tom.becker@northwind.lwtest"})  # fmt: skip
    assert tom["company_id"] == company["id"]

    open_workspace(page, owner, headers)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Companies").click()
    expect(page.get_by_role("heading", name="Companies")).to_be_visible()
    page.get_by_role("searchbox", name="Search").fill("north")
    table = page.get_by_role("table")
    expect(table.get_by_role("link", name="Northwind")).to_be_visible()
    shot(page, "60-companies")
    page.get_by_role("searchbox", name="Search").fill("no such company")
    expect(page.get_by_text("No companies match this search")).to_be_visible()
    page.get_by_role("searchbox", name="Search").fill("northwind")
    table.get_by_role("link", name="Northwind").click()

    expect(page.get_by_role("heading", name="Northwind", exact=True)).to_be_visible()
    leads = page.get_by_role("region", name="Leads")
    expect(leads.get_by_role("link", name="Tom Becker")).to_be_visible()
    contacts = page.get_by_role("region", name="Find contacts")
    expect(contacts.get_by_label("Website or domain to crawl")).to_have_value(site)
    contacts.get_by_role("button", name="Find contacts").click()
    expect(contacts.get_by_role("progressbar")).to_be_visible()
    done = contacts.get_by_text(re.compile(r"Done: \d+ pages? fetched"))
    expect(done).to_be_visible(timeout=60_000)

    people = contacts.get_by_role("table")
    expect(people.get_by_text("Anna Schmidt")).to_be_visible()
    expect(people.get_by_text("Chief Executive Officer")).to_be_visible()
    expect(people.get_by_text("anna.schmidt@northwind.lwtest")).to_be_visible()
    expect(people.get_by_role("link", name=f"{site}team/").first).to_be_visible()
    expect(contacts.get_by_text("sales@northwind.lwtest")).to_be_visible()
    shot(page, "61-company-crawl-results")

    contacts.get_by_label("Select Anna Schmidt").check()
    contacts.get_by_label("Select Tom Becker").check()
    contacts.get_by_role("button", name="Add 2 as leads").click()
    expect(contacts.get_by_role("status")).to_contain_text("1 added, 1 already leads (Tom Becker)")
    expect(people.get_by_role("link", name="Already a lead")).to_have_count(1)
    expect(people.get_by_role("link", name="Added as a lead")).to_have_count(1)
    expect(leads.get_by_role("link", name="Anna Schmidt")).to_be_visible()
    # The crawl is listed with the company, and its results can be shown again.
    expect(contacts.get_by_text("succeeded")).to_be_visible()
    shot(page, "62-company-leads-added")

    page.get_by_role("button", name="Enrich").click()
    expect(page.get_by_text(re.compile(r"Enriched \(website: "))).to_be_visible(timeout=60_000)
    enrichment = page.get_by_role("region", name="Enrichment and sources")
    expect(enrichment.get_by_text("Northwind Traders Ltd")).to_be_visible()
    expect(enrichment.get_by_role("link", name=site).first).to_be_visible()
    shot(page, "63-company-enriched")

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()  # the crawl shown is in the URL: its results come back
    expect(page.get_by_role("heading", name="Northwind", exact=True)).to_be_visible()
    expect(contacts.get_by_role("table").get_by_text("Anna Schmidt")).to_be_visible()
    shot(page, "64-company-phone")
    page.set_viewport_size({"width": 1400, "height": 900})

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Leads").click()
    page.get_by_label("Search").fill("Anna")
    anna = page.get_by_role("table").get_by_role("link", name="Anna Schmidt")
    expect(anna).to_be_visible()
    found = get(server, headers, "/leads", q="Anna")
    assert [(lead["email"], lead["source"], lead["company_id"]) for lead in found] == [
        ("anna.schmidt@northwind.lwtest", "crawl", company["id"])
    ]
    anna.click()
    facts = page.get_by_role("region", name="Enrichment and sources")
    facts.get_by_role("button", name="Enrich").click()
    expect(facts.get_by_text(re.compile(r"Enriched \(website: "))).to_be_visible(timeout=60_000)
    expect(facts.get_by_text("Job title")).to_be_visible()
    expect(facts.get_by_role("link", name=f"{site}team/").first).to_be_visible()
    shot(page, "69-lead-enriched")
    card = page.get_by_role("region", name="Company").get_by_role(
        "link", name="Northwind", exact=True
    )
    expect(card).to_be_visible()
    card.click()
    expect(page.get_by_role("heading", name="Northwind", exact=True)).to_be_visible()


def test_merge_two_duplicate_leads_and_undo(page: Any, server: Server, owner: Owner) -> None:
    headers = own_workspace(server, owner, "Duplicates")
    older = post(server, headers, "/leads", {
        "first_name": "Grace", "last_name": "Hopper", "email": "grace@navy.lwtest",
        "phone": "+1 202 555 0143", "city": "Arlington"})  # fmt: skip
    newer = post(server, headers, "/leads", {
        "first_name": "Grace", "last_name": "Hopper", "email": "Grace@navy.lwtest",
        "phone": "+1 202 555 0143", "job_title": "Rear Admiral", "city": "New York"})  # fmt: skip
    pairs = get(server, headers, f"/leads/{newer['id']}/duplicates")
    if not pairs:  # not flagged on creation: a scan finds them
        job = post(server, headers, "/duplicates/scan", {"threshold": 0.5})
        deadline = time.monotonic() + 60
        while get(server, headers, f"/jobs/{job['id']}")["status"] not in ("succeeded", "failed"):
            assert time.monotonic() < deadline, "the duplicate scan did not finish"
            time.sleep(0.5)
        pairs = get(server, headers, f"/leads/{newer['id']}/duplicates")
    assert len(pairs) == 1, pairs

    open_workspace(page, owner, headers)
    page.goto(f"/leads/{newer['id']}")
    expect(page.get_by_role("link", name="1 possible duplicate")).to_be_visible()
    duplicates = page.get_by_role("region", name=re.compile("Possible duplicates"))
    expect(duplicates.get_by_text("likely the same person")).to_be_visible()
    duplicates.get_by_text("Why").click()
    expect(duplicates.get_by_role("cell", name="email")).to_be_visible()
    shot(page, "65-lead-duplicates")

    duplicates.get_by_role("button", name="Merge…").click()
    dialog = page.get_by_role("dialog", name="Merge two leads")
    expect(dialog.get_by_label("Grace Hopper (this lead)")).not_to_be_checked()  # the older stays
    dialog.get_by_label("City", exact=True).select_option("manual")
    dialog.get_by_label("City: value to keep").fill("Washington")
    dialog.get_by_label("Job title", exact=True).select_option(f"lead:{newer['id']}")
    shot(page, "66-merge-dialog")
    page.set_viewport_size({"width": 390, "height": 844})
    # What the phone shows (a full-page shot does not show a modal dialog as it is seen).
    page.screenshot(path=str(ARTIFACTS / "66-merge-dialog-phone.png"))
    page.set_viewport_size({"width": 1400, "height": 900})
    dialog.get_by_role("button", name="Merge", exact=True).click()
    expect(dialog).to_be_hidden()

    expect(page).to_have_url(re.compile(f"/leads/{older['id']}$"))
    details = page.get_by_role("region", name="Details")
    expect(details.get_by_text("Washington")).to_be_visible()
    expect(details.get_by_text("Rear Admiral")).to_be_visible()
    merges = page.get_by_text(re.compile(r"Grace Hopper \(Grace@navy.lwtest\) merged"))
    expect(merges).to_be_visible()
    shot(page, "67-lead-merged")
    with server.api() as api:
        gone = api.get(f"/api/v1/leads/{newer['id']}", headers=headers)
        assert gone.status_code == 404

    page.get_by_role("button", name="Undo merge").click()
    expect(page.get_by_text("Merge undone: both leads are back")).to_be_visible()
    expect(details.get_by_text("Arlington")).to_be_visible()
    assert get(server, headers, f"/leads/{newer['id']}")["city"] == "New York"
    # The pair is open again: this time it is not one person.
    duplicates = page.get_by_role("region", name=re.compile("Possible duplicates"))
    duplicates.get_by_role("button", name="Not a duplicate").click()
    expect(duplicates.get_by_text("No possible duplicates of this lead.")).to_be_visible()
    assert get(server, headers, f"/leads/{newer['id']}/duplicates") == []
    shot(page, "68-lead-after-undo")
