"""The "Results" tab: counts, the freshness banner, filters, the hits table and the detail pane."""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.lists.model import Status
from core.lists.snapshot import FreshnessWarning, ListSnapshot
from core.review.state import ReviewState
from core.screening.coverage import CoverageGap, CoverageWarning
from core.screening.decision import Decision
from core.screening.result import ListingHit, ScreeningResult
from gui.models.results_model import (
    COL_COUNTRY,
    COL_DECISION,
    COL_ENTITY,
    COL_LIST,
    COL_ROW,
    COL_SCORE,
    COL_SHEET,
    COL_SINCE,
    COL_STATUS,
    COL_SUPPLIER,
    COL_UNTIL,
    ResultsFilterProxy,
    ResultsModel,
)
from gui.text.decision_keys import DECISION_KEYS, DECISION_LETTERS
from gui.text.labels import (
    SCREENED_STATUSES,
    STATUS_COLORS,
    decision_label,
    list_title,
    status_label,
)
from gui.widgets.detail_pane import DetailPane
from gui.widgets.items_panel import ItemsPanel

COLUMN_CHARS = {
    COL_ROW: 4,
    COL_SHEET: 10,
    COL_SUPPLIER: 24,
    COL_ENTITY: 24,
    COL_LIST: 18,
    COL_STATUS: 13,
    COL_DECISION: 13,
    COL_SCORE: 5,
    COL_COUNTRY: 7,
    COL_SINCE: 10,
    COL_UNTIL: 10,
}
"""Starting column widths, in average characters of the font (HiDPI and CJK fonts follow)."""

BANNER_STYLE = (
    "QLabel#freshnessBanner { background: rgba(230,145,20,0.25); border: 1px solid "
    "rgba(230,145,20,0.8); border-radius: 4px; padding: 6px; }"
)


