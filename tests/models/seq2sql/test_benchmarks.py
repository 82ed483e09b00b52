"""Full trainings and benchmarks with their targets (``@pytest.mark.slow``, run by ``make bench``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.seq2sql.config import load_hparams

pytestmark = pytest.mark.slow


def test_ko_wikisql_dev_exec_acc(shared_data: Path, tmp_path: Path) -> None:
    from models.seq2sql.wikisql import run_benchmark

    root = shared_data / "ko-wikisql"
    if not root.is_dir():
        pytest.skip("ko-wikisql is not in the shared data")
    result = run_benchmark(root, load_hparams(), tmp_path / "models")
    assert result["n"] == 144
    assert result["exec_acc"] >= 0.85, result["exec_acc"]
    assert result["p50_ms"] <= 300


def test_heldout_multidb(tmp_path: Path) -> None:
    from models.seq2sql.bench import DEFAULT_SET, run_multidb_benchmark

    if not any(DEFAULT_SET.glob("*/questions.jsonl")):
        pytest.skip("the held-out set is not there yet")
    result = run_multidb_benchmark(
        DEFAULT_SET, load_hparams(), tmp_path / "models", tmp_path / "work"
    )
    assert result["exec_acc"] >= 0.75, result
    assert result["by_difficulty"]["easy"] >= 0.90, result["by_difficulty"]
    assert result["p50_ms"] <= 300


def test_demo_catalog_question(tmp_path: Path) -> None:
    from db.demo import DEMO_CATALOG_ANNOTATION, build_demo_catalog
    from models.seq2sql.evaluate import results_match
    from models.seq2sql.service import open_parser

    path = build_demo_catalog(tmp_path / "demo_catalog.sqlite")
    parser, _ = open_parser(f"sqlite:///{path}", DEMO_CATALOG_ANNOTATION, tmp_path / "models")
    pred = parser.predict("평점 9점 넘는 액션 웹툰 몇 개야?")
    gold = parser.database.executor.run(
        "SELECT COUNT(*) FROM comics WHERE rating > 9 AND genre LIKE '%액션%'"
    )
    assert results_match(pred.rows, gold.rows, ordered=False), pred.sql
