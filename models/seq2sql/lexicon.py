"""Korean words the synthesizer composes questions from, and the augmentations it applies.

Everything here is about surface form: particles chosen by the final consonant, comparison and
superlative words by column meaning (가격 → 비싼/싼, 평점 → 높은/낮은), counters by table meaning
(회원 → 명, 책 → 권), politeness levels of the endings (알려줘 / 알려 주세요 / 알려 주십시오), spoken
numbers (삼십, 2만 5천) that ``parse_number_words`` reads back, and spacing/typo noise.
"""

from __future__ import annotations

import random
import re

from models.korean import (
    NATIVE_COUNTERS,
    attach_particle,
    compose,
    decompose,
    read_native,
    read_sino,
)
from models.korean import has_final_consonant as has_final

__all__ = [
    "COUNT_ENDINGS",
    "EVENT_VERBS",
    "LIST_ENDINGS",
    "PLACE_ENDINGS",
    "PERSON_ENDINGS",
    "VALUE_ENDINGS",
    "YEAR_PARTS",
    "adjectives",
    "canonical_unit",
    "counter_for",
    "fill",
    "has_final",
    "is_person",
    "is_place",
    "noise",
    "say_number",
    "unit_conversions",
    "unit_forms",
    "verb_stem",
    "with_synonyms",
]

# Parts of a year as (first, last) month: "상반기" is January to June, "여름" June to August.
# Winter is left out: it runs into the next year.
YEAR_PARTS = {
    "상반기": (1, 6),
    "하반기": (7, 12),
    "1분기": (1, 3),
    "2분기": (4, 6),
    "3분기": (7, 9),
    "4분기": (10, 12),
    "봄": (3, 5),
    "여름": (6, 8),
    "가을": (9, 11),
}

INTENSIFIERS = ["가장", "가장", "제일", "젤", "최고로"]
# Generic verbs for rows of an event table (a hike, a loan, an order): the adnominal past form
# ("많이 간 산") and the past stem a question ends with ("몇 번 갔어?").
EVENT_VERBS = [
    ("간", "갔"),
    ("다녀온", "다녀왔"),
    ("한", "했"),
    ("이용한", "이용했"),
    ("빌린", "빌렸"),
    ("산", "샀"),
    ("본", "봤"),
    ("방문한", "방문했"),
    ("주문한", "주문했"),
    ("탄", "탔"),
    ("받은", "받았"),
    ("찾은", "찾았"),
    ("쓴", "썼"),
    ("예매한", "예매했"),
]
# (words in a column name, (more-adjective, connective), (less-adjective, connective)).
_ADJECTIVES = [
    (
        (
            "가격",
            "정가",
            "요금",
            "비용",
            "금액",
            "값",
            "운임",
            "수수료",
            "진료비",
            "price",
            "fee",
            "cost",
        ),
        [("비싼", "비싸고"), ("값비싼", "값비싸고")],
        [("싼", "싸고"), ("저렴한", "저렴하고")],
    ),
    (
        ("평점", "점수", "별점", "만족도", "rating", "score"),
        [("높은", "높고"), ("좋은", "좋고")],
        [("낮은", "낮고"), ("나쁜", "나쁘고")],
    ),
    (
        ("소요 시간", "걸린 시간", "걸리는 시간", "시간", "소요", "분", "minutes", "duration"),
        [("오래 걸리는", "오래 걸리고"), ("긴", "길고")],
        [("빨리 끝나는", "빨리 끝나고"), ("짧은", "짧고"), ("금방 끝나는", "금방 끝나고")],
    ),
    (
        ("나이", "연령", "age"),
        [("많은", "많고"), ("나이 많은", "나이 많고")],
        [("적은", "적고"), ("어린", "어리고")],
    ),
    (
        ("면적", "넓이", "area"),
        [("넓은", "넓고"), ("큰", "크고")],
        [("좁은", "좁고"), ("작은", "작고")],
    ),
    (
        ("길이", "거리", "기간", "length", "distance"),
        [("긴", "길고"), ("먼", "멀고")],
        [("짧은", "짧고"), ("가까운", "가깝고")],
    ),
    (("높이", "해발", "고도", "키", "height", "elevation"), [("높은", "높고")], [("낮은", "낮고")]),
    (("무게", "체중", "중량", "weight"), [("무거운", "무겁고")], [("가벼운", "가볍고")]),
    (("속도", "speed"), [("빠른", "빠르고")], [("느린", "느리고")]),
    (
        ("온도", "기온", "temperature"),
        [("더운", "덥고"), ("높은", "높고")],
        [("추운", "춥고"), ("낮은", "낮고")],
    ),
    (
        ("쪽수", "페이지", "분량", "pages"),
        [("두꺼운", "두껍고"), ("긴", "길고")],
        [("얇은", "얇고"), ("짧은", "짧고")],
    ),
    (
        (
            "수",
            "량",
            "인구",
            "재고",
            "인원",
            "관객",
            "판매",
            "조회",
            "방문",
            "승객",
            "이용",
            "좌석",
            "count",
        ),
        [("많은", "많고")],
        [("적은", "적고")],
    ),
]
_GENERIC_MORE = [("높은", "높고"), ("큰", "크고"), ("많은", "많고")]
_GENERIC_LESS = [("낮은", "낮고"), ("작은", "작고"), ("적은", "적고")]

