"""A list file or pack read for import, before anything is stored: what the import dialog
shows (format, counts, licence, signature, a sample of the parties) and then imports."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from core.errors import ListPackError
from core.lists.catalog import ImportOrigin, ImportResult, ListCatalog
from core.lists.pack import ListPack, read_pack
from core.lists.sources import Detected, detect_format, read_list_file
from core.lists.sources.own_list import ColumnChoice, OwnListOptions, choose_columns, rows_of
from core.progress import NullProgress, Progress, check_cancelled


@dataclass(frozen=True)
class SampleParty:
    name: str
    kind: str
    country: str
    lists: tuple[str, ...]


@dataclass(frozen=True)
class FileReading:
    path: Path
    format: str
    variant: str
    pack: ListPack

    @property
    def signed(self) -> bool:
        return self.pack.signature.signed

    def sample(self, limit: int = 50) -> list[SampleParty]:
        """The first ``limit`` parties with the lists they are on."""
        lists: dict[str, list[str]] = {}
        for event in self.pack.events:
            lists.setdefault(event.entity_id, [])
            if event.list_id not in lists[event.entity_id]:
                lists[event.entity_id].append(event.list_id)
        return [
            SampleParty(e.name_en, e.kind, e.country, tuple(lists.get(e.entity_id, ())))
            for e in self.pack.entities[:limit]
        ]


def read_for_import(
    path: Path,
    fmt: str | None = None,
    *,
    own: OwnListOptions | None = None,
    data_date: dt.date | None = None,
    progress: Progress | None = None,
) -> FileReading:
    """Read (and check) a pack or list file; a pack unsigned or signed is read either way, so
    the dialog can say which; importing it checks again."""
    progress = progress or NullProgress()
    progress.report(0, 2, "Reading list file")
    if path.name == "manifest.json":
        path = path.parent
    detected = detect_format(path)
    chosen = fmt or detected.format
    if chosen == "pack":
        pack = read_pack(path, allow_unsigned=True)
    else:
        pack, chosen = read_list_file(path, chosen, own=own, data_date=data_date)
    check_cancelled(progress)
    progress.report(2, 2, "List file read")
    return FileReading(path, chosen, detected.variant, pack)


def import_reading(
    catalog: ListCatalog,
    reading: FileReading,
    *,
    allow_unsigned: bool = False,
    progress: Progress | None = None,
    actor: str | None = None,
) -> ImportResult:
    """Store what was read: a pack through its signature check again, a list file as a
    release (compared with its publisher's previous one)."""
    if reading.format == "pack":
        return catalog.import_pack(
            reading.path, allow_unsigned=allow_unsigned, progress=progress, actor=actor
        )
    origin = ImportOrigin(kind=reading.format, source=str(reading.path))
    return catalog.import_release(reading.pack, origin, progress=progress, actor=actor)


def own_list_columns(path: Path) -> tuple[list[str], ColumnChoice | None]:
    """The header of an own-list file and the columns detected in it (None: no name column)."""
    header = [h.strip() for h in next(rows_of(path), [])]
    try:
        return header, choose_columns(header, OwnListOptions("x", "x"), path)
    except ListPackError:  # no name column: the user chooses
        return header, None


__all__ = ["Detected", "FileReading", "SampleParty", "import_reading", "read_for_import"]
