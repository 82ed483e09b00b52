"""Drug response of cancer cell lines: measured lookups (and, later, graph-based prediction)."""

from models.drugresponse.lookup import (
    best_drugs_for_cell,
    lookup_pair,
    resolve_cell_line,
    resolve_drug,
    sensitive_cells_for_drug,
)

__all__ = [
    "best_drugs_for_cell",
    "lookup_pair",
    "resolve_cell_line",
    "resolve_drug",
    "sensitive_cells_for_drug",
]
