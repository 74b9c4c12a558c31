"""Migration 2: ``failed_docs`` (documents whose analysis failed) and ``runs.owner`` (which process runs it).

Migration 1 creates the tables of ``schema.py`` as they stand, so a store
made by this version already has both; this migration checks before each
change and brings a version-1 store up to the same schema.
"""
from __future__ import annotations

from sqlalchemy import Connection, inspect

from .. import schema

VERSION = 2
NAME = "failures_and_owners"


def upgrade(conn: Connection) -> None:
    """Add ``runs.owner`` and create ``failed_docs`` where they are missing."""
    columns = {c["name"] for c in inspect(conn).get_columns(schema.runs.name)}
    if "owner" not in columns:
        conn.exec_driver_sql("ALTER TABLE runs ADD COLUMN owner TEXT")
    schema.failed_docs.create(conn, checkfirst=True)
