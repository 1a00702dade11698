"""Benchmark: a supplier file where every row hits, screened by the CLI as users run it.

    python bench/bench_all_hits.py [--rows N]      (default 1,000,000)

Writes a CSV of N rows, each a listed company, screens it in a child process and prints its
wall time, peak resident memory and outcome. The target: a finished screening or a one-line
error, under 2 GB. (A screening holds at most ``core.screening.engine.MAX_HITS`` hits: past
that it stops with an error naming the row.)
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB = 2048


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "all-hits.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["Supplier name", "Country"])
            for _ in range(args.rows):
                writer.writerow(["Kratos Unmanned Aerial Systems", "US"])
        env = dict(os.environ, PYTHONPATH=str(ROOT), TRADESCREEN_DATA_DIR=str(Path(folder) / "d"))
        began = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "core.cli", "screen", str(path), "--as-of", "2025-05-20",
             "--database", f"sqlite:///{folder}/t.db"],
            env=env, capture_output=True, text=True,
        )  # fmt: skip
        seconds = time.monotonic() - began
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    outcome = done.stderr.strip().splitlines()[-1] if done.returncode else "screened and stored"
    print(f"{args.rows:,} rows, every one a hit: {seconds:.1f} s, peak {peak_mb:.0f} MB "
          f"(target {TARGET_MB} MB), exit {done.returncode}: {outcome}")  # fmt: skip
    return 0 if peak_mb < TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
