"""Issue 15: the WMS reads PostGIS tables when the store is PostgreSQL.

A throw-away PostgreSQL + PostGIS cluster; two datasets (trees: points drawn from the source view with crown
diameters; bplan2070_sr: a table of mixed geometries, a group layer of three MapServer layers) are published
the normal way with the PostGIS store (``store: postgresql://…``: features in the schemas ``ds_<id>``, files on
disk). The mapfile is generated once through that store and once, from the same publication folders, through
the GeoPackage store; both are served by the real /wms app (MapScript in-process): the maps, the feature info
and the capabilities must be the same, and a republication must be visible through either.
"""
from __future__ import annotations

import io
import json
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import mappyfile
import numpy as np
import psycopg
import pytest
import yaml
from lxml import etree
from osgeo import gdal, ogr
from PIL import Image
from werkzeug.test import Client

from core.config import Settings, load_registry
from core.store import LayerRef, get_store, pg_conninfo
from services.wms import mapfile
from services.wms.app import WmsApp
from services.wms.mapfile import _is_mixed, collect_layers, mapfile_paths, write_mapfile
from tests.pgcluster import new_database, postgis_cluster
from transforms.pipeline import run_dataset

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ("trees", "bplan2070_sr")
TREES = "SD.SpeciesDistribution"
PLU = "PLU.SupplementaryRegulation"
WMS_NS = {"wms": "http://www.opengis.net/wms"}
PASSWORD = "p w'\"x\\y"  # space, both quotes and a backslash

gdal.UseExceptions()
ogr.UseExceptions()


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    with postgis_cluster() as server:
        yield server


class LookupAt:
    """Stands in for the PostGIS store's lookup only (the test of an unreachable database): the LayerRef the
    store gives for the current version, with another connection URL."""

    def __init__(self, settings: Settings, url: str):
        self.settings, self.url = settings, url

    def layer(self, dataset_id: str, collection: str, version: str | None = None) -> LayerRef | None:
        manifest = json.loads((self.settings.publish_dir / dataset_id / "current" / "manifest.json").read_text())
        return LayerRef("postgis", dataset_id, version or manifest["version"], collection, dsn=self.url,
                        schema=f"ds_{dataset_id}")


