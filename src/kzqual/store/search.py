"""Full-text search over positions, the same tokens and the same ranking on both back ends.

Documents and queries go through :mod:`kzqual.store.stem`; SQLite matches them with FTS5,
PostgreSQL with ``to_tsvector('simple', …)`` over the same stems (narrow tables ``position_match``
and ``position_rank``, GIN indexes).  A query word matches when any of its readings does; every
query word must match (AND).  The database only finds the matches; :func:`rank` -- plain Python
over the posts' stored stems, identical for both -- orders them by :func:`score`, ties by
:func:`stable_key` (post id, act, language, place; never the row key, which follows the ingest
order).  Up to :data:`RANK_ALL_CAP` matches every match is ranked, so both back ends and any
ingest order give the same list.  Snippets are cut from the original text and the matched
original words are marked, by re-analysing the field and comparing stems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import text
from sqlalchemy.engine import Connection

from kzqual.store.stem import guess_lang, stems_of, tokens

# PostgreSQL's vectors: A title, B department (a department restriction matches weight B), C body
RANK_VECTOR = ("setweight(to_tsvector('simple', title), 'A') || "
               "setweight(to_tsvector('simple', department), 'B') || "
               "setweight(to_tsvector('simple', body), 'C')")
# title and department only (small, in the row): the head tier past RANK_ALL_CAP matches; the
# whole vector is matched through its GIN index and never read per row
HEAD_VECTOR = ("setweight(to_tsvector('simple', title), 'A') || "
               "setweight(to_tsvector('simple', department), 'B')")
RANK_ALL_CAP = 1000  # every match is ranked up to this many (see find)
CANDIDATES = 100  # past the cap: posts taken by key to fill the ranked set (more for deep pages)
# Shared score: BM25-style saturation per field; typical field lengths in stems stand in for the
# corpus averages so that a score depends on the post alone, not on what else is loaded.
FIELD_WEIGHTS = (10.0, 4.0, 1.0)
FIELD_AVG_LEN = (6.0, 10.0, 200.0)
K1, B = 1.2, 0.75
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
    title_marks: list[tuple[int, int]] = field(default_factory=list)  # matched words in the title
    lines: tuple[int, int] = (0, 0)
    # the same post in the act's other language text (a search in either language finds the post
    # and links its partner): {"position_id", "language", "method"} or None
    aligned: dict | None = None
    # "exact": every query word as typed (any inflection); "synonym": found through the words a
    # query word stands for (synonyms.json, the taxonomy, aligned kk/ru posts) -- ranked after
    # every exact match; ``synonyms``: the words of the post that matched that way
    match: str = "exact"
    synonyms: list[str] = field(default_factory=list)

    def snippet_marked(self, open_: str = "[", close: str = "]") -> str:
        return mark(self.snippet, self.marks, open_, close)

    def title_marked(self, open_: str = "[", close: str = "]") -> str:
        return mark(self.title, self.title_marks, open_, close)

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}


def mark(text_: str, marks: list[tuple[int, int]], open_: str = "[", close: str = "]") -> str:
    out, pos = [], 0
    for s, e in marks:
        out += [text_[pos:s], open_, text_[s:e], close]
        pos = e
    out.append(text_[pos:])
    return "".join(out)


@lru_cache(maxsize=4096)
def _candidate_words(wanted: frozenset[str]) -> re.Pattern:
    """Words that begin like a wanted stem (give or take a voiced last consonant: талап/талабы);
    the regex engine finds them, stems_of confirms them."""
    # a stem is the beginning of its word, except that a Kazakh vowel ending voices a final
    # п/к/қ (талап -> талабы): then the last letter is left out of the prefix
    prefixes = sorted({w[:-1] if len(w) > 2 and w[-1] in "пкқ" else w for w in wanted},
                      key=len, reverse=True)
    alts = "|".join(re.escape(x).replace("е", "[её]") for x in prefixes)
    return re.compile(r"(?<![^\W_])(?:" + alts + r")[^\W_]*", re.IGNORECASE)


def _matches(value: str, wanted: set[str], lang: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, stems) of the words of ``value`` whose stems are wanted."""
    out = []
    for m in _candidate_words(frozenset(wanted)).finditer(value):
        st = stems_of(m.group(), lang)
        if wanted.intersection(st):
            out.append((m.start(), m.end(), st))
    return out


