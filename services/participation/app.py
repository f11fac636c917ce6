"""``/beteiligung``: the web adapter of the participation (thin; the logic lives in ``core``).

Public pages: procedure list, procedure page (announcement, documents, map, statement form),
receipt, receipt check (``/pruefen``), privacy, accessibility statement, imprint; the kiosk (``/kiosk``);
a public JSON/GeoJSON API that never carries personal data. Staff pages (``/staff``): ``staff.py``.
"""
from __future__ import annotations

import io
import json
import logging
from pathlib import Path
from typing import Any

from flask import (
    Flask,
    Request,
    Response,
    abort,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
)

from core.config import PROJECT_ROOT, Settings
from core.errors import GdiError
from services.errors import RequestError, http_status

from . import devices as D
from . import receipt as RC
from . import staff
from .config import ParticipationConfig, load_config
from .core import (
    CHANNEL_LABEL,
    LOCATION_LABEL,
    MODERATION_LABEL,
    PERIOD_LABEL,
    ROLE_LABEL,
    ForbiddenError,
    Participation,
    plan_wms_layers,
    reject_control,
)
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


KIOSK_COOKIE = "bp_kiosk"


class _CappedFile(io.BytesIO):
    """An uploaded file kept up to ``cap`` bytes; the rest is read from the network and dropped. So an
    over-size attachment is answered in the form (with the citizen's text) instead of a 413 page."""

    def __init__(self, cap: int):
        super().__init__()
        self.cap = cap

    def write(self, b) -> int:  # type: ignore[override]
        room = self.cap - self.tell()
        if room > 0:
            super().write(bytes(b[:room]))
        return len(b)


def _request_class(cap: int) -> type[Request]:
    class CappedRequest(Request):
        def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
            return _CappedFile(cap)
    return CappedRequest


def plan_basemap(settings: Settings) -> dict[str, Any] | None:
    """The base map under the plan maps: the first external base layer (``basemap.external``), else the
    offline ``/basemap`` tiles when a base-map file is configured, else None."""
    if settings.basemap.external:
        return settings.basemap.external[0].client()
    if settings.basemap.path(settings.datasets_dir) is None:
        return None
    return {"kind": "xyz", "url": "/basemap/{z}/{x}/{y}.png", "maximum_level": 19,
            "attribution": "Stadtplan: Stadt Hildesheim (Beispieldaten)"}


