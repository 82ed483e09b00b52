"""The answer of one turn (the turn contract of ARCHITECTURE.md)."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Reply"]


@dataclass
class Reply:
    """What the assistant says and shows for one turn.

    Attributes:
        text: the answer in Korean.
        intent: the intent the NLU gave the turn (``None`` when no text reached the NLU).
        confidence: the NLU's probability of ``intent``.
        skill: the action that answered (``None`` for clarifications and errors).
        sql: the SQL that ran, if any.
        table: ``{"columns": [...], "rows": [[...]]}`` or ``None``.
        items: recommended items ``[{id, title, score, why, ...}]``.
        figure: a chart description for numeric group-by results.
        timings_ms: milliseconds per stage (stt, nlu, policy, skill, db, tts, total).
        transcript: what speech-to-text heard, for voice turns.
        audio: WAV bytes of the spoken answer when voice is on.
        speaker: the TTS speaker that read it.
        entities: entities the NLU found.
        error: a machine-readable error code when the turn could not be handled normally.
    """

    text: str
    intent: str | None = None
    confidence: float | None = None
    skill: str | None = None
    sql: str | None = None
    table: dict[str, Any] | None = None
    items: list[dict[str, Any]] = field(default_factory=list)
    figure: dict[str, Any] | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    transcript: str | None = None
    audio: bytes | None = None
    speaker: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None

    def to_json(self, with_audio: bool = False) -> dict[str, Any]:
        """The ``sori say --json`` / ``POST /api/chat`` object (CLI.md)."""
        out: dict[str, Any] = {
            "text": self.text,
            "intent": self.intent,
            "confidence": self.confidence,
            "skill": self.skill,
            "sql": self.sql,
            "table": self.table,
            "items": self.items,
            "entities": self.entities,
            "timings_ms": self.timings_ms,
            "error": self.error,
        }
        if self.transcript is not None:
            out["transcript"] = self.transcript
        if with_audio:
            out["audio"] = base64.b64encode(self.audio).decode() if self.audio else None
            out["speaker"] = self.speaker
        return out
