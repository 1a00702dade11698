"""The window and the command line make the same screening request for the same choices: the
stored run's settings do not say where it was screened from."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from core.cli import main
from core.progress import NullProgress
from core.spreadsheets import SheetChoice
from core.store.models import ScreeningRun
from gui.tasks import operations
from gui.tasks.services import AppServices
from gui.widgets.options_panel import ScreenOptions

AS_OF = dt.date(2025, 5, 20)


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "EU"
    first.append(["Supplier Name", "Vendor", "Country"])
    first.append(["Northern Textiles GmbH", "Shield AI", "DE"])
    second = book.create_sheet("US")
    second.append(["Purchase list"])
    second.append(["Supplier Name", "Vendor", "Country"])
    second.append(["Acme Tools", "Skydio Inc.", "US"])
    path = tmp_path / "two-sheets.xlsx"
    book.save(path)
    return path


def _stored(services: AppServices) -> list[dict[str, Any]]:
    with services.db.session() as session:
        runs = session.scalars(select(ScreeningRun).order_by(ScreeningRun.id))
        return [json.loads(run.settings) for run in runs]


def _by_window(
    services: AppServices,
    path: Path,
    sheet: SheetChoice,
    *,
    header_row: int | None = None,
    name_column: str | None = None,
    lists: tuple[str, ...] | None = None,
) -> operations.Screened:
    read = operations.read_file(path, sheet, NullProgress(), header_row=header_row)
    tables = list(read.tables)
    if name_column is not None:  # chosen on the column check, as the combo box does
        tables = [
            dataclasses.replace(
                t, roles=dataclasses.replace(t.roles, name=t.headers.index(name_column))
            )
            for t in tables
        ]
    options = ScreenOptions(as_of=AS_OF, list_ids=lists, threshold=88.0)
    return operations.screen(services, read, tables, options, NullProgress())


CHOICES = {
    "detected": ({"sheet": SheetChoice()}, []),
    "sheet-and-header-row": (
        {"sheet": SheetChoice.named("US"), "header_row": 2},
        ["--sheet", "US", "--header-row", "2"],
    ),
    "all-sheets-and-name-column": (
        {"sheet": SheetChoice.every(), "name_column": "Vendor"},
        ["--all-sheets", "--name-column", "Vendor"],
    ),
    "lists": (
        {"sheet": SheetChoice.named("EU"), "lists": ("us-1260h",)},
        ["--sheet", "EU", "--lists", "us-1260h"],
    ),
}
"""The same choices made in the window (``_by_window``'s arguments) and on the command line."""


@pytest.mark.parametrize(("window", "cli"), CHOICES.values(), ids=CHOICES.keys())
def test_the_window_and_the_cli_store_the_same_settings(
    services: AppServices, workbook: Path, window: dict[str, Any], cli: list[str]
) -> None:
    args = ["screen", str(workbook), "--as-of", AS_OF.isoformat(), "--threshold", "88"]
    assert main([*args, *cli, "--database", services.database_url]) == 0
    screened = _by_window(services, workbook, window.pop("sheet"), **window)
    by_cli, by_window = _stored(services)
    assert by_window == by_cli
    assert screened.result.run_id is not None


def test_the_settings_say_what_was_chosen(services: AppServices, workbook: Path) -> None:
    _by_window(services, workbook, SheetChoice.named("US"), header_row=2, name_column="Vendor")
    [settings] = _stored(services)
    assert settings == {
        "sheet": "US",
        "all_sheets": False,
        "name_column": "Vendor",
        "country_column": None,
        "hs_column": None,
        "header_row": 2,
        "encoding": None,
        "lists": None,
        "threshold": 88.0,
    }


def test_a_column_left_as_detected_is_not_recorded_as_chosen(
    services: AppServices, workbook: Path
) -> None:
    read = operations.read_file(workbook, SheetChoice(), NullProgress())
    options = ScreenOptions(as_of=AS_OF, list_ids=None, threshold=88.0)
    request = operations.screening_request(read, list(read.tables), options)
    assert (request.sheets, request.name_column, request.header_row) == (SheetChoice(), None, None)
    assert request.tables == tuple(read.tables), "the tables read are screened, not read again"
    assert read.chosen == SheetChoice.named("EU"), "the window shows the sheet detected"
