"""Reader-directed notices: subscription walls, app and social calls, affiliate and cookie notices.

A site puts these beside (or inside) the article as ordinary paragraphs, so
neither an extractor nor the shape of the line tells them from prose; what
gives them away is that they address the reader ("subscribe now to ...",
"follow us on ...", "we may receive compensation ...").  The phrases are in
``extract.lexicon.NOTICE_PATTERNS``; they are English only.
"""
from __future__ import annotations

import re

from ..extract.lexicon import NOTICE_PATTERNS

__all__ = ["NOTICE_MAX_CHARS", "is_notice"]

#: A paragraph longer than this is article prose that happens to use a
#: notice's words; real notices are one to three sentences (the longest seen
#: on the evaluation pages is ~330 characters; docs/extraction.md).
NOTICE_MAX_CHARS = 600

#: A line this short may be a bare "Share this article" button label.
BUTTON_MAX_CHARS = 40

_NOTICE = re.compile("|".join(f"(?:{p})" for p in NOTICE_PATTERNS), re.IGNORECASE)
# Every pattern needs one of these words; testing for them with ``in`` first
# spares the regular expression on almost every line (it cost more than the
# rest of the cleaning together).
_TRIGGERS = ("subscri", "log in", "login", "full story", "full article", " app ", " apps", " app.", " app,",
             "follow", "compensation", "commission", "cookie", "newsletter")


def is_notice(line: str) -> bool:
    """True if ``line`` is a notice to the reader rather than article text."""
    s = line.strip()
    if not s or len(s) > NOTICE_MAX_CHARS:
        return False
    low = s.lower()
    if len(s) > BUTTON_MAX_CHARS and not any(t in low for t in _TRIGGERS):
        return False
    return _NOTICE.search(s) is not None
