"""The store's tables, as SQLAlchemy 2 Core ``Table`` objects (one code path for SQLite and PostgreSQL).

Three families of tables:

* what was added: ``documents`` with their ``removed_segments`` and ``embeds``;
* what per-document extraction found (``extractions`` and the ``x_*`` tables),
  keyed by the document and stamped with the newssift version and the spaCy
  model that produced it, so ``analyze`` can reuse it while both are unchanged;
* what one analysis run produced (``runs`` and the ``r_*`` tables, ``facts``,
  ``figures``, ``figure_values``, ``flags``, ``stories``, ``story_docs``), keyed
  by the run, so every stored statement says which run made it.

Column names are the field names of the frozen models in ``newssift.models``;
``store.codec`` maps between the two generically. Each row also has an
``extra`` JSON column that keeps model fields added after this schema was
written, so a newer model still round-trips through an older schema.
Order inside a list (mentions of an entity, quantities of a claim) is kept in
``pos`` columns.
"""
from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
)

__all__ = [
    "ENTITY_LIST",
    "claim_vectors",
    "documents",
    "embeds",
    "extractions",
    "facts",
    "failed_docs",
    "figure_values",
    "figures",
    "flags",
    "metadata",
    "part_cache",
    "r_claims",
    "r_documents",
    "r_entities",
    "r_mentions",
    "r_quantities",
    "removed_segments",
    "runs",
    "schema_migrations",
    "stories",
    "story_docs",
    "x_claims",
    "x_entities",
    "x_mentions",
    "x_quantities",
]

metadata = MetaData()

#: ``entity_pos`` of mentions that belong to ``DocExtraction.mentions`` rather than
#: to one entity's ``mentions`` (a sentinel instead of NULL: it is part of a primary key).
ENTITY_LIST = -1


def _json() -> JSON:
    # none_as_null: a Python None is stored as SQL NULL, not as the JSON text 'null'.
    return JSON(none_as_null=True)


def _extra() -> Column:
    return Column("extra", _json(), nullable=True)


# ----------------------------------------------------------------- bookkeeping
schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("applied_at", Text, nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", Text, nullable=False),  # add | analyze
    Column("status", Text, nullable=False),  # running | done | failed | interrupted | invalidated
    Column("started_at", Text, nullable=False),
    Column("finished_at", Text),
    Column("newssift_version", Text, nullable=False),
    Column("spacy_model", Text),
    Column("story", Text),  # analyze --story: the story it was restricted to
    Column("config", _json()),
    Column("meta", _json()),  # Report.meta as [[key, value], ...]
    Column("problems", _json()),
    Column("duplicates", _json()),
    Column("reused", Integer),
    Column("extracted", Integer),
    Column("added", Integer),
    # "host:pid" of the process that runs it (migration 2): a ``running`` run
    # whose process is gone is marked ``interrupted`` when the store is opened.
    Column("owner", Text),
)
Index("ix_runs_kind_status", runs.c.kind, runs.c.status, runs.c.id)

