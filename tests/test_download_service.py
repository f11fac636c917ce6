"""Issue 4, /download: predefined full datasets of the current publication, with Content-Length,
HEAD, caching headers, conditional requests, and an INSPIRE-style Atom feed."""
from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET

import pyogrio
import requests

from core.publication import current_dir, published_datasets

ATOM = "{http://www.w3.org/2005/Atom}"
DLS_CODE = "{http://inspire.ec.europa.eu/schemas/inspire_dls/1.0}spatial_dataset_identifier_code"


def _child(e: ET.Element, path: str) -> ET.Element:
    found = e.find(path)
    assert found is not None, f"no {path} in <{e.tag}>"
    return found


def _attr(e: ET.Element, name: str) -> str:
    value = e.get(name)
    assert value is not None, f"<{e.tag}> has no {name} attribute"
    return value


def test_files_match_the_current_publication(server, demo_settings):
    folder = current_dir(demo_settings.publish_dir, "trees")
    assert folder is not None
    for name, mime in (("trees.gml", "application/gml+xml"), ("trees.gpkg", "application/geopackage+sqlite3"),
                       ("trees.geojson", "application/geo+json")):
        url = f"{server}/download/trees/{name}"
        head = requests.head(url, timeout=30)
        assert head.status_code == 200
        assert int(head.headers["Content-Length"]) == (folder / name).stat().st_size
        assert head.headers["Content-Type"] == mime
        assert "max-age" in head.headers["Cache-Control"] and head.headers.get("ETag")
        assert head.headers.get("Last-Modified")
        body = requests.get(url, timeout=60).content
        assert hashlib.sha256(body).hexdigest() == hashlib.sha256((folder / name).read_bytes()).hexdigest()
        again = requests.get(url, headers={"If-None-Match": head.headers["ETag"]}, timeout=30)
        assert again.status_code == 304


def test_range_request(server):
    r = requests.get(f"{server}/download/trees/trees.gpkg", headers={"Range": "bytes=0-15"}, timeout=30)
    assert r.status_code == 206 and r.content == b"SQLite format 3\x00"


def test_downloaded_geopackage_opens_with_gdal(server, demo_settings, tmp_path):
    p = tmp_path / "trees.gpkg"
    p.write_bytes(requests.get(f"{server}/download/trees/trees.gpkg", timeout=60).content)
    folder = current_dir(demo_settings.publish_dir, "trees")
    assert folder is not None
    man = json.loads((folder / "manifest.json").read_text())
    for coll in man["collections"]:
        assert pyogrio.read_info(p, layer=coll["layer"])["features"] == coll["count"]


def test_unknown_files_and_paths_are_404(server):
    for path in ("/download/trees/report.json", "/download/trees/manifest.json", "/download/trees/../gdi.yml",
                 "/download/nosuch/nosuch.gml", "/download/trees/trees.shp", "/download/licence/nosuch"):
        assert requests.get(server + path, timeout=30).status_code == 404, path


def test_atom_service_and_dataset_feeds(server, demo_settings):
    feed = ET.fromstring(requests.get(f"{server}/download/feed.xml", timeout=30).content)
    entries = feed.findall(f"{ATOM}entry")
    public = {k for k, m in published_datasets(demo_settings.publish_dir).items() if m.get("access") == "public"}
    codes = {_child(e, DLS_CODE).text for e in entries}
    assert codes == public
    for e in entries:
        alt = next(link for link in e.findall(f"{ATOM}link") if link.get("rel") == "alternate")
        ds_feed = ET.fromstring(requests.get(_attr(alt, "href"), timeout=30).content)
        hrefs: dict[str | None, tuple[str, int]] = {}
        for de in ds_feed.findall(f"{ATOM}entry"):
            link = _child(de, f"{ATOM}link")
            hrefs[link.get("type")] = (_attr(link, "href"), int(_attr(link, "length")))
            assert _attr(_child(de, f"{ATOM}category"), "term").startswith("http://www.opengis.net/def/crs/")
        assert {"application/gml+xml", "application/geopackage+sqlite3"} <= set(hrefs)
        for href, length in hrefs.values():
            h = requests.head(href, timeout=30)
            assert h.status_code == 200 and int(h.headers["Content-Length"]) == length
        rels = {link.get("rel"): link.get("href") for link in ds_feed.findall(f"{ATOM}link")}
        described_by, licence = rels["describedby"], rels["license"]
        assert described_by is not None and "GetRecordById" in described_by
        assert licence is not None and requests.get(licence, timeout=30).status_code == 200
