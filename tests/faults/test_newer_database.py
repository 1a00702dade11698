"""A database a newer TradeScreen made (a schema revision this build does not know): one line
saying so, from the CLI and from the window, and the database left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from core.cli import main
from core.store.database import Database

FUTURE = "0099_from_the_future"


def make_newer(url: str) -> None:
    db = Database(url)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": FUTURE})
    db.dispose()


def revision_of(url: str) -> str:
    db = Database(url, migrate=False)
    with db.engine.connect() as connection:
        value = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    db.dispose()
    return str(value)


@pytest.mark.parametrize("command", [["runs"], ["audit", "verify"], ["lists"]])
def test_the_cli_says_update_the_app(
    command: list[str], database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make_newer(database_url)
    assert main(["--database", database_url, *command]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err
    assert f"was created by a newer TradeScreen (revision {FUTURE}); update the app" in err
    assert revision_of(database_url) == FUTURE


def test_the_window_says_update_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    from PySide6.QtWidgets import QMessageBox

    import gui.app

    url = f"sqlite:///{tmp_path / 'newer.db'}"
    make_newer(url)
    monkeypatch.setenv("TRADESCREEN_DATABASE_URL", url)  # the fallback too: nothing else to open
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, _title, message: said.append(message)
    )
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, message: said.append(message)
    )
    assert gui.app.main(["tradescreen", "--database", url]) == 1
    assert len(said) == 1 and "was created by a newer TradeScreen" in said[0]
    assert f"(revision {FUTURE}); update the app" in said[0]
