"""Audio gate: any format in, bad audio refused with a Korean message in bounded time."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

from models.errors import AudioError, AudioFormatError, AudioTooLongError, NoSpeechError
from models.speech.audio import (
    MAX_UPLOAD_BYTES,
    SAMPLE_RATE_HZ,
    Audio,
    decode_audio,
    read_wav,
    to_wav_bytes,
    trim_silence,
    wav_seconds,
)


def _tone(seconds: float, rate: int = 22050, level: float = 0.3) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    # a voiced-ish signal: harmonics of 150 Hz with a syllable-rate envelope
    signal = sum(np.sin(2 * np.pi * 150 * k * t) / k for k in range(1, 6))
    return (level * signal / 2.3 * (0.6 + 0.4 * np.sin(2 * np.pi * 4 * t))).astype(np.float32)


def _ffmpeg(wav: bytes, fmt: str, *extra: str) -> bytes:
    done = subprocess.run(
        ["ffmpeg", "-nostdin", "-loglevel", "error", "-i", "pipe:0", *extra, "-f", fmt, "pipe:1"],
        input=wav,
        capture_output=True,
        check=True,
        timeout=60,
    )
    return done.stdout


@pytest.fixture(scope="module")
def speech_wav() -> bytes:
    samples = np.concatenate([np.zeros(11025, np.float32), _tone(1.5), np.zeros(11025, np.float32)])
    return to_wav_bytes(samples, 22050)


@pytest.mark.parametrize(
    ("fmt", "extra"),
    [
        ("wav", ("-ar", "44100")),
        ("flac", ("-ar", "44100")),
        ("ogg", ("-ar", "44100", "-c:a", "libvorbis")),
        ("mp3", ("-ar", "44100")),
        ("webm", ("-ar", "48000", "-c:a", "libopus")),
    ],
)
def test_any_format_decodes_to_16k_mono(
    speech_wav: bytes, fmt: str, extra: tuple[str, ...]
) -> None:
    data = _ffmpeg(speech_wav, fmt, "-ac", "2", *extra)
    audio = decode_audio(data, f"rec.{fmt}")
    assert audio.sample_rate_hz == SAMPLE_RATE_HZ
    assert audio.samples.ndim == 1 and audio.samples.dtype == np.float32
    assert audio.seconds == pytest.approx(2.5, abs=0.1)


def test_wrong_extension_is_decoded_by_content(speech_wav: bytes) -> None:
    mp3 = _ffmpeg(speech_wav, "mp3")
    assert decode_audio(mp3, "actually_mp3.wav").seconds == pytest.approx(2.5, abs=0.1)


def test_plain_16k_wav_skips_ffmpeg() -> None:
    samples = _tone(1.0, SAMPLE_RATE_HZ)
    audio = decode_audio(to_wav_bytes(samples, SAMPLE_RATE_HZ))
    assert np.allclose(audio.samples, samples, atol=1e-3)


def test_trim_silence_keeps_speech_only(speech_wav: bytes) -> None:
    speech = trim_silence(decode_audio(speech_wav))
    assert 1.4 < speech.seconds < 1.9


def _check(data: bytes, error: type[AudioError], name: str = "x.wav") -> AudioError:
    started = time.perf_counter()
    with pytest.raises(error) as info:
        trim_silence(decode_audio(data, name))
    assert time.perf_counter() - started < 25
    assert info.value.user_message and any("가" <= ch <= "힣" for ch in info.value.user_message)
    return info.value


def test_empty_bytes() -> None:
    _check(b"", NoSpeechError)


def test_a_tenth_of_a_second() -> None:
    _check(to_wav_bytes(_tone(0.1), 22050), NoSpeechError)


def test_pure_silence() -> None:
    _check(to_wav_bytes(np.zeros(22050 * 2, np.float32), 22050), NoSpeechError)


def test_quiet_noise_is_no_speech() -> None:
    noise = np.random.default_rng(0).normal(0, 1e-4, 16000 * 2).astype(np.float32)
    _check(to_wav_bytes(noise, 16000), NoSpeechError)


def test_ten_minute_file_is_refused(tmp_path: Path) -> None:
    # 10 minutes of 8 kHz mono mp3: small on disk, but 600 s of audio.
    done = subprocess.run(
        [
            "ffmpeg",
            "-nostdin",
            "-loglevel",
            "error",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=200:sample_rate=8000:duration=600",
            "-b:a",
            "16k",
            "-f",
            "mp3",
            "pipe:1",
        ],
        capture_output=True,
        check=True,
        timeout=120,
    )
    _check(done.stdout, AudioTooLongError, "long.mp3")


def test_big_upload_is_refused_before_decoding() -> None:
    data = b"RIFF" + bytes(MAX_UPLOAD_BYTES + 10)
    started = time.perf_counter()
    err = _check(data, AudioTooLongError)
    assert time.perf_counter() - started < 1.0
    assert "MB" in err.user_message


def test_fifty_megabytes() -> None:
    _check(np.random.default_rng(1).bytes(50 * 2**20), AudioTooLongError, "big.webm")


@pytest.mark.parametrize(
    "data",
    [
        b"not audio at all" * 100,
        bytes(range(256)) * 40,
        b"RIFF\x00\x00\x00\x00WAVEfmt garbage" * 10,
    ],
)
def test_corrupt_bytes(data: bytes) -> None:
    _check(data, AudioFormatError)


def test_truncated_mp3(speech_wav: bytes) -> None:
    mp3 = _ffmpeg(speech_wav, "mp3")
    with pytest.raises(AudioError):
        trim_silence(decode_audio(mp3[:300], "cut.mp3"))


def test_wav_round_trip_and_duration() -> None:
    samples = _tone(0.5, 16000)
    data = to_wav_bytes(samples, 16000)
    assert wav_seconds(data) == pytest.approx(0.5)
    back = read_wav(data)
    assert back.sample_rate_hz == 16000 and np.allclose(back.samples, samples, atol=1e-3)
    assert wav_seconds(b"junk") == 0.0
    assert Audio(samples, 16000).pcm16()[:2] == data[44:46]
