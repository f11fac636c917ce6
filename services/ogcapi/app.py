"""pygeoapi mounted at /ogc: two instances (public and staff configuration) behind a small WSGI
dispatcher that picks one by ``services.auth.is_staff``.

Each instance is a ``pygeoapi.api.API`` built from its generated configuration dict, served by a Flask
app of our own whose routes are those of ``pygeoapi.flask_app`` (0.21) calling the same API functions
(``get_collection_items(api, request, collection)`` …) with that instance's API object. Nothing is
re-imported and no environment variable is set (``pygeoapi.flask_app`` reads ``PYGEOAPI_CONFIG`` into
module globals at import time, one configuration per process). The few changes to pygeoapi's code
that have no extension point live in ``patches.py``.

The public instance does not know restricted collections at all (not in /collections, OpenAPI,
queryables; 404 everywhere). A request with a wrong credential gets 401.

The dispatcher also validates query parameters first (400 with an OGC exception naming parameter and
value, instead of pygeoapi's generic messages or 500s), hands the raw parameters to our provider
(exact bbox-crs/filter-crs handling), adds the INSPIRE links on /collections, and turns any
unexpected exception into an OGC exception body.
"""
from __future__ import annotations

import json
import logging
import math
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from core.config import PROJECT_ROOT, Settings

from .config import CRS_LIST, config_paths, licence_url, write_config
from .cql import FilterError, parse_filter
from .instance import Pygeoapi, load_pygeoapi
from .provider_common import PublicationUnavailable

LOGGER = logging.getLogger(__name__)
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"


def ogc_error(start_response, status: int, code: str, description: str, extra_headers=()) -> list[bytes]:
    body = json.dumps({"code": code, "type": code, "description": description}, ensure_ascii=False).encode()
    reason = {400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 500: "Internal Server Error",
              503: "Service Unavailable"}
    start_response(f"{status} {reason.get(status, 'Error')}", [
        ("Content-Type", "application/json; charset=UTF-8"), ("Content-Length", str(len(body))),
        *extra_headers])
    return [body]


class _Instance:
    """One pygeoapi configuration, reloaded when its generated file changes (new dataset published)."""

    def __init__(self, kind: str, settings: Settings):
        self.kind, self.settings = kind, settings
        self.mtime: float | None = None
        self.pga: Pygeoapi | None = None
        self.lock = threading.Lock()
        self.fields: dict[str, dict] = {}

    def get(self) -> Pygeoapi:
        paths = config_paths(self.settings)
        cfg, oas = paths[self.kind], paths[f"{self.kind}_openapi"]
        try:
            mtime = cfg.stat().st_mtime
        except FileNotFoundError:
            write_config(self.settings)
            mtime = cfg.stat().st_mtime
        if mtime != self.mtime or self.pga is None:
            with self.lock:
                if mtime != self.mtime or self.pga is None:
                    self.pga = load_pygeoapi(str(cfg), str(oas), f"{self.kind}_{int(mtime * 1000)}")
                    self.fields = {}
                    self.mtime = mtime
        return self.pga

    def collection_fields(self, coll: str) -> dict[str, dict] | None:
        if coll not in self.fields:
            res = self.get().config["resources"].get(coll)
            if res is None:
                return None
            from pygeoapi.plugin import load_plugin
            try:
                p = load_plugin("provider", res["providers"][0])
                self.fields[coll] = dict(p.get_fields())
            except Exception as exc:  # noqa: BLE001 - a provider that does not load: no parameter check
                LOGGER.warning("cannot load provider of %s: %s", coll, exc)
                return None
        return self.fields[coll]


