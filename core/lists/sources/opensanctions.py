"""OpenSanctions exports: ``targets.simple.csv`` and FollowTheMoney entity JSON lines.

One list per dataset (``dataset`` column; FtM: each Sanction's ``program``, else the entity's
datasets). ``first_seen``/``last_seen`` are crawl times: they never become a listing date. A
listing's ``effective_on`` is the Sanction's ``listingDate``/``startDate`` where given (FtM);
in the simple CSV, which carries no listing date, the party is known listed on the export's
date (its newest ``last_change``), marked derived and uncertain (``D+U``). Data licence: CC
BY-NC 4.0, recorded on the release.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

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

SIMPLE_REQUIRED = ("id", "schema", "name", "aliases", "countries", "dataset")
SIMPLE_COLUMNS = (
    "id", "schema", "name", "aliases", "birth_date", "countries", "addresses", "identifiers",
    "sanctions", "phones", "emails", "program_ids", "dataset", "first_seen", "last_seen",
    "last_change",
)  # fmt: skip
LICENCE = "CC BY-NC 4.0 (commercial use needs an OpenSanctions licence)"
ATTRIBUTION = "OpenSanctions, https://www.opensanctions.org/"
PUBLISHER = "OpenSanctions"
_UNDATED_NOTE = (
    "The OpenSanctions simple export gives no listing date (first_seen/last_seen are crawl "
    "times): the party is known listed on the export's date, not before."
)


def looks_like_simple_csv(header: list[str]) -> bool:
    return set(SIMPLE_REQUIRED) <= set(header)


def read_simple_csv(path: Path, sha256: str, data_date: dt.date | None) -> ListPack:
    lines = text_lines(path)
    reader = csv.DictReader(lines)
    header = reader.fieldnames or []
    missing = [c for c in SIMPLE_REQUIRED if c not in header]
    if missing:
        fail(path, f"not an OpenSanctions targets.simple.csv: no column {', '.join(missing)}", 1)
    rows: list[tuple[int, dict[str, str]]] = []
    newest: dt.date | None = None
    try:
        for row in reader:
            line = reader.line_num
            if None in row:
                fail(path, "more fields than the header has", line)
            if not (row.get("name") or "").strip():
                fail(path, "the name is empty", line, "name")
            if not (row.get("id") or "").strip():
                fail(path, "the id is empty", line, "id")
            changed = iso_date(row.get("last_change") or "") or iso_date(row.get("last_seen") or "")
            if changed and (newest is None or changed > newest):
                newest = changed
            rows.append((line, {k: (v or "") for k, v in row.items()}))
    except csv.Error as exc:
        fail(path, str(exc), reader.line_num)
    date = data_date or newest or dt.date.today()
    builder = ReleaseBuilder(path, _publisher(r["dataset"] for _, r in rows), "opensanctions")
    for _line, row in rows:
        entity = Entity(
            entity_id=row["id"].strip(),
            name_en=row["name"].strip(),
            aliases=tuple(a for a in split_values(row["aliases"]) if a != row["name"].strip()),
            country=_first_country(row["countries"]),
            kind=KINDS.get(row["schema"].strip().lower(), "organization"),
            notes=row.get("sanctions", "").strip()[:2000],
        )
        builder.add_entity(entity)
        for dataset in split_values(row["dataset"]) or ["OpenSanctions"]:
            list_id = "os-" + slug(dataset)
            builder.add_list(list_id, dataset, "OpenSanctions dataset")
            builder.add_listing(
                ListingEvent(
                    entity_id=entity.entity_id, list_id=list_id, action=Action.ADDED,
                    effective_on=date, announcement=row.get("sanctions", "").strip()[:500],
                    quality="P2+D+U", note=_UNDATED_NOTE,
                )
            )  # fmt: skip
    return builder.build(date, sha256, licence=LICENCE, attribution=ATTRIBUTION)


def read_ftm_json(path: Path, sha256: str, data_date: dt.date | None) -> ListPack:
    """FollowTheMoney entities, one JSON object a line: parties and their Sanctions."""
    parties: dict[str, Mapping[str, Any]] = {}
    sanctions: list[tuple[int, Mapping[str, Any]]] = []
    newest: dt.date | None = None
    for line, text in enumerate(text_lines(path), start=1):
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except (ValueError, RecursionError):
            fail(path, "not a JSON object (FollowTheMoney JSON lines have one per line)", line)
        if not isinstance(obj, dict) or "schema" not in obj or "id" not in obj:
            fail(path, "not a FollowTheMoney entity (needs id and schema)", line)
        seen = iso_date(str(obj.get("last_change") or obj.get("last_seen") or ""))
        if seen and (newest is None or seen > newest):
            newest = seen
        if obj["schema"] == "Sanction":
            sanctions.append((line, obj))
        elif obj["schema"] in ("Person", "Organization", "Company", "LegalEntity", "Vessel",
                               "Airplane", "PublicBody"):  # fmt: skip
            if not _prop(obj, "name"):
                fail(path, "the entity has no name", line, "properties.name")
            parties[str(obj["id"])] = obj
    date = data_date or newest or dt.date.today()
    datasets = [d for p in parties.values() for d in p.get("datasets", [])]
    builder = ReleaseBuilder(path, _publisher(datasets), "opensanctions")
    for party_id, obj in parties.items():
        names = _prop(obj, "name")
        builder.add_entity(
            Entity(
                entity_id=party_id, name_en=names[0],
                aliases=tuple(dict.fromkeys(names[1:] + _prop(obj, "alias")
                                            + _prop(obj, "previousName"))),
                country=(_prop(obj, "country") + _prop(obj, "jurisdiction") + [""])[0].upper(),
                kind=KINDS.get(str(obj["schema"]).lower(), "organization"),
            )
        )  # fmt: skip
    listed: set[str] = set()
    for _line, sanction in sanctions:
        for party_id in _prop(sanction, "entity"):
            if party_id not in parties:
                continue
            program = (_prop(sanction, "program") + _prop(sanction, "authority") + [""])[0]
            title = program or ", ".join(sanction.get("datasets", [])) or "OpenSanctions"
            list_id = "os-" + slug(title)
            builder.add_list(list_id, title, ", ".join(_prop(sanction, "authority")))
            start = _first_date(sanction, "listingDate", "startDate")
            end = _first_date(sanction, "endDate")
            builder.add_listing(
                ListingEvent(
                    entity_id=party_id, list_id=list_id, action=Action.ADDED,
                    effective_on=start or date,
                    announcement=", ".join(_prop(sanction, "reason"))[:500],
                    source_url=[*_prop(sanction, "sourceUrl"), ""][0],
                    quality="P2" if start else "P2+D+U",
                    note="" if start else _UNDATED_NOTE,
                )
            )  # fmt: skip
            if end is not None and (start is None or end > start):
                builder.events.append(
                    ListingEvent(
                        entity_id=party_id, list_id=list_id, action=Action.REMOVED,
                        effective_on=end, quality="P2", note="Sanction endDate",
                        seq=len(builder.events),
                    )
                )  # fmt: skip
            listed.add(party_id)
    for party_id, obj in parties.items():  # a party with no Sanction: on its datasets' lists
        if party_id in listed:
            continue
        for dataset in obj.get("datasets", []) or ["OpenSanctions"]:
            list_id = "os-" + slug(str(dataset))
            builder.add_list(list_id, str(dataset), "OpenSanctions dataset")
            builder.add_listing(
                ListingEvent(
                    entity_id=party_id, list_id=list_id, action=Action.ADDED,
                    effective_on=date, quality="P2+D+U", note=_UNDATED_NOTE,
                )
            )  # fmt: skip
    return builder.build(date, sha256, licence=LICENCE, attribution=ATTRIBUTION)


def first_json_line(path: Path) -> Iterator[str]:
    for text in text_lines(path):
        if text.strip():
            yield text
            return


def _prop(obj: Mapping[str, Any], name: str) -> list[str]:
    values = (obj.get("properties") or {}).get(name) or []
    return [str(v).strip() for v in values if str(v).strip()]


def _first_date(obj: Mapping[str, Any], *names: str) -> dt.date | None:
    for name in names:
        for value in _prop(obj, name):
            if (date := iso_date(value)) is not None:
                return date
    return None


def _first_country(text: str) -> str:
    countries = split_values(text)
    return countries[0].upper() if countries else ""


def _publisher(datasets: Iterator[str] | list[str]) -> str:
    """One publisher per set of datasets, so a later export of the same datasets is a new
    release of it and an export of other datasets is a publisher of its own."""
    names = sorted({d for value in datasets for d in split_values(value)})
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"{PUBLISHER}: {shown}" if shown else PUBLISHER
