"""Understanding one turn: normalize → intent ranking + entities, in the dialogue's context."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import torch

from assistant.nlu.entities import Entity, Gazetteer, load_base_entries
from assistant.nlu.model import TAGS
from assistant.nlu.morph import make_analyzer
from assistant.nlu.normalize import normalize
from assistant.nlu.synth import CONTEXTS
from assistant.nlu.train import Bundle, collate, encode, load_or_train
from models.quant import quantize_dynamic_int8

__all__ = ["Nlu", "Understanding"]


@dataclass
class Understanding:
    """What the NLU made of one utterance."""

    text: str  # normalized
    intent: str
    confidence: float
    ranking: list[tuple[str, float]]
    entities: list[Entity] = field(default_factory=list)
    truncated: bool = False

    def entity(self, entity_type: str) -> object | None:
        """The value of the first entity of this type, or None."""
        return next((e.value for e in self.entities if e.type == entity_type), None)


class Nlu:
    """The trained intent + entity model with its gazetteer; ``understand`` is thread-safe."""

    def __init__(self, bundle: Bundle, gazetteer: Gazetteer) -> None:
        self.bundle = bundle
        self.gazetteer = gazetteer
        self._analyzer = make_analyzer(bundle.analyzer)

    @classmethod
    def load(
        cls,
        model_dir: Path,
        analyzer: str = "kiwi",
        known: dict[str, Iterable[str]] | None = None,
        quant: str = "fp32",
    ) -> Nlu:
        """Load (training first if needed) and add known values (titles, drugs…) to the gazetteer.

        ``quant="int8"`` serves the model with int8 dynamic quantization of its Linear/GRU layers.
        """
        torch.set_num_threads(1)  # tiny layers: one thread per request beats contention
        gazetteer = Gazetteer(load_base_entries())
        for entity_type, values in (known or {}).items():
            gazetteer = gazetteer.with_values(entity_type, values)
        bundle = load_or_train(model_dir, analyzer)
        if quant == "int8":
            bundle.model = quantize_dynamic_int8(bundle.model)
        return cls(bundle, gazetteer)

    @torch.no_grad()
    def understand(self, text: str, context: str = "none") -> Understanding:
        """Rank intents and extract entities of ``text`` said in ``context`` (see ``CONTEXTS``)."""
        normalized = normalize(text)
        clean = normalized.text
        if context not in CONTEXTS:
            raise ValueError(f"unknown context {context!r}; expected one of {CONTEXTS}")
        batch = collate(
            [encode(clean, context, self._analyzer, self.gazetteer, self.bundle.hparams)]
        )
        network = self.bundle.model
        probs = network.intent_logits(batch["ngrams"], batch["offsets"], batch["context"])
        probs = probs.softmax(-1)[0]
        order = probs.argsort(descending=True).tolist()
        ranking = [(self.bundle.intents[i], round(float(probs[i]), 4)) for i in order]
        entities = self._entities(clean, network.tag_logits(batch["chars"], batch["gazetteer"])[0])
        return Understanding(
            text=clean,
            intent=ranking[0][0],
            confidence=ranking[0][1],
            ranking=ranking,
            entities=entities,
            truncated=normalized.truncated,
        )

    def _entities(self, text: str, tag_logits: torch.Tensor) -> list[Entity]:
        tags = [TAGS[i] for i in tag_logits.argmax(-1).tolist()]
        spans: list[tuple[int, int, str]] = []
        start, span_type = None, ""
        for i, tag in enumerate([*tags[: len(text)], "O"]):
            inside = tag.startswith("I-") and start is not None and span_type == tag[2:]
            if start is not None and not inside:
                spans.append((start, i, span_type))
                start = None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start, span_type = i, tag[2:]
        for g_start, g_end, g_type in self.gazetteer.closed_matches(text):
            overlapping = [sp for sp in spans if sp[0] < g_end and g_start < sp[1]]
            # A known form wins over tagger spans it contains ("션" inside "액션"), and fills gaps.
            if all(sp[2] == g_type and g_start <= sp[0] and sp[1] <= g_end for sp in overlapping):
                spans = [sp for sp in spans if sp not in overlapping] + [(g_start, g_end, g_type)]
        entities = []
        for s, e, entity_type in sorted(spans):
            surface = text[s:e].strip()
            value = self.gazetteer.resolve(entity_type, surface) if surface else None
            if value not in (None, ""):
                entities.append(Entity(entity_type, value, surface, s, e))
        return entities
