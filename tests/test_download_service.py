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


# --------------------------------------------------------------------------- issue 21: TG Download Services 3.1
# Tests named by the assertions of INSPIRE's Abstract Test Suite "Pre-defined Atom" (inspire-eu-validation/
# download-atom, atom-pre-defined/*.md; TG DL = Technical Guidance Download Services 3.1 requirement numbers).

OS = "{http://a9.com/-/spec/opensearch/1.1/}"
DLS = "{http://inspire.ec.europa.eu/schemas/inspire_dls/1.0}"
DLS_NS = DLS + "spatial_dataset_identifier_namespace"


def _feed(url: str) -> ET.Element:
    r = requests.get(url, timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/atom+xml"), r.text[:300]
    return ET.fromstring(r.content)


def _links(e: ET.Element, rel: str) -> list[ET.Element]:
    return [lk for lk in e.findall(f"{ATOM}link") if lk.get("rel") == rel]


def _osd(server: str) -> ET.Element:
    feed = _feed(f"{server}/download/feed.xml")
    (link,) = [lk for lk in _links(feed, "search") if lk.get("type") == "application/opensearchdescription+xml"]
    r = requests.get(_attr(link, "href"), timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/opensearchdescription+xml")
    root = ET.fromstring(r.content)
    assert root.tag == f"{OS}OpenSearchDescription"
    return root


def _fill(template: str, values: dict[str, str]) -> str:
    import re
    from urllib.parse import quote
    return re.sub(r"\{([^}?]+)\??\}", lambda m: quote(values.get(m.group(1), ""), safe=""), template)


def test_atom_download_service_feed_link_to_metadata_record(server):
    """atom-pre-defined/download-service-feed-link-to-metadata-record (TG DL Req 6): describedby → the service
    record; its Resource Locator is an Atom service feed carrying the same describedby link."""
    from metadata.ids import service_record_id
    feed = _feed(f"{server}/download/feed.xml")
    (link,) = [lk for lk in _links(feed, "describedby") if lk.get("type") == "application/xml"]
    href = _attr(link, "href")
    assert service_record_id("download") in href
    rec = ET.fromstring(requests.get(href, timeout=30).content)
    md = rec if rec.tag.endswith("MD_Metadata") else _child(rec, ".//{http://www.isotc211.org/2005/gmd}MD_Metadata")
    gmd = "{http://www.isotc211.org/2005/gmd}"
    locators = [u.text for u in md.findall(f"{gmd}distributionInfo/*/{gmd}transferOptions/*/{gmd}onLine/*/"
                                           f"{gmd}linkage/{gmd}URL")]
    assert locators and all(u for u in locators)
    back = _feed(locators[0] or "")
    assert [lk.get("href") for lk in _links(back, "describedby")] == [href]


def test_atom_download_service_feed_link_opensearch_description_document(server):
    """atom-pre-defined/download-service-feed-link-opensearch-description-document (TG DL Req 8, 39)."""
    assert _osd(server).find(f"{OS}ShortName") is not None


def test_atom_opensearch_description_uri_to_itself(server):
    """atom-pre-defined/opensearch-description-uri-to-itself (TG DL Req 40)."""
    osd = _osd(server)
    (self_url,) = [u for u in osd.findall(f"{OS}Url") if u.get("rel") == "self"]
    assert self_url.get("type") == "application/opensearchdescription+xml"
    assert self_url.get("template") == f"{server}/download/opensearch.xml"


def test_atom_opensearch_description_url_generic_search_queries(server):
    """atom-pre-defined/opensearch-description-url-generic-search-queries (TG DL Req 41): text/html results."""
    (url,) = [u for u in _osd(server).findall(f"{OS}Url") if u.get("rel") == "results" and u.get("type") == "text/html"]
    r = requests.get(_fill(_attr(url, "template"), {"searchTerms": "Baum"}), timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    assert "/download/trees/feed.xml" in r.text and "/download/gebaeude/feed.xml" not in r.text


def test_atom_opensearch_description_url_describe_spatial_dataset_operation(server, demo_settings):
    """atom-pre-defined/opensearch-description-url-describe-spatial-dataset-operation (TG DL Req 42): the
    template takes code, namespace and language and answers the dataset feed of exactly that dataset."""
    (url,) = [u for u in _osd(server).findall(f"{OS}Url") if u.get("rel") == "describedby"]
    tpl = _attr(url, "template")
    assert url.get("type") == "application/atom+xml" and tpl.startswith("http")
    for p in ("spatial_dataset_identifier_code", "spatial_dataset_identifier_namespace", "language"):
        assert p in tpl
    ns = "https://registry.gdi-de.org/id/de.ni.hildesheim"
    for code in ("trees", "bplan2070_sr"):
        feed = _feed(_fill(tpl, {"inspire_dls:spatial_dataset_identifier_code": code,
                                 "inspire_dls:spatial_dataset_identifier_namespace": ns, "language": "de"}))
        assert _child(feed, f"{ATOM}id").text == f"{server}/download/{code}/feed.xml"
        assert _child(feed, DLS_CODE).text == code and _child(feed, DLS_NS).text == ns
    # the operation answers as a client expects: unknown identifier 404, missing parameter 400
    nosuch = {"inspire_dls:spatial_dataset_identifier_code": "nosuch",
              "inspire_dls:spatial_dataset_identifier_namespace": ns}
    assert requests.get(_fill(tpl, nosuch), timeout=30).status_code == 404
    missing = requests.get(f"{server}/download/describe?spatial_dataset_identifier_code=trees", timeout=30)
    assert missing.status_code == 400 and "spatial_dataset_identifier_namespace" in missing.text
    # restricted datasets stay invisible to the public operation
    intern = {**nosuch, "inspire_dls:spatial_dataset_identifier_code": "altlasten_intern"}
    assert requests.get(_fill(tpl, intern), timeout=30).status_code == 404


def test_atom_opensearch_description_one_url_get_spatial_dataset_operation(server, demo_settings):
    """atom-pre-defined/opensearch-description-one-url-get-spatial-dataset-operation (TG DL Req 43): one
    results Url per media type; filled in, the answer has that media type and is the published file."""
    urls = [u for u in _osd(server).findall(f"{OS}Url") if u.get("rel") == "results"
            and u.get("type") not in ("text/html", "application/atom+xml")]
    assert {u.get("type") for u in urls} == {"application/gml+xml", "application/geopackage+sqlite3",
                                             "application/geo+json"}
    folder = current_dir(demo_settings.publish_dir, "trees")
    assert folder is not None
    crs_of = {"application/geo+json": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}
    for u in urls:
        tpl = _attr(u, "template")
        for p in ("crs", "spatial_dataset_identifier_code", "spatial_dataset_identifier_namespace", "language"):
            assert p in tpl
        mime = _attr(u, "type")
        r = requests.get(_fill(tpl, {
            "inspire_dls:spatial_dataset_identifier_code": "trees", "language": "de",
            "inspire_dls:spatial_dataset_identifier_namespace": "https://registry.gdi-de.org/id/de.ni.hildesheim",
            "inspire_dls:crs": crs_of.get(mime, "http://www.opengis.net/def/crs/EPSG/0/25832")}), timeout=60)
        assert r.status_code == 200 and r.headers["Content-Type"] == mime
        suffix = {"application/gml+xml": "gml", "application/geopackage+sqlite3": "gpkg",
                  "application/geo+json": "geojson"}[mime]
        assert hashlib.sha256(r.content).digest() == hashlib.sha256((folder / f"trees.{suffix}").read_bytes()).digest()
    # a CRS the dataset is not offered in: 404 naming the offered ones
    get = (f"{server}/download/get?spatial_dataset_identifier_code=trees"
           "&spatial_dataset_identifier_namespace=https://registry.gdi-de.org/id/de.ni.hildesheim")
    bad = requests.get(f"{get}&crs=EPSG:3857", timeout=30)
    assert bad.status_code == 404 and "EPSG:3857" in bad.text and "25832" in bad.text
    # several files match (no media type): the dataset feed with just those entries
    both = _feed(f"{get}&crs=EPSG:25832")
    assert {_attr(_child(e, f"{ATOM}link"), "type") for e in both.findall(f"{ATOM}entry")} == \
        {"application/gml+xml", "application/geopackage+sqlite3"}


def test_atom_opensearch_description_query_examples_for_each_dataset(server, demo_settings):
    """atom-pre-defined/opensearch-description-query-examples-for-each-dataset (TG DL Req 44)."""
    osd = _osd(server)
    queries = [q for q in osd.findall(f"{OS}Query") if q.get("role") == "example"]
    feed = _feed(f"{server}/download/feed.xml")
    idents = {(_child(e, DLS_CODE).text, _child(e, DLS_NS).text) for e in feed.findall(f"{ATOM}entry")}
    assert {(q.get(DLS_CODE), q.get(DLS_NS)) for q in queries} == idents
    (get_gml,) = [u for u in osd.findall(f"{OS}Url") if u.get("type") == "application/gml+xml"]
    for q in queries:
        url = _fill(_attr(get_gml, "template"), {
            "inspire_dls:spatial_dataset_identifier_code": q.get(DLS_CODE) or "",
            "inspire_dls:spatial_dataset_identifier_namespace": q.get(DLS_NS) or "",
            "inspire_dls:crs": q.get(f"{DLS}crs") or "", "language": q.get("language") or ""})
        assert requests.head(url, timeout=60).status_code in (200, 206, 301, 302, 303), url


def test_atom_opensearch_description_provides_languages(server):
    """atom-pre-defined/opensearch-description-provides-languages (TG DL Req 45); the first is the default,
    the language of the feeds (download-service-feed-self-reference-link, TG DL Req 7)."""
    langs = [e.text for e in _osd(server).findall(f"{OS}Language")]
    feed = _feed(f"{server}/download/feed.xml")
    (self_link,) = _links(feed, "self")
    assert langs and langs[0] == self_link.get("hreflang") == "de"
    assert self_link.get("href") == f"{server}/download/feed.xml"


def test_atom_download_service_feed_dataset_identifiers_and_entry_per_dataset(server, demo_settings):
    """atom-pre-defined/download-service-feed-dataset-identifiers (TG DL Req 13) and
    download-service-feed-entry-per-dataset (Req 1): code and namespace per entry, each pair once, equal to
    the registry's identifier (the ISO record's RS_Identifier)."""
    from core.config import load_registry
    reg = load_registry(demo_settings.datasets_dir, check_plugins=False)
    feed = _feed(f"{server}/download/feed.xml")
    pairs = [(_child(e, DLS_CODE).text, _child(e, DLS_NS).text) for e in feed.findall(f"{ATOM}entry")]
    assert len(pairs) == len(set(pairs)) and pairs
    public = {(d.inspire.identifier_code, d.inspire.identifier_namespace) for k, d in reg.items()
              if d.access == "public" and k in published_datasets(demo_settings.publish_dir)}
    assert set(pairs) == public
    assert ("bplan2070_sr", "https://registry.gdi-de.org/id/de.ni.hildesheim") in pairs


def test_atom_download_service_feed_crs_information_and_dataset_feed_entries(server):
    """atom-pre-defined/download-service-feed-crs-information (TG DL Req 20) and dataset-feed-entries (Req 27):
    every CRS category of a service-feed entry has an entry in its dataset feed; one entry per CRS x format."""
    feed = _feed(f"{server}/download/feed.xml")
    for e in feed.findall(f"{ATOM}entry"):
        cats = {(_attr(c, "term"), _attr(c, "label")) for c in e.findall(f"{ATOM}category")}
        assert cats and all(t and lb for t, lb in cats)
        (alt,) = _links(e, "alternate")
        ds_feed = _feed(_attr(alt, "href"))
        combos = []
        for de in ds_feed.findall(f"{ATOM}entry"):
            (cat,) = de.findall(f"{ATOM}category")
            (link,) = _links(de, "alternate")
            assert int(_attr(link, "length")) > 0 and link.get("hreflang") == "de"
            combos.append((_attr(cat, "term"), _attr(link, "type")))
        assert len(combos) == len(set(combos))
        assert {t for t, _ in cats} == {t for t, _ in combos}


def test_atom_dataset_feed_links_spatial_object_types_and_rights(server):
    """atom-pre-defined/dataset-feed-links-spatial-object-types (TG DL Req 28), dataset-feed-rights-element
    (Req 23), download-service-feed-rights-element (Req 10)."""
    feed = _feed(f"{server}/download/feed.xml")
    assert (_child(feed, f"{ATOM}rights").text or "").strip()
    ds_feed = _feed(f"{server}/download/trees/feed.xml")
    html = [lk for lk in _links(ds_feed, "describedby") if lk.get("type") == "text/html"]
    assert [lk.get("href") for lk in html] == ["https://inspire.ec.europa.eu/featureconcept/SpeciesDistributionUnit"]
    assert (_child(ds_feed, f"{ATOM}rights").text or "").strip()
