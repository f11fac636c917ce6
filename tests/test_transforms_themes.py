"""Issue 3: ELU playgrounds, AM contaminated sites (public + restricted view), BU buildings (ALKIS export and
LGLN CityGML), generators, and the published demo. Real bundled data through the real pipeline; the GML is
validated by the pipeline and again by the independent validator in ../shared/tools."""
from __future__ import annotations

import copy
import json
import math
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pyogrio
import pytest
import requests
import yaml
from lxml import etree

from core.config import load_dataset
from transforms.generate import GENERATORS
from transforms.pipeline import run_dataset
from transforms.themes.bu import function_table, split_function

from .conftest import ROOT

DATASETS = ROOT / "datasets"
VALIDATOR = ROOT.parent / "shared" / "tools" / "inspire_validate.py"
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
NS = {"wfs": "http://www.opengis.net/wfs/2.0", "gml": "http://www.opengis.net/gml/3.2",
      "elu": "http://inspire.ec.europa.eu/schemas/elu/4.0", "am": "http://inspire.ec.europa.eu/schemas/am/4.0",
      "base2": "http://inspire.ec.europa.eu/schemas/base2/2.0", "gco": "http://www.isotc211.org/2005/gco",
      "bu-base": "http://inspire.ec.europa.eu/schemas/bu-base/4.0", "xlink": "http://www.w3.org/1999/xlink",
      "bu-core2d": "http://inspire.ec.europa.eu/schemas/bu-core2d/4.0"}
CONTRACT = ["key", "function_code", "function_label", "storeys", "height_m", "height_status", "roof_form",
            "ridge_height_m", "eaves_height_m", "ground_height_m", "address"]


def run(ds_id: str, settings, **kw):
    res = run_dataset(load_dataset(DATASETS / ds_id / "dataset.yml"), settings, now=kw.pop("now", NOW), **kw)
    assert res.status == "published"
    return res


def independent_validation(path: Path) -> None:
    assert VALIDATOR.exists(), f"independent INSPIRE validator not found at {VALIDATOR} (../shared/tools)"
    r = subprocess.run([sys.executable, str(VALIDATOR), str(path)], capture_output=True, text=True, timeout=600,
                       check=False)
    assert r.returncode == 0, r.stdout + r.stderr


def report(res) -> dict:
    return json.loads(res.report_json.read_text())


# --- ELU ------------------------------------------------------------------------------------------------
def test_osm_playgrounds_to_elu(tmp_settings):
    res = run("playgrounds", tmp_settings)
    assert res.summary == {"read": 744, "published": 740, "repaired": 0, "rejected": 4, "flagged": 0}
    notes = {r["key"]: r["notes"][0] for r in report(res)["records"]}
    assert notes["way-81027762"] == ("rejected: LineString is not a ring (its ends are 21.8 m apart); together with "
                                     "way-238059180, way-238059178, way-238059179 it forms a closed outline (probably "
                                     "the outer ways of a multipolygon relation: fix the source)")
    gml = res.published_dir / "playgrounds.gml"
    doc = etree.parse(str(gml))
    objs = doc.findall(".//elu:ExistingLandUseObject", NS)
    dsets = doc.findall(".//elu:ExistingLandUseDataSet", NS)
    assert len(objs) == 740 and len(dsets) == 1
    assert len(dsets[0].findall("elu:member", NS)) == 740
    assert {o.find("elu:dataset", NS).get(f"{{{NS['xlink']}}}href") for o in objs} == {"#ELUDS_playgrounds"}
    hilucs = objs[0].find("elu:hilucsLandUse", NS).get(f"{{{NS['xlink']}}}href")
    assert hilucs == "http://inspire.ec.europa.eu/codelist/HILUCSValue/3_4_4_OpenAirRecreationalAreas"
    assert doc.getroot().get("numberMatched").strip() == "741"
    independent_validation(gml)
    man = json.loads((res.published_dir / "manifest.json").read_text())
    assert man["collections"][0]["id"] == "existinglanduseobject_osm_koeln"


