"""The demo catalog generator: authors, comics, videos, demo users and their interactions.

One pure function, :func:`generate_demo_works`, turns a seed into immutable records; both the
app-database builder and the text-to-SQL catalog file read the same records, so the two never
disagree. Each part draws from its own random stream (seeded with ``"<seed>:<part>"``), so a
change in how videos are made leaves the comics untouched.
"""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from db._demo_text import SynopsisWriter, TitleMaker
from db._demo_vocabulary import (
    AGE_RATING_WEIGHTS,
    AGE_RATINGS,
    COMIC_GENRES,
    COMIC_SECOND_GENRES,
    COUNTRIES,
    MEDIA,
    MEDIA_WEIGHTS,
    PEN_NAMES,
    THEME_OF_VIDEO_GENRE,
    VIDEO_GENRES,
    VIDEO_GENRES_FOR_COMIC_TASTE,
    VIDEO_SECOND_GENRES,
)

__all__ = [
    "DemoAuthor",
    "DemoComic",
    "DemoInteraction",
    "DemoUser",
    "DemoVideo",
    "DemoWorks",
    "generate_demo_works",
]

_COMICS_PER_GENRE = 20
_VIDEOS_PER_GENRE = 18
_DEMO_USER_COUNT = 60
_INTERACTIONS_PER_USER = (15, 60)
_CATALOG_LAST_YEAR = 2025
_INTERACTIONS_START = datetime(2024, 1, 1, tzinfo=UTC)
_INTERACTIONS_SPAN = timedelta(days=731)  # 2024-01-01 .. 2025-12-31

# Inverse CDFs as (quantile, value) knots, sampled stratified so every genre gets the same shape.
# Comics: a few weak works below 8.5, the bulk 8.5–9.0 and the top 30 % above 9.0 (for 20 works
# per genre exactly 6 per genre, so "평점 9점 넘는 액션 웹툰" has a handful of answers).
_COMIC_RATING_KNOTS = ((0.0, 6.8), (0.12, 8.5), (0.70, 8.99), (0.70, 9.01), (1.0, 9.95))
_VIDEO_RATING_KNOTS = ((0.0, 4.8), (0.10, 6.3), (0.50, 7.4), (0.90, 8.4), (1.0, 9.3))
# Pareto shape of popularity; below ~1.2 a handful of hits dwarf the long tail, as in real charts.
_POPULARITY_PARETO_ALPHA = 1.1
_SECOND_GENRE_PROBABILITY = 0.35
_MAX_WORKS_PER_AUTHOR = 7
# How much more a demo user picks an item whose main (or any) genre matches their taste.
_MAIN_GENRE_AFFINITY = 12.0
_ANY_GENRE_AFFINITY = 4.0


@dataclass(frozen=True)
class DemoAuthor:
    """A comic author of the demo catalog (a pen name)."""

    author_id: int
    name: str
    debut_year: int
    main_genre: str


@dataclass(frozen=True)
class DemoComic:
    """A demo webtoon; ``genres`` starts with the main genre."""

    comic_id: int
    title: str
    genres: tuple[str, ...]
    synopsis: str
    author_id: int
    author: str
    rating: float  # out of 10
    popularity: int  # views
    age_rating: str
    episodes: int
    start_year: int
    is_completed: bool


@dataclass(frozen=True)
class DemoVideo:
    """A demo movie, drama series or animation; ``genres`` starts with the main genre."""

    video_id: int
    title: str
    genres: tuple[str, ...]
    synopsis: str
    media: str
    year: int
    rating: float  # out of 10
    popularity: int
    runtime_min: int  # per episode for series
    country: str


@dataclass(frozen=True)
class DemoUser:
    """A demo user and the genres their interactions were drawn from."""

    user_id: str
    comic_genres: tuple[str, ...]
    video_genres: tuple[str, ...]


@dataclass(frozen=True)
class DemoInteraction:
    """A demo user read a comic or watched a video (``item_id`` is the demo id)."""

    user_id: str
    kind: str  # "comic" | "video"
    item_id: int
    at: datetime


@dataclass(frozen=True)
class DemoWorks:
    """Everything the demo generator makes from one seed."""

    authors: tuple[DemoAuthor, ...]
    comics: tuple[DemoComic, ...]
    videos: tuple[DemoVideo, ...]
    users: tuple[DemoUser, ...]
    interactions: tuple[DemoInteraction, ...]


@cache
def generate_demo_works(seed: int) -> DemoWorks:
    """Make the demo catalog, users and interactions; the same seed gives the same records.

    Args:
        seed: seed of every random stream.

    Returns:
        Authors, comics and videos (ids from 1, titles unique across both kinds), 60 demo users
        and 15–60 interactions per user sampled from their genres × item popularity.
    """
    titles = TitleMaker(random.Random(f"{seed}:titles"))
    drafts = _comic_drafts(random.Random(f"{seed}:comics"), titles)
    authors, comics = _assign_authors(random.Random(f"{seed}:authors"), drafts)
    videos = _videos(random.Random(f"{seed}:videos"), titles)
    users = _users(random.Random(f"{seed}:users"))
    interactions = _interactions(random.Random(f"{seed}:interactions"), users, comics, videos)
    return DemoWorks(authors, comics, videos, users, interactions)


