"""The one engine factory and unit of work.

``Database(url)`` opens (creating and migrating with Alembic when needed) an SQLite file or a
PostgreSQL database. ``db.session()`` is the unit of work: it commits on success and rolls
back on any exception. ``db.transaction(work)`` is the unit of work of a write that other
clients of a shared database may race (every write that appends to the audit trail): when the
database refuses it because of a concurrent write, the whole unit is run again, a bounded
number of times.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from core.errors import DatabaseError
from core.paths import user_data_dir

ENV_URL = "TRADESCREEN_DATABASE_URL"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
WRITE_ATTEMPTS = 8
"""Runs of one unit of work before a conflict with concurrent writers is reported."""
_RETRY_PAUSE = 0.05  # seconds, doubled per attempt (with jitter) up to about 3 s in all
_CONFLICT_STATES = frozenset({"40001", "40P01", "55P03"})
"""PostgreSQL: serialisation failure, deadlock detected, lock not available."""
T = TypeVar("T")


def default_database_url() -> str:
    return f"sqlite:///{user_data_dir() / 'tradescreen.db'}"


def resolve_database_url(explicit: str | None = None) -> str:
    """The URL to use: an explicit one (``--database``), then the environment, then the default.

    A plain file path (no ``scheme://``) means an SQLite file there.
    """
    url = explicit or os.environ.get(ENV_URL) or default_database_url()
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


def describe_url(url: str) -> str:
    """The URL without its password, for messages and the audit sheet."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


class Database:
    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.engine, self.read_only = _create_engine(url)
        """An SQLite file this user may not write: opened read-only, for reading commands."""
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            try:
                self.migrate()
            except BaseException:
                self.engine.dispose()  # no connection left open behind the error
                raise

    def migrate(self) -> None:
        """Bring the schema to the newest revision (creates it on a new database)."""
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        try:
            with self.engine.begin() as connection:
                scripts = ScriptDirectory.from_config(cfg)
                self._refuse_newer(connection, scripts)
                if self.read_only:
                    self._require_current(connection, scripts)
                    return
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, "head")
        except (SQLAlchemyError, OSError) as exc:
            raise DatabaseError(
                f"cannot open the database {describe_url(self.url)}: {_reason(exc)}"
            ) from exc

    def _refuse_newer(self, connection: Any, scripts: ScriptDirectory) -> None:
        """A ``DatabaseError`` if the schema is at a revision this build does not know: a
        newer TradeScreen made it, and this one must not guess at it (nor downgrade it)."""
        known = {script.revision for script in scripts.walk_revisions()}
        current = MigrationContext.configure(connection).get_current_heads()
        unknown = [revision for revision in current if revision not in known]
        if unknown:
            raise DatabaseError(
                f"the database {describe_url(self.url)} was created by a newer TradeScreen "
                f"(revision {', '.join(unknown)}); update the app to open it"
            )

    def _require_current(self, connection: Any, scripts: ScriptDirectory) -> None:
        """A read-only database can be read only if no upgrade is needed."""
        current = set(MigrationContext.configure(connection).get_current_heads())
        if current != set(scripts.get_heads()):
            raise DatabaseError(
                f"the database {describe_url(self.url)} is read-only and was made by an older "
                "TradeScreen: it needs an upgrade, which needs write access to it"
            )

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commit when the block succeeds, roll back when it raises."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except DBAPIError as exc:
            _roll_back(session)
            raise DatabaseError(
                f"database {describe_url(self.url)} failed: {_reason(exc)}"
            ) from exc
        except BaseException:
            _roll_back(session)
            raise
        else:
            session.close()

    def transaction(self, work: Callable[[Session], T], *, attempts: int = WRITE_ATTEMPTS) -> T:
        """``work(session)`` in one unit of work, committed; its result. When the database
        refuses the unit because another client wrote at the same moment (a serialisation
        failure, a deadlock, a key taken meanwhile, a locked SQLite file), the unit is rolled
        back and ``work`` runs again in a fresh session, up to ``attempts`` times; then a
        ``DatabaseError`` says so and that nothing was stored. ``work`` must only touch the
        database (it may run more than once)."""
        for attempt in range(1, attempts + 1):
            try:
                with self.session() as session:
                    return work(session)
            except DatabaseError as err:
                if not is_write_conflict(err.__cause__):
                    raise
                if attempt == attempts:
                    raise DatabaseError(
                        f"database {describe_url(self.url)}: other users kept writing at the "
                        f"same moment ({attempts} attempts, last: {_reason(err.__cause__)}); "
                        "nothing was stored, try again"
                    ) from err
            time.sleep(_RETRY_PAUSE * (2 ** min(attempt, 5)) * random.uniform(0.5, 1.0))
        raise AssertionError("unreachable")

    def dispose(self) -> None:
        self.engine.dispose()


def _create_engine(url: str) -> tuple[Engine, bool]:
    """The engine, and whether it opens an SQLite file read-only (one this user may not
    write)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"not a database URL: {url!r}") from exc
    kwargs: dict[str, Any] = {}
    read_only = False
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            path = Path(database)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(f"cannot create the folder for {path}: {exc}") from exc
            if path.is_dir():
                raise DatabaseError(f"the database path {path} is a folder, not a file")
            read_only = path.is_file() and not _writable(path)
            if read_only:
                # WAL needs its side files beside the database: without a writable folder
                # the file is opened as an immutable snapshot, else read-only.
                mode = "ro" if _writable(path.parent) else "ro&immutable=1"
                file_url = f"file:{quote(str(path.resolve()))}?mode={mode}"
                kwargs["creator"] = lambda: sqlite3.connect(file_url, uri=True, timeout=30)
        kwargs["connect_args"] = {"timeout": 30}
    else:
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(url, **kwargs)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise DatabaseError(f"unsupported database URL {describe_url(url)}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_read_only if read_only else _sqlite_pragmas)
    return engine, read_only


def _roll_back(session: Session) -> None:
    """Roll back after a failure without hiding it: interrupted mid-statement (Ctrl-C,
    SIGTERM), the rollback itself may fail; the database discards the transaction anyway."""
    with suppress(SQLAlchemyError):
        session.rollback()
    # Closing resets the connection, which fails the same way on a connection left busy by
    # the interruption; that must not replace the error being raised.
    with suppress(SQLAlchemyError):
        session.close()


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def _sqlite_read_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the GUI read while a screening writes; foreign keys are off by default in SQLite.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def is_write_conflict(exc: BaseException | None) -> bool:
    """True if ``exc`` is the database refusing a write because of a concurrent one (worth
    running the unit of work again), not a fault of the write itself."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    if state in _CONFLICT_STATES:
        return True
    text = str(orig).lower()
    if state == "23505":  # unique key: only the audit chain's (its next record was taken)
        return "audit_log" in text
    return "database is locked" in text or "database is busy" in text


def _reason(exc: BaseException | None) -> str:
    if exc is None:
        return "unknown"
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
