"""Stored values, indexed for linking: exact, phonetic (삼성 ↔ Samsung), translated (고양이 ↔ cat),
fuzzy (typos), and words inside values (for 포함/LIKE: 액션 in '액션|판타지', 라떼 in 'Vanilla Latte').

``match_values`` finds, in a normalized question, the spans that stand for stored values and
returns them as ``Candidate``s of kind ``text`` (a whole stored value) or ``part`` (a piece of one).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from models.korean import parse_number_words
from models.seq2sql.translit import (
    acronym_spellings,
    latin_form,
    latin_forms,
    phonetic_key,
    phonetic_keys,
    translate_noun,
)

__all__ = [
    "Candidate",
    "ValueIndex",
    "boundary_ok",
    "data_year",
    "code_words",
    "match_values",
    "norm",
    "norm_with_positions",
    "say_term",
    "surnames",
    "term_columns",
]

_KEEP = re.compile(r"[0-9a-z가-힣]")
# Particles and copulas that may end a word; longest first. Stripping is tried, never forced.
_PARTICLES = sorted(
    "은 는 이 가 을 를 의 에 로 와 과 랑 도 만 요 야 인 에서 으로 에게 한테 까지 부터 보다 처럼 만큼 "
    "이랑 이나 라는 이라는 이란 란 에서는 으로는 에는 께서 이며 이고 이야 이에요 예요 인가요 인데 "
    "들 들은 들이 들을 들의 님 님은 님이 님의 나".split(),
    key=len,
    reverse=True,
)
_SEPARATORS = re.compile(r"[|,/;·]+")
# Everyday Korean words for stored codes, by code set: databases store 'F', 'EN', 'TUE' where
# users say 여학생, 영어 강의, 화요일 수업. A column's values mean a set's words only when every
# value of the column belongs to that set: 'F' among letter grades is a grade, and 'W' beside
# 'L' is a win.
_CODE_SETS = [
    {  # sex
        "여": ["여자", "여성"],
        "남": ["남자", "남성"],
        "f": ["여자", "여성", "여학생"],
        "w": ["여자", "여성"],
        "m": ["남자", "남성", "남학생"],
    },
    {"y": ["예"], "n": ["아니오"]},
    {  # ISO 639 languages
        **dict.fromkeys(["ko", "kor"], ["한국어"]),
        **dict.fromkeys(["en", "eng"], ["영어"]),
        **dict.fromkeys(["ja", "jp", "jpn"], ["일본어"]),
        **dict.fromkeys(["zh", "cn", "chn"], ["중국어"]),
        **dict.fromkeys(["fr", "fra"], ["프랑스어"]),
        **dict.fromkeys(["de", "deu", "ger"], ["독일어"]),
        **dict.fromkeys(["es", "spa"], ["스페인어"]),
    },
    {  # English weekday abbreviations
        day: [f"{korean}요일"]
        for day, korean in zip("mon tue wed thu fri sat sun".split(), "월화수목금토일", strict=True)
    },
]
_MAX_VALUE_LEN = 40
_MAX_VALUES_PER_COLUMN = 20000
_MAX_FUZZY_CHOICES = 5000
_FUZZY_MIN = 80
_KEY_FUZZY_MIN = 85
_LONG_KEY_FUZZY_MIN = 80  # one sound off in six or more: 코오롱스포츠 / Kolon Sport


def data_year(dates: Iterable[Any]) -> int | None:
    """The year a month said without one refers to ("3월" → 2024-03): the latest year holding at
    least a fifth of the dates. Recent events (orders, enrolments) are what users ask about by
    month; older dates (hirings, admissions) spread over many years and must not hide them.

    Examples:
        >>> data_year(["2024-03-01"] * 3 + ["2019-05-02", "2021-01-04", "2023-02-05"])
        2024
        >>> data_year(["2024-03-01", "2019-05-02", "2021-01-04", "2023-02-05", "2022-02-05"] * 2)
    """
    years = Counter(str(v)[:4] for v in dates if re.match(r"\d{4}-", str(v)))
    frequent = [int(y) for y, n in years.items() if n * 5 > sum(years.values())]
    return max(frequent, default=None)


def code_words(values: Iterable[Any]) -> dict[str, list[str]]:
    """Each stored code of a column → the words a Korean user says for it ('EN' → 영어, 'F' →
    여자 …); empty unless every value of the column is a code of one set.

    Examples:
        >>> code_words(["TUE", "FRI"])["TUE"], code_words(["A+", "B", "F"])
        (['화요일'], {})
    """
    stored = {str(v): norm(v) for v in values}
    for codes in _CODE_SETS:
        if stored and all(key in codes for key in stored.values()):
            return {value: list(codes[key]) for value, key in stored.items()}
    return {}


def norm(text: Any) -> str:
    """Case-, width- and space-insensitive form of a value or name ("합정 책마루" → "합정책마루")."""
    return "".join(_KEEP.findall(unicodedata.normalize("NFKC", str(text)).lower()))


@dataclass(frozen=True)
class Candidate:
    """A value the parser may put in the query.

    Attributes:
        kind: ``text`` (a stored value of ``column``), ``part`` (a word inside values of
            ``column``, for LIKE), ``number``, ``range`` (``value`` = (low, high), "30대"),
            ``date`` (``value`` = (start, end) ISO dates, end exclusive) or ``span`` (quoted text).
        value: the value as it goes into SQL.
        column: ``table.column`` for ``text``/``part``.
        start, end: character span in the normalized question.
        score: match quality in (0, 1]; 1 = exact.
        unit: the counter or unit written after a number ("원", "명").
    """

    kind: str
    value: Any
    column: str | None
    start: int
    end: int
    score: float = 1.0
    unit: str = ""
    text: str = ""  # the number as written ("56.920"), for text columns that store it so


def _latin(text: str) -> bool:
    return bool(re.search("[a-zA-Z]", text)) and not re.search("[가-힣]", text)


class ValueIndex:
    """Distinct text values of a database, indexed for linking.

    Args:
        values: ``{"table.column": [value, ...]}`` for the text columns.
        default_year: the year a month without one refers to ("3월" → 2024-03), when the data
            has one dominant year.
    """

    def __init__(self, values: dict[str, list[str]], default_year: int | None = None) -> None:
        self.default_year = default_year
        self.values = {
            col: list(dict.fromkeys(str(v) for v in vals if v is not None and str(v).strip()))[
                :_MAX_VALUES_PER_COLUMN
            ]
            for col, vals in values.items()
        }
        self.exact: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.by_first: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        self.phonetic: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.part_phonetic: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.parts: dict[str, set[str]] = defaultdict(set)
        # Several-word Latin values by their first word's sound and meaning, for Hangul words
        # that say them piece by piece (딸기라떼 → 'Strawberry Latte')
        self.compounds: dict[str, list[tuple[str, str, tuple[str, ...]]]] = defaultdict(list)
        # Acronyms by their letter names: 와이지 → ('agency', 'YG', whole value or not)
        self.spelled: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
        self.joined: dict[str, str] = {}
        latin_keys: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for col, vals in self.values.items():
            self.joined[col] = "\x00".join(norm(v) for v in vals[:5000])
            said = code_words(vals)
            for value in vals:
                key = norm(value)
                if not key or len(key) > _MAX_VALUE_LEN:
                    continue
                self.exact[key].append((col, value))
                self.by_first[key[0]].append((key, col, value))
                for word in said.get(value, []):
                    self.by_first[word[0]].append((norm(word), col, value))
                for translated in [*translate_noun(value), *said.get(value, [])]:
                    self.exact[norm(translated)].append((col, value))
                words = [w.strip() for w in _SEPARATORS.split(value) if w.strip()]
                if len(words) == 1:
                    words = value.split()
                for word in words:
                    word_key = norm(word)
                    if len(word_key) >= 2 and word_key != key:
                        self.parts[word_key].add(col)
                if _latin(value):
                    for spelled, acronym in acronym_spellings(value):
                        self.spelled[norm(spelled)].append((col, acronym, acronym == value))
                    for pkey in phonetic_keys(value):
                        if pkey:  # one consonant too: 'YOGA' (요가), checked by sound when met
                            self.phonetic[pkey].append((col, value))
                        if len(pkey) >= 2:
                            latin_keys[pkey].append((col, value))
                    words = tuple(w for w in re.findall("[A-Za-z]+", value) if w.lower() != "the")
                    if len(words) >= 2:
                        for wkey in (*phonetic_keys(words[0]), "=" + words[0].lower()):
                            self.compounds[wkey].append((col, value, words))
                    tokens = value.split()
                    for n in (1, 2, 3):
                        for i in range(len(tokens) - n + 1):
                            gram = " ".join(tokens[i : i + n])
                            # 'YG' of 'YG Entertainment' is distinctive though short
                            long_enough = len(norm(gram)) >= 4 or re.fullmatch("[A-Z]{2,}", gram)
                            if n < len(tokens) and long_enough:
                                for pkey in phonetic_keys(gram):
                                    if len(pkey) >= 2:
                                        self.part_phonetic[pkey].append((col, gram))
        self.latin_keys = list(latin_keys)[:_MAX_FUZZY_CHOICES]
        self.latin_entries = latin_keys
        self.surnames = surnames(self.values)
        self.terms = term_columns(self.values)
        words = {
            w
            for vals in self.values.values()
            for v in vals[:5000]
            for w in re.findall("[가-힣]+", v)
        }
        self.protected = tuple(
            sorted((w for w in words if parse_number_words(w) != w), key=len, reverse=True)
        )

    def nearest(self, column: str, text: str, n: int = 3) -> list[str]:
        """The values of ``column`` closest to ``text`` (for "did you mean" answers)."""
        target = norm(text)
        scored = sorted(
            ((fuzz.ratio(target, norm(v)), v) for v in self.values.get(column, [])), reverse=True
        )
        return [v for score, v in scored[:n] if score > 30]

    def to_dict(self) -> dict[str, list[str]]:
        """The raw values, for bundles."""
        return self.values


def strip_variants(word: str) -> list[str]:
    """The word and the word without each particle it may end with."""
    out = [word]
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 1:
            out.append(word[: -len(particle)])
    return out


def norm_with_positions(question: str) -> tuple[str, list[int]]:
    """``norm(question)`` and, for each of its characters, the position in ``question``."""
    chars, positions = [], []
    for i, ch in enumerate(unicodedata.normalize("NFKC", question).lower()):
        if _KEEP.match(ch):
            chars.append(ch)
            positions.append(i)
    return "".join(chars), positions


def _script(ch: str) -> str:
    if ch.isdigit():
        return "d"
    if "a" <= ch.lower() <= "z":
        return "l"
    if "가" <= ch <= "힣":
        return "h"
    return ""


def boundary_ok(question: str, start: int, end: int) -> bool:
    """A match must not cut a Latin word or a number; a Hangul one may end inside a word
    (particles follow) and start inside one only after a compound's first two syllables."""
    first, last = question[start], question[end - 1]
    if start > 0 and _script(question[start - 1]) == _script(first) != "":
        if _script(first) != "h":
            return False
        word_start = start
        while word_start > 0 and _script(question[word_start - 1]) == "h":
            word_start -= 1
        if start - word_start < 2 and end - start < 3:
            return False  # "국" in "미국"; a longer value ("오대산" in "산오대산") may follow a glued word
    return not (
        end < len(question) and _script(last) in "dl" and _script(question[end]) == _script(last)
    )


