"""The engine factory, migrations and unit of work on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from core.errors import DatabaseError
from core.store.database import Database, default_database_url, resolve_database_url
from core.store.models import ListRelease


def test_new_database_is_migrated_to_head(database_url: str) -> None:
    db = Database(database_url)
    tables = set(db.table_names())
    assert {"alembic_version", "list_releases", "lists", "entities", "listing_events"} <= tables
    with db.engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar()
    Database(database_url).dispose()  # a second open migrates nothing and does not fail
    db.dispose()


def test_unit_of_work_rolls_back_on_error(database_url: str) -> None:
    db = Database(database_url)
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(
            ListRelease(publisher="p", version="v", data_cutoff=__import__("datetime").date.today(),
                        checksum="c" * 64, manifest="{}", source="", bundled=False,
                        imported_at=__import__("datetime").datetime.now())
        )  # fmt: skip
        session.flush()
        raise RuntimeError("boom")
    with db.session() as session:
        assert session.query(ListRelease).count() == 0
    db.dispose()


def test_sqlite_uses_wal(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'wal.db'}")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    db.dispose()


def test_default_url_is_in_the_user_data_dir(_private_data_dir: Path) -> None:
    assert default_database_url() == f"sqlite:///{_private_data_dir / 'tradescreen.db'}"


def test_url_resolution_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TRADESCREEN_DATABASE_URL", "sqlite:///from-env.db")
    assert resolve_database_url(None) == "sqlite:///from-env.db"
    assert resolve_database_url("sqlite:///explicit.db") == "sqlite:///explicit.db"
    assert resolve_database_url(str(tmp_path / "plain.db")) == f"sqlite:///{tmp_path / 'plain.db'}"


def test_file_that_is_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError, match="cannot open the database"):
        Database(f"sqlite:///{bogus}")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        Database(f"sqlite:///{tmp_path}")


def test_unreachable_postgres_is_a_clear_error() -> None:
    with pytest.raises(DatabaseError, match="cannot open the database"):
        Database("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
