"""Entities within one document: named entities, descriptive bodies, acronyms, people.

Sources of mentions, in order:

1. spaCy's named entities (people, bodies, places, nationalities), cleaned of a
   leading article, a trailing possessive and a swallowed "(ACRONYM".
2. Descriptive names of bodies that NER misses: a noun phrase headed by an
   institution noun with a place or nationality modifier ("the country's
   defence ministry" does not qualify, "Ukraine's military intelligence
   agency" does).
3. Acronyms defined in the text: "Body Name (BN)", "Body Name, the BN," and
   acronyms whose letters are the initials of a body named in the document.
4. Speakers that are no named entity ("U.S. officials", "a drone unit"),
   added on demand by the claims code through ``EntityTable.speaker``.

People: a surname-only or title+surname mention joins the person named
earlier (or later) in the document with the same surname; titles and ranks in
front of the name or in an apposition are kept as ``Entity.titles``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Entity, Mention
from .attribution import phrase_tokens
from .lexicon import (
    GROUP_NOUNS,
    HONORIFICS,
    INSTITUTION_NOUNS,
    MEDIA_NOUNS,
    OCCUPATION_NOUNS,
    ORG_PRONOUNS,
    PERSON_PRONOUNS,
    REPORT_NOUNS,
    ROLE_NOUNS,
)
from .parsed import doc_text
from .people import (
    ACRONYM_RE,
    looks_like_person,
    name_word,
    person_titles,
    phrase_of,
    previous_subject,
    role_evidence,
    same_sentence_subject,
)

__all__ = ["EntityTable", "collect_entities", "normalise_name"]

#: NER labels that name people, bodies and places (numbers and dates are
#: handled by quantities.py and dates.py). PRODUCT and EVENT are kept because
#: the small model often labels place names that way.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT"})


#: Words skipped when computing a name's initials ("Institute for the Study of War" -> ISW).
_INITIALS_SKIP = frozenset(["of", "the", "for", "and", "on", "in", "at", "to", "a", "an", "de", "du", "la"])

# Preference when several mentions cover a speaker's head word.
_LABEL_RANK = {"PERSON": 0, "ORG": 1, "GROUP": 2, "GPE": 3, "NORP": 4, "LOC": 5}

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def normalise_name(name: str) -> str:
    """A key for comparing names: straight apostrophes, no leading article, case-folded."""
    s = " ".join(name.translate(_APOSTROPHES).split()).casefold()
    for art in ("the ", "a ", "an "):
        s = s.removeprefix(art)
    s = s.removesuffix("'s")
    return s


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _INITIALS_SKIP]
    return "".join(w[0] for w in words).upper()


@dataclass
class _Ent:
    """Mutable builder of one entity; frozen into ``Entity`` at the end."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, text, label
    titles: list[str] = field(default_factory=list)


