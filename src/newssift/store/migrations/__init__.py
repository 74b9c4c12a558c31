"""Numbered schema migrations, applied in order by ``newssift.store.migrate``.

Each module ``mNNNN_name.py`` defines ``VERSION`` (its number), ``NAME`` and
``upgrade(conn)``, which runs inside the transaction that also records the
version in ``schema_migrations``: a migration is applied whole or not at all.
Never edit an applied migration; add the next number instead.
"""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

__all__ = ["all_migrations"]


def all_migrations() -> list[ModuleType]:
    """Every migration module of this package, sorted by ``VERSION``."""
    mods = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if info.name.startswith("m") and info.name[1:5].isdigit()
    ]
    versions = [m.VERSION for m in mods]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a number: {sorted(versions)}")
    return sorted(mods, key=lambda m: m.VERSION)
