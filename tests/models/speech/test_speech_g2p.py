"""Korean pronunciation rules on jamo."""

from __future__ import annotations

import pytest

from models.speech.g2p import pronounce, pronounce_word

CASES = [
    ("국물", "궁물"),  # 비음화
    ("밥먹어", "밤머거"),  # 비음화 + 연음
    ("먹는다", "멍는다"),
    ("종로", "종노"),  # ㄹ 비음화
    ("침략", "침냑"),
    ("국립", "궁닙"),
    ("협력", "혐녁"),
    ("신라", "실라"),  # 유음화
    ("칼날", "칼랄"),
    ("같이", "가치"),  # 구개음화
    ("굳이", "구지"),
    ("닫히다", "다치다"),
    ("좋아", "조아"),  # ㅎ 탈락
    ("싫어", "시러"),
    ("않아", "아나"),
    ("좋다", "조타"),  # 격음화
    ("많고", "만코"),
    ("축하", "추카"),
    ("입학", "이팍"),
    ("밝히다", "발키다"),
    ("놓는", "논는"),
    ("학교", "학꾜"),  # 경음화
    ("국밥", "국빱"),
    ("읽다", "익따"),  # 겹받침
    ("읽고", "일꼬"),
    ("앉다", "안따"),
    ("넓다", "널따"),
    ("밟다", "밥따"),
    ("없다", "업따"),
    ("삶다", "삼따"),
    ("읽어", "일거"),  # 겹받침 연음
    ("앉아", "안자"),
    ("닭이", "달기"),
    ("값이", "갑씨"),
    ("꽃이", "꼬치"),  # 연음
    ("밖에", "바께"),
    ("있어", "이써"),
    ("부엌에", "부어케"),
    ("강아지", "강아지"),  # ㅇ stays
    ("옷", "옫"),  # 끝소리
    ("앞", "압"),
    ("희망", "히망"),
]


@pytest.mark.parametrize(("word", "spoken"), CASES)
def test_pronounce_word(word: str, spoken: str) -> None:
    assert pronounce_word(word) == spoken


def test_pronounce_keeps_spaces_and_other_characters() -> None:
    assert pronounce("국물이 좋아요. OK 3") == "궁무리 조아요. OK 3"
    assert pronounce("") == ""


def test_rules_stay_inside_a_word() -> None:
    # no liaison across the space
    assert pronounce("밥 먹어") == "밥 머거"
