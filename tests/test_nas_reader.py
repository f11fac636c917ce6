"""Reader ``nas`` (issue 18): ALKIS NAS AX_Gebaeude with address, arcs, NAS update files, bad input.

Samples in tests/data/nas (see SOURCE.md): ``bonn_ax_gebaeude.xml`` (one real building of the City of Bonn,
dl-de/zero-2-0) and the hand-made GeoInfoDok 7.1 files ``hildesheim_bestand.xml`` (5 buildings, addresses,
street catalogue, an arc and a courtyard) and ``hildesheim_nba_1.xml`` (an NBA update: Replace, Delete, Insert
and a replaced address). GeoInfoDok 6.0 variants and broken files are made inline below.
"""
from __future__ import annotations

import gzip
import json
import math
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
import yaml
from lxml import etree

from core.config import load_dataset
from core.errors import GdiError, SourceError
from transforms.pipeline import run_dataset
from transforms.readers import nas_objects
from transforms.readers.nas import NAS_READER, read_update
from transforms.readers.nas_geometry import GeometryError, arc_points, footprint

from .conftest import GDI, ROOT, SCHEMAS

DATA = ROOT / "tests" / "data" / "nas"
BASE, NBA, BONN = "hildesheim_bestand.xml", "hildesheim_nba_1.xml", "bonn_ax_gebaeude.xml"
FIELDS = {"key": "gml_id", "function": "gebaeudefunktion", "roof_form": "dachform",
          "storeys": "anzahlDerOberirdischenGeschosse", "height": "objekthoehe", "address": "address"}
G = "DENI54AL000G000"  # oids of the hand-made buildings: G + 1..6
T0 = "20240105T101500Z"


def dataset(tmp_path: Path, path: str = BASE, options: dict[str, Any] | None = None, crs: str | None = None,
            files: Mapping[str, str | bytes] | None = None, ds_id: str = "gebaeude_nas_test") -> Path:
    """A dataset folder in ``tmp_path`` with the samples (and ``files``: name -> content) and a dataset.yml."""
    folder = tmp_path / ds_id
    folder.mkdir(parents=True, exist_ok=True)
    for f in DATA.glob("*.xml"):
        shutil.copy(f, folder / f.name)
    for name, content in (files or {}).items():
        (folder / name).write_bytes(content.encode() if isinstance(content, str) else content)
    src: dict[str, Any] = {"path": path, "reader": "nas", "fields": FIELDS}
    if options:
        src["options"] = options
    if crs:
        src["crs"] = crs
    raw = yaml.safe_load((ROOT / "datasets" / "gebaeude_lorup" / "dataset.yml").read_text(encoding="utf-8"))
    raw.update(id=ds_id, sources=[src], collection=f"building_{ds_id}", keywords=["Gebäude", "ALKIS", "NAS"])
    raw["inspire"]["namespace"] = f"https://registry.gdi-de.org/id/de.ni.hildesheim/{ds_id}"
    raw["inspire"].pop("primary", None)
    raw["title"] = {"de": "Gebäude aus ALKIS-NAS (Test)", "en": "Buildings from ALKIS NAS (test)"}
    (folder / "dataset.yml").write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder / "dataset.yml"


def read(yml: Path, settings) -> gpd.GeoDataFrame:
    ds = load_dataset(yml)
    src = ds.sources[0]
    frames = list(NAS_READER(ds.source_path(src), src, ds, settings))
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def by_key(gdf: gpd.GeoDataFrame) -> dict[str, dict[str, Any]]:
    return {r["gml_id"]: r for r in gdf.to_dict("records")}


# --- real sample --------------------------------------------------------------------------------------
def test_real_bonn_building(tmp_path, tmp_settings):
    gdf = read(dataset(tmp_path, BONN), tmp_settings)
    assert len(gdf) == 1 and gdf.crs.to_epsg() == 25832
    r = gdf.iloc[0]
    assert r["gml_id"] == "DENW36AL10000Egu" and r["gebaeudefunktion"] == "2500"
    assert r["beginnt"] == "2024-10-15T07:55:13Z" and r["_issues"] == [] and r["_file"] == BONN
    assert r["_row"] == "AX_Gebaeude 1 (DENW36AL10000Egu)" and r["address"] is None and r["zeigtAuf"] is None
    ring = [(363609.477, 5614790.107), (363612.936, 5614788.978), (363613.362, 5614788.839),
            (363615.062, 5614793.925), (363615.291, 5614794.608), (363612.495, 5614795.542)]
    assert r.geometry.is_valid and list(r.geometry.exterior.coords)[:-1] == ring
    assert r.geometry.area == pytest.approx(shapely.Polygon(ring).area)


