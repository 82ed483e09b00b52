"""The app database on PostgreSQL: migrations, demo data and whole conversations (SORI_TEST_PG_URL)."""

import os
import uuid

import pytest
from sqlalchemy import inspect, text

from assistant import DialogueManager, Settings
from db import make_engine, upgrade

pytestmark = pytest.mark.postgres

PG_URL = os.environ.get("SORI_TEST_PG_URL", "")


@pytest.fixture()
def pg_url() -> str:
    if not PG_URL:
        pytest.skip(
            "SORI_TEST_PG_URL is not set (.ci/run starts a throwaway PostgreSQL and sets it)"
        )
    engine = make_engine(PG_URL)
    with engine.begin() as connection:  # a clean schema per test
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    return PG_URL


def test_migrations_create_every_table_and_are_idempotent(pg_url: str) -> None:
    engine = make_engine(pg_url)
    upgrade(engine)
    upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert {
        "users",
        "conversations",
        "turns",
        "trackers",
        "feedback",
        "comics",
        "videos",
        "model_registry",
        "drug_responses",
        "alembic_version",
    } <= tables


def test_conversation_on_postgres_survives_a_restart(pg_url: str, sori_home, model_cache) -> None:  # noqa: ANN001
    settings = Settings(home=sori_home, db_url=pg_url, model_cache=model_cache)
    user = f"pg-{uuid.uuid4().hex[:8]}"
    first = DialogueManager(settings).handle(user, "로맨스 웹툰 추천해줘")
    assert first.skill == "action_recommend_comic" and first.items
    again = DialogueManager(settings).handle(user, "더 보여줘")
    assert again.skill == "action_recommend_comic"
    assert {i["id"] for i in again.items}.isdisjoint({i["id"] for i in first.items})
    liked = DialogueManager(settings).handle(user, "첫 번째 거 좋다")
    assert liked.intent == "feedback_like"
