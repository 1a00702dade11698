"""List packs: a versioned snapshot of list data with a manifest and per-file checksums.

A pack is a directory or a ``.zip`` holding ``manifest.json`` and CSV files in the reference
format (``lists.csv``, ``entities.csv``, ``events.csv``; ``items.csv`` is optional). The
manifest names the publisher, version and data cut-off date and carries a SHA-256 for every
file. ``signature`` is reserved: a publisher can later sign the canonical manifest (the manifest
without its ``signature`` field, serialized by ``canonical_manifest_bytes``).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import ListPackError
from core.lists.items import ITEM_COLUMNS, ControlledItem, parse_item_rows
from core.lists.model import Action, Entity, ListingEvent, RestrictionList

PACK_FORMAT = "tradescreen-list-pack"
PACK_FORMAT_VERSION = 1
REQUIRED_FILES = ("lists.csv", "entities.csv", "events.csv")
LIST_COLUMNS = ("list_id", "name_en", "name_zh", "authority", "jurisdiction", "effect")
ENTITY_COLUMNS = ("entity_id", "kind", "name_en", "name_zh", "aliases", "country", "notes")
EVENT_COLUMNS = (
    "entity_id", "list_id", "action", "effective_on", "until", "announced_on",
    "announcement", "source_url", "quality", "note",
)  # fmt: skip


@dataclass(frozen=True)
class PackManifest:
    publisher: str
    version: str
    data_cutoff: dt.date
    created: str
    files: dict[str, str]  # file name -> sha256 hex
    description: str = ""
    signature: str | None = None

    @property
    def checksum(self) -> str:
        """SHA-256 of the canonical manifest: identifies the release's whole content."""
        return hashlib.sha256(canonical_manifest_bytes(self.as_json())).hexdigest()

    def as_json(self) -> dict[str, Any]:
        return {
            "format": PACK_FORMAT,
            "format_version": PACK_FORMAT_VERSION,
            "publisher": self.publisher,
            "version": self.version,
            "data_cutoff": self.data_cutoff.isoformat(),
            "created": self.created,
            "description": self.description,
            "files": {name: {"sha256": digest} for name, digest in sorted(self.files.items())},
            "signature": self.signature,
        }


@dataclass(frozen=True)
class ListPack:
    manifest: PackManifest
    lists: tuple[RestrictionList, ...]
    entities: tuple[Entity, ...]
    events: tuple[ListingEvent, ...]
    source: str
    items: tuple[ControlledItem, ...] = ()
    """The pack's controlled items (``items.csv``, optional)."""


