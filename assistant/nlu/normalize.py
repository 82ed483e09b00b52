"""Text normalization before understanding: Unicode, invisible characters, spacing, spoken numbers.

The same function runs on training utterances and on live input, so the model never sees a form
at serving time that training did not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from assistant import constants
from models.korean import parse_number_words

__all__ = ["Normalized", "normalize"]

# Zero-width and bidi controls, BOM, soft hyphen, variation selectors: invisible, never meaningful.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
_SPACES = re.compile(r"\s+")
# Emoji that carry a reaction are kept as words; other pictographs are dropped.
_EMOJI_WORDS = {
    "👍": " 좋아 ",
    "👎": " 별로 ",
    "❤": " 좋아 ",
    "😍": " 좋아 ",
    "😡": " 별로 ",
    "🙏": " 부탁해 ",
    "👋": " 안녕 ",
}
_REPEATS = re.compile(r"(.)\1{3,}")  # "ㅋㅋㅋㅋㅋㅋ" → "ㅋㅋㅋ", "!!!!!" → "!!!"
# NFKC would turn compatibility jamo (ㅇㅇ, ㅋㅋ, ㄴㄴ) into conjoining jamo; keep them as typed.
_COMPAT_JAMO = re.compile("([\u3131-\u318e]+)")


def _nfkc_keeping_jamo(text: str) -> str:
    parts = _COMPAT_JAMO.split(text)
    return "".join(
        part if i % 2 else unicodedata.normalize("NFKC", part) for i, part in enumerate(parts)
    )


@dataclass(frozen=True)
class Normalized:
    """The text the model reads, and whether the input had to be cut."""

    text: str
    truncated: bool = False
    original_length: int = 0


def _is_pictograph(ch: str) -> bool:
    return unicodedata.category(ch) in ("So", "Cs", "Co", "Cn") and not ("\u3131" <= ch <= "\u318e")


def normalize(text: str, max_chars: int = constants.MAX_TEXT_CHARS) -> Normalized:
    """Normalize user text for the NLU.

    NFKC (full-width → ASCII, compatibility jamo kept), invisible characters removed, control
    characters turned to spaces, reaction emoji to words, other pictographs dropped, long runs of one
    character shortened, Latin lower-cased, spoken numerals to digits ("다섯 개" → "5 개"),
    whitespace collapsed, and the result cut to ``max_chars``.

    Example:
        >>> normalize("  로맨스\u200b 웹툰 다섯 개 추천해줘 👍 ").text
        '로맨스 웹툰 5 개 추천해줘 좋아'
    """
    original_length = len(text)
    truncated = original_length > max_chars * 4
    if truncated:  # cut early so a 100k-character paste costs nothing below
        text = text[: max_chars * 4]
    text = _nfkc_keeping_jamo(text)
    text = _INVISIBLE.sub("", text)
    for emoji, word in _EMOJI_WORDS.items():
        text = text.replace(emoji, word)
    text = "".join(
        " " if unicodedata.category(ch) == "Cc" else ("" if _is_pictograph(ch) else ch)
        for ch in text
    )
    text = _REPEATS.sub(r"\1\1\1", text)
    text = _SPACES.sub(" ", text).strip().lower()
    text = parse_number_words(text)
    if len(text) > max_chars:
        text, truncated = text[:max_chars].rstrip(), True
    return Normalized(text=text, truncated=truncated, original_length=original_length)
