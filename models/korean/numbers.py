"""Korean numbers in both directions: spoken words → digits, and digits → how they are read.

Sino-Korean numerals (일 이 삼 … 십 백 천 만 억) and native ones (하나/한 둘/두 … 열 스물 … 아흔)
are both common in questions ("삼십 점 넘는", "다섯 개만", "3천 원", "2만 5천"). Single syllables
like 이, 오, 사 are also ordinary words, so a numeral is only taken where its shape or the counter
after it makes it unambiguous.
"""

from __future__ import annotations

import re

__all__ = ["COUNTERS", "NATIVE_COUNTERS", "parse_number_words", "read_native", "read_sino"]

_SINO_DIGITS = {
    "영": 0,
    "공": 0,
    "일": 1,
    "이": 2,
    "삼": 3,
    "사": 4,
    "오": 5,
    "육": 6,
    "륙": 6,
    "칠": 7,
    "팔": 8,
    "구": 9,
}
_SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
_BIG_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12}
_NATIVE_ONES = {
    "하나": 1,
    "한": 1,
    "둘": 2,
    "두": 2,
    "셋": 3,
    "세": 3,
    "석": 3,
    "넷": 4,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
}
_NATIVE_TENS = {
    "열": 10,
    "스물": 20,
    "스무": 20,
    "서른": 30,
    "마흔": 40,
    "쉰": 50,
    "예순": 60,
    "일흔": 70,
    "여든": 80,
    "아흔": 90,
}
# Forms that only mean a number before a counter ("한 개" but "한국", "세 명" but "세계").
_NATIVE_NEEDS_COUNTER = {"한", "두", "세", "석", "네", "열", "스무", "쉰"}

# Counters and units that may follow a number; longest first so "시간" wins over "시".
COUNTERS = sorted(
    "원 개 명 권 편 점 년 월 일 위 등 회 화 분 초 살 세 층 마리 번 번째 시간 시 퍼센트 프로 배 킬로 "
    "킬로미터 미터 달러 건 대 장 곳 잔 가지 주 주일 달 작품 표 줄 행 곡 경기 골 승 패 타 킬로그램 그램 "
    "리터 인분 평 석 만원 천원 kg km m g %".split(),
    key=len,
    reverse=True,
)
# Counters read with native numbers (세 명, 다섯 개); the rest take sino numbers (삼 년, 오 분).
NATIVE_COUNTERS = frozenset(
    "개 명 권 편 마리 번 번째 살 시 시간 잔 장 곳 가지 대 달 줄 곡 경기 골 작품 건 그루 켤레 벌 송이".split()
)

# Words that may follow a number directly (particles, comparisons): "30이상", "삼십에", "다섯이".
_FOLLOWERS = sorted(
    "이상 이하 초과 미만 이내 이후 이전 넘 정도 쯤 짜리 대 까지 부터 보다 에서 으로 로 이랑 랑 과 와 "
    "이 가 은 는 을 를 의 에 도 만 만큼 씩 째 인 이나 나 개".split(),
    key=len,
    reverse=True,
)

_SINO_CHARS = "".join(_SINO_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)
_NATIVE_WORDS = sorted([*_NATIVE_ONES, *_NATIVE_TENS], key=len, reverse=True)
_NATIVE_RE = "|".join(_NATIVE_WORDS)
_COUNTER_RE = "|".join(re.escape(c) for c in COUNTERS)
_FOLLOWER_RE = "|".join(_FOLLOWERS)

# A numeral: digits and/or sino syllables (3천, 2만5천, 1.5만, 삼십), or native words (열다섯).
_NUMERAL = re.compile(
    rf"(?<![가-힣\d.])"
    rf"(?P<num>(?:\d[\d,]*(?:\.\d+)?|[{_SINO_CHARS}])(?:\s?(?:\d[\d,]*(?:\.\d+)?|[{_SINO_CHARS}]))*"
    rf"|(?:{_NATIVE_RE})(?:{_NATIVE_RE})?)"
    rf"(?P<gap>\s?)(?P<counter>{_COUNTER_RE})?"
    rf"(?=$|[^가-힣]|{_FOLLOWER_RE})"
)


def _sino_value(token: str) -> float | None:
    """Value of a digits/sino-syllable numeral such as "3천", "2만 5천", "삼십오", "1.5만"."""
    token = token.replace(" ", "").replace(",", "")
    total, section, pending = 0.0, 0.0, None  # pending: a digit waiting for its unit
    for part in re.findall(rf"\d+(?:\.\d+)?|[{_SINO_CHARS}]", token):
        if part[0].isdigit():
            if pending is not None:
                return None  # two numbers in a row
            pending = float(part)
        elif part in _SINO_DIGITS:
            if pending is not None:
                # "이공이사" reads digit by digit (years, codes).
                pending = pending * 10 + _SINO_DIGITS[part]
            else:
                pending = float(_SINO_DIGITS[part])
        elif part in _SMALL_UNITS:
            section += (1 if pending is None else pending) * _SMALL_UNITS[part]
            pending = None
        else:  # big unit
            section += pending or 0
            total += (section or 1) * _BIG_UNITS[part]
            section, pending = 0.0, None
    return total + section + (pending or 0)


