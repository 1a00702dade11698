"""Throwaway publisher keys and signed test packs (the real private key is never used here)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from core.lists.signing import key_id, sign_manifest
from core.paths import bundled_pack_dir

TEST_KEY = Ed25519PrivateKey.generate()
TEST_TRUSTED = {key_id(TEST_KEY.public_key()): TEST_KEY.public_key()}


def copy_bundled(target: Path) -> Path:
    shutil.copytree(bundled_pack_dir(), target)
    return target


def manifest_of(pack: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    return data


def write_manifest(pack: Path, manifest: dict[str, Any], *, sign: bool = True) -> None:
    """Write the manifest, signed with the throwaway key (or unsigned)."""
    manifest["signature"] = sign_manifest(manifest, TEST_KEY) if sign else None
    (pack / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def rewrite(
    pack: Path,
    name: str,
    text: str,
    *,
    version: str | None = None,
    cutoff: str | None = None,
    sign: bool = True,
) -> None:
    """Change a file, put its checksum in the manifest and sign it, as a publisher would."""
    (pack / name).write_text(text, encoding="utf-8", newline="")
    manifest = manifest_of(pack)
    manifest["files"][name]["sha256"] = hashlib.sha256((pack / name).read_bytes()).hexdigest()
    if version:
        manifest["version"] = version
    if cutoff:
        manifest["data_cutoff"] = cutoff
    write_manifest(pack, manifest, sign=sign)
