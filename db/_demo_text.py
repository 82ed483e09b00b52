"""Korean titles and synopses of the demo catalog, composed from the curated word lists.

Titles are a theme's modifier + noun, unique across comics and videos. Synopses are an opening
(lead + event), a conflict and often a closing; phrases are dealt like cards, so every phrase of
a bank is used before any repeats and the corpus stays varied for morpheme embeddings.
"""

from __future__ import annotations

import random

from db._demo_phrases import OPENINGS, SYNOPSIS_BANKS
from db._demo_vocabulary import (
    GIVEN_NAMES,
    LEADS,
    SURNAMES,
    THEMES_WITHOUT_NAMES,
    THEMES_WITHOUT_TRAITS,
    TITLE_WORDS,
    TRAITS,
)

__all__ = ["SynopsisWriter", "TitleMaker"]


class TitleMaker:
    """Draws unique titles, modifier + noun, from each theme's word lists."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._queues: dict[str, list[str]] = {}
        self._used: set[str] = set()

    def take(self, theme: str) -> str:
        """Return a title of ``theme`` not handed out before."""
        if theme not in self._queues:
            modifiers, nouns = TITLE_WORDS[theme]
            queue = [f"{modifier} {noun}" for modifier in modifiers for noun in nouns]
            self._rng.shuffle(queue)
            self._queues[theme] = queue
        queue = self._queues[theme]
        while queue:
            title = queue.pop()
            if title not in self._used:
                self._used.add(title)
                return title
        raise RuntimeError(f"title word lists of {theme!r} are exhausted; add words")


def _with_particle(word: str, after_consonant: str, after_vowel: str) -> str:
    """Attach the particle form that the last syllable's final consonant calls for.

    ``db`` may not import ``models.korean`` (layers), hence this two-line version for leads,
    which always end in a Hangul syllable.
    """
    offset = ord(word[-1]) - 0xAC00  # Hangul syllables block; 28 finals per medial
    has_final = 0 <= offset < 11172 and offset % 28 != 0
    return word + (after_consonant if has_final else after_vowel)


class SynopsisWriter:
    """Writes synopses, dealing phrases like cards so every phrase of a bank gets used evenly."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._decks: dict[tuple[str, str], list[str]] = {}

    def _deal(self, theme: str, part: str, phrases: tuple[str, ...]) -> str:
        deck = self._decks.setdefault((theme, part), [])
        if not deck:
            deck.extend(phrases)
            self._rng.shuffle(deck)
        return deck.pop()

    def _lead(self, theme: str) -> str:
        """Who the story follows: a role, often with a trait, sometimes with a name."""
        rng = self._rng
        lead = self._deal(theme, "lead", LEADS[theme])
        if theme not in THEMES_WITHOUT_TRAITS and rng.random() < 0.6:
            lead = f"{rng.choice(TRAITS)} {lead}"
        if theme not in THEMES_WITHOUT_NAMES and rng.random() < 0.4:
            lead = f"{lead} {rng.choice(SURNAMES)}{rng.choice(GIVEN_NAMES)}"
        return lead

    def write(self, theme: str, second_theme: str | None) -> str:
        """Two or three sentences: opening, conflict (sometimes of the second genre), closing."""
        bank = SYNOPSIS_BANKS[theme]
        lead = self._lead(theme)
        opening = OPENINGS.get(theme, OPENINGS["기본"]).format(
            lead_subject=_with_particle(lead, "이", "가"),
            lead_with=_with_particle(lead, "과", "와"),
            event=self._deal(theme, "event", bank.events),
        )
        conflict_theme = theme
        if second_theme is not None and self._rng.random() < 0.5:
            conflict_theme = second_theme
        conflicts = SYNOPSIS_BANKS[conflict_theme].conflicts
        sentences = [opening, self._deal(conflict_theme, "conflict", conflicts)]
        if self._rng.random() < 0.65:
            sentences.append(self._deal(theme, "closing", bank.closings))
        return " ".join(sentences)