class Dispatcher:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.public = _Instance("public", settings)
        self.staff = _Instance("staff", settings)

    def __call__(self, environ: dict, start_response: Callable) -> Any:
        from services.auth import is_staff

        from .provider import REQUEST_PARAMS
        try:
            if environ.get("HTTP_AUTHORIZATION"):
                if not is_staff(environ, self.settings):
                    return ogc_error(start_response, 401, "NotAuthorized", "invalid credentials",
                                     [("WWW-Authenticate", 'Basic realm="GDI Hildesheim"')])
                inst = self.staff
            elif is_staff(environ, self.settings):  # trusted proxy header
                inst = self.staff
            else:
                inst = self.public
            pga = inst.get()
            path = environ.get("PATH_INFO", "") or "/"
            params = dict(parse_qsl(environ.get("QUERY_STRING", ""), keep_blank_values=True))
            err = self.validate(inst, path, params, environ)
            if err:
                return ogc_error(start_response, 400, "InvalidParameterValue", err)
            REQUEST_PARAMS.set(params)
            if path.startswith("/vendor/"):
                return _vendor(path[len("/vendor/"):], environ, start_response)
            if path.rstrip("/") in ("/collections", "") and _wants_json(environ, params):
                return self._with_service_links(pga.app, environ, start_response, path)
            if not _wants_json(environ, params) and params.get("f") in (None, "html"):
                return _offline_html(pga.app, environ, start_response)
            return pga.app(environ, _geojson_items(path, start_response))
        except PublicationUnavailable as exc:  # a damaged publication where pygeoapi does not map it: 503
            return ogc_error(start_response, 503, "NoApplicableCode", exc.message)
        except Exception as exc:
            LOGGER.exception("OGC API request failed: %s", environ.get("PATH_INFO"))
            return ogc_error(start_response, 500, "NoApplicableCode", f"internal error: {type(exc).__name__}")

    # ---------------------------------------------------------------- validation
    def validate(self, inst: _Instance, path: str, params: dict[str, str], environ: dict) -> str | None:
        parts = [p for p in path.split("/") if p]
        if len(parts) < 3 or parts[0] != "collections" or parts[2] != "items":
            return None
        fields = inst.collection_fields(parts[1])
        if fields is None:
            return None  # pygeoapi answers 404
        if environ.get("REQUEST_METHOD") == "POST" and len(parts) == 3:
            err = self._check_post_body(environ)
            if err:
                return err
        v = params.get
        for name in ("limit", "offset"):
            if (raw := v(name)) is not None:
                try:
                    n = int(raw)
                except ValueError:
                    return f"parameter '{name}': value '{v(name)}' is not an integer"
                if n < (1 if name == "limit" else 0):
                    return f"parameter '{name}': value '{v(name)}' is out of range"
        if (bbox := v("bbox")) is not None:
            try:
                nums = [float(x) for x in bbox.split(",")]
            except ValueError:
                return f"parameter 'bbox': value '{v('bbox')}' must be 4 or 6 comma-separated numbers"
            if len(nums) not in (4, 6):
                return f"parameter 'bbox': value '{v('bbox')}' must be 4 or 6 comma-separated numbers"
            half = len(nums) // 2
            if any(nums[i] > nums[i + half] for i in range(1, half)):
                return f"parameter 'bbox': value '{v('bbox')}': lower corner above upper corner"
            if not all(math.isfinite(x) for x in nums):
                return f"parameter 'bbox': value '{v('bbox')}' must be finite numbers"
        for name in ("crs", "bbox-crs", "filter-crs"):
            if v(name) is not None and v(name) not in CRS_LIST:
                return f"parameter '{name}': value '{v(name)}' is not supported (use one of {', '.join(CRS_LIST)})"
        if v("bbox-crs") is not None and v("bbox") is None:
            return f"parameter 'bbox-crs': value '{v('bbox-crs')}' given without bbox"
        lang = v("filter-lang")
        if lang is not None and lang not in ("cql2-text", "cql2-json", "cql-text", "cql-json"):
            return f"parameter 'filter-lang': value '{lang}' is not supported (cql2-text, cql2-json)"
        if (text := v("filter")) is not None:
            try:
                parse_filter(text, lang)
            except FilterError as exc:
                return f"parameter 'filter': value '{v('filter')}': {exc.bare_message}"
            if lang in ("cql2-text", "cql2-json"):  # pygeoapi 0.21 knows only the old names
                params["filter-lang"] = lang.replace("cql2", "cql")
                environ["QUERY_STRING"] = urlencode(params)
                params["filter-lang"] = lang
        if v("resulttype") not in (None, "results", "hits"):
            return f"parameter 'resulttype': value '{v('resulttype')}' must be 'results' or 'hits'"
        if v("skipGeometry") not in (None, "true", "false"):
            return f"parameter 'skipGeometry': value '{v('skipGeometry')}' must be 'true' or 'false'"
        if (sortby := v("sortby")) is not None:
            for s in sortby.split(","):
                prop = s.strip()
                prop = prop[1:] if prop[:1] in "+-" else prop
                if not prop or prop not in fields:
                    return f"parameter 'sortby': value '{s}' is not a queryable property"
        if (props := v("properties")) is not None:
            for p in props.split(","):
                if p and p not in fields:
                    return f"parameter 'properties': value '{p}' is not a property of this collection"
        for k, val in params.items():
            if k in fields and fields[k].get("type") in ("integer", "number"):
                try:
                    float(val)
                except ValueError:
                    return f"parameter '{k}': value '{val}' must be a {fields[k]['type']}"
        return None

    @staticmethod
    def _check_post_body(environ: dict) -> str | None:
        """POST .../items is a CQL2 JSON query (pygeoapi returns nothing, i.e. a 500, for a POST
        without Content-Type); transactions are not enabled."""
        import io
        ctype = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip()
        if not ctype:
            return "POST body: value '' (no Content-Type): send a CQL2 JSON filter as application/query-cql-json"
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        body = environ["wsgi.input"].read(min(length, 1_000_000)) if length > 0 else b""
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        if ctype == "application/geo+json":
            return None  # pygeoapi answers that the collection is not editable
        try:
            parse_filter(body.decode("utf-8"), "cql2-json")
        except (FilterError, UnicodeDecodeError) as exc:
            msg = exc.bare_message if isinstance(exc, FilterError) else "not UTF-8"
            return f"parameter 'filter' (POST body): value '{body[:200].decode('utf-8', 'replace')}': {msg}"
        return None

    # ---------------------------------------------------------------- /collections links
    def _with_service_links(self, app, environ, start_response, path):
        captured: dict[str, Any] = {}

        def sr(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        body = b"".join(app(environ, sr))
        status, headers = captured["status"], captured["headers"]
        ctype = next((v for k, v in headers if k.lower() == "content-type"), "")
        if status.startswith("200") and "json" in ctype:
            try:
                doc = json.loads(body)
                doc.setdefault("links", []).extend(self.service_links(doc))
                body = json.dumps(doc, ensure_ascii=False).encode()
            except ValueError:
                pass
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        headers.append(("Content-Length", str(len(body))))
        start_response(status, headers)
        return [body]

    def service_links(self, doc: dict) -> list[dict]:
        """describedby/license/enclosure links of the service as a whole (INSPIRE good practice)."""
        from core.config import load_registry
        from metadata.ids import get_record_by_id_url, service_record_id
        base = self.settings.service.public_url.rstrip("/")
        links = [{"rel": "describedby", "type": "application/xml", "title": "ISO 19139 service metadata (CSW)",
                  "href": get_record_by_id_url(base, service_record_id("ogcapi"))},
                 {"rel": "enclosure", "type": "application/atom+xml", "title": "INSPIRE download feed",
                  "href": f"{base}/download/feed.xml"}]
        if "collections" in doc:  # license and enclosures of the datasets listed here
            seen = set()
            reg = load_registry(self.settings.datasets_dir, check_plugins=False,
                                publish_dir=self.settings.publish_dir)
            for c in doc["collections"]:
                for link in c.get("links", []):
                    if link.get("rel") in ("enclosure", "license") and link["href"] not in seen:
                        seen.add(link["href"])
                        links.append(link)
            if not any(link["rel"] == "license" for link in links) and reg:
                ds = next(iter(reg.values()))
                links.append({"rel": "license", "type": "text/html", "href": licence_url(self.settings, ds)})
        return links


_STATIC = Path(__file__).parent / "static"
_LEAFLET = PROJECT_ROOT / "node_modules" / "leaflet" / "dist"
# CDN references in pygeoapi 0.21's templates -> files we serve ourselves (or nothing)
_CDN = [
    ('<link rel="stylesheet" href="https://unpkg.com/bootstrap@5.1.3/dist/css/bootstrap.min.css">',
     '<link rel="stylesheet" href="{v}/gdi.css">'),
    ('<script src="https://cdnjs.cloudflare.com/ajax/libs/html5shiv/3.7.3/html5shiv.js"></script>', ""),
    ("https://unpkg.com/leaflet@1.3.1/dist/", "{v}/leaflet/"),
    ('<link rel="stylesheet" href="https://unpkg.com/leaflet.markercluster/dist/MarkerCluster.css"/>', ""),
    ('<link rel="stylesheet" href="https://unpkg.com/leaflet.markercluster/dist/MarkerCluster.Default.css"/>', ""),
    ('<script src="https://unpkg.com/leaflet.markercluster/dist/leaflet.markercluster-src.js"></script>',
     '<script src="{v}/markercluster-shim.js"></script>'),
]


def _vendor(rel: str, environ: dict, start_response) -> list[bytes]:
    """Leaflet from node_modules (npm) and our small static files, so HTML pages load nothing external."""
    import mimetypes
    base, _, rest = rel.partition("/")
    root = _LEAFLET if base == "leaflet" else _STATIC
    name = rest if base == "leaflet" else rel
    path = (root / name).resolve()
    if root.resolve() not in path.parents or not path.is_file():
        return ogc_error(start_response, 404, "NotFound", f"no such file: {rel}")
    body = path.read_bytes()
    ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    start_response("200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body))),
                              ("Cache-Control", "public, max-age=86400")])
    return [] if environ.get("REQUEST_METHOD") == "HEAD" else [body]


