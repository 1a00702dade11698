"""Evaluate the name matcher on a labelled set of supplier names.

    python bench/eval_matching.py [--threshold N] [--csv PATH] [--entities PATH]
                                  [--baseline PATH] [--save-baseline]

The labelled CSV has columns supplier_name,country,expected_entity_id,note (empty expected =
must not match anything). A row with an expected entity is a true positive when that entity is
among the hits, else a false negative; every hit of another entity is a false positive (on
both kinds of rows). Prints recall, precision, every false negative and false positive, a
threshold sweep, and the difference to the saved baseline (bench/matching_baseline.json).
Exit status 1 when recall or precision fell below the baseline's.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.lists.pack import read_entities_csv  # noqa: E402
from core.matching import DEFAULT_THRESHOLD, EntityMatcher, NameMatch  # noqa: E402

SHARED = ROOT.parent / "shared"


def _first_existing(*paths: Path) -> Path:
    return next((p for p in paths if p.exists()), paths[-1])


# The shared reference data when it is beside the checkout, else the copies in the repo.
DEFAULT_ENTITIES = _first_existing(
    SHARED / "reference-lists" / "entities.csv",
    ROOT / "resources/lists/bundled/2026.12.04/entities.csv",
)
DEFAULT_CSV = _first_existing(
    SHARED / "samples" / "dev-matches.csv", ROOT / "tests/core/matching/data/dev-matches.csv"
)
DEFAULT_BASELINE = ROOT / "bench" / "matching_baseline.json"
SWEEP_FLOOR = 70.0


@dataclass(frozen=True)
class Labelled:
    supplier_name: str
    country: str
    expected: str
    note: str


def load_labelled(path: Path) -> list[Labelled]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            Labelled(r["supplier_name"], r["country"], r["expected_entity_id"].strip(), r["note"])
            for r in csv.DictReader(handle)
        ]


@dataclass
class Result:
    threshold: float
    recall: float
    precision: float
    true_positives: int
    positives: int
    false_negatives: list[str]
    false_positives: list[str]


def evaluate(rows: list[Labelled], hits: list[list[NameMatch]], threshold: float) -> Result:
    """Metrics at ``threshold`` from hits computed at a threshold no higher than it."""
    tp, fns, fps = 0, [], []
    for row, row_hits in zip(rows, hits, strict=True):
        kept = [h for h in row_hits if h.score >= threshold]
        if row.expected:
            if any(h.entity_id == row.expected for h in kept):
                tp += 1
            else:
                best = next((h.score for h in row_hits if h.entity_id == row.expected), None)
                fns.append(f"{row.supplier_name!r} -> {row.expected} (score {best})")
        for h in kept:
            if h.entity_id != row.expected:
                fps.append(
                    f"{row.supplier_name!r} -> {h.entity_id} via {h.matched_name!r} "
                    f"{h.score} [{'; '.join(r.english() for r in h.reasons)}]"
                )
    positives = sum(1 for r in rows if r.expected)
    recall = tp / positives if positives else 1.0
    precision = tp / (tp + len(fps)) if tp + len(fps) else 1.0
    return Result(threshold, recall, precision, tp, positives, fns, fps)


def run(rows: list[Labelled], matcher: EntityMatcher) -> list[list[NameMatch]]:
    return [matcher.match(r.supplier_name, r.country, threshold=SWEEP_FLOOR) for r in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--entities", type=Path, default=DEFAULT_ENTITIES)
    parser.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE)
    parser.add_argument("--save-baseline", action="store_true", help="overwrite the baseline")
    parser.add_argument(
        "--saved-index",
        action="store_true",
        help="match through the index as saved and mapped again (core.matching.persist)",
    )
    args = parser.parse_args(argv)

    rows = load_labelled(args.csv)
    matcher = EntityMatcher(read_entities_csv(args.entities))
    if args.saved_index:
        import tempfile

        from core.matching.persist import load, save

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "dev.index"
            loaded = load(path) if save(path, matcher) else None
            if loaded is None:
                raise SystemExit("the index could not be saved and loaded")
            matcher = loaded
            print(f"matching through the saved index ({path.name})")
    hits = run(rows, matcher)
    result = evaluate(rows, hits, args.threshold)
    print(f"{args.csv.name}: {len(rows)} rows, {result.positives} listed spellings")
    print(
        f"threshold {args.threshold:g}: recall {result.recall:.3f} "
        f"({result.true_positives}/{result.positives}), precision {result.precision:.3f} "
        f"({len(result.false_positives)} false positives)"
    )
    for line in result.false_negatives:
        print(f"  FN {line}")
    for line in result.false_positives:
        print(f"  FP {line}")
    sweep = {}
    print("sweep: threshold recall precision FN FP")
    for t in range(int(SWEEP_FLOOR), 101):
        r = evaluate(rows, hits, float(t))
        sweep[str(t)] = [round(r.recall, 4), round(r.precision, 4)]
        print(
            f"  {t:3d} {r.recall:.3f} {r.precision:.3f} "
            f"{len(r.false_negatives):3d} {len(r.false_positives):3d}"
        )
    current = {
        "csv": args.csv.name,
        "threshold": args.threshold,
        "recall": round(result.recall, 4),
        "precision": round(result.precision, 4),
        "false_negatives": result.false_negatives,
        "false_positives": result.false_positives,
        "sweep": sweep,
    }
    status = 0
    if args.baseline.exists() and not args.save_baseline:
        base = json.loads(args.baseline.read_text(encoding="utf-8"))
        print(
            f"baseline (threshold {base['threshold']:g}): recall {base['recall']:.3f} -> "
            f"{current['recall']:.3f}, precision {base['precision']:.3f} -> "
            f"{current['precision']:.3f}"
        )
        for kind in ("false_negatives", "false_positives"):
            new = sorted(set(current[kind]) - set(base[kind]))
            gone = sorted(set(base[kind]) - set(current[kind]))
            for line in new:
                print(f"  new {kind[6:-1]}: {line}")
            for line in gone:
                print(f"  fixed {kind[6:-1]}: {line}")
        if current["recall"] < base["recall"] or current["precision"] < base["precision"]:
            status = 1
    if args.save_baseline:
        args.baseline.write_text(json.dumps(current, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"baseline saved to {args.baseline}")
    return status


if __name__ == "__main__":
    sys.exit(main())
