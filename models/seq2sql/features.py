"""From (question, schema, candidates) to the arrays the parser reads, and from a Query to targets.

The encoder sees one sequence: the question's characters (digit runs as ``<num>``, spaces as
``▁``), then one position per schema item (tables, then columns), then one per value candidate.
Items are given as short character strings (their Korean name, the value) that the model pools
into one vector. A relation id for every pair of positions carries the linking evidence
(this character is inside a mention of that column, this candidate is a value of that column,
these columns share a table or a foreign key...), as in RAT-SQL's relation-aware attention.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from models.seq2sql.ir import KEYWORDS, Query, to_tokens
from models.seq2sql.lexicon import canonical_unit
from models.seq2sql.linking import Candidate, Links
from models.seq2sql.schema import Schema

__all__ = ["Encoded", "SchemaItems", "Vocab", "encode", "schema_items", "target_ids", "tokenize"]

SPECIALS = ["<pad>", "<unk>", "<num>", "▁"]
ITEM_CHARS = 20
COLUMN_TYPES = ("text", "number", "date", "boolean", "id")
CANDIDATE_KINDS = ("text", "part", "number", "date", "span", "range")
# Item kinds: 0 table, 1-5 column by type, 6-11 candidate by kind.
N_ITEM_KINDS = 1 + len(COLUMN_TYPES) + len(CANDIDATE_KINDS)
# How a candidate was found: 0 schema item, 1 exact whole word, 2 exact inside a longer word,
# 3 transliteration or dictionary, 4 fuzzy, 5 part of values, 6 number/date/range/quote.
N_QUALITIES = 7

# Relation ids between positions of the joint sequence.
REL = {
    name: i
    for i, name in enumerate(
        [
            "none",
            *[f"qq{d}" for d in range(-4, 5)],
            "q_col_exact",
            "q_col_part",
            "q_tab_exact",
            "q_tab_part",
            "q_cand",
            "q_col_value",
            "col_q_exact",
            "col_q_part",
            "tab_q_exact",
            "tab_q_part",
            "cand_q",
            "col_q_value",
            "q_item",
            "item_q",
            "col_tab",
            "tab_col",
            "col_col_table",
            "col_col_fk",
            "tab_tab_fk",
            "item_item",
            "self",
            "cand_col",
            "col_cand",
            "cand_col_unit",
            "col_cand_unit",
            "cand_cand",
            "cand_tab",
            "tab_cand",
        ]
    )
}
N_RELATIONS = len(REL)
# Cue words tagged on the question's characters, so that the few words that flip a query's
# meaning (negation, direction, comparison, aggregate) carry the same signal in any sentence.
_CUES = [
    ("between", r"사이|\d\s*~\s*\d|에서\s?\d"),
    ("lt", r"미만|(?<=\d)\D{0,5}?안\s?되|못\s?미치|보다\s?(적|낮|작|짧|싼|이른|덜)"),
    ("gt", r"초과|넘|보다\s?(많|높|크|큰|긴|길|비싼|비싸|늦|무거|넓)"),
    ("ge", r"이상|부터|이후"),
    ("le", r"이하|까지|이내|(?<![가-힣])안에"),
    # "안 간", "안되는" negate; "세 시간 안에" is a bound
    ("neg", r"안(?![에의쪽])\s?[가-힣]|않|없|아닌|아니|말고|제외|빼고|외에|아무도"),
    ("super", r"가장|제일|젤|최고로"),
    (
        "more",
        r"많|높|크|큰|긴|길게|비싼|비싸|최고|최대|오래\s?걸|늦|최근|최신|무거|넓|먼|멀|상위|내림차순|최다",
    ),
    (
        "less",
        r"적은|적게|낮|작|짧|싼|싸고|저렴|최저|최소|빨리|먼저|일찍|이른|오래된|처음|가벼|좁|가까|하위|오름차순",
    ),
    ("count", r"몇|개수|세어|수(는|를|가|$|\s)"),
    ("avg", r"평균"),
    ("sum", r"합계|합치|합하|합산|총|전부\s?더|모두\s?더"),
    ("group", r"별로|별\s|마다|각\s"),
    ("distinct", r"종류|중복|서로\s?다른|가지"),
    ("like", r"들어간|들어가|포함"),
    ("or", r"또는|이나\s|거나"),
]
CUE_TAGS = ["none", *(name for name, _ in _CUES)]
_CUE_RES = [(CUE_TAGS.index(name), re.compile(pattern)) for name, pattern in _CUES]


def cue_tags(question: str) -> list[int]:
    """A cue tag per character of ``question`` (0 = none); earlier cues win overlaps."""
    tags = [0] * len(question)
    for tag, pattern in _CUE_RES:
        for match in pattern.finditer(question):
            for i in range(match.start(), match.end()):
                if not tags[i]:
                    tags[i] = tag
    return tags


_TOKEN = re.compile(r"\d+(?:\.\d+)?|\s+|.", re.DOTALL)


def tokenize(text: str) -> tuple[list[str], list[int]]:
    """Characters of ``text`` (digit runs as one ``<num>``, whitespace as ``▁``), and for every
    character of ``text`` the index of its token."""
    tokens: list[str] = []
    char_to_token: list[int] = []
    for match in _TOKEN.finditer(text):
        piece = match.group(0)
        if piece[0].isdigit():
            tokens.append("<num>")
        elif piece.isspace():
            tokens.append("▁")
        else:
            tokens.append(piece.lower())
        char_to_token += [len(tokens) - 1] * len(piece)
    return tokens, char_to_token


class Vocab:
    """Character vocabulary; unseen characters map to ``<unk>``."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = list(dict.fromkeys([*SPECIALS, *tokens]))
        self.index = {t: i for i, t in enumerate(self.tokens)}

    @classmethod
    def build(cls, texts: list[str], min_count: int = 1) -> Vocab:
        """A vocabulary of every character seen at least ``min_count`` times."""
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(tokenize(text)[0])
        return cls(sorted(t for t, n in counts.items() if n >= min_count))

    def ids(self, tokens: list[str]) -> list[int]:
        """Token ids (``<unk>`` = 1)."""
        return [self.index.get(t, 1) for t in tokens]

    def __len__(self) -> int:
        return len(self.tokens)