def _offline_html(app, environ, start_response):
    captured: dict[str, Any] = {}

    def sr(status, headers, exc_info=None):
        captured["status"], captured["headers"] = status, headers
        return lambda data: None

    body = b"".join(app(environ, sr))
    headers = captured["headers"]
    ctype = next((v for k, v in headers if k.lower() == "content-type"), "")
    if "text/html" in ctype:
        v = environ.get("SCRIPT_NAME", "") + "/vendor"
        text = body.decode("utf-8")
        for old, new in _CDN:
            text = text.replace(old, new.format(v=v))
        # pygeoapi's _base.html asks its translations for "text_direction"; without a catalogue entry the
        # key itself lands in the page: every language served here is written left to right
        text = text.replace('dir="text_direction"', 'dir="ltr"')
        if "swagger-ui" in text:  # Swagger UI is not vendored: point to the JSON document instead
            text = ('<!doctype html><html><head><meta charset="utf-8"><title>OpenAPI</title></head><body>'
                    f'<p><a href="{environ.get("SCRIPT_NAME", "")}/openapi?f=json">OpenAPI 3.0 (JSON)</a></p>'
                    "</body></html>")
        body = text.encode("utf-8")
        headers = [(k, val) for k, val in headers if k.lower() != "content-length"]
        headers.append(("Content-Length", str(len(body))))
    start_response(captured["status"], headers)
    return [body]


