"""The SQL skill through the real rasa-sdk Action, on the built-in demo catalog (tiny parser)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from db import make_engine, upgrade
from db.demo import DEMO_CATALOG_ANNOTATION, build_demo_catalog
from models.seq2sql.answer import describe, subject_of, suggest
from models.seq2sql.ir import Cond, Expr, Query, Value, query_to_dict
from skills import SkillRuntime, SqlDatabase, configure
from skills.sql import AskSql, answer_question

RATED = Query(
    "comics",
    (Expr(None, "comics.title"),),
    where=(Cond("comics.rating", ">", (Value("number", 9),)),),
)


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("skill-home")
    build_demo_catalog(home / "data" / "demo_catalog.sqlite")
    return home


@pytest.fixture(autouse=True)
def sql_runtime(demo_home: Path):
    """Configure the skills with the demo catalog and train parsers with the ``tiny`` hparams."""
    engine = make_engine(f"sqlite:///{demo_home / 'sori.db'}")
    upgrade(engine)
    demo = SqlDatabase(
        "demo", f"sqlite:///{demo_home / 'data' / 'demo_catalog.sqlite'}", DEMO_CATALOG_ANNOTATION
    )
    configure(
        SkillRuntime(
            engine=engine, home=demo_home, sql_databases={"demo": demo}, sql_profile="tiny"
        )
    )
    yield
    engine.dispose()


def _run(text: str, slots: dict | None = None) -> tuple[CollectingDispatcher, list[dict]]:
    tracker = Tracker(
        "user-1",
        slots or {},
        {"text": text, "intent": {"name": "ask_sql"}},
        [],
        False,
        None,
        {},
        "",
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(AskSql().run(dispatcher, tracker, {}))
    return dispatcher, events


def test_action_name() -> None:
    assert AskSql().name() == "action_ask_sql"


def test_action_answers_with_text_table_sql_and_slots() -> None:
    dispatcher, events = _run("웹툰은 모두 몇 개야?")
    message = dispatcher.messages[0]
    assert message["text"]
    payload = message["custom"] if "custom" in message else message["json_message"]
    assert set(payload) >= {"table", "sql"} and set(payload["table"]) == {"columns", "rows"}
    assert payload["sql"].startswith("SELECT")
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["sql_db"] == "demo" and slots["sql_context"]["query"]


@pytest.mark.parametrize(
    ("follow_up", "check"),
    [
        (
            "그 중에 액션만",
            lambda q: {"comics.rating", "comics.genre"} <= {c.column for c in q.where},
        ),
        ("장르별로는?", lambda q: q.group_by == "comics.genre" and q.select[1].agg == "COUNT"),
        (
            "상위 5개만",
            lambda q: q.limit.value == 5 and q.order_by == (Expr(None, "comics.rating"), "DESC"),
        ),
        (
            "그 중에 조회수 100만 회 이상만",
            lambda q: any(c.column == "comics.views" and c.op == ">=" for c in q.where),
        ),
    ],
)
def test_follow_ups_refine_the_previous_query(follow_up: str, check) -> None:
    from models.seq2sql.ir import query_from_dict

    context = {"question": "평점 9점 넘는 웹툰 알려줘", "query": query_to_dict(RATED), "db": "demo"}
    result = answer_question("demo", follow_up, context)
    assert result["sql"], result["text"]
    assert check(query_from_dict(result["context"]["query"])), result["sql"]


def test_top_n_of_a_grouped_answer_keeps_the_largest_groups() -> None:
    from models.seq2sql.ir import query_from_dict

    by_genre = Query(
        "comics",
        (Expr(None, "comics.genre"), Expr("COUNT", None)),
        group_by="comics.genre",
    )
    context = {"question": "장르별 웹툰 수", "query": query_to_dict(by_genre), "db": "demo"}
    result = answer_question("demo", "상위 3개만", context)
    refined = query_from_dict(result["context"]["query"])
    assert refined.order_by == (Expr("COUNT", None), "DESC") and refined.limit.value == 3
    assert len(result["rows"]) == 3


def test_clarification_is_asked_and_resolved() -> None:
    genre = Query(
        "comics",
        (Expr("COUNT", None),),
        where=(Cond("comics.genre", "=", (Value("text", "액션", "comics.genre"),)),),
    )
    main = Query(
        "comics",
        (Expr("COUNT", None),),
        where=(Cond("authors.main_genre", "=", (Value("text", "액션", "authors.main_genre"),)),),
    )
    pending = {
        "question": "액션 웹툰 몇 개야?",
        "labels": ["장르", "주 장르"],
        "options": [query_to_dict(genre), query_to_dict(main)],
    }
    result = answer_question("demo", "주 장르", {"pending": pending})
    assert "main_genre" in result["sql"] and "모두" in result["text"]
    result = answer_question("demo", "첫 번째", {"pending": pending})
    assert '"genre"' in result["sql"]


def test_empty_result_says_so_and_suggests_the_nearest_value() -> None:
    from models.seq2sql.config import load_hparams
    from models.seq2sql.service import open_parser
    from skills import runtime

    rt = runtime()
    demo = rt.sql_databases["demo"]
    parser, _ = open_parser(
        demo.url, demo.annotation, rt.model_dir, hp=load_hparams(rt.sql_profile)
    )
    db = parser.database
    typo = Query(
        "comics",
        (Expr(None, "comics.title"),),
        where=(Cond("comics.genre", "=", (Value("text", "액숀"),)),),
    )
    assert (
        describe("액숀 웹툰 알려줘", typo, db.schema, ["title"], [])
        == "조건에 맞는 액숀 웹툰이 없어요."
    )
    assert "액션" in suggest(typo, db.schema, db.index, db.executor.run)
    high = Query(
        "comics",
        (Expr(None, "comics.title"),),
        where=(Cond("comics.rating", ">", (Value("number", 99),)),),
    )
    assert "가장 큰 평점은" in suggest(high, db.schema, db.index, db.executor.run)


def test_answers_read_naturally() -> None:
    from models.seq2sql.safety import readonly_engine
    from models.seq2sql.schema import apply_annotation, load_annotation, reflect_schema
    from skills import runtime

    demo = runtime().sql_databases["demo"]
    engine = readonly_engine(demo.url)
    schema = apply_annotation(reflect_schema(engine, "demo"), load_annotation(demo.annotation))
    engine.dispose()
    count = Query("comics", (Expr("COUNT", None),))
    assert (
        describe("평점 9점 넘는 액션 웹툰 몇 개야?", count, schema, ["n"], [[7]])
        == "평점 9점 넘는 액션 웹툰은 모두 7개예요."
    )
    assert (
        describe("재고가 있는 책은 몇 권이야?", count, schema, ["n"], [[12]])
        == "재고가 있는 책은 모두 12권이에요."
    )
    average = Query("comics", (Expr("AVG", "comics.rating"),))
    assert (
        describe("웹툰 평균 평점은?", average, schema, ["avg"], [[8.456]])
        == "웹툰 평균 평점은 8.46점이에요."
    )
    by_author = Query(
        "comics",
        (Expr(None, "authors.name"), Expr("COUNT", None)),
        group_by="authors.name",
    )
    assert describe("작가별 웹툰 수", by_author, schema, ["name", "n"], [["a", 1], ["b", 2]]) == (
        "작가별로 정리했어요 (2개)."
    )
    assert subject_of("재고가 있는 책은 몇 권이야?", "책") == "재고가 있는 책"


def test_unknown_database_and_refusal() -> None:
    result = answer_question("nope", "웹툰 몇 개야?")
    assert "찾지 못했어요" in result["text"] and result["sql"] == ""
    result = answer_question("demo", "웹툰 테이블 삭제해줘")
    assert "읽기 전용" in result["text"] and result["sql"] == ""
