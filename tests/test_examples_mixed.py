"""The story-clustering example set (examples/mixed/) is complete and consistent.

Other tests cluster these files and compare with labels.csv; these checks make
sure the labels, the sidecar metadata and the files themselves agree, so that a
clustering failure means the clusterer, not a hole in the data.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIXED = ROOT / "examples" / "mixed"

# The brief for this set: at least 8 stories of 2-4 short articles each.
MIN_STORIES = 8
DOCS_PER_STORY = range(2, 5)
# Article length bounds from the same brief (words in the whole file).
MIN_WORDS, MAX_WORDS = 120, 300


def read_csv(name: str) -> list[dict[str, str]]:
    with (MIXED / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def stems() -> set[str]:
    return {p.stem for p in MIXED.glob("*.txt")}


def test_labels_cover_every_file_once():
    rows = read_csv("labels.csv")
    ids = [r["doc_id"] for r in rows]
    assert len(ids) == len(set(ids))
    assert set(ids) == stems()
    sizes = Counter(r["story"] for r in rows)
    assert len(sizes) >= MIN_STORIES
    assert all(n in DOCS_PER_STORY for n in sizes.values()), sizes


def test_articles_are_short_news_texts():
    for path in sorted(MIXED.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        words = len(re.findall(r"\w+", text))
        assert MIN_WORDS <= words <= MAX_WORDS, f"{path.name}: {words} words"


def test_headlines_differ_within_each_story():
    labels = {r["doc_id"]: r["story"] for r in read_csv("labels.csv")}
    seen: dict[tuple[str, str], str] = {}
    for path in sorted(MIXED.glob("*.txt")):
        first = path.read_text(encoding="utf-8").splitlines()[0].strip().lower()
        key = (labels[path.stem], first)
        assert key not in seen, f"{path.name} repeats the headline of {seen.get(key)}"
        seen[key] = path.name


def test_meta_matches_files_and_titles():
    rows = read_csv("meta.csv")
    assert {r["id"] for r in rows} == stems()
    for r in rows:
        dt.date.fromisoformat(r["published"])
        first = (MIXED / f"{r['id']}.txt").read_text(encoding="utf-8").splitlines()[0]
        assert r["title"] == first, r["id"]
        assert ".example/" in r["url"], r["id"]
    # One outlet covers several stories, so the outlet alone cannot cluster them.
    labels = {r["doc_id"]: r["story"] for r in read_csv("labels.csv")}
    stories_per_outlet = Counter()
    for outlet in {r["outlet"] for r in rows}:
        stories_per_outlet[outlet] = len({labels[r["id"]] for r in rows if r["outlet"] == outlet})
    assert max(stories_per_outlet.values()) >= 3
