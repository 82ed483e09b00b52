"""The assistant's own models and their quantized variants, answered from the model registry."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from models.quant import REGISTRY_FIELDS, list_models
from skills._base import SkillAction, slot_or_entity
from skills._runtime import runtime
from skills.errors import NoAnswer

__all__ = ["QuantInfo"]

METHOD_NOTES = {
    "ptq": "PTQ(사후 양자화)는 학습이 끝난 모델의 가중치와 활성값을 int8 등으로 바꾸는 방법이에요. "
    "다시 학습하지 않아 빠르지만 낮은 비트에서는 정확도가 떨어질 수 있어요.",
    "qat": "QAT(양자화 인식 학습, Jacob et al.)는 학습 중에 모든 가중치를 한 비트 폭으로 가짜 양자화해서, "
    "모델이 양자화 오차에 적응하도록 학습하는 방법이에요.",
    "quantnoise": "QuantNoise(Fan et al.)는 매 학습 단계마다 가중치의 일부만 무작위로 골라 가짜 양자화해서, "
    "나머지로 기울기가 잘 흐르게 하면서 극단적인 압축에도 버티게 하는 방법이에요.",
    "fst": "FST(Fake Single-precision Training)는 매 단계 무작위로 고른 일부 가중치는 낮은 비트로, "
    "나머지는 더 높은 비트로 가짜 양자화해 학습하는 방법이에요.",
    "granular-ema": "Granular EMA는 양자화 범위를 지수 이동 평균으로 배우되, 이상치(분위수 밖의 값)는 "
    "통계에서 빼서 범위가 과하게 넓어지지 않게 하는 방법이에요.",
    "nnac": "NNAC(Neural-Network-Aware Clustering)는 입력(활성값)을 군집으로 나누고 군집마다 따로 "
    "양자화 파라미터를 두는 방법이에요.",
}
_COLUMNS = [
    "모델",
    "방법",
    "비트",
    "지표",
    "값",
    "fp32 값",
    "크기(MB)",
    "크기 비율",
    "지연(ms)",
    "지연 비율",
]


def _table(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"columns": _COLUMNS, "rows": [[r[f] for f in REGISTRY_FIELDS] for r in rows]}


class QuantInfo(SkillAction):
    """Explains quantization methods and reports registry rows (filtered by bits/method/model)."""

    def name(self) -> str:
        """Action name."""
        return "action_quant_info"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Filters the registry by the entities of the question and answers."""
        method = slot_or_entity(tracker, "method")
        bits = next(tracker.get_latest_entity_values("bits"), None)
        model = next(tracker.get_latest_entity_values("model"), None)
        rows = list_models(runtime().engine)
        if model:
            rows = [r for r in rows if str(model) in r["model"]]
        if bits:
            rows = [r for r in rows if r["bits"] == int(bits)]
        if method and method in METHOD_NOTES:
            rows = [r for r in rows if r["method"] == method] or rows
        note = METHOD_NOTES.get(str(method), "")
        if not rows:
            if note:
                dispatcher.utter_message(
                    text=note + " 아직 이 방법으로 양자화한 모델 기록은 없어요."
                )
                return []
            raise NoAnswer(
                "조건에 맞는 모델 기록이 없어요. `sori quant run`으로 양자화 모델을 만들 수 있어요.",
                self.name(),
            )
        text_question = tracker.latest_message.get("text", "")
        if any(word in text_question for word in ("제일", "가장", "젤", "best", "most")):
            scored = [r for r in rows if r["metric"] is not None]
            if scored:
                best = max(scored, key=lambda r: r["metric"])
                note += (
                    f" 조건에 맞는 모델 중 {best['metric_name']}가 가장 높은 건 {best['model']} "
                    f"({best['method']}, {best['bits']}비트): {best['metric']:.3f}예요."
                )
        lines = [
            f"• {r['model']} {r['method']} {r['bits']}비트: {r['metric_name']} "
            + (f"{r['metric']:.3f}" if r["metric"] is not None else "-")
            + (f", {r['size_mb']:.1f}MB" if r["size_mb"] else "")
            for r in rows[:10]
        ]
        dispatcher.utter_message(
            text=(note + "\n" if note else "")
            + f"등록된 모델 {len(rows)}개예요.\n"
            + "\n".join(lines),
            json_message={"table": _table(rows)},
        )
        return []
