"""The whole stack in a real browser: ``sori ui`` → headless chromium → type, Enter, answer.

Then the server restarts and the page reloads: the conversation must come back.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser

QUESTION = "로맨스 웹툰 추천해줘"


def test_enter_sends_and_the_answer_appears(sori_server: Any, page: Any) -> None:
    from playwright.sync_api import expect

    page.goto(sori_server.url)
    box = page.locator("#chat-input textarea")
    expect(box).to_be_visible(timeout=60_000)
    # The page-load event gave this new browser its own user id.
    expect(page.locator("#user-id textarea, #user-id input").first).to_have_value(
        re.compile(r"^web-[0-9a-f]{6}$"), timeout=30_000
    )

    box.fill(QUESTION)
    box.press("Enter")

    chat = page.locator("#chatbot")
    expect(chat).to_contain_text(QUESTION, timeout=30_000)
    answer_table = chat.locator("table").last
    expect(answer_table).to_contain_text("추천 이유", timeout=90_000)  # the items, as a table
    assert answer_table.locator("tbody tr").count() >= 1
    expect(box).to_have_value("")

    # The conversation lives in the database and the browser keeps its user id: after a server
    # restart, a reload shows it again.
    sori_server.restart()
    page.reload()
    expect(page.locator("#chatbot table").last).to_contain_text("추천 이유", timeout=60_000)
    expect(page.locator("#chatbot")).to_contain_text(QUESTION)
