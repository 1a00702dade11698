"""The main window's menus, toolbar and shortcuts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

from core.about import collect_about
from gui.about import AboutDialog, app_icon

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class MainActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        style = window.style()
        icon = style.standardIcon

        def action(
            name: str,
            slot: object,
            keys: QKeySequence | QKeySequence.StandardKey | str | None = None,
            pixmap: QStyle.StandardPixmap | None = None,
        ) -> QAction:
            act = QAction(window)
            act.setObjectName(name)
            if keys is not None:
                act.setShortcut(QKeySequence(keys))
            if pixmap is not None:
                act.setIcon(icon(pixmap))
            act.triggered.connect(slot)
            return act

        SP = QStyle.StandardPixmap  # noqa: N806 - Qt's own abbreviation
        self.open = action(
            "actionOpen",
            window.ask_open_file,
            QKeySequence.StandardKey.Open,
            SP.SP_DialogOpenButton,
        )
        self.sample = action("actionSample", window.open_sample)
        self.screen = action("actionScreen", window.start_screening, "F5", SP.SP_MediaPlay)
        self.export = action("actionExport", window.ask_export, "Ctrl+E", SP.SP_DialogSaveButton)
        self.export.setEnabled(False)
        self.folder = action("actionOpenFolder", window.open_export_folder, None, SP.SP_DirOpenIcon)
        self.folder.setEnabled(False)
        self.settings = action(
            "actionSettings", self.open_settings, QKeySequence.StandardKey.Preferences
        )
        if self.settings.shortcut().isEmpty():
            self.settings.setShortcut(QKeySequence("Ctrl+,"))
        self.quit = action("actionQuit", window.close, QKeySequence.StandardKey.Quit)
        self.import_pack = action("actionImportPack", window.ask_import_pack)
        self.about = action("actionAbout", self.show_about)
        self.clear_recent = action("actionClearRecent", self._clear_recent)

        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open)
        self.recent_menu = QMenu(window)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.sample)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.screen)
        self.file_menu.addAction(self.export)
        self.file_menu.addAction(self.folder)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.lists_menu = bar.addMenu("")
        self.lists_menu.addAction(self.import_pack)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about)

        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setIconSize(QSize(20, 20))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (self.open, self.screen, self.export, self.folder):
            self.toolbar.addAction(act)
        window.addToolBar(self.toolbar)
        self.set_recent(window.settings.recent_files())
        self.dialog: object | None = None

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
        self.set_recent(self.window.settings.recent_files())

    def set_recent(self, files: list[str]) -> None:
        self.recent_menu.clear()
        for number, path in enumerate(files, start=1):
            act = self.recent_menu.addAction(f"&{number} {Path(path).name}")
            act.setToolTip(path)
            act.setStatusTip(path)
            act.triggered.connect(lambda _=False, p=path: self.window.open_file(Path(p)))
        if files:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.clear_recent)
        self.recent_menu.setEnabled(bool(files))

    def _clear_recent(self) -> None:
        self.window.settings.clear_recent_files()
        self.set_recent([])
        self.window.screen_page.show_welcome([])

    def set_busy(self, busy: bool) -> None:
        for act in (self.open, self.sample, self.screen, self.import_pack, self.settings):
            act.setEnabled(not busy)
        self.export.setEnabled(not busy and self.window.results.result is not None)
        self.recent_menu.setEnabled(not busy and bool(self.window.settings.recent_files()))

    def set_has_result(self, has: bool) -> None:
        self.export.setEnabled(has and not self.window.busy())
        self.folder.setEnabled(False)

    def set_exported(self, exported: bool) -> None:
        self.folder.setEnabled(exported)

    def open_settings(self) -> None:
        from gui.settings_flow import open_settings

        self.dialog = open_settings(self.window)

    def show_about(self) -> None:
        dialog = AboutDialog(collect_about(self.window.services.catalog()), self.window)
        dialog.setWindowIcon(app_icon())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
