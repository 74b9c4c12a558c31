"""Frozen data models that flow between the pipeline stages.

Every stage is a typed function from some of these models to others.  All of
them are immutable (``frozen=True``) and made of plain values and tuples, so
they pickle cleanly and can be shipped to worker processes by a batch engine.

Offsets (``start``/``end``) are always character offsets into the owning
``Document.text``: ``doc.text[start:end] == span.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "Claim",
    "ClaimKind",
    "DocExtraction",
    "Document",
    "Duplicate",
    "Entity",
    "Fact",
    "FactStatus",
    "Figure",
    "FigureValue",
    "Flag",
    "IngestResult",
    "InputProblem",
    "Mention",
    "Qualifier",
    "Quantity",
    "Removed",
    "Report",
    "SpanRef",
    "Story",
    "TimeRef",
]

ClaimKind = Literal["direct_quote", "indirect", "according_to", "unattributed"]
Qualifier = Literal["exact", "about", "at_least", "over", "up_to", "under", "range", "vague"]
FactStatus = Literal["corroborated", "single_origin", "unattributed", "conflicting"]


# --------------------------------------------------------------------------- ingest
@dataclass(frozen=True)
class Removed:
    """A piece of the input that was cut from the article body, and why."""

    text: str
    reason: str  # e.g. "navigation", "link_list", "counter", "byline", "duplicate_block", "trailer"
    line: int | None = None  # 1-based input line where the cut starts, when the input had lines


@dataclass(frozen=True)
class Document:
    """One article: its clean body text, headline, metadata and what was cut."""

    id: str
    text: str
    title: str | None = None
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    author: str | None = None
    language: str | None = None  # ISO 639-1 code, detected
    embeds: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    content_hash: str = ""  # sha256 of the normalised body text
    source_format: str = "text"  # text | html | record | warc | feed | url


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be used (or only partly); the run goes on without it."""

    source: str  # path, URL or record pointer as the user gave it
    message: str  # one line, for people
    code: str  # empty | binary | too_large | encoding | not_found | fetch | parse | unsupported | no_inputs


@dataclass(frozen=True)
class Duplicate:
    """A document whose content hash matched one already kept."""

    kept: str  # id of the document that was kept
    dropped: str  # id (or source) of the copy that was dropped
    source: str | None = None


