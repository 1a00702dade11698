"""How wide text shows in the report's font (Calibri 11), in Excel column units.

A column unit is the width of "0". Lower-case letters are narrower and capitals wider; East
Asian wide and full-width characters (Chinese) take two units. Good enough to size columns
and wrapped rows without a font engine; errs on the generous side.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata

_NARROW = frozenset(" .,;:'\"!|()[]{}-/ilIjft")
_WIDE_LATIN = frozenset("MWmw@%")
_WORD = re.compile(r"\S+\s*|\s+")
PADDING = 1.5
"""Units a cell loses to its margins."""
_CLASSES = str.maketrans(
    {
        **{chr(c): "u" for c in range(ord("A"), ord("Z") + 1)},
        **{chr(c): "l" for c in range(ord("a"), ord("z") + 1)},
        **dict.fromkeys(_WIDE_LATIN, "w"),
        **dict.fromkeys(_NARROW, "n"),
    }
)
"""ASCII letters and marks by width class; other ASCII (digits) is one unit."""


def char_units(char: str) -> float:
    if char.isascii():
        return _ascii_units(char)
    if unicodedata.combining(char):
        return 0.0
    return 2.0 if unicodedata.east_asian_width(char) in ("W", "F") else 1.0


def _ascii_units(text: str) -> float:
    """Narrow 0.6, wide 1.5, capitals 1.2, lower case 0.95, the rest (digits) 1 unit."""
    classes = text.translate(_CLASSES)
    return (
        len(text)
        - 0.4 * classes.count("n")
        + 0.5 * classes.count("w")
        + 0.2 * classes.count("u")
        - 0.05 * classes.count("l")
    )


def has_wide(text: str) -> bool:
    """True when ``text`` has Chinese (or other wide) characters, whose lines are taller."""
    return not text.isascii() and any(unicodedata.east_asian_width(c) in ("W", "F") for c in text)


def text_units(text: str) -> float:
    """Width of ``text`` on one line."""
    if text.isascii():
        return _ascii_units(text)
    return sum(char_units(c) for c in text)


@functools.lru_cache(maxsize=8192)
def widest_line(text: str) -> float:
    """Width of the widest line of ``text``."""
    return max((text_units(line) for line in text.split("\n")), default=0.0)


@functools.lru_cache(maxsize=8192)
def wrapped_lines(text: str, width: float) -> int:
    """Lines ``text`` takes when wrapped at word boundaries in a column ``width`` units wide;
    a word longer than a line (a URL, a run of Chinese) breaks anywhere."""
    usable = max(width - PADDING, 1.0)
    total = 0
    for line in text.split("\n"):
        lines, used = 1, 0.0
        for word in _WORD.findall(line):
            size = text_units(word.rstrip())
            if used and used + size > usable:
                lines, used = lines + 1, 0.0
            if size > usable:
                extra = math.ceil(size / usable) - 1
                lines += extra
                used = size - extra * usable
            else:
                used += size
            used += text_units(word[len(word.rstrip()) :])
        total += lines
    return total
