"""The bundled example story and its gold file agree with each other.

examples/harbour-fire.gold.yaml is hand-written; these tests keep it faithful
to the texts in examples/harbour-fire/ whenever either is edited: every quote
is really in its document (after the reference scorer's normalisation), every
layout line number points at a line that exists and has text, every reference
between sections resolves, and meta.csv covers exactly the article files.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from pathlib import Path

import lxml.html
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "examples" / "harbour-fire"
GOLD = ROOT / "examples" / "harbour-fire.gold.yaml"

KINDS = {"direct_quote", "indirect", "according_to", "unattributed"}
QUALIFIERS = {"exact", "about", "at_least", "over", "up_to", "under", "range", "vague"}
STATUSES = {"corroborated", "single_origin", "unattributed", "conflicting"}
FLAG_KINDS = {"editorial_insertion", "spelling_variant", "quote_variant", "social_embed",
              "headline_mismatch", "conflicting_figure"}
META_COLUMNS = ["id", "url", "outlet", "title", "published"]
# The brief asks for publication dates inside one week.
MAX_PUBLICATION_SPREAD_DAYS = 6


def norm(s: str) -> str:
    """The reference scorer's normalisation (shared/eval/score.py)."""
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def expand(spec) -> set[int]:
    """Line numbers of a layout range list such as [[1, 3], [7, 12]] or [5]."""
    out: set[int] = set()
    for r in spec or []:
        out.update([r] if isinstance(r, int) else range(r[0], r[1] + 1))
    return out


@pytest.fixture(scope="module")
def gold() -> dict:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


def doc_path(doc_id: str) -> Path:
    found = sorted(STORY.glob(doc_id + ".*"))
    assert len(found) == 1, f"{doc_id}: expected one file, found {found}"
    return found[0]


def html_article_text(path: Path) -> str:
    """Visible text of the page's <article> (scripts and styles dropped)."""
    root = lxml.html.fromstring(path.read_bytes())
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    articles = root.xpath("//article")
    assert articles, f"{path.name}: no <article> element"
    return articles[0].text_content()


def whole_text(doc_id: str) -> str:
    """The document as a reader sees it: the file, or an HTML page's article."""
    path = doc_path(doc_id)
    if path.suffix == ".html":
        return html_article_text(path)
    return path.read_text(encoding="utf-8")


def body_text(gold: dict, doc_id: str) -> str:
    """Only the body lines for .txt files with a layout; the article otherwise."""
    spec = gold.get("layout", {}).get(doc_id)
    if spec is None:
        return whole_text(doc_id)
    lines = doc_path(doc_id).read_text(encoding="utf-8").splitlines()
    body = expand(spec.get("body"))
    return "\n".join(line for i, line in enumerate(lines, 1) if i in body)


def source_keys(gold: dict) -> set[str]:
    return set(gold.get("entities", {})) | set(gold.get("source_names") or {})


def test_format_and_documents(gold):
    assert gold["format"] == "newssift-gold/1"
    docs = gold["documents"]
    assert len(docs) == len(set(docs)) >= 6
    on_disk = {p.stem for p in STORY.iterdir() if p.suffix in {".txt", ".html"}}
    assert set(docs) == on_disk


def test_claim_quotes_lie_in_the_body(gold):
    missing = [c["id"] for c in gold["claims"] if norm(c["quote"]) not in norm(body_text(gold, c["doc"]))]
    assert missing == []


def test_flag_quotes_lie_in_their_document(gold):
    missing = [(f["kind"], f["doc"]) for f in gold["flags"]
               if norm(f["quote"]) not in norm(whole_text(f["doc"]))]
    assert missing == []
    assert {f["kind"] for f in gold["flags"]} <= FLAG_KINDS


