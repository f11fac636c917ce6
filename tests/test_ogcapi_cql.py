"""Issue 4, Part 3 filtering on the embedded GeoPackage store: every CQL2 filter is answered exactly
as an independent computation on the published GeoPackage (read with GDAL via pyogrio, evaluated with
pandas/shapely), or rejected with 400. Nothing is silently ignored."""
from __future__ import annotations

import json

import pandas as pd
import pyogrio
import pytest
import requests
import shapely
from pyproj import Transformer
from shapely.geometry import Polygon, box

EPSG25832 = "http://www.opengis.net/def/crs/EPSG/0/25832"


@pytest.fixture(scope="module")
def trees(demo_settings) -> pd.DataFrame:
    gpkg = demo_settings.publish_dir / "trees" / "current" / "trees.gpkg"
    return pyogrio.read_dataframe(gpkg, layer="trees_source")


@pytest.fixture(scope="module")
def playgrounds(demo_settings):
    m = json.loads((demo_settings.publish_dir / "playgrounds" / "current" / "manifest.json").read_text())
    coll = next(c for c in m["collections"] if c["view"] == "inspire")
    gdf = pyogrio.read_dataframe(demo_settings.publish_dir / "playgrounds" / "current" / "playgrounds.gpkg",
                                 layer=coll["layer"])
    return coll["id"], gdf


@pytest.fixture(scope="module")
def inspections(demo_settings):
    return pyogrio.read_dataframe(demo_settings.publish_dir / "spielplatzkataster" / "current" /
                                  "spielplatzkataster.gpkg", layer="spielplatzkataster_source")


def matched(server, coll, flt, lang=None, **extra) -> tuple[int, list[str]]:
    params = {"f": "json", "limit": 10000, "filter": flt, **extra}
    if lang:
        params["filter-lang"] = lang
    r = requests.get(f"{server}/ogc/collections/{coll}/items", params=params, timeout=60)
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["numberMatched"] == len(doc["features"])
    return doc["numberMatched"], [f["id"] for f in doc["features"]]


def common_species(trees, n=2) -> list[str]:
    return list(trees["species_german"].value_counts().index[:n])


def test_comparison_text_and_json(server, trees):
    sp = common_species(trees, 1)[0]
    want = set(trees.loc[trees.species_german == sp, "key"])
    n, ids = matched(server, "trees_source", f"species_german = '{sp}'")
    assert n == len(want) and set(ids) == want
    n, ids = matched(server, "trees_source", json.dumps({"op": "=", "args": [{"property": "species_german"}, sp]}),
                     "cql2-json")
    assert set(ids) == want
    n, _ = matched(server, "trees_source", "height_m > 20")
    assert n == int((trees.height_m > 20).sum())
    n, _ = matched(server, "trees_source", "height_m <> 10 AND planting_year >= 1990")
    assert n == int(((trees.height_m != 10) & trees.height_m.notna() & (trees.planting_year >= 1990)).sum())


def test_between_in_like_not_isnull(server, trees):
    n, _ = matched(server, "trees_source", "planting_year BETWEEN 1990 AND 2000")
    assert n == int(trees.planting_year.between(1990, 2000).sum())
    n, _ = matched(server, "trees_source", json.dumps(
        {"op": "between", "args": [{"property": "planting_year"}, 1990, 2000]}), "cql2-json")
    assert n == int(trees.planting_year.between(1990, 2000).sum())
    a, b = common_species(trees, 2)
    n, _ = matched(server, "trees_source", f"species_german IN ('{a}', '{b}')")
    assert n == int(trees.species_german.isin([a, b]).sum())
    prefix = a[:3]
    n, _ = matched(server, "trees_source", f"species_german LIKE '{prefix}%'")
    assert n == int(trees.species_german.str.startswith(prefix, na=False).sum())
    n, _ = matched(server, "trees_source", f"species_german LIKE '{prefix.lower()}%'")
    assert n == int(trees.species_german.str.startswith(prefix.lower(), na=False).sum()), "LIKE is case-sensitive"
    n, _ = matched(server, "trees_source", f"NOT (species_german = '{a}') OR height_m IS NULL")
    assert n == int(((trees.species_german != a) | trees.height_m.isna()).sum())


