"""Write schema.sql for the `fitness_club` dev database (피트니스 센터 체인).

An invented chain of fitness clubs: branches, trainers, members, group
classes, class attendance and membership payments in 2024. Membership
plans, class types and payment methods are stored in Latin script
('PREMIUM', 'YOGA', 'CARD'); class names, trainer specialties and places
are Korean. A few members never came to a class, a few never paid in 2024,
some trainers teach no group class and the newest branch has no members yet.
Deterministic: a fixed seed, no clock, no network. Run from anywhere:

    python models/seq2sql/devsets/fitness_club/make_data.py
"""

import datetime as dt
import random
from pathlib import Path

SEED = 3127
OUT = Path(__file__).with_name("schema.sql")

DDL = """\
CREATE TABLE branch (
    branch_id INTEGER PRIMARY KEY,
    branch_name TEXT NOT NULL,
    city TEXT NOT NULL,
    district TEXT NOT NULL,
    opened_on DATE NOT NULL,
    floor_area INTEGER NOT NULL,
    monthly_fee INTEGER NOT NULL,
    has_pool INTEGER NOT NULL,
    is_24h INTEGER NOT NULL
);

CREATE TABLE trainer (
    trainer_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    gender TEXT NOT NULL,
    branch_id INTEGER NOT NULL,
    specialty TEXT NOT NULL,
    career_years INTEGER NOT NULL,
    hourly_rate INTEGER NOT NULL,
    is_certified INTEGER NOT NULL,
    FOREIGN KEY (branch_id) REFERENCES branch (branch_id)
);

CREATE TABLE member (
    member_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    gender TEXT NOT NULL,
    age INTEGER NOT NULL,
    branch_id INTEGER NOT NULL,
    joined_on DATE NOT NULL,
    plan TEXT NOT NULL,
    is_active INTEGER NOT NULL,
    FOREIGN KEY (branch_id) REFERENCES branch (branch_id)
);

CREATE TABLE group_class (
    class_id INTEGER PRIMARY KEY,
    class_name TEXT NOT NULL,
    class_type TEXT NOT NULL,
    trainer_id INTEGER NOT NULL,
    weekday TEXT NOT NULL,
    start_hour INTEGER NOT NULL,
    duration_minutes INTEGER NOT NULL,
    capacity INTEGER NOT NULL,
    FOREIGN KEY (trainer_id) REFERENCES trainer (trainer_id)
);

CREATE TABLE attendance (
    attendance_id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL,
    class_id INTEGER NOT NULL,
    attended_on DATE NOT NULL,
    rating INTEGER NOT NULL,
    FOREIGN KEY (member_id) REFERENCES member (member_id),
    FOREIGN KEY (class_id) REFERENCES group_class (class_id)
);

CREATE TABLE payment (
    payment_id INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL,
    paid_on DATE NOT NULL,
    months INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    method TEXT NOT NULL,
    FOREIGN KEY (member_id) REFERENCES member (member_id)
);
"""

