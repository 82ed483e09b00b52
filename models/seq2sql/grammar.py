"""The decoder's grammar: which token may come next, and the ``Query`` the tokens spell.

Constrained decoding asks a ``State`` for the allowed tokens (keywords, tables, columns of tables
reachable from the main one, value candidates that fit the column's type and the operator) and
feeds it the chosen one. Dead ends are ruled out ahead: a column is offered in a condition only
when some operator has a fitting value, an operator only when a value fits it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from models.seq2sql.ir import AGGS, Cond, Expr, Query, Value, join_path
from models.seq2sql.linking import Candidate
from models.seq2sql.schema import Schema

__all__ = ["Allowed", "Grammar", "State"]

_MAX_SELECT = 4
_MAX_CONDS = 4
_MAX_LIMIT = 100
_COMPARE = (">", ">=", "<", "<=")


@dataclass(frozen=True)
class Allowed:
    """The tokens allowed next: keywords, tables, columns (keys) and candidate indices."""

    keywords: frozenset[str] = frozenset()
    tables: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()
    values: tuple[int, ...] = ()


def _is_year(c: Candidate) -> bool:
    return c.kind == "number" and isinstance(c.value, int) and 1000 <= c.value <= 2200


class Grammar:
    """Typing rules of one (schema, candidates) pair.

    Args:
        schema: the database.
        candidates: the question's value candidates (``linking.link``).
        strict: apply the annotation's column types (off for WikiSQL, whose numbers are often
            stored in text columns).
    """

    def __init__(self, schema: Schema, candidates: list[Candidate], strict: bool = True) -> None:
        self.schema, self.candidates, self.strict = schema, candidates, strict
        self.types = {c.key: c.type for c in schema.columns}
        self.numbers = [i for i, c in enumerate(candidates) if c.kind == "number"]
        self.limits = [
            i
            for i in self.numbers
            if isinstance(candidates[i].value, int) and 1 <= candidates[i].value <= _MAX_LIMIT
        ]
        self._reach: dict[str, tuple[str, ...]] = {}
        self.children: dict[str, list[str]] = {}
        for fk in schema.foreign_keys:
            if fk.table != fk.ref_table:
                self.children.setdefault(f"{fk.ref_table}.{fk.ref_column}", []).append(fk.table)

    def reachable_columns(self, table: str) -> tuple[str, ...]:
        """Columns of ``table`` and of every table joined to it by foreign keys."""
        if table not in self._reach:
            tables = [
                t.name
                for t in self.schema.tables
                if t.name == table or join_path(self.schema, table, [t.name]) is not None
            ]
            self._reach[table] = tuple(c.key for t in tables for c in self.schema.table(t).columns)
        return self._reach[table]

    def values_for(self, column: str, op: str) -> list[int]:
        """Candidates that may stand after ``column op``."""
        ctype = self.types[column]
        out = []
        for i, c in enumerate(self.candidates):
            if c.kind in ("text", "part") and c.column != column:
                continue
            if not self.strict:
                ok = (op == "=" and c.kind in ("text", "span", "number")) or (
                    op in _COMPARE and c.kind == "number"
                )
            elif op in ("LIKE", "NOT_LIKE"):
                ok = ctype == "text" and c.kind in ("part", "span", "text")
            elif ctype == "text":
                ok = op in ("=", "!=") and c.kind in ("text", "span")
            elif ctype == "number":
                ok = c.kind == "number" or (c.kind == "range" and op == "BETWEEN")
            elif ctype == "date":
                ok = (
                    c.kind == "date"
                    or _is_year(c)
                    or (c.kind == "range" and op == "BETWEEN" and c.unit == "년")
                )
            elif ctype == "id":
                ok = op in ("=", "!=") and c.kind in ("number", "text")
            else:
                ok = False
            if ok:
                out.append(i)
        return out

    def ops_for(self, column: str) -> list[str]:
        """Operators usable on ``column`` with this question's candidates."""
        ctype = self.types[column]
        if not self.strict:
            ops = ["=", ">", "<"]
        elif ctype == "boolean":
            return ["IS_TRUE", "IS_FALSE"]
        elif ctype == "text":
            ops = ["=", "!=", "LIKE", "NOT_LIKE"]
        elif ctype == "number":
            ops = ["=", "!=", ">", ">=", "<", "<=", "BETWEEN"]
        elif ctype == "date":
            ops = ["=", ">", ">=", "<", "<=", "BETWEEN"]
        else:
            ops = ["=", "!="]
        out = []
        for op in ops:
            vals = self.values_for(column, op)
            n = sum(2 if self.candidates[i].kind == "range" else 1 for i in vals)
            if n >= (2 if op == "BETWEEN" else 1):
                out.append(op)
        if self.strict and ctype == "number":
            out += ["GT_AVG", "LT_AVG"]
        if self.strict and self.children.get(column):
            out += ["IN", "NOT_IN"]
        return out

    def start(self) -> State:
        """The state before the first token."""
        return State(self)


