"""Entities: a gazetteer of known surface forms, and resolution of tagged spans to canonical values.

The gazetteer holds the closed vocabularies of ``data/entities.yaml`` and the entity slot values of
the templates, plus values read from the database at start-up (titles, cell lines, drugs). It feeds
the tagger (which types cover each character) and backs it up: a closed-vocabulary match the tagger
missed still becomes an entity.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.nlu.features import ENTITY_TYPES

__all__ = ["Entity", "Gazetteer", "load_base_entries"]

DATA = Path(__file__).parent / "data"
# Types whose whole vocabulary is in the gazetteer: a match counts even when the tagger is silent.
_CLOSED_TYPES = ("kind", "genre", "bits", "method", "model", "cell_line", "drug")
_MIN_TITLE_CHARS = 3  # two-syllable titles ("괴물") are ordinary words too often
_ORDINALS = {"첫": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "마지막": -1, "맨 위": 1, "맨위": 1}


@dataclass(frozen=True)
class Entity:
    """An entity in the normalized text: type, canonical value, surface form, character span."""

    type: str
    value: object
    text: str
    start: int
    end: int

    def as_dict(self) -> dict:
        """The rasa-style entity dict (``entity``, ``value``, ``start``, ``end``, ``text``)."""
        return {
            "entity": self.type,
            "value": self.value,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text.lower())


@lru_cache(maxsize=2)
def load_base_entries(templates_path: Path | None = None) -> tuple[tuple[str, str, str], ...]:
    """(type, surface, canonical) from ``entities.yaml`` and the templates' entity slots."""
    from assistant.nlu.synth import TEMPLATES, load_templates

    entries = []
    for entity_type, groups in yaml.safe_load((DATA / "entities.yaml").read_text("utf-8")).items():
        for canonical, surfaces in groups.items():
            entries.extend((entity_type, str(s), str(canonical)) for s in [canonical, *surfaces])
    spec = load_templates(templates_path or TEMPLATES)
    for slot, entity_type in spec["entity_slots"].items():
        if entity_type in ("count", "ordinal", "speaker"):
            continue  # resolved by rules, not by lookup
        entries.extend((entity_type, str(v), str(v)) for v in spec["slots"][slot])
    return tuple(entries)


class Gazetteer:
    """Finds known entity surface forms in text, ignoring spaces and case."""

    def __init__(self, entries: Iterable[tuple[str, str, str]]) -> None:
        self._canonical: dict[str, dict[str, str]] = defaultdict(dict)
        index: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for entity_type, surface, canonical in entries:
            key = _compact(surface)
            min_chars = _MIN_TITLE_CHARS if entity_type == "title" else 2
            if len(key) < min_chars or key.isdigit():
                continue
            if key not in self._canonical[entity_type]:
                self._canonical[entity_type][key] = canonical
                index[key[:2]].append((key, entity_type))
        self._index = {k: sorted(v, key=lambda e: -len(e[0])) for k, v in index.items()}

    def with_values(self, entity_type: str, values: Iterable[str]) -> Gazetteer:
        """A new gazetteer that also knows ``values`` (e.g. titles from the database)."""
        entries = [
            (t, key, canonical)
            for t, table in self._canonical.items()
            for key, canonical in table.items()
        ]
        entries.extend((entity_type, v, v) for v in values)
        return Gazetteer(entries)

    def matches(self, text: str) -> list[tuple[int, int, str]]:
        """Every (start, end, type) in ``text`` where a known form occurs, longest first at a position."""
        positions = [i for i, ch in enumerate(text) if not ch.isspace()]
        compact = "".join(text[i] for i in positions).lower()
        found = []
        for i in range(len(compact) - 1):
            for key, entity_type in self._index.get(compact[i : i + 2], ()):
                if compact.startswith(key, i):
                    found.append((positions[i], positions[i + len(key) - 1] + 1, entity_type))
        return found

    def coverage(self, text: str, keep: float = 1.0, rng=None) -> list[list[float]]:  # noqa: ANN001
        """Per character, a 0/1 vector over ``ENTITY_TYPES``: does a known form of that type cover it?

        ``keep`` < 1 drops each match with probability ``1 - keep`` (training, so the tagger
        learns to find entities the gazetteer does not know).
        """
        grid = [[0.0] * len(ENTITY_TYPES) for _ in text]
        for start, end, entity_type in self.matches(text):
            if keep < 1.0 and rng is not None and rng.random() > keep:
                continue
            column = ENTITY_TYPES.index(entity_type)
            for i in range(start, end):
                grid[i][column] = 1.0
        return grid

    def canonical(self, entity_type: str, surface: str) -> str | None:
        """The canonical value of a surface form, exactly or by a close spelling; None if unknown."""
        table = self._canonical.get(entity_type, {})
        key = _compact(surface)
        if key in table:
            return table[key]
        close = difflib.get_close_matches(key, table.keys(), n=1, cutoff=0.75)
        return table[close[0]] if close else None

    def resolve(self, entity_type: str, surface: str) -> object:
        """Turn a tagged span into the value skills use (ints for counts, canonical names…)."""
        if entity_type in ("count", "bits"):
            digits = re.search(r"\d+", surface)
            return int(digits.group()) if digits else None
        if entity_type == "ordinal":
            digits = re.search(r"\d+", surface)
            if digits:
                return int(digits.group())
            for word, value in _ORDINALS.items():
                if word in surface:
                    return value
            return None
        if entity_type == "speaker":
            digits = re.search(r"\d+", surface)
            return digits.group() if digits else (self.canonical("speaker", surface) or surface)
        return self.canonical(entity_type, surface) or surface.strip()

    def closed_matches(self, text: str) -> list[tuple[int, int, str]]:
        """Matches of closed-vocabulary types whose span has exactly one type (unambiguous)."""
        by_span: dict[tuple[int, int], set[str]] = defaultdict(set)
        for start, end, entity_type in self.matches(text):
            if entity_type in _CLOSED_TYPES:
                by_span[(start, end)].add(entity_type)
        return [(s, e, next(iter(types))) for (s, e), types in by_span.items() if len(types) == 1]