class ResultsPage(QWidget):
    decide_requested = Signal(str, str)
    export_requested = Signal()
    open_folder_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ScreeningResult | None = None
        self.snapshot: ListSnapshot | None = None
        self._showing = False
        self._awaiting_paint = False
        self.model = ResultsModel(self)
        self.proxy = ResultsFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        outer = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        self.stack.addWidget(self.empty)
        page = QWidget(self)
        self.stack.addWidget(page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.summary = QLabel(page)
        self.summary.setObjectName("resultsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.summary, 1)
        self.export_button = QPushButton(page)
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export_requested)
        self.folder_button = QPushButton(page)
        self.folder_button.setObjectName("openFolderButton")
        self.folder_button.clicked.connect(self.open_folder_requested)
        self.folder_button.setEnabled(False)
        self.all_rows_check = QCheckBox(page)
        self.all_rows_check.setObjectName("allRowsCheck")
        self.all_rows_check.setEnabled(False)
        top.addWidget(self.all_rows_check)
        top.addWidget(self.export_button)
        top.addWidget(self.folder_button)
        layout.addLayout(top)

        self.banner = QLabel(page)
        self.banner.setObjectName("freshnessBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.counts = QLabel(page)
        self.counts.setObjectName("statusCounts")
        layout.addWidget(self.counts)
        layout.addLayout(self._filter_bar(page))

        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        self.splitter = splitter
        self.table = QTableView(splitter)
        self.table.setObjectName("resultsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        # Always there: a scroll bar that appears once the rows are in lays the table out and
        # paints it a second time on the first display of a result.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        char = self.fontMetrics().averageCharWidth()
        for column, chars in COLUMN_CHARS.items():
            header.resizeSection(column, chars * char + 14)
        header.setStretchLastSection(True)
        # Hidden from the start (most files have one sheet): hiding it later, on the first
        # result, makes the table repaint its columns again after it was first painted.
        self.table.setColumnHidden(COL_SHEET, True)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.viewport().installEventFilter(self)
        self.detail = DetailPane(splitter)
        self.detail.decide_requested.connect(self.decide_requested)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([830, 430])
        # The listed parties, or the controlled items (purchase files with HS codes): the
        # view filter chooses; the items view is there only when a result has item hits.
        self.views = QStackedWidget(page)
        self.views.addWidget(splitter)
        self.items_panel = ItemsPanel(self.views)
        self.views.addWidget(self.items_panel)
        layout.addWidget(self.views, 1)
        self._shortcuts()
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self.apply_filters)
        # The detail pane follows the current row a turn later: its layout and painting are
        # the heaviest of the page, and they should not add to the table's own repaint.
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(0)
        self._detail_timer.timeout.connect(self._show_current_detail)
        self._awaiting_paint = False
        """A result was just shown: its first hit's details wait for the table's first paint."""
        # A zero timer, not a queued call: Qt runs those once pending input and timers are
        # served, so the table's first paint and the details are never one long turn.
        self._first_detail_timer = QTimer(self)
        self._first_detail_timer.setSingleShot(True)
        self._first_detail_timer.setInterval(0)
        self._first_detail_timer.timeout.connect(self._select_first)
        self.retranslate()

    def _filter_bar(self, parent: QWidget) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.view_filter = QComboBox(parent)
        self.view_filter.setObjectName("viewFilter")
        self.view_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.view_filter.currentIndexChanged.connect(self._view_changed)
        self.view_filter.hide()
        bar.addWidget(self.view_filter)
        self.status_filter = QComboBox(parent)
        self.status_filter.setObjectName("statusFilter")
        self.list_filter = QComboBox(parent)
        self.list_filter.setObjectName("listFilter")
        self.decision_filter = QComboBox(parent)
        self.decision_filter.setObjectName("decisionFilter")
        for combo in (self.status_filter, self.list_filter, self.decision_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaximumWidth(self.fontMetrics().averageCharWidth() * 36)
            combo.currentIndexChanged.connect(self.apply_filters)
            bar.addWidget(combo)
        self.search = QLineEdit(parent)
        self.search.setObjectName("searchField")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        bar.addWidget(self.search, 1)
        self.shown = QLabel(parent)
        bar.addWidget(self.shown)
        return bar

    def _shortcuts(self) -> None:
        for decision, keys in DECISION_KEYS.items():
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=decision: self._decide(d))
        for decision, key in DECISION_LETTERS.items():
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda d=decision: self._decide(d))
        focus = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        focus.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        focus.activated.connect(self.search.setFocus)

    # -- language -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.empty.setText(self.tr("No results yet: screen a file, or reopen a run from History."))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.folder_button.setText(self.tr("Open containing folder"))
        self.all_rows_check.setText(self.tr("With all rows"))
        self._update_all_rows_tip()
        self.search.setPlaceholderText(self.tr("Search supplier, entity, list, note…  (Ctrl+F)"))
        self.table.setToolTip(
            self.tr("C: confirm, F: false positive, E: escalate (or Ctrl+1, Ctrl+2, Ctrl+3)")
        )
        self._fill_filters()
        self._fill_views()
        self.model.retranslate()
        self.items_panel.model.retranslate()
        self._update_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_filters(self) -> None:
        keep = (
            self.status_filter.currentData(),
            self.list_filter.currentData(),
            self.decision_filter.currentData(),
        )
        for combo in (self.status_filter, self.list_filter, self.decision_filter):
            combo.blockSignals(True)
            combo.clear()
        self.status_filter.addItem(self.tr("All statuses"), "")
        for status in SCREENED_STATUSES:
            self.status_filter.addItem(status_label(status), status.value)
        self.list_filter.addItem(self.tr("All lists"), "")
        if self.result is not None:
            lists = self.snapshot.lists if self.snapshot is not None else {}
            for list_id in self.result.list_ids:
                self.list_filter.addItem(list_title(lists.get(list_id), list_id), list_id)
        self.decision_filter.addItem(self.tr("Any decision"), "")
        self.decision_filter.addItem(self.tr("Not decided"), ReviewState.UNDECIDED.value)
        self.decision_filter.addItem(self.tr("Review again"), ReviewState.REVIEW_AGAIN.value)
        for decision in Decision:
            self.decision_filter.addItem(decision_label(decision), decision.value)
        for combo, value in zip(
            (self.status_filter, self.list_filter, self.decision_filter), keep, strict=True
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)

    # -- showing results ------------------------------------------------------------------------
    def show_result(self, result: ScreeningResult, snapshot: ListSnapshot | None) -> None:
        self.result, self.snapshot = result, snapshot
        lists = snapshot.lists if snapshot is not None else {}
        self.model.set_hits(result.hits, lists, (s.sheet for s in result.sheets))
        self.table.setColumnHidden(COL_SHEET, len(result.sheets) < 2)
        self._fit_row_column()
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._showing = True
        self.search.clear()
        self._fill_filters()
        for combo in (self.status_filter, self.list_filter, self.decision_filter):
            combo.setCurrentIndex(0)
        self.apply_filters()
        self._showing = False
        self._show_items(result, snapshot)
        self.folder_button.setEnabled(False)
        self.all_rows_check.setEnabled(bool(result.all_rows))
        if not result.all_rows:
            self.all_rows_check.setChecked(False)
        self._update_all_rows_tip()
        self.stack.setCurrentIndex(1)
        self._update_texts()
        self._detail_timer.stop()
        self.detail.show_hit(None)
        # The first row is selected now, so the table is painted once, with it; its details
        # follow once the table has been painted, in a later turn of the event loop: together
        # the two held up the window for 150 ms on the first display.
        self._awaiting_paint = True
        if self.proxy.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _fit_row_column(self) -> None:
        """Widen the Row column for row numbers longer than it shows (a file of a million
        rows); never narrower than the user or the start left it."""
        digits = len(str(self.model.hits_by_position().highest_row()))
        if digits <= COLUMN_CHARS[COL_ROW]:
            return  # most files: no change, so the table is not laid out twice
        header = self.table.horizontalHeader()
        # digits are wider than the average character; the cell has margins on both sides
        wanted = self.fontMetrics().horizontalAdvance("0" * digits) + 24
        if header.sectionSize(COL_ROW) < wanted:
            header.resizeSection(COL_ROW, wanted)

    def _show_items(self, result: ScreeningResult, snapshot: ListSnapshot | None) -> None:
        has_items = bool(result.item_hits)
        if has_items:
            items = snapshot.items if snapshot is not None else ()
            self.items_panel.set_hits(result.item_hits, items, result.as_of)
        self._fill_views()
        self.view_filter.setCurrentIndex(0)
        if self.view_filter.isVisible() != has_items:
            self.view_filter.setVisible(has_items)

    def _fill_views(self) -> None:
        index = max(0, self.view_filter.currentIndex())
        self.view_filter.blockSignals(True)
        self.view_filter.clear()
        parties = len(self.result.hits) if self.result is not None else 0
        items = len(self.result.item_hits) if self.result is not None else 0
        self.view_filter.addItem(self.tr("Listed parties ({count})").format(count=parties))
        self.view_filter.addItem(self.tr("Controlled items ({count})").format(count=items))
        self.view_filter.setCurrentIndex(index)
        self.view_filter.blockSignals(False)

    def _view_changed(self, index: int) -> None:
        """The parties' filters and search apply to the parties' table only."""
        self.views.setCurrentIndex(max(0, index))
        for widget in (self.status_filter, self.list_filter, self.decision_filter, self.search):
            widget.setEnabled(index <= 0)

    def show_items_view(self) -> None:
        """Switch to the controlled items (the view filter's second entry)."""
        self.view_filter.setCurrentIndex(1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._awaiting_paint
            and event.type() == QEvent.Type.Paint
            and watched is self.table.viewport()
        ):
            self._awaiting_paint = False
            self._first_detail_timer.start()
        return False

    def include_all_rows(self) -> bool:
        """The report should have the "All rows" sheet (chosen, and the rows are there)."""
        return self.all_rows_check.isEnabled() and self.all_rows_check.isChecked()

    def _update_all_rows_tip(self) -> None:
        if self.result is not None and not self.result.all_rows:
            tip = self.tr(
                "A screening reopened from History keeps only its flagged rows: screen the "
                "file again for a report with every row."
            )
        else:
            tip = self.tr(
                "Add an 'All rows' sheet to the Excel report: every row screened, with its "
                "result, flagged rows tinted."
            )
        self.all_rows_check.setToolTip(tip)

    def _select_first(self) -> None:
        if self.result is None:
            return
        if self.table.selectionModel().hasSelection():
            self._show_current_detail()
        elif self.proxy.rowCount():
            self.select_row(0)

    def _update_texts(self) -> None:
        result = self.result
        if result is None:
            return
        run = self.tr(", run {id}").format(id=result.run_id) if result.run_id else ""
        self.summary.setText(
            self.tr("{file} as of {date}: {rows} rows screened, {flagged} flagged{run}").format(
                file=result.input_name,
                date=result.as_of.isoformat(),
                rows=f"{result.rows_screened:,}",
                flagged=f"{result.flagged_rows():,}",
                run=run,
            )
        )
        counts = self.model.status_counts()
        chips = []
        for status in SCREENED_STATUSES:
            color = STATUS_COLORS[status].name()
            chips.append(
                f"<span style='color:{color}'>●</span> {status_label(status)} "
                f"<b>{counts.get(status, 0)}</b>"
            )
        if result.item_hits:
            rows = len({(h.sheet, h.row) for h in result.item_hits})
            chips.append(
                html.escape(self.tr("Controlled items on {rows} rows").format(rows=f"{rows:,}"))
            )
        self.counts.setText("&nbsp;&nbsp;&nbsp;".join(chips))
        notes = [self.freshness_text(w) for w in result.freshness]
        notes += [self.coverage_text(w) for w in result.coverage]
        self.banner.setVisible(bool(notes))
        self.banner.setText("\n".join(notes))
        self._update_shown()

    def coverage_text(self, warning: CoverageWarning) -> str:
        lists = self.snapshot.lists if self.snapshot is not None else {}
        title = list_title(lists.get(warning.list_id), warning.list_id)
        if warning.gap is CoverageGap.NO_NAMES:
            return self.tr(
                "{list}: the list data has no names for this list, so nothing was screened "
                "against it. Import its names as an own list to screen it."
            ).format(list=title)
        return self.tr(
            "{list}: the list data names only persons on this list, so no company in the file "
            "can match it."
        ).format(list=title)

    def freshness_text(self, warning: FreshnessWarning) -> str:
        release = warning.release
        return self.tr(
            "⚠ List data {publisher} {version} is current to {cutoff}; the screening date "
            "{date} is {days} days later. Announcements after the cut-off are missing, and "
            "suspension ends computed from a notice may have changed since. Import a newer "
            "list release."
        ).format(
            publisher=release.publisher,
            version=release.version,
            cutoff=release.data_cutoff.isoformat(),
            date=warning.as_of.isoformat(),
            days=warning.days_after_cutoff,
        )

    def _update_shown(self) -> None:
        self.shown.setText(
            self.tr("{shown} of {total} hits").format(
                shown=f"{self.proxy.rowCount():,}", total=f"{self.model.rowCount():,}"
            )
        )

    def apply_filters(self) -> None:
        status = self.status_filter.currentData()
        self.proxy.set_filters(
            statuses=[Status(status)] if status else None,
            list_id=self.list_filter.currentData() or None,
            decision=self.decision_filter.currentData() or None,
            text=self.search.text(),
        )
        self._update_shown()
        if self._showing or self._awaiting_paint:
            return
        if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
            self.select_row(0)

    def select_row(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self._awaiting_paint = False
        self._show_current_detail()  # a row chosen by the program: its details at once

    def current_hit(self) -> ListingHit | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.proxy.hit_at(index.row())

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._awaiting_paint:
            self._detail_timer.start()

    def _show_current_detail(self) -> None:
        self._detail_timer.stop()
        self._show_detail(self.current_hit())

    def _decide(self, decision: Decision) -> None:
        """A decision shortcut: on the details of the current row, even if they were due."""
        if self._detail_timer.isActive():
            self._show_current_detail()
        self.detail.request(decision)

    def _show_detail(self, hit: ListingHit | None) -> None:
        if hit is None or self.result is None:
            self.detail.show_hit(None)
            return
        siblings = self.model.siblings(hit)
        self.detail.show_hit(hit, siblings, self.result, self.snapshot)

    def update_hits(self, hits: list[ListingHit]) -> None:
        """New versions of hits after a decision: table, counts and detail follow."""
        current = self.current_hit()
        self.model.replace_hits(hits)
        if self.result is not None:
            self.result = replace(self.result, hits=self.model.hits())
        self._update_texts()
        if current is not None:
            self._show_detail(self.current_hit())

    def clear(self) -> None:
        self._detail_timer.stop()
        self._awaiting_paint = False
        self.result, self.snapshot = None, None
        self.model.clear()
        self.detail.show_hit(None)
        self.stack.setCurrentIndex(0)

    def set_exported(self, exported: bool) -> None:
        self.folder_button.setEnabled(exported)
