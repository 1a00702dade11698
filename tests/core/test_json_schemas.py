"""The JSON Schemas in docs/ describe what the commands write (checked with a small validator of
the keywords the schemas use: type, const, enum, required, properties, items, $ref, oneOf)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.paths import sample_suppliers_file

DOCS = Path(__file__).resolve().parents[2] / "docs"
TYPES = {"object": dict, "array": list, "string": str, "integer": int, "number": (int, float),
         "boolean": bool, "null": type(None)}  # fmt: skip


def problems(value: Any, schema: dict[str, Any], root: dict[str, Any], at: str = "$") -> list[str]:
    if "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return problems(value, target, root, at)
    if "oneOf" in schema:
        fits = [s for s in schema["oneOf"] if not problems(value, s, root, at)]
        return [] if len(fits) == 1 else [f"{at}: fits {len(fits)} of oneOf"]
    found: list[str] = []
    if "const" in schema and value != schema["const"]:
        found.append(f"{at}: {value!r} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{at}: {value!r} not in {schema['enum']}")
    kinds = schema.get("type")
    if kinds is not None:
        names = kinds if isinstance(kinds, list) else [kinds]
        ok = any(isinstance(value, TYPES[n]) and not (n in ("integer", "number")
                 and isinstance(value, bool)) for n in names)  # fmt: skip
        if not ok:
            return [*found, f"{at}: {type(value).__name__} is not {names}"]
    if isinstance(value, dict):
        found += [f"{at}: {k} missing" for k in schema.get("required", []) if k not in value]
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                found += problems(value[key], sub, root, f"{at}.{key}")
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            for key in set(value) - set(schema.get("properties", {})):
                found += problems(value[key], extra, root, f"{at}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += problems(item, schema["items"], root, f"{at}[{index}]")
    return found


def schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DOCS / name).read_text(encoding="utf-8"))
    return data


def command_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    assert main([*args, "--json", "-"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    return data


def test_the_screening_result_fits_its_schema(capsys: pytest.CaptureFixture[str]) -> None:
    result_schema = schema("screening-result.schema.json")
    sample = str(sample_suppliers_file())
    data = command_json(capsys, "screen", sample, "--as-of", "2025-05-20")
    assert data["hits"]
    assert problems(data, result_schema, result_schema) == []
    assert set(data["hits"][0]) <= set(result_schema["$defs"]["hit"]["properties"]), (
        "every hit field is described"
    )
    stored = command_json(capsys, "runs", "show", "1")
    assert problems(stored, result_schema, result_schema) == []


def test_the_command_documents_fit_their_schema(capsys: pytest.CaptureFixture[str]) -> None:
    docs_schema = schema("cli-documents.schema.json")
    assert main(["screen", str(sample_suppliers_file()), "--as-of", "2025-05-20"]) == 0
    capsys.readouterr()
    for command in (["lists"], ["runs"], ["entity", "huawei"], ["audit"]):
        data = command_json(capsys, *command)
        assert problems(data, docs_schema, docs_schema) == [], command


def test_the_validator_finds_what_does_not_fit() -> None:
    result_schema = schema("screening-result.schema.json")
    wrong = {"format_version": 2, "as_of": 20250520, "hits": [{"row": "14", "status": "gone"}]}
    found = problems(wrong, result_schema, result_schema)
    assert "$: 2 is not 1" in "\n".join(found).replace(".format_version", "")
    assert any("as_of" in p for p in found) and any("rows_screened missing" in p for p in found)
    assert any("hits[0].status" in p for p in found) and any("hits[0].row" in p for p in found)
