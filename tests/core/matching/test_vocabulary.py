"""The word tables shared by matching and column detection."""

from __future__ import annotations

import pytest

from core.matching import MAX_THRESHOLD, MIN_THRESHOLD, threshold_in_range
from core.vocabulary import (
    CJK_LEGAL_SUFFIXES,
    GENERIC_WORDS,
    LEGAL_FORMS_ANYWHERE,
    LEGAL_FORMS_AT_EDGES,
    NAME_COLUMN_CJK_FORMS,
    NAME_COLUMN_CJK_WORDS,
    NAME_COLUMN_GENERIC_WORDS,
    NAME_COLUMN_LEGAL_FORMS,
)


def test_the_name_column_guess_uses_the_matchers_legal_forms_and_words() -> None:
    legal_forms = LEGAL_FORMS_ANYWHERE.keys() | LEGAL_FORMS_AT_EDGES.keys()
    assert legal_forms >= NAME_COLUMN_LEGAL_FORMS
    assert NAME_COLUMN_GENERIC_WORDS <= GENERIC_WORDS
    assert set(NAME_COLUMN_CJK_FORMS) <= set(CJK_LEGAL_SUFFIXES)
    assert not set(NAME_COLUMN_CJK_WORDS) & set(CJK_LEGAL_SUFFIXES)


@pytest.mark.parametrize(
    ("value", "allowed"),
    [(MIN_THRESHOLD, True), (MAX_THRESHOLD, True), (88.5, True), (-0.1, False), (100.1, False)],
)
def test_the_threshold_range(value: float, allowed: bool) -> None:
    assert threshold_in_range(value) is allowed
