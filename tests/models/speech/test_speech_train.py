"""sori tts train: strict overrides, every hparams key read, a real 3-step VITS run that loads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from models.errors import DatasetLayoutError
from models.speech import EspeakTTS
from models.speech.audio import wav_seconds
from models.speech.train_tts import HPARAMS_PATH, apply_overrides, load_hparams, load_samples

# A VITS small enough for a CPU smoke test (~6 MB checkpoint instead of ~150 MB).
TINY = [
    "model.hidden_channels=32",
    "model.hidden_channels_ffn_text_encoder=64",
    "model.num_layers_text_encoder=1",
    "model.num_layers_posterior_encoder=2",
    "model.num_layers_flow=1",
    "model.upsample_initial_channel_decoder=32",
    "model.speaker_embedding_channels=16",
    "model.periods_multi_period_discriminator=[2]",
    "train.batch_size=4",
    "train.lr_gen=0.001",
]


def _leaf_keys(node: dict, prefix: str = "") -> list[str]:
    keys = []
    for key, value in node.items():
        keys += (
            _leaf_keys(value, f"{prefix}{key}.") if isinstance(value, dict) else [f"{prefix}{key}"]
        )
    return keys


def test_every_hparam_is_read() -> None:
    code = "\n".join(p.read_text() for p in HPARAMS_PATH.parent.rglob("*.py"))
    for key in _leaf_keys(load_hparams()):
        section, _, name = key.rpartition(".")
        pattern = rf'\["{name}"\]' if section else rf'\["{name}"\]'
        assert re.search(pattern, code), f"hparams key {key} is never read"


def test_overrides_are_strict() -> None:
    hp = load_hparams()
    assert apply_overrides(hp, ["train.lr_gen=0.001"])["train"]["lr_gen"] == 0.001
    assert apply_overrides(hp, ["train.lr_gen=1"])["train"]["lr_gen"] == 1.0
    assert apply_overrides(hp, ["model.periods_multi_period_discriminator=[2]"])["model"][
        "periods_multi_period_discriminator"
    ] == [2]
    with pytest.raises(KeyError, match="train.lrr"):
        apply_overrides(hp, ["train.lrr=3"])
    with pytest.raises(KeyError, match="nope.x"):
        apply_overrides(hp, ["nope.x=3"])
    with pytest.raises(ValueError, match="expected int"):
        apply_overrides(hp, ["train.batch_size=0.5"])
    with pytest.raises(ValueError, match="expected bool"):
        apply_overrides(hp, ["text.g2p=3"])
    with pytest.raises(ValueError):
        apply_overrides(hp, ["train.batch_size"])
    assert hp["train"]["lr_gen"] == 0.0002  # the original is untouched


@pytest.fixture(scope="module")
def tiny_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two sentences × two espeak-ng speakers as a two-speaker KSS-style folder."""
    root = tmp_path_factory.mktemp("tiny-tts")
    tts = EspeakTTS()
    for speaker, folder in (("1", "yeoseong"), ("2", "namseong")):
        (root / folder / "wavs").mkdir(parents=True)
        lines = []
        for n, text in enumerate(["안녕하세요 반가워요.", "오늘 날씨가 좋네요."]):
            (root / folder / "wavs" / f"u{n}.wav").write_bytes(tts.synthesize(text, speaker))
            lines.append(f"u{n}|{text}|{text}")
        (root / folder / "metadata.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_load_samples(tiny_data: Path, tmp_path: Path) -> None:
    samples = load_samples(tiny_data)
    assert (
        sorted({s["speaker_name"] for s in samples}) == ["namseong", "yeoseong"]
        and len(samples) == 4
    )
    with pytest.raises(DatasetLayoutError):
        load_samples(tmp_path)
    (tmp_path / "metadata.csv").write_text("x|안녕\n", encoding="utf-8")
    with pytest.raises(DatasetLayoutError, match="x.wav"):
        load_samples(tmp_path)


def test_cli_train_smoke_and_load(tiny_data: Path, tmp_path: Path) -> None:
    """`sori tts train` for 3 steps; the checkpoint loads as speakers 7 and 8 of the app."""
    import json

    from typer.testing import CliRunner

    from assistant.cli import app
    from assistant.settings import Settings
    from assistant.voice import VoicePipeline

    out = tmp_path / "vits"
    args = ["tts", "train", "--data", str(tiny_data), "--out", str(out), "--steps", "3", "--json"]
    for item in TINY:
        args += ["--set", item]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout.strip().splitlines()[-1])
    assert row["steps"] == 3 and row["checkpoint"] == str(out)
    assert row["loss_last"] < row["loss_first"], row
    assert (out / "model.pth").stat().st_size < 20 * 2**20
    assert {p.name for p in out.iterdir()} >= {
        "model.pth",
        "config.json",
        "hparams.json",
        "train.json",
    }

    voice = VoicePipeline(Settings(home=tmp_path / "home", tts_engine="coqui", tts_model_dir=out))
    speakers = voice.speakers()
    assert [s.engine for s in speakers[-2:]] == ["coqui", "coqui"] and speakers[-1].id == "8"
    assert (
        voice.resolve_speaker(None).id == "7"
    )  # tts_engine=coqui makes a trained voice the default
    assert wav_seconds(voice.synthesize("안녕하세요.", "8")) > 0.1

    unknown = CliRunner().invoke(
        app, ["tts", "train", "--data", str(tiny_data), "--out", str(out), "--set", "train.lrr=1"]
    )
    assert unknown.exit_code == 2 and "train.lrr" in unknown.output


@pytest.mark.slow
def test_train_more_steps_with_search(tiny_data: Path, tmp_path: Path) -> None:
    from models.speech.train_tts import train

    result = train(
        tiny_data, tmp_path / "m", steps=30, overrides=[*TINY, "search.steps=5"], search=2
    )
    assert len(result.search) == 2 and result.search_s > 0
    assert sum(result.losses[-5:]) / 5 < sum(result.losses[:5]) / 5
