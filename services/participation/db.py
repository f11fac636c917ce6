"""Storage: SQLAlchemy 2 Core, SQLite in WAL mode as the embedded default, PostgreSQL through the same code.

Durability: SQLite runs with ``journal_mode=WAL`` and ``synchronous=FULL``, so a committed statement
survives a killed process and a power cut; the receipt is rendered only after the commit returned.
Writers take the lock up front (``BEGIN IMMEDIATE``) so two gunicorn workers never dead-lock on a
lock upgrade. Before that they queue at the write gate (``gate.py``: a thread lock in the process,
``flock`` on ``<database>.writelock`` between processes) rather than in SQLite's busy handler, which
sleeps up to 100 ms between tries; statements are stored by group commit (``write_grouped``: the writers
queued at one moment share a transaction and its fsync). ``busy_timeout`` stays for writers outside the
gate (a ``sqlite3`` shell).

Migrations: a small versioned table ``schema_version``; ``MIGRATIONS[n]`` brings the schema from
version n to n+1 and runs in one transaction (alembic would be the choice once several people write
migrations; this keeps the app free of a migration directory and works on both databases).
Personal data (name, e-mail) lives in its own table ``personal`` so export, public API and retention
handle it in one place.
"""
from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    select,
    text,
)

from .gate import GroupCommit, WriteGate

LOGGER = logging.getLogger(__name__)
META = MetaData()
_R = TypeVar("_R")

