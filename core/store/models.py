"""SQLAlchemy 2.0 typed ORM models. Portable across SQLite and PostgreSQL.

List data is stored per release: a release is a snapshot that is never overwritten, so an old
screening can be reproduced from the release it used.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ListRelease(Base):
    __tablename__ = "list_releases"
    __table_args__ = (UniqueConstraint("publisher", "version", name="uq_list_releases_pub_ver"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    publisher: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(100))
    data_cutoff: Mapped[dt.date] = mapped_column(Date)
    checksum: Mapped[str] = mapped_column(String(64), unique=True)
    manifest: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text, default="")
    bundled: Mapped[bool] = mapped_column(Boolean, default=False)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    lists: Mapped[list[ListRecord]] = relationship(back_populates="release")


class ListRecord(Base):
    __tablename__ = "lists"
    __table_args__ = (UniqueConstraint("release_id", "list_id", name="uq_lists_release_list"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("list_releases.id", ondelete="CASCADE"))
    list_id: Mapped[str] = mapped_column(String(100), index=True)
    name_en: Mapped[str] = mapped_column(Text)
    name_zh: Mapped[str] = mapped_column(Text, default="")
    authority: Mapped[str] = mapped_column(Text, default="")
    jurisdiction: Mapped[str] = mapped_column(String(10), default="")
    effect: Mapped[str] = mapped_column(Text, default="")

    release: Mapped[ListRelease] = relationship(back_populates="lists")


class EntityRecord(Base):
    __tablename__ = "entities"
    __table_args__ = (
        UniqueConstraint("release_id", "entity_id", name="uq_entities_release_entity"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("list_releases.id", ondelete="CASCADE"))
    entity_id: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="organization")
    name_en: Mapped[str] = mapped_column(Text, default="")
    name_zh: Mapped[str] = mapped_column(Text, default="")
    country: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    aliases: Mapped[list[AliasRecord]] = relationship(
        back_populates="entity", order_by="AliasRecord.position", cascade="all, delete-orphan"
    )


class AliasRecord(Base):
    __tablename__ = "entity_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_pk: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    alias: Mapped[str] = mapped_column(Text)

    entity: Mapped[EntityRecord] = relationship(back_populates="aliases")


class EventRecord(Base):
    __tablename__ = "listing_events"
    __table_args__ = (Index("ix_listing_events_release_entity", "release_id", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("list_releases.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    entity_id: Mapped[str] = mapped_column(String(200))
    list_id: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))
    effective_on: Mapped[dt.date] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    announced_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    announcement: Mapped[str] = mapped_column(Text, default="")
    source_url: Mapped[str] = mapped_column(Text, default="")
    quality: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class ItemEventRecord(Base):
    """One row of a release's ``items.csv``: a controlled item and one action on it."""

    __tablename__ = "item_events"
    __table_args__ = (Index("ix_item_events_release", "release_id", "item_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    release_id: Mapped[int] = mapped_column(ForeignKey("list_releases.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(Text, default="")
    name_zh: Mapped[str] = mapped_column(Text, default="")
    hs_codes: Mapped[str] = mapped_column(Text, default="")  # "|"-separated, as printed
    control_ref: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(String(20))
    effective_on: Mapped[dt.date] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    source_url: Mapped[str] = mapped_column(Text, default="")
    quality: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class ScreeningRun(Base):
    """One screening as it was run: what was screened, against which list data, by whom."""

    __tablename__ = "screening_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    input_name: Mapped[str] = mapped_column(Text)
    input_path: Mapped[str] = mapped_column(Text, default="")
    input_sha256: Mapped[str] = mapped_column(String(64))
    as_of: Mapped[dt.date] = mapped_column(Date)
    threshold: Mapped[float] = mapped_column(Float)
    list_ids: Mapped[str] = mapped_column(Text)  # JSON list
    releases: Mapped[str] = mapped_column(Text)  # JSON: the releases used, with checksums
    sheets: Mapped[str] = mapped_column(Text)  # JSON: sheet, header row, headers, columns
    settings: Mapped[str] = mapped_column(Text, default="{}")  # JSON: options as given
    known_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    """Screened with the list releases known on this date (None: the newest)."""
    warnings: Mapped[str] = mapped_column(Text, default="[]")  # JSON: coverage warnings
    monitored: Mapped[bool] = mapped_column(Boolean, default=False)
    """Re-checked after every list import (its kept names)."""
    app_version: Mapped[str] = mapped_column(String(40))
    user: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    rows_screened: Mapped[int] = mapped_column(Integer)
    flagged_rows: Mapped[int] = mapped_column(Integer)
    hit_count: Mapped[int] = mapped_column(Integer)


class RunRow(Base):
    """The original cells of a flagged row, so a report can be written again later."""

    __tablename__ = "run_rows"
    __table_args__ = (Index("ix_run_rows_run", "run_id", "sheet", "row_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("screening_runs.id", ondelete="CASCADE"))
    sheet: Mapped[str | None] = mapped_column(Text, nullable=True)
    row_number: Mapped[int] = mapped_column(Integer)
    cells: Mapped[str] = mapped_column(Text)  # JSON list of typed cell values


class RunHit(Base):
    """One hit of a run (row x entity x list) with its explanation and status as computed."""

    __tablename__ = "run_hits"
    __table_args__ = (Index("ix_run_hits_run", "run_id", "sheet", "row_number", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("screening_runs.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    sheet: Mapped[str | None] = mapped_column(Text, nullable=True)
    row_number: Mapped[int] = mapped_column(Integer)
    supplier_name: Mapped[str] = mapped_column(Text)
    supplier_country: Mapped[str] = mapped_column(Text, default="")
    entity_id: Mapped[str] = mapped_column(String(200))
    entity_name: Mapped[str] = mapped_column(Text, default="")
    entity_name_zh: Mapped[str] = mapped_column(Text, default="")
    matched_name: Mapped[str] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float)
    band: Mapped[str] = mapped_column(String(20))
    reasons: Mapped[str] = mapped_column(Text)  # JSON list
    matched_tokens: Mapped[str] = mapped_column(Text)  # JSON list
    list_id: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20))
    since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    announcement: Mapped[str] = mapped_column(Text, default="")
    source_url: Mapped[str] = mapped_column(Text, default="")
    upcoming: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    suspended_since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    prior: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON: remembered decision
    status_basis: Mapped[str] = mapped_column(String(20), default="published")
    basis_event: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON: EventLine


class RunNames(Base):
    """Every screened row's name, second name and country of one sheet of a run, so that the
    run can be checked again without its file: JSON lines, zlib-compressed."""

    __tablename__ = "run_names"
    __table_args__ = (Index("ix_run_names_run", "run_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("screening_runs.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    sheet: Mapped[str | None] = mapped_column(Text, nullable=True)
    rows: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class RunItemHit(Base):
    """One controlled-item hit of a run (row x item), its fields as JSON (``ItemHit``)."""

    __tablename__ = "run_item_hits"
    __table_args__ = (Index("ix_run_item_hits_run", "run_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("screening_runs.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    sheet: Mapped[str | None] = mapped_column(Text, nullable=True)
    row_number: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(200))
    fields: Mapped[str] = mapped_column(Text)  # JSON object of the hit's fields


class DecisionRecord(Base):
    """A reviewer's decision on one hit (row x entity) of one run. The newest one counts."""

    __tablename__ = "decisions"
    __table_args__ = (
        Index("ix_decisions_run", "run_id", "sheet", "row_number", "entity_id"),
        Index("ix_decisions_memory", "supplier_key", "entity_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("screening_runs.id", ondelete="CASCADE"))
    sheet: Mapped[str | None] = mapped_column(Text, nullable=True)
    row_number: Mapped[int] = mapped_column(Integer)
    entity_id: Mapped[str] = mapped_column(String(200))
    supplier_name: Mapped[str] = mapped_column(Text)
    supplier_key: Mapped[str] = mapped_column(String(500))  # the normalized supplier name
    decision: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    listing_events: Mapped[str] = mapped_column(Text)  # JSON: the entity's events known then


class AuditRecord(Base):
    """Append-only, hash-chained audit trail (see ``core.store.audit``)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="{}")  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64))
