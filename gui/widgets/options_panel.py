"""What to screen against: the as-of date, the lists and the match threshold."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.lists.model import RestrictionList
from core.matching import DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD, STRONG_THRESHOLD
from gui.tasks.screen_options import ScreenOptions
from gui.text.labels import list_title


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DateField(QWidget):
    """A date edit with a calendar popup, typed ISO dates and a "Today" quick pick."""

    date_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QDateEdit(self)
        self.edit.setObjectName("asOfDate")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(QDate(1990, 1, 1))
        self.edit.setMaximumDate(QDate(2099, 12, 31))
        self.edit.setDate(to_qdate(dt.date.today()))
        self.edit.dateChanged.connect(lambda d: self.date_changed.emit(from_qdate(d)))
        layout.addWidget(self.edit, 1)
        self.today = QPushButton(self)
        self.today.clicked.connect(lambda: self.set_date(dt.date.today()))
        layout.addWidget(self.today)
        self.retranslate()

    def retranslate(self) -> None:
        self.today.setText(self.tr("Today"))
        self.edit.setToolTip(self.tr("Type a date as YYYY-MM-DD or pick it from the calendar"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def date(self) -> dt.date:
        return from_qdate(self.edit.date())

    def set_date(self, day: dt.date) -> None:
        self.edit.setDate(to_qdate(day))


class OptionsPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("optionsPanel")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.date = DateField(self)
        self.date_label = QLabel(self)
        form.addRow(self.date_label, self.date)
        self.known_check = QCheckBox(self)
        self.known_check.setObjectName("knownOnCheck")
        self.known = DateField(self)
        self.known.setEnabled(False)
        self.known_check.toggled.connect(self.known.setEnabled)
        form.addRow(self.known_check, self.known)
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setObjectName("thresholdSpin")
        self.threshold.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.threshold.setDecimals(0)
        self.threshold.setSingleStep(1)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold_label = QLabel(self)
        form.addRow(self.threshold_label, self.threshold)
        layout.addLayout(form)
        self.lists_label = QLabel(self)
        layout.addWidget(self.lists_label)
        self.lists = QListWidget(self)
        self.lists.setObjectName("listsChooser")
        self.lists.setWordWrap(True)
        self.lists.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.lists, 1)
        buttons = QHBoxLayout()
        self.all_button = QPushButton(self)
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button = QPushButton(self)
        self.none_button.clicked.connect(lambda: self._check_all(False))
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._lists: list[RestrictionList] = []
        self._defaults: tuple[str, ...] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Screen against"))
        self.date_label.setText(self.tr("As of date:"))
        self.known_check.setText(self.tr("As known on:"))
        self.known_check.setToolTip(
            self.tr(
                "Screen with the list releases that were known on this day instead of the "
                "newest: what was known when a supplier was approved"
            )
        )
        self.threshold_label.setText(self.tr("Match threshold:"))
        self.threshold.setToolTip(
            self.tr(
                "Lowest name-match score shown (0-100). {default:g} is the default; "
                "{strong:g} and above are strong matches."
            ).format(default=DEFAULT_THRESHOLD, strong=STRONG_THRESHOLD)
        )
        self.lists_label.setText(self.tr("Lists:"))
        self.all_button.setText(self.tr("All"))
        self.none_button.setText(self.tr("None"))
        checked = self.checked_list_ids()
        self.set_lists(self._lists, checked)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_lists(
        self,
        lists: list[RestrictionList],
        checked: tuple[str, ...] | None = None,
        *,
        with_names: tuple[str, ...] | None = None,
    ) -> None:
        """Show ``lists``; ``checked`` None checks the default ones: those in ``with_names``
        (the lists the data has names for; None: all). A list without names is shown as such,
        unchecked and explained, never as if it were screened."""
        self._lists = list(lists)
        self._defaults = tuple(with_names) if with_names is not None else None
        self.lists.clear()
        for lst in self._lists:
            empty = self._defaults is not None and lst.list_id not in self._defaults
            title = list_title(lst)
            if empty:
                title = self.tr("{title} — no names in the data").format(title=title)
            item = QListWidgetItem(title, self.lists)
            item.setData(Qt.ItemDataRole.UserRole, lst.list_id)
            tip = f"{lst.list_id}\n{lst.authority}"
            if empty:
                tip += "\n" + self.tr(
                    "The list data has no names for this list: screening against it finds "
                    "nothing. Import its names as an own list (Lists → Import)."
                )
                item.setForeground(self.palette().placeholderText())
            item.setToolTip(tip)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = lst.list_id in checked if checked is not None else not empty
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for i in range(self.lists.count()):
            self.lists.item(i).setCheckState(state)

    def checked_list_ids(self) -> tuple[str, ...] | None:
        """The checked lists; None when they are the default ones (every list with names)."""
        items = [self.lists.item(i) for i in range(self.lists.count())]
        ids = tuple(
            str(i.data(Qt.ItemDataRole.UserRole))
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        )
        defaults = self._defaults
        if defaults is None:
            defaults = tuple(str(i.data(Qt.ItemDataRole.UserRole)) for i in items)
        return None if set(ids) == set(defaults) else ids

    def options(self) -> ScreenOptions:
        known = self.known.date() if self.known_check.isChecked() else None
        return ScreenOptions(
            self.date.date(), self.checked_list_ids(), self.threshold.value(), known_on=known
        )
