"""Issue 4: OGC API Features as the INSPIRE download service, through real clients and plain HTTP.

INSPIRE good-practice links, languages, CRS (Part 2), paging, properties/sortby, error bodies,
OWSLib, and GDAL's OAPIF driver reading every public collection completely.
"""
from __future__ import annotations

import pyogrio
import pytest
import requests
from owslib.ogcapi.features import Features
from pyproj import Transformer

from core.publication import published_datasets

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
EPSG = "http://www.opengis.net/def/crs/EPSG/0/{}"


def public_collections(settings) -> dict[str, int]:
    out = {}
    for m in published_datasets(settings.publish_dir).values():
        if m.get("access") == "public":
            out.update({c["id"]: c["count"] for c in m["collections"]})
    return out


def only_geometry_parts(extra: set[str], expected: set[str]) -> bool:
    return all(any(e == f"{b}_{s}" for b in expected for s in ("points", "lines", "areas")) for e in extra)


def get(url, **params):
    params.setdefault("f", "json")
    return requests.get(url, params=params, timeout=30)


def test_one_collection_per_view_with_lowercase_ids(server, demo_settings):
    expected = public_collections(demo_settings)
    ids = [c["id"] for c in get(server + "/ogc/collections").json()["collections"]]
    assert set(expected) <= set(ids)
    assert only_geometry_parts(set(ids) - set(expected), set(expected)), set(ids) - set(expected)
    assert "bplan2070_supplementaryregulation_lines" in ids   # the demo plan's regulations are mixed
    assert all(i == i.lower() for i in ids)
    assert "speciesdistributionunit" in ids and "trees_source" in ids


def test_openapi_is_3_0_and_lists_public_collections(server, demo_settings):
    r = requests.get(server + "/ogc/openapi", params={"f": "json"}, timeout=30)
    assert r.status_code == 200
    doc = r.json()
    assert doc["openapi"].startswith("3.0")
    for cid in public_collections(demo_settings):
        assert f"/collections/{cid}/items" in doc["paths"]


@pytest.mark.parametrize("cid", ["speciesdistributionunit", "trees_source"])
def test_inspire_links_on_collection(server, cid):
    links = get(f"{server}/ogc/collections/{cid}").json()["links"]
    by_rel: dict[str, list[dict]] = {}
    for link in links:
        by_rel.setdefault(link["rel"], []).append(link)
    described = by_rel["describedby"][0]["href"]
    assert "request=GetRecordById" in described and "outputSchema=http://www.isotc211.org/2005/gmd" in described
    lic = requests.get(by_rel["license"][0]["href"], timeout=30)
    assert lic.status_code == 200 and "Datenlizenz Deutschland" in lic.text
    types = {link["type"] for link in by_rel["enclosure"]}
    assert {"application/gml+xml", "application/geopackage+sqlite3"} <= types
    for link in by_rel["enclosure"]:
        h = requests.head(link["href"], timeout=30)
        assert h.status_code == 200, link["href"]
        assert int(h.headers["Content-Length"]) > 1000
    if cid == "speciesdistributionunit":
        assert by_rel["tag"][0]["href"].endswith("/SpeciesDistributionUnit")


def test_inspire_links_on_collections_list(server):
    links = get(server + "/ogc/collections").json()["links"]
    rels = {link["rel"] for link in links}
    assert {"describedby", "license", "enclosure"} <= rels
    for link in links:
        if link["rel"] == "enclosure" and link["type"] != "application/atom+xml":
            assert requests.head(link["href"], timeout=30).status_code == 200


@pytest.mark.parametrize("lang,title,content_lang", [
    ("de", "Baumkataster (Straßen- und Anlagenbäume)", "de"),
    ("en", "Tree cadastre (street and park trees)", "en"),
])
def test_accept_language(server, lang, title, content_lang):
    h = {"Accept-Language": lang}
    coll = requests.get(server + "/ogc/collections/speciesdistributionunit", params={"f": "json"}, headers=h,
                        timeout=30)
    assert coll.json()["title"] == title
    assert coll.headers["Content-Language"].startswith(content_lang)
    params: dict[str, str | int] = {"f": "json", "limit": 1}
    for path in ("/ogc/", "/ogc/collections", "/ogc/collections/speciesdistributionunit/items"):
        r = requests.get(server + path, params=params, headers=h, timeout=30)
        assert r.status_code == 200
        assert r.headers["Content-Language"].startswith(content_lang), path


