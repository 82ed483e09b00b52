"""The ``sori`` command as a user runs it: a subprocess, the JSON contract on the last stdout line."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import rasa_sdk

SORI = [sys.executable, "-m", "assistant.cli"]


def run_sori(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*SORI, *args], capture_output=True, text=True, timeout=timeout, env=os.environ
    )


def test_help_lists_the_commands() -> None:
    result = run_sori("--help")
    assert result.returncode == 0
    for command in ("chat", "say", "ui", "serve-actions", "data", "db", "bench", "sql", "tts"):
        assert command in result.stdout


def test_say_json_contract_and_conversation_across_calls(sori_home: Path) -> None:
    first = run_sori("say", "--user", "cli-test", "--json", "로맨스 웹툰 추천해줘")
    assert first.returncode == 0, first.stderr[-2000:]
    reply = json.loads(first.stdout.strip().splitlines()[-1])
    for key in ("text", "intent", "confidence", "skill", "sql", "table", "timings_ms"):
        assert key in reply
    assert reply["intent"] == "recommend_comic" and reply["skill"] == "action_recommend_comic"
    second = json.loads(
        run_sori("say", "--user", "cli-test", "--json", "더 보여줘").stdout.splitlines()[-1]
    )
    assert second["intent"] == "more" and second["skill"] == "action_recommend_comic"
    assert {i["id"] for i in second["items"]}.isdisjoint({i["id"] for i in reply["items"]})


def test_db_upgrade_and_quant_list(sori_home: Path) -> None:
    assert run_sori("db", "upgrade").returncode == 0
    listed = run_sori("quant", "list", "--json")
    assert listed.returncode == 0 and "models" in json.loads(listed.stdout.splitlines()[-1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_actions_answers_the_rasa_webhook(sori_home: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [*SORI, "serve-actions", "--port", str(port)],
        env=os.environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        call = {
            "next_action": "action_recommend_video",
            "sender_id": "webhook-test",
            "version": rasa_sdk.__version__,
            "domain": {},
            "tracker": {
                "sender_id": "webhook-test",
                "slots": {},
                "events": [],
                "latest_message": {
                    "text": "액션 영화 추천",
                    "intent": {"name": "recommend_video"},
                    "entities": [{"entity": "genre", "value": "액션"}],
                },
            },
        }
        response = httpx.post(f"http://127.0.0.1:{port}/webhook", json=call, timeout=30)
        assert response.status_code == 200
        body = response.json()
        items = body["responses"][0]["custom"]["items"]
        assert items and all("액션" in i["genres"] for i in items)
        assert any(e["name"] == "shown" for e in body["events"])
    finally:
        server.terminate()
        server.wait(timeout=30)
