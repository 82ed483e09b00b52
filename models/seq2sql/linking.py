"""Schema and value linking: which words of a question name a table, a column or a value.

``link`` turns a normalized question into ``Links``: the spans naming schema items (exact name or
one word of a multi-word name) and the value ``Candidate``s the parser may point at: stored values
and parts of them (``values.match_values``), numbers with their unit, ranges ("30대", "90년대"),
dates (a year, a month — with the data's year when none is said — or a day) and quoted spans.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from models.korean import COUNTERS, parse_number_words
from models.seq2sql.lexicon import YEAR_PARTS, canonical_unit, unit_conversions, unit_forms
from models.seq2sql.schema import Schema
from models.seq2sql.values import (
    Candidate,
    ValueIndex,
    boundary_ok,
    match_values,
    norm,
    norm_with_positions,
)

__all__ = [
    "Candidate",
    "Links",
    "Mention",
    "ValueIndex",
    "link",
    "month_span",
    "norm",
    "normalize_question",
]

# A day needs its 일 after a 월 ("2024년 9월 1 달" is September), not after digits ("2024.9.1")
_DATE_RE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*(?:년|[-./])\s*(?:(?P<m>1[0-2]|0?[1-9])\s*"
    r"(?:월(?:\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*일)?|[-./]\s*(?P<digits_d>3[01]|[12]\d|0?[1-9])(?!\d)))?"
)
_MONTH_RE = re.compile(r"(?<![\d년.-])(?<!년 )(?P<m>1[0-2]|[1-9])\s*월")
_MONTH_DAY_RE = re.compile(
    r"(?<![\d년.-])(?<!년 )(?P<m>1[0-2]|[1-9])\s*월\s*(?P<d>3[01]|[12]\d|[1-9])\s*일"
)
_MONTH_SPAN_RE = re.compile(r"(?<![\d.])(?P<a>1[0-2]|[1-9])\s*[~-]\s*(?P<b>1[0-2]|[1-9])\s*월")
# a year part or decade ends the word, or a particle follows it ("여름철", "90년대에")
_YEAR_PART_RE = re.compile(
    r"(?:(?P<y>(?:19|20)\d\d)\s*년\s*|(?<![가-힣\d]))(?P<part>"
    + "|".join(p.replace("분기", r"\s?분기") for p in YEAR_PARTS)
    + r")(?=$|[^가-힣]|에|엔|의|철|동안|중|까지|부터|은|는|이|가|을|를)"
)
_DECADE_RE = re.compile(
    r"(?<![\d.])(?P<n>(?:1[89]|20)?[0-9]0)\s*(?P<unit>년대|대)"
    r"(?=$|[^가-힣]|에|의|인|이|가|는|을|를|만|초|중|후)"
)
# "top3", "탑 5", "베스트 3" are said as 상위 N
_TOP_N = re.compile(r"(?<![a-z가-힣])(?:top|탑|베스트)\s?(?=\d)", re.IGNORECASE)
# "23년에", "19년 3월": a two-digit year, when a date word follows it ("10년 넘은" is a duration)
_SHORT_YEAR = re.compile(
    r"(?<![\d.~/-])(?P<yy>\d\d)(?=\s?년\s?(?:도|에|부터|까지|이후|이전|[상하]반기|\d\s?분기|"
    r"(?:1[0-2]|[1-9])\s?월))"
)
# "여름(6~8월)", "상반기(1~6월)": the months in brackets say the year part again
_RESTATED_MONTHS = re.compile(
    r"(?P<part>" + "|".join(YEAR_PARTS) + r")\s*\(\s*\d{1,2}\s*[~-]\s*\d{1,2}\s*월\s*\)"
)
_PLAIN_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])(?!\s?[십백천만억조])")
_NUMBER_RE = re.compile(r"(?<![\d.a-z])(?P<num>\d+(?:\.\d+)?)(?![\d.])(?P<latin>[a-z%]*)")
_QUOTED = re.compile(r"['\"‘’“”「『](?P<q>[^'\"‘’“”」』]{1,40})['\"‘’“”」』]")


def normalize_question(text: str, keep: tuple[str, ...] = ()) -> str:
    """The question as every later step reads it: NFKC, spoken numbers to digits, one space.

    Args:
        text: the question.
        keep: words never read as numbers, because they are stored values ("이천" the city,
            not 2000; see ``ValueIndex.protected``).

    Example:
        >>> normalize_question("평점  구 점 오 이상인 웹툰 세 개")
        '평점 9.5 이상인 웹툰 3 개'
        >>> normalize_question("이천 지점 매출", keep=("이천",))
        '이천 지점 매출'
        >>> normalize_question("4.5 만점 받은 학생")
        '4.5 만점 받은 학생'
    """
    text = unicodedata.normalize("NFKC", text).replace("\n", " ")
    text = _TOP_N.sub("상위 ", text)
    text = _SHORT_YEAR.sub(lambda m: f"{'20' if int(m['yy']) <= 40 else '19'}{m['yy']}", text)
    text = _RESTATED_MONTHS.sub(r"\g<part>", text)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    # "4.5 만점" is full marks of 4.5, not 45000 points
    kept = [word for word in (*keep, "만점") if word in text]
    for i, word in enumerate(kept):
        text = text.replace(word, f"\ue000{i}\ue001")
    # parse_number_words reads a sino syllable right after digits as one more digit ("117일" →
    # 1171, "7이 넘는" → 72); a marker between them keeps "117" and "일" apart.
    text = re.sub(r"(?<=\d)(?=[일이삼사오육칠팔구])", "\ue003", text)
    # Plain digits are left as typed (parse_number_words would round "150817.68" to 6 digits);
    # digits next to a sino unit ("2만 5천") still go through it.
    plain = _PLAIN_NUMBER.findall(text)
    text = _PLAIN_NUMBER.sub("\ue004", text)
    text = parse_number_words(text).replace("\ue003", "")
    for number in plain:
        text = text.replace("\ue004", number, 1)
    for i, word in enumerate(kept):
        text = text.replace(f"\ue000{i}\ue001", word)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Mention:
    """A question span naming a table or column (``item`` = table name or ``table.column``)."""

    item: str
    start: int
    end: int
    exact: bool


@dataclass
class Links:
    """What ``link`` found in one question."""

    question: str
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


@functools.lru_cache(maxsize=64)
def _name_targets(schema: Schema) -> tuple[tuple[str, tuple[tuple[str, bool], ...]], ...]:
    """What to look for, per table and ``table.column``: each of its names whole (exact) and the
    words of it (partial). Computed once per schema, as every question of it (and every
    synthesized one) is linked against them."""
    names: dict[str, list[str]] = {}
    for table in schema.tables:
        names[table.name] = [*table.names, table.name]
        for column in table.columns:
            names[column.key] = [*column.names, column.name]
    out = []
    for item, spellings in names.items():
        targets: list[tuple[str, bool]] = []
        # the question's numbers are read as digits, so "두 번째 팀" is found as "2 번째 팀"
        for name in dict.fromkeys([*spellings, *map(normalize_question, spellings)]):
            key = norm(name)
            # "% 성장(2000–2008)" is named by 성장, "학교/클럽 팀" by 학교 and 클럽
            words = [
                word
                for word in map(norm, re.split(r"[\s_()\[\]/,·]+", name))
                if len(word) >= 2 and not word.isdigit()
            ]
            if len(words) == 1 and len(key) >= 3 and re.fullmatch("[가-힣]+", key):
                words.append(key[:-1])  # "소재" for 소재지, "가입" for 가입일
            targets += [(key, True), *[(w, False) for w in words if w != key]]
        out.append((item, tuple(dict.fromkeys(t for t in targets if t[0]))))
    return tuple(out)


def _mentions(question: str, schema: Schema) -> list[Mention]:
    text, positions = norm_with_positions(question)
    out = []
    for item, targets in _name_targets(schema):
        seen: set[tuple[int, int]] = set()
        for target, exact in targets:
            at = text.find(target)
            while at >= 0:
                span = (positions[at], positions[at + len(target) - 1] + 1)
                if span not in seen and boundary_ok(question, *span):
                    seen.add(span)
                    out.append(Mention(item, span[0], span[1], exact))
                at = text.find(target, at + len(target))
    return out


def _numbers(question: str, units: list[str]) -> list[Candidate]:
    """Numbers with the unit written after them; a number in a unit the schema converts to
    ("3시간" when a column counts 분) is offered in the column's unit as well (180 분)."""
    conversions = {
        (form, canonical_unit(unit)): factor
        for unit in units
        for other, factor in unit_conversions(unit)
        for form in unit_forms(other)
    }
    known = set(units) | set(COUNTERS) | {form for form, _ in conversions}
    unit_re = "|".join(re.escape(u) for u in sorted(known, key=len, reverse=True))
    out = []
    for match in _NUMBER_RE.finditer(question.lower()):
        latin = match.group("latin")
        if latin and latin not in known:
            continue  # "8abx15" is a code, "6.5km" a number with its unit
        value: float | int = float(match.group("num"))
        if value.is_integer():
            value = int(value)
        if latin:
            unit, end = latin, match.end()
        else:
            tail = re.match(rf"\s?({unit_re})", question[match.end() :])
            unit, end = (tail.group(1), match.end() + tail.end()) if tail else ("", match.end())
        out.append(
            Candidate("number", value, None, match.start(), end, 1.0, unit, match.group("num"))
        )
        for (form, target), factor in conversions.items():
            converted = round(value * factor, 3)
            if form == unit and converted == round(converted, 1):
                out.append(
                    Candidate(
                        "number",
                        int(converted) if float(converted).is_integer() else converted,
                        None,
                        match.start(),
                        end,
                        1.0,
                        target,
                        match.group("num"),
                    )
                )
    return out


