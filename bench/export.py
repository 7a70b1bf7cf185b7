"""Time and memory of lead exports: 10,000 then 100,000 seeded leads written to CSV and XLSX
by the same code as `leadwise export` and the `exports.leads` job, on SQLite and (with
--postgres) PostgreSQL.

    .venv/bin/python bench/export.py                       # SQLite
    .venv/bin/python bench/export.py --postgres postgresql://postgres@127.0.0.1:5432/test

Each backend gets a fresh database in a temporary data dir: an owner, a workspace and one lead
made through the services, copied into N leads by bench/seed_leads.py, each with two tags and
three custom field values. Every export runs in its own process, which reports its wall time
and CPU time (user + sys of every thread: the export, aiosqlite's, the writer's; PostgreSQL's
own work is not in it), the 1-minute load average after it, and its peak resident memory
(ru_maxrss) beside the resident memory it had before the first row (imports, database
connection, lookups), so the difference is what the export itself took. If memory stays
flat, 100,000 leads cost the same as 10,000. On a shared machine the CPU time is the steadier
figure; wall time grows with the other load.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
COUNTS = (10_000, 100_000)
FORMATS = ("csv", "xlsx")
MB = 1024 * 1024


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def cpu_seconds() -> float:
    """This process's CPU time, all threads (aiosqlite's and the writer's included)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def measure(file_format: str, target: Path) -> dict[str, Any]:
    """One export into `target`, in this (fresh) process."""
    from leadwise.config import load_settings
    from leadwise.core.db import Database
    from leadwise.import_export import export
    from leadwise.import_export.export_schemas import ExportRequest
    from leadwise.users import service as users

    database = Database(load_settings())
    try:
        async with database.unit_of_work() as session:
            (workspace,) = await users.all_workspaces(session)
            principal = export.export_principal(workspace.id)
            plan = await export.prepare(session, principal, ExportRequest(format=file_format))
        before = peak_rss_mib()
        rows = 0

        async def count(batch: int) -> None:
            nonlocal rows
            rows += batch

        started, cpu_started = time.perf_counter(), cpu_seconds()
        with target.open("wb") as out:
            async for chunk in export.stream(database, plan, on_rows=count):
                out.write(chunk)
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
    finally:
        await database.dispose()
    return {
        "rows": rows,
        "columns": len(plan.columns),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "load_after": os.getloadavg()[0],
        "bytes": target.stat().st_size,
        "rss_before_mib": before,
        "peak_rss_mib": peak_rss_mib(),
    }


async def prepare_database() -> None:
    """Migrate, then an owner, a workspace, custom fields and the template lead."""
    from leadwise.auth.permissions import ROLE_PERMISSIONS
    from leadwise.auth.principal import Principal
    from leadwise.config import load_settings
    from leadwise.core import migrate
    from leadwise.core.db import Database
    from leadwise.leads import custom_fields
    from leadwise.leads import service as leads
    from leadwise.leads.schemas import LeadCreate
    from leadwise.models import CustomFieldType, Role
    from leadwise.users import service as users

    settings = load_settings()
    await asyncio.to_thread(migrate.upgrade, settings)
    database = Database(settings)
    try:
        async with database.unit_of_work() as session:
            user, workspace = await users.create_owner(
                session,
                email="bench@example.com",
                password="bench password 123",
                full_name="Bench",
                workspace_name="Bench",
                first_run=True,
            )
            principal = Principal(
                user=user,
                api_key=None,
                workspace_id=workspace.id,
                role=Role.OWNER,
                permissions=ROLE_PERMISSIONS[Role.OWNER],
            )
            for key, kind in (
                ("budget", CustomFieldType.NUMBER),
                ("plan", CustomFieldType.TEXT),
                ("renewal", CustomFieldType.DATE),
            ):
                await custom_fields.create_definition(
                    session, principal, key=key, label=key.title(), kind=kind, options=[],
                    required=False, position=0,
                )  # fmt: skip
            await leads.create(
                session,
                principal,
                LeadCreate(
                    first_name="Ada",
                    last_name="Lovelace",
                    email="lead@example.org",
                    phone="+44 20 7946 0958",
                    company_name="Analytical Engines Ltd",
                    job_title="Head of Computing",
                    website="https://example.org",
                    city="London",
                    country="GB",
                    utm_source="newsletter",
                    utm_campaign="autumn",
                    value=125_050,
                    custom_fields={"budget": 1200.5, "plan": "Team", "renewal": "2027-01-31"},
                ),
            )
    finally:
        await database.dispose()


