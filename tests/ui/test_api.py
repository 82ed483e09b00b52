"""The REST API against a real dialogue manager: contract, persistence, bad input, auth, health."""

from __future__ import annotations

import asyncio
import base64
import json
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant import DialogueManager, Settings
from ui.api import MAX_JSON_BYTES, MAX_TEXT_CHARS, MAX_UPLOAD_BYTES
from ui.app import build_app
from ui.auth import add_user

SAY_KEYS = {"text", "intent", "confidence", "skill", "sql", "table", "timings_ms"}


def test_chat_answers_with_the_say_json(client: TestClient) -> None:
    response = client.post("/api/chat", json={"text": "로맨스 웹툰 추천해줘", "user": "api-alice"})

    assert response.status_code == 200, response.text
    body = response.json()
    assert SAY_KEYS <= body.keys()
    assert body["skill"] == "action_recommend_comic"
    assert body["intent"] == "recommend_comic"
    assert 0 <= body["confidence"] <= 1
    assert body["items"] and all("title" in item for item in body["items"])
    assert body["error"] is None
    assert body["timings_ms"]["total"] > 0
    assert "audio" not in body


def test_chat_persists_across_a_restart(client: TestClient, ui_settings: Settings) -> None:
    first = client.post("/api/chat", json={"text": "로맨스 웹툰 추천해줘", "user": "restart-bob"})
    assert first.status_code == 200

    restarted = DialogueManager(ui_settings)  # a new process would build exactly this
    turns = restarted.history("restart-bob")
    assert [t["role"] for t in turns] == ["user", "assistant"]
    assert turns[0]["text"] == "로맨스 웹툰 추천해줘"
    assert turns[1]["text"] == first.json()["text"]
    with TestClient(build_app(ui_settings, restarted)) as new_client:
        more = new_client.post("/api/chat", json={"text": "더 보여줘", "user": "restart-bob"})
    assert more.status_code == 200
    assert more.json()["skill"] == "action_recommend_comic"  # the context survived the restart
    titles = {item["title"] for item in first.json()["items"]}
    assert not titles & {item["title"] for item in more.json()["items"]}


def test_user_defaults_to_api_when_auth_is_off(
    client: TestClient, manager: DialogueManager
) -> None:
    before = len(manager.history("api", 500))
    assert client.post("/api/chat", json={"text": "안녕"}).status_code == 200
    assert len(manager.history("api", 500)) == before + 2


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        ({"text": ""}, "비어"),
        ({"text": "   \n "}, "비어"),
        ({"text": "가" * 100_000}, f"최대 {MAX_TEXT_CHARS}자"),
        ({}, "필요"),
        ({"text": 42}, "문자열"),
        ({"text": "안녕", "user": "bad user!"}, "형식"),
        ([1, 2, 3], "JSON 객체"),
    ],
    ids=["empty", "blank", "100k-chars", "missing", "not-a-string", "bad-user", "array"],
)
def test_bad_chat_input_is_a_clear_422(client: TestClient, payload: object, fragment: str) -> None:
    response = client.post("/api/chat", json=payload)

    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_request"
    assert fragment in body["text"]


def test_malformed_json_is_a_clear_422(client: TestClient) -> None:
    response = client.post(
        "/api/chat",
        content='{"text": "안녕",'.encode(),
        headers={"content-type": "application/json"},
    )

    assert response.status_code == 422
    assert "JSON" in response.json()["text"]


def test_oversized_json_body_is_refused(client: TestClient) -> None:
    response = client.post(
        "/api/chat",
        content=b" " * (MAX_JSON_BYTES + 1),
        headers={"content-type": "application/json"},
    )

    assert response.status_code == 413
    assert response.json()["error"] == "too_large"


def test_oversized_upload_is_refused_by_its_declared_length(client: TestClient) -> None:
    # Only the header is big: the server must answer before reading a body it was promised.
    response = client.post(
        "/api/voice",
        content=b"x" * 10,
        headers={
            "content-length": str(MAX_UPLOAD_BYTES + 1),
            "content-type": "multipart/form-data; boundary=x",
        },
    )

    assert response.status_code == 413
    assert "20 MB" in response.json()["text"]


def test_oversized_chunked_upload_is_cut_off(client: TestClient) -> None:
    # Straight at the ASGI app: TestClient would buffer the whole body before the app runs.
    chunk = 2**20
    received = 0
    sent: list[dict] = []

    head = (
        b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\n'
        b"Content-Type: audio/wav\r\n\r\n"
    )

    async def receive() -> dict:
        nonlocal received
        body = head if received == 0 else b"\0" * chunk
        received += len(body)
        return {"type": "http.request", "body": body, "more_body": received < 60 * chunk}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/voice",
        "raw_path": b"/api/voice",
        "root_path": "",
        "query_string": b"",
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 1),
        "headers": [
            (b"host", b"testserver"),
            (b"transfer-encoding", b"chunked"),
            (b"content-type", b"multipart/form-data; boundary=b"),
        ],
    }
    asyncio.run(client.app(scope, receive, send))

    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 413
    assert received <= MAX_UPLOAD_BYTES + 2 * chunk  # 60 MB offered, reading stopped at the limit


def test_voice_rejects_an_empty_or_unreadable_file(client: TestClient) -> None:
    empty = client.post("/api/voice", files={"file": ("a.wav", b"", "audio/wav")})
    assert empty.status_code == 422
    assert empty.json()["error"] == "empty_audio"

    garbage = client.post(
        "/api/voice",
        data={"user": "voice-carol"},
        files={"file": ("a.wav", b"not audio at all" * 50, "audio/wav")},
    )
    assert garbage.status_code == 422
    body = garbage.json()
    assert body["error"] == "audio"
    assert body["text"]  # the Korean explanation of the audio problem
    assert "transcript" in body and "audio" in body


