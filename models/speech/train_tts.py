"""Train a Coqui VITS multi-speaker model on a KSS/LJSpeech-style folder (``sori tts train``).

Data: ``DIR/metadata.csv`` (``id|text|normalized[|speaker]``) with ``DIR/wavs/<id>.wav``, or
``DIR/<speaker>/metadata.csv`` + ``DIR/<speaker>/wavs/`` per speaker. The model is built in code
(``VitsConfig`` + ``VitsArgs(use_speaker_embedding=True)``, speakers from ``config.speakers``),
trained with a plain loop over Coqui's own ``train_step`` (discriminator, then generator), and
saved small: generator weights only (``model.pth``), ``config.json``, resolved ``hparams.json``
and ``train.json`` (losses, data hash, versions). ``load`` needs nothing else; a rerun with the
same data and hyper-parameters is skipped.
"""

from __future__ import annotations

import copy
import csv
import hashlib
import json
import logging
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from models.errors import DatasetLayoutError, EngineUnavailableError

__all__ = [
    "HPARAMS_PATH",
    "TrainResult",
    "apply_overrides",
    "build_config",
    "load_hparams",
    "load_samples",
    "train",
]

logger = logging.getLogger(__name__)

HPARAMS_PATH = Path(__file__).with_name("hparams.yaml")


@dataclass
class TrainResult:
    """What ``train`` did; ``loss_*`` are the generator's total loss (first and last step)."""

    steps: int
    loss_first: float
    loss_last: float
    checkpoint: str
    speakers: list[str]
    train_s: float
    losses: list[float] = field(default_factory=list)
    search: list[dict[str, Any]] = field(default_factory=list)
    search_s: float = 0.0
    skipped: bool = False


def load_hparams(path: Path = HPARAMS_PATH) -> dict[str, Any]:
    """The family's hyper-parameters as a nested dict."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def apply_overrides(hparams: dict[str, Any], overrides: list[str]) -> dict[str, Any]:
    """Apply ``section.key=value`` overrides strictly.

    Raises:
        KeyError: naming an unknown key.
        ValueError: when a value does not fit the default's type.
    """
    out = copy.deepcopy(hparams)
    for item in overrides:
        if "=" not in item:
            raise ValueError(f"override {item!r} is not key=value")
        key, raw = item.split("=", 1)
        node = out
        parts = key.strip().split(".")
        for part in parts[:-1]:
            if not isinstance(node.get(part), dict):
                raise KeyError(f"unknown hyper-parameter {key!r}")
            node = node[part]
        if parts[-1] not in node or isinstance(node[parts[-1]], dict):
            raise KeyError(f"unknown hyper-parameter {key!r}")
        default = node[parts[-1]]
        value = yaml.safe_load(raw)
        if (
            isinstance(default, bool) != isinstance(value, bool)
            or (isinstance(default, (int, float)) and not isinstance(value, (int, float)))
            or (isinstance(default, (str, list)) and not isinstance(value, type(default)))
            or (
                isinstance(default, int)
                and not isinstance(default, bool)
                and isinstance(value, float)
            )
        ):
            raise ValueError(f"{key}={raw!r}: expected {type(default).__name__} like {default!r}")
        node[parts[-1]] = float(value) if isinstance(default, float) else value
    return out


def _read_metadata(folder: Path, speaker: str | None) -> list[dict[str, str]]:
    meta = folder / "metadata.csv"
    if not meta.is_file():
        raise DatasetLayoutError(f"{meta} is missing", user_message=f"{meta} 파일이 없어요.")
    samples = []
    with open(meta, encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="|", quoting=csv.QUOTE_NONE):
            if not row or not row[0].strip():
                continue
            if len(row) < 2:
                raise DatasetLayoutError(f"{meta}: a line needs id|text, got {row!r}")
            wav = folder / "wavs" / f"{row[0]}.wav"
            if not wav.is_file():
                wav = (
                    folder / row[0] if (folder / row[0]).is_file() else wav
                )  # KSS: path in column 1
            if not wav.is_file():
                raise DatasetLayoutError(f"{wav} is missing", user_message=f"{wav} 파일이 없어요.")
            text = row[2] if len(row) > 2 and row[2].strip() else row[1]
            who = row[3] if len(row) > 3 and row[3].strip() else (speaker or folder.name)
            samples.append(
                {
                    "text": text,
                    "audio_file": str(wav),
                    "speaker_name": who,
                    "root_path": str(folder),
                    "language": "ko",
                    "audio_unique_name": f"{who}#{row[0]}",
                }
            )
    return samples


def load_samples(data_dir: str | Path) -> list[dict[str, str]]:
    """Utterances of a single- or multi-speaker folder, in Coqui's sample format."""
    root = Path(data_dir)
    if not root.is_dir():
        raise DatasetLayoutError(
            f"{root} is not a folder", user_message=f"데이터 폴더가 없어요: {root}"
        )
    if (root / "metadata.csv").is_file():
        samples = _read_metadata(root, None)
    else:
        samples = [
            s
            for sub in sorted(p for p in root.iterdir() if (p / "metadata.csv").is_file())
            for s in _read_metadata(sub, sub.name)
        ]
    if not samples:
        raise DatasetLayoutError(
            f"{root} has no metadata.csv (nor speaker folders with one)",
            user_message="metadata.csv가 있는 TTS 데이터 폴더가 필요해요.",
        )
    return samples


