"""Cue tags: the words that flip a query's meaning carry the same tag in any sentence."""

from __future__ import annotations

import pytest

from models.seq2sql.features import CUE_TAGS, cue_tags


@pytest.mark.parametrize(
    ("question", "word", "cue"),
    [
        ("주차 안 되는 곳", "안", "neg"),
        ("아무도 안 간 코스", "안", "neg"),
        ("세 시간 안에 끝나는 코스", "안에", "le"),
        ("5 km 이내인 길", "이내", "le"),
        ("평점 9점 넘는 웹툰", "넘", "gt"),
    ],
)
def test_cue_words_are_tagged(question: str, word: str, cue: str) -> None:
    tags = cue_tags(question)
    start = question.index(word)
    assert {CUE_TAGS[t] for t in tags[start : start + len(word)]} == {cue}
