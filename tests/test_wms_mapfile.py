"""Issue 5: the mapfiles are generated from the registry and the publications (never by hand), split
public/staff, and the /wms app (real MapScript, in-process WSGI) sees new publications without a restart."""
from __future__ import annotations

import json
from pathlib import Path

import mappyfile
import mapscript
import pytest
import yaml
from werkzeug.test import Client

from core.config import Settings, load_registry
from services.wms import styles
from services.wms.app import WmsApp
from services.wms.basemap import BasemapApp, lonlat_to_tile
from services.wms.mapfile import collect_layers, mapfile_paths, write_mapfile
from transforms.pipeline import run_dataset

ROOT = Path(__file__).resolve().parent.parent


def _copy_dataset(src: Path, dst_root: Path, ds_id: str, access: str) -> None:
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    data["id"] = ds_id
    data["access"] = access
    # each dataset its own identifier; trees is the primary dataset of the feature type
    data["inspire"]["namespace"] = f"https://registry.gdi-de.org/id/de.ni.hildesheim/{ds_id}"
    data["inspire"]["primary"] = ds_id == "trees"
    for s in data["sources"]:
        s["path"] = str((src.parent / s["path"]).resolve())
    (dst_root / ds_id).mkdir(parents=True)
    (dst_root / ds_id / "dataset.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def reg_settings(tmp_path_factory, schema_dir) -> Settings:
    """A registry of two tree datasets, one public and one restricted, both published by the real ETL."""
    root = tmp_path_factory.mktemp("wmsreg")
    datasets = root / "datasets"
    _copy_dataset(ROOT / "datasets" / "trees" / "dataset.yml", datasets, "trees", "public")
    _copy_dataset(ROOT / "datasets" / "trees" / "dataset.yml", datasets, "baeume_intern", "restricted")
    settings = Settings(var_dir=root / "var", datasets_dir=datasets, schema_dir=schema_dir)
    for ds in load_registry(datasets).values():
        run_dataset(ds, settings)
    write_mapfile(settings)
    return settings


def _layer_names(path: Path) -> list[str]:
    m = mapscript.mapObj(str(path))
    return [m.getLayer(i).name for i in range(m.numlayers)]


def test_public_and_staff_mapfiles_differ_only_by_restricted_layers(reg_settings):
    paths = mapfile_paths(reg_settings)
    assert _layer_names(paths["public"]) == ["SD.SpeciesDistribution"]
    # the restricted dataset shares the INSPIRE layer name, so it gets a suffixed name in the staff map
    assert _layer_names(paths["staff"]) == ["SD.SpeciesDistribution", "SD.SpeciesDistribution.baeume_intern"]
    assert "baeume_intern" not in paths["public"].read_text(encoding="utf-8")


def test_mapfile_is_marked_generated_and_round_trips_through_mappyfile(reg_settings):
    text = mapfile_paths(reg_settings)["public"].read_text(encoding="utf-8")
    assert text.startswith("# GENERATED")
    d = mappyfile.loads(text)
    layer = d["layers"][0]
    assert layer["connectiontype"].upper() == "OGR"
    # the current version's file (MapServer keeps it open between requests; see test below for switches)
    assert Path(layer["connection"]) == (reg_settings.publish_dir / "trees" / "current" / "trees.gpkg").resolve()
    assert "CLOSE_CONNECTION=DEFER" in layer["processing"]
    assert layer["classgroup"] == styles.STYLE_NAME
    assert {c["group"] for c in layer["classes"]} == {styles.STYLE_NAME}
    assert d["web"]["metadata"]["wms_inspire_capabilities"] == "url"
    assert d["web"]["metadata"]["wms_languages"] == "ger,eng"


def test_trees_are_drawn_from_the_view_with_crown_diameters(reg_settings):
    lay = next(x for x in collect_layers(reg_settings, staff=False) if x.name == "SD.SpeciesDistribution")
    assert lay.table == "trees_source" and "crown_diameter_m" in lay.columns
    sizes = [s.get("size") for c in lay.style.classes for s in c["styles"]]
    assert "[crown_diameter_m]" in sizes


def test_a_new_publication_is_served_without_restart(reg_settings, tmp_path):
    app = WmsApp(reg_settings)
    c = Client(app)
    caps = c.get("/?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").data
    assert b"<Name>SD.SpeciesDistribution</Name>" in caps
    manifest = json.loads((reg_settings.publish_dir / "trees" / "current" / "manifest.json").read_text())
    # a new dataset (another public copy) is published; the POST_PUBLISH hook regenerates the mapfile
    _copy_dataset(ROOT / "datasets" / "trees" / "dataset.yml", reg_settings.datasets_dir, "baeume_neu", "public")
    try:
        run_dataset(load_registry(reg_settings.datasets_dir)["baeume_neu"], reg_settings)
        write_mapfile(reg_settings)
        caps = c.get("/?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0").data
        assert b"<Name>SD.SpeciesDistribution.baeume_neu</Name>" in caps
        # a republication of trees switches `current` (no hook run here): the app notices the symlink
        # moved, regenerates the mapfiles and reads the new version
        run_dataset(load_registry(reg_settings.datasets_dir)["trees"], reg_settings)
        new = json.loads((reg_settings.publish_dir / "trees" / "current" / "manifest.json").read_text())
        assert new["version"] != manifest["version"]
        c.get("/?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0")
        conn = mappyfile.open(str(mapfile_paths(reg_settings)["public"]))["layers"][0]["connection"]
        assert f"/trees/{new['version']}/trees.gpkg" in conn
        x0, y0, x1, y1 = new["bbox_25832"]
        r = c.get(f"/?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=SD.SpeciesDistribution&STYLES=&CRS=EPSG:25832"
                  f"&BBOX={x0},{y0},{x1},{y1}&WIDTH=300&HEIGHT=300&FORMAT=image/png&TRANSPARENT=TRUE")
        assert r.status_code == 200 and r.headers["Content-Type"] == "image/png"
    finally:
        import shutil
        shutil.rmtree(reg_settings.datasets_dir / "baeume_neu")
        shutil.rmtree(reg_settings.publish_dir / "baeume_neu", ignore_errors=True)
        write_mapfile(reg_settings)


def test_basemap_tiles_come_from_the_same_map(reg_settings):
    import io

    import numpy as np
    from PIL import Image
    man = json.loads((reg_settings.publish_dir / "trees" / "current" / "manifest.json").read_text())
    lon = (man["bbox_crs84"][0] + man["bbox_crs84"][2]) / 2
    lat = (man["bbox_crs84"][1] + man["bbox_crs84"][3]) / 2
    c = Client(BasemapApp(reg_settings))
    x, y = lonlat_to_tile(lon, lat, 15)
    r = c.get(f"/15/{x}/{y}.png")
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/png"
    px = np.asarray(Image.open(io.BytesIO(r.data)).convert("RGBA"))
    assert px.shape == (256, 256, 4) and px[..., 3].max() > 0
    assert c.get(f"/2/{x}/{y}.png").status_code == 404  # x, y outside the zoom-2 grid
    assert c.get("/15/1/2.jpg").status_code == 404


def test_unknown_theme_falls_back_to_geometry_styles():
    assert styles.theme_style("xx", "Point", set()).classes[0]["styles"][0]["symbol"] == "circle"
    assert "width" in styles.theme_style("xx", "LineString", set()).classes[0]["styles"][0]
    assert styles.theme_style("bu", "Polygon", set()).classes[0]["name"] == "flaeche"  # no function code
    bu = styles.theme_style("bu", "MultiPolygon", {"function_code"})
    assert [c["name"] for c in bu.classes] == ["wohnen", "gewerbe", "oeffentlich", "sonstige"]
