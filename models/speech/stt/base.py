"""The ``SpeechToText`` Protocol every recognizer implements, and what it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

__all__ = ["Recognition", "SpeechToText", "Transcript", "Word"]


@dataclass(frozen=True)
class Word:
    """A recognized word with its time span in the audio given to the recognizer (seconds)."""

    text: str
    start_s: float
    end_s: float
    confidence: float = 1.0


@dataclass(frozen=True)
class Recognition:
    """What a recognizer heard: the text as spoken (numbers stay words) and its words."""

    text: str
    words: tuple[Word, ...] = ()

    @property
    def confidence(self) -> float:
        """Mean word confidence (0 when nothing was heard)."""
        return float(np.mean([w.confidence for w in self.words])) if self.words else 0.0


@dataclass(frozen=True)
class Transcript:
    """One transcribed upload.

    Attributes:
        text: what was said, as spoken.
        seconds: duration of the decoded audio (before silence trimming).
        rtf: processing time (decode + VAD + recognition) / ``seconds``.
        engine: recognizer name, e.g. ``"vosk"``.
        words: word timings, relative to the trimmed audio.
        confidence: mean word confidence.
        timings_ms: per stage (``decode``, ``vad``, ``recognize``).
    """

    text: str
    seconds: float
    rtf: float
    engine: str
    words: tuple[Word, ...] = ()
    confidence: float = 0.0
    timings_ms: dict[str, float] = field(default_factory=dict)


@runtime_checkable
class SpeechToText(Protocol):
    """A recognizer of 16 kHz mono float32 audio in one language."""

    name: str
    language: str

    def recognize(self, samples: np.ndarray, sample_rate_hz: int = 16_000) -> Recognition:
        """Recognize a whole utterance (or a long recording, for ``prepare``)."""
        ...
