"""Matching a large file on every core: worker processes, each mapping the name index.

Matching is pure Python, so threads would share one core; and in the desktop app the window's
thread needs the interpreter lock too, which a busy matching thread holds. Worker processes
avoid both: the screening process only hands out names and collects the matches.

Each worker loads the index from the file ``core.matching.persist`` saved (or, when there is
none yet, builds it from the entities it was given and saves it), once, when it starts: a pool
started before a file is read is ready when the reading is done. The names and postings stay
in that file, mapped (``core.matching.mapped_index``): the workers share one copy of them in
the operating system's file cache, and each unpickles only the word tables. Workers are started with
"spawn" on every platform: forking a process that runs Qt threads is unsafe, and Windows and
macOS spawn anyway, so one way is tested. A frozen build must call
``multiprocessing.freeze_support()`` first thing in its entry points.

A worker ends with the process that started it, however that ends (kill -9 included): a
thread in each worker waits on the parent's process sentinel and ends the worker when it
fires, and on Linux the kernel also sends it SIGKILL when its parent dies. Without this a
worker would wait forever on its task pipe, whose write end it holds itself.

Anything that keeps the workers from working (they cannot be started, one dies, the index
cannot be loaded) raises ``PoolUnavailableError``: the caller matches in its own process
instead.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from core.errors import Cancelled
from core.lists.model import Entity
from core.matching.batch import Matches, NameWithCountries, match_batch
from core.matching.matcher import EntityMatcher
from core.matching.persist import load, save
from core.shutdown import end_with_parent

WORKERS_VARIABLE = "TRADESCREEN_MATCH_WORKERS"
"""Environment variable: how many worker processes (0 or 1: match in the screening process)."""
MAX_WORKERS = 4
"""More workers than this add memory (each holds the index's word tables) for little speed."""
CHUNK_NAMES = 2000
"""Names per task: a tenth of a second or so of work, so progress moves and cancel is quick."""
WORKER_NICENESS = 10
_POLL_SECONDS = 0.1


class PoolUnavailableError(RuntimeError):
    """The worker processes cannot do the work; match in this process instead."""


def worker_count() -> int:
    """Workers to use: the environment variable if set, else one per core up to
    ``MAX_WORKERS``; below 2 the caller should match in its own process."""
    setting = os.environ.get(WORKERS_VARIABLE, "").strip()
    if setting:
        try:
            return max(0, int(setting))
        except ValueError:
            pass
    return min(os.cpu_count() or 1, MAX_WORKERS)


class MatchPool:
    """Worker processes matching against the index saved at ``index_file``.

    ``entities`` are sent to the workers only when that file does not exist yet (they then
    build the index, and save it for next time).
    """

    def __init__(self, index_file: Path, entities: Sequence[Entity], workers: int) -> None:
        self.index_file = index_file
        self.workers = workers
        missing = not index_file.exists()
        try:
            self._executor = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(
                    str(index_file),
                    list(entities) if missing else None,
                    # Linux's parent-death signal fires when the *thread* that started a
                    # process ends: only safe when that is the main thread.
                    threading.current_thread() is threading.main_thread(),
                ),
            )
            # Start every worker now (processes are otherwise started as work arrives), so
            # that loading the index overlaps whatever the caller does next.
            self._started = [self._executor.submit(_ready) for _ in range(workers)]
        except (OSError, RuntimeError) as err:
            raise PoolUnavailableError(f"cannot start matching processes: {err}") from err

    def wait_ready(self, cancelled: Callable[[], bool] = lambda: False) -> None:
        """Until every worker has its index (loaded, or built on first use)."""
        try:
            pending = set(self._started)
            while pending:
                if cancelled():
                    raise Cancelled()
                finished, pending = wait(pending, timeout=_POLL_SECONDS)
                for future in finished:
                    future.result()
        except (BrokenProcessPool, OSError, RuntimeError) as err:
            raise PoolUnavailableError(f"the matching processes did not start: {err}") from err

    def match(
        self,
        items: Sequence[NameWithCountries],
        threshold: float,
        *,
        on_progress: Callable[[int, int], None] = lambda done, total: None,
        cancelled: Callable[[], bool] = lambda: False,
        chunk: int = CHUNK_NAMES,
    ) -> Matches:
        """The matches of every item, as ``match_batch`` gives them. ``on_progress(done,
        total)`` counts names. When ``cancelled()`` turns true, the work still queued is
        dropped and ``Cancelled`` raised."""
        total = len(items)
        ordered = _by_first_letters(items)
        chunks = [ordered[i : i + chunk] for i in range(0, total, chunk)]
        found: Matches = {}
        done = 0
        try:
            pending: dict[Future[Matches], int] = {
                self._executor.submit(_match_chunk, part, threshold): len(part) for part in chunks
            }
            while pending:
                if cancelled():
                    for future in pending:
                        future.cancel()
                    raise Cancelled()
                finished, _ = wait(pending, timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
                for future in finished:
                    found.update(future.result())
                    done += pending.pop(future)
                on_progress(done, total)
        except (BrokenProcessPool, OSError, RuntimeError) as err:
            raise PoolUnavailableError(f"a matching process failed: {err}") from err
        return found

    def close(self, *, wait: bool = False) -> None:
        """Stop the workers (queued work is dropped; running chunks end first); ``wait``:
        until they have exited."""
        self._executor.shutdown(wait=wait, cancel_futures=True)


def _by_first_letters(items: Sequence[NameWithCountries]) -> list[NameWithCountries]:
    """The items grouped by the first letters of their names, so that names sharing their
    first words land in one task, and so in one worker: the work per new word (its typo
    look-ups) is less often done by both. Grouped by a loop rather than sorted: one sort of
    100k names holds the interpreter lock for a tenth of a second, and the window with it."""
    groups: dict[str, list[NameWithCountries]] = {}
    for item in items:
        key = item[0][:3].casefold()
        group = groups.get(key)
        if group is None:
            groups[key] = [item]
        else:
            group.append(item)
    return [item for key in sorted(groups) for item in groups[key]]


# -- in the worker processes ----------------------------------------------------------------


class _WorkerState:
    """What a worker process holds for its life: the initializer fills it, the tasks read it.
    (A worker process is one pool's; this is its state, not the screening process's.)"""

    matcher: EntityMatcher | None = None


_worker = _WorkerState()


def _start_worker(index_file: str, entities: list[Entity] | None, kernel_watch: bool) -> None:
    end_with_parent(kernel_watch=kernel_watch)
    # Ctrl-C in a terminal reaches the whole process group: the screening process decides
    # (it stops the pool), not each worker on its own with a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Background work: the process that started it (reading the file, or the window) goes
    # first when they compete for a core. Without competition it runs at full speed.
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(WORKER_NICENESS)
    path = Path(index_file)
    matcher = load(path)
    if matcher is None and entities is not None:
        matcher = EntityMatcher(entities)
        save(path, matcher)
    if matcher is None:
        raise RuntimeError(f"no usable name index at {index_file}")
    # The index lives as long as the process: keep the collector from walking it again.
    gc.freeze()
    _worker.matcher = matcher


def _ready() -> bool:
    return _worker.matcher is not None


def _match_chunk(items: Sequence[NameWithCountries], threshold: float) -> Matches:
    matcher = _worker.matcher
    if matcher is None:
        raise RuntimeError("the matching process has no index")
    return match_batch(matcher, items, threshold)
