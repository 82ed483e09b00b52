"""The built-in demo: app-database rows, the text-to-SQL catalog file and its annotation."""

from __future__ import annotations

import logging
import re
import sqlite3
from collections import Counter
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from sqlalchemy import Engine, select

from db import make_engine, session_scope, upgrade
from db.demo import DEMO_CATALOG_ANNOTATION, DEMO_SOURCE, build_demo, build_demo_catalog
from db.schema import CellLine, Comic, DatasetImport, DrugResponse, Interaction, User, Video

COMIC_GENRES = {
    "로맨스",
    "드라마",
    "판타지",
    "스릴러",
    "개그",
    "액션",
    "일상",
    "무협/사극",
    "감성",
    "스포츠",
}
VIDEO_GENRES = {
    "액션",
    "코미디",
    "로맨스",
    "스릴러",
    "공포",
    "SF",
    "드라마",
    "판타지",
    "범죄",
    "다큐멘터리",
    "가족",
}
AGE_RATINGS = {"전체연령가", "12세 이용가", "15세 이용가", "18세 이용가"}
HANGUL = re.compile(r"[가-힣]")
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _migrated_engine(folder: Path) -> Engine:
    engine = make_engine(f"sqlite:///{folder / 'app.db'}")
    upgrade(engine)
    return engine