def synonyms_in(values: list[str], added: dict[str, str], lang: str) -> list[str]:
    """The synonym words (as the synonym data writes them) whose stems ``values`` hold."""
    if not added:
        return []
    wanted = set(added)
    found = {added[s] for v in values if v for _, _, st in _matches(v, wanted, lang) for s in st if s in added}
    return sorted(found)


def marks_in(value: str, terms: list[tuple[str, ...]], lang: str) -> list[tuple[int, int]]:
    """Offsets of the words of ``value`` that match a query term (by stem)."""
    wanted = {s for alts in terms for s in alts}
    return [(a, b) for a, b, _ in _matches(value, wanted, lang)]


def canonical_category(cat: str) -> str:
    """"С-4" (Cyrillic, as printed) -> "C-4" (the ASCII key positions use)."""
    return cat.strip().translate(_CAT).upper()


def query_words(query: str, lang: str | None) -> list[tuple[str, tuple[str, ...]]]:
    """(word as typed, its alternative stems) per distinct query word; unknown language -> both
    stemmers."""
    from kzqual.store.synonyms import stopwords

    lang = lang or guess_lang(query)
    out: list[tuple[str, tuple[str, ...]]] = []
    stop = stopwords()
    toks = [tok for tok in tokens(query, None) if tok.text.lower() not in stop] or tokens(query, None)
    for tok in toks:
        alts = stems_of(tok.text, lang)
        if all(alts != a for _, a in out):
            out.append((tok.text, alts))
    return out


def query_terms(query: str, lang: str | None) -> list[tuple[str, ...]]:
    """One tuple of alternative stems per query word; unknown language -> both stemmers."""
    return [alts for _, alts in query_words(query, lang)]


def expanded_terms(query: str, lang: str | None, learned: tuple = ()):
    """(exact terms, terms widened by synonyms, what each word gained) -- the exact terms when
    no word has a synonym (then the expansions are empty)."""
    from kzqual.store.synonyms import expand

    qw = query_words(query, lang)
    exact = [alts for _, alts in qw]
    wide, expansions = expand([w for w, _ in qw], exact, learned)
    return exact, wide, expansions


def fts5_expr(terms: list[tuple[str, ...]]) -> str:
    return " AND ".join("(" + " OR ".join(f'"{s}"' for s in alts) + ")" for alts in terms)


def tsquery_expr(terms: list[tuple[str, ...]], weight: str = "") -> str:
    """``(a | b) & (c)``; ``weight`` restricts each stem to one field (``'x':B``)."""
    w = f":{weight}" if weight else ""
    return " & ".join("(" + " | ".join(f"'{s}'{w}" for s in alts) + ")" for alts in terms)


def in_force_sql(param: str = "d") -> str:
    """Acts in force on date :param — adopted/effective by then and not repealed by then."""
    return (f"(a.effective_from IS NULL OR a.effective_from <= :{param}) AND "
            f"(a.status <> 'repealed' OR (a.repealed_on IS NOT NULL AND a.repealed_on > :{param}))")


def _staged(vector: str) -> str:
    """A vector expression over the scratch table's columns (``positions`` has a title too)."""
    return vector.replace("'simple', ", "'simple', s.")


