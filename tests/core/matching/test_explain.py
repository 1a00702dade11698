"""Every hit explains itself: the matched name, the supplier's matched words, the score band
and reasons that name the words, the ignored legal forms and the country check."""

from __future__ import annotations

import pytest

from core.lists.model import Entity
from core.matching import DEFAULT_THRESHOLD, STRONG_THRESHOLD, EntityMatcher, NameMatch
from core.matching.reasons import Reason, ReasonKind


def only_hit(matcher: EntityMatcher, text: str, country: str | None = None) -> NameMatch:
    hits = matcher.match(text, country)
    assert len(hits) == 1, hits
    return hits[0]


def said(hit: NameMatch) -> list[str]:
    """The reasons as the CLI and the report print them."""
    return [r.english() for r in hit.reasons]


def test_reasons_name_the_matched_tokens_and_the_ignored_legal_form(
    matcher: EntityMatcher,
) -> None:
    hit = only_hit(matcher, "Lockheed Martin Corporation")
    assert hit.entity_id == "lockheed-martin"
    assert hit.supplier_text == "Lockheed Martin Corporation"
    assert hit.matched_name == "Lockheed Martin Corporation"
    assert hit.matched_tokens == ("Lockheed", "Martin")
    assert Reason(ReasonKind.TOKENS_MATCHED, ("Lockheed", "Martin")) in hit.reasons
    assert "tokens matched: Lockheed, Martin" in said(hit)
    assert "legal form ignored: Corporation" in said(hit)
    assert hit.score == 100.0 and hit.band == "strong"


def test_country_agreement_and_disagreement_are_reasons(matcher: EntityMatcher) -> None:
    agrees = only_hit(matcher, "Huntington Ingalls Industries", "US")
    differs = only_hit(matcher, "Huntington Ingalls Industries", "Japan")
    unknown = only_hit(matcher, "Huntington Ingalls Industries")
    assert "country agrees: US" in said(agrees)
    assert Reason(ReasonKind.COUNTRY_DIFFERS, ("JP", "US")) in differs.reasons
    assert "country differs: supplier JP, entity US" in said(differs)
    assert not any(r.startswith("country") for r in said(unknown))


def test_a_typo_is_explained(matcher: EntityMatcher) -> None:
    hit = only_hit(matcher, "Lockhead Martin Corporation", "US")
    assert hit.entity_id == "lockheed-martin"
    assert "typo: Lockhead ~ Lockheed" in said(hit)  # as the supplier and the list wrote them
    assert hit.matched_tokens == ("Lockhead", "Martin")


def test_an_abbreviation_is_explained(matcher: EntityMatcher) -> None:
    hit = only_hit(matcher, "Oceaneering Intl Inc")
    assert "abbreviation: Intl = international" in said(hit)
    assert "legal form ignored: Inc" in said(hit)


def test_an_acronym_alias_is_explained(matcher: EntityMatcher) -> None:
    hit = only_hit(matcher, "CATL")
    assert hit.entity_id == "contemporary-amperex-technology"
    assert hit.matched_name == "CATL"
    assert "acronym alias" in said(hit)


def test_other_spacing_is_explained(matcher: EntityMatcher) -> None:
    hit = only_hit(matcher, "Red Cat Holdings Inc")
    assert hit.entity_id == "red-cat-holdings"
    joined = only_hit(matcher, "RedCat Holdings")
    assert joined.entity_id == "red-cat-holdings"
    assert joined.reasons == (
        Reason(ReasonKind.SAME_LETTERS_SPACING, ("RedCat Holdings", "Red Cat Holdings")),
    )
    assert said(joined) == ["same name, different spacing: RedCat Holdings ~ Red Cat Holdings"]


def test_a_glued_abbreviation_written_apart_is_explained(matcher: EntityMatcher) -> None:
    hit = only_hit(matcher, "Tech Insights Inc", "CA")
    assert hit.entity_id == "techinsights"
    assert hit.matched_name == "TechInsights Inc."  # the listed name, not the spaced one
    assert "abbreviation: Tech = technology" in said(hit)
    assert "same name, different spacing: TechInsights Inc." in said(hit)


