"""PostgreSQL for backups: ``pg_dump`` in the custom format, ``pg_restore``, and what a restore checks first.

Binaries: ``GDI_PG_BIN`` (a folder), else the newest ``/usr/lib/postgresql/<n>/bin`` (Debian's
``postgresql-client``), else ``PATH``. ``pg_dump`` must be at least the server's major version. A password in
a URL is handed over in ``PGPASSWORD``, never on a command line (other users see those in ``ps``).
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from . import BackupError

LOGGER = logging.getLogger(__name__)
TIMEOUT_S = 6 * 3600


def redact(url: str) -> str:
    u = urlsplit(url)
    if u.password is None:
        return url
    return url.replace(f":{u.password}@", ":***@", 1)


def libpq(url: str) -> tuple[str, dict[str, str]]:
    """``(URL without driver suffix and password, environment with PGPASSWORD)`` for libpq tools; accepts
    SQLAlchemy URLs (``postgresql+psycopg://``)."""
    u = urlsplit(url)
    scheme = u.scheme.split("+", 1)[0]
    if scheme == "postgres":
        scheme = "postgresql"
    env = dict(os.environ)
    netloc = u.netloc
    if u.password is not None:
        env["PGPASSWORD"] = unquote(u.password)
        netloc = netloc.replace(f":{u.password}@", "@", 1)
    return urlunsplit((scheme, netloc, u.path, u.query, "")), env


def tool(name: str) -> str:
    """Path of a PostgreSQL client program."""
    if os.environ.get("GDI_PG_BIN"):
        cands = [Path(os.environ["GDI_PG_BIN"]) / name]
    else:
        versions = sorted((p for p in Path("/usr/lib/postgresql").glob("*/bin") if p.parent.name.isdigit()),
                          key=lambda p: int(p.parent.name), reverse=True)
        cands = [p / name for p in versions]
    for c in cands:
        if c.exists():
            return str(c)
    found = shutil.which(name)
    if found:
        return found
    raise BackupError(f"{name} not found: apt-get install postgresql-client-15 (or set GDI_PG_BIN to the folder "
                      "of the PostgreSQL programs)")


def _run(cmd: list[str], env: dict[str, str], what: str, url: str) -> str:
    LOGGER.info("%s", " ".join(redact(c) for c in cmd))
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BackupError(f"{what} failed: {exc}", file=redact(url)) from None
    if proc.returncode != 0:
        msg = (proc.stderr or proc.stdout).strip()
        raise BackupError(f"{what} failed (exit {proc.returncode}): {redact(msg)[-2000:]}", file=redact(url))
    return proc.stdout


def connect(url: str, **kw: Any) -> Any:
    import psycopg
    plain, env = libpq(url)
    try:
        return psycopg.connect(plain, password=env.get("PGPASSWORD"), connect_timeout=30, **kw)
    except psycopg.Error as exc:
        raise BackupError(f"cannot connect: {redact(str(exc)).strip()}", file=redact(url)) from None


@contextmanager
def snapshot(url: str) -> Iterator[tuple[Any, str]]:
    """An open REPEATABLE READ transaction and its exported snapshot id: ``pg_dump --snapshot`` and the
    caller's own queries see the database at the same moment."""
    import psycopg
    conn = connect(url)
    try:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        row = conn.execute("SELECT pg_export_snapshot()").fetchone()
        yield conn, str(row[0])
    finally:
        conn.rollback()
        conn.close()


def server_info(conn: Any) -> dict[str, str | None]:
    """Server version and, when installed, the PostGIS version."""
    version = conn.execute("SHOW server_version").fetchone()[0]
    postgis = None
    if conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone():
        postgis = conn.execute("SELECT postgis_full_version()").fetchone()[0]
    return {"postgresql": str(version), "postgis": postgis}


def dump(url: str, out: Path, *, snapshot_id: str | None = None, exclude_schemas: Sequence[str] = ()) -> str:
    """``pg_dump -Fc`` of the database into ``out``; returns pg_dump's version line."""
    plain, env = libpq(url)
    exe = tool("pg_dump")
    cmd = [exe, "--format=custom", "--compress=6", f"--file={out}", f"--dbname={plain}"]
    if snapshot_id:
        cmd.append(f"--snapshot={snapshot_id}")
    for s in exclude_schemas:
        cmd.append(f"--exclude-schema={s}")
    _run(cmd, env, "pg_dump", url)
    return _run([exe, "--version"], env, "pg_dump --version", url).strip()


def user_relations(url: str) -> list[str]:
    """Tables, views and sequences of the database that belong to no extension (PostGIS's
    ``spatial_ref_sys`` does): an empty list means the database is empty for a restore."""
    with connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r','p','v','m','S','f') AND n.nspname NOT IN ('pg_catalog','information_schema') "
            "AND n.nspname NOT LIKE 'pg\\_toast%' AND NOT EXISTS (SELECT 1 FROM pg_depend d "
            "WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e') "
            "ORDER BY 1").fetchall()
    return [str(r[0]) for r in rows]


def restore(url: str, dump_file: Path, *, clean: bool = False) -> None:
    """``pg_restore`` into the database in one transaction (all or nothing), without owners and grants of the
    old machine. Comments on extensions are left out: only an extension's owner may set them, and they
    are the extension's own."""
    plain, env = libpq(url)
    exe = tool("pg_restore")
    listing = _run([exe, "--list", str(dump_file)], env, "pg_restore --list", url)
    with connect(url, autocommit=True) as conn:
        installed = {str(r[0]) for r in conn.execute("SELECT extname FROM pg_extension").fetchall()}

    def wanted(line: str) -> bool:
        if " COMMENT " in line and " EXTENSION " in line:
            return False
        # an extension the database has already (created by its administrator) is neither created nor dropped
        return not any(line.rstrip().endswith(f" EXTENSION - {name}") for name in installed)
    keep = [line for line in listing.splitlines() if wanted(line)]
    tmp_list = Path(os.environ.get("TMPDIR", "/tmp")) / f".{dump_file.name}.{os.getpid()}.list"
    tmp_list.write_text("\n".join(keep) + "\n")
    try:
        cmd = [exe, "--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", f"--use-list={tmp_list}",
               f"--dbname={plain}"]
        if clean:
            cmd += ["--clean", "--if-exists"]
        _run([*cmd, str(dump_file)], env, "pg_restore", url)
    finally:
        tmp_list.unlink(missing_ok=True)
