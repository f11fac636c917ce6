"""The view service's tile cache (services/tilecache, MapProxy) through a real ``gdi serve``: seeded after a
publication, WMS GetMap answered from tiles like the renderer draws it, WMTS read by OWSLib and GDAL, and
consistency across publications (kept tiles hard-linked, changed ones redrawn, nothing served from a cache
whose publication is no longer current). On both stores (``store_url``)."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import requests
import yaml

from tests.conftest import GDI, ROOT, SCHEMAS, free_port
from tests.helpers import TREES_YML

DS = "baeume_tc"
CITY = (560_000.0, 5_774_000.0, 568_000.0, 5_780_000.0)  # 8 x 6 km of Hildesheim, EPSG:25832
GONE = (562_000.0, 5_776_000.0, 564_000.0, 5_778_000.0)  # version 2 removes every tree in here
FAR_TILE_LEVEL = 9


def _trees_csv(path: Path, n: int, seed: int, without: tuple[float, ...] | None = None) -> Path:
    from transforms.generate.trees import generate_trees
    generate_trees(n, path, seed=seed)
    if without is None:
        return path
    lines = path.read_text(encoding="latin-1").splitlines()
    keep = [lines[0]]
    for line in lines[1:]:
        x, y = (float(v) for v in line.split("POINT (")[1].split(")")[0].split())
        if not (without[0] <= x <= without[2] and without[1] <= y <= without[3]):
            keep.append(line)
    path.write_text("\n".join(keep) + "\n", encoding="latin-1")
    return path


class Site:
    def __init__(self, root: Path, env: dict[str, str]):
        self.root, self.env = root, env
        self.var = Path(env["GDI_VAR"])
        self.base = f"http://127.0.0.1:{env['GDI_PORT']}"
        self.csv = root / "ds" / DS / "trees.csv"

    def etl(self, **extra: str) -> None:
        r = subprocess.run([GDI, "etl", DS], env={**self.env, **extra}, cwd=ROOT, capture_output=True, text=True,
                           timeout=900, check=False)
        assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]

    def pointer(self) -> dict:
        return json.loads((self.var / "tilecache" / "current.json").read_text())

    def current_version(self) -> str:
        return os.readlink(self.var / "publish" / DS / "current")

    def settings(self):
        old = dict(os.environ)
        os.environ.update(self.env)
        try:
            from core.config import load_settings
            return load_settings()
        finally:
            os.environ.clear()
            os.environ.update(old)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, store_url: str):
    from gdi import server as gdi_server
    root = tmp_path_factory.mktemp("tilecache")
    raw = yaml.safe_load(TREES_YML.read_text())
    raw["id"] = DS
    raw["inspire"]["namespace"] = f"https://registry.gdi-de.org/id/de.ni.hildesheim/{DS}"
    raw["inspire"]["layer_name"] = "SD.SpeciesDistribution"
    raw["sources"] = raw["sources"][:1]   # one source, the generated trees.csv
    raw["sources"][0]["path"] = "trees.csv"
    (root / "ds" / DS).mkdir(parents=True)
    (root / "ds" / DS / "dataset.yml").write_text(yaml.safe_dump(raw, allow_unicode=True))
    (root / "gdi.yml").write_text(yaml.safe_dump({"tile_cache": {"seed_to_level": 10}}))
    env = dict(os.environ, GDI_VAR=str(root / "var"), GDI_DATASETS=str(root / "ds"), GDI_PORT=str(free_port()),
               GDI_SCHEMAS=str(SCHEMAS), GDI_STORE=store_url, GDI_SETTINGS=str(root / "gdi.yml"),
               GDI_TILECACHE="always", GDI_ACCESS_LOG="off")
    s = Site(root, env)
    _trees_csv(s.csv, 6000, seed=7)
    s.etl()
    proc = gdi_server.start(env, root / "serve.log")
    try:
        yield s
    finally:
        gdi_server.stop(proc)


def _getmap(base: str, bbox: tuple[float, ...], size: int = 512, crs: str = "EPSG:25832") -> requests.Response:
    q = {"SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": "SD.SpeciesDistribution",
         "STYLES": "", "CRS": crs, "BBOX": ",".join(str(v) for v in bbox), "WIDTH": str(size), "HEIGHT": str(size),
         "FORMAT": "image/png", "TRANSPARENT": "TRUE"}
    r = requests.get(f"{base}/wms", params=q, timeout=120)
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/png", r.text[:500]
    return r


def _rendered(site: Site, bbox: tuple[float, ...], size: int = 512) -> np.ndarray:
    """The same GetMap drawn by MapServer itself (no cache) in this process."""
    from services.wms.app import WmsApp
    q = (f"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=SD.SpeciesDistribution&STYLES=&CRS=EPSG:25832&"
         f"BBOX={','.join(str(v) for v in bbox)}&WIDTH={size}&HEIGHT={size}&FORMAT=image/png&TRANSPARENT=TRUE")
    status, _h, body = WmsApp(site.settings()).dispatch(q, staff=False, cached=False)
    assert status == 200
    return _rgba(body)


def _rgba(png: bytes) -> np.ndarray:
    from PIL import Image
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"), dtype=np.int16)


def _drawn(img: np.ndarray) -> np.ndarray:
    return img[..., 3] > 40


def _square(bbox: tuple[float, ...]) -> tuple[float, ...]:
    cx, cy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    h = max(bbox[2] - bbox[0], bbox[3] - bbox[1]) / 2
    return (cx - h, cy - h, cx + h, cy + h)


def test_publication_seeds_a_cache_of_exactly_the_current_version(site: Site) -> None:
    ptr = site.pointer()
    assert ptr["state"] == {DS: site.current_version()}
    layer = ptr["layers"]["SD.SpeciesDistribution"]
    assert layer["version"] == site.current_version()
    cache = Path(layer["dir"])
    levels = sorted(int(p.name) for p in cache.iterdir() if p.name.isdigit())
    assert levels and max(levels) == 10, levels  # seed_to_level of gdi.yml; finer levels come on demand
    from services.tilecache import grid

    # every seeded tile at level 10 lies where trees are (the seeding area follows the features; a tile
    # rendered as part of a 4 x 4 meta tile may stick out by up to 3 tiles)
    from transforms.generate.trees import HILDESHEIM_BBOX_25832 as data
    span = grid.TILE * grid.RESOLUTIONS[10]
    slack = 4 * span
    tiles = list((cache / "10").rglob("*.png"))
    assert len(tiles) > 10
    for png in tiles:
        x, y = int(png.parent.name), int(png.stem)
        minx, maxy = grid.ORIGIN[0] + x * span, grid.ORIGIN[1] - y * span
        assert data[0] - slack <= minx <= data[2] + slack and data[1] - slack <= maxy <= data[3] + slack, png
    assert layer["costs"], "the seeding measured no rendering times"


@pytest.mark.parametrize("bbox", [_square(CITY), (563_000.0, 5_777_000.0, 564_000.0, 5_778_000.0)],
                         ids=["city", "district"])
def test_getmap_from_tiles_looks_like_the_renderer(site: Site, bbox: tuple[float, ...]) -> None:
    r = _getmap(site.base, bbox)
    assert r.headers.get("X-GDI-Tile-Cache") == "hit"
    cached, direct = _rgba(r.content), _rendered(site, bbox)
    assert _drawn(direct).sum() > 100, "the test area draws no trees"
    # tiles drawn at the nearest level and resampled: the same trees at the same places, symbols a little
    # larger or smaller (their size is in metres) - compared as tree density on a 32 x 32 grid
    a, b = (img[..., 3].reshape(32, 16, 32, 16).mean(axis=(1, 3)) / 255 for img in (cached, direct))
    r_ = float(np.corrcoef(a.ravel(), b.ravel())[0, 1])
    assert r_ > 0.85, f"cached and rendered GetMap show trees in different places (r = {r_:.2f})"
    assert 0.4 < a.sum() / b.sum() < 2.5, (a.sum(), b.sum())


def test_wmts_capabilities_and_tiles_with_owslib(site: Site) -> None:
    from owslib.wmts import WebMapTileService
    wmts = WebMapTileService(f"{site.base}/wmts/1.0.0/WMTSCapabilities.xml")
    assert "SD.SpeciesDistribution" in wmts.contents
    assert "DE_EPSG_25832_ADV" in wmts.tilematrixsets
    tms = wmts.tilematrixsets["DE_EPSG_25832_ADV"]
    assert len(tms.tilematrix) == 15
    assert abs(float(tms.tilematrix["00"].scaledenominator) - 17471320.7508974) < 1 if "00" in tms.tilematrix \
        else abs(min(float(m.scaledenominator) for m in tms.tilematrix.values()) - 1066.36) < 1
    layer = site.pointer()["layers"]["SD.SpeciesDistribution"]
    tile = next((Path(layer["dir"]) / "10").rglob("*.png"))
    ident = sorted(tms.tilematrix)[10]
    got = wmts.gettile(layer="SD.SpeciesDistribution", tilematrixset="DE_EPSG_25832_ADV", tilematrix=ident,
                       row=int(tile.stem), column=int(tile.parent.name), format="image/png")
    assert got.read() == tile.read_bytes()
    kvp = requests.get(f"{site.base}/wmts", params={"SERVICE": "WMTS", "REQUEST": "GetCapabilities"}, timeout=60)
    assert kvp.status_code == 200 and b"/wmts?" in kvp.content and b"/service?" not in kvp.content


def test_gdal_reads_the_wmts(site: Site) -> None:
    from osgeo import gdal
    gdal.UseExceptions()
    gdal.SetConfigOption("GDAL_DEFAULT_WMS_CACHE_PATH", str(site.root / "gdalwmscache"))  # not ./gdalwmscache
    ds = gdal.Open(f"WMTS:{site.base}/wmts/1.0.0/WMTSCapabilities.xml,layer=SD.SpeciesDistribution")
    assert ds.GetSpatialRef().GetAuthorityCode(None) == "25832"
    gt = ds.GetGeoTransform()
    # a 256 x 256 window over the trees at the finest level GDAL exposes for this matrix set
    col, row = int((563_000 - gt[0]) / gt[1]), int((5_778_000 - gt[3]) / gt[5])
    alpha_band = ds.GetRasterBand(4)
    assert abs(gt[1] - 4891.96981025128 / 2 ** 14) < 1e-6, gt  # full resolution: level 14
    overviews = [alpha_band.GetOverview(i) for i in range(alpha_band.GetOverviewCount())]
    band = next(b for b in overviews if abs(b.XSize / ds.RasterXSize - 1 / 16) < 1e-3)  # level 10
    f = band.XSize / ds.RasterXSize
    # ReadRaster, not ReadAsArray: Debian's gdal_array is built against NumPy 1
    raw = band.ReadRaster(int(col * f), int(row * f), 256, 256, buf_type=gdal.GDT_Byte)
    alpha = np.frombuffer(raw, dtype=np.uint8)
    assert (alpha > 40).sum() > 100, "GDAL read an empty window of the tree layer"


def test_republication_keeps_unchanged_tiles_and_redraws_changed_ones(site: Site) -> None:
    from services.tilecache import grid
    before = site.pointer()["layers"]["SD.SpeciesDistribution"]
    _trees_csv(site.csv, 6000, seed=7, without=GONE)
    site.etl()
    after = site.pointer()["layers"]["SD.SpeciesDistribution"]
    assert after["version"] == site.current_version() != before["version"]
    old, new = Path(before["dir"]), Path(after["dir"])
    assert old.exists(), "the previous generation stays for requests in flight"
    touched = {(x // 4 * 4 + i, y // 4 * 4 + j) for x, y in grid.tiles_touching(np.array([GONE]), FAR_TILE_LEVEL, 0)
               for i in range(4) for j in range(4)}  # with their 4 x 4 meta tiles
    kept = redrawn = 0
    for x, y in touched:  # every tile over the change was drawn again (none left missing)
        if (old / str(FAR_TILE_LEVEL) / str(x) / f"{y}.png").exists():
            assert (new / str(FAR_TILE_LEVEL) / str(x) / f"{y}.png").exists(), (x, y)
    for png in (new / str(FAR_TILE_LEVEL)).rglob("*.png"):
        was = old / str(FAR_TILE_LEVEL) / png.parent.name / png.name
        if not was.exists():
            continue
        same = os.stat(png).st_ino == os.stat(was).st_ino
        if (int(png.parent.name), int(png.stem)) in touched:
            redrawn += 1
            assert not same, f"tile {png} over the changed area was kept from the old version"
        else:
            kept += same
    assert kept > 5 and redrawn >= 1, (kept, redrawn)
    # the cache shows the new version: no trees left inside GONE
    inner = (GONE[0] + 300, GONE[1] + 300, GONE[2] - 300, GONE[3] - 300)
    r = _getmap(site.base, inner)
    assert r.headers.get("X-GDI-Tile-Cache") == "hit"
    assert _drawn(_rgba(r.content)).sum() == 0, "trees of the old version drawn from the cache"
    assert _drawn(_rendered(site, inner)).sum() == 0


def test_no_tile_of_an_old_version_while_the_new_one_is_being_seeded(site: Site) -> None:
    """A publication whose cache is not ready yet (the seeding step did not run): GetMap and WMTS tiles are
    drawn from the new data, never from the previous version's tiles."""
    from services.tilecache import grid
    _trees_csv(site.csv, 6000, seed=7)  # the trees inside GONE come back
    site.etl(GDI_TILECACHE="off")       # published, tile cache step skipped
    assert site.pointer()["state"] != {DS: site.current_version()}
    inner = (GONE[0] + 300, GONE[1] + 300, GONE[2] - 300, GONE[3] - 300)
    r = _getmap(site.base, inner)
    assert "X-GDI-Tile-Cache" not in r.headers
    assert _drawn(_rgba(r.content)).sum() > 50, "the new trees are missing"
    x, y = sorted(grid.tiles_touching(np.array([inner]), 12, 0))[0]
    t = requests.get(f"{site.base}/wmts/SD.SpeciesDistribution/{grid.NAME}/12/{x}/{y}.png", timeout=60)
    assert t.status_code == 200 and t.headers["Content-Type"] == "image/png"
    assert t.headers.get("Cache-Control") == "no-store"
    caps = requests.get(f"{site.base}/wmts/1.0.0/WMTSCapabilities.xml", timeout=60)
    assert caps.status_code == 503 and caps.headers.get("Retry-After")
    # the step catches up (as the next gdi etl or `gdi tilecache` would): the cache serves again
    done = subprocess.run([sys.executable, "-c", "from core.config import load_settings\n"
                        "from services.tilecache.build import write_tile_cache\nwrite_tile_cache(load_settings())"],
                       env=site.env, cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert site.pointer()["state"] == {DS: site.current_version()}
    r2 = _getmap(site.base, inner)
    assert r2.headers.get("X-GDI-Tile-Cache") == "hit"
    assert _drawn(_rgba(r2.content)).sum() > 50


def test_cheap_layers_are_rendered_not_composed(site: Site) -> None:
    """With the default threshold a layer that renders fast at a scale is drawn by MapServer; WMTS is
    always cached."""
    from services.tilecache.app import TileCache
    settings = site.settings().model_copy(update={"tile_cache": site.settings().tile_cache.model_copy(
        update={"use_above_ms": 1e9})})
    params = {"SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": "SD.SpeciesDistribution",
              "STYLES": "", "CRS": "EPSG:25832", "BBOX": ",".join(str(v) for v in _square(CITY)), "WIDTH": "512",
              "HEIGHT": "512", "FORMAT": "image/png", "TRANSPARENT": "TRUE"}
    assert TileCache(settings).getmap(params) is None
    assert TileCache(site.settings()).getmap(params) is not None  # GDI_TILECACHE=always
    # the WMS root layer (every public layer) is composed from the layers' caches too
    assert TileCache(site.settings()).getmap({**params, "LAYERS": "gdi_hildesheim"}) is not None
    for extra in ({"SLD_BODY": "<x/>"}, {"STYLES": "other"}, {"FORMAT": "image/jpeg"}, {"BGCOLOR": "0xFF0000"}):
        assert TileCache(site.settings()).getmap({**params, **extra}) is None, extra


def test_a_new_cartography_draws_every_tile_again(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same publication, new styles (a release changed the cartography): the cache gets a folder of its own
    and keeps no tile of the old look (none hard-linked from the previous folder)."""
    from services.tilecache.build import write_tile_cache
    from services.wms import styles
    before = site.pointer()["layers"]["SD.SpeciesDistribution"]
    plain = styles._trees

    def recoloured() -> styles.ThemeStyle:
        st = plain()
        st.classes[0]["styles"][0]["color"] = "#aa0000"
        return st
    monkeypatch.setattr(styles, "_trees", recoloured)
    write_tile_cache(site.settings())
    after = site.pointer()["layers"]["SD.SpeciesDistribution"]
    assert after["version"] == before["version"] and after["look"] != before["look"]
    assert after["dir"] != before["dir"] and Path(before["dir"]).exists()  # the old look stays for requests in flight
    old, new = Path(before["dir"]), Path(after["dir"])
    pngs = list(new.rglob("*.png"))
    assert pngs, "the new folder was seeded"
    shared = [p for p in pngs if (old / p.relative_to(new)).exists()
              and os.stat(p).st_ino == os.stat(old / p.relative_to(new)).st_ino]
    assert not shared, shared[:3]
