"""The results table: a ``QAbstractTableModel`` over the core's hits, and its filter proxy.

Sized for 100,000 hits: ``data()`` reads one attribute and formats it; sorting is one Python
``sort`` of row positions in the model (the proxy forwards ``sort`` here instead of comparing
rows one call at a time); filtering tests a few attributes and one cached lower-case text.
"""

from __future__ import annotations

import datetime as dt
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


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


class ResultsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[ListingHit] = []
        self._order: list[int] = []  # view row -> position in _hits
        self._where: dict[tuple[str | None, int, str, str], int] | None = None
        self._haystack: list[str | None] = []
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
        self._hits = list(hits)
        self._lists = dict(lists)
        self._sheet_order = {sheet: i for i, sheet in enumerate(dict.fromkeys(sheets))}
        self._order = list(range(len(self._hits)))
        self._where = None  # built on first use: most results are never looked up by key
        self._haystack = [None] * len(self._hits)
        for listener in self.hits_changed:
            listener()
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits((), {})

    def hits(self) -> list[ListingHit]:
        """A copy of the hits in screening order."""
        return list(self._hits)

    def hits_by_position(self) -> list[ListingHit]:
        """The hits in screening order (the model's own list: do not change it)."""
        return self._hits

    def search_texts(self) -> list[str]:
        """Lower-case text of every hit, by position, for the free-text filter."""
        return [self._search_text(p) for p in range(len(self._hits))]

    def hit_at(self, row: int) -> ListingHit:
        return self._hits[self._order[row]]

    def positions(self) -> list[int]:
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
        while first > 0 and (hits[first - 1].sheet, hits[first - 1].row) == row:
            first -= 1
        last = position
        while last + 1 < len(hits) and (hits[last + 1].sheet, hits[last + 1].row) == row:
            last += 1
        return [h for h in hits[first : last + 1] if h.entity_id == hit.entity_id]

    def _position_of(self, hit: ListingHit) -> int | None:
        if self._where is None:
            self._where = {_key(h): i for i, h in enumerate(self._hits)}
        return self._where.get(_key(hit))

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
            self._haystack[position] = None
            changed.append(position)
        if changed:
            for listener in self.hits_changed:
                listener()
            rows = {p: r for r, p in enumerate(self._order)}
            for position in changed:
                row = rows[position]
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _search_text(self, position: int) -> str:
        text = self._haystack[position]
        if text is None:
            hit = self._hits[position]
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
        hit = self._hits[self._order[row]]
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
        self._order.sort(
            key=lambda p: key(self._hits[p]), reverse=order == Qt.SortOrder.DescendingOrder
        )
        for listener in self.hits_changed:
            listener()
        rows = {p: r for r, p in enumerate(self._order)}
        self.changePersistentIndexList(
            old_persistent,
            [
                self.index(rows[p], i.column())
                for p, i in zip(positions, old_persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _sort_key(self, column: int) -> Callable[[ListingHit], Any]:
        sheets = self._sheet_order
        by_row = lambda h: (sheets.get(h.sheet, 0), h.row)  # noqa: E731
        keys: dict[int, Callable[[ListingHit], Any]] = {
            COL_ROW: by_row,
            COL_SHEET: lambda h: (h.sheet or "", h.row),
            COL_SUPPLIER: lambda h: h.supplier_name.casefold(),
            COL_COUNTRY: lambda h: h.supplier_country.casefold(),
            COL_ENTITY: lambda h: (h.entity_name or h.entity_name_zh).casefold(),
            COL_LIST: lambda h: self._list_name(h.list_id).casefold(),
            COL_STATUS: lambda h: SEVERITY.get(h.status, 9),
            COL_SINCE: lambda h: h.since or dt.date.min,
            COL_UNTIL: lambda h: h.until or dt.date.max,
            COL_SCORE: lambda h: h.score,
            COL_DECISION: lambda h: review_of(h).category,
        }
        return keys[column]


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
        mask = [
            (statuses is None or h.status in statuses)
            and (list_id is None or h.list_id == list_id)
            and (decision is None or review_of(h).category == decision)
            for h in hits
        ]
        if text:
            haystack = model.search_texts()
            mask = [m and text in t for m, t in zip(mask, haystack, strict=True)]
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
