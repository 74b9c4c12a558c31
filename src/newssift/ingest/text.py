"""Clean a pasted or scraped plain-text page: headline, body, embeds, furniture.

The page is read as lines.  Each non-blank line gets a shape (``lines.py``);
quoted social posts are found by their signature (``embeds.py``).  The body is
the contiguous prose region around the page's longest run of prose lines:
navigation, bylines and link lists sit before or after that region, and a
short heading or post inside it does not break it.  The headline is the most
headline-shaped line above the body (``roles.py``).  Everything that is not body, headline
or embed is cut and recorded with a reason.

Every kept body line appears verbatim (stripped of surrounding spaces) in the
resulting text; paragraphs are joined with a blank line where the input had
one and a single newline where it did not.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..extract.lexicon import IRREGULAR_REPORT_FORMS, REPORTING_VERBS
from ..models import Removed
from .embeds import find_embeds
from .lines import PROSE_MIN_WORDS, LineShape, line_shapes, norm_line, shape_of
from .notices import is_notice
from .roles import (
    HEADLINE_MIN_WORDS,
    byline_author,
    cut_reason,
    find_headline,
    name_like,
    refine_reasons,
    removed_records,
)

__all__ = ["CleanText", "boilerplate_lines", "clean_text"]

#: Headings/labels allowed between two prose runs for them to count as one
#: article (a sub-heading, a photo credit, an "Advertisement" label).  Two such
#: lines in a row are crossed only towards real paragraphs (MERGE_STRONG_MIN);
#: link lists and comment threads put three or more lines between prose.
MAX_GAP_LINES = 2
#: A run joined across a gap of more than one line must have at least this many
#: full prose lines; a lone teaser paragraph after "Read more" + a headline
#: is not the article's continuation.
MERGE_STRONG_MIN = 2
#: A line of this many words or fewer, without a full stop, inside the body
#: is a page label ("Advertisement", "Share"), not a sub-heading: sub-headings
#: say something ("What happens next").
INLINE_LABEL_MAX_WORDS = 1
#: "Field: value" lines this short inside the body are credits and pointers
#: ("Photo: Agency", "Source: ministry"), not sub-headings.
INLINE_FIELD_MAX_WORDS = 4
#: A text with no sentence-shaped line and at most this many lines is a
#: snippet the user pasted on purpose, kept whole; a longer one is a page of
#: furniture with no article.
SNIPPET_MAX_LINES = 3
#: A line that repeats in the page is furniture unless it is this long and
#: full prose (a pull-quote may repeat a sentence of the body).
REPEAT_PROSE_MIN_CHARS = 40
#: Line shapes trimmed from the edges of an already extracted article
#: (sweep in docs/extraction.md: labels +1 furniture line cut, none lost;
#: headings too lose 17 article lines).
EDGE_TRIM_KINDS = frozenset({"label"})
#: Lines shared by this many pages of one site are site boilerplate.
BOILERPLATE_MIN_PAGES = 2
#: A page shares its site's template when at least this many of its non-
#: sentence lines recur elsewhere: a site's nav, footer and labels give
#: dozens; two outlets' copies of one wire story share a sub-heading or two.
TEMPLATE_MIN_LINES = 3


@dataclass(frozen=True)
class CleanText:
    """The result of cleaning one page."""

    text: str
    title: str | None
    embeds: tuple[str, ...]
    removed: tuple[Removed, ...]
    author: str | None = None  # the name on the byline line, when there is one


def boilerplate_lines(pages: Iterable[str]) -> frozenset[str]:
    """Lines that are not sentences and recur on several pages of one site (folded form).

    Sentence lines are never counted: outlets quoting the same wire copy
    share whole sentences that are body, not furniture.  Only pages that
    share a template (at least TEMPLATE_MIN_LINES such lines with another
    page) count, so two outlets that carry the same wire story with the same
    sub-heading do not lose it.
    """
    keysets = []
    for page in pages:
        keys = set()
        for line in page.splitlines():
            if line.strip() and not shape_of(line).is_proseish:
                keys.add(norm_line(line))
        keysets.append(keys)
    seen: Counter[str] = Counter(k for keys in keysets for k in keys)
    shared = {k for k, n in seen.items() if n >= BOILERPLATE_MIN_PAGES}
    templated = [keys & shared for keys in keysets if len(keys & shared) >= TEMPLATE_MIN_LINES]
    again: Counter[str] = Counter(k for keys in templated for k in keys)
    return frozenset(k for k, n in again.items() if n >= BOILERPLATE_MIN_PAGES)


def clean_text(
    raw: str, *, title: str | None = None, boilerplate: frozenset[str] = frozenset(), extracted: bool = False
) -> CleanText:
    """Split a plain-text page into body text, headline, embedded posts and cut furniture.

    ``title`` is a headline already known (from metadata); when given, the
    page's own headline line is cut as ``headline`` and not searched for.
    ``boilerplate`` holds folded lines known to recur across the site's pages.
    ``extracted`` says the text already comes from an article extractor
    (trafilatura): then its lines are kept as they are (lists and
    sub-headings included), only the headline and embedded posts set apart.
    """
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    embed_ranges = find_embeds(lines)
    in_embed = {i for a, b in embed_ranges for i in range(a, b + 1)}
    shapes: list[LineShape | None] = _edge_shapes(lines, in_embed) if extracted else line_shapes(lines)
    role: list[str | None] = [None] * len(lines)  # None: blank; else a reason or "body"

    for a, b in embed_ranges:
        for i in range(a, b + 1):
            if shapes[i] is not None:
                role[i] = "embed"

    # An extracted article's lines are kept whatever repeats in it (its
    # duplicate paragraphs are still dropped below): no need to count them.
    repeated = set() if extracted else _repeated_lines(lines, shapes)
    hard = [
        shapes[i] is not None
        and role[i] != "embed"
        and (
            shapes[i].is_hard_furniture
            or (norm_line(lines[i]) in repeated and not _long_prose(shapes[i]))
            or (norm_line(lines[i]) in boilerplate)
        )
        for i in range(len(lines))
    ]
    # A notice to the reader (paywall, app, affiliate, cookies) is cut
    # wherever it sits, in extracted articles too.
    notice = [shapes[i] is not None and role[i] != "embed" and is_notice(lines[i]) for i in range(len(lines))]
    if extracted:
        lo, hi = _edges(shapes, role)
        hard = [False] * len(lines)
        lo = _past_known_headline(lines, shapes, lo, hi, title)
    else:
        lo, hi = _body_region(shapes, role, hard)
        if lo is None:
            lo, hi = _snippet(shapes, role, hard)
    if lo is not None:
        seen_body: set[str] = set()
        for i in range(lo, hi + 1):
            if shapes[i] is None or role[i] == "embed":
                continue
            key = norm_line(lines[i])
            if notice[i]:
                role[i] = "notice"
            elif hard[i]:
                role[i] = cut_reason(shapes[i], key in repeated, key in boilerplate)
            elif not extracted and _inline_label(shapes[i]):
                role[i] = "label"
            elif key in seen_body:
                role[i] = "duplicate_block"
            else:
                role[i] = "body"
                seen_body.add(key)
    head_idx = find_headline(lines, shapes, role, lo, title)
    if head_idx is not None:
        role[head_idx] = "headline"
        if title is None:
            title = lines[head_idx].strip()
    for i, sh in enumerate(shapes):
        if sh is not None and role[i] is None and notice[i]:
            role[i] = "notice"
        elif sh is not None and role[i] is None:
            key = norm_line(lines[i])
            before = lo is None or i < lo
            role[i] = cut_reason(sh, key in repeated, key in boilerplate, before=before)
    refine_reasons(shapes, role)
    return CleanText(
        text=_join_body(lines, role),
        title=title,
        embeds=tuple("\n".join(s.strip() for s in lines[a : b + 1] if s.strip()) for a, b in embed_ranges),
        removed=tuple(removed_records(lines, role)),
        author=byline_author(lines, role),
    )


# --------------------------------------------------------------------------- helpers
def _inline_label(sh: LineShape) -> bool:
    """A short label line inside the body: "Advertisement", "Photo: Agency"; not "He said:" (it introduces a quote)."""
    if sh.kind != "heading" or _introduces_speech(sh.text):
        return False
    return sh.words <= INLINE_LABEL_MAX_WORDS or (":" in sh.text and sh.words <= INLINE_FIELD_MAX_WORDS)


def _introduces_speech(text: str) -> bool:
    """ "He said:", "The agency reports:", "She told reporters:": a speaker, an inflected reporting verb, a colon."""
    words = text.rstrip().rstrip(":").split()
    if not text.rstrip().endswith(":") or len(words) < 2:
        return False
    return any(_inflected_report_verb(w.lower()) for w in words[1:])


def _inflected_report_verb(word: str) -> bool:
    """ "said", "reports", "added", "tweeted": a reporting verb with a tense ending ("note" alone is a label)."""
    if word in IRREGULAR_REPORT_FORMS:
        return True
    return any(word.endswith(end) and word[: -len(end)] in REPORTING_VERBS for end in ("ed", "d", "es", "s"))


def _long_prose(sh: LineShape) -> bool:
    return sh.is_prose and len(sh.text) >= REPEAT_PROSE_MIN_CHARS


def _repeated_lines(lines: list[str], shapes: list[LineShape | None]) -> set[str]:
    counts = Counter(norm_line(s) for s, sh in zip(lines, shapes) if sh is not None)
    return {k for k, n in counts.items() if n > 1}


def _runs(shapes: list[LineShape | None], role: list[str | None], hard: list[bool]) -> list[tuple[int, int, int, int]]:
    """Runs of body-candidate lines: (first, last, prose chars, full prose lines).

    Blank lines and embedded posts are transparent; any other line ends a run.
    """
    runs = []
    start = last = None
    chars = strong = 0
    for i, sh in enumerate(shapes):
        if sh is None or role[i] == "embed":
            continue
        if sh.is_proseish and not hard[i]:
            if start is None:
                start, chars, strong = i, 0, 0
            last = i
            chars += len(sh.text)
            strong += sh.is_prose
        else:
            if start is not None:
                runs.append((start, last, chars, strong))
            start = None
    if start is not None:
        runs.append((start, last, chars, strong))
    return [r for r in runs if r[3] > 0]


def _gap(shapes, role, a: int, b: int) -> list[int] | None:
    """The non-blank, non-embed lines strictly between a and b.

    None when one of them is an e-mail/URL line: that is where an article's
    sign-off sits, so prose after it is never the same article.  Other
    furniture (an "Advertisement" label, a share counter) may sit inside an
    article; it is crossed but still cut.
    """
    out = []
    for i in range(a + 1, b):
        if shapes[i] is None or role[i] == "embed":
            continue
        if shapes[i].kind == "contact":
            return None
        out.append(i)
    return out


def _body_region(shapes, role, hard) -> tuple[int | None, int | None]:
    """First and last line of the article body (inclusive), or (None, None)."""
    runs = _runs(shapes, role, hard)
    if not runs:
        return None, None
    k = max(range(len(runs)), key=lambda j: runs[j][2])
    lo, hi = runs[k][0], runs[k][1]
    # Grow forward: the article continues after a sub-heading or a label.
    j = k + 1
    while j < len(runs):
        g = _gap(shapes, role, hi, runs[j][0])
        if g is None or len(g) > MAX_GAP_LINES or (len(g) > 1 and runs[j][3] < MERGE_STRONG_MIN):
            break
        hi = runs[j][1]
        j += 1
    # Grow backward more cautiously: above the body sit headline and deck.
    # One line is crossed when it is too short to be a headline (a label, a
    # sub-heading) or when real paragraphs lie beyond it; two lines (a live
    # blog's "___" rule and "6:05 p.m." stamp) only when neither could be a
    # headline or byline and real paragraphs lie beyond them.
    j = k - 1
    while j >= 0:
        g = _gap(shapes, role, runs[j][1], lo)
        if g is None or len(g) > MAX_GAP_LINES:
            break
        headline_like = any(shapes[i].words >= HEADLINE_MIN_WORDS or name_like(shapes[i]) for i in g)
        if runs[j][3] < MERGE_STRONG_MIN and (headline_like or len(g) > 1):
            break
        if len(g) > 1 and headline_like:
            break
        lo = runs[j][0]
        j -= 1
    return lo, hi


# Stands in for the shape of a line between an extracted article's first and
# last prose lines: those lines are kept whatever their shape.
_INNER = LineShape(text="", words=PROSE_MIN_WORDS, terminal=True, titlecase=0.0, kind="prose")


def _edge_shapes(lines: list[str], in_embed: set[int]) -> list[LineShape | None]:
    """Shapes for an extracted article: measured only up to its first and from its last prose line.

    The lines between are kept as they are, so their shapes are not needed;
    this saves most of the cleaning time on HTML pages.
    """
    out: list[LineShape | None] = [None if not s.strip() else _INNER for s in lines]
    first = None
    for i, s in enumerate(lines):
        if s.strip():
            out[i] = shape_of(s)
            if i not in in_embed and out[i].is_proseish:
                first = i
                break
    if first is None:
        return out
    for i in range(len(lines) - 1, first, -1):
        if lines[i].strip():
            out[i] = shape_of(lines[i])
            if i not in in_embed and out[i].is_proseish:
                break
    return out


def _snippet(shapes, role, hard) -> tuple[int | None, int | None]:
    """A text of a line or few with no sentence at all is kept whole (a pasted snippet)."""
    idx = [i for i, sh in enumerate(shapes) if sh is not None and role[i] != "embed" and not hard[i]]
    if not idx or len(idx) > SNIPPET_MAX_LINES:
        return None, None
    return idx[0], idx[-1]


def _edges(shapes, role) -> tuple[int | None, int | None]:
    """First and last line of an already extracted article, without label lines at its edges.

    Only labels ("PORTS", "Photo:") are trimmed: trimming every non-prose
    edge line (a list, a sub-heading, a recipe's ingredients) was measured on
    trafilatura's evaluation pages to cut 53 lines the article needs for 28
    of furniture (docs/extraction.md).
    """
    idx = [i for i, sh in enumerate(shapes) if sh is not None and role[i] != "embed"]
    if not idx:
        return None, None
    a, b = 0, len(idx) - 1
    while a < b and shapes[idx[a]].kind in EDGE_TRIM_KINDS:
        a += 1
    while b > a and shapes[idx[b]].kind in EDGE_TRIM_KINDS:
        b -= 1
    return idx[a], idx[b]


def _past_known_headline(lines, shapes, lo: int | None, hi: int | None, title: str | None) -> int | None:
    """Start of an extracted article after its own headline, when it opens with the known title."""
    if lo is None or not title:
        return lo
    key = norm_line(title)
    for i in range(lo, hi + 1):
        if shapes[i] is None:
            continue
        if norm_line(lines[i]) == key:
            return i + 1 if i < hi else lo
        if shapes[i].is_proseish:
            break  # the headline sits above the first paragraph
    return lo


def _join_body(lines: list[str], role: list[str | None]) -> str:
    parts: list[str] = []
    prev = None
    for i, r in enumerate(role):
        if r != "body":
            continue
        if prev is not None:
            blank = any(not lines[j].strip() for j in range(prev + 1, i))
            parts.append("\n\n" if blank else "\n")
        parts.append(lines[i].strip())
        prev = i
    return "".join(parts)
