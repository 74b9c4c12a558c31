"""Reader-directed notices on web pages (paywall, app, cookie, follow-us), used by ingest.

Part of the vocabulary module ``newssift.extract.lexicon``; import from there.
"""
from __future__ import annotations

# ---------------------------------------------------------------------------
# ingest (issue 12): reader-directed notices on web pages.
# Regular expressions (matched case-insensitively on one paragraph) for what a
# site says *to the reader* beside the article: paywall and subscription
# calls, "download our app", "follow us on ...", affiliate disclaimers and
# cookie banners.  Each needs an addressed call or a disclosure, so an article
# that merely reports on subscribers, apps or cookies does not match.
NOTICE_PATTERNS = (
    r"\bsubscribe (?:now|today|to (?:our|the|read|continue|access|get))\b",
    r"\balready an? (?:subscriber|member)\b",
    r"\bsubscribers (?:also )?(?:receive|get)\b",
    r"\blog ?in (?:for|to (?:read|continue|access|view|check))\b",
    r"\bto (?:view|read|continue reading|access) (?:the|this) full (?:story|article)\b",
    r"\b(?:download|get) (?:the|our) [\w ]{0,30}\bapps?\b",
    r"\bfollow (?:us|the [\w ]{1,30}|@\w+) on (?:twitter|facebook|instagram|linkedin|tiktok|youtube|x)\b",
    r"\b(?:this|the) (?:post|article|page) (?:contains|may contain|includes) (?:references|affiliate|sponsored)",
    r"\bwe may (?:receive|earn) (?:a )?(?:compensation|commission)",
    r"\b(?:we|this (?:site|website)) uses? cookies\b",
    r"\baccept (?:all )?cookies\b",
    r"\bcookie (?:settings|policy|preferences)\b",
    r"\bsign up (?:for|to) (?:our|the) [\w ]{0,30}newsletter\b",
    r"^\s*(?:share|print|e-?mail|save) (?:this|the) (?:article|story|page|post)\s*$",
)
__all__ = ["NOTICE_PATTERNS"]
