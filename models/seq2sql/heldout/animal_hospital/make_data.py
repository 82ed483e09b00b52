"""Write schema.sql for the `animal_hospital` evaluation database (동물병원 진료).

Deterministic: a fixed seed, no clock, no network. Run from anywhere:

    python models/seq2sql/heldout/animal_hospital/make_data.py

The output is plain DDL + one INSERT per row, valid for SQLite and PostgreSQL.
"""

import datetime as dt
import random
from pathlib import Path

SEED = 7203
OUT = Path(__file__).with_name("schema.sql")

DDL = """\
CREATE TABLE owner (
    owner_id INTEGER PRIMARY KEY,
    owner_name TEXT NOT NULL,
    neighborhood TEXT NOT NULL,
    registered_on DATE NOT NULL
);

CREATE TABLE pet (
    pet_id INTEGER PRIMARY KEY,
    pet_name TEXT NOT NULL,
    species TEXT NOT NULL,
    breed TEXT NOT NULL,
    sex TEXT NOT NULL,
    birth_date DATE NOT NULL,
    weight_kg REAL NOT NULL,
    neutered INTEGER NOT NULL,
    owner_id INTEGER NOT NULL,
    FOREIGN KEY (owner_id) REFERENCES owner (owner_id)
);

CREATE TABLE vet (
    vet_id INTEGER PRIMARY KEY,
    vet_name TEXT NOT NULL,
    specialty TEXT NOT NULL,
    license_year INTEGER NOT NULL,
    hired_on DATE NOT NULL
);

CREATE TABLE visit (
    visit_id INTEGER PRIMARY KEY,
    pet_id INTEGER NOT NULL,
    vet_id INTEGER NOT NULL,
    visit_date DATE NOT NULL,
    diagnosis TEXT NOT NULL,
    fee INTEGER NOT NULL,
    emergency INTEGER NOT NULL,
    FOREIGN KEY (pet_id) REFERENCES pet (pet_id),
    FOREIGN KEY (vet_id) REFERENCES vet (vet_id)
);

CREATE TABLE vaccination (
    vaccination_id INTEGER PRIMARY KEY,
    pet_id INTEGER NOT NULL,
    vaccine TEXT NOT NULL,
    vaccinated_on DATE NOT NULL,
    next_due_on DATE NOT NULL,
    FOREIGN KEY (pet_id) REFERENCES pet (pet_id)
);
"""

# breed -> (species, min kg, max kg, weight)
BREEDS = {
    "Maltese": ("개", 2.3, 4.5, 9),
    "Poodle": ("개", 2.5, 6.5, 9),
    "Pomeranian": ("개", 1.8, 3.5, 7),
    "Shih Tzu": ("개", 4.0, 7.5, 5),
    "Bichon Frise": ("개", 4.0, 7.0, 6),
    "Welsh Corgi": ("개", 10.0, 14.5, 4),
    "Golden Retriever": ("개", 25.0, 34.0, 3),
    "Jindo": ("개", 15.0, 23.0, 4),
    "Chihuahua": ("개", 1.5, 3.0, 4),
    "Dachshund": ("개", 4.5, 7.5, 3),
    "Shiba Inu": ("개", 8.0, 11.5, 3),
    "Yorkshire Terrier": ("개", 2.0, 3.5, 3),
    "Korean Shorthair": ("고양이", 3.5, 6.5, 9),
    "Persian": ("고양이", 3.5, 5.5, 3),
    "Russian Blue": ("고양이", 3.5, 5.5, 4),
    "Scottish Fold": ("고양이", 3.0, 5.0, 4),
    "British Shorthair": ("고양이", 4.0, 7.0, 3),
    "Siamese": ("고양이", 3.0, 5.0, 2),
    "Ragdoll": ("고양이", 5.0, 8.5, 3),
    "Holland Lop": ("토끼", 1.4, 2.0, 3),
    "Netherland Dwarf": ("토끼", 0.9, 1.3, 2),
    "Golden Hamster": ("햄스터", 0.10, 0.16, 2),
    "Djungarian": ("햄스터", 0.03, 0.05, 2),
}

