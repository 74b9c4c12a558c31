"""The metrics of the ``newssift-gold/1`` format (see the gold README), computed from a report dict.

Every function here is pure: gold (parsed YAML), report (schema-1 JSON dict)
and the corpus folder in, numbers out. A metric whose denominator is empty is
``None`` (nothing to measure), except ``facts.pair_f1``, which is 0 when no
pair of matched gold claims exists (that is how the format defines it).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

__all__ = ["CLAIM_MAX_CHARS", "CLAIM_SLACK_CHARS", "CONTAINED_MIN_CHARS", "FURNITURE_MIN_CHARS", "METRICS", "fold", "score"]

#: Every metric, in the order they are printed.
METRICS = (
    "layout.body_recall",
    "layout.furniture_removed",
    "layout.embeds_separated",
    "entities.names_found",
    "entities.pair_recall",
    "entities.pair_precision",
    "claims.recall",
    "claims.speaker_accuracy",
    "claims.quantity_accuracy",
    "claims.system_count",
    "facts.pair_f1",
    "facts.status_accuracy",
    "flags.recall",
    "flags.precision",
    "flags.system_count",
)

# The format's thresholds (gold README / reference scorer), not tuning knobs:
#: a system claim may be at most this long, or the gold quote plus CLAIM_SLACK_CHARS
#: if that is longer, to match: a whole paragraph matches nothing.
CLAIM_MAX_CHARS = 450
CLAIM_SLACK_CHARS = 120
#: a system claim shorter than this cannot match by lying inside a gold quote.
CONTAINED_MIN_CHARS = 20
#: furniture lines shorter than this ("|", "•", "AD") are not counted.
FURNITURE_MIN_CHARS = 4

_QUOTE_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Compare form of a text: NFKC, curly quotes made straight, white space collapsed, lower case."""
    folded = unicodedata.normalize("NFKC", text or "").translate(_QUOTE_FOLD)
    return _SPACES.sub(" ", folded).strip().lower()


def _share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _line_numbers(spec: Iterable[Any] | None) -> set[int]:
    """1-based line numbers from a list of single numbers and [first, last] ranges."""
    out: set[int] = set()
    for item in spec or ():
        if isinstance(item, int):
            out.add(item)
        else:
            first, last = item
            out.update(range(first, last + 1))
    return out


# ----------------------------------------------------------------- layout
def _layout(gold: Mapping, docs: Mapping[str, Mapping], corpus: Path) -> dict[str, float | None]:
    body_hits = body_total = leaks = furniture_total = embed_hits = embed_total = 0
    for doc_id, spec in (gold.get("layout") or {}).items():
        source = next(iter(sorted(corpus.glob(f"{doc_id}.*"))), None)
        lines = source.read_text(encoding="utf-8").splitlines() if source else []
        body, embeds, title = _line_numbers(spec.get("body")), _line_numbers(spec.get("embeds")), spec.get("title")
        text = fold(docs[doc_id].get("text")) if doc_id in docs else ""
        for number, raw in enumerate(lines, start=1):
            line = fold(raw)
            if not line:
                continue
            present = line in text
            if number in body:
                body_total += 1
                body_hits += present
            elif number in embeds:
                embed_total += 1
                embed_hits += not present
            elif number != title and len(line) >= FURNITURE_MIN_CHARS:
                furniture_total += 1
                leaks += present
    removed = None if not furniture_total else 1 - leaks / furniture_total
    return {
        "layout.body_recall": _share(body_hits, body_total),
        "layout.furniture_removed": removed,
        "layout.embeds_separated": _share(embed_hits, embed_total),
    }


# ----------------------------------------------------------------- entities
def _entities(gold: Mapping, entities: Sequence[Mapping]) -> dict[str, float | None]:
    owners: dict[str, set[str]] = {}  # folded surface form -> system entity ids
    for e in entities:
        forms = [e.get("name", ""), *e.get("aliases", ()), *(m.get("text", "") for m in e.get("mentions", ()))]
        for form in forms:
            owners.setdefault(fold(form), set()).add(e["id"])
    gold_entities = gold.get("entities") or {}
    found = [(key, fold(n)) for key, ge in gold_entities.items() for n in ge["names"] if fold(n) in owners]
    together = together_total = apart = apart_total = 0
    for (key_a, name_a), (key_b, name_b) in combinations(found, 2):
        if name_a == name_b:
            continue
        shared = bool(owners[name_a] & owners[name_b])
        if key_a == key_b:
            together_total += 1
            together += shared
        else:
            apart_total += 1
            apart += not shared
    return {
        "entities.names_found": _share(len(found), sum(len(ge["names"]) for ge in gold_entities.values())),
        "entities.pair_recall": _share(together, together_total),
        "entities.pair_precision": _share(apart, apart_total),
    }


# ----------------------------------------------------------------- claims
class _Speakers:
    """Which names a system claim's speaker goes by, and whether they name a gold source."""

    def __init__(self, gold: Mapping, entities: Sequence[Mapping]):
        self.entity_names = {e["id"]: {fold(e.get("name", "")), *(fold(a) for a in e.get("aliases", ()))} for e in entities}
        self.gold_names: dict[str, set[str]] = {k: {fold(n) for n in ge["names"]} for k, ge in (gold.get("entities") or {}).items()}
        for key, names in (gold.get("source_names") or {}).items():
            self.gold_names.setdefault(key, set()).update(fold(n) for n in names)

    def names(self, claim: Mapping) -> set[str]:
        out = set(self.entity_names.get(claim["speaker"], ())) if claim.get("speaker") else set()
        if claim.get("speaker_text"):
            out.add(fold(claim["speaker_text"]))
        return out

    def matches(self, claim: Mapping, source: Any) -> bool:
        if source is None:  # the outlet's own assertion: the claim must name no speaker
            return not claim.get("speaker") and not claim.get("speaker_text")
        names = self.names(claim)
        for key in source if isinstance(source, list) else [source]:
            wanted = self.gold_names.get(key, {fold(key)})
            for name in names:
                if name in wanted:
                    return True
                # "spokesman Ryder" ~ "Ryder", "Ryder" ~ "Pat Ryder": one name ends with the other as a word.
                if name and any(name.endswith(" " + w) or w.endswith(" " + name) for w in wanted):
                    return True
        return False


