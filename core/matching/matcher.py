"""Match supplier names against every name and alias of the listed entities.

Public API: ``EntityMatcher(entities).match(name, country) -> list[NameMatch]``.

Steps per supplier cell: split a cell holding both a Latin and a Chinese name into its parts;
normalize each part (cached); fetch candidates from the index; score them (``score.py``); add
the corroboration (same legal forms: +0.5, a tie-breaker; country agrees: +1, differs: -2,
never hiding a hit nor pushing a strong hit below the strong band); keep the best name per
entity; drop a hit that only rests on supplier words which another, better hit explains as
well ("China Telecom Corp Ltd" is China Telecom Corporation Limited, not also China Telecom
Group whose alias is "China Telecom"); return hits at or above the threshold, best first.

Bands: ``strong`` from ``STRONG_THRESHOLD``, ``possible`` below it, and ``weak`` for Chinese
matches capped at ``weak.WEAK_CAP`` whatever their characters (a short listed name inside a
longer name; a generic Chinese rendering of a foreign name against a company in China; see
``core/matching/weak.py``), shown only when the threshold is lowered to the cap.

Thresholds (see ``bench/eval_matching.py`` and ``bench/matching_baseline.json``): the default
is the middle of the widest threshold range at which the labelled dev set keeps recall and
precision both at their maximum; "strong" starts where a lone extra generic word or a single
typo no longer reaches; a typo in a name of one or two words never reaches it
(``SHORT_NAME_TYPO_CAP``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from core.collector import collector_paused
from core.lists.model import Entity
from core.matching.countries import normalize_country
from core.matching.explain import Candidate, describe
from core.matching.index import IndexedName, NameIndex
from core.matching.name_words import numbers_differ, numbers_in_core
from core.matching.normalize import (
    NormalizedName,
    has_cjk,
    normalize,
    quick_latin_tokens,
    quick_latin_tokens_many,
    supplier_parts,
)
from core.matching.reasons import Reason, ReasonKind
from core.matching.score import (
    LEGAL_FORM_AGREEMENT_BONUS,
    LISTED_MISSING_EXPONENT,
    SupplierProbe,
    TokenPair,
    cjk_matched_positions,
    cjk_score,
    latin_score,
    latin_score_upper_bound,
    legal_forms_agree,
)
from core.matching.weak import (
    SHORT_CJK_NAME,
    WEAK_CAP,
    generic_rendering,
    in_greater_china,
    short_name_inside,
)
from core.progress import Progress

MATCHER_VERSION = 2
"""Bumped whenever the same names and lists can score differently (written in the --json)."""
DEFAULT_THRESHOLD: float = 88.0
MIN_THRESHOLD: float = 0.0
MAX_THRESHOLD: float = 100.0
"""The thresholds a user may choose (scores run from 0 to 100): the command line, a screening
request, the options panel and the settings dialog all accept exactly this range."""
STRONG_THRESHOLD: float = 95.0
COUNTRY_AGREES_BONUS = 1.0
SHORT_NAME_TYPO_CAP = STRONG_THRESHOLD - COUNTRY_AGREES_BONUS - 0.1
"""A name of one or two words matched through a typo is a hit to review, never strong, even
with the country agreeing ("Gasprom Neft" / "Gazprom Neft")."""
SHORT_NAME_WORDS = 2
NUMBERS_DIFFER_CAP = 80.0
"""Where each name holds a number the other lacks ("Fund V" / "Fund VI", "Plant 155" / "Plant
175"), the names are two entities as a rule: the score stays below the default threshold,
whatever else agrees, and the reason says so when a lower threshold shows the hit."""
COUNTRY_DIFFERS_PENALTY = 2.0
CJK_COUNTRY_PREFIX_PENALTY = 3.0
CJK_SCRIPT = "cjk"
_CACHE_LIMIT = 200_000
_NO_CANDIDATES: list[Candidate] = []  # shared, never changed


def threshold_in_range(value: float) -> bool:
    """Whether ``value`` is a threshold a user may choose (``MIN_THRESHOLD`` to
    ``MAX_THRESHOLD``, both included)."""
    return MIN_THRESHOLD <= value <= MAX_THRESHOLD


@dataclass(frozen=True, slots=True)
class NameMatch:
    entity_id: str
    supplier_text: str
    matched_name: str
    score: float
    band: str
    reasons: tuple[Reason, ...]
    matched_tokens: tuple[str, ...]


class EntityMatcher:
    """Matches supplier names against a fixed set of entities; build once, match many."""

    def __init__(self, entities: Sequence[Entity], progress: Progress | None = None) -> None:
        """Index ``entities`` (``progress``: see ``NameIndex``; cancel raises ``Cancelled``)."""
        # The index is a few hundred thousand small objects and no reference cycles: the
        # cyclic garbage collector, which would scan them again and again while they are
        # made, is paused meanwhile.
        with collector_paused():
            index = NameIndex(entities, progress)
            cutoff = DEFAULT_THRESHOLD - COUNTRY_AGREES_BONUS - LEGAL_FORM_AGREEMENT_BONUS
            index.level(cutoff, progress)
        self._init(index)

    @classmethod
    def from_state(cls, state: object, entities: Sequence[Entity] | None = None) -> EntityMatcher:
        """The matcher of an index saved with ``state`` (unpickled), over the same entities
        (checked when given; matching itself needs only what the index keeps of them)."""
        if not isinstance(state, NameIndex):
            raise TypeError(f"not a name index: {type(state).__name__}")
        if entities is not None:
            state.attach(entities)
        matcher = cls.__new__(cls)
        matcher._init(state)
        return matcher

    def state(self) -> NameIndex:
        """What to pickle to keep the index (the entities and the caches are left out)."""
        return self._index

    def _init(self, index: NameIndex) -> None:
        self._index = index
        self._entity_ids = index.entity_ids
        self._entity_countries = index.entity_countries
        self._cache: dict[tuple[str, float], list[Candidate]] = {}

    @property
    def index(self) -> NameIndex:
        return self._index

    def match(
        self, supplier_name: str, country: str | None = None, *, threshold: float | None = None
    ) -> list[NameMatch]:
        """Best match per entity at or above the threshold, highest score first."""
        limit = DEFAULT_THRESHOLD if threshold is None else float(threshold)
        cutoff = limit - COUNTRY_AGREES_BONUS
        key = (supplier_name, cutoff)
        candidates = self._cache.get(key)
        if candidates is None:
            candidates = self._candidates(supplier_name, cutoff)
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = candidates
        if not candidates:
            return []
        supplier_country = normalize_country(country)
        scored = []
        for cand in candidates:
            country = self._entity_countries[cand.name.entity_index]
            final = self._corroborate(cand.raw, supplier_country, country, limit)
            if (
                cand.score < 100.0
                and not cand.country_prefix
                and cand.name.script == CJK_SCRIPT
                and generic_rendering(cand.name.compact, country)
            ):
                # Other characters than a foreign company's Chinese rendering in generic
                # words: a company in China with those words is weak at most (the rendering
                # itself, written as listed, is the company); without a country, it is said.
                if in_greater_china(supplier_country):
                    final = min(final, WEAK_CAP)
                    cand = replace(cand, weak="generic_rendering")
                elif not supplier_country:
                    cand = replace(cand, weak="generic_rendering_no_country")
            if final >= limit:
                scored.append((final, cand))
        best: dict[int, tuple[float, Candidate]] = {}
        for final, cand in _without_dominated(scored):  # already best first
            best.setdefault(cand.name.entity_index, (final, cand))
        return [
            self._to_match(final, cand, supplier_country, supplier_name)
            for final, cand in best.values()
        ]

    def prepare(self, supplier_names: Iterable[str], *, threshold: float | None = None) -> set[str]:
        """Work out the candidates of many supplier names at once, for ``match`` to reuse;
        the names that may match at ``threshold``. ``match`` of any other of them returns
        nothing, whatever the country.

        The texts are tokenized together; each new word is looked up once.
        """
        limit = DEFAULT_THRESHOLD if threshold is None else float(threshold)
        cutoff = limit - COUNTRY_AGREES_BONUS
        cache = self._cache
        names = list(dict.fromkeys(supplier_names))
        todo = [name for name in names if (name, cutoff) not in cache]
        if len(cache) + len(todo) > _CACHE_LIMIT:
            cache.clear()
        hopeful = {name for name in names if cache.get((name, cutoff))}
        for name, tokens in zip(todo, quick_latin_tokens_many(todo), strict=True):
            if tokens is None or ")" in name:  # a bracketed acronym may be a part of its own
                found = self._candidates(name, cutoff)
            elif tokens:
                found = self._best_per_entity(self._latin(name, cutoff, tokens))
            else:
                found = _NO_CANDIDATES
            if found:
                cache[(name, cutoff)] = found
                hopeful.add(name)
            else:
                cache[(name, cutoff)] = _NO_CANDIDATES
        return hopeful

    # -- scoring ----------------------------------------------------------------------------

    def _candidates(self, cell: str, cutoff: float) -> list[Candidate]:
        """The best candidate per entity and supplier part (cell, Latin part, CJK part)."""
        best: dict[tuple[int, str], Candidate] = {}
        for part in supplier_parts(cell):
            found = self._cjk(part, cutoff) if has_cjk(part) else self._latin(part, cutoff)
            for cand in found:
                key = (cand.name.entity_index, part)
                if key not in best or _preference(cand) > _preference(best[key]):
                    best[key] = cand
        return list(best.values())

    @staticmethod
    def _best_per_entity(found: list[Candidate]) -> list[Candidate]:
        """``_candidates`` of a text that is a single Latin part, from the part's ones."""
        if len(found) < 2:
            return found
        best: dict[int, Candidate] = {}
        for cand in found:
            key = cand.name.entity_index
            if key not in best or _preference(cand) > _preference(best[key]):
                best[key] = cand
        return list(best.values())

    def _latin(self, part: str, cutoff: float, quick: list[str] | None = None) -> list[Candidate]:
        """Candidates of a Latin text; ``quick``: its tokens, if known already."""
        index = self._index
        bonus = LEGAL_FORM_AGREEMENT_BONUS
        # Plain ASCII text (most of it) gets its tokens without the full normalized structure,
        # which is only built for the few names with a candidate left after the bounds.
        if quick is None:
            quick = quick_latin_tokens(part)
        supplier = normalize(part) if quick is None else None
        tokens = quick if supplier is None else list(supplier.tokens)
        if not tokens:
            return []
        candidates, weights = index.latin_candidates(tokens, cutoff - bonus)
        if not candidates:
            return []
        # Names with the same tokens (a name and its alias, namesakes) score the same.
        groups: dict[tuple[str, ...], list[IndexedName]] = {}
        for nid in sorted(candidates):
            name = index.names[nid]
            groups.setdefault(name.tokens, []).append(name)
        compact = "".join(tokens)
        probe: SupplierProbe | None = None
        floor = ((cutoff - bonus) / 100.0) ** (1.0 / LISTED_MISSING_EXPONENT)
        survivors: list[list[IndexedName]] = []
        for group in groups.values():
            name = group[0]
            if compact != name.compact:
                if probe is None:
                    probe = SupplierProbe.build(tokens, weights, index.similar_tokens)
                reach = probe.reach
                if name.pairs.isdisjoint(probe.token_set):
                    # Quick bound from the listed side alone (set operations, no joins).
                    weight_of = name.weight_of
                    found = sum(weight_of[t] * reach[t] for t in name.token_set & reach.keys())
                    if found < floor * name.total_weight:
                        continue
                bound = latin_score_upper_bound(
                    probe, name.tokens, name.weights, name.token_set, name.pairs
                )
                if bound + bonus < cutoff:
                    continue
            survivors.append(group)
        if not survivors:
            return []
        if supplier is None:
            supplier = normalize(part)
        is_generic = index.weights.is_generic
        with_numbers = any(t.isdigit() for t in supplier.tokens)  # rare: checked once
        out = []
        pairs: tuple[TokenPair, ...]
        for group in survivors:
            listed = group[0].tokens
            if compact == group[0].compact and supplier.tokens != listed:
                score, pairs = 100.0, ()  # same letters, only the spacing differs
            else:
                result = latin_score(supplier.tokens, weights, listed, group[0].weights, is_generic)
                score, pairs = result.score, result.pairs
            if score + bonus < cutoff:
                continue
            matched = frozenset(i for p in pairs for i in p.supplier) if pairs else None
            cap = 100.0 + bonus
            if len(listed) <= SHORT_NAME_WORDS and any(p.kind == "typo" for p in pairs):
                cap = SHORT_NAME_TYPO_CAP
            if with_numbers and numbers_differ(supplier.tokens, listed):
                cap = NUMBERS_DIFFER_CAP
            for name in group:
                raw = min(cap, score + self._legal_bonus(supplier, name))
                if raw >= cutoff:
                    out.append(Candidate(supplier, name, raw, score, pairs, matched, ""))
        return out

    def _cjk(self, part: str, cutoff: float) -> list[Candidate]:
        index = self._index
        supplier = normalize(part)
        if not supplier.tokens:
            return []
        core = supplier.compact
        variants = [(core, 0.0)]
        if supplier.country_prefix:
            variants.append((core[len(supplier.country_prefix) :], CJK_COUNTRY_PREFIX_PENALTY))
        out = []
        found = index.cjk_candidates(core, cutoff - LEGAL_FORM_AGREEMENT_BONUS)
        # Without a number of its own the supplier's name holds none the listed one lacks.
        core_numbers = {variant: numbers_in_core(variant) for variant, _ in variants}
        for nid in found | set(index.cjk_exact(variants[-1][0])):
            name = index.names[nid]
            listed = name.compact
            options = [(cjk_score(core, listed), core, "")]
            if name.norm.country_prefix or supplier.country_prefix:
                for s_core, s_pen in variants:
                    for l_core, l_pen in _cjk_variants(name.norm):
                        if (s_pen or l_pen) and s_core == l_core:
                            prefix = supplier.country_prefix if s_pen else name.norm.country_prefix
                            options.append((100.0 - CJK_COUNTRY_PREFIX_PENALTY, s_core, prefix))
            score, used, prefix = max(options, key=lambda o: o[0])
            weak = ""
            short = len(listed) <= SHORT_CJK_NAME and not prefix
            if short and short_name_inside(listed, core):
                score, weak = min(score, WEAK_CAP), "short_name"
            raw = score + self._legal_bonus(supplier, name)
            ours = core_numbers[used] if used in core_numbers else numbers_in_core(used)
            if ours and numbers_differ(ours, numbers_in_core(listed)):
                raw = min(raw, NUMBERS_DIFFER_CAP)  # 第14研究所 / 第41研究所
            if raw >= cutoff:
                offset = len(core) - len(used)
                owner = [i for i, t in enumerate(supplier.tokens) for _ in t]  # char -> token
                matched_chars = cjk_matched_positions(used, listed if used == core else used)
                positions = frozenset(owner[offset + p] for p in matched_chars)
                out.append(Candidate(supplier, name, raw, score, (), positions, prefix, weak))
        return out

    @staticmethod
    def _legal_bonus(supplier: NormalizedName, name: IndexedName) -> float:
        # Chinese legal forms differ more often than not between a file and a list (有限公司,
        # 股份有限公司) and never cost a Chinese name its bonus; between equal scores they only
        # break the tie (``_without_dominated``).
        if supplier.script == CJK_SCRIPT:
            return LEGAL_FORM_AGREEMENT_BONUS
        agree = legal_forms_agree(supplier.legal_classes, name.norm.legal_classes)
        return LEGAL_FORM_AGREEMENT_BONUS if agree else 0.0

    @staticmethod
    def _corroborate(raw: float, supplier_country: str, entity_country: str, limit: float) -> float:
        """Country nudges the score; disagreement never hides a hit (it stays at the threshold)
        nor demotes a strong one (it stays strong)."""
        if not supplier_country or not entity_country:
            return raw
        if supplier_country == entity_country:
            return raw + COUNTRY_AGREES_BONUS
        lowered = raw - COUNTRY_DIFFERS_PENALTY
        if raw >= limit:
            floor = max(STRONG_THRESHOLD, limit) if raw >= STRONG_THRESHOLD else limit
            lowered = max(lowered, min(raw, floor))
        return lowered

    def _to_match(
        self, final: float, cand: Candidate, supplier_country: str, cell: str
    ) -> NameMatch:
        entity = cand.name.entity_index
        score = round(min(100.0, max(0.0, final)), 1)
        reasons, tokens = describe(cand, supplier_country, self._entity_countries[entity])
        extra: list[Reason] = []
        if cand.supplier.source != cell:
            extra.append(Reason(ReasonKind.CELL_PART, (cand.supplier.source,)))
        if cand.weak == "generic_rendering":
            extra.append(Reason(ReasonKind.GENERIC_RENDERING, (supplier_country,)))
        elif cand.weak == "generic_rendering_no_country":
            extra.append(Reason(ReasonKind.GENERIC_RENDERING_NO_COUNTRY))
        weak = cand.weak in ("short_name", "generic_rendering")
        return NameMatch(
            entity_id=self._entity_ids[entity],
            supplier_text=cand.supplier.source,
            matched_name=cand.name.derived_from or cand.name.printed,
            score=score,
            band="weak" if weak else "strong" if score >= STRONG_THRESHOLD else "possible",
            reasons=(*extra, *reasons),
            matched_tokens=tokens,
        )


def _preference(cand: Candidate) -> tuple[float, bool, int]:
    """Between names of one entity: the higher score, then the name written in the same
    word order as the supplier's, then the name listed first."""
    return (cand.raw, cand.name.tokens == cand.supplier.tokens, -cand.name.name_id)


def _cjk_variants(norm: NormalizedName) -> list[tuple[str, float]]:
    out = [(norm.compact, 0.0)]
    if norm.country_prefix:
        out.append((norm.compact[len(norm.country_prefix) :], CJK_COUNTRY_PREFIX_PENALTY))
    return out


def _cjk_forms_agree(cand: Candidate) -> bool:
    """A Chinese candidate whose legal forms are the supplier's: between 中芯国际 (an alias)
    and 中芯国际控股有限公司 (another entity's name), the cell "中芯国际" is the first."""
    if cand.supplier.script != CJK_SCRIPT:
        return False
    return legal_forms_agree(cand.supplier.legal_classes, cand.name.norm.legal_classes)


def _misspelt(cand: Candidate) -> bool:
    return any(p.kind == "typo" for p in cand.pairs)


def _without_dominated(scored: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
    """Best first; drop a hit whose matched supplier words are all matched, with a higher
    score, by a hit already kept for the same supplier text (parent vs. subsidiary, an alias
    shared by two entities). A hit through a misspelt word never hides one whose words are
    spelt as listed ("Fengbao Machinery": the listed Fengbao stays beside Fengbo Machinery)."""
    ordered = sorted(
        scored, key=lambda sc: (-sc[0], not _cjk_forms_agree(sc[1]), sc[1].name.entity_index)
    )
    kept: list[tuple[float, Candidate]] = []
    for final, cand in ordered:
        dominated = any(
            (
                other_final > final + 1e-9
                or (
                    other_final > final - 1e-9
                    and _cjk_forms_agree(other)
                    and not _cjk_forms_agree(cand)
                )
            )
            and other.supplier.source == cand.supplier.source
            and cand.covers() <= other.covers()
            and (_misspelt(cand) or not _misspelt(other))
            for other_final, other in kept
        )
        if not dominated:
            kept.append((final, cand))
    return kept
