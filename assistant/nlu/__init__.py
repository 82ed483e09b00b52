"""Korean (and English) understanding: normalization, morphemes, intent + entity model."""

from assistant.nlu.normalize import normalize
from assistant.nlu.understand import Nlu, Understanding

__all__ = ["Nlu", "Understanding", "normalize"]
