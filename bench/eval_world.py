"""Evaluate the matcher on labelled organisation-name pairs from many languages, per case class.

    python bench/eval_world.py [--csv PATH] [--threshold N] [--markdown [--before PATH]]
                               [--baseline PATH] [--save-baseline]

The CSV (tests/core/matching/data/world-pairs.csv) has columns
case,language,name_a,name_b,same,note: same = 1 when both names are the same organisation,
0 when they are different ones. For each pair, a list of one entity named name_b is matched
with the production matcher (``core.matching.EntityMatcher`` over ``core.lists.model.Entity``)
against the supplier name name_a at the threshold; the verdict is "same" when the matcher
reports a hit (any band it returns at that threshold: ``weak`` hits are capped below the
default threshold, so at it a returned hit is a hit the app shows).

Per case class: pairs, positives (same = 1), recall (positives found), precision (found
positives among everything found; the false positives are the negatives found), and a total.
Every disagreement is listed with the pair's best score (at any threshold down to 0).
``--markdown`` prints the README table: the "before" columns from bench/world_before.json (the
figures of main before issue 17's work, never overwritten), the "after" ones measured now.
``--baseline`` (default bench/world_baseline.json) compares with saved figures: exit status 1
when any class's recall or precision fell below them; ``--save-baseline`` overwrites the
baseline with today's figures (do so when a change raised them, so that they stay raised).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from quality_counts import Counts  # noqa: E402

from core.lists.model import Entity  # noqa: E402
from core.matching import DEFAULT_THRESHOLD, EntityMatcher  # noqa: E402

DEFAULT_CSV = ROOT / "tests/core/matching/data/world-pairs.csv"
DEFAULT_BASELINE = ROOT / "bench" / "world_baseline.json"
DEFAULT_BEFORE = ROOT / "bench" / "world_before.json"
TOTAL = "total"
COLUMNS = ("case", "language", "name_a", "name_b", "same", "note")


@dataclass(frozen=True)
class Pair:
    case: str
    language: str
    name_a: str
    name_b: str
    same: bool
    note: str


class PairFileError(ValueError):
    """The pair file is not in the documented format (the message names file and line)."""


def load_pairs(path: Path) -> list[Pair]:
    """Every pair of the CSV at ``path``, in file order; a malformed row raises PairFileError
    naming the line."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise PairFileError(f"{path}: header must be {','.join(COLUMNS)}")
        pairs = []
        for raw in reader:
            row = {key: raw.get(key) or "" for key in COLUMNS}  # a short row has None cells
            same = row["same"].strip()
            if same not in ("0", "1") or not row["name_a"].strip() or not row["name_b"].strip():
                raise PairFileError(f"{path}, line {reader.line_num}: need two names, same 0|1")
            case, language = row["case"].strip(), row["language"].strip()
            pairs.append(
                Pair(case, language, row["name_a"], row["name_b"], same == "1", row["note"])
            )
    return pairs


@dataclass
class Verdict:
    pair: Pair
    hit: bool
    best_score: float | None  # the best score at any threshold, None: no candidate at all

    @property
    def agrees(self) -> bool:
        return self.hit == self.pair.same


def judge(pairs: Iterable[Pair], threshold: float = DEFAULT_THRESHOLD) -> list[Verdict]:
    """The matcher's verdict on each pair: a one-entity list of name_b, name_a matched."""
    out = []
    for pair in pairs:
        matcher = EntityMatcher([Entity(entity_id="b", name_en=pair.name_b)])
        hits = matcher.match(pair.name_a, threshold=threshold)
        lowest = matcher.match(pair.name_a, threshold=0.0)
        best = max((h.score for h in lowest), default=None)
        out.append(Verdict(pair, bool(hits), best))
    return out


@dataclass
class ClassResult(Counts):
    pairs: int = 0
    disagreements: list[Verdict] = field(default_factory=list)

    def add(self, verdict: Verdict) -> None:
        self.pairs += 1
        self.positives += verdict.pair.same
        self.true_positives += verdict.hit and verdict.pair.same
        self.false_positives += verdict.hit and not verdict.pair.same
        if not verdict.agrees:
            self.disagreements.append(verdict)


def per_class(verdicts: Iterable[Verdict]) -> dict[str, ClassResult]:
    """Results per case class in first-seen order, then the ``total`` over all pairs."""
    results: dict[str, ClassResult] = {}
    total = ClassResult()
    for verdict in verdicts:
        results.setdefault(verdict.pair.case, ClassResult()).add(verdict)
        total.add(verdict)
    results[TOTAL] = total
    return results


