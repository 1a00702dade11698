"""Legal forms of every jurisdiction, from the generated table data/legal_forms.tsv
(ISO 20275 ELF spellings that rigour knows as forms, plus Russian/CIS forms:
scripts/build_legal_forms.py), as normalization uses them.

Three things beside the hand tables of ``core.vocabulary`` (which keep the last word):

- single words ("Aktiengesellschaft", "Osakeyhtiö", "EOOD"): stripped at the edges of a name,
  like the short forms of ``LEGAL_FORMS_AT_EDGES``;
- phrases matched as one unit ("Open Joint Stock Company", "Gesellschaft mit beschränkter
  Haftung", "Société par actions simplifiée"): three words or more anywhere in a name, two
  words at its edges ("Sociedad Anónima");
- forms glued to the name ("SiemensAG", "GazpromOOO", "AcmeGmbH", "OOOStroygazmontazh"):
  split off where the printed case shows the seam, a lower-case letter followed by the form
  in its own case (or the form in capitals before the name's capital and small letter), or,
  for a few letter sequences no word ends in ("gmbh", "llc", "ooo"), in any case. Ordinary
  words are never cut: "BAG", "Volkswagen", "Zinc" have no seam and end in no such sequence.

Classes come from the table (rigour's compare form: Aktiengesellschaft -> ag), then through
the hand tables, so "AG" and "Aktiengesellschaft" agree and ООО, OOO and LLC are one class.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_GENERATED = Path(__file__).resolve().parent / "data" / "legal_forms.tsv"

# Forms that may stand glued to the end of a name when the case shows the seam
# ("SiemensAG", "LuxotticaSpA"); of three letters or fewer only in capitals ("MacAo" is no
# "Mac AO") or as they are printed (_MIXED_CASE). No "SE": "iPhoneSE" is a product.
GLUED_FORMS: frozenset[str] = frozenset(
    """
    ag gmbh mbh kgaa ooo oao zao pao llc ltd inc corp plc sarl srl spa bv nv sas oy oyj kk
    jsc pjsc ojsc cjsc ohg kg lp llp sa ab as asa
    """.split()
)
# Forms that stand first in a name and may be glued to it: "OOOStroygazmontazh", "PTTelkom"
# (the form in capitals, then the name's capital and a small letter).
GLUED_AT_START: frozenset[str] = frozenset(
    "ooo oao zao pao ao pjsc ojsc cjsc jsc pt too tov".split()
)
# Letter sequences no word of a name ends in: split off glued in any case ("SIEMENSGMBH").
GLUED_ANY_CASE: tuple[str, ...] = ("gmbh", "kgaa", "pjsc", "ojsc", "cjsc", "llc", "ltd", "ooo")
_MIXED_CASE = frozenset({"SpA", "Ltd", "Inc", "Plc", "Llc", "Srl", "Oyj"})  # printed so
_MIN_NAME = 3  # letters left of a glued form: "AG" alone, "XAG" are no glued forms
_GLUED_HINT_RE = re.compile(
    r"[a-z](?:"
    + "|".join(sorted({f.upper() for f in GLUED_FORMS}, key=len, reverse=True))
    + "|"
    + "|".join(_MIXED_CASE)
    + r"|GmbH|Gmbh|KGaA|Corp|Sarl)(?![A-Za-z0-9])"
    + r"|(?i:[a-z]{3}(?:"
    + "|".join(GLUED_ANY_CASE)
    + r"))(?![A-Za-z0-9])"
    + r"|(?<![A-Za-z0-9])(?:"
    + "|".join(sorted((f.upper() for f in GLUED_AT_START), key=len, reverse=True))
    + r")[A-Z][a-z]"
)


# What every glued form needs: a seam in the case, or one of the any-case sequences.
_SEAM_RE = re.compile(r"[a-z][A-Z]|[A-Z][A-Z][a-z]")
# ASCII bytes: letters and digits kept as they are, anything else a space.
_RUN_BYTES = bytes(c if c < 128 and chr(c).isalnum() else 32 for c in range(256))
# Runs of letters and digits seen, by whether they hold a hint (those with one are few).
_RUNS_WITH: set[bytes] = set()
_RUNS_WITHOUT: set[bytes] = set()
_CACHE_LIMIT = 200_000


def may_hold_glued_form(text: str) -> bool:
    """True when an ASCII ``text`` may hold a glued legal form (a cheap test before the
    exact one, ``glued_form``): such text takes the full normalization."""
    if _SEAM_RE.search(text) is None:
        lower = text.lower()
        if not any(form in lower for form in GLUED_ANY_CASE):
            return False
    if not text.isascii():
        return _GLUED_HINT_RE.search(text) is not None
    # Every hint lies within one run of letters and digits (its lookarounds stop at the
    # run's ends): so the runs are tested one by one, each distinct one once. Supplier
    # files repeat their words, and the pattern is slow to run over a whole batch.
    runs = set(text.encode().translate(_RUN_BYTES).split())
    for run in runs.difference(_RUNS_WITHOUT, _RUNS_WITH):
        if len(_RUNS_WITHOUT) + len(_RUNS_WITH) >= _CACHE_LIMIT:
            _RUNS_WITHOUT.clear()
            _RUNS_WITH.clear()
        hinted = _GLUED_HINT_RE.search(run.decode()) is not None
        (_RUNS_WITH if hinted else _RUNS_WITHOUT).add(run)
    return not _RUNS_WITH.isdisjoint(runs)


def glued_form(printed: str) -> tuple[int, int] | None:
    """Where a legal form glued to the word ``printed`` stands in it, as (start, end):
    "SiemensAG" -> (7, 9), "OOOStroygazmontazh" -> (0, 3); None when it holds none.
    ``printed`` is the word as written, case and all, in Latin letters without accents."""
    if not printed.isalpha():
        return None
    n = len(printed)
    lower = printed.casefold()
    for form in GLUED_ANY_CASE:
        if lower.endswith(form) and n - len(form) >= _MIN_NAME:
            return n - len(form), n
    for cut in range(n - 2, _MIN_NAME - 1, -1):
        tail, before = printed[cut:], printed[cut - 1]
        if tail.casefold() not in GLUED_FORMS or not before.islower() or not tail[0].isupper():
            continue
        if len(tail) <= 3 and not tail.isupper() and tail not in _MIXED_CASE:
            continue
        return cut, n
    for form in GLUED_AT_START:
        k = len(form)
        if (
            n - k >= _MIN_NAME
            and printed[:k] == form.upper()
            and printed[k].isupper()
            and printed[k + 1].islower()
        ):
            return 0, k
    return None


@dataclass(frozen=True, slots=True)
class FormTable:
    """The generated forms as raw (folded) tokens: single words and phrases by first word."""

    singles: dict[str, str]
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    bigrams: frozenset[tuple[str, str]]
    """The first two words of every phrase: a quick test that a text may hold one."""

    def may_hold_phrase(self, raw: list[str]) -> bool:
        """True when two neighbouring words of ``raw`` begin a phrase of the table."""
        bigrams = self.bigrams
        return any((raw[i], raw[i + 1]) in bigrams for i in range(len(raw) - 1))

    def phrase_at(self, raw: list[str], i: int) -> tuple[int, str]:
        """(number of tokens, class) of the longest phrase starting at ``raw[i]``, or (0, "")."""
        for tokens, cls in self.phrases.get(raw[i], ()):
            if tuple(raw[i : i + len(tokens)]) == tokens:
                return len(tokens), cls
        return 0, ""


def read_spellings(path: Path = _GENERATED) -> list[tuple[str, str]]:
    """(spelling, class) of every line of the generated table."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        spelling, cls, _origin = line.split("\t")
        out.append((spelling, cls))
    return out


