"""Table models of the Lists tab: the lists with their counts as of a date, and found entities."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from core.lists.model import Entity, RestrictionList, Status
from core.lists.snapshot import ListSnapshot
from gui.text.labels import SCREENED_STATUSES, list_title, status_label

ModelIndex = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ListsModel(QAbstractTableModel):
    """One row per list: title, id, authority, release, data cut-off, counts per status."""

    FIXED = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lists: list[RestrictionList] = []
        self._snapshot: ListSnapshot | None = None
        self._counts: dict[str, Mapping[Status, int]] = {}
        self.as_of: dt.date | None = None

    def set_snapshot(self, snapshot: ListSnapshot | None, as_of: dt.date) -> None:
        self.beginResetModel()
        self._snapshot = snapshot
        self._lists = sorted(snapshot.lists.values(), key=lambda x: x.list_id) if snapshot else []
        self.as_of = as_of
        self._counts = snapshot.counts(as_of) if snapshot else {}
        self.endResetModel()

    def set_as_of(self, as_of: dt.date) -> None:
        if self._snapshot is None:
            return
        self.as_of = as_of
        self._counts = self._snapshot.counts(as_of)
        if self._lists:
            self.dataChanged.emit(
                self.index(0, self.FIXED), self.index(len(self._lists) - 1, self.columnCount() - 1)
            )

    def count(self, list_id: str, status: Status) -> int:
        return int(self._counts.get(list_id, {}).get(status, 0))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lists)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIXED + len(SCREENED_STATUSES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        fixed = [
            self.tr("List"),
            self.tr("Id"),
            self.tr("Authority"),
            self.tr("Release"),
            self.tr("Data cut-off"),
        ]
        if 0 <= section < self.FIXED:
            return fixed[section]
        if self.FIXED <= section < self.columnCount():
            return status_label(SCREENED_STATUSES[section - self.FIXED])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._lists):
            return None
        lst = self._lists[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return lst.list_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return lst.effect or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.FIXED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        release = self._snapshot.release_of(lst.list_id) if self._snapshot else None
        if column == 0:
            return list_title(lst)
        if column == 1:
            return lst.list_id
        if column == 2:
            return lst.authority
        if column == 3:
            return f"{release.publisher} {release.version}" if release else ""
        if column == 4:
            return release.data_cutoff.isoformat() if release else ""
        if column < self.columnCount():
            return str(self.count(lst.list_id, SCREENED_STATUSES[column - self.FIXED]))
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._lists:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._lists) - 1, 0))


class EntitiesModel(QAbstractTableModel):
    """Entities found by a search: English name, Chinese name, country, lists."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entities: list[Entity] = []
        self._snapshot: ListSnapshot | None = None

    def set_entities(self, snapshot: ListSnapshot | None, entities: list[Entity]) -> None:
        self.beginResetModel()
        self._snapshot = snapshot
        self._entities = list(entities)
        self.endResetModel()

    def entity_at(self, row: int) -> Entity:
        return self._entities[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entities)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [self.tr("Name"), self.tr("Chinese name"), self.tr("Country"), self.tr("Lists")]
        return names[section] if 0 <= section < 4 else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._entities):
            return None
        entity = self._entities[index.row()]
        if role == ID_ROLE:
            return entity.entity_id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return entity.name_en
        if column == 1:
            return entity.name_zh
        if column == 2:
            return entity.country
        if column == 3 and self._snapshot is not None:
            lists = self._snapshot.lists
            return ", ".join(
                list_title(lists.get(i), i) for i in self._snapshot.lists_of(entity.entity_id)
            )
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