def _exact(question: str, index: ValueIndex) -> list[Candidate]:
    text, positions = norm_with_positions(question)
    found = []
    for i in range(len(text)):
        for key, column, value in index.by_first.get(text[i], ()):
            if text.startswith(key, i):
                start, end = positions[i], positions[i + len(key) - 1] + 1
                if (
                    len(key) == 1
                    and _script(key) == "h"  # 'R' in "R석" is a value, '여' in "여름" is not
                    and end < len(question)
                    and _script(question[end]) == "h"
                    and not any(question.startswith(p, end) for p in _PARTICLES)
                ):
                    continue  # a one-syllable value ('여') inside a longer word ("여름")
                if key in _PARTICLES and start > 0 and _script(question[start - 1]) == "h":
                    continue  # a stored '에서' is not the particle of "드래프트에서"
                if boundary_ok(question, start, end):
                    tail = re.match(r"[0-9A-Za-z가-힣]*", question[end:]).group(0)
                    whole = not tail or tail in _PARTICLES
                    found.append(
                        Candidate("text", value, column, start, end, 1.0 if whole else 0.95)
                    )
    return [
        c
        for c in found
        if not any(  # "서울" inside a matched "서울역" is dropped
            o.start <= c.start and c.end <= o.end and (o.end - o.start) > (c.end - c.start)
            for o in found
        )
    ]


