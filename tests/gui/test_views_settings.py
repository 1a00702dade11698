"""The Lists tab, importing a list pack, the Settings dialog (audit, reconnect), window state,
the timeline's spans and the entry point's arguments."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.lists.model import Action, ListingEvent, Status
from core.matching import DEFAULT_THRESHOLD
from core.paths import bundled_pack_dir
from gui.app import parse_arguments
from gui.dialogs.settings_dialog import SettingsDialog
from gui.models.lists_models import ListsModel
from gui.tasks.services import AppServices
from gui.tasks.settings import AppSettings, Preferences
from gui.widgets.timeline_widget import Span, lane_spans
from gui.window.main_window import MainWindow
from tests.gui.conftest import KRATOS, SAMPLE_DATE, wait_idle


def test_lists_view_counts_as_of_a_date_match_the_core(
    qtbot: QtBot, window: MainWindow, services: AppServices
) -> None:
    view = window.lists_view
    window.tabs.setCurrentWidget(view)  # counts are computed when the view is seen
    view.set_as_of(SAMPLE_DATE)
    expected = services.snapshot().counts(SAMPLE_DATE)
    model = view.lists_model
    assert model.rowCount() == len(expected)
    statuses = (Status.ACTIVE, Status.SUSPENDED, Status.PENDING, Status.REMOVED)
    for row in range(model.rowCount()):
        list_id = model.index(row, 1).data()
        for offset, status in enumerate(statuses):
            shown = model.index(row, ListsModel.FIXED + offset).data()
            assert shown == str(expected[list_id].get(status, 0)), (list_id, status)
    export_control = next(
        r for r in range(model.rowCount()) if model.index(r, 1).data() == "cn-export-control"
    )
    assert model.index(export_control, ListsModel.FIXED + 1).data() == "28"  # suspended then
    assert model.index(export_control, 4).data() == "2026-08-22"  # the data cut-off
    # another date, other counts, from the same function
    later = dt.date(2025, 9, 1)
    view.set_as_of(later)
    assert model.index(export_control, ListsModel.FIXED + 1).data() == str(
        services.snapshot().counts(later)["cn-export-control"].get(Status.SUSPENDED, 0)
    )
    # screening date and lists date go together
    window.screen_page.options.date.set_date(SAMPLE_DATE)
    assert view.date.date() == SAMPLE_DATE


def test_entity_browser_shows_the_timeline(qtbot: QtBot, window: MainWindow) -> None:
    view = window.lists_view
    view.set_as_of(SAMPLE_DATE)
    view.search.setText("奎托斯")
    view.run_search()
    assert view.entities_model.rowCount() == 1
    assert view.entities_model.entity_at(0).entity_id == KRATOS
    timeline = view.history.timeline
    assert {lane.list_id for lane in timeline.lanes} == {
        "cn-export-control",
        "cn-unreliable-entity",
        "cn-countermeasures",  # the MFA counter-measure list of the 2026.12.04 release
    }
    assert timeline.as_of == SAMPLE_DATE
    assert "Suspended" in view.entity_info.text()
    assert "source" in view.history.events.text()


def test_import_a_list_pack_in_the_background(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(bundled_pack_dir(), pack)
    window.controller.import_pack(pack)
    wait_idle(qtbot, window)
    assert "already imported" in window.statusBar().currentMessage()
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    manifest["version"] = "broken"
    (pack / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    first = next(p for p in pack.iterdir() if p.suffix == ".csv")
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    window.controller.import_pack(pack)
    wait_idle(qtbot, window)
    from gui.dialogs import error_dialogs

    assert len(error_dialogs.shown) == 1  # a tampered pack: a clear message, nothing imported
    assert window.controller.snapshot is not None


def test_settings_change_reviewer_threshold_language_and_audit(
    qtbot: QtBot, window: MainWindow, settings: AppSettings
) -> None:
    dialog = window.open_settings()
    assert isinstance(dialog, SettingsDialog)
    assert dialog.reviewer.text() == settings.preferences().reviewer
    dialog.reviewer.setText("Alice Zhang")
    dialog.threshold.setValue(80)
    dialog.accept()
    qtbot.waitUntil(
        lambda: any(
            e.action == "settings.changed" for e in window.controller.services.audit().entries()
        )
    )
    assert window.controller.services.reviewer == "Alice Zhang"
    assert window.screen_page.options.threshold.value() == 80
    assert AppSettings().preferences().reviewer == "Alice Zhang"  # stored
    entry = next(
        e for e in window.controller.services.audit().entries() if e.action == "settings.changed"
    )
    assert entry.actor == "Alice Zhang"
    assert entry.details["changed"]["reviewer"][1] == "Alice Zhang"
    assert entry.details["changed"]["default_threshold"] == [DEFAULT_THRESHOLD, 80]
    assert window.controller.services.audit().verify().ok
    assert "Alice Zhang" in window.status_info.text()


def test_settings_switch_the_database(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, tmp_path: Path
) -> None:
    old = window.controller.services
    target = tmp_path / "other" / "team.db"
    prefs = settings.preferences()
    window.controller.apply_preferences(
        Preferences(prefs.reviewer, prefs.default_threshold, f"sqlite:///{target}", prefs.language),
    )
    qtbot.waitUntil(lambda: window.controller.services is not old, timeout=30_000)
    wait_idle(qtbot, window)
    assert target.exists()
    assert str(target) in window.controller.services.database_url
    qtbot.waitUntil(lambda: window.lists_view.lists_model.rowCount() > 0)
    qtbot.waitUntil(
        lambda: any(
            e.action == "settings.changed" for e in window.controller.services.audit().entries()
        )
    )
    assert AppSettings().preferences().database_url == f"sqlite:///{target}"


def test_a_database_that_cannot_open_keeps_the_old_one(
    qtbot: QtBot, window: MainWindow, settings: AppSettings, tmp_path: Path
) -> None:
    from gui.dialogs import error_dialogs

    old = window.controller.services
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    prefs = settings.preferences()
    window.controller.apply_preferences(
        Preferences(prefs.reviewer, prefs.default_threshold, f"sqlite:///{folder}", prefs.language),
    )
    wait_idle(qtbot, window)
    assert window.controller.services is old
    assert len(error_dialogs.shown) == 1
    assert AppSettings().preferences().database_url == ""


def test_window_state_and_recent_files_are_remembered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "v.csv"
    path.write_text("Vendor Name,Country\nShield AI,US\n", encoding="utf-8")
    window.open_file(path)
    wait_idle(qtbot, window)
    window.resize(1100, 700)
    window.close()
    QApplication.processEvents()
    again = AppSettings()
    assert again.recent_files()[0] == str(path)
    assert again.last_directory() == str(tmp_path)
    assert again.window_state("geometry") is not None
    assert window.actions_.recent_menu.actions()[0].toolTip() == str(path)


def test_lane_spans_follow_the_core_as_of_rules() -> None:
    def event(action: Action, day: str, until: str | None = None) -> ListingEvent:
        return ListingEvent(
            KRATOS,
            "cn-unreliable-entity",
            action,
            dt.date.fromisoformat(day),
            dt.date.fromisoformat(until) if until else None,
        )

    spans = lane_spans(
        [
            event(Action.ADDED, "2025-04-04"),
            event(Action.SUSPENDED, "2025-05-14", "2025-08-12"),
            event(Action.REMOVED, "2025-10-01"),
        ]
    )
    d = dt.date.fromisoformat
    assert spans == (
        Span(d("2025-04-04"), d("2025-05-14"), Status.ACTIVE),
        Span(d("2025-05-14"), d("2025-08-12"), Status.SUSPENDED),
        Span(d("2025-08-12"), d("2025-10-01"), Status.ACTIVE),
        Span(d("2025-10-01"), None, Status.REMOVED),
    )


def test_arguments() -> None:
    options, rest = parse_arguments(
        ["suppliers.xlsx", "--database", "sqlite:///x.db", "-style", "fusion"]
    )
    assert options.file == "suppliers.xlsx"
    assert options.database == "sqlite:///x.db"
    assert rest == ["-style", "fusion"]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_settings_dialog_offers_both_languages(qtbot: QtBot, language: str) -> None:
    prefs = Preferences("me", 88, "", language)
    dialog = SettingsDialog(prefs, "sqlite:///x.db")
    qtbot.addWidget(dialog)
    assert dialog.preferences() == prefs
    dialog.shared.setChecked(True)
    dialog.url.setText("postgresql+psycopg://u@h/db")
    assert dialog.preferences().database_url == "postgresql+psycopg://u@h/db"


def test_help_about_opens_the_about_dialog(qtbot: QtBot, window: MainWindow) -> None:
    from gui.dialogs.about import AboutDialog

    window.actions_.about.trigger()
    dialog = window.dialog
    assert isinstance(dialog, AboutDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.close()


def test_uncaught_exceptions_reach_the_crash_dialog(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from gui.dialogs import error_dialogs
    from gui.dialogs.error_dialogs import CrashDialog, install_excepthook

    monkeypatch.setattr(sys, "excepthook", lambda *args: None)  # the previous hook: stay quiet
    install_excepthook()
    try:
        raise ValueError("a bug in a slot")
    except ValueError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert isinstance(error_dialogs.shown[-1], CrashDialog)
    assert "ValueError: a bug in a slot" in error_dialogs.shown[-1].details
