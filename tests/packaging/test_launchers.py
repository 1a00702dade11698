"""The entry points load nothing before they run: each matching worker process imports the
module that started its parent, and should not pay for the database, spreadsheet or Qt
libraries it never uses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "openpyxl", "python_calamine", "PySide6")


@pytest.mark.parametrize("module", ["core.launch", "gui.launch", "core.matching.pool"])
def test_importing_an_entry_point_loads_no_heavy_library(module: str) -> None:
    probe = f"import sys, {module}; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("launcher", "entry"), [("launch_cli.py", "core.cli"), ("launch_gui.py", "gui.app")]
)
def test_frozen_launchers_hand_over_to_a_worker_before_importing_the_app(
    launcher: str, entry: str
) -> None:
    text = (REPO / "packaging" / launcher).read_text(encoding="utf-8")
    assert text.index("multiprocessing.freeze_support()") < text.index(f"from {entry} import")
