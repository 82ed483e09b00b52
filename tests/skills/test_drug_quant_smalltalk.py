"""Drug lookup, quantized-model info and small talk through the real Actions."""

from models.quant import register_model
from skills import DrugLookup, Greet, Help, OutOfScope, QuantInfo


def _entity(name, value):  # noqa: ANN001, ANN202
    return {"entity": name, "value": value, "start": 0, "end": 1}


def test_pair_lookup_is_labelled_demo(run_action) -> None:  # noqa: ANN001
    messages, events = run_action(
        DrugLookup(),
        "K-562에 이매티닙 반응 어때?",
        "drug_lookup",
        [_entity("cell_line", "K562"), _entity("drug", "이매티닙")],
    )
    text = messages[0]["text"]
    assert "K-562" in text and "Imatinib" in text and "데모" in text and "민감" in text
    assert messages[0]["custom"]["table"]["rows"][0][:2] == ["K-562", "Imatinib"]


def test_best_drugs_for_a_cell_are_sorted(run_action) -> None:  # noqa: ANN001
    messages, _ = run_action(
        DrugLookup(),
        "A549에 잘 듣는 약",
        "drug_lookup",
        [_entity("cell_line", "A549")],
        slots={"drug": "Imatinib"},
    )
    values = [row[2] for row in messages[0]["custom"]["table"]["rows"]]
    assert values == sorted(values) and len(values) > 1  # the remembered drug did not narrow it


def test_missing_names_ask_for_them(run_action) -> None:  # noqa: ANN001
    messages, _ = run_action(DrugLookup(), "약물 반응 알려줘", "drug_lookup")
    assert messages[0]["custom"]["ask_slot"] == "cell_line"


def test_unknown_cell_line(run_action) -> None:  # noqa: ANN001
    messages, _ = run_action(
        DrugLookup(), "XYZ-9에 시스플라틴", "drug_lookup", [_entity("cell_line", "XYZ-9")]
    )
    assert "없어요" in messages[0]["text"]


def test_quant_info_explains_and_filters(run_action, engine) -> None:  # noqa: ANN001
    register_model(
        engine,
        model="intent-classifier",
        method="qat",
        bits=4,
        metric_name="acc",
        metric=0.93,
        size_mb=0.5,
    )
    register_model(
        engine,
        model="intent-classifier",
        method="ptq",
        bits=4,
        metric_name="acc",
        metric=0.90,
        size_mb=0.5,
    )
    messages, _ = run_action(
        QuantInfo(), "4비트 모델 중에 제일 정확한 건?", "quant_info", [_entity("bits", 4)]
    )
    assert "qat" in messages[0]["text"] and len(messages[0]["custom"]["table"]["rows"]) == 2
    messages, _ = run_action(QuantInfo(), "QAT가 뭐야?", "quant_info", [_entity("method", "qat")])
    assert "양자화 인식 학습" in messages[0]["text"]


def test_small_talk(run_action) -> None:  # noqa: ANN001
    greeting, events = run_action(Greet(), "안녕", "greet")
    assert "소리" in greeting[0]["text"] and events[0]["name"] == "greeted"
    assert "추천" in run_action(Help(), "뭐 할 수 있어?", "help")[0][0]["text"]
    assert "죄송" in run_action(OutOfScope(), "날씨 어때", "out_of_scope")[0][0]["text"]
