"""The one web app on one port: a thin Flask root plus the mounted parts (see ``mounts.py``)."""
from __future__ import annotations

import html
import logging

from flask import Flask, Response, jsonify
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from core.config import Settings, load_settings
from core.plugins import require

from .mounts import MOUNTS

LOGGER = logging.getLogger(__name__)


_SERVICES = [
    ("/viewer/", "3D-Stadtmodell", "3D city model viewer"),
    ("/beteiligung/", "Online-Beteiligung Bauleitplanung", "participation in land-use planning"),
    ("/ogc/", "Downloaddienst OGC API – Features (INSPIRE)", "INSPIRE download service"),
    ("/wms?SERVICE=WMS&REQUEST=GetCapabilities", "Darstellungsdienst WMS 1.3.0 (INSPIRE)", "INSPIRE view service"),
    ("/csw?SERVICE=CSW&REQUEST=GetCapabilities", "Suchdienst CSW 2.0.2 (Metadaten)", "discovery service"),
    ("/download/", "Vordefinierte Datensätze (Atom-Feed)", "predefined datasets"),
    ("/download/qgis/hildesheim.qgz", "QGIS-Projekt für die Planung (alle öffentlichen Datensätze)", "QGIS project"),
    ("/3dtiles/index.json", "3D Tiles des Stadtmodells", "3D Tiles"),
]
_INDEX = """<!doctype html><html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>GDI Hildesheim</title>
<style>body{{font-family:sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}}
a{{color:#00457d}}a:focus{{outline:3px solid #ffbf47}}li{{margin:.4rem 0}}span{{color:#444}}</style></head>
<body><header><h1>Geodateninfrastruktur der Stadt Hildesheim</h1></header><main>
<p>Offene Geodaten der Stadt nach INSPIRE, das 3D-Stadtmodell und die Online-Beteiligung an Bauleitplänen.</p>
<ul>{rows}</ul></main></body></html>"""


def create_root(settings: Settings) -> Flask:
    app = Flask("gdi")

    @app.get("/health")
    def health():
        """Per dataset ok / registry invalid / publication damaged / not published (``services/health.py``):
        200 ok or degraded, 503 down; restricted datasets only for staff."""
        from flask import request

        from .auth import is_staff
        from .health import health as health_doc
        body, code = health_doc(settings, staff=is_staff(request.environ, settings), mounts=sorted(MOUNTS))
        resp = jsonify(body)
        resp.status_code = code
        resp.headers["Cache-Control"] = "no-store"
        resp.headers["Vary"] = "Authorization"
        return resp

    @app.get("/")
    def index():
        rows = "".join(
            f'<li><a href="{html.escape(path)}">{html.escape(de)}</a> <span lang="en">({html.escape(en)})</span></li>'
            for path, de, en in _SERVICES if "/" + path.split("?")[0].strip("/").split("/")[0] in mounted_prefixes())
        return Response(_INDEX.format(rows=rows), mimetype="text/html")

    def mounted_prefixes():
        return set(app.config.get("GDI_MOUNTED", ()))

    return app


def create_app(settings: Settings | None = None):
    settings = settings or load_settings()
    root = create_root(settings)
    mounted = {}
    for prefix, path in MOUNTS.items():
        factory = require(path, what=f"mount {prefix}")
        mounted[prefix] = factory(settings)
    root.config["GDI_MOUNTED"] = tuple(mounted)
    from .edge import EdgeMiddleware  # client address behind proxies, security headers, private staff responses
    from .metrics import MetricsMiddleware, metrics_app  # /metrics, request ids, JSON access log
    mounted["/metrics"] = metrics_app(settings)
    root.wsgi_app = EdgeMiddleware(  # type: ignore[method-assign]  # Flask docs pattern
        MetricsMiddleware(DispatcherMiddleware(root.wsgi_app, mounted), settings, mounted), settings)
    return root


def wsgi():
    """Entry point for gunicorn (``services.app:wsgi()``)."""
    return create_app()
