"""Story blocking: a key many reports share stays out however large the run, so pairs grow with the run, not its square."""
from __future__ import annotations

from newssift.align.stories import BLOCK_MAX_DOCS, _candidate_pairs


def _run(n: int, shared: dict[str, range]) -> list[dict[str, float]]:
    """``n`` documents, each with its own heavy term, plus the shared terms on the given documents."""
    vecs = [{f"own{i}": 1.0} for i in range(n)]
    for term, docs in shared.items():
        for i in docs:
            vecs[i][term] = 0.5
    return vecs


def test_a_surname_in_more_reports_than_the_cap_pairs_nobody_even_in_a_large_run():
    # 3,000 reports: a court story's defendant named in 12, a common surname in 80 unrelated ones.
    n = 3000
    vecs = _run(n, {"okafor": range(12), "smith": range(100, 100 + BLOCK_MAX_DOCS + 30)})
    pairs = _candidate_pairs(vecs, [{} for _ in range(n)])
    assert pairs == {(i, j) for i in range(12) for j in range(i + 1, 12)}


def test_names_block_like_terms_and_a_key_at_the_cap_still_pairs():
    n = 2000
    names = _run(n, {"crancombe": range(500, 500 + BLOCK_MAX_DOCS)})
    pairs = _candidate_pairs([{} for _ in range(n)], names)
    assert len(pairs) == BLOCK_MAX_DOCS * (BLOCK_MAX_DOCS - 1) // 2