class EntityTable:
    """The entities of one document while they are being built (local to one call)."""

    def __init__(self, doc_id: str, text: str):
        self.doc_id = doc_id
        self.text = text
        self.ents: list[_Ent] = []
        self._by_key: dict[str, int] = {}
        self._span_of: dict[tuple[int, int], int] = {}
        # (start, end, label, entity index) of every mention, for lookup by offset.
        self.spans: list[tuple[int, int, str, int]] = []
        self._merged_into: dict[int, int] = {}  # entity merged away -> the entity that kept its mentions
        self.nominal_spans: set[tuple[int, int]] = set()  # mentions that describe an entity ("the lawyer")

    # ------------------------------------------------------------------ building
    def add(self, start: int, end: int, label: str, ent: int | None = None, name: str | None = None) -> int:
        """Record a mention of text[start:end]; join an entity with the same name, or start one."""
        surface = self.text[start:end]
        if (start, end) in self._span_of:
            return self._span_of[(start, end)]
        key = normalise_name(name or surface)
        if ent is None:
            ent = self._by_key.get(key)
        if ent is None:
            ent = len(self.ents)
            self.ents.append(_Ent(name=_clean_name(name or surface), type=label))
        e = self.ents[ent]
        e.mentions.append((start, end, surface, label))
        self._by_key.setdefault(key, ent)
        self._span_of[(start, end)] = ent
        self.spans.append((start, end, label, ent))
        if len(_clean_name(surface)) > len(e.name) and label == e.type:
            e.aliases.append(e.name)
            e.name = _clean_name(surface)
        elif _clean_name(surface) != e.name:
            e.aliases.append(_clean_name(surface))
        return ent

    def add_nominal(self, start: int, end: int, ent: int) -> None:
        """A description standing for a named entity ("the lawyer"): a mention, never a name or an alias."""
        if (start, end) in self._span_of:
            return
        label = self.ents[ent].type
        self.ents[ent].mentions.append((start, end, self.text[start:end], label))
        self.nominal_spans.add((start, end))
        self._span_of[(start, end)] = ent
        self.spans.append((start, end, label, ent))

    def alias(self, ent: int, alias: str) -> None:
        """Give an entity another name (an acronym, a title+name form)."""
        self._by_key.setdefault(normalise_name(alias), ent)
        if alias != self.ents[ent].name and alias not in self.ents[ent].aliases:
            self.ents[ent].aliases.append(alias)

    def lookup(self, name: str) -> int | None:
        """The entity already known under this name, if any."""
        return self._by_key.get(normalise_name(name))

    def merge(self, keep: int, drop: int, names: bool = True) -> None:
        """Fold entity ``drop`` into ``keep`` (a surname mention found before its full name).

        ``names=False``: ``drop`` is a description of ``keep`` ("the lawyer"), whose name is no alias.
        """
        if keep == drop:
            return
        k, d = self.ents[keep], self.ents[drop]
        if not names:  # the dropped entity was a description: its mentions describe, they do not name
            self.nominal_spans.update((s, e) for s, e, _txt, _lab in d.mentions)
        k.mentions.extend(d.mentions)
        for a in [d.name, *d.aliases] if names else []:
            self.alias(keep, a)
        k.titles.extend(t for t in d.titles if t not in k.titles)
        d.mentions, d.aliases, d.titles = [], [], []
        self._merged_into[drop] = keep
        for key, v in list(self._by_key.items()):
            if v == drop:
                self._by_key[key] = keep
        for sp, v in list(self._span_of.items()):
            if v == drop:
                self._span_of[sp] = keep
        self.spans = [(s, e, lab, keep if v == drop else v) for s, e, lab, v in self.spans]

    # ------------------------------------------------------------------ lookup
    def covering(self, start: int, end: int) -> list[tuple[int, int, str, int]]:
        """Mentions overlapping text[start:end], best first (person, body, group, place)."""
        hits = [s for s in self.spans if s[0] < end and s[1] > start]
        return sorted(hits, key=lambda s: (_LABEL_RANK.get(s[2], 9), -(s[1] - s[0])))

    def last_before(self, offset: int, types: frozenset[str], role: str | None = None) -> int | None:
        """The entity of the given types mentioned last before ``offset`` (with ``role`` in its titles)."""
        best, best_start = None, -1
        for s, _e, _lab, ent in self.spans:
            if s < offset and s > best_start and self.ents[ent].type in types:
                if role and not any(role in t.lower() for t in self.ents[ent].titles):
                    continue
                best, best_start = ent, s
        return best

    def first_offset(self, ent: int, before: int) -> int:
        """Offset of the entity's last mention before ``before`` (-1 if none)."""
        return max((s for s, _e, _l, v in self.spans if v == ent and s < before), default=-1)

    def first_after(self, offset: int, types: frozenset[str], role: str | None = None) -> int | None:
        """The entity of the given types mentioned first after ``offset`` (with ``role`` in its titles)."""
        for s, _e, _lab, ent in sorted(self.spans):
            if s >= offset and self.ents[ent].type in types:
                if role and not any(role in t.lower() for t in self.ents[ent].titles):
                    continue
                return ent
        return None

    def body_with_word(self, word: str, offset: int) -> int | None:
        """The body (ORG) whose name contains ``word`` mentioned last before ``offset``, else first after."""
        best = None
        for s, _e, _lab, ent in sorted(self.spans):
            e = self.ents[ent]
            if e.type in ("ORG", "GROUP") and word in e.name.casefold().split() and (s < offset or best is None):
                best = ent
        return best

    def speaker(self, tokens, head) -> int | None:
        """The entity for a speaker phrase (spaCy tokens; ``head`` its head word).

        Pronouns and bare role nouns ("the spokesperson") go to the person or body
        the document named last; a phrase covering a named mention goes to it;
        any other phrase ("U.S. officials") becomes a GROUP entity of its own.
        """
        if not tokens:
            return None
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        low = head.lower_
        if low == "one" and head.dep_ == "nsubj":
            # '"...," one said': one of the group the sentence before was about.
            group = previous_subject(head, person=False, plural=True)
            return self.speaker(phrase_tokens(group), group) if group is not None else None
        if head.pos_ == "PRON" or low in PERSON_PRONOUNS or low in ORG_PRONOUNS:
            if low not in PERSON_PRONOUNS and low not in ORG_PRONOUNS:
                return None
            person = low in PERSON_PRONOUNS
            here = same_sentence_subject(head, person)
            if here is not None and here.i != head.i:
                return self.speaker(phrase_tokens(here), here)
            types = frozenset({"PERSON"}) if person else frozenset({"ORG", "GROUP"})
            last = self.last_before(start, types)
            prev = previous_subject(head, person)
            # The nearer of the last named person (body) and the previous reporting subject.
            if prev is not None and (last is None or prev.idx > self.first_offset(last, start)):
                return self.speaker(phrase_of(prev), prev)
            return last
        # A capitalised word the parser took for something else ("Orvik estimated ...") is a
        # name when the document uses it inside a known name.
        known_words = {w for e in self.ents if e.mentions for w in e.name.casefold().split()}
        has_name = any(t.pos_ == "PROPN" or t.ent_type_ or (name_word(t) and t.lower_ in known_words) for t in tokens)
        if low in ROLE_NOUNS and not has_name:
            found = self.last_before(start, frozenset({"PERSON"}), role=low)
            if found is None:
                found = self.first_after(start, frozenset({"PERSON"}), role=low)
            if found is not None:
                return found
            for c in head.children:  # "a spokesman for the inspectorate" -> the inspectorate
                if c.dep_ == "prep" and c.lower_ in ("for", "of", "at"):
                    p = next((x for x in c.children if x.dep_ == "pobj"), None)
                    if p is not None:
                        return self.speaker(list(p.subtree), p)
        head_start = head.idx
        for s, e, _lab, ent in self.covering(head_start, head_start + len(head.text)):
            return ent
        if (not has_name and head.pos_ == "NOUN") or (len(tokens) == 1 and name_word(head)):
            # "the union", "the inspectorate", "Orvik": a body named in full with this word.
            named = self.body_with_word(low, start)
            if named is not None:
                return named
        if not has_name and (head.pos_ != "NOUN" or (low in MEDIA_NOUNS or low in REPORT_NOUNS) and low not in GROUP_NOUNS):
            # A phrase that names no one ("the footage", "this") is no speaker entity.
            inside = self.covering(start, end)
            return inside[0][3] if inside else None
        if not has_name and low in ROLE_NOUNS and head.tag_ == "NN":
            # "The governor said": an unnamed office holder is still one speaker.
            s_tok = next((i for i, t in enumerate(tokens) if t.pos_ != "DET"), 0)
            return self.add(tokens[s_tok].idx, end, "PERSON")
        if name_word(head) and self.person_by_surname(head.text) is not None:
            # "Ndlovu added": the surname of a person named before (NER missed it here).
            return self.add(head.idx, head.idx + len(head.text), "PERSON", ent=self.person_by_surname(head.text))
        label = "ORG" if low in INSTITUTION_NOUNS else ("GROUP" if low in GROUP_NOUNS else "ORG")
        s_tok = next((i for i, t in enumerate(tokens) if t.dep_ != "det" and t.pos_ != "DET"), 0)
        if head.ent_type_ == "PERSON" or looks_like_person(head):
            # Only the name itself: "Ukrainian military blogger Yuriy Butusov" -> "Yuriy Butusov".
            names = [t for t in tokens if t.i <= head.i and name_word(t)]
            run = [head]
            for t in reversed([t for t in names if t.i < head.i]):
                if t.i == run[0].i - 1:
                    run.insert(0, t)
            known = self.person_by_surname(head.text)
            s_chr = run[0].idx
            return self.add(s_chr, head.idx + len(head.text), "PERSON", ent=known)
        return self.add(tokens[s_tok].idx, end, label)

    def person_by_surname(self, surname: str) -> int | None:
        """The person entity whose name ends with this word, if exactly one does."""
        key = surname.casefold()
        hits = {i for i, e in enumerate(self.ents) if e.type == "PERSON" and e.mentions
                and e.name.split()[-1].casefold() == key}
        return hits.pop() if len(hits) == 1 else None

    # ------------------------------------------------------------------ freezing
    def freeze(self) -> tuple[tuple[Entity, ...], tuple[Mention, ...], dict[int, str]]:
        """Entities with ids f"{doc}#e{n}" in order of first mention, their mentions, and the id map."""
        live = [i for i, e in enumerate(self.ents) if e.mentions]
        live.sort(key=lambda i: min(m[0] for m in self.ents[i].mentions))
        ids = {i: f"{self.doc_id}#e{n}" for n, i in enumerate(live)}
        for i, e in enumerate(self.ents):  # merged-away entities point at their keeper
            if i not in ids:
                keeper, seen = self._merged_into.get(i), {i}
                while keeper is not None and keeper not in ids and keeper not in seen:
                    seen.add(keeper)
                    keeper = self._merged_into.get(keeper)
                if keeper in ids:
                    ids[i] = ids[keeper]
        entities, mentions = [], []
        for i in live:
            e = self.ents[i]
            ms = tuple(
                Mention(doc=self.doc_id, start=s, end=t, text=txt, label=lab, entity=ids[i],
                        nominal=(s, t) in self.nominal_spans)
                for s, t, txt, lab in sorted(set(e.mentions))
            )
            aliases = tuple(dict.fromkeys(a for a in e.aliases if a and a != e.name))
            entities.append(Entity(id=ids[i], name=e.name, type=e.type, aliases=aliases, mentions=ms,
                                   titles=tuple(dict.fromkeys(e.titles))))
            mentions.extend(ms)
        mentions.sort(key=lambda m: (m.start, m.end))
        return tuple(entities), tuple(mentions), ids


