"""The REST API (CLI.md "REST"): ``/api/chat``, ``/api/voice``, ``/api/sql``, ``/api/health``.

The FastAPI app built here is the server's root; ``ui.app`` mounts the Gradio UI on it at ``/``.
Endpoints are plain ``def`` functions, so FastAPI runs the blocking ``DialogueManager`` calls in
its thread pool and concurrent users do not wait for each other.

Example:
    >>> from fastapi.testclient import TestClient  # doctest: +SKIP
    >>> client = TestClient(build_api(DialogueManager(Settings())))  # doctest: +SKIP
    >>> answer = client.post("/api/chat", json={"text": "로맨스 웹툰 추천해줘"})  # doctest: +SKIP
    >>> answer.json()["skill"]  # doctest: +SKIP
    'action_recommend_comic'
"""

import logging
import platform
from collections.abc import Awaitable, Callable, MutableMapping
from importlib import metadata
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBasic, HTTPBasicCredentials
from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant import DialogueManager, Reply
from ui.auth import UserFile

__all__ = [
    "MAX_JSON_BYTES",
    "MAX_TEXT_CHARS",
    "MAX_UPLOAD_BYTES",
    "ChatRequest",
    "ChatResponse",
    "SqlRequest",
    "SqlResponse",
    "build_api",
]

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 20 * 2**20  # /api/voice: one recording
MAX_JSON_BYTES = 1 * 2**20  # every other /api/* body
# Longer text is refused here; up to this the manager reads the first MAX_TEXT_CHARS of assistant.
MAX_TEXT_CHARS = 10_000
DEFAULT_API_USER = "api"
_USER_PATTERN = r"^[\w.@:+-]{1,64}$"
# Turn errors that are the caller's fault (422) or the server's (503); the rest answer 200.
_ERROR_STATUS = {
    "invalid_user": 422,
    "empty": 422,
    "unreadable": 422,
    "audio": 422,
    "database": 503,
}


