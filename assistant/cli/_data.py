"""Data commands: ``sori data demo``, ``sori data import``, ``sori db upgrade``, ``sori quant list``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli._apps import data_app, db_app, quant_app
from assistant.cli._common import emit, load_settings, stderr

__all__ = ["data_demo", "data_import", "db_upgrade", "quant_list"]

JsonOption = Annotated[bool, typer.Option("--json", help="마지막 줄에 JSON 한 줄 출력")]


@db_app.command("upgrade")
def db_upgrade() -> None:
    """앱 DB 마이그레이션 / run Alembic migrations. 예: SORI_DB_URL=postgresql+psycopg://… sori db upgrade"""
    from db import make_engine, upgrade

    settings = load_settings()
    upgrade(make_engine(settings.db_url))
    stderr.print(
        f"데이터베이스가 최신 버전이에요: {make_engine(settings.db_url).url.render_as_string()}"
    )


@data_app.command("demo")
def data_demo(as_json: JsonOption = False) -> None:
    """내장 데모 데이터 (재)생성 / (re)build the built-in demo catalog. 예: sori data demo"""
    from db import make_engine, upgrade
    from db.demo import build_demo, build_demo_catalog

    settings = load_settings()
    engine = make_engine(settings.db_url)
    upgrade(engine)
    counts = build_demo(engine, force=True)
    catalog = build_demo_catalog(settings.data_dir / "demo_catalog.sqlite")
    emit({**counts, "catalog": str(catalog)}, as_json, title="데모 데이터")


@data_app.command("import")
def data_import(
    dataset: Annotated[str, typer.Argument(help="movielens | anime | webtoon | gdsc | ko-wikisql")],
    path: Annotated[str, typer.Argument(help="데이터 폴더 경로 (또는 URL)")],
    as_json: JsonOption = False,
) -> None:
    """실제 공개 데이터 가져오기 / import a real dataset. 예: sori data import ko-wikisql ../shared/data/ko-wikisql"""
    from db import importers

    settings = load_settings()
    if dataset not in importers.IMPORTERS:
        available = ", ".join(sorted(importers.IMPORTERS))
        stderr.print(
            f"[red]'{dataset}' 가져오기는 아직 지원하지 않아요. 가능한 것: {available}[/red]"
        )
        raise typer.Exit(2)
    counts = importers.IMPORTERS[dataset](Path(path), settings.db_url, settings.data_dir)
    emit(counts, as_json, title=f"{dataset} 가져오기")


@quant_app.command("list")
def quant_list(as_json: JsonOption = False) -> None:
    """모델 레지스트리 / the model registry rows. 예: sori quant list --json"""
    from db import make_engine, upgrade
    from models.quant import REGISTRY_FIELDS, list_models

    settings = load_settings()
    engine = make_engine(settings.db_url)
    upgrade(engine)
    rows = [{f: r[f] for f in REGISTRY_FIELDS} for r in list_models(engine)]
    if as_json:
        emit({"models": rows}, as_json=True)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*REGISTRY_FIELDS, title="모델 레지스트리")
    for row in rows:
        table.add_row(*["-" if row[f] is None else str(row[f]) for f in REGISTRY_FIELDS])
    Console().print(table)