def test_real_bonn_building_through_gdi_etl(tmp_path):
    """`gdi etl` in its own process, own var dir and datasets folder: the real building is published and the
    BU GML passes the pipeline's XSD validation (a failed validation fails the run)."""
    dataset(tmp_path / "ds", BONN, ds_id="gebaeude_nas")
    env = dict(os.environ, GDI_VAR=str(tmp_path / "var"), GDI_DATASETS=str(tmp_path / "ds"),
               GDI_SCHEMAS=str(SCHEMAS), GDI_TILECACHE="off")
    r = subprocess.run([GDI, "etl", "gebaeude_nas"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=600,
                       check=False)
    assert r.returncode == 0, r.stdout + r.stderr
    pub = tmp_path / "var" / "publish" / "gebaeude_nas" / "current"
    manifest = json.loads((pub / "manifest.json").read_text())
    reports = sorted((tmp_path / "var").rglob("gebaeude_nas-*.json"))
    rep = json.loads(reports[-1].read_text())
    assert rep["summary"]["published"] == 1 and rep["validation"]["gml"] == "valid", rep.get("validation")
    doc = etree.parse(str(pub / "gebaeude_nas.gml"))
    ns = {"base": "http://inspire.ec.europa.eu/schemas/base/3.3", "bu-base": "http://inspire.ec.europa.eu/schemas/bu-base/4.0"}
    assert doc.findtext(".//base:localId", namespaces=ns) == "DENW36AL10000Egu"
    use = doc.find(".//bu-base:currentUse/bu-base:CurrentUse/bu-base:currentUse", ns)
    assert use is not None and use.get("{http://www.w3.org/1999/xlink}href").endswith("/CurrentUseValue/industrial")
    assert manifest["collections"]


# --- hand-made GeoInfoDok 7.1 sample ----------------------------------------------------------------------
def test_buildings_fields_and_addresses(tmp_path, tmp_settings):
    gdf = read(dataset(tmp_path), tmp_settings)
    assert gdf.crs.to_epsg() == 25832 and len(gdf) == 5
    b = by_key(gdf)
    assert list(b) == [f"{G}{i}" for i in range(1, 6)]
    one = b[f"{G}1"]
    assert (one["gebaeudefunktion"], one["dachform"], one["anzahlDerOberirdischenGeschosse"], one["objekthoehe"]) == \
        ("1010", "3100", "2", "9.5")
    assert (one["address"], one["strasse"], one["hausnummer"], one["lage"]) == \
        ("Almsstraße 12", "Almsstraße", "12", "03 2 54 021 00123")
    two = b[f"{G}2"]  # a corner building: zeigtAuf two addresses, street names from the catalogue
    assert two["address"] == "Markt 1; Almsstraße 2" and two["zeigtAuf"] == "DENI54AL000L0002 DENI54AL000L0003"
    assert two["hochhaus"] is False and two["name"] == "Kaufhaus am Markt" and two["objekthoehe"] == "16.4"
    assert b[f"{G}3"]["address"] is None and b[f"{G}3"]["_issues"] == []
    four = b[f"{G}4"]  # street key without a catalogue entry in the file: the key stands for the name
    assert four["address"] == "00815 7"
    assert four["_issues"] == ["flagged: field 'zeigtAuf' value 'urn:adv:oid:DENI54AL000L0004': street key "
                               "03 2 54 021 00815 has no AX_LagebezeichnungKatalogeintrag in hildesheim_bestand.xml; "
                               "its key '00815' stands for the street name"]
    five = b[f"{G}5"]  # unencoded street name; a courtyard (interior ring)
    assert five["address"] == "Domhof 4" and five["name"] == "Dommuseum"
    assert len(five["geometry"].interiors) == 1 and five["geometry"].area == pytest.approx(30 * 24 - 14 * 8)
    assert all(g.is_valid for g in gdf.geometry)
    assert [r for r in gdf["_issues"] if any(n.startswith("rejected") for n in r)] == []


def test_arcs_are_linearised(tmp_path, tmp_settings):
    """G2's north side is a gml:Arc, a half circle of radius 10 m around (565040, 5778320)."""
    centre, r = np.array([565040.0, 5778320.0]), 10.0
    exact = 20 * 20 + math.pi * r * r / 2
    for tol in (0.01, 0.001):
        gdf = read(dataset(tmp_path / str(tol), options={"arc_tolerance_m": tol}), tmp_settings)
        poly = by_key(gdf)[f"{G}2"]["geometry"]
        pts = np.array(poly.exterior.coords)
        on_arc = pts[pts[:, 1] > centre[1] + 1e-6]
        assert len(on_arc) >= 20
        assert np.allclose(np.hypot(*(on_arc - centre).T), r, atol=1e-6)  # every vertex lies on the circle
        arc = np.array([p for p in pts if p[1] >= centre[1] - 1e-9 and p[0] <= 565050 and p[0] >= 565030])
        mids = (arc[1:] + arc[:-1]) / 2
        sagitta = r - np.hypot(*(mids - centre).T)
        assert sagitta.max() <= tol + 1e-9  # no chord strays farther than the tolerance from the arc
        assert 0 < exact - poly.area < tol * math.pi * r * 1.01
        assert poly.is_valid


@pytest.mark.parametrize("segments, area", [
    ('<gml:Circle><gml:posList>0 0 10 10 20 0</gml:posList></gml:Circle>', math.pi * 100),
    ('<gml:ArcString><gml:posList>-5 0 0 5 5 0 0 -5 -5 0</gml:posList></gml:ArcString>', math.pi * 25),
    ('<gml:Arc><gml:posList>0 0 5 5 10 0</gml:posList></gml:Arc>'
     '<gml:LineStringSegment><gml:posList>10 0 0 0</gml:posList></gml:LineStringSegment>', math.pi * 25 / 2),
])
def test_circle_and_arcstring(segments, area):
    gml = ('<position xmlns:gml="http://www.opengis.net/gml/3.2"><gml:Surface srsName="urn:adv:crs:ETRS89_UTM32">'
           '<gml:patches><gml:PolygonPatch><gml:exterior><gml:Ring><gml:curveMember><gml:Curve><gml:segments>'
           f'{segments}</gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior></gml:PolygonPatch>'
           '</gml:patches></gml:Surface></position>')
    geom, srs = footprint(etree.fromstring(gml), 0.001)
    assert srs == {"urn:adv:crs:ETRS89_UTM32"} and geom.is_valid
    assert geom.area == pytest.approx(area, rel=1e-3)


def test_arc_points_collinear_is_a_line():
    pts = arc_points(np.array([0.0, 0.0]), np.array([1.0, 1.0]), np.array([2.0, 2.0]), 0.01)
    assert pts.tolist() == [[0.0, 0.0], [2.0, 2.0]]


# --- NAS updates --------------------------------------------------------------------------------------------
def test_update_applied_to_the_state(tmp_path, tmp_settings):
    gdf = read(dataset(tmp_path, options={"updates": [NBA]}), tmp_settings)
    b = by_key(gdf)
    assert sorted(b) == [f"{G}{i}" for i in (1, 2, 4, 5, 6)]  # G3 deleted, G6 inserted
    one = b[f"{G}1"]  # replaced: 3 storeys, 12 m, read from the update file
    assert (one["anzahlDerOberirdischenGeschosse"], one["objekthoehe"], one["beginnt"]) == \
        ("3", "12.0", "2025-03-10T09:00:00Z")
    assert one["_file"] == NBA and one["_row"] == f"wfs:Replace 1 ({G}1)" and one["address"] == "Almsstraße 12"
    six = b[f"{G}6"]  # inserted with its address; the street name comes from the base file's catalogue
    assert six["address"] == "Almsstraße 14" and six["lageZurErdoberflaeche"] == "1200" and six["_issues"] == []
    assert b[f"{G}5"]["address"] == "Domhof 5"  # its AX_LagebezeichnungMitHausnummer was replaced
    assert b[f"{G}2"]["_file"] == BASE and b[f"{G}2"]["anzahlDerOberirdischenGeschosse"] == "4"


def _nba_2() -> str:
    """A second update: G1 again (4 storeys, replacing the 2025 version) and G6 (inserted by nba_1) deleted."""
    text = (DATA / NBA).read_text(encoding="utf-8")
    root = etree.fromstring(text.encode())
    ns = {"wfs": "http://www.opengis.net/wfs/2.0", "adv": "http://www.adv-online.de/namespaces/adv/gid/7.1",
          "fes": "http://www.opengis.net/fes/2.0"}
    tx = root.find(".//wfs:Transaction", ns)
    for op in list(tx):
        if op.tag != f"{{{ns['wfs']}}}Replace" or op.find("adv:AX_Gebaeude", ns) is None:
            tx.remove(op)
    tx.find(".//adv:anzahlDerOberirdischenGeschosse", ns).text = "4"
    tx.find(".//fes:ResourceId", ns).set("rid", f"{G}120250310T090000Z")
    delete = etree.SubElement(tx, f"{{{ns['wfs']}}}Delete", typeNames="adv:AX_Gebaeude")
    etree.SubElement(etree.SubElement(delete, f"{{{ns['fes']}}}Filter"), f"{{{ns['fes']}}}ResourceId",
                     rid=f"{G}620250310T090000Z")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode()


def test_updates_apply_in_the_order_given(tmp_path, tmp_settings):
    files = {"nba_2.xml": _nba_2()}
    b = by_key(read(dataset(tmp_path / "a", options={"updates": [NBA, "nba_2.xml"]}, files=files), tmp_settings))
    assert f"{G}6" not in b and b[f"{G}1"]["anzahlDerOberirdischenGeschosse"] == "4"
    b = by_key(read(dataset(tmp_path / "b", options={"updates": ["nba_2.xml", NBA]}, files=files), tmp_settings))
    assert f"{G}6" in b and b[f"{G}1"]["anzahlDerOberirdischenGeschosse"] == "3"


def test_replace_of_an_unknown_building_is_flagged(tmp_path, tmp_settings):
    files = {"nba_x.xml": (DATA / NBA).read_text(encoding="utf-8").replace(f"{G}1", f"{G}9")}
    b = by_key(read(dataset(tmp_path, options={"updates": ["nba_x.xml"]}, files=files), tmp_settings))
    assert b[f"{G}9"]["_issues"] == [f"flagged: wfs:Replace names {G}9, which is not in {BASE}; read as a new building"]
    assert b[f"{G}1"]["anzahlDerOberirdischenGeschosse"] == "2" and b[f"{G}1"]["_file"] == BASE


def test_street_names_from_address_files(tmp_path, tmp_settings):
    text = (DATA / BASE).read_text(encoding="utf-8")
    head = text[:text.index("<wfs:member>")]
    tail = text[text.rindex("</wfs:member>") + len("</wfs:member>"):]
    entry = re.search(r"<wfs:member>\s*<AX_LagebezeichnungKatalogeintrag .*?</wfs:member>", text, flags=re.S)
    assert entry is not None
    street = entry.group(0).replace("00123", "00815").replace("Almsstraße", "Keßlerstraße").replace("K0123", "K0815")
    b = by_key(read(dataset(tmp_path, options={"address_files": ["strassen.xml"]},
                            files={"strassen.xml": head + street + tail}), tmp_settings))
    assert b[f"{G}4"]["address"] == "Keßlerstraße 7" and b[f"{G}4"]["_issues"] == []
    assert b[f"{G}1"]["address"] == "Almsstraße 12"


def test_update_file_read_alone():
    upd = read_update(DATA / NBA)
    assert (upd.inserted, upd.replaced, upd.deleted) == ([f"{G}6"], [f"{G}1"], [f"{G}3"])
    assert sorted(upd.buildings["gml_id"]) == [f"{G}1", f"{G}6"] and upd.buildings.crs.to_epsg() == 25832
    six = by_key(upd.buildings)[f"{G}6"]  # the street catalogue is in the base file, not in the update
    assert six["address"] == "00123 14" and "has no AX_LagebezeichnungKatalogeintrag" in six["_issues"][0]


GID6 = "http://www.adv-online.de/namespaces/adv/gid/6.0"
GID6_HEAD = (f'<?xml version="1.0" encoding="UTF-8"?>\n<{{root}} xmlns="{GID6}" '
             'xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:wfs="http://www.adv-online.de/namespaces/adv/gid/wfs" xmlns:wfsext="http://www.adv-online.de/'
             'namespaces/adv/gid/wfsext" xmlns:ogc="http://www.adv-online.de/namespaces/adv/gid/ogc" '
             'xmlns:xlink="http://www.w3.org/1999/xlink">')


def _gid6_building(gml_id: str, storeys: int, x: float) -> str:
    ring = f"{x} 5778300 {x + 10} 5778300 {x + 10} 5778310 {x} 5778310 {x} 5778300"
    return (f'<AX_Gebaeude gml:id="{gml_id}"><lebenszeitintervall><AA_Lebenszeitintervall><beginnt>2012-01-17T14:33:30Z'
            '</beginnt></AA_Lebenszeitintervall></lebenszeitintervall><position><gml:Surface '
            'srsName="urn:adv:crs:ETRS89_UTM32"><gml:patches><gml:PolygonPatch><gml:exterior><gml:Ring><gml:curveMember>'
            f'<gml:Curve><gml:segments><gml:LineStringSegment><gml:posList>{ring}</gml:posList></gml:LineStringSegment>'
            '</gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior></gml:PolygonPatch></gml:patches>'
            f'</gml:Surface></position><anzahlDerOberirdischenGeschosse>{storeys}</anzahlDerOberirdischenGeschosse>'
            '<gebaeudefunktion>1000</gebaeudefunktion></AX_Gebaeude>')


def test_geoinfodok_6_bestand_and_nba(tmp_path, tmp_settings):
    """GeoInfoDok 6.0: gml:featureMember, wfsext:Replace with ogc:FeatureId, gml:id with version timestamps,
    typeName, and a wfs:Update that ends an object's life."""
    ids = [f"DENI54AL0000A00{i}" for i in range(1, 5)]
    base = (GID6_HEAD.format(root="AX_Bestandsdatenauszug") + "<enthaelt><wfs:FeatureCollection>"
            + "".join(f"<gml:featureMember>{_gid6_building(o, 1, 565000 + 20 * i)}</gml:featureMember>"
                      for i, o in enumerate(ids))
            + "</wfs:FeatureCollection></enthaelt></AX_Bestandsdatenauszug>")
    nba = (GID6_HEAD.format(root="AX_NutzerbezogeneBestandsdatenaktualisierung_NBA")
           + '<geaenderteObjekte><wfs:Transaction version="1.0.0" service="WFS">'
           + '<wfsext:Replace vendorId="AdV" safeToIgnore="false">'
           + _gid6_building(f"{ids[0]}20130101T000000Z", 5, 565000)
           + f'<ogc:Filter><ogc:FeatureId fid="{ids[0]}20120117T143330Z"/></ogc:Filter></wfsext:Replace>'
           + f'<wfs:Delete typeName="AX_Gebaeude"><ogc:Filter><ogc:FeatureId fid="{ids[1]}20120117T143330Z"/>'
           + "</ogc:Filter></wfs:Delete>"
           + '<wfs:Update typeName="AX_Gebaeude"><wfs:Property><wfs:Name>adv:lebenszeitintervall/'
           + "adv:AA_Lebenszeitintervall/adv:endet</wfs:Name><wfs:Value>2013-01-01T00:00:00Z</wfs:Value>"
           + f'</wfs:Property><ogc:Filter><ogc:FeatureId fid="{ids[2]}20120117T143330Z"/></ogc:Filter></wfs:Update>'
           + "</wfs:Transaction></geaenderteObjekte></AX_NutzerbezogeneBestandsdatenaktualisierung_NBA>")
    yml = dataset(tmp_path, "gid6.xml", options={"updates": ["gid6_nba.xml"]},
                  files={"gid6.xml": base, "gid6_nba.xml": nba})
    b = by_key(read(yml, tmp_settings))
    assert sorted(b) == [ids[0], ids[3]]  # ids[1] deleted, ids[2] ended by wfs:Update
    assert b[ids[0]]["anzahlDerOberirdischenGeschosse"] == "5" and b[ids[0]]["_issues"] == []


# --- through the pipeline: incremental publication -------------------------------------------------------
def test_update_feeds_the_incremental_publication(tmp_path, tmp_settings):
    from datetime import UTC, datetime
    yml = dataset(tmp_path)
    first = run_dataset(load_dataset(yml), tmp_settings, now=datetime(2026, 1, 5, tzinfo=UTC))
    assert first.status == "published" and first.summary["published"] == 5 and first.summary["flagged"] == 1
    raw = yaml.safe_load(yml.read_text(encoding="utf-8"))
    raw["sources"][0]["options"] = {"updates": [NBA]}
    yml.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    second = run_dataset(load_dataset(yml), tmp_settings, now=datetime(2026, 3, 11, tzinfo=UTC))
    assert second.status == "published" and second.summary["published"] == 5
    rep = json.loads(second.report_json.read_text())
    ch = rep["changes"]
    assert (ch["new"], ch["removed"], sorted(ch["changed"]), ch["unchanged"]) == \
        ([f"{G}6"], [f"{G}3"], [f"{G}1", f"{G}5"], 2)
    assert rep["validation"]["gml"] == "valid"
    assert second.published_dir is not None
    gml = (second.published_dir / "gebaeude_nas_test.gml").read_text(encoding="utf-8")
    assert gml.count("<bu-base:endLifespanVersion>") == 1  # the deleted garage ends its life in the GML
    src = gpd.read_file(second.published_dir / "gebaeude_nas_test.gpkg", layer="gebaeude_nas_test_source")
    row = src.set_index("key").loc[f"{G}1"]
    assert (row["storeys"], row["height_m"], row["roof_form"], row["function_label"]) == (3, 12.0, 3100, "Wohnhaus")


def test_update_files_are_inputs_of_etl_changed(tmp_path, tmp_settings):
    """`gdi etl --changed` hashes the files the reader options name: an update file rewritten in place (same
    name in dataset.yml) makes the dataset run again, like a changed base file."""
    from datetime import UTC, datetime

    from core.changes import source_hashes, why_run
    yml = dataset(tmp_path, options={"updates": [NBA], "address_files": [BONN]})
    hashes = source_hashes(load_dataset(yml))
    assert {BASE, NBA, BONN, "dataset.yml"} <= set(hashes) and hashes[NBA] is not None
    res = run_dataset(load_dataset(yml), tmp_settings, now=datetime(2026, 3, 11, tzinfo=UTC))
    assert res.status == "published" and res.published_dir is not None
    manifest = json.loads((res.published_dir / "manifest.json").read_text())
    assert why_run(load_dataset(yml), manifest) is None
    nba = yml.parent / NBA
    nba.write_text(nba.read_text(encoding="utf-8").replace("</", "\n</", 1), encoding="utf-8")
    assert why_run(load_dataset(yml), manifest) == f"changed since version {res.version}: {NBA} (modified)"


# --- bad input: whole-file errors ----------------------------------------------------------------------------
def _replace(name: str, old: str, new: str, count: int = 1) -> str:
    text = (DATA / name).read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, count)


