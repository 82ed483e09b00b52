"""Genie-style synthesis, part 3: the registry of template families and the sampler.

``synthesize`` draws families by weight (``hparams.yaml`` → ``synthesis.templates``), adds
spacing/typo noise and returns examples with their family name, so ``sori sql train`` can print
counts and samples per template.
"""

from __future__ import annotations

from collections.abc import Callable

from models.seq2sql import families as fam
from models.seq2sql import lexicon as lx
from models.seq2sql.compound import (
    forced,
    t_event_count,
    t_group,
    t_group_top,
    t_having,
    t_nested,
    t_not_in,
    t_or,
)
from models.seq2sql.synthesis import Builder, Example

__all__ = ["TEMPLATES", "synthesize"]

_FILLERS = ["혹시 ", "그럼 ", "저기 ", "음 ", "그러면 ", "근데 ", "아 "]


TEMPLATES: dict[str, Callable[[Builder], Example | None]] = {
    "list": fam.t_list,
    "lookup": fam.t_lookup,
    "lookup_parent": fam.t_lookup_parent,
    "count": fam.t_count,
    "count_distinct": fam.t_count_distinct,
    "aggregate": fam.t_aggregate,
    "superlative": fam.t_superlative,
    "top_n": fam.t_top_n,
    "sort": fam.t_sort,
    "group": t_group,
    "group_top": t_group_top,
    "having": t_having,
    "distinct": fam.t_distinct,
    "nested": t_nested,
    "or": t_or,
    "between": forced("between"),
    "negation": forced("negation"),
    "date": forced("date"),
    "boolean": forced("boolean"),
    "like": forced("like"),
    "not_in": t_not_in,
    "event_count": t_event_count,
}


def synthesize(
    builder: Builder,
    n: int,
    weights: dict[str, float],
    space_rate: float = 0.1,
    typo_rate: float = 0.02,
    max_tries: int = 4,
) -> list[Example]:
    """Draw ``n`` examples from the template families by weight, with spacing/typo noise.

    Args:
        builder: phrase pieces of the database.
        n: examples wanted (fewer when families find nothing to say about this schema).
        weights: family name → relative weight (unknown names are an error).
        space_rate: chance to drop each space between template words.
        typo_rate: chance of one typo per template word.
        max_tries: attempts per example before giving up on it.
    """
    unknown = set(weights) - set(TEMPLATES)
    if unknown:
        raise ValueError(
            f"unknown synthesis templates {sorted(unknown)}; known: {sorted(TEMPLATES)}"
        )
    names = [k for k, w in weights.items() if w > 0]
    probs = [weights[k] for k in names]
    out: list[Example] = []
    dead: set[str] = set()
    for _ in range(n):
        for _ in range(max_tries):
            live = [(k, p) for k, p in zip(names, probs, strict=True) if k not in dead]
            if not live:
                return out
            name = builder.rng.choices([k for k, _ in live], [p for _, p in live])[0]
            example = TEMPLATES[name](builder)
            if example is None:
                if all(TEMPLATES[name](builder) is None for _ in range(12)):
                    dead.add(name)
                continue
            question = lx.noise(example.question, builder.rng, space_rate, typo_rate)
            if builder.rng.random() < 0.3:
                question = question.rstrip("?.")
            if builder.rng.random() < 0.06:
                question = builder.rng.choice(_FILLERS) + question
            out.append(Example(question, example.query, example.template))
            break
    return out
