"""Korean WikiSQL (``ko-wikisql``): load the SQLite conversion, train on it, score the dev split.

WikiSQL gives the table with every question, so each table is its own one-table ``Database``
(names = the Korean headers, ``real`` → number, ``text`` → text; types are not enforced in
decoding because numbers often sit in text columns). The parser trains on the real train pairs
plus synthesized pairs over the train and dev tables (schemas and values only, never dev
questions or SQL), then every line of ``dev_sql.jsonl`` is scored by execution.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import sqlite3
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from models.errors import DatasetLayoutError
from models.seq2sql.context import Database
from models.seq2sql.evaluate import percentile, results_match, sql_is_ordered
from models.seq2sql.features import Vocab, schema_items
from models.seq2sql.ir import Cond, Expr, Query, Value
from models.seq2sql.linking import normalize_question
from models.seq2sql.safety import ReadOnlyDatabase
from models.seq2sql.schema import Column, Schema, Table, guess_unit, read_values
from models.seq2sql.serve import SqlParser
from models.seq2sql.synthesis import Builder
from models.seq2sql.templates import synthesize
from models.seq2sql.train import TRAINED_WITH, bundle_key, fit, prepare, save_bundle

__all__ = ["LAYOUT", "check_layout", "load_split", "run_benchmark", "wikisql_query"]

logger = logging.getLogger(__name__)
LAYOUT = ("train.sqlite", "train_sql.jsonl", "train", "dev.sqlite", "dev_sql.jsonl", "dev")
_AGGS = [None, "MAX", "MIN", "COUNT", "SUM", "AVG"]
_OPS = ["=", ">", "<"]
TABLE_NAMES = ("표",)


def check_layout(root: Path) -> None:
    """Raise ``DatasetLayoutError`` naming the first missing file of the Korean WikiSQL layout."""
    for name in LAYOUT:
        if not (root / name).exists():
            raise DatasetLayoutError(
                f"{root} is not a Korean WikiSQL folder: {name} is missing",
                f"ko-wikisql 폴더에 {name} 파일이 없어요.",
            )


def load_split(root: Path, split: str) -> tuple[dict[str, Database], list[dict[str, Any]]]:
    """One ``Database`` per table of ``<split>.sqlite`` and the lines of ``<split>_sql.jsonl``."""
    path = (root / f"{split}.sqlite").resolve()
    url = f"sqlite:///{path}"
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    columns: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for table, _, header, name, kind in con.execute(
        "SELECT table_name, col_index, header, column_name, type FROM _columns ORDER BY table_name, col_index"
    ):
        columns[table].append((header, name, kind))
    con.close()
    executor = ReadOnlyDatabase(url)
    import sqlalchemy as sa

    from models.seq2sql.safety import readonly_engine

    engine: sa.Engine = readonly_engine(url)
    dbs = {}
    for table, cols in columns.items():
        schema = Schema(
            table,
            (
                Table(
                    table,
                    TABLE_NAMES,
                    tuple(_column(table, header, name, kind) for header, name, kind in cols),
                ),
            ),
        )
        dbs[table] = Database(url, schema, read_values(engine, schema), executor, strict=False)
    engine.dispose()
    lines = [
        json.loads(line)
        for line in (root / f"{split}_sql.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return dbs, lines


def _column(table: str, header: str, name: str, kind: str) -> Column:
    type_ = "number" if kind == "real" else "text"
    return Column(table, name, (header,), type_, guess_unit(header, type_))


def wikisql_query(line: dict[str, Any], db: Database) -> Query:
    """The ``Query`` of a WikiSQL structure (``sel``, ``agg``, ``conds``) on its table."""
    table = db.schema.tables[0]
    cols = table.columns
    w = line["wikisql"]
    select = (Expr(_AGGS[w["agg"]], cols[w["sel"]].key),)
    conds = []
    for col_index, op_index, value in w["conds"]:
        column = cols[col_index]
        op = _OPS[op_index]
        if column.type == "number" or op != "=":
            try:
                number = float(value)
                val = Value("number", int(number) if number.is_integer() else number)
            except (TypeError, ValueError):
                val = Value("text", str(value), column.key)
        else:
            val = Value("text", str(value), column.key)
        conds.append(Cond(column.key, op, (val,)))
    return Query(table.name, select, where=tuple(conds))


def _fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for name in ("train.sqlite", "train_sql.jsonl", "dev.sqlite"):
        digest.update(hashlib.sha256((root / name).read_bytes()).digest())
    return digest.hexdigest()


def _train(
    root: Path,
    train_dbs: dict[str, Database],
    dev_dbs: dict[str, Database],
    lines: list[dict[str, Any]],
    hp: dict[str, Any],
    path: Path,
) -> dict[str, Any]:
    start = time.perf_counter()
    wk = hp["wikisql"]
    # one network for thousands of tables, trained once: longer, and by more members than a
    # database's parser, whose ten-minute budget bounds both
    trained = {**hp, "train": {**hp["train"], "steps": wk["steps"], "ensemble": wk["ensemble"]}}
    rng = random.Random(hp["seed"])
    tables = [(db, s) for s, db in enumerate([*train_dbs.values(), *dev_dbs.values()])]
    schemas = [db.schema for db, _ in tables]
    indexes = [db.index for db, _ in tables]
    position = {db.schema.database + ("@dev" if i >= len(train_dbs) else ""): i for db, i in tables}
    real = []
    for line in lines:
        db = train_dbs[line["table_name"]]
        real.append(
            (
                normalize_question(line["question"], db.index.protected),
                wikisql_query(line, db),
                position[line["table_name"]],
            )
        )
    syn = []
    per_table = max(1, wk["n_examples"] // len(tables))
    for db, s in tables:
        builder = Builder(db.schema, db.values, rng, hp["synthesis"]["spoken_rate"])
        for ex in synthesize(
            builder,
            per_table,
            wk["templates"],
            hp["synthesis"]["space_rate"],
            hp["synthesis"]["typo_rate"],
        ):
            syn.append((normalize_question(ex.question, db.index.protected), ex.query, s))
    vocab = Vocab.build(
        [q for q, _, _ in real + syn]
        + [n for sc in schemas for c in sc.columns for n in c.names]
        + list(TABLE_NAMES)
    )
    items = [schema_items(sc, vocab) for sc in schemas]
    data_real = prepare(
        real, schemas, indexes, items, vocab, hp["linking"]["max_candidates"], "encode real"
    )
    data_syn = prepare(
        syn, schemas, indexes, items, vocab, hp["linking"]["max_candidates"], "encode synthesized"
    )
    weights = [wk["real_repeat"] * len(data_syn) / max(1, len(data_real))] * len(data_real) + [
        1.0
    ] * len(data_syn)
    models, history = fit(data_real + data_syn, items, vocab, trained, weights=weights)
    train_s = time.perf_counter() - start
    meta = {
        "database": "ko-wikisql",
        "examples": len(data_real) + len(data_syn),
        "real": len(data_real),
        "real_dropped": len(real) - len(data_real),
        "synthesized": len(data_syn),
        "train_s": round(train_s, 1),
        **history,
    }
    save_bundle(path, models, vocab, trained, None, None, meta)
    return meta


def run_benchmark(root: Path, hp: dict[str, Any], model_dir: Path) -> dict[str, Any]:
    """Train (or reuse) the WikiSQL parser and score every dev line by execution.

    Returns:
        ``dataset``, ``n``, ``exec_acc``, ``p50_ms``, ``p95_ms``, ``train_s`` and ``detail``.
    """
    check_layout(root)
    train_dbs, train_lines = load_split(root, "train")
    dev_dbs, dev_lines = load_split(root, "dev")
    key = bundle_key(_fingerprint(root), hp, (*TRAINED_WITH, "wikisql"))
    path = model_dir / "seq2sql" / ("wikisql-" + key)
    if (path / "model.pt").exists():
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    else:
        meta = _train(root, train_dbs, dev_dbs, train_lines, hp, path)
    first = next(iter(dev_dbs.values()))
    parser = SqlParser.load(path, first, hp["decode"])
    hits, times, by_agg, by_conds, failures = 0, [], Counter(), Counter(), []
    totals_agg, totals_conds = Counter(), Counter()
    for line in dev_lines:
        db = dev_dbs[line["table_name"]]
        pred = parser.with_database(db).predict(line["question"])
        times.append(pred.elapsed_ms)
        gold = db.executor.run(line["sql"])
        ok = bool(pred.sql) and results_match(pred.rows, gold.rows, sql_is_ordered(line["sql"]))
        hits += ok
        agg = _AGGS[line["wikisql"]["agg"]] or "none"
        n_conds = len(line["wikisql"]["conds"])
        totals_agg[agg] += 1
        totals_conds[n_conds] += 1
        by_agg[agg] += ok
        by_conds[n_conds] += ok
        if not ok:
            failures.append(
                {
                    "id": line["id"],
                    "question": line["question"],
                    "sql": pred.sql,
                    "gold": line["sql"],
                }
            )
    for db in dev_dbs.values():
        db.close()
    for db in train_dbs.values():
        db.close()
    n = len(dev_lines)
    return {
        "dataset": "ko-wikisql",
        "n": n,
        "exec_acc": hits / n if n else None,
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
        "train_s": meta["train_s"],
        "detail": {
            "by_agg": {k: by_agg[k] / v for k, v in totals_agg.items()},
            "by_conditions": {str(k): by_conds[k] / v for k, v in totals_conds.items()},
            "train": {
                k: meta[k]
                for k in (
                    "examples",
                    "real",
                    "real_dropped",
                    "synthesized",
                    "loss_last",
                    "val_exact",
                )
                if k in meta
            },
            "model_path": str(path),
            "failures": failures,
        },
    }
