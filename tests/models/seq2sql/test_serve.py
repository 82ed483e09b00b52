"""Serving rules around the network: which projected columns a question asks for, and which
parts of a hypothesis the question gives no ground for."""

from __future__ import annotations

import pytest

from models.seq2sql.ir import Cond, Expr, Query, Value
from models.seq2sql.linking import link, normalize_question
from models.seq2sql.serve import _mention_order, groundless


def _links(db, question: str):  # noqa: ANN001, ANN202
    return link(normalize_question(question), db.schema, db.index)


def _tidy(db, question: str, query: Query) -> tuple[str, ...]:  # noqa: ANN001
    normalized = normalize_question(question)
    links = link(normalized, db.schema, db.index)
    return tuple(e.column for e in _mention_order(query, links).select)


def test_a_column_only_a_condition_uses_is_not_shown(bookstore_db) -> None:  # noqa: ANN001
    query = Query(
        "book",
        (Expr(None, "book.Title"), Expr(None, "book.Price")),
        where=(Cond("book.Price", ">=", (Value("number", 20000),)),),
    )
    assert _tidy(bookstore_db, "2만 원 넘는 책 제목 알려줘", query) == ("book.Title",)


def test_named_columns_stay_in_the_order_the_question_names_them(bookstore_db) -> None:  # noqa: ANN001
    query = Query("book", (Expr(None, "book.Price"), Expr(None, "book.Title")))
    assert _tidy(bookstore_db, "책 제목이랑 가격 보여줘", query) == ("book.Title", "book.Price")


def test_a_named_table_justifies_one_of_its_columns(bookstore_db) -> None:  # noqa: ANN001
    query = Query(
        "book",
        (Expr(None, "Author.Name"), Expr(None, "Author.Country"), Expr(None, "book.Title")),
    )
    assert _tidy(bookstore_db, "작가랑 책 제목", query) == ("Author.Name", "book.Title")


TITLES = (Expr(None, "book.Title"),)
CHEAPEST = Query(
    "book", TITLES, order_by=(Expr(None, "book.Price"), "ASC"), limit=Value("number", 1)
)
NOT_NOVEL = Query("book", TITLES, where=(Cond("book.Genre", "!=", (Value("text", "소설"),)),))
ABOVE_AVERAGE = Query("book", TITLES, where=(Cond("book.Price", "GT_AVG"),))
HOW_MANY = Query("book", (Expr("COUNT", None),))
BY_ID = Query("book", TITLES, where=(Cond("book.Author_ID", "=", (Value("number", 3),)),))


@pytest.mark.parametrize(
    ("question", "query", "expected"),
    [
        ("제일 싼 책", CHEAPEST, 0),
        ("싼 책 3권", CHEAPEST, 0),
        ("싼 책들", CHEAPEST, 1),
        ("소설 말고 다른 책", NOT_NOVEL, 0),
        ("소설 책", NOT_NOVEL, 1),
        ("저자 번호 3인 책", BY_ID, 0),
        ("세 권짜리 책", BY_ID, 1),
        ("평균보다 비싼 책", ABOVE_AVERAGE, 0),
        ("가격이 평균 이상인 책", ABOVE_AVERAGE, 0),
        ("책 평균 가격", ABOVE_AVERAGE, 1),
        ("책 몇 권이야?", HOW_MANY, 0),
        ("그 책 몇 원이야?", HOW_MANY, 1),
    ],
)
def test_groundless_parts(bookstore_db, question: str, query: Query, expected: int) -> None:  # noqa: ANN001
    assert groundless(query, _links(bookstore_db, question), bookstore_db.schema) == expected
