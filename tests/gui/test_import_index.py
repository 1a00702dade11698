"""A list import in the window builds the name index of the new list data in the same task,
its progress on the window's progress bar; a cancel then keeps the import."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from core.matching.index import BUILD_LABEL
from core.paths import user_data_dir
from core.progress import CallbackProgress
from gui.tasks import operations
from gui.window.main_window import MainWindow
from tests.core.lists import list_files as lf
from tests.gui.conftest import wait_idle


def _own_list(tmp_path: Path, rows: int) -> Path:
    return lf.write_csv(
        tmp_path / "own-big.csv",
        ["Company Name", "Aliases", "Country"],
        [[f"Northwind Orbital {i} Trading Ltd", f"Orbital {i}", "CN"] for i in range(rows)],
    )


def _read(qtbot: QtBot, window: MainWindow, path: Path) -> object:
    dialog = window.open_import_dialog(path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.list_id.setText("own-big")
    dialog.title.setText("Big own list")
    dialog.read_button.click()
    qtbot.waitUntil(lambda: dialog.reading is not None, timeout=60_000)
    wait_idle(qtbot, window)
    return dialog


def test_the_import_task_builds_the_index_with_progress(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = _read(qtbot, window, _own_list(tmp_path, 8000))
    shown: list[tuple[int, int]] = []
    window.controller.progress.connect(lambda done, total, rows: shown.append((done, total)))
    cache = user_data_dir() / "cache"
    before = set(cache.glob("name-index-*"))
    with qtbot.waitSignal(window.controller.lists_loaded, timeout=120_000):
        dialog.import_button.click()  # type: ignore[attr-defined]
    wait_idle(qtbot, window)
    assert set(cache.glob("name-index-*")) - before, "the import saved the new list's index"
    # The index build's reports (over three times the entities) reach the progress bar.
    totals = {total for _, total in shown}
    assert any(total >= 3 * 8000 for total in totals)
    build = [done for done, total in shown if total >= 3 * 8000]
    assert len(set(build)) > 3 and build[-1] == max(totals)
    snapshot = window.controller.snapshot
    assert snapshot is not None and "own-big" in snapshot.lists


def test_cancelling_the_index_build_keeps_the_import(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = _read(qtbot, window, _own_list(tmp_path, 8000))
    reading = dialog.reading  # type: ignore[attr-defined]
    services = window.controller.services
    assert services is not None

    def cancel_in_the_build(done: int, total: int, label: str) -> None:
        if label == BUILD_LABEL and done > 0:
            progress.cancel()

    progress = CallbackProgress(cancel_in_the_build)
    cache = user_data_dir() / "cache"
    before = set(cache.glob("name-index-*"))
    imported = operations.import_list_file(services, reading, False, progress)
    assert imported.created and imported.entities == 8000, "the import is kept"
    assert "own-big" in services.snapshot().lists
    assert set(cache.glob("name-index-*")) == before, "no index saved: the next screening builds it"
