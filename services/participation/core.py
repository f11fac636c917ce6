"""Participation core (no web framework): procedures and periods, statements with receipts, moderation,
staff accounts (argon2) and the audit log.

Periods open and close by the server clock in Europe/Berlin: a period ``starts_on``..``ends_on`` is
open from 00:00 local time on the first day until 24:00 on the last. A statement after the end of the
last period is kept and flagged ``late``; one before the first period opened is refused.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import re
import secrets
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, bindparam, func, select

from services.errors import AuthError, NotFoundError, RequestError

from . import db as T
from .config import ParticipationConfig
from .db import Database, get_db

ROLES = ("moderator", "planner")
MODERATION = ("pending", "published", "rejected")
# German labels for people (pages, CSV/XLSX export); the machine values above stay in the database,
# the JSON/GeoJSON APIs and the audit log, so scripts reading them do not break
MODERATION_LABEL = {"pending": "offen", "published": "veröffentlicht", "rejected": "nicht veröffentlicht"}
CHANNEL_LABEL = {"web": "Internet", "kiosk": "Bildschirm (Kiosk)"}
LOCATION_LABEL = {"point": "Punkt", "line": "Linie", "area": "Fläche", "3d": "Punkt in 3D"}
ROLE_LABEL = {"moderator": "Moderation", "planner": "Planung"}
PERIOD_LABEL = {"3_1": "Frühzeitige Beteiligung (§ 3 Abs. 1 BauGB)", "3_2": "Veröffentlichung (§ 3 Abs. 2 BauGB)"}
GEOM_KINDS = {"Point": "point", "LineString": "line", "Polygon": "area"}
# a plan summary without its own WMS layers (``wms_layers``) is drawn with the primary INSPIRE PLU layers
PLAN_WMS_LAYERS = ("PLU.ZoningElement", "PLU.SupplementaryRegulation")


def plan_wms_layers(plan: dict[str, Any] | None) -> str:
    """The WMS ``LAYERS`` that draw a plan (procedure map, kiosk map, plan drawing): its own, else the primary."""
    return ",".join((plan or {}).get("wms_layers") or PLAN_WMS_LAYERS)
_PH = PasswordHasher()
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # C0 controls except tab, LF, CR

# The statements of the submission path, built once: building and cache-keying a Core statement costs
# more CPU than running it (about 0.2 ms of 0.3 ms for procedure(); 50 client threads wait on it).
_PROCEDURE = select(T.procedures).where(T.procedures.c.id == bindparam("pid"))
_PERIODS = select(T.periods).where(T.periods.c.procedure_id == bindparam("pid")).order_by(T.periods.c.starts_on)
_INSERT = T.statements.insert()
_SET_NUMBER = T.statements.update().where(T.statements.c.id == bindparam("sid")).values(number=bindparam("num"))


def now_utc() -> datetime:
    return datetime.now(UTC)


def iso(dt: datetime) -> str:
    return dt.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


class ForbiddenError(AuthError):
    """Authenticated, but the role does not allow the action: 403, not 401 (the web adapter maps it;
    ``services.errors.STATUS`` would map it to 401 as an ``AuthError``)."""


def canonical_content(pid: str, text: str, geometry: dict[str, Any] | None, received_at: str,
                      attachment_hashes: list[str]) -> bytes:
    """The exact bytes whose SHA-256 is the receipt's content hash: JSON in UTF-8, keys sorted, no
    spaces, non-ASCII characters as they are. The receipt offers these bytes as a file to recompute."""
    content = {"procedure": pid, "text": text, "geometry": geometry, "received_at": received_at,
               "attachments": attachment_hashes}
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


class Participation:
    """Facade over one database; cheap to create (engines are cached per URL)."""

    def __init__(self, cfg: ParticipationConfig):
        self.cfg = cfg
        self.db: Database = get_db(cfg.db_url)
        self.tz = ZoneInfo(cfg.timezone)

    # -- procedures -----------------------------------------------------------------------------
    def upsert_procedure(self, pid: str, title: str, announcement: str, documents: list[dict[str, str]],
                         periods: list[tuple[str, date, date]], plan_id: str | None = None) -> None:
        for kind, start, end in periods:
            if kind not in PERIOD_LABEL:
                raise RequestError("period kind must be 3_1 or 3_2", field="periods", value=kind)
            if end < start:
                raise RequestError("period ends before it starts", field="periods", value=f"{start}..{end}")
            if kind == "3_2" and (end - start).days + 1 < 30:
                raise RequestError("§ 3 Abs. 2 BauGB: the publication lasts one month, at least 30 days",
                                   field="periods", value=f"{start}..{end}")
        with self.db.write() as c:
            if c.execute(select(T.procedures.c.id).where(T.procedures.c.id == pid)).first():
                c.execute(T.procedures.update().where(T.procedures.c.id == pid).values(
                    title=title, announcement=announcement, documents=json.dumps(documents), plan_id=plan_id))
            else:
                c.execute(T.procedures.insert().values(id=pid, title=title, announcement=announcement, plan_id=plan_id,
                                                       documents=json.dumps(documents), created_at=iso(now_utc())))
            existing = {r.kind: r.id for r in c.execute(select(T.periods).where(T.periods.c.procedure_id == pid))}
            for kind, start, end in periods:
                vals = {"starts_on": start.isoformat(), "ends_on": end.isoformat()}
                if kind in existing:
                    c.execute(T.periods.update().where(T.periods.c.id == existing[kind]).values(**vals))
                else:
                    c.execute(T.periods.insert().values(procedure_id=pid, kind=kind, **vals))

    def procedures(self) -> list[dict[str, Any]]:
        with self.db.read() as c:
            rows = c.execute(select(T.procedures).order_by(T.procedures.c.created_at)).mappings().all()
        return [self.procedure(r["id"]) for r in rows]

    def procedure(self, pid: str, at: datetime | None = None) -> dict[str, Any]:
        with self.db.read() as c:
            p = c.execute(_PROCEDURE, {"pid": pid}).mappings().first()
            if p is None:
                raise NotFoundError("no such participation procedure", value=pid)
            pers = c.execute(_PERIODS, {"pid": pid}).mappings().all()
        out = dict(p)
        out["documents"] = json.loads(p["documents"] or "[]")
        out["periods"] = [dict(x) for x in pers]
        return self._at(out, at or now_utc())

    def _at(self, proc: dict[str, Any], at: datetime) -> dict[str, Any]:
        """``proc`` (a ``procedure()`` result) with the state of its periods at ``at``."""
        out = dict(proc)
        out["periods"] = [self._period_state(dict(x), at) for x in proc["periods"]]
        out["open_period"] = next((x for x in out["periods"] if x["state"] == "open"), None)
        ended = [x for x in out["periods"] if x["state"] == "ended"]
        out["accepting"] = "open" if out["open_period"] else ("late" if ended else "not_yet")
        return out

    def _period_state(self, per: dict[str, Any], at: datetime) -> dict[str, Any]:
        start = datetime.combine(date.fromisoformat(per["starts_on"]), datetime.min.time(), self.tz)
        end = datetime.combine(date.fromisoformat(per["ends_on"]) + timedelta(days=1), datetime.min.time(), self.tz)
        per["state"] = "not_yet" if at < start else ("open" if at < end else "ended")
        per["label"] = PERIOD_LABEL.get(per["kind"], per["kind"])
        per["opens_at"], per["closes_at"] = start.isoformat(), end.isoformat()
        return per

    # -- statements -----------------------------------------------------------------------------
    def submit(self, pid: str, text: str, *, geometry: dict[str, Any] | str | None = None,
               location_kind: str | None = None, name: str = "", email: str = "", consent: bool = False,
               channel: str = "web", kiosk_id: str | None = None, files: list[tuple[str, str, bytes]] | None = None,
               at: datetime | None = None, procedure: dict[str, Any] | None = None) -> dict[str, Any]:
        """Store one statement durably and return its receipt (number, received_at, content_hash).

        ``procedure``: what ``procedure(pid)`` returned a moment ago (the web form reads it anyway), so it
        is not read a second time; its periods are judged again at the time of receipt."""
        for field, value in (("procedure", pid), ("text", text), ("name", name), ("email", email),
                             ("location_kind", location_kind)):
            reject_control(field, value)
        text = (text or "").replace("\r\n", "\n").strip()
        if not text:
            raise RequestError("Bitte geben Sie einen Text ein.", field="text")
        if len(text) > self.cfg.max_text_chars:
            raise RequestError(f"Der Text ist zu lang (höchstens {self.cfg.max_text_chars} Zeichen).", field="text")
        if not consent:
            raise RequestError("Bitte bestätigen Sie die Einwilligung zur Verarbeitung.", field="consent")
        geometry, kind = check_geometry(geometry, location_kind)
        name, email = (name or "").strip()[:200], (email or "").strip()[:200]
        if email and ("@" not in email or any(ch.isspace() for ch in email)):
            raise RequestError("Die E-Mail-Adresse ist ungültig.", field="email")
        at = at or now_utc()
        proc = self._at(procedure, at) if procedure and procedure.get("id") == pid else self.procedure(pid, at)
        if proc["accepting"] == "not_yet":
            raise RequestError("Die Beteiligung hat noch nicht begonnen.", field="procedure", value=pid)
        period = proc["open_period"] or [p for p in proc["periods"] if p["state"] == "ended"][-1]
        late = proc["open_period"] is None
        stored = [store_attachment(self.cfg, fn, mt, data) for fn, mt, data in (files or [])]
        received = iso(at)
        hashed = canonical_content(pid, text, geometry, received, [s["sha256"] for s in stored])
        chash = hashlib.sha256(hashed).hexdigest()
        row = {"procedure_id": pid, "period_id": period["id"], "period_kind": period["kind"], "late": late,
               "channel": channel, "kiosk_id": kiosk_id, "text": text,
               "geometry": json.dumps(geometry) if geometry else None, "location_kind": kind, "received_at": received,
               "content_hash": chash, "consent_version": self.cfg.consent_version, "moderation": "pending",
               "planner_note": ""}
        year = at.astimezone(self.tz).year

        def store(c: Connection) -> tuple[int, str]:
            """Only the INSERTs: everything else ran before (other writers wait while this runs)."""
            pk = c.execute(_INSERT, {**row, "number": "pending-" + secrets.token_hex(8)}).inserted_primary_key
            if pk is None:  # a single-row INSERT always reports its key
                raise RuntimeError("the statement INSERT reported no primary key")
            sid = pk[0]
            number = f"{year}-{sid:06d}"
            c.execute(_SET_NUMBER, {"sid": sid, "num": number})
            if name or email:
                c.execute(T.personal.insert().values(statement_id=sid, name=name or None, email=email or None))
            for s in stored:
                c.execute(T.attachments.insert().values(statement_id=sid, **s))
            return sid, number

        _sid, number = self.db.write_grouped(store)  # committed when it returns, receipt only afterwards
        return {"number": number, "received_at": received, "content_hash": chash, "late": late,
                "period": period["label"], "procedure": proc["title"], "procedure_id": pid, "plan_id": proc["plan_id"],
                "text": text, "geometry": geometry, "location_kind": kind,
                "attachments": [s["filename"] for s in stored], "hashed": hashed.decode()}

    def statement(self, number: str) -> dict[str, Any]:
        with self.db.read() as c:
            r = c.execute(select(T.statements).where(T.statements.c.number == number)).mappings().first()
            if r is None:
                raise NotFoundError("no such statement", value=number)
            att = c.execute(select(T.attachments).where(T.attachments.c.statement_id == r["id"])
                            .order_by(T.attachments.c.id)).mappings().all()
        out = dict(r)
        out["attachments"] = [dict(a) for a in att]
        return out

    def list_statements(self, pid: str | None = None, moderation: str | None = None,
                        with_personal: bool = False, assignee: str | None = None) -> list[dict[str, Any]]:
        st, asg = T.statements, T.assignments
        cols: list[Any] = [st, asg.c.assignee.label("assigned_to"), asg.c.assigned_by, asg.c.assigned_at]
        if with_personal:
            cols += [T.personal.c.name, T.personal.c.email]
        q = select(*cols).outerjoin(asg, asg.c.statement_id == st.c.id)
        if with_personal:
            q = q.outerjoin(T.personal, T.personal.c.statement_id == st.c.id)
        q = q.order_by(st.c.id)
        if pid:
            q = q.where(st.c.procedure_id == pid)
        if moderation:
            q = q.where(st.c.moderation == moderation)
        if assignee:
            q = q.where(asg.c.assignee == assignee)
        with self.db.read() as c:
            rows = [dict(r) for r in c.execute(q).mappings()]
            counts: dict[int, int] = dict(c.execute(select(T.attachments.c.statement_id, func.count())
                                    .group_by(T.attachments.c.statement_id)).all())
        for r in rows:
            r["geometry"] = json.loads(r["geometry"]) if r["geometry"] else None
            r["attachment_count"] = counts.get(r["id"], 0)
        return rows

    def public_statements(self, pid: str) -> list[dict[str, Any]]:
        """Published statements without anything personal (no name, e-mail, kiosk, attachments)."""
        return [{"number": r["number"], "received_at": r["received_at"][:10], "text": r["text"],
                 "period": PERIOD_LABEL.get(r["period_kind"] or "", ""), "geometry": r["geometry"]}
                for r in self.list_statements(pid, "published")]

    # -- moderation, notes, audit ---------------------------------------------------------------
    def moderate(self, actor: dict[str, str], number: str, decision: str) -> None:
        if decision not in MODERATION:
            raise RequestError("unknown moderation decision", field="decision", value=decision)
        if actor["role"] not in ROLES:
            raise ForbiddenError("Ihre Rolle darf Stellungnahmen nicht moderieren.")
        with self.db.write() as c:
            n = c.execute(T.statements.update().where(T.statements.c.number == number).values(
                moderation=decision, moderated_by=actor["username"], moderated_at=iso(now_utc()))).rowcount
            if not n:
                raise NotFoundError("no such statement", value=number)
            self._audit(c, actor["username"], f"moderate:{decision}", number)

    def note(self, actor: dict[str, str], number: str, note: str) -> None:
        if actor["role"] != "planner":
            raise ForbiddenError("Vermerke für die Abwägung schreibt nur die Planung (Rolle planner).")
        with self.db.write() as c:
            n = c.execute(T.statements.update().where(T.statements.c.number == number)
                          .values(planner_note=note[:10000])).rowcount
            if not n:
                raise NotFoundError("no such statement", value=number)
            self._audit(c, actor["username"], "note", number, f"{len(note)} characters")

    def assign(self, actor: dict[str, str], number: str, assignee: str) -> None:
        """Assign a statement to a planner's staff account (empty ``assignee``: remove the assignment).
        Moderators and planners may assign; every change is in the audit log."""
        if actor["role"] not in ROLES:
            raise ForbiddenError("Ihre Rolle darf Stellungnahmen nicht zuweisen.")
        assignee = (assignee or "").strip()
        reject_control("assignee", assignee)
        asg = T.assignments
        with self.db.write() as c:
            sid = c.execute(select(T.statements.c.id).where(T.statements.c.number == number)).scalar()
            if sid is None:
                raise NotFoundError("no such statement", value=number)
            if assignee:
                role = c.execute(select(T.staff.c.role).where(T.staff.c.username == assignee)).scalar()
                if role != "planner":
                    raise RequestError("Zuweisen können Sie nur an ein Konto der Planung.", field="assignee",
                                       value=assignee[:64])
            before = c.execute(select(asg.c.assignee).where(asg.c.statement_id == sid)).scalar()
            if before == (assignee or None):
                return
            c.execute(asg.delete().where(asg.c.statement_id == sid))
            if assignee:
                c.execute(asg.insert().values(statement_id=sid, assignee=assignee, assigned_by=actor["username"],
                                              assigned_at=iso(now_utc())))
            self._audit(c, actor["username"], "assign" if assignee else "assign:remove", number,
                        f"{before or '–'} -> {assignee or '–'}")

    def planners(self) -> list[str]:
        """Usernames of the staff accounts a statement can be assigned to."""
        with self.db.read() as c:
            return list(c.execute(select(T.staff.c.username).where(T.staff.c.role == "planner")
                                  .order_by(T.staff.c.username)).scalars())

    def audit(self, actor: str, action: str, number: str | None = None, detail: str = "") -> None:
        with self.db.write() as c:
            self._audit(c, actor, action, number, detail)

    @staticmethod
    def _audit(c, actor: str, action: str, number: str | None = None, detail: str = "") -> None:
        c.execute(T.audit.insert().values(at=iso(now_utc()), actor=actor, action=action,
                                          statement_number=number, detail=detail))

    def audit_log(self, limit: int = 500) -> list[dict[str, Any]]:
        with self.db.read() as c:
            return [dict(r) for r in c.execute(select(T.audit).order_by(T.audit.c.id.desc()).limit(limit)).mappings()]

    # -- staff ----------------------------------------------------------------------------------
    def add_staff(self, username: str, role: str, password: str) -> None:
        if role not in ROLES:
            raise RequestError(f"role must be one of {', '.join(ROLES)}", field="role", value=role)
        if len(password) < 12:
            raise RequestError("password must have at least 12 characters", field="password")
        h = _PH.hash(password)
        with self.db.write() as c:
            if c.execute(select(T.staff.c.username).where(T.staff.c.username == username)).first():
                c.execute(T.staff.update().where(T.staff.c.username == username).values(role=role, password_hash=h))
            else:
                c.execute(T.staff.insert().values(username=username, role=role, password_hash=h,
                                                  created_at=iso(now_utc())))
            self._audit(c, "system", "staff:set", None, f"{username} ({role})")

    def login(self, username: str, password: str, hours: int = 8) -> str:
        with self.db.read() as c:
            r = c.execute(select(T.staff).where(T.staff.c.username == username)).mappings().first()
        try:
            ok = r is not None and _PH.verify(r["password_hash"], password)
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok:
            if r is None:  # same cost for unknown users: no user enumeration by timing
                with contextlib.suppress(VerificationError):
                    _PH.verify(_DUMMY, password)
            self.audit(username[:64] or "?", "login:failed")
            raise AuthError("Anmeldung fehlgeschlagen.")
        token = secrets.token_urlsafe(32)
        with self.db.write() as c:
            c.execute(T.sessions.insert().values(token_hash=_sha(token), username=username,
                                                 expires_at=iso(now_utc() + timedelta(hours=hours))))
            self._audit(c, username, "login")
        return token

    def session_user(self, token: str | None) -> dict[str, str] | None:
        if not token:
            return None
        with self.db.read() as c:
            r = c.execute(select(T.sessions.c.expires_at, T.staff.c.username, T.staff.c.role)
                          .join(T.staff, T.staff.c.username == T.sessions.c.username)
                          .where(T.sessions.c.token_hash == _sha(token))).mappings().first()
        if r is None or r["expires_at"] < iso(now_utc()):
            return None
        return {"username": r["username"], "role": r["role"]}

    def logout(self, token: str) -> None:
        with self.db.write() as c:
            c.execute(T.sessions.delete().where(T.sessions.c.token_hash == _sha(token)))

    # -- retention ------------------------------------------------------------------------------
    def purge_personal(self, days: int | None = None, at: datetime | None = None) -> int:
        """Delete name and e-mail of statements whose period ended more than ``days`` ago."""
        days = self.cfg.retention_days if days is None else days
        cutoff = ((at or now_utc()).astimezone(self.tz).date() - timedelta(days=days)).isoformat()
        with self.db.write() as c:
            ids = select(T.statements.c.id).join(T.periods, T.periods.c.id == T.statements.c.period_id)\
                .where(T.periods.c.ends_on < cutoff)
            n = c.execute(T.personal.delete().where(T.personal.c.statement_id.in_(ids))).rowcount
            self._audit(c, "system", "retention", None, f"personal data of {n} statements deleted "
                                                        f"(periods ended before {cutoff})")
        return n


_DUMMY = _PH.hash("dummy-password-for-timing")


def _sha(s: str) -> str:
    return hashlib.sha256(s.encode()).hexdigest()


def reject_control(field: str, value: Any) -> None:
    """NUL and other C0 control characters (except tab and line breaks) have no place in a statement;
    PostgreSQL cannot even store NUL."""
    found = _CONTROL.search(value) if isinstance(value, str) else None
    if found:
        bad = found.group()
        raise RequestError(f"Das Feld „{field}“ enthält ein unzulässiges Steuerzeichen (U+{ord(bad):04X}).",
                           field=field, value=value[:40].encode("unicode_escape").decode())


def check_geometry(geometry: Any, kind: str | None) -> tuple[dict[str, Any] | None, str | None]:
    """A GeoJSON Point/LineString/Polygon in lon/lat, or a 3D spot (Point with height), else an error."""
    if geometry in (None, "", {}):
        return None, None
    if isinstance(geometry, str):
        try:
            geometry = json.loads(geometry)
        except json.JSONDecodeError:
            raise RequestError("Der Ort ist kein gültiges GeoJSON.", field="geometry") from None
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOM_KINDS:
        raise RequestError("Als Ort sind Punkt, Linie oder Fläche möglich.", field="geometry")
    import shapely.geometry
    try:
        g = shapely.geometry.shape(geometry)
    except (ValueError, TypeError, KeyError, IndexError):
        raise RequestError("Der Ort ist keine gültige Geometrie.", field="geometry") from None
    if g.is_empty or not g.is_valid:
        raise RequestError("Der Ort ist keine gültige Geometrie.", field="geometry")
    minx, miny, maxx, maxy = g.bounds
    if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
        raise RequestError("Der Ort liegt außerhalb gültiger Koordinaten.", field="geometry")
    if len(json.dumps(geometry)) > 200_000:
        raise RequestError("Die gezeichnete Geometrie ist zu groß.", field="geometry")
    k = "3d" if kind == "3d" and g.geom_type == "Point" else GEOM_KINDS[g.geom_type]
    return shapely.geometry.mapping(g) | {}, k


MAGIC = {"application/pdf": (b"%PDF-",), "image/png": (b"\x89PNG\r\n\x1a\n",), "image/jpeg": (b"\xff\xd8\xff",)}


def store_attachment(cfg: ParticipationConfig, filename: str, media_type: str, data: bytes) -> dict[str, Any]:
    """Type by content (magic bytes), not by name; stored by hash outside any web root."""
    if len(data) > cfg.max_upload_bytes:
        raise RequestError(f"Anhang {filename!r} ist größer als {cfg.max_upload_mb} MB. Ihr Text ist erhalten; "
                           "bitte wählen Sie eine kleinere Datei oder senden Sie ohne Anhang.",
                           field="attachments")
    kind = next((mt for mt, sigs in MAGIC.items() if data.startswith(sigs)), None)
    if kind is None:
        raise RequestError(f"Anhang {filename!r}: nur PDF, PNG oder JPEG sind erlaubt.", field="attachments")
    digest = hashlib.sha256(data).hexdigest()
    cfg.attachments_dir.mkdir(parents=True, exist_ok=True)
    path = cfg.attachments_dir / digest
    if not path.exists():
        tmp = path.with_suffix(".tmp" + secrets.token_hex(4))
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            import os
            os.fsync(fh.fileno())
        tmp.replace(path)
    safe = "".join(ch for ch in filename if ch.isalnum() or ch in "._- ")[:120] or "anhang"
    return {"filename": safe, "media_type": kind, "size": len(data), "sha256": digest}
