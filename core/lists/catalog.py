"""The list catalogue: list releases in the database, their import, and snapshots of them.

Releases are kept, never overwritten. For each list the newest release that carries it (latest
data cut-off, then latest import) is the current one; a screening can also name releases.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from core.errors import ListPackError, UsageError
from core.identity import default_reviewer
from core.lists.comparison import carry_forward
from core.lists.item_store import has_items, load_items, store_items
from core.lists.model import Action, Entity, ListingEvent, RestrictionList
from core.lists.pack import ListPack, PackManifest, read_manifest, read_pack
from core.lists.snapshot import ListSnapshot, ReleaseInfo
from core.paths import bundled_pack_dirs
from core.progress import NullProgress, Progress, check_cancelled
from core.store.audit import append_in
from core.store.database import Database
from core.store.models import AliasRecord, EntityRecord, EventRecord, ListRecord, ListRelease

_T = TypeVar("_T")
IMPORT_KEY = "_import"
"""Key of the stored manifest under which the import's own facts are kept (not signed)."""


@dataclass(frozen=True)
class ImportOrigin:
    """How a release came in: the format, the key that signed it, the user's choice to accept
    it unsigned, and the file (or "bundled")."""

    kind: str = "pack"
    signed_by: str = ""
    unsigned_allowed: bool = False
    source: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "signed_by": self.signed_by,
            "unsigned_allowed": self.unsigned_allowed,
            "source": self.source,
        }

    @classmethod
    def from_json(cls, data: object) -> ImportOrigin:
        if not isinstance(data, dict):
            return cls()  # a release stored before signatures: an unsigned pack
        return cls(
            str(data.get("kind", "pack")),
            str(data.get("signed_by", "")),
            bool(data.get("unsigned_allowed", False)),
            str(data.get("source", "")),
        )


@dataclass(frozen=True)
class ImportResult:
    release: ReleaseInfo
    created: bool  # False when the same release was already imported (nothing changed)
    lists: int
    entities: int
    events: int


