"""Issue 5: the mapfiles are generated from the registry and the publications (never by hand), split
public/staff, and the /wms app (real MapScript, in-process WSGI) sees new publications without a restart."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import mappyfile
import mapscript
import pytest
import yaml
from osgeo import gdal, ogr
from shapely.geometry import MultiPolygon, box
from werkzeug.test import Client

from core.config import Settings, load_dataset, load_registry
from core.store import LayerRef
from services.wms import styles
from services.wms.app import WmsApp
from services.wms.basemap import BasemapApp, lonlat_to_tile
from services.wms.mapfile import WmsLayer, build_map, collect_layers, mapfile_paths, write_mapfile
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
    import pyogrio
    from PIL import Image
    # at a published tree (the trees' bbox spans Münster and Hildesheim: its centre lies between them)
    gdf = pyogrio.read_dataframe(reg_settings.publish_dir / "trees" / "current" / "trees.gpkg",
                                 layer="trees_source", max_features=1).to_crs("OGC:CRS84")
    lon, lat = gdf.geometry.iloc[0].x, gdf.geometry.iloc[0].y
    c = Client(BasemapApp(reg_settings))
    x, y = lonlat_to_tile(lon, lat, 15)
    r = c.get(f"/15/{x}/{y}.png")
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/png"
    px = np.asarray(Image.open(io.BytesIO(r.data)).convert("RGBA"))
    assert px.shape == (256, 256, 4) and px[..., 3].max() > 0
    # rendered once, then read from disk; a new mapfile (a publication changed) starts a new set
    assert r.headers["X-Cache"] == "MISS"
    again = c.get(f"/15/{x}/{y}.png")
    assert again.headers["X-Cache"] == "HIT" and again.data == r.data
    sets = list((reg_settings.var_dir / "cache" / "basemap").iterdir())
    assert len(sets) == 1 and (sets[0] / "15" / str(x) / f"{y}.png").read_bytes() == r.data
    import time
    time.sleep(0.01)
    write_mapfile(reg_settings)
    assert c.get(f"/15/{x}/{y}.png").headers["X-Cache"] == "MISS"
    assert len(list((reg_settings.var_dir / "cache" / "basemap").iterdir())) == 2
    assert c.get(f"/2/{x}/{y}.png").status_code == 404  # x, y outside the zoom-2 grid
    assert c.get("/15/1/2.jpg").status_code == 404


def test_unknown_theme_falls_back_to_geometry_styles():
    assert styles.theme_style("xx", "Point", set()).classes[0]["styles"][0]["symbol"] == "circle"
    assert "width" in styles.theme_style("xx", "LineString", set()).classes[0]["styles"][0]
    assert styles.theme_style("bu", "Polygon", set()).classes[0]["name"] == "flaeche"  # no function code
    bu = styles.theme_style("bu", "MultiPolygon", {"function_code"})
    assert [c["name"] for c in bu.classes] == ["wohnen", "gewerbe", "oeffentlich", "sonstige"]


# ------------------------------------------------------------------------------------------ BU: BuildingParts
def _query(path: Path, layer: str, *, rect: tuple[float, float, float, float] | None = None,
           point: tuple[float, float] | None = None) -> list[dict[str, str]]:
    """The features MapServer finds in ``layer`` of the mapfile ``path`` (in a rectangle, or at a point)."""
    m = mapscript.mapObj(str(path))
    lay = m.getLayerByName(layer)
    assert lay is not None, _layer_names(path)
    if point is not None:
        status = lay.queryByPoint(m, mapscript.pointObj(*point), mapscript.MS_MULTIPLE, -1)
    else:
        status = lay.queryByRect(m, mapscript.rectObj(*(rect or (lay.extent.minx, lay.extent.miny, lay.extent.maxx,
                                                                  lay.extent.maxy))))
    if status != mapscript.MS_SUCCESS:
        return []
    lay.open()
    try:
        names = [lay.getItem(i) for i in range(lay.numitems)]
        out = []
        for k in range(lay.getNumResults()):
            shape = lay.getShape(lay.getResult(k))
            out.append({n: shape.getValue(i) for i, n in enumerate(names)})
        return out
    finally:
        lay.close()


@pytest.fixture(scope="module")
def lorup(tmp_path_factory, schema_dir) -> Settings:
    """The real CityGML sample (buildings with BuildingParts beside their bodies) published twice: as it is
    (the WMS draws its source view, which has the function codes) and as a copy whose WMS layer may only
    draw the INSPIRE view (``wms_inspire_view_only``: Building and BuildingPart records, the buildings'
    geometry the union of body and parts)."""
    root = tmp_path_factory.mktemp("lorup")
    datasets = root / "datasets"
    src = ROOT / "datasets" / "gebaeude_lorup" / "dataset.yml"
    for ds_id, inspire_only in (("gebaeude_lorup", False), ("gebaeude_lorup_inspire", True)):
        data = yaml.safe_load(src.read_text(encoding="utf-8"))
        data["id"], data["wms_inspire_view_only"] = ds_id, inspire_only
        data["collection"] = f"building_{ds_id}"
        data["inspire"]["namespace"] = f"https://registry.gdi-de.org/id/de.ni.hildesheim/{ds_id}"
        data["inspire"]["primary"] = not inspire_only
        for s in data["sources"]:
            s["path"] = str((src.parent / s["path"]).resolve())
        (datasets / ds_id).mkdir(parents=True)
        (datasets / ds_id / "dataset.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    settings = Settings(var_dir=root / "var", datasets_dir=datasets, schema_dir=schema_dir)
    for ds in load_registry(datasets).values():
        run_dataset(ds, settings, validate=False, geojson=False)
    write_mapfile(settings)
    return settings


def test_building_parts_are_not_drawn_over_their_buildings(lorup):
    path = mapfile_paths(lorup)["public"]
    layers = {lay.dataset.id: lay for lay in collect_layers(lorup, staff=False)}
    src, insp = layers["gebaeude_lorup"], layers["gebaeude_lorup_inspire"]
    assert src.table == "gebaeude_lorup_source" and insp.table == "building_gebaeude_lorup_inspire"
    gpkg = lorup.publish_dir / "gebaeude_lorup_inspire" / "current" / "gebaeude_lorup_inspire.gpkg"
    view = gpd.read_file(gpkg, layer=insp.table)
    parts = view[view["featureType"] == "BuildingPart"]
    assert len(parts) == 38 and len(view) == 157  # the sample's parts, each beside its building's own body
    # the INSPIRE view: buildings only, whole (their geometry includes the parts)
    drawn = _query(path, insp.name)
    assert len(drawn) == 119 and {f["featureType"] for f in drawn} == {"Building"}
    # the source view: every record is its own body, the parts complete their buildings' footprints
    assert len(_query(path, src.name)) == 157
    # at a point of a part: the INSPIRE layer answers with the building, the source layer with the part alone
    for _, part in parts.head(5).iterrows():
        p = part.geometry.representative_point()
        owner = view[(view["featureType"] == "Building") & view["parts"].fillna("").str.contains(part["localId"])]
        [hit] = _query(path, insp.name, point=(p.x, p.y))
        assert hit["localId"] == owner["localId"].iat[0]
        [hit] = _query(path, src.name, point=(p.x, p.y))
        assert hit["key"] in part["localId"] and hit["part_of"]
    text = path.read_text(encoding="utf-8")
    assert '\\"featureType\\" <> \'BuildingPart\'' in text and '\\"own_body\\" IS NOT FALSE' in text


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    from tests.pgcluster import new_database, postgis_cluster
    with postgis_cluster() as server:
        yield new_database(server, prefix="wms_parts", postgis=True)


def _parts_tables(folder: Path) -> Path:
    """A building with a body of its own and a part beside it (A, A1), one whose parts are its only body (B:
    the union of B1 and B2, ``own_body`` false) and one without parts (C), as the BU mapper writes them: the
    source view (every record its own body) and the INSPIRE view (buildings whole, parts again)."""
    x, y = 565_000.0, 5_778_000.0

    def sq(i: int):
        return box(x + 10 * i, y, x + 10 * i + 10, y + 10)

    def multi(*geoms):
        return MultiPolygon([g for g in geoms])
    src = gpd.GeoDataFrame({
        "key": ["A", "A1", "B", "B1", "B2", "C"], "function_code": ["31001_1000"] * 6,
        "function_label": ["Wohngebäude"] * 6, "part_of": [None, "A", None, "B", "B", None],
        "own_body": [True, True, False, True, True, True],
    }, geometry=[multi(sq(0)), multi(sq(1)), multi(sq(3), sq(4)), multi(sq(3)), multi(sq(4)), multi(sq(6))],
        crs="EPSG:25832")
    insp = gpd.GeoDataFrame({
        "localId": ["A", "A1", "B", "B1", "B2", "C"],
        "featureType": ["Building", "BuildingPart", "Building", "BuildingPart", "BuildingPart", "Building"],
        "parts": ["A1", None, "B1 B2", None, None, None],
    }, geometry=[multi(sq(0), sq(1)), multi(sq(1)), multi(sq(3), sq(4)), multi(sq(3)), multi(sq(4)), multi(sq(6))],
        crs="EPSG:25832")
    gpkg = folder / "parts.gpkg"
    src.to_file(gpkg, layer="bu_source", driver="GPKG")
    insp.to_file(gpkg, layer="bu_inspire", driver="GPKG")
    return gpkg


@pytest.mark.parametrize("store", ["gpkg", "postgis"])
def test_building_parts_filter_on_both_stores(store, tmp_path, request):
    """The same rows through GeoPackage (an SQL layer of the GeoPackage) and PostGIS (a sub-select); B's parts
    cover B exactly, so the source view draws them and not B."""
    gpkg = _parts_tables(tmp_path)
    ds = load_dataset(ROOT / "datasets" / "gebaeude_lorup" / "dataset.yml")
    refs = {t: LayerRef("gpkg", ds.id, "v1", t, path=gpkg) for t in ("bu_source", "bu_inspire")}
    if store == "postgis":
        url = request.getfixturevalue("pg_url")
        schema = f"ds_parts_{tmp_path.name[-12:].lower().replace('-', '_')}"
        ref0 = LayerRef("postgis", ds.id, "v1", "bu_source", dsn=url, schema=schema)
        gdal.UseExceptions()
        opts = ["-f", "PostgreSQL", "-preserve_fid", "-lco", f"SCHEMA={schema}", "-lco", "GEOMETRY_NAME=geom",
                "-lco", "FID=fid", "-lco", "LAUNDER=NO"]
        ogr.Open(f"PG:{ref0.pg_conninfo}").ExecuteSQL(f'CREATE SCHEMA "{schema}"')
        assert gdal.VectorTranslate(f"PG:{ref0.pg_conninfo}", str(gpkg), options=opts) is not None
        refs = {t: LayerRef("postgis", ds.id, "v1", t, dsn=url, schema=schema) for t in refs}
    settings = Settings(var_dir=tmp_path / "var")
    layers = []
    for name, table in (("BU.Source", "bu_source"), ("BU.Inspire", "bu_inspire")):
        cols = [c for c in _columns(refs[table]) if c != "fid"]
        st = styles.theme_style("bu", "MultiPolygon", set(cols))
        layers.append(WmsLayer(name=name, dataset=ds, manifest={}, ref=refs[table], geometry="MultiPolygon",
                               columns=cols, style=st))
    path = tmp_path / "parts.map"
    path.write_text(mappyfile.dumps(build_map(settings, layers, tmp_path / "templates")), encoding="utf-8")
    everything = (564_000.0, 5_777_000.0, 566_000.0, 5_779_000.0)
    assert sorted(f["key"] for f in _query(path, "BU.Source", rect=everything)) == ["A", "A1", "B1", "B2", "C"]
    assert sorted(f["localId"] for f in _query(path, "BU.Inspire", rect=everything)) == ["A", "B", "C"]
    x, y = 565_000.0, 5_778_000.0
    for i, source_key, building in ((0, "A", "A"), (1, "A1", "A"), (3, "B1", "B"), (4, "B2", "B"), (6, "C", "C")):
        at = (x + 10 * i + 5, y + 5)  # the middle of square i: one feature, never a part over its building
        assert [f["key"] for f in _query(path, "BU.Source", point=at)] == [source_key]
        assert [f["localId"] for f in _query(path, "BU.Inspire", point=at)] == [building]


def _columns(ref: LayerRef) -> list[str]:
    ds = ogr.Open(ref.ogr_source)
    defn = ds.GetLayerByName(ref.table).GetLayerDefn()
    return [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
