"""Companies: CRUD with unique domains, and leads joining them by email domain."""

from __future__ import annotations

import pytest

from leadwise.companies.domains import domain_of, is_free_mail
from tests.conftest import Account, assert_error


@pytest.mark.parametrize(
    ("given", "domain"),
    [
        ("https://www.Acme.io/about?x=1", "acme.io"),
        ("acme.io", "acme.io"),
        ("WWW.ACME.CO.UK.", "acme.co.uk"),
        ("http://shop.acme.io:8080", "shop.acme.io"),
        ("localhost", None),
        ("   ", None),
    ],
)
def test_domain_of(given: str, domain: str | None):
    assert domain_of(given) == domain


def test_free_mail():
    assert is_free_mail("GMail.com")
    assert not is_free_mail("acme.io")


async def test_crud_and_unique_domain(client, owner: Account):
    created = await client.post(
        "/api/v1/companies",
        json={"name": "Acme", "website": "https://www.acme.io", "country": "de"},
        headers=owner.headers,
    )
    assert created.status_code == 201, created.text
    company = created.json()["data"]
    assert (company["domain"], company["country"]) == ("acme.io", "DE")
    clash = await client.post(
        "/api/v1/companies", json={"name": "Acme 2", "domain": "ACME.io"}, headers=owner.headers
    )
    assert assert_error(clash, 409)["details"]["company_id"] == company["id"]
    url = f"/api/v1/companies/{company['id']}"
    patched = await client.patch(url, json={"industry": "Software"}, headers=owner.headers)
    assert patched.json()["data"]["industry"] == "Software"
    found = await client.get("/api/v1/companies", params={"q": "acme"}, headers=owner.headers)
    assert [c["id"] for c in found.json()["data"]] == [company["id"]]
    assert (await client.delete(url, headers=owner.headers)).is_success
    assert_error(await client.get(url, headers=owner.headers), 404)
    bad = await client.post(
        "/api/v1/companies", json={"name": "X", "website": "not a site"}, headers=owner.headers
    )
    assert assert_error(bad, 422)["details"]["field"] == "website"


async def test_leads_join_the_company_of_their_email_domain(client, owner: Account):
    async def lead(email: str, **extra) -> dict:
        response = await client.post(
            "/api/v1/leads", json={"email": email, **extra}, headers=owner.headers
        )
        assert response.status_code == 201, response.text
        return dict(response.json()["data"])

    first = await lead("ada@acme.io", company_name="Acme Ltd")
    second = await lead("bob@ACME.io")
    free = await lead("carl@gmail.com")
    assert first["company_id"] is not None
    assert second["company_id"] == first["company_id"]
    assert second["company_name"] == "Acme Ltd"
    assert free["company_id"] is None
    company = await client.get(f"/api/v1/companies/{first['company_id']}", headers=owner.headers)
    assert company.json()["data"]["domain"] == "acme.io"
    leads = await client.get(
        "/api/v1/leads", params={"company_id": first["company_id"]}, headers=owner.headers
    )
    assert {item["id"] for item in leads.json()["data"]} == {first["id"], second["id"]}
