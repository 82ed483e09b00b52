"""Audio in: any upload (wav/webm/ogg/mp3/flac/m4a, any rate, stereo) → 16 kHz mono float32.

Every input goes through the same gate, cheapest check first, so a bad upload costs little:

1. size: more than ``MAX_UPLOAD_BYTES`` is refused before anything is decoded;
2. decode: ffmpeg in a subprocess, by content (the file name's extension is ignored, so an mp3
   named ``.wav`` decodes), capped at ``MAX_SPEECH_SECONDS`` with ``-t`` and killed after
   ``FFMPEG_TIMEOUT_S``; 16-bit PCM WAV is read and resampled in process (no subprocess);
3. length: decoded audio shorter than ``MIN_AUDIO_SECONDS`` or longer than the cap is refused;
4. voice activity: an energy detector trims leading/trailing silence and refuses silence.

Errors are the ``models.errors.AudioError`` subclasses, each with a Korean ``user_message``.
"""

from __future__ import annotations

import io
import logging
import math
import os
import subprocess
import tempfile
import wave
from dataclasses import dataclass

import numpy as np

from models.errors import AudioFormatError, AudioTooLongError, NoSpeechError

__all__ = [
    "FFMPEG_TIMEOUT_S",
    "MAX_PREPARE_SECONDS",
    "MAX_SPEECH_SECONDS",
    "MAX_UPLOAD_BYTES",
    "MIN_AUDIO_SECONDS",
    "SAMPLE_RATE_HZ",
    "Audio",
    "decode_audio",
    "frame_energy_db",
    "load_audio",
    "read_wav",
    "to_wav_bytes",
    "trim_silence",
    "wav_seconds",
]

logger = logging.getLogger(__name__)

SAMPLE_RATE_HZ = 16_000
MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # 20 MB: ~10 min of webm/opus, ~1 min of 44.1 kHz stereo wav
MAX_SPEECH_SECONDS = 60.0  # one turn of speech; longer input is refused, not cut
MIN_AUDIO_SECONDS = 0.25  # below this nothing can be a word
FFMPEG_TIMEOUT_S = 20.0  # a 60 s clip decodes in well under a second; a stuck ffmpeg is killed
# Prepare (long recordings for TTS data) may decode much more than one turn.
MAX_PREPARE_SECONDS = 3 * 3600.0

# Energy VAD: 30 ms frames; speech = frames this many dB above the noise floor (10th percentile).
_FRAME_S = 0.03
_VAD_MARGIN_DB = 12.0
_VAD_ABS_FLOOR_DB = -55.0  # dBFS: anything quieter is silence whatever the floor
_VAD_PAD_S = 0.15  # keep this much around the detected speech
_MIN_SPEECH_S = 0.12  # less voiced time than this is "no speech"


