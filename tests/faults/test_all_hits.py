"""A file where every row hits: a screening either finishes or stops at ``MAX_HITS`` with one
line naming the row, and stores nothing. (The million-row case is ``bench/bench_all_hits.py``:
it takes minutes.)"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import core.screening.engine as engine
from core.cli import main
from core.review import RunStore
from core.store.database import Database


def _all_hits(path: Path, rows: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Supplier name", "Country"])
        writer.writerows(["Kratos Unmanned Aerial Systems", "US"] for _ in range(rows))
    return path


def test_past_the_hit_limit_one_line_and_nothing_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(engine, "MAX_HITS", 300)
    url = f"sqlite:///{tmp_path / 'test.db'}"
    source = _all_hits(tmp_path / "suppliers.csv", 1000)
    assert main(["screen", str(source), "--as-of", "2025-05-20", "--database", url]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err
    # 3 hits per row (the entity is on three lists as of the date): passed on line 102
    assert f"{source}, row 102: more than 300 hits by this row" in err
    db = Database(url)
    assert RunStore(db).list_runs() == []
    db.dispose()


def test_under_the_limit_every_hit_is_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'test.db'}"
    source = _all_hits(tmp_path / "suppliers.csv", 1000)
    assert main(["screen", str(source), "--as-of", "2025-05-20", "--database", url]) == 0
    db = Database(url)
    assert [run.hit_count for run in RunStore(db).list_runs()] == [3000]
    db.dispose()
