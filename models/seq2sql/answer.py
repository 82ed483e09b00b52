"""Answers that read naturally: "재고가 있는 책은 모두 12권이에요.", "평균 가격은 20,225원이에요."

The subject of the sentence is the question's own noun phrase (the words before its ending:
"재고가 있는 책 몇 권이야?" → "재고가 있는 책"), the counter is the one the user said (몇 권 → 권) or
one that fits the table, numbers get thousands separators and the column's unit. An empty result
says so and suggests the stored value nearest to what was asked, or the range the data has.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from models.korean import attach_particle
from models.seq2sql import lexicon as lx
from models.seq2sql.ir import Query
from models.seq2sql.schema import Schema
from models.seq2sql.values import ValueIndex

__all__ = ["describe", "jsonable", "subject_of", "suggest"]

_ENDING_START = re.compile(
    r"\s*(?:몇|알려|보여|뭐|무엇|무슨|얼마|어디|누구|찾아|목록|리스트|있어|있나요|있습니까|궁금|말해|나열|조회|"
    r"검색|뽑아|출력|세어|계산|구해|총\s*몇|모두\s*몇|전부|수는|수를|개수|좀|\?).*$"
)
_TRAILING_PARTICLE = re.compile(r"(은|는|이|가|을|를|의|에서|중에서|중에|중)$")
_ASKED_COUNTER = re.compile(r"몇\s*(개|명|권|건|곳|마리|편|번|가지|종류|군데|대|잔|장)")
_MAX_LISTED = 5


def jsonable(value: Any) -> Any:
    """A JSON-friendly cell (dates as ISO text, Decimals as floats)."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def _number(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return str(value)
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _copula(word: str) -> str:
    return attach_particle(word, "이에요/예요")


def subject_of(question: str, fallback: str) -> str:
    """The question's noun phrase, without its ending ("…몇 권이야?" → "…"), or ``fallback``."""
    subject = _ENDING_START.sub("", question.strip())
    subject = _TRAILING_PARTICLE.sub("", subject.strip()).strip(" ,.")
    return subject if len(subject) >= 2 else fallback


def _counter(question: str, schema: Schema, table: str) -> str:
    asked = _ASKED_COUNTER.search(question)
    if asked:
        return asked.group(1)
    names = schema.table(table).names
    if lx.is_person(names):
        return "명"
    return "권" if names[0].endswith(("책", "도서")) else "개"


def _unit(schema: Schema, column: str | None) -> str:
    return schema.column(column).unit if column else ""


def describe(
    question: str,
    query: Query,
    schema: Schema,
    columns: list[str],
    rows: list[list[Any]],
    truncated: bool = False,
) -> str:
    """One or two Korean sentences that state the result."""
    table_label = schema.table(query.table).label
    subject = subject_of(question, table_label)
    topic = attach_particle(subject, "은/는")
    if not rows or all(v is None for row in rows for v in row):
        return f"조건에 맞는 {attach_particle(subject, '이/가')} 없어요."
    first = query.select[0] if query.select else None
    single = len(rows) == 1 and len(rows[0]) == 1
    if single and first is not None and first.agg == "COUNT" and not query.group_by:
        counter = "가지" if first.distinct else _counter(question, schema, query.table)
        return f"{topic} 모두 {_copula(_number(rows[0][0]) + counter)}."
    if single and first is not None and first.agg and not query.group_by:
        unit = _unit(schema, first.column)
        return f"{topic} {_copula(_number(rows[0][0]) + (' ' if unit and len(unit) > 1 else '') + unit)}."
    if query.group_by:
        grouped = schema.column(query.group_by)
        # grouped by a joined table's column (authors.name): "작가별로", not "이름별로"
        label = grouped.label if grouped.table == query.table else schema.table(grouped.table).label
        return f"{label}별로 정리했어요 ({len(rows)}개)." + (
            " 일부만 보여 드려요." if truncated else ""
        )
    if len(columns) == 1:
        values = [_number(row[0]) for row in rows]
        if len(values) == 1:
            unit = _unit(schema, first.column if first else None)
            return f"{topic} {_copula(values[0] + unit)}."
        shown = ", ".join(values[:_MAX_LISTED])
        more = f" 외 {len(values) - _MAX_LISTED}개" if len(values) > _MAX_LISTED else ""
        count = f"{len(values):,}{_counter(question, schema, query.table)}"
        tail = " (일부만 보여 드려요)" if truncated else ""
        return f"{topic} 모두 {_copula(count)}: {shown}{more}.{tail}"
    return f"{attach_particle(subject, '을/를')} {len(rows):,}건 찾았어요." + (
        " 일부만 보여 드려요." if truncated else ""
    )


def suggest(query: Query, schema: Schema, index: ValueIndex, run: Any) -> str:
    """A hint for an empty result: the nearest stored value, or the range of a number column.

    Args:
        query: the query that returned nothing.
        schema: its database.
        index: stored values for "did you mean".
        run: ``ReadOnlyDatabase.run``, to read a column's min/max.
    """
    for cond in query.where:
        if (
            cond.values
            and cond.values[0].kind in ("text", "part", "span")
            and cond.op in ("=", "LIKE")
        ):
            asked = str(cond.values[0].value)
            near = [v for v in index.nearest(cond.column, asked) if v != asked]
            if near:
                return f"혹시 '{near[0]}'{attach_particle(near[0], '을/를')[len(near[0]) :]} 찾으셨나요?"
    for cond in query.where:
        column = schema.column(cond.column)
        if column.type == "number" and cond.op in (">", ">=", "<", "<="):
            table, name = column.table, column.name
            agg = "MAX" if cond.op in (">", ">=") else "MIN"
            try:
                value = run(f'SELECT {agg}("{name}") FROM "{table}"').rows[0][0]
            except Exception:  # noqa: BLE001 - a hint is optional
                return ""
            if value is not None:
                word = "가장 큰" if agg == "MAX" else "가장 작은"
                return (
                    f"{word} {column.label}{attach_particle(column.label, '은/는')[len(column.label) :]} "
                    f"{_copula(_number(value) + column.unit)}."
                )
    return "조건을 조금 바꿔서 다시 물어봐 주세요."
