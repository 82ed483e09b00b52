"""Validate the hand-written Korean text-to-SQL evaluation sets.

For every database folder (one holding ``schema.sql``) under the given set
directories (default: the folder of this script, i.e. ``heldout/``):

* builds the database from ``schema.sql`` into a temporary SQLite file;
* checks ``<name>.sori.yaml`` against SQL_ANNOTATION.md and the real schema
  (every table and column annotated, no unknown keys, valid ``type``);
* checks ``questions.jsonl``: unique ids prefixed by the database name, valid
  difficulty, non-empty question and tags;
* runs every gold SQL in SQLite and requires a non-empty result (a row with at
  least one non-NULL value, and not a lone 0 such as ``COUNT(*) = 0``);
* flags ``ORDER BY`` queries whose gold answer would be arbitrary: a top-N
  select (``ORDER BY ... LIMIT k``) tying on its sort key within its first k+1
  rows, a top-level ORDER BY tying anywhere, or an ORDER BY that sits only in
  a subquery of a multi-row answer (scorers compare in order when the gold SQL
  has ORDER BY);
* when ``SORI_TEST_PG_URL`` is set, loads ``schema.sql`` into PostgreSQL (one
  throw-away schema per database), runs every gold SQL there too and compares
  the result with SQLite's (as a multiset; ordered when the SQL has ORDER BY).

Prints counts per database x difficulty and exits 1 when anything failed.

Usage::

    python models/seq2sql/heldout/check.py                      # test set
    python models/seq2sql/heldout/check.py models/seq2sql/devsets
    python models/seq2sql/heldout/check.py --show-results       # print answers
    python models/seq2sql/heldout/check.py --sqlite-out /tmp/sori_eval_dbs
"""

import argparse
import collections
import json
import os
import sqlite3
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import yaml

DIFFICULTIES = ("easy", "medium", "hard")
COLUMN_TYPES = {"id", "text", "number", "date", "boolean"}
HERE = Path(__file__).resolve().parent


def build_sqlite(schema_sql, path):
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = ON")
    con.executescript(schema_sql)
    con.commit()
    return con


