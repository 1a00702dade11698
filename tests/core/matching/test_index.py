"""Candidate generation: it looks at a handful of names, never at all of them, and it never
loses a name that could reach the threshold."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from core.lists.model import Entity
from core.matching import EntityMatcher
from core.matching.index import NameIndex
from core.matching.normalize import normalize
from core.matching.score import latin_score

SYLLABLES = "ka ro ne xi la mo tri ven dor sa fen zu ber tal gra mar tek nor sen cor lum".split()
WORDS = "Global Pacific Golden Star Technology Systems Trading Industries Group Precision".split()


def generated_entities(count: int, seed: int = 3) -> list[Entity]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        brand = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        words = [brand, *rng.sample(WORDS, rng.randint(0, 2))]
        out.append(Entity(f"g{i}", " ".join(words) + " Co., Ltd.", aliases=(brand,)))
    return out


def test_candidates_are_a_handful_of_a_large_list() -> None:
    matcher = EntityMatcher(generated_entities(4000))
    index = matcher.index
    assert len(index.names) >= 8000
    target = index.entities[17].name_en.replace(" Co., Ltd.", "")
    texts = [
        target,  # a listed name
        "Global Pacific Golden Star Technology Systems Trading",  # only common words
        "Premier Plumbing Supplies",  # nothing listed
        f"{target.split()[0][:-1]} Trading",  # a typo of a listed brand
    ]
    for text in texts:
        candidates, _ = index.latin_candidates(normalize(text).tokens, 86.5)
        assert len(candidates) <= 20, (text, len(candidates))
    assert matcher.match(target)[0].entity_id == "g17"


def test_each_name_is_keyed_by_a_few_of_its_rarest_words() -> None:
    index = NameIndex(generated_entities(2000))
    level = index.level(86.5)
    keyed = sum(len(ids) for ids in level.single.values())
    assert keyed <= 3 * len(index.names)  # never one entry per word of every name
    assert not set(level.single) & {"group", "industry", "global"}  # common words key nothing


def _brute_force(index: NameIndex, tokens: tuple[str, ...], min_score: float) -> set[int]:
    """Every Latin name that scores ``min_score`` or more, by scoring all of them."""
    weights = index.weights.weights(tokens)
    out = set()
    for nid, name in enumerate(index.names):
        if name.script != "latin":
            continue
        if name.compact == "".join(tokens):
            out.add(nid)
            continue
        result = latin_score(tokens, weights, name.tokens, name.weights, index.weights.is_generic)
        if result.score >= min_score:
            out.add(nid)
    return out


@settings(max_examples=60, deadline=None)
@given(st.data(), st.sampled_from([86.5, 70.0, 94.5]))
def test_no_name_that_can_reach_the_threshold_is_missed(
    matcher: EntityMatcher, data: st.DataObject, min_score: float
) -> None:
    index = matcher.index
    latin = [n for n in index.names if n.script == "latin"]
    name = data.draw(st.sampled_from(latin))
    words = list(name.tokens)
    # Change the listed name the way suppliers do: drop or add a word, misspell one, join two.
    for _ in range(data.draw(st.integers(0, 2))):
        actions = ["drop", "add", "typo", "first", "join", "swap"]
        action = data.draw(st.sampled_from(actions))
        i = data.draw(st.integers(0, max(0, len(words) - 1)))
        if action == "drop" and len(words) > 1:
            del words[i]
        elif action == "add":
            words.insert(i, data.draw(st.sampled_from([*WORDS, "inc", "china", "lockheed"])))
        elif action == "typo" and len(words[i]) >= 5:
            words[i] = words[i][:2] + words[i][3:]
        elif action == "first" and len(words[i]) >= 5:  # the first letter misspelt
            words[i] = ("q" if words[i][0] != "q" else "k") + words[i][1:]
        elif action == "join" and i + 1 < len(words):
            words[i : i + 2] = [words[i] + words[i + 1]]
        elif action == "swap" and i + 1 < len(words):
            words[i], words[i + 1] = words[i + 1], words[i]
    tokens = normalize(" ".join(words)).tokens
    if not tokens:
        return
    candidates, _ = index.latin_candidates(tokens, min_score)
    assert _brute_force(index, tokens, min_score) <= candidates
