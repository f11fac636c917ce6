"""Identities the server knows: kiosk devices enrolled by staff, and staff login throttling.

**Kiosks.** Staff create a device in the staff area (``/staff/kiosks``) and get a one-time enrolment
link (valid 24 h). Opened on the touchscreen it exchanges the code for a device credential: a random
token in an HttpOnly cookie whose SHA-256 alone is stored. The kiosk page and its submissions need that
credential; the statement's ``kiosk_id`` and the kiosk rate limit are the enrolled device's id — a
client cannot name a kiosk. Staff revoke a device with one click.

**Login throttling** (after OWASP's "device cookies"): failures are counted per account *and* address
pair, per account and per address, each with its own number of free attempts followed by an exponential
backoff (30 s, doubling, at most 15 min; forgotten after an hour without failures). A browser in which
the account logged in successfully before carries a signed device cookie; its attempts for that account
count only against that cookie, so a stranger guessing passwords behind the same NAT (one town hall, one
address) or against the same account does not lock a member of staff out of their own computer.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, insert, select, text, update

from services.errors import NotFoundError, RequestError

from . import db as T
from .core import Participation, iso, now_utc

KIOSK_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{1,39}$")
ENROLL_HOURS = 24


def _sha(s: str) -> str:
    return hashlib.sha256(s.encode()).hexdigest()


# ----------------------------------------------------------------------------------------- kiosks
def create_kiosk(part: Participation, kiosk_id: str, actor: str, hours: int = ENROLL_HOURS) -> str:
    """Create (or re-enrol) a kiosk device; returns the one-time enrolment code. Re-enrolling a device
    invalidates its old credential."""
    kiosk_id = (kiosk_id or "").strip().lower()
    if not KIOSK_ID.match(kiosk_id):
        raise RequestError("Gerätename: 2–40 Zeichen, Kleinbuchstaben, Ziffern, - oder _", field="kiosk",
                           value=kiosk_id[:60])
    code = secrets.token_urlsafe(24)
    vals = {"enroll_hash": _sha(code), "enroll_expires": iso(now_utc() + timedelta(hours=hours)),
            "token_hash": None, "revoked_at": None, "enrolled_at": None}
    with part.db.write() as c:
        if c.execute(select(T.kiosks.c.id).where(T.kiosks.c.id == kiosk_id)).first():
            c.execute(update(T.kiosks).where(T.kiosks.c.id == kiosk_id).values(**vals))
        else:
            c.execute(insert(T.kiosks).values(id=kiosk_id, created_by=actor, created_at=iso(now_utc()), **vals))
        part._audit(c, actor, "kiosk:create", None, kiosk_id)
    return code


def enroll_kiosk(part: Participation, code: str) -> tuple[str, str]:
    """Exchange a valid one-time code for the device credential; returns (kiosk id, token)."""
    token = secrets.token_urlsafe(32)
    with part.db.write() as c:
        r = c.execute(select(T.kiosks).where(T.kiosks.c.enroll_hash == _sha(code or ""))).mappings().first()
        if r is None or r["revoked_at"] or (r["enroll_expires"] or "") < iso(now_utc()):
            raise RequestError("Der Anmeldelink für das Gerät ist ungültig oder abgelaufen.", field="code")
        c.execute(update(T.kiosks).where(T.kiosks.c.id == r["id"]).values(
            token_hash=_sha(token), enroll_hash=None, enroll_expires=None, enrolled_at=iso(now_utc())))
        part._audit(c, "system", "kiosk:enrolled", None, r["id"])
    return r["id"], token


def kiosk_for(part: Participation, token: str | None) -> str | None:
    """The enrolled, not revoked kiosk whose credential this is, else None."""
    if not token or len(token) > 100:
        return None
    with part.db.read() as c:
        r = c.execute(select(T.kiosks.c.id).where(T.kiosks.c.token_hash == _sha(token),
                                                   T.kiosks.c.revoked_at.is_(None))).first()
    return r[0] if r else None


def list_kiosks(part: Participation) -> list[dict[str, Any]]:
    with part.db.read() as c:
        return [dict(r) for r in c.execute(select(T.kiosks).order_by(T.kiosks.c.id)).mappings()]


def revoke_kiosk(part: Participation, kiosk_id: str, actor: str) -> None:
    with part.db.write() as c:
        n = c.execute(update(T.kiosks).where(T.kiosks.c.id == kiosk_id).values(
            revoked_at=iso(now_utc()), token_hash=None, enroll_hash=None)).rowcount
        if not n:
            raise NotFoundError("no such kiosk", value=kiosk_id)
        part._audit(c, actor, "kiosk:revoke", None, kiosk_id)


# ----------------------------------------------------------------------------------- login throttle
def device_cookie(secret: bytes, username: str) -> str:
    nonce = secrets.token_urlsafe(12)
    return nonce + "." + hmac.new(secret, f"dev:{username}:{nonce}".encode(), hashlib.sha256).hexdigest()


def device_of(secret: bytes, username: str, cookie: str | None) -> str | None:
    """The nonce of a valid device cookie of ``username``, else None."""
    if not cookie or "." not in cookie or len(cookie) > 200:
        return None
    nonce, mac = cookie.split(".", 1)
    want = hmac.new(secret, f"dev:{username}:{nonce}".encode(), hashlib.sha256).hexdigest()
    return nonce if hmac.compare_digest(want, mac) else None


class LoginThrottle:
    def __init__(self, part: Participation, *, pair_free: int = 5, account_free: int = 20, address_free: int = 50,
                 base_s: float = 30, max_s: float = 900, forget_s: float = 3600):
        self.db = part.db
        self.pair_free, self.account_free, self.address_free = pair_free, account_free, address_free
        self.base_s, self.max_s, self.forget_s = base_s, max_s, forget_s

    def keys(self, username: str, addr: str, device: str | None) -> list[tuple[str, int]]:
        user = username[:64]
        if device:  # a browser this account logged in from before: only its own failures count
            return [(f"dev:{device}:{user}"[:200], self.pair_free)]
        return [(f"pair:{user}@{addr}"[:200], self.pair_free), (f"user:{user}", self.account_free),
                (f"addr:{addr}", self.address_free)]

    def wait_s(self, keys: list[tuple[str, int]], now: float | None = None) -> float:
        """Seconds until an attempt with these keys is allowed (0: now)."""
        now = time.time() if now is None else now
        names = [k for k, _ in keys]
        with self.db.read() as c:
            rows = c.execute(select(T.login_failures).where(T.login_failures.c.key.in_(names))).mappings().all()
        waits = [r["locked_until"] - now for r in rows if now - r["last_at"] < self.forget_s]
        return max([0.0, *waits])

    def failed(self, keys: list[tuple[str, int]], now: float | None = None) -> None:
        now = time.time() if now is None else now
        lf = T.login_failures
        with self.db.write() as c:
            for key, free in keys:
                if c.dialect.name == "postgresql":
                    c.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": "login:" + key})
                r = c.execute(select(lf).where(lf.c.key == key)).mappings().first()
                n = 1 if r is None or now - r["last_at"] >= self.forget_s else r["failures"] + 1
                until = now + min(self.max_s, self.base_s * 2 ** (n - free)) if n >= free else 0.0
                if r is None:
                    c.execute(insert(lf).values(key=key, failures=n, last_at=now, locked_until=until))
                else:
                    c.execute(update(lf).where(lf.c.key == key).values(failures=n, last_at=now, locked_until=until))

    def succeeded(self, keys: list[tuple[str, int]]) -> None:
        """A correct password clears the pair's or device's count (not the account's or the address's)."""
        mine = [k for k, _ in keys if k.startswith(("pair:", "dev:"))]
        with self.db.write() as c:
            c.execute(delete(T.login_failures).where(T.login_failures.c.key.in_(mine)))
