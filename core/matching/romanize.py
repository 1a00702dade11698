"""Romanizations of one name that differ by convention, not by a mistake.

A Russian, Ukrainian, Greek or Korean company is spelt in Latin letters by several systems:
"Лукойл" is Lukoyl (BGN/PCGN, what transliteration gives) and Lukoil (the company's own),
"Яндекс" Yandeks and Yandex, "Укрзалізниця" Ukrzaliznytsya and Ukrzaliznytsia, "Κοσμοτέ"
Kosmote and Cosmote, "삼성" Samseong (Revised Romanization) and Samsung. Such words share a
``romanization_key``: the spelling with the letters those systems disagree on folded
together (x = ks, y = i = j, c = k, kh = h, ph = f, w = v, eo = oo = ou = u, ae = ai = e).
Two different words with one key are the same word romanized twice:
``ROMANIZATION_SIMILARITY``, more than one typo, less than the same word.

The key never folds letters that tell names apart in Latin-script names ("ch" stays, so
Chase is no Hase; vowels other than the pairs above stay; a doubled letter stays doubled,
so "Rheinmetal" is a typo of Rheinmetall, not another romanization).
"""

from __future__ import annotations

import re
from functools import lru_cache

ROMANIZATION_SIMILARITY = 0.95
_MIN_LENGTH = 4  # "Kia"/"Gia": too short to tell a romanization from another word

# The rules in order, as plain replacements (this runs for every new word of a file):
# "ch" is kept apart from "c" -> "k" by a placeholder.
_REPLACEMENTS: tuple[tuple[str, str], ...] = (
    ("x", "ks"), ("kh", "h"), ("ck", "k"), ("ch", "\x00"), ("c", "k"), ("\x00", "ch"),
    ("q", "k"), ("ph", "f"), ("w", "v"), ("y", "i"), ("j", "i"), ("eo", "u"), ("oo", "u"),
    ("ou", "u"), ("ae", "e"), ("ai", "e"),
)  # fmt: skip


@lru_cache(maxsize=1 << 16)
def romanization_key(token: str) -> str:
    """The token with the letters romanization systems disagree on folded together, or ""
    for a token too short or not all letters (numbers never have romanizations)."""
    if len(token) < _MIN_LENGTH or not token.isalpha() or not token.isascii():
        return ""
    key = token
    for old, new in _REPLACEMENTS:
        if old in key:
            key = key.replace(old, new)
    if key.endswith("s") and not key.endswith(("ss", "is", "us")):
        key = key[:-1]  # as names are: a plural "s" off ("yandeks" -> "yandek")
    return key


ABJAD_MARK = "\u02be"
"""Ends every word read from Arabic script ("بانک" -> "bnkʾ"): the script writes no short
vowels, so such a word is compared with Latin words by its consonants (``skeleton``)."""
SKELETON_SIMILARITY = 0.95  # three consonants or more agree
SHORT_SKELETON_SIMILARITY = 0.9  # two
_NOT_CONSONANTS = str.maketrans("", "", "aeiouyw'" + ABJAD_MARK)
# Latin spellings of one consonant (Arabic readings have none of these pairs but gh, ghayn).
_LATIN_CONSONANTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"x", "ks"),
        (r"ck|q|c(?!h)", "k"),
        (r"ph", "f"),
        (r"gh", "g"),
    )
)
_GHAYN = re.compile(r"gh")


@lru_cache(maxsize=1 << 16)
def skeleton(token: str) -> str:
    """The consonants of a word as Arabic script writes them: vowels, y and w (long vowels
    there) and doubled letters dropped ("mellat" -> "mlt", "bnkʾ" -> "bnk"); "" for words
    of digits or with fewer than two consonants."""
    key = token.replace(ABJAD_MARK, "")
    if not key.isalpha() or not key.isascii():
        return ""
    if is_abjad(token):
        key = _GHAYN.sub("g", key)
    else:
        for pattern, replacement in _LATIN_CONSONANTS:
            key = pattern.sub(replacement, key)
    key = key.translate(_NOT_CONSONANTS)
    key = re.sub(r"(.)\1+", r"\1", key)
    return key if len(key) >= 2 else ""


def is_abjad(token: str) -> bool:
    """True for a word read from Arabic script (it ends in ``ABJAD_MARK``)."""
    return token.endswith(ABJAD_MARK)


def skeleton_similarity(a: str, b: str) -> float:
    """How alike a word read from Arabic script and a Latin word are by their consonants
    ("bnkʾ" / "bank"), else 0; two words of one kind are compared by spelling, not here."""
    if is_abjad(a) == is_abjad(b):
        return 0.0
    key = skeleton(a)
    if not key or key != skeleton(b):
        return 0.0
    return SKELETON_SIMILARITY if len(key) >= 3 else SHORT_SKELETON_SIMILARITY


def romanization_similarity(a: str, b: str) -> float:
    """``ROMANIZATION_SIMILARITY`` when ``a`` and ``b`` are two romanizations of one word
    ("lukoyl" / "lukoil"), else 0 (also for equal words: those are exact). Words under five
    letters are never two romanizations: like a typo there ("AVIK" / "AVIC"), one letter of
    an acronym or a short name makes another company."""
    if a == b or len(a) < 5 or len(b) < 5:
        return 0.0
    key = romanization_key(a)
    return ROMANIZATION_SIMILARITY if key and key == romanization_key(b) else 0.0