def _first_point(server, **params):
    r = get(server + "/ogc/collections/trees_source/items", limit=1, sortby="key", **params)
    assert r.status_code == 200, r.text
    return r, r.json()["features"][0]["geometry"]["coordinates"]


def test_crs_output_and_axis_order(server):
    r84, (lon, lat) = _first_point(server)
    assert r84.headers["Content-Crs"].strip("<>") == CRS84
    assert 7 < lon < 11 and 51 < lat < 53
    r, (e, n) = _first_point(server, crs=EPSG.format(25832))
    assert r.headers["Content-Crs"].strip("<>") == EPSG.format(25832)
    ref_e, ref_n = Transformer.from_crs("OGC:CRS84", "EPSG:25832", always_xy=True).transform(lon, lat)
    assert abs(ref_e - e) < 0.01 and abs(ref_n - n) < 0.01
    r, (a, b) = _first_point(server, crs=EPSG.format(4258))
    assert (a, b) == pytest.approx((lat, lon), abs=1e-6), "EPSG:4258 is latitude first"
    r, (x, y) = _first_point(server, crs=EPSG.format(3857))
    ref = Transformer.from_crs("OGC:CRS84", "EPSG:3857", always_xy=True).transform(lon, lat)
    assert (x, y) == pytest.approx(ref, abs=0.01)


