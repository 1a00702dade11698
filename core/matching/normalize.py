"""Normalize company names once, so that comparison works on clean tokens.

Latin-script names: Unicode NFKC, casefold, accents dropped, punctuation to spaces, dotted
initials joined ("S.p.A." -> "spa"), ``&``/``+``/``and`` and other stop words dropped, legal
forms dropped (remembered for explanations), abbreviations expanded ("Intl" ->
"international"), plurals folded ("Technologies" -> "technology"), name particles glued to
their word ("van der Bilt" -> "vanderbilt") and numbers read as digits ("Forty-Four", "VI",
"1st" -> "44", "6", "1"): ``core.matching.name_words`` says where.

Chinese/Japanese names: the same character folding (which also folds Traditional, variant
and shinjitai characters to Simplified: ``core.script_fold``), then bracketed regions and
legal forms ("(中国)", "(集团)") dropped, spaces, punctuation and middle dots dropped and legal
forms (有限公司, 控股, 株式会社, 集团 ...) stripped from the ends, leaving a compact "core".

Cyrillic, Greek, Arabic/Persian and Hangul are transliterated to Latin letters as they are
folded (``core.matching.transliterate``), so such names take the Latin rules. Legal forms of
every jurisdiction come from the generated table as well (``core.matching.legal_forms``):
single words at the edges, phrases matched as one unit ("Open Joint Stock Company"), forms
glued to the name split off ("SiemensAG").

Script-specific steps are separate functions (``fold_script`` for Chinese/Japanese forms,
``cjk_bracket_groups``, ``_strip_cjk_legal``).

``normalize(normalize(x).text).text == normalize(x).text`` for every text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from anyascii import anyascii

from core.matching.countries import CJK_COUNTRY_PREFIXES, CJK_REGION_WORDS
from core.matching.legal_forms import (
    FormTable,
    build_table,
    generated_spellings,
    glued_form,
    may_hold_glued_form,
)
from core.matching.name_words import (
    CJK_ORDINAL_MARK,
    NUMBERISH,
    PARTICLES,
    cjk_ordinals,
    glue_runs,
    name_particles,
    read_numbers,
)
from core.matching.romanize import ABJAD_MARK
from core.matching.score import typo_similarity
from core.matching.transliterate import (
    abjad_article,
    ends_abjad_word,
    greek_pair,
    read_in_context,
    script_of,
    transliterate,
    transliterate_char,
)
from core.script_fold import fold_script
from core.vocabulary import (
    ABBREVIATIONS,
    APOSTROPHES,
    CJK_BRACKET_FORMS,
    CJK_LEGAL_PREFIXES,
    CJK_LEGAL_SUFFIXES,
    LEGAL_FORMS_ANYWHERE,
    LEGAL_FORMS_AT_EDGES,
    MIDDLE_DOTS,
    STOP_WORDS,
)

Script = Literal["latin", "cjk"]


@dataclass(frozen=True, slots=True)
class NormalizedName:
    """A name after normalization.

    ``tokens`` are the normalized words (Latin) or characters of the core (CJK); ``spans``
    gives, for each token, where it came from in ``source`` (for highlighting). ``text`` is the
    normalized string; ``compact`` the tokens without spaces. ``legal_forms`` are the stripped
    legal forms as printed in ``source``; ``legal_classes`` their canonical classes.
    ``country_prefix`` is a leading country name of a CJK name (美国PVH集团 -> 美国).
    """

    source: str
    script: Script
    text: str
    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    legal_forms: tuple[str, ...] = ()
    legal_classes: frozenset[str] = frozenset()
    country_prefix: str = ""

    @property
    def compact(self) -> str:
        return "".join(self.tokens)

    def printed(self, index: int) -> str:
        """The source's own text of token ``index``, with the characters that fold to nothing
        right after it (a combining accent: "Cafe\u0301" is printed "Café", not "Cafe")."""
        start, end = self.spans[index]
        source = self.source
        while end < len(source) and not source[end].isascii() and not _fold_char(source[end]):
            end += 1
        return source[start:end]


_JOINED = (
    r"(?<![^\W_])[^\W_](?:\s*[&+]\s*[^\W_])+(?![^\W_])"  # m&s, r & d, e&s
    r"|(?<![^\W_])(?:[^\W\d_][./])+[^\W\d_](?![^\W_])"  # s.r.o, a/s, u.s.a, l.l.c
    r"|(?<![^\W_])[sS]\s+[rR]\.\s*[oO](?![^\W_])"  # "spol. s r.o." as the Czechs write it
)
_TOKEN_RE = re.compile(_JOINED + rf"|[^\W_]+(?:[{re.escape(APOSTROPHES)}][^\W_]+)*")  # xi'an
_JOINED_RE = re.compile(_JOINED)
_TOKEN_JUNK = str.maketrans("", "", "&+./" + APOSTROPHES + " \t\n\r\f\v")
_ORDINAL_RE = re.compile(r"(\d+)(?:st|nd|rd|th)")
_Kind = Literal["word", "stop", "legal", "edge"]


def is_cjk_char(ch: str) -> bool:
    """True for Han and kana characters (the scripts matched by characters; Hangul is
    transliterated to Latin letters)."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3040 <= o <= 0x30FF
        or 0x3005 <= o <= 0x3007
        or 0x31F0 <= o <= 0x31FF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3FFFF
    )


