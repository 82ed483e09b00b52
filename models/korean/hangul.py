"""Hangul syllable arithmetic: final consonants, particles chosen by them, jamo decomposition."""

from __future__ import annotations

__all__ = ["attach_particle", "compose", "decompose", "final_consonant", "has_final_consonant"]

_BASE = 0xAC00
_LAST = 0xD7A3
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]

# How a Latin letter or digit ends when read aloud in Korean: True = with a final consonant
# (L → 엘, M → 엠, N → 엔, R → 알; 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔, 10 십).
_READ_WITH_FINAL = set("lmnrLMNR0136781")

# Particle pairs: (after a final consonant, after a vowel).
_PARTICLES = {
    "은/는": ("은", "는"),
    "이/가": ("이", "가"),
    "을/를": ("을", "를"),
    "과/와": ("과", "와"),
    "이랑/랑": ("이랑", "랑"),
    "으로/로": ("으로", "로"),
    "이에요/예요": ("이에요", "예요"),
    "이야/야": ("이야", "야"),
    "아/야": ("아", "야"),
    "이나/나": ("이나", "나"),
    "이면/면": ("이면", "면"),
}


def decompose(syllable: str) -> tuple[str, str, str]:
    """Split one Hangul syllable into (initial, medial, final); final is "" when open."""
    code = ord(syllable) - _BASE
    if not 0 <= code <= _LAST - _BASE:
        raise ValueError(f"not a Hangul syllable: {syllable!r}")
    initial, rest = divmod(code, 21 * 28)
    medial, final = divmod(rest, 28)
    return _INITIALS[initial], _MEDIALS[medial], _FINALS[final]


def compose(initial: str, medial: str, final: str = "") -> str:
    """Build a syllable from compatibility jamo; inverse of ``decompose``."""
    code = (_INITIALS.index(initial) * 21 + _MEDIALS.index(medial)) * 28 + _FINALS.index(final)
    return chr(_BASE + code)


def final_consonant(word: str) -> str:
    """The final consonant of the word's last syllable ("" when it ends in a vowel or is not Hangul)."""
    stripped = word.rstrip(" )]\"'.,!?")
    if not stripped:
        return ""
    last = stripped[-1]
    if _BASE <= ord(last) <= _LAST:
        return decompose(last)[2]
    return "ㄹ" if last in _READ_WITH_FINAL else ""


def has_final_consonant(word: str) -> bool:
    """True when the word ends in a closed syllable (as it is read aloud)."""
    return bool(final_consonant(word))


def attach_particle(word: str, particle: str) -> str:
    """Attach the particle form that fits the word's last sound.

    Args:
        word: e.g. "책", "웹툰", "영화", "SQL".
        particle: a pair such as "은/는", "이/가", "을/를", "으로/로".

    Returns:
        e.g. ``attach_particle("책", "은/는") == "책은"``; "으로/로" takes 로 after ㄹ ("서울로").
    """
    closed, open_ = _PARTICLES[particle]
    final = final_consonant(word)
    if particle == "으로/로" and final == "ㄹ":
        return word + open_
    return word + (closed if final else open_)
