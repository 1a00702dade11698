"""The window survives files made to break the reader: each is one error message, and the
window goes on working (the sample opens after it)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from gui.dialogs import error_dialogs
from gui.window.main_window import MainWindow
from tests.faults.hostile_files import (
    device_links,
    far_cells_workbook,
    inflating_workbook,
    nul_file,
)
from tests.gui.conftest import SAMPLE_DATE, wait_idle

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX devices and links")

HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "inflating workbook": (
        lambda folder: inflating_workbook(folder / "bomb.xlsx", unpacked_mib=200),
        "unpacks to 200 MiB",
    ),
    "workbook that aborts the reader": (
        lambda folder: far_cells_workbook(folder / "far.xlsx"),
        "the workbook reader crashed on it",
    ),
    "link to /dev/zero": (lambda folder: device_links(folder)[0], "is not a regular file"),
    "gigabyte of NUL bytes": (
        lambda folder: nul_file(folder / "nul.csv", 1 << 30),
        "larger than the 512 MiB",
    ),
    "NUL bytes": (lambda folder: nul_file(folder / "nul.csv", 8 << 20), "binary data"),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_the_window_survives_and_says_what_happened(
    kind: str, qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    make, expected = HOSTILE[kind]
    window.controller.open_file(make(tmp_path))
    wait_idle(qtbot, window)
    boxes = [d for d in error_dialogs.shown if isinstance(d, QMessageBox)]
    assert len(boxes) == 1, f"{kind}: one message expected, got {error_dialogs.shown}"
    assert expected in boxes[0].informativeText()
    boxes[0].accept()
    window.controller.open_sample()  # still working
    wait_idle(qtbot, window)
    assert window.isVisible() and window.screen_page.tables


def test_a_file_where_every_row_hits_is_one_message(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the hit limit (lowered here: the million-row case is bench/bench_all_hits.py)
    the window says so, stores nothing, and screens the next file."""
    import csv

    import core.screening.engine as engine

    monkeypatch.setattr(engine, "MAX_HITS", 300)
    source = tmp_path / "all-hits.csv"
    with source.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(
            [["Supplier name", "Country"]] + [["Kratos Unmanned Aerial Systems", "US"]] * 1000
        )
    runs_before = len(window.controller.services.runs().list_runs())
    window.controller.open_file(source)
    wait_idle(qtbot, window)
    window.screen_page.options.date.set_date(SAMPLE_DATE)
    window.start_screening()
    wait_idle(qtbot, window)
    boxes = [d for d in error_dialogs.shown if isinstance(d, QMessageBox)]
    assert len(boxes) == 1 and "more than 300 hits by this row" in boxes[0].informativeText()
    boxes[0].accept()
    assert len(window.controller.services.runs().list_runs()) == runs_before
    window.controller.open_sample()
    wait_idle(qtbot, window)
    assert window.isVisible() and window.screen_page.tables
