"""소리 (Sori): the assistant — NLU, dialogue manager, voice pipeline, settings and the CLI."""

from assistant.dialogue import DialogueManager
from assistant.reply import Reply
from assistant.settings import Settings

__all__ = ["DialogueManager", "Reply", "Settings"]