_BODY = "ORG_BODY"  # internal label of descriptive bodies while collecting


def _clean_name(s: str) -> str:
    s = " ".join(s.split())
    for art in ("the ", "The ", "THE "):
        s = s.removeprefix(art)
    if s.endswith(("'s", "\u2019s")):
        s = s[:-2]
    return s


# ---------------------------------------------------------------------- collection
def _trim_ent(ent) -> tuple[int, int, str | None]:
    """Token bounds of an NER span without article, possessive, a swallowed "(ACR" or a title; and the ACR."""
    toks = list(ent)
    if ent.label_ == "PERSON":
        # "Spokesperson Li Wei", "Comedian Ana Ruiz", "American Tom Reyes": a title, an
        # occupation or a nationality is no part of the name (a title is kept as one).
        while len(toks) > 1 and (toks[0].lower_ in ROLE_NOUNS or toks[0].lower_ in HONORIFICS or toks[0].text == "."
                                 or toks[0].lower_ in OCCUPATION_NOUNS or _demonym(toks[0].text)):
            toks = toks[1:]
    acr = None
    for k, t in enumerate(toks):
        if t.text == "(":
            rest = [x for x in toks[k + 1:] if x.text != ")"]
            if len(rest) == 1 and ACRONYM_RE.match(rest[0].text):
                acr = rest[0].text
            toks = toks[:k]
            break
    while toks and (toks[0].lower_ in ("the", "a", "an") or toks[0].is_punct) and not _name_article(toks[0], ent.label_):
        toks = toks[1:]
    while toks and (toks[-1].tag_ == "POS" or toks[-1].is_punct or toks[-1].pos_ in ("DET", "ADP", "CCONJ")):
        toks = toks[:-1]
    if not toks:
        return -1, -1, acr
    return toks[0].i, toks[-1].i + 1, acr


