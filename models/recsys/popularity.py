"""Popularity: the most-consumed items of a kind, optionally of one genre — the baseline recommender."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Engine, func, select

from db.engine import session_scope
from db.schema import Comic, Interaction, Video

__all__ = ["CATALOGS", "popular_items"]

CATALOGS = {"comic": Comic, "video": Video}


def popular_items(
    engine: Engine,
    kind: str,
    *,
    genre: str | None = None,
    exclude: Iterable[int] = (),
    limit: int = 5,
) -> list[dict[str, Any]]:
    """Items of ``kind`` ranked by how many users consumed them, then by catalog popularity.

    Args:
        engine: the app database.
        kind: ``"comic"`` or ``"video"``.
        genre: keep only items whose genres contain this (Korean genre name).
        exclude: item ids not to return (already shown, seen, disliked).
        limit: how many items.

    Returns:
        ``[{"id", "title", "genres", "rating", "score", "why"}]``, best first; ``score`` is the
        share of the top item's interaction count (0–1).
    """
    catalog = CATALOGS[kind]
    users = func.count(Interaction.id).label("users")
    query = (
        select(catalog, users)
        .outerjoin(Interaction, (Interaction.item_id == catalog.id) & (Interaction.kind == kind))
        .group_by(catalog.id)
        .order_by(users.desc(), catalog.popularity.desc(), catalog.id)
        .limit(limit)
    )
    if genre:
        query = query.where(catalog.genres.contains(genre))
    excluded = list(exclude)
    if excluded:
        query = query.where(catalog.id.not_in(excluded))
    with session_scope(engine) as session:
        rows = session.execute(query).all()
    top = max((count for _, count in rows), default=0) or 1
    return [
        {
            "id": item.id,
            "title": item.title,
            "genres": item.genres.split("|"),
            "rating": item.rating,
            "score": round(count / top, 3),
            "why": f"{genre + ' 중 ' if genre else ''}많이 본 작품 ({count}명)",
        }
        for item, count in rows
    ]
