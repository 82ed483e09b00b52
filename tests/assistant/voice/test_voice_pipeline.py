"""VoicePipeline: upload → Transcript, answer → WAV, streamed one sentence at a time."""

from __future__ import annotations

import time

import pytest

from assistant.settings import Settings
from assistant.voice import VoicePipeline, split_sentences
from models.errors import AudioFormatError, NoSpeechError
from models.speech.audio import read_wav, wav_seconds


@pytest.fixture(scope="module")
def voice(tmp_path_factory: pytest.TempPathFactory) -> VoicePipeline:
    return VoicePipeline(Settings(home=tmp_path_factory.mktemp("home")))


def test_warm_up(voice: VoicePipeline) -> None:
    assert voice.warm_up() > 0


def test_speakers_and_default(voice: VoicePipeline) -> None:
    ids = [s.id for s in voice.speakers()]
    assert ids[:4] == ["1", "2", "3", "4"]
    assert voice.resolve_speaker(None).id == "1"
    assert voice.resolve_speaker("nope").id == "1"


def test_synthesize_returns_a_wav(voice: VoicePipeline) -> None:
    wav = voice.synthesize("결과는 3개예요.", "2")
    assert wav[:4] == b"RIFF" and wav_seconds(wav) > 0.5


def test_stream_yields_first_sentence_first(voice: VoicePipeline) -> None:
    text = "네, 찾아봤어요. 결과는 모두 12개예요. 가장 인기 있는 건 신의 탑이에요."
    started = time.perf_counter()
    chunks = []
    first_ms = None
    for wav in voice.synthesize_stream(text, "1"):
        first_ms = first_ms or (time.perf_counter() - started) * 1000
        chunks.append(wav)
    assert len(chunks) == 3
    assert all(c[:4] == b"RIFF" for c in chunks)
    assert wav_seconds(chunks[0]) < wav_seconds(chunks[1])  # "네, 찾아봤어요." is the short one
    assert first_ms < 2000


def test_stream_with_table(voice: VoicePipeline) -> None:
    table = {"columns": ["제목"], "rows": [["가"], ["나"]]}
    assert len(list(voice.synthesize_stream("찾았어요.", None, table=table))) == 4


def test_transcribe_round_trip(voice: VoicePipeline) -> None:
    wav = voice.synthesize("안녕하세요. 오늘 날씨가 좋네요.", "2")
    transcript = voice.transcribe(wav, "reply.wav")
    assert transcript.engine == "vosk" and transcript.text
    assert transcript.seconds == pytest.approx(read_wav(wav).seconds, abs=0.05)


def test_transcribe_bad_audio(voice: VoicePipeline) -> None:
    with pytest.raises(NoSpeechError):
        voice.transcribe(b"", "empty.webm")
    with pytest.raises(AudioFormatError):
        voice.transcribe(b"garbage" * 50, "x.webm")


def test_speech_text(voice: VoicePipeline) -> None:
    assert voice.speech_text("SQL 3개") == "에스큐엘 세 개"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("하나. 둘! 셋?", ["하나.", "둘!", "셋?"]),
        ("줄바꿈\n다음 줄", ["줄바꿈", "다음 줄"]),
        ("", []),
        (
            "아주 긴 첫 문장인데요, 쉼표 뒤에도 말이 계속 이어지고 또 이어지는 문장입니다. 둘째.",
            [
                "아주 긴 첫 문장인데요,",
                "쉼표 뒤에도 말이 계속 이어지고 또 이어지는 문장입니다.",
                "둘째.",
            ],
        ),
    ],
)
def test_split_sentences(text: str, parts: list[str]) -> None:
    assert split_sentences(text) == parts
