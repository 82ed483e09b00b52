"""Voice commands: ``sori stt``, ``sori tts speakers|say|prepare|train``, ``sori bench voice``."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from assistant.cli._apps import app, bench_app, tts_app
from assistant.cli._common import emit, load_settings, stderr

__all__ = ["bench_voice", "stt", "tts_prepare", "tts_say", "tts_speakers", "tts_train"]

JsonOption = Annotated[bool, typer.Option("--json", help="마지막 줄에 JSON 한 줄 출력")]
LanguageOption = Annotated[str, typer.Option(help="ko (Vosk) | en (pocketsphinx)")]
_REPO = Path(__file__).resolve().parents[2]


def _fail(exc: Exception) -> None:
    message = getattr(exc, "user_message", None) or str(exc)
    stderr.print(f"[red]{message}[/red] ({type(exc).__name__}: {exc})")
    raise typer.Exit(1)


def _shared_data() -> Path:
    return Path(os.environ.get("SORI_SHARED_DATA", _REPO.parent / "shared" / "data"))


@app.command()
def stt(
    file: Annotated[
        Path, typer.Argument(help="녹음 파일 (wav/webm/ogg/mp3/flac)", exists=True, dir_okay=False)
    ],
    language: LanguageOption = "ko",
    as_json: JsonOption = False,
) -> None:
    """음성 인식 / speech to text. 예: sori stt --json question.webm"""
    from models.errors import ModelError
    from models.speech import make_stt, transcribe

    settings = load_settings()
    try:
        engine = make_stt(
            settings.stt_engine if language == "ko" else "pocketsphinx",
            settings.stt_model_dir,
            language=language,
        )
        result = transcribe(engine, file.read_bytes(), file.name)
    except ModelError as exc:
        _fail(exc)
    emit(
        {
            "text": result.text,
            "rtf": result.rtf,
            "engine": result.engine,
            "seconds": result.seconds,
            "confidence": result.confidence,
        },
        as_json,
        title="sori stt",
    )


@tts_app.command("speakers")
def tts_speakers(as_json: JsonOption = False) -> None:
    """화자 목록 / the voices. 예: sori tts speakers --json"""
    from assistant.voice import VoicePipeline
    from models.errors import ModelError

    try:
        speakers = VoicePipeline(load_settings()).speakers()
    except ModelError as exc:
        _fail(exc)
    if as_json:
        emit({"speakers": [s.as_dict() for s in speakers]}, True)
        return
    for s in speakers:
        typer.echo(f"{s.id}: {s.name} [{s.engine}]")


@tts_app.command("say")
def tts_say(
    text: Annotated[str, typer.Argument(help='읽을 문장, 예: "결과는 모두 3개예요."')],
    out: Annotated[Path, typer.Option(help="저장할 WAV 파일")],
    speaker: Annotated[str | None, typer.Option(help="화자 번호 (sori tts speakers)")] = None,
    as_json: JsonOption = False,
) -> None:
    """음성 합성 / text to speech. 예: sori tts say --speaker 2 --out a.wav "안녕하세요\""""
    from assistant.voice import VoicePipeline
    from models.errors import ModelError
    from models.speech.audio import wav_seconds

    voice = VoicePipeline(load_settings())
    try:
        chosen = voice.resolve_speaker(speaker)
        if speaker is not None and chosen.id != str(speaker):
            stderr.print(f"[yellow]화자 {speaker}번은 없어서 {chosen.id}번으로 읽어요.[/yellow]")
        started = time.perf_counter()
        wav = voice.synthesize(text, chosen.id)
        spent = time.perf_counter() - started
    except ModelError as exc:
        _fail(exc)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(wav)
    seconds = wav_seconds(wav)
    emit(
        {
            "speaker": chosen.id,
            "seconds": seconds,
            "rtf": spent / max(seconds, 1e-6),
            "engine": chosen.engine,
            "out": str(out),
            "spoken": voice.speech_text(text),
        },
        as_json,
        title="sori tts say",
    )