def has_cjk(text: str) -> bool:
    return not text.isascii() and any(is_cjk_char(c) for c in text)


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """NFKC + casefold + accents off for one character, iterated to a fixed point."""
    out = ch
    for _ in range(4):
        step = []
        for c in unicodedata.normalize("NFKC", out).casefold():
            c = unicodedata.normalize("NFKC", c)
            if c in MIDDLE_DOTS:
                step.append(" ")
                continue
            if len(c) == 1 and script_of(c) is not None:
                step.append(transliterate_char(c).lower())  # Газпром -> gazprom
                continue
            for d in c:
                if 0xC0 <= ord(d) <= 0x24F or 0x1E00 <= ord(d) <= 0x1EFF:
                    decomposed = unicodedata.normalize("NFKD", d)
                    d = "".join(x for x in decomposed if not unicodedata.combining(x))
                    if not d.isascii():  # letters with no accent to drop: æ ø ł ı đ þ œ
                        d = anyascii(d).lower()
                cat = unicodedata.category(d) if len(d) == 1 else "Ll"
                if cat in ("Mn", "Me", "Cf", "Cs", "Co", "Cn"):
                    d = ""
                elif cat[0] in "CZ":
                    d = " "
                step.append(d)
        folded = fold_script("".join(step))  # Traditional, variants, shinjitai: Simplified
        if folded == out:
            break
        out = folded
    return out


def fold(text: str) -> tuple[str, list[int] | None]:
    """Fold ``text``; returns the folded string and, unless it is the same length and
    position for position (ASCII), the index in ``text`` of every folded character."""
    if text.isascii():
        return text.lower(), None
    if not read_in_context(text):  # most non-ASCII text (Chinese): character by character
        folded = list(map(_fold_char, text))
        return "".join(folded), [i for i, f in enumerate(folded) for _ in f]
    return _fold_in_context(text)


def _fold_in_context(text: str) -> tuple[str, list[int]]:
    """``fold`` of non-ASCII text, reading Greek letter pairs and Arabic words as such."""
    chars: list[str] = []
    positions: list[int] = []
    i = 0
    while i < len(text):
        pair = greek_pair(text, i)
        if pair is not None:  # "ου" -> "ou": the first letter's place, then the second's
            chars.append(pair)
            positions.extend([i] * (len(pair) - 1) + [i + 1] if len(pair) > 1 else [i])
            i += 2
            continue
        if abjad_article(text, i):  # "الراجحي" -> "al rjhyʾ": the article is a word of its own
            chars.append("al ")
            positions.extend([i, i + 1, i + 1])
            i += 2
            continue
        f = _fold_char(text[i])
        chars.append(f)
        positions.extend([i] * len(f))
        if ends_abjad_word(text, i) and "".join(chars[-3:])[-1:].isalpha():
            chars.append(ABJAD_MARK)
            positions.append(i)
        i += 1
    return "".join(chars), positions


