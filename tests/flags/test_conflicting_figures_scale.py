"""Conflicting figures in a big fact: the minority value is flagged, as counting every claim pair would."""
from __future__ import annotations

from newssift.flags.figures import _agreeing, _pairs, find_conflicting_figures
from newssift.models import Claim, Fact, Quantity


def _claim(k: int, text: str, low, high, qualifier: str) -> Claim:
    q = Quantity(text=text, low=low, high=high, qualifier=qualifier, measure="killed", start=0, end=len(text))
    return Claim(id=f"c{k}", doc=f"d{k}", start=0, end=len(text), text=text, kind="indirect", speaker=f"e{k % 3}",
                 quantities=(q,))


def _flood_fact():
    """A fictional flood toll told by 60 reports: 40 say three dead, 14 say four, 6 say at least three."""
    claims = [_claim(k, "three people were killed in the flood", 3, 3, "exact") for k in range(40)]
    claims += [_claim(k, "four people were killed in the flood", 4, 4, "exact") for k in range(40, 54)]
    claims += [_claim(k, "at least three people were killed", 3, None, "at_least") for k in range(54, 60)]
    return claims, Fact(id="f1", claims=tuple(c.id for c in claims), status="conflicting", origins=(), summary="",
                        story="s1", docs=tuple(c.doc for c in claims))


def _reference(claims, facts):
    """The flags' claims as the per-claim-pair count gives them (the loop before memoising)."""
    out, seen = [], set()
    for f in facts:
        members = [c for c in claims if c.id in f.claims]
        for a, qa, b, qb in _pairs(members):
            na, nb = _agreeing(qa, qb, members), _agreeing(qb, qa, members)
            sides = [a] if na < nb else [b] if nb < na else [a, b]
            for c in sides:
                if (f.id, c.id) not in seen:
                    seen.add((f.id, c.id))
                    out.append(c.id)
    return out


def test_the_minority_toll_is_flagged_in_every_report_that_gives_it():
    claims, fact = _flood_fact()
    flags = find_conflicting_figures(claims, [fact])
    assert sorted(f.doc for f in flags) == sorted(f"d{k}" for k in range(40, 54))
    assert all("'four people" not in f.explanation.split("cannot")[1] for f in flags)
    assert [f.text for f in flags][:1] == ["four people were killed in the flood"]
    assert [c for f in flags for c in [f"c{f.doc[1:]}"]] == _reference(claims, [fact])


def test_a_tie_flags_both_values_as_before():
    # A fictional prison riot: one report says two guards were killed, another says five.
    claims = [_claim(0, "two guards were killed", 2, 2, "exact"), _claim(1, "five guards were killed", 5, 5, "exact")]
    fact = Fact(id="f2", claims=("c0", "c1"), status="conflicting", origins=(), summary="", story="s2",
                docs=("d0", "d1"))
    flags = find_conflicting_figures(claims, [fact])
    assert sorted(f.doc for f in flags) == ["d0", "d1"] == sorted(f"d{c[1:]}" for c in _reference(claims, [fact]))
