"""The base of every skill: subclasses write ``answer``; expected failures become answers.

rasa-sdk sends whatever a skill utters back to the dialogue manager, in process or over HTTP, so
errors travel the same way on both paths: as a message with a ``json_message`` marker the manager
understands (``ask_slot`` to ask for a missing value, ``error`` for a refusal or failure).
"""

from __future__ import annotations

import logging
from abc import abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from models.errors import ModelError
from skills.errors import SkillError, SlotMissing

__all__ = ["SkillAction", "intent_of", "slot_or_entity"]

logger = logging.getLogger(__name__)


def slot_or_entity(tracker: Tracker, name: str) -> Any:
    """The entity of this turn if the user said one, else the slot remembered from before."""
    value = next(tracker.get_latest_entity_values(name), None)
    return value if value is not None else tracker.get_slot(name)


def intent_of(tracker: Tracker) -> str | None:
    """The intent the dialogue manager acted on (``latest_message.intent.name``).

    Not ``Tracker.get_intent_of_latest_message``: that reads the NLU ranking, and after a
    clarification the chosen intent may be the ranking's second.
    """
    return (tracker.latest_message.get("intent") or {}).get("name")


class SkillAction(Action):
    """A rasa-sdk ``Action`` whose ``run`` turns ``SkillError``/``ModelError`` into answers."""

    @abstractmethod
    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Answer the turn through ``dispatcher`` and return events (``SlotSet``…)."""

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Run ``answer``; expected errors are said to the user instead of raised."""
        try:
            return self.answer(dispatcher, tracker, domain) or []
        except SlotMissing as exc:
            dispatcher.utter_message(text=exc.user_message, json_message={"ask_slot": exc.slot})
        except (SkillError, ModelError) as exc:
            logger.info("%s answered with %s: %s", self.name(), type(exc).__name__, exc)
            dispatcher.utter_message(
                text=exc.user_message, json_message={"error": type(exc).__name__}
            )
        return []
