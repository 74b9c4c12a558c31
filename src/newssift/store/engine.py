"""Open a SQLAlchemy engine for a store URL and bring its schema up to date.

``path/to/file.db`` or ``sqlite:///path`` → SQLite with WAL, foreign keys on
and real transactions; ``postgresql://…`` → PostgreSQL through psycopg 3.
Everything above this module is one code path for both.
"""
from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from . import schema
from .migrations import all_migrations

__all__ = [
    "SQLITE_BUSY_TIMEOUT_MS",
    "checkpoint",
    "is_sqlite",
    "make_engine",
    "migrate",
    "schema_version",
    "store_error",
    "utcnow",
    "write_tx",
]

#: How long a SQLite writer waits for another writer's lock before failing (ms).
#: 30 s covers one long analysis commit by a second process (the web app).
SQLITE_BUSY_TIMEOUT_MS = 30_000

_WRITE_OPTION = "newssift_write"

log = logging.getLogger(__name__)


def utcnow() -> str:
    """The current UTC time as ISO 8601 with seconds."""
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def _normalise_url(url: str) -> tuple[str, Path | None]:
    """(SQLAlchemy URL, SQLite file path or None)."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1], None
    if url.startswith("postgresql+"):
        return url, None
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
    elif "://" in url:
        raise StoreError(f"unsupported store URL {url!r}: give a file path, sqlite:///PATH or postgresql://…")
    else:
        path = url
    if path == ":memory:":
        raise StoreError("an in-memory SQLite store is not supported: give a file path")
    p = Path(path).expanduser()
    return f"sqlite:///{p}", p


def is_sqlite(engine: Engine) -> bool:
    """True when the engine talks to SQLite."""
    return engine.dialect.name == "sqlite"


def make_engine(url: str, create: bool = True) -> Engine:
    """An engine for ``url``; a missing SQLite file is created only when ``create``."""
    sa_url, path = _normalise_url(url)
    if path is not None:
        if not path.exists() and not create:
            raise StoreError(f"no store at {path} (add documents first: newssift add INPUT… --db {path})")
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(sa_url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _sqlite_events(engine)
    else:
        engine = create_engine(sa_url, pool_pre_ping=True)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except SQLAlchemyError as exc:
        engine.dispose()
        err = store_error(exc, url)
        if str(err).startswith("store error on"):
            err = StoreError(f"cannot open the store {url}: {exc.__class__.__name__}: {_first_line(exc)}")
        raise err from exc
    return engine


def _first_line(exc: Exception) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else ""


def store_error(exc: SQLAlchemyError, url: str) -> StoreError:
    """A one-line ``StoreError`` for a database error, saying what to do for the usual causes."""
    line = _first_line(exc)
    low = line.lower()
    if "readonly" in low or "read-only" in low or "permission denied" in low:
        return StoreError(f"cannot write to the store {url}: it is read-only; check its (and its folder's) permissions")
    if "locked" in low or "busy" in low:
        secs = SQLITE_BUSY_TIMEOUT_MS // 1000
        return StoreError(f"the store {url} stayed locked by another process for over {secs} s: "
                          "wait for that add or analysis to finish, then retry")
    if "disk" in low and ("full" in low or "i/o" in low):
        return StoreError(f"cannot write to the store {url}: {line} (free some disk space, then retry)")
    return StoreError(f"store error on {url}: {exc.__class__.__name__}: {line}")


def _sqlite_events(engine: Engine) -> None:
    # pysqlite's own transaction handling does not BEGIN before DDL and commits
    # implicitly; SQLAlchemy's documented recipe turns it off and emits BEGIN
    # itself, so every ``engine.begin()`` block is one real SQLite transaction.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        # WAL: readers (the web app) never block the writer, and a killed
        # writer leaves the last committed state intact.
        cur.execute("PRAGMA journal_mode=WAL")
        # NORMAL is durable against a crashed or killed process under WAL;
        # only a power cut can lose the newest commits.
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # A writing transaction (``write_tx``) takes the write lock up front
        # (IMMEDIATE), so two writers queue on busy_timeout instead of one
        # failing half-way with "database is locked"; readers stay DEFERRED
        # and never block anyone under WAL.
        write = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


@contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """A connection inside one writing transaction: committed on success, rolled back on any error."""
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE_OPTION: True})
        with conn.begin():
            yield conn


def schema_version(engine: Engine) -> int:
    """The highest applied migration number (0 for an empty database)."""
    if not inspect(engine).has_table(schema.schema_migrations.name):
        return 0
    with engine.connect() as conn:
        return conn.execute(select(func.max(schema.schema_migrations.c.version))).scalar() or 0


def migrate(engine: Engine) -> list[int]:
    """Apply every migration newer than the database, each in its own transaction; return those applied."""
    applied: list[int] = []
    newest = max((m.VERSION for m in all_migrations()), default=0)
    # The common case (an up-to-date store, e.g. the web app opening it per
    # request) is answered by a read, without taking SQLite's write lock.
    try:
        if schema_version(engine) == newest:
            return applied
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the store's schema version: {_first_line(exc)}") from exc
    try:
        with write_tx(engine) as conn:
            schema.schema_migrations.create(conn, checkfirst=True)
        for mod in all_migrations():
            with write_tx(engine) as conn:
                # Re-read inside the transaction: another process may have migrated meanwhile.
                done = conn.execute(select(func.max(schema.schema_migrations.c.version))).scalar() or 0
                if mod.VERSION <= done:
                    continue
                mod.upgrade(conn)
                conn.execute(
                    schema.schema_migrations.insert().values(version=mod.VERSION, name=mod.NAME, applied_at=utcnow())
                )
                applied.append(mod.VERSION)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate the store: {_first_line(exc)}") from exc
    current = schema_version(engine)
    if current > newest:
        raise StoreError(f"the store has schema version {current}, newer than this newssift knows ({newest}): upgrade newssift")
    return applied


def checkpoint(engine: Engine) -> None:
    """SQLite: move the write-ahead log into the database file and empty it; best effort, never raises.

    Called after an analysis is stored: its one large transaction would
    otherwise leave a log as large as the report beside the database until
    the last connection closes. A reader still holding old pages (the web
    app) only makes it a partial checkpoint.
    """
    if not is_sqlite(engine):
        return
    try:
        raw = engine.raw_connection()
        try:
            # Through the DB-API connection: it runs outside a transaction (autocommit),
            # where SQLite allows a checkpoint.
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
        finally:
            raw.close()
    except Exception as exc:  # noqa: BLE001 - an unfinished checkpoint costs only disk, never the analysis
        log.debug("checkpoint skipped: %s", exc)
