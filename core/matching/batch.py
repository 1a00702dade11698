"""Matching many supplier cells at once: each distinct name once, with every country it was
seen with (the country only nudges the score, so the candidates are worked out once per name).

The same function runs in the screening process and in the worker processes of
``core.matching.pool``, so both give the same answers by construction.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.collector import collector_paused
from core.matching.matcher import EntityMatcher, NameMatch

NameWithCountries = tuple[str, tuple[str, ...]]
"""A supplier name and the (stripped) country cells of the rows holding it; "" for none."""

Matches = dict[tuple[str, str], tuple[NameMatch, ...]]
"""(name, country) -> its matches, best first; only pairs with at least one match."""


@collector_paused()  # candidates and caches: many objects, no cycles
def match_batch(
    matcher: EntityMatcher, items: Sequence[NameWithCountries], threshold: float
) -> Matches:
    """The matches of every (name, country) of ``items`` at ``threshold``."""
    hopeful = matcher.prepare([name for name, _ in items], threshold=threshold)
    found: Matches = {}
    for name, countries in items:
        if name not in hopeful:
            continue  # no candidate whatever the country: most names
        for country in countries:
            matches = matcher.match(name, country or None, threshold=threshold)
            if matches:
                found[(name, country)] = tuple(matches)
    return found
