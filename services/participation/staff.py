"""The staff pages of ``/beteiligung`` (``/staff``): login, moderation queue, assignment to planners,
planner notes, export, kiosk devices, audit log (a thin adapter; the logic lives in ``core``).

Status codes: not logged in (or the session expired) is 401; logged in but the role does not allow the
action (a moderator writing a planner note) is 403 (``core.ForbiddenError``).
"""
from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, Response, abort, g, make_response, redirect, render_template, request, send_file

from core.config import Settings
from services.errors import AuthError, NotFoundError

from . import devices as D
from . import export as X
from .config import ParticipationConfig
from .core import Participation
from .security import SID_COOKIE, STAFF_COOKIE, csrf_ok

LOGGER = logging.getLogger(__name__)
DEVICE_COOKIE = "bp_dev"


@dataclass
class Web:
    """What the staff routes share with the rest of the app (built once in ``app.create``)."""
    settings: Settings
    cfg: ParticipationConfig
    part: Participation
    secret: bytes
    error: Callable[[int, str], Any]
    ctx: Callable[[], dict[str, Any]]
    client: Callable[[], str]


def register(app: Flask, w: Web) -> None:
    part, secret = w.part, w.secret
    throttle = D.LoginThrottle(part)

    def _need_staff() -> dict[str, str]:
        if not g.staff:
            raise AuthError("Bitte melden Sie sich an.")
        return g.staff

    def _back(number: str):
        return redirect(f"{request.script_root}/staff#s-{number}", code=303)

    @app.route("/staff/login", methods=["GET", "POST"])
    def staff_login():
        if request.method == "GET":
            return render_template("staff_login.html", error=None, **w.ctx())
        if not csrf_ok(secret, request.cookies.get(SID_COOKIE), request.form.get("csrf")):
            return w.error(403, "Sicherheitsprüfung fehlgeschlagen (CSRF). Bitte laden Sie die Seite neu.")
        username = request.form.get("username", "")
        keys = throttle.keys(username, w.client(), D.device_of(secret, username, request.cookies.get(DEVICE_COOKIE)))
        wait = throttle.wait_s(keys)
        if wait > 0:
            LOGGER.info("staff login for %r from %s throttled (%.0f s)", username[:64], w.client(), wait)
            throttled = make_response(w.error(429, f"Zu viele fehlgeschlagene Anmeldungen. Bitte in "
                                                   f"{math.ceil(wait)} Sekunden erneut versuchen."))
            throttled.headers["Retry-After"] = str(math.ceil(wait))
            return throttled
        try:
            token = part.login(username, request.form.get("password", ""))
        except AuthError as exc:
            throttle.failed(keys)
            LOGGER.warning("failed staff login for %r from %s", username[:64], w.client())
            return render_template("staff_login.html", error=exc.bare_message, **w.ctx()), 401
        throttle.succeeded(keys)
        resp = redirect(f"{request.script_root}/staff", code=303)
        resp.set_cookie(DEVICE_COOKIE, D.device_cookie(secret, username), httponly=True, samesite="Strict",
                        path=(request.script_root or "") + "/staff/login", secure=request.is_secure,
                        max_age=180 * 86400)
        resp.set_cookie(STAFF_COOKIE, token, httponly=True, samesite="Strict", path=request.script_root or "/",
                        secure=request.is_secure, max_age=8 * 3600)
        return resp

    @app.post("/staff/logout")
    def staff_logout():
        tok = request.cookies.get(STAFF_COOKIE)
        if tok:
            part.logout(tok)
        resp = redirect(f"{request.script_root}/staff/login", code=303)
        resp.delete_cookie(STAFF_COOKIE, path=request.script_root or "/")
        return resp

    @app.get("/staff")
    def staff_queue():
        if not g.staff:
            return redirect(f"{request.script_root}/staff/login", code=303)
        status = request.args.get("status") or None
        assignee = request.args.get("zustaendig") or None
        rows = part.list_statements(request.args.get("verfahren") or None, status, assignee=assignee)
        return render_template("staff_queue.html", rows=rows, status=status, assignee=assignee,
                               planners=part.planners(), procedures=part.procedures(), **w.ctx())

    @app.post("/staff/moderate/<number>")
    def staff_moderate(number: str):
        part.moderate(_need_staff(), number, request.form.get("decision", ""))
        return _back(number)

    @app.post("/staff/note/<number>")
    def staff_note(number: str):
        part.note(_need_staff(), number, request.form.get("note", ""))
        return _back(number)

    @app.post("/staff/assign/<number>")
    def staff_assign(number: str):
        part.assign(_need_staff(), number, request.form.get("assignee", ""))
        return _back(number)

    @app.get("/staff/export.<fmt>")
    def staff_export(fmt: str):
        user = _need_staff()
        pid = request.args.get("verfahren") or None
        pseudo = request.args.get("pseudonym") == "1"
        part.audit(user["username"], f"export:{fmt}", None, f"procedure={pid or 'all'} pseudonymised={pseudo}")
        name = f"stellungnahmen{'-' + pid if pid else ''}{'-pseudonymisiert' if pseudo else ''}"
        if fmt == "geojson":
            return Response(X.to_geojson(part, pid), mimetype="application/geo+json",
                            headers={"Content-Disposition": f'attachment; filename="{name}.geojson"'})
        cols, recs = X.rows(part, pid, pseudonymised=pseudo, secret=secret)
        if fmt == "csv":
            return Response(X.to_csv(cols, recs), mimetype="text/csv",
                            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
        if fmt == "xlsx":
            return Response(X.to_xlsx(cols, recs),
                            mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'})
        raise NotFoundError("unknown export format", value=fmt)

    @app.route("/staff/kiosks", methods=["GET", "POST"])
    def staff_kiosks():
        """Kiosk devices: create one (shows its one-time enrolment link), list, revoke."""
        user = _need_staff()
        link = None
        if request.method == "POST":
            name = request.form.get("kiosk", "")
            code = D.create_kiosk(part, name, user["username"])
            link = (f"{w.settings.service.public_url.rstrip('/')}{request.script_root}/kiosk/anmelden?code={code}",
                    name.strip().lower())
        return render_template("staff_kiosks.html", kiosks=D.list_kiosks(part), link=link, **w.ctx())

    @app.post("/staff/kiosks/<kid>/sperren")
    def staff_kiosk_revoke(kid: str):
        user = _need_staff()
        D.revoke_kiosk(part, kid, user["username"])
        return redirect(f"{request.script_root}/staff/kiosks", code=303)

    @app.get("/staff/audit")
    def staff_audit():
        _need_staff()
        return render_template("staff_audit.html", rows=part.audit_log(), **w.ctx())

    @app.get("/staff/anhang/<number>/<int:idx>")
    def staff_attachment(number: str, idx: int):
        user = _need_staff()
        st = part.statement(number)
        if idx >= len(st["attachments"]):
            abort(404)
        a = st["attachments"][idx]
        part.audit(user["username"], "attachment:view", number, a["filename"])
        return send_file(w.cfg.attachments_dir / a["sha256"], mimetype=a["media_type"], as_attachment=True,
                         download_name=a["filename"])
