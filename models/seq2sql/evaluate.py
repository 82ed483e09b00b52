"""Execution accuracy (SQL_ANNOTATION.md): predicted and gold results equal as multisets, in order
only when the gold SQL has ORDER BY; and latency percentiles."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any

import numpy as np
import sqlglot
from sqlglot import exp

__all__ = ["is_empty_result", "percentile", "results_match", "sql_is_ordered"]


def _norm(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float, Decimal)):
        return round(float(value), 4)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str):
        return value.strip()
    return value


def sql_is_ordered(sql: str, dialect: str = "sqlite") -> bool:
    """True when the outermost query of ``sql`` has an ORDER BY."""
    try:
        tree = sqlglot.parse_one(
            sql, read="postgres" if dialect.startswith("postgres") else dialect
        )
    except Exception:  # noqa: BLE001 - unparsable gold: fall back to a text check
        return "ORDER BY" in sql.upper()
    return isinstance(tree, exp.Query) and tree.args.get("order") is not None


def results_match(predicted: list[list[Any]], gold: list[list[Any]], ordered: bool) -> bool:
    """Execution-accuracy equality of two results (rows of values).

    Examples:
        >>> results_match([[1, "a"], [2, "b"]], [[2, "b"], [1, "a"]], ordered=False)
        True
        >>> results_match([[1], [2]], [[2], [1]], ordered=True)
        False
        >>> results_match([[3.0]], [[3]], ordered=False)
        True
    """
    a = [tuple(_norm(v) for v in row) for row in predicted]
    b = [tuple(_norm(v) for v in row) for row in gold]
    if ordered:
        return a == b
    return Counter(a) == Counter(b)


def is_empty_result(rows: list[list[Any]]) -> bool:
    """No row, only NULLs, or a lone zero (``COUNT`` of nothing)."""
    if not rows or all(v is None for row in rows for v in row):
        return True
    return len(rows) == 1 and len(rows[0]) == 1 and rows[0][0] == 0


def percentile(values: list[float], q: float) -> float | None:
    """The ``q``-th percentile (0–100) or None for no values."""
    return float(np.percentile(values, q)) if values else None