BILLION_LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
                  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>\n'
                  '<AX_Bestandsdatenauszug xmlns="http://www.adv-online.de/namespaces/adv/gid/7.1">&lol3;'
                  '</AX_Bestandsdatenauszug>')
HALF = (DATA / BASE).read_text(encoding="utf-8")[:9000]
NO_BUILDINGS = re.sub(r"<wfs:member>\s*<AX_Gebaeude .*?</AX_Gebaeude>\s*</wfs:member>", "",
                      (DATA / BASE).read_text(encoding="utf-8"), flags=re.S)
NO_CRS = re.sub(r"<koordinatenangaben>.*</koordinatenangaben>", "", (DATA / BONN).read_text(encoding="utf-8"),
                flags=re.S).replace(' srsName="urn:adv:crs:ETRS89_UTM32"', "")

ERRORS = [
    # (case, path, options, extra files, declared crs, file named, text in the message)
    ("truncated", "broken.xml", {}, {"broken.xml": HALF}, None, "broken.xml", "XML is not well-formed"),
    ("entity expansion", "lol.xml", {}, {"lol.xml": BILLION_LAUGHS}, None, "lol.xml",
     "XML contains a <!DOCTYPE declaration at byte 22; DTDs and entities are refused"),
    ("entity expansion in an update", BASE, {"updates": ["lol.xml"]}, {"lol.xml": BILLION_LAUGHS}, None,
     "lol.xml", "DOCTYPE declaration"),
    ("unknown AdV CRS", "crs.xml", {}, {"crs.xml": _replace(BASE, 'crs xlink:href="urn:adv:crs:ETRS89_UTM32*',
                                                            'crs xlink:href="urn:adv:crs:ETRS89_UTM99*')},
     None, "crs.xml", "field 'koordinatenangaben/crs', value 'urn:adv:crs:ETRS89_UTM99*DE_DHHN2016_NH': not a CRS"),
    ("no CRS anywhere", "nocrs.xml", {}, {"nocrs.xml": NO_CRS},
     None, "nocrs.xml", "the file declares no CRS"),
    ("gzip-compressed", "bestand.xml.gz", {}, {"bestand.xml.gz": gzip.compress((DATA / BASE).read_bytes())}, None,
     "bestand.xml.gz", "the file is gzip-compressed; unpack the NAS delivery"),
    ("not NAS", "plain.xml", {}, {"plain.xml": '<?xml version="1.0"?><FeatureCollection xmlns="urn:x"/>'},
     None, "plain.xml", "file holds no NAS objects"),
    ("NAS without buildings", "lmh.xml", {}, {"lmh.xml": NO_BUILDINGS},
     None, "lmh.xml", "file holds no AX_Gebaeude"),
    ("update file as the state", NBA, {}, {}, None, NBA, "holds NAS update operations (wfs:Delete, wfs:Replace)"),
    ("update in another CRS", BASE, {"updates": ["nba33.xml"]},
     {"nba33.xml": _replace(NBA, 'crs xlink:href="urn:adv:crs:ETRS89_UTM32*',
                            'crs xlink:href="urn:adv:crs:ETRS89_UTM33*')},
     None, "nba33.xml", "the update file's CRS differs from the base file hildesheim_bestand.xml's (EPSG:25832)"),
    ("missing update file", BASE, {"updates": ["nba_9.xml"]}, {}, None, "nba_9.xml",
     "field 'options.updates', value 'nba_9.xml': file not found"),
]


