"""The `leadwise` command: serve, worker, db, users, config, version."""

from __future__ import annotations

import asyncio
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from pydantic import SecretStr
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from leadwise import __version__
from leadwise.config import Settings, SettingsError, get_settings
from leadwise.dedupe.fields import FieldType
from leadwise.import_export.commands import CommandFailed
from leadwise.import_export.dedupe_file import UnreadableFile, dedupe_file
from leadwise.prospecting.cli import prospect_command

T = TypeVar("T")

app = typer.Typer(
    name="leadwise",
    help="Leadwise: a self-hosted lead platform.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Database migrations.", no_args_is_help=True)
users_app = typer.Typer(help="Users and first-run setup.", no_args_is_help=True)
config_app = typer.Typer(help="Configuration.", no_args_is_help=True)
docs_app = typer.Typer(help="Generated documentation.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(users_app, name="users")
app.add_typer(config_app, name="config")
app.add_typer(docs_app, name="docs")

console = Console()
errors = Console(stderr=True)


class CliError(Exception):
    """A problem to report in one line, exiting non-zero (no traceback)."""


def main() -> None:
    try:
        app()
    except SettingsError as error:
        errors.print(f"[red]error:[/red] {escape(str(error))}")
        sys.exit(2)
    except CliError as error:
        errors.print(f"[red]error:[/red] {escape(str(error))}")
        sys.exit(1)


def settings() -> Settings:
    current = get_settings()
    from leadwise.core.security import configure_password_hashing

    configure_password_hashing(
        time_cost=current.auth.argon2_time_cost, memory_kib=current.auth.argon2_memory_kib
    )
    return current


def run_db(work: Callable[[Any], Awaitable[T]]) -> T:
    """Run `work(session)` in one committed transaction against the configured database."""
    from leadwise.core.db import Database

    async def runner() -> T:
        database = Database(settings())
        try:
            async with database.unit_of_work() as session:
                return await work(session)
        finally:
            await database.dispose()

    return asyncio.run(runner())


# --- serve / worker ------------------------------------------------------------------------


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (default from settings)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default from settings)")] = None,
    workers: Annotated[int, typer.Option(min=1, help="API worker processes")] = 1,
    worker: Annotated[bool, typer.Option(help="Start the embedded job worker")] = True,
    migrate: Annotated[bool, typer.Option(help="Apply pending migrations first")] = True,
) -> None:
    """Run the API and the web app (and, by default, an embedded job worker)."""
    import uvicorn

    from leadwise.core.logging import configure_logging

    current = settings()
    configure_logging(current.log)
    current.data_dir.mkdir(parents=True, exist_ok=True)
    if migrate:
        _upgrade_or_fail(current)
    # uvicorn shuts down gracefully on SIGTERM/SIGINT, then raises the signal again: these
    # handlers turn that into a normal exit, so the embedded worker is stopped on the way out.
    signal.signal(signal.SIGTERM, _exit_cleanly)
    signal.signal(signal.SIGINT, _exit_cleanly)
    with _metrics_dir(current), _embedded_worker(current, enabled=worker):
        bind_host, bind_port = host or current.host, port or current.port
        console.print(f"Leadwise {__version__} on http://{bind_host}:{bind_port}  (docs: /docs)")
        uvicorn.run(
            "leadwise.main:create_app",
            factory=True,
            host=bind_host,
            port=bind_port,
            workers=workers,
            access_log=False,
            log_config=None,
            proxy_headers=True,
        )


def _exit_cleanly(_signum: int, _frame: object) -> None:
    raise SystemExit(0)


def _upgrade_or_fail(current: Settings) -> None:
    from leadwise.core import migrate as migrations

    try:
        migrations.upgrade(current)
    except Exception as error:
        raise CliError(f"could not migrate the database: {error}") from error


@contextmanager
def _metrics_dir(current: Settings) -> Iterator[None]:
    """One Prometheus directory shared by every API process and the embedded worker."""
    path = current.data_dir / "prometheus"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(path)
    yield