def write_index(conn: Connection, dialect: str, rows: list[tuple[int, dict[str, str]]]) -> None:
    if not rows:
        return
    if dialect == "postgresql":
        # COPY the stems into a scratch table, then build the vectors in one statement per table
        conn.execute(text("CREATE TEMP TABLE IF NOT EXISTS search_stage (pk integer, title text, "
                          "department text, body text) ON COMMIT DELETE ROWS"))
        dbapi = conn.connection.driver_connection
        with dbapi.cursor() as cur, cur.copy("COPY search_stage (pk, title, department, body) FROM STDIN") as cp:
            for pk, r in rows:
                cp.write_row((pk, r["title"], r["department"], r["body"]))
        conn.execute(text(
            "INSERT INTO position_search (position_pk, tsv, dept_tsv, title, department, body) "
            "SELECT pk, setweight(to_tsvector('simple', title), 'A') || "
            "setweight(to_tsvector('simple', department), 'B') || "
            "setweight(to_tsvector('simple', body), 'D'), "
            "to_tsvector('simple', department), title, department, body FROM search_stage"))
        # the matching and ranking tables carry the filters (act, language) in their own rows
        conn.execute(text(
            f"INSERT INTO position_match (position_pk, act_id, language, tsv) "
            f"SELECT s.pk, p.act_id, p.language, {_staged(RANK_VECTOR)} FROM search_stage s "
            "JOIN positions p ON p.pk = s.pk ORDER BY s.pk"))
        conn.execute(text(
            f"INSERT INTO position_rank (position_pk, act_id, language, head) "
            f"SELECT s.pk, p.act_id, p.language, {_staged(HEAD_VECTOR)} FROM search_stage s "
            "JOIN positions p ON p.pk = s.pk ORDER BY s.pk"))
        conn.execute(text("DELETE FROM search_stage"))
    else:
        conn.connection.driver_connection.executemany(
            "INSERT INTO position_fts (rowid, title, department, body) VALUES (?, ?, ?, ?)",
            [(pk, r["title"], r["department"], r["body"]) for pk, r in rows])


def after_bulk_load(conn: Connection, dialect: str) -> None:
    """Call after a large load (PostgreSQL; nothing to do on SQLite): planner statistics for the
    matching tables, and the GIN indexes' pending lists merged, so that the first searches
    neither guess plans nor scan megabytes of pending entries one by one."""
    if dialect != "postgresql":
        return
    conn.execute(text("ANALYZE position_match, position_rank"))
    for index in ("ix_position_match_tsv", "ix_position_rank_head"):
        conn.execute(text(f"SELECT gin_clean_pending_list('{index}'::regclass)"))


def score(fields: tuple[str, str, str], terms: list[tuple[str, ...]]) -> float:
    """Rank of one post for the query, from its stemmed title, department and body (strings of
    space-separated stems): :func:`field_score` of the title and the department, and
    :func:`body_part` for the words only the body holds (what :func:`rank` computes from the
    stored body length)."""
    words = padded_terms(terms)
    title, dept, body = fields
    return (field_score(title, 0, words) + field_score(dept, 1, words)
            + body_part(title, dept, len(body.split()), words))


def padded_terms(terms: list[tuple[str, ...]], *, encoded: bool = False) -> list[tuple]:
    """Each query word's stems as `` stem `` (what :func:`field_score` counts), made once per
    query; ``encoded``: as UTF-8 bytes."""
    return [tuple(f" {s} ".encode() if encoded else f" {s} " for s in alts) for alts in terms]


def field_score(text_: str | bytes, field: int, words: list[tuple]) -> float:
    """One field's part of :func:`score` (0 title, 1 department, 2 body): BM25-style saturation
    of each query word's count (str.count, in C: this runs per ranked post).  ``text_`` may be
    the UTF-8 bytes of the stems, with ``words`` encoded alike: the counts are the same."""
    if not text_:
        return 0.0
    space = b" " if isinstance(text_, bytes) else " "
    padded = space + text_ + space
    norm = K1 * (1 - B + B * (text_.count(space) + 1) / FIELD_AVG_LEN[field])
    weight = FIELD_WEIGHTS[field]
    part = 0.0
    for alts in words:
        tf = 0
        for s in alts:
            tf += padded.count(s)
        if tf:
            part += weight * tf * (K1 + 1) / (tf + norm)
    return part