def build_table(
    spellings: Iterable[tuple[str, str]],
    raw_tokens: Callable[[str], list[str]],
    hand_class: Callable[[str], str | None],
    skip_single: Callable[[str], bool],
) -> FormTable:
    """The table of ``spellings``, each tokenized by ``raw_tokens`` as names are, its class
    mapped through the hand tables (``hand_class``); single words ``skip_single`` rejects
    (the hand tables' own words, stop words) are left to those tables."""
    singles: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for spelling, table_class in spellings:
        tokens = tuple(raw_tokens(spelling))
        if not tokens:
            continue
        cls = hand_class(table_class) or table_class
        if len(tokens) == 1:
            if not skip_single(tokens[0]):
                singles.setdefault(tokens[0], cls)
        elif all(hand_class(t) for t in tokens):
            continue  # "Pte Ltd", "Sp. z o.o.": forms of the hand tables word by word already
        elif tokens not in (p for p, _ in phrases.get(tokens[0], ())):
            phrases.setdefault(tokens[0], []).append((tokens, cls))
    ordered = {
        head: tuple(sorted(found, key=lambda p: len(p[0]), reverse=True))
        for head, found in phrases.items()
    }
    bigrams = frozenset((t[0], t[1]) for found in ordered.values() for t, _ in found)
    return FormTable(singles, ordered, bigrams)


@lru_cache(maxsize=1)
def generated_spellings() -> tuple[tuple[str, str], ...]:
    return tuple(read_spellings())
