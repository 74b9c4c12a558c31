"""The shape of one line of a pasted page: prose, list item, counter, label...

These are the features the plain-text cleaner (``text.py``) reasons with.
They look at form only (length, punctuation, capitalisation, digits,
bullets), never at the words of any particular site, so they carry over to
pages and outlets nobody has seen.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

__all__ = [
    "PROSE_MIN_WORDS",
    "LineShape",
    "ends_sentence",
    "line_shapes",
    "norm_line",
    "shape_of",
    "stopword_share",
    "titlecase_ratio",
    "words_of",
]

#: A body paragraph line has at least this many words.  Related-story
#: teasers and labels are shorter; the shortest real paragraphs in the
#: development pages are 14 words.  8 keeps short one-sentence paragraphs.
PROSE_MIN_WORDS = 8
#: Share of capitalised words (minor words like "of", "in" skipped) above
#: which a line reads as a headline rather than prose.  English prose sits
#: at 0.1–0.4, German prose (capitalised nouns) up to ~0.5, headlines at 0.8+.
TITLECASE_PROSE_MAX = 0.6
#: A short ALL-CAPS line of at most this many words is a section/category label.
LABEL_MAX_WORDS = 4
#: Counters ("Comments 12", "300", "1.2K views") have at most this many words.
COUNTER_MAX_WORDS = 3
#: A bulleted line that ends a sentence and has this many words is a bullet
#: point of the article, not a link list item (headlines rarely end in a stop).
LIST_SENTENCE_MIN_WORDS = 4
#: A line is the first part of a hard-wrapped paragraph (text wrapped at a
#: fixed width) only when it is at least this long and has this many words:
#: wrapped lines are near the wrap width (60-80 characters); headings are short.
WRAP_MIN_CHARS = 40
WRAP_MIN_WORDS = 5
#: A long line without a full stop is prose only when at least this share of
#: its words are function words: English news prose measures 0.35-0.5, menus
#: and link lists under 0.2.
STOPWORD_PROSE_MIN = 0.25
#: A capital-heavy line ending in a full stop is a sentence (not a headline)
#: from this many words on.
NAMES_SENTENCE_MIN_WORDS = 3
#: A line ending in a colon introduces a quote when it has this many words;
#: shorter ones ("Related:", "See also:") are trailers.
COLON_INTRO_MIN_WORDS = 4
#: A menu line has at least this many separated items of at most
#: MENU_ITEM_MAX_WORDS words each ("Home  World  Business  Sport").
MENU_MIN_ITEMS = 4
MENU_ITEM_MAX_WORDS = 3
#: A byline/dateline ("By A. Writer  Updated 17.06.2025 08:15") is short.
DATELINE_MAX_WORDS = 12

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
#: Scripts written without spaces between words (Chinese, Japanese, Thai,
#: Lao, Khmer, Burmese): a run of their letters is several words.  Chinese
#: words average 1.5-2 characters, Japanese and Thai about as many, so a run
#: counts one word per two characters; without this a whole Chinese
#: paragraph was one "word" and every line looked like a heading.
UNSPACED_CHARS_PER_WORD = 2
_UNSPACED = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]{2,}"
)
# Minor words a title-case headline keeps lower-case; without them a headline
# like "Troops Are Dying in Combat with Russia" would look half lower-case.
_MINOR = frozenset(
    ["a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "onto", "or", "over", "per", "the", "to", "up", "upon", "via", "vs", "with"]
)
# English function words: running text is 35-50 % of them, menus and link
# text far less.  Only used as extra evidence for lines without a full stop.
_STOPWORDS = _MINOR | frozenset(
    ["i", "me", "my", "we", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they", "them", "their", "this", "that", "these", "those", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "so", "than", "then", "there", "here", "who", "whom", "which", "what", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "only", "own", "same", "too", "very", "just", "also", "about", "after", "before", "because", "if", "while", "until", "against", "between", "through", "during", "out", "off", "again", "further", "once"]
)
# Characters that may follow a sentence's final stop: quotes and brackets.
_CLOSERS = "\"'”’»)]」』）"
# Sentence-final marks, Latin and other scripts (CJK full stops, Arabic and
# Devanagari marks).
_STOPS = frozenset(".!?…。！？｡؟।")
_BULLET = re.compile(r"^(?:[•·▪▫►▸◦‣●○■□◆◇*+>→»]|[-–—](?=\s))\s*")
_NUMBERED = re.compile(r"^\(?\d{1,2}[.)]\s+\S|^\d{1,2}$")
_COUNTER = re.compile(r"^(?:[^\W\d_][\w ]{0,24}?\s*\d[\d,.]*\s*[KkMm]?\+?|\d[\d,.]*\s*[KkMm]?\+?(?:\s*[^\W\d_][\w ]{0,24})?)$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_BRACKET_TAG = re.compile(r"^\[[^\]]{1,20}\]\s*")
# Menu items are set apart by runs of spaces or separator characters.
_MENU_SPLIT = re.compile(r"\s{2,}|\s*[|·•»›]\s*|\t")
# Dates and clock times as bylines and "Updated ..." lines write them.
_DATE_TIME = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b"
    r"|\b\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}\b|\b[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}\b"
)


@dataclass(frozen=True)
class LineShape:
    """What one non-blank line looks like."""

    text: str  # the line, stripped
    words: int
    terminal: bool  # ends like a sentence
    titlecase: float  # share of capitalised non-minor words
    kind: str  # prose | short_prose | list_item | counter | label | contact | menu | dateline | heading | other

    @property
    def is_prose(self) -> bool:
        """A full body-paragraph line."""
        return self.kind == "prose"

    @property
    def is_proseish(self) -> bool:
        """A line that may sit inside the article body."""
        return self.kind in ("prose", "short_prose")

    @property
    def is_hard_furniture(self) -> bool:
        """Shapes that never occur inside an article body."""
        return self.kind in ("list_item", "counter", "label", "contact", "menu", "dateline")


def norm_line(s: str) -> str:
    """A line folded for repetition checks: case, spaces and quotes ignored."""
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(s.split()).casefold()


def words_of(s: str) -> list[str]:
    """The words (letters first) of a line."""
    return _WORD.findall(s)


def titlecase_ratio(words: list[str]) -> float:
    """Share of capitalised words among those that are not minor words."""
    major = [w for w in words if w.casefold() not in _MINOR]
    if not major:
        return 0.0
    return sum(1 for w in major if w[0].isupper()) / len(major)


def stopword_share(words: list[str]) -> float:
    """Share of English function words among ``words`` (0 for other languages)."""
    if not words:
        return 0.0
    return sum(1 for w in words if w.casefold() in _STOPWORDS) / len(words)


def ends_sentence(s: str) -> bool:
    """True if ``s`` ends like a sentence (full stop, ?, !, …, or a closing quote)."""
    t = s.rstrip()
    if t[-1:] in ('"', "”", "»"):
        return True  # a paragraph that ends by closing a quotation
    t = t.rstrip(_CLOSERS)
    return t[-1:] in _STOPS


def shape_of(line: str) -> LineShape:
    """Classify one non-blank line by its shape."""
    s = line.strip()
    ws = words_of(s)
    n = len(ws) + sum(len(run) // UNSPACED_CHARS_PER_WORD - 1 for run in _UNSPACED.findall(s))
    term = ends_sentence(s)
    tc = titlecase_ratio(ws)
    kind = _kind(s, ws, n, term, tc)
    return LineShape(text=s, words=n, terminal=term, titlecase=tc, kind=kind)


def _kind(s: str, ws: list[str], n: int, term: bool, tc: float) -> str:
    if "@" in s and n <= 6 and _EMAIL.search(s) or _URL_ONLY.match(s):
        return "contact"
    if _BULLET.match(s) or _NUMBERED.match(s):
        # A bullet point of the article itself is a sentence ("• Two engines
        # attended the scene."); a related-stories item is a headline.
        if term and n >= LIST_SENTENCE_MIN_WORDS and tc <= TITLECASE_PROSE_MAX:
            return "short_prose"
        return "list_item"
    if n <= COUNTER_MAX_WORDS and any(c.isdigit() for c in s) and _COUNTER.match(s):
        return "counter"
    if not any(c.isalpha() for c in s):
        # Only digits/punctuation ("300", "|", "•••"): counters and separators.
        return "counter"
    if n <= LABEL_MAX_WORDS:
        letters = [c for c in s if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            return "label"
    if _BRACKET_TAG.match(s) and not term:
        return "label"
    if not term:
        items = [x for x in _MENU_SPLIT.split(s) if x.strip()]
        if len(items) >= MENU_MIN_ITEMS and all(len(words_of(x)) <= MENU_ITEM_MAX_WORDS for x in items):
            return "menu"
        if n <= DATELINE_MAX_WORDS and _DATE_TIME.search(s):
            return "dateline"
    if s.endswith(":") and n >= COLON_INTRO_MIN_WORDS and tc <= TITLECASE_PROSE_MAX:
        # "She wrote on social media:" introduces a quote or post inside the body.
        return "short_prose"
    if term and tc <= TITLECASE_PROSE_MAX:
        if n >= PROSE_MIN_WORDS:
            return "prose"
        if n >= 2:
            return "short_prose"
    if term and n >= PROSE_MIN_WORDS * 2:
        # A long line that ends a sentence is prose even when capital-heavy
        # (lists of names, German nouns).
        return "prose"
    if term and n >= NAMES_SENTENCE_MIN_WORDS and s.rstrip(_CLOSERS).endswith("."):
        # A short sentence full of names ("Kim Jong Un visited Moscow.") ends
        # with a full stop, which headlines and labels do not.
        return "short_prose"
    if not term and n >= PROSE_MIN_WORDS * 2 and tc <= TITLECASE_PROSE_MAX and s[-1:] not in ":" and (
        stopword_share(ws) >= STOPWORD_PROSE_MIN
    ):
        # A long line that lost its final full stop (scrapers sometimes cut
        # it) is still prose when it reads like running text: function words
        # make up a good share of sentences, far less of menus and link text.
        return "prose"
    if n >= 1 and not term:
        return "heading"
    return "other"


_UNWRAPPABLE = ("list_item", "counter", "label", "contact", "menu")


def line_shapes(lines: Sequence[str]) -> list[LineShape | None]:
    """The shape of every line (None for blank ones).

    The lines of one hard-wrapped paragraph (no full stop at the break, the
    next line going on in lower case or after a comma or a minor word) share
    the shape of the whole paragraph, so a wrapped article reads as prose.
    Each shape keeps its own line's text.
    """
    base = [shape_of(s) if s.strip() else None for s in lines]
    out = list(base)
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j + 1 < n and _continues(base[j], base[j + 1]):
            j += 1
        if j > i:
            unit = shape_of(" ".join(base[k].text for k in range(i, j + 1)))
            for k in range(i, j + 1):
                out[k] = replace(unit, text=base[k].text)
        i = j + 1
    return out


def _continues(cur: LineShape | None, nxt: LineShape | None) -> bool:
    """True if ``nxt`` is the next part of the paragraph that ``cur`` starts."""
    if cur is None or nxt is None or cur.terminal or cur.kind in _UNWRAPPABLE or nxt.kind in _UNWRAPPABLE:
        return False
    if len(cur.text) < WRAP_MIN_CHARS or cur.words < WRAP_MIN_WORDS:
        return False
    if nxt.text[0].islower():
        # Going on in lower case: even a capital-heavy dateline start
        # ("LONDON, May 2 (Agency) - ...") is part of the paragraph.
        return True
    last = cur.text.rsplit(None, 1)[-1].casefold()
    return cur.titlecase <= TITLECASE_PROSE_MAX and (cur.text.endswith((",", ";", "-", "–", "—")) or last in _MINOR)
