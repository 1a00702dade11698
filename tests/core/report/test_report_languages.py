"""The Excel report and the one-page PDF summary in English and in Chinese: the same tests for
both languages, words from the one catalogue (``core.report.words``), lists by their titles."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.lists.model import Status
from core.report import write_report
from core.report.pdf_summary import write_pdf_summary
from core.report.words import LANGUAGES, ReportText
from core.screening.result import ScreeningResult
from core.store.audit import AuditHead
from tests.core.report.conftest import make_hit, make_result

TITLES = {
    "cn-export-control": ("Export Control Control List", "出口管制管控名单"),
    "cn-unreliable-entity": ("Unreliable Entity List", "不可靠实体清单"),
    "us-1260h": ("Chinese Military Companies list (Section 1260H)", ""),
}
HEAD = AuditHead(17, "f5a07ad5" * 8)


def text_of(language: str) -> ReportText:
    return ReportText(language, TITLES)


def pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext is missing in CI (scripts/dev.py installs poppler-utils)")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          check=True, timeout=60)  # fmt: skip
    return done.stdout.decode("utf-8")


def pages(path: Path) -> int:
    return path.read_bytes().count(b"/Type /Page\n") or path.read_bytes().count(b"/Type /Page ")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_flagged_sheet_speaks_the_language_and_names_lists_by_title(
    tmp_path: Path, language: str
) -> None:
    text = text_of(language)
    path = write_report(make_result(), tmp_path / "r.xlsx", text=text)
    book = load_workbook(path)
    assert book.sheetnames[:3] == [text.word(k) for k in ("sheet_flagged", "sheet_summary",
                                                          "sheet_audit")]  # fmt: skip
    ws = book[text.word("sheet_flagged")]
    headers = [c.value for c in ws[1]]
    for english in ("Row", "Status", "List", "Matched entity", "Decision"):
        assert text.word(english) in headers
    lists = [
        row[headers.index(text.word("List"))] for row in ws.iter_rows(min_row=2, values_only=True)
    ]
    assert text.list_title("cn-export-control") in lists
    assert "cn-export-control" not in lists, "ids stay in the JSON"
    statuses = {row[headers.index(text.word("Status"))]
                for row in ws.iter_rows(min_row=2, values_only=True)}  # fmt: skip
    assert text.status(Status.SUSPENDED) in statuses
    decisions = {row[headers.index(text.word("Decision"))]
                 for row in ws.iter_rows(min_row=2, values_only=True)}  # fmt: skip
    assert text.decision("false_positive") in decisions
    summary = [c for row in book[text.word("sheet_summary")].iter_rows(values_only=True)
               for c in row if c is not None]  # fmt: skip
    assert summary[0] == text.word("screening_of", input="suppliers 2025.xlsx", as_of="2025-05-20")
    for key in ("input_file", "rows_screened", "flagged_rows", "hits_by_list", "Total"):
        assert text.word(key) in summary, key
    assert text.list_title("cn-unreliable-entity") in summary


def test_the_chinese_words_are_chinese() -> None:
    zh, en = ReportText("zh_CN", TITLES), ReportText("en", TITLES)
    assert zh.word("sheet_flagged") == "标记" and en.word("sheet_flagged") == "Flagged"
    assert zh.list_title("cn-export-control") == "出口管制管控名单"
    assert zh.list_title("us-1260h") == TITLES["us-1260h"][0], "no Chinese title: English"
    assert zh.list_title("unknown-list") == "unknown-list"
    assert zh.status(Status.ACTIVE) == "生效中" and en.status(Status.ACTIVE) == "active"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_summary_is_one_page_with_what_an_officer_signs(
    tmp_path: Path, language: str
) -> None:
    text = text_of(language)
    result = make_result()
    path = write_pdf_summary(result, tmp_path / "summary.pdf", text, HEAD)
    assert path.read_bytes().startswith(b"%PDF")
    assert pages(path) == 1
    shown = pdftotext(path)
    flat = " ".join(shown.split())
    for key in ("supplier_file", "as_of", "releases", "counts", "flagged_rows", "decisions",
                "audit_head", "reviewed_by", "signature"):  # fmt: skip
        assert text.word(key) in flat, key
    assert "2025-05-20" in flat and "suppliers 2025.xlsx" in flat
    assert "TradeScreen reference data 2025.05.01" in flat
    assert text.word("audit_record", seq=17, hash=HEAD.hash) in flat
    assert text.list_title("cn-unreliable-entity") in flat
    assert text.status(Status.PENDING) in flat
    assert text.decision("false_positive") in flat
    decided = text.word("decided", decided=1, flagged=6)  # row 9 matched two entities
    assert decided in flat


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_long_run_still_fits_one_page_and_says_where_the_rest_is(
    tmp_path: Path, language: str
) -> None:
    text = text_of(language)
    many = [make_hit(n, f"Supplier number {n} with a rather long trading name Co., Ltd.",
                     Status.ACTIVE, "cn-export-control") for n in range(10, 70)]  # fmt: skip
    result: ScreeningResult = replace(make_result(), hits=many)
    path = write_pdf_summary(result, tmp_path / "long.pdf", text, None)
    assert pages(path) == 1
    flat = " ".join(pdftotext(path).split())
    assert text.word("more_hits", n=0).split("0")[0].strip("…") in flat
    assert text.word("audit_none") in flat


def test_a_pdf_that_cannot_be_written_is_a_clear_error(tmp_path: Path) -> None:
    from core.errors import UserFacingError

    with pytest.raises(UserFacingError, match="does not exist"):
        write_pdf_summary(make_result(), tmp_path / "missing" / "s.pdf")
    with pytest.raises(UserFacingError, match=r"name it \.pdf"):
        write_pdf_summary(make_result(), tmp_path / "s.xlsx")


def test_the_audit_sheet_prints_the_trail_head_in_both_languages(tmp_path: Path) -> None:
    from tests.support.audit_head import report_head

    result = make_result()
    english = write_report(result, tmp_path / "en.xlsx", audit_head=HEAD)
    assert report_head(english) == str(HEAD) == f"17:{'f5a07ad5' * 8}"
    text = ReportText("zh_CN", TITLES)
    chinese = write_report(result, tmp_path / "zh.xlsx", text=text, audit_head=HEAD)
    assert report_head(chinese, text.word("sheet_audit"), "审计链头") == str(HEAD)
    none = write_report(result, tmp_path / "none.xlsx")
    workbook = load_workbook(none, read_only=True)
    labels = {r[0]: r[1] for r in workbook["Audit"].iter_rows(values_only=True) if len(r) > 1}
    workbook.close()
    assert labels["Audit trail head"] == "not available"
