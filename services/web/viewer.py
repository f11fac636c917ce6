"""The citizen 3D viewer at ``/viewer`` (thin Flask adapter).

Serves the viewer page, its JS/CSS (no inline scripts, so a strict Content-Security-Policy holds),
the CesiumJS build from ``node_modules/cesium/Build/Cesium`` under a versioned, immutable URL, the
accessibility statement with a feedback form, and a place search over our own published data.
Nothing here talks to any other host; the page itself only requests URLs of this server.
"""
from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask, Response, jsonify, render_template, request

from core.config import PROJECT_ROOT, Settings
from core.errors import GdiError
from services.errors import RequestError, http_status

from .assets import YEAR, asset_version, send_static
from .i18n import texts
from .layer_titles import TilesetTitles
from .search import SearchIndex

LOGGER = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
CESIUM_BUILD = PROJECT_ROOT / "node_modules" / "cesium" / "Build" / "Cesium"
LANGS = ("de", "en")
MAX_FEEDBACK = 5000

CSP = ("default-src 'self'; script-src 'self' blob: 'unsafe-eval' 'wasm-unsafe-eval'; worker-src 'self' blob:; "
       "img-src 'self' data: blob:{extra}; style-src 'self' 'unsafe-inline'; connect-src 'self' data: blob:{extra}; "
       "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'")


def base_layers(settings) -> list[dict]:
    """The configured external base layers (``basemap.external``) as the pages' scripts read them."""
    return [b.client() for b in settings.basemap.external]


def cesium_version() -> str:
    try:
        pkg = json.loads((CESIUM_BUILD.parent.parent / "package.json").read_text())
        return str(pkg["version"])
    except (OSError, ValueError, KeyError):
        return "missing"


def home_view() -> dict[str, float]:
    """The city-wide start view (Hildesheim's extent) in lon/lat, used until the tileset says better."""
    from pyproj import Transformer

    from core.area import HILDESHEIM_BBOX_25832
    tr = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True)
    x0, y0, x1, y1 = HILDESHEIM_BBOX_25832
    (w, e), (s, n) = tr.transform([x0, x1], [y0, y1])
    return {"west": round(w, 6), "south": round(s, 6), "east": round(e, 6), "north": round(n, 6)}


def _lang() -> str:
    lang = request.args.get("lang", "")
    if lang in LANGS:
        return lang
    return "de"   # German is the service language; English only on request (?lang=en)


def create(settings: Settings) -> Flask:
    app = Flask(__name__, static_folder=None, template_folder=str(HERE / "templates"))
    index = SearchIndex(settings.publish_dir, settings.datasets_dir, settings.var_dir / "3dtiles" / "buildings")
    layer_titles = TilesetTitles(settings.var_dir / "3dtiles", settings.datasets_dir, settings.var_dir / "plans")
    feedback_lock = threading.Lock()
    feedback_file = settings.var_dir / "viewer" / "feedback.jsonl"
    cversion = cesium_version()
    home = home_view()
    # external base layers' hosts may serve images and (WMTS/WMS) be fetched by Cesium
    csp = CSP.format(extra="".join(" " + o for o in settings.basemap.origins()))

    def static_url(name: str) -> str:
        return f"{request.script_root}/static/{name}?v={asset_version(STATIC, name)}"

    def services_root() -> str:
        root = request.script_root
        return root[: -len("/viewer")] if root.endswith("/viewer") else ""

    @app.context_processor
    def _ctx():
        lang = _lang()
        return {"static_url": static_url, "base": request.script_root, "lang": lang, "t": texts(lang)}

    @app.after_request
    def _headers(resp: Response) -> Response:
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        if resp.mimetype == "text/html":
            resp.headers["Content-Security-Policy"] = csp
            resp.headers.setdefault("Cache-Control", "no-cache")
        return resp

    @app.errorhandler(GdiError)
    def _gdi_error(exc: GdiError):
        return jsonify({"error": str(exc)}), http_status(exc)

    @app.get("/")
    def page():
        root = services_root()
        terrain = f"{root}/terrain/" if (settings.var_dir / "terrain" / "layer.json").exists() else None
        config = {
            "lang": _lang(),
            "cesiumBase": f"{request.script_root}/cesium/{cversion}/",
            "tilesIndex": f"{root}/3dtiles/index.json",
            "buildings": f"{root}/3dtiles/buildings/tileset.json",
            # Cesium terrain of the DGM (quantized-mesh, built by ``gdi citymodel terrain``); None: the ellipsoid
            "terrain": terrain,
            "wms": f"{root}/wms",
            "basemap": f"{root}/basemap/{{z}}/{{x}}/{{y}}.png",
            "baseLayers": base_layers(settings),   # external WMTS/WMS/XYZ base layers with attribution
            "ogc": f"{root}/ogc",
            "search": f"{request.script_root}/api/search",
            "brdfLut": static_url("brdf_lut.rg8"),
            "statement": f"{request.script_root}/barrierefreiheit",
            "home": home,
            "texts": texts(_lang()),
            "tilesetTitles": layer_titles.get(_lang()),   # display names of /3dtiles/index.json's entries
        }
        return render_template("viewer.html", config=json.dumps(config), cesium_base=config["cesiumBase"],
                               preload=[config["buildings"], config["brdfLut"],
                                        *([terrain + "layer.json"] if terrain else [])])

    @app.get("/barrierefreiheit")
    def statement():
        return render_template("barrierefreiheit.html", sent=False, error=None)

    @app.post("/feedback")
    def feedback():
        message = (request.form.get("message") or "").strip()
        contact = (request.form.get("contact") or "").strip()[:200]
        if not message:
            return render_template("barrierefreiheit.html", sent=False, error="empty"), 400
        if len(message) > MAX_FEEDBACK:
            return render_template("barrierefreiheit.html", sent=False, error="long"), 400
        rec = {"received": datetime.now(UTC).isoformat(timespec="seconds"), "message": message,
               "contact": contact, "page": (request.form.get("page") or "")[:500], "lang": _lang()}
        with feedback_lock:
            feedback_file.parent.mkdir(parents=True, exist_ok=True)
            with feedback_file.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        LOGGER.info("accessibility feedback received (%d chars)", len(message))
        return render_template("barrierefreiheit.html", sent=True, error=None)

    @app.get("/api/search")
    def search():
        q = request.args.get("q", "")
        try:
            limit = int(request.args.get("limit", "10"))
        except ValueError:
            raise RequestError("limit must be an integer", field="limit", value=request.args.get("limit")) from None
        resp = jsonify({"query": q, "results": index.search(q, limit)})
        resp.headers["Cache-Control"] = "public, max-age=60"
        resp.headers["Access-Control-Allow-Origin"] = "*"
        return resp

    @app.route("/static/<path:name>", methods=["GET", "HEAD"])
    def static_file(name: str):
        versioned = bool(request.args.get("v")) and request.args["v"] == _safe_version(name)
        return send_static(STATIC, name, immutable=versioned)

    @app.route("/cesium/<version>/<path:name>", methods=["GET", "HEAD"])
    def cesium(version: str, name: str):
        if version != cversion:
            return Response("unknown Cesium version", status=404, mimetype="text/plain")
        return send_static(CESIUM_BUILD, name, immutable=True)

    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = YEAR
    return app


def _safe_version(name: str) -> str | None:
    try:
        return asset_version(STATIC, name)
    except OSError:
        return None
