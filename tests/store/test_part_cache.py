"""``PartCache`` reuses a story part only while everything the part reads is unchanged (no NLP models needed)."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from newssift.models import Claim, Document, Entity, Fact, Mention, Story
from newssift.store import Store
from newssift.store.incremental import PartCache

HEALTH = "Hospital spokeswoman Mira Kohl said 12 patients were moved to the new wing on Monday."
ELECTION = "Turnout in the Ostend by-election reached 41 percent, the electoral board said."


def facts_task(shared, parts):
    """Stands in for engines.split.facts_task (the cache knows tasks by name): one fact per claim, counted."""
    facts_task.calls += 1
    return [Fact(f"f{c.id}", (c.id,), "single_origin", (c.speaker or "src:",), story=None)
            for _, claims, _ in parts for c in claims]


facts_task.calls = 0


@pytest.fixture
def world():
    docs = [Document("h1", HEALTH), Document("v1", ELECTION)]
    person = Entity("e5", "Mira Kohl", "PERSON", titles=("spokeswoman for St Anne's Hospital",),
                    mentions=(Mention("h1", 22, 31, "Mira Kohl", "PERSON", "e5"),))
    hospital = Entity("e2", "St Anne's Hospital", "ORG")
    board = Entity("e7", "electoral board", "ORG", mentions=(Mention("v1", 56, 71, "electoral board", "ORG", "e7"),))
    claims = [Claim("h1#c0", "h1", 0, len(HEALTH), HEALTH, "indirect", speaker="e5", speaker_text="Mira Kohl"),
              Claim("v1#c0", "v1", 0, len(ELECTION), ELECTION, "indirect", speaker="e7", speaker_text="the electoral board")]
    stories = (Story("s1", ("h1",), "Hospital"), Story("s2", ("v1",), "By-election"))
    return docs, claims, [person, hospital, board], stories


def _items(docs, claims):
    vec = {c.text: np.full(4, i + 1, dtype=np.float32) for i, c in enumerate(claims)}
    return [[([d], [c], {c.text: vec[c.text]})] for d, c in zip(docs, claims, strict=True)]


def _run(store, run, entities, stories, docs, claims):
    cache = PartCache(store.engine, run)
    facts_task.calls = 0
    out = cache(facts_task, (entities, stories, "config"), _items(docs, claims))
    return out, cache.stats, facts_task.calls


def test_unchanged_parts_are_reused_and_give_the_same_output(tmp_path, world):
    docs, claims, entities, stories = world
    with Store.open(str(tmp_path / "c.db")) as store:
        first, stats, calls = _run(store, 1, entities, stories, docs, claims)
        assert (stats.parts_computed, stats.parts_reused, calls) == (2, 0, 2)
        again, stats, calls = _run(store, 2, entities, stories, docs, claims)
        assert (stats.parts_computed, stats.parts_reused, calls) == (0, 2, 0)
        assert again == first and isinstance(again[0], list) and isinstance(again[0][0], Fact)
        # An entity that only another story mentions changes nothing these parts read.
        stranger = Entity("e9", "Harbour Trust", "ORG", mentions=(Mention("x1", 0, 13, "Harbour Trust", "ORG", "e9"),))
        _, stats, _ = _run(store, 3, [*entities, stranger], stories, docs, claims)
        assert (stats.parts_computed, stats.parts_reused) == (0, 2)


def test_a_changed_origin_group_recomputes_only_that_part(tmp_path, world):
    """Without the hospital entity the spokeswoman is her own origin: the health part reads a different answer."""
    docs, claims, entities, stories = world
    with Store.open(str(tmp_path / "c.db")) as store:
        _run(store, 1, entities, stories, docs, claims)
        _, stats, _ = _run(store, 2, [e for e in entities if e.id != "e2"], stories, docs, claims)
        assert (stats.parts_computed, stats.parts_reused) == (1, 1)


@pytest.mark.parametrize("change", ["text", "story", "vector"])
def test_a_changed_input_recomputes_only_that_part(tmp_path, world, change):
    docs, claims, entities, stories = world
    with Store.open(str(tmp_path / "c.db")) as store:
        _run(store, 1, entities, stories, docs, claims)
        if change == "text":
            docs = [replace(docs[0], title="Patients moved"), docs[1]]
            items_docs, items_claims = docs, claims
        elif change == "story":
            stories = (replace(stories[0], docs=("h1", "h2")), stories[1])
            items_docs, items_claims = docs, claims
        else:
            items_docs, items_claims = docs, [replace(claims[0], text=claims[0].text + " "), claims[1]]
        _, stats, _ = _run(store, 2, entities, stories, items_docs, items_claims)
        assert (stats.parts_computed, stats.parts_reused) == (1, 1)


def test_parts_no_analysis_used_are_pruned(tmp_path, world):
    docs, claims, entities, stories = world
    with Store.open(str(tmp_path / "c.db")) as store:
        _run(store, 1, entities, stories, docs, claims)
        cache = PartCache(store.engine, 2)
        cache(facts_task, (entities, stories, "config"), _items(docs[:1], claims[:1]))
        with store.engine.begin() as conn:
            cache.keep_only_used(conn)
        _, stats, _ = _run(store, 3, entities, stories, docs, claims)
        assert (stats.parts_computed, stats.parts_reused) == (1, 1)
