"""Decoding rules on top of the network (``serve``): which projected columns a question asks for,
when a joined list needs DISTINCT, and which parts of a hypothesis the question gives no ground
for."""

from __future__ import annotations

import pytest

from models.seq2sql.ir import Cond, Expr, Query, Value
from models.seq2sql.linking import link, normalize_question
from models.seq2sql.serve import (
    _distinct_over_fan_out,
    _mention_order,
    _month_numbers,
    _unasked_ranking_amount,
    groundless,
)


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
NOVELS = (Cond("book.Genre", "=", (Value("text", "소설"),)),)


@pytest.mark.parametrize(
    ("query", "distinct"),
    [
        # authors of novels: one row per book unless DISTINCT
        (Query("book", (Expr(None, "Author.Name"),), where=NOVELS), True),
        # books of an author: the join only reaches a parent, rows stay one per book
        (Query("book", TITLES, where=(Cond("Author.Name", "=", (Value("text", "한강"),)),)), False),
        (
            Query("book", (Expr(None, "Author.Name"), Expr("COUNT", None)), group_by="Author.Name"),
            False,
        ),
    ],
)
def test_a_list_over_a_fanning_join_is_distinct(bookstore_db, query: Query, distinct: bool) -> None:  # noqa: ANN001
    assert _distinct_over_fan_out(query, bookstore_db.schema).distinct is distinct


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
        ("소설 책 있어?", HOW_MANY, 1),  # a count needs a word that asks for one
        ("그 책 몇 원이야?", HOW_MANY, 2),  # a unit asked for is never a row count
    ],
)
def test_groundless_parts(bookstore_db, question: str, query: Query, expected: int) -> None:  # noqa: ANN001
    assert groundless(query, _links(bookstore_db, question), bookstore_db.schema) == expected


PRICE = Query("book", (Expr(None, "book.Price"),))
BIRTH_YEAR = Query("book", (Expr(None, "Author.Birth_Year"),))


@pytest.mark.parametrize(("query", "expected"), [(PRICE, 0), (BIRTH_YEAR, 1), (HOW_MANY, 2)])
def test_a_unit_asked_for_picks_the_column_in_that_unit(bookstore_db, query, expected) -> None:  # noqa: ANN001
    links = _links(bookstore_db, "그 책 몇 원이야?")
    assert groundless(query, links, bookstore_db.schema) == expected


TOP_AUTHOR = Query(
    "book",
    (Expr(None, "Author.Name"), Expr("COUNT", None)),
    group_by="Author.Name",
    order_by=(Expr("COUNT", None), "DESC"),
    limit=Value("number", 1),
)


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("책이 제일 많은 작가는?", ("Author.Name",)),
        ("책이 제일 많은 작가랑 책 수", ("Author.Name", None)),
    ],
)
def test_a_ranking_shows_its_amount_only_when_asked(question: str, shown: tuple) -> None:
    assert tuple(e.column for e in _unasked_ranking_amount(TOP_AUTHOR, question).select) == shown


NOVELS_ONLY = Query("book", TITLES, where=(Cond("book.Genre", "=", (Value("text", "소설"),)),))


@pytest.mark.parametrize(
    ("question", "query", "expected"),
    [
        ("소설 말고 다른 책 제목", NOT_NOVEL, 0),
        ("소설 말고 다른 책 제목", NOVELS_ONLY, 1),  # the negation sits right after 소설
        ("소설인 책 중에 재고 없는 거", NOT_NOVEL, 1),  # the negation belongs to 재고
    ],
)
def test_a_negation_belongs_to_the_word_before_it(bookstore_db, question, query, expected) -> None:  # noqa: ANN001
    assert groundless(query, _links(bookstore_db, question), bookstore_db.schema) == expected


