"""Wire the stages together. No I/O of its own beyond what ingest does.

    inputs ─ ingest ─▶ Document ─ annotate ─▶ spaCy Doc ─ extract ─▶ DocExtraction
    per story: resolve ─▶ align (facts, figures) ─▶ flags ─▶ Report
"""
from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from .config import DEFAULT_CONFIG, Config
from .models import Claim, DocExtraction, Document, IngestResult, InputProblem, Report

__all__ = ["analyze_documents", "analyze_inputs", "cross_document", "extract_inputs", "finish_report", "resolve_and_cluster"]

Progress = Callable[[str, int, int], None]


def extract_inputs(inputs: Sequence[str], config: Config = DEFAULT_CONFIG, meta: Path | None = None) -> IngestResult:
    """Ingest and clean the inputs only (no NLP models are loaded)."""
    from .ingest import ingest

    return ingest(inputs, config=config, meta=meta)


def analyze_inputs(
    inputs: Sequence[str],
    config: Config = DEFAULT_CONFIG,
    meta: Path | None = None,
    progress: Progress | None = None,
) -> Report:
    """Ingest the inputs and run the whole pipeline over what could be read."""
    ingested = extract_inputs(inputs, config=config, meta=meta)
    report = analyze_documents(ingested.documents, config=config, progress=progress)
    return _with_ingest_notes(report, ingested)


def _with_ingest_notes(report: Report, ingested: IngestResult) -> Report:
    from dataclasses import replace

    return replace(report, problems=ingested.problems + report.problems, duplicates=ingested.duplicates)


#: Shortest text whose detected language is trusted enough to say anything
#: about it (a headline of a few words is misread as Pidgin or Bikol).
LANGUAGE_NOTE_MIN_CHARS = 300
#: Share of a text's letters outside the Latin alphabet from which the
#: English pipeline cannot read it at all (Chinese, Russian, Arabic pages).
NON_LATIN_MIN_SHARE = 0.5


def language_note(doc: Document) -> tuple[bool, str | None]:
    """(skip, note) for a document the English-only stages cannot read well.

    A text mostly in another script is cleaned but not analysed; a long text
    detected as another Latin-script language is analysed with a warning.
    English, undetected or short texts: (False, None).
    """
    lang = (doc.language or "").lower()
    if not lang or lang.startswith("en") or len(doc.text) < LANGUAGE_NOTE_MIN_CHARS:
        return False, None
    letters = [ch for ch in doc.text if ch.isalpha()]
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24F) / max(1, len(letters))
    if non_latin >= NON_LATIN_MIN_SHARE:
        return True, f"language {lang}: cleaned, not analysed (claims, speakers and figures are read in English only)"
    return False, f"language {lang}: analysed with the English pipeline; expect missed claims and speakers"


def language_problems(documents: Sequence[Document]) -> tuple[InputProblem, ...]:
    """One note per document in a language the English-only stages cannot read well."""
    out = []
    for d in documents:
        _, note = language_note(d)
        if note:
            out.append(InputProblem(d.id, note, "language"))
    return tuple(out)


def extract_documents(
    documents: Sequence[Document], config: Config = DEFAULT_CONFIG, progress: Progress | None = None,
    prepare: bool = False,
) -> list[DocExtraction]:
    """Annotate with spaCy and run per-document extraction (pure per document).

    A document in another script is not parsed: its extraction is empty
    (``language_problems`` says why).  With ``prepare`` (and the parse on a
    background thread) each document's share of the cross-document stages
    is computed as soon as it is extracted (``prepare_cross_document``),
    while the parser works on later documents; ``cross_document`` then
    finds it memoised.  Its result is the same either way.
    """
    from .annotate import annotate, parse_in_background
    from .extract import extract_document

    overlap = prepare and parse_in_background(config)
    skip = [language_note(d)[0] for d in documents]
    parses = annotate([d for d, s in zip(documents, skip, strict=True) if not s], config=config)
    out: list[DocExtraction] = []
    total = len(documents)
    try:
        for i, (doc, skipped) in enumerate(zip(documents, skip, strict=True), 1):
            if skipped:
                out.append(DocExtraction(doc=doc.id, entities=(), claims=()))
            else:
                out.append(extract_document(doc, next(parses)))
                if overlap:
                    prepare_cross_document(doc, out[-1], config)
            if progress:
                progress("extract", i, total)
    finally:
        # Stop a background parse now, even when a document failed: a caller
        # that retries documents one by one must not parse beside it.
        parses.close()
    return out


def prepare_cross_document(doc: Document, extraction: DocExtraction, config: Config = DEFAULT_CONFIG) -> None:
    """Compute one document's share of the cross-document stages now; each stage memoises it.

    Its entity nodes (resolve), its sentences (editorial flags) and its
    claims' vectors (facts, static encoder) depend on the document alone.
    Nothing here changes a result: a stage that finds nothing memoised
    computes the same values itself.
    """
    from .align.facts import prepare_claim_vectors
    from .flags.editorial import prepare_sentences
    from .resolve.build import prepare_nodes

    prepare_nodes(doc.text, extraction)
    prepare_sentences(doc.text)
    prepare_claim_vectors(extraction.claims, config)


