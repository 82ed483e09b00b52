"""The settings panel beside the chat: who is talking, which voice answers, and the SQL database.

Speakers come from ``manager.voice.speakers()`` once the page has loaded (an event of its own), so
the UI is up at once even when speech models load slowly.
"""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import gradio as gr

from assistant import DialogueManager

__all__ = [
    "DEFAULT_SPEAKER",
    "SettingsPanel",
    "browser_secret",
    "build_settings_panel",
    "new_browser_user",
    "speaker_choices",
]

logger = logging.getLogger(__name__)

# The dropdown value meaning "the user's saved voice, or the default one".
DEFAULT_SPEAKER = ""


@dataclass
class SettingsPanel:
    """The panel's components, read by the chat and SQL tabs."""

    user_id: gr.Textbox
    speaker: gr.Dropdown
    voice_on: gr.Checkbox
    database: gr.Dropdown
    browser_user: gr.BrowserState


def browser_secret(home: Path) -> str:
    """The key that encrypts the user id saved in each browser, kept in ``home/ui-secret``."""
    path = home / "ui-secret"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        # O_EXCL: two processes starting at once keep whichever secret was written first.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_urlsafe(32))
    return path.read_text().strip()


def new_browser_user() -> str:
    """A fresh id for a browser that has none yet, e.g. ``web-3fa9c1``."""
    return f"web-{secrets.token_hex(3)}"


def speaker_choices(manager: DialogueManager) -> list[tuple[str, str]]:
    """``(label, id)`` pairs for the speaker dropdown (only the default if speech is broken)."""
    choices = [("기본 목소리 (저장된 설정)", DEFAULT_SPEAKER)]
    try:
        for speaker in manager.voice.speakers():
            choices.append((f"{speaker.id}. {speaker.name} ({speaker.engine})", str(speaker.id)))
    except Exception:  # noqa: BLE001 - a broken TTS must not break the page
        logger.exception("cannot list TTS speakers")
    return choices


def build_settings_panel(
    manager: DialogueManager, *, auth_on: bool, voice_default: bool
) -> SettingsPanel:
    """Render the panel inside the current Blocks context."""
    gr.Markdown("### 설정")
    user_id = gr.Textbox(
        label="사용자 ID",
        info=(
            "로그인한 이름으로 대화해요."
            if auth_on
            else "같은 ID로 돌아오면 대화가 이어져요. 바꾼 뒤 Enter를 누르세요."
        ),
        interactive=not auth_on,
        max_length=64,
        elem_id="user-id",
    )
    speaker = gr.Dropdown(
        choices=[("기본 목소리 (저장된 설정)", DEFAULT_SPEAKER)],
        value=DEFAULT_SPEAKER,
        label="답하는 목소리",
        elem_id="speaker",
        info="목록은 음성 엔진이 준비되면 채워져요.",
    )
    voice_on = gr.Checkbox(
        value=voice_default,
        label="글로 물어도 음성으로 답하기",
        info="말로 물으면 항상 음성으로 답해요.",
        elem_id="voice-on",
    )
    names = manager.sql_databases()
    database = gr.Dropdown(
        choices=names,
        value=names[0],
        label="SQL 데이터베이스",
        info="'데이터베이스에 묻기' 탭에서 질문할 곳",
        elem_id="sql-db",
    )
    # A fixed secret: with Gradio's default (random per process) a server restart would leave
    # every browser unable to read its saved id, and its conversation would seem lost.
    browser_user = gr.BrowserState(
        "", storage_key="sori-user-id", secret=browser_secret(manager.settings.home)
    )
    return SettingsPanel(user_id, speaker, voice_on, database, browser_user)
