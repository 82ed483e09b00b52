"""Template families, part 1: projections, lookups, counts, aggregates, superlatives, top-N.

Each family turns the pieces of a ``synthesis.Builder`` into one ``Example`` (or ``None`` when the
database has nothing it needs, e.g. no number column). The helpers here (conditions for a table,
projections, endings) are shared with ``compound``.
"""

from __future__ import annotations

from models.seq2sql import lexicon as lx
from models.seq2sql.ir import Cond, Expr, Query, Value
from models.seq2sql.synthesis import Builder, Example, Phrase

__all__ = [
    "conditions",
    "ending",
    "group_column",
    "list_endings",
    "pick_count",
    "pick_table",
    "projection",
    "t_aggregate",
    "t_count",
    "t_count_distinct",
    "t_distinct",
    "t_list",
    "t_lookup",
    "t_lookup_parent",
    "t_sort",
    "t_superlative",
    "t_top_n",
]


def conditions(
    b: Builder, table: str, k: int, exclude: tuple[str, ...] = (), joins: bool = True
) -> list[Phrase]:
    out: list[Phrase] = []
    used = set(exclude)
    if joins and k and b.ancestors.get(table) and b.rng.random() < 0.25:
        picked = b.join_filter(table)
        if picked:
            out.append(picked[0])
            used.add(picked[0].cond.column)
    display = b.display[table]
    columns = [
        c
        for c in b.columns(table)
        if (c.type != "id" or b.rng.random() < 0.05) and (c.key != display or b.rng.random() < 0.15)
    ]
    b.rng.shuffle(columns)
    for column in columns:
        if len(out) >= k:
            break
        if column.key in used:
            continue
        phrase = b.filter(column.key)
        if phrase:
            out.append(phrase)
            used.add(column.key)
    return out


def pick_table(b: Builder, need: str | None = None) -> str | None:
    tables = [t.name for t in b.schema.tables if not need or b.columns(t.name, need)]
    return b.rng.choice(tables) if tables else None


def pick_count(b: Builder, weights: tuple[float, ...]) -> int:
    return b.rng.choices(range(len(weights)), weights)[0]


def ending(b: Builder, endings: list[str], np: str, ctr: str = "개") -> str:
    return lx.fill(b.rng.choice(endings), np, ctr)


def list_endings(b: Builder, table: str) -> list[str]:
    names = b.schema.table(table).names
    extra = (
        lx.PERSON_ENDINGS if lx.is_person(names) else lx.PLACE_ENDINGS if lx.is_place(names) else []
    )
    return lx.LIST_ENDINGS + extra * 3


def projection(b: Builder, table: str, phrases: list[Phrase]) -> tuple[tuple[Expr, ...], str]:
    """What is listed and the noun phrase naming it."""
    rng, t = b.rng, b.tname(table)
    others = [c for c in b.columns(table) if c.key != b.display[table] and c.type != "id"]
    np = b.modified(phrases, t)
    roll = rng.random()
    if roll < 0.45 or not others:
        return (Expr(None, b.display[table]),), np
    if roll < 0.85:
        col = rng.choice(others)
        c = b.cname(col.key)
        forms = [f"{np}의 {c}", f"{np} {c}"] + (
            [f"{b.modified(phrases, c)}"] if phrases and rng.random() < 0.3 else []
        )
        return (Expr(None, col.key),), rng.choice(forms)
    cols = (
        rng.sample([b.display[table]] * 2 + [c.key for c in others], 2)
        if len(others) > 1
        else [b.display[table], others[0].key]
    )
    if cols[0] == cols[1]:
        cols[1] = rng.choice(others).key
    return tuple(Expr(None, c) for c in cols), rng.choice([f"{np}의 ", f"{np} "]) + pair(b, cols)


def pair(b: Builder, cols: list[str]) -> str:
    first, second = b.cname(cols[0]), b.cname(cols[1])
    return b.rng.choice(
        [
            lx.fill(first + "{와/과} ", "") + second,
            f"{first}, {second}",
            lx.fill(first + "{이랑/랑} ", "") + second,
            f"{first}하고 {second}",
        ]
    )


