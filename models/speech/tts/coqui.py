"""Coqui VITS multi-speaker synthesizer loaded from a local folder (``SORI_TTS_MODEL_DIR``).

The folder is what ``sori tts train`` writes (``config.json`` + ``model.pth``), or any Coqui VITS
checkpoint folder with a ``config.json`` whose ``speakers`` list names the voices. Nothing is
downloaded.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import numpy as np

from models.errors import EngineUnavailableError, ModelError
from models.speech.audio import to_wav_bytes
from models.speech.tts.base import Speaker

__all__ = ["CoquiTTS"]

logger = logging.getLogger(__name__)

_CHECKPOINTS = ("model.pth", "best_model.pth", "checkpoint.pth", "model_file.pth")


class CoquiTTS:
    """A trained VITS model; its speakers get local ids "1", "2", … in ``config.speakers`` order.

    Args:
        model_dir: folder with ``config.json`` and a checkpoint (``model.pth`` …).
        g2p: rewrite text as pronounced before phonemization (match how it was trained; read
            from ``hparams.json`` when the folder has one).
    """

    name = "coqui"

    def __init__(self, model_dir: str | Path, g2p: bool | None = None) -> None:
        folder = Path(model_dir).expanduser()
        config_path = folder / "config.json"
        checkpoint = next((folder / c for c in _CHECKPOINTS if (folder / c).is_file()), None)
        if not config_path.is_file() or checkpoint is None:
            raise EngineUnavailableError(
                f"{folder} needs config.json and one of {', '.join(_CHECKPOINTS)}",
                user_message=f"VITS 모델 폴더({folder})에 config.json과 model.pth가 없어요.",
            )
        try:
            import torch
            from TTS.tts.configs.vits_config import VitsConfig
            from TTS.tts.models.vits import Vits
        except ImportError as exc:
            raise EngineUnavailableError(f"coqui-tts is not importable: {exc}") from exc
        hparams = folder / "hparams.json"
        if g2p is None:
            g2p = (
                bool(json.loads(hparams.read_text())["text"]["g2p"]) if hparams.is_file() else False
            )
        self._g2p = g2p
        try:
            config = VitsConfig()
            config.load_json(str(config_path))
            config.model_args.init_discriminator = False
            config.phoneme_cache_path = None
            self._model = Vits(config)
            state = torch.load(checkpoint, map_location="cpu", weights_only=False)["model"]
            # Discriminator weights (in Trainer checkpoints) are not needed to speak.
            state = {
                k: v for k, v in state.items() if not k.startswith(("disc.", "speaker_encoder."))
            }
            missing = self._model.load_state_dict(state, strict=False).missing_keys
            if missing:
                raise ValueError(f"checkpoint lacks {len(missing)} weights, e.g. {missing[:3]}")
            self._model.eval()
        except Exception as exc:  # a folder from another version or model type
            raise EngineUnavailableError(
                f"could not load the VITS model in {folder}: {exc}"
            ) from exc
        self._torch = torch
        self._config = config
        self.sample_rate_hz = int(config.audio.sample_rate)
        names = list(config.speakers or []) or ["default"]
        self._names = names
        self._speakers = [
            Speaker(str(i + 1), f"VITS {name}", "coqui") for i, name in enumerate(names)
        ]
        self._lock = threading.Lock()

    def speakers(self) -> list[Speaker]:
        """The model's speakers."""
        return list(self._speakers)

    def synthesize(self, text: str, speaker: str | None = None) -> bytes:
        """Speak normalized Korean ``text`` with the model's speaker ``speaker`` ("1", "2", …)."""
        index = int(speaker) - 1 if speaker and str(speaker).isdigit() else 0
        if not 0 <= index < len(self._names):
            raise ValueError(f"unknown coqui speaker {speaker!r}; have 1..{len(self._names)}")
        if self._g2p:
            from models.speech.g2p import pronounce

            text = pronounce(text)
        name = self._names[index] if self._config.speakers else None
        try:
            with self._lock, self._torch.inference_mode():
                out = self._model.synthesize(text.strip() or ".", speaker=name)
        except Exception as exc:
            raise ModelError(
                f"VITS synthesis failed: {exc}", user_message="음성을 만들지 못했어요."
            ) from exc
        wav = np.asarray(out["wav"], dtype=np.float32).reshape(-1)
        peak = float(np.max(np.abs(wav))) if wav.size else 0.0
        if peak > 1.0:
            wav = wav / peak
        return to_wav_bytes(wav, self.sample_rate_hz)