def _word_spans(question: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in re.finditer(r"[0-9A-Za-z가-힣]+", question)]
    return spans + [(spans[i][0], spans[i + 1][1]) for i in range(len(spans) - 1)]


def _loose(question: str, index: ValueIndex, covered: set[int], names: set[int]) -> list[Candidate]:
    out = []
    for start, end in _word_spans(question):
        if any(p in covered for p in range(start, end)):
            continue
        word = question[start:end]
        variants = strip_variants(word)
        # A Latin-script value with a Korean counter glued on: "브이아이피석" is 'VIP' 석.
        variants += [
            v[:-1]
            for v in variants
            if re.fullmatch("[가-힣]{4,}", v)
            and len(phonetic_key(v[:-1])) >= 2
            and index.phonetic.get(phonetic_key(v[:-1]))
        ]
        for variant in variants:
            vkey = norm(variant)
            vend = start + len(variant)
            if len(vkey) < 2 or vkey.isdigit() or any(p in names for p in range(start, vend)):
                continue  # schema names ("해발 고도") are never values
            cross = re.search("[가-힣]", variant) is not None
            pkey = phonetic_key(variant)
            hits = _said_in_latin(variant, index) if cross else []
            for translated in translate_noun(variant):
                hits += [(c, v, 0.9) for c, v in index.exact.get(norm(translated), ())]
            spelled = index.spelled.get(vkey, ())
            hits += [(c, acronym, 0.85) for c, acronym, whole in spelled if whole]
            out += [
                Candidate("part", acronym, c, start, vend, 0.7)
                for c, acronym, whole in spelled
                if not whole
            ]
            if not hits and len(vkey) >= 3:
                for key, column, value in index.by_first.get(vkey[0], ()):
                    if abs(len(key) - len(vkey)) <= 2:
                        score = fuzz.ratio(key, vkey)
                        if score >= _FUZZY_MIN:
                            hits.append((column, value, score / 100 * 0.9))
                    elif _abbreviates(vkey, key):
                        hits.append((column, value, 0.8))
            part_cols = set(index.parts.get(vkey, ()))
            out += [Candidate("part", variant, c, start, vend, 0.8) for c in sorted(part_cols)]
            if cross and len(pkey) >= 2:
                out += [
                    Candidate("part", gram, c, start, vend, 0.7)
                    for c, gram in index.part_phonetic.get(pkey, ())
                    if len(pkey) >= 3 or _sounds_alike(variant, gram)
                ]
            if not hits:
                out += [
                    Candidate("part", variant, c, start, vend, 0.6)
                    for c, joined in index.joined.items()
                    if c not in part_cols and vkey in joined
                ]
            out += [Candidate("text", v, c, start, vend, round(s, 3)) for c, v, s in hits]
            if hits:
                break
    return out


