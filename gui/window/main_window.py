"""The main window: a view over ``gui.window.controller.AppController``.

It builds the pages, asks the user for paths (file dialogs), hands what the pages ask for to
the controller as plain data and shows what the controller's signals bring back: tables to
check, results, decisions, lists, runs, progress, messages, errors
(``gui.dialogs.error_dialogs.show_error``). The work itself (files, screening, decisions, reports,
list packs, history, settings) is the controller's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from core.errors import UserFacingError
from core.lists.snapshot import ListSnapshot
from core.report.target import PDF_SUFFIX, SUFFIX, with_suffix
from core.screening.decision import Decision
from core.screening.result import ListingHit, ScreeningResult
from core.services.changes import RunChanges
from core.spreadsheets import SheetChoice
from gui.desktop import file_dialogs
from gui.dialogs.about import AboutDialog, app_icon
from gui.dialogs.changes_dialog import ChangesDialog
from gui.dialogs.error_dialogs import show_error
from gui.dialogs.import_list import ImportListDialog
from gui.dialogs.settings_dialog import SettingsDialog
from gui.pages.history_page import HistoryView
from gui.pages.lists_page import ListsView
from gui.pages.results_page import ResultsPage
from gui.pages.screen_page import ScreenPage
from gui.tasks import operations, responsiveness
from gui.widgets.page_tabs import PageTabs
from gui.widgets.progress_strip import ProgressStrip
from gui.window.controller import AppController
from gui.window.main_actions import MainActions

TAB_SCREEN, TAB_RESULTS, TAB_LISTS, TAB_HISTORY = range(4)


class MainWindow(QMainWindow):
    def __init__(self, controller: AppController) -> None:
        """The window takes ``controller`` as its child: work reported after the window is
        gone is dropped with it."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.controller = controller
        controller.setParent(self)
        self.dialog: QWidget | None = None
        """The Settings or About dialog opened last (non-modal)."""
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
        self.actions_ = MainActions(self, controller.recent_files())
        self._connect_actions()

        page = self.screen_page
        page.open_requested.connect(self.ask_open_file)
        page.sample_requested.connect(controller.open_sample)
        page.recent_requested.connect(lambda p: self.open_file(Path(p)))
        page.sheet_requested.connect(self.choose_sheet)
        page.header_row_requested.connect(self.choose_header_row)
        page.encoding_requested.connect(self.choose_encoding)
        page.screen_requested.connect(self.start_screening)
        page.options.date.date_changed.connect(self.lists_view.set_as_of)
        self.results.decide_requested.connect(self.decide)
        self.results.export_requested.connect(self.ask_export)
        self.results.open_folder_requested.connect(self.open_export_folder)
        self.lists_view.import_requested.connect(self.ask_import_pack)
        self.history.refresh_requested.connect(self.refresh_history)
        self.history.open_requested.connect(controller.open_run)
        self.history.export_requested.connect(self.ask_export_run)
        self.history.monitor_requested.connect(controller.set_monitored)
        self.history.rescreen_requested.connect(controller.rescreen)
        controller.changes_found.connect(self.show_changes)
        self._connect_controller()

        page.options.threshold.setValue(controller.preferences().default_threshold)
        page.show_welcome(controller.recent_files())
        self.lists_view.set_as_of(dt.date.today())
        self.retranslate()
        self._restore_state()
        self._history_stale = True
        self.tabs.currentChanged.connect(self._tab_changed)
        controller.reload_lists()
        self._results_tab_timer = QTimer(self)
        self._results_tab_timer.setSingleShot(True)
        self._results_tab_timer.setInterval(0)
        self._results_tab_timer.timeout.connect(self._show_results_tab)
        QTimer.singleShot(0, self, self._prepare_results_page)

    def _connect_actions(self) -> None:
        actions, controller = self.actions_, self.controller
        actions.open.triggered.connect(self.ask_open_file)
        actions.sample.triggered.connect(controller.open_sample)
        actions.screen.triggered.connect(self.start_screening)
        actions.export.triggered.connect(self.ask_export)
        actions.export_pdf.triggered.connect(lambda: self.ask_export(pdf=True))
        actions.folder.triggered.connect(self.open_export_folder)
        actions.settings.triggered.connect(self.open_settings)
        actions.quit.triggered.connect(self.close)
        actions.import_pack.triggered.connect(self.ask_import_pack)
        actions.about.triggered.connect(self.show_about)
        actions.clear_recent.triggered.connect(controller.clear_recent_files)
        actions.recent_requested.connect(self.open_file)

    def _connect_controller(self) -> None:
        controller = self.controller
        controller.started.connect(self._task_started)
        controller.busy_changed.connect(self._set_busy)
        controller.progress.connect(self.progress.report)
        controller.failed.connect(lambda error: show_error(self, error))
        controller.status_message.connect(self.statusBar().showMessage)
        controller.file_read.connect(self._file_read)
        controller.recent_changed.connect(self._recent_changed)
        controller.screened.connect(self._show_screened)
        controller.run_loaded.connect(self._show_screened)
        controller.decided.connect(self._decided)
        controller.exported.connect(self._exported)
        controller.lists_loaded.connect(self._lists_loaded)
        controller.runs_loaded.connect(self.history.set_runs)
        controller.runs_changed.connect(self.history_changed)
        controller.threshold_changed.connect(self.screen_page.options.threshold.setValue)
        controller.info_changed.connect(self._update_status_info)
        controller.services_replaced.connect(self._services_replaced)

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
        geometry = self.controller.window_state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.controller.window_state("state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.controller.save_window_state(self.saveGeometry(), self.saveState())
        self.controller.shutdown()
        super().closeEvent(event)

    def _update_status_info(self) -> None:
        services, snapshot = self.controller.services, self.controller.snapshot
        parts = [
            self.tr("Reviewer: {name}").format(name=services.reviewer),
            self.tr("Database: {url}").format(url=services.database_label),
        ]
        if snapshot is not None:
            for release in snapshot.releases[:2]:
                parts.append(
                    self.tr("Lists: {version} (cut-off {cutoff})").format(
                        version=release.version, cutoff=release.data_cutoff.isoformat()
                    )
                )
        self.status_info.setText("   ·   ".join(parts))

    # -- the long task --------------------------------------------------------------------------
    def _task_started(self, label: str) -> None:
        self.progress.start(label)
        self.status_info.hide()

    def _set_busy(self, busy: bool) -> None:
        if not busy:
            self.progress.stop()
            self.status_info.show()
        self.screen_page.set_busy(busy)
        self.lists_view.set_busy(busy)
        self.actions_.set_busy(busy)

    def cancel_task(self) -> None:
        if self.controller.cancel_task():
            self.progress.cancel.setEnabled(False)
            self.progress.label.setText(self.tr("Cancelling…"))

    # -- opening files ----------------------------------------------------------------------------
    def ask_open_file(self) -> None:
        path = file_dialogs.ask_open_file(
            self,
            self.tr("Open a supplier file"),
            self.controller.last_directory(),
            file_dialogs.supplier_file_filter(),
        )
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> None:
        self.controller.open_file(path)

    def choose_sheet(self, sheet: SheetChoice) -> None:
        if self.screen_page.path is not None:
            self.controller.open_file(self.screen_page.path, sheet)

    def choose_header_row(self, row: int) -> None:
        """Read the shown sheet(s) again with ``row`` as the header row (0: find it again)."""
        page = self.screen_page
        if page.path is not None:
            self.controller.open_file(page.path, page.chosen_sheet, row or None, page.encoding)

    def choose_encoding(self, codec: str) -> None:
        """Read the shown text file again in ``codec`` ("": detect it again)."""
        page = self.screen_page
        if page.path is not None:
            self.controller.open_file(
                page.path, page.chosen_sheet, page.chosen_header_row, codec or None
            )

    def _file_read(self, read: operations.ReadFile) -> None:
        self.screen_page.show_tables(
            read.path, read.sheets, read.tables, read.chosen, read.header_row, read.encoding
        )
        self.tabs.setCurrentIndex(TAB_SCREEN)

    def _recent_changed(self, recent: list[str]) -> None:
        self.screen_page.show_welcome(recent)
        self.actions_.set_recent(recent)

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
        if page.path is None or not page.tables or self.controller.read is None:
            self.ask_open_file()
            return
        self.controller.screen(list(page.tables), page.options.options())

    def _show_screened(self, screened: operations.Screened) -> None:
        self.show_result(screened.result, screened.snapshot)

    def show_result(self, result: ScreeningResult, snapshot: ListSnapshot | None) -> None:
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
        if hit is not None and result is not None:
            self.controller.decide(hit, result.run_id, Decision(decision), note)

    def _decided(self, run_id: int, hits: list[ListingHit]) -> None:
        shown = self.results.result
        if shown is not None and shown.run_id == run_id:  # still the run decided on
            self.results.update_hits(hits)
            self.results.detail.note.clear()

    def ask_export(self, pdf: bool = False) -> None:
        """The Excel report, or (``pdf``, or a .pdf name typed) the one-page PDF summary."""
        result = self.results.result
        if result is None:
            return
        path = self._ask_report_path(result.input_name, result.as_of, pdf=pdf)
        if path is not None:
            self.controller.export_result(result, path, self.results.include_all_rows())

    def show_changes(self, found: list[RunChanges]) -> None:
        """After a list import: the earlier screenings it changes, when there are any."""
        if any(c.affected for c in found):
            dialog = ChangesDialog(found, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.dialog = dialog

    def ask_export_run(self, run_id: int) -> None:
        summary = self.history.model.summary_of(run_id)
        name, as_of = (summary.input_name, summary.as_of) if summary else ("run", dt.date.today())
        path = self._ask_report_path(name, as_of)
        if path is not None:
            self.controller.export_run(run_id, path)

    def _ask_report_path(self, input_name: str, as_of: dt.date, pdf: bool = False) -> Path | None:
        folder = Path(self.controller.last_directory())
        suffix = PDF_SUFFIX if pdf else SUFFIX
        suggested = folder / f"{Path(input_name).stem}-screening-{as_of.isoformat()}{suffix}"
        excel, summary = self.tr("Excel workbook (*.xlsx)"), self.tr("PDF summary (*.pdf)")
        chosen = file_dialogs.ask_save_file(
            self, self.tr("Export the report"), str(suggested),
            f"{summary};;{excel}" if pdf else f"{excel};;{summary}",
        )  # fmt: skip
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() == PDF_SUFFIX:
            return path
        return path.with_suffix(PDF_SUFFIX) if pdf and not path.suffix else with_suffix(path)

    def _exported(self, _path: Path) -> None:
        self.results.set_exported(True)
        self.actions_.set_exported(True)

    def open_export_folder(self) -> None:
        exported = self.controller.last_export
        if exported is not None:
            file_dialogs.open_url(QUrl.fromLocalFile(str(exported.parent)))

    # -- lists and history ------------------------------------------------------------------------
    def _lists_loaded(self, snapshot: ListSnapshot) -> None:
        options = self.screen_page.options
        lists = sorted(snapshot.lists.values(), key=lambda x: x.list_id)
        # The first time: the configured default lists (none configured: those with names).
        first = self.controller.preferences().default_lists or None
        options.set_lists(
            lists,
            options.checked_list_ids() if options.lists.count() else first,
            with_names=snapshot.default_list_ids(),
        )
        self.lists_view.set_snapshot(snapshot)
        self._update_status_info()

    def ask_import_pack(self) -> None:
        path = file_dialogs.ask_open_file(
            self,
            self.tr("Import list data (a list pack, an OpenSanctions or CSL file, an own list)"),
            self.controller.last_directory(),
            self.tr(
                "List data (*.zip manifest.json *.csv *.json *.jsonl *.xlsx *.xls);;All files (*)"
            ),
        )
        if path:
            self.open_import_dialog(Path(path))

    def open_import_dialog(self, path: Path) -> ImportListDialog | None:
        """The import dialog for ``path`` (shown, not modal); None if it cannot be read."""
        try:
            dialog = ImportListDialog(
                path, self.controller.read_list_file, self.controller.import_reading, self
            )
        except UserFacingError as exc:
            self.controller.failed.emit(exc)
            return None
        dialog.show()
        return dialog

    def history_changed(self) -> None:
        """Runs or decisions changed: the History tab reads them again when it is shown."""
        self._history_stale = True
        if self.tabs.currentIndex() == TAB_HISTORY:
            self.refresh_history()

    def _tab_changed(self, index: int) -> None:
        if index == TAB_HISTORY and self._history_stale:
            self.refresh_history()

    def refresh_history(self) -> None:
        self._history_stale = False
        self.controller.refresh_runs()

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

    # -- settings and about -----------------------------------------------------------------------
    def open_settings(self) -> SettingsDialog:
        """Open the Settings dialog without blocking; OK hands its choice to the controller."""
        dialog = SettingsDialog(
            self.controller.preferences(), self.controller.embedded_database_label(), self
        )
        dialog.accepted.connect(lambda: self.controller.apply_preferences(dialog.preferences()))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _services_replaced(self) -> None:
        self.results.clear()
        self.actions_.set_has_result(False)

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self.controller.about(), self)
        dialog.setWindowIcon(app_icon())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        return dialog