def t_list(b: Builder) -> Example | None:
    table = pick_table(b)
    if table is None:
        return None
    phrases = conditions(b, table, pick_count(b, (0.1, 0.5, 0.3, 0.1)))
    select, np = projection(b, table, phrases)
    if not phrases and select[0].column == b.display[table]:
        np = b.rng.choice([f"모든 {np}", f"전체 {np}", np])
    return Example(
        ending(b, list_endings(b, table), np),
        Query(table, select, where=tuple(p.cond for p in phrases)),
        "list",
    )


def t_lookup(b: Builder) -> Example | None:
    table = pick_table(b, "text")
    if table is None:
        return None
    display = b.display[table]
    if b.schema.column(display).type != "text" or not b.values.get(display):
        return None
    value, v = b.text_value(display)
    others = [c for c in b.columns(table) if c.key != display and c.type != "id"]
    if not others:
        return None
    col = b.rng.choice(others)
    c, t = b.cname(col.key), b.tname(table)
    np = b.rng.choice(
        [
            f"{v}의 {c}",
            f"{v} {c}",
            f"{t} {v}의 {c}",
            lx.fill(f"{v}{{이/가}} 가진 {c}", ""),
            f"{t} 중 {v}의 {c}",
        ]
    )
    endings = lx.VALUE_ENDINGS if col.type in ("number", "date") else lx.LIST_ENDINGS
    if col.type == "number" and col.unit:
        unit = b.rng.choice(lx.unit_forms(col.unit))
        endings = (
            endings
            + [f"{{np}} 몇 {unit}{{이야/야}}?", f"{{np}}{{은/는}} 몇 {unit}{{이에요/예요}}?"] * 3
        )
    return Example(
        ending(b, endings, np),
        Query(table, (Expr(None, col.key),), where=(Cond(display, "=", (value,)),)),
        "lookup",
    )


def t_lookup_parent(b: Builder) -> Example | None:
    tables = [
        t.name
        for t in b.schema.tables
        if b.parents.get(t.name) and b.schema.column(b.display[t.name]).type == "text"
    ]
    if not tables:
        return None
    table = b.rng.choice(tables)
    parent = b.rng.choice(b.parents[table])
    display = b.display[table]
    if b.schema.column(display).type != "text" or not b.values.get(display):
        return None
    value, v = b.text_value(display)
    p = b.tname(parent)
    target = (
        b.display[parent]
        if b.rng.random() < 0.7
        else b.rng.choice([c.key for c in b.columns(parent)])
    )
    noun = p if target == b.display[parent] else f"{p} {b.cname(target)}"
    np = b.rng.choice(
        [
            f"{v}의 {noun}",
            f"{b.tname(table)} {v}의 {noun}",
            lx.fill(f"{v}{{을/를}} 가진 {noun}", ""),
            lx.fill(f"{v}{{와/과}} 관련된 {noun}", ""),
        ]
    )
    query = Query(table, (Expr(None, target),), where=(Cond(display, "=", (value,)),))
    return Example(ending(b, list_endings(b, parent), np), query, "lookup_parent")


def t_count(b: Builder) -> Example | None:
    table = pick_table(b)
    if table is None:
        return None
    phrases = conditions(b, table, pick_count(b, (0.15, 0.5, 0.3, 0.05)))
    t = b.tname(table)
    np = b.modified(phrases, t)
    if not phrases:
        np = b.rng.choice([f"전체 {np}", f"모든 {np}", np, np])
    q = Query(table, (Expr("COUNT", None),), where=tuple(p.cond for p in phrases))
    return Example(
        ending(b, lx.COUNT_ENDINGS, np, lx.counter_for(b.schema.table(table).names, b.rng)),
        q,
        "count",
    )


def t_count_distinct(b: Builder) -> Example | None:
    table = pick_table(b, "text")
    if table is None:
        return None
    cols = [
        c for c in b.columns(table, "text") if c.key != b.display[table] and c.key not in b.multi
    ]
    if not cols:
        return None
    col = b.rng.choice(cols)
    phrases = conditions(b, table, pick_count(b, (0.7, 0.3)), exclude=(col.key,))
    c, t = b.cname(col.key), b.modified(phrases, b.tname(table))
    np = b.rng.choice(
        [
            f"{t}의 {c} 종류",
            f"{t} 중 서로 다른 {c}" if phrases else f"서로 다른 {c}",
            f"{t} {c} 종류",
            f"{t}에 있는 {c} 종류",
        ]
    )
    question = ending(
        b,
        [
            "{np}{은/는} 몇 개야?",
            "{np}{은/는} 몇 가지야?",
            "{np} 수",
            "{np}{이/가} 몇 개나 돼?",
            "{np}{은/는} 모두 몇 가지인가요?",
        ],
        np,
    )
    q = Query(table, (Expr("COUNT", col.key, True),), where=tuple(p.cond for p in phrases))
    return Example(question, q, "count_distinct")


