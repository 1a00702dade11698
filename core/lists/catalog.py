"""The list catalogue: list releases in the database, their import, and snapshots of them.

Releases are kept, never overwritten. For each list the newest release that carries it (latest
data cut-off, then latest import) is the current one; a screening can also name releases.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from core.errors import ListPackError
from core.identity import default_reviewer
from core.lists.item_store import has_items, load_items, store_items
from core.lists.model import Action, Entity, ListingEvent, RestrictionList
from core.lists.pack import ListPack, read_pack
from core.lists.snapshot import ListSnapshot, ReleaseInfo
from core.paths import bundled_pack_dir
from core.progress import NullProgress, Progress, check_cancelled
from core.store.audit import append_in
from core.store.database import Database
from core.store.models import AliasRecord, EntityRecord, EventRecord, ListRecord, ListRelease


@dataclass(frozen=True)
class ImportResult:
    release: ReleaseInfo
    created: bool  # False when the same release was already imported (nothing changed)
    lists: int
    entities: int
    events: int


class ListCatalog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def ensure_bundled(self, pack_dir: Path | None = None) -> ImportResult | None:
        """Import the bundled pack unless it is already in the database."""
        pack_dir = pack_dir or bundled_pack_dir()
        if not (pack_dir / "manifest.json").exists():
            return None
        return self.import_pack(pack_dir, bundled=True)

    def import_pack(
        self,
        path: Path,
        *,
        bundled: bool = False,
        progress: Progress | None = None,
        actor: str | None = None,
    ) -> ImportResult:
        """Import a pack atomically: all of it or nothing. Importing it again changes nothing."""
        progress = progress or NullProgress()
        progress.report(0, 3, "Reading list pack")
        pack = read_pack(path)
        check_cancelled(progress)
        with self.db.session() as session:
            existing = session.scalar(
                select(ListRelease).where(ListRelease.checksum == pack.manifest.checksum)
            )
            if existing is not None:
                if pack.items and not has_items(session, existing.id):
                    # a release imported before this version read items.csv
                    store_items(session, existing.id, pack.items)
                    append_in(
                        session,
                        "lists.items_imported",
                        f"{existing.publisher} {existing.version}",
                        {"release_id": existing.id, "items": len(pack.items)},
                        actor or ("tradescreen" if bundled else default_reviewer()),
                    )
                return ImportResult(
                    _release_info(existing),
                    False,
                    len(pack.lists),
                    len(pack.entities),
                    len(pack.events),
                )
            clash = session.scalar(
                select(ListRelease).where(
                    ListRelease.publisher == pack.manifest.publisher,
                    ListRelease.version == pack.manifest.version,
                )
            )
            if clash is not None:
                raise ListPackError(
                    f"{path}: release {pack.manifest.publisher} {pack.manifest.version} was "
                    "imported before with different content; a changed release needs a new "
                    "version number"
                )
            progress.report(1, 3, "Storing list data")
            release = _store_pack(session, pack, bundled)
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
                    "source": "bundled" if bundled else str(path),
                },
                actor or ("tradescreen" if bundled else default_reviewer()),
            )
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

    def current_release_ids(self, list_ids: Iterable[str] | None = None) -> dict[str, int]:
        """For each list, the release that is current for it."""
        wanted = None if list_ids is None else set(list_ids)
        current: dict[str, int] = {}
        for release in self.releases():
            for list_id in release.list_ids:
                if list_id not in current and (wanted is None or list_id in wanted):
                    current[list_id] = release.release_id
        return current

    def snapshot(self, release_ids: Sequence[int] | None = None) -> ListSnapshot:
        """The list data of the current releases (or of the named releases)."""
        all_releases = {r.release_id: r for r in self.releases()}
        if release_ids is None:
            chosen = self.current_release_ids()
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


def _newest_first(release: ReleaseInfo) -> tuple[int, float, int]:
    return (
        -release.data_cutoff.toordinal(),
        -release.imported_at.timestamp(),
        -release.release_id,
    )


def _store_pack(session: Session, pack: ListPack, bundled: bool) -> ListRelease:
    manifest = pack.manifest
    release = ListRelease(
        publisher=manifest.publisher,
        version=manifest.version,
        data_cutoff=manifest.data_cutoff,
        checksum=manifest.checksum,
        manifest=json.dumps(manifest.as_json(), ensure_ascii=False, sort_keys=True),
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
    for entity in pack.entities:
        session.add(
            EntityRecord(
                release_id=release.id,
                entity_id=entity.entity_id,
                kind=entity.kind,
                name_en=entity.name_en,
                name_zh=entity.name_zh,
                country=entity.country,
                notes=entity.notes,
                aliases=[AliasRecord(position=i, alias=a) for i, a in enumerate(entity.aliases)],
            )
        )
    session.add_all(
        EventRecord(
            release_id=release.id,
            seq=e.seq,
            entity_id=e.entity_id,
            list_id=e.list_id,
            action=e.action.value,
            effective_on=e.effective_on,
            until=e.until,
            announced_on=e.announced_on,
            announcement=e.announcement,
            source_url=e.source_url,
            quality=e.quality,
            note=e.note,
        )
        for e in pack.events
    )
    store_items(session, release.id, pack.items)
    session.flush()
    session.refresh(release, ["lists"])
    return release


def _release_info(release: ListRelease) -> ReleaseInfo:
    imported_at = release.imported_at
    if imported_at.tzinfo is None:  # SQLite hands back naive datetimes
        imported_at = imported_at.replace(tzinfo=dt.UTC)
    return ReleaseInfo(
        release_id=release.id,
        publisher=release.publisher,
        version=release.version,
        data_cutoff=release.data_cutoff,
        checksum=release.checksum,
        imported_at=imported_at,
        list_ids=tuple(sorted(r.list_id for r in release.lists)),
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
