"""ORM models of the app database: people and conversations, catalogs, drug response, model registry.

The SQL skill never queries these tables; analysts' questions run against separate databases
(the demo catalog file, or a URL the admin configured), so conversations stay private.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

__all__ = [
    "Base",
    "CellLine",
    "Comic",
    "Conversation",
    "DatasetImport",
    "Drug",
    "DrugResponse",
    "Feedback",
    "Interaction",
    "ModelRecord",
    "TrackerState",
    "Turn",
    "User",
    "Video",
    "utcnow",
]


def utcnow() -> datetime:
    """Timezone-aware now, the only clock the schema uses."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base; Alembic reads ``Base.metadata``."""


class User(Base):
    """Someone who talks to the assistant; created on first contact."""

    __tablename__ = "users"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    speaker: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Conversation(Base):
    """A run of turns; a new one starts after a long pause or a goodbye."""

    __tablename__ = "conversations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    turns: Mapped[list[Turn]] = relationship(back_populates="conversation", order_by="Turn.id")


class Turn(Base):
    """One message, from the user or the assistant, with what the assistant understood."""

    __tablename__ = "turns"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # "user" | "assistant"
    text: Mapped[str] = mapped_column(Text)
    intent: Mapped[str | None] = mapped_column(String(32))
    confidence: Mapped[float | None] = mapped_column(Float)
    skill: Mapped[str | None] = mapped_column(String(64))
    payload: Mapped[dict] = mapped_column(JSON, default=dict)  # entities, table, sql, timings
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    conversation: Mapped[Conversation] = relationship(back_populates="turns")


class TrackerState(Base):
    """The dialogue state of one user: slots, pending question, what was shown last."""

    __tablename__ = "trackers"
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)
    state: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Comic(Base):
    """A comic or webtoon of the catalog (demo or imported)."""

    __tablename__ = "comics"
    __table_args__ = (UniqueConstraint("source", "source_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(32))  # "demo" | "naver-webtoon"
    source_id: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(256), index=True)
    genres: Mapped[str] = mapped_column(String(256))  # "|"-separated, Korean
    synopsis: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(256), default="")
    rating: Mapped[float | None] = mapped_column(Float)  # out of 10
    popularity: Mapped[int] = mapped_column(Integer, default=0)
    age_rating: Mapped[str] = mapped_column(String(32), default="")
    episodes: Mapped[int | None] = mapped_column(Integer)


class Video(Base):
    """A movie, drama or anime of the catalog (demo or imported)."""

    __tablename__ = "videos"
    __table_args__ = (UniqueConstraint("source", "source_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(32))  # "demo" | "movielens" | "anime"
    source_id: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(256), index=True)
    genres: Mapped[str] = mapped_column(String(256))
    synopsis: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[int | None] = mapped_column(Integer)
    media: Mapped[str] = mapped_column(String(32), default="")  # 영화 | 드라마 | 애니메이션
    rating: Mapped[float | None] = mapped_column(Float)
    popularity: Mapped[int] = mapped_column(Integer, default=0)


class Interaction(Base):
    """An implicit-feedback event (read, watched, rated) of a dataset or chat user with an item."""

    __tablename__ = "interactions"
    __table_args__ = (Index("ix_interactions_kind_item", "kind", "item_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # "comic" | "video"
    item_id: Mapped[int] = mapped_column(Integer)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    source: Mapped[str] = mapped_column(String(32))


class Feedback(Base):
    """What a chat user said about a shown item."""

    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[int] = mapped_column(Integer)
    signal: Mapped[str] = mapped_column(String(16))  # "like" | "dislike" | "seen"
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CellLine(Base):
    """A cancer cell line (demo or GDSC)."""

    __tablename__ = "cell_lines"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    tissue: Mapped[str] = mapped_column(String(64), default="")
    subtype: Mapped[str] = mapped_column(String(128), default="")
    source: Mapped[str] = mapped_column(String(32))


class Drug(Base):
    """An anti-cancer drug (demo or GDSC)."""

    __tablename__ = "drugs"
    name: Mapped[str] = mapped_column(String(128), primary_key=True)
    name_ko: Mapped[str] = mapped_column(String(128), default="")
    targets: Mapped[str] = mapped_column(String(256), default="")
    pathway: Mapped[str] = mapped_column(String(128), default="")
    threshold_ln_ic50: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str] = mapped_column(String(32))


class DrugResponse(Base):
    """A measured cell line × drug response (ln IC50 in µM)."""

    __tablename__ = "drug_responses"
    __table_args__ = (UniqueConstraint("cell_line", "drug"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cell_line: Mapped[str] = mapped_column(ForeignKey("cell_lines.name"), index=True)
    drug: Mapped[str] = mapped_column(ForeignKey("drugs.name"), index=True)
    ln_ic50: Mapped[float] = mapped_column(Float)
    auc: Mapped[float | None] = mapped_column(Float)
    sensitive: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(32))


class ModelRecord(Base):
    """A row of the model registry: one trained or quantized model and its measurements."""

    __tablename__ = "model_registry"
    __table_args__ = (UniqueConstraint("model", "method", "bits"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    model: Mapped[str] = mapped_column(String(64))
    method: Mapped[str] = mapped_column(String(32))  # "fp32" | "ptq" | "qat" | ...
    bits: Mapped[int] = mapped_column(Integer)
    metric_name: Mapped[str] = mapped_column(String(32))
    metric: Mapped[float | None] = mapped_column(Float)
    metric_fp32: Mapped[float | None] = mapped_column(Float)
    size_mb: Mapped[float | None] = mapped_column(Float)
    size_ratio: Mapped[float | None] = mapped_column(Float)
    latency_ms: Mapped[float | None] = mapped_column(Float)
    latency_ratio: Mapped[float | None] = mapped_column(Float)
    path: Mapped[str] = mapped_column(String(512), default="")
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DatasetImport(Base):
    """Provenance of a loaded dataset, so a rerun with the same source and options skips."""

    __tablename__ = "dataset_imports"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    source_hash: Mapped[str] = mapped_column(String(64))
    options: Mapped[dict] = mapped_column(JSON, default=dict)
    rows: Mapped[dict] = mapped_column(JSON, default=dict)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
