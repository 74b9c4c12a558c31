"""Editorial flags: what a careful editor would point out across the reports of a story.

One module per flag family; each is a pure function over the frozen models
(editorial insertions also read a spaCy parse of the texts):

    editorial_insertion  editorial.py   unattributed appeal/verdict found in one report only
    spelling_variant     spelling.py    a name spelled differently (from Entity.variants)
    quote_variant        quotes.py      the same quote worded differently (word diff)
    social_embed         embeds.py      a quoted social-media post (Document.embeds)
    headline_mismatch    headline.py    a headline placing the story where the body does not
    conflicting_figure   figures.py     incompatible values inside one aligned fact
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..models import Claim, Document, Entity, Fact, Figure, Flag, Story
from .editorial import find_editorial_insertions
from .embeds import find_social_embeds
from .figures import find_conflicting_figures
from .headline import find_headline_mismatches
from .quotes import find_quote_variants
from .spelling import find_spelling_variants

__all__ = ["FLAG_KINDS", "find_flags", "order_flags", "whole_run_flags"]

FLAG_KINDS = (
    "editorial_insertion", "spelling_variant", "quote_variant", "social_embed", "headline_mismatch",
    "conflicting_figure",
)


def find_flags(
    documents: Sequence[Document], claims: Sequence[Claim], entities: Sequence[Entity],
    facts: Sequence[Fact], figures: Sequence[Figure], stories: Sequence[Story],
) -> list[Flag]:
    """Every flag, ordered by document (as given), then position, then kind.

    ``figures`` is accepted for the contract; value conflicts are read from
    the facts, which already hold claims of one proposition together.
    """
    if not documents:
        return []
    local = find_editorial_insertions(documents, claims, stories) + find_conflicting_figures(claims, facts)
    return order_flags(local + whole_run_flags(documents, entities, stories), documents)


def whole_run_flags(documents: Sequence[Document], entities: Sequence[Entity], stories: Sequence[Story]) -> list[Flag]:
    """The flag families that read every report of the run at once (spelling, quotes, embeds, headlines).

    The other two families (editorial insertions, conflicting figures) read
    one story at a time, so a batch engine may run them per story.
    """
    return (
        find_spelling_variants(entities, [d.id for d in documents])
        + find_quote_variants(documents, stories)
        + find_social_embeds(documents)
        + find_headline_mismatches(documents, entities)
    )


def order_flags(flags: Sequence[Flag], documents: Sequence[Document]) -> list[Flag]:
    """Flags with each related span once, ordered by document (as given), then position, then kind."""
    unique = [_unique_related(f) for f in flags]
    order = {d.id: i for i, d in enumerate(documents)}
    kinds = {k: i for i, k in enumerate(FLAG_KINDS)}
    # Ties (one document, start and kind) only arise inside one family and one
    # story, whose own order the stable sort keeps.
    return sorted(
        unique,
        key=lambda f: (order.get(f.doc, len(order)), -1 if f.start is None else f.start, kinds.get(f.kind, 99)),
    )


def _unique_related(flag: Flag) -> Flag:
    """The flag with each related span listed once (two lead places can point at one word)."""
    seen = dict.fromkeys(flag.related)
    return flag if len(seen) == len(flag.related) else replace(flag, related=tuple(seen))
