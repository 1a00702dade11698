"""Controlled items in the database: stored with the release that brought them, read back."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.lists.items import ControlledItem, ItemEvent, ItemNames, assemble_items
from core.lists.model import Action
from core.store.models import ItemEventRecord


def store_items(session: Session, release_id: int, items: Iterable[ControlledItem]) -> int:
    """Add the items' rows to release ``release_id``; the number of rows."""
    records = [
        ItemEventRecord(
            release_id=release_id,
            seq=event.seq,
            item_id=item.item_id,
            name_en=item.name_en,
            name_zh=item.name_zh,
            hs_codes="|".join(item.hs_codes),
            control_ref=event.control_ref,
            action=event.action.value,
            effective_on=event.effective_on,
            until=event.until,
            source_url=event.source_url,
            quality=event.quality,
            note=event.note,
        )
        for item in items
        for event in item.events
    ]
    session.add_all(records)
    return len(records)


def has_items(session: Session, release_id: int) -> bool:
    query = select(ItemEventRecord.id).where(ItemEventRecord.release_id == release_id).limit(1)
    return session.scalar(query) is not None


def load_items(session: Session, release_id: int) -> tuple[ControlledItem, ...]:
    """The items of one release, in the order of its ``items.csv``."""
    query = (
        select(ItemEventRecord)
        .where(ItemEventRecord.release_id == release_id)
        .order_by(ItemEventRecord.seq)
    )
    return assemble_items(
        (
            ItemNames(
                r.item_id, r.name_en, r.name_zh, tuple(c for c in r.hs_codes.split("|") if c)
            ),
            ItemEvent(
                item_id=r.item_id,
                action=Action(r.action),
                effective_on=r.effective_on,
                until=r.until,
                control_ref=r.control_ref,
                source_url=r.source_url,
                quality=r.quality,
                note=r.note,
                seq=r.seq,
            ),
        )
        for r in session.scalars(query)
    )


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c for c in text.split("|") if c)
