"""Hyper-parameters: ``hparams.yaml`` beside the code, a named profile (``tiny``), strict overrides.

Example:
    >>> hp = load_hparams(profile="tiny", overrides={"train.steps": 50})
    >>> hp["train"]["steps"], hp["seed"]
    (50, 17)
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

__all__ = ["HPARAMS_FILE", "PROFILES", "load_hparams"]

HPARAMS_FILE = Path(__file__).with_name("hparams.yaml")
PROFILES = ("tiny",)


def _merge(base: dict[str, Any], override: dict[str, Any], path: str = "") -> None:
    for key, value in override.items():
        where = f"{path}{key}"
        if key not in base:
            raise ValueError(f"unknown hyper-parameter {where!r}")
        if isinstance(base[key], dict) and not where.startswith("synthesis.templates"):
            if not isinstance(value, dict):
                raise ValueError(f"hyper-parameter {where!r} is a section, got {value!r}")
            _merge(base[key], value, where + ".")
        elif isinstance(base[key], dict):
            base[key] = dict(value)
        else:
            if (
                base[key] is not None
                and not isinstance(value, type(base[key]))
                and not (isinstance(base[key], float) and isinstance(value, int))
            ):
                raise ValueError(
                    f"hyper-parameter {where!r} must be {type(base[key]).__name__}, got {value!r}"
                )
            base[key] = value


def load_hparams(
    profile: str | None = None, overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The resolved hyper-parameters.

    Args:
        profile: ``None`` for the defaults, or a profile section of the YAML (``tiny``).
        overrides: dotted keys (``"train.steps"``) or nested dicts; unknown keys raise ValueError.
    """
    data = yaml.safe_load(HPARAMS_FILE.read_text(encoding="utf-8"))
    profiles = {name: data.pop(name) for name in PROFILES if name in data}
    hp = copy.deepcopy(data)
    if profile:
        if profile not in profiles:
            raise ValueError(
                f"unknown hyper-parameter profile {profile!r}; known: {list(profiles)}"
            )
        _merge(hp, profiles[profile])
    nested: dict[str, Any] = {}
    for key, value in (overrides or {}).items():
        node = nested
        *parents, last = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    _merge(hp, nested)
    return hp
