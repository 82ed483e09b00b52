"""Real engines end to end: espeak-ng speakers, Vosk Korean, pocketsphinx English, speechbrain."""

from __future__ import annotations

import numpy as np
import pytest

from models.errors import AudioFormatError, EngineUnavailableError
from models.speech import EspeakTTS, SpeakerSet, SpeechToText, TextToSpeech, make_stt, transcribe
from models.speech.audio import read_wav, trim_silence

SENTENCE = "오늘 날씨가 정말 좋네요. 같이 산책하러 갈까요?"


def _f0_hz(samples: np.ndarray, rate: int) -> float:
    """Median pitch of voiced 40 ms frames by autocorrelation (60–400 Hz)."""
    frame = int(0.04 * rate)
    lags = np.arange(int(rate / 400), int(rate / 60))
    pitches = []
    for start in range(0, len(samples) - frame, frame):
        x = samples[start : start + frame] - samples[start : start + frame].mean()
        if np.sqrt(np.mean(x**2)) < 0.02:
            continue
        ac = np.correlate(x, x, "full")[frame - 1 :]
        lag = lags[np.argmax(ac[lags])]
        if ac[lag] > 0.3 * ac[0]:
            pitches.append(rate / lag)
    return float(np.median(pitches))


@pytest.fixture(scope="module")
def espeak() -> EspeakTTS:
    return EspeakTTS()


def test_espeak_has_distinct_speakers(espeak: EspeakTTS) -> None:
    assert isinstance(espeak, TextToSpeech)
    speakers = espeak.speakers()
    assert len(speakers) >= 4
    assert len({s.id for s in speakers}) == len(speakers)
    assert {"female", "male"} <= {s.gender for s in speakers}
    measured = {}
    for s in speakers:
        audio = trim_silence(read_wav(espeak.synthesize(SENTENCE, s.id)))
        measured[s.id] = (audio.seconds, _f0_hz(audio.samples, audio.sample_rate_hz))
    seconds = {k: v[0] for k, v in measured.items()}
    pitch = {k: v[1] for k, v in measured.items()}
    # "빠른" voices are clearly shorter than "느린" ones, male voices clearly lower than female.
    assert seconds["3"] < 0.75 * seconds["4"], seconds
    assert seconds["6"] < 0.8 * seconds["2"], seconds
    assert max(pitch[s.id] for s in speakers if s.gender == "male") < 0.85 * min(
        pitch[s.id] for s in speakers if s.gender == "female"
    ), pitch
    # every pair differs in length or pitch by a noticeable amount
    ids = sorted(measured)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            assert (
                abs(seconds[a] - seconds[b]) / seconds[a] > 0.08
                or abs(pitch[a] - pitch[b]) / pitch[a] > 0.08
            ), (a, b, measured)


def test_espeak_unknown_speaker(espeak: EspeakTTS) -> None:
    with pytest.raises(ValueError, match="unknown espeak speaker"):
        espeak.synthesize("안녕", "99")


def test_espeak_text_is_not_a_command_line(espeak: EspeakTTS) -> None:
    wav = espeak.synthesize("--help -v en 안녕하세요", "1")
    assert read_wav(wav).seconds > 0.5


def test_speaker_set_numbers_engines_in_order(espeak: EspeakTTS) -> None:
    class Other:
        name = "other"

        def speakers(self):  # noqa: ANN202
            from models.speech.tts.base import Speaker

            return [Speaker("a", "가", "other"), Speaker("b", "나", "other")]

        def synthesize(self, text: str, speaker: str | None = None) -> bytes:
            return f"{speaker}:{text}".encode()

    both = SpeakerSet([espeak, Other()], default="7")
    ids = [s.id for s in both.speakers()]
    assert ids == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert both.synthesize("x", "8") == b"b:x"
    assert both.synthesize("x", None) == b"a:x"  # the default
    assert both.synthesize("x", "99") == b"a:x"  # unknown → default
    assert both.engine_of("2") == "espeak"


@pytest.fixture(scope="module")
def vosk() -> SpeechToText:
    return make_stt("vosk")


def test_espeak_to_vosk_returns_korean_text(espeak: EspeakTTS, vosk: SpeechToText) -> None:
    assert isinstance(vosk, SpeechToText)
    wav = espeak.synthesize("안녕하세요. 오늘 날씨가 좋네요.", "2")
    transcript = transcribe(vosk, wav, "espeak.wav")
    assert transcript.engine == "vosk"
    assert any("가" <= ch <= "힣" for ch in transcript.text), transcript
    assert "좋" in transcript.text or "네요" in transcript.text, transcript.text
    assert transcript.seconds > 1.0 and 0 < transcript.rtf < 5
    assert transcript.words and all(w.end_s >= w.start_s for w in transcript.words)
    assert not any(ch.isdigit() for ch in transcript.text)


def test_vosk_reuses_its_recognizer(espeak: EspeakTTS, vosk: SpeechToText) -> None:
    audio = trim_silence(read_wav(espeak.synthesize("목소리를 바꿔 드릴까요?", "1")))
    from models.speech.audio import decode_audio, to_wav_bytes

    speech = decode_audio(to_wav_bytes(audio.samples, audio.sample_rate_hz))
    first = vosk.recognize(speech.samples)
    second = vosk.recognize(speech.samples)
    # Same words; confidences move a little (Vosk keeps its i-vector adaptation across utterances).
    assert first.text == second.text and [w.text for w in first.words] == [
        w.text for w in second.words
    ]
    assert [len(idle) for idle in vosk._pool.values()] == [1]  # one recognizer, reused


def test_vosk_refuses_stereo_arrays(vosk: SpeechToText) -> None:
    with pytest.raises(AudioFormatError, match="mono"):
        vosk.recognize(np.zeros((16000, 2), np.float32))


def test_pocketsphinx_english(shared_data) -> None:  # noqa: ANN001 - pytest fixture
    stt = make_stt("pocketsphinx")
    assert stt.language == "en"
    data = (shared_data / "speech/en/jfk.flac").read_bytes()  # 44.1 kHz stereo FLAC
    transcript = transcribe(stt, data, "jfk.flac")
    assert "your country" in transcript.text
    assert transcript.words[0].start_s < transcript.words[-1].start_s


def test_language_en_picks_pocketsphinx() -> None:
    assert make_stt("vosk", language="en").name == "pocketsphinx"


def test_speechbrain_needs_a_model_dir(tmp_path) -> None:  # noqa: ANN001
    with pytest.raises(EngineUnavailableError, match="SORI_STT_MODEL_DIR") as info:
        make_stt("speechbrain", None)
    assert "SORI_STT_MODEL_DIR" in info.value.user_message
    with pytest.raises(EngineUnavailableError, match="hyperparams.yaml"):
        make_stt("speechbrain", tmp_path)
    (tmp_path / "hyperparams.yaml").write_text("asr_model: !new:does.not.Exist\n")
    with pytest.raises(EngineUnavailableError, match="could not load"):
        make_stt("speechbrain", tmp_path)


def test_unknown_engine() -> None:
    with pytest.raises(EngineUnavailableError):
        make_stt("whisper")
