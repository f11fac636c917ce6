"""XYZ tiles at /basemap/{z}/{x}/{y}.png (EPSG:3857, 256 px) rendered by the same public MapServer map.

pygeoapi's HTML pages (and optionally the viewer) need a background map, and this machine has no
internet for OpenStreetMap tiles. Each tile is a WMS GetMap of all public layers through the /wms
app's dispatcher, so it shares its map cache, request checks and styles.

Rendered tiles are kept on disk (``var/cache/basemap/<state>/<z>/<x>/<y>.png``): ``<state>`` is a hash of
the public mapfile's version (rewritten whenever a publication changes) and the layers drawn (a damaged
dataset is left out), so a new publication starts a new set and a tile of an old state is never served.
A tile is written to a temporary file and renamed (several workers and web nodes may render the same
tile). Older sets are removed when a new one starts, except the newest previous one (requests in flight).
Rendering all public layers costs 0.1-0.9 s a tile; a cached tile is a file read.
"""
from __future__ import annotations

import hashlib
import logging
import math
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
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


class TileDisk:
    """Rendered base-map tiles of one publication state on disk (see the module docstring)."""

    def __init__(self, root: Path):
        self.root = root
        self._ready: set[str] = set()

    def state(self, mapfile: Path, layers: list[str]) -> str:
        st = mapfile.stat()
        return hashlib.sha256(f"{mapfile}|{st.st_mtime_ns}|{st.st_size}|{','.join(layers)}".encode()).hexdigest()[:16]

    def path(self, state: str, z: int, x: int, y: int) -> Path:
        return self.root / state / str(z) / str(x) / f"{y}.png"

    def get(self, state: str, z: int, x: int, y: int) -> bytes | None:
        try:
            return self.path(state, z, x, y).read_bytes()
        except OSError:
            return None

    def put(self, state: str, z: int, x: int, y: int, body: bytes) -> None:
        target = self.path(state, z, x, y)
        try:
            if state not in self._ready:
                self._start(state)
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp_", suffix=".png")
            with os.fdopen(fd, "wb") as fh:
                fh.write(body)
            os.replace(tmp, target)
        except OSError as exc:   # a full or read-only disk costs speed, never the tile
            LOGGER.warning("basemap tile %s not cached: %s", target, exc)

    def _start(self, state: str) -> None:
        """A new state: keep it and the newest previous one, remove older sets."""
        (self.root / state).mkdir(parents=True, exist_ok=True)
        self._ready.add(state)
        others = sorted((d for d in self.root.iterdir() if d.is_dir() and d.name != state),
                        key=lambda d: d.stat().st_mtime, reverse=True)
        for old in others[1:]:
            shutil.rmtree(old, ignore_errors=True)


class BasemapApp:
    def __init__(self, settings: Settings, wms: WmsApp | None = None):
        self.wms = wms or shared_app(settings)
        self.disk = TileDisk(settings.var_dir / "cache" / "basemap")

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
        state = self.disk.state(self.wms.paths["public"], layers)
        cached = self.disk.get(state, z, x, y)
        if cached is not None:
            return self._png(start_response, cached, "HIT")
        bbox = tile_bbox(z, x, y)
        query = urlencode({
            "SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": ",".join(layers),
            "STYLES": "", "CRS": "EPSG:3857", "BBOX": ",".join(f"{v:.3f}" for v in bbox),
            "WIDTH": "256", "HEIGHT": "256", "FORMAT": "image/png", "TRANSPARENT": "TRUE"})
        status, _headers, body = self.wms.dispatch(query, staff=False)
        if status != 200:
            LOGGER.warning("basemap tile %s/%s/%s failed: %s", z, x, y, body[:300])
            start_response("500 Internal Server Error", [("Content-Type", "text/plain")])
            return [b"tile rendering failed\n"]
        self.disk.put(state, z, x, y, body)
        return self._png(start_response, body, "MISS")

    @staticmethod
    def _png(start_response: Callable, body: bytes, cache: str) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "image/png"), ("Access-Control-Allow-Origin", "*"),
                                  ("Cache-Control", "public, max-age=300"), ("X-Cache", cache),
                                  ("Content-Length", str(len(body)))])
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
