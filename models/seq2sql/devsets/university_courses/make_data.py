"""Write schema.sql for the `university_courses` dev database (대학교 수강 신청).

An invented university: departments, professors, the 2024 course catalogue
(semesters '2024-1' and '2024-2'), students, their course enrollments with
grades, and scholarships. Several values are stored in Latin script: course
languages ('KO', 'EN'), weekdays ('MON' .. 'FRI'), letter grades ('A+', 'A',
'B+', 'B', ... 'F'), gender ('M', 'F') and about a quarter of the course
names ('Data Structures', 'Linear Algebra').

Built so that some questions about absence have answers: the newest
department has no students, two professors teach nothing this year, five
courses have no enrollment and five students enrolled in nothing.
Deterministic: a fixed seed, no clock, no network. Run from anywhere:

    python models/seq2sql/devsets/university_courses/make_data.py
"""

import datetime as dt
import random
from pathlib import Path

SEED = 3172
OUT = Path(__file__).with_name("schema.sql")

DDL = """\
CREATE TABLE department (
    department_id INTEGER PRIMARY KEY,
    dept_name TEXT NOT NULL,
    college TEXT NOT NULL,
    building TEXT NOT NULL,
    founded_year INTEGER NOT NULL
);

CREATE TABLE professor (
    professor_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    department_id INTEGER NOT NULL,
    position TEXT NOT NULL,
    hired_on DATE NOT NULL,
    is_tenured INTEGER NOT NULL,
    FOREIGN KEY (department_id) REFERENCES department (department_id)
);

CREATE TABLE course (
    course_id INTEGER PRIMARY KEY,
    course_name TEXT NOT NULL,
    department_id INTEGER NOT NULL,
    professor_id INTEGER NOT NULL,
    credits INTEGER NOT NULL,
    capacity INTEGER NOT NULL,
    language TEXT NOT NULL,
    semester TEXT NOT NULL,
    day_of_week TEXT NOT NULL,
    is_online INTEGER NOT NULL,
    FOREIGN KEY (department_id) REFERENCES department (department_id),
    FOREIGN KEY (professor_id) REFERENCES professor (professor_id)
);

CREATE TABLE student (
    student_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    department_id INTEGER NOT NULL,
    school_year INTEGER NOT NULL,
    gender TEXT NOT NULL,
    gpa REAL NOT NULL,
    admitted_on DATE NOT NULL,
    hometown TEXT NOT NULL,
    FOREIGN KEY (department_id) REFERENCES department (department_id)
);

CREATE TABLE enrollment (
    enrollment_id INTEGER PRIMARY KEY,
    student_id INTEGER NOT NULL,
    course_id INTEGER NOT NULL,
    letter_grade TEXT NOT NULL,
    score INTEGER NOT NULL,
    enrolled_on DATE NOT NULL,
    FOREIGN KEY (student_id) REFERENCES student (student_id),
    FOREIGN KEY (course_id) REFERENCES course (course_id)
);

CREATE TABLE scholarship (
    scholarship_id INTEGER PRIMARY KEY,
    student_id INTEGER NOT NULL,
    scholarship_type TEXT NOT NULL,
    amount INTEGER NOT NULL,
    awarded_on DATE NOT NULL,
    FOREIGN KEY (student_id) REFERENCES student (student_id)
);
"""

# (name, college, building, founded year, weight of students)
DEPARTMENTS = [
    ("컴퓨터공학과", "공과대학", "공학관", 1985, 12),
    ("전자공학과", "공과대학", "공학관", 1979, 7),
    ("기계공학과", "공과대학", "제2공학관", 1975, 7),
    ("산업공학과", "공과대학", "제2공학관", 1992, 4),
    ("수학과", "자연과학대학", "자연과학관", 1968, 5),
    ("물리학과", "자연과학대학", "자연과학관", 1968, 4),
    ("화학과", "자연과학대학", "자연과학관", 1971, 4),
    ("생명과학과", "자연과학대학", "생명과학관", 1996, 5),
    ("국어국문학과", "인문대학", "인문관", 1965, 4),
    ("영어영문학과", "인문대학", "인문관", 1965, 5),
    ("사학과", "인문대학", "인문관", 1970, 3),
    ("철학과", "인문대학", "인문관", 1972, 3),
    ("경제학과", "사회과학대학", "사회과학관", 1969, 6),
    ("심리학과", "사회과학대학", "사회과학관", 1988, 5),
    ("사회학과", "사회과학대학", "사회과학관", 1981, 3),
    ("정치외교학과", "사회과학대학", "사회과학관", 1974, 4),
    ("경영학과", "경영대학", "경영관", 1967, 10),
    ("회계학과", "경영대학", "경영관", 1990, 4),
    ("디자인학과", "예술대학", "예술관", 1999, 5),
    ("인공지능학과", "공과대학", "제2공학관", 2024, 0),  # first students come in 2025
]

