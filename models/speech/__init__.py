"""Voice: speech to text, multi-speaker text to speech, Korean text for speech, g2p, TTS data.

Engines sit behind two Protocols, ``SpeechToText`` and ``TextToSpeech``; audio from any source
passes ``audio.decode_audio`` (ffmpeg, limits) and ``audio.trim_silence`` (energy VAD) first.
"""

from models.speech.audio import Audio, decode_audio, to_wav_bytes, trim_silence
from models.speech.g2p import pronounce
from models.speech.ko_normalize import normalize, speech_text, summarize_table
from models.speech.stt import Recognition, SpeechToText, Transcript, Word, make_stt, transcribe
from models.speech.tts import ESPEAK_SPEAKERS, EspeakTTS, Speaker, SpeakerSet, TextToSpeech

__all__ = [
    "ESPEAK_SPEAKERS",
    "Audio",
    "EspeakTTS",
    "Recognition",
    "Speaker",
    "SpeakerSet",
    "SpeechToText",
    "TextToSpeech",
    "Transcript",
    "Word",
    "decode_audio",
    "make_stt",
    "normalize",
    "pronounce",
    "speech_text",
    "summarize_table",
    "to_wav_bytes",
    "transcribe",
    "trim_silence",
]
