"""Genie-style synthesis, part 1: what one database offers to the templates.

A ``Builder`` knows one database: the Korean names of its tables and columns (one picked at random
per use, the canonical one most often), real values sampled from it (stored texts, words inside
them, numbers near real ones written as a user would, dates at year/month/day grain) and its
foreign keys (parents, and ancestors two hops away). The phrases themselves come from
``phrases.Phrases``, which ``Builder`` mixes in.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from typing import Any

from models.seq2sql import lexicon as lx
from models.seq2sql.ir import Value
from models.seq2sql.linking import month_span, normalize_question
from models.seq2sql.phrases import Example, Phrase, Phrases, mark
from models.seq2sql.schema import Column, Schema
from models.seq2sql.translit import english_to_korean, hangul_spelling
from models.seq2sql.values import code_words, data_year, say_term, surnames, term_columns

__all__ = ["Builder", "Example", "Phrase", "mark"]

_SEPARATOR = re.compile(r"\s*[|,/;·]\s*")
_LATIN = re.compile("[A-Za-z]")
_MAX_INNER_PARTS = 40  # Hangul pieces inside values, per column ('능선' in '대청봉능선')


def _inner_parts(values: list[Any]) -> set[str]:
    """Two- and three-syllable Hangul pieces that recur inside at least two longer values: what a
    user searches with "이름에 능선 들어간" ('대청봉능선', '공룡능선')."""
    found: Counter[str] = Counter()
    whole = {str(v) for v in values}
    for value in sorted(whole):  # sorted, so that ties come out the same in every process
        grams = {
            word[i : i + n]
            for word in re.findall("[가-힣]{3,}", value)
            for n in (2, 3)
            for i in range(len(word) - n + 1)
        }
        found.update(g for g in grams if g not in whole)
    common = sorted((g for g, n in found.items() if n >= 2), key=lambda g: (-found[g], g))
    return set(common[:_MAX_INNER_PARTS])


class Builder(Phrases):
    """Phrase pieces for one database.

    Args:
        schema: the database with its Korean names.
        values: real values per ``table.column`` (``schema.read_values``).
        rng: the random source (seeded by the caller).
        spoken_rate: how often a number is written as words (삼십, 이만 오천).
    """

    def __init__(
        self,
        schema: Schema,
        values: dict[str, list[Any]],
        rng: random.Random,
        spoken_rate: float = 0.2,
    ) -> None:
        self.schema, self.rng, self.spoken_rate = schema, rng, spoken_rate
        self.values = {
            k: [v for v in vals if v is not None and str(v).strip() != ""]
            for k, vals in values.items()
        }
        self.multi = {
            k
            for k, vals in self.values.items()
            if schema.column(k).type == "text"
            and vals
            and sum(bool(_SEPARATOR.search(str(v))) for v in vals) > 0.3 * len(vals)
        }
        self.whole = {k: {str(v) for v in vals} for k, vals in self.values.items()}
        # Words inside values of a text column, for LIKE; a whole stored value is an equality
        # (the linker offers it as one) unless the column holds lists ('액션|판타지').
        self.parts: dict[str, list[str]] = {}
        for key, vals in self.values.items():
            if schema.column(key).type == "text":
                words = {
                    w.strip()
                    for v in vals[:2000]
                    for w in (_SEPARATOR.split(str(v)) if key in self.multi else str(v).split())
                    if len(w.strip()) >= 2
                }
                if key not in self.multi:
                    words -= self.whole[key]
                self.parts[key] = sorted(words | _inner_parts(vals[:2000]))
        self.display = {t.name: t.display for t in schema.tables}
        self.parents: dict[str, list[str]] = {t.name: [] for t in schema.tables}
        for fk in schema.foreign_keys:
            if fk.ref_table != fk.table and fk.ref_table not in self.parents[fk.table]:
                self.parents[fk.table].append(fk.ref_table)
        # Tables reachable through one or two many-to-one hops (hike → trail → mountain).
        self.ancestors = {
            t: list(
                dict.fromkeys(p for p in [*ps, *(g for q in ps for g in self.parents[q])] if p != t)
            )
            for t, ps in self.parents.items()
        }
        # Tables that record something happening (a hike, a loan, an order): two parents, or a
        # parent and a date. Only their rows are counted with verbs ("몇 번 갔어", "많이 빌린").
        self.events = {
            t for t, ps in self.parents.items() if len(ps) >= 2 or (ps and self.columns(t, "date"))
        }
        self.code_words = {k: code_words(vals) for k, vals in self.values.items()}
        self.surnames = surnames(self.values)
        self.terms = set(term_columns(self.values))
        self.default_year = data_year(
            v for k, vals in self.values.items() if schema.column(k).type == "date" for v in vals
        )

    # ---- names and values -------------------------------------------------------------------
    def tname(self, table: str) -> str:
        """A Korean name of the table (the canonical one most often)."""
        names = self.schema.table(table).names
        name = (
            names[0] if len(names) == 1 or self.rng.random() < 0.6 else self.rng.choice(names[1:])
        )
        return name + "들" if self.rng.random() < 0.06 else name  # "회원들", "산들"

    def cname(self, key: str) -> str:
        """A Korean name of the column."""
        names = self.schema.column(key).names
        return (
            names[0] if len(names) == 1 or self.rng.random() < 0.6 else self.rng.choice(names[1:])
        )

    def columns(self, table: str, *types: str) -> list[Column]:
        """Columns of ``table`` with real values, optionally of the given types."""
        return [
            c
            for c in self.schema.table(table).columns
            if (not types or c.type in types) and self.values.get(c.key)
        ]

    def text_value(self, key: str) -> tuple[Value, str]:
        """A stored value of a text column and how the question writes it."""
        value = str(self.rng.choice(self.values[key]))
        return Value("text", value, key), mark(self._typed(value, key))

    def part_value(self, key: str) -> tuple[Value, str] | None:
        """A word inside values of a text column (for LIKE)."""
        parts = self.parts.get(key)
        if not parts:
            return None
        part = self.rng.choice(parts)
        return Value("part", part, key), mark(self._typed(part, key))

    def _typed(self, value: str, key: str) -> str:
        """How a user types a stored value: often as stored, but Latin-script values mostly in
        Hangul, translated ('Coffee' → 커피), spelled by sound ('Korail' → 코레일) or said as the
        everyday word of a code ('EN' → 영어), which is how linking finds them too."""
        rng = self.rng
        if key in self.terms and rng.random() < 0.6:
            return say_term(value, rng)
        if _LATIN.search(value) and rng.random() < 0.5:
            korean = self.code_words[key].get(value) or [
                k for k in (english_to_korean(value), hangul_spelling(value)) if k
            ]
            if korean:
                spelled = rng.choice(korean)
                return spelled if rng.random() < 0.6 else spelled.replace(" ", "")
        if " " in value and rng.random() < 0.15:
            return value.replace(" ", "")
        if re.search("[A-Z]", value) and rng.random() < 0.3:
            return value.lower()
        return value

    def number_value(self, key: str, integer: bool = False) -> tuple[Value, str]:
        """A number near real values of the column, written with its unit, maybe spoken."""
        column = self.schema.column(key)
        raw = (
            self.rng.choice(self.values[key]) if self.values.get(key) else self.rng.randint(1, 100)
        )
        try:
            number = float(raw)
        except (TypeError, ValueError):
            number = float(self.rng.randint(1, 100))
        if number.is_integer() or integer:
            value: float | int = int(round(number))
            if abs(value) >= 100 and self.rng.random() < 0.6:
                digits = len(str(abs(value))) - 2
                value = int(round(value, -digits))
        else:
            value = round(number, 1)
        bigger = (
            [(u, f) for u, f in lx.unit_conversions(column.unit) if f > 1] if column.unit else []
        )
        if bigger and self.rng.random() < 0.2:
            # In a bigger unit, by halves: 90 분 is "1.5시간", 180 분 "세 시간".
            other, factor = self.rng.choice(bigger)
            written = max(1, round(value / factor * 2)) / 2
            value = (
                int(written * factor) if float(written * factor).is_integer() else written * factor
            )
            written = int(written) if written.is_integer() else written
            surface = self.spoken_number(written, self.rng.choice(lx.unit_forms(other)))
            return Value("number", value), mark(surface)
        unit = (
            self.rng.choice(lx.unit_forms(column.unit))
            if column.unit and self.rng.random() < 0.85
            else ""
        )
        return self.number_surface(value, unit)

    def number_surface(self, value: float | int, unit: str) -> tuple[Value, str]:
        """``value`` written as a user would, checked to read back as the same number."""
        return Value("number", value), mark(self.spoken_number(value, unit))

    def spoken_number(self, value: float | int, unit: str) -> str:
        """``value`` and its unit as a user writes them (maybe in words), read back the same."""
        surface = lx.say_number(value, unit, self.rng, self.spoken_rate)
        read = normalize_question(surface)
        if not re.search(rf"(?<![\d.]){re.escape(str(value))}(?![\d.])", read):
            surface = f"{value}{unit}"
        return surface

    def date_value(self, key: str) -> tuple[Value, str]:
        """A year, month or day taken from the column's real dates."""
        text = str(self.rng.choice(self.values[key]))
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
        year, month, day = (int(g) for g in match.groups()) if match else (2020, 1, 1)
        roll = self.rng.random()
        if roll < 0.1:  # "상반기", "2023년 여름"
            part = self.rng.choice([p for p, (a, b) in lx.YEAR_PARTS.items() if a <= month <= b])
            start, end = month_span(year, *lx.YEAR_PARTS[part])
            said = part if self.default_year == year and self.rng.random() < 0.6 else None
            return Value("date", (start, end)), mark(said or f"{year}년 {part}")
        if self.default_year == year and roll < 0.5:
            return Value("date", month_span(year, month)), mark(f"{month}월")
        if roll < 0.5:
            start, end = f"{year:04d}-01-01", f"{year + 1:04d}-01-01"
            surface = f"{year}년"
        elif roll < 0.75:
            start, end = month_span(year, month)
            surface = f"{year}년 {month}월"
        else:
            start = f"{year:04d}-{month:02d}-{day:02d}"
            end = (dt.date(year, month, day) + dt.timedelta(days=1)).isoformat()
            surface = self.rng.choice([f"{year}년 {month}월 {day}일", start])
        return Value("date", (start, end)), mark(surface)

    # ---- condition phrases ------------------------------------------------------------------
