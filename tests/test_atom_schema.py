"""atom-pre-defined/schema-validation (TG DL Requirements 2, 3, 4): the Atom service feed and every dataset
feed it links validate against the RELAX NG grammar of RFC 4287 (Atom), their GeoRSS Simple elements are
checked value by value (the test's "equivalent test"), and the OpenSearch description validates against the
RELAX NG grammar of the OpenSearch 1.1 description document.

The grammars (RELAX NG compact syntax) are those of OGC's OpenSearch Geo and Time ETS (tests/data/relaxng,
SOURCE.md); ``rnc2rng`` converts them to the XML syntax lxml validates with. The description grammar gets
one addition, the Url relation "describedby" that INSPIRE's Describe Spatial Dataset requires.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import requests
from lxml import etree

RNG_DIR = Path(__file__).parent / "data" / "relaxng"
ATOM = "{http://www.w3.org/2005/Atom}"
GEORSS = "{http://www.georss.org/georss}"


RNG = "{http://relaxng.org/ns/structure/1.0}"


def _grammar(name: str, extra_rel: str | None = None) -> etree.RelaxNG:
    import os

    import rnc2rng
    cwd = os.getcwd()   # ``include "osquery.rnc"`` is resolved relative to the working directory by rnc2rng
    os.chdir(RNG_DIR)
    try:
        rng = rnc2rng.dumps(rnc2rng.load(str(RNG_DIR / name)))
    finally:
        os.chdir(cwd)
    # ``namespace local = ""`` becomes xmlns:local="", which XML namespaces forbid; nothing uses the prefix
    rng = rng.replace(' xmlns:local=""', "")
    doc = etree.fromstring(rng.encode("utf-8"))
    if extra_rel:   # one more Url relation in the description grammar's list (osdRelationValues)
        (choice,) = doc.xpath("//r:define[@name='osdRelationValues']/r:choice",
                              namespaces={"r": "http://relaxng.org/ns/structure/1.0"})
        etree.SubElement(choice, f"{RNG}value").text = extra_rel
    return etree.RelaxNG(doc)


@pytest.fixture(scope="module")
def atom_rng() -> etree.RelaxNG:
    return _grammar("rfc4287.rnc")


@pytest.fixture(scope="module")
def osdd_rng() -> etree.RelaxNG:
    # OpenSearch 1.1 lists the Url relations results, suggestions, self, collection; INSPIRE TG Download
    # Services 3.1 Requirement 42 adds "describedby" for Describe Spatial Dataset (INSPIRE ATS
    # opensearch-description-url-describe-spatial-dataset-operation) - the one extension allowed here
    return _grammar("osdd.rnc", extra_rel="describedby")


def _get(url: str, media: str) -> etree._Element:
    r = requests.get(url, timeout=60)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith(media), (url, r.status_code)
    return etree.fromstring(r.content)


def _georss_ok(doc: etree._Element) -> list[str]:
    """GeoRSS Simple as INSPIRE uses it (point, polygon, box): the number of values and their ranges."""
    bad = []
    for e in doc.iter(f"{GEORSS}point", f"{GEORSS}polygon", f"{GEORSS}box"):
        vals = [float(v) for v in (e.text or "").split()]
        kind = etree.QName(e).localname
        lats, lons = vals[0::2], vals[1::2]
        if kind == "point" and len(vals) != 2:
            bad.append(f"point with {len(vals)} values")
        if kind == "box" and (len(vals) != 4 or lats[0] > lats[1] or lons[0] > lons[1]):
            bad.append(f"box {vals}")
        if kind == "polygon" and (len(vals) < 8 or len(vals) % 2 or vals[:2] != vals[-2:]):
            bad.append(f"polygon with {len(vals)} values (at least 4 lat/lon pairs, closed)")
        if any(abs(v) > 90 for v in lats) or any(abs(v) > 180 for v in lons):
            bad.append(f"{kind} out of range: {vals}")
    return bad


def test_service_and_dataset_feeds_validate_against_rfc4287(server, atom_rng):
    service = _get(f"{server}/download/feed.xml", "application/atom+xml")
    docs = {f"{server}/download/feed.xml": service}
    for link in service.iter(f"{ATOM}link"):
        if link.get("rel") == "alternate" and link.get("type") == "application/atom+xml":
            docs[link.get("href")] = _get(link.get("href"), "application/atom+xml")
    assert len(docs) > 5, "the service feed links no dataset feeds"
    problems = {}
    for url, doc in docs.items():
        if not atom_rng.validate(doc):
            problems[url] = [f"line {e.line}: {e.message}" for e in atom_rng.error_log][:3]
        if _georss_ok(doc):
            problems.setdefault(url, []).extend(_georss_ok(doc))
    assert problems == {}
    # the grammar is not vacuous: a feed without its required id is refused
    broken = etree.fromstring(etree.tostring(service))
    broken.remove(broken.find(f"{ATOM}id"))
    assert not atom_rng.validate(broken)


def test_opensearch_description_validates(server, osdd_rng):
    service = _get(f"{server}/download/feed.xml", "application/atom+xml")
    (href,) = [lk.get("href") for lk in service.iter(f"{ATOM}link")
               if lk.get("rel") == "search" and lk.get("type") == "application/opensearchdescription+xml"]
    osd = _get(href, "application/opensearchdescription+xml")
    assert osdd_rng.validate(osd), [f"line {e.line}: {e.message}" for e in osdd_rng.error_log][:5]
    broken = etree.fromstring(etree.tostring(osd))
    short = broken.find("{http://a9.com/-/spec/opensearch/1.1/}ShortName")
    short.text = "x" * 17    # the description's ShortName has at most 16 characters
    assert not osdd_rng.validate(broken)
    wrong_rel = etree.fromstring(etree.tostring(osd))
    wrong_rel.find("{http://a9.com/-/spec/opensearch/1.1/}Url").set("rel", "alternate")   # not a Url relation
    assert not osdd_rng.validate(wrong_rel)
