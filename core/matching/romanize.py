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

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"x", "ks"),
        (r"kh", "h"),
        (r"ck", "k"),
        (r"c(?!h)", "k"),
        (r"q", "k"),
        (r"ph", "f"),
        (r"w", "v"),
        (r"[yj]", "i"),
        (r"eo|oo|ou", "u"),
        (r"ae|ai", "e"),
        (r"(?<=[^siu])s$", ""),  # as names are: a plural "s" off ("yandeks" -> "yandek")
    )
)


@lru_cache(maxsize=1 << 16)
def romanization_key(token: str) -> str:
    """The token with the letters romanization systems disagree on folded together, or ""
    for a token too short or not all letters (numbers never have romanizations)."""
    if len(token) < _MIN_LENGTH or not token.isalpha() or not token.isascii():
        return ""
    key = token
    for pattern, replacement in _RULES:
        key = pattern.sub(replacement, key)
    return key


def romanization_similarity(a: str, b: str) -> float:
    """``ROMANIZATION_SIMILARITY`` when ``a`` and ``b`` are two romanizations of one word
    ("lukoyl" / "lukoil"), else 0 (also for equal words: those are exact)."""
    if a == b:
        return 0.0
    key = romanization_key(a)
    return ROMANIZATION_SIMILARITY if key and key == romanization_key(b) else 0.0