def _geojson_items(path: str, start_response: Callable) -> Callable:
    """Features and a feature are GeoJSON: ``application/geo+json`` as their self links say (pygeoapi 0.21
    answers ``application/json``). Other answers pass unchanged."""
    parts = [p for p in path.split("/") if p]
    if not (len(parts) in (3, 4) and parts[0] == "collections" and parts[2] == "items"):
        return start_response

    def sr(status: str, headers: list, exc_info: Any = None) -> Any:
        if status.startswith("200"):
            headers = [(k, "application/geo+json" if k.lower() == "content-type" and v.split(";")[0].strip()
                        == "application/json" else v) for k, v in headers]
        return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)
    return sr


def _wants_json(environ: dict, params: dict[str, str]) -> bool:
    f = params.get("f")
    if f:
        return f == "json"
    return "text/html" not in environ.get("HTTP_ACCEPT", "")


def create(settings: Settings):
    paths = config_paths(settings)
    stale = any(not paths[k].exists() for k in ("public", "staff", "public_openapi", "staff_openapi"))
    if not stale:  # generated for another port/URL (e.g. `gdi ogc-config` run without GDI_PORT)?
        import yaml
        url = (yaml.safe_load(paths["public"].read_text()) or {}).get("server", {}).get("url", "")
        stale = url != settings.service.public_url.rstrip("/") + "/ogc"
    if stale:
        write_config(settings)
    disp = Dispatcher(settings)
    disp.public.get()
    disp.staff.get()
    return disp