class ListCatalog:
    def __init__(
        self, db: Database, *, trusted: Mapping[str, Ed25519PublicKey] | None = None
    ) -> None:
        """``trusted``: the publisher keys packs must be signed with (default: the embedded)."""
        self.db = db
        self.trusted = trusted

    def ensure_bundled(self, pack_dir: Path | None = None) -> ImportResult | None:
        """Import every bundled release not yet in the database, oldest first, so a new
        database holds the history of what was known when. Returns the newest's result."""
        dirs = [pack_dir] if pack_dir is not None else bundled_pack_dirs()
        result = None
        for folder in dirs:
            if (folder / "manifest.json").exists():
                result = self.import_pack(folder, bundled=True)
        return result

    def import_pack(
        self,
        path: Path,
        *,
        bundled: bool = False,
        progress: Progress | None = None,
        actor: str | None = None,
        allow_unsigned: bool = False,
    ) -> ImportResult:
        """Import a pack atomically: all of it or nothing. Importing it again changes nothing.
        The pack must be signed by a trusted publisher key unless ``allow_unsigned`` (the
        user's explicit choice, recorded in the audit trail and on the release)."""
        progress = progress or NullProgress()
        progress.report(0, 3, "Reading list pack")
        trusted = self.trusted if not bundled else None
        manifest, _check = read_manifest(path, trusted=trusted, allow_unsigned=allow_unsigned)
        known = self._known(manifest.checksum)
        if known is not None:  # the files are not read again: the manifest names them all
            if "items.csv" in manifest.files:
                self._add_missing_items(path, known, bundled, actor, allow_unsigned)
            return ImportResult(known, False, len(known.list_ids), 0, 0)
        pack = read_pack(path, trusted=trusted, allow_unsigned=allow_unsigned)
        check_cancelled(progress)
        origin = ImportOrigin(
            kind="pack",
            signed_by=pack.signature.key_id,
            unsigned_allowed=not pack.signature.signed,
            source="bundled" if bundled else str(path),
        )
        return self._store(pack, origin, bundled, progress, actor)

    def import_release(
        self,
        pack: ListPack,
        origin: ImportOrigin,
        *,
        progress: Progress | None = None,
        actor: str | None = None,
    ) -> ImportResult:
        """Store a release built from a list file (``core.lists.sources``): atomically, once.
        Parties of the publisher's previous release that the new file no longer has are kept
        with a ``removed`` event on the new release's date, derived from the comparison."""
        progress = progress or NullProgress()
        known = self._known(pack.manifest.checksum) or self._known_file(pack.manifest)
        if known is not None:
            return ImportResult(known, False, len(known.list_ids), 0, 0)
        previous = self.newest_of(pack.manifest.publisher)
        if previous is not None:
            pack = carry_forward(pack, self.snapshot([previous.release_id]), previous)
        return self._store(pack, origin, False, progress, actor)

    def _add_missing_items(
        self,
        path: Path,
        release: ReleaseInfo,
        bundled: bool,
        actor: str | None,
        allow_unsigned: bool,
    ) -> None:
        """A release imported by a version that did not read ``items.csv`` gets its items."""
        with self.db.session() as session:
            if has_items(session, release.release_id):
                return
        trusted = self.trusted if not bundled else None
        pack = read_pack(path, trusted=trusted, allow_unsigned=allow_unsigned)

        def add(session: Session) -> None:
            if has_items(session, release.release_id):
                return
            store_items(session, release.release_id, pack.items)
            append_in(
                session,
                "lists.items_imported",
                f"{release.publisher} {release.version}",
                {"release_id": release.release_id, "items": len(pack.items)},
                actor or ("tradescreen" if bundled else default_reviewer()),
            )

        self.db.transaction(add)  # run again if a concurrent writer made the database refuse it

    def newest_of(self, publisher: str) -> ReleaseInfo | None:
        """The publisher's newest release (what screening uses by default), or None."""
        return next((r for r in self.releases() if r.publisher == publisher), None)

    def _known_file(self, manifest: PackManifest) -> ReleaseInfo | None:
        """A release of the same publisher made from the very same file (its SHA-256), even
        if read on another day (an own list's default listing date is the import date)."""
        files = manifest.as_json()["files"]
        with self.db.session() as session:
            for row in session.scalars(
                select(ListRelease).where(ListRelease.publisher == manifest.publisher)
            ):
                try:
                    stored = json.loads(row.manifest).get("files")
                except ValueError:
                    continue
                if stored == files:
                    return _release_info(row)
        return None

    def _known(self, checksum: str) -> ReleaseInfo | None:
        with self.db.session() as session:
            row = session.scalar(select(ListRelease).where(ListRelease.checksum == checksum))
            return None if row is None else _release_info(row)

    def _store(
        self,
        pack: ListPack,
        origin: ImportOrigin,
        bundled: bool,
        progress: Progress,
        actor: str | None,
    ) -> ImportResult:
        def store(session: Session) -> ReleaseInfo:
            clash = session.scalar(
                select(ListRelease).where(
                    ListRelease.publisher == pack.manifest.publisher,
                    ListRelease.version == pack.manifest.version,
                )
            )
            if clash is not None:
                raise ListPackError(
                    f"{pack.source}: release {pack.manifest.publisher} {pack.manifest.version} "
                    "was imported before with different content; a changed release needs a "
                    "new version number"
                )
            progress.report(1, 3, "Storing list data")
            release = _store_pack(session, pack, bundled, origin, progress)
            check_cancelled(progress)  # raising here rolls the whole import back
            session.flush()
            info = _release_info(release)
            append_in(
                session,
                "lists.imported",
                f"{info.publisher} {info.version}",
                {
                    "release_id": info.release_id,
                    "sha256": info.checksum,
                    "data_cutoff": info.data_cutoff.isoformat(),
                    "lists": list(info.list_ids),
                    "entities": len(pack.entities),
                    "events": len(pack.events),
                    "source": origin.source,
                    "format": origin.kind,
                    "signed_by": origin.signed_by,
                    "unsigned_allowed": origin.unsigned_allowed,
                    "licence": info.licence,
                },
                actor or ("tradescreen" if bundled else default_reviewer()),
            )
            return info

        # The whole import runs again if a concurrent writer (a reviewer deciding on a shared
        # database) made the database refuse it; a remaining refusal says nothing was stored.
        info = self.db.transaction(store)
        progress.report(3, 3, "List pack imported")
        return ImportResult(info, True, len(pack.lists), len(pack.entities), len(pack.events))

    def releases(self) -> list[ReleaseInfo]:
        """Every imported release, newest first."""
        with self.db.session() as session:
            rows = session.scalars(
                select(ListRelease).options(selectinload(ListRelease.lists))
            ).all()
            infos = [_release_info(r) for r in rows]
        return sorted(infos, key=_newest_first)

    def current_release_ids(
        self, list_ids: Iterable[str] | None = None, *, known_on: dt.date | None = None
    ) -> dict[str, int]:
        """For each list, the release that is current for it: of each publisher only its
        newest release counts (a list an older release had and the newest dropped is gone);
        between publishers, the newest release that carries the list. ``known_on``: only the
        releases released on or before that day (``ReleaseInfo.release_date``) count."""
        wanted = None if list_ids is None else set(list_ids)
        current: dict[str, int] = {}
        publishers: set[str] = set()
        for release in self.releases():
            if known_on is not None and release.release_date > known_on:
                continue
            if release.publisher in publishers:
                continue  # an older release of a publisher already seen: kept, not current
            publishers.add(release.publisher)
            for list_id in release.list_ids:
                if list_id not in current and (wanted is None or list_id in wanted):
                    current[list_id] = release.release_id
        return current

    def snapshot(
        self, release_ids: Sequence[int] | None = None, *, known_on: dt.date | None = None
    ) -> ListSnapshot:
        """The list data of the current releases (or of the named releases); ``known_on``:
        of the releases known on that day (``UsageError`` when none was)."""
        all_releases = {r.release_id: r for r in self.releases()}
        if release_ids is None:
            chosen = self.current_release_ids(known_on=known_on)
            if known_on is not None and not chosen:
                first = min((r.release_date for r in all_releases.values()), default=None)
                raise UsageError(
                    f"--known-on {known_on.isoformat()}: no list release was known on that day"
                    + (f" (the first is of {first.isoformat()})" if first else "")
                )
        else:
            chosen = {}
            for rid in release_ids:
                if rid not in all_releases:
                    raise ListPackError(f"list release {rid} is not in the database")
                for list_id in all_releases[rid].list_ids:
                    chosen.setdefault(list_id, rid)
        used = sorted(set(chosen.values()), key=lambda rid: _newest_first(all_releases[rid]))
        with self.db.session() as session:
            lists = [
                _to_list(r)
                for r in session.scalars(select(ListRecord).where(ListRecord.release_id.in_(used)))
                if chosen.get(r.list_id) == r.release_id
            ]
            events = [
                _to_event(r)
                for r in session.scalars(
                    select(EventRecord).where(EventRecord.release_id.in_(used))
                )
                if chosen.get(r.list_id) == r.release_id
            ]
            wanted_entities = {e.entity_id for e in events}
            entities: dict[str, Entity] = {}
            # Newest release first, so its spelling of a name wins.
            for rid in used:
                for rec in session.scalars(
                    select(EntityRecord)
                    .where(EntityRecord.release_id == rid)
                    .options(selectinload(EntityRecord.aliases))
                ):
                    if rec.entity_id in wanted_entities and rec.entity_id not in entities:
                        entities[rec.entity_id] = _to_entity(rec)
            items_release = next(
                (r for r in sorted(all_releases.values(), key=_newest_first)
                 if has_items(session, r.release_id)),
                None,
            )  # fmt: skip
            items = load_items(session, items_release.release_id) if items_release else ()
        return ListSnapshot.build(
            lists,
            entities.values(),
            events,
            [all_releases[rid] for rid in used],
            items=items,
            items_release=items_release,
        )


