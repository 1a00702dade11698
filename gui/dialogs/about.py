"""The About dialog, and the application icon.

The dialog only shows an ``AboutInfo`` that ``core.about.collect_about`` gathered: the app
version, the list releases with their data cut-off, the user data folder and the bundled
libraries with their licences.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.about import AboutInfo
from core.paths import resources_dir

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The TradeScreen icon from its PNG renditions (no SVG plugin needed)."""
    icon = QIcon()
    folder = resources_dir() / "icons"
    for size in ICON_SIZES:
        path = folder / f"tradescreen-{size}.png"
        if path.exists():
            icon.addFile(str(path), QSize(size, size))
    return icon


class AboutDialog(QDialog):
    def __init__(self, info: AboutInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setWindowTitle(self.tr("About {app}").format(app=info.app_name))
        self.setWindowIcon(app_icon())

        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self._releases_box())
        layout.addWidget(self._data_box())
        layout.addWidget(self._libraries_box(), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 700)

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(self)
        title.setObjectName("titleLabel")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setText(
            self.tr("{app} {version}").format(app=self.info.app_name, version=self.info.version)
        )
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(
            self.tr(
                "Offline screening of supplier files against trade-restriction lists, "
                "as of a chosen date."
            ),
            self,
        )
        subtitle.setWordWrap(True)
        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(subtitle)
        row.addLayout(text, 1)
        return row

    def _releases_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("List data"), self)
        layout = QVBoxLayout(box)
        if not self.info.releases:
            layout.addWidget(QLabel(self.tr("No list data has been imported."), box))
            return box
        headers = [self.tr("Publisher"), self.tr("Version"), self.tr("Data cut-off"),
                   self.tr("Lists")]  # fmt: skip
        rows = [
            [r.publisher, r.version, r.data_cutoff.isoformat(), "\n".join(r.list_ids)]
            for r in self.info.releases
        ]
        table = _table(box, "releasesTable", headers, rows)
        table.setMaximumHeight(_content_height(table))
        layout.addWidget(table)
        return box

    def _data_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Your data"), self)
        layout = QVBoxLayout(box)
        folder = QLabel(self.tr("User data folder: {path}").format(path=self.info.data_dir), box)
        folder.setObjectName("dataDirLabel")
        database = QLabel(self.tr("Database: {url}").format(url=self.info.database or "-"), box)
        database.setObjectName("databaseLabel")
        settings = QLabel(
            self.tr("Settings file (shared with tradescreen-cli): {path}").format(
                path=self.info.config_file
            ),
            box,
        )
        settings.setObjectName("configFileLabel")
        log_file = QLabel(self.tr("Log file: {path}").format(path=self.info.log_file), box)
        log_file.setObjectName("logFileLabel")
        for label in (folder, database, settings, log_file):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            layout.addWidget(label)
        return box

    def _libraries_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Third-party software"), self)
        layout = QVBoxLayout(box)
        unknown = self.tr("unknown")
        headers = [self.tr("Library"), self.tr("Version"), self.tr("Licence")]
        rows = [[lib.name, lib.version or unknown, lib.licence] for lib in self.info.libraries]
        rows.append(["Qt", qVersion(), "LGPL-3.0-only"])
        rows.append(["Python", self.info.python_version, "PSF-2.0"])
        layout.addWidget(_table(box, "librariesTable", headers, rows), 1)
        note = QLabel(
            self.tr(
                "Qt and Qt for Python are used under the GNU Lesser General Public License "
                "version 3. Their libraries are separate files in the installation folder "
                "and may be replaced by compatible versions."
            ),
            box,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        return box


def _table(parent: QWidget, name: str, headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.setWordWrap(False)  # a cell's lines are its own line breaks
    table.resizeRowsToContents()
    return table


def _content_height(table: QTableWidget) -> int:
    """Tall enough for the header and every row, so a short table shows no empty space."""
    frame = 2 * table.frameWidth()
    return table.horizontalHeader().sizeHint().height() + table.verticalHeader().length() + frame
