"""Write schema.sql for the `subway_ridership` dev database (수도권 지하철 노선·승하차).

Line and station facts are approximate and only meant to look plausible; the
monthly ridership numbers are synthetic. Deterministic: a fixed seed, no clock,
no network. Run from anywhere:

    python models/seq2sql/devsets/subway_ridership/make_data.py
"""

import datetime as dt
import random
from pathlib import Path

SEED = 2024
OUT = Path(__file__).with_name("schema.sql")

DDL = """\
CREATE TABLE line (
    line_id INTEGER PRIMARY KEY,
    line_name TEXT NOT NULL,
    operator TEXT NOT NULL,
    opened_year INTEGER NOT NULL,
    length_km REAL NOT NULL,
    color TEXT NOT NULL
);

CREATE TABLE station (
    station_id INTEGER PRIMARY KEY,
    station_name TEXT NOT NULL,
    line_id INTEGER NOT NULL,
    region TEXT NOT NULL,
    district TEXT NOT NULL,
    is_transfer INTEGER NOT NULL,
    exit_count INTEGER NOT NULL,
    FOREIGN KEY (line_id) REFERENCES line (line_id)
);

CREATE TABLE monthly_ridership (
    record_id INTEGER PRIMARY KEY,
    station_id INTEGER NOT NULL,
    month DATE NOT NULL,
    boardings INTEGER NOT NULL,
    alightings INTEGER NOT NULL,
    FOREIGN KEY (station_id) REFERENCES station (station_id)
);
"""

# (name, operator, opened, km, color)
LINES = [
    ("1호선", "Korail", 1974, 200.6, "남색"),
    ("2호선", "Seoul Metro", 1980, 60.2, "초록"),
    ("3호선", "Seoul Metro", 1985, 57.4, "주황"),
    ("4호선", "Seoul Metro", 1985, 71.5, "하늘"),
    ("5호선", "Seoul Metro", 1995, 57.9, "보라"),
    ("6호선", "Seoul Metro", 2000, 35.1, "황토"),
    ("7호선", "Seoul Metro", 1996, 57.1, "올리브"),
    ("8호선", "Seoul Metro", 1996, 17.7, "분홍"),
    ("9호선", "Seoul Line9", 2009, 40.6, "금색"),
    ("신분당선", "NeoTrans", 2011, 33.4, "빨강"),
    ("공항철도", "AREX", 2007, 63.8, "파랑"),
    ("경의중앙선", "Korail", 2014, 135.7, "청록"),
    ("수인분당선", "Korail", 2020, 108.3, "노랑"),
    ("경춘선", "Korail", 2010, 81.3, "청록"),
    ("경강선", "Korail", 2016, 57.0, "파랑"),
    ("서해선", "Korail", 2018, 23.4, "연두"),
    ("우이신설선", "UiTrans", 2017, 11.4, "연두"),
    ("신림선", "Namseoul LRT", 2022, 7.8, "하늘"),
    ("김포골드라인", "Gimpo Goldline", 2019, 23.7, "금색"),
    ("인천1호선", "Incheon Transit", 1999, 30.3, "하늘"),
    ("인천2호선", "Incheon Transit", 2016, 29.2, "주황"),
    ("의정부경전철", "U Line", 2012, 11.1, "주황"),
    ("용인에버라인", "Yongin EverLine", 2013, 18.1, "연두"),
    ("GTX-A", "SG Rail", 2024, 32.7, "보라"),
]

