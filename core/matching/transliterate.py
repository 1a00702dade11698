"""Latin letters for names written in Cyrillic, Greek, Arabic/Persian and Hangul.

Lists and supplier files write the same company in its own script and in Latin letters
("Газпром" / "Gazprom", "Ελληνικά Πετρέλαια" / "Ellinika Petrelaia", "삼성" / "Samseong").
Both sides are folded to Latin before comparison, character by character, with anyascii's
tables (ISC licence, pure Python): Cyrillic by a BGN/PCGN-like scheme ("х" -> "kh", "й" ->
"y"), Greek by ELOT 743, Hangul by the Revised Romanization, Arabic and Persian letter by
letter (the script writes no short vowels, so "بانک ملی" reads "bnk mly": names on both
sides in Arabic script agree, an Arabic name against a Latin spelling mostly does not).

Han stays with the Chinese rules (``core.script_fold``) and Japanese kana as it is: both are
matched by characters. The soft and hard signs become nothing, not an apostrophe.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from anyascii import anyascii

Script = Literal["cyrillic", "greek", "arabic", "hangul"]

_RANGES: tuple[tuple[int, int, Script], ...] = (
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"),
    (0x1100, 0x11FF, "hangul"),
    (0x1C80, 0x1C8F, "cyrillic"),
    (0x1F00, 0x1FFF, "greek"),
    (0x2DE0, 0x2DFF, "cyrillic"),
    (0x3130, 0x318F, "hangul"),
    (0xA640, 0xA69F, "cyrillic"),
    (0xA960, 0xA97F, "hangul"),
    (0xAC00, 0xD7AF, "hangul"),
    (0xD7B0, 0xD7FF, "hangul"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
)
# Characters read with their neighbours (Greek letter pairs; the Arabic article and the mark
# at the end of a word read from Arabic script): text without them folds char by char.
_READ_IN_CONTEXT = re.compile(
    "["
    + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi, script in _RANGES if script in ("greek", "arabic"))
    + "]"
)
# Hard and soft signs, and the ta marbuta (a final "-a"/"-at" the script does not spell as a
# vowel): no letter of their own in a Latin spelling ("دانة" -> "dn", Dana).
_SILENT = frozenset("ъьЪЬة")
SCRIPT_NAMES: dict[Script, str] = {
    "cyrillic": "Cyrillic",
    "greek": "Greek",
    "arabic": "Arabic",
    "hangul": "Hangul",
}


def script_of(ch: str) -> Script | None:
    """The transliterated script ``ch`` belongs to, or None (Latin, Han, kana, digits...)."""
    o = ord(ch)
    if o < 0x0370:
        return None
    for lo, hi, script in _RANGES:
        if lo <= o <= hi:
            return script
    return None


@lru_cache(maxsize=4096)
def transliterate_char(ch: str) -> str:
    """Latin letters for one character of a transliterated script, case kept ("Г" -> "G",
    "х" -> "kh", "삼" -> "Sam"); other characters unchanged."""
    if script_of(ch) is None:
        return ch
    if ch in _SILENT:
        return ""
    return anyascii(ch)


# Greek letter pairs read as one sound (ELOT 743, as Greek companies spell their names in
# Latin letters: Γεωργίου -> Georgiou, Ναυτιλιακή -> Naftiliaki); anyascii reads letter by
# letter ("Georgioy"). Voiceless letters after αυ/ευ make them "af"/"ef".
_GREEK_PAIRS = {"ου": "ou", "γγ": "ng"}
_GREEK_VOWEL_U = {"αυ": "a", "ευ": "e", "ηυ": "i"}
_GREEK_VOICELESS = frozenset("θκξπστφχψς")
_GREEK_INITIAL = {"μπ": "b", "ντ": "d", "γκ": "g"}  # at the start of a word


def _greek_base(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))


def read_in_context(text: str) -> bool:
    """True when ``text`` holds a character whose reading depends on its neighbours (Greek or
    Arabic script: ``greek_pair``, ``abjad_article``, ``ends_abjad_word``); False means
    none of those three ever applies to it."""
    return _READ_IN_CONTEXT.search(text) is not None


def greek_pair(text: str, i: int) -> str | None:
    """The Latin reading of the Greek letter pair at ``text[i:i+2]`` when the two letters
    are read as one sound ("ου" -> "ou", "αυ" before τ -> "af"), else None."""
    if i + 1 >= len(text) or script_of(text[i]) != "greek":
        return None
    pair = (_greek_base(text[i]) + _greek_base(text[i + 1])).casefold()
    if pair in _GREEK_PAIRS:
        return _GREEK_PAIRS[pair]
    if pair in _GREEK_VOWEL_U:
        after = _greek_base(text[i + 2]).casefold() if i + 2 < len(text) else ""
        return _GREEK_VOWEL_U[pair] + ("f" if not after or after in _GREEK_VOICELESS else "v")
    if pair in _GREEK_INITIAL and (i == 0 or not text[i - 1].isalpha()):
        return _GREEK_INITIAL[pair]
    return None


def _is_arabic_letter(ch: str) -> bool:
    return script_of(ch) == "arabic" and ch.isalpha()


def ends_abjad_word(text: str, i: int) -> bool:
    """True when ``text[i]`` is the last Arabic-script letter of a word (the place of the
    mark that tells a word read from Arabic script, ``romanize.ABJAD_MARK``)."""
    if not _is_arabic_letter(text[i]):
        return False
    for ch in text[i + 1 :]:
        if unicodedata.combining(ch) or ch == "\u0640":  # harakat, tatweel: same word
            continue
        return not _is_arabic_letter(ch)
    return True


def abjad_article(text: str, i: int) -> bool:
    """True when the Arabic article "ال" starts a word at ``text[i]`` (and more follows)."""
    return (
        text.startswith("ال", i)
        and (i == 0 or not text[i - 1].isalpha())
        and i + 2 < len(text)
        and _is_arabic_letter(text[i + 2])
    )


def transliterate(text: str) -> str:
    """``text`` with every character of a transliterated script in Latin letters (case
    kept, Greek letter pairs read as one sound)."""
    if text.isascii():
        return text
    out = []
    i = 0
    while i < len(text):
        pair = greek_pair(text, i)
        if pair is not None:
            if text[i].isupper():
                pair = pair.upper() if text[i + 1].isupper() else pair.capitalize()
            out.append(pair)
            i += 2
            continue
        out.append(transliterate_char(text[i]))
        i += 1
    return "".join(out)


def has_transliterated(text: str) -> bool:
    """True when ``text`` holds a character of Cyrillic, Greek, Arabic or Hangul."""
    return not text.isascii() and any(script_of(c) is not None for c in text)


_WORD_RE = re.compile(r"[^\W\d_]+")


def script_runs(text: str) -> list[tuple[Script, str, str]]:
    """The runs of words of ``text`` written in one transliterated script, each with its
    script, its words and their Latin reading: "ООО «Газпром нефть»" -> [("cyrillic",
    "ООО Газпром нефть", "OOO Gazprom neft")]. Words in Latin letters or other scripts end a
    run; quotes and other punctuation between words are left out."""
    if not has_transliterated(text):
        return []
    runs: list[tuple[Script, int, int]] = []
    for m in _WORD_RE.finditer(text):
        scripts = {script_of(c) for c in m.group()}
        script = scripts.pop() if len(scripts) == 1 else None
        if script is None:
            continue
        if runs and runs[-1][0] == script and _only_separators(text[runs[-1][2] : m.start()]):
            runs[-1] = (script, runs[-1][1], m.end())
        else:
            runs.append((script, m.start(), m.end()))
    out = []
    for script, start, end in runs:
        printed = " ".join(_WORD_RE.findall(text[start:end]))  # "ООО «Газпром»" -> "ООО Газпром"
        out.append((script, printed, _reading(script, printed)))
    return out


def _reading(script: Script, words: str) -> str:
    latin = transliterate(words)
    if script == "hangul":  # anyascii capitalises every syllable: "SamSeong" -> "Samseong"
        return " ".join(w.capitalize() for w in latin.split(" "))
    return latin


def _only_separators(between: str) -> bool:
    return not any(c.isalnum() for c in between)
