"""The keyboard shortcuts for a reviewer's decisions, declared once.

The results page binds them, the details pane shows them on its buttons, and the table's
tooltip names them: all read these tables, so a key changed here changes everywhere.
"""

from __future__ import annotations

from core.screening.decision import Decision

DECISION_KEYS: dict[Decision, str] = {
    Decision.CONFIRMED: "Ctrl+1",
    Decision.FALSE_POSITIVE: "Ctrl+2",
    Decision.ESCALATED: "Ctrl+3",
}
"""Work anywhere on the results page (the details pane included)."""

DECISION_LETTERS: dict[Decision, str] = {
    Decision.CONFIRMED: "C",
    Decision.FALSE_POSITIVE: "F",
    Decision.ESCALATED: "E",
}
"""Single keys, only while the results table has the focus (elsewhere they are typing)."""
