"""List packs: a versioned snapshot of list data with a manifest and per-file checksums.

A pack is a directory or a ``.zip`` holding ``manifest.json`` and CSV files in the reference
format (``lists.csv``, ``entities.csv``, ``events.csv``; ``items.csv`` is optional). The
manifest names the publisher, version and data cut-off date, optionally the data's licence and
attribution, and carries a SHA-256 for every file; its ``signature`` is an Ed25519 signature of
the publisher over the canonical manifest (``core.lists.signing``). Files are read only through
``core.lists.pack_files`` (names the format has, sizes bounded).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from core.errors import ListPackError
from core.lists.items import ITEM_COLUMNS, ControlledItem, parse_item_rows
from core.lists.model import Action, Entity, ListingEvent, RestrictionList
from core.lists.pack_files import MANIFEST, MAX_MANIFEST_BYTES, PACK_FILE_NAMES, PackFiles
from core.lists.signing import SignatureCheck, canonical_manifest_bytes, verify_manifest

PACK_FORMAT = "tradescreen-list-pack"
PACK_FORMAT_VERSION = 1
REQUIRED_FILES = ("lists.csv", "entities.csv", "events.csv")
LIST_COLUMNS = ("list_id", "name_en", "name_zh", "authority", "jurisdiction", "effect")
ENTITY_COLUMNS = ("entity_id", "kind", "name_en", "name_zh", "aliases", "country", "notes")
EVENT_COLUMNS = (
    "entity_id", "list_id", "action", "effective_on", "until", "announced_on",
    "announcement", "source_url", "quality", "note",
)  # fmt: skip
MAX_FIELD_CHARS = 1 << 20
"""The format's limit on one CSV field (an entity's aliases run to a few KiB; the csv module's
own default of 128 KiB is raised to this, and a longer field is refused with its line)."""
csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD_CHARS))


@dataclass(frozen=True)
class PackManifest:
    publisher: str
    version: str
    data_cutoff: dt.date
    created: str
    files: dict[str, str]  # file name -> sha256 hex
    description: str = ""
    signature: dict[str, str] | None = None
    licence: str = ""
    attribution: str = ""

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
            # Only when set, so the checksum of a manifest without them stays what it was.
            **({"licence": self.licence} if self.licence else {}),
            **({"attribution": self.attribution} if self.attribution else {}),
            "signature": self.signature,
        }


@dataclass(frozen=True)
class ListPack:
    manifest: PackManifest
    lists: tuple[RestrictionList, ...]
    entities: tuple[Entity, ...]
    events: tuple[ListingEvent, ...]
    source: str
    signature: SignatureCheck = field(default_factory=lambda: SignatureCheck(False))
    items: tuple[ControlledItem, ...] = ()
    """The pack's controlled items (``items.csv``, optional)."""


def read_manifest(
    path: Path,
    *,
    trusted: Mapping[str, Ed25519PublicKey] | None = None,
    allow_unsigned: bool = False,
) -> tuple[PackManifest, SignatureCheck]:
    """The pack's manifest, its signature verified (files not read or checked yet)."""
    files = PackFiles(path)
    try:
        return _verified_manifest(files, trusted, allow_unsigned)
    finally:
        files.close()