@tts_app.command("prepare")
def tts_prepare(
    audio: Annotated[Path, typer.Option(help="긴 녹음 파일", exists=True, dir_okay=False)],
    script: Annotated[
        Path, typer.Option(help="녹음의 대본 (UTF-8 텍스트)", exists=True, dir_okay=False)
    ],
    out: Annotated[Path, typer.Option(help="만들 데이터 폴더 (wavs/ + metadata.csv)")],
    language: LanguageOption = "ko",
    as_json: JsonOption = False,
) -> None:
    """녹음을 문장 단위로 자르기 / cut a long recording into sentence clips by STT alignment.

    예: sori tts prepare --audio book.wav --script book.txt --out data/kss-me --json
    """
    from models.errors import ModelError
    from models.speech import make_stt
    from models.speech.prepare import prepare_tts_data

    settings = load_settings()
    try:
        engine = make_stt(
            "pocketsphinx" if language == "en" else settings.stt_engine,
            settings.stt_model_dir if language != "en" else None,
            language=language,
        )
        result = prepare_tts_data(audio, script, out, engine, language=language)
    except ModelError as exc:
        _fail(exc)
    emit(
        {
            "clips": result.clips,
            "aligned_ratio": result.aligned_ratio,
            "sentences": result.sentences,
            "char_match_ratio": result.char_match_ratio,
            "out": str(out),
            "skipped": result.skipped,
        },
        as_json,
        title="sori tts prepare",
    )


@tts_app.command("train")
def tts_train(
    data: Annotated[Path, typer.Option(help="KSS/LJSpeech 형식 폴더 (metadata.csv + wavs/)")],
    out: Annotated[Path, typer.Option(help="모델 폴더 (SORI_TTS_MODEL_DIR로 쓰기)")],
    steps: Annotated[int | None, typer.Option(help="학습 스텝 수 (기본: hparams.yaml)")] = None,
    overrides: Annotated[
        list[str] | None, typer.Option("--set", help="하이퍼파라미터, 예: train.lr_gen=0.001")
    ] = None,
    search: Annotated[
        int, typer.Option(help="설정 N개를 짧게 학습해 손실이 가장 낮은 것 선택")
    ] = 0,
    as_json: JsonOption = False,
) -> None:
    """VITS 다화자 모델 학습 / train Coqui VITS. 예: sori tts train --data d --out m --json"""
    from models.errors import ModelError
    from models.speech.train_tts import train

    load_settings()
    try:
        result = train(data, out, steps=steps, overrides=list(overrides or []), search=search)
    except KeyError as exc:
        stderr.print(f"[red]알 수 없는 하이퍼파라미터: {exc.args[0]}[/red]")
        raise typer.Exit(2) from exc
    except ValueError as exc:
        stderr.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    except ModelError as exc:
        _fail(exc)
    emit(
        {
            "steps": result.steps,
            "loss_first": result.loss_first,
            "loss_last": result.loss_last,
            "checkpoint": result.checkpoint,
            "speakers": result.speakers,
            "train_s": result.train_s,
            "search_s": result.search_s,
            "skipped": result.skipped,
            "detail": {"search": result.search, "losses": result.losses},
        },
        as_json,
        title="sori tts train",
    )


def _simple_dialogue(text: str) -> str:
    """Stand-in for the dialogue manager: a fixed three-sentence answer about what was heard."""
    return (
        f"네, 알겠어요. '{text}'에 대해 찾아봤어요. 결과는 모두 3개예요. 첫 번째를 보여 드릴게요."
    )


