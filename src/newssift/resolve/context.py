"""What the text around a mention says about its name.

Reads definitions the writer gave ("Ukraine's Special Operations Forces
(SOF)", "the intelligence agency, the XYZ,"), titles and roles in front of or
after a person's name ("Pentagon spokesperson Maj. Gen. Pat Ryder", "Jane Roe,
head of the port authority,"), and generic place words after a place
("Kursk Oblast").  Each helper is a pure function of the document text and a
mention's offsets, and returns surfaces exactly as written in the text.
"""
from __future__ import annotations

import re

from ..extract.lexicon import NAME_SCAN_STOPS
from .names import (
    PLACE_SUFFIXES,
    ROLE_WORDS,
    TITLE_WORDS,
    acronym_letters,
    fold,
    is_acronym,
)

__all__ = ["acronym_definitions", "expansion_before", "place_evidence", "place_extensions", "titles_around"]

#: Longest expansion read back from an acronym, in words; chosen above the
#: longest body names we met in news ("National Security Council Coordinator
#: for Strategic Communications" is 7) and below a clause.
MAX_EXPANSION_WORDS = 8
#: Lower-case words allowed inside an expansion ("Ukraine's military
#: intelligence agency"): more than this and the phrase is a clause, not a name.
MAX_LOWER_WORDS = 4
#: Lower-case words that end a backwards scan for a name (vocabulary module).
_STOP = NAME_SCAN_STOPS
#: Longest capitalised title kept in front of a name as one of its written forms.
MAX_TITLE_WORDS = 4
#: Characters searched before a position for the previous word (longer "words" are not names).
BACK_WINDOW = 200
_WORD_BACK = re.compile(r"([\w\u00C0-\u024F.'\u2019&-]+)\s*$")
_ACRONYM_AFTER = re.compile(r"^\s*\(\s*([A-Z][A-Za-z.]{1,8})\s*\)")
_THE_ACRONYM_AFTER = re.compile(r"^,\s+the\s+([A-Z][A-Z.]{1,8})\b")
_EXPANSION_AFTER = re.compile(r"^\s*\(\s*([A-Z][^()]{3,80}?)\s*\)")
_APPOSITIVE = re.compile(r"^,\s+((?:the\s+|a\s+|an\s+)?[^,;:()\"\u201c\u201d]{3,90}?)(?:\s*\([^)]*\))?\s*[,.;]")


def _back_words(text: str, end: int, limit: int) -> list[tuple[int, int, str]]:
    """Up to ``limit`` words before ``end`` on the same clause, nearest last, with offsets."""
    out: list[tuple[int, int, str]] = []
    pos = end
    while len(out) < limit:
        # Search a short window before ``pos``, not the whole text: a pattern
        # anchored at the end still tries every start from 0, which made this
        # quadratic in the article's length (128 s on one 200,000-character text).
        lo = max(0, pos - BACK_WINDOW)
        m = _WORD_BACK.search(text, lo, pos)
        if m and m.start(1) == lo and lo > 0:
            break  # a "word" longer than the window is not part of a name
        if not m or re.search(r"[\n,;:()\"\u201c\u201d!?]", text[m.end():pos]):
            break
        out.append((m.start(1), m.end(1), m.group(1)))
        pos = m.start(1)
    out.reverse()
    return out


def expansion_before(text: str, end: int) -> tuple[int, int] | None:
    """Offsets of the name that ends at ``end`` and starts at a capitalised word, if any.

    Scans back over capitalised words, connectors ("of", "for") inside a name
    and at most a few lower-case words, and stops at clause words ("by",
    "according to", "the").
    """
    words = _back_words(text, end, MAX_EXPANSION_WORDS + 2)
    start = None
    lower = 0
    for i in range(len(words) - 1, -1, -1):
        s, _e, w = words[i]
        bare = w.rstrip(".")
        if bare[:1].isupper():
            start = s
            continue
        if bare in ("of", "for", "and", "&") and i + 1 < len(words) and words[i + 1][2][:1].isupper():
            continue  # a connector inside a name, followed by a capitalised word
        if bare.lower() in _STOP or w.endswith("."):
            break
        lower += 1
        if lower > MAX_LOWER_WORDS:
            break
    if start is None:
        return None
    phrase = text[start:end]
    if len(phrase.split()) < 2:
        return None
    return start, end