def test_bbox_crs_gives_the_same_answer_in_every_crs(server):
    # a box in EPSG:25832, and the same box's enclosing rectangle is not used: compare a 25832 box
    # with a query in 25832 and one in 4258 (lat/lon order) covering the same area
    box = (404300.0, 5755300.0, 404800.0, 5755800.0)
    r = get(server + "/ogc/collections/trees_source/items", limit=1000, crs=EPSG.format(25832),
            bbox=",".join(map(str, box)), **{"bbox-crs": EPSG.format(25832)}).json()
    pts = [f["geometry"]["coordinates"] for f in r["features"]]
    assert r["numberMatched"] == len(pts) > 10
    assert all(box[0] <= x <= box[2] and box[1] <= y <= box[3] for x, y in pts)
    t = Transformer.from_crs("EPSG:25832", "EPSG:4258")  # authority order: lat, lon
    lat1, lon1 = t.transform(box[0], box[1])
    lat2, lon2 = t.transform(box[2], box[3])
    r2 = get(server + "/ogc/collections/trees_source/items", limit=1,
             bbox=f"{min(lat1, lat2)},{min(lon1, lon2)},{max(lat1, lat2)},{max(lon1, lon2)}",
             **{"bbox-crs": EPSG.format(4258)}).json()
    assert abs(r2["numberMatched"] - r["numberMatched"]) <= max(3, r["numberMatched"] // 20)


def test_paging_links_and_number_matched(server, demo_settings):
    total = public_collections(demo_settings)["trees_source"]
    url = server + "/ogc/collections/trees_source/items?f=json&limit=1000"
    seen, pages, prev_seen = [], 0, False
    while url:
        doc = requests.get(url, timeout=30).json()
        assert doc["numberMatched"] == total
        seen += [f["id"] for f in doc["features"]]
        rels = {link["rel"]: link["href"] for link in doc["links"]}
        prev_seen |= "prev" in rels
        url = rels.get("next")
        pages += 1
        assert pages < 10
    assert len(seen) == total == len(set(seen))
    assert pages == -(-total // 1000) and prev_seen
    last = get(server + "/ogc/collections/trees_source/items", limit=5, offset=total - 3).json()
    assert last["numberReturned"] == 3 and last["features"][-1]["id"] == seen[-1]


def test_properties_and_sortby(server):
    doc = get(server + "/ogc/collections/trees_source/items", limit=20, sortby="-height_m",
              properties="height_m,species_german").json()
    heights = [f["properties"]["height_m"] for f in doc["features"]]
    assert heights == sorted(heights, reverse=True)
    assert all(set(f["properties"]) == {"height_m", "species_german"} for f in doc["features"])
    doc = get(server + "/ogc/collections/trees_source/items", limit=5, skipGeometry="true").json()
    assert all(f["geometry"] is None for f in doc["features"])


def test_single_item_by_inspire_local_id(server):
    first = get(server + "/ogc/collections/speciesdistributionunit/items", limit=1).json()["features"][0]
    r = get(f"{server}/ogc/collections/speciesdistributionunit/items/{first['id']}")
    assert r.status_code == 200 and r.json()["properties"]["inspireId"].endswith(first["id"])
    assert get(f"{server}/ogc/collections/speciesdistributionunit/items/does-not-exist").status_code == 404


@pytest.mark.parametrize("params,param,value", [
    ({"limit": "abc"}, "limit", "abc"),
    ({"limit": "0"}, "limit", "0"),
    ({"offset": "-1"}, "offset", "-1"),
    ({"bbox": "1,2,3"}, "bbox", "1,2,3"),
    ({"bbox": "a,b,c,d"}, "bbox", "a,b,c,d"),
    ({"bbox": "10,53,9,52,1"}, "bbox", "10,53,9,52,1"),
    ({"crs": "EPSG:4326"}, "crs", "EPSG:4326"),
    ({"bbox": "9,52,10,53", "bbox-crs": "http://www.opengis.net/def/crs/EPSG/0/31467"}, "bbox-crs",
     "http://www.opengis.net/def/crs/EPSG/0/31467"),
    ({"filter": "height_m >>> 3"}, "filter", "height_m >>> 3"),
    ({"filter": "x", "filter-lang": "sql"}, "filter-lang", "sql"),
    ({"sortby": "nosuchfield"}, "sortby", "nosuchfield"),
    ({"properties": "nosuchfield"}, "properties", "nosuchfield"),
    ({"resulttype": "everything"}, "resulttype", "everything"),
    ({"height_m": "tall"}, "height_m", "tall"),
])
def test_bad_parameters_give_400_naming_parameter_and_value(server, params, param, value):
    r = get(server + "/ogc/collections/trees_source/items", **params)
    assert r.status_code == 400, r.text
    body = r.json()
    assert body["code"] == "InvalidParameterValue"
    assert f"'{param}'" in body["description"] and value in body["description"]


def test_unknown_property_in_filter_is_rejected_not_ignored(server):
    r = get(server + "/ogc/collections/trees_source/items", filter="nosuchfield = 1")
    assert r.status_code == 400 and "nosuchfield" in r.json()["description"]


def test_owslib_features(server, demo_settings):
    api = Features(server + "/ogc/")
    ids = {c["id"] for c in api.collections()["collections"]}
    expected = set(public_collections(demo_settings))
    assert expected <= ids and only_geometry_parts(ids - expected, expected)
    q = api.collection_queryables("trees_source")
    assert q["properties"]["height_m"]["type"] == "number"
    assert q["properties"]["planting_year"]["type"] == "integer"
    items = api.collection_items("trees_source", limit=7, bbox=[7.60, 51.93, 7.62, 51.95])
    assert len(items["features"]) == 7 and items["numberMatched"] >= 7


def test_gdal_oapif_reads_every_public_collection_completely(server, demo_settings):
    for cid, count in public_collections(demo_settings).items():
        gdf = pyogrio.read_dataframe(f"OAPIF:{server}/ogc", layer=cid)
        assert len(gdf) == count, cid


@pytest.mark.parametrize("path", ["/", "/collections", "/collections/trees_source",
                                  "/collections/trees_source/items", "/openapi", "/conformance"])
def test_html_pages_load_nothing_from_other_hosts(server, path):
    import re
    from urllib.parse import urljoin, urlparse
    r = requests.get(server + "/ogc" + path, headers={"Accept": "text/html"}, timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    own = urlparse(server).netloc
    refs = re.findall(r'<(?:script|img|iframe)[^>]*\ssrc="([^"]+)"', r.text)
    refs += re.findall(r'<link[^>]*rel="(?:stylesheet|icon|shortcut icon)"[^>]*href="([^"]+)"', r.text)
    refs += re.findall(r'<link[^>]*href="([^"]+)"[^>]*rel="(?:stylesheet|icon)"', r.text)
    for ref in refs:
        url = urljoin(r.url, ref)
        assert urlparse(url).netloc == own, f"{path} loads {url}"
        assert requests.get(url, timeout=30).status_code == 200, url
