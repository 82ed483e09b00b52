"""The ``sori`` command (contract: ../shared/design/CLI.md); each module attaches its commands."""

from assistant.cli import _bench, _data, _sql, _talk, _voice  # noqa: F401 - registers commands
from assistant.cli._apps import app

__all__ = ["app"]
