"""Typed settings, read once from the environment (prefix ``SORI_``) at the program's edge.

Example:
    >>> settings = Settings(home="/tmp/sori")
    >>> settings.db_url.startswith("sqlite:///")
    True
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant import constants

__all__ = ["Settings"]


class Settings(BaseSettings):
    """Everything the assistant can be configured with; see README "Configuration"."""

    model_config = SettingsConfigDict(env_prefix=constants.ENV_PREFIX, extra="ignore")

    home: Path = Field(
        default=Path(constants.DEFAULT_HOME), description="data dir: DB, model cache, logs"
    )
    db_url: str = Field(
        default="", description="SQLAlchemy URL of the app database; default SQLite in home"
    )
    action_server_url: str = Field(
        default="", description="rasa-sdk action server; empty = in process"
    )
    quant: Literal["fp32", "int8"] = "fp32"
    analyzer: Literal["kiwi", "okt"] = "kiwi"
    confidence_threshold: float = constants.DEFAULT_CONFIDENCE_THRESHOLD
    fallback_threshold: float = constants.DEFAULT_FALLBACK_THRESHOLD
    sql_timeout_ms: int = constants.DEFAULT_SQL_TIMEOUT_MS
    sql_row_cap: int = constants.DEFAULT_SQL_ROW_CAP
    sql_databases: dict[str, str] = Field(
        default_factory=dict, description='extra databases for the SQL skill, JSON {"name": "URL"}'
    )
    sql_profile: str | None = Field(
        default=None, description="hparams profile of the SQL parsers (tests: tiny); none = full"
    )
    page_size: int = constants.DEFAULT_PAGE_SIZE
    stt_engine: Literal["vosk", "pocketsphinx", "speechbrain"] = "vosk"
    stt_model_dir: Path | None = None
    tts_engine: Literal["espeak", "coqui"] = "espeak"
    tts_model_dir: Path | None = None
    model_cache: Path | None = Field(
        default=None, description="trained-model cache; default home/models"
    )
    voice: bool = False
    auth: Path | None = None

    @field_validator("home", mode="after")
    @classmethod
    def _expand_home(cls, home: Path) -> Path:
        return home.expanduser().resolve()

    def model_post_init(self, __context: object) -> None:
        """Derive the default database URL from ``home`` when none is given."""
        if not self.db_url:
            self.db_url = f"sqlite:///{self.home / 'sori.db'}"

    @property
    def model_dir(self) -> Path:
        """Cache of trained models, one folder per family and input hash."""
        return (self.model_cache or self.home / "models").expanduser().resolve()

    @property
    def data_dir(self) -> Path:
        """Generated data: the demo catalog database and its annotation."""
        return self.home / "data"
