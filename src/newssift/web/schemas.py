"""Request and response bodies of the JSON API (pydantic models, so /openapi.json describes them)."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from pydantic import BaseModel, Field

from ..models import IngestResult

__all__ = ["AddOut", "AnalyzeOut", "DocumentOut", "JobOut", "StoryOut", "TextsIn", "UrlsIn", "add_out"]


class StoryOut(BaseModel):
    """A story in the store; ``analysed_at`` is null for documents not analysed yet."""

    id: str
    title: str
    docs: list[str]
    analysed_at: str | None
    #: The permalink key: the same across re-analyses (``/s/{key}``, ``/api/stories/{key}/report``).
    key: str | None = None


class AddOut(BaseModel):
    """What an upload did: ids stored, copies dropped, inputs skipped, and the stories after analysis."""

    added: list[str]
    duplicates: list[dict]
    problems: list[dict]
    stories: list[StoryOut] = Field(default_factory=list)


class AnalyzeOut(BaseModel):
    """The result of an analysis run."""

    documents: int
    stories: list[str]
    extracted: int
    reused: int


class TextsIn(BaseModel):
    """Article texts to store, one article per string."""

    texts: list[str] = Field(min_length=1, max_length=200)
    analyze: bool = True
    #: Run in the background: the answer is a job (202) to poll at ``/api/jobs/{id}``.
    background: bool = False


class UrlsIn(BaseModel):
    """Article URLs (http or https) to fetch and store."""

    urls: list[str] = Field(min_length=1, max_length=200)
    analyze: bool = True
    background: bool = False


def add_out(got: IngestResult, res, stories: Sequence) -> dict:
    """The AddOut fields from an ingest result, the store's AddResult (or None) and the stories after it."""
    dups = [asdict(d) for d in got.duplicates] + ([asdict(d) for d in res.duplicates] if res is not None else [])
    return {
        "added": list(res.added) if res is not None else [],
        "duplicates": dups,
        "problems": [asdict(p) for p in got.problems],
        "stories": [StoryOut(id=r.id, title=r.title, docs=list(r.docs), analysed_at=r.analysed_at) for r in stories],
    }


class JobOut(BaseModel):
    """A background job: ``state`` queued, running, done or failed; ``done`` of ``total`` in its ``stage``."""

    id: str
    kind: str
    state: str
    stage: str
    done: int
    total: int
    message: str
    result: dict


class DocumentOut(BaseModel):
    """A stored document without its text (``GET /api/documents/{id}``)."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    author: str | None
    language: str | None
    chars: int
