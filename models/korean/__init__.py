"""Korean text helpers shared by the model families: particles by final consonant, numbers."""

from models.korean.hangul import (
    attach_particle,
    compose,
    decompose,
    final_consonant,
    has_final_consonant,
)
from models.korean.numbers import (
    COUNTERS,
    NATIVE_COUNTERS,
    parse_number_words,
    read_native,
    read_sino,
)

__all__ = [
    "COUNTERS",
    "NATIVE_COUNTERS",
    "attach_particle",
    "compose",
    "decompose",
    "final_consonant",
    "has_final_consonant",
    "parse_number_words",
    "read_native",
    "read_sino",
]
