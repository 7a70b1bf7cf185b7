"""`leadwise verify`: addresses from the command line or a file (CSV/TSV, XLSX, JSON, NDJSON),
checked without a database; a progress bar and a summary by status on stderr.

A file's rows come out in the same order with the verdict appended (CSV), or as JSON lines.
The output is written under a temporary name and renamed when complete. Greylisted addresses
are asked again once their wait is over (the file is then rewritten with the new verdicts).
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import orjson
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from leadwise.config import Settings
from leadwise.import_export.export_formats import neutralise
from leadwise.import_export.readers import RowError, UnreadableFile, read_table
from leadwise.verification.engine import Verifier
from leadwise.verification.result import SCORE_TABLE, Status, SubStatus, VerificationResult

CHUNK = 2000
EMAIL_COLUMNS = ("email", "e-mail", "email address", "e-mail address", "mail", "e-mail-adresse")
RESULT_COLUMNS = [
    "verify_status", "verify_sub_status", "verify_score", "verify_reason", "verify_suggestion",
    "verify_normalized", "verify_is_disposable", "verify_is_role", "verify_is_free",
    "verify_is_catch_all", "verify_mx", "verify_smtp_host", "verify_smtp_code",
    "verify_smtp_enhanced", "verify_smtp_message", "verify_checked_at", "verify_duration_ms",
]  # fmt: skip


class VerifyFailed(Exception):
    """What went wrong, in one line for the user."""


@dataclass
class Options:
    smtp: bool | None = None  # None: the setting
    preflight: bool = True
    retry_greylisted: bool = True
    as_json: bool = False


@dataclass
class Summary:
    statuses: Counter[str] = field(default_factory=Counter)
    sub_statuses: Counter[str] = field(default_factory=Counter)
    unreadable_rows: int = 0
    seconds: float = 0.0

    def add(self, result: VerificationResult) -> None:
        self.statuses[result.status.value] += 1
        self.sub_statuses[result.sub_status.value] += 1

    def remove(self, result: VerificationResult) -> None:
        self.statuses[result.status.value] -= 1
        self.sub_statuses[result.sub_status.value] -= 1

    def table(self) -> RichTable:
        total = sum(self.statuses.values()) or 1
        table = RichTable(title=f"{sum(self.statuses.values())} addresses in {self.seconds:.1f} s")
        table.add_column("status")
        table.add_column("count", justify="right")
        table.add_column("share", justify="right")
        table.add_column("why")
        for status in Status:
            count = self.statuses.get(status.value, 0)
            if not count:
                continue
            reasons = ", ".join(
                f"{name} {n}"
                for name, n in self.sub_statuses.most_common()
                if n and _status_of(name) is status
            )
            table.add_row(status.value, str(count), f"{count / total:.0%}", reasons)
        return table


def _status_of(sub_status: str) -> Status:
    return SCORE_TABLE[SubStatus(sub_status)][0]


def verify_addresses(
    addresses: list[str], settings: Settings, options: Options, console: Console
) -> tuple[list[VerificationResult], Summary]:
    return asyncio.run(_verify_addresses(addresses, settings, options, console))


async def _verify_addresses(
    addresses: list[str], settings: Settings, options: Options, console: Console
) -> tuple[list[VerificationResult], Summary]:
    summary = Summary()
    started = time.perf_counter()
    async with Verifier.from_settings(settings) as verifier:
        smtp = await _smtp_checked(verifier, options, console)
        with _progress(console, len(addresses)) as advance:
            results = await verifier.verify_many(addresses, smtp=smtp, on_result=advance)
        if options.retry_greylisted and smtp:
            results = await _retry_greylisted(verifier, results, console)
    for result in results:
        summary.add(result)
    summary.seconds = time.perf_counter() - started
    return results, summary


def results_table(results: list[VerificationResult]) -> RichTable:
    table = RichTable()
    for name in ("email", "status", "sub_status", "score", "why"):
        table.add_column(name, overflow="fold")
    for result in results:
        why = result.reason
        if result.suggestion:
            why += f" (did you mean {result.suggestion}?)"
        table.add_row(
            result.email, result.status.value, result.sub_status.value, str(result.score), why
        )
    return table


def json_line(result: VerificationResult, **extra: Any) -> bytes:
    return orjson.dumps({**extra, **result.to_dict()}) + b"\n"


def verify_file(
    path: Path,
    output: str,
    column: str | None,
    settings: Settings,
    options: Options,
    console: Console,
) -> Summary:
    try:
        table = read_table(path)
    except (UnreadableFile, OSError) as error:
        raise VerifyFailed(f"{path}: {error}") from None
    column = _email_column(table.columns, column)
    return asyncio.run(_verify_file(table, column, output, settings, options, console))


def _email_column(columns: list[str], wanted: str | None) -> str:
    listed = ", ".join(repr(c) for c in columns) or "none"
    if wanted is not None:
        if wanted in columns:
            return wanted
        folded = [c for c in columns if c.casefold() == wanted.casefold()]
        if len(folded) == 1:
            return folded[0]
        raise VerifyFailed(f"no column {wanted!r}; columns: {listed}")
    for column in columns:
        if column.strip().casefold() in EMAIL_COLUMNS:
            return column
    raise VerifyFailed(f"which column holds the addresses? Use --column; columns: {listed}")


async def _verify_file(
    table: Any,
    column: str,
    output: str,
    settings: Settings,
    options: Options,
    console: Console,
) -> Summary:
    summary = Summary()
    started = time.perf_counter()
    greylisted: dict[int, str] = {}  # output line number -> address
    with _output(output) as out:
        writer = _Writer(out, table.columns, options.as_json)
        async with Verifier.from_settings(settings) as verifier:
            smtp = await _smtp_checked(verifier, options, console)
            with _progress(console, table.estimated_rows) as advance:
                for chunk in _chunks(table.numbered, CHUNK):
                    rows = []
                    for number, row in chunk:
                        if isinstance(row, RowError):
                            summary.unreadable_rows += 1
                            console.print(f"row {number}: {row.reason} (left out)")
                        else:
                            rows.append((number, row))
                    emails = [row.get(column, "") for _, row in rows]
                    results = await verifier.verify_many(emails, smtp=smtp, on_result=advance)
                    for (number, row), result in zip(rows, results, strict=True):
                        line = writer.write(number, row, result)
                        summary.add(result)
                        if result.sub_status is SubStatus.GREYLISTED:
                            greylisted[line] = result.email
            if greylisted and options.retry_greylisted and smtp:
                writer.replacements = await _retried(verifier, greylisted, summary, console)
        out.finish(writer)
    summary.seconds = time.perf_counter() - started
    return summary


async def _smtp_checked(verifier: Verifier, options: Options, console: Console) -> bool:
    smtp = verifier.settings.smtp_enabled if options.smtp is None else options.smtp
    if smtp and options.preflight:
        checked = await verifier.preflight()
        if not checked.ok:
            raise VerifyFailed(
                f"pre-flight: {checked.message} (--no-smtp checks syntax, lists and DNS only; "
                "--no-preflight skips this check)"
            )
        console.print(f"pre-flight: {checked.message}")
    return smtp


async def _retry_greylisted(
    verifier: Verifier, results: list[VerificationResult], console: Console
) -> list[VerificationResult]:
    waiting = {i: r.email for i, r in enumerate(results) if r.sub_status is SubStatus.GREYLISTED}
    if not waiting:
        return results
    again = await _ask_again(verifier, waiting, console)
    return [again.get(i, result) for i, result in enumerate(results)]


async def _retried(
    verifier: Verifier, waiting: dict[int, str], summary: Summary, console: Console
) -> dict[int, VerificationResult]:
    """New verdicts for greylisted addresses, by output line; the summary follows them."""
    again = await _ask_again(verifier, waiting, console)
    for result in again.values():
        summary.sub_statuses[SubStatus.GREYLISTED.value] -= 1
        summary.statuses[Status.UNKNOWN.value] -= 1
        summary.add(result)
    return again


async def _ask_again(
    verifier: Verifier, waiting: dict[int, str], console: Console
) -> dict[int, VerificationResult]:
    """Waits until the last of the domains' greylisting waits is over, then asks once more."""
    retry_at = 0.0
    for email in set(waiting.values()):
        retry_at = max(retry_at, await verifier.greylisted_until(email) or 0.0)
    wait = min(max(0.0, retry_at - time.time()), verifier.settings.greylist_retry_seconds)
    console.print(
        f"{len(waiting)} greylisted addresses: asking again in {wait:.0f} s "
        "(LEADWISE_VERIFY__GREYLIST_RETRY_SECONDS; --no-retry-greylisted skips this)"
    )
    await asyncio.sleep(wait)
    keys = list(waiting)
    with _progress(console, len(keys), label="asking again") as advance:
        results = await verifier.verify_many([waiting[k] for k in keys], on_result=advance)
    return dict(zip(keys, results, strict=True))


