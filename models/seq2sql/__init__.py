"""Korean text-to-SQL: schema-driven synthesis, a neural parser trained from scratch, safe execution.

The public door; names load lazily so that importing a light part (safety, schema) does not pull
in torch. Typical use::

    parser, _ = open_parser("sqlite:///shop.db", "shop.sori.yaml", model_dir)
    parser.predict("가장 비싼 상품은?").rows

See ``README.md`` beside this file for the commands and results.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "Database",
    "Prediction",
    "ReadOnlyDatabase",
    "SqlParser",
    "answer_turn",
    "check_sql",
    "draft_annotation",
    "load_annotation",
    "load_hparams",
    "open_parser",
    "reflect_schema",
    "results_match",
    "run_benchmark",
    "run_multidb_benchmark",
    "train_parser",
]

_HOMES = {
    "Database": "context",
    "Prediction": "serve",
    "ReadOnlyDatabase": "safety",
    "SqlParser": "serve",
    "answer_turn": "dialogue",
    "check_sql": "safety",
    "draft_annotation": "schema",
    "load_annotation": "schema",
    "load_hparams": "config",
    "open_parser": "service",
    "reflect_schema": "schema",
    "results_match": "evaluate",
    "run_benchmark": "wikisql",
    "run_multidb_benchmark": "bench",
    "train_parser": "train",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'models.seq2sql' has no attribute {name!r}")
    return getattr(importlib.import_module(f"models.seq2sql.{_HOMES[name]}"), name)
