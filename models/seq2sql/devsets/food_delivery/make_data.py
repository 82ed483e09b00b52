"""Write schema.sql for the `food_delivery` dev database (배달 앱 주문).

Restaurants in four Seoul districts, their menus, app customers, riders,
orders from the second half of 2024 and the reviews left on them. Brand,
menu and payment values are partly stored in Latin script ('Pizza Hut',
'Whopper', 'KAKAOPAY', 'MOTORBIKE'). Customers, riders and reviews are
invented. One restaurant opened too late to get any orders, a few customers
never ordered and one rider was hired at the very end of the year.
Deterministic: a fixed seed, no clock, no network. Run from anywhere:

    python models/seq2sql/devsets/food_delivery/make_data.py
"""

import datetime as dt
import random
from pathlib import Path

SEED = 7331
OUT = Path(__file__).with_name("schema.sql")

DDL = """\
CREATE TABLE restaurant (
    restaurant_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    district TEXT NOT NULL,
    min_order_amount INTEGER NOT NULL,
    delivery_fee INTEGER NOT NULL,
    is_franchise INTEGER NOT NULL,
    opened_on DATE NOT NULL
);

CREATE TABLE menu_item (
    menu_id INTEGER PRIMARY KEY,
    restaurant_id INTEGER NOT NULL,
    item_name TEXT NOT NULL,
    price INTEGER NOT NULL,
    is_spicy INTEGER NOT NULL,
    is_signature INTEGER NOT NULL,
    FOREIGN KEY (restaurant_id) REFERENCES restaurant (restaurant_id)
);

CREATE TABLE customer (
    customer_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    age INTEGER NOT NULL,
    district TEXT NOT NULL,
    is_member INTEGER NOT NULL,
    joined_on DATE NOT NULL
);

CREATE TABLE rider (
    rider_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    vehicle TEXT NOT NULL,
    is_fulltime INTEGER NOT NULL,
    hired_on DATE NOT NULL
);

CREATE TABLE orders (
    order_id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    restaurant_id INTEGER NOT NULL,
    rider_id INTEGER NOT NULL,
    ordered_on DATE NOT NULL,
    order_amount INTEGER NOT NULL,
    payment_method TEXT NOT NULL,
    used_coupon INTEGER NOT NULL,
    distance_km REAL NOT NULL,
    delivery_minutes INTEGER NOT NULL,
    FOREIGN KEY (customer_id) REFERENCES customer (customer_id),
    FOREIGN KEY (restaurant_id) REFERENCES restaurant (restaurant_id),
    FOREIGN KEY (rider_id) REFERENCES rider (rider_id)
);

CREATE TABLE review (
    review_id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL,
    rating INTEGER NOT NULL,
    content TEXT NOT NULL,
    has_photo INTEGER NOT NULL,
    written_on DATE NOT NULL,
    FOREIGN KEY (order_id) REFERENCES orders (order_id)
);
"""

DISTRICTS = ["마포구", "강남구", "관악구", "성동구"]

