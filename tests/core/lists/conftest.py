from __future__ import annotations

import pytest

from core.lists.pack import read_pack
from core.lists.snapshot import ListSnapshot
from core.paths import bundled_pack_dir


@pytest.fixture(scope="session")
def bundled_snapshot() -> ListSnapshot:
    """The bundled list data, straight from the pack (no database)."""
    pack = read_pack(bundled_pack_dir())
    return ListSnapshot.build(pack.lists, pack.entities, pack.events)
