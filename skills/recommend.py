"""Comic and video recommendation: the asked kind (and genre), skipping what the user has seen,
disliked or was just shown; "더 보여줘" pages on."""

from __future__ import annotations

from abc import abstractmethod
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from db.engine import session_scope
from db.schema import Feedback
from models.korean import attach_particle
from models.recsys import popular_items
from skills._base import SkillAction, slot_or_entity
from skills._runtime import runtime
from skills.errors import NoAnswer

__all__ = ["RecommendComic", "RecommendVideo"]

_KIND_WORDS = {"comic": "웹툰", "video": "영상"}
_MAX_COUNT = 20


def _excluded_by_feedback(user_id: str, kind: str) -> set[int]:
    with session_scope(runtime().engine) as session:
        return set(
            session.scalars(
                select(Feedback.item_id).where(
                    Feedback.user_id == user_id,
                    Feedback.kind == kind,
                    Feedback.signal.in_(("seen", "dislike")),
                )
            )
        )


class _Recommend(SkillAction):
    kind = ""

    @abstractmethod
    def name(self) -> str:
        """Action name (each kind has its own)."""

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        more = bool(tracker.latest_message.get("more"))
        genre = slot_or_entity(tracker, "genre")
        count = slot_or_entity(tracker, "count") or runtime().page_size
        count = max(1, min(int(count), _MAX_COUNT))
        shown = list(tracker.get_slot("shown") or []) if more else []
        exclude = set(shown) | _excluded_by_feedback(tracker.sender_id, self.kind)
        items = popular_items(
            runtime().engine, self.kind, genre=genre, exclude=exclude, limit=count
        )
        word = f"{genre} {_KIND_WORDS[self.kind]}" if genre else _KIND_WORDS[self.kind]
        if not items:
            raise NoAnswer(
                f"더 추천해 드릴 {attach_particle(word, '이/가')} 없어요."
                if more
                else f"조건에 맞는 {attach_particle(word, '을/를')} 찾지 못했어요.",
                self.name(),
            )
        for item in items:
            item["kind"] = self.kind
        lines = [
            f"{i}. {item['title']}" + (f" (평점 {item['rating']:.1f})" if item["rating"] else "")
            for i, item in enumerate(items, 1)
        ]
        lead = f"{word} {'더 ' if more else ''}추천해 드릴게요."
        dispatcher.utter_message(
            text=lead + "\n" + "\n".join(lines), json_message={"items": items, "kind": self.kind}
        )
        return [
            SlotSet("shown", shown + [item["id"] for item in items]),
            SlotSet(
                "last_items",
                [{"id": i["id"], "title": i["title"], "kind": self.kind} for i in items],
            ),
            SlotSet("kind", self.kind),
            SlotSet("genre", genre),
            SlotSet("count", count),
        ]


class RecommendComic(_Recommend):
    """Recommends webtoons/comics."""

    kind = "comic"

    def name(self) -> str:
        """Action name."""
        return "action_recommend_comic"


class RecommendVideo(_Recommend):
    """Recommends movies, dramas and animation."""

    kind = "video"

    def name(self) -> str:
        """Action name."""
        return "action_recommend_video"
