"""The Results page's Items view: the rows that buy or sell a controlled item, and the one
selected, explained."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QSplitter, QWidget

from core.lists.items import ControlledItem
from core.screening.item_hits import ItemHit
from gui.models.items_model import ItemHitsModel
from gui.widgets.item_detail import ItemDetail
from gui.widgets.row_table import row_table


class ItemsPanel(QSplitter):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("itemsPanel")
        self.model = ItemHitsModel(self)
        self.table = row_table(self, "itemsTable", self.model)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.detail = ItemDetail(self)
        self.addWidget(self.table)
        self.addWidget(self.detail)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setSizes([760, 500])
        self._items: dict[str, ControlledItem] = {}
        self._as_of: dt.date | None = None

    def set_hits(
        self, hits: Iterable[ItemHit], items: Iterable[ControlledItem], as_of: dt.date
    ) -> None:
        self._items = {item.item_id: item for item in items}
        self._as_of = as_of
        self.model.set_hits(hits)
        self.table.resizeColumnsToContents()
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.detail.show_hit(None, None, None)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def current_hit(self) -> ItemHit | None:
        return self.detail.hit

    def _current_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: object
    ) -> None:
        if not current.isValid():
            self.detail.show_hit(None, None, None)
            return
        hit = self.model.hit_at(current.row())
        self.detail.show_hit(hit, self._items.get(hit.item_id), self._as_of)
