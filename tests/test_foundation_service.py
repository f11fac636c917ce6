"""Issue 2: the trees are served at /ogc and real clients (OWSLib, GDAL's OAPIF driver) read exactly the
count the ETL reports as published."""
from __future__ import annotations

import pyogrio
import requests
from owslib.ogcapi.features import Features

from core.publication import current_manifest


def test_health_lists_published_datasets(server, demo_settings):
    r = requests.get(server + "/health", timeout=10)
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    man = current_manifest(demo_settings.publish_dir, "trees")
    assert man is not None
    assert body["datasets"]["trees"] == man["version"]


def test_landing_page_html_works_in_a_browser_sense(server):
    r = requests.get(server + "/ogc/", headers={"Accept": "text/html"}, timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    assert "<html" in r.text.lower() and "collections" in r.text.lower()


def test_owslib_reads_trees_collections(server, demo_settings):
    man = current_manifest(demo_settings.publish_dir, "trees")
    assert man is not None
    api = Features(server + "/ogc/")
    ids = {c["id"] for c in api.collections()["collections"]}
    assert {"speciesdistributionunit", "trees_source"} <= ids
    items = api.collection_items("speciesdistributionunit", limit=5)
    assert len(items["features"]) == 5
    f = items["features"][0]
    assert f["properties"]["inspireId"].startswith("https://registry.gdi-de.org/id/de.ni.hildesheim/trees/")
    assert man["counts"]["published"] == 2585 + 3000   # Münster extract + the demo town's Hildesheim trees


def test_gdal_oapif_reads_the_published_count(server, demo_settings):
    man = current_manifest(demo_settings.publish_dir, "trees")
    assert man is not None
    for coll in ("speciesdistributionunit", "trees_source"):
        gdf = pyogrio.read_dataframe(f"OAPIF:{server}/ogc", layer=coll)
        assert len(gdf) == man["counts"]["published"], coll
        assert gdf["inspireId"].is_unique


def test_crs_parameter_returns_utm(server):
    params: dict[str, str | int] = {"f": "json", "limit": 1, "crs": "http://www.opengis.net/def/crs/EPSG/0/25832"}
    r = requests.get(server + "/ogc/collections/speciesdistributionunit/items", params=params, timeout=10)
    assert r.status_code == 200
    assert r.headers.get("Content-Crs", "").strip("<>") == "http://www.opengis.net/def/crs/EPSG/0/25832"
    x, y = r.json()["features"][0]["geometry"]["coordinates"]
    assert 403_000 < x < 406_000 and 5_754_000 < y < 5_757_000


def test_start_page_links_every_service_and_each_answers(server):
    import re
    r = requests.get(server + "/", timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    links = [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', r.text)]
    assert {"/viewer/", "/beteiligung/", "/ogc/", "/download/"} <= set(links)
    for href in links:
        assert requests.get(server + href, timeout=30).status_code == 200, href
