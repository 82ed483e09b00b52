"""Features of an utterance for the intent and entity models, hashed into fixed-size id spaces.

Intent features are a bag of character n-grams (with and without spaces, so "볼만한웹툰" and
"볼만한 웹툰" share most of them), jamo trigrams (a typo changes one jamo, not a whole syllable),
words, and morphemes with coarse tags (verb and adjective stems survive any ending:
추천해줘/추천해 주실래요 → 추천/NN 하/XS). Tagger features are per character: the character, its
left and right bigrams, and which gazetteer entity types cover it.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

from assistant.nlu.morph import Analyzer
from models.korean import decompose

__all__ = ["ENTITY_TYPES", "char_features", "hash_ids", "ngram_features"]

ENTITY_TYPES = (
    "kind",
    "genre",
    "title",
    "count",
    "cell_line",
    "drug",
    "speaker",
    "bits",
    "method",
    "model",
    "ordinal",
)


def _jamo(text: str) -> str:
    out = []
    for ch in text:
        if "가" <= ch <= "힣":
            out.extend(decompose(ch))
        else:
            out.append(ch)
    return "".join(out)


def ngram_features(text: str, analyzer: Analyzer) -> list[str]:
    """String features of a normalized utterance (hash them with ``hash_ids``)."""
    features: list[str] = []
    compact = f"^{text.replace(' ', '')}$"
    for n in (1, 2, 3):
        features.extend(f"c{n}:{compact[i : i + n]}" for i in range(len(compact) - n + 1))
    spaced = f"^{text}$"
    features.extend(f"s4:{spaced[i : i + 4]}" for i in range(len(spaced) - 3))
    jamo = _jamo(compact)
    features.extend(f"j3:{jamo[i : i + 3]}" for i in range(len(jamo) - 2))
    words = text.split()
    features.extend(f"w:{w}" for w in words)
    features.extend(f"w2:{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    morphemes = analyzer.morphemes(text) if text else []
    stems = [f"{m.form}/{m.tag[:2]}" for m in morphemes]
    features.extend(f"m:{s}" for s in stems)
    features.extend(f"m2:{a}_{b}" for a, b in zip(stems, stems[1:], strict=False))
    features.append(f"len:{min(len(text) // 4, 12)}")
    return features


def hash_ids(features: Sequence[str], buckets: int) -> list[int]:
    """Stable ids in ``[0, buckets)``; crc32 does not change between processes (unlike ``hash``)."""
    return [zlib.crc32(f.encode("utf-8")) % buckets for f in features]


def char_features(text: str, buckets: int) -> list[tuple[int, int, int]]:
    """Per character: hashed ids of the character, its left bigram and its right bigram."""
    padded = f"^{text}$"
    out = []
    for i in range(1, len(padded) - 1):
        ch = padded[i]
        out.append(
            (
                zlib.crc32(f"c:{ch}".encode()) % buckets,
                zlib.crc32(f"l:{padded[i - 1 : i + 1]}".encode()) % buckets,
                zlib.crc32(f"r:{padded[i : i + 2]}".encode()) % buckets,
            )
        )
    return out
