"""Serving: ``SqlParser.load(bundle)`` then ``predict(question)`` → SQL and its rows.

Decoding is execution-guided: the beam's hypotheses are rendered to SQL in best-first order; one
that fails the safety check or fails to execute is skipped, and the first one with a non-empty
result wins (else the first that ran). The confidence is the winner's share of the beam's
probability mass.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import torch
import yaml

from models.errors import (
    ModelNotTrainedError,
    NoParseError,
    QuestionTooLongError,
    SqlError,
    UnsafeSqlError,
)
from models.seq2sql.context import Database
from models.seq2sql.decode import Hypothesis, beam_search
from models.seq2sql.evaluate import is_empty_result, percentile, results_match, sql_is_ordered
from models.seq2sql.features import SchemaItems, Vocab, collate, encode, quality, schema_items
from models.seq2sql.grammar import Grammar
from models.seq2sql.ir import KEYWORDS, Cond, Expr, Query, join_path, render_sql
from models.seq2sql.lexicon import canonical_unit, is_person, is_place, unit_forms, verb_stem
from models.seq2sql.linking import Candidate, Links, Mention, link, normalize_question
from models.seq2sql.parser import ParserConfig, Seq2SqlParser
from models.seq2sql.schema import Schema, Table
from models.seq2sql.values import norm

__all__ = ["Prediction", "SqlParser"]


@dataclass
class Prediction:
    """The answer to one question.

    Attributes:
        sql: the SQL that ran ("" when none did).
        query: its ``Query`` (None when none ran).
        columns, rows: the result.
        confidence: the chosen hypothesis' share of the beam probability (0–1).
        empty: the result has no non-NULL value (or is a lone 0).
        links: what linking found (for clarification questions).
        alternatives: other hypotheses that executed, as (sql, probability).
        error: why nothing ran, when nothing did.
        elapsed_ms: wall-clock time of the prediction.
    """

    question: str
    sql: str = ""
    query: Query | None = None
    columns: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    confidence: float = 0.0
    empty: bool = True
    truncated: bool = False
    links: Links | None = None
    alternatives: list[tuple[str, float, Query]] = field(default_factory=list)
    error: SqlError | None = None
    elapsed_ms: float = 0.0


_MAX_QUESTION_CHARS = 300  # the longest benchmark question has 76
_ALTERNATIVES = 2  # hypotheses run after the chosen one, to offer a clarification


# Words for the least or the most of something: an extreme, a ranking or an ordering.
_EXTREME_CUES = re.compile(r"가장|제일|젤|최고|최저|최대|최소|최다|최장|최단")
# The ``features.quality`` bucket of a text value matched below 0.85: a far guess.
_FAR_GUESS = 4
# Words that ask for the first rows of an ordering: without one, "LIMIT" is the model's invention.
_LIMIT_CUES = re.compile(
    _EXTREME_CUES.pattern
    + r"|최근|최신|상위|하위|톱|top|best|베스트|1등|일등|꼴찌|"
    + r"처음|마지막|먼저|\d+\s*(개|명|곳|권|건|위|편|마리|가지|군데|대|종|팀)"
)
# Words of negation: without one, "!=", NOT IN and NOT LIKE are the model's invention.
# ("중복 없이", "중복 빼고" ask for DISTINCT, they negate nothing)
_NEGATION_CUES = re.compile(
    r"(?<!중복\s)(?<!중복)(?:없|빼고|제외)|않|안\s|아닌|아니|말고|외에|밖|못|never|not|except"
)
_NEGATED_OPS = ("!=", "NOT_IN", "NOT_LIKE")
# A comparison with the average ("평균보다 긴", "평균 이상"); "평균 길이" alone asks for AVG.
_AVERAGE_COMPARED = re.compile(
    r"(평균|보통).{0,12}(보다|이상|이하|초과|미만|넘|웃돌|밑돌|못 미|미치)"
)
# "평균보다 긴", "평균 이상인": a comparison with the average itself, not "평균 가격이 2만 원 이상"
_THAN_AVERAGE = re.compile(r"평균\s?(보다|이상|이하|초과|미만)")
_ROW_COUNTERS = frozenset(
    {"개", "명", "권", "건", "곳", "마리", "편", "가지", "군데", "대", "종", "팀", "번", "회"}
)
# Words that ask for a count ("몇 곳", "회원 수", "얼마나 많이"): without one, COUNT is invented.
_COUNT_CUES = re.compile(
    r"몇|(?<![가-힣])수|개수|건수|횟수|얼마나|총(?![가-힣])|합계|count|how many|number of"
)
_HOW_MANY = re.compile(r"몇\s*([a-z가-힣]+)")
# "의 수는", " 개수가" right after a name: the question counts what it names
_NUMBER_OF = re.compile(r"(?:\s*의)?\s*(?:개수|수)(?:[는가를도]|(?![가-힣]))")
_PARTICLE_GAP = re.compile(r"\s*(?:[이가은는도]\s*)?")


def _names_outside_values(links: Links) -> Links:
    """The links without the schema words said inside a stored value: the 구 of "마포구" is part
    of the value, not a mention of the column 구 (the encoder still sees every mention)."""
    values = [(c.start, c.end) for c in links.candidates if c.kind == "text" and c.score >= 0.95]
    mentions = [
        m
        for m in links.mentions
        if not any(s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in values)
    ]
    return replace(links, mentions=mentions)


def _table_of(item: str, schema: Schema) -> str:
    """The table a mentioned item (a table, or ``table.column``) belongs to."""
    return schema.column(item).table if "." in item else item


def _naming_mentions(links: Links) -> list[Mention]:
    """The mentions that name something, in question order. A word of a longer name said inside
    the whole name of something else does not: "노선" of "노선 길이" asks for the table 노선, and
    "이름" of "코스 이름" said in "산 이름" asks for the mountain's name. A word that is the whole
    name of one column and part of another's ("금액": the menu's price, the order's amount) names
    both; the whole name of a table ("회원") names no column ("회원 번호")."""
    whole = [(m.start, m.end, m.item) for m in links.mentions if m.exact]
    return [
        m
        for m in sorted(links.mentions, key=lambda m: m.start)
        if m.exact
        or not any(
            s <= m.start
            and m.end <= e
            and i != m.item
            and (e - s > m.end - m.start or "." not in i)
            for s, e, i in whole
        )
    ]


def _named(links: Links) -> dict[str, int]:
    """Tables and columns the question names, with where it first names each."""
    named: dict[str, int] = {}
    for m in _naming_mentions(links):
        named.setdefault(m.item, m.start)
    return named


_NAME_AFTER_TABLE = re.compile(r"\s?(?P<word>이름|명칭)")


def _table_name_words(links: Links, schema: Schema) -> dict[tuple[int, int], str]:
    """ "강의 이름" names the course's own name column, whatever the annotation calls it: the span
    of each 이름 said right after a table → that table's display column."""
    words = {}
    for m in links.mentions:
        if "." not in m.item and (after := _NAME_AFTER_TABLE.match(links.question, m.end)):
            words[after.span("word")] = schema.table(m.item).display
    return words


def _mention_order(query: Query, links: Links, schema: Schema) -> Query:
    """Tidy a multi-column projection: keep the columns the question asks for, in its order.

    A column stays when the question names it, or when it is the first shown column of a table
    the question names ("작가랑 제목": the author's name). A column the question does not name is
    dropped, most often the one a condition already fixes ("코레일이 운영하는 노선 이름" needs no
    operator column, "30대 회원 닉네임" no age column).
    """
    plain = [e for e in query.select if e.agg is None and e.column]
    if len(plain) < 2 or len(plain) != len(query.select):
        return query
    first: dict[str, int] = {}  # exact names
    for m in links.mentions:
        if m.exact and (m.item not in first or m.start < first[m.item]):
            first[m.item] = m.start
    named = _named(links)
    for (start, _), display in _table_name_words(links, schema).items():
        first.setdefault(display, start)
        named.setdefault(display, start)
    # a listed column stays though a condition fixes it ("25000원 넘게 시킨 주문들 주문번호랑
    # 금액"), in the order of the list: "단가가 제일 싼 트레이너 이름하고 단가" shows the name first
    for (start, _), readings in _listed_words(links, schema).items():
        for item in readings:
            first[item] = start
    conditioned = {c.column for c in query.where}

    def table(e: Expr) -> str:
        return e.column.rsplit(".", 1)[0]

    kept: list[Expr] = []
    for e in plain:
        named_sibling = any(o.column in named and table(o) == table(e) for o in plain if o != e)
        shown_sibling = any(table(k) == table(e) for k in kept)
        if e.column in first or (
            e.column not in conditioned
            and (
                e.column in named or (table(e) in named and not named_sibling and not shown_sibling)
            )
        ):
            kept.append(e)
    kept = kept or plain[:1]
    if all(e.column in named for e in kept):
        kept = sorted(kept, key=lambda e: first.get(e.column, named[e.column]))
    return replace(query, select=tuple(kept))