def _prepare_audio(
    samples: list[dict[str, str]], hp: dict[str, Any], cache: Path
) -> list[dict[str, str]]:
    """Resample to the model rate (cached 16-bit wavs) and drop clips outside the length limits."""
    from models.speech.audio import load_audio, to_wav_bytes

    rate = hp["data"]["sample_rate_hz"]
    cache.mkdir(parents=True, exist_ok=True)
    kept = []
    for sample in samples:
        audio = load_audio(
            sample["audio_file"], sample_rate_hz=rate, max_seconds=hp["data"]["max_audio_s"] + 1
        )
        if not hp["data"]["min_audio_s"] <= audio.seconds <= hp["data"]["max_audio_s"]:
            logger.info("dropping %s (%.1f s)", sample["audio_file"], audio.seconds)
            continue
        name = hashlib.sha1(sample["audio_unique_name"].encode()).hexdigest()[:16] + ".wav"
        (cache / name).write_bytes(to_wav_bytes(audio.samples, rate))
        kept.append({**sample, "audio_file": str(cache / name)})
    return kept


def build_config(hp: dict[str, Any], speakers: list[str], out_dir: Path) -> Any:
    """The ``VitsConfig`` for these hyper-parameters and speakers (training or inference)."""
    try:
        from TTS.config.shared_configs import BaseAudioConfig
        from TTS.tts.configs.vits_config import VitsArgs, VitsConfig
    except ImportError as exc:
        raise EngineUnavailableError(f"coqui-tts is not importable: {exc}") from exc
    m = hp["model"]
    args = VitsArgs(
        use_speaker_embedding=len(speakers) > 1 or True,
        hidden_channels=m["hidden_channels"],
        hidden_channels_ffn_text_encoder=m["hidden_channels_ffn_text_encoder"],
        num_layers_text_encoder=m["num_layers_text_encoder"],
        num_layers_posterior_encoder=m["num_layers_posterior_encoder"],
        num_layers_flow=m["num_layers_flow"],
        upsample_initial_channel_decoder=m["upsample_initial_channel_decoder"],
        speaker_embedding_channels=m["speaker_embedding_channels"],
        periods_multi_period_discriminator=list(m["periods_multi_period_discriminator"]),
        spec_segment_size=m["spec_segment_size"],
        use_sdp=m["use_sdp"],
    )
    use_phonemes = hp["text"]["phonemizer"] == "espeak"
    return VitsConfig(
        model_args=args,
        audio=BaseAudioConfig(sample_rate=hp["data"]["sample_rate_hz"]),
        batch_size=hp["train"]["batch_size"],
        eval_batch_size=hp["train"]["batch_size"],
        use_phonemes=use_phonemes,
        phonemizer="espeak" if use_phonemes else None,
        phoneme_language=hp["text"]["language"],
        text_cleaner="multilingual_cleaners",
        phoneme_cache_path=str(out_dir / "phoneme_cache"),
        compute_input_seq_cache=False,
        mixed_precision=False,
        speakers=list(speakers),
        use_speaker_embedding=True,
        num_loader_workers=0,
        num_eval_loader_workers=0,
        min_audio_len=1,
        max_audio_len=10**9,
        min_text_len=1,
        lr_gen=hp["train"]["lr_gen"],
        lr_disc=hp["train"]["lr_disc"],
        grad_clip=[hp["train"]["grad_clip"]] * 2,
        save_checkpoints=False,
        run_eval=False,
        test_sentences=[],
        output_path=str(out_dir),
    )


def _run(
    hp: dict[str, Any],
    samples: list[dict[str, str]],
    speakers: list[str],
    steps: int,
    out_dir: Path,
    label: str,
) -> tuple[Any, Any, list[float], list[float]]:
    import torch
    from tqdm import tqdm
    from TTS.tts.models.vits import Vits

    random.seed(hp["seed"])
    torch.manual_seed(hp["seed"])
    torch.set_num_threads(hp["train"]["threads"])
    config = build_config(hp, speakers, out_dir)
    model = Vits(config)
    loader = model.get_data_loader(config, samples=samples, verbose=False)
    criteria = model.get_criterion()
    optimizers = model.get_optimizer()
    model.train()
    gen_losses, disc_losses = [], []
    bar = tqdm(total=steps, desc=label, file=sys.stderr, leave=False)
    while len(gen_losses) < steps:
        for batch in loader:
            batch = model.format_batch_on_device(model.format_batch(batch))
            for index, optimizer in enumerate(optimizers):  # 0 = discriminator, 1 = generator
                _, losses = model.train_step(batch, criteria[index], index)
                optimizer.zero_grad()
                losses["loss"].backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), hp["train"]["grad_clip"])
                optimizer.step()
                (disc_losses if index == 0 else gen_losses).append(float(losses["loss"].detach()))
            bar.update(1)
            bar.set_postfix(loss=f"{gen_losses[-1]:.2f}")
            if len(gen_losses) >= steps:
                break
    bar.close()
    return model, config, gen_losses, disc_losses


