"""Gazetteer matching ignores spaces and case; resolution gives the values skills use."""

import pytest

from assistant.nlu.entities import Gazetteer, load_base_entries


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(load_base_entries()).with_values("title", ["나 혼자만 레벨업", "기생충"])


def test_matches_without_spaces(gazetteer: Gazetteer) -> None:
    types = {t for _, _, t in gazetteer.matches("나혼자만레벨업 같은 로맨스 웹툰")}
    assert {"title", "genre", "kind"} <= types


@pytest.mark.parametrize(
    ("entity_type", "surface", "value"),
    [
        ("kind", "webtoon", "comic"),
        ("kind", "만화", "comic"),
        ("kind", "영화", "video"),
        ("genre", "로판", "로맨스 판타지"),
        ("genre", "호러", "공포"),
        ("method", "양자화 인식 학습", "qat"),
        ("bits", "4비트", 4),
        ("count", "5 개", 5),
        ("ordinal", "두 번째", 2),
        ("ordinal", "마지막", -1),
        ("speaker", "2번", "2"),
        ("speaker", "여자 목소리", "female"),
    ],
)
def test_resolve(gazetteer: Gazetteer, entity_type: str, surface: str, value: object) -> None:
    assert gazetteer.resolve(entity_type, surface) == value


def test_closed_matches_skip_ambiguous_spans(gazetteer: Gazetteer) -> None:
    # "드라마" is both a kind (video) and a genre: the tagger decides, not the dictionary.
    spans = gazetteer.closed_matches("드라마")
    assert spans == []
