"""What skills need from the process that runs them, set once by the edge (``skills.configure``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from skills.errors import SkillNotConfigured

__all__ = ["SkillRuntime", "SqlDatabase", "configure", "runtime"]


@dataclass(frozen=True)
class SqlDatabase:
    """A database the SQL skill may query: its URL and optional Korean annotation file."""

    name: str
    url: str
    annotation: Path | None = None


@dataclass(frozen=True)
class SkillRuntime:
    """Process-wide resources of the skills.

    Attributes:
        engine: the app database (catalogs, feedback, registry, drug tables).
        home: the data dir (``SORI_HOME``).
        sql_databases: the databases the SQL skill may query, by name (``demo`` is the
            built-in catalog).
        sql_timeout_ms: statement timeout of generated SQL.
        sql_row_cap: most rows a generated query returns.
        sql_profile: hyper-parameter profile of the SQL parsers (``None``: the full model).
        page_size: items per answer of list-like skills.
        quant: ``"fp32"`` or ``"int8"``: which variant of the neural models to serve.
        speakers: the TTS voices users can pick (empty: espeak-ng's built-in speakers).
    """

    engine: Engine
    home: Path
    sql_databases: dict[str, SqlDatabase] = field(default_factory=dict)
    sql_timeout_ms: int = 3000
    sql_row_cap: int = 1000
    sql_profile: str | None = None
    page_size: int = 5
    quant: str = "fp32"
    speakers: tuple[Any, ...] = ()

    @property
    def model_dir(self) -> Path:
        """Cache of trained models."""
        return self.home / "models"


_current: SkillRuntime | None = None


def configure(new_runtime: SkillRuntime) -> None:
    """Install the runtime every skill of this process uses."""
    global _current
    _current = new_runtime


def runtime() -> SkillRuntime:
    """The installed runtime; raises ``SkillNotConfigured`` when none is."""
    if _current is None:
        raise SkillNotConfigured()
    return _current
