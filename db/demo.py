"""The built-in demo, made entirely by code: Sori works out of the box without any dataset.

Two builders share one seeded generator (``db._demo_works``):

- :func:`build_demo` fills the app database with demo rows (``source == "demo"``): about 200
  webtoons and 200 videos with Korean titles and synopses, 60 demo users with interactions, and
  an illustrative drug-response table (real cell line and drug names, invented numbers; see
  ``db._demo_drugs``).
- :func:`build_demo_catalog` writes the same works to a separate SQLite file, the database the
  Korean text-to-SQL skill answers questions over; its annotation is
  :data:`DEMO_CATALOG_ANNOTATION`. It holds no users and no conversations.

Usage::

    build_demo(make_engine(settings.db_url))
    build_demo_catalog(settings.data_dir / "demo_catalog.sqlite")
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.orm import Session

from db._demo_drugs import ILLUSTRATIVE_CELL_LINES, ILLUSTRATIVE_DRUGS, illustrative_drug_responses
from db._demo_works import DemoWorks, generate_demo_works
from db.engine import session_scope
from db.schema import (
    CellLine,
    Comic,
    DatasetImport,
    Drug,
    DrugResponse,
    Interaction,
    User,
    Video,
    utcnow,
)

__all__ = ["DEMO_CATALOG_ANNOTATION", "DEMO_SOURCE", "build_demo", "build_demo_catalog"]

logger = logging.getLogger(__name__)

DEMO_SOURCE = "demo"
DEMO_CATALOG_ANNOTATION = Path(__file__).with_name("demo_catalog.sori.yaml")
_DEMO_SEED = 20241125
# Bump whenever the generator or its word lists change, so existing databases are rebuilt.
_DEMO_GENERATOR_VERSION = "1"

_CATALOG_DDL = """\
CREATE TABLE authors (
    author_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    debut_year INTEGER NOT NULL,
    main_genre TEXT NOT NULL
);
CREATE TABLE comics (
    comic_id INTEGER PRIMARY KEY,
    title TEXT NOT NULL UNIQUE,
    genre TEXT NOT NULL,
    author_id INTEGER NOT NULL,
    rating REAL NOT NULL,
    episodes INTEGER NOT NULL,
    start_year INTEGER NOT NULL,
    is_completed INTEGER NOT NULL CHECK (is_completed IN (0, 1)),
    age_rating TEXT NOT NULL,
    views INTEGER NOT NULL,
    FOREIGN KEY (author_id) REFERENCES authors (author_id)
);
CREATE TABLE videos (
    video_id INTEGER PRIMARY KEY,
    title TEXT NOT NULL UNIQUE,
    media TEXT NOT NULL,
    genre TEXT NOT NULL,
    year INTEGER NOT NULL,
    rating REAL NOT NULL,
    runtime_min INTEGER NOT NULL,
    country TEXT NOT NULL
);
"""


def _demo_source_hash() -> str:
    """Identity of the demo content: generator version and seed (64 hex characters)."""
    return hashlib.sha256(f"{_DEMO_GENERATOR_VERSION}:{_DEMO_SEED}".encode()).hexdigest()


def build_demo(engine: Engine, *, force: bool = False) -> dict[str, int]:
    """Fill the (already migrated) app database with the demo rows.

    Rows of other sources are never touched. Demo comics and videos are updated in place by
    ``source_id``, so their database ids (which feedback and trained models refer to) survive a
    rebuild; demo interactions and drug responses are replaced. Cell lines, drugs and response
    pairs already owned by another source (e.g. GDSC) are kept and their demo rows left out.

    Args:
        engine: engine of the app database.
        force: rebuild even when the same demo version is recorded as built.

    Returns:
        Demo row counts per table: ``comics``, ``videos``, ``users``, ``interactions``,
        ``cell_lines``, ``drugs``, ``drug_responses``.
    """
    source_hash = _demo_source_hash()
    with session_scope(engine) as session:
        record = session.get(DatasetImport, DEMO_SOURCE)
        if record is not None and record.source_hash == source_hash and not force:
            logger.info("demo data already built (hash %s), skipping", source_hash[:12])
            return dict(record.rows)
        works = generate_demo_works(_DEMO_SEED)
        counts = _write_works(session, works)
        counts |= _write_illustrative_drug_response(session)
        if record is None:
            record = DatasetImport(name=DEMO_SOURCE)
            session.add(record)
        record.source_hash = source_hash
        record.options = {"seed": _DEMO_SEED, "generator_version": _DEMO_GENERATOR_VERSION}
        record.rows = counts
        record.imported_at = utcnow()
    logger.info("built demo data: %s", counts)
    return counts


def _write_works(session: Session, works: DemoWorks) -> dict[str, int]:
    """Upsert demo comics, videos and users; replace demo interactions."""
    comic_ids = _upsert_by_source_id(
        session,
        Comic,
        [
            {
                "source_id": str(comic.comic_id),
                "title": comic.title,
                "genres": "|".join(comic.genres),
                "synopsis": comic.synopsis,
                "author": comic.author,
                "rating": comic.rating,
                "popularity": comic.popularity,
                "age_rating": comic.age_rating,
                "episodes": comic.episodes,
            }
            for comic in works.comics
        ],
    )
    video_ids = _upsert_by_source_id(
        session,
        Video,
        [
            {
                "source_id": str(video.video_id),
                "title": video.title,
                "genres": "|".join(video.genres),
                "synopsis": video.synopsis,
                "year": video.year,
                "media": video.media,
                "rating": video.rating,
                "popularity": video.popularity,
            }
            for video in works.videos
        ],
    )
    # Demo users are kept, never deleted: someone may have chatted as one of them.
    existing_users = set(session.scalars(select(User.id).where(User.id.like("demo-%"))))
    session.add_all(User(id=u.user_id) for u in works.users if u.user_id not in existing_users)
    session.execute(delete(Interaction).where(Interaction.source == DEMO_SOURCE))
    db_ids = {"comic": comic_ids, "video": video_ids}
    rows = [
        {
            "user_id": event.user_id,
            "kind": event.kind,
            "item_id": db_ids[event.kind][event.item_id],
            "weight": 1.0,
            "at": event.at,
            "source": DEMO_SOURCE,
        }
        for event in works.interactions
    ]
    session.execute(insert(Interaction), rows)
    return {
        "comics": len(comic_ids),
        "videos": len(video_ids),
        "users": len(works.users),
        "interactions": len(rows),
    }


def _upsert_by_source_id(
    session: Session, model: type[Comic] | type[Video], rows: list[dict]
) -> dict[int, int]:
    """Make the demo rows of ``model`` exactly ``rows``; return demo id → database id."""
    existing = {
        item.source_id: item
        for item in session.scalars(select(model).where(model.source == DEMO_SOURCE))
    }
    for row in rows:
        item = existing.pop(row["source_id"], None)
        if item is None:
            item = model(source=DEMO_SOURCE)
            session.add(item)
        for column, value in row.items():
            setattr(item, column, value)
    for stale in existing.values():
        session.delete(stale)
    session.flush()
    pairs = session.execute(select(model.source_id, model.id).where(model.source == DEMO_SOURCE))
    return {int(source_id): item_id for source_id, item_id in pairs}


def _write_illustrative_drug_response(session: Session) -> dict[str, int]:
    """Replace the illustrative (not measured) demo cell lines, drugs and responses."""
    session.execute(delete(DrugResponse).where(DrugResponse.source == DEMO_SOURCE))
    foreign_lines = set(
        session.scalars(select(CellLine.name).where(CellLine.source != DEMO_SOURCE))
    )
    foreign_drugs = set(session.scalars(select(Drug.name).where(Drug.source != DEMO_SOURCE)))
    foreign_pairs = {
        (line, drug)
        for line, drug in session.execute(select(DrugResponse.cell_line, DrugResponse.drug))
    }
    lines = [line for line in ILLUSTRATIVE_CELL_LINES if line.name not in foreign_lines]
    drugs = [drug for drug in ILLUSTRATIVE_DRUGS if drug.name not in foreign_drugs]
    if len(lines) < len(ILLUSTRATIVE_CELL_LINES) or len(drugs) < len(ILLUSTRATIVE_DRUGS):
        logger.warning(
            "kept %d cell lines and %d drugs of other sources; their illustrative demo rows are "
            "left out",
            len(ILLUSTRATIVE_CELL_LINES) - len(lines),
            len(ILLUSTRATIVE_DRUGS) - len(drugs),
        )
    line_names = {line.name for line in lines}
    drug_names = {drug.name for drug in drugs}
    session.execute(
        delete(CellLine).where(CellLine.source == DEMO_SOURCE, CellLine.name.not_in(line_names))
    )
    session.execute(delete(Drug).where(Drug.source == DEMO_SOURCE, Drug.name.not_in(drug_names)))
    for line in lines:
        session.merge(
            CellLine(name=line.name, tissue=line.tissue, subtype=line.subtype, source=DEMO_SOURCE)
        )
    for drug in drugs:
        session.merge(
            Drug(
                name=drug.name,
                name_ko=drug.name_ko,
                targets=drug.targets,
                pathway=drug.pathway,
                threshold_ln_ic50=drug.illustrative_threshold_ln_ic50,
                source=DEMO_SOURCE,
            )
        )
    session.flush()
    responses = [
        {
            "cell_line": response.cell_line,
            "drug": response.drug,
            "ln_ic50": response.ln_ic50,
            "auc": response.auc,
            "sensitive": response.sensitive,
            "source": DEMO_SOURCE,
        }
        for response in illustrative_drug_responses(_DEMO_SEED)
        if response.cell_line in line_names
        and response.drug in drug_names
        and (response.cell_line, response.drug) not in foreign_pairs
    ]
    if responses:
        session.execute(insert(DrugResponse), responses)
    return {"cell_lines": len(lines), "drugs": len(drugs), "drug_responses": len(responses)}


def build_demo_catalog(path: Path) -> Path:
    """Write the demo works to a standalone SQLite file for the text-to-SQL skill.

    Tables ``authors``, ``comics`` (FK ``author_id`` → ``authors``) and ``videos``, described in
    Korean by :data:`DEMO_CATALOG_ANNOTATION`. The file is written beside ``path`` and renamed
    over it, so readers never see a half-written catalog.

    Args:
        path: where the catalog goes; its folder is created, an existing file is replaced.

    Returns:
        ``path``.
    """
    path = Path(path)
    works = generate_demo_works(_DEMO_SEED)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    temp_path = Path(temp_name)
    try:
        with closing(sqlite3.connect(temp_path)) as connection:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.executescript(_CATALOG_DDL)
            connection.executemany(
                "INSERT INTO authors VALUES (?, ?, ?, ?)",
                [(a.author_id, a.name, a.debut_year, a.main_genre) for a in works.authors],
            )
            connection.executemany(
                "INSERT INTO comics VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        c.comic_id,
                        c.title,
                        c.genres[0],
                        c.author_id,
                        c.rating,
                        c.episodes,
                        c.start_year,
                        int(c.is_completed),
                        c.age_rating,
                        c.popularity,
                    )
                    for c in works.comics
                ],
            )
            connection.executemany(
                "INSERT INTO videos VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        v.video_id,
                        v.title,
                        v.media,
                        v.genres[0],
                        v.year,
                        v.rating,
                        v.runtime_min,
                        v.country,
                    )
                    for v in works.videos
                ],
            )
            connection.commit()
        os.replace(temp_path, path)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    logger.info(
        "wrote demo catalog %s (%d authors, %d comics, %d videos)",
        path,
        len(works.authors),
        len(works.comics),
        len(works.videos),
    )
    return path