@contextmanager
def _embedded_worker(current: Settings, *, enabled: bool) -> Iterator[None]:
    if not enabled:
        yield
        return
    supervisor = WorkerSupervisor(
        [sys.executable, "-m", "leadwise", "worker", "--beat", "--pool", "threads"]
    )
    supervisor.start()
    try:
        yield
    finally:
        supervisor.stop()


def _stop_with_parent() -> None:
    """In the child before exec: SIGTERM when the parent dies (Linux; elsewhere a no-op)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


PR_SET_PDEATHSIG = 1


class WorkerSupervisor:
    """Keeps the embedded worker running: a crashed worker is logged and restarted (with
    back-off), so `leadwise serve` never goes on silently without one."""

    def __init__(self, command: list[str]) -> None:
        self.command = command
        self.process: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="worker-supervisor", daemon=True)

    def start(self) -> None:
        self._spawn()
        self._thread.start()

    def _spawn(self) -> None:
        # Own process group, so stopping it also stops the worker's pool processes; and a
        # worker whose parent dies (even by SIGKILL) is told to stop by the kernel.
        self.process = subprocess.Popen(  # noqa: S603 - our own command
            self.command, start_new_session=True, preexec_fn=_stop_with_parent
        )

    def _watch(self) -> None:
        delay = 1.0
        while not self._stopping.wait(1.0):
            assert self.process is not None
            code = self.process.poll()
            if code is None:
                delay = 1.0
                continue
            errors.print(f"[red]embedded worker exited ({code}); restarting in {delay:.0f}s[/red]")
            if self._stopping.wait(delay):
                return
            delay = min(delay * 2, 60.0)
            self._spawn()

    def stop(self) -> None:
        self._stopping.set()
        process = self.process
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@app.command()
def worker(
    concurrency: Annotated[int | None, typer.Option(min=1, help="Parallel tasks")] = None,
    pool: Annotated[str, typer.Option(help="prefork, threads or solo")] = "prefork",
    beat: Annotated[bool, typer.Option(help="Also run the periodic scheduler (run one)")] = False,
    loglevel: Annotated[str, typer.Option()] = "INFO",
) -> None:
    """Run a job worker against the configured broker (any number of them)."""
    from leadwise.core.logging import configure_logging
    from leadwise.worker.app import get_celery

    current = settings()
    configure_logging(current.log)
    argv = [
        "worker",
        f"--concurrency={concurrency or current.worker.concurrency}",
        f"--pool={pool}",
        f"--loglevel={loglevel}",
        "--without-gossip",
        "--without-mingle",
    ]
    if beat:
        argv.append("--beat")
    get_celery().worker_main(argv)


# --- db ------------------------------------------------------------------------------------


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Apply migrations up to REVISION (default: the latest)."""
    from leadwise.core import migrate as migrations

    current = settings()
    try:
        migrations.upgrade(current, revision)
    except Exception as error:
        raise CliError(f"could not migrate the database: {error}") from error
    console.print(f"database at {migrations.current(current) or 'base'}")


@db_app.command("downgrade")
def db_downgrade(revision: Annotated[str, typer.Argument(help="e.g. -1, base, 0001")]) -> None:
    """Revert migrations down to REVISION."""
    from leadwise.core import migrate as migrations

    current = settings()
    try:
        migrations.downgrade(current, revision)
    except Exception as error:
        raise CliError(f"could not downgrade: {error}") from error
    console.print(f"database at {migrations.current(current) or 'base'}")


@db_app.command("current")
def db_current() -> None:
    """Show the database's migration revision."""
    from leadwise.core import migrate as migrations

    current = settings()
    try:
        revision = migrations.current(current)
    except Exception as error:
        raise CliError(f"could not read the database: {error}") from error
    console.print(revision or "base (no migrations applied)")


# --- users ---------------------------------------------------------------------------------


