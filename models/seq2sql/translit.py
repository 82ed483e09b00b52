"""Korean ↔ Latin matching of values: romanization, a phonetic key, and a small noun dictionary.

A Korean user types Latin-script values in Hangul ("삼성" for 'Samsung', "라떼" for 'Latte',
"애플" for 'Apple'), and Hangul values sometimes in Latin. Three tools bridge the scripts:

* ``romanize``: Revised Romanization of Korean, syllable by syllable (no sound-change rules,
  which is what fuzzy matching wants);
* ``phonetic_key``: a consonant skeleton shared by an English spelling and the romanization of
  its Korean loanword respelling (drops the epenthetic 으 of 스/트/프, non-rhotic r, merges
  f/p, v/b, l/r, c/k/q/g, z/j, doubled letters), so 'Starbucks' and 스타벅스 both give ``stbks``;
* ``translate_noun``: a small dictionary of common nouns (colors, food, places, genres...).
"""

from __future__ import annotations

import re
import unicodedata

from models.korean import compose, decompose

__all__ = [
    "acronym_spellings",
    "english_to_korean",
    "hangul_spelling",
    "latin_form",
    "latin_forms",
    "phonetic_key",
    "phonetic_keys",
    "romanize",
    "translate_noun",
]

_INITIAL_RR = {
    "ㄱ": "g",
    "ㄲ": "kk",
    "ㄴ": "n",
    "ㄷ": "d",
    "ㄸ": "tt",
    "ㄹ": "r",
    "ㅁ": "m",
    "ㅂ": "b",
    "ㅃ": "pp",
    "ㅅ": "s",
    "ㅆ": "ss",
    "ㅇ": "",
    "ㅈ": "j",
    "ㅉ": "jj",
    "ㅊ": "ch",
    "ㅋ": "k",
    "ㅌ": "t",
    "ㅍ": "p",
    "ㅎ": "h",
}
_MEDIAL_RR = {
    "ㅏ": "a",
    "ㅐ": "ae",
    "ㅑ": "ya",
    "ㅒ": "yae",
    "ㅓ": "eo",
    "ㅔ": "e",
    "ㅕ": "yeo",
    "ㅖ": "ye",
    "ㅗ": "o",
    "ㅘ": "wa",
    "ㅙ": "wae",
    "ㅚ": "oe",
    "ㅛ": "yo",
    "ㅜ": "u",
    "ㅝ": "wo",
    "ㅞ": "we",
    "ㅟ": "wi",
    "ㅠ": "yu",
    "ㅡ": "eu",
    "ㅢ": "ui",
    "ㅣ": "i",
}
_FINAL_RR = {
    "": "",
    "ㄱ": "k",
    "ㄲ": "k",
    "ㄳ": "k",
    "ㄴ": "n",
    "ㄵ": "n",
    "ㄶ": "n",
    "ㄷ": "t",
    "ㄹ": "l",
    "ㄺ": "k",
    "ㄻ": "m",
    "ㄼ": "l",
    "ㄽ": "l",
    "ㄾ": "l",
    "ㄿ": "p",
    "ㅀ": "l",
    "ㅁ": "m",
    "ㅂ": "p",
    "ㅄ": "p",
    "ㅅ": "t",
    "ㅆ": "t",
    "ㅇ": "ng",
    "ㅈ": "t",
    "ㅊ": "t",
    "ㅋ": "k",
    "ㅌ": "t",
    "ㅍ": "p",
    "ㅎ": "t",
}


def romanize(text: str) -> str:
    """Revised Romanization, syllable by syllable; other characters are kept (lower-cased).

    Examples:
        >>> romanize("삼성"), romanize("라떼"), romanize("서울")
        ('samseong', 'ratte', 'seoul')
    """
    out = []
    for ch in text:
        try:
            initial, medial, final = decompose(ch)
        except ValueError:
            out.append(ch.lower())
            continue
        out.append(_INITIAL_RR[initial] + _MEDIAL_RR[medial] + _FINAL_RR[final])
    return "".join(out)


