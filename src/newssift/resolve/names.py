"""Name normalisation and matching keys for cross-document entity resolution.

Every function here is pure and works on one surface form ("Maj. Gen. Pat
Ryder", "Ukraine's Military Intelligence Directorate (DIU)").  The keys are
what :mod:`newssift.resolve.merge` indexes on, so that candidate pairs are
found by lookup rather than by comparing every pair of names.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import jellyfish
from anyascii import anyascii

from ..extract.lexicon import ORG_LEGAL_SUFFIXES
from .places import country_of_word

__all__ = [
    "PERSON_TYPES",
    "PLACE_SUFFIXES",
    "PLACE_TYPES",
    "ROLE_WORDS",
    "TITLE_WORDS",
    "NameKeys",
    "acronym_letters",
    "alias_key",
    "clean_surface",
    "fold",
    "is_acronym",
    "name_keys",
    "name_tokens",
    "person_parts",
    "phonetic_keys",
    "strip_titles",
    "translit",
]

PERSON_TYPES = frozenset({"PERSON"})
#: Place-like labels; spaCy's small model confuses these with ORG for unknown
#: names, so merge treats the whole family (and ORG) as compatible.
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})

#: Titles, ranks and honorifics stripped from the front of person names for
#: matching.  Lower-case, without the trailing dot of abbreviations.
TITLE_WORDS = frozenset(
    """mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister premier
    gen general maj major lt lieutenant col colonel capt captain adm admiral sgt sergeant cmdr
    commander brig brigadier cpl corporal pvt private rep representative sen senator gov governor
    mayor judge justice king queen prince princess pope chancellor secretary ambassador chief
    deputy rev reverend father sheikh ayatollah marshal field foreign defense defence interior
    spokesperson spokesman spokeswoman envoy emir sultan crown state attorney speaker chairman
    chairwoman chair ceo director""".split()
)
#: Words that make a phrase a role ("Pentagon press secretary", "head of ...").
ROLE_WORDS = frozenset(
    """spokesperson spokesman spokeswoman secretary minister president head chief commander director
    adviser advisor coordinator ambassador envoy official analyst blogger correspondent reporter
    editor leader chairman chairwoman chair founder governor mayor general colonel officer deputy
    press prosecutor judge lawyer attorney senator representative ceo executive manager researcher
    expert professor scientist commissioner inspector captain sergeant""".split()
)
#: Surname particles, as written in lower case inside a name.
_PARTICLES = frozenset("von van der den de del della di da du dos das la le al bin ibn ter ten".split())
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

#: Generic words after a place name that do not change which place is meant
#: ("Kursk region" = "Kursk Oblast" = "Kursk").  Longest first.
PLACE_SUFFIXES = (
    "border region", "border area", "region", "oblast", "province", "county", "district",
    "governorate", "prefecture", "krai", "raion", "municipality",
)
_PLACE_PREFIXES = ("city of ", "town of ", "village of ", "region of ", "province of ", "state of ")

#: Words that only name the kind of body ("agency", "directorate"): dropped
#: for the org "core" key, so "X military intelligence agency" and "X Military
#: Intelligence Directorate" meet.  Kept short on purpose: "department",
#: "ministry" or "office" carry meaning ("Defense Department" is not "Defense
#: Ministry" of another country), these three do not.
_GENERIC_ORG_WORDS = frozenset({"agency", "directorate", "administration"})
_CONNECTORS = frozenset({"of", "for", "the", "and", "&", "on", "in", "at", "to", "a", "an", "de", "du", "des"})

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F0-9][\w\u00C0-\u024F.'-]*")


_SPACES = re.compile(r"\s+")
_OPEN_BRACKET_TAIL = re.compile(r"\s*\([^)]*$")
_LEADING_THE = re.compile(r"^(the|The|THE)\s+")
_POSSESSIVE = re.compile(r"'s?$")


# Both are called for every mention many times over (resolve reads each
# surface in several passes): a bounded cache of the pure results.
@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """NFKC, straight quotes, single spaces, trimmed (case kept)."""
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES)
    return _SPACES.sub(" ", text).strip()


@functools.lru_cache(maxsize=1 << 16)
def clean_surface(text: str) -> str:
    """A mention as a name: folded, without a leading article, trailing possessive or stray brackets."""
    s = fold(text)
    s = _OPEN_BRACKET_TAIL.sub("", s)  # "Forces (SOF" cut by the tagger: drop the open bracket
    s = _LEADING_THE.sub("", s)
    s = _POSSESSIVE.sub("", s)
    return s.strip(" ,;:-\"'")


def translit(text: str) -> str:
    """``text`` in Latin letters when it holds another script ("Зеленський" -> "Zelens'kiy").

    Latin text, accents included, is returned unchanged, so names keep their
    written form; only Cyrillic, Greek, Arabic and other scripts (which the
    name patterns cannot read and accent folding drops) are transliterated.
    """
    if all(ord(ch) <= 0x24F or not ch.isalpha() for ch in text):
        return text
    return anyascii(text)


def _ascii(word: str) -> str:
    """Lower-case ASCII letters of a word, any script transliterated ("Łódź" -> "lodz")."""
    return anyascii(word).replace("'", "").lower()


def is_acronym(surface: str) -> bool:
    """Whether a surface is an acronym: 2-7 capitals, dots allowed ("GUR", "U.S.", "DPRK")."""
    s = clean_surface(surface).replace(".", "")
    return 2 <= len(s) <= 7 and s.isalpha() and s.isupper()


def acronym_letters(surface: str) -> str:
    """The letters of an acronym, upper case ("U.S." -> "US")."""
    return clean_surface(surface).replace(".", "").upper()


def _words(surface: str) -> list[str]:
    return _WORD.findall(translit(clean_surface(surface)))


def strip_titles(surface: str) -> str:
    """A person name without leading titles and ranks ("Maj. Gen. Pat Ryder" -> "Pat Ryder")."""
    words = _words(surface)
    i = 0
    while i < len(words) - 1 and words[i].lower().rstrip(".") in TITLE_WORDS:
        i += 1
    # "Maritime Affairs Minister Andrei Lysenko": everything up to the last title
    # or role word in front of the name is the role.
    roles = [k for k in range(len(words) - 1) if words[k].lower().rstrip(".") in TITLE_WORDS | ROLE_WORDS]
    if roles and roles[-1] >= i:
        i = roles[-1] + 1
    kept = [w for w in words[i:] if w.lower().rstrip(".") not in _NAME_SUFFIXES]
    return " ".join(w.rstrip(".") if not _is_initial(w) else w for w in kept)


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1


@functools.lru_cache(maxsize=1 << 16)
def person_parts(surface: str) -> tuple[tuple[str, ...], str]:
    """(given names, surname), lower-case ASCII, titles removed; given names may be empty."""
    raw = [w for w in strip_titles(surface).split() if _ascii(w.rstrip(".'"))]
    words = [_ascii(w.rstrip(".'")).replace("'", "") for w in raw]
    if not words:
        return (), ""
    # Lower-case particles belong to the surname: "Ursula von der Leyen" / "von der Leyen".
    cut = len(words) - 1
    while cut > 0 and raw[cut - 1] in _PARTICLES:
        cut -= 1
    return tuple(words[:cut]), " ".join(words[cut:])


def _tokens(surface: str) -> list[str]:
    """Lower-case content tokens with countries and demonyms mapped to one country token."""
    raw = [w for w in _words(surface)]
    out: list[str] = []
    i = 0
    while i < len(raw):
        matched = False
        for n in (3, 2, 1):  # "Democratic People's Republic ..." no; "North Korean", "United States"
            if i + n > len(raw):
                continue
            chunk = [w.rstrip(".").removesuffix("'s").removesuffix("'") for w in raw[i:i + n]]
            phrase = " ".join(chunk).lower()
            # "us" is the pronoun unless written in capitals.
            if phrase in ("us", "u.s") and not raw[i].isupper():
                continue
            country = country_of_word(phrase) or country_of_word(phrase.replace(" ", ""))
            if country is None and phrase.replace(".", "") in ("us", "uk"):
                country = country_of_word(phrase.replace(".", ""))
            if country:
                out.append("@" + country.replace(" ", "_"))
                i += n
                matched = True
                break
        if matched:
            continue
        w = _ascii(raw[i].removesuffix("'s").removesuffix("'")).replace("'", "").rstrip(".")
        if w and w not in _CONNECTORS:
            out.append(_us_spelling(w))
        i += 1
    return out


#: British spellings folded to American ones for matching ("Ministry of Defence" =
#: "Defense Ministry", "Labour" = "Labor", "World Health Organisation").
_OUR_WORDS = frozenset("labour harbour honour colour favour neighbour behaviour rumour armour vapour".split())
_RE_WORDS = frozenset("centre centres theatre theatres metre metres litre litres fibre".split())


def _us_spelling(w: str) -> str:
    if w in ("defence", "offence", "licence"):
        return w[:-2] + "se"
    if w in _OUR_WORDS:
        return w[:-2] + "r"
    if w in _RE_WORDS:
        return w.replace("re", "er", 1) if not w.endswith("s") else w[:-3] + "ers"
    if w.endswith(("isation", "isations")):
        return w.replace("isation", "ization")
    if w == "programme":
        return "program"
    return w


def name_tokens(surface: str) -> list[str]:
    """The lower-case content tokens a name's keys are built from (countries as "@country")."""
    return _tokens(surface)


