"""What a screening produces: one ``ListingHit`` per row x entity x list with a status other
than ``not_listed``, plus what is needed to reproduce and report it."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from core.lists.asof import StatusBasis
from core.lists.describe import EventLine
from core.lists.model import Status
from core.lists.snapshot import FreshnessWarning, ReleaseInfo
from core.matching.reasons import Reason
from core.screening.coverage import CoverageWarning
from core.screening.decision import Decision
from core.screening.item_hits import ItemHit
from core.screening.kept_names import KeptSheet
from core.spreadsheets.table import CellValue


@dataclass(frozen=True, slots=True)
class PriorDecision:
    """A reviewer's earlier decision about the same supplier name and entity."""

    decision: Decision
    note: str
    decided_by: str
    decided_at: dt.datetime
    run_id: int | None
    applies: bool
    """False when the entity's listing changed after the decision: the hit is back for review."""
    changes: tuple[EventLine, ...] = ()
    """Listing events that appeared after the decision (why it no longer applies)."""


@dataclass(frozen=True, slots=True)
class ListingHit:
    """One supplier row matched to one listed entity, on one of that entity's lists."""

    sheet: str | None
    row: int
    """The row number the user sees in the spreadsheet."""
    supplier_name: str
    supplier_country: str
    entity_id: str
    entity_name: str
    entity_name_zh: str
    matched_name: str
    score: float
    band: str
    reasons: tuple[Reason, ...]
    matched_tokens: tuple[str, ...]
    list_id: str
    status: Status
    since: dt.date | None
    until: dt.date | None
    announcement: str
    source_url: str
    upcoming: tuple[EventLine, ...] = ()
    suspended_since: dt.date | None = None
    """Start of the current suspension window (``since`` is when the listing began)."""
    status_basis: StatusBasis = StatusBasis.PUBLISHED
    """``computed`` when the status rests on a date no source printed or has yet confirmed
    (``core.lists.asof.status_basis``)."""
    basis_event: EventLine | None = None
    """The event the status rests on (its notice, dates and list)."""
    decision: Decision | None = None
    decision_note: str = ""
    decided_by: str = ""
    decided_at: dt.datetime | None = None
    prior: PriorDecision | None = None

    @property
    def key(self) -> tuple[str | None, int, str]:
        """What a decision is about: the row and the entity (on all its lists)."""
        return (self.sheet, self.row, self.entity_id)

    def with_decision(
        self, decision: Decision | None, note: str, by: str, at: dt.datetime | None
    ) -> ListingHit:
        return replace(self, decision=decision, decision_note=note, decided_by=by, decided_at=at)

    def with_prior(self, prior: PriorDecision | None) -> ListingHit:
        return replace(self, prior=prior)


@dataclass(frozen=True, slots=True)
class ScreenedSheet:
    sheet: str | None
    header_row: int
    headers: tuple[str, ...]
    name_column: int
    country_column: int | None
    rows_screened: int
    guessed: tuple[str, ...] = ()
    hs_column: int | None = None
    description_column: int | None = None


@dataclass(frozen=True)
class ScreeningResult:
    input_path: str
    input_sha256: str
    as_of: dt.date
    threshold: float
    list_ids: tuple[str, ...]
    """The lists screened against."""
    sheets: tuple[ScreenedSheet, ...]
    hits: Sequence[ListingHit]
    """In order of sheet, row, severity, score, list; a screening gives a ``HitTable``
    (``core.screening.hit_table``), which makes each hit when it is read."""
    rows: dict[tuple[str | None, int], tuple[CellValue, ...]]
    """Original values of every row with a hit, keyed by (sheet, row)."""
    releases: tuple[ReleaseInfo, ...]
    freshness: tuple[FreshnessWarning, ...]
    app_version: str
    user: str
    started_at: dt.datetime
    finished_at: dt.datetime
    run_id: int | None = None
    known_on: dt.date | None = None
    """Screened with the releases known on this day (``--known-on``); None: the newest."""
    all_rows: dict[str | None, list[tuple[int, tuple[CellValue, ...]]]] = field(
        default_factory=dict
    )
    """Every screened row, when the caller kept them (for an "All rows" report sheet)."""
    coverage: tuple[CoverageWarning, ...] = ()
    """Chosen lists the list data cannot screen a supplier file against."""
    kept: tuple[KeptSheet, ...] = ()
    """Every screened row's names and country, per sheet (a run can be checked again)."""
    item_hits: tuple[ItemHit, ...] = ()
    """Rows buying or selling a controlled item (by HS code or description)."""

    @property
    def input_name(self) -> str:
        return Path(self.input_path).name

    @property
    def rows_screened(self) -> int:
        return sum(s.rows_screened for s in self.sheets)

    def headers_of(self, sheet: str | None) -> tuple[str, ...]:
        for screened in self.sheets:
            if screened.sheet == sheet:
                return screened.headers
        return ()

    def counts(self) -> dict[str, Counter[Status]]:
        """Per list, how many (row, entity) hits are in each status."""
        out: dict[str, Counter[Status]] = {}
        for hit in self.hits:
            out.setdefault(hit.list_id, Counter())[hit.status] += 1
        return out

    def flagged_rows(self) -> int:
        places = getattr(self.hits, "places", None)  # a HitTable: without making the hits
        return len(set(places() if places else ((h.sheet, h.row) for h in self.hits)))


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
