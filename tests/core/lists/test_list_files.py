"""Importers of the list files users bring: each on a file in the real format, screened after;
a later file dropping a party; re-import idempotent; bad files refused with file/row/column."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from core.cli import main
from core.errors import ListPackError
from core.lists.catalog import ImportOrigin, ListCatalog
from core.lists.model import Status
from core.lists.sources import OwnListOptions, detect_format, read_list_file
from core.lists.sources import common as sources_common
from core.lists.sources.own_list import read_own_list
from core.store.audit import AuditLog
from core.store.database import Database
from tests.core.lists import list_files as lf


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'lists.db'}"


def _import(url: str, path: Path, *extra: str) -> int:
    return main(["--database", url, "lists", "import", str(path), *extra])


def _screen(url: str, tmp_path: Path, names: list[str], as_of: str) -> list[dict[str, Any]]:
    source = lf.suppliers(tmp_path / f"suppliers-{len(names)}-{as_of}.csv", names)
    out = tmp_path / f"out-{as_of}.json"
    assert main(["--database", url, "screen", str(source), "--as-of", as_of,
                 "--json", str(out)]) == 0  # fmt: skip
    hits: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))["hits"]
    return hits


def test_formats_are_detected_by_header(tmp_path: Path) -> None:
    assert detect_format(lf.opensanctions_csv(tmp_path / "t.csv")).format == "opensanctions"
    assert detect_format(lf.ftm_jsonl(tmp_path / "e.json")).variant == "ftm-json"
    assert detect_format(lf.csl_csv(tmp_path / "c.csv")).format == "csl"
    assert detect_format(lf.csl_json(tmp_path / "c.json")).format == "csl"
    own = lf.write_csv(tmp_path / "o.csv", ["公司名称", "国家"], [["某某公司", "CN"]])
    assert detect_format(own).format == "csv"


def test_opensanctions_csv_imports_and_screens(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(url, lf.opensanctions_csv(tmp_path / "targets.simple.csv")) == 0
    out = capsys.readouterr().out
    assert "licence: CC BY-NC 4.0" in out and "name index ready" in out
    db = Database(url)
    snapshot = ListCatalog(db).snapshot()
    sdn = "os-us-ofac-specially-designated-nationals-sdn-list"
    assert sdn in snapshot.lists and "os-eu-financial-sanctions-files-fsf" in snapshot.lists
    assert snapshot.entities["NK-ivan"].kind == "person"
    assert snapshot.entities["NK-vessel"].kind == "vessel"
    [added] = snapshot.events("NK-acme1", sdn)
    # first_seen (2022-03-01) is a crawl time, never the listing date: the export's date is
    assert added.effective_on == dt.date(2026, 11, 30) and "D" in added.quality
    db.dispose()
    hits = _screen(url, tmp_path, ["Acme Drone Works Limited", "Bakery Ltd"], "2026-12-01")
    assert {(h["entity_id"], h["list_id"], h["status"]) for h in hits} == {
        ("NK-acme1", sdn, "active")
    }


def test_ftm_json_uses_sanction_dates(url: str, tmp_path: Path) -> None:
    assert _import(url, lf.ftm_jsonl(tmp_path / "entities.ftm.json")) == 0
    db = Database(url)
    snapshot = ListCatalog(db).snapshot()
    [listed] = snapshot.events("Q-ftm-co", "os-uk-russia-regime")
    assert listed.effective_on == dt.date(2022, 5, 4)
    assert snapshot.statuses("Q-ftm-p", dt.date(2025, 6, 1))["os-uk-russia-regime"].status is (
        Status.REMOVED
    )
    db.dispose()
    hits = _screen(url, tmp_path, ["Northwind Shipping Limited"], "2023-01-01")
    assert [(h["entity_id"], h["status"], h["since"]) for h in hits] == [
        ("Q-ftm-co", "active", "2022-05-04")
    ]


@pytest.mark.parametrize("maker", [lf.csl_csv, lf.csl_json], ids=["csv", "json"])
def test_csl_imports_one_list_per_source(url: str, tmp_path: Path, maker: Any) -> None:
    path = maker(tmp_path / f"consolidated.{maker.__name__[-3:]}")
    os.utime(path, (1_764_000_000, 1_764_000_000))  # the file's date: 2025-11-24
    assert _import(url, path) == 0
    db = Database(url)
    snapshot = ListCatalog(db).snapshot()
    assert {"csl-el", "csl-sdn"} <= set(snapshot.lists)
    zenith = snapshot.entities["csl-e1"]
    assert zenith.country == "CN" and "天顶光电" in zenith.aliases
    [event] = snapshot.events("csl-e1", "csl-el")
    assert (event.effective_on, event.announcement) == (dt.date(2024, 2, 20), "89 FR 12345")
    assert snapshot.entities["csl-s1"].kind == "person"
    [undated] = snapshot.events("csl-s1", "csl-sdn")
    assert undated.effective_on == dt.date(2025, 11, 24) and "D" in undated.quality
    db.dispose()
    hits = _screen(url, tmp_path, ["天顶光电", "Blue Harbor Trading L.L.C."], "2025-07-01")
    assert {(h["entity_id"], h["status"]) for h in hits} == {
        ("csl-e1", "active"),
        ("csl-e2", "active"),
    }


def test_own_list_with_chinese_headers(url: str, tmp_path: Path) -> None:
    path = lf.write_csv(
        tmp_path / "blocked.csv",
        ["公司名称", "别名", "国家", "列入日期"],
        [["华夏示例贸易有限公司", "华夏示例;Huaxia Example Trading", "CN", "2026-10-01"],
         ["Gamma Parts GmbH", "", "DE", ""]],
    )  # fmt: skip
    assert _import(url, path, "--list-id", "own-blocked", "--title", "Blocked vendors") == 0
    db = Database(url)
    snapshot = ListCatalog(db).snapshot()
    assert snapshot.lists["own-blocked"].name_en == "Blocked vendors"
    assert len([e for e in snapshot.entities if e.startswith("own-blocked:")]) == 2
    db.dispose()
    hits = _screen(url, tmp_path, ["Huaxia Example Trading Co., Ltd."], "2026-10-02")
    assert [(h["list_id"], h["status"], h["since"]) for h in hits] == [
        ("own-blocked", "active", "2026-10-01")
    ]


def test_own_list_from_xlsx_with_named_columns(url: str, tmp_path: Path) -> None:
    path = tmp_path / "ban.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Firm", "Other names", "Since"])
    sheet.append(["Delta Avionics Inc", "Delta AV", dt.date(2026, 11, 20)])
    book.save(path)
    args = ["--list-id", "new-ban", "--title", "New ban", "--name-column", "Firm",
            "--aliases-column", "Other names", "--listed-column", "Since"]  # fmt: skip
    assert _import(url, path, *args) == 0
    hits = _screen(url, tmp_path, ["Delta AV"], "2026-11-21")
    assert [(h["list_id"], h["since"]) for h in hits] == [("new-ban", "2026-11-20")]


def test_later_file_dropping_a_party_removes_it_as_of_that_file(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = lf.opensanctions_csv(tmp_path / "first.csv")
    assert _import(url, first) == 0
    later_rows = [[*r[:15], "2026-12-03T00:00:00"] for r in lf.OS_ROWS if r[0] != "NK-acme1"]
    later = lf.opensanctions_csv(tmp_path / "later.csv", later_rows)
    assert _import(url, later) == 0
    db = Database(url)
    catalog = ListCatalog(db)
    releases = [r for r in catalog.releases() if r.publisher.startswith("OpenSanctions")]
    assert len(releases) == 2  # the later file is a new release, kept beside the earlier one
    sdn = "os-us-ofac-specially-designated-nationals-sdn-list"
    events = catalog.snapshot().events("NK-acme1", sdn)
    assert [e.action.value for e in events] == ["added", "removed"]
    removed = events[-1]
    assert removed.effective_on == dt.date(2026, 12, 3)
    assert removed.quality == "D" and "comparing files" in removed.note
    older = catalog.snapshot([releases[1].release_id])
    assert len(older.events("NK-acme1", sdn)) == 1  # the earlier release is unchanged
    db.dispose()
    hits = _screen(url, tmp_path, ["Acme Drone Works Ltd"], "2026-12-04")
    assert [h["status"] for h in hits] == ["removed"]

    capsys.readouterr()
    assert _import(url, later) == 0  # the same file again changes nothing
    assert "already imported" in capsys.readouterr().out
    db = Database(url)
    assert len(ListCatalog(db).releases()) == 2 + 2  # the two bundled and the two files
    imports = [e for e in AuditLog(db).entries() if e.action == "lists.imported"]
    assert len(imports) == 4
    db.dispose()


def _bad(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("fmt", "content", "message"),
    [
        ("opensanctions", "id,name,schema\nx,y,Company\n",
         r"t\.csv, row 1: not an OpenSanctions targets\.simple\.csv: no column aliases"),
        ("opensanctions", ",".join(lf.OS_COLUMNS) + "\nNK-1,Company,,,,,,,,,,,DS,,,\n",
         r"t\.csv, row 2, column 'name': the name is empty"),
        ("csl", "_id,source,name,alt_names\n1,EL,,\n", r"t\.csv, row 2, column 'name'"),
        ("opensanctions", (",".join(lf.OS_COLUMNS) + "\nNK-1,Company,Caf\xe9,,,,,,,,,,DS,,,\n")
         .encode("latin-1"), r"t\.csv, row 2: the text is not utf-8"),
        ("csv", "Phone,Email\n1,a@b\n", r"t\.csv: no name column found"),
    ],
)  # fmt: skip
def test_bad_files_name_file_row_column_and_import_nothing(
    url: str,
    tmp_path: Path,
    fmt: str,
    content: str | bytes,
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--database", url, "lists"]) == 0  # the database, with the bundled lists
    capsys.readouterr()
    path = _bad(tmp_path, "t.csv", content)
    extra = ["--list-id", "own-x", "--title", "X"] if fmt == "csv" else []
    assert _import(url, path, "--format", fmt, *extra) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert re.search(message, err), err
    db = Database(url)
    assert [r.origin for r in ListCatalog(db).releases()] == ["pack", "pack"]  # bundled only
    db.dispose()


def test_a_two_gigabyte_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:  # sparse: 2 GiB on paper, nothing on disk
        handle.write(b"id,schema,name\n")
        handle.truncate(2 << 30)
    with pytest.raises(ListPackError, match=r"huge\.csv: refused: 2,147,483,648 bytes"):
        read_list_file(path, "opensanctions")


def test_own_list_needs_an_id_and_a_title(tmp_path: Path) -> None:
    path = lf.write_csv(tmp_path / "o.csv", ["name"], [["X Ltd"]])
    with pytest.raises(ListPackError, match="needs a list id and a title"):
        read_list_file(path)
    with pytest.raises(ListPackError, match="use lowercase letters"):
        read_list_file(path, own=OwnListOptions("Bad Id!", "T"))
    assert sources_common.MAX_LIST_FILE_BYTES == 1 << 30


def test_own_list_read_again_another_day_changes_nothing(tmp_path: Path, url: str) -> None:
    path = lf.write_csv(tmp_path / "own.csv", ["name"], [["Omega Tools Ltd"]])
    options = OwnListOptions("own-tools", "Tools")
    sha = sources_common.file_sha256(path)
    assert main(["--database", url, "lists"]) == 0
    db = Database(url)
    catalog = ListCatalog(db)
    origin = ImportOrigin(kind="csv", source=str(path))
    first = catalog.import_release(read_own_list(path, options, sha, dt.date(2026, 12, 1)), origin)
    again = catalog.import_release(read_own_list(path, options, sha, dt.date(2026, 12, 4)), origin)
    assert first.created and not again.created
    assert again.release.release_id == first.release.release_id
    db.dispose()