def month_span(year: int, first: int, last: int | None = None) -> tuple[str, str]:
    """ISO dates from the first day of month ``first`` to the day after month ``last``
    (``first`` when not given): ``month_span(2024, 12)`` is ('2024-12-01', '2025-01-01')."""
    last = first if last is None else last
    return f"{year:04d}-{first:02d}-01", f"{year + (last == 12):04d}-{last % 12 + 1:02d}-01"


def _dates(question: str, default_year: int | None) -> list[Candidate]:
    out = []
    taken: set[int] = set()
    for match in _DATE_RE.finditer(question):
        y, m = int(match.group("y")), match.group("m")
        d = match.group("d") or match.group("digits_d")
        if d and m:
            try:
                day = dt.date(y, int(m), int(d))
            except ValueError:
                continue
            value = (day.isoformat(), (day + dt.timedelta(days=1)).isoformat())
        elif m:
            value = month_span(y, int(m))
        else:
            value = (f"{y:04d}-01-01", f"{y + 1:04d}-01-01")
        out.append(Candidate("date", value, None, match.start(), match.end()))
        taken.update(range(match.start(), match.end()))
    said = [
        int(c.value[0][:4])
        for c in out
        if c.value[0].endswith("-01-01") and c.value[1].endswith("-01-01")
    ]
    default_year = said[0] if len(set(said)) == 1 else default_year
    if default_year:
        for match in _MONTH_SPAN_RE.finditer(question):
            for key in ("a", "b"):
                if match.start(key) not in taken:
                    out.append(
                        Candidate(
                            "date",
                            month_span(default_year, int(match.group(key))),
                            None,
                            match.start(key),
                            match.end(key) + (1 if key == "a" else 1),
                        )
                    )
                    taken.add(match.start(key))
        for match in _YEAR_PART_RE.finditer(question):
            part = re.sub(r"\s", "", match.group("part"))
            year = match.group("y")
            value = month_span(int(year) if year else default_year, *YEAR_PARTS[part])
            out.append(Candidate("date", value, None, match.start(), match.end()))
        for match in _MONTH_DAY_RE.finditer(question):  # "12월 31일" of the data's year
            if match.start("m") not in taken:
                try:
                    day = dt.date(default_year, int(match.group("m")), int(match.group("d")))
                except ValueError:
                    continue
                value = (day.isoformat(), (day + dt.timedelta(days=1)).isoformat())
                out.append(Candidate("date", value, None, match.start(), match.end()))
                taken.add(match.start("m"))
        for match in _MONTH_RE.finditer(question):
            if match.start("m") not in taken:
                out.append(
                    Candidate(
                        "date",
                        month_span(default_year, int(match.group("m"))),
                        None,
                        match.start(),
                        match.end(),
                    )
                )
    return out


