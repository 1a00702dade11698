"""Why a name matched, as values: a ``Reason`` is a kind and the data it is about.

The matcher writes reasons; the window, the Excel report, the CLI and the JSON render them at
the edge, each in its own words (the window in the UI language). Nothing parses reason text:
a new kind is added to ``ReasonKind`` and ``REASON_SHAPES`` here, and every renderer is tested
to know every kind (``tests/gui/test_language.py`` fails for a kind without a zh_CN text).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class ReasonKind(StrEnum):
    TOKENS_MATCHED = "tokens_matched"
    TYPO = "typo"
    SPACING = "spacing"
    ABBREVIATION = "abbreviation"
    ABBREVIATION_EXPANDED = "abbreviation_expanded"
    EXTRA_WORDS = "extra_words"
    WORDS_NOT_FOUND = "words_not_found"
    LEGAL_FORM_IGNORED = "legal_form_ignored"
    NAME_PART_OF = "name_part_of"
    SAME_NAME_SPACING = "same_name_spacing"
    """The listed name is another spacing of a longer listed name (``TechInsights``)."""
    SAME_LETTERS_SPACING = "same_letters_spacing"
    """The supplier's and the listed name differ only in their spaces."""
    COUNTRY_AGREES = "country_agrees"
    COUNTRY_DIFFERS = "country_differs"
    COUNTRY_PREFIX_IGNORED = "country_prefix_ignored"
    ACRONYM_ALIAS = "acronym_alias"
    ALIAS = "alias"
    CHINESE_NAME = "chinese_name"
    CHARACTERS_DIFFER = "characters_differ"
    TRADITIONAL_FORM = "traditional_form"
    """The supplier wrote in Traditional (or variant, or Japanese) characters what the list
    prints in Simplified ones."""
    SIMPLIFIED_FORM = "simplified_form"
    """The supplier wrote in Simplified characters what the list prints in Traditional ones."""
    CELL_PART = "cell_part"
    """The cell holds two names (Chinese and English); this part of it matched."""
    SHORT_NAME_INSIDE = "short_name_inside"
    """A short listed name (华为) stands inside a longer supplier name: a weak candidate."""
    GENERIC_RENDERING = "generic_rendering"
    """The listed Chinese name renders a foreign name in generic words and the supplier is
    in China: weak, since Chinese companies use the same words."""
    GENERIC_RENDERING_NO_COUNTRY = "generic_rendering_no_country"
    """As GENERIC_RENDERING, but the supplier's country is not known: reported."""
    ACRONYM_IGNORED = "acronym_ignored"
    """An acronym in brackets after the name ("... Agency (XYZA)") was left out."""
    NUMBERS_DIFFER = "numbers_differ"
    """Each name holds a number the other lacks ("Fund V" / "Fund VI"): two entities, as a
    rule; the score is kept below the default threshold."""
    NUMBER_READ = "number_read"
    """A number written in words or Roman numerals read as its digits ("Forty-Four" = 44)."""
    ROMANIZED = "romanized"
    """Two romanizations of one word (Lukoyl / Lukoil, Samseong / Samsung), not a typo."""
    WRITTEN_IN_CYRILLIC = "written_in_cyrillic"
    """A name (supplier's or listed) is written in Cyrillic and was compared in its Latin
    reading ("Газпром" reads "Gazprom"); likewise Greek, Arabic (and Persian) and Hangul."""
    WRITTEN_IN_GREEK = "written_in_greek"
    WRITTEN_IN_ARABIC = "written_in_arabic"
    WRITTEN_IN_HANGUL = "written_in_hangul"
    STORED_TEXT = "stored_text"
    """A reason an older version stored as text in a form not recognised on upgrade."""


@dataclass(frozen=True, slots=True)
class ReasonShape:
    """What a kind's data is: named fields (``fields``) or a list of words (``words``), and
    its English sentence, with ``{detail}`` for the data as ``detail()`` joins it."""

    english: str
    fields: tuple[str, ...] = ()
    words: bool = False
    joiner: str = ""
    """How ``detail()`` joins the fields ("a ~ b", "Intl = international")."""


