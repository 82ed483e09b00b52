"""Genie-style synthesis: every template family fires, particles fit the final consonant, spoken
numbers read back, every synthesized query runs, and most are linkable."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from models.korean import attach_particle
from models.seq2sql import lexicon as lx
from models.seq2sql.config import load_hparams
from models.seq2sql.context import Database
from models.seq2sql.features import Vocab, schema_items
from models.seq2sql.ir import render_sql
from models.seq2sql.linking import normalize_question
from models.seq2sql.schema import Column, Schema, Table
from models.seq2sql.synthesis import Builder
from models.seq2sql.templates import TEMPLATES, synthesize
from models.seq2sql.train import prepare


@pytest.fixture(scope="module")
def examples(bookstore_db: Database):
    builder = Builder(bookstore_db.schema, bookstore_db.values, random.Random(3))
    return synthesize(builder, 1500, {name: 1.0 for name in TEMPLATES})


def test_every_template_family_fires(examples) -> None:
    counts = Counter(e.template for e in examples)
    expected = set(TEMPLATES) - {"group"} | {"group_count", "group_agg"}
    assert expected <= set(counts), expected - set(counts)
    assert sum(counts.values()) == len(examples) >= 1400


def test_every_synthesized_query_runs(bookstore_db: Database, examples) -> None:
    for example in examples[:600]:
        sql = render_sql(bookstore_db.schema, example.query)
        bookstore_db.executor.run(sql)


def test_particles_follow_the_final_consonant(examples) -> None:
    wrong = re.compile(
        r"(책|가격|제목|국적)(가|를|는)(?![가-힣])|(저자|나라|정가|장르|출판사)(이|을|은)(?![가-힣])"
    )
    bad = [e.question for e in examples if wrong.search(e.question)]
    assert len(bad) <= len(examples) * 0.01, bad[:5]
    assert lx.fill("{np}{은/는} 몇 {ctr}{이야/야}?", "책", "권") == "책은 몇 권이야?"
    assert lx.fill("{np}{이/가} 뭐야?", "저자") == "저자가 뭐야?"
    assert attach_particle("2만 원", "이/가") == "2만 원이"


@pytest.mark.parametrize(
    ("value", "unit"),
    [(25000, "원"), (30, "살"), (5, "권"), (9.5, "점"), (2020, "년"), (1500, "명")],
)
def test_spoken_numbers_read_back(value, unit) -> None:
    rng = random.Random(0)
    for _ in range(30):
        text = lx.say_number(value, unit, rng, spoken_rate=1.0)
        if re.search(r"\d", text) is None:
            assert str(value) in normalize_question(text), text


def test_politeness_levels_and_noise() -> None:
    endings = " ".join(lx.LIST_ENDINGS + lx.COUNT_ENDINGS)
    for form in ("알려줘", "알려 주세요", "뭐야", "무엇입니까", "있나요"):
        assert form in endings
    rng = random.Random(1)
    noisy = {lx.noise("장르가 \x01소설\x02인 책 알려 주세요", rng, 0.5, 0.3) for _ in range(30)}
    assert all("소설" in q for q in noisy) and len(noisy) > 3


def test_most_synthesized_examples_are_linkable(bookstore_db: Database, examples) -> None:
    questions = [normalize_question(e.question) for e in examples]
    vocab = Vocab.build(questions)
    items = [schema_items(bookstore_db.schema, vocab)]
    data = prepare(
        [(q, e.query, 0) for q, e in zip(questions, examples, strict=True)],
        [bookstore_db.schema],
        [bookstore_db.index],
        items,
        vocab,
        load_hparams()["linking"]["max_candidates"],
    )
    assert len(data) >= 0.85 * len(examples)


def test_unknown_template_is_an_error(bookstore_db: Database) -> None:
    builder = Builder(bookstore_db.schema, bookstore_db.values, random.Random(0))
    with pytest.raises(ValueError, match="nope"):
        synthesize(builder, 10, {"nope": 1.0})


def test_like_searches_words_inside_values_and_latin_values_are_typed_in_hangul() -> None:
    schema = Schema(
        "trails",
        (
            Table(
                "trail",
                ("코스",),
                (
                    Column("trail", "name", ("코스 이름",), "text"),
                    Column("trail", "brand", ("브랜드",), "text"),
                ),
            ),
        ),
    )
    values = {
        "trail.name": ["대청봉능선", "공룡능선", "백운대코스", "천왕봉코스"],
        "trail.brand": ["Korail", "Black Yak"],
    }
    builder = Builder(schema, values, random.Random(1))
    assert {"능선", "코스"} <= set(builder.parts["trail.name"])
    assert not set(builder.parts["trail.name"]) & set(values["trail.name"])
    typed = {builder.text_value("trail.brand")[1] for _ in range(200)}
    assert any("코레일" in t for t in typed) and any("Korail" in t for t in typed)
