"""List packs: signature, verification, atomic and idempotent import, releases side by side."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from core.cli import main
from core.errors import Cancelled, ListPackError
from core.lists import pack_files
from core.lists.catalog import ListCatalog
from core.lists.pack import read_pack
from core.paths import bundled_pack_dir, bundled_pack_dirs
from core.progress import CallbackProgress
from core.store.audit import AuditLog
from core.store.database import Database
from core.store.models import EntityRecord, EventRecord, ListRelease
from tests.support.packs import TEST_TRUSTED, copy_bundled, manifest_of, rewrite, write_manifest


def _count(db: Database, model: type) -> int:
    with db.session() as s:
        return s.query(model).count()


def test_both_bundled_releases_read_with_reference_counts() -> None:
    older, newer = (read_pack(p) for p in bundled_pack_dirs())
    assert (len(older.lists), len(older.entities), len(older.events)) == (6, 443, 667)
    assert (len(newer.lists), len(newer.entities), len(newer.events)) == (6, 621, 919)
    assert older.manifest.version == "2026.08.22" and newer.manifest.version == "2026.12.04"
    assert newer.signature.signed and older.signature.signed
    assert "CC BY-NC 4.0" in newer.manifest.licence


def test_embedded_key_is_the_publisher_key() -> None:
    shared = Path(__file__).resolve().parents[4] / "shared" / "keys"
    if not (shared / "publisher-ed25519.pub.pem").exists():
        pytest.skip("../shared/keys is not beside this checkout")
    from core.lists.signing import TRADESCREEN_PUBLISHER_KEY

    assert (shared / "publisher-ed25519.pub.pem").read_bytes().strip() == (
        TRADESCREEN_PUBLISHER_KEY.strip()
    )


def test_import_is_idempotent(database_url: str) -> None:
    db = Database(database_url)
    catalog = ListCatalog(db)
    first = catalog.ensure_bundled()
    second = catalog.ensure_bundled()
    assert first is not None and first.created
    assert second is not None and not second.created
    assert _count(db, ListRelease) == 2
    assert _count(db, EntityRecord) == 443 + 621
    assert _count(db, EventRecord) == 667 + 919
    assert [r.version for r in catalog.releases()] == ["2026.12.04", "2026.08.22"]
    current = catalog.snapshot()
    assert len(current.entities) == 621
    older = catalog.snapshot([catalog.releases()[1].release_id])
    assert len(older.entities) == 443  # the older release's data is kept intact
    db.dispose()


def test_newer_release_keeps_the_older_one(database_url: str, tmp_path: Path) -> None:
    db = Database(database_url)
    catalog = ListCatalog(db, trusted=TEST_TRUSTED)
    catalog.ensure_bundled()
    newer = copy_bundled(tmp_path / "pack")
    events = (newer / "events.csv").read_text(encoding="utf-8")
    line = (
        "kratos-unmanned-aerial-systems,cn-unreliable-entity,removed,2026-09-01,,2026-08-30,"
        "Test notice 1,https://example.org/1,P1,\r\n"
    )
    rewrite(newer, "events.csv", events + line, version="2026.09.01", cutoff="2026-09-01")

    result = catalog.import_pack(newer)
    assert result.created
    releases = catalog.releases()
    assert [r.version for r in releases] == ["2026.09.01", "2026.12.04", "2026.08.22"]
    current = catalog.snapshot()
    assert len(current.events("kratos-unmanned-aerial-systems", "cn-unreliable-entity")) == 5
    older = catalog.snapshot([releases[1].release_id])
    assert len(older.events("kratos-unmanned-aerial-systems", "cn-unreliable-entity")) == 4
    db.dispose()


def test_same_version_with_other_content_is_refused(database_url: str, tmp_path: Path) -> None:
    db = Database(database_url)
    catalog = ListCatalog(db, trusted=TEST_TRUSTED)
    catalog.ensure_bundled()
    changed = copy_bundled(tmp_path / "pack")
    text = (changed / "entities.csv").read_text(encoding="utf-8").replace("Lockheed", "Lockhead")
    rewrite(changed, "entities.csv", text)
    with pytest.raises(ListPackError, match="needs a new version number"):
        catalog.import_pack(changed)
    db.dispose()


def test_tampered_file_is_refused(tmp_path: Path) -> None:
    pack = copy_bundled(tmp_path / "pack")
    with (pack / "entities.csv").open("a", encoding="utf-8") as f:
        f.write("x")
    with pytest.raises(ListPackError, match=r"entities\.csv does not match its checksum"):
        read_pack(pack)


def test_tampered_copy_with_recomputed_checksum_is_refused_and_lists_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name changed and its checksum put in the manifest: only the signature catches it."""
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    assert main(["--database", url, "lists", "--as-of", "2026-12-04"]) == 0
    before = capsys.readouterr().out
    pack = copy_bundled(tmp_path / "pack")
    manifest = manifest_of(pack)
    signature = manifest["signature"]
    text = (pack / "entities.csv").read_text(encoding="utf-8").replace("Lockheed", "Lockhead")
    rewrite(pack, "entities.csv", text, sign=False)
    tampered = manifest_of(pack)
    tampered["signature"] = signature  # the publisher's signature kept, the content changed
    (pack / "manifest.json").write_text(json.dumps(tampered), encoding="utf-8")

    assert main(["--database", url, "lists", "import", str(pack)]) == 1
    err = capsys.readouterr().err
    assert "the signature does not match the manifest" in err and err.count("\n") == 1
    assert main(["--database", url, "lists", "--as-of", "2026-12-04"]) == 0
    assert capsys.readouterr().out == before


