"""Controlled items by HS code and description, as of a date, from the notices' own dates."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core.cli import main
from core.lists.asof import StatusBasis
from core.lists.catalog import ListCatalog
from core.lists.items import hs_digits, item_states
from core.lists.model import Status
from core.report import write_report
from core.review import RunStore
from core.screening import ScreeningRequest
from core.screening.item_hits import ItemHit, ItemSignal
from core.services.screening import ScreeningService
from core.spreadsheets.headers import EXACT, PARTIAL, role_strength
from core.store.database import Database

SAMARIUM_METAL = "cn-re-2025-18-sm-1c902a"
SAMARIUM_OXIDE = "cn-re-2025-18-sm-1c902b"
ERBIUM = "cn-re-2025-57-er"
PURCHASES = (
    "Supplier,HS Code,Goods description,Qty\n"
    "Baotou Rare Earth Trading Co.,2805.30.19 10,samarium metal ingots,100\n"
    "Ganzhou Oxide Ltd,2846901940,Samarium oxide 99.9%,50\n"
    "Jiangxi Metals,2805301990,铒金属,20\n"
    "Tangshan Steel,7208.51.00,hot-rolled steel plate,500\n"
    "Hunan Magnets,,SmCo magnets with samarium,10\n"
)


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    ListCatalog(database).ensure_bundled()
    yield database
    database.dispose()


@pytest.fixture
def purchases(tmp_path: Path) -> Path:
    path = tmp_path / "purchases.csv"
    path.write_text(PURCHASES, encoding="utf-8")
    return path


def _hits(db: Database, path: Path, as_of: str) -> list[ItemHit]:
    service = ScreeningService(db, user="li.wei")
    result = service.run(ScreeningRequest(path, dt.date.fromisoformat(as_of)))
    return list(result.item_hits)


def _by_row(hits: list[ItemHit], row: int) -> dict[str, ItemHit]:
    return {h.item_id: h for h in hits if h.row == row}


def test_the_bundled_release_brings_its_items(db: Database) -> None:
    snapshot = ListCatalog(db).snapshot()
    assert len(snapshot.items) == 32
    states = {s.item.item_id: s for s in item_states(snapshot.items, dt.date(2026, 12, 4), None)}
    assert sum(1 for s in states.values() if s.status.status is Status.ACTIVE) == 32


def test_samarium_is_controlled_from_2025_04_04_not_before(db: Database, purchases: Path) -> None:
    assert not _by_row(_hits(db, purchases, "2025-04-03"), 2)
    row = _by_row(_hits(db, purchases, "2025-04-04"), 2)
    metal = row[SAMARIUM_METAL]
    assert metal.status is Status.ACTIVE and metal.since == dt.date(2025, 4, 4)
    assert metal.signal is ItemSignal.HS_CODE and metal.matched_code == "2805301910"
    assert metal.words == ("samarium",)  # the description agrees
    assert metal.status_basis is StatusBasis.PUBLISHED
    assert "2025年第18号" in metal.control_ref


def test_erbium_suspended_in_june_2026_and_controlled_again_from_2026_11_10(
    db: Database, purchases: Path
) -> None:
    june = _by_row(_hits(db, purchases, "2026-06-09"), 4)[ERBIUM]
    assert june.status is Status.SUSPENDED and june.until == dt.date(2026, 11, 10)
    assert june.status_basis is StatusBasis.PUBLISHED
    assert june.words == ("铒",) and june.matched_code == "28053019"
    assert "2025年第70号" in june.basis_ref
    november = _by_row(_hits(db, purchases, "2026-11-10"), 4)[ERBIUM]
    assert november.status is Status.ACTIVE
    # the suspension's printed end lies after the newest source: nobody has confirmed it
    assert november.status_basis is StatusBasis.COMPUTED


def test_the_must_show_file_as_of_2026_06_09(db: Database, purchases: Path) -> None:
    hits = _hits(db, purchases, "2026-06-09")
    assert _by_row(hits, 2)[SAMARIUM_METAL].status is Status.ACTIVE
    assert _by_row(hits, 3)[SAMARIUM_OXIDE].status is Status.ACTIVE
    assert _by_row(hits, 4)[ERBIUM].status is Status.SUSPENDED
    assert not _by_row(hits, 5), "a steel HS code never matches"


def test_an_hs_code_matches_by_prefix_at_the_printed_length(db: Database, purchases: Path) -> None:
    row = _by_row(_hits(db, purchases, "2026-06-09"), 4)  # 2805301990
    assert SAMARIUM_METAL not in row  # 2805301910 is not a prefix of 2805301990
    assert {h.matched_code for h in row.values()} == {"28053019"}
    assert hs_digits("2805.30.19 10") == "2805301910" and hs_digits("n/a") == ""


def test_a_description_alone_is_a_weaker_signal_one_hit_per_word(
    db: Database, purchases: Path
) -> None:
    row = _by_row(_hits(db, purchases, "2026-06-09"), 6)
    assert len(row) == 1
    (hit,) = row.values()
    assert hit.signal is ItemSignal.DESCRIPTION and hit.matched_code == ""
    assert hit.words == ("samarium",) and hit.item_name_zh == "钐"


def test_hs_code_headers_are_detected() -> None:
    for header in ("HS Code", "HS编码", "商品编码", "海关编码", "Tariff No."):
        assert role_strength("hs_code", header) in (EXACT, PARTIAL), header
    assert role_strength("hs_code", "Supplier Name") == 0
    assert role_strength("description", "品名") == EXACT


def test_hs_column_override_and_the_json_item_hits(
    tmp_path: Path, purchases: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed = tmp_path / "renamed.csv"
    renamed.write_text(PURCHASES.replace("HS Code", "Code"), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--database", url, "screen", str(renamed), "--as-of", "2026-06-09",
                 "--json", "-"]) == 0  # fmt: skip
    detected = json.loads(capsys.readouterr().out)
    assert all(h["signal"] == "description" for h in detected["item_hits"])
    assert main(["--database", url, "screen", str(renamed), "--as-of", "2026-06-09",
                 "--hs-column", "Code", "--json", "-"]) == 0  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    erbium = next(h for h in data["item_hits"] if h["item_id"] == ERBIUM and h["row"] == 4)
    assert erbium["status"] == "suspended" and erbium["until"] == "2026-11-10"
    assert erbium["status_basis"] == "published" and erbium["matched_code"] == "28053019"
    assert erbium["words"] == ["铒"] and erbium["signal"] == "hs_code"
    assert main(["--database", url, "screen", str(renamed), "--as-of", "2026-06-09",
                 "--hs-column", "Nope"]) == 2  # fmt: skip
    assert "No column 'Nope'" in capsys.readouterr().err


def test_items_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--database", url, "items", "--as-of", "2026-06-09", "--json", "-"]) == 0
    items = {i["item_id"]: i for i in json.loads(capsys.readouterr().out)["items"]}
    assert items[ERBIUM]["status"] == "suspended"
    assert items[SAMARIUM_METAL]["hs_codes"][0] == "2805301910"
    assert main(["--database", url, "items", "--as-of", "2025-04-03"]) == 0
    text = capsys.readouterr().out
    assert f"{SAMARIUM_METAL}" in text and "not yet in force" in text


def test_item_hits_are_stored_and_the_report_has_an_items_sheet(
    db: Database, purchases: Path, tmp_path: Path
) -> None:
    service = ScreeningService(db, user="li.wei")
    result = service.run(ScreeningRequest(purchases, dt.date(2026, 6, 9)))
    assert result.run_id is not None
    loaded = RunStore(db).load(result.run_id)
    assert loaded.item_hits == result.item_hits
    ws = load_workbook(write_report(loaded, tmp_path / "r.xlsx"))["Items"]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    assert header[:6] == ("Sheet", "Row", "Supplier", "HS code in the file", "Status",
                          "Status basis")  # fmt: skip
    erbium = next(r for r in rows[1:] if r[header.index("Chinese name")] == "铒" and r[1] == 4)
    assert erbium[header.index("Status")] == "suspended"
    assert erbium[header.index("Until")].date() == dt.date(2026, 11, 10)
    assert "description names 铒" in erbium[header.index("Matched by")]
    assert not any(r[1] == 5 for r in rows[1:])
