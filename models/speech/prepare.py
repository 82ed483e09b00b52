"""TTS data from a long recording and its script: sentence clips cut where STT meets the script.

``prepare_tts_data`` (``sori tts prepare``) runs in four steps:

1. recognize the whole recording with word timings (Vosk for Korean, pocketsphinx for English);
2. align recognized characters with the script's characters by Needleman–Wunsch (global
   alignment, match +2 / mismatch -1 / gap -1; Korean compared as jamo so a near-miss such as
   국물/궁물 still lines up); each script character that meets an equal recognized character
   gets that character's time (interpolated inside its word);
3. between two consecutive sentences, cut in the longest pause (10 ms frames 10 dB over the noise
   floor count as sound) between the last anchor of one and the first anchor of the next;
4. write an LJSpeech/KSS-style folder: ``wavs/<id>.wav`` + ``metadata.csv``
   (``id|text|normalized``).

A sentence whose characters are matched less than ``min_match`` is not written. The run is
idempotent: ``prepare.json`` keeps the hash of the inputs and options, and a rerun skips.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from models.errors import DatasetLayoutError, ModelError
from models.korean import decompose
from models.speech.audio import MAX_PREPARE_SECONDS, frame_energy_db, load_audio, to_wav_bytes
from models.speech.ko_normalize import normalize
from models.speech.stt.base import SpeechToText, Word

__all__ = ["PrepareResult", "align_sentences", "prepare_tts_data", "split_script"]

logger = logging.getLogger(__name__)

_MATCH, _MISMATCH, _GAP = 2.0, -1.0, -1.0
_MAX_CELLS = 4e8  # DP cells (≈ 400 MB of traceback): about 20 minutes of Korean speech
_EDGE_PAD_S = 0.1  # kept before the first and after the last sentence's speech
_PAUSE_MARGIN_DB = 10.0


@dataclass
class PrepareResult:
    """What ``prepare_tts_data`` did.

    Attributes:
        clips: clips written.
        sentences: sentences in the script.
        aligned_ratio: clips / sentences.
        char_match_ratio: script characters matched to an equal recognized character.
        segments: ``(start_s, end_s)`` of every sentence in the recording, ``None`` when not cut.
        out_dir: the dataset folder.
        skipped: ``True`` when an identical earlier run was reused.
    """

    clips: int
    sentences: int
    aligned_ratio: float
    char_match_ratio: float
    segments: list[tuple[float, float] | None] = field(default_factory=list)
    out_dir: str = ""
    recognized: str = ""
    skipped: bool = False


def split_script(text: str) -> list[str]:
    """Sentences of a script: one per line, lines split after . ! ? followed by a space."""
    sentences = []
    for line in text.splitlines():
        for part in re.split(r"(?<=[.!?。])\s+", line.strip()):
            if part.strip():
                sentences.append(part.strip())
    return sentences


def _units(text: str, language: str) -> list[str]:
    """Comparable characters: lowercase letters/digits; Hangul split into jamo."""
    if language == "ko":
        text = normalize(text)
    out = []
    for ch in text.lower():
        if "가" <= ch <= "힣":
            out.extend(j for j in decompose(ch) if j)
        elif ch.isalnum():
            out.append(ch)
    return out


def _needleman_wunsch(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """For each item of ``a`` the index of the equal item of ``b`` it is aligned with, else -1."""
    n, m = len(a), len(b)
    if n == 0 or m == 0:
        return np.full(n, -1)
    if n * m > _MAX_CELLS:
        raise ModelError(
            f"alignment of {n} x {m} characters is too big; split the recording",
            user_message="녹음이 너무 길어요. 20분 이하로 나눠서 준비해 주세요.",
        )
    vocab = {ch: i for i, ch in enumerate(sorted(set(a) | set(b)))}
    ai = np.array([vocab[ch] for ch in a])
    bi = np.array([vocab[ch] for ch in b])
    ptr = np.zeros((n + 1, m + 1), dtype=np.uint8)  # 0 diag, 1 up (gap in b), 2 left (gap in a)
    ptr[0, 1:] = 2
    ptr[1:, 0] = 1
    prev = _GAP * np.arange(m + 1, dtype=np.float64)
    cols = np.arange(m + 1)
    for i in range(1, n + 1):
        diag = prev[:-1] + np.where(bi == ai[i - 1], _MATCH, _MISMATCH)
        up = prev[1:] + _GAP
        best = np.empty(m + 1)
        best[0] = _GAP * i
        best[1:] = np.maximum(diag, up)
        # left moves: H[j] = max_k best[k] + (j-k)*gap, a running maximum
        row = np.maximum.accumulate(best - _GAP * cols) + _GAP * cols
        ptr[i, 1:] = np.where(row[1:] > best[1:], 2, np.where(diag >= up, 0, 1))
        prev = row
    matched = np.full(n, -1)
    i, j = n, m
    while i > 0 and j > 0:
        move = ptr[i, j]
        if move == 0:
            if ai[i - 1] == bi[j - 1]:
                matched[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif move == 1:
            i -= 1
        else:
            j -= 1
    return matched


def align_sentences(
    words: Sequence[Word], sentences: Sequence[str], language: str = "ko"
) -> tuple[list[tuple[float, float] | None], list[float]]:
    """Time span of each sentence's matched speech, and each sentence's match ratio.

    Returns:
        ``(spans, ratios)``: ``spans[i]`` = (first anchor start, last anchor end) in seconds, or
        ``None`` when no character of sentence ``i`` met an equal recognized one.
    """
    rec_units: list[str] = []
    rec_start: list[float] = []
    rec_end: list[float] = []
    for word in words:
        units = _units(word.text, "recognized")  # already words: no normalization
        step = (word.end_s - word.start_s) / max(1, len(units))
        for k, unit in enumerate(units):
            rec_units.append(unit)
            rec_start.append(word.start_s + k * step)
            rec_end.append(word.start_s + (k + 1) * step)
    script_units: list[str] = []
    owner: list[int] = []
    for index, sentence in enumerate(sentences):
        units = _units(sentence, language)
        script_units.extend(units)
        owner.extend([index] * len(units))
    matched = _needleman_wunsch(script_units, rec_units)
    spans: list[tuple[float, float] | None] = [None] * len(sentences)
    hits = np.zeros(len(sentences))
    totals = (
        np.bincount(np.array(owner, dtype=int), minlength=len(sentences))
        if owner
        else np.zeros(len(sentences))
    )
    for pos, j in enumerate(matched):
        if j < 0:
            continue
        s = owner[pos]
        hits[s] += 1
        start, end = rec_start[j], rec_end[j]
        spans[s] = (
            (start, end) if spans[s] is None else (min(spans[s][0], start), max(spans[s][1], end))
        )
    ratios = [float(h / t) if t else 0.0 for h, t in zip(hits, totals, strict=True)]
    return spans, ratios


def _cut_in_pause(
    db: np.ndarray, frame_s: float, start_s: float, end_s: float, threshold: float
) -> float:
    """Middle of the longest quiet run of frames in [start_s, end_s] (widened when inverted)."""
    if end_s < start_s:
        start_s, end_s = end_s - 0.2, start_s + 0.2
    lo = max(0, int(start_s / frame_s))
    hi = min(len(db), int(np.ceil(end_s / frame_s)) + 1)
    if hi <= lo:
        return (start_s + end_s) / 2
    quiet = db[lo:hi] < threshold
    best_len, best_mid, run_start = 0, None, None
    for k, q in enumerate(np.append(quiet, False)):
        if q and run_start is None:
            run_start = k
        elif not q and run_start is not None:
            if k - run_start > best_len:
                best_len, best_mid = k - run_start, (run_start + k) / 2
            run_start = None
    if best_mid is None:
        best_mid = float(np.argmin(db[lo:hi])) + 0.5
    return (lo + best_mid) * frame_s


def _fingerprint(audio_path: Path, script: str, options: dict[str, object]) -> str:
    digest = hashlib.sha256()
    with open(audio_path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    digest.update(script.encode("utf-8"))
    digest.update(json.dumps(options, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def prepare_tts_data(
    audio_path: str | Path,
    script_path: str | Path,
    out_dir: str | Path,
    stt: SpeechToText,
    *,
    language: str = "ko",
    sample_rate_hz: int = 22050,
    min_match: float = 0.3,
    prefix: str | None = None,
) -> PrepareResult:
    """Cut a long recording into sentence clips (LJSpeech/KSS layout) by aligning STT and script.

    Args:
        audio_path: the long recording (any format ffmpeg reads).
        script_path: its text (UTF-8), one sentence per line or running text.
        out_dir: the dataset folder to write (``wavs/``, ``metadata.csv``, ``prepare.json``).
        stt: the recognizer (with word timings) for the recording's language.
        language: ``"ko"`` or ``"en"`` (how script and recognized text are compared).
        sample_rate_hz: sample rate of the written clips.
        min_match: a sentence is written when at least this share of its characters aligned.
        prefix: clip id prefix (default: the recording's file stem).

    Returns:
        A ``PrepareResult``.

    Raises:
        DatasetLayoutError: the audio or script file is missing, or the script is empty.
    """
    audio_path, script_path, out = Path(audio_path), Path(script_path), Path(out_dir)
    for path in (audio_path, script_path):
        if not path.is_file():
            raise DatasetLayoutError(
                f"{path} does not exist", user_message=f"파일이 없어요: {path}"
            )
    script = script_path.read_text(encoding="utf-8")
    sentences = split_script(script)
    if not sentences:
        raise DatasetLayoutError(
            f"{script_path} has no sentences", user_message="대본이 비어 있어요."
        )
    options = {"language": language, "sr": sample_rate_hz, "min_match": min_match, "stt": stt.name}
    key = _fingerprint(audio_path, script, options)
    record = out / "prepare.json"
    if record.is_file() and (out / "metadata.csv").is_file():
        saved = json.loads(record.read_text())
        if saved.get("key") == key:
            logger.info("%s already prepared from the same inputs, skipping", out)
            result = PrepareResult(**saved["result"])
            result.segments = [tuple(s) if s else None for s in result.segments]
            result.skipped = True
            return result
    speech = load_audio(audio_path, max_seconds=MAX_PREPARE_SECONDS)  # 16 kHz mono for STT
    recognition = stt.recognize(speech.samples, speech.sample_rate_hz)
    spans, ratios = align_sentences(recognition.words, sentences, language)
    db = frame_energy_db(speech.samples, speech.sample_rate_hz, 0.01)
    threshold = float(np.percentile(db, 10)) + _PAUSE_MARGIN_DB
    loud = np.flatnonzero(db >= threshold)
    speech_start = max(0.0, loud[0] * 0.01 - _EDGE_PAD_S) if len(loud) else 0.0
    speech_end = (
        min(speech.seconds, (loud[-1] + 1) * 0.01 + _EDGE_PAD_S) if len(loud) else speech.seconds
    )
    # boundaries[i] = cut between sentence i-1 and i; [0] = start, [n] = end; None = unknown
    n = len(sentences)
    boundaries: list[float | None] = [None] * (n + 1)
    boundaries[0], boundaries[n] = speech_start, speech_end
    for i in range(1, n):
        left, right = spans[i - 1], spans[i]
        if left is not None and right is not None:
            boundaries[i] = _cut_in_pause(db, 0.01, left[1], right[0], threshold)
    clip_audio = (
        load_audio(audio_path, sample_rate_hz=sample_rate_hz, max_seconds=MAX_PREPARE_SECONDS)
        if sample_rate_hz != speech.sample_rate_hz
        else speech
    )
    (out / "wavs").mkdir(parents=True, exist_ok=True)
    stem = prefix or re.sub(r"[^A-Za-z0-9_-]+", "_", audio_path.stem)
    rows, segments = [], []
    for i, sentence in enumerate(sentences):
        start, end = boundaries[i], boundaries[i + 1]
        if start is None or end is None or end - start < 0.3 or ratios[i] < min_match:
            segments.append(None)
            continue
        segments.append((round(start, 3), round(end, 3)))
        clip_id = f"{stem}_{i + 1:04d}"
        piece = clip_audio.samples[int(start * sample_rate_hz) : int(end * sample_rate_hz)]
        (out / "wavs" / f"{clip_id}.wav").write_bytes(to_wav_bytes(piece, sample_rate_hz))
        rows.append([clip_id, sentence, normalize(sentence) if language == "ko" else sentence])
    with open(out / "metadata.csv", "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter="|", quoting=csv.QUOTE_NONE, escapechar="\\").writerows(rows)
    total_units = sum(len(_units(s, language)) for s in sentences)
    matched_units = sum(
        r * len(_units(s, language)) for r, s in zip(ratios, sentences, strict=True)
    )
    result = PrepareResult(
        clips=len(rows),
        sentences=n,
        aligned_ratio=len(rows) / n,
        char_match_ratio=matched_units / max(1, total_units),
        segments=segments,
        out_dir=str(out),
        recognized=recognition.text,
    )
    record.write_text(
        json.dumps(
            {"key": key, "options": options, "result": asdict(result)}, ensure_ascii=False, indent=1
        )
    )
    return result
