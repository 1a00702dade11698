"""The app's work behind the main window: files, screening, decisions, export, list packs,
history and settings. No widget is imported here: the window asks for paths and choices,
calls these methods with plain data, and shows what the signals bring back.

The controller owns the core services (``AppServices``, replaced when the user connects to
another database) and the settings, and starts every piece of background work through
``gui.tasks.background`` (the one long task through ``TaskRunner``). Errors go out by
``failed``; the window shows them with ``gui.dialogs.error_dialogs.show_error``.

Translated texts keep the context they had in the window (``MainWindow``, ``SettingsFlow``),
so the Chinese translation needs no change when this code moved here.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QTimer, Signal

from core.about import AboutInfo, collect_about
from core.lists.catalog import ImportResult
from core.lists.snapshot import ListSnapshot
from core.lists.sources.own_list import OwnListOptions
from core.lists.sources.reading import FileReading
from core.paths import sample_suppliers_file
from core.screening.decision import Decision
from core.screening.result import ListingHit, ScreeningResult
from core.secrets import with_password
from core.services.changes import RunChanges
from core.spreadsheets import SheetChoice, SupplierTable
from core.store.database import describe_url, resolve_database_url
from gui.tasks import operations
from gui.tasks.background import TaskHandle, run_in_background
from gui.tasks.screen_options import ScreenOptions
from gui.tasks.services import AppServices
from gui.tasks.settings import AppSettings, Preferences, changes_between
from gui.tasks.task_runner import TaskRunner
from gui.text.i18n import install_language

_log = logging.getLogger(__name__)
PREPARE_DELAY_MS = 300
"""After a file is read, the wait before its matching processes are started."""


class AppController(QObject):
    started = Signal(str)
    """The long task started: its label, for the progress strip."""
    busy_changed = Signal(bool)
    """True while the long task runs (after ``started``), False once it reported back."""
    progress = Signal(int, int, bool)
    """The long task's ``done, total, rows`` (``rows``: the units are rows)."""
    failed = Signal(object)
    """An error (a ``BaseException``) to show with ``gui.dialogs.error_dialogs.show_error``."""
    status_message = Signal(str, int)
    """A line for the status bar and how long to show it (ms; 0: until replaced)."""
    file_read = Signal(object)
    """An ``operations.ReadFile``: the sheets read, to check their columns."""
    recent_changed = Signal(list)
    """The recent files (``list[str]``), newest first."""
    screened = Signal(object)
    """An ``operations.Screened`` from a new screening (stored)."""
    run_loaded = Signal(object)
    """An ``operations.Screened`` of a stored run opened from History."""
    decided = Signal(int, list)
    """``run_id, hits``: the hits of one supplier row and entity with the decision saved."""
    exported = Signal(object)
    """The ``Path`` of the report written."""
    imported = Signal(object)
    """An ``ImportResult``; the lists are read again after it."""
    lists_loaded = Signal(object)
    """The current ``ListSnapshot``."""
    runs_loaded = Signal(list)
    """The stored runs (``list[RunSummary]``), for History."""
    runs_changed = Signal()
    changes_found = Signal(list)
    """After a list import: ``RunChanges`` of every earlier run (what the new data changes)."""
    """Runs or decisions changed: the runs shown are out of date."""
    threshold_changed = Signal(float)
    """The default match threshold was changed in Settings."""
    info_changed = Signal()
    """The reviewer or the database changed (the status line shows them)."""
    services_replaced = Signal(object)
    """The new ``AppServices`` after connecting to another database (the old one is closed)."""

    def __init__(
        self, settings: AppSettings, services: AppServices, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.services = services
        self.snapshot: ListSnapshot | None = None
        """The list data last loaded; None until then."""
        self.read: operations.ReadFile | None = None
        """The file read last (what its screening request says was read)."""
        self.last_export: Path | None = None
        """The report written last for the result shown; None after a new result."""
        self.tasks = TaskRunner(self)
        self.tasks.started.connect(self.started)
        self.tasks.busy_changed.connect(self.busy_changed)
        self.tasks.progress.connect(self.progress)
        self.tasks.failed.connect(self.failed)
        self.tasks.status_message.connect(self.status_message)
        self._rows_read = 0
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.timeout.connect(self._prepare_matching)

    # -- state the window shows -----------------------------------------------------------------
    @property
    def task(self) -> TaskHandle | None:
        """The long task running now (reading, screening, export, import, reconnecting)."""
        return self.tasks.task

    def busy(self) -> bool:
        return self.tasks.busy()

    def cancel_task(self) -> bool:
        """Ask the long task to stop; False when none runs."""
        return self.tasks.cancel()

    def preferences(self) -> Preferences:
        return self.settings.preferences()

    def recent_files(self) -> list[str]:
        return self.settings.recent_files()

    def clear_recent_files(self) -> None:
        self.settings.clear_recent_files()
        self.recent_changed.emit([])

    def last_directory(self) -> str:
        return self.settings.last_directory()

    def window_state(self, key: str) -> QByteArray | None:
        return self.settings.window_state(key)

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.settings.set_window_state("geometry", geometry)
        self.settings.set_window_state("state", state)
        self.settings.sync()

    def embedded_database_label(self) -> str:
        """The database on this computer, as the Settings dialog names it."""
        return describe_url(resolve_database_url(None))

    def about(self) -> AboutInfo:
        return collect_about(self.services.catalog())

    def shutdown(self) -> None:
        """The window closes: no matching processes start later, the long task stops."""
        self._prepare_timer.stop()
        self.tasks.cancel()

    # -- opening files --------------------------------------------------------------------------
    def open_sample(self) -> None:
        self.open_file(sample_suppliers_file())

    def open_file(
        self,
        path: Path,
        sheet: SheetChoice | None = None,
        header_row: int | None = None,
        encoding: str | None = None,
    ) -> None:
        """Read ``path`` in the background (``sheet`` None: the one detected; ``header_row``
        None: find it; ``encoding`` None: detect it) and emit ``file_read``."""
        label = QCoreApplication.translate("MainWindow", "Reading {file}…").format(file=path.name)
        chosen = sheet or SheetChoice()
        self.tasks.run(
            label,
            lambda progress: operations.read_file(
                path, chosen, progress, header_row=header_row, encoding=encoding
            ),
            self._file_read,
        )

    def _file_read(self, read: operations.ReadFile) -> None:
        self.read = read
        self.file_read.emit(read)
        if read.path != sample_suppliers_file():
            self.recent_changed.emit(self.settings.add_recent_file(read.path))
        rows = sum(len(t.rows) for t in read.tables)
        # Once the column check is on screen: starting processes holds the interpreter lock
        # in bursts, which made its first paint 40 ms slower.
        self._rows_read = rows
        self._prepare_timer.start(PREPARE_DELAY_MS)
        self.status_message.emit(
            QCoreApplication.translate("MainWindow", "{file}: {rows} rows read.").format(
                file=read.path.name, rows=f"{rows:,}"
            ),
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

    # -- screening, decisions, reports ----------------------------------------------------------
    def screen(self, tables: list[SupplierTable], options: ScreenOptions) -> None:
        """Screen the tables of the file read last, as the user adjusted them; emits
        ``screened`` (the run is stored) and ``runs_changed``."""
        read = self.read
        if read is None:
            return
        if options.list_ids is not None and not options.list_ids:
            self.status_message.emit(
                QCoreApplication.translate(
                    "MainWindow", "Choose at least one list to screen against."
                ),
                6000,
            )
            return
        tables, services = list(tables), self.services
        self._prepare_timer.stop()  # the screening starts the processes itself
        self.tasks.run(
            QCoreApplication.translate("MainWindow", "Screening {file} as of {date}…").format(
                file=read.path.name, date=options.as_of.isoformat()
            ),
            lambda progress: operations.screen(services, read, tables, options, progress),
            self._screened,
            exclusive=True,
            on_cancelled=lambda: self.status_message.emit(
                QCoreApplication.translate(
                    "MainWindow", "Screening cancelled; nothing was stored."
                ),
                8000,
            ),
        )

    def _screened(self, screened: operations.Screened) -> None:
        self.last_export = None
        self.screened.emit(screened)
        self.runs_changed.emit()

    def open_run(self, run_id: int) -> None:
        """Load a stored run; emits ``run_loaded``."""
        services = self.services
        self.tasks.run(
            QCoreApplication.translate("MainWindow", "Opening run {id}…").format(id=run_id),
            lambda progress: operations.load_run(services, run_id, progress),
            self._run_loaded,
            rows=False,
        )

    def _run_loaded(self, loaded: operations.Screened) -> None:
        self.last_export = None
        self.run_loaded.emit(loaded)

    def decide(self, hit: ListingHit, run_id: int | None, decision: Decision, note: str) -> None:
        """Store a decision on ``hit`` of run ``run_id`` (None: a result not stored);
        emits ``decided`` and ``runs_changed``."""
        if run_id is None:
            self.status_message.emit(
                QCoreApplication.translate(
                    "MainWindow", "This result was not stored; screen again."
                ),
                0,
            )
            return
        services, stored = self.services, run_id
        run_in_background(
            lambda progress: operations.decide(services, hit, stored, decision, note, progress),
            parent=self,
            on_success=lambda hits: self._decided(stored, hits),
            on_failure=self.failed.emit,
            exclusive=True,
        )

    def _decided(self, run_id: int, hits: list[ListingHit]) -> None:
        self.decided.emit(run_id, hits)
        self.status_message.emit(QCoreApplication.translate("MainWindow", "Decision saved."), 3000)
        self.runs_changed.emit()

    def export_result(self, result: ScreeningResult, path: Path, all_rows: bool) -> None:
        """Write the Excel report of ``result`` (``all_rows``: with every row screened), or
        its PDF summary for a .pdf path, in the window's language."""
        services, language = self.services, self.preferences().language
        self.tasks.run(
            QCoreApplication.translate("MainWindow", "Writing {file}…").format(file=path.name),
            lambda progress: operations.export(
                services, result, path, progress, all_rows=all_rows, language=language
            ),
            self._exported,
            rows=False,
        )

    def export_run(self, run_id: int, path: Path) -> None:
        """Write the Excel report (or, for a .pdf path, the PDF summary) of a stored run."""
        services, language = self.services, self.preferences().language
        self.tasks.run(
            QCoreApplication.translate("MainWindow", "Writing {file}…").format(file=path.name),
            lambda progress: operations.export_run(
                services, run_id, path, progress, language=language
            ),
            self._exported,
            rows=False,
        )

    def _exported(self, path: Path) -> None:
        self.last_export = path
        self.settings.set_last_directory(path.parent)
        self.exported.emit(path)
        self.status_message.emit(
            QCoreApplication.translate("MainWindow", "Report saved: {path}").format(path=path),
            10000,
        )

    # -- lists and history ----------------------------------------------------------------------
    def reload_lists(self) -> None:
        """Read the list data (in the background); emits ``lists_loaded``."""
        services = self.services
        run_in_background(
            lambda progress: operations.load_snapshot(services, progress),
            parent=self,
            on_success=self._lists_loaded,
            on_failure=self.failed.emit,
        )

    def _lists_loaded(self, snapshot: ListSnapshot) -> None:
        self.snapshot = snapshot
        self.lists_loaded.emit(snapshot)

    def import_pack(self, path: Path) -> None:
        """Import a list pack (a .zip file, a folder, or the manifest.json in one); emits
        ``imported``, then the lists are read again."""
        if path.name == "manifest.json":
            path = path.parent
        services = self.services
        self.tasks.run(
            QCoreApplication.translate("MainWindow", "Importing {name}…").format(name=path.name),
            lambda progress: operations.import_pack(services, path, progress),
            self._imported,
            rows=False,
            exclusive=True,
        )

    def read_list_file(
        self,
        path: Path,
        fmt: str | None,
        own: OwnListOptions | None,
        on_read: Any,
    ) -> None:
        """Read a list file or pack for the import dialog (in the background, with progress
        and cancel); ``on_read(FileReading)`` in the GUI thread."""
        services = self.services
        self.tasks.run(
            QCoreApplication.translate("MainWindow", "Reading {name}…").format(name=path.name),
            lambda progress: operations.read_list_file(services, path, fmt, own, progress),
            on_read,
            rows=False,
            exclusive=True,
        )

    def import_reading(self, reading: FileReading, allow_unsigned: bool) -> None:
        """Store a list file read by ``read_list_file``; emits ``imported``."""
        services = self.services
        self.tasks.run(
            QCoreApplication.translate("MainWindow", "Importing {name}…").format(
                name=reading.path.name
            ),
            lambda progress: operations.import_list_file(
                services, reading, allow_unsigned, progress
            ),
            self._imported,
            rows=False,
            exclusive=True,
        )

    def _imported(self, imported: ImportResult) -> None:
        release = imported.release
        if imported.created:
            template = QCoreApplication.translate(
                "MainWindow", "Imported {publisher} {version}: {lists} lists, {entities} entities."
            )
        else:
            template = QCoreApplication.translate(
                "MainWindow", "{publisher} {version} was already imported; nothing changed."
            )
        message = template.format(
            publisher=release.publisher,
            version=release.version,
            lists=imported.lists,
            entities=imported.entities,
        )
        self.imported.emit(imported)
        self.status_message.emit(message, 10000)
        self.reload_lists()
        if imported.created:
            self.check_changes()

    def check_changes(self) -> None:
        """Which earlier screenings the newest list data changes (monitored ones audited);
        emits ``changes_found``."""
        services = self.services
        self.tasks.run(
            QCoreApplication.translate("MainWindow", "Checking earlier screenings…"),
            lambda progress: operations.check_changes(services, progress),
            self._changes_checked,
            rows=False,
            exclusive=True,
        )

    def _changes_checked(self, found: list[RunChanges]) -> None:
        affected = sum(1 for c in found if c.affected)
        text = (
            QCoreApplication.translate(
                "MainWindow", "{count} earlier screenings are affected by the new list data."
            ).format(count=affected)
            if affected
            else QCoreApplication.translate(
                "MainWindow", "No earlier screening is affected by the new list data."
            )
        )
        self.status_message.emit(text, 15000)
        self.changes_found.emit(found)

    def set_monitored(self, run_id: int, on: bool) -> None:
        """Monitor a stored run's supplier list (re-checked after every list import)."""
        services = self.services
        run_in_background(
            lambda progress: operations.set_monitored(services, run_id, on, progress),
            parent=self,
            on_success=lambda _run: self.runs_changed.emit(),
            on_failure=self.failed.emit,
            exclusive=True,
        )

    def rescreen(self, run_id: int) -> None:
        """A new run from the kept names of ``run_id`` with the newest list data; shown and
        stored like a screening (``screened``)."""
        services = self.services
        self.tasks.run(
            QCoreApplication.translate("MainWindow", "Screening run {id} again…").format(id=run_id),
            lambda progress: operations.rescreen(services, run_id, progress),
            self._screened,
            exclusive=True,
        )

    def refresh_runs(self) -> None:
        """Read the stored runs (in the background); emits ``runs_loaded``."""
        services = self.services
        run_in_background(
            lambda progress: operations.list_runs(services, progress),
            parent=self,
            on_success=self.runs_loaded.emit,
            on_failure=self.failed.emit,
        )

    # -- settings -------------------------------------------------------------------------------
    def apply_preferences(self, new: Preferences) -> None:
        """What the Settings dialog chose: save it, switch the language, the reviewer, the
        default threshold or the database, and record the change in the audit log."""
        old = self.settings.preferences()
        if not new.reviewer:
            new = dataclasses.replace(new, reviewer=old.reviewer)
        changes = changes_between(old, new)
        if not changes:
            return
        self.settings.save_preferences(new)
        if new.language != old.language:
            install_language(new.language)
        if new.reviewer != old.reviewer:
            self.services.set_reviewer(new.reviewer)
        if new.default_threshold != old.default_threshold:
            self.threshold_changed.emit(new.default_threshold)
        if new.database_url != old.database_url:
            self._reconnect(old, new, changes)
        else:
            self._audit(self.services, changes)
            self.info_changed.emit()

    def _reconnect(self, old: Preferences, new: Preferences, changes: dict[str, list[Any]]) -> None:
        url = with_password(resolve_database_url(new.database_url or None))
        reviewer = new.reviewer
        kept = dataclasses.replace(new, database_url=old.database_url)

        def failed(error: BaseException) -> None:
            self.settings.save_preferences(kept)
            self.failed.emit(error)

        task = self.tasks.run(
            QCoreApplication.translate("SettingsFlow", "Connecting to {url}…").format(
                url=describe_url(url)
            ),
            lambda progress: operations.connect(url, reviewer, progress),
            lambda services: self._connected(services, changes),
            rows=False,
            on_failure=failed,
        )
        if task is None:
            self.settings.save_preferences(kept)

    def _connected(self, services: AppServices, changes: dict[str, list[Any]]) -> None:
        previous, self.services = self.services, services
        previous.close()
        self.services_replaced.emit(services)
        self.reload_lists()
        self.runs_changed.emit()
        self.info_changed.emit()
        self._audit(services, changes)
        self.status_message.emit(
            QCoreApplication.translate("SettingsFlow", "Connected to {url}.").format(
                url=services.database_label
            ),
            8000,
        )

    def _audit(self, services: AppServices, changes: dict[str, list[Any]]) -> None:
        reviewer = services.reviewer
        run_in_background(
            lambda _progress: services.audit().append(
                "settings.changed", "settings", {"changed": changes}, reviewer
            ),
            parent=self,
            on_failure=self.failed.emit,
            exclusive=True,
        )
