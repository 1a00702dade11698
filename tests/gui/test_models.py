"""Every table model of the app passes pytest-qt's model tester, the results also through the
filter proxy while it filters and sorts."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from core.lists.describe import EventLine
from core.lists.model import Action, Status
from core.matching.reasons import Reason, ReasonKind
from core.paths import sample_suppliers_file
from core.review import RunSummary
from core.review.state import ReviewState, review_of
from core.screening.decision import Decision
from core.screening.result import ListingHit, ScreeningResult
from core.spreadsheets import read_supplier_file
from gui.models.lists_models import EntitiesModel, ListsModel
from gui.models.preview_model import PreviewModel
from gui.models.results_model import (
    COL_DECISION,
    COL_SCORE,
    COL_STATUS,
    ResultsFilterProxy,
    ResultsModel,
)
from gui.models.runs_model import RunsModel
from gui.tasks.services import AppServices
from tests.gui.conftest import SAMPLE_DATE


def _hit(row: int, status: Status, list_id: str = "cn-export-control", **kw: object) -> ListingHit:
    base = ListingHit(
        sheet="Vendors",
        row=row,
        supplier_name=f"Supplier {row}",
        supplier_country="US",
        entity_id=f"entity-{row % 7}",
        entity_name=f"Entity {row % 7}",
        entity_name_zh="实体",
        matched_name=f"Entity {row % 7}",
        score=80 + row % 20,
        band="strong",
        reasons=(Reason(ReasonKind.TOKENS_MATCHED, ("entity",)),),
        matched_tokens=("Entity",),
        list_id=list_id,
        status=status,
        since=dt.date(2025, 1, 1),
        until=None,
        announcement="公告",
        source_url="https://example.org",
    )
    return dataclasses.replace(base, **kw)  # type: ignore[arg-type]


def _hits(n: int) -> list[ListingHit]:
    statuses = list(Status)[:4]
    return [
        _hit(i + 2, statuses[i % 4], "us-1260h" if i % 3 else "cn-export-control") for i in range(n)
    ]


def _place(hit: ListingHit) -> tuple[int, str, str]:
    return (hit.row, hit.entity_id, hit.list_id)


def test_results_model_and_proxy(qtmodeltester: ModelTester) -> None:
    model = ResultsModel()
    qtmodeltester.check(model)
    model.set_hits(_hits(300), {}, ["Vendors"])
    qtmodeltester.check(model)
    proxy = ResultsFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filters(statuses=[Status.SUSPENDED], text="supplier 1")
    assert 0 < proxy.rowCount() < model.rowCount()
    assert all(proxy.hit_at(r).status is Status.SUSPENDED for r in range(proxy.rowCount()))
    proxy.sort(COL_SCORE, Qt.SortOrder.DescendingOrder)
    scores = [proxy.hit_at(r).score for r in range(proxy.rowCount())]
    assert scores == sorted(scores, reverse=True)
    qtmodeltester.check(proxy)
    decided = [h.with_decision(Decision.CONFIRMED, "ok", "me", None) for h in model.hits()[:5]]
    model.replace_hits(decided)
    assert model.hit_at(model.row_of(decided[0])).decision == "confirmed"
    proxy.set_filters(decision="confirmed")
    assert proxy.rowCount() == 5
    qtmodeltester.check(proxy)
    model.clear()
    assert proxy.rowCount() == 0


def test_results_model_sorts_every_column_and_keeps_the_selection_row() -> None:
    model = ResultsModel()
    hits = _hits(50)
    model.set_hits(hits, {}, ["Vendors"])
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            assert sorted(model.hits(), key=_place) == sorted(hits, key=_place)
    model.sort(COL_STATUS)
    assert model.hit_at(0).status is Status.ACTIVE
    assert model.index(0, COL_DECISION).data() == ""
    assert review_of(model.hit_at(0)).state is ReviewState.UNDECIDED


def test_results_model_is_cheap_for_100k_hits() -> None:
    import time

    model = ResultsModel()
    hits = _hits(1000) * 100
    hits = [dataclasses.replace(h, row=i) for i, h in enumerate(hits)]
    started = time.perf_counter()
    model.set_hits(hits, {}, ["Vendors"])
    proxy = ResultsFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 100_000
    proxy.sort(COL_SCORE)
    proxy.set_filters(statuses=[Status.ACTIVE])
    assert proxy.rowCount() == 25_000
    assert time.perf_counter() - started < 5


def test_preview_model(qtmodeltester: ModelTester) -> None:
    model = PreviewModel()
    qtmodeltester.check(model)
    table = read_supplier_file(sample_suppliers_file())
    model.set_table(table)
    qtmodeltester.check(model)
    above = len(table.above)
    assert above == 1, "the sample's title row"
    assert model.rowCount() == above + len(table.rows)
    name = table.roles.name
    assert name is not None
    assert "supplier name" in model.headerData(name, Qt.Orientation.Horizontal)
    assert model.index(0, name).data(Qt.ItemDataRole.BackgroundRole) is None  # the title row
    assert model.index(above, name).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.headerData(0, Qt.Orientation.Vertical) == str(table.above[0].row_number)
    assert model.headerData(above, Qt.Orientation.Vertical) == str(table.rows[0].row_number)


def test_lists_and_entities_models(qtmodeltester: ModelTester, services: AppServices) -> None:
    snapshot = services.snapshot()
    lists = ListsModel()
    qtmodeltester.check(lists)
    lists.set_snapshot(snapshot, SAMPLE_DATE)
    qtmodeltester.check(lists)
    assert lists.rowCount() == len(snapshot.lists)
    entities = EntitiesModel()
    qtmodeltester.check(entities)
    entities.set_entities(snapshot, list(snapshot.entities.values())[:40])
    qtmodeltester.check(entities)


def test_runs_model(qtmodeltester: ModelTester) -> None:
    model = RunsModel()
    qtmodeltester.check(model)
    now = dt.datetime(2025, 5, 20, 9, 30, tzinfo=dt.UTC)
    model.set_runs(
        [
            RunSummary(i, f"file{i}.xlsx", "0" * 64, SAMPLE_DATE, now, "me", 60, 13, 19, 88.0, i)
            for i in range(1, 6)
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "file1.xlsx"


def test_an_earlier_decision_that_no_longer_applies_asks_for_review(qtbot: object) -> None:
    from core.screening.result import PriorDecision
    from gui.widgets.detail_pane import DetailPane

    prior = PriorDecision(
        decision=Decision.FALSE_POSITIVE,
        note="other company",
        decided_by="Li Wei",
        decided_at=dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC),
        run_id=1,
        applies=False,
        changes=(
            EventLine(
                "cn-unreliable-entity",
                Action.SUSPENDED,
                dt.date(2025, 5, 14),
                dt.date(2025, 8, 12),
            ),
        ),
    )
    hit = _hit(5, Status.SUSPENDED, "cn-unreliable-entity", prior=prior)
    assert review_of(hit).state is ReviewState.REVIEW_AGAIN
    model = ResultsModel()
    model.set_hits([hit], {}, ["Vendors"])
    assert model.index(0, COL_DECISION).data() == "Review again"
    pane = DetailPane()
    result = _result([hit])
    pane.show_hit(hit, [hit], result, None)
    text = pane.prior.text()
    assert "Cleared before by Li Wei on 2025-03-01" in text and "review again" in text
    assert "cn-unreliable-entity: Suspended from 2025-05-14 until 2025-08-12" in text
    pane.deleteLater()


def _result(hits: list[ListingHit]) -> ScreeningResult:
    from core.screening.result import ScreenedSheet

    now = dt.datetime(2025, 5, 20, tzinfo=dt.UTC)
    sheet = ScreenedSheet("Vendors", 1, ("Vendor Name",), 0, None, 10)
    rows = {(h.sheet, h.row): (h.supplier_name,) for h in hits}
    return ScreeningResult(
        "x.xlsx",
        "0" * 64,
        SAMPLE_DATE,
        88.0,
        ("cn-unreliable-entity",),
        (sheet,),
        hits,
        rows,
        (),
        (),
        "0",
        "me",
        now,
        now,
        1,
    )
