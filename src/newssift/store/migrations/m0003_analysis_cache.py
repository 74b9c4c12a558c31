"""Migration 3: ``claim_vectors`` and ``part_cache``, what an incremental analysis reuses.

Both tables are caches (``store.incremental``): a store without them, or
with them emptied, gives the same reports, only slower.
"""
from __future__ import annotations

from sqlalchemy import Connection

from .. import schema

VERSION = 3
NAME = "analysis_cache"


def upgrade(conn: Connection) -> None:
    """Create ``claim_vectors`` and ``part_cache`` where they are missing."""
    schema.claim_vectors.create(conn, checkfirst=True)
    schema.part_cache.create(conn, checkfirst=True)
