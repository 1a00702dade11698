"""Token weights: how much a normalized word says about which company is meant.

* structure words (group, holdings, international, industries ...): 0.15
* descriptor words (technology, systems, aerospace, robotics ...) and misspellings of them: 0.25
* country and region names (china, usa, japan ...): 0.5
* every other word: 1.0, less for words found in many listed names (down to 0.5), since they
  tell the listed parties apart less well (lockheed 0.75, avic 0.68)
* a place or country name standing first weighs as a structure word (registration place).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from core.matching.countries import GEO_WORDS
from core.matching.normalize import classify_token
from core.matching.score import typo_similarity
from core.vocabulary import (
    DESCRIPTOR_WEIGHT,
    GENERIC_WORDS,
    GEO_WEIGHT,
    PLACE_WORDS,
    STRUCTURE_WEIGHT,
    STRUCTURE_WORDS,
)


def _canonical_set(words: frozenset[str]) -> frozenset[str]:
    return frozenset(classify_token(w)[0] for w in words)


GENERIC = _canonical_set(GENERIC_WORDS)
STRUCTURE = _canonical_set(STRUCTURE_WORDS)
PLACES = _canonical_set(PLACE_WORDS | GEO_WORDS)
GEO = _canonical_set(GEO_WORDS) - GENERIC
_CACHE_LIMIT = 500_000


@lru_cache(maxsize=8192)
def deletion_variants(token: str) -> frozenset[str]:
    """The token and its one-deletion variants, and for 9+ letters its two-deletion variants
    that keep the first letter; only words of five or more letters have any, since shorter
    ones never count as typos.

    Two words that ``typo_similarity`` accepts share a variant: each edit (substitution,
    insertion, deletion, swap of neighbours) is undone by deleting at most one letter on each
    side, and two edits are only allowed between words with the same first letter, which no
    deletion then needs to touch.
    """
    if len(token) < 5 or not token.isalpha():
        return frozenset()
    size = len(token)
    ones = [token[:i] + token[i + 1 :] for i in range(size)]
    if size < 9:
        return frozenset([token, *ones])
    # One comprehension over the pairs of positions: this runs for every new supplier word.
    twos = [
        token[:i] + token[i + 1 : j] + token[j + 1 :]
        for i in range(1, size)
        for j in range(i + 1, size)
    ]
    return frozenset([token, *ones, *twos])


# Generic words by first letter and length (a misspelt descriptor is looked for among those
# with its first letter: cheap, and a descriptor misspelt in its first letter only costs the
# word its low weight; a typo changes the length by at most two letters).
_GENERIC_BY_FIRST: dict[tuple[str, int], list[str]] = defaultdict(list)
for _word in sorted(GENERIC):
    if len(_word) >= 5 and _word.isalpha():
        _GENERIC_BY_FIRST[(_word[0], len(_word))].append(_word)


def _generic_look_alikes(token: str) -> list[str]:
    first, size = token[0], len(token)
    return [g for n in range(size - 2, size + 3) for g in _GENERIC_BY_FIRST.get((first, n), ())]


class TokenWeights:
    """Weights of normalized tokens given their document frequency over the listed entities."""

    def __init__(self, document_frequency: dict[str, int]) -> None:
        self._df = document_frequency
        self._cache: dict[str, float] = {}
        self._generic_typos: dict[str, bool] = {}

    def document_frequency(self, token: str) -> int:
        return self._df.get(token, 0)

    def is_generic(self, token: str) -> bool:
        """A generic business word, or a misspelling of one that is no listed word itself."""
        if token in GENERIC:
            return True
        if token in self._df or len(token) < 5:
            return False
        known = self._generic_typos.get(token)
        if known is None:
            known = any(typo_similarity(token, g) for g in _generic_look_alikes(token))
            if len(self._generic_typos) < _CACHE_LIMIT:
                self._generic_typos[token] = known
        return known

    def weight(self, token: str) -> float:
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        if token in STRUCTURE:
            w = STRUCTURE_WEIGHT
        elif self.is_generic(token):
            w = DESCRIPTOR_WEIGHT
        elif token in GEO:
            w = GEO_WEIGHT
        else:
            df = self._df.get(token, 0)
            w = 1.0 if df <= 1 else max(0.5, 1.0 - 0.12 * math.log(df))
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[token] = w
        return w

    def weights(self, tokens: Sequence[str]) -> list[float]:
        """Weights of a name's tokens; a leading place name weighs as a structure word."""
        cache = self._cache
        out = [cache.get(t) or self.weight(t) for t in tokens]
        if len(tokens) > 1 and tokens[0] in PLACES:
            out[0] = min(out[0], STRUCTURE_WEIGHT)
        return out
