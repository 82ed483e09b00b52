"""Grammar-constrained beam search over the parser's outputs.

At every step only the tokens the grammar allows (``grammar.State.allowed``) are scored; their
log-probabilities are renormalized among themselves, so a beam never holds an ill-formed query.
Execution-guided choice among the finished beams happens in ``serve``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from models.seq2sql.features import SchemaItems
from models.seq2sql.grammar import Grammar, State
from models.seq2sql.ir import KEYWORDS, Query
from models.seq2sql.parser import Seq2SqlParser

__all__ = ["Hypothesis", "beam_search"]

_KW = {k: i for i, k in enumerate(KEYWORDS)}


@dataclass
class Hypothesis:
    """A finished beam: the query, its output ids and log-probability."""

    query: Query
    ids: list[int]
    logp: float


def _allowed_ids(state: State, items: SchemaItems, n_schema: int) -> list[int]:
    allowed = state.allowed()
    k = len(KEYWORDS)
    ids = [_KW[w] for w in allowed.keywords]
    ids += [k + items.index[t] for t in allowed.tables]
    ids += [k + items.index[c] for c in allowed.columns]
    ids += [k + n_schema + v for v in allowed.values]
    return ids


def _token(i: int, items: SchemaItems, n_schema: int) -> object:
    k = len(KEYWORDS)
    if i < k:
        return KEYWORDS[i]
    j = i - k
    if j < n_schema:
        return ("tab" if items.kinds[j] == 0 else "col", items.keys[j])
    return ("val", j - n_schema)


@torch.no_grad()
def beam_search(
    models: list[Seq2SqlParser],
    batch: dict[str, torch.Tensor],
    items: SchemaItems,
    grammar: Grammar,
    beam: int = 6,
    max_steps: int = 40,
) -> list[Hypothesis]:
    """Best-first finished hypotheses for one encoded question (batch of size 1).

    Args:
        models: the parsers (eval mode); each step averages their log-probabilities.
        batch: ``features.collate`` of one example, as tensors.
        items: the schema items of that example (padded schema size = ``len(items.keys)``).
        grammar: typing rules for this question's candidates.
        beam: beam width.
        max_steps: longest output.
    """
    encoded = [model.encode(batch) for model in models]
    n_q, n_schema = batch["q_ids"].shape[1], len(items.keys)
    alive: list[tuple[float, list[int], State]] = [(0.0, [], grammar.start())]
    done: list[Hypothesis] = []
    for _ in range(max_steps):
        prev = torch.tensor([[-1] + ids for _, ids, _ in alive], dtype=torch.long)
        n = len(alive)
        logits = [  # per model: (n, K + I)
            model.decode(memory.expand(n, -1, -1), mask.expand(n, -1), prev, n_q)[:, -1].numpy()
            for model, (memory, mask) in zip(models, encoded, strict=True)
        ]
        expansions: list[tuple[float, list[int], State, int]] = []
        for b, (score, ids, state) in enumerate(alive):
            allowed = _allowed_ids(state, items, n_schema)
            if not allowed:
                continue
            rows = [lg[b, allowed] for lg in logits]
            logp = np.mean([row - np.logaddexp.reduce(row) for row in rows], axis=0)
            logp -= np.logaddexp.reduce(logp)  # the members' geometric mean, normalized
            for j in np.argsort(-logp)[:beam]:
                expansions.append((score + float(logp[j]), ids, state, allowed[j]))
        expansions.sort(key=lambda e: -e[0])
        alive = []
        for score, ids, state, token_id in expansions:
            if len(alive) >= beam:
                break
            new_state = state.copy()
            new_state.advance(_token(token_id, items, n_schema))
            if new_state.done:
                done.append(Hypothesis(new_state.query(), ids + [token_id], score))
            else:
                alive.append((score, ids + [token_id], new_state))
        done.sort(key=lambda h: -h.logp)
        if not alive or (len(done) >= beam and done[beam - 1].logp >= alive[0][0]):
            break
    return done[:beam]
