"""XYZ tiles at /basemap/{z}/{x}/{y}.png (EPSG:3857, 256 px) rendered by the same public MapServer map.

pygeoapi's HTML pages (and optionally the viewer) need a background map, and this machine has no
internet for OpenStreetMap tiles. Each tile is a WMS GetMap of all public layers through the /wms
app's dispatcher, so it shares its map cache, request checks and styles.
"""
from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Iterable
from urllib.parse import urlencode

from core.config import Settings

from .app import WmsApp, shared_app

LOGGER = logging.getLogger(__name__)

HALF = 20037508.342789244  # half the EPSG:3857 world width in metres
MAX_ZOOM = 22
_PATH = re.compile(r"^/(\d{1,2})/(\d{1,8})/(\d{1,8})\.png$")


def tile_bbox(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    """EPSG:3857 bounds of an XYZ (Google/OSM scheme, y from the top) tile."""
    size = 2 * HALF / (2 ** z)
    minx = -HALF + x * size
    maxy = HALF - y * size
    return minx, maxy - size, minx + size, maxy


class BasemapApp:
    def __init__(self, settings: Settings, wms: WmsApp | None = None):
        self.wms = wms or shared_app(settings)

    def layer_names(self) -> list[str]:
        m = self.wms.map_for(staff=False)
        names = [m.getLayer(i).name for i in range(m.numlayers)]
        bad = self.wms.damaged_layers(m, names)  # a damaged dataset is left out of the background map
        return [n for i, n in enumerate(names) if m.getLayer(i).metadata.get("gdi_dataset") not in bad]

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        m = _PATH.match(environ.get("PATH_INFO", ""))
        if not m:
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"tiles are at /basemap/{z}/{x}/{y}.png\n"]
        z, x, y = (int(v) for v in m.groups())
        if z > MAX_ZOOM or x >= 2 ** z or y >= 2 ** z:
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"no such tile\n"]
        layers = self.layer_names()
        if not layers:
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"no published layers\n"]
        bbox = tile_bbox(z, x, y)
        query = urlencode({
            "SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": ",".join(layers),
            "STYLES": "", "CRS": "EPSG:3857", "BBOX": ",".join(f"{v:.3f}" for v in bbox),
            "WIDTH": "256", "HEIGHT": "256", "FORMAT": "image/png", "TRANSPARENT": "TRUE"})
        status, headers, body = self.wms.dispatch(query, staff=False)
        if status != 200:
            LOGGER.warning("basemap tile %s/%s/%s failed: %s", z, x, y, body[:300])
            start_response("500 Internal Server Error", [("Content-Type", "text/plain")])
            return [b"tile rendering failed\n"]
        start_response("200 OK", [*headers, ("Access-Control-Allow-Origin", "*"),
                                  ("Cache-Control", "public, max-age=300"), ("Content-Length", str(len(body)))])
        return [body]


def create(settings: Settings) -> BasemapApp:
    return BasemapApp(settings)


def lonlat_to_tile(lon: float, lat: float, z: int) -> tuple[int, int]:
    """The XYZ tile holding a WGS84 position (for tests and clients)."""
    n = 2 ** z
    x = int((lon + 180.0) / 360.0 * n)
    lat_r = math.radians(lat)
    y = int((1.0 - math.asinh(math.tan(lat_r)) / math.pi) / 2.0 * n)
    return x, y
