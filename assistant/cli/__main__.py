"""``python -m assistant.cli`` runs the ``sori`` command."""

from assistant.cli import app

app()
