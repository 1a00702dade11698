"""The "History" tab: past screening runs; reopen one into the results, or export it again."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.review import RunSummary
from gui.models.runs_model import RunsModel
from gui.widgets.row_table import row_table


class HistoryView(QWidget):
    refresh_requested = Signal()
    open_requested = Signal(int)
    export_requested = Signal(int)
    monitor_requested = Signal(int, bool)
    rescreen_requested = Signal(int)

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
        self.monitor_button = QPushButton(self)
        self.monitor_button.setObjectName("monitorRunButton")
        self.monitor_button.setCheckable(True)
        self.monitor_button.clicked.connect(self._monitor)
        self.rescreen_button = QPushButton(self)
        self.rescreen_button.setObjectName("rescreenRunButton")
        self.rescreen_button.clicked.connect(self._rescreen)
        for button in (
            self.refresh_button,
            self.monitor_button,
            self.rescreen_button,
            self.open_button,
            self.export_button,
        ):
            top.addWidget(button)
        layout.addLayout(top)
        self.model = RunsModel(self)
        self.table = row_table(
            self, "runsTable", self.model, QHeaderView.ResizeMode.ResizeToContents
        )
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
        self.monitor_button.setText(self.tr("Monitor"))
        self.monitor_button.setToolTip(
            self.tr("Check this supplier list again after every list import")
        )
        self.rescreen_button.setText(self.tr("Screen again"))
        self.rescreen_button.setToolTip(
            self.tr("A new run from this run's names, with the newest list data")
        )
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
        self.rescreen_button.setEnabled(chosen)
        self.monitor_button.setEnabled(chosen)
        index = self.table.selectionModel().currentIndex()
        monitored = chosen and self.model.run_at(index.row()).monitored
        self.monitor_button.setChecked(bool(monitored))

    def _open(self) -> None:
        run_id = self.selected_run()
        if run_id is not None:
            self.open_requested.emit(run_id)

    def _monitor(self, on: bool) -> None:
        run_id = self.selected_run()
        if run_id is not None:
            self.monitor_requested.emit(run_id, on)

    def _rescreen(self) -> None:
        run_id = self.selected_run()
        if run_id is not None:
            self.rescreen_requested.emit(run_id)

    def _export(self) -> None:
        run_id = self.selected_run()
        if run_id is not None:
            self.export_requested.emit(run_id)