def _said_in_latin(word: str, index: ValueIndex) -> list[tuple[str, str, float]]:
    """Latin-script values a Hangul word sounds like ("코레일" 'Korail'), close to ("카푸치노"
    'Cappuccino') or says piece by piece ("유자차" 'Yuja Tea'), as (column, value, score)."""
    pkey = phonetic_key(word)
    if not pkey:
        return []
    # a short skeleton needs the vowels to agree too, the shorter the closer (요가 'YOGA')
    least = 60 if len(pkey) == 2 else 90
    hits = [
        (c, v, 0.85)
        for c, v in index.phonetic.get(pkey, ())
        if len(pkey) >= 3 or _sounds_alike(word, v, least)
    ]
    if not hits:
        hits += [(c, v, 0.85) for c, v in _said_piecewise(word, index)]
    if not hits and len(pkey) >= 4 and index.latin_keys:
        best = process.extractOne(
            pkey,
            index.latin_keys,
            scorer=fuzz.ratio,
            score_cutoff=_KEY_FUZZY_MIN if len(pkey) < 6 else _LONG_KEY_FUZZY_MIN,
        )
        if best and abs(len(best[0]) - len(pkey)) <= 1:
            hits += [(c, v, 0.75) for c, v in index.latin_entries[best[0]]]
    return hits


