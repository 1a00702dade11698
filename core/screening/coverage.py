"""Honest coverage: a list chosen for a screening that the list data cannot screen against is
named, never passed off as screened.

A list with no names in its release (the Ministry of Finance ban, whose annex of names is not
published anywhere the data could be taken from) screens nothing; a list whose names are all
persons cannot flag a company in a supplier file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from core.lists.snapshot import ListSnapshot


class CoverageGap(StrEnum):
    NO_NAMES = "no_names"
    NO_ORGANIZATIONS = "no_organizations"


@dataclass(frozen=True, slots=True)
class CoverageWarning:
    list_id: str
    title: str
    gap: CoverageGap

    @property
    def message(self) -> str:
        if self.gap is CoverageGap.NO_NAMES:
            return (
                f"{self.list_id} ({self.title}): the list data has no names for this list, so "
                "nothing was screened against it; import its names (an own list) to screen it"
            )
        return (
            f"{self.list_id} ({self.title}): the list data names only persons on this list, "
            "so no company in the file can match it"
        )

    def to_json(self) -> dict[str, Any]:
        return {"list_id": self.list_id, "gap": self.gap.value, "message": self.message}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CoverageWarning:
        return cls(str(data["list_id"]), str(data.get("title", "")), CoverageGap(data["gap"]))


def coverage_warnings(
    snapshot: ListSnapshot, list_ids: Sequence[str]
) -> tuple[CoverageWarning, ...]:
    """A warning for each of ``list_ids`` that a supplier file cannot be screened against."""
    out = []
    for list_id in list_ids:
        lst = snapshot.lists.get(list_id)
        title = lst.name_en if lst is not None else list_id
        if not snapshot.entities_on(list_id):
            out.append(CoverageWarning(list_id, title, CoverageGap.NO_NAMES))
        elif not snapshot.entities_on(list_id, "organization"):
            out.append(CoverageWarning(list_id, title, CoverageGap.NO_ORGANIZATIONS))
    return tuple(out)
