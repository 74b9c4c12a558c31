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

_NOTICE = re.compile("|".join(f"(?:{p})" for p in NOTICE_PATTERNS), re.IGNORECASE)


def is_notice(line: str) -> bool:
    """True if ``line`` is a notice to the reader rather than article text."""
    s = line.strip()
    return bool(s) and len(s) <= NOTICE_MAX_CHARS and _NOTICE.search(s) is not None
