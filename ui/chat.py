"""The chat tab: a ``Chatbot`` with a text box where Enter sends, a microphone, and spoken answers.

A turn runs in two events: the answer (text, table, SQL, items) appears as soon as the dialogue
manager is done, then ``speak`` streams the answer's audio one sentence at a time
(``VoicePipeline.synthesize_stream``) into an autoplaying ``gr.Audio(streaming=True)``, so the
first sentence plays while the rest is still being synthesized.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from assistant import DialogueManager, Reply
from ui._render import bar_chart, history_messages, reply_messages, table_frame
from ui.tabs.settings import DEFAULT_SPEAKER, SettingsPanel, new_browser_user

__all__ = ["ChatTab", "build_chat_tab", "load_session", "session_user", "switch_user"]

logger = logging.getLogger(__name__)

HISTORY_TURNS = 60
PLACEHOLDER = (
    "**소리**에게 물어보세요. 예: *로맨스 웹툰 추천해줘*, "
    "*평점 9점 넘는 액션 웹툰 몇 개야?*, *K-562에 이매티닙 반응 어때?*"
)
INPUT_HINT = "메시지를 입력하고 Enter를 누르세요"
LOADING = "대화 기록을 불러오는 중…"
EXAMPLES = [
    "로맨스 웹툰 추천해줘",
    "평점 9점 넘는 액션 웹툰 몇 개야?",
    "주말에 볼 액션 영화 골라줘",
    "K-562에 이매티닙 반응 어때?",
    "더 보여줘",
]


@dataclass
class ChatTab:
    """The chat tab's components (the app wires page-load events to them)."""

    chatbot: gr.Chatbot
    textbox: gr.Textbox
    mic: gr.Audio
    answer_audio: gr.Audio
    table: gr.Dataframe
    chart: gr.BarPlot
    last_answer: gr.State

    def ready(self) -> tuple[Any, Any]:
        """Updates that switch the text box and the microphone on (outputs ``textbox, mic``)."""
        return gr.update(interactive=True, placeholder=INPUT_HINT), gr.update(interactive=True)


def session_user(field: str | None, request: gr.Request | None) -> str:
    """Who is talking: the logged-in name when auth is on, else the settings field."""
    username = getattr(request, "username", None) if request is not None else None
    return username or (field or "").strip()


def _table_updates(reply_table: dict[str, Any] | None) -> tuple[Any, Any]:
    """Updates of the table under the chat and its bar chart for the last answer."""
    if not reply_table or not reply_table.get("columns"):
        return gr.update(visible=False, value=None), gr.update(visible=False, value=None)
    columns, rows = reply_table["columns"], reply_table.get("rows") or []
    frame = table_frame(columns, rows)
    bars = bar_chart(columns, rows)
    chart = gr.update(visible=True, **bars) if bars else gr.update(visible=False, value=None)
    return gr.update(visible=True, value=frame, label=f"마지막 답의 표 ({len(rows)}행)"), chart


def _answer(reply: Reply) -> list[dict[str, Any]]:
    return reply_messages(reply.text, table=reply.table, sql=reply.sql, items=reply.items)


def _saved_speaker(manager: DialogueManager, user: str) -> str | None:
    """The speaker the user chose in conversation ("2번 목소리로 바꿔줘"), if any."""
    try:
        return manager.store.load(user).speaker
    except Exception:  # noqa: BLE001 - the default voice is a fine fallback
        return None


