"""One conversational turn about a database: new questions, follow-ups, clarifications, refusals.

``answer_turn(parser, text, context)`` returns the answer (text, SQL, table, confidence) and the
new context. The context (a JSON-able dict kept in the ``sql_context`` slot) holds the previous
question, its query and a pending clarification, so that

* follow-ups refine the previous query: "그 중에 2만 원 이상만" adds a condition, "장르별로는?"
  groups, "상위 5개만" keeps the top rows;
* a value found in two columns, with both readings about as likely, asks which one was meant,
  and the next turn ("저자 이름", "두 번째") picks it;
* requests to change data, or SQL typed in, are refused in Korean without running anything.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from models.errors import SqlError, UnsafeSqlError
from models.korean import attach_particle
from models.seq2sql.answer import describe, jsonable, suggest
from models.seq2sql.evaluate import is_empty_result
from models.seq2sql.grammar import Grammar
from models.seq2sql.ir import Cond, Expr, Query, Value, query_from_dict, query_to_dict, render_sql
from models.seq2sql.linking import link, normalize_question
from models.seq2sql.serve import SqlParser

__all__ = ["answer_turn", "is_followup", "refine"]

_WRITE_REQUEST = re.compile(
    r"\b(drop|delete|insert|update|alter|create|truncate|pragma|attach|detach|grant|revoke|vacuum|replace\s+into)\b"
    r"|;|--|/\*|(삭제|지워|지우|없애|추가해|넣어|수정해|바꿔|변경해|고쳐|업데이트|등록해|저장해)",
    re.IGNORECASE,
)
_FOLLOW_START = re.compile(
    r"^(그\s*중에?서?는?|그\s*가운데|거기서|이\s*중에?서?|그럼|그러면|그리고)\s*"
)
_ONLY_END = re.compile(
    r"\s*(만|만요)?\s*(보여\s*줘|알려\s*줘|보여\s*주세요|알려\s*주세요)?\s*[?.!]*$"
)
_GROUP = re.compile(r"^(?P<g>.+?)\s*(별로|마다|기준으로|에 따라)(는|요|는요)?\s*[?.!]*$")
_TOP = re.compile(r"(?P<dir>상위|하위|top|처음|마지막)?\s*(?P<n>\d+)\s*(개|명|권|건|곳|마리|편|위)")
_CMP_WORDS = [
    ("이상", ">="),
    ("이하", "<="),
    ("초과", ">"),
    ("미만", "<"),
    ("넘", ">"),
    ("안 되", "<"),
    ("안되", "<"),
    ("이후", ">="),
    ("부터", ">="),
    ("이전", "<"),
    ("까지", "<="),
]
_MORE = ("높", "많", "크", "큰", "비싼", "비싸", "긴", "길", "늦", "최근")
_LESS = ("낮", "적", "작", "싼", "싸", "짧", "이른", "오래된")
_ORDINALS = {"첫": 0, "1": 0, "두": 1, "2": 1, "세": 2, "3": 2}
_CLARIFY_RATIO = 0.5


def is_followup(text: str, context: dict[str, Any] | None) -> bool:
    """True when ``text`` reads as a refinement of the previous query in ``context``."""
    if not context or not context.get("query"):
        return False
    text = text.strip()
    return bool(
        _FOLLOW_START.match(text)
        or (
            len(text) <= 20
            and (
                re.search(r"만\s*[?.!]*$|만\s*(보여|알려)", text)
                or _GROUP.match(text)
                or _TOP.search(normalize_question(text))
            )
        )
    )


def _number_column(
    parser: SqlParser, prev: Query, text: str, unit: str, mentioned: list[str]
) -> str | None:
    schema = parser.database.schema
    reachable = {c.key for t in prev.tables(schema) for c in schema.table(t).columns}
    numbers = [k for k in mentioned if k in reachable and schema.column(k).type == "number"]
    if numbers:
        return numbers[0]
    by_unit = [
        c.key
        for c in schema.columns
        if c.key in reachable and c.unit and unit and unit.startswith(c.unit)
    ]
    if by_unit:
        return by_unit[0]
    used = [c.column for c in prev.where if schema.column(c.column).type == "number"]
    if prev.order_by and prev.order_by[0].column:
        used.insert(0, prev.order_by[0].column)
    if used:
        return used[0]
    table_numbers = [c.key for c in schema.table(prev.table).columns if c.type == "number"]
    return table_numbers[0] if table_numbers else None


def refine(parser: SqlParser, text: str, prev: Query) -> Query | None:
    """The previous query changed by a follow-up, or None when the follow-up says nothing usable."""
    schema = parser.database.schema
    stripped = _FOLLOW_START.sub("", text.strip())
    normalized = normalize_question(stripped, parser.database.index.protected)
    links = link(normalized, schema, parser.database.index)
    mentioned = [m.item for m in sorted(links.mentions, key=lambda m: not m.exact)]
    query, changed = prev, False
    group = _GROUP.match(normalized)
    reachable = set(Grammar(schema, []).reachable_columns(prev.table))
    if group:
        words = group.group("g")
        options = [
            m
            for m in links.mentions
            if m.start < len(words)
            and (m.item in reachable or m.item in prev.tables(schema) or "." not in m.item)
        ]
        best = max(
            options,
            default=None,
            key=lambda m: (m.exact, m.item.startswith(prev.table + "."), m.end - m.start),
        )
        target = best.item if best else None
        if target is not None:
            column = target if "." in target else parser.database.schema.table(target).display
            measure = next((e for e in prev.select if e.agg), Expr("COUNT", None))
            return replace(
                prev,
                select=(Expr(None, column), measure),
                group_by=column,
                having=None,
                order_by=None,
                limit=None,
                distinct=False,
            )
    top = _TOP.search(normalized)
    if top and (top.group("dir") or re.search(r"만\s*[?.!]*$", normalized)):
        less = top.group("dir") in ("하위", "마지막") or any(w in normalized for w in _LESS)
        order = prev.order_by
        measure = next((e for e in prev.select if e.agg), None)
        if order is None and prev.group_by and measure is not None and not mentioned:
            # "장르별 웹툰 수" → "상위 3개만": the top groups by what was counted or averaged
            order = (measure, "ASC" if less else "DESC")
        elif order is None:
            column = _number_column(parser, prev, normalized, "", mentioned)
            if column is None:
                return None
            order = (Expr(None, column), "ASC" if less else "DESC")
        elif top.group("dir") == "하위":
            order = (order[0], "ASC")
        query, changed = (
            replace(query, order_by=order, limit=Value("number", int(top.group("n")))),
            True,
        )
    conds = list(query.where)
    texts: dict[tuple[int, int], list] = {}
    for cand in links.candidates:
        if cand.kind == "text" and cand.column in reachable:
            texts.setdefault((cand.start, cand.end), []).append(cand)
    used = {c.column for c in prev.where}
    for (_, end), options in texts.items():
        best = max(
            options,
            key=lambda c: (c.column in used, c.column.startswith(prev.table + "."), c.score),
        )
        negated = bool(re.match(r"\s*(이|가)?\s*(아닌|말고|빼고|제외)", normalized[end : end + 8]))
        conds.append(
            Cond(best.column, "!=" if negated else "=", (Value("text", best.value, best.column),))
        )
    for cand in links.candidates:
        after = normalized[cand.end : cand.end + 8]
        if cand.kind == "number" and not (top and cand.start == top.start("n")):
            op = next(
                (o for w, o in _CMP_WORDS if after.lstrip().startswith(w) or after.startswith(w)),
                None,
            )
            if op is None and "보다" in after:
                op = ">" if any(w in normalized[cand.end :] for w in _MORE) else "<"
            column = _number_column(parser, prev, normalized, cand.unit, mentioned)
            if op and column:
                conds.append(Cond(column, op, (Value("number", cand.value),)))
    if len(conds) > len(query.where):
        query, changed = replace(query, where=tuple(conds)), True
    return query if changed else None


def _options_differ_in_column(a: Query, b: Query) -> tuple[str, str] | None:
    if len(a.where) != len(b.where) or a.select != b.select:
        return None
    diffs = [(x, y) for x, y in zip(a.where, b.where, strict=True) if x != y]
    if len(diffs) == 1:
        x, y = diffs[0]
        if (
            x.column != y.column
            and x.values
            and y.values
            and str(x.values[0].value) == str(y.values[0].value)
        ):
            return x.column, y.column
    return None


def _result(
    text: str,
    sql: str = "",
    columns: list[str] | None = None,
    rows: list[list[Any]] | None = None,
    confidence: float = 0.0,
    context: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "text": text,
        "sql": sql,
        "columns": columns or [],
        "rows": [[jsonable(v) for v in r] for r in rows or []],
        "confidence": round(confidence, 4),
        "context": context or {},
    }


def _run_query(parser: SqlParser, question: str, query: Query, confidence: float) -> dict[str, Any]:
    db = parser.database
    try:
        sql = render_sql(db.schema, query, db.executor.dialect)
        result = db.executor.run(sql)
    except (ValueError, SqlError) as exc:
        message = (
            exc.user_message if isinstance(exc, SqlError) else "그 조건으로는 조회할 수 없어요."
        )
        return _result(message, context={})
    text = describe(question, query, db.schema, result.columns, result.rows, result.truncated)
    if is_empty_result(result.rows):
        text += " " + suggest(query, db.schema, db.index, db.executor.run)
    context = {"question": question, "sql": result.sql, "query": query_to_dict(query)}
    return _result(text, result.sql, result.columns, result.rows, confidence, context)


def answer_turn(
    parser: SqlParser, text: str, context: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Answer one user turn; see the module docstring. Never raises for bad input."""
    context = context or {}
    if _WRITE_REQUEST.search(text):
        return _result(UnsafeSqlError.default_user_message, context=context)
    pending = context.get("pending")
    if pending:
        choice = _pick(text, pending)
        if choice is not None:
            return _run_query(
                parser, pending["question"], query_from_dict(pending["options"][choice]), 1.0
            )
    if is_followup(text, context):
        refined = refine(parser, text, query_from_dict(context["query"]))
        if refined is not None:
            return _run_query(parser, f"{context.get('question', '')} {text}".strip(), refined, 0.9)
    pred = parser.predict(text)
    if not pred.sql:
        message = pred.error.user_message if pred.error else "질문을 이해하지 못했어요."
        return _result(message, context={})
    for _, alt_p, alt_query in pred.alternatives[:2]:
        columns = _options_differ_in_column(pred.query, alt_query) if pred.query else None
        if columns and alt_p >= _CLARIFY_RATIO * pred.confidence:
            schema = parser.database.schema
            value = next(c.values[0].value for c in pred.query.where if c.column == columns[0])
            labels = [schema.column(c).label for c in columns]
            question = (
                f"'{value}'{attach_particle(str(value), '은/는')[len(str(value)) :]} "
                f"{labels[0]} 말씀인가요, {labels[1]} 말씀인가요?"
            )
            new_context = {
                **context,
                "pending": {
                    "question": text,
                    "labels": labels,
                    "options": [query_to_dict(pred.query), query_to_dict(alt_query)],
                },
            }
            return _result(question, "", confidence=pred.confidence, context=new_context)
    return (
        _run_query(parser, text, pred.query, pred.confidence)
        if pred.query
        else _result("질문을 이해하지 못했어요.")
    )


def _pick(text: str, pending: dict[str, Any]) -> int | None:
    for word, index in _ORDINALS.items():
        if re.match(rf"^\s*{word}\s*(번째|번)", text):
            return index if index < len(pending["options"]) else None
    compact = re.sub(r"\s+", "", text)
    said = [
        (len(label), index)
        for index, label in enumerate(pending["labels"])
        if re.sub(r"\s+", "", label) in compact
    ]
    return max(said)[1] if said else None  # "주 장르" names the second option, not "장르"
