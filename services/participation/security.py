"""Web security for the participation: CSRF tokens, rate limits, security headers.

* CSRF: every visitor gets a random session id in an HttpOnly, SameSite=Strict cookie; forms carry
  ``HMAC(secret, sid)``. A POST without the matching pair is refused (403). Staff sessions use the same.
* Rate limits: a sliding window per client address and per kiosk, shared by the worker processes
  through a small SQLite file (``ratelimit.db``); its writers queue at a write gate
  (``gate.WriteGate``) instead of SQLite's sleeping busy handler.
* Headers: CSP without inline scripts (``script-src 'self'``), ``frame-ancestors 'none'``,
  ``Referrer-Policy: no-referrer``, ``X-Content-Type-Options: nosniff``, no caching of pages.
"""
from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import sqlite3
import threading
import time
from collections import defaultdict, deque
from pathlib import Path

from sqlalchemy import delete, func, insert, select, text

from .db import Database, ensure_wal, rate_hits
from .gate import WriteGate

SID_COOKIE = "bp_sid"
STAFF_COOKIE = "bp_staff"


def load_secret(data_dir: Path) -> bytes:
    """The installation's secret (created once, mode 0600)."""
    path = data_dir / "secret.key"
    data_dir.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)  # first writer wins; others read its key
        tmp.unlink()
    return path.read_bytes()


def new_sid() -> str:
    return secrets.token_urlsafe(24)


def csrf_token(secret: bytes, sid: str) -> str:
    return hmac.new(secret, b"csrf:" + sid.encode(), hashlib.sha256).hexdigest()


def csrf_ok(secret: bytes, sid: str | None, token: str | None) -> bool:
    if not sid or not token:
        return False
    return hmac.compare_digest(csrf_token(secret, sid), token)


class RateLimiter:
    """Sliding window per key.

    * ``db`` (the participation database on PostgreSQL): shared by every web node and worker that uses
      that database (table ``rate_hits``; a transaction-scoped advisory lock per key serialises the check);
    * ``path``: shared by the worker processes of one host (a small SQLite file of its own, not the
      statements database: losing it on a crash costs nothing, so it runs unsynchronised);
    * neither: in memory, per process.
    """

    def __init__(self, limit: int, window_s: int, path: Path | None = None, db: Database | None = None):
        self.limit, self.window = limit, window_s
        self.path = path
        self.db = db
        self._local = threading.local()
        self._mem: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._gate = WriteGate.for_file(Path(f"{path}.writelock")) if path is not None else None

    def _conn(self, path: Path) -> sqlite3.Connection:
        c = getattr(self._local, "conn", None)
        if c is None:
            c = sqlite3.connect(path, timeout=30, isolation_level=None)
            # the WAL switch does not always wait in SQLite's busy handler (CI: 12 threads opening at once,
            # one got "database is locked"): read the mode first, retry the switch, create under the gate
            ensure_wal(c.cursor())
            c.execute("PRAGMA synchronous=OFF")
            with self._gate.hold() if self._gate else contextlib.nullcontext():
                c.execute("CREATE TABLE IF NOT EXISTS hits (key TEXT NOT NULL, t REAL NOT NULL)")
                c.execute("CREATE INDEX IF NOT EXISTS ix_hits ON hits (key, t)")
            self._local.conn = c
        return c

    def allow(self, key: str) -> bool:
        if self.limit <= 0:
            return True
        now = time.time()
        if self.db is not None:
            return self._allow_db(self.db, key, now)
        if self.path is None:
            with self._lock:
                q = self._mem[key]
                while q and q[0] <= now - self.window:
                    q.popleft()
                if len(q) >= self.limit:
                    return False
                q.append(now)
                return True
        c = self._conn(self.path)
        with self._gate.hold() if self._gate else contextlib.nullcontext():
            c.execute("BEGIN IMMEDIATE")
            try:
                c.execute("DELETE FROM hits WHERE key = ? AND t <= ?", (key, now - self.window))
                n = c.execute("SELECT count(*) FROM hits WHERE key = ?", (key,)).fetchone()[0]
                if n >= self.limit:
                    return False
                c.execute("INSERT INTO hits (key, t) VALUES (?, ?)", (key, now))
                return True
            finally:
                c.execute("COMMIT")

    def _allow_db(self, db: Database, key: str, now: float) -> bool:
        hits = rate_hits
        with db.write() as c:
            if c.dialect.name == "postgresql":
                c.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": "rate:" + key})
            c.execute(delete(hits).where(hits.c.key == key, hits.c.t <= now - self.window))
            n = c.execute(select(func.count()).select_from(hits).where(hits.c.key == key)).scalar_one()
            if n >= self.limit:
                return False
            c.execute(insert(hits).values(key=key, t=now))
            return True


def csp(extra_connect: str = "", *, allow_eval: bool = False, origins: list[str] | None = None) -> str:
    """No inline scripts anywhere. ``allow_eval`` only for the kiosk page, which loads CesiumJS: its
    bundled third-party code evaluates strings (blocked otherwise: 3D would not start). ``origins``: hosts
    of the external base map, allowed as image sources and, on the kiosk (CesiumJS fetches its imagery),
    for fetches."""
    script = "'self' 'wasm-unsafe-eval'" + (" 'unsafe-eval' blob:" if allow_eval else "")
    img = "".join(" " + o for o in origins or [])
    extra_connect += img if allow_eval else ""
    return (f"default-src 'self'; script-src {script}; style-src 'self' 'unsafe-inline'; "
            f"img-src 'self' data: blob:{img}; worker-src 'self' blob:; font-src 'self' data:; "
            f"connect-src 'self' data: blob:{extra_connect}; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")


def security_headers(headers, *, cache: bool = False, allow_eval: bool = False,
                     origins: list[str] | None = None) -> None:
    headers["Content-Security-Policy"] = csp(allow_eval=allow_eval, origins=origins)
    headers["X-Frame-Options"] = "DENY"
    headers["Referrer-Policy"] = "no-referrer"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if not cache:
        headers["Cache-Control"] = "no-store"
