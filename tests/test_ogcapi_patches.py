"""What ``services/ogcapi/patches.py`` and the per-instance pygeoapi construction in ``app.py`` assume
about pygeoapi. These tests fail when a pygeoapi upgrade breaks an assumption: the pinned version, the
names the patches replace and their call sites, the routes of ``pygeoapi.flask_app`` that ``app.py``
re-creates, and the behaviour end to end (CQL2 that stock pygeoapi cannot parse, ``filter-crs`` applied
once, two configurations in one process without environment variables).

No demo server: a small GeoPackage is written here and served in-process through our provider.
"""
from __future__ import annotations

import ast
import inspect
import json
import os
import sys
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pygeoapi
import pyproj
import pytest
import shapely
from pygeoapi.api import itemtypes

from services.ogcapi import patches
from services.ogcapi.instance import build_pygeoapi
from services.ogcapi.provider import REQUEST_PARAMS

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
EPSG = "http://www.opengis.net/def/crs/EPSG/0/"
FLASK_APP = Path(pygeoapi.__file__).parent / "flask_app.py"


# --------------------------------------------------------------------------- assumptions

def test_pinned_pygeoapi_version():
    """Upgrading pygeoapi: review patches.py and app.flask_app against the new release, then move the pin."""
    assert pygeoapi.__version__ == patches.PYGEOAPI_VERSION


@pytest.mark.parametrize("name,call", [
    ("parse_ecql_text", "parse_ecql_text(cql_text)"),
    ("parse_cql2_json", "parse_cql2_json(request_data)"),
    ("modify_pygeofilter", "modify_pygeofilter("),
    ("to_json", "to_json(content, api.pretty_print)"),
])
def test_patch_targets_are_looked_up_in_itemtypes(name, call):
    """Each replaced name is a global of pygeoapi.api.itemtypes that get_collection_items calls, so
    replacing the module attribute changes what it calls."""
    fn = itemtypes.get_collection_items
    assert fn.__globals__ is vars(itemtypes)
    assert call in inspect.getsource(fn)
    assert callable(patches.original("pygeoapi.api.itemtypes", name))


def test_original_signatures():
    orig = patches.original
    assert list(inspect.signature(orig("pygeoapi.api.itemtypes", "modify_pygeofilter")).parameters) == [
        "ast_tree", "filter_crs_uri", "storage_crs_uri", "geometry_column_name"]
    assert list(inspect.signature(orig("pygeoapi.api.itemtypes", "to_json")).parameters) == ["dict_", "pretty"]
    assert len(inspect.signature(orig("pygeoapi.api.itemtypes", "parse_ecql_text")).parameters) == 1
    assert len(inspect.signature(orig("pygeoapi.api.itemtypes", "parse_cql2_json")).parameters) == 1
    # the provider receives the (patched) parse result as filterq
    assert "filterq=filter_" in inspect.getsource(itemtypes.get_collection_items)


def test_apply_is_idempotent_and_replaces():
    patches.apply()
    patches.apply()
    assert itemtypes.to_json is patches.fast_to_json
    assert itemtypes.parse_ecql_text is patches._parse_cql2_text
    assert itemtypes.parse_cql2_json is patches._parse_cql2_json
    assert itemtypes.modify_pygeofilter is patches._keep_filter


def test_missing_target_fails_loudly():
    with pytest.raises(patches.PatchTargetMissing, match=r"review services/ogcapi/patches\.py"):
        patches._replace(ModuleType("pygeoapi_fake"), "parse_ecql_text", lambda t: t)


def test_fast_to_json_is_the_same_json():
    stock = patches.original("pygeoapi.api.itemtypes", "to_json")
    doc = {"type": "FeatureCollection", "numberMatched": 3, "name": "Straße ✓", "when": datetime(2024, 5, 1, 12),
           "d": Decimal("1.5"), "big": 2 ** 70, "features": [{"id": 1, "geometry": None, "properties": {}}]}
    assert json.loads(patches.fast_to_json(doc)) == json.loads(stock(doc))
    ascii_doc = {k: v for k, v in doc.items() if k not in ("big", "name")}
    assert patches.fast_to_json(ascii_doc) == stock(ascii_doc)  # compact: byte-identical but for \\u escapes
    assert "Straße ✓" in patches.fast_to_json({**ascii_doc, "name": "Straße ✓"})