def _name_article(tok, label: str) -> bool:
    """A capitalised "The" inside a running sentence opens a body's name ("for The Hollywood Reporter"):
    only there, after a lower-case word, is the capital the outlet's and not the sentence's or a headline's."""
    if tok.text != "The" or label == "PERSON" or tok.i == 0 or tok.is_sent_start:
        return False
    before = tok.doc[tok.i - 1]
    return before.is_alpha and before.is_lower and "\n" not in before.whitespace_


#: Endings of demonyms ("American", "Ukrainian", "Japanese", "Polish", "Israeli").
_DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ic", "ch")


def _demonym(word: str) -> bool:
    """Whether a capitalised word is a nationality ("American"), not a country or a name ("Jordan")."""
    from ..resolve.places import country_of_word

    low = word.lower()
    country = country_of_word(low)
    return bool(country) and country != low and low.endswith(_DEMONYM_ENDINGS)


def _span_chars(doc, i: int, j: int) -> tuple[int, int]:
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)


def _following_acronym(doc, j: int) -> str | None:
    """ACR when tokens j.. read "(ACR)" or ", the ACR," after a name ending before token j."""
    if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")" and ACRONYM_RE.match(doc[j + 1].text):
        return doc[j + 1].text
    k = j
    if k < len(doc) and doc[k].text == ",":
        k += 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        if k + 1 < len(doc) and ACRONYM_RE.match(doc[k].text) and doc[k + 1].is_punct:
            return doc[k].text
    return None


