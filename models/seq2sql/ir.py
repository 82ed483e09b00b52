"""The query language the parser speaks: a small SELECT algebra, its token form, and SQL rendering.

A ``Query`` is one SELECT over a main table, joined along foreign keys to the tables its columns
come from. Its token form is what the decoder emits, e.g. for "가격이 2만 원 이상인 책의 제목"::

    [("tab", "Book"), ("col", "Book.Title"), "WHERE", ("col", "Book.Price"), ">=", ("val", 20000)]

Keywords are strings; ``("tab", name)``, ``("col", "table.column")`` and ``("val", Value)`` point at
schema items and value candidates. Joins are not tokens: ``join_path`` finds them.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

from models.seq2sql.schema import Schema

__all__ = [
    "AGGS",
    "KEYWORDS",
    "OPS",
    "Cond",
    "Expr",
    "Query",
    "Value",
    "join_path",
    "query_from_dict",
    "query_to_dict",
    "render_sql",
    "to_tokens",
]

AGGS = ("COUNT", "AVG", "MAX", "MIN", "SUM")
OPS = (
    "=",
    "!=",
    ">",
    ">=",
    "<",
    "<=",
    "LIKE",
    "NOT_LIKE",
    "BETWEEN",
    "GT_AVG",
    "LT_AVG",
    "IS_TRUE",
    "IS_FALSE",
    "IN",
    "NOT_IN",
)
KEYWORDS = (
    "<eos>",
    "DISTINCT",
    ",",
    *AGGS,
    "STAR",
    "WHERE",
    "AND",
    "OR",
    *OPS,
    "GROUP",
    "HAVING",
    "ORDER",
    "ASC",
    "DESC",
    "LIMIT",
    "LIMIT1",
)
_SQL_OPS = {"=": "=", "!=": "<>", ">": ">", ">=": ">=", "<": "<", "<=": "<="}


@dataclass(frozen=True)
class Value:
    """A literal: ``kind`` as in ``linking.Candidate`` (text, part, number, date, span)."""

    kind: str
    value: Any
    column: str | None = None
    text: str = ""  # a number as written, for a text column that stores numbers as text


@dataclass(frozen=True)
class Expr:
    """A projection or sort key: ``agg(column)``; ``column=None`` means ``*`` (with COUNT)."""

    agg: str | None
    column: str | None
    distinct: bool = False


@dataclass(frozen=True)
class Cond:
    """``column op values``; GT_AVG/LT_AVG compare with the column's average, IS_* take none,
    IN/NOT_IN take ``Value("table", child)``: the column is (not) referenced by a row of child."""

    column: str
    op: str
    values: tuple[Value, ...] = ()


@dataclass(frozen=True)
class Query:
    """One SELECT; see the module docstring."""

    table: str
    select: tuple[Expr, ...]
    distinct: bool = False
    where: tuple[Cond, ...] = ()
    conj: str = "AND"
    group_by: str | None = None
    having: tuple[Expr, str, Value] | None = None
    order_by: tuple[Expr, str] | None = None
    limit: Value | None = None

    def columns(self) -> list[str]:
        """Every column the query refers to."""
        cols = [e.column for e in self.select if e.column]
        cols += [c.column for c in self.where]
        cols += [self.group_by] if self.group_by else []
        if self.having and self.having[0].column:
            cols.append(self.having[0].column)
        if self.order_by and self.order_by[0].column:
            cols.append(self.order_by[0].column)
        return cols

    def tables(self, schema: Schema) -> list[str]:
        """The main table, then every other table a column comes from."""
        out = [self.table]
        for col in self.columns():
            table = schema.column(col).table
            if table not in out:
                out.append(table)
        return out


def _expr_tokens(e: Expr) -> list:
    if e.agg is None:
        return [("col", e.column)]
    if e.column is None:
        return [e.agg, "STAR"]
    return [e.agg, *(["DISTINCT"] if e.distinct else []), ("col", e.column)]


def to_tokens(q: Query) -> list:
    """The decoder's target sequence for ``q`` (ends with ``<eos>``)."""
    out: list = [("tab", q.table)]
    if q.distinct:
        out.append("DISTINCT")
    for i, e in enumerate(q.select):
        out += ([","] if i else []) + _expr_tokens(e)
    for i, c in enumerate(q.where):
        out += ["WHERE" if i == 0 else q.conj, ("col", c.column), c.op]
        out += [("tab", v.value) if v.kind == "table" else ("val", v) for v in c.values]
    if q.group_by:
        out += ["GROUP", ("col", q.group_by)]
        if q.having:
            expr, op, value = q.having
            out += ["HAVING", *_expr_tokens(expr), op, ("val", value)]
    if q.order_by:
        expr, direction = q.order_by
        out += ["ORDER", *_expr_tokens(expr), direction]
        if q.limit is not None:
            out += (
                ["LIMIT1"]
                if q.limit.value == 1 and q.limit.kind == "one"
                else ["LIMIT", ("val", q.limit)]
            )
    return out + ["<eos>"]


