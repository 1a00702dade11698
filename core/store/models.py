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
    ForeignKey,
    Index,
    Integer,
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