def _said_piecewise(word: str, index: ValueIndex) -> list[tuple[str, str]]:
    """Several-word Latin values that ``word`` says word by word, each piece by meaning or by
    sound: 딸기라떼 'Strawberry Latte', 녹차라떼 'Green Tea Latte' (녹차 is 'green tea')."""
    found: dict[tuple[str, str], None] = {}
    for cut in range(1, len(word)):
        first = word[:cut]
        keys = {phonetic_key(first), *("=" + en.split()[0] for en in translate_noun(first))}
        for key in keys - {""}:
            for column, value, words in index.compounds.get(key, ()):
                if _says_words(word, words):
                    found[(column, value)] = None
    return list(found)


def _says_words(hangul: str, words: tuple[str, ...]) -> bool:
    if not words or not hangul:
        return not words and not hangul
    for n in range(1, len(words) + 1):
        phrase = " ".join(words[:n]).lower()
        for cut in range(1, len(hangul) + 1):
            if _says(hangul[:cut], phrase) and _says_words(hangul[cut:], words[n:]):
                return True
    return False


def _says(piece: str, phrase: str) -> bool:
    """One Hangul piece says an English word or phrase: by meaning (차 'tea', 녹차 'green tea')
    or, for one word, by sound (라떼 'latte', 유자 'yuja')."""
    if phrase in translate_noun(piece):
        return True
    key = phonetic_key(piece)
    if " " in phrase or not key or key not in phonetic_keys(phrase):
        return False
    return len(key) >= 3 or _sounds_alike(piece, phrase, 60 if len(key) == 2 else 90)


def _abbreviates(short: str, name: str) -> bool:
    """A Hangul short form keeps a name's first two syllables and its last, in order:
    "고척돔" for '고척스카이돔'."""
    if not re.fullmatch("[가-힣]{3,}", short) or short[:2] != name[:2] or short[-1] != name[-1]:
        return False
    rest = iter(name[2:-1])
    return all(ch in rest for ch in short[2:-1])


def _sounds_alike(korean: str, latin: str, least: int = 60) -> bool:
    """Vowels too, for short skeletons: 애플/apple yes, 길이/Korail no, 엘지/LG yes."""
    spoken = latin_form(korean)
    forms = [re.sub("[^a-z]", "", latin.lower()), *latin_forms(latin)]
    return any(fuzz.ratio(spoken, form) >= least for form in forms)


# The commonest Korean surnames: "김씨", "성이 박씨인" ask for names starting with one of them.
_SURNAMES = set(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 "
    "곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 추 도 석 선 설 마 길 연 위 표 명 기".split()
)
_SURNAME_SAID = re.compile(
    r"(?<![가-힣])(?P<surname>[가-힣]) ?씨(?=$|[^가-힣]|[인가는를의이로]|성)"
)