# professors: (name, department index from 1, hired on); position and tenure follow seniority
PROFESSORS = [
    ("김태호", 1, "1996-03-01"),
    ("이수정", 1, "2009-09-01"),
    ("박준영", 1, "2019-03-01"),
    ("최민석", 2, "1999-03-01"),
    ("정하나", 2, "2016-09-01"),
    ("강동원", 3, "1994-03-01"),
    ("조성민", 3, "2012-03-01"),
    ("윤지현", 4, "2005-03-01"),
    ("장현석", 4, "2020-09-01"),
    ("임경희", 5, "1998-09-01"),
    ("한승우", 5, "2011-03-01"),
    ("오세진", 6, "2003-03-01"),
    ("서유리", 6, "2018-03-01"),
    ("신재훈", 7, "2001-09-01"),
    ("권나영", 7, "2014-03-01"),
    ("황보석", 8, "2007-03-01"),
    ("안지수", 8, "2021-03-01"),
    ("송미경", 9, "1995-03-01"),
    ("전병철", 9, "2013-09-01"),
    ("홍은비", 10, "2006-03-01"),
    ("유진호", 10, "2017-03-01"),
    ("고명숙", 11, "1997-03-01"),
    ("문상훈", 11, "2015-03-01"),
    ("양혜린", 12, "2002-03-01"),
    ("배성호", 12, "2022-03-01"),
    ("백승철", 13, "2000-03-01"),
    ("허윤서", 13, "2010-09-01"),
    ("남궁현", 14, "2008-03-01"),
    ("노은정", 14, "2019-09-01"),
    ("하정민", 15, "2004-09-01"),
    ("곽도현", 15, "2021-09-01"),
    ("성지훈", 16, "1999-09-01"),
    ("차예린", 16, "2016-03-01"),
    ("주영수", 17, "1995-09-01"),
    ("우서진", 17, "2011-09-01"),
    ("민하은", 17, "2023-03-01"),
    ("나기준", 18, "2006-09-01"),
    ("류소연", 18, "2018-09-01"),
    ("심우진", 19, "2009-03-01"),
    ("진다인", 20, "2024-03-01"),
]
# on research leave in 2024: no course
NO_COURSE = {"황보석", "양혜린"}

