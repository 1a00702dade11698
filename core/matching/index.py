"""Candidate index over every entity name and alias, built once per list snapshot.

Cost per supplier name grows with its candidates, not with the number of listed names.

A score is at most ``100 * coverage_listed`` (see ``score.py``): a name can only reach a
minimum score ``m`` when the words of it that the supplier text does not reach at all weigh
at most ``(1 - m/100)`` of it. So each listed name needs to be found only through a few of
its rarest words whose weights add up to more than that ("prefix filtering"): for most names
one distinctive word. ``PrefixLevel`` holds, for one minimum score, the map from those words
(and the joined pairs holding them, "l3" + "harris" -> "l3harris") to the names. A supplier
text looks up each of its words, the listed words similar to it (typos through a deletion-
neighbourhood index, abbreviated generic words) and its joined neighbour pairs; names written
with the same letters but other spacing come through the compact (spaceless) key.

CJK names work the same way with characters: a listed core of ``n`` characters must share at
least ``m/100 * n`` of them, so it is found through its ``floor((1 - m/100) * n) + 1`` rarest
characters. Exact cores (with and without a leading country name) are looked up directly.

The levels are built lazily, once per minimum score used (rounded down to half a point).
"""

from __future__ import annotations

import math
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

from core.lists.model import Entity
from core.matching.normalize import NormalizedName, has_cjk, normalize, quick_latin_tokens
from core.matching.romanize import (
    ROMANIZATION_SIMILARITY,
    is_abjad,
    romanization_key,
    skeleton,
    skeleton_similarity,
)
from core.matching.score import ABBREVIATION_SIMILARITY, typo_similarity
from core.matching.weights import GENERIC, PLACES, TokenWeights, deletion_variants
from core.progress import NullProgress, Progress, check_cancelled
from core.vocabulary import ABBREVIATIONS, STRUCTURE_WEIGHT

_CACHE_LIMIT = 400_000
BUILD_LABEL = "Building the name index"
"""The label of the progress an index build reports (``NameIndex(..., progress=...)``)."""
_REPORT_EVERY = 5000  # entities (or names) between progress reports and cancel checks
_EPSILON = 1e-9
_NONE: frozenset[str] = frozenset()
# A supplier word at one level: (listed words reached, their pair partners, names found by
# one of them alone, names found by one of them as a joined listed pair, its weight).
_Record = tuple[tuple[str, ...], frozenset[str], tuple[int, ...], tuple[int, ...], float]
_DERIVED_RE = re.compile(
    r"^(?P<left>.+?)\s+(?P<link>by|d/?b/?a|t/?a|trading as|doing business as|formerly|f/?k/?a)"
    r"\s+(?P<right>.+)$",
    re.IGNORECASE,
)

# A listed brand that glues an abbreviation to a word ("TechInsights"): suppliers write it
# apart, and then the abbreviation is read as the word it stands for ("tech" is
# "technology"), so no joined-words rule can see the two are one. The spaced spelling is
# indexed too.
_GLUED_ABBREVIATION_RE = re.compile(
    r"\b("
    + "|".join(sorted((k.capitalize() for k in ABBREVIATIONS if k.isalpha()), key=len)[::-1])
    + r")(?=[A-Z][a-z])"
)