# (name, category, district, min order, delivery fee, franchise, opened, popularity, menu)
# menu entries: (item name, price, spicy, signature)
RESTAURANTS = [
    (
        "Pizza Hut",
        "피자",
        "마포구",
        15000,
        3000,
        True,
        "2015-03-02",
        3.0,
        [
            ("Super Supreme", 28900, False, True),
            ("Pepperoni", 24900, False, False),
            ("치즈 크러스트 불고기", 31900, False, False),
            ("핫 스파이시 치킨 피자", 27900, True, False),
            ("치즈 오븐 스파게티", 8900, False, False),
            ("Coca-Cola 1.25L", 2500, False, False),
        ],
    ),
    (
        "Domino's Pizza",
        "피자",
        "강남구",
        15000,
        3000,
        True,
        "2013-06-17",
        3.0,
        [
            ("포테이토 피자", 26900, False, True),
            ("블랙타이거 슈림프", 34900, False, False),
            ("Pepperoni", 23900, False, False),
            ("매운 갈비 피자", 29900, True, False),
            ("치즈볼", 5900, False, False),
        ],
    ),
    (
        "피자스쿨",
        "피자",
        "관악구",
        10000,
        2000,
        True,
        "2019-09-10",
        2.0,
        [
            ("고구마 피자", 13900, False, True),
            ("치즈 피자", 10900, False, False),
            ("불고기 피자", 13900, False, False),
            ("핫치킨 피자", 14900, True, False),
        ],
    ),
    (
        "교촌치킨",
        "치킨",
        "마포구",
        16000,
        3000,
        True,
        "2016-11-21",
        4.0,
        [
            ("허니콤보", 23000, False, True),
            ("교촌 오리지날", 19000, False, False),
            ("레드콤보", 23000, True, False),
            ("살살치킨", 20000, False, False),
            ("웨지감자", 4000, False, False),
        ],
    ),
    (
        "BBQ",
        "치킨",
        "강남구",
        16000,
        3500,
        True,
        "2014-04-08",
        3.5,
        [
            ("황금올리브치킨", 23000, False, True),
            ("자메이카 통다리구이", 24500, True, False),
            ("양념치킨", 22500, False, False),
            ("황금올리브 닭다리", 24000, False, False),
            ("치즈볼", 6000, False, False),
        ],
    ),
    (
        "bhc",
        "치킨",
        "관악구",
        15000,
        3000,
        True,
        "2018-02-14",
        3.5,
        [
            ("뿌링클", 21000, False, True),
            ("맛초킹", 21000, True, False),
            ("후라이드", 18000, False, False),
            ("콜팝", 5000, False, False),
        ],
    ),
    (
        "동네통닭",
        "치킨",
        "성동구",
        12000,
        2000,
        False,
        "2020-07-01",
        2.0,
        [
            ("옛날통닭", 14000, False, True),
            ("양념반 후라이드반", 17000, False, False),
            ("매운 마늘치킨", 18000, True, False),
            ("똥집튀김", 12000, False, False),
        ],
    ),
    (
        "Burger King",
        "버거",
        "강남구",
        12000,
        2500,
        True,
        "2017-05-30",
        3.0,
        [
            ("Whopper", 7100, False, True),
            ("Whopper Jr.", 4900, False, False),
            ("몬스터 와퍼", 9300, True, False),
            ("치즈 프라이", 3400, False, False),
            ("너겟킹", 2800, False, False),
        ],
    ),
    (
        "McDonald's",
        "버거",
        "마포구",
        12000,
        2500,
        True,
        "2012-08-20",
        3.0,
        [
            ("Big Mac", 6300, False, True),
            ("맥스파이시 상하이 버거", 6000, True, False),
            ("1955 버거", 7400, False, False),
            ("McNuggets 6조각", 4200, False, False),
            ("감자튀김 L", 2900, False, False),
        ],
    ),
    (
        "Mom's Touch",
        "버거",
        "관악구",
        10000,
        2000,
        True,
        "2019-01-15",
        3.0,
        [
            ("싸이버거", 4900, False, True),
            ("불싸이버거", 5400, True, False),
            ("딥치즈버거", 6100, False, False),
            ("케이준 양념감자", 2300, False, False),
        ],
    ),
    (
        "KFC",
        "버거",
        "성동구",
        12000,
        3000,
        True,
        "2021-03-05",
        1.5,
        [
            ("징거버거", 6100, True, True),
            ("오리지널 치킨 3조각", 8900, False, False),
            ("타워버거", 7500, False, False),
            ("코울슬로", 2200, False, False),
        ],
    ),
    (
        "홍콩반점0410",
        "중식",
        "마포구",
        13000,
        2000,
        True,
        "2018-10-10",
        2.5,
        [
            ("짜장면", 6500, False, True),
            ("짬뽕", 8000, True, False),
            ("탕수육", 16000, False, False),
            ("고추짜장", 7500, True, False),
            ("군만두", 5000, False, False),
        ],
    ),
    (
        "북경",
        "중식",
        "성동구",
        14000,
        2500,
        False,
        "2009-04-01",
        2.5,
        [
            ("간짜장", 8000, False, True),
            ("삼선짬뽕", 11000, True, False),
            ("깐풍기", 25000, True, False),
            ("탕수육", 19000, False, False),
            ("볶음밥", 8500, False, False),
        ],
    ),
    (
        "진짜루",
        "중식",
        "강남구",
        15000,
        3000,
        False,
        "2016-12-12",
        2.0,
        [
            ("짜장면", 7000, False, False),
            ("차돌짬뽕", 10500, True, True),
            ("찹쌀탕수육", 20000, False, False),
            ("유린기", 24000, False, False),
        ],
    ),
    (
        "마라공방",
        "중식",
        "관악구",
        15000,
        2500,
        False,
        "2022-06-20",
        2.0,
        [
            ("마라탕", 13000, True, True),
            ("마라샹궈", 21000, True, False),
            ("꿔바로우", 17000, False, False),
            ("토마토 계란볶음", 9000, False, False),
        ],
    ),
    (
        "김밥천국",
        "분식",
        "관악구",
        8000,
        1500,
        True,
        "2011-02-28",
        3.0,
        [
            ("참치김밥", 4500, False, True),
            ("라볶이", 6500, True, False),
            ("돈까스", 9000, False, False),
            ("김치찌개", 8000, True, False),
            ("쫄면", 7000, True, False),
        ],
    ),
    (
        "엽기떡볶이",
        "분식",
        "성동구",
        14000,
        3000,
        True,
        "2017-09-09",
        3.0,
        [
            ("엽기떡볶이", 14000, True, True),
            ("엽기오뎅", 14000, True, False),
            ("주먹김밥", 2000, False, False),
            ("모둠튀김", 4000, False, False),
        ],
    ),
    (
        "신전떡볶이",
        "분식",
        "마포구",
        10000,
        2000,
        True,
        "2019-12-01",
        2.5,
        [
            ("신전 떡볶이", 3500, True, True),
            ("치즈김밥", 3500, False, False),
            ("튀김만두", 3000, False, False),
            ("어묵탕", 4000, False, False),
        ],
    ),
    (
        "할매순대국",
        "한식",
        "관악구",
        9000,
        1000,
        False,
        "2005-05-05",
        2.0,
        [
            ("순대국", 9000, False, True),
            ("얼큰 순대국", 9500, True, False),
            ("모둠 순대", 15000, False, False),
            ("수육 소", 18000, False, False),
        ],
    ),
    (
        "본죽",
        "한식",
        "강남구",
        10000,
        2500,
        True,
        "2015-10-19",
        2.0,
        [
            ("전복죽", 15000, False, True),
            ("소고기야채죽", 11000, False, False),
            ("낙지김치죽", 11500, True, False),
            ("호박죽", 9500, False, False),
        ],
    ),
    (
        "원할머니보쌈",
        "한식",
        "성동구",
        25000,
        3000,
        True,
        "2014-01-22",
        2.0,
        [
            ("보쌈 정식", 13000, False, False),
            ("원할머니 보쌈 중", 34000, False, True),
            ("매운 족발", 36000, True, False),
            ("막국수", 8000, True, False),
        ],
    ),
    (
        "명동칼국수",
        "한식",
        "마포구",
        9000,
        1500,
        False,
        "2010-08-30",
        1.5,
        [
            ("칼국수", 9000, False, True),
            ("비빔국수", 8500, True, False),
            ("왕만두", 7000, False, False),
        ],
    ),
    (
        "곱창이야기",
        "한식",
        "성동구",
        18000,
        3000,
        False,
        "2024-12-20",
        0.0,
        [
            ("야채곱창", 17000, True, True),
            ("소곱창 구이", 29000, False, False),
            ("볶음밥", 3000, False, False),
        ],
    ),
    (
        "Starbucks",
        "카페",
        "강남구",
        12000,
        3000,
        True,
        "2013-03-11",
        2.5,
        [
            ("Caffe Americano", 4500, False, True),
            ("Caffe Latte", 5000, False, False),
            ("Java Chip Frappuccino", 6300, False, False),
            ("클래식 스콘", 3900, False, False),
            ("부드러운 생크림 카스텔라", 4200, False, False),
        ],
    ),
    (
        "MEGA COFFEE",
        "카페",
        "관악구",
        8000,
        1500,
        True,
        "2021-08-08",
        2.5,
        [
            ("아메리카노", 2000, False, True),
            ("카페라떼", 2900, False, False),
            ("퐁크러쉬", 3900, False, False),
            ("허니브레드", 4500, False, False),
        ],
    ),
    (
        "설빙",
        "카페",
        "마포구",
        12000,
        2500,
        True,
        "2016-06-25",
        1.5,
        [
            ("인절미설빙", 9900, False, True),
            ("애플망고설빙", 14900, False, False),
            ("치즈 가래떡", 5900, False, False),
        ],
    ),
    (
        "스시하루",
        "일식",
        "강남구",
        20000,
        3000,
        False,
        "2019-04-04",
        2.0,
        [
            ("모둠초밥 12pc", 19000, False, True),
            ("연어초밥 10pc", 17000, False, False),
            ("특선 모둠회", 39000, False, False),
            ("냉모밀", 9000, False, False),
        ],
    ),
    (
        "돈카츠명가",
        "일식",
        "성동구",
        12000,
        2000,
        False,
        "2020-02-02",
        2.0,
        [
            ("로스카츠", 12000, False, True),
            ("히레카츠", 13000, False, False),
            ("치즈카츠", 13500, False, False),
            ("매운 카레 우동", 9500, True, False),
        ],
    ),
    (
        "Subway",
        "샐러드",
        "마포구",
        12000,
        2500,
        True,
        "2018-07-07",
        2.0,
        [
            ("Italian B.M.T.", 7900, False, True),
            ("에그마요", 5900, False, False),
            ("스테이크 & 치즈", 8900, False, False),
            ("쿠키 3개", 3600, False, False),
        ],
    ),
    (
        "샐러디",
        "샐러드",
        "강남구",
        11000,
        2000,
        True,
        "2020-10-15",
        2.0,
        [
            ("탄단지 샐러드", 8900, False, True),
            ("연어 포케", 10900, False, False),
            ("멕시칸 랩", 7900, True, False),
            ("단호박 수프", 3900, False, False),
        ],
    ),
]

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
]
GIVEN = [
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
    "승현",
    "재원",
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
    "혜진",
]

