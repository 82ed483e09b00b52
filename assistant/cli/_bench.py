"""``sori bench chat`` (the other benchmarks attach to ``bench_app`` from their own modules)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli._apps import bench_app
from assistant.cli._common import emit, load_settings

__all__ = ["bench_chat"]


@bench_app.command("chat")
def bench_chat(
    data: Annotated[
        Path | None, typer.Option(help='{"text", "intent"} JSONL (기본: 내장 평가 세트)')
    ] = None,
    baseline: Annotated[bool, typer.Option(help="선형 기준 모델도 학습해 비교")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="마지막 줄에 JSON 한 줄 출력")] = False,
) -> None:
    """대화 벤치마크 / intent accuracy and latency. 예: sori bench chat --json"""
    from assistant import DialogueManager
    from assistant.nlu.evaluate import HELDOUT, evaluate_chat, evaluate_dialogues, read_lines

    manager = DialogueManager(load_settings())
    result = evaluate_chat(manager, read_lines(data or HELDOUT), baseline=baseline)
    if data is None:  # the built-in set also has multi-turn dialogues, judged in context
        result["detail"]["dialogues"] = evaluate_dialogues(manager)
    emit({"dataset": str(data or HELDOUT.name), **result}, as_json, title="sori bench chat")