# Rules turning a romanized loanword into something close to its English source, applied in order.
_KOREAN_LOAN_RULES = [
    (re.compile(r"eu(?=[^aeiouy]|$)"), ""),  # 스타 → s-ta, 플 → pl: epenthetic ㅡ
    (re.compile(r"eu"), ""),
    (re.compile(r"eo"), "o"),
    (re.compile(r"ae"), "a"),
    (re.compile(r"ng$"), "ng"),
]
_ENGLISH_RULES = [
    (re.compile(r"^the(?=[a-z]{3})"), ""),  # "The North Face" is 노스페이스
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"qu"), "kw"),
    (re.compile(r"th"), "s"),
    (re.compile(r"tion"), "shon"),  # nation → 네이션
    (re.compile(r"wh"), "w"),
    (re.compile(r"c(?=[eiy])"), "s"),  # face, city
    (re.compile(r"g(?=[eiy])"), "j"),  # george, gin
    (re.compile(r"(?<=[aeiou])r(?=[^aeiouy]|$)"), ""),  # non-rhotic: star → sta, burger → bga
    (re.compile(r"(?<=[aeiou])gh"), ""),
    (re.compile(r"e$"), ""),  # silent final e
]
_HARD_G_RULES = [rule for rule in _ENGLISH_RULES if rule[0].pattern != r"g(?=[eiy])"]
# Consonant classes shared by both scripts; s/z/j merge because Korean writes English /z/ and /ʃ/
# with ㅈ or ㅅ (디저트 dessert, 치즈 cheese, 비숑 bichon).
_CLASS = str.maketrans(
    {"f": "p", "v": "b", "r": "l", "c": "k", "q": "k", "g": "k", "z": "j", "s": "j", "d": "t"}
)


def _skeleton(latin: str) -> str:
    latin = re.sub(r"ng(?![aeiouy])", "n", latin).replace("ch", "j").translate(_CLASS)
    latin = re.sub(r"[aeiouyw]+", "", latin)
    latin = re.sub(r"h", "", latin)
    return re.sub(r"(.)\1+", r"\1", latin)


def _loan_latin(hangul: str) -> str:
    latin = romanize(hangul)
    for pattern, repl in _KOREAN_LOAN_RULES:
        latin = pattern.sub(repl, latin)
    return re.sub(r"[^a-z]", "", latin)


def latin_forms(text: str) -> list[str]:
    """Latin letters ``text`` may stand for: an English spelling, its acronym read by letter
    names, or the romanized loanword respelling of Korean text."""
    text = unicodedata.normalize("NFKC", text)
    if re.search("[가-힣]", text):
        return [_loan_latin(text)]
    forms = []
    for rules in (_ENGLISH_RULES, _HARD_G_RULES):  # gin (ㅈ) as well as burger (ㄱ)
        latin = re.sub(r"[^a-z]", "", text.lower())
        for pattern, repl in rules:
            latin = pattern.sub(repl, latin)
        forms.append(latin)
        if "ch" in latin:  # mocha (k) as well as cheese (ㅊ)
            forms.append(latin.replace("ch", "k"))
    forms = list(dict.fromkeys(forms))
    if _ACRONYM.search(text):  # 'LG' is read 엘지, 'SG Rail' 에스지 레일
        forms.append(_loan_latin(_spell_acronyms(text)))
    return forms


# Letter names, for acronyms ("KT" → 케이티) and the respelling of Latin-script names.
_LETTER_NAMES = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        "에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 엘 엠 엔 오 피 큐 알 에스 티 유 브이 "
        "더블유 엑스 와이 제트".split(),
        strict=True,
    )
)
_ACRONYM = re.compile(r"\b[A-Z]{1,3}\b")
_ACRONYM_WITH_AMPERSAND = re.compile(r"\b[A-Z]{1,3}(?:&[A-Z]{1,3})?\b")  # R&B, AT&T


def _spell_acronyms(text: str) -> str:
    spelled = _ACRONYM.sub(lambda m: "".join(_LETTER_NAMES[c] for c in m.group(0).lower()), text)
    return spelled.replace("&", "앤")  # R&B → 알앤비