def _singular(token: str) -> str:
    if len(token) < 5 or not token.isalpha():
        return token
    if token.endswith("ies"):
        return token[:-3] + "y"
    if token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


@lru_cache(maxsize=65536)
def classify_token(raw: str) -> tuple[str, _Kind, str]:
    """(canonical token, kind, legal class) for a folded raw token."""
    m = _ORDINAL_RE.fullmatch(raw)
    token = m.group(1) if m else raw
    canonical = ABBREVIATIONS.get(token) or _singular(token)
    canonical = ABBREVIATIONS.get(canonical, canonical)
    for t in (token, canonical):
        if t in STOP_WORDS:
            return canonical, "stop", ""
        if t in LEGAL_FORMS_ANYWHERE:
            return canonical, "legal", LEGAL_FORMS_ANYWHERE[t]
    for t in (token, canonical):
        if t in LEGAL_FORMS_AT_EDGES:
            return canonical, "edge", LEGAL_FORMS_AT_EDGES[t]
    if token in _FORMS.singles:  # the generated table's forms: at the edges only
        return canonical, "edge", _FORMS.singles[token]
    for form in _LONG_LEGAL_FORMS.get(token[:1], ()):  # misspelt ("Corportaion")
        if typo_similarity(token, form):
            kind: _Kind = "legal" if form in LEGAL_FORMS_ANYWHERE else "edge"
            return canonical, kind, {**LEGAL_FORMS_ANYWHERE, **LEGAL_FORMS_AT_EDGES}[form]
    return canonical, "word", ""


_LONG_LEGAL_FORMS: dict[str, tuple[str, ...]] = {}  # by first letter: cheap, most typos keep it
for _form in (*LEGAL_FORMS_ANYWHERE, *LEGAL_FORMS_AT_EDGES):
    if len(_form) >= 7 and _form.isalpha():
        _LONG_LEGAL_FORMS[_form[0]] = (*_LONG_LEGAL_FORMS.get(_form[0], ()), _form)


def normalize(text: str) -> NormalizedName:
    """Normalize one name; CJK rules if it contains Chinese/Japanese/Korean characters."""
    return _normalize_cached(text)


@lru_cache(maxsize=1 << 17)
def _normalize_cached(text: str) -> NormalizedName:
    if has_cjk(text):
        return _normalize_cjk(text)
    return normalize_latin(text)


def _raw_tokens(text: str) -> list[str]:
    """The folded words of ``text`` before classification (how table entries are read)."""
    found = (m.group().translate(_TOKEN_JUNK) for m in _TOKEN_RE.finditer(fold(text)[0]))
    return [raw for raw in found if raw]


def _hand_class(form: str) -> str | None:
    return LEGAL_FORMS_ANYWHERE.get(form) or LEGAL_FORMS_AT_EDGES.get(form)


def _left_to_hand_tables(token: str) -> bool:
    return token in STOP_WORDS or _hand_class(token) is not None or token in ABBREVIATIONS


_FORMS: FormTable = build_table(
    generated_spellings(), _raw_tokens, _hand_class, _left_to_hand_tables
)
_Found = tuple[str, _Kind, str, int, int]  # canonical token, kind, legal class, span


