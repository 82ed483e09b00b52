"""A speechbrain recognizer loaded from a local model folder (``SORI_STT_MODEL_DIR``).

Nothing is downloaded: the folder must hold a speechbrain inference ``hyperparams.yaml`` and the
files it names (e.g. a KsponSpeech conformer exported by ``speechbrain``'s recipe).
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from models.errors import EngineUnavailableError
from models.speech.stt.base import Recognition, Word

__all__ = ["SpeechbrainSTT"]

logger = logging.getLogger(__name__)


class SpeechbrainSTT:
    """speechbrain ``EncoderDecoderASR`` (or ``EncoderASR`` for CTC-only models) from a folder.

    Args:
        model_dir: the folder; ``None`` or a folder without ``hyperparams.yaml`` raises
            ``EngineUnavailableError``.
        language: the model's language code.
    """

    name = "speechbrain"

    def __init__(self, model_dir: str | Path | None, language: str = "ko") -> None:
        if model_dir is None:
            raise EngineUnavailableError(
                "the speechbrain engine needs a local model folder: set SORI_STT_MODEL_DIR",
                user_message="speechbrain 음성 인식 모델 폴더가 없어요 (SORI_STT_MODEL_DIR).",
            )
        folder = Path(model_dir).expanduser()
        if not (folder / "hyperparams.yaml").is_file():
            raise EngineUnavailableError(
                f"{folder} has no hyperparams.yaml: not a speechbrain inference folder",
                user_message=f"speechbrain 모델 폴더({folder})에 hyperparams.yaml이 없어요.",
            )
        self.language = language
        try:
            import torch
            from speechbrain.inference.ASR import EncoderASR, EncoderDecoderASR

            source = str(folder)
            hparams = (folder / "hyperparams.yaml").read_text(encoding="utf-8")
            interface = EncoderDecoderASR if "decoder" in hparams else EncoderASR
            self._asr = interface.from_hparams(
                source=source, savedir=source, run_opts={"device": "cpu"}
            )
        except Exception as exc:  # speechbrain raises many kinds for a broken folder
            raise EngineUnavailableError(
                f"could not load the speechbrain model in {folder}: {exc}"
            ) from exc
        self._torch = torch

    def recognize(self, samples: np.ndarray, sample_rate_hz: int = 16_000) -> Recognition:
        """Recognize one utterance (no word timings: speechbrain's decoders give none)."""
        wav = self._torch.from_numpy(np.ascontiguousarray(samples, dtype=np.float32)).unsqueeze(0)
        lengths = self._torch.ones(1)
        with self._torch.no_grad():
            text = self._asr.transcribe_batch(wav, lengths)[0]
        text = text if isinstance(text, str) else " ".join(text)
        seconds = len(samples) / sample_rate_hz
        words = tuple(Word(w, 0.0, seconds) for w in text.split())
        return Recognition(text.strip(), words)
