"""Full-text search over stored documents and claims: SQLite FTS5, or PostgreSQL's own full-text search.

The search index is derived data, not part of the schema: ``ensure_index``
creates it on first use (and fills it from the rows already stored), and from
then on the database keeps it current itself, whoever writes (the CLI, the web
app, ``watch``):

* SQLite: two FTS5 tables with the Porter stemmer, ``search_docs`` (title,
  outlet, text; rowid = ``documents.seq``) and ``search_claims`` (claim text;
  rowid = ``seq * CLAIM_SLOT + pos``), maintained by triggers on
  ``documents``, ``extractions`` and ``x_claims``. Integer keys derived from
  ``documents.seq`` (unique and never reused) make every delete a rowid range,
  never a scan, and survive VACUUM.
* PostgreSQL: GIN indexes over ``to_tsvector('english', …)`` expressions of
  the same columns; the queries repeat those expressions so the planner uses them.

Claims are searched in the per-document extractions (``x_claims``), so they
are found before any analysis and are not stored again per run. Filters that
need an analysis (a fact's status, a flag's kind) read the latest whole-store
run.

User queries never reach a query language raw: SQLite gets each word as a
quoted FTS5 string (all words must occur), PostgreSQL the words alone through
``plainto_tsquery`` (all words, its stop words dropped).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, bindparam, func, literal_column, select, text
from sqlalchemy.exc import SQLAlchemyError

from . import schema as s
from .engine import store_error, write_tx

__all__ = ["CLAIM_SLOT", "ClaimHit", "DocHit", "Facets", "SearchFilters", "SearchPage", "ensure_index", "facets",
           "fts_query", "latest_run", "search", "split_snippet"]

#: rowid slots per document in ``search_claims`` (claims of one document stay far below a million).
CLAIM_SLOT = 1_000_000
#: Characters around the matched words in a snippet's marker-delimited text (FTS5 counts tokens: 20).
SNIPPET_TOKENS = 20
#: Markers around matched words inside snippets; control characters never typed in a query or shown.
HIT_START, HIT_END = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
_TS = "to_tsvector('english', {})"
_PG_DOC = "coalesce(title, '') || ' ' || coalesce(outlet, '') || ' ' || text"

# The triggers insert OR REPLACE: a writer that stores a row again without deleting it first (a later
# change to the store's own code) never fails because of the index; a stale claim row whose x_claims
# row is gone matches nothing, since every query joins back to x_claims.
_SQLITE_DDL = (
    "CREATE VIRTUAL TABLE search_docs USING fts5(title, outlet, text, tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE search_claims USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')",
    ("CREATE TRIGGER search_docs_ai AFTER INSERT ON documents BEGIN "
    "INSERT OR REPLACE INTO search_docs(rowid, title, outlet, text) VALUES (new.seq, new.title, new.outlet, new.text); END"),
    (f"CREATE TRIGGER search_docs_ad AFTER DELETE ON documents BEGIN "
    f"DELETE FROM search_docs WHERE rowid = old.seq; "
    f"DELETE FROM search_claims WHERE rowid >= old.seq * {CLAIM_SLOT} AND rowid < (old.seq + 1) * {CLAIM_SLOT}; END"),
    ("CREATE TRIGGER search_docs_au AFTER UPDATE OF title, outlet, text ON documents BEGIN "
    "UPDATE search_docs SET title = new.title, outlet = new.outlet, text = new.text WHERE rowid = new.seq; END"),
    (f"CREATE TRIGGER search_claims_ai AFTER INSERT ON x_claims BEGIN "
    f"INSERT OR REPLACE INTO search_claims(rowid, text) SELECT d.seq * {CLAIM_SLOT} + new.pos, new.text "
    f"FROM documents d WHERE d.id = new.xdoc; END"),
    (f"CREATE TRIGGER search_claims_ad AFTER DELETE ON extractions BEGIN "
    f"DELETE FROM search_claims WHERE rowid >= (SELECT seq FROM documents WHERE id = old.xdoc) * {CLAIM_SLOT} "
    f"AND rowid < ((SELECT seq FROM documents WHERE id = old.xdoc) + 1) * {CLAIM_SLOT}; END"),
)
_SQLITE_FILL = (
    "INSERT INTO search_docs(rowid, title, outlet, text) SELECT seq, title, outlet, text FROM documents",
    (f"INSERT INTO search_claims(rowid, text) SELECT d.seq * {CLAIM_SLOT} + c.pos, c.text "
    f"FROM x_claims c JOIN documents d ON d.id = c.xdoc"),
)
_PG_DDL = (
    f"CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents USING gin ({_TS.format('(' + _PG_DOC + ')')})",
    f"CREATE INDEX IF NOT EXISTS ix_x_claims_fts ON x_claims USING gin ({_TS.format('text')})",
)


@dataclass(frozen=True)
class SearchFilters:
    """What narrows a search: outlet (exact, any case), published dates (ISO, inclusive), fact status, flag kind."""

    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    status: str | None = None  # claims in a fact of this status (latest analysis)
    flag: str | None = None  # documents with a flag of this kind, and their claims


@dataclass(frozen=True)
class DocHit:
    """A matching document; ``snippet`` is its text around the matched words (markers: ``split_snippet``)."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str


