"""Core values shown in the UI language: match reasons, listing-event lines, score bands.

The core hands the window values, not sentences: a ``Reason`` (a kind and its data) and an
``EventLine`` (list, action, dates, announcement). Their words are chosen here, one template
per kind; the data (names, words, dates, announcement numbers) is shown as it is. Every
``ReasonKind`` has a template here and a zh_CN translation (``tests/gui/test_language.py``).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.lists.describe import EventLine
from core.lists.model import Action, ListingEvent, RestrictionList
from core.matching.reasons import Reason, ReasonKind
from gui.text.labels import action_label, list_title

_CONTEXT = "CoreText"

REASON_TEMPLATES: dict[ReasonKind, object] = {
    ReasonKind.TOKENS_MATCHED: QT_TRANSLATE_NOOP("CoreText", "tokens matched: {detail}"),
    ReasonKind.TYPO: QT_TRANSLATE_NOOP("CoreText", "typo: {detail}"),
    ReasonKind.SPACING: QT_TRANSLATE_NOOP("CoreText", "spacing: {detail}"),
    ReasonKind.ABBREVIATION: QT_TRANSLATE_NOOP("CoreText", "abbreviation: {detail}"),
    ReasonKind.ABBREVIATION_EXPANDED: QT_TRANSLATE_NOOP("CoreText", "abbreviation: {detail}"),
    ReasonKind.EXTRA_WORDS: QT_TRANSLATE_NOOP("CoreText", "extra words: {detail}"),
    ReasonKind.WORDS_NOT_FOUND: QT_TRANSLATE_NOOP("CoreText", "words not found: {detail}"),
    ReasonKind.LEGAL_FORM_IGNORED: QT_TRANSLATE_NOOP("CoreText", "legal form ignored: {detail}"),
    ReasonKind.NAME_PART_OF: QT_TRANSLATE_NOOP("CoreText", "name part of: {detail}"),
    ReasonKind.SAME_NAME_SPACING: QT_TRANSLATE_NOOP(
        "CoreText", "same name, different spacing: {detail}"
    ),
    ReasonKind.SAME_LETTERS_SPACING: QT_TRANSLATE_NOOP(
        "CoreText", "same name, different spacing: {detail}"
    ),
    ReasonKind.COUNTRY_AGREES: QT_TRANSLATE_NOOP("CoreText", "country agrees: {detail}"),
    ReasonKind.COUNTRY_DIFFERS: QT_TRANSLATE_NOOP(
        "CoreText", "country differs: supplier {supplier}, entity {entity}"
    ),
    ReasonKind.COUNTRY_PREFIX_IGNORED: QT_TRANSLATE_NOOP(
        "CoreText", "country prefix ignored: {detail}"
    ),
    ReasonKind.ACRONYM_ALIAS: QT_TRANSLATE_NOOP("CoreText", "acronym alias"),
    ReasonKind.ALIAS: QT_TRANSLATE_NOOP("CoreText", "alias"),
    ReasonKind.CHINESE_NAME: QT_TRANSLATE_NOOP("CoreText", "Chinese name"),
    ReasonKind.CHARACTERS_DIFFER: QT_TRANSLATE_NOOP("CoreText", "characters differ"),
    ReasonKind.TRADITIONAL_FORM: QT_TRANSLATE_NOOP(
        "CoreText", "Traditional form of {listed}: {supplier}"
    ),
    ReasonKind.SIMPLIFIED_FORM: QT_TRANSLATE_NOOP(
        "CoreText", "Simplified form of {listed}: {supplier}"
    ),
    ReasonKind.CELL_PART: QT_TRANSLATE_NOOP("CoreText", "part of the cell matched: {detail}"),
    ReasonKind.SHORT_NAME_INSIDE: QT_TRANSLATE_NOOP(
        "CoreText", "weak: the short listed name {detail} stands inside a longer name"
    ),
    ReasonKind.GENERIC_RENDERING: QT_TRANSLATE_NOOP(
        "CoreText",
        "weak: the listed Chinese name renders a foreign name in generic words and the "
        "supplier is in {detail}",
    ),
    ReasonKind.GENERIC_RENDERING_NO_COUNTRY: QT_TRANSLATE_NOOP(
        "CoreText",
        "the listed Chinese name renders a foreign name in generic words; reported because "
        "the supplier's country is not known",
    ),
    ReasonKind.ACRONYM_IGNORED: QT_TRANSLATE_NOOP(
        "CoreText", "acronym in brackets ignored: {detail}"
    ),
    ReasonKind.NUMBERS_DIFFER: QT_TRANSLATE_NOOP(
        "CoreText", "the numbers differ: {supplier} / {listed}"
    ),
    ReasonKind.NUMBER_READ: QT_TRANSLATE_NOOP("CoreText", "number: {detail}"),
    ReasonKind.ROMANIZED: QT_TRANSLATE_NOOP("CoreText", "another romanization: {detail}"),
    ReasonKind.WRITTEN_IN_CYRILLIC: QT_TRANSLATE_NOOP(
        "CoreText", "written in Cyrillic: {printed} reads {latin}"
    ),
    ReasonKind.WRITTEN_IN_GREEK: QT_TRANSLATE_NOOP(
        "CoreText", "written in Greek: {printed} reads {latin}"
    ),
    ReasonKind.WRITTEN_IN_ARABIC: QT_TRANSLATE_NOOP(
        "CoreText", "written in Arabic script: {printed} reads {latin}"
    ),
    ReasonKind.WRITTEN_IN_HANGUL: QT_TRANSLATE_NOOP(
        "CoreText", "written in Hangul: {printed} reads {latin}"
    ),
    ReasonKind.STORED_TEXT: QT_TRANSLATE_NOOP("CoreText", "as stored: {detail}"),
}
"""The UI's words for each reason kind; the data goes in ``{detail}`` (or the named fields)."""

