"""Numbers compared as numbers (digits, ordinals, number words, Roman numerals where they
stand as numerals); a differing number keeps two names apart; name particles glued to their
word, so that every spacing of a name is one word."""

from __future__ import annotations

import pytest

from core.lists.model import Entity
from core.matching import DEFAULT_THRESHOLD, EntityMatcher
from core.matching.matcher import NUMBERS_DIFFER_CAP
from core.matching.normalize import normalize, quick_latin_tokens, quick_latin_tokens_many
from core.matching.reasons import ReasonKind


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Forty-Four Capital", ("44", "capital")),
        ("Forty Four Capital", ("44", "capital")),
        ("44 Capital", ("44", "capital")),
        ("First Solar", ("1", "solar")),
        ("1st Solar", ("1", "solar")),
        ("Forty-Fourth Street Partners", ("44", "street", "partner")),
        ("One Hundred and Five Holdings", ("105", "holding")),
        ("Twenty Twenty Ltd", ("20", "20")),
        ("Carlyle Partners VI LP", ("carlyle", "partner", "6")),
        ("Fund V", ("fund", "5")),
        ("Fund I", ("fund", "1")),
        ("Louis XIV", ("louis", "14")),
        ("Henry VIII Trading", ("henry", "8", "trading")),  # three letters: a numeral anywhere
        ("Research Institute No. 14", ("research", "institute", "14")),
        ("Research Institute Number Fourteen", ("research", "institute", "14")),
        ("Werk Nr. 3", ("werk", "3")),
        ("The Number Company", ("number",)),  # no number after it: a word
        # letters and words, not numerals
        ("X Corp", ("x",)),
        ("V Brands Inc", ("v", "brand")),
        ("Xi Xin Technology", ("xi", "xin", "technology")),  # a syllable, not 11
        ("Vi Trading", ("vi", "trading")),
        ("Mix Media", ("mix", "media")),
        ("DC Comics", ("dc", "comic")),
        ("Civic Holdings", ("civic", "holding")),
        ("Acme XL", ("acme", "xl")),  # 40 is no numeral here: only I, V and X up to 39
        ("Acme IIII", ("acme", "iiii")),  # no canonical numeral
    ],
)
def test_numbers_are_read_as_digits_where_they_are_numbers(
    text: str, tokens: tuple[str, ...]
) -> None:
    assert normalize(text).tokens == tokens
    assert quick_latin_tokens(text) == list(tokens)
    assert quick_latin_tokens_many([text, "Zeta " + text]) == [
        list(tokens),
        list(normalize("Zeta " + text).tokens),
    ]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("van der Bilt", ("vanderbilt",)),
        ("Van Der Bilt Holdings", ("vanderbilt", "holding")),
        ("Vanderbilt Holdings", ("vanderbilt", "holding")),
        ("Al Rashid Trading", ("alrashid", "trading")),
        ("Al-Rashid Trading", ("alrashid", "trading")),
        ("Abdullah Al Othaim Markets", ("abdullah", "alothaim", "market")),  # anywhere
        ("Saudi Bin Laden Group", ("saudi", "binladen", "group")),
        ("De La Rue plc", ("delarue",)),
        ("Le Creuset", ("lecreuset",)),
        ("Ludwig von Mises Institute", ("ludwig", "vonmise", "institute")),  # singular as ever
        # "de", "la", "der" in the middle mean "of": stop words as before
        ("Banco de Chile", ("banco", "chile")),
        ("Banco de la Nacion", ("banco", "nacion")),
        ("Verlag der Autoren", ("verlag", "autoren")),
        ("De La", ("de", "la")),  # nothing after them: kept rather than nothing
        ("Al 44 Trading", ("al", "44", "trading")),  # glued only to a name word
    ],
)
def test_name_particles_are_glued_to_their_word(text: str, tokens: tuple[str, ...]) -> None:
    assert normalize(text).tokens == tokens
    assert quick_latin_tokens(text) == list(tokens)
    assert normalize(normalize(text).text).tokens == tokens


def test_a_glued_word_keeps_its_printed_span() -> None:
    name = normalize("Saudi Bin Laden Group")
    assert name.printed(1) == "Bin Laden"
    assert normalize("Forty-Four Capital").printed(0) == "Forty-Four"


LISTED = {
    "fund-6": "Carlyle Partners VI, L.P.",
    "plant-175": "Uralvagonzavod Plant 175",
    "institute-14": "Research Institute No. 14",
    "capital-44": "44 Capital LLC",
    "solar": "First Solar, Inc.",
    "vanderbilt": "Vanderbilt Holdings",
    "alrashid": "Al Rashid Trading Company",
    "binladin": "Saudi Binladin Group",
    "delarue": "De La Rue plc",
    "long-175": "Zarvolt Quimbrel Ostravik Pendrath Vulkorin Marzeth Tolvask Brenquil "
    "Hasperon Drelmot Faskurin Yolvent 175",
}