_PEOPLE = (
    "사람",
    "회원",
    "고객",
    "직원",
    "학생",
    "저자",
    "작가",
    "선수",
    "환자",
    "의사",
    "교사",
    "선생",
    "사용자",
    "손님",
    "멤버",
    "배우",
    "가수",
    "감독",
    "주인",
    "보호자",
    "승객",
    "관객",
    "등산객",
    "기사",
    "사원",
    "점원",
    "바리스타",
    "강사",
    "수의사",
    "인물",
    "참가자",
    "이용자",
    "교수",
    "트레이너",
    "코치",
    "아티스트",
    "라이더",
    "배달원",
    "의뢰인",
    "작곡가",
)
_BOOKS = ("책", "도서", "잡지", "만화책", "소설", "교재")
_ANIMALS = ("동물", "반려동물", "강아지", "고양이", "개", "새", "물고기")
_EVENTS = (
    "대출",
    "주문",
    "판매",
    "예약",
    "진료",
    "방문",
    "거래",
    "기록",
    "경기",
    "이용",
    "탑승",
    "결제",
    "매출",
    "리뷰",
    "후기",
    "신청",
    "등록",
    "접수",
)
_PLACES = (
    "지점",
    "매장",
    "도서관",
    "병원",
    "카페",
    "역",
    "산",
    "가게",
    "점포",
    "식당",
    "학교",
    "공원",
    "센터",
    "지역",
    "구역",
    "노선",
    "코스",
    "등산로",
    "호선",
    "건물",
    "층",
    "방",
)

