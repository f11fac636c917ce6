"""The demo Bebauungsplan HI 245 „Am Lerchenfeld“ (issue 17, item 4): generated XPlanGML 6.0 on the demo town's
greenfield, read by the same reader and mapped by the same PLU mappers as the real 5.1 plans, published by the
real pipeline into a throw-away var dir (only its two datasets), INSPIRE GML validated against the offline
XSDs, planned-building variants with heights from the plan, and the plain-language summary of the plan page.
The XPlanGML 6.0 XSD is not part of the offline schema mirror: the file was validated against it when it was
generated (datasets/bplan_lerchenfeld/SOURCE.md says how); here its structure is checked by
hand instead."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest
import shapely
from lxml import etree
from shapely.geometry import box
from shapely.geometry.base import BaseGeometry

from core.config import Source, load_registry
from core.xsd import validate_gml_file
from tests.conftest import ROOT, SCHEMAS, SHARED
from transforms.generate import xplan_demo as xd
from transforms.pipeline import run_dataset

PLANS = ROOT / "datasets"   # bplan_lerchenfeld, bplan_lerchenfeld_sr: the demo's plan
PLAN = PLANS / "bplan_lerchenfeld" / "BP_HI245_Lerchenfeld_xplan60.gml"
HILDESHEIM = (557_870.0, 5_771_750.0, 571_440.0, 5_783_120.0)   # the municipal extent (issue 17)
NS = {"plu": "http://inspire.ec.europa.eu/schemas/plu/4.0", "gml": "http://www.opengis.net/gml/3.2",
      "xplan": xd.XPLAN_NS, "xlink": "http://www.w3.org/1999/xlink",
      "base2": "http://inspire.ec.europa.eu/schemas/base2/2.0"}
HREF = "{http://www.w3.org/1999/xlink}href"
GID = "{http://www.opengis.net/gml/3.2}id"
CL = "http://inspire.ec.europa.eu/codelist"
WA2 = [xd.gml_id(f"zone_WA2_{q}") for q in ("SW", "NW", "NE")]
WA3, MI = xd.gml_id("zone_WA3"), xd.gml_id("zone_MI")
LAYOUT = xd.layout()
CLASSES = {"BP_BaugebietsTeilFlaeche": 5, "SO_Strassenverkehr": 6, "BP_GruenFlaeche": 2,
           "BP_UeberbaubareGrundstuecksFlaeche": len(LAYOUT["windows"]), "BP_BauGrenze": len(LAYOUT["windows"]),
           "BP_StrassenbegrenzungsLinie": len(LAYOUT["street_lines"]),
           "BP_AnpflanzungBindungErhaltung": len(LAYOUT["trees"])}
ZONING = sum(CLASSES[c] for c in ("BP_BaugebietsTeilFlaeche", "SO_Strassenverkehr", "BP_GruenFlaeche"))


def _read(settings):
    from transforms.readers.xplan import read_xplan
    ds = load_registry(PLANS, check_plugins=False)["bplan_lerchenfeld"]
    return next(iter(read_xplan(PLAN, Source(path=str(PLAN), reader="xplan"), ds, settings)))


def test_generator_is_deterministic_and_made_the_committed_file(tmp_path):
    a, b = xd.write(tmp_path / "a.gml"), xd.write(tmp_path / "b.gml")
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() == PLAN.read_bytes(), (
        f"the committed plan is not what the generator writes: python -m transforms.generate.xplan_demo {PLAN}")


def test_xplangml_structure():
    """What the 6.0 schema and the XPlanung rules ask of the references: one plan, one Bereich listing every
    Fachobjekt as planinhalt, each pointing back with gehoertZuBereich; unique gml:ids; a Baugrenze per window."""
    doc = etree.parse(str(PLAN))
    root = doc.getroot()
    assert root.tag == f"{{{xd.XPLAN_NS}}}XPlanAuszug"
    ids = [e.get(GID) for e in root.iter() if e.get(GID)]
    assert len(ids) == len(set(ids))
    members = [m[0] for m in root.findall("gml:featureMember", NS)]
    plan = [m for m in members if etree.QName(m).localname == "BP_Plan"]
    bereich = [m for m in members if etree.QName(m).localname == "BP_Bereich"]
    objects = [m for m in members if m not in plan + bereich]
    assert len(plan) == len(bereich) == 1
    assert plan[0].find("xplan:bereich", NS).get(HREF) == f"#{bereich[0].get(GID)}"
    assert bereich[0].find("xplan:gehoertZuPlan", NS).get(HREF) == f"#{plan[0].get(GID)}"
    inhalt = [e.get(HREF)[1:] for e in bereich[0].findall("xplan:planinhalt", NS)]
    assert sorted(inhalt) == sorted(o.get(GID) for o in objects)
    assert {o.find("xplan:gehoertZuBereich", NS).get(HREF) for o in objects} == {f"#{bereich[0].get(GID)}"}
    by_id = {o.get(GID): etree.QName(o).localname for o in objects}
    assert {c: list(by_id.values()).count(c) for c in CLASSES} == CLASSES
    assert CLASSES["BP_UeberbaubareGrundstuecksFlaeche"] >= 40 and CLASSES["BP_AnpflanzungBindungErhaltung"] >= 30
    for ugf in (o for o in objects if etree.QName(o).localname == "BP_UeberbaubareGrundstuecksFlaeche"):
        assert by_id[ugf.find("xplan:baugrenze", NS).get(HREF)[1:]] == "BP_BauGrenze"


def test_plan_lies_on_the_greenfield_and_its_areas_tile_it(tmp_settings):
    from transforms.readers.xplan import plan_info
    area = plan_info(PLAN, tmp_settings)["geometry"]
    assert box(*xd.GREENFIELD).contains(area) and box(*HILDESHEIM).contains(area)
    assert area.area == pytest.approx(390 * 340)
    gdf = _read(tmp_settings)
    fs = gdf[gdf["flaechenschluss"].fillna(False).astype(bool) & (gdf["ebene"] == 0)]
    assert set(fs["xplan_class"]) == {"BP_BaugebietsTeilFlaeche", "SO_Strassenverkehr", "BP_GruenFlaeche"}
    # Flächenschluss: the areas cover the Geltungsbereich without gaps or overlaps
    assert fs.geometry.area.sum() == pytest.approx(area.area, abs=0.5)
    assert shapely.union_all(fs.geometry.to_numpy()).symmetric_difference(area).area < 0.5
    zones = gdf[gdf["xplan_class"] == "BP_BaugebietsTeilFlaeche"]
    for w in gdf[gdf["xplan_class"] == "BP_UeberbaubareGrundstuecksFlaeche"].geometry:
        assert any(z.buffer(0.01).contains(w) for z in zones.geometry)   # every window lies in one building area
    assert all(area.contains(p) for p in gdf[gdf["xplan_class"] == "BP_AnpflanzungBindungErhaltung"].geometry)


def test_plan_streets_continue_the_towns_streets():
    """In the demo town (transforms/generate/town_layout.py) streets end at the greenfield; the plan's streets carry
    them on: Zaunköniganger from the west (Planstraße A) and east (C), the Sammelstraße Am Eibenteich from the
    north and Fliedergasse from the south (B). No block of the town reaches into the plan."""
    from transforms.generate.town_layout import build_layout
    town = build_layout(1)
    streets = dict(LAYOUT["streets"])
    area = LAYOUT["area"][0][1]
    ends = {("Zaunköniganger", "A"), ("Zaunköniganger", "C"), ("Am Eibenteich", "B"), ("Fliedergasse", "B")}
    for name, key in ends:
        town_geoms: list[BaseGeometry] = [g for n, _, _, g in town.streets if n == name]
        assert min(g.distance(streets[key]) for g in town_geoms) < 6.0, (name, key)
    assert not [b for b in town.blocks if b.intersection(area).area > 1.0]


def test_reader_reads_plan_and_objects(tmp_settings):
    from transforms.readers.xplan import plan_info
    info = plan_info(PLAN, tmp_settings)
    a = info["attributes"]
    assert (info["class"], info["version"], info["crs"], info["bezugshoehe"]) == ("BP_Plan", "6.0", "EPSG:25832", 96.0)
    assert (a["name"], a["nummer"], a["ags"], a["gemeindeName"]) == (
        "Bebauungsplan HI 245 „Am Lerchenfeld“ (Demo)", "HI 245", "03254021", "Hildesheim")
    assert (a["planArt"], a["rechtsstand"]) == (1000, 2400)   # BPlan, öffentliche Auslegung (draft on display)
    assert [str(a[k])[:10] for k in ("aufstellungsbeschlussDatum", "auslegungsStartDatum", "auslegungsEndDatum")] == \
        ["2026-03-18", "2026-12-03", "2027-01-08"]
    assert [(r["typ"], r["datum"]) for r in info["references"]] == [
        ("1030", "2026-11-20"), ("1000", "2026-11-20"), ("1000", "2026-11-20"), ("9999", "2026-11-20")]
    gdf = _read(tmp_settings).set_index("key")
    assert gdf["xplan_class"].value_counts().to_dict() == CLASSES
    assert (gdf.at[WA2[0], "Z"], gdf.at[WA2[0], "GRZ"], gdf.at[WA2[0], "GFZ"]) == (2.0, 0.4, 0.8)
    assert (gdf.at[WA3, "Z"], gdf.at[WA3, "GRZ"], gdf.at[WA3, "GFZ"]) == (3.0, 0.4, 1.2)
    assert json.loads(gdf.at[WA2[0], "hoehenangabe"]) == [
        {"hoehenbezug": "2000", "bezugspunkt": "1000", "hMax": 6.5},
        {"hoehenbezug": "2000", "bezugspunkt": "2000", "hMax": 10.0}]
    assert json.loads(gdf.at[MI, "hoehenangabe"]) == [{"hoehenbezug": "1000", "bezugspunkt": "3000", "hMax": 109.0}]
    attrs = json.loads(gdf.at[WA2[0], "attributes"])
    assert (attrs["besondereArtDerBaulNutzung"], attrs["bauweise"], attrs["bebauungsArt"]) == (1200, 1000, 4000)
    # 6.0 nests the purpose in a data type: the reader puts its code back under the property's name
    assert json.loads(gdf.at[xd.gml_id("green_Spielplatz"), "attributes"])["zweckbestimmung"] == "1600"
    c = json.loads(gdf.at[xd.gml_id("street_C"), "attributes"])
    assert c["artDerFestlegung"] == "14000" and "allgemein" not in c


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The plan's two datasets (copies of the real folders) published into a fresh var dir."""
    from core.config import load_settings
    root = tmp_path_factory.mktemp("lerchenfeld")
    for name in ("bplan_lerchenfeld", "bplan_lerchenfeld_sr"):
        shutil.copytree(PLANS / name, root / "datasets" / name)
    mp = pytest.MonkeyPatch()
    mp.setenv("GDI_VAR", str(root / "var"))
    mp.setenv("GDI_DATASETS", str(root / "datasets"))
    mp.setenv("GDI_SCHEMAS", str(SCHEMAS))
    settings = load_settings()
    reg = load_registry(settings.datasets_dir)
    results = {ds_id: run_dataset(reg[ds_id], settings) for ds_id in ("bplan_lerchenfeld", "bplan_lerchenfeld_sr")}
    yield settings, results
    mp.undo()


