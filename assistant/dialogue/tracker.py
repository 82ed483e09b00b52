"""Dialogue state per user, stored in the app database so a restart (or another worker) loses nothing.

The state is a small JSON document in ``trackers.state``: slots, the assistant's last act (the
context the NLU reads), a pending question (clarification, missing slot, or an offer), what was
shown last (for "더 보여줘" and feedback on "두 번째 거"), and the current conversation id. Turns are
rows of ``turns``; a new conversation starts after a goodbye or a long pause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db.engine import session_scope
from db.schema import Conversation, TrackerState, Turn, User, utcnow

__all__ = ["DialogueState", "TrackerStore", "TurnRecord", "valid_user_id"]

# After this long without a turn, the next one opens a new conversation.
CONVERSATION_GAP = timedelta(minutes=30)
_USER_ID = re.compile(r"^[\w.@:+-]{1,64}$")


def valid_user_id(user_id: str) -> bool:
    """Ids are 1–64 letters, digits or ``_.@:+-`` (any script); nothing else reaches the DB."""
    return bool(_USER_ID.match(user_id or ""))


@dataclass
class DialogueState:
    """The mutable dialogue state of one user."""

    user_id: str
    slots: dict[str, Any] = field(default_factory=dict)
    context: str = "none"
    pending: dict[str, Any] | None = None
    last_action: str | None = None
    last_message: dict[str, Any] | None = None
    conversation_id: int | None = None
    speaker: str | None = None
    new_user: bool = False

    def to_json(self) -> dict[str, Any]:
        """The JSON document stored in ``trackers.state``."""
        return {
            "slots": self.slots,
            "context": self.context,
            "pending": self.pending,
            "last_action": self.last_action,
            "last_message": self.last_message,
            "conversation_id": self.conversation_id,
        }


@dataclass
class TurnRecord:
    """One message to append to the conversation."""

    role: str
    text: str
    intent: str | None = None
    confidence: float | None = None
    skill: str | None = None
    payload: dict[str, Any] = field(default_factory=dict)


class TrackerStore:
    """Loads and saves ``DialogueState`` and appends turns, one transaction per turn."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def load(self, user_id: str) -> DialogueState:
        """The state of ``user_id``; an unknown user starts with an empty state."""
        with session_scope(self.engine) as session:
            user = session.get(User, user_id)
            row = session.get(TrackerState, user_id)
            state = DialogueState(
                user_id=user_id, new_user=user is None, speaker=user.speaker if user else None
            )
            if row is not None:
                doc = row.state or {}
                state.slots = dict(doc.get("slots") or {})
                state.context = doc.get("context") or "none"
                state.pending = doc.get("pending")
                state.last_action = doc.get("last_action")
                state.last_message = doc.get("last_message")
                state.conversation_id = doc.get("conversation_id")
            return state

    def save(
        self, state: DialogueState, turns: list[TurnRecord], *, end_conversation: bool = False
    ) -> int:
        """Append ``turns`` and store ``state`` atomically; returns the conversation id."""
        with session_scope(self.engine) as session:
            now = utcnow()
            user = session.get(User, state.user_id)
            if user is None:
                user = User(id=state.user_id, created_at=now)
                session.add(user)
                session.flush()  # the conversation row refers to it
            user.last_seen_at = now
            conversation_id = self._conversation(session, state)
            for turn in turns:
                session.add(
                    Turn(
                        conversation_id=conversation_id,
                        user_id=state.user_id,
                        role=turn.role,
                        text=turn.text,
                        intent=turn.intent,
                        confidence=turn.confidence,
                        skill=turn.skill,
                        payload=turn.payload,
                        created_at=now,
                    )
                )
            state.conversation_id = None if end_conversation else conversation_id
            row = session.get(TrackerState, state.user_id)
            if row is None:
                session.add(
                    TrackerState(user_id=state.user_id, state=state.to_json(), updated_at=now)
                )
            else:
                row.state, row.updated_at = state.to_json(), now
            return conversation_id

    def _conversation(self, session: Session, state: DialogueState) -> int:
        if state.conversation_id is not None:
            last = session.scalar(
                select(Turn.created_at)
                .where(Turn.conversation_id == state.conversation_id)
                .order_by(Turn.id.desc())
                .limit(1)
            )
            if last is not None and utcnow() - _aware(last) < CONVERSATION_GAP:
                return state.conversation_id
        conversation = Conversation(user_id=state.user_id)
        session.add(conversation)
        session.flush()
        return conversation.id

    def history(self, user_id: str, limit: int = 50) -> list[dict[str, Any]]:
        """The user's last ``limit`` turns, oldest first (for the UI after a restart)."""
        with session_scope(self.engine) as session:
            rows = session.scalars(
                select(Turn).where(Turn.user_id == user_id).order_by(Turn.id.desc()).limit(limit)
            ).all()
            return [
                {
                    "role": r.role,
                    "text": r.text,
                    "intent": r.intent,
                    "skill": r.skill,
                    "payload": r.payload,
                    "at": r.created_at.isoformat(),
                }
                for r in reversed(rows)
            ]

    def set_speaker(self, user_id: str, speaker: str) -> None:
        """Store the user's default TTS speaker (creating the user if needed)."""
        with session_scope(self.engine) as session:
            user = session.get(User, user_id) or User(id=user_id)
            user.speaker = speaker
            session.add(user)


def _aware(moment):  # noqa: ANN001, ANN202 - SQLite returns naive datetimes
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)