# Words that ask for a number of rows ("몇 개인지", "회원 수", "폴포지션 수는"; not 수업, 수도)
_COUNT_ASKED = re.compile(r"몇|(?<![가-힣])수(?=$|[^가-힣]|[는가를의](?![가-힣]))|횟수|개수|건수")
# Words that ask for an amount, not only for the winner of a ranking.
_AMOUNT_CUES = re.compile(_COUNT_ASKED.pattern + r"|얼마|합계|평균|총")


# "건수도 같이", "합계도 보여줘": the amount as well as what it ranks
_AMOUNT_TOO = re.compile(r"(?:횟수|개수|건수|합계|평균|금액|액수|수)(?:인지)?도(?![가-힣])")


# "공연장도 같이 알려줘": something shown as well as what was asked
_AS_WELL = re.compile(r"도\s?(?:같이|함께)")


def _shown_as_well(query: Query, links: Links, schema: Schema) -> Query:
    """ "12월에 잡힌 공연 뭐야? 공연장도 같이 알려줘" asks for the concerts and their venues: a listing
    that shows only what is asked for as well also shows, first, the rows of the table the
    question named before it."""
    match = _AS_WELL.search(links.question)
    if not match or query.group_by or any(e.agg or not e.column for e in query.select):
        return query
    also = {_table_of(m.item, schema) for m in links.mentions if m.exact and m.end == match.start()}
    shown = {schema.column(e.column).table for e in query.select}
    if len(also) != 1 or shown != also:
        return query
    named = _named(links)
    earlier = [
        t for t, at in named.items() if "." not in t and at < match.start() and t not in shown
    ]
    if not earlier:
        return query
    first = schema.table(min(earlier, key=named.__getitem__)).display
    return replace(query, select=(Expr(None, first), *query.select))


def _listed_shown(query: Query, links: Links, schema: Schema) -> Query:
    """ "공연장들 이름하고 좌석 수" lists two columns: a plain listing that leaves one out shows it as
    well, when exactly one reading of the word belongs to a table the query reads."""
    if query.group_by or any(e.agg or not e.column for e in query.select):
        return query
    tables = set(query.tables(schema))
    shown = {e.column for e in query.select}
    missing = []
    for readings in _listed_columns(links, schema):
        local = [r for r in readings if schema.column(r).table in tables]
        if not readings & shown and len(local) == 1:
            missing.append(Expr(None, local[0]))
    return replace(query, select=(*query.select, *missing)) if missing else query


def _ranking_amount(query: Query, links: Links, schema: Schema) -> Query:
    """ "예매가 제일 많이 들어온 가수는?" asks for the singer, not the singer and the count: the
    aggregate a top-N ranking sorts by is shown only when the question asks for an amount or
    lists its column ("제일 싼 트레이너 이름하고 단가"), and added when it asks for it as well
    ("가수 상위 3, 건수도 같이")."""
    if query.order_by is None or query.limit is None:
        return query
    question = links.question
    key = query.order_by[0]
    if key.agg and key not in query.select and _AMOUNT_TOO.search(question):
        return replace(query, select=(*query.select, key))
    if len(query.select) < 2:
        return query
    kept = tuple(e for e in query.select if not (e.agg and e == key))
    if len(kept) == len(query.select) or not kept or _AMOUNT_CUES.search(question):
        return query
    if any(key.column in readings for readings in _listed_columns(links, schema)):
        return query
    return replace(query, select=kept)


def _distinct_list(query: Query, schema: Schema) -> Query:
    """A list shows each different row once: "출구가 열 개 넘는 역 이름" names a station on two
    lines once, "노스페이스 입는 회원들이 다녀온 산 이름" every mountain once, not once per hike.
    A shown primary key already tells rows apart, unless a joined child (the many side of a
    foreign key) that is not shown repeats them. A ranking (LIMIT) keeps its rows, and rows
    sorted by a column they do not show cannot be DISTINCT (PostgreSQL refuses)."""
    if query.distinct or query.group_by or query.limit is not None:
        return query
    if any(e.agg or not e.column for e in query.select):
        return query
    if query.order_by and query.order_by[0] not in query.select:
        return query
    if not any(schema.column(e.column).primary_key for e in query.select):
        return replace(query, distinct=True)
    edges = join_path(schema, query.table, query.tables(schema)) or []
    tables = {query.table, *(edge[0] for edge in edges)}
    hidden = tables - {schema.column(e.column).table for e in query.select}
    fans_out = any(
        fk.table in hidden and fk.ref_table in tables and fk.ref_table != fk.table
        for fk in schema.foreign_keys
    )
    return replace(query, distinct=True) if fans_out else query


# Between two names of a list ("제목이랑 날짜", "이름, 가격 및 재고").
_LIST_JOINER = re.compile(r"\s*(?:이랑|랑|하고|과|와|및|그리고|,|/)\s*(?:또\s*)?")


def _has_average(query: Query) -> bool:
    return (
        any(e.agg == "AVG" for e in query.select)
        or any(c.op in ("GT_AVG", "LT_AVG") for c in query.where)
        or bool(query.having and query.having[0].agg == "AVG")
        or bool(query.order_by and query.order_by[0].agg == "AVG")
    )


def _listed_columns(links: Links, schema: Schema) -> list[set[str]]:
    """Columns the question lists to be shown, one set of readings per listed word: "제목이랑
    날짜" lists two; "주문번호랑 금액" lists 주문번호 (the order's or a review's) and 금액."""
    return list(_listed_words(links, schema).values())


def _listed_words(links: Links, schema: Schema) -> dict[tuple[int, int], set[str]]:
    """The listed words of ``_listed_columns`` by their span (start, end); "강의 이름" reads as
    the course's name column too."""
    words: dict[tuple[int, int], set[str]] = {}
    for m in _naming_mentions(links):
        if "." in m.item:
            words.setdefault((m.start, m.end), set()).add(m.item)
    for span, display in _table_name_words(links, schema).items():
        words.setdefault(span, set()).add(display)
    spans = sorted(words)
    listed: dict[tuple[int, int], set[str]] = {}
    for (start, end), (next_start, next_end) in zip(spans, spans[1:], strict=False):
        if _LIST_JOINER.fullmatch(links.question[end:next_start]):
            listed[(start, end)] = words[(start, end)]
            listed[(next_start, next_end)] = words[(next_start, next_end)]
    return listed


# Right after a value or a column name: "서울 말고", "야외가 아닌", "주차 안 되는".
_NEGATED_AFTER = re.compile(
    r"\s*(?:(?:[이가은는을를도]|으로|로|에서|에)\s*)?(?:말고|빼고|제외|아닌|아니|없|안\s|않|외에|밖)"
)
_HOW_MUCH_MONEY = re.compile(r"얼마(?!나)")
# Words of an ending and of a beginning ("언제 물러났어?", "취임 날짜")
_END_WORDS = re.compile(r"종료|끝|마감|마친|마쳤|물러|은퇴|퇴임|퇴사|탈퇴|그만|end|finish")
_START_WORDS = re.compile(r"시작|개시|취임|부임|입사|가입|개업|개장|start|begin")
# Words that compare with a number ("3건 넘는", "다섯 번 이상", "2명보다 많은")
_COMPARISON_CUES = re.compile(r"이상|이하|초과|미만|넘|보다|까지|안 되|못 되|밑|아래|over|under")
# Words that ask for one row per group ("장르별로", "도시마다", "각 지점의").
_GROUP_CUES = re.compile(r"별|마다|각\s|당\s|씩|따라|나눠|기준")


def _misplaced_negations(
    query: Query, links: Links, named: dict[str, int], negated_anywhere: bool
) -> int:
    """Negations on the wrong word: "서울 공연장 중에 야외 말고" negates 야외, not 서울."""
    question = links.question
    count = 0
    for cond in query.where:
        if cond.op in ("=", "!=") and cond.values and cond.values[0].kind == "text":
            spans = [
                c
                for c in links.candidates
                if c.value == cond.values[0].value and c.column == cond.column
            ]
            if spans:
                negated = any(_NEGATED_AFTER.match(question, c.end) for c in spans)
                # a != with no negation anywhere is already counted by groundless
                count += (negated and cond.op == "=") or (
                    not negated and cond.op == "!=" and negated_anywhere
                )
        elif cond.op in ("IS_TRUE", "IS_FALSE") and cond.column in named:
            ends = [m.end for m in links.mentions if m.item == cond.column]
            negated = any(_NEGATED_AFTER.match(question, end) for end in ends)
            count += negated and cond.op == "IS_TRUE"
    return count


def _range_numbers(links: Links) -> set[float]:
    """Numbers inside a range the question gives ("30대" is 30–39, never = 30)."""
    ranges = [c for c in links.candidates if c.kind == "range"]
    return {
        c.value
        for c in links.candidates
        if c.kind == "number" and any(r.start <= c.start and c.end <= r.end for r in ranges)
    }