def normalize_latin(text: str) -> NormalizedName:
    folded, positions = fold(text)
    found: list[_Found] = []
    raws: list[str] = []
    for m in _TOKEN_RE.finditer(folded):
        raw = m.group().translate(_TOKEN_JUNK)
        if not raw:
            continue
        start, end = m.span()
        glued = _glued_split(text, raw, m, positions)
        if glued is not None:  # "SiemensAG": the name and the form, as two words
            for lo, hi, is_form in glued:
                piece = raw[lo:hi]
                src_start = positions[start + lo] if positions is not None else start + lo
                src_end = positions[start + hi - 1] + 1 if positions is not None else start + hi
                canonical, kind, legal_class = classify_token(piece)
                found.append(
                    (canonical, "edge" if is_form else kind, legal_class, src_start, src_end)
                )
                raws.append(piece)
            continue
        canonical, kind, legal_class = classify_token(raw)
        if positions is not None:
            start, end = positions[start], positions[end - 1] + 1
        found.append((canonical, kind, legal_class, start, end))
        raws.append(raw)
    particles = not PARTICLES.isdisjoint(raws)
    if particles:  # "de", "la" in "De La Rue" are name words, not stop words
        breaks = _breaks(text, found)
        for i in name_particles(raws, [f[1] for f in found], breaks):
            found[i] = (found[i][0], "word", "", found[i][3], found[i][4])
    _mark_phrases(raws, found)  # after the particles: a legal form's "de" is no name word
    kept_indices = _kept([f[1] for f in found])
    kept = [found[i] for i in kept_indices]
    dropped = set(range(len(found))) - set(kept_indices)
    legal = [found[i] for i in sorted(dropped) if found[i][1] in ("legal", "edge")]
    if particles:
        kept = _glue_particles(kept, [raws[i] for i in kept_indices])
    tokens = [k[0] for k in kept]
    spans = [(k[3], k[4]) for k in kept]
    if not NUMBERISH.isdisjoint(tokens):
        read_numbers(tokens, spans)
    return NormalizedName(
        source=text,
        script="latin",
        text=" ".join(tokens),
        tokens=tuple(tokens),
        spans=tuple(spans),
        legal_forms=_printed_runs(text, [(f[3], f[4]) for f in legal]),
        legal_classes=frozenset(f[2] for f in legal),
    )


_GLUE_BREAKS = frozenset("&+,;/|()[]{}:")
"""Between a particle and a word, these say they belong to two names ("Le & Lefebvre")."""


def _breaks(text: str, found: list[_Found]) -> frozenset[int]:
    """Indices ``i`` of the words followed, before word ``i + 1``, by a separator."""
    return frozenset(
        i
        for i in range(len(found) - 1)
        if not _GLUE_BREAKS.isdisjoint(text[found[i][4] : found[i + 1][3]])
    )


def _glue_particles(kept: list[_Found], raws: list[str]) -> list[_Found]:
    """Particles glued to the name word after them among the kept words ("van der Bilt" ->
    "vanderbilt"), unless the glued word would be no name word ("de" + "n" is the stop word
    "den"). A separator between them no longer counts here: whether "de" or "la" is a name
    word was decided before (``name_particles``), and glued here, "van" and "al" are glued
    the same way the next time the text is normalized."""
    out: list[_Found] = []
    at = 0
    for first, last in glue_runs(raws, [k[1] for k in kept]):
        canonical, kind, _ = classify_token("".join(raws[first : last + 1]))
        if kind != "word":
            continue
        out.extend(kept[at:first])
        out.append((canonical, "word", "", kept[first][3], kept[last][4]))
        at = last + 1
    out.extend(kept[at:])
    return out


def _glued_split(
    text: str, raw: str, m: re.Match[str], positions: list[int] | None
) -> tuple[tuple[int, int, bool], ...] | None:
    """The word ``m`` as (start, end, is the form) pieces of ``raw`` when a legal form is
    glued to it ("SiemensAG" -> (0, 7, False), (7, 9, True)), else None."""
    if len(raw) < 5 or raw != m.group() or not raw.isalpha():
        return None
    start, end = m.span()
    if positions is not None:
        start, end = positions[start], positions[end - 1] + 1
    printed = _without_accents(transliterate(text[start:end]))  # the seam is in the case
    if len(printed) != len(raw) or printed.casefold() != raw:
        return None
    where = glued_form(printed)
    if where is None:
        return None
    lo, hi = where
    if lo == 0:
        return (0, hi, True), (hi, len(raw), False)
    return (0, lo, False), (lo, hi, True)


