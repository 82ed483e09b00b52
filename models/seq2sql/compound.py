"""Template families, part 2: grouping, HAVING, nested averages, OR, NOT IN, event counts,
forced conditions.

``forced(kind)`` makes a list/count question whose condition is of one kind (between, negation,
date, boolean, like), so rare shapes get enough examples.
"""

from __future__ import annotations

from collections.abc import Callable

from models.seq2sql import lexicon as lx
from models.seq2sql.families import (
    conditions,
    ending,
    group_column,
    list_endings,
    pick_count,
    pick_table,
    projection,
)
from models.seq2sql.ir import Cond, Expr, Query, Value
from models.seq2sql.phrases import fill_parts
from models.seq2sql.synthesis import Builder, Example

__all__ = [
    "forced",
    "t_event_count",
    "t_group",
    "t_group_top",
    "t_having",
    "t_nested",
    "t_not_in",
    "t_or",
]

_EVENT_ADNOMINALS = [adnominal for adnominal, _ in lx.EVENT_VERBS] + ["팔린", "나온"]


def t_group(b: Builder) -> Example | None:
    table = pick_table(b)
    if table is None:
        return None
    picked = group_column(b, table)
    if not picked:
        return None
    g, gname = picked
    t, rng = b.tname(table), b.rng
    numbers = [c for c in b.columns(table, "number")]
    if numbers and rng.random() < 0.45:
        col = rng.choice(numbers)
        agg = rng.choice(["AVG", "MAX", "MIN", "SUM", "AVG"])
        a = b.aggregate(agg, col.key)
        np = rng.choice(
            [
                f"{gname}별 {a}",
                f"{gname}별 {t} {a}",
                f"{gname}마다 {a}",
                f"각 {gname}의 {a}",
                f"{gname}에 따른 {a}",
                f"{gname}별로 {a}",
            ]
        )
        select: tuple[Expr, ...] = (Expr(None, g), Expr(agg, col.key))
        family = "group_agg"
    else:
        ctr = lx.counter_for(b.schema.table(table).names, b.rng)
        np = rng.choice(
            [
                f"{gname}별 {t} 수",
                f"{gname}별로 {t}{'이' if lx.has_final(t) else '가'} 몇 {ctr}인지",
                f"{gname}마다 {t} 몇 {ctr}",
                f"각 {gname}의 {t} 수",
                f"{gname}별 {t} 개수",
                f"{gname}에 따른 {t} 수",
                f"{t} 수를 {gname}별로",
                f"{gname}별 {t} 몇 {ctr}씩",
            ]
        )
        select, family = (Expr(None, g), Expr("COUNT", None)), "group_count"
    phrases = conditions(b, table, pick_count(b, (0.8, 0.2)), exclude=(g,), joins=False)
    if phrases:
        np = f"{b.modified(phrases, t)} 중 {np}"
    q = Query(table, select, where=tuple(p.cond for p in phrases), group_by=g)
    return Example(
        ending(
            b,
            [
                "{np} 알려줘",
                "{np} 보여줘",
                "{np}?",
                "{np}{은/는}?",
                "{np} 알려 주세요",
                "{np} 정리해 줘",
                "{np}{을/를} 보여 주세요",
                "{np} 뽑아줘",
            ],
            np,
        ),
        q,
        family,
    )


