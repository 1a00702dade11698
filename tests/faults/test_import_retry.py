"""A list import is one unit of work that the database runs again when a concurrent writer
made it refuse the import (as decisions, screenings and settings changes are): an import
racing twenty reviewers is stored, every decision too, and the audit chain verifies."""

from __future__ import annotations

import csv
import datetime as dt
import threading
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

import core.lists.catalog as catalog_module
from core.lists.catalog import ImportOrigin, ListCatalog
from core.lists.sources import OwnListOptions
from core.lists.sources.common import file_sha256
from core.lists.sources.own_list import read_own_list
from core.store.database import Database
from tests.faults.test_concurrent_writers import (
    REVIEWERS,
    _decide_at_once,
    _decisions,
    _stored_run,
    _verify,
)


def _own_list(path: Path, names: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "country"])
        writer.writerows([f"Racing Tools {n} Ltd", "GB"] for n in range(names))
    return path


def _import(url: str, path: Path, list_id: str) -> bool:
    db = Database(url, migrate=False)
    try:
        pack = read_own_list(
            path, OwnListOptions(list_id, "Own list"), file_sha256(path), dt.date(2026, 12, 4)
        )
        result = ListCatalog(db).import_release(pack, ImportOrigin(kind="csv", source=str(path)))
        return result.created
    finally:
        db.dispose()


def _imported_lists(url: str) -> set[str]:
    db = Database(url, migrate=False)
    try:
        return {list_id for r in ListCatalog(db).releases() for list_id in r.list_ids}
    finally:
        db.dispose()


@pytest.mark.slow
def test_an_import_racing_reviewers_is_stored_and_the_chain_verifies(
    database_url: str, tmp_path: Path
) -> None:
    run_id, hits = _stored_run(database_url)
    records_before = _verify(database_url)[1]
    source = _own_list(tmp_path / "own.csv", 2000)
    imported: list[bool] = []
    errors: list[str] = []

    def run_import() -> None:
        try:
            imported.append(_import(database_url, source, "own-racing"))
        except Exception as err:  # the test reports every failure, of any kind
            errors.append(f"{type(err).__name__}: {err}")

    importer = threading.Thread(target=run_import)
    importer.start()
    errors += _decide_at_once(database_url, run_id, hits, REVIEWERS)
    importer.join(timeout=120)
    assert errors == [] and imported == [True]
    assert "own-racing" in _imported_lists(database_url)
    assert _decisions(database_url) == REVIEWERS
    ok, records = _verify(database_url)
    assert ok and records == records_before + REVIEWERS + 1


def test_an_import_the_database_refuses_once_runs_again_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A refusal at the audit append (where a concurrent writer shows) rolls back what the
    import stored so far and runs it all again: one release, one audit record."""
    url = f"sqlite:///{tmp_path / 'test.db'}"
    Database(url).dispose()
    real_append = catalog_module.append_in
    calls = []

    def refused_once(*args: object, **kwargs: object) -> object:
        calls.append(args[1])
        if len(calls) == 1:
            raise OperationalError("INSERT INTO audit_log", {}, Exception("database is locked"))
        return real_append(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(catalog_module, "append_in", refused_once)
    assert _import(url, _own_list(tmp_path / "own.csv", 5), "own-retried")
    assert calls == ["lists.imported", "lists.imported"]
    db = Database(url, migrate=False)
    try:
        releases = [r for r in ListCatalog(db).releases() if "own-retried" in r.list_ids]
        assert len(releases) == 1
    finally:
        db.dispose()
    ok, records = _verify(url)
    assert ok and records == 1


def test_an_import_refused_every_time_says_nothing_was_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'test.db'}"
    Database(url).dispose()

    def refused(*_args: object, **_kwargs: object) -> object:
        raise OperationalError("INSERT INTO audit_log", {}, Exception("database is locked"))

    monkeypatch.setattr(catalog_module, "append_in", refused)
    monkeypatch.setattr("core.store.database._RETRY_PAUSE", 0.0)
    with pytest.raises(Exception, match="nothing was stored, try again"):
        _import(url, _own_list(tmp_path / "own.csv", 5), "own-refused")
    assert "own-refused" not in _imported_lists(url)
