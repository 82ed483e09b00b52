"""Measure the voice: CER (raw vs pipeline), RTFs, turn/first-audio latency, TTS→STT round trips.

``sori bench voice`` calls ``voice_benchmark``; the dialogue step is a callable passed in, so this
module needs nothing above ``models``. Definitions:

- CER = character edit distance / reference length, over letters, digits and Hangul only
  (spaces and punctuation removed, lower case), summed over the corpus (not averaged per clip);
  Korean references are first spelled out with ``ko_normalize`` (STT hears words, not digits).
- ``raw`` = the recognizer on ffmpeg's 16 kHz mono output with the engine's default settings;
  ``pipeline`` = the served path: VAD trimming + the tuned decoder settings.
- RTF = processing seconds / audio seconds (model load excluded).
- first audio = from the end of speech (the whole upload is in hand) to the first WAV chunk of
  the streamed answer: decode + VAD + STT + dialogue + TTS of the first sentence.
"""

from __future__ import annotations

import csv
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from models.speech.audio import load_audio, to_wav_bytes, wav_seconds
from models.speech.ko_normalize import normalize
from models.speech.stt import transcribe
from models.speech.stt.base import SpeechToText
from models.speech.tts.base import TextToSpeech

__all__ = [
    "KO_QUESTIONS",
    "KO_SENTENCES",
    "Sample",
    "Voice",
    "cer",
    "corpus_cer",
    "english_samples",
    "folder_samples",
    "latency",
    "prepare_experiment",
    "roundtrip_cer",
    "stt_compare",
    "tts_rtf",
    "voice_benchmark",
]

logger = logging.getLogger(__name__)

# Short questions a user asks (first-audio latency); answers come from the dialogue callable.
KO_QUESTIONS = [
    "로맨스 웹툰 추천해줘",
    "오늘 날씨 어때?",
    "평점 높은 영화 알려줘",
    "여자 목소리로 바꿔줘",
    "고마워",
    "다른 거 보여줘",
    "이 약은 어떤 암에 잘 들어?",
    "가장 비싼 상품이 뭐야?",
    "안녕하세요",
    "몇 시야?",
    "액션 애니 다섯 개만",
    "도움말 보여줘",
]
# Sentences for the TTS→STT round trip and TTS RTF (numbers, English and sound changes included).
KO_SENTENCES = [
    "안녕하세요, 저는 한국어 비서 소리예요.",
    "오늘은 날씨가 정말 좋네요.",
    "국물이 정말 맛있어요.",
    "같이 산책하러 갈까요?",
    "학교에서 책을 읽고 있어요.",
    "신라 시대의 역사를 알려 드릴게요.",
    "가장 인기 있는 웹툰을 추천해 드릴게요.",
    "결과는 모두 12개예요.",
    "3명이 회의실에 있어요.",
    "2024년 3월 5일에 출시됐어요.",
    "평점은 9.5점이에요.",
    "SQL 쿼리를 실행했어요.",
    "목소리를 바꿔 드릴까요?",
    "내일 아침 일곱 시에 알려 드릴게요.",
    "좋아요, 다른 작품도 보여 드릴게요.",
    "이 약물은 폐암 세포주에서 반응이 좋았어요.",
    "밥 먹었어요?",
    "숫자를 천천히 말씀해 주세요.",
    "영화 목록을 찾았어요.",
    "감사합니다. 좋은 하루 보내세요.",
]


class Voice(Protocol):
    """What the benchmark needs of ``assistant.voice.VoicePipeline``."""

    def transcribe(self, audio: bytes, filename: str | None = None) -> Any: ...  # noqa: D102

    def synthesize_stream(self, text: str, speaker: str | None = None) -> Iterator[bytes]: ...  # noqa: D102


def _chars(text: str, language: str) -> str:
    if language == "ko":
        text = normalize(text)
    return re.sub(r"[^0-9a-z가-힣]", "", text.lower())


