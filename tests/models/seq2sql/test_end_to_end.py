"""A real parser trained with the ``tiny`` hparams on a generated database answers questions; the
bundle is cached and reloaded; the CLI commands work from an empty ``SORI_HOME``."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.errors import QuestionTooLongError
from models.seq2sql.config import load_hparams
from models.seq2sql.context import Database
from models.seq2sql.evaluate import results_match
from models.seq2sql.serve import SqlParser
from models.seq2sql.train import train_parser

# (question, gold SQL): simple shapes the tiny model learns in its few hundred steps.
QUESTIONS = [
    ("책은 모두 몇 권이야?", "SELECT COUNT(*) FROM book"),
    ("소설 장르 책 알려줘", "SELECT Title FROM book WHERE Genre = '소설'"),
    ("가장 비싼 책은?", "SELECT Title FROM book ORDER BY Price DESC LIMIT 1"),
    ("저자는 몇 명이야?", "SELECT COUNT(*) FROM Author"),
]


def test_tiny_training_is_fast_and_answers(tiny_parser) -> None:
    parser, result = tiny_parser
    if not result.cached:  # CPU time: the wall clock depends on what else shares the two cores
        assert result.train_cpu_s < 60, f"tiny training took {result.train_cpu_s:.0f} s of CPU"
    assert (result.path / "model.pt").exists() and (result.path / "meta.json").exists()
    hits = 0
    for question, gold in QUESTIONS:
        pred = parser.predict(question)
        assert pred.sql.startswith("SELECT"), (question, pred.error)
        gold_rows = parser.database.executor.run(gold).rows
        hits += results_match(pred.rows, gold_rows, "ORDER BY" in gold)
    assert hits >= 3, f"{hits}/{len(QUESTIONS)} tiny-model answers were right"


def test_latency_after_load(tiny_parser) -> None:
    parser, _ = tiny_parser
    times = []
    for question, _ in QUESTIONS * 3:
        start = time.perf_counter()
        parser.predict(question)
        times.append((time.perf_counter() - start) * 1000)
    assert sorted(times)[len(times) // 2] < 300


def test_a_pasted_document_is_refused_at_once(tiny_parser) -> None:
    parser, _ = tiny_parser
    start = time.perf_counter()
    pred = parser.predict("가" * 100_000)
    assert isinstance(pred.error, QuestionTooLongError) and "300" in pred.error.user_message
    assert not pred.sql and time.perf_counter() - start < 1
    assert not isinstance(parser.predict("가" * 300).error, QuestionTooLongError)


def test_bundle_is_cached_and_loads_alone(
    tiny_parser, bookstore: tuple[Path, Path], tiny_model_dir: Path
) -> None:
    parser, first = tiny_parser
    db = Database.open(f"sqlite:///{bookstore[0]}", bookstore[1])
    again = train_parser(db, load_hparams("tiny"), tiny_model_dir)
    assert again.cached and again.path == first.path
    loaded = SqlParser.load(again.path, db)
    assert (
        loaded.predict("책은 모두 몇 권이야?").rows == parser.predict("책은 모두 몇 권이야?").rows
    )
    meta = json.loads((again.path / "meta.json").read_text(encoding="utf-8"))
    assert {"examples", "train_s", "template_counts", "code_version"} <= set(meta)
    db.close()


def test_cli_commands(
    bookstore: tuple[Path, Path],
    tmp_path: Path,
    tiny_parser,
    tiny_model_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from assistant.cli import app

    monkeypatch.setenv("SORI_HOME", str(tiny_model_dir.parent))
    runner = CliRunner()
    url = f"sqlite:///{bookstore[0]}"
    draft = runner.invoke(app, ["sql", "annotate", "--db", url])
    assert draft.exit_code == 0 and "tables:" in draft.output and "가격" in draft.output
    trained = runner.invoke(
        app,
        [
            "sql",
            "train",
            "--db",
            url,
            "--annotations",
            str(bookstore[1]),
            "--profile",
            "tiny",
            "--json",
        ],
    )
    assert trained.exit_code == 0, trained.output
    out = json.loads(trained.output.strip().splitlines()[-1])
    assert {"examples", "train_s", "model_path"} <= set(out)
    asked = runner.invoke(
        app,
        [
            "sql",
            "ask",
            "--db",
            url,
            "--annotations",
            str(bookstore[1]),
            "--profile",
            "tiny",
            "--json",
            "책은 모두 몇 권이야?",
        ],
    )
    assert asked.exit_code == 0, asked.output
    answer = json.loads(asked.output.strip().splitlines()[-1])
    assert {"sql", "columns", "rows", "confidence"} <= set(answer)
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        "".join(
            json.dumps({"id": f"q{i}", "question": q, "sql": s}, ensure_ascii=False) + "\n"
            for i, (q, s) in enumerate(QUESTIONS)
        ),
        encoding="utf-8",
    )
    preds = tmp_path / "p.jsonl"
    evaluated = runner.invoke(
        app,
        [
            "sql",
            "eval",
            "--db",
            url,
            "--annotations",
            str(bookstore[1]),
            "--profile",
            "tiny",
            "--questions",
            str(questions),
            "--out",
            str(preds),
            "--json",
        ],
    )
    assert evaluated.exit_code == 0, evaluated.output
    score = json.loads(evaluated.output.strip().splitlines()[-1])
    assert score["n"] == len(QUESTIONS) and 0 <= score["exec_acc"] <= 1
    lines = [json.loads(line) for line in preds.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [f"q{i}" for i in range(len(QUESTIONS))]
    bad = runner.invoke(app, ["sql", "train", "--db", url, "--set", "train.lrr=3", "--json"])
    assert bad.exit_code != 0 and "train.lrr" in bad.output


def test_an_ensemble_trains_in_parallel_and_decodes_as_one(
    bookstore: tuple[Path, Path], tmp_path: Path
) -> None:
    hp = load_hparams(
        "tiny",
        overrides={"train.ensemble": 2, "train.steps": 40, "synthesis.n_examples": 300},
    )
    db = Database.open(f"sqlite:///{bookstore[0]}", bookstore[1])
    result = train_parser(db, hp, tmp_path)
    parser = SqlParser.load(result.path, db)
    assert len(parser.models) == 2
    first, second = (m.state_dict() for m in parser.models)
    assert any(not (first[k] == second[k]).all() for k in first)  # two seeds, two networks
    assert parser.predict("책은 모두 몇 권이야?").sql.startswith("SELECT")
