"""An entity's listing history drawn as a picture: one lane per list, the as-of date marked.

Spans come from the core's one as-of function: the status is constant between two consecutive
event dates, so each span is ``status_as_of`` evaluated at its first day. The widget only draws.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from core.lists.asof import status_as_of
from core.lists.model import Action, ListingEvent, Status
from gui.text.core_text import event_line
from gui.text.labels import STATUS_COLORS, status_label

BAR_HEIGHT = 14
AXIS_HEIGHT = 26
MARGIN = 8


@dataclass(frozen=True)
class Span:
    start: dt.date
    end: dt.date | None
    """First day after the span; ``None``: still so at the end of the known history."""
    status: Status


@dataclass(frozen=True)
class Lane:
    list_id: str
    title: str
    spans: tuple[Span, ...]
    events: tuple[ListingEvent, ...]


def lane_spans(events: Sequence[ListingEvent]) -> tuple[Span, ...]:
    """The listed spans of one entity on one list (not-listed stretches left out)."""
    days: set[dt.date] = set()
    for event in events:
        days.add(event.effective_on)
        if event.until is not None:
            days.add(event.until)
        if event.announced_on is not None and event.announced_on < event.effective_on:
            days.add(event.announced_on)
    ordered = sorted(days)
    spans: list[Span] = []
    for i, day in enumerate(ordered):
        status = status_as_of(events, day).status
        end = ordered[i + 1] if i + 1 < len(ordered) else None
        if status is Status.NOT_LISTED:
            continue
        if spans and spans[-1].status is status and spans[-1].end == day:
            spans[-1] = Span(spans[-1].start, end, status)  # same status: one span
        else:
            spans.append(Span(day, end, status))
    return tuple(spans)


def computed_days(events: Sequence[ListingEvent]) -> list[dt.date]:
    """Dates the data computed rather than printed (quality ``D``): a suspension's end counted
    from "90 days" or "1 year", a listing or removal dated by an edition comparison. The
    timeline marks them with a dotted tick."""
    days = []
    for event in events:
        if not event.derived:
            continue
        if event.action is Action.SUSPENDED:
            if event.until is not None:
                days.append(event.until)
        else:
            days.append(event.effective_on)
    return days


def make_lane(list_id: str, title: str, events: Sequence[ListingEvent]) -> Lane:
    return Lane(list_id, title, lane_spans(events), tuple(events))


class TimelineWidget(QWidget):
    """Lanes of coloured spans; event markers with their announcement as a tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineWidget")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.lanes: tuple[Lane, ...] = ()
        self.as_of: dt.date | None = None
        self._range = (dt.date(2020, 1, 1), dt.date(2021, 1, 1))

    # -- data ---------------------------------------------------------------------------------
    def set_history(self, lanes: Sequence[Lane], as_of: dt.date | None) -> None:
        self.lanes = tuple(lanes)
        self.as_of = as_of
        self._range = self._date_range()
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_history((), None)

    def _date_range(self) -> tuple[dt.date, dt.date]:
        days = [s.start for lane in self.lanes for s in lane.spans]
        days += [s.end for lane in self.lanes for s in lane.spans if s.end is not None]
        days += [e.effective_on for lane in self.lanes for e in lane.events]
        if self.as_of is not None:
            days.append(self.as_of)
        if not days:
            today = dt.date.today()
            return today - dt.timedelta(days=365), today
        first, last = min(days), max(days)
        pad = max(30, (last - first).days // 12)
        return first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)

    # -- geometry -----------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(640, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self._height())

    def _height(self) -> int:
        as_of_label = self.fontMetrics().height() + 8
        return AXIS_HEIGHT + max(1, len(self.lanes)) * self._lane_height() + as_of_label + 4

    def _title_height(self) -> int:
        return self.fontMetrics().height() + 2

    def _lane_height(self) -> int:
        """A lane: the list's title on one line, its bar below (titles are never cut short)."""
        return self._title_height() + BAR_HEIGHT + 8

    def _plot(self) -> QRectF:
        height = len(self.lanes) * self._lane_height()
        return QRectF(MARGIN, AXIS_HEIGHT, max(10, self.width() - 2 * MARGIN), height)

    def x_of(self, day: dt.date) -> float:
        plot = self._plot()
        first, last = self._range
        span = max(1, (last - first).days)
        return plot.left() + plot.width() * (day - first).days / span

    def as_of_x(self) -> float | None:
        """Where the as-of line is drawn, or None when there is no date."""
        return None if self.as_of is None else self.x_of(self.as_of)

    def lane_rect(self, index: int) -> QRectF:
        plot, height = self._plot(), self._lane_height()
        return QRectF(0, plot.top() + index * height, self.width(), height)

    def _bar_top(self, index: int) -> float:
        return self.lane_rect(index).top() + self._title_height() + 2

    def _span_rect(self, index: int, span: Span) -> QRectF:
        right = self._plot().right() if span.end is None else self.x_of(span.end)
        left = self.x_of(span.start)
        return QRectF(left, self._bar_top(index), max(2.0, right - left), BAR_HEIGHT)

    def marker_point(self, index: int, event: ListingEvent) -> QPointF:
        """Where the event's marker is drawn in lane ``index``."""
        return QPointF(self.x_of(event.effective_on), self._bar_top(index) + BAR_HEIGHT / 2)

    # -- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        if not self.lanes:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No listing history")
            )
            return
        self._paint_axis(painter, text)
        self._paint_as_of(painter, palette, behind=True)
        for index, lane in enumerate(self.lanes):
            self._paint_lane(painter, index, lane, palette)
        self._paint_as_of(painter, palette, behind=False)

    def _paint_axis(self, painter: QPainter, text: QColor) -> None:
        plot = self._plot()
        first, last = self._range
        months = (last.year - first.year) * 12 + last.month - first.month
        step = next((s for s in (1, 2, 3, 6, 12, 24) if months / s <= 10), 48)
        grid = QColor(text)
        grid.setAlpha(45)
        metrics = self.fontMetrics()
        month = first.replace(day=1)
        drawn_until = -1.0
        while month <= last:
            if month >= first and ((month.year * 12 + month.month - 1) % step == 0):
                x = self.x_of(month)
                painter.setPen(QPen(grid, 1))
                painter.drawLine(QPointF(x, plot.top() - 4), QPointF(x, plot.bottom()))
                label = str(month.year) if step >= 12 else f"{month.year}-{month.month:02d}"
                width = metrics.horizontalAdvance(label)
                if x - width / 2 > drawn_until + 6 and x + width / 2 <= self.width() - 2:
                    painter.setPen(text)
                    painter.drawText(QPointF(x - width / 2, plot.top() - 9), label)
                    drawn_until = x + width / 2
            month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)

    def _paint_lane(self, painter: QPainter, index: int, lane: Lane, palette: QPalette) -> None:
        rect = self.lane_rect(index)
        if index % 2:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        label = QRectF(MARGIN, rect.top() + 1, rect.width() - 2 * MARGIN, self._title_height())
        title = self.fontMetrics().elidedText(
            lane.title, Qt.TextElideMode.ElideRight, int(label.width())
        )
        painter.drawText(label, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
        for span in lane.spans:
            color = STATUS_COLORS[span.status]
            fill = QColor(color)
            fill.setAlpha(200)
            painter.setPen(QPen(color.darker(130), 1))
            brush = QBrush(fill)
            if span.status is Status.PENDING:
                brush.setStyle(Qt.BrushStyle.BDiagPattern)
            painter.setBrush(brush)
            painter.drawRoundedRect(self._span_rect(index, span), 3, 3)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 1, Qt.PenStyle.DotLine))
        top = self._bar_top(index)
        for day in computed_days(lane.events):
            x = self.x_of(day)
            painter.drawLine(QPointF(x, top - 4), QPointF(x, top + BAR_HEIGHT + 4))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 1))
        for ev in lane.events:
            painter.drawPolygon(self._marker(index, ev))

    def _marker(self, index: int, event: ListingEvent) -> QPolygonF:
        point = self.marker_point(index, event)
        x, y = point.x(), point.y()
        r = 4.5
        return QPolygonF(
            [QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)]
        )

    def _paint_as_of(self, painter: QPainter, palette: QPalette, *, behind: bool) -> None:
        """The as-of line: faint across titles (drawn first), solid across the bars."""
        x = self.as_of_x()
        if x is None or self.as_of is None:
            return
        plot = self._plot()
        color = palette.color(QPalette.ColorRole.Highlight)
        if behind:
            faint = QColor(color)
            faint.setAlpha(110)
            painter.setPen(QPen(faint, 2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top() - 2), QPointF(x, plot.bottom() + 2))
            return
        painter.setPen(QPen(color, 2))
        for index in range(len(self.lanes)):
            top = self._bar_top(index)
            painter.drawLine(QPointF(x, top - 3), QPointF(x, top + BAR_HEIGHT + 3))
        label = self.tr("as of {date}").format(date=self.as_of.isoformat())
        width = self.fontMetrics().horizontalAdvance(label)
        left = min(max(x - width / 2, plot.left()), plot.right() - width)
        box = QRectF(left - 3, plot.bottom() + 3, width + 6, self.fontMetrics().height() + 2)
        painter.fillRect(box, color)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    # -- tooltips -------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(QPointF(event.pos()))
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, point: QPointF) -> str:
        """The announcement of the event under ``point``, else the span's status and dates."""
        for index, lane in enumerate(self.lanes):
            if not self.lane_rect(index).contains(point):
                continue
            for ev in lane.events:
                if self._marker(index, ev).boundingRect().adjusted(-3, -3, 3, 3).contains(point):
                    return event_line(ev)
            for span in lane.spans:
                if self._span_rect(index, span).contains(point):
                    end = span.end.isoformat() if span.end else "…"
                    return f"{status_label(span.status)}: {span.start.isoformat()} – {end}"
            return lane.title
        return ""
