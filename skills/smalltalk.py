"""Greeting, goodbye, help, out-of-scope and bare yes/no: the conversation around the skills."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from skills._base import SkillAction, intent_of

__all__ = ["Acknowledge", "Goodbye", "Greet", "Help", "OutOfScope"]

CAPABILITIES = (
    '• 웹툰·만화 추천 (예: "로맨스 웹툰 추천해줘")\n'
    '• 영화·드라마 추천 (예: "주말에 볼 액션 영화 골라줘")\n'
    '• 데이터베이스 질문 (예: "평점 9점 넘는 액션 웹툰 몇 개야?")\n'
    '• 약물 반응 조회 (예: "K-562에 이매티닙 반응 어때?")\n'
    '• 양자화 모델 정보 (예: "4비트 모델 정확도는?")\n'
    '• 목소리 바꾸기 (예: "2번 화자로 바꿔줘")'
)


class Greet(SkillAction):
    """Says hello and what the assistant can do."""

    def name(self) -> str:
        """Action name."""
        return "action_greet"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Greets; the first time it also lists what it can do."""
        if tracker.get_slot("greeted"):
            dispatcher.utter_message(text="다시 만나서 반가워요! 무엇을 도와드릴까요?")
            return []
        dispatcher.utter_message(
            text="안녕하세요! 저는 소리예요. 이런 걸 도와드릴 수 있어요:\n" + CAPABILITIES
        )
        return [SlotSet("greeted", True)]


class Goodbye(SkillAction):
    """Ends the conversation politely."""

    def name(self) -> str:
        """Action name."""
        return "action_goodbye"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Says goodbye."""
        dispatcher.utter_message(text="이용해 주셔서 고마워요. 또 찾아 주세요! 안녕히 가세요.")
        return []


class Help(SkillAction):
    """Explains what the assistant can do and how to ask."""

    def name(self) -> str:
        """Action name."""
        return "action_help"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Lists the skills with an example each."""
        dispatcher.utter_message(
            text="제가 할 수 있는 일이에요. 글로 쓰시거나 마이크로 말씀해 주세요.\n"
            + CAPABILITIES
            + '\n추천 뒤에는 "더 보여줘", "이거 좋다", "이미 봤어"처럼 말씀해 주시면 반영할게요.'
        )
        return []


class OutOfScope(SkillAction):
    """Politely declines what no skill does, and says what it can do instead."""

    def name(self) -> str:
        """Action name."""
        return "action_out_of_scope"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Declines and lists the skills."""
        dispatcher.utter_message(
            text="죄송해요, 그건 제가 도와드릴 수 없는 일이에요. 대신 이런 걸 할 수 있어요:\n"
            + CAPABILITIES
        )
        return []


class Acknowledge(SkillAction):
    """Answers a yes or no that followed no question."""

    def name(self) -> str:
        """Action name."""
        return "action_acknowledge"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Acknowledges and invites the next request."""
        if intent_of(tracker) == "deny":
            dispatcher.utter_message(text="알겠어요. 필요하신 게 있으면 언제든 말씀해 주세요.")
        else:
            dispatcher.utter_message(text="네! 무엇을 도와드릴까요?")
        return []