_SAID_NUMBER = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)(?![\d.])")
# Ways of saying a number that compare nothing with it: a month ("6월에 50만 명 넘은"), a rank
# ("가수 상위 3" keeps three rows; it compares no count with 3).
_AS_MONTH = re.compile(_SAID_NUMBER.pattern + r"\s?월")
_AS_RANK = re.compile(r"(?:상위|하위)\s?" + _SAID_NUMBER.pattern)
# "한 건도 못 한", "하나도 없는" (normalized "1 건도", "1도"): not even one, a negation
_AS_EVEN_ONE = re.compile(r"(?<![\d.])(?P<n>1)\s?(?:[가-힣]{1,2}\s?)?도\s?(?:안|못|없|않)")


def _said_only_as(links: Links, role: re.Pattern[str]) -> set[float]:
    """Numbers the question says only in ``role`` (``_AS_MONTH``, ``_AS_RANK``), never otherwise."""
    said = Counter(float(m["n"]) for m in _SAID_NUMBER.finditer(links.question))
    in_role = Counter(float(m["n"]) for m in role.finditer(links.question))
    return {n for n, k in in_role.items() if said[n] == k}


# Right after a date, words that make it a bound: "3월 이후", "2020년 전에", "5월부터".
_DATE_BOUND_AFTER = re.compile(
    r"\s*(?:[에의]\s*)?(?:이후|이전|부터|까지|전(?![체부국])|후|뒤|넘|지나|이래|이상|이하|초과|미만|"
    r"after|before|since|until)"
)


def _date_bound_mismatches(query: Query, links: Links) -> int:
    """A date said plainly ("4월 한 달 동안", "12월에 잡힌") is a period to fall in; a bound
    ("4월 이후", "2020년 전") needs a word that makes it one."""
    count = 0
    for cond in query.where:
        if cond.op not in ("=", ">", ">=", "<", "<=") or not cond.values:
            continue
        if cond.values[0].kind != "date":
            continue
        ends = [
            c.end for c in links.candidates if c.kind == "date" and c.value == cond.values[0].value
        ]
        if ends:
            bounded = any(_DATE_BOUND_AFTER.match(links.question, end) for end in ends)
            count += bounded == (cond.op == "=")
    return count


def _column_mentions(links: Links) -> list[Mention]:
    """Mentions of columns by a word of their own: "제목" names the title, but "공연" names the
    table only, though it is also a word of "공연 시간"."""
    table_spans = {(m.start, m.end) for m in links.mentions if "." not in m.item}
    return [m for m in links.mentions if "." in m.item and (m.start, m.end) not in table_spans]


def _column_words(links: Links) -> set[str]:
    """Columns the question names by a word of their own (see ``_column_mentions``)."""
    return {m.item for m in _column_mentions(links)}


def _said_before(links: Links, position: int) -> list[Mention]:
    """Mentions that end right before ``position``, at most a particle between ("출구가 몇 개")."""
    return [m for m in links.mentions if _PARTICLE_GAP.fullmatch(links.question, m.end, position)]


# Question words, each asking for a kind of answer.
_QUESTION_WORDS = {
    "who": re.compile(r"누구|누가"),
    "where": re.compile(
        r"어디|어느\s?(?:곳|도시|지역|나라|동네|장소|[시군구동도](?=[에의]|\s|$|\?))"
    ),
    "when": re.compile(r"언제"),
    "how_much": re.compile(r"얼마"),
    "how_many": re.compile(r"몇"),
}


def _counted_after(links: Links, schema: Schema, asked: re.Match[str] | None) -> set[str]:
    """Text columns named right after "몇 개" ("몇 개 시군에", "몇개의 학교에서")."""
    if asked is None:
        return set()
    return {
        m.item
        for m in links.mentions
        if "." in m.item
        and m.start >= asked.end()
        and not links.question[asked.end() : m.start].strip()
        and schema.column(m.item).type == "text"
    }


def _counted_before(links: Links, schema: Schema) -> set[str]:
    """Text columns named right before "의 수" or "개수" ("도시 지구의 수는?"), unless the 수 is
    part of the column's own name ("교체가 필요한 나무의 수")."""
    counted = set()
    for m in links.mentions:
        number_of = _NUMBER_OF.match(links.question, m.end)
        if "." not in m.item or not number_of or schema.column(m.item).type != "text":
            continue
        said_to = number_of.start() + number_of.group().rindex("수") + 1
        if not any(o.item == m.item and o.end >= said_to for o in links.mentions):
            counted.add(m.item)
    return counted


def _question_words(question: str) -> set[str]:
    return {word for word, pattern in _QUESTION_WORDS.items() if pattern.search(question)}


def _unnamed_shown(query: Query, links: Links, schema: Schema) -> int:
    """Shown columns the question never names, of a table it names, where the row's name would
    answer: "제목에 단독 들어간 공연 뭐 있어" lists titles, not running times."""
    # "얼마야?", "언제야?", "몇 개야?" ask for an amount or a time without naming its column
    if query.group_by or _question_words(links.question) & {"how_much", "when", "how_many"}:
        return 0
    # a conditioned column is dropped from the listing by _mention_order
    words = _column_words(links) | {c.column for c in query.where}
    tables = {m.item for m in links.mentions if "." not in m.item}
    shown = [schema.column(e.column) for e in query.select if e.agg is None and e.column]
    # "가평역은 어느 군에 있어?" asks for the place column without naming it
    where = "where" in _question_words(links.question)
    return sum(
        1
        for c in shown
        if c.key not in words
        and c.table in tables
        and c.key != schema.table(c.table).display
        and not (where and _says_place(c.names))
    )


# A table's name followed by a word for its rows' names: "과목 이름", "공연 제목".
_NAME_WORD = re.compile(r"\s?(?:이름|명칭|제목)")


def _other_rows_named(query: Query, links: Links, schema: Schema) -> int:
    """ "컴퓨터공학과 학생들이 신청한 과목 이름" asks for the names of courses: a list of the names
    of another table's rows (the students) answers another question."""
    named = {
        m.item
        for m in links.mentions
        if m.exact and "." not in m.item and _NAME_WORD.match(links.question, m.end)
    }
    if not named:
        return 0
    displays = {t.display: t.name for t in schema.tables}
    shown = {displays[e.column] for e in query.select if e.agg is None and e.column in displays}
    return bool(shown) and not shown & named


def _echoed(query: Query) -> int:
    """A listing of only what its conditions fix ("SELECT 역 이름 WHERE 역 이름 = '가평'")
    answers with the question's own words."""
    fixed = {c.column for c in query.where if c.op == "=" and len(c.values) == 1}
    shown = [e.column for e in query.select if e.agg is None]
    return int(bool(shown) and len(shown) == len(query.select) and set(shown) <= fixed)


# Column names that say where something is ("도시", "지역", "주소").
_PLACE_COLUMN = re.compile(r"지역|도시|위치|주소|장소|동네|시도|시군|구$|나라|국가|국적")


def _says_place(names: tuple[str, ...]) -> bool:
    return any(_PLACE_COLUMN.search(n) for n in names)


def _answers(table: Table, asked: set[str]) -> bool:
    """The table holds what the question asks for: people ("누구") or places ("어디"), by any of
    its names ("가수" among 아티스트, 가수, 뮤지션; "공연 장소")."""
    return ("who" in asked and any(is_person((n,)) for n in table.names)) or (
        "where" in asked and (any(is_place((n,)) for n in table.names) or _says_place(table.names))
    )


def _wrong_kind_shown(query: Query, links: Links, schema: Schema) -> int:
    """ "누구 콘서트야?" asks for a person, "어디서 해?" for a place, "언제야?" for a date and
    "얼마야?" for an amount: a projection that shows none answers another question (a count
    answers only "얼마나 많이" or a word of counting outside the column names: "합계는 얼마?"
    names the column 합계)."""
    question = links.question.lower()
    shown = [schema.column(e.column) for e in query.select if e.column]
    asked = _question_words(question)
    if "when" in asked:
        return not any(c.type == "date" for c in shown)
    if "how_much" in asked:
        counts = any(e.agg == "COUNT" for e in query.select)
        # "얼마나 많이", "폴포지션 수는 얼마?" ask for a count
        count_asked = "얼마나" in question or _COUNT_ASKED.search(_outside_column_names(links))
        if counts and not count_asked:
            return 2  # "도마 점수는 얼마?", "총 얼마야?" ask for an amount, never a count
        counted = counts and bool(count_asked)
        amounts = [e.column for e in query.select if e.column and e.agg != "COUNT"]
        return not counted and not any(schema.column(c).type == "number" for c in amounts)
    tables = [schema.table(c.table) for c in shown]
    if "who" in asked:
        if any(_answers(t, {"who"}) for t in tables):
            return 0
        # "홍대입구점에는 트레이너 누구누구 있어?" reads the trainers and shows a branch column
        read = [schema.table(t) for t in query.tables(schema)]
        return 2 if any(_answers(t, {"who"}) for t in read) else 1
    if "where" in asked:
        places = any(_answers(t, {"where"}) for t in tables)
        return not places and not any(_says_place(c.names) for c in shown)
    return 0


def _money_columns(schema: Schema) -> set[str]:
    return {c.key for c in schema.columns if c.unit and canonical_unit(c.unit) == "원"}


