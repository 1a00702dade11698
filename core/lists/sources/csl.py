"""The US Consolidated Screening List (trade.gov): CSV and JSON.

One list per ``source`` (Entity List, SDN, MEU, ...); ``start_date`` is the listing date where
present (else the party is known listed on the file's date, derived: ``D+U``), ``end_date`` a
removal, the Federal Register notice the announcement, ``source_information_url`` the source.
``alt_names`` are ";"-separated in the CSV, an array in the JSON.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from core.errors import ListPackError
from core.lists.model import Action, Entity, ListingEvent
from core.lists.pack import ListPack
from core.lists.sources.common import (
    KINDS,
    ReleaseBuilder,
    fail,
    iso_date,
    slug,
    split_values,
    text_lines,
)

REQUIRED = ("source", "name", "alt_names")
SIGNATURE_COLUMNS = ("_id", "entity_number", "federal_register_notice", "source_list_url")
PUBLISHER = "US Consolidated Screening List"
ATTRIBUTION = "International Trade Administration, US Department of Commerce (trade.gov)"
LICENCE = "US Government work, public domain"
_UNDATED = "The file gives no start_date: known listed on the file's date, not before."


def looks_like_csl(header: list[str]) -> bool:
    return set(REQUIRED) <= set(header) and any(c in header for c in SIGNATURE_COLUMNS)


def read_csl_csv(path: Path, sha256: str, data_date: dt.date | None) -> ListPack:
    reader = csv.DictReader(text_lines(path))
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        fail(path, f"not a Consolidated Screening List file: no column {', '.join(missing)}", 1)
    records: list[tuple[int, dict[str, Any]]] = []
    try:
        for row in reader:
            if None in row:
                fail(path, "more fields than the header has", reader.line_num)
            record: dict[str, Any] = {k: (v or "").strip() for k, v in row.items()}
            record["alt_names"] = split_values(record.get("alt_names", ""))
            record["programs"] = split_values(record.get("programs", ""))
            records.append((reader.line_num, record))
    except csv.Error as exc:
        fail(path, str(exc), reader.line_num)
    return _build(path, records, sha256, data_date)


def read_csl_json(path: Path, sha256: str, data_date: dt.date | None) -> ListPack:
    try:
        with path.open(encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except UnicodeDecodeError:
        raise ListPackError(f"{path}: the text is not UTF-8 (undecodable bytes)") from None
    except (ValueError, RecursionError) as exc:
        raise ListPackError(f"{path}: not JSON: {exc}") from None
    results = data.get("results") if isinstance(data, dict) else data
    if not isinstance(results, list):
        raise ListPackError(f"{path}: not a Consolidated Screening List file (no results)")
    records = []
    for index, item in enumerate(results, start=1):
        if not isinstance(item, dict) or "name" not in item or "source" not in item:
            raise ListPackError(f"{path}: result {index}: not a CSL entry (needs name, source)")
        records.append((index, dict(item)))
    return _build(path, records, sha256, data_date)


def _build(
    path: Path,
    records: list[tuple[int, dict[str, Any]]],
    sha256: str,
    data_date: dt.date | None,
) -> ListPack:
    date = data_date or dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).date()
    builder = ReleaseBuilder(path, PUBLISHER, "csl")
    for row, rec in records:
        name = str(rec.get("name") or "").strip()
        if not name:
            fail(path, "the name is empty", row, "name")
        source = str(rec.get("source") or "").strip()
        if not source:
            fail(path, "the source is empty", row, "source")
        entity_id = "csl-" + (str(rec.get("_id") or "").strip() or slug(f"{source}-{name}"))
        builder.add_entity(
            Entity(
                entity_id=entity_id,
                name_en=name,
                aliases=tuple(a for a in _strings(rec.get("alt_names")) if a != name),
                country=_country(rec.get("addresses")),
                kind=KINDS.get(str(rec.get("type") or "").strip().lower(), "organization"),
                notes="; ".join(_strings(rec.get("programs")))[:1000],
            )
        )
        list_id = "csl-" + slug(_short_source(source))
        builder.add_list(list_id, source, "US Government", "US")
        start = iso_date(str(rec.get("start_date") or ""))
        end = iso_date(str(rec.get("end_date") or ""))
        notice = "; ".join(_strings(rec.get("federal_register_notice")))
        url = [*_strings(rec.get("source_information_url")), ""][0]
        builder.add_listing(
            ListingEvent(
                entity_id=entity_id, list_id=list_id, action=Action.ADDED,
                effective_on=start or date, announcement=notice, source_url=url,
                quality="P2" if start else "P2+D+U", note="" if start else _UNDATED,
            )
        )  # fmt: skip
        if end is not None and (start is None or end > start):
            builder.events.append(
                ListingEvent(
                    entity_id=entity_id, list_id=list_id, action=Action.REMOVED,
                    effective_on=end, announcement=notice, source_url=url, quality="P2",
                    note="end_date of the CSL entry", seq=len(builder.events),
                )
            )  # fmt: skip
    return builder.build(date, sha256, licence=LICENCE, attribution=ATTRIBUTION)


def _strings(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [str(value).strip()] if str(value).strip() else []


def _country(addresses: object) -> str:
    """The first address's country: ``country`` of a JSON address, or a CSV address's last
    comma-separated part when it is a two-letter code."""
    if isinstance(addresses, list):
        for address in addresses:
            if isinstance(address, Mapping) and str(address.get("country") or "").strip():
                return str(address["country"]).strip().upper()[:2]
        return ""
    for address in split_values(str(addresses or "")):
        last = address.rsplit(",", 1)[-1].strip()
        if re.fullmatch(r"[A-Za-z]{2}", last):
            return last.upper()
    return ""


def _short_source(source: str) -> str:
    """``Entity List (EL) - Bureau of Industry and Security`` -> ``EL``; else the source."""
    match = re.search(r"\(([A-Z0-9-]{2,12})\)", source)
    return match.group(1) if match else source


def head_text(path: Path) -> Iterator[str]:
    yield from text_lines(path)
