"""Issue 4, access control: collections of ``access: restricted`` datasets are invisible and
unreachable for the public on every path (collections, OpenAPI, queryables, items, item, downloads,
feed) and reachable with a staff key from ``gdi auth add-key``; a wrong key gets 401."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import requests

from core.publication import published_datasets

GDI = str(Path(sys.executable).parent / "gdi")


@pytest.fixture(scope="module")
def staff_token(demo_env) -> str:
    r = subprocess.run([GDI, "auth", "add-key", "ogcapi-test"], env=demo_env, capture_output=True, text=True,
                       check=True)
    return r.stdout.strip().splitlines()[-1].split()[-1]


@pytest.fixture(scope="module")
def restricted(demo_settings) -> dict[str, list[str]]:
    out = {k: [c["id"] for c in m["collections"]] for k, m in published_datasets(demo_settings.publish_dir).items()
           if m.get("access") == "restricted"}
    assert out, "the demo publishes no restricted dataset (datasets/altlasten_intern missing?)"
    return out


def _public_paths(ds_id: str, cid: str) -> list[str]:
    return [f"/ogc/collections/{cid}", f"/ogc/collections/{cid}/items", f"/ogc/collections/{cid}/queryables",
            f"/ogc/collections/{cid}/schema", f"/ogc/collections/{cid}/items/1",
            f"/download/{ds_id}/{ds_id}.gpkg", f"/download/{ds_id}/{ds_id}.gml", f"/download/{ds_id}/feed.xml"]


def test_public_cannot_see_restricted_collections_anywhere(server, restricted):
    colls = requests.get(server + "/ogc/collections", params={"f": "json"}, timeout=30).text
    oas = requests.get(server + "/ogc/openapi", params={"f": "json"}, timeout=30).text
    feed = requests.get(server + "/download/feed.xml", timeout=30).text
    for ds_id, cids in restricted.items():
        assert f"/download/{ds_id}/" not in feed
        for cid in cids:
            assert f'"{cid}"' not in colls and f"/collections/{cid}" not in colls
            assert f"/collections/{cid}" not in oas
            for path in _public_paths(ds_id, cid):
                for method in (requests.get, requests.head):
                    r = method(server + path, params={"f": "json"}, timeout=30)
                    assert r.status_code in (401, 404), (path, r.status_code)
                    assert cid not in r.text and "Altlast" not in r.text


def test_staff_key_reaches_restricted_collections(server, restricted, staff_token, demo_settings):
    h = {"Authorization": f"Bearer {staff_token}"}
    colls = requests.get(server + "/ogc/collections", params={"f": "json"}, headers=h, timeout=30).json()
    ids = {c["id"] for c in colls["collections"]}
    oas = requests.get(server + "/ogc/openapi", params={"f": "json"}, headers=h, timeout=30).json()
    manifests = published_datasets(demo_settings.publish_dir)
    for ds_id in restricted:
        for coll in manifests[ds_id]["collections"]:
            cid = coll["id"]
            assert cid in ids and f"/collections/{cid}/items" in oas["paths"]
            params: dict[str, str | int] = {"f": "json", "limit": 10000}
            r = requests.get(f"{server}/ogc/collections/{cid}/items", params=params, headers=h, timeout=30)
            assert r.status_code == 200 and r.json()["numberMatched"] == coll["count"]
            assert requests.get(f"{server}/ogc/collections/{cid}/queryables", params={"f": "json"}, headers=h,
                                timeout=30).status_code == 200
        head = requests.head(f"{server}/download/{ds_id}/{ds_id}.gpkg", headers=h, timeout=30)
        assert head.status_code == 200 and int(head.headers["Content-Length"]) > 0
        assert "private" in head.headers["Cache-Control"]


def test_basic_auth_with_the_token_as_password_works(server, restricted, staff_token):
    cid = next(iter(restricted.values()))[0]
    r = requests.get(f"{server}/ogc/collections/{cid}", params={"f": "json"}, auth=("qgis", staff_token), timeout=30)
    assert r.status_code == 200


@pytest.mark.parametrize("header", ["Bearer not-a-key", "Basic Zm9vOmJhcg==", "Basic !!!"])
def test_wrong_credentials_get_401(server, restricted, header):
    cid = next(iter(restricted.values()))[0]
    for path in (f"/ogc/collections/{cid}", "/ogc/collections", "/download/feed.xml"):
        r = requests.get(server + path, params={"f": "json"}, headers={"Authorization": header}, timeout=30)
        assert r.status_code == 401, path
        assert "WWW-Authenticate" in r.headers