def join_path(
    schema: Schema, main: str, tables: list[str]
) -> list[tuple[str, str, str, str]] | None:
    """Foreign-key edges joining ``tables`` to ``main`` (BFS, shortest); None when unreachable.

    Returns:
        ``(new_table, new_column, known_table, known_column)`` edges in join order.
    """
    adjacency: dict[str, list[tuple[str, str, str, str]]] = {}
    for fk in schema.foreign_keys:
        adjacency.setdefault(fk.table, []).append(
            (fk.ref_table, fk.ref_column, fk.table, fk.column)
        )
        adjacency.setdefault(fk.ref_table, []).append(
            (fk.table, fk.column, fk.ref_table, fk.ref_column)
        )
    # tables in the order they joined: the search starts from them in that order, so that of two
    # equally short paths the same one is taken in every process (a set's order is not stable)
    joined: dict[str, None] = {main: None}
    edges = []
    for target in tables:
        if target in joined:
            continue
        parents: dict[str, tuple[str, str, str, str] | None] = dict.fromkeys(joined)
        queue = deque(joined)
        while queue and target not in parents:
            node = queue.popleft()
            for edge in adjacency.get(node, []):
                if edge[0] not in parents:
                    parents[edge[0]] = edge
                    queue.append(edge[0])
        if target not in parents:
            return None
        path, node = [], target
        while parents[node] is not None:
            edge = parents[node]
            path.append(edge)
            node = edge[2]
        for edge in reversed(path):
            joined[edge[0]] = None
            edges.append(edge)
    return edges


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    return "'" + str(value).replace("'", "''") + "'"


class _Renderer:
    def __init__(self, schema: Schema, query: Query, dialect: str) -> None:
        self.schema, self.q, self.dialect = schema, query, dialect
        self.tables = query.tables(schema)
        self.qualify = len(self.tables) > 1

    def col(self, key: str | None) -> str:
        if key is None:
            return "*"
        column = self.schema.column(key)
        table, name = column.table, column.name
        return f"{_ident(table)}.{_ident(name)}" if self.qualify else _ident(name)

    def expr(self, e: Expr) -> str:
        if e.agg is None:
            return self.col(e.column)
        inner = self.col(e.column)
        return f"{e.agg}({'DISTINCT ' if e.distinct else ''}{inner})"

    def value(self, v: Value, column: str) -> str:
        if v.kind == "date":
            return _literal(v.value[0])
        if v.kind == "number" and self.schema.column(column).type == "text":
            return _literal(v.text or str(v.value))  # WikiSQL: "No." = '21', not 21
        if self.schema.column(column).type == "date" and v.kind == "number":
            return _literal(f"{int(v.value):04d}-01-01")
        return _literal(v.value)

    def date_bounds(self, v: Value) -> tuple[str, str]:
        if v.kind == "date":
            return v.value
        if v.kind == "range":
            return f"{int(v.value[0]):04d}-01-01", f"{int(v.value[1]) + 1:04d}-01-01"
        year = int(v.value)
        return f"{year:04d}-01-01", f"{year + 1:04d}-01-01"

    def cond(self, c: Cond) -> str:
        col, column = self.col(c.column), self.schema.column(c.column)
        if c.op in ("GT_AVG", "LT_AVG"):
            table, name = column.table, column.name
            sign = ">" if c.op == "GT_AVG" else "<"
            return f"{col} {sign} (SELECT AVG({_ident(name)}) FROM {_ident(table)})"
        if c.op in ("IN", "NOT_IN"):
            child = c.values[0].value
            table, name = column.table, column.name
            fk = next(
                f
                for f in self.schema.foreign_keys
                if f.table == child and f.ref_table == table and f.ref_column == name
            )
            ref = _ident(fk.column)
            return (
                f"{col} {'NOT ' if c.op == 'NOT_IN' else ''}IN "
                f"(SELECT {ref} FROM {_ident(child)} WHERE {ref} IS NOT NULL)"
            )
        if c.op in ("IS_TRUE", "IS_FALSE"):
            truth = c.op == "IS_TRUE"
            if column.storage == "boolean" and self.dialect.startswith("postgres"):
                return f"{col} IS {'TRUE' if truth else 'FALSE'}"
            return f"{col} = {1 if truth else 0}"
        if c.op in ("LIKE", "NOT_LIKE"):
            pattern = _literal(f"%{c.values[0].value}%")
            like = "ILIKE" if self.dialect.startswith("postgres") else "LIKE"
            return f"{col} {'NOT ' if c.op == 'NOT_LIKE' else ''}{like} {pattern}"
        if column.type == "date" and all(v.kind in ("date", "number", "range") for v in c.values):
            return self.date_cond(col, c)
        if c.op == "BETWEEN" and c.values[0].kind == "range":
            low, high = c.values[0].value
            return f"{col} BETWEEN {_literal(low)} AND {_literal(high)}"
        if c.op == "BETWEEN":
            low, high = sorted((v.value for v in c.values), key=lambda x: (str(type(x)), x))
            return f"{col} BETWEEN {_literal(low)} AND {_literal(high)}"
        return f"{col} {_SQL_OPS[c.op]} {self.value(c.values[0], c.column)}"

    def date_cond(self, col: str, c: Cond) -> str:
        start, end = self.date_bounds(c.values[0])
        if c.op == "=":
            return f"({col} >= {_literal(start)} AND {col} < {_literal(end)})"
        if c.op == "!=":
            return f"({col} < {_literal(start)} OR {col} >= {_literal(end)})"
        if c.op == "BETWEEN":
            bounds = sorted(self.date_bounds(v) for v in c.values)
            return f"({col} >= {_literal(bounds[0][0])} AND {col} < {_literal(bounds[-1][1])})"
        bound = {">=": start, "<": start, ">": end, "<=": end}[c.op]
        sign = {">=": ">=", "<": "<", ">": ">=", "<=": "<"}[c.op]
        return f"{col} {sign} {_literal(bound)}"

    def render(self) -> str:
        q = self.q
        parts = [
            "SELECT "
            + ("DISTINCT " if q.distinct else "")
            + ", ".join(self.expr(e) for e in q.select)
        ]
        edges = join_path(self.schema, q.table, self.tables)
        if edges is None:
            raise ValueError(f"tables {self.tables} are not joined by foreign keys")
        sql_from = f"FROM {_ident(q.table)}"
        for new_t, new_c, known_t, known_c in edges:
            sql_from += (
                f" JOIN {_ident(new_t)} ON {_ident(new_t)}.{_ident(new_c)} = "
                f"{_ident(known_t)}.{_ident(known_c)}"
            )
        parts.append(sql_from)
        if q.where:
            parts.append("WHERE " + f" {q.conj} ".join(self.cond(c) for c in q.where))
        if q.group_by:
            parts.append("GROUP BY " + self.col(q.group_by))
            if q.having:
                expr, op, value = q.having
                parts.append(f"HAVING {self.expr(expr)} {_SQL_OPS[op]} {_literal(value.value)}")
        if q.order_by:
            expr, direction = q.order_by
            parts.append(f"ORDER BY {self.expr(expr)} {direction}")
            if q.limit is not None:
                parts.append(f"LIMIT {int(q.limit.value)}")
        return " ".join(parts)