def _edits(a: str, b: str) -> int:
    row = np.arange(len(b) + 1)
    for i, ch in enumerate(a, 1):
        prev = row.copy()
        row[0] = i
        cost = np.array([ch != c for c in b], dtype=int)
        row[1:] = np.minimum(prev[1:] + 1, prev[:-1] + cost)
        for j in range(1, len(b) + 1):  # insertions run left to right
            row[j] = min(row[j], row[j - 1] + 1)
    return int(row[-1])


def cer(reference: str, hypothesis: str, language: str = "ko") -> float:
    """Character error rate of one utterance (see module docstring for the normalization)."""
    ref, hyp = _chars(reference, language), _chars(hypothesis, "raw")
    return _edits(ref, hyp) / max(1, len(ref))


def corpus_cer(pairs: Iterable[tuple[str, str]], language: str = "ko") -> float:
    """Summed edits / summed reference characters over (reference, hypothesis) pairs."""
    edits = total = 0
    for reference, hypothesis in pairs:
        ref = _chars(reference, language)
        edits += _edits(ref, _chars(hypothesis, "raw"))
        total += len(ref)
    return edits / max(1, total)


@dataclass(frozen=True)
class Sample:
    """An audio file and what is said in it."""

    path: Path
    text: str


def english_samples(shared_data: Path) -> list[Sample]:
    """jfk.flac + the 8 LJSpeech clips (normalized transcripts) of ``speech/en``."""
    root = shared_data / "speech" / "en"
    samples = [Sample(root / "jfk.flac", (root / "jfk.txt").read_text(encoding="utf-8").strip())]
    with open(root / "ljspeech" / "metadata.csv", encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="|", quoting=csv.QUOTE_NONE):
            samples.append(Sample(root / "ljspeech" / "wavs" / f"{row[0]}.wav", row[2]))
    return samples


def folder_samples(folder: Path) -> list[Sample]:
    """``*.wav`` files with a same-stem ``*.txt`` transcript."""
    samples = [
        Sample(wav, wav.with_suffix(".txt").read_text(encoding="utf-8").strip())
        for wav in sorted(Path(folder).glob("*.wav"))
        if wav.with_suffix(".txt").is_file()
    ]
    if not samples:
        from models.errors import DatasetLayoutError

        raise DatasetLayoutError(f"{folder} has no *.wav with a same-stem *.txt")
    return samples


def stt_compare(
    samples: list[Sample], raw: SpeechToText, tuned: SpeechToText, language: str
) -> dict[str, Any]:
    """CER and RTF of the raw recognizer vs the served pipeline on the same files."""
    raw_pairs, pipe_pairs = [], []
    raw_time = pipe_time = seconds = 0.0
    for sample in samples:
        data = sample.path.read_bytes()
        audio = load_audio(sample.path)
        started = time.perf_counter()
        hyp_raw = raw.recognize(audio.samples, audio.sample_rate_hz).text
        raw_time += time.perf_counter() - started
        started = time.perf_counter()
        hyp = transcribe(tuned, data, sample.path.name).text
        pipe_time += time.perf_counter() - started
        seconds += audio.seconds
        raw_pairs.append((sample.text, hyp_raw))
        pipe_pairs.append((sample.text, hyp))
    return {
        "cer_raw": corpus_cer(raw_pairs, language),
        "cer": corpus_cer(pipe_pairs, language),
        "rtf_raw": raw_time / seconds,
        "rtf": pipe_time / seconds,
        "files": len(samples),
        "audio_s": round(seconds, 2),
        "engine": tuned.name,
        "examples": [
            {"ref": r, "raw": h0, "pipeline": h1}
            for (r, h0), (_, h1) in list(zip(raw_pairs, pipe_pairs, strict=True))[:3]
        ],
    }


def tts_rtf(
    tts: TextToSpeech, sentences: list[str], speakers: list[str] | None = None
) -> dict[str, Any]:
    """Synthesis time / audio duration over ``sentences`` (speakers taken in turn)."""
    ids = speakers or [s.id for s in tts.speakers()]
    spent = audio = 0.0
    for n, sentence in enumerate(sentences):
        text = normalize(sentence)
        started = time.perf_counter()
        wav = tts.synthesize(text, ids[n % len(ids)])
        spent += time.perf_counter() - started
        audio += wav_seconds(wav)
    return {
        "rtf": spent / max(audio, 1e-6),
        "audio_s": round(audio, 2),
        "sentences": len(sentences),
    }


