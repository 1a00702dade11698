"""Folding of Chinese and Japanese character forms to one form, before names are compared.

A supplier in Taiwan or Hong Kong writes a listed company in Traditional characters
(洛克希德·馬丁公司), a Japanese file in shinjitai (気, 広, 鉄); the lists print most names in
Simplified characters. Both sides are folded character by character to Simplified Chinese:

1. regional variants to OpenCC's standard Traditional form (Taiwan's 偽 and Hong Kong's 衞
   are OpenCC's 僞 and 衛: TWVariants / HKVariants read backwards);
2. Traditional to Simplified (TSCharacters, the first reading of a character with several);
3. Japanese shinjitai to the Traditional form they stand for, then to Simplified
   (JPVariants read backwards), only for shinjitai that are not themselves characters of
   Chinese text (芸 is the shinjitai of 藝 but also a Chinese character of its own, so it
   stays) and that stand for one Traditional character (弁 stands for 辨, 辯 and 瓣: kept).

The tables are OpenCC's, read from ``opencc-python-reimplemented`` (Apache-2.0, pure Python:
the same files on Windows, macOS and Linux). Character folding and not phrase conversion:
matching needs one form per character on both sides, not good Simplified prose, and a
character table keeps positions one to one (for highlighting the supplier's own text).

``fold_script(fold_script(x)) == fold_script(x)`` for every text. Other scripts (Cyrillic,
Arabic, ... transliteration) are not handled here: they belong beside this module.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

_PACKAGE = "opencc"


@lru_cache(maxsize=1)
def _dictionaries() -> Path:
    """OpenCC's dictionary folder, found without importing the package (its converter is not
    used: importing it would cost every process start for nothing)."""
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("opencc-python-reimplemented is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "dictionary"


def _read_table(name: str) -> list[tuple[str, list[str]]]:
    """(key, readings) of one OpenCC dictionary file: ``key<TAB>reading reading...``."""
    text = (_dictionaries() / name).read_text("utf-8")
    out = []
    for line in text.splitlines():
        key, _, values = line.partition("\t")
        if len(key) == 1 and values:
            out.append((key, values.split()))
    return out


def _single(readings: list[str]) -> list[str]:
    return [r for r in readings if len(r) == 1]


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    """The character map (for ``str.translate``): every folded character to its final form."""
    to_simplified: dict[str, str] = {}
    for key, readings in _read_table("TSCharacters.txt"):
        first = _single(readings)
        if first and first[0] != key:
            to_simplified[key] = first[0]
    simplified_chars = {k for k, _ in _read_table("STCharacters.txt")}
    table: dict[str, str] = dict(to_simplified)
    for name in ("TWVariants.txt", "HKVariants.txt"):
        for standard, readings in _read_table(name):
            for variant in _single(readings):
                if variant != standard:
                    table.setdefault(variant, to_simplified.get(standard, standard))
    shinjitai: dict[str, set[str]] = {}
    for traditional, readings in _read_table("JPVariants.txt"):
        for variant in _single(readings):
            if variant != traditional:
                shinjitai.setdefault(variant, set()).add(traditional)
    for variant, sources in shinjitai.items():
        if len(sources) != 1 or variant in table or variant in simplified_chars:
            continue
        (traditional,) = sources
        table[variant] = to_simplified.get(traditional, traditional)
    # Resolve chains (a -> b -> c) so that one pass folds to the fixed point.
    resolved: dict[int, str] = {}
    for key, value in table.items():
        seen = {key}
        while value in table and value not in seen:
            seen.add(value)
            value = table[value]
        if value != key:
            resolved[ord(key)] = value
    return resolved


def fold_script(text: str) -> str:
    """``text`` with Traditional, regional-variant and shinjitai characters in their
    Simplified form; every other character as it was (same length, same positions)."""
    return text.translate(fold_table())


def folded_characters(text: str) -> list[tuple[str, str]]:
    """The characters of ``text`` that folding changes, each with its folded form, in order
    and without repeats: ("馬", "马")."""
    table = fold_table()
    out: dict[str, str] = {}
    for ch in text:
        folded = table.get(ord(ch))
        if folded is not None:
            out.setdefault(ch, folded)
    return list(out.items())
