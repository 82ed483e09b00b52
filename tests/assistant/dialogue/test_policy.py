"""The policy's decisions, from hand-built understandings (no model, no database)."""

from assistant.dialogue.policy import decide
from assistant.dialogue.tracker import DialogueState
from assistant.nlu.entities import Entity
from assistant.nlu.understand import Understanding

THRESHOLDS = {"threshold": 0.55, "fallback_threshold": 0.25}


def understood(
    intent: str,
    confidence: float = 0.95,
    second: str = "out_of_scope",
    entities: list[Entity] | None = None,
    text: str = "…",
) -> Understanding:
    return Understanding(
        text=text,
        intent=intent,
        confidence=confidence,
        ranking=[(intent, confidence), (second, round(1 - confidence, 3))],
        entities=entities or [],
    )


def test_confident_intent_runs_its_action_with_entity_slots() -> None:
    u = understood("recommend_comic", entities=[Entity("genre", "로맨스", "로맨스", 0, 3)])
    decision = decide(u, "로맨스 웹툰", DialogueState("u"), **THRESHOLDS)
    assert decision.action == "action_recommend_comic"
    assert decision.slot_updates["genre"] == "로맨스" and decision.slot_updates["page"] == 0


def test_new_request_forgets_old_filters() -> None:
    state = DialogueState("u", slots={"genre": "로맨스"})
    decision = decide(understood("recommend_comic"), "웹툰 추천", state, **THRESHOLDS)
    assert decision.slot_updates["genre"] is None


def test_middle_confidence_asks_between_the_top_two() -> None:
    decision = decide(
        understood("recommend_comic", 0.45, second="ask_sql"),
        "볼만한 거",
        DialogueState("u"),
        **THRESHOLDS,
    )
    assert decision.action is None and decision.fallback
    assert "혹시" in decision.text and "웹툰" in decision.text and "데이터 조회" in decision.text
    assert decision.pending["options"] == ["recommend_comic", "ask_sql"]


def test_yes_runs_the_first_option_with_the_original_message() -> None:
    first = decide(
        understood("recommend_comic", 0.45, second="ask_sql", text="볼만한 거"),
        "볼만한 거",
        DialogueState("u"),
        **THRESHOLDS,
    )
    state = DialogueState("u", pending=first.pending)
    decision = decide(understood("affirm"), "응", state, **THRESHOLDS)
    assert decision.action == "action_recommend_comic" and decision.message["text"] == "볼만한 거"


def test_naming_the_second_option_runs_it() -> None:
    first = decide(
        understood("recommend_comic", 0.45, second="ask_sql"), "x", DialogueState("u"), **THRESHOLDS
    )
    decision = decide(
        understood("ask_sql"),
        "데이터 조회요",
        DialogueState("u", pending=first.pending),
        **THRESHOLDS,
    )
    assert decision.action == "action_ask_sql"


def test_low_confidence_is_out_of_scope() -> None:
    decision = decide(understood("help", 0.2), "asdf", DialogueState("u"), **THRESHOLDS)
    assert decision.action == "action_out_of_scope" and decision.fallback


def test_more_reruns_the_last_list_action_on_the_next_page() -> None:
    state = DialogueState(
        "u",
        slots={"page": 0},
        last_action="action_recommend_video",
        last_message={"text": "영화 추천", "intent": {"name": "recommend_video"}},
    )
    decision = decide(understood("more"), "더 보여줘", state, **THRESHOLDS)
    assert decision.action == "action_recommend_video" and decision.slot_updates["page"] == 1
    assert decision.message["more"] is True


def test_more_with_nothing_shown() -> None:
    decision = decide(understood("more"), "더 보여줘", DialogueState("u"), **THRESHOLDS)
    assert decision.action is None and "목록이 없어요" in decision.text


def test_missing_slot_is_filled_by_the_next_answer() -> None:
    state = DialogueState(
        "u",
        pending={
            "type": "slot",
            "slot": "cell_line",
            "action": "action_drug_lookup",
            "message": {"text": "약물 반응"},
            "intent": "drug_lookup",
        },
    )
    answer = understood("drug_lookup", 0.4, entities=[Entity("cell_line", "A549", "A549", 0, 4)])
    decision = decide(answer, "A549요", state, **THRESHOLDS)
    assert decision.action == "action_drug_lookup" and decision.slot_updates["cell_line"] == "A549"


def test_offer_accepted_shows_more() -> None:
    state = DialogueState(
        "u",
        pending={"type": "offer", "intent": "more"},
        last_action="action_recommend_comic",
        last_message={"text": "웹툰 추천", "intent": {"name": "recommend_comic"}},
    )
    assert (
        decide(understood("affirm"), "응", state, **THRESHOLDS).action == "action_recommend_comic"
    )
    assert decide(understood("deny"), "아니", state, **THRESHOLDS).action is None
