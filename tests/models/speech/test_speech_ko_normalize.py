"""Korean text for speech: numbers by counter, dates, units, English, symbols, tables."""

from __future__ import annotations

import pytest

from models.speech.ko_normalize import (
    normalize,
    read_digits,
    read_english,
    speech_text,
    summarize_table,
)

CASES = [
    # native numbers before native counters
    ("3명", "세 명"),
    ("1명", "한 명"),
    ("20살", "스무 살"),
    ("21살", "스물한 살"),
    ("5개", "다섯 개"),
    ("12개예요", "열두 개예요"),
    ("3마리", "세 마리"),
    ("2시간", "두 시간"),
    ("3번 했어", "세 번 했어"),
    ("1번째", "첫 번째"),
    ("2번째", "두 번째"),
    ("2배", "두 배"),
    ("150명", "백오십 명"),
    # sino numbers
    ("2024년", "이천이십사 년"),
    ("1위", "일 위"),
    ("3층", "삼 층"),
    ("5일", "오 일"),
    ("3개월", "삼 개월"),
    ("90점", "구십 점"),
    ("3승 2패", "삼 승 이 패"),
    ("20대", "이십 대"),
    ("2번 화자", "이 번 화자"),
    ("3", "삼"),
    ("0", "영"),
    ("-3", "마이너스 삼"),
    ("3.5", "삼 점 오"),
    ("0.25", "영 점 이오"),
    ("1,234,567", "백이십삼만 사천오백육십칠"),
    # money
    ("10,000원", "만 원"),
    ("1,500원", "천오백 원"),
    ("3만 원", "삼만 원"),
    ("2억 5천만 원", "이억 오천만 원"),
    ("$5", "오 달러"),
    # time and dates
    ("3시 30분", "세 시 삼십 분"),
    ("14:05", "열네 시 오 분"),
    ("3:00", "세 시"),
    ("2024-03-05", "이천이십사 년 삼 월 오 일"),
    ("2024.12.25", "이천이십사 년 십이 월 이십오 일"),
    ("6월 10일", "유월 십 일"),
    ("10월", "시월"),
    # digit by digit
    ("010-1234-5678", "공일공 일이삼사 오육칠팔"),
    ("01012345678", "공일공일이삼사오육칠팔"),
    ("007", "공공칠"),
    # ranges, fractions, versions
    ("3~5명", "세 명에서 다섯 명"),
    ("1/2", "이 분의 일"),
    ("v1.2.3", "브이일 점 이 점 삼"),
    # units
    ("5km", "오 킬로미터"),
    ("30kg", "삼십 킬로그램"),
    ("3.5kg", "삼 점 오 킬로그램"),
    ("25℃", "이십오 도"),
    ("-5℃", "영하 오 도"),
    ("50%", "오십 퍼센트"),
    ("3.5%", "삼 점 오 퍼센트"),
    ("16GB", "십육 기가바이트"),
    ("시속 60km/h", "시속 육십 킬로미터"),
    # English
    ("SQL", "에스큐엘"),
    ("AI", "에이아이"),
    ("GPU", "지피유"),
    ("API", "에이피아이"),
    ("NASA", "나사"),
    ("webtoon", "웹툰"),
    ("model", "모델"),
    ("Python은 좋아", "파이썬은 좋아"),
    ("iPhone", "아이폰"),
    ("hello world", "헬로 월드"),
    ("banana", "바나나"),
    ("GPT-4", "지피티 포"),
    ("3D 영화", "쓰리디 영화"),
    ("K-pop", "케이팝"),
    ("5G", "파이브지"),
    # symbols, markup
    ("A&B", "에이 앤 비"),
    ("1+1", "일 플러스 일"),
    ("**굵게** 표시", "굵게 표시"),
    ("https://example.com 참고", "링크 참고"),
    ("좋아요 😀", "좋아요"),
    ("(참고) 내용", "참고, 내용"),
    # sentences
    ("SQL 모델 3개가 1위예요.", "에스큐엘 모델 세 개가 일 위예요."),
    (
        "3명이 2024-03-05 14:30에 봤어요.",
        "세 명이 이천이십사 년 삼 월 오 일 열네 시 삼십 분에 봤어요.",
    ),
]


@pytest.mark.parametrize(("text", "spoken"), CASES)
def test_normalize(text: str, spoken: str) -> None:
    assert normalize(text) == spoken


def test_enough_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("text", [text for text, _ in CASES])
def test_no_digits_or_latin_left(text: str) -> None:
    spoken = normalize(text)
    assert not any(ch.isdigit() or ("a" <= ch.lower() <= "z") for ch in spoken), spoken


def test_read_digits() -> None:
    assert read_digits("0109") == "공일공구"
    assert read_digits("05", zero="영") == "영오"


@pytest.mark.parametrize(
    ("word", "reading"),
    [("world", "월드"), ("stream", "스트림"), ("lemon", "레몬"), ("x", "엑스"), ("queen", "퀸")],
)
def test_read_english(word: str, reading: str) -> None:
    assert read_english(word) == reading


def test_table_is_summarized_not_read_cell_by_cell() -> None:
    rows = [[f"작품{i}", 9.0 + i / 10, f"장르{i}"] for i in range(12)]
    spoken = speech_text("검색 결과예요.", {"columns": ["제목", "평점", "장르"], "rows": rows})
    assert spoken.startswith("검색 결과예요. 결과는 모두 열두 개예요. 첫 번째는 작품영, 평점 구,")
    assert "세 번째는" in spoken and "네 번째는" not in spoken
    assert "나머지 아홉 개는" in spoken
    assert "작품십일" not in spoken


def test_table_summary_edge_cases() -> None:
    assert summarize_table({"columns": ["x"], "rows": []}) == "결과가 없어요."
    assert summarize_table(None) == ""
    assert (
        summarize_table({"columns": ["이름"], "rows": [["홍길동"]]})
        == "결과는 모두 1개예요. 첫 번째는 홍길동."
    )
    assert speech_text("없어요", {"columns": ["a"], "rows": []}) == "없어요. 결과가 없어요."


def test_markdown_table_lines_are_dropped() -> None:
    text = "결과입니다.\n| 제목 | 평점 |\n|---|---|\n| 신의 탑 | 9.8 |"
    assert speech_text(text, {"columns": ["제목", "평점"], "rows": [["신의 탑", 9.8]]}) == (
        "결과입니다. 결과는 모두 한 개예요. 첫 번째는 신의 탑, 평점 구 점 팔."
    )
