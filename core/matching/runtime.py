"""Where a screening's names are matched: in this process, or in worker processes.

``MatchingRuntime`` is the one place that decides, and it holds what the decision needs: the
matchers made per set of list releases, the saved index file they load from, and the worker
pool. A few thousand names are matched here (starting processes would cost more than it
saves); a large screening goes to a ``MatchPool`` of worker processes, which is then kept for
the next screenings against the same lists (the desktop app screens many files in one
session). Both ways run ``match_batch``, so the answers are the same; if the workers fail, the
work is done here instead.

The owner (the screening service's bundle: one for the desktop app, one per command) closes it
on exit; an ``atexit`` hook closes it too if the owner did not.
"""

from __future__ import annotations

import atexit
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from core.lists.snapshot import ListSnapshot
from core.matching.batch import Matches, NameWithCountries, match_batch
from core.matching.matcher import EntityMatcher
from core.matching.persist import index_key, index_path, load_or_build, save
from core.matching.pool import MatchPool, PoolUnavailableError, worker_count
from core.paths import user_data_dir
from core.progress import Progress, check_cancelled

PARALLEL_MIN_NAMES = 10_000
"""Distinct names (or rows, when only they are known yet) from which worker processes are
worth starting (about half a second)."""
PARALLEL_MIN_BYTES = 1 << 20
"""A supplier file this large is likely to have that many names: the workers are started
before it is read, so that they are ready when the reading is done."""
_log = logging.getLogger(__name__)
_BATCH = 4000  # names between progress reports and cancellation checks, in this process
_MATCHER_CACHE_SIZE = 2


@dataclass(frozen=True)
class SizeHint:
    """What is known of a coming screening's size; the earliest hint is the file's size,
    then its rows once read, then its distinct names."""

    file_bytes: int | None = None
    rows: int | None = None
    names: int | None = None