def _filters(lang, category, in_force_on, body_terms, dialect, act_keys=None) -> tuple[list[str], dict]:
    """SQLite's filters (FTS5 table joined to ``positions`` p and ``acts`` a)."""
    where = ["a.is_current = :cur"]
    params: dict = {"cur": True}
    if act_keys is not None:
        names = [f"k{i}" for i in range(len(act_keys))]
        where.append(f"a.key IN ({', '.join(':' + n for n in names)})" if names else "0 = 1")
        params.update(zip(names, act_keys, strict=True))
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
    return where, params


def _match(dialect: str, terms, body_terms) -> str:
    if dialect == "postgresql":
        return tsquery_expr(terms)
    extra = f" AND department : ({fts5_expr(body_terms)})" if body_terms else ""
    return f"({fts5_expr(terms)}){extra}"


def _match_sql(dialect: str, columns: str, where: list[str], order: str = "") -> str:
    return (f"SELECT {columns} FROM position_fts JOIN positions p ON p.pk = position_fts.rowid "
            f"JOIN acts a ON a.id = p.act_id WHERE position_fts MATCH :q AND {' AND '.join(where)}{order}")


@dataclass(frozen=True, slots=True)
class _PgQuery:
    """One PostgreSQL search: the filters, and the SQL over the two narrow tables.

    ``position_match`` m (key, act, language, whole vector out of line; GIN) answers "which
    posts match"; ``position_rank`` h (key, act, language, title+department vector in line;
    GIN) answers the title/department tier (past RANK_ALL_CAP matches).  Both carry the act and
    language, so the usual filters never touch ``positions`` (only a category filter does)."""

    lang: str | None
    category: str | None
    in_force_on: str | None
    body: bool  # a department restriction (weight B of the head vector)
    act_keys: tuple[str, ...] | None = None  # only these acts (a state body's)

    def params(self, conn: Connection, terms, body_terms) -> dict | None:
        """The bound values; None when no act passes the act filters (nothing can match).

        The current (and in-force) acts are looked up first -- a handful of rows -- so the
        matching rows are filtered by ``act_id = ANY(…)`` as they are read, with no join."""
        act_sql = "SELECT a.id FROM acts a WHERE a.is_current = :cur"
        act_params: dict = {"cur": True}
        if self.in_force_on:
            act_sql += " AND " + in_force_sql()
            act_params["d"] = self.in_force_on
        if self.act_keys is not None:
            if not self.act_keys:
                return None
            names = [f"k{i}" for i in range(len(self.act_keys))]
            act_sql += f" AND a.key IN ({', '.join(':' + n for n in names)})"
            act_params.update(zip(names, self.act_keys, strict=True))
        acts = conn.execute(text(act_sql), act_params).scalars().all()
        if not acts:
            return None
        params: dict = {"acts": list(acts), "q": tsquery_expr(terms)}
        if self.lang:
            params["lang"] = self.lang
        if self.category:
            params["cat"] = canonical_category(self.category)
            params["cat_raw"] = self.category.strip()
        if self.body:
            params["bq"] = tsquery_expr(body_terms, weight="B")
        return params

    def sql(self, vector: str, cols: str, tail: str = "", *, prefix: int | None = None) -> str:
        """``vector`` "tsv" (the whole post: table m) or "head" (title + department: table h);
        ``prefix``: only the first that many rows by key are looked at."""
        table = "position_match" if vector == "tsv" else "position_rank"
        k = "m" if vector == "tsv" else "h"
        src = f"{table} {k}"
        if prefix is not None:
            src = f"(SELECT * FROM {table} ORDER BY position_pk LIMIT {int(prefix)}) {k}"
        if vector == "tsv" and self.body:
            src += " JOIN position_rank h ON h.position_pk = m.position_pk"
        where = [f"{k}.{vector} @@ to_tsquery('simple', :q)", f"{k}.act_id = ANY(:acts)"]
        if self.lang:
            where.append(f"{k}.language = :lang")
        if self.category:
            src += f" JOIN positions p ON p.pk = {k}.position_pk"
            where.append("(p.category = :cat OR p.category_raw = :cat_raw)")
        if self.body:
            where.append("h.head @@ to_tsquery('simple', :bq)")
        return f"SELECT {cols} FROM {src} WHERE {' AND '.join(where)}{tail}"