class _Progress:
    def __init__(self, progress: Progress, task: Any) -> None:
        self.progress = progress
        self.task = task

    def __call__(self, _index: int, _result: VerificationResult) -> None:
        self.progress.advance(self.task)


@contextlib.contextmanager
def _progress(console: Console, total: int | None, label: str = "verifying") -> Iterator[_Progress]:
    progress = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )
    task = progress.add_task(label, total=total)
    with progress:
        yield _Progress(progress, task)


def _chunks(numbered: Iterator[tuple[int, Any]], size: int) -> Iterator[list[tuple[int, Any]]]:
    chunk: list[tuple[int, Any]] = []
    for item in numbered:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Writer:
    """Rows with their verdicts, as CSV or JSON lines; `replacements` (by output line) are
    applied when the output is finished."""

    def __init__(self, out: _Output, columns: list[str], as_json: bool) -> None:
        self.out = out
        self.as_json = as_json
        self.columns = [c for c in columns if c not in RESULT_COLUMNS] + RESULT_COLUMNS
        self.lines = 0
        self.rows: dict[int, dict[str, str]] = {}  # kept only for lines that may be replaced
        self.replacements: dict[int, VerificationResult] = {}
        if not as_json:
            self._csv_row(self.columns)

    def write(self, number: int, row: dict[str, str], result: VerificationResult) -> int:
        self.lines += 1
        if result.sub_status is SubStatus.GREYLISTED:
            self.rows[self.lines] = row
        self.out.write(self.render(number, row, result))
        return self.lines

    def render(self, number: int, row: dict[str, str], result: VerificationResult) -> bytes:
        if self.as_json:
            return json_line(result, row=number)
        buffer = io.StringIO()
        csv.writer(buffer).writerow(_csv_values(self.columns, row, result))
        return buffer.getvalue().encode("utf-8")

    def _csv_row(self, values: list[str]) -> None:
        buffer = io.StringIO()
        csv.writer(buffer).writerow(values)
        self.out.write(buffer.getvalue().encode("utf-8"))


