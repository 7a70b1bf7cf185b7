"""Server time of the leads list's sorts, filters and searches with 100,000 leads (issue 7's
"filter/sort response under 200 ms"), in one process through the ASGI app.

    .venv/bin/python bench/leads_list.py                          # SQLite in a temp dir
    .venv/bin/python bench/leads_list.py --postgres postgresql://postgres@127.0.0.1:5432/test

Seeds like bench/inprocess.py (one lead through the API, the rest copied from it: first names
Ada0..Ada999, last names Lovelace0..Lovelace99998, emails leadN@example.org), then asks each
request 7 times and prints the median of the last 5, in milliseconds, with the rows returned.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inprocess import app_with_leads  # after the path is set


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="server URL; a fresh database is made on it")
    parser.add_argument("--seed", type=int, default=100_000)
    args = parser.parse_args()
    async with app_with_leads("leads-list", args.postgres, args.seed) as (client, headers):
        stages = (await client.get("/api/v1/stages", headers=headers)).json()["data"]
        page = "/api/v1/leads?limit=50"
        cases = {
            "newest first (default)": page,
            "sort by first name": f"{page}&sort=first_name",
            "sort by last name, descending": f"{page}&sort=-last_name",
            "sort by last change": f"{page}&sort=-updated_at",
            "filter: a stage holding every lead": f"{page}&stage_id={stages[0]['id']}",
            "filter: an empty stage": f"{page}&stage_id={stages[1]['id']}",
            "search 'ada12' (100 matches)": f"{page}&q=ada12",
            "search 'lovelace4242' (11 matches)": f"{page}&q=lovelace4242",
            "search 'ada lovelace4242' (two words)": f"{page}&q=ada%20lovelace4242",
            "search 'example' (every lead)": f"{page}&q=example",
            "search 'zzqq' (no match)": f"{page}&q=zzqq",
            "search 'zz' (no match, short: no index)": f"{page}&q=zz",
            "pipeline counts per stage": "/api/v1/leads/stage-summary",
        }
        backend = "PostgreSQL" if args.postgres else "SQLite"
        print(f"| {backend}, {args.seed:,} leads | median ms | rows |")
        print("|---|---:|---:|")
        for name, url in cases.items():
            times = []
            for _ in range(7):
                started = time.perf_counter()
                response = await client.get(url, headers=headers)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (url, response.text[:200])
            rows = len(response.json()["data"])
            print(f"| {name} | {statistics.median(times[2:]):.1f} | {rows} |", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
