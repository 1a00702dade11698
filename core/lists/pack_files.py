"""Reading the files of a list pack safely: only the names the format has, inside the pack,
with sizes checked before and while reading, hashed in chunks.

A pack comes from outside (a download, a USB stick, a colleague): its names, sizes and
archive headers are not trusted. Every refusal is a ``ListPackError`` of one line.
"""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from core.errors import ListPackError

MANIFEST = "manifest.json"
PACK_FILE_NAMES = ("lists.csv", "entities.csv", "events.csv", "items.csv")
"""The data files of the format; a manifest naming any other file is refused."""

MAX_MANIFEST_BYTES = 1 << 20
MAX_FILE_BYTES = 512 << 20
"""The format's limit on one data file (the bundled entities.csv is well under 1 MiB)."""
MAX_ZIP_MEMBERS = 64
_CHUNK = 1 << 20


@dataclass(frozen=True)
class PackFile:
    """One file read from a pack: its bytes and their SHA-256 (computed chunk by chunk)."""

    data: bytes
    sha256: str


class PackFiles:
    """The files of a pack directory or ``.zip``, read only by the names the format has."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not path.exists():
            raise ListPackError(f"{path}: no such file or directory")
        self._zip: zipfile.ZipFile | None = None
        self._prefix = ""
        if path.is_dir():
            return
        if not stat.S_ISREG(path.stat().st_mode):
            raise ListPackError(f"{path}: not a list pack (not a regular file or directory)")
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ListPackError(f"{path}: not a list pack (a directory or .zip): {exc}") from exc
        self._prefix = self._zip_prefix()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def _zip_prefix(self) -> str:
        assert self._zip is not None
        infos = self._zip.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise ListPackError(f"{self.path}: not a list pack: {len(infos)} files inside")
        for info in infos:
            if _unsafe_member(info.filename):
                raise ListPackError(
                    f"{self.path}: refused: the archive holds a file named {info.filename!r} "
                    "outside the pack"
                )
        manifests = [
            i.filename
            for i in infos
            if PurePosixPath(i.filename).name == MANIFEST
            and len(PurePosixPath(i.filename).parts) <= 2
        ]
        if not manifests:
            raise ListPackError(f"{self.path}: not a list pack: no manifest.json inside")
        return min(manifests, key=len)[: -len(MANIFEST)]

    def read(self, name: str, limit: int | None = None) -> PackFile:
        """The file ``name`` (one of the format's names), refused beyond ``limit`` bytes
        (default ``MAX_FILE_BYTES``)."""
        limit = MAX_FILE_BYTES if limit is None else limit
        if name != MANIFEST and name not in PACK_FILE_NAMES:
            raise ListPackError(f"{self.path}: refused: {name!r} is not a file of a list pack")
        if self._zip is not None:
            return self._read_member(name, limit)
        target = self.path / name
        try:
            info = os.lstat(target)
        except FileNotFoundError:
            raise ListPackError(f"{self.path}: missing {name}") from None
        except OSError as exc:
            raise ListPackError(f"{self.path}: cannot read {name}: {exc}") from exc
        if not stat.S_ISREG(info.st_mode):
            # A symlink (perhaps to /dev/zero or outside the pack) or a device: never followed.
            raise ListPackError(f"{self.path}: refused: {name} is not a regular file")
        _check_size(self.path, name, info.st_size, limit)
        try:
            with target.open("rb") as handle:
                return _bounded_read(handle, self.path, name, limit)
        except OSError as exc:
            raise ListPackError(f"{self.path}: cannot read {name}: {exc}") from exc

    def _read_member(self, name: str, limit: int) -> PackFile:
        assert self._zip is not None
        try:
            info = self._zip.getinfo(self._prefix + name)
        except KeyError:
            raise ListPackError(f"{self.path}: missing {name}") from None
        _check_size(self.path, name, info.file_size, limit)
        try:
            with self._zip.open(info) as handle:
                # The header's size may lie: the read itself stops past the limit too.
                return _bounded_read(handle, self.path, name, limit)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
            raise ListPackError(f"{self.path}: cannot read {name}: {exc}") from exc


def _unsafe_member(filename: str) -> bool:
    posix = PurePosixPath(filename.replace("\\", "/"))
    return (
        posix.is_absolute()
        or ".." in posix.parts
        or (len(filename) > 1 and filename[1] == ":")  # a Windows drive letter
    )


def _check_size(path: Path, name: str, size: int, limit: int) -> None:
    if size > limit:
        raise ListPackError(
            f"{path}: refused: {name} is {size:,} bytes, more than the {limit:,} a list pack "
            "may hold"
        )


def _bounded_read(handle: IO[bytes], path: Path, name: str, limit: int) -> PackFile:
    digest = hashlib.sha256()
    parts: list[bytes] = []
    size = 0
    while chunk := handle.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise ListPackError(
                f"{path}: refused: {name} is larger than the {limit:,} bytes a list pack may hold"
            )
        digest.update(chunk)
        parts.append(chunk)
    return PackFile(b"".join(parts), digest.hexdigest())
