"""The Chinese translation: complete, placeholders intact, and switched live from Settings."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from pytestqt.qtbot import QtBot

from core.lists.model import Status
from core.paths import resources_dir
from gui import settings_flow
from gui.i18n import install_language
from gui.labels import status_label
from gui.main_window import MainWindow
from gui.settings import AppSettings
from tests.gui.conftest import KRATOS, find_row

TS = resources_dir() / "translations" / "tradescreen_zh_CN.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}|%[vm]")


def _messages() -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(TS).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            out.append((name, message.findtext("source") or "", translation))
    return out


def test_every_string_is_translated_with_its_placeholders() -> None:
    messages = _messages()
    assert len(messages) > 200
    for context, source, translation in messages:
        assert translation.get("type") is None, f"unfinished: {context}: {source!r}"
        text = translation.text or ""
        assert text.strip(), f"empty: {context}: {source!r}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), source
        if "&" in source and not source.startswith("&&"):
            assert "&" in text, f"lost its keyboard accelerator: {source!r}"
    assert QM.exists() and QM.stat().st_mtime >= TS.stat().st_mtime - 1


def test_the_ts_file_covers_the_source(tmp_path: Path) -> None:
    """Every self.tr(...) in gui/ is in the .ts file (a new string needs pyside6-lupdate)."""
    gui = Path(__file__).resolve().parents[2] / "gui"
    sources = {source for _, source, _ in _messages()}
    literal = re.compile(r"""(?:self\.tr|translate\("\w+",)\(?\s*"((?:[^"\\]|\\.)+)"\s*\)""")
    for path in gui.glob("*.py"):
        for found in literal.findall(path.read_text(encoding="utf-8")):
            text = found.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            assert text in sources, f"{path.name}: {text!r} is not in {TS.name}"


def test_switching_to_chinese_translates_the_window(qtbot: QtBot, screened: MainWindow) -> None:
    win = screened
    row = find_row(win, lambda h: h.entity_id == KRATOS)
    win.results.select_row(row)
    assert install_language("zh_CN")
    assert status_label(Status.SUSPENDED) == "暂停"
    assert win.tabs.tabText(0) == "筛查"
    assert win.tabs.tabText(1) == "结果"
    assert win.actions_.file_menu.title() == "文件(&F)"
    assert win.results.model.headerData(2, win.results.table.horizontalHeader().orientation()) == (
        "供应商"
    )
    assert "暂停" in win.results.detail.statuses.text()
    assert "不可靠实体清单" in win.results.detail.statuses.text()  # the list's Chinese title
    assert win.results.detail.buttons
    assert [b.text() for b in win.results.detail.buttons.values()] == ["确认", "误报", "上报"]
    assert win.screen_page.options.date.today.text() == "今天"
    install_language("en")
    assert win.tabs.tabText(0) == "Screen"
    assert win.results.detail.buttons
    assert "Suspended" in win.results.detail.statuses.text()


def test_language_from_the_settings_dialog(
    qtbot: QtBot, window: MainWindow, settings: AppSettings
) -> None:
    dialog = settings_flow.open_settings(window)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.accept()
    assert window.tabs.tabText(2) == "清单"
    assert window.windowTitle() == "TradeScreen"
    assert AppSettings().preferences().language == "zh_CN"
    qtbot.waitUntil(
        lambda: any(e.action == "settings.changed" for e in window.services.audit().entries())
    )
