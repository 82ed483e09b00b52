"""The SQL tab: pick a database, ask in Korean, see the SQL, the result table and a bar chart.

A numeric group-by result (two columns: label and number) is also drawn as a ``gr.BarPlot``.
Follow-up questions ("그중 로맨스만") reuse the previous answer's ``context``.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant import DialogueManager
from ui._render import bar_chart, table_frame
from ui.api import ask_database

__all__ = ["EXAMPLES", "answer_sql", "build_sql_tab"]

EXAMPLES = [
    "평점 9점 넘는 액션 웹툰 몇 개야?",
    "장르별 웹툰 수 알려줘",
    "가장 평점이 높은 영화는?",
    "연도별 영화 수",
]


def build_sql_tab(manager: DialogueManager, database: gr.Dropdown) -> None:
    """Render the tab in the current Blocks context; ``database`` is the settings panel's choice."""
    gr.Markdown(
        "데이터베이스를 고르고 한국어로 물어보세요. "
        "실행한 SQL과 결과 표를, 숫자 집계는 차트로도 보여 드려요."
    )
    with gr.Row(equal_height=True):
        db = gr.Dropdown(
            choices=manager.sql_databases(),
            value=manager.sql_databases()[0],
            label="데이터베이스",
            scale=1,
            elem_id="sql-tab-db",
        )
        question = gr.Textbox(
            label="질문",
            placeholder="예: 장르별 웹툰 수 알려줘",
            scale=4,
            submit_btn="묻기",
            max_length=2000,
            elem_id="sql-question",
        )
    gr.Examples(EXAMPLES, inputs=question, label="예시 질문")
    answer = gr.Markdown(elem_id="sql-answer")
    sql = gr.Code(
        language="sql", label="실행한 SQL", interactive=False, lines=3, elem_id="sql-code"
    )
    table = gr.Dataframe(
        interactive=False, label="결과", wrap=True, max_height=420, elem_id="sql-table"
    )
    chart = gr.BarPlot(visible=False, label="차트", elem_id="sql-chart", sort=None)
    context = gr.State(None)

    def ask(db_name: str, text: str, previous: dict[str, Any] | None) -> tuple[Any, ...]:
        return answer_sql(manager, db_name, text, previous)

    question.submit(
        ask, [db, question, context], [answer, sql, table, chart, context], api_visibility="private"
    )
    # The settings panel and this tab pick the same database.
    database.change(lambda name: name, database, db, api_visibility="private", queue=False)
    db.change(lambda name: name, db, database, api_visibility="private", queue=False)


def answer_sql(
    manager: DialogueManager, db_name: str, text: str, previous: dict[str, Any] | None
) -> tuple[Any, ...]:
    """One question of the tab: ``(answer Markdown, SQL, table, chart update, follow-up state)``."""
    if not (text or "").strip():
        return "질문을 입력해 주세요.", gr.skip(), gr.skip(), gr.skip(), previous
    follow_up = previous["context"] if previous and previous["db"] == db_name else None
    result = ask_database(manager, db_name, text, follow_up)
    confidence = result.get("confidence")
    note = f"  \n*확신도 {confidence:.0%}*" if isinstance(confidence, (int, float)) else ""
    columns, rows = result["columns"], result["rows"]
    bars = bar_chart(columns, rows)
    chart = gr.update(visible=True, **bars) if bars else gr.update(visible=False, value=None)
    state = (
        {"db": db_name, "context": result["context"]} if result.get("context") is not None else None
    )
    table = table_frame(columns, rows) if columns else None
    return f"{result['text']}{note}", result["sql"] or "", table, chart, state