def canonical_manifest_bytes(manifest: dict[str, Any]) -> bytes:
    """The bytes a signature covers: the manifest without ``signature``, keys sorted."""
    body = {k: v for k, v in manifest.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def read_pack(path: Path) -> ListPack:
    """Read and verify a pack. Every problem is a ``ListPackError`` naming the file and row."""
    files = _PackFiles(path)
    manifest = _parse_manifest(files.read("manifest.json"), str(path))
    for name in REQUIRED_FILES:
        if name not in manifest.files:
            raise ListPackError(f"{path}: manifest lists no {name}")
    for name, digest in manifest.files.items():
        actual = hashlib.sha256(files.read(name)).hexdigest()
        if actual != digest:
            raise ListPackError(
                f"{path}: {name} does not match its checksum in manifest.json "
                "(the pack was changed after it was published)"
            )
    lists = tuple(_parse_list(r) for r in _rows(files, "lists.csv", LIST_COLUMNS))
    entities = tuple(parse_entity_row(r) for r in _rows(files, "entities.csv", ENTITY_COLUMNS))
    events = tuple(
        _parse_event(r, seq, f"{path}: events.csv line {seq + 2}")
        for seq, r in enumerate(_rows(files, "events.csv", EVENT_COLUMNS))
    )
    _check_references(str(path), lists, entities, events)
    items: tuple[ControlledItem, ...] = ()
    if "items.csv" in manifest.files:
        items = parse_item_rows(_rows(files, "items.csv", ITEM_COLUMNS), f"{path}: items.csv")
    return ListPack(manifest, lists, entities, events, str(path), items)


class _PackFiles:
    """Uniform access to the files of a pack directory or zip."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.exists():
            raise ListPackError(f"{path}: no such file or directory")
        self._zip: zipfile.ZipFile | None = None
        self._prefix = ""
        if path.is_file():
            try:
                self._zip = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, OSError) as exc:
                raise ListPackError(
                    f"{path}: not a list pack (a directory or .zip): {exc}"
                ) from exc
            manifests = [n for n in self._zip.namelist() if n.endswith("manifest.json")]
            if not manifests:
                raise ListPackError(f"{path}: not a list pack: no manifest.json inside")
            self._prefix = min(manifests, key=len)[: -len("manifest.json")]

    def read(self, name: str) -> bytes:
        try:
            if self._zip is not None:
                return self._zip.read(self._prefix + name)
            return (self.path / name).read_bytes()
        except (KeyError, FileNotFoundError) as exc:
            raise ListPackError(f"{self.path}: missing {name}") from exc
        except OSError as exc:
            raise ListPackError(f"{self.path}: cannot read {name}: {exc}") from exc


def _parse_manifest(raw: bytes, where: str) -> PackManifest:
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != PACK_FORMAT:
            raise ListPackError(f"{where}: manifest.json is not a {PACK_FORMAT} manifest")
        if int(data.get("format_version", 0)) > PACK_FORMAT_VERSION:
            raise ListPackError(
                f"{where}: pack format {data['format_version']} is newer than this app reads "
                f"({PACK_FORMAT_VERSION}); update TradeScreen"
            )
        files = {name: str(meta["sha256"]) for name, meta in data["files"].items()}
        return PackManifest(
            publisher=str(data["publisher"]),
            version=str(data["version"]),
            data_cutoff=dt.date.fromisoformat(data["data_cutoff"]),
            created=str(data.get("created", "")),
            files=files,
            description=str(data.get("description", "")),
            signature=data.get("signature"),
        )
    except ListPackError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ListPackError(f"{where}: manifest.json is malformed: {exc}") from exc


def _rows(files: _PackFiles, name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        text = files.read(name).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ListPackError(f"{files.path}: {name} is not UTF-8: {exc}") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if tuple(reader.fieldnames or ()) != columns:
        raise ListPackError(
            f"{files.path}: {name} has columns {reader.fieldnames}, expected {list(columns)}"
        )
    rows = []
    for line, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ListPackError(f"{files.path}: {name} line {line}: wrong number of fields")
        rows.append({k: v.strip() for k, v in row.items()})
    return rows


def _parse_list(row: dict[str, str]) -> RestrictionList:
    return RestrictionList(
        row["list_id"], row["name_en"], row["name_zh"], row["authority"], row["jurisdiction"],
        row["effect"],
    )  # fmt: skip


def parse_entity_row(row: Mapping[str, str]) -> Entity:
    """An entity from one row of an ``entities.csv`` in the reference format (``ENTITY_COLUMNS``).

    The one reading of that row, for list packs, the matching benchmark and the tests:
    values are stripped, ``aliases`` are "|"-separated, an empty ``kind`` is an organization,
    and optional columns a file lacks (all but ``entity_id`` and ``name_en``) are empty."""

    def value(column: str) -> str:
        return (row.get(column) or "").strip()

    return Entity(
        entity_id=row["entity_id"].strip(), name_en=row["name_en"].strip(),
        name_zh=value("name_zh"),
        aliases=tuple(a.strip() for a in value("aliases").split("|") if a.strip()),
        country=value("country"), kind=value("kind") or "organization", notes=value("notes"),
    )  # fmt: skip


def read_entities_csv(path: Path) -> list[Entity]:
    """The entities of an ``entities.csv`` file in the reference format (UTF-8, BOM or not),
    read with ``parse_entity_row``; no checks beyond that (a list pack checks more)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [parse_entity_row(row) for row in csv.DictReader(handle)]


def _date(value: str, where: str, column: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ListPackError(f"{where}: {column} {value!r} is not a YYYY-MM-DD date") from exc


def _parse_event(row: dict[str, str], seq: int, where: str) -> ListingEvent:
    try:
        action = Action(row["action"])
    except ValueError as exc:
        raise ListPackError(f"{where}: unknown action {row['action']!r}") from exc
    effective_on = _date(row["effective_on"], where, "effective_on")
    if effective_on is None:
        raise ListPackError(f"{where}: effective_on is empty")
    until = _date(row["until"], where, "until")
    if until is not None and (action is not Action.SUSPENDED or until <= effective_on):
        raise ListPackError(f"{where}: until {until} only fits a suspension ending after it starts")
    return ListingEvent(
        entity_id=row["entity_id"], list_id=row["list_id"], action=action,
        effective_on=effective_on, until=until,
        announced_on=_date(row["announced_on"], where, "announced_on"),
        announcement=row["announcement"], source_url=row["source_url"],
        quality=row["quality"], note=row["note"], seq=seq,
    )  # fmt: skip


def _check_references(
    where: str,
    lists: tuple[RestrictionList, ...],
    entities: tuple[Entity, ...],
    events: tuple[ListingEvent, ...],
) -> None:
    list_ids = {lst.list_id for lst in lists}
    entity_ids = [e.entity_id for e in entities]
    if len(list_ids) != len(lists):
        raise ListPackError(f"{where}: lists.csv repeats a list_id")
    if len(set(entity_ids)) != len(entity_ids):
        raise ListPackError(f"{where}: entities.csv repeats an entity_id")
    known = set(entity_ids)
    for event in events:
        line = event.seq + 2
        if event.entity_id not in known:
            raise ListPackError(
                f"{where}: events.csv line {line}: unknown entity {event.entity_id}"
            )
        if event.list_id not in list_ids:
            raise ListPackError(f"{where}: events.csv line {line}: unknown list {event.list_id}")
