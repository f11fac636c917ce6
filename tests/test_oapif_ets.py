"""Issue 21, item 4: a truthful OGC API - Features, tested as the executable test suites see it.

Each test names the abstract test it implements: OGC API - Features Part 1 (OGC 17-069r4, Annex A, as
implemented by OGC's ``ets-ogcapi-features10``: ``/ats/core/...``, ``/ats/geojson/...``), Part 3
(OGC 19-079r2) and CQL2 (OGC 21-065r2: ``/conf/<class>/...``). CQL2 answers are compared with an
independent computation in Python (pandas over every feature of the published GeoPackage), on the store
the session runs (GeoPackage, and PostGIS in the suite's second pass). GDAL's OAPIF driver is run for
real and its debug output shows the filter it sends.
"""
from __future__ import annotations

import json
import math
import os
import subprocess
import unicodedata
from typing import Any

import pandas as pd
import pyogrio
import pytest
import requests

OGC = "http://www.opengis.net/spec"
PART3 = [f"{OGC}/ogcapi-features-3/1.0/conf/filter", f"{OGC}/ogcapi-features-3/1.0/conf/features-filter"]
CQL2 = [f"{OGC}/cql2/1.0/conf/{c}" for c in (
    "cql2-text", "cql2-json", "basic-cql2", "advanced-comparison-operators", "case-insensitive-comparison",
    "accent-insensitive-comparison", "basic-spatial-functions", "basic-spatial-functions-plus", "spatial-functions")]


@pytest.fixture(scope="module")
def trees(demo_settings) -> pd.DataFrame:
    return pyogrio.read_dataframe(demo_settings.publish_dir / "trees" / "current" / "trees.gpkg",
                                  layer="trees_source", read_geometry=False)


def items(server: str, coll: str, flt: str, lang: str | None = None) -> requests.Response:
    params: dict[str, Any] = {"f": "json", "limit": 10000, "filter": flt}
    if lang:
        params["filter-lang"] = lang
    return requests.get(f"{server}/ogc/collections/{coll}/items", params=params, timeout=60)


def keys(server: str, coll: str, flt: str, lang: str | None = None, key: str = "key") -> set:
    r = items(server, coll, flt, lang)
    assert r.status_code == 200, f"{flt}: {r.status_code} {r.text[:300]}"
    doc = r.json()
    assert doc["numberMatched"] == len(doc["features"])
    return {f["properties"][key] for f in doc["features"]}


def casei(s: str) -> str:
    return s.lower()


def accenti(s: str) -> str:
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", s)
                                                if not unicodedata.combining(c)))


# --------------------------------------------------------------------------- conformance, OpenAPI, media type

def test_ats_core_conformance_op_and_success_declare_exactly_what_holds(server):
    """/ats/core/conformance-op, /ats/core/conformance-success (ets-ogcapi-features10
    ``Conformance.validateConformanceOperationAndResponse``): Part 3 filter and the CQL2 classes that pass
    (tested below), no Part 4 create/replace/delete (every write is refused), no Part 5 draft."""
    r = requests.get(f"{server}/ogc/conformance", params={"f": "json"}, timeout=30)
    assert r.status_code == 200
    got = r.json()["conformsTo"]
    assert f"{OGC}/ogcapi-features-1/1.0/conf/core" in got
    for c in PART3 + CQL2:
        assert c in got, c
    assert not [c for c in got if "ogcapi-features-4" in c or "ogcapi-features-5" in c]
    for c in ("temporal-functions", "array-functions", "arithmetic", "functions"):
        assert f"{OGC}/cql2/1.0/conf/{c}" not in got
    # Part 4 not declared, and indeed not offered: a write is refused
    w = requests.post(f"{server}/ogc/collections/trees_source/items", data=json.dumps(
        {"type": "Feature", "geometry": None, "properties": {}}), headers={"Content-Type": "application/geo+json"},
        timeout=30)
    assert w.status_code in (400, 405), w.status_code


