"""Summarise a py-spy `--format raw` profile of an API worker as Markdown.

    python bench/pyspy_summary.py bench/out/profile-<date>.txt

Only samples of the event-loop thread count (stacks through uvicorn's `Server.run`): idle
threadpool threads would otherwise drown the figures. Each sample goes to the first bucket in
BUCKETS that one of its frames matches, so the more specific buckets come first (a query's
round trip is "driver", not "statement construction", although both frames are on its stack).
A last table gives the time under each Leadwise function, callees included: which service step
the round trips and the rest were for.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

EVENT_LOOP_MARKER = "Server.run (uvicorn/server.py"
LEADWISE_FRAME = "(leadwise/"
# Leadwise frames on every request's stack, whatever the endpoint: not endpoint code.
WRAPPERS = ("(leadwise/core/middleware.py", "(leadwise/core/routing.py")
ENDPOINT_CODE = "Leadwise endpoint code (auth, services, checks; not their SQL)"
LINE_NUMBER = re.compile(r":\d+\)$")

BUCKETS: list[tuple[str, tuple[str, ...]]] = [
    ("DB: connection ping on checkout", ("_async_ping", "_ping_if_idle")),
    ("JWT decode and verify", ("decode_access_token",)),
    # SQLAlchemy's jsonb codec runs inside asyncpg's protocol callback, with no asyncpg frame
    # above it: JSON columns of every row read (a list of leads has six of them).
    ("DB: decoding JSON columns (jsonb to dict)", ("_jsonb_decoder", "_json_decoder")),
    (
        "DB: driver and round trips (queries, BEGIN, COMMIT)",
        ("asyncpg/", "aiosqlite/", "sqlite3/"),
    ),
    (
        "DB: SQLAlchemy execute, ORM loading, commit",
        ("AsyncSession.", "greenlet_spawn", "transaction (leadwise/core/db.py", "get_session"),
    ),
    # What is left under a repository function, or in SQLAlchemy's expression code, once
    # statement execution is accounted for above (compiling happens under execute).
    (
        "DB: SQLAlchemy statement construction (select/where/join)",
        ("/repository.py", "sqlalchemy/sql/"),
    ),
    ("sync dependencies run in the threadpool", ("run_in_threadpool",)),
    # Not the envelope wrapper (`_wrap.<locals>.enveloped`): the whole endpoint runs under it.
    ("response validation and serialisation", ("serialize_response", "Response.__call__")),
    # What is left in Leadwise's own frames below the wrappers every request passes through.
    (ENDPOINT_CODE, (LEADWISE_FRAME,)),
    (
        "FastAPI/Starlette routing, dependency solving, middleware",
        ("fastapi/", "starlette/", "leadwise/core/middleware", "prometheus_client/"),
    ),
    ("uvicorn HTTP protocol", ("uvicorn/protocols/",)),
]
# Matched on the innermost frame only: every stack passes through the event loop.
EVENT_LOOP = ("event loop itself (uvloop, epoll, callbacks)", ("asyncio/", "uvloop/"))


def parse(path: Path) -> list[tuple[list[str], int]]:
    """(frames root-first without line numbers, sample count) of the event-loop thread."""
    stacks = []
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = [LINE_NUMBER.sub(")", frame) for frame in stack.split(";")]
        if any(EVENT_LOOP_MARKER in frame for frame in frames):
            stacks.append((frames, int(count)))
    return stacks


def matches(name: str, needles: tuple[str, ...], frame: str) -> bool:
    if name == ENDPOINT_CODE and any(wrapper in frame for wrapper in WRAPPERS):
        return False
    return any(needle in frame for needle in needles)


def bucket_of(frames: list[str]) -> str:
    for name, needles in BUCKETS:
        if any(matches(name, needles, frame) for frame in frames):
            return name
    name, needles = EVENT_LOOP
    if any(needle in frames[-1] for needle in needles):
        return name
    return "other (pydantic, logging, ...)"


def percent(count: int, total: int) -> str:
    return f"{100 * count / total:.1f}%"


def summarise(stacks: list[tuple[list[str], int]], top: int = 12) -> str:
    total = sum(count for _, count in stacks)
    if total == 0:
        return "No samples of the event-loop thread (was the worker busy?)."
    buckets: Counter[str] = Counter()
    leaves: Counter[str] = Counter()
    # Time under each Leadwise function, callees included: the buckets say what kind of work,
    # this says on whose behalf (which service step issued the round trips, for instance).
    inclusive: Counter[str] = Counter()
    for frames, count in stacks:
        buckets[bucket_of(frames)] += count
        leaves[frames[-1]] += count
        for frame in {frame for frame in frames if LEADWISE_FRAME in frame}:
            inclusive[frame] += count
    lines = [
        f"Event-loop thread: {total} samples.",
        "",
        "| where | share |",
        "|---|---:|",
        *(f"| {name} | {percent(count, total)} |" for name, count in buckets.most_common()),
        "",
        f"Top {top} frames by own time (for a Python frame, includes C code it calls):",
        "",
        "| frame | share |",
        "|---|---:|",
        *(f"| `{frame}` | {percent(count, total)} |" for frame, count in leaves.most_common(top)),
        "",
        f"Top {2 * top} Leadwise functions by time spent in them and their callees:",
        "",
        "| function | share |",
        "|---|---:|",
        *(
            f"| `{frame}` | {percent(count, total)} |"
            for frame, count in inclusive.most_common(2 * top)
        ),
    ]
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python bench/pyspy_summary.py PROFILE_RAW_FILE")
    print(summarise(parse(Path(sys.argv[1]))))


if __name__ == "__main__":
    main()