def _without_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _mark_phrases(raws: list[str], found: list[_Found]) -> None:
    """Mark the words of multi-word legal forms ("open joint stock company") as one form:
    of three words or more, stripped anywhere; of two, at the edges."""
    i = 0
    while i < len(raws):
        n, cls = _FORMS.phrase_at(raws, i) if raws[i] in _FORMS.phrases else (0, "")
        if not n:
            i += 1
            continue
        if all(found[j][1] in ("legal", "edge") for j in range(i, i + n)):
            i += n  # "Pte Ltd", "Sp. z o.o.": forms of the hand tables, which keep their classes
            continue
        for j in range(i, i + n):
            canonical, kind, _, start, end = found[j]
            wide: _Kind = "legal" if n >= 3 or kind == "legal" else "edge"
            found[j] = (canonical, wide, cls, start, end)
        i += n


def _kept(kinds: list[_Kind]) -> list[int]:
    """Indices of the tokens a name keeps: no stop words, no legal forms (short ones only at
    the start or end), but never nothing when the name had something."""
    words = [i for i, k in enumerate(kinds) if k != "stop"]
    kept = [i for i in words if kinds[i] != "legal"]
    lo, hi = 0, len(kept)
    while lo < hi and kinds[kept[lo]] == "edge":
        lo += 1
    while hi > lo and kinds[kept[hi - 1]] == "edge":
        hi -= 1
    if hi > lo:
        return kept[lo:hi]
    if kept:
        return kept  # nothing but short legal forms ("AS AB"): keep them rather than nothing
    return words or list(range(len(kinds)))


# ASCII bytes: upper case to lower case, anything but letters and digits to spaces.
_ASCII_WORDS = bytes(
    (c + 32 if 65 <= c <= 90 else c) if chr(c).isalnum() and c < 128 else 32 for c in range(256)
)
# A one-character word followed by "&", "+", "." or "/": maybe initials or a join (S.A., R&D).
_MAYBE_JOINED = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]\s*[&+./]")
_CANONICAL: dict[str, str] = {}  # raw word -> canonical token
_KIND: dict[str, _Kind] = {}  # raw word -> its kind
_NOT_WORDS: set[str] = set()  # raw words that are stop words or legal forms
_SPECIAL: set[str] = set()  # raw words that are no words or not their own canonical token
_KEPT: dict[tuple[_Kind, ...], tuple[int, ...]] = {}  # kinds of a name's words -> kept
_CACHE_LIMIT = 500_000
# As _ASCII_WORDS, but NUL (which separates the texts of a batch) stays itself.
_BATCH_WORDS = b"\x00" + _ASCII_WORDS[1:]


def _join_run(match: re.Match[str]) -> str:
    return match.group().translate(_TOKEN_JUNK)


def _quick_text(text: str) -> bool:
    return _plain_ascii(text) and not may_hold_glued_form(text)  # "SiemensAG": in full


def _plain_ascii(text: str) -> bool:
    return text.isascii() and "'" not in text and "`" not in text  # the ASCII APOSTROPHES


def quick_latin_tokens(text: str) -> list[str] | None:
    """``normalize(text).tokens`` for ASCII text without apostrophes, computed without
    building the full structure (no spans, no legal forms); None for other text."""
    if not _quick_text(text):
        return None
    original = text
    if _MAYBE_JOINED.search(text):
        text = _JOINED_RE.sub(_join_run, text.lower())  # "s.r.o." -> "sro", "r & d" -> "rd"
    words = text.encode().translate(_ASCII_WORDS).decode().split()
    _classify(words)
    if _particles_apart(words, original):
        return None
    return _tokens_of(words)