PET_NAMES = [
    "초코",
    "보리",
    "콩이",
    "몽이",
    "두부",
    "코코",
    "나비",
    "루이",
    "까미",
    "별이",
    "해피",
    "뽀삐",
    "구름이",
    "치즈",
    "호두",
    "밤이",
    "망고",
    "우유",
    "쿠키",
    "레오",
    "모카",
    "라떼",
    "솜이",
    "하루",
    "토리",
    "달이",
    "복실이",
    "순이",
    "감자",
    "단추",
    "사랑이",
    "봄이",
    "여름이",
    "가을이",
    "겨울이",
    "탄이",
    "쪼꼬",
    "깜순이",
    "흰둥이",
    "누룽지",
    "콩떡",
    "인절미",
    "찹쌀이",
    "만두",
    "짱구",
    "뭉치",
    "똘이",
    "방울이",
    "알밤",
    "땅콩",
    "꼬미",
    "두리",
    "포도",
    "자몽",
    "레몬",
    "체리",
    "딸기",
    "베리",
    "젤리",
    "마루",
    "아라",
    "다온",
    "조이",
    "해리",
    "시루",
    "설기",
    "떡국",
    "보송이",
    "몽글이",
    "치치",
    "루루",
    "나나",
    "모모",
    "율무",
    "호야",
    "두유",
    "미미",
    "백구",
    "황구",
    "바둑이",
    "Max",
    "Bella",
    "Lucky",
    "Ruby",
    "Oliver",
    "Daisy",
    "Teddy",
    "Milo",
    "Luna",
    "Simba",
    "하늘이",
    "구슬이",
    "또리",
    "삐삐",
    "토토",
    "비비",
    "꿍이",
    "복덩이",
    "금동이",
    "은동이",
    "참깨",
    "들깨",
    "도토리",
    "카라멜",
    "푸딩",
]

NEIGHBORHOODS = [
    "정자동",
    "서현동",
    "수내동",
    "야탑동",
    "이매동",
    "판교동",
    "구미동",
    "금곡동",
    "백현동",
    "삼평동",
]

SPECIALTIES = [
    "내과",
    "내과",
    "내과",
    "내과",
    "외과",
    "외과",
    "외과",
    "외과",
    "피부과",
    "피부과",
    "피부과",
    "치과",
    "치과",
    "안과",
    "안과",
    "영상의학과",
    "영상의학과",
    "특수동물",
    "특수동물",
    "내과",
]

# diagnosis -> (specialty, fee min, fee max, emergency probability, weight)
DIAGNOSES = {
    "건강검진": ("내과", 50000, 160000, 0.0, 12),
    "장염": ("내과", 40000, 130000, 0.15, 8),
    "구토": ("내과", 30000, 110000, 0.35, 7),
    "심장사상충 검사": ("내과", 30000, 55000, 0.0, 5),
    "피부염": ("피부과", 30000, 90000, 0.0, 9),
    "외이염": ("피부과", 25000, 65000, 0.0, 7),
    "알레르기": ("피부과", 30000, 75000, 0.05, 5),
    "슬개골 탈구": ("외과", 800000, 2200000, 0.0, 3),
    "골절": ("외과", 500000, 1600000, 0.7, 2),
    "중성화 수술": ("외과", 200000, 550000, 0.0, 4),
    "치석 제거": ("치과", 150000, 420000, 0.0, 5),
    "발치": ("치과", 100000, 350000, 0.0, 2),
    "결막염": ("안과", 20000, 55000, 0.0, 5),
    "백내장": ("안과", 60000, 900000, 0.0, 2),
    "복부 초음파": ("영상의학과", 80000, 150000, 0.1, 4),
    "엑스레이 촬영": ("영상의학과", 40000, 90000, 0.2, 4),
}

