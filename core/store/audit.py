"""The audit trail: append-only records, each chained to the previous one by SHA-256.

Nothing in the app updates or deletes an audit record. ``verify`` recomputes the chain and
reports the first record that does not fit: edited (its hash no longer matches its content),
deleted (a gap in the sequence) or re-linked (its ``prev_hash`` is not its predecessor's hash).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from core.store.database import Database
from core.store.models import AuditRecord
from core.store.timestamps import as_utc

GENESIS = "0" * 64
CHAIN_LOCK = 0x7472_6164_6573_6372  # "tradescr": the advisory lock of the chain's head


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: dt.datetime
    actor: str
    action: str
    subject: str
    details: dict[str, Any]
    hash: str


@dataclass(frozen=True)
class AuditCheck:
    records: int
    broken_seq: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_seq is None


@dataclass(frozen=True)
class AuditHead:
    """The newest audit record at some moment (a report, ``runs show``): who keeps it can check
    later that no record up to it was deleted from the trail's end (``audit verify --head``),
    which the chain alone cannot show."""

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> AuditHead:
        """``N:HASH`` (a record number and its 64-hex-digit SHA-256); ``ValueError`` else."""
        seq_text, sep, digest = text.strip().partition(":")
        digest = digest.lower()
        if (
            not sep
            or not seq_text.isdigit()
            or int(seq_text) < 1
            or len(digest) != 64
            or any(c not in "0123456789abcdef" for c in digest)
        ):
            raise ValueError(f"{text!r} is not an audit head: write N:HASH (record number, colon, "
                             "the record's 64-digit SHA-256)")  # fmt: skip
        return cls(int(seq_text), digest)


class ChainRecord(Protocol):
    """What the hash covers: a stored ``AuditRecord`` or a line of an exported trail."""

    @property
    def seq(self) -> int: ...
    @property
    def at(self) -> dt.datetime: ...
    @property
    def actor(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def details(self) -> str: ...
    @property
    def prev_hash(self) -> str: ...
    @property
    def hash(self) -> str: ...


@dataclass(frozen=True)
class ExportedRecord:
    """One line of ``audit export``: every field the hash covers, ``details`` as stored."""

    seq: int
    at: dt.datetime
    actor: str
    action: str
    subject: str
    details: str
    prev_hash: str
    hash: str


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def record_hash(
    prev_hash: str, seq: int, at: dt.datetime, actor: str, action: str, subject: str, details: str
) -> str:
    body = canonical_json(
        {
            "prev": prev_hash,
            "seq": seq,
            "at": as_utc(at).isoformat(timespec="microseconds"),
            "actor": actor,
            "action": action,
            "subject": subject,
            "details": details,
        }
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append_in(
    session: Session, action: str, subject: str, details: dict[str, Any], actor: str
) -> AuditRecord:
    """Append within the caller's unit of work, so the record commits with what it records.

    On PostgreSQL the unit first takes the chain's advisory lock, held until it commits or
    rolls back: concurrent appends wait for each other instead of both taking the same next
    record (each read of the head, under READ COMMITTED, then sees the last one committed).
    An SQLite file has one writer at a time anyway."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sql("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
    last = session.scalar(select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(1))
    seq = 1 if last is None else last.seq + 1
    prev = GENESIS if last is None else last.hash
    at = dt.datetime.now(dt.UTC)
    text = canonical_json(details)
    record = AuditRecord(
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        subject=subject,
        details=text,
        prev_hash=prev,
        hash=record_hash(prev, seq, at, actor, action, subject, text),
    )
    session.add(record)
    session.flush()  # a concurrent writer that took this seq makes this fail here
    return record


def _entry(r: AuditRecord) -> AuditEntry:
    details = json.loads(r.details)
    return AuditEntry(r.seq, as_utc(r.at), r.actor, r.action, r.subject, details, r.hash)


class AuditLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def append(self, action: str, subject: str, details: dict[str, Any], actor: str) -> int:
        """Append one record on its own; returns its sequence number."""
        return self.db.transaction(
            lambda session: append_in(session, action, subject, details, actor).seq
        )

    def entries(self, limit: int | None = None) -> list[AuditEntry]:
        """The newest records first."""
        with self.db.session() as session:
            query = select(AuditRecord).order_by(AuditRecord.seq.desc())
            if limit is not None:
                query = query.limit(limit)
            return [_entry(r) for r in session.scalars(query)]

    def head(self) -> AuditHead | None:
        """The newest record's number and hash; None for an empty trail."""
        with self.db.session() as session:
            last = session.scalar(select(AuditRecord).order_by(AuditRecord.seq.desc()).limit(1))
            return None if last is None else AuditHead(last.seq, last.hash)

    def records(self) -> Iterable[ExportedRecord]:
        """Every record, oldest first, with the fields the hash covers."""
        with self.db.session() as session:
            query = select(AuditRecord).order_by(AuditRecord.seq).execution_options(yield_per=1000)
            for r in session.scalars(query):
                yield ExportedRecord(r.seq, as_utc(r.at), r.actor, r.action, r.subject,
                                     r.details, r.prev_hash, r.hash)  # fmt: skip

    def verify(self, head: AuditHead | None = None) -> AuditCheck:
        with self.db.session() as session:
            stored = session.scalars(select(AuditRecord).order_by(AuditRecord.seq))
            return verify_chain(stored, head)


def verify_chain(records: Iterable[ChainRecord], head: AuditHead | None = None) -> AuditCheck:
    """Check records given oldest first: numbered 1, 2, ... without gaps, each linked to its
    predecessor's hash and hashing to its own. With ``head`` (taken earlier), the trail must
    also still hold record ``head.seq`` with that hash: deleting the newest records leaves a
    chain that is intact by itself, and only a head kept elsewhere shows it."""
    prev = GENESIS
    count = 0
    seen_head = False
    for record in records:
        count += 1
        if record.seq != count:
            return AuditCheck(count, count, f"record {count} is missing (next is {record.seq})")
        if record.prev_hash != prev:
            return AuditCheck(count, record.seq, "its link to the previous record does not match")
        expected = record_hash(
            record.prev_hash, record.seq, record.at, record.actor, record.action,
            record.subject, record.details,
        )  # fmt: skip
        if expected != record.hash:
            return AuditCheck(count, record.seq, "its content was changed after it was written")
        if head is not None and record.seq == head.seq:
            if record.hash != head.hash:
                return AuditCheck(
                    count, record.seq,
                    f"record {head.seq} is not the record the head was taken from",
                )  # fmt: skip
            seen_head = True
        prev = record.hash
    if head is not None and not seen_head:
        if count + 1 == head.seq:
            gone = f"record {head.seq}, present when the head was taken, was deleted"
        else:
            gone = f"records {count + 1}..{head.seq}, present when the head was taken, were deleted"
        return AuditCheck(count, count + 1, f"the trail ends at record {count}: {gone}")
    return AuditCheck(count)