# line name -> [(station, region, district)]
STATIONS = {
    "1호선": [
        ("서울역", "서울", "중구"),
        ("시청", "서울", "중구"),
        ("종각", "서울", "종로구"),
        ("동대문", "서울", "종로구"),
        ("청량리", "서울", "동대문구"),
        ("신도림", "서울", "구로구"),
        ("영등포", "서울", "영등포구"),
        ("노량진", "서울", "동작구"),
        ("용산", "서울", "용산구"),
        ("수원", "경기", "수원시"),
        ("부평", "인천", "부평구"),
    ],
    "2호선": [
        ("강남", "서울", "강남구"),
        ("역삼", "서울", "강남구"),
        ("삼성", "서울", "강남구"),
        ("선릉", "서울", "강남구"),
        ("잠실", "서울", "송파구"),
        ("홍대입구", "서울", "마포구"),
        ("합정", "서울", "마포구"),
        ("신촌", "서울", "서대문구"),
        ("시청", "서울", "중구"),
        ("을지로입구", "서울", "중구"),
        ("건대입구", "서울", "광진구"),
        ("사당", "서울", "동작구"),
        ("신림", "서울", "관악구"),
        ("신도림", "서울", "구로구"),
        ("왕십리", "서울", "성동구"),
        ("교대", "서울", "서초구"),
    ],
    "3호선": [
        ("경복궁", "서울", "종로구"),
        ("안국", "서울", "종로구"),
        ("충무로", "서울", "중구"),
        ("고속터미널", "서울", "서초구"),
        ("교대", "서울", "서초구"),
        ("압구정", "서울", "강남구"),
        ("연신내", "서울", "은평구"),
        ("대화", "경기", "고양시"),
    ],
    "4호선": [
        ("서울역", "서울", "중구"),
        ("명동", "서울", "중구"),
        ("혜화", "서울", "종로구"),
        ("동대문", "서울", "종로구"),
        ("충무로", "서울", "중구"),
        ("사당", "서울", "동작구"),
        ("노원", "서울", "노원구"),
        ("이촌", "서울", "용산구"),
    ],
    "5호선": [
        ("광화문", "서울", "종로구"),
        ("여의도", "서울", "영등포구"),
        ("김포공항", "서울", "강서구"),
        ("왕십리", "서울", "성동구"),
        ("천호", "서울", "강동구"),
        ("공덕", "서울", "마포구"),
    ],
    "6호선": [
        ("이태원", "서울", "용산구"),
        ("합정", "서울", "마포구"),
        ("연신내", "서울", "은평구"),
        ("공덕", "서울", "마포구"),
        ("고려대", "서울", "성북구"),
    ],
    "7호선": [
        ("건대입구", "서울", "광진구"),
        ("고속터미널", "서울", "서초구"),
        ("가산디지털단지", "서울", "금천구"),
        ("노원", "서울", "노원구"),
        ("강남구청", "서울", "강남구"),
        ("부평구청", "인천", "부평구"),
    ],
    "8호선": [
        ("잠실", "서울", "송파구"),
        ("천호", "서울", "강동구"),
        ("석촌", "서울", "송파구"),
        ("모란", "경기", "성남시"),
    ],
    "9호선": [
        ("김포공항", "서울", "강서구"),
        ("여의도", "서울", "영등포구"),
        ("고속터미널", "서울", "서초구"),
        ("신논현", "서울", "강남구"),
        ("노량진", "서울", "동작구"),
        ("석촌", "서울", "송파구"),
    ],
    "신분당선": [
        ("강남", "서울", "강남구"),
        ("신논현", "서울", "강남구"),
        ("양재", "서울", "서초구"),
        ("판교", "경기", "성남시"),
        ("정자", "경기", "성남시"),
        ("광교", "경기", "수원시"),
    ],
    "공항철도": [
        ("서울역", "서울", "중구"),
        ("공덕", "서울", "마포구"),
        ("홍대입구", "서울", "마포구"),
        ("김포공항", "서울", "강서구"),
        ("검암", "인천", "서구"),
        ("인천공항1터미널", "인천", "중구"),
    ],
    "경의중앙선": [
        ("용산", "서울", "용산구"),
        ("공덕", "서울", "마포구"),
        ("홍대입구", "서울", "마포구"),
        ("왕십리", "서울", "성동구"),
        ("청량리", "서울", "동대문구"),
        ("일산", "경기", "고양시"),
    ],
    "수인분당선": [
        ("왕십리", "서울", "성동구"),
        ("선릉", "서울", "강남구"),
        ("정자", "경기", "성남시"),
        ("모란", "경기", "성남시"),
        ("수원", "경기", "수원시"),
        ("인천", "인천", "중구"),
    ],
    "경춘선": [
        ("상봉", "서울", "중랑구"),
        ("청량리", "서울", "동대문구"),
        ("가평", "경기", "가평군"),
        ("춘천", "강원", "춘천시"),
    ],
    "경강선": [("판교", "경기", "성남시"), ("이천", "경기", "이천시"), ("여주", "경기", "여주시")],
    "서해선": [
        ("소사", "경기", "부천시"),
        ("원시", "경기", "안산시"),
        ("김포공항", "서울", "강서구"),
    ],
    "우이신설선": [
        ("북한산우이", "서울", "강북구"),
        ("성신여대입구", "서울", "성북구"),
        ("신설동", "서울", "동대문구"),
    ],
    "신림선": [
        ("샛강", "서울", "영등포구"),
        ("보라매", "서울", "동작구"),
        ("관악산", "서울", "관악구"),
        ("신림", "서울", "관악구"),
    ],
    "김포골드라인": [
        ("김포공항", "서울", "강서구"),
        ("구래", "경기", "김포시"),
        ("장기", "경기", "김포시"),
    ],
    "인천1호선": [
        ("부평", "인천", "부평구"),
        ("인천시청", "인천", "남동구"),
        ("송도달빛축제공원", "인천", "연수구"),
        ("계양", "인천", "계양구"),
        ("검암", "인천", "서구"),
    ],
    "인천2호선": [
        ("인천시청", "인천", "남동구"),
        ("검암", "인천", "서구"),
        ("주안", "인천", "미추홀구"),
    ],
    "의정부경전철": [
        ("회룡", "경기", "의정부시"),
        ("의정부시청", "경기", "의정부시"),
        ("탑석", "경기", "의정부시"),
    ],
    "용인에버라인": [
        ("기흥", "경기", "용인시"),
        ("전대·에버랜드", "경기", "용인시"),
        ("동백", "경기", "용인시"),
    ],
    "GTX-A": [("수서", "서울", "강남구"), ("성남", "경기", "성남시"), ("동탄", "경기", "화성시")],
}

