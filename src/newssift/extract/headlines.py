"""Headlines: a document's headline line is a claim too, in headline shorthand.

A headline drops the words running text needs ("Amazon reportedly developing
smartphone", "Dam Is Safe, Engineers Say", "Sources: Keeper Set To Sign
For Rival") and is often written in title case, which the small parser reads
badly.  So the headline line is read here with word patterns on the tokens
rather than the dependency parse:

* the line itself is a claim, even without a finite verb;
* its source: a trailing tag (", officials say"), a source before or after
  a colon ("Sources: ...", "...: Report", "NASA: ..."), or a leading
  "X says ..." the parser missed;
* its hedges: hedge words in any case ("Rumored To Have"), modals (may,
  might, could), a question, a conditional.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lexicon import (
    DEBUNK_PHRASES,
    DEBUNK_WORDS,
    GROUP_NOUNS,
    HEADLINE_HEDGE_PHRASES,
    HEADLINE_HEDGE_WORDS,
    HEADLINE_SPEECH_VERBS,
    HEDGE_MODALS,
    HEDGE_PHRASES,
    HEDGE_VERBS,
    HEDGE_WORDS,
    IRREGULAR_REPORT_FORMS,
    NEGATION_WORDS,
    REPORTING_VERBS,
    ROLE_NOUNS,
    SOURCE_LABEL_NOUNS,
    VERDICT_VERBS_HEADLINE,
)
from .parsed import doc_text
from .people import ACRONYM_RE
from .quotes import find_quotes, inside

__all__ = ["HeadlineSource", "accused_label", "debunks", "headline_hedged", "headline_line", "headline_source", "headline_verdict",
           "is_modal_hedge", "report_form"]

#: Share of title-cased long words from which a first line without a final
#: stop reads as a headline (as in claims.HEADLINE_CAPS_SHARE).
HEADLINE_CAPS_SHARE = 0.6

#: Most words in a source named around a colon or in a trailing tag
#: ("city transport department officials say"); longer runs are content.
MAX_SOURCE_WORDS = 6

#: Fewest words a headline's content keeps once its source is cut off.
MIN_CONTENT_WORDS = 2

#: Whether a bare name before a headline's colon is its source ("NASA: ..."); off by
#: the sweep in docs/attribution.md: such a name is as often the story's subject
#: ("Harbour Fire: Three Warehouses Destroyed").
NAMED_COLON_SOURCES = False

#: Whether a debunking word in the headline's own words ("Hoax", "Fake", "Not
#: True") means it rules on the story rather than hedging it (sweep in docs/attribution.md).
DEBUNK_OVERRIDES = True

#: Whether a one-word acronym label before or after the colon ("...: WSJ", "CNN: ...")
#: is the headline's source (sweep in docs/attribution.md).
ACRONYM_LABELS = True

#: Whether a headline that rules on its story (a verdict verb, a debunking word, a
#: source's negated statement) is read as the outlet's report of that verdict
#: rather than as a relayed claim (sweep in docs/attribution.md).
VERDICT_HEADLINES = True

#: Dashes that set a source label off at a headline's end ("... - report", "... -- analyst").
_DASHES = frozenset(["-", "--", "\u2014", "\u2013", "\u2015"])

#: First-person words: after "Name:" they make the rest the name's own words.
FIRST_PERSON = frozenset(["i", "we", "my", "our", "me", "us", "i'm", "we're"])

#: Adjectives that label an accused person, and the endings of the person nouns they
#: label that way ("alleged rapist", "suspected gunman", "accused bomber").
ACCUSED_WORDS = frozenset(["alleged", "suspected", "accused", "purported"])
_AGENT_ENDINGS = ("ist", "er", "or", "man", "men")

#: Words before "May" that make it the month ("in May", "early May").
_MONTH_CONTEXT = frozenset(["in", "of", "since", "until", "by", "early", "late", "mid", "next", "last", "this",
                            "from", "through", "before", "after"])

#: Entity labels whose bare name, before a headline's colon, is a speaker ("NASA: ...").
_SPEAKER_LABELS = frozenset(["ORG", "PERSON", "NORP", "GPE"])

#: Tags of the word after a title-case "May" that make it a modal ("May Have", "May Launch").
_WORD_TAGS = ("NNP", "NNPS", "NN", "NNS", "VBZ", "VBD", "VB", "VBP", "VBG", "VBN")


@dataclass(frozen=True)
class HeadlineSource:
    """Where a headline names its source: content offsets, the source's tokens and the cue word."""

    start: int
    end: int
    tokens: list
    cue: str
    kind: str  # indirect | according_to