async def tag_and_assign() -> None:
    """Two tags per lead and the owner on every one (the seed copies only lead columns)."""
    from sqlalchemy import text

    from leadwise.config import load_settings
    from leadwise.core.db import Database

    settings = load_settings()
    database = Database(settings)
    try:
        async with database.unit_of_work() as session:
            await session.execute(text("DELETE FROM lead_tags"))
            for tag in ("bench", "webinar-2026"):
                await session.execute(
                    text(
                        "INSERT INTO lead_tags (lead_id, tag, workspace_id) "
                        f"SELECT id, '{tag}', workspace_id FROM leads"
                    )
                )
            await session.execute(text("UPDATE leads SET owner_id = (SELECT id FROM users)"))
        if not settings.is_sqlite:
            async with database.engine.begin() as connection:
                await connection.execute(text("ANALYZE leads, lead_tags"))
    finally:
        await database.dispose()


def child(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, __file__, *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise SystemExit(f"{args} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def run_backend(name: str, fresh_url: Callable[[], str], data_dir: Path) -> list[dict[str, Any]]:
    """For each count a fresh database (the seed copies one template lead), then each format."""
    results = []
    for count in COUNTS:
        env = {key: value for key, value in os.environ.items() if not key.startswith("LEADWISE_")}
        env.update(
            LEADWISE_DATABASE_URL=fresh_url(),
            LEADWISE_DATA_DIR=str(data_dir),
            LEADWISE_LOG__LEVEL="WARNING",
            PYTHONPATH=str(ROOT / "src"),
        )
        started = time.perf_counter()
        child(env, "--step", "prepare")
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "seed_leads.py"), str(count - 1)],
            env=env,
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        child(env, "--step", "tag")
        print(
            f"{name}: {count} leads ready in {time.perf_counter() - started:.0f}s", file=sys.stderr
        )
        for file_format in FORMATS:
            target = data_dir / f"export-{count}.{file_format}"
            report = json.loads(
                child(env, "--step", "measure", "--format", file_format, "--out", str(target))
            )
            report |= {"backend": name, "format": file_format, "leads": count}
            print(json.dumps(report), file=sys.stderr)
            results.append(report)
            target.unlink()
    return results


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| backend | format | leads | wall s | CPU s | leads per CPU s | load | file MiB "
        "| RSS before (MiB) | peak RSS (MiB) | export's own (MiB) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['backend']} | {r['format']} | {r['leads']:,} | {r['seconds']:.1f} | "
            f"{r['cpu_seconds']:.1f} | {r['rows'] / r['cpu_seconds']:,.0f} | "
            f"{r['load_after']:.1f} | {r['bytes'] / MB:.1f} | "
            f"{r['rss_before_mib']:.1f} | {r['peak_rss_mib']:.1f} | "
            f"{r['peak_rss_mib'] - r['rss_before_mib']:.1f} |"
        )
    return "\n".join(lines)


def fresh_sqlite(directory: Path) -> str:
    path = directory / "bench.sqlite3"
    for leftover in directory.glob("bench.sqlite3*"):
        leftover.unlink()
    return f"sqlite+aiosqlite:///{path}"


def postgres_database(base_url: str, *, keep: bool = True) -> str:
    """A fresh, empty benchmark database (or, with keep=False, none)."""
    from sqlalchemy.engine import make_url

    url = make_url(base_url)
    name = "leadwise_bench_export"
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    statements = [f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)']
    if keep:
        statements.append(f'CREATE DATABASE "{name}"')
    for statement in statements:
        subprocess.run(["psql", admin, "-qc", statement], check=True, capture_output=True)
    return url.set(database=name).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="also PostgreSQL (a database is created on it)")
    parser.add_argument("--step", choices=["prepare", "tag", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--format", choices=FORMATS, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step == "prepare":
        asyncio.run(prepare_database())
        return
    if args.step == "tag":
        asyncio.run(tag_and_assign())
        return
    if args.step == "measure":
        print(json.dumps(asyncio.run(measure(args.format, args.out))))
        return
    results = []
    with tempfile.TemporaryDirectory(prefix="leadwise-bench-export-") as directory:
        sqlite_dir = Path(directory) / "sqlite"
        sqlite_dir.mkdir()
        results += run_backend("sqlite", lambda: fresh_sqlite(sqlite_dir), sqlite_dir)
        if args.postgres:
            pg_dir = Path(directory) / "postgresql"
            pg_dir.mkdir()
            results += run_backend("postgresql", lambda: postgres_database(args.postgres), pg_dir)
            postgres_database(args.postgres, keep=False)  # 100,000 leads need not stay
    print(table(results))


if __name__ == "__main__":
    main()
