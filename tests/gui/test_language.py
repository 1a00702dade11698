"""The Chinese translation: complete, placeholders intact, and switched live from Settings."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from core.errors import InputFileError, UsageError
from core.lists.describe import EventLine
from core.lists.model import Action, ListingEvent, Status
from core.matching.reasons import REASON_SHAPES, Reason, ReasonKind
from core.paths import resources_dir
from gui.dialogs import error_dialogs
from gui.models.results_model import COL_SCORE
from gui.tasks.settings import AppSettings
from gui.text.core_text import REASON_TEMPLATES, band_label, event_line, event_text, reason_text
from gui.text.i18n import install_language
from gui.text.labels import action_label, status_label
from gui.window.main_window import MainWindow
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
    for path in gui.rglob("*.py"):
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
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.accept()
    assert window.tabs.tabText(2) == "清单"
    assert window.windowTitle() == "TradeScreen"
    assert AppSettings().preferences().language == "zh_CN"
    qtbot.waitUntil(
        lambda: any(
            e.action == "settings.changed" for e in window.controller.services.audit().entries()
        )
    )


def test_core_texts_in_the_chinese_detail_pane(qtbot: QtBot, screened: MainWindow) -> None:
    """Reasons, score band and event lines come from the core in English; the window shows
    their kinds in Chinese and their data (words, codes, dates) as they are."""
    win = screened
    win.results.select_row(find_row(win, lambda h: h.entity_id == KRATOS))
    detail = win.results.detail
    hit = detail.hit
    assert hit is not None and Reason(ReasonKind.COUNTRY_AGREES, ("US",)) in hit.reasons
    assert "tokens matched" in detail.why.text() and "(strong)" in detail.why.text()
    assert install_language("zh_CN")
    why = detail.why.text()
    assert "国家/地区一致：US" in why
    assert "已忽略企业组织形式：Inc" in why
    assert "相同的词：Kratos, Unmanned, Aerial, Systems" in why  # the words as printed
    assert "（强匹配）" in why
    assert "tokens matched" not in why and "country agrees" not in why
    row = win.results.proxy.index(win.results.table.currentIndex().row(), COL_SCORE)
    assert "国家/地区一致：US" in row.data(Qt.ItemDataRole.ToolTipRole)  # the score's tooltip
    event = detail.history.timeline.lanes[1].events[0]
    assert event_line(event).startswith("自 ")
    install_language("en")
    assert "country agrees: US" in detail.why.text()


def _example(kind: ReasonKind) -> Reason:
    shape = REASON_SHAPES[kind]
    return Reason(kind, ("alpha", "beta") if shape.words else tuple(f"x{i}" for i in shape.fields))


def test_every_reason_kind_and_every_event_kind_has_chinese_words(
    screened: MainWindow,
) -> None:
    """Whatever module makes a reason, its kind is a ``ReasonKind``: each one needs a template
    in gui.text.core_text and its zh_CN translation, and each listing action its Chinese word."""
    assert set(REASON_TEMPLATES) == set(ReasonKind), "a reason kind has no words in the window"
    reasons = {r for h in screened.results.model.hits() for r in h.reasons}
    assert install_language("zh_CN")
    for reason in sorted(reasons, key=str) + [_example(kind) for kind in ReasonKind]:
        translated = reason_text(reason)
        assert translated != reason.english(), f"not translated: {reason!r}"
        assert not re.search(r"[A-Za-z]{4,}", translated.split("：")[0]), translated
        assert all(part in translated for part in reason.data), translated
    assert reason_text(Reason(ReasonKind.TYPO, ("kratos", "kratso"))) == "拼写差异：kratos ~ kratso"
    assert reason_text(Reason(ReasonKind.COUNTRY_DIFFERS, ("DE", "US"))) == (
        "国家/地区不同：供应商 DE，实体 US"
    )
    for action in Action:
        assert not re.search(r"[A-Za-z]", action_label(action)), action
        line = EventLine("cn-unreliable-entity", action, dt.date(2025, 1, 2))
        assert not re.search(r"[A-Za-z]{4,}", event_text(line, with_list=False)), action
    assert band_label("possible") == "可能匹配"


def test_event_lines_and_error_framing_in_chinese(window: MainWindow) -> None:
    event = ListingEvent(
        entity_id="x",
        list_id="cn-unreliable-entity",
        action=Action.SUSPENDED,
        effective_on=dt.date(2025, 5, 14),
        until=dt.date(2025, 8, 12),
        announcement="公告〔2025〕7号",
    )
    assert install_language("zh_CN")
    assert event_line(event) == "自 2025-05-14 起暂停，至 2025-08-12（公告〔2025〕7号）"
    lists = window.controller.snapshot.lists if window.controller.snapshot else {}
    line = EventLine.of(event)
    assert event_text(line, lists) == (
        "不可靠实体清单：自 2025-05-14 起暂停，至 2025-08-12（公告〔2025〕7号）"
    )
    added = EventLine("cn-unreliable-entity", Action.ADDED, dt.date(2025, 1, 2))
    assert event_text(added, with_list=False) == "自 2025-01-02 起列入"
    box = error_dialogs.show_error(window, InputFileError("/tmp/a.xlsx", "is damaged"))
    assert isinstance(box, QMessageBox)
    assert box.text() == "无法读取此文件。" and box.informativeText() == "/tmp/a.xlsx: is damaged"
    usage = error_dialogs.show_error(window, UsageError("No header row 9 in a.csv"))
    assert isinstance(usage, QMessageBox) and usage.text() == "无法使用此选项。"
    assert usage.windowTitle() == "TradeScreen"