def _pg_session(conn: Connection) -> None:
    """Planner settings for this transaction only.  A sequential scan must fetch every whole
    vector out of line to test it (0.5-0.9 s at 100,000 posts), which the planner prices below
    the GIN bitmap for a common word; with it priced out, plans carry a huge nominal cost that
    would start JIT compilation (tens of ms) for queries that run in a few ms; and parallel
    workers cost more to start than these scans of a narrow table take.  psycopg prepares a
    statement after its fifth use, and after five more the server may switch it to a generic plan
    made without the query words -- a plan for an average word, wrong for a common or a rare one:
    every search is planned for its own words (planning costs well under a millisecond)."""
    conn.execute(text("SET LOCAL enable_seqscan = off; SET LOCAL jit = off; "
                      "SET LOCAL max_parallel_workers_per_gather = 0; "
                      "SET LOCAL plan_cache_mode = force_custom_plan"))


def find(conn: Connection, dialect: str, query: str, *, lang: str | None, body: str | None,
         category: str | None, in_force_on: str | None, limit: int, offset: int,
         terms: list[tuple[str, ...]] | None = None, act_keys: list[str] | None = None
         ) -> tuple[list[tuple[int, float]], list[tuple[str, ...]]]:
    """(position pk, score) best first, and the query terms used.

    The database only finds the matches; :func:`rank` -- the same Python on both back ends --
    orders them by :func:`score`, ties by :func:`stable_key`.  Up to :data:`RANK_ALL_CAP` matches
    every match is ranked, so the answer depends neither on the back end nor on the order the
    acts were ingested in.  Past the cap the tiers of :func:`_fts5_window` / :func:`_pg_window`
    choose which matches are ranked (every title/department match up to the cap, then the first
    :data:`CANDIDATES` -- or twice the page end -- by registry key)."""
    window = max(CANDIDATES, 2 * (offset + limit))
    terms = terms if terms is not None else query_terms(query, lang)
    if not terms:
        return [], terms
    body_terms = query_terms(body, None) if body else []
    if dialect == "postgresql":
        _pg_session(conn)
        pq = _PgQuery(lang, category, in_force_on, bool(body_terms), tuple(act_keys) if act_keys is not None else None)
        params = pq.params(conn, terms, body_terms)
        found = _pg_window(conn, pq, params, window) if params is not None else []
    else:
        where, params = _filters(lang, category, in_force_on, body_terms, dialect, act_keys)
        params["q"] = _match(dialect, terms, body_terms)
        params["window"] = window
        found = _fts5_window(conn, where, params, terms, body_terms)
    ranked = rank(conn, dialect, found, terms, offset + limit)
    return [(pk, sc) for sc, _, pk in ranked[offset : offset + limit]], terms


KEY_COLUMNS = "position_id, act_key, language, ord"  # of ``positions``: what stable_key reads
HEAD_COLUMNS = "title, department"  # stems of the search table, read with the matches
BODY_COLUMN = "body_words"  # of ``positions``: the body's length, all the score needs of it


def stable_key(row) -> tuple:
    """What orders posts of equal score, identically on both back ends and whatever order the acts
    were ingested in: the post's id, its act, language and place in the act -- compared as Python
    strings (code points, i.e. UTF-8 byte order), never by a database collation or the row key."""
    _pk, position_id, act_key, language, ord_ = row[:5]
    return (position_id, act_key, language, ord_)


def rank(conn: Connection, dialect: str, rows: list, terms: list[tuple[str, ...]], need: int
         ) -> list[tuple[float, tuple, int]]:
    """(score, stable key, pk) of ``rows`` (pk, KEY_COLUMNS, title stems, department stems,
    body length), best first.

    Nothing more is read: the title and department stems come with every row, and a match
    guarantees that every query word not in them is in the body, where it counts once against
    the body's stored length (:func:`body_part`).  ``need`` is kept for the callers' sake: every
    row is scored exactly."""
    if not rows:
        return []
    words = padded_terms(terms)
    ranked = []
    for r in rows:
        title, dept = r[5] or "", r[6] or ""
        head = field_score(title, 0, words) + field_score(dept, 1, words)
        ranked.append((head + body_part(title, dept, r[7] or 0, words), stable_key(r), r[0]))
    ranked.sort(key=lambda c: (-c[0], c[1]))
    return ranked


