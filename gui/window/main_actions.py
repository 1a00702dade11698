"""The main window's menus, toolbar and shortcuts.

Only the actions and their state (enabled, recent files): the window connects each action's
``triggered`` to its own method or the controller's, so nothing here reaches into the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar


class MainActions(QObject):
    recent_requested = Signal(object)
    """A recent file was chosen (its ``Path``)."""

    def __init__(self, host: QMainWindow, recent: list[str]) -> None:
        """Add the menus and the toolbar to ``host``; ``recent`` are the recent files."""
        super().__init__(host)
        icon = host.style().standardIcon
        self._busy = False
        self._has_result = False
        self._recent = list(recent)

        def action(
            name: str,
            keys: QKeySequence | QKeySequence.StandardKey | str | None = None,
            pixmap: QStyle.StandardPixmap | None = None,
        ) -> QAction:
            act = QAction(host)
            act.setObjectName(name)
            if keys is not None:
                act.setShortcut(QKeySequence(keys))
            if pixmap is not None:
                act.setIcon(icon(pixmap))
            return act

        SP = QStyle.StandardPixmap  # noqa: N806 - Qt's own abbreviation
        self.open = action("actionOpen", QKeySequence.StandardKey.Open, SP.SP_DialogOpenButton)
        self.sample = action("actionSample")
        self.screen = action("actionScreen", "F5", SP.SP_MediaPlay)
        self.export = action("actionExport", "Ctrl+E", SP.SP_DialogSaveButton)
        self.export.setEnabled(False)
        self.export_pdf = action("actionExportPdf", "Ctrl+Shift+E")
        self.export_pdf.setEnabled(False)
        self.folder = action("actionOpenFolder", None, SP.SP_DirOpenIcon)
        self.folder.setEnabled(False)
        self.settings = action("actionSettings", QKeySequence.StandardKey.Preferences)
        if self.settings.shortcut().isEmpty():
            self.settings.setShortcut(QKeySequence("Ctrl+,"))
        self.quit = action("actionQuit", QKeySequence.StandardKey.Quit)
        self.import_pack = action("actionImportPack")
        self.about = action("actionAbout")
        self.clear_recent = action("actionClearRecent")

        bar = host.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open)
        self.recent_menu = QMenu(host)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.sample)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.screen)
        self.file_menu.addAction(self.export)
        self.file_menu.addAction(self.export_pdf)
        self.file_menu.addAction(self.folder)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.lists_menu = bar.addMenu("")
        self.lists_menu.addAction(self.import_pack)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about)

        self.toolbar = QToolBar(host)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(20, 20))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (self.open, self.screen, self.export, self.folder):
            self.toolbar.addAction(act)
        host.addToolBar(self.toolbar)
        self.set_recent(self._recent)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.lists_menu.setTitle(self.tr("&Lists"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        texts = {
            self.open: (self.tr("&Open supplier file…"), self.tr("Open")),
            self.sample: (self.tr("Open the &sample file"), ""),
            self.screen: (self.tr("&Screen"), self.tr("Screen")),
            self.export: (self.tr("&Export to Excel…"), self.tr("Export")),
            self.export_pdf: (self.tr("Export &PDF summary…"), ""),
            self.folder: (self.tr("Open &containing folder"), self.tr("Open folder")),
            self.settings: (self.tr("Se&ttings…"), ""),
            self.quit: (self.tr("&Quit"), ""),
            self.import_pack: (self.tr("&Import list pack…"), ""),
            self.about: (self.tr("&About TradeScreen"), ""),
            self.clear_recent: (self.tr("Clear the list"), ""),
        }
        for act, (text, short) in texts.items():
            act.setText(text)
            act.setIconText(short or text.replace("&", "").rstrip("…"))
        self.set_recent(self._recent)

    def set_recent(self, files: list[str]) -> None:
        self._recent = list(files)
        self.recent_menu.clear()
        for number, path in enumerate(files, start=1):
            act = self.recent_menu.addAction(f"&{number} {Path(path).name}")
            act.setToolTip(path)
            act.setStatusTip(path)
            act.triggered.connect(lambda _=False, p=path: self.recent_requested.emit(Path(p)))
        if files:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.clear_recent)
        self.recent_menu.setEnabled(bool(files))

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        for act in (self.open, self.sample, self.screen, self.import_pack, self.settings):
            act.setEnabled(not busy)
        self.export.setEnabled(not busy and self._has_result)
        self.export_pdf.setEnabled(not busy and self._has_result)
        self.recent_menu.setEnabled(not busy and bool(self._recent))

    def set_has_result(self, has: bool) -> None:
        self._has_result = has
        self.export.setEnabled(has and not self._busy)
        self.export_pdf.setEnabled(has and not self._busy)
        self.folder.setEnabled(False)

    def set_exported(self, exported: bool) -> None:
        self.folder.setEnabled(exported)
