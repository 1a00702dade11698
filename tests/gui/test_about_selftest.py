"""The About dialog shows what core.about gathered; `tradescreen --self-test` answers in a line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

import gui.selftest
from core import __version__
from core.about import AboutInfo, collect_about
from core.lists.catalog import ListCatalog
from core.store.database import Database
from gui.app import main
from gui.dialogs.about import AboutDialog, app_icon


@pytest.fixture
def about_info(database_file: Path) -> AboutInfo:
    db = Database(f"sqlite:///{database_file}")
    try:
        return collect_about(ListCatalog(db))
    finally:
        db.dispose()


def _cells(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_about_dialog_shows_version_releases_data_folder_and_licences(
    qtbot: QtBot, about_info: AboutInfo
) -> None:
    dialog = AboutDialog(about_info)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "titleLabel").text() == f"TradeScreen {__version__}"

    releases = _cells(dialog.findChild(QTableWidget, "releasesTable"))
    assert len(releases) == len(about_info.releases) >= 1
    first = about_info.releases[0]
    assert releases[0][1:3] == [first.version, first.data_cutoff.isoformat()]
    assert "cn-export-control" in releases[0][3]

    folder = dialog.findChild(QLabel, "dataDirLabel").text()
    assert str(about_info.data_dir) in folder

    libraries = {row[0]: row for row in _cells(dialog.findChild(QTableWidget, "librariesTable"))}
    assert libraries["Qt for Python (PySide6)"][2] == "LGPL-3.0-only"
    assert libraries["SQLAlchemy"][2] == "MIT"
    assert libraries["defusedxml"][2] == "PSF-2.0"
    assert all(row[1] != "unknown" for row in libraries.values())
    assert not dialog.grab().isNull()


def test_about_dialog_without_a_database(qtbot: QtBot) -> None:
    dialog = AboutDialog(collect_about(None))
    qtbot.addWidget(dialog)
    assert dialog.findChild(QTableWidget, "releasesTable") is None
    assert dialog.findChild(QLabel, "databaseLabel").text().endswith("-")


def test_app_icon_has_every_size() -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} >= {16, 32, 48, 256}


def test_self_test_opens_the_default_database_and_says_so_on_one_line(
    qapp: object, capsys: pytest.CaptureFixture[str], _private_data_dir: Path
) -> None:
    assert gui.selftest.run_self_test() == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.count("\n") == 1
    assert out.startswith(f"TradeScreen {__version__} self-test ok: 6 lists, ")
    assert (_private_data_dir / "tradescreen.db").exists()


def test_self_test_failure_is_one_line_on_stderr(
    qapp: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRADESCREEN_DATABASE_URL", "nosuchdb://nowhere/db")
    assert gui.selftest.run_self_test() == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("tradescreen: self-test failed: ")
    assert err.count("\n") == 1


def test_main_dispatches_self_test_before_anything_else(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gui.selftest, "run_self_test", lambda: 7)
    assert main(["tradescreen", "--self-test", "--no-such-option"]) == 7