# (name, vehicle, full-time, hired on, home district, activity weight)
RIDERS = [
    ("김태식", "MOTORBIKE", True, "2019-03-04", "마포구", 3.0),
    ("이상훈", "MOTORBIKE", True, "2020-06-15", "강남구", 3.0),
    ("박정우", "MOTORBIKE", True, "2018-11-01", "관악구", 3.0),
    ("최민호", "MOTORBIKE", False, "2022-01-10", "성동구", 2.0),
    ("정대현", "MOTORBIKE", True, "2021-04-19", "마포구", 2.5),
    ("강동원", "MOTORBIKE", False, "2023-02-20", "강남구", 2.0),
    ("조현석", "MOTORBIKE", True, "2020-09-07", "관악구", 2.5),
    ("윤성민", "MOTORBIKE", True, "2019-12-02", "성동구", 2.5),
    ("장우진", "BICYCLE", False, "2023-05-05", "마포구", 1.5),
    ("임하늘", "BICYCLE", False, "2024-03-18", "관악구", 1.0),
    ("한지수", "BICYCLE", False, "2022-08-08", "성동구", 1.0),
    ("오세진", "BICYCLE", False, "2024-07-01", "강남구", 1.0),
    ("서유나", "WALK", False, "2024-04-22", "마포구", 0.8),
    ("신동혁", "WALK", False, "2023-10-30", "관악구", 0.8),
    ("권나래", "CAR", False, "2021-12-13", "강남구", 1.2),
    ("황보람", "CAR", True, "2020-02-03", "성동구", 1.5),
    ("문재혁", "MOTORBIKE", False, "2024-09-02", "강남구", 1.5),
    ("배수지", "BICYCLE", False, "2024-10-14", "마포구", 1.0),
    ("송민재", "MOTORBIKE", True, "2022-05-16", "강남구", 2.0),
    ("노준혁", "MOTORBIKE", False, "2024-12-26", "관악구", 0.0),
]
SPEED = {"MOTORBIKE": 0.45, "CAR": 0.55, "BICYCLE": 0.30, "WALK": 0.12}  # km per minute
MAX_KM = {"MOTORBIKE": 5.0, "CAR": 6.0, "BICYCLE": 2.5, "WALK": 1.0}