@users_app.command("create-admin")
def create_admin(
    email: Annotated[str, typer.Option(prompt=True, help="Sign-in email")],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)],
    workspace: Annotated[str, typer.Option(prompt="Workspace name")] = "My workspace",
    name: Annotated[str, typer.Option(help="Full name")] = "",
) -> None:
    """Create a user who owns a new workspace (the first one completes setup)."""
    from pydantic import ValidationError

    from leadwise.core.errors import AppError
    from leadwise.users import service
    from leadwise.users.schemas import SetupRequest

    try:
        request = SetupRequest(
            email=email, password=password, full_name=name, workspace_name=workspace
        )
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise CliError(problems) from None
    _upgrade_or_fail(settings())

    async def work(session: Any) -> tuple[Any, Any]:
        first_run = await service.setup_required(session)
        return await service.create_owner(
            session,
            email=str(request.email),
            password=request.password,
            full_name=request.full_name,
            workspace_name=request.workspace_name,
            first_run=first_run,
        )

    try:
        user, created = run_db(work)
    except AppError as error:
        raise CliError(error.message) from None
    console.print(f"created owner [bold]{user.email}[/bold] of workspace '{created.name}'")


@users_app.command("list")
def list_users() -> None:
    """List every user with their number of workspaces."""
    from leadwise.users import service

    rows = run_db(service.all_users)
    table = Table("email", "name", "active", "workspaces", "created", "last sign-in")
    for user, workspaces in rows:
        table.add_row(
            user.email,
            user.full_name,
            "yes" if user.is_active else "no",
            str(workspaces),
            user.created_at.strftime("%Y-%m-%d %H:%M"),
            user.last_login_at.strftime("%Y-%m-%d %H:%M") if user.last_login_at else "never",
        )
    console.print(table)


# --- config, docs, version -----------------------------------------------------------------


@config_app.command("show")
def config_show(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output")] = False,
) -> None:
    """Print the effective settings, secrets masked."""
    import json

    flat = dict(_flatten(settings().model_dump()))
    if as_json:
        console.print_json(json.dumps(flat, default=str))
        return
    table = Table("variable", "value")
    for key, value in flat.items():
        table.add_row(key, str(value))
    console.print(table)


def _flatten(values: dict[str, Any], prefix: str = "LEADWISE_") -> Iterator[tuple[str, Any]]:
    for key, value in values.items():
        name = f"{prefix}{key.upper()}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{name}__")
        elif isinstance(value, SecretStr):
            yield name, "**********"
        elif key in {"database_url", "broker_url", "redis_url"} and value:
            yield name, _mask_url(str(value))
        else:
            yield name, value


def _mask_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url.split("@")[-1] if "@" in url else url


@docs_app.command("permissions")
def docs_permissions() -> None:
    """Print the permission matrix (the source of docs/permissions.md)."""
    from leadwise.auth.permissions import matrix_markdown

    sys.stdout.write(matrix_markdown())


