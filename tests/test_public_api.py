"""Each package's ``__init__`` lists its surface in a sorted ``__all__``, and exports nothing else."""

import importlib

import pytest

PACKAGES = [
    "assistant",
    "assistant.nlu",
    "assistant.dialogue",
    "skills",
    "db",
    "models.korean",
    "models.quant",
    "models.recsys",
    "models.drugresponse",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_exported_members(name: str) -> None:
    package = importlib.import_module(name)
    exported = package.__all__
    assert list(exported) == sorted(exported)
    public = {
        member
        for member in vars(package)
        if not member.startswith("_") and not isinstance(getattr(package, member), type(importlib))
    }
    assert public == set(exported), (
        f"{name}: unlisted {public - set(exported)}, missing {set(exported) - public}"
    )