def _measured(query: Query) -> list[Expr]:
    """What the query totals, ranks or compares: shown aggregates, ORDER BY, HAVING."""
    measured = [e for e in query.select if e.agg]
    measured += [query.order_by[0]] if query.order_by else []
    measured += [query.having[0]] if query.having else []
    return measured


def _money_unshown(query: Query, links: Links, schema: Schema) -> int:
    """ "얼마 정도 써?", "얼마야?" ask for money when the data keeps some: a number shown in another
    unit answers it only when the question names that number ("거리가 얼마야?"); "얼마나 걸려"
    asks for anything."""
    if not _HOW_MUCH_MONEY.search(links.question):
        return 0
    money = _money_columns(schema)
    shown = [e.column for e in query.select if e.column and e.agg != "COUNT"]
    if not money or not shown:
        return 0
    named = _column_words(links)
    return not any(c in money or c in named for c in shown)


# Words for an amount of money that name no column ("결제 총액", "돈 제일 많이 쓴").
_MONEY_WORDS = re.compile(r"총액|금액|액수|매출|돈")


def _money_unmeasured(query: Query, links: Links, schema: Schema) -> int:
    """ "결제 총액 많은 회원 top3", "돈 제일 많이 쓴 고객" measure money: totals, rankings and
    comparisons over numbers in another unit (ages, months) answer another question."""
    if not _MONEY_WORDS.search(_outside_column_names(links)):
        return 0
    money = _money_columns(schema)
    numbers = [e.column for e in _measured(query) if e.column and e.agg != "COUNT"]
    return bool(money and numbers) and not any(c in money for c in numbers)


def _asked_kind_shown(query: Query, links: Links, schema: Schema) -> Query:
    """ "네온타이드 콘서트 어디어디서 해?" asks for the place a concert is held: a listing of rows'
    names, where the question asks who or where and the rows are neither people nor places,
    shows the name of the one parent (along a foreign key) that is."""
    if query.group_by or len(query.select) != 1:
        return query
    shown = query.select[0]
    if shown.agg or not shown.column or not _wrong_kind_shown(query, links, schema):
        return query
    table = schema.column(shown.column).table
    if shown.column != schema.table(table).display:
        return query
    asked = _question_words(links.question) & {"who", "where"}
    parents = {
        fk.ref_table
        for fk in schema.foreign_keys
        if fk.table == table
        and fk.ref_table != table
        and _answers(schema.table(fk.ref_table), asked)
    }
    if len(parents) != 1:
        return query
    return replace(query, select=(Expr(None, schema.table(parents.pop()).display),))


# Words that ask whether something holds ("주차 가능 여부", "매진인지").
_ASKS_WHETHER = re.compile(r"여부|유무|인지|는지|했는지|됐는지")


def _shown_flags(query: Query, question: str, schema: Schema) -> list[str]:
    """Yes/no columns shown although the question does not ask whether they hold."""
    if _ASKS_WHETHER.search(question):
        return []
    return [
        e.column
        for e in query.select
        if e.agg is None and e.column and schema.column(e.column).type == "boolean"
    ]


def _repairable_flags(query: Query, question: str, schema: Schema) -> list[str]:
    """Shown flags that can become conditions: shown next to another column, not asked about,
    not yet conditioned and not the group ("VIP 회원이랑 일반 회원 각각 몇 명" shows the flag)."""
    flags = [
        column
        for column in _shown_flags(query, question, schema)
        if column not in {c.column for c in query.where} and column != query.group_by
    ]
    if len(flags) == len(query.select) or (query.where and query.conj != "AND"):
        return []
    return flags


def _flags_as_conditions(query: Query, links: Links, schema: Schema) -> Query:
    """ "환승역 이름" asks for the names of stations that are transfer stations: a repairable flag
    becomes a condition (false when a negation follows its name: "주차 안 되는 공연장 이름")."""
    flags = _repairable_flags(query, links.question, schema)
    if not flags:
        return query
    conditions = []
    for column in flags:
        ends = [m.end for m in links.mentions if m.item == column]
        negated = any(_NEGATED_AFTER.match(links.question, end) for end in ends)
        conditions.append(Cond(column, "IS_FALSE" if negated else "IS_TRUE"))
    return replace(
        query,
        select=tuple(e for e in query.select if e.column not in flags),
        where=(*query.where, *conditions),
    )


def _rows_named_after_condition(query: Query, links: Links, schema: Schema) -> Query:
    """ "높이가 천 미터에서 천오백 미터 사이인 산" asks for mountains: a list of only the column a
    comparison bounds, named once for that comparison and followed by its table's name, shows
    the rows' names instead."""
    if query.group_by or query.order_by or len(query.select) != 1 or query.select[0].agg:
        return query
    key = query.select[0].column
    if not key or not any(c.column == key and c.op != "=" for c in query.where):
        return query
    table = schema.column(key).table
    display = schema.table(table).display
    named_at = {m.start for m in links.mentions if m.item == key}
    table_at = [m.start for m in links.mentions if m.item == table and m.exact]
    if display == key or len(named_at) != 1 or not any(t > min(named_at) for t in table_at):
        return query
    return replace(query, select=(Expr(None, display),))


# "남자 여자 각각 몇 명씩": one answer per value named
_EACH = re.compile(r"각각|씩")


def _total_per_value(query: Query, question: str) -> Query:
    """ "남자 여자 회원 각각 몇 명씩이야?" asks for a total per value: one total over the values
    joined by OR is grouped by their column, which is shown first."""
    conds = query.where
    if (
        query.group_by
        or query.conj != "OR"
        or len(conds) < 2
        or len({c.column for c in conds}) != 1
        or any(c.op != "=" for c in conds)
        or [e.agg is not None for e in query.select] != [True]
        or not _EACH.search(question)
    ):
        return query
    column = conds[0].column
    return replace(query, select=(Expr(None, column), *query.select), group_by=column)


def _names_for_ids(query: Query, links: Links, schema: Schema) -> Query:
    """ "천 미터 넘는 산" asks for the mountains' names: an id column the question does not name
    is shown as its table's display column (not when grouped: the group is by that id)."""
    if query.group_by:
        return query
    named = _named(links)
    select = []
    for e in query.select:
        if e.agg is None and e.column and _is_id(schema, e.column) and e.column not in named:
            e = replace(e, column=schema.table(schema.column(e.column).table).display)
        if e not in select:
            select.append(e)
    return replace(query, select=tuple(select))


def _flag_shown(query: Query, question: str, schema: Schema) -> int:
    """A shown flag that ``_flags_as_conditions`` cannot turn into a condition (shown alone, or
    next to a condition on itself) answers a question not asked."""
    repaired = _repairable_flags(query, question, schema)
    return sum(
        1
        for column in _shown_flags(query, question, schema)
        if column != query.group_by and column not in repaired
    )


def _unit_mismatches(query: Query, links: Links, schema: Schema) -> int:
    """Numbers compared with a column in another unit: "5명 이상" is no age in 살, "3 시간" no
    minutes (the 180 분 read from it is), and "2003년" belongs to the column in 년 when there is
    one, not to a column without a unit."""
    said: dict[float, set[str]] = {}
    for c in links.candidates:
        if c.kind == "number":
            said.setdefault(float(c.value), set()).add(canonical_unit(c.unit) if c.unit else "")
    schema_units = {canonical_unit(c.unit) for c in schema.columns if c.unit}
    compared = [
        (c.column, v) for c in query.where for v in c.values if v.kind in ("number", "text")
    ]
    if query.having and query.having[0].column:
        compared.append((query.having[0].column, query.having[2]))
    count = 0
    if query.having and query.having[0].agg == "COUNT" and query.having[2].kind == "number":
        # "별점 2점 이하" compares ratings, not a count of rows, with 2
        units = said.get(float(query.having[2].value), set())
        count += bool(units) and not units & ({""} | _ROW_COUNTERS) and bool(units & schema_units)
    for column, value in compared:
        try:  # WikiSQL keeps numbers of text columns as text ('2003')
            units = said.get(float(value.value), set())
        except (TypeError, ValueError):
            continue
        unit = canonical_unit(schema.column(column).unit) if schema.column(column).unit else ""
        if units and "" not in units and unit not in units:
            count += bool(unit or units & schema_units)
    return count


# Words that ask for a sum ("합계", "금액 합이 제일 큰", "합친"); "총" also counts, so it is left out.
_SUM_CUES = re.compile(r"합계|합산|합친|합쳐|합하|총합|(?<![가-힣])합(?=[이은을도]|\s|$)")


def _has_sum(query: Query) -> bool:
    return (
        any(e.agg == "SUM" for e in query.select)
        or bool(query.having and query.having[0].agg == "SUM")
        or bool(query.order_by and query.order_by[0].agg == "SUM")
    )


# A column said right before "별로", "마다", "기준으로" is the one to group by.
_GROUPED_AFTER = re.compile(r"\s*(?:별|마다|기준)")