def _fingerprint(samples: list[dict[str, str]], hp: dict[str, Any], steps: int, search: int) -> str:
    digest = hashlib.sha256(json.dumps([hp, steps, search], sort_keys=True).encode())
    for s in samples:
        digest.update(s["text"].encode())
        digest.update(s["speaker_name"].encode())
        digest.update(Path(s["audio_file"]).read_bytes())
    return digest.hexdigest()[:16]


def _search_configs(hp: dict[str, Any], n: int) -> list[dict[str, Any]]:
    space = hp["search"]
    rng = random.Random(hp["seed"])
    tried, configs = set(), []
    grid = [
        (lr, bs, hc)
        for lr in space["lr_gen"]
        for bs in space["batch_size"]
        for hc in space["hidden_channels"]
    ]
    rng.shuffle(grid)
    for lr, bs, hc in grid[:n]:
        if (lr, bs, hc) in tried:
            continue
        tried.add((lr, bs, hc))
        trial = copy.deepcopy(hp)
        (
            trial["train"]["lr_gen"],
            trial["train"]["batch_size"],
            trial["model"]["hidden_channels"],
        ) = lr, bs, hc
        configs.append(trial)
    return configs


def train(
    data_dir: str | Path,
    out_dir: str | Path,
    *,
    steps: int | None = None,
    overrides: list[str] | None = None,
    search: int = 0,
) -> TrainResult:
    """Train (or reuse) a VITS multi-speaker model and save it to ``out_dir``.

    Args:
        data_dir: KSS/LJSpeech-style folder (see module docstring).
        out_dir: where ``model.pth``, ``config.json``, ``hparams.json``, ``train.json`` go.
        steps: optimizer steps (default ``train.steps`` of hparams.yaml).
        overrides: ``section.key=value`` strings (strict).
        search: try this many configs from ``search`` for ``search.steps`` steps each and
            train the one with the lowest final loss.

    Returns:
        A ``TrainResult``.
    """
    import torch

    hp = apply_overrides(load_hparams(), overrides or [])
    steps = int(steps or hp["train"]["steps"])
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    raw = load_samples(data_dir)
    key = _fingerprint(raw, hp, steps, search)
    record = out / "train.json"
    if record.is_file() and (out / "model.pth").is_file():
        saved = json.loads(record.read_text())
        if saved.get("key") == key:
            logger.info("%s already holds this model, skipping training", out)
            return TrainResult(**{**saved["result"], "skipped": True})
    samples = _prepare_audio(raw, hp, out / "wav_cache")
    if not samples:
        raise DatasetLayoutError(f"no clip of {data_dir} is within the length limits")
    if hp["text"]["g2p"]:
        from models.speech.g2p import pronounce

        samples = [{**s, "text": pronounce(s["text"])} for s in samples]
    speakers = sorted({s["speaker_name"] for s in samples})
    trials: list[dict[str, Any]] = []
    search_s = 0.0
    if search:
        started = time.perf_counter()
        best_loss = float("inf")
        for n, trial in enumerate(_search_configs(hp, search)):
            _, _, losses, _ = _run(
                trial, samples, speakers, hp["search"]["steps"], out, f"search {n + 1}/{search}"
            )
            score = sum(losses[-5:]) / len(losses[-5:])
            trials.append(
                {
                    "lr_gen": trial["train"]["lr_gen"],
                    "batch_size": trial["train"]["batch_size"],
                    "hidden_channels": trial["model"]["hidden_channels"],
                    "loss": score,
                }
            )
            if score < best_loss:
                best_loss, hp = score, trial
        search_s = time.perf_counter() - started
    started = time.perf_counter()
    model, config, losses, disc_losses = _run(hp, samples, speakers, steps, out, "train")
    train_s = time.perf_counter() - started
    state = {k: v for k, v in model.state_dict().items() if not k.startswith("disc.")}
    torch.save({"model": state, "step": steps}, out / "model.pth")
    config.model_args.init_discriminator = False
    config.save_json(str(out / "config.json"))
    (out / "hparams.json").write_text(json.dumps(hp, ensure_ascii=False, indent=1))
    import TTS

    result = TrainResult(
        steps=len(losses),
        loss_first=losses[0],
        loss_last=losses[-1],
        checkpoint=str(out),
        speakers=speakers,
        train_s=train_s,
        losses=losses,
        search=trials,
        search_s=search_s,
    )
    record.write_text(
        json.dumps(
            {
                "key": key,
                "result": result.__dict__,
                "disc_losses": disc_losses,
                "versions": {
                    "torch": torch.__version__,
                    "coqui-tts": getattr(TTS, "__version__", "?"),
                },
                "data": str(data_dir),
                "utterances": len(samples),
            },
            ensure_ascii=False,
            indent=1,
        )
    )
    return result
