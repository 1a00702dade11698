"""The selected hit in full: the supplier row, the entity, why it matched, its history, and the
reviewer's decision."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.lists.asof import StatusBasis
from core.lists.model import Action, Status
from core.lists.snapshot import ListSnapshot
from core.review.state import ReviewState, review_of
from core.screening.decision import Decision
from core.screening.result import ListingHit, ScreeningResult
from core.spreadsheets.table import cell_text, header_label
from gui.text.core_text import band_label, event_text, reason_text
from gui.text.decision_keys import DECISION_KEYS
from gui.text.labels import STATUS_COLORS, decision_label, list_title, status_label
from gui.widgets.entity_history import EntityHistory
from gui.widgets.wrapped_label import WrappedLabel


def highlight_tokens(text: str, tokens: Sequence[str], palette: QPalette) -> str:
    """``text`` as HTML with every occurrence of the matched tokens marked."""
    folded = text.casefold()
    marks = [False] * len(text)
    for token in tokens:
        needle = token.casefold()
        if not needle or len(needle) != len(token):
            continue
        start = folded.find(needle)
        while start >= 0:
            for i in range(start, min(len(text), start + len(needle))):
                marks[i] = True
            start = folded.find(needle, start + len(needle))
    back = palette.color(QPalette.ColorRole.Highlight).name()
    fore = palette.color(QPalette.ColorRole.HighlightedText).name()
    out: list[str] = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and marks[j] == marks[i]:
            j += 1
        piece = html.escape(text[i:j])
        out.append(
            f"<span style='background-color:{back}; color:{fore}'>{piece}</span>"
            if marks[i]
            else piece
        )
        i = j
    return "".join(out)


def _label(parent: QWidget, name: str = "") -> QLabel:
    label = WrappedLabel(parent)
    if name:
        label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DetailPane(QScrollArea):
    decide_requested = Signal(str, str)
    """(decision value, note)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Always there: a scroll bar that comes and goes with each hit's details lays them out
        # and paints them a second time (20-40 ms a hit).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        # Never there: the texts wrap to the pane's width, and a horizontal bar shown while
        # they were first measured cost one more layout and paint.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.title = _label(body, "detailTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.statuses = _label(body, "detailStatuses")
        layout.addWidget(self.statuses)

        self.decision_box = QGroupBox(body)
        decision = QVBoxLayout(self.decision_box)
        self.prior = _label(self.decision_box, "priorDecision")
        decision.addWidget(self.prior)
        self.current = _label(self.decision_box, "currentDecision")
        decision.addWidget(self.current)
        self.note = QLineEdit(self.decision_box)
        self.note.setObjectName("decisionNote")
        decision.addWidget(self.note)
        buttons = QHBoxLayout()
        self.buttons: dict[Decision, QPushButton] = {}
        for choice in DECISION_KEYS:
            button = QPushButton(self.decision_box)
            button.setObjectName(f"decide_{choice.value}")
            button.clicked.connect(lambda _=False, c=choice: self.request(c))
            buttons.addWidget(button)
            self.buttons[choice] = button
        decision.addLayout(buttons)
        layout.addWidget(self.decision_box)

        self.match_box = QGroupBox(body)
        match = QVBoxLayout(self.match_box)
        self.why = _label(self.match_box, "whyMatched")
        match.addWidget(self.why)
        layout.addWidget(self.match_box)

        self.history_box = QGroupBox(body)
        history = QVBoxLayout(self.history_box)
        self.history = EntityHistory(self.history_box)
        history.addWidget(self.history)
        layout.addWidget(self.history_box)

        self.entity_box = QGroupBox(body)
        entity = QVBoxLayout(self.entity_box)
        self.entity = _label(self.entity_box, "entityInfo")
        entity.addWidget(self.entity)
        layout.addWidget(self.entity_box)

        self.row_box = QGroupBox(body)
        row = QVBoxLayout(self.row_box)
        self.row = _label(self.row_box, "supplierRow")
        row.addWidget(self.row)
        layout.addWidget(self.row_box)
        layout.addStretch(1)
        self.setWidget(body)

        self.hit: ListingHit | None = None
        self._siblings: list[ListingHit] = []
        self._result: ScreeningResult | None = None
        self._snapshot: ListSnapshot | None = None
        self.retranslate()
        self.show_hit(None)

    # -- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.decision_box.setTitle(self.tr("Decision"))
        self.match_box.setTitle(self.tr("Why it matched"))
        self.history_box.setTitle(self.tr("Listing history"))
        self.entity_box.setTitle(self.tr("Listed entity"))
        self.row_box.setTitle(self.tr("Supplier row"))
        self.note.setPlaceholderText(self.tr("Note (optional): why you decided so"))
        texts = {
            Decision.CONFIRMED: self.tr("Confirm"),
            Decision.FALSE_POSITIVE: self.tr("False positive"),
            Decision.ESCALATED: self.tr("Escalate"),
        }
        for choice, button in self.buttons.items():
            key = QKeySequence(DECISION_KEYS[choice]).toString(
                QKeySequence.SequenceFormat.NativeText
            )
            button.setText(texts[choice])
            button.setToolTip(f"{texts[choice]} ({key})")
        if self._result is not None:
            self.show_hit(self.hit, self._siblings, self._result, self._snapshot)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing a hit --------------------------------------------------------------------------
    def request(self, decision: Decision) -> None:
        if self.hit is not None:
            self.decide_requested.emit(decision.value, self.note.text().strip())

    def show_hit(
        self,
        hit: ListingHit | None,
        siblings: Sequence[ListingHit] = (),
        result: ScreeningResult | None = None,
        snapshot: ListSnapshot | None = None,
    ) -> None:
        """Show ``hit``; ``siblings`` are the hits of the same row and entity on other lists."""
        self.hit, self._siblings = hit, list(siblings) or ([hit] if hit else [])
        self._result, self._snapshot = result, snapshot
        self.set_sections_visible(hit is not None and result is not None)
        if hit is None or result is None:
            self.title.setText(self.tr("Select a hit to see why it matched and decide on it."))
            self.statuses.clear()
            self.history.clear()
            return
        self.title.setText(hit.entity_name or hit.entity_name_zh)
        self.statuses.setText(self._statuses_html())
        self._show_decision(hit)
        self.why.setText(self._why_html(hit))
        self.entity.setText(self._entity_html(hit, snapshot))
        self.row.setText(self._row_html(hit, result))
        if snapshot is not None and hit.entity_id in snapshot.entities:
            self.history.show_entity(snapshot, hit.entity_id, result.as_of)
        else:
            self.history.clear()

    def set_sections_visible(self, visible: bool) -> None:
        for box in (
            self.decision_box,
            self.match_box,
            self.history_box,
            self.entity_box,
            self.row_box,
        ):
            box.setVisible(visible)

    def _list_name(self, list_id: str) -> str:
        lists = self._snapshot.lists if self._snapshot is not None else {}
        return list_title(lists.get(list_id), list_id)

    def _statuses_html(self) -> str:
        lines = []
        for hit in self._siblings:
            lines.append(
                f"<span style='color:{STATUS_COLORS[hit.status].name()}'>●</span> "
                f"<b>{html.escape(self._list_name(hit.list_id))}</b>: "
                + html.escape(self.status_sentence(hit))
            )
            if hit.status_basis is StatusBasis.COMPUTED:
                lines.append(
                    "&nbsp;&nbsp;&nbsp;&nbsp;<i>" + html.escape(self.basis_sentence(hit)) + "</i>"
                )
            for change in hit.upcoming:
                lines.append(
                    "&nbsp;&nbsp;&nbsp;&nbsp;"
                    + html.escape(
                        self.tr("Announced, not yet in force: {change}").format(
                            change=event_text(change, with_list=False)
                        )
                    )
                )
        return "<br>".join(lines)

    def basis_sentence(self, hit: ListingHit) -> str:
        """Why a computed status is computed (the mark beside it)."""
        event = hit.basis_event
        if event is not None and event.action is Action.SUSPENDED and event.until is not None:
            return self.tr(
                "Computed: in force again because the suspension's end, {date}, has passed; "
                "that end was counted from the notice or no later notice confirms it."
            ).format(date=event.until.isoformat())
        day = event.effective_on.isoformat() if event is not None else "?"
        return self.tr(
            "Computed: the date {date} was derived (an edition or file comparison), not printed."
        ).format(date=day)

    def status_sentence(self, hit: ListingHit) -> str:
        """ "Suspended from 2025-05-14 until 2025-08-12 (listed since 2025-04-04)" and the like."""

        def day(value: dt.date | None) -> str:
            return value.isoformat() if value else "?"

        if hit.status is Status.SUSPENDED:
            since = hit.suspended_since or hit.since
            text = self.tr("Suspended from {start}").format(start=day(since))
            if hit.until:
                text += self.tr(" until {end}").format(end=day(hit.until))
            else:
                text += self.tr(", no end announced")
            if hit.since and hit.since != since:
                text += self.tr(" (listed since {date})").format(date=day(hit.since))
            return text
        if hit.status is Status.ACTIVE:
            return self.tr("Active since {date}").format(date=day(hit.since))
        if hit.status is Status.PENDING:
            return self.tr("Pending: takes effect on {date}").format(date=day(hit.since))
        if hit.status is Status.REMOVED:
            return self.tr("Removed on {date}").format(date=day(hit.since))
        return status_label(hit.status)

    def _show_decision(self, hit: ListingHit) -> None:
        review = review_of(hit)
        prior = review.prior
        if prior is not None and prior.applies:
            self.prior.setText(
                self.tr("Cleared before by {name} on {date}: {note}").format(
                    name=prior.decided_by,
                    date=prior.decided_at.date().isoformat(),
                    note=prior.note or "-",
                )
                if prior.decision is Decision.FALSE_POSITIVE
                else self.tr("Decided before by {name} on {date}: {decision}").format(
                    name=prior.decided_by,
                    date=prior.decided_at.date().isoformat(),
                    decision=decision_label(prior.decision),
                )
            )
        elif prior is not None:
            lists = self._snapshot.lists if self._snapshot is not None else {}
            changes = "; ".join(event_text(change, lists) for change in review.changes)
            lapsed = (
                self.tr(
                    "Cleared before by {name} on {date}, but the listing changed since: "
                    "review again. {changes}"
                )
                if prior.decision is Decision.FALSE_POSITIVE
                else self.tr(
                    "Decided before by {name} on {date} ({decision}), but the listing changed "
                    "since: review again. {changes}"
                )
            )
            self.prior.setText(
                lapsed.format(
                    name=prior.decided_by,
                    date=prior.decided_at.date().isoformat(),
                    decision=decision_label(prior.decision),
                    changes=changes,
                )
            )
        self.prior.setVisible(prior is not None)
        if review.decision is not None:
            when = review.at.date().isoformat() if review.at else ""
            text = self.tr("{decision} by {name} on {date}").format(
                decision=decision_label(review.decision), name=review.by, date=when
            )
            if review.note:
                text += f" — {review.note}"
            if review.state is ReviewState.REMEMBERED:
                text += " " + self.tr("(carried over from an earlier screening)")
        elif review.state is ReviewState.REVIEW_AGAIN:
            text = self.tr("Not decided on this screening yet.")
        else:
            text = self.tr("Not decided yet.")
        self.current.setText(text)

    def _why_html(self, hit: ListingHit) -> str:
        palette = self.palette()
        parts = [
            self.tr("Supplier text:")
            + " "
            + highlight_tokens(hit.supplier_name, hit.matched_tokens, palette),
            html.escape(self.tr("Matched name: {name}").format(name=hit.matched_name)),
            html.escape(
                self.tr("Score {score:.0f} ({band})").format(
                    score=hit.score, band=band_label(hit.band)
                )
            ),
        ]
        if hit.supplier_country:
            parts.append(
                html.escape(
                    self.tr("Country in the file: {country}").format(country=hit.supplier_country)
                )
            )
        reasons = "".join(f"<li>{html.escape(reason_text(r))}</li>" for r in hit.reasons)
        return "<br>".join(parts) + (f"<ul>{reasons}</ul>" if reasons else "")

    def _entity_html(self, hit: ListingHit, snapshot: ListSnapshot | None) -> str:
        entity = snapshot.entities.get(hit.entity_id) if snapshot else None
        rows = [
            (self.tr("English name"), hit.entity_name),
            (self.tr("Chinese name"), hit.entity_name_zh),
        ]
        if entity is not None:
            rows.append((self.tr("Also known as"), "; ".join(entity.aliases)))
            rows.append((self.tr("Country"), entity.country))
            rows.append((self.tr("Notes"), entity.notes))
        rows.append((self.tr("Entity id"), hit.entity_id))
        return _table_html((k, v) for k, v in rows if v)

    def _row_html(self, hit: ListingHit, result: ScreeningResult) -> str:
        values = result.rows.get((hit.sheet, hit.row), ())
        headers = result.headers_of(hit.sheet)
        where = (
            self.tr("Sheet {sheet}, row {row}").format(sheet=hit.sheet, row=hit.row)
            if hit.sheet
            else self.tr("Line {row}").format(row=hit.row)
        )
        untitled = self.tr("Column {letter}")
        rows = [
            (
                header_label(headers[i] if i < len(headers) else "", i, untitled),
                cell_text(value),
            )
            for i, value in enumerate(values)
        ]
        return f"<p>{html.escape(where)}</p>" + _table_html(rows)


def _table_html(rows: Iterable[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='padding-right:10px'><i>{html.escape(k)}</i></td>"
        f"<td>{html.escape(v)}</td></tr>"
        for k, v in rows
    )
    return f"<table cellspacing='2'>{cells}</table>"
