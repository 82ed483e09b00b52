"""Write schema.sql for the `cafe_chain` evaluation database (카페 체인 매출).

This one uses CamelCase identifiers, as many real databases do. Deterministic:
a fixed seed, no clock, no network. Run from anywhere:

    python models/seq2sql/heldout/cafe_chain/make_data.py

The output is plain DDL + one INSERT per row, valid for SQLite and PostgreSQL
(identifiers are unquoted, so PostgreSQL folds them to lower case; queries
written without quotes work on both).
"""

import datetime as dt
import random
from pathlib import Path

SEED = 5150
OUT = Path(__file__).with_name("schema.sql")

DDL = """\
CREATE TABLE Store (
    StoreID INTEGER PRIMARY KEY,
    StoreName TEXT NOT NULL,
    City TEXT NOT NULL,
    OpenDate DATE NOT NULL,
    SeatCount INTEGER NOT NULL,
    HasDriveThru INTEGER NOT NULL
);

CREATE TABLE MenuItem (
    ItemID INTEGER PRIMARY KEY,
    ItemName TEXT NOT NULL,
    Category TEXT NOT NULL,
    Price INTEGER NOT NULL,
    Calories INTEGER NOT NULL,
    IsSeasonal INTEGER NOT NULL
);

CREATE TABLE Employee (
    EmpID INTEGER PRIMARY KEY,
    StoreID INTEGER NOT NULL,
    EmpName TEXT NOT NULL,
    Role TEXT NOT NULL,
    HourlyWage INTEGER NOT NULL,
    HireDate DATE NOT NULL,
    FOREIGN KEY (StoreID) REFERENCES Store (StoreID)
);

CREATE TABLE Sales (
    SaleID INTEGER PRIMARY KEY,
    StoreID INTEGER NOT NULL,
    ItemID INTEGER NOT NULL,
    SaleDate DATE NOT NULL,
    Quantity INTEGER NOT NULL,
    Revenue INTEGER NOT NULL,
    FOREIGN KEY (StoreID) REFERENCES Store (StoreID),
    FOREIGN KEY (ItemID) REFERENCES MenuItem (ItemID)
);
"""

# (name, city, opened year, drive-thru)
STORES = [
    ("강남역점", "서울", 2014, False),
    ("역삼점", "서울", 2017, False),
    ("홍대입구점", "서울", 2013, False),
    ("합정점", "서울", 2019, False),
    ("신촌점", "서울", 2015, False),
    ("여의도IFC점", "서울", 2016, False),
    ("광화문점", "서울", 2012, False),
    ("잠실점", "서울", 2018, False),
    ("성수점", "서울", 2021, False),
    ("판교점", "성남", 2016, False),
    ("분당정자점", "성남", 2020, True),
    ("수원역점", "수원", 2015, False),
    ("일산점", "고양", 2019, True),
    ("송도점", "인천", 2020, True),
    ("부평점", "인천", 2017, False),
    ("둔산점", "대전", 2018, False),
    ("동성로점", "대구", 2014, False),
    ("수성못점", "대구", 2022, True),
    ("서면점", "부산", 2013, False),
    ("해운대점", "부산", 2016, True),
    ("충장로점", "광주", 2019, False),
    ("삼산점", "울산", 2021, True),
    ("노형점", "제주", 2022, True),
    ("명동점", "춘천", 2023, True),
]

# (name, category, price, kcal, seasonal, popularity)
MENU = [
    ("Americano", "Coffee", 4500, 10, False, 30),
    ("Cafe Latte", "Coffee", 5000, 180, False, 18),
    ("Vanilla Latte", "Coffee", 5500, 250, False, 12),
    ("Caramel Macchiato", "Coffee", 5900, 240, False, 9),
    ("Cappuccino", "Coffee", 5000, 120, False, 6),
    ("Flat White", "Coffee", 5600, 170, False, 5),
    ("Cafe Mocha", "Coffee", 5800, 290, False, 5),
    ("Cold Brew", "Coffee", 5200, 15, False, 10),
    ("Espresso", "Coffee", 4000, 5, False, 2),
    ("Einspanner", "Coffee", 6000, 280, False, 4),
    ("Earl Grey", "Tea", 4800, 0, False, 3),
    ("Chamomile", "Tea", 4800, 0, False, 2),
    ("Yuja Tea", "Tea", 5300, 190, False, 4),
    ("Green Tea", "Tea", 4500, 0, False, 2),
    ("Chai Tea Latte", "Tea", 5500, 230, False, 3),
    ("Green Tea Latte", "Non-Coffee", 5800, 260, False, 5),
    ("Choco Latte", "Non-Coffee", 5500, 350, False, 5),
    ("Strawberry Latte", "Non-Coffee", 6300, 310, True, 4),
    ("Sweet Potato Latte", "Non-Coffee", 5800, 340, True, 3),
    ("Black Sugar Milk Tea", "Non-Coffee", 6000, 370, False, 4),
    ("Lemon Ade", "Ade", 5800, 180, False, 4),
    ("Grapefruit Ade", "Ade", 5800, 170, False, 3),
    ("Mango Smoothie", "Ade", 6300, 290, True, 3),
    ("Cheesecake", "Dessert", 6500, 420, False, 4),
    ("Tiramisu", "Dessert", 6800, 380, False, 3),
    ("Chocolate Cake", "Dessert", 6500, 450, False, 3),
    ("Macaron", "Dessert", 2800, 90, False, 3),
    ("Croffle", "Bakery", 4500, 330, False, 4),
    ("Bagel", "Bakery", 3800, 270, False, 3),
    ("Scone", "Bakery", 3500, 360, False, 2),
]