@dataclass
class SchemaItems:
    """The fixed part of the encoder input for one schema: its tables and columns."""

    keys: list[str]  # table names, then "table.column"
    kinds: np.ndarray  # (S,) item kind ids
    chars: np.ndarray  # (S, ITEM_CHARS) token ids of the Korean name
    relations: np.ndarray  # (S, S) relation ids
    units: list[str]  # unit per item ("" for tables)
    tables_of: list[str]  # the table of each item (itself for a table)
    index: dict[str, int]


def _item_chars(vocab: Vocab, text: str) -> list[int]:
    ids = vocab.ids(tokenize(text)[0])[:ITEM_CHARS]
    return ids + [0] * (ITEM_CHARS - len(ids))


def schema_items(schema: Schema, vocab: Vocab) -> SchemaItems:
    """Encode a schema's tables and columns once."""
    keys, kinds, chars, units, tables_of = [], [], [], [], []
    for table in schema.tables:
        keys.append(table.name)
        kinds.append(0)
        chars.append(_item_chars(vocab, table.names[0]))
        units.append("")
        tables_of.append(table.name)
    for column in schema.columns:
        keys.append(column.key)
        kinds.append(1 + COLUMN_TYPES.index(column.type))
        chars.append(_item_chars(vocab, column.names[0]))
        units.append(column.unit)
        tables_of.append(column.table)
    index = {k: i for i, k in enumerate(keys)}
    n = len(keys)
    rel = np.full((n, n), REL["item_item"], dtype=np.int64)
    n_tables = len(schema.tables)
    for i in range(n):
        rel[i, i] = REL["self"]
        for j in range(n):
            if i == j:
                continue
            if i >= n_tables and j < n_tables and tables_of[i] == keys[j]:
                rel[i, j], rel[j, i] = REL["col_tab"], REL["tab_col"]
            elif i >= n_tables and j >= n_tables and tables_of[i] == tables_of[j]:
                rel[i, j] = REL["col_col_table"]
    for fk in schema.foreign_keys:
        a, b = index.get(f"{fk.table}.{fk.column}"), index.get(f"{fk.ref_table}.{fk.ref_column}")
        if a is not None and b is not None:
            rel[a, b] = rel[b, a] = REL["col_col_fk"]
        ta, tb = index.get(fk.table), index.get(fk.ref_table)
        if ta is not None and tb is not None and ta != tb:
            rel[ta, tb] = rel[tb, ta] = REL["tab_tab_fk"]
    return SchemaItems(
        keys,
        np.array(kinds, dtype=np.int64),
        np.array(chars, dtype=np.int64).reshape(n, ITEM_CHARS),
        rel,
        units,
        tables_of,
        index,
    )


