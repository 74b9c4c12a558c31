"""Words that mark a text as English, for ingest's language check (``ingest.decode.detect_language``).

Common English function words that are rare as words of other languages
written in Latin letters: "is", "was", "on", "be", "in", "an", "also"
(Dutch, German, Finnish), "for", "at", "have", "her", "over" (Danish,
Norwegian), "to", "by", "we" (Polish), "a", "as" (Romance languages) are
left out.
"""
from __future__ import annotations

__all__ = ["ENGLISH_MARKERS"]

ENGLISH_MARKERS = frozenset({
    "the", "and", "of", "that", "with", "has", "were", "are", "this", "from", "said", "which", "been", "would",
    "their", "they", "it", "will", "what", "who", "he", "his", "she", "its", "not", "but", "had", "after", "when",
    "there", "about", "more", "than", "into", "could", "should", "some",
})