def headline_line(doc) -> tuple[int, int] | None:
    """Offsets of the document's headline line: its first line, when that is the whole text or headline-shaped.

    A whole text of one line is a headline unless a sentence in it ends with a
    full stop before the last (running prose).
    """
    text = doc_text(doc)
    lines = [(k, line) for k, line in _lines(text) if line.strip()]
    if not lines:
        return None
    start, line = lines[0]
    stripped = line.strip()
    start += len(line) - len(line.lstrip())
    end = start + len(stripped)
    if len(lines) == 1:
        # A one-line text is a headline unless it runs on past a full stop (a paragraph of prose).
        span = doc.char_span(start, end, alignment_mode="expand")
        sents = list(span.sents) if span is not None else []
        if not any(sent.text.rstrip().endswith(".") for sent in sents[:-1]):
            return start, end
        return None
    words = [w for w in stripped.split() if w[:1].isalpha() and len(w) > 3]
    title_share = sum(w[0].isupper() for w in words) / len(words) if words else 0.0
    if not stripped.endswith((".", "!", '"', "\u201d")) and title_share >= HEADLINE_CAPS_SHARE and len(words) >= 2:
        return start, end
    return None


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def is_modal_hedge(t, loose: bool = False) -> bool:
    """A hedging modal: "may", "might", "could" as a modal verb, not the month "May".

    ``loose`` accepts the word in title case the tagger took for a noun
    ("Storm May Have Flooded Mill"), unless month words surround it.
    """
    if t.lower_ not in HEDGE_MODALS:
        return False
    if t.tag_ == "MD":
        return True
    if not loose or t.i + 1 >= len(t.doc):
        return False
    nxt = t.doc[t.i + 1]
    prev = t.doc[t.i - 1] if t.i > 0 else None
    if prev is not None and (prev.lower_ in _MONTH_CONTEXT or prev.like_num):
        return False
    return nxt.is_alpha and not nxt.like_num and nxt.tag_ in _WORD_TAGS + ("RB", "MD")


def _stem(low: str) -> str:
    """A verb form's stem, by its ending ("claims" -> "claim", "purported" -> "purport")."""
    for end, add in (("ies", "y"), ("ing", ""), ("ed", ""), ("s", "")):
        if low.endswith(end) and len(low) > len(end) + 2:
            return low[: -len(end)] + add
    return low


def report_form(t) -> bool:
    """Whether a word is a form of a reporting verb, read from its letters (title case defeats the tagger)."""
    low = t.lower_
    if low in IRREGULAR_REPORT_FORMS or t.lemma_.lower() in REPORTING_VERBS and t.pos_ in ("VERB", "AUX"):
        return True
    if low in REPORTING_VERBS and t.text[:1].isupper() and not t.ent_type_:
        return True  # title case "Insiders Claim ...", tagged as a noun (but not a name: "Free State")
    for stem in (low[:-1] if low.endswith("s") else None, low[:-2] if low.endswith("ed") else None,
                 low[:-1] if low.endswith("ed") else None, low[:-3] if low.endswith("ies") else None):
        if stem and (stem in REPORTING_VERBS or stem + "y" in REPORTING_VERBS and low.endswith("ies")):
            return True
    return False


def accused_label(t) -> bool:
    """ "alleged rapist", "suspected gunman": the legal label of a person, not a hedge on the story told."""
    doc = t.doc
    return t.lower_ in ACCUSED_WORDS and t.i + 1 < len(doc) and doc[t.i + 1].lower_.endswith(_AGENT_ENDINGS)


def _verb_forms(stem: str) -> frozenset[str]:
    """The written forms of a regular verb stem ("deny" -> denies, denied, denying; "prove" -> proved, proven)."""
    if stem.endswith("y"):
        return frozenset([stem, stem[:-1] + "ies", stem[:-1] + "ied", stem + "ing"])
    if stem.endswith("e"):
        return frozenset([stem, stem + "s", stem + "d", stem + "n", stem[:-1] + "ing"])
    return frozenset([stem, stem + "s", stem + "es", stem + "ed", stem + "ing"])