def roundtrip_cer(
    tts: TextToSpeech, stt: SpeechToText, sentences: list[str], speakers: list[str]
) -> dict[str, Any]:
    """Korean text → (normalize) → TTS → STT → CER against the normalized text."""
    pairs, stt_time, seconds = [], 0.0, 0.0
    for n, sentence in enumerate(sentences):
        wav = tts.synthesize(normalize(sentence), speakers[n % len(speakers)])
        transcript = transcribe(stt, wav, "roundtrip.wav")
        stt_time += transcript.rtf * transcript.seconds
        seconds += transcript.seconds
        pairs.append((sentence, transcript.text))
    return {
        "cer": corpus_cer(pairs, "ko"),
        "stt_rtf": stt_time / max(seconds, 1e-6),
        "audio_s": round(seconds, 2),
        "examples": [{"ref": r, "hyp": h} for r, h in pairs[:3]],
    }


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def latency(
    voice: Voice,
    dialogue: Callable[[str], str],
    questions: list[tuple[str, bytes]],
    speaker: str | None = None,
) -> dict[str, Any]:
    """Time each question: STT → dialogue → streamed TTS (first chunk and whole answer)."""
    turns, firsts, stt_ms, heard = [], [], [], []
    for text, wav in questions:
        started = time.perf_counter()
        transcript = voice.transcribe(wav, "question.wav")
        after_stt = time.perf_counter()
        answer = dialogue(transcript.text)
        first = None
        for _chunk in voice.synthesize_stream(answer, speaker):
            first = first or time.perf_counter()
        done = time.perf_counter()
        turns.append((done - started) * 1000)
        firsts.append(((first or done) - started) * 1000)
        stt_ms.append((after_stt - started) * 1000)
        heard.append({"said": text, "heard": transcript.text})
    return {
        "turn_ms_p50": _percentile(turns, 50),
        "turn_ms_p95": _percentile(turns, 95),
        "first_audio_ms_p50": _percentile(firsts, 50),
        "first_audio_ms_p95": _percentile(firsts, 95),
        "stt_ms_p50": _percentile(stt_ms, 50),
        "turns": len(turns),
        "heard": heard[:4],
    }


def _known_speech_spans(
    pieces: list[np.ndarray], pauses: list[int], rate: int
) -> list[tuple[float, float]]:
    from models.speech.audio import frame_energy_db

    spans, t = [], 0.0
    for n, piece in enumerate(pieces):
        if n:
            t += pauses[n - 1] / rate
        db = frame_energy_db(piece, rate, 0.01)
        loud = np.flatnonzero(db >= np.percentile(db, 10) + 10)
        spans.append((t + loud[0] * 0.01, t + (loud[-1] + 1) * 0.01))
        t += len(piece) / rate
    return spans


