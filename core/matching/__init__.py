"""Name matching: normalization, candidate index, scoring and explained results."""

from core.matching.matcher import DEFAULT_THRESHOLD, STRONG_THRESHOLD, EntityMatcher, NameMatch

__all__ = ["DEFAULT_THRESHOLD", "STRONG_THRESHOLD", "EntityMatcher", "NameMatch"]
