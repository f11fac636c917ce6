"""Issue 14, inputs: CRS names as German sources write them (AdV URNs), the Gauss-Krüger -> UTM transformation
recorded in report and lineage, XPlanGML errors that name file, record, field and value, nested JSON
properties as JSON text, and the one hardened XML path (files, request bodies, the WMS SLD_BODY)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pyogrio
import pytest
import requests

from core.config import ConfigErrors
from core.crs import CrsNameError, parse_crs, transformation_info
from core.errors import GdiError, SourceError
from core.xmlguard import check_body, check_prolog
from core.xsd import validate_gml_file
from metadata.dataset import lineage_statement
from transforms.pipeline import run_dataset

from .conftest import ROOT
from .test_transforms_corpus import CORPUS, _dataset

CRS_NAMES = [
    ("urn:adv:crs:ETRS89_UTM32", "EPSG:25832", None),
    ("urn:adv:crs:ETRS89_UTM33", "EPSG:25833", None),
    ("urn:adv:crs:DE_DHDN_3GK3", "EPSG:31467", None),
    ("urn:adv:crs:DE_DHDN_3GK2", "EPSG:31466", None),
    ("urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH", "EPSG:25832", "EPSG:7837"),
    ("urn:adv:crs:ETRS89_UTM33*DE_DHHN2016_NH", "EPSG:25833", "EPSG:7837"),
    ("urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH", "EPSG:25832", "EPSG:5783"),
    ("urn:adv:crs:DE_DHDN_3GK3*DE_DHHN92_NH", "EPSG:31467", "EPSG:5783"),
    ("urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016", "EPSG:25832", "EPSG:7837"),
    ("urn:adv:crs:ETRS89_Lat-Lon", "EPSG:4258", None),
    ("EPSG:25832", "EPSG:25832", None),
    ("urn:ogc:def:crs:EPSG::25832", "EPSG:25832", None),
    ("urn:ogc:def:crs:EPSG:6.12:31467", "EPSG:31467", None),
    ("http://www.opengis.net/def/crs/EPSG/0/25833", "EPSG:25833", None),
    ("urn:ogc:def:crs,crs:EPSG:6.12:25832,crs:EPSG:6.12:7837", "EPSG:25832", "EPSG:7837"),
]


@pytest.mark.parametrize("name, horizontal, vertical", CRS_NAMES, ids=[c[0] for c in CRS_NAMES])
def test_crs_names_are_recognised(name, horizontal, vertical):
    parsed = parse_crs(name)
    assert (parsed.horizontal, parsed.vertical) == (horizontal, vertical)


@pytest.mark.parametrize("name, message", [
    ("urn:adv:crs:XX_UNBEKANNT", "unknown AdV CRS 'XX_UNBEKANNT' in 'urn:adv:crs:XX_UNBEKANNT'; known: "),
    ("EPSG:999999", "unknown CRS 'EPSG:999999'"),
    ("urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH", None),
])
def test_unknown_crs_names_say_what(name, message):
    if message is None:
        parse_crs(name)
        return
    with pytest.raises(CrsNameError) as info:
        parse_crs(name)
    assert str(info.value).startswith(message)


def test_dataset_yml_accepts_adv_urns(tmp_path):
    ds = _dataset("trees", CORPUS / "sd_gauss_krueger.csv", {"crs": "urn:adv:crs:DE_DHDN_3GK3*DE_DHHN92_NH"},
                  tmp_path)
    assert ds.sources[0].crs == "EPSG:31467"
    with pytest.raises(ConfigErrors) as info:
        _dataset("trees", CORPUS / "sd_gauss_krueger.csv", {"crs": "urn:adv:crs:DE_KRASSOWSKI"}, tmp_path / "b")
    assert any("unknown AdV CRS 'DE_KRASSOWSKI'" in m for m in info.value.messages), info.value.messages


def test_gauss_krueger_uses_beta2007_and_says_so(tmp_settings, tmp_path):
    """The grid from Debian's proj-data is found (core.crs adds it to PROJ's search path); the report and the
    lineage name the operation, its accuracy and grid; the trees land where the grid puts them."""
    info = transformation_info("EPSG:31467", "EPSG:25832", (9.9, 52.1, 10.0, 52.2))
    assert "DHDN to ETRS89 (8)" in info["operation"] and info["grids"] == ["de_adv_BETA2007.tif"], info
    assert info["accuracy_m"] == pytest.approx(0.9) and info["missing_better"] == []
    ds = _dataset("trees", CORPUS / "sd_gauss_krueger.csv", {"crs": "urn:adv:crs:DE_DHDN_3GK3"}, tmp_path)
    res = run_dataset(ds, tmp_settings)
    report = json.loads(res.report_json.read_text())
    (t,) = report["mapper"]["crs_transformations"]
    assert t["source"] == "EPSG:31467" and t["target"] == "EPSG:25832"
    assert "DHDN to ETRS89 (8)" in t["operation"] and t["grids"] == ["de_adv_BETA2007.tif"]
    assert t["accuracy_m"] == pytest.approx(0.9)
    manifest = json.loads((_dir(res) / "manifest.json").read_text())
    lineage = lineage_statement(ds, manifest, report)
    assert "Koordinatentransformation EPSG:31467 → EPSG:25832" in lineage and "de_adv_BETA2007.tif" in lineage
    # the source points were made from these UTM coordinates with BETA2007: the round trip is exact to a cm
    gdf = pyogrio.read_dataframe(_dir(res) / f"{ds.id}.gpkg", layer="speciesdistributionunit")
    got = sorted(c for p in gdf.geometry for c in (p.x, p.y))
    assert got == pytest.approx(sorted([404875.4, 5755263.9, 404887.389, 5754897.588]), abs=0.01)


@pytest.mark.parametrize("fname, field, value, record", [
    ("xplan52_bad_date.gml", "inkrafttretensDatum", "2021-13-45", "BP_Plan GML_plan_52"),
    ("xplan52_broken_geltungsbereich.gml", "raeumlicherGeltungsbereich", None, "BP_Plan GML_plan_52"),
])
def test_xplan_errors_name_file_record_field_value(tmp_settings, tmp_path, fname, field, value, record):
    ds = _dataset("bplan2070", CORPUS / fname, {"crs": None}, tmp_path)
    with pytest.raises(GdiError) as info:
        run_dataset(ds, tmp_settings)
    exc = info.value
    assert exc.file == str(CORPUS / fname) and exc.record == record and exc.field == field and exc.value == value
    assert "XSD" not in str(exc)


def test_nested_json_is_published_as_json_text(tmp_settings, tmp_path):
    ds = _dataset("playgrounds", CORPUS / "pg_nested_equipment.geojson",
                  {"fields": {"key": "osm_id", "key_qualifier": "osm_type", "name": "name", "equipment": "geraete"}},
                  tmp_path)
    res = run_dataset(ds, tmp_settings)
    src = pyogrio.read_dataframe(_dir(res) / f"{ds.id}.gpkg", layer=f"{ds.id}_source")
    equipment = dict(zip(src["key"], src["equipment"], strict=True))
    assert equipment["way-21"] == "Rutsche=2026-05-01 | Schaukel=2026-04-02"   # read by the inspection check
    assert json.loads(equipment["way-22"]) == [{"id": 7, "zustand": "gut"}]   # JSON text, not Python repr
    assert "'" not in equipment["way-22"]


def _dir(res) -> Path:
    assert res.published_dir is not None
    return Path(res.published_dir)


# --- the one hardened XML path ---------------------------------------------------------------------------------
DOC = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'


@pytest.mark.parametrize("data", [
    DOC.encode("utf-8"),
    DOC.encode("utf-16"),            # with BOM
    DOC.encode("utf-16-be"),         # without BOM
    DOC.encode("utf-16-le"),
    DOC.encode("utf-32"),
    b"\xef\xbb\xbf" + DOC.encode("utf-8"),
    ('<?xml version="1.0"?>\n<!--' + " " * (3 << 20) + '-->\n<!DOCTYPE x SYSTEM "http://example.org/x.dtd"><x/>')
    .encode(),
    b'<?xml version="1.0"?><?pi data?><!-- c --><!ENTITY e "x"><x/>',
], ids=["utf8", "utf16", "utf16be", "utf16le", "utf32", "utf8-bom", "after-3mib", "entity-no-doctype"])
def test_dtd_refused_in_every_encoding_and_position(data):
    with pytest.raises(SourceError) as info:
        check_prolog(io.BytesIO(data), "doc.gml")
    assert "DTDs and entities are refused" in info.value.bare_message


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?>\n<!-- <!DOCTYPE in a comment --><root><a>&amp;</a></root>',
    '<?xml version="1.0" encoding="UTF-16"?><root>ä</root>'.encode("utf-16"),
    b"<root/>",
])
def test_clean_documents_pass(data):
    check_prolog(io.BytesIO(data), "doc.gml")
    check_body(data, "doc.gml")


def test_endless_prolog_is_refused():
    data = b"<?xml version='1.0'?>" + b"<!-- -->" * (3 << 20)
    with pytest.raises(SourceError) as info:
        check_prolog(io.BytesIO(data), "doc.gml", max_prolog=1 << 20)
    assert "prolog" in info.value.bare_message


def test_offline_validator_refuses_a_dtd(tmp_path, schema_dir):
    p = tmp_path / "x.gml"
    p.write_bytes(DOC.encode("utf-16"))
    errors = validate_gml_file(p, schema_dir)
    assert errors and "DTDs and entities are refused" in errors[0]


SLD_OK = ('<StyledLayerDescriptor version="1.1.0" xmlns="http://www.opengis.net/sld" '
          'xmlns:se="http://www.opengis.net/se"><NamedLayer><se:Name>SD.SpeciesDistribution</se:Name>'
          '</NamedLayer></StyledLayerDescriptor>')
SLD_BAD = [
    '<!DOCTYPE StyledLayerDescriptor [<!ENTITY n "SD.SpeciesDistribution">]>' + SLD_OK,
    '<?xml version="1.0"?><!-- x --><!DOCTYPE StyledLayerDescriptor SYSTEM "file:///etc/passwd">' + SLD_OK,
    '<?xml version="1.0"?><!ENTITY e "x">' + SLD_OK,
]


@pytest.mark.parametrize("body", SLD_BAD, ids=["internal-entity", "external-dtd", "entity"])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sld_body_with_doctype_or_entity_is_400(server, body, method):
    params = {"SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": "SD.SpeciesDistribution",
              "STYLES": "", "CRS": "EPSG:25832", "BBOX": "403976,5754713,405454,5756376", "WIDTH": "64",
              "HEIGHT": "64", "FORMAT": "image/png", "SLD_BODY": body}
    if method == "GET":
        r = requests.get(server + "/wms", params=params, timeout=60)
    else:
        r = requests.post(server + "/wms", data=params, timeout=60)
    assert r.status_code == 400, r.text[:500]
    assert b"SLD_BODY" in r.content and b"DTDs and entities are refused" in r.content


def test_corpus_files_exist():
    for name in ("utf16_doctype.gml", "xplan52_multicurve_adv_crs.gml", "sd_gauss_krueger.csv"):
        assert (CORPUS / name).is_file()
    assert Path(ROOT / "core" / "crs.py").is_file()
