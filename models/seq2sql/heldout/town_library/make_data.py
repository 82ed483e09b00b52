"""Write schema.sql for the `town_library` evaluation database (동네 도서관 대출).

Deterministic: a fixed seed, no clock, no network. Run from anywhere:

    python models/seq2sql/heldout/town_library/make_data.py

The output is plain DDL + one INSERT per row, valid for SQLite and PostgreSQL.
"""

import datetime as dt
import random
from pathlib import Path

SEED = 41017
OUT = Path(__file__).with_name("schema.sql")

DDL = """\
CREATE TABLE branch (
    branch_id INTEGER PRIMARY KEY,
    branch_name TEXT NOT NULL,
    district TEXT NOT NULL,
    opened_on DATE NOT NULL,
    seat_count INTEGER NOT NULL,
    open_on_sunday INTEGER NOT NULL
);

CREATE TABLE book (
    book_id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    author TEXT NOT NULL,
    publisher TEXT NOT NULL,
    category TEXT NOT NULL,
    lang TEXT NOT NULL,
    pub_year INTEGER NOT NULL,
    pages INTEGER NOT NULL,
    price INTEGER NOT NULL,
    branch_id INTEGER NOT NULL,
    FOREIGN KEY (branch_id) REFERENCES branch (branch_id)
);

CREATE TABLE member (
    member_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    birth_year INTEGER NOT NULL,
    district TEXT NOT NULL,
    member_type TEXT NOT NULL,
    joined_on DATE NOT NULL
);

CREATE TABLE loan (
    loan_id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL,
    member_id INTEGER NOT NULL,
    loan_date DATE NOT NULL,
    due_date DATE NOT NULL,
    returned INTEGER NOT NULL,
    FOREIGN KEY (book_id) REFERENCES book (book_id),
    FOREIGN KEY (member_id) REFERENCES member (member_id)
);
"""

# (name, district, opened year)
BRANCHES = [
    ("망원 작은도서관", "마포구", 2009),
    ("합정 책마루", "마포구", 2015),
    ("연희 숲속도서관", "서대문구", 2012),
    ("홍제 꿈도서관", "서대문구", 2006),
    ("불광 어린이도서관", "은평구", 2011),
    ("응암 정보도서관", "은평구", 2003),
    ("녹번 작은도서관", "은평구", 2018),
    ("혜화 책방도서관", "종로구", 2001),
    ("삼청 한옥도서관", "종로구", 2019),
    ("정릉 마을도서관", "성북구", 2014),
    ("길음 구립도서관", "성북구", 2008),
    ("화곡 푸른도서관", "강서구", 2010),
    ("마곡 스마트도서관", "강서구", 2021),
    ("목동 해누리도서관", "양천구", 2005),
    ("신월 작은도서관", "양천구", 2016),
    ("당산 강변도서관", "영등포구", 2013),
    ("문래 창작도서관", "영등포구", 2020),
    ("노량진 청소년도서관", "동작구", 2007),
    ("신림 별빛도서관", "관악구", 2017),
    ("봉천 구립도서관", "관악구", 2002),
]

