"""The results table: a ``QAbstractTableModel`` over the core's hits, and its filter proxy.

Sized for millions of hits (a file where every row hits): the hits stay in the core's
compact ``HitTable`` and a ``ListingHit`` is made only for a row on screen (the last few are
kept); sorting is one Python ``sort`` of row positions by a column of values taken from the
table (the proxy forwards ``sort`` here instead of comparing rows one call at a time);
filtering tests those columns and, for the free text, one lower-case text a hit (cached up
to ``SEARCH_CACHE`` hits). A hit is found by its place: the core orders hits by sheet and row.
"""

from __future__ import annotations

import bisect
import datetime as dt
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from core.lists.model import SEVERITY, RestrictionList, Status
from core.review.state import ReviewState, review_of
from core.screening.hit_table import HitTable
from core.screening.result import ListingHit
from gui.text.core_text import reason_text
from gui.text.labels import STATUS_COLORS, decision_label, list_title, status_label

ModelIndex = QModelIndex | QPersistentModelIndex
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, HIT_ROLE)`` gives the ``ListingHit`` of the row."""

COL_ROW, COL_SHEET, COL_SUPPLIER, COL_ENTITY, COL_LIST, COL_STATUS = range(6)
COL_DECISION, COL_SCORE, COL_COUNTRY, COL_SINCE, COL_UNTIL = range(6, 11)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_USED_ROLES = frozenset(
    (_DISPLAY, _DECORATION, _TOOLTIP, int(Qt.ItemDataRole.TextAlignmentRole), int(HIT_ROLE))
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
SEARCH_CACHE = 300_000
"""Up to this many hits, each hit's search text is kept once made (about 150 bytes each)."""
_RECENT = 2048  # hits made for the rows on screen, kept while they are painted


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


class ResultsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits = HitTable()
        self._order = array("q")  # view row -> position in _hits
        self._where: dict[tuple[str | None, int, str, str], int] | None = None
        self._by_place: bool | None = None  # hits in (sheet, row) order: found by bisection
        self._haystack: list[str | None] = []
        self._recent: dict[int, ListingHit] = {}
        self._lists: dict[str, RestrictionList] = {}
        self._sheet_order: dict[str | None, int] = {}
        self._icons: dict[Status, QIcon] = {}
        self.hits_changed: list[Callable[[], None]] = []
        """Called after the hits or their order change, before the model signals it (the
        proxy's filter)."""

    # -- loading ----------------------------------------------------------------------------
    def set_hits(
        self,
        hits: Iterable[ListingHit],
        lists: dict[str, RestrictionList],
        sheets: Iterable[str | None] = (),
    ) -> None:
        self.beginResetModel()
        # a copy of the table (a few integers a hit): decisions change the model's, not the
        # result's
        self._hits = hits.copy() if isinstance(hits, HitTable) else HitTable(hits)
        self._lists = dict(lists)
        self._sheet_order = {sheet: i for i, sheet in enumerate(dict.fromkeys(sheets))}
        self._order = array("q", range(len(self._hits)))
        self._where = None  # built on first use, and only for hits not in place order
        self._by_place = None
        self._haystack = [None] * min(len(self._hits), SEARCH_CACHE + 1)
        self._recent = {}
        for listener in self.hits_changed:
            listener()
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits((), {})

    def hits(self) -> HitTable:
        """A copy of the hits in screening order."""
        return self._hits.copy()

    def hits_by_position(self) -> HitTable:
        """The hits in screening order (the model's own table: do not change it)."""
        return self._hits

    def status_counts(self) -> Counter[Status]:
        """How many hits have each status."""
        return self._hits.count_by("status")

    def has_text(self, position: int, text: str) -> bool:
        """Whether the lower-case search text of the hit at ``position`` contains ``text``."""
        return text in self._search_text(position)

    def hit_at(self, row: int) -> ListingHit:
        return self._hit(self._order[row])

    def _hit(self, position: int) -> ListingHit:
        hit = self._recent.get(position)
        if hit is None:
            if len(self._recent) >= _RECENT:
                self._recent.clear()
            hit = self._recent[position] = self._hits[position]
        return hit

    def positions(self) -> array[int]:
        """Hit positions by model row (the current sort)."""
        return self._order

    def siblings(self, hit: ListingHit) -> list[ListingHit]:
        """The hits of the same row and entity (one per list), in screening order.

        The core orders hits by sheet and row, so they sit next to each other."""
        position = self._position_of(hit)
        if position is None:
            return [hit]
        hits, row = self._hits, (hit.sheet, hit.row)
        first = position
        while first > 0 and hits.place(first - 1) == row:
            first -= 1
        last = position
        while last + 1 < len(hits) and hits.place(last + 1) == row:
            last += 1
        return [h for h in hits[first : last + 1] if h.entity_id == hit.entity_id]

    def _position_of(self, hit: ListingHit) -> int | None:
        if self._by_place is None:
            self._by_place = self._in_place_order()
        if not self._by_place:
            if self._where is None:
                self._where = {_key(h): i for i, h in enumerate(self._hits)}
            return self._where.get(_key(hit))
        hits, rank = self._hits, self._place_rank
        target = rank((hit.sheet, hit.row))
        position = bisect.bisect_left(range(len(hits)), target, key=lambda i: rank(hits.place(i)))
        wanted = _key(hit)
        while position < len(hits) and rank(hits.place(position)) == target:
            if _key(hits[position]) == wanted:
                return position
            position += 1
        return None

    def _place_rank(self, place: tuple[str | None, int]) -> tuple[int, int]:
        return (self._sheet_order.get(place[0], -1), place[1])

    def _in_place_order(self) -> bool:
        ranks = map(self._place_rank, self._hits.places())
        previous = next(ranks, None)
        for current in ranks:
            if current < previous:  # type: ignore[operator]
                return False
            previous = current
        return True

    def row_of(self, hit: ListingHit) -> int:
        """The model row of ``hit`` (matched by sheet, row, entity and list), or -1."""
        position = self._position_of(hit)
        return -1 if position is None else self._order.index(position)

    def replace_hits(self, updated: Iterable[ListingHit]) -> None:
        """Put new versions of hits in place (after a decision); unknown ones are ignored."""
        changed = []
        for hit in updated:
            position = self._position_of(hit)
            if position is None:
                continue
            self._hits[position] = hit
            self._recent.pop(position, None)
            if position < len(self._haystack):
                self._haystack[position] = None
            changed.append(position)
        if changed:
            for listener in self.hits_changed:
                listener()
            for row in self._rows_of(changed):
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _rows_of(self, positions: list[int]) -> list[int]:
        """The model rows of hit positions (a few: one scan each; many: one pass)."""
        if len(positions) <= 16:
            return [self._order.index(p) for p in positions]
        wanted = set(positions)
        return [r for r, p in enumerate(self._order) if p in wanted]

    def _search_text(self, position: int) -> str:
        cached = position < len(self._haystack)
        text = self._haystack[position] if cached else None
        if text is None:
            hit = self._hit(position)
            text = " ".join(
                (
                    hit.supplier_name,
                    hit.supplier_country,
                    hit.entity_name,
                    hit.entity_name_zh,
                    hit.matched_name,
                    hit.list_id,
                    self._list_name(hit.list_id),
                    hit.sheet or "",
                    str(hit.row),
                    hit.decision_note,
                )
            ).casefold()
            if cached:
                self._haystack[position] = text
        return text

    # -- the Qt model ---------------------------------------------------------------------------
    def index(
        self,
        row: int,
        column: int,
        parent: ModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        # The proxy asks for an index for every cell it maps; the inherited one asks
        # rowCount() and columnCount() each time, two more calls into Python.
        if parent.isValid() or not (0 <= row < len(self._order) and 0 <= column < 11):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 11

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 11:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

    def _headers(self) -> list[str]:
        names = {
            COL_ROW: self.tr("Row"),
            COL_SHEET: self.tr("Sheet"),
            COL_SUPPLIER: self.tr("Supplier"),
            COL_ENTITY: self.tr("Listed entity"),
            COL_LIST: self.tr("List"),
            COL_STATUS: self.tr("Status"),
            COL_DECISION: self.tr("Decision"),
            COL_SCORE: self.tr("Score"),
            COL_COUNTRY: self.tr("Country"),
            COL_SINCE: self.tr("Since"),
            COL_UNTIL: self.tr("Until"),
        }
        return [names[c] for c in range(11)]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 10)
        if self._order:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._order) - 1, 10))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell: unused roles leave at once.
        if role not in _USED_ROLES:
            return None
        row = index.row()
        if row < 0 or row >= len(self._order):
            return None
        hit = self._hit(self._order[row])
        column = index.column()
        if role == _DISPLAY:
            return self._display(hit, column)
        if role == HIT_ROLE:
            return hit
        if role == _DECORATION:
            return self._icon(hit.status) if column == COL_STATUS else None
        if role == _TOOLTIP:
            return self._tooltip(hit, column)
        return _RIGHT if column in (COL_ROW, COL_SCORE) else None  # TextAlignmentRole

    def _display(self, hit: ListingHit, column: int) -> str:
        if column == COL_ROW:
            return str(hit.row)
        if column == COL_SHEET:
            return hit.sheet or ""
        if column == COL_SUPPLIER:
            return hit.supplier_name
        if column == COL_COUNTRY:
            return hit.supplier_country
        if column == COL_ENTITY:
            return hit.entity_name or hit.entity_name_zh
        if column == COL_LIST:
            return self._list_name(hit.list_id)
        if column == COL_STATUS:
            return status_label(hit.status)
        if column == COL_SINCE:
            return _date(hit.since)
        if column == COL_UNTIL:
            return _date(hit.until)
        if column == COL_SCORE:
            return f"{hit.score:.0f}"
        if column == COL_DECISION:
            return self.decision_text(hit)
        return ""

    def decision_text(self, hit: ListingHit) -> str:
        review = review_of(hit)
        if review.state is ReviewState.REVIEW_AGAIN:
            return self.tr("Review again")
        if review.decision is None:
            return ""
        text = decision_label(review.decision)
        if review.state is ReviewState.REMEMBERED:
            return self.tr("{decision} (earlier)").format(decision=text)
        return text

    def _tooltip(self, hit: ListingHit, column: int) -> str | None:
        if column == COL_ENTITY:
            return "\n".join(n for n in (hit.entity_name, hit.entity_name_zh) if n)
        if column == COL_LIST:
            return hit.list_id
        if column == COL_DECISION and hit.decision:
            who = self.tr("by {name} on {date}").format(
                name=hit.decided_by,
                date=hit.decided_at.date().isoformat() if hit.decided_at else "",
            )
            return "\n".join(t for t in (who, hit.decision_note) if t)
        if column == COL_SCORE:
            return "\n".join(reason_text(r) for r in hit.reasons)
        return None

    def _list_name(self, list_id: str) -> str:
        return list_title(self._lists.get(list_id), list_id)

    def _icon(self, status: Status) -> QIcon:
        icon = self._icons.get(status)
        if icon is None:
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(0, 0, 0, 0))
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(STATUS_COLORS[status])
            painter.drawEllipse(1, 1, 10, 10)
            painter.end()
            icon = self._icons[status] = QIcon(pixmap)
        return icon

    # -- sorting --------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < 11:
            return
        key = self._sort_key(column)
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        positions = [self._order[i.row()] for i in old_persistent]
        self._order = array(
            "q", sorted(self._order, key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        )
        for listener in self.hits_changed:
            listener()
        wanted = set(positions)
        rows = {p: r for r, p in enumerate(self._order) if p in wanted}
        self.changePersistentIndexList(
            old_persistent,
            [
                self.index(rows[p], i.column())
                for p, i in zip(positions, old_persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _sort_key(self, column: int) -> Callable[[int], Any]:
        """The sort key of a hit position for ``column``, from columns of the table's values
        (making every hit to sort millions of them would take half a minute)."""
        hits, sheets = self._hits, self._sheet_order
        if column == COL_DECISION:
            return review_categories(hits)
        if column in (COL_ROW, COL_SHEET):
            sheet, row = hits.column("sheet"), hits.column("row")
            if column == COL_ROW:
                return lambda p: (sheets.get(sheet[p], 0), row[p])
            return lambda p: (sheet[p] or "", row[p])
        if column == COL_ENTITY:
            english, chinese = hits.column("entity_name"), hits.column("entity_name_zh")
            return _folded([en or zh for en, zh in zip(english, chinese, strict=True)])
        if column == COL_LIST:
            titles = {i: self._list_name(i).casefold() for i in hits.count_by("list_id")}
            listed = hits.column("list_id")
            return lambda p: titles[listed[p]]
        if column in (COL_SUPPLIER, COL_COUNTRY):
            field = "supplier_name" if column == COL_SUPPLIER else "supplier_country"
            return _folded(hits.column(field))
        if column == COL_STATUS:
            statuses = hits.column("status")
            return lambda p: SEVERITY.get(statuses[p], 9)
        if column == COL_SINCE:
            since = hits.column("since")
            return lambda p: since[p] or dt.date.min
        if column == COL_UNTIL:
            until = hits.column("until")
            return lambda p: until[p] or dt.date.max
        scores = hits.column("score")  # COL_SCORE
        return lambda p: scores[p]


def review_categories(hits: HitTable) -> Callable[[int], str]:
    """Position -> the hit's review category (``review_of``), worked out once for each
    decision and earlier decision the hits share."""
    categories: dict[tuple[int, int, int], str] = {}
    decisions, priors, times = (
        hits.column("decision"),
        hits.column("prior"),
        hits.column("decided_at"),
    )

    def category(p: int) -> str:
        ids = (id(decisions[p]), id(priors[p]), id(times[p]))  # the columns keep them alive
        found = categories.get(ids)
        if found is None:
            found = categories[ids] = review_of(hits[p]).category
        return found

    return category


def _folded(texts: list[str]) -> Callable[[int], str]:
    """Position -> the case-folded text; each distinct text folded once."""
    folded: dict[str, str] = {}

    def key(p: int) -> str:
        text = texts[p]
        found = folded.get(text)
        if found is None:
            found = folded[text] = text.casefold()
        return found

    return key


def _key(hit: ListingHit) -> tuple[str | None, int, str, str]:
    return (hit.sheet, hit.row, hit.entity_id, hit.list_id)


class ResultsFilterProxy(QSortFilterProxyModel):
    """Filters by status, list, decision and free text; sorting is done by the source model.

    The filters are evaluated in one Python pass into a mask by hit position, so the per-row
    call Qt makes is a list lookup.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.statuses: frozenset[Status] | None = None
        self.list_id: str | None = None
        self.decision: str | None = None
        self.text = ""
        self._mask: list[bool] | None = None

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        old = self.sourceModel()
        if isinstance(old, ResultsModel) and self._refresh_mask in old.hits_changed:
            old.hits_changed.remove(self._refresh_mask)
        self._mask = None
        if isinstance(model, ResultsModel):
            # called by the model after its hits change and before it tells Qt, so the proxy
            # never filters new rows with an old mask
            model.hits_changed.append(self._refresh_mask)
        super().setSourceModel(model)

    def set_filters(
        self,
        *,
        statuses: Iterable[Status] | None = None,
        list_id: str | None = None,
        decision: str | None = None,
        text: str = "",
    ) -> None:
        new_api = hasattr(self, "endFilterChange")  # Qt 6.10; invalidateRowsFilter before
        if new_api:
            self.beginFilterChange()
        self.statuses = frozenset(statuses) if statuses is not None else None
        self.list_id = list_id or None
        self.decision = decision or None
        self.text = text.strip().casefold()
        self._refresh_mask()
        if new_api:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def _active(self) -> bool:
        return bool(self.statuses is not None or self.list_id or self.decision or self.text)

    def _refresh_mask(self) -> None:
        """The mask by source row: computed by hit, then put in the model's current order."""
        model = self.sourceModel()
        if not isinstance(model, ResultsModel) or not self._active():
            self._mask = None
            return
        hits = model.hits_by_position()
        statuses, list_id, decision, text = self.statuses, self.list_id, self.decision, self.text
        mask = [True] * len(hits)
        if statuses is not None:
            mask = [m and s in statuses for m, s in zip(mask, hits.column("status"), strict=True)]
        if list_id is not None:
            listed = hits.column("list_id")
            mask = [m and i == list_id for m, i in zip(mask, listed, strict=True)]
        if decision is not None:
            category = review_categories(hits)
            mask = [m and category(p) == decision for p, m in enumerate(mask)]
        if text:
            mask = [m and model.has_text(p, text) for p, m in enumerate(mask)]
        self._mask = [mask[p] for p in model.positions()]

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        mask = self._mask
        return True if mask is None else mask[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, ResultsModel):
            model.sort(column, order)

    def hit_at(self, row: int) -> ListingHit:
        source = self.mapToSource(self.index(row, 0))
        model = self.sourceModel()
        assert isinstance(model, ResultsModel)
        return model.hit_at(source.row())
