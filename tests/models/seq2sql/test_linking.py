"""Value and schema linking: exact values, Hangul ↔ Latin transliteration, dictionary, parts,
spoken numbers, dates, ranges."""

from __future__ import annotations

import pytest

from models.seq2sql.context import Database
from models.seq2sql.linking import link, normalize_question
from models.seq2sql.schema import Column, Schema, Table
from models.seq2sql.translit import (
    english_to_korean,
    hangul_spelling,
    phonetic_key,
    phonetic_keys,
    romanize,
    translate_noun,
)
from models.seq2sql.values import ValueIndex, data_year, match_values


@pytest.mark.parametrize(
    ("korean", "latin"),
    [
        ("삼성", "Samsung"),
        ("라떼", "Latte"),
        ("애플", "Apple"),
        ("스타벅스", "Starbucks"),
        ("구글", "Google"),
        ("아메리카노", "Americano"),
        ("노스페이스", "The North Face"),
        ("블랙야크", "Black Yak"),
        ("코레일", "Korail"),
        ("서울메트로", "Seoul Metro"),
        ("푸들", "Poodle"),
        ("티라미수", "Tiramisu"),
        ("펭귄", "Penguin"),
    ],
)
def test_phonetic_key_bridges_scripts(korean: str, latin: str) -> None:
    assert phonetic_key(korean) == phonetic_key(latin)


@pytest.mark.parametrize(("korean", "latin"), [("버거킹", "Burger King"), ("진", "Gin")])
def test_a_g_before_e_or_i_is_read_hard_or_soft(korean: str, latin: str) -> None:
    assert phonetic_key(korean) in phonetic_keys(latin)


@pytest.mark.parametrize(
    ("korean", "latin"), [("서울", "seoul"), ("삼성", "samseong"), ("부산", "busan")]
)
def test_revised_romanization(korean: str, latin: str) -> None:
    assert romanize(korean) == latin


def test_dictionary_translates_common_nouns() -> None:
    assert translate_noun("Cat") == ["고양이"]
    assert translate_noun("커피") == ["coffee"]
    assert translate_noun("BICYCLE") == ["자전거"]
    assert translate_noun("현금") == ["cash"]
    assert english_to_korean("birth year") == "출생 연도"
    assert english_to_korean("flux capacitor") is None


@pytest.fixture(scope="module")
def shop_index() -> ValueIndex:
    return ValueIndex(
        {
            "item.brand": ["Samsung", "Apple", "LG", "The North Face"],
            "item.name": ["Caffe Latte", "Vanilla Latte", "Americano", "아이스티"],
            "pet.kind": ["cat", "dog"],
            "store.area": ["합정 책마루", "서울역", "서울"],
            "person.gender": ["여", "남"],
            "comic.genre": ["액션|판타지", "로맨스|드라마", "액션"],
        }
    )


def _cands(question: str, index: ValueIndex, schema=None):
    from models.seq2sql.schema import Column, Schema, Table

    schema = schema or Schema(
        "shop",
        tuple(
            Table(t, (t,), tuple(Column(t, c, (c,), "text") for c in cols))
            for t, cols in {
                "item": ["brand", "name"],
                "pet": ["kind"],
                "store": ["area"],
                "person": ["gender"],
                "comic": ["genre"],
            }.items()
        ),
    )
    return link(normalize_question(question), schema, index).candidates


@pytest.mark.parametrize(
    ("question", "column", "value"),
    [
        ("삼성 제품 알려줘", "item.brand", "Samsung"),
        ("애플에서 나온 거", "item.brand", "Apple"),
        ("노스페이스 입는 사람", "item.brand", "The North Face"),
        ("아메리카노 가격", "item.name", "Americano"),
        ("고양이 키우는 집", "pet.kind", "cat"),
        ("합정책마루에 있는 책", "store.area", "합정 책마루"),
        ("여자 회원 수", "person.gender", "여"),
        ("samsung 제품", "item.brand", "Samsung"),
    ],
)
def test_values_are_linked(shop_index: ValueIndex, question: str, column: str, value: str) -> None:
    found = {(c.column, c.value) for c in _cands(question, shop_index) if c.kind == "text"}
    assert (column, value) in found


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("영어로 하는 강의 몇 개야?", "EN"),
        ("영어책 몇 권", "EN"),  # glued to the noun it qualifies
        ("한국어 수업", "KO"),
        ("화요일에 하는 거", "TUE"),
        ("여학생은 몇 명", "F"),
    ],
)
def test_stored_codes_are_linked_from_everyday_words(question: str, value: str) -> None:
    index = ValueIndex(
        {
            "course.lang": ["KO", "EN"],
            "course.day": ["MON", "TUE"],
            "student.sex": ["M", "F"],
            "enrollment.grade": ["A+", "B", "F"],
        }
    )
    found = {(c.column, c.value) for c in match_values(question, index, set())}
    assert value in {v for _, v in found}
    assert ("enrollment.grade", "F") not in found  # 'F' among grades is a grade, not 여학생
    assert not match_values("남은 좌석", index, set())  # 남 of 남은 is no sex code


