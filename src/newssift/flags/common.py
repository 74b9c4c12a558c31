"""Helpers shared by the flag families: the parser, stories, sentences and word overlap."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..extract.lexicon import COMPARISON_STOP_WORDS
from ..models import Document, Story

__all__ = [
    "STOPWORDS",
    "content_words",
    "load_parser",
    "norm_words",
    "overlap",
    "story_peers",
]

#: Function words left out when comparing sentences (kept in the vocabulary module).
STOPWORDS = COMPARISON_STOP_WORDS
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F0-9]+(?:['\u2019][A-Za-z]+)?")


@lru_cache(maxsize=2)
def load_parser(model: str | None = None):
    """The spaCy pipeline used by annotate (loaded once per process)."""
    from ..annotate import load_nlp
    from ..config import DEFAULT_CONFIG

    config = DEFAULT_CONFIG if model is None else DEFAULT_CONFIG.with_(spacy_model=model)
    return load_nlp(config)


def story_peers(documents: Sequence[Document], stories: Sequence[Story]) -> dict[str, list[str]]:
    """Document id -> the other documents of its story (all others when there are no stories)."""
    ids = [d.id for d in documents]
    peers: dict[str, list[str]] = {}
    for s in stories:
        for d in s.docs:
            peers.setdefault(d, [x for x in s.docs if x != d])
    for d in ids:
        peers.setdefault(d, [x for x in ids if x != d] if not stories else [])
    return peers


def norm_words(text: str) -> list[str]:
    """Lower-case words of a text, apostrophes folded (for quote comparison)."""
    return [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]


def content_words(text: str) -> set[str]:
    """Lower-case content words (no function words, no one-letter words)."""
    return {w for w in norm_words(text) if w not in STOPWORDS and len(w) > 1}


def overlap(a: set[str], b: set[str]) -> float:
    """Overlap coefficient |A ∩ B| / min(|A|, |B|); 0 for an empty side."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
