"""The SQL tab's answer: Markdown text, the SQL, the table, a bar chart for a numeric group-by."""

from __future__ import annotations

import pandas as pd

from assistant import DialogueManager
from ui.tabs.sql import answer_sql


def test_sql_tab_shows_sql_table_and_chart(manager: DialogueManager) -> None:

    text, sql, table, chart, state = answer_sql(manager, "demo", "장르별 웹툰 수 알려줘", None)

    assert text
    assert sql.lstrip().upper().startswith("SELECT")
    assert isinstance(table, pd.DataFrame) and len(table) >= 1
    assert state["db"] == "demo"  # a follow-up question continues on this database
    if table.shape[1] == 2 and pd.api.types.is_numeric_dtype(table.iloc[:, 1]) and len(table) > 1:
        assert chart["visible"] is True and list(chart["value"].columns) == ["label", "value"]
        assert chart["y_lim"][0] == 0


def test_sql_tab_blank_question_asks_for_one(manager: DialogueManager) -> None:
    assert answer_sql(manager, "demo", "  ", None)[0] == "질문을 입력해 주세요."
