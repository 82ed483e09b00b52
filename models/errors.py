"""The one error hierarchy of ``models``; every error carries a message a user can read.

    ModelError                      user_message: Korean sentence (English gloss in str())
    ├── DatasetLayoutError          a dataset folder lacks a file or column (names it)
    ├── ModelNotTrainedError        a bundle is missing or from another version
    ├── AudioError                  audio the speech models cannot use
    │   ├── AudioFormatError        corrupt, unsupported or undecodable bytes
    │   ├── AudioTooLongError       longer or bigger than the limits
    │   └── NoSpeechError           empty, too short or silent
    ├── EngineUnavailableError      an optional engine/model dir is not installed or configured
    └── SqlError                    text-to-SQL failures
        ├── UnsafeSqlError          refused: not one read-only SELECT
        ├── SqlTimeoutError         ran past the statement timeout
        ├── SqlExecutionError       the database failed or went away
        ├── QuestionTooLongError    longer than any question a parser reads
        └── NoParseError            no candidate query parsed and executed

Adapters translate third-party exceptions into these with ``raise ... from exc``.
"""

from __future__ import annotations

__all__ = [
    "AudioError",
    "AudioFormatError",
    "AudioTooLongError",
    "DatasetLayoutError",
    "EngineUnavailableError",
    "ModelError",
    "ModelNotTrainedError",
    "NoParseError",
    "NoSpeechError",
    "QuestionTooLongError",
    "SqlError",
    "SqlExecutionError",
    "SqlTimeoutError",
    "UnsafeSqlError",
]


class ModelError(Exception):
    """Base of every model-layer error.

    Args:
        user_message: what the assistant tells the user, in Korean.
        detail: an English explanation for logs and ``str()``.
    """

    default_user_message = "요청을 처리하지 못했어요."

    def __init__(self, detail: str = "", user_message: str | None = None) -> None:
        self.user_message = user_message or self.default_user_message
        self.detail = detail or self.user_message
        super().__init__(self.detail)


class DatasetLayoutError(ModelError):
    """A dataset folder lacks an expected file or column."""

    default_user_message = "데이터 폴더의 구성이 예상과 달라요."


class ModelNotTrainedError(ModelError):
    """No usable trained model was found where one was expected."""

    default_user_message = "모델이 아직 학습되지 않았어요."


class AudioError(ModelError):
    """Audio that the speech models cannot use."""

    default_user_message = "오디오를 처리하지 못했어요."


class AudioFormatError(AudioError):
    """Corrupt, unsupported or undecodable audio."""

    default_user_message = (
        "오디오 파일을 읽을 수 없어요. wav, webm, ogg, mp3 파일로 다시 보내 주세요."
    )


class AudioTooLongError(AudioError):
    """Audio past the duration or size limit."""

    default_user_message = "오디오가 너무 길거나 커요. 1분 이내로 말씀해 주세요."


class NoSpeechError(AudioError):
    """Empty, too short or silent audio."""

    default_user_message = "말소리가 들리지 않았어요. 다시 말씀해 주세요."


class EngineUnavailableError(ModelError):
    """An optional engine or model directory is not installed or configured."""

    default_user_message = "이 기능에 필요한 엔진이나 모델이 설치되어 있지 않아요."


class SqlError(ModelError):
    """Base of text-to-SQL failures."""

    default_user_message = "데이터베이스 질문을 처리하지 못했어요."


class UnsafeSqlError(SqlError):
    """Refused: the statement is not one read-only SELECT."""

    default_user_message = (
        "읽기 전용 조회만 할 수 있어요. 데이터를 바꾸거나 지우는 요청은 실행하지 않아요."
    )


class SqlTimeoutError(SqlError):
    """The query ran past the statement timeout."""

    default_user_message = "조회가 너무 오래 걸려서 중단했어요. 조건을 좁혀서 다시 물어봐 주세요."


class SqlExecutionError(SqlError):
    """The database failed or went away during the query."""

    default_user_message = (
        "데이터베이스에 연결하지 못했거나 조회 중 오류가 났어요. 잠시 후 다시 시도해 주세요."
    )


class QuestionTooLongError(SqlError):
    """Longer than any question a parser reads (a pasted document, not a question)."""

    default_user_message = (
        "질문이 너무 길어요. 데이터베이스 질문은 300자 안으로 짧게 물어봐 주세요. "
        "(The question is too long: 300 characters at most.)"
    )


class NoParseError(SqlError):
    """No candidate query parsed and executed."""

    default_user_message = "질문을 SQL로 바꾸지 못했어요. 표나 열 이름을 넣어 다시 물어봐 주세요."