def release_date_of(manifest: dict[str, object], version: str) -> dt.date | None:
    """The day a release was released: its manifest's ``released``, else the date its version
    names ("2026.12.04", "2026-12-04 (ab12cd34)"); None when neither says."""
    for text in (manifest.get("released"), version):
        if isinstance(text, str):
            found = re.match(r"(\d{4})[.-](\d{2})[.-](\d{2})", text.strip())
            if found:
                try:
                    return dt.date(*(int(part) for part in found.groups()))
                except ValueError:
                    continue
    return None


def _newest_first(release: ReleaseInfo) -> tuple[int, float, int]:
    return (
        -release.data_cutoff.toordinal(),
        -release.imported_at.timestamp(),
        -release.release_id,
    )


def _batches(items: Sequence[_T], size: int = 5000) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _store_pack(
    session: Session, pack: ListPack, bundled: bool, origin: ImportOrigin, progress: Progress
) -> ListRelease:
    manifest = pack.manifest
    stored = manifest.as_json() | {IMPORT_KEY: origin.as_json()}
    release = ListRelease(
        publisher=manifest.publisher,
        version=manifest.version,
        data_cutoff=manifest.data_cutoff,
        checksum=manifest.checksum,
        manifest=json.dumps(stored, ensure_ascii=False, sort_keys=True),
        source=pack.source,
        bundled=bundled,
        imported_at=dt.datetime.now(dt.UTC),
    )
    session.add(release)
    session.flush()
    session.add_all(
        ListRecord(
            release_id=release.id,
            list_id=lst.list_id,
            name_en=lst.name_en,
            name_zh=lst.name_zh,
            authority=lst.authority,
            jurisdiction=lst.jurisdiction,
            effect=lst.effect,
        )
        for lst in pack.lists
    )
    # Bulk inserts in batches: a list file can hold hundreds of thousands of parties, and the
    # ORM's unit of work per object is too slow and too large for that. Progress and cancel
    # are checked between batches; the caller's transaction keeps the import atomic.
    total = len(pack.entities) * 2 + len(pack.events)
    done = 0
    for batch in _batches(pack.entities):
        session.execute(
            insert(EntityRecord),
            [
                {"release_id": release.id, "entity_id": e.entity_id, "kind": e.kind,
                 "name_en": e.name_en, "name_zh": e.name_zh, "country": e.country,
                 "notes": e.notes}
                for e in batch
            ],
        )  # fmt: skip
        done += len(batch)
        progress.report(done, total, "Storing list data")
        check_cancelled(progress)
    rows = session.execute(
        select(EntityRecord.entity_id, EntityRecord.id).where(EntityRecord.release_id == release.id)
    )
    pks = {entity_id: pk for entity_id, pk in rows}
    for batch in _batches(pack.entities):
        aliases = [
            {"entity_pk": pks[e.entity_id], "position": i, "alias": a}
            for e in batch
            for i, a in enumerate(e.aliases)
        ]
        if aliases:
            session.execute(insert(AliasRecord), aliases)
        done += len(batch)
        progress.report(done, total, "Storing list data")
        check_cancelled(progress)
    for event_batch in _batches(pack.events):
        session.execute(
            insert(EventRecord),
            [
                {"release_id": release.id, "seq": e.seq, "entity_id": e.entity_id,
                 "list_id": e.list_id, "action": e.action.value, "effective_on": e.effective_on,
                 "until": e.until, "announced_on": e.announced_on,
                 "announcement": e.announcement, "source_url": e.source_url,
                 "quality": e.quality, "note": e.note}
                for e in event_batch
            ],
        )  # fmt: skip
        done += len(event_batch)
        progress.report(done, total, "Storing list data")
        check_cancelled(progress)
    store_items(session, release.id, pack.items)
    session.flush()
    session.refresh(release, ["lists"])
    return release


