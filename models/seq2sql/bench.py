"""The hand-written multi-database benchmark (``heldout/`` and ``devsets/``).

Each database folder holds ``schema.sql`` (DDL + rows), ``<db>.sori.yaml`` and
``questions.jsonl`` (``id, question, sql, difficulty, tags``; later sets sit beside it as
``questions_b.jsonl``...). The database is built into a SQLite
file under the work folder, a parser is trained from its schema, annotation and values only (or
loaded from the cache), and every question is scored by execution. Failures are sorted into
categories by comparing the predicted and gold SQL's structure (``failure_category``).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import sqlite3
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import sqlglot
from sqlglot import exp

from models.errors import DatasetLayoutError
from models.seq2sql.context import Database
from models.seq2sql.evaluate import percentile, results_match, sql_is_ordered
from models.seq2sql.serve import SqlParser
from models.seq2sql.train import TrainResult, train_parser

__all__ = [
    "DEFAULT_SET",
    "build_database",
    "failure_category",
    "is_multidb_set",
    "run_multidb_benchmark",
]

DEFAULT_SET = Path(__file__).parent / "heldout"
DIFFICULTIES = ("easy", "medium", "hard")


def is_multidb_set(root: Path) -> bool:
    """True when ``root`` holds ``*/schema.sql`` database folders."""
    return any(root.glob("*/schema.sql"))


def build_database(db_dir: Path, work_dir: Path) -> Path:
    """Build ``schema.sql`` into ``work_dir/<name>-<hash>.sqlite`` (reused when it exists)."""
    script = (db_dir / "schema.sql").read_text(encoding="utf-8")
    target = work_dir / f"{db_dir.name}-{hashlib.sha256(script.encode()).hexdigest()[:12]}.sqlite"
    if not target.exists():
        work_dir.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        con = sqlite3.connect(tmp)
        con.executescript(script)
        con.commit()
        con.close()
        tmp.rename(target)
    return target


def _features(sql: str) -> dict[str, Any]:
    try:
        tree = sqlglot.parse_one(sql, read="sqlite")
    except Exception:  # noqa: BLE001 - an unparsable prediction has no features
        return {}

    def names(nodes: Any) -> list[str]:
        return sorted(n.name.lower() for n in nodes)

    where = tree.args.get("where")
    return {
        "tables": names(tree.find_all(exp.Table)),
        "aggregates": sorted(type(a).__name__ for a in tree.find_all(exp.AggFunc)),
        "group": names(tree.args["group"].find_all(exp.Column)) if tree.args.get("group") else [],
        "having": tree.args.get("having") is not None,
        "order": tree.args["order"].sql() if tree.args.get("order") else "",
        "limit": tree.args["limit"].sql() if tree.args.get("limit") else "",
        "filter_columns": names(where.find_all(exp.Column)) if where else [],
        "values": sorted(lit.name for lit in where.find_all(exp.Literal)) if where else [],
        "nested": any(True for _ in tree.find_all(exp.Subquery)),
        "projection": sorted(e.sql() for e in tree.expressions),
        "distinct": tree.args.get("distinct") is not None,
    }


def failure_category(predicted: str, gold: str, empty: bool) -> str:
    """A coarse reason why ``predicted`` missed ``gold``: the first structural part that differs."""
    if not predicted:
        return "no_sql"
    p, g = _features(predicted), _features(gold)
    for key, label in [
        ("tables", "join_or_table"),
        ("nested", "nested_query"),
        ("group", "grouping"),
        ("having", "having"),
        ("aggregates", "aggregate"),
        ("filter_columns", "filter_column"),
        ("values", "filter_value"),
        ("order", "order_by"),
        ("limit", "limit"),
        ("distinct", "distinct"),
        ("projection", "projection"),
    ]:
        if p.get(key) != g.get(key):
            return label
    return "empty_result" if empty else "other"


def _questions(db_dir: Path) -> list[dict[str, Any]]:
    """``questions.jsonl`` and any later sets beside it (``questions_b.jsonl``...)."""
    return [
        json.loads(line)
        for path in sorted(db_dir.glob("questions*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _train_one(db_dir: Path, hp: dict[str, Any], model_dir: Path, work_dir: Path) -> TrainResult:
    path = build_database(db_dir, work_dir)
    db = Database.open(f"sqlite:///{path}", db_dir / f"{db_dir.name}.sori.yaml")
    try:
        result = train_parser(db, hp, model_dir)
    finally:
        db.close()
    return replace(result, samples={})


def _train_all(
    db_dirs: list[Path], hp: dict[str, Any], model_dir: Path, work_dir: Path, cores: int
) -> dict[str, TrainResult]:
    """Train the parsers on ``cores`` cores: each database's ``train.ensemble`` networks take one
    core each, so with an ensemble of two the databases train one after the other and each
    training time is what a user training one database would see."""
    workers = max(1, cores // hp["train"]["ensemble"])
    if workers <= 1 or len(db_dirs) == 1:
        return {d.name: _train_one(d, hp, model_dir, work_dir) for d in db_dirs}
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {d.name: pool.submit(_train_one, d, hp, model_dir, work_dir) for d in db_dirs}
        return {name: future.result() for name, future in futures.items()}


def run_multidb_benchmark(
    root: Path,
    hp: dict[str, Any],
    model_dir: Path,
    work_dir: Path,
    timeout_ms: int = 3000,
    row_cap: int = 1000,
    cores: int = 2,
) -> dict[str, Any]:
    """Train one parser per database of ``root`` and score all its questions.

    Args:
        root: a folder of ``<db>/schema.sql`` sets.
        hp: resolved hyper-parameters.
        model_dir: the model cache.
        work_dir: where the SQLite files are built.
        timeout_ms, row_cap: execution limits.
        cores: CPU cores training may use (one torch thread per network; the benchmark
            machine has two).

    Returns:
        ``dataset``, ``n``, ``exec_acc``, ``p50_ms``, ``p95_ms``, ``train_s``, ``by_difficulty``,
        ``failure_categories`` and ``detail`` (per database, failures per tag, failed ids).
    """
    db_dirs = sorted(p.parent for p in root.glob("*/schema.sql"))
    if not db_dirs:
        raise DatasetLayoutError(
            f"{root} holds no */schema.sql", "평가 폴더에 schema.sql이 있는 데이터베이스가 없어요."
        )
    for db_dir in db_dirs:
        for required in (f"{db_dir.name}.sori.yaml", "questions.jsonl"):
            if not (db_dir / required).exists():
                raise DatasetLayoutError(
                    f"{db_dir} lacks {required}", f"{db_dir.name} 폴더에 {required} 파일이 없어요."
                )
    start = time.perf_counter()
    trained = _train_all(db_dirs, hp, model_dir, work_dir, cores)
    train_wall_s = time.perf_counter() - start
    hits, times, train_s = 0, [], 0.0
    by_diff: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    categories: Counter[str] = Counter()
    tag_fail: Counter[str] = Counter()
    tag_total: Counter[str] = Counter()
    per_db, failed = {}, []
    for db_dir in db_dirs:
        name = db_dir.name
        path = build_database(db_dir, work_dir)
        db = Database.open(f"sqlite:///{path}", db_dir / f"{name}.sori.yaml", timeout_ms, row_cap)
        result = trained[name]
        train_s += result.train_s
        parser = SqlParser.load(result.path, db, hp["decode"])
        db_hits, db_times = 0, []
        questions = _questions(db_dir)
        for item in questions:
            pred = parser.predict(item["question"])
            times.append(pred.elapsed_ms)
            db_times.append(pred.elapsed_ms)
            gold = db.executor.run(item["sql"])
            ok = bool(pred.sql) and results_match(pred.rows, gold.rows, sql_is_ordered(item["sql"]))
            hits += ok
            db_hits += ok
            by_diff[item["difficulty"]][0] += ok
            by_diff[item["difficulty"]][1] += 1
            for tag in item.get("tags", []):
                tag_total[tag] += 1
                tag_fail[tag] += not ok
            if not ok:
                categories[failure_category(pred.sql, item["sql"], pred.empty)] += 1
                failed.append({"id": item["id"], "sql": pred.sql})
        per_db[name] = {
            "n": len(questions),
            "exec_acc": db_hits / len(questions) if questions else None,
            "train_s": round(result.train_s, 1),
            "examples": result.examples,
            "cached": result.cached,
            "p50_ms": percentile(db_times, 50),
            "path": str(result.path),
        }
        db.close()
    n = len(times)
    return {
        "dataset": root.name,
        "n": n,
        "exec_acc": hits / n if n else None,
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
        "train_s": round(train_s, 1),
        "by_difficulty": {d: by_diff[d][0] / by_diff[d][1] for d in DIFFICULTIES if by_diff[d][1]},
        "failure_categories": dict(categories.most_common()),
        "detail": {
            "train_wall_s": round(train_wall_s, 1),
            "databases": per_db,
            "failure_rate_by_tag": {
                t: round(tag_fail[t] / tag_total[t], 3) for t in sorted(tag_total)
            },
            "failed": failed,
        },
    }
