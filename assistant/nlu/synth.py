"""Synthesize labelled training utterances from the templates in ``data/templates.yaml``.

Each example carries its intent, the dialogue context it was said in, and one BIO tag per character
of the normalized text, so the same data trains the intent head and the entity tagger. Augmentation
imitates how people type: particles chosen by the final consonant (mostly right, sometimes not),
dropped or extra spaces, jamo-level typos, missing punctuation, capital letters.
"""

from __future__ import annotations

import difflib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.nlu.normalize import normalize
from models.korean import attach_particle, compose, decompose

__all__ = ["CONTEXTS", "Example", "augment", "load_templates", "synthesize", "to_example"]

DATA = Path(__file__).parent / "data"
TEMPLATES = DATA / "templates.yaml"
# What the assistant did last: asked a yes/no question or for a missing value, or showed the answer
# of a skill (recommended items, an SQL table, drug responses, model registry rows), or changed
# the voice. Short follow-ups ("작가도 알려줘", "그럼 PTQ는?", "3번") mean what the context says.
CONTEXTS = (
    "none",
    "asked_yes_no",
    "showed_items",
    "showed_table",
    "asked_slot",
    "changed_speaker",
    "showed_drug",
    "showed_quant",
)
_PARTICLE_PAIRS = {
    frozenset(("이", "가")): "이/가",
    frozenset(("은", "는")): "은/는",
    frozenset(("을", "를")): "을/를",
    frozenset(("과", "와")): "과/와",
    frozenset(("으로", "로")): "으로/로",
    frozenset(("이랑", "랑")): "이랑/랑",
}
# Which contexts an intent's template utterances are said in (the rest: "none" or any).
_CONTEXT_BIAS = {
    "affirm": ("asked_yes_no", "changed_speaker"),
    "deny": ("asked_yes_no", "asked_slot"),
    "feedback_like": ("showed_items",),
    "feedback_dislike": ("showed_items",),
    "feedback_seen": ("showed_items",),
    "more": ("showed_items", "showed_table"),
    "set_speaker": ("changed_speaker",),
    "ask_sql": ("showed_table",),
    "drug_lookup": ("showed_drug",),
    "quant_info": ("showed_quant",),
}


@dataclass(frozen=True)
class Example:
    """One training utterance: normalized text, intent, context and per-character BIO tags."""

    text: str
    intent: str
    context: str
    tags: tuple[str, ...]


@lru_cache(maxsize=4)
def load_templates(path: Path = TEMPLATES) -> dict:
    """Read and check the template file (every referenced slot and phrase group must exist)."""
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("entity_slots", "slots", "phrases", "intents", "contextual"):
        if key not in spec:
            raise ValueError(f"{path}: missing top-level key {key!r}")
    return spec


