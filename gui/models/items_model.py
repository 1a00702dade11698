"""The controlled-item hits of a result as a table model (the Results page's Items view)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from core.screening.item_hits import ItemHit
from gui.text.labels import STATUS_COLORS, basis_label, status_label

ModelIndex = QModelIndex | QPersistentModelIndex
ITEM_HIT_ROLE = Qt.ItemDataRole.UserRole + 2
"""``data(index, ITEM_HIT_ROLE)`` gives the ``ItemHit`` of the row."""
COL_ROW, COL_SUPPLIER, COL_HS, COL_ITEM, COL_STATUS, COL_BASIS, COL_SINCE, COL_UNTIL = range(8)
COLUMNS = 8


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


class ItemHitsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[ItemHit] = []

    def set_hits(self, hits: Iterable[ItemHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit_at(self, row: int) -> ItemHit:
        return self._hits[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Row"),
            self.tr("Supplier"),
            self.tr("HS code"),
            self.tr("Controlled item"),
            self.tr("Status"),
            self.tr("Basis"),
            self.tr("Since"),
            self.tr("Until"),
        )
        return titles[section] if 0 <= section < COLUMNS else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == ITEM_HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            return QColor(STATUS_COLORS[hit.status])
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_ITEM:
            return hit.item_name
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == COL_ROW:
            return str(hit.row)
        if column == COL_SUPPLIER:
            return hit.supplier_name
        if column == COL_HS:
            return hit.hs_code
        if column == COL_ITEM:
            short = hit.item_name.split(":")[0]  # "Erbium: metal; Er-Al alloy; ..." -> "Erbium"
            return " ".join(n for n in (hit.item_name_zh, short) if n)
        if column == COL_STATUS:
            return status_label(hit.status)
        if column == COL_BASIS:
            return basis_label(hit.status_basis)
        if column == COL_SINCE:
            return _day(hit.since)
        if column == COL_UNTIL:
            return _day(hit.until)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        if self._hits:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._hits) - 1, COLUMNS - 1))
