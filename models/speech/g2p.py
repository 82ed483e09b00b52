"""Korean grapheme → pronunciation (표준 발음법) on jamo, applied before espeak-ng reads a text.

espeak-ng's Korean voice reads spelling almost letter by letter: it does not nasalize (국물 is read
"국물", not "궁물"), lateralize (신라) or tensify (학교). Rewriting the text in Hangul as it is
pronounced lets the synthesizer say it right. Rules run inside one word (no space crossed), in the
order of the standard pronunciation rules:

1. ㅎ: aspiration (좋다 → 조타, 축하 → 추카), ㅎ dropped before a vowel (좋아 → 조아), ㅎ+ㄴ → ㄴㄴ
2. palatalization (구개음화): ㄷ/ㅌ + 이 → 지/치 (같이 → 가치, 굳이 → 구지, 닫히다 → 다치다)
3. liaison (연음): a final moves to a following ㅇ (밥먹어 → 밥머거); 겹받침 split (읽어 → 일거)
4. double-final simplification (겹받침): 읽다 → 익다, 앉다 → 안다, 밟다 → 밥다
5. final neutralization: ㅋ ㄲ → ㄱ; ㅅ ㅆ ㅈ ㅊ ㅌ → ㄷ; ㅍ → ㅂ
6. tensification (경음화): after ㄱ ㄷ ㅂ (학교 → 학꾜), after verb stems ending in ㄵ ㄻ ㄼ ㄾ
7. nasalization (비음화): ㄱㄷㅂ + ㄴㅁ → ㅇㄴㅁ (국물 → 궁물); ㄹ after ㅁㅇㄱㅂ → ㄴ (종로)
8. lateralization (유음화): ㄴ+ㄹ, ㄹ+ㄴ → ㄹㄹ (신라 → 실라, 칼날 → 칼랄)

Neutralized finals are written back with their spelling letter (ㄷ stays ㄷ), which espeak-ng reads
as the unreleased stop. Morphology-dependent exceptions (의견란, ㄴ 첨가 솜이불) are not handled.

Example:
    >>> pronounce("국물 신라 같이 좋아 학교 읽다 밥먹어")
    '궁물 실라 가치 조아 학꾜 익따 밤머거'
"""

from __future__ import annotations

import re

from models.korean import compose, decompose

__all__ = ["pronounce", "pronounce_word"]

_HANGUL = re.compile(r"[가-힣]+")

# Double finals: (first, second) when the second moves to a following vowel.
_SPLIT = {
    "ㄳ": ("ㄱ", "ㅆ"),
    "ㄵ": ("ㄴ", "ㅈ"),
    "ㄶ": ("ㄴ", "ㅎ"),
    "ㄺ": ("ㄹ", "ㄱ"),
    "ㄻ": ("ㄹ", "ㅁ"),
    "ㄼ": ("ㄹ", "ㅂ"),
    "ㄽ": ("ㄹ", "ㅆ"),
    "ㄾ": ("ㄹ", "ㅌ"),
    "ㄿ": ("ㄹ", "ㅍ"),
    "ㅀ": ("ㄹ", "ㅎ"),
    "ㅄ": ("ㅂ", "ㅆ"),
}
# Double finals before a consonant or at the end: the one that is pronounced.
_SIMPLIFY = {
    "ㄳ": "ㄱ",
    "ㄵ": "ㄴ",
    "ㄶ": "ㄴ",
    "ㄺ": "ㄱ",
    "ㄻ": "ㅁ",
    "ㄼ": "ㄹ",
    "ㄽ": "ㄹ",
    "ㄾ": "ㄹ",
    "ㄿ": "ㅂ",
    "ㅀ": "ㄹ",
    "ㅄ": "ㅂ",
}
# Representative sound of each final (음절의 끝소리 규칙).
_NEUTRAL = {
    "ㄲ": "ㄱ",
    "ㅋ": "ㄱ",
    "ㅅ": "ㄷ",
    "ㅆ": "ㄷ",
    "ㅈ": "ㄷ",
    "ㅊ": "ㄷ",
    "ㅌ": "ㄷ",
    "ㅎ": "ㄷ",
    "ㅍ": "ㅂ",
}
_ASPIRATE = {"ㄱ": "ㅋ", "ㄷ": "ㅌ", "ㅂ": "ㅍ", "ㅈ": "ㅊ"}
_TENSE = {"ㄱ": "ㄲ", "ㄷ": "ㄸ", "ㅂ": "ㅃ", "ㅅ": "ㅆ", "ㅈ": "ㅉ"}
_NASAL = {"ㄱ": "ㅇ", "ㄷ": "ㄴ", "ㅂ": "ㅁ"}
# Finals that aspirate a following ㅎ (축하 → 추카, 맏형 → 마텽, 꽂히다 → 꼬치다).
_ASPIRATE_BEFORE_H = {
    "ㄱ": "ㅋ",
    "ㄲ": "ㅋ",
    "ㄷ": "ㅌ",
    "ㅂ": "ㅍ",
    "ㅈ": "ㅊ",
    "ㅅ": "ㅌ",
    "ㅊ": "ㅊ",
}
_H_FINALS = {"ㅎ": "", "ㄶ": "ㄴ", "ㅀ": "ㄹ"}


def _syllables(word: str) -> list[list[str]]:
    return [list(decompose(ch)) for ch in word]


