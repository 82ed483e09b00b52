"""One dialogue manager (with the trained intent model) shared by the assistant tests."""

from pathlib import Path

import pytest

from assistant import DialogueManager, Settings


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory, model_cache: Path) -> Settings:
    """Settings of a session-wide home (its database outlives single tests, like a real server)."""
    return Settings(
        home=tmp_path_factory.mktemp("assistant-home"), model_cache=model_cache, sql_profile="tiny"
    )


@pytest.fixture(scope="session")
def manager(settings: Settings) -> DialogueManager:
    """The assistant, models loaded (the first test run trains the intent model, ~1–2 min)."""
    return DialogueManager(settings)
