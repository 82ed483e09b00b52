"""The app database: engine from one URL, ORM models, Alembic migrations, demo data and importers."""

from db.engine import make_engine, session_scope
from db.migrate import upgrade

__all__ = ["make_engine", "session_scope", "upgrade"]