def _wrong_group(query: Query, links: Links, schema: Schema) -> int:
    """ "시도별로 환승역 몇 군데씩" groups by 시도, not by the flag it filters on."""
    if not query.group_by:
        return 0
    before_cue = [
        m for m in links.mentions if m.exact and _GROUPED_AFTER.match(links.question, m.end)
    ]
    asked = {m.item for m in before_cue if "." in m.item}
    # "동네별 고객 평균 연령": 동네 is exactly the restaurants' district, and loosely the
    # district of the customers the question names
    if asked:
        tables_named = {m.item for m in links.mentions if m.exact and "." not in m.item}
        asked |= {
            m.item
            for m in links.mentions
            if "." in m.item
            and any(m.start == a.start and m.end == a.end for a in before_cue)
            and schema.column(m.item).table in tables_named
        }
    if asked:
        return query.group_by not in asked
    # "가수별로" groups by a column of the table 가수
    tables = {m.item for m in before_cue}
    return bool(tables) and schema.column(query.group_by).table not in tables


def _namesakes_counted(query: Query, links: Links, schema: Schema) -> int:
    """ "수업 제일 많이 나온 회원" counts attendances per member: rows of one table counted per
    its own name count namesakes, unless the question groups by that name ("이름별로")."""
    if not query.group_by or len(query.tables(schema)) > 1:
        return 0
    if query.group_by != schema.table(query.table).display:
        return 0
    if not any(e.agg == "COUNT" for e in _measured(query)):
        return 0
    return not any(
        m.item == query.group_by and _GROUPED_AFTER.match(links.question, m.end)
        for m in links.mentions
    )


# A number and its unit or counter, before a word of comparison.
_NUMBER_BEFORE_COMPARISON = r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s?[가-힣]{0,3}\s?"
# A number compared and the noun it describes: "다섯 명 이상인 분야", "3개 넘는 장르".
_COMPARED_HEAD = re.compile(
    _NUMBER_BEFORE_COMPARISON + r"(?:이상|이하|초과|미만|넘는|넘은)[인은]?\s+"
)
# A number compared: "3개 이상", "2만 원 넘는", "50 미만".
_NUMBER_COMPARED = re.compile(_NUMBER_BEFORE_COMPARISON + r"(?:이상|이하|초과|미만|넘)")


def _unsaid_values_counted(query: Query, links: Links, schema: Schema) -> int:
    """ "중복 빼고 회원 몇 명" counts different members (their names or ids), not the different
    genders among them: a count of the different values of a column counts what the question
    names, and where a table is named right before 몇 ("사이인 학생 몇 명"), that column is
    named there too."""
    if query.group_by:
        return 0
    asked = _HOW_MANY.search(links.question)
    before = _said_before(links, asked.start()) if asked else []
    tables_counted = any("." not in m.item for m in before)
    said = {m.item for m in (before if tables_counted else links.mentions)}
    return sum(
        1
        for e in query.select
        if e.agg == "COUNT"
        and e.distinct
        and e.column
        and e.column not in said
        and not _is_id(schema, e.column)
        and e.column != schema.table(schema.column(e.column).table).display
    )


def _comparison_unmade(query: Query, links: Links) -> int:
    """ "등산로가 세 개 이상 있는 산" compares a count with three: a query that compares nothing
    (only that some trail exists) answers another question."""
    if not _NUMBER_COMPARED.search(links.question):
        return 0
    compares = any(c.op in (">", ">=", "<", "<=", "BETWEEN") for c in query.where)
    return not compares and not (query.having and query.having[1] != "=")


def _group_compared_as_row(query: Query, links: Links) -> int:
    """ "분야별로 트레이너 몇 명? 다섯 명 이상인 분야만" compares the groups (HAVING): a row
    condition with that number (a class's capacity of five) answers another question."""
    if not query.group_by or query.having:
        return 0
    heads = {
        float(match["n"])
        for match in _COMPARED_HEAD.finditer(links.question)
        for m in links.mentions
        if m.item == query.group_by and m.start == match.end()
    }
    return any(v.kind == "number" and v.value in heads for c in query.where for v in c.values)


def _ungrouped_shown(query: Query, schema: Schema) -> int:
    """A grouped query shows its group and totals: a plain column of another table ("취소 여부"
    shown per 가수) is none of them. Without a group, a plain column beside a total is one
    arbitrary row's (PostgreSQL refuses it): as surely wrong as an error (2)."""
    if not query.group_by:
        aggregated = any(e.agg for e in query.select)
        return 2 * aggregated * any(e.agg is None and e.column for e in query.select)
    grouped = schema.column(query.group_by).table
    # a row's key decides its other columns; 동네 does not decide one customer's name
    keyed = _is_id(schema, query.group_by)
    return sum(
        1
        for e in query.select
        if e.agg is None
        and e.column
        and e.column != query.group_by
        and (schema.column(e.column).table != grouped or not keyed)
    )


def _wrong_ranking(query: Query, links: Links, schema: Schema) -> int:
    """ "승차 인원이 가장 많았던 역" ranks by the number column said before 가장, not by a count
    of rows or another column."""
    if not query.order_by:
        return 0
    naming = _naming_mentions(links)  # "주문 제일 많이 받은" counts orders, not 주문 금액
    ranked = {
        m.item
        for cue in _EXTREME_CUES.finditer(links.question)
        for m in _said_before(links, cue.start())
        if m in naming and "." in m.item and schema.column(m.item).type == "number"
    }
    return bool(ranked) and query.order_by[0].column not in ranked


# "경력이 제일 오래된", "가장 오래 다닌": long ago for a date or a calendar year, but the most
# of a duration
_OLD = re.compile(r"오래된|오랜|오래\s?(?!걸)")
_CALENDAR_YEAR = re.compile(r"연도|년도|해$")


def _old_as_most(query: Query, links: Links, schema: Schema) -> Query:
    """ "경력 제일 오래된 트레이너" ranks the longest career first: "오래된" reads as "least" to the
    network, which is right for dates and years ("가장 오래된 도서관") but not for a duration."""
    if not query.order_by or not _OLD.search(links.question):
        return query
    expr, direction = query.order_by
    if expr.agg or not expr.column or direction != "ASC":
        return query
    column = schema.column(expr.column)
    if column.type != "number" or any(_CALENDAR_YEAR.search(n) for n in column.names):
        return query
    return replace(query, order_by=(expr, "DESC"))


# "바비 라할이 우승 드라이버였을 때", "1라운드 US 오픈컵의": the column the value belongs to comes
# next, after a subject particle or none
_VALUE_THEN_COLUMN = re.compile(r"[이가]?\s*")


def _beside(links: Links, start: int, end: int) -> set[str]:
    """Columns named right next to the question span ``start:end``: the longest column mention
    ending right before it ("우승 드라이버가 바비 라할인") or starting right after it or its subject
    particle ("바비 라할이 우승 드라이버였을 때")."""
    columns = _column_mentions(links)
    before = [m for m in _said_before(links, start) if m in columns]
    gap = _VALUE_THEN_COLUMN.match(links.question, end)
    after = [m for m in columns if gap and m.start == gap.end()]
    return {
        m.item
        for side in (before, after)
        for m in side
        if m.end - m.start == max(n.end - n.start for n in side)
    }


def _value_column_unsaid(query: Query, links: Links) -> int:
    """A stored value of several columns goes with the one the question names beside it:
    "바비 라할이 우승 드라이버였을 때" filters 우승 드라이버, though 바비 라할 is also a 폴 포지션."""
    count = 0
    for cond in query.where:
        for value in cond.values:
            for c in links.candidates:
                if c.kind != "text" or (c.value, c.column) != (value.value, value.column):
                    continue
                owners = {
                    o.column
                    for o in links.candidates
                    if o.kind == "text" and (o.start, o.end) == (c.start, c.end)
                }
                beside = _beside(links, c.start, c.end) & owners
                count += len(owners) > 1 and bool(beside) and cond.column not in beside
    return count


def _extreme_unasked(query: Query, links: Links) -> int:
    """ "1991년의 최소 인구 수" asks for MIN, a ranking or an ordering: a plain listing ignores it.
    Cue words inside a name or a value ("최고 속도" the column) ask for nothing, unless the value
    is a far guess ("제일 많은" sounds a little like 'Seoul Line9')."""
    said = [(m.start, m.end) for m in links.mentions] + [
        (c.start, c.end) for c in links.candidates if quality(c) != _FAR_GUESS
    ]
    cues = [
        cue
        for cue in _EXTREME_CUES.finditer(links.question)
        if not any(s <= cue.start() < e for s, e in said)
    ]
    extremes = any(e.agg in ("MIN", "MAX") for e in query.select)
    return bool(cues) and not (extremes or query.order_by or query.having)


def _unasked_tables(query: Query, links: Links, schema: Schema) -> int:
    """Tables at an end of the query's joins that the question never asks about: "멤버 다섯 명 넘는
    팀" reads artists only, not the customers who booked their concerts. A table is asked about
    when the question names it or one of its columns, when the query filters on it, or when
    "누구"/"어디" asks for the people or places it holds."""
    edges = join_path(schema, query.table, query.tables(schema)) or []
    if not edges:
        return 0
    asked = {_table_of(m.item, schema) for m in links.mentions}
    asked |= {schema.column(c.column).table for c in query.where}
    kinds = _question_words(links.question)
    asked |= {table.name for table in schema.tables if _answers(table, kinds)}
    if query.group_by:
        asked.add(query.table)  # "사람들이 제일 많이 간 산": the rows counted per group are visits
    ends = Counter(t for new, _, known, _ in edges for t in (new, known))
    return sum(1 for table, n in ends.items() if n == 1 and table not in asked)