# (title, author, publisher, category, lang, pub_year, pages)
BOOKS = [
    ("채식주의자", "한강", "창비", "소설", "KO", 2007, 247),
    ("소년이 온다", "한강", "창비", "소설", "KO", 2014, 216),
    ("작별하지 않는다", "한강", "문학동네", "소설", "KO", 2021, 332),
    ("82년생 김지영", "조남주", "민음사", "소설", "KO", 2016, 192),
    ("아몬드", "손원평", "창비", "소설", "KO", 2017, 264),
    ("불편한 편의점", "김호연", "나무옆의자", "소설", "KO", 2021, 268),
    ("달러구트 꿈 백화점", "이미예", "팩토리나인", "소설", "KO", 2020, 300),
    ("파친코 1", "이민진", "인플루엔셜", "소설", "KO", 2022, 420),
    ("칼의 노래", "김훈", "문학동네", "소설", "KO", 2012, 392),
    ("엄마를 부탁해", "신경숙", "창비", "소설", "KO", 2008, 300),
    ("살인자의 기억법", "김영하", "문학동네", "소설", "KO", 2013, 176),
    ("작별인사", "김영하", "복복서가", "소설", "KO", 2022, 312),
    ("7년의 밤", "정유정", "은행나무", "소설", "KO", 2011, 524),
    ("종의 기원", "정유정", "은행나무", "소설", "KO", 2016, 384),
    ("우리가 빛의 속도로 갈 수 없다면", "김초엽", "허블", "소설", "KO", 2019, 344),
    ("지구 끝의 온실", "김초엽", "자이언트북스", "소설", "KO", 2021, 392),
    ("구의 증명", "최진영", "은행나무", "소설", "KO", 2015, 180),
    ("쇼코의 미소", "최은영", "문학동네", "소설", "KO", 2016, 324),
    ("밝은 밤", "최은영", "문학동네", "소설", "KO", 2021, 344),
    ("보건교사 안은영", "정세랑", "민음사", "소설", "KO", 2015, 280),
    ("시선으로부터", "정세랑", "문학동네", "소설", "KO", 2020, 340),
    ("토지 1", "박경리", "마로니에북스", "소설", "KO", 2012, 460),
    ("태백산맥 1", "조정래", "해냄", "소설", "KO", 2007, 396),
    ("데미안", "헤르만 헤세", "민음사", "소설", "KO", 2000, 228),
    ("어린 왕자", "생텍쥐페리", "열린책들", "소설", "KO", 2015, 152),
    ("긴긴밤", "루리", "문학동네", "어린이", "KO", 2021, 144),
    ("마당을 나온 암탉", "황선미", "사계절", "어린이", "KO", 2000, 196),
    ("구름빵", "백희나", "한솔수북", "어린이", "KO", 2004, 40),
    ("알사탕", "백희나", "책읽는곰", "어린이", "KO", 2017, 48),
    ("만복이네 떡집", "김리리", "비룡소", "어린이", "KO", 2010, 80),
    ("수박 수영장", "안녕달", "창비", "어린이", "KO", 2015, 52),
    ("설민석의 한국사 대모험 1", "설민석", "아이휴먼", "어린이", "KO", 2017, 172),
    ("흔한남매 1", "흔한남매", "미래엔아이세움", "만화", "KO", 2019, 164),
    ("미생 1", "윤태호", "위즈덤하우스", "만화", "KO", 2012, 264),
    ("신과 함께 저승편 1", "주호민", "애니북스", "만화", "KO", 2011, 280),
    ("박시백의 조선왕조실록 1", "박시백", "휴머니스트", "만화", "KO", 2015, 240),
    ("하늘과 바람과 별과 시", "윤동주", "민음사", "시", "KO", 2016, 168),
    ("입 속의 검은 잎", "기형도", "문학과지성사", "시", "KO", 1989, 148),
    ("내가 사랑하는 사람", "정호승", "열림원", "시", "KO", 2003, 132),
    ("사랑하라 한번도 상처받지 않은 것처럼", "류시화", "오래된미래", "시", "KO", 2005, 144),
    ("언어의 온도", "이기주", "말글터", "에세이", "KO", 2016, 312),
    ("나는 나로 살기로 했다", "김수현", "마음의숲", "에세이", "KO", 2016, 320),
    ("죽고 싶지만 떡볶이는 먹고 싶어", "백세희", "흔", "에세이", "KO", 2018, 208),
    ("여행의 이유", "김영하", "문학동네", "에세이", "KO", 2019, 212),
    ("무례한 사람에게 웃으며 대처하는 법", "정문정", "가나출판사", "에세이", "KO", 2018, 256),
    ("아무튼, 떡볶이", "요조", "위고", "에세이", "KO", 2019, 172),
    ("코스모스", "칼 세이건", "사이언스북스", "과학", "KO", 2006, 720),
    ("이기적 유전자", "리처드 도킨스", "을유문화사", "과학", "KO", 2018, 632),
    ("물고기는 존재하지 않는다", "룰루 밀러", "곰출판", "과학", "KO", 2021, 300),
    ("떨림과 울림", "김상욱", "동아시아", "과학", "KO", 2018, 264),
    ("정재승의 과학 콘서트", "정재승", "어크로스", "과학", "KO", 2011, 340),
    ("랩걸", "호프 자런", "알마", "과학", "KO", 2017, 456),
    ("사피엔스", "유발 하라리", "김영사", "역사", "KO", 2015, 636),
    ("총 균 쇠", "재레드 다이아몬드", "김영사", "역사", "KO", 2005, 752),
    ("거꾸로 읽는 세계사", "유시민", "돌베개", "역사", "KO", 2021, 360),
    ("난중일기", "이순신", "여해", "역사", "KO", 2014, 560),
    ("역사의 쓸모", "최태성", "다산초당", "역사", "KO", 2019, 280),
    ("부자 아빠 가난한 아빠", "로버트 기요사키", "민음인", "경제경영", "KO", 2018, 376),
    ("돈의 속성", "김승호", "스노우폭스북스", "경제경영", "KO", 2020, 288),
    ("트렌드 코리아 2024", "김난도", "미래의창", "경제경영", "KO", 2023, 448),
    ("역행자", "자청", "웅진지식하우스", "경제경영", "KO", 2022, 300),
    ("세이노의 가르침", "세이노", "데이원", "경제경영", "KO", 2023, 736),
    ("아주 작은 습관의 힘", "제임스 클리어", "비즈니스북스", "자기계발", "KO", 2019, 360),
    ("미움받을 용기", "기시미 이치로", "인플루엔셜", "자기계발", "KO", 2014, 336),
    ("원씽", "게리 켈러", "비즈니스북스", "자기계발", "KO", 2013, 280),
    ("그릿", "앤절라 더크워스", "비즈니스북스", "자기계발", "KO", 2016, 416),
    (
        "Harry Potter and the Philosopher's Stone",
        "J.K. Rowling",
        "Bloomsbury",
        "소설",
        "EN",
        1997,
        223,
    ),
    (
        "Harry Potter and the Chamber of Secrets",
        "J.K. Rowling",
        "Bloomsbury",
        "소설",
        "EN",
        1998,
        251,
    ),
    ("The Great Gatsby", "F. Scott Fitzgerald", "Penguin", "소설", "EN", 2000, 180),
    ("Animal Farm", "George Orwell", "Penguin", "소설", "EN", 2008, 112),
    ("Nineteen Eighty-Four", "George Orwell", "Penguin", "소설", "EN", 2008, 336),
    ("Pride and Prejudice", "Jane Austen", "Penguin", "소설", "EN", 2003, 480),
    ("The Old Man and the Sea", "Ernest Hemingway", "Scribner", "소설", "EN", 1995, 127),
    ("Of Mice and Men", "John Steinbeck", "Penguin", "소설", "EN", 2000, 107),
    ("The Hobbit", "J.R.R. Tolkien", "HarperCollins", "소설", "EN", 2012, 310),
    ("Pachinko", "Min Jin Lee", "Grand Central", "소설", "EN", 2017, 496),
    ("The Vegetarian", "Han Kang", "Hogarth", "소설", "EN", 2016, 188),
    ("Human Acts", "Han Kang", "Hogarth", "소설", "EN", 2017, 218),
    ("Norwegian Wood", "Haruki Murakami", "Vintage", "소설", "EN", 2000, 296),
    ("The Little Prince", "Antoine de Saint-Exupery", "Harcourt", "어린이", "EN", 2000, 96),
    ("Wonder", "R.J. Palacio", "Knopf", "어린이", "EN", 2012, 320),
    ("Charlotte's Web", "E.B. White", "HarperCollins", "어린이", "EN", 2012, 184),
    ("Matilda", "Roald Dahl", "Puffin", "어린이", "EN", 2016, 240),
    ("Charlie and the Chocolate Factory", "Roald Dahl", "Puffin", "어린이", "EN", 2016, 192),
    ("The Very Hungry Caterpillar", "Eric Carle", "Puffin", "어린이", "EN", 1994, 26),
    ("Diary of a Wimpy Kid", "Jeff Kinney", "Amulet", "어린이", "EN", 2007, 224),
    (
        "Sapiens: A Brief History of Humankind",
        "Yuval Noah Harari",
        "Vintage",
        "역사",
        "EN",
        2015,
        498,
    ),
    ("A Brief History of Time", "Stephen Hawking", "Bantam", "과학", "EN", 1998, 212),
    ("Brief Answers to the Big Questions", "Stephen Hawking", "Bantam", "과학", "EN", 2018, 256),
    ("Educated", "Tara Westover", "Random House", "에세이", "EN", 2018, 334),
    ("Becoming", "Michelle Obama", "Crown", "에세이", "EN", 2018, 448),
    ("Atomic Habits", "James Clear", "Avery", "자기계발", "EN", 2018, 320),
    (
        "Thinking, Fast and Slow",
        "Daniel Kahneman",
        "Farrar, Straus and Giroux",
        "경제경영",
        "EN",
        2011,
        499,
    ),
]

