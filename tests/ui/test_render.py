"""What the chat shows for answers: Markdown tables, items, the collapsible SQL, bar charts."""

from __future__ import annotations

import pytest

from ui._render import (
    bar_chart,
    bar_frame,
    history_messages,
    markdown_table,
    reply_messages,
    table_frame,
)


def test_markdown_table_escapes_and_truncates() -> None:
    rows = [["a|b", 1.5], ["줄\n바꿈", None]] + [["x", i] for i in range(30)]
    text = markdown_table(["이름", "값"], rows, max_rows=3)

    lines = text.splitlines()
    assert lines[0] == "| 이름 | 값 |"
    assert lines[2] == "| a\\|b | 1.5 |"
    assert lines[3] == "| 줄 바꿈 |  |"
    assert "외 29행" in text


def test_reply_with_table_and_sql() -> None:
    messages = reply_messages(
        "액션 웹툰은 3개예요.",
        table={"columns": ["count"], "rows": [[3]]},
        sql="SELECT COUNT(*) FROM comics",
    )

    assert messages[0]["role"] == "assistant"
    assert "| count |" in messages[0]["content"] and "| 3 |" in messages[0]["content"]
    assert messages[1]["metadata"]["status"] == "done"  # a closed, collapsible block
    assert messages[1]["content"].startswith("```sql\nSELECT COUNT(*)")


def test_reply_with_items_replaces_the_numbered_list_by_a_table() -> None:
    items = [
        {"title": "신의 탑", "genres": ["판타지"], "rating": 9.81, "why": "인기"},
        {
            "title": "외모지상주의",
            "genres": ["액션", "드라마"],
            "rating": 9.4,
            "why": "비슷한 취향",
        },
    ]
    text = "판타지 웹툰 추천해 드릴게요.\n1. 신의 탑 (평점 9.8)\n2. 외모지상주의 (평점 9.4)"

    content = reply_messages(text, items=items)[0]["content"]

    assert content.startswith("판타지 웹툰 추천해 드릴게요.")
    assert "1. 신의 탑" not in content
    assert "| 1 | 신의 탑 | 판타지 | 9.8 | 인기 |" in content
    assert "액션, 드라마" in content


def test_history_is_rendered_like_live_answers() -> None:
    turns = [
        {"role": "user", "text": "장르별 수", "payload": {}},
        {
            "role": "assistant",
            "text": "결과예요.",
            "payload": {
                "table": {"columns": ["장르", "수"], "rows": [["액션", 2]]},
                "sql": "SELECT 1",
            },
        },
    ]

    messages = history_messages(turns)

    assert [m["role"] for m in messages] == ["user", "assistant", "assistant"]
    assert "| 액션 | 2 |" in messages[1]["content"]


@pytest.mark.parametrize(
    ("columns", "rows", "charted"),
    [
        (["장르", "수"], [["액션", 3], ["로맨스", 2]], True),
        (["연도", "편수"], [[2020, 3.5], [2021, 4]], True),
        (["장르", "수"], [["액션", 3]], False),  # one bar is no chart
        (["장르", "제목"], [["액션", "a"], ["로맨스", "b"]], False),
        (["a", "b", "c"], [[1, 2, 3], [4, 5, 6]], False),
        (["장르", "수"], [["액션", True], ["로맨스", False]], False),
    ],
)
def test_bar_frame_only_for_numeric_group_by(columns: list, rows: list, charted: bool) -> None:
    assert (bar_frame(columns, rows) is not None) is charted


def test_table_frame_makes_column_names_unique() -> None:
    frame = table_frame(["n", "n"], [[1, 2]])
    assert list(frame.columns) == ["n", "n_"]


def test_bar_chart_starts_at_zero_even_for_equal_values() -> None:
    chart = bar_chart(["장르", "수"], [["액션", 20], ["로맨스", 20]])

    assert chart is not None and chart["y_lim"] == [0.0, 22.0]
    assert chart["x_title"] == "장르" and chart["y_title"] == "수"
    assert bar_chart(["a", "b", "c"], [[1, 2, 3], [4, 5, 6]]) is None