def test_part3_filter_parameters_are_in_the_openapi_document(server):
    """Part 3 /conf/filter/filter-param, /conf/filter/filter-lang-param, /conf/filter/filter-crs-param:
    the API definition offers ``filter``, ``filter-lang`` (cql2-text, cql2-json) and ``filter-crs`` on every
    items path (GDAL's OAPIF driver reads ``filter-lang`` here to decide whether the server filters)."""
    doc = requests.get(f"{server}/ogc/openapi", params={"f": "json"}, timeout=60).json()
    paths = [p for p in doc["paths"] if p.endswith("/items") and "get" in doc["paths"][p]]
    assert paths
    for p in paths:
        params = {}
        for prm in doc["paths"][p]["get"]["parameters"]:
            if "$ref" in prm:  # "#/components/parameters/x"
                node = doc
                for part in prm["$ref"][2:].split("/"):
                    node = node[part]
                prm = node
            params[prm["name"]] = prm
        assert {"filter", "filter-lang", "filter-crs"} <= set(params), p
        assert {"cql2-text", "cql2-json"} <= set(params["filter-lang"]["schema"]["enum"])
        assert f"{OGC[:-5]}/def/crs/EPSG/0/25832" in params["filter-crs"]["schema"]["enum"]


@pytest.mark.parametrize("path", ["/collections/trees_source/items?limit=2",
                                  "/collections/trees_source/items?limit=2&f=json",
                                  "/collections/speciesdistributionunit/items?limit=1&filter=populationSize%20%3E%200"])
def test_ats_geojson_content_items_are_geojson(server, path):
    """/ats/geojson/content (Part 1 A.3): features answer ``application/geo+json``, as their self link says."""
    r = requests.get(f"{server}/ogc{path}", headers={"Accept": "application/geo+json"}, timeout=30)
    assert r.status_code == 200
    assert r.headers["Content-Type"].split(";")[0] == "application/geo+json"
    doc = r.json()
    self_link = next(link for link in doc["links"] if link["rel"] == "self")
    assert self_link["type"] == "application/geo+json"
    one = requests.get(f"{server}/ogc/collections/trees_source/items/{doc['features'][0]['id']}",
                       params={"f": "json"}, timeout=30) if "trees_source" in path else None
    if one is not None:
        assert one.status_code == 200 and one.headers["Content-Type"].split(";")[0] == "application/geo+json"


def test_gdal_oapif_sends_the_where_filter_to_the_server(server, trees):
    """Part 3 /conf/features-filter/response with a real client: GDAL's OAPIF driver finds ``filter-lang``
    in the OpenAPI document and sends ``-where`` as ``filter=`` (its debug output shows the request URL);
    the count equals the independent computation."""
    sp = trees.species_german.value_counts().index[0]
    env = dict(os.environ, CPL_DEBUG="ON")
    r = subprocess.run(["ogrinfo", "-ro", "-so", f"OAPIF:{server}/ogc", "trees_source", "-where",
                        f"species_german = '{sp}' AND height_m > 10"], capture_output=True, text=True, timeout=300,
                       env=env)
    assert r.returncode == 0, r.stderr[-2000:]
    log = r.stdout + r.stderr
    assert "CQL text detected" in log
    sent = [ln for ln in log.splitlines() if "Fetch(" in ln and "filter=" in ln]
    assert sent, "GDAL filtered on the client: no request carried filter=\n" + log[-3000:]
    assert "Full filter will be evaluated on client side" not in log
    want = int(((trees.species_german == sp) & (trees.height_m > 10)).sum())
    count = next(int(ln.split(":")[1]) for ln in r.stdout.splitlines() if ln.startswith("Feature Count"))
    assert want > 0 and count == want


# --------------------------------------------------------------------------- CQL2 (OGC 21-065r2)

def test_cql2_case_insensitive_comparison_folds_unicode(server, trees):
    """/conf/case-insensitive-comparison: ``CASEI(x) = CASEI('ÖLWEIDE')`` finds 'Ölweide' (every letter,
    not only ASCII), also as ``LIKE`` with ``CASEI`` on both sides and in CQL2 JSON."""
    values = [v for v in trees.species_german.dropna().unique() if not v.isascii() and v.isprintable()]
    target = next(v for v in values if any(c.isalpha() and not c.isascii() for c in v[:4]) or "ö" in v)
    upper = target.upper()
    want = set(trees.loc[trees.species_german.fillna("").map(casei) == casei(target), "key"])
    assert want and keys(server, "trees_source", f"CASEI(species_german) = CASEI('{upper}')") == want
    prefix = upper[: max(3, next(i for i, c in enumerate(upper) if not c.isascii()) + 1)]
    want_like = set(trees.loc[trees.species_german.fillna("").map(casei).str.startswith(casei(prefix)), "key"])
    assert want_like >= want
    assert keys(server, "trees_source", f"CASEI(species_german) LIKE CASEI('{prefix}%')") == want_like
    doc = {"op": "like", "args": [{"op": "casei", "args": [{"property": "species_german"}]},
                                  {"op": "casei", "args": [prefix + "%"]}]}
    assert keys(server, "trees_source", json.dumps(doc), "cql2-json") == want_like


