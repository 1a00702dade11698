"""The "History" tab: past screening runs; reopen one into the results, or export it again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.review import RunSummary

ModelIndex = QModelIndex | QPersistentModelIndex
RUN_ROLE = Qt.ItemDataRole.UserRole + 1


class RunsModel(QAbstractTableModel):
    COLUMNS = 10

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
        )
        return values[column] if 0 <= column < self.COLUMNS else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)


class HistoryView(QWidget):
    refresh_requested = Signal()
    open_requested = Signal(int)
    export_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.info = QLabel(self)
        top.addWidget(self.info, 1)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openRunButton")
        self.open_button.clicked.connect(self._open)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportRunButton")
        self.export_button.clicked.connect(self._export)
        for button in (self.refresh_button, self.open_button, self.export_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.model = RunsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("runsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self._open())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.info.setText(
            self.tr("Every screening is kept with its input checksum, list releases and decisions.")
        )
        self.refresh_button.setText(self.tr("Refresh"))
        self.open_button.setText(self.tr("Open in Results"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_runs(self, runs: list[RunSummary]) -> None:
        self.model.set_runs(runs)
        self._update_buttons()

    def selected_run(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.run_at(index.row()).run_id

    def select_run(self, run_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.run_at(row).run_id == run_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected_run() is not None
        self.open_button.setEnabled(chosen)
        self.export_button.setEnabled(chosen)

    def _open(self) -> None:
        run_id = self.selected_run()
        if run_id is not None:
            self.open_requested.emit(run_id)

    def _export(self) -> None:
        run_id = self.selected_run()
        if run_id is not None:
            self.export_requested.emit(run_id)
