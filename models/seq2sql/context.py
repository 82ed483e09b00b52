"""A database as the skill uses it: schema with Korean names, indexed values, safe executor."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from models.errors import SqlError
from models.seq2sql.safety import (
    DEFAULT_ROW_CAP,
    DEFAULT_TIMEOUT_MS,
    ReadOnlyDatabase,
    readonly_engine,
)
from models.seq2sql.schema import (
    Schema,
    apply_annotation,
    load_annotation,
    read_values,
    reflect_schema,
)
from models.seq2sql.values import ValueIndex, data_year

__all__ = ["Database", "database_name"]


def database_name(url: str) -> str:
    """A short name for a URL: the SQLite file stem or the database name."""
    parsed = sa.make_url(url)
    return Path(parsed.database or "db").stem or "db"


def _jsonable(value: Any) -> Any:
    if isinstance(value, (int, float, str)) or value is None:
        return value
    return str(value)


@dataclass
class Database:
    """One queryable database.

    Attributes:
        url: its SQLAlchemy URL.
        schema: tables and columns with Korean names (annotation applied).
        values: real values per ``table.column`` (distinct texts, samples of the rest).
        index: the text values indexed for linking.
        executor: runs checked read-only SELECTs.
        strict: apply column types in decoding (False for WikiSQL's loosely typed tables).
    """

    url: str
    schema: Schema
    values: dict[str, list[Any]]
    executor: ReadOnlyDatabase
    strict: bool = True
    index: ValueIndex = field(init=False)

    def __post_init__(self) -> None:
        texts = {
            k: v
            for k, v in self.values.items()
            if self.schema.column(k).type in ("text", "id")
            and any(isinstance(x, str) for x in v[:50])
        }
        default_year = data_year(
            v
            for k, vals in self.values.items()
            if self.schema.column(k).type == "date"
            for v in vals
        )
        self.index = ValueIndex({k: [str(x) for x in v] for k, v in texts.items()}, default_year)

    @classmethod
    def open(
        cls,
        url: str,
        annotation: Path | str | None = None,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        row_cap: int = DEFAULT_ROW_CAP,
    ) -> Database:
        """Reflect the database, apply the annotation file (if any) and read its values.

        Raises:
            SqlError: the database cannot be reached or the annotation is malformed.
        """
        try:
            engine = readonly_engine(url)
        except (sa.exc.ArgumentError, SqlError) as exc:
            raise SqlError(
                f"cannot open {url}: {exc}", "데이터베이스 주소를 열 수 없어요."
            ) from exc
        try:
            schema = reflect_schema(engine, database_name(url))
            if annotation:
                schema = apply_annotation(schema, load_annotation(annotation))
            values = read_values(engine, schema)
        finally:
            engine.dispose()
        executor = ReadOnlyDatabase(url, timeout_ms, row_cap)
        schema = Schema(
            schema.database,
            schema.tables,
            schema.foreign_keys,
            executor.dialect,
            schema.description,
        )
        return cls(url, schema, values, executor)

    def fingerprint(self) -> str:
        """A hash of schema, annotation names and values: what a trained parser depends on."""
        digest = hashlib.sha256(
            json.dumps(self.schema.to_dict(), sort_keys=True, ensure_ascii=False).encode()
        )
        for key in sorted(self.values):
            digest.update(key.encode())
            digest.update(
                json.dumps(
                    [_jsonable(v) for v in self.values[key][:5000]], ensure_ascii=False
                ).encode()
            )
        return digest.hexdigest()

    def close(self) -> None:
        """Release connections."""
        self.executor.close()
