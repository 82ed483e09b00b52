"""Drug-response lookup: a cell line × drug pair, the best drugs for a cell line, or the most
sensitive cell lines for a drug, with the measurement as evidence."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from models import drugresponse
from skills._base import SkillAction, slot_or_entity
from skills._runtime import runtime
from skills.errors import NoAnswer, SlotMissing

__all__ = ["DrugLookup"]

_COLUMNS = ["세포주", "약물", "ln IC50", "민감", "근거"]
_MAX_TOP = 20
_FOLLOW_UP_CHARS = 10  # "시스플라틴은?", "HeLa는?"
_ASKS_FOR_DRUGS = ("약", "항암제", "drug")


def _table(rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "columns": _COLUMNS,
        "rows": [
            [
                r["cell"],
                r["drug"],
                r["ln_ic50"],
                "민감" if r["sensitive"] else "내성",
                r["evidence"],
            ]
            for r in rows
        ],
    }


class DrugLookup(SkillAction):
    """Answers drug-response questions from the measured table (demo or GDSC)."""

    def name(self) -> str:
        """Action name."""
        return "action_drug_lookup"

    @staticmethod
    def _names(tracker: Tracker) -> tuple[str | None, str | None]:
        """This turn's cell line and drug; the remembered one only fills a short follow-up.

        "A549에 잘 듣는 약" after a question about Imatinib asks about A549 alone, while
        "시스플라틴은?" after a question about A549 keeps A549.
        """
        cell = next(tracker.get_latest_entity_values("cell_line"), None)
        drug = next(tracker.get_latest_entity_values("drug"), None)
        text = tracker.latest_message.get("text", "")
        follow_up = len(text.replace(" ", "")) <= _FOLLOW_UP_CHARS
        if cell is None and (drug is None or follow_up):
            cell = tracker.get_slot("cell_line")
        if (
            drug is None
            and (cell is None or follow_up)
            and not any(word in text for word in _ASKS_FOR_DRUGS)
        ):
            drug = tracker.get_slot("drug")
        return cell, drug

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Resolves the names, then looks up the pair or ranks drugs / cell lines."""
        engine = runtime().engine
        cell_name, drug_name = self._names(tracker)
        if not cell_name and not drug_name:
            raise SlotMissing(
                "cell_line",
                "어떤 세포주나 약물이 궁금하신가요? (예: A549, 시스플라틴)",
                self.name(),
            )
        cell = drugresponse.resolve_cell_line(engine, str(cell_name)) if cell_name else None
        drug = drugresponse.resolve_drug(engine, str(drug_name)) if drug_name else None
        if cell_name and not cell:
            raise NoAnswer(f"'{cell_name}' 세포주는 데이터에 없어요.", self.name())
        if drug_name and not drug:
            raise NoAnswer(f"'{drug_name}' 약물은 데이터에 없어요.", self.name())
        page = int(tracker.get_slot("page") or 0) if tracker.latest_message.get("more") else 0
        top = max(1, min(int(slot_or_entity(tracker, "count") or runtime().page_size), _MAX_TOP))
        events = [SlotSet("cell_line", cell), SlotSet("drug", drug)]
        if cell and drug:
            row = drugresponse.lookup_pair(engine, cell, drug)
            if row is None:
                raise NoAnswer(f"{cell} × {drug} 조합은 측정값이 없어요.", self.name())
            verdict = "민감한 편이에요" if row["sensitive"] else "내성을 보이는 편이에요"
            dispatcher.utter_message(
                text=f"{cell} 세포주는 {drug}에 {verdict} (ln IC50 {row['ln_ic50']:.2f}). 근거: {row['evidence']}",
                json_message={"table": _table([row]), "results": [row]},
            )
            return events
        if cell:
            rows = drugresponse.best_drugs_for_cell(engine, cell, top * (page + 1))[top * page :]
            lead = f"{cell} 세포주에 가장 잘 듣는 약물이에요 (ln IC50이 낮을수록 민감)."
        else:
            rows = drugresponse.sensitive_cells_for_drug(engine, drug, top * (page + 1))[
                top * page :
            ]
            lead = f"{drug}에 가장 민감한 세포주예요 (ln IC50이 낮을수록 민감)."
        if not rows:
            raise NoAnswer(
                "더 보여드릴 결과가 없어요." if page else "측정값이 없어요.", self.name()
            )
        lines = [
            f"{i}. {r['drug'] if cell else r['cell']}: ln IC50 {r['ln_ic50']:.2f}"
            + (" (민감)" if r["sensitive"] else "")
            for i, r in enumerate(rows, 1 + top * page)
        ]
        dispatcher.utter_message(
            text=lead + "\n" + "\n".join(lines),
            json_message={"table": _table(rows), "results": rows},
        )
        return events
