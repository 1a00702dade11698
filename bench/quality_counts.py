"""Recall and precision from counts, shared by eval_chinese and eval_world."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Counts:
    """What an evaluation counted: labelled positives, those found, and hits that were wrong."""

    positives: int = 0
    true_positives: int = 0
    false_positives: int = 0

    @property
    def recall(self) -> float:
        return self.true_positives / self.positives if self.positives else 1.0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0
