"""What the list-file importers share: bounded reading, one-line errors naming file, row and
column, ids, and the release a file becomes."""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import ListPackError
from core.lists.model import Entity, ListingEvent, RestrictionList
from core.lists.pack import ListPack, PackManifest

MAX_LIST_FILE_BYTES = 1 << 30
"""A list file larger than 1 GiB is refused before it is read (an OpenSanctions full export
of every dataset is about 600 MB as CSV)."""

KINDS = {
    "person": "person", "individual": "person",
    "organization": "organization", "company": "organization", "legalentity": "organization",
    "entity": "organization", "publicbody": "organization",
    "vessel": "vessel", "airplane": "aircraft", "aircraft": "aircraft",
}  # fmt: skip


def where(path: Path, row: int | None = None, column: str | None = None) -> str:
    parts = [str(path)]
    if row is not None:
        parts.append(f"row {row}")
    if column is not None:
        parts.append(f"column {column!r}")
    return ", ".join(parts)


def fail(path: Path, problem: str, row: int | None = None, column: str | None = None) -> None:
    raise ListPackError(f"{where(path, row, column)}: {problem}")


def check_size(path: Path) -> int:
    """The file's size, refused past ``MAX_LIST_FILE_BYTES`` (before anything is read)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ListPackError(f"{path}: no such file or directory") from None
    except OSError as exc:
        raise ListPackError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not path.is_file():
        raise ListPackError(f"{path}: not a regular file")
    if size > MAX_LIST_FILE_BYTES:
        raise ListPackError(
            f"{path}: refused: {size:,} bytes, more than the {MAX_LIST_FILE_BYTES:,} a list "
            "file may have"
        )
    return size


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def text_lines(path: Path, encoding: str = "utf-8-sig") -> Iterator[str]:
    """The file's lines decoded incrementally; undecodable bytes are an error naming the row."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line = 1
    pending = ""
    with path.open("rb") as handle:
        while True:
            chunk = handle.read(1 << 20)
            try:
                text = pending + decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                row = line + bytes(exc.object[: exc.start]).count(b"\n")
                raise ListPackError(
                    f"{where(path, row)}: the text is not {encoding.removesuffix('-sig')} "
                    "(undecodable bytes); save the file as UTF-8"
                ) from None
            if not chunk:
                if text:
                    yield text
                return
            pieces = text.split("\n")
            pending = pieces.pop()
            for piece in pieces:
                line += 1
                yield piece + "\n"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return out[:60] or hashlib.sha1(text.encode()).hexdigest()[:12]


def split_values(text: str, sep: str = ";") -> list[str]:
    return [v.strip() for v in text.split(sep) if v.strip()]


def iso_date(text: str) -> dt.date | None:
    """The date at the start of ``text`` (``YYYY-MM-DD``, or a timestamp), None if there is none."""
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", text or "")
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


@dataclass
class ReleaseBuilder:
    """Collects the lists, entities and events of one file, then makes the release."""

    path: Path
    publisher: str
    kind: str
    lists: dict[str, RestrictionList] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[ListingEvent] = field(default_factory=list)
    _pairs: set[tuple[str, str]] = field(default_factory=set)

    def add_list(self, list_id: str, title: str, authority: str = "", country: str = "") -> None:
        self.lists.setdefault(list_id, RestrictionList(list_id, title, "", authority, country))

    def add_entity(self, entity: Entity) -> None:
        self.entities.setdefault(entity.entity_id, entity)

    def add_listing(self, event: ListingEvent) -> None:
        key = (event.entity_id, event.list_id)
        if key in self._pairs:
            return  # the same party twice on one list in one file: one listing
        self._pairs.add(key)
        self.events.append(_with_seq(event, len(self.events)))

    def build(
        self, data_date: dt.date, sha256: str, *, licence: str = "", attribution: str = ""
    ) -> ListPack:
        if not self.entities:
            raise ListPackError(f"{self.path}: no parties found; nothing imported")
        manifest = PackManifest(
            publisher=self.publisher,
            version=f"{data_date.isoformat()} ({sha256[:8]})",
            data_cutoff=data_date,
            created="",
            files={self.path.name: sha256},
            description=f"imported from {self.path.name} ({self.kind})",
            licence=licence,
            attribution=attribution,
        )
        return ListPack(
            manifest,
            tuple(self.lists.values()),
            tuple(self.entities.values()),
            tuple(self.events),
            str(self.path),
        )


def _with_seq(event: ListingEvent, seq: int) -> ListingEvent:
    return dataclasses.replace(event, seq=seq)


def file_date(path: Path) -> dt.date:
    """The file's modification date: the data date of a format that states none."""
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).date()