VACCINES = {
    "개": ["DHPPL", "DHPPL", "Rabies", "Corona", "Kennel Cough", "Influenza"],
    "고양이": ["FVRCP", "FVRCP", "Rabies", "FeLV"],
    "토끼": ["RHD"],
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
    "미숙",
    "정훈",
    "은영",
    "영민",
    "상훈",
    "미영",
    "경민",
    "성호",
    "혜원",
    "재훈",
    "동욱",
    "보영",
    "지영",
    "은주",
    "준호",
    "수정",
    "진우",
    "현정",
    "태호",
    "윤아",
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


def unique_names(rng, n, taken=()):
    names = []
    while len(names) < n:
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        if name not in names and name not in taken:
            names.append(name)
    return names


def random_date(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def make_owners(rng, n=60):
    rows = []
    for i, name in enumerate(unique_names(rng, n), start=1):
        registered = random_date(rng, dt.date(2016, 1, 1), dt.date(2024, 9, 30))
        rows.append((i, name, rng.choice(NEIGHBORHOODS), registered))
    return rows


def make_pets(rng, owners, n=100):
    breeds = list(BREEDS)
    weights = [BREEDS[b][3] for b in breeds]
    names = rng.sample(PET_NAMES, n)
    rows = []
    for i, name in enumerate(names, start=1):
        breed = rng.choices(breeds, weights=weights)[0]
        species, lo, hi, _ = BREEDS[breed]
        max_age = {"개": 15, "고양이": 16, "토끼": 8, "햄스터": 2}[species]
        birth = random_date(rng, dt.date(2024 - max_age, 1, 1), dt.date(2024, 3, 31))
        digits = 1 if hi >= 1.0 else 2
        weight = round(rng.uniform(lo, hi), digits)
        neutered = species in ("개", "고양이", "토끼") and rng.random() < 0.65
        # a third of the households have two pets
        owner = owners[(i - 1) % len(owners)] if i <= len(owners) else rng.choice(owners)
        rows.append(
            (
                i,
                name,
                species,
                breed,
                rng.choice(["수컷", "암컷"]),
                birth,
                weight,
                neutered,
                owner[0],
            )
        )
    return rows


def make_vets(rng):
    names = unique_names(rng, len(SPECIALTIES))
    rows = []
    for i, (name, specialty) in enumerate(zip(names, SPECIALTIES, strict=False), start=1):
        license_year = rng.randint(1998, 2022)
        hired = random_date(rng, dt.date(max(license_year, 2012), 1, 1), dt.date(2023, 3, 1))
        rows.append((i, name, specialty, license_year, hired))
    return rows


def make_visits(rng, pets, vets, n=300):
    diagnoses = list(DIAGNOSES)
    weights = [DIAGNOSES[d][4] for d in diagnoses]
    pet_w = [rng.lognormvariate(0, 0.7) for _ in pets]
    visits = []
    for _ in range(n):
        pet = rng.choices(pets, weights=pet_w)[0]
        if pet[2] in ("토끼", "햄스터"):
            diagnosis = rng.choice(["건강검진", "피부염", "장염", "발치", "엑스레이 촬영"])
            pool = [v for v in vets if v[2] == "특수동물"]
        else:
            diagnosis = rng.choices(diagnoses, weights=weights)[0]
            pool = [v for v in vets if v[2] == DIAGNOSES[diagnosis][0]]
        specialty, lo, hi, p_emergency, _ = DIAGNOSES[diagnosis]
        vet = rng.choice(pool)
        day = random_date(rng, max(dt.date(2023, 1, 2), vet[4]), dt.date(2024, 12, 28))
        fee = rng.randint(lo // 1000, hi // 1000) * 1000
        emergency = rng.random() < p_emergency
        if emergency:
            fee += 50000  # 야간/응급 가산
        visits.append((day, pet[0], vet[0], diagnosis, fee, emergency))
    visits.sort()
    return [
        (i, pet_id, vet_id, day, diagnosis, fee, emergency)
        for i, (day, pet_id, vet_id, diagnosis, fee, emergency) in enumerate(visits, start=1)
    ]


def make_vaccinations(rng, pets, n=150):
    shots = set()
    candidates = [p for p in pets if p[2] in VACCINES]
    while len(shots) < n:
        pet = rng.choice(candidates)
        vaccine = rng.choice(VACCINES[pet[2]])
        day = random_date(
            rng, max(dt.date(2023, 1, 2), pet[5] + dt.timedelta(days=60)), dt.date(2024, 12, 20)
        )
        shots.add((day, pet[0], vaccine))
    rows = []
    for i, (day, pet_id, vaccine) in enumerate(sorted(shots), start=1):
        rows.append((i, pet_id, vaccine, day, day + dt.timedelta(days=365)))
    return rows


def main():
    rng = random.Random(SEED)
    owners = make_owners(rng)
    pets = make_pets(rng, owners)
    vets = make_vets(rng)
    visits = make_visits(rng, pets, vets)
    shots = make_vaccinations(rng, pets)
    lines = ["-- animal_hospital: 동물병원 진료 (generated by make_data.py; do not edit)", "", DDL]
    lines += insert_lines(
        "owner", ["owner_id", "owner_name", "neighborhood", "registered_on"], owners
    )
    lines += insert_lines(
        "pet",
        [
            "pet_id",
            "pet_name",
            "species",
            "breed",
            "sex",
            "birth_date",
            "weight_kg",
            "neutered",
            "owner_id",
        ],
        pets,
    )
    lines += insert_lines(
        "vet", ["vet_id", "vet_name", "specialty", "license_year", "hired_on"], vets
    )
    lines += insert_lines(
        "visit",
        ["visit_id", "pet_id", "vet_id", "visit_date", "diagnosis", "fee", "emergency"],
        visits,
    )
    lines += insert_lines(
        "vaccination",
        ["vaccination_id", "pet_id", "vaccine", "vaccinated_on", "next_due_on"],
        shots,
    )
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT} ({len(owners)} owners, {len(pets)} pets, {len(vets)} vets, "
        f"{len(visits)} visits, {len(shots)} vaccinations)"
    )


if __name__ == "__main__":
    main()