def create(settings: Settings) -> Flask:
    cfg: ParticipationConfig = load_config(settings)
    part = Participation(cfg)
    secret = load_secret(cfg.data_dir)
    # on PostgreSQL the limits live in the shared database, so several web nodes share them
    shared = None if part.db.is_sqlite else part.db
    client_limit = RateLimiter(cfg.rate_per_client, cfg.rate_window_s, cfg.data_dir / "ratelimit.db", db=shared)
    kiosk_limit = RateLimiter(cfg.rate_per_kiosk, cfg.rate_window_s, cfg.data_dir / "ratelimit.db", db=shared)
    plans_dir = settings.var_dir / "plans"
    basemap, origins = plan_basemap(settings), settings.basemap.origins()[:1]
    kiosk_ip_limit = RateLimiter(cfg.rate_per_kiosk, cfg.rate_window_s, cfg.data_dir / "ratelimit.db", db=shared)
    app = Flask(__name__, static_folder=None, template_folder=str(HERE / "templates"))
    app.config["MAX_CONTENT_LENGTH"] = cfg.max_request_bytes
    app.request_class = _request_class(cfg.max_upload_bytes + 1)
    app.jinja_env.filters["de_date"] = RC.de_date
    app.jinja_env.globals["plan_wms_layers"] = plan_wms_layers

    # -- request plumbing ---------------------------------------------------------------------
    @app.before_request
    def _session():
        sid = request.cookies.get(SID_COOKIE)
        g.new_sid = None
        if not sid or len(sid) > 64:
            sid = g.new_sid = new_sid()
        g.sid = sid
        g.csrf = csrf_token(secret, sid)
        try:  # NUL and control characters: 400 naming the field, never a database error
            pairs: list[tuple[str, Any, Any]] = [("query", k, v) for k, v in request.args.items(multi=True)]
            pairs += [("path", k, v) for k, v in (request.view_args or {}).items()]
            if request.endpoint != "submit":  # the statement form answers in the form, text kept
                pairs += [("form", k, v) for k, v in request.form.items(multi=True)]
            for where, k, v in pairs:
                reject_control(f"{where}:{k}"[:60], k)
                reject_control(f"{where}:{k}"[:60], v)
        except RequestError as exc:
            return _error(400, exc.bare_message)
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
                         allow_eval=bool(g.get("allow_eval")), origins=origins)
        return resp

    @app.errorhandler(GdiError)
    def _gdi(exc: GdiError):
        # logged in but not allowed: 403 (the shared table knows only AuthError, which is 401)
        return _error(403 if isinstance(exc, ForbiddenError) else http_status(exc), exc.bare_message)

    @app.errorhandler(413)
    def _too_big(_exc):
        return _error(413, f"Die Anfrage ist zu groß. Anhänge: höchstens {cfg.max_attachments} Dateien "
                           f"zu je höchstens {cfg.max_upload_mb} MB.")

    @app.errorhandler(404)
    def _nf(_exc):
        return _error(404, "Seite nicht gefunden.")

    def _error(status: int, message: str):
        if _wants_json():
            return jsonify({"error": message}), status
        return render_template("error.html", status=status, message=message, **_ctx()), status

    def _wants_json() -> bool:
        if request.path == "/kiosk/anmelden":
            return False
        return request.path.startswith(("/api/", "/kiosk/")) or request.accept_mimetypes.best == "application/json"

    def _ctx() -> dict[str, Any]:
        return {"base": request.script_root, "csrf": g.get("csrf", ""), "staff": g.get("staff"),
                "period_label": PERIOD_LABEL, "moderation_label": MODERATION_LABEL, "channel_label": CHANNEL_LABEL,
                "location_label": LOCATION_LABEL, "role_label": ROLE_LABEL, "cfg": cfg, "op": cfg.operator,
                "public_base": settings.service.public_url.rstrip("/") + request.script_root, "basemap": basemap}

    def _client() -> str:
        return request.remote_addr or "?"

    plans: dict[str, tuple[tuple[int, int], dict[str, Any]]] = {}

    def _terrain_url() -> str:
        """The DGM terrain of the 3D screen (``/terrain/``), "" without one (then the ellipsoid)."""
        if not (settings.var_dir / "terrain" / "layer.json").exists():
            return ""
        root = request.script_root
        return (root[: -len("/beteiligung")] if root.endswith("/beteiligung") else "") + "/terrain/"

    def _plan(plan_id: str | None) -> dict[str, Any] | None:
        """The plan summary (``var/plans/<id>.json``, written by the post-publish step), parsed once per
        version of the file (modification time and size; a new publication replaces the file) instead of
        on every page and receipt. Callers only read it."""
        if not plan_id:
            return None
        p = plans_dir / f"{plan_id}.json"
        try:
            st = p.stat()
        except FileNotFoundError:
            return None
        version = (st.st_mtime_ns, st.st_size)
        hit = plans.get(plan_id)
        if hit is None or hit[0] != version:
            hit = plans[plan_id] = (version, json.loads(p.read_text(encoding="utf-8")))
        return hit[1]

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
        try:
            if len(files) > cfg.max_attachments:
                raise RequestError(f"Höchstens {cfg.max_attachments} Anhänge.", field="attachments")
            receipt = part.submit(pid, f.get("text", ""), geometry=f.get("geometry") or None,
                                  location_kind=f.get("location_kind") or None, name=f.get("name", ""),
                                  email=f.get("email", ""), consent=f.get("consent") == "yes", channel="web",
                                  files=files, procedure=proc)  # read above: not read again
        except RequestError as exc:
            return render_template("procedure.html", p=proc, plan=_plan(proc["plan_id"]), form=f,
                                   errors=[exc.bare_message], statements=part.public_statements(pid), **_ctx()), 400
        return render_template("receipt.html", r=RC.view(receipt, cfg.timezone, _plan(proc["plan_id"])), p=proc,
                               **_ctx())

    @app.get("/datenschutz")
    def privacy():
        return render_template("privacy.html", **_ctx())

    @app.get("/barrierefreiheit")
    def accessibility():
        return render_template("accessibility.html", **_ctx())

    @app.get("/impressum")
    def imprint():
        return render_template("imprint.html", **_ctx())

    @app.route("/pruefen", methods=["GET", "POST"])
    def verify():
        """Receipt check: number and hash (POST, so the hash lands in no access log or history)."""
        if request.method == "GET":
            return render_template("verify.html", result=None, asked=False, form={}, **_ctx())
        f = request.form
        result = RC.check(part, f.get("nummer", ""), f.get("pruefsumme", ""))
        return render_template("verify.html", result=result, asked=True, form=f, **_ctx()), (200 if result else 404)

    # -- kiosk --------------------------------------------------------------------------------
    @app.get("/kiosk")
    def kiosk():
        procs = [p for p in part.procedures() if p["accepting"] != "not_yet"]
        pid = request.args.get("verfahren") or (procs[0]["id"] if procs else None)
        if not pid:
            return _error(404, "Zurzeit läuft keine Beteiligung.")
        proc = part.procedure(pid)
        kid = D.kiosk_for(part, request.cookies.get(KIOSK_COOKIE))
        if kid is None:
            return _error(403, "Dieses Gerät ist nicht als Beteiligungs-Bildschirm angemeldet. "
                               "Die Stadtplanung richtet Bildschirme im Mitarbeiterbereich ein.")
        g.new_sid = new_sid()  # every kiosk start is a fresh session: nothing carries over
        g.sid, g.csrf = g.new_sid, csrf_token(secret, g.new_sid)
        g.allow_eval = True  # CesiumJS (3D view); still no inline scripts
        idle_s, warn_s = cfg.kiosk_idle
        return render_template("kiosk.html", p=proc, plan=_plan(proc["plan_id"]), kiosk_id=kid, kiosk=True,
                               idle_s=idle_s, warn_s=warn_s, cesium_base=f"{request.script_root}/vendor/cesium/",
                               terrain_url=_terrain_url(), **_ctx())

    @app.post("/kiosk/stellungnahme")
    def kiosk_submit():
        kid = D.kiosk_for(part, request.cookies.get(KIOSK_COOKIE))
        if kid is None:
            return _error(403, "Dieses Gerät ist nicht als Beteiligungs-Bildschirm angemeldet.")
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            return _error(400, "Die Anfrage muss ein JSON-Objekt sein (Felder procedure, text, consent).")
        for key, kinds in (("procedure", (str,)), ("text", (str,)), ("location_kind", (str, type(None))),
                           ("geometry", (dict, str, type(None))), ("consent", (bool, type(None)))):
            if not isinstance(data.get(key), kinds):
                return _error(400, f"Feld „{key}“: Wert {json.dumps(data.get(key))[:60]} hat den falschen Typ.")
        if data.get("website"):
            return _error(400, "Die Stellungnahme konnte nicht angenommen werden.")
        if not kiosk_limit.allow("kiosk:" + kid) or not kiosk_ip_limit.allow("kiosk-ip:" + _client()):
            return _error(429, "Zu viele Stellungnahmen an diesem Gerät. Bitte später erneut versuchen.")
        receipt = part.submit(data["procedure"], data["text"], geometry=data.get("geometry"),
                              location_kind=data.get("location_kind"), consent=data.get("consent") is True,
                              channel="kiosk", kiosk_id=kid)
        shown = RC.view(receipt, cfg.timezone, _plan(receipt["plan_id"]))
        return jsonify({k: shown[k] for k in ("number", "received_at", "received_local", "content_hash", "late",
                                               "period", "procedure", "summary", "summary_shortened", "location")}), 201

    @app.route("/kiosk/anmelden", methods=["GET", "POST"])
    def kiosk_enroll():
        """Opened on the touchscreen: the one-time code from the staff area becomes the device credential."""
        code = request.values.get("code", "")
        if request.method == "GET":
            return render_template("kiosk_enroll.html", code=code, **_ctx())
        kid, token = D.enroll_kiosk(part, code)
        resp = redirect(f"{request.script_root}/kiosk", code=303)
        resp.set_cookie(KIOSK_COOKIE, token, httponly=True, samesite="Strict", path=request.script_root or "/",
                        secure=request.is_secure, max_age=3 * 365 * 86400)
        LOGGER.info("kiosk %s enrolled from %s", kid, _client())
        return resp

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

    staff.register(app, staff.Web(settings=settings, cfg=cfg, part=part, secret=secret, error=_error, ctx=_ctx,
                                  client=_client))
    return app