def _start_for_end(query: Query, question: str, schema: Schema) -> int:
    """ "언제 물러났어?" asks when something ended: a shown column of the start ("시작", "취임")
    answers the opposite question, and the other way round."""
    ends, starts = bool(_END_WORDS.search(question)), bool(_START_WORDS.search(question))
    if ends == starts:
        return 0
    opposite = _START_WORDS if ends else _END_WORDS
    shown = [schema.column(e.column) for e in query.select if e.column]
    return sum(1 for c in shown if any(opposite.search(n) for n in (*c.names, c.name)))


# "매진된 공연", "주차도 되는 곳": the action of a yes/no column said as a verb
_DONE = re.compile(r"\s?(?:[이가도]\s?)?(?:된|되는|됐|되어|돼|한|하는|했|가능)")


def _flags_said(links: Links, schema: Schema) -> set[str]:
    """Yes/no columns the question names: by a whole name ("대표 메뉴", "VIP 회원"), or by the
    action of one said as a verb ("매진된 공연" for 매진 여부, "주차도 되는" for 주차 가능 여부)."""
    said = {
        m.item
        for m in links.mentions
        if "." in m.item
        and schema.column(m.item).type == "boolean"
        # "환승역 중에서": a whole name, though the table's name 역 ends it
        and (
            m.exact
            or norm(links.question[m.start : m.end])
            in {norm(name) for name in schema.column(m.item).names}
        )
    }
    for column in schema.columns:
        if column.type != "boolean":
            continue
        for stem in {verb_stem(verb_stem(name)) for name in column.names}:
            if len(stem) < 2:
                continue
            for match in re.finditer(re.escape(stem), links.question):
                if _DONE.match(links.question, match.end()):
                    said.add(column.key)
    return said


def _unused_named_flags(query: Query, links: Links, schema: Schema) -> int:
    """A yes/no column the question names (see ``_flags_said``) that the query neither shows
    nor conditions on: the user meant the rows it marks."""
    used = {e.column for e in query.select} | {c.column for c in query.where} | {query.group_by}
    return len(_flags_said(links, schema) - used)


def _subquery_table(cond: Cond) -> str | None:
    """The table an IN or NOT IN subquery looks in ("아무도 안 간 코스": hike), else None."""
    if cond.op in ("IN", "NOT_IN") and cond.values and cond.values[0].kind == "table":
        return str(cond.values[0].value)
    return None


def _named_tables_unused(query: Query, links: Links, schema: Schema) -> int:
    """ "결제 한 번이라도 한 회원 몇 명" asks about payments: a table the question names by one of
    its own names (not inside a longer name: 산 of "산행") that the query never reads."""
    exact = [m for m in links.mentions if m.exact and "." not in m.item]
    named = {
        m.item
        for m in exact
        if not any(
            o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
            for o in links.mentions
        )
    }
    read = set(query.tables(schema)) | {_subquery_table(c) for c in query.where}
    return len(named - read)


def _other_child_named(query: Query, links: Links, schema: Schema) -> int:
    """ "한 번도 주문 안 한 사람" looks for customers among orders, the child table it names, not
    among reviews: a subquery over an unnamed table when the question names another table with a
    foreign key to the same parent."""
    named = {m.item for m in links.mentions if "." not in m.item}
    count = 0
    for cond in query.where:
        child = _subquery_table(cond)
        if child is None:
            continue
        parent = schema.column(cond.column).table
        siblings = {
            fk.table for fk in schema.foreign_keys if fk.ref_table == parent and fk.table != parent
        }
        count += child not in named and bool((siblings - {child}) & named)
    return count


def _unnamed_subquery(query: Query, links: Links, schema: Schema) -> int:
    """ "이 앱에 입점한 매장 몇 개야?" counts stores, not stores that have orders: a subquery
    looking for rows in a table the question never names."""
    named = {
        m.item.split(".")[0]
        for m in links.mentions
        if "." not in m.item or not _is_id(schema, m.item)  # "매장" is also orders.restaurant_id
    }
    children = [_subquery_table(c) for c in query.where if c.op == "IN"]
    return sum(1 for child in children if child is not None and child not in named)


_EXTREME_CUE = re.compile(r"가장|제일|젤")
_HEAD = re.compile(r"\s?(?P<head>[가-힣]+)")  # the word an adjective describes


def _described_after(question: str, position: int) -> re.Match[str] | None:
    """The word an adjective after ``position`` describes: "높은 사람" → 사람, "나이 많은
    사람" → 사람 (the adjective ends in ㄴ, the head follows it)."""
    for word in list(re.finditer(r"[가-힣]+", question[position:]))[:3]:
        if (ord(word.group()[-1]) - 0xAC00) % 28 == 4:  # a final ㄴ: 높은, 비싼, 많은
            return _HEAD.match(question, position + word.end())
    return None


def _extreme_value_for_row(query: Query, links: Links, schema: Schema) -> int:
    """ "평점 제일 높은 사람?" asks for the person, not the highest GPA: an extreme that describes
    a table or a person (and no column after it) is a row, never a MAX or MIN alone."""
    if query.group_by or [e.agg for e in query.select] not in (["MAX"], ["MIN"]):
        return 0
    for cue in _EXTREME_CUE.finditer(links.question):
        described = _described_after(links.question, cue.end())
        if described is None:
            continue
        start, word = described.start("head"), described.group("head")
        end = start + len(word)
        rows = any(m.start == start and "." not in m.item for m in links.mentions)
        # "가장 비싼 책 가격": a column named after the row asks for its value
        column_after = any(
            "." in m.item and start <= m.start <= end + 1 and m.end > end for m in links.mentions
        )
        if (rows or is_person((word,))) and not column_after:
            return 1
    return 0


_OR_WORDS = re.compile(r"또는|혹은|거나|아니면|이나|(?<![가-힣])or(?![a-z])")


def _or_unsaid(query: Query, question: str) -> int:
    """ "목요일에 하는 영어 강의" wants both: conditions on different columns are joined by OR
    only when the question says or ("또는", "이거나", "아니면"). One column's values
    ("서울 부산 가게") may be either without a word."""
    if query.conj != "OR" or len({c.column for c in query.where}) < 2:
        return 0
    return int(not _OR_WORDS.search(question))


def _clashing_conditions(query: Query) -> int:
    """Conditions that AND can never need together: a column that must equal a value and also
    equal or differ from another ("코레일 말고 다른 회사": != 'Korail' says it all), or the
    same condition twice."""
    if query.conj != "AND":
        return 0
    conditions = [(c.column, c.op, c.values) for c in query.where]
    count = len(conditions) - len(set(conditions))
    for column in {c.column for c in query.where}:
        equalities = {
            (op, values) for col, op, values in conditions if col == column and op in ("=", "!=")
        }
        count += len(equalities) > 1 and any(op == "=" for op, _ in equalities)
    return count


def _outside_column_names(links: Links) -> str:
    """The lower-cased question with the columns it names exactly blanked out (same length)."""
    chars = list(links.question.lower())
    for m in links.mentions:
        if m.exact and "." in m.item:
            chars[m.start : m.end] = " " * (m.end - m.start)
    return "".join(chars)


