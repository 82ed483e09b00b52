"""The intent + entity network: a fastText-style bag of hashed n-grams for the intent, and a
character BiGRU tagger (with gazetteer features) for entities. Plain ``nn.Linear``/``nn.GRU``/
``nn.EmbeddingBag`` layers, so post-training and quantization-aware methods apply directly.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn

from assistant.nlu.features import ENTITY_TYPES
from assistant.nlu.synth import CONTEXTS

__all__ = ["TAGS", "IntentEntityModel", "ModelConfig"]

TAGS = ("O", *(f"{p}-{t}" for t in ENTITY_TYPES for p in ("B", "I")))


@dataclass(frozen=True)
class ModelConfig:
    """Sizes of the network (see ``hparams.yaml``)."""

    n_intents: int
    ngram_buckets: int = 65536
    ngram_dim: int = 64
    hidden: int = 128
    dropout: float = 0.2
    char_buckets: int = 8192
    char_dim: int = 48
    tagger_hidden: int = 64

    def __post_init__(self) -> None:
        if self.n_intents < 2:
            raise ValueError(f"n_intents must be at least 2, got {self.n_intents}")


class IntentEntityModel(nn.Module):
    """Scores intents for an utterance in a context and tags its characters with BIO labels."""

    def __init__(self, config: ModelConfig) -> None:
        super().__init__()
        self.config = config
        # Sparse gradients: a batch touches a few thousand of the 65k rows; dense Adam over all of
        # them would cost more than the rest of the step.
        self.ngrams = nn.EmbeddingBag(
            config.ngram_buckets, config.ngram_dim, mode="mean", sparse=True
        )
        self.context = nn.Embedding(len(CONTEXTS), config.ngram_dim)
        self.intent_head = nn.Sequential(
            nn.Linear(2 * config.ngram_dim, config.hidden),
            nn.ReLU(),
            nn.Dropout(config.dropout),
            nn.Linear(config.hidden, config.n_intents),
        )
        self.chars = nn.Embedding(config.char_buckets, config.char_dim, padding_idx=0, sparse=True)
        self.gazetteer = nn.Linear(len(ENTITY_TYPES), config.char_dim)
        self.encoder = nn.GRU(
            config.char_dim, config.tagger_hidden, batch_first=True, bidirectional=True
        )
        self.tag_head = nn.Linear(2 * config.tagger_hidden, len(TAGS))

    def intent_logits(
        self, ngram_ids: torch.Tensor, offsets: torch.Tensor, context_ids: torch.Tensor
    ) -> torch.Tensor:
        """Intent scores (B, n_intents) from flat n-gram ids, their offsets (B,) and contexts (B,)."""
        bag = self.ngrams(ngram_ids, offsets)  # (B, D)
        return self.intent_head(torch.cat([bag, self.context(context_ids)], dim=-1))

    def tag_logits(self, char_ids: torch.Tensor, gazetteer: torch.Tensor) -> torch.Tensor:
        """Tag scores (B, T, n_tags) from char/bigram ids (B, T, 3) and coverage (B, T, n_types)."""
        embedded = self.chars(char_ids).sum(dim=2) + self.gazetteer(gazetteer)  # (B, T, C)
        encoded, _ = self.encoder(embedded)  # (B, T, 2H)
        return self.tag_head(encoded)