# busy stations get a larger base ridership
BUSY = {
    "강남",
    "잠실",
    "홍대입구",
    "신림",
    "서울역",
    "고속터미널",
    "구로디지털단지",
    "신도림",
    "삼성",
    "선릉",
    "역삼",
    "사당",
    "건대입구",
    "왕십리",
    "여의도",
    "가산디지털단지",
}

MONTHS = [dt.date(2024, m, 1) for m in range(1, 7)]


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


def make_lines():
    return [(i, *line) for i, line in enumerate(LINES, start=1)]


def make_stations(rng, lines):
    line_ids = {name: line_id for line_id, name, *_ in lines}
    lines_per_name = {}
    for line, stops in STATIONS.items():
        for name, _, _ in stops:
            lines_per_name.setdefault(name, set()).add(line)
    rows = []
    for line, stops in STATIONS.items():
        for name, region, district in stops:
            transfer = len(lines_per_name[name]) > 1 or name in {"동대문", "종각", "사당"}
            exits = rng.randint(4, 14) if name in BUSY else rng.randint(2, 8)
            rows.append((len(rows) + 1, name, line_ids[line], region, district, transfer, exits))
    return rows


def make_ridership(rng, stations, n_stations=50):
    chosen = sorted(rng.sample(stations, n_stations), key=lambda s: s[0])
    rows = []
    for station in chosen:
        base = rng.lognormvariate(11.9, 0.45) * (5.0 if station[1] in BUSY else 1.0)
        if station[4] in ("가평군", "여주시", "이천시"):
            base *= 0.15
        for month in MONTHS:
            season = 0.9 if month.month in (1, 2) else 1.0
            boardings = int(base * season * rng.uniform(0.92, 1.08))
            alightings = int(boardings * rng.uniform(0.9, 1.1))
            rows.append((len(rows) + 1, station[0], month, boardings, alightings))
    return rows


def main():
    rng = random.Random(SEED)
    lines = make_lines()
    stations = make_stations(rng, lines)
    ridership = make_ridership(rng, stations)
    out = [
        "-- subway_ridership: 수도권 지하철 노선·승하차 (generated by make_data.py; do not edit)",
        "",
        DDL,
    ]
    out += insert_lines(
        "line", ["line_id", "line_name", "operator", "opened_year", "length_km", "color"], lines
    )
    out += insert_lines(
        "station",
        [
            "station_id",
            "station_name",
            "line_id",
            "region",
            "district",
            "is_transfer",
            "exit_count",
        ],
        stations,
    )
    out += insert_lines(
        "monthly_ridership",
        ["record_id", "station_id", "month", "boardings", "alightings"],
        ridership,
    )
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT} ({len(lines)} lines, {len(stations)} stations, "
        f"{len(ridership)} ridership rows)"
    )


if __name__ == "__main__":
    main()
