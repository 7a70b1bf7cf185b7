"""End-to-end import of a generated lead file into a workspace that already holds leads.

    .venv/bin/python bench/imports.py --rows 1000000 --existing 100000 \
        [--databases sqlite,postgres] [--postgres-url postgresql://postgres@127.0.0.1:5432/test]
        [--no-check-probable --scan]

The people come from tests/dedupe/synthetic.py (10% of the rows are second entries of a person
with typos, swapped names, other addresses). The first `--existing` rows are imported first to
make the existing workspace (timed apart); then the file of `--rows` rows is imported with
`leadwise import` in its own process: normalisation, matching against the workspace, the
probable-duplicate check, writing, the error report. Measured: wall time and the peak memory
of that process and its read-ahead helper together (their resident sizes summed, sampled
every 0.2 s). On PostgreSQL, a raw COPY of the same file into a bare table of
text columns is the physical limit quoted beside it.

With `--no-check-probable` the file is imported without the per-row look-alike check, and
`--scan` then times `leadwise scan` of the whole workspace, which queues the look-alikes for
review instead (the two together are the way to load a very large file).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LEADWISE = [sys.executable, "-m", "leadwise"]
HEADER = ["first_name", "last_name", "email", "phone", "company", "city", "postcode"]


def write_files(rows: int, existing: int, folder: Path) -> tuple[Path, Path]:
    from tests.dedupe.synthetic import generate

    started = time.perf_counter()
    generated = generate(rows + existing, seed=11).rows
    seed_file, import_file = folder / "existing.csv", folder / "leads.csv"
    for path, part in ((seed_file, generated[:existing]), (import_file, generated[existing:])):
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow([*HEADER, "country"])
            for row in part:
                writer.writerow([*(row.get(name, "") for name in HEADER), "DE"])
    print(f"generated {rows + existing:,} rows in {time.perf_counter() - started:.0f}s")
    return seed_file, import_file


def leadwise(env: dict[str, str], *args: str, timed: bool = False) -> tuple[float, int, str]:
    """Runs a command; answers its wall time, the peak of its processes' summed RSS (KiB:
    an import's read-ahead helper counts too) and its output."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen([*LEADWISE, *args], env=env, stdout=out, stderr=err, text=True)
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_rss_kib(process.pid)) if timed else 0
            time.sleep(0.2)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode != 0:
        raise SystemExit(f"leadwise {' '.join(args)} failed:\n{stdout}\n{stderr}")
    return wall, peak, stdout


def tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and its descendants, from /proc (Linux)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                total += next(
                    (int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0
                )
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending += [int(child) for child in children.read().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


async def recreate_database(admin_url: str, name: str) -> str:
    import asyncpg

    connection = await asyncpg.connect(admin_url.replace("postgresql+asyncpg", "postgresql"))
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    parts = urlsplit(admin_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


async def raw_copy(url: str, path: Path) -> float:
    import asyncpg

    connection = await asyncpg.connect(url)
    try:
        columns = [*HEADER, "country"]
        await connection.execute(
            "CREATE TABLE raw_leads (" + ", ".join(f"{c} text" for c in columns) + ")"
        )
        started = time.perf_counter()
        await connection.copy_to_table(
            "raw_leads", source=str(path), format="csv", header=True, columns=columns
        )
        return time.perf_counter() - started
    finally:
        await connection.close()


def counts_of(summary: str) -> str:
    found = {}
    for line in summary.splitlines():
        cells = [cell.strip() for cell in line.strip("│ ").split("│")]
        if len(cells) == 2 and cells[1].isdigit():
            found[cells[0]] = int(cells[1])
    return ", ".join(f"{name} {value:,}" for name, value in found.items())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--existing", type=int, default=100_000)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--postgres-url", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-check-probable", action="store_true")
    parser.add_argument("--scan", action="store_true", help="then time `leadwise scan`")
    args = parser.parse_args()
    flags = ["--no-check-probable"] if args.no_check_probable else []
    with tempfile.TemporaryDirectory(prefix="leadwise-bench-import-") as temp:
        folder = Path(temp)
        seed_file, import_file = write_files(args.rows, args.existing, folder)
        size = import_file.stat().st_size / 1024**2
        print(f"file: {args.rows:,} rows, {size:.0f} MiB; workspace: {args.existing:,} leads")
        for database in args.databases.split(","):
            env = {k: v for k, v in os.environ.items() if not k.startswith("LEADWISE_")}
            env |= {"LEADWISE_DATA_DIR": str(folder / database), "LEADWISE_LOG__LEVEL": "WARNING"}
            if database == "postgres":
                url = asyncio.run(recreate_database(args.postgres_url, "leadwise_bench_import"))
                env["LEADWISE_DATABASE_URL"] = url
            leadwise(env, "db", "upgrade")
            leadwise(
                env, "users", "create-admin", "--email", "bench@example.com",
                "--password", "bench-password-1", "--workspace", "Bench",
            )  # fmt: skip
            seeded, _, _ = leadwise(env, "import", str(seed_file))
            wall, rss, summary = leadwise(env, "import", str(import_file), *flags, timed=True)
            line = (
                f"{database}: import {wall:.1f}s ({args.rows / wall:,.0f} rows/s), "
                f"peak RSS {rss / 1024:,.0f} MiB; seeding {args.existing:,} took {seeded:.1f}s; "
                f"{counts_of(summary)}"
            )
            if args.scan:
                scan, scan_rss, scanned = leadwise(env, "scan", timed=True)
                line += (
                    f"; then scan {scan:.1f}s, peak RSS {scan_rss / 1024:,.0f} MiB: "
                    f"{counts_of(scanned)}"
                )
            if database == "postgres":
                copy = asyncio.run(
                    raw_copy(
                        asyncio.run(recreate_database(args.postgres_url, "leadwise_bench_copy")),
                        import_file,
                    )
                )
                line += f"; raw COPY of the file {copy:.1f}s ({args.rows / copy:,.0f} rows/s)"
            print(line, flush=True)


if __name__ == "__main__":
    main()