@app.command()
def dedupe(
    file: Annotated[
        Path,
        typer.Argument(help="Leads as CSV/TSV, XLSX, JSON or NDJSON"),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Where to write the duplicate pairs")
    ],
    clusters: Annotated[
        Path | None, typer.Option(help="Also write the duplicate groups here")
    ] = None,
    id_column: Annotated[str | None, typer.Option(help="The column that identifies a row")] = None,
    threshold: Annotated[float, typer.Option(min=0.0, max=1.0, help="Match probability")] = 0.9,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="COLUMN=TYPE, e.g. Firma=company (repeat); types: "
            + ", ".join(t.value for t in FieldType),
        ),
    ] = None,
    region: Annotated[
        str | None, typer.Option(help="Country for phone numbers without a +code, e.g. DE")
    ] = None,
) -> None:
    """Find duplicate rows in a file, without a database: pairs with their reasons."""
    overrides = {}
    kinds = [kind.value for kind in FieldType]
    for item in mapping or []:
        column, sep, kind = item.partition("=")
        if not sep or kind not in kinds:
            raise CliError(f"--map {item!r}: expected COLUMN=TYPE, TYPE one of {', '.join(kinds)}")
        overrides[column] = kind
    if not file.is_file():
        raise CliError(f"{file}: no such file")
    started = time.perf_counter()
    try:
        outcome = dedupe_file(
            file,
            output,
            clusters_path=clusters,
            id_column=id_column,
            threshold=threshold,
            overrides=overrides,
            default_region=region,
        )
    except UnreadableFile as error:
        raise CliError(str(error)) from None
    result = outcome.result
    mapped = ", ".join(f"{column}={kind.value}" for column, kind in outcome.types.items())
    console.print(f"columns: {mapped}")
    console.print(
        f"{len(result.prepared)} rows, {len(result.left)} pairs compared, "
        f"{outcome.pairs_written} duplicate pairs (p >= {threshold}) -> {output}"
        + (f", {outcome.groups_written} groups -> {clusters}" if clusters else "")
        + f" in {time.perf_counter() - started:.1f}s"
    )
    if outcome.rows_skipped:
        errors.print(f"{outcome.rows_skipped} unreadable rows were left out")


@app.command("import")
def import_file(
    file: Annotated[Path, typer.Argument(help="Leads as CSV/TSV, XLSX, JSON or NDJSON")],
    workspace: Annotated[str | None, typer.Option(help="Workspace name or id")] = None,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="COLUMN=FIELD (repeat), e.g. Firma=company_name, Notes=custom:notes; "
            "COLUMN= leaves a column out. Unmapped columns follow the suggestions",
        ),
    ] = None,
    mode: Annotated[str, typer.Option(help="create, update or upsert")] = "upsert",
    match_on: Annotated[
        str | None,
        typer.Option(help="Field(s) that identify a lead, e.g. email or first_name,last_name"),
    ] = None,
    policy: Annotated[
        str, typer.Option(help="For rows matching a lead: skip, fill_empty, overwrite, review")
    ] = "fill_empty",
    region: Annotated[
        str | None, typer.Option(help="Country for phone numbers without a +code, e.g. DE")
    ] = None,
    tag: Annotated[list[str] | None, typer.Option(help="Tag every imported lead (repeat)")] = None,
    preset: Annotated[str | None, typer.Option(help="A saved preset's name")] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Decide every row, write nothing")
    ] = False,
    check_probable: Annotated[
        bool,
        typer.Option(
            "--check-probable/--no-check-probable",
            help="Compare each new lead with the workspace's leads and flag look-alikes for "
            "review; --no-check-probable loads a very large file faster (run a duplicate scan "
            "afterwards)",
        ),
    ] = True,
) -> None:
    """Import leads from a file into a workspace, with a progress bar and a summary."""
    from leadwise.import_export import import_cli

    overrides: dict[str, str | None] = {}
    for item in mapping or []:
        column, sep, target = item.partition("=")
        if not sep or not column:
            raise CliError(f"--map {item!r}: expected COLUMN=FIELD (or COLUMN= to leave it out)")
        overrides[column] = target.strip() or None
    options: dict[str, object] = {"mode": mode, "duplicate_policy": policy, "tags": tag or []}
    if match_on:
        options["match_on"] = [part.strip() for part in match_on.split(",")]
    if region:
        options["default_region"] = region
    defaults = mode == "upsert" and policy == "fill_empty" and not tag and not match_on
    if preset and defaults and check_probable:
        options = {}  # the preset's own options
    if not check_probable:
        options["check_probable"] = False
    if not file.is_file():
        raise CliError(f"{file}: no such file")
    try:
        finished = import_cli.run(
            file,
            workspace=workspace,
            mapping=overrides,
            options=options,
            preset=preset,
            dry_run=dry_run,
            console=errors,
        )
    except CommandFailed as error:
        raise CliError(str(error)) from None
    console.print(import_cli.summary(finished))
    for row, cell_column, value, reason in finished.errors:
        cell = f", {cell_column}={value!r}" if cell_column else ""
        errors.print(f"row {row}{cell}: {reason}")
    if finished.counts.get("failed"):
        errors.print(f"the full error report: GET /api/v1/imports/{finished.run_id}/errors.csv")
    if finished.status != "succeeded":
        raise CliError(f"the import {finished.status}: {finished.error or 'see the job'}")


