"""The past screening runs as a table model (the History tab shows it)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from core.review import RunSummary

ModelIndex = QModelIndex | QPersistentModelIndex
RUN_ROLE = Qt.ItemDataRole.UserRole + 1


class RunsModel(QAbstractTableModel):
    COLUMNS = 11

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runs: list[RunSummary] = []

    def set_runs(self, runs: list[RunSummary]) -> None:
        self.beginResetModel()
        self._runs = list(runs)
        self.endResetModel()

    def run_at(self, row: int) -> RunSummary:
        return self._runs[row]

    def summary_of(self, run_id: int) -> RunSummary | None:
        return next((r for r in self._runs if r.run_id == run_id), None)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [
            self.tr("Run"),
            self.tr("File"),
            self.tr("As of"),
            self.tr("Screened at"),
            self.tr("By"),
            self.tr("Rows"),
            self.tr("Flagged rows"),
            self.tr("Hits"),
            self.tr("Decided"),
            self.tr("Threshold"),
            self.tr("Monitored"),
        ]
        return names[section] if 0 <= section < self.COLUMNS else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._runs):
            return None
        run = self._runs[index.row()]
        column = index.column()
        if role == RUN_ROLE:
            return run.run_id
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return self.tr("SHA-256 {digest}").format(digest=run.input_sha256)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 5, 6, 7, 8, 9):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            str(run.run_id),
            run.input_name,
            run.as_of.isoformat(),
            run.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            run.user,
            f"{run.rows_screened:,}",
            f"{run.flagged_rows:,}",
            f"{run.hit_count:,}",
            f"{run.decided:,}",
            f"{run.threshold:g}",
            "✓" if run.monitored else "",
        )
        return values[column] if 0 <= column < self.COLUMNS else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
