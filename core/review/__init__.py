"""Review of screening results: stored runs, reviewer decisions and their memory."""

from core.review.decisions import Decision, DecisionService
from core.review.run_store import RunStore, RunSummary
from core.store.audit import AuditCheck, AuditLog

__all__ = ["AuditCheck", "AuditLog", "Decision", "DecisionService", "RunStore", "RunSummary"]
