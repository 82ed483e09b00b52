"""Running skills: in process through rasa-sdk's ``ActionExecutor``, or over HTTP on an action server.

Both take the same rasa action-call payload and return the same ``{"events", "responses"}``
result, so a deployment can move skills out of process by setting ``SORI_ACTION_SERVER_URL``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from typing import Any, Protocol

import httpx
import rasa_sdk
from rasa_sdk.executor import ActionExecutor

import skills
from skills.errors import SkillError

__all__ = ["ActionRunner", "HttpActionRunner", "InProcessActionRunner", "action_call"]

_ACTION_SERVER_TIMEOUT_S = 30.0


def action_call(
    action: str,
    user_id: str,
    slots: dict[str, Any],
    message: dict[str, Any],
    latest_action: str | None,
    domain: dict[str, Any],
) -> dict[str, Any]:
    """The rasa webhook payload for running ``action`` on this tracker."""
    return {
        "next_action": action,
        "sender_id": user_id,
        "version": rasa_sdk.__version__,
        "domain": domain,
        "tracker": {
            "sender_id": user_id,
            "slots": slots,
            "latest_message": message,
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": latest_action,
        },
    }


class ActionRunner(Protocol):
    """Runs one action call and returns ``{"events": [...], "responses": [...]}``."""

    def run(self, call: dict[str, Any]) -> dict[str, Any]:
        """Run the action named in ``call["next_action"]``."""
        ...


class InProcessActionRunner:
    """Runs skills in this process with rasa-sdk's own executor (same code path as the server)."""

    def __init__(self) -> None:
        self._executor = ActionExecutor()
        for skill in skills.SKILLS:
            self._executor.register_action(skill)
        self._pool = concurrent.futures.ThreadPoolExecutor(
            max_workers=4, thread_name_prefix="skill"
        )

    def run(self, call: dict[str, Any]) -> dict[str, Any]:
        """Run the action; a ``SkillError`` raised by the skill propagates unchanged."""
        coroutine = self._executor.run(call)
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            result = asyncio.run(coroutine)
        else:  # called from async code: run the coroutine on its own loop in a worker thread
            result = self._pool.submit(asyncio.run, coroutine).result()
        return result.model_dump() if result else {"events": [], "responses": []}


class HttpActionRunner:
    """Posts action calls to a rasa-sdk action server (``sori serve-actions``)."""

    def __init__(self, url: str) -> None:
        self._client = httpx.Client(base_url=url.rstrip("/"), timeout=_ACTION_SERVER_TIMEOUT_S)

    def run(self, call: dict[str, Any]) -> dict[str, Any]:
        """Run the action remotely; transport failures become a ``SkillError`` with a Korean message."""
        try:
            response = self._client.post("/webhook", json=call)
        except httpx.HTTPError as exc:
            raise SkillError(
                "기능 서버에 연결하지 못했어요. 잠시 후 다시 시도해 주세요.", call["next_action"]
            ) from exc
        if response.status_code != 200:
            raise SkillError("기능 서버가 요청을 처리하지 못했어요.", call["next_action"])
        return response.json()