def _independent(path: Path) -> str:
    r = subprocess.run([sys.executable, str(SHARED / "tools" / "inspire_validate.py"), str(path)],
                       capture_output=True, text=True, timeout=300, check=False)
    return r.stdout + r.stderr


@pytest.mark.parametrize("ds_id,feature,count", [("bplan_lerchenfeld", "ZoningElement", ZONING),
                                                 ("bplan_lerchenfeld_sr", "SupplementaryRegulation",
                                                  sum(CLASSES.values()) - ZONING)])
def test_etl_publishes_valid_inspire_plu(published, ds_id, feature, count):
    _, results = published
    res = results[ds_id]
    assert res.status == "published", res.error
    assert res.summary["published"] == count and res.summary["rejected"] == 0 and res.summary["flagged"] == 0
    assert res.published_dir is not None
    gml = res.published_dir / f"{ds_id}.gml"
    assert validate_gml_file(gml, SCHEMAS) == []
    out = _independent(gml)
    assert "VALID" in out and "INVALID" not in out
    doc = etree.parse(str(gml))
    sp = doc.find(".//plu:SpatialPlan", NS)
    assert sp.findtext("plu:officialTitle", namespaces=NS) == "Bebauungsplan HI 245 „Am Lerchenfeld“ (Demo)"
    assert sp.find("plu:processStepGeneral", NS).get(HREF) == f"{CL}/ProcessStepGeneralValue/elaboration"
    assert [(o.findtext("plu:ordinanceDate", namespaces=NS)[:10], o.findtext("plu:ordinanceReference", namespaces=NS))
            for o in sp.findall("plu:ordinance/plu:OrdinanceValue", NS)] == [
        ("2026-03-18", "Aufstellungsbeschluss"), ("2026-12-03", "Öffentliche Auslegung (Beginn)"),
        ("2027-01-08", "Öffentliche Auslegung (Ende)")]
    cite = doc.find(".//plu:OfficialDocumentation/plu:planDocument/base2:DocumentCitation", NS)
    assert cite.findtext("base2:link", namespaces=NS) == xd.documents()[0]["referenzURL"]   # the Planzeichnung
    feats = doc.findall(f".//plu:{feature}", NS)
    assert len(feats) == count
    nature = {f.find("plu:regulationNature", NS).get(HREF) for f in feats}
    assert nature == {f"{CL}/RegulationNatureValue/generallyBinding"}   # 6.0 rechtscharakter 1000 Festsetzung
    manifest = json.loads((res.published_dir / "manifest.json").read_text())
    w, s, e, n = manifest["bbox_crs84"]
    assert 9.97 < w < e < 9.99 and 52.15 < s < n < 52.16   # Hildesheim's east, where the demo town has its greenfield
    tag = "specificLandUse" if feature == "ZoningElement" else "specificSupplementaryRegulation"
    specific = {x.get(HREF, "").rsplit("/", 1)[-1] for x in doc.iter(f"{{{NS['plu']}}}{tag}")}
    if feature == "ZoningElement":
        assert {"3_10_1_WohnBauflaeche", "3_10_1_3_AllgWohngebiet", "3_10_2_GemischteBauflaeche",
                "3_10_2_2_Mischgebiet", "3_28_1_Parkanlage", "3_28_4_Spielplatz", "5_17_Strassenverkehr",
                "5_17_3_1_VerkehrsberuhigterBereich", "5_17_3_4_RadGehweg"} == specific
        grz = {float(v.findtext("plu:value", namespaces=NS))
               for v in doc.findall(".//plu:DimensioningIndicationRealValue[plu:indicationReference='GRZ']", NS)}
        assert grz == {0.4, 0.6}
    else:
        assert {"3_49_UeberbaubareGrundstuecksFlaeche", "3_8_BauGrenze", "3_45_StrassenbegrenzungsLinie",
                "3_4_2_Anpflanzung"} == specific


