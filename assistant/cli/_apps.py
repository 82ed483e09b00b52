"""The typer apps that command modules attach to (kept apart so they import without cycles)."""

import typer

__all__ = ["app", "bench_app", "data_app", "db_app", "quant_app", "sql_app", "tts_app", "users_app"]

_SETTINGS = {"no_args_is_help": True, "pretty_exceptions_enable": False, "add_completion": False}

app = typer.Typer(
    help="소리 (Sori): 한국어 대화형 비서 / a Korean conversational assistant.", **_SETTINGS
)
bench_app = typer.Typer(help="벤치마크 / benchmarks (예: sori bench chat --json)", **_SETTINGS)
data_app = typer.Typer(help="데이터 / demo catalog and dataset importers", **_SETTINGS)
db_app = typer.Typer(help="데이터베이스 / app database migrations", **_SETTINGS)
quant_app = typer.Typer(help="양자화 모델 / quantized-model registry", **_SETTINGS)
sql_app = typer.Typer(
    help='한국어 text-to-SQL (예: sori sql ask --db sqlite:///shop.db "가장 비싼 상품은?")',
    **_SETTINGS,
)
tts_app = typer.Typer(help="음성 합성 / text to speech", **_SETTINGS)
users_app = typer.Typer(help="웹 UI 로그인 사용자 / UI login users", **_SETTINGS)

app.add_typer(bench_app, name="bench")
app.add_typer(data_app, name="data")
app.add_typer(db_app, name="db")
app.add_typer(quant_app, name="quant")
app.add_typer(sql_app, name="sql")
app.add_typer(tts_app, name="tts")
app.add_typer(users_app, name="users")
