"""Write and read the store's rows: documents, per-document extractions, analysis reports.

Pure functions over an open SQLAlchemy ``Connection``; the caller owns the
transaction. Everything keeps list order in ``pos`` columns so a report reads
back exactly as it was written.
"""
from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Table, delete, select

from ..memo import BoundedMemo
from ..models import (
    Claim,
    DocExtraction,
    Document,
    Duplicate,
    Entity,
    Fact,
    Figure,
    FigureValue,
    Flag,
    InputProblem,
    Mention,
    Quantity,
    Removed,
    Report,
    Story,
)
from . import schema as s
from .codec import decode, encode, from_jsonable, to_jsonable

__all__ = [
    "IN_CHUNK",
    "ExtractionMemo",
    "insert_documents",
    "load_documents",
    "load_extractions",
    "load_report",
    "load_stories",
    "save_extractions",
    "save_report",
]

#: Ids per ``IN (…)`` list. SQLite allows 32,766 bound parameters per statement
#: (PostgreSQL 65,535); 500 stays far below both and keeps each query small.
IN_CHUNK = 500


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), IN_CHUNK):
        yield items[i : i + IN_CHUNK]


def _insert(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    # executemany; an empty list would be an error, not a no-op.
    if rows:
        conn.execute(table.insert(), rows)


def _select_owned(conn: Connection, table: Table, key: str, owners: Sequence[Any] | None) -> Iterator[Any]:
    """Rows of ``table`` whose ``key`` column is in ``owners`` (all rows when None), in key/pos order."""
    # Plain dicts: membership tests on SQLAlchemy's RowMapping cost several
    # times more, and decoding tests every field name of every row.
    order = [c for c in table.primary_key.columns]
    if owners is None:
        yield from map(dict, conn.execute(select(table).order_by(*order)).mappings())
        return
    for chunk in _chunks(list(owners)):
        yield from map(dict, conn.execute(select(table).where(table.c[key].in_(chunk)).order_by(*order)).mappings())


# ----------------------------------------------------------------- documents
def insert_documents(conn: Connection, docs: Sequence[Document], run: int, first_seq: int) -> None:
    """Insert documents (with their removed segments and embeds) numbered from ``first_seq``."""
    doc_rows, removed_rows, embed_rows = [], [], []
    for i, d in enumerate(docs):
        doc_rows.append(encode(d, s.documents, skip=("removed", "embeds"), seq=first_seq + i, added_run=run))
        removed_rows += [encode(r, s.removed_segments, doc_id=d.id, pos=j) for j, r in enumerate(d.removed)]
        embed_rows += [{"doc_id": d.id, "pos": j, "text": t} for j, t in enumerate(d.embeds)]
    _insert(conn, s.documents, doc_rows)
    _insert(conn, s.removed_segments, removed_rows)
    _insert(conn, s.embeds, embed_rows)


def load_documents(conn: Connection, ids: Sequence[str] | None = None) -> list[Document]:
    """Stored documents in insertion order (only ``ids`` when given, still in insertion order)."""
    removed: dict[str, list[Removed]] = defaultdict(list)
    for r in _select_owned(conn, s.removed_segments, "doc_id", ids):
        removed[r["doc_id"]].append(decode(Removed, r))
    embeds: dict[str, list[str]] = defaultdict(list)
    for r in _select_owned(conn, s.embeds, "doc_id", ids):
        embeds[r["doc_id"]].append(r["text"])
    rows = []
    if ids is None:
        rows = list(map(dict, conn.execute(select(s.documents).order_by(s.documents.c.seq)).mappings()))
    else:
        for chunk in _chunks(list(ids)):
            rows += map(dict, conn.execute(select(s.documents).where(s.documents.c.id.in_(chunk))).mappings())
        rows.sort(key=lambda r: r["seq"])
    return [decode(Document, r, removed=tuple(removed[r["id"]]), embeds=tuple(embeds[r["id"]])) for r in rows]


# ----------------------------------------------------------------- entities and claims (both scopes)
def _entity_rows(entities: Iterable[Entity], mentions_table: Table, entity_table: Table, **owner: Any):
    ent_rows, mention_rows = [], []
    for i, e in enumerate(entities):
        ent_rows.append(encode(e, entity_table, skip=("mentions",), pos=i, **owner))
        mention_rows += [encode(m, mentions_table, entity_pos=i, pos=j, **owner) for j, m in enumerate(e.mentions)]
    return ent_rows, mention_rows


def _claim_rows(claims: Iterable[Claim], claim_table: Table, quantity_table: Table, **owner: Any):
    claim_rows, quantity_rows = [], []
    for i, c in enumerate(claims):
        claim_rows.append(encode(c, claim_table, skip=("quantities",), pos=i, **owner))
        quantity_rows += [encode(q, quantity_table, claim_pos=i, pos=j, **owner) for j, q in enumerate(c.quantities)]
    return claim_rows, quantity_rows


def _grouped(rows: Iterable[Any], *keys: str) -> dict[tuple, list[Any]]:
    out: dict[tuple, list[Any]] = defaultdict(list)
    get = operator.itemgetter(*keys)  # a tuple for several keys, the value itself for one
    if len(keys) == 1:
        for r in rows:
            out[(get(r),)].append(r)
    else:
        for r in rows:
            out[get(r)].append(r)
    return out


def _entities_from(ent_rows: list[Any], mentions: dict[tuple, list[Any]], owner: Any) -> list[Entity]:
    return [
        decode(Entity, r, mentions=tuple(decode(Mention, m) for m in mentions.get((owner, r["pos"]), ())))
        for r in ent_rows
    ]


def _claims_from(claim_rows: list[Any], quantities: dict[tuple, list[Any]], owner: Any) -> list[Claim]:
    return [
        decode(Claim, r, quantities=tuple(decode(Quantity, q) for q in quantities.get((owner, r["pos"]), ())))
        for r in claim_rows
    ]


# ----------------------------------------------------------------- per-document extractions
def save_extractions(
    conn: Connection, extractions: Sequence[DocExtraction], run: int, version: str, model_key: str, now: str
) -> None:
    """Store extractions, replacing any older (stale) extraction of the same documents."""
    ids = [x.doc for x in extractions]
    for chunk in _chunks(ids):
        # ON DELETE CASCADE clears the x_* rows of the replaced extraction.
        conn.execute(delete(s.extractions).where(s.extractions.c.xdoc.in_(chunk)))
    heads, ents, ments, claims, quants = [], [], [], [], []
    for x in extractions:
        heads.append(
            encode(x, s.extractions, skip=("doc", "entities", "claims", "mentions"), xdoc=x.doc,
                   newssift_version=version, model_key=model_key, run=run, created_at=now)
        )
        e_rows, m_rows = _entity_rows(x.entities, s.x_mentions, s.x_entities, xdoc=x.doc)
        ments += [encode(m, s.x_mentions, entity_pos=s.ENTITY_LIST, pos=j, xdoc=x.doc) for j, m in enumerate(x.mentions)]
        c_rows, q_rows = _claim_rows(x.claims, s.x_claims, s.x_quantities, xdoc=x.doc)
        ents += e_rows
        ments += m_rows
        claims += c_rows
        quants += q_rows
    for table, rows in ((s.extractions, heads), (s.x_entities, ents), (s.x_mentions, ments),
                        (s.x_claims, claims), (s.x_quantities, quants)):
        _insert(conn, table, rows)


class ExtractionMemo(BoundedMemo[DocExtraction]):
    """Extractions decoded from a store, kept between analyses in one process (``watch``, the web app).

    Keyed by what identifies a stored extraction row: the document, the
    newssift version and model that made it, and the run and time it was
    written (a re-extraction replaces the row, with a later run), so an entry
    never stands for rows that changed.  At most ``size`` documents, the
    least recently used dropped first (about 20 KB each).
    """

    def __init__(self, size: int = 2048):
        super().__init__(size)

    def keep_saved(self, extractions: Sequence[DocExtraction], version: str, model_key: str, run: int,
                   created_at: str) -> None:
        """Keep extractions just written by ``save_extractions`` with these values (after the commit)."""
        for x in extractions:
            self.put((x.doc, version, model_key, run, created_at), x)


def _head_key(doc: str, head: dict[str, Any]) -> tuple:
    # The order ``ExtractionMemo.keep_saved`` writes.
    return (doc, head["newssift_version"], head["model_key"], head["run"], head["created_at"])


def load_extractions(conn: Connection, doc_ids: Sequence[str], version: str, model_key: str,
                     memo: ExtractionMemo | None = None) -> dict[str, DocExtraction]:
    """Stored extractions of ``doc_ids`` made by this newssift version and model (stale ones are left out).

    With ``memo``, an extraction decoded before (same stored row) is taken
    from it and only the others are read.
    """
    heads = {
        r["xdoc"]: r
        for r in _select_owned(conn, s.extractions, "xdoc", doc_ids)
        if r["newssift_version"] == version and r["model_key"] == model_key
    }
    known = {doc: hit for doc, head in heads.items()
             if memo is not None and (hit := memo.get(_head_key(doc, head))) is not None}
    todo = [doc for doc in heads if doc not in known]
    if todo:
        known.update(_decode_extractions(conn, {doc: heads[doc] for doc in todo}))
        if memo is not None:
            for doc in todo:
                memo.put(_head_key(doc, heads[doc]), known[doc])
    return {doc: known[doc] for doc in heads}


def _decode_extractions(conn: Connection, heads: dict[str, dict[str, Any]]) -> dict[str, DocExtraction]:
    """The extractions whose head rows are given, read from their rows."""
    valid = list(heads)
    mentions = _grouped(_select_owned(conn, s.x_mentions, "xdoc", valid), "xdoc", "entity_pos")
    quantities = _grouped(_select_owned(conn, s.x_quantities, "xdoc", valid), "xdoc", "claim_pos")
    entities = _grouped(_select_owned(conn, s.x_entities, "xdoc", valid), "xdoc")
    claims = _grouped(_select_owned(conn, s.x_claims, "xdoc", valid), "xdoc")
    out = {}
    for doc, head in heads.items():
        out[doc] = decode(
            DocExtraction,
            head,
            doc=doc,
            entities=tuple(_entities_from(entities.get((doc,), []), mentions, doc)),
            claims=tuple(_claims_from(claims.get((doc,), []), quantities, doc)),
            mentions=tuple(decode(Mention, m) for m in mentions.get((doc, s.ENTITY_LIST), ())),
        )
    return out


def save_report(conn: Connection, run: int, report: Report) -> None:
    """Store every row of ``report`` under ``run`` (the documents themselves must already be stored)."""
    own = {"run": run}
    e_rows, m_rows = _entity_rows(report.entities, s.r_mentions, s.r_entities, **own)
    c_rows, q_rows = _claim_rows(report.claims, s.r_claims, s.r_quantities, **own)
    fig_rows, val_rows = [], []
    for i, f in enumerate(report.figures):
        fig_rows.append(encode(f, s.figures, skip=("values",), pos=i, **own))
        val_rows += [encode(v, s.figure_values, figure_pos=i, pos=j, **own) for j, v in enumerate(f.values)]
    story_rows, story_doc_rows = [], []
    for i, st in enumerate(report.stories):
        story_rows.append(encode(st, s.stories, skip=("docs",), pos=i, **own))
        story_doc_rows += [{"run": run, "story_pos": i, "pos": j, "doc_id": d} for j, d in enumerate(st.docs)]
    batches = [
        (s.r_documents, [{"run": run, "pos": i, "doc_id": d.id} for i, d in enumerate(report.documents)]),
        (s.r_entities, e_rows),
        (s.r_mentions, m_rows),
        (s.r_claims, c_rows),
        (s.r_quantities, q_rows),
        (s.facts, [encode(f, s.facts, pos=i, **own) for i, f in enumerate(report.facts)]),
        (s.figures, fig_rows),
        (s.figure_values, val_rows),
        (s.flags, [encode(f, s.flags, pos=i, **own) for i, f in enumerate(report.flags)]),
        (s.stories, story_rows),
        (s.story_docs, story_doc_rows),
    ]
    for table, rows in batches:
        _insert(conn, table, rows)
    conn.execute(
        s.runs.update().where(s.runs.c.id == run).values(
            meta=[list(kv) for kv in report.meta],
            problems=to_jsonable(report.problems),
            duplicates=to_jsonable(report.duplicates),
        )
    )


def load_stories(conn: Connection, run: int) -> list[Story]:
    """The stories stored under ``run`` (without loading the rest of its report)."""
    docs = _grouped(
        conn.execute(select(s.story_docs).where(s.story_docs.c.run == run).order_by(s.story_docs.c.story_pos, s.story_docs.c.pos)).mappings(),
        "story_pos",
    )
    found = map(dict, conn.execute(select(s.stories).where(s.stories.c.run == run).order_by(s.stories.c.pos)).mappings())
    return [decode(Story, r, docs=tuple(d["doc_id"] for d in docs.get((r["pos"],), ()))) for r in found]


def load_report(conn: Connection, run: int, story: str | None = None) -> Report:
    """The report stored under ``run``, exactly as it was saved.

    With ``story``, only the rows that can belong to that story's part are
    read (its documents' claims, mentions, flags and figure values; all facts,
    figures and stories, which are few): ``scope.restrict_report`` over the
    result gives the same as over the whole report, without decoding the whole
    run — what keeps a story page fast in a large store.
    """
    head = conn.execute(select(s.runs).where(s.runs.c.id == run)).mappings().one()
    in_story = None
    if story is not None:
        pos = conn.execute(select(s.stories.c.pos).where(s.stories.c.run == run, s.stories.c.id == story)).scalar()
        if pos is not None:
            in_story = (
                select(s.story_docs.c.doc_id).where(s.story_docs.c.run == run, s.story_docs.c.story_pos == pos).scalar_subquery()
            )

    def rows(table: Table, *where: Any) -> list[Any]:
        order = [c for c in table.primary_key.columns]
        q = select(table).where(table.c.run == run, *where).order_by(*order)
        return list(map(dict, conn.execute(q).mappings()))

    def in_docs(column) -> tuple:
        return () if in_story is None else (column.in_(in_story),)

    claim_positions = select(s.r_claims.c.pos).where(s.r_claims.c.run == run, *in_docs(s.r_claims.c.doc))
    entity_positions = select(s.r_mentions.c.entity_pos).where(s.r_mentions.c.run == run, *in_docs(s.r_mentions.c.doc))
    doc_ids = [r["doc_id"] for r in rows(s.r_documents, *in_docs(s.r_documents.c.doc_id))]
    by_id = {d.id: d for d in load_documents(conn, doc_ids)}
    mentions = _grouped(rows(s.r_mentions, *in_docs(s.r_mentions.c.doc)), "run", "entity_pos")
    quantities = _grouped(
        rows(s.r_quantities, *(() if in_story is None else (s.r_quantities.c.claim_pos.in_(claim_positions),))),
        "run", "claim_pos",
    )
    values = _grouped(rows(s.figure_values, *in_docs(s.figure_values.c.doc)), "figure_pos")
    entity_rows = rows(s.r_entities, *(() if in_story is None else (s.r_entities.c.pos.in_(entity_positions),)))
    return Report(
        documents=tuple(by_id[d] for d in doc_ids),
        entities=tuple(_entities_from(entity_rows, mentions, run)),
        claims=tuple(_claims_from(rows(s.r_claims, *in_docs(s.r_claims.c.doc)), quantities, run)),
        facts=tuple(decode(Fact, r) for r in rows(s.facts)),
        figures=tuple(
            decode(Figure, r, values=tuple(decode(FigureValue, v) for v in values.get((r["pos"],), ())))
            for r in rows(s.figures)
        ),
        flags=tuple(decode(Flag, r) for r in rows(s.flags, *in_docs(s.flags.c.doc))),
        stories=tuple(load_stories(conn, run)),
        problems=from_jsonable(tuple[InputProblem, ...], head["problems"]) or (),
        duplicates=from_jsonable(tuple[Duplicate, ...], head["duplicates"]) or (),
        meta=tuple((str(k), str(v)) for k, v in head["meta"] or ()),
    )
