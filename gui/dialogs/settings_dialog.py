"""Settings: reviewer name, default threshold, database, language.

The dialog only edits a ``Preferences`` value (saved in the configuration file the CLI reads
too: the path is shown); the main window applies it (reconnecting to
another database, switching the language at once) and writes the audit record.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core.config import config_path
from core.matching import MAX_THRESHOLD, MIN_THRESHOLD
from gui.tasks.settings import Preferences


class SettingsDialog(QDialog):
    def __init__(self, prefs: Preferences, embedded_label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._embedded_label = embedded_label
        self._initial = prefs  # what the dialog does not show (default lists) is kept as it was
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.reviewer = QLineEdit(prefs.reviewer, self)
        self.reviewer.setObjectName("reviewerField")
        self.reviewer_label = QLabel(self)
        form.addRow(self.reviewer_label, self.reviewer)
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setObjectName("defaultThreshold")
        self.threshold.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.threshold.setDecimals(0)
        self.threshold.setValue(prefs.default_threshold)
        self.threshold_label = QLabel(self)
        form.addRow(self.threshold_label, self.threshold)
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.language_label = QLabel(self)
        form.addRow(self.language_label, self.language)
        layout.addLayout(form)

        self.database_box = QGroupBox(self)
        database = QVBoxLayout(self.database_box)
        self.embedded = QRadioButton(self.database_box)
        self.embedded.setObjectName("embeddedDatabase")
        self.shared = QRadioButton(self.database_box)
        self.shared.setObjectName("sharedDatabase")
        group = QButtonGroup(self)
        group.addButton(self.embedded)
        group.addButton(self.shared)
        self.url = QLineEdit(prefs.database_url, self.database_box)
        self.url.setObjectName("databaseUrl")
        self.url.setPlaceholderText("postgresql+psycopg://user:password@host:5432/tradescreen")
        (self.shared if prefs.database_url else self.embedded).setChecked(True)
        self.url.setEnabled(bool(prefs.database_url))
        self.shared.toggled.connect(self.url.setEnabled)
        self.database_note = QLabel(self.database_box)
        self.database_note.setWordWrap(True)
        for widget in (self.embedded, self.shared, self.url, self.database_note):
            database.addWidget(widget)
        layout.addWidget(self.database_box)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.file_note = QLabel(self)
        self.file_note.setObjectName("settingsFileNote")
        self.file_note.setWordWrap(True)
        self.file_note.setTextFormat(Qt.TextFormat.PlainText)
        self.file_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.file_note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.resize(560, self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.reviewer_label.setText(self.tr("Reviewer name:"))
        self.reviewer.setToolTip(self.tr("Shown on decisions, in the audit trail and in reports"))
        self.threshold_label.setText(self.tr("Default match threshold:"))
        self.language_label.setText(self.tr("Language:"))
        self.database_box.setTitle(self.tr("Database"))
        self.embedded.setText(
            self.tr("On this computer (embedded): {path}").format(path=self._embedded_label)
        )
        self.shared.setText(self.tr("Shared PostgreSQL database (URL):"))
        self.database_note.setText(
            self.tr(
                "Changing the database reconnects at once; the lists, runs and decisions shown "
                "then come from the new database."
            )
        )
        self.note.setText(
            self.tr("The language changes at once. Every change is recorded in the audit trail.")
        )
        self.file_note.setText(
            self.tr(
                "Saved in {path}; tradescreen-cli uses the same settings. A database password "
                "is kept in the system keyring, never in that file (without a keyring it is "
                "asked for when needed)."
            ).format(path=config_path())
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def preferences(self) -> Preferences:
        return dataclasses.replace(
            self._initial,
            reviewer=self.reviewer.text().strip(),
            default_threshold=self.threshold.value(),
            database_url=self.url.text().strip() if self.shared.isChecked() else "",
            language=str(self.language.currentData()),
        )