def t_group_top(b: Builder) -> Example | None:
    table = pick_table(b)
    if table is None:
        return None
    picked = group_column(b, table)
    if not picked:
        return None
    g, gname = picked
    rng, t = b.rng, b.tname(table)
    more = rng.random() < 0.7
    top = rng.choice(lx.INTENSIFIERS)
    numbers = b.columns(table, "number")
    if numbers and rng.random() < 0.4:
        col = rng.choice(numbers)
        agg = rng.choice(["AVG", "SUM", "MAX"])
        a = b.aggregate(agg, col.key)
        sup = f"{a}{'이' if lx.has_final(a) else '가'} {top} {'높은' if more else '낮은'}"
        key = Expr(agg, col.key)
    else:
        sups = [
            f"{t}{'이' if lx.has_final(t) else '가'} {top} {'많은' if more else '적은'}",
            f"{t} 수가 {top} {'많은' if more else '적은'}",
        ]
        if table in b.events:
            verb = rng.choice(_EVENT_ADNOMINALS)
            people = rng.choice(["", "사람들이 ", "다들 "])
            sups.append(f"{people}{top} {'많이' if more else '적게'} {verb}")
        sup = rng.choice(sups)
        key = Expr("COUNT", None)
    select: tuple[Expr, ...] = (Expr(None, g),)
    np = f"{sup} {gname}"
    if rng.random() < 0.2:
        select = (Expr(None, g), key)
        np += rng.choice(
            [
                lx.fill("{와/과} 그 수", ""),
                "이랑 횟수" if lx.has_final(gname) else "랑 횟수",
                " 및 개수",
            ]
        )
    q = Query(
        table, select, group_by=g, order_by=(key, "DESC" if more else "ASC"), limit=Value("one", 1)
    )
    return Example(ending(b, lx.LIST_ENDINGS, np), q, "group_top")


def t_having(b: Builder) -> Example | None:
    table = pick_table(b)
    if table is None:
        return None
    picked = group_column(b, table)
    if not picked:
        return None
    g, gname = picked
    rng, t = b.rng, b.tname(table)
    op, word = rng.choice(
        [
            (">=", "이상인"),
            (">", "넘는"),
            (">", "초과인"),
            ("<=", "이하인"),
            ("<", "미만인"),
            (">=", "이상 있는"),
            (">", "넘게 있는"),
            ("<", "미만으로 있는"),
            (">=", "이상 가진"),
        ]
    )
    numbers = b.columns(table, "number")
    if numbers and rng.random() < 0.4:
        col = rng.choice(numbers)
        agg = rng.choice(["AVG", "SUM"])
        value, v = b.number_value(col.key)
        a = b.aggregate(agg, col.key)
        np = f"{a}{'이' if lx.has_final(a) else '가'} {v} {word} {gname}"
        expr = Expr(agg, col.key)
    else:
        ctr = lx.counter_for(b.schema.table(table).names, b.rng)
        value, v = b.number_surface(rng.choice([2, 2, 3, 3, 4, 5, 10]), ctr)
        np = rng.choice(
            [
                f"{t}{'이' if lx.has_final(t) else '가'} {v} {word} {gname}",
                f"{t} 수가 {v} {word} {gname}",
            ]
        )
        expr = Expr("COUNT", None)
    q = Query(table, (Expr(None, g),), group_by=g, having=(expr, op, value))
    return Example(ending(b, lx.LIST_ENDINGS, np), q, "having")


def t_nested(b: Builder) -> Example | None:
    table = pick_table(b, "number")
    if table is None:
        return None
    cols = b.columns(table, "number")
    if not cols:
        return None
    col, more = b.rng.choice(cols), b.rng.random() < 0.6
    c, t = b.cname(col.key), b.tname(table)
    adj = b.rng.choice(lx.adjectives(b.schema.column(col.key).names, more))[0]
    generic = "높은" if more else "낮은"
    sup = b.rng.choice(
        [
            f"{c}{'이' if lx.has_final(c) else '가'} 평균보다 {generic}",
            f"평균 {c}보다 {adj}",
            f"{c}{'이' if lx.has_final(c) else '가'} 평균보다 {adj}",
            f"평균보다 {adj}",
            f"{c} 평균보다 {adj}",
        ]
    )
    cond = Cond(col.key, "GT_AVG" if more else "LT_AVG")
    extra = conditions(b, table, 1, exclude=(col.key,), joins=False) if b.rng.random() < 0.3 else []
    if extra:
        sup = b.rng.choice(
            [f"{sup}데 {extra[0].adn}", f"{extra[0].adn} {t} 중 {sup}", f"{sup}, {extra[0].adn}"]
        )
        where = (cond, extra[0].cond)
        return Example(
            ending(b, list_endings(b, table), f"{sup} {t}"),
            Query(table, (Expr(None, b.display[table]),), where=where),
            "nested",
        )
    if b.rng.random() < 0.3:
        ctr = lx.counter_for(b.schema.table(table).names, b.rng)
        return Example(
            ending(b, lx.COUNT_ENDINGS, f"{sup} {t}", ctr),
            Query(table, (Expr("COUNT", None),), where=(cond,)),
            "nested",
        )
    return Example(
        ending(b, list_endings(b, table), f"{sup} {t}"),
        Query(table, (Expr(None, b.display[table]),), where=(cond,)),
        "nested",
    )