def test_a_group_needs_a_word_that_asks_for_groups(bookstore_db) -> None:  # noqa: ANN001
    grouped = Query("book", (Expr(None, "book.Genre"), Expr("COUNT", None)), group_by="book.Genre")
    assert groundless(grouped, _links(bookstore_db, "장르별 책 수"), bookstore_db.schema) == 0
    assert groundless(grouped, _links(bookstore_db, "장르 알려줘"), bookstore_db.schema) == 1


YEAR_2020 = Value("date", ("2020-01-01", "2021-01-01"))


@pytest.mark.parametrize(
    ("question", "op", "expected"),
    [
        ("2020년에 나온 책", "=", 0),
        ("2020년에 나온 책", ">=", 1),  # a plain date is a period, not a bound
        ("2020년 이후에 나온 책", ">=", 0),
        ("2020년 이후에 나온 책", "=", 1),
        ("2020년 전에 나온 책", "<", 0),
    ],
)
def test_a_date_is_a_bound_only_with_a_word_that_makes_it_one(
    bookstore_db, question, op, expected
) -> None:  # noqa: ANN001
    query = Query("book", TITLES, where=(Cond("book.Published", op, (YEAR_2020,)),))
    assert groundless(query, _links(bookstore_db, question), bookstore_db.schema) == expected


@pytest.mark.parametrize(("shown", "expected"), [("book.Title", 0), ("book.Publisher", 1)])
def test_a_list_of_a_named_table_shows_its_names(bookstore_db, shown: str, expected: int) -> None:  # noqa: ANN001
    query = Query("book", (Expr(None, shown),), where=NOVELS)
    links = _links(bookstore_db, "소설 책 뭐 있어?")
    assert groundless(query, links, bookstore_db.schema) == expected


def test_a_column_of_the_row_itself_is_no_total_over_a_group(bookstore_db) -> None:  # noqa: ANN001
    price_over = ">", Value("number", 20000)
    per_title = Query(
        "book", TITLES, group_by="book.Title", having=(Expr("SUM", "book.Price"), *price_over)
    )
    per_author = Query(
        "book",
        (Expr(None, "Author.Name"),),
        group_by="Author.Name",
        having=(Expr("SUM", "book.Price"), *price_over),
    )
    question = "가격 합계가 2만 원 넘는 작가"
    assert groundless(per_author, _links(bookstore_db, question), bookstore_db.schema) == 0
    question = "가격이 2만 원 넘는 책 제목"
    assert groundless(per_title, _links(bookstore_db, question), bookstore_db.schema) == 1


def test_a_month_is_no_number_to_compare(bookstore_db) -> None:  # noqa: ANN001
    assert _month_numbers(_links(bookstore_db, "6월에 나온 책 중 만 원 넘는 거")) == {6}
    assert _month_numbers(_links(bookstore_db, "6월에 나온 책 6권")) == set()
    query = Query("book", TITLES, where=(Cond("book.Price", ">", (Value("number", 6),)),))
    links = _links(bookstore_db, "6월에 나온 비싼 책")
    assert groundless(query, links, bookstore_db.schema) == 1


@pytest.mark.parametrize(
    ("question", "shown", "expected"),
    [
        ("'흰'은 누가 쓴 책이야?", Expr(None, "Author.Name"), 0),
        ("'흰'은 누가 쓴 책이야?", Expr(None, "book.Title"), 1),
        ("'흰'은 언제 나왔어?", Expr(None, "book.Published"), 0),
        ("'흰'은 언제 나왔어?", Expr(None, "book.Title"), 1),
        ("'흰'은 얼마야?", Expr(None, "book.Price"), 0),
        ("'흰'은 얼마야?", Expr("COUNT", None), 2),  # a count answers only 몇, 얼마나 많이
    ],
)
def test_a_question_word_asks_for_a_kind_of_answer(bookstore_db, question, shown, expected) -> None:  # noqa: ANN001
    query = Query("book", (shown,), where=(Cond("book.Title", "=", (Value("text", "흰"),)),))
    assert groundless(query, _links(bookstore_db, question), bookstore_db.schema) == expected