def prepare_experiment(
    pieces: list[np.ndarray],
    texts: list[str],
    rate: int,
    stt: SpeechToText,
    language: str,
    work: Path,
    seed: int = 0,
) -> dict[str, Any]:
    """Concatenate clips with 0.6–1.0 s pauses, run ``prepare``, and score the cuts.

    A clip counts as cut at the right sentence when its start lies in the pause before its
    sentence (or before the first speech) and its end in the pause after it.
    """
    from models.speech.prepare import prepare_tts_data

    rng = np.random.default_rng(seed)
    pauses = [int(rng.uniform(0.6, 1.0) * rate) for _ in pieces[1:]]
    joined = [pieces[0]]
    for pause, piece in zip(pauses, pieces[1:], strict=True):
        joined += [np.zeros(pause, np.float32), piece]
    total = sum(len(p) for p in joined) / rate
    work.mkdir(parents=True, exist_ok=True)
    (work / "long.wav").write_bytes(to_wav_bytes(np.concatenate(joined), rate))
    (work / "script.txt").write_text("\n".join(texts), encoding="utf-8")
    started = time.perf_counter()
    result = prepare_tts_data(
        work / "long.wav", work / "script.txt", work / "out", stt, language=language
    )
    elapsed = time.perf_counter() - started
    spans = _known_speech_spans(pieces, pauses, rate)
    correct = 0
    for i, segment in enumerate(result.segments[: len(spans)]):
        if segment is None:
            continue
        lo, hi = (spans[i - 1][1] if i else 0.0), spans[i][0]
        lo2, hi2 = spans[i][1], (spans[i + 1][0] if i + 1 < len(spans) else total)
        correct += int(
            lo - 1e-3 <= segment[0] <= hi + 1e-3 and lo2 - 1e-3 <= segment[1] <= hi2 + 1e-3
        )
    return {
        "clips": result.clips,
        "sentences": result.sentences,
        "aligned_ratio": result.aligned_ratio,
        "correct_ratio": correct / len(spans),
        "char_match_ratio": result.char_match_ratio,
        "seconds": round(total, 2),
        "prepare_s": round(elapsed, 2),
    }


def voice_benchmark(
    *,
    voice: Voice,
    dialogue: Callable[[str], str],
    espeak: TextToSpeech,
    espeak_raw: TextToSpeech,
    vosk: SpeechToText,
    cer_samples: list[Sample],
    cer_raw_stt: SpeechToText,
    cer_stt: SpeechToText,
    cer_language: str,
    vits: TextToSpeech | None = None,
    prepare: dict[str, Any] | None = None,
    question_speaker: str = "1",
) -> dict[str, Any]:
    """Every number of ``sori bench voice`` (top-level keys of CLI.md plus ``detail``)."""
    started = time.perf_counter()
    questions = [(q, espeak.synthesize(normalize(q), question_speaker)) for q in KO_QUESTIONS]
    # Load models and warm Vosk's recognizer outside the timings (a server does this at start).
    greeting = espeak.synthesize("안녕하세요. 무엇을 도와 드릴까요?", question_speaker)
    voice.transcribe(greeting, "warmup.wav")
    lat = latency(voice, dialogue, questions)
    speakers = [s.id for s in espeak.speakers()][:4]
    rt = roundtrip_cer(espeak, vosk, KO_SENTENCES, speakers)
    rt_raw = roundtrip_cer(espeak_raw, vosk, KO_SENTENCES, speakers)
    tts = tts_rtf(espeak, KO_SENTENCES)
    stt = stt_compare(cer_samples, cer_raw_stt, cer_stt, cer_language)
    detail: dict[str, Any] = {
        "stt": {
            "engine": vosk.name,
            "rtf_roundtrip": rt["stt_rtf"],
            "audio_s": rt["audio_s"] + rt_raw["audio_s"],
        },
        "tts": {"engine": espeak.name, **tts},
        "latency": lat,
        "roundtrip": {"g2p": rt, "raw": rt_raw},
        "cer": stt,
    }
    if vits is not None:
        detail["tts_vits"] = tts_rtf(vits, KO_SENTENCES[:5])
    if prepare:
        detail["prepare"] = prepare
    detail["bench_s"] = round(time.perf_counter() - started, 1)
    return {
        "stt_rtf": (rt["stt_rtf"] * rt["audio_s"] + rt_raw["stt_rtf"] * rt_raw["audio_s"])
        / max(rt["audio_s"] + rt_raw["audio_s"], 1e-6),
        "tts_rtf": tts["rtf"],
        "turn_ms_p50": lat["turn_ms_p50"],
        "turn_ms_p95": lat["turn_ms_p95"],
        "first_audio_ms_p50": lat["first_audio_ms_p50"],
        "roundtrip_cer": rt["cer"],
        "roundtrip_cer_raw": rt_raw["cer"],
        "cer": stt["cer"],
        "cer_raw": stt["cer_raw"],
        "detail": detail,
    }