@pytest.fixture(scope="module")
def demo_engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """An app database with the demo built once, shared by the read-only tests."""
    engine = _migrated_engine(tmp_path_factory.mktemp("demo-app"))
    build_demo(engine)
    return engine


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo catalog file, built once."""
    return build_demo_catalog(tmp_path_factory.mktemp("demo-catalog") / "catalog.sqlite")


def _snapshot(engine: Engine) -> dict[str, list[tuple]]:
    """Demo content without surrogate ids (interactions point at items by source id)."""
    with session_scope(engine) as session:
        comics = session.scalars(select(Comic).where(Comic.source == DEMO_SOURCE)).all()
        videos = session.scalars(select(Video).where(Video.source == DEMO_SOURCE)).all()
        source_ids = {("comic", c.id): c.source_id for c in comics}
        source_ids |= {("video", v.id): v.source_id for v in videos}
        interactions = session.scalars(
            select(Interaction).where(Interaction.source == DEMO_SOURCE)
        ).all()
        responses = session.scalars(
            select(DrugResponse).where(DrugResponse.source == DEMO_SOURCE)
        ).all()
        return {
            "comics": sorted(
                (
                    c.source_id,
                    c.title,
                    c.genres,
                    c.synopsis,
                    c.author,
                    c.rating,
                    c.popularity,
                    c.age_rating,
                    c.episodes,
                )
                for c in comics
            ),
            "videos": sorted(
                (
                    v.source_id,
                    v.title,
                    v.genres,
                    v.synopsis,
                    v.year,
                    v.media,
                    v.rating,
                    v.popularity,
                )
                for v in videos
            ),
            "interactions": sorted(
                (i.user_id, i.kind, source_ids[(i.kind, i.item_id)], i.weight, i.at)
                for i in interactions
            ),
            "responses": sorted(
                (r.cell_line, r.drug, r.ln_ic50, r.auc, r.sensitive) for r in responses
            ),
        }


def test_rerun_skips_force_rebuilds_identically_and_other_sources_survive(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    engine = _migrated_engine(tmp_path)
    with session_scope(engine) as session:
        session.add(
            Comic(source="naver-webtoon", source_id="1", title="남의 웹툰", genres="드라마")
        )
        session.add(CellLine(name="A549", tissue="lung", subtype="gdsc subtype", source="gdsc"))
        session.add(Interaction(user_id="ml-1", kind="video", item_id=1, source="movielens"))

    first = build_demo(engine)
    content = _snapshot(engine)
    with session_scope(engine) as session:
        comic_ids = dict(session.execute(select(Comic.source_id, Comic.id)).all())
    with caplog.at_level(logging.INFO, logger="db.demo"):
        assert build_demo(engine) == first
    assert "skipping" in caplog.text
    assert build_demo(engine, force=True) == first
    assert _snapshot(engine) == content

    with session_scope(engine) as session:
        # Ids survive a rebuild, so feedback and trained models keep pointing at the same works.
        assert dict(session.execute(select(Comic.source_id, Comic.id)).all()) == comic_ids
        other_title = session.scalar(select(Comic.title).where(Comic.source == "naver-webtoon"))
        assert other_title == "남의 웹툰"
        gdsc_line = session.get(CellLine, "A549")
        assert (gdsc_line.source, gdsc_line.subtype) == ("gdsc", "gdsc subtype")
        assert session.scalar(select(DrugResponse).where(DrugResponse.cell_line == "A549")) is None
        assert session.scalar(select(Interaction).where(Interaction.source == "movielens"))
        record = session.get(DatasetImport, DEMO_SOURCE)
        assert record.rows == first and len(record.source_hash) == 64
    assert first["comics"] >= 180 and first["videos"] >= 180
    assert first["users"] == 60 and first["cell_lines"] == 7  # A549 belongs to "gdsc" here


def test_titles_are_unique_korean_and_genres_known(demo_engine: Engine) -> None:
    with session_scope(demo_engine) as session:
        comics = session.execute(select(Comic.title, Comic.genres)).all()
        videos = session.execute(select(Video.title, Video.genres, Video.media, Video.year)).all()
    assert len(comics) >= 180 and len(videos) >= 180
    titles = [title for title, *_ in comics + videos]
    assert len(set(titles)) == len(titles)
    assert all(HANGUL.search(title) and not re.search(r"\d+$", title) for title in titles)
    assert all(set(genres.split("|")) <= COMIC_GENRES for _, genres in comics)
    assert all(set(genres.split("|")) <= VIDEO_GENRES for _, genres, *_ in videos)
    assert {media for *_, media, _ in videos} == {"영화", "드라마", "애니메이션"}
    assert all(1995 <= year <= 2025 for *_, year in videos)


def test_comics_have_synopses_realistic_ratings_and_repeat_authors(demo_engine: Engine) -> None:
    with session_scope(demo_engine) as session:
        comics = session.scalars(select(Comic).where(Comic.source == DEMO_SOURCE)).all()
        assert all(len(SENTENCE_END.findall(c.synopsis)) >= 2 for c in comics)
        assert all(HANGUL.search(c.author) for c in comics)
        assert max(Counter(c.author for c in comics).values()) >= 3
        ratings = [c.rating for c in comics]
        assert all(0 < r <= 10 for r in ratings)
        assert sum(8.5 <= r <= 9.9 for r in ratings) > 0.75 * len(ratings)
        assert {c.age_rating for c in comics} <= AGE_RATINGS
        popularity = sorted(c.popularity for c in comics)
        assert popularity[-1] > 20 * popularity[len(popularity) // 2]  # heavy tail


def test_every_demo_user_has_15_to_60_interactions_in_2024_2025(demo_engine: Engine) -> None:
    with session_scope(demo_engine) as session:
        users = session.scalars(select(User.id).where(User.id.like("demo-%"))).all()
        events = session.scalars(select(Interaction).where(Interaction.source == DEMO_SOURCE)).all()
        comic_ids = set(session.scalars(select(Comic.id)))
        video_ids = set(session.scalars(select(Video.id)))
    assert sorted(users) == [f"demo-{n:02d}" for n in range(1, 61)]
    per_user = Counter(event.user_id for event in events)
    assert set(per_user) == set(users)
    assert all(15 <= count <= 60 for count in per_user.values())
    assert all(event.weight == 1.0 for event in events)
    assert all(
        datetime(2024, 1, 1) <= event.at.replace(tzinfo=None) < datetime(2026, 1, 1)
        for event in events
    )
    assert all(
        event.item_id in (comic_ids if event.kind == "comic" else video_ids) for event in events
    )


def test_illustrative_drug_response_is_demo_sourced_and_follows_known_biology(
    demo_engine: Engine,
) -> None:
    with session_scope(demo_engine) as session:
        responses = {(r.cell_line, r.drug): r for r in session.scalars(select(DrugResponse))}
        lines = session.scalars(select(CellLine)).all()
    assert all(r.source == DEMO_SOURCE for r in responses.values())
    assert all(line.source == DEMO_SOURCE for line in lines)
    assert 0.10 <= 1 - len(responses) / (8 * 10) <= 0.20  # left for the model to predict
    assert all(-3 <= r.ln_ic50 <= 6 and 0 < r.auc < 1 for r in responses.values())
    assert responses[("K-562", "Imatinib")].sensitive
    assert responses[("MCF7", "Tamoxifen")].sensitive
    assert not responses[("A549", "Erlotinib")].sensitive


def _query(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(sql).fetchall()


def test_catalog_has_declared_foreign_keys_and_answers_genre_questions(
    catalog: Path, demo_engine: Engine
) -> None:
    sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
    tables = {name for (name,) in _query(catalog, sql)}
    assert tables == {"authors", "comics", "videos"}  # no users or conversations
    assert [row[2] for row in _query(catalog, "PRAGMA foreign_key_list(comics)")] == ["authors"]
    assert _query(catalog, "PRAGMA foreign_key_check") == []
    orphans = _query(
        catalog,
        "SELECT COUNT(*) FROM comics c LEFT JOIN authors a ON a.author_id = c.author_id"
        " WHERE a.author_id IS NULL",
    )
    assert orphans == [(0,)]
    # "평점 9점 넘는 액션 웹툰": a handful of answers, not none and not a wall of rows.
    sql = "SELECT COUNT(*) FROM comics WHERE genre='액션' AND rating > 9"
    [(action_over_9,)] = _query(catalog, sql)
    assert 3 <= action_over_9 <= 10
    per_genre = dict(_query(catalog, "SELECT genre, COUNT(*) FROM comics GROUP BY genre"))
    assert set(per_genre) == COMIC_GENRES and min(per_genre.values()) >= 8
    with session_scope(demo_engine) as session:
        app_titles = set(session.scalars(select(Comic.title)))
    assert {title for (title,) in _query(catalog, "SELECT title FROM comics")} == app_titles


def test_catalog_rebuild_replaces_the_file_without_leftovers(tmp_path: Path) -> None:
    path = tmp_path / "data" / "catalog.sqlite"
    path.parent.mkdir()
    path.write_text("not a database")
    assert build_demo_catalog(path) == path
    [(videos,)] = _query(path, "SELECT COUNT(*) FROM videos")
    assert videos >= 180
    assert [p.name for p in path.parent.iterdir()] == ["catalog.sqlite"]


def test_annotation_names_every_table_and_column_of_the_catalog(catalog: Path) -> None:
    annotation = yaml.safe_load(DEMO_CATALOG_ANNOTATION.read_text(encoding="utf-8"))
    assert annotation["database"] == "demo" and HANGUL.search(annotation["description"])
    schema = {
        table: {row[1] for row in _query(catalog, f"PRAGMA table_info({table})")}
        for table in ("authors", "comics", "videos")
    }
    assert set(annotation["tables"]) == set(schema)
    for table, columns in schema.items():
        described = annotation["tables"][table]
        assert described["names"] and all(HANGUL.search(name) for name in described["names"])
        assert set(described["columns"]) == columns
        for column in described["columns"].values():
            assert column["names"] and column["type"] in {"id", "text", "number", "date", "boolean"}
    comics = annotation["tables"]["comics"]["columns"]
    assert comics["rating"]["unit"] == "점" and "평점" in comics["rating"]["names"]
    assert annotation["tables"]["videos"]["columns"]["runtime_min"]["unit"] == "분"
