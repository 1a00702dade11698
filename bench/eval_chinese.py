"""Evaluate the matcher on the Chinese-names development sets, case by case.

    python bench/eval_chinese.py [--csv PATH] [--entities PATH] [--threshold N] [--verbose]

The CSV (tests/core/matching/data/chinese-dev.csv) has columns
case,supplier_name,country,expected_entity_id,note; each case (traditional, taiwan_own,
zh_1260h_full, zh_1260h_short, mixed_cell, full_width, generic_negative, acronym) is one
development set. Counting as in eval_matching.py: a row with an expected entity is a true
positive when that entity is among the hits; every hit of another entity is a false positive.
Prints the README's quality table (one row per case) and, with --verbose, every miss.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quality_counts import Counts  # noqa: E402

from core.lists.pack import read_entities_csv  # noqa: E402
from core.matching import DEFAULT_THRESHOLD, EntityMatcher  # noqa: E402

DEFAULT_CSV = ROOT / "tests/core/matching/data/chinese-dev.csv"
# The 2026.12.04 entities (Chinese names of 1260H companies); the bundled pack once it has them.
DEFAULT_ENTITIES = ROOT / "tests/core/matching/data/entities-2026.12.04.csv"


@dataclass
class CaseResult(Counts):
    rows: int = 0
    misses: list[str] = field(default_factory=list)


def evaluate(
    csv_path: Path, matcher: EntityMatcher, threshold: float = DEFAULT_THRESHOLD
) -> dict[str, CaseResult]:
    """Recall and precision per case of the development sets."""
    results: dict[str, CaseResult] = defaultdict(CaseResult)
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            result = results[row["case"]]
            expected = row["expected_entity_id"].strip()
            hits = matcher.match(row["supplier_name"], row["country"] or None, threshold=threshold)
            result.rows += 1
            if expected:
                result.positives += 1
                if any(h.entity_id == expected for h in hits):
                    result.true_positives += 1
                else:
                    result.misses.append(f"FN {row['supplier_name']!r} -> {expected}")
            for h in hits:
                if h.entity_id != expected:
                    result.false_positives += 1
                    result.misses.append(
                        f"FP {row['supplier_name']!r} -> {h.entity_id} {h.score} {h.band}"
                    )
    return dict(results)


def table(results: dict[str, CaseResult]) -> str:
    lines = ["| development set | rows | listed | recall | precision |", "|---|---|---|---|---|"]
    for case, r in results.items():
        lines.append(
            f"| {case} | {r.rows} | {r.positives} | {r.recall:.3f} ({r.true_positives}/"
            f"{r.positives}) | {r.precision:.3f} ({r.false_positives} false positives) |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--entities", type=Path, default=DEFAULT_ENTITIES)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    matcher = EntityMatcher(read_entities_csv(args.entities))
    results = evaluate(args.csv, matcher, args.threshold)
    print(table(results))
    if args.verbose:
        for case, r in results.items():
            for line in r.misses:
                print(f"  {case}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