def figures(results: dict[str, ClassResult]) -> dict[str, dict[str, float]]:
    """Recall and precision per class (rounded as the baseline keeps them) and their counts."""
    return {
        case: {
            "recall": round(r.recall, 4),
            "precision": round(r.precision, 4),
            "pairs": r.pairs,
            "positives": r.positives,
            "true_positives": r.true_positives,
            "false_positives": r.false_positives,
        }
        for case, r in results.items()
    }


def regressions(
    results: dict[str, ClassResult], baseline: dict[str, dict[str, float]]
) -> list[str]:
    """Every class whose recall or precision fell below the baseline's (a class missing from
    the results counts as fallen), one line each."""
    current = figures(results)
    out = []
    for case, base in baseline.items():
        now = current.get(case)
        if now is None:
            out.append(f"{case}: missing from the pairs")
            continue
        for metric in ("recall", "precision"):
            if now[metric] < base[metric] - 1e-9:
                out.append(f"{case}: {metric} {base[metric]:.3f} -> {now[metric]:.3f}")
    return out


def _recall(f: dict[str, float]) -> str:
    # From the counts, not the rounded figure: 244/274 is 0.891 as the report prints it.
    found, positives = int(f["true_positives"]), int(f["positives"])
    return f"{found / positives if positives else 1.0:.3f} ({found}/{positives})"


def _precision(f: dict[str, float]) -> str:
    found, wrong = int(f["true_positives"]), int(f["false_positives"])
    return f"{found / (found + wrong) if found + wrong else 1.0:.3f} ({wrong} FP)"


def markdown(results: dict[str, ClassResult], before: dict[str, dict[str, float]] | None) -> str:
    """The README table: one row per class and the total; "before" from ``before`` (blank
    for a class it lacks), "after" measured now."""
    lines = [
        "| case class | pairs | same | recall before | recall after "
        "| precision before | precision after |",
        "|---|---|---|---|---|---|---|",
    ]
    for case, now in figures(results).items():
        base = (before or {}).get(case)
        name = f"**{case}**" if case == TOTAL else case
        lines.append(
            f"| {name} | {int(now['pairs'])} | {int(now['positives'])} "
            f"| {_recall(base) if base else ''} | {_recall(now)} "
            f"| {_precision(base) if base else ''} | {_precision(now)} |"
        )
    return "\n".join(lines)


def report(results: dict[str, ClassResult], threshold: float) -> str:
    """The plain report: per class figures, then every disagreement with its score."""
    lines = [f"threshold {threshold:g}: class pairs same recall precision FP"]
    for case, r in results.items():
        lines.append(
            f"  {case:22s} {r.pairs:4d} {r.positives:4d}  {r.recall:.3f} "
            f"({r.true_positives}/{r.positives})  {r.precision:.3f}  {r.false_positives}"
        )
    lines.append("disagreements (FN: same but no hit; FP: different but a hit):")
    for case, r in results.items():
        if case == TOTAL:
            continue
        for v in r.disagreements:
            kind = "FN" if v.pair.same else "FP"
            score = "no candidate" if v.best_score is None else f"score {v.best_score:g}"
            lines.append(f"  {kind} {case}: {v.pair.name_a!r} vs {v.pair.name_b!r} ({score})")
    return "\n".join(lines)


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--baseline", type=Path, default=DEFAULT_BASELINE)
    parser.add_argument("--save-baseline", action="store_true", help="overwrite the baseline")
    parser.add_argument("--markdown", action="store_true", help="print the README table")
    parser.add_argument("--before", type=Path, default=DEFAULT_BEFORE)
    args = parser.parse_args(argv)

    try:
        pairs = load_pairs(args.csv)
    except (OSError, PairFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    results = per_class(judge(pairs, args.threshold))
    if args.markdown:
        before = _read(args.before) if args.before.exists() else None
        print(markdown(results, before["classes"] if before else None))
        return 0
    base = None
    if args.baseline.exists() and not args.save_baseline:
        base = _read(args.baseline)
    print(f"{args.csv.name}: {len(pairs)} pairs")
    print(report(results, args.threshold))
    status = 0
    if base is not None:
        fallen = regressions(results, base["classes"])
        for line in fallen:
            print(f"  below the baseline: {line}")
        print("baseline: " + ("kept" if not fallen else f"{len(fallen)} figures fell"))
        status = 1 if fallen else 0
    if args.save_baseline:
        saved = {"csv": args.csv.name, "threshold": args.threshold, "classes": figures(results)}
        args.baseline.write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")
        print(f"baseline saved to {args.baseline}")
    return status


if __name__ == "__main__":
    sys.exit(main())
