"""Crawl bodies: starting one, reading it (a `crawl.site` job seen as a crawl), adding the
people it found as leads."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import Field, model_validator

from leadwise.core.schemas import ReadSchema, Schema
from leadwise.models import Job, JobStatus

MAX_SELECTED = 500

REPORT_EXAMPLE: dict[str, Any] = {
    "site": "acme.com",
    "company_domain": "acme.com",
    "company": {
        "name": {
            "value": "Acme Robotics GmbH",
            "sources": [{"url": "https://acme.com/", "method": "json-ld"}],
        },
        "country": "DE",
        "phones": [{"value": "+49301234567", "sources": [{"url": "https://acme.com/kontakt",
                                                          "method": "tel"}]}],
    },
    "people": [
        {
            "name": "Anna Schmidt",
            "first_name": "Anna",
            "last_name": "Schmidt",
            "title": "CEO",
            "emails": ["anna.schmidt@acme.com"],
            "generated_email": None,
            "sources": [{"url": "https://acme.com/team/", "method": "card"}],
        },
        {
            "name": "Tom Becker",
            "first_name": "Tom",
            "last_name": "Becker",
            "title": "Head of Sales",
            "emails": [],
            "generated_email": {"email": "tom.becker@acme.com", "pattern": "{first}.{last}",
                                "status": "valid", "note": "the mail server accepted it"},
            "sources": [{"url": "https://acme.com/team/", "method": "card"}],
        },
    ],
    "emails": [
        {
            "value": "anna.schmidt@acme.com",
            "kind": "personal",
            "on_site_domain": True,
            "sources": [{"url": "https://acme.com/team/", "method": "mailto"}],
            "verification": {"status": "valid", "sub_status": "accepted", "score": 95},
        }
    ],
    "email_pattern": {"pattern": "{first}.{last}", "confidence": 0.8, "domain": "acme.com"},
    "stats": {"pages_fetched": 12, "pages_failed": 0, "seconds": 4.2, "stopped_by": "done"},
    "verified": True,
}  # fmt: skip


class CrawlRequest(Schema):
    domain: str | None = Field(
        None, min_length=1, max_length=253, description="A domain to crawl", examples=["acme.com"]
    )
    url: str | None = Field(
        None,
        min_length=1,
        max_length=2048,
        description="Or a URL to start from",
        examples=["https://www.acme.com/about"],
    )
    max_pages: int | None = Field(
        None, ge=1, le=10_000, description="Pages at most [default: the setting]", examples=[30]
    )
    depth: int | None = Field(
        None, ge=0, le=20, description="Links deep at most [default: the setting]", examples=[2]
    )
    verify: bool = Field(
        True,
        description="Verify the addresses found on the site and those generated for people",
        examples=[True],
    )

    @model_validator(mode="after")
    def _one_target(self) -> CrawlRequest:
        if (self.domain is None) == (self.url is None):
            raise ValueError("give either `domain` or `url`")
        return self

    @property
    def target(self) -> str:
        return self.domain or self.url or ""


def _crawl_view(job: Job, *, with_result: bool) -> dict[str, Any]:
    params, counts = job.params, job.counts
    view: dict[str, Any] = {
        "id": job.id,
        "target": params.get("target"),
        "max_pages": params.get("max_pages"),
        "depth": params.get("depth"),
        "verify": params.get("verify"),
        "status": job.status,
        "progress": job.progress,
        "pages_fetched": int(counts.get("pages_fetched") or 0),
        "people": counts.get("people"),
        "emails": counts.get("emails"),
        "error": job.error,
        "created_by_id": job.created_by_id,
        "created_at": job.created_at,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
    }
    if with_result:
        view["result"] = job.result
    return view


class CrawlSummary(ReadSchema):
    id: uuid.UUID = Field(description="The crawl's id (its job's id)")
    target: str = Field(examples=["acme.com"])
    max_pages: int | None = Field(examples=[30])
    depth: int | None = Field(examples=[2])
    verify: bool = Field(examples=[True])
    status: JobStatus = Field(examples=["running"])
    progress: int = Field(description="Percent done (pages fetched of the page budget)",
                          examples=[40])  # fmt: skip
    pages_fetched: int = Field(description="Pages fetched so far", examples=[12])
    people: int | None = Field(description="People found (when done)", examples=[7])
    emails: int | None = Field(description="Addresses found on the site (when done)",
                               examples=[9])  # fmt: skip
    error: str | None = Field(
        description="Why the crawl failed",
        examples=["CrawlFailed: nothing could be crawled: acme.com does not resolve"],
    )
    created_by_id: uuid.UUID | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @model_validator(mode="before")
    @classmethod
    def _from_job(cls, value: Any) -> Any:
        return _crawl_view(value, with_result=False) if isinstance(value, Job) else value


class CrawlRead(CrawlSummary):
    result: dict[str, Any] | None = Field(
        description="When succeeded: company facts, people, emails with their sources and "
        "verification, the email pattern and its confidence, crawl statistics",
        examples=[REPORT_EXAMPLE],
    )

    @model_validator(mode="before")
    @classmethod
    def _from_job(cls, value: Any) -> Any:
        return _crawl_view(value, with_result=True) if isinstance(value, Job) else value


class CrawlLeadsRequest(Schema):
    people: list[str] = Field(
        [],
        max_length=MAX_SELECTED,
        description="Names of people of the crawl's result (`result.people[].name`)",
        examples=[["Anna Schmidt", "Tom Becker"]],
    )
    all_people: bool = Field(False, description="Every person of the result", examples=[False])
    emails: list[str] = Field(
        [],
        max_length=MAX_SELECTED,
        description="Addresses of the result (`result.emails[].value`) to add as leads of "
        "their own, e.g. a sales@ address",
        examples=[["vertrieb@acme.com"]],
    )
    tags: list[str] = Field([], max_length=50, examples=[["crawled"]])

    @model_validator(mode="after")
    def _something(self) -> CrawlLeadsRequest:
        if not (self.people or self.all_people or self.emails):
            raise ValueError("choose `people`, `all_people` or `emails`")
        return self


class CrawlLead(Schema):
    lead_id: uuid.UUID
    name: str | None = Field(examples=["Anna Schmidt"])
    email: str | None = Field(examples=["anna.schmidt@acme.com"])
    email_status: str = Field(
        description="found (on the site, with its verdict when verified), or the generated "
        "address's verdict: valid, accept_all, unknown, unverified; none",
        examples=["found, valid"],
    )
    created: bool = Field(description="False: the lead existed already (same address, or "
                          "same name at the company)", examples=[True])  # fmt: skip


class CrawlLeadsRead(Schema):
    crawl_id: uuid.UUID
    company_id: uuid.UUID | None = Field(description="The company of the site's domain (found "
                                         "or created)", examples=[None])  # fmt: skip
    created: int = Field(examples=[2])
    existing: int = Field(examples=[0])
    leads: list[CrawlLead]
