"""Lead exports: every format read back by its own parser, presets, formula neutralisation,
filters, keyset batches, the job path through the real runner (and a real worker), bad input
and permissions."""

from __future__ import annotations

import csv
import io
import json
import tempfile
import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import anyio
import httpx
import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, update

from leadwise.config import get_settings
from leadwise.import_export import export, export_formats
from leadwise.import_export.export_formats import (
    FORMULA_STARTS,
    PHONE_NUMBER,
    PLAIN_NUMBER,
    Column,
    CsvWriter,
    XlsxWriter,
    XmlWriter,
    neutralise,
)
from leadwise.import_export.export_schemas import ExportRequest
from leadwise.jobs import runner
from leadwise.leads import service as leads_service
from leadwise.models import Job, JobStatus, Lead
from tests.conftest import Account, add_user, assert_error
from tests.jobs.support import Workers, wait_for

EXPORTS = "/api/v1/exports"


async def make_lead(client: httpx.AsyncClient, account: Account, **body: Any) -> dict[str, Any]:
    response = await client.post("/api/v1/leads", json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


async def custom_field(client: httpx.AsyncClient, account: Account, **body: Any) -> None:
    response = await client.post("/api/v1/custom-fields", json=body, headers=account.headers)
    assert response.status_code == 201, response.text


async def stage_id(client: httpx.AsyncClient, account: Account, name: str) -> str:
    stages = (await client.get("/api/v1/stages", headers=account.headers)).json()["data"]
    return str(next(stage["id"] for stage in stages if stage["name"] == name))


async def download(client: httpx.AsyncClient, account: Account, **params: Any) -> httpx.Response:
    return await client.get(f"{EXPORTS}/leads", params=params, headers=account.headers)


def csv_rows(content: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


def xlsx_sheet(content: bytes, tmp_path: Path) -> Any:
    path = tmp_path / "export.xlsx"
    path.write_bytes(content)
    return openpyxl.load_workbook(path).active


def xlsx_rows(content: bytes, tmp_path: Path) -> list[dict[str, Any]]:
    rows = list(xlsx_sheet(content, tmp_path).iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def xml_leads(content: bytes) -> list[ET.Element]:
    root = ET.fromstring(content)  # noqa: S314 - our own output, parsed to check it
    assert root.tag == "leads"
    return list(root)


# --- every format, read back -----------------------------------------------------------------

FIELDS = (
    "first_name,last_name,full_name,email,phone,phone_raw,company_name,city,country,stage,"
    "owner_email,lifecycle,value,tags,do_not_contact,created_at,"
    "custom:budget,custom:plan,custom:note,custom:renewal,custom:vip"
)


@pytest.fixture
async def two_leads(client: httpx.AsyncClient, owner: Account) -> list[dict[str, Any]]:
    await custom_field(client, owner, key="budget", label="Budget", type="number")
    await custom_field(client, owner, key="plan", label="Plan", type="select", options=["Pro"])
    await custom_field(client, owner, key="note", label="Note", type="text")
    await custom_field(client, owner, key="renewal", label="Renewal", type="date")
    await custom_field(client, owner, key="vip", label="VIP", type="boolean")
    first = await make_lead(
        client,
        owner,
        first_name="Zoë",
        last_name="Ångström-Łukasiewicz",
        email="zoe@example.com",
        phone="+44 20 7946 0958",
        company_name="Straße & Söhne 東京",
        city="Zürich",
        country="gb",
        lifecycle="mql",
        value=125050,
        tags=["VIP", "webinar-2026"],
        owner_id=str(owner.user_id),
        custom_fields={
            "budget": 1200.5,
            "plan": "Pro",
            "note": 'two\nlines, "quoted" <b>&</b>',
            "renewal": "2027-01-31",
            "vip": True,
        },
    )
    moved = await client.post(
        f"/api/v1/leads/{first['id']}/stage",
        json={"stage_id": await stage_id(client, owner, "Qualified")},
        headers=owner.headers,
    )
    assert moved.status_code == 200, moved.text
    second = await make_lead(client, owner, first_name="Bob")
    return [first, second]


async def test_csv_reads_back(client, owner, two_leads):
    response = await download(client, owner, fields=FIELDS)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment; filename*=UTF-8''leads-")
    assert disposition.endswith(".csv")
    assert response.headers["cache-control"] == "no-store"
    assert not response.content.startswith(b"\xef\xbb\xbf")  # no BOM unless asked
    rows = csv_rows(response.content)
    assert list(rows[0]) == FIELDS.split(",")
    zoe, bob = rows  # oldest first
    assert zoe["first_name"] == "Zoë"
    assert zoe["full_name"] == "Zoë Ångström-Łukasiewicz"
    assert zoe["phone"] == "+442079460958"
    assert zoe["phone_raw"] == "+44 20 7946 0958"
    assert zoe["company_name"] == "Straße & Söhne 東京"
    assert zoe["country"] == "GB"
    assert zoe["stage"] == "Qualified"
    assert zoe["owner_email"] == owner.email
    assert zoe["lifecycle"] == "mql"
    assert zoe["value"] == "1250.50"
    assert zoe["tags"] == "vip;webinar-2026"
    assert zoe["do_not_contact"] == "false"
    assert zoe["custom:budget"] == "1200.5"
    assert zoe["custom:plan"] == "Pro"
    assert zoe["custom:note"] == 'two\nlines, "quoted" <b>&</b>'
    assert zoe["custom:renewal"] == "2027-01-31"
    assert zoe["custom:vip"] == "true"
    created = datetime.fromisoformat(zoe["created_at"])
    assert created.tzinfo is not None
    assert zoe["created_at"].endswith("Z")
    assert created.isoformat() == datetime.fromisoformat(two_leads[0]["created_at"]).isoformat()
    assert bob["first_name"] == "Bob"
    assert bob["stage"] == "New"
    assert bob["value"] == bob["tags"] == bob["custom:budget"] == bob["owner_email"] == ""


async def test_csv_with_bom_semicolons_and_labels(client, owner, two_leads):
    response = await download(
        client, owner, fields="first_name,tags,custom:budget", delimiter=";", bom="true",
        headers="labels",
    )  # fmt: skip
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = csv_rows(response.content, delimiter=";")
    assert list(rows[0]) == ["First name", "Tags", "Budget"]
    assert rows[0]["Tags"] == "vip;webinar-2026"
    tab = await download(client, owner, fields="first_name,city", delimiter="tab")
    assert csv_rows(tab.content, delimiter="\t")[0] == {"first_name": "Zoë", "city": "Zürich"}


async def test_xlsx_reads_back_with_typed_cells(client, owner, two_leads, tmp_path):
    response = await download(client, owner, format="xlsx", fields=FIELDS)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response.headers["content-disposition"].endswith(".xlsx")
    sheet = xlsx_sheet(response.content, tmp_path)
    assert sheet.title == "Leads"
    assert sheet.freeze_panes == "A2"
    zoe, bob = xlsx_rows(response.content, tmp_path)
    assert zoe["first_name"] == "Zoë"
    assert zoe["company_name"] == "Straße & Söhne 東京"
    assert zoe["value"] == 1250.5
    assert zoe["custom:budget"] == 1200.5
    assert zoe["custom:vip"] is True
    assert zoe["do_not_contact"] is False
    assert zoe["tags"] == "vip;webinar-2026"
    assert zoe["custom:note"] == 'two\nlines, "quoted" <b>&</b>'
    created = datetime.fromisoformat(two_leads[0]["created_at"])
    # A date cell in UTC (Excel keeps milliseconds).
    naive_utc = created.astimezone(UTC).replace(tzinfo=None)
    assert abs(zoe["created_at"] - naive_utc) < timedelta(milliseconds=1)
    assert bob["value"] is None
    assert bob["tags"] is None


@pytest.mark.parametrize("file_format", ["json", "ndjson"])
async def test_json_and_ndjson_read_back_with_native_types(client, owner, two_leads, file_format):
    response = await download(client, owner, format=file_format, fields=FIELDS)
    assert response.status_code == 200, response.text
    if file_format == "json":
        assert response.headers["content-type"] == "application/json"
        rows = json.loads(response.content)
    else:
        assert response.headers["content-type"] == "application/x-ndjson"
        lines = response.content.decode().splitlines()
        assert len(lines) == 2
        rows = [json.loads(line) for line in lines]
    zoe, bob = rows
    assert list(zoe) == FIELDS.split(",")
    assert zoe["tags"] == ["vip", "webinar-2026"]
    assert zoe["value"] == 1250.5
    assert zoe["custom:budget"] == 1200.5
    assert zoe["custom:vip"] is True
    assert zoe["custom:note"] == 'two\nlines, "quoted" <b>&</b>'
    assert zoe["stage"] == "Qualified"
    assert zoe["created_at"].endswith("Z")
    assert bob["tags"] == []
    assert bob["value"] is None
    assert bob["custom:plan"] is None


async def test_empty_json_export_is_an_empty_array(client, owner):
    response = await download(client, owner, format="json")
    assert response.status_code == 200
    assert json.loads(response.content) == []


async def test_xml_reads_back_with_escaping(client, owner, two_leads):
    response = await download(client, owner, format="xml", fields=FIELDS)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/xml"
    zoe, bob = xml_leads(response.content)
    assert zoe.tag == "lead"
    assert zoe.findtext("first_name") == "Zoë"
    assert zoe.findtext("company_name") == "Straße & Söhne 東京"
    assert [tag.text for tag in zoe.find("tags")] == ["vip", "webinar-2026"]
    custom = {element.get("key"): element.text for element in zoe.findall("custom_field")}
    assert custom["note"] == 'two\nlines, "quoted" <b>&</b>'
    assert custom["budget"] == "1200.5"
    assert custom["vip"] == "true"
    assert zoe.findtext("value") == "1250.50"
    # Every lead has the same elements; an empty value is an empty element.
    assert [child.tag for child in bob] == [child.tag for child in zoe]
    assert bob.find("email").text is None
    assert list(bob.find("tags")) == []


async def test_default_fields_are_every_field_and_every_custom_field(client, owner, two_leads):
    catalogue = await client.get(f"{EXPORTS}/fields", headers=owner.headers)
    assert catalogue.status_code == 200, catalogue.text
    data = catalogue.json()["data"]
    keys = [field["key"] for field in data["fields"]]
    assert keys[:3] == ["id", "external_id", "first_name"]
    # Custom fields in the workspace's order: position, then key.
    assert keys[-5:] == [
        "custom:budget",
        "custom:note",
        "custom:plan",
        "custom:renewal",
        "custom:vip",
    ]
    assert data["presets"]["hubspot"][:3] == ["First Name", "Last Name", "Email"]
    assert data["formats"] == ["csv", "xlsx", "json", "ndjson", "xml"]
    rows = csv_rows((await download(client, owner)).content)
    assert list(rows[0]) == keys
    assert rows[0]["id"] == two_leads[0]["id"]


async def test_xml_control_characters_become_replacement_characters(client, owner):
    await custom_field(client, owner, key="raw", label="Raw", type="text")
    await make_lead(client, owner, first_name="Eve", custom_fields={"raw": "a\x01b\x1bc\rd"})
    response = await download(client, owner, format="xml", fields="first_name,custom:raw")
    (lead,) = xml_leads(response.content)
    assert lead.find("custom_field").text == "a\ufffdb\ufffdc\rd"


# --- presets ---------------------------------------------------------------------------------


async def test_presets_have_their_crm_headers_and_vocabulary(client, owner, two_leads):
    hubspot = csv_rows((await download(client, owner, preset="hubspot")).content)
    assert list(hubspot[0]) == [
        "First Name", "Last Name", "Email", "Phone Number", "Company Name", "Job Title",
        "Website URL", "City", "Country/Region", "Lifecycle Stage", "Contact owner",
    ]  # fmt: skip
    assert hubspot[0]["Lifecycle Stage"] == "Marketing Qualified Lead"
    assert hubspot[0]["Contact owner"] == owner.email
    assert hubspot[0]["Phone Number"] == "+442079460958"
    assert hubspot[1]["Lifecycle Stage"] == "Lead"

    salesforce = csv_rows((await download(client, owner, preset="salesforce")).content)
    assert list(salesforce[0]) == [
        "First Name", "Last Name", "Email", "Phone", "Company", "Title", "Website", "City",
        "Country", "Lead Source", "Lead Status", "Email Opt Out",
    ]  # fmt: skip
    assert salesforce[0]["Lead Status"] == "Working - Contacted"  # Qualified: an open stage
    assert salesforce[1]["Lead Status"] == "Open - Not Contacted"  # New: the first one
    # Salesforce requires Last Name and Company; Web-to-Lead's stand-in fills the gaps.
    assert salesforce[1]["Last Name"] == salesforce[1]["Company"] == "[not provided]"
    assert salesforce[0]["Email Opt Out"] == "0"
    assert salesforce[0]["Lead Source"] == "Other"

    pipedrive = csv_rows((await download(client, owner, preset="pipedrive")).content)
    assert list(pipedrive[0])[:4] == [
        "Lead - Title",
        "Lead - Value",
        "Lead - Owner",
        "Person - Name",
    ]
    assert pipedrive[0]["Lead - Title"] == "Straße & Söhne 東京 lead"
    assert pipedrive[1]["Lead - Title"] == "Bob lead"
    assert pipedrive[0]["Lead - Value"] == "1250.50"
    assert pipedrive[0]["Person - Name"] == "Zoë Ångström-Łukasiewicz"


async def test_a_preset_with_extra_fields_and_as_xlsx(client, owner, two_leads, tmp_path):
    response = await download(
        client, owner, preset="hubspot", format="xlsx", fields="custom:budget,tags",
        headers="labels",
    )  # fmt: skip
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"].endswith(".xlsx")
    assert "leads-hubspot-" in response.headers["content-disposition"]
    rows = xlsx_rows(response.content, tmp_path)
    assert list(rows[0])[-3:] == ["Contact owner", "Budget", "Tags"]
    assert rows[0]["Budget"] == 1200.5


async def test_won_and_lost_stages_map_to_closed_statuses(client, owner):
    lead = await make_lead(client, owner, last_name="Lovelace", company_name="Engines")
    await client.post(
        f"/api/v1/leads/{lead['id']}/stage",
        json={"stage_id": await stage_id(client, owner, "Lost"), "lost_reason": "Budget"},
        headers=owner.headers,
    )
    rows = csv_rows((await download(client, owner, preset="salesforce")).content)
    assert rows[0]["Lead Status"] == "Closed - Not Converted"
    assert rows[0]["Company"] == "Engines"


# --- formula injection -----------------------------------------------------------------------

PAYLOADS = {
    "first_name": "=cmd|' /C calc'!A0",
    "last_name": '+HYPERLINK("http://evil.example","click")',
    "company_name": "-2+3+cmd|' /C calc'!A0",
    "job_title": "@SUM(1+1)*cmd|' /C calc'!A0",
}


@pytest.fixture
async def hostile_lead(client: httpx.AsyncClient, owner: Account) -> None:
    await custom_field(client, owner, key="tabbed", label='=HYPERLINK("x")', type="text")
    await custom_field(client, owner, key="cr", label="CR", type="text")
    await custom_field(client, owner, key="number_text", label="Number text", type="text")
    await custom_field(client, owner, key="phone_text", label="Phone text", type="text")
    await custom_field(client, owner, key="amount", label="Amount", type="number")
    await make_lead(
        client,
        owner,
        **PAYLOADS,
        phone="+44 20 7946 0958",
        tags=["=1+2"],
        custom_fields={
            "tabbed": "\t=1+1",
            "cr": "\r=1+1",
            "number_text": "-12.5",
            "phone_text": "+1 (555) 010-9999",
            "amount": -42,
        },
    )


HOSTILE_FIELDS = (
    "first_name,last_name,company_name,job_title,phone,phone_raw,tags,"
    "custom:tabbed,custom:cr,custom:number_text,custom:phone_text,custom:amount"
)
NEUTRALISED = {
    **{key: "'" + value for key, value in PAYLOADS.items()},
    "tags": "'=1+2",
    "custom:tabbed": "'\t=1+1",
    "custom:cr": "'\r=1+1",
}
LEFT_ALONE = {
    "phone": "+442079460958",
    "phone_raw": "+44 20 7946 0958",
    "custom:number_text": "-12.5",
    "custom:phone_text": "+1 (555) 010-9999",
}


async def test_formula_payloads_are_neutralised_in_csv(client, owner, hostile_lead):
    response = await download(client, owner, fields=HOSTILE_FIELDS, headers="labels")
    (row,) = csv_rows(response.content)
    labels = {"custom:tabbed": '\'=HYPERLINK("x")', "custom:cr": "CR"}
    keyed = (await download(client, owner, fields=HOSTILE_FIELDS)).content
    (by_key,) = csv_rows(keyed)
    for key, expected in {**NEUTRALISED, **LEFT_ALONE}.items():
        assert by_key[key] == expected, key
    assert by_key["custom:amount"] == "-42"  # a number, not text: never prefixed
    assert labels["custom:tabbed"] in row  # a hostile custom field label in the header too
    assert row[labels["custom:cr"]] == "'\r=1+1"


async def test_formula_payloads_are_neutralised_in_xlsx(client, owner, hostile_lead, tmp_path):
    response = await download(client, owner, format="xlsx", fields=HOSTILE_FIELDS)
    sheet = xlsx_sheet(response.content, tmp_path)
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]  # no formula at all
    (row,) = xlsx_rows(response.content, tmp_path)
    expected = {**NEUTRALISED, **LEFT_ALONE}
    # openpyxl keeps a CR when it writes with lxml; its own XML writer turns it into LF.
    assert row.pop("custom:cr") in ("'\r=1+1", "'\n=1+1")
    for key, value in expected.items():
        if key != "custom:cr":
            assert row[key] == value, key
    assert row["custom:amount"] == -42


async def test_json_and_xml_keep_values_as_they_are(client, owner, hostile_lead):
    (row,) = json.loads((await download(client, owner, format="json", fields="first_name")).content)
    assert row["first_name"] == PAYLOADS["first_name"]
    (lead,) = xml_leads((await download(client, owner, format="xml", fields="first_name")).content)
    assert lead.findtext("first_name") == PAYLOADS["first_name"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1+1", "'+1+1"),
        ("-1-1", "'-1-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("+", "'+"),
        ("-", "'-"),
        ("+1 555 CALL NOW", "'+1 555 CALL NOW"),
        ("-12.5", "-12.5"),
        ("+3", "+3"),
        ("-1e5", "-1e5"),
        ("-0,5", "-0,5"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("+1 (555) 010-9999", "+1 (555) 010-9999"),
        ("+49/30/1234567", "+49/30/1234567"),
        ("Ada", "Ada"),
        ("", ""),
        ("a=1", "a=1"),
    ],
)
def test_the_neutralisation_rule(text, expected):
    assert neutralise(text) == expected


@given(st.text(max_size=30))
def test_no_neutralised_cell_can_start_a_formula(text):
    cell = neutralise(text)
    assert (
        not cell
        or cell[0] not in FORMULA_STARTS
        or PLAIN_NUMBER.fullmatch(cell)
        or PHONE_NUMBER.fullmatch(cell)
    )
    if PLAIN_NUMBER.fullmatch(cell) or PHONE_NUMBER.fullmatch(cell):
        assert not any(c.isalpha() for c in cell.replace("e", "").replace("E", ""))


# --- the writers alone ---------------------------------------------------------------------


def write_all(writer: Any, columns: list[Column], rows: list[list[Any]]) -> bytes:
    try:
        return writer.begin(columns) + writer.write(rows) + b"".join(writer.end())
    finally:
        writer.close()


def test_xlsx_goes_on_in_a_second_sheet_past_the_row_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(export_formats, "XLSX_MAX_ROWS", 3)  # header + 2 rows per sheet
    columns = [Column("n", "n")]
    content = write_all(XlsxWriter(), columns, [[number] for number in range(5)])
    path = tmp_path / "rollover.xlsx"
    path.write_bytes(content)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Leads", "Leads 2", "Leads 3"]
    values = [
        [row[0] for row in book[name].iter_rows(values_only=True)] for name in book.sheetnames
    ]
    assert values == [["n", 0, 1], ["n", 2, 3], ["n", 4]]


def test_characters_xml_cannot_carry_become_replacement_characters(tmp_path):
    text = "nul\x00 esc\x1b ok\ttab"
    columns = [Column("first_name", "first_name")]
    xml = write_all(XmlWriter(), columns, [[text]])
    (lead,) = xml_leads(xml)
    assert lead.findtext("first_name") == "nul\ufffd esc\ufffd ok\ttab"
    path = tmp_path / "control.xlsx"
    path.write_bytes(write_all(XlsxWriter(), columns, [[text]]))
    assert openpyxl.load_workbook(path).active["A2"].value == "nul\ufffd esc\ufffd ok\ttab"


def temporary_files() -> set[Path]:
    directory = Path(tempfile.gettempdir())
    return {*directory.glob("leadwise-export-*"), *directory.glob("openpyxl.*")}


def test_a_writer_refuses_an_unknown_delimiter():
    with pytest.raises(ValueError, match="delimiter"):
        CsvWriter(delimiter="x")


@pytest.mark.parametrize("stop", ["while_writing_rows", "while_sending_the_file", "never"])
def test_an_xlsx_export_leaves_no_temporary_file_however_it_ends(stop, monkeypatch):
    monkeypatch.setattr(export_formats, "XLSX_MAX_ROWS", 3)  # two sheets' worth of files
    before = temporary_files()
    writer = XlsxWriter()
    writer.begin([Column("a", "a")])
    writer.write([["x"]] * 4)
    if stop == "while_sending_the_file":
        next(writer.end())  # the workbook is saved in a temporary file, being read
    elif stop == "never":
        b"".join(writer.end())
    writer.close()  # the export ends here (done, or a client went away, or a failure)
    assert temporary_files() == before


async def test_a_download_abandoned_half_way_leaves_no_temporary_file(
    client, owner, db, monkeypatch
):
    for number in range(3):
        await make_lead(client, owner, first_name=f"L{number}")
    monkeypatch.setattr(export_formats, "READ_CHUNK_BYTES", 256)  # the file in many pieces
    before = temporary_files()
    principal = export.export_principal(owner.workspace_id)
    async with db.unit_of_work() as session:
        _, body = await export.download(db, session, principal, ExportRequest(format="xlsx"))
    first = await anext(body)
    assert first.startswith(b"PK")  # a zip: the workbook is complete and being sent
    assert temporary_files() != before
    await body.aclose()  # what the server does when the client goes away
    assert temporary_files() == before


async def test_a_cancelled_export_cleans_up_at_once(client, owner, db, monkeypatch):
    """A client that goes away cancels the export's task (anyio cancels every later await);
    the writer's temporary files must still go."""
    for number in range(3):
        await make_lead(client, owner, first_name=f"L{number}")
    monkeypatch.setattr(export, "BATCH_SIZE", 1)
    real = leads_service.export_rows
    calls = {"n": 0}
    reading = anyio.Event()

    async def stalls_on_the_second_batch(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            reading.set()
            await anyio.sleep(60)
        return await real(*args, **kwargs)

    monkeypatch.setattr(leads_service, "export_rows", stalls_on_the_second_batch)
    principal = export.export_principal(owner.workspace_id)
    async with db.unit_of_work() as session:
        plan = await export.prepare(session, principal, ExportRequest(format="xlsx"))
    before = temporary_files()

    async def consume() -> None:
        async for _ in export.stream(db, plan):
            pass

    async with anyio.create_task_group() as group:
        group.start_soon(consume)
        await reading.wait()
        assert temporary_files() != before  # openpyxl's sheet file, half written
        group.cancel_scope.cancel()
    assert temporary_files() == before


# --- filters and batches ---------------------------------------------------------------------


async def test_every_leads_list_filter_is_honoured(client, owner):
    sales = await add_user(client, owner, "sam@example.com", "sales")
    hot = await make_lead(client, owner, first_name="Hot", tags=["hot"], email="hot@example.com")
    await make_lead(client, owner, first_name="Cold", tags=["cold"])
    owned = await make_lead(
        client, owner, first_name="Owned", owner_id=str(sales.user_id), source="form"
    )
    doomed = await make_lead(client, owner, first_name="Doomed")
    await client.delete(f"/api/v1/leads/{doomed['id']}", headers=owner.headers)
    qualified = await stage_id(client, owner, "Qualified")
    await client.post(
        f"/api/v1/leads/{hot['id']}/stage", json={"stage_id": qualified}, headers=owner.headers
    )

    async def names(**filters: Any) -> list[str]:
        response = await download(client, owner, fields="first_name", **filters)
        assert response.status_code == 200, response.text
        return [row["first_name"] for row in csv_rows(response.content)]

    assert await names() == ["Hot", "Cold", "Owned"]
    assert await names(tag="HOT") == ["Hot"]
    assert await names(stage_id=qualified) == ["Hot"]
    assert await names(owner_id=str(sales.user_id)) == ["Owned"]
    assert await names(source="form") == ["Owned"]
    assert await names(has_email="true") == ["Hot"]
    assert await names(q="col") == ["Cold"]
    assert await names(deleted="true") == ["Doomed"]
    assert await names(created_from=owned["created_at"]) == ["Owned"]
    assert await names(created_to=owned["created_at"]) == ["Hot", "Cold"]
    assert await names(created_from="2999-01-01") == []  # a date without a zone means UTC
    assert await names(verification_status="unverified") == ["Hot", "Cold", "Owned"]
    assert await names(score_min=1) == []


async def test_keyset_batches_cover_every_lead_once_even_with_equal_times(
    client, owner, db, monkeypatch
):
    monkeypatch.setattr(export, "BATCH_SIZE", 2)
    created = [await make_lead(client, owner, first_name=f"L{number}") for number in range(7)]
    same_moment = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    tied = [uuid.UUID(lead["id"]) for lead in created[2:6]]
    async with db.unit_of_work() as session:
        await session.execute(update(Lead).where(Lead.id.in_(tied)).values(created_at=same_moment))
    for file_format in ("csv", "json"):
        response = await download(client, owner, format=file_format, fields="id,created_at")
        rows = csv_rows(response.content) if file_format == "csv" else json.loads(response.content)
        ids = [row["id"] for row in rows]
        assert sorted(ids) == sorted(lead["id"] for lead in created)  # each exactly once
        expected = sorted(
            created,
            key=lambda lead: (
                same_moment if uuid.UUID(lead["id"]) in tied
                else datetime.fromisoformat(lead["created_at"]),
                lead["id"],
            ),
        )  # fmt: skip
        assert ids == [lead["id"] for lead in expected]


async def test_other_workspaces_leads_are_never_exported(client, owner):
    await make_lead(client, owner, first_name="Mine")
    created = await client.post("/api/v1/workspaces", json={"name": "Other"}, headers=owner.headers)
    other = created.json()["data"]["id"]
    response = await client.post(
        "/api/v1/leads", json={"first_name": "Theirs"}, headers=owner.in_workspace(other)
    )
    assert response.status_code == 201
    mine = csv_rows((await download(client, owner, fields="first_name")).content)
    assert [row["first_name"] for row in mine] == ["Mine"]


# --- the job ---------------------------------------------------------------------------------


async def run_jobs(db) -> None:
    """What a worker does, in this process: the real runner and handler."""
    settings = get_settings()
    async with db.sessionmaker() as session:
        job_ids = list(await session.scalars(select(Job.id).where(Job.status == JobStatus.QUEUED)))
    for job_id in job_ids:
        await runner.run_job(db, settings, job_id)


def stored_files(tmp_path: Path) -> list[Path]:
    root = tmp_path / "attachments"
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


async def start_export(client, account: Account, **body: Any) -> httpx.Response:
    return await client.post(EXPORTS, json=body, headers=account.headers)


async def test_an_export_job_writes_the_file_and_it_downloads(client, owner, db, tmp_path):
    for number in range(3):
        await make_lead(client, owner, first_name=f"Job{number}", tags=["batch"])
    await make_lead(client, owner, first_name="Other")
    response = await start_export(
        client, owner, format="xlsx", fields=["first_name", "tags"], filter={"tag": "batch"}
    )
    assert response.status_code == 202, response.text
    job = response.json()["data"]
    assert job["kind"] == "exports.leads"
    assert job["status"] == "queued"

    early = await client.get(f"{EXPORTS}/{job['id']}/download", headers=owner.headers)
    assert assert_error(early, 409, "CONFLICT")["details"]["status"] == "queued"

    await run_jobs(db)
    done = (await client.get(f"/api/v1/jobs/{job['id']}", headers=owner.headers)).json()["data"]
    assert done["status"] == "succeeded", done
    assert done["result"]["rows"] == 3
    assert done["result"]["format"] == "xlsx"
    assert done["progress"] == 100
    (stored,) = stored_files(tmp_path)
    assert stored.name == done["result"]["storage_key"].split("/")[1]

    file = await client.get(f"{EXPORTS}/{job['id']}/download", headers=owner.headers)
    assert file.status_code == 200, file.text
    assert (
        file.headers["content-length"] == str(done["result"]["bytes"]) == str(stored.stat().st_size)
    )
    assert file.headers["content-disposition"].endswith(".xlsx")
    rows = xlsx_rows(file.content, tmp_path)
    assert [row["first_name"] for row in rows] == ["Job0", "Job1", "Job2"]


async def test_a_job_is_not_downloadable_from_another_workspace_nor_as_another_kind(
    client, owner, db
):
    job = (await start_export(client, owner, format="csv")).json()["data"]
    await run_jobs(db)
    created = await client.post("/api/v1/workspaces", json={"name": "B"}, headers=owner.headers)
    other = created.json()["data"]["id"]
    elsewhere = await client.get(
        f"{EXPORTS}/{job['id']}/download", headers=owner.in_workspace(other)
    )
    assert_error(elsewhere, 404, "NOT_FOUND")
    missing = await client.get(f"{EXPORTS}/{uuid.uuid4()}/download", headers=owner.headers)
    assert_error(missing, 404, "NOT_FOUND")


async def test_a_job_that_fails_half_way_stores_nothing(client, owner, db, tmp_path, monkeypatch):
    for number in range(5):
        await make_lead(client, owner, first_name=f"L{number}")
    monkeypatch.setattr(export, "BATCH_SIZE", 2)
    real = leads_service.export_rows
    calls = {"n": 0}

    async def fails_on_the_second_batch(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk on fire")
        return await real(*args, **kwargs)

    monkeypatch.setattr(leads_service, "export_rows", fails_on_the_second_batch)
    job = (await start_export(client, owner, format="csv")).json()["data"]
    await run_jobs(db)
    failed = (await client.get(f"/api/v1/jobs/{job['id']}", headers=owner.headers)).json()["data"]
    assert failed["status"] == "failed"
    assert "disk on fire" in failed["error"]
    assert calls["n"] == 2
    assert stored_files(tmp_path) == []  # not even a .part file
    refused = await client.get(f"{EXPORTS}/{job['id']}/download", headers=owner.headers)
    assert assert_error(refused, 409)["details"]["status"] == "failed"


async def test_a_cancelled_job_stores_nothing(client, owner, db, tmp_path, monkeypatch):
    for number in range(4):
        await make_lead(client, owner, first_name=f"L{number}")
    monkeypatch.setattr(export, "BATCH_SIZE", 1)
    monkeypatch.setattr(export, "PROGRESS_EVERY_SECONDS", 0.0)
    job = (await start_export(client, owner, format="json")).json()["data"]
    real = leads_service.export_rows

    async def cancel_during_the_export(*args: Any, **kwargs: Any) -> Any:
        cancelled = await client.post(f"/api/v1/jobs/{job['id']}/cancel", headers=owner.headers)
        assert cancelled.status_code == 200, cancelled.text
        return await real(*args, **kwargs)

    monkeypatch.setattr(leads_service, "export_rows", cancel_during_the_export)
    await run_jobs(db)
    final = (await client.get(f"/api/v1/jobs/{job['id']}", headers=owner.headers)).json()["data"]
    assert final["status"] == "cancelled"
    assert stored_files(tmp_path) == []


async def test_a_job_whose_custom_field_went_away_fails_clearly(client, owner, db, tmp_path):
    await custom_field(client, owner, key="budget", label="Budget", type="number")
    job = (await start_export(client, owner, fields=["custom:budget"])).json()["data"]
    definitions = (await client.get("/api/v1/custom-fields", headers=owner.headers)).json()
    await client.delete(
        f"/api/v1/custom-fields/{definitions['data'][0]['id']}", headers=owner.headers
    )
    await run_jobs(db)
    failed = (await client.get(f"/api/v1/jobs/{job['id']}", headers=owner.headers)).json()["data"]
    assert failed["status"] == "failed"
    assert "no custom field 'budget'" in failed["error"]
    assert stored_files(tmp_path) == []


async def test_an_export_job_through_a_real_worker(client, owner, test_env, tmp_path):
    await make_lead(client, owner, first_name="Ada", tags=["w"])
    workers = Workers(values=test_env.values, directory=tmp_path / "workers")
    try:
        workers.start()
        job = (await start_export(client, owner, format="ndjson")).json()["data"]

        async def finished() -> Any:
            response = await client.get(f"/api/v1/jobs/{job['id']}", headers=owner.headers)
            data = response.json()["data"]
            return data if data["status"] in {"succeeded", "failed"} else None

        done = await wait_for(finished, "the export job", workers=workers)
    finally:
        workers.kill_all()
    assert done["status"] == "succeeded", done
    file = await client.get(f"{EXPORTS}/{job['id']}/download", headers=owner.headers)
    assert json.loads(file.content.splitlines()[0])["first_name"] == "Ada"


# --- bad input and permissions ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"format": "pdf"}, "format"),
        ({"fields": "first_name,shoe_size"}, "fields"),
        ({"fields": "custom:nope"}, "fields"),
        ({"fields": "email,email"}, "fields"),
        ({"fields": ""}, "fields"),
        ({"fields": "email,,city"}, "fields"),
        ({"preset": "zoho"}, "preset"),
        ({"preset": "hubspot", "format": "json"}, "preset"),
        ({"preset": "hubspot", "fields": "first_name", "headers": "labels"}, "fields"),
        ({"delimiter": "x"}, "delimiter"),
        ({"stage_id": "not-a-uuid"}, "stage_id"),
        ({"created_from": "yesterday"}, "created_from"),
        ({"source": "carrier-pigeon"}, "source"),
        ({"stag": "typo"}, "stag"),
    ],
)
async def test_bad_options_answer_422_naming_the_option(client, owner, params, field):
    response = await download(client, owner, **params)
    error = assert_error(response, 422, "VALIDATION_ERROR")
    assert error["details"]["field"] == field, error


async def test_a_bad_job_request_creates_no_job(client, owner):
    for body, field in [
        ({"format": "docx"}, "format"),
        ({"fields": ["nope"]}, "fields"),
        ({"filter": {"score_min": "high"}}, "filter.score_min"),
        ({"filter": {"unknown": 1}}, "filter.unknown"),
        ({"preset": "pipedrive", "format": "xml"}, "preset"),
    ]:
        error = assert_error(await start_export(client, owner, **body), 422, "VALIDATION_ERROR")
        assert error["details"]["field"] == field, (body, error)
    jobs = await client.get("/api/v1/jobs", headers=owner.headers)
    assert jobs.json()["data"] == []


async def test_roles_without_export_permission_get_403(client, owner, db):
    job = (await start_export(client, owner)).json()["data"]
    await run_jobs(db)
    manager = await add_user(client, owner, "manager@example.com", "manager")
    assert (await download(client, manager)).status_code == 200
    for role in ("sales", "viewer"):
        member = await add_user(client, owner, f"{role}@example.com", role)
        calls = [
            download(client, member),
            start_export(client, member),
            client.get(f"{EXPORTS}/fields", headers=member.headers),
            client.get(f"{EXPORTS}/{job['id']}/download", headers=member.headers),
        ]
        for call in calls:
            error = assert_error(await call, 403, "FORBIDDEN")
            assert error["details"]["missing_permissions"] == ["leads:export"]


async def test_exports_need_a_signed_in_caller(client):
    assert_error(await client.get(f"{EXPORTS}/leads"), 401)


async def test_only_the_ticked_leads_are_exported_by_download_and_by_job(client, owner, db):
    first = await make_lead(client, owner, first_name="Ticked", tags=["pick"])
    await make_lead(client, owner, first_name="Unticked", tags=["pick"])
    third = await make_lead(client, owner, first_name="Elsewhere", tags=["other"])
    ids = f"{first['id']},{third['id']}"
    response = await download(client, owner, fields="first_name", ids=ids)
    assert response.status_code == 200, response.text
    assert [row["first_name"] for row in csv_rows(response.content)] == ["Ticked", "Elsewhere"]
    # Ids narrow the filter, never widen it.
    response = await download(client, owner, fields="first_name", ids=ids, tag="pick")
    assert [row["first_name"] for row in csv_rows(response.content)] == ["Ticked"]

    job = (
        await start_export(client, owner, format="csv", fields=["first_name"], ids=[third["id"]])
    ).json()["data"]
    await run_jobs(db)
    done = (await client.get(f"/api/v1/jobs/{job['id']}", headers=owner.headers)).json()["data"]
    assert done["status"] == "succeeded", done
    assert done["result"]["rows"] == 1
    file = await client.get(f"{EXPORTS}/{job['id']}/download", headers=owner.headers)
    assert [row["first_name"] for row in csv_rows(file.content)] == ["Elsewhere"]

    bad = await download(client, owner, ids=f"{first['id']},not-an-id")
    assert "not a lead id" in assert_error(bad, 422, "VALIDATION_ERROR")["message"] + bad.text
    refused = await start_export(client, owner, format="csv", ids=[])
    assert_error(refused, 422, "VALIDATION_ERROR")
