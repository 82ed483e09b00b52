"""Commands: ``sori sql annotate|train|ask|eval`` and ``sori bench sql`` (Korean text-to-SQL).

Heavy modules (torch, the parser) are imported inside the commands so ``sori --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from assistant.cli._apps import bench_app, sql_app
from assistant.cli._common import emit, load_settings, stderr

__all__: list[str] = []

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        help="데이터베이스 이름(demo 등), SQLAlchemy URL 또는 SQLite 파일 (예: sqlite:///shop.db)",
    ),
]
AnnotationOption = Annotated[
    Path | None,
    typer.Option(
        "--annotations",
        help="한국어 이름 주석 파일 (*.sori.yaml); 없으면 파일 옆의 <이름>.sori.yaml",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="마지막 줄에 JSON 한 개를 출력")]
SetOption = Annotated[
    list[str] | None,
    typer.Option("--set", help="하이퍼파라미터 덮어쓰기, 예: --set train.steps=500"),
]
ProfileOption = Annotated[
    str | None, typer.Option("--profile", help="hparams.yaml의 프로필 (tiny: 테스트용)")
]


def _target(settings: Any, db: str, annotation: Path | None) -> tuple[str, Path | None]:
    """The URL and annotation of ``--db`` (a name such as ``demo``, a URL or a SQLite file)."""
    from assistant.databases import resolve_sql_database

    database = resolve_sql_database(settings, db)
    if annotation is None:
        return database.url, database.annotation
    if not annotation.exists():
        raise typer.BadParameter(f"주석 파일이 없어요: {annotation}", param_hint="--annotations")
    return database.url, annotation


def _hparams(profile: str | None, sets: list[str] | None) -> dict[str, Any]:
    import yaml

    from models.seq2sql.config import load_hparams

    overrides = {}
    for item in sets or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"key=value 형식이어야 해요: {item}", param_hint="--set")
        overrides[key.strip()] = yaml.safe_load(value)
    try:
        return load_hparams(profile, overrides)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--set") from exc


def _fail(exc: Exception) -> None:
    message = getattr(exc, "user_message", None) or str(exc)
    stderr.print(f"[red]{message}[/red] ({getattr(exc, 'detail', exc)})")
    raise typer.Exit(1) from exc


def _open_parser(db: str, annotations: Path | None, profile: str | None) -> Any:
    """The parser of ``--db`` (trained on first use; not registered: ask/eval only read)."""
    from models.errors import ModelError
    from models.seq2sql.service import open_parser

    settings = load_settings()
    url, annotation = _target(settings, db, annotations)
    try:
        parser, _ = open_parser(
            url,
            annotation,
            settings.model_dir,
            timeout_ms=settings.sql_timeout_ms,
            row_cap=settings.sql_row_cap,
            hp=_hparams(profile or settings.sql_profile, None),
        )
    except ModelError as exc:
        _fail(exc)
    return parser


def _registry(settings: Any) -> Any:
    from db import make_engine, upgrade

    engine = make_engine(settings.db_url)
    try:
        upgrade(engine)
    except Exception as exc:  # noqa: BLE001 - the registry is optional for these commands
        stderr.print(f"[yellow]모델 목록(registry)을 준비하지 못했어요: {exc}[/yellow]")
        return None
    return engine


@sql_app.command("annotate")
def annotate(db: DbOption) -> None:
    """스키마에서 주석 초안(.sori.yaml)을 만들어 출력해요.

    예: sori sql annotate --db sqlite:///shop.db > shop.sori.yaml
    """
    from models.seq2sql.context import database_name
    from models.seq2sql.safety import readonly_engine
    from models.seq2sql.schema import draft_annotation, reflect_schema

    url, _ = _target(load_settings(), db, None)
    try:
        engine = readonly_engine(url)
        schema = reflect_schema(engine, database_name(url))
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - any reflection failure is reported the same way
        _fail(exc)
    sys.stdout.write(draft_annotation(schema))


@sql_app.command("train")
def train(
    db: DbOption,
    annotations: AnnotationOption = None,
    as_json: JsonOption = False,
    set_: SetOption = None,
    profile: ProfileOption = None,
) -> None:
    """데이터베이스에 맞춘 질문 → SQL 파서를 학습해요 (이미 있으면 재사용).

    예: sori sql train --db sqlite:///shop.db --annotations shop.sori.yaml --json
    """
    from models.errors import ModelError
    from models.seq2sql.context import Database
    from models.seq2sql.service import register_parser
    from models.seq2sql.train import train_parser

    settings = load_settings()
    url, annotation = _target(settings, db, annotations)
    hp = _hparams(profile or settings.sql_profile, set_)
    try:
        database = Database.open(url, annotation, settings.sql_timeout_ms, settings.sql_row_cap)
        result = train_parser(database, hp, settings.model_dir)
    except ModelError as exc:
        _fail(exc)
    if result.cached:
        stderr.print(f"이미 학습된 파서를 사용해요: {result.path}")
    else:
        stderr.print(
            f"합성한 질문: {sum(result.template_counts.values())}개 (학습에 쓴 것 {result.examples}개)"
        )
        for name, count in sorted(result.template_counts.items(), key=lambda kv: -kv[1]):
            stderr.print(
                f"  {name:<15} {count:>6}  예) " + " / ".join(result.samples.get(name, [])[:3])
            )
        engine = _registry(settings)
        if engine is not None:
            register_parser(engine, result, database.schema.database)
    database.close()
    emit(
        {
            "examples": result.examples,
            "train_s": round(result.train_s, 1),
            "model_path": str(result.path),
            "cached": result.cached,
        },
        as_json,
        "sql train",
    )


@sql_app.command("ask")
def ask(
    question: Annotated[str, typer.Argument(help="한국어 질문")],
    db: DbOption,
    annotations: AnnotationOption = None,
    as_json: JsonOption = False,
    profile: ProfileOption = None,
) -> None:
    """한국어 질문을 SQL로 바꿔 실행하고 결과를 보여 줘요.

    예: sori sql ask --db sqlite:///shop.db "가장 비싼 상품은?"
    """
    parser = _open_parser(db, annotations, profile)
    pred = parser.predict(question)
    if pred.error is not None and not pred.sql:
        stderr.print(f"[yellow]{pred.error.user_message}[/yellow]")
    emit(
        {
            "sql": pred.sql or None,
            "columns": pred.columns,
            "rows": pred.rows,
            "confidence": round(pred.confidence, 4),
        },
        as_json,
        question,
    )


@sql_app.command("eval")
def evaluate(
    db: DbOption,
    questions: Annotated[Path, typer.Option("--questions", help="질문 파일 (jsonl)")],
    annotations: AnnotationOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="예측 SQL을 쓸 jsonl")] = None,
    as_json: JsonOption = False,
    profile: ProfileOption = None,
) -> None:
    """질문 파일의 각 줄({"id", "question"[, "sql"]})을 SQL로 바꾸고, 정답이 있으면 실행 정확도를 재요.

    예: sori sql eval --db sqlite:///shop.db --questions q.jsonl --out pred.jsonl --json
    """
    from models.errors import SqlError
    from models.seq2sql.evaluate import percentile, results_match, sql_is_ordered

    try:
        items = [
            json.loads(line)
            for line in questions.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    except (OSError, json.JSONDecodeError) as exc:
        raise typer.BadParameter(
            f"질문 파일을 읽지 못했어요: {exc}", param_hint="--questions"
        ) from exc
    parser = _open_parser(db, annotations, profile)
    lines, hits, scored, times = [], 0, 0, []
    for item in items:
        pred = parser.predict(item["question"])
        times.append(pred.elapsed_ms)
        lines.append({"id": item.get("id"), "sql": pred.sql})
        if item.get("sql"):
            scored += 1
            try:
                gold = parser.database.executor.run(item["sql"])
            except SqlError as exc:
                stderr.print(
                    f"[yellow]{item.get('id')}: 정답 SQL을 실행하지 못했어요 ({exc.detail})[/yellow]"
                )
                continue
            hits += bool(pred.sql) and results_match(
                pred.rows, gold.rows, sql_is_ordered(item["sql"])
            )
    if out is not None:
        out.write_text(
            "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
        )
    result: dict[str, Any] = {
        "n": len(items),
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
    }
    if scored:
        result.update({"exec_acc": hits / scored, "n": scored})
    emit(result, as_json, "sql eval")


@bench_app.command("sql")
def bench_sql(
    data: Annotated[
        Path | None, typer.Option("--data", help="ko-wikisql 폴더, 또는 */schema.sql 평가 세트")
    ] = None,
    as_json: JsonOption = False,
    profile: ProfileOption = None,
) -> None:
    """한국어 text-to-SQL 벤치마크: 실행 정확도와 지연 시간.

    예: sori bench sql --data ../shared/data/ko-wikisql --json   (없으면 직접 만든 여러 DB 평가 세트)
    """
    from models.errors import ModelError
    from models.seq2sql.bench import DEFAULT_SET, is_multidb_set, run_multidb_benchmark
    from models.seq2sql.wikisql import run_benchmark

    settings = load_settings()
    hp = _hparams(profile or settings.sql_profile, None)
    root = data or DEFAULT_SET
    try:
        if is_multidb_set(root):
            result = run_multidb_benchmark(
                root,
                hp,
                settings.model_dir,
                settings.home / "bench" / "seq2sql",
                settings.sql_timeout_ms,
                settings.sql_row_cap,
            )
        else:
            result = run_benchmark(root, hp, settings.model_dir)
    except ModelError as exc:
        _fail(exc)
    _register_bench(settings, result)
    shown = result if as_json else {k: v for k, v in result.items() if k != "detail"}
    emit(shown, as_json, "bench sql")


def _register_bench(settings: Any, result: dict[str, Any]) -> None:
    from models.seq2sql.service import register_parser
    from models.seq2sql.train import TrainResult

    engine = _registry(settings)
    if engine is None:
        return
    detail = result.get("detail", {})
    if "model_path" in detail:
        path = Path(detail["model_path"])
        tr = TrainResult(path, detail.get("train", {}).get("examples", 0), result["train_s"], True)
        register_parser(engine, tr, "ko-wikisql", result["exec_acc"], result["p50_ms"])
    for name, info in detail.get("databases", {}).items():
        if info.get("path"):
            tr = TrainResult(Path(info["path"]), info["examples"], info["train_s"], True)
            register_parser(engine, tr, name, info["exec_acc"], info.get("p50_ms"))
