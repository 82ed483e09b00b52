"""Run skills the way rasa-sdk does: a real Action, a Tracker built from a dict, a dispatcher."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from assistant import Settings
from assistant.dialogue.manager import DialogueManager


@pytest.fixture()
def engine(sori_home):  # noqa: ANN001, ANN201 - the per-test SORI_HOME from tests/conftest.py
    """A migrated app DB with the demo data, and the skills configured to use it."""
    return DialogueManager.prepare_skills(Settings(home=sori_home))


def _run_action(
    action: Any,
    text: str,
    intent: str,
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    user: str = "tester",
    **message: Any,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Run ``action`` on a one-message tracker; returns (dispatcher messages, events)."""
    tracker = Tracker.from_dict(
        {
            "sender_id": user,
            "slots": slots or {},
            "events": [],
            "latest_message": {
                "text": text,
                "intent": {"name": intent, "confidence": 1.0},
                "entities": entities or [],
                **message,
            },
        }
    )
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, {})
    return dispatcher.messages, events


@pytest.fixture()
def run_action(engine):  # noqa: ANN001, ANN201 - needs the configured skills
    """``run_action(action, text, intent, entities=..., slots=...)`` → (messages, events)."""
    return _run_action
