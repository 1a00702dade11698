"""The configuration file the window and the CLI share: where it is, precedence, no secrets."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from core import config
from core.cli import main
from core.logs import remove_file_log


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary HOME with no data-folder override: the platform's own folders under it."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("TRADESCREEN_DATA_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
                 "XDG_CACHE_HOME", *(o.env for o in config.OPTIONS)):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    yield home
    remove_file_log()


def test_the_file_is_in_the_user_config_folder(home: Path) -> None:
    assert config.config_path() == home / ".config" / "TradeScreen" / "config.toml"


def test_the_file_sets_the_cli_database_env_and_flag_override_it(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configured, from_env, from_flag = (tmp_path / f"{n}.db" for n in ("file", "env", "flag"))
    config.save_preferences(config.Preferences(database_url=f"sqlite:///{configured}"))
    assert main(["lists"]) == 0
    assert configured.exists()
    assert not (home / ".local" / "share" / "TradeScreen" / "tradescreen.db").exists()
    monkeypatch.setenv("TRADESCREEN_DATABASE_URL", f"sqlite:///{from_env}")
    assert main(["runs"]) == 0
    assert from_env.exists()
    assert main(["runs", "--database", f"sqlite:///{from_flag}"]) == 0
    assert from_flag.exists()


def test_reviewer_threshold_and_lists_come_from_the_file(home: Path) -> None:
    prefs = config.Preferences("Li Wei", 91.5, "", "zh_CN", ("us-1260h",))
    config.save_preferences(prefs)
    assert config.stored_preferences() == prefs
    assert config.effective() == prefs
    assert config.effective({"reviewer": "Bo", "language": None}).reviewer == "Bo"
    env = {"TRADESCREEN_THRESHOLD": "80", "TRADESCREEN_LISTS": "cn-export-control, us-1260h"}
    chosen = config.effective(environ=env)
    assert chosen.default_threshold == 80.0
    assert chosen.default_lists == ("cn-export-control", "us-1260h")
    assert chosen.reviewer == "Li Wei"


def test_a_password_is_never_written(home: Path) -> None:
    url = "postgresql+psycopg://screen:s3cret@db.example.org:5432/trade"
    path = config.save_preferences(dataclasses.replace(config.Preferences(), database_url=url))
    text = path.read_text(encoding="utf-8")
    assert "s3cret" not in text
    assert config.stored_preferences().database_url == (
        "postgresql+psycopg://screen@db.example.org:5432/trade"
    )


def test_text_with_quotes_and_chinese_round_trips(home: Path) -> None:
    prefs = config.Preferences(reviewer='张 "Zhang" \\ 伟\t', language="zh_CN")
    config.save_preferences(prefs)
    assert config.stored_preferences().reviewer == '张 "Zhang" \\ 伟'  # stripped, as typed


@pytest.mark.parametrize(
    ("line", "message"),
    [("default_threshold = 140", "default_threshold = 140"), ("language = 'fr'", "language"),
     ("reviewer = [", "cannot read the configuration file")],
)  # fmt: skip
def test_a_bad_file_is_a_clear_error(
    home: Path, line: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config.config_path().parent.mkdir(parents=True)
    config.config_path().write_text(line + "\n", encoding="utf-8")
    assert main(["lists"]) == 1
    err = capsys.readouterr().err
    assert message in err and str(config.config_path()) in err
    assert len(err.strip().splitlines()) == 1


def test_keys_of_a_newer_version_are_ignored(home: Path) -> None:
    config.config_path().parent.mkdir(parents=True)
    config.config_path().write_text(
        "schema_version = 7\nreviewer = 'Ana'\n[window]\ncolour = 'blue'\n", encoding="utf-8"
    )
    assert config.stored_preferences().reviewer == "Ana"


def test_a_missing_password_is_asked_for_only_when_nothing_can_supply_it(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core import secrets

    monkeypatch.setattr(secrets, "_keyring", lambda: None)  # as on a machine without one
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(home / "no-pgpass"))
    url = "postgresql+psycopg://screen@db.example.org/trade"
    assert secrets.needs_password(url)
    assert not secrets.needs_password("sqlite:///x.db")
    assert not secrets.needs_password("postgresql+psycopg://screen:pw@db.example.org/trade")
    assert secrets.put_password(url, "p@ss:word") == (
        "postgresql+psycopg://screen:p%40ss%3Aword@db.example.org/trade"
    )
    assert secrets.url_without_password(secrets.put_password(url, "x")) == url
    monkeypatch.setenv("PGPASSWORD", "from-libpq")
    assert not secrets.needs_password(url)
    assert not secrets.remember_password(secrets.put_password(url, "x")), "no keyring: not kept"


def test_a_keyring_keeps_the_password_the_file_does_not(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core import secrets

    kept: dict[tuple[str, str], str] = {}

    class FakeRing:
        def set_password(self, service: str, user: str, secret: str) -> None:
            kept[(service, user)] = secret

        def get_password(self, service: str, user: str) -> str | None:
            return kept.get((service, user))

    monkeypatch.setattr(secrets, "_keyring", FakeRing)
    url = "postgresql+psycopg://screen:s3cret@db.example.org/trade"
    assert secrets.remember_password(url)
    config.save_preferences(config.Preferences(database_url=url))
    stored = config.stored_preferences().database_url
    assert "s3cret" not in stored
    assert secrets.with_password(stored) == url
