"""Commands: ``sori stt``, ``sori tts`` (attached once the voice work lands)."""