def test_spielplatzkataster_keeps_equipment_in_source_view(tmp_settings):
    res = run("spielplatzkataster", tmp_settings)
    gpkg = res.published_dir / "spielplatzkataster.gpkg"
    src = pyogrio.read_dataframe(gpkg, layer="spielplatzkataster_source")
    ins = pyogrio.read_dataframe(gpkg, layer="existinglanduseobject")
    assert {"equipment", "oldest_inspection", "inspection_overdue", "age_group", "name"} <= set(src.columns)
    assert not {"equipment", "name", "age_group"} & set(ins.columns)
    row = src.set_index("key").loc["SP-004"]
    assert row["equipment"] == "Rutsche=2023-04-02 | Schaukel=2023-04-02 | Karussell=2023-04-02"
    assert bool(row["inspection_overdue"]) is True
    assert bool(src.set_index("key").loc["SP-001", "inspection_overdue"]) is False
    notes = {r["key"]: r["notes"] for r in report(res)["records"]}
    assert notes["SP-006"] == ["flagged: DIN EN 1176-7 main inspection overdue or missing for Balancierbalken"]
    assert "Rutsche" not in (res.published_dir / "spielplatzkataster.gml").read_text()


# --- AM -------------------------------------------------------------------------------------------------
def test_altlasten_public_view_is_reduced(tmp_settings):
    res = run("altlasten", tmp_settings)
    d = res.published_dir
    for f in ("altlasten.gml", "altlasten.geojson", "altlasten.gpkg", "report.json", "report.html"):
        blob = (d / f).read_bytes()
        for secret in (b"Beispiel Immobilien", b"Chrom(VI)", b"Tankstelle",
                       b"Galvanik"):
            assert secret not in blob, (f, secret)
    src = pyogrio.read_dataframe(d / "altlasten.gpkg", layer="altlasten_source")
    assert set(src.columns) == {"key", "status", "status_label", "inspireId", "geometry"}
    assert "ALT-1006" not in set(src["key"])  # "Verdacht ausgeräumt" is not public
    man = json.loads((d / "manifest.json").read_text())
    assert man["access"] == "public"
    assert man["counts"]["published"] == 52


def test_altlasten_full_view_is_restricted_and_complete(tmp_settings):
    res = run("altlasten_intern", tmp_settings)
    d = res.published_dir
    man = json.loads((d / "manifest.json").read_text())
    assert man["access"] == "restricted"
    assert man["collections"][0]["id"] == "managementrestrictionorregulationzone_intern"
    src = pyogrio.read_dataframe(d / "altlasten_intern.gpkg", layer="altlasten_intern_source").set_index("key")
    assert src.loc["ALT-1001", "owner"] == "Beispiel Immobilien GmbH"
    assert src.loc["ALT-1006", "status_label"] == "Verdacht ausgeräumt"
    # FNP points became 50 m zones located in Bad Liebenwerda (13.27-13.48 E, 51.44-51.54 N)
    fnp = src[src["geometry_origin"] == "point buffered 50 m"]
    assert len(fnp) == 46
    assert all(abs(a - math.pi * 2500) < 40 for a in fnp.geometry.area)
    b = fnp.to_crs("EPSG:4326").total_bounds
    assert 13.2 < b[0] < b[2] < 13.6 and 51.4 < b[1] < b[3] < 51.6
    doc = etree.parse(str(d / "altlasten_intern.gml"))
    zone = doc.find(".//am:ManagementRestrictionOrRegulationZone", NS)
    assert zone.find("am:zoneType", NS).get(f"{{{NS['xlink']}}}href").endswith(
        "/ZoneTypeCode/restrictedZonesAroundContaminatedSites")
    assert zone.find("am:environmentalDomain", NS).get(f"{{{NS['xlink']}}}href").endswith("/EnvironmentalDomain/soil")
    names = [e.text for e in zone.findall("am:legalBasis/base2:LegislationCitation/base2:name", NS)]
    assert names == ["Bundes-Bodenschutzgesetz (BBodSchG)", "Niedersächsisches Bodenschutzgesetz (NBodSchG)"]
    party = zone.find("am:competentAuthority/base2:RelatedParty", NS)
    assert party.find("base2:organisationName/gco:CharacterString", NS).text == \
        "Stadt Hildesheim, Untere Bodenschutzbehörde"
    assert party.find("base2:role", NS).get(f"{{{NS['xlink']}}}href").endswith("/RelatedPartyRoleValue/authority")
    assert zone.find("am:designationPeriod/gml:TimePeriod/gml:beginPosition", NS).text == "2003-05-12"
    independent_validation(d / "altlasten_intern.gml")