@pytest.mark.parametrize("case, path, options, files, crs, named, message", ERRORS, ids=[e[0] for e in ERRORS])
def test_bad_files_fail_naming_the_file(tmp_path, tmp_settings, case, path, options, files, crs, named, message):
    with pytest.raises(SourceError) as exc:
        read(dataset(tmp_path, path, options=options, files=files, crs=crs), tmp_settings)
    assert exc.value.file is not None and Path(exc.value.file).name == named, str(exc.value)
    assert message in str(exc.value), str(exc.value)


def test_wrong_declared_crs_fails_the_run(tmp_path, tmp_settings):
    """Gauss-Krüger zone 3 declared for UTM coordinates: the pipeline's area-of-use check refuses the file."""
    files = {"gk.xml": _replace(BASE, 'crs xlink:href="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH"',
                                'crs xlink:href="urn:adv:crs:DE_DHDN_3GK3*DE_DHHN92_NH"')
             .replace('srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH"', 'srsName="urn:adv:crs:DE_DHDN_3GK3"')}
    with pytest.raises(GdiError) as exc:
        run_dataset(load_dataset(dataset(tmp_path, "gk.xml", files=files)), tmp_settings)
    assert "gk.xml" in str(exc.value) and "area of use of the declared CRS EPSG:31467" in str(exc.value)