def test_layout_points_at_non_blank_lines(gold):
    for doc_id, spec in gold["layout"].items():
        path = doc_path(doc_id)
        assert path.suffix == ".txt", f"{doc_id}: layout is only for .txt inputs"
        lines = path.read_text(encoding="utf-8").splitlines()
        body, embeds = expand(spec.get("body")), expand(spec.get("embeds"))
        title = spec.get("title")
        assert body, f"{doc_id}: no body lines"
        assert not body & embeds, f"{doc_id}: a line is both body and embed"
        named = body | embeds | ({title} if title else set())
        for i in named:
            assert 1 <= i <= len(lines), f"{doc_id}: line {i} is past the end"
        # Range ends and the title must be real text lines, not blanks.
        ends = {title} if title else set()
        for r in (spec.get("body") or []) + (spec.get("embeds") or []):
            ends.update([r] if isinstance(r, int) else [r[0], r[1]])
        blank = [i for i in sorted(ends) if not lines[i - 1].strip()]
        assert blank == [], f"{doc_id}: layout names blank lines {blank}"
        if title:
            assert title not in body | embeds


def test_html_documents_have_no_layout(gold):
    for doc_id in gold["documents"]:
        if doc_path(doc_id).suffix == ".html":
            assert doc_id not in gold["layout"]


def test_every_entity_name_occurs_somewhere(gold):
    corpus = " ".join(norm(whole_text(d)) for d in gold["documents"])
    absent = [n for e in gold["entities"].values() for n in e["names"] if norm(n) not in corpus]
    assert absent == []


def test_entity_names_are_not_shared(gold):
    seen: dict[str, str] = {}
    for key, ent in gold["entities"].items():
        for name in ent["names"]:
            assert seen.setdefault(norm(name), key) == key, f"{name!r} is in two entities"


def test_claims_are_well_formed(gold):
    ids = [c["id"] for c in gold["claims"]]
    assert len(ids) == len(set(ids))
    keys = source_keys(gold)
    for c in gold["claims"]:
        assert c["doc"] in gold["documents"], c["id"]
        assert c["kind"] in KINDS, c["id"]
        sources = c["source"] if isinstance(c["source"], list) else [c["source"]]
        for s in sources:
            assert s is None or s in keys, f"{c['id']}: unknown source {s}"
        assert (c["source"] is None) == (c["kind"] == "unattributed"), c["id"]
        assert c.get("via") is None or c["via"] in keys, c["id"]
        for q in c.get("quantities") or []:
            assert q["qualifier"] in QUALIFIERS, c["id"]
            if "low" in q:
                lo, hi = q["low"], q["high"]
                assert lo is not None or hi is not None, c["id"]
                assert lo is None or hi is None or lo <= hi, c["id"]
            else:
                assert q["qualifier"] == "vague" and norm(q["text"]) in norm(c["quote"]), c["id"]


def test_facts_and_figures_reference_known_claims(gold):
    ids = {c["id"] for c in gold["claims"]}
    keys = source_keys(gold)
    in_fact: dict[str, str] = {}
    for f in gold["facts"]:
        assert f["status"] in STATUSES, f["id"]
        assert len(f["claims"]) >= 2, f["id"]
        for cid in f["claims"]:
            assert cid in ids, f"{f['id']}: unknown claim {cid}"
            assert in_fact.setdefault(cid, f["id"]) == f["id"], f"{cid} is in two facts"
        assert set(f["origin"]) <= keys, f["id"]
        # The status must follow from the origins the way the README defines it.
        if f["status"] == "corroborated":
            assert len(f["origin"]) >= 2, f["id"]
        if f["status"] == "single_origin":
            assert len(f["origin"]) == 1, f["id"]
        if f["status"] == "unattributed":
            assert f["origin"] == [], f["id"]
    for name, fig in gold["figures"].items():
        assert set(fig["claims"]) <= ids, name


def test_meta_covers_every_article():
    with (STORY / "meta.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == META_COLUMNS
        rows = list(reader)
    stems = {p.stem for p in STORY.iterdir() if p.suffix in {".txt", ".html"}}
    assert sorted(r["id"] for r in rows) == sorted(stems)
    dates = [dt.date.fromisoformat(r["published"]) for r in rows]
    assert (max(dates) - min(dates)).days <= MAX_PUBLICATION_SPREAD_DAYS
    for r in rows:
        assert r["url"].startswith("https://") and ".example/" in r["url"], r["id"]
        assert r["outlet"] and r["title"], r["id"]
    assert len({r["outlet"] for r in rows}) == len(rows), "one outlet per file"
