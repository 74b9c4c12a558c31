"""``pipeline.cross_document`` split into per-story tasks, with the same result.

What runs where (``run`` is the engine's map: local, or Ray tasks):

    driver   resolve entities, cluster stories, sentence embeddings of every claim
    tasks    facts of each story                      (round 1, one task per bin of stories)
    driver   fact ids renumbered in the global order
    tasks    figures, editorial insertions and conflicting figures of each story (round 2)
    driver   spelling, quote, social-embed and headline flags; figure ids; story titles;
             entity names (a name a spelling flag points at is replaced)

Keep this in step with ``pipeline.cross_document``: tests/test_engine_ray.py
compares the two on fictional stories and on examples/harbour-fire.

Why the rest stays on the driver (each would change the report if split):

- resolve and story clustering decide which documents belong together;
- embeddings: MiniLM's output moves by ~1e-7 with the batch a sentence is
  encoded in, so the driver encodes every claim in the one batch order the
  local engine uses and ships the vectors with each story;
- spelling variants read every entity's spellings across all reports;
- quote variants merge one minority wording across all reports (a wording
  met in two stories makes one flag naming both reports);
- headline mismatches learn "X is in Y" from every text.

Each story's facts are numbered "f1", "f2"… by the position of their first
claim among all claims, figures "g1"… by story then position, exactly as the
whole-corpus functions number them; ``tests/test_engine_ray.py`` compares
both engines' reports field by field.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import replace

from ..config import Config
from ..models import (
    Claim,
    DocExtraction,
    Document,
    Entity,
    Fact,
    Figure,
    Flag,
    Report,
    Story,
)

__all__ = ["BIN_DOCS", "serial_map", "split_cross_document", "story_parts"]

#: Documents per per-story task: small stories are packed together so a day
#: of news makes hundreds of tasks, not tens of thousands (Ray's per-task cost
#: is about a millisecond; a 64-document bin's facts take seconds).
BIN_DOCS = 64

#: Flag families found per story on the workers, and on the driver (see the
#: module docstring); a family missing from both runs every family on the driver.
STORY_FLAGS = ("editorial_insertion", "conflicting_figure")
DRIVER_FLAGS = ("spelling_variant", "quote_variant", "social_embed", "headline_mismatch")

#: ``run(fn, shared, items)`` -> ``[fn(shared, item) for item in items]``, however it runs them.
Runner = Callable[[Callable, object, Sequence], list]


def serial_map(fn: Callable, shared, items: Sequence) -> list:
    """The in-process runner: each item in turn (used by tests and as a reference)."""
    return [fn(shared, item) for item in items]


def story_parts(documents: Sequence[Document], stories: Sequence[Story]) -> list[list[str]]:
    """Document ids per story in input order; documents of no story form one last part."""
    pos = {d.id: i for i, d in enumerate(documents)}
    parts = [sorted((d for d in s.docs if d in pos), key=pos.__getitem__) for s in stories]
    storied = {d for s in stories for d in s.docs}
    loose = [d.id for d in documents if d.id not in storied]
    return [p for p in parts + [loose] if p]


def _bins(parts: list[list[str]], size: int = BIN_DOCS) -> list[list[list[str]]]:
    """Consecutive parts packed into bins of about ``size`` documents."""
    bins: list[list[list[str]]] = []
    count = size
    for p in parts:
        if count + len(p) > size:
            bins.append([])
            count = 0
        bins[-1].append(p)
        count += len(p)
    return bins


def split_cross_document(
    documents: Sequence[Document], extractions: Sequence[DocExtraction], config: Config, run: Runner = serial_map
) -> Report:
    """``pipeline.cross_document`` with its per-story parts given to ``run``; the same report."""
    from ..heap import frozen_heap

    with frozen_heap():  # the collector leaves the run's long-lived data alone (newssift.heap)
        return _split_cross_document(documents, extractions, config, run)


def _split_cross_document(
    documents: Sequence[Document], extractions: Sequence[DocExtraction], config: Config, run: Runner
) -> Report:
    """``split_cross_document``'s work."""
    from ..align.facts import EMBED_MAX_CLAIMS
    from ..heap import freeze_now
    from ..pipeline import finish_report, resolve_and_cluster

    clock = _Clock()
    entities, claims, stories = resolve_and_cluster(documents, extractions, config, done=clock)
    freeze_now()
    if len({d for s in stories for d in s.docs}) < sum(len(s.docs) for s in stories):
        # A document in two stories has no one story to be sent with: all on the driver.
        from ..pipeline import cross_document

        return cross_document(documents, extractions, config=config)
    ordered = _claim_order(documents, claims)
    use_embeddings = config.use_embeddings and len(ordered) <= EMBED_MAX_CLAIMS
    vectors = _vectors(ordered, config) if use_embeddings else None
    clock("embeddings")
    bins = _bins(story_parts(documents, stories))
    doc_by_id = {d.id: d for d in documents}
    claims_of: dict[str, list[Claim]] = {}
    for c in claims:
        claims_of.setdefault(c.doc, []).append(c)

    def part_input(part: list[str]) -> tuple[list[Document], list[Claim]]:
        return [doc_by_id[d] for d in part], [c for d in part for c in claims_of.get(d, ())]

    fact_config = config.with_(use_embeddings=use_embeddings)
    items = [[(*part_input(p), _vectors_for(p, claims_of, vectors)) for p in b] for b in bins]
    facts = _number_facts([f for out in run(facts_task, (entities, stories, fact_config), items) for f in out], ordered)
    clock("story_facts")

    in_fact = {cid for f in facts for cid in f.claims}
    # A claim in no fact is pooled under story "" by build_figures, across stories: keep that on the driver.
    split_figures = not stories or all(c.id in in_fact or not c.quantities for c in claims)
    part_of = {d: (i, j) for i, b in enumerate(bins) for j, p in enumerate(b) for d in p}
    facts_of: dict[tuple[int, int], list[Fact]] = {}
    for f in facts:  # in the global order, which each story's share keeps
        facts_of.setdefault(part_of[f.docs[0]], []).append(f)
    items = [[(*part_input(p), facts_of.get((i, j), [])) for j, p in enumerate(b)] for i, b in enumerate(bins)]
    outs = run(figures_flags_task, (entities, stories, split_figures), items)
    clock("story_figures_flags")
    figures = _number_figures([g for figs, _ in outs for g in figs]) if split_figures else None
    if figures is None:
        from ..align.figures import build_figures

        figures = build_figures(documents, claims, entities, facts)
    flags = _all_flags(documents, claims, entities, facts, figures, stories, [f for _, fl in outs for f in fl])
    clock("driver_flags")
    return finish_report(documents, entities, claims, facts, figures, flags, stories, config, meta=clock.meta())


