"""A throw-away PostgreSQL 15 (+ PostGIS 3) cluster for tests: ``initdb`` in a temp folder, ``pg_ctl start``
on 127.0.0.1 and a free port, stopped and removed afterwards. Debian's ``postgresql`` and
``postgresql-15-postgis-3`` packages (installed by ``scripts/setup.sh``) provide the binaries.

Use :func:`cluster` as a context manager, or the ``pg_server`` fixture of the test modules that import it.
"""
from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PG_BIN = Path(os.environ.get("GDI_PG_BIN", "/usr/lib/postgresql/15/bin"))
POSTGIS_CONTROL = Path("/usr/share/postgresql/15/extension/postgis.control")
_DB_SEQ = itertools.count(1)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def as_postgres(args: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    """PostgreSQL refuses to run as root: server commands run as the ``postgres`` system user then."""
    cmd = ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args
    return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=120, **kw)  # type: ignore[call-overload]


def missing_binaries(postgis: bool = False) -> list[str]:
    missing = [str(PG_BIN / t) for t in ("initdb", "pg_ctl", "postgres") if not (PG_BIN / t).exists()]
    if postgis and not POSTGIS_CONTROL.exists():
        missing.append(str(POSTGIS_CONTROL))
    return missing


@contextmanager
def cluster(max_connections: int = 60) -> Iterator[str]:
    """Start a cluster; yields ``postgresql://postgres@127.0.0.1:<port>`` (no database name)."""
    missing = missing_binaries()
    if missing:
        raise RuntimeError(f"PostgreSQL server binaries missing ({', '.join(missing)}): apt-get install "
                           "postgresql postgresql-15-postgis-3 (scripts/setup.sh does) or set GDI_PG_BIN")
    import psycopg
    root = Path(tempfile.mkdtemp(prefix="gdi-pg-"))
    data, log = root / "data", root / "server.log"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()
    as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                 "--encoding=UTF8", "--locale=C.UTF-8"])
    as_postgres([str(PG_BIN / "pg_ctl"), "start", "-w", "-t", "60", "-D", str(data), "-l", str(log),
                 "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections={max_connections}"])
    try:
        with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres") as c:
            row = c.execute("SELECT current_setting('server_version_num')::int").fetchone()
            assert row is not None and row[0] >= 150000
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        as_postgres([str(PG_BIN / "pg_ctl"), "stop", "-w", "-m", "fast", "-D", str(data)])
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def postgis_cluster(max_connections: int = 60) -> Iterator[str]:
    """:func:`cluster` for the tests: a missing PostgreSQL or PostGIS fails the test with what to install
    (setup installs both, so a missing one is a broken installation, never a skip)."""
    import pytest
    missing = missing_binaries(postgis=True)
    if missing:
        pytest.fail(f"PostgreSQL/PostGIS missing ({', '.join(missing)}): apt-get install postgresql "
                    "postgresql-15-postgis-3 (scripts/setup.sh does) or set GDI_PG_BIN")
    with cluster(max_connections=max_connections) as server:
        yield server


def new_database(server: str, prefix: str = "gdi", postgis: bool = False) -> str:
    """Create an empty database on ``server`` (with the PostGIS extension if asked); returns its URL."""
    import psycopg
    name = f"{prefix}_{next(_DB_SEQ)}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")
    if postgis:
        with psycopg.connect(f"{server}/{name}", autocommit=True) as c:
            c.execute("CREATE EXTENSION postgis")
    return f"{server}/{name}"