# (name, city, district, opened, floor area m2, monthly fee, pool, 24h)
BRANCHES = [
    ("강남역점", "서울", "강남구", dt.date(2012, 3, 15), 1650, 99000, True, True),
    ("압구정점", "서울", "강남구", dt.date(2016, 9, 1), 1320, 129000, True, False),
    ("잠실점", "서울", "송파구", dt.date(2014, 5, 10), 1980, 89000, True, False),
    ("문정점", "서울", "송파구", dt.date(2021, 2, 22), 990, 69000, False, True),
    ("홍대입구점", "서울", "마포구", dt.date(2013, 11, 4), 860, 65000, False, True),
    ("공덕점", "서울", "마포구", dt.date(2019, 7, 19), 1120, 75000, False, False),
    ("여의도점", "서울", "영등포구", dt.date(2010, 4, 1), 2310, 110000, True, False),
    ("목동점", "서울", "양천구", dt.date(2017, 3, 6), 1450, 79000, True, False),
    ("성수점", "서울", "성동구", dt.date(2022, 6, 13), 780, 85000, False, True),
    ("노원점", "서울", "노원구", dt.date(2015, 8, 24), 1230, 59000, False, False),
    ("건대입구점", "서울", "광진구", dt.date(2018, 1, 8), 940, 62000, False, True),
    ("신림점", "서울", "관악구", dt.date(2020, 10, 5), 700, 49000, False, True),
    ("분당서현점", "경기", "성남시", dt.date(2011, 6, 20), 1870, 85000, True, False),
    ("판교점", "경기", "성남시", dt.date(2020, 3, 2), 1400, 95000, True, True),
    ("일산점", "경기", "고양시", dt.date(2013, 4, 15), 1560, 69000, True, False),
    ("수원역점", "경기", "수원시", dt.date(2016, 12, 12), 1100, 59000, False, False),
    ("해운대점", "부산", "해운대구", dt.date(2015, 7, 1), 1700, 79000, True, False),
    ("서면점", "부산", "부산진구", dt.date(2019, 5, 27), 1050, 55000, False, True),
    ("대구동성로점", "대구", "중구", dt.date(2018, 9, 17), 980, 52000, False, False),
    ("송도점", "인천", "연수구", dt.date(2024, 11, 4), 1380, 88000, True, False),
]
NEWEST_BRANCH = 20  # opened in November 2024: trainers hired, no members yet

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
    "황",
    "안",
    "송",
]
GIVEN = {
    "남": [
        "민준",
        "지호",
        "도윤",
        "예준",
        "서준",
        "현우",
        "건우",
        "태민",
        "준서",
        "시우",
        "동현",
        "승민",
        "재훈",
        "우진",
        "성호",
        "형준",
    ],
    "여": [
        "서연",
        "하은",
        "수빈",
        "지민",
        "채원",
        "유진",
        "지아",
        "나연",
        "소희",
        "다은",
        "예린",
        "수아",
        "민지",
        "혜원",
        "가영",
        "보람",
    ],
}

SPECIALTIES = [
    "웨이트",
    "다이어트",
    "재활",
    "체형교정",
    "요가",
    "필라테스",
    "크로스핏",
    "복싱",
    "스피닝",
]
# class type -> (trainer specialties that teach it, Korean class names, minutes, capacity range)
CLASS_TYPES = {
    "YOGA": (
        ["요가"],
        ["아침 요가", "힐링 요가", "파워 요가", "빈야사 요가", "저녁 요가"],
        [50, 60],
        (12, 20),
    ),
    "PILATES": (
        ["필라테스", "체형교정", "재활"],
        ["매트 필라테스", "기구 필라테스", "코어 필라테스"],
        [50],
        (6, 12),
    ),
    "SPINNING": (
        ["스피닝", "다이어트"],
        ["파워 스피닝", "리듬 스피닝", "나이트 스피닝"],
        [40, 45],
        (15, 25),
    ),
    "CROSSFIT": (
        ["크로스핏", "웨이트"],
        ["크로스핏 WOD", "크로스핏 기초반", "서킷 트레이닝"],
        [60],
        (10, 16),
    ),
    "BOXING": (
        ["복싱", "다이어트"],
        ["다이어트 복싱", "킥복싱", "복싱 기초반"],
        [50, 60],
        (10, 18),
    ),
    "ZUMBA": (["다이어트", "요가"], ["줌바 댄스", "라틴 줌바"], [50], (15, 30)),
}
WEEKDAYS = ["월", "화", "수", "목", "금", "토", "일"]
HOURS = [6, 7, 9, 10, 12, 19, 20, 21]

PLANS = ["BASIC", "PREMIUM", "VIP"]
PLAN_WEIGHT = [55, 32, 13]
PLAN_FACTOR = {"BASIC": 1.0, "PREMIUM": 1.4, "VIP": 2.0}
METHODS = ["CARD", "CASH", "TRANSFER"]
METHOD_WEIGHT = [70, 8, 22]
MONTHS = [1, 3, 6, 12]
MONTH_WEIGHT = [40, 30, 18, 12]
MONTH_DISCOUNT = {1: 1.0, 3: 0.95, 6: 0.9, 12: 0.8}


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


