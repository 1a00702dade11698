"""Properties of ``EntityMatcher.match`` on arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.lists.model import Entity
from core.matching import DEFAULT_THRESHOLD, EntityMatcher

LISTED_WORDS = ["Lockheed", "Martin", "Corp", "Huawei", "Technologies", "Co", "Ltd", "CATL", "SMIC"]
ANY_TEXT = st.one_of(
    st.text(max_size=80),
    st.lists(
        st.sampled_from([*LISTED_WORDS, "&", ".", " ", "洛克希德", "·", "马丁", "公司"]),
        max_size=12,
    ).map(" ".join),
)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\t\n", "😀", "😀 Lockheed 😀", ".,;&", "公司", "有限公司", "Inc.", "Co., Ltd.",
     "Lockheed Martin " * 500, "x" * 10_000, "\u200b\u200b", "a\x00b"],
)  # fmt: skip
def test_match_never_raises_on_odd_text(matcher: EntityMatcher, text: str) -> None:
    for hit in matcher.match(text, "US"):
        assert 0.0 <= hit.score <= 100.0


@settings(max_examples=150, deadline=None)
@given(ANY_TEXT, st.sampled_from([None, "US", "CN", "nowhere"]), st.floats(0, 100))
def test_scores_are_within_0_and_100_best_first_and_above_the_threshold(
    matcher: EntityMatcher, text: str, country: str | None, threshold: float
) -> None:
    hits = matcher.match(text, country, threshold=threshold)
    scores = [h.score for h in hits]
    assert all(0.0 <= s <= 100.0 for s in scores)
    assert all(s >= round(threshold, 1) - 0.05 for s in scores)
    assert scores == sorted(scores, reverse=True)
    assert len({h.entity_id for h in hits}) == len(hits)  # one hit per entity


@settings(max_examples=60, deadline=None)
@given(ANY_TEXT)
def test_the_same_text_gives_the_same_answer(matcher: EntityMatcher, text: str) -> None:
    assert matcher.match(text) == matcher.match(text)  # the second one comes from the cache


@settings(max_examples=60, deadline=None)
@given(st.lists(ANY_TEXT, max_size=6), st.sampled_from([None, "US", "CN"]), st.floats(70, 100))
def test_prepared_names_match_as_unprepared_ones(
    entities: list[Entity], texts: list[str], country: str | None, threshold: float
) -> None:
    fresh, prepared = EntityMatcher(entities[:300]), EntityMatcher(entities[:300])
    hopeful = prepared.prepare(texts, threshold=threshold)
    for text in texts:
        expected = fresh.match(text, country, threshold=threshold)
        assert prepared.match(text, country, threshold=threshold) == expected
        assert text in hopeful or not expected


def test_default_threshold(matcher: EntityMatcher) -> None:
    assert DEFAULT_THRESHOLD == 88.0
    assert matcher.match("Lockheed Martin") == matcher.match("Lockheed Martin", threshold=88)