def test_document_links_answer_on_the_demo_server(published):
    """The externeReferenz URLs name this plan's WMS layers, OGC API collections and download file (as the registry
    names the two datasets) under the demo server's public URL, and each answers with what it promises: the plan
    drawing as a white sheet with the plan drawn on it, the designations as HTML tables, the GeoPackage. The
    services run in-process on the test's publication (the same apps ``gdi serve`` mounts at these paths)."""
    import io

    from PIL import Image
    from werkzeug.middleware.dispatcher import DispatcherMiddleware
    from werkzeug.test import Client
    from werkzeug.wrappers import Response

    from core.config import ServiceSettings
    from services.download.app import create as download_app
    from services.ogcapi.app import create as ogc_app
    from services.wms.app import create as wms_app
    settings, _ = published
    reg = load_registry(PLANS, check_plugins=False)
    zoning, sr = reg["bplan_lerchenfeld"], reg["bplan_lerchenfeld_sr"]
    assert (zoning.wms_layer_name, sr.wms_layer_name) == xd.WMS_LAYERS
    assert (zoning.collection_id, sr.collection_id) == xd.COLLECTIONS
    docs = xd.documents()
    urls = [urlsplit(d["referenzURL"]) for d in docs]
    base = urlsplit(ServiceSettings().public_url)
    assert all((u.scheme, u.netloc) == (base.scheme, base.netloc) for u in urls)
    assert [u.path for u in urls] == ["/wms", *(f"/ogc/collections/{c}/items" for c in xd.COLLECTIONS),
                                      "/download/bplan_lerchenfeld/bplan_lerchenfeld.gpkg"]
    q = parse_qs(urls[0].query)
    assert q["LAYERS"] == [",".join(xd.WMS_LAYERS)] and q["CRS"] == ["EPSG:25832"]
    bbox = [float(v) for v in q["BBOX"][0].split(",")]
    assert box(*bbox).contains(box(*xd.GREENFIELD).buffer(-5))
    client = Client(DispatcherMiddleware(Response("not mounted", 404), {
        "/wms": wms_app(settings), "/ogc": ogc_app(settings), "/download": download_app(settings)}))
    answers = [client.get(u.path, query_string=u.query) for u in urls]
    assert [(r.status_code, r.mimetype) for r in answers] == [
        (200, "image/png"), (200, "text/html"), (200, "text/html"), (200, "application/geopackage+sqlite3")]
    img = Image.open(io.BytesIO(answers[0].data)).convert("RGB")
    assert img.size == (int(q["WIDTH"][0]), int(q["HEIGHT"][0])) and img.getpixel((3, 3)) == (255, 255, 255)
    inner = img.crop((img.width // 4, img.height // 4, 3 * img.width // 4, 3 * img.height // 4))
    white = (np.asarray(inner) == 255).all(axis=2).mean()
    assert white < 0.05    # the plan's areas cover the middle of the sheet
    assert "SO_Strassenverkehr" in answers[1].get_data(as_text=True)
    assert "BP_BauGrenze" in answers[2].get_data(as_text=True)
    assert answers[3].data[:16] == b"SQLite format 3\x00"


def test_planned_variants_heights_and_plain_summary(published, tmp_path, monkeypatch):
    from citymodel import plan_variants as pv
    from citymodel.terrain import make_demo_dgm
    from core.area import HILDESHEIM_BBOX_25832
    settings, _ = published
    monkeypatch.setenv("GDI_PLAN_DGM", str(make_demo_dgm(tmp_path / "dgm.tif", HILDESHEIM_BBOX_25832)))
    assert pv.write_variants(settings) == {"bplan_lerchenfeld": "built"}
    summary = json.loads((settings.var_dir / "plans" / "bplan_lerchenfeld.json").read_text())
    assert summary["title"] == "Bebauungsplan HI 245 „Am Lerchenfeld“ (Demo)"
    assert [v["variant"] for v in summary["variants"]] == ["maximal", "grz"]
    assert all(v["tileset_status"] == "built" and v["count"] == 5 for v in summary["variants"])
    rules = {k.rsplit("-", 1)[0]: (r["rule"], r["height_m"]) for k, r in summary["variants"][0]["height_rules"].items()}
    assert [rules[z] for z in WA2] == [("hoehenangabe", 10.0)] * 3          # Firsthöhe 10 m über Gelände
    assert rules[WA3][0] == "hoehenangabe_nhn" and 11.5 < rules[WA3][1] < 13.5  # 96 m + 12.5 m - terrain (~96 m)
    assert rules[MI][0] == "hoehenangabe_nhn" and 11.5 < rules[MI][1] < 14.0    # 109 m NHN - terrain
    zones = {z["text"]: z["count"] for z in summary["zones"]}
    assert zones == {
        "Allgemeines Wohngebiet (WA): höchstens 2 Vollgeschosse; Grundflächenzahl (GRZ) 0,4 – höchstens 40 % des "
        "Grundstücks dürfen überbaut werden; Geschossflächenzahl (GFZ) 0,8 – die Geschossfläche aller Vollgeschosse "
        "darf höchstens das 0,8-Fache der Grundstücksfläche betragen; offene Bauweise": 3,
        "Allgemeines Wohngebiet (WA): höchstens 3 Vollgeschosse; Grundflächenzahl (GRZ) 0,4 – höchstens 40 % des "
        "Grundstücks dürfen überbaut werden; Geschossflächenzahl (GFZ) 1,2 – die Geschossfläche aller Vollgeschosse "
        "darf höchstens das 1,2-Fache der Grundstücksfläche betragen; offene Bauweise": 1,
        "Mischgebiet (MI): höchstens 3 Vollgeschosse; Grundflächenzahl (GRZ) 0,6 – höchstens 60 % des Grundstücks "
        "dürfen überbaut werden; Geschossflächenzahl (GFZ) 1,2 – die Geschossfläche aller Vollgeschosse darf "
        "höchstens das 1,2-Fache der Grundstücksfläche betragen; offene Bauweise": 1}
    # the plan page lists the plan's own documents (externeReferenz) with their dates
    docs = summary["documents"]
    assert [d["url"] for d in docs] == [d["referenzURL"] for d in xd.documents()]
    assert {d["date"] for d in docs} == {"2026-11-20"} and docs[0]["title"].startswith("Planzeichnung")


@pytest.mark.parametrize("ns,expected", [
    ("6/0", {"zweckbestimmung": ["1600", "16000"]}),     # several purposes: a list, mapped to both PLU values
    ("5/1", {"allgemein": [1600, 16000]}),                 # 5.x plans are read exactly as before (GDAL's column)
])
def test_nested_purposes_of_xplanung_6(tmp_settings, tmp_path, ns, expected):
    from transforms.readers.xplan import read_xplan
    from transforms.themes.plu import lookup
    two = ("<xplan:zweckbestimmung>\n        <xplan:BP_KomplexeZweckbestGruen>\n          <xplan:allgemein>1600"
           "</xplan:allgemein>\n        </xplan:BP_KomplexeZweckbestGruen>\n      </xplan:zweckbestimmung>\n")
    text = PLAN.read_text(encoding="utf-8")
    assert text.count(two) == 1
    text = text.replace(two, two + two.replace(">1600<", ">16000<"))   # + Bolzplatz
    src = tmp_path / "plan.gml"
    src.write_text(text.replace(xd.XPLAN_NS, f"http://www.xplanung.de/xplangml/{ns}"), encoding="utf-8")
    ds = load_registry(PLANS, check_plugins=False)["bplan_lerchenfeld"]
    gdf = next(iter(read_xplan(src, Source(path=str(src), reader="xplan"), ds, tmp_settings))).set_index("key")
    attrs = json.loads(gdf.at[xd.gml_id("green_Spielplatz"), "attributes"])
    assert {k: attrs[k] for k in expected} == expected
    if ns == "6/0":
        assert "allgemein" not in attrs
        assert lookup("zoning", "BP_GruenFlaeche", attrs)[1] == ["3_28_4_Spielplatz", "3_28_4_1_Bolzplatz"]