# courses: (name, department, professor name, credits, language, semester)
COURSES = [
    ("프로그래밍 기초", 1, "박준영", 3, "KO", "2024-1"),
    ("Data Structures", 1, "이수정", 3, "EN", "2024-1"),
    ("Algorithms", 1, "김태호", 3, "KO", "2024-2"),
    ("Operating Systems", 1, "이수정", 3, "EN", "2024-2"),
    ("Machine Learning", 1, "박준영", 3, "EN", "2024-2"),
    ("데이터베이스", 1, "김태호", 3, "KO", "2024-1"),
    ("컴퓨터네트워크", 1, "박준영", 3, "KO", "2024-2"),
    ("회로이론", 2, "최민석", 3, "KO", "2024-1"),
    ("전자기학", 2, "최민석", 3, "KO", "2024-2"),
    ("Signals and Systems", 2, "정하나", 3, "EN", "2024-1"),
    ("디지털 논리회로", 2, "정하나", 2, "KO", "2024-2"),
    ("열역학", 3, "강동원", 3, "KO", "2024-1"),
    ("유체역학", 3, "조성민", 3, "KO", "2024-2"),
    ("기계설계", 3, "조성민", 2, "KO", "2024-1"),
    ("경영과학", 4, "윤지현", 3, "KO", "2024-1"),
    ("품질관리", 4, "장현석", 2, "KO", "2024-2"),
    ("Operations Research", 4, "장현석", 3, "EN", "2024-2"),
    ("Linear Algebra", 5, "한승우", 3, "EN", "2024-1"),
    ("미적분학 1", 5, "임경희", 3, "KO", "2024-1"),
    ("미적분학 2", 5, "임경희", 3, "KO", "2024-2"),
    ("해석학", 5, "한승우", 3, "KO", "2024-2"),
    ("확률과 통계", 5, "임경희", 3, "KO", "2024-2"),
    ("일반물리학", 6, "오세진", 3, "KO", "2024-1"),
    ("양자역학", 6, "서유리", 3, "KO", "2024-2"),
    ("전자기학", 6, "오세진", 3, "KO", "2024-1"),
    ("일반화학", 7, "신재훈", 3, "KO", "2024-1"),
    ("유기화학", 7, "권나영", 3, "KO", "2024-2"),
    ("물리화학", 7, "신재훈", 3, "KO", "2024-2"),
    ("세포생물학", 8, "안지수", 3, "KO", "2024-1"),
    ("분자생물학", 8, "안지수", 3, "KO", "2024-2"),
    ("Genetics", 8, "안지수", 3, "EN", "2024-2"),
    ("현대문학의 이해", 9, "송미경", 3, "KO", "2024-1"),
    ("국어학개론", 9, "전병철", 3, "KO", "2024-1"),
    ("고전문학강독", 9, "송미경", 2, "KO", "2024-2"),
    ("British Literature", 10, "홍은비", 3, "EN", "2024-1"),
    ("English Composition", 10, "유진호", 2, "EN", "2024-1"),
    ("영어학개론", 10, "유진호", 3, "KO", "2024-2"),
    ("한국사", 11, "고명숙", 2, "KO", "2024-1"),
    ("서양사 개론", 11, "문상훈", 3, "KO", "2024-2"),
    ("동양사 개론", 11, "고명숙", 3, "KO", "2024-2"),
    ("논리학", 12, "배성호", 3, "KO", "2024-1"),
    ("윤리학", 12, "배성호", 3, "KO", "2024-2"),
    ("미시경제학", 13, "백승철", 3, "KO", "2024-1"),
    ("거시경제학", 13, "허윤서", 3, "KO", "2024-2"),
    ("Econometrics", 13, "허윤서", 3, "EN", "2024-1"),
    ("심리학개론", 14, "남궁현", 3, "KO", "2024-1"),
    ("인지심리학", 14, "노은정", 3, "KO", "2024-2"),
    ("사회심리학", 14, "남궁현", 3, "KO", "2024-2"),
    ("사회학 개론", 15, "하정민", 3, "KO", "2024-1"),
    ("사회조사방법론", 15, "곽도현", 3, "KO", "2024-2"),
    ("국제정치학", 16, "성지훈", 3, "EN", "2024-1"),
    ("비교정치론", 16, "차예린", 3, "KO", "2024-2"),
    ("경영학원론", 17, "주영수", 3, "KO", "2024-1"),
    ("마케팅 관리", 17, "우서진", 3, "KO", "2024-2"),
    ("Financial Management", 17, "민하은", 3, "EN", "2024-2"),
    ("조직행동론", 17, "주영수", 3, "KO", "2024-2"),
    ("회계원리", 18, "나기준", 3, "KO", "2024-1"),
    ("원가회계", 18, "류소연", 3, "KO", "2024-2"),
    ("세법", 18, "나기준", 2, "KO", "2024-2"),
    ("디자인 기초", 19, "심우진", 2, "KO", "2024-1"),
    ("시각디자인", 19, "심우진", 3, "KO", "2024-2"),
    ("UX Design", 19, "심우진", 3, "EN", "2024-2"),
    ("Deep Learning", 20, "진다인", 3, "EN", "2024-2"),
    ("글쓰기와 토론", 9, "전병철", 1, "KO", "2024-2"),
]
# nobody registered for these (closed after registration)
EMPTY_COURSES = {"고전문학강독", "세법", "비교정치론"}
BIG_COURSES = {
    "프로그래밍 기초",
    "일반물리학",
    "일반화학",
    "미적분학 1",
    "심리학개론",
    "경영학원론",
}
DAYS = ["MON", "TUE", "WED", "THU", "FRI"]

