"""The same skill on PostgreSQL (``SORI_TEST_PG_URL``): reflection with case-folded identifiers,
read-only transactions, statement timeout, dialect rendering, and a tiny parser answering."""

from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy as sa

from models.errors import SqlTimeoutError, UnsafeSqlError
from models.seq2sql.config import load_hparams
from models.seq2sql.context import Database
from models.seq2sql.ir import Cond, Expr, Query, Value, render_sql
from models.seq2sql.serve import SqlParser
from models.seq2sql.train import train_parser

pytestmark = pytest.mark.postgres

ANNOTATION = """\
database: shop
tables:
  Product:
    names: [상품, 제품]
    columns:
      ProductID: {names: [상품 번호], type: id}
      ItemName: {names: [상품명, 이름], type: text}
      Brand: {names: [브랜드], type: text}
      Price: {names: [가격], type: number, unit: 원}
      OnSale: {names: [판매 여부], type: boolean}
"""


@pytest.fixture(scope="module")
def pg_url() -> str:
    url = os.environ.get("SORI_TEST_PG_URL")
    if not url:
        pytest.skip(
            "SORI_TEST_PG_URL is not set (e.g. postgresql+psycopg://sori:sori@127.0.0.1/sori_test)"
        )
    schema = f"sori_t_{uuid.uuid4().hex[:8]}"
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
            # Unquoted CamelCase identifiers fold to lower case, as in hand-written PostgreSQL DDL.
            conn.exec_driver_sql(
                f"CREATE TABLE {schema}.Product (ProductID INTEGER PRIMARY KEY, ItemName TEXT, "
                "Brand TEXT, Price INTEGER, OnSale BOOLEAN)"
            )
            rows = [
                (i, name, brand, 1000 * (i % 9 + 1), i % 2 == 0)
                for i, (name, brand) in enumerate(
                    [
                        ("갤럭시 폰", "Samsung"),
                        ("아이폰", "Apple"),
                        ("맥북", "Apple"),
                        ("세탁기", "LG"),
                        ("TV", "Samsung"),
                        ("냉장고", "LG"),
                        ("에어팟", "Apple"),
                        ("청소기", "Samsung"),
                        ("모니터", "LG"),
                        ("태블릿", "Samsung"),
                    ]
                    * 2,
                    1,
                )
            ]
            conn.execute(
                sa.text(f"INSERT INTO {schema}.product VALUES (:a, :b, :c, :d, :e)"),
                [dict(zip("abcde", r, strict=True)) for r in rows],
            )
    except sa.exc.OperationalError as exc:
        pytest.skip(f"PostgreSQL at SORI_TEST_PG_URL is not reachable: {exc}")
    sep = "&" if "?" in url else "?"
    yield f"{url}{sep}options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    engine.dispose()


@pytest.fixture(scope="module")
def pg_db(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> Database:
    path = tmp_path_factory.mktemp("pg") / "shop.sori.yaml"
    path.write_text(ANNOTATION, encoding="utf-8")
    db = Database.open(pg_url, path, timeout_ms=300)
    yield db
    db.close()


def test_reflection_and_case_tolerant_annotation(pg_db: Database) -> None:
    assert pg_db.schema.dialect == "postgres"
    assert pg_db.schema.column("product.itemname").names[0] == "상품명"
    assert pg_db.schema.column("product.onsale").type == "boolean"


def test_rendering_runs_in_postgres(pg_db: Database) -> None:
    query = Query(
        "product",
        (Expr("COUNT", None),),
        where=(
            Cond("product.itemname", "LIKE", (Value("part", "폰", "product.itemname"),)),
            Cond("product.onsale", "IS_TRUE"),
        ),
    )
    sql = render_sql(pg_db.schema, query, pg_db.executor.dialect)
    assert "ILIKE" in sql and "IS TRUE" in sql
    assert pg_db.executor.run(sql).rows[0][0] >= 1


def test_read_only_transaction_and_timeout(pg_db: Database) -> None:
    with pytest.raises(UnsafeSqlError):
        pg_db.executor.run("DELETE FROM product")
    with pytest.raises(UnsafeSqlError):  # even past the parser check, the transaction is read-only
        pg_db.executor._run_sqlalchemy("DELETE FROM product", 1000)
    with pytest.raises(SqlTimeoutError):
        pg_db.executor.run(
            "SELECT COUNT(*) FROM product a, product b, product c, product d, product e, product f"
        )
    assert pg_db.executor.run("SELECT COUNT(*) FROM product").rows == [[20]]


def test_tiny_parser_on_postgres(pg_db: Database, tmp_path_factory: pytest.TempPathFactory) -> None:
    result = train_parser(pg_db, load_hparams("tiny"), tmp_path_factory.mktemp("pg-models"))
    parser = SqlParser.load(result.path, pg_db)
    pred = parser.predict("상품은 모두 몇 개야?")
    assert pred.sql and pred.rows == [[20]]
    linked = parser.predict("삼성 상품 몇 개야?")
    assert linked.links is not None and any(c.value == "Samsung" for c in linked.links.candidates)
