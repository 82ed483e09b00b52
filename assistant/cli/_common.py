"""What every command shares: settings from the environment, logging, and the ``--json`` output rule."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from assistant.settings import Settings

__all__ = ["emit", "load_settings", "stderr"]

stderr = Console(stderr=True)


def load_settings(**overrides: Any) -> Settings:
    """Build the one ``Settings`` object of this process (the edge where the environment is read)."""
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )
    settings = Settings(**{k: v for k, v in overrides.items() if v is not None})
    settings.home.mkdir(parents=True, exist_ok=True)
    return settings


def _default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return str(value)


def emit(result: dict[str, Any], as_json: bool, title: str = "") -> None:
    """Print ``result``: one JSON object as the last stdout line, or a table for people."""
    if as_json:
        sys.stdout.write(json.dumps(result, ensure_ascii=False, default=_default) + "\n")
        sys.stdout.flush()
        return
    console = Console()
    table = Table(title=title or None, show_header=False)
    for key, value in result.items():
        if isinstance(value, float):
            shown = f"{value:.4g}"
        elif isinstance(value, (dict, list)):
            shown = json.dumps(value, ensure_ascii=False, default=_default)
            shown = shown if len(shown) < 400 else shown[:400] + " …"
        else:
            shown = str(value)
        table.add_row(key, shown)
    console.print(table)