def t_or(b: Builder) -> Example | None:
    table = pick_table(b, "text")
    if table is None:
        return None
    cols = [
        c
        for c in b.columns(table, "text")
        if c.key not in b.multi and len(set(b.values[c.key])) >= 2
    ]
    if not cols:
        return None
    col = b.rng.choice(cols)
    first, v1 = b.text_value(col.key)
    second, v2 = b.text_value(col.key)
    if first == second:
        return None
    c, t = b.cname(col.key), b.tname(table)
    pair = b.rng.choice(
        [
            f"{v1} 또는 {v2}",
            lx.fill(f"{v1}{{이나/나}} {v2}", ""),
            lx.fill(f"{v1}{{이랑/랑}} {v2}", ""),
        ]
    )
    np = b.rng.choice(
        [
            f"{c}{'이' if lx.has_final(c) else '가'} {pair}인 {t}",
            f"{pair}인 {t}",
            f"{pair} 중 하나인 {t}",
        ]
    )
    where = (Cond(col.key, "=", (first,)), Cond(col.key, "=", (second,)))
    if b.rng.random() < 0.3:
        ctr = lx.counter_for(b.schema.table(table).names, b.rng)
        return Example(
            ending(b, lx.COUNT_ENDINGS, np, ctr),
            Query(table, (Expr("COUNT", None),), where=where, conj="OR"),
            "or",
        )
    q = Query(table, (Expr(None, b.display[table]),), where=where, conj="OR")
    return Example(ending(b, list_endings(b, table), np), q, "or")


def t_not_in(b: Builder) -> Example | None:
    fks = [f for f in b.schema.foreign_keys if f.table != f.ref_table]
    if not fks:
        return None
    fk = b.rng.choice(fks)
    table, child = fk.ref_table, b.tname(fk.table)
    t, rng = b.tname(table), b.rng
    has = rng.random() < 0.4
    if has:
        mod = rng.choice(
            [
                f"{child}{{이/가}} 있는",
                f"{child} 기록이 있는",
                f"{child}{{이/가}} 한 번이라도 있는",
                f"{child}{{이/가}} 한 번 이상 있는",
                f"{child}에 나오는",
                f"{child}{{이/가}} 있었던",
            ]
        )
    else:
        mods = [
            f"{child}{{이/가}} 없는",
            f"{child} 기록이 없는",
            f"{child}{{이/가}} 하나도 없는",
            f"{child}{{이/가}} 한 건도 없는",
            f"한 번도 {child} 안 된",
            f"{child}에 안 나오는",
            f"{child} 기록이 하나도 없는",
            f"{child}{{이/가}} 전혀 없는",
            f"아직 {child}{{이/가}} 없는",
            f"한 번도 {child}{{이/가}} 없는",
        ]
        if fk.table in b.events:
            verb = rng.choice([*_EVENT_ADNOMINALS, "가 본"])
            mods += [f"아무도 안 {verb}", f"아무도 {verb} 적 없는", f"한 번도 안 {verb}"]
        mod = rng.choice(mods)
    np = lx.fill(f"{mod} {t}", "")
    cond = Cond(f"{table}.{fk.ref_column}", "IN" if has else "NOT_IN", (Value("table", fk.table),))
    if rng.random() < 0.3:
        ctr = lx.counter_for(b.schema.table(table).names, rng)
        return Example(
            ending(b, lx.COUNT_ENDINGS, np, ctr),
            Query(table, (Expr("COUNT", None),), where=(cond,)),
            "not_in",
        )
    select, np2 = projection(b, table, [])
    np2 = np2.replace(t, np, 1) if np2.startswith(t) else np
    return Example(
        ending(b, list_endings(b, table), np2), Query(table, select, where=(cond,)), "not_in"
    )