def read_pack(
    path: Path,
    *,
    trusted: Mapping[str, Ed25519PublicKey] | None = None,
    allow_unsigned: bool = False,
) -> ListPack:
    """Read and verify a pack: signature, checksums, columns, rows. Every problem is a
    ``ListPackError`` of one line naming the file (and row). ``trusted``: the publisher keys
    (default: the embedded ones); ``allow_unsigned``: accept a pack without a signature."""
    files = PackFiles(path)
    try:
        manifest, check = _verified_manifest(files, trusted, allow_unsigned)
        for name in REQUIRED_FILES:
            if name not in manifest.files:
                raise ListPackError(f"{path}: manifest lists no {name}")
        texts: dict[str, bytes] = {}
        for name, digest in manifest.files.items():
            read = files.read(name)
            if read.sha256 != digest:
                raise ListPackError(
                    f"{path}: {name} does not match its checksum in manifest.json "
                    "(the pack was changed after it was published)"
                )
            texts[name] = read.data
    finally:
        files.close()
    lists = tuple(_parse_list(r) for r in _rows(path, texts, "lists.csv", LIST_COLUMNS))
    entities = tuple(
        parse_entity_row(r) for r in _rows(path, texts, "entities.csv", ENTITY_COLUMNS)
    )
    for line, entity in enumerate(entities, start=2):
        if not entity.entity_id or not entity.name_en:
            raise ListPackError(f"{path}: entities.csv line {line}: entity_id or name_en is empty")
    events = tuple(
        _parse_event(r, seq, f"{path}: events.csv line {seq + 2}")
        for seq, r in enumerate(_rows(path, texts, "events.csv", EVENT_COLUMNS))
    )
    _check_references(str(path), lists, entities, events)
    items: tuple[ControlledItem, ...] = ()
    if "items.csv" in manifest.files:
        rows = _rows(path, texts, "items.csv", ITEM_COLUMNS)
        items = parse_item_rows(rows, f"{path}: items.csv")
    return ListPack(manifest, lists, entities, events, str(path), check, items)


def _verified_manifest(
    files: PackFiles,
    trusted: Mapping[str, Ed25519PublicKey] | None,
    allow_unsigned: bool,
) -> tuple[PackManifest, SignatureCheck]:
    raw = files.read(MANIFEST, MAX_MANIFEST_BYTES).data
    where = str(files.path)
    data = _manifest_json(raw, where)
    manifest = _parse_manifest(data, where)
    check = verify_manifest(data, where, trusted=trusted, allow_unsigned=allow_unsigned)
    return manifest, check


def _manifest_json(raw: bytes, where: str) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ListPackError(f"{where}: manifest.json is malformed: nested too deeply") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise ListPackError(f"{where}: manifest.json is malformed: {exc}") from None
    if not isinstance(data, dict):
        raise ListPackError(f"{where}: manifest.json is malformed: not a JSON object")
    return data


def _parse_manifest(data: dict[str, Any], where: str) -> PackManifest:
    try:
        if data.get("format") != PACK_FORMAT:
            raise ListPackError(f"{where}: manifest.json is not a {PACK_FORMAT} manifest")
        if int(data.get("format_version", 0)) > PACK_FORMAT_VERSION:
            raise ListPackError(
                f"{where}: pack format {data['format_version']} is newer than this app reads "
                f"({PACK_FORMAT_VERSION}); update TradeScreen"
            )
        files = {str(name): str(meta["sha256"]) for name, meta in data["files"].items()}
        for name in files:
            if name not in PACK_FILE_NAMES:
                raise ListPackError(
                    f"{where}: refused: manifest.json names {name!r}, not a file of a list pack"
                )
        signature = data.get("signature")
        return PackManifest(
            publisher=str(data["publisher"]),
            version=str(data["version"]),
            data_cutoff=dt.date.fromisoformat(data["data_cutoff"]),
            created=str(data.get("created", "")),
            files=files,
            description=str(data.get("description", "")),
            signature=dict(signature) if isinstance(signature, dict) else None,
            licence=str(data.get("licence", "")),
            attribution=str(data.get("attribution", "")),
        )
    except ListPackError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ListPackError(f"{where}: manifest.json is malformed: {exc!r}") from exc


def _rows(
    path: Path, texts: Mapping[str, bytes], name: str, columns: tuple[str, ...]
) -> list[dict[str, str]]:
    try:
        text = texts[name].decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ListPackError(f"{path}: {name} is not UTF-8: {exc}") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = []
    try:
        if tuple(reader.fieldnames or ()) != columns:
            raise ListPackError(
                f"{path}: {name} has columns {reader.fieldnames}, expected {list(columns)}"
            )
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise ListPackError(
                    f"{path}: {name} line {reader.line_num}: wrong number of fields"
                )
            rows.append({k: v.strip() for k, v in row.items()})
    except csv.Error as exc:
        raise ListPackError(
            f"{path}: {name} line {reader.line_num}: {exc} (a field may hold at most "
            f"{MAX_FIELD_CHARS:,} characters)"
        ) from None
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
