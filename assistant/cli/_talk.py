"""Talking to the assistant: ``sori chat``, ``sori say``, ``sori ui``, ``sori serve-actions``, ``sori users``."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli._apps import app, users_app
from assistant.cli._common import emit, load_settings, stderr

__all__ = ["chat", "say", "serve_actions", "ui", "users_add"]

UserOption = Annotated[
    str, typer.Option("--user", "-u", help="대화 상대 ID (같은 ID면 대화가 이어져요)")
]
JsonOption = Annotated[bool, typer.Option("--json", help="마지막 줄에 JSON 한 줄 출력")]


@app.command()
def say(
    text: Annotated[str, typer.Argument(help='질문, 예: "로맨스 웹툰 추천해줘"')],
    user: UserOption = "cli",
    speaker: Annotated[str | None, typer.Option(help="답을 읽을 화자 (예: 2)")] = None,
    out: Annotated[Path | None, typer.Option(help="답을 음성 WAV 파일로도 저장")] = None,
    as_json: JsonOption = False,
) -> None:
    """한 턴 대화 / one turn. 예: sori say --user me --json "평점 9점 넘는 액션 웹툰 몇 개야?\""""
    from assistant import DialogueManager

    manager = DialogueManager(load_settings())
    reply = manager.handle(user, text, speaker=speaker, voice=out is not None)
    if out is not None and reply.audio:
        out.write_bytes(reply.audio)
    if as_json:
        emit(reply.to_json(), as_json=True)
        return
    typer.echo(reply.text)
    if reply.table:
        _print_table(reply.table)
    if reply.sql:
        stderr.print(f"[dim]SQL: {reply.sql}[/dim]")


def _print_table(table: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    shown = Table(*[str(c) for c in table["columns"]])
    for row in table["rows"][:50]:
        shown.add_row(*["" if v is None else str(v) for v in row])
    Console().print(shown)


@app.command()
def chat(
    user: UserOption = "cli",
    speaker: Annotated[str | None, typer.Option(help="답을 읽을 화자")] = None,
    voice: Annotated[
        bool, typer.Option("--voice", help="답을 소리로도 재생 (aplay/ffplay 필요)")
    ] = False,
) -> None:
    """터미널 대화 / interactive chat (끝내려면 Ctrl-D). 예: sori chat --user me"""
    import shutil
    import subprocess
    import tempfile

    from assistant import DialogueManager

    manager = DialogueManager(load_settings())
    player = shutil.which("aplay") or shutil.which("ffplay")
    stderr.print("[bold]소리[/bold]와 대화를 시작해요. 끝내려면 Ctrl-D를 누르세요.")
    while True:
        try:
            text = input("나> ")
        except (EOFError, KeyboardInterrupt):
            stderr.print("\n안녕히 가세요!")
            return
        reply = manager.handle(user, text, speaker=speaker, voice=voice)
        typer.echo(f"소리> {reply.text}")
        if reply.table:
            _print_table(reply.table)
        if voice and reply.audio and player:
            with tempfile.NamedTemporaryFile(suffix=".wav") as wav:
                wav.write(reply.audio)
                wav.flush()
                flags = (
                    ["-nodisp", "-autoexit", "-loglevel", "quiet"] if "ffplay" in player else ["-q"]
                )
                subprocess.run([player, *flags, wav.name], check=False)


@app.command()
def ui(
    host: Annotated[str, typer.Option(help="주소")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="포트")] = 7860,
    auth: Annotated[Path | None, typer.Option(help="로그인 사용자 파일 (sori users add)")] = None,
) -> None:
    """웹 UI와 REST API / Gradio app + REST API. 예: sori ui --port 7860"""
    from ui.app import serve

    settings = load_settings(auth=auth)
    stderr.print(f"소리 웹 UI: http://{host}:{port}  (API: http://{host}:{port}/api/openapi.json)")
    serve(settings, host=host, port=port)


@app.command("serve-actions")
def serve_actions(
    port: Annotated[int, typer.Option(help="포트")] = 5055,
    host: Annotated[str, typer.Option(help="주소")] = "127.0.0.1",
) -> None:
    """rasa-sdk 기능(액션) 서버 / action server with every skill. 예: sori serve-actions --port 5055"""
    from assistant.dialogue.actions_server import run_action_server

    run_action_server(load_settings(), host=host, port=port)


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="로그인 이름")],
    file: Annotated[
        Path | None, typer.Option(help="사용자 파일 (기본: $SORI_HOME/users.json)")
    ] = None,
) -> None:
    """UI 로그인 사용자 추가 / add a UI login (비밀번호는 bcrypt 해시로 저장). 예: sori users add minji"""
    from ui.auth import add_user

    settings = load_settings()
    path = file or settings.auth or settings.home / "users.json"
    password = getpass.getpass(f"{name}의 비밀번호: ")
    if not password or password != getpass.getpass("한 번 더: "):
        stderr.print("[red]비밀번호가 비었거나 서로 달라요.[/red]")
        raise typer.Exit(2)
    add_user(path, name, password)
    stderr.print(f"{path}에 {name}을(를) 추가했어요. `sori ui --auth {path}`로 켜세요.")
