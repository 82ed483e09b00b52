"""Normalization keeps meaning and survives hostile text."""

import unicodedata

import pytest

from assistant.nlu import normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  로맨스\u200b 웹툰 다섯 개 추천해줘 👍 ", "로맨스 웹툰 5 개 추천해줘 좋아"),
        ("ＳＱＬ로 뽑아줘", "sql로 뽑아줘"),
        ("ㅇㅇ", "ㅇㅇ"),
        ("안녕ㅋㅋㅋㅋㅋㅋㅋㅋ", "안녕ㅋㅋㅋ"),
        (unicodedata.normalize("NFD", "한국 영화"), "한국 영화"),
        ("\x00\x07hi\u202e", "hi"),
        ("🎉🎉🎉", ""),
        ("", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_huge_text_is_cut_quickly() -> None:
    result = normalize("가" * 100_000)
    assert result.truncated and result.original_length == 100_000
    assert len(result.text) <= 2000
