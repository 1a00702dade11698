"""``tradescreen --self-test``: prove an installed build works, without showing a window.

Starts Qt (offscreen when there is no display), opens the default database through core (creating
and migrating it, importing the bundled lists), checks the list data is there, builds the About
dialog and loads the app icon. Prints one summary line on stdout and returns 0; on failure prints
one line on stderr and returns 1. The packaging smoke test runs it on every frozen build.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QApplication

from core import __version__
from core.about import collect_about, missing_metadata
from core.lists.catalog import ListCatalog
from core.paths import APP_NAME
from core.store.database import Database, describe_url, resolve_database_url


class SelfTestError(Exception):
    pass


def run_self_test() -> int:
    try:
        summary = _check()
    except Exception as exc:  # any failure is the answer: report it on one line
        message = str(exc).strip().splitlines()
        reason = message[0] if message else type(exc).__name__
        _write(sys.stderr, f"tradescreen: self-test failed: {reason}")
        return 1
    _write(sys.stdout, summary)
    return 0


def _check() -> str:
    app = _application()
    db = Database(resolve_database_url(None))
    try:
        catalog = ListCatalog(db)
        catalog.ensure_bundled()
        snapshot = catalog.snapshot()
        if not snapshot.lists or not snapshot.entities:
            raise SelfTestError(
                f"no list data in {describe_url(db.url)} "
                f"({len(snapshot.lists)} lists, {len(snapshot.entities)} entities)"
            )
        missing = missing_metadata()
        if missing:
            raise SelfTestError(f"no version information for {', '.join(missing)}")
        info = collect_about(catalog)
    finally:
        db.dispose()

    from gui.dialogs.about import AboutDialog, app_icon  # after QApplication: it builds widgets

    if app_icon().pixmap(64, 64).isNull():
        raise SelfTestError("the application icon cannot be loaded")
    dialog = AboutDialog(info)  # no parent: Python owns it and deletes it
    if dialog.grab().isNull():
        raise SelfTestError("the About dialog cannot be drawn")
    cutoffs = ", ".join(sorted({r.data_cutoff.isoformat() for r in info.releases}))
    return (
        f"{APP_NAME} {__version__} self-test ok: {len(snapshot.lists)} lists, "
        f"{len(snapshot.entities)} entities, {len(info.releases)} list release(s) "
        f"(data cut-off {cutoffs}), database {info.database}, Qt {qVersion()} "
        f"({app.platformName()})"
    )


def _application() -> QApplication:
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None:
        raise SelfTestError("a non-GUI Qt application is already running")
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication([sys.argv[0] if sys.argv else "tradescreen"])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def _write(stream: object, line: str) -> None:
    # A windowed Windows build has no stdout/stderr (they are None): the exit code still tells.
    write = getattr(stream, "write", None)
    if write is not None:
        write(line + "\n")
        flush = getattr(stream, "flush", None)
        if flush is not None:
            flush()
