"""The main window: open a file, check columns, screen, review, export; lists and history.

The window wires pages to operations: every long piece of work runs through
``gui.workers.run_in_background`` with the operation functions of ``gui.operations``; errors
go to ``gui.error_dialogs.show_error``. Pages only show things and emit what the user asked.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from core.lists.catalog import ImportResult
from core.lists.snapshot import ListSnapshot
from core.paths import sample_suppliers_file
from core.screening.result import ListingHit, ScreeningResult
from core.spreadsheets import SheetChoice
from gui import file_dialogs, operations, responsiveness
from gui.error_dialogs import show_error
from gui.history_view import HistoryView
from gui.lists_view import ListsView
from gui.main_actions import MainActions
from gui.page_tabs import PageTabs
from gui.progress_strip import ProgressStrip
from gui.results_page import ResultsPage
from gui.screen_page import ScreenPage
from gui.services import AppServices
from gui.settings import AppSettings
from gui.workers import TaskHandle, run_in_background

TAB_SCREEN, TAB_RESULTS, TAB_LISTS, TAB_HISTORY = range(4)
_log = logging.getLogger(__name__)
PREPARE_DELAY_MS = 300
"""After a file is read, the wait before its matching processes are started."""


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings, services: AppServices) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.services = services
        self.snapshot: ListSnapshot | None = None
        self.task: TaskHandle | None = None
        """The long task running now (reading, screening, export, import, reconnecting)."""
        self.last_export: Path | None = None
        self.setAcceptDrops(True)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 2)
        self.tabs = PageTabs(central)
        self.tabs.setObjectName("mainTabs")
        self.screen_page = ScreenPage(self.tabs)
        self.results = ResultsPage(self.tabs)
        self.lists_view = ListsView(self.tabs)
        self.history = HistoryView(self.tabs)
        for page in (self.screen_page, self.results, self.lists_view, self.history):
            self.tabs.addTab(page, "")
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        # In the status bar, which keeps its height: showing progress moves nothing else, so
        # the pages are not laid out and painted again while long work runs.
        self.progress = ProgressStrip(self)
        self.progress.cancel_requested.connect(self.cancel_task)
        self.statusBar().addPermanentWidget(self.progress, 1)
        self.status_info = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_info)
        self.actions_ = MainActions(self)

        self.screen_page.open_requested.connect(self.ask_open_file)
        self.screen_page.sample_requested.connect(self.open_sample)
        self.screen_page.recent_requested.connect(lambda p: self.open_file(Path(p)))
        self.screen_page.sheet_requested.connect(self.choose_sheet)
        self.screen_page.header_row_requested.connect(self.choose_header_row)
        self.screen_page.screen_requested.connect(self.start_screening)
        self.screen_page.options.date.date_changed.connect(self.lists_view.set_as_of)
        self.results.decide_requested.connect(self.decide)
        self.results.export_requested.connect(self.ask_export)
        self.results.open_folder_requested.connect(self.open_export_folder)
        self.lists_view.import_requested.connect(self.ask_import_pack)
        self.history.refresh_requested.connect(self.refresh_history)
        self.history.open_requested.connect(self.open_run)
        self.history.export_requested.connect(self.ask_export_run)

        self.screen_page.options.threshold.setValue(settings.preferences().default_threshold)
        self.screen_page.show_welcome(settings.recent_files())
        self.lists_view.set_as_of(dt.date.today())
        self.retranslate()
        self._restore_state()
        self._history_stale = True
        self.tabs.currentChanged.connect(self._tab_changed)
        self.reload_lists()
        self._rows_read = 0
        self._read: operations.ReadFile | None = None
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.timeout.connect(self._prepare_matching)
        self._results_tab_timer = QTimer(self)
        self._results_tab_timer.setSingleShot(True)
        self._results_tab_timer.setInterval(0)
        self._results_tab_timer.timeout.connect(self._show_results_tab)
        QTimer.singleShot(0, self, self._prepare_results_page)

    # -- language and state ---------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("TradeScreen"))
        for index, text in enumerate(
            (self.tr("Screen"), self.tr("Results"), self.tr("Lists"), self.tr("History"))
        ):
            self.tabs.setTabText(index, text)
        self.actions_.retranslate()
        self._update_status_info()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _restore_state(self) -> None:
        self.resize(1280, 800)
        geometry = self.settings.window_state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state("state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_window_state("geometry", self.saveGeometry())
        self.settings.set_window_state("state", self.saveState())
        self.settings.sync()
        self._prepare_timer.stop()
        if self.task is not None:
            self.task.cancel()
        super().closeEvent(event)

    def _update_status_info(self) -> None:
        parts = [
            self.tr("Reviewer: {name}").format(name=self.services.reviewer),
            self.tr("Database: {url}").format(url=self.services.database_label),
        ]
        if self.snapshot is not None:
            for release in self.snapshot.releases[:2]:
                parts.append(
                    self.tr("Lists: {version} (cut-off {cutoff})").format(
                        version=release.version, cutoff=release.data_cutoff.isoformat()
                    )
                )
        self.status_info.setText("   ·   ".join(parts))

    # -- running tasks ----------------------------------------------------------------------------
    def busy(self) -> bool:
        return self.task is not None

    def run_task(
        self,
        label: str,
        fn: Callable[..., Any],
        on_success: Callable[[Any], None],
        *,
        rows: bool = True,
        exclusive: bool = False,
        on_cancelled: Callable[[], None] | None = None,
    ) -> TaskHandle | None:
        """Start the one long task, with the progress strip and Cancel; None when busy."""
        if self.task is not None:
            self.statusBar().showMessage(self.tr("Please wait until the current work ends."), 4000)
            return None
        self.progress.start(label)
        self.status_info.hide()
        self._set_busy(True)
        responsiveness.pause_collector()

        def finished() -> None:
            self.task = None
            responsiveness.resume_collector()
            self.progress.stop()
            self.status_info.show()
            self._set_busy(False)

        self.task = run_in_background(
            fn,
            parent=self,
            on_success=on_success,
            on_failure=lambda error: show_error(self, error),
            on_progress=lambda done, total, _label: self.progress.report(done, total, rows),
            on_cancelled=on_cancelled or self._cancelled,
            on_finished=finished,
            exclusive=exclusive,
        )
        return self.task

    def _cancelled(self) -> None:
        self.statusBar().showMessage(self.tr("Cancelled."), 5000)

    def cancel_task(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.progress.cancel.setEnabled(False)
            self.progress.label.setText(self.tr("Cancelling…"))

    def _set_busy(self, busy: bool) -> None:
        self.screen_page.set_busy(busy)
        self.lists_view.set_busy(busy)
        self.actions_.set_busy(busy)

    # -- opening files ----------------------------------------------------------------------------
    def ask_open_file(self) -> None:
        path = file_dialogs.ask_open_file(
            self,
            self.tr("Open a supplier file"),
            self.settings.last_directory(),
            file_dialogs.supplier_file_filter(),
        )
        if path:
            self.open_file(Path(path))

    def open_sample(self) -> None:
        self.open_file(sample_suppliers_file())

    def open_file(
        self, path: Path, sheet: SheetChoice | None = None, header_row: int | None = None
    ) -> None:
        """Read ``path`` in the background and show its columns to check; ``header_row`` is
        the header row chosen by hand (None: find it)."""
        label = self.tr("Reading {file}…").format(file=path.name)
        self.run_task(
            label,
            lambda progress: operations.read_file(
                path, sheet or SheetChoice(), progress, header_row=header_row
            ),
            self._file_read,
        )

    def choose_sheet(self, sheet: SheetChoice) -> None:
        if self.screen_page.path is not None:
            self.open_file(self.screen_page.path, sheet)

    def choose_header_row(self, row: int) -> None:
        """Read the shown sheet(s) again with ``row`` as the header row (0: find it again)."""
        page = self.screen_page
        if page.path is not None:
            self.open_file(page.path, page.chosen_sheet, header_row=row or None)

    def _file_read(self, read: operations.ReadFile) -> None:
        self._read = read  # what the screening request says was read
        self.screen_page.show_tables(
            read.path, read.sheets, read.tables, read.chosen, read.header_row
        )
        if read.path != sample_suppliers_file():
            recent = self.settings.add_recent_file(read.path)
            self.screen_page.show_welcome(recent)
            self.actions_.set_recent(recent)
        self.tabs.setCurrentIndex(TAB_SCREEN)
        rows = sum(len(t.rows) for t in read.tables)
        # Once the column check is on screen: starting processes holds the interpreter lock
        # in bursts, which made its first paint 40 ms slower.
        self._rows_read = rows
        self._prepare_timer.start(PREPARE_DELAY_MS)
        self.statusBar().showMessage(
            self.tr("{file}: {rows} rows read.").format(file=read.path.name, rows=f"{rows:,}"),
            5000,
        )

    def _prepare_matching(self) -> None:
        services, rows = self.services, self._rows_read
        run_in_background(
            lambda progress: operations.prepare_matching(services, rows, progress),
            parent=self,
            on_failure=lambda error: _log.warning("cannot prepare the matching: %s", error),
            exclusive=True,  # a screening started meanwhile waits for it
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.open_file(Path(urls[0].toLocalFile()))

    # -- screening and results --------------------------------------------------------------------
    def start_screening(self) -> None:
        page = self.screen_page
        if page.path is None or not page.tables or self._read is None:
            self.ask_open_file()
            return
        options = page.options.options()
        if options.list_ids is not None and not options.list_ids:
            self.statusBar().showMessage(
                self.tr("Choose at least one list to screen against."), 6000
            )
            return
        read, tables, services = self._read, list(page.tables), self.services
        self._prepare_timer.stop()  # the screening starts the processes itself
        self.run_task(
            self.tr("Screening {file} as of {date}…").format(
                file=read.path.name, date=options.as_of.isoformat()
            ),
            lambda progress: operations.screen(services, read, tables, options, progress),
            self._screened,
            exclusive=True,
            on_cancelled=lambda: self.statusBar().showMessage(
                self.tr("Screening cancelled; nothing was stored."), 8000
            ),
        )

    def _screened(self, screened: operations.Screened) -> None:
        self.show_result(screened.result, screened.snapshot)
        self.history_changed()

    def show_result(self, result: ScreeningResult, snapshot: ListSnapshot | None) -> None:
        self.last_export = None
        self.results.show_result(result, snapshot)
        self.actions_.set_has_result(True)
        # The Results tab a turn later (a zero timer, which Qt runs after pending input and
        # timers): filling the model and first painting it are two short turns, not one long.
        self._results_tab_timer.start()

    def _show_results_tab(self) -> None:
        if self.results.result is not None:
            self.tabs.setCurrentIndex(TAB_RESULTS)
            self.results.table.setFocus()
            responsiveness.settle_before_painting()

    def decide(self, decision: str, note: str) -> None:
        hit = self.results.current_hit()
        result = self.results.result
        if hit is None or result is None:
            return
        if result.run_id is None:
            self.statusBar().showMessage(self.tr("This result was not stored; screen again."))
            return
        services, run_id = self.services, result.run_id
        run_in_background(
            lambda progress: operations.decide(services, hit, run_id, decision, note, progress),
            parent=self,
            on_success=lambda hits: self._decided(run_id, hits),
            on_failure=lambda error: show_error(self, error),
            exclusive=True,
        )

    def _decided(self, run_id: int, hits: list[ListingHit]) -> None:
        shown = self.results.result
        if shown is not None and shown.run_id == run_id:  # still the run decided on
            self.results.update_hits(hits)
            self.results.detail.note.clear()
        self.statusBar().showMessage(self.tr("Decision saved."), 3000)
        self.history_changed()

    def ask_export(self) -> None:
        result = self.results.result
        if result is None:
            return
        path = self._ask_report_path(result.input_name, result.as_of)
        all_rows = self.results.include_all_rows()
        if path is not None:
            self.run_task(
                self.tr("Writing {file}…").format(file=path.name),
                lambda progress: operations.export(result, path, progress, all_rows=all_rows),
                self._exported,
                rows=False,
            )

    def ask_export_run(self, run_id: int) -> None:
        summary = self.history.model.summary_of(run_id)
        name, as_of = (summary.input_name, summary.as_of) if summary else ("run", dt.date.today())
        path = self._ask_report_path(name, as_of)
        if path is not None:
            services = self.services
            self.run_task(
                self.tr("Writing {file}…").format(file=path.name),
                lambda progress: operations.export_run(services, run_id, path, progress),
                self._exported,
                rows=False,
            )

    def _ask_report_path(self, input_name: str, as_of: dt.date) -> Path | None:
        folder = Path(self.settings.last_directory())
        suggested = folder / f"{Path(input_name).stem}-screening-{as_of.isoformat()}.xlsx"
        chosen = file_dialogs.ask_save_file(
            self, self.tr("Export the report"), str(suggested), self.tr("Excel workbook (*.xlsx)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.settings.set_last_directory(path.parent)
        self.results.set_exported(True)
        self.actions_.set_exported(True)
        self.statusBar().showMessage(self.tr("Report saved: {path}").format(path=path), 10000)

    def open_export_folder(self) -> None:
        if self.last_export is not None:
            file_dialogs.open_url(QUrl.fromLocalFile(str(self.last_export.parent)))

    # -- lists and history ------------------------------------------------------------------------
    def reload_lists(self) -> None:
        services = self.services
        run_in_background(
            lambda progress: operations.load_snapshot(services, progress),
            parent=self,
            on_success=self._lists_loaded,
            on_failure=lambda error: show_error(self, error),
        )

    def _lists_loaded(self, snapshot: ListSnapshot) -> None:
        self.snapshot = snapshot
        options = self.screen_page.options
        lists = sorted(snapshot.lists.values(), key=lambda x: x.list_id)
        options.set_lists(lists, options.checked_list_ids() if options.lists.count() else None)
        self.lists_view.set_snapshot(snapshot)
        self._update_status_info()

    def ask_import_pack(self) -> None:
        path = file_dialogs.ask_open_file(
            self,
            self.tr("Import a list pack (a .zip file, or manifest.json in a folder)"),
            self.settings.last_directory(),
            self.tr("List packs (*.zip manifest.json);;All files (*)"),
        )
        if path:
            chosen = Path(path)
            self.import_pack(chosen.parent if chosen.name == "manifest.json" else chosen)

    def import_pack(self, path: Path) -> None:
        services = self.services
        self.run_task(
            self.tr("Importing {name}…").format(name=path.name),
            lambda progress: operations.import_pack(services, path, progress),
            self._imported,
            rows=False,
            exclusive=True,
        )

    def _imported(self, imported: ImportResult) -> None:
        release = imported.release
        if imported.created:
            template = self.tr(
                "Imported {publisher} {version}: {lists} lists, {entities} entities."
            )
        else:
            template = self.tr("{publisher} {version} was already imported; nothing changed.")
        message = template.format(
            publisher=release.publisher,
            version=release.version,
            lists=imported.lists,
            entities=imported.entities,
        )
        self.statusBar().showMessage(message, 10000)
        self.reload_lists()

    def history_changed(self) -> None:
        """Runs or decisions changed: the History tab reads them again when it is shown."""
        self._history_stale = True
        if self.tabs.currentIndex() == TAB_HISTORY:
            self.refresh_history()

    def _tab_changed(self, index: int) -> None:
        if index == TAB_HISTORY and self._history_stale:
            self.refresh_history()

    def _prepare_results_page(self) -> None:
        """Lay out and polish the Results page once, hidden, at start-up, so showing the first
        results does not pay for it (it is the largest page)."""
        stack = self.results.stack
        stack.setCurrentIndex(1)
        detail = self.results.detail
        if detail.hit is None:
            detail.set_sections_visible(True)  # its boxes too: shown for the first time later
        self.results.grab()
        if detail.hit is None:
            detail.set_sections_visible(False)
        if self.results.result is None:
            stack.setCurrentIndex(0)

    def refresh_history(self) -> None:
        self._history_stale = False
        services = self.services
        run_in_background(
            lambda progress: operations.list_runs(services, progress),
            parent=self,
            on_success=self.history.set_runs,
            on_failure=lambda error: show_error(self, error),
        )

    def open_run(self, run_id: int) -> None:
        services = self.services
        self.run_task(
            self.tr("Opening run {id}…").format(id=run_id),
            lambda progress: operations.load_run(services, run_id, progress),
            lambda loaded: self.show_result(loaded.result, loaded.snapshot),
            rows=False,
        )
