"""Safe execution: only one read-only SELECT ever runs, under a timeout and a row cap.

Three layers, each enough on its own for the common attacks:

1. ``check_sql``: the statement is parsed with sqlglot and must be exactly one SELECT (or a set
   operation of SELECTs, or a non-recursive WITH); no INTO, locking clause, PRAGMA, ATTACH,
   DDL/DML node or function outside a short allow-list (so no ``load_extension``, ``pg_sleep``,
   ``pg_read_file``...). The AST is re-rendered and that text, without comments, is what runs.
2. A read-only connection: SQLite is opened as ``file:...?mode=ro`` with ``query_only`` and an
   authorizer that denies everything but reading; PostgreSQL runs inside
   ``SET TRANSACTION READ ONLY`` and is rolled back.
3. Limits: a statement timeout (SQLite: a progress handler that interrupts; PostgreSQL:
   ``SET LOCAL statement_timeout``) and a row cap (``fetchmany``).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa
import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError

from models.errors import SqlExecutionError, SqlTimeoutError, UnsafeSqlError

__all__ = ["QueryResult", "ReadOnlyDatabase", "check_sql", "readonly_engine"]

logger = logging.getLogger(__name__)
# sqlglot logs a warning before falling back to an opaque Command; those are refused anyway.
logging.getLogger("sqlglot").setLevel(logging.ERROR)

DEFAULT_TIMEOUT_MS = 3000
DEFAULT_ROW_CAP = 1000
_PROGRESS_EVERY = 1000  # SQLite VM instructions between two timeout checks

_ALLOWED_FUNCTIONS = frozenset(
    "count avg max min sum total lower upper length abs round coalesce ifnull nullif trim substr "
    "substring strftime date datetime julianday extract cast trycast timetostr strtotime year month "
    "day datediff tsordstodate todate tsordstotimestamp if case distinct concat dpipe ilike like "
    "currentdate currenttimestamp anyvalue greatest least floor ceil".split()
)
_FORBIDDEN_NODES = tuple(
    getattr(exp, name)
    for name in (
        "Insert",
        "Update",
        "Delete",
        "Create",
        "Drop",
        "Alter",
        "Command",
        "Pragma",
        "Attach",
        "Detach",
        "Copy",
        "Set",
        "Transaction",
        "Commit",
        "Rollback",
        "Merge",
        "Into",
        "Lock",
        "Use",
        "Grant",
        "Analyze",
        "LoadData",
        "Describe",
        "Kill",
    )
    if hasattr(exp, name)
)
_SQLITE_ALLOWED_ACTIONS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION}
_SQLITE_DENIED_FUNCTIONS = {
    "load_extension",
    "readfile",
    "writefile",
    "edit",
    "fts3_tokenizer",
    "sqlite_compileoption_get",
    "zeroblob",
    "randomblob",
}


def check_sql(sql: str, dialect: str = "sqlite") -> str:
    """Refuse anything but one read-only SELECT; return the statement as it will run.

    Args:
        sql: the candidate statement.
        dialect: sqlglot dialect (``sqlite``, ``postgres``...).

    Returns:
        The statement re-rendered from its syntax tree (comments dropped).

    Raises:
        UnsafeSqlError: with the reason in ``detail``.
    """
    read = "postgres" if dialect.startswith("postgres") else dialect
    try:
        statements = [s for s in sqlglot.parse(sql, read=read) if s is not None]
    except SqlglotError as exc:
        raise UnsafeSqlError(f"unparsable SQL: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - sqlglot may raise plain errors on garbage
        raise UnsafeSqlError(f"unparsable SQL: {exc}") from exc
    if len(statements) != 1:
        raise UnsafeSqlError(f"expected one statement, got {len(statements)}")
    tree = statements[0]
    if not isinstance(tree, (exp.Select, exp.Union, exp.Except, exp.Intersect, exp.Subquery)):
        raise UnsafeSqlError(f"only SELECT is allowed, got {type(tree).__name__}")
    for node in tree.walk():
        if isinstance(node, _FORBIDDEN_NODES):
            raise UnsafeSqlError(f"forbidden clause {type(node).__name__}")
        if isinstance(node, exp.With) and node.args.get("recursive"):
            raise UnsafeSqlError("recursive WITH is not allowed")
        if isinstance(node, exp.Func) and not isinstance(
            node, (exp.Connector, exp.Binary, exp.Unary)
        ):
            name = (node.name if isinstance(node, exp.Anonymous) else node.key).lower()
            if name not in _ALLOWED_FUNCTIONS and not isinstance(node, exp.AggFunc):
                raise UnsafeSqlError(f"function {name} is not allowed")
        if (
            isinstance(node, exp.Table)
            and node.name.lower().startswith(("sqlite_", "pg_"))
            or (
                isinstance(node, exp.Table)
                and node.db.lower() in ("information_schema", "pg_catalog")
            )
        ):
            raise UnsafeSqlError(f"system table {node.sql()} is not allowed")
    return tree.sql(dialect=read, comments=False)


@dataclass
class QueryResult:
    """Rows of one query; ``truncated`` when the row cap cut them."""

    sql: str
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False
    elapsed_ms: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)


def _sqlite_path(url: sa.URL) -> str | None:
    database = url.database
    if not database or database == ":memory:":
        return None
    return str(Path(database).expanduser().resolve())


def _sqlite_authorizer(action: int, arg1: str | None, arg2: str | None, *_: Any) -> int:
    if action not in _SQLITE_ALLOWED_ACTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in _SQLITE_DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def _sqlite_connect(path: str | None) -> sqlite3.Connection:
    if path is None:
        raise SqlExecutionError("in-memory SQLite databases cannot be shared read-only")
    if not Path(path).exists():
        raise SqlExecutionError(f"no SQLite file at {path}")
    conn = sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True, check_same_thread=False)
    conn.execute("PRAGMA query_only = ON")
    return conn


def readonly_engine(url: str) -> sa.Engine:
    """An engine whose connections cannot write (SQLite ``mode=ro``; PostgreSQL read-only option).

    Used for reflection and value sampling; generated SQL runs through ``ReadOnlyDatabase``.
    """
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = _sqlite_path(parsed)
        return sa.create_engine(
            "sqlite://", creator=lambda: _sqlite_connect(path), poolclass=sa.pool.NullPool
        )
    engine = sa.create_engine(url, pool_pre_ping=True)
    if parsed.get_backend_name() == "postgresql":
        return engine.execution_options(postgresql_readonly=True)
    return engine


class ReadOnlyDatabase:
    """Runs checked SELECTs against one database with a timeout and a row cap.

    Args:
        url: SQLAlchemy URL of the database (SQLite file or PostgreSQL, others best effort).
        timeout_ms: statement timeout.
        row_cap: most rows returned; more are cut and ``truncated`` is set.
    """

    def __init__(
        self, url: str, timeout_ms: int = DEFAULT_TIMEOUT_MS, row_cap: int = DEFAULT_ROW_CAP
    ) -> None:
        self.url = url
        self.parsed = sa.make_url(url)
        self.backend = self.parsed.get_backend_name()
        self.dialect = "postgres" if self.backend == "postgresql" else self.backend
        self.timeout_ms = timeout_ms
        self.row_cap = row_cap
        self._sqlite: sqlite3.Connection | None = None
        self._engine: sa.Engine | None = None

    def close(self) -> None:
        """Release connections."""
        if self._sqlite is not None:
            self._sqlite.close()
            self._sqlite = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def run(self, sql: str, timeout_ms: int | None = None) -> QueryResult:
        """Check and run one SELECT.

        Raises:
            UnsafeSqlError: not one read-only SELECT.
            SqlTimeoutError: past the timeout.
            SqlExecutionError: the database failed.
        """
        safe_sql = check_sql(sql, self.dialect)
        timeout = timeout_ms or self.timeout_ms
        start = time.perf_counter()
        if self.backend == "sqlite":
            columns, rows, truncated = self._run_sqlite(safe_sql, timeout)
        else:
            columns, rows, truncated = self._run_sqlalchemy(safe_sql, timeout)
        return QueryResult(safe_sql, columns, rows, truncated, (time.perf_counter() - start) * 1000)

    def _run_sqlite(self, sql: str, timeout_ms: int) -> tuple[list[str], list[list[Any]], bool]:
        if self._sqlite is None:
            self._sqlite = _sqlite_connect(_sqlite_path(self.parsed))
        conn = self._sqlite
        deadline = time.monotonic() + timeout_ms / 1000
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), _PROGRESS_EVERY)
        conn.set_authorizer(_sqlite_authorizer)
        try:
            cursor = conn.execute(sql)
            rows = cursor.fetchmany(self.row_cap + 1)
            columns = [d[0] for d in cursor.description or []]
            cursor.close()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise SqlTimeoutError(f"timeout after {timeout_ms} ms: {sql}") from exc
            if "not authorized" in str(exc):
                raise UnsafeSqlError(f"denied by the authorizer: {exc}") from exc
            raise SqlExecutionError(f"{exc}: {sql}") from exc
        except sqlite3.Error as exc:
            raise SqlExecutionError(f"{exc}: {sql}") from exc
        finally:
            conn.set_progress_handler(None, 0)
            conn.set_authorizer(None)
            if conn.in_transaction:
                conn.rollback()
        truncated = len(rows) > self.row_cap
        return columns, [list(r) for r in rows[: self.row_cap]], truncated

    @property
    def _driver_errors(self) -> type[Exception] | tuple[type[Exception], ...]:
        """The DB-API driver's base error (raw cursors raise it untranslated)."""
        if self._engine is None:
            self._engine = readonly_engine(self.url)
        return getattr(self._engine.dialect.dbapi, "Error", ())

    def _run_sqlalchemy(self, sql: str, timeout_ms: int) -> tuple[list[str], list[list[Any]], bool]:
        if self._engine is None:
            self._engine = readonly_engine(self.url)
        try:
            with self._engine.connect() as conn:
                if self.backend == "postgresql":
                    conn.exec_driver_sql("SET TRANSACTION READ ONLY")
                    conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(timeout_ms)}")
                # A DB-API cursor without parameters: '%' in LIKE patterns is then not a placeholder.
                cursor = conn.connection.cursor()
                cursor.execute(sql)
                rows = cursor.fetchmany(self.row_cap + 1)
                columns = [d[0] for d in cursor.description or []]
                cursor.close()
                conn.rollback()
        except (sa.exc.SQLAlchemyError, self._driver_errors) as exc:
            text = str(exc)
            if "statement timeout" in text or "canceling statement" in text:
                raise SqlTimeoutError(f"timeout after {timeout_ms} ms: {sql}") from exc
            if "read-only" in text:
                raise UnsafeSqlError(f"read-only transaction refused it: {exc}") from exc
            raise SqlExecutionError(f"{exc}: {sql}") from exc
        truncated = len(rows) > self.row_cap
        return columns, [list(r) for r in rows[: self.row_cap]], truncated
