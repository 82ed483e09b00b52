"""Import Korean WikiSQL (``ko-wikisql``) so the SQL skill can query its tables.

The SQLite files are copied to ``<data_dir>/ko-wikisql/`` with one annotation file per split
(``<split>.sori.yaml`` beside ``<split>.sqlite``, so the SQL skill lists it as
``ko-wikisql-<split>``) that names every table (page title and caption) and column
(the Korean header; ``real`` → number, ``text`` → text). A rerun with the same source files logs
"already imported, skipping" and returns the same counts.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import sqlite3
from collections import defaultdict
from pathlib import Path

import yaml
from sqlalchemy.exc import SQLAlchemyError

from models.errors import DatasetLayoutError

__all__ = ["LAYOUT", "import_ko_wikisql"]

logger = logging.getLogger(__name__)
LAYOUT = ("train.sqlite", "train_sql.jsonl", "train", "dev.sqlite", "dev_sql.jsonl", "dev")
_NAME = "ko-wikisql"


def _check(path: Path) -> None:
    if not path.is_dir():
        raise DatasetLayoutError(f"{path} is not a folder", f"{path} 폴더가 없어요.")
    for name in LAYOUT:
        if not (path / name).exists():
            raise DatasetLayoutError(
                f"{path} is not a Korean WikiSQL folder: {name} is missing",
                f"ko-wikisql 폴더에 {name} 파일이 없어요.",
            )


def _annotation(sqlite_path: Path, database: str) -> tuple[dict, int]:
    con = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    try:
        titles = {
            name: (page or "", caption or "")
            for name, page, caption in con.execute(
                "SELECT table_name, page_title, caption FROM _tables"
            )
        }
        columns: dict[str, dict] = defaultdict(dict)
        for table, header, column, kind in con.execute(
            "SELECT table_name, header, column_name, type FROM _columns ORDER BY table_name, col_index"
        ):
            columns[table][column] = {
                "names": [header],
                "type": "number" if kind == "real" else "text",
            }
    finally:
        con.close()
    tables = {}
    for i, (table, cols) in enumerate(sorted(columns.items()), 1):
        page, caption = titles.get(table, ("", ""))
        names = [f"표 {i}"] + [n for n in dict.fromkeys([page, caption]) if n]
        tables[table] = {"names": names, "columns": cols}
    return {
        "database": database,
        "description": f"Korean WikiSQL ({database.rsplit('-', 1)[-1]}) 표",
        "tables": tables,
    }, len(tables)


def _source_hash(path: Path) -> str:
    digest = hashlib.sha256()
    for name in ("train.sqlite", "dev.sqlite", "train_sql.jsonl", "dev_sql.jsonl"):
        digest.update(hashlib.sha256((path / name).read_bytes()).digest())
    return digest.hexdigest()


def _record(db_url: str, source_hash: str, rows: dict[str, int]) -> None:
    from db.engine import make_engine, session_scope
    from db.schema import DatasetImport, utcnow

    try:
        engine = make_engine(db_url)
        with session_scope(engine) as session:
            row = session.get(DatasetImport, _NAME) or DatasetImport(name=_NAME)
            row.source_hash, row.options, row.rows, row.imported_at = (
                source_hash,
                {},
                rows,
                utcnow(),
            )
            session.merge(row)
        engine.dispose()
    except (
        SQLAlchemyError
    ) as exc:  # the app database may not be migrated yet; the files are what count
        logger.warning("could not record the ko-wikisql import in %s: %s", db_url, exc)


def import_ko_wikisql(path: Path, db_url: str, data_dir: Path) -> dict[str, int]:
    """Copy the Korean WikiSQL SQLite files to ``data_dir`` and annotate them (idempotent).

    Args:
        path: the dataset folder (``train.sqlite``, ``train_sql.jsonl``, ``train/``, ``dev.sqlite``,
            ``dev_sql.jsonl``, ``dev/``).
        db_url: the app database, where the import is recorded (``dataset_imports``).
        data_dir: ``$SORI_HOME/data``; files go to ``data_dir/ko-wikisql/``.

    Returns:
        Row counts: ``tables``, ``train_tables``, ``dev_tables``, ``questions``.

    Raises:
        DatasetLayoutError: naming the first missing file.
    """
    path = Path(path)
    _check(path)
    target = Path(data_dir) / _NAME
    marker = target / "import.json"
    source_hash = _source_hash(path)
    if marker.exists():
        done = json.loads(marker.read_text(encoding="utf-8"))
        if done.get("source_hash") == source_hash:
            logger.info("ko-wikisql already imported into %s, skipping", target)
            return done["rows"]
    target.mkdir(parents=True, exist_ok=True)
    rows: dict[str, int] = {}
    for split in ("train", "dev"):
        destination = target / f"{split}.sqlite"
        shutil.copyfile(path / f"{split}.sqlite", destination)
        destination.chmod(0o644)
        annotation, n_tables = _annotation(destination, f"{_NAME}-{split}")
        (target / f"{split}.sori.yaml").write_text(
            yaml.safe_dump(
                annotation, allow_unicode=True, sort_keys=False, default_flow_style=None, width=120
            ),
            encoding="utf-8",
        )
        rows[f"{split}_tables"] = n_tables
        rows[f"{split}_questions"] = sum(
            1 for line in (path / f"{split}_sql.jsonl").open(encoding="utf-8") if line.strip()
        )
    rows["tables"] = rows["train_tables"] + rows["dev_tables"]
    rows["questions"] = rows["train_questions"] + rows["dev_questions"]
    marker.write_text(
        json.dumps({"source_hash": source_hash, "rows": rows}, indent=1), encoding="utf-8"
    )
    _record(db_url, source_hash, rows)
    return rows
