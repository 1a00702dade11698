"""The one place errors are shown.

``show_error`` takes any exception: a ``UserFacingError`` becomes a short message box that says
in the UI language what could not be done, with the core's one-line message (English free text
naming the file, sheet, row...) below it; anything else is a bug and becomes the crash dialog,
with details the user can copy into a report. Dialogs open window-modal and do not block, so
the app (and the user's results) stay as they were. ``install_excepthook`` sends uncaught
exceptions here too.
"""

from __future__ import annotations

import contextlib
import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import __version__
from core.errors import (
    DatabaseError,
    InputFileError,
    ListPackError,
    NotFoundError,
    UsageError,
    UserFacingError,
)
from core.logs import log_path

log = logging.getLogger("gui.crash")

_LEADS: tuple[tuple[type[UserFacingError], object], ...] = (
    (InputFileError, QT_TRANSLATE_NOOP("ErrorDialogs", "This file cannot be read.")),
    (UsageError, QT_TRANSLATE_NOOP("ErrorDialogs", "This choice cannot be used.")),
    (ListPackError, QT_TRANSLATE_NOOP("ErrorDialogs", "This list pack cannot be imported.")),
    (DatabaseError, QT_TRANSLATE_NOOP("ErrorDialogs", "The database cannot be used.")),
    (NotFoundError, QT_TRANSLATE_NOOP("ErrorDialogs", "It was not found.")),
    (UserFacingError, QT_TRANSLATE_NOOP("ErrorDialogs", "TradeScreen could not do this.")),
)

log = logging.getLogger("gui.crash")

shown: list[QDialog] = []
"""Dialogs opened by ``show_error`` and not yet closed, newest last (tests read this)."""


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> QDialog:
    """Show ``error`` to the user without blocking; returns the dialog."""
    if isinstance(error, UserFacingError):
        dialog: QDialog = _message_box(
            parent,
            title or QCoreApplication.translate("ErrorDialogs", "TradeScreen"),
            error_lead(error),
            str(error),
        )
    else:
        dialog = CrashDialog(parent, error)
    _open(dialog)
    return dialog


def error_lead(error: UserFacingError) -> str:
    """What could not be done, in the UI language, by the kind of error."""
    lead = next(text for kind, text in _LEADS if isinstance(error, kind))
    return QCoreApplication.translate("ErrorDialogs", str(lead))


def _message_box(parent: QWidget | None, title: str, lead: str, message: str) -> QMessageBox:
    """``lead`` in the UI language, then the core's message as it is."""
    box = QMessageBox(parent)
    box.setObjectName("errorMessageBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(lead)
    box.setInformativeText(
        message.strip() or QCoreApplication.translate("ErrorDialogs", "Unknown error")
    )
    informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
    if informative is not None:  # a file name with "<" in it is no markup
        informative.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def _open(dialog: QDialog) -> None:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    shown.append(dialog)
    dialog.finished.connect(lambda _result: shown.remove(dialog) if dialog in shown else None)
    dialog.open()


def crash_details(error: BaseException) -> str:
    """What a bug report needs: versions, platform and the traceback."""
    trace = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return (
        f"TradeScreen {__version__}\n"
        f"Python {platform.python_version()}, Qt {qVersion()}, {platform.platform()}\n\n{trace}"
    )


class CrashDialog(QDialog):
    """An unexpected error: what happened in one line, and details to copy."""

    def __init__(self, parent: QWidget | None, error: BaseException) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        self.details = crash_details(error)
        layout = QVBoxLayout(self)
        summary = QLabel(
            self.tr(
                "Something went wrong inside TradeScreen. Your results are still open. "
                "Please send the details below to your support contact."
            ),
            self,
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        logged = QLabel(
            self.tr("The details are also in the log file: {path}").format(path=log_path()), self
        )
        logged.setObjectName("crashLogLabel")
        logged.setTextFormat(Qt.TextFormat.PlainText)
        logged.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        logged.setWordWrap(True)
        layout.addWidget(logged)
        reason = QLabel(f"{type(error).__name__}: {error}", self)
        reason.setObjectName("crashReason")
        reason.setTextFormat(Qt.TextFormat.PlainText)
        reason.setWordWrap(True)
        layout.addWidget(reason)
        text = QPlainTextEdit(self.details, self)
        text.setObjectName("crashDetails")
        text.setReadOnly(True)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("Copy details"), self)
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def install_excepthook() -> None:
    """Show uncaught exceptions (in slots, event handlers) in the crash dialog."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        # The Windows build has no console: the log file is where the traceback survives.
        log.critical("unhandled exception", exc_info=(kind, error, trace))
        previous(kind, error, trace)  # keep the traceback on stderr too
        if QApplication.instance() is None or isinstance(error, KeyboardInterrupt):
            return
        # if the dialog itself fails, stderr already has the report
        with contextlib.suppress(Exception):
            show_error(QApplication.activeWindow(), error)

    sys.excepthook = hook