schema_version = Table("schema_version", META, Column("version", Integer, nullable=False))
procedures = Table(
    "procedures", META,
    Column("id", String(64), primary_key=True),
    Column("plan_id", String(64)),
    Column("title", Text, nullable=False),
    Column("announcement", Text, nullable=False, default=""),
    Column("documents", Text, nullable=False, default="[]"),   # JSON [{title, url}]
    Column("created_at", String(40), nullable=False),
)
periods = Table(
    "periods", META,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("procedure_id", String(64), ForeignKey("procedures.id"), nullable=False, index=True),
    Column("kind", String(8), nullable=False),                 # "3_1" early, "3_2" formal (§ 3 BauGB)
    Column("starts_on", String(10), nullable=False),           # local dates, Europe/Berlin, inclusive
    Column("ends_on", String(10), nullable=False),
)
statements = Table(
    "statements", META,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("number", String(40), unique=True, nullable=False),
    Column("procedure_id", String(64), ForeignKey("procedures.id"), nullable=False, index=True),
    Column("period_id", Integer, ForeignKey("periods.id")),
    Column("period_kind", String(8)),
    Column("late", Boolean, nullable=False, default=False),
    Column("channel", String(10), nullable=False),             # web | kiosk
    Column("kiosk_id", String(64)),
    Column("text", Text, nullable=False),
    Column("geometry", Text),                                  # GeoJSON geometry, EPSG:4326
    Column("location_kind", String(12)),                       # point | line | area | 3d
    Column("received_at", String(40), nullable=False),         # UTC ISO 8601
    Column("content_hash", String(64), nullable=False),
    Column("consent_version", String(20), nullable=False),
    Column("moderation", String(12), nullable=False, default="pending", index=True),
    Column("moderated_by", String(64)),
    Column("moderated_at", String(40)),
    Column("planner_note", Text, nullable=False, default=""),
)
personal = Table(
    "personal", META,
    Column("statement_id", Integer, ForeignKey("statements.id"), primary_key=True),
    Column("name", Text),
    Column("email", Text),
)
attachments = Table(
    "attachments", META,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("statement_id", Integer, ForeignKey("statements.id"), nullable=False, index=True),
    Column("filename", Text, nullable=False),
    Column("media_type", String(64), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
)
staff = Table(
    "staff", META,
    Column("username", String(64), primary_key=True),
    Column("role", String(16), nullable=False),                # moderator | planner
    Column("password_hash", Text, nullable=False),             # argon2id
    Column("created_at", String(40), nullable=False),
)
sessions = Table(
    "sessions", META,
    Column("token_hash", String(64), primary_key=True),
    Column("username", String(64), ForeignKey("staff.username"), nullable=False),
    Column("expires_at", String(40), nullable=False),
)
audit = Table(
    "audit", META,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("action", String(40), nullable=False),
    Column("statement_number", String(40)),
    Column("detail", Text, nullable=False, default=""),
)


rate_hits = Table(
    "rate_hits", META,
    Column("key", String(200), nullable=False),
    Column("t", Float, nullable=False),
    Index("ix_rate_hits", "key", "t"),
)


kiosks = Table(
    "kiosks", META,
    Column("id", String(40), primary_key=True),                # the name staff gave the device, e.g. rathaus-1
    Column("token_hash", String(64), unique=True),             # SHA-256 of the device credential (cookie)
    Column("enroll_hash", String(64), unique=True),            # SHA-256 of the one-time enrolment code
    Column("enroll_expires", String(40)),
    Column("created_by", String(64), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("enrolled_at", String(40)),
    Column("revoked_at", String(40)),
)
login_failures = Table(
    "login_failures", META,
    Column("key", String(200), primary_key=True),              # user:<name> | addr:<ip> | pair:<name>@<ip> | dev:<id>
    Column("failures", Integer, nullable=False),
    Column("last_at", Float, nullable=False),                  # epoch seconds
    Column("locked_until", Float, nullable=False),
)


def _v1(conn: Connection) -> None:
    META.create_all(conn, tables=[procedures, periods, statements, personal, attachments, staff, sessions, audit])


def _v2(conn: Connection) -> None:
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_statements_received ON statements (received_at)"))


def _v3(conn: Connection) -> None:
    """Rate-limit hits in the database: web nodes sharing a PostgreSQL database share the limits."""
    rate_hits.create(conn, checkfirst=True)


def _v4(conn: Connection) -> None:
    """Kiosk devices enrolled by staff (server-side credential) and staff login throttling with backoff."""
    kiosks.create(conn, checkfirst=True)
    login_failures.create(conn, checkfirst=True)


assignments = Table(
    "assignments", META,
    Column("statement_id", Integer, ForeignKey("statements.id"), primary_key=True),
    Column("assignee", String(64), nullable=False),            # a staff account (username), role planner
    Column("assigned_by", String(64), nullable=False),
    Column("assigned_at", String(40), nullable=False),         # UTC ISO 8601
    Index("ix_assignments_assignee", "assignee"),
)


def _v5(conn: Connection) -> None:
    """Statements assigned to a planner: a table of its own (no ALTER of ``statements``), so the migration
    is the same plain CREATE TABLE on SQLite and PostgreSQL; no row means not assigned."""
    assignments.create(conn, checkfirst=True)


MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2, _v3, _v4, _v5]
SCHEMA_VERSION = len(MIGRATIONS)
_PG_MIGRATION_LOCK = 0x6764_6962_6574  # arbitrary advisory lock key ("gdibet")


class Database:
    def __init__(self, url: str):
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        kw = ({"connect_args": {"timeout": 60, "check_same_thread": False}} if self.is_sqlite
              else {"pool_pre_ping": True})
        self.engine: Engine = create_engine(url, **kw)
        self._gate: WriteGate | None = None
        self._group: GroupCommit | None = None
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
            file = url.split("///", 1)[1].split("?", 1)[0] if "///" in url else ""
            in_memory = not file or file == ":memory:" or file.startswith("file::memory:")
            self._gate = WriteGate(None) if in_memory else WriteGate.for_file(Path(file + ".writelock"))
            self._group = GroupCommit(self)
        self._migrated = False
        self._lock = threading.Lock()

    def migrate(self) -> int:
        """Bring the schema to SCHEMA_VERSION; returns the version found before."""
        with self._lock, self.write() as conn:
            if conn.dialect.name == "postgresql":  # serialise migrations of several processes (workers)
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            schema_version.create(conn, checkfirst=True)
            row = conn.execute(select(schema_version.c.version)).first()
            found = row[0] if row else 0
            for n in range(found, SCHEMA_VERSION):
                LOGGER.info("participation schema: migrating %d -> %d", n, n + 1)
                MIGRATIONS[n](conn)
            if row is None:
                conn.execute(schema_version.insert().values(version=SCHEMA_VERSION))
            elif found != SCHEMA_VERSION:
                conn.execute(schema_version.update().values(version=SCHEMA_VERSION))
            self._migrated = True
            return found

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction, committed (durably) when the block ends without an exception. On SQLite
        the writer first queues at the write gate; keep the work inside the block short (checks, hashing,
        rendering belong before it): every other writer waits for it."""
        with self.engine.connect() as conn:  # the pool checkout before the gate: less time in the queue
            conn.info["immediate"] = True
            try:
                with self._gate.hold() if self._gate else contextlib.nullcontext(), conn.begin():
                    yield conn
            finally:
                conn.info.pop("immediate", None)

    def write_grouped(self, work: Callable[[Connection], _R]) -> _R:
        """``work(conn)`` in a write transaction, committed (durably) before this returns; on SQLite the
        transaction is shared with the writers queued at that moment (group commit, :class:`GroupCommit`).
        ``work`` must only write (checks and other CPU work belong before): it runs in another thread's
        transaction when that thread commits for the group."""
        if self._group is None:
            with self.write() as conn:
                return work(conn)
        return self._group.run(work)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn


def _sqlite_connect(dbapi_conn, _rec) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event issues BEGIN itself
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=60000")
    ensure_wal(cur)
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def ensure_wal(cur, wait: float = 60.0) -> None:
    """Switch the database file to WAL unless it is already (WAL is a property of the file, so this happens
    once per database). The switch needs the file alone, and SQLite does not always call the busy handler
    for it: two gunicorn workers booting at once, or a scrape beside a writer, got "database is locked"
    at once (the worker exited and the master gave up). So the mode is read first and the switch retried."""
    import sqlite3
    import time
    deadline = time.monotonic() + wait
    while True:
        if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
            return
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("immediate") else "BEGIN")


_DBS: dict[str, Database] = {}
_DBS_LOCK = threading.Lock()


def get_db(url: str) -> Database:
    """One Database (engine + pool) per URL and process, migrated on first use."""
    with _DBS_LOCK:
        db = _DBS.get(url)
        if db is None:
            if url.startswith("sqlite:///"):
                from pathlib import Path
                Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
            db = _DBS[url] = Database(url)
    if not db._migrated:
        db.migrate()
    return db
