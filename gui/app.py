"""Entry point of the desktop app ``tradescreen``: the one place that wires the GUI together.

    tradescreen [FILE] [--database URL] [--self-test]

Builds the QApplication, the settings, the language, the core services over the database
(``--database``, else ``TRADESCREEN_DATABASE_URL``, else the URL in the configuration file the
CLI reads too, else the embedded SQLite file), the controller over them and the main window
(its view), then opens FILE if given. Everything is logged to the rotating log file
(``core.logs``), uncaught exceptions included.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from core import __version__, config
from core.errors import UserFacingError
from core.logs import install_file_log
from core.paths import APP_AUTHOR, APP_NAME
from core.secrets import needs_password, put_password, with_password
from core.store.database import resolve_database_url


def parse_arguments(args: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest (Qt's own options such as ``-platform``)."""
    parser = argparse.ArgumentParser(prog="tradescreen", description="TradeScreen desktop app")
    parser.add_argument("file", nargs="?", help="a supplier file to open")
    parser.add_argument("--database", metavar="URL", help="database URL or SQLite file path")
    parser.add_argument("--version", action="version", version=f"TradeScreen {__version__}")
    return parser.parse_known_args(args)


def create_application(argv: list[str]) -> QApplication:
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationVersion(__version__)
    from gui.dialogs.about import app_icon

    app.setWindowIcon(app_icon())
    return app


def main(argv: list[str] | None = None) -> int:
    if "--self-test" in (sys.argv if argv is None else argv):  # first: packaging smoke test
        from gui.selftest import run_self_test

        return run_self_test()
    arguments = list(sys.argv if argv is None else argv)
    options, qt_args = parse_arguments(arguments[1:])
    app = create_application(arguments[:1] + qt_args)

    from gui.dialogs.error_dialogs import error_lead, install_excepthook
    from gui.tasks import responsiveness
    from gui.tasks.services import AppServices
    from gui.tasks.settings import AppSettings
    from gui.text.i18n import install_language
    from gui.window.controller import AppController
    from gui.window.main_window import MainWindow

    log_file = install_file_log("window")
    logging.getLogger("gui").info("TradeScreen %s started; log %s", __version__, log_file)
    settings = AppSettings()
    prefs = settings.preferences()
    install_language(prefs.language)
    install_excepthook()
    # Flag > TRADESCREEN_DATABASE_URL > the configuration file > the embedded database.
    try:
        configured = config.effective({"database_url": options.database}).database_url
    except UserFacingError:
        configured = prefs.database_url  # the broken file was logged by AppSettings
    url = with_password(resolve_database_url(configured or None))
    if needs_password(url):  # no keyring and no libpq password: ask, keep it for this session
        secret, ok = QInputDialog.getText(
            None, APP_NAME,
            QCoreApplication.translate("App", "Password for {url}:").format(url=url),
            QLineEdit.EchoMode.Password,
        )  # fmt: skip
        if ok and secret:
            url = put_password(url, secret)
    try:
        services = AppServices(url, prefs.reviewer)
    except UserFacingError as error:
        fallback = resolve_database_url(None)
        if fallback == url:
            QMessageBox.critical(None, APP_NAME, f"{error_lead(error)}\n\n{error}")
            return 1
        QMessageBox.warning(
            None,
            APP_NAME,
            QCoreApplication.translate(
                "App", "{error}\n\nTradeScreen opens the database on this computer instead."
            ).format(error=error),
        )
        try:
            services = AppServices(fallback, prefs.reviewer)
        except UserFacingError as second:
            QMessageBox.critical(None, APP_NAME, f"{error_lead(second)}\n\n{second}")
            return 1
    controller = AppController(settings, services)
    window = MainWindow(controller)
    window.show()
    from gui.desktop.termination import close_on_termination

    close_on_termination(window.close, window)  # SIGTERM/Ctrl-C: the window's own shutdown
    responsiveness.configure()
    if options.file:
        controller.open_file(Path(options.file).expanduser().resolve())
    try:
        return app.exec()
    finally:
        controller.services.close()  # the one in use: Settings may have replaced it