LIST_ENDINGS = [
    "{np} 알려줘",
    "{np} 알려 줘",
    "{np} 알려 주세요",
    "{np} 알려주세요",
    "{np}{을/를} 알려줘",
    "{np} 보여줘",
    "{np} 보여 주세요",
    "{np}{은/는} 뭐야?",
    "{np}{은/는} 뭐예요?",
    "{np}{이/가} 뭐야?",
    "{np}{은/는} 무엇인가요?",
    "{np}{은/는} 무엇입니까?",
    "{np}{은/는}?",
    "{np}?",
    "{np} 찾아줘",
    "{np} 찾아 주세요",
    "{np} 목록",
    "{np} 목록 보여줘",
    "{np} 리스트",
    "{np} 좀 알려줄래?",
    "{np}{을/를} 알고 싶어요",
    "{np}{이/가} 궁금해",
    "{np}{을/를} 조회해 줘",
    "{np} 말해 줘",
    "{np}{을/를} 나열해 줘",
    "{np} 뭐 있어?",
    "{np}{이/가} 뭐가 있나요?",
    "{np}{은/는} 어떤 게 있어?",
    "{np} 검색해줘",
    "{np} 뽑아줘",
    "{np} 좀",
    "{np}{을/를} 알려 주시겠어요?",
    "{np}{을/를} 보여 주십시오",
    "{np}{이/가} 어떻게 돼?",
    "{np} 뭐지?",
    "{np}{을/를} 출력해줘",
    "{np} 알려줄 수 있어?",
]
COUNT_ENDINGS = [
    "{np}{은/는} 몇 {ctr}{이야/야}?",
    "{np}{은/는} 몇 {ctr}{이에요/예요}?",
    "{np}{은/는} 몇 {ctr}인가요?",
    "{np}{이/가} 몇 {ctr}{이나/나} 있어?",
    "{np}{이/가} 몇 {ctr} 있나요?",
    "{np} 몇 {ctr}?",
    "{np} 수",
    "{np} 수는?",
    "{np} 수 알려줘",
    "{np}의 수는?",
    "{np} 개수",
    "{np} 개수 알려줘",
    "{np}{은/는} 모두 몇 {ctr}입니까?",
    "{np}{은/는} 총 몇 {ctr}{이에요/예요}?",
    "{np}{을/를} 세어 줘",
    "{np}{이/가} 얼마나 있어?",
    "{np} 몇 {ctr}인지 알려줘",
    "{np}{은/는} 전부 몇 {ctr}?",
    "{np} 총 개수는?",
    "{np}{이/가} 몇이나 돼?",
    "{np}{은/는} 몇 {ctr}{이나/나} 되나요?",
    "{np} 몇 {ctr} 있어?",
]
VALUE_ENDINGS = [
    "{np}{은/는} 얼마야?",
    "{np}{은/는} 얼마예요?",
    "{np}{이/가} 어떻게 돼?",
    "{np}{이/가} 어떻게 되나요?",
    "{np} 알려줘",
    "{np}{은/는}?",
    "{np}{은/는} 뭐야?",
    "{np}{은/는} 무엇입니까?",
    "{np} 좀 알려 주세요",
    "{np}{은/는} 몇이야?",
    "{np} 계산해 줘",
    "{np} 구해줘",
    "{np}{을/를} 알려줘",
    "{np}{이/가} 궁금해요",
]
PERSON_ENDINGS = [
    "{np}{은/는} 누구야?",
    "{np}{은/는} 누구예요?",
    "{np}{은/는} 누구인가요?",
    "{np}{이/가} 누구지?",
]
PLACE_ENDINGS = [
    "{np}{은/는} 어디야?",
    "{np}{은/는} 어디예요?",
    "{np}{은/는} 어디인가요?",
    "{np}{이/가} 어디지?",
]


def _matches(name: str, words: tuple[str, ...]) -> bool:
    return any(w in name.lower() for w in words)


def adjectives(names: tuple[str, ...], more: bool) -> list[tuple[str, str]]:
    """(adnominal, connective) comparison adjectives for a number column ("비싼", "비싸고")."""
    for words, up, down in _ADJECTIVES:
        if any(_matches(n, words) for n in names):
            return up if more else down
    return _GENERIC_MORE if more else _GENERIC_LESS


def counter_for(table_names: tuple[str, ...], rng: random.Random) -> str:
    """A counter that fits the table (명 for people, 권 for books...), sometimes the generic 개."""
    name = table_names[0]
    if rng.random() < 0.3:
        return "개"
    if name.endswith(_PEOPLE) or name in _PEOPLE:
        return "명"
    if name.endswith(_BOOKS):
        return "권"
    if name.endswith(_ANIMALS):
        return "마리"
    if name.endswith(_EVENTS):
        return rng.choice(["건", "번", "개"])
    if name.endswith(_PLACES):
        return rng.choice(["곳", "개"])
    return "개"


def is_person(names: tuple[str, ...]) -> bool:
    """True when the table holds people (for 누구 questions)."""
    return names[0].endswith(_PEOPLE)


def is_place(names: tuple[str, ...]) -> bool:
    """True when the table holds places (for 어디 questions)."""
    return names[0].endswith(_PLACES)


def verb_stem(name: str) -> str:
    """The action noun inside a date or flag column name ("출간일" → "출간", "반납 여부" → "반납")."""
    stem = re.sub(
        r"\s*(여부|유무|일자|날짜|일시|날|일|연도|년도|시각|시간|예정일|가능)$", "", name.strip()
    )
    return stem or name


# Other ways to write a unit ("20km", "20킬로", "20 킬로미터"); the first is the canonical one.
_UNIT_SYNONYMS = [
    ["km", "킬로", "킬로미터", "키로"],
    ["m", "미터"],
    ["kg", "킬로그램", "킬로"],
    ["g", "그램"],
    ["%", "퍼센트", "프로"],
    ["살", "세"],
    ["원"],
    ["분"],
    ["시간"],
    ["초"],
    ["명"],
    ["개"],
    ["점"],
]


# Conversions users make without thinking: "세 시간" for 180 분, "1.5킬로" for 1500 m.
_CONVERSIONS = {("시간", "분"): 60, ("분", "초"): 60, ("km", "m"): 1000, ("kg", "g"): 1000}


