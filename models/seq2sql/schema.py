"""What the parser knows about a database: tables, typed columns, Korean names, foreign keys.

The structure comes from SQLAlchemy reflection (any URL); the Korean names, types and units from
an optional ``*.sori.yaml`` annotation (``SQL_ANNOTATION.md``). Without one, identifiers are split
(``BirthYear`` → ``birth year``) and common English nouns are translated (``price`` → ``가격``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml

from models.errors import SqlError
from models.seq2sql.lexicon import with_synonyms
from models.seq2sql.translit import english_to_korean

__all__ = [
    "COLUMN_TYPES",
    "Column",
    "ForeignKey",
    "Schema",
    "Table",
    "apply_annotation",
    "draft_annotation",
    "guess_unit",
    "load_annotation",
    "read_values",
    "reflect_schema",
    "split_identifier",
]

COLUMN_TYPES = ("id", "text", "number", "date", "boolean")
# Words in the name of the column that names a row.
_DISPLAY_HINTS = ("이름", "제목", "명", "name", "title", "호선", "노선")
_DATE_RE = re.compile(r"^\d{4}-\d{2}(-\d{2})?([ T][\d:.]+)?$")
_YEAR_NAME_RE = re.compile(r"^(year|season)$|_year$|^year_|년도|연도|^년$|시즌", re.IGNORECASE)
_BOOL_NAME_RE = re.compile(
    r"^(is|has|can|was|open|in)_|_(yn|flag|bool)$|^(active|returned|available)$", re.IGNORECASE
)


@dataclass(frozen=True)
class Column:
    """One column: database spelling, Korean names (first canonical), semantic type, unit."""

    table: str
    name: str
    names: tuple[str, ...]
    type: str
    unit: str = ""
    primary_key: bool = False
    storage: str = ""  # reflected SQL type, lower case ("integer", "boolean", "text"...)

    @property
    def key(self) -> str:
        """``table.column`` as the database spells them."""
        return f"{self.table}.{self.name}"

    @property
    def label(self) -> str:
        """The canonical Korean name."""
        return self.names[0]


@dataclass(frozen=True)
class Table:
    """One table with its Korean names and columns."""

    name: str
    names: tuple[str, ...]
    columns: tuple[Column, ...]

    @property
    def label(self) -> str:
        """The canonical Korean name."""
        return self.names[0]

    @property
    def display(self) -> str:
        """The column that names a row (제목, 이름...): what "어떤 공연 있어?" lists."""
        texts = [c for c in self.columns if c.type == "text"]
        for column in texts:
            if any(h in n.lower() for n in (*column.names, column.name) for h in _DISPLAY_HINTS):
                return column.key
        others = texts or [c for c in self.columns if not c.primary_key] or list(self.columns)
        return others[0].key


@dataclass(frozen=True)
class ForeignKey:
    """``table.column`` references ``ref_table.ref_column``."""

    table: str
    column: str
    ref_table: str
    ref_column: str


@dataclass(frozen=True)
class Schema:
    """A database as the parser sees it.

    Attributes:
        database: a short name (annotation ``database`` or the file stem).
        tables: every queryable table.
        foreign_keys: reflected from the database; they enable join templates.
        dialect: SQLAlchemy dialect name (``sqlite``, ``postgresql``...).
        description: free text from the annotation.
    """

    database: str
    tables: tuple[Table, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    dialect: str = "sqlite"
    description: str = ""
    _index: dict[str, Column] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for table in self.tables:
            for column in table.columns:
                self._index[column.key] = column

    @property
    def columns(self) -> list[Column]:
        """Every column of every table, in schema order."""
        return [c for t in self.tables for c in t.columns]

    def table(self, name: str) -> Table:
        """The table called ``name`` (case-insensitive)."""
        for table in self.tables:
            if table.name == name or table.name.lower() == name.lower():
                return table
        raise KeyError(name)

    def column(self, key: str) -> Column:
        """The column ``table.column``."""
        return self._index[key]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able form (for hashing and bundles)."""
        return {
            "database": self.database,
            "dialect": self.dialect,
            "description": self.description,
            "tables": [
                {
                    "name": t.name,
                    "names": list(t.names),
                    "columns": [
                        {
                            "name": c.name,
                            "names": list(c.names),
                            "type": c.type,
                            "unit": c.unit,
                            "primary_key": c.primary_key,
                            "storage": c.storage,
                        }
                        for c in t.columns
                    ],
                }
                for t in self.tables
            ],
            "foreign_keys": [
                [f.table, f.column, f.ref_table, f.ref_column] for f in self.foreign_keys
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Schema:
        """Inverse of ``to_dict``."""
        tables = tuple(
            Table(
                t["name"],
                tuple(t["names"]),
                tuple(
                    Column(
                        t["name"],
                        c["name"],
                        tuple(c["names"]),
                        c["type"],
                        c.get("unit", ""),
                        c.get("primary_key", False),
                        c.get("storage", ""),
                    )
                    for c in t["columns"]
                ),
            )
            for t in data["tables"]
        )
        fks = tuple(ForeignKey(*f) for f in data.get("foreign_keys", []))
        return cls(
            data["database"],
            tables,
            fks,
            data.get("dialect", "sqlite"),
            data.get("description", ""),
        )


def split_identifier(name: str) -> str:
    """Split ``snake_case``/``camelCase``/``PascalCase`` into lower-case words.

    Examples:
        >>> split_identifier("BirthYear"), split_identifier("in_stock"), split_identifier("HTTPCode")
        ('birth year', 'in stock', 'http code')
    """
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", name)
    return " ".join(part for part in re.split(r"[_\-\s.]+", name.lower()) if part)


def _default_names(identifier: str) -> tuple[str, ...]:
    words = split_identifier(identifier) or identifier
    korean = english_to_korean(words)
    if korean and korean != words:
        return (korean, words)
    return (words,)


def _guess_type(
    column: dict[str, Any], is_pk: bool, fk_columns: set[str], samples: list[Any]
) -> str:
    name = column["name"]
    sql_type = column["type"]
    lowered = name.lower()
    id_like = (
        lowered == "id" or lowered.endswith(("_id", "_no")) or re.search(r"[a-z0-9](Id|ID)$", name)
    )
    is_int = isinstance(sql_type, sa.Integer)
    if id_like or (is_pk or name in fk_columns) and is_int:
        return "id"
    if isinstance(sql_type, sa.Boolean):
        return "boolean"
    if isinstance(sql_type, (sa.Date, sa.DateTime)):
        return "date"
    if isinstance(sql_type, (sa.Integer, sa.Numeric, sa.Float)):
        values = {v for v in samples if v is not None}
        if values and values <= {0, 1} and _BOOL_NAME_RE.search(name):
            return "boolean"
        return "number"
    texts = [str(v) for v in samples if v is not None]
    if texts and all(_DATE_RE.match(t) for t in texts):
        return "date"
    return "text"


def guess_unit(name: str, type: str) -> str:
    """The unit a number column's name implies: "년" for a year ("년도", "season", "birth_year"),
    so that "2007년" in a question points at it."""
    return "년" if type == "number" and _YEAR_NAME_RE.search(name) else ""


def reflect_schema(engine: sa.Engine, database: str = "", sample_rows: int = 50) -> Schema:
    """Read tables, columns and foreign keys of any SQLAlchemy database.

    Args:
        engine: an engine on the database to describe (read-only use).
        database: the name to give it; default the file stem or database name of the URL.
        sample_rows: rows read per table to guess date and boolean columns.

    Returns:
        A ``Schema`` whose names come from the identifiers (no annotation applied).
    """
    try:
        inspector = sa.inspect(engine)
        tables, fks = [], []
        for table_name in sorted(inspector.get_table_names()):
            if table_name.startswith(("sqlite_", "alembic_")):
                continue
            columns = inspector.get_columns(table_name)
            pk = set(inspector.get_pk_constraint(table_name).get("constrained_columns") or [])
            fk_cols: set[str] = set()
            for fk in inspector.get_foreign_keys(table_name):
                for col, ref in zip(
                    fk["constrained_columns"], fk["referred_columns"], strict=False
                ):
                    fks.append(ForeignKey(table_name, col, fk["referred_table"], ref))
                    fk_cols.add(col)
            samples = _sample(engine, table_name, [c["name"] for c in columns], sample_rows)
            types = {
                c["name"]: _guess_type(c, c["name"] in pk, fk_cols, samples.get(c["name"], []))
                for c in columns
            }
            table_columns = tuple(
                Column(
                    table_name,
                    c["name"],
                    _default_names(c["name"]),
                    types[c["name"]],
                    guess_unit(c["name"], types[c["name"]]),
                    primary_key=c["name"] in pk,
                    storage=_storage(c["type"]),
                )
                for c in columns
            )
            tables.append(Table(table_name, _default_names(table_name), table_columns))
    except sa.exc.SQLAlchemyError as exc:
        raise SqlError(f"cannot reflect {engine.url.render_as_string()}: {exc}") from exc
    name = database or Path(engine.url.database or "db").stem
    return Schema(name, tuple(tables), tuple(fks), engine.dialect.name)


def _storage(sql_type: Any) -> str:
    try:
        return sql_type.__class__.__name__.lower()
    except AttributeError:  # pragma: no cover - reflection always gives a type object
        return ""


def _sample(engine: sa.Engine, table: str, columns: list[str], n: int) -> dict[str, list[Any]]:
    quoted = sa.table(table, *[sa.column(c) for c in columns])
    with engine.connect() as conn:
        rows = conn.execute(sa.select(quoted).limit(n)).fetchall()
    return {c: [row[i] for row in rows] for i, c in enumerate(columns)}


def read_values(
    engine: sa.Engine, schema: Schema, max_distinct: int = 20000, max_numbers: int = 2000
) -> dict[str, list[Any]]:
    """Real values per ``table.column``: distinct texts (for linking), samples of the rest.

    Args:
        engine: a (read-only) engine on the database.
        schema: its tables.
        max_distinct: most distinct values read from one text column.
        max_numbers: most values read from one number, date or boolean column.
    """
    out: dict[str, list[Any]] = {}
    try:
        with engine.connect() as conn:
            for table in schema.tables:
                for column in table.columns:
                    col = sa.column(column.name)
                    query = sa.select(col).select_from(sa.table(table.name)).where(col.is_not(None))
                    if column.type == "text":
                        query = query.distinct().limit(max_distinct)
                    else:
                        query = query.limit(max_numbers)
                    out[column.key] = [row[0] for row in conn.execute(query)]
    except sa.exc.SQLAlchemyError as exc:
        raise SqlError(f"cannot read values of {schema.database}: {exc}") from exc
    return out


def load_annotation(path: Path | str) -> dict[str, Any]:
    """Read and check a ``*.sori.yaml`` file (structure only; names are matched later).

    Raises:
        SqlError: the file is not the documented shape (names the problem).
    """
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SqlError(
            f"cannot read annotation {path}: {exc}", "주석 파일(.sori.yaml)을 읽지 못했어요."
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("tables", {}), dict):
        raise SqlError(
            f"{path}: expected a mapping with 'tables'", "주석 파일 형식이 올바르지 않아요."
        )
    for table, spec in (data.get("tables") or {}).items():
        for column, cspec in ((spec or {}).get("columns") or {}).items():
            ctype = (cspec or {}).get("type")
            if ctype is not None and ctype not in COLUMN_TYPES:
                raise SqlError(
                    f"{path}: {table}.{column} has type {ctype!r}; one of {COLUMN_TYPES}",
                    "주석 파일의 열 종류(type)가 올바르지 않아요.",
                )
    return data


def _names(spec: dict[str, Any] | None, fallback: tuple[str, ...]) -> tuple[str, ...]:
    names = (spec or {}).get("names")
    if isinstance(names, str):
        names = [names]
    names = tuple(str(n).strip() for n in names or () if str(n).strip())
    return with_synonyms(names or fallback)


def apply_annotation(schema: Schema, annotation: dict[str, Any] | None) -> Schema:
    """Give the schema the annotation's Korean names, types and units (keys matched ignoring case)."""
    if not annotation:
        return schema
    by_lower = {str(k).lower(): v or {} for k, v in (annotation.get("tables") or {}).items()}
    tables = []
    for table in schema.tables:
        spec = by_lower.get(table.name.lower(), {})
        col_specs = {str(k).lower(): v or {} for k, v in (spec.get("columns") or {}).items()}
        columns = []
        for column in table.columns:
            cspec = col_specs.get(column.name.lower())
            if cspec is None:
                columns.append(column)
                continue
            columns.append(
                replace(
                    column,
                    names=_names(cspec, column.names),
                    type=cspec.get("type") or column.type,
                    unit=str(cspec.get("unit") or ""),
                )
            )
        tables.append(Table(table.name, _names(spec, table.names), tuple(columns)))
    return Schema(
        str(annotation.get("database") or schema.database),
        tuple(tables),
        schema.foreign_keys,
        schema.dialect,
        str(annotation.get("description") or ""),
    )


def draft_annotation(schema: Schema) -> str:
    """A draft ``.sori.yaml`` for the owner to edit (names from identifiers, types guessed)."""
    tables: dict[str, Any] = {}
    for table in schema.tables:
        columns = {}
        for column in table.columns:
            spec: dict[str, Any] = {"names": list(column.names), "type": column.type}
            if column.unit:
                spec["unit"] = column.unit
            columns[column.name] = spec
        tables[table.name] = {"names": list(table.names), "columns": columns}
    body = {
        "database": schema.database,
        "description": schema.description
        or f"{schema.database} 데이터베이스 (초안: 이름을 고쳐 주세요)",
        "tables": tables,
    }
    header = (
        "# Draft written by `sori sql annotate`: put Korean names first in each `names` list,\n"
        "# check every `type` (id/text/number/date/boolean) and add `unit` (원, 명, 점...).\n"
    )
    return header + yaml.safe_dump(
        body, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100
    )
