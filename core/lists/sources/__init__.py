"""List files users bring: OpenSanctions exports, the US Consolidated Screening List, own
lists. Each becomes a release (``core.lists.pack.ListPack``) for ``ListCatalog.import_release``.

``detect_format`` recognises a file by its header; ``read_list_file`` reads it (bounded: the
size is checked first) into a release, or raises a ``ListPackError`` naming file, row, column.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from core.errors import ListPackError
from core.lists.pack import ListPack
from core.lists.sources import csl, opensanctions
from core.lists.sources.common import check_size, file_sha256, text_lines
from core.lists.sources.own_list import OwnListOptions, read_own_list

FORMATS = ("pack", "opensanctions", "csl", "csv")
FORMAT_TITLES = {
    "pack": "TradeScreen list pack",
    "opensanctions": "OpenSanctions export",
    "csl": "US Consolidated Screening List",
    "csv": "own list (CSV/XLSX)",
}


@dataclass(frozen=True)
class Detected:
    format: str  # one of FORMATS
    variant: str  # "targets.simple.csv", "ftm-json", "csv", "json", "xlsx", "dir", "zip"


def detect_format(path: Path) -> Detected:
    """What the file is, from its header (a pack is a directory or a .zip)."""
    if path.is_dir():
        return Detected("pack", "dir")
    check_size(path)
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return Detected("pack", "zip")
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        return Detected("csv", suffix.lstrip("."))
    head = ""
    for line in text_lines(path):
        head = line
        if line.strip():
            break
    stripped = head.lstrip()
    if stripped.startswith(("{", "[")):
        if '"schema"' in head and '"id"' in head and not stripped.startswith("["):
            return Detected("opensanctions", "ftm-json")
        return Detected("csl", "json")
    header = next(csv.reader([head]), [])
    header = [h.strip() for h in header]
    if opensanctions.looks_like_simple_csv(header):
        return Detected("opensanctions", "targets.simple.csv")
    if csl.looks_like_csl(header):
        return Detected("csl", "csv")
    return Detected("csv", "csv")


def read_list_file(
    path: Path,
    fmt: str | None = None,
    *,
    own: OwnListOptions | None = None,
    data_date: dt.date | None = None,
) -> tuple[ListPack, str]:
    """The release a list file holds, and the format it was read as. ``fmt`` forces a format
    (else detected); an own list (``csv``) needs ``own`` (list id and title)."""
    if not path.exists():
        raise ListPackError(f"{path}: no such file")
    detected = detect_format(path)
    chosen = fmt or detected.format
    if chosen not in FORMATS or chosen == "pack":
        raise ListPackError(f"{path}: {chosen!r} is not a list-file format here")
    sha = file_sha256(path)
    if chosen == "opensanctions":
        if detected.variant == "ftm-json":
            return opensanctions.read_ftm_json(path, sha, data_date), chosen
        return opensanctions.read_simple_csv(path, sha, data_date), chosen
    if chosen == "csl":
        if detected.variant == "json":
            return csl.read_csl_json(path, sha, data_date), chosen
        return csl.read_csl_csv(path, sha, data_date), chosen
    if own is None:
        raise ListPackError(
            f"{path}: read as an own list; it needs a list id and a title (--list-id, --title)"
        )
    return read_own_list(path, own, sha), chosen


__all__ = ["FORMATS", "Detected", "OwnListOptions", "detect_format", "read_list_file"]
