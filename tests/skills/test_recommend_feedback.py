"""Recommendation and feedback through the real Actions on the demo catalog."""

import pytest

from skills import GiveFeedback, RecommendComic, RecommendVideo


def _entity(name, value):  # noqa: ANN001, ANN202
    return {"entity": name, "value": value, "start": 0, "end": 1}


@pytest.mark.parametrize(
    ("action", "entities", "genre"),
    [
        (RecommendComic(), [_entity("genre", "로맨스")], "로맨스"),
        (RecommendComic(), [], None),
        (RecommendVideo(), [_entity("genre", "액션")], "액션"),
    ],
)
def test_recommend_lists_items_of_the_genre(run_action, action, entities, genre) -> None:  # noqa: ANN001
    messages, events = run_action(action, "추천해줘", "recommend_comic", entities)
    items = messages[0]["custom"]["items"]
    assert len(items) == 5 and all(i["title"] for i in items)
    if genre:
        assert all(genre in i["genres"] for i in items)
    assert {e["name"] for e in events} >= {"shown", "last_items"}


def test_more_pages_on_without_repeats(run_action) -> None:  # noqa: ANN001
    first, events = run_action(RecommendComic(), "추천", "recommend_comic")
    slots = {e["name"]: e["value"] for e in events}
    second, _ = run_action(RecommendComic(), "더 보여줘", "more", slots=slots, more=True)
    first_ids = {i["id"] for i in first[0]["custom"]["items"]}
    second_ids = {i["id"] for i in second[0]["custom"]["items"]}
    assert first_ids and second_ids and not first_ids & second_ids


def test_seen_feedback_removes_the_item_from_later_recommendations(run_action) -> None:  # noqa: ANN001
    messages, events = run_action(RecommendComic(), "추천", "recommend_comic")
    slots = {e["name"]: e["value"] for e in events}
    second = slots["last_items"][1]
    reply, _ = run_action(
        GiveFeedback(),
        "두 번째 거 이미 봤어",
        "feedback_seen",
        [_entity("ordinal", 2)],
        slots=slots,
    )
    assert second["title"] in reply[0]["text"] and reply[0]["custom"]["offer"] == "more"
    again, _ = run_action(RecommendComic(), "추천", "recommend_comic")
    assert second["id"] not in {i["id"] for i in again[0]["custom"]["items"]}


def test_feedback_without_shown_items_says_so(run_action) -> None:  # noqa: ANN001
    reply, events = run_action(GiveFeedback(), "이거 좋다", "feedback_like")
    assert "먼저 추천" in reply[0]["text"] and reply[0]["custom"]["error"] == "NoAnswer"
    assert events == []