PAYMENTS = ["CARD", "KAKAOPAY", "NAVERPAY", "TOSSPAY", "CASH"]
PAYMENT_WEIGHT = [40, 25, 15, 12, 8]

COMMENTS = {
    5: [
        "최고예요!",
        "너무 맛있어요 또 시킬게요",
        "배달도 빠르고 맛있어요",
        "양이 많아요",
        "인생 맛집",
        "따끈하게 잘 왔어요",
    ],
    4: ["맛있어요", "괜찮았어요", "조금 늦었지만 맛있어요", "무난해요", "재주문 의사 있어요"],
    3: ["보통이에요", "그냥 그래요", "양이 좀 적어요", "조금 식어서 왔어요"],
    2: ["배달이 너무 늦었어요", "다 식어서 왔어요", "간이 너무 짜요"],
    1: ["최악이에요", "주문한 메뉴가 빠졌어요", "한 시간 넘게 걸렸어요"],
}


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


def make_restaurants():
    return [
        (i, name, cat, dist, min_amt, fee, fr, dt.date.fromisoformat(opened))
        for i, (name, cat, dist, min_amt, fee, fr, opened, _pop, _menu) in enumerate(
            RESTAURANTS, start=1
        )
    ]


def make_menu():
    rows = []
    for rid, (*_head, menu) in enumerate(RESTAURANTS, start=1):
        for item, price, spicy, signature in menu:
            rows.append((len(rows) + 1, rid, item, price, spicy, signature))
    return rows