def t_aggregate(b: Builder) -> Example | None:
    table = pick_table(b, "number")
    if table is None:
        return None
    agg = b.rng.choice(["AVG", "MAX", "MIN", "SUM", "AVG", "MAX", "MIN"])
    cols = (
        b.columns(table, "number", "date") if agg in ("MAX", "MIN") else b.columns(table, "number")
    )
    if not cols:
        return None
    col = b.rng.choice(cols)
    phrases = conditions(b, table, pick_count(b, (0.4, 0.45, 0.15)), exclude=(col.key,))
    t = b.modified(phrases, b.tname(table))
    a = b.aggregate(agg, col.key)
    np = b.rng.choice([f"{t}의 {a}", f"{t} {a}"] + ([a] * 2 if not phrases else []))
    q = Query(table, (Expr(agg, col.key),), where=tuple(p.cond for p in phrases))
    endings = lx.VALUE_ENDINGS
    if agg in ("MAX", "MIN") and col.type == "number" and b.rng.random() < 0.4:
        sup = b.superlative(col.key, agg == "MAX")
        np = b.rng.choice(
            [
                f"{t} 중에 {sup} 것",
                f"{t} 중 {sup} 건",
                f"{sup} {b.tname(table)}의 {b.cname(col.key)}",
            ]
        )
        unit = col.unit or "개"
        endings = [
            e.replace("{ctr}", unit)
            for e in [
                "{np}{은/는} 몇 {ctr}{이야/야}?",
                "{np}{은/는} 몇 {ctr}{이에요/예요}?",
                "{np}{은/는} 몇 {ctr}인가요?",
                "{np}{은/는} 얼마야?",
            ]
        ]
    return Example(ending(b, endings, np), q, "aggregate")


def t_superlative(b: Builder) -> Example | None:
    table = pick_table(b, "number") or pick_table(b, "date")
    if table is None:
        return None
    cols = b.columns(table, "number", "date")
    if not cols:
        return None
    col, more = b.rng.choice(cols), b.rng.random() < 0.6
    phrases = conditions(b, table, pick_count(b, (0.6, 0.35, 0.05)), exclude=(col.key,))
    t, sup = b.tname(table), b.superlative(col.key, more)
    np = b.rng.choice(
        [
            f"{b.modified(phrases, t)} 중 {sup} {t}",
            f"{b.modified(phrases, t)} 중 {sup} 것",
            " ".join(p.adn for p in phrases) + f" {sup} {t}",
        ]
        if phrases
        else [f"{sup} {t}"]
    )
    select: tuple[Expr, ...] = (Expr(None, b.display[table]),)
    others = [c for c in b.columns(table) if c.key != b.display[table] and c.type != "id"]
    if others and b.rng.random() < 0.3:
        target = b.rng.choice(others)
        select, np = (Expr(None, target.key),), f"{np}의 {b.cname(target.key)}"
    q = Query(
        table,
        select,
        where=tuple(p.cond for p in phrases),
        order_by=(Expr(None, col.key), "DESC" if more else "ASC"),
        limit=Value("one", 1),
    )
    return Example(ending(b, list_endings(b, table), np), q, "superlative")


