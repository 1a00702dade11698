"""The Lists tab's import dialog: it recognises each format, reads in the background, shows a
preview, asks only what it cannot know, and imports; an unsigned pack needs a confirmation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from core.lists.sources.reading import FileReading
from gui.dialogs.import_list import ImportListDialog
from gui.window.main_window import MainWindow
from tests.core.lists import list_files as lf
from tests.gui.conftest import wait_idle
from tests.support.packs import copy_bundled, manifest_of, write_manifest


def _read(qtbot: QtBot, window: MainWindow, path: Path) -> ImportListDialog:
    dialog = window.open_import_dialog(path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.read_button.click()
    qtbot.waitUntil(lambda: dialog.reading is not None, timeout=30_000)
    wait_idle(qtbot, window)
    return dialog


def _imported(qtbot: QtBot, window: MainWindow, dialog: ImportListDialog) -> None:
    with qtbot.waitSignal(window.controller.lists_loaded, timeout=30_000):
        dialog.import_button.click()
    wait_idle(qtbot, window)


@pytest.mark.parametrize(
    ("maker", "name", "fmt", "list_id"),
    [
        (lf.opensanctions_csv, "targets.simple.csv", "opensanctions",
         "os-us-ofac-specially-designated-nationals-sdn-list"),
        (lf.csl_csv, "consolidated.csv", "csl", "csl-el"),
        (lf.csl_json, "consolidated.json", "csl", "csl-el"),
        (lf.ftm_jsonl, "entities.ftm.json", "opensanctions", "os-uk-russia-regime"),
    ],
)  # fmt: skip
def test_each_format_is_recognised_previewed_and_imported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, maker: object, name: str, fmt: str,
    list_id: str,
) -> None:  # fmt: skip
    path = maker(tmp_path / name)  # type: ignore[operator]
    dialog = _read(qtbot, window, path)
    assert dialog.chosen_format() == fmt and not dialog.own.isVisibleTo(dialog)
    assert dialog.preview.rowCount() >= 2
    assert "parties" in dialog.summary.text()
    _imported(qtbot, window, dialog)
    snapshot = window.controller.snapshot
    assert snapshot is not None and list_id in snapshot.lists


def test_own_list_asks_for_id_and_title_with_detected_columns(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = lf.write_csv(
        tmp_path / "供应商黑名单.csv",
        ["公司名称", "别名", "国家"],
        [["华夏示例贸易有限公司", "", "CN"]],
    )
    dialog = window.open_import_dialog(path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.chosen_format() == "csv" and dialog.own.isVisibleTo(dialog)
    assert dialog.columns["name"].currentData() == "公司名称"
    assert dialog.columns["country"].currentData() == "国家"
    dialog.list_id.setText("own-blacklist")
    dialog.title.setText("供应商黑名单")
    dialog.read_button.click()
    qtbot.waitUntil(lambda: dialog.reading is not None, timeout=30_000)
    wait_idle(qtbot, window)
    _imported(qtbot, window, dialog)
    snapshot = window.controller.snapshot
    assert snapshot is not None and snapshot.lists["own-blacklist"].name_en == "供应商黑名单"


def test_unsigned_pack_needs_the_box_and_a_confirmation(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = copy_bundled(tmp_path / "own-pack")
    manifest = manifest_of(pack)
    manifest["publisher"] = "Our team"
    write_manifest(pack, manifest, sign=False)
    dialog = _read(qtbot, window, pack)
    reading: FileReading | None = dialog.reading
    assert reading is not None and not reading.signed
    assert "Not signed" in dialog.summary.text()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[1]))
    dialog.import_button.click()
    assert warned == ["Pack not signed"] and dialog.isVisible()
    dialog.allow_unsigned.setChecked(True)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _imported(qtbot, window, dialog)
    release = window.controller.services.catalog().newest_of("Our team")
    assert release is not None and release.unsigned_allowed
    assert "unsigned, imported by explicit choice" in window.lists_view.releases.text()
