"""Words whose meaning depends on where they stand: numbers and name particles.

Numbers are compared as numbers: digits, ordinals ("44th"), number words ("Forty-Four",
"first") and Roman numerals all become the digits of their value, so "Fund VI" is "Fund 6"
and "First Solar" is "1st Solar". A Roman numeral is only read as one where it stands as a
numeral: after a name word, and either last ("Fund V", "Louis XIV") or of three letters or
more ("Henry VIII Trading"); "I", "V", "X" elsewhere are letters or initials, "XI" and "VI"
elsewhere may be Chinese syllables, and only numerals up to 39 written with I, V and X count
(so "DC", "MIX", "CIVIC", "CV" and "XL" stay words).

Name particles (van, der, de, la, al, bin ...) are part of a name when they stand before a
name word at its start ("De La Rue", "van der Bilt") or, for those that never mean "of"
(van, von, al, el, bin, ibn ...), anywhere ("Saudi Bin Laden Group"): then they are glued to
that word, so that every spacing of the name is one word ("van der Bilt", "Van Der Bilt",
"Vanderbilt" -> "vanderbilt"; "Al Rashid", "Al-Rashid", "Alrashid" -> "alrashid"). Elsewhere
"de", "la", "der" ... are stop words ("Banco de Chile").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.vocabulary import (
    LEADING_PARTICLES,
    NAME_PARTICLES,
    NUMBER_MARKS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
)

_ROMAN_DIGITS = (("x", 10), ("ix", 9), ("v", 5), ("iv", 4), ("i", 1))


def _roman(value: int) -> str:
    out = []
    for letters, amount in _ROMAN_DIGITS:
        while value >= amount:
            out.append(letters)
            value -= amount
    return "".join(out)


ROMAN_NUMERALS: dict[str, int] = {_roman(n): n for n in range(1, 40)}
"""The Roman numerals read as numbers (their canonical spelling only: "iiii" is no numeral)."""
_WORD_VALUES: dict[str, int] = {**NUMBER_WORDS, **ORDINAL_WORDS}
NUMBERISH: frozenset[str] = frozenset(ROMAN_NUMERALS) | frozenset(_WORD_VALUES) | NUMBER_MARKS
"""Tokens that may be read as a number (or say one follows), depending on where they stand."""
PARTICLES: frozenset[str] = NAME_PARTICLES | LEADING_PARTICLES


def name_particles(
    raws: Sequence[str], kinds: Sequence[str], breaks: frozenset[int] = frozenset()
) -> list[int]:
    """Indices of the particles that are part of the name, before stop words and legal forms
    are dropped: a run of particles directly before a name word, at the start of the name or
    starting with a particle that is never "of" (van, al, bin ...). ``kinds`` are the words'
    kinds ("word", "stop", "legal", "edge"); ``breaks`` the indices of the words followed by a
    separator ("&", ","), which no run crosses."""
    out: list[int] = []
    i, size = 0, len(raws)
    while i < size:
        if raws[i] in PARTICLES and (i == 0 or raws[i] in LEADING_PARTICLES):
            j = i
            while j < size and raws[j] in PARTICLES and j - 1 not in breaks:
                j += 1
            if j < size and kinds[j] == "word" and _name_word(raws[j]) and j - 1 not in breaks:
                out.extend(range(i, j))
            i = max(j, i + 1)
            continue
        i += 1
    return out


def glue_runs(raws: Sequence[str], kinds: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) indices of the runs of particles, each with the name word after it,
    among the words a name keeps (and their kinds: a name of stop words only keeps them):
    each is glued into one word ("van der bilt" -> "vanderbilt")."""
    out: list[tuple[int, int]] = []
    i, size = 0, len(raws)
    while i < size:
        if raws[i] not in PARTICLES:
            i += 1
            continue
        j = i + 1
        while j < size and raws[j] in PARTICLES:
            j += 1
        if j < size and kinds[j] == "word" and _name_word(raws[j]):
            out.append((i, j))
            j += 1
        i = j
    return out


def _name_word(raw: str) -> bool:
    return raw.isalpha() and raw not in PARTICLES and raw not in NUMBERISH


