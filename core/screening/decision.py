"""The decisions a reviewer can take on a hit: the one home of their values.

A value of the screening model (a hit carries its decision), so it lives below the review
package that records and remembers decisions.
"""

from __future__ import annotations

from enum import StrEnum

from core.errors import UsageError


class Decision(StrEnum):
    CONFIRMED = "confirmed"
    FALSE_POSITIVE = "false_positive"
    ESCALATED = "escalated"

    @property
    def english(self) -> str:
        """ "false positive": how the CLI and the report print it."""
        return self.value.replace("_", " ")

    @property
    def earlier(self) -> str:
        """How the report and the CLI say it was decided before: "Cleared", "Confirmed"."""
        return "Cleared" if self is Decision.FALSE_POSITIVE else self.value.capitalize()

    @classmethod
    def parse(cls, text: str) -> Decision:
        """Accepts "false-positive", "false positive", "FALSE_POSITIVE" ..."""
        key = text.strip().lower().replace("-", "_").replace(" ", "_")
        try:
            return cls(key)
        except ValueError:
            choices = ", ".join(d.value.replace("_", "-") for d in cls)
            raise UsageError(f"unknown decision {text!r} (choose {choices})") from None
