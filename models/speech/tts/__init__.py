"""Text to speech: the ``TextToSpeech`` Protocol, espeak-ng (built in) and Coqui VITS (local model).

``SpeakerSet`` joins several engines into one list of speakers with app-wide ids: espeak-ng's
"1" … "6", then each Coqui speaker numbered after them ("7", "8", …).
"""

from __future__ import annotations

from models.speech.tts.base import Speaker, TextToSpeech
from models.speech.tts.espeak import ESPEAK_SPEAKERS, EspeakTTS
from models.speech.tts.speaker_set import SpeakerSet

__all__ = ["ESPEAK_SPEAKERS", "EspeakTTS", "Speaker", "SpeakerSet", "TextToSpeech"]