def acronym_definitions(text: str, start: int, end: int) -> list[tuple[str, str]]:
    """In-text definitions touching the mention at ``start:end``.

    Returns (expansion, acronym) pairs as written: "X (ABC)", "X, the ABC",
    "ABC (X)", and "the mention is the acronym, the expansion stands before it".
    """
    out: list[tuple[str, str]] = []
    surface = text[start:end]
    after = text[end:end + 120]
    # The mention is the expansion: "... Forces (SOF)" / "..., the GUR".
    for rx in (_ACRONYM_AFTER, _THE_ACRONYM_AFTER):
        m = rx.match(after)
        if m and is_acronym(m.group(1)) and not is_acronym(surface):
            out.append((fold(surface), m.group(1)))
    if "(" in surface and surface.rstrip().endswith(")") is False:
        # Tagger cut "Special Operations Forces (SOF" -- read the definition inside the span.
        m = re.search(r"^(.*?)\s*\(\s*([A-Z][A-Z.]{1,8})$", surface)
        if m and is_acronym(m.group(2)):
            out.append((fold(m.group(1)), m.group(2)))
    if is_acronym(surface):
        # The mention is the acronym: "Expansion (ABC)" or "Expansion, the ABC".
        before = text[max(0, start - 200):start]
        m = re.search(r"\(\s*$", before) or re.search(r",\s+the\s+$", before)
        if m:
            cut = max(0, start - 200) + m.start()
            span = expansion_before(text, cut)
            if span:
                out.append((fold(text[span[0]:span[1]]), surface))
        m = _EXPANSION_AFTER.match(after)
        if m and len(m.group(1).split()) >= 2:
            out.append((fold(m.group(1)), surface))
    # One word before a bracket is a dateline or a label ("KYIV, Ukraine (AP)"), not a definition.
    return [(x, a) for x, a in out if len(x.split()) >= 2 and acronym_letters(a) != x.replace(".", "").upper()]


def _title_word(w: str, last: bool) -> bool:
    """A capitalised word that may stand in a title before a name (not a previous sentence's end)."""
    if not w[:1].isupper() or w.lower() in _STOP:
        return False
    return last or not w.endswith(".") or w.lower().rstrip(".") in TITLE_WORDS


def titles_around(text: str, start: int, end: int) -> tuple[str | None, list[str]]:
    """For a person mention: the name with its titles as written, and the titles/roles seen.

    "Pentagon press secretary Major General Pat Ryder" gives ("Major General
    Pat Ryder", ["Major General", "Pentagon press secretary"]); an appositive
    role after the name (", head of the agency,") is a title too.
    """
    words = _back_words(text, start, 10)
    titles: list[str] = []
    titled = None
    i = len(words)
    while i > 0 and words[i - 1][2].lower().rstrip(".") in TITLE_WORDS and words[i - 1][2][:1].isupper():
        i -= 1
    if i < len(words):
        titles.append(text[words[i][0]:words[-1][1]])
    # The name as written with its capitalised title ("Fire Chief Danica Horvat",
    # "Chief Fire Officer Danica Horvat"): capitalised words ending in a title or role word.
    k = len(words)
    if k and words[-1][2].lower().rstrip(".") in TITLE_WORDS | ROLE_WORDS and words[-1][2][:1].isupper():
        while k > 0 and len(words) - k < MAX_TITLE_WORDS and _title_word(words[k - 1][2], last=k == len(words)):
            k -= 1
        titled = text[words[k][0]:end]
    # A role phrase before the rank: capitalised words and role words ("Department of State spokesperson").
    j = i
    while j > 0:
        w = words[j - 1][2]
        bare = w.lower().rstrip(".")
        if w.endswith(".") and bare not in TITLE_WORDS:
            break  # the end of the previous sentence
        if bare in ROLE_WORDS or (w[:1].isupper() and bare not in _STOP) or (
            bare in ("of", "for") and j < i
        ):
            j -= 1
            continue
        break
    if j < i and any(words[k][2].lower() in ROLE_WORDS for k in range(j, i)):
        # One title for the whole phrase before the name ("Pentagon press secretary Major General").
        titles[:] = [text[words[j][0]:words[-1][1]]]
    m = _APPOSITIVE.match(text[end:end + 160])
    if m:
        role = m.group(1).strip()
        if any(w.lower().strip(".,") in ROLE_WORDS for w in role.split()) and not re.search(
            r"\b(said|says|told|added|stated|reported)\b", role
        ):
            titles.append(role)
    return titled, titles


def place_extensions(text: str, start: int, end: int) -> list[str]:
    """The place mention with a generic suffix as written ("Kursk border region", "Kursk Oblast")."""
    after = text[end:end + 30]
    for suf in PLACE_SUFFIXES:
        m = re.match(r"\s+(" + re.escape(suf).replace(r"\ ", r"\s+") + r")\b", after, re.IGNORECASE)
        if m:
            return [fold(text[start:end + m.end()])]
    return []


#: Nouns that, just before a name, make it a place ("the capital Drezhin",
#: "the port of Odrin", "the village of Brod").
_PLACE_HEADS = re.compile(
    r"\b(?:capital|city|town|village|villages|port|province|region|district|county|island|suburb|"
    r"municipality|oblast|harbour|harbor)(?:\s+of)?\s+$",
    re.IGNORECASE,
)


def place_evidence(text: str, start: int, end: int) -> bool:
    """Whether the words around a one-word mention say it is a place, whatever the tagger said.

    "the capital X", "the port of X", "X Oblast" / "X region", "X, <country>".
    """
    from .places import is_country

    if _PLACE_HEADS.search(text[max(0, start - 30):start]):
        return True
    if place_extensions(text, start, end):
        return True
    m = re.match(r",\s+([A-Z][\w .'-]{2,40}?)(?=[.,;)\n]|\s+(?:on|in|and|said|was|is)\b)", text[end:end + 50])
    return bool(m and is_country(m.group(1)))