def groundless(query: Query, links: Links, schema: Schema) -> int:
    """How many parts of ``query`` the question gives no ground for.

    A LIMIT without a superlative or a count ("가장", "상위 5개"); a negated condition (!=, NOT IN,
    NOT LIKE) without a word of negation; a condition on an id column the question does not name
    ("세 시간" is not "mountain_id = 3"); a comparison with the average the question does not
    make ("평균 길이" asks for AVG), or no average at all where it says 평균; a column the
    question lists ("제목이랑 날짜") left out; a row count, or a column in another unit, when "몇"
    asks for a unit ("몇 킬로야?" asks for a length, "몇 살" for an age, "몇 개야?" for a count).
    """
    question = links.question.lower()
    limit_asked = bool(_LIMIT_CUES.search(question))
    negated = bool(_NEGATION_CUES.search(question))
    named = _named(links)
    count = int(query.limit is not None and not limit_asked)
    counted = any(e.agg == "COUNT" for e in query.select) and not query.group_by
    # cue words inside a column's name ("합계", "평균 점수") ask for that column, not an aggregate
    cues = _outside_column_names(links)
    count += counted and not _COUNT_CUES.search(cues)
    asked = _HOW_MANY.search(question)
    after = _counted_after(links, schema, asked)
    if asked and query.select and not query.group_by:
        units = {form for c in schema.columns if c.unit for form in unit_forms(c.unit)}
        units -= _ROW_COUNTERS  # "몇 명", "몇 개" count rows even when a column is in 명 or 개
        # ...unless the number column is named right before: "출구 몇 개" asks for exit_count
        before = _said_before(links, asked.start())
        units |= {
            form
            for m in _column_mentions(links)  # "회원 몇 명" counts the table 회원
            if m in before
            and schema.column(m.item).unit
            # "가입한 사람 몇 명": a word for people counts them, whatever column it is part of
            and not is_person((links.question[m.start : m.end],))
            for form in unit_forms(schema.column(m.item).unit)
        }
        unit = next((u for u in units if asked.group(1).startswith(u)), None)
        shown = query.select[0]
        if unit and shown.agg == "COUNT":
            count += 2  # "몇 킬로야?" is never a row count
        elif shown.agg == "COUNT" and shown.column is None:
            # "서울메트로 노선은 몇 개?" counts rows of 노선, not of the stations joined to them
            counted = {m.item for m in before if "." not in m.item}
            # ("관악구 손님들이 시킨 주문은 몇 건?"), as surely wrong as a count of "몇 킬로"
            count += 2 * (bool(counted) and query.table not in counted)
        elif unit and shown.column:
            shown_unit = schema.column(shown.column).unit
            count += canonical_unit(shown_unit or "-") != canonical_unit(unit)
        elif (
            shown.agg not in (None, "COUNT")
            and shown.column
            and asked.group(1).startswith(tuple(_ROW_COUNTERS))
        ):
            # "학생 몇 명", "강의 몇 개": rows counted, never the largest GPA or capacity, unless
            # the column counts in that counter ("관객 몇 명" sums an audience in 명)
            shown_unit = canonical_unit(schema.column(shown.column).unit or "-")
            count += 2 * (not asked.group(1).startswith(shown_unit))
        # "몇 개 시군에 걸쳐 있어?" counts the different values of the column named after it
        # (1 for its rows), never rows of anything else (2, like "몇 킬로")
        if after and shown.agg == "COUNT":
            count += int(not shown.distinct) if shown.column in after else 2
    if query.select and not query.group_by:
        # "몇개의 학교에서 뛰었어?", "도시 지구의 수는?" ask for a number, never a list of the
        # column's values (2, like "몇 킬로")
        counted = after | _counted_before(links, schema)
        count += 2 * (query.select[0].agg is None and query.select[0].column in counted)
    count += "평균" in cues and not _has_average(query)
    compared_with_average = any(c.op in ("GT_AVG", "LT_AVG") for c in query.where)
    count += bool(_THAN_AVERAGE.search(question)) and not compared_with_average
    count += bool(_SUM_CUES.search(cues)) and not _has_sum(query)
    count += _unit_mismatches(query, links, schema)
    count += _wrong_group(query, links, schema)
    count += _group_compared_as_row(query, links)
    count += _comparison_unmade(query, links)
    count += _unsaid_values_counted(query, links, schema)
    count += _named_tables_unused(query, links, schema)
    count += _namesakes_counted(query, links, schema)
    count += _ungrouped_shown(query, schema)
    count += _wrong_ranking(query, links, schema)
    if all(e.agg is None for e in query.select):
        used = {e.column for e in query.select} | {c.column for c in query.where}
        count += sum(1 for readings in _listed_columns(links, schema) if not readings & used)
    count += _misplaced_negations(query, links, named, negated)
    # "한 건도 못 한 라이더": never, so some condition is negated; without one the query answers
    # the opposite question (surely wrong, like "몇 킬로")
    count += 2 * (
        bool(_AS_EVEN_ONE.search(question))
        and not any(c.op in (*_NEGATED_OPS, "IS_FALSE") for c in query.where)
    )
    grouped_by_word = bool(_GROUP_CUES.search(question))
    count += bool(query.group_by and not (query.having or query.order_by)) and not grouped_by_word
    if query.having and query.group_by and query.having[0].column and not grouped_by_word:
        # "출구가 열 개 넘는 역": a column of the row itself, not a total over its rows
        measured = schema.column(query.having[0].column).table
        count += measured == schema.column(query.group_by).table
    in_ranges = _range_numbers(links)
    months, ranks = _said_only_as(links, _AS_MONTH), _said_only_as(links, _AS_RANK)
    ranks |= _said_only_as(links, _AS_EVEN_ONE)  # compares nothing with its number either
    if query.having and query.having[2].kind == "number":
        count += query.having[2].value in months | ranks
        # "주문 제일 많이 받은 가게 3곳" ranks; a total compared with a number needs "넘는", "이상"
        count += query.having[1] != "=" and not _COMPARISON_CUES.search(question)
    for cond in query.where:
        on_date = schema.column(cond.column).type == "date"
        for v in cond.values:
            if v.kind == "number":
                count += v.value in in_ranges | ranks or (v.value in months and not on_date)
    count += _date_bound_mismatches(query, links)
    count += _unnamed_shown(query, links, schema)
    count += _other_rows_named(query, links, schema)
    count += _wrong_kind_shown(query, links, schema)
    count += _flag_shown(query, question, schema)
    count += _clashing_conditions(query)
    count += _or_unsaid(query, question)
    count += _extreme_value_for_row(query, links, schema)
    # an echo answers nothing a question word asks ("가평역은 어느 군에 있어?" → 가평): surely wrong
    count += _echoed(query) * (2 if _question_words(links.question) else 1)
    count += _value_column_unsaid(query, links)
    count += _extreme_unasked(query, links)
    count += _unasked_tables(query, links, schema)
    count += _money_unshown(query, links, schema)
    count += _money_unmeasured(query, links, schema)
    count += _start_for_end(query, question, schema)
    count += _unused_named_flags(query, links, schema)
    count += _other_child_named(query, links, schema)
    count += _unnamed_subquery(query, links, schema)
    mentioned = {m.item for m in links.mentions}
    for cond in query.where:
        # "헬스장 지점이 전부 몇 군데" says nothing of being open all night
        count += cond.op in ("IS_TRUE", "IS_FALSE") and cond.column not in mentioned
        count += cond.op in _NEGATED_OPS and not negated
        # "매운 메뉴 파는 가게" names the flag is_spicy and wants it true
        count += cond.op == "IS_FALSE" and cond.column in named and not negated
        count += cond.op in ("GT_AVG", "LT_AVG") and not _AVERAGE_COMPARED.search(question)
        count += (
            _is_id(schema, cond.column)
            and cond.op not in ("IN", "NOT_IN")  # "아무도 안 간 코스": a subquery over ids
            and cond.column not in named
        )
    return count


def _is_id(schema: Schema, key: str) -> bool:
    column = schema.column(key)
    return column.type == "id" or column.primary_key


def _idiom_one(candidate: Candidate, question: str) -> bool:
    """ "한 번이라도", "한 달 동안", "한 건도 못 한": a one that is part of an idiom, not a value to
    look for."""
    return (
        candidate.kind == "number"
        and candidate.value == 1
        and (candidate.unit in ("번", "달") or bool(_AS_EVEN_ONE.match(question, candidate.start)))
    )


def _count_shown(query: Query, question: str) -> Query:
    """ "도시별로 지점이 몇 개인지, 두 곳 이상인 도시만" asks for the counts it compares: a grouped
    query that compares a count and does not show it shows it as well, when the question asks
    how many."""
    if not (query.group_by and query.having and query.having[0].agg == "COUNT"):
        return query
    if any(e.agg == "COUNT" for e in query.select) or not _COUNT_ASKED.search(question):
        return query
    return replace(query, select=(*query.select, query.having[0]))


def _one_is_idiom(links: Links) -> bool:
    """Every 1 the question says is part of an idiom ("한 번에", "한 달 동안")."""
    ones = [c for c in links.candidates if c.kind == "number" and c.value == 1]
    return bool(ones) and all(_idiom_one(c, links.question) for c in ones)


def _idiom_ids_dropped(query: Query, links: Links, schema: Schema) -> Query:
    """ "한 번에 결제된 금액 중 최고액", "한 달 승차 인원 최고 기록": the one of "한 번", "한 달"
    identifies no row, so a condition that an id equals it goes."""
    if query.conj != "AND" or not _one_is_idiom(links):
        return query
    kept = tuple(
        c
        for c in query.where
        if not (_is_id(schema, c.column) and c.op == "=" and [v.value for v in c.values] == [1])
    )
    return replace(query, where=kept) if len(kept) < len(query.where) else query


def _tidy(query: Query, links: Links, schema: Schema) -> Query:
    """The hypothesis as the question asks for it: shown flags as conditions, names for ids,
    listed columns all shown, named columns in order, no unasked ranking amount, the person or
    place asked for, what is asked for as well, each different row of a list once, the count a
    grouped query compares, no id that equals the one of an idiom, the longest duration first
    for "제일 오래된", the rows' names for a list named after a comparison ("… 사이인 산"), and a
    total per value for "각각 몇 명씩"."""
    query = _names_for_ids(_flags_as_conditions(query, links, schema), links, schema)
    query = _rows_named_after_condition(query, links, schema)
    query = _total_per_value(query, links.question)
    query = _idiom_ids_dropped(query, links, schema)
    query = _listed_shown(query, links, schema)
    query = _ranking_amount(_mention_order(query, links, schema), links, schema)
    query = _shown_as_well(_asked_kind_shown(query, links, schema), links, schema)
    query = _old_as_most(query, links, schema)
    return _count_shown(_distinct_list(query, schema), links.question)


