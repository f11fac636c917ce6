"""``/beteiligung``: the web adapter of the participation (thin; the logic lives in ``core``).

Public pages: procedure list, procedure page (announcement, documents, map, statement form),
receipt; the kiosk (``/kiosk``); a public JSON/GeoJSON API that never carries personal data.
Staff pages (``/staff``): login, moderation queue, planner notes, export, audit log.
"""
from __future__ import annotations

import io
import json
import logging
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, g, jsonify, redirect, render_template, request, send_file

from core.config import PROJECT_ROOT, Settings
from core.errors import GdiError
from services.errors import AuthError, NotFoundError, RequestError, http_status

from . import export as X
from .config import ParticipationConfig, load_config
from .core import PERIOD_LABEL, Participation
from .security import (
    SID_COOKIE,
    STAFF_COOKIE,
    RateLimiter,
    csrf_ok,
    csrf_token,
    load_secret,
    new_sid,
    security_headers,
)

LOGGER = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
LEAFLET = PROJECT_ROOT / "node_modules" / "leaflet" / "dist"
CESIUM = PROJECT_ROOT / "node_modules" / "cesium" / "Build" / "Cesium"
WEB_STATIC = PROJECT_ROOT / "services" / "web" / "static"   # shared with the viewer: cesium-fast.js, BRDF table
STATIC_TYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml",
                ".json": "application/json", ".wasm": "application/wasm", ".glb": "model/gltf-binary",
                ".xml": "application/xml", ".jpg": "image/jpeg", ".woff": "font/woff", ".woff2": "font/woff2"}


def _send(root: Path, name: str, *, immutable: bool = False) -> Response:
    path = (root / name).resolve()
    if not path.is_relative_to(root.resolve()) or not path.is_file():
        abort(404)
    resp = send_file(path, mimetype=STATIC_TYPES.get(path.suffix, "application/octet-stream"), conditional=True,
                     max_age=31536000 if immutable else 300)
    return resp


