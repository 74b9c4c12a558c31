"""Line shapes: the evidence the plain-text cleaner reasons with."""
from __future__ import annotations

import pytest

from newssift.ingest.lines import line_shapes, shape_of


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("The council said on Monday that the bridge would reopen in the spring.", "prose"),
        ("He declined to comment.", "short_prose"),
        ('"We are ready," she said.', "short_prose"),
        ("Residents were asked to:", "short_prose"),
        ("See also:", "heading"),
        ("The mayor told reporters at the scene on Sunday:", "short_prose"),
        ("  • Council Approves New Cycle Lanes", "list_item"),
        ("• Two engines attended the scene.", "short_prose"),
        ("3", "list_item"),
        ("Comments 14", "counter"),
        ("1.2K", "counter"),
        ("12 min read", "counter"),
        ("BUSINESS", "label"),
        ("[LIVE] Latest updates", "label"),
        ("editor@example.org", "contact"),
        ("https://example.org/news/story", "contact"),
        ("Home  News  Sport  Weather  Opinion", "menu"),
        ("Home | News | Sport | Culture", "menu"),
        ("Published 14/02/2023 10:15", "dateline"),
        ("Harbour Wall Repairs Delayed Until Autumn", "heading"),
        ("Go to main page (top) Go to main contents Go to main page (bottom) Go to search box now", "heading"),
        ("Die Stadt hat am Montag angekündigt, dass die Brücke im Frühjahr saniert wird.", "prose"),
    ],
)
def test_kinds(line, kind):
    assert shape_of(line).kind == kind


def test_hard_wrapped_paragraph_shares_one_shape():
    lines = [
        "The regional council agreed on Thursday to fund a new ferry for the",
        "island route, after two years in which the old vessel broke down more",
        "than forty times, the council's transport chief said.",
        "",
        "Harbour Wall Repairs Delayed",
    ]
    shapes = line_shapes(lines)
    assert [s.kind if s else None for s in shapes] == ["prose", "prose", "prose", None, "heading"]
    assert [s.text for s in shapes[:3]] == lines[:3]  # each keeps its own text
