"""The controller on its own, without a window: it reads, screens, decides, exports and
applies settings, and says everything by signal (errors too: it opens no dialog)."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from core.errors import UserFacingError
from core.lists.catalog import ImportResult
from core.lists.model import Status
from core.matching import DEFAULT_THRESHOLD
from core.paths import bundled_pack_dir
from core.screening.decision import Decision
from gui.dialogs import error_dialogs
from gui.tasks import operations
from gui.tasks.screen_options import ScreenOptions
from gui.tasks.services import AppServices
from gui.tasks.settings import AppSettings
from gui.window.controller import AppController
from tests.gui.conftest import KRATOS, SAMPLE_DATE
from tests.support.audit_head import report_head

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def controller(settings: AppSettings, services: AppServices) -> Iterator[AppController]:
    ctl = AppController(settings, services)
    yield ctl
    ctl.shutdown()
    QThreadPool.globalInstance().waitForDone(20_000)
    QApplication.processEvents()
    if ctl.services is not services:  # connected to another database meanwhile
        ctl.services.close()
    ctl.deleteLater()


def _read_sample(qtbot: QtBot, controller: AppController) -> operations.ReadFile:
    with qtbot.waitSignal(controller.file_read, timeout=30_000) as read:
        controller.open_sample()
    assert isinstance(read.args[0], operations.ReadFile)
    return read.args[0]


def test_the_controller_alone_reads_screens_decides_and_exports(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    busy: list[bool] = []
    labels: list[str] = []
    messages: list[str] = []
    progress: list[tuple[int, int, bool]] = []
    controller.busy_changed.connect(busy.append)
    controller.started.connect(labels.append)
    controller.status_message.connect(lambda text, _ms: messages.append(text))
    controller.progress.connect(lambda done, total, rows: progress.append((done, total, rows)))

    read = _read_sample(qtbot, controller)
    assert sum(len(t.rows) for t in read.tables) == 60
    assert busy == [True, False] and not controller.busy()  # idle when the result comes
    assert labels == ["Reading suppliers-sample.xlsx…"]
    assert messages[-1].endswith(": 60 rows read.")

    options = ScreenOptions(SAMPLE_DATE, None, DEFAULT_THRESHOLD)
    shown: list[object] = []
    controller.screened.connect(shown.append)
    with qtbot.waitSignals([controller.screened, controller.runs_changed], timeout=60_000):
        controller.screen(read.tables, options)
    [screened] = shown
    assert isinstance(screened, operations.Screened)
    result = screened.result
    assert result.run_id is not None and result.as_of == SAMPLE_DATE
    kratos = [h for h in result.hits if h.entity_id == KRATOS]
    # suspended on the MOFCOM lists; active on cn-countermeasures (外交部令第14号, 2024-12-05)
    assert kratos and {h.list_id: h.status for h in kratos} == {
        "cn-export-control": Status.SUSPENDED,
        "cn-unreliable-entity": Status.SUSPENDED,
        "cn-countermeasures": Status.ACTIVE,
    }
    assert busy == [True, False, True, False]
    assert progress and all(rows for _done, _total, rows in progress)

    with qtbot.waitSignal(controller.decided, timeout=30_000) as decided:
        controller.decide(kratos[0], result.run_id, Decision.FALSE_POSITIVE, "another Kratos")
    run_id, hits = decided.args
    assert run_id == result.run_id
    assert hits and all(h.decision == "false_positive" for h in hits)
    assert messages[-1] == "Decision saved."

    target = tmp_path / "report.xlsx"
    with qtbot.waitSignal(controller.exported, timeout=30_000) as exported:
        controller.export_result(result, target, False)
    assert exported.args == [target] and target.exists()
    assert controller.last_export == target
    assert controller.last_directory() == str(tmp_path)
    # The window's report carries the audit trail's head, after the decision it recorded.
    head = controller.services.audit().head()
    assert head is not None
    assert report_head(target) == str(head)


def test_a_result_not_stored_is_not_decided(qtbot: QtBot, controller: AppController) -> None:
    read = _read_sample(qtbot, controller)
    with qtbot.waitSignal(controller.screened, timeout=60_000) as got:
        controller.screen(read.tables, ScreenOptions(SAMPLE_DATE, None, 85))
    hit = got.args[0].result.hits[0]
    messages: list[str] = []
    controller.status_message.connect(lambda text, _ms: messages.append(text))
    with qtbot.assertNotEmitted(controller.decided, wait=100):
        controller.decide(hit, None, Decision.CONFIRMED, "")
    assert messages == ["This result was not stored; screen again."]


def test_one_long_task_at_a_time_and_no_list_no_screening(
    qtbot: QtBot, controller: AppController
) -> None:
    messages: list[str] = []
    controller.status_message.connect(lambda text, _ms: messages.append(text))
    with qtbot.waitSignal(controller.file_read, timeout=30_000):
        controller.open_sample()
        controller.open_sample()  # refused while the first one runs
        assert messages == ["Please wait until the current work ends."]
    assert controller.recent_files() == []  # the sample is not a recent file
    with qtbot.assertNotEmitted(controller.started, wait=50):
        controller.screen([], ScreenOptions(SAMPLE_DATE, (), 85))
    assert messages[-1] == "Choose at least one list to screen against."


def test_errors_come_back_by_signal_not_as_dialogs(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    bad = tmp_path / "suppliers.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not really a workbook" + bytes(200))
    with qtbot.waitSignal(controller.failed, timeout=30_000) as failed:
        controller.open_file(bad)
    assert isinstance(failed.args[0], UserFacingError)
    assert error_dialogs.shown == []
    assert not controller.busy()


def test_screening_right_away_cancels_the_delayed_start_of_the_matching(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    monkeypatch.setattr(
        operations, "prepare_matching", lambda services, rows, progress: asked.append(rows)
    )
    read = _read_sample(qtbot, controller)
    with qtbot.waitSignal(controller.screened, timeout=60_000):
        controller.screen(read.tables, ScreenOptions(SAMPLE_DATE, None, 85))
    qtbot.wait(400)  # past PREPARE_DELAY_MS
    assert asked == []


def test_settings_reviewer_and_threshold_apply_without_reconnecting(
    qtbot: QtBot, controller: AppController, settings: AppSettings
) -> None:
    old = controller.services
    thresholds: list[float] = []
    controller.threshold_changed.connect(thresholds.append)
    prefs = settings.preferences()
    with (
        qtbot.assertNotEmitted(controller.services_replaced),
        qtbot.waitSignal(controller.info_changed),
    ):
        controller.apply_preferences(
            dataclasses.replace(prefs, reviewer="Alice Zhang", default_threshold=80)
        )
    assert thresholds == [80]
    assert controller.services is old and old.reviewer == "Alice Zhang"
    qtbot.waitUntil(lambda: any(e.action == "settings.changed" for e in old.audit().entries()))
    with qtbot.assertNotEmitted(controller.info_changed):
        controller.apply_preferences(controller.preferences())  # nothing changed: nothing done


def test_a_database_change_reconnects_and_replaces_the_services(
    qtbot: QtBot, controller: AppController, settings: AppSettings, tmp_path: Path
) -> None:
    old = controller.services
    target = tmp_path / "other" / "team.db"
    prefs = settings.preferences()
    replaced: list[object] = []
    controller.services_replaced.connect(replaced.append)
    with qtbot.waitSignals([controller.services_replaced, controller.lists_loaded], timeout=30_000):
        controller.apply_preferences(dataclasses.replace(prefs, database_url=f"sqlite:///{target}"))
    [new] = replaced
    assert isinstance(new, AppServices) and new is controller.services and new is not old
    assert str(target) in new.database_url and target.exists()
    assert controller.snapshot is not None and controller.snapshot.lists
    qtbot.waitUntil(lambda: any(e.action == "settings.changed" for e in new.audit().entries()))
    assert AppSettings().preferences().database_url == f"sqlite:///{target}"


def test_a_list_pack_chosen_by_its_manifest_is_imported_from_its_folder(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(bundled_pack_dir(), pack)
    imported: list[object] = []
    controller.imported.connect(imported.append)
    with qtbot.waitSignals([controller.imported, controller.lists_loaded], timeout=30_000):
        controller.import_pack(pack / "manifest.json")
    [result] = imported
    assert isinstance(result, ImportResult) and not result.created  # the bundled release


def test_the_controller_and_the_operations_import_no_widgets() -> None:
    """The layers: ``gui.window.controller`` (and everything below it) works without QtWidgets."""
    code = (
        "import sys, gui.window.controller, gui.tasks.operations, gui.tasks.task_runner\n"
        "import gui.tasks.screen_options\n"
        "widgets = [m for m in sys.modules if m == 'PySide6.QtWidgets']\n"
        "assert not widgets, widgets\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)