# --- bad input: rejected records -----------------------------------------------------------------------------
BAD_RECORDS = [
    ("function is no code", "<gebaeudefunktion>2463</gebaeudefunktion>",
     "<gebaeudefunktion>Garage</gebaeudefunktion>",
     "rejected: field 'gebaeudefunktion' value 'Garage' is not an ALKIS code (AX_Gebaeudefunktion: 4 digits, "
     "e.g. 1010)"),
    ("function missing", "<gebaeudefunktion>2463</gebaeudefunktion>", "",
     "rejected: field 'gebaeudefunktion' is missing (mandatory in AX_Gebaeude)"),
    ("srsName of another CRS", 'gml:id="DENI54AL000G0003_s" srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH"',
     'gml:id="DENI54AL000G0003_s" srsName="urn:adv:crs:ETRS89_UTM33"',
     "rejected: field 'srsName' value 'urn:adv:crs:ETRS89_UTM33' is EPSG:25833, not the file's CRS EPSG:25832"),
    ("ring not closed", "565060.000 5778303.000 565060.000 5778300.000",
     "565060.000 5778303.000 565060.500 5778300.000",
     "rejected: field 'position': the exterior ring is not closed: first point 565060.000 5778300.000, last point "
     "565060.500 5778300.000 (0.500 m apart)"),
    ("coordinate no number", "565066.000 5778300.000 565066.000 5778303.000", "565066.000 5778300.000 x 5778303.000",
     "rejected: field 'position': gml:LineStringSegment holds a coordinate that is no number: "
     "'565066.000 5778300.000 x 5778303.000'"),
    ("shared curve", '<gml:curveMember>\n                        <gml:Curve gml:id="DENI54AL000G0003_c1">',
     '<gml:curveMember xlink:href="#other"/><gml:curveMember>\n                        <gml:Curve gml:id="x">',
     "rejected: field 'position': gml:curveMember refers to a shared curve ('#other'); references between "
     "geometries are not supported: the curve must be given inline"),
]


