"""Serving from the tile cache: WMS GetMap for any box (through the /wms app) and WMTS at ``/wmts``.

Each web worker loads MapProxy's WSGI app for the configuration that ``current.json`` names (re-read when
the file changes). The cache is used only while its publication state is the current one
(:func:`services.wms.mapfile.publication_state`, a few readlinks); in the moment between a new publication
and the end of its seeding, GetMap and WMTS tiles are rendered by MapScript instead, so every answer shows
exactly the current publications.

``/wmts``: capabilities at ``/wmts/1.0.0/WMTSCapabilities.xml`` (RESTful) and
``/wmts?SERVICE=WMTS&REQUEST=GetCapabilities`` (KVP); tiles at
``/wmts/{layer}/DE_EPSG_25832_ADV/{level}/{col}/{row}.png`` or KVP GetTile.
"""
from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from core.config import Settings

from . import grid
from .build import pointer_path, read_pointer

LOGGER = logging.getLogger(__name__)
# the GetMap parameters the cache answers exactly like the renderer; any other (SLD, BGCOLOR, vendor
# parameters, DPI) goes to MapServer
CACHEABLE_KEYS = {"SERVICE", "VERSION", "REQUEST", "LAYERS", "STYLES", "CRS", "SRS", "BBOX", "WIDTH", "HEIGHT",
                  "FORMAT", "TRANSPARENT", "EXCEPTIONS"}
DEFAULT_STYLES = {"", "default", "inspire_common:default"}
_REST_TILE = re.compile(r"^/(?P<layer>[^/]+)/(?P<tms>[^/]+)/(?P<z>\d{1,2})/(?P<x>\d{1,7})/(?P<y>\d{1,7})\.png$")


def _start(start_response: Callable[..., Any], status: str, ctype: str, body: bytes,
           *extra: tuple[str, str]) -> list[bytes]:
    start_response(status, [("Content-Type", ctype), ("Content-Length", str(len(body))),
                             ("Access-Control-Allow-Origin", "*"), *extra])
    return [body]


class TileCache:
    """The current tile cache of this process (shared by the /wms app and the /wmts app)."""

    def __init__(self, settings: Settings, wms: Any = None):
        self.settings = settings
        self.wms = wms
        self._lock = threading.Lock()
        self._loaded: tuple[int, dict[str, Any], Any] | None = None

    def current(self) -> tuple[dict[str, Any], Any] | None:
        """(pointer, MapProxy app) when a cache exists and holds exactly the current publications."""
        if not self.settings.tile_cache.enabled:
            return None
        try:
            mtime = pointer_path(self.settings).stat().st_mtime_ns
        except FileNotFoundError:
            return None
        loaded = self._loaded
        if loaded is None or loaded[0] != mtime:
            with self._lock:
                loaded = self._loaded
                if loaded is None or loaded[0] != mtime:
                    loaded = self._load(mtime)
                    if loaded is None:
                        return None
                    self._loaded = loaded
        from services.wms.mapfile import publication_state
        if publication_state(self.settings) != loaded[1]["state"]:
            return None
        return loaded[1], loaded[2]

    def _load(self, mtime: int) -> tuple[int, dict[str, Any], Any] | None:
        from mapproxy.wsgiapp import make_wsgi_app

        from . import source
        ptr = read_pointer(self.settings)
        if not ptr:
            return None
        source.register()
        source.add_renderer("public", self.settings, ptr["state"], wms=self.wms)
        try:
            app = make_wsgi_app(ptr["config"], ignore_config_warnings=True, reloader=False)
        except Exception:
            LOGGER.exception("tile cache: cannot load %s; rendering every request", ptr.get("config"))
            return None
        LOGGER.info("tile cache loaded: %s (%d layers)", ptr["config"], len(ptr.get("layers", {})))
        return mtime, ptr, app

    # ------------------------------------------------------------------ WMS GetMap through the cache

    def getmap(self, params: dict[str, str]) -> tuple[int, list[tuple[str, str]], bytes] | None:
        """Answer a public GetMap (``params`` with upper-case keys) from the cache; None: render it."""
        if params.get("REQUEST", "").lower() != "getmap" or not set(params) <= CACHEABLE_KEYS:
            return None
        if params.get("FORMAT", "").lower() != "image/png" or params.get("EXCEPTIONS", "XML").upper() not in (
                "XML", "XML_INIMAGE", "APPLICATION/VND.OGC.SE_XML"):
            return None
        layers = [n for n in params.get("LAYERS", "").split(",") if n]
        styles = params.get("STYLES", "").split(",")
        if not layers or any(s.lower() not in DEFAULT_STYLES for s in styles):
            return None
        cur = self.current()
        if cur is None:
            return None
        ptr, app = cur
        if ptr.get("root") in layers:  # the root layer: every public layer, in the map's drawing order
            layers = [m for n in layers for m in (ptr.get("order", []) if n == ptr["root"] else [n])]
        if any(n not in ptr["layers"] for n in layers):
            return None
        level = request_level(params)
        if level is None:
            return None
        cost = sum(float(ptr["layers"][n].get("costs", {}).get(str(level), 0.0)) for n in layers)
        if cost < self.settings.tile_cache.use_above_ms:
            return None  # rendering these layers at this scale is cheaper than composing tiles
        query = {k: v for k, v in params.items() if k not in ("STYLES", "LAYERS")}
        query["LAYERS"] = ",".join(layers)
        query["STYLES"] = ",".join("" for _ in layers)
        status, headers, body = _call(app, "/service", urlencode(query), self.settings)
        ctype = {k.lower(): v for k, v in headers}.get("content-type", "")
        if status != 200 or not ctype.startswith("image/png"):
            LOGGER.info("tile cache could not answer (%s %s); rendering: %s", status, ctype, body[:200])
            return None
        return 200, [("Content-Type", "image/png"), ("X-GDI-Tile-Cache", "hit")], body