@dataclass
class Encoded:
    """One question ready for the model (``target`` is empty at inference)."""

    q_ids: np.ndarray  # (Lq,)
    q_tags: np.ndarray  # (Lq,) cue tags (``CUE_TAGS``)
    schema: int  # index into the schema list of the batch
    c_kinds: np.ndarray  # (C,)
    c_chars: np.ndarray  # (C, ITEM_CHARS)
    q_rel: np.ndarray  # (Lq, S + C) question → item relations
    c_rel: np.ndarray  # (C, S + C) candidate → item relations
    c_quality: np.ndarray  # (C,) match-quality buckets
    target: np.ndarray  # (T,) output ids: keyword id, or len(KEYWORDS) + item index


def quality(c: Candidate) -> int:
    """The match-quality bucket of a candidate (see ``N_QUALITIES``)."""
    if c.kind in ("number", "date", "range", "span"):
        return 6
    if c.kind == "part":
        return 5
    if c.score >= 1.0:
        return 1
    return 2 if c.score >= 0.95 else 3 if c.score >= 0.85 else 4


def _candidate_text(c: Candidate) -> str:
    if c.kind in ("text", "part", "span"):
        return str(c.value)
    return {"number": "0", "range": "0~0"}.get(c.kind, "0-0")


def encode(
    question: str, links: Links, items: SchemaItems, vocab: Vocab, schema_index: int = 0
) -> Encoded:
    """Encode a normalized question with its links (``linking.link``) against schema items."""
    tokens, char_to_token = tokenize(question)
    lq, s, cands = len(tokens), len(items.keys), links.candidates
    c = len(cands)
    q_rel = np.full((lq, s + c), REL["q_item"], dtype=np.int64)

    def span_tokens(start: int, end: int) -> range:
        if start >= len(char_to_token):
            return range(0)
        return range(
            char_to_token[start], char_to_token[max(start, min(end, len(char_to_token)) - 1)] + 1
        )

    for m in sorted(links.mentions, key=lambda m: m.exact):  # exact mentions win
        j = items.index.get(m.item)
        if j is None:
            continue
        is_table = items.kinds[j] == 0
        name = ("q_tab_" if is_table else "q_col_") + ("exact" if m.exact else "part")
        for t in span_tokens(m.start, m.end):
            q_rel[t, j] = REL[name]
    c_rel = np.full((c, s + c), REL["cand_cand"], dtype=np.int64)
    for k, cand in enumerate(cands):
        col = items.index.get(cand.column) if cand.column else None
        for t in span_tokens(cand.start, cand.end):
            q_rel[t, s + k] = REL["q_cand"]
            if col is not None and q_rel[t, col] == REL["q_item"]:
                q_rel[t, col] = REL["q_col_value"]
        c_rel[k, :s] = REL["item_item"]
        c_rel[k, s + k] = REL["self"]
        if col is not None:
            c_rel[k, col] = REL["cand_col"]
            table = items.index.get(items.tables_of[col])
            if table is not None:
                c_rel[k, table] = REL["cand_tab"]
        elif cand.unit:
            for j, unit in enumerate(items.units):
                if unit and canonical_unit(unit) == canonical_unit(cand.unit):
                    c_rel[k, j] = REL["cand_col_unit"]
    c_kinds = np.array(
        [1 + len(COLUMN_TYPES) + CANDIDATE_KINDS.index(x.kind) for x in cands], dtype=np.int64
    )
    c_chars = np.array(
        [_item_chars(vocab, _candidate_text(x)) for x in cands], dtype=np.int64
    ).reshape(c, ITEM_CHARS)
    tags = np.zeros(lq, dtype=np.int64)
    for i, tag in enumerate(cue_tags(question)):
        if tag and i < len(char_to_token):
            tags[char_to_token[i]] = tag
    return Encoded(
        np.array(vocab.ids(tokens), dtype=np.int64),
        tags,
        schema_index,
        c_kinds,
        c_chars,
        q_rel,
        c_rel,
        np.array([quality(x) for x in cands], dtype=np.int64),
        np.zeros(0, dtype=np.int64),
    )