DATE_FORMATS = ["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%z"]


@app.command("scan")
def scan_workspace(
    workspace: Annotated[str | None, typer.Option(help="Workspace name or id")] = None,
    threshold: Annotated[
        float | None,
        typer.Option(help="Match probability a pair needs (0.5 to below 1; default 0.9)"),
    ] = None,
) -> None:
    """Find the duplicate leads of a workspace and queue the pairs for review (with their
    explanations); run it after an import made with --no-check-probable."""
    from leadwise.dedupe import scan_cli

    try:
        scanned = scan_cli.run(workspace, threshold, errors)
    except CommandFailed as error:
        raise CliError(str(error)) from None
    table = Table("", "count", title=f"scan {scanned.status}")
    for name in ("leads", "candidate_pairs", "proposed", "skipped_known", "groups"):
        if name in scanned.counts:
            table.add_row(name, str(scanned.counts[name]))
    console.print(table)
    if scanned.status != "succeeded":
        raise CliError(f"the scan {scanned.status}: {scanned.error or 'see the job'}")


@app.command("export")
def export_leads(
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", help="File, or - for stdout [default: leads-<time>.<fmt>]"),
    ] = None,
    file_format: Annotated[
        str, typer.Option("--format", help="csv, xlsx, json, ndjson, xml")
    ] = "csv",
    fields: Annotated[str | None, typer.Option(help="Comma-separated field keys")] = None,
    preset: Annotated[str | None, typer.Option(help="hubspot, salesforce or pipedrive")] = None,
    workspace: Annotated[str | None, typer.Option(help="Workspace name or id")] = None,
    stage: Annotated[str | None, typer.Option(help="Stage name or id")] = None,
    owner: Annotated[str | None, typer.Option(help="Owner email or id")] = None,
    tag: Annotated[str | None, typer.Option()] = None,
    source: Annotated[
        str | None, typer.Option(help="form, email, import, api, crawl, manual")
    ] = None,
    lifecycle: Annotated[str | None, typer.Option()] = None,
    verification: Annotated[
        str | None, typer.Option(help="valid, invalid, ..., unverified")
    ] = None,
    created_from: Annotated[datetime | None, typer.Option(formats=DATE_FORMATS)] = None,
    created_to: Annotated[datetime | None, typer.Option(formats=DATE_FORMATS)] = None,
    search: Annotated[str | None, typer.Option(help="Name, email or company contains")] = None,
    deleted: Annotated[bool, typer.Option("--deleted", help="The deleted leads instead")] = False,
    delimiter: Annotated[str, typer.Option(help="CSV: , ; | or tab")] = ",",
    bom: Annotated[bool, typer.Option("--bom", help="CSV: start with a UTF-8 BOM (Excel)")] = False,
    labels: Annotated[bool, typer.Option("--labels", help="Readable headers, not keys")] = False,
) -> None:
    """Export leads (any filter of the leads list) to CSV, XLSX, JSON, NDJSON or XML."""
    from leadwise.import_export import export_cli

    try:
        written = export_cli.run(
            output=output,
            workspace=workspace,
            filters=export_cli.CliFilters(
                stage=stage,
                owner=owner,
                tag=tag,
                source=source,
                lifecycle=lifecycle,
                verification=verification,
                created_from=created_from,
                created_to=created_to,
                search=search,
                deleted=deleted,
            ),
            settings={
                "format": file_format,
                "preset": preset,
                "delimiter": delimiter,
                "bom": bom,
                "headers": "labels" if labels else "keys",
                "deleted": deleted,
            },
            fields=[part.strip() for part in fields.split(",")] if fields is not None else None,
        )
    except CommandFailed as error:
        raise CliError(str(error)) from None
    target = "stdout" if written.path == "-" else written.path
    errors.print(f"exported {written.rows} leads of workspace '{written.workspace}' to {target}")