def _particles_apart(words: list[str], text: str) -> bool:
    """Particles in a text that also holds a separator ("Le & Lefebvre"): whether they are
    glued depends on where the separator stands, which only the full normalization sees."""
    return not PARTICLES.isdisjoint(words) and not _GLUE_BREAKS.isdisjoint(text)


def quick_latin_tokens_many(texts: Sequence[str]) -> list[list[str] | None]:
    """``quick_latin_tokens`` of each text, tokenized together: the texts are joined into
    one string (NUL between them) so that the splitting runs once, in C."""
    out: list[list[str] | None] = [None] * len(texts)
    chosen = [k for k, text in enumerate(texts) if _plain_ascii(text) and "\x00" not in text]
    if chosen and may_hold_glued_form("\x00".join([texts[k] for k in chosen])):
        # glued forms ("SiemensAG") take the full normalization: looked for in the texts one
        # by one only when the whole batch may hold one
        chosen = [k for k in chosen if not may_hold_glued_form(texts[k])]
    if not chosen:
        return out
    blob = "\x00".join([texts[k] for k in chosen])
    if _MAYBE_JOINED.search(blob):
        # Initials and joins ("s.r.o.", "r & d") only in the texts that may hold them: the
        # join pattern is slow to run over everything. No join crosses a NUL.
        pieces = blob.split("\x00")
        for k, piece in enumerate(pieces):
            if _MAYBE_JOINED.search(piece):
                pieces[k] = _JOINED_RE.sub(_join_run, piece)
        blob = "\x00".join(pieces)
    blob = blob.encode().translate(_BATCH_WORDS).decode()
    _classify(set(blob.replace("\x00", " ").split()))
    special = _SPECIAL
    for k, piece in zip(chosen, blob.split("\x00"), strict=True):
        words = piece.split()
        if special.isdisjoint(words):
            out[k] = words
        elif not _particles_apart(words, texts[k]):
            out[k] = _tokens_of(words)
    return out


def _classify(words: Iterable[str]) -> None:
    """Remember the canonical token and kind of the raw words not seen yet."""
    kind_of = _KIND
    new = [w for w in words if w not in kind_of]
    if not new:
        return
    if len(kind_of) + len(new) > _CACHE_LIMIT:
        for table in (_CANONICAL, _KIND, _NOT_WORDS, _SPECIAL, _KEPT):
            table.clear()
        new = list(dict.fromkeys(words))  # every word the caller will look up
    for w in new:
        canonical, kind, _ = classify_token(w)
        _CANONICAL[w] = canonical
        kind_of[w] = kind
        if kind != "word":
            _NOT_WORDS.add(w)
        # Particles, numbers and the words that begin a legal-form phrase: what they become
        # depends on the words around them.
        if (
            kind != "word"
            or canonical != w
            or w in PARTICLES
            or canonical in NUMBERISH
            or w in _FORMS.phrases
        ):
            _SPECIAL.add(w)


def _tokens_of(words: list[str]) -> list[str]:
    """The tokens of a text's raw words (all classified): canonical forms, without stop
    words and legal forms, particles glued to their words, numbers read as digits."""
    if _SPECIAL.isdisjoint(words):
        return words
    canonical = list(map(_CANONICAL.__getitem__, words))
    particles = not PARTICLES.isdisjoint(words)
    phrase = not _FORMS.phrases.keys().isdisjoint(words) and _FORMS.may_hold_phrase(words)
    if not particles and not phrase and _NOT_WORDS.isdisjoint(words):
        tokens = canonical
    else:
        kinds = tuple(map(_KIND.__getitem__, words))
        if particles:  # "de", "la" in "De La Rue" are name words, not stop words
            named = name_particles(words, kinds)
            if named:
                kinds = tuple("word" if i in named else k for i, k in enumerate(kinds))
        if phrase:  # the phrase, not the kinds, decides: not cached
            found: list[_Found] = [(c, k, "", 0, 0) for c, k in zip(canonical, kinds, strict=True)]
            _mark_phrases(words, found)
            kept = tuple(_kept([f[1] for f in found]))
        else:
            cached = _KEPT.get(kinds)
            if cached is None:
                cached = tuple(_kept(list(kinds)))
                if len(_KEPT) < _CACHE_LIMIT:
                    _KEPT[kinds] = cached
            kept = cached
        tokens = [canonical[i] for i in kept]
        if particles:
            tokens = _glue_words(tokens, [words[i] for i in kept], [kinds[i] for i in kept])
    if not NUMBERISH.isdisjoint(tokens):
        read_numbers(tokens)
    return tokens