def make_customers(rng, n=80):
    names = []
    while len(names) < n:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in names:
            names.append(name)
    rows = []
    for i, name in enumerate(names, start=1):
        age = rng.randint(17, 66)
        district = rng.choices(DISTRICTS, weights=[3, 3, 3, 2])[0]
        joined = random_date(rng, dt.date(2019, 1, 1), dt.date(2024, 6, 30))
        rows.append((i, name, age, district, rng.random() < 0.3, joined))
    return rows


def make_riders():
    return [
        (i, name, vehicle, full, dt.date.fromisoformat(hired))
        for i, (name, vehicle, full, hired, _d, _w) in enumerate(RIDERS, start=1)
    ]


def make_orders(rng, menu, customers, n=300):
    start, end = dt.date(2024, 7, 1), dt.date(2024, 12, 31)
    rest_menu = {}
    for _menu_id, rid, _item, price, _s, _sig in menu:
        rest_menu.setdefault(rid, []).append(price)
    # the last five customers signed up but never ordered
    active = customers[:-5]
    cust_w = [rng.lognormvariate(0, 0.7) for _ in active]
    rows = []
    for _ in range(n):
        cust = rng.choices(active, weights=cust_w)[0]
        local = rng.random() < 0.8
        cands = [
            (rid, r)
            for rid, r in enumerate(RESTAURANTS, start=1)
            if r[7] > 0 and (r[2] == cust[3]) == local
        ]
        rid, r = rng.choices(cands, weights=[c[1][7] for c in cands])[0]
        day = random_date(rng, start, end)
        distance = round(rng.uniform(0.3, 2.8) if local else rng.uniform(2.5, 5.5), 1)
        riders = [
            (k, rd)
            for k, rd in enumerate(RIDERS, start=1)
            if rd[5] > 0 and MAX_KM[rd[1]] >= distance and dt.date.fromisoformat(rd[3]) <= day
        ]
        rw = [rd[5] * (2.0 if rd[4] == r[2] else 0.5) for _k, rd in riders]
        rider_id, rider = rng.choices(riders, weights=rw)[0]
        prices = rest_menu[rid]
        amount = 0
        while amount < r[3]:
            amount += rng.choice(prices) * rng.choices([1, 2], weights=[80, 20])[0]
        if rng.random() < 0.3:
            amount += rng.choice(prices)
        minutes = int(12 + distance / SPEED[rider[1]] + rng.randint(0, 18))
        if rng.random() < 0.05:
            minutes += rng.randint(20, 40)
        pay = rng.choices(PAYMENTS, weights=PAYMENT_WEIGHT)[0]
        coupon = rng.random() < 0.25
        rows.append((day, cust[0], rid, rider_id, amount, pay, coupon, distance, minutes))
    rows.sort()
    return [
        (i, c, rid, rd, day, amt, pay, cp, km, mins)
        for i, (day, c, rid, rd, amt, pay, cp, km, mins) in enumerate(rows, start=1)
    ]


