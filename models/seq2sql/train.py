"""Training: synthesize, link and encode examples, fit the parser, save and cache the bundle.

A bundle lives under ``$SORI_HOME/models/seq2sql/<key>/`` where the key hashes the schema and
annotation, the values, the resolved hyper-parameters and the source code of this package; when it
exists, training is skipped. It holds ``model.pt``, ``config.json``, ``vocab.json``,
``hparams.yaml``, ``schema.json``, ``values.json`` and ``meta.json`` so ``serve.SqlParser.load``
needs nothing else.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import multiprocessing
import random
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import torch
import yaml
from tqdm import tqdm

from models.seq2sql.context import Database
from models.seq2sql.features import (
    Encoded,
    SchemaItems,
    Vocab,
    collate,
    encode,
    schema_items,
    target_ids,
)
from models.seq2sql.linking import ValueIndex, link, normalize_question
from models.seq2sql.parser import ParserConfig, Seq2SqlParser
from models.seq2sql.schema import Schema
from models.seq2sql.synthesis import Builder, Example
from models.seq2sql.templates import synthesize

__all__ = [
    "TRAINED_WITH",
    "TrainResult",
    "bundle_key",
    "code_version",
    "fit",
    "prepare",
    "train_parser",
]

logger = logging.getLogger(__name__)
_PACKAGE = Path(__file__).parent


# Modules that only run a trained model (decoding, answers, safety, benchmarks): editing them
# must not retrain every cached parser.
_SERVING_ONLY = frozenset(
    {
        "__init__.py",
        "answer.py",
        "bench.py",
        "dialogue.py",
        "evaluate.py",
        "safety.py",
        "serve.py",
        "service.py",
    }
)


def code_version() -> str:
    """A hash of the source that shapes a trained parser, part of every bundle key."""
    digest = hashlib.sha256()
    sources = [p for p in sorted(_PACKAGE.glob("*.py")) if p.name not in _SERVING_ONLY]
    # models/korean reads numbers and particles for synthesis and linking
    sources += sorted((_PACKAGE.parent / "korean").glob("*.py"))
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# The hyper-parameter sections a database's parser is trained with. ``decode`` is read when
# serving and retrains nothing; ``wikisql`` shapes only the WikiSQL benchmark's own bundle.
TRAINED_WITH = ("seed", "synthesis", "linking", "model", "train")


def bundle_key(
    fingerprint: str, hp: dict[str, Any], sections: tuple[str, ...] = TRAINED_WITH
) -> str:
    """The cache key of a bundle: data fingerprint + the hyper-parameter ``sections`` it was
    trained with + code version."""
    trained_with = {section: hp[section] for section in sections}
    payload = json.dumps(
        {"data": fingerprint, "hp": trained_with, "code": code_version()}, sort_keys=True
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:20]


@dataclass
class TrainResult:
    """What ``train_parser`` did."""

    path: Path
    examples: int
    train_s: float
    cached: bool
    template_counts: dict[str, int] = field(default_factory=dict)
    samples: dict[str, list[str]] = field(default_factory=dict)
    dropped: int = 0
    train_cpu_s: float = (
        0.0  # CPU time of this process: a wall-clock-free measure on shared machines
    )


def prepare(
    pairs: list[tuple[str, Any, int]],
    schemas: list[Schema],
    indexes: list[ValueIndex],
    items: list[SchemaItems],
    vocab: Vocab,
    max_candidates: int,
    desc: str = "encode",
) -> list[Encoded]:
    """Link and encode (question, Query, schema index) triples; unlinkable ones are dropped."""
    out = []
    for question, query, s in tqdm(pairs, desc=desc, file=sys.stderr, leave=False, mininterval=2):
        links = link(question, schemas[s], indexes[s], max_candidates)
        enc = encode(question, links, items[s], vocab, s)
        target = target_ids(query, items[s], links.candidates)
        if target is not None:
            enc.target = target
            out.append(enc)
    return out


def _to_tensors(batch: dict[str, np.ndarray]) -> dict[str, torch.Tensor]:
    return {k: torch.from_numpy(v) for k, v in batch.items()}


def exact_match(
    model: Seq2SqlParser, data: list[Encoded], items: list[SchemaItems], batch_size: int = 64
) -> float:
    """Share of examples whose greedy teacher-forced tokens all equal the gold (a quick check)."""
    if not data:
        return float("nan")
    model.eval()
    hits = 0
    with torch.no_grad():
        for i in range(0, len(data), batch_size):
            batch = _to_tensors(collate(data[i : i + batch_size], items))
            pred = model(batch).argmax(-1)
            gold = batch["gold"]
            hits += int(((pred == gold) | (gold == -100)).all(1).sum())
    return hits / len(data)


def fit(
    data: list[Encoded],
    items: list[SchemaItems],
    vocab: Vocab,
    hp: dict[str, Any],
    weights: list[float] | None = None,
) -> tuple[list[Seq2SqlParser], dict[str, float | int]]:
    """Train ``train.ensemble`` fresh parsers on encoded examples, one per seed (``seed``,
    ``seed + 1``…), each in its own process when there are several: one network trains on one
    core, so two train in the time of one on two cores. Decoding averages their predictions,
    which steadies what one network learns from one random draw of synthesized data.

    Args:
        data: encoded examples with targets.
        items: schema items indexed by ``Encoded.schema``.
        vocab: the character vocabulary.
        hp: resolved hyper-parameters (``model``, ``train`` sections).
        weights: sampling weight per example (default uniform).

    Returns:
        The models (eval mode) and a history with first/last loss and held-out exact match
        (averaged over the members).
    """
    seeds = [hp["seed"] + i for i in range(hp["train"]["ensemble"])]
    if len(seeds) == 1:
        results = [_fit_one(data, items, vocab, hp, weights, seeds[0])]
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=len(seeds), mp_context=context) as pool:
            futures = [
                pool.submit(_fit_one, data, items, vocab, hp, weights, seed) for seed in seeds
            ]
            results = [f.result() for f in futures]
    models = []
    for state, _ in results:
        model = Seq2SqlParser(ParserConfig(vocab_size=len(vocab), **hp["model"]))
        model.load_state_dict(state)
        models.append(model.eval())
    # the members share their data: only the losses and the exact match differ
    first = results[0][1]
    history = {
        key: float(np.mean([h[key] for _, h in results])) if isinstance(value, float) else value
        for key, value in first.items()
    }
    return models, history


def _fit_one(
    data: list[Encoded],
    items: list[SchemaItems],
    vocab: Vocab,
    hp: dict[str, Any],
    weights: list[float] | None,
    seed: int,
) -> tuple[dict[str, torch.Tensor], dict[str, float | int]]:
    """One member of ``fit``: its weights (a state dict crosses processes) and history."""
    tr = hp["train"]
    torch.manual_seed(seed)
    torch.set_num_threads(tr["threads"])
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(data))
    n_val = int(len(data) * tr["val_fraction"])
    val = [data[i] for i in order[:n_val]]
    train_idx = order[n_val:]
    probs = None
    if weights is not None:
        w = np.array([weights[i] for i in train_idx], dtype=float)
        probs = w / w.sum()
    cfg = ParserConfig(vocab_size=len(vocab), **hp["model"])
    model = Seq2SqlParser(cfg)
    optim = torch.optim.AdamW(model.parameters(), lr=tr["lr"], weight_decay=tr["weight_decay"])
    total = tr["steps"]
    warm = tr["warmup_steps"]

    def schedule(step: int) -> float:
        if step < warm:
            return (step + 1) / warm
        return 0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * (step - warm) / max(1, total - warm)))

    sched = torch.optim.lr_scheduler.LambdaLR(optim, schedule)
    model.train()
    losses = []
    member = seed - hp["seed"]
    bar = tqdm(
        range(total),
        desc=f"train parser {member + 1}/{tr['ensemble']}",
        file=sys.stderr,
        mininterval=5,
        position=member,
    )
    for step in bar:
        picked = rng.choice(train_idx, size=min(tr["batch_size"], len(train_idx)), p=probs)
        batch = _to_tensors(collate([data[i] for i in picked], items))
        if tr["token_dropout"]:
            drop = (torch.rand(batch["q_ids"].shape) < tr["token_dropout"]) & (batch["q_ids"] > 3)
            batch["q_ids"] = batch["q_ids"].masked_fill(drop, 1)
        logits = model(batch)
        loss = torch.nn.functional.cross_entropy(
            logits.reshape(-1, logits.shape[-1]), batch["gold"].reshape(-1), ignore_index=-100
        )
        optim.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), tr["grad_clip"])
        optim.step()
        sched.step()
        losses.append(loss.item())
        if step % 50 == 0:
            bar.set_postfix(loss=f"{np.mean(losses[-50:]):.3f}")
    model.eval()
    history = {
        "loss_first": float(np.mean(losses[:20])),
        "loss_last": float(np.mean(losses[-50:])),
        "val_exact": exact_match(model, val, items),
        "n_train": len(train_idx),
        "n_val": n_val,
    }
    return model.state_dict(), history


def save_bundle(
    path: Path,
    models: list[Seq2SqlParser],
    vocab: Vocab,
    hp: dict[str, Any],
    schema: Schema | None,
    values: dict[str, list[str]] | None,
    meta: dict[str, Any],
) -> None:
    """Write every file ``serve.SqlParser.load`` needs (atomically: a temp folder renamed)."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    torch.save([m.state_dict() for m in models], tmp / "model.pt")
    (tmp / "config.json").write_text(json.dumps(models[0].cfg.to_dict()), encoding="utf-8")
    (tmp / "vocab.json").write_text(json.dumps(vocab.tokens, ensure_ascii=False), encoding="utf-8")
    (tmp / "hparams.yaml").write_text(
        yaml.safe_dump(hp, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    if schema is not None:
        (tmp / "schema.json").write_text(
            json.dumps(schema.to_dict(), ensure_ascii=False), encoding="utf-8"
        )
    if values is not None:
        (tmp / "values.json").write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    meta = {**meta, "code_version": code_version(), "torch": torch.__version__}
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    if path.exists():
        import shutil

        shutil.rmtree(path)
    tmp.rename(path)


def train_parser(
    db: Database, hp: dict[str, Any], model_dir: Path, force: bool = False
) -> TrainResult:
    """Train (or reuse) the parser of one database.

    Args:
        db: the database (schema, annotation, values).
        hp: resolved hyper-parameters (``config.load_hparams``).
        model_dir: ``$SORI_HOME/models``; the bundle goes to ``seq2sql/<key>/``.
        force: retrain even when the bundle exists.
    """
    path = model_dir / "seq2sql" / bundle_key(db.fingerprint(), hp)
    if (path / "model.pt").exists() and not force:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        logger.info("parser bundle %s exists, skipping training", path)
        return TrainResult(
            path,
            meta["examples"],
            meta["train_s"],
            True,
            meta.get("template_counts", {}),
            train_cpu_s=meta.get("train_cpu_s", 0.0),
        )
    logger.warning(
        "no cached parser for %s: training one now (this takes a few minutes)", db.schema.database
    )
    start, cpu_start = time.perf_counter(), time.process_time()
    syn = hp["synthesis"]
    builder = Builder(db.schema, db.values, random.Random(hp["seed"]), syn["spoken_rate"])
    examples: list[Example] = synthesize(
        builder, syn["n_examples"], syn["templates"], syn["space_rate"], syn["typo_rate"]
    )
    counts = Counter(e.template for e in examples)
    samples: dict[str, list[str]] = {}
    for e in examples:
        if len(samples.setdefault(e.template, [])) < 3:
            samples[e.template].append(e.question)
    questions = [normalize_question(e.question, db.index.protected) for e in examples]
    vocab = Vocab.build(
        questions
        + [n for t in db.schema.tables for n in t.names]
        + [n for c in db.schema.columns for n in c.names]
    )
    items = [schema_items(db.schema, vocab)]
    data = prepare(
        [(q, e.query, 0) for q, e in zip(questions, examples, strict=True)],
        [db.schema],
        [db.index],
        items,
        vocab,
        hp["linking"]["max_candidates"],
    )
    if not data:
        from models.errors import SqlError

        raise SqlError(
            f"no trainable example for {db.schema.database}",
            "이 데이터베이스로는 학습할 질문을 만들지 못했어요.",
        )
    models, history = fit(data, items, vocab, hp)
    train_s, train_cpu_s = time.perf_counter() - start, time.process_time() - cpu_start
    from models.seq2sql.serve import SqlParser  # serving needs the trained model; import here

    probe = SqlParser(models, vocab, hp, db)
    latency = sorted(probe.predict(e.question).elapsed_ms for e in examples[:12])
    meta = {
        "database": db.schema.database,
        "examples": len(data),
        "dropped": len(examples) - len(data),
        "train_s": round(train_s, 1),
        "train_cpu_s": round(train_cpu_s, 1),
        "template_counts": dict(counts),
        "latency_ms": round(latency[len(latency) // 2], 1) if latency else None,
        **history,
    }
    save_bundle(path, models, vocab, hp, db.schema, db.index.to_dict(), meta)
    return TrainResult(
        path,
        len(data),
        train_s,
        False,
        dict(counts),
        samples,
        len(examples) - len(data),
        train_cpu_s,
    )
