"""The error hierarchy of ``skills``; the dialogue manager maps each class to one answer.

SkillError              user_message (Korean)
├── SlotMissing         a needed slot is empty: the manager asks for it
├── NoAnswer            the skill ran but has nothing to say (unknown title, empty result)
└── SkillNotConfigured  ``skills.configure`` was not called in this process
"""

from __future__ import annotations

__all__ = ["NoAnswer", "SkillError", "SkillNotConfigured", "SlotMissing"]


class SkillError(Exception):
    """Base of skill errors; ``user_message`` is what the assistant says."""

    def __init__(self, user_message: str, skill: str = "") -> None:
        self.user_message = user_message
        self.skill = skill
        super().__init__(f"{skill}: {user_message}" if skill else user_message)


class SlotMissing(SkillError):
    """A slot the skill needs is empty; ``question`` asks the user for it."""

    def __init__(self, slot: str, question: str, skill: str = "") -> None:
        self.slot = slot
        super().__init__(question, skill)


class NoAnswer(SkillError):
    """The skill ran but found nothing to answer with."""


class SkillNotConfigured(SkillError):
    """Skills were used before ``skills.configure(runtime)``."""

    def __init__(self) -> None:
        super().__init__("skills.configure(runtime) must be called before running a skill")
