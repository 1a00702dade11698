"""The encoding of a text file on the column-check page: the one detected is shown, the
preview shows the rows as decoded (a wrong choice is seen, never silent), a choice reads the
file again and screening uses it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from gui.dialogs import error_dialogs
from gui.window.main_window import MainWindow
from tests.gui.conftest import SAMPLE_DATE, wait_idle

BIG5 = (
    "供應商名稱,國家\n洛克希德·馬丁公司,美國\n漢民科技股份有限公司,台灣\n"
    "某某國際貿易有限公司,香港\n"
)
ASCII_HEADER = "Supplier Name,Country\n" + BIG5.split("\n", 1)[1]


def _open_big5(qtbot: QtBot, window: MainWindow, tmp_path: Path, text: str = BIG5) -> None:
    path = tmp_path / "suppliers-big5.csv"
    path.write_bytes(text.encode("big5hkscs"))
    window.open_file(path)
    wait_idle(qtbot, window)


def test_the_detected_encoding_is_shown_with_the_decoded_rows(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _open_big5(qtbot, window, tmp_path)
    page = window.screen_page
    assert page.encoding_row.isVisibleTo(page) and page.encoding_combo.isEnabled()
    assert page.encoding_combo.currentText() == "Big5 (HKSCS)"
    assert page.encoding_info.text().startswith("detected: Big5 (HKSCS)")
    assert not page.encoding_auto.isEnabled()
    assert page.preview_model.index(0, 0).data() == "洛克希德·馬丁公司"

    page.options.date.set_date(SAMPLE_DATE)
    qtbot.mouseClick(page.screen_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    result = window.results.result
    assert result is not None
    assert {h.row for h in result.hits} == {2}


def test_another_encoding_reads_again_and_a_wrong_one_shows_in_the_preview(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _open_big5(qtbot, window, tmp_path, ASCII_HEADER)
    page = window.screen_page
    page.choose_encoding("gb18030")
    wait_idle(qtbot, window)
    assert page.encoding == "gb18030"
    assert page.encoding_combo.currentText() == "GB18030 (GBK)"
    assert page.encoding_info.text() == "chosen by hand: GB18030 (GBK)"
    shown = page.preview_model.index(0, 0).data()
    assert shown != "洛克希德·馬丁公司" and "洛克希德" not in shown  # mojibake, in plain sight
    assert page.encoding_auto.isEnabled()

    qtbot.mouseClick(page.encoding_auto, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert page.encoding is None
    assert page.preview_model.index(0, 0).data() == "洛克希德·馬丁公司"


def test_an_encoding_that_garbles_the_headers_is_refused_with_them_shown(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _open_big5(qtbot, window, tmp_path)
    page = window.screen_page
    page.choose_encoding("cp1252")
    wait_idle(qtbot, window)
    assert len(error_dialogs.shown) == 1
    dialog = error_dialogs.shown[0]
    assert isinstance(dialog, QMessageBox)
    assert "¨ÑÀ³°Ó¦WºÙ" in dialog.text() + dialog.informativeText()
    # the file as it was read stays, and the box says so
    assert page.encoding_combo.currentText() == "Big5 (HKSCS)"
    assert page.preview_model.index(0, 0).data() == "洛克希德·馬丁公司"


def test_a_workbook_has_no_encoding_row(qtbot: QtBot, window: MainWindow) -> None:
    window.controller.open_sample()
    wait_idle(qtbot, window)
    assert not window.screen_page.encoding_row.isVisibleTo(window.screen_page)