SURNAMES = (
    ["김"] * 5
    + ["이"] * 4
    + ["박"] * 3
    + [
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
        "유",
        "홍",
    ]
)
GIVEN = {
    "M": [
        "민준",
        "서준",
        "도윤",
        "예준",
        "시우",
        "하준",
        "주원",
        "지호",
        "준우",
        "건우",
        "현우",
        "우진",
        "선우",
        "유찬",
        "연우",
        "정우",
        "승현",
        "태윤",
        "민재",
        "동하",
    ],
    "F": [
        "서연",
        "서윤",
        "지우",
        "서현",
        "민서",
        "하은",
        "하윤",
        "윤서",
        "지민",
        "채원",
        "수아",
        "지아",
        "다은",
        "예린",
        "소율",
        "유나",
        "가은",
        "나연",
        "수빈",
        "혜원",
    ],
}
HOMETOWNS = (
    ["서울"] * 8
    + ["경기"] * 6
    + ["인천"] * 2
    + ["부산"] * 3
    + ["대구"] * 2
    + ["광주", "대전", "울산", "강원", "충북", "전북", "경남", "제주"]
)

GRADE_CUTS = [
    (95, "A+"),
    (90, "A"),
    (85, "B+"),
    (80, "B"),
    (75, "C+"),
    (70, "C"),
    (65, "D+"),
    (60, "D"),
    (0, "F"),
]

