"""MapProxy source type ``gdi_mapscript``: tiles are rendered in this process by the /wms app's MapScript map.

MapProxy's own ``mapserver`` source starts the ``mapserv`` CGI binary for every meta tile (a fork and a
mapfile parse each); this source hands the same WMS GetMap to :meth:`services.wms.app.WmsApp.dispatch`,
which keeps the parsed public map per thread, so seeding and on-demand tiles cost what a GetMap costs.

A cache belongs to one publication state (``{dataset: version}``). The renderer reads the *current*
publication, so before each render it checks that the current state is still the cache's; if a publication
switched in between, the tile is not rendered into the old version's cache (MapProxy answers an error and
the /wms app renders the request itself).
"""
from __future__ import annotations

import io
import threading
import time
from typing import Any
from urllib.parse import urlsplit

from core.config import Settings

TYPE = "gdi_mapscript"
_RENDERERS: dict[str, Any] = {}   # key -> (settings, expected state or None)
_LOCK = threading.Lock()
_REGISTERED = False


class StaleSource(Exception):
    """The publication changed since the cache was made."""


def add_renderer(key: str, settings: Settings, expected: dict[str, str] | None, wms: Any = None) -> None:
    """Make ``gdi-mapscript://<key>`` render with these settings (and this /wms app, else the process's
    shared one), for caches of the publication state ``expected``."""
    from services.wms.app import shared_app
    with _LOCK:
        _RENDERERS[key] = (wms or shared_app(settings), settings, expected)


# measured rendering time: {layer: {level: [seconds of each render]}}
_COSTS: dict[str, dict[int, list[float]]] = {}


def _record(query: str, seconds: float) -> None:
    from urllib.parse import parse_qsl

    from .grid import level_of
    p = {k.upper(): v for k, v in parse_qsl(query)}
    try:
        minx, _miny, maxx, _maxy = (float(v) for v in p["BBOX"].split(","))
        width = int(p["WIDTH"])
    except (KeyError, ValueError):
        return
    level = level_of((maxx - minx) / max(width, 1))
    with _LOCK:
        for name in p.get("LAYERS", "").split(","):
            _COSTS.setdefault(name, {}).setdefault(level, []).append(seconds)


def take_costs() -> dict[str, dict[int, float]]:
    """Median milliseconds one render (a meta tile) of each layer took, per level, since the last call."""
    import statistics
    with _LOCK:
        out = {name: {lvl: round(1000 * statistics.median(times), 1) for lvl, times in levels.items() if times}
               for name, levels in _COSTS.items()}
        _COSTS.clear()
    return out


class _Response(io.BytesIO):
    def __init__(self, body: bytes, ctype: str):
        super().__init__(body)
        self.headers = {"Content-type": ctype}
        self.code = 200


class InProcessClient:
    """MapProxy's HTTP client interface (``open(url)``), answered by the /wms app in this process."""

    def __init__(self, key: str):
        self.key = key

    def open(self, url: str, data: Any = None) -> _Response:
        from mapproxy.client.http import HTTPClientError

        from services.wms.mapfile import publication_state
        wms, settings, expected = _RENDERERS[self.key]
        if expected is not None and publication_state(settings) != expected:
            raise HTTPClientError("the publication changed while this tile cache was in use; not cached")
        query = urlsplit(url).query
        t0 = time.perf_counter()
        status, headers, body = wms.dispatch(query, staff=False, cached=False)
        _record(query, time.perf_counter() - t0)
        ctype = dict(headers).get("Content-Type", "application/octet-stream")
        if status != 200:
            raise HTTPClientError(f"rendering failed ({status}): {body[:300]!r}")
        return _Response(body, ctype)


def register() -> None:
    """Teach MapProxy the ``gdi_mapscript`` source type (its plugin API); idempotent."""
    global _REGISTERED
    if _REGISTERED:
        return
    from mapproxy.config.configuration.source import WMSSourceConfiguration, register_source_configuration
    from mapproxy.config.spec import mapproxy_yaml_spec

    class MapScriptSourceConfiguration(WMSSourceConfiguration):
        source_type = (TYPE,)

        def __init__(self, conf: dict[str, Any], context: Any):
            conf.setdefault("req", {})["url"] = f"gdi-mapscript://{conf.get('renderer', 'public')}/"
            super().__init__(conf, context)

        def http_client(self, url: str) -> tuple[InProcessClient, str]:
            return InProcessClient(self.conf.get("renderer", "public")), url

    wms_spec = next(iter(mapproxy_yaml_spec["sources"].values())).specs["wms"]
    register_source_configuration(TYPE, MapScriptSourceConfiguration, TYPE, {**wms_spec, "renderer": ""})
    _REGISTERED = True