@dataclass
class State:
    """A partial query; ``allowed()`` lists what may follow, ``advance(token)`` consumes one."""

    grammar: Grammar
    mode: str = "tab"
    table: str = ""
    select: list[Expr] = field(default_factory=list)
    distinct: bool = False
    where: list[Cond] = field(default_factory=list)
    conj: str | None = None
    group_by: str | None = None
    having: list = field(default_factory=list)
    order: list = field(default_factory=list)
    limit: Value | None = None
    pending: dict = field(default_factory=dict)
    used: set = field(default_factory=set)  # candidates already in the query: each is used once

    def copy(self) -> State:
        """An independent copy (for beam branches)."""
        return replace(
            self,
            select=list(self.select),
            where=list(self.where),
            having=list(self.having),
            order=list(self.order),
            pending=dict(self.pending),
            used=set(self.used),
        )

    @property
    def done(self) -> bool:
        """True after ``<eos>``."""
        return self.mode == "done"

    def _cols(self, kinds: tuple[str, ...] | None = None) -> tuple[str, ...]:
        cols = self.grammar.reachable_columns(self.table)
        if kinds is None or not self.grammar.strict:
            return cols
        return tuple(c for c in cols if self.grammar.types[c] in kinds)

    def _agg_cols(self, agg: str) -> tuple[str, ...]:
        if agg in ("AVG", "SUM"):
            return self._cols(("number",))
        if agg in ("MAX", "MIN"):
            return self._cols(("number", "date"))
        return self._cols()

    def allowed(self) -> Allowed:
        """What may come next."""
        g, m = self.grammar, self.mode
        if m == "tab":
            return Allowed(tables=tuple(t.name for t in g.schema.tables))
        if m in ("sel_start", "sel_item"):
            kws = set(AGGS) | ({"DISTINCT"} if m == "sel_start" else set())
            taken = {e.column for e in self.select if e.agg is None}
            return Allowed(frozenset(kws), columns=tuple(c for c in self._cols() if c not in taken))
        if m in ("agg_arg", "hav_arg", "ord_arg"):
            agg = self.pending["agg"]
            kws = (
                {"STAR", "DISTINCT"}
                if agg == "COUNT" and m == "agg_arg"
                else ({"STAR"} if agg == "COUNT" else set())
            )
            return Allowed(frozenset(kws), columns=self._agg_cols(agg))
        if m == "agg_distinct":
            return Allowed(columns=self._cols())
        if m == "after_sel":
            kws = {"WHERE", "GROUP", "ORDER", "<eos>"} | (
                {","} if len(self.select) < _MAX_SELECT else set()
            )
            return Allowed(frozenset(kws))
        if m == "cond_col":
            return Allowed(columns=tuple(c for c in self._cols() if g.ops_for(c)))
        if m == "cond_op":
            return Allowed(frozenset(g.ops_for(self.pending["col"])))
        if m == "cond_tab":
            return Allowed(tables=tuple(g.children.get(self.pending["col"], ())))
        if m == "cond_val":
            spans = [(g.candidates[i].start, g.candidates[i].end) for i in self.used]
            vals = [
                i
                for i in g.values_for(self.pending["col"], self.pending["op"])
                if not any(g.candidates[i].start < e and s < g.candidates[i].end for s, e in spans)
            ]
            if self.pending["vals"]:  # second bound of BETWEEN: a single value, not a range
                vals = [i for i in vals if g.candidates[i].kind != "range"]
            return Allowed(values=tuple(vals))
        if m == "after_cond":
            kws = {"GROUP", "ORDER", "<eos>"}
            if len(self.where) < _MAX_CONDS:
                kws |= {self.conj} if self.conj else {"AND", "OR"}
            return Allowed(frozenset(kws))
        if m == "group_col":
            return Allowed(columns=self._cols())
        if m == "after_group":
            kws = {"ORDER", "<eos>"} | ({"HAVING"} if g.numbers else set())
            return Allowed(frozenset(kws))
        if m in ("hav_agg", "ord_expr"):
            return Allowed(frozenset(AGGS), columns=self._cols() if m == "ord_expr" else ())
        if m == "hav_op":
            return Allowed(frozenset({"=", ">", ">=", "<", "<="}))
        if m == "hav_val":
            return Allowed(values=tuple(g.numbers))
        if m == "after_having":
            return Allowed(frozenset({"ORDER", "<eos>"}))
        if m == "ord_dir":
            return Allowed(frozenset({"ASC", "DESC"}))
        if m == "after_order":
            return Allowed(frozenset({"LIMIT1", "<eos>"} | ({"LIMIT"} if g.limits else set())))
        if m == "limit_val":
            return Allowed(values=tuple(g.limits))
        if m == "end":
            return Allowed(frozenset({"<eos>"}))
        return Allowed()

    def _expr_done(self, expr: Expr) -> None:
        target = self.pending.pop("target")
        if target == "select":
            self.select.append(expr)
            self.mode = "after_sel"
        elif target == "having":
            self.having = [expr]
            self.mode = "hav_op"
        else:
            self.order = [expr]
            self.mode = "ord_dir"

    def advance(self, token: object) -> None:  # noqa: C901 - one branch per grammar state
        """Consume one token (assumed allowed)."""
        m = self.mode
        kind = token[0] if isinstance(token, tuple) else None
        if m == "tab":
            self.table, self.mode = token[1], "sel_start"
        elif m in ("sel_start", "sel_item", "hav_agg", "ord_expr"):
            target = {"hav_agg": "having", "ord_expr": "order"}.get(m, "select")
            self.pending["target"] = target
            if token == "DISTINCT":
                self.distinct, self.mode = True, "sel_item"
            elif kind == "col":
                self._expr_done(Expr(None, token[1]))
            else:
                self.pending["agg"] = token
                self.mode = {"select": "agg_arg", "having": "hav_arg", "order": "ord_arg"}[target]
        elif m in ("agg_arg", "hav_arg", "ord_arg"):
            agg = self.pending.pop("agg")
            if token == "DISTINCT":
                self.pending["agg"], self.mode = agg, "agg_distinct"
            else:
                self._expr_done(Expr(agg, token[1] if kind == "col" else None))
        elif m == "agg_distinct":
            self._expr_done(Expr(self.pending.pop("agg"), token[1], True))
        elif m in ("after_sel", "after_cond", "after_group", "after_having", "after_order", "end"):
            self._after(token)
        elif m == "cond_col":
            self.pending["col"], self.mode = token[1], "cond_op"
        elif m == "cond_op":
            self.pending["op"], self.pending["vals"] = token, []
            if token in ("GT_AVG", "LT_AVG", "IS_TRUE", "IS_FALSE"):
                self._cond_done()
            elif token in ("IN", "NOT_IN"):
                self.mode = "cond_tab"
            else:
                self.mode = "cond_val"
        elif m == "cond_val":
            value = self._value(token[1])
            self.pending["vals"].append(value)
            if (
                self.pending["op"] != "BETWEEN"
                or len(self.pending["vals"]) == 2
                or value.kind == "range"
            ):
                self._cond_done()
        elif m == "cond_tab":
            self.pending["vals"].append(Value("table", token[1]))
            self._cond_done()
        elif m == "group_col":
            self.group_by, self.mode = token[1], "after_group"
        elif m == "hav_op":
            self.having.append(token)
            self.mode = "hav_val"
        elif m == "hav_val":
            self.having.append(self._value(token[1]))
            self.mode = "after_having"
        elif m == "ord_dir":
            self.order.append(token)
            self.mode = "after_order"
        elif m == "limit_val":
            self.limit, self.mode = self._value(token[1]), "end"

    def _value(self, index: int) -> Value:
        c = self.grammar.candidates[index]
        self.used.add(index)
        return Value(c.kind, c.value, c.column, c.text)

    def _cond_done(self) -> None:
        col, op, vals = self.pending.pop("col"), self.pending.pop("op"), self.pending.pop("vals")
        self.where.append(Cond(col, op, tuple(vals)))
        self.mode = "after_cond"

    def _after(self, token: object) -> None:
        if token == "<eos>":
            self.mode = "done"
        elif token == ",":
            self.pending["target"], self.mode = "select", "sel_item"
        elif token == "WHERE":
            self.mode = "cond_col"
        elif token in ("AND", "OR"):
            self.conj, self.mode = token, "cond_col"
        elif token == "GROUP":
            self.mode = "group_col"
        elif token == "HAVING":
            self.mode = "hav_agg"
        elif token == "ORDER":
            self.mode = "ord_expr"
        elif token == "LIMIT1":
            self.limit, self.mode = Value("one", 1), "end"
        elif token == "LIMIT":
            self.mode = "limit_val"

    def query(self) -> Query:
        """The finished query (call when ``done``)."""
        having = (self.having[0], self.having[1], self.having[2]) if len(self.having) == 3 else None
        order = (self.order[0], self.order[1]) if len(self.order) == 2 else None
        return Query(
            self.table,
            tuple(self.select),
            self.distinct,
            tuple(self.where),
            self.conj or "AND",
            self.group_by,
            having,
            order,
            self.limit,
        )
