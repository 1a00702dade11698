"""Fixtures for the spreadsheet tests; the file builders live in spreadsheet_builders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spreadsheet_builders import Grid, grid_cells, write_xlsx


@pytest.fixture
def xlsx(tmp_path: Path) -> Callable[..., Path]:
    """Factory: ``xlsx(grid, name=..., sheet=..., first_row=..., first_column=...)``."""

    def make(
        grid: Grid,
        *,
        name: str = "suppliers.xlsx",
        sheet: str = "Sheet1",
        first_row: int = 1,
        first_column: int = 1,
        extra: dict[str, Any] | None = None,
    ) -> Path:
        cells = grid_cells(grid, first_row=first_row, first_column=first_column)
        cells.update(extra or {})
        return write_xlsx(tmp_path / name, {sheet: cells})

    return make