# --- BU -------------------------------------------------------------------------------------------------
def test_split_function_and_table():
    assert split_function("31001_2000") == (31001, 2000)
    assert split_function("2463") == (31001, 2463)
    assert split_function("2463.0") == (31001, 2463)
    assert split_function("Wohnhaus") == (None, None)
    t = function_table()
    assert t[1000][1] == "residential" and t[2463][1] == "ancillary" and t[3041][2] == "church"
    assert t[2720][1] == "agriculture" and t[2020][1] == "office"


def test_lorup_citygml_to_bu(tmp_settings):
    res = run("gebaeude_lorup", tmp_settings)
    # 119 buildings and 38 BuildingParts (each part its own record, linked by part_of)
    assert res.summary["read"] == 157 and res.summary["published"] == 157
    src = pyogrio.read_dataframe(res.published_dir / "gebaeude_lorup.gpkg", layer="gebaeude_lorup_source")
    assert list(src.columns[: len(CONTRACT)]) == CONTRACT
    assert str(src.crs).endswith("25832") or src.crs.to_epsg() == 25832
    b = src.set_index("key").loc["DENILD750000tr2k"]
    assert (b["function_code"], b["function_label"]) == (2000, "Gebäude für Wirtschaft oder Gewerbe")
    assert (b["height_m"], b["height_status"], b["roof_form"]) == (4.087, "measured", 1000)
    assert (b["ground_height_m"], b["ridge_height_m"]) == (41.292, 4.087)
    # the ground face in the file (z = 41.292) has a shoelace area of 99.096 m²
    assert not b.geometry.has_z and abs(b.geometry.area - 99.096) < 0.01
    assert set(src.geom_type) <= {"MultiPolygon"}
    # a building with a BuildingPart: ground faces 1166.27 m² (building) + 24.98 m² (part) in the file; the
    # source view keeps the body, the INSPIRE building is body and part
    assert abs(src.set_index("key").loc["DENILD750000tr1f"].geometry.area - 1166.27) < 0.05
    bu = pyogrio.read_dataframe(res.published_dir / "gebaeude_lorup.gpkg", layer="building_lorup")
    whole = bu[bu["localId"].astype(str).str.endswith("DENILD750000tr1f")]
    assert len(whole) == 1 and abs(whole.geometry.iloc[0].area - (1166.27 + 24.98)) < 0.05
    buildings = src[src["part_of"].isna() | (src["part_of"].astype(str) == "")]
    assert (buildings["function_code"] == 1610).sum() == 18  # 51009_1610 canopies keep their code
    doc = etree.parse(str(res.published_dir / "gebaeude_lorup.gml"))
    canopy = [e for e in doc.findall(".//bu-core2d:Building", NS)
              if e.find("bu-base:buildingNature", NS) is not None]
    assert {c.find("bu-base:buildingNature", NS).get(f"{{{NS['xlink']}}}href").rsplit("/", 1)[1] for c in canopy} \
        == {"canopy", "silo", "tower"}
    status = doc.findall(".//bu-base:HeightAboveGround/bu-base:status", NS)
    assert len(status) == 157 and all(s.get(f"{{{NS['xlink']}}}href").endswith("/measured") for s in status)
    independent_validation(res.published_dir / "gebaeude_lorup.gml")


