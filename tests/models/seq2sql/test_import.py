"""``import_ko_wikisql``: checks the layout first, copies and annotates, and skips a repeat."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from db.importers.ko_wikisql import import_ko_wikisql
from models.errors import DatasetLayoutError


def test_missing_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "train.sqlite").write_bytes(b"")
    with pytest.raises(DatasetLayoutError, match="train_sql.jsonl"):
        import_ko_wikisql(tmp_path, f"sqlite:///{tmp_path / 'app.db'}", tmp_path / "data")


def test_import_is_idempotent_and_queryable(
    shared_data: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = shared_data / "ko-wikisql"
    if not source.is_dir():
        pytest.skip("ko-wikisql is not in the shared data")
    data_dir = tmp_path / "data"
    rows = import_ko_wikisql(source, f"sqlite:///{tmp_path / 'app.db'}", data_dir)
    assert (
        rows["tables"] == rows["train_tables"] + rows["dev_tables"] == 286
        and rows["questions"] == 1148
    )
    target = data_dir / "ko-wikisql"
    assert (target / "dev.sqlite").exists() and (target / "dev.sori.yaml").exists()
    with caplog.at_level("INFO"):
        again = import_ko_wikisql(source, f"sqlite:///{tmp_path / 'app.db'}", data_dir)
    assert again == rows and "skipping" in caplog.text

    from models.seq2sql.context import Database

    db = Database.open(f"sqlite:///{target / 'dev.sqlite'}", target / "dev.sori.yaml")
    assert db.schema.column("table_10015132_11.플레이어").names == ("플레이어",)
    db.close()
    shutil.rmtree(target)
