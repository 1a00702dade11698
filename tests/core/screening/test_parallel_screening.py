"""A large file is matched in worker processes: the result is the in-process one, row for row,
and the screening still succeeds when the workers cannot run."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from core.cli import main
from core.lists.pack import read_pack
from core.lists.snapshot import ListSnapshot
from core.matching import pool as pool_module
from core.matching import runtime as runtime_module
from core.matching.pool import MatchPool
from core.matching.runtime import MatchingRuntime, SizeHint
from core.paths import bundled_pack_dir, sample_suppliers_file, user_data_dir
from core.progress import NullProgress

FILLER = ["Northwind", "Traders", "Contoso", "Pacific", "Logistics", "Supply", "Fabrikam"]


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[MatchPool]:
    """Every worker pool started (the CLI's runtime stops its workers when the command ends)."""
    started: list[MatchPool] = []

    class Recorded(MatchPool):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            started.append(self)

    monkeypatch.setattr(runtime_module, "MatchPool", Recorded)
    return started


@pytest.fixture
def runtime() -> Iterator[MatchingRuntime]:
    with MatchingRuntime(min_names=500) as made:
        yield made


@pytest.fixture
def snapshot() -> ListSnapshot:
    pack = read_pack(bundled_pack_dir())
    return ListSnapshot.build(pack.lists, pack.entities, pack.events)


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    """The sample's suppliers (many listed) among 2,000 other companies, as CSV."""
    sheet = openpyxl.load_workbook(sample_suppliers_file())["Vendors"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header_at = next(i for i, r in enumerate(rows) if "Vendor Name" in r)
    name_col, country_col = rows[header_at].index("Vendor Name"), rows[header_at].index("Country")
    sample = [(r[name_col], r[country_col] or "") for r in rows[header_at + 1 :] if r[name_col]]
    path = tmp_path / "vendors.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Vendor Name", "Country"])
        for n in range(2000):
            out.writerow([f"{FILLER[n % 7]} {FILLER[(n * 3) % 7]} {n} Ltd", "US"])
            if n % 40 == 0:
                out.writerows(sample[(n // 40) % len(sample) :][:3])
    return path


def screen(tmp_path: Path, path: Path) -> dict[str, Any]:
    out = tmp_path / f"result-{len(list(tmp_path.glob('result-*')))}.json"
    assert main(["screen", str(path), "--as-of", "2025-05-20", "--json", str(out)]) == 0
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_workers_give_the_in_process_result(
    tmp_path: Path, big_file: Path, monkeypatch: pytest.MonkeyPatch, pools: list[MatchPool]
) -> None:
    monkeypatch.setenv("TRADESCREEN_MATCH_WORKERS", "0")
    alone = screen(tmp_path, big_file)
    assert not pools
    monkeypatch.setenv("TRADESCREEN_MATCH_WORKERS", "2")
    monkeypatch.setattr(runtime_module, "PARALLEL_MIN_NAMES", 500)
    spread = screen(tmp_path, big_file)
    assert len(pools) == 1, "the workers did the matching"
    assert len(alone["hits"]) > 50
    assert spread["hits"] == alone["hits"]
    assert spread["rows_screened"] == alone["rows_screened"] > 2000


def test_a_list_import_leaves_the_name_index_saved(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cache = user_data_dir() / "cache"
    assert not list(cache.glob("name-index-*.index"))
    assert main(["lists", "import", str(bundled_pack_dir())]) == 0
    assert "name index ready" in capsys.readouterr().out
    assert len(list(cache.glob("name-index-*.index"))) == 1


def test_workers_that_cannot_start_leave_the_work_here_and_the_cli_says_so(
    tmp_path: Path,
    big_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    pools: list[MatchPool],
) -> None:
    monkeypatch.setenv("TRADESCREEN_MATCH_WORKERS", "0")
    alone = screen(tmp_path, big_file)

    def no_processes(*args: object, **kwargs: object) -> None:
        raise OSError("no semaphores on this system")

    monkeypatch.setenv("TRADESCREEN_MATCH_WORKERS", "2")
    monkeypatch.setattr(runtime_module, "PARALLEL_MIN_NAMES", 500)
    monkeypatch.setattr(pool_module, "ProcessPoolExecutor", no_processes)
    capsys.readouterr()
    assert screen(tmp_path, big_file)["hits"] == alone["hits"]
    assert not pools
    assert (
        "tradescreen-cli: warning: cannot start matching processes: no semaphores on this "
        "system; matching in this process instead (slower)"
    ) in capsys.readouterr().err


def test_a_large_file_read_starts_the_workers_before_the_screening(
    monkeypatch: pytest.MonkeyPatch, runtime: MatchingRuntime, snapshot: ListSnapshot
) -> None:
    monkeypatch.setenv("TRADESCREEN_MATCH_WORKERS", "2")
    assert runtime.expect(snapshot, SizeHint(rows=499)) is None
    assert runtime.pool is None, "a small file is matched in this process"
    started = runtime.expect(snapshot, SizeHint(rows=500))
    assert started is not None
    assert runtime.pool is started
    assert runtime.expect(snapshot, SizeHint(rows=5000)) is started, "the running workers are kept"
    runtime.close()
    assert runtime.pool is None


def test_the_runtime_decides_once_from_the_first_size_known(
    monkeypatch: pytest.MonkeyPatch,
    runtime: MatchingRuntime,
    snapshot: ListSnapshot,
    pools: list[MatchPool],
) -> None:
    """One rule, at whichever point the size is known first (the file's bytes before it is
    read, its rows once read, its names at matching); once started, the workers are used."""
    monkeypatch.setenv("TRADESCREEN_MATCH_WORKERS", "2")
    assert runtime.wants_workers(SizeHint(file_bytes=runtime.min_bytes))
    assert not runtime.wants_workers(SizeHint(file_bytes=runtime.min_bytes - 1))
    assert runtime.wants_workers(SizeHint(rows=500)) and not runtime.wants_workers(SizeHint())
    assert not runtime.wants_workers(SizeHint(file_bytes=1 << 30, names=499)), "names decide"
    started = runtime.expect(snapshot, SizeHint(file_bytes=runtime.min_bytes))
    assert started is not None
    names = [("Kratos Unmanned Aerial Systems", ("US",))]
    found = runtime.match_names(snapshot, names, 80.0, total=1, progress=NullProgress())
    assert found, "the few names went to the workers already running"
    assert runtime.expect(snapshot, SizeHint(rows=10)) is started
    assert pools == [started], "started once"


def test_a_small_screening_is_matched_in_this_process(
    runtime: MatchingRuntime, snapshot: ListSnapshot, pools: list[MatchPool]
) -> None:
    names = [("Kratos Unmanned Aerial Systems", ("US",))]
    found = runtime.match_names(snapshot, names, 80.0, total=1, progress=NullProgress())
    assert found and not pools and runtime.pool is None