# role -> (hourly wage range in 원, how many per store)
ROLES = {
    "점장": (17000, 22000),
    "매니저": (12500, 15000),
    "바리스타": (10500, 12000),
    "파트타이머": (9860, 10500),
}

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
    "가영",
    "다현",
    "민지",
    "주원",
    "하린",
    "윤서",
    "지안",
    "태민",
    "소희",
    "예은",
    "준서",
    "은우",
    "채은",
    "도현",
    "서아",
    "시윤",
    "유나",
    "지성",
    "하준",
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


def unique_names(rng, n):
    names = []
    while len(names) < n:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in names:
            names.append(name)
    return names


def random_date(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def make_stores(rng):
    rows = []
    for i, (name, city, year, drive) in enumerate(STORES, start=1):
        opened = random_date(rng, dt.date(year, 1, 1), dt.date(year, 12, 20))
        seats = rng.randint(4, 16) * 5 if not drive else rng.randint(6, 12) * 5
        rows.append((i, name, city, opened, seats, drive))
    return rows


def make_menu():
    return [
        (i, name, cat, price, kcal, seasonal)
        for i, (name, cat, price, kcal, seasonal, _) in enumerate(MENU, start=1)
    ]


def make_employees(rng, stores, n=90):
    roles = ["점장"] * len(stores)
    roles += ["매니저"] * 18
    roles += ["바리스타"] * 26
    roles += ["파트타이머"] * (n - len(roles))
    names = unique_names(rng, n)
    rows = []
    for i, (name, role) in enumerate(zip(names, roles, strict=False), start=1):
        store = stores[i - 1] if role == "점장" else rng.choice(stores)
        lo, hi = ROLES[role]
        wage = rng.randint(lo // 10, hi // 10) * 10
        hired = random_date(rng, max(store[3], dt.date(2016, 1, 1)), dt.date(2024, 5, 31))
        rows.append((i, store[0], name, role, wage, hired))
    return rows


def make_sales(rng, stores, menu, n=300):
    item_w = [m[5] for m in MENU]
    store_w = [rng.uniform(0.5, 1.5) for _ in stores]
    keys = set()
    while len(keys) < n:
        store = rng.choices(stores, weights=store_w)[0]
        item = rng.choices(menu, weights=item_w)[0]
        day = random_date(rng, dt.date(2024, 1, 1), dt.date(2024, 6, 30))
        keys.add((day, store[0], item[0]))
    price = {m[0]: m[3] for m in menu}
    rows = []
    for i, (day, store_id, item_id) in enumerate(sorted(keys), start=1):
        base = 60 if item_id == 1 else 25
        qty = max(3, int(rng.gauss(base, base / 3)))
        rows.append((i, store_id, item_id, day, qty, qty * price[item_id]))
    return rows


def main():
    rng = random.Random(SEED)
    stores = make_stores(rng)
    menu = make_menu()
    employees = make_employees(rng, stores)
    sales = make_sales(rng, stores, menu)
    lines = ["-- cafe_chain: 카페 체인 매출 (generated by make_data.py; do not edit)", "", DDL]
    lines += insert_lines(
        "Store", ["StoreID", "StoreName", "City", "OpenDate", "SeatCount", "HasDriveThru"], stores
    )
    lines += insert_lines(
        "MenuItem", ["ItemID", "ItemName", "Category", "Price", "Calories", "IsSeasonal"], menu
    )
    lines += insert_lines(
        "Employee", ["EmpID", "StoreID", "EmpName", "Role", "HourlyWage", "HireDate"], employees
    )
    lines += insert_lines(
        "Sales", ["SaleID", "StoreID", "ItemID", "SaleDate", "Quantity", "Revenue"], sales
    )
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT} ({len(stores)} stores, {len(menu)} menu items, "
        f"{len(employees)} employees, {len(sales)} sales rows)"
    )


if __name__ == "__main__":
    main()
