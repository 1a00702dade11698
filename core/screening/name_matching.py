"""Where a screening's names are matched: in this process, or in worker processes.

The one place that decides. A few thousand names are matched here (starting processes would
cost more than it saves); a large file goes to a ``MatchPool`` of worker processes, which is
then kept for the next screenings against the same lists (the desktop app screens many files
in one session). Both ways run ``match_batch``, so the answers are the same; if the workers
fail, the work is done here instead.
"""

from __future__ import annotations

import atexit
import logging
from collections.abc import Sequence
from pathlib import Path

from core.lists.snapshot import ListSnapshot
from core.matching import EntityMatcher
from core.matching.batch import Matches, NameWithCountries, match_batch
from core.matching.persist import index_key, index_path, load_or_build, save
from core.matching.pool import MatchPool, PoolUnavailableError, worker_count
from core.paths import user_data_dir
from core.progress import Progress, check_cancelled

PARALLEL_MIN_NAMES = 10_000
"""Distinct names from which worker processes are worth starting (about half a second)."""
PARALLEL_MIN_BYTES = 1 << 20
"""A supplier file this large is likely to have that many names: the workers are started
before it is read, so that they are ready when the reading is done."""
_log = logging.getLogger(__name__)
_BATCH = 4000  # names between progress reports and cancellation checks, in this process
_MATCHER_CACHE_SIZE = 2

_matchers: dict[object, EntityMatcher] = {}
_index_keys: dict[object, str] = {}
_pool: MatchPool | None = None


def _snapshot_key(snapshot: ListSnapshot) -> object:
    if snapshot.releases:
        return tuple((r.release_id, r.checksum) for r in snapshot.releases)
    return id(snapshot)


def _cache_dir() -> Path:
    return user_data_dir() / "cache"


def matcher_for(snapshot: ListSnapshot) -> EntityMatcher:
    """The matcher over every entity of the snapshot, made once per set of list releases: its
    index loaded from the user's cache directory if saved there before, else built (and
    saved)."""
    key = _snapshot_key(snapshot)
    matcher = _matchers.get(key)
    if matcher is None:
        matcher = load_or_build(list(snapshot.entities.values()), _cache_dir())
        while len(_matchers) >= _MATCHER_CACHE_SIZE:
            _matchers.pop(next(iter(_matchers)))
        _matchers[key] = matcher
    return matcher


def prepare_index(snapshot: ListSnapshot) -> int:
    """Build the name index of the snapshot's entities and save it, unless saved already (a
    list import does this, so that the next screening only loads it); the names indexed."""
    matcher = matcher_for(snapshot)
    index_file = _index_file(snapshot)
    if not index_file.exists():  # made before in this process, but not saved here
        save(index_file, matcher)
    return len(matcher.index.names)


def expect_names(snapshot: ListSnapshot, count: int) -> None:
    """A screening of about ``count`` distinct names is coming: start the worker processes
    now if it will use them, so they are ready when it starts."""
    if count >= PARALLEL_MIN_NAMES:
        start_workers(snapshot)


def _index_file(snapshot: ListSnapshot) -> Path:
    key = _snapshot_key(snapshot)
    digest = _index_keys.get(key)
    if digest is None:
        digest = index_key(list(snapshot.entities.values()))
        _index_keys.clear()  # one set of lists at a time is plenty
        _index_keys[key] = digest
    return index_path(_cache_dir(), digest)


def start_workers(snapshot: ListSnapshot) -> MatchPool | None:
    """The worker processes for this snapshot's entities, started if they are not running
    yet; None when this machine should match in-process (one core, or turned off)."""
    global _pool
    workers = worker_count()
    if workers < 2:
        return None
    index_file = _index_file(snapshot)
    if _pool is not None and _pool.index_file == index_file:
        return _pool
    stop_workers()
    try:
        _pool = MatchPool(index_file, list(snapshot.entities.values()), workers)
    except PoolUnavailableError as err:
        _log.warning("%s; matching in this process instead (slower)", err)
        return None
    return _pool


def stop_workers(*, wait: bool = False) -> None:
    global _pool
    if _pool is not None:
        _pool.close(wait=wait)
        _pool = None


atexit.register(stop_workers)


def match_names(
    snapshot: ListSnapshot,
    items: Sequence[NameWithCountries],
    threshold: float,
    *,
    total: int,
    progress: Progress,
) -> Matches:
    """The matches of every distinct name with its countries. Progress is reported in
    ``total`` units (the rows) with the labels "Preparing the list names" and "Screening"."""

    def rows_done(done: int, count: int) -> None:
        progress.report(total * done // max(1, count), total, "Screening")

    pool = _pool if _pool is not None and _pool.index_file == _index_file(snapshot) else None
    if pool is None and len(items) >= PARALLEL_MIN_NAMES:
        pool = start_workers(snapshot)
    if pool is not None:
        try:
            progress.report(0, total, "Preparing the list names")
            pool.wait_ready(lambda: progress.cancelled)
            rows_done(0, 1)
            return pool.match(
                items, threshold, on_progress=rows_done, cancelled=lambda: progress.cancelled
            )
        except PoolUnavailableError as err:
            _log.warning("%s; matching in this process instead (slower)", err)
            stop_workers()
    progress.report(0, total, "Preparing the list names")
    matcher = matcher_for(snapshot)
    found: Matches = {}
    for start in range(0, len(items), _BATCH):
        check_cancelled(progress)
        rows_done(start, len(items))
        found.update(match_batch(matcher, items[start : start + _BATCH], threshold))
    return found
