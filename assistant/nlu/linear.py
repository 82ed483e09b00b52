"""A linear baseline beside the neural intent model: logistic regression on the same hashed features.

It answers "does the network earn its keep?" in ``sori bench chat`` (reported under ``detail``).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from assistant.nlu.features import hash_ids, ngram_features
from assistant.nlu.morph import Analyzer
from assistant.nlu.synth import CONTEXTS, Example

__all__ = ["LinearIntentBaseline"]


class LinearIntentBaseline:
    """Multinomial logistic regression over hashed n-grams plus a one-hot context."""

    def __init__(self, analyzer: Analyzer, buckets: int = 2**16, c: float = 4.0) -> None:
        self.analyzer, self.buckets = analyzer, buckets
        self.model = LogisticRegression(C=c, max_iter=300)

    def _matrix(self, texts: list[str], contexts: list[str]) -> sparse.csr_matrix:
        rows, cols = [], []
        for row, (text, context) in enumerate(zip(texts, contexts, strict=True)):
            ids = hash_ids(ngram_features(text, self.analyzer), self.buckets)
            ids.append(self.buckets + CONTEXTS.index(context))
            rows.extend([row] * len(ids))
            cols.extend(ids)
        data = np.ones(len(rows), dtype=np.float32)
        matrix = sparse.csr_matrix(
            (data, (rows, cols)), shape=(len(texts), self.buckets + len(CONTEXTS))
        )
        matrix.data = np.minimum(matrix.data, 1.0)  # presence, not counts
        return matrix

    def fit(self, examples: list[Example]) -> LinearIntentBaseline:
        """Train on synthesized (and hand-written) examples."""
        matrix = self._matrix([e.text for e in examples], [e.context for e in examples])
        self.model.fit(matrix, [e.intent for e in examples])
        return self

    def predict(self, texts: list[str], contexts: list[str] | None = None) -> list[str]:
        """Intent of each normalized text."""
        contexts = contexts or ["none"] * len(texts)
        return list(self.model.predict(self._matrix(texts, contexts)))