SURNAMES = (
    "김" * 10
    + "이" * 7
    + "박" * 4
    + "최정" * 2
    + "강조윤장임한오서신권황안송류전홍고문양손배백허남심노하"
)
GIVEN = [
    "민준",
    "서연",
    "지우",
    "하은",
    "도윤",
    "서준",
    "지민",
    "수아",
    "예준",
    "하윤",
    "시우",
    "지호",
    "은서",
    "유진",
    "현우",
    "지훈",
    "민서",
    "채원",
    "건우",
    "서윤",
    "우진",
    "다은",
    "준영",
    "수빈",
    "태윤",
    "예린",
    "승현",
    "소율",
    "정우",
    "나연",
    "영숙",
    "정희",
    "순자",
    "영호",
    "상철",
    "미경",
    "경숙",
    "성민",
    "혜진",
    "재석",
    "동현",
    "보람",
    "지혜",
    "은정",
    "한결",
    "가온",
    "이안",
    "로운",
    "아린",
    "하람",
]
MEMBER_DISTRICTS = [
    "마포구",
    "서대문구",
    "은평구",
    "종로구",
    "성북구",
    "강서구",
    "양천구",
    "영등포구",
    "동작구",
    "관악구",
]


def sql_literal(value):
    """Render one Python value as a SQL literal both SQLite and PostgreSQL accept."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, dt.date):
        return f"'{value.isoformat()}'"
    return "'" + str(value).replace("'", "''") + "'"


def insert_lines(table, columns, rows):
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    return [head + "(" + ", ".join(sql_literal(v) for v in row) + ");" for row in rows]


def unique_names(rng, n):
    names = []
    while len(names) < n:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in names:
            names.append(name)
    return names


def random_date(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def make_branches(rng):
    rows = []
    for i, (name, district, year) in enumerate(BRANCHES, start=1):
        opened = random_date(rng, dt.date(year, 1, 1), dt.date(year, 12, 28))
        if "작은" in name:
            seats = rng.choice([16, 20, 24, 28, 30, 32])
        else:
            seats = rng.choice([40, 48, 52, 60, 72, 80, 96, 120, 150, 180])
        sunday = rng.random() < 0.55
        rows.append((i, name, district, opened, seats, sunday))
    return rows


def make_books(rng):
    rows = []
    for i, (title, author, publisher, category, lang, year, pages) in enumerate(BOOKS, 1):
        if lang == "KO":
            price = 9000 + pages * 25 + rng.randint(-4, 8) * 500
        else:
            price = 11000 + pages * 30 + rng.randint(-4, 10) * 500
        price = int(round(price / 500.0)) * 500
        branch_id = rng.randint(1, len(BRANCHES))
        rows.append((i, title, author, publisher, category, lang, year, pages, price, branch_id))
    return rows


def member_type(birth_year):
    if birth_year >= 2012:
        return "어린이"
    if birth_year >= 2005:
        return "청소년"
    if birth_year <= 1959:
        return "경로"
    return "일반"


def make_members(rng, n=80):
    rows = []
    for i, name in enumerate(unique_names(rng, n), start=1):
        birth_year = rng.choice(
            [rng.randint(1945, 1975), rng.randint(1976, 2000), rng.randint(1985, 2018)]
        )
        district = rng.choice(MEMBER_DISTRICTS)
        first = max(dt.date(2015, 1, 1), dt.date(birth_year + 6, 3, 1))
        joined = random_date(rng, first, dt.date(2024, 6, 30))
        rows.append((i, name, birth_year, district, member_type(birth_year), joined))
    return rows


def make_loans(rng, books, members, n=300):
    # a few books and readers are much more popular than the rest; one copy per
    # title, so two loans of the same book never overlap
    book_w = [rng.lognormvariate(0, 0.7) for _ in books]
    member_w = [rng.lognormvariate(0, 0.8) for _ in members]
    start, end = dt.date(2023, 3, 1), dt.date(2024, 12, 20)
    taken = {}
    loans = []
    while len(loans) < n:
        book = rng.choices(books, weights=book_w)[0]
        member = rng.choices(members, weights=member_w)[0]
        day = random_date(rng, start, end)
        if any(abs((day - other).days) < 15 for other in taken.get(book[0], [])):
            continue
        taken.setdefault(book[0], []).append(day)
        loans.append((day, book[0], member[0]))
    loans.sort()
    rows = []
    for i, (day, book_id, member_id) in enumerate(loans, start=1):
        due = day + dt.timedelta(days=14)
        returned = day < dt.date(2024, 12, 1)
        rows.append((i, book_id, member_id, day, due, returned))
    return rows


def main():
    rng = random.Random(SEED)
    branches = make_branches(rng)
    books = make_books(rng)
    members = make_members(rng)
    loans = make_loans(rng, books, members)
    lines = ["-- town_library: 동네 도서관 대출 (generated by make_data.py; do not edit)", "", DDL]
    lines += insert_lines(
        "branch",
        ["branch_id", "branch_name", "district", "opened_on", "seat_count", "open_on_sunday"],
        branches,
    )
    lines += insert_lines(
        "book",
        [
            "book_id",
            "title",
            "author",
            "publisher",
            "category",
            "lang",
            "pub_year",
            "pages",
            "price",
            "branch_id",
        ],
        books,
    )
    lines += insert_lines(
        "member",
        ["member_id", "name", "birth_year", "district", "member_type", "joined_on"],
        members,
    )
    lines += insert_lines(
        "loan", ["loan_id", "book_id", "member_id", "loan_date", "due_date", "returned"], loans
    )
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT} ({len(branches)} branches, {len(books)} books, "
        f"{len(members)} members, {len(loans)} loans)"
    )


if __name__ == "__main__":
    main()