class IndexedName:
    """One name or alias of one entity, tokenized and weighted.

    The full ``NormalizedName`` (spans, legal forms) is only built for the few names that
    are scored, as are the token set, the joined pairs and the weight per distinct token.
    """

    __slots__ = (
        "_norm",
        "_pairs",
        "_token_set",
        "_weight_of",
        "compact",
        "derived_from",
        "entity_index",
        "is_alias",
        "name_id",
        "printed",
        "script",
        "tokens",
        "total_weight",
        "weights",
    )

    def __init__(
        self,
        name_id: int,
        entity_index: int,
        printed: str,
        is_alias: bool,
        derived_from: str,
        script: str,
        tokens: tuple[str, ...],
        weights: tuple[float, ...],
        norm: NormalizedName | None,
    ) -> None:
        self.name_id = name_id  # position in ``NameIndex.names``
        self.entity_index = entity_index
        self.printed = printed
        self.is_alias = is_alias
        self.derived_from = derived_from  # the printed name this one was cut from
        self.script = script
        self.tokens = tokens
        self.weights = weights
        self.total_weight = sum(weights)
        self.compact = "".join(tokens)
        self._norm = norm
        self._token_set: frozenset[str] | None = None
        self._pairs: frozenset[str] | None = None
        self._weight_of: dict[str, float] | None = None

    def __reduce__(self) -> tuple[type[IndexedName], tuple[object, ...]]:
        # Pickled as its constructor's arguments: smaller and faster than slot by slot.
        args = (self.name_id, self.entity_index, self.printed, self.is_alias, self.derived_from)
        return IndexedName, (*args, self.script, self.tokens, self.weights, self._norm)

    @property
    def made_norm(self) -> NormalizedName | None:
        """The full normalization if it is made already (CJK names: always)."""
        return self._norm

    @property
    def norm(self) -> NormalizedName:
        if self._norm is None:
            self._norm = normalize(self.printed)
        return self._norm

    @property
    def token_set(self) -> frozenset[str]:
        if self._token_set is None:
            self._token_set = frozenset(self.tokens)
        return self._token_set

    @property
    def pairs(self) -> frozenset[str]:
        """Neighbouring tokens joined ("l3" + "harris")."""
        if self._pairs is None:
            self._pairs = frozenset(a + b for a, b in pairwise(self.tokens))
        return self._pairs

    @property
    def weight_of(self) -> dict[str, float]:
        """Token -> its weight (summed if repeated)."""
        if self._weight_of is None:
            out: dict[str, float] = defaultdict(float)
            for token, weight in zip(self.tokens, self.weights, strict=True):
                out[token] += weight
            self._weight_of = dict(out)
        return self._weight_of


def _names_of(entity: Entity) -> list[tuple[str, bool, str]]:
    """(name, is alias, derived from): every name, plus the brand of "X by Y", both sides
    of "X d/b/a Y" / "X formerly Y", and a glued abbreviation spaced ("Tech Insights")."""
    out: list[tuple[str, bool, str]] = []
    for n, name in enumerate(entity.names()):
        out.append((name, n > 0 and name != entity.name_zh, ""))
        spaced = _GLUED_ABBREVIATION_RE.sub(r"\1 ", name)
        if spaced != name:
            out.append((spaced, True, name))
        m = _DERIVED_RE.match(name)
        if m:
            keep = ("left",) if m.group("link").lower() == "by" else ("left", "right")
            out.extend((m.group(part), True, name) for part in keep)
    return out


def _tokenize(printed: str) -> tuple[str, tuple[str, ...], NormalizedName | None]:
    """(script, tokens, full normalization when it was needed to get the tokens)."""
    if has_cjk(printed):
        norm = normalize(printed)
        return norm.script, norm.tokens, norm
    quick = quick_latin_tokens(printed)
    if quick is not None:
        return "latin", tuple(quick), None
    norm = normalize(printed)
    return "latin", norm.tokens, norm