def make_reviews(rng, orders):
    rows = []
    for order_id, _c, _r, _rd, day, _amt, _pay, _cp, _km, minutes in orders:
        if rng.random() >= 0.5:
            continue
        if minutes >= 55:
            rating = rng.choices([1, 2, 3], weights=[3, 4, 2])[0]
        else:
            rating = rng.choices([2, 3, 4, 5], weights=[1, 3, 6, 10])[0]
        written = min(day + dt.timedelta(days=rng.randint(0, 3)), dt.date(2024, 12, 31))
        rows.append(
            (
                len(rows) + 1,
                order_id,
                rating,
                rng.choice(COMMENTS[rating]),
                rng.random() < 0.3,
                written,
            )
        )
    return rows


def main():
    rng = random.Random(SEED)
    restaurants = make_restaurants()
    menu = make_menu()
    customers = make_customers(rng)
    riders = make_riders()
    orders = make_orders(rng, menu, customers)
    reviews = make_reviews(rng, orders)
    out = [
        "-- food_delivery: 배달 앱 주문 (generated by make_data.py; do not edit)",
        "",
        DDL,
    ]
    out += insert_lines(
        "restaurant",
        [
            "restaurant_id",
            "name",
            "category",
            "district",
            "min_order_amount",
            "delivery_fee",
            "is_franchise",
            "opened_on",
        ],
        restaurants,
    )
    out += insert_lines(
        "menu_item",
        ["menu_id", "restaurant_id", "item_name", "price", "is_spicy", "is_signature"],
        menu,
    )
    out += insert_lines(
        "customer", ["customer_id", "name", "age", "district", "is_member", "joined_on"], customers
    )
    out += insert_lines("rider", ["rider_id", "name", "vehicle", "is_fulltime", "hired_on"], riders)
    out += insert_lines(
        "orders",
        [
            "order_id",
            "customer_id",
            "restaurant_id",
            "rider_id",
            "ordered_on",
            "order_amount",
            "payment_method",
            "used_coupon",
            "distance_km",
            "delivery_minutes",
        ],
        orders,
    )
    out += insert_lines(
        "review",
        ["review_id", "order_id", "rating", "content", "has_photo", "written_on"],
        reviews,
    )
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT} ({len(restaurants)} restaurants, {len(menu)} menu items, "
        f"{len(customers)} customers, {len(riders)} riders, {len(orders)} orders, "
        f"{len(reviews)} reviews)"
    )


if __name__ == "__main__":
    main()