def test_spatial_bbox_in_crs84_and_combined_with_species(server, trees):
    lon, lat = Transformer.from_crs("EPSG:25832", "OGC:CRS84", always_xy=True).transform(
        trees.geometry.x.to_numpy(), trees.geometry.y.to_numpy())
    b = (7.605, 51.935, 7.615, 51.945)
    inside = (lon >= b[0]) & (lon <= b[2]) & (lat >= b[1]) & (lat <= b[3])
    _, ids = matched(server, "trees_source", f"S_INTERSECTS(geometry, BBOX({b[0]}, {b[1]}, {b[2]}, {b[3]}))")
    assert set(ids) == set(trees.key[inside])
    sp = common_species(trees, 1)[0]
    want = set(trees.key[inside & (trees.species_german == sp).to_numpy()])
    _n, ids = matched(server, "trees_source", json.dumps({"op": "and", "args": [
        {"op": "=", "args": [{"property": "species_german"}, sp]},
        {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": list(b)}]}]}), "cql2-json")
    assert set(ids) == want and len(want) > 0


def test_spatial_polygon_with_filter_crs_on_polygon_features(server, playgrounds):
    coll, gdf = playgrounds
    minx, miny, maxx, maxy = gdf.total_bounds
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    w, h = (maxx - minx) / 3, (maxy - miny) / 3
    tri = Polygon([(cx - w, cy - h), (cx + w, cy - h), (cx, cy + h), (cx - w, cy - h)])
    want = int(gdf.intersects(tri).sum())
    assert 0 < want < len(gdf)
    n, _ = matched(server, coll, f"S_INTERSECTS(geometry, {tri.wkt})", **{"filter-crs": EPSG25832})
    assert n == want
    n, _ = matched(server, coll, json.dumps({"op": "s_within", "args": [
        {"property": "geometry"}, shapely.geometry.mapping(box(cx - w, cy - h, cx + w, cy + h))]}),
        "cql2-json", **{"filter-crs": EPSG25832})
    assert n == int(gdf.within(box(cx - w, cy - h, cx + w, cy + h)).sum())


def test_temporal_on_dates(server, inspections):
    dates = pd.to_datetime(inspections.oldest_inspection).dropna().sort_values()
    assert len(dates) >= 3
    mid = dates.iloc[len(dates) // 2].strftime("%Y-%m-%d")
    n, _ = matched(server, "spielplatzkataster_source", f"T_BEFORE(oldest_inspection, DATE('{mid}'))")
    assert n == int((dates < mid).sum())
    n, _ = matched(server, "spielplatzkataster_source", f"oldest_inspection T_AFTER DATE('{mid}')")
    assert n == int((dates > mid).sum())
    lo, hi = dates.iloc[0].strftime("%Y-%m-%d"), mid
    n, _ = matched(server, "spielplatzkataster_source", json.dumps({"op": "t_intersects", "args": [
        {"property": "oldest_inspection"}, {"interval": [lo, hi]}]}), "cql2-json")
    assert n == int(((dates >= lo) & (dates <= hi)).sum())
    n, _ = matched(server, "spielplatzkataster_source", f"oldest_inspection >= DATE('{mid}')")
    assert n == int((dates >= mid).sum())


def test_filter_and_paging_keep_number_matched(server, trees):
    sp = common_species(trees, 1)[0]
    total = int((trees.species_german == sp).sum())
    url = f"{server}/ogc/collections/trees_source/items"
    got = []
    offset = 0
    while True:
        params: dict[str, str | int] = {"f": "json", "limit": 50, "offset": offset,
                                        "filter": f"species_german = '{sp}'"}
        doc = requests.get(url, params=params, timeout=30).json()
        assert doc["numberMatched"] == total
        got += [f["id"] for f in doc["features"]]
        nxt = [link for link in doc["links"] if link["rel"] == "next"]
        if not nxt:
            break
        assert "filter=" in nxt[0]["href"]
        offset += 50
    assert len(got) == total == len(set(got))


@pytest.mark.parametrize("flt,lang", [
    ("height_m ~~ 3", None),
    ("S_INTERSECTS(geometry, BBOX(1,2))", None),
    ("nosuch = 3", None),
    ("T_MEETS(planting_year, DATE('2020-01-01'))", None),
    ('{"op": "=", "args": [{"property": "height_m"}]}', "cql2-json"),
    ('{"op": "frobnicate", "args": []}', "cql2-json"),
    ("{not json", "cql2-json"),
    ("S_INTERSECTS(geometry, BBOX(400000, 5750000, 410000, 5760000))", None),  # UTM in CRS84
])
def test_bad_filters_are_rejected_with_400(server, flt, lang):
    params = {"f": "json", "filter": flt}
    if lang:
        params["filter-lang"] = lang
    r = requests.get(f"{server}/ogc/collections/trees_source/items", params=params, timeout=30)
    assert r.status_code == 400, r.text
    assert "filter" in r.json()["description"]
