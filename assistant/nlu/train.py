"""Train, save and load the intent + entity model; bundles are cached by a hash of their inputs.

A bundle folder ``$SORI_HOME/models/nlu/<hash>/`` holds ``model.pt`` (weights), ``meta.json``
(intents, tags, config, resolved hyper-parameters, analyzer, versions, validation metrics), so
``load(folder)`` needs nothing else. The hash covers the templates, hand-written training data,
entity vocabularies, the source of the modules that shape the features, and the hyper-parameters.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import torch
import yaml
from torch import nn
from tqdm import tqdm

from assistant.nlu import features, synth
from assistant.nlu.entities import Gazetteer, load_base_entries
from assistant.nlu.features import char_features, hash_ids, ngram_features
from assistant.nlu.model import TAGS, IntentEntityModel, ModelConfig
from assistant.nlu.morph import Analyzer, make_analyzer
from assistant.nlu.synth import CONTEXTS, Example

__all__ = [
    "HPARAMS",
    "Bundle",
    "bundle_path",
    "collate",
    "encode",
    "load",
    "load_or_train",
    "read_hparams",
    "training_examples",
]

logger = logging.getLogger(__name__)
HERE = Path(__file__).parent
HPARAMS = HERE / "hparams.yaml"
TRAIN_EXTRA = HERE / "data" / "train_extra.yaml"
_MAX_CHARS = 160  # the tagger reads at most this many characters


@dataclass
class Bundle:
    """A loaded model with everything needed to run it."""

    model: IntentEntityModel
    intents: list[str]
    hparams: dict[str, Any]
    analyzer: str
    path: Path
    metrics: dict[str, float]


def read_hparams(overrides: dict[str, Any] | None = None, path: Path = HPARAMS) -> dict[str, Any]:
    """The YAML hyper-parameters with ``overrides`` applied; an unknown key is an error."""
    hparams = yaml.safe_load(path.read_text("utf-8"))
    for key, value in (overrides or {}).items():
        if key not in hparams:
            raise KeyError(f"unknown hyper-parameter {key!r}; known: {', '.join(sorted(hparams))}")
        hparams[key] = type(hparams[key])(value)
    return hparams


def _extra_examples() -> list[dict[str, str]]:
    if not TRAIN_EXTRA.exists():
        return []
    return yaml.safe_load(TRAIN_EXTRA.read_text("utf-8")) or []


def bundle_path(model_dir: Path, hparams: dict[str, Any], analyzer: str) -> Path:
    """Cache folder of the bundle trained from these inputs."""
    digest = hashlib.sha256()
    sources = [synth.TEMPLATES, TRAIN_EXTRA, HERE / "data" / "entities.yaml"]
    sources += [
        HERE / f"{name}.py" for name in ("features", "model", "normalize", "synth", "train")
    ]
    for source in sources:
        if source.exists():
            digest.update(source.read_bytes())
    digest.update(json.dumps(hparams, sort_keys=True).encode())
    digest.update(analyzer.encode())
    return model_dir / "nlu" / digest.hexdigest()[:16]


def encode(
    text: str,
    context: str,
    analyzer: Analyzer,
    gazetteer: Gazetteer,
    hparams: dict,
    keep: float = 1.0,
    rng: random.Random | None = None,
) -> dict[str, Any]:
    """Model inputs of one normalized utterance."""
    clipped = text[:_MAX_CHARS]
    return {
        "ngrams": hash_ids(ngram_features(text, analyzer), hparams["ngram_buckets"]) or [0],
        "context": CONTEXTS.index(context),
        "chars": char_features(clipped, hparams["char_buckets"]) or [(0, 0, 0)],
        "gazetteer": gazetteer.coverage(clipped, keep, rng) or [[0.0] * len(features.ENTITY_TYPES)],
    }


def collate(items: list[dict[str, Any]]) -> dict[str, torch.Tensor]:
    """Batch encoded utterances: flat n-gram ids with offsets, padded character tensors."""
    offsets, flat = [], []
    for item in items:
        offsets.append(len(flat))
        flat.extend(item["ngrams"])
    longest = max(len(item["chars"]) for item in items)
    chars = torch.zeros(len(items), longest, 3, dtype=torch.long)
    gazetteer = torch.zeros(len(items), longest, len(features.ENTITY_TYPES))
    for row, item in enumerate(items):
        chars[row, : len(item["chars"])] = torch.tensor(item["chars"])
        gazetteer[row, : len(item["gazetteer"])] = torch.tensor(item["gazetteer"])
    return {
        "ngrams": torch.tensor(flat, dtype=torch.long),
        "offsets": torch.tensor(offsets, dtype=torch.long),
        "context": torch.tensor([item["context"] for item in items], dtype=torch.long),
        "chars": chars,
        "gazetteer": gazetteer,
    }


def training_examples(hparams: dict[str, Any]) -> list[Example]:
    """Synthesized examples plus augmented copies of the hand-written ones."""
    examples = list(
        synth.synthesize(
            hparams["per_intent"], hparams["seed"], contextual_copies=hparams["contextual_copies"]
        )
    )
    rng = random.Random(hparams["seed"] + 1)
    for row in _extra_examples():
        for copy in range(hparams["extra_copies"]):
            chars = [(c, "O") for c in row["text"]]
            chars = chars if copy == 0 else synth.augment(chars, rng)
            example = synth.to_example(chars, row["intent"], row.get("context", "none"))
            if example:
                examples.append(example)
    return examples


def _train(hparams: dict[str, Any], analyzer: Analyzer, out: Path) -> dict[str, float]:
    # Small batches of small layers: one thread is ~20x faster than two fighting the OS for
    # two cores shared with other work (measured), and never slower here.
    torch.set_num_threads(1)
    torch.manual_seed(hparams["seed"])
    rng = random.Random(hparams["seed"])
    examples = training_examples(hparams)
    rng.shuffle(examples)
    intents = sorted({e.intent for e in examples})
    gazetteer = Gazetteer(load_base_entries())
    encoded = []
    for example in tqdm(examples, desc="NLU features", unit="utt", leave=False, disable=None):
        item = encode(
            example.text,
            example.context,
            analyzer,
            gazetteer,
            hparams,
            keep=hparams["gazetteer_keep"],
            rng=rng,
        )
        item["intent"] = intents.index(example.intent)
        item["tags"] = [TAGS.index(t) for t in example.tags[:_MAX_CHARS]] or [0]
        encoded.append(item)
    n_valid = max(1, int(len(encoded) * hparams["validation_share"]))
    valid, train = encoded[:n_valid], encoded[n_valid:]

    config = ModelConfig(
        n_intents=len(intents),
        **{
            k: hparams[k]
            for k in (
                "ngram_buckets",
                "ngram_dim",
                "hidden",
                "dropout",
                "char_buckets",
                "char_dim",
                "tagger_hidden",
            )
        },
    )
    network = IntentEntityModel(config)
    sparse = [network.ngrams.weight, network.chars.weight]
    dense = [p for p in network.parameters() if all(p is not q for q in sparse)]
    optimizers = [
        torch.optim.SparseAdam(sparse, lr=hparams["learning_rate"]),
        torch.optim.Adam(dense, lr=hparams["learning_rate"]),
    ]
    tag_loss = nn.CrossEntropyLoss(ignore_index=-100)
    started = time.perf_counter()
    batch_size = hparams["batch_size"]
    for epoch in range(hparams["epochs"]):
        network.train()
        rng.shuffle(train)
        bar = tqdm(
            range(0, len(train), batch_size),
            desc=f"NLU epoch {epoch + 1}/{hparams['epochs']}",
            unit="batch",
            leave=False,
            disable=None,  # a bar on terminals, silence in CI logs
        )
        for start in bar:
            items = train[start : start + batch_size]
            batch = collate(items)
            tags = torch.full(batch["chars"].shape[:2], -100, dtype=torch.long)
            for row, item in enumerate(items):
                tags[row, : len(item["tags"])] = torch.tensor(item["tags"])
            intent_logits = network.intent_logits(
                batch["ngrams"], batch["offsets"], batch["context"]
            )
            loss = nn.functional.cross_entropy(
                intent_logits, torch.tensor([item["intent"] for item in items])
            )
            tag_logits = network.tag_logits(batch["chars"], batch["gazetteer"])
            loss = loss + hparams["tag_loss_weight"] * tag_loss(
                tag_logits.reshape(-1, len(TAGS)), tags.reshape(-1)
            )
            for optimizer in optimizers:
                optimizer.zero_grad()
            loss.backward()
            for optimizer in optimizers:
                optimizer.step()
            bar.set_postfix(loss=f"{loss.item():.3f}")
    metrics = _validate(network, valid)
    metrics.update(train_s=round(time.perf_counter() - started, 1), examples=len(train))
    out.mkdir(parents=True, exist_ok=True)
    torch.save(network.state_dict(), out / "model.pt")
    meta = {
        "intents": intents,
        "tags": list(TAGS),
        "config": asdict(config),
        "hparams": hparams,
        "analyzer": analyzer.name,
        "metrics": metrics,
        "torch": torch.__version__,
    }
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), "utf-8")
    return metrics


@torch.no_grad()
def _validate(network: IntentEntityModel, valid: list[dict[str, Any]]) -> dict[str, float]:
    network.eval()
    batch = collate(valid)
    predicted = network.intent_logits(batch["ngrams"], batch["offsets"], batch["context"]).argmax(
        -1
    )
    gold = torch.tensor([item["intent"] for item in valid])
    tags = network.tag_logits(batch["chars"], batch["gazetteer"]).argmax(-1)
    correct = total = 0
    for row, item in enumerate(valid):
        gold_tags = torch.tensor(item["tags"])
        correct += int((tags[row, : len(gold_tags)] == gold_tags).sum())
        total += len(gold_tags)
    return {
        "valid_intent_accuracy": round(float((predicted == gold).float().mean()), 4),
        "valid_tag_accuracy": round(correct / max(total, 1), 4),
    }


def load(path: Path) -> Bundle:
    """Load a bundle folder written by training."""
    meta = json.loads((path / "meta.json").read_text("utf-8"))
    network = IntentEntityModel(ModelConfig(**meta["config"]))
    network.load_state_dict(torch.load(path / "model.pt", map_location="cpu", weights_only=True))
    network.eval()
    return Bundle(
        network, meta["intents"], meta["hparams"], meta["analyzer"], path, meta["metrics"]
    )


def load_or_train(
    model_dir: Path, analyzer: str = "kiwi", overrides: dict[str, Any] | None = None
) -> Bundle:
    """The cached bundle for these inputs, training it first (with progress bars) if needed."""
    hparams = read_hparams(overrides)
    path = bundle_path(model_dir, hparams, analyzer)
    if not (path / "meta.json").exists():
        logger.warning("training the intent model (first run; cached in %s)", path)
        tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
        _train(hparams, make_analyzer(analyzer), tmp)
        try:
            tmp.rename(path)
        except OSError:  # another process finished the same bundle first
            shutil.rmtree(tmp, ignore_errors=True)
    return load(path)
