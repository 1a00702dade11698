"""Screening results built by hand for the report tests, and a reader for the saved file."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from core.lists.describe import EventLine
from core.lists.model import Action, Status
from core.lists.pack import read_pack
from core.lists.snapshot import FreshnessWarning, ListSnapshot, ReleaseInfo
from core.matching.reasons import Reason, ReasonKind
from core.paths import bundled_pack_dir
from core.report import write_report
from core.screening.decision import Decision
from core.screening.result import ListingHit, PriorDecision, ScreenedSheet, ScreeningResult

SHEET = "Suppliers"
HEADERS = ("Supplier", "Country", "Onboarded", "Remarks")
FORMULA_NAME = '=HYPERLINK("http://x","y")'
CHINESE_NAME = "杭州海康威视数字技术股份有限公司"
RELEASE = ReleaseInfo(
    release_id=3,
    publisher="TradeScreen reference data",
    version="2025.05.01",
    data_cutoff=dt.date(2025, 5, 1),
    checksum="ab" * 32,
    imported_at=dt.datetime(2025, 5, 2, 9, 30, tzinfo=dt.UTC),
    list_ids=("cn-export-control", "cn-unreliable-entity", "us-1260h"),
)
DECIDED_AT = dt.datetime(2025, 3, 1, 10, 0, tzinfo=dt.UTC)


def make_hit(row: int, name: str, status: Status, list_id: str, **extra: Any) -> ListingHit:
    fields: dict[str, Any] = {
        "sheet": SHEET,
        "row": row,
        "supplier_name": name,
        "supplier_country": "",
        "entity_id": f"e-{row}",
        "entity_name": f"Entity {row} Ltd.",
        "entity_name_zh": "",
        "matched_name": f"Entity {row}",
        "score": 91.26,
        "band": "strong",
        "reasons": (
            Reason(ReasonKind.TOKENS_MATCHED, ("entity",)),
            Reason(ReasonKind.LEGAL_FORM_IGNORED, ("Ltd.",)),
        ),
        "matched_tokens": ("entity",),
        "list_id": list_id,
        "status": status,
        "since": dt.date(2025, 4, 10),
        "until": None,
        "announcement": "公告〔2025〕7号",
        "source_url": f"https://example.org/notice/{row}",
    }
    fields.update(extra)
    return ListingHit(**fields)


def make_result(**changes: Any) -> ScreeningResult:
    """Five flagged rows: a suspended US company, a Chinese name, formula-looking names, a
    false positive remembered from before and one whose listing changed since."""
    rows = {
        (SHEET, 5): ("Kratos UAS Inc.", "US", dt.date(2020, 1, 15), "drones"),
        (SHEET, 6): (CHINESE_NAME, "中国", dt.date(2019, 7, 1), "摄像头"),
        (SHEET, 7): (FORMULA_NAME, "US", None, "@SUM(A1)"),
        (SHEET, 8): ("+1-555", "US", None, "-2+3"),
        (SHEET, 9): ("Acme Trading", "HK", dt.datetime(2021, 3, 4, 15, 30), None),
    }
    prior_applies = PriorDecision(
        decision=Decision.FALSE_POSITIVE, note="different company, checked USCC",
        decided_by="li.wei", decided_at=DECIDED_AT, run_id=12, applies=True,
    )  # fmt: skip
    prior_lapsed = PriorDecision(
        decision=Decision.FALSE_POSITIVE, note="not them", decided_by="li.wei",
        decided_at=DECIDED_AT, run_id=12, applies=False,
        changes=(EventLine("cn-unreliable-entity", Action.ADDED, dt.date(2025, 4, 4),
                           announcement="公告〔2025〕5号"),),
    )  # fmt: skip
    hits = [
        make_hit(5, "Kratos UAS Inc.", Status.SUSPENDED, "cn-export-control",
                 entity_name="Kratos Unmanned Aerial Systems, Inc.",
                 entity_name_zh="奎托斯无人机系统公司", until=dt.date(2025, 8, 12)),
        make_hit(5, "Kratos UAS Inc.", Status.ACTIVE, "cn-unreliable-entity",
                 entity_name="Kratos Unmanned Aerial Systems, Inc.", since=dt.date(2025, 1, 2)),
        make_hit(6, CHINESE_NAME, Status.ACTIVE, "us-1260h", entity_name_zh=CHINESE_NAME,
                 matched_name=CHINESE_NAME, score=100.0,
                 reasons=(Reason(ReasonKind.CHINESE_NAME),)),
        make_hit(7, FORMULA_NAME, Status.PENDING, "cn-unreliable-entity",
                 upcoming=(EventLine("cn-unreliable-entity", Action.ADDED,
                                    dt.date(2025, 6, 1)),)),
        make_hit(8, "+1-555", Status.REMOVED, "us-1260h", since=dt.date(2024, 1, 31)),
        make_hit(9, "Acme Trading", Status.ACTIVE, "cn-export-control", prior=prior_applies,
                 decision=Decision.FALSE_POSITIVE, decision_note=prior_applies.note,
                 decided_by="li.wei", decided_at=DECIDED_AT),
        make_hit(9, "Acme Trading", Status.ACTIVE, "cn-unreliable-entity", entity_id="e-9b",
                 prior=prior_lapsed),
    ]  # fmt: skip
    fields: dict[str, Any] = {
        "input_path": "/data/in/suppliers 2025.xlsx",
        "input_sha256": "0123456789abcdef" * 4,
        "as_of": dt.date(2025, 5, 20),
        "threshold": 85.0,
        "list_ids": ("cn-export-control", "cn-unreliable-entity", "us-1260h"),
        "sheets": (ScreenedSheet(SHEET, 2, HEADERS, 0, 1, 8),),
        "hits": hits,
        "rows": rows,
        "releases": (RELEASE,),
        "freshness": (FreshnessWarning(RELEASE, dt.date(2025, 5, 20)),),
        "app_version": "0.1.0",
        "user": "zhang.san",
        "started_at": dt.datetime(2025, 5, 20, 8, 0, 0, tzinfo=dt.UTC),
        "finished_at": dt.datetime(2025, 5, 20, 8, 0, 3, tzinfo=dt.UTC),
        "run_id": 42,
        "all_rows": {
            SHEET: [
                (3, ("Plain Supplier GmbH", "DE", None, None)),
                (4, ("Another Co.", "FR", None, "=1+1")),
                *[(n, rows[(SHEET, n)]) for n in range(5, 10)],
                (10, ("Last Ltd", "GB", None, None)),
            ]
        },
    }
    fields.update(changes)
    return ScreeningResult(**fields)


@pytest.fixture
def result() -> ScreeningResult:
    return make_result()


@pytest.fixture
def report(tmp_path: Path, result: ScreeningResult) -> Path:
    return write_report(result, tmp_path / "report.xlsx", all_rows=True)


@pytest.fixture
def workbook(report: Path) -> Any:
    return load_workbook(report)


def sheet_xml(path: Path, index: int) -> str:
    """The XML of the ``index``-th (1-based) worksheet of a saved workbook."""
    with zipfile.ZipFile(path) as archive:
        return archive.read(f"xl/worksheets/sheet{index}.xml").decode("utf-8")


def column_of(ws: Any, header: str) -> int:
    """1-based column of ``header`` in the first row of ``ws``."""
    for cell in ws[1]:
        if cell.value == header:
            return int(cell.column)
    raise AssertionError(f"no column {header!r}")


def labelled(ws: Any) -> dict[str, Any]:
    """Label -> value of the label/value rows of the Summary or Audit sheet."""
    out: dict[str, Any] = {}
    for label, value, *_ in ws.iter_rows(values_only=True):
        if isinstance(label, str) and label not in out:
            out[label] = value
    return out


@pytest.fixture(scope="session")
def bundled_snapshot() -> ListSnapshot:
    """The bundled list data straight from the pack, with its release recorded."""
    pack = read_pack(bundled_pack_dir())
    manifest = pack.manifest
    release = ReleaseInfo(
        release_id=1,
        publisher=manifest.publisher,
        version=manifest.version,
        data_cutoff=manifest.data_cutoff,
        checksum=manifest.checksum,
        imported_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        list_ids=tuple(lst.list_id for lst in pack.lists),
    )
    return ListSnapshot.build(pack.lists, pack.entities, pack.events, [release])
