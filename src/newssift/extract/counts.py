"""Casualty counts written without digits: "a man was killed", "no one was hurt".

News reports of small incidents rarely give a toll in figures.  They say "a
23-year-old was fatally shot", "his brother was wounded", "two people were
shot, one fatally" or "no one else was injured".  This pass reads such
statements from the dependency parse and returns them as :class:`Quantity`
objects with measure ``killed`` or ``wounded``, so they join the figures the
way "12 killed" does.

What is counted, and how:

* a casualty predicate: a kill/wound verb ("was killed", "died", "was hurt"),
  a fatal shooting ("fatally shot", "shot to death", "shot and killed"), a
  state ("found dead", "pronounced dead", "in critical condition"), a suffered
  injury ("suffered a gunshot wound"), or a death noun with its victim ("the
  shooting death of a teenager");
* its victims: the passive or intransitive subject, the object of an active
  verb ("killed his wife"), the object of "of" after a death noun; conjoined
  victims ("a man and a woman") add up;
* each victim's count: one for a singular person ("a man", "the victim",
  "Ortiz", "he", "a 23-year-old"), two for "both", the ordinal in "a second
  victim died", zero for "no one" / "nobody" / "no injuries".

A single victim only says that *at least* this many were hurt, so those counts
carry the qualifier ``at_least`` (they never contradict a stated total); "no
one was hurt" is an exact zero, and "no one else" a floor of zero.  Negated,
hedged or unreal predicates ("was not hurt", "could have died", "tried to
kill") count nothing.  Numbers the general quantity pass already read are not
read again.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..models import Quantity
from .lexicon import (
    AGENT_SUFFIXES,
    CONDITION_ADJS,
    DEATH_NOUNS,
    FATAL_ADVERBS,
    FATAL_EVENT_ADJS,
    INJURY_NOUNS,
    KILL_VERBS,
    MEASURE_VERBS,
    NOBODY_WORDS,
    NOT_AGENT_NOUNS,
    ONE_PERSON_NOUNS,
    ONE_PERSON_PRONOUNS,
    ORDINAL_COUNTS,
    SHOT_THINGS,
    STATE_VERBS,
    SUFFER_VERBS,
    UNREAL_HEADS,
    UNREAL_WORDS,
    WOUND_VERBS,
)

__all__ = ["casualty_counts", "drop_non_counts", "with_casualty_counts"]

#: Measures this pass reads and whose numbers it checks for ages.
CASUALTY_MEASURES = frozenset(["killed", "wounded", "killed_or_wounded", "casualties"])

_SUBJ = ("nsubj", "nsubjpass")

#: Whether conjoined victims that are all numbered ("four women and one man") are an exact total.
CONJOINED_EXACT = True


def with_casualty_counts(parsed, start: int, end: int, quantities: Sequence[Quantity]) -> tuple[Quantity, ...]:
    """``quantities`` without casualty numbers that count nothing, then the digit-less casualty counts of the span."""
    kept = drop_non_counts(parsed, quantities)
    return kept + casualty_counts(parsed, start, end, kept)


def drop_non_counts(parsed, quantities: Sequence[Quantity]) -> tuple[Quantity, ...]:
    """Drop casualty "counts" that are no toll.

    An age set off by commas ("Ortiz, 19, died"), a street number ("the 2600
    block"), a clock time ("at 2:37 a.m."), a sum of money ("a $10,000
    reward") or a number under an unreal verb ("aimed to kill four").
    """
    out = []
    for q in quantities:
        if q.measure in CASUALTY_MEASURES and q.start >= 0:
            span = parsed.char_span(q.start, q.end, alignment_mode="expand")
            if span is not None and (_is_age(parsed, span) or _is_label(parsed, span) or _under_unreal(span)):
                continue
        out.append(q)
    return tuple(out)


#: Words after a number that make it an address, a label or a clock time: "the 2600 block", "2:37 a.m.".
_LABEL_AFTER = frozenset(["block", "blocks", "a.m.", "p.m.", "am", "pm", "a.m", "p.m", "o'clock"])


def _numbers(span) -> list:
    return [t for t in span if t.like_num or any(ch.isdigit() for ch in t.text)]


def _is_label(parsed, span) -> bool:
    nums = _numbers(span)
    if not nums:
        return False
    first, last = nums[0], nums[-1]
    if any(":" in t.text for t in nums):
        return True  # "2:37"
    before = parsed[first.i - 1] if first.i > 0 else None
    after = parsed[last.i + 1] if last.i + 1 < len(parsed) else None
    if after is not None and after.lower_ in _LABEL_AFTER:
        return True
    return before is not None and (before.text in ("$", "€", "£", "#", ":") or before.tag_ == "$")


def _under_unreal(span) -> bool:
    """Whether the verb governing the number is unreal ("aimed to kill four of the six")."""
    cur = span.root
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ == "VERB":
            return _unreal(cur)
    return False


def _is_age(parsed, span) -> bool:
    """A lone number between commas after a name: "Ortiz, 19, died"."""
    nums = _numbers(span)
    if len(nums) != 1 or nums[0].i < 2:
        return False
    t = nums[0]
    before, after = parsed[t.i - 1], parsed[t.i + 1] if t.i + 1 < len(parsed) else None
    if before.text != ",":
        return False
    named = parsed[t.i - 2].pos_ in ("PROPN", "NOUN") or parsed[t.i - 2].ent_type_ == "PERSON"
    return named and (after is None or after.text in (",", ".", ";") or t.dep_ == "appos")


def casualty_counts(parsed, start: int, end: int, known: Sequence[Quantity] = ()) -> tuple[Quantity, ...]:
    """Killed and wounded counts stated without digits within ``parsed.text[start:end]``."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ()
    taken = [(q.start, q.end) for q in known if q.measure in CASUALTY_MEASURES]
    out: list[Quantity] = []
    seen: set[tuple[int, str]] = set()
    for tok in span:
        for measure, victims in _predicates(tok):
            if _unreal(tok):
                continue
            for group in _conjoined(victims):
                made = _group_count(parsed, group, measure, negated=_negated(tok))
                if made is None or not (start <= made.start and made.end <= end):
                    continue
                if (group[0].i, measure) in seen or any(a < made.end and made.start < b for a, b in taken):
                    continue
                seen.add((group[0].i, measure))
                out.append(made)
    out.extend(_shot_one_fatally(span, taken, seen))
    return tuple(out)


# ----------------------------------------------------------------- predicates

def _predicates(tok) -> list[tuple[str, list]]:
    """(measure, victim heads) for each casualty statement that ``tok`` heads."""
    lemma, low = tok.lemma_.lower(), tok.lower_
    if tok.pos_ in ("VERB", "AUX", "ADJ"):
        if _dies(tok) or (low in ("killed", "dead") and tok.pos_ != "ADJ"):
            return [("killed", _victims(tok, passive_or_intransitive=True))]
        if lemma == "shoot" and _fatal(tok):
            return [("killed", _victims(tok, passive_or_intransitive=True))]
        if lemma == "shoot" and not any(_dies(k) for k in tok.conjuncts):
            # Shot, fatally or not: a count of both kinds ("shot"), never credited to either.
            return [("shot", _with_conjuncts([c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]))]
        if any(_dies(k) or (k.lemma_.lower() == "shoot" and _fatal(k)) for k in tok.conjuncts):
            return []  # "in critical condition but died later": a death, read at its own verb
        if lemma in WOUND_VERBS:
            return [("wounded", _victims(tok, passive_or_intransitive=True))]
        if MEASURE_VERBS.get(lemma) == "wounded" or low in ("hospitalized", "hospitalised"):
            # "was treated and released", "remains hospitalized": only the person it happened to.
            return [("wounded", [c for c in tok.children if c.dep_ == "nsubjpass"] or _state_subject(tok))]
        state = _state(tok) if tok.pos_ in ("VERB", "AUX") else None
        if state == "killed" and lemma in STATE_VERBS:
            return [(state, _victims(tok, passive_or_intransitive=lemma in ("be", "lie")))]
        if state == "wounded":  # "taken to a hospital in critical condition"
            return [(state, _victims(tok, passive_or_intransitive=True))]
        if (lemma in SUFFER_VERBS and _suffers_injury(tok)) or _with_injury(tok):
            # "found a boy with a gunshot wound": an active verb's object is the one hurt.
            objs = [c for c in tok.children if c.dep_ == "dobj"] if lemma not in SUFFER_VERBS else []
            return [("wounded", _with_conjuncts(objs or [c for c in tok.children if c.dep_ in _SUBJ]))]
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "pobj") and _with_injury(tok):
        if tok.dep_ == "pobj" and not _one_person(tok) and tok.head.head.pos_ == "VERB":
            # "taken to [a hospital with serious injuries]": the parser hangs the injury on the place
            return [("wounded", [c for c in tok.head.head.children if c.dep_ == "nsubjpass"])]
        return [("wounded", [tok])]  # "found a boy with a gunshot wound"
    if tok.pos_ == "NOUN" and tok.lower_ in DEATH_NOUNS | {"shooting"} and _fatal_noun(tok):
        return [("killed", [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj"])]
    if tok.pos_ == "NOUN" and tok.lower_ in ("injuries", "casualties", "fatalities", "deaths"):
        return _none_reported(tok)
    return []


def _dies(verb) -> bool:
    """A kill verb, or "passed away" / "succumbed"."""
    lemma = verb.lemma_.lower()
    if lemma in KILL_VERBS or lemma == "succumb":
        return True
    return lemma == "pass" and any(c.dep_ == "prt" and c.lower_ == "away" for c in verb.children)


def _victims(verb, passive_or_intransitive: bool) -> list:
    """Who the predicate happened to: the passive/intransitive subject, else an active verb's object."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if objs:
        return _with_conjuncts(objs)
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "was shot and killed", "was shot and died": the first verb's subject.
        subj = [c for c in verb.head.children if c.dep_ in _SUBJ]
    if passive_or_intransitive or _dies(verb):
        return _with_conjuncts(subj)
    return []


def _with_conjuncts(heads: list) -> list:
    out = []
    for h in heads:
        out.append(h)
        out.extend(c for c in h.conjuncts if c.i > h.i)
    return out


def _conjoined(victims: list) -> list[list]:
    """Victims grouped by conjunction: "a man and a woman" is one group of two."""
    groups: list[list] = []
    for v in victims:
        if groups and v in groups[-1][0].conjuncts:
            groups[-1].append(v)
        else:
            groups.append([v])
    return groups


def _group_count(parsed, group: list, measure: str, negated: bool) -> Quantity | None:
    """One count for conjoined victims: the sum of each one's count ("a man and a woman": 2)."""
    if len(group) == 1:
        return _count(parsed, group[0], measure, negated)
    values, numbered = [], True
    for v in group:
        nums = _nummods(v)
        if nums:
            from .quantities import parse_number  # the general number reader
            values.append(parse_number([n.text for n in nums]))
        else:
            numbered = False
            q = _count(parsed, v, measure, negated)
            values.append(q.low if q is not None and q.qualifier == "at_least" else None)
    if any(x is None for x in values) or negated:
        return None
    # "four women and one man": every part numbered, an exact total; "two men and a woman" only a floor.
    qualifier = "exact" if numbered and CONJOINED_EXACT else "at_least"
    return _make(parsed, _first(group[0]), group[-1], float(sum(values)), qualifier, measure)


def _nummods(v) -> list:
    """Cardinal number words counting ``v`` ("two women"); ordinals such as "second" are not."""
    return [c for c in v.children if c.dep_ == "nummod" and c.like_num and c.lower_ not in ORDINAL_COUNTS
            and c.lower_ != "first"]


def _fatal(verb) -> bool:
    """"fatally shot", "shot dead", "shot to death", "shot and killed"."""
    for c in verb.children:
        if c.dep_ in ("advmod", "acomp", "oprd", "xcomp") and c.lower_ in FATAL_ADVERBS:
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "death" for p in c.children):
            return True
    return False


def _state(verb) -> str | None:
    """"found dead" → killed; "in critical condition" → wounded; else None."""
    for c in verb.children:
        if c.dep_ in ("acomp", "oprd", "xcomp", "ccomp") and c.lower_ == "dead":
            return "killed"
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                if p.lower_ == "condition" and any(a.lower_ in CONDITION_ADJS for a in p.children):
                    return "wounded"
    return None


def _suffers_injury(verb) -> bool:
    """"suffered a gunshot wound", "sustained serious injuries" (not "fatal injuries")."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children if p.dep_ == "pobj"]
    for c in objs + [k for o in objs for k in o.conjuncts]:
        if c.lower_ in INJURY_NOUNS:
            return not any(a.lower_ in FATAL_EVENT_ADJS | {"fatal"} for a in c.children)
    return False


def _with_injury(tok) -> bool:
    """"taken to hospital with serious injuries", "treated for a gunshot wound" (not "fatal injuries")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "for"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lower_ in INJURY_NOUNS:
                    return not any(a.lower_ in FATAL_EVENT_ADJS | {"fatal"} for a in p.children)
    return False


def _state_subject(verb) -> list:
    """The subject of "remains hospitalized" / "is hospitalized": the head verb's subject."""
    head = verb.head if verb.dep_ in ("acomp", "oprd", "xcomp") else verb
    return _with_conjuncts([c for c in head.children if c.dep_ in _SUBJ])


def _fatal_noun(noun) -> bool:
    """"death of", "killing of", "fatal shooting of"."""
    if noun.lower_ in DEATH_NOUNS:
        return not any(c.lower_ in ("attempted", "attempt") for c in noun.children)
    return any(c.lower_ in FATAL_EVENT_ADJS for c in noun.children)


def _none_reported(noun) -> list[tuple[str, list]]:
    """"There were no injuries", "no other injuries were reported": a zero count."""
    if not any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return []
    measure = "wounded" if noun.lower_ == "injuries" else "killed"
    return [(measure, [noun])]


def _negated(verb) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _unreal(verb) -> bool:
    """"could have died", "nearly killed", "tried to kill", "if anyone was hurt"."""
    for c in verb.children:
        if c.lower_ in UNREAL_WORDS and c.dep_ in ("aux", "advmod", "mark"):
            return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in UNREAL_HEADS


# ----------------------------------------------------------------- victims

def _count(parsed, v, measure: str, negated: bool) -> Quantity | None:
    """The count one victim phrase carries, or None when it names no countable person."""
    nums = [c for c in _nummods(v) if c.lower_ != "one"]
    if measure == "shot" and (v.lower_ in SHOT_THINGS or v.lemma_.lower() in SHOT_THINGS):
        return None  # "15 rounds were shot", "two drones were shot down": things, not people hit
    if measure == "shot" and nums and not negated:
        from .quantities import parse_number  # the general number reader
        value = parse_number([n.text for n in sorted(nums, key=lambda t: t.i)])
        return None if value is None else _make(parsed, _first(v), v, value, "exact", measure)
    if nums or (v.like_num and v.lower_ not in ("one", "none")):
        return None  # a number the quantity pass reads
    zero = _nobody(v)
    if zero is not None:
        return _make(parsed, zero[1], v, 0.0, zero[0], measure)
    if negated:
        return None
    ordinal = next((ORDINAL_COUNTS[c.lower_] for c in v.children if c.lower_ in ORDINAL_COUNTS), None)
    if ordinal is not None and v.tag_ != "NNS":
        return _make(parsed, _first(v), v, float(ordinal), "at_least", measure)
    if v.lower_ == "both":
        # "both killed and wounded": "both ... and" pairs two words, it counts nobody.
        paired = v.i + 1 == v.head.i and any(c.dep_ == "conj" for c in v.head.children)
        if v.dep_ not in _SUBJ or v.i > v.head.i or paired:
            return None  # "casualties, both killed and wounded": a pairing word, not two people
        return _make(parsed, v, v, 2.0, "at_least", measure)
    if _one_person(v):
        names = _listed_names(v)
        if names:  # "Ann Lee, 31, Bo Tran, 29, and Cy Roe, 26": the tagger chains names by apposition
            return _make(parsed, _first(v), names[-1], float(1 + len(names)), "at_least", measure)
        return _make(parsed, _first(v), v, 1.0, "at_least", measure)
    return None


def _nobody(v) -> tuple[str, object] | None:
    """(qualifier, first token) when the victim is "no one" / "nobody" / "no injuries"; "else" makes it a floor."""
    no = next((c for c in v.children if c.dep_ == "det" and c.lower_ == "no"), None)
    if v.lower_ in NOBODY_WORDS or (no is not None and (v.lower_ in ("one", "injuries", "casualties", "fatalities",
                                                                     "deaths", "other", "others")
                                                        or v.lower_ in ONE_PERSON_NOUNS or v.tag_ == "NNS")):
        other = any(c.lower_ in ("else", "other", "further", "more", "additional") for c in v.children)
        return ("at_least" if other or v.lower_ in ("other", "others") else "exact", no if no is not None else v)
    return None


def _one_person(v) -> bool:
    """Whether the phrase headed by ``v`` is one person: "a man", "the victim", "Ortiz", "he", "a 23-year-old"."""
    low = v.lower_
    if low in ONE_PERSON_PRONOUNS:
        return True
    if v.tag_ in ("NNS", "NNPS"):
        return False
    if low in ONE_PERSON_NOUNS or v.lemma_.lower() in ONE_PERSON_NOUNS:
        return True
    if v.pos_ == "NOUN" and low.endswith(AGENT_SUFFIXES) and low not in NOT_AGENT_NOUNS and len(low) > 4:
        return True  # an agent noun: "a miner", "the surveyor", "a cyclist"
    if low == "one" and v.dep_ in _SUBJ + ("dobj",):
        return any(c.lower_ == "another" for c in v.children) or not any(c.dep_ == "prep" for c in v.children)
    if low == "another":
        return True
    if low == "old" and any(c.lower_ in ("year", "month") for c in v.subtree):
        return True  # "a 23-year-old was shot"
    if v.pos_ != "PROPN":
        return False
    # A name: the tagger's PERSON, or a name with an age set off by commas ("Talia Morven, 31,").
    return v.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.like_num for c in v.children)


def _listed_names(v) -> list:
    """Further person names chained to the name ``v`` by apposition or conjunction, in order."""
    if v.pos_ != "PROPN":
        return []
    out, todo = [], [v]
    while todo:
        cur = todo.pop()
        for c in cur.children:
            if c.dep_ in ("appos", "conj") and c.pos_ == "PROPN" and c.ent_type_ == "PERSON":
                out.append(c)
                todo.append(c)
    return sorted(out, key=lambda t: t.i)


def _first(v):
    """First token of the victim phrase, without trailing appositions or clauses."""
    lefts = [t for t in v.lefts if t.dep_ not in ("punct", "cc")]
    return min((t for x in lefts for t in x.subtree), key=lambda t: t.i, default=v)


def _make(parsed, first, head, value: float, qualifier: str, measure: str) -> Quantity:
    a = min(first.i, head.i)
    words = parsed[a:head.i + 1]  # (Doc.text is rebuilt on each access: read the span's own text)
    s, e = words.start_char, words.end_char
    return Quantity(text=words.text, low=value,
                    high=None if qualifier == "at_least" else value, qualifier=qualifier,  # type: ignore[arg-type]
                    measure=measure, start=s, end=e, subject=None)


# ----------------------------------------------------------------- "N shot, one fatally"

def _shot_one_fatally(span, taken, seen) -> list[Quantity]:
    """"Two people were shot, one fatally": one killed and the others wounded."""
    out: list[Quantity] = []
    for tok in span:
        if tok.lemma_.lower() != "shoot" or _unreal(tok):
            continue
        fatal = [c for c in tok.children if c.like_num and any(a.lower_ in ("fatally", "mortally") for a in c.children)]
        subj = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
        if len(fatal) != 1 or len(subj) != 1:
            continue
        from .quantities import parse_number  # the general number reader, no cycle at import time
        nums = [n.text for n in subj[0].children if n.dep_ == "nummod"]
        total = parse_number(nums) if nums else None
        killed = parse_number([fatal[0].text])
        if total is None or killed is None or killed > total or (fatal[0].i, "killed") in seen:
            continue
        doc = tok.doc
        adv = next(a for a in fatal[0].children if a.lower_ in ("fatally", "mortally"))
        words = doc[fatal[0].i:adv.i + 1]
        s, e = words.start_char, words.end_char
        if any(a < e and s < b for a, b in taken):
            continue
        out.append(Quantity(text=words.text, low=killed, high=killed, qualifier="exact", measure="killed",
                            start=s, end=e, subject=None))
        told = doc[subj[0].left_edge.i:tok.i + 1]
        ss, se = told.start_char, told.end_char
        out.append(Quantity(text=told.text, low=total - killed, high=total - killed, qualifier="exact",
                            measure="wounded", start=ss, end=se, subject=None))
    return out
