"""A status that rests on a computed date says so: published or computed, with its event."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from core.cli import main
from core.lists.asof import StatusBasis, status_as_of, status_basis
from core.lists.model import Action, ListingEvent, Status

KRATOS = "kratos-unmanned-aerial-systems"
D = dt.date.fromisoformat


def _event(
    action: Action, start: str, until: str | None = None, quality: str = "P1"
) -> ListingEvent:
    return ListingEvent(
        "e", "cn-unreliable-entity", action, D(start), D(until) if until else None, quality=quality
    )


def test_a_lapsed_suspension_is_computed_when_its_end_was_counted_or_is_unconfirmed() -> None:
    added = _event(Action.ADDED, "2025-04-04")
    counted = _event(Action.SUSPENDED, "2025-11-10", "2026-11-10", quality="P1+D")
    printed = _event(Action.SUSPENDED, "2025-11-10", "2026-03-01")
    inside = status_as_of([added, counted], D("2026-01-01"))
    assert inside.status is Status.SUSPENDED
    assert status_basis(inside, D("2026-08-22")) is StatusBasis.PUBLISHED
    after = status_as_of([added, counted], D("2026-12-04"))
    assert (
        after.status is Status.ACTIVE
        and status_basis(after, D("2026-12-04")) is StatusBasis.COMPUTED
    )
    lapsed = status_as_of([added, printed], D("2026-06-01"))
    assert status_basis(lapsed, D("2026-08-22")) is StatusBasis.PUBLISHED  # a source saw it pass
    assert status_basis(lapsed, D("2026-02-01")) is StatusBasis.COMPUTED  # no source after it
    removed = status_as_of([added, _event(Action.REMOVED, "2025-05-01", quality="P2+D+U")],
                           D("2025-06-01"))  # fmt: skip
    assert status_basis(removed, D("2026-08-22")) is StatusBasis.COMPUTED


@pytest.mark.parametrize(
    ("as_of", "status", "basis"),
    [("2026-12-04", "active", "computed"), ("2025-05-20", "suspended", "published")],
)
def test_kratos_on_the_unreliable_entity_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], as_of: str, status: str, basis: str
) -> None:
    supplier = tmp_path / "s.csv"
    supplier.write_text("Supplier\nKratos Unmanned Aerial Systems, Inc.\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    assert main(["--database", url, "screen", str(supplier), "--as-of", as_of, "--json", "-"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    uel = next(
        h for h in hits if h["entity_id"] == KRATOS and h["list_id"] == "cn-unreliable-entity"
    )
    assert (uel["status"], uel["status_basis"]) == (status, basis)
    assert uel["basis_event"]["action"] == "suspended"