def _stratified(rng: random.Random, knots: tuple[tuple[float, float], ...], n: int) -> list[float]:
    """``n`` draws from a piecewise-linear inverse CDF, one per quantile stratum, shuffled."""
    values = []
    for stratum in range(n):
        quantile = (stratum + rng.random()) / n
        for (q0, v0), (q1, v1) in itertools.pairwise(knots):
            if q0 <= quantile < q1:
                values.append(v0 + (v1 - v0) * (quantile - q0) / (q1 - q0))
                break
        else:
            values.append(knots[-1][1])
    rng.shuffle(values)
    return values


def _popularity(rng: random.Random, rating: float, typical_rating: float) -> int:
    """Heavy-tailed view count, nudged up for better-rated works."""
    boost = math.exp(1.2 * (rating - typical_rating))
    return int(3000 * rng.paretovariate(_POPULARITY_PARETO_ALPHA) * boost)


def _genres(rng: random.Random, main: str, seconds: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The main genre, and with some probability a second one that fits it."""
    if rng.random() < _SECOND_GENRE_PROBABILITY:
        return (main, rng.choice(seconds[main]))
    return (main,)


def _completed_probability(start_year: int) -> float:
    """Older series are more likely finished."""
    if start_year <= 2020:
        return 0.8
    return 0.3 if start_year <= 2023 else 0.05


def _comic_drafts(rng: random.Random, titles: TitleMaker) -> list[dict]:
    """Comics without authors, in shuffled order so ids do not run genre by genre."""
    writer = SynopsisWriter(rng)
    drafts = []
    for genre in COMIC_GENRES:
        for rating in _stratified(rng, _COMIC_RATING_KNOTS, _COMICS_PER_GENRE):
            genres = _genres(rng, genre, COMIC_SECOND_GENRES)
            # Most series started recently; the oldest running ones date from 2012.
            start_year = _CATALOG_LAST_YEAR - min(int(rng.expovariate(1 / 3.5)), 13)
            years_running = _CATALOG_LAST_YEAR + 0.5 - start_year
            is_completed = rng.random() < _completed_probability(start_year)
            # About 45 weekly episodes a year, less breaks; finished series often end earlier.
            episodes = max(12, int(45 * years_running * rng.uniform(0.7, 1.0)))
            if is_completed:
                episodes = min(episodes, rng.randint(40, 220))
            weights = AGE_RATING_WEIGHTS.get(genre, AGE_RATING_WEIGHTS["기본"])
            drafts.append(
                {
                    "title": titles.take(genre),
                    "genres": genres,
                    "synopsis": writer.write(genre, genres[1] if len(genres) > 1 else None),
                    "rating": round(rating, 2),
                    "popularity": _popularity(rng, rating, typical_rating=9.0),
                    "age_rating": rng.choices(AGE_RATINGS, weights)[0],
                    "episodes": min(episodes, 600),
                    "start_year": start_year,
                    "is_completed": is_completed,
                }
            )
    rng.shuffle(drafts)
    return drafts


def _assign_authors(
    rng: random.Random, drafts: list[dict]
) -> tuple[tuple[DemoAuthor, ...], tuple[DemoComic, ...]]:
    """Give every comic an author: a few prolific pen names, most with one or two works."""
    home_genres = {name: rng.choice(COMIC_GENRES) for name in PEN_NAMES}
    ranked = list(PEN_NAMES)
    rng.shuffle(ranked)
    prolific = {name: 1 / (rank + 1) ** 0.5 for rank, name in enumerate(ranked)}
    author_ids: dict[str, int] = {}
    works_count: Counter[str] = Counter()
    comics = []
    for comic_id, draft in enumerate(drafts, start=1):
        main = draft["genres"][0]
        open_names = [n for n in PEN_NAMES if works_count[n] < _MAX_WORKS_PER_AUTHOR]
        weights = [prolific[n] * (4 if home_genres[n] == main else 1) for n in open_names]
        name = rng.choices(open_names, weights)[0]
        works_count[name] += 1
        author_id = author_ids.setdefault(name, len(author_ids) + 1)
        comics.append(DemoComic(comic_id=comic_id, author_id=author_id, author=name, **draft))
    authors = []
    for name, author_id in author_ids.items():
        works = [comic for comic in comics if comic.author_id == author_id]
        main_genre = Counter(comic.genres[0] for comic in works).most_common(1)[0][0]
        debut_year = max(2005, min(comic.start_year for comic in works) - rng.randint(0, 3))
        authors.append(DemoAuthor(author_id, name, debut_year, main_genre))
    return tuple(authors), tuple(comics)


def _runtime_min(rng: random.Random, media: str) -> int:
    """Feature length for films, per-episode length for series."""
    if media == "영화":
        return min(170, max(85, int(rng.gauss(118, 14))))
    if media == "드라마":
        return rng.choice((45, 50, 60, 60, 70))
    return 24 if rng.random() < 0.5 else rng.randint(85, 120)


def _videos(rng: random.Random, titles: TitleMaker) -> tuple[DemoVideo, ...]:
    """Movies, drama series and animations, in shuffled order."""
    writer = SynopsisWriter(rng)
    drafts = []
    for genre in VIDEO_GENRES:
        theme = THEME_OF_VIDEO_GENRE[genre]
        for rating in _stratified(rng, _VIDEO_RATING_KNOTS, _VIDEOS_PER_GENRE):
            genres = _genres(rng, genre, VIDEO_SECOND_GENRES)
            second_theme = THEME_OF_VIDEO_GENRE[genres[1]] if len(genres) > 1 else None
            media = rng.choices(MEDIA, MEDIA_WEIGHTS.get(genre, MEDIA_WEIGHTS["기본"]))[0]
            countries = COUNTRIES["애니메이션" if media == "애니메이션" else "실사"]
            drafts.append(
                {
                    "title": titles.take(theme),
                    "genres": genres,
                    "synopsis": writer.write(theme, second_theme),
                    "media": media,
                    # Recent years dominate, as in any streaming catalog; none before 1995.
                    "year": max(1995, _CATALOG_LAST_YEAR - int(rng.expovariate(1 / 7))),
                    "rating": round(rating, 1),
                    "popularity": _popularity(rng, rating, typical_rating=7.4),
                    "runtime_min": _runtime_min(rng, media),
                    "country": rng.choices([c for c, _ in countries], [w for _, w in countries])[0],
                }
            )
    rng.shuffle(drafts)
    return tuple(DemoVideo(video_id=i, **draft) for i, draft in enumerate(drafts, start=1))


def _users(rng: random.Random) -> tuple[DemoUser, ...]:
    """``demo-01`` … ``demo-60``, each liking 1–3 comic genres and the video genres they imply."""
    users = []
    for number in range(1, _DEMO_USER_COUNT + 1):
        comic_genres = tuple(rng.sample(COMIC_GENRES, rng.choice((1, 1, 2, 2, 2, 3))))
        implied = (g for taste in comic_genres for g in VIDEO_GENRES_FOR_COMIC_TASTE[taste])
        video_genres = tuple(dict.fromkeys(implied))[:3]
        users.append(DemoUser(f"demo-{number:02d}", comic_genres, video_genres))
    return tuple(users)


def _weighted_sample(rng: random.Random, weights: dict[int, float], k: int) -> list[int]:
    """``k`` distinct keys drawn with probability ∝ weight (Efraimidis & Spirakis, 2006).

    Uses the log form of the key, -Exp(1) / w, which orders like u ** (1 / w) but keeps its
    precision for the large weights of hits.
    """
    keyed = sorted(((-rng.expovariate(1.0) / w, item) for item, w in weights.items()), reverse=True)
    return [item for _, item in keyed[:k]]


def _affinity(genres: tuple[str, ...], liked: tuple[str, ...]) -> float:
    """How strongly a user with ``liked`` genres is drawn to an item of ``genres``."""
    if genres[0] in liked:
        return _MAIN_GENRE_AFFINITY
    return _ANY_GENRE_AFFINITY if set(genres) & set(liked) else 1.0


def _interactions(
    rng: random.Random,
    users: tuple[DemoUser, ...],
    comics: tuple[DemoComic, ...],
    videos: tuple[DemoVideo, ...],
) -> tuple[DemoInteraction, ...]:
    """Per user 15–60 reads and views, drawn from taste × √popularity, in time order."""
    span_s = int(_INTERACTIONS_SPAN.total_seconds())
    events = []
    for user in users:
        total = rng.randint(*_INTERACTIONS_PER_USER)
        n_comics = round(total * rng.uniform(0.4, 0.8))
        # √popularity: hits are seen more, but not so much that every history looks alike.
        comic_weights = {
            c.comic_id: _affinity(c.genres, user.comic_genres) * math.sqrt(c.popularity)
            for c in comics
        }
        video_weights = {
            v.video_id: _affinity(v.genres, user.video_genres) * math.sqrt(v.popularity)
            for v in videos
        }
        picks = [("comic", i) for i in _weighted_sample(rng, comic_weights, n_comics)]
        picks += [("video", i) for i in _weighted_sample(rng, video_weights, total - n_comics)]
        rng.shuffle(picks)  # comics and videos interleave over time
        offsets_s = sorted(rng.randrange(span_s) for _ in picks)
        times = [_INTERACTIONS_START + timedelta(seconds=offset) for offset in offsets_s]
        events += [
            DemoInteraction(user.user_id, kind, item_id, at)
            for (kind, item_id), at in zip(picks, times, strict=True)
        ]
    return tuple(events)
