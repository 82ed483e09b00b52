"""Write schema.sql for the `mountain_trails` dev database (산·등산로·산행 기록).

Mountain facts are approximate; trails, hikers and hike logs are synthetic.
Deterministic: a fixed seed, no clock, no network. Run from anywhere:

    python models/seq2sql/devsets/mountain_trails/make_data.py
"""

import datetime as dt
import random
from pathlib import Path

SEED = 1947
OUT = Path(__file__).with_name("schema.sql")

DDL = """\
CREATE TABLE mountain (
    mountain_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    height_m INTEGER NOT NULL,
    province TEXT NOT NULL,
    is_national_park INTEGER NOT NULL
);

CREATE TABLE trail (
    trail_id INTEGER PRIMARY KEY,
    mountain_id INTEGER NOT NULL,
    trail_name TEXT NOT NULL,
    length_km REAL NOT NULL,
    est_minutes INTEGER NOT NULL,
    level TEXT NOT NULL,
    FOREIGN KEY (mountain_id) REFERENCES mountain (mountain_id)
);

CREATE TABLE hiker (
    hiker_id INTEGER PRIMARY KEY,
    nickname TEXT NOT NULL,
    age INTEGER NOT NULL,
    gender TEXT NOT NULL,
    gear_brand TEXT NOT NULL,
    joined_on DATE NOT NULL
);

CREATE TABLE hike (
    hike_id INTEGER PRIMARY KEY,
    hiker_id INTEGER NOT NULL,
    trail_id INTEGER NOT NULL,
    hike_date DATE NOT NULL,
    minutes_taken INTEGER NOT NULL,
    rating INTEGER NOT NULL,
    FOREIGN KEY (hiker_id) REFERENCES hiker (hiker_id),
    FOREIGN KEY (trail_id) REFERENCES trail (trail_id)
);
"""

# (name, height m, province, national park, [trail names] or None for generic)
MOUNTAINS = [
    ("한라산", 1947, "제주", True, ["성판악 코스", "관음사 코스", "영실 코스", "어리목 코스"]),
    ("지리산", 1915, "경남", True, ["중산리 코스", "화엄사 코스", "백무동 코스", "성삼재 코스"]),
    ("설악산", 1708, "강원", True, ["오색 코스", "한계령 코스", "비선대 코스", "울산바위 코스"]),
    ("덕유산", 1614, "전북", True, ["구천동 코스", "향적봉 곤돌라 코스"]),
    ("태백산", 1567, "강원", True, ["유일사 코스", "당골 코스"]),
    ("오대산", 1563, "강원", True, ["상원사 코스", "진고개 코스"]),
    ("소백산", 1439, "충북", True, ["희방사 코스", "어의곡 코스", "죽령 코스"]),
    ("가야산", 1433, "경남", True, ["해인사 코스", "백운동 코스"]),
    ("치악산", 1288, "강원", True, ["구룡사 코스", "황골 코스"]),
    ("명지산", 1267, "경기", False, None),
    ("민주지산", 1242, "충북", False, None),
    ("팔공산", 1193, "대구", True, ["동화사 코스", "갓바위 코스"]),
    ("무등산", 1187, "광주", True, ["증심사 코스", "원효사 코스"]),
    ("월악산", 1097, "충북", True, ["덕주사 코스", "보덕암 코스"]),
    ("속리산", 1058, "충북", True, ["법주사 코스", "화북 코스"]),
    ("운악산", 936, "경기", False, None),
    ("계룡산", 845, "충남", True, ["동학사 코스", "갑사 코스"]),
    ("북한산", 836, "서울", True, ["백운대 코스", "의상능선 코스", "대남문 코스", "숨은벽 코스"]),
    ("월출산", 809, "전남", True, ["천황사 코스", "도갑사 코스"]),
    ("금정산", 801, "부산", True, ["범어사 코스", "산성 코스"]),
    ("내장산", 763, "전북", True, ["서래봉 코스", "백양사 코스"]),
    ("도봉산", 740, "서울", True, ["도봉탐방지원센터 코스", "망월사 코스", "송추 코스"]),
    ("주왕산", 721, "경북", True, ["대전사 코스", "절골 코스"]),
    ("감악산", 675, "경기", False, None),
    ("수락산", 638, "서울", False, None),
    ("관악산", 632, "서울", False, ["사당 코스", "서울대 코스", "과천향교 코스"]),
    ("청계산", 618, "경기", False, ["원터골 코스", "옛골 코스"]),
    ("마니산", 472, "인천", False, None),
    ("인왕산", 338, "서울", False, ["사직단 코스", "윤동주 문학관 코스"]),
    ("아차산", 296, "서울", False, ["아차산성 코스", "용마산 연계 코스"]),
]
GENERIC_TRAILS = ["정상 코스", "계곡 코스", "능선 코스"]

BRANDS = [
    "The North Face",
    "The North Face",
    "Black Yak",
    "Black Yak",
    "K2",
    "K2",
    "Kolon Sport",
    "Nepa",
    "Millet",
    "Arcteryx",
    "Eider",
]

