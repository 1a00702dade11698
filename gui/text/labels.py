"""Words the whole GUI shares, translated: statuses, decisions, list titles, status colours.

Colours are mid-tone hues that read on light and dark backgrounds; text always keeps the
palette's own colour.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtGui import QColor

from core.lists.asof import StatusBasis
from core.lists.model import SEVERITY_ORDER, Action, RestrictionList, Status
from core.screening.decision import Decision

_CONTEXT = "Labels"

_STATUS = {
    Status.ACTIVE: QT_TRANSLATE_NOOP("Labels", "Active"),
    Status.SUSPENDED: QT_TRANSLATE_NOOP("Labels", "Suspended"),
    Status.PENDING: QT_TRANSLATE_NOOP("Labels", "Pending"),
    Status.REMOVED: QT_TRANSLATE_NOOP("Labels", "Removed"),
    Status.NOT_LISTED: QT_TRANSLATE_NOOP("Labels", "Not listed"),
}

_ACTION = {  # their own context: Chinese words them differently from the statuses
    Action.ADDED: QT_TRANSLATE_NOOP("Actions", "Added"),
    Action.SUSPENDED: QT_TRANSLATE_NOOP("Actions", "Suspended"),
    Action.REMOVED: QT_TRANSLATE_NOOP("Actions", "Removed"),
}

_DECISION = {
    Decision.CONFIRMED: QT_TRANSLATE_NOOP("Labels", "Confirmed"),
    Decision.FALSE_POSITIVE: QT_TRANSLATE_NOOP("Labels", "False positive"),
    Decision.ESCALATED: QT_TRANSLATE_NOOP("Labels", "Escalated"),
}

STATUS_COLORS = {
    Status.ACTIVE: QColor(214, 48, 49),
    Status.SUSPENDED: QColor(230, 145, 20),
    Status.PENDING: QColor(52, 120, 220),
    Status.REMOVED: QColor(128, 128, 128),
    Status.NOT_LISTED: QColor(128, 128, 128, 60),
}

SCREENED_STATUSES = SEVERITY_ORDER
"""The statuses a screening reports, in the order a reviewer looks at them."""


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


_BASIS = {
    StatusBasis.PUBLISHED: QT_TRANSLATE_NOOP("Labels", "published"),
    StatusBasis.COMPUTED: QT_TRANSLATE_NOOP("Labels", "computed"),
}


def basis_label(basis: StatusBasis) -> str:
    """ "published" or "computed": what a status rests on."""
    return tr(str(_BASIS[basis]))


def status_label(status: Status) -> str:
    return tr(str(_STATUS[status]))


def action_label(action: Action) -> str:
    return QCoreApplication.translate("Actions", str(_ACTION[action]))


def decision_label(decision: Decision | None) -> str:
    return tr(str(_DECISION[decision])) if decision is not None else ""


def is_chinese_ui() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def list_title(lst: RestrictionList | None, list_id: str = "") -> str:
    """The list's title in the UI language (the Chinese title when the UI is Chinese)."""
    if lst is None:
        return list_id
    if is_chinese_ui() and lst.name_zh:
        return lst.name_zh
    return lst.name_en or lst.name_zh or lst.list_id