@pytest.mark.parametrize("case, old, new, note", BAD_RECORDS, ids=[b[0] for b in BAD_RECORDS])
def test_bad_record_is_rejected_with_reason(tmp_path, tmp_settings, case, old, new, note):
    """G3 (the garage) is made bad; the others are read as before."""
    text = (DATA / BASE).read_text(encoding="utf-8")
    start = text.index(f'<AX_Gebaeude gml:id="{G}3">')
    end = text.index("</AX_Gebaeude>", start)
    part = text[start:end]
    assert old in part, old
    bad = text[:start] + part.replace(old, new, 1) + text[end:]
    b = by_key(read(dataset(tmp_path, "bad.xml", files={"bad.xml": bad}), tmp_settings))
    assert len(b) == 5 and b[f"{G}3"]["_issues"] == [note]
    assert b[f"{G}3"]["_file"] == "bad.xml" and b[f"{G}3"]["_row"] == f"AX_Gebaeude 3 ({G}3)"
    assert all(not any(n.startswith("rejected") for n in b[k]["_issues"]) for k in b if k != f"{G}3")


def test_rejected_record_in_the_run_report(tmp_path, tmp_settings):
    bad = _replace(BASE, "<gebaeudefunktion>2463</gebaeudefunktion>", "<gebaeudefunktion>Garage</gebaeudefunktion>")
    res = run_dataset(load_dataset(dataset(tmp_path, "bad.xml", files={"bad.xml": bad})), tmp_settings)
    assert res.status == "published" and res.summary["rejected"] == 1 and res.summary["published"] == 4
    recs = json.loads(res.report_json.read_text())["records"]
    rec = next(r for r in recs if r["key"] == f"{G}3")
    assert (rec["file"], rec["record"], rec["status"]) == ("bad.xml", f"AX_Gebaeude 3 ({G}3)", "rejected")
    assert rec["notes"][0] == ("rejected: field 'gebaeudefunktion' value 'Garage' is not an ALKIS code "
                               "(AX_Gebaeudefunktion: 4 digits, e.g. 1010)")


