"""Only one read-only SELECT ever runs: ≥50 hostile statements and questions leave the database
file byte-identical and get a clear Korean refusal or timeout message."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from models.errors import SqlError, SqlExecutionError, SqlTimeoutError, UnsafeSqlError
from models.seq2sql.safety import ReadOnlyDatabase, check_sql

HOSTILE_SQL = [
    # DDL and DML
    "DROP TABLE book",
    "DELETE FROM book",
    "INSERT INTO book (Title) VALUES ('x')",
    "UPDATE book SET Price = 0",
    "ALTER TABLE book ADD COLUMN x TEXT",
    "CREATE TABLE evil (x INTEGER)",
    "CREATE INDEX i ON book (Price)",
    "REPLACE INTO book (BOOK_ID, Title) VALUES (1, 'x')",
    "TRUNCATE TABLE book",
    "VACUUM",
    "REINDEX",
    "ANALYZE",
    "CREATE VIEW v AS SELECT 1",
    "CREATE TRIGGER t AFTER INSERT ON book BEGIN DELETE FROM book; END",
    # stacked statements
    "SELECT 1; DROP TABLE book",
    "SELECT * FROM book;DELETE FROM book",
    "SELECT 1; SELECT 2",
    "SELECT * FROM book WHERE 1=1; UPDATE book SET Price = 0",
    "SELECT Title FROM book; PRAGMA writable_schema=1",
    # PRAGMA, ATTACH, DETACH
    "PRAGMA writable_schema = 1",
    "PRAGMA table_info(book)",
    "PRAGMA journal_mode = DELETE",
    "ATTACH DATABASE '/tmp/sori-evil.db' AS evil",
    "DETACH DATABASE main",
    # extensions and file or server functions
    "SELECT load_extension('/tmp/evil.so')",
    "SELECT load_extension('evil', 'entry')",
    "SELECT readfile('/etc/passwd')",
    "SELECT writefile('/tmp/x', 'y')",
    "SELECT pg_sleep(10)",
    "SELECT pg_read_file('/etc/passwd')",
    "SELECT set_config('search_path', 'evil', false)",
    "SELECT randomblob(1000000000)",
    "SELECT zeroblob(1000000000)",
    # comments hiding statements
    "SELECT 1 -- harmless\n; DROP TABLE book",
    "SELECT 1 /* ; */; DELETE FROM book",
    "/* hi */ DROP TABLE book",
    "-- comment\nDELETE FROM book",
    # writes disguised as reads
    "SELECT * INTO backup FROM book",
    "SELECT * FROM book FOR UPDATE",
    "WITH x AS (DELETE FROM book RETURNING *) SELECT * FROM x",
    # recursive CTE bombs and system tables
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c",
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x FROM c) SELECT x FROM c LIMIT 5",
    "SELECT * FROM sqlite_master",
    "SELECT sql FROM sqlite_schema",
    "SELECT * FROM pg_catalog.pg_user",
    # transactions and other statements
    "BEGIN",
    "COMMIT",
    "ROLLBACK",
    "SAVEPOINT a",
    "EXPLAIN SELECT 1",
    "",
    "SELEC * FORM book",
]

HOSTILE_QUESTIONS = [
    "'; DROP TABLE book; --",
    "책 테이블 삭제해줘",
    "모든 책 가격을 0으로 바꿔줘",
    "새 책 하나 추가해 줘",
    "DROP TABLE book",
    "SELECT * FROM book; DELETE FROM book",
    "pragma table_info(book)",
    "재고 없는 책 지워줘",
    "저자 정보 수정해 줘",
    "1=1; UPDATE book SET Price=0 --",
]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_there_are_at_least_fifty_hostile_cases() -> None:
    assert len(HOSTILE_SQL) + len(HOSTILE_QUESTIONS) + 2 >= 50


@pytest.mark.parametrize("sql", HOSTILE_SQL)
def test_hostile_sql_is_refused_and_the_file_is_unchanged(
    bookstore: tuple[Path, Path], sql: str
) -> None:
    before = _digest(bookstore[0])
    db = ReadOnlyDatabase(f"sqlite:///{bookstore[0]}", timeout_ms=500)
    with pytest.raises(UnsafeSqlError) as info:
        db.run(sql)
    db.close()
    assert "읽기 전용" in info.value.user_message
    assert _digest(bookstore[0]) == before


def test_cross_join_bomb_times_out(bookstore: tuple[Path, Path]) -> None:
    before = _digest(bookstore[0])
    db = ReadOnlyDatabase(f"sqlite:///{bookstore[0]}", timeout_ms=200)
    with pytest.raises(SqlTimeoutError) as info:
        db.run("SELECT COUNT(*) FROM book a, book b, book c, book d, book e, book f")
    assert "오래 걸려서" in info.value.user_message
    db.close()
    assert _digest(bookstore[0]) == before


def test_row_cap_cuts_large_results(bookstore: tuple[Path, Path]) -> None:
    db = ReadOnlyDatabase(f"sqlite:///{bookstore[0]}", row_cap=100)
    result = db.run("SELECT a.Title, b.Title FROM book a, book b")
    db.close()
    assert len(result.rows) == 100 and result.truncated


def test_read_only_layers_hold_without_the_parser_check(bookstore: tuple[Path, Path]) -> None:
    """Even SQL that skipped ``check_sql`` cannot write: the authorizer and mode=ro refuse it."""
    before = _digest(bookstore[0])
    db = ReadOnlyDatabase(f"sqlite:///{bookstore[0]}")
    for sql in ("DELETE FROM book", "DROP TABLE book", "CREATE TABLE x (y)"):
        with pytest.raises((UnsafeSqlError, SqlExecutionError)):
            db._run_sqlite(sql, 1000)
    db.close()
    raw = sqlite3.connect(f"file:{bookstore[0]}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError):
        raw.execute("DELETE FROM book")
    raw.close()
    assert _digest(bookstore[0]) == before


@pytest.mark.parametrize(
    "sql",
    [
        'SELECT "Title" FROM "book" WHERE "Price" > 10000 AND "Genre" = \'소설\' OR NOT "In_Stock" = 1',
        'SELECT COUNT(DISTINCT "Genre"), AVG("Price") FROM "book" WHERE "Title" LIKE \'%사랑%\'',
        'SELECT "Title" FROM "book" WHERE "Author_ID" NOT IN '
        '(SELECT "Author_ID" FROM "Author" WHERE "Author_ID" IS NOT NULL)',
        'SELECT "Genre", COUNT(*) FROM "book" GROUP BY "Genre" HAVING COUNT(*) >= 2 ORDER BY COUNT(*) DESC LIMIT 3',
        'SELECT "Title" FROM "book" WHERE "Price" > (SELECT AVG("Price") FROM "book")',
    ],
)
def test_ordinary_selects_pass(sql: str) -> None:
    assert check_sql(sql).upper().startswith("SELECT")


def test_check_drops_comments() -> None:
    assert "--" not in check_sql("SELECT 1 -- note") and "/*" not in check_sql(
        "SELECT /* note */ 1"
    )


@pytest.mark.parametrize("question", HOSTILE_QUESTIONS)
def test_hostile_questions_get_a_korean_refusal(
    tiny_parser, bookstore: tuple[Path, Path], question: str
) -> None:
    from models.seq2sql.dialogue import answer_turn

    before = _digest(bookstore[0])
    parser, _ = tiny_parser
    result = answer_turn(parser, question)
    assert result["sql"] == "" and "읽기 전용" in result["text"]
    assert _digest(bookstore[0]) == before


def test_errors_carry_korean_messages() -> None:
    for error in (UnsafeSqlError(), SqlTimeoutError(), SqlExecutionError()):
        assert isinstance(error, SqlError) and any("가" <= ch <= "힣" for ch in error.user_message)
