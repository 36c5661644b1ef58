"""Full-text search over positions, the same tokens on both back ends.

Documents and queries go through :mod:`kzqual.store.stem`; SQLite matches them with FTS5 and
ranks with bm25, PostgreSQL with ``to_tsvector('simple', …)`` / ``ts_rank`` over the same stems,
weighted title > department > body on both.  A query word matches when any of its readings does;
every query word must match (AND).  Snippets are cut from the original text and the matched
original words are marked, by re-analysing the field and comparing stems.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.engine import Connection

from kzqual.store.stem import guess_lang, stems_of, tokens

# FTS5 bm25 column weights and the PostgreSQL setweight letters they correspond to.
BM25_WEIGHTS = (10.0, 4.0, 1.0)
FIELD_ORDER = ("title", "department", "duties", "education", "competence")
SNIPPET_CHARS = 220

_CAT = str.maketrans({"С": "C", "с": "C", "О": "O", "о": "O", "А": "A", "а": "A", "Е": "E",
                      "е": "E", "В": "B", "Р": "P", "Д": "D", "—": "-", "–": "-"})


@dataclass(slots=True)
class SearchHit:
    position_id: str
    act_key: str
    act_title: str
    act_status: str
    title: str
    department: str | None
    category: str | None
    category_raw: str | None
    units: int | None
    numbers: list[str]
    language: str
    score: float  # higher is better, comparable within one result list only
    snippet: str  # original words
    snippet_field: str  # title | department | duties | education | competence
    marks: list[tuple[int, int]] = field(default_factory=list)  # matched words, offsets in snippet
    lines: tuple[int, int] = (0, 0)

    def snippet_marked(self, open_: str = "[", close: str = "]") -> str:
        out, pos = [], 0
        for s, e in self.marks:
            out += [self.snippet[pos:s], open_, self.snippet[s:e], close]
            pos = e
        out.append(self.snippet[pos:])
        return "".join(out)

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}


def canonical_category(cat: str) -> str:
    """"С-4" (Cyrillic, as printed) -> "C-4" (the ASCII key positions use)."""
    return cat.strip().translate(_CAT).upper()


def query_terms(query: str, lang: str | None) -> list[tuple[str, ...]]:
    """One tuple of alternative stems per query word; unknown language -> both stemmers."""
    lang = lang or guess_lang(query)
    terms: list[tuple[str, ...]] = []
    for tok in tokens(query, None):
        alts = stems_of(tok.text, lang)
        if alts not in terms:
            terms.append(alts)
    return terms


def fts5_expr(terms: list[tuple[str, ...]]) -> str:
    return " AND ".join("(" + " OR ".join(f'"{s}"' for s in alts) + ")" for alts in terms)


def tsquery_expr(terms: list[tuple[str, ...]]) -> str:
    return " & ".join("(" + " | ".join(f"'{s}'" for s in alts) + ")" for alts in terms)


def in_force_sql(param: str = "d") -> str:
    """Acts in force on date :param — adopted/effective by then and not repealed by then."""
    return (f"(a.effective_from IS NULL OR a.effective_from <= :{param}) AND "
            f"(a.status <> 'repealed' OR (a.repealed_on IS NOT NULL AND a.repealed_on > :{param}))")


def write_index(conn: Connection, dialect: str, rows: list[tuple[int, dict[str, str]]]) -> None:
    if not rows:
        return
    if dialect == "postgresql":
        conn.execute(
            text("INSERT INTO position_search (position_pk, tsv, dept_tsv) VALUES (:pk, "
                 "setweight(to_tsvector('simple', :title), 'A') || "
                 "setweight(to_tsvector('simple', :department), 'B') || "
                 "setweight(to_tsvector('simple', :body), 'D'), to_tsvector('simple', :department))"),
            [{"pk": pk, **r} for pk, r in rows],
        )
    else:
        conn.execute(
            text("INSERT INTO position_fts (rowid, title, department, body) "
                 "VALUES (:pk, :title, :department, :body)"),
            [{"pk": pk, **r} for pk, r in rows],
        )


def find(conn: Connection, dialect: str, query: str, *, lang: str | None, body: str | None,
         category: str | None, in_force_on: str | None, limit: int, offset: int
         ) -> tuple[list[tuple[int, float]], list[tuple[str, ...]]]:
    """(position pk, score) best first, and the query terms used."""
    terms = query_terms(query, lang)
    if not terms:
        return [], terms
    body_terms = query_terms(body, None) if body else []
    params: dict = {"limit": limit, "offset": offset}
    where = ["a.is_current = :cur"]
    params["cur"] = True
    if lang:
        where.append("p.language = :lang")
        params["lang"] = lang
    if category:
        where.append("(p.category = :cat OR p.category_raw = :cat_raw)")
        params["cat"] = canonical_category(category)
        params["cat_raw"] = category.strip()
    if in_force_on:
        where.append(in_force_sql())
        params["d"] = in_force_on
    if dialect == "postgresql":
        params["q"] = tsquery_expr(terms)
        if body_terms:
            where.append("s.dept_tsv @@ to_tsquery('simple', :bq)")
            params["bq"] = tsquery_expr(body_terms)
        sql = ("SELECT p.pk, ts_rank(s.tsv, q.q) AS score FROM to_tsquery('simple', :q) AS q(q) "
               "JOIN position_search s ON s.tsv @@ q.q "
               "JOIN positions p ON p.pk = s.position_pk JOIN acts a ON a.id = p.act_id "
               f"WHERE {' AND '.join(where)} ORDER BY score DESC, p.pk LIMIT :limit OFFSET :offset")
    else:
        match = fts5_expr(terms)
        if body_terms:
            match = f"({match}) AND department : ({fts5_expr(body_terms)})"
        params["q"] = match
        w = ", ".join(str(x) for x in BM25_WEIGHTS)
        sql = (f"SELECT p.pk, -bm25(position_fts, {w}) AS score FROM position_fts "
               "JOIN positions p ON p.pk = position_fts.rowid JOIN acts a ON a.id = p.act_id "
               f"WHERE position_fts MATCH :q AND {' AND '.join(where)} "
               "ORDER BY score DESC, p.pk LIMIT :limit OFFSET :offset")
    return [(r[0], float(r[1])) for r in conn.execute(text(sql), params)], terms


def snippet(fields: dict[str, str], terms: list[tuple[str, ...]], lang: str
            ) -> tuple[str, str, list[tuple[int, int]]]:
    """(field name, snippet text, marked word offsets) for the field matching most query words."""
    wanted = {s for alts in terms for s in alts}
    best: tuple[int, str, str, list] | None = None
    for name in FIELD_ORDER:
        value = fields.get(name) or ""
        if not value:
            continue
        toks = [t for t in tokens(value, lang) if wanted.intersection(t.stems)]
        matched = {alts for alts in terms for t in toks if set(alts) & set(t.stems)}
        if toks and (best is None or len(matched) > best[0]):
            best = (len(matched), name, value, toks)
    if best is None:
        return "title", fields.get("title", ""), []
    _, name, value, toks = best
    value_flat = value.replace("\n", " ")
    start = 0
    end = len(value_flat)
    if end > SNIPPET_CHARS:
        first = toks[0].start
        start = max(0, first - SNIPPET_CHARS // 3)
        if start > 0:
            start = value_flat.rfind(" ", 0, start) + 1
        end = min(len(value_flat), start + SNIPPET_CHARS)
        if end < len(value_flat):
            cut = value_flat.rfind(" ", start, end)
            end = cut if cut > toks[0].end else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(value_flat) else ""
    text_ = prefix + value_flat[start:end] + suffix
    marks = [(t.start - start + len(prefix), t.end - start + len(prefix))
             for t in toks if t.start >= start and t.end <= end]
    return name, text_, marks
