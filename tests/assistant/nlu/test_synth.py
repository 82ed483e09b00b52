"""Template synthesis: labels, entity tags that survive normalization, and particle agreement."""

from collections import Counter

from assistant.nlu.synth import CONTEXTS, load_templates, synthesize
from models.korean import has_final_consonant


def _spans(example):  # noqa: ANN001, ANN202
    spans, current = [], None
    for ch, tag in zip(example.text, example.tags, strict=True):
        if tag.startswith("B-"):
            current = [tag[2:], ch]
            spans.append(current)
        elif tag.startswith("I-") and current:
            current[1] += ch
        else:
            current = None
    return spans


def test_every_intent_is_synthesized_with_aligned_tags() -> None:
    examples = list(synthesize(per_intent=60, seed=3))
    intents = Counter(e.intent for e in examples)
    assert set(intents) == set(load_templates()["intents"])
    assert all(len(e.tags) == len(e.text) for e in examples)
    assert all(e.context in CONTEXTS for e in examples)
    tagged = [s for e in examples for s in _spans(e)]
    assert any(t == "genre" for t, _ in tagged) and any(t == "cell_line" for t, _ in tagged)


def test_same_seed_same_examples() -> None:
    assert list(synthesize(20, seed=5)) == list(synthesize(20, seed=5))


def test_spoken_counts_become_digits_inside_the_entity() -> None:
    examples = [e for e in synthesize(per_intent=400, seed=11) if e.intent == "recommend_comic"]
    counts = [text for e in examples for t, text in _spans(e) if t == "count"]
    assert counts and any(c.startswith(("5", "3", "10")) for c in counts)
    assert not any("다섯" in c for c in counts)


def test_particles_mostly_agree_with_the_final_consonant(tmp_path) -> None:  # noqa: ANN001
    spec = tmp_path / "templates.yaml"
    spec.write_text(
        "entity_slots: {}\nslots:\n  thing: [책, 영화, 웹툰, 드라마, 상품, 가격]\nphrases: {}\n"
        "intents:\n  ask_sql: ['{thing}(이|가) 뭐야', '{thing}(은|는) 몇 개야', '{thing}(을|를) 보여줘']\n"
        "contextual: []\n",
        encoding="utf-8",
    )
    right = wrong = 0
    for example in synthesize(per_intent=300, seed=2, path=spec):
        compact = example.text.replace(" ", "")
        stem = next(
            (t for t in ("책", "영화", "웹툰", "드라마", "상품", "가격") if compact.startswith(t)),
            None,
        )
        if stem is None or len(compact) == len(stem):
            continue  # a typo hit the noun itself
        particle = compact[len(stem)]
        ok = (particle in "이은을") == has_final_consonant(stem)
        right, wrong = right + ok, wrong + (not ok)
    # mostly right; sometimes wrong on purpose (people type so) or after a typo in the noun
    assert right > 3 * wrong > 0
