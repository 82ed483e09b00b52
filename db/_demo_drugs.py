"""Illustrative drug-response demo: well-known cell lines and drugs with INVENTED ln IC50 values.

Nothing here is measured data. The cell lines and drugs are real and widely studied, and a few
pairs follow textbook biology in direction only (K-562 carries BCR-ABL, so Imatinib hits it;
MCF7 is ER-positive, so Tamoxifen does; A549 is KRAS-mutant, so EGFR inhibitors do not; MDM2
inhibitors need wild-type TP53). Every number is made up so the drug-response skill and model
can be shown without the GDSC download. Use ``sori data import gdsc`` for real measurements.

Units follow GDSC: ``ln_ic50`` is the natural log of IC50 in µM, ``auc`` is the area under the
dose-response curve in [0, 1] (higher = more resistant).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

__all__ = [
    "ILLUSTRATIVE_CELL_LINES",
    "ILLUSTRATIVE_DRUGS",
    "IllustrativeCellLine",
    "IllustrativeDrug",
    "IllustrativeResponse",
    "illustrative_drug_responses",
]

# About this share of cell line × drug pairs is left unmeasured for the model to predict.
_ILLUSTRATIVE_UNMEASURED_FRACTION = 0.15
_ILLUSTRATIVE_NOISE_SD = 0.5  # ln µM, spread of invented values around the drug's typical one
_ILLUSTRATIVE_LN_IC50_RANGE = (-3.0, 6.0)


@dataclass(frozen=True)
class IllustrativeCellLine:
    """A real cell line; ``illustrative_offset`` (ln µM) is an invented overall sensitivity."""

    name: str
    tissue: str
    subtype: str
    illustrative_offset: float


@dataclass(frozen=True)
class IllustrativeDrug:
    """A real drug with an invented typical ln IC50 and sensitivity threshold (ln µM)."""

    name: str
    name_ko: str
    targets: str
    pathway: str
    illustrative_threshold_ln_ic50: float
    illustrative_typical_ln_ic50: float


@dataclass(frozen=True)
class IllustrativeResponse:
    """An invented response of one cell line to one drug."""

    cell_line: str
    drug: str
    ln_ic50: float
    auc: float
    sensitive: bool


ILLUSTRATIVE_CELL_LINES = (
    IllustrativeCellLine("A549", "lung", "lung_NSCLC_adenocarcinoma", 0.3),
    IllustrativeCellLine("MCF7", "breast", "breast_carcinoma_ER_positive", 0.0),
    IllustrativeCellLine("HeLa", "cervix", "cervical_adenocarcinoma", -0.2),
    IllustrativeCellLine("K-562", "blood", "chronic_myeloid_leukaemia", -0.1),
    IllustrativeCellLine("PC-3", "prostate", "prostate_adenocarcinoma", 0.2),
    IllustrativeCellLine("HCT-116", "large_intestine", "colorectal_carcinoma", -0.3),
    IllustrativeCellLine("U-87-MG", "brain", "glioblastoma", 0.1),
    IllustrativeCellLine("SK-MEL-28", "skin", "melanoma", 0.2),
)

ILLUSTRATIVE_DRUGS = (
    IllustrativeDrug("Cisplatin", "시스플라틴", "DNA crosslinker", "DNA replication", 2.8, 3.4),
    IllustrativeDrug("Paclitaxel", "파클리탁셀", "Microtubule stabiliser", "Mitosis", -1.8, -1.2),
    IllustrativeDrug("Doxorubicin", "독소루비신", "TOP2A", "DNA replication", -0.9, -0.3),
    IllustrativeDrug("Erlotinib", "엘로티닙", "EGFR", "EGFR signaling", 2.6, 3.6),
    IllustrativeDrug("Gefitinib", "게피티닙", "EGFR", "EGFR signaling", 2.5, 3.4),
    IllustrativeDrug("Sorafenib", "소라페닙", "PDGFR, KIT, VEGFR, RAF", "RTK signaling", 2.0, 2.6),
    IllustrativeDrug(
        "5-Fluorouracil", "플루오로우라실", "Antimetabolite (TYMS)", "DNA replication", 3.1, 3.8
    ),
    IllustrativeDrug("Tamoxifen", "타목시펜", "ESR1", "Hormone-related", 2.2, 3.5),
    IllustrativeDrug("Imatinib", "이매티닙", "ABL, KIT, PDGFR", "ABL signaling", 2.3, 3.8),
    IllustrativeDrug("Nutlin-3a", "누틀린-3a", "MDM2", "p53 pathway", 2.3, 2.9),
)

# Pairs set by known biology (direction only; the numbers are still invented).
_ILLUSTRATIVE_KNOWN_PAIRS = {
    ("K-562", "Imatinib"): -2.2,  # BCR-ABL fusion: sensitive
    ("MCF7", "Tamoxifen"): 0.8,  # ER-positive: sensitive
    ("A549", "Erlotinib"): 5.2,  # KRAS-mutant, EGFR wild-type: resistant
    ("A549", "Gefitinib"): 4.8,
    ("HCT-116", "Nutlin-3a"): 0.9,  # TP53 wild-type: sensitive to MDM2 inhibition
    ("MCF7", "Nutlin-3a"): 1.2,
    ("A549", "Nutlin-3a"): 1.8,
    ("U-87-MG", "Nutlin-3a"): 1.3,
    ("PC-3", "Nutlin-3a"): 4.6,  # TP53-null: resistant
    ("K-562", "Nutlin-3a"): 4.4,
    ("SK-MEL-28", "Nutlin-3a"): 4.2,  # TP53-mutant
    ("HCT-116", "5-Fluorouracil"): 2.0,  # mismatch-repair deficient colon line: sensitive
}


def _illustrative_auc(ln_ic50: float, rng: random.Random) -> float:
    """An invented AUC that rises with ln IC50, as dose-response curves do."""
    auc = 1 / (1 + math.exp(-(ln_ic50 - 1.0) / 1.5)) + rng.gauss(0, 0.03)
    return round(min(0.99, max(0.05, auc)), 3)


def illustrative_drug_responses(seed: int) -> tuple[IllustrativeResponse, ...]:
    """Invent responses for about 85 % of cell line × drug pairs; the same seed, the same values.

    Args:
        seed: seed of the random stream.

    Returns:
        Responses in cell-line, then drug order; pairs set by known biology are always present.
    """
    rng = random.Random(f"{seed}:illustrative-drug-response")
    pairs = [(line, drug) for line in ILLUSTRATIVE_CELL_LINES for drug in ILLUSTRATIVE_DRUGS]
    open_pairs = [
        (line.name, drug.name)
        for line, drug in pairs
        if (line.name, drug.name) not in _ILLUSTRATIVE_KNOWN_PAIRS
    ]
    unmeasured = set(rng.sample(open_pairs, round(len(pairs) * _ILLUSTRATIVE_UNMEASURED_FRACTION)))
    low, high = _ILLUSTRATIVE_LN_IC50_RANGE
    responses = []
    for line, drug in pairs:
        key = (line.name, drug.name)
        if key in unmeasured:
            continue
        if key in _ILLUSTRATIVE_KNOWN_PAIRS:
            center, spread = _ILLUSTRATIVE_KNOWN_PAIRS[key], 0.2
        else:
            center = drug.illustrative_typical_ln_ic50 + line.illustrative_offset
            spread = _ILLUSTRATIVE_NOISE_SD
        ln_ic50 = round(min(high, max(low, rng.gauss(center, spread))), 3)
        responses.append(
            IllustrativeResponse(
                cell_line=line.name,
                drug=drug.name,
                ln_ic50=ln_ic50,
                auc=_illustrative_auc(ln_ic50, rng),
                sensitive=ln_ic50 < drug.illustrative_threshold_ln_ic50,
            )
        )
    return tuple(responses)
