"""The chat tab's session logic: who is talking, and history loaded from the database."""

from __future__ import annotations

import re

import gradio as gr

from assistant import DialogueManager
from ui.app import build_blocks
from ui.chat import load_session, session_user, switch_user


def test_a_new_browser_gets_its_own_id(manager: DialogueManager) -> None:
    user, saved, messages = load_session(manager, "", gr.Request())

    assert re.fullmatch(r"web-[0-9a-f]{6}", user)
    assert saved == user  # stored in the browser for the next visit
    assert messages == []


def test_history_comes_back_from_the_database(manager: DialogueManager) -> None:
    manager.handle("history-eve", "로맨스 웹툰 추천해줘")

    user, _, messages = load_session(manager, "history-eve", gr.Request())

    assert user == "history-eve"
    assert messages[0] == {"role": "user", "content": "로맨스 웹툰 추천해줘"}
    assert messages[1]["role"] == "assistant"
    assert "| 제목 |" in messages[1]["content"]  # the recommended items, as a table


def test_a_login_decides_the_user(manager: DialogueManager) -> None:
    login = gr.Request(username="minji")

    assert load_session(manager, "web-123456", login)[0] == "minji"
    assert switch_user(manager, "someone-else", login)[0] == "minji"
    assert session_user("someone-else", login) == "minji"
    assert session_user(" typed-id ", gr.Request()) == "typed-id"


def test_the_browser_id_survives_a_server_restart(manager: DialogueManager) -> None:
    # Gradio encrypts BrowserState with a random key per process unless given one.
    first = build_blocks(manager)
    second = build_blocks(manager)  # what a restarted server builds

    secrets = [
        {b.secret for b in blocks.blocks.values() if isinstance(b, gr.BrowserState)}
        for blocks in (first, second)
    ]
    assert len(secrets[0]) == 1 and secrets[0] == secrets[1]
    secret_file = manager.settings.home / "ui-secret"
    assert secret_file.stat().st_mode & 0o077 == 0
