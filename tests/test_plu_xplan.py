"""XPlanGML -> INSPIRE PLU through the real pipeline, validated against the offline INSPIRE XSDs (our
validator and the independent ../shared/tools/inspire_validate.py), on the real plans in ../shared."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from core.config import load_dataset
from core.errors import SourceError
from core.xsd import validate_gml_file
from tests.conftest import ROOT, SHARED
from transforms.pipeline import run_dataset

PLANS = SHARED / "data" / "xplan_plans"
NS = {"plu": "http://inspire.ec.europa.eu/schemas/plu/4.0", "gml": "http://www.opengis.net/gml/3.2",
      "xlink": "http://www.w3.org/1999/xlink", "base": "http://inspire.ec.europa.eu/schemas/base/3.3"}
XL = "{http://www.w3.org/1999/xlink}href"


def _dataset(tmp_path: Path, ds_id: str, mapper: str, source: Path, crs: str | None):
    text = (ROOT / "datasets" / "bplan2070" / "dataset.yml").read_text(encoding="utf-8")
    text = text.replace("id: bplan2070", f"id: {ds_id}").replace("mapper: plu_zoning", f"mapper: {mapper}")
    text = text.replace("path: BP2070_Bremen_xplan51.zip", f"path: {source}")
    text = text.replace("crs: EPSG:31467", f"crs: {crs}" if crs else "")
    folder = tmp_path / ds_id
    folder.mkdir()
    (folder / "dataset.yml").write_text(text, encoding="utf-8")
    return load_dataset(folder / "dataset.yml")


def _independent_validator(path: Path) -> str:
    r = subprocess.run([sys.executable, str(SHARED / "tools" / "inspire_validate.py"), str(path)],
                       capture_output=True, text=True, timeout=300, check=False)
    return r.stdout + r.stderr


def _check_plu_document(gml: Path, feature: str) -> etree._ElementTree:
    doc = etree.parse(str(gml))
    plans = doc.findall(".//plu:SpatialPlan", NS)
    docs = doc.findall(".//plu:OfficialDocumentation", NS)
    assert len(plans) == 1 and len(docs) == 1
    plan_id = plans[0].get("{http://www.opengis.net/gml/3.2}id")
    feats = doc.findall(f".//plu:{feature}", NS)
    assert feats
    for f in feats:
        assert f.find("plu:plan", NS).get(XL) == f"#{plan_id}"
    hrefs = [e.get(XL) for e in doc.iter() if e.get(XL)]
    assert not [h for h in hrefs if h.startswith("https://inspire.ec.europa.eu")]  # normalised to http://
    assert any(h.startswith("http://inspire.ec.europa.eu/codelist/") for h in hrefs)
    return doc


@pytest.mark.parametrize("ds_id,feature,count", [("bplan2070", "ZoningElement", 75),
                                                 ("bplan2070_sr", "SupplementaryRegulation", 227)])
def test_bplan_2070_valid_plu(tmp_settings, schema_dir, ds_id, feature, count):
    ds = load_dataset(ROOT / "datasets" / ds_id / "dataset.yml")
    res = run_dataset(ds, tmp_settings)
    assert res.status == "published" and res.summary["published"] == count
    assert res.published_dir is not None
    gml = res.published_dir / f"{ds_id}.gml"
    assert validate_gml_file(gml, schema_dir) == []
    assert "VALID" in _independent_validator(gml) and "INVALID" not in _independent_validator(gml)
    doc = _check_plu_document(gml, feature)
    manifest = json.loads((res.published_dir / "manifest.json").read_text())
    assert manifest["layer_name"] == f"PLU.{feature}" and manifest["feature_type"] == feature
    assert 8.6 < manifest["bbox_crs84"][0] < 8.8 and 53.1 < manifest["bbox_crs84"][1] < 53.2  # Bremen, from 31467
    if feature == "ZoningElement":
        # BP 2070 is a commercial/industrial plan: GE (besondereArtDerBaulNutzung 1700) ->
        # 2_3_LightEndProductIndustry / 3_10_3_1_Gewerbegebiet, GI (1800) -> 2_SecondaryProduction / 3_10_3_2
        uses = {e.get(XL) for e in doc.findall(".//plu:hilucsLandUse", NS)}
        spec = {e.get(XL) or "" for e in doc.findall(".//plu:specificLandUse", NS)}
        assert "http://inspire.ec.europa.eu/codelist/HILUCSValue/2_3_LightEndProductIndustry" in uses
        assert "http://inspire.ec.europa.eu/codelist/HILUCSValue/2_SecondaryProduction" in uses
        assert any(s.endswith("/LandUse/3_10_3_1_Gewerbegebiet") for s in spec)
        assert any(s.endswith("/LandUse/3_28_1_Parkanlage") for s in spec)
        grz = doc.findall(".//plu:DimensioningIndicationRealValue[plu:indicationReference='GRZ']", NS)
        assert grz and all(0 < float(g.find("plu:value", NS).text) <= 1 for g in grz)
        nature = {e.get(XL) for e in doc.findall(".//plu:ZoningElement/plu:regulationNature", NS)}
        # the plan gives rechtscharakter 9998 (unbekannt) everywhere -> nonBinding (XLeitstelle)
        assert nature == {"http://inspire.ec.europa.eu/codelist/RegulationNatureValue/nonBinding"}


def test_fnp_grasleben_plain_gml(tmp_settings, tmp_path, schema_dir):
    src = PLANS / "FNP_Grasleben_031545401000_xplan51.gml"
    ds = _dataset(tmp_path, "fnp_grasleben", "plu_zoning", src, None)
    res = run_dataset(ds, tmp_settings)
    assert res.published_dir is not None
    gml = res.published_dir / "fnp_grasleben.gml"
    assert validate_gml_file(gml, schema_dir) == []
    doc = _check_plu_document(gml, "ZoningElement")
    level = doc.find(".//plu:SpatialPlan/plu:levelOfSpatialPlan", NS).get(XL)
    assert level == "http://inspire.ec.europa.eu/codelist/LevelOfSpatialPlanValue/local"  # FNP: local level
    step = doc.find(".//plu:SpatialPlan/plu:processStepGeneral", NS).get(XL)
    assert step.endswith("/ProcessStepGeneralValue/legalForce")  # rechtsstand 4000 Wirksamkeit
    ords = doc.findall(".//plu:SpatialPlan/plu:ordinance/plu:OrdinanceValue", NS)
    assert [(o.find("plu:ordinanceDate", NS).text, o.find("plu:ordinanceReference", NS).text) for o in ords] == \
        [("2019-03-20T00:00:00", "Wirksamkeit")]
    assert not list(PLANS.glob("*.gfs"))  # GDAL wrote no side file next to the source


def test_liebenwerda_unclosed_ring_is_a_clear_message(tmp_settings, tmp_path, schema_dir):
    src = PLANS / "FPlan_BadLiebenwerda_xplan51.zip"
    ds = _dataset(tmp_path, "fnp_liebenwerda", "plu_zoning", src, "EPSG:31467")
    res = run_dataset(ds, tmp_settings)
    # the run does not crash: the broken object is rejected with its id and the defect, the rest published
    # (this plan also uses Gauss-Krueger zone 3 far east of its area of use: those objects are rejected too)
    assert res.status == "published" and res.summary["rejected"] >= 1 and res.summary["published"] > 1500
    report = json.loads(res.report_json.read_text())
    text = json.dumps(report, ensure_ascii=False)
    assert re.search(r"GML_ed9b7898-b7e4-4464-8bc7-9cc211ee7192: geometry unreadable — a ring is not closed "
                     r"\(first point 3391285\.422 5710176\.666, last point 3391285\.423 5710176\.666\)", text)
    assert res.published_dir is not None
    assert validate_gml_file(res.published_dir / "fnp_liebenwerda.gml", schema_dir) == []


@pytest.mark.parametrize("content,message", [
    (b'<?xml version="1.0"?><gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2"/>',
     "not an XPlanGML document"),
    ((b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xplan:XPlanAuszug '
     b'xmlns:xplan="http://www.xplanung.de/xplangml/5/1"/>'), "DTDs and entities are refused"),
    (b'<?xml version="1.0"?><xplan:XPlanAuszug xmlns:xplan="http://www.xplanung.de/xplangml/3/0"/>',
     "XPlanGML version 3.0 is not supported"),
])
def test_bad_xplan_inputs(tmp_settings, tmp_path, content, message):
    from transforms.readers.xplan import read_xplan
    bad = tmp_path / "plan.gml"
    bad.write_bytes(content)
    ds = _dataset(tmp_path, "bad_plan", "plu_zoning", bad, "EPSG:25832")
    with pytest.raises(SourceError, match=re.escape(message)):
        list(read_xplan(bad, ds.sources[0], ds, tmp_settings))


def test_planned_volumes_two_variants(tmp_settings):
    from gdi.plans_demo import import_demo_plans, planned_volumes
    ds = load_dataset(ROOT / "datasets" / "bplan2070" / "dataset.yml")
    vols, counts = planned_volumes(ds, tmp_settings)
    assert set(vols) == {"maximal", "grz"}
    mx, grz = vols["maximal"], vols["grz"]
    assert len(mx) == len(grz) == 37  # one volume per BP_BaugebietsTeilFlaeche
    assert (mx.geometry.area > 0).all() and (mx["height_m"] > 0).all()
    assert grz.geometry.area.sum() < mx.geometry.area.sum()  # GRZ limits the ground coverage
    assert counts["height_from_GFZ_GRZ"] + counts["height_default"] == 37
    summary = import_demo_plans(tmp_settings)["bplan2070"]
    assert [v["variant"] for v in summary["variants"]] == ["maximal", "grz"]
    gj = json.loads((tmp_settings.var_dir / "plans" / "planned_bplan2070_grz.geojson").read_text())
    assert len(gj["features"]) == 37 and all(f["properties"]["height_m"] > 0 for f in gj["features"])


@pytest.mark.parametrize("ns,version", [("4/1", "4.1"), ("6/0", "6.0")])
def test_other_xplan_versions_by_namespace(tmp_settings, tmp_path, schema_dir, ns, version):
    """No real 4.1/6.0 plan is in the shared data: the real BP 2070 with its namespace rewritten checks that
    both versions are recognised and read (6.x has its own rechtscharakter code table)."""
    import zipfile
    with zipfile.ZipFile(PLANS / "BP2070_Bremen_xplan51.zip") as zf:
        text = zf.read("xplan.gml").replace(b"http://www.xplanung.de/xplangml/5/1",
                                            f"http://www.xplanung.de/xplangml/{ns}".encode())
    src = tmp_path / f"bp2070_{ns.replace('/', '')}.gml"
    src.write_bytes(text)
    ds = _dataset(tmp_path, f"bp_v{ns.replace('/', '')}", "plu_zoning", src, "EPSG:31467")
    res = run_dataset(ds, tmp_settings)
    assert res.summary["published"] == 75
    report = json.loads(res.report_json.read_text())
    assert report["mapper"]["plan"]["version"] == version
    assert res.published_dir is not None
    assert validate_gml_file(res.published_dir / f"{ds.id}.gml", schema_dir) == []


def test_plan_pdf_becomes_the_plan_document(tmp_settings, tmp_path, schema_dir):
    """BP 2070 with two external references (a Begründung and the legally binding plan PDF): the plan PDF
    becomes OfficialDocumentation.planDocument (name, publication date, link), XSD-valid."""
    import zipfile
    gml = zipfile.ZipFile(PLANS / "BP2070_Bremen_xplan51.zip").read("xplan.gml").decode("utf-8")
    refs = ("<xplan:externeReferenz><xplan:XP_SpezExterneReferenz><xplan:art>Dokument</xplan:art>"
            "<xplan:referenzName>Begründung</xplan:referenzName>"
            "<xplan:referenzURL>https://bauleitplanung.example/bp2070_begruendung.pdf</xplan:referenzURL>"
            "<xplan:typ>1010</xplan:typ></xplan:XP_SpezExterneReferenz></xplan:externeReferenz>"
            "<xplan:externeReferenz><xplan:XP_SpezExterneReferenz><xplan:art>Dokument</xplan:art>"
            "<xplan:referenzName>Bebauungsplan 2070 – Planzeichnung &amp; Text</xplan:referenzName>"
            "<xplan:referenzURL>https://bauleitplanung.example/bp2070.pdf</xplan:referenzURL>"
            "<xplan:datum>2018-05-15</xplan:datum><xplan:typ>1030</xplan:typ>"
            "</xplan:XP_SpezExterneReferenz></xplan:externeReferenz>")
    gml = gml.replace("<xplan:technHerstellDatum>2001-08-06</xplan:technHerstellDatum>",
                      "<xplan:technHerstellDatum>2001-08-06</xplan:technHerstellDatum>" + refs, 1)
    src = tmp_path / "bp2070_refs.gml"
    src.write_text(gml, encoding="utf-8")
    ds = _dataset(tmp_path, "bp2070_refs", "plu_zoning", src, "EPSG:31467")
    res = run_dataset(ds, tmp_settings)
    assert res.status == "published"
    assert res.published_dir is not None
    out = res.published_dir / "bp2070_refs.gml"
    assert validate_gml_file(out, schema_dir) == []
    independent = _independent_validator(out)
    assert "VALID" in independent and "INVALID" not in independent
    doc = etree.parse(str(out))
    b2 = {"base2": "http://inspire.ec.europa.eu/schemas/base2/2.0", "gco": "http://www.isotc211.org/2005/gco",
          "gmd": "http://www.isotc211.org/2005/gmd", **NS}
    cites = doc.findall(".//plu:OfficialDocumentation/plu:planDocument/base2:DocumentCitation", b2)
    assert len(cites) == 1
    assert cites[0].findtext("base2:name", namespaces=b2) == "Bebauungsplan 2070 – Planzeichnung & Text"
    assert cites[0].findtext("base2:link", namespaces=b2) == "https://bauleitplanung.example/bp2070.pdf"
    assert cites[0].findtext(".//gco:Date", namespaces=b2) == "2018-05-15"
