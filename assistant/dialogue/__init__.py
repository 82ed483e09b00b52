"""Dialogue management: DB-backed tracker, policy with thresholds and clarification, the manager."""

from assistant.dialogue.manager import DialogueManager

__all__ = ["DialogueManager"]
