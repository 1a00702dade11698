"""The real timeline, as a table: entity, list, date -> status (and suspension end)."""

from __future__ import annotations

import datetime as dt

import pytest

from core.lists.asof import status_as_of
from core.lists.snapshot import ListSnapshot

D = dt.date.fromisoformat
KRATOS = "kratos-unmanned-aerial-systems"
UEL = "cn-unreliable-entity"
CONTROL = "cn-export-control"

# entity, list, as of, expected status, expected until (suspended only), why
TIMELINE = [
    (KRATOS, UEL, "2025-04-03", "not_listed", None, "before 〔2025〕7号 took effect"),
    (KRATOS, UEL, "2025-04-04", "active", None, "〔2025〕7号 effective the day it was published"),
    (KRATOS, UEL, "2025-04-05", "active", None, "listed by 〔2025〕7号"),
    (KRATOS, UEL, "2025-05-13", "active", None, "the day before the Geneva suspension"),
    (KRATOS, UEL, "2025-05-14", "suspended", "2025-08-12", "suspended for 90 days"),
    (KRATOS, UEL, "2025-05-20", "suspended", "2025-08-12", "inside the first window"),
    (KRATOS, UEL, "2025-08-12", "suspended", "2025-11-10", "extension replaces the window"),
    (KRATOS, UEL, "2025-09-01", "suspended", "2025-11-10", "still suspended"),
    (KRATOS, UEL, "2025-11-06", "suspended", "2025-11-10", "extension announced, not yet in force"),
    (KRATOS, UEL, "2025-12-01", "suspended", "2026-11-10", "extended one year"),
    (KRATOS, UEL, "2026-11-09", "suspended", "2026-11-10", "last day of the window"),
    (KRATOS, UEL, "2026-11-10", "active", None, "the window lapses on its until date"),
    (KRATOS, CONTROL, "2025-04-09", "pending", None, "第22号 announced, effective next day"),
    (KRATOS, CONTROL, "2025-04-10", "active", None, "第22号 in force"),
    (KRATOS, CONTROL, "2025-05-20", "suspended", "2025-08-12", "28 companies suspended"),
    (KRATOS, CONTROL, "2025-08-12", "removed", None, "measures stopped (停止执行)"),
    (KRATOS, CONTROL, "2025-09-01", "removed", None, "stays removed"),
    ("alibaba-group-holding", "us-1260h", "2026-06-07", "not_listed", None, "before the edition"),
    ("alibaba-group-holding", "us-1260h", "2026-06-08", "active", None, "2026-06-08 edition"),
]


@pytest.mark.parametrize(("entity", "list_id", "as_of", "status", "until", "why"), TIMELINE)
def test_real_timeline(
    bundled_snapshot: ListSnapshot,
    entity: str,
    list_id: str,
    as_of: str,
    status: str,
    until: str | None,
    why: str,
) -> None:
    result = status_as_of(bundled_snapshot.events(entity, list_id), D(as_of))
    assert result.status.value == status, why
    assert result.until == (D(until) if until else None), why


def _batch(snapshot: ListSnapshot, list_id: str, announcement: str) -> list[str]:
    return sorted(
        entity_id
        for entity_id in snapshot.entities
        if any(e.announcement == announcement for e in snapshot.events(entity_id, list_id))
    )


def test_export_control_batch_of_2025_04_09_is_pending_then_active(
    bundled_snapshot: ListSnapshot,
) -> None:
    batch = _batch(bundled_snapshot, CONTROL, "商务部公告2025年第22号")
    assert len(batch) == 12
    for entity in batch:
        events = bundled_snapshot.events(entity, CONTROL)
        assert status_as_of(events, D("2025-04-09")).status.value == "pending"
        assert status_as_of(events, D("2025-04-10")).status.value == "active"


def test_uel_batch_of_2025_04_09_is_removed_by_september(bundled_snapshot: ListSnapshot) -> None:
    batch = _batch(bundled_snapshot, UEL, "不可靠实体清单工作机制公告〔2025〕8号")
    assert len(batch) == 6
    for entity in batch:
        events = bundled_snapshot.events(entity, UEL)
        assert status_as_of(events, D("2025-04-09")).status.value == "pending"
        assert status_as_of(events, D("2025-09-01")).status.value == "removed"


def test_explanation_fields_for_a_suspension(bundled_snapshot: ListSnapshot) -> None:
    status = status_as_of(bundled_snapshot.events(KRATOS, CONTROL), D("2025-05-20"))
    assert status.since == D("2025-04-10")  # listed since
    assert status.suspended_since == D("2025-05-14")
    assert status.basis is not None and status.basis.action.value == "suspended"


def test_announced_extension_shows_as_upcoming(bundled_snapshot: ListSnapshot) -> None:
    status = status_as_of(bundled_snapshot.events(KRATOS, UEL), D("2025-11-06"))
    assert [e.until for e in status.upcoming] == [D("2026-11-10")]


def test_freshness_warning_after_cutoff(bundled_snapshot: ListSnapshot) -> None:
    from core.lists.snapshot import ReleaseInfo

    release = ReleaseInfo(1, "pub", "v1", D("2026-08-22"), "x" * 64, dt.datetime.now(dt.UTC), ())
    snap = ListSnapshot.build([], [], [], [release])
    assert snap.freshness(D("2026-08-22")) == []
    [warning] = snap.freshness(D("2026-11-23"))
    assert warning.days_after_cutoff == 93
    assert "2026-08-22" in warning.message and "90 days" in warning.message
