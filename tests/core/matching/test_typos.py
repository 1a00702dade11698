"""One typo in a short name: a hit to review, the first letter included; a real-word swap or
a letter more or less in a three- or four-letter name is another company."""

from __future__ import annotations

import pytest

from core.lists.model import Entity
from core.matching import DEFAULT_THRESHOLD, STRONG_THRESHOLD, EntityMatcher
from core.matching.common_words import real_word_swap
from core.matching.reasons import ReasonKind

LISTED = {
    "gazprom": "Gazprom",
    "cencora": "Cencora, Inc.",
    "rostec": "Rostec",
    "huawei": "Huawei Technologies Co., Ltd.",
    "almaz": "Almaz",
    "submit": "Submit Partners",
    "cvc": "CVC",
    "avic": "AVIC",
    "gazprom-neft": "Gazprom Neft",
    "lockheed": "Lockheed Martin Corporation",
}


@pytest.fixture(scope="module")
def matcher() -> EntityMatcher:
    return EntityMatcher([Entity(key, name) for key, name in LISTED.items()])


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Gasprom", "gazprom"),  # substituted
        ("Gazpom", "gazprom"),  # dropped
        ("Gazsprom", "gazprom"),  # added
        ("Gazrpom", "gazprom"),  # neighbours swapped
        ("Sencora Inc", "cencora"),  # the first letter
        ("Encora", "cencora"),  # the first letter dropped
        ("Rostek", "rostec"),  # six letters
        ("Elmaz", "almaz"),  # five letters, the first one
        ("Huawai Technologies", "huawei"),  # a two-word name, the distinctive word misspelt
        ("Gasprom Neft", "gazprom-neft"),
    ],
)
def test_one_typo_in_a_short_name_is_a_hit_to_review(
    matcher: EntityMatcher, text: str, entity: str
) -> None:
    hits = [h for h in matcher.match(text) if h.entity_id == entity]
    assert hits, f"{text} did not find {entity}"
    hit = hits[0]
    assert DEFAULT_THRESHOLD <= hit.score < STRONG_THRESHOLD
    assert hit.band == "possible"
    # "Rostek" is also how "Ростех" is romanized: that reason explains it better than a typo
    explained = {ReasonKind.TYPO, ReasonKind.ROMANIZED} if entity == "rostec" else {ReasonKind.TYPO}
    assert any(r.kind in explained for r in hit.reasons)


@pytest.mark.parametrize(
    "text",
    [
        "CVS",  # a letter of a three-letter name: another company
        "CVS Health",
        "AVIA",
        "AVIK",
        "Summit Partners",  # two common words one letter apart: another name
        "Gaspron Nefti",  # a typo in each word: nothing agrees
        "Gasprun",  # two edits in a seven-letter word
        "Xencorb",
    ],
)
def test_no_hit(matcher: EntityMatcher, text: str) -> None:
    assert matcher.match(text) == []


def test_a_real_word_swap_is_no_typo_even_where_the_rest_of_the_name_agrees() -> None:
    matcher = EntityMatcher(
        [
            Entity("tower", "Sun Tower Ltd"),
            Entity("ridge", "Ocean Ridge"),
            Entity("lm", "Lockheed Martin"),
        ]
    )
    assert matcher.match("Sun Power Ltd") == []  # power / tower: two common words
    assert matcher.match("Ocean Bridge") == []
    hit = matcher.match("Lockheed Marten")[0]  # "marten" is no common word: a plain typo
    assert hit.entity_id == "lm"
    assert real_word_swap("summit", "submit")
    assert not real_word_swap("gasprom", "gazprom")
    assert not real_word_swap("summit", "summit")


def test_short_typo_names_reach_the_index_whatever_letter_changed(
    matcher: EntityMatcher,
) -> None:
    for text in ("Hazprom", "Gazproj", "Agzprom", "Gazprmo"):
        assert [h.entity_id for h in matcher.match(text)] == ["gazprom"], text


def test_a_typo_in_a_two_word_name_stays_below_strong_with_the_country_agreeing() -> None:
    matcher = EntityMatcher([Entity("gazprom-neft", "Gazprom Neft", country="RU")])
    hit = matcher.match("Gasprom Neft", "Russia")[0]
    assert DEFAULT_THRESHOLD <= hit.score < STRONG_THRESHOLD and hit.band == "possible"
    assert matcher.match("Gazprom Neft", "Russia")[0].band == "strong"


def test_a_typo_match_never_hides_the_name_spelt_as_listed() -> None:
    matcher = EntityMatcher(
        [Entity("fengbao", "Fengbao Co., Ltd."), Entity("fengbo", "Fengbo Machinery Co., Ltd.")]
    )
    found = {h.entity_id for h in matcher.match("Fengbao Machinery Co Ltd")}
    assert "fengbao" in found


def test_particles_before_a_separator_belong_to_another_name() -> None:
    matcher = EntityMatcher([Entity("lefebvre", "Lefebvre S.A.")])
    assert [h.entity_id for h in matcher.match("Le & Lefebvre S.A.")] == ["lefebvre"]
