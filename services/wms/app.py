"""WMS 1.3.0 at /wms: MapServer run in-process through MapScript (OWSRequest + msIO buffers).

Why in-process: the ``mapserv`` CGI forks a process and parses the mapfile on every request; MapScript
keeps the parsed map per thread (``threading.local``) and only clones it per request (OWSDispatch
changes the map it works on). A map is reloaded when its generated mapfile changes (mtime), so a new
publication is visible without a restart. Staff (``services.auth.is_staff``) get the staff mapfile,
which alone holds layers of restricted datasets.

Requests are checked before MapServer sees them (size, BBOX, SLD_BODY, SLD by reference), so abuse ends
in a ServiceException rather than in a long render or a fetch of a remote URL; everything MapServer
itself rejects (unknown layer, CRS, style) comes back as its own ServiceException.
"""
from __future__ import annotations

import json
import logging
import math
import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode
from xml.sax.saxutils import escape, quoteattr

import mapscript
from lxml import etree

from core import xmlguard
from core.config import Settings
from core.errors import SourceError
from services.errors import RequestError

from .mapfile import MAXSIZE, SRS, mapfile_paths, publication_state, write_mapfile

LOGGER = logging.getLogger(__name__)

MAX_SLD_BYTES = 64 * 1024
MAX_COORD = 1e8          # |coordinate| beyond this is no place on earth in any of our CRSs
MIN_SPAN = 1e-9          # a BBOX narrower than this is a degenerate request
_MS_SCHEMA = re.compile(rb" http://mapserver\.gis\.umn\.edu/mapserver http[^\"\s]+")
ALLOWED_CRS = {c.upper() for c in SRS.split()}
CORS = [("Access-Control-Allow-Origin", "*"),
        ("Access-Control-Allow-Headers", "Authorization, Content-Type"),
        ("Access-Control-Expose-Headers", "Content-Type")]


class WmsRequestError(RequestError):
    """A WMS request rejected before rendering; ``ogc_code`` is the WMS 1.3.0 exception code."""

    def __init__(self, message: str, *, code: str = "InvalidParameterValue", locator: str | None = None,
                 value: object = None):
        super().__init__(message, field=locator, value=value)
        self.ogc_code = code
        self.locator = locator


def service_exception(message: str, code: str = "NoApplicableCode", locator: str | None = None) -> bytes:
    loc = f" locator={quoteattr(locator)}" if locator else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/ogc '
        'http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd">\n'
        f'<ServiceException code={quoteattr(code)}{loc}>{escape(message)}</ServiceException>\n'
        "</ServiceExceptionReport>\n").encode()


def _float(params: dict[str, str], key: str) -> float:
    try:
        v = float(params[key])
    except ValueError:
        raise WmsRequestError(f"{key} must be a number", locator=key, value=params[key]) from None
    if not math.isfinite(v):
        raise WmsRequestError(f"{key} must be finite", locator=key, value=params[key])
    return v


def check_request(params: dict[str, str], maxsize: int = MAXSIZE) -> None:
    """Reject malformed or abusive parameters (keys upper-cased) before MapServer renders anything."""
    service = params.get("SERVICE", "WMS").upper()
    if service != "WMS":
        raise WmsRequestError("only SERVICE=WMS is offered here", locator="SERVICE", value=service)
    if "REQUEST" not in params:
        raise WmsRequestError("parameter REQUEST is missing", code="MissingParameterValue", locator="REQUEST")
    for key in ("WIDTH", "HEIGHT"):
        if key in params:
            try:
                n = int(params[key])
            except ValueError:
                raise WmsRequestError(f"{key} must be an integer", locator=key, value=params[key]) from None
            if not 1 <= n <= maxsize:
                raise WmsRequestError(f"{key} must be between 1 and {maxsize}", locator=key, value=n)
    if "BBOX" in params:
        parts = params["BBOX"].split(",")
        if len(parts) != 4:
            raise WmsRequestError("BBOX needs four comma-separated numbers", locator="BBOX",
                                  value=params["BBOX"])
        vals = [_float({"BBOX": p}, "BBOX") for p in parts]
        if any(abs(v) > MAX_COORD for v in vals):
            raise WmsRequestError("BBOX coordinates out of range", locator="BBOX", value=params["BBOX"])
        if not (vals[2] - vals[0] > MIN_SPAN and vals[3] - vals[1] > MIN_SPAN):
            raise WmsRequestError("BBOX minimum must be smaller than maximum", locator="BBOX",
                                  value=params["BBOX"])
    for key in ("I", "J", "X", "Y", "FEATURE_COUNT"):
        if key in params:
            try:
                int(params[key])
            except ValueError:
                raise WmsRequestError(f"{key} must be an integer", locator=key, value=params[key]) from None
    crs = params.get("CRS", params.get("SRS"))
    if crs is not None and params["REQUEST"].lower() in ("getmap", "getfeatureinfo", "map", "feature_info") \
            and crs.upper() not in ALLOWED_CRS:
        raise WmsRequestError(f"CRS not offered; use one of {SRS}", code="InvalidCRS", locator="CRS", value=crs)
    if "SLD" in params:
        raise WmsRequestError("SLD by reference is not supported; send SLD_BODY", code="OperationNotSupported",
                              locator="SLD")
    if "SLD_BODY" in params:
        body = params["SLD_BODY"].encode("utf-8")
        if len(body) > MAX_SLD_BYTES:
            raise WmsRequestError(f"SLD_BODY larger than {MAX_SLD_BYTES} bytes", locator="SLD_BODY")
        try:  # core's one hardened XML path: DOCTYPE/ENTITY anywhere in the prolog (any encoding) -> 400
            xmlguard.check_body(body, "SLD_BODY")
            root = etree.fromstring(body, xmlguard.parser())
        except SourceError as exc:
            raise WmsRequestError(f"SLD_BODY refused: {exc.bare_message}", locator="SLD_BODY") from None
        except etree.XMLSyntaxError as exc:
            raise WmsRequestError(f"SLD_BODY is not well-formed XML: {exc}", locator="SLD_BODY") from None
        if etree.QName(root).localname != "StyledLayerDescriptor":
            raise WmsRequestError("SLD_BODY must be a StyledLayerDescriptor", locator="SLD_BODY")


