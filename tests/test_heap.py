"""The cross-document run keeps the collector off its long-lived data and hands everything back after."""
from __future__ import annotations

import gc
import weakref

import pytest

from newssift.heap import freeze_now, frozen_heap


@pytest.fixture(autouse=True)
def _unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


class _Box:
    """A cyclic structure (a box that holds itself), so only the cyclic collector can free it."""

    def __init__(self):
        self.me = self


def test_what_is_alive_is_frozen_during_the_block_and_handed_back_after():
    with frozen_heap():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_garbage_made_inside_the_block_is_still_collected():
    with frozen_heap():
        box = _Box()
        alive = weakref.ref(box)
        del box
        gc.collect()
        assert alive() is None


def test_freeze_now_does_nothing_outside_a_block():
    freeze_now()
    assert gc.get_freeze_count() == 0
    with frozen_heap():
        before = gc.get_freeze_count()
        results = [_Box() for _ in range(50)]  # a stage's results
        freeze_now()
        assert gc.get_freeze_count() >= before + 50
        del results
    assert gc.get_freeze_count() == 0


def test_a_heap_frozen_by_the_host_stays_frozen():
    gc.freeze()
    host = gc.get_freeze_count()
    with frozen_heap():
        pass
    assert gc.get_freeze_count() >= host > 0


def test_the_heap_is_handed_back_when_the_run_fails():
    with pytest.raises(RuntimeError), frozen_heap():
        raise RuntimeError("scoreboard offline")
    assert gc.get_freeze_count() == 0