def number_runs(tokens: Sequence[str]) -> list[tuple[str, int, int]]:
    """(digits, first, last) for each number among a name's tokens that is not written in
    digits already: runs of number words ("forty", "four" -> "44"; "one", "hundred", "five"
    -> "105"; an ordinal word ends a number: "forty", "fourth" -> "44") and Roman numerals
    where they stand as numerals (see the module doc)."""
    out: list[tuple[str, int, int]] = []
    last = len(tokens) - 1
    i = 0
    while i <= last:
        token = tokens[i]
        if token in ROMAN_NUMERALS and i > 0 and (i == last or len(token) >= 3):
            out.append((str(ROMAN_NUMERALS[token]), i, i))
            i += 1
            continue
        if token not in _WORD_VALUES:
            i += 1
            continue
        value, start = _WORD_VALUES[token], i
        i += 1
        while token not in ORDINAL_WORDS and i <= last and tokens[i] in _WORD_VALUES:
            following = _WORD_VALUES[tokens[i]]
            if following == 100 and 0 < value < 100:
                value *= 100
            elif (value % 100 == 0 and following < 100) or (
                value % 10 == 0 and value % 100 >= 20 and following < 10
            ):
                value += following
            else:
                break
            token = tokens[i]
            i += 1
        out.append((str(value), start, i - 1))
    return out


def read_numbers(tokens: list[str], spans: list[tuple[int, int]] | None = None) -> None:
    """Rewrite a name's tokens (and their spans) in place: each number read as its digits
    (``number_runs``), a word that says "number" before one dropped ("Number Five" -> "5")."""
    for digits, first, last in reversed(number_runs(tokens)):
        tokens[first : last + 1] = [digits]
        if spans is not None:
            spans[first : last + 1] = [(spans[first][0], spans[last][1])]
    for i in reversed(range(len(tokens) - 1)):
        if tokens[i] in NUMBER_MARKS and tokens[i + 1].isdigit():
            del tokens[i]
            if spans is not None:
                del spans[i]


def numbers_of(tokens: Sequence[str]) -> list[str]:
    """The numbers among normalized tokens (all digits by then)."""
    return [t for t in tokens if t.isdigit()]


_DIGIT_RUN = re.compile(r"[0-9]+")


def numbers_in_core(core: str) -> list[str]:
    """The numbers written in digits in a CJK core ("第14研究所" -> ["14"])."""
    return _DIGIT_RUN.findall(core) if any(c.isdigit() for c in core) else []


def numbers_differ(supplier: Sequence[str], listed: Sequence[str]) -> bool:
    """Each name holds a number the other lacks ("Fund 5" / "Fund 6", "Plant 155" / "Plant
    175"): a strong sign of two entities. A number only one of them has is an extra or a
    missing word like any other."""
    ours, theirs = set(numbers_of(supplier)), set(numbers_of(listed))
    return bool(ours - theirs) and bool(theirs - ours)


_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_CJK_DIGITS |= {"七": 7, "八": 8, "九": 9}
_CJK_UNITS = {"十": 10, "百": 100}
CJK_ORDINAL_MARK = "第"


def _cjk_value(numeral: str) -> str:
    """The digits of a Chinese numeral: positional ("十四" 14, "一百五十五" 155) or digit by
    digit ("一〇二" 102)."""
    if not any(c in _CJK_UNITS for c in numeral):
        return "".join(str(_CJK_DIGITS[c]) for c in numeral)
    value, digit = 0, 0
    for c in numeral:
        if c in _CJK_UNITS:
            value += (digit or 1) * _CJK_UNITS[c]
            digit = 0
        else:
            digit = _CJK_DIGITS[c]
    return str(value + digit)


def cjk_ordinals(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Characters of a CJK name (each with its position in the source) with the Chinese
    numeral after 第 written in digits: 第十四研究所 is 第14研究所. Elsewhere numeral
    characters are words (三星, 一汽) and stay."""
    out: list[tuple[str, int]] = []
    i, size = 0, len(chars)
    while i < size:
        out.append(chars[i])
        if chars[i][0] != CJK_ORDINAL_MARK:
            i += 1
            continue
        j = i + 1
        while j < size and (chars[j][0] in _CJK_DIGITS or chars[j][0] in _CJK_UNITS):
            j += 1
        if j > i + 1:
            run = chars[i + 1 : j]
            digits = _cjk_value("".join(c for c, _ in run))
            out.extend((d, run[min(k, len(run) - 1)][1]) for k, d in enumerate(digits))
        i = j
    return out