class _Clock:
    """Seconds per phase of the split, kept as run-time meta ("time_split_<phase>_s")."""

    def __init__(self):
        import time

        self._now = time.perf_counter
        self._last = self._now()
        self._phases: list[tuple[str, str]] = []

    def __call__(self, phase: str) -> None:
        now = self._now()
        self._phases.append((f"time_split_{phase}_s", f"{now - self._last:.3f}"))
        self._last = now

    def meta(self) -> list[tuple[str, str]]:
        return self._phases


def _claim_order(documents: Sequence[Document], claims: Sequence[Claim]) -> list[Claim]:
    """Claims in the order ``align_facts`` takes them (document, start, end, id)."""
    doc_pos = {d.id: i for i, d in enumerate(documents)}
    return sorted(claims, key=lambda c: (doc_pos.get(c.doc, len(doc_pos)), c.start, c.end, c.id))


def _vectors(ordered: Sequence[Claim], config: Config) -> dict[str, object]:
    """Claim text -> embedding row, encoded in one call in ``align_facts``' order (same floats)."""
    from ..align.embeddings import embed

    texts = list(dict.fromkeys(c.text for c in ordered))
    rows = embed(texts, config.embedding_model)
    return {t: rows[i] for i, t in enumerate(texts)}


def _vectors_for(part: list[str], claims_of: dict[str, list[Claim]], vectors: dict | None) -> dict | None:
    if vectors is None:
        return None
    return {c.text: vectors[c.text] for d in part for c in claims_of.get(d, ())}


