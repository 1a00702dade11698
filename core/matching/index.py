"""Candidate index over every entity name and alias, built once per list snapshot.

Cost per supplier name grows with its candidates, not with the number of listed names.

Latin names: an inverted index from every word of every name (and every pair of neighbouring
words joined, "l3" + "harris" -> "l3harris") to the names holding it, plus a deletion-
neighbourhood index over all listed words (one deletion each side, two for words of 9+
letters) that finds misspelt words. A score is at most 100 * sqrt(share of the supplier's
weight that matched), so a match at a threshold must pair at least one of the supplier's
rarest words whose weights add up to more than it may leave unmatched ("required keys"):
candidates are the names holding one of those words, a word similar to them, or a joined
pair, usually a handful. Spacing-only variants come through the compact (spaceless) key.

CJK names: exact cores (with and without a leading country name) and character bigrams.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from core.lists.model import Entity
from core.matching.normalize import NormalizedName, normalize
from core.matching.score import ABBREVIATION_SIMILARITY, typo_similarity
from core.matching.weights import GENERIC, TokenWeights, deletion_variants

_CACHE_LIMIT = 400_000
_DERIVED_RE = re.compile(
    r"^(?P<left>.+?)\s+(?P<link>by|d/?b/?a|t/?a|trading as|doing business as|formerly|f/?k/?a)"
    r"\s+(?P<right>.+)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class IndexedName:
    """One name or alias of one entity, normalized and weighted."""

    entity_index: int
    printed: str
    norm: NormalizedName
    weights: tuple[float, ...]
    total_weight: float
    token_set: frozenset[str]
    keys: frozenset[str]  # tokens and joined neighbour pairs
    pairs: frozenset[str]  # joined neighbour pairs
    weight_of: dict[str, float]  # token -> its weight (summed if repeated)
    compact: str
    is_alias: bool
    derived_from: str = ""  # the printed name this one was cut from ("Dedrone by Axon")


def _names_of(entity: Entity) -> list[tuple[str, bool, str]]:
    """(name, is alias, derived from): every name, plus the brand of "X by Y" and both sides
    of "X d/b/a Y" / "X formerly Y"."""
    out: list[tuple[str, bool, str]] = []
    for n, name in enumerate(entity.names()):
        out.append((name, n > 0 and name != entity.name_zh, ""))
        m = _DERIVED_RE.match(name)
        if m:
            keep = ("left",) if m.group("link").lower() == "by" else ("left", "right")
            out.extend((m.group(part), True, name) for part in keep)
    return out


class NameIndex:
    """All names of all entities, with the lookup structures described in the module doc."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = tuple(entities)
        pending: list[tuple[int, str, bool, str, NormalizedName]] = []
        df: dict[str, int] = defaultdict(int)
        for e, entity in enumerate(self.entities):
            seen: set[str] = set()
            for printed, is_alias, derived_from in _names_of(entity):
                norm = normalize(printed)
                if not norm.tokens:
                    continue
                pending.append((e, printed, is_alias, derived_from, norm))
                if norm.script == "latin":
                    seen.update(norm.tokens)
            for token in seen:
                df[token] += 1
        self.weights = TokenWeights(dict(df))
        self.names: list[IndexedName] = []
        self._containing: dict[str, list[int]] = defaultdict(list)
        self._deletions: dict[str, set[str]] = defaultdict(set)
        self._compact: dict[str, list[int]] = defaultdict(list)
        self._cjk_exact: dict[str, list[int]] = defaultdict(list)
        self._cjk_bigrams: dict[str, list[int]] = defaultdict(list)
        self._similar_cache: dict[str, dict[str, float]] = {}
        self._holding_cache: dict[str, frozenset[int]] = {}
        for e, printed, is_alias, derived_from, norm in pending:
            self._add(e, printed, is_alias, derived_from, norm)
        for token in df:
            for variant in deletion_variants(token):
                self._deletions[variant].add(token)
        self._abbreviated: dict[str, set[str]] = defaultdict(set)
        for word in GENERIC:
            for end in range(4, len(word)):
                self._abbreviated[word[:end]].add(word)

    def _add(self, e: int, printed: str, alias: bool, derived: str, norm: NormalizedName) -> None:
        nid = len(self.names)
        tokens = norm.tokens
        weights = tuple(self.weights.weights(tokens))
        pairs = {a + b for a, b in pairwise(tokens)}
        token_set = frozenset(tokens)
        name = IndexedName(
            e, printed, norm, weights, sum(weights), token_set, token_set | pairs,
            frozenset(pairs), _weight_of(tokens, weights), norm.compact, alias, derived,
        )  # fmt: skip
        self.names.append(name)
        if norm.script == "cjk":
            core = norm.compact
            self._cjk_exact[core].append(nid)
            if norm.country_prefix:
                self._cjk_exact[core[len(norm.country_prefix) :]].append(nid)
            for gram in set(_bigrams(core)):
                self._cjk_bigrams[gram].append(nid)
            return
        self._compact[norm.compact].append(nid)
        for key in name.keys:
            self._containing[key].append(nid)

    # -- Latin candidates -------------------------------------------------------------------

    def similar_tokens(self, token: str) -> dict[str, float]:
        """Listed words ``token`` may pair with, and the similarity: itself (1.0), generic words
        it abbreviates or that abbreviate it ("telecom" / "telecommunication"), and words one
        plausible typo away. Cached: supplier files repeat words."""
        cached = self._similar_cache.get(token)
        if cached is not None:
            return cached
        found = dict.fromkeys(self._abbreviated.get(token, ()), ABBREVIATION_SIMILARITY)
        if token in GENERIC:
            found.update(dict.fromkeys((token[:end] for end in range(4, len(token))), 0.9))
        for variant in deletion_variants(token):
            for other in self._deletions.get(variant, ()):
                if other != token:
                    sim = typo_similarity(token, other)
                    if sim:
                        found[other] = max(sim, found.get(other, 0.0))
        found[token] = 1.0
        if len(self._similar_cache) >= _CACHE_LIMIT:
            self._similar_cache.clear()
        self._similar_cache[token] = found
        return found

    def _holding(self, token: str) -> frozenset[int]:
        """Names holding ``token`` or a word similar to it (cached)."""
        cached = self._holding_cache.get(token)
        if cached is None:
            containing = self._containing
            found: set[int] = set()
            for key in self.similar_tokens(token):
                found.update(containing.get(key, ()))
            cached = frozenset(found)
            if len(self._holding_cache) >= _CACHE_LIMIT:
                self._holding_cache.clear()
            self._holding_cache[token] = cached
        return cached

    def latin_candidates_for(
        self, tokens: Sequence[str], weights: Sequence[float], min_score: float
    ) -> set[int]:
        """Names that may score ``min_score`` against these supplier tokens.

        The score is at most 100 * sqrt(share of the supplier's weight matched), so a match
        must pair at least one of the supplier's rarest words whose weights add up to more
        than it may leave unmatched: candidates hold that word, a word similar to it, or it
        joined with a neighbour. Names with the same letters (other spacing) are added.
        """
        count = len(tokens)
        containing = self._containing
        found: set[int] = set(self._compact.get("".join(tokens), ()))
        allowed_miss = (1.0 - (max(min_score, 1.0) / 100.0) ** 2) * sum(weights)
        if count == 1:
            order: Sequence[int] = (0,)
        else:
            df = self.weights.document_frequency
            order = sorted(range(count), key=lambda i: (df(tokens[i]), -weights[i], i))
        covered = 0.0
        for i in order:
            found.update(self._holding(tokens[i]))
            if i > 0:
                found.update(containing.get(tokens[i - 1] + tokens[i], ()))
            if i + 1 < count:
                found.update(containing.get(tokens[i] + tokens[i + 1], ()))
            covered += weights[i]
            if covered > allowed_miss:
                break
        return found

    # -- CJK candidates ---------------------------------------------------------------------

    def cjk_exact(self, core: str) -> list[int]:
        return self._cjk_exact.get(core, [])

    def cjk_candidates(self, core: str, min_score: float) -> set[int]:
        """CJK names sharing a character bigram with ``core`` and of compatible length."""
        found: set[int] = set(self._cjk_exact.get(core, ()))
        for gram in set(_bigrams(core)):
            found.update(self._cjk_bigrams.get(gram, ()))
        # The score is at most (shorter / longer) ** 1 (missing) or ** 0.5 (extra).
        out = set()
        for nid in found:
            other = len(self.names[nid].norm.compact)
            shorter, longer = min(other, len(core)), max(other, len(core))
            if 100.0 * (shorter / longer) ** 0.5 >= min_score:
                out.add(nid)
        return out


def _weight_of(tokens: Sequence[str], weights: Sequence[float]) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for token, weight in zip(tokens, weights, strict=True):
        out[token] += weight
    return dict(out)


def _bigrams(text: str) -> list[str]:
    if len(text) < 2:
        return [text]
    return [text[i : i + 2] for i in range(len(text) - 1)]