# ---------------------------------------------------------------- models
class ChatRequest(BaseModel):
    """One text turn."""

    text: str = Field(
        min_length=1,
        max_length=MAX_TEXT_CHARS,
        description="사용자 발화",
        examples=["로맨스 웹툰 추천해줘"],
    )
    user: str | None = Field(
        default=None,
        pattern=_USER_PATTERN,
        description="대화 상대 ID (인증이 꺼져 있을 때만 쓰여요; 기본 'api')",
        examples=["minji"],
    )

    @field_validator("text")
    @classmethod
    def _not_blank(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("text가 비어 있어요 (text is blank)")
        return text


class TableModel(BaseModel):
    """A result table."""

    columns: list[str]
    rows: list[list[Any]]


class ChatResponse(BaseModel):
    """The ``sori say --json`` object; voice turns add ``transcript``, ``audio`` and ``speaker``."""

    model_config = ConfigDict(extra="allow")

    text: str
    intent: str | None = None
    confidence: float | None = None
    skill: str | None = None
    sql: str | None = None
    table: TableModel | None = None
    items: list[dict[str, Any]] = []
    entities: list[dict[str, Any]] = []
    timings_ms: dict[str, float] = {}
    error: str | None = None
    transcript: str | None = Field(
        default=None, description="음성 입력에서 알아들은 문장 (/api/voice)"
    )
    audio: str | None = Field(default=None, description="답을 읽은 WAV, base64 (/api/voice)")
    speaker: str | None = Field(default=None, description="답을 읽은 화자 (/api/voice)")


class SqlRequest(BaseModel):
    """A question to one database."""

    db: str = Field(
        default="demo",
        min_length=1,
        max_length=64,
        description="데이터베이스 이름",
        examples=["demo"],
    )
    question: str = Field(
        min_length=1,
        max_length=MAX_TEXT_CHARS,
        description="한국어 질문",
        examples=["평점 9점 넘는 액션 웹툰 몇 개야?"],
    )

    @field_validator("question")
    @classmethod
    def _not_blank(cls, question: str) -> str:
        if not question.strip():
            raise ValueError("question이 비어 있어요 (question is blank)")
        return question


class SqlResponse(BaseModel):
    """The answer of the SQL skill."""

    model_config = ConfigDict(extra="allow")

    text: str
    sql: str | None = None
    columns: list[str] = []
    rows: list[list[Any]] = []
    confidence: float | None = None
    error: str | None = None


class ErrorResponse(BaseModel):
    """Every 4xx/5xx body: a machine code and a Korean/English sentence."""

    error: str
    text: str
    detail: Any = None


# ---------------------------------------------------------------- errors
class _ApiError(HTTPException):
    """An error answer: FastAPI re-raises ``HTTPException`` even from inside body parsing."""

    def __init__(self, status: int, code: str, text: str, headers: dict[str, str] | None = None):
        super().__init__(status_code=status, detail={"error": code, "text": text}, headers=headers)


def _error_body(code: str, text: str, detail: Any = None) -> dict[str, Any]:
    return {"error": code, "text": text, "detail": detail}


_FIELD_MESSAGES = {
    "missing": "'{field}' 값이 필요해요 ({field} is required)",
    "string_too_short": "'{field}'이(가) 비어 있어요 ({field} is empty)",
    "string_too_long": "'{field}'이(가) 너무 길어요: 최대 {max}자 ({field} is too long)",
    "string_pattern_mismatch": "'{field}' 형식이 올바르지 않아요: 영문·한글·숫자와 _ . @ : + - 로 "
    "64자 이내 ({field} has an invalid format)",
    "string_type": "'{field}'은(는) 문자열이어야 해요 ({field} must be a string)",
    "json_invalid": "요청 본문이 올바른 JSON이 아니에요 (invalid JSON body)",
    "model_attributes_type": "요청 본문은 JSON 객체여야 해요 (the body must be a JSON object)",
    "dict_type": "요청 본문은 JSON 객체여야 해요 (the body must be a JSON object)",
}


def _validation_text(errors: list[dict[str, Any]]) -> str:
    sentences = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ()) if part not in ("body", "query", "form")]
        field = loc[-1] if loc else "body"
        template = _FIELD_MESSAGES.get(error.get("type", ""))
        if template:
            limit = (error.get("ctx") or {}).get("max_length", MAX_TEXT_CHARS)
            sentences.append(template.format(field=field, max=limit))
        else:
            sentences.append(f"'{field}': {error.get('msg', '올바르지 않은 값')}")
    return "요청이 올바르지 않아요. " + " / ".join(dict.fromkeys(sentences))


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        detail = [
            {"loc": list(e.get("loc", ())), "type": e.get("type"), "msg": e.get("msg")}
            for e in errors
        ]
        return JSONResponse(_error_body("invalid_request", _validation_text(errors), detail), 422)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        if isinstance(exc.detail, dict) and "error" in exc.detail:
            body = _error_body(exc.detail["error"], exc.detail["text"])
        elif exc.status_code == 400:  # FastAPI could not parse the (multipart) body
            body = _error_body(
                "bad_body",
                "요청 본문을 읽을 수 없어요. multipart/form-data로 "
                f"'file'을 보내 주세요. (malformed body: {exc.detail})",
            )
        else:
            body = _error_body(f"http_{exc.status_code}", str(exc.detail))
        return JSONResponse(body, exc.status_code, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:  # pragma: no cover
        logger.exception("unhandled error on %s", request.url.path)
        return JSONResponse(
            _error_body(
                "internal", "서버에서 문제가 생겼어요. 잠시 후 다시 시도해 주세요. (internal error)"
            ),
            500,
        )


# ---------------------------------------------------------------- body size
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class BodyLimit:
    """Refuses ``/api/*`` bodies over the limit before they are read (ASGI middleware).

    A ``Content-Length`` over the limit is answered 413 at once; a chunked body is counted as it
    arrives and refused as soon as it passes the limit.
    """

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        limit = MAX_UPLOAD_BYTES if scope["path"].rstrip("/") == "/api/voice" else MAX_JSON_BYTES
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _send_too_large(send, limit)
            return
        seen = 0

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _ApiError(413, "too_large", _too_large_text(limit))
            return message

        await self.app(scope, counting_receive, send)


def _too_large_text(limit: int) -> str:
    return f"요청이 너무 커요: 최대 {limit // 2**20} MB (request body too large)"


async def _send_too_large(send: Send, limit: int) -> None:
    response = JSONResponse(
        _error_body("too_large", _too_large_text(limit)), 413, headers={"Connection": "close"}
    )
    await response({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:  # pragma: no cover - JSONResponse never reads
    return {"type": "http.disconnect"}


# ---------------------------------------------------------------- the app
def _versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for package in ("sori", "gradio", "fastapi", "uvicorn", "torch", "sqlalchemy"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "unknown"
    return found


def _reply_response(
    reply: Reply, *, with_audio: bool = False, manager: DialogueManager | None = None
) -> JSONResponse:
    body = reply.to_json(with_audio=with_audio)
    if with_audio:
        body.setdefault("transcript", reply.transcript)
        if reply.audio and not body.get("speaker") and manager is not None:
            try:  # the manager leaves it empty when the default voice spoke
                body["speaker"] = manager.voice.resolve_speaker(None).id
            except Exception:  # noqa: BLE001 - a missing label is no reason to fail the turn
                logger.warning("cannot name the default speaker", exc_info=True)
    status = _ERROR_STATUS.get(reply.error or "", 200)
    return JSONResponse(jsonable_encoder(body), status)


def build_api(manager: DialogueManager, *, users: UserFile | None = None) -> FastAPI:
    """The FastAPI app with the REST routes; ``users`` turns HTTP Basic on for ``/api/*``.

    Args:
        manager: the process's one dialogue manager.
        users: the login file; ``None`` leaves the API open and honours the ``user`` field.
    """
    app = FastAPI(
        title="소리 (Sori) API",
        version=_versions()["sori"],
        description="한국어 대화형 비서 REST API. 같은 서버의 `/`에 웹 UI가 있어요.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.manager = manager
    app.state.users = users
    _install_error_handlers(app)
    app.add_middleware(BodyLimit)
    basic = HTTPBasic(
        auto_error=False,
        realm="sori",
        description="`sori ui --auth FILE`로 켰을 때만 필요해요 (users file logins)",
    )

    def caller(credentials: Annotated[HTTPBasicCredentials | None, Depends(basic)]) -> str | None:
        """The logged-in user when auth is on, else ``None``."""
        if users is None:
            return None
        if credentials is None or not users.verify(credentials.username, credentials.password):
            raise _ApiError(
                401,
                "unauthorized",
                "로그인이 필요해요: HTTP Basic으로 이름과 비밀번호를 보내 주세요. "
                "(authentication required)",
                headers={"WWW-Authenticate": 'Basic realm="sori"'},
            )
        return credentials.username

    # Evaluated now, not postponed: this module does not use ``from __future__ import annotations``
    # because FastAPI must see the local ``caller`` dependency in the annotation.
    Caller = Annotated[str | None, Depends(caller)]
    errors: dict[int | str, dict[str, Any]] = {
        code: {"model": ErrorResponse} for code in (401, 413, 422, 503)
    }

    @app.post(
        "/api/chat",
        response_model=ChatResponse,
        responses=errors,
        tags=["talk"],
        summary="한 턴 대화 (sori say --json)",
    )
    def chat(body: ChatRequest, login: Caller) -> JSONResponse:
        """Answers one text turn; with auth on, the logged-in user talks and ``user`` is ignored."""
        user = login or body.user or DEFAULT_API_USER
        return _reply_response(manager.handle(user, body.text))

    @app.post(
        "/api/voice",
        response_model=ChatResponse,
        responses=errors,
        tags=["talk"],
        summary="음성 한 턴: 녹음 → 받아쓰기 → 답 → 음성",
    )
    def voice(
        file: Annotated[UploadFile, File(description="녹음 파일 (wav, webm, mp3 …, 최대 20 MB)")],
        login: Caller,
        user: Annotated[str | None, Form(pattern=_USER_PATTERN)] = None,
        speaker: Annotated[str | None, Form(max_length=32, description="답을 읽을 화자 ID")] = None,
    ) -> JSONResponse:
        """Transcribes the recording, answers it and speaks the answer (base64 WAV in ``audio``)."""
        audio = file.file.read(MAX_UPLOAD_BYTES + 1)
        if not audio:
            raise _ApiError(422, "empty_audio", "녹음 파일이 비어 있어요 (empty file)")
        if len(audio) > MAX_UPLOAD_BYTES:  # a multipart body whose length was not declared
            raise _ApiError(413, "too_large", _too_large_text(MAX_UPLOAD_BYTES))
        reply = manager.handle(
            login or user or DEFAULT_API_USER,
            audio=audio,
            filename=file.filename,
            speaker=speaker or None,
            voice=True,
        )
        return _reply_response(reply, with_audio=True, manager=manager)

    @app.post(
        "/api/sql",
        response_model=SqlResponse,
        tags=["sql"],
        summary="데이터베이스에 묻기",
        responses={**errors, 404: {"model": ErrorResponse}},
    )
    def sql(body: SqlRequest, login: Caller) -> JSONResponse:
        """Runs the text-to-SQL skill on ``demo`` or a database of ``SORI_SQL_DATABASES``."""
        names = manager.sql_databases()
        if body.db not in names:
            raise _ApiError(
                404,
                "unknown_db",
                f"'{body.db}' 데이터베이스를 몰라요. 쓸 수 있는 것: "
                f"{', '.join(names)} (unknown database)",
            )
        answer = ask_database(manager, body.db, body.question)
        answer.pop("context", None)  # the UI's follow-up state, not part of the contract
        return JSONResponse(jsonable_encoder(answer))

    @app.get("/api/health", tags=["ops"], summary="상태·버전·DB 연결 확인")
    def health(login: Caller) -> JSONResponse:
        """``status`` is ``ok`` (200) when the app database answers, else ``degraded`` (503)."""
        try:
            manager.history("_health", limit=1)  # one real query on the app database
            database: dict[str, Any] = {"reachable": True}
        except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
            database = {"reachable": False, "error": type(exc).__name__}
        status = "ok" if database["reachable"] else "degraded"
        body = {
            "status": status,
            "versions": _versions(),
            "database": database,
            "auth": users is not None,
            "sql_databases": manager.sql_databases(),
        }
        return JSONResponse(body, 200 if database["reachable"] else 503)

    return app


def ask_database(
    manager: DialogueManager, db: str, question: str, context: dict[str, Any] | None = None
) -> dict[str, Any]:
    """``manager.ask_sql`` as ``{text, sql, columns, rows, confidence, error, context}``; no raise.

    Shared by ``POST /api/sql`` and the SQL tab.
    """
    empty: dict[str, Any] = {
        "sql": None,
        "columns": [],
        "rows": [],
        "confidence": None,
        "context": None,
    }
    try:
        answer = manager.ask_sql(db, question, context)
    except ImportError:
        logger.exception("the SQL skill is not available")
        return {
            "text": "데이터베이스 질문 기능이 준비되지 않았어요. (SQL skill not installed)",
            **empty,
            "error": "unavailable",
        }
    except Exception as exc:  # noqa: BLE001 - skill errors carry a Korean user_message
        message = getattr(exc, "user_message", None)
        if message is None:
            logger.exception("SQL question failed on %s", db)
            message = "질문을 처리하는 중에 문제가 생겼어요. 다른 말로 물어봐 주시겠어요?"
        return {"text": message, **empty, "error": type(exc).__name__}
    return {
        "text": answer.get("text") or "",
        "sql": answer.get("sql") or None,
        "columns": [str(c) for c in answer.get("columns") or []],
        "rows": [list(r) for r in answer.get("rows") or []],
        "confidence": answer.get("confidence"),
        "error": answer.get("error"),
        "context": answer.get("context"),
    }