@contextmanager
def _precomputed(vectors: dict) -> Iterator[None]:
    """``align.embeddings.embed`` answers claim texts from the driver's vectors while a story's facts are found."""
    import numpy as np

    from ..align import embeddings

    original = embeddings.embed

    def lookup(texts, package):
        # Claim texts come from the driver; anything else (the facts stage
        # also embeds single event-predicate words) is encoded here as usual.
        if texts and all(t in vectors for t in texts):
            return np.stack([vectors[t] for t in texts])
        return original(texts, package)

    embeddings.embed = lookup
    try:
        yield
    finally:
        embeddings.embed = original


def facts_task(shared, parts) -> list[Fact]:
    """Round 1 (on a worker): the facts of each story in ``parts``, as ``align_facts`` finds them."""
    from ..align.facts import align_facts
    from ..align.origins import build_origin_index

    entities, stories, config = shared
    origins = build_origin_index(entities)  # one index for every story of the task: it reads all entities
    out: list[Fact] = []
    for docs, claims, vectors in parts:
        with _precomputed(vectors) if vectors is not None else nullcontext():
            out.extend(align_facts(docs, claims, entities, stories, config=config, origins=origins))
    return out


def figures_flags_task(shared, parts) -> tuple[list[Figure], list[Flag]]:
    """Round 2 (on a worker): figures (when split) and the per-story flag families of each story."""
    from ..align.figures import build_figures
    from ..align.origins import build_origin_index
    from ..flags.editorial import find_editorial_insertions
    from ..flags.figures import find_conflicting_figures

    entities, stories, split_figures = shared
    origins = build_origin_index(entities) if split_figures else None
    figures: list[Figure] = []
    flags: list[Flag] = []
    for docs, claims, facts in parts:
        if split_figures:
            figures.extend(build_figures(docs, claims, entities, facts, origins=origins))
        flags.extend(find_editorial_insertions(docs, claims, stories) + find_conflicting_figures(claims, facts))
    return figures, flags


def _number_facts(facts: list[Fact], ordered: Sequence[Claim]) -> list[Fact]:
    """Facts in the order of their first claim among all claims, numbered "f1"… as ``align_facts`` does."""
    row = {c.id: i for i, c in enumerate(ordered)}
    facts = sorted(facts, key=lambda f: row[f.claims[0]])
    return [replace(f, id=f"f{n}") for n, f in enumerate(facts, 1)]


def _number_figures(figures: list[Figure]) -> list[Figure]:
    """Figures ordered by story (a stable sort keeps each story's order), numbered "g1"…"""
    figures = sorted(figures, key=lambda g: g.story or "")
    return [replace(g, id=f"g{n}") for n, g in enumerate(figures, 1)]


def _all_flags(
    documents: Sequence[Document], claims: Sequence[Claim], entities: Sequence[Entity], facts: Sequence[Fact],
    figures: Sequence[Figure], stories: Sequence[Story], story_flags: list[Flag],
) -> list[Flag]:
    """The story flags joined by the driver's families, in ``find_flags``' order."""
    from ..flags import FLAG_KINDS, find_flags, order_flags, whole_run_flags

    if set(FLAG_KINDS) != set(STORY_FLAGS + DRIVER_FLAGS):  # a family added since: find all here
        return find_flags(documents, claims, entities, facts, figures, stories)
    if not documents:
        return []
    return order_flags(story_flags + whole_run_flags(documents, entities, stories), documents)
