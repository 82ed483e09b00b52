"""Write schema.sql for the `concert_tickets` dev database (콘서트·공연 예매).

Artists, tours, customers and bookings are invented; venue names are real
Korean halls but their figures are approximate. Agencies, promoters, seat
grades and some artist names are stored in Latin script ('YG Entertainment',
'Live Nation', 'VIP', 'Neon Tide'). Tours reuse one title across several
concerts, so a title appears under several rows.
Deterministic: a fixed seed, no clock, no network. Run from anywhere:

    python models/seq2sql/devsets/concert_tickets/make_data.py
"""

import datetime as dt
import random
from pathlib import Path

SEED = 2024
OUT = Path(__file__).with_name("schema.sql")

DDL = """\
CREATE TABLE artist (
    artist_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    genre TEXT NOT NULL,
    agency TEXT NOT NULL,
    debut_year INTEGER NOT NULL,
    member_count INTEGER NOT NULL
);

CREATE TABLE venue (
    venue_id INTEGER PRIMARY KEY,
    venue_name TEXT NOT NULL,
    city TEXT NOT NULL,
    seats INTEGER NOT NULL,
    is_outdoor INTEGER NOT NULL,
    has_parking INTEGER NOT NULL
);

CREATE TABLE concert (
    concert_id INTEGER PRIMARY KEY,
    artist_id INTEGER NOT NULL,
    venue_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    concert_date DATE NOT NULL,
    running_minutes INTEGER NOT NULL,
    ticket_price INTEGER NOT NULL,
    promoter TEXT NOT NULL,
    is_sold_out INTEGER NOT NULL,
    FOREIGN KEY (artist_id) REFERENCES artist (artist_id),
    FOREIGN KEY (venue_id) REFERENCES venue (venue_id)
);

CREATE TABLE customer (
    customer_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    age INTEGER NOT NULL,
    gender TEXT NOT NULL,
    city TEXT NOT NULL,
    is_vip INTEGER NOT NULL,
    joined_on DATE NOT NULL
);

CREATE TABLE booking (
    booking_id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    concert_id INTEGER NOT NULL,
    booked_on DATE NOT NULL,
    seat_grade TEXT NOT NULL,
    ticket_count INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    is_cancelled INTEGER NOT NULL,
    FOREIGN KEY (customer_id) REFERENCES customer (customer_id),
    FOREIGN KEY (concert_id) REFERENCES concert (concert_id)
);
"""

# (name, genre, agency, debut year, members, venue tier, tour title, number of concerts)
ARTISTS = [
    (
        "Neon Tide",
        "아이돌",
        "SM Entertainment",
        2019,
        5,
        "big",
        "Neon Tide WORLD TOUR [TIDAL WAVE]",
        4,
    ),
    (
        "Velvet Moon",
        "아이돌",
        "JYP Entertainment",
        2020,
        4,
        "big",
        "Velvet Moon 1st CONCERT 'Moonrise'",
        3,
    ),
    ("BLACKOUT", "아이돌", "YG Entertainment", 2016, 4, "big", "BLACKOUT ENCORE CONCERT", 2),
    ("Starfall", "아이돌", "HYBE", 2021, 7, "big", "Starfall TOUR 'ORBIT'", 4),
    ("루나틱", "아이돌", "YG Entertainment", 2022, 5, "mid", "루나틱 첫 단독 콘서트", 2),
    ("오렌지캔디", "아이돌", "SM Entertainment", 2023, 6, "mid", "오렌지캔디 팬콘서트", 1),
    ("CRESCENT", "아이돌", "HYBE", 2024, 5, "mid", None, 0),
    (
        "한여름밤",
        "발라드",
        "미스틱스토리",
        2012,
        1,
        "mid",
        "한여름밤 전국투어 〈여름밤의 편지〉",
        4,
    ),
    ("이하늘", "발라드", "Antenna", 2015, 1, "mid", "이하늘 콘서트 〈하늘을 걷다〉", 2),
    ("김서진", "발라드", "무소속", 2018, 1, "small", "김서진 소극장 콘서트", 2),
    ("윤소라", "발라드", "미스틱스토리", 2010, 1, "mid", "윤소라 콘서트 〈봄날〉", 1),
    ("정윤아", "R&B", "Antenna", 2017, 1, "small", "정윤아 단독공연 〈Slow Night〉", 1),
    ("Blue Hour", "R&B", "JYP Entertainment", 2014, 2, "mid", "Blue Hour LIVE", 2),
    ("달빛소년", "인디", "붕가붕가레코드", 2013, 3, "small", "달빛소년 단독공연", 3),
    ("고래와 나", "인디", "붕가붕가레코드", 2019, 2, "small", "고래와 나 〈바다 소풍〉", 2),
    ("새벽세시", "인디", "무소속", 2021, 4, "small", "새벽세시 클럽 공연", 2),
    ("Paper Birds", "인디", "무소속", 2020, 3, "small", None, 0),
    ("The Lanterns", "록", "무소속", 2010, 4, "mid", "The Lanterns 15주년 기념 공연", 2),
    ("철의 정원", "록", "미스틱스토리", 2008, 5, "mid", "철의 정원 전국투어 〈RE:BOOT〉", 3),
    ("Rust & Roses", "록", "Antenna", 2017, 3, "small", "Rust & Roses LIVE in Seoul", 1),
    ("MC 도윤", "힙합", "AOMG", 2016, 1, "mid", "MC 도윤 〈HOMETOWN〉", 2),
    ("Lil Haru", "힙합", "AOMG", 2020, 1, "small", "Lil Haru 단독 콘서트", 1),
    ("박재현", "힙합", "AOMG", 2013, 1, "mid", "박재현 콘서트 〈지금 여기〉", 1),
    ("송해진", "트로트", "트로트엔터", 2011, 1, "mid", "송해진 효 콘서트", 3),
    ("금빛오빠", "트로트", "트로트엔터", 2019, 1, "mid", "금빛오빠 단독 콘서트", 2),
    ("나은별", "트로트", "무소속", 2005, 1, "mid", None, 0),
    ("윤재즈 트리오", "재즈", "무소속", 2009, 3, "small", "윤재즈 트리오 〈Blue Note Night〉", 2),
    ("Seoul Swing", "재즈", "Antenna", 2015, 8, "small", "Seoul Swing 빅밴드 공연", 1),
    ("Aurora Kim", "팝", "Antenna", 2018, 1, "mid", "Aurora Kim ASIA TOUR", 2),
    ("Midnight Club", "인디", "무소속", 2022, 4, "small", "Midnight Club 쇼케이스", 1),
]