@dataclass(frozen=True)
class IngestResult:
    """What ingestion produced from all inputs of one run."""

    documents: tuple[Document, ...]
    problems: tuple[InputProblem, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()


# --------------------------------------------------------------------------- extract
@dataclass(frozen=True)
class Mention:
    """One occurrence of a named entity in one document."""

    doc: str
    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, ...
    entity: str  # entity id (document-local "doc#eN" after extract, global after resolve)
    # Which text start/end index: "text" (Document.text) or "title" (Document.title, a headline
    # that ingest moved out of the body; such mentions are added last, by resolve.headlines).
    part: Literal["text", "title"] = "text"
    # A description standing for the entity ("the lawyer"), not its name
    # (extract.nominals): no pass that counts how often a report names
    # someone reads it.
    nominal: bool = False


@dataclass(frozen=True)
class Entity:
    """A person, body or place; within one document after extract, across documents after resolve."""

    id: str
    name: str  # the fullest name seen
    type: str
    aliases: tuple[str, ...] = ()  # other names: acronyms, short forms, spelling variants
    mentions: tuple[Mention, ...] = ()
    titles: tuple[str, ...] = ()  # roles and titles seen with a person ("Pentagon press secretary")
    # Spellings of the entity's one-word name when reports differ (resolve): (spelling, doc ids).
    variants: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Quantity:
    """A counted amount with its qualifier and what it counts."""

    text: str
    low: float | None
    high: float | None
    qualifier: Qualifier
    measure: str | None  # killed, wounded, killed_or_wounded, casualties, missing, captured, troops, ... or None
    start: int = -1  # offsets in the document text (-1 when not known)
    end: int = -1
    subject: str | None = None  # who/what is counted, e.g. "North Korean soldiers"
    unit: str | None = None  # for money or measures: "USD", "km", "%", "year", ...
    kind: str | None = None  # count, money, percent, time, length, mass, ..., measurement, score, ratio
    uncertainty: float | None = None  # the spread after "±" ("43.2 ± 7.1%"), when given
    values: tuple[float, ...] = ()  # a list's items ("1, 5 and 50 μg/L"); low and high are its bounds


@dataclass(frozen=True)
class TimeRef:
    """A time expression attached to a claim, resolved when the publication date allows."""

    text: str
    date: str | None = None  # ISO date when it is one day
    start_date: str | None = None  # ISO dates when it is a range
    end_date: str | None = None
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Claim:
    """An assertion in one document: the asserted content, who asserts it and how."""

    id: str
    doc: str
    start: int
    end: int
    text: str
    kind: ClaimKind
    speaker: str | None = None  # entity id; None when the outlet asserts it unsourced
    speaker_text: str | None = None  # the words naming the speaker, as written
    speaker_start: int = -1
    speaker_end: int = -1
    via: str | None = None  # entity id of a relaying intermediary
    via_text: str | None = None
    hedged: bool = False
    cue: str | None = None  # the reporting verb or phrase ("said", "according to")
    quantities: tuple[Quantity, ...] = ()
    time: TimeRef | None = None
    sentence_start: int = -1  # the sentence the claim lies in
    sentence_end: int = -1
    #: Event words of the claim (verb lemmas, event nouns), main event first;
    #: fact alignment compares them (extract/predicates.py).
    predicates: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocExtraction:
    """Everything extract found in one document (entity ids are document-local)."""

    doc: str
    entities: tuple[Entity, ...]
    claims: tuple[Claim, ...]
    mentions: tuple[Mention, ...] = ()


# --------------------------------------------------------------------------- align / flag
@dataclass(frozen=True)
class Fact:
    """Claims across documents that state the same proposition."""

    id: str
    claims: tuple[str, ...]
    status: FactStatus
    origins: tuple[str, ...]  # entity ids (or source keys) of the independent original sources
    summary: str = ""
    story: str | None = None
    docs: tuple[str, ...] = ()
    conflict: str | None = None  # why it is conflicting, when it is


@dataclass(frozen=True)
class FigureValue:
    """One reported value of a figure, traced to its claim."""

    claim: str
    doc: str
    text: str
    low: float | None
    high: float | None
    qualifier: Qualifier
    source: str | None  # entity id
    source_text: str | None
    outlet: str | None = None
    time: str | None = None
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Figure:
    """Every reported value of one measure for one subject, summarised as low/best/high."""

    id: str
    measure: str
    subject: str | None
    values: tuple[FigureValue, ...]
    low: float | None = None
    best: float | None = None
    high: float | None = None
    rule: str = ""
    story: str | None = None


@dataclass(frozen=True)
class SpanRef:
    """A pointer to a span of a document."""

    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Flag:
    """Something a careful editor would point out."""

    kind: str
    doc: str
    text: str
    explanation: str
    start: int | None = None
    end: int | None = None
    related: tuple[SpanRef, ...] = ()
    detail: str | None = None  # e.g. a word diff for quote variants


@dataclass(frozen=True)
class Story:
    """A cluster of documents about one event."""

    id: str
    docs: tuple[str, ...]
    title: str = ""


@dataclass(frozen=True)
class Report:
    """The full result of one analysis run."""

    documents: tuple[Document, ...] = ()
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    facts: tuple[Fact, ...] = ()
    figures: tuple[Figure, ...] = ()
    flags: tuple[Flag, ...] = ()
    stories: tuple[Story, ...] = ()
    problems: tuple[InputProblem, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    meta: tuple[tuple[str, str], ...] = field(default=())  # run facts: version, model, timings

    # Conveniences for notebooks.  The writers live in ``newssift.report`` and
    # register themselves (``register_writer``) when it is imported, so this
    # module imports nothing from the report package.
    def to_json(self) -> str:
        """The report JSON (schema 1) as a string."""
        return _write("json", self)

    def to_html(self) -> str:
        """The self-contained HTML report as a string."""
        return _write("html", self)

    def to_markdown(self) -> str:
        """The Markdown brief (the story in sixty seconds, every line cited) as a string."""
        return _write("markdown", self)

    def to_pandas(self) -> dict:
        """One pandas DataFrame per table: documents, claims, facts, figures, entities, flags."""
        return _write("pandas", self)

    def to_parquet(self, folder) -> list:
        """One Parquet file per table in ``folder``; returns their paths."""
        return _write("parquet", self, folder)

    @classmethod
    def from_json(cls, source) -> Report:
        """A report read back from its JSON: a path, a JSON string, or the parsed dict."""
        return _write("from_json", source)

    def _repr_html_(self) -> str:
        """Jupyter display: the HTML report in a sandboxed frame (its script and styles stay inside)."""
        return _write("notebook", self)


#: Writers registered by ``newssift.report`` (name → function).
_WRITERS: dict[str, object] = {}


def register_writer(name: str, fn) -> None:
    """Make ``fn`` the writer ``Report`` uses for ``name`` (called by ``newssift.report`` on import)."""
    _WRITERS[name] = fn


def _write(name: str, *args):
    if name not in _WRITERS:  # only when newssift.report was never imported (newssift/__init__ imports it)
        raise RuntimeError(f"no '{name}' writer is registered; import newssift.report first")
    return _WRITERS[name](*args)
