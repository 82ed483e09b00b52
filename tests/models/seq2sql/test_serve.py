"""Decoding rules on top of the network (``serve``): which projected columns a question asks for,
when a joined list needs DISTINCT, and which parts of a hypothesis the question gives no ground
for."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.seq2sql.ir import Cond, Expr, Query, Value
from models.seq2sql.linking import Candidate, Links, Mention, link, normalize_question
from models.seq2sql.schema import Column, ForeignKey, Schema, Table
from models.seq2sql.serve import (
    _AS_MONTH,
    _AS_RANK,
    _asked_kind_shown,
    _comparison_unmade,
    _count_shown,
    _distinct_list,
    _extreme_unasked,
    _extreme_value_for_row,
    _flags_as_conditions,
    _flags_said,
    _group_compared_as_row,
    _idiom_ids_dropped,
    _listed_columns,
    _listed_shown,
    _mention_order,
    _money_unmeasured,
    _money_unshown,
    _named_tables_unused,
    _names_for_ids,
    _names_outside_values,
    _namesakes_counted,
    _old_as_most,
    _or_unsaid,
    _other_child_named,
    _other_rows_named,
    _outside_column_names,
    _question_words,
    _ranking_amount,
    _rows_named_after_condition,
    _said_only_as,
    _shown_as_well,
    _start_for_end,
    _total_per_value,
    _unasked_tables,
    _ungrouped_shown,
    _unnamed_subquery,
    _unsaid_values_counted,
    _unused_named_flags,
    _value_column_unsaid,
    _wrong_group,
    _wrong_kind_shown,
    _wrong_ranking,
    groundless,
)
from models.seq2sql.values import ValueIndex


def _links(db, question: str):  # noqa: ANN001, ANN202
    return link(normalize_question(question), db.schema, db.index)


def _schema_links(schema: Schema, question: str):  # noqa: ANN202
    """Links of ``question`` against a schema without values."""
    return link(normalize_question(question), schema, ValueIndex({}))


def _tidy(db, question: str, query: Query) -> tuple[str, ...]:  # noqa: ANN001
    normalized = normalize_question(question)
    links = link(normalized, db.schema, db.index)
    return tuple(e.column for e in _mention_order(query, links, db.schema).select)


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


def test_listed_columns_are_shown_in_the_order_of_the_list(bookstore_db) -> None:  # noqa: ANN001
    query = Query("book", (Expr(None, "book.Price"), Expr(None, "book.Title")))
    question = "가격이 제일 싼 책 제목이랑 가격"  # 가격 is said first, but listed second
    assert _tidy(bookstore_db, question, query) == ("book.Title", "book.Price")


def test_the_name_of_a_table_is_its_display_column(bookstore_db) -> None:  # noqa: ANN001
    query = Query("book", (Expr(None, "book.Price"), Expr(None, "book.Title")))
    assert _tidy(bookstore_db, "가격 2만 원 넘는 책 이름이랑 가격", query) == (
        "book.Title",
        "book.Price",
    )


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
        # titles of an author's books: two books may share a title, the list shows it once
        (Query("book", TITLES, where=(Cond("Author.Name", "=", (Value("text", "한강"),)),)), True),
        # a shown key tells the rows apart, and joining a parent repeats none
        (Query("book", (Expr(None, "book.BOOK_ID"), *TITLES), where=NOVELS), False),
        # authors by key over their books: one row per book unless DISTINCT
        (Query("book", (Expr(None, "Author.Author_ID"),), where=NOVELS), True),
        # sorted by a column it does not show: PostgreSQL refuses DISTINCT there
        (Query("book", TITLES, order_by=(Expr(None, "book.Price"), "ASC")), False),
        (
            Query("book", (Expr(None, "Author.Name"), Expr("COUNT", None)), group_by="Author.Name"),
            False,
        ),
    ],
)
def test_a_list_shows_each_different_row_once(bookstore_db, query: Query, distinct: bool) -> None:  # noqa: ANN001
    assert _distinct_list(query, bookstore_db.schema).distinct is distinct


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        # who wrote it: the book's author by name (Author holds people: 저자, 작가)
        ("제일 비싼 책은 누구 책이야?", ("Author.Name",)),
        # "어디" asks for a place; the author is none, so the titles stay
        ("제일 비싼 책은 어디 책이야?", ("book.Title",)),
        # no who or where: the titles stay
        ("제일 비싼 책은 뭐야?", ("book.Title",)),
    ],
)
def test_who_shows_the_person_a_row_belongs_to(bookstore_db, question: str, shown) -> None:  # noqa: ANN001
    query = Query(
        "book", TITLES, order_by=(Expr(None, "book.Price"), "DESC"), limit=Value("number", 1)
    )
    repaired = _asked_kind_shown(query, _links(bookstore_db, question), bookstore_db.schema)
    assert tuple(e.column for e in repaired.select) == shown


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        # the books were asked for, their authors as well
        ("소설 책 뭐 있어? 작가도 같이 알려줘", ("book.Title", "Author.Name")),
        # only the authors are asked for
        ("소설 쓴 작가 알려줘", ("Author.Name",)),
    ],
)
def test_what_is_asked_for_as_well_is_shown_after_what_was_asked(
    bookstore_db, question: str, shown
) -> None:  # noqa: ANN001
    query = Query("book", (Expr(None, "Author.Name"),), where=NOVELS)
    repaired = _shown_as_well(query, _links(bookstore_db, question), bookstore_db.schema)
    assert tuple(e.column for e in repaired.select) == shown


CHEAPEST = Query(
    "book", TITLES, order_by=(Expr(None, "book.Price"), "ASC"), limit=Value("number", 1)
)
NOT_NOVEL = Query("book", TITLES, where=(Cond("book.Genre", "!=", (Value("text", "소설"),)),))
ABOVE_AVERAGE = Query("book", TITLES, where=(Cond("book.Price", "GT_AVG"),))
HOW_MANY = Query("book", (Expr("COUNT", None),))
BY_ID = Query("book", TITLES, where=(Cond("book.Author_ID", "=", (Value("number", 3),)),))
NOVELS_ONLY_LIST = Query("book", TITLES, where=NOVELS)
OUT_OF_STOCK = Query("book", TITLES, where=(Cond("book.In_Stock", "IS_FALSE"),))
AUTHOR_ONE = Query(
    "Author",
    (Expr(None, "Author.Name"),),
    where=(Cond("Author.Author_ID", "=", (Value("number", 1),)),),
)
PROLIFIC = Query(
    "book",
    (Expr(None, "Author.Name"),),
    group_by="Author.Name",
    having=(Expr("COUNT", None), ">", Value("number", 3)),
)
BY_AUTHOR_ONE = Query("book", TITLES, where=(Cond("book.Author_ID", "=", (Value("number", 1),)),))
CHEAP_FEW = Query(
    "book",
    (Expr(None, "Author.Name"),),
    group_by="Author.Name",
    having=(Expr("COUNT", None), "<=", Value("number", 20000)),
)


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
        ("소설로 안 나온 책", NOVELS_ONLY_LIST, 1),  # negated after 으로/로
        ("재고 여부 표시된 책 제목", OUT_OF_STOCK, 1),  # a named flag is true unless negated
        ("재고 없는 책 제목", OUT_OF_STOCK, 0),
        ("중복 없이 재고 여부 표시된 책 제목", OUT_OF_STOCK, 1),  # 중복 없이 negates nothing
        ("소설 책 제목, 중복 빼고", NOT_NOVEL, 1),  # nor does 중복 빼고
        ("저자 번호 1인 작가 이름", AUTHOR_ONE, 0),
        # "not even one" is no value (nor id) 1, a never that no condition negates answers the
        # opposite question (2), and the books named are never read (1)
        ("책이 한 권도 없는 작가 이름", AUTHOR_ONE, 5),
        ("책 제목", OUT_OF_STOCK, 1),  # a flag the question never names
        ("책이 3권 넘는 작가", PROLIFIC, 0),
        ("책이 제일 많은 작가 3명", PROLIFIC, 1),  # a ranking, not a comparison with 3
        ("2만 원 이하인 책을 쓴 작가", CHEAP_FEW, 1),  # 2만 원 is a price, not a count of books
    ],
)
def test_groundless_parts(bookstore_db, question: str, query: Query, expected: int) -> None:  # noqa: ANN001
    assert groundless(query, _links(bookstore_db, question), bookstore_db.schema) == expected


PRICE = Query("book", (Expr(None, "book.Price"),))
BIRTH_YEAR = Query("book", (Expr(None, "Author.Birth_Year"),))


# the birth year is in 년, not 원 (and of authors, whom the question never asks about)
@pytest.mark.parametrize(("query", "expected"), [(PRICE, 0), (BIRTH_YEAR, 2), (HOW_MANY, 2)])
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
def test_a_ranking_shows_its_amount_only_when_asked(bookstore_db, question, shown) -> None:  # noqa: ANN001
    tidied = _ranking_amount(TOP_AUTHOR, _links(bookstore_db, question), bookstore_db.schema)
    assert tuple(e.column for e in tidied.select) == shown


def test_a_ranking_adds_its_amount_when_asked_as_well(bookstore_db) -> None:  # noqa: ANN001
    schema = bookstore_db.schema
    authors_only = replace(TOP_AUTHOR, select=TOP_AUTHOR.select[:1], limit=Value("number", 3))
    links = _links(bookstore_db, "책 많은 작가 상위 3, 책 수도 같이")
    tidied = _ranking_amount(authors_only, links, schema)
    assert tuple(e.column for e in tidied.select) == ("Author.Name", None)
    links = _links(bookstore_db, "책 많은 작가 상위 3")
    assert _ranking_amount(authors_only, links, schema) == authors_only


def test_a_ranking_keeps_the_amount_of_a_listed_column(bookstore_db) -> None:  # noqa: ANN001
    by_price = Query(
        "book",
        (Expr(None, "book.Title"), Expr("MAX", "book.Price")),
        group_by="book.Title",
        order_by=(Expr("MAX", "book.Price"), "ASC"),
        limit=Value("number", 1),
    )
    schema = bookstore_db.schema
    links = _links(bookstore_db, "제일 싼 책 제목이랑 가격")
    assert _ranking_amount(by_price, links, schema) == by_price
    links = _links(bookstore_db, "제일 싼 책 제목")
    assert _ranking_amount(by_price, links, schema).select == (Expr(None, "book.Title"),)


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
    assert _said_only_as(_links(bookstore_db, "6월에 나온 책 중 만 원 넘는 거"), _AS_MONTH) == {6}
    assert _said_only_as(_links(bookstore_db, "6월에 나온 책 6권"), _AS_MONTH) == set()
    query = Query("book", TITLES, where=(Cond("book.Price", ">", (Value("number", 6),)),))
    links = _links(bookstore_db, "6월에 나온 비싼 책")
    assert _said_only_as(links, _AS_MONTH) == {6}
    # a month compared with a price, and 월 is not the price's unit 원
    assert groundless(query, links, bookstore_db.schema) == 2


@pytest.mark.parametrize(
    ("question", "shown", "expected"),
    [
        ("'흰'은 누가 쓴 책이야?", Expr(None, "Author.Name"), 0),
        ("'흰'은 누가 쓴 책이야?", Expr(None, "book.Title"), 3),  # and echoes '흰' back (2)
        ("'흰'은 언제 나왔어?", Expr(None, "book.Published"), 0),
        ("'흰'은 언제 나왔어?", Expr(None, "book.Title"), 3),
        ("'흰'은 얼마야?", Expr(None, "book.Price"), 0),
        ("'흰'은 얼마야?", Expr("COUNT", None), 3),  # a count answers only 몇, 얼마나 많이
        ("'흰' 작가는 어느 나라 사람이야?", Expr(None, "Author.Country"), 0),
        # and the authors named are never read
        ("'흰' 작가는 어느 나라 사람이야?", Expr(None, "book.Publisher"), 2),
    ],
)
def test_a_question_word_asks_for_a_kind_of_answer(bookstore_db, question, shown, expected) -> None:  # noqa: ANN001
    query = Query("book", (shown,), where=(Cond("book.Title", "=", (Value("text", "흰"),)),))
    assert groundless(query, _links(bookstore_db, question), bookstore_db.schema) == expected


NOT_NOVEL_BUT_POEMS = Query(
    "book",
    TITLES,
    where=(
        Cond("book.Genre", "!=", (Value("text", "소설"),)),
        Cond("book.Genre", "=", (Value("text", "시"),)),
    ),
)
NOVEL_TWICE = Query("book", TITLES, where=(NOT_NOVEL.where[0], NOT_NOVEL.where[0]))
NOVEL_OR_POEMS = Query("book", TITLES, where=NOT_NOVEL_BUT_POEMS.where, conj="OR")


@pytest.mark.parametrize(
    ("query", "expected"),
    [(NOT_NOVEL, 0), (NOT_NOVEL_BUT_POEMS, 1), (NOVEL_TWICE, 1), (NOVEL_OR_POEMS, 0)],
)
def test_conditions_and_can_never_need_together(bookstore_db, query: Query, expected: int) -> None:  # noqa: ANN001
    links = _links(bookstore_db, "소설 말고 다른 책")
    assert groundless(query, links, bookstore_db.schema) == expected


BORN_AFTER = Query(
    "Author",
    (Expr(None, "Author.Name"),),
    where=(Cond("Author.Birth_Year", ">", (Value("number", 5),)),),
)
PRICED_OVER = Query("book", TITLES, where=(Cond("book.Price", ">", (Value("number", 5),)),))


GENRE_1970 = Query("book", TITLES, where=(Cond("book.Genre", "=", (Value("text", "1970"),)),))
BORN_1970 = Query(
    "Author",
    (Expr(None, "Author.Name"),),
    where=(Cond("Author.Birth_Year", "=", (Value("number", 1970),)),),
)


@pytest.mark.parametrize(
    ("question", "query", "expected"),
    [
        ("5원 넘는 거", BORN_AFTER, 1),
        ("5원 넘는 거", PRICED_OVER, 0),
        ("1970년 작가", BORN_1970, 0),
        # a column in 년 exists, Genre has no unit, and the authors named are never read
        ("1970년 작가", GENRE_1970, 2),
    ],
)
def test_a_number_is_compared_with_a_column_in_its_unit(
    bookstore_db, question, query, expected
) -> None:  # noqa: ANN001
    assert groundless(query, _links(bookstore_db, question), bookstore_db.schema) == expected


PER_GENRE = Query("book", (Expr(None, "book.Genre"), Expr("COUNT", None)), group_by="book.Genre")
PER_PUBLISHER = Query(
    "book", (Expr(None, "book.Publisher"), Expr("COUNT", None)), group_by="book.Publisher"
)
SUMMED = Query("book", (Expr("SUM", "book.Price"),))
SUMMED_NOT = Query("book", (Expr("MAX", "book.Price"),))


@pytest.mark.parametrize(
    ("question", "query", "expected"),
    [
        ("장르별로 책 몇 권씩", PER_GENRE, 0),
        ("장르별로 책 몇 권씩", PER_PUBLISHER, 1),  # grouped by the column said before 별로
        ("책 가격 합계", SUMMED, 0),
        ("책 가격 합계", SUMMED_NOT, 1),  # 합계 asks for SUM
    ],
)
def test_group_and_sum_words(bookstore_db, question: str, query: Query, expected: int) -> None:  # noqa: ANN001
    assert groundless(query, _links(bookstore_db, question), bookstore_db.schema) == expected


def test_a_shown_flag_becomes_a_condition(bookstore_db) -> None:  # noqa: ANN001
    shown = Query("book", (Expr(None, "book.In_Stock"), Expr(None, "book.Title")))
    tidied = _flags_as_conditions(
        shown, _links(bookstore_db, "재고 있는 책 제목"), bookstore_db.schema
    )
    assert tidied.select == TITLES and tidied.where == (Cond("book.In_Stock", "IS_TRUE"),)
    asked = _links(bookstore_db, "책 제목이랑 재고 여부")
    assert _flags_as_conditions(shown, asked, bookstore_db.schema) == shown
    assert groundless(shown, asked, bookstore_db.schema) == 0


def test_a_count_of_a_counted_column_shows_the_column(bookstore_db) -> None:  # noqa: ANN001
    """ "출구 몇 개" reads the column 출구 수 in 개, not a row count (here: 가격 몇 원)."""
    links = _links(bookstore_db, "'흰' 가격 몇 원?")
    price = Query("book", (Expr(None, "book.Price"),))
    assert groundless(price, links, bookstore_db.schema) < groundless(
        HOW_MANY, links, bookstore_db.schema
    )


def test_a_schema_word_inside_a_value_names_nothing() -> None:
    district = Mention("station.district", 2, 3, True)  # the 구 of "마포구"
    station = Mention("station", 8, 9, True)
    value = Candidate("text", "마포구", "station.district", 0, 3, 1.0)
    links = Links("마포구에 있는 역 이름", [district, station], [value])
    assert _names_outside_values(links).mentions == [station]


BY_PRICE = Query(
    "book", TITLES, order_by=(Expr(None, "book.Price"), "DESC"), limit=Value("number", 1)
)
BY_COUNT = replace(BY_PRICE, group_by="book.Title", order_by=(Expr("COUNT", None), "DESC"))


# BY_COUNT ranks by a count, and counts books per their own title (namesakes)
@pytest.mark.parametrize(("query", "expected"), [(BY_PRICE, 0), (BY_COUNT, 2)])
def test_a_superlative_ranks_by_the_column_said_before_it(bookstore_db, query, expected) -> None:  # noqa: ANN001
    links = _links(bookstore_db, "가격이 가장 높은 책 제목")
    assert groundless(query, links, bookstore_db.schema) == expected


def test_an_unnamed_id_is_shown_as_the_rows_name(bookstore_db) -> None:  # noqa: ANN001
    ids = Query("book", (Expr(None, "book.BOOK_ID"),), where=PRICED_OVER.where)
    tidied = _names_for_ids(ids, _links(bookstore_db, "만 원 넘는 책"), bookstore_db.schema)
    assert tidied.select == TITLES
    asked = _links(bookstore_db, "만 원 넘는 책 번호")
    assert _names_for_ids(ids, asked, bookstore_db.schema) == ids


@pytest.mark.parametrize(
    ("question", "query", "expected"),
    [
        ("평균보다 비싼 책", ABOVE_AVERAGE, 0),
        ("평균보다 비싼 책", Query("book", (Expr("AVG", "book.Price"),)), 1),
        # compares nothing with 만 원 (1), but asks for no comparison with the average
        ("평균 가격이 만 원 이상인 책", Query("book", (Expr("AVG", "book.Price"),)), 1),
    ],
)
def test_a_comparison_with_the_average_needs_one(bookstore_db, question, query, expected) -> None:  # noqa: ANN001
    assert groundless(query, _links(bookstore_db, question), bookstore_db.schema) == expected


def test_a_flag_grouped_by_stays_shown(bookstore_db) -> None:  # noqa: ANN001
    per_stock = Query(
        "book", (Expr(None, "book.In_Stock"), Expr("COUNT", None)), group_by="book.In_Stock"
    )
    links = _links(bookstore_db, "재고 있는 책이랑 없는 책 각각 몇 권")
    assert _flags_as_conditions(per_stock, links, bookstore_db.schema) == per_stock


def test_a_value_goes_with_the_column_named_beside_it() -> None:
    # "한강" is an author's name and a book's title; the question says which
    links = Links(
        "한강이 저자 이름인 책",
        [Mention("Author.Name", 4, 9, True)],
        [
            Candidate("text", "한강", "Author.Name", 0, 2),
            Candidate("text", "한강", "book.Title", 0, 2),
        ],
    )
    by_author = Query(
        "book", TITLES, where=(Cond("Author.Name", "=", (Value("text", "한강", "Author.Name"),)),)
    )
    by_title = Query(
        "book", TITLES, where=(Cond("book.Title", "=", (Value("text", "한강", "book.Title"),)),)
    )
    assert _value_column_unsaid(by_author, links) == 0
    assert _value_column_unsaid(by_title, links) == 1
    unsaid = replace(links, question="한강 책", mentions=[])
    assert _value_column_unsaid(by_title, unsaid) == 0
    # "1라운드 US 오픈컵의 플레이오프": the column named right after the value, no particle between
    right_after = replace(
        links, question="한강 저자 이름의 책", mentions=[Mention("Author.Name", 3, 8, True)]
    )
    assert _value_column_unsaid(by_author, right_after) == 0
    assert _value_column_unsaid(by_title, right_after) == 1


@pytest.mark.parametrize(
    ("question", "query", "expected"),
    [
        ("가장 비싼 책 제목", Query("book", TITLES), 1),
        ("가장 비싼 책 제목", CHEAPEST, 0),
        ("가격이 최소인 책", Query("book", (Expr("MIN", "book.Price"),)), 0),
        ("만 원 넘는 책 제목", Query("book", TITLES), 0),
    ],
)
def test_a_word_for_an_extreme_asks_for_one(bookstore_db, question, query, expected) -> None:  # noqa: ANN001
    assert _extreme_unasked(query, _links(bookstore_db, question)) == expected


@pytest.mark.parametrize(
    ("question", "expected"), [("만 원 넘는 책", 1), ("만 원 넘는 책 저자", 0)]
)
def test_a_joined_table_must_be_asked_about(bookstore_db, question: str, expected: int) -> None:  # noqa: ANN001
    authors = Query("book", (Expr(None, "Author.Name"),), where=PRICED_OVER.where)
    links = _links(bookstore_db, question)
    assert _unasked_tables(authors, links, bookstore_db.schema) == expected


@pytest.mark.parametrize(
    ("question", "ranks"),
    [("책 많은 작가 상위 3", {3}), ("책이 3권 넘는 작가", set()), ("3권 넘는 작가 상위 3", set())],
)
def test_a_number_said_as_a_rank_compares_nothing(bookstore_db, question: str, ranks: set) -> None:  # noqa: ANN001
    assert _said_only_as(_links(bookstore_db, question), _AS_RANK) == ranks


PER_AUTHOR = Query("book", (Expr(None, "Author.Name"), Expr("COUNT", None)), group_by="Author.Name")
PER_GENRE = Query("book", (Expr(None, "book.Genre"), Expr("COUNT", None)), group_by="book.Genre")


@pytest.mark.parametrize(("query", "expected"), [(PER_AUTHOR, 0), (PER_GENRE, 1)])
def test_a_table_before_a_group_word_is_the_group(
    bookstore_db, query: Query, expected: int
) -> None:  # noqa: ANN001
    links = _links(bookstore_db, "작가별로 책 몇 권씩 있어?")
    assert _wrong_group(query, links, bookstore_db.schema) == expected


def test_a_grouped_query_shows_only_its_group_and_totals(bookstore_db) -> None:  # noqa: ANN001
    genre_per_author = replace(PER_AUTHOR, select=(Expr(None, "book.Genre"), Expr("COUNT", None)))
    assert _ungrouped_shown(PER_AUTHOR, bookstore_db.schema) == 0
    assert _ungrouped_shown(genre_per_author, bookstore_db.schema) == 1


@pytest.mark.parametrize(
    ("question", "where"),
    [
        ("가평역은 어느 군에 있어요?", True),
        ("어느 도시에 있어?", True),
        ("어느 도서관이야?", False),
    ],
)
def test_which_town_asks_where(question: str, where: bool) -> None:
    assert ("where" in _question_words(question)) is where


HAN_KANG = (Cond("Author.Name", "=", (Value("text", "한강"),)),)


@pytest.mark.parametrize(("shown", "expected"), [("Author.Country", 0), ("Author.Name", 1)])
def test_an_answer_is_not_the_question_s_own_value(bookstore_db, shown: str, expected: int) -> None:  # noqa: ANN001
    query = Query("Author", (Expr(None, shown),), where=HAN_KANG)
    links = _links(bookstore_db, "한강 작가 국적 알려줘")
    assert groundless(query, links, bookstore_db.schema) == expected


@pytest.mark.parametrize(
    ("counted", "expected"),
    [
        (Expr("COUNT", "Author.Country", distinct=True), 0),
        (Expr("COUNT", "Author.Country"), 1),
        (Expr("COUNT", None), 2),
    ],
)
def test_how_many_of_a_column_counts_its_different_values(bookstore_db, counted, expected) -> None:  # noqa: ANN001
    query = Query("Author", (counted,))
    links = _links(bookstore_db, "작가들은 몇 개 나라 사람이야?")
    assert groundless(query, links, bookstore_db.schema) == expected


@pytest.mark.parametrize(
    ("question", "shown", "expected"),
    [
        ("한강 책은 몇개의 장르에 걸쳐 있어?", Expr(None, "book.Genre"), 2),
        ("한강 책의 장르의 수는?", Expr(None, "book.Genre"), 2),
        ("한강 책의 장르의 수는?", Expr("COUNT", "book.Genre"), 0),
        ("한강 책의 장르는?", Expr(None, "book.Genre"), 0),
    ],
)
def test_a_count_asked_of_a_column_is_no_list_of_it(
    bookstore_db, question, shown, expected
) -> None:  # noqa: ANN001
    query = Query("book", (shown,), where=HAN_KANG)
    links = _links(bookstore_db, question)
    assert groundless(query, links, bookstore_db.schema) == expected


@pytest.mark.parametrize(("shown", "expected"), [("book.Price", 0), ("Author.Birth_Year", 1)])
def test_how_much_asks_for_money(bookstore_db, shown: str, expected: int) -> None:  # noqa: ANN001
    query = Query("book", (Expr("AVG", shown),))
    links = _links(bookstore_db, "책 평균 얼마 정도 해?")
    assert _money_unshown(query, links, bookstore_db.schema) == expected


def test_a_flag_named_whole_is_used(bookstore_db) -> None:  # noqa: ANN001
    links = _links(bookstore_db, "재고 여부 표시된 소설 제목")
    in_stock = Query("book", TITLES, where=(*NOVELS, Cond("book.In_Stock", "IS_TRUE")))
    assert _unused_named_flags(Query("book", TITLES, where=NOVELS), links, bookstore_db.schema) == 1
    assert _unused_named_flags(in_stock, links, bookstore_db.schema) == 0


def _shop_schema() -> Schema:
    def table(name: str, korean: str, *columns: str) -> Table:
        return Table(name, (korean,), tuple(Column(name, c, (c,), "id") for c in columns))

    return Schema(
        "shop",
        (
            table("customer", "고객", "customer_id"),
            table("orders", "주문", "order_id", "customer_id"),
            table("review", "리뷰", "review_id", "customer_id"),
        ),
        (
            ForeignKey("orders", "customer_id", "customer", "customer_id"),
            ForeignKey("review", "customer_id", "customer", "customer_id"),
        ),
    )


@pytest.mark.parametrize(("child", "expected"), [("orders", 0), ("review", 1)])
def test_a_subquery_looks_among_the_child_the_question_names(child: str, expected: int) -> None:
    schema = _shop_schema()
    query = Query(
        "customer",
        (Expr(None, "customer.customer_id"),),
        where=(Cond("customer.customer_id", "NOT_IN", (Value("table", child),)),),
    )
    links = link("한 번도 주문 안 한 고객", schema, ValueIndex({}))
    assert _other_child_named(query, links, schema) == expected


@pytest.mark.parametrize(
    ("question", "shown", "expected"),
    [
        ("그 의원은 언제 물러났어?", "term.took_office", 1),
        ("그 의원은 언제 물러났어?", "term.left_office", 0),
        ("취임 날짜 알려줘", "term.left_office", 1),
        ("언제 의원이었어?", "term.took_office", 0),
    ],
)
def test_a_question_about_an_end_shows_no_start(question: str, shown: str, expected: int) -> None:
    term = Table(
        "term",
        ("임기",),
        (
            Column("term", "took_office", ("취임일",), "date"),
            Column("term", "left_office", ("퇴임일",), "date"),
        ),
    )
    query = Query("term", (Expr(None, shown),))
    assert _start_for_end(query, question, Schema("t", (term,))) == expected


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("한강 책 제목이랑 가격 알려줘", ("book.Title", "book.Price")),
        ("한강 책 제목 알려줘", ("book.Title",)),
    ],
)
def test_every_listed_column_is_shown(bookstore_db, question: str, shown: tuple) -> None:  # noqa: ANN001
    query = Query("book", TITLES, where=HAN_KANG)
    repaired = _listed_shown(query, _links(bookstore_db, question), bookstore_db.schema)
    assert tuple(e.column for e in repaired.select) == shown


WITH_BOOKS = Query(
    "Author",
    (Expr("COUNT", None),),
    where=(Cond("Author.Author_ID", "IN", (Value("table", "book"),)),),
)


@pytest.mark.parametrize(
    ("question", "expected"), [("작가 몇 명이야?", 1), ("책 쓴 작가 몇 명?", 0)]
)
def test_a_subquery_looks_in_a_table_the_question_names(bookstore_db, question, expected) -> None:  # noqa: ANN001
    links = _links(bookstore_db, question)
    assert _unnamed_subquery(WITH_BOOKS, links, bookstore_db.schema) == expected


def test_a_count_of_another_table_is_as_wrong_as_a_unit(bookstore_db) -> None:  # noqa: ANN001
    authors = Query(
        "Author",
        (Expr("COUNT", None),),
        where=(Cond("Author.Country", "=", (Value("text", "한국"),)),),
    )
    books = replace(authors, table="book")
    links = _links(bookstore_db, "한국 작가들이 쓴 책은 몇 권?")
    # 2 for counting authors, 1 for never reading the books named
    assert (
        groundless(authors, links, bookstore_db.schema)
        - groundless(books, links, bookstore_db.schema)
        == 3
    )


PROLIFIC_AUTHORS = Query(
    "book",
    (Expr(None, "Author.Name"),),
    group_by="Author.Name",
    having=(Expr("COUNT", None), ">=", Value("number", 3)),
)


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("책이 몇 권인지, 세 권 이상인 작가만", ("Author.Name", "COUNT")),
        ("작가별 책 수 3권 이상", ("Author.Name", "COUNT")),
        ("책이 세 권 이상인 작가", ("Author.Name",)),
    ],
)
def test_a_compared_count_is_shown_when_asked_for(question: str, shown: tuple) -> None:
    query = _count_shown(PROLIFIC_AUTHORS, question)
    assert tuple(e.column or e.agg for e in query.select) == shown


@pytest.mark.parametrize(("question", "kept"), [("한 번에 제일 비싼 책", 0), ("저자 번호 1 책", 1)])
def test_the_one_of_an_idiom_is_no_id(bookstore_db, question: str, kept: int) -> None:  # noqa: ANN001
    query = _idiom_ids_dropped(BY_AUTHOR_ONE, _links(bookstore_db, question), bookstore_db.schema)
    assert len(query.where) == kept


def test_a_table_and_its_name_lists_the_name_column(bookstore_db) -> None:  # noqa: ANN001
    # "책 이름" is the book's title, though the annotation calls only the author's column 이름
    links = _links(bookstore_db, "만 원 넘는 책 이름이랑 가격")
    assert any("book.Title" in readings for readings in _listed_columns(links, bookstore_db.schema))
    query = Query(
        "book",
        (Expr(None, "book.Price"),),
        where=(Cond("book.Price", ">", (Value("number", 10000),)),),
    )
    listed = replace(query, select=(Expr(None, "book.Title"), Expr(None, "book.Price")))
    schema = bookstore_db.schema
    assert groundless(listed, links, schema) < groundless(query, links, schema)


def test_cue_words_inside_a_column_name_are_no_cues(bookstore_db) -> None:  # noqa: ANN001
    links = _links(bookstore_db, "출간일 합계는?")
    assert "합계" in _outside_column_names(links)
    links = _links(bookstore_db, "'흰' 출판사 수는?")
    assert "출판사" not in _outside_column_names(links)


def test_the_oldest_is_the_most_of_a_duration_but_the_earliest_year(bookstore_db) -> None:  # noqa: ANN001
    schema = bookstore_db.schema
    links = _links(bookstore_db, "제일 오래된 작가 이름")
    by_year = Query(
        "Author", (Expr(None, "Author.Name"),), order_by=(Expr(None, "Author.Birth_Year"), "ASC")
    )
    assert _old_as_most(by_year, links, schema) == by_year  # 태어난 해: a calendar year
    # a number that is no year (here the price stands in for a career length) ranks the most first
    by_number = replace(by_year, order_by=(Expr(None, "book.Price"), "ASC"))
    assert _old_as_most(by_number, links, schema).order_by[1] == "DESC"
    assert _old_as_most(by_number, _links(bookstore_db, "제일 싼 책"), schema) == by_number


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("매진된 공연 수를 주최사별로", {"venue.is_sold_out"}),
        ("야외 말고 주차도 되는 곳", {"venue.has_parking"}),
        ("주차 안 되는 곳", set()),  # the flag negated is left to the negation rules
        ("공연장 이름", set()),
    ],
)
def test_a_flag_is_said_by_its_action_as_a_verb(question: str, said: set[str]) -> None:
    columns = (
        Column("venue", "name", ("공연장 이름",), "text"),
        Column("venue", "is_sold_out", ("매진 여부", "매진"), "boolean"),
        Column("venue", "has_parking", ("주차 가능 여부", "주차장"), "boolean"),
        Column("venue", "is_outdoor", ("야외 여부",), "boolean"),
    )
    schema = Schema("concerts", (Table("venue", ("공연장",), columns),))
    links = _schema_links(schema, question)
    assert _flags_said(links, schema) == said


def test_a_flag_is_said_by_a_whole_name_the_table_name_ends() -> None:
    columns = (
        Column("station", "name", ("역 이름",), "text"),
        Column("station", "is_transfer", ("환승역 여부", "환승역"), "boolean"),
    )
    schema = Schema("subway", (Table("station", ("역",), columns),))
    links = _schema_links(schema, "환승역 중에서 출구 많은 역")
    assert not any(m.exact for m in links.mentions if m.item == "station.is_transfer")
    assert _flags_said(links, schema) == {"station.is_transfer"}


# A delivery database: "금액" is the menu's whole name for its price and a part of the order's
# 주문 금액; "주문" is the name of the orders table and a word of 주문 금액 and 주문번호.
DELIVERY = Schema(
    "delivery",
    (
        Table(
            "orders",
            ("주문",),
            (
                Column("orders", "order_id", ("주문번호",), "id", primary_key=True),
                Column("orders", "shop_id", ("가게 번호",), "id"),
                Column("orders", "order_amount", ("주문 금액",), "number", unit="원"),
            ),
        ),
        Table(
            "shop",
            ("가게",),
            (
                Column("shop", "shop_id", ("가게 번호",), "id", primary_key=True),
                Column("shop", "name", ("가게 이름",), "text"),
            ),
        ),
        Table("menu", ("메뉴",), (Column("menu", "price", ("금액",), "number", unit="원"),)),
    ),
    (ForeignKey("orders", "shop_id", "shop", "shop_id"),),
)


def test_a_listed_column_stays_though_a_condition_fixes_it() -> None:
    # "금액" names both the menu's price and the order's amount
    links = _schema_links(DELIVERY, "25000원 넘게 시킨 주문들 주문번호랑 금액")
    query = Query(
        "orders",
        (Expr(None, "orders.order_id"), Expr(None, "orders.order_amount")),
        where=(Cond("orders.order_amount", ">", (Value("number", 25000),)),),
    )
    assert _mention_order(query, links, DELIVERY) == query


def test_not_even_one_asks_for_a_negated_condition(bookstore_db) -> None:  # noqa: ANN001
    links = _links(bookstore_db, "책을 한 권도 안 낸 작가 몇 명?")
    without_books = replace(
        WITH_BOOKS, where=(Cond("Author.Author_ID", "NOT_IN", (Value("table", "book"),)),)
    )
    schema = bookstore_db.schema
    # the opposite question: as surely wrong as a row count of "몇 킬로"
    assert groundless(WITH_BOOKS, links, schema) == groundless(without_books, links, schema) + 2


def test_a_ranking_counts_rows_when_the_table_is_named_before_the_superlative() -> None:
    # "주문 제일 많이 받은 가게": 주문 is the table's name, not a word of the number column 주문 금액
    top = Query(
        "orders",
        (Expr(None, "shop.name"),),
        group_by="shop.name",
        order_by=(Expr("COUNT", None), "DESC"),
        limit=Value("number", 3),
    )
    links = _schema_links(DELIVERY, "주문 제일 많이 받은 가게 3곳")
    assert _wrong_ranking(top, links, DELIVERY) == 0


def test_who_shown_as_another_column_of_a_person_read_is_surely_wrong(bookstore_db) -> None:  # noqa: ANN001
    schema = bookstore_db.schema
    links = _links(bookstore_db, "한국 작가 중에 누가 있어?")
    korean = (Cond("Author.Country", "=", (Value("text", "한국"),)),)
    publishers = Query("book", (Expr(None, "book.Publisher"),), where=korean)
    assert _wrong_kind_shown(publishers, links, schema) == 2  # the authors are read, not shown
    titles = Query("book", (Expr(None, "book.Title"),))
    assert _wrong_kind_shown(titles, links, schema) == 1
    authors = replace(publishers, select=(Expr(None, "Author.Name"),))
    assert _wrong_kind_shown(authors, links, schema) == 0


def test_an_echo_is_surely_wrong_when_a_question_word_asks(bookstore_db) -> None:  # noqa: ANN001
    echo = Query(
        "book",
        (Expr(None, "book.Title"),),
        where=(Cond("book.Title", "=", (Value("text", "흰"),)),),
    )
    schema = bookstore_db.schema
    asked = groundless(echo, _links(bookstore_db, "'흰'은 언제 나왔어?"), schema)
    listed = groundless(echo, _links(bookstore_db, "'흰' 보여줘"), schema)
    assert (asked, listed) == (3, 1)  # a date not shown (1), an echo (1, or 2 where 언제 asks)


def test_a_word_for_people_before_how_many_counts_them() -> None:
    # "사람" is also a word of the class's capacity (최대 사람 수, in 명), but "사람 몇 명" counts people
    schema = Schema(
        "gym",
        (
            Table(
                "member",
                ("회원",),
                (
                    Column("member", "member_id", ("회원 번호",), "id", primary_key=True),
                    Column("member", "plan", ("회원권",), "text"),
                ),
            ),
            Table(
                "course",
                ("수업",),
                (Column("course", "capacity", ("최대 사람 수",), "number", unit="명"),),
            ),
        ),
    )
    links = _schema_links(schema, "베이직 회원권으로 가입한 사람 몇 명?")
    counted = Query(
        "member",
        (Expr("COUNT", None),),
        where=(Cond("member.plan", "=", (Value("text", "BASIC"),)),),
    )
    assert any(m.item == "course.capacity" for m in links.mentions)
    assert groundless(counted, links, schema) == 0


def test_hypotheses_are_judged_as_they_would_run(bookstore_db, monkeypatch) -> None:  # noqa: ANN001
    """A hypothesis that leaves out a listed column the tidying adds back is not ranked below a
    less likely one that lists it but drops the condition."""
    from models.seq2sql.config import load_hparams
    from models.seq2sql.decode import Hypothesis
    from models.seq2sql.features import Vocab
    from models.seq2sql.serve import SqlParser

    question = "한강 책 제목이랑 가격 알려줘"
    links = _links(bookstore_db, question)
    title_only = Hypothesis(Query("book", TITLES, where=HAN_KANG), [], -1.0)
    unfiltered = Hypothesis(Query("book", (*TITLES, Expr(None, "book.Price"))), [], -1.5)
    parser = SqlParser([], Vocab.build([question]), load_hparams("tiny"), bookstore_db)
    monkeypatch.setattr(
        parser, "hypotheses", lambda q: (links.question, links, [title_only, unfiltered])
    )
    pred = parser.predict(question)
    assert pred.query.where == HAN_KANG
    assert [e.column for e in pred.query.select] == ["book.Title", "book.Price"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("장르별로 책 몇 권? 3권 이상인 장르만", 1),  # the genres are compared
        ("장르별로 3권 이상 팔린 책 몇 권?", 0),  # the books are
    ],
)
def test_a_number_compared_about_the_group_compares_groups(
    bookstore_db, question, expected
) -> None:  # noqa: ANN001
    row_condition = Query(
        "book",
        (Expr(None, "book.Genre"), Expr("COUNT", None)),
        where=(Cond("Sale.Quantity", ">=", (Value("number", 3),)),),
        group_by="book.Genre",
    )
    links = _links(bookstore_db, question)
    assert _group_compared_as_row(row_condition, links) == expected
    having = replace(
        row_condition, where=(), having=(Expr("COUNT", None), ">=", Value("number", 3))
    )
    assert _group_compared_as_row(having, links) == 0


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("가격이 2만 원 넘는 책", "book.Title"),  # the books, named after their price
        ("2만 원 넘는 책 가격", "book.Price"),  # the price is asked for
        ("가격이 2만 원 넘는 책 가격 알려줘", "book.Price"),  # named twice: asked for as well
    ],
)
def test_a_list_of_rows_named_after_a_comparison_shows_their_names(
    bookstore_db, question, shown
) -> None:  # noqa: ANN001
    query = Query(
        "book",
        (Expr(None, "book.Price"),),
        where=(Cond("book.Price", ">", (Value("number", 20000),)),),
    )
    repaired = _rows_named_after_condition(
        query, _links(bookstore_db, question), bookstore_db.schema
    )
    assert [e.column for e in repaired.select] == [shown]


@pytest.mark.parametrize(
    ("question", "grouped"),
    [("소설이랑 시집 각각 몇 권씩이야?", True), ("소설이랑 시집 합쳐서 몇 권이야?", False)],
)
def test_each_of_the_values_gets_its_own_total(question: str, grouped: bool) -> None:
    genre = (Value("text", "소설"),), (Value("text", "시집"),)
    query = Query(
        "book",
        (Expr("COUNT", None),),
        where=tuple(Cond("book.Genre", "=", v) for v in genre),
        conj="OR",
    )
    repaired = _total_per_value(query, question)
    assert (repaired.group_by == "book.Genre") is grouped
    assert [e.column for e in repaired.select] == (["book.Genre", None] if grouped else [None])


@pytest.mark.parametrize(
    ("question", "measured", "expected"),
    [
        ("매출 총액 제일 많은 작가", "book.Price", 0),
        ("매출 총액 제일 많은 작가", "Sale.Quantity", 1),  # copies are no money
        ("제일 많이 팔린 작가", "Sale.Quantity", 0),
    ],
)
def test_a_word_for_money_measures_money(bookstore_db, question, measured, expected) -> None:  # noqa: ANN001
    ranking = Query(
        "Author",
        (Expr(None, "Author.Name"),),
        group_by="Author.Name",
        order_by=(Expr("SUM", measured), "DESC"),
        limit=Value("number", 1),
    )
    links = _links(bookstore_db, question)
    assert _money_unmeasured(ranking, links, bookstore_db.schema) == expected


@pytest.mark.parametrize(
    ("question", "shown", "expected"),
    [
        ("한국 작가들이 쓴 책 제목 알려줘", "book.Title", 0),
        ("한국 작가들이 쓴 책 제목 알려줘", "Author.Name", 1),  # the books' names are asked
        ("책 쓴 한국 작가들 알려줘", "Author.Name", 0),
    ],
)
def test_a_table_s_names_asked_are_its_rows_names(bookstore_db, question, shown, expected) -> None:  # noqa: ANN001
    query = Query("book", (Expr(None, shown),))
    links = _links(bookstore_db, question)
    assert _other_rows_named(query, links, bookstore_db.schema) == expected


@pytest.mark.parametrize(("score", "expected"), [(0.75, 1), (1.0, 0)])
def test_a_far_guessed_value_hides_no_word_for_an_extreme(bookstore_db, score, expected) -> None:  # noqa: ANN001
    """ "제일 비싼 책" sounding a little like a stored title still asks for the most expensive;
    a stored value "제일" itself asks for nothing."""
    links = _links(bookstore_db, "제일 비싼 책")
    guess = Candidate("text", "Jay Bison", "book.Title", 0, 5, score)
    listing = Query("book", TITLES)
    assert _extreme_unasked(listing, replace(links, candidates=[guess])) == expected


@pytest.mark.parametrize(
    ("question", "table", "expected"),
    [
        ("제일 많이 팔린 책 제목", "book", 1),  # books counted per title: namesakes
        ("제일 많이 팔린 책 제목", "Sale", 0),  # sales counted per title
        ("제목별로 책 몇 권씩이야?", "book", 0),  # grouped by the title, as asked
    ],
)
def test_rows_counted_per_their_own_name_count_namesakes(
    bookstore_db, question, table, expected
) -> None:  # noqa: ANN001
    per_title = replace(BY_COUNT, table=table)
    links = _links(bookstore_db, question)
    assert _namesakes_counted(per_title, links, bookstore_db.schema) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("소설 책 수는 얼마야?", 0),  # 수는 asks for a count
        ("소설 책 가격은 얼마야?", 2),  # an amount, never a count
        ("소설 책 수업은 얼마야?", 2),  # 수업 is no 수
    ],
)
def test_how_much_of_a_number_asks_for_a_count(bookstore_db, question: str, expected: int) -> None:  # noqa: ANN001
    count = Query("book", (Expr("COUNT", None),), where=NOVELS)
    assert _wrong_kind_shown(count, _links(bookstore_db, question), bookstore_db.schema) == expected


@pytest.mark.parametrize(
    ("question", "query", "expected"),
    [
        ("책이 3권 넘는 작가 몇 명?", WITH_BOOKS, 1),  # some book is not more than three
        ("책이 3권 넘는 작가", PROLIFIC, 0),
        ("책 쓴 작가 몇 명?", WITH_BOOKS, 0),
    ],
)
def test_a_number_compared_asks_for_a_comparison(bookstore_db, question, query, expected) -> None:  # noqa: ANN001
    assert _comparison_unmade(query, _links(bookstore_db, question)) == expected


AUTHORS_COUNTED = Query("Author", (Expr("COUNT", "Author.Name", distinct=True),))
COUNTRIES_COUNTED = Query("Author", (Expr("COUNT", "Author.Country", distinct=True),))


@pytest.mark.parametrize(
    ("question", "query", "expected"),
    [
        ("중복 빼고 작가 몇 명이야?", AUTHORS_COUNTED, 0),  # the authors' names tell them apart
        ("중복 빼고 작가 몇 명이야?", COUNTRIES_COUNTED, 1),  # not their countries
        ("작가들 나라는 몇 개야?", COUNTRIES_COUNTED, 0),
    ],
)
def test_different_values_counted_are_of_a_column_said(
    bookstore_db, question, query, expected
) -> None:  # noqa: ANN001
    links = _links(bookstore_db, question)
    assert _unsaid_values_counted(query, links, bookstore_db.schema) == expected


@pytest.mark.parametrize(
    ("question", "query", "expected"),
    [
        ("책 쓴 작가 몇 명?", WITH_BOOKS, 0),
        ("책 쓴 작가 몇 명?", Query("Author", (Expr("COUNT", None),)), 1),  # 책 is never read
        ("작가 몇 명?", Query("Author", (Expr("COUNT", None),)), 0),
    ],
)
def test_a_table_the_question_names_is_read(bookstore_db, question, query, expected) -> None:  # noqa: ANN001
    assert (
        _named_tables_unused(query, _links(bookstore_db, question), bookstore_db.schema) == expected
    )


# 동네 is the whole name of the shops' district and a part of the customers' 사는 동네
NEIGHBOURHOODS = Schema(
    "delivery",
    (
        Table(
            "customer",
            ("고객",),
            (
                Column("customer", "customer_id", ("고객 번호",), "id", primary_key=True),
                Column("customer", "name", ("고객 이름",), "text"),
                Column("customer", "district", ("사는 동네",), "text"),
                Column("customer", "age", ("연령", "나이"), "number"),
            ),
        ),
        Table("shop", ("가게",), (Column("shop", "district", ("동네",), "text"),)),
    ),
)
AGE_PER = Query(
    "customer",
    (Expr(None, "customer.district"), Expr("AVG", "customer.age")),
    group_by="customer.district",
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (AGE_PER, 0),  # 동네 of the 고객 named
        (replace(AGE_PER, group_by="customer.name"), 1),
        (replace(AGE_PER, group_by="shop.district"), 0),
    ],
)
def test_a_group_word_may_loosely_name_a_column_of_a_table_said(query, expected) -> None:  # noqa: ANN001
    links = _schema_links(NEIGHBOURHOODS, "동네별 고객 평균 연령")
    assert _wrong_group(query, links, NEIGHBOURHOODS) == expected


@pytest.mark.parametrize(
    ("shown", "group_by", "expected"),
    [
        ("customer.district", "customer.district", 0),
        ("customer.name", "customer.district", 1),  # one district, many names
        ("customer.name", "customer.customer_id", 0),  # one customer, one name
    ],
)
def test_a_grouped_query_shows_what_its_group_decides(shown, group_by, expected) -> None:  # noqa: ANN001
    query = Query("customer", (Expr(None, shown), Expr("AVG", "customer.age")), group_by=group_by)
    assert _ungrouped_shown(query, NEIGHBOURHOODS) == expected


NOVEL_COUNT = Query("book", (Expr("COUNT", None),), where=NOVELS)


@pytest.mark.parametrize(
    ("question", "shown", "expected"),
    [
        ("소설 책 몇 권이야?", Expr("COUNT", None), 0),
        ("소설 책 몇 권이야?", Expr("MAX", "book.Price"), 2),  # books counted, not a price
        ("소설 책 몇 권이야?", Expr("COUNT", "book.Genre", distinct=True), 1),  # nor genres
        ("소설 책 몇 권이야?", Expr("COUNT", "book.Title", distinct=True), 0),  # their names
        ("소설 책 장르 몇 개야?", Expr("COUNT", "book.Genre", distinct=True), 0),
    ],
)
def test_a_row_counter_counts_rows(bookstore_db, question, shown, expected) -> None:  # noqa: ANN001
    links = _links(bookstore_db, question)
    counted = groundless(NOVEL_COUNT, links, bookstore_db.schema)
    query = replace(NOVEL_COUNT, select=(shown,))
    assert groundless(query, links, bookstore_db.schema) - counted == expected


CHEAP_NOVELS = (*NOVELS, Cond("book.Price", "<", (Value("number", 10000),)))


@pytest.mark.parametrize(
    ("question", "query", "expected"),
    [
        ("만 원 안 되는 소설", Query("book", TITLES, where=CHEAP_NOVELS, conj="OR"), 1),
        ("만 원 안 되는 소설", Query("book", TITLES, where=CHEAP_NOVELS), 0),
        ("만 원 안 되거나 소설인 책", Query("book", TITLES, where=CHEAP_NOVELS, conj="OR"), 0),
        ("소설 시집", NOVEL_OR_POEMS, 0),  # one column's values may be either
    ],
)
def test_or_joins_conditions_on_different_columns_only_when_said(question, query, expected) -> None:  # noqa: ANN001
    assert _or_unsaid(query, question) == expected


PRICIEST = Query("book", (Expr("MAX", "book.Price"),))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("제일 비싼 책은?", 1),  # the book, not its price
        ("가장 나이 많은 사람?", 1),
        ("가장 비싼 책 가격은?", 0),
        ("책 가격 중 제일 비싼 값은?", 0),
    ],
)
def test_an_extreme_that_describes_rows_asks_for_a_row(bookstore_db, question, expected) -> None:  # noqa: ANN001
    links = _links(bookstore_db, question)
    assert _extreme_value_for_row(PRICIEST, links, bookstore_db.schema) == expected