@bench_app.command("voice")
def bench_voice(
    data: Annotated[
        Path | None, typer.Option(help="*.wav + 같은 이름 *.txt 폴더 (한국어, Vosk로 CER)")
    ] = None,
    dialogue: Annotated[
        str, typer.Option(help="simple (고정 답) | manager (DialogueManager)")
    ] = "simple",
    prepare: Annotated[bool, typer.Option(help="prepare 정렬 실험(영어·한국어)도 실행")] = True,
    as_json: JsonOption = False,
) -> None:
    """음성 벤치마크 / STT, TTS, latency, CER. 예: sori bench voice --json"""
    from assistant.voice import VoicePipeline
    from models.speech import EspeakTTS, make_stt
    from models.speech.evaluate import english_samples, folder_samples, voice_benchmark

    settings = load_settings()
    started = time.perf_counter()
    voice = VoicePipeline(settings)
    respond = _simple_dialogue
    if dialogue == "manager":
        from assistant import DialogueManager

        manager = DialogueManager(settings)
        manager.handle("bench-voice", "안녕", voice=False)  # train/load outside the timings

        def respond(text: str) -> str:
            return manager.handle("bench-voice", text, voice=False).text

    vosk = voice.stt
    if data is not None:
        samples, language = folder_samples(data), "ko"
        raw_stt, tuned_stt = make_stt("vosk", settings.stt_model_dir), vosk
    else:
        samples, language = english_samples(_shared_data()), "en"
        from models.speech.stt.pocketsphinx import RAW_DECODER, TUNED_DECODER

        raw_stt, tuned_stt = (
            make_stt("pocketsphinx", decoder=RAW_DECODER),
            make_stt("pocketsphinx", decoder=TUNED_DECODER),
        )
    vits = None
    if settings.tts_model_dir is not None:
        from models.speech.tts.coqui import CoquiTTS

        vits = CoquiTTS(settings.tts_model_dir)
    prepared: dict[str, Any] = {}
    if prepare:
        prepared = _prepare_runs(settings.home / "bench" / "voice")
    result = voice_benchmark(
        voice=voice,
        dialogue=respond,
        espeak=EspeakTTS(),
        espeak_raw=EspeakTTS(g2p=False),
        vosk=vosk,
        cer_samples=samples,
        cer_raw_stt=raw_stt,
        cer_stt=tuned_stt,
        cer_language=language,
        vits=vits,
        prepare=prepared,
    )
    result["detail"]["dialogue"] = dialogue
    result["detail"]["cer_data"] = (
        str(data) if data else "speech/en (jfk + 8 LJSpeech clips), pocketsphinx"
    )
    result["detail"]["total_s"] = round(time.perf_counter() - started, 1)
    emit(result, as_json, title="sori bench voice")


def _prepare_runs(work: Path) -> dict[str, Any]:
    """``prepare`` on the LJSpeech concatenation (en) and on espeak-ng Korean sentences (ko)."""
    import csv
    import shutil

    from models.speech import EspeakTTS, make_stt
    from models.speech.audio import load_audio, read_wav
    from models.speech.evaluate import KO_SENTENCES, prepare_experiment

    shutil.rmtree(work, ignore_errors=True)
    out: dict[str, Any] = {}
    root = _shared_data() / "speech" / "en" / "ljspeech"
    if (root / "metadata.csv").is_file():
        with open(root / "metadata.csv", encoding="utf-8") as handle:
            rows = list(csv.reader(handle, delimiter="|", quoting=csv.QUOTE_NONE))
        pieces = [
            load_audio(root / "wavs" / f"{r[0]}.wav", sample_rate_hz=22050).samples for r in rows
        ]
        out["en"] = prepare_experiment(
            pieces, [r[2] for r in rows], 22050, make_stt("pocketsphinx"), "en", work / "en"
        )
    tts = EspeakTTS()
    sentences = KO_SENTENCES[:10]
    pieces = [read_wav(tts.synthesize(s, str(1 + n % 4))).samples for n, s in enumerate(sentences)]
    out["ko"] = prepare_experiment(pieces, sentences, 22050, make_stt("vosk"), "ko", work / "ko")
    return out