REASON_SHAPES: dict[ReasonKind, ReasonShape] = {
    ReasonKind.TOKENS_MATCHED: ReasonShape("tokens matched: {detail}", words=True),
    ReasonKind.TYPO: ReasonShape("typo: {detail}", ("supplier", "listed"), joiner=" ~ "),
    ReasonKind.SPACING: ReasonShape("spacing: {detail}", ("supplier", "listed"), joiner=" ~ "),
    ReasonKind.ABBREVIATION: ReasonShape(
        "abbreviation: {detail}", ("supplier", "listed"), joiner=" ~ "
    ),
    ReasonKind.ABBREVIATION_EXPANDED: ReasonShape(
        "abbreviation: {detail}", ("printed", "expansion"), joiner=" = "
    ),
    ReasonKind.EXTRA_WORDS: ReasonShape("extra words: {detail}", words=True),
    ReasonKind.WORDS_NOT_FOUND: ReasonShape("words not found: {detail}", words=True),
    ReasonKind.LEGAL_FORM_IGNORED: ReasonShape("legal form ignored: {detail}", ("form",)),
    ReasonKind.NAME_PART_OF: ReasonShape("name part of: {detail}", ("name",)),
    ReasonKind.SAME_NAME_SPACING: ReasonShape("same name, different spacing: {detail}", ("name",)),
    ReasonKind.SAME_LETTERS_SPACING: ReasonShape(
        "same name, different spacing: {detail}", ("supplier", "listed"), joiner=" ~ "
    ),
    ReasonKind.COUNTRY_AGREES: ReasonShape("country agrees: {detail}", ("country",)),
    ReasonKind.COUNTRY_DIFFERS: ReasonShape(
        "country differs: supplier {supplier}, entity {entity}", ("supplier", "entity")
    ),
    ReasonKind.COUNTRY_PREFIX_IGNORED: ReasonShape("country prefix ignored: {detail}", ("prefix",)),
    ReasonKind.ACRONYM_ALIAS: ReasonShape("acronym alias"),
    ReasonKind.ALIAS: ReasonShape("alias"),
    ReasonKind.CHINESE_NAME: ReasonShape("Chinese name"),
    ReasonKind.CHARACTERS_DIFFER: ReasonShape("characters differ"),
    ReasonKind.TRADITIONAL_FORM: ReasonShape(
        "Traditional form of {listed}: {supplier}", ("supplier", "listed")
    ),
    ReasonKind.SIMPLIFIED_FORM: ReasonShape(
        "Simplified form of {listed}: {supplier}", ("supplier", "listed")
    ),
    ReasonKind.CELL_PART: ReasonShape("part of the cell matched: {detail}", ("part",)),
    ReasonKind.SHORT_NAME_INSIDE: ReasonShape(
        "weak: the short listed name {detail} stands inside a longer name", ("name",)
    ),
    ReasonKind.GENERIC_RENDERING: ReasonShape(
        "weak: the listed Chinese name renders a foreign name in generic words and the "
        "supplier is in {detail}",
        ("country",),
    ),
    ReasonKind.GENERIC_RENDERING_NO_COUNTRY: ReasonShape(
        "the listed Chinese name renders a foreign name in generic words; reported because "
        "the supplier's country is not known"
    ),
    ReasonKind.ACRONYM_IGNORED: ReasonShape("acronym in brackets ignored: {detail}", ("acronym",)),
    ReasonKind.NUMBERS_DIFFER: ReasonShape(
        "the numbers differ: {supplier} / {listed}", ("supplier", "listed")
    ),
    ReasonKind.NUMBER_READ: ReasonShape("number: {detail}", ("printed", "number"), joiner=" = "),
    ReasonKind.ROMANIZED: ReasonShape(
        "another romanization: {detail}", ("supplier", "listed"), joiner=" ~ "
    ),
    ReasonKind.WRITTEN_IN_CYRILLIC: ReasonShape(
        "written in Cyrillic: {printed} reads {latin}", ("printed", "latin")
    ),
    ReasonKind.WRITTEN_IN_GREEK: ReasonShape(
        "written in Greek: {printed} reads {latin}", ("printed", "latin")
    ),
    ReasonKind.WRITTEN_IN_ARABIC: ReasonShape(
        "written in Arabic script: {printed} reads {latin}", ("printed", "latin")
    ),
    ReasonKind.WRITTEN_IN_HANGUL: ReasonShape(
        "written in Hangul: {printed} reads {latin}", ("printed", "latin")
    ),
    ReasonKind.STORED_TEXT: ReasonShape("{detail}", ("text",)),
}


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason: its kind and its data (the fields of its shape, or its words), as the
    matcher saw them; language-neutral."""

    kind: ReasonKind
    data: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        shape = REASON_SHAPES[self.kind]
        if not shape.words and len(self.data) != len(shape.fields):
            raise ValueError(f"a {self.kind} reason takes {shape.fields}, not {self.data!r}")

    @property
    def shape(self) -> ReasonShape:
        return REASON_SHAPES[self.kind]

    def fields(self) -> dict[str, str]:
        """The data by field name (``{"supplier": "a", "listed": "b"}``; none for words)."""
        shape = self.shape
        return {} if shape.words else dict(zip(shape.fields, self.data, strict=True))

    def detail(self) -> str:
        """The data as one language-neutral text: "a ~ b", "kratos, unmanned"."""
        shape = self.shape
        return ", ".join(self.data) if shape.words else shape.joiner.join(self.data)

    def english(self) -> str:
        """The sentence the CLI, the report and the JSON ``reasons`` print."""
        return self.shape.english.format(detail=self.detail(), **self.fields())

    def to_json(self) -> dict[str, Any]:
        if self.shape.words:
            return {"kind": self.kind.value, "words": list(self.data)}
        return {"kind": self.kind.value, **self.fields()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reason:
        kind = ReasonKind(data["kind"])
        shape = REASON_SHAPES[kind]
        if shape.words:
            return cls(kind, tuple(str(w) for w in data["words"]))
        return cls(kind, tuple(str(data[name]) for name in shape.fields))
