"""Listing events as short values for explanations, reports and the CLI.

An ``EventLine`` is what a hit keeps of an event (an upcoming change, a change since an earlier
decision): the list, the action and its dates, the announcement. It is stored and passed as a
value and rendered at the edge: ``english()`` for the CLI, the report and the JSON; the window
renders it in the UI language (``gui`` text module), with one text per ``Action``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from core.lists.model import Action, ListingEvent


@dataclass(frozen=True, slots=True)
class EventLine:
    list_id: str
    action: Action
    effective_on: dt.date
    until: dt.date | None = None
    announcement: str = ""

    @classmethod
    def of(cls, event: ListingEvent) -> EventLine:
        return cls(event.list_id, event.action, event.effective_on, event.until, event.announcement)

    def english(self, *, with_list: bool = True) -> str:
        """ "cn-unreliable-entity: suspended from 2025-05-14 until 2025-08-12 (公告〔2025〕7号)"."""
        text = f"{self.action.value} from {self.effective_on.isoformat()}"
        if self.until is not None:
            text += f" until {self.until.isoformat()}"
        if self.announcement:
            text += f" ({self.announcement})"
        return f"{self.list_id}: {text}" if with_list else text

    def to_json(self) -> dict[str, Any]:
        return {
            "list_id": self.list_id,
            "action": self.action.value,
            "effective_on": self.effective_on.isoformat(),
            "until": self.until.isoformat() if self.until else None,
            "announcement": self.announcement,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> EventLine:
        until = data.get("until")
        return cls(
            list_id=str(data["list_id"]),
            action=Action(data["action"]),
            effective_on=dt.date.fromisoformat(data["effective_on"]),
            until=dt.date.fromisoformat(until) if until else None,
            announcement=str(data.get("announcement") or ""),
        )
