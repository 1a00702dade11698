"""The name index kept on disk, so that a screening after the first one with the same list
data loads it (a fraction of a second) instead of building it (seconds).

One file per set of entities, named by a digest of the entities (ids, names, aliases,
country, kind, in order), the file format and the matching code; written atomically. The file
is ``_MAGIC`` (a text line), the SHA-256 of the rest, and the payload laid out as
``core.matching.mapped_index`` documents (versioned: ``INDEX_FORMAT`` here, ``LAYOUT``
there). It is read through ``mmap``: the names stay in the file, shared by every process
that maps it; the checksum of the contents is checked before anything is unpickled. Any
file that is missing, unreadable, damaged or from another version is ignored: the index is
built again and the file rewritten. The directory is the user's own, so this guards against
damage, not against tampering.
"""

from __future__ import annotations

import contextlib
import hashlib
import mmap
import pickle
import sys
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from core import __version__
from core.collector import collector_paused
from core.lists.model import Entity
from core.matching.mapped_index import payload_of, read_payload
from core.matching.matcher import EntityMatcher
from core.progress import Progress

INDEX_FORMAT = 5  # bump when the stored structures or the normalization change
_MAGIC = b"TRADESCREEN-NAME-INDEX\n"
_DIGEST_SIZE = 32
_KEEP_FILES = 2
_SUFFIX = ".index"
_SOURCES = Path(__file__).resolve().parent
# Outside core/matching, what normalization also depends on: the word tables, the script
# folding and the country table.
_MORE_SOURCES = (
    _SOURCES.parent / "vocabulary.py",
    _SOURCES.parent / "script_fold.py",
    _SOURCES / "data" / "countries.tsv",
    _SOURCES / "data" / "legal_forms.tsv",
)


def _code_version() -> bytes:
    """The app version and, in a checkout, the matching sources themselves (a frozen build
    has no sources: its version changes with every release)."""
    digest = hashlib.sha256(f"{__version__}\x00{INDEX_FORMAT}\x00{sys.byteorder}".encode())
    # OpenCC's and anyascii's tables come with the packages: another version may fold otherwise
    for package in ("opencc-python-reimplemented", "anyascii"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(metadata.version(package).encode())
    for source in [*sorted(_SOURCES.glob("*.py")), *_MORE_SOURCES]:
        try:
            digest.update(source.read_bytes())
        except OSError:
            continue
    return digest.digest()


_CODE_VERSION = _code_version()


def index_key(entities: Sequence[Entity]) -> str:
    """What the index depends on, as a hex digest: the entities in order and the code."""
    text = "\x1d".join(
        "\x1e".join((e.entity_id, e.name_en, e.name_zh, "\x1f".join(e.aliases), e.country, e.kind))
        for e in entities
    )
    return hashlib.sha256(_CODE_VERSION + text.encode("utf-8", "surrogatepass")).hexdigest()


def index_path(directory: Path, key: str) -> Path:
    return directory / f"name-index-{key[:40]}{_SUFFIX}"


def load_or_build(
    entities: Sequence[Entity], directory: Path | None, progress: Progress | None = None
) -> EntityMatcher:
    """The matcher over ``entities``: its index loaded from ``directory`` when a good copy is
    there, else built (reporting to ``progress``, which may cancel it: ``Cancelled``) and
    saved there (``None``: no file at all)."""
    if directory is None:
        return EntityMatcher(entities, progress)
    key = index_key(entities)
    path = index_path(directory, key)
    matcher = load(path, entities)
    if matcher is None:
        matcher = EntityMatcher(entities, progress)
        save(path, matcher)
    return matcher


def load(path: Path, entities: Sequence[Entity] | None = None) -> EntityMatcher | None:
    """The matcher whose index was saved at ``path`` (over ``entities``, checked when given);
    None when the file is missing or no good (never an exception). The file stays mapped
    while the matcher lives (its names are read from it)."""
    try:
        with path.open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None
    head = len(_MAGIC) + _DIGEST_SIZE
    view = memoryview(mapped)
    try:
        if mapped[: len(_MAGIC)] != _MAGIC or len(mapped) <= head:
            return None
        if hashlib.sha256(view[head:]).digest() != mapped[len(_MAGIC) : head]:
            return None
        with collector_paused():
            return EntityMatcher.from_state(read_payload(mapped, head), entities)
    except Exception:  # a damaged or foreign file means: build again
        return None
    finally:
        view.release()


def save(path: Path, matcher: EntityMatcher) -> bool:
    """Write the matcher's index to ``path`` atomically, dropping older index files of the
    directory beyond the last few; False when it cannot be written (it is only a cache)."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=".name-index-", suffix=".tmp", delete=False
        ) as handle:
            temporary = handle.name
            handle.write(_MAGIC + bytes(_DIGEST_SIZE))  # the digest, once it is known
            digest = hashlib.sha256()
            for piece in payload_of(matcher.state()):
                digest.update(piece)
                handle.write(piece)
            handle.seek(len(_MAGIC))
            handle.write(digest.digest())
        Path(temporary).replace(path)
    except (OSError, OverflowError, pickle.PicklingError, RecursionError, AttributeError):
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False
    _prune(path)
    return True


def _prune(kept: Path) -> None:
    try:
        # Files of earlier formats (name-index-*.pickle) go too.
        others = [p for p in kept.parent.glob("name-index-*.*") if p != kept]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[_KEEP_FILES - 1 :]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