_TRANSFORMERS: dict[str, Any] = {}


def request_level(params: dict[str, str]) -> int | None:
    """The level of the scale set nearest to a GetMap's resolution (None: not a box MapProxy would draw)."""
    crs = (params.get("CRS") or params.get("SRS") or "").upper()
    try:
        a, b, c, d = (float(v) for v in params["BBOX"].split(","))
        width = int(params["WIDTH"])
    except (KeyError, ValueError):
        return None
    if width <= 0:
        return None
    if crs in ("EPSG:4326", "EPSG:4258") and params.get("VERSION", "1.3.0") == "1.3.0":
        a, b, c, d = b, a, d, c  # latitude first
    if crs in ("EPSG:4326", "EPSG:4258", "CRS:84"):
        import math
        metres = (c - a) * 111_320.0 * math.cos(math.radians((b + d) / 2))
    elif crs == "EPSG:3857":
        import math
        lat = math.degrees(math.atan(math.sinh(((b + d) / 2) / 6_378_137.0)))
        metres = (c - a) * math.cos(math.radians(lat))
    else:
        metres = c - a
    return grid.level_of(abs(metres) / width)


def _call(app: Any, path: str, query: str, settings: Settings,
          environ: dict[str, Any] | None = None) -> tuple[int, list[tuple[str, str]], bytes]:
    """Run MapProxy's WSGI app for one request, as if it were mounted at the public URL's root."""
    import io
    pub = urlsplit(settings.service.public_url)
    env = {"REQUEST_METHOD": "GET", "SCRIPT_NAME": pub.path.rstrip("/"), "PATH_INFO": path,
           "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1", "SERVER_PORT": str(settings.service.port),
           "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": pub.scheme or "http", "wsgi.input": io.BytesIO(),
           "wsgi.errors": io.StringIO(), "HTTP_X_FORWARDED_HOST": pub.netloc,
           "HTTP_X_FORWARDED_PROTO": pub.scheme or "http"}
    if environ:
        env.update({k: v for k, v in environ.items() if k in ("HTTP_ACCEPT", "HTTP_IF_NONE_MATCH",
                                                               "HTTP_IF_MODIFIED_SINCE")})
    out: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        out["status"], out["headers"] = status, headers

    result = app(env, start_response)
    try:
        body = b"".join(result)
    finally:
        close = getattr(result, "close", None)
        if close:
            close()
    return int(out["status"].split()[0]), list(out["headers"]), body


