"""The screening service: one request path, results that are values (never changed after they
are made), and the bundle that owns the database and the matching runtime."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest

from core.paths import sample_suppliers_file
from core.review import Decision, DecisionService, RunStore
from core.review.memory import apply_memory
from core.screening import ScreeningRequest, screen
from core.services import CoreServices
from core.spreadsheets import SheetChoice, read_tables

SAMPLE = sample_suppliers_file()
KRATOS = "kratos-unmanned-aerial-systems"
KRATOS_ROW = 32
AS_OF = dt.date(2025, 5, 20)


@pytest.fixture
def services(database_url: str) -> Iterator[CoreServices]:
    with CoreServices(database_url, "alice") as made:
        yield made


def test_a_result_is_a_value(services: CoreServices) -> None:
    result = screen(ScreeningRequest(SAMPLE, AS_OF), services.snapshot(), user="alice")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.run_id = 5  # type: ignore[misc]


def test_storing_and_remembering_leave_the_result_as_it_was(services: CoreServices) -> None:
    service = services.screening()
    first = service.run(ScreeningRequest(SAMPLE, AS_OF))
    assert first.run_id is not None
    DecisionService(services.db).decide(
        first.run_id, KRATOS_ROW, KRATOS, Decision.FALSE_POSITIVE, "a bakery", by="bob"
    )
    fresh = screen(ScreeningRequest(SAMPLE, AS_OF), services.snapshot(), user="alice")
    hits_before = list(fresh.hits)
    with services.db.session() as session:
        remembered = apply_memory(session, fresh, services.snapshot())
        run_id = RunStore(services.db).save_in(session, remembered, {})
    assert fresh.hits == hits_before and fresh.run_id is None, "the screened result unchanged"
    assert all(h.decision is None for h in fresh.hits)
    cleared = [h for h in remembered.hits if h.entity_id == KRATOS]
    assert cleared and all(h.decision == "false_positive" for h in cleared)
    assert remembered.run_id is None and run_id == first.run_id + 1


def test_tables_read_first_are_screened_as_the_file_would_be(services: CoreServices) -> None:
    """The window's way (tables read, then screened) and the command line's way (the file
    read by the screening) are one pipeline with one result."""
    request = ScreeningRequest(SAMPLE, AS_OF, sheets=SheetChoice.named("Vendors"))
    tables = tuple(read_tables(SAMPLE, request.sheets))
    by_file = services.screening().run(request)
    by_tables = services.screening().run(dataclasses.replace(request, tables=tables))
    assert by_tables.hits == by_file.hits and by_tables.sheets == by_file.sheets
    assert by_tables.input_sha256 == by_file.input_sha256
    runs = RunStore(services.db).list_runs()
    assert [r.run_id for r in runs] == [by_tables.run_id, by_file.run_id]


def test_the_bundle_keeps_one_runtime_across_list_changes(services: CoreServices) -> None:
    before = services.screening()
    services.lists_changed()
    after = services.screening()
    assert after is not before and after.runtime is before.runtime is services.runtime


def test_one_sheet_and_all_sheets_is_a_usage_error() -> None:
    from core.errors import UsageError

    with pytest.raises(UsageError, match="either one sheet or all sheets"):
        SheetChoice("Vendors", all_sheets=True)