def _place_base(surface: str) -> str:
    """A place name without generic suffixes/prefixes ("Kursk border region" -> "Kursk")."""
    s = clean_surface(surface)
    low = s.lower()
    for p in _PLACE_PREFIXES:
        if low.startswith(p):
            s, low = s[len(p):], low[len(p):]
    for suf in PLACE_SUFFIXES:
        if low.endswith(" " + suf):
            return s[: -len(suf) - 1].strip()
    return s


def _org_base(surface: str) -> str:
    """A body's name without a trailing legal form ("Orvik Terminals, Inc." -> "Orvik Terminals")."""
    words = surface.split()
    while len(words) > 1 and words[-1].lower().replace(".", "").strip(",") in ORG_LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words).rstrip(", &")


@dataclass(frozen=True)
class NameKeys:
    """The matching keys of one surface form.

    exact: keys that mean "same name" when equal (type permitting);
    core: the org key without generic kind-words (needs >= 2 tokens);
    bag: the sorted content tokens of an org or place name (for the subset rule);
    initials: the letters an acronym of this name would have (needs >= 2 words);
    acronym: the letters, when the surface itself is an acronym;
    surname / given: for persons.
    """

    exact: tuple[str, ...] = ()
    core: str | None = None
    bag: tuple[str, ...] = ()
    initials: tuple[str, ...] = ()
    acronym: str | None = None
    surname: str | None = None
    given: tuple[str, ...] = ()
    single: str | None = None  # one-word name (surname or one-token place/org), for spelling variants