def _value_matches(value: object, cand: Candidate) -> bool:
    v_kind, v_value, v_col = value.kind, value.value, value.column
    if v_kind == "number" or (v_kind == "text" and cand.kind == "number"):
        try:  # WikiSQL writes numbers of text columns as text ('6'); a number candidate fits
            return cand.kind == "number" and float(cand.value) == float(v_value)
        except (TypeError, ValueError):
            return False
    if v_kind in ("text", "part"):
        return (
            cand.kind == v_kind
            and cand.column == v_col
            and str(cand.value).lower() == str(v_value).lower()
        )
    if v_kind in ("date", "range"):
        return cand.kind == v_kind and tuple(cand.value) == tuple(v_value)
    return cand.kind == "span" and str(cand.value) == str(v_value)


def target_ids(query: Query, items: SchemaItems, candidates: list[Candidate]) -> np.ndarray | None:
    """Output ids for ``query``; None when one of its values is not among the candidates."""
    kw = {k: i for i, k in enumerate(KEYWORDS)}
    out = []
    base = len(KEYWORDS)
    for token in to_tokens(query):
        if isinstance(token, str):
            out.append(kw[token])
        elif token[0] in ("tab", "col"):
            if token[1] not in items.index:
                return None
            out.append(base + items.index[token[1]])
        else:
            hit = next((k for k, c in enumerate(candidates) if _value_matches(token[1], c)), None)
            if hit is None:
                return None
            out.append(base + len(items.keys) + hit)
    return np.array(out, dtype=np.int64)


_REVERSE = {
    "q_col_exact": "col_q_exact",
    "q_col_part": "col_q_part",
    "q_tab_exact": "tab_q_exact",
    "q_tab_part": "tab_q_part",
    "q_cand": "cand_q",
    "q_col_value": "col_q_value",
    "q_item": "item_q",
    "cand_col": "col_cand",
    "cand_tab": "tab_cand",
    "cand_col_unit": "col_cand_unit",
}
REVERSE = np.arange(N_RELATIONS)
for _a, _b in _REVERSE.items():
    REVERSE[REL[_a]], REVERSE[REL[_b]] = REL[_b], REL[_a]
_MAX_Q = 256
_QQ = np.array(
    [[REL[f"qq{max(-4, min(4, j - i))}"] for j in range(_MAX_Q)] for i in range(_MAX_Q)],
    dtype=np.int64,
)