def surnames(values: dict[str, list[Any]]) -> dict[str, list[str]]:
    """The surnames each column of Korean personal names starts its values with; a column counts
    when its values are two to four syllables, most of them led by a common surname.

    Examples:
        >>> surnames({"p.name": ["김민준", "이서연", "김하늘"], "p.city": ["서울", "부산", "대구"]})
        {'p.name': ['김', '이']}
    """
    found = {}
    for col, vals in values.items():
        sample = [str(v) for v in vals[:500]]
        names = [v for v in sample if re.fullmatch("[가-힣]{2,4}", v)]
        led = [v[0] for v in names if v[0] in _SURNAMES]
        if len(names) >= 3 and len(names) >= 0.8 * len(sample) and len(led) >= 0.7 * len(names):
            found[col] = sorted(set(led))
    return found


def _surnames(question: str, index: ValueIndex) -> list[Candidate]:
    """ "김씨인 학생": the surname as a part of the names of person-name columns."""
    out = []
    for match in _SURNAME_SAID.finditer(question):
        surname = match.group("surname")
        if surname not in _SURNAMES:
            continue
        for col, led in index.surnames.items():
            if surname in led:
                out.append(Candidate("part", surname, col, match.start(), match.end(), 0.8))
    return out


# Academic terms stored as '2024-2' are said "2학기" (the latest year's) or "2024년 2학기".
_TERM_VALUE = re.compile(r"(?P<year>\d{4})-(?P<term>[1-4])")
_TERM_SAID = re.compile(r"(?:(?P<year>\d{4}) ?년 ?)?(?P<term>[1-4]) ?학기")


def term_columns(values: dict[str, list[Any]]) -> list[str]:
    """Columns whose every value is an academic term written 'YYYY-N'."""
    return [
        col
        for col, vals in values.items()
        if vals and all(_TERM_VALUE.fullmatch(str(v)) for v in vals)
    ]


def say_term(value: str, rng: Any) -> str:
    """How a user says a stored term '2024-2': "2학기" or "2024년 2학기"."""
    match = _TERM_VALUE.fullmatch(value)
    return (
        f"{match['term']}학기" if rng.random() < 0.6 else f"{match['year']}년 {match['term']}학기"
    )


def _terms(question: str, index: ValueIndex) -> list[Candidate]:
    """ "2학기" → the latest '2024-2' of each term column; "2023년 1학기" → '2023-1'."""
    out = []
    for match in _TERM_SAID.finditer(question):
        for col in index.terms:
            said = [
                v
                for v in index.values[col]
                if v.endswith(f"-{match['term']}") and v.startswith(match["year"] or "")
            ]
            if said:
                out.append(Candidate("text", max(said), col, match.start(), match.end()))
    return out


def match_values(question: str, index: ValueIndex, names: set[int]) -> list[Candidate]:
    """Text and part candidates in a normalized question.

    Args:
        question: the normalized question.
        index: the database's values.
        names: character positions inside exact schema-name mentions (never fuzzy-matched).
    """
    exact = _exact(question, index)
    # A whole value that is also a word inside other values ('액션' and '액션|판타지') may mean LIKE.
    exact += [
        Candidate("part", c.value, c.column, c.start, c.end, 0.8)
        for c in exact
        if c.column in index.parts.get(norm(c.value), ())
    ]
    # A word is settled when one exact match spans all of it but a particle ("서울에서"); a match
    # inside a longer word ("서울" in "서울메트로") leaves the word open to the loose matchers.
    covered: set[int] = set()
    for c in exact:
        tail = re.match(r"[0-9A-Za-z가-힣]*", question[c.end :]).group(0)
        if not tail or tail in _PARTICLES:
            covered.update(range(c.start, c.end + len(tail)))
    # A Korean value may be stored in Latin script in another column: 요가 is trainer.specialty
    # '요가' and group_class.class_type 'YOGA'.
    exact += [
        Candidate("text", value, column, c.start, c.end, score)
        for c in exact
        if re.fullmatch("[가-힣]+", norm(c.value))
        for column, value, score in _said_in_latin(norm(c.value), index)
        if column != c.column and score >= 0.85  # a sound, not a guess
    ]
    found = exact + _loose(question, index, covered, names)
    return found + _surnames(question, index) + _terms(question, index)
