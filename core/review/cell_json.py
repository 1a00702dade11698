"""Cell values to JSON and back without losing their type (dates stay dates)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from core.spreadsheets.table import CellValue


def _encode(value: CellValue) -> Any:
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    return value


def _decode(value: Any) -> CellValue:
    if isinstance(value, dict):
        if "datetime" in value:
            return dt.datetime.fromisoformat(value["datetime"])
        if "date" in value:
            return dt.date.fromisoformat(value["date"])
        raise ValueError(f"unknown stored cell {value!r}")
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise ValueError(f"unknown stored cell {value!r}")


def cells_to_json(values: Sequence[CellValue]) -> str:
    return json.dumps([_encode(v) for v in values], ensure_ascii=False)


def cells_from_json(text: str) -> tuple[CellValue, ...]:
    return tuple(_decode(v) for v in json.loads(text))
