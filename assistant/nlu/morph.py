"""Morphological analysis behind one Protocol: kiwipiepy (default, no Java) or konlpy's Okt."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import NamedTuple, Protocol

__all__ = ["Analyzer", "Morpheme", "make_analyzer"]

logger = logging.getLogger(__name__)


class Morpheme(NamedTuple):
    """A morpheme and its part-of-speech tag (Sejong-style for Kiwi, Okt's own tags for Okt)."""

    form: str
    tag: str


class Analyzer(Protocol):
    """Splits Korean text into morphemes; verbs and adjectives come back as stems."""

    name: str

    def morphemes(self, text: str) -> list[Morpheme]:
        """Analyze one text."""
        ...


class _KiwiAnalyzer:
    name = "kiwi"

    def __init__(self) -> None:
        from kiwipiepy import Kiwi

        self._kiwi = Kiwi()
        self._kiwi.tokenize("준비")  # the first call builds caches (~0.5 s); pay it at load

    def morphemes(self, text: str) -> list[Morpheme]:
        return [Morpheme(token.form, token.tag) for token in self._kiwi.tokenize(text)]


class _OktAnalyzer:
    name = "okt"

    def __init__(self) -> None:
        from konlpy.tag import Okt

        self._okt = Okt()  # starts a JVM (~4 s)
        self._okt.pos("준비")

    def morphemes(self, text: str) -> list[Morpheme]:
        return [Morpheme(form, tag) for form, tag in self._okt.pos(text, norm=True, stem=True)]


@lru_cache(maxsize=2)
def make_analyzer(name: str = "kiwi") -> Analyzer:
    """The analyzer called ``name`` (``"kiwi"`` or ``"okt"``), loaded once per process."""
    if name == "kiwi":
        return _KiwiAnalyzer()
    if name == "okt":
        return _OktAnalyzer()
    raise ValueError(f"unknown analyzer {name!r}; choose 'kiwi' or 'okt'")
