"""GUI test set-up: a fresh database per test (copied from one prepared per session), the real
main window, and checks that no test leaves a worker thread or an error dialog behind."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.lists.catalog import ListCatalog
from core.store.database import Database
from gui.dialogs import error_dialogs
from gui.tasks.services import AppServices
from gui.tasks.settings import AppSettings
from gui.text.i18n import install_language
from gui.window.controller import AppController
from gui.window.main_window import TAB_RESULTS, MainWindow

SAMPLE_DATE = dt.date(2025, 5, 20)
KRATOS = "kratos-unmanned-aerial-systems"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Offscreen Qt says this about every top-level window; it is harmless (platform-notes.md).
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with the bundled lists, made once; tests get a copy."""
    path = tmp_path_factory.mktemp("template") / "tradescreen.db"
    db = Database(f"sqlite:///{path}")
    ListCatalog(db).ensure_bundled()
    db.dispose()
    return path


@pytest.fixture
def database_file(template_database: Path, tmp_path: Path) -> Path:
    path = tmp_path / "tradescreen.db"
    shutil.copyfile(template_database, path)
    return path


@pytest.fixture
def services(database_file: Path) -> Iterator[AppServices]:
    services = AppServices(f"sqlite:///{database_file}", "Test Reviewer")
    yield services
    services.close()


@pytest.fixture
def settings() -> AppSettings:
    return AppSettings()


@pytest.fixture(autouse=True)
def _threads_and_dialogs_cleaned_up(qapp: QApplication) -> Iterator[None]:
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(20_000), "a worker thread is still running"
    QApplication.processEvents()
    assert pool.activeThreadCount() == 0
    for dialog in list(error_dialogs.shown):
        dialog.close()
    error_dialogs.shown.clear()
    install_language("en")


@pytest.fixture
def window(qtbot: QtBot, settings: AppSettings, services: AppServices) -> Iterator[MainWindow]:
    win = MainWindow(AppController(settings, services))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(
        lambda: win.controller.snapshot is not None and win.lists_view.snapshot is not None
    )
    yield win
    if win.controller.task is not None:
        win.controller.task.cancel()
    QThreadPool.globalInstance().waitForDone(20_000)
    QApplication.processEvents()


def wait_idle(qtbot: QtBot, win: MainWindow, timeout: int = 30_000) -> None:
    """Until the window's long task has reported back."""
    qtbot.waitUntil(lambda: win.controller.task is None, timeout=timeout)


@pytest.fixture
def screened(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window after screening the sample file as of 2025-05-20."""
    window.controller.open_sample()
    wait_idle(qtbot, window)
    assert window.screen_page.tables, "the sample file was not read"
    window.screen_page.options.date.set_date(SAMPLE_DATE)
    window.start_screening()
    wait_idle(qtbot, window)
    assert window.results.result is not None
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == TAB_RESULTS)  # a turn later
    return window


def find_row(win: MainWindow, predicate: Callable[..., bool]) -> int:
    proxy = win.results.proxy
    for row in range(proxy.rowCount()):
        if predicate(proxy.hit_at(row)):
            return row
    raise AssertionError("no such hit in the results table")