_BANDS = {
    "strong": QT_TRANSLATE_NOOP("CoreText", "strong"),
    "possible": QT_TRANSLATE_NOOP("CoreText", "possible"),
    "weak": QT_TRANSLATE_NOOP("CoreText", "weak"),
}

_EVENT_LIST = QT_TRANSLATE_NOOP("CoreText", "{list}: {event}")
_EVENT_FROM = QT_TRANSLATE_NOOP("CoreText", "{action} from {start}")
_EVENT_UNTIL = QT_TRANSLATE_NOOP("CoreText", " until {end}")
_EVENT_ANNOUNCEMENT = QT_TRANSLATE_NOOP("CoreText", " ({announcement})")


def tr(text: object) -> str:
    """``text`` (a string marked with QT_TRANSLATE_NOOP in this context) translated."""
    return QCoreApplication.translate(_CONTEXT, str(text))


def reason_text(reason: Reason) -> str:
    """One match reason in the UI language: its kind's words, its data unchanged."""
    template = REASON_TEMPLATES.get(reason.kind)
    if template is None:  # a kind added to the core without words here: the test catches it
        return reason.english()
    return tr(template).format(detail=reason.detail(), **reason.fields())


def band_label(band: str) -> str:
    """A score band ("strong", "possible") in the UI language."""
    source = _BANDS.get(band)
    return tr(source) if source is not None else band


def event_line(event: ListingEvent) -> str:
    """ "Suspended from 2025-05-14 until 2025-08-12 (公告〔2025〕7号)" in the UI language."""
    return event_text(EventLine.of(event), with_list=False)


def event_text(
    line: EventLine, lists: Mapping[str, RestrictionList] | None = None, *, with_list: bool = True
) -> str:
    """An event line in the UI language, its list named by its title when ``lists`` knows it
    (``with_list=False``: without the list, as under a hit of that list)."""
    until = line.until.isoformat() if line.until else ""
    words = _event_words(line.action, line.effective_on.isoformat(), until, line.announcement)
    if not with_list:
        return words
    title = list_title((lists or {}).get(line.list_id), line.list_id)
    return tr(_EVENT_LIST).format(list=title, event=words)


def _event_words(action: Action, start: str, end: str, announcement: str) -> str:
    text = tr(_EVENT_FROM).format(action=action_label(action), start=start)
    if end:
        text += tr(_EVENT_UNTIL).format(end=end)
    if announcement:
        text += tr(_EVENT_ANNOUNCEMENT).format(announcement=announcement)
    return text