_VERDICT_FORMS = frozenset(f for stem in VERDICT_VERBS_HEADLINE for f in _verb_forms(stem))


def debunks(span) -> bool:
    """Whether a headline calls its story false in its own words ("Hoax", "Fake", "Rumors Not True")."""
    if any(t.lower_ in DEBUNK_WORDS for t in span):
        return True
    low_text = " " + " ".join(t.lower_ for t in span) + " "
    return any(f" {p} " in low_text for p in DEBUNK_PHRASES)


def headline_verdict(doc, start: int, end: int, sourced: bool) -> bool:
    """Whether a headline rules on its story instead of relaying it.

    A verdict verb ("Police Confirm ...", "Club Denies ...", "Leak Reveals
    ..."), not as an infinitive ("refuses to confirm") nor inside quotation
    marks (a quote's words are its speaker's, not the headline's); a debunking word
    ("Hoax Report Claims ..."); or, when the headline names a source
    (``sourced``), a negation in it ("Mayor Says Dam Not Damaged"): a source's
    denial.  Such a headline reports the ruling as news, so the outlet, not the
    source, is the one asserting it.
    """
    if not VERDICT_HEADLINES:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if debunks(span):
        return True
    quoted = find_quotes(span.text)
    for t in span:
        if t.lower_ in _VERDICT_FORMS and not (t.i > span.start and doc[t.i - 1].lower_ == "to") \
                and not inside(t.idx - span.start_char, quoted):
            return True
        if sourced and t.lower_ in NEGATION_WORDS:
            return True
    return False


def headline_hedged(doc, start: int, end: int) -> bool:
    """Whether a headline line hedges: a hedge word, a modal, a question, a conditional or "claims to"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if "?" in span.text:
        return True  # a question hedges even a debunking word: "Real or hoax?" rules on nothing
    if DEBUNK_OVERRIDES and debunks(span):
        return False  # "Rumors ... Not True", "... Report Is Fake": the outlet's own verdict, not a hedge
    low_text = " " + " ".join(t.lower_ for t in span) + " "
    if any(f" {p} " in low_text for p in HEADLINE_HEDGE_PHRASES) or any(p in span.text.lower() for p in HEDGE_PHRASES):
        return True
    for t in span:
        low = t.lower_
        if accused_label(t):
            continue
        if low in HEADLINE_HEDGE_WORDS or low in HEDGE_WORDS or low == "if" or is_modal_hedge(t, loose=True):
            return True
        # "Farmer Claims to Have Grown ...", "Photo Purports to Show ...": a hedge verb with an infinitive.
        if t.i + 1 < span.end and doc[t.i + 1].lower_ == "to" and _stem(low) in HEDGE_VERBS:
            return True
        # "Shares Fall on Reports of Recall", "Reports That ...": reports named, not vouched for.
        if low in ("reports", "report", "rumors", "rumours", "claims") and t.i + 1 < span.end \
                and doc[t.i + 1].lower_ in ("of", "that"):
            return True
        # "... after rumors it had been stolen", "amid claims 400 were ...": the news is what is claimed.
        if low in ("rumors", "rumours", "claims", "reports", "allegations") and t.i > span.start \
                and doc[t.i - 1].lower_ in ("after", "amid", "over", "following"):
            return True
    return False


def headline_source(doc, start: int, end: int) -> HeadlineSource | None:
    """The source a headline line names, with its content; None when it names none."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    toks = [t for t in span if not t.is_space]
    while toks and toks[-1].is_punct and toks[-1].text in (".", "!"):
        toks.pop()
    return _trailing_tag(toks) or _colon_source(toks) or _leading_speaker(toks)