def analyze_documents(
    documents: Sequence[Document], config: Config = DEFAULT_CONFIG, progress: Progress | None = None
) -> Report:
    """Run annotate, extract and the cross-document stages over clean documents."""
    if config.engine != "local":  # Ray (newssift.engines): the same report from tasks on a cluster
        from .engines import analyze_documents_with

        return analyze_documents_with(documents, config=config, progress=progress)
    timings: list[tuple[str, str]] = []
    t0 = time.perf_counter()
    extractions = extract_documents(documents, config=config, progress=progress, prepare=True)
    timings.append(("time_extract_s", f"{time.perf_counter() - t0:.3f}"))
    report = cross_document(documents, extractions, config=config, timings=timings)
    timings.append(("time_total_s", f"{time.perf_counter() - t0:.3f}"))
    from dataclasses import replace

    return replace(report, meta=report.meta + tuple(timings))


def cross_document(
    documents: Sequence[Document], extractions: Sequence[DocExtraction], config: Config = DEFAULT_CONFIG,
    timings: list[tuple[str, str]] | None = None,
) -> Report:
    """Resolve entities, cluster stories, align facts and figures, and flag — over all documents.

    This is the only step that looks at several documents at once; the store
    reuses stored extractions and re-runs only this when a document is added.
    The Ray engine (``engines/split.py``) runs the same passes, its middle
    ones per story: both start with ``resolve_and_cluster`` and end with
    ``finish_report``. ``timings``, when given, receives ``("time_STAGE_s",
    seconds)`` for each stage (resolve, stories, facts, figures, flags).
    """
    from .align.facts import align_facts
    from .align.figures import build_figures
    from .align.origins import build_origin_index
    from .flags import find_flags
    from .heap import freeze_now, frozen_heap

    clock = _StageClock(timings)
    with frozen_heap():  # the collector leaves the run's long-lived data alone (newssift.heap)
        entities, claims, stories = resolve_and_cluster(documents, extractions, config, done=clock.done)
        freeze_now()
        origins = build_origin_index(entities)  # who speaks for whom: facts and figures read the same index
        facts = align_facts(documents, claims, entities, stories, config=config, origins=origins)
        clock.done("facts")
        freeze_now()
        figures = build_figures(documents, claims, entities, facts, origins=origins)
        clock.done("figures")
        flags = find_flags(documents, claims, entities, facts, figures, stories)
        clock.done("flags")
        return finish_report(documents, entities, claims, facts, figures, flags, stories, config)


class _StageClock:
    """Seconds since the previous stage ended, appended to ``timings`` as ("time_STAGE_s", "1.234")."""

    def __init__(self, timings: list[tuple[str, str]] | None):
        self.timings, self.t = timings, time.perf_counter()

    def done(self, stage: str) -> None:
        now = time.perf_counter()
        if self.timings is not None:
            self.timings.append((f"time_{stage}_s", f"{now - self.t:.3f}"))
        self.t = now


def resolve_and_cluster(
    documents: Sequence[Document], extractions: Sequence[DocExtraction], config: Config,
    done: Callable[[str], None] | None = None,
) -> tuple[list, list[Claim], tuple]:
    """The first cross-document passes: entities resolved across documents (with the alias file), then stories.

    ``done`` is told the name of each pass as it ends (the Ray engine times them).
    """
    from .align.stories import cluster_stories
    from .heap import freeze_now
    from .resolve import load_aliases, resolve_entities

    aliases = load_aliases(config.alias_file) if config.alias_file else {}
    entities, claims = resolve_entities(documents, extractions, aliases=aliases)
    if done:
        done("resolve")
    freeze_now()  # the entities and claims live to the end of the run (newssift.heap)
    stories = cluster_stories(documents, extractions) if config.cluster_stories else ()
    if done:
        done("stories")
    return entities, claims, stories


def finish_report(
    documents: Sequence[Document], entities, claims, facts, figures, flags, stories, config: Config,
    meta: Sequence[tuple[str, str]] = (),
) -> Report:
    """The last passes, which read the flags, and the Report.

    A story is never titled by a headline its body contradicts, and an entity
    is never named by the spelling its flag points at. The names in headlines
    are added to their entities last: the passes before read mentions as body offsets.
    """
    from .flags.headline import retitle_stories
    from .flags.spelling import rename_flagged_entities
    from .resolve.headlines import add_headline_mentions

    stories = retitle_stories(stories, documents, flags)
    entities = add_headline_mentions(documents, rename_flagged_entities(entities, flags))
    return Report(
        documents=tuple(documents),
        entities=tuple(entities),
        claims=tuple(claims),
        facts=tuple(facts),
        figures=tuple(figures),
        flags=tuple(flags),
        stories=tuple(stories),
        problems=language_problems(documents),
        meta=(("spacy_model", config.spacy_model), ("embeddings", str(config.use_embeddings)), *meta),
    )


def all_claims(extractions: Sequence[DocExtraction]) -> list[Claim]:
    """Every claim of every extraction, in document order."""
    return [c for e in extractions for c in e.claims]