def test_surnames_and_terms_are_linked() -> None:
    index = ValueIndex(
        {
            "student.name": ["김민준", "이서연", "박지훈", "김하늘"],
            "course.semester": ["2023-2", "2024-1", "2024-2"],
        }
    )
    found = {(c.kind, c.column, c.value) for c in match_values("성이 김씨인 학생", index, set())}
    assert found == {("part", "student.name", "김")}
    assert not match_values("씨앗 파는 곳", index, set())
    found = {(c.column, c.value) for c in match_values("2학기 강의", index, set())}
    assert found == {("course.semester", "2024-2")}  # the latest year's
    found = {(c.column, c.value) for c in match_values("2023년 2학기 강의", index, set())}
    assert found == {("course.semester", "2023-2")}


def test_months_refer_to_the_latest_busy_year() -> None:
    hirings = [f"{year}-03-01" for year in range(2005, 2024)]
    assert data_year(hirings + ["2024-05-01"] * 10) == 2024
    assert data_year(hirings) is None


def test_parts_of_values_become_like_candidates(shop_index: ValueIndex) -> None:
    parts = {
        (c.column, c.value) for c in _cands("라떼 종류 다 보여줘", shop_index) if c.kind == "part"
    }
    assert ("item.name", "Latte") in parts
    parts = {
        (c.column, c.value)
        for c in _cands("액션 웹툰 몇 개야?", shop_index)
        if c.kind in ("part", "text")
    }
    assert ("comic.genre", "액션") in parts


def test_longer_match_wins_and_short_values_need_a_word_boundary(shop_index: ValueIndex) -> None:
    values = [c.value for c in _cands("서울역 근처", shop_index) if c.kind == "text"]
    assert values == ["서울역"]
    assert not [c for c in _cands("여름 행사", shop_index) if c.column == "person.gender"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("가격이 이만 오천 원 이상", [(25000, "원")]),
        ("평점 구 점 오 넘는", [(9.5, "")]),
        ("다섯 권", [(5, "권")]),
        ("3천원 미만", [(3000, "원")]),
        ("1,500명", [(1500, "명")]),
    ],
)
def test_spoken_numbers_are_parsed_back(
    shop_index: ValueIndex, question: str, expected: list
) -> None:
    numbers = [(c.value, c.unit) for c in _cands(question, shop_index) if c.kind == "number"]
    assert numbers == expected


def test_dates_and_ranges(shop_index: ValueIndex) -> None:
    dates = [c.value for c in _cands("2020년 3월 이후", shop_index) if c.kind == "date"]
    assert dates == [("2020-03-01", "2020-04-01")]
    ranges = [c.value for c in _cands("30대 회원", shop_index) if c.kind == "range"]
    assert ranges == [(30, 39)]
    ranges = [c.value for c in _cands("90년대 영화", shop_index) if c.kind == "range"]
    assert ranges == [(1990, 1999)]
    with_year = ValueIndex({}, default_year=2024)
    months = [c.value for c in _cands("4월부터 6월까지", with_year) if c.kind == "date"]
    assert months == [("2024-04-01", "2024-05-01"), ("2024-06-01", "2024-07-01")]


