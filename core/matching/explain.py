"""Human-readable explanations of a scored candidate: reasons and the supplier's matched words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from core.matching.index import IndexedName
from core.matching.name_words import numbers_differ, numbers_in_core, numbers_of
from core.matching.normalize import NormalizedName, fold
from core.matching.reasons import Reason, ReasonKind
from core.matching.score import TokenPair
from core.matching.transliterate import Script, script_runs
from core.script_fold import folded_characters
from core.vocabulary import ABBREVIATIONS


@dataclass(frozen=True, slots=True)
class Candidate:
    """One supplier text scored against one listed name, before country corroboration.

    ``matched`` holds the supplier token indices that matched (None: all of them);
    ``country_prefix`` is the CJK country name ignored to make the match (美国); ``weak``
    why the candidate is weak whatever its characters ("short_name", "generic_rendering";
    "" when it is not).
    """

    supplier: NormalizedName
    name: IndexedName
    raw: float
    score: float
    pairs: tuple[TokenPair, ...]
    matched: frozenset[int] | None
    country_prefix: str
    weak: str = ""

    def covers(self) -> frozenset[int]:
        if self.matched is None:
            return frozenset(range(len(self.supplier.tokens)))
        return self.matched


def describe(
    cand: Candidate, supplier_country: str, entity_country: str
) -> tuple[tuple[Reason, ...], tuple[str, ...]]:
    """(reasons, matched supplier words as printed) for one candidate."""
    s, listed = cand.supplier, cand.name.norm
    reasons: list[Reason] = []
    if s.script == "cjk":
        reasons.append(Reason(ReasonKind.CHINESE_NAME))
        if cand.country_prefix:
            reasons.append(Reason(ReasonKind.COUNTRY_PREFIX_IGNORED, (cand.country_prefix,)))
        if cand.score < 100.0 and not cand.country_prefix and not cand.weak:
            reasons.append(Reason(ReasonKind.CHARACTERS_DIFFER))
        ours, theirs = numbers_in_core(s.compact), numbers_in_core(listed.compact)
        if numbers_differ(ours, theirs):
            differ = set(ours).symmetric_difference(theirs)
            pair = (
                ", ".join(n for n in ours if n in differ),
                ", ".join(n for n in theirs if n in differ),
            )
            reasons.append(Reason(ReasonKind.NUMBERS_DIFFER, pair))
        reasons.extend(_script_reasons(cand))
        if cand.weak == "short_name":
            reasons.append(Reason(ReasonKind.SHORT_NAME_INSIDE, (cand.name.printed,)))
    else:
        reasons.extend(_latin_reasons(cand))
    reasons.extend(_transliteration_reasons(s.source, cand.name.printed))
    reasons.extend(Reason(ReasonKind.LEGAL_FORM_IGNORED, (form,)) for form in s.legal_forms)
    if cand.name.derived_from and _same_letters(cand.name.printed, cand.name.derived_from):
        reasons.append(Reason(ReasonKind.SAME_NAME_SPACING, (cand.name.derived_from,)))
    elif cand.name.derived_from:
        reasons.append(Reason(ReasonKind.NAME_PART_OF, (cand.name.derived_from,)))
    elif cand.name.is_alias:
        printed = cand.name.printed
        short = len(listed.tokens) == 1 and printed.isupper() and len(printed) <= 6
        reasons.append(Reason(ReasonKind.ACRONYM_ALIAS if short else ReasonKind.ALIAS))
    if supplier_country and entity_country:
        if supplier_country == entity_country:
            reasons.append(Reason(ReasonKind.COUNTRY_AGREES, (entity_country,)))
        else:
            reasons.append(Reason(ReasonKind.COUNTRY_DIFFERS, (supplier_country, entity_country)))
    return tuple(reasons), _matched_words(cand)


def _script_reasons(cand: Candidate) -> list[Reason]:
    """ "Traditional form of 马丁: 馬丁" when folding the supplier's characters made the match,
    "Simplified form of ..." when the listed name is the one in Traditional characters."""
    supplier = "".join(_matched_words(cand))
    listed = cand.name.printed
    out = []
    own = [(a, b) for a, b in folded_characters(supplier) if a not in listed]
    if own:
        printed, plain = zip(*own, strict=True)
        out.append(Reason(ReasonKind.TRADITIONAL_FORM, ("".join(printed), "".join(plain))))
    theirs = [(a, b) for a, b in folded_characters(listed) if b in supplier and a not in supplier]
    if theirs:
        printed, plain = zip(*theirs, strict=True)
        out.append(Reason(ReasonKind.SIMPLIFIED_FORM, ("".join(plain), "".join(printed))))
    return out


_SCRIPT_KINDS: dict[Script, ReasonKind] = {
    "cyrillic": ReasonKind.WRITTEN_IN_CYRILLIC,
    "greek": ReasonKind.WRITTEN_IN_GREEK,
    "arabic": ReasonKind.WRITTEN_IN_ARABIC,
    "hangul": ReasonKind.WRITTEN_IN_HANGUL,
}


def _transliteration_reasons(supplier: str, listed: str) -> list[Reason]:
    """ "written in Cyrillic: Газпром reads Gazprom" for each run of words in a
    transliterated script on either side that the other side does not print as such (a
    Cyrillic name matched by a Cyrillic name needs no reading)."""
    out = []
    for text, other in ((supplier, listed), (listed, supplier)):
        for script, printed, latin in script_runs(text):
            if printed not in other:
                out.append(Reason(_SCRIPT_KINDS[script], (printed, latin)))
    return list(dict.fromkeys(out))


_PAIR_KINDS = {
    "joined": ReasonKind.SPACING,
    "typo": ReasonKind.TYPO,
    "romanized": ReasonKind.ROMANIZED,
}


def _latin_reasons(cand: Candidate) -> list[Reason]:
    """The reasons of a Latin candidate, naming words as the supplier and the list printed
    them ("Siemens", "Series"), never their normalized stems ("siemen", "sery")."""
    s, listed = cand.supplier, cand.name.norm
    if not cand.pairs:
        every_s, every_l = range(len(s.tokens)), range(len(listed.tokens))
        spaced = (" ".join(printed_words(s, every_s)), " ".join(printed_words(listed, every_l)))
        return [Reason(ReasonKind.SAME_LETTERS_SPACING, spaced)]
    exact: list[str] = []
    other = []
    for p in sorted(cand.pairs, key=lambda p: p.supplier):
        words = printed_words(s, p.supplier)
        if p.kind == "exact":
            exact.extend(w for w in words if w not in exact)
        else:
            left, right = " ".join(words), " ".join(printed_words(listed, p.listed))
            other.append(Reason(_PAIR_KINDS.get(p.kind, ReasonKind.ABBREVIATION), (left, right)))
    out = [Reason(ReasonKind.TOKENS_MATCHED, tuple(exact))] if exact else []
    out.extend(other)
    for i in sorted(cand.covers()):
        printed = fold(s.printed(i))[0].replace(".", "").replace("'", "")
        if printed in ABBREVIATIONS and ABBREVIATIONS[printed] == s.tokens[i]:
            # The expansion is the dictionary's word (what the abbreviation stands for).
            out.append(Reason(ReasonKind.ABBREVIATION_EXPANDED, (s.printed(i), s.tokens[i])))
        elif s.tokens[i].isdigit() and not printed[:1].isdigit():  # "Forty-Four", "VI"
            out.append(Reason(ReasonKind.NUMBER_READ, (s.printed(i), s.tokens[i])))
    matched_s = cand.covers()
    matched_l = {j for p in cand.pairs for j in p.listed}
    differ: set[str] = set()
    if numbers_differ(s.tokens, listed.tokens):
        ours, theirs = numbers_of(s.tokens), numbers_of(listed.tokens)
        differ = set(ours).symmetric_difference(theirs)
        printed_s = ", ".join(s.printed(i) for i, t in enumerate(s.tokens) if t in differ)
        printed_l = ", ".join(listed.printed(j) for j, t in enumerate(listed.tokens) if t in differ)
        out.append(Reason(ReasonKind.NUMBERS_DIFFER, (printed_s, printed_l)))
    # The words as printed: a stem ("siemen") or the mark of a word read from Arabic script
    # (core.matching.romanize.ABJAD_MARK) never reaches the reviewer.
    unmatched_s = (i for i, t in enumerate(s.tokens) if i not in matched_s and t not in differ)
    unmatched_l = (j for j, t in enumerate(listed.tokens) if j not in matched_l and t not in differ)
    extra = printed_words(s, unmatched_s)
    missing = printed_words(listed, unmatched_l)
    if extra:
        out.append(Reason(ReasonKind.EXTRA_WORDS, extra))
    if missing:
        out.append(Reason(ReasonKind.WORDS_NOT_FOUND, missing))
    return out


def printed_words(name: NormalizedName, indices: Iterable[int]) -> tuple[str, ...]:
    """The words of tokens ``indices`` of ``name`` as its source printed them, in order, each
    printed word once (tokens cut from one printed word share it)."""
    out: list[str] = []
    last: tuple[int, int] | None = None
    for i in indices:
        span = name.spans[i]
        if span != last:
            word = name.printed(i)
            if word not in out:
                out.append(word)
        last = span
    return tuple(out)


def _matched_words(cand: Candidate) -> tuple[str, ...]:
    """The supplier's own matched words (Latin) or runs of matched characters (CJK)."""
    s = cand.supplier
    indices = sorted(cand.covers())
    if s.script == "latin" or not all(len(t) == 1 for t in s.tokens):
        return tuple(dict.fromkeys(s.printed(i) for i in indices))
    runs: list[tuple[int, int]] = []
    for i in indices:
        start, end = s.spans[i]
        if runs and i - 1 in indices and _only_separators(s.source[runs[-1][1] : start]):
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return tuple(s.source[a:b] for a, b in runs)


def _only_separators(text: str) -> bool:
    return not any(c.isalnum() for c in text)


def _same_letters(a: str, b: str) -> bool:
    return a.replace(" ", "").casefold() == b.replace(" ", "").casefold()
