"""The web UI and REST API of ``sori ui`` (presentation only; it talks to ``assistant``)."""

__all__: list[str] = []