def test_alkis_export_to_bu(tmp_settings):
    res = run("gebaeude", tmp_settings)
    assert res.summary["published"] == 300 and res.summary["rejected"] == 0
    gpkg = res.published_dir / "gebaeude.gpkg"
    src = pyogrio.read_dataframe(gpkg, layer="gebaeude_source")
    raw = pyogrio.read_dataframe(DATASETS / "gebaeude" / "gebaeude_hildesheim_beispiel.gpkg", layer="gebaeude")
    assert list(src.columns[: len(CONTRACT)]) == CONTRACT
    m = src.merge(raw, left_on="key", right_on="oid")
    assert (m["function_code"] == m["gebaeudefunktion"]).all()
    assert ((m["storeys"] == m["anzahlDerOberirdischenGeschosse"]) | m["storeys"].isna()).all()
    assert ((m["roof_form"] == m["dachform"]) | m["roof_form"].isna()).all()
    ins = pyogrio.read_dataframe(gpkg, layer="building").set_index("localId")
    # every building's INSPIRE current use is its ALKIS function's (the demo 300 are the old town of the
    # demo town: shops, mixed use, houses, offices, administration, churches; no garages there)
    table = function_table()
    want = "http://inspire.ec.europa.eu/codelist/CurrentUseValue/" + src["function_code"].map(
        lambda c: table[int(c)][1])
    assert (ins.loc[src["key"], "currentUse"].to_numpy() == want.to_numpy()).all()
    assert {"residential", "trade", "publicServices"} <= {table[int(c)][1] for c in src["function_code"]}
    independent_validation(res.published_dir / "gebaeude.gml")


# --- generators -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("theme,template,n",
                         [("playgrounds", "spielplatzkataster", 200), ("sites", "altlasten_intern", 200)])
def test_generators_are_deterministic_and_publishable(theme, template, n, tmp_path, tmp_settings):
    gen = GENERATORS.get(theme)
    a = gen(n, tmp_path / "a.csv", 7)
    b = gen(n, tmp_path / "b.csv", 7)
    c = gen(n, tmp_path / "c.csv", 8)
    assert a.read_bytes() == b.read_bytes() != c.read_bytes()
    raw = yaml.safe_load((DATASETS / template / "dataset.yml").read_text(encoding="utf-8"))
    raw = copy.deepcopy(raw)
    raw["sources"] = [dict(raw["sources"][0], path=str(a))]
    raw.get("options", {}).pop("source_defaults", None)
    (tmp_path / "ds").mkdir()
    (tmp_path / "ds" / "dataset.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    res = run_dataset(load_dataset(tmp_path / "ds" / "dataset.yml"), tmp_settings, now=NOW)
    assert res.summary["read"] == n and res.summary["rejected"] == 0 and res.summary["published"] == n
    assert res.published_dir is not None
    man = json.loads((res.published_dir / "manifest.json").read_text())
    x0, y0, x1, y1 = man["bbox_25832"]
    assert 556_000 <= x0 < x1 <= 572_000 and 5_770_000 <= y0 < y1 <= 5_786_000


# --- the demo publishes everything, /ogc serves it, the restricted view stays hidden ------------------
MY_DATASETS = {"playgrounds": "existinglanduseobject_osm_koeln", "spielplatzkataster": "existinglanduseobject",
               "altlasten": "managementrestrictionorregulationzone", "gebaeude": "building",
               "gebaeude_lorup": "building_lorup"}


def test_demo_publishes_my_datasets_in_ogc(server, demo_settings):
    from core.publication import published_datasets
    pubs = published_datasets(demo_settings.publish_dir)
    for ds_id in [*MY_DATASETS, "altlasten_intern"]:
        assert ds_id in pubs, f"demo did not publish {ds_id}"
    r = requests.get(f"{server}/ogc/collections", params={"f": "json"}, timeout=60)
    assert r.status_code == 200
    ids = {c["id"] for c in r.json()["collections"]}
    for ds_id, coll in MY_DATASETS.items():
        assert coll in ids and f"{ds_id}_source" in ids, (coll, sorted(ids))
    assert "managementrestrictionorregulationzone_intern" not in ids
    assert "altlasten_intern_source" not in ids
    params: dict[str, str | int] = {"f": "json", "limit": 5}
    items = requests.get(f"{server}/ogc/collections/altlasten_source/items", params=params, timeout=60).json()
    assert items["features"] and set(items["features"][0]["properties"]) <= {"key", "status", "status_label",
                                                                               "inspireId", "fid"}
