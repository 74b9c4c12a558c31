"""Find quoted social-media posts (tweets, toots, Instagram posts) in plain text.

A pasted page keeps an embedded post as a few short lines: the post's text,
often a ``pic.twitter.com``/``t.co`` link and hashtags, then a signature line
``— Name (@handle) Month D, YYYY``.  The signature is the anchor; the post's
text is the short run of lines just above it.  Everything here works on the
shape of the lines, never on what they say.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["find_embeds", "has_social_link", "is_signature_line"]

#: A post is at most 280 characters on X (500 on Mastodon/Threads, rarely
#: used in full); 320 leaves room for the ``pic.twitter.com/...`` link that the
#: embed appends.  Lines above the signature are taken while their total stays
#: within this budget, so a long article paragraph just above a post is never
#: swallowed (the corpus' paragraphs above posts are 300+ characters).
EMBED_MAX_CHARS = 320

#: Player chrome around a post ("Skip post by @name") is at most this many words.
HANDLE_LINE_MAX_WORDS = 8

#: A signature line is short: name (≤ 80), handle (≤ 30) and date (≤ 40).
SIGNATURE_MAX_CHARS = 160

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATEISH = re.compile(rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})", re.IGNORECASE)
# "— Name (@handle) December 16, 2024" (X/Twitter, Bluesky, Mastodon blockquotes).
_SIGNATURE = re.compile(r"^\s*[—–―-]{1,2}\s*[^()\n]{0,80}\(@[\w.@-]{1,60}\)\s*(?P<tail>.*)$")
# "A post shared by Name (@handle)" (Instagram blockquotes).
_SHARED_BY = re.compile(r"^\s*A (?:post|photo|video) shared by\b.{0,80}\(@[\w.]{1,60}\)", re.IGNORECASE)
_HANDLE = re.compile(r"(?:^|\s)@\w{2,30}\b")
_SOCIAL_LINK = re.compile(r"(?:\bpic\.twitter\.com/\w+|\bhttps?://t\.co/\w+|\bhttps?://(?:www\.)?(?:twitter|x)\.com/\w+/status/\d+)", re.IGNORECASE)


def is_signature_line(line: str) -> bool:
    """True if ``line`` is the signature line that closes an embedded post."""
    s = line.strip()
    if not s or len(s) > SIGNATURE_MAX_CHARS:
        return False
    if _SHARED_BY.match(s):
        return True
    m = _SIGNATURE.match(s)
    return bool(m and (_DATEISH.search(m.group("tail")) or not m.group("tail").strip()))


def has_social_link(line: str) -> bool:
    """True if ``line`` carries a link that only an embedded post would show."""
    return bool(_SOCIAL_LINK.search(line))


def find_embeds(lines: Sequence[str]) -> list[tuple[int, int]]:
    """Return ``(first, last)`` 0-based inclusive line ranges of embedded posts.

    Blank lines inside a range belong to it.  Ranges never overlap and come in
    document order.
    """
    taken: set[int] = set()
    ranges: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        if i in taken or not is_signature_line(line):
            continue
        first = _walk_back(lines, i, taken)
        first, last = _handle_lines(lines, first, i, taken)
        ranges.append((first, last))
        taken.update(range(first, last + 1))
    # A lone line with a post link and no signature nearby is a post too
    # (some pages drop the signature); it must be short like a post.
    for i, line in enumerate(lines):
        if i not in taken and has_social_link(line) and len(line.strip()) <= EMBED_MAX_CHARS:
            ranges.append((i, i))
            taken.add(i)
    return sorted(ranges)


def _handle_lines(lines: Sequence[str], first: int, last: int, taken: set[int]) -> tuple[int, int]:
    """Grow a post's range over the player chrome around it.

    Some pages frame a post with short lines naming its account ("Skip post
    by @name", "End of post by @name"): a short line with an @handle and no
    full stop just before or after the post belongs to it.
    """
    def chrome(j: int) -> bool:
        s = lines[j].strip()
        return bool(s) and j not in taken and len(s.split()) <= HANDLE_LINE_MAX_WORDS and bool(_HANDLE.search(s)) and not s.endswith(".")

    j = _next_nonblank(lines, first, -1)
    if j is not None and chrome(j):
        first = j
    j = _next_nonblank(lines, last, +1)
    if j is not None and chrome(j):
        last = j
    return first, last


def _next_nonblank(lines: Sequence[str], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(lines):
        if lines[j].strip():
            return j
        j += step
    return None


def _walk_back(lines: Sequence[str], sig: int, taken: set[int]) -> int:
    """First line of the post whose signature is at ``sig``."""
    budget = EMBED_MAX_CHARS
    first = sig
    j = sig - 1
    seen_text = False
    while j >= 0 and j not in taken:
        s = lines[j].strip()
        if not s:
            # A blank line after the post's text closes it: blank-separated
            # pages put the post in its own paragraph.
            if seen_text:
                break
            j -= 1
            continue
        if is_signature_line(s) or s.endswith(":"):
            break
        if len(s) > budget and not (first == sig and has_social_link(s)):
            # Too long for a post, unless it is the line right above the
            # signature and carries the post's own picture/status link.
            break
        budget = max(budget - len(s), 0)
        first = j
        seen_text = True
        j -= 1
    return first