# (type, possible amounts)
SCHOLARSHIPS = [
    ("성적우수", [1000000, 1500000, 2000000, 2500000, 3000000]),
    ("국가장학", [1200000, 1675000, 2600000, 3500000]),
    ("근로", [400000, 600000, 800000, 1100000]),
    ("교내복지", [500000, 700000, 1000000]),
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


def make_departments():
    return [
        (i, name, college, building, year)
        for i, (name, college, building, year, _) in enumerate(DEPARTMENTS, start=1)
    ]


def make_professors(rng):
    rows = []
    for i, (name, dept, hired) in enumerate(PROFESSORS, start=1):
        year = int(hired[:4])
        if year < 2008:
            position, tenured = "정교수", True
        elif year < 2016:
            position, tenured = "부교수", rng.random() < 0.5
        else:
            position, tenured = "조교수", False
        rows.append((i, name, dept, position, dt.date.fromisoformat(hired), tenured))
    return rows


def make_courses(rng, professors):
    prof_id = {p[1]: p[0] for p in professors}
    assert not NO_COURSE & {c[2] for c in COURSES}
    rows = []
    for i, (name, dept, prof, credits, lang, semester) in enumerate(COURSES, start=1):
        if name in BIG_COURSES:
            capacity = rng.choice([90, 100, 120, 150])
        elif credits == 1:
            capacity = 25
        else:
            capacity = rng.choice([30, 35, 40, 45, 50, 60, 70, 80])
        online = rng.random() < 0.2
        rows.append(
            (
                i,
                name,
                dept,
                prof_id[prof],
                credits,
                capacity,
                lang,
                semester,
                rng.choice(DAYS),
                online,
            )
        )
    return rows


def make_students(rng, n=120):
    weights = [d[4] for d in DEPARTMENTS]
    names = set(p[0] for p in PROFESSORS)
    rows = []
    while len(rows) < n:
        gender = rng.choice(["M", "F"])
        name = rng.choice(SURNAMES) + rng.choice(GIVEN[gender])
        if name in names:
            continue
        names.add(name)
        dept = rng.choices(range(1, len(DEPARTMENTS) + 1), weights=weights)[0]
        year = rng.choices([1, 2, 3, 4], weights=[3, 3, 3, 3])[0]
        entry = 2025 - year
        r = rng.random()
        if year == 4 and r < 0.25:
            entry -= rng.choice([1, 2])  # took time off
        if year == 3 and r < 0.1:
            admitted = dt.date(2023, 3, 2)  # transfer student
        else:
            admitted = dt.date(entry, 3, 2)
        gpa = round(min(4.5, max(1.5, rng.gauss(3.45, 0.5))), 2)
        rows.append((len(rows) + 1, name, dept, year, gender, gpa, admitted, rng.choice(HOMETOWNS)))
    return rows


def letter(score):
    return next(g for cut, g in GRADE_CUTS if score >= cut)


def make_enrollments(rng, students, courses, n=300):
    windows = {
        "2024-1": (dt.date(2024, 2, 19), dt.date(2024, 3, 8)),
        "2024-2": (dt.date(2024, 8, 19), dt.date(2024, 9, 6)),
    }
    takers = students[:-5]  # the last five students registered for nothing
    open_courses = [c for c in courses if c[1] not in EMPTY_COURSES]
    pairs = set()
    rows = []
    queue = list(takers)  # everyone else takes at least one course
    rng.shuffle(queue)
    while len(rows) < n:
        student = queue.pop() if queue else rng.choice(takers)
        own = [c for c in open_courses if c[2] == student[2]]
        if own and rng.random() < 0.55:
            course = rng.choice(own)
        else:
            w = [3.0 if c[1] in BIG_COURSES else 1.0 for c in open_courses]
            course = rng.choices(open_courses, weights=w)[0]
        if (student[0], course[0]) in pairs:
            continue
        pairs.add((student[0], course[0]))
        score = int(round(min(100, max(38, rng.gauss(62 + 6 * student[5], 8)))))
        day = random_date(rng, *windows[course[7]])
        rows.append((day, student[0], course[0], letter(score), score))
    rows.sort()
    return [(i, s, c, g, sc, day) for i, (day, s, c, g, sc) in enumerate(rows, start=1)]


def make_scholarships(rng, students, n=40):
    by_gpa = sorted(students, key=lambda s: -s[5])
    rows = []
    given = set()  # one award of a kind per student and semester
    while len(rows) < n:
        kind, amounts = rng.choices(SCHOLARSHIPS, weights=[4, 4, 3, 2])[0]
        if kind == "성적우수":
            student = rng.choice(by_gpa[:25])
        else:
            student = rng.choice(students[:-3])
        semester_start = rng.choice([dt.date(2024, 3, 4), dt.date(2024, 9, 2)])
        if (student[0], kind, semester_start) in given:
            continue
        given.add((student[0], kind, semester_start))
        if kind == "근로":
            day = random_date(rng, semester_start, semester_start + dt.timedelta(days=90))
        else:
            day = random_date(rng, semester_start - dt.timedelta(days=30), semester_start)
        rows.append((day, student[0], kind, rng.choice(amounts)))
    rows.sort()
    return [(i, s, kind, amount, day) for i, (day, s, kind, amount) in enumerate(rows, start=1)]


def main():
    rng = random.Random(SEED)
    departments = make_departments()
    professors = make_professors(rng)
    courses = make_courses(rng, professors)
    students = make_students(rng)
    enrollments = make_enrollments(rng, students, courses)
    scholarships = make_scholarships(rng, students)
    out = [
        "-- university_courses: 대학교 수강 신청 (generated by make_data.py; do not edit)",
        "",
        DDL,
    ]
    out += insert_lines(
        "department",
        ["department_id", "dept_name", "college", "building", "founded_year"],
        departments,
    )
    out += insert_lines(
        "professor",
        ["professor_id", "name", "department_id", "position", "hired_on", "is_tenured"],
        professors,
    )
    out += insert_lines(
        "course",
        [
            "course_id",
            "course_name",
            "department_id",
            "professor_id",
            "credits",
            "capacity",
            "language",
            "semester",
            "day_of_week",
            "is_online",
        ],
        courses,
    )
    out += insert_lines(
        "student",
        [
            "student_id",
            "name",
            "department_id",
            "school_year",
            "gender",
            "gpa",
            "admitted_on",
            "hometown",
        ],
        students,
    )
    out += insert_lines(
        "enrollment",
        ["enrollment_id", "student_id", "course_id", "letter_grade", "score", "enrolled_on"],
        enrollments,
    )
    out += insert_lines(
        "scholarship",
        ["scholarship_id", "student_id", "scholarship_type", "amount", "awarded_on"],
        scholarships,
    )
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(
        f"wrote {OUT} ({len(departments)} departments, {len(professors)} professors, "
        f"{len(courses)} courses, {len(students)} students, {len(enrollments)} enrollments, "
        f"{len(scholarships)} scholarships)"
    )


if __name__ == "__main__":
    main()
