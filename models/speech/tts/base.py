"""The ``TextToSpeech`` Protocol every synthesizer implements, and the ``Speaker`` it offers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

__all__ = ["Speaker", "TextToSpeech"]


@dataclass(frozen=True)
class Speaker:
    """One voice a user can pick.

    Attributes:
        id: the id users say and the DB stores (``users.speaker``), e.g. ``"2"``.
        name: Korean label shown and spoken, e.g. ``"남성 낮은 목소리"``.
        engine: ``"espeak"`` or ``"coqui"``.
        gender: ``"female"``, ``"male"`` or ``None`` when unknown (a trained speaker).
        rate: speaking rate relative to the engine's normal voice (1.0 = normal, >1 faster).
        pitch: pitch relative to normal (1.0 = normal, >1 higher).
    """

    id: str
    name: str
    engine: str
    gender: str | None = None
    rate: float = 1.0
    pitch: float = 1.0

    def as_dict(self) -> dict[str, str]:
        """The ``sori tts speakers --json`` row: ``{id, name, engine}``."""
        return {"id": self.id, "name": self.name, "engine": self.engine}


@runtime_checkable
class TextToSpeech(Protocol):
    """A synthesizer with one or more speakers.

    ``synthesize`` takes text already normalized for speech (``ko_normalize.speech_text``) and
    returns a complete 16-bit mono WAV file as bytes.
    """

    name: str

    def speakers(self) -> list[Speaker]:
        """The voices this engine offers, in the order users see them."""
        ...

    def synthesize(self, text: str, speaker: str | None = None) -> bytes:
        """Speak ``text`` with ``speaker`` (its ``Speaker.id``; ``None`` = the first one)."""
        ...
