"""The Chinese-names development sets (tests/core/matching/data/chinese-dev.csv) keep their
quality, and the explanations say what made (or weakened) a Chinese match.

The entities are the 2026.12.04 reference data (a copy in tests/core/matching/data, with the
Chinese names of 134 of the 211 1260H companies) until the bundled pack carries them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core.lists.pack import read_entities_csv
from core.matching import EntityMatcher
from core.matching.reasons import ReasonKind

DATA = Path(__file__).resolve().parent / "data"
sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
from eval_chinese import evaluate, table  # noqa: E402


@pytest.fixture(scope="module")
def matcher_2026() -> EntityMatcher:
    return EntityMatcher(read_entities_csv(DATA / "entities-2026.12.04.csv"))


def test_every_development_set_keeps_full_recall_and_precision(
    matcher_2026: EntityMatcher,
) -> None:
    results = evaluate(DATA / "chinese-dev.csv", matcher_2026)
    assert set(results) == {
        "traditional", "taiwan_own", "zh_1260h_full", "zh_1260h_short", "mixed_cell",
        "full_width", "generic_negative", "acronym",
    }  # fmt: skip
    for case, result in results.items():
        assert result.rows >= 5, case
        assert (result.recall, result.precision) == (1.0, 1.0), (case, result.misses)


def test_the_readme_shows_the_current_quality_table(matcher_2026: EntityMatcher) -> None:
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    assert table(evaluate(DATA / "chinese-dev.csv", matcher_2026)) in readme


def _kinds(matcher: EntityMatcher, text: str, country: str | None = None) -> list[ReasonKind]:
    (hit,) = matcher.match(text, country)
    return [r.kind for r in hit.reasons]


def test_traditional_form_is_explained(matcher_2026: EntityMatcher) -> None:
    (hit,) = matcher_2026.match("洛克希德·馬丁公司")
    assert hit.entity_id == "lockheed-martin" and hit.score == 100.0
    reason = next(r for r in hit.reasons if r.kind is ReasonKind.TRADITIONAL_FORM)
    assert reason.english() == "Traditional form of 马: 馬"


def test_simplified_form_of_a_traditional_listed_name_is_explained(
    matcher_2026: EntityMatcher,
) -> None:
    assert ReasonKind.SIMPLIFIED_FORM in _kinds(matcher_2026, "北京民用飞机技术研究中心")


@pytest.mark.parametrize(
    ("cell", "parts"),
    [
        (
            "华为技术有限公司 Huawei Technologies Co. Ltd.",  # both parts are the listed names
            {"华为技术有限公司", "Huawei Technologies Co. Ltd."},
        ),
        ("Lockheed Martin（某某贸易有限公司）", {"Lockheed Martin"}),
        ("Some Trading / 洛克希德·马丁公司", {"洛克希德·马丁公司"}),
    ],
)
def test_a_mixed_cell_reports_the_part_that_matched(
    matcher_2026: EntityMatcher, cell: str, parts: set[str]
) -> None:
    hits = matcher_2026.match(cell)
    assert hits and hits[0].score >= 95.0
    assert hits[0].supplier_text in parts
    assert hits[0].reasons[0].english() == f"part of the cell matched: {hits[0].supplier_text}"


def test_a_weak_part_does_not_drag_a_strong_one_below_the_threshold(
    matcher_2026: EntityMatcher,
) -> None:
    (hit,) = matcher_2026.match("Lockheed Martin 深圳市某某电子科技有限公司", "CN")
    assert hit.entity_id == "lockheed-martin" and hit.band == "strong"


def test_a_short_name_inside_a_longer_one_is_weak(matcher_2026: EntityMatcher) -> None:
    assert matcher_2026.match("华为科技") == []
    (hit,) = matcher_2026.match("华为科技", threshold=70)
    assert hit.entity_id == "huawei-technologies" and hit.band == "weak"
    assert hit.score <= 80.0
    assert ReasonKind.SHORT_NAME_INSIDE in [r.kind for r in hit.reasons]
    (alone,) = matcher_2026.match("华为")
    assert alone.band == "strong"


def test_a_generic_rendering_is_weak_for_a_company_in_china(
    matcher_2026: EntityMatcher,
) -> None:
    text = "雷神导弹与防务系统公司"  # not the listed rendering 雷神导弹与防务公司
    weak = matcher_2026.match(text, "CN", threshold=70)  # Raytheon Missiles & Defense and more
    assert weak and {h.band for h in weak} == {"weak"}
    assert all(h.reasons[0].kind is ReasonKind.GENERIC_RENDERING for h in weak)
    assert matcher_2026.match(text, "CN") == []
    unknown = matcher_2026.match(text, None, threshold=70)
    assert unknown and all(h.band != "weak" for h in unknown)
    assert all(h.reasons[0].kind is ReasonKind.GENERIC_RENDERING_NO_COUNTRY for h in unknown)
    # the rendering itself is the listed company, wherever the supplier is
    assert matcher_2026.match("雷神导弹与防务公司", "CN")[0].band == "strong"


def test_an_acronym_in_brackets_is_left_out(matcher_2026: EntityMatcher) -> None:
    (hit,) = matcher_2026.match("Aviation Industry Corporation of China (AVIC)")
    assert hit.entity_id == "aviation-industry-corporation-of-china"
    assert hit.supplier_text == "Aviation Industry Corporation of China"