def render_sql(schema: Schema, query: Query, dialect: str = "sqlite") -> str:
    """SQL text for ``query`` in ``dialect`` (``sqlite`` or ``postgres``; others get SQLite text).

    Raises:
        ValueError: the query's tables are not connected by foreign keys.
    """
    return _Renderer(schema, query, dialect).render()


def _value_to_list(v: Value) -> list:
    value = list(v.value) if isinstance(v.value, tuple) else v.value
    return [v.kind, value, v.column]


def _value_from_list(data: list) -> Value:
    kind, value, column = data
    return Value(kind, tuple(value) if isinstance(value, list) else value, column)


def _expr_to_list(e: Expr) -> list:
    return [e.agg, e.column, e.distinct]


def query_to_dict(q: Query) -> dict[str, Any]:
    """A JSON-able form of ``q`` (for dialogue slots)."""
    return {
        "table": q.table,
        "select": [_expr_to_list(e) for e in q.select],
        "distinct": q.distinct,
        "where": [[c.column, c.op, [_value_to_list(v) for v in c.values]] for c in q.where],
        "conj": q.conj,
        "group_by": q.group_by,
        "having": [_expr_to_list(q.having[0]), q.having[1], _value_to_list(q.having[2])]
        if q.having
        else None,
        "order_by": [_expr_to_list(q.order_by[0]), q.order_by[1]] if q.order_by else None,
        "limit": _value_to_list(q.limit) if q.limit else None,
    }


def query_from_dict(data: dict[str, Any]) -> Query:
    """Inverse of ``query_to_dict``."""
    having = data.get("having")
    order = data.get("order_by")
    return Query(
        data["table"],
        tuple(Expr(*e) for e in data["select"]),
        data.get("distinct", False),
        tuple(
            Cond(c, op, tuple(_value_from_list(v) for v in vals))
            for c, op, vals in data.get("where", [])
        ),
        data.get("conj", "AND"),
        data.get("group_by"),
        (Expr(*having[0]), having[1], _value_from_list(having[2])) if having else None,
        (Expr(*order[0]), order[1]) if order else None,
        _value_from_list(data["limit"]) if data.get("limit") else None,
    )