def acronym_spellings(text: str) -> list[tuple[str, str]]:
    """(Hangul letter names, acronym) for each acronym of two or more letters in ``text``.

    Examples:
        >>> acronym_spellings("YG Entertainment"), acronym_spellings("R&B")
        ([('와이지', 'YG')], [('알앤비', 'R&B')])
    """
    return [
        (_spell_acronyms(m.group(0)), m.group(0))
        for m in _ACRONYM_WITH_AMPERSAND.finditer(unicodedata.normalize("NFKC", text))
        if len(m.group(0)) >= 2
    ]


# Grapheme → jamo for a rough Korean respelling of an English word (the way 코레일 spells 'Korail').
_UNITS = re.compile(r"ch|sh|th|ph|ck|ng|qu|ai|ay|ei|ey|ea|ee|ie|oo|ou|ow|oa|au|aw|oi|oy|[a-z]")
_VOWELS = {
    "a": ["ㅏ"], "e": ["ㅔ"], "i": ["ㅣ"], "o": ["ㅗ"], "u": ["ㅜ"], "y": ["ㅣ"],
    "ai": ["ㅔ", "ㅣ"], "ay": ["ㅔ", "ㅣ"], "ei": ["ㅔ", "ㅣ"], "ey": ["ㅔ", "ㅣ"],
    "ea": ["ㅣ"], "ee": ["ㅣ"], "ie": ["ㅣ"], "oo": ["ㅜ"], "ou": ["ㅏ", "ㅜ"], "ow": ["ㅏ", "ㅜ"],
    "oa": ["ㅗ"], "au": ["ㅗ"], "aw": ["ㅗ"], "oi": ["ㅗ", "ㅣ"], "oy": ["ㅗ", "ㅣ"],
}  # fmt: skip
_INITIALS = {
    "b": "ㅂ", "c": "ㅋ", "d": "ㄷ", "f": "ㅍ", "g": "ㄱ", "h": "ㅎ", "j": "ㅈ", "k": "ㅋ",
    "l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "p": "ㅍ", "q": "ㅋ", "r": "ㄹ", "s": "ㅅ", "t": "ㅌ",
    "v": "ㅂ", "x": "ㅅ", "z": "ㅈ", "ch": "ㅊ", "sh": "ㅅ", "th": "ㅅ", "ph": "ㅍ", "ck": "ㅋ",
    "qu": "ㅋ", "ng": "ㅇ", "w": "ㅇ", "y": "ㅇ",
}  # fmt: skip
_FINALS = {"m": "ㅁ", "n": "ㄴ", "ng": "ㅇ", "l": "ㄹ", "k": "ㄱ", "ck": "ㄱ", "p": "ㅂ"}
_GLIDES = {("w", "ㅏ"): "ㅘ", ("w", "ㅔ"): "ㅞ", ("w", "ㅣ"): "ㅟ", ("w", "ㅗ"): "ㅝ",
           ("qu", "ㅏ"): "ㅘ", ("qu", "ㅔ"): "ㅞ", ("qu", "ㅣ"): "ㅟ",
           ("y", "ㅏ"): "ㅑ", ("y", "ㅔ"): "ㅖ", ("y", "ㅗ"): "ㅛ", ("y", "ㅜ"): "ㅠ"}  # fmt: skip


def _respell_word(word: str) -> str:
    word = re.sub(r"([^aeiou])\1", r"\1", word).replace("ce", "se")  # latte → late, face
    units = _UNITS.findall(re.sub(r"(?<=[^aeiou]{2})e$|(?<=[^aeiou][aeiou][^aeiou])e$", "", word))
    syllables: list[list[str]] = []  # [initial, medial, final]
    i = 0
    while i < len(units):
        unit = units[i]
        nxt = units[i + 1] if i + 1 < len(units) else None
        if unit in _VOWELS and not (unit == "y" and nxt in _VOWELS):
            medials = _VOWELS[unit]
            syllables += [["ㅇ", m, ""] for m in medials]
        elif nxt in _VOWELS and nxt != "y":
            initial = "ㅅ" if unit == "c" and nxt[0] in "eiy" else _INITIALS[unit]  # city → 시티
            medials = list(_VOWELS[nxt])
            medials[0] = _GLIDES.get((unit, medials[0]), medials[0])
            syllables.append(["ㅇ" if unit in ("w", "y") else initial, medials[0], ""])
            syllables += [["ㅇ", m, ""] for m in medials[1:]]
            i += 1
        elif unit == "r" and syllables:
            pass  # non-rhotic: star → 스타
        elif unit in _FINALS and syllables and not syllables[-1][2]:
            syllables[-1][2] = _FINALS[unit]
        else:
            if unit == "x":
                syllables.append(["ㅋ", "ㅡ", ""])
            vowel = "ㅣ" if unit in ("ch", "sh", "j") else "ㅡ"
            syllables.append([_INITIALS.get(unit, "ㅇ"), vowel, ""])
        i += 1
    return "".join(compose(*s) for s in syllables)