@dataclass(frozen=True)
class ClaimHit:
    """A matching claim: where it is and, after an analysis, the status of its fact."""

    id: str
    doc: str
    start: int
    end: int
    snippet: str
    outlet: str | None
    status: str | None


@dataclass(frozen=True)
class SearchPage:
    """One page of results: documents and claims, each with its total count."""

    docs: tuple[DocHit, ...] = ()
    claims: tuple[ClaimHit, ...] = ()
    n_docs: int = 0
    n_claims: int = 0


@dataclass(frozen=True)
class Facets:
    """The values each filter can take in this store."""

    outlets: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    dates: tuple[str, str] | None = None  # earliest and latest published date
    run: int | None = field(default=None, compare=False)


def fts_query(query: str) -> str:
    """A safe FTS5 query: every word quoted, all required ('' when the query has no word)."""
    return " ".join(f'"{w}"' for w in _WORD.findall(query))


def split_snippet(snippet: str) -> tuple[tuple[str, bool], ...]:
    """A snippet as (text, is a matched word) parts, for a template to mark up with autoescaping."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(snippet.split(HIT_START)):
        hit, _, rest = chunk.partition(HIT_END) if i else ("", "", chunk)
        if hit:
            parts.append((hit, True))
        if rest:
            parts.append((rest, False))
    return tuple(parts)


def latest_run(conn: Connection) -> int | None:
    """The latest finished whole-store analysis run (the one ``Store.stories`` lists), or None."""
    r = s.runs
    q = select(func.max(r.c.id)).where(r.c.kind == "analyze", r.c.status == "done", r.c.story.is_(None))
    return conn.execute(q).scalar()


def ensure_index(engine: Engine) -> None:
    """Create the search index where it is missing and fill it from the stored rows (one transaction).

    A store that cannot be written (read-only) raises a one-line ``StoreError``."""
    try:
        _ensure_index(engine)
    except SQLAlchemyError as exc:
        raise store_error(exc, str(engine.url)) from exc


def _ensure_index(engine: Engine) -> None:
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            if _sqlite_has_index(conn):
                return
        with write_tx(engine) as conn:
            if _sqlite_has_index(conn):  # another process made it meanwhile
                return
            for ddl in (*_SQLITE_DDL, *_SQLITE_FILL):
                conn.exec_driver_sql(ddl)
    else:
        with write_tx(engine) as conn:
            for ddl in _PG_DDL:
                conn.exec_driver_sql(ddl)


def _sqlite_has_index(conn: Connection) -> bool:
    names = set(conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE name IN ('search_docs', 'search_claims_ad')").scalars())
    return len(names) == 2


def facets(conn: Connection) -> Facets:
    """Outlets, fact statuses, flag kinds and the date range the filters can choose from."""
    d = s.documents
    outlets = tuple(o for o in conn.execute(select(d.c.outlet).where(d.c.outlet.is_not(None)).distinct()
                                            .order_by(d.c.outlet)).scalars() if o.strip())
    lo, hi = conn.execute(select(func.min(d.c.published), func.max(d.c.published))).one()
    run = latest_run(conn)
    statuses: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    if run is not None:
        statuses = tuple(conn.execute(select(s.facts.c.status).where(s.facts.c.run == run).distinct()
                                      .order_by(s.facts.c.status)).scalars())
        flags = tuple(conn.execute(select(s.flags.c.kind).where(s.flags.c.run == run).distinct()
                                   .order_by(s.flags.c.kind)).scalars())
    return Facets(outlets, statuses, flags, (lo[:10], hi[:10]) if lo and hi else None, run)


def _status_of_claims(conn: Connection, run: int | None) -> dict[str, str]:
    if run is None:
        return {}
    out: dict[str, str] = {}
    for status, claims in conn.execute(select(s.facts.c.status, s.facts.c.claims).where(s.facts.c.run == run)):
        for c in claims or ():
            out.setdefault(c, status)
    return out


def _doc_filter(conn: Connection, f: SearchFilters, run: int | None):
    """Where-clauses over ``documents`` for the filters (None: nothing can match)."""
    d = s.documents
    where = []
    if f.outlet:
        where.append(func.lower(d.c.outlet) == f.outlet.strip().lower())
    if f.date_from:
        where.append(func.substr(d.c.published, 1, 10) >= f.date_from[:10])
    if f.date_to:
        where.append(func.substr(d.c.published, 1, 10) <= f.date_to[:10])
    if f.flag:
        if run is None:
            return None
        where.append(d.c.id.in_(select(s.flags.c.doc).where(s.flags.c.run == run, s.flags.c.kind == f.flag)))
    return where


def search(engine: Engine, query: str, filters: SearchFilters = SearchFilters(), limit: int = 20,
           offset: int = 0) -> SearchPage:
    """Documents and claims matching ``query`` (all its words, stemmed) and the filters, best first.

    An empty query lists the documents (newest first) and, when a claim filter
    (status, flag) is given, the claims that pass the filters.
    """
    ensure_index(engine)
    with engine.connect() as conn:
        run = latest_run(conn)
        where = _doc_filter(conn, filters, run)
        if where is None:
            return SearchPage()
        statuses = _status_of_claims(conn, run) if (filters.status or run is not None) else {}
        # Both engines: every word required, no operators (PostgreSQL drops its stop words).
        words = fts_query(query) if engine.dialect.name == "sqlite" else " ".join(_WORD.findall(query))
        doc_ids = _match_docs(conn, engine.dialect.name, words, where) if words.strip() or not filters.status else []
        claim_rows = (_match_claims(conn, engine.dialect.name, words, where)
                      if words.strip() or filters.status or filters.flag else [])
        if filters.status:
            claim_rows = [r for r in claim_rows if statuses.get(r[0]) == filters.status]
            doc_keep = {r[1] for r in claim_rows}
            doc_ids = [i for i in doc_ids if i in doc_keep]
        docs = _doc_hits(conn, engine.dialect.name, words, doc_ids[offset: offset + limit])
        claims = _claim_hits(conn, engine.dialect.name, words, claim_rows[offset: offset + limit], statuses)
    return SearchPage(docs=docs, claims=claims, n_docs=len(doc_ids), n_claims=len(claim_rows))


def _match_docs(conn: Connection, dialect: str, words: str, where) -> list[str]:
    d = s.documents
    if not words.strip():
        return list(conn.execute(select(d.c.id).where(*where).order_by(d.c.seq.desc())).scalars())
    if dialect == "sqlite":
        q = (select(d.c.id).select_from(d.join(text("search_docs"), text("search_docs.rowid = documents.seq")))
             .where(text("search_docs MATCH :q"), *where).order_by(text("search_docs.rank")))
    else:
        tsq = func.plainto_tsquery("english", bindparam("q"))
        # The index's own expression (only ``documents`` is in FROM, so the names are unambiguous).
        vec = literal_column(_TS.format("(" + _PG_DOC + ")"))
        q = select(d.c.id).where(vec.op("@@")(tsq), *where).order_by(func.ts_rank(vec, tsq).desc(), d.c.seq)
    return list(conn.execute(q, {"q": words}).scalars())


def _match_claims(conn: Connection, dialect: str, words: str, where) -> list[tuple[str, str, int]]:
    """(claim id, document id, claim pos) of matching claims, best first."""
    d, c = s.documents, s.x_claims
    base = select(c.c.id, c.c.xdoc, c.c.pos).select_from(c.join(d, d.c.id == c.c.xdoc)).where(*where)
    if not words.strip():
        q = base.order_by(d.c.seq.desc(), c.c.pos)
    elif dialect == "sqlite":
        # From each match to its document (unique seq) and claim (primary key): the rowid says both,
        # so the join never scans (joining on an expression of x_claims would scan it per match).
        seq, pos = literal_column(f"search_claims.rowid / {CLAIM_SLOT}"), literal_column(f"search_claims.rowid % {CLAIM_SLOT}")
        fts = text("search_claims")
        q = (select(c.c.id, c.c.xdoc, c.c.pos)
             .select_from(fts).join(d, d.c.seq == seq).join(c, (c.c.xdoc == d.c.id) & (c.c.pos == pos))
             .where(text("search_claims MATCH :q"), *where).order_by(text("search_claims.rank")))
    else:
        tsq = func.plainto_tsquery("english", bindparam("q"))
        vec = literal_column(_TS.format("x_claims.text"))
        q = base.where(vec.op("@@")(tsq)).order_by(func.ts_rank(vec, tsq).desc(), d.c.seq, c.c.pos)
    return [tuple(r) for r in conn.execute(q, {"q": words}).all()]


def _snippets_sqlite(conn: Connection, table: str, col: int, words: str, rowids: list[int]) -> dict[int, str]:
    if not rowids or not words.strip():
        return {}
    marks = ", ".join(str(int(r)) for r in rowids)
    sql = (f"SELECT rowid, snippet({table}, {col}, :a, :b, '…', {SNIPPET_TOKENS}) FROM {table} "
           f"WHERE {table} MATCH :q AND rowid IN ({marks})")
    return dict(conn.exec_driver_sql(sql.replace(":a", "?").replace(":b", "?").replace(":q", "?"),
                                     (HIT_START, HIT_END, words)).all())


def _headline_pg(conn: Connection, words: str, column: str, table: str, key: str, keys: list) -> dict:
    if not keys or not words.strip():
        return {}
    opts = f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=35, MinWords=15, MaxFragments=1"
    sql = text(f"SELECT {key}, ts_headline('english', {column}, plainto_tsquery('english', :q), :opts) "
               f"FROM {table} WHERE {key} = ANY(:keys)")
    return dict(conn.execute(sql, {"q": words, "opts": opts, "keys": list(keys)}).all())


def _plain(text_: str, n: int = 240) -> str:
    return text_[:n] + ("…" if len(text_) > n else "")


def _doc_hits(conn: Connection, dialect: str, words: str, ids: list[str]) -> tuple[DocHit, ...]:
    if not ids:
        return ()
    d = s.documents
    rows = {r.id: r for r in conn.execute(select(d.c.id, d.c.seq, d.c.title, d.c.outlet, d.c.published,
                                                 func.substr(d.c.text, 1, 300).label("head"))
                                          .where(d.c.id.in_(ids)))}
    if dialect == "sqlite":
        by_seq = _snippets_sqlite(conn, "search_docs", 2, words, [rows[i].seq for i in ids if i in rows])
        snip = {i: by_seq.get(rows[i].seq) for i in rows}
    else:
        snip = _headline_pg(conn, words, "text", "documents", "id", ids)
    return tuple(DocHit(i, rows[i].title, rows[i].outlet, rows[i].published, snip.get(i) or _plain(rows[i].head))
                 for i in ids if i in rows)


def _claim_hits(conn: Connection, dialect: str, words: str, found: list[tuple[str, str, int]],
                statuses: dict[str, str]) -> tuple[ClaimHit, ...]:
    if not found:
        return ()
    d, c = s.documents, s.x_claims
    docs = {r.id: r for r in conn.execute(select(d.c.id, d.c.seq, d.c.outlet).where(d.c.id.in_({f[1] for f in found})))}
    out = []
    snips: dict[int, str] = {}
    if dialect == "sqlite":
        snips = _snippets_sqlite(conn, "search_claims", 0, words,
                                 [docs[doc].seq * CLAIM_SLOT + pos for _, doc, pos in found if doc in docs])
    for cid, doc, pos in found:
        row = conn.execute(select(c.c.text, c.c.start, c.c.end).where(c.c.xdoc == doc, c.c.pos == pos)).one()
        snippet = snips.get(docs[doc].seq * CLAIM_SLOT + pos) if doc in docs else None
        if dialect != "sqlite" and words.strip():
            snippet = conn.execute(text(
                f"SELECT ts_headline('english', :t, plainto_tsquery('english', :q), "
                f"'StartSel={HIT_START}, StopSel={HIT_END}, HighlightAll=true')"), {"t": row.text, "q": words}).scalar()
        out.append(ClaimHit(cid, doc, row.start, row.end, snippet or row.text, docs[doc].outlet if doc in docs else None,
                            statuses.get(cid)))
    return tuple(out)
