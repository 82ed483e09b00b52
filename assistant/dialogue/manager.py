"""The dialogue manager: one turn in, one ``Reply`` out (text or voice), state kept in the database."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

import skills
from assistant import constants
from assistant.databases import sql_databases
from assistant.dialogue.executor import HttpActionRunner, InProcessActionRunner, action_call
from assistant.dialogue.policy import INTENT_ACTIONS, LIST_ACTIONS, Decision, decide
from assistant.dialogue.tracker import DialogueState, TrackerStore, TurnRecord, valid_user_id
from assistant.nlu.understand import Nlu, Understanding
from assistant.reply import Reply
from assistant.settings import Settings
from db.demo import build_demo
from db.engine import make_engine, session_scope
from db.migrate import upgrade
from db.schema import CellLine, Comic, Drug, Video
from models.errors import AudioError, ModelError
from models.quant import list_models, register_model

__all__ = ["DialogueManager"]

logger = logging.getLogger(__name__)

_DOMAIN = {
    "intents": sorted({*INTENT_ACTIONS, "more"}),
    "actions": sorted(set(INTENT_ACTIONS.values())),
}
INTENT_MODEL_NAME = "intent-classifier"
# The context the NLU reads on the next turn, by the action that answered (even when it found
# nothing: "그럼 작가별로는?" after a failed SQL answer is still about the data).
_ACTION_CONTEXTS = {
    "action_ask_sql": "showed_table",
    "action_recommend_comic": "showed_items",
    "action_recommend_video": "showed_items",
    "action_drug_lookup": "showed_drug",
    "action_quant_info": "showed_quant",
    "action_set_speaker": "changed_speaker",
}


@dataclass
class _Turn:
    """What one turn produced before it is saved."""

    reply: Reply
    understanding: Understanding | None = None
    decision: Decision | None = None
    events: list[dict[str, Any]] = field(default_factory=list)


class DialogueManager:
    """Understands a user's turn, decides, runs a skill and remembers everything.

    Example:
        >>> manager = DialogueManager(Settings(home="/tmp/sori-doc"))  # doctest: +SKIP
        >>> manager.handle("me", "로맨스 웹툰 추천해줘").skill  # doctest: +SKIP
        'action_recommend_comic'
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine = self.prepare_skills(settings)
        self.nlu = Nlu.load(
            settings.model_dir, settings.analyzer, known=self._known_values(), quant=settings.quant
        )
        self._register_intent_model()
        self.runner = (
            HttpActionRunner(settings.action_server_url)
            if settings.action_server_url
            else InProcessActionRunner()
        )
        self.store = TrackerStore(self.engine)
        self._voice = None

    @staticmethod
    def prepare_skills(settings: Settings) -> Engine:
        """Migrate the app database, build the demo data if missing, and configure the skills."""
        engine = make_engine(settings.db_url)
        upgrade(engine)
        build_demo(engine)
        databases = sql_databases(settings)
        speakers: tuple = ()
        if settings.tts_model_dir is not None:  # trained voices join espeak-ng's
            from assistant.voice.pipeline import VoicePipeline

            speakers = tuple(VoicePipeline(settings).speakers())
        skills.configure(
            skills.SkillRuntime(
                engine=engine,
                home=settings.home,
                sql_databases=databases,
                sql_timeout_ms=settings.sql_timeout_ms,
                sql_row_cap=settings.sql_row_cap,
                sql_profile=settings.sql_profile,
                page_size=settings.page_size,
                quant=settings.quant,
                speakers=speakers,
            )
        )
        return engine

    def _known_values(self) -> dict[str, list[str]]:
        with session_scope(self.engine) as session:
            return {
                "title": [
                    *session.scalars(select(Comic.title)),
                    *session.scalars(select(Video.title)),
                ],
                "cell_line": list(session.scalars(select(CellLine.name))),
                "drug": [
                    *session.scalars(select(Drug.name)),
                    *(n for n in session.scalars(select(Drug.name_ko)) if n),
                ],
            }

    def _register_intent_model(self) -> None:
        bundle = self.nlu.bundle
        if any(r["path"] == str(bundle.path) for r in list_models(self.engine, INTENT_MODEL_NAME)):
            return
        size_mb = (bundle.path / "model.pt").stat().st_size / 2**20
        register_model(
            self.engine,
            model=INTENT_MODEL_NAME,
            method="fp32",
            bits=32,
            metric_name="valid_intent_accuracy",
            metric=bundle.metrics.get("valid_intent_accuracy"),
            metric_fp32=bundle.metrics.get("valid_intent_accuracy"),
            size_mb=round(size_mb, 2),
            size_ratio=1.0,
            path=str(bundle.path),
            detail={"note": "validation share of synthesized data"},
        )

    @property
    def voice(self):  # noqa: ANN201 - VoicePipeline, imported lazily (speech models are heavy)
        """The speech pipeline, loaded on first use."""
        if self._voice is None:
            from assistant.voice.pipeline import VoicePipeline

            self._voice = VoicePipeline(self.settings)
        return self._voice

    def history(self, user_id: str, limit: int = 50) -> list[dict[str, Any]]:
        """The user's last turns, oldest first."""
        return self.store.history(user_id, limit) if valid_user_id(user_id) else []

    def sql_databases(self) -> list[str]:
        """Names of the databases the SQL skill may query: ``demo``, then the configured ones."""
        return list(skills.runtime().sql_databases)

    def ask_sql(
        self, db: str, question: str, context: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Ask database ``db`` a Korean question directly (the UI's SQL tab, ``POST /api/sql``).

        Returns:
            ``skills.sql.answer_question``'s dict: ``text``, ``sql``, ``columns``, ``rows``,
            ``confidence`` and ``context`` (pass it back for a follow-up question).
        """
        from skills.sql import answer_question  # the parser loads torch: only on first use

        return answer_question(db, question, context)

    def handle(
        self,
        user_id: str,
        text: str | None = None,
        audio: bytes | None = None,
        *,
        filename: str | None = None,
        speaker: str | None = None,
        voice: bool | None = None,
    ) -> Reply:
        """Answer one turn of ``user_id``, given as ``text`` or as ``audio`` bytes.

        Args:
            user_id: who is talking (1–64 letters, digits or ``_.@:+-``); new ids are welcome.
            text: what the user typed (ignored when ``audio`` is given).
            audio: a recording in any format ffmpeg reads.
            filename: the recording's name, a hint for its format.
            speaker: the TTS speaker for this answer (default: the user's saved one).
            voice: speak the answer (default: ``Settings.voice``, or always for audio input).
        """
        started = time.perf_counter()
        timings: dict[str, float] = {}
        if not valid_user_id(user_id):
            return Reply(
                text="사용자 ID가 올바르지 않아요. 영문·한글·숫자와 _ . @ : + - 로 64자 이내로 "
                "지어 주세요. (Invalid user id.)",
                error="invalid_user",
            )
        transcript = None
        if audio is not None:
            try:
                clock = time.perf_counter()
                transcript = self.voice.transcribe(audio, filename).text
                timings["stt"] = _ms(clock)
            except AudioError as exc:
                return Reply(
                    text=exc.user_message, error="audio", timings_ms={"total": _ms(started)}
                )
            text = transcript
            voice = True if voice is None else voice
        try:
            turn = self._turn(user_id, text or "", timings)
        except SQLAlchemyError:
            logger.exception("database failure during a turn of %s", user_id)
            return Reply(
                text="지금 대화 기록 저장소에 연결할 수 없어요. 잠시 후 다시 시도해 주세요.",
                error="database",
                timings_ms={"total": _ms(started)},
            )
        reply = turn.reply
        reply.transcript = transcript
        if voice if voice is not None else self.settings.voice:
            self._speak(reply, user_id, speaker, timings)
        timings["total"] = _ms(started)
        reply.timings_ms = timings
        return reply

    def _speak(
        self, reply: Reply, user_id: str, speaker: str | None, timings: dict[str, float]
    ) -> None:
        clock = time.perf_counter()
        chosen = speaker or self.store.load(user_id).speaker
        try:
            reply.audio = self.voice.synthesize(reply.text, chosen, table=reply.table)
            reply.speaker = self.voice.resolve_speaker(chosen).id
        except ModelError as exc:
            logger.warning("speech synthesis failed: %s", exc)
        timings["tts"] = _ms(clock)

    def _turn(self, user_id: str, text: str, timings: dict[str, float]) -> _Turn:
        clock = time.perf_counter()
        state = self.store.load(user_id)
        timings["db_load"] = _ms(clock)
        if not text.strip():
            turn = _Turn(
                Reply(
                    text="메시지가 비어 있어요. 궁금한 걸 말씀해 주세요. (Empty message.)",
                    error="empty",
                )
            )
        else:
            turn = self._understand_and_act(state, text, timings)
        clock = time.perf_counter()
        user_turn = TurnRecord(
            "user",
            text,
            turn.reply.intent,
            turn.reply.confidence,
            payload={"entities": turn.reply.entities, "context": state.context},
        )
        bot_turn = TurnRecord(
            "assistant",
            turn.reply.text,
            skill=turn.reply.skill,
            payload={
                "sql": turn.reply.sql,
                "table": turn.reply.table,
                "items": turn.reply.items,
                "error": turn.reply.error,
                "timings_ms": timings,
            },
        )
        self.store.save(
            state, [user_turn, bot_turn], end_conversation=turn.reply.skill == "action_goodbye"
        )
        timings["db_save"] = _ms(clock)
        return turn

    def _understand_and_act(
        self, state: DialogueState, text: str, timings: dict[str, float]
    ) -> _Turn:
        clock = time.perf_counter()
        understanding = self.nlu.understand(text, state.context)
        timings["nlu"] = _ms(clock)
        if not understanding.text:
            return _Turn(
                Reply(
                    text="알아볼 수 있는 글자가 없어요. 글로 다시 말씀해 주시겠어요? "
                    "(Nothing readable in the message.)",
                    error="unreadable",
                )
            )
        decision = decide(
            understanding,
            # the skills read what the reply says was read: the front part of a huge message
            text[: constants.MAX_TEXT_CHARS],
            state,
            threshold=self.settings.confidence_threshold,
            fallback_threshold=self.settings.fallback_threshold,
        )
        reply = Reply(
            text="",
            intent=understanding.intent,
            confidence=understanding.confidence,
            entities=[e.as_dict() for e in understanding.entities],
        )
        if understanding.truncated:
            reply.text = "(메시지가 너무 길어서 앞부분만 읽었어요.) "
        state.pending = decision.pending
        state.context = "asked_yes_no" if decision.pending else "none"
        if decision.action:
            clock = time.perf_counter()
            self._act(state, decision, reply)
            timings["skill"] = _ms(clock)
        else:
            reply.text += decision.text or ""
        if decision.fallback:
            reply.error = reply.error or "fallback"
        return _Turn(reply, understanding, decision)

    def _act(self, state: DialogueState, decision: Decision, reply: Reply) -> None:
        state.slots.update(decision.slot_updates)
        call = action_call(
            decision.action,
            state.user_id,
            state.slots,
            decision.message,
            state.last_action,
            _DOMAIN,
        )
        try:
            result = self.runner.run(call)
        except skills.SkillError as exc:
            reply.text += exc.user_message
            reply.error = "skill"
            return
        except Exception:  # noqa: BLE001 - a skill bug must not end the conversation
            logger.exception("skill %s failed", decision.action)
            reply.text += "죄송해요, 처리하는 중에 문제가 생겼어요. 다시 한 번 말씀해 주시겠어요?"
            reply.error = "internal"
            return
        for event in result.get("events", []):
            if event.get("event") == "slot":
                state.slots[event["name"]] = event.get("value")
        reply.skill = decision.action
        texts, custom = [], {}
        for message in result.get("responses", []):
            if message.get("text"):
                texts.append(message["text"])
            custom.update(message.get("custom") or {})
        reply.text += "\n".join(texts)
        reply.table, reply.sql = custom.get("table"), custom.get("sql")
        reply.items, reply.figure = custom.get("items") or [], custom.get("figure")
        if custom.get("error"):
            reply.error = custom["error"]
        if decision.action in LIST_ACTIONS and not custom.get("error"):
            state.last_action, state.last_message = decision.action, decision.message
        if custom.get("ask_slot"):
            state.context = "asked_slot"
            state.pending = {
                "type": "slot",
                "slot": custom["ask_slot"],
                "action": decision.action,
                "message": decision.message,
                "intent": decision.intent,
            }
        elif custom.get("offer"):
            state.context = "asked_yes_no"
            state.pending = {"type": "offer", "intent": custom["offer"]}
        else:
            state.context = _ACTION_CONTEXTS.get(decision.action, "none")


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)
