"""Review of screening results: stored runs, reviewer decisions and their memory."""

from core.review.decisions import DecisionService
from core.review.run_store import RunStore, RunSummary
from core.review.state import Review, ReviewState, review_of
from core.screening.decision import Decision
from core.store.audit import AuditCheck, AuditLog

__all__ = [
    "AuditCheck",
    "AuditLog",
    "Decision",
    "DecisionService",
    "Review",
    "ReviewState",
    "RunStore",
    "RunSummary",
    "review_of",
]