def hangul_spelling(text: str) -> str | None:
    """A rough Korean spelling of a Latin-script name, as users type it ("Korail" → 코레일,
    'LG' → 엘지), or None when it would not sound like ``text`` to ``phonetic_keys``.

    Examples:
        >>> hangul_spelling("Korail"), hangul_spelling("The North Face"), hangul_spelling("LG")
        ('코레일', '노스 파스', '엘지')
    """
    words = []
    for word in unicodedata.normalize("NFKC", text).split():
        if _ACRONYM.fullmatch(word):
            words.append(_spell_acronyms(word))
        elif re.fullmatch(r"[A-Za-z]+", word):
            words.append("" if word.lower() == "the" else _respell_word(word.lower()))
        else:
            words.append(word)
    spelled = " ".join(w for w in words if w)
    if not spelled or re.search("[A-Za-z]", spelled):
        return None
    return spelled if phonetic_key(spelled) in phonetic_keys(text) else None


def latin_form(text: str) -> str:
    """The romanized loanword respelling of Korean text ("애플" → "apl"), before the skeleton."""
    return latin_forms(text)[0]


def phonetic_keys(text: str) -> set[str]:
    """Every consonant skeleton of ``text`` (an English "ch" reads as ㅊ or ㅋ)."""
    return {_skeleton(form) for form in latin_forms(text)}


def phonetic_key(text: str) -> str:
    """A script-independent consonant skeleton for fuzzy matching of names.

    Examples:
        >>> phonetic_key("Starbucks") == phonetic_key("스타벅스")
        True
        >>> phonetic_key("Apple") == phonetic_key("애플"), phonetic_key("Samsung") == phonetic_key("삼성")
        (True, True)
        >>> phonetic_key("The North Face") == phonetic_key("노스페이스")
        True
    """
    return _skeleton(latin_forms(text)[0])


