"""Issue 3, item 4: incremental updates. A second run on a changed source gives new / changed / removed by
localId, keeps localIds and the beginLifespanVersion of unchanged objects, and writes removed objects to
the GML with endLifespanVersion (validated against the XSDs by the pipeline)."""
from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path

import pyogrio
import shapely
import shapely.affinity
import yaml
from lxml import etree

from core.config import load_dataset
from transforms.pipeline import run_dataset

from .conftest import ROOT

DATASETS = ROOT / "datasets"
T1 = datetime(2026, 1, 10, 8, 0, tzinfo=UTC)
T2 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
ELU = {"elu": "http://inspire.ec.europa.eu/schemas/elu/4.0", "base": "http://inspire.ec.europa.eu/schemas/base/3.3"}
BU = {"bu-core2d": "http://inspire.ec.europa.eu/schemas/bu-core2d/4.0",
      "bu-base": "http://inspire.ec.europa.eu/schemas/bu-base/4.0", "base": "http://inspire.ec.europa.eu/schemas/base/3.3"}


def _dataset(template: str, source: Path, tmp: Path):
    raw = copy.deepcopy(yaml.safe_load((DATASETS / template / "dataset.yml").read_text(encoding="utf-8")))
    raw["sources"] = [dict(raw["sources"][0], path=str(source))]
    (tmp / "ds").mkdir(exist_ok=True)
    (tmp / "ds" / "dataset.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return load_dataset(tmp / "ds" / "dataset.yml")


def _objects(gml: Path) -> dict[str, dict[str, str | None]]:
    doc = etree.parse(str(gml))
    out = {}
    for o in doc.iterfind(".//elu:ExistingLandUseObject", ELU):
        out[o.findtext("elu:inspireId/base:Identifier/base:localId", namespaces=ELU)] = {
            "begin": o.findtext("elu:beginLifespanVersion", namespaces=ELU),
            "end": o.findtext("elu:endLifespanVersion", namespaces=ELU)}
    return out


def test_second_run_gives_diff_and_lifespans(tmp_path, tmp_settings):
    csv = tmp_path / "spielplaetze.csv"
    original = (DATASETS / "spielplatzkataster" / "spielplaetze.csv").read_text(encoding="utf-8")
    csv.write_text(original, encoding="utf-8")
    ds = _dataset("spielplatzkataster", csv, tmp_path)
    first = run_dataset(ds, tmp_settings, now=T1)
    assert first.published_dir is not None
    assert "changes" not in json.loads(first.report_json.read_text())  # nothing published before: all new
    v1 = _objects(first.published_dir / f"{ds.id}.gml")
    assert set(v1) == {f"SP-00{i}" for i in range(1, 9)}
    assert {o["begin"] for o in v1.values()} == {"2026-01-10T08:00:00Z"}

    # a second run on the same source changes nothing
    same = run_dataset(ds, tmp_settings, now=T2)
    assert same.published_dir is not None
    ch = json.loads(same.report_json.read_text())["changes"]
    assert (ch["new_count"], ch["changed_count"], ch["removed_count"], ch["unchanged"]) == (0, 0, 0, 8)
    assert {o["begin"] for o in _objects(same.published_dir / f"{ds.id}.gml").values()} == {"2026-01-10T08:00:00Z"}

    # change SP-002 (new equipment item), remove SP-007, add SP-009
    lines = original.splitlines()
    lines = [ln.replace("Nestschaukel=2026-05-03", "Nestschaukel=2026-05-03 | Trampolin=2026-05-03")
             if ln.startswith("SP-002;") else ln for ln in lines if not ln.startswith("SP-007;")]
    lines.append("SP-009;Spielplatz Neuhof;kinder;2026-09-30;Schaukel=2026-06-01;"
                 "POLYGON ((565000 5776000, 565030 5776000, 565030 5776020, 565000 5776020, 565000 5776000))")
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    T3 = datetime(2026, 4, 2, 7, 0, tzinfo=UTC)
    third = run_dataset(ds, tmp_settings, now=T3)
    assert third.published_dir is not None
    ch = json.loads(third.report_json.read_text())["changes"]
    assert (ch["new"], ch["changed"], ch["removed"]) == (["SP-009"], ["SP-002"], ["SP-007"])
    counts = (ch["new_count"], ch["changed_count"], ch["removed_count"], ch["unchanged"], ch["previous"])
    assert counts == (1, 1, 1, 6, 8)
    v3 = _objects(third.published_dir / f"{ds.id}.gml")
    assert v3["SP-001"] == {"begin": "2026-01-10T08:00:00Z", "end": None}  # unchanged keeps its version
    assert v3["SP-002"] == {"begin": "2026-04-02T07:00:00Z", "end": None}  # changed: new version
    assert v3["SP-009"] == {"begin": "2026-04-02T07:00:00Z", "end": None}  # new
    assert v3["SP-007"] == {"begin": "2026-01-10T08:00:00Z", "end": "2026-04-02T07:00:00Z"}  # removed: life ended
    assert json.loads(third.report_json.read_text())["validation"]["gml"] == "valid"
    # the GeoPackage (served by OGC API) shows the current state only
    ins = pyogrio.read_dataframe(third.published_dir / f"{ds.id}.gpkg", layer="existinglanduseobject")
    assert "SP-007" not in set(ins["localId"]) and len(ins) == 8
    assert ins.set_index("localId").loc["SP-001", "beginLifespanVersion"] == "2026-01-10T08:00:00Z"


def test_buildings_moved_footprint_counts_as_changed(tmp_path, tmp_settings):
    src = DATASETS / "gebaeude" / "gebaeude_hildesheim_beispiel.gpkg"
    gdf = pyogrio.read_dataframe(src, layer="gebaeude").iloc[:20]
    p = tmp_path / "gebaeude.gpkg"
    pyogrio.write_dataframe(gdf, p, layer="gebaeude")
    ds = _dataset("gebaeude", p, tmp_path)
    run_dataset(ds, tmp_settings, now=T1)
    moved = gdf.copy()
    geoms = moved.geometry.to_numpy().copy()
    geoms[3] = shapely.affinity.translate(geoms[3], 0.5, 0.0)  # footprint moved by 50 cm
    moved = moved.set_geometry(geoms, crs=gdf.crs)
    moved.loc[moved.index[5], "hoehe"] = 99.0  # height changed
    p.unlink()
    pyogrio.write_dataframe(moved, p, layer="gebaeude")
    res = run_dataset(ds, tmp_settings, now=T2)
    ch = json.loads(res.report_json.read_text())["changes"]
    assert sorted(ch["changed"]) == sorted([gdf["oid"].iloc[3], gdf["oid"].iloc[5]])
    assert ch["unchanged"] == 18
    assert ch["new_count"] == 0 and ch["removed_count"] == 0
    assert res.published_dir is not None
    doc = etree.parse(str(res.published_dir / f"{ds.id}.gml"))
    begins = {b.findtext("bu-base:inspireId/base:Identifier/base:localId", namespaces=BU):
              b.findtext("bu-base:beginLifespanVersion", namespaces=BU)
              for b in doc.iterfind(".//bu-core2d:Building", BU)}
    assert begins[gdf["oid"].iloc[5]] == "2026-03-01T09:30:00Z"
    assert begins[gdf["oid"].iloc[0]] == "2026-01-10T08:00:00Z"
