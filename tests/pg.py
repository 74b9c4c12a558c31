"""A throw-away PostgreSQL server for tests and benchmarks.

Finds the Debian PostgreSQL binaries (/usr/lib/postgresql/*/bin; installed by
scripts/setup_test_env.sh), creates a cluster under a fresh temporary
directory, starts it on a free local port with its socket in that directory,
and removes everything on ``stop()``. ``initdb`` refuses to run as root, so
as root the cluster is owned by, and run as, the ``postgres`` system user.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

__all__ = ["PG_USER", "PgServer", "PgUnavailable", "start_temp_server"]

PG_USER = "postgres"
#: Seconds allowed for initdb and for the server to come up on a loaded 2-core machine.
PG_START_TIMEOUT_S = 120


class PgUnavailable(RuntimeError):
    """No PostgreSQL server can be started here; the message says why."""


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_owner(cmd: list[str], owner: str | None) -> list[str]:
    if owner is None:
        return cmd
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", owner, "--", *cmd]
    return ["su", owner, "-s", "/bin/sh", "-c", " ".join(cmd)]


class PgServer:
    """A running throw-away PostgreSQL cluster."""

    def __init__(self, bindir: Path, root: Path, owner: str | None):
        self.bindir, self.root, self.owner = bindir, root, owner
        self.data, self.sock = root / "data", root / "sock"
        self.port = _free_port()

    def _run(self, cmd: list[str]) -> subprocess.CompletedProcess:
        return subprocess.run(_as_owner(cmd, self.owner), capture_output=True, text=True, timeout=PG_START_TIMEOUT_S, check=False)

    def start(self) -> None:
        """initdb and start; raises PgUnavailable with the server's words when either fails."""
        self.sock.mkdir()
        if self.owner:
            pw = pwd.getpwnam(self.owner)
            for p in (self.root, self.sock):
                os.chown(p, pw.pw_uid, pw.pw_gid)
        init = self._run([str(self.bindir / "initdb"), "-D", str(self.data), "-U", PG_USER, "--auth=trust", "-E", "UTF8", "--no-sync"])
        if init.returncode:
            raise PgUnavailable(f"initdb failed: {init.stderr.strip()[-500:]}")
        # fsync off: a throw-away test cluster, durability is not what is tested.
        opts = f"-p {self.port} -k {self.sock} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = self.root / "log"
        start = self._run([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", opts, "-l", str(log), "-w", "start"])
        if start.returncode:
            tail = log.read_text(errors="replace")[-500:] if log.exists() else ""
            raise PgUnavailable(f"pg_ctl start failed: {start.stderr.strip()[-300:]} {tail}")

    def stop(self) -> None:
        """Stop the server and delete its files."""
        try:
            self._run([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        """The newssift store URL of one database on this server."""
        return f"postgresql://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A fresh empty database; returns its URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={PG_USER} dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def start_temp_server() -> PgServer:
    """Start a throw-away server, or raise PgUnavailable saying why it cannot be done here."""
    bindir = _pg_bin()
    if bindir is None:
        raise PgUnavailable("PostgreSQL is not installed (scripts/setup_test_env.sh installs Debian's postgresql)")
    owner = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(PG_USER)
        except KeyError:
            raise PgUnavailable("running as root and there is no 'postgres' user to run initdb as") from None
        owner = PG_USER
    # Directly under the temp dir: pytest's own tmp dirs are private to root,
    # and the postgres user must be able to reach its data directory.
    root = Path(tempfile.mkdtemp(prefix="newssift-pg-"))
    server = PgServer(bindir, root, owner)
    try:
        server.start()
    except (PgUnavailable, subprocess.TimeoutExpired, OSError) as exc:
        shutil.rmtree(root, ignore_errors=True)
        raise PgUnavailable(f"could not start PostgreSQL: {exc}") from exc
    return server