def _native_value(token: str) -> int | None:
    value, rest = 0, token
    for table in (_NATIVE_TENS, _NATIVE_ONES):
        for word in sorted(table, key=len, reverse=True):
            if rest.startswith(word):
                value += table[word]
                rest = rest[len(word) :]
                break
    return value if not rest and value else None


def _format(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _replace(match: re.Match[str]) -> str:
    num, counter = match.group("num"), match.group("counter") or ""
    gap = match.group("gap")
    if (
        num[0] in _NATIVE_ONES
        or num[0] in "열스서마쉰예일여아다둘셋넷하한두세석네"
        and not (num[0] in _SINO_CHARS and not _native_value(num))
    ):
        value = _native_value(num)
        if value is not None:
            if num in _NATIVE_NEEDS_COUNTER and not counter:
                return match.group(0)
            return f"{value}{gap}{counter}"
    has_digit = any(ch.isdigit() for ch in num)
    has_unit = any(ch in _SMALL_UNITS or ch in _BIG_UNITS for ch in num)
    if not has_digit:
        sino_syllables = num.replace(" ", "")
        if not has_unit and not (counter and gap):
            return match.group(0)  # "이", "오", "사" alone are words, "영화" is a movie
        if sino_syllables in _BIG_UNITS and not (counter == "원" or counter and gap):
            return match.group(0)  # "만화", "조회", "만점", "만세"; but "만 석", "만원"
        after = match.string[match.end() :].lstrip()
        if len(sino_syllables) == 1 and not counter and not after.startswith(_COMPARISONS):
            return match.group(0)  # "십", "백", "천" alone, unless "백 이상"
    value = _sino_value(num)
    if value is None:
        return match.group(0)
    return f"{_format(value)}{gap}{counter}"


_COMPARISONS = ("이상", "이하", "초과", "미만", "넘", "보다", "까지", "부터")
# "구 점 오" is 9.5: a spoken decimal point between two numerals.
_SPOKEN_DECIMAL = re.compile(
    rf"(?<![가-힣])(?P<whole>\d+|[{_SINO_CHARS}]+)\s?점\s?(?P<fraction>[{''.join(_SINO_DIGITS)}]+|\d+)"
    rf"(?=$|[^가-힣]|{_FOLLOWER_RE})"
)


def _replace_decimal(match: re.Match[str]) -> str:
    whole = _sino_value(match.group("whole"))
    fraction = "".join(
        ch if ch.isdigit() else str(_SINO_DIGITS[ch]) for ch in match.group("fraction")
    )
    if whole is None:
        return match.group(0)
    return f"{_format(whole)}.{fraction}"


def parse_number_words(text: str) -> str:
    """Replace spoken numerals by digits, keeping everything else.

    Examples:
        >>> parse_number_words("평점 삼십 점 넘는 웹툰 다섯 개")
        '평점 30 점 넘는 웹툰 5 개'
        >>> parse_number_words("3천 원 이하, 2만 5천 원")
        '3000 원 이하, 25000 원'
        >>> parse_number_words("이 책은 만화야, 영화 말고")
        '이 책은 만화야, 영화 말고'
        >>> parse_number_words("평점 구 점 오 이상")
        '평점 9.5 이상'
    """
    return _NUMERAL.sub(_replace, _SPOKEN_DECIMAL.sub(_replace_decimal, text))


_SINO_READ = "영일이삼사오육칠팔구"


def _read_below_10000(n: int) -> str:
    out = []
    for unit_value, unit in ((1000, "천"), (100, "백"), (10, "십")):
        digit, n = divmod(n, unit_value)
        if digit:
            out.append(("" if digit == 1 else _SINO_READ[digit]) + unit)
    if n:
        out.append(_SINO_READ[n])
    return "".join(out)


def read_sino(value: int | float | str) -> str:
    """Read a number with sino-Korean numerals, as for years, money, scores and decimals.

    Examples:
        >>> read_sino(2024), read_sino(10000), read_sino(3.5), read_sino(0)
        ('이천이십사', '만', '삼 점 오', '영')
    """
    text = str(value).replace(",", "")
    negative = text.startswith("-")
    text = text.lstrip("-+")
    whole, _, fraction = text.partition(".")
    n = int(whole or 0)
    if n == 0:
        words = "영"
    else:
        groups = []
        for unit in ("", "만", "억", "조", "경"):
            n, chunk = divmod(n, 10000)
            if chunk:
                read = _read_below_10000(chunk)
                # 10000 is "만", not "일만"; but 100000000 is "일억".
                if unit == "만" and chunk == 1:
                    read = ""
                groups.append(read + unit)
            if not n:
                break
        words = " ".join(reversed(groups))
    if fraction:
        words += " 점 " + "".join(_SINO_READ[int(d)] for d in fraction)
    return ("마이너스 " if negative else "") + words


_NATIVE_ONES_READ = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]
_NATIVE_TENS_READ = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]


def read_native(value: int) -> str:
    """Read 1–99 with native numerals in counter form (세 명, 스무 개); larger numbers in sino.

    Examples:
        >>> read_native(3), read_native(20), read_native(21), read_native(150)
        ('세', '스무', '스물한', '백오십')
    """
    if not 0 < value < 100:
        return read_sino(value)
    tens, ones = divmod(value, 10)
    if tens == 2 and ones == 0:
        return "스무"
    return _NATIVE_TENS_READ[tens] + _NATIVE_ONES_READ[ones]
