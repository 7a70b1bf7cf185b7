"""Many rows of one table at the database's bulk speed, inside the session's transaction.

`insert(table).values(...)` with a list of dicts costs SQLAlchemy ~40 µs of Python per
row of `leads` to compile parameters, and on PostgreSQL asyncpg then binds and executes
each row in turn. `insert_many` encodes each column with the same bind processors the ORM
uses (so the rows read back exactly as if it had written them) and hands the rows over in
one go: `COPY` on PostgreSQL (binary, through asyncpg), one prepared `executemany` on SQLite.

The rows may come from an iterator, consumed as they are sent: `COPY` streams them in
batches, so PostgreSQL works on the first rows while the caller is still making the next
ones (an import builds a chunk's timeline entries while its leads are being written).

For new rows only: `COPY` knows no `ON CONFLICT`, and a duplicate key fails the whole call
(and so the transaction), as a plain `INSERT` would.

`fewer_collections()` spaces out Python's cyclic garbage collections while bulk work runs.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain, islice
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import Session

# Told of every bulk insert (the session, the table, the rows), as SQLAlchemy's own events are
# of its statements: e.g. the live feed announces leads written here (leads/live.py).
BulkListener = Callable[[Session, Table, int], None]
listeners: list[BulkListener] = []


# Rows encoded at a time: PostgreSQL gets each ~512 KiB of them (asyncpg's COPY buffer) while
# the next are made.
ENCODE_BATCH = 1000


async def insert_many(
    session: AsyncSession, table: Table, rows: Iterable[Mapping[str, Any]]
) -> None:
    """Insert `rows` (each with the same keys) into `table`."""
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        return
    names = list(first)
    # A KeyError names a column a row lacks; itemgetter of one name gives no tuple.
    pick = itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)

    def records() -> Iterator[tuple[Any, ...]]:
        for row in chain([first], iterator):
            if len(row) != len(names):
                raise ValueError(f"the rows of one insert_many must share their keys ({names})")
            yield pick(row)

    await insert_records(session, table, names, records())


async def insert_records(
    session: AsyncSession, table: Table, names: Sequence[str], records: Iterable[tuple[Any, ...]]
) -> None:
    """Insert `records` (values in the order of `names`) into `table`; columns left out get
    their Python default, else their server default."""
    iterator = iter(records)
    first = next(iterator, None)
    if first is None:
        return
    connection = await session.connection()
    dialect = connection.dialect
    columns = [table.c[name] for name in names]
    defaults = [c for c in table.columns if c.name not in names and _python_default(c)]
    counted = _Counted(chain([first], iterator))
    encoded = _encoded(counted, columns, defaults, dialect)
    all_names = [column.name for column in [*columns, *defaults]]
    if dialect.name == "postgresql":
        await _copy(connection, table, all_names, encoded)
    else:
        marks = ", ".join("?" for _ in all_names)
        quoted = ", ".join(dialect.identifier_preparer.quote(name) for name in all_names)
        statement = f"INSERT INTO {table.name} ({quoted}) VALUES ({marks})"  # noqa: S608 - identifiers from the model
        await connection.exec_driver_sql(statement, list(encoded))
    for listener in listeners:
        listener(session.sync_session, table, counted.count)


class _Counted:
    """The records, counted as they pass."""

    def __init__(self, records: Iterator[tuple[Any, ...]]) -> None:
        self._records = records
        self.count = 0

    def batches(self, size: int) -> Iterator[list[tuple[Any, ...]]]:
        while batch := list(islice(self._records, size)):
            self.count += len(batch)
            yield batch


def _python_default(column: Column[Any]) -> bool:
    """A default that `INSERT` through SQLAlchemy fills in and the database knows nothing of."""
    return column.default is not None and hasattr(column.default, "arg")


def _encoded(
    records: _Counted,
    columns: list[Column[Any]],
    defaults: list[Column[Any]],
    dialect: Dialect,
) -> Iterator[tuple[Any, ...]]:
    """The values as the driver takes them, through each column's bind processor (the ORM's
    own), column by column within each batch of records."""
    processors = [_processor(column, dialect) for column in columns]
    default_processors = [_processor(column, dialect) for column in defaults]
    as_given = not defaults and all(processor is None for processor in processors)
    for batch in records.batches(ENCODE_BATCH):
        if as_given:
            yield from batch
            continue
        values: list[Sequence[Any]] = list(zip(*batch, strict=True))
        for index, processor in enumerate(processors):
            if processor is not None:
                values[index] = _processed(processor, values[index])
        for column, processor in zip(defaults, default_processors, strict=True):
            default: Any = column.default
            # SQLAlchemy wraps a callable default to take the execution context; ours ignore it.
            made = [default.arg(None) if default.is_callable else default.arg for _ in batch]
            values.append([processor(value) for value in made] if processor else made)
        yield from zip(*values, strict=True)


def _processed(processor: Callable[[Any], Any], values: Sequence[Any]) -> list[Any]:
    """`processor` of each value; a value that is the very object of the row before (a
    chunk's one timestamp, its one stage, a shared empty dict) is not processed again.
    Processors see None too: a JSON column's makes it JSON null, as the ORM does."""
    done: list[Any] = []
    last: Any = _NOTHING
    result: Any = None
    for value in values:
        if value is not last:
            last, result = value, processor(value)
        done.append(result)
    return done


_NOTHING = object()


def _processor(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    return column.type.dialect_impl(dialect).bind_processor(dialect)


async def _copy(
    connection: AsyncConnection,
    table: Table,
    names: list[str],
    records: Iterable[tuple[Any, ...]],
) -> None:
    raw = await connection.get_raw_connection()
    driver = raw.driver_connection
    assert driver is not None
    if not driver.is_in_transaction():
        # SQLAlchemy's asyncpg adapter opens the transaction with its first statement; a COPY
        # sent before that would commit on its own, outside the unit of work.
        await connection.exec_driver_sql("SELECT 1")
    await driver.copy_records_to_table(table.name, records=records, columns=names)


# Collect the youngest generation after 50,000 net allocations instead of 700, the older ones
# after 50 and 100 younger collections instead of 10 and 10.
RELAXED_GC_THRESHOLDS = (50_000, 50, 100)
_relaxed_users = 0
_saved_thresholds: tuple[int, int, int] | None = None
_relaxed_lock = threading.Lock()


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Python's cyclic garbage collector runs less often inside: bulk work allocates millions
    of objects that live for one chunk (rows, keys, parameter tuples), and with the default
    thresholds the collector kept walking them: ~20% of a 100,000-row import's time
    (bench/RESULTS.md). Garbage without cycles is still freed at once. Nested and concurrent
    uses share one setting; the last one out restores the thresholds it found."""
    global _relaxed_users, _saved_thresholds
    with _relaxed_lock:
        if _relaxed_users == 0:
            _saved_thresholds = gc.get_threshold()
            gc.set_threshold(*RELAXED_GC_THRESHOLDS)
        _relaxed_users += 1
    try:
        yield
    finally:
        with _relaxed_lock:
            _relaxed_users -= 1
            if _relaxed_users == 0 and _saved_thresholds is not None:
                gc.set_threshold(*_saved_thresholds)
                _saved_thresholds = None
