"""espeak-ng Korean as a multi-speaker synthesizer: voice variants, pitch and rate per speaker.

espeak-ng is a formant synthesizer: robotic, but instant (RTF ≈ 0.01) and offline. Text goes
through ``g2p.pronounce`` first (espeak-ng's Korean rules do not nasalize, lateralize or tensify)
and is passed on stdin, never on the command line.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from dataclasses import dataclass

from models.errors import EngineUnavailableError, ModelError
from models.speech.audio import read_wav, to_wav_bytes
from models.speech.g2p import pronounce
from models.speech.tts.base import Speaker

__all__ = ["ESPEAK_SPEAKERS", "ESPEAK_TIMEOUT_S", "EspeakTTS"]

logger = logging.getLogger(__name__)

ESPEAK_TIMEOUT_S = 20.0
_MAX_TEXT_CHARS = 5000  # about five minutes of speech; longer answers are cut


@dataclass(frozen=True)
class _Voice:
    speaker: Speaker
    variant: str  # espeak-ng voice variant (!v/<name>)
    pitch: int  # 0-99, espeak default 50
    rate_wpm: int  # words per minute, espeak default 175


_NORMAL_RATE, _NORMAL_PITCH = 165, 50
_VOICES = [
    _Voice(Speaker("1", "여성 (기본)", "espeak", "female"), "f3", 55, 165),
    _Voice(Speaker("2", "남성 낮은 목소리", "espeak", "male"), "m3", 25, 150),
    _Voice(Speaker("3", "여성 빠른 목소리", "espeak", "female"), "f4", 70, 220),
    _Voice(Speaker("4", "남성 느린 목소리", "espeak", "male"), "m1", 40, 120),
    _Voice(Speaker("5", "여성 높은 목소리", "espeak", "female"), "f2", 85, 170),
    _Voice(Speaker("6", "남성 빠른 목소리", "espeak", "male"), "m7", 45, 210),
]
_VOICES = [
    _Voice(
        Speaker(
            v.speaker.id,
            v.speaker.name,
            "espeak",
            v.speaker.gender,
            round(v.rate_wpm / _NORMAL_RATE, 2),
            round((v.pitch + 25) / (_NORMAL_PITCH + 25), 2),
        ),
        v.variant,
        v.pitch,
        v.rate_wpm,
    )
    for v in _VOICES
]
ESPEAK_SPEAKERS: tuple[Speaker, ...] = tuple(v.speaker for v in _VOICES)


class EspeakTTS:
    """espeak-ng Korean with six speakers ("1" … "6").

    Args:
        g2p: rewrite text as pronounced (``g2p.pronounce``) before espeak-ng reads it.
        binary: the espeak-ng executable.
        timeout_s: a synthesis running longer is killed.
    """

    name = "espeak"

    def __init__(
        self, g2p: bool = True, binary: str = "espeak-ng", timeout_s: float = ESPEAK_TIMEOUT_S
    ) -> None:
        path = shutil.which(binary)
        if path is None:
            raise EngineUnavailableError(f"{binary} is not installed (apt-get install espeak-ng)")
        self._binary = path
        self._g2p = g2p
        self._timeout_s = timeout_s
        self._voices = {v.speaker.id: v for v in _VOICES}

    def speakers(self) -> list[Speaker]:
        """The six built-in voices."""
        return list(ESPEAK_SPEAKERS)

    def synthesize(self, text: str, speaker: str | None = None) -> bytes:
        """Speak normalized Korean ``text``; returns a 22.05 kHz mono WAV."""
        voice = self._voices.get(speaker or "1")
        if voice is None:
            raise ValueError(f"unknown espeak speaker {speaker!r}; have {sorted(self._voices)}")
        spoken = pronounce(text) if self._g2p else text
        spoken = spoken[:_MAX_TEXT_CHARS].strip() or "."
        command = [
            self._binary,
            "-v",
            f"ko+{voice.variant}",
            "-p",
            str(voice.pitch),
            "-s",
            str(voice.rate_wpm),
            "--stdout",
        ]
        try:
            done = subprocess.run(
                command,
                input=spoken.encode("utf-8"),
                capture_output=True,
                timeout=self._timeout_s,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ModelError(
                f"espeak-ng took over {self._timeout_s:.0f} s",
                user_message="음성을 만드는 데 너무 오래 걸렸어요.",
            ) from exc
        if done.returncode != 0 or len(done.stdout) < 44:
            raise ModelError(
                f"espeak-ng failed: {done.stderr.decode('utf-8', 'replace')[-200:]}",
                user_message="음성을 만들지 못했어요.",
            )
        # espeak-ng streams a header with an unknown length; rewrite a complete one.
        audio = read_wav(done.stdout)
        return to_wav_bytes(audio.samples, audio.sample_rate_hz)