class NameIndex:
    """All names of all entities, with the lookup structures described in the module doc."""

    def __init__(self, entities: Sequence[Entity], progress: Progress | None = None) -> None:
        """Index ``entities``. ``progress`` hears ``BUILD_LABEL`` reports (in steps of
        ``build_steps(len(entities))``) and is checked for cancel between them (``Cancelled``
        is raised; nothing is kept)."""
        progress = progress or NullProgress()
        self.entities = tuple(entities)
        self._entity_count = len(self.entities)
        steps = build_steps(self._entity_count)
        # What matching needs of the entities once the names are indexed; kept with the index
        # so that a worker process can match from the saved file alone.
        self.entity_ids = tuple(entity.entity_id for entity in self.entities)
        self.entity_countries = tuple(entity.country for entity in self.entities)
        pending: list[tuple[int, str, bool, str, str, tuple[str, ...], NormalizedName | None]]
        pending = []
        df: dict[str, int] = defaultdict(int)
        for e, entity in enumerate(self.entities):
            if e % _REPORT_EVERY == 0:
                _step(progress, e, steps)
            seen: set[str] = set()
            for printed, is_alias, derived_from in _names_of(entity):
                script, tokens, norm = _tokenize(printed)
                if not tokens:
                    continue
                pending.append((e, printed, is_alias, derived_from, script, tokens, norm))
                if script == "latin":
                    seen.update(tokens)
            for token in seen:
                df[token] += 1
        self.weights = TokenWeights(dict(df))
        weights_of = self.weights.weights
        self.names: Sequence[IndexedName] = [
            IndexedName(
                nid,
                e,
                printed,
                alias,
                derived,
                script,
                tokens,
                tuple(weights_of(tokens)) if script == "latin" else (),
                norm,
            )
            for nid, (e, printed, alias, derived, script, tokens, norm) in enumerate(pending)
        ]
        # Each name's length without spaces: the CJK length bound reads it for every
        # candidate, without making the name (a mapped index makes names on first use).
        self._compact_len = array("I", [len(name.compact) for name in self.names])
        self._latin_ids: list[int] = []
        self._cjk_ids: list[int] = []
        compact: dict[str, list[int]] = defaultdict(list)
        cjk_exact: dict[str, list[int]] = defaultdict(list)
        char_df: dict[str, int] = defaultdict(int)
        _step(progress, self._entity_count, steps)
        for nid, name in enumerate(self.names):
            if name.script == "cjk":
                self._cjk_ids.append(nid)
                core = name.compact
                cjk_exact[core].append(nid)
                prefix = name.norm.country_prefix
                if prefix:
                    cjk_exact[core[len(prefix) :]].append(nid)
                for ch in set(core):
                    char_df[ch] += 1
            else:
                self._latin_ids.append(nid)
                compact[name.compact].append(nid)
        # Read-only from here on: a loaded index reads these from its file (``mapped_index``).
        self._compact: Mapping[str, Sequence[int]] = dict(compact)
        self._cjk_exact: Mapping[str, Sequence[int]] = dict(cjk_exact)
        self._char_df = dict(char_df)
        # Rarest first: the order in which a name's words are taken into its prefix.
        self._rank = {
            t: r
            for r, t in enumerate(sorted(df, key=lambda t: (df[t], -self.weights.weight(t), t)))
        }
        deletions: dict[str, list[str]] = defaultdict(list)
        variants_of = deletion_variants.__wrapped__  # every word once: no use caching
        _step(progress, self._entity_count + self._entity_count // 2, steps)
        for token in df:
            for variant in variants_of(token):
                deletions[variant].append(token)
        # Most variants belong to one word: kept as that word, not as a list of one (a list
        # per variant was a quarter of the objects, and of the time, loading an index).
        self._deletions: dict[str, str | tuple[str, ...]] = {
            variant: words[0] if len(words) == 1 else tuple(words)
            for variant, words in deletions.items()
        }
        # Listed words by romanization key ("lukoil" under "lukoil", found for "lukoyl").
        romanized: dict[str, list[str]] = defaultdict(list)
        for token in df:
            key = romanization_key(token)
            if key:
                romanized[key].append(token)
        self._romanized = {key: tuple(words) for key, words in romanized.items()}
        # Listed words read from Arabic script by consonant skeleton, for Latin supplier
        # words; the listed Latin words' skeletons, for supplier words read from Arabic
        # script, are made the first time one comes (rare: not built for every index).
        self._abjad_bones = _by_skeleton(t for t in df if is_abjad(t))
        self._latin_bones: dict[str, tuple[str, ...]] | None = None
        self._longest = max(map(len, df), default=0)
        self._abbreviated: dict[str, set[str]] = defaultdict(set)
        for word in GENERIC:
            for end in range(4, len(word)):
                self._abbreviated[word[:end]].add(word)
        self._vocabulary = frozenset(df)
        self._keys = self._vocabulary | frozenset(
            a + b for nid in self._latin_ids for a, b in pairwise(self.names[nid].tokens)
        )
        self._similar_cache: dict[str, dict[str, float]] = {}
        self._reach_cache: dict[str, tuple[str, ...]] = {}
        self._levels: dict[float, PrefixLevel] = {}
        self._level_for: dict[float, PrefixLevel] = {}  # by the exact minimum score asked
        _step(progress, 2 * self._entity_count, steps)

    def __getstate__(self) -> dict[str, object]:
        """Everything but the entities (the caller has them) and the caches of supplier
        words (they depend on what was screened)."""
        state = dict(self.__dict__)
        state["entities"] = ()
        state["_similar_cache"] = {}
        state["_reach_cache"] = {}
        return state

    def attach(self, entities: Sequence[Entity]) -> None:
        """Give an unpickled index its entities back (the same ones it was built from)."""
        if self.entities or self._entity_count != len(entities):
            raise ValueError("the entities are not those the index was built from")
        self.entities = tuple(entities)

    # -- similar words ----------------------------------------------------------------------

    def similar_tokens(self, token: str) -> dict[str, float]:
        """Words ``token`` may pair with, and the similarity: itself (1.0), generic words it
        abbreviates or that abbreviate it ("telecom" / "telecommunication"), and listed words
        one plausible typo away. Cached: supplier files repeat words."""
        cached = self._similar_cache.get(token)
        if cached is not None:
            return cached
        found = dict.fromkeys(self._abbreviated.get(token, ()), ABBREVIATION_SIMILARITY)
        if len(token) > 4 and self.weights.is_generic(token):
            found.update(dict.fromkeys((token[:end] for end in range(4, len(token))), 0.9))
        deletions = self._deletions
        # A word longer than any listed word by more than two letters is no typo of one.
        variants = deletion_variants.__wrapped__(token) if len(token) <= self._longest + 2 else ()
        # Most variants are no listed word's: the keys view intersection skips them in C.
        others: set[str] = set()
        for variant in deletions.keys() & variants:
            words = deletions[variant]
            if isinstance(words, str):
                others.add(words)
            else:
                others.update(words)
        others.discard(token)
        for other in others.difference(found):
            sim = typo_similarity(token, other)
            if sim:
                found[other] = sim
        for other in self._romanized.get(romanization_key(token), ()):
            if found.get(other, 0.0) < ROMANIZATION_SIMILARITY:
                found[other] = ROMANIZATION_SIMILARITY
        if is_abjad(token) or self._abjad_bones:  # consonants against the other script
            if is_abjad(token):
                if self._latin_bones is None:
                    self._latin_bones = _by_skeleton(t for t in self._vocabulary if not is_abjad(t))
                table = self._latin_bones
            else:
                table = self._abjad_bones
            for other in table.get(skeleton(token), ()):
                sim = skeleton_similarity(token, other)
                if found.get(other, 0.0) < sim:
                    found[other] = sim
        found[token] = 1.0
        if len(self._similar_cache) >= _CACHE_LIMIT:
            self._similar_cache.clear()
        self._similar_cache[token] = found
        return found

    def reach(self, token: str) -> tuple[str, ...]:
        """Listed words and joined listed pairs ``token`` may pair with (cached)."""
        found = self._reach_cache.get(token)
        if found is None:
            keys = self._keys
            found = tuple(word for word in self.similar_tokens(token) if word in keys)
            if len(self._reach_cache) >= _CACHE_LIMIT:
                self._reach_cache.clear()
            self._reach_cache[token] = found
        return found

    # -- candidates -------------------------------------------------------------------------

    def level(self, min_score: float, progress: Progress | None = None) -> PrefixLevel:
        """The prefix index for names scoring at least ``min_score`` (built once; a build
        reports to ``progress`` as the last third of ``build_steps``)."""
        key = math.floor(max(0.0, min(min_score, 100.0)) * 2.0) / 2.0
        found = self._levels.get(key)
        if found is None:
            found = self._levels[key] = PrefixLevel(self, key, progress)
        self._level_for[min_score] = found
        return found

    def latin_candidates(
        self, tokens: Sequence[str], min_score: float
    ) -> tuple[set[int], list[float]]:
        """Latin names that may score ``min_score`` against these supplier tokens, and the
        tokens' weights.

        The score is also at most ``100 * sqrt(share of the supplier's weight matched)``: so
        nothing when the supplier words no listed word can pair with weigh too much, and when
        no single supplier word (or joined pair) is heavy enough to be that share, only names
        holding two of the words reached (``PrefixLevel.pairs``).
        """
        same_letters = self._compact.get("".join(tokens))
        found: set[int] = set(same_letters) if same_letters else set()
        level = self._level_for.get(min_score) or self.level(min_score)
        get_record, record = level.records.get, level.record
        found_records = [get_record(t) or record(t) for t in tokens]
        weights = [rec[4] for rec in found_records]
        if len(tokens) > 1 and tokens[0] in PLACES:
            weights[0] = min(weights[0], STRUCTURE_WEIGHT)
        covered = heaviest = 0.0
        for rec, weight in zip(found_records, weights, strict=True):
            if rec[0]:
                covered += weight
                if weight > heaviest:
                    heaviest = weight
        joined: list[str] = []  # two supplier words written as one listed word
        vocabulary = self._vocabulary
        for i in range(len(tokens) - 1):
            word = tokens[i] + tokens[i + 1]
            if word in vocabulary:
                joined.append(word)
                heaviest = max(heaviest, weights[i] + weights[i + 1])
                covered += sum(weights[k] for k in (i, i + 1) if not found_records[k][0])
        required = (max(min_score, 0.0) / 100.0) ** 2 * sum(weights) - _EPSILON
        if covered < required:
            return found, weights
        one_is_enough = heaviest >= required
        reached: set[str] = set(joined)
        for rec in found_records:
            reached.update(rec[0])
        single, pairs, partners = level.single, level.pairs, level.partners
        for words, mates, singles, others, _ in found_records:
            if one_is_enough:
                found.update(singles)
            elif others:
                found.update(others)
            if mates and not mates.isdisjoint(reached):
                for word in words:
                    for other in partners.get(word, _NONE).intersection(reached):
                        key = word + "\x00" + other if word < other else other + "\x00" + word
                        found.update(pairs[key])
        for word in joined:
            found.update(single.get(word, ()))
            for other in partners.get(word, _NONE).intersection(reached):
                key = word + "\x00" + other if word < other else other + "\x00" + word
                found.update(pairs[key])
        return found, weights

    def cjk_exact(self, core: str) -> Sequence[int]:
        return self._cjk_exact.get(core, ())

    def cjk_candidates(self, core: str, min_score: float) -> set[int]:
        """CJK names sharing enough of their rarest characters with ``core`` (or equal to
        it), of a length that allows ``min_score``."""
        level = self._level_for.get(min_score) or self.level(min_score)
        found: set[int] = set(self._cjk_exact.get(core, ()))
        single, pairs, partners = level.cjk_single, level.cjk_pairs, level.cjk_partners
        chars = set(core)
        for ch in chars:
            ids = single.get(ch)
            if ids:
                found.update(ids)
            others = partners.get(ch)
            if others:
                for other in others.intersection(chars):
                    if ch < other or (ch == other and core.count(ch) > 1):
                        found.update(pairs[ch + other])
        # The score is at most (shorter / longer) ** 1 (missing) or ** 0.5 (extra).
        lengths, size = self._compact_len, len(core)
        ratio = (min_score / 100.0) ** 2
        return {
            nid for nid in found if min(size, n := lengths[nid]) >= ratio * max(size, n) - _EPSILON
        }


class PrefixLevel:
    """Prefix keys of every name for one minimum score (see the module doc)."""

    def __init__(
        self, index: NameIndex, min_score: float, progress: Progress | None = None
    ) -> None:
        need = min_score / 100.0
        rank = index._rank
        single: dict[str, list[int]] = defaultdict(list)
        pairs: dict[str, list[int]] = defaultdict(list)
        entities, steps = index._entity_count, build_steps(index._entity_count)
        names = max(1, len(index.names))
        for done, nid in enumerate(index._latin_ids):
            if progress is not None and done % _REPORT_EVERY == 0:
                _step(progress, 2 * entities + entities * done // names, steps)
            name = index.names[nid]
            one, two = _latin_prefix(name.tokens, name.weights, need * name.total_weight, rank)
            for key in one:
                single[key].append(nid)
            for key in two:
                pairs[key].append(nid)
        cjk_single: dict[str, list[int]] = defaultdict(list)
        cjk_pairs: dict[str, list[int]] = defaultdict(list)
        char_df = index._char_df
        for nid in index._cjk_ids:
            ones, twos = _cjk_prefix(index.names[nid].compact, need, char_df)
            for key in ones:
                cjk_single[key].append(nid)
            for key in twos:
                cjk_pairs[key].append(nid)
        # Read-only from here on: a loaded index reads these from its file (``mapped_index``).
        self.single: Mapping[str, Sequence[int]] = dict(single)
        self.pairs: Mapping[str, Sequence[int]] = dict(pairs)
        self.partners = _partners(self.pairs, "\x00")
        self._index = index
        self.records: dict[str, _Record] = {}
        self.cjk_single: Mapping[str, Sequence[int]] = dict(cjk_single)
        self.cjk_pairs: Mapping[str, Sequence[int]] = dict(cjk_pairs)
        self.cjk_partners = _partners(self.cjk_pairs, "")
        if progress is not None:
            _step(progress, steps, steps)

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "records": {}}

    def record(self, token: str) -> _Record:
        """What a supplier word reaches at this level (cached): the listed words, the words
        they form pair keys with, the names found by those words alone, and those found by
        them only as joined listed pairs ("l3harris")."""
        words = self._index.reach(token)
        mates: set[str] = set()
        singles: set[int] = set()
        others: set[int] = set()
        vocabulary = self._index._vocabulary
        for word in words:
            mates.update(self.partners.get(word, ()))
            ids = self.single.get(word, ())
            singles.update(ids)
            if word not in vocabulary:
                others.update(ids)
        weight = self._index.weights.weight(token)
        found = (words, frozenset(mates), tuple(singles), tuple(others), weight)
        if len(self.records) >= _CACHE_LIMIT:
            self.records.clear()
        self.records[token] = found
        return found


def _by_skeleton(tokens: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The tokens by consonant skeleton (``romanize.skeleton``), those without one left out."""
    out: dict[str, list[str]] = defaultdict(list)
    for token in tokens:
        bones = skeleton(token)
        if bones:
            out[bones].append(token)
    return {bones: tuple(words) for bones, words in out.items()}


def build_steps(entities: int) -> int:
    """The total of the progress an index build over ``entities`` reports: a third for
    reading the names, a third for the word tables, a third for the prefix keys."""
    return max(1, 3 * entities)


def _step(progress: Progress, done: int, total: int) -> None:
    check_cancelled(progress)
    progress.report(min(done, total), total, BUILD_LABEL)


def _partners(pairs: Mapping[str, Sequence[int]], separator: str) -> dict[str, frozenset[str]]:
    """Word -> the words it forms a pair key with."""
    out: dict[str, set[str]] = defaultdict(set)
    for key in pairs:
        a, b = key.split(separator) if separator else (key[0], key[1])
        out[a].add(b)
        out[b].add(a)
    return {word: frozenset(others) for word, others in out.items()}


def _cjk_prefix(core: str, need: float, char_df: dict[str, int]) -> tuple[set[str], set[str]]:
    """(single keys, pair keys) of a CJK core that must share ``need`` of its characters.

    A supplier text scoring high enough shares at least ``t = ceil(need * n)`` characters
    (as a common subsequence) with the ``n`` of the core: with ``t >= 2`` at least two of
    its ``n - t + 2`` rarest characters, as a pair of characters ("ab", a <= b; "aa" for a
    character twice); else one of its ``n - t + 1`` rarest.
    """
    size = len(core)
    shared = math.ceil(need * size - _EPSILON)
    rarest = sorted(core, key=lambda c: (char_df[c], c))
    if shared < 2:
        return set(rarest[: size - shared + 1]), set()
    chosen = sorted(rarest[: size - shared + 2])
    return set(), {a + b for k, a in enumerate(chosen) for b in chosen[k + 1 :]}


def _latin_prefix(
    tokens: tuple[str, ...], weights: tuple[float, ...], required: float, rank: dict[str, int]
) -> tuple[list[str], list[str]]:
    """(single keys, pair keys) under which a name is found when the words of it that are
    reached must weigh ``required``. Pair keys are "a\\x00b" with a < b.

    Words are taken rarest first. When one word can be enough, the single keys are the
    rarest words whose weights add up to more than the name may leave unreached; the pair
    keys are all pairs of its words (for a supplier text that needs two of its own words
    matched). When no single word is enough, the pair keys are the pairs among the fewest
    rarest words such that one of them plus all the others is still too little. Joined
    neighbour pairs ("l3harris") are single keys either way.
    """
    weight_of: dict[str, float] = defaultdict(float)
    for token, weight in zip(tokens, weights, strict=True):
        weight_of[token] += weight
    order = sorted(weight_of, key=lambda t: rank.get(t, -1))
    total = sum(weight_of.values())
    single = [a + b for a, b in pairwise(tokens)]
    if max(weight_of.values()) < required - _EPSILON and len(order) > 1:
        # A word the name cannot do without is in every pair ("Brand Global Pacific": brand
        # with global or pacific, never global with pacific).
        needed = [t for t in order if total - weight_of[t] < required - _EPSILON]
        if needed:
            anchor = needed[0]
            return single, _pairs_with(anchor, _rarest(order, anchor, required, weight_of))
        rest, heaviest = total, 0.0
        for n, token in enumerate(order):
            rest -= weight_of[token]
            heaviest = max(heaviest, weight_of[token])
            if heaviest + rest < required - _EPSILON:
                return single, _pairs_of(order[: n + 1])
    covered = 0.0
    prefix: list[str] = []
    for token in order:
        prefix.append(token)
        covered += weight_of[token]
        if covered > total - required + _EPSILON:
            break
    single.extend(prefix)
    # For a supplier text that needs two of its words matched: a prefix word and another.
    pairs = {key for word in prefix for key in _pairs_with(word, order)}
    return single, sorted(pairs)


def _rarest(
    order: list[str], anchor: str, required: float, weight_of: dict[str, float]
) -> list[str]:
    """The rarest words besides ``anchor`` of which a match must hold one."""
    rest = sum(weight_of[t] for t in order if t != anchor)
    short = required - weight_of[anchor] - _EPSILON
    chosen = []
    for token in order:
        if token == anchor:
            continue
        chosen.append(token)
        rest -= weight_of[token]
        if rest < short:
            break
    return chosen


def _pairs_with(word: str, others: Sequence[str]) -> list[str]:
    return [word + "\x00" + o if word < o else o + "\x00" + word for o in others if o != word]


def _pairs_of(words: Sequence[str]) -> list[str]:
    ordered = sorted(words)
    return [a + "\x00" + b for k, a in enumerate(ordered) for b in ordered[k + 1 :]]
