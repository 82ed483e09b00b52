"""Several synthesizers behind one list of speakers with app-wide ids."""

from __future__ import annotations

import logging
from dataclasses import replace

from models.speech.tts.base import Speaker, TextToSpeech

__all__ = ["SpeakerSet"]

logger = logging.getLogger(__name__)


class SpeakerSet:
    """A ``TextToSpeech`` made of engines; ids are renumbered "1", "2", … across them.

    Args:
        engines: synthesizers in display order (espeak-ng first keeps its ids "1"–"6").
        default: id of the speaker used when none (or an unknown one) is asked for;
            ``None`` = the first speaker.
    """

    name = "speakers"

    def __init__(self, engines: list[TextToSpeech], default: str | None = None) -> None:
        if not engines:
            raise ValueError("SpeakerSet needs at least one engine")
        self._routes: dict[str, tuple[TextToSpeech, str]] = {}
        self._speakers: list[Speaker] = []
        for engine in engines:
            for speaker in engine.speakers():
                app_id = str(len(self._speakers) + 1)
                self._speakers.append(replace(speaker, id=app_id))
                self._routes[app_id] = (engine, speaker.id)
        self.default = default if default in self._routes else self._speakers[0].id

    def speakers(self) -> list[Speaker]:
        """Every speaker of every engine, with app-wide ids."""
        return list(self._speakers)

    def resolve(self, speaker: str | None) -> Speaker:
        """The speaker for an id; unknown or ``None`` → the default (logged when unknown)."""
        key = str(speaker).strip() if speaker is not None else ""
        if key and key not in self._routes:
            logger.warning("unknown speaker %r, using %s", speaker, self.default)
        chosen = key if key in self._routes else self.default
        return next(s for s in self._speakers if s.id == chosen)

    def engine_of(self, speaker: str | None) -> str:
        """Name of the engine that speaks for ``speaker``."""
        return self._routes[self.resolve(speaker).id][0].name

    def synthesize(self, text: str, speaker: str | None = None) -> bytes:
        """Speak with the engine that owns ``speaker``."""
        engine, local_id = self._routes[self.resolve(speaker).id]
        return engine.synthesize(text, local_id)
