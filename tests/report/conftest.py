"""A hand-made Report of an invented story (a flood), with every kind of item the views draw.

Offsets are computed from the texts, so every span is exact.  One document
carries hostile markup: the report must show it as text and run none of it.
"""
from __future__ import annotations

import hashlib

import pytest

from newssift.models import (
    Claim,
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
    SpanRef,
    Story,
)

HOSTILE = (
    '<script>window.__pwned = 1; document.title = "pwned";</script>'
    '<img src=x onerror="window.__pwned=2">'
    '<iframe src="https://example.invalid/x"></iframe>'
)

TEXT_A = (
    "Floodwater broke through the river dam at Holmfirth Vale on Tuesday, the county council said.\n\n"
    "At least 12 people were killed and about 40 were injured, according to the regional fire service.\n\n"
    '"We have never seen the river rise this fast," said council leader Maria Okafor.'
)
TEXT_B = (
    "The regional fire service said 12 people died when the dam failed on Tuesday.\n\n"
    "Between 300 and 350 homes were flooded, officials told reporters.\n\n"
    '"We have never seen the water rise this fast," council leader Maria Okafor told local radio.'
)
TEXT_C = (
    "Up to 20 people may have been killed, the Flood Watch group claimed, citing residents.\n\n"
    "Editorial note: " + HOSTILE + " This line was added by the site.\n\n"
    "The dam at Holmfirth Vale failed on Tuesday, the county council said."
)


