"""What one screening is asked for: plain data the options panel fills and the operations read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ScreenOptions:
    as_of: dt.date
    list_ids: tuple[str, ...] | None
    """None: every list."""
    threshold: float
    known_on: dt.date | None = None
    """Screen with the list releases known on this day; None: the newest."""
