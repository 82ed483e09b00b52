"""Korean text as it should be read aloud: numbers, units, Latin letters and symbols spelled out.

A synthesizer reads characters; the assistant's answers hold digits, units, acronyms, tables.
``speech_text(text, table)`` turns an answer into what a person would say:

- numbers by their counter: native before 명/개/시/살 (3명 → 세 명, 3시 → 세 시), sino otherwise
  (2024년 → 이천이십사 년, 1위 → 일 위, 30분 → 삼십 분, 10,000원 → 만 원, 3.5 → 삼 점 오);
  months 유월/시월; dates (2024-03-05), clock times (14:30), ranges (3~5명), fractions (1/2);
- phone numbers and codes digit by digit with 공 for 0 (010-1234-5678, 007);
- units after numbers (km → 킬로미터, kg, ℃ → 도, % → 퍼센트, GB), currency signs ($5 → 오 달러);
- Latin script: a dictionary of common words (webtoon → 웹툰), acronyms letter by letter
  (SQL → 에스큐엘), anything else by a simple spelling-to-Hangul reading (hello → 헬로);
- symbols (& + = @ → ×), markdown and URLs dropped or named;
- a table is summarized (count + first rows), never read cell by cell.

Example:
    >>> speech_text("3명이 2024-03-05 14:30에 SQL 모델을 봤어요.")
    '세 명이 이천이십사 년 삼 월 오 일 열네 시 삼십 분에 에스큐엘 모델을 봤어요.'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from models.korean import COUNTERS, NATIVE_COUNTERS, read_native, read_sino

__all__ = ["normalize", "read_digits", "read_english", "speech_text", "summarize_table"]

# ---------------------------------------------------------------- counters
# Counters read with native numbers 1–99 (세 명, 스무 살); everything else takes sino numbers.
_NATIVE = frozenset(NATIVE_COUNTERS) | frozenset(
    "사람 배 병 그릇 통 채 척 군데 자루 알 바퀴 판 잔 켤레 쌍 덩이 봉지 상자 박스 개비 시간".split()
)
_SINO_EXTRA = (
    "개월 개국 년도 년 월 일 주년 주 분 초 원 위 등 회 화 층 세 호 학년 인분 인 차 기 쪽 페이지 "
    "달러 엔 유로 파운드 위안 점 도 퍼센트 프로 승 패 무 타 표 평 행 열 장면 부 박 단계 급 선 "
    "킬로미터 미터 센티미터 밀리미터 킬로그램 그램 밀리그램 리터 밀리리터 톤 기가바이트 메가바이트 "
    "킬로바이트 테라바이트 바이트 헤르츠 킬로헤르츠 메가헤르츠 기가헤르츠 "
    "밀리초 와트 킬로와트 볼트 "
    "칼로리 킬로칼로리 배속 버전 대역"
).split()
_ALL_COUNTERS = sorted(
    {c for c in COUNTERS if re.fullmatch(r"[가-힣]+", c)} | set(_NATIVE) | set(_SINO_EXTRA),
    key=len,
    reverse=True,
)
_COUNTER_RE = "|".join(_ALL_COUNTERS)
# "2번 화자", "1번 출구": 번 as a label is read in sino ("이 번 화자"), as a count in native.
_LABEL_AFTER_BEON = (
    "화자",
    "출구",
    "버스",
    "문제",
    "트랙",
    "채널",
    "방",
    "선",
    "라인",
    "목소리",
    "항목",
)

_UNITS = {  # Latin unit after a number → Korean unit word (longest first in the regex)
    "km/h": "킬로미터",
    "km": "킬로미터",
    "cm": "센티미터",
    "mm": "밀리미터",
    "m": "미터",
    "kg": "킬로그램",
    "mg": "밀리그램",
    "g": "그램",
    "ml": "밀리리터",
    "mL": "밀리리터",
    "l": "리터",
    "L": "리터",
    "GB": "기가바이트",
    "MB": "메가바이트",
    "KB": "킬로바이트",
    "TB": "테라바이트",
    "Hz": "헤르츠",
    "kHz": "킬로헤르츠",
    "MHz": "메가헤르츠",
    "GHz": "기가헤르츠",
    "ms": "밀리초",
    "kW": "킬로와트",
    "W": "와트",
    "V": "볼트",
    "kcal": "킬로칼로리",
    "cal": "칼로리",
    "℃": "도",
    "°C": "도",
    "°F": "도",
    "°": "도",
    "%": "퍼센트",
    "x": "배",
}
_CURRENCY_PREFIX = {"$": "달러", "₩": "원", "€": "유로", "¥": "엔", "£": "파운드"}

# ---------------------------------------------------------------- Latin script
_LETTER_NAMES = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        (
            "에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 엘 엠 "
            "엔 오 피 큐 알 에스 티 유 브이 더블유 엑스 와이 지"
        ).split(),
        strict=True,
    )
)
_ENGLISH_DIGITS = "제로 원 투 쓰리 포 파이브 식스 세븐 에잇 나인".split()
# Common words of the assistant's domains, as Koreans say them.
_ENGLISH_WORDS = {
    "webtoon": "웹툰",
    "model": "모델",
    "models": "모델",
    "data": "데이터",
    "database": "데이터베이스",
    "server": "서버",
    "python": "파이썬",
    "google": "구글",
    "naver": "네이버",
    "kakao": "카카오",
    "youtube": "유튜브",
    "netflix": "넷플릭스",
    "anime": "애니메이션",
    "movie": "무비",
    "drama": "드라마",
    "comic": "코믹",
    "comics": "코믹스",
    "video": "비디오",
    "app": "앱",
    "email": "이메일",
    "e-mail": "이메일",
    "internet": "인터넷",
    "computer": "컴퓨터",
    "phone": "폰",
    "iphone": "아이폰",
    "android": "안드로이드",
    "windows": "윈도우",
    "linux": "리눅스",
    "mac": "맥",
    "apple": "애플",
    "samsung": "삼성",
    "chat": "챗",
    "chatbot": "챗봇",
    "bot": "봇",
    "voice": "보이스",
    "speaker": "스피커",
    "ok": "오케이",
    "okay": "오케이",
    "hello": "헬로",
    "hi": "하이",
    "bye": "바이",
    "thank": "땡큐",
    "thanks": "땡스",
    "sorry": "쏘리",
    "yes": "예스",
    "no": "노",
    "table": "테이블",
    "query": "쿼리",
    "select": "셀렉트",
    "score": "스코어",
    "rank": "랭크",
    "ranking": "랭킹",
    "cell": "셀",
    "line": "라인",
    "gene": "진",
    "drug": "드러그",
    "test": "테스트",
    "train": "트레인",
    "training": "트레이닝",
    "deep": "딥",
    "learning": "러닝",
    "machine": "머신",
    "network": "네트워크",
    "file": "파일",
    "folder": "폴더",
    "web": "웹",
    "site": "사이트",
    "page": "페이지",
    "login": "로그인",
    "user": "유저",
    "admin": "어드민",
    "pop": "팝",
    "rock": "록",
    "jazz": "재즈",
    "game": "게임",
    "music": "뮤직",
    "news": "뉴스",
    "coffee": "커피",
    "pizza": "피자",
    "bus": "버스",
    "taxi": "택시",
    "hotel": "호텔",
    "seoul": "서울",
    "korea": "코리아",
    "sori": "소리",
    "vosk": "보스크",
    "espeak": "이스피크",
    "coqui": "코키",
    "transformer": "트랜스포머",
    "token": "토큰",
    "batch": "배치",
    "step": "스텝",
    "loss": "로스",
    "quantization": "양자화",
    "romance": "로맨스",
    "action": "액션",
    "fantasy": "판타지",
    "thriller": "스릴러",
    "comedy": "코미디",
    "horror": "호러",
    "sports": "스포츠",
    "the": "더",
    "and": "앤드",
    "of": "오브",
}
_ACRONYMS = {
    "NASA": "나사",
    "KAIST": "카이스트",
    "UNESCO": "유네스코",
    "NATO": "나토",
    "OK": "오케이",
    "FIFA": "피파",
    "ASAP": "에이샙",
    "LOL": "롤",
    "SKY": "스카이",
    "KOSPI": "코스피",
    "COVID": "코비드",
    "GIF": "지프",
    "JPEG": "제이펙",
    "PIN": "핀",
    "RAM": "램",
    "ROM": "롬",
    "LAN": "랜",
    "WIFI": "와이파이",
}
_ALNUM_WORDS = {
    "3d": "쓰리디",
    "2d": "투디",
    "5g": "파이브지",
    "4g": "포지",
    "4k": "포케이",
    "8k": "에잇케이",
    "mp3": "엠피쓰리",
    "mp4": "엠피포",
    "k-pop": "케이팝",
    "wi-fi": "와이파이",
    "covid-19": "코로나 일구",
    "b2b": "비투비",
    "b2c": "비투씨",
    "1:1": "일 대 일",
    "24/7": "이십사 시간 내내",
}

_SYMBOLS = [
    ("&", " 앤 "),
    ("+", " 플러스 "),
    ("=", " 는 "),
    ("@", " 골뱅이 "),
    ("×", " 곱하기 "),
    ("÷", " 나누기 "),
    ("±", " 플러스 마이너스 "),
    ("→", " 에서 "),
    ("←", " "),
    ("≥", " 이상 "),
    ("≤", " 이하 "),
    ("№", " 번호 "),
    ("#", " 샵 "),
    ("※", " 참고로, "),
    ("·", " "),
    ("…", ". "),
    ("|", ", "),
    ("/", " "),
    ("\\", " "),
    ("_", " "),
    ("^", " "),
    ("*", " "),
    ("~", " "),
    ("<", " "),
    (">", " "),
    ("[", " "),
    ("]", " "),
    ("{", " "),
    ("}", " "),
    ('"', " "),
    ("“", " "),
    ("”", " "),
    ("'", " "),
    ("‘", " "),
    ("’", " "),
    ("`", " "),
    ("(", ", "),
    (")", ", "),
    ("–", ", "),
    ("—", ", "),
]

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f]")


def read_digits(digits: str, zero: str = "공") -> str:
    """Read a digit string one digit at a time (phone numbers, codes): "010" → "공일공"."""
    names = [zero, *"일이삼사오육칠팔구"]
    return "".join(names[int(d)] for d in digits if d.isdigit())


def _read_number(token: str, counter: str = "", next_text: str = "") -> str:
    """Read one number token for the counter after it (native or sino)."""
    plain = token.replace(",", "")
    if "." in plain:
        return read_sino(plain)
    value = int(plain)
    if counter == "월" and 1 <= value <= 12:
        return {6: "유", 10: "시"}.get(value, read_sino(value))
    if counter == "번째" and value == 1:
        return "첫"
    if counter == "번" and next_text.lstrip().startswith(_LABEL_AFTER_BEON):
        return read_sino(value)
    if counter == "대" and value % 10 == 0 and 10 <= value <= 90:  # 20대 = twenties
        return read_sino(value)
    if counter in _NATIVE and 1 <= value <= 99:
        return read_native(value)
    return read_sino(value)


def _join_counter(number: str, counter: str) -> str:
    if number in ("유", "시") and counter == "월":
        return number + "월"
    return f"{number} {counter}"


# ---------------------------------------------------------------- English reading
_VOWELS = "aeiouy"
_VOWEL_UNITS = [
    ("eau", "ㅗ"),
    ("ee", "ㅣ"),
    ("ea", "ㅣ"),
    ("oo", "ㅜ"),
    ("ou", "ㅏ우"),
    ("ow", "ㅗ"),
    ("ai", "ㅔ이"),
    ("ay", "ㅔ이"),
    ("oa", "ㅗ"),
    ("au", "ㅗ"),
    ("aw", "ㅗ"),
    ("ie", "ㅣ"),
    ("oi", "ㅗ이"),
    ("oy", "ㅗ이"),
    ("ue", "ㅠ"),
    ("ew", "ㅠ"),
    ("ey", "ㅔ이"),
    ("a", "ㅏ"),
    ("e", "ㅔ"),
    ("i", "ㅣ"),
    ("o", "ㅗ"),
    ("u", "ㅓ"),
    ("y", "ㅣ"),
]
_CONSONANT_UNITS = [
    ("tch", "ㅊ"),
    ("sch", "ㅅㅋ"),
    ("ch", "ㅊ"),
    ("sh", "ㅅ"),
    ("th", "ㅅ"),
    ("ph", "ㅍ"),
    ("ck", "ㅋ"),
    ("ng", "ㅇ"),
    ("gh", ""),
    ("wh", "W"),
    ("qu", "ㅋW"),
    ("kn", "ㄴ"),
    ("wr", "ㄹ"),
    ("b", "ㅂ"),
    ("c", "ㅋ"),
    ("d", "ㄷ"),
    ("f", "ㅍ"),
    ("g", "ㄱ"),
    ("h", "ㅎ"),
    ("j", "ㅈ"),
    ("k", "ㅋ"),
    ("l", "ㄹ"),
    ("m", "ㅁ"),
    ("n", "ㄴ"),
    ("p", "ㅍ"),
    ("q", "ㅋ"),
    ("r", "R"),
    ("s", "ㅅ"),
    ("t", "ㅌ"),
    ("v", "ㅂ"),
    ("w", "W"),
    ("x", "ㅋㅅ"),
    ("z", "ㅈ"),
]
_FINAL_OK = {"ㄴ": "ㄴ", "ㄹ": "ㄹ", "ㅁ": "ㅁ", "ㅇ": "ㅇ", "ㅋ": "ㄱ", "ㅍ": "ㅂ", "ㅌ": "ㅅ"}
# w + vowel → one rounded vowel (world → 월드, wine → 와인, queen → 퀸).
_W_GLIDE = {
    "ㅏ": "ㅘ",
    "ㅐ": "ㅙ",
    "ㅓ": "ㅝ",
    "ㅗ": "ㅝ",
    "ㅔ": "ㅞ",
    "ㅣ": "ㅟ",
    "ㅜ": "ㅜ",
    "ㅠ": "ㅟ",
}


def _units(word: str) -> list[tuple[str, str]]:
    out, i = [], 0
    while i < len(word):
        for table, kind in ((_VOWEL_UNITS, "v"), (_CONSONANT_UNITS, "c")):
            hit = next((u for u in table if word.startswith(u[0], i)), None)
            if hit:
                out.append((kind, hit[1]))
                i += len(hit[0])
                break
        else:
            i += 1
    return out


def _compose(initial: str, medial: str, final: str = "") -> str:
    from models.korean import compose

    return compose(initial or "ㅇ", medial, final)


def read_english(word: str) -> str:
    """A simple Hangul reading of an English word not in the dictionary ("hello" → "헬로").

    Spelling-based, not phonetic: good enough for a name to be recognizable when spoken.
    """
    low = word.lower()
    if low in _ENGLISH_WORDS:
        return _ENGLISH_WORDS[low]
    if len(low) == 1:
        return _LETTER_NAMES[low.upper()]
    if len(low) > 3 and low.endswith("e") and low[-2] not in _VOWELS:
        low = low[:-1]  # silent final e: "name" → "nam"
    units = _units(low)
    # r after a vowel and before a consonant or the end is silent (park → 파크, world → 월드).
    cleaned: list[tuple[str, str]] = []
    for n, (kind, jamo) in enumerate(units):
        if jamo == "R":
            after = units[n + 1][0] if n + 1 < len(units) else ""
            before = units[n - 1][0] if n else ""
            if before == "v" and after != "v":
                continue
            jamo = "ㄹ"
        cleaned.append((kind, jamo))
    syllables: list[list[str]] = []  # [initial, medial, final]
    filler: list[bool] = []  # True for a "ㅡ" syllable added for a consonant cluster
    pending: list[str] = []  # consonant jamo waiting for a vowel
    for kind, jamo in cleaned:
        if kind == "c":
            pending.extend(jamo)
            continue
        medial = jamo[0]
        glide = bool(pending) and pending[-1] == "W"
        if glide:
            pending.pop()
            medial = _W_GLIDE.get(medial, medial)
        # Consonants before the vowel: all but the last become 받침 or "ㅡ" syllables.
        while len(pending) > 1:
            c = pending.pop(0)
            if c == "W":
                continue
            if syllables and not syllables[-1][2] and not filler[-1] and c in "ㄴㄹㅁㅇ":
                syllables[-1][2] = c
            else:
                syllables.append([c, "ㅡ", ""])
                filler.append(True)
        initial = pending.pop() if pending else "ㅇ"
        if initial == "W":
            initial = "ㅇ"
        if initial == "ㄹ" and syllables and not syllables[-1][2] and not filler[-1]:
            syllables[-1][2] = "ㄹ"  # hello → 헬로: intervocalic l doubles
        syllables.append([initial, medial, ""])
        filler.append(False)
        if len(jamo) > 1:
            syllables.append(["ㅇ", "ㅜ" if jamo[1] == "우" else "ㅣ", ""])
            filler.append(False)
    for c in pending:  # trailing consonants
        if c == "W":
            continue
        if syllables and not syllables[-1][2] and not filler[-1] and c in _FINAL_OK:
            syllables[-1][2] = _FINAL_OK[c]
        else:
            syllables.append([c, "ㅣ" if c in ("ㅈ", "ㅊ") else "ㅡ", ""])
            filler.append(True)
    return "".join(_compose(*s) for s in syllables) or word


def _read_acronym(token: str) -> str:
    if token in _ACRONYMS:
        return _ACRONYMS[token]
    return "".join(_LETTER_NAMES[ch] for ch in token)


def _read_latin(match: re.Match[str]) -> str:
    token = match.group(0)
    low = token.lower()
    if low in _ENGLISH_WORDS:
        return _ENGLISH_WORDS[low]
    if token.upper() in _ACRONYMS and token.isupper():
        return _ACRONYMS[token.upper()]
    if token.isupper():
        return _read_acronym(token)
    # CamelCase or trailing capitals ("iPhone", "PyTorch", "GPUs"): read part by part.
    parts = re.findall(r"[A-Z]{2,}(?=[A-Z][a-z]|s?\b|$)|[A-Z]?[a-z]+|[A-Z]", token)
    if len(parts) > 1:
        return "".join(_read_latin(re.match(r".+", p)) for p in parts)
    return read_english(token)


# ---------------------------------------------------------------- number passes
def _sub_alnum_words(text: str) -> str:
    for word, reading in sorted(_ALNUM_WORDS.items(), key=lambda kv: -len(kv[0])):
        text = re.sub(
            rf"(?<![A-Za-z\d]){re.escape(word)}(?![A-Za-z\d])", reading, text, flags=re.IGNORECASE
        )
    # "GPT-4": an acronym, a hyphen and one digit → the digit in English.
    return re.sub(
        r"\b([A-Z]{2,})-(\d)\b", lambda m: f"{m.group(1)} {_ENGLISH_DIGITS[int(m.group(2))]}", text
    )


def _sub_dates_times(text: str) -> str:
    def date(m: re.Match[str]) -> str:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return m.group(0)
        return f"{year}년 {month}월 {day}일"

    text = re.sub(r"(?<![\d.])(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?![\d.])", date, text)

    def clock(m: re.Match[str]) -> str:
        hour, minute = int(m.group(1)), int(m.group(2))
        if hour > 24 or minute > 59:
            return m.group(0)
        out = f"{hour}시" + (f" {minute}분" if minute else "")
        if m.group(3):
            out += f" {int(m.group(3))}초"
        return out

    return re.sub(r"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])", clock, text)


def _sub_digit_strings(text: str) -> str:
    # Phone numbers, account numbers, codes: groups of digits joined by hyphens.
    text = re.sub(
        r"(?<![\d.,-])\d{2,4}(?:-\d{2,6}){1,3}(?![\d-])",
        lambda m: " ".join(read_digits(g) for g in m.group(0).split("-")),
        text,
    )
    # A long run without separators (01012345678) or one led by 0 (007) is a code, not a quantity.
    return re.sub(r"(?<![\d.,])(?:0\d+|\d{9,})(?![\d.,])", lambda m: read_digits(m.group(0)), text)


def _sub_units(text: str) -> str:
    units = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))

    def unit(m: re.Match[str]) -> str:
        sign, number, symbol = m.group(1) or "", m.group(2), m.group(3)
        word = _UNITS[symbol]
        spoken = read_sino(number.replace(",", ""))
        if symbol in ("℃", "°C", "°F", "°"):
            prefix = "화씨 " if symbol == "°F" else ""
            return f"{prefix}{'영하 ' if sign == '-' else ''}{spoken} {word}"
        if symbol == "km/h":
            before = m.string[: m.start()].rstrip()
            return f"{'' if before.endswith('시속') else '시속 '}{spoken} {word}"
        if symbol == "x":
            return f"{_read_number(number, '배')} 배"
        return f"{'마이너스 ' if sign == '-' else ''}{spoken} {word}"

    text = re.sub(
        rf"(?:(?<=\s)|(?<=^)|(?<=[(\[]))?(-)?({_NUM})\s?({units})(?![A-Za-z])", unit, text
    )

    def currency(m: re.Match[str]) -> str:
        return f"{read_sino(m.group(2).replace(',', ''))} {_CURRENCY_PREFIX[m.group(1)]}"

    return re.sub(rf"([$₩€¥£])\s?({_NUM})", currency, text)


def _sub_big_units(text: str) -> str:
    # "3만 원", "2억 5천만", "1천": a digit numeral fused with a unit syllable.
    def fused(m: re.Match[str]) -> str:
        number = m.group(1).replace(",", "")
        if number == "1" and m.group(2) in ("만", "천", "백"):
            return m.group(2)
        return read_sino(number) + m.group(2)

    return re.sub(
        r"(?<![\d.])(\d+(?:\.\d+)?)(조|억|만|천|백)(?=[\s\d]|원|명|개|달러|$|[^가-힣])", fused, text
    )


def _sub_ranges_fractions(text: str) -> str:
    def rng(m: re.Match[str]) -> str:
        a, b, counter = m.group(1), m.group(2), m.group(3) or ""
        rest = m.string[m.end() :]
        if counter:
            return (
                f"{_join_counter(_read_number(a, counter, rest), counter)}에서 "
                f"{_join_counter(_read_number(b, counter, rest), counter)}"
            )
        return f"{read_sino(a.replace(',', ''))}에서 {read_sino(b.replace(',', ''))}"

    text = re.sub(rf"({_NUM})\s?[~∼〜]\s?({_NUM})\s?({_COUNTER_RE})?", rng, text)
    return re.sub(
        r"(?<![\d/])(\d{1,3})/(\d{1,3})(?![\d/])",
        lambda m: f"{read_sino(m.group(2))} 분의 {read_sino(m.group(1))}",
        text,
    )


def _sub_counted(text: str) -> str:
    def counted(m: re.Match[str]) -> str:
        number, counter = m.group(1), m.group(2)
        return _join_counter(_read_number(number, counter, m.string[m.end() :]), counter)

    return re.sub(rf"(?<![\d.,])({_NUM})\s?({_COUNTER_RE})", counted, text)


def _sub_bare_numbers(text: str) -> str:
    text = re.sub(
        r"(?<![\d.])\d+(?:\.\d+){2,}(?![\d.])",  # versions: 1.2.3
        lambda m: " 점 ".join(read_sino(p) for p in m.group(0).split(".")),
        text,
    )

    def bare(m: re.Match[str]) -> str:
        sign = "마이너스 " if m.group(1) else ""
        return sign + read_sino(m.group(2).replace(",", ""))

    return re.sub(rf"(?:(?<=^)|(?<=[\s(]))?(-)?(?<![\d.,])({_NUM})(?![\d])", bare, text)


def _clean_markup(text: str) -> str:
    text = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
    text = re.sub(r"https?://\S+|www\.\S+", " 링크 ", text)
    text = re.sub(r"[\w.+-]+@[\w-]+\.[\w.]+", " 이메일 주소 ", text)
    text = re.sub(r"^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__|~~)(.+?)\1", r"\2", text)
    return _EMOJI.sub(" ", text)


def normalize(text: str) -> str:
    """Spell out everything in ``text`` that a synthesizer would misread.

    Args:
        text: an answer in Korean, possibly with digits, units, Latin words, symbols, markdown.

    Returns:
        The same answer in Hangul words and punctuation only (plus spaces).
    """
    text = _clean_markup(text)
    text = _sub_alnum_words(text)
    text = _sub_dates_times(text)
    text = _sub_digit_strings(text)
    text = _sub_units(text)
    text = _sub_big_units(text)
    text = _sub_ranges_fractions(text)
    text = _sub_counted(text)
    text = _sub_bare_numbers(text)
    text = re.sub(r"[A-Za-z]+", _read_latin, text)
    for symbol, spoken in _SYMBOLS:
        text = text.replace(symbol, spoken)
    text = text.replace("%", " 퍼센트")
    text = re.sub(r"\s+([,.!?])", r"\1", text)
    text = re.sub(r"([,.!?])(?:\s*[,.])+", r"\1", text)
    text = re.sub(r"\s+", " ", text).strip(" ,")
    return text


# ---------------------------------------------------------------- tables
def _cell(value: Any) -> str:
    if value is None:
        return "없음"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def _describe_row(columns: Sequence[str], row: Sequence[Any], max_fields: int = 3) -> str:
    if len(row) == 1:
        return _cell(row[0])
    head = _cell(row[0])
    rest = [
        f"{col} {_cell(val)}"
        for col, val in zip(columns[1:max_fields], row[1:max_fields], strict=False)
    ]
    return ", ".join([head, *rest])


def summarize_table(table: dict[str, Any] | None, max_rows: int = 3) -> str:
    """Say what a table holds: how many rows, then the first ``max_rows`` rows briefly.

    Example:
        >>> table = {"columns": ["제목", "평점"], "rows": [["신의 탑", 9.8], ["외모지상주의", 9.7]]}
        >>> summarize_table(table)
        '결과는 모두 2개예요. 첫 번째는 신의 탑, 평점 9.8. 두 번째는 외모지상주의, 평점 9.7.'
    """
    if not table:
        return ""
    rows = list(table.get("rows") or [])
    columns = list(table.get("columns") or [])
    if not rows:
        return "결과가 없어요."
    parts = [f"결과는 모두 {len(rows)}개예요."]
    for i, row in enumerate(rows[:max_rows]):
        ordinal = "첫" if i == 0 else read_native(i + 1)
        parts.append(f"{ordinal} 번째는 {_describe_row(columns, list(row))}.")
    if len(rows) > max_rows:
        parts.append(f"나머지 {len(rows) - max_rows}개는 화면에서 확인해 주세요.")
    return " ".join(parts)


def speech_text(text: str, table: dict[str, Any] | None = None) -> str:
    """What the assistant says aloud for an answer: the text, then a short table summary.

    Args:
        text: the answer text (as shown on screen).
        table: ``{"columns": [...], "rows": [[...]]}`` or ``None``; markdown tables inside
            ``text`` are dropped in favour of it.

    Returns:
        Normalized Korean ready for a synthesizer.
    """
    lines = [line for line in (text or "").splitlines() if not re.match(r"^\s*\|.*\|\s*$", line)]
    spoken = normalize(" ".join(lines))
    summary = normalize(summarize_table(table)) if table is not None else ""
    if spoken and summary and not spoken.endswith((".", "!", "?")):
        spoken += "."
    return " ".join(p for p in (spoken, summary) if p)