def _content(toks) -> tuple[int, int] | None:
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if sum(t.is_alpha for t in toks) < MIN_CONTENT_WORDS:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _trailing_tag(toks) -> HeadlineSource | None:
    """ "Dam Is Safe, Engineers Say", "..., says new report": a source and a reporting verb after the last comma."""
    commas = [k for k, t in enumerate(toks) if t.text == ","]
    if len(toks) < 4 or not commas:
        return None
    k = commas[-1]
    tag = toks[k + 1:]
    if len(tag) < 2 or len(tag) > MAX_SOURCE_WORDS + 1:
        return None
    if report_form(tag[-1]) and _headline_verb(tag[-1]):
        src, cue = tag[:-1], tag[-1]
    elif report_form(tag[0]) and _headline_verb(tag[0]):
        src, cue = tag[1:], tag[0]  # inverted: ", says new report"
    else:
        return None
    if not any(t.is_alpha for t in src):
        return None
    content = _content(toks[:k])
    if content is None:
        return None
    return HeadlineSource(content[0], content[1], src, cue.text, "indirect")


def _headline_verb(t) -> bool:
    """A reporting verb a headline uses for speech (not "Found", "Shows": findings are no speaker's words)."""
    return _stem(t.lower_) in HEADLINE_SPEECH_VERBS or t.lower_ in IRREGULAR_REPORT_FORMS - {"found", "thought"}


def _is_label_source(part, content=()) -> bool:
    """A short source label: "Sources", "New Report", "GOP Rep", "WSJ"; a name before first-person words.

    A bare name is a source only when it is an acronym (an outlet or agency:
    "WSJ", "CNN") or the words after the colon speak in the first person
    ("Lena Varga: I will not resign"); otherwise a name before a colon is
    as often the story's subject ("Harbour Fire: ... destroyed").
    """
    words = [t for t in part if t.is_alpha]
    if not words or len(part) > MAX_SOURCE_WORDS or len(words) > 4:
        return False
    last = words[-1].lower_
    if last in SOURCE_LABEL_NOUNS or last in ROLE_NOUNS or last in GROUP_NOUNS:
        return True
    if len(words) == 1 and ACRONYM_LABELS and ACRONYM_RE.match(words[0].text):
        return True
    named = all(t.ent_type_ in _SPEAKER_LABELS or t.pos_ == "PROPN" for t in words)
    if named and any(t.lower_ in FIRST_PERSON for t in content):
        return True
    return NAMED_COLON_SOURCES and all(t.ent_type_ in _SPEAKER_LABELS for t in words)


def _colon_source(toks) -> HeadlineSource | None:
    """ "Sources: ...", "NASA: ...", "...: Report", "...: WSJ": a source label on one side of a colon."""
    colons = [k for k, t in enumerate(toks) if t.text == ":"]
    dashes = [k for k, t in enumerate(toks) if t.text in _DASHES and 0 < k]
    if not colons and not dashes:
        return None
    if colons:
        first = colons[0]
        if _is_label_source(toks[:first], toks[first + 1:]):
            content = _content(toks[first + 1:])
            if content is not None:
                return HeadlineSource(content[0], content[1], toks[:first], ":", "according_to")
    # "...: Report", "... - analyst", "... -- Reports": a label after the last colon or dash.
    last = max(colons + dashes)
    if _is_label_source(toks[last + 1:]):
        content = _content(toks[:last])
        if content is not None:
            return HeadlineSource(content[0], content[1], toks[last + 1:], toks[last].text, "according_to")
    return None


def _leading_speaker(toks) -> HeadlineSource | None:
    """ "Brewer Says Prices Will Rise ...": a capitalised source, a reporting verb, then the content."""
    for k, t in enumerate(toks[:MAX_SOURCE_WORDS + 1]):
        if k == 0 or not report_form(t) or not _headline_verb(t):
            continue
        src = toks[:k]
        if t.text[:1].isupper() and not all(s.text[:1].isupper() or not s.is_alpha for s in src):
            return None
        if not t.text[:1].isupper() and not (t.tag_ in ("VBZ", "VBP", "VBD") and any(s.pos_ in ("NOUN", "PROPN") for s in src)):
            return None
        rest = toks[k + 1:]
        if rest and rest[0].lower_ == "to":  # "X Claims To Have Y": the whole line is the claim
            content = _content(toks)
        else:
            if rest and rest[0].lower_ == "that":
                rest = rest[1:]
            content = _content(rest)
        if content is None:
            return None
        return HeadlineSource(content[0], content[1], src, t.text, "indirect")
    return None