@pytest.fixture(scope="module")
def matcher() -> EntityMatcher:
    return EntityMatcher([Entity(key, name) for key, name in LISTED.items()])


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Carlyle Partners 6 LP", "fund-6"),
        ("Carlyle Partners Sixth", "fund-6"),
        ("Uralvagonzavod Plant No. 175", "plant-175"),
        ("Research Institute 14", "institute-14"),
        ("Research Institute Fourteen", "institute-14"),
        ("Reserch Institute No. 14", "institute-14"),  # a typo elsewhere: the number agrees
        ("Forty-Four Capital", "capital-44"),
        ("1st Solar", "solar"),
        ("van der Bilt Holdings", "vanderbilt"),
        ("Van Der Bilt Holdings", "vanderbilt"),
        ("Vander Bilt Holdings", "vanderbilt"),  # no particle: two words joined
        ("Al-Rashid Trading Co", "alrashid"),
        ("Alrashid Trading", "alrashid"),
        ("Saudi Bin Laden Group", "binladin"),  # glued, then one letter differs
        ("Delarue", "delarue"),
    ],
)
def test_same_number_or_particle_spelt_otherwise_is_a_hit(
    matcher: EntityMatcher, text: str, entity: str
) -> None:
    assert entity in [h.entity_id for h in matcher.match(text)]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Carlyle Partners V LP", "fund-6"),  # a sibling fund
        ("Carlyle Partners VII", "fund-6"),
        ("Carlyle Partners 5", "fund-6"),
        ("Uralvagonzavod Plant 155", "plant-175"),
        ("Research Institute No. 41", "institute-14"),
        ("Research Institute No. 15", "institute-14"),
        ("Forty-Three Capital", "capital-44"),
        ("Second Solar", "solar"),
        # every other word agrees: the number alone tells them apart
        (
            "Zarvolt Quimbrel Ostravik Pendrath Vulkorin Marzeth Tolvask Brenquil Hasperon "
            "Drelmot Faskurin Yolvent 155",
            "long-175",
        ),
    ],
)
def test_a_differing_number_is_another_entity(
    matcher: EntityMatcher, text: str, entity: str
) -> None:
    assert entity not in [h.entity_id for h in matcher.match(text)]
    shown = [h for h in matcher.match(text, threshold=0) if h.entity_id == entity]
    for hit in shown:  # at a threshold low enough to show it, the reason says why
        assert hit.score <= NUMBERS_DIFFER_CAP < DEFAULT_THRESHOLD
        assert any(r.kind == ReasonKind.NUMBERS_DIFFER for r in hit.reasons)


def test_the_cap_is_what_keeps_a_long_name_apart(matcher: EntityMatcher) -> None:
    text = (
        "Zarvolt Quimbrel Ostravik Pendrath Vulkorin Marzeth Tolvask Brenquil Hasperon "
        "Drelmot Faskurin Yolvent 155"
    )
    hit = next(h for h in matcher.match(text, threshold=50) if h.entity_id == "long-175")
    assert hit.score == NUMBERS_DIFFER_CAP  # twelve words agree: it would score ~89
    reason = next(r for r in hit.reasons if r.kind == ReasonKind.NUMBERS_DIFFER)
    assert reason.english() == "the numbers differ: 155 / 175"


def test_reasons_say_how_the_number_was_read(matcher: EntityMatcher) -> None:
    hit = next(h for h in matcher.match("Forty-Four Capital") if h.entity_id == "capital-44")
    assert [r.english() for r in hit.reasons if r.kind == ReasonKind.NUMBER_READ] == [
        "number: Forty-Four = 44"
    ]
    fund = next(h for h in matcher.match("Carlyle Partners V", threshold=0))
    differ = next(r for r in fund.reasons if r.kind == ReasonKind.NUMBERS_DIFFER)
    assert differ.fields() == {"supplier": "V", "listed": "VI"}


@pytest.mark.parametrize(
    ("text", "core"),
    [
        ("第十四研究所", "第14研究所"),
        ("中国电子科技集团公司第十四研究所", "中国电子科技集团公司第14研究所"),
        ("第一百五十五厂", "第155厂"),
        ("第一〇二研究所", "第102研究所"),  # digit by digit
        ("第四十一研究所", "第41研究所"),
        ("三星电子", "三星电子"),  # numeral characters elsewhere are words
    ],
)
def test_chinese_ordinals_are_read_as_digits(text: str, core: str) -> None:
    assert normalize(text).text == core
    assert normalize(core).text == core


def test_chinese_ordinal_numbers_match_and_differ() -> None:
    matcher = EntityMatcher(
        [Entity("cetc-14", "Research Institute 14", "中国电子科技集团公司第十四研究所")]
    )
    assert [h.entity_id for h in matcher.match("中国电子科技集团公司第14研究所")] == ["cetc-14"]
    assert matcher.match("中国电子科技集团公司第四十一研究所") == []
    hit = matcher.match("中国电子科技集团公司第四十一研究所", threshold=0)[0]
    assert hit.score <= NUMBERS_DIFFER_CAP
    reason = next(r for r in hit.reasons if r.kind == ReasonKind.NUMBERS_DIFFER)
    assert reason.fields() == {"supplier": "41", "listed": "14"}
