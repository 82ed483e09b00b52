"""One entry point for the CLI and the skill: a ready parser for a database URL.

``open_parser`` reflects the database, applies its annotation, trains the parser when no bundle is
cached (logging a warning: it takes minutes) or loads it, registers a newly trained parser in the
model registry, and keeps it in a per-process cache.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from models.seq2sql.config import load_hparams
from models.seq2sql.context import Database
from models.seq2sql.serve import SqlParser
from models.seq2sql.train import TrainResult, train_parser

__all__ = ["clear_cache", "open_parser", "register_parser"]

logger = logging.getLogger(__name__)
_CACHE: dict[tuple[str, ...], tuple[SqlParser, TrainResult]] = {}
_LOCK = threading.Lock()


def register_parser(
    engine: sa.Engine,
    result: TrainResult,
    database: str,
    metric: float | None = None,
    latency_ms: float | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Record a trained parser in the model registry as ``sql-parser-<database>`` (fp32, 32 bits).

    Best effort: a registry that cannot be written is logged, not raised.
    """
    from models.quant.registry import register_model

    size_mb = (result.path / "model.pt").stat().st_size / 1e6
    meta_path = result.path / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    try:
        register_model(
            engine,
            model=f"sql-parser-{database}",
            method="fp32",
            bits=32,
            metric_name="exec_acc",
            metric=metric,
            metric_fp32=metric,
            size_mb=round(size_mb, 3),
            latency_ms=latency_ms or meta.get("latency_ms"),
            path=str(result.path),
            detail={
                "examples": result.examples,
                "train_s": round(result.train_s, 1),
                **(detail or {}),
            },
        )
    except sa.exc.SQLAlchemyError as exc:
        logger.warning("could not register sql-parser-%s in the model registry: %s", database, exc)


def open_parser(
    url: str,
    annotation: Path | str | None,
    model_dir: Path,
    *,
    timeout_ms: int = 3000,
    row_cap: int = 1000,
    hp: dict[str, Any] | None = None,
    registry: sa.Engine | None = None,
) -> tuple[SqlParser, TrainResult]:
    """A parser bound to the database at ``url`` (trained on first use, then cached).

    Args:
        url: SQLAlchemy URL of the database to query.
        annotation: its ``*.sori.yaml`` (optional).
        model_dir: ``$SORI_HOME/models``.
        timeout_ms: statement timeout of generated SQL.
        row_cap: most rows returned.
        hp: resolved hyper-parameters (default ``hparams.yaml``).
        registry: the app database; a newly trained parser is registered there.
    """
    hp = hp or load_hparams()
    key = (
        url,
        str(annotation or ""),
        str(model_dir),
        json.dumps(hp, sort_keys=True),
        str(timeout_ms),
        str(row_cap),
    )
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
        db = Database.open(url, annotation, timeout_ms, row_cap)
        result = train_parser(db, hp, model_dir)
        parser = SqlParser.load(result.path, db, hp["decode"])
        if not result.cached and registry is not None:
            register_parser(registry, result, db.schema.database)
        _CACHE[key] = (parser, result)
        return parser, result


def clear_cache() -> None:
    """Forget loaded parsers (tests, or after a database changed)."""
    with _LOCK:
        for parser, _ in _CACHE.values():
            parser.database.close()
        _CACHE.clear()