class SqlParser:
    """A trained parser bound to one database.

    Args:
        model: the network (eval mode).
        vocab: its character vocabulary.
        hp: the resolved hyper-parameters it was trained with.
        database: the database questions are asked about.
    """

    def __init__(
        self, models: list[Seq2SqlParser], vocab: Vocab, hp: dict[str, Any], database: Database
    ) -> None:
        self.models, self.vocab, self.hp = models, vocab, hp
        for model in self.models:
            model.eval()
        self.database = database
        self.items: SchemaItems = schema_items(database.schema, vocab)

    @classmethod
    def load(
        cls, path: Path | str, database: Database, decode: dict[str, Any] | None = None
    ) -> SqlParser:
        """Load a bundle written by ``train.train_parser`` (or the WikiSQL benchmark).

        Args:
            path: the bundle folder.
            database: the database questions are asked about.
            decode: decoding settings (beam, penalties…; default: those the bundle was saved
                with), so that changing them needs no retraining.

        Raises:
            ModelNotTrainedError: the folder holds no complete bundle.
        """
        path = Path(path)
        try:
            cfg = ParserConfig(**json.loads((path / "config.json").read_text(encoding="utf-8")))
            vocab = Vocab(json.loads((path / "vocab.json").read_text(encoding="utf-8")))
            hp = yaml.safe_load((path / "hparams.yaml").read_text(encoding="utf-8"))
            models = []
            for state in torch.load(path / "model.pt", map_location="cpu", weights_only=True):
                models.append(Seq2SqlParser(cfg))
                models[-1].load_state_dict(state)
        except (OSError, ValueError, RuntimeError, KeyError) as exc:
            raise ModelNotTrainedError(f"no usable parser bundle in {path}: {exc}") from exc
        torch.set_num_threads(hp["train"]["threads"])
        return cls(models, vocab, {**hp, "decode": decode or hp["decode"]}, database)

    def with_database(self, database: Database) -> SqlParser:
        """The same network bound to another database (WikiSQL: one table at a time)."""
        return SqlParser(self.models, self.vocab, self.hp, database)

    def hypotheses(self, question: str) -> tuple[str, Links, list[Hypothesis]]:
        """Normalized question, its links and the beam's finished hypotheses (best first).

        Raises:
            QuestionTooLongError: over ``_MAX_QUESTION_CHARS``; linking a pasted document would
                take seconds for an answer no one asked.
        """
        if len(question) > _MAX_QUESTION_CHARS:
            raise QuestionTooLongError(
                f"question of {len(question)} characters (at most {_MAX_QUESTION_CHARS})"
            )
        normalized = normalize_question(question, self.database.index.protected)
        links = link(
            normalized,
            self.database.schema,
            self.database.index,
            self.hp["linking"]["max_candidates"],
        )
        enc = encode(normalized, links, self.items, self.vocab)
        batch = {k: torch.from_numpy(v) for k, v in collate([enc], [self.items]).items()}
        grammar = Grammar(self.database.schema, links.candidates, self.database.strict)
        dec = self.hp["decode"]
        hyps = beam_search(self.models, batch, self.items, grammar, dec["beam"], dec["max_steps"])
        return normalized, _names_outside_values(links), hyps

    def predict(self, question: str) -> Prediction:
        """Parse, execute (execution-guided) and return the answer; never raises for bad input."""
        start = time.perf_counter()
        try:
            normalized, links, hyps = self.hypotheses(question)
        except SqlError as exc:
            return Prediction(question, error=exc, elapsed_ms=(time.perf_counter() - start) * 1000)
        pred = Prediction(question, links=links)
        total = sum(math.exp(h.logp) for h in hyps) or 1.0
        # judged as they would run: a listed column the tidying adds is no longer left out
        for hyp in hyps:
            hyp.query = _tidy(hyp.query, links, self.database.schema)
        hyps = self._rerank(hyps, links)
        ran: list[tuple[Hypothesis, str, Any]] = []
        last_error: SqlError | None = None
        timeout = self.hp["decode"]["exec_timeout_ms"]
        found_at = None
        for i, hyp in enumerate(hyps):
            if found_at is not None and i > found_at + _ALTERNATIVES:
                break  # a few more after the answer, as alternatives for clarification
            try:
                sql = render_sql(self.database.schema, hyp.query, self.database.executor.dialect)
                result = self.database.executor.run(
                    sql, timeout_ms=min(timeout, self.database.executor.timeout_ms)
                )
            except ValueError:
                continue
            except UnsafeSqlError as exc:  # pragma: no cover - rendered SQL is always one SELECT
                last_error = exc
                continue
            except SqlError as exc:
                last_error = exc
                continue
            ran.append((hyp, sql, result))
            if found_at is None and not is_empty_result(result.rows):
                found_at = i
        if not ran:
            pred.error = last_error or NoParseError(f"no hypothesis executed for {normalized!r}")
            pred.elapsed_ms = (time.perf_counter() - start) * 1000
            return pred
        chosen = next((r for r in ran if not is_empty_result(r[2].rows)), ran[0])
        hyp, sql, result = chosen
        pred.sql, pred.query, pred.columns, pred.rows = sql, hyp.query, result.columns, result.rows
        pred.truncated = result.truncated
        pred.empty = is_empty_result(result.rows)
        pred.confidence = math.exp(hyp.logp) / total
        pred.alternatives = [(s, math.exp(h.logp) / total, h.query) for h, s, _ in ran if s != sql]
        pred.elapsed_ms = (time.perf_counter() - start) * 1000
        return pred

    def _rerank(self, hyps: list[Hypothesis], links: Links) -> list[Hypothesis]:
        """Order by log-probability minus a penalty per strong value the query leaves unused.

        Strong values are exact or transliterated stored values, numbers, dates and ranges; the
        candidates of one question span form one group, used when any of them is. A user rarely
        writes "2만 원" or "코레일" for nothing, so a query that ignores them is suspect.
        A query also pays ``unsupported_penalty`` per :func:`groundless` part.
        """
        penalty = self.hp["decode"]["unused_value_penalty"]
        unsupported = self.hp["decode"]["unsupported_penalty"]
        strong = [
            i
            for i, c in enumerate(links.candidates)
            if quality(c) in (1, 3, 6) and c.kind != "span" and not _idiom_one(c, links.question)
        ]
        groups: list[set[int]] = []
        for i in strong:
            c = links.candidates[i]
            group = next(
                (
                    g
                    for g in groups
                    if any(
                        links.candidates[j].start < c.end and c.start < links.candidates[j].end
                        for j in g
                    )
                ),
                None,
            )
            if group is None:
                groups.append({i})
            else:
                group.add(i)
        base = len(KEYWORDS) + len(self.items.keys)

        # "VIP 회원" names the flag column is_vip as a whole; a query using that column has used
        # the value 'VIP' said inside its name
        named = [(m.start, m.end, m.item) for m in links.mentions if m.exact and "." in m.item]
        explained = [
            {
                item
                for start, end, item in named
                for j in g
                if start <= links.candidates[j].start and links.candidates[j].end <= end
            }
            for g in groups
        ]

        def score(h: Hypothesis) -> float:
            used = {i - base for i in h.ids if i >= base}
            conditioned = {c.column for c in h.query.where}
            # one stretch of the question read as two values ("1000 미터" as 1000 and as 1 km)
            read_twice = sum(
                1
                for i in used
                for j in used
                if i < j
                and links.candidates[i].start < links.candidates[j].end
                and links.candidates[j].start < links.candidates[i].end
            )
            unused = sum(
                1
                for g, cols in zip(groups, explained, strict=True)
                if not (g & used or cols & conditioned)
            )
            return (
                h.logp
                - penalty * unused
                - unsupported * (groundless(h.query, links, self.database.schema) + read_twice)
            )

        return sorted(hyps, key=score, reverse=True)

    def predict_batch(self, questions: list[str]) -> list[Prediction]:
        """``predict`` for each question (decoding is per question; the model is shared)."""
        return [self.predict(q) for q in questions]

    def evaluate(self, pairs: list[tuple[str, str]]) -> dict[str, Any]:
        """Execution accuracy of (question, gold SQL) pairs on the bound database.

        Returns:
            ``exec_acc``, ``n``, ``p50_ms``, ``p95_ms`` and ``details`` (per question: predicted
            SQL and whether it matched).
        """
        hits, times, details = 0, [], []
        for question, gold_sql in pairs:
            pred = self.predict(question)
            times.append(pred.elapsed_ms)
            gold = self.database.executor.run(gold_sql)
            ok = bool(pred.sql) and results_match(pred.rows, gold.rows, sql_is_ordered(gold_sql))
            hits += ok
            details.append({"question": question, "sql": pred.sql, "gold": gold_sql, "match": ok})
        n = len(pairs)
        return {
            "exec_acc": hits / n if n else None,
            "n": n,
            "p50_ms": percentile(times, 50),
            "p95_ms": percentile(times, 95),
            "details": details,
        }