def body_part(title: str, dept: str, body_words: int, words: list[tuple]) -> float:
    """The body's part of the score without the body: each query word that neither the title
    nor the department holds is in the body (the post matched every word), counted once,
    saturated against the body's length like :func:`field_score`."""
    if not body_words:
        return 0.0
    head = f" {title} {dept} "
    missing = sum(1 for alts in words if not any(s in head for s in alts))
    if not missing:
        return 0.0
    norm = K1 * (1 - B + B * body_words / FIELD_AVG_LEN[2])
    return missing * FIELD_WEIGHTS[2] * (K1 + 1) / (1 + norm)


def _pg_count(conn: Connection, pq: _PgQuery, vector: str, params: dict, cap: int) -> int:
    """Matches, counted up to ``cap``: the GIN bitmap over the narrow table, never a walk of
    the key index (which would test each row's vector, fetching it out of line)."""
    conn.execute(text("SET LOCAL enable_indexscan = off"))
    try:
        return conn.execute(text(f"SELECT count(*) FROM ({pq.sql(vector, '1')} LIMIT {int(cap)}) AS m"),
                            params).scalar_one()
    finally:
        conn.execute(text("SET LOCAL enable_indexscan = on"))


KEY_PREFIX_FACTOR = 4  # rows looked at in key order per row wanted, before sorting every match


def _pg_first_by_key(conn: Connection, pq: _PgQuery, vector: str, params: dict, n: int) -> list[int]:
    """The first ``n`` matches by key.  A word this common is usually dense: the first
    ``KEY_PREFIX_FACTOR * n`` rows by key are read and tested (a few hundred vectors) and that is
    enough; when it is not (the word's posts sit together further on), every match is taken from
    the GIN bitmap and sorted -- never the key index walked to the end testing each row's vector."""
    k = "m" if vector == "tsv" else "h"
    prefix = KEY_PREFIX_FACTOR * n
    params = {**params, "n": n}
    pks = conn.execute(text(pq.sql(vector, f"{k}.position_pk", f" ORDER BY {k}.position_pk LIMIT :n",
                                   prefix=prefix)), params).scalars().all()
    if len(pks) == n:
        return list(pks)
    conn.execute(text("SET LOCAL enable_indexscan = off"))
    try:
        # "+ 0": sort the bitmap's matches by key
        return list(conn.execute(text(pq.sql(vector, f"{k}.position_pk", f" ORDER BY {k}.position_pk + 0 LIMIT :n")),
                                 params).scalars().all())
    finally:
        conn.execute(text("SET LOCAL enable_indexscan = on"))


def _pg_window(conn: Connection, pq: _PgQuery, params: dict, window: int) -> list:
    """PostgreSQL's counterpart of :func:`_fts5_window`: every match up to RANK_ALL_CAP; beyond,
    the head matches (title, department; by key if they too exceed the cap), body-only matches
    filling the window by key.  Returns (pk, KEY_COLUMNS, HEAD_COLUMNS) rows."""
    params = {**params, "window": window}
    # a head match is a match (the head's stems are in the whole vector): past the cap in the
    # head means past it overall, and the larger count of the whole vector is not needed
    head_over = _pg_count(conn, pq, "head", params, RANK_ALL_CAP + 1) > RANK_ALL_CAP
    if not head_over and _pg_count(conn, pq, "tsv", params, RANK_ALL_CAP + 1) <= RANK_ALL_CAP:
        pks = list(conn.execute(text(pq.sql("tsv", "m.position_pk")), params).scalars().all())
    else:
        if not head_over:
            pks = list(conn.execute(text(pq.sql("head", "h.position_pk")), params).scalars().all())
        else:
            pks = _pg_first_by_key(conn, pq, "head", params, window)
        if len(pks) < window:
            seen = set(pks)
            more = _pg_first_by_key(conn, pq, "tsv", params, window + len(seen))
            pks += [pk for pk in more if pk not in seen][: window - len(pks)]
    if not pks:
        return []
    keys = ", ".join(f"p.{c}" for c in KEY_COLUMNS.split(", "))
    heads = ", ".join(f"s.{c}" for c in HEAD_COLUMNS.split(", "))
    return conn.execute(text(f"SELECT p.pk, {keys}, {heads}, p.{BODY_COLUMN} FROM positions p JOIN position_search s "
                             "ON s.position_pk = p.pk WHERE p.pk IN ("
                             + ", ".join(str(int(pk)) for pk in pks) + ")")).all()


