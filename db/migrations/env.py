"""Alembic environment: the connection comes from ``db.migrate.upgrade`` (or the URL option)."""

from alembic import context
from sqlalchemy import create_engine

from db.schema import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # noqa: ANN001 - SQLAlchemy connection
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with create_engine(config.get_main_option("sqlalchemy.url")).connect() as connection:
        _run(connection)
        connection.commit()
