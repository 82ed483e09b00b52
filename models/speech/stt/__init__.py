"""Speech to text: the ``SpeechToText`` Protocol, its engines, and ``transcribe`` for uploads."""

from __future__ import annotations

import time
from pathlib import Path

from models.errors import EngineUnavailableError
from models.speech.audio import MAX_SPEECH_SECONDS, decode_audio, trim_silence
from models.speech.stt.base import Recognition, SpeechToText, Transcript, Word

__all__ = ["Recognition", "SpeechToText", "Transcript", "Word", "make_stt", "transcribe"]


def make_stt(
    engine: str = "vosk",
    model_dir: str | Path | None = None,
    language: str | None = None,
    **options: object,
) -> SpeechToText:
    """Build a recognizer by name.

    Args:
        engine: ``"vosk"`` (Korean by default), ``"pocketsphinx"`` (English) or ``"speechbrain"``.
        model_dir: a model folder (Vosk: optional; speechbrain: required).
        language: ``"ko"`` or ``"en"``; ``"en"`` with ``vosk`` and no model dir picks pocketsphinx.
        **options: engine options (``decoder``, ``chunk_seconds``, ``cache_dir``, …).
    """
    if engine == "vosk" and language == "en" and model_dir is None:
        engine = "pocketsphinx"
    if engine == "vosk":
        from models.speech.stt.vosk import VoskSTT

        return VoskSTT(model_dir, language=language or "ko", **options)  # type: ignore[arg-type]
    if engine == "pocketsphinx":
        from models.speech.stt.pocketsphinx import PocketsphinxSTT

        return PocketsphinxSTT(**options)  # type: ignore[arg-type]
    if engine == "speechbrain":
        from models.speech.stt.speechbrain import SpeechbrainSTT

        return SpeechbrainSTT(model_dir, language=language or "ko")
    raise EngineUnavailableError(f"unknown STT engine {engine!r} (vosk, pocketsphinx, speechbrain)")


def transcribe(
    stt: SpeechToText,
    data: bytes,
    filename: str | None = None,
    *,
    vad: bool = True,
    max_seconds: float = MAX_SPEECH_SECONDS,
) -> Transcript:
    """Decode an upload, trim silence and recognize it.

    Raises:
        AudioError: the subclass saying what is wrong with the upload (Korean ``user_message``).
    """
    started = time.perf_counter()
    audio = decode_audio(data, filename, max_seconds=max_seconds)
    decoded = time.perf_counter()
    speech = trim_silence(audio) if vad else audio
    trimmed = time.perf_counter()
    result = stt.recognize(speech.samples, speech.sample_rate_hz)
    done = time.perf_counter()
    return Transcript(
        text=result.text,
        seconds=audio.seconds,
        rtf=(done - started) / max(audio.seconds, 1e-6),
        engine=stt.name,
        words=result.words,
        confidence=result.confidence,
        timings_ms={
            "decode": (decoded - started) * 1e3,
            "vad": (trimmed - decoded) * 1e3,
            "recognize": (done - trimmed) * 1e3,
        },
    )