def _descriptive_bodies(doc) -> list[tuple[int, int]]:
    """Token spans of bodies named by description ("Ukraine's military intelligence agency")."""
    out = []
    for t in doc:
        if t.lower_ not in INSTITUTION_NOUNS or t.pos_ not in ("NOUN", "PROPN"):
            continue
        # Only the last noun of a compound chain ("intelligence agency": take "agency").
        if t.dep_ == "compound" and t.head.lower_ in INSTITUTION_NOUNS:
            continue
        mods = [c for c in t.lefts if c.dep_ in ("poss", "amod", "compound", "nmod", "npadvmod")]
        if not mods:
            continue
        place = any(
            x.ent_type_ in ("GPE", "NORP", "ORG") for m in mods for x in m.subtree
        )
        if not place:
            continue
        start = min(m.left_edge.i for m in mods)
        while start < t.i and (doc[start].pos_ == "DET" or doc[start].is_punct):
            start += 1
        if t.i - start >= 1:
            out.append((start, t.i + 1))
    return out


def collect_entities(doc_id: str, parsed) -> EntityTable:
    """Build the document's entity table from NER, descriptive bodies and acronyms."""
    text = doc_text(parsed)
    table = EntityTable(doc_id, text)
    acronyms: list[tuple[str, int]] = []  # (acronym, entity)
    ner_spans = []
    for ent in parsed.ents:
        if ent.label_ not in ENTITY_LABELS or "\n" in ent.text:
            continue
        i, j, acr = _trim_ent(ent)
        if i < 0 or not any(t.is_alpha for t in parsed[i:j]):
            continue
        ner_spans.append((i, j, ent.label_, acr))
    covered = {k for i, j, _l, _a in ner_spans for k in range(i, j)}
    bodies = [(i, j) for i, j in _descriptive_bodies(parsed)]
    persons: list[tuple[int, int, int]] = []  # token span and entity of person mentions
    items = [(i, j, lab, acr) for i, j, lab, acr in ner_spans]
    for i, j in bodies:
        # A descriptive body is kept only where NER did not already cover it.
        items.append((i, j, _BODY, None))
    items.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    for i, j, lab, acr in items:
        if lab == _BODY:
            if all(k in covered for k in range(i, j)):
                continue
            lab = "ORG"
        if lab in ("ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT") and role_evidence(parsed[j - 1]):
            lab = "PERSON"  # "Amara Diallo, the head of ...": NER took a person for a body
        s, e = _span_chars(parsed, i, j)
        if lab == "PERSON":
            ent_idx = _person_entity(table, parsed, i, j, persons)
            table.add(s, e, lab, ent=ent_idx)
            ent_idx = table._span_of[(s, e)]
            persons.append((i, j, ent_idx))
            titles, prefix = person_titles(parsed, i, j)
            for t in titles:
                if t not in table.ents[ent_idx].titles:
                    table.ents[ent_idx].titles.append(t)
            if prefix:
                table.alias(ent_idx, f"{prefix} {table.text[s:e]}")
            words = table.text[s:e].split()
            if len(words) >= 2 and words[-1][:1].isupper():
                table.alias(ent_idx, words[-1])  # the surname alone is how later sentences name them
            continue
        if ACRONYM_RE.match(parsed[i:j].text) and table.lookup(parsed[i:j].text) is not None:
            table.add(s, e, lab, ent=table.lookup(parsed[i:j].text))
            continue
        ent_idx = table.add(s, e, lab)
        if i > 0 and parsed[i - 1].text == "The" and parsed[i - 1].ent_iob_ in ("B", "I") and lab == "ORG":
            table.alias(ent_idx, f"The {table.text[s:e]}")  # "The Pentagon", "The Kyiv Post" as written
        acr = acr or _following_acronym(parsed, j)
        if acr:
            table.alias(ent_idx, acr)
            acronyms.append((acr, ent_idx))
    _link_acronyms(table, parsed, acronyms)
    _surnames_to_people(table)
    return table