def _span(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def _doc(i: str, text: str, **kw) -> Document:
    return Document(id=i, text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(), **kw)


def _claim(cid, doc, text, needle, kind, speaker=None, speaker_text=None, quantities=(), hedged=False, cue="said"):
    s, e = _span(text, needle)
    ss, se = _span(text, speaker_text) if speaker_text else (-1, -1)
    return Claim(
        id=cid, doc=doc, start=s, end=e, text=needle, kind=kind, speaker=speaker, speaker_text=speaker_text,
        speaker_start=ss, speaker_end=se, quantities=quantities, hedged=hedged, cue=cue,
    )


def _qty(text, needle, low, high, qualifier, measure):
    s, e = _span(text, needle)
    return Quantity(text=needle, low=low, high=high, qualifier=qualifier, measure=measure, start=s, end=e, subject="people")


def build_sample() -> Report:
    """The invented flood story as a full Report."""
    docs = (
        _doc("a", TEXT_A, title="Dam breach floods valley town", outlet="Valley Herald", published="2025-03-04",
             url="https://valley.example/dam", author="J. Reporter",
             removed=(Removed("Home | News | Sport", "navigation", 1), Removed("Share on social", "link_list", 2))),
        _doc("b", TEXT_B, title="Twelve dead after dam fails", outlet="County Times", published="2025-03-05",
             url="javascript:alert(1)", embeds=("@resident: water is up to the windows <b>now</b>",)),
        _doc("c", TEXT_C, title="Flood Watch: toll may be higher " + HOSTILE, outlet="Flood Watch Daily",
             published="2025-03-05", url="https://fwd.example/a"),
    )
    ents = (
        Entity("e1", "county council", "ORG", mentions=(Mention("a", *_span(TEXT_A, "the county council"), "the county council", "ORG", "e1"),)),
        Entity("e2", "regional fire service", "ORG", aliases=("fire service",)),
        Entity("e3", "Maria Okafor", "PERSON", titles=("council leader",)),
        Entity("e4", "Flood Watch", "ORG"),
        Entity("e5", "residents", "NORP"),
    )
    qa = _qty(TEXT_A, "At least 12 people", 12, None, "at_least", "killed")
    qa2 = _qty(TEXT_A, "about 40", 40, 40, "about", "injured")
    qb = _qty(TEXT_B, "12 people", 12, 12, "exact", "killed")
    qb2 = _qty(TEXT_B, "Between 300 and 350 homes", 300, 350, "range", "homes_flooded")
    qc = _qty(TEXT_C, "Up to 20 people", None, 20, "up_to", "killed")
    claims = (
        _claim("a#c1", "a", TEXT_A, "Floodwater broke through the river dam at Holmfirth Vale on Tuesday", "indirect", "e1", "the county council"),
        _claim("a#c2", "a", TEXT_A, "At least 12 people were killed and about 40 were injured", "according_to", "e2",
               "the regional fire service", (qa, qa2), cue="according to"),
        _claim("a#c3", "a", TEXT_A, "We have never seen the river rise this fast", "direct_quote", "e3", "Maria Okafor"),
        _claim("b#c1", "b", TEXT_B, "12 people died when the dam failed on Tuesday", "indirect", "e2", "The regional fire service", (qb,)),
        _claim("b#c2", "b", TEXT_B, "Between 300 and 350 homes were flooded", "indirect", None, "officials", (qb2,), cue="told"),
        _claim("b#c3", "b", TEXT_B, "We have never seen the water rise this fast", "direct_quote", "e3", "Maria Okafor"),
        _claim("c#c1", "c", TEXT_C, "Up to 20 people may have been killed", "indirect", "e4", "the Flood Watch group", (qc,),
               hedged=True, cue="claimed"),
        _claim("c#c2", "c", TEXT_C, "The dam at Holmfirth Vale failed on Tuesday", "indirect", "e1", "the county council"),
        _claim("c#c3", "c", TEXT_C, "This line was added by the site.", "unattributed", cue=None),
    )
    facts = (
        Fact("f1", ("a#c1", "c#c2"), "corroborated", ("e1",), summary="The dam failed on Tuesday."),
        Fact("f2", ("a#c2", "b#c1", "c#c1"), "conflicting", ("e2", "e4"), summary="People were killed in the flood.",
             conflict="12 or more (fire service) vs up to 20 (Flood Watch)"),
        Fact("f3", ("a#c3", "b#c3"), "single_origin", ("e3",)),
        Fact("f4", ("b#c2",), "single_origin", ("officials",)),
        Fact("f5", ("c#c3",), "unattributed", ()),
    )

    def fv(claim_id, q, src, src_text, outlet, doc):
        return FigureValue(claim_id, doc, q.text, q.low, q.high, q.qualifier, src, src_text, outlet, "2025-03-04", q.start, q.end)

    figures = (
        Figure("g1", "killed", "people", (
            fv("a#c2", qa, "e2", "regional fire service", "Valley Herald", "a"),
            fv("b#c1", qb, "e2", "regional fire service", "County Times", "b"),
            fv("c#c1", qc, "e4", "Flood Watch <b>group</b>", "Flood Watch Daily", "c"),
        ), low=12, best=12, high=20, rule="low: largest lower bound; high: largest upper bound"),
        Figure("g2", "homes_flooded", "homes", (fv("b#c2", qb2, None, "officials", "County Times", "b"),), low=300, best=325, high=350),
    )
    ins_s, ins_e = _span(TEXT_C, "Editorial note: " + HOSTILE + " This line was added by the site.")
    qa_s, qa_e = _span(TEXT_A, "We have never seen the river rise this fast")
    qb_s, qb_e = _span(TEXT_B, "We have never seen the water rise this fast")
    flags = (
        Flag("editorial_insertion", "c", TEXT_C[ins_s:ins_e], "An unattributed line inside the article that no other outlet carries.",
             ins_s, ins_e),
        Flag("quote_variant", "b", TEXT_B[qb_s:qb_e], "The same quote is worded differently by two outlets.", qb_s, qb_e,
             related=(SpanRef("a", qa_s, qa_e, TEXT_A[qa_s:qa_e]),)),
        Flag("conflicting_figure", "c", "Up to 20 people", "Flood Watch gives a higher toll than the fire service.",
             *_span(TEXT_C, "Up to 20 people"), detail="12 (fire service) vs up to 20 (Flood Watch)"),
    )
    return Report(
        documents=docs, entities=ents, claims=claims, facts=facts, figures=figures, flags=flags,
        stories=(Story("s1", ("a", "b", "c"), "Dam breach floods valley town"),),
        problems=(InputProblem("broken.pdf", "not a text or HTML file", "unsupported"),),
        duplicates=(Duplicate("a", "a-copy", "mirror.txt"),),
        meta=(("version", "test"),),
    )


@pytest.fixture()
def sample_report() -> Report:
    """The invented flood story (three outlets, facts of every status, two figures, three flags)."""
    return build_sample()