class _MapCache(threading.local):
    """Parsed maps of this thread, keyed by mapfile path, with the mtime they were read at."""

    def __init__(self) -> None:
        self.maps: dict[str, tuple[float, Any]] = {}


_REGEN_LOCK = threading.Lock()


class WmsApp:
    """The WSGI application behind /wms."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.paths = mapfile_paths(settings)
        if not all(self.paths[k].exists() for k in ("public", "staff", "state")):
            write_mapfile(settings)
        self._cache = _MapCache()
        self._store: Any = None
        from services.tilecache.app import TileCache
        self.tile_cache = TileCache(settings, wms=self)

    def _ensure_current(self) -> None:
        """Regenerate the mapfiles if a `current` symlink moved since they were written (an ETL run
        whose POST_PUBLISH hook did not reach us, or another process that published)."""
        try:
            recorded = json.loads(self.paths["state"].read_text())
        except (OSError, ValueError):
            recorded = None
        if recorded == publication_state(self.settings):
            return
        with _REGEN_LOCK:
            try:
                recorded = json.loads(self.paths["state"].read_text())
            except (OSError, ValueError):
                recorded = None
            if recorded != publication_state(self.settings):
                LOGGER.info("publications changed; regenerating the WMS mapfiles")
                try:
                    write_mapfile(self.settings)
                except Exception:  # a broken dataset.yml must not take the running service down
                    LOGGER.exception("could not regenerate the WMS mapfiles; serving the previous ones")

    def map_for(self, staff: bool) -> Any:
        """A fresh copy of the (cached) map for this request."""
        self._ensure_current()
        path = self.paths["staff" if staff else "public"]
        mtime = path.stat().st_mtime_ns
        hit = self._cache.maps.get(str(path))
        if hit is None or hit[0] != mtime:
            if hit is not None:
                mapscript.msConnPoolCloseUnreferenced()  # data sources of replaced publications
            hit = (mtime, mapscript.mapObj(str(path)))
            self._cache.maps[str(path)] = hit
            LOGGER.debug("loaded mapfile %s", path)
        return hit[1].clone()

    def damaged_layers(self, m: Any, names: list[str]) -> dict[str, str]:
        """``{dataset: reason}`` for the datasets of the named layers (or groups) whose publication is
        damaged (``Store.check``: cached per version, a few stat calls)."""
        from core.store import get_store
        if self._store is None:
            self._store = get_store(self.settings)
        wanted, found = set(names), set()
        for i in range(m.numlayers):
            lay = m.getLayer(i)
            if lay.name in wanted or (lay.group and lay.group in wanted):
                ds_id = lay.metadata.get("gdi_dataset")
                if ds_id:
                    found.add(ds_id)
        out = {}
        for ds_id in sorted(found):
            problem = self._store.check(ds_id)
            if problem:
                LOGGER.error("WMS layers of dataset %s not served: %s", ds_id, problem)
                out[ds_id] = problem
        return out

    def is_staff(self, environ: dict) -> bool:
        try:
            from services.auth import is_staff
        except ImportError:  # pragma: no cover - auth is part of the foundation
            return False
        return is_staff(environ, self.settings)

    def dispatch(self, query: str, staff: bool, cached: bool = True) -> tuple[int, list[tuple[str, str]], bytes]:
        """Run one WMS request; returns (status, headers, body). A public GetMap is answered from the tile
        cache when it holds the current publications (``services.tilecache``); ``cached=False``: render."""
        params = {k.upper(): v for k, v in parse_qsl(query, keep_blank_values=True)}
        try:
            check_request(params)
            m = self.map_for(staff)
        except WmsRequestError as exc:
            return 400, [("Content-Type", "text/xml; charset=UTF-8")], service_exception(
                exc.bare_message, exc.ogc_code, exc.locator)
        kind = params.get("REQUEST", "").lower()
        if kind in ("getmap", "getfeatureinfo", "getlegendgraphic"):
            names = [n for k in ("LAYERS", "QUERY_LAYERS", "LAYER") for n in params.get(k, "").split(",") if n]
            bad = self.damaged_layers(m, names)
            if bad:
                return 503, [("Content-Type", "text/xml; charset=UTF-8"), ("Retry-After", "300")], service_exception(
                    f"the current publication of dataset(s) {', '.join(sorted(bad))} is damaged and cannot be "
                    "drawn; these layers answer 503 until it is republished or switched back to the previous "
                    "version. Every other layer is served normally.", "NoApplicableCode", "LAYERS")
            if kind == "getmap" and cached and not staff:
                hit = self.tile_cache.getmap(params)
                if hit is not None:
                    return hit
        req = mapscript.OWSRequest()
        for k, v in parse_qsl(query, keep_blank_values=True):
            req.setParameter(k, v)
        mapscript.msIO_installStdoutToBuffer()
        try:
            try:
                m.OWSDispatch(req)
            except mapscript.MapServerError as exc:
                LOGGER.info("MapServer error: %s", exc)
            table = mapscript.msIO_getAndStripStdoutBufferMimeHeaders()
            headers = {k: table.get(k) for k in table.keys()} if table is not None else {}  # noqa: SIM118 (hashTableObj)
            body = mapscript.msIO_getStdoutBufferBytes()
        finally:
            mapscript.msIO_resetHandlers()
            mapscript.msResetErrorList()
        ctype = headers.pop("Content-Type", None) or "application/octet-stream"
        if ctype.split(";")[0].strip() in ("text/html", "text/plain") and "charset" not in ctype:
            ctype += "; charset=UTF-8"  # the templates are UTF-8; without it clients decode "StraÃŸen"
        out = [("Content-Type", ctype)] + [(k, v) for k, v in headers.items() if k.lower() != "status"]
        if not body and params["REQUEST"].lower() == "getfeatureinfo" and "json" in params.get("INFO_FORMAT", ""):
            # MapServer's OGR output writes nothing when no queried layer is visible at this scale
            return 200, [("Content-Type", "application/json")], b'{"type": "FeatureCollection", "features": []}'
        if not body:
            return 500, [("Content-Type", "text/xml; charset=UTF-8")], service_exception(
                "MapServer produced no response")
        status = 200
        if "xml" in ctype and b"ServiceExceptionReport" in body[:600]:
            status = 400
        elif params["REQUEST"].lower() == "getcapabilities":
            # MapServer declares its own extension schema (a GetSchemaExtension URL on this server) although
            # no ms: element is left (GetStyles is disabled); drop it so validators resolve only OGC/INSPIRE
            body = _MS_SCHEMA.sub(b"", body, count=1)
            body = group_metadata(body)
        return status, out, body

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if method == "OPTIONS":
            start_response("204 No Content", [*CORS, ("Access-Control-Allow-Methods", "GET, POST, OPTIONS")])
            return [b""]
        query = environ.get("QUERY_STRING", "")
        if method == "POST" and environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
            try:
                n = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                n = 0
            body = environ["wsgi.input"].read(min(n, MAX_SLD_BYTES * 2)).decode("utf-8", "replace")
            query = "&".join(q for q in (query, body) if q)
        elif method not in ("GET", "HEAD"):
            start_response("405 Method Not Allowed", [("Allow", "GET, POST, OPTIONS"), *CORS])
            return [b""]
        if not query:
            query = urlencode({"SERVICE": "WMS", "REQUEST": "GetCapabilities"})
        if environ.get("HTTP_AUTHORIZATION") and not self.is_staff(environ):
            # a wrong Bearer or Basic credential is an error (as on /ogc and /download), not the public map
            body = service_exception("invalid credentials", "NoApplicableCode")
            start_response("401 Unauthorized", [("Content-Type", "text/xml; charset=UTF-8"),
                                                ("WWW-Authenticate", 'Basic realm="GDI Hildesheim"'), *CORS,
                                                ("Content-Length", str(len(body))), ("Vary", "Authorization")])
            return [b"" if method == "HEAD" else body]
        try:
            status, headers, body = self.dispatch(query, self.is_staff(environ))
        except Exception:  # never let a renderer problem take the worker down
            LOGGER.exception("WMS request failed: %s", query[:500])
            status, headers, body = 500, [("Content-Type", "text/xml; charset=UTF-8")], service_exception(
                "internal error while processing the request")
        reason = {200: "OK", 400: "Bad Request", 500: "Internal Server Error", 503: "Service Unavailable"}[status]
        headers = headers + CORS + [("Content-Length", str(len(body))), ("Vary", "Authorization")]
        start_response(f"{status} {reason}", headers)
        return [b"" if method == "HEAD" else body]


_WMS = "{http://www.opengis.net/wms}"
_GROUP_COPY = ("EX_GeographicBoundingBox", "BoundingBox", "AuthorityURL", "Identifier", "MetadataURL")
_AFTER = ("Style", "MinScaleDenominator", "MaxScaleDenominator", "Layer")


def group_metadata(caps: bytes) -> bytes:
    """INSPIRE layer metadata on named group layers (``PLU.SupplementaryRegulation``: areas, lines and
    points of one dataset). MapServer writes only title, abstract and style for a named group; its
    extent, identifier and MetadataURL are those of its parts (one dataset), so the union of the parts'
    extents and the first part's Identifier/MetadataURL are copied in, in the order WMS 1.3.0's schema
    wants. A group that has them is left alone."""
    try:
        root = etree.fromstring(caps, xmlguard.parser())
    except etree.XMLSyntaxError:
        return caps
    changed = False
    for lay in root.iter(f"{_WMS}Layer"):
        kids = lay.findall(f"{_WMS}Layer")
        if lay.find(f"{_WMS}Name") is None or not kids or lay.getparent() is None \
                or etree.QName(lay.getparent()).localname != "Layer" or lay.getparent().getparent() is None \
                or etree.QName(lay.getparent().getparent()).localname == "Layer":
            continue  # only named groups directly under the root layer
        if lay.find(f"{_WMS}MetadataURL") is not None:
            continue
        new: list[Any] = []
        geo = [k.find(f"{_WMS}EX_GeographicBoundingBox") for k in kids]
        geo = [g for g in geo if g is not None]
        if geo:
            g = etree.fromstring(etree.tostring(geo[0]))
            for tag, fn in (("westBoundLongitude", min), ("eastBoundLongitude", max),
                            ("southBoundLatitude", min), ("northBoundLatitude", max)):
                g.find(f"{_WMS}{tag}").text = repr(fn(float(x.findtext(f"{_WMS}{tag}")) for x in geo))
            new.append(g)
        for tag in _GROUP_COPY[1:]:
            vals = [b for k in kids for b in k.findall(f"{_WMS}{tag}")]
            if tag == "BoundingBox":  # per CRS, the union of the parts
                by_crs: dict[str, Any] = {}
                for b in vals:
                    cur = by_crs.get(b.get("CRS"))
                    if cur is None:
                        by_crs[b.get("CRS")] = etree.fromstring(etree.tostring(b))
                        continue
                    for a, fn in (("minx", min), ("miny", min), ("maxx", max), ("maxy", max)):
                        cur.set(a, repr(fn(float(cur.get(a)), float(b.get(a)))))
                new.extend(by_crs.values())
            else:
                first = kids[0].findall(f"{_WMS}{tag}")
                new.extend(etree.fromstring(etree.tostring(b)) for b in first)
        if not new:
            continue
        anchor = next((c for c in lay if isinstance(c.tag, str) and etree.QName(c).localname in _AFTER), None)
        for el in new:
            el.tail = None
            if anchor is None:
                lay.append(el)
            else:
                anchor.addprevious(el)
        changed = True
    if not changed:
        return caps
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


_SHARED: dict[int, WmsApp] = {}
_SHARED_LOCK = threading.Lock()


def shared_app(settings: Settings) -> WmsApp:
    """The /wms app of this process for these settings (the /wms, /basemap and /wmts mounts and the tile
    cache's renderer share its parsed maps and its tile cache)."""
    with _SHARED_LOCK:
        app = _SHARED.get(id(settings))
        if app is None or app.settings is not settings:
            app = _SHARED[id(settings)] = WmsApp(settings)
        return app


def create(settings: Settings) -> WmsApp:
    return shared_app(settings)


def mapfile_for(settings: Settings, staff: bool = False) -> Path:
    return mapfile_paths(settings)["staff" if staff else "public"]
