"""Asking the user for files and folders, and opening things outside the app.

Every blocking question goes through a module-level function here, so tests (and scripts that
drive the real windows) replace one function instead of clicking a native dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

SUPPLIER_FILE_PATTERNS = "*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt"


def supplier_file_filter() -> str:
    return ";;".join(
        (
            QCoreApplication.translate("FileDialogs", "Supplier files ({patterns})").format(
                patterns=SUPPLIER_FILE_PATTERNS
            ),
            QCoreApplication.translate("FileDialogs", "All files (*)"),
        )
    )


def ask_open_file(parent: QWidget | None, title: str, folder: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return path or None


def ask_save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def open_url(url: QUrl) -> bool:
    """Open a web link or a local folder with the system's handler."""
    return QDesktopServices.openUrl(url)
