"""``--json`` of a screening is written hit by hit: the text is that of the whole document
dumped at once, for no hits, one, and many."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from core.cli.output import write_json
from core.screening.hit_table import HitTable
from core.screening.json_export import result_to_json, result_to_streamed_json
from tests.core.report.conftest import make_result


@pytest.mark.parametrize("count", [0, 1, 5, 40])
def test_streamed_document_is_the_same_text(tmp_path: Path, count: int) -> None:
    base = make_result()
    hits = [dataclasses.replace(base.hits[n % len(base.hits)], row=n + 2) for n in range(count)]
    result = dataclasses.replace(base, hits=HitTable(hits))
    whole = json.dumps(result_to_json(result), ensure_ascii=False, indent=2) + "\n"
    write_json(result_to_streamed_json(result), tmp_path / "out.json")
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == whole


def test_a_document_without_streamed_parts_is_dumped_as_before(tmp_path: Path) -> None:
    data = {"format_version": 1, "kind": "x", "items": [{"a": [1, 2]}], "empty": {}}
    write_json(data, tmp_path / "out.json")
    text = (tmp_path / "out.json").read_text(encoding="utf-8")
    assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