def _fts5_window(conn: Connection, where: list[str], params: dict, terms, body_terms) -> list:
    """The matches :func:`rank` orders, as (pk, KEY_COLUMNS, HEAD_COLUMNS) rows: every match when there are
    at most RANK_ALL_CAP.  Beyond (a word in most of 100,000 posts), the posts with every word in
    the title or department (all of them when they are at most RANK_ALL_CAP, else the first
    ``params["window"]`` by key), and body-only matches fill the window by key -- as PostgreSQL
    does with its head vector."""
    cols = ("p.pk, " + ", ".join(f"p.{c}" for c in KEY_COLUMNS.split(", ")) + ", "
            + ", ".join(f"position_fts.{c}" for c in HEAD_COLUMNS.split(", ")) + f", p.{BODY_COLUMN}")

    def n_matches(q: str) -> int:
        sql = f"SELECT count(*) FROM ({_match_sql('sqlite', '1', where)} LIMIT {RANK_ALL_CAP + 1}) AS m"
        return conn.execute(text(sql), {**params, "q": q}).scalar_one()

    if n_matches(params["q"]) <= RANK_ALL_CAP:
        return conn.execute(text(_match_sql("sqlite", cols, where)), params).all()
    extra = f" AND department : ({fts5_expr(body_terms)})" if body_terms else ""
    head_q = f"{{title department}} : ({fts5_expr(terms)}){extra}"
    # key order: FTS5 yields rowids (= post keys) in order, so no sort of every match
    by_key = " ORDER BY position_fts.rowid LIMIT :window"
    order = "" if n_matches(head_q) <= RANK_ALL_CAP else by_key
    found = conn.execute(text(_match_sql("sqlite", cols, where, order)), {**params, "q": head_q}).all()
    if len(found) < params["window"]:
        seen = {r[0] for r in found}
        more = conn.execute(text(_match_sql("sqlite", cols, where, " ORDER BY position_fts.rowid LIMIT :more")),
                            {**params, "more": params["window"] + len(seen)}).all()
        found += [r for r in more if r[0] not in seen][: params["window"] - len(found)]
    return found


def count(conn: Connection, dialect: str, query: str, *, lang: str | None, body: str | None,
          category: str | None, in_force_on: str | None, cap: int | None = None,
          terms: list[tuple[str, ...]] | None = None, act_keys: list[str] | None = None) -> int:
    """How many posts match (at most ``cap + 1``): what :func:`find` pages through."""
    terms = terms if terms is not None else query_terms(query, lang)
    if not terms:
        return 0
    body_terms = query_terms(body, None) if body else []
    if dialect == "postgresql":
        _pg_session(conn)
        pq = _PgQuery(lang, category, in_force_on, bool(body_terms), tuple(act_keys) if act_keys is not None else None)
        params = pq.params(conn, terms, body_terms)
        if params is None:
            return 0
        if cap is not None:
            return _pg_count(conn, pq, "tsv", params, cap + 1)
        return int(conn.execute(text(f"SELECT count(*) FROM ({pq.sql('tsv', '1')}) AS matched"),
                                params).scalar_one())
    where, params = _filters(lang, category, in_force_on, body_terms, dialect, act_keys)
    params["q"] = _match(dialect, terms, body_terms)
    sql = _match_sql(dialect, "1", where)
    if cap is not None:
        sql += " LIMIT :cap"
        params["cap"] = cap + 1
    return int(conn.execute(text(f"SELECT count(*) FROM ({sql}) AS matched"), params).scalar_one())