def build_chat_tab(manager: DialogueManager, panel: SettingsPanel) -> ChatTab:
    """Render the chat tab's components in the current Blocks context and wire their events."""
    chatbot = gr.Chatbot(
        label="소리",
        height=560,
        placeholder=PLACEHOLDER,
        elem_id="chatbot",
        buttons=["copy"],
        feedback_options=None,
        layout="bubble",
    )
    # Input stays off until the page-load event has chosen the user id (see ``ChatTab.ready``),
    # or a fast first message would go out with no user.
    textbox = gr.Textbox(
        placeholder=LOADING,
        interactive=False,
        show_label=False,
        lines=1,
        max_lines=4,
        submit_btn="보내기",
        autofocus=True,
        max_length=2000,
        elem_id="chat-input",
    )
    gr.Examples(EXAMPLES, inputs=textbox, label="이렇게 물어보세요")
    with gr.Row(equal_height=True):
        mic = gr.Audio(
            sources=["microphone", "upload"],
            type="filepath",
            format="wav",
            label="말로 묻기 (마이크)",
            interactive=False,
            elem_id="mic",
            buttons=[],
        )
        answer_audio = gr.Audio(
            label="음성 답변",
            streaming=True,
            autoplay=True,
            interactive=False,
            elem_id="answer-audio",
            buttons=["download"],
        )
    table = gr.Dataframe(
        visible=False,
        interactive=False,
        label="마지막 답의 표",
        wrap=True,
        max_height=360,
        elem_id="answer-table",
    )
    chart = gr.BarPlot(visible=False, label="차트", elem_id="answer-chart", sort=None)
    # What the last answer said (text, table, whether it must be spoken), for the speech event.
    last_answer = gr.State(None)

    def respond(
        message: str, history: list[dict[str, Any]], field: str, request: gr.Request
    ) -> Iterator[tuple[Any, ...]]:
        user = session_user(field, request)
        if not (message or "").strip():
            yield history, "", gr.skip(), gr.skip(), None
            return
        pending = [
            *history,
            {"role": "user", "content": message},
            {"role": "assistant", "content": "…"},
        ]
        yield pending, "", gr.skip(), gr.skip(), None
        reply = manager.handle(user, message, voice=False)
        table_update, chart_update = _table_updates(reply.table)
        yield (
            [*pending[:-1], *_answer(reply)],
            "",
            table_update,
            chart_update,
            {"text": reply.text, "table": reply.table, "spoken": False, "user": user},
        )

    def voice_turn(
        path: str | None, history: list[dict[str, Any]], field: str, request: gr.Request
    ) -> tuple[Any, ...]:
        if not path:
            return history, gr.skip(), gr.skip(), gr.skip(), None
        user = session_user(field, request)
        audio = Path(path).read_bytes()
        reply = manager.handle(user, audio=audio, filename=Path(path).name, voice=False)
        heard = reply.transcript if reply.transcript is not None else "(음성을 알아듣지 못했어요)"
        table_update, chart_update = _table_updates(reply.table)
        messages = [
            *history,
            {"role": "user", "content": heard or "(말소리가 없었어요)"},
            *_answer(reply),
        ]
        return (
            messages,
            None,
            table_update,
            chart_update,
            {"text": reply.text, "table": reply.table, "spoken": True, "user": user},
        )

    def speak(last: dict[str, Any] | None, speaker: str, voice_on: bool) -> Iterator[bytes | None]:
        if not last or not (voice_on or last.get("spoken")) or not last.get("text"):
            return
        chosen = speaker if speaker != DEFAULT_SPEAKER else _saved_speaker(manager, last["user"])
        try:
            yield from manager.voice.synthesize_stream(
                last["text"], chosen, table=last.get("table")
            )
        except Exception as exc:  # noqa: BLE001 - no voice, but the text answer stands
            logger.exception("speech synthesis failed")
            gr.Warning(f"음성 답변을 만들지 못했어요: {getattr(exc, 'user_message', exc)}")

    turn_outputs = [chatbot, textbox, table, chart, last_answer]
    textbox.submit(
        respond,
        [textbox, chatbot, panel.user_id],
        turn_outputs,
        api_visibility="private",
        show_progress="minimal",
    ).then(
        speak,
        [last_answer, panel.speaker, panel.voice_on],
        answer_audio,
        api_visibility="private",
        show_progress="hidden",
    )
    voice_outputs = [chatbot, mic, table, chart, last_answer]
    for event in (mic.stop_recording, mic.upload):
        event(
            voice_turn,
            [mic, chatbot, panel.user_id],
            voice_outputs,
            api_visibility="private",
            show_progress="minimal",
        ).then(
            speak,
            [last_answer, panel.speaker, panel.voice_on],
            answer_audio,
            api_visibility="private",
            show_progress="hidden",
        )
    return ChatTab(chatbot, textbox, mic, answer_audio, table, chart, last_answer)


def load_session(
    manager: DialogueManager, browser_user: str | None, request: gr.Request
) -> tuple[Any, ...]:
    """Page load: pick the user id (login, then this browser's saved id, else a new one) and
    show that user's history from the database."""
    username = getattr(request, "username", None)
    user = username or (browser_user or "").strip() or new_browser_user()
    return user, user, history_messages(manager.history(user, HISTORY_TURNS))


def switch_user(manager: DialogueManager, field: str, request: gr.Request) -> tuple[Any, ...]:
    """The user id was edited: load that user's history (a login cannot switch)."""
    user = session_user(field, request)
    if not user:
        return gr.skip(), gr.skip(), gr.skip()
    return user, user, history_messages(manager.history(user, HISTORY_TURNS))