def _glue_words(tokens: list[str], raws: list[str], kinds: Sequence[_Kind]) -> list[str]:
    """``_glue_particles`` for the quick path's tokens (``raws``, ``kinds``: their raw words
    and kinds)."""
    out: list[str] = []
    at = 0
    for first, last in glue_runs(raws, kinds):
        glued = "".join(raws[first : last + 1])
        canonical, kind, _ = classify_token(glued)
        if kind != "word":
            continue
        out.extend(tokens[at:first])
        out.append(canonical)
        at = last + 1
    out.extend(tokens[at:])
    return out


def _printed_runs(text: str, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    """Join spans separated only by punctuation/space into runs, as printed ("Co., Ltd.")."""
    runs: list[tuple[int, int]] = []
    for start, end in spans:
        if runs and not any(c.isalnum() for c in text[runs[-1][1] : start]):
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    out = []
    for start, end in runs:
        if end < len(text) and text[end] in ".．":
            end += 1
        out.append(text[start:end])
    return tuple(out)


def _strip_cjk_legal(whole: str) -> tuple[int, int]:
    """Start and end of ``whole`` once legal forms are stripped from both ends (never empty)."""
    start, end = 0, len(whole)
    changed = True
    while changed:
        changed = False
        core = whole[start:end]
        for suffix in CJK_LEGAL_SUFFIXES:
            if core.endswith(suffix) and len(core) > len(suffix):
                end, changed = end - len(suffix), True
                break
        core = whole[start:end]
        for prefix in CJK_LEGAL_PREFIXES:
            if core.startswith(prefix) and len(core) > len(prefix):
                start, changed = start + len(prefix), True
                break
    return start, end


_BRACKET_RE = re.compile(r"\(([^()]{1,12})\)")


def cjk_bracket_groups(folded: str) -> list[tuple[int, int]]:
    """Spans (in ``folded``) of bracketed regions and legal forms in a CJK name: "(中国)",
    "(香港)", "(集团)", "(株)". They say where or how a company is registered, not which it
    is, so they are dropped like a legal form; other brackets ("(北京)航天") stay."""
    out = []
    for m in _BRACKET_RE.finditer(folded):
        inner = "".join(c for c in m.group(1) if c.isalnum())
        if inner in CJK_BRACKET_FORMS or inner in CJK_REGION_WORDS:
            out.append(m.span())
    return out


def _normalize_cjk(text: str) -> NormalizedName:
    folded, positions = fold(text)
    dropped = {i for start, end in cjk_bracket_groups(folded) for i in range(start, end)}
    kept = [(c, i) for i, c in enumerate(folded) if c.isalnum() and i not in dropped]
    if CJK_ORDINAL_MARK in folded:
        kept = cjk_ordinals(kept)
    whole = "".join(c for c, _ in kept)
    start, end = _strip_cjk_legal(whole)
    if start == end:  # nothing but legal forms and regions: keep them rather than nothing
        kept = [(c, i) for i, c in enumerate(folded) if c.isalnum()]
        if CJK_ORDINAL_MARK in folded:
            kept = cjk_ordinals(kept)
        whole = "".join(c for c, _ in kept)
        start, end = _strip_cjk_legal(whole)
    core = whole[start:end]
    body = kept[start:end]
    origin = [positions[i] if positions is not None else i for _, i in body]
    legal = _printed_legal(text, positions, dropped, origin)
    if not has_cjk(core):
        # Only a Latin name is left once the Chinese legal form is gone (IMSAR公司): Latin rules.
        latin = normalize_latin(text[origin[0] : origin[-1] + 1] if origin else "")
        spans = tuple((s + origin[0], e + origin[0]) for s, e in latin.spans) if origin else ()
        return NormalizedName(text, "cjk", latin.text, latin.tokens, spans, legal)
    prefix = next(
        (p for p in CJK_COUNTRY_PREFIXES if core.startswith(p) and len(core) - len(p) >= 2), ""
    )
    return NormalizedName(
        source=text,
        script="cjk",
        text=core,
        tokens=tuple(core),
        spans=tuple((o, o + 1) for o in origin),
        legal_forms=legal,
        # the legal forms stripped, as classes: a tie-breaker between 中芯国际 (the alias) and
        # 中芯国际控股有限公司 (another entity's name) for the cell "中芯国际"
        legal_classes=frozenset(form for form in (whole[:start], whole[end:]) if form),
        country_prefix=prefix,
    )


def _printed_legal(
    text: str, positions: list[int] | None, dropped: set[int], origin: list[int]
) -> tuple[str, ...]:
    """What normalization took off a CJK name, as the supplier printed it: the text before
    and after the core ("株式会社", "(集团)有限責任公司") and bracket groups inside it."""
    if not origin:
        return ()
    first, last = origin[0], origin[-1]
    out = [text[:first].strip(), text[last + 1 :].strip()]
    where = [positions[i] if positions else i for i in sorted(dropped)]
    run: list[int] = []
    for at in [*(p for p in where if first < p < last), -2]:
        if run and at != run[-1] + 1:
            out.append(text[run[0] : run[-1] + 1])
            run = []
        run.append(at)
    return tuple(part for part in out if any(c.isalnum() for c in part))


_SEGMENT_RE = re.compile(r"[^\s()\[\]{}（）【】〔〕「」『』/|;,，、；]+")


_TRAILING_ACRONYM_RE = re.compile(
    r"^(?P<name>.*[^\W_].*?)\s*[(（]\s*[A-Z][A-Z0-9&-]{1,7}\s*[)）]\s*$"
)


def without_trailing_acronym(cell: str) -> str | None:
    """The name before an acronym in brackets ("... Agency (XYZA)" -> "... Agency"), or None.

    A supplier file often prints a name followed by its acronym; the acronym, as an extra
    distinctive word, would cost the name its match. It is no name of its own here: an
    acronym alone is only matched when the cell is just the acronym."""
    m = _TRAILING_ACRONYM_RE.match(cell)
    if m is None or len(m.group("name").split()) < 2:
        return None
    return m.group("name")


def supplier_parts(cell: str) -> tuple[str, ...]:
    """The texts to compare for one supplier cell: the cell itself; when it holds a Latin
    name beside a Chinese one ("Lockheed Martin 洛克希德·马丁公司"), each part on its own; when
    a Latin name ends in its acronym in brackets, the name without it."""
    if not has_cjk(cell):
        bare = without_trailing_acronym(cell) if ")" in cell or "）" in cell else None
        return (cell,) if bare is None else (cell, bare)
    segments = [(m.start(), m.end(), has_cjk(m.group())) for m in _SEGMENT_RE.finditer(cell)]
    latin = [s for s in segments if not s[2] and any(c.isalpha() for c in cell[s[0] : s[1]])]
    cjk = [s for s in segments if s[2]]
    if not latin or not cjk:
        return (cell,)
    parts = [cell]
    for group in (latin, cjk):
        part = cell[group[0][0] : group[-1][1]]
        if has_cjk(part) != (group is cjk):  # the groups interleave: join the segments
            part = " ".join(cell[s:e] for s, e, _ in group)
        if part.strip() and part not in parts:
            parts.append(part)
    return tuple(parts)