def t_event_count(b: Builder) -> Example | None:
    """How often a parent row took part in events: "trailpark 님은 몇 번 갔어?" counts the hikes
    of that hiker, "지리산은 몇 번 다녀왔어?" the hikes on its trails (two hops)."""
    events = sorted(b.events)
    if not events:
        return None
    rng = b.rng
    table = rng.choice(events)
    parent = b.related(table)
    display = b.display[parent]
    if b.schema.column(display).type != "text" or not b.values.get(display):
        return None
    value, v = b.text_value(display)
    adnominal, past = rng.choice(lx.EVENT_VERBS)
    t, pname = b.tname(table), b.tname(parent)
    who = v + rng.choice(["", "", "", " 님"])
    end = rng.choice(["어?", "어요?", "나요?", "니?", "어", "는지 알려줘", "는지 궁금해"])
    question = fill_parts(
        rng.choice(
            [
                "{who}{은/는} 몇 번 {past}{end}",
                "{who}{은/는} {t} 몇 번 {past}{end}",
                "{who}{이/가} {adn} {t}{은/는} 몇 번이야?",
                "{who}{이/가} {adn} 횟수는?",
                "{who}의 {t} 횟수 알려줘",
                "{p} {who}{은/는} 몇 번 {past}{end}",
                "{who}{은/는} 지금까지 몇 번 {past}{end}",
                "{who}{이/가} {adn} {t} 수",
            ]
        ),
        who=who,
        past=past,
        end=end,
        t=t,
        adn=adnominal,
        p=pname,
    )
    phrases = conditions(b, table, pick_count(b, (0.75, 0.25)), exclude=(display,), joins=False)
    if phrases:
        question = f"{b.modified(phrases, t)} 중에 {question}"
    where = (Cond(display, "=", (value,)), *(p.cond for p in phrases))
    return Example(question, Query(table, (Expr("COUNT", None),), where=where), "event_count")


def forced(op_kind: str) -> Callable[[Builder], Example | None]:
    """A list/count question whose one condition has a given kind (between, negation, date...)."""

    def make(b: Builder) -> Example | None:
        types = {
            "between": ("number", "date"),
            "negation": ("text", "boolean"),
            "date": ("date",),
            "boolean": ("boolean",),
            "like": ("text",),
        }[op_kind]
        tables = [t.name for t in b.schema.tables if b.columns(t.name, *types)]
        if not tables:
            return None
        table = b.rng.choice(tables)
        col = b.rng.choice(b.columns(table, *types))
        op = {"between": "BETWEEN", "like": "LIKE", "date": None, "boolean": None}.get(op_kind)
        if op_kind == "negation":
            op = {"text": b.rng.choice(["!=", "NOT_LIKE"]), "boolean": "IS_FALSE"}[col.type]
        phrase = b.filter(col.key, op)
        if phrase is None:
            return None
        phrases = [phrase] + conditions(
            b, table, pick_count(b, (0.8, 0.2)), exclude=(col.key,), joins=False
        )
        b.rng.shuffle(phrases)
        t = b.tname(table)
        where = tuple(p.cond for p in phrases)
        if b.rng.random() < 0.35:
            ctr = lx.counter_for(b.schema.table(table).names, b.rng)
            return Example(
                ending(b, lx.COUNT_ENDINGS, b.modified(phrases, t), ctr),
                Query(table, (Expr("COUNT", None),), where=where),
                op_kind,
            )
        select, np = projection(b, table, phrases)
        return Example(
            ending(b, list_endings(b, table), np), Query(table, select, where=where), op_kind
        )

    return make
