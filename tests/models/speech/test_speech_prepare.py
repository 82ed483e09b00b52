"""prepare: cut a long recording into sentence clips by aligning STT with the script."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from models.errors import DatasetLayoutError
from models.speech import make_stt
from models.speech.audio import load_audio, read_wav
from models.speech.evaluate import prepare_experiment
from models.speech.prepare import _needleman_wunsch, align_sentences, prepare_tts_data, split_script
from models.speech.stt.base import Word


def test_split_script() -> None:
    assert split_script("첫 문장이에요. 둘째예요!\n\n셋째 줄\n") == [
        "첫 문장이에요.",
        "둘째예요!",
        "셋째 줄",
    ]


def test_needleman_wunsch_matches_equal_characters() -> None:
    matched = _needleman_wunsch(list("kitten"), list("xxsittingxx"))
    assert [i for i, j in enumerate(matched) if j >= 0] == [1, 2, 3, 5]
    assert list(_needleman_wunsch([], list("abc"))) == []


def test_align_sentences_with_recognition_errors() -> None:
    words = [
        Word("궁물이", 0.0, 0.6),
        Word("맛있어요", 0.6, 1.2),
        Word("학꾜에", 2.0, 2.5),
        Word("가요", 2.5, 3.0),
    ]
    spans, ratios = align_sentences(words, ["국물이 맛있어요.", "학교에 가요."], "ko")
    assert spans[0][1] <= 1.2 + 1e-6 and spans[1][0] >= 2.0 - 1e-6
    assert all(r > 0.7 for r in ratios)


def test_missing_files(tmp_path: Path) -> None:
    with pytest.raises(DatasetLayoutError):
        prepare_tts_data(
            tmp_path / "none.wav", tmp_path / "none.txt", tmp_path / "out", make_stt("pocketsphinx")
        )


def test_ljspeech_concatenation_is_cut_at_the_right_sentences(
    shared_data: Path, tmp_path: Path
) -> None:
    root = shared_data / "speech/en/ljspeech"
    with open(root / "metadata.csv", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="|", quoting=csv.QUOTE_NONE))
    pieces = [load_audio(root / "wavs" / f"{r[0]}.wav", sample_rate_hz=22050).samples for r in rows]
    stt = make_stt("vosk", language="en")  # → pocketsphinx, as `sori tts prepare --language en`
    result = prepare_experiment(pieces, [r[2] for r in rows], 22050, stt, "en", tmp_path)
    assert result["correct_ratio"] >= 0.9, result
    assert result["clips"] >= 7 and result["aligned_ratio"] >= 0.9
    out = tmp_path / "out"
    meta = list(
        csv.reader(
            open(out / "metadata.csv", encoding="utf-8"), delimiter="|", quoting=csv.QUOTE_NONE
        )
    )
    assert len(meta) == result["clips"] and meta[0][0] == "long_0001"
    durations = [read_wav((out / "wavs" / f"{m[0]}.wav").read_bytes()).seconds for m in meta]
    expected = [len(p) / 22050 for p in pieces]
    assert np.corrcoef(durations, expected[: len(durations)])[0, 1] > 0.98
    # a rerun with the same inputs is skipped
    again = prepare_tts_data(
        tmp_path / "long.wav", tmp_path / "script.txt", out, stt, language="en"
    )
    assert again.skipped and again.clips == result["clips"]
