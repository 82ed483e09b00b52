"""Turning answers into what the page shows: chat messages (Markdown), tables and bar charts.

Pure functions over plain data (``Reply`` fields or the turns of ``DialogueManager.history``), so
the live chat and a history reloaded after a restart look the same.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

__all__ = [
    "bar_chart",
    "bar_frame",
    "history_messages",
    "markdown_table",
    "reply_messages",
    "table_frame",
]

# Rows shown inside a chat bubble; the table under the chat shows them all.
MESSAGE_ROWS = 15
_CHART_ROWS = 40
_NUMBERED = re.compile(r"^\s*\d+\.\s")
SQL_TITLE = "실행한 SQL 보기"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        text = f"{value:.4f}".rstrip("0").rstrip(".") if abs(value) < 1e12 else f"{value:.4g}"
    else:
        text = str(value)
    # A pipe or a newline would break the Markdown table.
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown_table(columns: list[Any], rows: list[list[Any]], max_rows: int = MESSAGE_ROWS) -> str:
    """A GitHub-Markdown table of the first ``max_rows`` rows, with a note about the rest.

    Example:
        >>> print(markdown_table(["장르", "수"], [["액션", 3], ["로맨스", 2]]))
        | 장르 | 수 |
        | --- | --- |
        | 액션 | 3 |
        | 로맨스 | 2 |
    """
    if not columns:
        return ""
    lines = [
        "| " + " | ".join(_cell(c) for c in columns) + " |",
        "| " + " | ".join("---" for _ in columns) + " |",
    ]
    for row in rows[:max_rows]:
        cells = [_cell(v) for v in list(row)[: len(columns)]]
        cells += [""] * (len(columns) - len(cells))
        lines.append("| " + " | ".join(cells) + " |")
    if len(rows) > max_rows:
        lines.append(f"\n*… 외 {len(rows) - max_rows}행 (전체는 아래 표에서 볼 수 있어요)*")
    elif not rows:
        lines.append("\n*(결과 행이 없어요)*")
    return "\n".join(lines)


def _items_table(items: list[dict[str, Any]]) -> str:
    rows = []
    for rank, item in enumerate(items, 1):
        genres = item.get("genres")
        genre_text = ", ".join(genres) if isinstance(genres, list) else (genres or "")
        rating = item.get("rating")
        rows.append(
            [
                rank,
                item.get("title", ""),
                genre_text,
                "" if rating is None else round(float(rating), 1),
                item.get("why", ""),
            ]
        )
    return markdown_table(["#", "제목", "장르", "평점", "추천 이유"], rows, max_rows=len(rows))


def reply_messages(
    text: str,
    *,
    table: dict[str, Any] | None = None,
    sql: str | None = None,
    items: list[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """The assistant's chat messages for one answer.

    The answer text comes first, then the result table or the recommended items as a Markdown
    table, and the SQL in a separate message that Gradio shows as a closed, collapsible block.
    """
    body = (text or "").strip()
    if items:
        lines = body.splitlines()
        numbered = [line for line in lines if _NUMBERED.match(line)]
        if len(numbered) == len(items):  # the skill already listed them: show the richer table
            body = "\n".join(line for line in lines if not _NUMBERED.match(line)).strip()
        body = f"{body}\n\n{_items_table(items)}".strip()
    if table and table.get("columns"):
        body = f"{body}\n\n{markdown_table(table['columns'], table.get('rows') or [])}".strip()
    messages: list[dict[str, Any]] = [{"role": "assistant", "content": body or "…"}]
    if sql:
        messages.append(
            {
                "role": "assistant",
                "content": f"```sql\n{sql.strip()}\n```",
                "metadata": {"title": SQL_TITLE, "status": "done"},
            }
        )
    return messages


def history_messages(turns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Chat messages for the turns of ``DialogueManager.history`` (oldest first)."""
    messages: list[dict[str, Any]] = []
    for turn in turns:
        payload = turn.get("payload") or {}
        if turn.get("role") == "user":
            messages.append({"role": "user", "content": turn.get("text") or ""})
        else:
            messages.extend(
                reply_messages(
                    turn.get("text") or "",
                    table=payload.get("table"),
                    sql=payload.get("sql"),
                    items=payload.get("items"),
                )
            )
    return messages


def table_frame(columns: list[Any], rows: list[list[Any]]) -> pd.DataFrame:
    """A DataFrame for ``gr.Dataframe`` (column names made unique and textual)."""
    names: list[str] = []
    for column in columns:
        name = str(column)
        while name in names:
            name += "_"
        names.append(name)
    return pd.DataFrame([list(r)[: len(names)] for r in rows], columns=names)


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and not (isinstance(value, float) and math.isnan(value))
    )


def bar_frame(columns: list[Any], rows: list[list[Any]]) -> pd.DataFrame | None:
    """A ``(label, value)`` frame when the result is a numeric group-by (2 columns: label, number).

    Returns ``None`` for anything else (one row, non-numeric values, too many groups).

    Example:
        >>> bar_frame(["장르", "작품 수"], [["액션", 3], ["로맨스", 2]]).to_dict("list")
        {'label': ['액션', '로맨스'], 'value': [3, 2]}
    """
    if len(columns) != 2 or not 2 <= len(rows) <= _CHART_ROWS:
        return None
    if not all(len(r) == 2 and r[0] is not None and _is_number(r[1]) for r in rows):
        return None
    return pd.DataFrame({"label": [str(r[0]) for r in rows], "value": [r[1] for r in rows]})


def bar_chart(columns: list[Any], rows: list[list[Any]]) -> dict[str, Any] | None:
    """Keyword arguments of a ``gr.BarPlot`` update for a numeric group-by, else ``None``.

    Bars start at zero (Vega would otherwise zoom into equal values and draw no bars at all).
    """
    frame = bar_frame(columns, rows)
    if frame is None:
        return None
    low, high = float(frame["value"].min()), float(frame["value"].max())
    y_lim = [min(0.0, low * 1.1), max(0.0, high * 1.1)] if high != low or high else [0.0, 1.0]
    return {
        "value": frame,
        "x": "label",
        "y": "value",
        "x_title": str(columns[0]),
        "y_title": str(columns[1]),
        "y_lim": y_lim,
    }