def t_top_n(b: Builder) -> Example | None:
    table = pick_table(b, "number") or pick_table(b, "date")
    if table is None:
        return None
    cols = b.columns(table, "number", "date")
    if not cols:
        return None
    col, more = b.rng.choice(cols), b.rng.random() < 0.65
    n = b.rng.choice([2, 3, 3, 3, 4, 5, 5, 5, 7, 10, 10])
    ctr = lx.counter_for(b.schema.table(table).names, b.rng)
    value, nv = b.number_surface(n, ctr)
    phrases = conditions(b, table, pick_count(b, (0.7, 0.3)), exclude=(col.key,))
    t, c = b.modified(phrases, b.tname(table)), b.cname(col.key)
    hi = b.rng.choice(["높은", "큰", "많은"]) if more else b.rng.choice(["낮은", "작은", "적은"])
    np = b.rng.choice(
        [
            f"{b.superlative(col.key, more)} {t} {nv}",
            f"{c}{'이' if lx.has_final(c) else '가'} {hi} 순으로 {t} {nv}",
            f"{c} {hi} 순 {t} {nv}",
            f"{c} {'상위' if more else '하위'} {nv} {t}",
            f"{t} 중 {c} {'상위' if more else '하위'} {nv}",
            f"{c} 기준 {'상위' if more else '하위'} {nv} {t}",
            f"{t} {c} {'상위' if more else '하위'} {nv}",
            f"{c} {hi} {t} {nv}",
            f"{c} 순으로 {'상위' if more else '하위'} {nv} {t}",
        ]
    )
    q = Query(
        table,
        (Expr(None, b.display[table]),),
        where=tuple(p.cond for p in phrases),
        order_by=(Expr(None, col.key), "DESC" if more else "ASC"),
        limit=value,
    )
    return Example(ending(b, lx.LIST_ENDINGS, np), q, "top_n")


def t_sort(b: Builder) -> Example | None:
    table = pick_table(b, "number") or pick_table(b, "date")
    if table is None:
        return None
    cols = b.columns(table, "number", "date")
    if not cols:
        return None
    col, more = b.rng.choice(cols), b.rng.random() < 0.5
    t, c = b.tname(table), b.cname(col.key)
    hi = b.rng.choice(["높은", "큰", "많은"]) if more else b.rng.choice(["낮은", "작은", "적은"])
    order = "내림차순" if more else "오름차순"
    np = b.rng.choice(
        [
            f"{c} {hi} 순으로 정렬한 {t}",
            f"{c}{'이' if lx.has_final(c) else '가'} {hi} 순서대로 {t}",
            f"{t}{'을' if lx.has_final(t) else '를'} {c} {order}으로",
            f"{c} {order}으로 정렬된 {t}",
            f"{t} {c} {hi} 순",
        ]
    )
    q = Query(
        table,
        (Expr(None, b.display[table]),),
        order_by=(Expr(None, col.key), "DESC" if more else "ASC"),
    )
    return Example(
        ending(
            b,
            ["{np} 보여줘", "{np} 정렬해 줘", "{np} 알려줘", "{np} 나열해 주세요", "{np} 목록"],
            np,
        ),
        q,
        "sort",
    )


def group_column(b: Builder, table: str) -> tuple[str, str] | None:
    """A column to group by (low-cardinality text here, or a parent's name) and its Korean name."""
    options = [
        (c.key, b.cname(c.key))
        for c in b.columns(table, "text", "boolean")
        if c.key != b.display[table] and c.key not in b.multi and len(set(b.values[c.key])) <= 60
    ]
    for parent in b.ancestors.get(table, []):
        options += [(b.display[parent], b.tname(parent))] * (2 if parent in b.parents[table] else 1)
    return b.rng.choice(options) if options else None


def t_distinct(b: Builder) -> Example | None:
    table = pick_table(b, "text")
    if table is None:
        return None
    cols = [
        c for c in b.columns(table, "text") if c.key != b.display[table] and c.key not in b.multi
    ]
    if not cols:
        return None
    col = b.rng.choice(cols)
    phrases = conditions(b, table, pick_count(b, (0.7, 0.3)), exclude=(col.key,))
    c, t = b.cname(col.key), b.modified(phrases, b.tname(table))
    np = b.rng.choice(
        [
            f"{t}의 {c} 종류",
            f"{t} {c} 목록 중복 없이",
            f"{t}에 있는 {c}",
            f"{t} 중 서로 다른 {c}" if phrases else f"서로 다른 {c}",
            f"{t}의 {c} 종류들",
        ]
    )
    q = Query(table, (Expr(None, col.key),), distinct=True, where=tuple(p.cond for p in phrases))
    return Example(ending(b, lx.LIST_ENDINGS + ["어떤 {np}{이/가} 있어?"], np), q, "distinct")
