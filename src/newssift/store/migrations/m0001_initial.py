"""Migration 1: the first schema — documents, extractions, runs and their results.

It creates the tables of ``newssift.store.schema`` as they stand at version 1.
A later migration that alters a table must carry its own DDL (``ALTER TABLE``
through SQLAlchemy Core) and update ``schema.py`` to match; at that point the
version-1 definitions of the altered tables move into this module so that a
fresh store replays history exactly.
"""
from __future__ import annotations

from sqlalchemy import Connection

from .. import schema

VERSION = 1
NAME = "initial"


def upgrade(conn: Connection) -> None:
    """Create every table and index of the version-1 schema."""
    tables = [t for t in schema.metadata.sorted_tables if t.name != "schema_migrations"]
    schema.metadata.create_all(conn, tables=tables)
