"""Which databases the SQL skill may query: demo, imported datasets, the admin's URLs, files."""

from pathlib import Path

from assistant.databases import resolve_sql_database, sql_databases
from assistant.settings import Settings
from db.demo import DEMO_CATALOG_ANNOTATION


def test_demo_is_built_on_first_use_and_listed_first(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, sql_databases={})
    found = sql_databases(settings)
    assert next(iter(found)) == "demo"
    assert (tmp_path / "data" / "demo_catalog.sqlite").exists()
    assert found["demo"].annotation == DEMO_CATALOG_ANNOTATION


def test_imported_and_configured_databases_come_with_their_annotations(tmp_path: Path) -> None:
    imported = tmp_path / "data" / "ko-wikisql"
    imported.mkdir(parents=True)
    (imported / "dev.sqlite").write_bytes(b"")
    (imported / "dev.sori.yaml").write_text("database: dev\n", encoding="utf-8")
    (imported / "orphan.sori.yaml").write_text("database: x\n", encoding="utf-8")
    shop = tmp_path / "shop.db"
    shop.write_bytes(b"")
    (tmp_path / "shop.sori.yaml").write_text("database: shop\n", encoding="utf-8")
    settings = Settings(home=tmp_path, sql_databases={"shop": f"sqlite:///{shop}"})
    found = sql_databases(settings)
    assert list(found) == ["demo", "ko-wikisql-dev", "shop"]
    assert found["ko-wikisql-dev"].annotation == imported / "dev.sori.yaml"
    assert found["shop"].annotation == tmp_path / "shop.sori.yaml"


def test_resolve_accepts_names_urls_and_files(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, sql_databases={})
    assert resolve_sql_database(settings, "demo").annotation == DEMO_CATALOG_ANNOTATION
    pg = "postgresql+psycopg://u@127.0.0.1/shop"
    assert resolve_sql_database(settings, pg).url == pg
    shop = tmp_path / "shop.db"
    shop.write_bytes(b"")
    resolved = resolve_sql_database(settings, str(shop))
    assert resolved.url == f"sqlite:///{shop}" and resolved.annotation is None
