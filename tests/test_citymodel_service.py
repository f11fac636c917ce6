"""/3dtiles through the real running server (gdi serve): content types, gzip, ETag/304, CORS, the
index of tilesets, no path traversal; the demo built the city model (GDI_DEMO_BUILDINGS=3000)."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import requests

from citymodel.check import check_tileset


def test_demo_built_tilesets(demo_settings):
    base = Path(demo_settings.var_dir) / "3dtiles"
    res = check_tileset(base / "buildings" / "tileset.json")
    assert res.problems == []
    n = int(json.loads((base / "buildings" / "tileset.json").read_text())["asset"]["extras"]["buildings"])
    assert res.features == n > 0
    # the planned buildings are the demo plan's variants, not generic volumes standing in them
    assert not (base / "planned" / "demo").exists()
    variant = check_tileset(base / "planned" / "planned_bplan_lerchenfeld_grz" / "tileset.json")
    assert variant.problems == [] and variant.features > 0


def test_index_lists_tilesets(server):
    r = requests.get(f"{server}/3dtiles/index.json", timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/json")
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    ids = {t["id"]: t for t in r.json()["tilesets"]}
    assert ids["buildings"]["url"] == "buildings/tileset.json" and ids["buildings"]["kind"] == "buildings"
    assert ids["planned/planned_bplan_lerchenfeld_grz"]["kind"] == "planned"


def test_tileset_json_gzip_etag_cors(server):
    url = f"{server}/3dtiles/buildings/tileset.json"
    raw = requests.get(url, headers={"Accept-Encoding": "gzip"}, timeout=10, stream=True)
    assert raw.status_code == 200
    assert raw.headers["Content-Type"].startswith("application/json")
    assert raw.headers["Content-Encoding"] == "gzip"
    body = gzip.decompress(raw.raw.read())
    assert json.loads(body)["asset"]["version"] == "1.1"
    assert raw.headers["Cache-Control"] == "no-cache"
    etag = raw.headers["ETag"]
    again = requests.get(url, headers={"If-None-Match": etag}, timeout=10)
    assert again.status_code == 304
    pre = requests.options(url, headers={"Origin": "http://example.org", "Access-Control-Request-Method": "GET"},
                           timeout=10)
    assert pre.status_code == 204 and pre.headers["Access-Control-Allow-Origin"] == "*"


def test_glb_content_type_and_bytes(server, demo_settings):
    ts = requests.get(f"{server}/3dtiles/buildings/tileset.json", timeout=10).json()

    def first_content(t):
        if "content" in t:
            return t["content"]["uri"]
        for c in t.get("children", []):
            u = first_content(c)
            if u:
                return u
        return None
    uri = first_content(ts["root"])
    r = requests.get(f"{server}/3dtiles/buildings/{uri}", timeout=10)
    assert r.status_code == 200 and r.headers["Content-Type"] == "model/gltf-binary"
    assert r.content[:4] == b"glTF"
    assert r.content == (Path(demo_settings.var_dir) / "3dtiles" / "buildings" / uri).read_bytes()
    assert "max-age" in r.headers["Cache-Control"]


def test_not_found_and_traversal(server):
    for path in ("/3dtiles/buildings/nope.glb", "/3dtiles/../../etc/passwd", "/3dtiles/%2e%2e/publish/x.json",
                 "/3dtiles/buildings/state.json.bak", "/3dtiles/buildings/state.json",
                 "/3dtiles/buildings/report.json"):
        r = requests.get(server + path, timeout=10)
        assert r.status_code == 404, path
    assert requests.post(f"{server}/3dtiles/index.json", timeout=10).status_code == 405


def test_published_building_datasets_have_tilesets(demo_settings):
    """Every published BU dataset (its source view) became a tileset with one feature per record, at
    the right place (the manifest's CRS84 bbox)."""
    from core.publication import current_manifest
    from gdi.citymodel_demo import published_bu_sources
    pubs = published_bu_sources(demo_settings)
    assert pubs, "the demo published no BU dataset (datasets/gebaeude and datasets/gebaeude_lorup missing?)"
    for ds_id in pubs:
        man = current_manifest(demo_settings.publish_dir, ds_id)
        assert man is not None, ds_id
        res = check_tileset(Path(demo_settings.var_dir) / "3dtiles" / ds_id / "tileset.json", man["bbox_crs84"])
        assert res.problems == [], (ds_id, res.problems[:5])
        assert res.features == man["counts"]["published"], ds_id