def _release_info(release: ListRelease) -> ReleaseInfo:
    imported_at = release.imported_at
    if imported_at.tzinfo is None:  # SQLite hands back naive datetimes
        imported_at = imported_at.replace(tzinfo=dt.UTC)
    try:
        manifest = json.loads(release.manifest)
    except ValueError:
        manifest = {}
    origin = ImportOrigin.from_json(manifest.get(IMPORT_KEY))
    return ReleaseInfo(
        release_id=release.id,
        publisher=release.publisher,
        version=release.version,
        data_cutoff=release.data_cutoff,
        checksum=release.checksum,
        imported_at=imported_at,
        list_ids=tuple(sorted(r.list_id for r in release.lists)),
        licence=str(manifest.get("licence", "")),
        attribution=str(manifest.get("attribution", "")),
        origin=origin.kind,
        signed_by=origin.signed_by,
        released_on=release_date_of(manifest, release.version),
        unsigned_allowed=origin.unsigned_allowed,
    )


def _to_list(r: ListRecord) -> RestrictionList:
    return RestrictionList(r.list_id, r.name_en, r.name_zh, r.authority, r.jurisdiction, r.effect)


def _to_entity(r: EntityRecord) -> Entity:
    return Entity(
        entity_id=r.entity_id,
        name_en=r.name_en,
        name_zh=r.name_zh,
        aliases=tuple(a.alias for a in r.aliases),
        country=r.country,
        kind=r.kind,
        notes=r.notes,
    )


def _to_event(r: EventRecord) -> ListingEvent:
    return ListingEvent(
        entity_id=r.entity_id,
        list_id=r.list_id,
        action=Action(r.action),
        effective_on=r.effective_on,
        until=r.until,
        announced_on=r.announced_on,
        announcement=r.announcement,
        source_url=r.source_url,
        quality=r.quality,
        note=r.note,
        seq=r.seq,
    )
