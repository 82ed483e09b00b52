"""Small real databases made by code, and one parser trained with the ``tiny`` hparams per session."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

BOOKSTORE_ANNOTATION = """\
database: bookstore
description: 동네 서점의 책과 저자
tables:
  book:
    names: [책, 도서]
    columns:
      Book_ID: {names: [책 번호], type: id}
      Title: {names: [제목, 책 제목], type: text}
      Author_ID: {names: [저자 번호], type: id}
      Genre: {names: [장르, 분야], type: text}
      Price: {names: [가격, 정가], type: number, unit: 원}
      Published: {names: [출간일, 출판일], type: date}
      In_Stock: {names: [재고 여부], type: boolean}
      Publisher: {names: [출판사], type: text}
  author:
    names: [저자, 작가]
    columns:
      Author_ID: {names: [저자 번호], type: id}
      Name: {names: [이름, 저자 이름], type: text}
      Birth_Year: {names: [출생 연도, 태어난 해], type: number, unit: 년}
      Country: {names: [국적, 나라], type: text}
"""

AUTHORS = [
    (1, "한강", 1970, "한국"),
    (2, "Haruki Murakami", 1949, "일본"),
    (3, "김영하", 1968, "한국"),
    (4, "J.K. Rowling", 1965, "영국"),
    (5, "Stephen King", 1947, "미국"),
    (6, "정유정", 1966, "한국"),
]
TITLES = [
    "채식주의자",
    "소년이 온다",
    "노르웨이의 숲",
    "살인자의 기억법",
    "해리 포터",
    "샤이닝",
    "흰",
    "1Q84",
    "여행의 이유",
    "작별하지 않는다",
    "빛의 제국",
    "캐리",
    "미저리",
    "검은 꽃",
    "오직 두 사람",
    "기사단장 죽이기",
    "해변의 카프카",
    "신비한 동물사전",
    "그것",
    "종의 기원",
    "7년의 밤",
    "28",
    "내 심장을 쏴라",
    "스탠드",
]
GENRES = ["소설", "에세이", "소설", "공포", "판타지", "소설", "역사"]
PUBLISHERS = ["Samsung Press", "Penguin", "문학동네", "창비", "민음사"]


def make_bookstore(path: Path, seed: int = 7) -> Path:
    """Write a bookstore SQLite database (2 tables, a foreign key, Korean and Latin values)."""
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE Author (Author_ID INTEGER PRIMARY KEY, Name TEXT NOT NULL, Birth_Year INTEGER,
                             Country TEXT);
        CREATE TABLE book (BOOK_ID INTEGER PRIMARY KEY, Title TEXT NOT NULL,
                           Author_ID INTEGER REFERENCES Author(Author_ID), Genre TEXT, Price INTEGER,
                           Published DATE, In_Stock INTEGER, Publisher TEXT);
    """)
    con.executemany("INSERT INTO Author VALUES (?, ?, ?, ?)", AUTHORS)
    rows = []
    for i, title in enumerate(TITLES, 1):
        rows.append(
            (
                i,
                title,
                (i % len(AUTHORS)) + 1,
                GENRES[i % len(GENRES)],
                8000 + 1000 * ((i * 7) % 23),
                f"{1995 + (i * 5) % 29}-{1 + i % 12:02d}-{1 + (i * 3) % 28:02d}",
                i % 3 != 0,
                PUBLISHERS[i % len(PUBLISHERS)],
            )
        )
    rng.shuffle(rows)
    con.executemany("INSERT INTO book VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.commit()
    con.close()
    return path


@pytest.fixture(scope="session")
def bookstore(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(SQLite file, annotation file) of the bookstore test database."""
    folder = tmp_path_factory.mktemp("bookstore")
    db = make_bookstore(folder / "bookstore.sqlite")
    annotation = folder / "bookstore.sori.yaml"
    annotation.write_text(BOOKSTORE_ANNOTATION, encoding="utf-8")
    return db, annotation


@pytest.fixture(scope="session")
def bookstore_db(bookstore: tuple[Path, Path]):
    """The opened bookstore ``Database`` (schema, values, executor)."""
    from models.seq2sql.context import Database

    db = Database.open(f"sqlite:///{bookstore[0]}", bookstore[1])
    yield db
    db.close()


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model cache (``<home>/models``) shared by the tests that need a trained parser."""
    return tmp_path_factory.mktemp("home") / "models"


@pytest.fixture(scope="session")
def tiny_parser(bookstore: tuple[Path, Path], tiny_model_dir: Path):
    """The bookstore parser trained once per session with the ``tiny`` hparams."""
    from models.seq2sql.config import load_hparams
    from models.seq2sql.service import open_parser

    parser, result = open_parser(
        f"sqlite:///{bookstore[0]}", bookstore[1], tiny_model_dir, hp=load_hparams("tiny")
    )
    return parser, result