def sqlite_schema(con):
    """Return {table: [column, ...]} as the database spells them."""
    tables = [
        r[0]
        for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    ]
    return {t: [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')] for t in tables}


def check_annotation(ann_path, name, schema, errors):
    if not ann_path.exists():
        errors.append(f"{name}: missing {ann_path.name}")
        return
    ann = yaml.safe_load(ann_path.read_text(encoding="utf-8"))
    if ann.get("database") != name:
        errors.append(f"{name}: annotation database is {ann.get('database')!r}")
    if not isinstance(ann.get("description"), str) or not ann["description"].strip():
        errors.append(f"{name}: annotation has no description")
    tables = ann.get("tables") or {}
    lower_schema = {t.lower(): (t, cols) for t, cols in schema.items()}
    seen = set()
    for table, spec in tables.items():
        if table not in schema:
            errors.append(
                f"{name}: annotated table {table!r} not in schema "
                "(keys must match the database spelling)"
            )
            continue
        seen.add(table.lower())
        if not spec.get("names") or not all(isinstance(n, str) for n in spec["names"]):
            errors.append(f"{name}.{table}: needs a non-empty names list")
        columns = spec.get("columns") or {}
        for col in schema[table]:
            if col not in columns:
                errors.append(f"{name}.{table}.{col}: column not annotated")
        for col, cspec in columns.items():
            if col not in schema[table]:
                errors.append(f"{name}.{table}.{col}: annotated column not in schema")
            if not cspec.get("names"):
                errors.append(f"{name}.{table}.{col}: needs a non-empty names list")
            if cspec.get("type") not in COLUMN_TYPES:
                errors.append(f"{name}.{table}.{col}: bad type {cspec.get('type')!r}")
            extra = set(cspec) - {"names", "type", "unit"}
            if extra:
                errors.append(f"{name}.{table}.{col}: unknown keys {sorted(extra)}")
    for t in lower_schema:
        if t not in seen:
            errors.append(f"{name}: table {lower_schema[t][0]!r} not annotated")


def load_questions(path, name, errors):
    items = []
    if not path.exists():
        errors.append(f"{name}: missing {path.name}")
        return items
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{path}:{lineno}: bad JSON ({exc})")
            continue
        where = f"{path.name}:{lineno} ({item.get('id')})"
        if set(item) != {"id", "question", "sql", "difficulty", "tags"}:
            errors.append(f"{where}: keys are {sorted(item)}")
        if not str(item.get("id", "")).startswith(name + "-"):
            errors.append(f"{where}: id must start with {name}-")
        if item.get("difficulty") not in DIFFICULTIES:
            errors.append(f"{where}: bad difficulty {item.get('difficulty')!r}")
        if not str(item.get("question", "")).strip():
            errors.append(f"{where}: empty question")
        if not isinstance(item.get("tags"), list) or not item["tags"]:
            errors.append(f"{where}: tags must be a non-empty list")
        items.append(item)
    return items


def is_empty_answer(rows):
    if not rows or all(v is None for row in rows for v in row):
        return True
    return len(rows) == 1 and len(rows[0]) == 1 and rows[0][0] == 0


def tie_problems(sql, con):
    """Return messages for ORDER BY queries whose gold answer would be arbitrary.

    A top-N select (``ORDER BY ... LIMIT k``) must not tie on its sort key
    anywhere in its first k+1 rows (neither at the cut-off nor inside the
    top k, since an ordered comparison would then depend on the engine);
    a top-level ORDER BY without LIMIT must not tie anywhere.
    """
    import sqlglot
    from sqlglot import exp

    problems = []
    tree = sqlglot.parse_one(sql, read="sqlite")
    for select in tree.find_all(exp.Select):
        limit, order = select.args.get("limit"), select.args.get("order")
        if order is None or select.args.get("offset") is not None:
            continue
        if limit is None and select is not tree:
            continue
        k = None
        if limit is not None:
            try:
                k = int(limit.expression.name)
            except (AttributeError, ValueError):
                continue
        probe = select.copy()
        aliases = {p.alias: p.this for p in probe.expressions if isinstance(p, exp.Alias)}
        keys = []
        for i, ordered in enumerate(order.expressions):
            key = ordered.this.copy()
            if isinstance(key, exp.Column) and not key.table and key.name in aliases:
                key = aliases[key.name].copy()
            keys.append(exp.alias_(key, f"__tie_key{i}"))
        n_shown = len(probe.expressions)
        probe.set("expressions", probe.expressions + keys)
        if k is not None:
            probe.set("limit", exp.Limit(expression=exp.Literal.number(k + 1)))
        try:
            rows = con.execute(probe.sql(dialect="sqlite")).fetchall()
        except sqlite3.Error:
            continue  # correlated subquery or the like: cannot be run alone
        n = len(keys)
        for a, b in zip(rows, rows[1:], strict=False):
            # rows identical in what is shown may tie harmlessly
            if a[-n:] == b[-n:] and a[:n_shown] != b[:n_shown]:
                where = "cut-off" if k is not None and b is rows[-1] and len(rows) > k else "order"
                problems.append(f"tie ({where}) on sort key {a[-n:]}")
                break
    return problems


def is_ordered(sql):
    """True when the outermost query has ORDER BY (the scorer then compares in order)."""
    import sqlglot

    tree = sqlglot.parse_one(sql, read="sqlite")
    return tree.args.get("order") is not None


def normalize(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float, Decimal)):
        return round(float(value), 4)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def same_result(a, b, ordered):
    a = [tuple(normalize(v) for v in row) for row in a]
    b = [tuple(normalize(v) for v in row) for row in b]
    if ordered:
        return a == b
    return collections.Counter(a) == collections.Counter(b)


class Postgres:
    """One connection; one throw-away schema per database."""

    def __init__(self, url):
        import psycopg

        self.psycopg = psycopg
        self.con = psycopg.connect(url, autocommit=True)

    def load(self, name, schema_sql):
        schema = f"sori_check_{name}"
        self.schema = schema
        self.con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        self.con.execute(f"CREATE SCHEMA {schema}")
        self.con.execute(f"SET search_path TO {schema}")
        self.con.execute(schema_sql)

    def run(self, sql):
        return self.con.execute(sql).fetchall()

    def drop(self):
        self.con.execute(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")


def check_database(db_dir, args, pg, errors, counts, seen_ids):
    name = db_dir.name
    schema_sql = (db_dir / "schema.sql").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        con = build_sqlite(schema_sql, os.path.join(tmp, f"{name}.sqlite"))
        schema = sqlite_schema(con)
        for table in schema:
            n = con.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            if not 20 <= n <= 300:
                errors.append(f"{name}.{table}: {n} rows (want 20-300)")
        if not 3 <= len(schema) <= 6:
            errors.append(f"{name}: {len(schema)} tables (want 3-6)")
        violations = con.execute("PRAGMA foreign_key_check").fetchall()
        if violations:
            errors.append(f"{name}: foreign key violations {violations[:3]}")
        check_annotation(db_dir / f"{name}.sori.yaml", name, schema, errors)
        items = load_questions(db_dir / "questions.jsonl", name, errors)
        if pg is not None:
            try:
                pg.load(name, schema_sql)
            except pg.psycopg.Error as exc:
                errors.append(f"{name}: schema.sql fails in PostgreSQL: {exc}")
                pg_ok = False
            else:
                pg_ok = True
        for item in items:
            qid, sql = item.get("id"), item.get("sql", "")
            if qid in seen_ids:
                errors.append(f"{qid}: duplicate id")
            seen_ids.add(qid)
            counts[name][item.get("difficulty")] += 1
            try:
                rows = con.execute(sql).fetchall()
            except sqlite3.Error as exc:
                errors.append(f"{qid}: SQLite error {exc}: {sql}")
                continue
            if is_empty_answer(rows):
                errors.append(f"{qid}: empty answer {rows[:3]}: {sql}")
            if "ORDER BY" in sql.upper() and not is_ordered(sql) and len(rows) > 1:
                # a scorer that looks for ORDER BY anywhere would compare in order
                errors.append(f"{qid}: ORDER BY only in a subquery but {len(rows)} rows")
            if not args.no_ties:
                for problem in tie_problems(sql, con):
                    errors.append(f"{qid}: {problem}: {sql}")
            if args.show_results:
                shown = rows[:6] + (["..."] if len(rows) > 6 else [])
                print(
                    f"{qid} [{item.get('difficulty')}] {item.get('question')}\n"
                    f"    {sql}\n    -> {len(rows)} rows {shown}"
                )
            if pg is not None and pg_ok:
                try:
                    pg_rows = pg.run(sql)
                except pg.psycopg.Error as exc:
                    errors.append(f"{qid}: PostgreSQL error {exc}".strip())
                    continue
                if not same_result(rows, pg_rows, is_ordered(sql)):
                    errors.append(
                        f"{qid}: PostgreSQL result differs: {pg_rows[:3]} vs SQLite {rows[:3]}"
                    )
        if pg is not None and pg_ok:
            pg.drop()
        con.close()


def print_counts(set_dir, counts):
    print(f"\n{set_dir}")
    header = f"{'database':<22}" + "".join(f"{d:>8}" for d in DIFFICULTIES) + f"{'total':>8}"
    print(header)
    print("-" * len(header))
    totals = collections.Counter()
    for name in sorted(counts):
        c = counts[name]
        print(f"{name:<22}" + "".join(f"{c[d]:>8}" for d in DIFFICULTIES) + f"{sum(c.values()):>8}")
        totals.update(c)
    print("-" * len(header))
    share = "".join(f"{totals[d]:>8}" for d in DIFFICULTIES)
    print(f"{'all':<22}{share}{sum(totals.values()):>8}")
    n = sum(totals.values()) or 1
    print(f"{'share':<22}" + "".join(f"{totals[d] / n:>8.0%}" for d in DIFFICULTIES))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "sets",
        nargs="*",
        type=Path,
        default=[HERE],
        help="set directories or single database folders (default: heldout/)",
    )
    parser.add_argument(
        "--show-results", action="store_true", help="print every question, its SQL and its answer"
    )
    parser.add_argument("--no-ties", action="store_true", help="skip the top-N tie check")
    parser.add_argument(
        "--sqlite-out",
        type=Path,
        metavar="DIR",
        help="also write each database to DIR/<name>.sqlite "
        "(for `sori sql eval --db sqlite:///DIR/<name>.sqlite`)",
    )
    args = parser.parse_args(argv)

    pg_url = os.environ.get("SORI_TEST_PG_URL")
    pg = Postgres(pg_url) if pg_url else None
    errors = []
    seen_ids = set()
    all_counts = []
    for set_dir in args.sets:
        counts = collections.defaultdict(collections.Counter)
        if (set_dir / "schema.sql").exists():  # a single database folder
            db_dirs = [set_dir]
        else:
            db_dirs = sorted(p.parent for p in set_dir.glob("*/schema.sql"))
        if not db_dirs:
            errors.append(f"{set_dir}: no */schema.sql found")
        for db_dir in db_dirs:
            check_database(db_dir, args, pg, errors, counts, seen_ids)
            if args.sqlite_out:
                args.sqlite_out.mkdir(parents=True, exist_ok=True)
                target = args.sqlite_out / f"{db_dir.name}.sqlite"
                target.unlink(missing_ok=True)
                schema_sql = (db_dir / "schema.sql").read_text(encoding="utf-8")
                build_sqlite(schema_sql, target).close()
        all_counts.append((set_dir, counts))
    for set_dir, counts in all_counts:
        print_counts(set_dir, counts)
    print(
        f"\nPostgreSQL: {'checked (' + pg_url.split('@')[-1] + ')' if pg else 'skipped (SORI_TEST_PG_URL not set)'}"
    )
    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