def test_voice_round_trip_with_espeak_audio(client: TestClient, tmp_path: Path) -> None:
    wav = tmp_path / "question.wav"
    spoken = subprocess.run(
        ["espeak-ng", "-v", "ko", "-w", str(wav), "로맨스 웹툰 추천해줘"],
        capture_output=True,
        check=False,
    )
    if spoken.returncode != 0:
        pytest.skip(f"espeak-ng cannot speak Korean here: {spoken.stderr.decode()[:200]}")

    response = client.post(
        "/api/voice",
        data={"user": "voice-dan"},
        files={"file": ("question.wav", wav.read_bytes(), "audio/wav")},
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert SAY_KEYS <= body.keys()
    assert isinstance(body["transcript"], str) and body["transcript"]
    assert base64.b64decode(body["audio"])[:4] == b"RIFF"
    assert body["speaker"]


def test_sql_unknown_database_is_a_404(client: TestClient) -> None:
    response = client.post("/api/sql", json={"db": "nope", "question": "몇 개야?"})

    assert response.status_code == 404
    assert "demo" in response.json()["text"]


def test_sql_answers_on_the_demo_catalog(client: TestClient) -> None:

    response = client.post("/api/sql", json={"db": "demo", "question": "장르별 웹툰 수 알려줘"})

    assert response.status_code == 200, response.text
    body = response.json()
    assert {"text", "sql", "columns", "rows", "confidence"} <= body.keys()
    assert body["sql"].lstrip().upper().startswith("SELECT")
    assert body["columns"] and body["rows"]
    assert 0 <= body["confidence"] <= 1
    assert "context" not in body


def test_sql_blank_question_is_a_422(client: TestClient) -> None:
    response = client.post("/api/sql", json={"db": "demo", "question": " "})

    assert response.status_code == 422
    assert "question" in response.json()["text"]


def test_health_reports_versions_and_the_database(client: TestClient) -> None:
    response = client.get("/api/health")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["reachable"] is True
    assert {"sori", "python", "gradio", "fastapi"} <= body["versions"].keys()
    assert body["auth"] is False
    assert "demo" in body["sql_databases"]


def test_openapi_lists_the_routes(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()

    assert {"/api/chat", "/api/voice", "/api/sql", "/api/health"} <= spec["paths"].keys()
    chat = spec["paths"]["/api/chat"]["post"]
    schema = chat["requestBody"]["content"]["application/json"]["schema"]
    assert schema["$ref"].endswith("ChatRequest")


def test_gradio_is_mounted_at_the_root(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "<html" in page.text.lower()
    config = client.get("/config").json()
    types = {component["type"] for component in config["components"]}
    assert {"chatbot", "textbox", "audio", "dataframe"} <= types


def test_concurrent_users_are_served_in_parallel(client: TestClient) -> None:
    results: dict[str, int] = {}

    def talk(user: str) -> None:
        results[user] = client.post("/api/chat", json={"text": "안녕", "user": user}).status_code

    threads = [threading.Thread(target=talk, args=(f"crowd-{i}",)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results == {f"crowd-{i}": 200 for i in range(6)}


# ---------------------------------------------------------------- auth on
@pytest.fixture(scope="module")
def auth_client(
    ui_settings: Settings, manager: DialogueManager, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    users = tmp_path_factory.mktemp("auth") / "users.json"
    add_user(users, "minji", "correct-horse")
    settings = ui_settings.model_copy(update={"auth": users})
    with TestClient(build_app(settings, manager)) as test_client:
        yield test_client


def test_auth_requires_http_basic_on_the_api(auth_client: TestClient) -> None:
    anonymous = auth_client.post("/api/chat", json={"text": "안녕"})
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"].startswith("Basic")
    assert anonymous.json()["error"] == "unauthorized"

    wrong = auth_client.post("/api/chat", json={"text": "안녕"}, auth=("minji", "wrong-pass"))
    assert wrong.status_code == 401
    unknown = auth_client.post("/api/chat", json={"text": "안녕"}, auth=("nobody", "correct-horse"))
    assert unknown.status_code == 401


def test_auth_user_is_the_login_not_the_body(
    auth_client: TestClient, manager: DialogueManager
) -> None:
    response = auth_client.post(
        "/api/chat",
        auth=("minji", "correct-horse"),
        json={"text": "로맨스 웹툰 추천해줘", "user": "impostor"},
    )

    assert response.status_code == 200
    assert manager.history("impostor") == []
    assert manager.history("minji")[-2]["text"] == "로맨스 웹툰 추천해줘"
    health = auth_client.get("/api/health", auth=("minji", "correct-horse")).json()
    assert health["auth"] is True


def test_auth_guards_the_gradio_app(auth_client: TestClient) -> None:
    assert auth_client.get("/config").status_code == 401
    bad = auth_client.post("/login", data={"username": "minji", "password": "nope"})
    assert bad.status_code >= 400
    good = auth_client.post("/login", data={"username": "minji", "password": "correct-horse"})
    assert good.status_code == 200
    assert auth_client.get("/config").status_code == 200
    auth_client.cookies.clear()


def test_users_file_never_holds_the_password(tmp_path: Path) -> None:
    users = tmp_path / "users.json"
    add_user(users, "jun", "hunter2-long")

    text = users.read_text()
    assert "hunter2-long" not in text
    assert json.loads(text)["jun"].startswith("$2")
