"""Reflection, annotation loading (case-tolerant keys) and drafts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from models.errors import SqlError
from models.seq2sql.context import Database, database_name
from models.seq2sql.safety import readonly_engine
from models.seq2sql.schema import (
    Schema,
    apply_annotation,
    draft_annotation,
    guess_unit,
    load_annotation,
    reflect_schema,
    split_identifier,
)


@pytest.mark.parametrize(
    ("identifier", "words"),
    [
        ("BirthYear", "birth year"),
        ("in_stock", "in stock"),
        ("HTTPCode", "http code"),
        ("StoreID", "store id"),
        ("menu-item", "menu item"),
        ("price", "price"),
    ],
)
def test_split_identifier(identifier: str, words: str) -> None:
    assert split_identifier(identifier) == words


@pytest.mark.parametrize(
    ("name", "type_", "unit"),
    [
        ("년도", "number", "년"),
        ("birth_year", "number", "년"),
        ("시즌", "number", "년"),
        ("년도", "text", ""),
        ("연봉", "number", ""),
        ("years_active", "number", ""),
    ],
)
def test_year_columns_get_the_unit_year(name: str, type_: str, unit: str) -> None:
    assert guess_unit(name, type_) == unit


def test_reflection_reads_tables_types_and_foreign_keys(bookstore: tuple[Path, Path]) -> None:
    engine = readonly_engine(f"sqlite:///{bookstore[0]}")
    schema = reflect_schema(engine, "bookstore")
    engine.dispose()
    assert {t.name for t in schema.tables} == {"Author", "book"}
    types = {c.key: c.type for c in schema.columns}
    assert types["book.BOOK_ID"] == "id" and types["book.Author_ID"] == "id"
    assert types["book.Price"] == "number" and types["book.Title"] == "text"
    assert types["book.Published"] == "date"
    assert [(f.table, f.column, f.ref_table) for f in schema.foreign_keys] == [
        ("book", "Author_ID", "Author")
    ]
    assert schema.column("book.Price").names[0] == "가격"  # dictionary translation of "price"


def test_annotation_keys_match_ignoring_case(bookstore_db: Database) -> None:
    schema = bookstore_db.schema
    # The annotation writes "Book_ID" and "author"; the database spells them "BOOK_ID" and "Author".
    assert schema.column("book.BOOK_ID").names[0] == "책 번호"
    # the annotation's names first, then everyday synonyms ("서적", "지은이")
    assert schema.table("book").names[:2] == ("책", "도서")
    assert schema.table("Author").names[:2] == ("저자", "작가")
    assert "지은이" in schema.table("Author").names
    assert schema.column("book.Price").unit == "원"
    assert schema.column("book.In_Stock").type == "boolean"
    lowered = {
        "tables": {
            "author": {"names": ["작가"], "columns": {"NAME": {"names": ["필명"], "type": "text"}}}
        }
    }
    renamed = apply_annotation(schema, lowered)
    assert renamed.table("Author").names[0] == "작가"
    assert renamed.column("Author.Name").names == ("필명",)


def test_schema_dict_round_trip(bookstore_db: Database) -> None:
    again = Schema.from_dict(bookstore_db.schema.to_dict())
    assert again.to_dict() == bookstore_db.schema.to_dict()


def test_draft_annotation_is_loadable_yaml(bookstore: tuple[Path, Path], tmp_path: Path) -> None:
    engine = readonly_engine(f"sqlite:///{bookstore[0]}")
    draft = draft_annotation(reflect_schema(engine, database_name(f"sqlite:///{bookstore[0]}")))
    engine.dispose()
    path = tmp_path / "draft.sori.yaml"
    path.write_text(draft, encoding="utf-8")
    data = load_annotation(path)
    assert data["database"] == "bookstore"
    assert data["tables"]["book"]["columns"]["Price"] == {
        "names": ["가격", "price"],
        "type": "number",
    }
    assert data["tables"]["Author"]["columns"]["Birth_Year"]["names"][0] == "출생 연도"


def test_bad_annotation_type_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.sori.yaml"
    path.write_text(
        yaml.safe_dump({"tables": {"t": {"columns": {"c": {"type": "money"}}}}}), encoding="utf-8"
    )
    with pytest.raises(SqlError, match="money"):
        load_annotation(path)


def test_open_missing_database_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(SqlError):
        Database.open(f"sqlite:///{tmp_path / 'nope.sqlite'}")
