"""What the lines outside an article body are: headline, byline, and why each cut was made.

The plain-text cleaner (``text.py``) decides which lines are the body; this
module names the rest.  The headline is the most headline-shaped line above
the body; bylines are short name lines beside it or beside an e-mail line;
every other cut gets a reason from its shape and its place (before the body:
navigation, after it: trailer).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..models import Removed
from .lines import LineShape, norm_line, shape_of

__all__ = [
    "BYLINE_MAX_WORDS",
    "HEADLINE_MIN_WORDS",
    "byline_author",
    "cut_reason",
    "find_headline",
    "name_like",
    "refine_reasons",
    "removed_records",
]

# The word that opens a byline in the languages newssift meets most
# ("By", "Von", "Par", "Por", "Di", "Door").
_BY_WORDS = frozenset({"by", "von", "par", "por", "di", "door"})
#: A byline is a short all-capitalised name line: 2 to this many words.
BYLINE_MAX_WORDS = 4
#: A headline has at least this many words (three capitalised words are a
#: byline or an outlet name) and at most this many (longer lines are deck or
#: prose); news headlines run 5-20 words.
HEADLINE_MIN_WORDS = 4
HEADLINE_MAX_WORDS = 30
#: Capitalised-word share from which a line reads as a Title-Case headline.
HEADLINE_TITLECASE_MIN = 0.6


def name_like(sh: LineShape) -> bool:
    """A byline-shaped line: two to four capitalised words, no digits, no colon."""
    return (
        2 <= sh.words <= BYLINE_MAX_WORDS
        and sh.titlecase >= 1.0
        and ":" not in sh.text
        and not any(c.isdigit() for c in sh.text)
    )


# Shapes a headline does not have: separator dots/bars between fields (a byline
# "By A · 3 min read"), or a full stop inside the line (a photo caption
# "Smoke over the quay. Photo: agency").
_NOT_HEADLINE = re.compile(r"[·|•]|[a-z]{2,}\.\s+[A-Z]")


def find_headline(lines, shapes, role, lo: int | None, known: str | None) -> int | None:
    """Index of the headline line above the body, or None."""
    end = lo if lo is not None else len(lines)
    if known is not None:
        k = norm_line(known)
        for i in range(end):
            if shapes[i] is not None and norm_line(lines[i]) == k:
                return i
        return None
    cands = []
    for i in range(end):
        sh = shapes[i]
        if sh is None or role[i] is not None or sh.is_hard_furniture:
            continue
        if not (HEADLINE_MIN_WORDS <= sh.words <= HEADLINE_MAX_WORDS) or sh.text.endswith((".", ":", ",")):
            continue
        if sh.kind == "prose" or _NOT_HEADLINE.search(sh.text):
            continue
        cands.append(i)
    if not cands:
        return None
    titled = [i for i in cands if shapes[i].titlecase >= HEADLINE_TITLECASE_MIN]
    if titled:
        # The most headline-like; on a tie the longer (a headline says more
        # than a section name), then the one nearest the body.
        return max(titled, key=lambda i: (round(shapes[i].titlecase, 1), shapes[i].words, i))
    # Sentence-case headlines: the nearest candidate above the body.
    return cands[-1]


def cut_reason(sh: LineShape, repeated: bool, boiler: bool, before: bool = False) -> str:
    """Why a line that is not body was cut (position and shape decide)."""
    if repeated:
        return "duplicate_block"
    if boiler:
        return "site_boilerplate"
    by_kind = {
        "list_item": "link_list",
        "label": "label",
        "counter": "counter",
        "contact": "contact",
        "menu": "navigation",
        "dateline": "byline",
    }
    if sh.kind in by_kind:
        return by_kind[sh.kind]
    return "navigation" if before else "trailer"


def refine_reasons(shapes: list[LineShape | None], role: list[str | None]) -> None:
    """Second look at cut lines using their neighbours.

    A headline-shaped line right after a bullet or number is that list's
    item; a short name line beside an e-mail line is a byline.
    """
    idx = [i for i, sh in enumerate(shapes) if sh is not None]
    head = next((i for i in idx if role[i] == "headline"), None)
    body = next((i for i in idx if role[i] == "body"), None)
    for p, i in enumerate(idx):
        if role[i] not in ("navigation", "trailer"):
            continue
        sh = shapes[i]
        prev_i = idx[p - 1] if p > 0 else None
        next_i = idx[p + 1] if p + 1 < len(idx) else None
        if prev_i is not None and role[prev_i] == "link_list" and sh.kind == "heading":
            role[i] = "link_list"
        elif name_like(sh) and (
            any(j is not None and role[j] == "contact" for j in (prev_i, next_i))
            or (head is not None and body is not None and head < i < body)
        ):
            # A name beside an e-mail address, or between headline and body.
            role[i] = "byline"


# Fields of a byline line: "By A. Writer  |  Updated 09:40" has two.
_BYLINE_FIELDS = re.compile(r"\s{2,}|\s*[|·•,]\s*|\s+[-–—]\s+")


def byline_author(lines: list[str], role: list[str | None]) -> str | None:
    """The writer's name from the byline lines ("By A. Writer · 3 min read" -> "A. Writer").

    A page may show the byline twice, once with a counter glued on ("A.
    Writer Views"); the name that the other bylines start with wins.
    """
    names: list[str] = []
    for i, r in enumerate(role):
        if r != "byline":
            continue
        words = _BYLINE_FIELDS.split(lines[i].strip())[0].split()
        if words and words[0].casefold() in _BY_WORDS:
            words = words[1:]
        name = " ".join(words)
        if name and name_like(shape_of(name)):
            names.append(name)
    if not names:
        return None
    return max(names, key=lambda n: sum(o.startswith(n + " ") for o in names))


def removed_records(lines: list[str], role: list[str | None]) -> Iterable[Removed]:
    """Consecutive cut lines with the same reason become one record."""
    cur: list[str] = []
    cur_reason = None
    cur_line = None
    for i, r in enumerate(role):
        if r is None:
            continue
        if r == "body" or r != cur_reason:
            if cur:
                yield Removed(text="\n".join(cur), reason=cur_reason, line=cur_line)
            cur, cur_reason, cur_line = [], None, None
        if r == "body":
            continue
        if not cur:
            cur_reason, cur_line = r, i + 1
        cur.append(lines[i].strip())
    if cur:
        yield Removed(text="\n".join(cur), reason=cur_reason, line=cur_line)
