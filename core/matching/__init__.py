"""Name matching: normalization, candidate index, scoring and explained results."""

from core.matching.matcher import (
    DEFAULT_THRESHOLD,
    MATCHER_VERSION,
    MAX_THRESHOLD,
    MIN_THRESHOLD,
    STRONG_THRESHOLD,
    EntityMatcher,
    NameMatch,
    threshold_in_range,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "MATCHER_VERSION",
    "MAX_THRESHOLD",
    "MIN_THRESHOLD",
    "STRONG_THRESHOLD",
    "EntityMatcher",
    "NameMatch",
    "threshold_in_range",
]