def snippet(fields: dict[str, str], terms: list[tuple[str, ...]], lang: str
            ) -> tuple[str, str, list[tuple[int, int]]]:
    """(field name, snippet text, marked word offsets) for the field matching most query words.

    The title is shown (and marked) anyway, so a matching body field is preferred for the
    snippet; the title is the snippet only when nothing else matches."""
    wanted = {s for alts in terms for s in alts}
    best: tuple[int, str, str, list] | None = None
    for name in (*FIELD_ORDER[1:], FIELD_ORDER[0]):
        value = fields.get(name) or ""
        if not value or (name == "title" and best):
            continue
        toks = _matches(value, wanted, lang)
        if not toks:
            continue
        matched = sum(1 for alts in terms if any(set(alts) & set(st) for _, _, st in toks))
        if best is None or matched > best[0]:
            best = (matched, name, value, toks)
        if matched == len(terms):
            break  # every word shown: no need to read the longer fields
    if best is None:
        return "title", fields.get("title", ""), []
    _, name, value, toks = best
    value_flat = value.replace("\n", " ")
    start = 0
    end = len(value_flat)
    first_start, first_end = toks[0][0], toks[0][1]
    if end > SNIPPET_CHARS:
        start = max(0, first_start - SNIPPET_CHARS // 3)
        if start > 0:
            start = value_flat.rfind(" ", 0, start) + 1
        end = min(len(value_flat), start + SNIPPET_CHARS)
        if end < len(value_flat):
            cut = value_flat.rfind(" ", start, end)
            end = cut if cut > first_end else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(value_flat) else ""
    text_ = prefix + value_flat[start:end] + suffix
    marks = [(a - start + len(prefix), b - start + len(prefix)) for a, b, _ in toks if a >= start and b <= end]
    return name, text_, marks


FACET_CAP = 20_000  # facets count at most this many matches (flagged when reached)


def facet_rows(conn: Connection, dialect: str, terms: list[tuple[str, ...]], body: str | None
               ) -> tuple[list[tuple[int, str, str | None, int, str | None]], bool]:
    """(act row id, post language, category, posts, the category as printed) over the matches of ``terms`` in every
    current act (in force or not, any language, any category: each facet's counts leave its own
    filter out), and whether the count stopped at :data:`FACET_CAP`."""
    if not terms:
        return [], False
    body_terms = query_terms(body, None) if body else []
    if dialect == "postgresql":
        _pg_session(conn)
        pq = _PgQuery(None, None, None, bool(body_terms))
        params = pq.params(conn, terms, body_terms)
        if params is None:
            return [], False
        inner = pq.sql("tsv", "m.act_id, m.language, m.position_pk", f" LIMIT {FACET_CAP}")
        sql = (f"SELECT x.act_id, x.language, p.category, count(*), min(p.category_raw) FROM ({inner}) x "
               "JOIN positions p ON p.pk = x.position_pk GROUP BY x.act_id, x.language, p.category")
    else:
        where, params = _filters(None, None, None, body_terms, dialect)
        params["q"] = _match(dialect, terms, body_terms)
        inner = _match_sql(dialect, "a.id AS act_id, p.language AS language, p.category AS category, "
                           "p.category_raw AS raw", where)
        sql = (f"SELECT act_id, language, category, count(*), min(raw) FROM ({inner} LIMIT {FACET_CAP}) "
               "GROUP BY act_id, language, category")
    out = [(int(a), lang, cat, int(n), raw) for a, lang, cat, n, raw in conn.execute(text(sql), params).all()]
    return out, sum(r[3] for r in out) >= FACET_CAP