# (name, city, seats, outdoor, parking, tier); the last one hosts nothing this year
VENUES = [
    ("KSPO DOME", "서울", 15000, False, True, "big"),
    ("고척스카이돔", "서울", 20000, False, True, "big"),
    ("잠실실내체육관", "서울", 11000, False, True, "big"),
    ("올림픽공원 88잔디마당", "서울", 12000, True, False, "big"),
    ("인스파이어 아레나", "인천", 16000, False, True, "big"),
    ("송도 달빛축제공원", "인천", 30000, True, True, "big"),
    ("사직실내체육관", "부산", 14000, False, True, "big"),
    ("올림픽홀", "서울", 3000, False, True, "mid"),
    ("YES24 라이브홀", "서울", 2500, False, False, "mid"),
    ("블루스퀘어 마스터카드홀", "서울", 1800, False, True, "mid"),
    ("세종문화회관 대극장", "서울", 3022, False, True, "mid"),
    ("벡스코 오디토리움", "부산", 4002, False, True, "mid"),
    ("엑스코 동관", "대구", 4800, False, True, "mid"),
    ("광주여대 유니버시아드체육관", "광주", 8000, False, True, "mid"),
    ("충무체육관", "대전", 5500, False, True, "mid"),
    ("롤링홀", "서울", 400, False, False, "small"),
    ("벨로주 홍대", "서울", 150, False, False, "small"),
    ("무신사 개러지", "서울", 600, False, False, "small"),
    ("KT&G 상상마당 부산", "부산", 500, False, False, "small"),
    ("제주아트센터", "제주", 1200, False, True, "small"),
    ("난지한강공원 잔디마당", "서울", 25000, True, True, None),
]

PRICES = {
    "big": [154000, 165000, 176000, 198000],
    "mid": [99000, 110000, 121000, 132000, 143000],
    "small": [44000, 55000, 66000, 77000],
}
PROMOTERS = {
    "big": ["Live Nation", "Live Nation", "CJ ENM", "Interpark"],
    "mid": ["Interpark", "CJ ENM", "Yes24", "쇼플레이", "Live Nation"],
    "small": ["민트페이퍼", "프라이빗커브", "Yes24", "민트페이퍼"],
}
SOLD_OUT_RATE = {"big": 0.6, "mid": 0.3, "small": 0.4}

GRADES = ["VIP", "R", "S", "A"]
GRADE_WEIGHT = [1, 3, 3, 2]
GRADE_FACTOR = {"VIP": 1.2, "R": 1.0, "S": 0.85, "A": 0.7}

SURNAMES = [
    "김",
    "이",
    "박",
    "최",
    "정",
    "강",
    "조",
    "윤",
    "장",
    "임",
    "한",
    "오",
    "서",
    "신",
    "권",
]
GIVEN = {
    "남": ["민준", "지호", "도윤", "예준", "서준", "현우", "건우", "태민", "준서", "시우"],
    "여": ["서연", "하은", "수빈", "지민", "채원", "유진", "지아", "나연", "소희", "다은"],
}
CITIES = (
    ["서울"] * 6 + ["경기"] * 4 + ["인천"] * 2 + ["부산"] * 2 + ["대구", "광주", "대전", "제주"]
)


