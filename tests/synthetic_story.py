"""A synthetic analysed story written straight into a store (no spaCy): for page and cache tests and the benchmark."""
from __future__ import annotations

from newssift.models import Claim, Document, Fact, Report, Story

GENRES = (
    "The county court heard on Monday that {n} witnesses saw the crash, a clerk said.",
    "Shares in the ferry company fell {n} percent after the results, its chief executive said.",
    "The flood forced {n} families from their homes, the fire brigade said on Sunday.",
    "The city council voted {n} to 3 to close the old bridge, the mayor said.",
)


def story_report(n_docs: int, paragraphs: int = 6, claims_per_doc: int = 1) -> Report:
    """One story of ``n_docs`` articles of ``paragraphs`` sentences, the first ``claims_per_doc`` of each a claim,
    and one fact citing the first claim of each article."""
    docs, claims = [], []
    for i in range(n_docs):
        body = " ".join(GENRES[(i + k) % len(GENRES)].format(n=10 + i + k) for k in range(paragraphs))
        doc = Document(id=f"art-{i:04d}", text=body, title=f"Report {i} on the crash", outlet=f"Outlet {i % 7}",
                       published=f"2025-05-{1 + i % 28:02d}")
        docs.append(doc)
        at = 0
        for k in range(claims_per_doc):
            sentence = GENRES[(i + k) % len(GENRES)].format(n=10 + i + k)
            claims.append(Claim(id=f"{doc.id}#c{k + 1}", doc=doc.id, start=at, end=at + len(sentence), text=sentence,
                                kind="indirect", cue="said"))
            at += len(sentence) + 1
    facts = (Fact("f1", tuple(c.id for c in claims if c.id.endswith("#c1")), "corroborated", (), summary="witnesses saw the crash", story="s1",
                  docs=tuple(d.id for d in docs)),)
    return Report(documents=tuple(docs), claims=tuple(claims), facts=facts,
                  stories=(Story("s1", tuple(d.id for d in docs), "The crash"),))


def fill_story(db: str, n_docs: int, paragraphs: int = 6, claims_per_doc: int = 1) -> str:
    """Store ``story_report(n_docs)`` as a finished analysis in the store at ``db``; its permalink key."""
    from newssift import __version__
    from newssift.models import DocExtraction
    from newssift.store import Store, rows
    from newssift.store.engine import write_tx

    report = story_report(n_docs, paragraphs, claims_per_doc)
    by_doc: dict[str, list] = {}
    for c in report.claims:
        by_doc.setdefault(c.doc, []).append(c)
    extractions = [DocExtraction(doc=d, entities=(), claims=tuple(cs)) for d, cs in by_doc.items()]
    with Store.open(db) as store:
        store.add_documents(report.documents)
        with write_tx(store.engine) as conn:
            run = store._start_run(conn, "analyze")
            rows.save_extractions(conn, extractions, run, __version__, "synthetic", "2025-06-01T00:00:00+00:00")
            rows.save_report(conn, run, report)
            store._finish_run(conn, run)
    try:
        from newssift.store.permalinks import doc_key
    except ImportError:  # an older newssift (the web benchmark's before/after): no permalinks
        return ""
    return doc_key(report.documents[0].id)
