"""Reviewer decisions on hits: confirmed, false positive, escalated; each one audited."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import NotFoundError, UsageError
from core.identity import default_reviewer
from core.lists.catalog import ListCatalog
from core.lists.snapshot import ListSnapshot
from core.review.hit_records import hit_from_record
from core.review.memory import listing_keys, supplier_key
from core.review.run_store import with_recorded_decision
from core.screening.decision import Decision
from core.screening.result import ListingHit
from core.store.audit import append_in
from core.store.database import Database
from core.store.models import DecisionRecord, RunHit, ScreeningRun


class DecisionService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def decide(
        self,
        run_id: int,
        row: int,
        entity_id: str,
        decision: Decision | str,
        note: str = "",
        by: str | None = None,
        *,
        sheet: str | None = None,
        snapshot: ListSnapshot | None = None,
    ) -> list[ListingHit]:
        """Record a decision on the hit of ``entity_id`` in ``row`` of run ``run_id``; returns
        that hit on each of the entity's lists, with the decision."""
        chosen = Decision.parse(decision)
        reviewer = (by or "").strip() or default_reviewer()
        listed = snapshot or ListCatalog(self.db).snapshot()

        def record_it(session: Session) -> list[ListingHit]:
            if session.get(ScreeningRun, run_id) is None:
                raise NotFoundError(f"there is no screening run {run_id}")
            query = select(RunHit).where(RunHit.run_id == run_id, RunHit.row_number == row)
            on_row = list(session.scalars(query))
            if sheet is not None:
                on_row = [h for h in on_row if h.sheet == sheet]
            matching = [h for h in on_row if h.entity_id == entity_id]
            if not matching:
                others = sorted({h.entity_id for h in on_row})
                where = f"row {row}" + (f" of sheet {sheet!r}" if sheet else "")
                hint = f"; hits on that row: {', '.join(others)}" if others else ""
                raise NotFoundError(f"run {run_id} has no hit for {entity_id!r} on {where}{hint}")
            sheets = sorted({h.sheet or "" for h in matching})
            if len(sheets) > 1:
                raise UsageError(
                    f"row {row} has this hit on several sheets ({', '.join(sheets)}): "
                    "name the sheet"
                )
            hit = matching[0]
            record = DecisionRecord(
                run_id=run_id,
                sheet=hit.sheet,
                row_number=row,
                entity_id=entity_id,
                supplier_name=hit.supplier_name,
                supplier_key=supplier_key(hit.supplier_name),
                decision=chosen.value,
                note=note,
                decided_by=reviewer,
                decided_at=dt.datetime.now(dt.UTC),
                listing_events=json.dumps(listing_keys(listed, entity_id), ensure_ascii=False),
            )
            session.add(record)
            append_in(
                session,
                "decision.recorded",
                f"run {run_id} row {row} {entity_id}",
                {
                    "run": run_id,
                    "sheet": hit.sheet,
                    "row": row,
                    "entity_id": entity_id,
                    "supplier_name": hit.supplier_name,
                    "decision": chosen.value,
                    "note": note,
                    # A name given with --by is the reviewer's word; who was logged in is a fact.
                    "os_user": default_reviewer(),
                },
                reviewer,
            )
            session.flush()
            # Only this hit's rows, not the whole run: decisions on a 100k-row run stay quick.
            return [
                with_recorded_decision(hit_from_record(h), record)
                for h in sorted(matching, key=lambda h: h.position)
            ]

        # Run again from the start if another reviewer's write raced this one (shared database).
        return self.db.transaction(record_it)