def sql_literal(value):
    """Render one Python value as a SQL literal both SQLite and PostgreSQL accept."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return f"'{value.isoformat()}'"
    return "'" + str(value).replace("'", "''") + "'"


def insert_lines(table, columns, rows):
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    return [head + "(" + ", ".join(sql_literal(v) for v in row) + ");" for row in rows]


def random_date(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def make_artists():
    return [
        (i, name, genre, agency, debut, members)
        for i, (name, genre, agency, debut, members, *_rest) in enumerate(ARTISTS, start=1)
    ]


def make_venues():
    return [
        (i, name, city, seats, outdoor, parking)
        for i, (name, city, seats, outdoor, parking, _) in enumerate(VENUES, start=1)
    ]


def make_concerts(rng):
    by_tier = {}
    for venue_id, venue in enumerate(VENUES, start=1):
        by_tier.setdefault(venue[5], []).append(venue_id)
    shows = []
    for artist_id, (*_head, tier, title, n) in enumerate(ARTISTS, start=1):
        if n == 0:
            continue
        venues = rng.sample(by_tier[tier], n)
        price = rng.choice(PRICES[tier])
        promoter = rng.choice(PROMOTERS[tier])
        minutes = rng.randrange(100, 181, 10) if tier != "small" else rng.randrange(80, 131, 10)
        start = random_date(rng, dt.date(2024, 2, 1), dt.date(2024, 11, 15))
        for k, venue_id in enumerate(venues):
            day = start + dt.timedelta(days=k * rng.randint(7, 21))
            day = min(day, dt.date(2024, 12, 29))
            sold_out = rng.random() < SOLD_OUT_RATE[tier]
            shows.append((day, artist_id, venue_id, title, minutes, price, promoter, sold_out))
    shows.sort()
    return [(i, *show[1:3], show[3], show[0], *show[4:]) for i, show in enumerate(shows, start=1)]


def make_customers(rng, n=80):
    people = []
    while len(people) < n:
        gender = rng.choice(["남", "여"])
        name = rng.choice(SURNAMES) + rng.choice(GIVEN[gender])
        if name not in [p[0] for p in people]:
            people.append((name, gender))
    rows = []
    for i, (name, gender) in enumerate(people, start=1):
        age = rng.randint(16, 63)
        joined = random_date(rng, dt.date(2018, 1, 1), dt.date(2023, 12, 31))
        rows.append((i, name, age, gender, rng.choice(CITIES), rng.random() < 0.2, joined))
    return rows


def make_bookings(rng, concerts, customers, n=300):
    tier = {i: a[5] for i, a in enumerate(ARTISTS, start=1)}
    concert_w = [{"big": 3.0, "mid": 2.0, "small": 1.0}[tier[c[1]]] for c in concerts]
    # the last four customers signed up but never booked anything
    customer_w = [rng.lognormvariate(0, 0.8) for _ in customers[:-4]] + [0.0] * 4
    rows = []
    for _ in range(n):
        concert = rng.choices(concerts, weights=concert_w)[0]
        customer = rng.choices(customers, weights=customer_w)[0]
        day = concert[4]
        booked = random_date(
            rng, max(dt.date(2024, 1, 2), day - dt.timedelta(days=60)), day - dt.timedelta(days=1)
        )
        grade = rng.choices(GRADES, weights=GRADE_WEIGHT)[0]
        count = rng.choices([1, 2, 3, 4], weights=[45, 40, 10, 5])[0]
        unit = round(concert[6] * GRADE_FACTOR[grade], -3)
        cancelled = rng.random() < 0.08
        rows.append((booked, customer[0], concert[0], grade, count, int(unit * count), cancelled))
    rows.sort()
    return [
        (i, customer_id, concert_id, booked, grade, count, amount, cancelled)
        for i, (booked, customer_id, concert_id, grade, count, amount, cancelled) in enumerate(
            rows, start=1
        )
    ]


def main():
    rng = random.Random(SEED)
    artists = make_artists()
    venues = make_venues()
    concerts = make_concerts(rng)
    customers = make_customers(rng)
    bookings = make_bookings(rng, concerts, customers)
    out = [
        "-- concert_tickets: 콘서트·공연 예매 (generated by make_data.py; do not edit)",
        "",
        DDL,
    ]
    out += insert_lines(
        "artist", ["artist_id", "name", "genre", "agency", "debut_year", "member_count"], artists
    )
    out += insert_lines(
        "venue", ["venue_id", "venue_name", "city", "seats", "is_outdoor", "has_parking"], venues
    )
    out += insert_lines(
        "concert",
        [
            "concert_id",
            "artist_id",
            "venue_id",
            "title",
            "concert_date",
            "running_minutes",
            "ticket_price",
            "promoter",
            "is_sold_out",
        ],
        concerts,
    )
    out += insert_lines(
        "customer",
        ["customer_id", "name", "age", "gender", "city", "is_vip", "joined_on"],
        customers,
    )
    out += insert_lines(
        "booking",
        [
            "booking_id",
            "customer_id",
            "concert_id",
            "booked_on",
            "seat_grade",
            "ticket_count",
            "amount",
            "is_cancelled",
        ],
        bookings,
    )
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT} ({len(artists)} artists, {len(venues)} venues, {len(concerts)} concerts, "
        f"{len(customers)} customers, {len(bookings)} bookings)"
    )


if __name__ == "__main__":
    main()
