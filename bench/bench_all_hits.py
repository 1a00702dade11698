"""Benchmark: a supplier file where every row hits, screened by the CLI as users run it.

    python bench/bench_all_hits.py [--rows N] [--json] [--output]     (default 1,000,000)

Writes a CSV of N rows, each a listed company, screens it in a child process (``--json``: also
``--json FILE``; ``--output``: also the Excel report) and prints its wall time, the peak of the
resident memory of all our processes summed (the CLI and its matching workers, sampled every
50 ms from /proc), hits per second, bytes per hit and the outcome. The target: a finished,
stored screening (or a one-line error), under 2 GB.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 2048
_PAGE = os.sysconf("SC_PAGE_SIZE")


def _children(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(p) for p in found]


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants (0 for those gone)."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            pages = int(Path(f"/proc/{current}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        total += pages * _PAGE
        stack += _children(current)
    return total


def _run_sampled(
    command: list[str], env: dict[str, str], stdout: Path | None = None
) -> tuple[int, str, float, int]:
    """Exit code, last stderr line, seconds and peak summed RSS of the command's tree
    (``stdout``: a file for its standard output; default: discarded)."""
    began = time.monotonic()
    out = stdout.open("wb") if stdout is not None else subprocess.DEVNULL
    with (
        tempfile.TemporaryFile() as err,
        subprocess.Popen(command, env=env, stdout=out, stderr=err) as child,
    ):
        peak = 0
        while child.poll() is None:
            peak = max(peak, _tree_rss(child.pid))
            time.sleep(0.05)
        seconds = time.monotonic() - began
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    if stdout is not None:
        out.close()  # type: ignore[union-attr]
    return child.returncode, (lines[-1] if lines else ""), seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true", help="also write --json")
    parser.add_argument("--output", action="store_true", help="also write the Excel report")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "all-hits.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["Supplier name", "Country"])
            for _ in range(args.rows):
                writer.writerow(["Kratos Unmanned Aerial Systems", "US"])
        env = dict(os.environ, PYTHONPATH=str(ROOT), TRADESCREEN_DATA_DIR=str(Path(folder) / "d"))
        command = [sys.executable, "-m", "core.cli", "screen", str(path), "--as-of", "2025-05-20",
                   "--database", f"sqlite:///{folder}/t.db"]  # fmt: skip
        if args.json:
            command += ["--json", f"{folder}/out.json"]
        if args.output:
            command += ["--output", f"{folder}/out.xlsx"]
        code, last, seconds, peak = _run_sampled(command, env)
        hits = _stored_hits(Path(folder) / "t.db") if code == 0 else 0
    peak_mb = peak / 2**20
    outcome = f"exit {code}: {last}" if code else f"exit 0: screened and stored, {hits:,} hits"
    rate = f", {hits / seconds:,.0f} hits/s, {peak / hits:,.0f} bytes/hit at peak" if hits else ""
    extra = "".join(f" {o}" for o, on in (("--json", args.json), ("--output", args.output)) if on)
    print(f"{args.rows:,} rows, every one a hit{extra}: {seconds:.1f} s, peak {peak_mb:.0f} MB "
          f"summed over our processes (target {TARGET_MB} MB){rate}; {outcome}")  # fmt: skip
    return 0 if peak_mb < TARGET_MB and code == 0 else 1


def _stored_hits(database: Path) -> int:
    import sqlite3

    with sqlite3.connect(database) as connection:
        return int(connection.execute("select sum(hit_count) from screening_runs").fetchone()[0])


if __name__ == "__main__":
    sys.exit(main())
