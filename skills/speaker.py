"""Changing or asking about the voice that speaks the answers (intent ``set_speaker``).

The request comes from the ``speaker`` entity (NLU canonical values: ``female``, ``male``,
``faster``, ``slower``, ``lower``, ``higher``, or a number) and from the words of the message
("2번 화자", "여자 목소리로", "더 빠르게", "목소리가 별로야" → another voice, "지금 목소리 뭐야?").
The choice is stored as the user's default (``users.speaker``) and returned as ``SlotSet``.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from db.engine import session_scope
from db.schema import User
from models.korean import attach_particle, parse_number_words
from models.speech.tts.base import Speaker
from models.speech.tts.espeak import ESPEAK_SPEAKERS
from skills._base import SkillAction
from skills._runtime import runtime

__all__ = ["SetSpeaker", "choose_speaker"]

logger = logging.getLogger(__name__)

_ASK = re.compile(
    r"(지금|현재|무슨|어떤|뭐야|누구야|몇 ?번이야|몇 ?번 ?화자|what|which)"
    r".*(목소리|화자|음성|voice|speaker)"
    r"|(목소리|화자|음성|voice|speaker).*(뭐야|누구야|몇 ?번|뭐지|what)"
)
_LIST = re.compile(r"(목록|리스트|종류|뭐뭐|어떤 (목소리|화자|음성)(가|들이|)? ?(있|가능)|list)")
_WORDS = {
    "female": ("여자", "여성", "female", "woman", "girl"),
    "male": ("남자", "남성", "male", "man ", "boy"),
    "faster": ("빠르", "빨리", "faster", "fast", "너무 느려"),
    "slower": ("느리", "느린", "천천히", "slower", "slow", "너무 빨라"),
    "lower": ("낮은", "낮게", "굵은", "deeper", "lower", "너무 높아"),
    "higher": ("높은", "높게", "밝은", "higher"),
}
_COMPLAINT = (
    "별로",
    "싫어",
    "이상해",
    "어색",
    "로봇",
    "기계",
    "마음에 안",
    "다른",
    "새로운",
    "바꿔",
    "change",
    "switch",
    "교체",
    "변경",
)


def _speakers() -> list[Speaker]:
    """The voices of this process: the runtime's (when the edge set them) or espeak-ng's."""
    return list(runtime().speakers or ESPEAK_SPEAKERS)


def _requested_number(text: str, entity: Any) -> str | None:
    if isinstance(entity, int) or (isinstance(entity, str) and entity.strip().isdigit()):
        return str(int(entity))
    digits = parse_number_words(text)
    match = re.search(r"(\d+)\s*(번째|번|호)?\s*(화자|목소리|음성|speaker|voice)?", digits)
    if match and (match.group(2) or match.group(3)):
        return match.group(1)
    match = re.search(r"(?:speaker|voice|number)\s*(\d+)", digits, flags=re.IGNORECASE)
    return match.group(1) if match else None


def _wanted(text: str, entity: Any) -> set[str]:
    wanted = {str(entity)} & set(_WORDS) if entity is not None else set()
    low = f" {text.lower()} "
    for feature, words in _WORDS.items():
        if any(w in low for w in words):
            wanted.add(feature)
    if (
        "female" in wanted and "male" in wanted
    ):  # "여성" contains no "남", but "female" contains "male"
        wanted.discard("male")
    return wanted


def choose_speaker(
    text: str, entity: Any, current: Speaker | None, speakers: list[Speaker]
) -> tuple[Speaker | None, str]:
    """Pick the voice a request asks for.

    Args:
        text: the user's message.
        entity: the ``speaker`` entity value (canonical word or number), or ``None``.
        current: the user's current voice.
        speakers: the voices to choose from.

    Returns:
        ``(speaker, why)``: ``why`` is ``"number"``, ``"features"``, ``"another"``, ``"ask"``,
        ``"list"`` or ``"unknown_number"`` (then ``speaker`` is ``None``).
    """
    by_id = {s.id: s for s in speakers}
    number = _requested_number(text, entity)
    if number is not None:
        return by_id.get(number), "number" if number in by_id else "unknown_number"
    wanted = _wanted(text, entity)
    if not wanted:
        if _LIST.search(text) and not any(w in text for w in ("바꿔", "변경")):
            return current, "list"
        if _ASK.search(text) and not any(w in text for w in _COMPLAINT):
            return current, "ask"
        # A complaint or a bare "바꿔줘": the next voice after the current one.
        index = speakers.index(current) if current in speakers else -1
        return speakers[(index + 1) % len(speakers)], "another"
    base = current or speakers[0]

    def score(s: Speaker) -> float:
        points = 0.0
        if "female" in wanted:
            points += 3 if s.gender == "female" else 0
        if "male" in wanted:
            points += 3 if s.gender == "male" else 0
        if not wanted & {"female", "male"} and s.gender == base.gender:
            points += 1  # "더 빠르게" keeps the gender
        if "faster" in wanted:
            points += 2 if s.rate > base.rate else 0
            points += s.rate - base.rate
        if "slower" in wanted:
            points += 2 if s.rate < base.rate else 0
            points += base.rate - s.rate
        if "lower" in wanted:
            points += 2 if s.pitch < base.pitch else 0
        if "higher" in wanted:
            points += 2 if s.pitch > base.pitch else 0
        # Relative requests want a change; a plain "여자 목소리" is happy with the current one.
        if wanted & {"faster", "slower", "lower", "higher"} and s == base:
            points -= 5
        return points - 0.01 * speakers.index(s)  # ties: the lower id

    return max(speakers, key=score), "features"


def _label(s: Speaker) -> str:
    return f"{s.id}번 화자({s.name})"


class SetSpeaker(SkillAction):
    """Switches the user's TTS speaker, or says which one is on / which exist."""

    def name(self) -> str:
        """Action name."""
        return "action_set_speaker"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Choose, store in ``users.speaker`` and confirm in Korean."""
        text = (tracker.latest_message or {}).get("text") or ""
        entity = next(tracker.get_latest_entity_values("speaker"), None)
        speakers = _speakers()
        by_id = {s.id: s for s in speakers}
        with session_scope(runtime().engine) as session:
            user = session.get(User, tracker.sender_id)
            saved = user.speaker if user else None
        current_id = saved or tracker.get_slot("speaker")
        # Without a saved choice the user hears the default voice, the first one.
        current = by_id.get(str(current_id)) if current_id is not None else None
        current = current or speakers[0]
        chosen, why = choose_speaker(text, entity, current, speakers)
        if why == "unknown_number":
            ids = ", ".join(s.id for s in speakers)
            dispatcher.utter_message(
                text=f"그 번호의 화자는 없어요. {ids}번 중에서 골라 주세요.",
                json_message={"speakers": [s.as_dict() for s in speakers]},
            )
            return []
        if why in ("ask", "list"):
            shown = current
            names = ", ".join(_label(s) for s in speakers)
            intro = (
                f"지금은 {attach_particle(_label(shown), '이에요/예요')}." if why == "ask" else ""
            )
            dispatcher.utter_message(
                text=f"{intro} 고를 수 있는 목소리는 {names}예요.".strip(),
                json_message={"speakers": [s.as_dict() for s in speakers]},
            )
            return [SlotSet("speaker", shown.id)]
        assert chosen is not None
        with session_scope(runtime().engine) as session:
            user = session.get(User, tracker.sender_id)
            if user is None:
                user = User(id=tracker.sender_id)
                session.add(user)
            user.speaker = chosen.id
        if chosen.id == current.id:
            message = f"이미 {_label(chosen)}로 말하고 있어요."
        else:
            message = (
                f"네, {attach_particle(_label(chosen), '으로/로')} 바꿨어요. 이 목소리 어떠세요?"
            )
        logger.info("user %s speaker %s → %s (%s)", tracker.sender_id, current_id, chosen.id, why)
        dispatcher.utter_message(text=message, json_message={"speaker": chosen.id})
        return [SlotSet("speaker", chosen.id)]
