"""What `leadwise prospect` does (prospecting/cli.py holds the command): each site crawled,
its people's addresses found and verified, then either the company and its people added to a
workspace through the same services as the API (a `crawl.site` job per site, run here and
followed from its row, then its people added as leads, once), or the people written to a CSV
file with no database."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy.exc import SQLAlchemyError

import leadwise.wiring  # noqa: F401 - the crawl.site job, and what reacts to new leads
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.config import Settings
from leadwise.core.db import Database
from leadwise.core.errors import AppError
from leadwise.core.logging import configure_logging
from leadwise.import_export.commands import CommandFailed, workspace_named
from leadwise.import_export.export_formats import neutralise
from leadwise.jobs import runner
from leadwise.models import Job, JobStatus
from leadwise.prospecting import service
from leadwise.prospecting.crawl import CrawlFailed, company_name, contacts, prospect
from leadwise.prospecting.schemas import CrawlLeadsRequest, CrawlRequest

CSV_COLUMNS = [
    "target", "company_domain", "company", "kind", "name", "first_name", "last_name", "title",
    "email", "email_status", "email_source", "page", "method", "email_pattern",
    "pattern_confidence",
]  # fmt: skip
POLL_SECONDS = 0.3


@dataclass
class Outcome:
    target: str
    pages: int = 0
    people: int = 0
    emails: int = 0
    pattern: str = ""
    created: int = 0
    existing: int = 0
    company: str = ""
    error: str | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)


def run(
    targets: list[str],
    settings: Settings,
    *,
    output: str | None,
    workspace: str | None,
    max_pages: int | None,
    depth: int | None,
    verify: bool,
    tags: list[str],
    console: Console,
) -> tuple[list[Outcome], int]:
    """Every site prospected: (what came of each, CSV rows written). Raises CommandFailed."""
    # The progress bar and the summary tell the story; the job's info lines would interleave.
    configure_logging(settings.log.model_copy(update={"level": "WARNING"}))
    if output is not None:
        outcomes = asyncio.run(
            _to_csv(targets, settings, max_pages=max_pages, depth=depth, verify=verify,
                    console=console)
        )  # fmt: skip
        return outcomes, _write_csv(output, outcomes)
    outcomes = asyncio.run(
        _to_database(targets, settings, workspace=workspace, max_pages=max_pages, depth=depth,
                     verify=verify, tags=tags, console=console)
    )  # fmt: skip
    return outcomes, 0


# --- without a database: CSV -------------------------------------------------------------------


async def _to_csv(
    targets: list[str],
    settings: Settings,
    *,
    max_pages: int | None,
    depth: int | None,
    verify: bool,
    console: Console,
) -> list[Outcome]:
    outcomes = []
    total = max_pages or settings.crawl.max_pages
    with _progress(console) as progress:
        for target in targets:
            task = progress.add_task("crawling", target=target, total=total, found="")

            async def moved(pages: int, task: TaskID = task) -> None:
                progress.update(task, completed=pages, found=f"{pages} pages")

            outcome = Outcome(target)
            outcomes.append(outcome)
            try:
                data = await prospect(
                    target, settings, max_pages=max_pages, depth=depth, verify=verify,
                    on_progress=moved,
                )  # fmt: skip
            except CrawlFailed as error:
                outcome.error = str(error)
                progress.update(task, found="failed")
                continue
            _describe(outcome, data)
            outcome.rows = _rows(target, data)
            progress.update(task, completed=total, found=f"{len(data['people'])} people")
    return outcomes


def _rows(target: str, data: dict[str, Any]) -> list[dict[str, Any]]:
    pattern = data.get("email_pattern") or {}
    common = {
        "target": target,
        "company_domain": data.get("company_domain"),
        "company": company_name(data),
        "email_pattern": pattern.get("pattern"),
        "pattern_confidence": pattern.get("confidence") if pattern.get("pattern") else None,
    }
    rows = []
    taken = set()
    for contact in contacts(data):
        if contact.email:
            taken.add(contact.email.lower())
        rows.append(
            {
                **common,
                "kind": "person",
                "name": contact.name,
                "first_name": contact.first_name,
                "last_name": contact.last_name,
                "title": contact.title,
                "email": contact.email,
                "email_status": contact.email_status,
                "email_source": contact.email_source,
                "page": contact.page,
                "method": contact.method,
            }
        )
    for fact in data.get("emails") or []:
        address = str(fact["value"])
        if address.lower() in taken or not fact.get("on_site_domain"):
            continue
        checked = fact.get("verification")
        source = (fact.get("sources") or [{}])[0]
        rows.append(
            {
                **common,
                "kind": "address",
                "email": address,
                "email_status": f"found, {checked['status']}" if checked else "found",
                "email_source": source.get("url"),
                "page": source.get("url"),
                "method": source.get("method"),
            }
        )
    return rows


def _write_csv(output: str, outcomes: list[Outcome]) -> int:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for outcome in outcomes:
        for row in outcome.rows:
            writer.writerow([_cell(row.get(column)) for column in CSV_COLUMNS])
            count += 1
    if output == "-":
        sys.stdout.write(buffer.getvalue())
        sys.stdout.flush()
        return count
    try:
        Path(output).write_text(buffer.getvalue(), encoding="utf-8", newline="")
    except OSError as error:
        raise CommandFailed(f"{output}: {error.strerror}") from None
    return count


def _cell(value: Any) -> str:
    return "" if value is None else neutralise(str(value))


# --- into a workspace ----------------------------------------------------------------------------


def operator(workspace_id: uuid.UUID) -> Principal:
    """Who prospects from the command line: the operator of the installation, in one
    workspace."""
    return Principal.system(
        workspace_id,
        Permission.PROSPECT_RUN,
        Permission.LEADS_READ,
        Permission.LEADS_WRITE,
        Permission.JOBS_READ,
    )


async def _to_database(
    targets: list[str],
    settings: Settings,
    *,
    workspace: str | None,
    max_pages: int | None,
    depth: int | None,
    verify: bool,
    tags: list[str],
    console: Console,
) -> list[Outcome]:
    database = Database(settings)
    outcomes = []
    try:
        async with database.unit_of_work() as session:
            principal = operator((await workspace_named(session, workspace)).id)
        with _progress(console) as progress:
            for target in targets:
                outcome = Outcome(target)
                outcomes.append(outcome)
                try:
                    await _one_site(database, settings, principal, outcome, progress,
                                    max_pages=max_pages, depth=depth, verify=verify,
                                    tags=tags)  # fmt: skip
                except AppError as error:
                    outcome.error = error.message
    except SQLAlchemyError as error:
        raise CommandFailed(f"could not use the database: {error}") from None
    finally:
        await database.dispose()
    return outcomes


async def _one_site(
    database: Database,
    settings: Settings,
    principal: Principal,
    outcome: Outcome,
    progress: Progress,
    *,
    max_pages: int | None,
    depth: int | None,
    verify: bool,
    tags: list[str],
) -> None:
    target = outcome.target
    is_url = "://" in target
    try:
        request = CrawlRequest(
            domain=None if is_url else target,
            url=target if is_url else None,
            max_pages=max_pages,
            depth=depth,
            verify=verify,
        )
    except ValidationError as error:
        outcome.error = "; ".join(
            item["msg"].removeprefix("Value error, ") for item in error.errors()
        )
        return
    async with database.unit_of_work() as session:
        job = await service.start(session, principal, settings, request)
        job_id = job.id
    total = max_pages or settings.crawl.max_pages
    task = progress.add_task("crawling", target=target, total=total, found="")
    work = asyncio.create_task(runner.run_job(database, settings, job_id))
    while not work.done():
        await asyncio.wait({work}, timeout=POLL_SECONDS)
        with contextlib.suppress(SQLAlchemyError):
            async with database.sessionmaker() as session:
                row = await session.get(Job, job_id)
            if row is not None:
                pages = int(row.counts.get("pages_fetched") or 0)
                progress.update(task, completed=pages, found=f"{pages} pages")
    await work
    async with database.sessionmaker() as session:
        finished = await session.get(Job, job_id)
    assert finished is not None
    if finished.status is not JobStatus.SUCCEEDED or not finished.result:
        outcome.error = (finished.error or finished.status.value).removeprefix("CrawlFailed: ")
        progress.update(task, found="failed")
        return
    data: dict[str, Any] = finished.result
    _describe(outcome, data)
    progress.update(task, completed=total, found=f"{outcome.people} people")
    if not data.get("people"):
        return
    async with database.unit_of_work() as session:
        added = await service.add_leads(
            session, principal, settings, job_id, CrawlLeadsRequest(all_people=True, tags=tags)
        )
    outcome.created, outcome.existing = added["created"], added["existing"]


# --- shared ------------------------------------------------------------------------------------


def _describe(outcome: Outcome, data: dict[str, Any]) -> None:
    pattern = data.get("email_pattern") or {}
    outcome.pages = int(data["stats"]["pages_fetched"])
    outcome.people = len(data.get("people") or [])
    outcome.emails = len(data.get("emails") or [])
    outcome.company = company_name(data) or str(data.get("company_domain") or "")
    if pattern.get("pattern"):
        outcome.pattern = f"{pattern['pattern']}@{pattern['domain']} ({pattern['confidence']:.2f})"


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("{task.fields[target]}"),
        BarColumn(),
        TextColumn("{task.fields[found]}"),
        TimeElapsedColumn(),
        console=console,
    )


def summary(outcomes: list[Outcome], *, to_csv: bool) -> Table:
    columns = ["site", "company", "pages", "people", "emails", "pattern"]
    columns += [] if to_csv else ["leads created", "already leads"]
    table = Table(*columns, title="prospecting")
    for outcome in outcomes:
        if outcome.error is not None:
            table.add_row(outcome.target, "[red]failed[/red]", *[""] * (len(columns) - 2))
            continue
        row = [outcome.target, outcome.company, str(outcome.pages), str(outcome.people),
               str(outcome.emails), outcome.pattern]  # fmt: skip
        if not to_csv:
            row += [str(outcome.created), str(outcome.existing)]
        table.add_row(*(escape(cell) for cell in row))
    return table
