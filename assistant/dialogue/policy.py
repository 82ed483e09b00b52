"""The policy: from what the NLU understood and the dialogue state, decide what to do next.

Pure decisions, no I/O: run an action (with which latest message and slot changes), ask the user
to choose between the two likeliest intents ("혹시 ○○ 말씀이세요?"), or answer that the request is
out of what the assistant does. Thresholds come from ``Settings``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.dialogue.tracker import DialogueState
from assistant.nlu.features import ENTITY_TYPES
from assistant.nlu.understand import Understanding

__all__ = ["INTENT_ACTIONS", "INTENT_LABELS", "LIST_ACTIONS", "Decision", "decide"]

INTENT_ACTIONS = {
    "greet": "action_greet",
    "goodbye": "action_goodbye",
    "help": "action_help",
    "out_of_scope": "action_out_of_scope",
    "ask_sql": "action_ask_sql",
    "recommend_comic": "action_recommend_comic",
    "recommend_video": "action_recommend_video",
    "feedback_like": "action_feedback",
    "feedback_dislike": "action_feedback",
    "feedback_seen": "action_feedback",
    "drug_lookup": "action_drug_lookup",
    "quant_info": "action_quant_info",
    "set_speaker": "action_set_speaker",
    "affirm": "action_acknowledge",
    "deny": "action_acknowledge",
}
# Actions whose answer is a list that "더 보여줘" pages through.
LIST_ACTIONS = (
    "action_recommend_comic",
    "action_recommend_video",
    "action_ask_sql",
    "action_drug_lookup",
)
# How a clarification names an intent to the user.
INTENT_LABELS = {
    "greet": "인사",
    "goodbye": "작별 인사",
    "help": "사용법 안내",
    "out_of_scope": "다른 주제의 질문",
    "ask_sql": "데이터 조회",
    "recommend_comic": "웹툰·만화 추천",
    "recommend_video": "영화·영상 추천",
    "feedback_like": "마음에 든다는 말씀",
    "feedback_dislike": "별로라는 말씀",
    "feedback_seen": "이미 보셨다는 말씀",
    "more": "더 보여 달라는 말씀",
    "drug_lookup": "약물 반응 조회",
    "quant_info": "양자화 모델 정보",
    "set_speaker": "목소리 변경",
    "affirm": "네",
    "deny": "아니요",
}


@dataclass
class Decision:
    """What the manager does this turn.

    ``action`` runs with ``message`` as the tracker's latest message after ``slot_updates`` are
    applied; without an action, ``text`` is said directly and ``pending`` is remembered.
    """

    action: str | None = None
    message: dict[str, Any] | None = None
    slot_updates: dict[str, Any] = field(default_factory=dict)
    text: str | None = None
    pending: dict[str, Any] | None = None
    fallback: bool = False
    intent: str | None = None


def _message(understanding: Understanding, text: str, intent: str | None = None) -> dict[str, Any]:
    return {
        "text": text,
        "intent": {"name": intent or understanding.intent, "confidence": understanding.confidence},
        "intent_ranking": [{"name": n, "confidence": c} for n, c in understanding.ranking[:5]],
        "entities": [e.as_dict() for e in understanding.entities],
    }


def _entity_slots(understanding: Understanding) -> dict[str, Any]:
    return {e.type: e.value for e in understanding.entities if e.type in ENTITY_TYPES}


def _run(
    intent: str, message: dict[str, Any], entity_slots: dict[str, Any], state: DialogueState
) -> Decision:
    updates = dict(entity_slots)
    if intent in ("recommend_comic", "recommend_video"):
        updates["page"] = 0
        # A new request resets filters the user did not repeat ("로맨스 웹툰" then "액션 웹툰").
        for slot in ("genre", "title", "count"):
            updates.setdefault(slot, None)
    if intent == "more":
        if state.last_action not in LIST_ACTIONS:
            return Decision(
                text="지금은 더 보여드릴 목록이 없어요. 무엇을 찾아 드릴까요?", intent=intent
            )
        updates["page"] = int(state.slots.get("page") or 0) + 1
        more_message = dict(state.last_message or message)
        more_message["more"] = True
        return Decision(
            action=state.last_action, message=more_message, slot_updates=updates, intent=intent
        )
    message = {**message, "intent": {**message["intent"], "name": intent}}
    return Decision(
        action=INTENT_ACTIONS[intent], message=message, slot_updates=updates, intent=intent
    )


def _answer_pending(
    understanding: Understanding, text: str, state: DialogueState, threshold: float
) -> Decision | None:
    pending = state.pending or {}
    intent, kind = understanding.intent, pending.get("type")
    if kind == "clarify":
        options = pending["options"]
        choice = understanding.entity("ordinal")
        if intent == "affirm" or choice == 1:
            chosen = options[0]
        elif choice == 2 and len(options) > 1:
            chosen = options[1]
        elif intent in options and intent not in ("affirm", "deny"):
            chosen = intent  # "데이터 조회요": the user named one of the two
        elif intent == "deny":
            return Decision(
                text="알겠어요. 원하시는 걸 조금 다르게 말씀해 주시겠어요?", intent=intent
            )
        else:
            return None  # a new request
        return _run(chosen, pending["message"], pending["slots"], state)
    if kind == "offer":  # "다른 걸 보여드릴까요?"
        if intent == "affirm":
            return _run(pending["intent"], _message(understanding, text), {}, state)
        if intent == "deny":
            return Decision(text="알겠어요. 다른 게 필요하시면 말씀해 주세요.", intent=intent)
        return None
    if kind == "slot":
        slot = pending["slot"]
        value = understanding.entity(slot)
        if (
            value is None
            and slot in ("cell_line", "drug", "title", "genre")
            and intent not in ("deny", "goodbye")
            and (understanding.confidence < threshold or intent == pending.get("intent"))
        ):
            value = understanding.text.strip() or None  # a bare answer: "A549요"
        if value is not None:
            message = dict(pending["message"])
            return Decision(
                action=pending["action"],
                message=message,
                slot_updates={**_entity_slots(understanding), slot: value},
                intent=pending.get("intent"),
            )
        if intent == "deny":
            return Decision(text="알겠어요, 취소할게요.", intent=intent)
    return None


def decide(
    understanding: Understanding,
    text: str,
    state: DialogueState,
    *,
    threshold: float,
    fallback_threshold: float,
) -> Decision:
    """Choose the next step for this turn.

    Args:
        understanding: the NLU result of the user's text.
        text: the user's text as typed or transcribed.
        state: the user's dialogue state (read only here).
        threshold: at or above it, the top intent is acted on.
        fallback_threshold: below it, the turn is answered as out of scope; between the two,
            the user is asked to choose between the top two intents.
    """
    if state.pending:
        answered = _answer_pending(understanding, text, state, threshold)
        if answered is not None:
            return answered
    intent, confidence = understanding.intent, understanding.confidence
    message, slots = _message(understanding, text), _entity_slots(understanding)
    if confidence >= threshold:
        return _run(intent, message, slots, state)
    if confidence < fallback_threshold:
        return Decision(action="action_out_of_scope", message=message, fallback=True, intent=intent)
    first, second = (name for name, _ in understanding.ranking[:2])
    if {first, second} <= {"affirm", "deny"}:
        return _run(first, message, slots, state)
    question = f"혹시 '{INTENT_LABELS[first]}' 말씀이세요? 아니면 '{INTENT_LABELS[second]}'인가요?"
    return Decision(
        text=question,
        fallback=True,
        intent=intent,
        pending={"type": "clarify", "options": [first, second], "message": message, "slots": slots},
    )
