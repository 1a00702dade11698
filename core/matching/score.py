"""Small pure comparison functions: token alignment, weighted name scores, CJK scores.

Latin names are compared as weighted bags of tokens. Every token has a weight (see
``weights.TokenWeights``): distinctive words 1 (down to 0.5 for words in many listed names),
country names 0.5, descriptor words (technology, robotics ...) 0.25 and structure words
(group, holdings ...) 0.15. The two names are aligned token by token (exact, joined/split
words, typos, abbreviated generic words) and the score is

    100 * coverage_listed * sqrt(coverage_supplier)

where ``coverage_listed`` is the share of the listed name's weight that the supplier text
matched and ``coverage_supplier`` the share of the supplier text's weight that the listed name
explains. A listed name must be found nearly whole (linear), while a supplier text may add a
generic descriptor at a small cost (square root): "Unitree Robotics" ~ "Unitree" scores 89,
but an extra *distinctive* word costs as much as a name word, so "Rapid Flight Simulators" ~
"Rapid Flight" scores 82 and "Lockheed Martin Ventures" ~ "Lockheed Martin" 78 (each word of
that name weighs 0.77 over the bundled lists).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from rapidfuzz.distance import OSA, Indel

from core.matching.common_words import real_word_swap
from core.matching.romanize import romanization_similarity, skeleton_similarity

PairKind = Literal["exact", "joined", "typo", "abbreviation", "romanized"]
SUPPLIER_EXTRA_EXPONENT = 0.5
LISTED_MISSING_EXPONENT = 1.0
TYPO_COST = 0.8  # similarity lost per edit, relative to word length
# One edit in a word of five or more letters is at least this similar: a one-word name with
# one typo ("Gasprom" / "Gazprom", "Sencora" / "Cencora") lands in the review band (above the
# default threshold 88, below the strong band 95) whatever the word's length.
ONE_EDIT_SIMILARITY = 0.89
ABBREVIATION_SIMILARITY = 0.9
LEGAL_FORM_AGREEMENT_BONUS = 0.5
ANCHOR_WEIGHT = 0.5  # a word at least this distinctive, matched exactly, anchors typos


@dataclass(frozen=True, slots=True)
class TokenPair:
    """Supplier tokens aligned with listed-name tokens (one of each, or two joined to one)."""

    supplier: tuple[int, ...]
    listed: tuple[int, ...]
    similarity: float
    kind: PairKind


@dataclass(frozen=True, slots=True)
class LatinScore:
    score: float
    pairs: tuple[TokenPair, ...]
    coverage_listed: float
    coverage_supplier: float


def typo_similarity(a: str, b: str) -> float:
    """Similarity of two different words that look like one misspelt as the other, else 0.

    Only letters-only words of 5+ characters qualify (a letter more or less in a word of
    three or four letters, CVS / CVC, is another name). One edit (insert, delete, substitute,
    swap neighbours) is allowed up to 8 letters, two beyond when the first letters agree; an
    edit of the first letter ("Sencora" / "Cencora") is one edit. One edit is at least
    ``ONE_EDIT_SIMILARITY`` similar. Numbers never count as typos ("14th" is not "15th").
    """
    if a == b:
        return 1.0
    longest = max(len(a), len(b))
    if min(len(a), len(b)) < 5 or not (a.isalpha() and b.isalpha()):
        return 0.0
    allowed = 1 if longest <= 8 or a[0] != b[0] else 2
    if abs(len(a) - len(b)) > allowed:
        return 0.0
    distance = OSA.distance(a, b, score_cutoff=allowed)
    if distance > allowed:
        return 0.0
    similarity = 1.0 - TYPO_COST * distance / longest
    return max(similarity, ONE_EDIT_SIMILARITY) if distance == 1 else similarity


def align(
    supplier: Sequence[str],
    listed: Sequence[str],
    is_generic: Callable[[str], bool],
) -> list[TokenPair]:
    """Pair supplier tokens with listed tokens: exact first, then joined/split words, then
    typos and abbreviations of generic words ("telecom" ~ "telecommunication")."""
    pairs: list[TokenPair] = []
    free_s = set(range(len(supplier)))
    free_l = set(range(len(listed)))
    for j, token in enumerate(listed):
        for i in sorted(free_s):
            if supplier[i] == token:
                pairs.append(TokenPair((i,), (j,), 1.0, "exact"))
                free_s.discard(i)
                free_l.discard(j)
                break
    if free_s and free_l:
        _align_joined(supplier, listed, free_s, free_l, pairs, swap=False)
        _align_joined(listed, supplier, free_l, free_s, pairs, swap=True)
    if free_s and free_l:
        options = []
        for i in free_s:
            for j in free_l:
                a, b = supplier[i], listed[j]
                sim = typo_similarity(a, b)
                kind: PairKind = "typo"
                romanized = romanization_similarity(a, b) or skeleton_similarity(a, b)
                if romanized > sim:  # Lukoyl / Lukoil: two romanizations, not a typo
                    sim, kind = romanized, "romanized"
                if not sim and _abbreviates(a, b, is_generic):
                    sim, kind = ABBREVIATION_SIMILARITY, "abbreviation"
                if sim:
                    options.append((sim, i, j, kind))
        for sim, i, j, kind in sorted(options, reverse=True):
            if i in free_s and j in free_l:
                pairs.append(TokenPair((i,), (j,), sim, kind))
                free_s.discard(i)
                free_l.discard(j)
    return pairs


def _abbreviates(a: str, b: str, is_generic: Callable[[str], bool]) -> bool:
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 4 and long.startswith(short) and is_generic(long)


def _align_joined(
    split: Sequence[str],
    whole: Sequence[str],
    free_split: set[int],
    free_whole: set[int],
    pairs: list[TokenPair],
    *,
    swap: bool,
) -> None:
    """Two neighbouring words on one side written as one word on the other (HavocAI)."""
    for i in range(len(split) - 1):
        if i not in free_split or i + 1 not in free_split:
            continue
        joined = split[i] + split[i + 1]
        for j in sorted(free_whole):
            if whole[j] == joined:
                parts, one = (i, i + 1), (j,)
                supplier_side, listed_side = (one, parts) if swap else (parts, one)
                pairs.append(TokenPair(supplier_side, listed_side, 1.0, "joined"))
                free_split.difference_update(parts)
                free_whole.discard(j)
                break


def latin_score(
    supplier: Sequence[str],
    supplier_weights: Sequence[float],
    listed: Sequence[str],
    listed_weights: Sequence[float],
    is_generic: Callable[[str], bool],
) -> LatinScore:
    """Weighted agreement of two token lists, 0-100 (formula in the module docstring)."""
    pairs = align(supplier, listed, is_generic)
    total_s = sum(supplier_weights)
    total_l = sum(listed_weights)
    if total_s <= 0 or total_l <= 0:
        exact = list(supplier) == list(listed)
        return LatinScore(100.0 if exact else 0.0, tuple(pairs), float(exact), float(exact))
    # A misspelt word is good evidence when other distinctive words agree exactly: then it
    # explains the supplier's word fully and only the listed side pays for the typo. So does
    # one edit in a distinctive word (Gasprom / Gazprom): a one-word name with one typo is a
    # hit to review. A name resting on words two edits apart alone is a look-alike more often
    # than a typo: then both sides pay. Two different common English words (Summit / Submit,
    # Sun Power / Sun Tower) are two names, not one misspelt, wherever they stand.
    pairs = [p for p in pairs if not _real_word_swap(p, supplier, listed)]
    anchored = any(
        p.similarity == 1.0 and any(listed_weights[j] >= ANCHOR_WEIGHT for j in p.listed)
        for p in pairs
    )
    matched_s = sum(
        (1.0 if anchored or _one_edit(p, listed_weights) else p.similarity)
        * sum(supplier_weights[i] for i in p.supplier)
        for p in pairs
    )
    matched_l = sum(p.similarity * sum(listed_weights[j] for j in p.listed) for p in pairs)
    cov_l = min(1.0, matched_l / total_l)
    cov_s = min(1.0, matched_s / total_s)
    score = 100.0 * cov_l**LISTED_MISSING_EXPONENT * cov_s**SUPPLIER_EXTRA_EXPONENT
    return LatinScore(score, tuple(pairs), cov_l, cov_s)


def _one_edit(pair: TokenPair, listed_weights: Sequence[float]) -> bool:
    """A typo of one edit in a distinctive listed word."""
    return (
        pair.kind == "typo"
        and pair.similarity >= ONE_EDIT_SIMILARITY
        and all(listed_weights[j] >= ANCHOR_WEIGHT for j in pair.listed)
    )


def _real_word_swap(pair: TokenPair, supplier: Sequence[str], listed: Sequence[str]) -> bool:
    if pair.kind != "typo":
        return False
    return real_word_swap(supplier[pair.supplier[0]], listed[pair.listed[0]])


@dataclass(frozen=True, slots=True)
class SupplierProbe:
    """A supplier text's tokens prepared for bounding scores against many listed names.

    ``similar[i]``: the listed words token ``i`` may pair with and how well (itself 1.0,
    typo neighbours, abbreviations); ``reach``: the best similarity per listed word over all
    tokens, with neighbouring tokens joined ("havoc" + "ai") at 1.0.
    """

    tokens: tuple[str, ...]
    weights: tuple[float, ...]
    token_set: frozenset[str]
    similar: tuple[Mapping[str, float], ...]
    reach: Mapping[str, float]

    @classmethod
    def build(
        cls,
        tokens: Sequence[str],
        weights: Sequence[float],
        similar: Callable[[str], Mapping[str, float]],
    ) -> SupplierProbe:
        sims = tuple(similar(t) for t in tokens)
        reach: dict[str, float] = {}
        for table in sims:
            for word, sim in table.items():
                if sim > reach.get(word, 0.0):
                    reach[word] = sim
        for a, b in pairwise(tokens):
            reach[a + b] = 1.0
        return cls(tuple(tokens), tuple(weights), frozenset(tokens), sims, reach)


def latin_score_upper_bound(
    probe: SupplierProbe,
    listed: Sequence[str],
    listed_weights: Sequence[float],
    listed_set: frozenset[str],
    listed_pairs: frozenset[str],
) -> float:
    """``latin_score`` with every word that *could* pair (equal, similar, joined) counted as
    paired at its best similarity and the supplier's side at full weight: an upper bound, and
    usually close to the score."""
    supplier, supplier_set, reach = probe.tokens, probe.token_set, probe.reach
    matched_l = 0.0
    for j, (token, weight) in enumerate(zip(listed, listed_weights, strict=True)):
        if (j + 1 < len(listed) and token + listed[j + 1] in supplier_set) or (
            j > 0 and listed[j - 1] + token in supplier_set
        ):
            matched_l += weight
        else:
            matched_l += weight * reach.get(token, 0.0)
    if not matched_l:
        return 0.0
    matched_s = 0.0
    for i, (token, weight) in enumerate(zip(supplier, probe.weights, strict=True)):
        if (
            not listed_set.isdisjoint(probe.similar[i])
            or token in listed_pairs
            or (i + 1 < len(supplier) and token + supplier[i + 1] in listed_set)
            or (i > 0 and supplier[i - 1] + token in listed_set)
        ):
            matched_s += weight
    total_l, total_s = sum(listed_weights), sum(probe.weights)
    if total_l <= 0 or total_s <= 0:
        return 100.0
    cov_l = min(1.0, matched_l / total_l)
    cov_s = min(1.0, matched_s / total_s)
    return float(100.0 * cov_l**LISTED_MISSING_EXPONENT * cov_s**SUPPLIER_EXTRA_EXPONENT)


def cjk_score(supplier_core: str, listed_core: str) -> float:
    """Similarity of two CJK cores (legal forms, spaces and middle dots already gone), 0-100.

    The Latin formula with characters for tokens: the longest common subsequence covers
    ``coverage_listed`` of the listed core and ``coverage_supplier`` of the supplier's. Every
    character of a Chinese name carries meaning, so a listed name missing two characters
    (洛克希德马丁 vs 洛克希德马丁航空) scores 75, and names that only share a word
    (青岛雷神科技 / 雷神导弹系统) score far lower; one wrong character in a 12-character
    name still scores 88.
    """
    if not supplier_core or not listed_core:
        return 0.0
    total = len(supplier_core) + len(listed_core)
    common = (total - Indel.distance(supplier_core, listed_core)) / 2
    cov_l = common / len(listed_core)
    cov_s = common / len(supplier_core)
    return float(100.0 * cov_l * cov_s**SUPPLIER_EXTRA_EXPONENT)


def cjk_matched_positions(supplier_core: str, listed_core: str) -> list[int]:
    """Indices of the supplier core's characters that are part of the common subsequence."""
    positions: list[int] = []
    for op in Indel.opcodes(supplier_core, listed_core):
        if op.tag == "equal":
            positions.extend(range(op.src_start, op.src_end))
    return positions


def legal_forms_agree(supplier: frozenset[str], listed: frozenset[str]) -> bool:
    """Both texts carry the same legal forms (or both none): a tie-breaker between a parent
    and a subsidiary whose names only differ by a legal form or an alias."""
    return supplier == listed
