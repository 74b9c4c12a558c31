"""The bounded memo: least recently used dropped first, take removes, safe across threads."""
from __future__ import annotations

import threading

from newssift.memo import BoundedMemo


def test_business_the_least_recently_used_is_dropped_first():
    memo: BoundedMemo[str] = BoundedMemo(2)
    memo.put("orvale", "q1 results")
    memo.put("kestrel", "q2 results")
    assert memo.get("orvale") == "q1 results"  # now the most recently used
    memo.put("tellan", "q3 results")
    assert list(memo) == ["orvale", "tellan"]
    assert "kestrel" not in memo and len(memo) == 2


def test_court_take_returns_and_removes():
    memo: BoundedMemo[str] = BoundedMemo(4)
    memo.put("case 12", "verdict upheld")
    assert memo.take("case 12") == "verdict upheld"
    assert memo.take("case 12") is None and memo.get("case 12") is None


def test_sports_writers_on_many_threads_never_exceed_the_bound():
    memo: BoundedMemo[int] = BoundedMemo(50)

    def write(k: int) -> None:
        for i in range(500):
            memo.put((k, i), i)
            memo.get((k, i - 1))

    threads = [threading.Thread(target=write, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(memo) == 50
    memo.clear()
    assert len(memo) == 0
