"""Reading ahead: while one chunk of an import is decided and written, a second process reads
the next one (maps and checks its rows, finds their match keys: about half of an import's
Python), so that a large import keeps two cores busy instead of one.

The second process is spawned (not forked: the caller may be a threaded server or worker)
and gets the `RowPreparer` once; each chunk goes over as raw rows and comes back prepared.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from leadwise.core.bulk import RELAXED_GC_THRESHOLDS
from leadwise.import_export.import_decide import PreparedRow, RowPreparer
from leadwise.import_export.readers import Row, RowError

Chunk = Sequence[tuple[int, Row | RowError]]
Submit = Callable[[Chunk], "Future[list[PreparedRow]]"]

_preparer: RowPreparer | None = None  # in the helper process


def can_read_ahead() -> bool:
    """False in a prefork worker's pool process (daemonic: it may not start processes)."""
    return not multiprocessing.current_process().daemon


@contextlib.contextmanager
def prepared_ahead(preparer: RowPreparer, *, ahead: bool) -> Iterator[Submit]:
    """A function that starts preparing a chunk and answers a future of its rows: in a helper
    process with `ahead` (and where one can be started), else at once, here."""
    if not ahead or not can_read_ahead():
        yield lambda chunk: _done(preparer, chunk)
        return
    pool = ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_keep,
        initargs=(preparer,),
    )
    try:
        yield lambda chunk: pool.submit(_prepare, chunk)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _done(preparer: RowPreparer, chunk: Chunk) -> Future[list[PreparedRow]]:
    future: Future[list[PreparedRow]] = Future()
    try:
        future.set_result(preparer.prepare(chunk))
    except Exception as error:  # raised where the caller awaits it, as from the helper
        future.set_exception(error)
    return future


def _keep(preparer: RowPreparer) -> None:
    global _preparer
    _preparer = preparer
    gc.set_threshold(*RELAXED_GC_THRESHOLDS)  # the helper does nothing but bulk work


def _prepare(chunk: Chunk) -> list[PreparedRow]:
    assert _preparer is not None
    return _preparer.prepare(chunk)