def collate(batch: list[Encoded], schemas: list[SchemaItems]) -> dict[str, np.ndarray]:
    """Pad a list of encoded questions into arrays (question, then schema items, then candidates).

    Targets are renumbered so that candidate k of an example points at padded item ``S_max + k``;
    ``gold`` is -100 on padding, ``prev`` is the gold shifted right with -1 (<bos>) first.
    """
    n = len(batch)
    lq = min(_MAX_Q, max(len(e.q_ids) for e in batch))
    s_max = max(len(schemas[e.schema].keys) for e in batch)
    c_max = max(1, max(len(e.c_kinds) for e in batch))
    i_max = s_max + c_max
    q_ids = np.zeros((n, lq), dtype=np.int64)
    q_tags = np.zeros((n, lq), dtype=np.int64)
    # Schema items are encoded once per distinct schema of the batch (s_*), candidates per example (c_*).
    slots = {s: k for k, s in enumerate(dict.fromkeys(e.schema for e in batch))}
    s_chars = np.zeros((len(slots), s_max, ITEM_CHARS), dtype=np.int64)
    s_kinds = np.zeros((len(slots), s_max), dtype=np.int64)
    for schema, k in slots.items():
        s = len(schemas[schema].keys)
        s_chars[k, :s], s_kinds[k, :s] = schemas[schema].chars, schemas[schema].kinds
    schema_slot = np.array([slots[e.schema] for e in batch], dtype=np.int64)
    c_chars = np.zeros((n, c_max, ITEM_CHARS), dtype=np.int64)
    c_kinds = np.zeros((n, c_max), dtype=np.int64)
    c_quality = np.zeros((n, c_max), dtype=np.int64)
    i_mask = np.zeros((n, i_max), dtype=bool)
    rel = np.zeros((n, lq + i_max, lq + i_max), dtype=np.int64)
    t_max = max(len(e.target) for e in batch)
    gold = np.full((n, max(1, t_max)), -100, dtype=np.int64)
    prev = np.zeros((n, max(1, t_max)), dtype=np.int64)
    k = len(KEYWORDS)
    for b, e in enumerate(batch):
        items = schemas[e.schema]
        s, c, lqe = len(items.keys), len(e.c_kinds), min(lq, len(e.q_ids))
        q_ids[b, :lqe], q_tags[b, :lqe] = e.q_ids[:lqe], e.q_tags[:lqe]
        c_chars[b, :c], c_kinds[b, :c], c_quality[b, :c] = e.c_chars, e.c_kinds, e.c_quality
        i_mask[b, :s] = i_mask[b, s_max : s_max + c] = True
        pos = np.concatenate([np.arange(s) + lq, np.arange(c) + lq + s_max])
        q_rel = e.q_rel[:lqe]
        r = rel[b]  # a view: the assignments below fill rel
        r[:lqe, :lqe] = _QQ[:lqe, :lqe]
        r[:lqe, pos] = q_rel  # (lqe, s + c)
        r[pos[:, None], np.arange(lqe)[None, :]] = REVERSE[q_rel.T]
        r[pos[:s, None], pos[None, :s]] = items.relations
        if c:
            r[pos[s:, None], pos[None, :]] = e.c_rel
            r[pos[:s, None], pos[None, s:]] = REVERSE[e.c_rel[:, :s].T]
        if len(e.target):
            t = e.target.copy()
            t[t >= k + s] += s_max - s
            gold[b, : len(t)] = t
            prev[b, 0] = -1
            prev[b, 1 : len(t)] = t[:-1]
    return {
        "q_ids": q_ids,
        "q_tags": q_tags,
        "s_chars": s_chars,
        "s_kinds": s_kinds,
        "schema_slot": schema_slot,
        "c_chars": c_chars,
        "c_kinds": c_kinds,
        "c_quality": c_quality,
        "i_mask": i_mask,
        "relations": rel,
        "gold": gold,
        "prev": prev,
    }