def _flask_app_routes() -> set[tuple[str, frozenset[str]]]:
    """(rule, methods) of every @BLUEPRINT.route in pygeoapi/flask_app.py (read, not imported: importing
    it needs PYGEOAPI_CONFIG)."""
    out = set()
    for node in ast.walk(ast.parse(FLASK_APP.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.FunctionDef):
            continue
        for dec in node.decorator_list:
            if (isinstance(dec, ast.Call) and isinstance(dec.func, ast.Attribute) and dec.func.attr == "route"
                    and getattr(dec.func.value, "id", "") == "BLUEPRINT"):
                methods = next((ast.literal_eval(k.value) for k in dec.keywords if k.arg == "methods"), ["GET"])
                out.add((ast.literal_eval(dec.args[0]), frozenset(methods)))
    return out


def test_routes_are_those_of_pygeoapi_flask_app(instances):
    stock = _flask_app_routes()
    assert len(stock) > 30
    app = instances["public"].app
    ours = {(r.rule, frozenset(r.methods - {"HEAD"} - ({"OPTIONS"} if r.provide_automatic_options else set())))
            for r in app.url_map.iter_rules() if r.endpoint != "static"}
    # OGC schemas served locally (server.ogc_schemas_location) and the admin API are not offered
    stock = {(rule, m) for rule, m in stock if not rule.startswith("/schemas/")}
    assert ours == stock


# --------------------------------------------------------------------------- behaviour end to end

# a 5 x 4 grid, 100 m apart, in EPSG:25832 (Münster); a box in its middle has points on every side
POINTS = [(405000.0 + 100 * i, 5755000.0 + 100 * j) for j in range(4) for i in range(5)]
NAMES = (["Linde", "linde", "Eiche", "Ahorn", "Linde", "Buche", "Eiche", "Lärche", "Linde", "Ahorn"] * 2)


@pytest.fixture(scope="module")
def gpkg(tmp_path_factory) -> Path:
    import geopandas as gpd
    path = tmp_path_factory.mktemp("gpkg") / "trees.gpkg"
    gdf = gpd.GeoDataFrame({"name": NAMES, "height": [float(i) for i in range(len(POINTS))]},
                           geometry=[shapely.Point(p) for p in POINTS], crs="EPSG:25832")
    gdf.to_file(path, layer="trees", driver="GPKG")
    return path


def _config(gpkg: Path, collections: list[str], index_dir: Path) -> dict:
    def resource(title: str) -> dict:
        return {"type": "collection", "title": title, "description": title, "keywords": ["test"], "links": [],
                "extents": {"spatial": {"bbox": [7.6, 51.9, 7.7, 52.0], "crs": CRS84}},
                "providers": [{"type": "feature", "name": "services.ogcapi.provider.GpkgProvider",
                               "data": str(gpkg), "table": "trees", "id_field": "fid",
                               "id_index_dir": str(index_dir), "storage_crs": f"{EPSG}25832",
                               "crs": [CRS84, f"{EPSG}25832", f"{EPSG}4258"]}]}
    return {
        "server": {"bind": {"host": "127.0.0.1", "port": 5000}, "url": "http://127.0.0.1:5000/ogc",
                   "mimetype": "application/json; charset=UTF-8", "encoding": "utf-8", "gzip": False,
                   "languages": ["de-DE", "en-US"], "cors": True, "pretty_print": False,
                   "limits": {"default_items": 10, "max_items": 1000},
                   "map": {"url": "https://example.invalid/{z}/{x}/{y}.png", "attribution": "test"}},
        "logging": {"level": "ERROR"},
        "metadata": {"identification": {"title": "t", "description": "d", "keywords": ["k"],
                                        "keywords_type": "theme", "terms_of_service": "x", "url": "x"},
                     "license": {"name": "l", "url": "x"}, "provider": {"name": "p", "url": "x"},
                     "contact": {"name": "c"}},
        "resources": {c: resource(c) for c in collections},
    }


@pytest.fixture(scope="module")
def instances(gpkg, tmp_path_factory):
    before = {k: os.environ.get(k) for k in ("PYGEOAPI_CONFIG", "PYGEOAPI_OPENAPI")}
    had_flask_app = "pygeoapi.flask_app" in sys.modules
    idx = tmp_path_factory.mktemp("idindex")
    made = {"public": build_pygeoapi(_config(gpkg, ["trees"], idx), {}, "public"),
            "staff": build_pygeoapi(_config(gpkg, ["trees", "secret"], idx), {}, "staff")}
    assert {k: os.environ.get(k) for k in before} == before
    assert had_flask_app or "pygeoapi.flask_app" not in sys.modules
    return made


def items(instances, params: dict, kind: str = "public", coll: str = "trees", **kw) -> tuple[int, dict]:
    REQUEST_PARAMS.set({k: str(v) for k, v in params.items()})  # what the dispatcher hands the provider
    try:
        client = instances[kind].app.test_client()
        if "json" in kw:
            r = client.post(f"/collections/{coll}/items", query_string={"f": "json", **params},
                            data=json.dumps(kw["json"]), content_type="application/query-cql-json")
        else:
            r = client.get(f"/collections/{coll}/items", query_string={"f": "json", "limit": 100, **params})
    finally:
        REQUEST_PARAMS.set({})
    return r.status_code, r.get_json()


def _ids_in(geom_25832) -> set[int]:
    return {i + 1 for i, p in enumerate(POINTS) if shapely.intersects(geom_25832, shapely.Point(p))}


def test_two_configurations_side_by_side(instances):
    pub = instances["public"].app.test_client()
    staff = instances["staff"].app.test_client()
    assert pub.get("/collections/secret/items?f=json").status_code == 404
    assert staff.get("/collections/secret/items?f=json").status_code == 200
    ids = lambda c: sorted(x["id"] for x in c.get("/collections?f=json").get_json()["collections"])  # noqa: E731
    assert ids(pub) == ["trees"] and ids(staff) == ["secret", "trees"]
    assert instances["public"].api is not instances["staff"].api


def test_cql2_text_that_ecql_cannot_parse(instances):
    status, doc = items(instances, {"filter": "CASEI(name) = 'linde'"})
    assert status == 200, doc
    assert doc["numberMatched"] == len(doc["features"]) == sum(n.lower() == "linde" for n in NAMES)
    box = shapely.box(405150, 5755050, 405350, 5755250)
    status, doc = items(instances, {"filter": "S_INTERSECTS(geometry, BBOX({},{},{},{}))".format(*box.bounds),
                                    "filter-crs": f"{EPSG}25832"})
    assert status == 200, doc
    assert {f["id"] for f in doc["features"]} == _ids_in(box) and doc["numberMatched"] == len(_ids_in(box))


def test_filter_crs_is_applied_once_and_exactly(instances):
    """A lat/lon (EPSG:4258) polygon: pygeoapi's own modify_pygeofilter would transform it, then our
    provider would again (the patch keeps the tree as parsed)."""
    ring_25832 = shapely.Polygon([(405150, 5755050), (405350, 5755050), (405350, 5755250), (405150, 5755250)])
    t = pyproj.Transformer.from_crs("EPSG:25832", "EPSG:4258")   # authority order: lat, lon
    xs, ys = zip(*ring_25832.exterior.coords, strict=True)
    lat, lon = t.transform(xs, ys)
    wkt = "POLYGON((" + ", ".join(f"{a:.9f} {b:.9f}" for a, b in zip(lat, lon, strict=True)) + "))"
    status, doc = items(instances, {"filter": f"S_INTERSECTS(geometry, {wkt})", "filter-crs": f"{EPSG}4258"})
    assert status == 200, doc
    want = _ids_in(ring_25832)
    assert 0 < len(want) < len(POINTS)
    assert {f["id"] for f in doc["features"]} == want


def test_cql2_json_post_with_bbox(instances):
    """pygeofilter 0.4's CQL2-JSON parser reads bbox in the wrong order; ours is used for the POST body."""
    box = shapely.box(405150, 5755050, 405350, 5755250)
    to84 = pyproj.Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True)
    x1, y1 = to84.transform(box.bounds[0], box.bounds[1])
    x2, y2 = to84.transform(box.bounds[2], box.bounds[3])
    inner = shapely.box(*to84.transform(405160, 5755060), *to84.transform(405340, 5755240))
    assert inner.within(shapely.box(x1, y1, x2, y2))
    assert len(_ids_in(box)) == 4
    status, doc = items(instances, {}, json={"op": "s_intersects",
                                             "args": [{"property": "geometry"}, {"bbox": [x1, y1, x2, y2]}]})
    assert status == 200, doc
    assert {f["id"] for f in doc["features"]} == _ids_in(box)
    assert doc["numberMatched"] == len(_ids_in(box))


def test_links_keep_the_filter_and_crs_output(instances):
    status, doc = items(instances, {"filter": "name = 'Linde'", "limit": 1, "crs": f"{EPSG}4258"})
    assert status == 200
    nxt = [link["href"] for link in doc["links"] if link["rel"] == "next"]
    assert nxt and "filter=name" in nxt[0]
    lat, lon = doc["features"][0]["geometry"]["coordinates"]
    assert 51 < lat < 53 and 7 < lon < 8     # EPSG:4258 is latitude, longitude


def test_queryables_and_numbermatched(instances):
    client = instances["public"].app.test_client()
    q = client.get("/collections/trees/queryables?f=json").get_json()
    assert q["properties"]["height"]["type"] == "number"
    status, doc = items(instances, {"resulttype": "hits"})
    assert status == 200 and doc["numberMatched"] == len(POINTS) and doc["features"] == []
