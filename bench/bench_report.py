"""Benchmark: the Excel report of a 100,000-row screening with the All rows sheet.

    python bench/bench_report.py [--rows N] [--repeat K] [--hits-every M]

Builds a ``ScreeningResult`` in memory (9 supplier columns, one hit every M rows, every row
kept) and times ``write_report(..., all_rows=True)``. Memory is measured twice: the process's
peak resident size (what the laptop sees) and, in a separate run, the peak of Python
allocations during the export alone (tracemalloc, which slows the run, so it is not timed).
Targets: under 20 s and under 50 MB of Python allocations for 100,000 rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.lists.model import SEVERITY_ORDER  # noqa: E402
from core.matching.reasons import Reason, ReasonKind  # noqa: E402
from core.report import write_report  # noqa: E402
from core.screening.result import ListingHit, ScreenedSheet, ScreeningResult  # noqa: E402
from core.spreadsheets.table import CellValue  # noqa: E402

TARGET_SECONDS = 20.0
TARGET_MB = 50.0
HEADERS = (
    "Vendor ID", "Vendor Name", "Country", "City", "Address", "Tax ID", "Category",
    "Annual Spend (USD)", "Last PO Date",
)  # fmt: skip
_WORDS = ["Global", "Pacific", "Northern", "Precision", "Allied", "Summit", "Delta", "Harbor"]
_KINDS = ["Trading", "Logistics", "Components", "Electronics", "Textiles", "Machinery"]
_FORMS = ["Inc.", "Ltd", "LLC", "GmbH", "Co., Ltd.", "S.A.", "有限公司"]
_COUNTRIES = ["US", "CN", "DE", "JP", "GB", "FR", "VN", "MX"]
_STATUSES = list(SEVERITY_ORDER)


def make_result(rows: int, hits_every: int, seed: int = 20250520) -> ScreeningResult:
    rng = random.Random(seed)
    start = dt.date(2020, 1, 1)
    kept: list[tuple[int, tuple[CellValue, ...]]] = []
    hits: list[ListingHit] = []
    flagged: dict[tuple[str | None, int], tuple[CellValue, ...]] = {}
    for number in range(rows):
        row = number + 2
        name = f"{rng.choice(_WORDS)} {rng.choice(_KINDS)} {number} {rng.choice(_FORMS)}"
        values: tuple[CellValue, ...] = (
            f"V{number:07d}", name, rng.choice(_COUNTRIES), f"City {rng.randrange(500)}",
            f"{rng.randrange(1, 9999)} Industrial Road", f"TX{rng.randrange(10**9):09d}",
            rng.choice(_KINDS), round(rng.uniform(1000, 5_000_000), 2),
            start + dt.timedelta(days=rng.randrange(1900)),
        )  # fmt: skip
        kept.append((row, values))
        if number % hits_every == 0:
            flagged[("Vendors", row)] = values
            hits.append(
                ListingHit(
                    sheet="Vendors", row=row, supplier_name=name, supplier_country="US",
                    entity_id=f"e{number}", entity_name=name, entity_name_zh="某某有限公司",
                    matched_name=name, score=95.5, band="strong",
                    reasons=(Reason(ReasonKind.TOKENS_MATCHED, ("global", "trading")),),
                    matched_tokens=("global",),
                    list_id="cn-export-control", status=rng.choice(_STATUSES),
                    since=dt.date(2025, 3, 4), until=None, announcement="商务部公告2025年第13号",
                    source_url="https://www.mofcom.gov.cn/notice.html",
                )
            )  # fmt: skip
    now = dt.datetime.now(dt.UTC)
    return ScreeningResult(
        input_path="bench.xlsx", input_sha256="0" * 64, as_of=dt.date(2025, 5, 20),
        threshold=85.0, list_ids=("cn-export-control",),
        sheets=(ScreenedSheet("Vendors", 1, HEADERS, 1, 2, rows),), hits=hits, rows=flagged,
        releases=(), freshness=(), app_version="bench", user="bench", started_at=now,
        finished_at=now, all_rows={"Vendors": kept},
    )  # fmt: skip


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--hits-every", type=int, default=100)
    args = parser.parse_args()
    result = make_result(args.rows, args.hits_every)
    print(f"{args.rows:,} rows, {len(result.hits):,} hits; result built, "
          f"peak RSS {peak_rss_mb():.0f} MB")  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "report.xlsx"
        times = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            write_report(result, target, all_rows=True)
            times.append(time.perf_counter() - began)
        size = target.stat().st_size / 1e6
        print(f"write_report: best {min(times):.2f} s, median {statistics.median(times):.2f} s, "
              f"file {size:.1f} MB, peak RSS {peak_rss_mb():.0f} MB")  # fmt: skip
        tracemalloc.start()
        write_report(result, target, all_rows=True)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    peak_mb = peak / 1e6
    print(f"Python allocations during the export: peak {peak_mb:.1f} MB (tracemalloc)")
    ok = min(times) <= TARGET_SECONDS and peak_mb <= TARGET_MB
    print(f"target {TARGET_SECONDS:.0f} s / {TARGET_MB:.0f} MB: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
