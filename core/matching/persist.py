"""The name index kept on disk, so that a screening after the first one with the same list
data loads it (a fraction of a second) instead of building it (seconds).

One file per set of entities, named by a digest of the entities (ids, names, aliases,
country, kind, in order), the file format and the matching code; written atomically; a
checksum of the contents is checked before anything is unpickled. Any file that is
missing, unreadable, damaged or from another version is ignored: the index is built again
and the file rewritten. The directory is the user's own, so this guards against damage,
not against tampering.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from core import __version__
from core.collector import collector_paused
from core.lists.model import Entity
from core.matching.matcher import EntityMatcher
from core.progress import Progress

INDEX_FORMAT = 4  # bump when the pickled structures or the normalization change
_MAGIC = b"TRADESCREEN-NAME-INDEX\n"
_DIGEST_SIZE = 32
_KEEP_FILES = 2
_SOURCES = Path(__file__).resolve().parent
# Outside core/matching, what normalization also depends on: the word tables, the script
# folding and the country table.
_MORE_SOURCES = (
    _SOURCES.parent / "vocabulary.py",
    _SOURCES.parent / "script_fold.py",
    _SOURCES / "data" / "countries.tsv",
)


def _code_version() -> bytes:
    """The app version and, in a checkout, the matching sources themselves (a frozen build
    has no sources: its version changes with every release)."""
    digest = hashlib.sha256(f"{__version__}\x00{INDEX_FORMAT}".encode())
    # OpenCC's tables come with the package: another version may fold otherwise
    with contextlib.suppress(metadata.PackageNotFoundError):
        digest.update(metadata.version("opencc-python-reimplemented").encode())
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
    return directory / f"name-index-{key[:40]}.pickle"


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
    None when the file is missing or no good (never an exception)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC) + _DIGEST_SIZE
    if not data.startswith(_MAGIC) or len(data) <= head:
        return None
    payload = memoryview(data)[head:]
    if hashlib.sha256(payload).digest() != data[len(_MAGIC) : head]:
        return None
    try:
        with collector_paused():
            return EntityMatcher.from_state(pickle.loads(payload), entities)
    except Exception:  # a damaged or foreign file means: build again
        return None


def save(path: Path, matcher: EntityMatcher) -> bool:
    """Write the matcher's index to ``path`` atomically, dropping older index files of the
    directory beyond the last few; False when it cannot be written (it is only a cache)."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps(matcher.state(), protocol=pickle.HIGHEST_PROTOCOL)
        with tempfile.NamedTemporaryFile(
            dir=path.parent, prefix=".name-index-", suffix=".tmp", delete=False
        ) as handle:
            temporary = handle.name
            handle.write(_MAGIC + hashlib.sha256(payload).digest())
            handle.write(payload)
        Path(temporary).replace(path)
    except (OSError, pickle.PicklingError, RecursionError):
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False
    _prune(path)
    return True


def _prune(kept: Path) -> None:
    try:
        others = [p for p in kept.parent.glob("name-index-*.pickle") if p != kept]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[_KEEP_FILES - 1 :]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