class MatchingRuntime:
    """The matcher cache, the name index file and the worker pool of one application."""

    def __init__(
        self,
        cache_dir: Path | None = None,
        *,
        min_names: int | None = None,
        min_bytes: int | None = None,
    ) -> None:
        """``cache_dir``: where the name index is saved (default: the user's cache folder);
        ``min_names``/``min_bytes``: the sizes from which workers are used (defaults
        ``PARALLEL_MIN_NAMES``, ``PARALLEL_MIN_BYTES``)."""
        self._cache_dir = cache_dir
        self.min_names = PARALLEL_MIN_NAMES if min_names is None else min_names
        self.min_bytes = PARALLEL_MIN_BYTES if min_bytes is None else min_bytes
        self._matchers: dict[object, EntityMatcher] = {}
        self._index_keys: dict[object, str] = {}
        self._pool: MatchPool | None = None
        self._at_exit = False

    # -- the decision ---------------------------------------------------------------------------
    def wants_workers(self, hint: SizeHint) -> bool:
        """The one rule: worker processes for a screening this size? The most precise size
        known decides (names, else rows, else the file's bytes)."""
        if hint.names is not None:
            return hint.names >= self.min_names
        if hint.rows is not None:
            return hint.rows >= self.min_names
        if hint.file_bytes is not None:
            return hint.file_bytes >= self.min_bytes
        return False

    def expect(self, snapshot: ListSnapshot, hint: SizeHint) -> MatchPool | None:
        """A screening of about this size is coming: the workers for it, started now if it
        will use them (so that they are ready when it starts) and kept if already running;
        None when it is matched in this process."""
        running = self.pool_for(snapshot)
        if running is not None or not self.wants_workers(hint):
            return running
        return self._start(snapshot)

    @property
    def pool(self) -> MatchPool | None:
        """The worker pool running now, if any."""
        return self._pool

    def pool_for(self, snapshot: ListSnapshot) -> MatchPool | None:
        """The running workers if they match against this snapshot's names."""
        if self._pool is not None and self._pool.index_file == self._index_file(snapshot):
            return self._pool
        return None

    # -- matching -------------------------------------------------------------------------------
    def matcher_for(
        self, snapshot: ListSnapshot, progress: Progress | None = None
    ) -> EntityMatcher:
        """The matcher over every entity of the snapshot, made once per set of list releases:
        its index loaded from the cache directory if saved there before, else built (and
        saved; ``progress`` hears the build and may cancel it)."""
        key = _snapshot_key(snapshot)
        matcher = self._matchers.get(key)
        if matcher is None:
            entities = list(snapshot.entities.values())
            matcher = load_or_build(entities, self.cache_dir, progress)
            while len(self._matchers) >= _MATCHER_CACHE_SIZE:
                self._matchers.pop(next(iter(self._matchers)))
            self._matchers[key] = matcher
        return matcher

    def prepare_index(self, snapshot: ListSnapshot, progress: Progress | None = None) -> int:
        """Build the name index of the snapshot's entities and save it, unless saved already
        (a list import does this, so that the next screening only loads it); the names
        indexed. ``progress`` hears the build (``index.BUILD_LABEL``); a cancel raises
        ``Cancelled`` and keeps nothing (the next screening builds it)."""
        matcher = self.matcher_for(snapshot, progress)
        index_file = self._index_file(snapshot)
        if not index_file.exists():  # made before in this process, but not saved here
            save(index_file, matcher)
        return len(matcher.index.names)

    def match_names(
        self,
        snapshot: ListSnapshot,
        items: Sequence[NameWithCountries],
        threshold: float,
        *,
        total: int,
        progress: Progress,
    ) -> Matches:
        """The matches of every distinct name with its countries. Progress is reported in
        ``total`` units (the rows) with the labels "Preparing the list names" and
        "Screening"."""

        def rows_done(done: int, count: int) -> None:
            progress.report(total * done // max(1, count), total, "Screening")

        pool = self.expect(snapshot, SizeHint(names=len(items)))
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
                self.stop_workers()
        progress.report(0, total, "Preparing the list names")
        matcher = self.matcher_for(snapshot)
        found: Matches = {}
        for start in range(0, len(items), _BATCH):
            check_cancelled(progress)
            rows_done(start, len(items))
            found.update(match_batch(matcher, items[start : start + _BATCH], threshold))
        return found

    # -- lifetime -------------------------------------------------------------------------------
    def stop_workers(self, *, wait: bool = False) -> None:
        if self._pool is not None:
            self._pool.close(wait=wait)
            self._pool = None

    def close(self, *, wait: bool = False) -> None:
        """Stop the workers and drop the cached matchers; the runtime can still be used (it
        starts again from the saved index)."""
        self.stop_workers(wait=wait)
        self._matchers.clear()
        if self._at_exit:
            atexit.unregister(self.close)
            self._at_exit = False

    def __enter__(self) -> MatchingRuntime:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def cache_dir(self) -> Path:
        return self._cache_dir if self._cache_dir is not None else user_data_dir() / "cache"

    def _index_file(self, snapshot: ListSnapshot) -> Path:
        key = _snapshot_key(snapshot)
        digest = self._index_keys.get(key)
        if digest is None:
            digest = index_key(list(snapshot.entities.values()))
            self._index_keys.clear()  # one set of lists at a time is plenty
            self._index_keys[key] = digest
        return index_path(self.cache_dir, digest)

    def _start(self, snapshot: ListSnapshot) -> MatchPool | None:
        """Start the workers for this snapshot (stopping others); None when this machine
        should match in-process (one core, turned off, or processes cannot start)."""
        workers = worker_count()
        if workers < 2:
            return None
        index_file = self._index_file(snapshot)
        self.stop_workers()
        try:
            self._pool = MatchPool(index_file, list(snapshot.entities.values()), workers)
        except PoolUnavailableError as err:
            _log.warning("%s; matching in this process instead (slower)", err)
            return None
        self._close_at_exit()
        return self._pool

    def _close_at_exit(self) -> None:
        """The safety net: worker processes left running would keep the interpreter from
        exiting (or be killed without their shared memory cleaned up)."""
        if not self._at_exit:
            atexit.register(self.close)
            self._at_exit = True


def _snapshot_key(snapshot: ListSnapshot) -> object:
    if snapshot.releases:
        return tuple((r.release_id, r.checksum) for r in snapshot.releases)
    return id(snapshot)
