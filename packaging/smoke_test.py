#!/usr/bin/env python3
"""Smoke test of a frozen build: the bundle's CLI and GUI work like the code they were built from.

    python packaging/smoke_test.py dist/tradescreen                        # Linux, Windows
    python packaging/smoke_test.py dist/TradeScreen.app/Contents/MacOS     # the macOS app

Run it with the project's Python environment, from anywhere. Checks:
  1. ``tradescreen-cli --version`` names the version of this checkout;
  2. the frozen CLI screens resources/samples/suppliers-sample.xlsx as of 2025-05-20 with
     ``--json`` and writes exactly the JSON the unfrozen CLI (``python -m core.cli``) writes,
     and the same warnings (each run gets its own empty TRADESCREEN_DATA_DIR);
  3. a generated file of 12,000 suppliers is matched in worker processes (two): the frozen CLI
     starts them (``multiprocessing.freeze_support`` in the entry point), writes the JSON the
     unfrozen CLI writes, and no warning that it had to match in one process;
  4. ``tradescreen --self-test`` starts the frozen GUI offscreen, opens its database, exits 0 and
     writes nothing unexpected on stderr.
Exit status 0 when every check passes; otherwise 1, with what differed.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "suppliers-sample.xlsx"
SAMPLE_NAMES = ROOT / "tests" / "core" / "matching" / "data" / "dev-matches.csv"
AS_OF = "2025-05-20"
LARGE_ROWS = 12_000
TIMEOUT = 300
EXE = ".exe" if sys.platform == "win32" else ""
# Known harmless Qt messages on stderr (the offscreen platform cannot resize native windows).
HARMLESS_STDERR = ("propagateSizeHints",)


class SmokeTestError(Exception):
    pass


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Smoke-test a frozen TradeScreen build.")
    parser.add_argument("bundle", type=Path, help="folder holding tradescreen and tradescreen-cli")
    args = parser.parse_args(argv)
    bundle: Path = args.bundle.resolve()
    checks = (check_version, check_screening, check_large_screening, check_gui_self_test)
    failed = 0
    for check in checks:
        started = time.monotonic()
        try:
            detail = check(bundle)
        except SmokeTestError as exc:
            failed += 1
            print(f"FAIL {check.__name__}: {exc}", flush=True)
            continue
        print(f"ok   {check.__name__} ({time.monotonic() - started:.1f} s): {detail}", flush=True)
    print("smoke test " + ("passed" if not failed else f"FAILED ({failed} of {len(checks)})"))
    return 1 if failed else 0


def check_version(bundle: Path) -> str:
    expected = _checkout_version()
    with tempfile.TemporaryDirectory(prefix="tradescreen-smoke-") as data:
        result = _run([str(_exe(bundle, "tradescreen-cli")), "--version"], data)
    first = result.stdout.splitlines()[0] if result.stdout else ""
    if result.returncode != 0 or first != f"tradescreen {expected}":
        raise SmokeTestError(f"--version said {first!r} (exit {result.returncode})")
    return first


def check_screening(bundle: Path) -> str:
    frozen = [str(_exe(bundle, "tradescreen-cli"))]
    unfrozen = [sys.executable, "-m", "core.cli"]
    frozen_json, frozen_err = _screen(frozen)
    source_json, source_err = _screen(unfrozen)
    if frozen_json != source_json:
        raise SmokeTestError(
            "JSON differs from the unfrozen CLI's:\n" + _diff(source_json, frozen_json)
        )
    if frozen_err != source_err:
        raise SmokeTestError(
            "stderr differs from the unfrozen CLI's:\n"
            + "\n".join(
                difflib.unified_diff(source_err, frozen_err, "unfrozen", "frozen", lineterm="")
            )
        )
    hits = frozen_json.get("hits", [])
    rows = frozen_json.get("rows_screened")
    if not isinstance(rows, int) or rows <= 0 or not hits:
        raise SmokeTestError(f"implausible result: {rows} rows screened, {len(hits)} hits")
    return f"{rows} rows, {len(hits)} hits, JSON identical to the unfrozen CLI's"


def check_large_screening(bundle: Path) -> str:
    with tempfile.TemporaryDirectory(prefix="tradescreen-smoke-input-") as folder:
        big = _large_supplier_file(Path(folder))
        workers = {"TRADESCREEN_MATCH_WORKERS": "2"}
        frozen_json, frozen_err = _screen([str(_exe(bundle, "tradescreen-cli"))], big, workers)
        source_json, source_err = _screen([sys.executable, "-m", "core.cli"], big, workers)
    if frozen_json != source_json:
        raise SmokeTestError(
            "JSON differs from the unfrozen CLI's:\n" + _diff(source_json, frozen_json)
        )
    if frozen_err != source_err or any("matching in this process" in e for e in frozen_err):
        raise SmokeTestError(f"stderr: frozen {frozen_err}, unfrozen {source_err}")
    rows, hits = frozen_json.get("rows_screened"), frozen_json.get("hits", [])
    if rows != LARGE_ROWS + len(_sample_names()) or not hits:
        raise SmokeTestError(f"implausible result: {rows} rows screened, {len(hits)} hits")
    return f"{rows} rows in worker processes, {len(hits)} hits, JSON identical"


def _sample_names() -> list[tuple[str, str]]:
    import csv

    with SAMPLE_NAMES.open(encoding="utf-8") as handle:
        return [(row["supplier_name"], row["country"]) for row in csv.DictReader(handle)]


def _large_supplier_file(folder: Path) -> Path:
    """``LARGE_ROWS`` made-up companies, then the listed and look-alike names of the dev set."""
    import csv

    words = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Proseware", "Adatum"]
    path = folder / "suppliers-large.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Supplier Name", "Country"])
        for n in range(LARGE_ROWS):
            out.writerow([f"{words[n % 7]} {words[n // 7 % 7]} Trading {n} Ltd", "US"])
        out.writerows(_sample_names())
    return path


def check_gui_self_test(bundle: Path) -> str:
    with tempfile.TemporaryDirectory(prefix="tradescreen-smoke-") as data:
        result = _run(
            [str(_exe(bundle, "tradescreen")), "--self-test"],
            data,
            extra_env={"QT_QPA_PLATFORM": "offscreen"},
        )
        database = Path(data) / "tradescreen.db"
        created = database.exists()
    unexpected = [
        line
        for line in result.stderr.splitlines()
        if line.strip() and not any(text in line for text in HARMLESS_STDERR)
    ]
    if result.returncode != 0 or unexpected:
        raise SmokeTestError(
            f"exit {result.returncode}; stderr: {' | '.join(unexpected) or '(nothing)'}"
        )
    if not created:
        raise SmokeTestError(f"the GUI did not create its database {database}")
    if sys.platform == "win32":  # a windowed Windows program has no stdout to read
        return "exit 0, database created"
    summary = result.stdout.strip()
    if "self-test ok" not in summary:
        raise SmokeTestError(f"no summary line on stdout: {summary!r}")
    return summary


def _screen(
    command: list[str], source: Path = SAMPLE, env: dict[str, str] | None = None
) -> tuple[Any, list[str]]:
    with tempfile.TemporaryDirectory(prefix="tradescreen-smoke-") as data:
        out = Path(data) / "result.json"
        result = _run(
            [*command, "screen", str(source), "--as-of", AS_OF, "--json", str(out)],
            data,
            extra_env=env,
        )
        if result.returncode != 0:
            raise SmokeTestError(
                f"{' '.join(command)} screen exited {result.returncode}: {result.stderr.strip()}"
            )
        try:
            loaded = json.loads(out.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SmokeTestError(f"{' '.join(command)} screen wrote no JSON: {exc}") from exc
        stderr = [line.replace(data, "<DATA>") for line in result.stderr.splitlines()]
    return loaded, stderr


def _run(
    command: list[str], data_dir: str, *, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRADESCREEN_")}
    env.update(TRADESCREEN_DATA_DIR=data_dir, PYTHONUTF8="1", **(extra_env or {}))
    try:
        return subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SmokeTestError(f"{' '.join(command)}: {exc}") from exc


def _exe(bundle: Path, name: str) -> Path:
    path = bundle / f"{name}{EXE}"
    if not path.is_file():
        raise SmokeTestError(f"{path} is missing")
    return path


def _checkout_version() -> str:
    sys.path.insert(0, str(ROOT))
    from core import __version__

    return __version__


def _diff(expected: Any, actual: Any) -> str:
    def lines(obj: Any) -> list[str]:
        return json.dumps(obj, indent=1, sort_keys=True, ensure_ascii=False).splitlines()

    diff = difflib.unified_diff(lines(expected), lines(actual), "unfrozen", "frozen", lineterm="")
    return "\n".join(list(diff)[:80])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
