"""One real ``DialogueManager`` for the whole UI test session, on its own temporary home.

Its first start trains the intent model (minutes on 2 cores) into the session's shared model cache
(``model_cache`` in tests/conftest.py), so every test module reuses one trained bundle.

The SQL parser of ``/api/sql`` and the SQL tab is trained with the ``tiny`` hyper-parameters of
``models/seq2sql/hparams.yaml`` (seconds instead of the full profile's tens of minutes), as the
SQL skill's own tests do: these tests check the UI's plumbing, not the parser's accuracy.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant import DialogueManager, Settings
from ui.app import build_app


def make_settings(home: Path, model_cache: Path, **overrides: object) -> Settings:
    """Settings for ``home`` that ignore any ``SORI_*`` variables of the developer's shell."""
    values = {
        "home": home,
        "model_cache": model_cache,
        "db_url": f"sqlite:///{home / 'sori.db'}",
        "action_server_url": "",
        "auth": None,
        "voice": False,
        "sql_databases": {},
        "quant": "fp32",
        "sql_profile": "tiny",
    }
    return Settings(**{**values, **overrides})


@pytest.fixture(scope="session")
def ui_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ui-home")


@pytest.fixture(scope="session")
def ui_settings(ui_home: Path, model_cache: Path) -> Settings:
    return make_settings(ui_home, model_cache)


@pytest.fixture(scope="session")
def manager(ui_settings: Settings) -> DialogueManager:
    """The session's dialogue manager (trains or loads the intent model once)."""
    return DialogueManager(ui_settings)


@pytest.fixture(scope="session")
def client(ui_settings: Settings, manager: DialogueManager) -> Iterator[TestClient]:
    """The whole server app (API + mounted Gradio) without auth."""
    with TestClient(build_app(ui_settings, manager)) as test_client:
        yield test_client
