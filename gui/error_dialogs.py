"""The one place errors are shown.

``show_error`` takes any exception: a ``UserFacingError`` becomes a short message box with its
one-line message; anything else is a bug and becomes the crash dialog, with details the user can
copy into a report. Dialogs open window-modal and do not block, so the app (and the user's
results) stay as they were. ``install_excepthook`` sends uncaught exceptions here too.
"""

from __future__ import annotations

import contextlib
import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, qVersion
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
from core.errors import UserFacingError

shown: list[QDialog] = []
"""Dialogs opened by ``show_error`` and not yet closed, newest last (tests read this)."""


def show_error(parent: QWidget | None, error: BaseException, title: str | None = None) -> QDialog:
    """Show ``error`` to the user without blocking; returns the dialog."""
    if isinstance(error, UserFacingError):
        dialog: QDialog = _message_box(
            parent, title or QCoreApplication.translate("ErrorDialogs", "TradeScreen"), str(error)
        )
    else:
        dialog = CrashDialog(parent, error)
    _open(dialog)
    return dialog


def _message_box(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("errorMessageBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(message.strip() or QCoreApplication.translate("ErrorDialogs", "Unknown error"))
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
        previous(kind, error, trace)  # keep the traceback on stderr too
        if QApplication.instance() is None or isinstance(error, KeyboardInterrupt):
            return
        # if the dialog itself fails, stderr already has the report
        with contextlib.suppress(Exception):
            show_error(QApplication.activeWindow(), error)

    sys.excepthook = hook
