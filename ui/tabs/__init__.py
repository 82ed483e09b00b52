"""The tabs and panels of the web UI, one module each."""

__all__: list[str] = []