@dataclass(frozen=True)
class Audio:
    """Decoded mono audio.

    Attributes:
        samples: float32 in [-1, 1], shape (n,).
        sample_rate_hz: samples per second.
    """

    samples: np.ndarray
    sample_rate_hz: int = SAMPLE_RATE_HZ

    @property
    def seconds(self) -> float:
        """Duration in seconds."""
        return len(self.samples) / self.sample_rate_hz

    def pcm16(self) -> bytes:
        """Little-endian 16-bit PCM bytes, as Vosk and pocketsphinx take them."""
        return (np.clip(self.samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()


def _plain_wav(data: bytes, sample_rate_hz: int, max_seconds: float) -> np.ndarray | None:
    """Samples of a 16-bit PCM WAV, mixed to mono and resampled in process; ``None`` otherwise.

    Saves the ffmpeg subprocess (~100 ms) for the most common upload; anything unusual (other
    sample widths, compressed WAV, odd rates, a broken header) goes to ffmpeg.
    """
    if not (data[:4] == b"RIFF" and data[8:12] == b"WAVE"):
        return None
    try:
        with wave.open(io.BytesIO(data)) as wav:
            channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
            if width != 2 or not 1 <= channels <= 2 or not 8000 <= rate <= 96000:
                return None
            frames = wav.readframes(int(min(wav.getnframes(), (max_seconds + 0.5) * rate)))
    except (wave.Error, EOFError):
        return None
    samples = np.frombuffer(frames[: len(frames) // (2 * channels) * 2 * channels], dtype="<i2")
    samples = samples.astype(np.float32) / 32768.0
    if channels == 2:
        samples = samples.reshape(-1, 2).mean(axis=1)
    if rate != sample_rate_hz:
        from scipy.signal import resample_poly  # scipy comes with scikit-learn

        common = math.gcd(rate, sample_rate_hz)
        up, down = sample_rate_hz // common, rate // common
        samples = resample_poly(samples, up, down).astype(np.float32)
    return samples


def decode_audio(
    data: bytes,
    filename: str | None = None,
    *,
    sample_rate_hz: int = SAMPLE_RATE_HZ,
    max_seconds: float = MAX_SPEECH_SECONDS,
    max_bytes: int = MAX_UPLOAD_BYTES,
    timeout_s: float = FFMPEG_TIMEOUT_S,
) -> Audio:
    """Decode any audio bytes to mono float32 at ``sample_rate_hz``.

    Args:
        data: the uploaded file's bytes.
        filename: only used in messages; the format is detected from the content.
        sample_rate_hz: output rate.
        max_seconds: longer audio raises ``AudioTooLongError`` (ffmpeg stops reading at this point).
        max_bytes: bigger uploads raise ``AudioTooLongError`` before decoding.
        timeout_s: ffmpeg is killed after this many seconds.

    Returns:
        The decoded ``Audio``.

    Raises:
        NoSpeechError: empty bytes or shorter than ``MIN_AUDIO_SECONDS``.
        AudioTooLongError: over ``max_bytes`` or ``max_seconds``.
        AudioFormatError: ffmpeg cannot decode the bytes.
    """
    name = filename or "upload"
    if not data:
        raise NoSpeechError(f"{name}: empty audio")
    if len(data) > max_bytes:
        raise AudioTooLongError(
            f"{name}: {len(data)} bytes is over the {max_bytes}-byte limit",
            user_message=f"파일이 너무 커요({len(data) / 2**20:.0f}MB). "
            f"{max_bytes // 2**20}MB 이하, 1분 이내로 녹음해 주세요.",
        )
    samples = _plain_wav(data, sample_rate_hz, max_seconds)
    if samples is None:
        samples = _ffmpeg_decode(data, name, sample_rate_hz, max_seconds, timeout_s)
    seconds = len(samples) / sample_rate_hz
    if seconds >= max_seconds:
        raise AudioTooLongError(f"{name}: audio is {max_seconds:.0f} s or longer")
    if seconds < MIN_AUDIO_SECONDS:
        raise NoSpeechError(
            f"{name}: {seconds:.2f} s of audio is too short",
            user_message="녹음이 너무 짧아요. 조금 더 길게 말씀해 주세요.",
        )
    return Audio(samples.astype(np.float32, copy=False), sample_rate_hz)


def _ffmpeg_decode(
    data: bytes, name: str, sample_rate_hz: int, max_seconds: float, timeout_s: float
) -> np.ndarray:
    # A temporary file, not a pipe: mp4/m4a (Safari's recorder) keep their index at the end and
    # need a seekable input. "-t" bounds the output (and the memory) whatever the input's length.
    with tempfile.NamedTemporaryFile(prefix="sori-audio-", suffix=".bin", delete=False) as tmp:
        tmp.write(data)
        path = tmp.name
    command = [
        "ffmpeg",
        "-nostdin",
        "-hide_banner",
        "-loglevel",
        "error",
        "-i",
        path,
        "-t",
        f"{max_seconds + 0.5:.2f}",
        "-vn",
        "-ac",
        "1",
        "-ar",
        str(sample_rate_hz),
        "-f",
        "s16le",
        "-acodec",
        "pcm_s16le",
        "pipe:1",
    ]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout_s, check=False)
    except FileNotFoundError as exc:
        raise AudioFormatError("ffmpeg is not installed (apt-get install ffmpeg)") from exc
    except subprocess.TimeoutExpired as exc:
        raise AudioFormatError(f"{name}: ffmpeg took over {timeout_s:.0f} s") from exc
    finally:
        os.unlink(path)
    if done.returncode != 0 or not done.stdout:
        error = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise AudioFormatError(f"{name}: ffmpeg could not decode it: {error[-1] if error else '?'}")
    return (
        np.frombuffer(done.stdout[: len(done.stdout) // 2 * 2], dtype="<i2").astype(np.float32)
        / 32768.0
    )


def load_audio(
    path: str | os.PathLike[str],
    *,
    sample_rate_hz: int = SAMPLE_RATE_HZ,
    max_seconds: float = MAX_SPEECH_SECONDS,
) -> Audio:
    """Decode a file on disk (size limit scaled to ``max_seconds``)."""
    with open(path, "rb") as handle:
        data = handle.read()
    max_bytes = max(MAX_UPLOAD_BYTES, int(max_seconds * 48_000 * 2 * 4) + 1024)
    return decode_audio(
        data,
        os.path.basename(str(path)),
        sample_rate_hz=sample_rate_hz,
        max_seconds=max_seconds,
        max_bytes=max_bytes,
        timeout_s=max(FFMPEG_TIMEOUT_S, max_seconds / 20),
    )


def frame_energy_db(
    samples: np.ndarray, sample_rate_hz: int, frame_s: float = _FRAME_S
) -> np.ndarray:
    """RMS level of consecutive frames in dBFS, shape (n_frames,)."""
    frame = max(1, int(frame_s * sample_rate_hz))
    n = len(samples) // frame
    if n == 0:
        return np.full(1, -120.0)
    frames = samples[: n * frame].reshape(n, frame).astype(np.float64)
    rms = np.sqrt(np.mean(frames**2, axis=1))
    return 20.0 * np.log10(np.maximum(rms, 1e-6))


def _speech_mask(db: np.ndarray) -> np.ndarray:
    floor = np.percentile(db, 10)
    threshold = max(floor + _VAD_MARGIN_DB, _VAD_ABS_FLOOR_DB)
    # A recording that is all speech has its 10th percentile inside the speech: fall back to a
    # margin below the loud frames so it is not all thrown away.
    threshold = (
        min(threshold, np.percentile(db, 90) - 6.0) if floor > _VAD_ABS_FLOOR_DB + 25 else threshold
    )
    mask = db > threshold
    # Close gaps shorter than 0.3 s (stops inside words) so one utterance stays one run.
    gap = int(0.3 / _FRAME_S)
    idx = np.flatnonzero(mask)
    for a, b in zip(idx[:-1], idx[1:], strict=False):
        if 1 < b - a <= gap:
            mask[a:b] = True
    return mask


def trim_silence(audio: Audio) -> Audio:
    """Cut leading and trailing silence (energy VAD); ``NoSpeechError`` when nothing is voiced.

    The level threshold adapts to the recording: 12 dB over its noise floor (10th percentile of
    30 ms frame levels), never below -55 dBFS.
    """
    db = frame_energy_db(audio.samples, audio.sample_rate_hz)
    mask = _speech_mask(db)
    voiced_s = float(mask.sum()) * _FRAME_S
    if voiced_s < _MIN_SPEECH_S or db.max() < _VAD_ABS_FLOOR_DB:
        raise NoSpeechError(f"no speech found ({voiced_s:.2f} s above the VAD threshold)")
    frame = int(_FRAME_S * audio.sample_rate_hz)
    idx = np.flatnonzero(mask)
    pad = int(_VAD_PAD_S * audio.sample_rate_hz)
    start = max(0, idx[0] * frame - pad)
    end = min(len(audio.samples), (idx[-1] + 1) * frame + pad)
    return Audio(audio.samples[start:end], audio.sample_rate_hz)


def to_wav_bytes(samples: np.ndarray, sample_rate_hz: int) -> bytes:
    """Encode float samples in [-1, 1] as a 16-bit mono PCM WAV file."""
    pcm = (np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0) * 32767.0).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(int(sample_rate_hz))
        wav.writeframes(pcm.tobytes())
    return buffer.getvalue()


def read_wav(data: bytes) -> Audio:
    """Read a 16-bit PCM WAV (as written by ``to_wav_bytes`` or espeak-ng); stereo is averaged."""
    try:
        with wave.open(io.BytesIO(data)) as wav:
            channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as exc:
        raise AudioFormatError(f"not a PCM WAV: {exc}") from exc
    if width != 2:
        raise AudioFormatError(f"need 16-bit PCM WAV, got {8 * width}-bit")
    samples = np.frombuffer(frames, dtype="<i2").astype(np.float32) / 32768.0
    if channels > 1:
        samples = samples.reshape(-1, channels).mean(axis=1)
    return Audio(samples, rate)


def wav_seconds(data: bytes) -> float:
    """Duration of a WAV file given as bytes (0.0 when it cannot be read)."""
    try:
        with wave.open(io.BytesIO(data)) as wav:
            return wav.getnframes() / float(wav.getframerate())
    except (wave.Error, EOFError):
        return 0.0
