"""``sori serve-actions``: every skill behind rasa-sdk's own HTTP endpoint (``POST /webhook``)."""

from __future__ import annotations

import logging

from rasa_sdk.endpoint import create_app
from rasa_sdk.executor import ActionExecutor

import skills
from assistant.settings import Settings

__all__ = ["make_action_app", "run_action_server"]

logger = logging.getLogger(__name__)


def make_action_app(settings: Settings):  # noqa: ANN201 - a Sanic app
    """Configure the skills for this process and build rasa-sdk's Sanic app around them."""
    # The dialogue manager prepares the database, demo data and skills runtime; reuse it so the
    # action server sees exactly what in-process skills see.
    from assistant.dialogue.manager import DialogueManager

    DialogueManager.prepare_skills(settings)
    executor = ActionExecutor()
    for skill in skills.SKILLS:
        executor.register_action(skill)
    return create_app(executor, cors_origins=[])


def run_action_server(settings: Settings, host: str = "127.0.0.1", port: int = 5055) -> None:
    """Serve the skills until interrupted (single process: skills keep models in memory)."""
    app = make_action_app(settings)
    logger.warning("action server on http://%s:%d/webhook", host, port)
    app.run(host=host, port=port, single_process=True, access_log=False, motd=False)
