"""The ``--json`` document of a screening (design.md, "Command line"): stable field names."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from core.screening.result import ListingHit, ScreeningResult


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def hit_to_json(hit: ListingHit) -> dict[str, Any]:
    return {
        "row": hit.row,
        "sheet": hit.sheet,
        "supplier_name": hit.supplier_name,
        "supplier_country": hit.supplier_country or None,
        "entity_id": hit.entity_id,
        "entity_name": hit.entity_name,
        "entity_name_zh": hit.entity_name_zh or None,
        "matched_name": hit.matched_name,
        "score": hit.score,
        "band": hit.band,
        "reasons": list(hit.reasons),
        "list_id": hit.list_id,
        "status": hit.status.value,
        "since": _day(hit.since),
        "until": _day(hit.until),
        "suspended_since": _day(hit.suspended_since),
        "announcement": hit.announcement,
        "source_url": hit.source_url,
        "upcoming": list(hit.upcoming),
        "decision": hit.decision,
        "decision_note": hit.decision_note or None,
        "decided_by": hit.decided_by or None,
        "cleared_before": _prior(hit),
    }


def _prior(hit: ListingHit) -> dict[str, Any] | None:
    prior = hit.prior
    if prior is None:
        return None
    return {
        "decision": prior.decision,
        "by": prior.decided_by,
        "at": prior.decided_at.isoformat(timespec="seconds"),
        "note": prior.note,
        "run_id": prior.run_id,
        "applies": prior.applies,
        "listing_changes": list(prior.changes),
    }


def result_to_json(result: ScreeningResult) -> dict[str, Any]:
    """Everything a script needs; ``hits`` holds one object per row x entity x list."""
    return {
        "as_of": result.as_of.isoformat(),
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
        "warnings": [w.message for w in result.freshness],
        "hits": [hit_to_json(h) for h in result.hits],
    }


def write_json(result: ScreeningResult, path: Path) -> None:
    text = json.dumps(result_to_json(result), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")
