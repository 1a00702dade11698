"""Benchmark: read a 100,000-row x 8-column supplier workbook. Target: well under 2 s.

    /work/venv/bin/python bench/bench_reading.py [--rows N] [--repeat K]

The workbook is generated once with a fixed seed (openpyxl write-only mode) and cached in
bench/out/, which git ignores. Prints the best and median time of ``read_supplier_file``.
"""

from __future__ import annotations

import argparse
import datetime
import random
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.spreadsheets import read_supplier_file  # noqa: E402

TARGET_SECONDS = 2.0
HEADERS = [
    "Vendor ID",
    "Vendor Name",
    "Country",
    "City",
    "Address",
    "Tax ID",
    "Annual Spend (USD)",
    "Last PO Date",
]
_WORDS = ["Global", "Pacific", "Northern", "Precision", "Allied", "Summit", "Delta", "Harbor"]
_KINDS = ["Trading", "Logistics", "Components", "Electronics", "Textiles", "Machinery"]
_FORMS = ["Inc.", "Ltd", "LLC", "GmbH", "Co., Ltd.", "S.A.", "有限公司"]
_COUNTRIES = ["US", "CN", "DE", "JP", "GB", "FR", "VN", "MX"]


def make_workbook(
    path: Path, rows: int, seed: int = 20250520, listed: Sequence[str] = (), every: int = 200
) -> None:
    """Write a title row, a blank row, the header and ``rows`` random supplier rows; with
    ``listed``, one row in ``every`` carries one of those names instead."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Vendors")
    sheet.append(["Vendor master export (benchmark)"])
    sheet.append([])
    sheet.append(HEADERS)
    start = datetime.date(2020, 1, 1)
    for number in range(rows):
        name = f"{rng.choice(_WORDS)} {rng.choice(_KINDS)} {number} {rng.choice(_FORMS)}"
        if listed and number % every == 7:
            name = listed[(number // every) % len(listed)]
        sheet.append(
            [
                f"V{number:07d}",
                name,
                rng.choice(_COUNTRIES),
                f"City {rng.randrange(500)}",
                f"{rng.randrange(1, 9999)} Industrial Road",
                f"{rng.randrange(10**8, 10**9)}",
                round(rng.uniform(1_000, 5_000_000), 2),
                start + datetime.timedelta(days=rng.randrange(2000)),
            ]
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = ROOT / "bench" / "out" / f"suppliers-{args.rows}x8.xlsx"
    if not path.exists():
        began = time.perf_counter()
        make_workbook(path, args.rows)
        print(f"generated {path.name} in {time.perf_counter() - began:.1f} s")
    timings = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        table = read_supplier_file(path)
        timings.append(time.perf_counter() - began)
    assert len(table.rows) == args.rows, len(table.rows)
    assert table.rows[0].row_number == 4 and table.roles.name == 1
    best, median = min(timings), statistics.median(timings)
    verdict = "OK" if median < TARGET_SECONDS else "TOO SLOW"
    print(
        f"read_supplier_file {args.rows} rows x 8 columns ({path.stat().st_size / 1e6:.1f} MB): "
        f"best {best:.3f} s, median {median:.3f} s over {args.repeat} runs "
        f"(target < {TARGET_SECONDS:.0f} s) {verdict}"
    )
    return 0 if median < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
