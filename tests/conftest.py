"""Test-wide set-up: no test touches the real user data directories; Qt runs offscreen."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt or platformdirs: a private data dir and the offscreen platform.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TRADESCREEN_DATA_DIR"] = tempfile.mkdtemp(prefix="tradescreen-test-data-")
os.environ.pop("TRADESCREEN_DATABASE_URL", None)

import pytest

from tests.support.postgres import ThrowawayPostgres, find_pg_bin

REPO = Path(__file__).resolve().parents[1]
REFERENCE_DIR = REPO.parent / "shared" / "reference-lists"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "userdata"
    monkeypatch.setenv("TRADESCREEN_DATA_DIR", str(data))
    monkeypatch.delenv("TRADESCREEN_DATABASE_URL", raising=False)
    return data


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[ThrowawayPostgres]:
    pg_bin = find_pg_bin()
    if pg_bin is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL server binaries are missing in CI (.ci/run installs them)")
        pytest.skip("no PostgreSQL server binaries here; install the postgresql package")
    server = ThrowawayPostgres(pg_bin)
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each supported kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    server: ThrowawayPostgres = request.getfixturevalue("postgres_server")
    return server.create_database(f"t_{uuid.uuid4().hex[:12]}")


@pytest.fixture
def trust_test_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """The throwaway publisher key of ``tests.support.packs`` trusted like the embedded one, for
    tests that import a re-released copy of the bundled pack as the app would (CLI, window)."""
    from core.lists import signing
    from tests.support.packs import TEST_TRUSTED

    for key, public in TEST_TRUSTED.items():
        monkeypatch.setitem(signing.TRUSTED_PUBLISHER_KEYS, key, public)
