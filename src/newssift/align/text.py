"""Lexical similarity for alignment: content tokens, a small TF-IDF, cosine.

scikit-learn is not a dependency, and the vectors here are tiny (a claim is a
sentence, an article a few hundred words), so sparse vectors as plain dicts
are both fast enough and easy to read.  Tokens are lower-cased, stop words
(spaCy's English list) dropped and the rest reduced with the Snowball stemmer,
so "deployed"/"deploying" and "soldier"/"soldiers" meet.
"""
from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

import snowballstemmer
from spacy.lang.en.stop_words import STOP_WORDS

from ..extract.lexicon import REPORTING_FORMS

__all__ = [
    "TOKEN_RE",
    "Vector",
    "content_tokens",
    "content_words",
    "cosine",
    "idf_table",
    "stem",
    "tfidf",
    "with_compounds",
]

#: Words, numbers with separators ("10,000", "3.5") and hyphenated compounds.
TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’.,][^\W_]+)*", re.UNICODE)

#: Reporting verbs and hedges say how something was said, not what (vocabulary module).
_REPORTING = REPORTING_FORMS
_STOP = frozenset(w.lower() for w in STOP_WORDS) | _REPORTING

_STEMMER = snowballstemmer.stemmer("english")

Vector = dict[str, float]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem of one lower-case word (cached: news vocabularies repeat)."""
    return _STEMMER.stemWord(word)


_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
#: Number words, so "eight" and "8" meet (spaCy counts number words as stop words).
_NUMBER_WORDS = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}


def _number_token(tok: str) -> str | None:
    """Canonical form of a numeric token ("10,000" -> "#10000", "twenty-six" -> "#26"), or None.

    A token (``TOKEN_RE``) starts with a letter or a digit: only one starting
    with a digit is tried as a figure, so words are no exception raised and
    caught, and "nan", "inf" or "Infinity" stay words.
    """
    if not tok[:1].isdigit():
        parts = tok.split("-")
        if len(parts) <= 2 and all(p in _NUMBER_WORDS for p in parts):
            return f"#{sum(_NUMBER_WORDS[p] for p in parts)}"
        return None
    digits = tok.replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    return f"#{value:g}"


def content_words(text: str) -> list[tuple[str, str | None]]:
    """(lower-case word, token) for each word; numbers give ``#value`` tokens, stop words None.

    Hyphenated words are split ("front-line" -> "front", "line") so that
    :func:`with_compounds` can match them with "frontline" and "front line".
    """
    out: list[tuple[str, str | None]] = []
    for raw in TOKEN_RE.findall(text):
        out.extend(_word_tokens(raw))
    return out


@lru_cache(maxsize=1 << 17)
def _word_tokens(raw: str) -> tuple[tuple[str, str | None], ...]:
    """``content_words`` of one written word (cached: stories and facts read the same words again and again)."""
    tok = raw.lower().replace("’", "'")
    tok = tok.removesuffix("'s")
    num = _number_token(tok)
    if num is not None:
        return ((tok, num),)
    return tuple((part, None if part in _STOP or len(part) < 2 else stem(part))
                 for part in (tok.split("-") if "-" in tok else (tok,)))


def content_tokens(text: str) -> list[str]:
    """Stemmed content tokens of ``text``; numbers become ``#value`` tokens."""
    return [t for _, t in content_words(text) if t]


def with_compounds(words: Sequence[tuple[str, str | None]], vocabulary: set[str] | frozenset[str]) -> list[str]:
    """Tokens of ``words`` plus any adjacent pair written as one word elsewhere.

    "front lines" gains "frontlin" when another text of the set says
    "frontlines", so spelling a compound open, hyphenated or closed does not
    hide a match.
    """
    tokens = [t for _, t in words if t]
    for (w1, t1), (w2, t2) in itertools.pairwise(words):
        # Stop words count here: spaCy's list holds "front", "back", "side".
        if (t1 or "").startswith("#") or (t2 or "").startswith("#"):
            continue
        joined = stem(w1 + w2)
        if joined in vocabulary:
            tokens.append(joined)
    return tokens


def idf_table(token_lists: Iterable[Sequence[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each token over the given token lists."""
    df: Counter[str] = Counter()
    n = 0
    for toks in token_lists:
        n += 1
        df.update(set(toks))
    # The +1 smoothing (as in scikit-learn's smooth_idf) keeps a token seen in
    # every list at weight 1 rather than 0, so very common content words still
    # count a little.
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def tfidf(tokens: Sequence[str], idf: dict[str, float], default_idf: float | None = None) -> Vector:
    """L2-normalised TF-IDF vector (sublinear tf) of one token list."""
    if not tokens:
        return {}
    fallback = default_idf if default_idf is not None else (max(idf.values()) if idf else 1.0)
    vec = {t: (1.0 + math.log(c)) * idf.get(t, fallback) for t, c in Counter(tokens).items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two L2-normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    # Only shared terms add anything (the others are exact zeros), in a's order as before
    # (a list sums in the same order as a generator, and builds faster).
    return sum([v * b[t] for t, v in a.items() if t in b])
