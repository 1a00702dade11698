"""A progress bar with its label and a Cancel button, shown while long work runs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class ProgressStrip(QFrame):
    """A progress bar with its label and a Cancel button (in the main window's status bar)."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("screenProgress")
        self.bar.setTextVisible(True)
        self.bar.setMinimumWidth(self.fontMetrics().averageCharWidth() * 30)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("cancelButton")
        self.cancel.clicked.connect(self.cancel_requested)
        layout.addWidget(self.label, 2)
        layout.addWidget(self.bar, 3)
        layout.addWidget(self.cancel)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.cancel.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start(self, label: str) -> None:
        self.label.setText(label)
        self.bar.setRange(0, 0)
        self.cancel.setEnabled(True)
        self.show()

    def report(self, done: int, total: int, unit_rows: bool = True) -> None:
        if total > 1:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.bar.setFormat(self.tr("%v of %m rows") if unit_rows else "%p%")
        else:
            self.bar.setRange(0, 0)

    def stop(self) -> None:
        self.hide()
