"""The first rows of a supplier table as read, with the chosen name and country columns marked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from core.spreadsheets import SupplierTable
from core.spreadsheets.table import cell_text

ModelIndex = QModelIndex | QPersistentModelIndex
PREVIEW_ROWS = 200


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: SupplierTable | None = None
        self._rows = 0
        self._brushes: tuple[QBrush, QBrush] | None = None

    def set_table(self, table: SupplierTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self._rows = 0 if table is None else min(PREVIEW_ROWS, len(table.rows))
        self._brushes = None  # the palette may have changed (dark mode)
        self.endResetModel()

    def roles_changed(self, table: SupplierTable) -> None:
        """Same rows, other chosen columns: repaint, no reset (keeps the scroll position)."""
        self.table = table
        columns = self.columnCount()
        if columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
            if self.rowCount():
                self.dataChanged.emit(
                    self.index(0, 0), self.index(self.rowCount() - 1, columns - 1)
                )

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.table is None:
            return 0
        return len(self.table.headers)

    def _role_of(self, column: int) -> str:
        assert self.table is not None
        roles = self.table.roles
        if column == roles.name:
            return self.tr("supplier name")
        if column == roles.name_alt:
            return self.tr("second name")
        if column == roles.country:
            return self.tr("country")
        return ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        table = self.table
        if table is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < self._rows:
                return str(table.rows[section].row_number)
            return None
        if not 0 <= section < len(table.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            label = table.column_label(section)
            tag = self._role_of(section)
            return f"{label}\n[{tag}]" if tag else f"{label}\n"
        if role == Qt.ItemDataRole.FontRole and self._role_of(section):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        table = self.table
        if table is None or not index.isValid() or index.row() >= self._rows:
            return None
        row = table.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return table.text(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            value = row.values[index.column()] if index.column() < len(row.values) else None
            return cell_text(value) or None
        return None

    def _background(self, column: int) -> QBrush | None:
        assert self.table is not None
        roles = self.table.roles
        if column not in (roles.name, roles.country, roles.name_alt):
            return None
        if self._brushes is None:
            color = QColor(QGuiApplication.palette().color(QPalette.ColorRole.Highlight))
            strong, light = QColor(color), QColor(color)
            strong.setAlpha(70)
            light.setAlpha(35)
            self._brushes = (QBrush(strong), QBrush(light))
        return self._brushes[0] if column == roles.name else self._brushes[1]
