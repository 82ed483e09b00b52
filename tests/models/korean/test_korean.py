"""Particles by final consonant and spoken numbers, both directions."""

import pytest

from models.korean import attach_particle, parse_number_words, read_native, read_sino


@pytest.mark.parametrize(
    ("word", "particle", "expected"),
    [
        ("책", "은/는", "책은"),
        ("영화", "은/는", "영화는"),
        ("웹툰", "을/를", "웹툰을"),
        ("드라마", "이/가", "드라마가"),
        ("서울", "으로/로", "서울로"),
        ("부산", "으로/로", "부산으로"),
        ("SQL", "은/는", "SQL은"),
        ("'기생충'", "을/를", "'기생충'을"),
        ("A549", "과/와", "A549와"),
    ],
)
def test_attach_particle(word: str, particle: str, expected: str) -> None:
    assert attach_particle(word, particle) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("평점 삼십 점 넘는 웹툰 다섯 개", "평점 30 점 넘는 웹툰 5 개"),
        ("3천 원 이하", "3000 원 이하"),
        ("2만 5천 원", "25000 원"),
        ("평점 구 점 오 이상", "평점 9.5 이상"),
        ("열 개만 보여줘", "10 개만 보여줘"),
        ("스무 편", "20 편"),
        ("이천이십 년 이후", "2020 년 이후"),
        ("조회수 백 이상", "조회수 100 이상"),
        # ordinary words that merely look like numerals stay as they are
        ("이 책은 만화야", "이 책은 만화야"),
        ("세계 영화", "세계 영화"),
        ("천천히 말해줘", "천천히 말해줘"),
        ("백화점 근처", "백화점 근처"),
        ("일요일에 볼 영화", "일요일에 볼 영화"),
        ("한국 영화 한 개", "한국 영화 1 개"),
        ("좌석 천 석 이하", "좌석 1000 석 이하"),
        ("석 달 동안", "3 달 동안"),
    ],
)
def test_parse_number_words(text: str, expected: str) -> None:
    assert parse_number_words(text) == expected


@pytest.mark.parametrize(
    ("value", "sino"),
    [
        (0, "영"),
        (10, "십"),
        (15, "십오"),
        (2024, "이천이십사"),
        (10000, "만"),
        (110000, "십일만"),
        (100000000, "일억"),
        (3.5, "삼 점 오"),
        (-2, "마이너스 이"),
    ],
)
def test_read_sino(value: float, sino: str) -> None:
    assert read_sino(value) == sino


@pytest.mark.parametrize(
    ("value", "native"), [(1, "한"), (3, "세"), (20, "스무"), (21, "스물한"), (99, "아흔아홉")]
)
def test_read_native(value: int, native: str) -> None:
    assert read_native(value) == native