# ----------------------------------------------------------------- documents
documents = Table(
    "documents",
    metadata,
    Column("id", Text, primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),  # insertion order
    Column("content_hash", Text, nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("path", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", Text),
    Column("author", Text),
    Column("language", Text),
    Column("source_format", Text, nullable=False),
    Column("added_run", Integer, ForeignKey("runs.id"), nullable=False),
    _extra(),
)

removed_segments = Table(
    "removed_segments",
    metadata,
    Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("pos", Integer, primary_key=True, autoincrement=False),
    Column("text", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("line", Integer),
    _extra(),
)

embeds = Table(
    "embeds",
    metadata,
    Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("pos", Integer, primary_key=True, autoincrement=False),
    Column("text", Text, nullable=False),
)

# ----------------------------------------------------------------- per-document extraction
extractions = Table(
    "extractions",
    metadata,
    Column("xdoc", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("newssift_version", Text, nullable=False),
    Column("model_key", Text, nullable=False),  # spaCy model name and version, spaCy version
    Column("run", Integer, ForeignKey("runs.id"), nullable=False),
    Column("created_at", Text, nullable=False),
    _extra(),
)


#: Documents whose extraction raised (migration 2): skipped by ``analyze``
#: while the newssift version and model are unchanged, listed apart by
#: ``Store.stories`` and removed with the document.
failed_docs = Table(
    "failed_docs",
    metadata,
    Column("doc_id", Text, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("newssift_version", Text, nullable=False),
    Column("model_key", Text, nullable=False),
    Column("run", Integer, ForeignKey("runs.id"), nullable=False),
    Column("error", Text, nullable=False),
    Column("failed_at", Text, nullable=False),
)


def _entity_columns() -> list[Column]:
    return [
        Column("pos", Integer, primary_key=True, autoincrement=False),
        Column("id", Text, nullable=False),
        Column("name", Text, nullable=False),
        Column("type", Text, nullable=False),
        Column("aliases", _json()),
        Column("titles", _json()),
        _extra(),
    ]


def _mention_columns() -> list[Column]:
    return [
        Column("entity_pos", Integer, primary_key=True, autoincrement=False),
        Column("pos", Integer, primary_key=True, autoincrement=False),
        Column("doc", Text, nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("label", Text, nullable=False),
        Column("entity", Text, nullable=False),
        _extra(),
    ]


def _claim_columns() -> list[Column]:
    return [
        Column("pos", Integer, primary_key=True, autoincrement=False),
        Column("id", Text, nullable=False),
        Column("doc", Text, nullable=False),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("kind", Text, nullable=False),
        Column("speaker", Text),
        Column("speaker_text", Text),
        Column("speaker_start", Integer),
        Column("speaker_end", Integer),
        Column("via", Text),
        Column("via_text", Text),
        Column("hedged", Boolean),
        Column("cue", Text),
        Column("time", _json()),  # a small TimeRef: JSON rather than its own table
        Column("sentence_start", Integer),
        Column("sentence_end", Integer),
        _extra(),
    ]


def _quantity_columns() -> list[Column]:
    return [
        Column("claim_pos", Integer, primary_key=True, autoincrement=False),
        Column("pos", Integer, primary_key=True, autoincrement=False),
        Column("text", Text, nullable=False),
        Column("low", Float),
        Column("high", Float),
        Column("qualifier", Text, nullable=False),
        Column("measure", Text),
        Column("start", Integer),
        Column("end", Integer),
        Column("subject", Text),
        Column("unit", Text),
        _extra(),
    ]


def _owned_by_extraction(name: str, columns: list[Column]) -> Table:
    return Table(
        name,
        metadata,
        Column("xdoc", Text, ForeignKey("extractions.xdoc", ondelete="CASCADE"), primary_key=True),
        *columns,
    )


def _owned_by_run(name: str, columns: list[Column]) -> Table:
    return Table(
        name,
        metadata,
        Column("run", Integer, ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
        *columns,
    )


x_entities = _owned_by_extraction("x_entities", _entity_columns())
x_mentions = _owned_by_extraction("x_mentions", _mention_columns())
x_claims = _owned_by_extraction("x_claims", _claim_columns())
x_quantities = _owned_by_extraction("x_quantities", _quantity_columns())

# ----------------------------------------------------------------- per-run results
r_documents = Table(
    "r_documents",
    metadata,
    Column("run", Integer, ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True),
    Column("pos", Integer, primary_key=True, autoincrement=False),
    Column("doc_id", Text, ForeignKey("documents.id"), nullable=False),
)
r_entities = _owned_by_run("r_entities", _entity_columns())
r_mentions = _owned_by_run("r_mentions", _mention_columns())
r_claims = _owned_by_run("r_claims", _claim_columns())
r_quantities = _owned_by_run("r_quantities", _quantity_columns())

facts = _owned_by_run(
    "facts",
    [
        Column("pos", Integer, primary_key=True, autoincrement=False),
        Column("id", Text, nullable=False),
        Column("claims", _json()),
        Column("status", Text, nullable=False),
        Column("origins", _json()),
        Column("summary", Text),
        Column("story", Text),
        Column("docs", _json()),
        Column("conflict", Text),
        _extra(),
    ],
)

figures = _owned_by_run(
    "figures",
    [
        Column("pos", Integer, primary_key=True, autoincrement=False),
        Column("id", Text, nullable=False),
        Column("measure", Text, nullable=False),
        Column("subject", Text),
        Column("low", Float),
        Column("high", Float),
        Column("best", Float),
        Column("rule", Text),
        Column("story", Text),
        _extra(),
    ],
)

figure_values = _owned_by_run(
    "figure_values",
    [
        Column("figure_pos", Integer, primary_key=True, autoincrement=False),
        Column("pos", Integer, primary_key=True, autoincrement=False),
        Column("claim", Text, nullable=False),
        Column("doc", Text, nullable=False),
        Column("text", Text, nullable=False),
        Column("low", Float),
        Column("high", Float),
        Column("qualifier", Text, nullable=False),
        Column("source", Text),
        Column("source_text", Text),
        Column("outlet", Text),
        Column("time", Text),
        Column("start", Integer),
        Column("end", Integer),
        _extra(),
    ],
)

flags = _owned_by_run(
    "flags",
    [
        Column("pos", Integer, primary_key=True, autoincrement=False),
        Column("kind", Text, nullable=False),
        Column("doc", Text, nullable=False),
        Column("text", Text, nullable=False),
        Column("explanation", Text, nullable=False),
        Column("start", Integer),
        Column("end", Integer),
        Column("related", _json()),
        Column("detail", Text),
        _extra(),
    ],
)

stories = _owned_by_run(
    "stories",
    [
        Column("pos", Integer, primary_key=True, autoincrement=False),
        Column("id", Text, nullable=False),
        Column("title", Text),
        _extra(),
    ],
)

story_docs = Table(
    "story_docs",
    metadata,
    Column("run", Integer, primary_key=True),
    Column("story_pos", Integer, primary_key=True, autoincrement=False),
    Column("pos", Integer, primary_key=True, autoincrement=False),
    Column("doc_id", Text, ForeignKey("documents.id"), nullable=False),
    ForeignKeyConstraint(["run", "story_pos"], ["stories.run", "stories.pos"], ondelete="CASCADE"),
)


# ----------------------------------------------------------------- incremental analysis (migration 3)
#: Sentence embeddings of claim texts, by encoder and text hash: an analysis
#: encodes only texts it has not met (``store.incremental``). Rows whose text
#: no longer occurs in the store are pruned after each whole-store analysis.
claim_vectors = Table(
    "claim_vectors",
    metadata,
    Column("model", Text, primary_key=True),  # encoder package and its version
    Column("text_hash", Text, primary_key=True),
    Column("vector", LargeBinary, nullable=False),  # float32, native order
)

#: The output of one per-story task of ``engines.split`` (facts, or figures and
#: flags), keyed by a hash of everything the task reads; reused while the key
#: is unchanged, pruned when the latest analysis did not use it.
part_cache = Table(
    "part_cache",
    metadata,
    Column("key", Text, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("value", _json(), nullable=False),
    Column("run", Integer, nullable=False),  # the latest run that used it
)
