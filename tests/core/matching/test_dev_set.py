"""The labelled dev set (a copy of shared/samples/dev-matches.csv) keeps its quality."""

from __future__ import annotations

import csv

from core.matching import EntityMatcher
from tests.core.matching.conftest import DEV_CSV


def test_dev_set_recall_and_precision(matcher: EntityMatcher) -> None:
    with DEV_CSV.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 100
    true_positives = false_positives = positives = 0
    for row in rows:
        expected = row["expected_entity_id"].strip()
        hits = matcher.match(row["supplier_name"], row["country"] or None)
        positives += bool(expected)
        true_positives += any(h.entity_id == expected for h in hits) if expected else 0
        false_positives += sum(1 for h in hits if h.entity_id != expected)
    recall = true_positives / positives
    precision = true_positives / (true_positives + false_positives)
    assert recall >= 0.98, recall
    assert precision >= 0.97, precision
