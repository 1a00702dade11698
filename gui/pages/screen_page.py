"""The "Screen" tab: open a file, check its columns on a preview, choose the options, screen.

The page holds the tables as read and the user's column choices; it never reads files itself
(the main window reads them in the background and calls ``show_tables``).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.spreadsheets import SheetChoice, SupplierTable
from core.spreadsheets.encodings import ENCODINGS, encoding_named, label_of
from gui.models.preview_model import PreviewModel, shown_data_rows
from gui.tasks import responsiveness
from gui.widgets.options_panel import OptionsPanel
from gui.widgets.welcome_page import WelcomePage


class ScreenPage(QWidget):
    open_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(str)
    sheet_requested = Signal(object)
    """A ``SheetChoice``: one sheet, or all sheets."""
    screen_requested = Signal()
    header_row_requested = Signal(int)
    """The row number the user chose as the header row; 0: find it automatically again."""
    encoding_requested = Signal(str)
    """The codec the user chose for a text file; "": detect it again."""

    HEADER_ROW_DELAY_MS = 400
    """How long the header-row box waits for more arrow clicks before the file is read again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.tables: list[SupplierTable] = []
        self._sheets: list[str] = []
        self._chosen_sheet = SheetChoice()
        self._chosen_header_row: int | None = None
        """The header row the user chose for what is shown; None: found automatically."""
        self._chosen_encoding: str | None = None
        """The encoding the user chose for the text file shown; None: detected."""
        self._updating = False

        outer = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack, 1)
        self.welcome = WelcomePage(self)
        self.welcome.open_requested.connect(self.open_requested)
        self.welcome.sample_requested.connect(self.sample_requested)
        self.welcome.recent_requested.connect(self.recent_requested)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self._build_setup())
        # A zero timer: Qt runs it once pending input and timers are served.
        self._reveal_timer = QTimer(self)
        self._reveal_timer.setSingleShot(True)
        self._reveal_timer.setInterval(0)
        self._reveal_timer.timeout.connect(self._reveal_columns)
        self.retranslate()

    def _build_setup(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.file_label = QLabel(page)
        self.file_label.setObjectName("fileLabel")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.file_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.file_label.setFont(font)
        top.addWidget(self.file_label, 1)
        self.other_file = QPushButton(page)
        self.other_file.clicked.connect(self.open_requested)
        top.addWidget(self.other_file)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        layout.addWidget(splitter, 1)
        self.columns_box = QGroupBox(splitter)
        columns = QVBoxLayout(self.columns_box)
        form = QFormLayout()
        self.sheet_combo = QComboBox(self.columns_box)
        self.sheet_combo.setObjectName("sheetCombo")
        self.sheet_combo.activated.connect(self._sheet_activated)
        self.sheet_label = QLabel(self.columns_box)
        form.addRow(self.sheet_label, self.sheet_combo)
        self.header_label = QLabel(self.columns_box)
        form.addRow(self.header_label, self._build_header_row())
        self.encoding_label = QLabel(self.columns_box)
        self.encoding_row = self._build_encoding_row()
        form.addRow(self.encoding_label, self.encoding_row)
        self.name_combo = QComboBox(self.columns_box)
        self.name_combo.setObjectName("nameColumnCombo")
        self.name_combo.currentIndexChanged.connect(self._roles_edited)
        self.name_label = QLabel(self.columns_box)
        form.addRow(self.name_label, self.name_combo)
        self.country_combo = QComboBox(self.columns_box)
        self.country_combo.setObjectName("countryColumnCombo")
        self.country_combo.currentIndexChanged.connect(self._roles_edited)
        self.country_label = QLabel(self.columns_box)
        form.addRow(self.country_label, self.country_combo)
        self.hs_combo = QComboBox(self.columns_box)
        self.hs_combo.setObjectName("hsColumnCombo")
        self.hs_combo.currentIndexChanged.connect(self._roles_edited)
        self.hs_label = QLabel(self.columns_box)
        form.addRow(self.hs_label, self.hs_combo)
        columns.addLayout(form)
        self.guess_hint = QLabel(self.columns_box)
        self.guess_hint.setObjectName("guessHint")
        self.guess_hint.setWordWrap(True)
        self.guess_hint.setAutoFillBackground(True)
        self.guess_hint.setStyleSheet(
            "QLabel#guessHint { background: rgba(230,145,20,0.22); border-radius: 4px;"
            " padding: 6px; }"
        )
        columns.addWidget(self.guess_hint)
        self.sheet_tabs = QTabBar(self.columns_box)
        self.sheet_tabs.setObjectName("previewSheetTabs")
        self.sheet_tabs.currentChanged.connect(self._show_table)
        columns.addWidget(self.sheet_tabs)
        self.preview_model = PreviewModel(self)
        self.preview = QTableView(self.columns_box)
        self.preview.setObjectName("previewTable")
        self.preview.setModel(self.preview_model)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectColumns)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setDefaultSectionSize(140)
        self.preview.verticalHeader().setDefaultSectionSize(self.preview.fontMetrics().height() + 6)
        self.preview.doubleClicked.connect(self._use_row_as_header)
        columns.addWidget(self.preview, 1)
        self.rows_info = QLabel(self.columns_box)
        columns.addWidget(self.rows_info)

        right = QWidget(splitter)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        self.options = OptionsPanel(right)
        side.addWidget(self.options, 1)
        self.screen_button = QPushButton(right)
        self.screen_button.setObjectName("screenButton")
        self.screen_button.setDefault(True)
        self.screen_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.screen_button.setMinimumHeight(self.screen_button.sizeHint().height() * 3 // 2)
        self.screen_button.clicked.connect(self.screen_requested)
        side.addWidget(self.screen_button)
        splitter.addWidget(self.columns_box)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([860, 400])
        return page

    def _build_header_row(self) -> QWidget:
        """The header row: a number box (the row as numbered in the file), whether it was found
        or chosen, and a button to find it again."""
        row = QWidget(self.columns_box)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header_spin = QSpinBox(row)
        self.header_spin.setObjectName("headerRowSpin")
        self.header_spin.setRange(1, 1)
        self.header_spin.setKeyboardTracking(False)  # typed numbers count on Enter
        self.header_spin.valueChanged.connect(self._header_row_edited)
        self.header_label.setBuddy(self.header_spin)
        layout.addWidget(self.header_spin)
        self.header_info = QLabel(row)
        self.header_info.setObjectName("headerRowLabel")
        layout.addWidget(self.header_info, 1)
        self.header_auto = QPushButton(row)
        self.header_auto.setObjectName("headerRowAuto")
        self.header_auto.clicked.connect(lambda: self.header_row_requested.emit(0))
        layout.addWidget(self.header_auto)
        self._header_timer = QTimer(self)
        self._header_timer.setSingleShot(True)
        self._header_timer.setInterval(self.HEADER_ROW_DELAY_MS)
        self._header_timer.timeout.connect(self._request_header_row)
        return row

    def _build_encoding_row(self) -> QWidget:
        """The text encoding of a CSV/TXT file: the one detected or chosen, and what it was.
        The preview below shows the rows as decoded, so a wrong encoding is seen at once."""
        row = QWidget(self.columns_box)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.encoding_combo = QComboBox(row)
        self.encoding_combo.setObjectName("encodingCombo")
        for encoding in ENCODINGS:
            self.encoding_combo.addItem(encoding.label, encoding.codec)
        self.encoding_combo.activated.connect(self._encoding_activated)
        self.encoding_label.setBuddy(self.encoding_combo)
        layout.addWidget(self.encoding_combo)
        self.encoding_info = QLabel(row)
        self.encoding_info.setObjectName("encodingLabel")
        self.encoding_info.setWordWrap(True)
        layout.addWidget(self.encoding_info, 1)
        self.encoding_auto = QPushButton(row)
        self.encoding_auto.setObjectName("encodingAuto")
        self.encoding_auto.clicked.connect(lambda: self.encoding_requested.emit(""))
        layout.addWidget(self.encoding_auto)
        return row

    # -- language -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.other_file.setText(self.tr("Open another file…"))
        self.columns_box.setTitle(self.tr("Check the columns"))
        self.sheet_label.setText(self.tr("Sheet:"))
        self.header_label.setText(self.tr("Header row:"))
        self.header_spin.setToolTip(
            self.tr(
                "The row that holds the column headers, numbered as in the spreadsheet. "
                "Rows above it are not screened; the columns are detected again from it."
            )
        )
        self.header_auto.setText(self.tr("Find automatically"))
        self.encoding_label.setText(self.tr("Encoding:"))
        self.encoding_combo.setToolTip(
            self.tr(
                "The text encoding of the file. If names in the preview look garbled "
                "(such as Ã©, ¹©Ó¦ or ????), choose the encoding the file was saved in."
            )
        )
        self.encoding_auto.setText(self.tr("Detect automatically"))
        self.name_label.setText(self.tr("Supplier name column:"))
        self.country_label.setText(self.tr("Country column:"))
        self.hs_label.setText(self.tr("HS code column:"))
        self.hs_combo.setToolTip(self.tr("The goods' HS codes: checked against controlled items"))
        self.screen_button.setText(self.tr("Screen"))
        self.screen_button.setToolTip(self.tr("Screen every row against the chosen lists (F5)"))
        if self.path is not None:
            self._fill_sheet_combo()
            self._show_table(self.sheet_tabs.currentIndex())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing a file -------------------------------------------------------------------------
    def show_welcome(self, recent: list[str]) -> None:
        self.welcome.set_recent(recent)
        if self.path is None:
            self.stack.setCurrentIndex(0)

    def show_tables(
        self,
        path: Path,
        sheets: list[str],
        tables: list[SupplierTable],
        chosen: SheetChoice,
        header_row: int | None = None,
        encoding: str | None = None,
    ) -> None:
        """Show what was read: ``chosen`` is the sheet read (or all sheets), ``header_row``
        the header row the user chose (None: it was found automatically), ``encoding`` the
        text encoding the user chose (None: detected)."""
        self.path = path
        self.tables = list(tables)
        self._sheets = list(sheets)
        self._chosen_sheet = chosen
        self._chosen_header_row = header_row
        self._chosen_encoding = encoding
        self.file_label.setText(path.name)
        self.file_label.setToolTip(str(path))
        self._updating = True
        try:
            self._fill_sheet_combo()
            while self.sheet_tabs.count():
                self.sheet_tabs.removeTab(0)
            for table in self.tables:
                self.sheet_tabs.addTab(table.sheet or path.name)
            self.sheet_tabs.setVisible(len(self.tables) > 1)
        finally:
            self._updating = False
        self.sheet_tabs.setCurrentIndex(0)
        self._show_table(0)
        if self.stack.currentIndex() != 1:
            self._reveal_timer.start()

    def _reveal_columns(self) -> None:
        """The column check replaces the welcome page a turn after it was filled: filling it
        and its first layout and paint were one 70-90 ms turn for a 100,000-row file."""
        if self.tables:
            self.stack.setCurrentIndex(1)
            responsiveness.settle_before_painting()

    def _fill_sheet_combo(self) -> None:
        self.sheet_combo.clear()
        if not self._sheets:
            self.sheet_combo.addItem(self.tr("(text file, one table)"), SheetChoice())
            self.sheet_combo.setEnabled(False)
            return
        self.sheet_combo.setEnabled(True)
        for name in self._sheets:
            self.sheet_combo.addItem(name, SheetChoice.named(name))
        if len(self._sheets) > 1:
            self.sheet_combo.addItem(self.tr("All sheets"), SheetChoice.every())
        items = range(self.sheet_combo.count())  # findData cannot compare Python values
        index = next((i for i in items if self.sheet_combo.itemData(i) == self._chosen_sheet), 0)
        self.sheet_combo.setCurrentIndex(max(0, index))

    def _sheet_activated(self, index: int) -> None:
        value = self.sheet_combo.itemData(index)
        if isinstance(value, SheetChoice) and not value.detected and value != self._chosen_sheet:
            self.sheet_requested.emit(value)

    @property
    def chosen_sheet(self) -> SheetChoice:
        """The sheet read, all sheets, or for a text file ``SheetChoice()``."""
        return self._chosen_sheet

    @property
    def chosen_header_row(self) -> int | None:
        """The header row chosen by hand for what is shown; None: found automatically."""
        return self._chosen_header_row

    @property
    def encoding(self) -> str | None:
        """The text encoding chosen by hand for the file shown; None: detected."""
        return self._chosen_encoding

    def choose_encoding(self, codec: str) -> None:
        """Choose the encoding by hand, as picking it in the box does."""
        index = self.encoding_combo.findData(codec)
        if index >= 0:
            self.encoding_combo.setCurrentIndex(index)
            self._encoding_activated(index)

    def _encoding_activated(self, index: int) -> None:
        codec = self.encoding_combo.itemData(index)
        if isinstance(codec, str) and self.tables and codec != self._shown_codec():
            self.encoding_requested.emit(codec)

    def _shown_codec(self) -> str | None:
        """The accepted encoding the shown text file was decoded with (None: a workbook)."""
        used = self.tables[0].encoding if self.tables else None
        return encoding_named(used).codec if used else None

    def _sync_encoding(self) -> None:
        """The encoding box shows the shown file's encoding (after a failed read too); only
        text files have one."""
        codec = self._shown_codec()
        self.encoding_label.setVisible(codec is not None)
        self.encoding_row.setVisible(codec is not None)
        if codec is None:
            return
        self.encoding_combo.setCurrentIndex(max(0, self.encoding_combo.findData(codec)))
        used = label_of(codec)
        if self._chosen_encoding is None:
            text = self.tr("detected: {encoding}; if names look garbled, choose another")
        else:
            text = self.tr("chosen by hand: {encoding}")
        self.encoding_info.setText(text.format(encoding=used))
        self.encoding_auto.setEnabled(
            self._chosen_encoding is not None and self.screen_button.isEnabled()
        )

    def _header_row_edited(self, _value: int) -> None:
        if not self._updating:
            self._header_timer.start()

    def _request_header_row(self) -> None:
        if not self.tables:
            return
        row = self.header_spin.value()
        if row != self.tables[self.current_table_index()].header_row:
            self.header_row_requested.emit(row)

    def header_timer_pending(self) -> bool:
        """A header row was typed or clicked and is about to be read (tests wait for it)."""
        return self._header_timer.isActive()

    def set_header_row(self, row: int) -> None:
        """Choose the header row by hand, as typing it in the box and pressing Enter does."""
        self.header_spin.setValue(row)
        self._header_timer.stop()
        self._request_header_row()

    def _use_row_as_header(self, index: QModelIndex) -> None:
        """A double-clicked preview row (above the header or below it) becomes the header."""
        if index.isValid() and self.tables and self.header_spin.isEnabled():
            self.set_header_row(self.preview_model.row_at(index.row()).row_number)

    def _sync_header_row(self) -> None:
        """The header-row box shows the current table's header row (after a failed read too)."""
        self._header_timer.stop()
        if not self.tables:
            return
        table = self.tables[self.current_table_index()]
        last = table.rows[-1].row_number if table.rows else table.header_row
        self._updating, updating = True, self._updating
        try:
            self.header_spin.setRange(1, max(last, table.header_row))
            self.header_spin.setValue(table.header_row)
        finally:
            self._updating = updating
        by_hand = self._chosen_header_row is not None
        self.header_info.setText(
            self.tr("chosen by hand") if by_hand else self.tr("found automatically")
        )
        self.header_auto.setEnabled(by_hand and self.screen_button.isEnabled())

    def current_table_index(self) -> int:
        return max(0, self.sheet_tabs.currentIndex())

    def _show_table(self, index: int) -> None:
        if self._updating or not self.tables or not 0 <= index < len(self.tables):
            return
        table = self.tables[index]
        self.preview_model.set_table(table)
        self._span_titles(table)
        self._fit_preview_columns()
        self._fill_column_combos(table)
        self._sync_header_row()
        self._sync_encoding()
        info = self.tr("{rows} data rows; the first {shown} are shown.").format(
            rows=f"{len(table.rows):,}", shown=shown_data_rows(table)
        )
        if table.above:
            info += " " + self.tr(
                "The rows above the header row are greyed. Double-click a row to make it the "
                "header row."
            )
        self.rows_info.setText(info)
        self._update_guess_hint(table)

    def _span_titles(self, table: SupplierTable) -> None:
        """A row above the header with text in its first cell only (a title) spans the
        preview's width, so it can be read whole."""
        self.preview.clearSpans()
        width = len(table.headers)
        for index, row in enumerate(table.above):
            if width > 1 and row.values and all(v in (None, "") for v in row.values[1:]):
                self.preview.setSpan(index, 0, 1, width)

    def _fit_preview_columns(self) -> None:
        """Columns as wide as their header and first rows' text, within limits. Measured here
        from the text: ``sizeHintForColumn`` asks the model for every role of every row."""
        table = self.preview_model.table
        if table is None:
            return
        metrics = self.preview.fontMetrics()
        header = self.preview.horizontalHeader()
        limit = metrics.averageCharWidth() * 40
        sample = table.rows[:50]
        for column in range(len(table.headers)):
            texts = [table.text(row, column) for row in sample]
            width = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            width = max(width, header.sectionSizeFromContents(column).width())
            header.resizeSection(column, min(limit, width + 16))

    def _fill_column_combos(self, table: SupplierTable) -> None:
        self._updating = True
        try:
            for combo, chosen, optional in (
                (self.name_combo, table.roles.name, False),
                (self.country_combo, table.roles.country, True),
                (self.hs_combo, table.roles.hs_code, True),
            ):
                combo.clear()
                if optional:
                    combo.addItem(self.tr("(none)"), -1)
                for column in range(len(table.headers)):
                    combo.addItem(table.column_label(column), column)
                index = combo.findData(-1 if chosen is None else chosen)
                combo.setCurrentIndex(max(0, index))
        finally:
            self._updating = False

    def _update_guess_hint(self, table: SupplierTable) -> None:
        guessed = sorted(table.guessed)
        if not guessed:
            self.guess_hint.hide()
            return
        names = {
            "name": self.tr("supplier name"),
            "country": self.tr("country"),
            "name_alt": self.tr("second name"),
            "address": self.tr("address"),
            "identifier": self.tr("identifier"),
        }
        roles = ", ".join(names.get(g, g) for g in guessed)
        self.guess_hint.setText(
            self.tr(
                "No header names the {roles} column: it was guessed from the cell contents. "
                "Please check it on the preview."
            ).format(roles=roles)
        )
        self.guess_hint.show()

    def _roles_edited(self) -> None:
        if self._updating or not self.tables:
            return
        index = self.current_table_index()
        table = self.tables[index]
        name = self.name_combo.currentData()
        country = self.country_combo.currentData()
        hs_code = self.hs_combo.currentData()
        roles = dataclasses.replace(
            table.roles,
            name=int(name) if name is not None else table.roles.name,
            country=None if country in (None, -1) else int(country),
            hs_code=None if hs_code in (None, -1) else int(hs_code),
        )
        chosen = {
            r
            for r in ("name", "country", "hs_code")
            if getattr(roles, r) != getattr(table.roles, r)
        }
        table = dataclasses.replace(table, roles=roles, guessed=table.guessed - chosen)
        self.tables[index] = table
        self.preview_model.roles_changed(table)
        self._update_guess_hint(table)

    def set_column(self, role: str, column: int | None) -> None:
        """Choose a column by hand (``role`` "name", "country" or "hs_code"), as the combo
        boxes do."""
        combo = {"name": self.name_combo, "hs_code": self.hs_combo}.get(role, self.country_combo)
        combo.setCurrentIndex(combo.findData(-1 if column is None else column))

    def set_busy(self, busy: bool) -> None:
        for widget in (
            self.screen_button,
            self.sheet_combo,
            self.header_spin,
            self.header_auto,
            self.encoding_combo,
            self.encoding_auto,
            self.name_combo,
            self.country_combo,
            self.hs_combo,
            self.other_file,
            self.welcome,
        ):
            widget.setEnabled(not busy)
        if not busy and not self._sheets:
            self.sheet_combo.setEnabled(False)
        if not busy:
            self._sync_header_row()  # a read that failed leaves the box as it was
            self._sync_encoding()
