"""Hyper-parameters: profiles, strict overrides, and every YAML key is read by the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from models.seq2sql.config import HPARAMS_FILE, load_hparams
from models.seq2sql.parser import ParserConfig
from models.seq2sql.templates import TEMPLATES
from models.seq2sql.train import TRAINED_WITH, bundle_key


def test_seed_comes_first_and_tiny_overrides() -> None:
    assert HPARAMS_FILE.read_text(encoding="utf-8").split("\n")[2].startswith("seed:")
    hp, tiny = load_hparams(), load_hparams("tiny")
    assert tiny["model"]["d_model"] < hp["model"]["d_model"]
    assert tiny["train"]["steps"] < hp["train"]["steps"] and tiny["seed"] == hp["seed"]


def test_decoding_settings_retrain_nothing_training_settings_do() -> None:
    hp = load_hparams()
    assert bundle_key("data", hp) == bundle_key("data", load_hparams(overrides={"decode.beam": 3}))
    assert bundle_key("data", hp) != bundle_key("data", load_hparams(overrides={"train.steps": 7}))


def test_the_wikisql_section_keys_only_the_wikisql_bundle() -> None:
    hp, more = load_hparams(), load_hparams(overrides={"wikisql.ensemble": 1})
    assert bundle_key("data", hp) == bundle_key("data", more)
    wikisql = (*TRAINED_WITH, "wikisql")
    assert bundle_key("data", hp, wikisql) != bundle_key("data", more, wikisql)


def test_overrides_are_strict() -> None:
    assert load_hparams(overrides={"train.steps": 7})["train"]["steps"] == 7
    with pytest.raises(ValueError, match="train.lrr"):
        load_hparams(overrides={"train.lrr": 3e-4})
    with pytest.raises(ValueError, match="must be int"):
        load_hparams(overrides={"train.steps": "many"})
    with pytest.raises(ValueError, match="profile"):
        load_hparams("huge")


def test_model_config_checks_heads() -> None:
    with pytest.raises(ValueError, match="d_model=130"):
        ParserConfig(vocab_size=10, d_model=130, n_heads=4)


def _leaves(data: dict, prefix: str = "") -> list[str]:
    out = []
    for key, value in data.items():
        if isinstance(value, dict) and key != "templates":
            out += _leaves(value, f"{prefix}{key}.")
        else:
            out.append(f"{prefix}{key}")
    return out


def test_every_hparams_key_is_read() -> None:
    data = yaml.safe_load(HPARAMS_FILE.read_text(encoding="utf-8"))
    data.pop("tiny")
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in Path(HPARAMS_FILE).parent.glob("*.py")
    )
    model_fields = set(ParserConfig.__dataclass_fields__)
    for leaf in _leaves(data):
        section, _, key = leaf.rpartition(".")
        if section == "model":
            assert key in model_fields, leaf
        else:
            assert re.search(rf"\[[\"']{re.escape(key)}[\"']\]", source), f"{leaf} is never read"
    assert set(data["synthesis"]["templates"]) <= set(TEMPLATES)
    assert set(data["wikisql"]["templates"]) <= set(TEMPLATES)
