"""List packs: verification, atomic and idempotent import, releases kept side by side."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from core.errors import Cancelled, ListPackError
from core.lists.catalog import ListCatalog
from core.lists.pack import read_pack
from core.paths import bundled_pack_dir
from core.progress import CallbackProgress
from core.store.database import Database
from core.store.models import EntityRecord, EventRecord, ListRelease


def _copy_pack(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(bundled_pack_dir(), target)
    return target


def _rewrite(pack: Path, name: str, text: str, *, version: str | None = None) -> None:
    """Change a file and re-sign its checksum, as a publisher of a new release would."""
    (pack / name).write_text(text, encoding="utf-8", newline="")
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"][name]["sha256"] = hashlib.sha256((pack / name).read_bytes()).hexdigest()
    if version:
        manifest["version"] = version
    (pack / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def _count(db: Database, model: type) -> int:
    with db.session() as s:
        return s.query(model).count()


def test_bundled_pack_reads_with_reference_counts() -> None:
    pack = read_pack(bundled_pack_dir())
    assert (len(pack.lists), len(pack.entities), len(pack.events)) == (6, 443, 667)
    assert pack.manifest.data_cutoff.isoformat() == "2026-08-22"


def test_import_is_idempotent(database_url: str) -> None:
    db = Database(database_url)
    catalog = ListCatalog(db)
    first = catalog.ensure_bundled()
    second = catalog.ensure_bundled()
    assert first is not None and first.created
    assert second is not None and not second.created
    assert _count(db, ListRelease) == 1
    assert _count(db, EntityRecord) == 443
    assert _count(db, EventRecord) == 667
    db.dispose()


def test_newer_release_keeps_the_older_one(database_url: str, tmp_path: Path) -> None:
    db = Database(database_url)
    catalog = ListCatalog(db)
    catalog.ensure_bundled()
    newer = _copy_pack(tmp_path)
    events = (newer / "events.csv").read_text(encoding="utf-8")
    line = (
        "kratos-unmanned-aerial-systems,cn-unreliable-entity,removed,2026-09-01,,2026-08-30,"
        "Test notice 1,https://example.org/1,P1,\r\n"
    )
    _rewrite(newer, "events.csv", events + line, version="2026.09.01")
    manifest = json.loads((newer / "manifest.json").read_text(encoding="utf-8"))
    manifest["data_cutoff"] = "2026-09-01"
    (newer / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    result = catalog.import_pack(newer)
    assert result.created
    releases = catalog.releases()
    assert [r.version for r in releases] == ["2026.09.01", "2026.08.22"]
    current = catalog.snapshot()
    assert len(current.events("kratos-unmanned-aerial-systems", "cn-unreliable-entity")) == 5
    older = catalog.snapshot([releases[1].release_id])
    assert len(older.events("kratos-unmanned-aerial-systems", "cn-unreliable-entity")) == 4
    db.dispose()


def test_same_version_with_other_content_is_refused(database_url: str, tmp_path: Path) -> None:
    db = Database(database_url)
    catalog = ListCatalog(db)
    catalog.ensure_bundled()
    changed = _copy_pack(tmp_path)
    text = (changed / "entities.csv").read_text(encoding="utf-8").replace("Lockheed", "Lockhead")
    _rewrite(changed, "entities.csv", text)
    with pytest.raises(ListPackError, match="needs a new version number"):
        catalog.import_pack(changed)
    db.dispose()


def test_tampered_file_is_refused(tmp_path: Path) -> None:
    pack = _copy_pack(tmp_path)
    with (pack / "entities.csv").open("a", encoding="utf-8") as f:
        f.write("x")
    with pytest.raises(ListPackError, match=r"entities\.csv does not match its checksum"):
        read_pack(pack)


def test_broken_row_names_file_and_line(tmp_path: Path) -> None:
    pack = _copy_pack(tmp_path)
    text = (pack / "events.csv").read_text(encoding="utf-8")
    text = text.replace(",added,2025-04-04,", ",added,2025-04-31,", 1)
    _rewrite(pack, "events.csv", text, version="broken")
    with pytest.raises(ListPackError, match=r"events\.csv line \d+: effective_on '2025-04-31'"):
        read_pack(pack)


def test_zip_pack_imports(tmp_path: Path) -> None:
    archive = tmp_path / "lists.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in bundled_pack_dir().iterdir():
            zf.write(f, f"release/{f.name}")
    assert len(read_pack(archive).entities) == 443


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such file"), (b"not a zip", "not a list pack"), (b"", "not a list pack")],
)
def test_not_a_pack(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "pack.zip"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ListPackError, match=message):
        read_pack(path)


def test_cancelled_import_leaves_nothing(database_url: str) -> None:
    db = Database(database_url)
    progress = CallbackProgress()

    def cancel_while_storing(done: int, total: int, label: str) -> None:
        if label == "Storing list data":
            progress.cancel()

    progress._callback = cancel_while_storing
    with pytest.raises(Cancelled):
        ListCatalog(db).import_pack(bundled_pack_dir(), progress=progress)
    assert _count(db, ListRelease) == 0
    assert _count(db, EventRecord) == 0
    db.dispose()
