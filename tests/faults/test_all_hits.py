"""A file where every row hits: a screening finishes and stores every hit (held compactly: a
``HitTable``), or, past ``MAX_HITS``, stops with one line naming the row and stores nothing.
(The million-row case, 3,000,000 hits, is ``bench/bench_all_hits.py``: it takes minutes.)"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

import core.screening.engine as engine
from core.cli import main
from core.review import RunStore
from core.store.database import Database
from core.store.models import RunHit, RunRow


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


@pytest.mark.slow
def test_past_the_old_hit_cap_the_screening_finishes_and_stores_every_hit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """100,000 rows, 300,000 hits: past the 200,000 a screening held before hits were kept
    compactly. Screened, stored (every hit and row), and the run reads back."""
    url = f"sqlite:///{tmp_path / 'test.db'}"
    source = _all_hits(tmp_path / "suppliers.csv", 100_000)
    assert main(["screen", str(source), "--as-of", "2025-05-20", "--database", url]) == 0
    out = capsys.readouterr().out
    assert "100000 of 100000 rows flagged: 100000 active, 200000 suspended" in out
    assert "stored as run 1" in out
    db = Database(url)
    try:
        [run] = RunStore(db).list_runs()
        assert (run.hit_count, run.flagged_rows, run.rows_screened) == (300_000, 100_000, 100_000)
        with db.session() as session:
            assert session.scalar(select(func.count(RunHit.id))) == 300_000
            assert session.scalar(select(func.count(RunRow.id))) == 100_000
            last = session.scalar(select(RunHit).order_by(RunHit.position.desc()).limit(1))
            assert last is not None and (last.position, last.row_number) == (299_999, 100_001)
    finally:
        db.dispose()
