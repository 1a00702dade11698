"""Every field of a hit survives storage and the JSON document, and a stored run of an earlier
version (reasons and event lines as English sentences) reads back as values."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import select, text

from core.lists.asof import StatusBasis
from core.lists.describe import EventLine
from core.lists.model import Action, Status
from core.matching.reasons import Reason, ReasonKind
from core.review.hit_records import FROM_DECISIONS, column_of, hit_from_record, hit_record
from core.screening.decision import Decision
from core.screening.hit_values import HIT_FIELDS
from core.screening.json_export import hit_from_json, hit_to_json
from core.screening.result import ListingHit, PriorDecision
from core.store.database import MIGRATIONS_DIR, Database
from core.store.models import RunHit, ScreeningRun

AT = dt.datetime(2026, 11, 30, 8, 15, 42, tzinfo=dt.UTC)  # whole seconds: the JSON keeps those


def every_field_hit() -> ListingHit:
    """A hit in which no field has its default value."""
    prior = PriorDecision(
        decision=Decision.CONFIRMED,
        note="same USCC",
        decided_by="li.wei",
        decided_at=AT,
        run_id=7,
        applies=True,
        changes=(
            EventLine("cn-export-control", Action.REMOVED, dt.date(2026, 11, 1), None, "公告"),
        ),
    )
    return ListingHit(
        sheet="Vendors",
        row=14,
        supplier_name="Kratos UAS Inc.",
        supplier_country="US",
        entity_id="kratos",
        entity_name="Kratos Unmanned Aerial Systems, Inc.",
        entity_name_zh="奎托斯无人机系统公司",
        matched_name="Kratos Unmanned Aerial Systems",
        score=96.5,
        band="strong",
        reasons=(
            # the words as the supplier and the list printed them (not stems: "krato")
            Reason(ReasonKind.TOKENS_MATCHED, ("Kratos", "Unmanned")),
            Reason(ReasonKind.TYPO, ("Sytems", "Systems")),
            Reason(ReasonKind.COUNTRY_DIFFERS, ("JP", "US")),
            Reason(ReasonKind.ACRONYM_ALIAS),
        ),
        matched_tokens=("Kratos", "UAS"),
        list_id="cn-unreliable-entity",
        status=Status.SUSPENDED,
        since=dt.date(2025, 1, 2),
        until=dt.date(2026, 11, 10),
        announcement="不可靠实体清单工作机制公告〔2025〕7号",
        source_url="https://example.org/notice",
        upcoming=(
            EventLine(
                "cn-unreliable-entity", Action.SUSPENDED, dt.date(2027, 1, 1), dt.date(2027, 4, 1)
            ),
        ),
        suspended_since=dt.date(2025, 11, 10),
        status_basis=StatusBasis.COMPUTED,
        basis_event=EventLine(
            "cn-unreliable-entity", Action.SUSPENDED, dt.date(2025, 11, 10), dt.date(2026, 11, 10)
        ),
        decision=prior.decision,
        decision_note=prior.note,
        decided_by=prior.decided_by,
        decided_at=prior.decided_at,
        prior=prior,
    )


def test_the_sample_hit_sets_every_field() -> None:
    """A field added to ListingHit must be set here, so that the round trips below cover it."""
    hit = every_field_hit()
    for field in dataclasses.fields(ListingHit):
        if field.default is not dataclasses.MISSING:
            assert getattr(hit, field.name) != field.default, f"set {field.name} in the sample"


def test_every_field_survives_the_json_document() -> None:
    hit = every_field_hit()
    document = json.loads(json.dumps(hit_to_json(hit), ensure_ascii=False))
    assert hit_from_json(document) == hit
    assert document["reasons"][:2] == ["tokens matched: Kratos, Unmanned", "typo: Sytems ~ Systems"]
    assert document["reasons_detail"][1] == {
        "kind": "typo",
        "supplier": "Sytems",
        "listed": "Systems",
    }
    assert document["matched_tokens"] == ["Kratos", "UAS"]
    assert document["cleared_before"]["listing_changes"] == [
        "cn-export-control: removed from 2026-11-01 (公告)"
    ]


def test_every_field_has_a_column_or_comes_from_the_decisions() -> None:
    columns = set(RunHit.__table__.columns.keys())
    for field in HIT_FIELDS:
        assert field in FROM_DECISIONS or column_of(field) in columns, field


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    database = Database(database_url)
    yield database
    database.dispose()


def _run_id(db: Database) -> int:
    now = dt.datetime.now(dt.UTC)
    with db.session() as session:
        run = ScreeningRun(
            input_name="a.xlsx", input_path="/a.xlsx", input_sha256="0" * 64,
            as_of=dt.date(2026, 12, 4), threshold=88.0, list_ids="[]", releases="[]",
            sheets="[]", settings="{}", app_version="test", user="me", started_at=now,
            finished_at=now, rows_screened=1, flagged_rows=1, hit_count=1,
        )  # fmt: skip
        session.add(run)
        session.flush()
        return run.id


def test_every_field_survives_storage(db: Database) -> None:
    hit = every_field_hit()
    run_id = _run_id(db)
    with db.session() as session:
        session.add(hit_record(run_id, 0, hit))
    with db.session() as session:
        record = session.scalars(select(RunHit).where(RunHit.run_id == run_id)).one()
        loaded = hit_from_record(record)
    assert loaded == hit  # the decision is the remembered one, from ``prior``
    undecided = dataclasses.replace(hit, prior=None).with_decision(None, "", "", None)
    with db.session() as session:
        session.add(hit_record(run_id, 1, undecided))
    with db.session() as session:
        query = select(RunHit).where(RunHit.run_id == run_id, RunHit.position == 1)
        assert hit_from_record(session.scalars(query).one()) == undecided


def test_a_run_stored_by_an_earlier_version_reads_back_as_values(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = Database(url, migrate=False)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with old.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0002")
    with old.engine.begin() as connection:  # the columns of revision 0002
        inserted = connection.execute(
            text(
                "INSERT INTO screening_runs (input_name, input_path, input_sha256, as_of,"
                " threshold, list_ids, releases, sheets, settings, app_version, user,"
                " started_at, finished_at, rows_screened, flagged_rows, hit_count) VALUES"
                " ('a.xlsx', '/a.xlsx', :sha, '2026-12-04', 88.0, '[]', '[]', '[]', '{}', 'old',"
                " 'me', :at, :at, 1, 1, 1)"
            ),
            {"sha": "0" * 64, "at": AT.isoformat()},
        )
        run_id = inserted.lastrowid
    legacy: dict[str, Any] = {
        "reasons": [
            "tokens matched: kratos, unmanned",
            "typo: sytems ~ systems",
            "abbreviation: Intl = international",
            "same name, different spacing: redcat ~ red cat",
            "country differs: supplier JP, entity US",
            "acronym alias",
            "something no version wrote",
        ],
        "upcoming": ["suspended from 2027-01-01 until 2027-04-01 (公告〔2026〕9号)"],
        "prior": {
            "decision": "false_positive", "note": "n", "decided_by": "li.wei",
            "decided_at": AT.isoformat(), "run_id": 3, "applies": False,
            "changes": ["cn-export-control: removed from 2026-11-01"],
        },
    }  # fmt: skip
    with old.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO run_hits (run_id, position, sheet, row_number, supplier_name,"
                " supplier_country, entity_id, entity_name, entity_name_zh, matched_name, score,"
                " band, reasons, matched_tokens, list_id, status, announcement, source_url,"
                " upcoming, prior) VALUES (:run, 0, NULL, 3, 'Kratos', '', 'kratos', 'K', '',"
                " 'K', 90.0, 'strong', :reasons, '[]', 'cn-unreliable-entity', 'active', '', '',"
                " :upcoming, :prior)"
            ),
            {
                "run": run_id,
                "reasons": json.dumps(legacy["reasons"]),
                "upcoming": json.dumps(legacy["upcoming"], ensure_ascii=False),
                "prior": json.dumps(legacy["prior"]),
            },
        )
    old.dispose()
    db = Database(url)  # migrates to the newest revision
    with db.session() as session:
        hit = hit_from_record(session.scalars(select(RunHit)).one())
    db.dispose()
    assert hit.reasons == (
        Reason(ReasonKind.TOKENS_MATCHED, ("kratos", "unmanned")),
        Reason(ReasonKind.TYPO, ("sytems", "systems")),
        Reason(ReasonKind.ABBREVIATION_EXPANDED, ("Intl", "international")),
        Reason(ReasonKind.SAME_LETTERS_SPACING, ("redcat", "red cat")),
        Reason(ReasonKind.COUNTRY_DIFFERS, ("JP", "US")),
        Reason(ReasonKind.ACRONYM_ALIAS),
        Reason(ReasonKind.STORED_TEXT, ("something no version wrote",)),
    )
    assert [r.english() for r in hit.reasons] == legacy["reasons"]
    assert hit.upcoming == (
        EventLine(
            "cn-unreliable-entity",
            Action.SUSPENDED,
            dt.date(2027, 1, 1),
            dt.date(2027, 4, 1),
            "公告〔2026〕9号",
        ),
    )
    assert hit.prior is not None and hit.prior.decision is Decision.FALSE_POSITIVE
    assert hit.prior.changes == (
        EventLine("cn-export-control", Action.REMOVED, dt.date(2026, 11, 1)),
    )