# English ↔ Korean common nouns: schema words (for drafts) and frequent values (for linking).
_NOUNS_TEXT = """
id 번호|name 이름|title 제목|price 가격|cost 비용|date 날짜|day 일|year 연도|month 월|time 시간
genre 장르|author 저자|writer 작가|rating 평점|score 점수|count 수|quantity 수량|stock 재고
city 도시|country 나라|address 주소|phone 전화번호|email 이메일|age 나이|birth 출생|gender 성별
category 분류|type 종류|kind 종류|status 상태|amount 금액|total 합계|description 설명|level 등급
customer 고객|order 주문|product 상품|item 상품|employee 직원|department 부서|salary 급여
student 학생|course 강좌|teacher 교사|school 학교|class 반|hospital 병원|doctor 의사|patient 환자
book 책|member 회원|loan 대출|branch 지점|store 매장|shop 가게|menu 메뉴|sale 판매|sales 판매
user 사용자|movie 영화|film 영화|song 노래|artist 가수|album 앨범|team 팀|player 선수|game 경기
region 지역|district 구|station 역|line 노선|route 경로|trail 등산로|mountain 산|height 높이
length 길이|distance 거리|weight 무게|size 크기|population 인구|area 면적|capacity 정원
visit 방문|visitor 방문자|event 행사|company 회사|brand 브랜드|model 모델|color 색상|colour 색상
owner 주인|pet 반려동물|animal 동물|species 종|breed 품종|vet 수의사|treatment 진료|fee 요금
published 출간일|publisher 출판사|pages 쪽수|page 쪽|language 언어|lang 언어|seat 좌석|seats 좌석
opened 개관일|joined 가입일|due 반납 예정일|returned 반납 여부|start 시작|end 종료|duration 기간
speed 속도|temperature 기온|rain 강수량|budget 예산|revenue 매출|profit 이익|tax 세금|discount 할인
comic 만화|webtoon 웹툰|video 영상|episode 회차|episodes 회차|views 조회수|likes 좋아요|review 리뷰
red 빨강|blue 파랑|green 초록|yellow 노랑|black 검정|white 흰색|gray 회색|grey 회색|pink 분홍
orange 주황|purple 보라|brown 갈색|dog 개|cat 고양이|bird 새|rabbit 토끼|fish 물고기|horse 말
hamster 햄스터|cow 소|pig 돼지|chicken 닭|apple 사과|banana 바나나|grape 포도|strawberry 딸기
pear 배|peach 복숭아|lemon 레몬|coffee 커피|tea 차|milk 우유|juice 주스|water 물|bread 빵
cake 케이크|rice 밥|noodle 국수|beer 맥주|wine 와인|chocolate 초콜릿|cheese 치즈|sugar 설탕
korea 한국|japan 일본|china 중국|usa 미국|america 미국|france 프랑스|germany 독일|england 영국
uk 영국|italy 이탈리아|spain 스페인|canada 캐나다|australia 호주|russia 러시아|india 인도
seoul 서울|busan 부산|incheon 인천|daegu 대구|daejeon 대전|gwangju 광주|ulsan 울산|jeju 제주
action 액션|comedy 코미디|romance 로맨스|drama 드라마|thriller 스릴러|horror 공포|fantasy 판타지
mystery 미스터리|documentary 다큐멘터리|animation 애니메이션|novel 소설|poetry 시|essay 수필
history 역사|science 과학|art 예술|music 음악|sports 스포츠|travel 여행|cooking 요리|economics 경제
male 남성|female 여성|man 남자|woman 여자|yes 예|no 아니오|true 참|false 거짓|small 소형
medium 중형|large 대형|easy 쉬움|hard 어려움|normal 보통|high 높음|low 낮음|new 신규|old 오래됨
monday 월요일|tuesday 화요일|wednesday 수요일|thursday 목요일|friday 금요일|saturday 토요일
sunday 일요일|spring 봄|summer 여름|autumn 가을|fall 가을|winter 겨울|morning 오전|afternoon 오후
north 북쪽|south 남쪽|east 동쪽|west 서쪽|latte 라떼|americano 아메리카노|espresso 에스프레소
bicycle 자전거|bike 자전거|motorbike 오토바이|motorcycle 오토바이|scooter 스쿠터|car 자동차|car 차
walk 도보|walking 도보|foot 도보|subway 지하철|train 기차|airplane 비행기|plane 비행기|ship 배
boat 배|cash 현금|card 카드|credit 신용카드|transfer 계좌이체|account 계좌|coupon 쿠폰|gift 선물
paid 결제 완료|unpaid 미결제|pending 대기|waiting 대기|cancelled 취소|canceled 취소|refund 환불
done 완료|completed 완료|complete 완료|delivered 배달 완료|shipped 배송|preparing 준비 중|active 활성
inactive 비활성|closed 폐업|reserved 예약|reservation 예약|available 가능|unavailable 불가
sunny 맑음|clear 맑음|cloudy 흐림|rainy 비|snow 눈|snowy 눈|windy 바람|hot 뜨거운|iced 아이스
cold 차가운|sweet 단맛|spicy 매운맛|sour 신맛|salty 짠맛|beef 소고기|pork 돼지고기|vegetable 채소
vegetables 채소|fruit 과일|seafood 해산물|soup 국|dessert 디저트|snack 간식|breakfast 아침|lunch 점심
dinner 저녁|math 수학|mathematics 수학|english 영어|korean 국어|physics 물리|chemistry 화학
biology 생물|nurse 간호사|chef 요리사|cook 요리사|driver 기사|rider 배달원|guest 손님|child 어린이
children 어린이|kids 어린이|adult 성인|senior 노인|teen 청소년|beginner 초급|intermediate 중급
advanced 고급|daily 매일|weekly 매주|monthly 매월|yearly 매년|weekday 평일|weekend 주말|holiday 휴일
green_tea 녹차|black_tea 홍차|milk_tea 밀크티|ade 에이드|smoothie 스무디|cocoa 코코아|soda 탄산수
grapefruit 자몽|mango 망고|melon 멜론|watermelon 수박|cherry 체리|blueberry 블루베리|plum 자두
tangerine 귤|citron 유자|yuja 유자|tomato 토마토|potato 감자|sweet_potato 고구마|corn 옥수수
bean 콩|red_bean 팥|garlic 마늘|onion 양파|carrot 당근|mushroom 버섯|egg 계란|egg 달걀
black_sugar 흑당|brown_sugar 흑설탕|honey 꿀|salt 소금|butter 버터|cream 크림|ice_cream 아이스크림
cookie 쿠키|bagel 베이글|waffle 와플|pizza 피자|burger 버거|sandwich 샌드위치|salad 샐러드
ramen 라면|dumpling 만두|fried_chicken 치킨|pasta 파스타|steak 스테이크|sushi 초밥|curry 카레
vaccine 백신|rabies 광견병|influenza 독감|flu 독감|allergy 알레르기
surgery 수술|checkup 검진|injection 주사|vaccination 예방접종|dental 치과
puppy 강아지|kitten 새끼고양이|turtle 거북이|parrot 앵무새|lizard 도마뱀|snake 뱀|mouse 쥐
yoga 요가|pilates 필라테스|swimming 수영|running 달리기|boxing 복싱|dance 댄스|crossfit 크로스핏
spinning 스피닝|stretching 스트레칭|weight_training 웨이트|soccer 축구|football 축구|baseball 야구
basketball 농구|volleyball 배구|tennis 테니스|golf 골프|badminton 배드민턴|table_tennis 탁구
piano 피아노|violin 바이올린|drum 드럼|painting 그림|photo 사진|camera 카메라
phone 휴대폰|computer 컴퓨터|laptop 노트북|tablet 태블릿|keyboard 키보드|printer 프린터
chair 의자|desk 책상|bed 침대|door 문|window 창문|house 집|room 방|office 사무실
library 도서관|museum 박물관|church 교회|market 시장|bank 은행|airport 공항|port 항구
river 강|sea 바다|lake 호수|island 섬|forest 숲|beach 해변|valley 계곡|bridge 다리|road 도로
king 왕|queen 여왕|prince 왕자|princess 공주|sky 하늘|flower 꽃|tree 나무
diamond 다이아몬드|platinum 플래티넘|premium 프리미엄
standard 일반|basic 기본|free 무료|trial 체험|regular 정기|special 특별|limited 한정|season 시즌
"""
_EN_TO_KO: dict[str, str] = {}
_KO_TO_EN: dict[str, list[str]] = {}
for _pair in _NOUNS_TEXT.replace("\n", "|").split("|"):
    if _pair.strip():
        _en, _ko = _pair.strip().split(" ", 1)
        _en = _en.replace("_", " ")  # green_tea: a phrase that one Korean word says (녹차)
        _EN_TO_KO.setdefault(_en, _ko)
        _KO_TO_EN.setdefault(_ko, []).append(_en)


def translate_noun(word: str) -> list[str]:
    """Dictionary translations of one common noun, in the other script.

    Examples:
        >>> translate_noun("Coffee"), translate_noun("고양이")
        (['커피'], ['cat'])
    """
    word = word.strip().lower()
    if word in _EN_TO_KO:
        return [_EN_TO_KO[word]]
    return list(_KO_TO_EN.get(word, []))


def english_to_korean(words: str) -> str | None:
    """Translate a space-separated English identifier word by word when every word is known.

    Examples:
        >>> english_to_korean("birth year"), english_to_korean("foo bar")
        ('출생 연도', None)
    """
    parts = words.lower().split()
    if not parts or not all(p in _EN_TO_KO for p in parts):
        return None
    return " ".join(_EN_TO_KO[p] for p in parts)