def unit_conversions(unit: str) -> list[tuple[str, float]]:
    """Other units a quantity in ``unit`` is also written in, each with the factor from it to
    ``unit``: for 분 [("시간", 60), ("초", 1/60)], for m [("km", 1000)]."""
    target = canonical_unit(unit)
    out = []
    for (big, small), factor in _CONVERSIONS.items():
        if small == target:
            out.append((big, factor))
        elif big == target:
            out.append((small, 1 / factor))
    return out


def unit_forms(unit: str) -> list[str]:
    """Ways to write ``unit`` (itself first)."""
    for forms in _UNIT_SYNONYMS:
        if unit in forms:
            return [unit, *(f for f in forms if f != unit)]
    return [unit]


def canonical_unit(unit: str) -> str:
    """The canonical spelling of a unit ("킬로미터" → "km")."""
    for forms in _UNIT_SYNONYMS:
        if unit in forms:
            return forms[0]
    return unit


_FILL = re.compile(r"\{(np|ctr|[^{}/]+/[^{}]+)\}")


def fill(template: str, np: str, ctr: str = "개") -> str:
    """Fill ``{np}``, ``{ctr}`` and particles like ``{을/를}`` (chosen by the word before them)."""
    out = ""
    pos = 0
    for match in _FILL.finditer(template):
        out += template[pos : match.start()]
        key = match.group(1)
        if key == "np":
            out += np
        elif key == "ctr":
            out += ctr
        elif out:
            visible = out.replace("\x01", "").replace("\x02", "")
            try:
                out += attach_particle(visible, key)[len(visible) :]
            except KeyError:  # written vowel-form first, e.g. {와/과}
                out += attach_particle(visible, "/".join(reversed(key.split("/"))))[len(visible) :]
        pos = match.end()
    out += template[pos:]
    return re.sub(r"\s+", " ", out).strip()


def _man_form(n: int) -> str | None:
    if n < 10000 or n % 1000:
        return None
    man, rest = divmod(n, 10000)
    text = f"{man}만"
    if rest:
        text += f" {rest // 1000}천" if rest % 1000 == 0 else f" {rest}"
    return text


