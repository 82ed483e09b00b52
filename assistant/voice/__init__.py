"""Voice around the dialogue: STT of uploads, multi-speaker TTS streamed by sentence."""

from assistant.voice.pipeline import VoicePipeline, split_sentences

__all__ = ["VoicePipeline", "split_sentences"]