class WmtsApp:
    """``/wmts``: the cache's WMTS (MapProxy), tiles rendered directly while the cache is being updated."""

    def __init__(self, settings: Settings, cache: TileCache):
        self.settings = settings
        self.cache = cache

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
            return _start(start_response, "405 Method Not Allowed", "text/plain", b"GET only\n", ("Allow", "GET"))
        path = environ.get("PATH_INFO", "") or "/"
        query = environ.get("QUERY_STRING", "")
        params = {k.upper(): v for k, v in parse_qsl(query, keep_blank_values=True)}
        if path == "/":
            if params.get("SERVICE", "").upper() != "WMTS":
                return _start(start_response, "400 Bad Request", "text/plain; charset=utf-8",
                              b"WMTS: /wmts/1.0.0/WMTSCapabilities.xml or /wmts?SERVICE=WMTS&REQUEST=GetCapabilities\n")
            target = "/service"
        else:
            target = "/wmts" + path
        cur = self.cache.current()
        if cur is None:
            return self._uncached(environ, start_response, path, params)
        status, headers, body = _call(cur[1], target, query, self.settings, environ)
        if target == "/service" and body[:200].lstrip().startswith(b"<?xml") and b"Capabilities" in body[:400]:
            base = self.settings.service.public_url.rstrip("/")
            body = body.replace(f"{base}/service?".encode(), f"{base}/wmts?".encode())
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        start_response(f"{status} {'OK' if status == 200 else 'Error'}",
                       [*headers, ("Content-Length", str(len(body))), ("Access-Control-Allow-Origin", "*")])
        return [b"" if environ.get("REQUEST_METHOD") == "HEAD" else body]

    def _uncached(self, environ: dict[str, Any], start_response: Callable[..., Any], path: str,
                  params: dict[str, str]) -> list[bytes]:
        """No cache of the current publications (yet): a tile is rendered from the current data; the
        capabilities wait for the cache (a client retries)."""
        tile = None
        m = _REST_TILE.match(path)
        if m and m["tms"] == grid.NAME:
            tile = (m["layer"], int(m["z"]), int(m["x"]), int(m["y"]))
        elif params.get("REQUEST", "").lower() == "gettile" and params.get("TILEMATRIXSET") == grid.NAME:
            try:
                tile = (params["LAYER"], int(params["TILEMATRIX"]), int(params["TILECOL"]), int(params["TILEROW"]))
            except (KeyError, ValueError):
                tile = None
        if tile is None or self.cache.wms is None or not 0 <= tile[1] < grid.LEVELS:
            return _start(start_response, "503 Service Unavailable", "text/plain; charset=utf-8",
                          b"the tile cache is being updated after a publication; try again shortly\n",
                          ("Retry-After", "30"))
        name, z, x, y = tile
        span = grid.TILE * grid.RESOLUTIONS[z]
        bbox = (grid.ORIGIN[0] + x * span, grid.ORIGIN[1] - (y + 1) * span,
                grid.ORIGIN[0] + (x + 1) * span, grid.ORIGIN[1] - y * span)
        q = urlencode({"SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": name, "STYLES": "",
                       "CRS": grid.SRS, "BBOX": ",".join(f"{v:.6f}" for v in bbox), "WIDTH": grid.TILE,
                       "HEIGHT": grid.TILE, "FORMAT": "image/png", "TRANSPARENT": "TRUE"})
        status, _headers, body = self.cache.wms.dispatch(q, staff=False)
        if status != 200:
            return _start(start_response, "404 Not Found" if status == 400 else "503 Service Unavailable",
                          "text/xml; charset=UTF-8", body)
        return _start(start_response, "200 OK", "image/png", body, ("Cache-Control", "no-store"))


def create(settings: Settings) -> WmtsApp:
    from services.wms.app import shared_app
    wms = shared_app(settings)
    return WmtsApp(settings, wms.tile_cache)
