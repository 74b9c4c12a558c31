"""Property-based fuzzing of ingest (hypothesis): any bytes, HTML, text, JSON or gzip in, never a crash out.

Derandomised (the same examples every run, so ``make test`` is stable); ``benchmarks/fuzz.py --seed N``
explores further.

Whatever the input, the public ingest functions return an ``IngestResult``:
documents with non-empty text and distinct ids, and problems whose message is
one line that names no Python internals. ``benchmarks/fuzz.py`` runs the same
idea at scale (>= 10,000 inputs) and through the whole analysis.
"""
from __future__ import annotations

import gzip
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newssift.api import ingest_bytes, ingest_texts
from newssift.config import DEFAULT_CONFIG

#: No network here: a feed or record that names a URL must fail fast, not wait.
CONFIG = DEFAULT_CONFIG.with_(connect_timeout=0.5, read_timeout=0.5)
FUZZ = settings(max_examples=60, deadline=None, database=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NAMES = st.sampled_from(["a.html", "a.txt", "a.jsonl", "a.json", "a.xml", "a.rss", "a.warc", "a.warc.gz", "a.gz",
                         "a.md", "a", "a.csv"])
#: Words of Python's internals that must never reach a person's screen.
INTERNALS = ("Traceback", "Error:", "Exception", "errno", "object at 0x")

WORDS = st.sampled_from(["The", "minister", "said", "on", "Monday", "that", "12", "people", "were", "hurt", ".", ",",
                         "“", "”", "\"", "according", "to", "police", "the", "court", "ruled", "£4.5m", "about", "\n",
                         "\n\n", "Ms", "Oduya", "told", "reporters", "&amp;", "&#0;", "&#99999999;", "\u200b", "\x00"])
PROSE = st.lists(WORDS, min_size=0, max_size=80).map(" ".join)
TAGS = st.sampled_from(["p", "div", "article", "h1", "span", "script", "style", "nav", "footer", "blockquote", "a",
                        "table", "td", "li", "ul", "br", "iframe", "title", "head", "body"])


def _html(children):
    """A random HTML fragment tree: ``<tag attrs>children</tag>``, sometimes left unclosed."""
    node = st.tuples(TAGS, st.lists(children, max_size=4), st.booleans(),
                     st.sampled_from(["", ' class="story-body"', ' href="javascript:x"', ' id="x" data-a=\'"\'']))
    return node.map(lambda t: f"<{t[0]}{t[3]}>" + "".join(t[1]) + (f"</{t[0]}>" if t[2] else ""))


HTML = st.recursive(PROSE, _html, max_leaves=25)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | PROSE,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "title", "url", "outlet", "published", "id", "body", "content", "x"]), inner, max_size=5),
    max_leaves=20,
)


def _check(result, internals: bool = True) -> None:
    ids = [d.id for d in result.documents]
    assert len(ids) == len(set(ids))
    for d in result.documents:
        assert isinstance(d.text, str) and d.text.strip()
    for p in result.problems:
        assert isinstance(p.message, str) and "\n" not in p.message.strip(), p
        if internals:
            assert not any(w in p.message for w in INTERNALS), p


@FUZZ
@given(name=NAMES, data=st.binary(max_size=4000))
def test_any_bytes_under_any_name(name, data):
    _check(ingest_bytes([(name, data)], config=CONFIG))


@FUZZ
@given(body=HTML, title=PROSE, deep=st.integers(0, 3000))
def test_generated_html(body, title, deep):
    page = f"<!doctype html><html><head><title>{title}</title></head><body>{'<div>' * deep}{body}</body></html>"
    _check(ingest_bytes([("page.html", page.encode("utf-8", "surrogatepass"))], config=CONFIG))


@FUZZ
@given(texts=st.lists(st.text(max_size=600) | PROSE, min_size=1, max_size=3))
def test_text(texts):
    _check(ingest_texts(texts, config=CONFIG))


@FUZZ
@given(records=st.lists(JSON_VALUES, min_size=1, max_size=4), nest=st.integers(0, 5000))
def test_json_lines(records, nest):
    lines = [json.dumps(r) for r in records] + ["[" * nest + "]" * nest]
    _check(ingest_bytes([("records.jsonl", "\n".join(lines).encode())], config=CONFIG))


def test_deeply_nested_json_is_reported_without_python_internals():
    data = ("[" * 5000 + "]" * 5000).encode()
    _check(ingest_bytes([("deep.jsonl", data)], config=CONFIG))


@FUZZ
@given(text=PROSE, cut=st.integers(0, 400), name=st.sampled_from(["a.txt.gz", "a.html.gz", "a.gz", "a.warc.gz"]))
def test_gzip_whole_or_truncated(text, cut, name):
    packed = gzip.compress(text.encode("utf-8"))
    _check(ingest_bytes([(name, packed[: max(0, len(packed) - cut)])], config=CONFIG))


def test_bad_character_reference_in_a_feed_is_reported_without_python_internals():
    feed = b"<rss><channel><item><title>t</title><description>&#999999999999;</description></item></channel></rss>"
    _check(ingest_bytes([("feed.rss", feed)], config=CONFIG))


@pytest.mark.parametrize("n_items", [1, 3])
def test_fuzz_inputs_of_the_benchmark_do_not_crash_ingest(n_items):
    """A quick slice of the benchmark's own generator (seeded), so its corpus stays runnable."""
    import importlib.util
    import sys
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("fuzz_bench", Path(__file__).parents[1] / "benchmarks" / "fuzz.py")
    mod = sys.modules.setdefault("fuzz_bench", importlib.util.module_from_spec(spec))
    spec.loader.exec_module(mod)
    gen = mod.Inputs(seed=n_items)
    for _ in range(20):
        items = [gen.next() for _ in range(n_items)]
        _check(ingest_bytes(items, config=CONFIG))