def test_pack_of_an_unknown_key_is_refused(tmp_path: Path) -> None:
    pack = copy_bundled(tmp_path / "pack")
    write_manifest(pack, manifest_of(pack))  # signed by the throwaway key, not trusted
    with pytest.raises(ListPackError, match="signed by an unknown publisher key"):
        read_pack(pack)
    assert len(read_pack(pack, trusted=TEST_TRUSTED).entities) == 621


def test_unsigned_pack_needs_an_explicit_choice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    pack = copy_bundled(tmp_path / "own")
    manifest = manifest_of(pack)
    manifest["publisher"] = "Our compliance team"
    write_manifest(pack, manifest, sign=False)
    assert main(["--database", url, "lists", "import", str(pack)]) == 1
    assert "not signed" in capsys.readouterr().err
    assert main(["--database", url, "lists", "import", str(pack), "--allow-unsigned"]) == 0
    assert "unsigned pack, imported by explicit choice" in capsys.readouterr().out
    db = Database(url)
    [record] = [e for e in AuditLog(db).entries() if "Our compliance team" in e.subject]
    assert record.details["unsigned_allowed"] is True
    release = ListCatalog(db).newest_of("Our compliance team")
    assert release is not None and release.unsigned_allowed and not release.signed_by
    db.dispose()


def test_broken_row_names_file_and_line(tmp_path: Path) -> None:
    pack = copy_bundled(tmp_path / "pack")
    text = (pack / "events.csv").read_text(encoding="utf-8")
    text = text.replace(",added,2025-04-04,", ",added,2025-04-31,", 1)
    rewrite(pack, "events.csv", text, version="broken")
    with pytest.raises(ListPackError, match=r"events\.csv line \d+: effective_on '2025-04-31'"):
        read_pack(pack, trusted=TEST_TRUSTED)


def test_zip_pack_imports(tmp_path: Path) -> None:
    archive = tmp_path / "lists.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in bundled_pack_dir().iterdir():
            zf.write(f, f"release/{f.name}")
    assert len(read_pack(archive).entities) == 621


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


# Hostile packs: each refused with one line, nothing read outside the pack.


def _zip_with(tmp_path: Path, extra: dict[str, bytes]) -> Path:
    archive = tmp_path / "hostile.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in bundled_pack_dir().iterdir():
            zf.write(f, f.name)
        for name, data in extra.items():
            zf.writestr(name, data)
    return archive


@pytest.mark.parametrize("member", ["../evil.csv", "/etc/evil.csv", "a/../../evil.csv"])
def test_zip_member_outside_the_pack_is_refused(tmp_path: Path, member: str) -> None:
    with pytest.raises(ListPackError, match="outside the pack") as info:
        read_pack(_zip_with(tmp_path, {member: b"x"}))
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "notes.txt"])
def test_manifest_naming_another_file_is_refused(tmp_path: Path, name: str) -> None:
    pack = copy_bundled(tmp_path / "pack")
    manifest = manifest_of(pack)
    manifest["files"][name] = {"sha256": "0" * 64}
    write_manifest(pack, manifest)
    with pytest.raises(ListPackError, match="not a file of a list pack"):
        read_pack(pack, trusted=TEST_TRUSTED)


def test_symlink_to_a_device_is_not_followed(tmp_path: Path) -> None:
    pack = copy_bundled(tmp_path / "pack")
    (pack / "entities.csv").unlink()
    (pack / "entities.csv").symlink_to("/dev/zero")
    with pytest.raises(ListPackError, match=r"entities\.csv is not a regular file"):
        read_pack(pack)


def test_member_inflating_past_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pack_files, "MAX_FILE_BYTES", 1 << 20)
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in bundled_pack_dir().iterdir():
            if f.name != "entities.csv":
                zf.write(f, f.name)
        zf.writestr("entities.csv", b"\0" * (4 << 20))  # 4 MiB of zeros in a few KiB
    assert archive.stat().st_size < 200_000
    with pytest.raises(ListPackError, match=r"refused: entities\.csv is 4,194,304 bytes"):
        read_pack(archive)


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "manifest.json is malformed"),
        (b"{not json", "manifest.json is malformed"),
        (b'"a string"', "not a JSON object"),
        (b'{"format": "tradescreen-list-pack", "files": 3}', "manifest.json is malformed"),
        (b"\xff\xfe", "manifest.json is malformed"),
    ],
)
def test_broken_manifest_is_one_clear_message(
    tmp_path: Path, manifest: bytes, message: str
) -> None:
    pack = copy_bundled(tmp_path / "pack")
    (pack / "manifest.json").write_bytes(manifest)
    with pytest.raises(ListPackError, match=message) as info:
        read_pack(pack)
    assert "\n" not in str(info.value) and len(str(info.value)) < 400


def test_long_alias_field_reads_and_a_field_past_the_limit_is_refused(tmp_path: Path) -> None:
    pack = copy_bundled(tmp_path / "pack")
    text = (pack / "entities.csv").read_text(encoding="utf-8")
    many = "|".join(f"Alias number {i}" for i in range(12_000))  # about 200 KiB
    row = f'many-aliases,organization,Many Aliases Ltd,,"{many}",,\r\n'
    rewrite(pack, "entities.csv", text + row)
    entities = {e.entity_id: e for e in read_pack(pack, trusted=TEST_TRUSTED).entities}
    assert len(entities["many-aliases"].aliases) == 12_000
    huge = "x" * (1 << 20) + "y"
    rewrite(pack, "entities.csv", text + f'huge,organization,Huge,,"{huge}",,\r\n')
    with pytest.raises(ListPackError, match=r"entities\.csv line \d+: field larger"):
        read_pack(pack, trusted=TEST_TRUSTED)
