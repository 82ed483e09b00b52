"""Shared fixtures: an isolated ``SORI_HOME`` for every test, and the shared datasets when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One trained-model cache for the whole run: each model trains at most once per session.

    ``SORI_TEST_MODEL_CACHE`` keeps it across runs on a developer's machine (CI starts empty).
    """
    kept = os.environ.get("SORI_TEST_MODEL_CACHE")
    return Path(kept) if kept else tmp_path_factory.mktemp("model-cache")


@pytest.fixture(autouse=True)
def sori_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, model_cache: Path) -> Path:
    """Point ``SORI_HOME`` at a fresh folder (models: the session cache); drop other ``SORI_*``."""
    for name in list(os.environ):
        if name.startswith("SORI_") and name not in (
            "SORI_SHARED_DATA",
            "SORI_TEST_PG_URL",
            "SORI_TEST_MODEL_CACHE",
        ):
            monkeypatch.delenv(name)
    home = tmp_path / "sori-home"
    monkeypatch.setenv("SORI_HOME", str(home))
    monkeypatch.setenv("SORI_MODEL_CACHE", str(model_cache))
    monkeypatch.setenv("SORI_SQL_PROFILE", "tiny")  # SQL parsers train in seconds in tests
    return home


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The folder of real public datasets (``SORI_SHARED_DATA``, default ``../shared/data``)."""
    path = Path(os.environ.get("SORI_SHARED_DATA", REPO.parent / "shared" / "data"))
    if not path.is_dir():
        pytest.skip(f"shared datasets not found at {path} (set SORI_SHARED_DATA)")
    return path
