"""Take ``docs/screenshot.png``: a real conversation in the web UI, with tables, in chromium.

Run by hand (not a test):

    .venv/bin/python tests/e2e/screenshot.py                  # starts its own `sori ui`
    .venv/bin/python tests/e2e/screenshot.py --url http://127.0.0.1:7860 --out /tmp/shot.png

Without ``--url`` the server uses ``SORI_HOME`` (default: a temporary folder sharing the test model
cache ``.pytest_cache/sori-models``, so a warm cache makes it quick).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sori_server import CHROMIUM, CHROMIUM_ARGS, SoriServer, chromium_missing  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
QUESTIONS = ["로맨스 웹툰 추천해줘", "K-562에 이매티닙 반응 어때?"]
ANSWER_TIMEOUT_MS = 600_000  # a first SQL question may train the parser for the demo catalog


def take(url: str, out: Path, questions: list[str]) -> None:
    """Ask ``questions`` in the chat at ``url`` and save a screenshot of the page to ``out``."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(
                viewport={"width": 1360, "height": 1000}, locale="ko-KR", device_scale_factor=1
            ).new_page()
            page.goto(url)
            box = page.locator("#chat-input textarea")
            expect(box).to_be_visible(timeout=60_000)
            chat = page.locator("#chatbot")
            for question in questions:
                answers = chat.locator(".bot").count()
                box.fill(question)
                box.press("Enter")
                expect(chat).to_contain_text(question, timeout=30_000)
                page.wait_for_function(
                    "n => document.querySelectorAll('#chatbot .bot').length > n "
                    "&& !document.querySelector('#chatbot')?.innerText.trim().endsWith('…')",
                    arg=answers,
                    timeout=ANSWER_TIMEOUT_MS,
                )
                page.wait_for_timeout(1500)
            # Open the collapsible SQL block of the last answer, if it has one.
            sql_blocks = chat.get_by_text("실행한 SQL 보기")
            if sql_blocks.count():
                sql_blocks.last.click()
                page.wait_for_timeout(500)
            page.wait_for_timeout(1000)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=True)
        finally:
            browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running `sori ui` (default: start one)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshot.png")
    parser.add_argument("--question", action="append", help="questions to ask (repeatable)")
    args = parser.parse_args()
    reason = chromium_missing()
    if reason:
        print(f"cannot take the screenshot: {reason}", file=sys.stderr)
        return 2
    questions = args.question or QUESTIONS
    if args.url:
        take(args.url, args.out, questions)
    else:
        home = Path(os.environ["SORI_HOME"]) if os.environ.get("SORI_HOME") else None
        with tempfile.TemporaryDirectory(prefix="sori-shot-") as tmp:
            if home is None:
                home = Path(tmp) / "home"
                home.mkdir()
            # SORI_MODEL_CACHE (e.g. the tests' SORI_TEST_MODEL_CACHE) spares a training run.
            cache = os.environ.get("SORI_MODEL_CACHE") or os.environ.get("SORI_TEST_MODEL_CACHE")
            print(f"starting sori ui (SORI_HOME={home}) …", file=sys.stderr)
            with SoriServer(
                home, Path(tmp) / "server.log", env={"SORI_MODEL_CACHE": cache} if cache else None
            ) as server:
                take(server.url, args.out, questions)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
