"""Genie-style synthesis, part 2: condition, superlative and aggregate phrases.

``Phrases`` is the half of ``synthesis.Builder`` that writes Korean: a condition in adnominal form
("가격이 2만 원 이상인") and connective form ("가격이 2만 원 이상이고") with its ``Cond``; a
superlative ("가장 비싼"); an aggregate noun phrase ("평균 가격"); a noun with its conditions. Values
are wrapped in ``\\x01…\\x02`` (``mark``) so that noise never touches them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.seq2sql import lexicon as lx
from models.seq2sql.ir import Cond, Value

__all__ = ["Example", "Phrase", "Phrases", "fill_parts", "mark"]

_REL_VERBS = [
    ("의", None),
    ("{이/가} 쓴", "{이/가} 쓰고"),
    ("{이/가} 만든", "{이/가} 만들고"),
    ("{이/가} 가진", None),
    ("{이/가} 등록한", None),
    ("{이/가} 담당한", None),
    ("{와/과} 관련된", None),
    ("에 속한", "에 속하고"),
    ("에 있는", "에 있고"),
    ("{이/가} 한", None),
    ("에서 나온", None),
    ("{이/가} 받은", None),
    ("에서 한", None),
    ("{을/를} 이용한", None),
]
_CMP = {
    ">=": [
        ("이상인", "이상이고"),
        ("이상", "이상이고"),
        ("이상의", "이상이고"),
        ("이상 되는", "이상 되고"),
    ],
    ">": [
        ("초과인", "초과이고"),
        ("넘는", "넘고"),
        ("넘은", "넘고"),
        ("{이/가} 넘는", "{이/가} 넘고"),
        ("{을/를} 넘는", "{을/를} 넘고"),
        ("초과하는", "초과하고"),
    ],
    "<=": [
        ("이하인", "이하이고"),
        ("이하", "이하이고"),
        ("이하의", "이하이고"),
        ("까지인", "까지이고"),
        ("이내인", "이내이고"),
        ("이내의", "이내이고"),
    ],
    "<": [
        ("미만인", "미만이고"),
        ("미만", "미만이고"),
        ("{이/가} 안 되는", "{이/가} 안 되고"),
        ("안 되는", "안 되고"),
        ("도 안 되는", "도 안 되고"),
        ("도 안되는", "도 안되고"),
        ("에 못 미치는", "에 못 미치고"),
    ],
    "=": [("인", "이고"), ("짜리", "짜리이고"), ("{와/과} 같은", "{와/과} 같고")],
    "!=": [("{이/가} 아닌", "{이/가} 아니고")],
}


# Verbs a user puts between a value and the noun it describes ("블랙야크 입는 회원", "2호선 지나는
# 역"); the parser learns to read them as "whose column is that value".
_VALUE_VERBS = [
    "쓰는",
    "입는",
    "타는",
    "가진",
    "좋아하는",
    "사는",
    "다니는",
    "하는",
    "쓴",
    "입은",
    "이용하는",
    "운영하는",
    "있는",
    "속한",
    "소속된",
    "담당하는",
    "지나는",
    "지나가는",
    "파는",
    "만든",
    "나온",
]


def mark(text: str) -> str:
    """Protect a value from noise (see ``lexicon.noise``)."""
    return f"\x01{text}\x02"


@dataclass(frozen=True)
class Example:
    """One synthesized (or real) training pair."""

    question: str
    query: Any
    template: str


@dataclass(frozen=True)
class Phrase:
    """A condition with its adnominal ("…인") and, when it has one, connective ("…이고") form."""

    cond: Cond
    adn: str
    conn: str | None


def fill_parts(template: str, **parts: str) -> str:
    """Fill named parts, then particles by the word before them."""
    text = template
    for key, value in parts.items():
        text = text.replace("{" + key + "}", value)
    return lx.fill(text, "")


class Phrases:
    """Condition, superlative and aggregate phrases; mixed into ``synthesis.Builder``."""

    def filter(self, key: str, op: str | None = None, subject: str | None = None) -> Phrase | None:
        """A condition on column ``key`` and its phrase; ``subject`` overrides the column's name."""
        column = self.schema.column(key)
        rng = self.rng
        name = subject or self.cname(key)
        if column.type == "text":
            if (
                key in self.multi
                or op in ("LIKE", "NOT_LIKE")
                or (op is None and rng.random() < 0.12)
            ):
                return self._like(key, name, op)
            return self._text(key, name, op or ("!=" if rng.random() < 0.12 else "="))
        if column.type == "number":
            return self._number(key, name, op)
        if column.type == "date":
            return self._date(key, name, op)
        if column.type == "boolean":
            return self._boolean(key, name, op)
        if column.type == "id" and rng.random() < 0.5:
            value, surface = self.number_value(key, integer=True)
            ctr = rng.choice(["번", "번째"])
            return Phrase(Cond(key, "=", (value,)), fill_parts(f"{surface}{ctr}"), None)
        return None

    def _text(self, key: str, name: str, op: str) -> Phrase:
        value, v = self.text_value(key)
        rng = self.rng
        if op == "=":
            forms = [
                ("{c}{이/가} {v}인", "{c}{이/가} {v}이고"),
                ("{c} {v}인", "{c} {v}이고"),
                ("{v}인", "{v}이고"),
                ("{v}", None),
                ("{v} {c}의", None),
                ("{c}{이/가} {v}에 해당하는", None),
                ("{v}", "{v}이고"),
            ]
            verb = rng.choice(_VALUE_VERBS)
            forms += [
                ("{v} " + verb, None),
                ("{v}{을/를} " + verb, None),
                ("{c}{이/가} {v}인", None),
            ]
            if key == self.display[self.schema.column(key).table]:
                forms += [("{v}", None)] * 3
        else:
            forms = [
                ("{c}{이/가} {v}{이/가} 아닌", "{c}{이/가} {v}{이/가} 아니고"),
                ("{v}{이/가} 아닌", "{v}{이/가} 아니고"),
                ("{v} 말고 다른", None),
                ("{v}{을/를} 제외한", None),
                ("{c}{이/가} {v} 아닌", None),
                ("{v} 빼고 나머지", None),
            ]
        adn, conn = rng.choice(forms)
        return Phrase(
            Cond(key, op, (value,)),
            fill_parts(adn, c=name, v=v),
            fill_parts(conn, c=name, v=v) if conn else None,
        )

    def _like(self, key: str, name: str, op: str | None) -> Phrase | None:
        rng = self.rng
        op = op or ("NOT_LIKE" if rng.random() < 0.15 else "LIKE")
        if op == "LIKE" and self.surnames.get(key) and rng.random() < 0.4:
            surname = rng.choice(self.surnames[key])
            v = mark(surname)
            adn, conn = rng.choice(
                [
                    ("성이 {v}씨인", "성이 {v}씨이고"),
                    ("{v}씨 성을 가진", None),
                    ("{v}씨인", "{v}씨이고"),
                    ("{v} 씨 성인", None),
                ]
            )
            return Phrase(
                Cond(key, "LIKE", (Value("part", surname, key),)),
                fill_parts(adn, v=v),
                fill_parts(conn, v=v) if conn else None,
            )
        picked = self.part_value(key)
        if picked is None:
            return None
        value, v = picked
        if op == "LIKE":
            forms = [
                ("{c}에 {v}{이/가} 들어간", "{c}에 {v}{이/가} 들어가고"),
                ("{c}에 {v}{이/가} 들어가는", None),
                ("{c}에 {v}{이/가} 포함된", "{c}에 {v}{이/가} 포함되고"),
                ("{c}에 {v}{이/가} 있는", "{c}에 {v}{이/가} 있고"),
                ("{v}{이/가} {c}에 들어간", None),
                ("{c}에 '{v}'{이/가} 포함된", None),
                ("{c}{이/가} {v}{을/를} 포함하는", None),
            ]
            if key in self.multi:
                forms += [
                    ("{v}", None),
                    ("{c}{이/가} {v}인", "{c}{이/가} {v}이고"),
                    ("{v} {c}의", None),
                    ("{v} {c}인", None),
                ] * 2
        else:
            forms = [
                ("{c}에 {v}{이/가} 안 들어간", "{c}에 {v}{이/가} 안 들어가고"),
                ("{c}에 {v}{이/가} 없는", "{c}에 {v}{이/가} 없고"),
                ("{c}에 {v}{이/가} 포함되지 않은", None),
                ("{c}에 {v}{이/가} 들어가지 않는", None),
            ]
            if key in self.multi:
                forms += [("{v}{이/가} 아닌", "{v}{이/가} 아니고"), ("{v} {c}{이/가} 아닌", None)]
        adn, conn = rng.choice(forms)
        return Phrase(
            Cond(key, op, (value,)),
            fill_parts(adn, c=name, v=v),
            fill_parts(conn, c=name, v=v) if conn else None,
        )

    def _unit_unique(self, key: str) -> bool:
        column = self.schema.column(key)
        same = [
            c for c in self.schema.table(column.table).columns if c.unit and c.unit == column.unit
        ]
        return bool(column.unit) and len(same) == 1

    def _number(self, key: str, name: str, op: str | None) -> Phrase:
        rng = self.rng
        column = self.schema.column(key)
        op = op or rng.choice([">=", ">=", ">", ">", "<=", "<", "<", "=", "!="])
        value, v = self.number_value(key)
        decade = column.unit in ("년", "살", "세") or any(
            w in n for n in column.names for w in ("나이", "연도", "년도")
        )
        if op == "BETWEEN" and decade and rng.random() < 0.5:
            low = int(float(value.value)) // 10 * 10
            if column.unit == "년" or low >= 1000:
                surface = rng.choice(
                    [f"{low}년대", f"{low % 100}년대" if 1930 <= low < 2000 else f"{low}년대"]
                )
            else:
                surface = f"{low}대"
            rv = Value("range", (low, low + 9))
            forms = [
                "{c}{이/가} {r}인",
                "{r} {c}의",
                "{r}",
                "{r}에 {s}한" if column.unit == "년" else "{r}인",
            ]
            return Phrase(
                Cond(key, "BETWEEN", (rv,)),
                fill_parts(rng.choice(forms), c=name, r=mark(surface), s=lx.verb_stem(name)),
                None,
            )
        if op == "BETWEEN":
            other, w = self.number_value(key)
            if other.value == value.value:
                other, w = self.number_surface(
                    value.value + 1 if isinstance(value.value, int) else value.value + 0.5,
                    column.unit,
                )
            forms = [
                ("{c}{이/가} {v}에서 {w} 사이인", "{c}{이/가} {v}에서 {w} 사이이고"),
                ("{c}{이/가} {v}부터 {w}까지인", None),
                ("{c} {v}~{w}인", None),
                ("{c}{이/가} {v}와 {w} 사이의", None),
                ("{v}에서 {w} 사이의 {c}{을/를} 가진", None),
            ]
            adn, conn = rng.choice(forms)
            return Phrase(
                Cond(key, "BETWEEN", (value, other)),
                fill_parts(adn, c=name, v=v, w=w),
                fill_parts(conn, c=name, v=v, w=w) if conn else None,
            )
        specific = lx.adjectives(column.names, more=op in (">", ">="))
        forms: list[tuple[str, str | None]] = []
        for word, conn in _CMP[op]:
            sep = "" if word.startswith(("{", "인", "짜리", "에", "도")) else " "
            word, conn = sep + word, sep + conn
            forms += [
                ("{c}{이/가} {v}" + word, "{c}{이/가} {v}" + conn),
                ("{c} {v}" + word, "{c} {v}" + conn),
            ]
            if self._unit_unique(key) and column.unit in v:
                forms.append(("{v}" + word, "{v}" + conn))
        if op in (">", "<"):
            for adj, adj_conn in specific:
                forms.append(("{c}{이/가} {v}보다 " + adj, "{c}{이/가} {v}보다 " + adj_conn))
                if self._unit_unique(key) and column.unit in v:
                    forms.append(("{v}보다 " + adj, "{v}보다 " + adj_conn))
        adn, conn = rng.choice(forms)
        return Phrase(
            Cond(key, op, (value,)),
            fill_parts(adn, c=name, v=v),
            fill_parts(conn, c=name, v=v) if conn else None,
        )

    def _date(self, key: str, name: str, op: str | None) -> Phrase:
        rng = self.rng
        # a date said plainly ("12월에 잡힌") is the most common way to name one
        op = op or rng.choice([">=", ">=", "<", "<", "=", "=", "=", ">", "<=", "BETWEEN"])
        value, d = self.date_value(key)
        stem = lx.verb_stem(name)
        did = rng.choice(["된", "한"])
        if op == "BETWEEN":
            other, e = self.date_value(key)
            if other.value == value.value:
                return self._date(key, name, ">=")
            (value, d), (other, e) = sorted(
                [(value, d), (other, e)], key=lambda pair: pair[0].value
            )
            form = rng.choice(
                [
                    "{d}부터 {e}까지 {s}" + did,
                    "{d}에서 {e} 사이에 {s}" + did,
                    "{c}{이/가} {d}부터 {e}까지인",
                    "{d}~{e} {s}" + did,
                ]
            )
            return Phrase(
                Cond(key, "BETWEEN", (value, other)),
                fill_parts(form, c=name, d=d, e=e, s=stem),
                None,
            )
        forms = {
            ">=": [
                "{c}{이/가} {d} 이후인",
                "{d} 이후에 {s}" + did,
                "{d}부터 {s}" + did,
                "{d} 이후 {s}" + did,
                "{c} {d} 이후인",
                "{c}{이/가} {d}부터인",
            ],
            "<": [
                "{c}{이/가} {d} 이전인",
                "{d} 이전에 {s}" + did,
                "{d} 전에 {s}" + did,
                "{d} 이전 {s}" + did,
                "{c} {d} 이전인",
                "{c}{이/가} {d}보다 전인",
            ],
            "=": [
                "{c}{이/가} {d}인",
                "{d}에 {s}" + did,
                "{c} {d}인",
                "{d} {s}",
                "{d} 중에 {s}" + did,
                "{d} 동안 {s}" + did,
                "{d}에 있었던",
                "{d}에 있는",
            ],
            ">": [
                "{d}보다 늦게 {s}" + did,
                "{d} 이후로 {s}" + did,
                "{c}{이/가} {d}보다 나중인",
                "{d} 지나서 {s}" + did,
            ],
            "<=": ["{d}까지 {s}" + did, "{c}{이/가} {d}까지인", "{d} 또는 그 전에 {s}" + did],
        }[op if op in (">=", "<", "=", ">", "<=") else "="]
        adn = rng.choice(forms)
        return Phrase(
            Cond(key, op if op in (">=", "<", "=", ">", "<=") else "=", (value,)),
            fill_parts(adn, c=name, d=d, s=stem),
            None,
        )

    def _boolean(self, key: str, name: str, op: str | None) -> Phrase:
        rng = self.rng
        op = op or ("IS_FALSE" if rng.random() < 0.4 else "IS_TRUE")
        stem = lx.verb_stem(name)
        # "환승역 여부" of a station table: "환승 역", "환승역"; "VIP 회원" of members: "VIP 회원"
        table = self.schema.table(self.schema.column(key).table)
        bare = next(
            (stem[: -len(t)].strip() for t in table.names if stem.endswith(t) and stem != t),
            stem,
        )
        if op == "IS_TRUE":
            forms = [
                "{b}",
                "{s}{이/가} 있는",
                "{s}된",
                "{s}하는",
                "{s} 가능한",
                "{s}{이/가} 되는",
                "{c}{이/가} 예인",
                "{s}인",
                "{s} 중인",
                "{c}{이/가} 참인",
            ]
        else:
            forms = [
                "{s}{이/가} 없는",
                "{s} 안 된",
                "{s}되지 않은",
                "{s}하지 않는",
                "{s} 불가능한",
                "{s}{이/가} 안 되는",
                "{c}{이/가} 아니오인",
                "{s}{이/가} 아닌",
                "{s} 안 한",
                "{c}{이/가} 거짓인",
            ]
        return Phrase(Cond(key, op), fill_parts(rng.choice(forms), c=name, s=stem, b=bare), None)

    def related(self, table: str) -> str:
        """A table ``table`` reaches by foreign keys, a direct parent twice as often as one two
        hops away."""
        return self.rng.choice(self.parents[table] * 2 + self.ancestors[table])

    def join_filter(self, table: str) -> tuple[Phrase, str] | None:
        """A condition on a parent table (by foreign key), phrased through it ("한강 작가의")."""
        if not self.ancestors.get(table):
            return None
        parent = self.related(table)
        display = self.display[parent]
        pname = self.tname(parent)
        if (
            self.schema.column(display).type == "text"
            and self.values.get(display)
            and self.rng.random() < 0.6
        ):
            value, v = self.text_value(display)
            verb, conn = self.rng.choice(_REL_VERBS)
            forms = [
                (f"{{v}} {pname}{verb}", None),
                (f"{pname}{{이/가}} {{v}}인", f"{pname}{{이/가}} {{v}}이고"),
                (f"{{v}}{verb}", None),
                (f"{pname} {{v}}{verb}", None),
            ]
            adn, conn2 = self.rng.choice(forms)
            return Phrase(
                Cond(display, "=", (value,)),
                fill_parts(adn, v=v),
                fill_parts(conn2, v=v) if conn2 else None,
            ), parent
        candidates = [c for c in self.columns(parent) if c.type != "id"]
        if not candidates:
            return None
        column = self.rng.choice(candidates)
        cname = self.cname(column.key)
        subject = (
            cname if cname.startswith(pname) or self.rng.random() < 0.3 else f"{pname} {cname}"
        )
        phrase = self.filter(column.key, subject=subject)
        return (phrase, parent) if phrase else None

    def superlative(self, key: str, more: bool) -> str:
        """ "가장 비싼", "평점이 제일 높은", "가장 최근에 출간된" for ORDER BY ``key`` (more = DESC)."""
        column, rng = self.schema.column(key), self.rng
        name, top = self.cname(key), rng.choice(lx.INTENSIFIERS)
        year_like = column.unit == "년" or any(
            w in n for n in column.names for w in ("연도", "년도")
        )
        if column.type == "date" or (year_like and rng.random() < 0.6):
            stem, did = lx.verb_stem(name), rng.choice(["된", "한"])
            forms = (
                [
                    f"{top} 최근에 {stem}{did}",
                    f"{{c}}{{이/가}} {top} 최근인",
                    f"{top} 늦게 {stem}{did}",
                    f"{top} 최신",
                ]
                if more
                else [
                    f"{top} 먼저 {stem}{did}",
                    f"{top} 오래된",
                    f"{{c}}{{이/가}} {top} 빠른",
                    f"{top} 일찍 {stem}{did}",
                    f"{top} 오래전에 {stem}{did}",
                ]
            )
            return fill_parts(rng.choice(forms), c=name)
        specific = lx.adjectives(column.names, more)
        generic = (
            [("높은", ""), ("큰", ""), ("많은", "")]
            if more
            else [("낮은", ""), ("작은", ""), ("적은", "")]
        )
        forms = [f"{{c}}{{이/가}} {top} {a}" for a, _ in specific + generic[:1]]
        forms += [f"{{c}} {top} {a}" for a, _ in specific[:1] + generic[:1]]
        forms += [
            f"{{c}}{{이/가}} {'최고' if more else '최저'}인",
            f"{{c}}{{이/가}} {'최대' if more else '최소'}인",
        ]
        if specific is not lx.adjectives((), more):
            forms += [f"{top} {a}" for a, _ in specific] * 2
        return fill_parts(rng.choice(forms), c=name)

    def aggregate(self, agg: str, key: str) -> str:
        """A noun phrase for ``agg(key)``: "평균 가격", "가격의 최댓값", "총 수량"."""
        column, rng = self.schema.column(key), self.rng
        c = self.cname(key)
        if column.type == "date" and agg in ("MAX", "MIN"):
            forms = (
                ["가장 최근 {c}", "가장 늦은 {c}", "마지막 {c}", "최근 {c}"]
                if agg == "MAX"
                else ["가장 이른 {c}", "가장 오래된 {c}", "처음 {c}", "첫 {c}"]
            )
        else:
            forms = {
                "AVG": [
                    "평균 {c}",
                    "{c} 평균",
                    "{c}의 평균",
                    "평균적인 {c}",
                    "{c} 평균값",
                    "{c}의 평균값",
                ],
                "MAX": [
                    "{c} 최고 기록",
                    "최고 기록",
                    "최고 {c}",
                    "최대 {c}",
                    "가장 높은 {c}",
                    "{c}의 최댓값",
                    "{c} 최댓값",
                    "제일 높은 {c}",
                    "가장 큰 {c}",
                    "{c} 최고치",
                ],
                "MIN": [
                    "{c} 최저 기록",
                    "최저 {c}",
                    "최소 {c}",
                    "가장 낮은 {c}",
                    "{c}의 최솟값",
                    "{c} 최솟값",
                    "제일 낮은 {c}",
                    "가장 작은 {c}",
                ],
                "SUM": [
                    "{c} 합계",
                    "{c}의 합",
                    "총 {c}",
                    "{c} 총합",
                    "전체 {c}",
                    "{c}의 총계",
                    "{c}{을/를} 모두 더한 값",
                    "{c} 합산",
                    "{c}의 합계",
                ],
                "COUNT": ["{c}의 수", "{c} 수", "{c} 개수"],
            }[agg]
        return fill_parts(rng.choice(forms), c=c)

    def modified(self, phrases: list[Phrase], noun: str) -> str:
        """``noun`` with its conditions in front: "소설이고 2만 원 이상인 책", "책 중 소설인 것"."""
        rng = self.rng
        if not phrases:
            return noun
        if len(phrases) == 1:
            p = phrases[0]
            return rng.choice(
                [f"{p.adn} {noun}"] * 4
                + [
                    f"{noun} 중 {p.adn} 것",
                    f"{noun} 중에서 {p.adn} 것",
                    f"{noun} 중에 {p.adn} {noun}",
                ]
            )
        *first, last = phrases
        if all(p.conn for p in first) and rng.random() < 0.6:
            return " ".join(p.conn for p in first) + f" {last.adn} {noun}"
        return rng.choice(
            [
                ", ".join(p.adn for p in phrases) + f" {noun}",
                f"{first[0].adn} {noun} 중 "
                + " ".join(p.adn for p in [*first[1:], last])
                + f" {noun}",
                " ".join(p.adn for p in phrases) + f" {noun}",
            ]
        )