def pronounce_word(word: str) -> str:
    """Pronunciation of one all-Hangul word (no spaces), e.g. ``"읽다"`` → ``"익따"``."""
    s = _syllables(word)
    n = len(s)
    # Remember verb-stem double finals before they are simplified: they tensify what follows.
    stem_tense = [syl[2] in ("ㄵ", "ㄻ", "ㄼ", "ㄾ") for syl in s]
    for i in range(n - 1):
        cur, nxt = s[i], s[i + 1]
        final, initial = cur[2], nxt[0]
        if not final:
            continue
        # 1. ㅎ rules
        if final in _H_FINALS:
            rest = _H_FINALS[final]
            if initial in _ASPIRATE:  # 좋다 → 조타, 않고 → 안코
                cur[2], nxt[0] = rest, _ASPIRATE[initial]
                continue
            if initial == "ㅅ":  # 닿소 → 다쏘
                cur[2], nxt[0] = rest, "ㅆ"
                continue
            if initial == "ㅇ":  # 좋아 → 조아, 않아 → 아나, 싫어 → 시러
                cur[2] = ""
                if rest:
                    nxt[0] = rest
                continue
            if initial == "ㄴ":  # 놓는 → 논는, 뚫는 → 뚤른 (by 유음화 below)
                cur[2] = rest or "ㄴ"
                final = cur[2]
        if initial == "ㅎ":
            if final in _ASPIRATE_BEFORE_H:  # 축하 → 추카, 입학 → 이팍
                aspirated = _ASPIRATE_BEFORE_H[final]
                cur[2] = ""
                # 2. 닫히다 → 다치다: ㄷ+히 aspirates then palatalizes.
                nxt[0] = "ㅊ" if aspirated == "ㅌ" and nxt[1] == "ㅣ" else aspirated
                continue
            if (
                final in _SPLIT and _SPLIT[final][1] in _ASPIRATE
            ):  # 밝히다 → 발키다, 앉히다 → 안치다
                first, second = _SPLIT[final]
                cur[2], nxt[0] = first, _ASPIRATE[second]
                continue
        if initial == "ㅇ":
            # 2. palatalization: 같이 → 가치, 굳이 → 구지, 핥이 → 할치
            if nxt[1] == "ㅣ" and final in ("ㄷ", "ㅌ", "ㄾ"):
                cur[2] = "ㄹ" if final == "ㄾ" else ""
                nxt[0] = "ㅈ" if final == "ㄷ" else "ㅊ"
                continue
            # 3. liaison
            if final in _SPLIT:  # 읽어 → 일거, 값이 → 갑씨
                cur[2], nxt[0] = _SPLIT[final]
                stem_tense[i] = False
                continue
            if final != "ㅇ":  # ㅇ (ng) stays: 강아지
                cur[2], nxt[0] = "", final
                continue
    # 4.–8. finals meeting consonants
    for i in range(n):
        cur = s[i]
        final = cur[2]
        if not final:
            continue
        nxt = s[i + 1] if i + 1 < n else None
        initial = nxt[0] if nxt else ""
        if final in _SIMPLIFY:
            if final == "ㄺ" and initial == "ㄱ":  # 읽고 → 일꼬
                final = "ㄹ"
                nxt[0] = "ㄲ"
            elif final == "ㄼ" and cur[0] == "ㅂ" and cur[1] == "ㅏ":  # 밟다 → 밥따
                final = "ㅂ"
            else:
                final = _SIMPLIFY[final]
        final = _NEUTRAL.get(final, final)
        cur[2] = final
        if not nxt:
            continue
        if final in ("ㄱ", "ㄷ", "ㅂ"):
            if initial in _TENSE:  # 6. 학교 → 학꾜, 국밥 → 국빱
                nxt[0] = _TENSE[initial]
            elif initial in ("ㄴ", "ㅁ"):  # 7. 국물 → 궁물, 밥먹 → 밤먹
                cur[2] = _NASAL[final]
            elif initial == "ㄹ":  # 7. 국립 → 궁닙, 협력 → 혐녁
                cur[2], nxt[0] = _NASAL[final], "ㄴ"
        elif final in ("ㄴ", "ㅁ", "ㄹ") and stem_tense[i] and initial in _TENSE:
            nxt[0] = _TENSE[initial]  # 6. 앉다 → 안따, 삶고 → 삼꼬, 넓다 → 널따
        elif final in ("ㅁ", "ㅇ") and initial == "ㄹ":  # 7. 침략 → 침냑, 종로 → 종노
            nxt[0] = "ㄴ"
        elif final == "ㄴ" and initial == "ㄹ":  # 8. 신라 → 실라
            cur[2] = "ㄹ"
        elif final == "ㄹ" and initial == "ㄴ":  # 8. 칼날 → 칼랄
            nxt[0] = "ㄹ"
    out = []
    for initial, medial, final in s:
        # 표준 발음법 5항: 의 after a consonant is read 이 (희망 → 히망).
        if medial == "ㅢ" and initial != "ㅇ":
            medial = "ㅣ"
        out.append(compose(initial, medial, final))
    return "".join(out)


def pronounce(text: str) -> str:
    """Rewrite every Hangul word of ``text`` as pronounced; other characters are kept.

    Args:
        text: Korean text, ideally already normalized (numbers and Latin letters spelled out).

    Returns:
        The same text with each run of Hangul syllables replaced by its pronunciation.
    """
    return _HANGUL.sub(lambda m: pronounce_word(m.group(0)), text)