def unique_people(rng, n, taken):
    people = []
    while len(people) < n:
        gender = rng.choice(["남", "여"])
        name = rng.choice(SURNAMES) + rng.choice(GIVEN[gender])
        if name not in taken:
            taken.add(name)
            people.append((name, gender))
    return people


def make_branches():
    return [(i, *row) for i, row in enumerate(BRANCHES, start=1)]


def make_trainers(rng, taken, n=44):
    # every branch gets two trainers, the rest go to the bigger branches
    branch_ids = [b for b in range(1, len(BRANCHES) + 1) for _ in range(2)]
    big = [i for i, b in enumerate(BRANCHES, start=1) if b[4] >= 1400 and i != NEWEST_BRANCH]
    branch_ids += rng.sample(big, n - len(branch_ids))
    rows = []
    for i, ((name, gender), branch_id) in enumerate(
        zip(unique_people(rng, n, taken), branch_ids, strict=True), 1
    ):
        specialty = SPECIALTIES[(i - 1) % len(SPECIALTIES)] if i <= 18 else rng.choice(SPECIALTIES)
        career = rng.randint(1, 15)
        rate = 50000 + career * 3000 + rng.choice([0, 5000, 10000, 15000])
        certified = rng.random() < (0.45 + career * 0.04)
        rows.append((i, name, gender, branch_id, specialty, career, rate, certified))
    return rows


def make_classes(rng, trainers):
    rows = []
    teachers = {}
    for t in trainers:
        for ctype, (specs, *_rest) in CLASS_TYPES.items():
            if t[4] in specs:
                teachers.setdefault(ctype, []).append(t)
    # some trainers only do personal training: no group class at all
    pt_only = {t[0] for t in trainers if t[4] in ("웨이트", "재활")}
    pt_only = set(rng.sample(sorted(pt_only), 4)) | {
        t[0] for t in trainers if t[3] == NEWEST_BRANCH
    }
    plan = [
        ("YOGA", 11),
        ("PILATES", 10),
        ("SPINNING", 8),
        ("CROSSFIT", 7),
        ("BOXING", 7),
        ("ZUMBA", 4),
    ]
    load = {}
    for ctype, n in plan:
        specs, names, minutes, (lo, hi) = CLASS_TYPES[ctype]
        pool = [t for t in teachers[ctype] if t[0] not in pt_only]
        for _ in range(n):
            # spread the classes: a trainer who already teaches many is picked less
            trainer = rng.choices(pool, weights=[1 / (1 + load.get(t[0], 0)) ** 2 for t in pool])[0]
            load[trainer[0]] = load.get(trainer[0], 0) + 1
            name = rng.choice(names)
            hours = HOURS
            if name.startswith("아침"):
                hours = [6, 7, 9]
            elif name.startswith(("저녁", "나이트")):
                hours = [19, 20, 21]
            rows.append(
                [
                    name,
                    ctype,
                    trainer[0],
                    rng.choice(WEEKDAYS),
                    rng.choice(hours),
                    rng.choice(minutes),
                    rng.randint(lo, hi),
                ]
            )
    rng.shuffle(rows)
    return [(i, *row) for i, row in enumerate(rows, start=1)]


def make_members(rng, taken, n=120):
    weights = [b[4] for b in BRANCHES]
    weights[NEWEST_BRANCH - 1] = 0
    rows = []
    for i, (name, gender) in enumerate(unique_people(rng, n, taken), start=1):
        age = rng.choices(
            [rng.randint(17, 29), rng.randint(30, 45), rng.randint(46, 68)], [40, 42, 18]
        )[0]
        branch_id = rng.choices(range(1, len(BRANCHES) + 1), weights=weights)[0]
        opened = BRANCHES[branch_id - 1][3]
        joined = random_date(rng, max(opened, dt.date(2018, 1, 1)), dt.date(2024, 10, 31))
        plan = rng.choices(PLANS, weights=PLAN_WEIGHT)[0]
        active = rng.random() < 0.78
        rows.append((i, name, gender, age, branch_id, joined, plan, active))
    return rows


