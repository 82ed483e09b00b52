"""Measured drug response: look up a cell line × drug pair, the best drugs for a cell line, and
the most sensitive cell lines for a drug, with names resolved the way people write them."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, select

from db.engine import session_scope
from db.schema import CellLine, Drug, DrugResponse

__all__ = [
    "best_drugs_for_cell",
    "lookup_pair",
    "resolve_cell_line",
    "resolve_drug",
    "sensitive_cells_for_drug",
]


def _key(name: str) -> str:
    """ "K-562", "k562", "K 562" and "K_562" are the same cell line."""
    return re.sub(r"[\s\-_.,()/]+", "", name).lower()


def resolve_cell_line(engine: Engine, name: str) -> str | None:
    """The stored cell-line name for ``name`` (case and punctuation ignored), or None."""
    wanted = _key(name)
    with session_scope(engine) as session:
        for stored in session.scalars(select(CellLine.name)):
            if _key(stored) == wanted:
                return stored
    return None


def resolve_drug(engine: Engine, name: str) -> str | None:
    """The stored drug name for an English or Korean name (case and punctuation ignored), or None."""
    wanted = _key(name)
    with session_scope(engine) as session:
        for stored, korean in session.execute(select(Drug.name, Drug.name_ko)):
            if wanted in (_key(stored), _key(korean or "")):
                return stored
    return None


def _row(response: DrugResponse, source_note: str) -> dict[str, Any]:
    return {
        "cell": response.cell_line,
        "drug": response.drug,
        "ln_ic50": round(response.ln_ic50, 3),
        "predicted_ln_ic50": None,
        "sensitive": bool(response.sensitive),
        "measured": True,
        "evidence": f"{source_note} 측정값 ln IC50 {response.ln_ic50:.2f}"
        + (f", AUC {response.auc:.2f}" if response.auc is not None else ""),
        "source": response.source,
    }


def _note(source: str) -> str:
    return "데모 데이터(예시 값)" if source == "demo" else source.upper()


def lookup_pair(engine: Engine, cell_line: str, drug: str) -> dict[str, Any] | None:
    """The measured response of one pair, or None when the pair was not measured."""
    with session_scope(engine) as session:
        response = session.scalar(
            select(DrugResponse).where(
                DrugResponse.cell_line == cell_line, DrugResponse.drug == drug
            )
        )
        return _row(response, _note(response.source)) if response else None


def best_drugs_for_cell(engine: Engine, cell_line: str, top: int = 5) -> list[dict[str, Any]]:
    """Drugs the cell line responded to most (lowest ln IC50 first)."""
    with session_scope(engine) as session:
        rows = session.scalars(
            select(DrugResponse)
            .where(DrugResponse.cell_line == cell_line)
            .order_by(DrugResponse.ln_ic50)
            .limit(top)
        ).all()
        return [_row(r, _note(r.source)) for r in rows]


def sensitive_cells_for_drug(engine: Engine, drug: str, top: int = 5) -> list[dict[str, Any]]:
    """Cell lines most sensitive to the drug (lowest ln IC50 first)."""
    with session_scope(engine) as session:
        rows = session.scalars(
            select(DrugResponse)
            .where(DrugResponse.drug == drug)
            .order_by(DrugResponse.ln_ic50)
            .limit(top)
        ).all()
        return [_row(r, _note(r.source)) for r in rows]