def _registry(datasets: Path) -> None:
    for ds_id in DATASETS:
        src = ROOT / "datasets" / ds_id / "dataset.yml"
        data = yaml.safe_load(src.read_text(encoding="utf-8"))
        if ds_id == "trees":   # the Münster extract alone: the tests draw around its bbox's centre
            data["sources"] = data["sources"][:1]
        for s in data["sources"]:
            s["path"] = str((src.parent / s["path"]).resolve())
        (datasets / ds_id).mkdir(parents=True)
        (datasets / ds_id / "dataset.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _shared_var(var_dir: Path, published: Settings, store: str = "gpkg") -> Settings:
    """Settings with their own var dir (mapfiles) and store, reading the publications of ``published``."""
    settings = published.model_copy(update={"var_dir": var_dir, "store": store})
    var_dir.mkdir()
    settings.publish_dir.symlink_to(published.publish_dir)
    return settings


@pytest.fixture(scope="module")
def setups(tmp_path_factory, schema_dir, pg_server) -> dict[str, Any]:
    """``{"postgis": settings, "gpkg": settings, …}``: one publication through the PostGIS store; the
    GeoPackage settings read the same publication folders (the store keeps each version's GeoPackage)."""
    root = tmp_path_factory.mktemp("wmspg")
    datasets = root / "datasets"
    _registry(datasets)
    url = new_database(pg_server, prefix="wms", postgis=True)
    # the cluster trusts local connections, so the password is not checked; it must survive the quoting
    # (libpq conninfo in a mapfile string) all the same, or libpq refuses the connection string
    pw_url = url.replace("postgres@", f"postgres:{quote(PASSWORD, safe='')}@", 1)
    pg_settings = Settings(var_dir=root / "var-pg", datasets_dir=datasets, schema_dir=schema_dir, store=pw_url)
    store = get_store(pg_settings)
    assert store.name == "postgis"
    for ds in load_registry(datasets).values():
        run_dataset(ds, pg_settings)
    write_mapfile(pg_settings)
    gpkg_settings = _shared_var(root / "var-gpkg", pg_settings)
    write_mapfile(gpkg_settings)
    return {"gpkg": gpkg_settings, "postgis": pg_settings, "url": url, "pw_url": pw_url, "root": root}


@pytest.fixture(scope="module")
def clients(setups) -> dict[str, Client]:
    return {kind: Client(WmsApp(setups[kind])) for kind in ("gpkg", "postgis")}


def _get(client: Client, **params: str) -> Any:
    return client.get("/?" + urlencode({"SERVICE": "WMS", "VERSION": "1.3.0", **params}))


def _png(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"))


def _map_layers(settings: Settings) -> list[dict[str, Any]]:
    return list(mappyfile.open(str(mapfile_paths(settings)["public"]))["layers"])


def test_mapfile_layers_read_postgis_tables(setups):
    layers = _map_layers(setups["postgis"])
    assert [lay["name"] for lay in layers] == [lay["name"] for lay in _map_layers(setups["gpkg"])]
    trees = next(lay for lay in layers if lay["name"] == TREES)
    assert trees["connectiontype"].upper() == "POSTGIS"
    assert "CLOSE_CONNECTION=DEFER" in trees["processing"]
    # mappyfile keeps MapServer's escapes; MapScript reads the plain values
    import mapscript
    m = mapscript.mapObj(str(mapfile_paths(setups["postgis"])["public"]))
    ms_trees = m.getLayerByName(TREES)
    assert ms_trees.connection == pg_conninfo(setups["pw_url"])
    assert "password='p w\\'\"x\\\\y'" in ms_trees.connection
    assert ms_trees.data == 'geom from "ds_trees"."trees_source" using unique fid using srid=25832'
    parts = [m.getLayer(i) for i in range(m.numlayers) if m.getLayer(i).group == PLU]
    assert {p.name.rsplit(".", 1)[1] for p in parts} >= {"flaechen", "punkte"}
    for p in parts:
        assert p.data.startswith('geom from (SELECT * FROM "ds_bplan2070_sr"."bplan2070_supplementaryregulation" '
                                 "WHERE GeometryType(geom) IN (")
        assert p.data.endswith(") AS sub using unique fid using srid=25832")
    # the connection string may carry a password: the mapfile is readable by its owner only
    assert stat.S_IMODE(mapfile_paths(setups["postgis"])["public"].stat().st_mode) == 0o600


def test_columns_and_geometry_types_are_read_the_same_way(setups):
    """GDAL inspects ``LayerRef.ogr_source`` (a file or ``PG:… schemas=ds_<id>``): the same columns (the key
    ``fid`` is no column in either), the same geometry types, the same table per WMS layer."""
    pg = collect_layers(setups["postgis"], staff=True)
    gp = collect_layers(setups["gpkg"], staff=True)
    assert {lay.ref.kind for lay in pg} == {"postgis"} and {lay.ref.kind for lay in gp} == {"gpkg"}
    assert {lay.ref.schema for lay in pg} == {f"ds_{ds_id}" for ds_id in DATASETS}
    assert [(lay.name, lay.table, lay.geometry, lay.columns) for lay in pg] == \
        [(lay.name, lay.table, lay.geometry, lay.columns) for lay in gp]
    mixed = next(lay for lay in pg if _is_mixed(lay.geometry))
    gmixed = next(lay for lay in gp if _is_mixed(lay.geometry))
    assert mapfile._geometry_types(mixed.ref) == mapfile._geometry_types(gmixed.ref)
    assert {"POINT", "POLYGON"} <= mapfile._geometry_types(mixed.ref)


def test_capabilities_list_the_same_layers(clients):
    docs = {}
    for kind, c in clients.items():
        r = _get(c, REQUEST="GetCapabilities")
        assert r.status_code == 200, r.data[:500]
        docs[kind] = r.data
    names = {k: etree.fromstring(d).xpath("//wms:Layer/wms:Name/text()", namespaces=WMS_NS) for k, d in docs.items()}
    assert TREES in names["gpkg"] and PLU in names["gpkg"]
    assert names["postgis"] == names["gpkg"]
    assert docs["postgis"] == docs["gpkg"]


def _bbox(settings: Settings, ds_id: str) -> tuple[float, float, float, float]:
    man = json.loads((settings.publish_dir / ds_id / "current" / "manifest.json").read_text())
    x0, y0, x1, y1 = man["bbox_25832"]
    # square, so that both axes have the same scale
    cx, cy, half = (x0 + x1) / 2, (y0 + y1) / 2, max(x1 - x0, y1 - y0) / 2 * 1.02
    return cx - half, cy - half, cx + half, cy + half


@pytest.mark.parametrize(("layer", "ds_id", "size"), [(TREES, "trees", 768), (PLU, "bplan2070_sr", 512)])
def test_getmap_draws_the_same_picture(setups, clients, layer, ds_id, size):
    bbox = ",".join(f"{v:.3f}" for v in _bbox(setups["gpkg"], ds_id))
    imgs = {}
    for kind, c in clients.items():
        r = _get(c, REQUEST="GetMap", LAYERS=layer, STYLES="", CRS="EPSG:25832", BBOX=bbox, WIDTH=str(size),
                 HEIGHT=str(size), FORMAT="image/png", TRANSPARENT="TRUE")
        assert r.status_code == 200 and r.headers["Content-Type"] == "image/png", (kind, r.data[:500])
        imgs[kind] = _png(r.data)
    drawn = imgs["gpkg"][..., 3] > 0
    assert drawn.mean() > 0.005, "the GeoPackage map is (nearly) empty"
    assert (imgs["postgis"][..., 3] > 0).mean() > 0.005, "the PostGIS map is (nearly) empty"
    diff = np.abs(imgs["gpkg"].astype(int) - imgs["postgis"].astype(int)).max(axis=2) > 8
    # the same features with the same styles; only the drawing order of overlapping symbols may differ
    assert diff.mean() < 0.002, f"{diff.sum()} of {diff.size} pixels differ"


def _tree_pixel(settings: Settings, bbox: tuple[float, float, float, float], size: int) -> tuple[int, int, str]:
    """I, J and key of a tree with no other tree within 15 m (the query tolerance is 6 px)."""
    ds = ogr.Open(str(settings.publish_dir / "trees" / "current" / "trees.gpkg"))
    lyr = ds.GetLayerByName("trees_source")
    pts = [(f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY(), f.GetField("key")) for f in lyr]
    xy = np.array([(x, y) for x, y, _ in pts])
    for x, y, key in pts:
        d = np.hypot(xy[:, 0] - x, xy[:, 1] - y)
        if (d < 15).sum() == 1:
            i = round((x - bbox[0]) / (bbox[2] - bbox[0]) * size)
            j = round((bbox[3] - y) / (bbox[3] - bbox[1]) * size)
            return i, j, str(key)
    raise AssertionError("no isolated tree")


def test_getfeatureinfo_returns_the_same_feature(setups, clients):
    x0, y0, x1, y1 = _bbox(setups["gpkg"], "trees")
    i, j, key = _tree_pixel(setups["gpkg"], (x0, y0, x1, y1), 2048)
    # a small window around the tree (the tolerance in pixels then means a few metres)
    px = (x1 - x0) / 2048
    cx, cy = x0 + i * px, y1 - j * px
    bbox = (cx - 50 * px, cy - 50 * px, cx + 50 * px, cy + 50 * px)
    answers = {}
    for kind, c in clients.items():
        r = _get(c, REQUEST="GetFeatureInfo", LAYERS=TREES, QUERY_LAYERS=TREES, STYLES="", CRS="EPSG:25832",
                 BBOX=",".join(f"{v:.4f}" for v in bbox), WIDTH="101", HEIGHT="101", I="50", J="50",
                 INFO_FORMAT="application/json", FEATURE_COUNT="5")
        assert r.status_code == 200, (kind, r.data[:500])
        answers[kind] = json.loads(r.data)
    feats = {k: a["features"] for k, a in answers.items()}
    assert len(feats["gpkg"]) == 1 and str(feats["gpkg"][0]["properties"]["key"]) == key
    assert feats["postgis"] == feats["gpkg"]
    assert "fid" not in feats["postgis"][0]["properties"]
    html = {}
    for kind, c in clients.items():
        r = _get(c, REQUEST="GetFeatureInfo", LAYERS=TREES, QUERY_LAYERS=TREES, STYLES="", CRS="EPSG:25832",
                 BBOX=",".join(f"{v:.4f}" for v in bbox), WIDTH="101", HEIGHT="101", I="50", J="50",
                 INFO_FORMAT="text/html")
        assert r.status_code == 200
        html[kind] = r.data
    assert key.encode() in html["gpkg"] and html["postgis"] == html["gpkg"]


def test_staff_mapfile_is_unchanged_apart_from_the_source(setups):
    """Everything but CONNECTIONTYPE/CONNECTION/DATA (and the excluded key column) is the same."""
    def strip(lay: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in lay.items() if k not in ("connectiontype", "connection", "data", "template",
                                                          "header", "footer", "__position__")}
        out["metadata"] = {k: v for k, v in lay["metadata"].items() if k not in ("wms_exclude_items",
                                                                                  "gml_exclude_items")}
        return out
    for kind in ("public", "staff"):
        a = mappyfile.open(str(mapfile_paths(setups["gpkg"])[kind]))["layers"]
        b = mappyfile.open(str(mapfile_paths(setups["postgis"])[kind]))["layers"]
        assert [strip(x) for x in a] == [strip(x) for x in b]


def test_a_republication_is_read_through_the_same_connection(setups, clients, monkeypatch):
    """The schema ds_<id> is renamed on a publication; MapServer's kept connection (CLOSE_CONNECTION=DEFER, no
    new mapfile: nothing on disk changes here) reads the new table."""
    from core import store_postgis_check
    monkeypatch.setattr(store_postgis_check, "CHECK_TTL_S", 0.0)  # every request checks the tables anew
    url = setups["url"]
    bbox = ",".join(f"{v:.3f}" for v in _bbox(setups["gpkg"], "trees"))
    def drawn() -> float:
        r = _get(clients["postgis"], REQUEST="GetMap", LAYERS=TREES, STYLES="", CRS="EPSG:25832", BBOX=bbox,
                 WIDTH="256", HEIGHT="256", FORMAT="image/png", TRANSPARENT="TRUE")
        assert r.status_code == 200 and r.headers["Content-Type"] == "image/png", r.data[:500]
        return float((_png(r.data)[..., 3] > 0).mean())
    before = drawn()
    assert before > 0
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute('CREATE SCHEMA "v_next"')
        # a complete version (every table of the schema: the store's damage check looks for all of them once
        # its cached answer is older than CHECK_TTL_S), with half the trees in the drawn source view
        tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'ds_trees'")]
        assert "trees_source" in tables
        for t in tables:
            where = " WHERE fid % 2 = 0" if t == "trees_source" else ""
            conn.execute(f'CREATE TABLE "v_next"."{t}" AS SELECT * FROM "ds_trees"."{t}"{where}')
        with conn.transaction():
            conn.execute('ALTER SCHEMA "ds_trees" RENAME TO "v_prev"')
            conn.execute('ALTER SCHEMA "v_next" RENAME TO "ds_trees"')
    try:
        after = drawn()
        assert 0 < after < before
    finally:
        with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
            conn.execute('DROP SCHEMA "ds_trees" CASCADE')
            conn.execute('ALTER SCHEMA "v_prev" RENAME TO "ds_trees"')
    assert drawn() == before


def test_gpkg_mode_is_unchanged(setups):
    layers = _map_layers(setups["gpkg"])
    assert {lay["connectiontype"].upper() for lay in layers} == {"OGR"}
    assert all("exclude_items" not in k for lay in layers for k in lay["metadata"])
    assert {lay["connection"] for lay in layers} == {
        str((setups["gpkg"].publish_dir / ds_id / "current" / f"{ds_id}.gpkg").resolve()) for ds_id in DATASETS}


def test_the_password_does_not_reach_the_client(setups):
    """An unreachable database: MapServer's exception names no connection string."""
    settings = _shared_var(setups["root"] / "var-down", setups["gpkg"])
    down = "postgresql://gdi:s3cret-pw@127.0.0.1:1/nodb"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(mapfile, "get_store", lambda settings: LookupAt(settings, down))
        mp.setattr(mapfile, "_ogr_info", lambda ref: ("Point", ["key", "crown_diameter_m"]))
        write_mapfile(settings)
    assert "s3cret-pw" in mapfile_paths(settings)["public"].read_text()
    x0, y0, x1, y1 = _bbox(settings, "trees")
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2  # 200 m in 256 px: within the layer's scale range
    r = _get(Client(WmsApp(settings)), REQUEST="GetMap", LAYERS=TREES, STYLES="", CRS="EPSG:25832",
             BBOX=f"{cx - 100},{cy - 100},{cx + 100},{cy + 100}", WIDTH="256", HEIGHT="256", FORMAT="image/png")
    assert r.status_code == 400 and b"ServiceException" in r.data, (r.status_code, r.headers, r.data[:800])
    assert b"s3cret" not in r.data and b"nodb" not in r.data


def test_a_republication_is_served_by_both(setups, clients, tmp_path):
    """A new version of trees (half the trees) through the PostGIS store: the PostGIS map reads the renamed
    schema, the GeoPackage map the new version folder; both show the new version and still agree."""
    pg_settings = setups["postgis"]
    bbox = ",".join(f"{v:.3f}" for v in _bbox(pg_settings, "trees"))
    def maps() -> dict[str, np.ndarray]:
        out = {}
        for kind, c in clients.items():
            r = _get(c, REQUEST="GetMap", LAYERS=TREES, STYLES="", CRS="EPSG:25832", BBOX=bbox, WIDTH="512",
                     HEIGHT="512", FORMAT="image/png", TRANSPARENT="TRUE")
            assert r.status_code == 200 and r.headers["Content-Type"] == "image/png", (kind, r.data[:500])
            out[kind] = _png(r.data)
        return out
    before = maps()
    old_version = get_store(pg_settings).layer("trees", "trees_source")
    csv = ROOT / "datasets" / "trees" / "baumkataster_muenster.csv"
    lines = csv.read_bytes().splitlines(keepends=True)
    half = tmp_path / "half.csv"
    half.write_bytes(b"".join(lines[: len(lines) // 2]))
    yml = pg_settings.datasets_dir / "trees" / "dataset.yml"
    data = yaml.safe_load(yml.read_text(encoding="utf-8"))
    data["sources"][0]["path"] = str(half)
    yml.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    run_dataset(load_registry(pg_settings.datasets_dir)["trees"], pg_settings)
    ref = get_store(pg_settings).layer("trees", "trees_source")
    assert ref is not None and old_version is not None and ref.version != old_version.version
    assert ref.schema == old_version.schema == "ds_trees"
    after = maps()  # no POST_PUBLISH hook ran: the apps notice the moved `current` link themselves
    for kind in ("gpkg", "postgis"):
        assert 0 < (after[kind][..., 3] > 0).mean() < (before[kind][..., 3] > 0).mean(), kind
    diff = np.abs(after["gpkg"].astype(int) - after["postgis"].astype(int)).max(axis=2) > 8
    assert diff.mean() < 0.002