@pytest.mark.parametrize(
    ("question", "date"),
    [
        ("12월 31일에 들어온 주문", ("2024-12-31", "2025-01-01")),  # a day of the data's year
        ("2024년 9월 한 달 동안", ("2024-09-01", "2024-10-01")),  # "한 달" is no day 1
        ("2024.9.1 주문", ("2024-09-01", "2024-09-02")),
        ("2023년 5월 3일 주문", ("2023-05-03", "2023-05-04")),
    ],
)
def test_days_need_their_il(question: str, date: tuple[str, str]) -> None:
    with_year = ValueIndex({}, default_year=2024)
    dates = [c.value for c in _cands(question, with_year) if c.kind == "date"]
    assert dates[0] == date


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("상반기 승차 인원", ("2024-01-01", "2024-07-01")),
        ("2023년 여름에 간 산", ("2023-06-01", "2023-09-01")),
        ("3분기 매출", ("2024-07-01", "2024-10-01")),
        ("여름밤 공연", None),  # a word that starts with 여름 is no season
    ],
)
def test_parts_of_a_year_are_date_spans(question: str, span: tuple | None) -> None:
    dates = [c for c in _cands(question, ValueIndex({}, default_year=2024)) if c.kind == "date"]
    parts = [c.value for c in dates if c.value[0][5:7] != "01" or c.value[1][5:7] != "01"]
    assert parts == ([span] if span else [])


@pytest.mark.parametrize(
    ("question", "normalized"),
    [
        ("예매 많은 가수 top3", "예매 많은 가수 상위 3"),
        ("23년에 가입한 회원", "2023년에 가입한 회원"),
        ("10년 넘은 회원", "10년 넘은 회원"),  # a duration, not a year
        ("1995-96년까지 뛴 선수", "1995-96년까지 뛴 선수"),  # the end of a season
        ("2024년 여름(6~8월)에 간 산", "2024년 여름에 간 산"),
        ("만 석 넘는 공연장", "10000 석 넘는 공연장"),
        ("만점 받은 학생", "만점 받은 학생"),
    ],
)
def test_questions_are_normalized(question: str, normalized: str) -> None:
    assert normalize_question(question) == normalized


def test_short_forms_and_loanword_spellings_are_linked() -> None:
    index = ValueIndex(
        {"venue.name": ["고척스카이돔", "KSPO DOME"], "hiker.brand": ["Kolon Sport", "Black Yak"]}
    )
    schema = Schema(
        "t",
        (
            Table("venue", ("공연장",), (Column("venue", "name", ("공연장 이름",), "text"),)),
            Table("hiker", ("회원",), (Column("hiker", "brand", ("브랜드",), "text"),)),
        ),
    )
    found = {c.value for c in _cands("고척돔에서 하는 공연", index, schema)}
    assert found == {"고척스카이돔"}
    assert {c.value for c in _cands("코오롱스포츠 입는 사람", index, schema)} == {"Kolon Sport"}


def test_a_stored_particle_is_not_linked_inside_a_word() -> None:
    index = ValueIndex({"draft.place": ["에서", "토론토"]})
    schema = Schema(
        "d", (Table("draft", ("드래프트",), (Column("draft", "place", ("위치",), "text"),)),)
    )
    values = [c.value for c in _cands("드래프트에서 토론토 선수", index, schema)]
    assert values == ["토론토"]


def test_a_column_named_with_a_number_is_found_and_its_number_is_no_value() -> None:
    schema = Schema(
        "cup",
        (
            Table(
                "cup",
                ("대회",),
                (
                    Column("cup", "second", ("두 번째 준결승 진출팀",), "text"),
                    Column("cup", "year", ("년도",), "number", "년"),
                ),
            ),
        ),
    )
    links = link(normalize_question("2007년 두 번째 준결승 진출팀은?"), schema, ValueIndex({}))
    assert ("cup.second", True) in {(m.item, m.exact) for m in links.mentions}
    assert [c.value for c in links.candidates if c.kind == "number"] == [2007]


def test_a_word_in_brackets_or_after_a_slash_names_its_column() -> None:
    columns = (
        Column("country", "growth", ("% 성장(2000–2008)",), "text"),
        Column("country", "club", ("학교/클럽 팀",), "text"),
    )
    schema = Schema("web", (Table("country", ("국가",), columns),))
    question = normalize_question("2000-2008년 성장률이랑 클럽")
    links = link(question, schema, ValueIndex({}))
    named = {(question[m.start : m.end], m.item) for m in links.mentions}
    assert named == {("성장", "country.growth"), ("클럽", "country.club")}


