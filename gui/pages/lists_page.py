"""The "Lists" tab: every list with its release, data cut-off and counts as of a date; an
entity browser with the same timeline as the results; importing a list pack."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.lists.lookup import find_entities
from core.lists.snapshot import ListSnapshot, freshness_warning
from gui.models.lists_models import EntitiesModel, ListsModel
from gui.text.labels import list_title, status_label
from gui.widgets.entity_history import EntityHistory
from gui.widgets.options_panel import DateField


class ListsView(QWidget):
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot: ListSnapshot | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.date_label = QLabel(self)
        top.addWidget(self.date_label)
        self.date = DateField(self)
        self.date.edit.setObjectName("listsAsOfDate")
        self.date.date_changed.connect(self._as_of_changed)
        top.addWidget(self.date)
        top.addStretch(1)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importPackButton")
        self.import_button.clicked.connect(self.import_requested)
        top.addWidget(self.import_button)
        layout.addLayout(top)
        self.releases = QLabel(self)
        self.releases.setObjectName("releasesLabel")
        self.releases.setWordWrap(True)
        layout.addWidget(self.releases)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.lists_model = ListsModel(self)
        self.lists_table = QTableView(splitter)
        self.lists_table.setObjectName("listsTable")
        self.lists_table.setModel(self.lists_model)
        self._table_defaults(self.lists_table)
        self.lists_table.setWordWrap(False)
        header = self.lists_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lists_table.setColumnHidden(2, True)  # authority: in the tooltip of the list
        splitter.addWidget(self.lists_table)

        self.browser = QGroupBox(splitter)
        browser = QHBoxLayout(self.browser)
        left = QVBoxLayout()
        self.search = QLineEdit(self.browser)
        self.search.setObjectName("entitySearch")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.run_search)
        left.addWidget(self.search)
        self.entities_model = EntitiesModel(self)
        self.entities = QTableView(self.browser)
        self.entities.setObjectName("entitiesTable")
        self.entities.setModel(self.entities_model)
        self._table_defaults(self.entities)
        self.entities.setWordWrap(False)
        self.entities.horizontalHeader().setDefaultSectionSize(180)
        self.entities.selectionModel().currentRowChanged.connect(self._entity_changed)
        left.addWidget(self.entities, 1)
        browser.addLayout(left, 2)
        right = QVBoxLayout()
        self.entity_info = QLabel(self.browser)
        self.entity_info.setObjectName("entityBrowserInfo")
        self.entity_info.setWordWrap(True)
        self.entity_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right.addWidget(self.entity_info)
        self.history = EntityHistory(self.browser, scroll_events=True)
        right.addWidget(self.history, 1)
        browser.addLayout(right, 3)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout.addWidget(splitter, 1)
        self.retranslate()

    @staticmethod
    def _table_defaults(table: QTableView) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)

    def retranslate(self) -> None:
        self.date_label.setText(self.tr("Counts as of:"))
        self.import_button.setText(self.tr("Import list data…"))
        self.import_button.setToolTip(
            self.tr(
                "Import a signed list pack, an OpenSanctions or Consolidated Screening List "
                "file, or an own list (CSV or Excel)"
            )
        )
        self.browser.setTitle(self.tr("Find a listed entity"))
        self.search.setPlaceholderText(self.tr("Name, Chinese name, alias or id"))
        self.lists_model.retranslate()
        self.entities_model.retranslate()
        self._show_releases()
        self._show_entity()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_snapshot(self, snapshot: ListSnapshot) -> None:
        self.snapshot = snapshot
        self.lists_model.set_snapshot(snapshot, self.date.date())
        self._fit_lists_table()
        self._show_releases()
        self.run_search()

    def _fit_lists_table(self) -> None:
        """Tall enough for every list (there are few), the rest for the entity browser."""
        table = self.lists_table
        rows = min(12, self.lists_model.rowCount())
        height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
        height += rows * table.verticalHeader().defaultSectionSize()
        height += table.horizontalScrollBar().sizeHint().height()
        self.splitter.setSizes([height, max(300, self.splitter.height() - height)])

    def set_as_of(self, as_of: dt.date) -> None:
        self.date.set_date(as_of)

    def _as_of_changed(self, as_of: dt.date) -> None:
        # Counting every list's statuses replays all events (~150 ms on the GUI thread while a
        # screening competes for the GIL): do it only when the view is seen.
        if not self.isVisible():
            self._stale_as_of = True
            return
        self._stale_as_of = False
        self.lists_model.set_as_of(as_of)
        self._show_releases()
        self._show_entity()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if getattr(self, "_stale_as_of", False):
            self._as_of_changed(self.date.date())

    def _show_releases(self) -> None:
        if self.snapshot is None:
            self.releases.clear()
            return
        as_of = self.date.date()
        lines = []
        for release in self.snapshot.releases:
            template = self.tr("{publisher} {version}: data cut-off {cutoff}, imported {imported}")
            line = template.format(
                publisher=release.publisher,
                version=release.version,
                cutoff=release.data_cutoff.isoformat(),
                imported=release.imported_at.date().isoformat(),
            )
            if release.signed_by:
                line += " — " + self.tr("signed by publisher key {key}").format(
                    key=release.signed_by
                )
            elif release.unsigned_allowed:
                line += " — " + self.tr("unsigned, imported by explicit choice")
            warning = freshness_warning(release, as_of)
            if warning is not None:
                line += " — " + self.tr(
                    "{days} days before the chosen date: newer announcements may be missing"
                ).format(days=warning.days_after_cutoff)
            lines.append(line)
            if release.licence:
                lines.append(
                    "    "
                    + self.tr("Licence: {licence}; attribution: {attribution}").format(
                        licence=release.licence, attribution=release.attribution
                    )
                )
        self.releases.setText("\n".join(lines))

    def run_search(self) -> None:
        if self.snapshot is None:
            return
        text = self.search.text().strip()
        found = find_entities(self.snapshot, text, limit=200) if text else []
        self.entities_model.set_entities(self.snapshot, found)
        if found:
            self.entities.selectRow(0)
        else:
            self._show_entity()

    def _entity_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_entity()

    def _show_entity(self) -> None:
        index = self.entities.selectionModel().currentIndex()
        if self.snapshot is None or not index.isValid():
            self.entity_info.setText(
                self.tr("Search above, then pick an entity to see its history.")
            )
            self.history.clear()
            return
        entity = self.entities_model.entity_at(index.row())
        as_of = self.date.date()
        statuses = self.snapshot.statuses(entity.entity_id, as_of)
        lines = [f"<b>{html.escape(entity.name_en)}</b> {html.escape(entity.name_zh)}"]
        if entity.aliases:
            lines.append(
                html.escape(
                    self.tr("Also known as: {names}").format(names="; ".join(entity.aliases))
                )
            )
        for list_id, status in statuses.items():
            title = list_title(self.snapshot.lists.get(list_id), list_id)
            lines.append(f"{html.escape(title)}: <b>{html.escape(status_label(status.status))}</b>")
        self.entity_info.setText("<br>".join(lines))
        self.history.show_entity(self.snapshot, entity.entity_id, as_of)

    def set_busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy)
