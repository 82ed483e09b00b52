"""``sori bench chat``'s evaluation on a few labelled lines (the full set runs in ``make bench``)."""

import json
from pathlib import Path

from assistant import DialogueManager
from assistant.nlu.evaluate import (
    HELDOUT,
    HELDOUT_DIALOGUES,
    evaluate_chat,
    evaluate_dialogues,
    read_lines,
)


def test_heldout_sets_are_big_enough_and_well_formed() -> None:
    rows = read_lines(HELDOUT)
    assert len(rows) >= 200 and len({r["text"] for r in rows}) == len(rows)
    assert len({r["intent"] for r in rows}) == 16
    dialogues = [
        json.loads(line) for line in HELDOUT_DIALOGUES.read_text("utf-8").splitlines() if line
    ]
    assert len(dialogues) >= 40


def test_evaluate_chat_reports_the_contract_keys(manager: DialogueManager, tmp_path: Path) -> None:
    data = tmp_path / "lines.jsonl"
    data.write_text(
        "\n".join(
            json.dumps(r, ensure_ascii=False)
            for r in [
                {"text": "안녕", "intent": "greet"},
                {"text": "로맨스 웹툰 추천해줘", "intent": "recommend_comic"},
                {"text": "라면 끓이는 법 알려줘", "intent": "out_of_scope"},
                {"text": "고마워 잘 있어", "intent": "goodbye"},
            ]
        ),
        "utf-8",
    )
    result = evaluate_chat(manager, read_lines(data), baseline=False)
    assert result["turns"] == 4 and result["intent_accuracy"] == 1.0
    for key in ("fallback_rate", "p50_ms", "p95_ms", "p95_ms_non_sql"):
        assert isinstance(result[key], float)


def test_dialogues_are_judged_in_context(manager: DialogueManager, tmp_path: Path) -> None:
    path = tmp_path / "dialogues.jsonl"
    path.write_text(
        json.dumps(
            {
                "id": "x",
                "turns": [
                    {"user": "액션 영화 추천해줘", "intent": "recommend_video"},
                    {"user": "이미 봤어", "intent": "feedback_seen"},
                    {"user": "다른 거", "intent": "more"},
                ],
            },
            ensure_ascii=False,
        ),
        "utf-8",
    )
    result = evaluate_dialogues(manager, path)
    assert result["turns"] == 3 and result["intent_accuracy"] == 1.0
