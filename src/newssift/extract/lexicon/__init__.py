"""The vocabulary module: every word list newssift keys on, in one place.

Nothing here is specific to one story: reporting verbs, hedges, institution
and counted nouns, amount, unit and casualty words, page notices and the
lists the cross-document stages share.  The lists live in parts by area so
that each file stays small; import them from here
(``from newssift.extract.lexicon import HEDGE_WORDS``).
"""
from __future__ import annotations

from . import core, counts, crossdoc, events, language, names, pages, speech, units
from .core import *
from .counts import *
from .crossdoc import *
from .events import *
from .language import *
from .names import *
from .pages import *
from .speech import *
from .units import *

# Each theme module's own __all__ (all strings), joined: ruff cannot see through the star.
__all__ = [  # noqa: PLE0604
    *core.__all__, *counts.__all__, *language.__all__, *units.__all__, *pages.__all__, *speech.__all__, *names.__all__,
    *crossdoc.__all__, *events.__all__,
]
