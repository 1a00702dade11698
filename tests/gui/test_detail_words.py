"""The detail pane explains a hit in the words of the names, as the supplier file and the list
printed them, never in the stems the matcher compares (issue 17, point 5)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gui.text.i18n import install_language
from gui.window.main_window import MainWindow
from tests.gui.conftest import find_row

SUPPLIER = "General Atomics Aeronautical Systems"  # a row of the sample file
WORDS = "General, Atomics, Aeronautical, Systems"


def test_the_detail_pane_names_the_words_as_printed(qtbot: QtBot, screened: MainWindow) -> None:
    win = screened
    win.results.select_row(find_row(win, lambda h: h.supplier_name == SUPPLIER))
    detail = win.results.detail
    assert detail.hit is not None and detail.hit.supplier_name == SUPPLIER
    why = detail.why.text()
    assert f"tokens matched: {WORDS}" in why
    assert "atomic," not in why and "system<" not in why and "system," not in why
    assert install_language("zh_CN")
    try:
        assert WORDS in detail.why.text()  # the kind in Chinese, the words as printed
    finally:
        install_language("en")