NICK_HEAD = [
    "산타는",
    "주말",
    "등린이",
    "백대명산",
    "새벽",
    "느린",
    "정상",
    "구름",
    "바람",
    "단풍",
    "하늘",
    "초록",
    "산울림",
    "걷는",
]
NICK_TAIL = [
    "곰",
    "다람쥐",
    "토끼",
    "여우",
    "산양",
    "고양이",
    "부엉이",
    "거북이",
    "나그네",
    "산악회",
    "언니",
    "아재",
    "러버",
    "맨",
]
LATIN_NICKS = [
    "hikerkim",
    "mtlee",
    "peakhunter",
    "trailpark",
    "summit_j",
    "bluesky77",
    "choi_walks",
    "rockjump",
]


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


def make_mountains():
    return [
        (i, name, height, province, park)
        for i, (name, height, province, park, _) in enumerate(MOUNTAINS, start=1)
    ]


def make_trails(rng):
    rows = []
    for mountain_id, (name, height, _, _, trails) in enumerate(MOUNTAINS, start=1):
        names = trails or [f"{name} {g}" for g in rng.sample(GENERIC_TRAILS, 2)]
        for trail_name in names:
            length = round(rng.uniform(2.0, 5.0) + height / 400 * rng.uniform(0.6, 1.6), 1)
            if "곤돌라" in trail_name:
                length = round(rng.uniform(1.0, 2.0), 1)
            minutes = int(length * rng.uniform(32, 48) + height / 1000 * 40) // 10 * 10
            climb = height * length / 10
            level = "상급" if climb > 1000 else "중급" if climb > 350 else "초급"
            rows.append((len(rows) + 1, mountain_id, trail_name, length, minutes, level))
    return rows


def make_hikers(rng, n=50):
    nicks = list(LATIN_NICKS)
    while len(nicks) < n:
        nick = rng.choice(NICK_HEAD) + rng.choice(NICK_TAIL)
        if nick not in nicks:
            nicks.append(nick)
    rng.shuffle(nicks)
    rows = []
    for i, nick in enumerate(nicks, start=1):
        age = rng.randint(23, 71)
        joined = random_date(rng, dt.date(2019, 1, 1), dt.date(2024, 3, 31))
        rows.append((i, nick, age, rng.choice(["남", "여"]), rng.choice(BRANDS), joined))
    return rows


def make_hikes(rng, trails, hikers, mountains, n=250):
    # trails near Seoul and famous peaks are walked far more often
    height = {m[0]: m[2] for m in mountains}
    province = {m[0]: m[3] for m in mountains}
    trail_w = [
        (3.0 if province[t[1]] in ("서울", "경기") else 1.0)
        * (1.5 if height[t[1]] > 1500 else 1.0)
        * rng.uniform(0.3, 1.5)
        for t in trails
    ]
    hiker_w = [rng.lognormvariate(0, 0.7) for _ in hikers]
    logs = []
    for _ in range(n):
        trail = rng.choices(trails, weights=trail_w)[0]
        hiker = rng.choices(hikers, weights=hiker_w)[0]
        day = random_date(rng, max(hiker[5], dt.date(2023, 3, 1)), dt.date(2024, 11, 30))
        speed = 1.25 if hiker[2] > 60 else 0.85 if hiker[2] < 35 else 1.0
        minutes = int(trail[4] * speed * rng.uniform(0.8, 1.3))
        rating = max(1, min(5, round(rng.gauss(4.0, 0.9))))
        logs.append((day, hiker[0], trail[0], minutes, rating))
    logs.sort()
    return [
        (i, hiker_id, trail_id, day, minutes, rating)
        for i, (day, hiker_id, trail_id, minutes, rating) in enumerate(logs, start=1)
    ]


def main():
    rng = random.Random(SEED)
    mountains = make_mountains()
    trails = make_trails(rng)
    hikers = make_hikers(rng)
    hikes = make_hikes(rng, trails, hikers, mountains)
    out = [
        "-- mountain_trails: 산·등산로·산행 기록 (generated by make_data.py; do not edit)",
        "",
        DDL,
    ]
    out += insert_lines(
        "mountain", ["mountain_id", "name", "height_m", "province", "is_national_park"], mountains
    )
    out += insert_lines(
        "trail",
        ["trail_id", "mountain_id", "trail_name", "length_km", "est_minutes", "level"],
        trails,
    )
    out += insert_lines(
        "hiker", ["hiker_id", "nickname", "age", "gender", "gear_brand", "joined_on"], hikers
    )
    out += insert_lines(
        "hike", ["hike_id", "hiker_id", "trail_id", "hike_date", "minutes_taken", "rating"], hikes
    )
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT} ({len(mountains)} mountains, {len(trails)} trails, "
        f"{len(hikers)} hikers, {len(hikes)} hikes)"
    )


if __name__ == "__main__":
    main()
