"""The labelled pairs of many languages (tests/core/matching/data/world-pairs.csv) keep at least
the recall and precision of the committed baseline in every case class (bench/world_baseline.json;
``python bench/eval_world.py --save-baseline`` raises it after a change that raised them).

The set itself is checked too: every class has enough pairs, same and different ones."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from core.matching import DEFAULT_THRESHOLD

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "bench"))
from eval_world import (  # noqa: E402
    DEFAULT_BASELINE,
    DEFAULT_BEFORE,
    DEFAULT_CSV,
    TOTAL,
    ClassResult,
    Pair,
    PairFileError,
    Verdict,
    figures,
    judge,
    load_pairs,
    main,
    markdown,
    per_class,
    regressions,
)

MIN_PAIRS_PER_CLASS = 20
REQUIRED_CLASSES = {
    *(f"legal_form_{lang}" for lang in "ru de fr es it nl pl pt tr ja nordic en".split()),
    "glued_form", "translit_cyrillic", "translit_greek", "translit_arabic", "translit_hangul",
    "typo_short", "numbers", "particles", "shared_words",
}  # fmt: skip


@pytest.fixture(scope="module")
def pairs() -> list[Pair]:
    return load_pairs(DEFAULT_CSV)


def test_the_set_covers_every_case_class_with_same_and_different_pairs(
    pairs: list[Pair],
) -> None:
    assert len(pairs) >= 300
    per_case = Counter(p.case for p in pairs)
    assert set(per_case) == REQUIRED_CLASSES
    for case in REQUIRED_CLASSES:
        same = sum(p.same for p in pairs if p.case == case)
        assert per_case[case] >= MIN_PAIRS_PER_CLASS, case
        assert 5 <= same <= per_case[case] - 5, (case, same)
    assert len({(p.name_a, p.name_b) for p in pairs}) == len(pairs), "a pair is listed twice"


def test_no_class_falls_below_the_committed_baseline(pairs: list[Pair]) -> None:
    baseline = json.loads(DEFAULT_BASELINE.read_text(encoding="utf-8"))
    assert baseline["threshold"] == DEFAULT_THRESHOLD
    assert set(baseline["classes"]) == REQUIRED_CLASSES | {TOTAL}
    results = per_class(judge(pairs, DEFAULT_THRESHOLD))
    fallen = regressions(results, baseline["classes"])
    disagreements = [
        f"{'FN' if v.pair.same else 'FP'} {v.pair.name_a!r} vs {v.pair.name_b!r} {v.best_score}"
        for case, r in results.items()
        if case != TOTAL
        for v in r.disagreements
        if any(line.startswith(f"{case}:") for line in fallen)
    ]
    assert not fallen, (fallen, disagreements)


def test_the_before_figures_are_kept_beside_the_baseline() -> None:
    before = json.loads(DEFAULT_BEFORE.read_text(encoding="utf-8"))
    assert set(before["classes"]) == REQUIRED_CLASSES | {TOTAL}


def test_a_verdict_is_a_hit_at_the_threshold() -> None:
    same = Pair("c", "en", "Kratos Defense", "Kratos Defense", True, "")
    different = Pair("c", "en", "Kratos Defense", "Lockheed Martin", False, "")
    hit, miss = judge([same, different])
    assert (hit.hit, hit.best_score, hit.agrees) == (True, 100.0, True)
    assert (miss.hit, miss.agrees) == (False, True)


def _results(*verdicts: tuple[bool, bool]) -> dict[str, ClassResult]:
    """Results of made-up verdicts (same, hit) in one class ``c``."""
    pair = {same: Pair("c", "en", "a", "b", same, "") for same in (True, False)}
    return per_class(Verdict(pair[same], hit, None) for same, hit in verdicts)


def test_a_lost_true_positive_or_a_new_false_positive_is_a_regression() -> None:
    base = figures(_results((True, True), (True, True), (False, False)))
    assert regressions(_results((True, True), (True, True), (False, False)), base) == []
    lost = regressions(_results((True, True), (True, False), (False, False)), base)
    assert lost == ["c: recall 1.000 -> 0.500", "total: recall 1.000 -> 0.500"]
    new_fp = regressions(_results((True, True), (True, True), (False, True)), base)
    assert new_fp == ["c: precision 1.000 -> 0.667", "total: precision 1.000 -> 0.667"]
    assert regressions(per_class([]), base) == ["c: missing from the pairs"]


def test_the_markdown_table_has_a_row_per_class_with_before_and_after(pairs: list[Pair]) -> None:
    results = per_class(judge(pairs[:3]))
    before = figures(results)
    table = markdown(results, before).splitlines()
    assert table[0].startswith("| case class | pairs | same | recall before | recall after")
    assert len(table) == 2 + len(results)
    row = next(line for line in table if line.startswith(f"| {pairs[0].case} |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[3] == cells[4] and cells[5] == cells[6]  # the same figures before and after


def test_a_malformed_pair_file_names_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "pairs.csv"
    bad.write_text("case,language,name_a,name_b,same,note\nc,en,A,B,yes,\n", encoding="utf-8")
    with pytest.raises(PairFileError, match="line 2"):
        load_pairs(bad)


def test_the_bench_exits_1_below_its_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = json.loads(DEFAULT_BASELINE.read_text(encoding="utf-8"))
    assert main(["--baseline", str(DEFAULT_BASELINE)]) == 0
    higher = tmp_path / "higher.json"
    base["classes"]["glued_form"]["recall"] = 1.01  # more than any result can reach
    higher.write_text(json.dumps(base), encoding="utf-8")
    capsys.readouterr()
    assert main(["--baseline", str(higher)]) == 1
    printed = capsys.readouterr().out
    assert "below the baseline: glued_form: recall 1.010 ->" in printed
    assert " FN " in printed or " FP " in printed  # the disagreements are listed