def test_cql2_accent_insensitive_comparison(server, trees):
    """/conf/accent-insensitive-comparison: ``ACCENTI(CASEI(x)) = ACCENTI(CASEI('…'))`` ignores umlauts."""
    target = next(v for v in trees.species_german.dropna().unique() if "ä" in v or "ö" in v or "ü" in v)
    plain = accenti(target).upper()
    assert plain != target.upper()
    folded = trees.species_german.fillna("").map(lambda s: accenti(casei(s)))
    want = set(trees.loc[folded == accenti(casei(target)), "key"])
    assert want
    assert keys(server, "trees_source", f"ACCENTI(CASEI(species_german)) = ACCENTI(CASEI('{plain}'))") == want
    assert keys(server, "trees_source", f"ACCENTI(CASEI(species_german)) LIKE ACCENTI(CASEI('{plain[:5]}%'))") == \
        set(trees.loc[folded.str.startswith(accenti(casei(plain[:5]))), "key"])


def test_cql2_string_literal_with_doubled_quotes(server, trees):
    """/conf/basic-cql2 (character literals): ``'Crataegus laevigata ''Paul''s Scarlet'''``."""
    target = next(v for v in trees.species_botanical.dropna().unique() if v.count("'") >= 2)
    lit = "'" + target.replace("'", "''") + "'"
    want = set(trees.loc[trees.species_botanical == target, "key"])
    assert want and keys(server, "trees_source", f"species_botanical = {lit}") == want


def test_cql2_division_real_and_integer(server, trees):
    """CQL2 arithmetic operators as 21-065r2 defines them: ``/`` is real division (``h/2 = 3.5`` finds
    3.5 m trees), ``div`` integer division (the quotient truncated)."""
    h = trees.height_m
    want = set(trees.loc[h / 2 == 3.5, "key"])
    assert want and keys(server, "trees_source", "height_m / 2 = 3.5") == want
    want_div = set(trees.loc[h.notna() & ((h / 4).map(lambda v: math.trunc(v) if pd.notna(v) else None) == 3),
                             "key"])
    assert want_div and keys(server, "trees_source", "height_m div 4 = 3") == want_div


def test_cql2_typed_date_literals_compare_as_dates(server, demo_settings):
    """/conf/basic-cql2 (temporal literals): ``DATE('…')`` compared with a date property; both sides."""
    sp = pyogrio.read_dataframe(demo_settings.publish_dir / "spielplatzkataster" / "current" /
                                "spielplatzkataster.gpkg", layer="spielplatzkataster_source", read_geometry=False)
    dates = pd.to_datetime(sp.oldest_inspection)
    pivot = dates.sort_values().iloc[len(dates) // 2].date().isoformat()
    before, after = set(sp.loc[dates < pd.Timestamp(pivot), "key"]), set(sp.loc[dates > pd.Timestamp(pivot), "key"])
    assert before and after
    assert keys(server, "spielplatzkataster_source", f"oldest_inspection < DATE('{pivot}')") == before
    assert keys(server, "spielplatzkataster_source", f"oldest_inspection > DATE('{pivot}')") == after
    assert keys(server, "spielplatzkataster_source",
                f"oldest_inspection >= TIMESTAMP('{pivot}T00:00:00Z')") == set(sp.key) - before


@pytest.mark.parametrize(("coll", "flt", "words"), [
    ("speciesdistributionunit", "populationSize = 'abc'", ["populationSize", "number", "'abc'", "string"]),
    ("trees_source", "planting_year < DATE('2000-01-01')", ["planting_year", "number", "date"]),
    ("trees_source", "species_german = 5", ["species_german", "string", "number"]),
    ("trees_source", "CASEI(height_m) = 'x'", ["height_m", "CASEI"]),
])
def test_cql2_type_mismatch_is_400_naming_property_and_types(server, coll, flt, words):
    """/conf/basic-cql2 (operands of one type): a mismatch is an error (400), never an empty 200."""
    r = items(server, coll, flt)
    assert r.status_code == 400, r.text[:300]
    desc = r.json()["description"]
    assert "filter" in desc
    for w in words:
        assert w in desc, (w, desc)
