"""Text widths for sizing columns and wrapped rows."""

from __future__ import annotations

import pytest

from core.report.layout import column_width
from core.report.measure import text_units, widest_line, wrapped_lines


def test_chinese_counts_double() -> None:
    assert text_units("华为") == 4
    assert text_units("ＡＢ") == 4  # full-width Latin
    assert text_units("0000") == 4
    assert text_units("illicit") < 7 < text_units("MMMMMMM")


def test_widest_line_of_several() -> None:
    assert widest_line("short\nmuch longer line") == text_units("much longer line")
    assert widest_line("") == 0


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("", 10, 1),
        ("Skydio, Inc.", 30, 1),
        ("tokens matched: skydio; legal form ignored: Inc.; country agrees: US", 34, 2),
        ("one\ntwo\nthree", 30, 3),
        ("通用原子航空系统公司", 20, 2),
        ("https://www.mofcom.gov.cn/zcfb/blgg/gg/2025/art/2025/art_67b1b070edcb42e2.html", 20, 4),
    ],
)
def test_wrapped_lines(text: str, width: float, lines: int) -> None:
    assert wrapped_lines(text, width) == lines


def test_column_width_is_capped_and_fits_the_header_words() -> None:
    assert column_width("Score", ["100.0"], cap=7) == 7
    assert column_width("Annual Spend (USD)", ["1567090.93"], cap=28) < 14
    assert column_width("Row", [], cap=8) >= 6
    assert column_width("Name", ["华为技术有限公司"], cap=40) > 16
    assert column_width("Name", ["x" * 200], cap=28) == 28
