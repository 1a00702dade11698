"""Where TradeScreen keeps its files, and where its bundled resources are."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "TradeScreen"
APP_AUTHOR = "TradeScreen"


def user_data_dir() -> Path:
    """The per-user data directory; ``TRADESCREEN_DATA_DIR`` overrides it (tests, portable use)."""
    override = os.environ.get("TRADESCREEN_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def resources_dir() -> Path:
    """The bundled resources: beside the packages in a checkout, inside the frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def bundled_pack_dirs() -> list[Path]:
    """The bundled list packs, one folder per release, oldest first (folders are named by
    version, ``YYYY.MM.DD``, so their names sort by date)."""
    root = resources_dir() / "lists" / "bundled"
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "manifest.json").is_file())


def bundled_pack_dir() -> Path:
    """The newest bundled list pack (the one screening uses on a new database)."""
    dirs = bundled_pack_dirs()
    return dirs[-1] if dirs else resources_dir() / "lists" / "bundled"


def sample_suppliers_file() -> Path:
    return resources_dir() / "samples" / "suppliers-sample.xlsx"
