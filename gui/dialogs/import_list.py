"""The import dialog of the Lists tab: one dialog for every list file.

It recognises the file (a signed list pack, an OpenSanctions export, the US Consolidated
Screening List, an own list), reads it in the background and shows what it found with a
preview, and asks only what it cannot know: an own list's id, title and columns, and whether to
accept a pack that is not signed (with a confirmation). The reading and the import are core
services run by the controller; this dialog parses nothing itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.lists.sources import FORMATS, detect_format
from core.lists.sources.common import slug
from core.lists.sources.own_list import OwnListOptions
from core.lists.sources.reading import FileReading, own_list_columns

ReadRequest = Callable[
    [Path, str | None, OwnListOptions | None, Callable[[FileReading], None]], None
]
ImportRequest = Callable[[FileReading, bool], None]


class ImportListDialog(QDialog):
    def __init__(
        self,
        path: Path,
        read: ReadRequest,
        store: ImportRequest,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importListDialog")
        self.setWindowTitle(self.tr("Import list data"))
        self.resize(820, 560)
        self.path = path
        self._read = read
        self._store = store
        self.reading: FileReading | None = None
        detected = detect_format(path.parent if path.name == "manifest.json" else path)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("File:"), QLabel(str(path), self))
        self.format = QComboBox(self)
        titles = {
            "pack": self.tr("TradeScreen list pack (signed)"),
            "opensanctions": self.tr("OpenSanctions export"),
            "csl": self.tr("US Consolidated Screening List"),
            "csv": self.tr("Own list (CSV or Excel)"),
        }
        for fmt in FORMATS:
            self.format.addItem(titles[fmt], fmt)
        self.format.setCurrentIndex(FORMATS.index(detected.format))
        self.format.currentIndexChanged.connect(self._format_changed)
        form.addRow(self.tr("Recognised as:"), self.format)
        layout.addLayout(form)

        self.own = QGroupBox(self.tr("Own list: what the file cannot say"), self)
        own_form = QFormLayout(self.own)
        self.list_id = QLineEdit("own-" + slug(path.stem)[:40], self.own)
        self.title = QLineEdit(path.stem, self.own)
        own_form.addRow(self.tr("List id:"), self.list_id)
        own_form.addRow(self.tr("Title:"), self.title)
        self.columns: dict[str, QComboBox] = {}
        header, choice = own_list_columns(path) if detected.format == "csv" else ([], None)
        chosen = {
            "name": choice.name if choice else None,
            "aliases": choice.aliases if choice else None,
            "country": choice.country if choice else None,
            "listed": choice.listed if choice else None,
        }
        labels = {
            "name": self.tr("Name column:"),
            "aliases": self.tr("Aliases column:"),
            "country": self.tr("Country column:"),
            "listed": self.tr("Listing date column:"),
        }
        for key, label in labels.items():
            box = QComboBox(self.own)
            box.addItem(self.tr("(none)"), None)
            for column in header:
                box.addItem(column, column)
            if chosen[key] is not None:
                box.setCurrentIndex(box.findData(chosen[key]))
            self.columns[key] = box
            own_form.addRow(label, box)
        layout.addWidget(self.own)

        self.allow_unsigned = QCheckBox(
            self.tr("Accept a pack that is not signed (a pack of your own)"), self
        )
        layout.addWidget(self.allow_unsigned)
        self.read_button = QPushButton(self.tr("Read file"), self)
        self.read_button.clicked.connect(self.request_read)
        layout.addWidget(self.read_button)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.preview = QTableWidget(0, 4, self)
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Kind"), self.tr("Country"), self.tr("Lists")]
        )
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview.setColumnWidth(0, 320)
        layout.addWidget(self.preview, 1)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.request_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._format_changed()

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def own_options(self) -> OwnListOptions | None:
        if self.chosen_format() != "csv":
            return None
        return OwnListOptions(
            self.list_id.text().strip(),
            self.title.text().strip(),
            *(self.columns[k].currentData() for k in ("name", "aliases", "country", "listed")),
        )

    def _format_changed(self) -> None:
        fmt = self.chosen_format()
        self.own.setVisible(fmt == "csv")
        self.allow_unsigned.setVisible(fmt == "pack")
        self.reading = None
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Read the file to see what it holds."))
        self.preview.setRowCount(0)

    def request_read(self) -> None:
        self._read(self.path, self.chosen_format(), self.own_options(), self.show_reading)

    def show_reading(self, reading: FileReading) -> None:
        """What the file holds: counts, data date, licence, signature, the first parties."""
        self.reading = reading
        manifest = reading.pack.manifest
        lines = [
            self.tr("{publisher}, data of {date}: {lists} lists, {entities} parties, "
                    "{events} listing events.").format(
                publisher=manifest.publisher, date=manifest.data_cutoff.isoformat(),
                lists=len(reading.pack.lists), entities=len(reading.pack.entities),
                events=len(reading.pack.events),
            )
        ]  # fmt: skip
        if reading.format == "pack":
            lines.append(
                self.tr("Signed by a trusted publisher key.")
                if reading.signed
                else self.tr("Not signed: nothing shows who published it.")
            )
        if manifest.licence:
            lines.append(self.tr("Licence: {licence}").format(licence=manifest.licence))
        if reading.format != "pack":
            lines.append(
                self.tr(
                    "Persons and vessels keep their kind; screening matches them by name like "
                    "organisations. A party missing from a later file of the same source is "
                    "marked removed as of that file's date."
                )
            )
        self.summary.setText("\n".join(lines))
        sample = reading.sample()
        self.preview.setRowCount(len(sample))
        for row, party in enumerate(sample):
            for col, text in enumerate(
                (party.name, party.kind, party.country, ", ".join(party.lists))
            ):
                self.preview.setItem(row, col, QTableWidgetItem(text))
        self.import_button.setEnabled(True)

    def request_import(self) -> None:
        reading = self.reading
        if reading is None:
            return
        allow = False
        if reading.format == "pack" and not reading.signed:
            if not self.allow_unsigned.isChecked():
                QMessageBox.warning(
                    self,
                    self.tr("Pack not signed"),
                    self.tr("This pack is not signed. Tick the box to accept a pack of your own."),
                )
                return
            answer = QMessageBox.question(
                self,
                self.tr("Import an unsigned pack?"),
                self.tr("Nothing proves who published this pack. Import it anyway? The choice "
                        "is recorded in the audit trail and shown on the release."),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
            allow = True
        self._store(reading, allow)
        self.accept()