def _csv_values(columns: list[str], row: dict[str, str], result: VerificationResult) -> list[str]:
    data = result.to_dict()
    smtp = data["smtp"] or {}
    verdict = {
        "verify_status": data["status"],
        "verify_sub_status": data["sub_status"],
        "verify_score": str(data["score"]),
        "verify_reason": data["reason"],
        "verify_suggestion": data["suggestion"] or "",
        "verify_normalized": data["normalized"] or "",
        "verify_is_disposable": _flag(data["is_disposable"]),
        "verify_is_role": _flag(data["is_role"]),
        "verify_is_free": _flag(data["is_free"]),
        "verify_is_catch_all": _flag(data["is_catch_all"]),
        "verify_mx": " ".join(f"{mx['preference']}:{mx['host']}" for mx in data["mx"]),
        "verify_smtp_host": smtp.get("host") or "",
        "verify_smtp_code": "" if smtp.get("code") is None else str(smtp["code"]),
        "verify_smtp_enhanced": smtp.get("enhanced") or "",
        "verify_smtp_message": smtp.get("message") or "",
        "verify_checked_at": data["checked_at"],
        "verify_duration_ms": str(data["duration_ms"]),
    }
    return [verdict[c] if c in verdict else neutralise(row.get(c, "")) for c in columns]


def _flag(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


class _Output:
    """Bytes to stdout, or to a temporary file that becomes OUTPUT when complete."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.partial: Path | None = None
        self.handle: IO[bytes]
        if target == "-":
            self.handle = sys.stdout.buffer
        else:
            path = Path(target)
            if path.is_dir():
                raise VerifyFailed(f"{target} is a directory")
            self.partial = path.with_name(path.name + ".part")
            try:
                self.handle = self.partial.open("wb")
            except OSError as error:
                raise VerifyFailed(f"cannot write {target}: {error.strerror}") from None

    def write(self, data: bytes) -> None:
        self.handle.write(data)

    def finish(self, writer: _Writer) -> None:
        if self.partial is None:
            self.handle.flush()
            if writer.replacements:  # stdout cannot be rewritten: the new verdicts follow
                for line, result in writer.replacements.items():
                    row = writer.rows.get(line, {})
                    self.handle.write(writer.render(line, row, result))
                self.handle.flush()
            return
        self.handle.close()
        if writer.replacements:
            _rewrite(self.partial, writer)
        os.replace(self.partial, Path(self.target))

    def discard(self) -> None:
        if self.partial is not None:
            self.handle.close()
            with contextlib.suppress(FileNotFoundError):
                self.partial.unlink()


def _rewrite(path: Path, writer: _Writer) -> None:
    """Copy the output with the lines of `writer.replacements` re-rendered."""
    fresh = path.with_name(path.name + "2")
    with path.open("rb") as source, fresh.open("wb") as target:
        if writer.as_json:
            for line_number, line in enumerate(source, start=1):
                replaced = writer.replacements.get(line_number)
                if replaced is None:
                    target.write(line)
                else:
                    row = orjson.loads(line).get("row", line_number)
                    target.write(json_line(replaced, row=row))
            os.replace(fresh, path)
            return
        text = io.TextIOWrapper(source, encoding="utf-8", newline="")
        records = csv.reader(text)
        out = io.TextIOWrapper(target, encoding="utf-8", newline="")
        rows_out = csv.writer(out)
        rows_out.writerow(next(records))
        for line_number, values in enumerate(records, start=1):
            replaced = writer.replacements.get(line_number)
            if replaced is not None:
                values = _csv_values(writer.columns, writer.rows[line_number], replaced)
            rows_out.writerow(values)
        out.flush()
        out.detach()
    os.replace(fresh, path)


@contextlib.contextmanager
def _output(target: str) -> Iterator[_Output]:
    out = _Output(target)
    try:
        yield out
    except BaseException:
        out.discard()
        raise
