"""Recommendation of comics and videos."""

from models.recsys.popularity import CATALOGS, popular_items

__all__ = ["CATALOGS", "popular_items"]
