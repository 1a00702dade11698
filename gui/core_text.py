"""Text the core writes in English, shown in the UI language.

The core explains matches ("tokens matched: kratos, unmanned"), describes listing events
("cn-unreliable-entity: suspended from 2025-05-14 until 2025-08-12 (公告〔2025〕7号)") and
bands scores in English: the CLI, the JSON and the Excel report keep those texts, and stored
runs hold them. The window translates the known kinds here, in one place, and leaves the data
part (names, words, dates, announcement numbers) as it is; a text of a kind it does not know
is shown unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.lists.model import Action, ListingEvent, RestrictionList
from gui.labels import action_label, list_title

_CONTEXT = "CoreText"

REASON_KINDS: dict[str, object] = {
    # the part of a reason before ": ", as core.matching.explain writes it -> its template
    "tokens matched": QT_TRANSLATE_NOOP("CoreText", "tokens matched: {detail}"),
    "typo": QT_TRANSLATE_NOOP("CoreText", "typo: {detail}"),
    "spacing": QT_TRANSLATE_NOOP("CoreText", "spacing: {detail}"),
    "abbreviation": QT_TRANSLATE_NOOP("CoreText", "abbreviation: {detail}"),
    "extra words": QT_TRANSLATE_NOOP("CoreText", "extra words: {detail}"),
    "words not found": QT_TRANSLATE_NOOP("CoreText", "words not found: {detail}"),
    "legal form ignored": QT_TRANSLATE_NOOP("CoreText", "legal form ignored: {detail}"),
    "name part of": QT_TRANSLATE_NOOP("CoreText", "name part of: {detail}"),
    "same name, different spacing": QT_TRANSLATE_NOOP(
        "CoreText", "same name, different spacing: {detail}"
    ),
    "country agrees": QT_TRANSLATE_NOOP("CoreText", "country agrees: {detail}"),
    "country prefix ignored": QT_TRANSLATE_NOOP("CoreText", "country prefix ignored: {detail}"),
}
WHOLE_REASONS: dict[str, object] = {
    # reasons without a data part
    "acronym alias": QT_TRANSLATE_NOOP("CoreText", "acronym alias"),
    "alias": QT_TRANSLATE_NOOP("CoreText", "alias"),
    "Chinese name": QT_TRANSLATE_NOOP("CoreText", "Chinese name"),
    "characters differ": QT_TRANSLATE_NOOP("CoreText", "characters differ"),
}
_COUNTRY_DIFFERS = re.compile(r"country differs: supplier (?P<supplier>.*), entity (?P<entity>.*)")
_COUNTRY_DIFFERS_TEXT = QT_TRANSLATE_NOOP(
    "CoreText", "country differs: supplier {supplier}, entity {entity}"
)

_BANDS = {
    "strong": QT_TRANSLATE_NOOP("CoreText", "strong"),
    "possible": QT_TRANSLATE_NOOP("CoreText", "possible"),
}

_EVENT = re.compile(
    r"(?:(?P<list>[A-Za-z0-9_.-]+): )?(?P<action>added|suspended|removed) from "
    r"(?P<start>\d{4}-\d{2}-\d{2})(?: until (?P<end>\d{4}-\d{2}-\d{2}))?"
    r"(?: \((?P<announcement>.*)\))?"
)
"""The lines of ``core.lists.describe.describe_event``."""
_EVENT_LIST = QT_TRANSLATE_NOOP("CoreText", "{list}: {event}")
_EVENT_FROM = QT_TRANSLATE_NOOP("CoreText", "{action} from {start}")
_EVENT_UNTIL = QT_TRANSLATE_NOOP("CoreText", " until {end}")
_EVENT_ANNOUNCEMENT = QT_TRANSLATE_NOOP("CoreText", " ({announcement})")


def tr(text: object) -> str:
    """``text`` (a string marked with QT_TRANSLATE_NOOP in this context) translated."""
    return QCoreApplication.translate(_CONTEXT, str(text))


def reason_text(reason: str) -> str:
    """One match reason in the UI language: its kind translated, its data part unchanged."""
    differs = _COUNTRY_DIFFERS.fullmatch(reason)
    if differs:
        return tr(_COUNTRY_DIFFERS_TEXT).format(
            supplier=differs["supplier"], entity=differs["entity"]
        )
    whole = WHOLE_REASONS.get(reason)
    if whole is not None:
        return tr(whole)
    kind, colon, detail = reason.partition(": ")
    template = REASON_KINDS.get(kind) if colon else None
    return tr(template).format(detail=detail) if template is not None else reason


def band_label(band: str) -> str:
    """A score band ("strong", "possible") in the UI language."""
    source = _BANDS.get(band)
    return tr(source) if source is not None else band


def event_line(event: ListingEvent) -> str:
    """ "Suspended from 2025-05-14 until 2025-08-12 (公告〔2025〕7号)" in the UI language."""
    return _event_words(
        event.action,
        event.effective_on.isoformat(),
        event.until.isoformat() if event.until else "",
        event.announcement,
    )


def event_text(text: str, lists: Mapping[str, RestrictionList] | None = None) -> str:
    """A line written by ``describe_event`` in the UI language, the list named by its title
    when ``lists`` knows it; any other text unchanged."""
    found = _EVENT.fullmatch(text)
    if not found:
        return text
    words = _event_words(
        Action(found["action"]), found["start"], found["end"] or "", found["announcement"] or ""
    )
    list_id = found["list"]
    if not list_id:
        return words
    title = list_title((lists or {}).get(list_id), list_id)
    return tr(_EVENT_LIST).format(list=title, event=words)


def _event_words(action: Action, start: str, end: str, announcement: str) -> str:
    text = tr(_EVENT_FROM).format(action=action_label(action), start=start)
    if end:
        text += tr(_EVENT_UNTIL).format(end=end)
    if announcement:
        text += tr(_EVENT_ANNOUNCEMENT).format(announcement=announcement)
    return text