class _Expander:
    """Expands one pattern into characters with BIO tags."""

    def __init__(self, spec: dict, rng: random.Random) -> None:
        self.spec, self.rng = spec, rng

    def expand(self, pattern: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        self._expand_into(pattern, out)
        return out

    def _expand_into(self, pattern: str, out: list[tuple[str, str]]) -> None:
        i = 0
        while i < len(pattern):
            ch = pattern[i]
            if ch == "(":
                end = _matching(pattern, i, "(", ")")
                options = _split_top(pattern[i + 1 : end])
                pair = _PARTICLE_PAIRS.get(frozenset(options))
                text_so_far = "".join(c for c, _ in out).rstrip()
                if pair and text_so_far and self.rng.random() < 0.9:
                    word = text_so_far.split(" ")[-1]
                    chosen = attach_particle(word, pair)[len(word) :]
                    out.extend((c, "O") for c in chosen)
                else:
                    self._expand_into(self.rng.choice(options), out)
                i = end + 1
            elif ch == "{":
                end = pattern.index("}", i)
                self._fill_slot(pattern[i + 1 : end], out)
                i = end + 1
            elif ch == "<":
                end = pattern.index(">", i)
                self._expand_into(self.rng.choice(self.spec["phrases"][pattern[i + 1 : end]]), out)
                i = end + 1
            else:
                out.append((ch, "O"))
                i += 1

    def _fill_slot(self, body: str, out: list[tuple[str, str]]) -> None:
        name, _, particle = body.partition(":")
        optional = name.endswith("?")
        name = name.rstrip("?")
        if optional and self.rng.random() < 0.5:
            return
        value = str(self.rng.choice(self.spec["slots"][name]))
        entity = self.spec["entity_slots"].get(name)
        for k, c in enumerate(value):
            tag = (
                "O"
                if entity is None or c == " " and k == 0
                else ("B-" if k == 0 else "I-") + entity
            )
            out.append((c, tag))
        if particle:
            out.extend((c, "O") for c in attach_particle(value, particle)[len(value) :])


def _matching(text: str, start: int, open_: str, close: str) -> int:
    depth = 0
    for i in range(start, len(text)):
        depth += text[i] == open_
        depth -= text[i] == close
        if depth == 0:
            return i
    raise ValueError(f"unbalanced {open_} in {text!r}")


def _split_top(body: str) -> list[str]:
    parts, depth, current = [], 0, []
    for ch in body:
        if ch in "({<":
            depth += 1
        elif ch in ")}>":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


_TYPO_VOWELS = {
    "ㅓ": "ㅕ",
    "ㅕ": "ㅓ",
    "ㅐ": "ㅔ",
    "ㅔ": "ㅐ",
    "ㅗ": "ㅛ",
    "ㅜ": "ㅠ",
    "ㅏ": "ㅑ",
    "ㅡ": "ㅜ",
}


def _typo(chars: list[tuple[str, str]], rng: random.Random) -> list[tuple[str, str]]:
    """One keyboard-like slip: a vowel swapped, a final consonant dropped, or a syllable doubled."""
    hangul = [i for i, (c, _) in enumerate(chars) if "가" <= c <= "힣"]
    if not hangul:
        return chars
    i = rng.choice(hangul)
    initial, medial, final = decompose(chars[i][0])
    roll = rng.random()
    if roll < 0.55 and medial in _TYPO_VOWELS:
        chars[i] = (compose(initial, _TYPO_VOWELS[medial], final), chars[i][1])
    elif roll < 0.9 and final:
        chars[i] = (compose(initial, medial), chars[i][1])
    elif roll < 0.9:
        chars[i] = (compose(initial, medial, "ㄴ"), chars[i][1])
    else:
        chars.insert(i + 1, (chars[i][0], "O" if chars[i][1] == "O" else "I-" + chars[i][1][2:]))
    return chars


def augment(chars: list[tuple[str, str]], rng: random.Random) -> list[tuple[str, str]]:
    """Imitate typing: spaces dropped, a typo, final punctuation dropped, capitals."""
    roll = rng.random()
    if roll < 0.12:  # no spaces at all: "볼만한웹툰추천좀"
        chars = [(c, t) for c, t in chars if c != " "]
    elif roll < 0.3:  # some spaces dropped
        chars = [(c, t) for c, t in chars if c != " " or rng.random() < 0.6]
    if rng.random() < 0.12:
        chars = _typo(chars, rng)
    if chars and chars[-1][0] in "?!." and rng.random() < 0.3:
        chars = chars[:-1]
    if rng.random() < 0.05:
        chars = [(c.upper(), t) for c, t in chars]
    return chars


def to_example(chars: list[tuple[str, str]], intent: str, context: str) -> Example | None:
    """Normalize tagged characters into an example, carrying the tags across the normalization."""
    raw = "".join(c for c, _ in chars)
    text = normalize(raw).text
    if not text:
        return None
    tags = ["O"] * len(text)
    matcher = difflib.SequenceMatcher(a=raw.lower(), b=text, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            tags[b0:b1] = [chars[a0 + k][1] for k in range(b1 - b0)]
        elif op == "replace":  # "다섯" → "5": keep the entity over the replaced stretch
            source = [t for _, t in chars[a0:a1] if t != "O"]
            if source:
                entity = source[0][2:]
                first = "B-" if chars[a0][1].startswith("B-") else "I-"
                tags[b0:b1] = [first + entity] + ["I-" + entity] * (b1 - b0 - 1)
    for k, tag in enumerate(tags):  # a stretch may start mid-entity after a deletion
        if tag.startswith("I-") and (k == 0 or tags[k - 1] == "O"):
            tags[k] = "B-" + tag[2:]
    return Example(text=text, intent=intent, context=context, tags=tuple(tags))


def _context_for(intent: str, rng: random.Random) -> str:
    biased = _CONTEXT_BIAS.get(intent)
    roll = rng.random()
    if biased and roll < 0.45:
        return rng.choice(biased)
    return "none" if roll < 0.75 else rng.choice(CONTEXTS)


def synthesize(
    per_intent: int, seed: int, path: Path = TEMPLATES, contextual_copies: int = 6
) -> Iterator[Example]:
    """Yield deduplicated examples: ``per_intent`` attempts per intent plus the contextual set.

    Args:
        per_intent: expansions tried per intent (duplicates are dropped, so fewer may come out).
        seed: random seed; the same seed gives the same examples.
        path: the template file.
        contextual_copies: augmented copies of each context-dependent utterance.
    """
    spec = load_templates(path)
    rng = random.Random(seed)
    expander = _Expander(spec, rng)
    seen: set[tuple[str, str, str]] = set()
    for intent, patterns in spec["intents"].items():
        for _ in range(per_intent):
            chars = augment(expander.expand(rng.choice(patterns)), rng)
            example = to_example(chars, intent, _context_for(intent, rng))
            if example and (example.text, example.intent, example.context) not in seen:
                seen.add((example.text, example.intent, example.context))
                yield example
    for group in spec["contextual"]:
        for _ in range(contextual_copies * 4 if group.get("patterns") else 0):
            chars = augment(expander.expand(rng.choice(group["patterns"])), rng)
            example = to_example(chars, group["intent"], group["context"])
            if example and (example.text, example.intent, example.context) not in seen:
                seen.add((example.text, example.intent, example.context))
                yield example
        for text in group.get("texts", []):
            for copy in range(contextual_copies):
                chars = [(c, "O") for c in str(text)]
                chars = chars if copy == 0 else augment(chars, rng)
                example = to_example(chars, group["intent"], group["context"])
                if example and (example.text, example.intent, example.context) not in seen:
                    seen.add((example.text, example.intent, example.context))
                    yield example
