"""Issue 17 item 2: /basemap tiles draw the demo town's streets, blocks, water and green (real MapServer,
in-process MapScript) beneath the published layers; outside the town they are background only; the
base-map layers stay out of the WMS capabilities."""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pyproj import Transformer
from werkzeug.test import Client

from core.config import BasemapSettings, Settings
from services.wms import stadtplan
from services.wms.app import WmsApp
from services.wms.basemap import BasemapApp, lonlat_to_tile
from services.wms.mapfile import mapfile_paths, write_mapfile

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "datasets" / "stadtplan" / "stadtplan_hildesheim_beispiel.gpkg"
TO_LONLAT = Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True)


@pytest.fixture(scope="module")
def settings(tmp_path_factory, schema_dir) -> Settings:
    """No dataset published at all: the map holds the base map only (tiles still render)."""
    root = tmp_path_factory.mktemp("basemap")
    (root / "datasets").mkdir()
    s = Settings(var_dir=root / "var", datasets_dir=root / "datasets", schema_dir=schema_dir,
                 basemap=BasemapSettings(source=SOURCE))
    write_mapfile(s)
    return s


def _tile(client: Client, x: float, y: float, z: int) -> np.ndarray:
    lon, lat = TO_LONLAT.transform(x, y)
    tx, ty = lonlat_to_tile(lon, lat, z)
    r = client.get(f"/{z}/{tx}/{ty}.png")
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/png", r.data[:300]
    return np.asarray(Image.open(io.BytesIO(r.data)).convert("RGBA")).astype(int)


def _share(px: np.ndarray, rgb: tuple[int, int, int], tol: int = 4) -> float:
    """Share of opaque pixels of colour ``rgb``."""
    hit = (np.abs(px[..., :3] - np.asarray(rgb)).max(-1) <= tol) & (px[..., 3] > 250)
    return float(hit.mean())


def test_old_town_tile_shows_water_green_streets_and_blocks(settings):
    c = Client(BasemapApp(settings))
    # zoom 14 over the west of the old town: the Innerste, its meadows, Liebesgrund, the Wallring
    px = _tile(c, 564_200, 5_778_000, 14)
    assert _share(px, stadtplan.WATER) > 0.002
    greens = sum(_share(px, col) for col in (stadtplan.GREEN_DEFAULT, *stadtplan.GREEN.values()))
    assert greens > 0.02
    assert _share(px, stadtplan.BLOCK["altstadt"]) > 0.02 or _share(px, stadtplan.BLOCK["wohnen"]) > 0.02
    main_fill = stadtplan.STREET["hauptstrasse"][1]
    assert _share(px, main_fill, tol=10) > 0.001  # the yellow Wallring / main roads
    assert _share(px, (255, 255, 255), tol=2) > 0.002  # white residential streets
    colours = {tuple(p) for p in px[px[..., 3] > 250][:, :3].reshape(-1, 3)[::7]}
    assert len(colours) > 20
    # zoom 17 over the Marktplatz: street names (dark label pixels)
    px = _tile(c, 565_000, 5_778_400, 17)
    dark = (px[..., :3].max(-1) < 110) & (px[..., 3] > 250)
    assert dark.sum() > 50


def test_far_outside_the_town_is_background_only(settings):
    c = Client(BasemapApp(settings))
    px = _tile(c, 600_000, 5_800_000, 14)  # ~40 km north-east of Hildesheim
    assert px[..., 3].max() == 0


def test_base_map_layers_are_not_in_the_capabilities_but_draw(settings):
    c = Client(WmsApp(settings))
    caps = c.get("/?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").data
    assert b"<Capability>" in caps and b"stadtplan" not in caps.lower()
    r = c.get("/?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=stadtplan_gewaesser&STYLES=&CRS=EPSG:25832"
              "&BBOX=563500,5777500,564500,5778500&WIDTH=200&HEIGHT=200&FORMAT=image/png&TRANSPARENT=TRUE")
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/png"
    px = np.asarray(Image.open(io.BytesIO(r.data)).convert("RGBA")).astype(int)
    assert _share(px, stadtplan.WATER) > 0.01


def test_base_map_off_or_missing(tmp_path, schema_dir, caplog):
    (tmp_path / "datasets").mkdir()
    off = Settings(var_dir=tmp_path / "v1", datasets_dir=tmp_path / "datasets", schema_dir=schema_dir,
                   basemap=BasemapSettings(source=SOURCE, enabled=False))
    assert stadtplan.layers(off) == []
    missing = Settings(var_dir=tmp_path / "v2", datasets_dir=tmp_path / "datasets", schema_dir=schema_dir,
                       basemap=BasemapSettings(source=tmp_path / "nope.gpkg"))
    assert stadtplan.layers(missing) == [] and "nope.gpkg not found" in caplog.text
    # the default: the datasets folder's stadtplan file, when there is one
    default = Settings(var_dir=tmp_path / "v3", datasets_dir=ROOT / "datasets", schema_dir=schema_dir)
    names = [lay["name"] for lay in stadtplan.layers(default)]
    assert names[:6] == ["stadtplan_bloecke", "stadtplan_gruen", "stadtplan_gewaesser", "stadtplan_strassenraum",
                         "stadtplan_strassen_rand", "stadtplan_strassen"]
    write_mapfile(default)
    text = mapfile_paths(default)["public"].read_text(encoding="utf-8")
    assert text.index("stadtplan_bloecke") < text.index("stadtplan_strassen")


def test_base_map_on_a_postgis_store(tmp_path, schema_dir):
    """With the PostGIS store the published layers come from the database, the base map still from its file."""
    from tests.helpers import trees_dataset
    from tests.pgcluster import new_database, postgis_cluster
    from transforms.pipeline import run_dataset

    with postgis_cluster(max_connections=20) as server:
        url = new_database(server, prefix="basemap", postgis=True)
        ds = trees_dataset(tmp_path, ROOT / "datasets" / "trees" / "baumkataster_hildesheim_beispiel.csv")
        s = Settings(var_dir=tmp_path / "var", datasets_dir=tmp_path, schema_dir=schema_dir, store=url,
                     basemap=BasemapSettings(source=SOURCE))
        assert run_dataset(ds, s).status == "published"
        write_mapfile(s)
        text = mapfile_paths(s)["public"].read_text(encoding="utf-8")
        assert "POSTGIS" in text and text.index("stadtplan_bloecke") < text.index("SD.SpeciesDistribution")
        app = BasemapApp(s)
        assert app.layer_names()[-1] == "SD.SpeciesDistribution"
        px = _tile(Client(app), 564_200, 5_778_000, 14)
        assert _share(px, stadtplan.WATER) > 0.002 and _share(px, stadtplan.BLOCK["altstadt"]) > 0.02
