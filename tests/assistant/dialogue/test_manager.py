"""Whole turns through the dialogue manager: routing, context carry-over, persistence, bad input."""

import uuid

import pytest

from assistant import DialogueManager


def new_user() -> str:
    return f"t-{uuid.uuid4().hex[:10]}"


@pytest.mark.parametrize(
    ("text", "intent", "skill"),
    [
        ("안녕하세요", "greet", "action_greet"),
        ("로맨스 웹툰 추천해줘", "recommend_comic", "action_recommend_comic"),
        ("주말에 볼 액션 영화 골라줘", "recommend_video", "action_recommend_video"),
        ("K-562에 이매티닙 반응 어때?", "drug_lookup", "action_drug_lookup"),
        ("QAT가 뭐야?", "quant_info", "action_quant_info"),
        ("뭘 할 수 있어?", "help", "action_help"),
        ("내일 날씨 어때?", "out_of_scope", "action_out_of_scope"),
        ("recommend me a romance webtoon", "recommend_comic", "action_recommend_comic"),
        ("잘 있어", "goodbye", "action_goodbye"),
    ],
)
def test_routes_each_request_to_its_skill(
    manager: DialogueManager, text: str, intent: str, skill: str
) -> None:
    reply = manager.handle(new_user(), text)
    assert (reply.intent, reply.skill) == (intent, skill)
    assert reply.text and reply.timings_ms["total"] > 0


def test_recommendation_conversation_with_feedback_and_more(manager: DialogueManager) -> None:
    user = new_user()
    first = manager.handle(user, "판타지 웹툰 세 개 추천해줘")
    assert first.skill == "action_recommend_comic" and len(first.items) == 3
    assert all("판타지" in item["genres"] for item in first.items)
    liked = manager.handle(user, "두 번째 거 좋다")
    assert liked.intent == "feedback_like" and first.items[1]["title"] in liked.text
    more = manager.handle(user, "응")  # yes to "비슷한 작품을 더 보여드릴까요?"
    assert more.skill == "action_recommend_comic"
    assert not {i["id"] for i in more.items} & {i["id"] for i in first.items}
    again = manager.handle(user, "더 보여줘")
    assert again.intent == "more" and again.items


def test_state_survives_a_restart(manager: DialogueManager, settings) -> None:  # noqa: ANN001
    user = new_user()
    manager.handle(user, "액션 영화 추천해줘")
    restarted = DialogueManager(settings)
    reply = restarted.handle(user, "더 보여줘")
    assert reply.skill == "action_recommend_video" and reply.items
    history = restarted.history(user)
    assert [t["role"] for t in history] == ["user", "assistant", "user", "assistant"]
    assert history[0]["text"] == "액션 영화 추천해줘"


def test_missing_slot_is_asked_and_then_filled(manager: DialogueManager) -> None:
    user = new_user()
    asked = manager.handle(user, "약물 반응 조회해줘")
    assert "세포주" in asked.text
    answered = manager.handle(user, "A549")
    assert answered.skill == "action_drug_lookup" and answered.table and "A549" in answered.text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\u200b\u200b",
        "🎉🎉🎉",
        "가" * 100_000,
        "ﾟ∀ﾟ ✧ ٩(◕‿◕)۶ ☃ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "SELECT * FROM users; DROP TABLE turns; --",
    ],
)
def test_bad_text_gets_an_answer_and_is_stored(manager: DialogueManager, text: str) -> None:
    user = new_user()
    reply = manager.handle(user, text)
    assert reply.text
    history = manager.history(user)
    assert history and history[0]["role"] == "user" and history[-1]["text"] == reply.text


@pytest.mark.parametrize("user", ["", " ", "a" * 65, "bad id", "x\u0000y", "../../etc"])
def test_invalid_user_ids_are_refused_clearly(manager: DialogueManager, user: str) -> None:
    reply = manager.handle(user, "안녕")
    assert reply.error == "invalid_user" and "ID" in reply.text


def test_unknown_but_valid_users_are_welcome(manager: DialogueManager) -> None:
    reply = manager.handle("처음-온-사람_42", "안녕")
    assert reply.skill == "action_greet"


def test_clarification_is_asked_once_and_yes_runs_the_guess(manager: DialogueManager) -> None:
    user = new_user()
    state = manager.store.load(user)
    from assistant.dialogue.policy import decide  # the exact question the policy would ask

    understanding = manager.nlu.understand("볼만한 거 뭐 있어", state.context)
    decision = decide(
        understanding, "볼만한 거 뭐 있어", state, threshold=1.01, fallback_threshold=0.0
    )
    manager.settings.confidence_threshold, saved = 1.01, manager.settings.confidence_threshold
    try:
        asked = manager.handle(user, "볼만한 거 뭐 있어")
    finally:
        manager.settings.confidence_threshold = saved
    assert asked.text == decision.text and asked.text.count("혹시") == 1
    answered = manager.handle(user, "응")
    assert answered.skill == {
        "recommend_comic": "action_recommend_comic",
        "recommend_video": "action_recommend_video",
    }.get(decision.pending["options"][0], answered.skill)


def test_entities_take_the_whole_known_word(manager: DialogueManager) -> None:
    reply = manager.handle(new_user(), "주말에 볼 액션 영화 골라줘")
    assert {"entity": "genre", "value": "액션"}.items() <= next(
        e for e in reply.entities if e["entity"] == "genre"
    ).items()


def test_data_question_in_chat_runs_one_select_and_follow_up_refines_it(
    manager: DialogueManager,
) -> None:
    user = new_user()
    first = manager.handle(user, "장르별 웹툰 수 알려줘")
    assert (first.intent, first.skill) == ("ask_sql", "action_ask_sql")
    assert first.sql and first.sql.lstrip().upper().startswith("SELECT") and first.table
    follow = manager.handle(user, "상위 3개만")
    assert follow.skill == "action_ask_sql" and follow.sql and follow.sql != first.sql
    assert follow.table and len(follow.table["rows"]) <= 3