def _quantity_ok(want: Mapping, got: Mapping) -> bool:
    if "text" in want and "low" not in want:  # a vague amount ("several dozen"): its words and qualifier
        return fold(want["text"]) in fold(got.get("text", "")) and got.get("qualifier") == want.get("qualifier")
    return all(got.get(k) == want.get(k) for k in ("low", "high", "qualifier", "measure"))


def _claims(gold: Mapping, claims: Sequence[Mapping], speakers: _Speakers) -> tuple[dict[str, Any], dict[str, str]]:
    by_doc: dict[str, list[tuple[str, Mapping]]] = {}
    for c in claims:
        by_doc.setdefault(c["doc"], []).append((fold(c.get("text")), c))
    gold_claims = gold.get("claims") or []
    matched: dict[str, str] = {}
    found = right_speaker = q_total = q_right = 0
    for gc in gold_claims:
        quote = fold(gc["quote"])
        limit = max(CLAIM_MAX_CHARS, len(quote) + CLAIM_SLACK_CHARS)
        candidates = [
            c for text, c in by_doc.get(gc["doc"], ())
            if len(text) <= limit and (quote in text or (len(text) > CONTAINED_MIN_CHARS and text in quote))
        ]
        wanted_quantities = gc.get("quantities") or []
        q_total += len(wanted_quantities)
        if not candidates:
            continue
        found += 1
        source = gc.get("source")
        best = next((c for c in candidates if speakers.matches(c, source)), candidates[0])
        matched[gc["id"]] = best["id"]
        right_speaker += speakers.matches(best, source)
        q_right += sum(any(_quantity_ok(w, g) for g in best.get("quantities", ())) for w in wanted_quantities)
    metrics = {
        "claims.recall": _share(found, len(gold_claims)),
        "claims.speaker_accuracy": _share(right_speaker, len(gold_claims)),
        "claims.quantity_accuracy": _share(q_right, q_total),
        "claims.system_count": len(claims),
    }
    return metrics, matched


# ----------------------------------------------------------------- facts
def _facts(gold: Mapping, facts: Sequence[Mapping], matched: Mapping[str, str]) -> dict[str, float | None]:
    fact_of: dict[str, str] = {}
    status_of: dict[str, Any] = {}
    for f in facts:
        status_of[f["id"]] = f.get("status")
        for cid in f.get("claims", ()):
            fact_of[cid] = f["id"]
    gold_facts = gold.get("facts") or []
    gold_fact_of = {cid: gf["id"] for gf in gold_facts for cid in gf["claims"]}
    members = [cid for cid in gold_fact_of if cid in matched]
    tp = fp = fn = 0
    for a, b in combinations(members, 2):
        same_gold = gold_fact_of[a] == gold_fact_of[b]
        sys_a = fact_of.get(matched[a])
        same_system = sys_a is not None and sys_a == fact_of.get(matched[b])
        if same_gold and same_system:
            tp += 1
        elif same_system:
            fp += 1
        elif same_gold:
            fn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    right = 0
    for gf in gold_facts:
        votes = Counter(fact_of[matched[c]] for c in gf["claims"] if c in matched and matched[c] in fact_of)
        if votes:
            # The system fact most of its claims landed in; a tie goes to the one met first.
            main_fact = votes.most_common(1)[0][0]
            right += status_of.get(main_fact) == gf.get("status")
    return {"facts.pair_f1": f1, "facts.status_accuracy": _share(right, len(gold_facts))}


# ----------------------------------------------------------------- flags
def _flags(gold: Mapping, flags: Sequence[Mapping]) -> dict[str, Any]:
    gold_flags = gold.get("flags") or []
    used: set[int] = set()  # system flags that matched a gold flag; each gold flag takes at most one
    for gf in gold_flags:
        quote = fold(gf["quote"])
        for i, f in enumerate(flags):
            text = fold(f.get("text", ""))
            if i in used or not text or f.get("kind") != gf["kind"] or f.get("doc") != gf["doc"]:
                continue
            if quote in text or text in quote:
                used.add(i)
                break
    # A duplicate, a mirrored copy or a flag no editor would raise counts against precision.
    return {
        "flags.recall": _share(len(used), len(gold_flags)),
        "flags.precision": _share(len(used), len(flags)),
        "flags.system_count": len(flags),
    }


# ----------------------------------------------------------------- all
def score(gold: Mapping, report: Mapping, corpus: Path) -> dict[str, Any]:
    """Every metric of ``METRICS`` for ``report`` (a schema-1 dict) against ``gold``; corpus holds the input files."""
    docs = {d["id"]: d for d in report.get("documents", ())}
    entities = report.get("entities", ())
    claims_metrics, matched = _claims(gold, report.get("claims", ()), _Speakers(gold, entities))
    out = {
        **_layout(gold, docs, Path(corpus)),
        **_entities(gold, entities),
        **claims_metrics,
        **_facts(gold, report.get("facts", ()), matched),
        **_flags(gold, report.get("flags", ())),
    }
    return {name: out[name] for name in METRICS}
