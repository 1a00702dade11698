"""Database passwords: never in the configuration file; in the OS keyring when there is one.

``keyring`` is optional: without it (or without a working backend) the password is not kept,
and the CLI asks for it on a terminal; libpq's own ``PGPASSWORD`` and ``~/.pgpass`` work too.
"""

from __future__ import annotations

import getpass
import logging
import os
import sys
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

SERVICE = "TradeScreen database"
log = logging.getLogger(__name__)


def _parse(url: str) -> URL | None:
    try:
        return make_url(url) if "://" in url else None
    except ArgumentError:
        return None


def url_without_password(url: str) -> str:
    parsed = _parse(url)
    if parsed is None or parsed.password is None:
        return url
    # URL.set ignores None: the named tuple's own _replace clears the field.
    return parsed._replace(password=None).render_as_string(hide_password=False)


def _keyring() -> Any | None:
    try:
        import keyring  # type: ignore[import-not-found,unused-ignore]
        from keyring.backends import fail  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    if isinstance(keyring.get_keyring(), fail.Keyring):
        return None
    return keyring


def remember_password(url: str) -> bool:
    """Keeps the URL's password in the keyring under the URL without it; False when there is no
    password or no keyring (then the caller says the password will be asked for)."""
    parsed = _parse(url)
    ring = _keyring()
    if parsed is None or parsed.password is None or ring is None:
        return False
    try:
        ring.set_password(SERVICE, url_without_password(url), str(parsed.password))
    except Exception as exc:  # any backend failure: the password is just not kept
        log.warning("could not keep the database password in the keyring: %s", exc)
        return False
    return True


def with_password(url: str, *, ask: bool = False) -> str:
    """The URL with its password: as given, else from the keyring, else (``ask`` and a
    terminal, and libpq has none of its own) asked for; else unchanged."""
    parsed = _parse(url)
    if parsed is None or parsed.password is not None:
        return url
    if not parsed.drivername.startswith("postgres"):
        return url
    ring = _keyring()
    secret: str | None = None
    if ring is not None:
        try:
            secret = ring.get_password(SERVICE, url)
        except Exception as exc:
            log.warning("could not read the database password from the keyring: %s", exc)
    if secret is None and ask and _libpq_has_none() and sys.stdin.isatty():
        secret = getpass.getpass(f"password for {url}: ") or None
    if secret is None:
        return url
    return parsed.set(password=secret).render_as_string(hide_password=False)


def needs_password(url: str) -> bool:
    """A PostgreSQL URL without a password that neither the keyring nor libpq can supply: the
    window asks for it (the CLI asks itself, in ``with_password``)."""
    parsed = _parse(url)
    if parsed is None or parsed.password is not None:
        return False
    if not parsed.drivername.startswith("postgres"):
        return False
    return with_password(url) == url and _libpq_has_none()


def put_password(url: str, secret: str) -> str:
    """``url`` with ``secret`` as its password."""
    parsed = _parse(url)
    if parsed is None:
        return url
    return parsed.set(password=secret).render_as_string(hide_password=False)


def _libpq_has_none() -> bool:
    if os.environ.get("PGPASSWORD"):
        return False
    passfile = os.environ.get("PGPASSFILE") or str(Path.home() / ".pgpass")
    return not Path(passfile).is_file()
