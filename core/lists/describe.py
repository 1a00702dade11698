"""One-line descriptions of listing events, for explanations, reports and the CLI."""

from __future__ import annotations

from core.lists.model import ListingEvent


def describe_event(event: ListingEvent, *, with_list: bool = True) -> str:
    """ "cn-unreliable-entity: suspended from 2025-05-14 until 2025-08-12 (公告〔2025〕7号)"."""
    text = f"{event.action.value} from {event.effective_on.isoformat()}"
    if event.until is not None:
        text += f" until {event.until.isoformat()}"
    if event.announcement:
        text += f" ({event.announcement})"
    return f"{event.list_id}: {text}" if with_list else text