def _ranges(question: str) -> list[Candidate]:
    out = []
    for match in _DECADE_RE.finditer(question):
        n, unit = int(match.group("n")), match.group("unit")
        if unit == "년대":
            if n < 100:  # "90년대" → 1990s, "10년대" → 2010s
                n += 1900 if n >= 30 else 2000
            out.append(Candidate("range", (n, n + 9), None, match.start(), match.end(), 1.0, "년"))
            out.append(
                Candidate(
                    "date",
                    (f"{n:04d}-01-01", f"{n + 10:04d}-01-01"),
                    None,
                    match.start(),
                    match.end(),
                )
            )
        elif 10 <= n <= 90:
            out.append(Candidate("range", (n, n + 9), None, match.start(), match.end(), 1.0, "대"))
    return out


def link(question: str, schema: Schema, index: ValueIndex, max_candidates: int = 24) -> Links:
    """Find schema mentions and value candidates in a normalized question.

    Args:
        question: output of ``normalize_question``.
        schema: the database.
        index: its values.
        max_candidates: most candidates kept (exact and long matches first).

    Returns:
        ``Links`` with mentions and candidates, candidates sorted by position.
    """
    dates = _dates(question, index.default_year)
    # "6월" names a date, not a column called 월
    mentions = [
        m
        for m in _mentions(question, schema)
        if not any(d.start <= m.start and m.end <= d.end for d in dates)
    ]
    names = {p for m in mentions if m.exact for p in range(m.start, m.end)}
    candidates = match_values(question, index, names)
    units = [form for c in schema.columns if c.unit for form in unit_forms(c.unit)]
    columns_named = [m for m in mentions if m.exact and "." in m.item]
    candidates += [  # the 2 of a column called "2 번째 팀" is no value
        c
        for c in _numbers(question, units)
        if not any(m.start <= c.start and c.end <= m.end for m in columns_named)
    ]
    candidates += dates
    candidates += _ranges(question)
    for match in _QUOTED.finditer(question):
        candidates.append(
            Candidate("span", match.group("q"), None, match.start("q"), match.end("q"))
        )
    unique: dict[tuple, Candidate] = {}
    for c in candidates:
        unique.setdefault((c.kind, str(c.value).lower(), c.column), c)
    kept = sorted(unique.values(), key=lambda c: (-c.score, -(c.end - c.start), c.start))
    kept = sorted(kept[:max_candidates], key=lambda c: (c.start, c.kind, c.column or ""))
    return Links(question, mentions, kept)
