"""Importers of the real public datasets; each checks the layout first and skips a repeat import.

Every importer has the signature ``(path, db_url, data_dir) -> dict[str, int]`` (row counts) and
is listed in ``IMPORTERS`` under the name ``sori data import NAME`` uses.
"""

from collections.abc import Callable
from pathlib import Path

from db.importers.ko_wikisql import import_ko_wikisql

__all__ = ["IMPORTERS"]

Importer = Callable[[Path, str, Path], dict[str, int]]

IMPORTERS: dict[str, Importer] = {"ko-wikisql": import_ko_wikisql}