@functools.lru_cache(maxsize=1 << 16)
def name_keys(surface: str, etype: str) -> NameKeys:
    """All matching keys of a surface given its entity type (cached: a pure function of both, asked many times)."""
    s = clean_surface(surface)
    if not s:
        return NameKeys()
    if is_acronym(s):
        letters = acronym_letters(s)
        # Acronyms of countries ("US", "DPRK") meet the country's name through the table.
        country = country_of_word(s.lower()) or country_of_word(letters.lower())
        exact = ("acr:" + letters,) + (("tok:@" + country.replace(" ", "_"),) if country else ())
        if len(letters) >= 4 and "." not in s:
            # "SARNET" in a dateline, "NATO" beside "Nato": a capitalised word, too.
            exact += ("tok:" + _ascii(letters),)
        return NameKeys(exact=exact, acronym=letters, single=_ascii(letters) if etype not in PERSON_TYPES else None)
    if etype in PERSON_TYPES:
        given, surname = person_parts(s)
        if not surname:
            return NameKeys()
        exact = ("per:" + " ".join(given + (surname,)),) if given else ()
        return NameKeys(exact=exact, surname=surname, given=given, single=surname if not given else None)
    base = _org_base(_place_base(s) if etype in PLACE_TYPES or etype == "ORG" else s)
    toks = _tokens(base)
    if not toks:
        return NameKeys()
    bag = tuple(sorted(set(toks)))
    exact = ("tok:" + " ".join(bag),)
    core_toks = [t for t in toks if t not in _GENERIC_ORG_WORDS]
    core = None
    if len(set(core_toks)) >= 2 and any(not t.startswith("@") for t in core_toks):
        core = " ".join(sorted(set(core_toks)))
    words = [w for w in _words(base) if w.lower() not in _CONNECTORS]
    initials: list[str] = []
    if len(words) >= 2:
        initials.append("".join(w[0] for w in words).upper())
        no_country = [w for w in words if not country_of_word(w.lower().removesuffix("'s"))]
        if 2 <= len(no_country) < len(words):
            initials.append("".join(w[0] for w in no_country).upper())
    single = toks[0] if len(toks) == 1 and not toks[0].startswith("@") else None
    return NameKeys(exact=exact, core=core, bag=bag, initials=tuple(initials), single=single)


def phonetic_keys(word: str) -> tuple[str, ...]:
    """Blocking keys for spelling variants of one name word: metaphone, NYSIIS, sorted letters, skeleton."""
    w = _ascii(word)
    if not w.isalpha():
        return ()
    from .spelling import skeleton

    return ("m:" + jellyfish.metaphone(w), "n:" + jellyfish.nysiis(w), "a:" + "".join(sorted(w)), "s:" + skeleton(w))


def alias_key(name: str) -> str:
    """How user alias files and surfaces are compared: folded, lower-case, no article or possessive."""
    return clean_surface(name).lower()
