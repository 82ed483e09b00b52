"""The package's public door lists exactly the names it exports, and each one resolves."""

from __future__ import annotations

import models.seq2sql as seq2sql


def test_every_exported_name_resolves() -> None:
    assert seq2sql.__all__ == sorted(seq2sql.__all__)
    for name in seq2sql.__all__:
        assert getattr(seq2sql, name) is not None, name
