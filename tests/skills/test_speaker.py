"""action_set_speaker through the real Action: choice, persistence in users.speaker, answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from db.engine import make_engine, session_scope
from db.migrate import upgrade
from db.schema import User
from models.speech.tts.espeak import ESPEAK_SPEAKERS
from skills._runtime import SkillRuntime, configure
from skills.speaker import SetSpeaker, choose_speaker


@pytest.fixture()
def engine(tmp_path: Path):  # noqa: ANN201
    engine = make_engine(f"sqlite:///{tmp_path / 'app.db'}")
    upgrade(engine)
    configure(SkillRuntime(engine=engine, home=tmp_path))
    return engine


def _tracker(
    text: str, entity: object = None, user: str = "u1", slot: str | None = None
) -> Tracker:
    entities = [] if entity is None else [{"entity": "speaker", "value": entity}]
    return Tracker(
        user,
        {"speaker": slot},
        {"text": text, "intent": {"name": "set_speaker"}, "entities": entities},
        [],
        False,
        None,
        {},
        None,
    )


def _run(text: str, entity: object = None, user: str = "u1") -> tuple[str, list, dict]:
    dispatcher = CollectingDispatcher()
    events = SetSpeaker().run(dispatcher, _tracker(text, entity, user), {})
    message = dispatcher.messages[-1]
    return message["text"], events, message.get("custom") or message.get("json_message") or {}


def _saved(engine, user: str = "u1") -> str | None:  # noqa: ANN001
    with session_scope(engine) as session:
        row = session.get(User, user)
        return row.speaker if row else None


def test_name() -> None:
    assert SetSpeaker().name() == "action_set_speaker"


@pytest.mark.parametrize(
    ("text", "entity", "expected"),
    [
        ("2번 화자", 2, "2"),
        ("2번 화자로 말해줘", None, "2"),
        ("삼 번으로 화자 변경", None, "3"),
        ("여자 목소리로 바꿔줘", "female", "1"),
        ("남자 목소리", "male", "2"),
        ("남자 목소리로 더 빠르게", None, "6"),
        ("더 빠르게 말해줘", "faster", "3"),
        ("말 좀 더 천천히 해 주세요", None, "4"),
        ("낮은 목소리로 해줘", "lower", "2"),
        ("목소리가 별로야", None, "2"),
        ("speak faster please", None, "3"),
    ],
)
def test_switch_persists(engine, text: str, entity: object, expected: str) -> None:  # noqa: ANN001
    answer, events, custom = _run(text, entity)
    assert events == [{"event": "slot", "timestamp": None, "name": "speaker", "value": expected}]
    assert _saved(engine) == expected
    assert f"{expected}번 화자" in answer
    assert ("바꿨어요" in answer) != (expected == "1")  # "1" is already on: "이미 1번 화자로 …"
    assert custom.get("speaker") == expected


def test_complaint_moves_on_from_the_saved_voice(engine) -> None:  # noqa: ANN001
    _run("4번 화자로")
    _, events, _ = _run("목소리가 별로야")
    assert _saved(engine) == "5"
    _, events, _ = _run("목소리 너무 기계 같아서 듣기 싫어")
    assert _saved(engine) == "6"


def test_ask_current_voice_does_not_change_it(engine) -> None:  # noqa: ANN001
    _run("남자 목소리")
    answer, events, _ = _run("지금 목소리 뭐야?")
    assert answer.startswith("지금은 2번 화자(남성 낮은 목소리)예요.")
    assert _saved(engine) == "2"
    assert events[0]["value"] == "2"


def test_list_voices(engine) -> None:  # noqa: ANN001
    answer, _, custom = _run("어떤 목소리 있어?")
    assert "1번 화자(여성 (기본))" in answer and "6번 화자" in answer
    assert len(custom["speakers"]) == len(ESPEAK_SPEAKERS)
    assert _saved(engine) is None


def test_unknown_number(engine) -> None:  # noqa: ANN001
    answer, events, _ = _run("9번 화자로 바꿔줘")
    assert events == [] and "없어요" in answer
    assert _saved(engine) is None


def test_same_voice_again(engine) -> None:  # noqa: ANN001
    _run("2번 화자")
    answer, _, _ = _run("2번 화자")
    assert answer.startswith("이미 2번 화자")


def test_users_are_separate(engine) -> None:  # noqa: ANN001
    _run("3번 화자", user="a")
    _run("5번 화자", user="b")
    assert (_saved(engine, "a"), _saved(engine, "b")) == ("3", "5")


def test_choose_speaker_relative_to_current() -> None:
    speakers = list(ESPEAK_SPEAKERS)
    faster, why = choose_speaker("더 빠르게", "faster", speakers[1], speakers)  # from 남성 낮은
    assert why == "features" and faster.gender == "male" and faster.rate > speakers[1].rate
