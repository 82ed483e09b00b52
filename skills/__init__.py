"""Skills: one rasa-sdk ``Action`` per module, all listed in ``SKILLS``.

The in-process executor of the dialogue manager and ``sori serve-actions`` register the same
classes; both call ``configure(SkillRuntime(...))`` first.
"""

from skills._runtime import SkillRuntime, SqlDatabase, configure, runtime
from skills.drug import DrugLookup
from skills.errors import NoAnswer, SkillError, SkillNotConfigured, SlotMissing
from skills.feedback import GiveFeedback
from skills.quant_info import QuantInfo
from skills.recommend import RecommendComic, RecommendVideo
from skills.smalltalk import Acknowledge, Goodbye, Greet, Help, OutOfScope
from skills.speaker import SetSpeaker
from skills.sql import AskSql

SKILLS = (
    Greet,
    Goodbye,
    Help,
    OutOfScope,
    Acknowledge,
    RecommendComic,
    RecommendVideo,
    GiveFeedback,
    DrugLookup,
    QuantInfo,
    SetSpeaker,
    AskSql,
)

__all__ = [
    "Acknowledge",
    "AskSql",
    "DrugLookup",
    "GiveFeedback",
    "Goodbye",
    "Greet",
    "Help",
    "NoAnswer",
    "OutOfScope",
    "QuantInfo",
    "RecommendComic",
    "RecommendVideo",
    "SKILLS",
    "SetSpeaker",
    "SkillError",
    "SkillNotConfigured",
    "SkillRuntime",
    "SlotMissing",
    "SqlDatabase",
    "configure",
    "runtime",
]
