"""One controlled-item hit explained: the item, why the row matched it, its status as of the
date and what that status rests on, and the item's timeline."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from core.lists.asof import StatusBasis
from core.lists.items import ControlledItem
from core.lists.model import Status
from core.screening.item_hits import ItemHit, ItemSignal
from gui.desktop import file_dialogs
from gui.text.labels import STATUS_COLORS, status_label
from gui.widgets.timeline_widget import TimelineWidget, make_lane
from gui.widgets.wrapped_label import WrappedLabel


class ItemDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemDetail")
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setObjectName("itemTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.status = WrappedLabel(self)
        self.status.setObjectName("itemStatus")
        self.status.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.status)
        self.why_box = QGroupBox(self)
        why = QVBoxLayout(self.why_box)
        self.why = WrappedLabel(self.why_box)
        self.why.setObjectName("itemWhy")
        self.why.setTextFormat(Qt.TextFormat.RichText)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.why.setOpenExternalLinks(False)
        self.why.linkActivated.connect(lambda link: file_dialogs.open_url(QUrl(link)))
        why.addWidget(self.why)
        layout.addWidget(self.why_box)
        self.history_box = QGroupBox(self)
        history = QVBoxLayout(self.history_box)
        self.timeline = TimelineWidget(self.history_box)
        history.addWidget(self.timeline)
        layout.addWidget(self.history_box)
        layout.addStretch(1)
        self.hit: ItemHit | None = None
        self._item: ControlledItem | None = None
        self._as_of: dt.date | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.why_box.setTitle(self.tr("Why it matched"))
        self.history_box.setTitle(self.tr("Control history"))
        self.show_hit(self.hit, self._item, self._as_of)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_hit(
        self, hit: ItemHit | None, item: ControlledItem | None, as_of: dt.date | None
    ) -> None:
        self.hit, self._item, self._as_of = hit, item, as_of
        if hit is None:
            self.title.clear()
            self.status.clear()
            self.why.clear()
            self.timeline.clear()
            return
        self.title.setText(" ".join(n for n in (hit.item_name_zh, hit.item_name) if n))
        color = STATUS_COLORS[hit.status].name()
        self.status.setText(
            f"<span style='color:{color}'>●</span> <b>{html.escape(self.status_sentence(hit))}"
            f"</b><br>{html.escape(self.basis_sentence(hit))}"
        )
        self.why.setText(self._why_html(hit))
        if item is not None:
            events = [e.as_listing_event() for e in item.events]
            lane = make_lane(events[0].list_id, self.tr("Export control"), events)
            self.timeline.set_history([lane], as_of)
        else:
            self.timeline.clear()

    def status_sentence(self, hit: ItemHit) -> str:
        def day(value: dt.date | None) -> str:
            return value.isoformat() if value else "?"

        if hit.status is Status.SUSPENDED:
            text = self.tr("Suspended from {start}").format(
                start=day(hit.suspended_since or hit.since)
            )
            if hit.until:
                text += self.tr(" until {end}").format(end=day(hit.until))
            return text
        if hit.status is Status.ACTIVE:
            return self.tr("Export licence needed since {date}").format(date=day(hit.since))
        if hit.status is Status.PENDING:
            return self.tr("Control takes effect on {date}").format(date=day(hit.since))
        if hit.status is Status.REMOVED:
            return self.tr("Control lifted on {date}").format(date=day(hit.since))
        return status_label(hit.status)

    def basis_sentence(self, hit: ItemHit) -> str:
        if hit.status_basis is StatusBasis.COMPUTED:
            return self.tr(
                "Computed: the suspension's end date has passed, but no later notice in the "
                "list data confirms that the control applies again."
            )
        return self.tr("Published: the notices give these dates.")

    def _why_html(self, hit: ItemHit) -> str:
        lines = []
        if hit.signal is ItemSignal.HS_CODE:
            lines.append(
                self.tr(
                    "HS code {code} in the file falls under the controlled code {listed}."
                ).format(code=hit.hs_code, listed=hit.matched_code)
            )
        if hit.words:
            lines.append(
                self.tr("The goods description names {words}.").format(words=", ".join(hit.words))
            )
        if hit.signal is ItemSignal.DESCRIPTION:
            lines.append(self.tr("No HS code confirms it: check the goods."))
        lines.append(self.tr("Control: {ref}").format(ref=hit.control_ref))
        if hit.basis_ref and hit.basis_ref != hit.control_ref:
            lines.append(self.tr("Status from: {ref}").format(ref=hit.basis_ref))
        parts = [html.escape(line) for line in lines]
        if hit.source_url:
            url = html.escape(hit.source_url, quote=True)
            parts.append(f"<a href='{url}'>{html.escape(self.tr('source'))}</a>")
        return "<br>".join(parts)
