"""The web app of ``sori ui``: the REST API (FastAPI) and the Gradio UI mounted at ``/``.

One ``DialogueManager`` is made per process, at start, and shared by the UI and the API. With a
users file (``--auth FILE`` or ``SORI_AUTH``) the UI shows Gradio's login page and ``/api/*`` asks
for HTTP Basic with the same names and passwords.

Example:
    >>> from assistant import Settings
    >>> serve(Settings(), host="127.0.0.1", port=7860)  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import sys
import time

import gradio as gr
from fastapi import FastAPI

from assistant import DialogueManager, Settings
from ui.api import MAX_UPLOAD_BYTES, build_api
from ui.auth import UserFile
from ui.chat import build_chat_tab, load_session, switch_user
from ui.tabs.settings import build_settings_panel, speaker_choices
from ui.tabs.sql import build_sql_tab

__all__ = ["build_app", "build_blocks", "serve"]

logger = logging.getLogger(__name__)

TITLE = "소리 (Sori)"
# Parallel UI events (each runs a dialogue turn or speech synthesis in a worker thread).
UI_CONCURRENCY = 4
_KOREAN_FONTS = ["Noto Sans KR", "NanumGothic", "Apple SD Gothic Neo", "Malgun Gothic"]
_CSS = """
#chatbot .message-wrap table { font-size: 0.92em; }
#chatbot .message-wrap th { white-space: nowrap; }
.sori-header h1 { margin-bottom: 0; }
"""


def _theme() -> gr.themes.Base:
    # Gradio's own fonts are bundled (no network); Korean glyphs come from the system fonts.
    return gr.themes.Default(
        primary_hue="indigo",
        font=[gr.themes.LocalFont("IBM Plex Sans"), *_KOREAN_FONTS, "ui-sans-serif", "sans-serif"],
    )


def build_blocks(manager: DialogueManager, *, auth_on: bool = False) -> gr.Blocks:
    """The Gradio Blocks: settings sidebar, the chat tab and the SQL tab."""
    with gr.Blocks(title=TITLE) as blocks:
        with gr.Sidebar(label="설정", position="right", open=True, width=300):
            panel = build_settings_panel(
                manager, auth_on=auth_on, voice_default=manager.settings.voice
            )
        gr.Markdown(
            f"# {TITLE}\n한국어로 묻고 답하는 오프라인 비서 — 추천, 데이터베이스 질문, "
            "약물 반응, 음성",
            elem_classes="sori-header",
        )
        with gr.Tabs():
            with gr.Tab("대화", id="chat"):
                chat = build_chat_tab(manager, panel)
            with gr.Tab("데이터베이스에 묻기", id="sql"):
                build_sql_tab(manager, panel.database)

        def on_load(saved: str | None, request: gr.Request) -> tuple:
            return (*load_session(manager, saved, request), *chat.ready())

        def on_user(field: str, request: gr.Request) -> tuple:
            return switch_user(manager, field, request)

        def on_speakers() -> dict:
            return gr.update(choices=speaker_choices(manager))

        session_outputs = [panel.user_id, panel.browser_user, chat.chatbot]
        load_outputs = [*session_outputs, chat.textbox, chat.mic]
        blocks.load(on_load, [panel.browser_user], load_outputs, api_visibility="private").then(
            on_speakers, None, panel.speaker, api_visibility="private", show_progress="hidden"
        )
        for event in (panel.user_id.submit, panel.user_id.blur):
            event(on_user, [panel.user_id], session_outputs, api_visibility="private")
    blocks.queue(default_concurrency_limit=UI_CONCURRENCY)
    return blocks


def build_app(settings: Settings, manager: DialogueManager | None = None) -> FastAPI:
    """The whole server app: REST routes under ``/api``, the Gradio UI at ``/``.

    Args:
        settings: the process's settings (``auth`` turns logins on).
        manager: an existing dialogue manager (tests share one); made from ``settings`` if ``None``.
    """
    users = UserFile(settings.auth) if settings.auth else None
    if manager is None:
        started = time.perf_counter()
        manager = DialogueManager(settings)
        logger.info("dialogue manager ready in %.1f s", time.perf_counter() - started)
    app = build_api(manager, users=users)
    blocks = build_blocks(manager, auth_on=users is not None)
    return gr.mount_gradio_app(
        app,
        blocks,
        path="/",
        auth=users,
        auth_message="소리에 로그인하세요 (`sori users add 이름`으로 만든 계정)",
        max_file_size=MAX_UPLOAD_BYTES,
        footer_links=[],
        run_history=False,
        ssr_mode=False,
        theme=_theme(),
        css=_CSS,
    )


def serve(settings: Settings, *, host: str = "127.0.0.1", port: int = 7860) -> None:
    """Build the app and run it with uvicorn until interrupted (``sori ui``)."""
    import uvicorn

    if settings.auth:  # check the users file before the slow start of the dialogue manager
        try:
            UserFile(settings.auth)
        except (OSError, ValueError) as exc:
            print(f"소리 웹 UI를 시작하지 못했어요: {exc}", file=sys.stderr)
            raise SystemExit(2) from exc
    app = build_app(settings)
    print(f"소리 웹 UI 준비 완료: http://{host}:{port}", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)