def _surnames_to_people(table: EntityTable) -> None:
    """A one-word mention NER labelled as a body or place that is a named person's surname joins that person."""
    for k, e in enumerate(table.ents):
        if e.type == "PERSON" or not e.mentions or " " in e.name or e.name.isupper():
            continue
        person = table.person_by_surname(e.name)
        if person is not None and person != k:
            e.mentions = [(s, t, txt, "PERSON") for s, t, txt, _lab in e.mentions]
            table.spans = [(s, t, "PERSON" if v == k else lab, v) for s, t, lab, v in table.spans]
            table.merge(person, k)


def _person_entity(table: EntityTable, doc, i: int, j: int, persons) -> int | None:
    """The person already named with the same surname, or None for a new person."""
    words = [t.text for t in doc[i:j] if t.lower_ not in HONORIFICS]
    if not words:
        return None
    surname = words[-1].casefold()
    for pi, pj, ent in reversed(persons):
        other = [t.text for t in doc[pi:pj] if t.lower_ not in HONORIFICS]
        if other and other[-1].casefold() == surname:
            if len(words) > 1 and len(other) > 1 and words[0].casefold() != other[0].casefold():
                continue  # same surname, different first name: another person
            return ent
    return None


def _link_acronyms(table: EntityTable, doc, defined: list[tuple[str, int]]) -> None:
    """Attach bare acronyms to the body they abbreviate (defined in the text, or by initials)."""
    known = {a: e for a, e in defined}
    for t in doc:
        if not ACRONYM_RE.match(t.text) or t.ent_type_ in ("PERSON", "GPE"):
            continue
        s, e = t.idx, t.idx + len(t.text)
        ent = known.get(t.text)
        if ent is None:
            for k, cand in enumerate(table.ents):
                if cand.type == "ORG" and cand.mentions and len(cand.name.split()) >= 2 and _initials(cand.name) == t.text:
                    ent = k
                    table.alias(k, t.text)
                    known[t.text] = k
                    break
        if ent is None:
            continue
        owner = table._span_of.get((s, e))
        if owner is None:
            table.add(s, e, "ORG", ent=ent)
        elif owner != ent:
            table.merge(ent, owner)
