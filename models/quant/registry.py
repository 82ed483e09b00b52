"""The model registry: one row per (model, method, bits) with its measurements, kept in the app DB."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from db.engine import session_scope
from db.schema import ModelRecord, utcnow

__all__ = ["REGISTRY_FIELDS", "list_models", "register_model"]

# The public row shape (CLI.md, `sori quant list`).
REGISTRY_FIELDS = (
    "model",
    "method",
    "bits",
    "metric_name",
    "metric",
    "metric_fp32",
    "size_mb",
    "size_ratio",
    "latency_ms",
    "latency_ratio",
)


def register_model(
    engine: Engine,
    *,
    model: str,
    method: str,
    bits: int,
    metric_name: str,
    metric: float | None = None,
    metric_fp32: float | None = None,
    size_mb: float | None = None,
    size_ratio: float | None = None,
    latency_ms: float | None = None,
    latency_ratio: float | None = None,
    path: str = "",
    detail: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Insert or update the row of (model, method, bits) and return it as a dict.

    Example:
        ``register_model(engine, model="intent-classifier", method="fp32", bits=32,
        metric_name="intent_accuracy", metric=0.97, size_mb=1.2, latency_ms=3.1)``
    """
    with session_scope(engine) as session:
        row = session.scalar(
            select(ModelRecord).where(
                ModelRecord.model == model, ModelRecord.method == method, ModelRecord.bits == bits
            )
        )
        if row is None:
            row = ModelRecord(model=model, method=method, bits=bits, metric_name=metric_name)
            session.add(row)
        row.metric_name, row.metric, row.metric_fp32 = metric_name, metric, metric_fp32
        row.size_mb, row.size_ratio = size_mb, size_ratio
        row.latency_ms, row.latency_ratio = latency_ms, latency_ratio
        row.path, row.detail, row.created_at = path, detail or {}, utcnow()
        session.flush()
        return _as_dict(row)


def list_models(engine: Engine, model: str | None = None) -> list[dict[str, Any]]:
    """Every registry row (optionally of one model), ordered by model, bits, method."""
    with session_scope(engine) as session:
        query = select(ModelRecord).order_by(
            ModelRecord.model, ModelRecord.bits.desc(), ModelRecord.method
        )
        if model:
            query = query.where(ModelRecord.model == model)
        return [_as_dict(row) for row in session.scalars(query)]


def _as_dict(row: ModelRecord) -> dict[str, Any]:
    out = {name: getattr(row, name) for name in REGISTRY_FIELDS}
    out["path"], out["detail"] = row.path, row.detail
    out["created_at"] = row.created_at.isoformat() if row.created_at else None
    return out
