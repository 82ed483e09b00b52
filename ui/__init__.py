"""The web UI and REST API of ``sori ui`` (presentation only; it talks to ``assistant``).

Entry points: ``ui.app.serve`` / ``ui.app.build_app`` (Gradio + FastAPI on one server) and
``ui.auth.add_user`` (``sori users add``). Nothing is imported here, so ``ui.auth`` loads
without Gradio.
"""

__all__: list[str] = []