def say_number(value: float | int, unit: str, rng: random.Random, spoken_rate: float) -> str:
    """A number as a user might type or say it: digits, "2만 5천", "이만 오천", "다섯".

    The caller checks that ``normalize_question`` reads it back; the forms here are the ones it
    handles.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    forms = [str(value)]
    if isinstance(value, int):
        if value >= 1000 and rng.random() < 0.3:
            forms = [f"{value:,}"]
        man = _man_form(value)
        if man and rng.random() < 0.5:
            forms.append(man)
        if rng.random() < spoken_rate:
            if unit in NATIVE_COUNTERS and 0 < value < 100:
                forms.append(read_native(value))
            elif value >= 10:
                forms.append(read_sino(value))
    elif rng.random() < spoken_rate:
        forms.append(read_sino(value))
    number = rng.choice(forms)
    if not unit:
        return number
    return number + (" " if rng.random() < 0.5 or not number[-1].isdigit() else "") + unit


_VOWEL_SWAPS = {"ㅐ": "ㅔ", "ㅔ": "ㅐ", "ㅓ": "ㅗ", "ㅗ": "ㅓ", "ㅕ": "ㅛ", "ㅚ": "ㅙ", "ㅙ": "ㅞ"}


def _typo(word: str, rng: random.Random) -> str:
    positions = [i for i, ch in enumerate(word) if "가" <= ch <= "힣"]
    if not positions:
        return word
    i = rng.choice(positions)
    initial, medial, final = decompose(word[i])
    if medial in _VOWEL_SWAPS and rng.random() < 0.6:
        return word[:i] + compose(initial, _VOWEL_SWAPS[medial], final) + word[i + 1 :]
    if len(word) > 2:
        return word[:i] + word[i + 1 :]
    return word


def noise(text: str, rng: random.Random, space_rate: float, typo_rate: float) -> str:
    """Spacing and typo noise outside protected spans (marked ``\\x01...\\x02``), then unmarked."""
    parts = re.split(r"(\x01[^\x02]*\x02)", text)
    out = []
    for k, part in enumerate(parts):
        if part.startswith("\x01"):
            out.append(part[1:-1])
            continue
        # Keep the space before a value written in Hangul: "상위 세 명" glued as "상위세 명" no
        # longer reads as a number, nor "산 오대산" as a value.
        keep_last = k + 1 < len(parts) and re.match("\x01[가-힣]", parts[k + 1]) is not None
        words = part.split(" ")
        for j, word in enumerate(words):
            if len(word) >= 2 and rng.random() < typo_rate:
                words[j] = _typo(word, rng)
        joined = ""
        for j, word in enumerate(words):
            sep = " " if j else ""
            if sep and rng.random() < space_rate and not (keep_last and j == len(words) - 1):
                sep = ""
            joined += sep + word
        out.append(joined)
    return re.sub(r"\s+", " ", "".join(out)).strip()


# Everyday synonyms of words in table and column names: users say "값" for 가격, "손님" for 고객.
# General Korean, not tied to any schema; each line is "word: what a user may say instead".
_THESAURUS_TEXT = """
가격: 값, 금액
금액: 액수, 가격
요금: 비용, 가격
비용: 요금, 금액
이름: 명칭
제목: 타이틀
나이: 연령
날짜: 일자
일자: 날짜
주소: 위치, 소재지
위치: 장소, 주소
소재지: 위치, 주소
지역: 동네, 지방
전화번호: 연락처, 전화
연락처: 전화번호
수량: 개수
개수: 갯수
재고: 재고량, 남은 수량
평점: 별점, 점수, 평가
별점: 평점
점수: 성적, 스코어
인원: 사람 수, 명수
정원: 수용 인원, 최대 인원
직원: 종업원, 스태프, 점원
고객: 손님, 이용객
손님: 고객
회원: 멤버, 이용자
매출: 판매액, 수익, 매상
급여: 월급, 연봉, 임금
월급: 급여
체중: 몸무게, 무게
몸무게: 체중, 무게
무게: 중량
길이: 거리
거리: 길이
높이: 고도
종류: 유형, 분류, 카테고리
분류: 카테고리, 종류
카테고리: 분류, 종류
유형: 종류, 타입
저자: 작가, 지은이
작가: 저자, 지은이
출판사: 발행처
생일: 생년월일
지점: 매장, 점포, 가게
매장: 지점, 점포, 가게
가게: 매장, 상점
상품: 제품, 물건, 품목
제품: 상품, 물건
메뉴: 음료, 품목
주인: 보호자, 반려인
보호자: 주인
반려동물: 애완동물, 펫
의사: 선생님
수의사: 의사, 선생님
진료: 진찰, 치료
예방접종: 접종, 백신
백신: 예방접종, 접종
도서: 책, 서적
책: 도서, 서적
대출: 대여
반납: 돌려준
등급: 레벨, 단계
난이도: 등급, 레벨
설명: 소개, 내용
좌석: 자리
시작일: 시작 날짜
개업일: 오픈일, 개점일
입사일: 입사 날짜
가입일: 가입 날짜, 가입한 날
출간일: 출판일, 출간 날짜
프랜차이즈: 체인점, 체인, 가맹점
식당: 음식점, 가게
음식점: 식당, 가게
리뷰: 후기
후기: 리뷰
배달원: 배달 기사, 라이더
라이더: 배달원, 배달 기사
기사: 운전사, 드라이버
전업: 풀타임
수단: 방법, 방식
방법: 방식
업종: 종류, 분야
"""
_THESAURUS: dict[str, list[str]] = {
    head.strip(): [w.strip() for w in rest.split(",")]
    for head, rest in (line.split(":") for line in _THESAURUS_TEXT.strip().splitlines())
}
_MAX_NAMES = 8


def with_synonyms(names: tuple[str, ...]) -> tuple[str, ...]:
    """``names`` followed by everyday synonyms of them or of their words ("판매 가격" → "판매 값").

    Examples:
        >>> with_synonyms(("가격",))
        ('가격', '값', '금액')
        >>> with_synonyms(("회원 나이",))
        ('회원 나이', '멤버 나이', '이용자 나이', '회원 연령')
    """
    out = list(dict.fromkeys(names))
    for name in names:
        words = name.split()
        for i, word in enumerate(words):
            for synonym in _THESAURUS.get(word, []):
                out.append(" ".join([*words[:i], synonym, *words[i + 1 :]]))
    return tuple(dict.fromkeys(out))[: max(_MAX_NAMES, len(names))]