def make_attendance(rng, members, classes, trainers, n=300):
    trainer_branch = {t[0]: t[3] for t in trainers}
    # the last six members signed up but never came to a group class
    weights = [rng.lognormvariate(0, 0.5) * (1.6 if m[7] else 0.5) for m in members[:-6]] + [
        0.0
    ] * 6
    rows = []
    while len(rows) < n:
        member = rng.choices(members, weights=weights)[0]
        # usually a class at the member's own branch, sometimes another one
        own = [c for c in classes if trainer_branch[c[3]] == member[4]]
        cls = rng.choice(own) if own and rng.random() < 0.8 else rng.choice(classes)
        start = max(dt.date(2024, 1, 2), member[5])
        if start > dt.date(2024, 12, 28):
            continue
        day = random_date(rng, start, dt.date(2024, 12, 28))
        rating = rng.choices([1, 2, 3, 4, 5], weights=[3, 6, 20, 38, 33])[0]
        rows.append((day, member[0], cls[0], rating))
    rows.sort()
    return [(i, m, c, d, r) for i, (d, m, c, r) in enumerate(rows, start=1)]


def make_payments(rng, members, branches, n=220):
    fee = {b[0]: b[6] for b in branches}
    # the first five members paid for a long plan before 2024: no payment this year
    payers = members[5:]
    weights = [1.5 if m[7] else 0.6 for m in payers]
    rows = []
    while len(rows) < n:
        member = rng.choices(payers, weights=weights)[0]
        start = max(dt.date(2024, 1, 2), member[5])
        day = random_date(rng, start, dt.date(2024, 12, 30))
        months = rng.choices(MONTHS, weights=MONTH_WEIGHT)[0]
        amount = fee[member[4]] * months * PLAN_FACTOR[member[6]] * MONTH_DISCOUNT[months]
        amount = int(round(amount, -3))
        method = rng.choices(METHODS, weights=METHOD_WEIGHT)[0]
        rows.append((day, member[0], months, amount, method))
    rows.sort()
    return [(i, m, d, mo, a, me) for i, (d, m, mo, a, me) in enumerate(rows, start=1)]


def main():
    rng = random.Random(SEED)
    taken = set()
    branches = make_branches()
    trainers = make_trainers(rng, taken)
    classes = make_classes(rng, trainers)
    members = make_members(rng, taken)
    attendance = make_attendance(rng, members, classes, trainers)
    payments = make_payments(rng, members, branches)
    out = [
        "-- fitness_club: 피트니스 센터 체인 (generated by make_data.py; do not edit)",
        "",
        DDL,
    ]
    out += insert_lines(
        "branch",
        [
            "branch_id",
            "branch_name",
            "city",
            "district",
            "opened_on",
            "floor_area",
            "monthly_fee",
            "has_pool",
            "is_24h",
        ],
        branches,
    )
    out += insert_lines(
        "trainer",
        [
            "trainer_id",
            "name",
            "gender",
            "branch_id",
            "specialty",
            "career_years",
            "hourly_rate",
            "is_certified",
        ],
        trainers,
    )
    out += insert_lines(
        "member",
        ["member_id", "name", "gender", "age", "branch_id", "joined_on", "plan", "is_active"],
        members,
    )
    out += insert_lines(
        "group_class",
        [
            "class_id",
            "class_name",
            "class_type",
            "trainer_id",
            "weekday",
            "start_hour",
            "duration_minutes",
            "capacity",
        ],
        classes,
    )
    out += insert_lines(
        "attendance",
        ["attendance_id", "member_id", "class_id", "attended_on", "rating"],
        attendance,
    )
    out += insert_lines(
        "payment", ["payment_id", "member_id", "paid_on", "months", "amount", "method"], payments
    )
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT} ({len(branches)} branches, {len(trainers)} trainers, {len(members)} members, "
        f"{len(classes)} classes, {len(attendance)} attendance rows, {len(payments)} payments)"
    )


if __name__ == "__main__":
    main()
