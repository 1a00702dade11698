"""What a new window shows before a file is open: open a file, try the sample, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class WelcomePage(QWidget):
    open_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        outer.addLayout(column, 3)
        outer.addStretch(1)
        column.addStretch(1)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        column.addWidget(self.title)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        column.addWidget(self.intro)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("welcomeOpenButton")
        self.open_button.clicked.connect(self.open_requested)
        self.sample_button = QPushButton(self)
        self.sample_button.setObjectName("sampleButton")
        self.sample_button.clicked.connect(self.sample_requested)
        for button in (self.open_button, self.sample_button):
            button.setMinimumHeight(button.sizeHint().height() * 3 // 2)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.drop_hint = QLabel(self)
        self.drop_hint.setEnabled(False)  # drawn in the palette's disabled (muted) colour
        column.addWidget(self.drop_hint)
        self.recent_label = QLabel(self)
        column.addWidget(self.recent_label)
        self.recent = QListWidget(self)
        self.recent.setObjectName("recentFiles")
        self.recent.itemActivated.connect(self._recent_activated)
        column.addWidget(self.recent)
        column.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Screen a supplier file"))
        self.intro.setText(
            self.tr(
                "Open a supplier or vendor list (Excel, OpenDocument or CSV), check which "
                "columns hold the names and countries, pick the date that matters (today, a "
                "contract or a shipment date) and see which suppliers were on a restriction "
                "list on that date."
            )
        )
        self.open_button.setText(self.tr("Open a supplier file…"))
        self.sample_button.setText(self.tr("Try the sample file"))
        self.sample_button.setToolTip(
            self.tr("A small vendor list with a few listed companies, to see how it works")
        )
        self.drop_hint.setText(self.tr("You can also drop a file on this window."))
        self.recent_label.setText(self.tr("Recent files:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_recent(self, files: list[str]) -> None:
        self.recent.clear()
        for path in files:
            item = QListWidgetItem(Path(path).name, self.recent)
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
        self.recent.setVisible(bool(files))
        self.recent_label.setVisible(bool(files))
        if files:  # as tall as its entries, not a large empty box
            rows = self.recent.sizeHintForRow(0) * len(files)
            self.recent.setFixedHeight(rows + 2 * self.recent.frameWidth() + 4)

    def _recent_activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
