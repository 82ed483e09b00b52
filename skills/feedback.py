"""Feedback on shown items (좋아요 / 별로야 / 이미 봤어): stored, and felt by the next recommendations."""

from __future__ import annotations

import difflib
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from db.engine import session_scope
from db.schema import Feedback, Interaction, User
from models.korean import attach_particle
from skills._base import SkillAction, intent_of, slot_or_entity
from skills._runtime import runtime
from skills.errors import NoAnswer

__all__ = ["GiveFeedback"]

_SIGNALS = {"feedback_like": "like", "feedback_dislike": "dislike", "feedback_seen": "seen"}


def _target(tracker: Tracker, shown: list[dict[str, Any]]) -> dict[str, Any]:
    """The item the user means: by position ("두 번째 거"), by title, or the first one shown."""
    ordinal = next(tracker.get_latest_entity_values("ordinal"), None)
    if isinstance(ordinal, int) and ordinal != 0 and abs(ordinal) <= len(shown):
        return shown[ordinal - 1] if ordinal > 0 else shown[ordinal]
    title = next(tracker.get_latest_entity_values("title"), None)
    if title:
        titles = [item["title"] for item in shown]
        close = difflib.get_close_matches(str(title), titles, n=1, cutoff=0.5)
        if close:
            return shown[titles.index(close[0])]
    return shown[0]


class GiveFeedback(SkillAction):
    """Records like / dislike / seen for an item the assistant just showed."""

    def name(self) -> str:
        """Action name."""
        return "action_feedback"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Stores the feedback row (and an interaction for likes and seen items)."""
        shown = slot_or_entity(tracker, "last_items") or []
        if not shown:
            raise NoAnswer(
                "어떤 작품을 말씀하시는지 모르겠어요. 먼저 추천을 받아 보시겠어요?", self.name()
            )
        signal = _SIGNALS[intent_of(tracker)]
        item = _target(tracker, shown)
        with session_scope(runtime().engine) as session:
            if (
                session.get(User, tracker.sender_id) is None
            ):  # first contact through the action server
                session.add(User(id=tracker.sender_id))
                session.flush()
            session.add(
                Feedback(
                    user_id=tracker.sender_id, kind=item["kind"], item_id=item["id"], signal=signal
                )
            )
            if signal in ("like", "seen"):
                session.add(
                    Interaction(
                        user_id=tracker.sender_id,
                        kind=item["kind"],
                        item_id=item["id"],
                        weight=1.0,
                        source="chat",
                    )
                )
        title = f"'{item['title']}'"
        if signal == "like":
            dispatcher.utter_message(
                text=f"좋아요! {attach_particle(title, '을/를')} 마음에 들어 하신다고 "
                "기억해 둘게요. 비슷한 작품을 더 보여드릴까요?",
                json_message={"offer": "more"},
            )
        elif signal == "dislike":
            dispatcher.utter_message(
                text=f"알겠어요. {attach_particle(title, '은/는')} 앞으로 추천하지 "
                "않을게요. 다른 걸 보여드릴까요?",
                json_message={"offer": "more"},
            )
        else:
            dispatcher.utter_message(
                text=f"{attach_particle(title, '은/는')} 이미 보셨군요. 빼고 추천할게요. "
                "다른 걸 보여드릴까요?",
                json_message={"offer": "more"},
            )
        return []
