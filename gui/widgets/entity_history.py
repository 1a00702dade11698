"""An entity's history on every list: the timeline picture, its legend and, below, each
announcement with a link to its source. Shared by the detail pane and the entity browser."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from core.lists.model import ListingEvent
from core.lists.snapshot import ListSnapshot
from gui.desktop import file_dialogs
from gui.text.labels import SCREENED_STATUSES, STATUS_COLORS, action_label, list_title, status_label
from gui.widgets.timeline_widget import Lane, TimelineWidget, make_lane
from gui.widgets.wrapped_label import WrappedLabel


def entity_lanes(snapshot: ListSnapshot, entity_id: str) -> list[Lane]:
    return [
        make_lane(
            list_id,
            list_title(snapshot.lists.get(list_id), list_id),
            snapshot.events(entity_id, list_id),
        )
        for list_id in snapshot.lists_of(entity_id)
    ]


def legend_html() -> str:
    chips = (
        (STATUS_COLORS[status].name(), html.escape(status_label(status)))
        for status in SCREENED_STATUSES
    )
    marks = [f"<span style='color:{color}'>■</span>&nbsp;{label}" for color, label in chips]
    computed = QCoreApplication.translate("EntityHistory", "computed date")
    marks.append(f"┆&nbsp;{html.escape(computed)}")
    return "&nbsp;&nbsp; ".join(marks)  # a plain space: the line may wrap between chips


class EntityHistory(QWidget):
    """``scroll_events``: put the announcements in their own scroll area (when the widget is
    not itself inside one)."""

    def __init__(self, parent: QWidget | None = None, *, scroll_events: bool = False) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.timeline = TimelineWidget(self)
        layout.addWidget(self.timeline)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)  # it must not widen the detail pane
        self.legend.setObjectName("timelineLegend")
        layout.addWidget(self.legend)
        self.events = WrappedLabel(self)
        self.events.setObjectName("eventsList")
        self.events.setTextFormat(Qt.TextFormat.RichText)
        self.events.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.events.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.events.setOpenExternalLinks(False)
        self.events.linkActivated.connect(self.open_link)
        if scroll_events:
            area = QScrollArea(self)
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.StyledPanel)
            area.setWidget(self.events)
            layout.addWidget(area, 1)
        else:
            layout.addWidget(self.events, 1)
        self._snapshot: ListSnapshot | None = None
        self._entity_id = ""
        self._as_of: dt.date | None = None
        self.legend.setText(legend_html())

    def show_entity(self, snapshot: ListSnapshot, entity_id: str, as_of: dt.date | None) -> None:
        self._snapshot, self._entity_id, self._as_of = snapshot, entity_id, as_of
        lanes = entity_lanes(snapshot, entity_id)
        if self.legend.isHidden() == bool(lanes):  # showing a widget lays out its window
            self.legend.setVisible(bool(lanes))
        self.timeline.set_history(lanes, as_of)
        self.events.setText(self._events_html(lanes))

    def clear(self) -> None:
        self._snapshot = None
        self.timeline.clear()
        self.events.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.legend.setText(legend_html())
            if self._snapshot is not None:
                self.show_entity(self._snapshot, self._entity_id, self._as_of)
        super().changeEvent(event)

    def _events_html(self, lanes: list[Lane]) -> str:
        parts = []
        for lane in lanes:
            parts.append(f"<p style='margin-bottom:0'><b>{html.escape(lane.title)}</b></p>")
            parts.append("<ul style='margin-top:2px'>")
            for event in sorted(lane.events, key=lambda e: e.replay_key, reverse=True):
                parts.append(f"<li>{self._event_html(event)}</li>")
            parts.append("</ul>")
        return "".join(parts)

    def _event_html(self, event: ListingEvent) -> str:
        text = self.tr("{action} from {date}").format(
            action=action_label(event.action), date=event.effective_on.isoformat()
        )
        if event.until is not None:
            text += self.tr(" until {date}").format(date=event.until.isoformat())
            if event.derived_until:
                text += self.tr(" (computed from the notice)")
        out = f"<b>{html.escape(text)}</b>"
        if event.announcement:
            out += f" — {html.escape(event.announcement)}"
        if event.announced_on is not None and event.announced_on != event.effective_on:
            out += html.escape(
                self.tr(", announced {date}").format(date=event.announced_on.isoformat())
            )
        if event.source_url:
            out += (
                f" <a href='{html.escape(event.source_url, quote=True)}'>"
                f"{html.escape(self.tr('source'))}</a>"
            )
        return out

    def open_link(self, link: str) -> None:
        file_dialogs.open_url(QUrl(link))
