"""The voice around a turn: upload → text (STT), and answer → speech (TTS), streamed by sentence.

``VoicePipeline`` is built from ``Settings`` once per process; engines load on first use and are
reused (Vosk's Korean model takes ~2 s and 300 MB). The dialogue manager calls:

    transcript = voice.transcribe(audio_bytes, "rec.webm")  # text, seconds, rtf, engine
    for wav in voice.synthesize_stream(reply.text, speaker):    # one WAV per sentence, first first
        send(wav)
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator
from typing import Any

from assistant.settings import Settings
from models.speech import (
    EspeakTTS,
    Speaker,
    SpeakerSet,
    SpeechToText,
    TextToSpeech,
    Transcript,
    make_stt,
    speech_text,
    transcribe,
)

__all__ = ["VoicePipeline", "split_sentences"]

logger = logging.getLogger(__name__)

# A first sentence longer than this is cut at a comma so the first audio comes sooner.
_FIRST_CHUNK_CHARS = 40


def split_sentences(text: str, first_chunk_chars: int = _FIRST_CHUNK_CHARS) -> list[str]:
    """Split spoken text into sentences; a long first sentence is cut at its first comma.

    Example:
        >>> split_sentences("네, 알겠어요. 결과는 모두 세 개예요. 첫 번째는 신의 탑.")
        ['네, 알겠어요.', '결과는 모두 세 개예요.', '첫 번째는 신의 탑.']
    """
    parts = [p.strip() for p in re.split(r"(?<=[.!?。])\s+|\n+", text) if p and p.strip()]
    if parts and len(parts[0]) > first_chunk_chars and "," in parts[0][:-1]:
        head, _, tail = parts[0].partition(",")
        if len(head) >= 4 and tail.strip():
            parts[0:1] = [head.strip() + ",", tail.strip()]
    return parts


class VoicePipeline:
    """STT and multi-speaker TTS for the assistant.

    Args:
        settings: ``stt_engine``/``stt_model_dir`` pick the recognizer, ``tts_engine``/
            ``tts_model_dir`` the default voice; ``home`` holds caches.
        stt: a recognizer to use instead (tests, benchmarks).
        tts: a synthesizer to use instead.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        stt: SpeechToText | None = None,
        tts: TextToSpeech | None = None,
    ) -> None:
        self.settings = settings
        self._stt = stt
        self._tts = tts
        self._lock = threading.Lock()

    # ------------------------------------------------------------ engines
    @property
    def stt(self) -> SpeechToText:
        """The recognizer (loaded on first use)."""
        with self._lock:
            if self._stt is None:
                self._stt = make_stt(
                    self.settings.stt_engine,
                    self.settings.stt_model_dir,
                    cache_dir=self.settings.model_dir / "speech"
                    if self.settings.stt_engine == "vosk"
                    else None,
                )
        return self._stt

    @property
    def tts(self) -> TextToSpeech:
        """All speakers: espeak-ng's, then a Coqui model's when ``tts_model_dir`` is set."""
        with self._lock:
            if self._tts is None:
                engines: list[TextToSpeech] = [EspeakTTS()]
                default = "1"
                if self.settings.tts_model_dir is not None:
                    from models.speech.tts.coqui import CoquiTTS

                    engines.append(CoquiTTS(self.settings.tts_model_dir))
                    if self.settings.tts_engine == "coqui":
                        default = str(len(engines[0].speakers()) + 1)
                elif self.settings.tts_engine == "coqui":
                    logger.warning("tts_engine=coqui but no SORI_TTS_MODEL_DIR; using espeak-ng")
                self._tts = SpeakerSet(engines, default=default)
        return self._tts

    def warm_up(self) -> float:
        """Load the engines and decode one spoken phrase; returns the seconds it took.

        Vosk's first utterance on a recognizer costs ~2 s more than the next ones (its
        lookahead graph cache fills), so a server calls this once before taking users.
        """
        started = time.perf_counter()
        default = self.resolve_speaker(None).id
        wav = self.tts.synthesize("안녕하세요. 무엇을 도와 드릴까요?", default)
        self.transcribe(wav, "warmup.wav")
        return time.perf_counter() - started

    # ------------------------------------------------------------ verbs
    def transcribe(self, audio: bytes, filename: str | None = None) -> Transcript:
        """Recognize an upload (any format); raises an ``AudioError`` subclass for bad audio."""
        return transcribe(self.stt, audio, filename)

    def speakers(self) -> list[Speaker]:
        """Every voice users can pick."""
        return self.tts.speakers()

    def resolve_speaker(self, speaker: str | None) -> Speaker:
        """The speaker that will speak for ``speaker`` (unknown or ``None`` → default)."""
        tts = self.tts
        if isinstance(tts, SpeakerSet):
            return tts.resolve(speaker)
        found = {s.id: s for s in tts.speakers()}
        return found.get(str(speaker), tts.speakers()[0])

    def speech_text(self, text: str, table: dict[str, Any] | None = None) -> str:
        """The answer as it is said aloud (numbers, English, table summary spelled out)."""
        return speech_text(text, table)

    def synthesize(
        self, text: str, speaker: str | None = None, *, table: dict[str, Any] | None = None
    ) -> bytes:
        """One WAV of the whole answer."""
        spoken = speech_text(text, table)
        return self.tts.synthesize(spoken or ".", self.resolve_speaker(speaker).id)

    def synthesize_stream(
        self, text: str, speaker: str | None = None, *, table: dict[str, Any] | None = None
    ) -> Iterator[bytes]:
        """One WAV per sentence, yielded as soon as it is made (first sentence first)."""
        chosen = self.resolve_speaker(speaker).id
        for sentence in split_sentences(speech_text(text, table)):
            yield self.tts.synthesize(sentence, chosen)
