"""The ``--json`` document of a screening (design.md, "Command line"): stable field names."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from core.matching import MATCHER_VERSION
from core.screening import hit_values
from core.screening.item_hits import ItemHit
from core.screening.result import ListingHit, PriorDecision, ScreeningResult

FORMAT_VERSION = 1
"""Of the --json documents (docs/screening-result.schema.json): bumped when a field is removed
or changes meaning; fields may be added within a version."""

_EMPTY_AS_NULL = ("supplier_country", "entity_name_zh", "decision_note", "decided_by")
"""Text fields written as null when empty (the published format had them so)."""


def hit_to_json(hit: ListingHit) -> dict[str, Any]:
    """Every field of the hit (``hit_values``); reasons and event lines twice: as the English
    sentences scripts have read since the first version, and as data (``*_detail``)."""
    out = hit_values.hit_to_values(hit)
    for name in _EMPTY_AS_NULL:
        out[name] = out[name] or None
    out["reasons"] = [r.english() for r in hit.reasons]
    out["reasons_detail"] = [r.to_json() for r in hit.reasons]
    out["upcoming"] = [e.english(with_list=False) for e in hit.upcoming]
    out["upcoming_detail"] = [e.to_json() for e in hit.upcoming]
    del out["prior"]
    out["cleared_before"] = _prior(hit.prior)
    return out


def item_hit_to_json(hit: ItemHit) -> dict[str, Any]:
    """Every field of an item hit (design.md ``item_hits``)."""
    return hit_values.ITEM_HIT_CODEC.encode(hit)


def hit_json_fields() -> list[str]:
    """The keys of every ``hit_to_json`` object, in its order (a CSV header without a hit)."""
    names = [f.name for f in dataclasses.fields(ListingHit) if f.name != "prior"]
    return [*names, "reasons_detail", "upcoming_detail", "cleared_before"]


def hit_from_json(data: dict[str, Any]) -> ListingHit:
    """The hit a ``hit_to_json`` object describes (a stored JSON result read back)."""
    values = dict(data)
    for name in _EMPTY_AS_NULL:
        values[name] = values.get(name) or ""
    values["reasons"] = values.pop("reasons_detail")
    values["upcoming"] = values.pop("upcoming_detail")
    prior = values.pop("cleared_before")
    values["prior"] = (
        None
        if prior is None
        else {
            "decision": prior["decision"],
            "note": prior["note"],
            "decided_by": prior["by"],
            "decided_at": prior["at"],
            "run_id": prior["run_id"],
            "applies": prior["applies"],
            "changes": prior["listing_changes_detail"],
        }
    )
    return hit_values.hit_from_values(values)


def _prior(prior: PriorDecision | None) -> dict[str, Any] | None:
    if prior is None:
        return None
    return {
        "decision": prior.decision.value,
        "by": prior.decided_by,
        "at": prior.decided_at.isoformat(timespec="seconds"),
        "note": prior.note,
        "run_id": prior.run_id,
        "applies": prior.applies,
        "listing_changes": [c.english() for c in prior.changes],
        "listing_changes_detail": [c.to_json() for c in prior.changes],
    }


def result_to_json(result: ScreeningResult) -> dict[str, Any]:
    """Everything a script needs; ``hits`` holds one object per row x entity x list."""
    return {
        "format_version": FORMAT_VERSION,
        "app_version": result.app_version,
        "matcher_version": MATCHER_VERSION,
        "as_of": result.as_of.isoformat(),
        "known_on": result.known_on.isoformat() if result.known_on else None,
        "input": result.input_name,
        "input_sha256": result.input_sha256,
        "rows_screened": result.rows_screened,
        "run_id": result.run_id,
        "threshold": result.threshold,
        "lists": list(result.list_ids),
        "sheets": [
            {
                "sheet": s.sheet,
                "header_row": s.header_row,
                "name_column": s.headers[s.name_column] if s.headers else None,
                "country_column": (
                    s.headers[s.country_column] if s.country_column is not None else None
                ),
                "rows_screened": s.rows_screened,
            }
            for s in result.sheets
        ],
        "releases": [
            {
                "publisher": r.publisher,
                "version": r.version,
                "data_cutoff": r.data_cutoff.isoformat(),
                "sha256": r.checksum,
            }
            for r in result.releases
        ],
        "warnings": [w.message for w in result.freshness] + [w.message for w in result.coverage],
        "coverage_warnings": [w.to_json() for w in result.coverage],
        "hits": [hit_to_json(h) for h in result.hits],
        "item_hits": [item_hit_to_json(h) for h in result.item_hits],
    }


@dataclasses.dataclass(frozen=True)
class Streamed(Iterable[Any]):
    """A list of a JSON document made item by item as it is written (``write_json`` of
    ``core.cli.output``): the hits of a screening where every row hits are never one list."""

    items: Callable[[], Iterator[Any]]

    def __iter__(self) -> Iterator[Any]:
        return self.items()


def result_to_streamed_json(result: ScreeningResult) -> dict[str, Any]:
    """``result_to_json`` with its hits ``Streamed``: the same document, written hit by hit."""
    document = result_to_json(dataclasses.replace(result, hits=()))
    document["hits"] = Streamed(lambda: map(hit_to_json, result.hits))
    return document


def write_json(result: ScreeningResult, path: Path) -> None:
    text = json.dumps(result_to_json(result), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