def test_a_chinese_hit_shows_the_supplier_characters(matcher: EntityMatcher) -> None:
    hit = only_hit(matcher, "洛克希德·马丁公司", "US")
    assert hit.entity_id == "lockheed-martin"
    assert hit.matched_tokens == ("洛克希德·马丁",)
    assert "Chinese name" in said(hit)
    assert "legal form ignored: 公司" in said(hit)
    assert "country agrees: US" in said(hit)


def test_bands_follow_the_score(matcher: EntityMatcher) -> None:
    for text in ("Lockheed Martin", "Hangzhou Hikvsion Digital Technology", "Unitree Robotics"):
        for hit in matcher.match(text):
            assert hit.score >= DEFAULT_THRESHOLD
            assert hit.band == ("strong" if hit.score >= STRONG_THRESHOLD else "possible")


def test_country_moves_the_score_but_never_hides_a_hit(matcher: EntityMatcher) -> None:
    text = "Hensold GmbH"  # a possible hit (a typo, another legal form) on an entity of DE
    none = only_hit(matcher, text)
    agrees = only_hit(matcher, text, "Germany")
    differs = only_hit(matcher, text, "US")
    assert none.band == agrees.band == differs.band == "possible"
    assert agrees.score > none.score > differs.score == DEFAULT_THRESHOLD
    strong = only_hit(matcher, "Raytheon Missle Systems", "DE")  # entity of US
    assert strong.band == "strong"
    assert only_hit(matcher, "Raytheon Missle Systems").score > strong.score


def test_a_higher_threshold_is_respected(matcher: EntityMatcher) -> None:
    text = "Hangzhou Hikvsion Digital Technology"
    assert matcher.match(text, threshold=99) == []
    assert matcher.match(text, threshold=80)


def _one(listed: str, supplier: str) -> NameMatch:
    """The hit of ``supplier`` on a list of the one entity ``listed`` (at any score)."""
    (hit,) = EntityMatcher([Entity("e", listed)]).match(supplier, threshold=0)
    return hit


@pytest.mark.parametrize(
    ("listed", "supplier", "reasons"),
    [
        ("Siemens AG", "Siemens AG", ["tokens matched: Siemens", "legal form ignored: AG"]),
        (
            "The Goldman Sachs Group, Inc.",
            "Goldman Sachs Group",
            ["tokens matched: Goldman, Sachs, Group"],
        ),
        ("Goldman Sachs", "Goldmann Sachs", ["tokens matched: Sachs", "typo: Goldmann ~ Goldman"]),
        (
            "Kratos Series Technologies",
            "KRATOS SERIES TECHNOLOGY",
            ["tokens matched: KRATOS, SERIES, TECHNOLOGY"],
        ),
        (
            "Siemens Mobility Solutions",
            "Siemens Energy Systems",
            [
                "tokens matched: Siemens",
                "extra words: Energy, Systems",
                "words not found: Mobility, Solutions",
            ],
        ),
        ("Red Cat Drones", "RedCat Drones", ["same name, different spacing: "
                                             "RedCat Drones ~ Red Cat Drones"]),
    ],
)  # fmt: skip
def test_reasons_name_the_words_as_printed_not_their_stems(
    listed: str, supplier: str, reasons: list[str]
) -> None:
    hit = _one(listed, supplier)
    assert said(hit) == reasons
    stems = {"siemen", "sach", "sery", "krato", "system", "solution", "drone", "technology"}
    words = {w for r in hit.reasons for w in r.data}
    assert not words & stems, words
    assert hit.matched_tokens == tuple(dict.fromkeys(hit.matched_tokens))


def test_a_listed_word_missing_is_named_as_the_list_prints_it() -> None:
    hit = _one("Kratos Technologies Holdings", "Kratos")
    assert said(hit) == ["tokens matched: Kratos", "words not found: Technologies, Holdings"]
    assert hit.matched_tokens == ("Kratos",)


def test_a_word_with_a_combining_accent_is_named_whole() -> None:
    """A decomposed accent (e + U+0301) folds to nothing; the word is still printed with it."""
    decomposed = "Cafe\u0301 Noir Tradng"
    hit = _one("Café Noir Trading", decomposed)
    assert said(hit) == ["tokens matched: Cafe\u0301, Noir", "typo: Tradng ~ Trading"]
    assert hit.matched_tokens == ("Cafe\u0301", "Noir", "Tradng")
