"""The first rows of a supplier table as read, with the chosen name and country columns marked,
and the rows just above its header row (titles, notes) shown greyed above them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from core.spreadsheets import SupplierTable
from core.spreadsheets.table import SupplierRow, cell_text

ModelIndex = QModelIndex | QPersistentModelIndex
PREVIEW_ROWS = 200
"""The preview shows at most this many data rows: enough to check the columns."""


def shown_data_rows(table: SupplierTable) -> int:
    """How many of ``table``'s data rows the preview shows."""
    return min(PREVIEW_ROWS, len(table.rows))


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table: SupplierTable | None = None
        self._rows = 0
        self._above = 0
        self._brushes: tuple[QBrush, QBrush] | None = None
        self._above_brush: QBrush | None = None

    def set_table(self, table: SupplierTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self._above = 0 if table is None else len(table.above)
        self._rows = 0 if table is None else self._above + shown_data_rows(table)
        self._brushes = self._above_brush = None  # the palette may have changed (dark mode)
        self.endResetModel()

    def row_at(self, row: int) -> SupplierRow:
        """The file row shown at model row ``row`` (a row above the header, or data)."""
        assert self.table is not None
        if row < self._above:
            return self.table.above[row]
        return self.table.rows[row - self._above]

    def is_above_header(self, row: int) -> bool:
        return 0 <= row < self._above

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
                return str(self.row_at(section).row_number)
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
        row = self.row_at(index.row())
        above = index.row() < self._above
        if role == Qt.ItemDataRole.DisplayRole:
            return table.text(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return None if above else self._background(index.column())
        if role == Qt.ItemDataRole.ForegroundRole and above:
            if self._above_brush is None:
                palette = QGuiApplication.palette()
                self._above_brush = QBrush(palette.color(QPalette.ColorRole.PlaceholderText))
            return self._above_brush
        if role == Qt.ItemDataRole.FontRole and above:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            value = row.values[index.column()] if index.column() < len(row.values) else None
            if above:
                note = self.tr(
                    "Row {row} is above the header row, so it is not screened. Double-click a "
                    "row to make it the header row."
                ).format(row=row.row_number)
                return "\n\n".join(t for t in (cell_text(value), note) if t)
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