# --- bounded memory --------------------------------------------------------------------------------------------
def test_stream_keeps_the_tree_small(tmp_path):
    """Streaming drops every object once read: the tree holds what the parser has read ahead (one input
    buffer), never the file; ten times the objects leave the largest tree the same."""
    text = (DATA / BASE).read_text(encoding="utf-8")
    head, _, rest = text.partition("<wfs:member>")
    members = "<wfs:member>" + rest.rpartition("</wfs:member>")[0] + "</wfs:member>"
    tail = rest.rpartition("</wfs:member>")[2]

    def largest_tree(copies: int) -> tuple[int, int]:
        big = tmp_path / f"big{copies}.xml"
        with open(big, "w", encoding="utf-8") as fh:
            fh.write(head)
            for i in range(copies):
                fh.write(members.replace('gml:id="DENI54AL000', f'gml:id="DENI54AL{i:03d}'))
            fh.write(tail)
        largest = objects = 0
        for ev in nas_objects.stream(big):
            if ev.kind == "object" and ev.element is not None:
                objects += 1
                largest = max(largest, sum(1 for _ in ev.element.getroottree().getroot().iter()))
        assert objects == copies * 12
        return largest, sum(1 for _ in etree.parse(str(big)).iter())

    small, _ = largest_tree(40)
    large, total = largest_tree(400)
    assert large <= small * 1.2 and large < total / 50, (small, large, total)


def test_geometry_error_is_a_value_error():
    assert issubclass(GeometryError, ValueError)
    with pytest.raises(GeometryError, match="a building footprint must be a surface"):
        footprint(etree.fromstring('<position xmlns:gml="http://www.opengis.net/gml/3.2"><gml:Point>'
                                   "<gml:pos>1 2</gml:pos></gml:Point></position>"), 0.01)
