"""``sori bench chat``: intent accuracy and turn latency of the whole assistant on labelled lines.

Every line is one turn of a fresh user, run through ``DialogueManager.handle`` with models loaded,
so the latency is what a user waits for (NLU, policy, skill, database). SQL turns are slower by
nature (a parser and a query), so the non-SQL p95 is reported apart.
"""

from __future__ import annotations

import json
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from assistant.nlu.linear import LinearIntentBaseline
from assistant.nlu.morph import make_analyzer
from assistant.nlu.normalize import normalize
from assistant.nlu.train import read_hparams, training_examples

__all__ = ["HELDOUT", "HELDOUT_DIALOGUES", "evaluate_chat", "evaluate_dialogues", "read_lines"]

HELDOUT = Path(__file__).parent / "data" / "heldout.jsonl"
HELDOUT_DIALOGUES = Path(__file__).parent / "data" / "heldout_dialogues.jsonl"
_WARMUP = ("안녕", "로맨스 웹툰 추천해줘", "평점 9점 넘는 액션 웹툰 몇 개야?")


def read_lines(path: Path) -> list[dict[str, Any]]:
    """``{"text", "intent"}`` lines of a JSONL file (other keys kept, blank lines skipped)."""
    rows = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            if "text" not in row or "intent" not in row:
                raise ValueError(f"{path}:{number}: each line needs 'text' and 'intent'")
            rows.append(row)
    return rows


def _percentile(values: list[float], q: float) -> float | None:
    return round(float(np.percentile(values, q)), 2) if values else None


def evaluate_chat(manager, rows: list[dict[str, Any]], baseline: bool = True) -> dict[str, Any]:  # noqa: ANN001
    """Run every line as a turn and score it.

    Returns:
        ``turns``, ``intent_accuracy``, ``fallback_rate``, ``p50_ms``, ``p95_ms``,
        ``p95_ms_non_sql``, and ``detail`` (per-intent accuracy, confusions, the linear baseline).
    """
    run = uuid.uuid4().hex[:8]
    for i, text in enumerate(_WARMUP):  # load lazy models (SQL parser) before timing
        manager.handle(f"bench-{run}-warmup{i}", text)
    latencies, non_sql, correct, fallbacks = [], [], 0, 0
    per_intent: Counter[str] = Counter()
    per_intent_ok: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    for i, row in enumerate(tqdm(rows, desc="bench chat", unit="turn")):
        started = time.perf_counter()
        reply = manager.handle(f"bench-{run}-{i}", row["text"])
        elapsed = (time.perf_counter() - started) * 1000
        latencies.append(elapsed)
        if row["intent"] != "ask_sql" and reply.skill != "action_ask_sql":
            non_sql.append(elapsed)
        per_intent[row["intent"]] += 1
        fallbacks += reply.error == "fallback"
        if reply.intent == row["intent"]:
            correct += 1
            per_intent_ok[row["intent"]] += 1
        else:
            confusions[(row["intent"], str(reply.intent))] += 1
    detail: dict[str, Any] = {
        "per_intent_accuracy": {
            k: round(per_intent_ok[k] / n, 3) for k, n in sorted(per_intent.items())
        },
        "confusions": [
            {"gold": g, "predicted": p, "n": n} for (g, p), n in confusions.most_common(20)
        ],
        "p50_ms_non_sql": _percentile(non_sql, 50),
        "nlu_model": str(manager.nlu.bundle.path),
    }
    if baseline:
        hparams = read_hparams()
        analyzer = make_analyzer(manager.nlu.bundle.analyzer)
        linear = LinearIntentBaseline(analyzer).fit(training_examples(hparams))
        predicted = linear.predict([normalize(r["text"]).text for r in rows])
        detail["linear_baseline_accuracy"] = round(
            sum(p == r["intent"] for p, r in zip(predicted, rows, strict=True)) / len(rows), 4
        )
    return {
        "turns": len(rows),
        "intent_accuracy": round(correct / len(rows), 4) if rows else None,
        "fallback_rate": round(fallbacks / len(rows), 4) if rows else None,
        "p50_ms": _percentile(latencies, 50),
        "p95_ms": _percentile(latencies, 95),
        "p95_ms_non_sql": _percentile(non_sql, 95),
        "detail": detail,
    }


def evaluate_dialogues(manager, path: Path = HELDOUT_DIALOGUES) -> dict[str, Any]:  # noqa: ANN001
    """Intent accuracy of multi-turn dialogues, each turn judged in the context the assistant built.

    Every dialogue is a fresh user; its turns go through ``handle`` in order, so "이미 봤어" after a
    recommendation is read in the context of the assistant's own answer. Turns marked
    ``ambiguous`` (meaningful only with the dialogue's later turns) are not scored.
    """
    run = uuid.uuid4().hex[:8]
    scored = correct = 0
    misses: list[dict[str, str]] = []
    dialogues = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    for dialogue in tqdm(dialogues, desc="bench dialogues", unit="dialogue"):
        user = f"bench-{run}-{dialogue['id']}"
        for turn in dialogue["turns"]:
            reply = manager.handle(user, turn["user"])
            if turn.get("ambiguous"):
                continue
            scored += 1
            if reply.intent == turn["intent"]:
                correct += 1
            else:
                misses.append(
                    {
                        "dialogue": dialogue["id"],
                        "text": turn["user"],
                        "gold": turn["intent"],
                        "predicted": str(reply.intent),
                    }
                )
    return {
        "dialogues": len(dialogues),
        "turns": scored,
        "intent_accuracy": round(correct / scored, 4) if scored else None,
        "misses": misses,
    }
