"""The window and the CLI share one configuration file and one log file."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from core import config
from core.cli import main as cli
from core.logs import install_file_log, log_path, remove_file_log
from gui.dialogs import error_dialogs
from gui.dialogs.settings_dialog import SettingsDialog
from gui.tasks.settings import SCHEMA_VERSION, AppSettings
from gui.window.main_window import MainWindow
from tests.gui.conftest import wait_idle


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary HOME with no data-folder override: the platform's folders under it."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("TRADESCREEN_DATA_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
                 "XDG_CACHE_HOME", *(o.env for o in config.OPTIONS)):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    yield home
    remove_file_log()


@pytest.fixture
def settings(home: Path, tmp_path: Path) -> AppSettings:
    """The window's own state in a private ini file (Qt caches its native settings path)."""
    return AppSettings(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))


def test_the_database_chosen_in_settings_is_the_clis_database(
    qtbot: QtBot, window: MainWindow, home: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    target = tmp_path / "team" / "team.db"
    dialog = SettingsDialog(window.controller.preferences(), "embedded", window)
    qtbot.addWidget(dialog)
    dialog.shared.setChecked(True)
    dialog.url.setText(f"sqlite:///{target}")
    dialog.reviewer.setText("Alice Zhang")
    old = window.controller.services
    window.controller.apply_preferences(dialog.preferences())
    qtbot.waitUntil(lambda: window.controller.services is not old, timeout=30_000)
    wait_idle(qtbot, window)
    qtbot.waitUntil(
        lambda: any(e.action == "settings.changed" for e in window.controller.services.audit()
                    .entries())
    )  # fmt: skip
    written = home / ".config" / "TradeScreen" / "config.toml"
    assert written.exists()
    assert f'database_url = "sqlite:///{target}"' in written.read_text(encoding="utf-8")
    capsys.readouterr()
    assert cli(["audit", "--json", "-"]) == 0
    records = json.loads(capsys.readouterr().out)["records"]
    change = next(r for r in records if r["action"] == "settings.changed")
    assert change["actor"] == "Alice Zhang"
    assert not (home / ".local" / "share" / "TradeScreen" / "tradescreen.db").exists()


def test_preferences_kept_in_qsettings_move_into_the_file(home: Path, tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    store.setValue("schema_version", 1)
    store.setValue("reviewer", "Wang Fang")
    store.setValue("default_threshold", "85")
    store.sync()
    settings = AppSettings(store)
    assert config.stored_preferences().reviewer == "Wang Fang"
    assert config.stored_preferences().default_threshold == 85.0
    assert settings.preferences().reviewer == "Wang Fang"
    assert not store.contains("reviewer")
    assert int(str(store.value("schema_version"))) == SCHEMA_VERSION


def test_a_screening_in_the_window_is_logged(qtbot: QtBot, window: MainWindow) -> None:
    install_file_log("window")
    window.controller.open_sample()
    wait_idle(qtbot, window)
    window.start_screening()
    wait_idle(qtbot, window)
    remove_file_log()
    lines = log_path().read_text(encoding="utf-8").splitlines()
    assert any("[window]: screened suppliers-sample.xlsx" in line for line in lines), lines


def test_an_unhandled_exception_lands_in_the_log(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    install_file_log("window")
    error_dialogs.install_excepthook()
    try:
        raise RuntimeError("a bug in a slot")
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    remove_file_log()
    text = log_path().read_text(encoding="utf-8")
    assert "CRITICAL gui.crash [window]: unhandled exception" in text
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: a bug in a slot" in text
    dialog = error_dialogs.shown[-1]
    label = dialog.findChild(error_dialogs.QLabel, "crashLogLabel")
    assert label is not None and str(log_path()) in label.text()
    capsys.readouterr()  # the traceback also went to stderr, as before