def create(settings: Settings) -> Flask:
    cfg: ParticipationConfig = load_config(settings)
    part = Participation(cfg)
    secret = load_secret(cfg.data_dir)
    # on PostgreSQL the limits live in the shared database, so several web nodes share them
    shared = None if part.db.is_sqlite else part.db
    client_limit = RateLimiter(cfg.rate_per_client, cfg.rate_window_s, cfg.data_dir / "ratelimit.db", db=shared)
    kiosk_limit = RateLimiter(cfg.rate_per_kiosk, cfg.rate_window_s, cfg.data_dir / "ratelimit.db", db=shared)
    plans_dir = settings.var_dir / "plans"
    app = Flask(__name__, static_folder=None, template_folder=str(HERE / "templates"))
    app.config["MAX_CONTENT_LENGTH"] = cfg.max_request_bytes

    # -- request plumbing ---------------------------------------------------------------------
    @app.before_request
    def _session():
        sid = request.cookies.get(SID_COOKIE)
        g.new_sid = None
        if not sid or len(sid) > 64:
            sid = g.new_sid = new_sid()
        g.sid = sid
        g.csrf = csrf_token(secret, sid)
        g.staff = part.session_user(request.cookies.get(STAFF_COOKIE))
        if request.method == "POST" and not request.path.endswith("/staff/login"):
            token = request.headers.get("X-CSRF-Token") or request.form.get("csrf")
            if g.new_sid or not csrf_ok(secret, sid, token):
                return _error(403, "Sicherheitsprüfung fehlgeschlagen (CSRF). Bitte laden Sie die Seite neu.")
        return None

    @app.after_request
    def _after(resp: Response) -> Response:
        if g.get("new_sid"):
            resp.set_cookie(SID_COOKIE, g.new_sid, httponly=True, samesite="Strict", path=request.script_root or "/",
                            secure=request.is_secure)
        security_headers(resp.headers, cache=request.path.startswith(("/static/", "/vendor/")),
                         allow_eval=bool(g.get("allow_eval")))
        return resp

    @app.errorhandler(GdiError)
    def _gdi(exc: GdiError):
        return _error(http_status(exc), exc.bare_message)

    @app.errorhandler(413)
    def _too_big(_exc):
        return _error(413, f"Die Anfrage ist zu groß (höchstens {cfg.max_request_bytes // 1024 // 1024} MB).")

    @app.errorhandler(404)
    def _nf(_exc):
        return _error(404, "Seite nicht gefunden.")

    def _error(status: int, message: str):
        if _wants_json():
            return jsonify({"error": message}), status
        return render_template("error.html", status=status, message=message, **_ctx()), status

    def _wants_json() -> bool:
        return request.path.startswith(("/api/", "/kiosk/")) or request.accept_mimetypes.best == "application/json"

    def _ctx() -> dict[str, Any]:
        return {"base": request.script_root, "csrf": g.get("csrf", ""), "staff": g.get("staff"),
                "period_label": PERIOD_LABEL}

    def _client() -> str:
        return request.remote_addr or "?"

    def _plan(plan_id: str | None) -> dict[str, Any] | None:
        if not plan_id:
            return None
        p = plans_dir / f"{plan_id}.json"
        return json.loads(p.read_text(encoding="utf-8")) if p.exists() else None

    # -- public pages -------------------------------------------------------------------------
    @app.get("/")
    def index():
        return render_template("index.html", procedures=part.procedures(), **_ctx())

    @app.get("/verfahren/<pid>")
    def procedure(pid: str):
        proc = part.procedure(pid)
        return render_template("procedure.html", p=proc, plan=_plan(proc["plan_id"]), form={}, errors=[],
                               statements=part.public_statements(pid), **_ctx())

    @app.post("/verfahren/<pid>")
    def submit(pid: str):
        proc = part.procedure(pid)
        f = request.form
        if f.get("website"):  # honeypot: invisible to people, filled by bots
            LOGGER.info("honeypot filled by %s; statement dropped", _client())
            return _error(400, "Die Stellungnahme konnte nicht angenommen werden.")
        if not client_limit.allow("ip:" + _client()):
            return _error(429, "Zu viele Stellungnahmen in kurzer Zeit. Bitte versuchen Sie es später erneut.")
        files = []
        for fs in request.files.getlist("attachments")[: cfg.max_attachments + 1]:
            if fs and fs.filename:
                files.append((fs.filename, fs.mimetype or "", fs.read(cfg.max_upload_bytes + 1)))
        if len(files) > cfg.max_attachments:
            return _error(400, f"Höchstens {cfg.max_attachments} Anhänge.")
        try:
            receipt = part.submit(pid, f.get("text", ""), geometry=f.get("geometry") or None,
                                  location_kind=f.get("location_kind") or None, name=f.get("name", ""),
                                  email=f.get("email", ""), consent=f.get("consent") == "yes", channel="web",
                                  files=files)
        except RequestError as exc:
            return render_template("procedure.html", p=proc, plan=_plan(proc["plan_id"]), form=f,
                                   errors=[exc.bare_message], statements=part.public_statements(pid), **_ctx()), 400
        return render_template("receipt.html", r=receipt, p=proc, **_ctx())

    @app.get("/datenschutz")
    def privacy():
        return render_template("privacy.html", cfg=cfg, **_ctx())

    # -- kiosk --------------------------------------------------------------------------------
    @app.get("/kiosk")
    def kiosk():
        procs = [p for p in part.procedures() if p["accepting"] != "not_yet"]
        pid = request.args.get("verfahren") or (procs[0]["id"] if procs else None)
        if not pid:
            return _error(404, "Zurzeit läuft keine Beteiligung.")
        proc = part.procedure(pid)
        kid = (request.args.get("kiosk") or "kiosk-1")[:40]
        g.new_sid = new_sid()  # every kiosk start is a fresh session: nothing carries over
        g.sid, g.csrf = g.new_sid, csrf_token(secret, g.new_sid)
        g.allow_eval = True  # CesiumJS (3D view); still no inline scripts
        return render_template("kiosk.html", p=proc, plan=_plan(proc["plan_id"]), kiosk_id=kid,
                               idle_s=cfg.kiosk_idle_s, cesium_base=f"{request.script_root}/vendor/cesium/", **_ctx())

    @app.post("/kiosk/stellungnahme")
    def kiosk_submit():
        data = request.get_json(silent=True) or {}
        if data.get("website"):
            return _error(400, "Die Stellungnahme konnte nicht angenommen werden.")
        kid = str(data.get("kiosk") or "kiosk-1")[:40]
        if not kiosk_limit.allow("kiosk:" + kid):
            return _error(429, "Zu viele Stellungnahmen an diesem Gerät. Bitte später erneut versuchen.")
        receipt = part.submit(str(data.get("procedure", "")), str(data.get("text", "")),
                              geometry=data.get("geometry"), location_kind=data.get("location_kind"),
                              consent=data.get("consent") is True, channel="kiosk", kiosk_id=kid)
        return jsonify(receipt), 201

    @app.get("/qr.svg")
    def qr():
        import qrcode
        import qrcode.image.svg
        pid = request.args.get("verfahren", "")
        part.procedure(pid)  # only procedures that exist
        url = f"{settings.service.public_url.rstrip('/')}{request.script_root}/verfahren/{pid}"
        img = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=12, border=2)
        buf = io.BytesIO()
        img.save(buf)
        return Response(buf.getvalue(), mimetype="image/svg+xml")

    # -- public API (no personal data) ----------------------------------------------------------
    @app.get("/api/verfahren")
    def api_procedures():
        return jsonify([_public_proc(p) for p in part.procedures()])

    @app.get("/api/verfahren/<pid>")
    def api_procedure(pid: str):
        return jsonify(_public_proc(part.procedure(pid)))

    @app.get("/api/verfahren/<pid>/stellungnahmen.geojson")
    def api_statements(pid: str):
        part.procedure(pid)
        feats = [{"type": "Feature", "id": s["number"], "geometry": s["geometry"],
                  "properties": {k: s[k] for k in ("number", "received_at", "text", "period")}}
                 for s in part.public_statements(pid)]
        return Response(json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False),
                        mimetype="application/geo+json")

    @app.get("/api/plaene/<name>.geojson")
    def api_plan_geojson(name: str):
        if not name.replace("_", "").replace("-", "").isalnum():
            abort(404)
        if (plans_dir / f"{name}.json").exists():
            plan = _plan(name) or {}
            return Response(json.dumps(plan.get("geltungsbereich") or {}), mimetype="application/geo+json")
        return _send(plans_dir, f"{name}.geojson")

    def _public_proc(p: dict[str, Any]) -> dict[str, Any]:
        return {"id": p["id"], "title": p["title"], "plan_id": p["plan_id"], "announcement": p["announcement"],
                "documents": p["documents"], "accepting": p["accepting"],
                "periods": [{k: x[k] for k in ("kind", "label", "starts_on", "ends_on", "state")}
                            for x in p["periods"]]}

    # -- static -------------------------------------------------------------------------------
    @app.get("/static/<path:name>")
    def static_file(name: str):
        return _send(HERE / "static", name)

    @app.get("/vendor/leaflet/<path:name>")
    def leaflet(name: str):
        return _send(LEAFLET, name, immutable=True)

    @app.get("/vendor/cesium/<path:name>")
    def cesium(name: str):
        return _send(CESIUM, name, immutable=True)

    @app.get("/vendor/gdi/<name>")
    def gdi_shared(name: str):
        """The viewer's CesiumJS settings and precomputed BRDF table, shared with the kiosk's 3D view."""
        if name not in ("cesium-fast.js", "brdf_lut.rg8"):
            abort(404)
        return _send(WEB_STATIC, name)

    # -- staff --------------------------------------------------------------------------------
    def _need_staff() -> dict[str, str]:
        if not g.staff:
            raise AuthError("Bitte melden Sie sich an.")
        return g.staff

    @app.route("/staff/login", methods=["GET", "POST"])
    def staff_login():
        if request.method == "GET":
            return render_template("staff_login.html", error=None, **_ctx())
        if not csrf_ok(secret, request.cookies.get(SID_COOKIE), request.form.get("csrf")):
            return _error(403, "Sicherheitsprüfung fehlgeschlagen (CSRF). Bitte laden Sie die Seite neu.")
        if not client_limit.allow("login:" + _client()):
            return _error(429, "Zu viele Anmeldeversuche.")
        try:
            token = part.login(request.form.get("username", ""), request.form.get("password", ""))
        except AuthError as exc:
            return render_template("staff_login.html", error=exc.bare_message, **_ctx()), 401
        resp = redirect(f"{request.script_root}/staff", code=303)
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
        rows = part.list_statements(request.args.get("verfahren") or None, status)
        return render_template("staff_queue.html", rows=rows, status=status, procedures=part.procedures(), **_ctx())

    @app.post("/staff/moderate/<number>")
    def staff_moderate(number: str):
        part.moderate(_need_staff(), number, request.form.get("decision", ""))
        return redirect(f"{request.script_root}/staff#s-{number}", code=303)

    @app.post("/staff/note/<number>")
    def staff_note(number: str):
        part.note(_need_staff(), number, request.form.get("note", ""))
        return redirect(f"{request.script_root}/staff#s-{number}", code=303)

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

    @app.get("/staff/audit")
    def staff_audit():
        _need_staff()
        return render_template("staff_audit.html", rows=part.audit_log(), **_ctx())

    @app.get("/staff/anhang/<number>/<int:idx>")
    def staff_attachment(number: str, idx: int):
        user = _need_staff()
        st = part.statement(number)
        if idx >= len(st["attachments"]):
            abort(404)
        a = st["attachments"][idx]
        part.audit(user["username"], "attachment:view", number, a["filename"])
        return send_file(cfg.attachments_dir / a["sha256"], mimetype=a["media_type"], as_attachment=True,
                         download_name=a["filename"])

    return app
