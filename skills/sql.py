"""The SQL skill: Korean questions about a database, answered from a read-only query.

``AskSql`` (``action_ask_sql``) reads the user's text and the slots ``sql_db`` (which database;
default ``demo`` or the only configured one) and ``sql_context`` (the previous question, its query
and any pending clarification), answers through the dispatcher with text, the table and the SQL,
and returns the updated slots. ``answer_question`` is the same turn as a plain function for the
REST API and the UI.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from models.errors import ModelError
from skills._runtime import SqlDatabase, runtime
from skills.errors import NoAnswer

__all__ = ["AskSql", "answer_question"]

logger = logging.getLogger(__name__)
DEFAULT_DATABASE = "demo"


def _database(name: str | None) -> SqlDatabase:
    databases = runtime().sql_databases
    if name and name in databases:
        return databases[name]
    if not name and DEFAULT_DATABASE in databases:
        return databases[DEFAULT_DATABASE]
    if not name and len(databases) == 1:
        return next(iter(databases.values()))
    known = ", ".join(sorted(databases)) or "없음"
    raise NoAnswer(
        f"'{name or DEFAULT_DATABASE}' 데이터베이스를 찾지 못했어요. 사용할 수 있는 데이터베이스: {known}",
        "action_ask_sql",
    )


def _without_query(text: str, context: dict | None) -> dict[str, Any]:
    """An answer that ran no query; the previous context is kept for the next question."""
    return {
        "text": text,
        "sql": "",
        "columns": [],
        "rows": [],
        "confidence": 0.0,
        "context": context or {},
    }


def answer_question(db_name: str, question: str, context: dict | None = None) -> dict[str, Any]:
    """Answer one question about a configured database.

    Args:
        db_name: a key of ``runtime().sql_databases`` ("" picks the default).
        question: the user's Korean question (or a follow-up / clarification reply).
        context: the ``context`` returned by the previous call, for follow-ups.

    Returns:
        ``text``, ``sql``, ``columns``, ``rows``, ``confidence`` and ``context`` (pass it back next
        time). Training a parser for a database seen for the first time takes minutes.
    """
    from models.seq2sql.config import load_hparams
    from models.seq2sql.dialogue import answer_turn
    from models.seq2sql.service import open_parser

    rt = runtime()
    try:
        database = _database(db_name or None)
    except NoAnswer as exc:
        return _without_query(exc.user_message, context)
    try:
        parser, _ = open_parser(
            database.url,
            database.annotation,
            rt.model_dir,
            timeout_ms=rt.sql_timeout_ms,
            row_cap=rt.sql_row_cap,
            hp=load_hparams(rt.sql_profile),
            registry=rt.engine,
        )
    except ModelError as exc:
        logger.warning("SQL skill cannot open %s: %s", database.name, exc.detail)
        return _without_query(exc.user_message, context)
    result = answer_turn(parser, question, context)
    result["context"] = {**result["context"], "db": database.name}
    return result


class AskSql(Action):
    """Answer a question about a database (``action_ask_sql``)."""

    def name(self) -> str:
        """The action name the dialogue manager calls."""
        return "action_ask_sql"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Answer the latest message; the table and SQL go in ``json_message``."""
        text = (tracker.latest_message or {}).get("text", "")
        db_name = tracker.get_slot("sql_db") or ""
        context = tracker.get_slot("sql_context") or None
        if context and db_name and context.get("db") not in (None, db_name):
            context = None  # another database: the previous query does not apply
        result = answer_question(db_name, text, context)
        payload = {
            "table": {"columns": result["columns"], "rows": result["rows"]},
            "sql": result["sql"],
        }
        dispatcher.utter_message(text=result["text"], json_message=payload)
        chosen = result["context"].get("db") or db_name or None
        return [SlotSet("sql_context", result["context"]), SlotSet("sql_db", chosen)]