@app.command("verify")
def verify_emails(
    addresses: Annotated[list[str] | None, typer.Argument(help="Addresses to check")] = None,
    input_file: Annotated[
        Path | None,
        typer.Option("-i", "--input", help="A file of addresses: CSV/TSV, XLSX, JSON or NDJSON"),
    ] = None,
    column: Annotated[
        str | None, typer.Option(help="The file's address column [default: found by name]")
    ] = None,
    output: Annotated[
        str, typer.Option("-o", "--output", help="With -i: the rows with their verdicts; - stdout")
    ] = "-",
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON lines instead of CSV/a table")
    ] = False,
    smtp: Annotated[
        bool | None,
        typer.Option("--smtp/--no-smtp", help="Ask the mail servers [default: the setting]"),
    ] = None,
    preflight: Annotated[
        bool, typer.Option("--preflight/--no-preflight", help="Check port 25 first")
    ] = True,
    retry_greylisted: Annotated[
        bool,
        typer.Option("--retry-greylisted/--no-retry-greylisted", help="Ask greylisted again"),
    ] = True,
) -> None:
    """Verify email addresses (syntax, lists, DNS, the mail servers); no database needed."""
    from leadwise.verification import cli as verify_cli

    if bool(addresses) == (input_file is not None):
        raise CliError("give addresses or -i FILE (one of the two)")
    options = verify_cli.Options(smtp, preflight, retry_greylisted, as_json)
    current = settings()
    try:
        if input_file is not None:
            summary = verify_cli.verify_file(input_file, output, column, current, options, errors)
        else:
            results, summary = verify_cli.verify_addresses(
                addresses or [], current, options, errors
            )
            if as_json:
                for result in results:
                    sys.stdout.buffer.write(verify_cli.json_line(result))
            else:
                console.print(verify_cli.results_table(results))
    except verify_cli.VerifyFailed as error:
        raise CliError(str(error)) from None
    errors.print(summary.table())


@app.command("crawl")
def crawl(
    target: Annotated[str, typer.Argument(help="A domain (acme.com) or a URL to start from")],
    max_pages: Annotated[
        int | None, typer.Option(min=1, max=10_000, help="Pages at most [default: the setting]")
    ] = None,
    depth: Annotated[
        int | None, typer.Option(min=0, max=20, help="Links deep at most [default: the setting]")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document on stdout")] = False,
    verify: Annotated[
        bool,
        typer.Option("--verify/--no-verify", help="Verify the addresses generated for people"),
    ] = True,
    smtp: Annotated[
        bool | None,
        typer.Option("--smtp/--no-smtp", help="Ask the mail servers [default: the setting]"),
    ] = None,
    render: Annotated[
        bool | None,
        typer.Option(
            "--render/--no-render",
            help="Run every page's JavaScript in Chromium (the render extra) "
            "[default: LEADWISE_CRAWL__RENDER]",
        ),
    ] = None,
) -> None:
    """Crawl a company's website: company facts, people, emails with sources, the email
    pattern and crawl statistics; no database needed."""
    from leadwise.crawling import cli as crawl_cli

    try:
        report = crawl_cli.run(
            target,
            settings(),
            max_pages=max_pages,
            depth=depth,
            verify=verify,
            smtp=smtp,
            render=render,
        )
    except crawl_cli.CrawlFailed as error:
        raise CliError(str(error)) from None
    if as_json:
        crawl_cli.write_json(report)
    else:
        crawl_cli.print_report(report, console)


app.command("prospect")(prospect_command)


@app.command()
def version() -> None:
    """Print the version."""
    console.print(f"leadwise {__version__}")
