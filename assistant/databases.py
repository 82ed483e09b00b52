"""Which databases the SQL skill may query, by name: one answer for the app, the CLI and the UI.

``demo`` is the built-in catalog (made on first use). Every imported dataset that left a SQLite
file with an annotation beside it (``<data_dir>/<dataset>/<split>.sqlite`` +
``<split>.sori.yaml``, e.g. ``sori data import ko-wikisql``) is listed as ``<dataset>-<split>``.
``SORI_SQL_DATABASES`` adds the admin's own URLs and may override both. A SQLite file anywhere
comes with the annotation beside it (``shop.db`` → ``shop.sori.yaml``).
"""

from __future__ import annotations

from pathlib import Path

from assistant.settings import Settings
from db.demo import DEMO_CATALOG_ANNOTATION, build_demo_catalog
from skills import SqlDatabase

__all__ = ["DEMO_DATABASE", "resolve_sql_database", "sql_databases"]

DEMO_DATABASE = "demo"


def sql_databases(settings: Settings) -> dict[str, SqlDatabase]:
    """The named databases, ``demo`` first (its SQLite file is built when missing)."""
    catalog = settings.data_dir / "demo_catalog.sqlite"
    if not catalog.exists():
        build_demo_catalog(catalog)
    found = {
        DEMO_DATABASE: SqlDatabase(DEMO_DATABASE, f"sqlite:///{catalog}", DEMO_CATALOG_ANNOTATION)
    }
    for annotation in sorted(settings.data_dir.glob("*/*.sori.yaml")):
        sqlite_file = annotation.with_name(annotation.name.removesuffix(".sori.yaml") + ".sqlite")
        if sqlite_file.exists():
            name = f"{annotation.parent.name}-{sqlite_file.stem}"
            found[name] = SqlDatabase(name, f"sqlite:///{sqlite_file}", annotation)
    for name, url in settings.sql_databases.items():
        found[name] = _annotated(name, url)
    return found


def _annotated(name: str, url: str) -> SqlDatabase:
    """A database with the annotation beside its SQLite file, if there is one."""
    if url.startswith("sqlite:///"):
        sibling = Path(url.removeprefix("sqlite:///")).with_suffix(".sori.yaml")
        if sibling.exists():
            return SqlDatabase(name, url, sibling)
    return SqlDatabase(name, url)


def resolve_sql_database(settings: Settings, target: str) -> SqlDatabase:
    """A database named in :func:`sql_databases`, a SQLAlchemy URL, or a SQLite file path."""
    if "://" in target:  # a URL needs no list (and no demo catalog built for it)
        return _annotated(target, target)
    known = sql_databases(settings)
    if target in known:
        return known[target]
    path = Path(target).expanduser().resolve()
    return _annotated(path.stem, f"sqlite:///{path}")