def test_schema_mentions_are_found(bookstore_db: Database) -> None:
    links = link(
        normalize_question("책 제목이랑 출판일 알려줘"), bookstore_db.schema, bookstore_db.index
    )
    items = {(m.item, m.exact) for m in links.mentions}
    assert (
        ("book.Title", True) in items
        and ("book.Published", True) in items
        and ("book", True) in items
    )


def test_nearest_value_for_suggestions(shop_index: ValueIndex) -> None:
    assert shop_index.nearest("store.area", "합정책마로")[0] == "합정 책마루"


@pytest.mark.parametrize(
    ("latin", "korean"), [("Korail", "코레일"), ("LG", "엘지"), ("SG Rail", "에스지 레일")]
)
def test_latin_names_are_spelled_in_hangul_as_users_type_them(latin: str, korean: str) -> None:
    assert hangul_spelling(latin) == korean
    assert phonetic_key(korean) in phonetic_keys(latin)


def test_acronyms_are_linked_by_their_letter_names(shop_index: ValueIndex) -> None:
    schema = Schema(
        "shop", (Table("item", ("상품",), (Column("item", "brand", ("브랜드",), "text"),)),)
    )
    links = link(normalize_question("엘지 제품 보여줘"), schema, shop_index, 24)
    assert ("item.brand", "LG") in {(c.column, c.value) for c in links.candidates}


def test_a_number_in_a_bigger_unit_is_offered_in_the_column_unit(shop_index: ValueIndex) -> None:
    schema = Schema(
        "trails",
        (Table("trail", ("코스",), (Column("trail", "minutes", ("소요 시간",), "number", "분"),)),),
    )
    links = link(normalize_question("세 시간 안에 끝나는 코스"), schema, shop_index, 24)
    numbers = {(c.value, c.unit) for c in links.candidates if c.kind == "number"}
    assert {(3, "시간"), (180, "분")} <= numbers


def test_acronyms_inside_values_and_counters_glued_to_latin_values() -> None:
    index = ValueIndex(
        {"artist.agency": ["YG Entertainment", "Live Nation"], "seat.grade": ["VIP", "R"]}
    )
    schema = Schema(
        "tickets",
        (
            Table("artist", ("가수",), (Column("artist", "agency", ("소속사",), "text"),)),
            Table("seat", ("좌석",), (Column("seat", "grade", ("등급",), "text"),)),
        ),
    )
    found = {
        q: {(c.kind, c.value) for c in link(normalize_question(q), schema, index, 24).candidates}
        for q in ("와이지 가수", "브이아이피석으로 예매", "R석 예매", "라이브네이션 공연")
    }
    assert ("part", "YG") in found["와이지 가수"]
    assert ("text", "VIP") in found["브이아이피석으로 예매"]
    assert ("text", "R") in found["R석 예매"]
    assert ("text", "Live Nation") in found["라이브네이션 공연"]


@pytest.mark.parametrize(
    ("korean", "latin"),
    [
        ("딸기라떼", "Strawberry Latte"),
        ("녹차라떼", "Green Tea Latte"),
        ("유자차", "Yuja Tea"),
        ("고구마라떼", "Sweet Potato Latte"),
    ],
)
def test_hangul_words_say_several_word_latin_values_piece_by_piece(korean: str, latin: str) -> None:
    index = ValueIndex({"menu.item": [latin, "Chamomile", "Cafe Latte"]})
    found = {(c.kind, c.value) for c in match_values(f"{korean} 얼마야?", index, set())}
    assert ("text", latin) in found


def test_a_korean_value_also_reads_as_its_latin_twin_in_another_column() -> None:
    index = ValueIndex(
        {"trainer.specialty": ["요가", "필라테스"], "class.type": ["YOGA", "PILATES"]}
    )
    found = {(c.value, c.column) for c in match_values("요가 수업 몇 개야?", index, set())}
    assert {("요가", "trainer.specialty"), ("YOGA", "class.type")} <= found


def test_one_consonant_latin_values_need_the_vowels_too() -> None:
    # 'D' sounds like the 디 of "어디", not like all of it
    index = ValueIndex({"grade.letter": ["D", "A+"], "class.type": ["YOGA"]})
    assert not match_values("제일 큰 과가 어디야?", index, set())
    assert {c.value for c in match_values("요가 몇 개야?", index, set())} == {"YOGA"}
