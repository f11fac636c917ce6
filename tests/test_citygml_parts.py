"""Issue 14: CityGML BuildingParts stay parts (source view, INSPIRE BU GML, 3D tiles) and the ground
heights the source carries are used. Real LGLN LoD1 data (tests/corpus/citygml_parts, see its SOURCE.md:
two buildings unchanged, one derived whose geometry is only in its parts) and the bundled Lorup tiles."""
from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio
import pytest
import yaml
from lxml import etree

from citymodel.build import CityModelOptions, build_tileset
from citymodel.terrain import make_demo_dgm
from core.config import load_dataset
from tests.gltfcheck import block_heights
from transforms.pipeline import run_dataset
from transforms.readers.citygml import BLDG_NS, parse_building

from .conftest import ROOT

SAMPLE = ROOT / "tests" / "corpus" / "citygml_parts" / "lorup_building_parts.gml"
LORUP = ROOT / "datasets" / "gebaeude_lorup"
VALIDATOR = ROOT.parent / "shared" / "tools" / "inspire_validate.py"
NOW = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
NS = {"gml": "http://www.opengis.net/gml/3.2", "xlink": "http://www.w3.org/1999/xlink",
      "bu-base": "http://inspire.ec.europa.eu/schemas/bu-base/4.0",
      "bu-core2d": "http://inspire.ec.europa.eu/schemas/bu-core2d/4.0"}
BIG = "DENILD750000n8OW"          # body 8.584 m + 5 parts 4.449 .. 13.513 m, ground 37.696 m (DHHN92)
PARTS_ONLY = "DERIVED_parts_only_tr1f"
BODY = "DERIVED_parts_only_tr1f_body"   # no measuredHeight, no attributes, z raised by 1 m
ANNEX = "DERIVED_DENILD4938244039201436984_16"


def _records(path: Path) -> pd.DataFrame:
    rows = []
    for b in etree.parse(str(path)).getroot().iter(f"{{{BLDG_NS[0]}}}Building"):
        for rec, geom in parse_building(b):
            rows.append({**rec, "area": None if geom is None else geom.area})
    return pd.DataFrame(rows).set_index("gml_id")


def test_reader_yields_each_part_with_its_own_heights_and_ground():
    r = _records(SAMPLE)
    assert len(r) == 10 and r["part_of"].notna().sum() == 7
    parts = r[r["part_of"] == BIG]
    assert len(parts) == 5
    # each part keeps its own measuredHeight and roof type; the building keeps its body's
    assert sorted(parts["measured_height"].round(3)) == [4.449, 5.046, 8.528, 13.5, 13.513]
    assert r.loc[BIG, "measured_height"] == 8.584 and r.loc[BIG, "roof_type"] == "3100"
    assert set(parts["roof_type"]) == {"1000", "2100", "3100"}
    # the body is the building's own lowest face, not the union with its parts (1904.27 m² in the file)
    assert abs(r.loc[BIG, "area"] - 1904.27) < 0.05 and r.loc[BIG, "own_body"]
    # ground = lowest z of the ground face (NHN); ridge/eaves above that ground; function inherited
    assert np.allclose(parts["ground_height"], 37.696, atol=1e-3)
    assert set(parts["function"]) == {"31001_2720"} and set(parts["address"]) == {"Lorup"}
    assert abs(r.loc["DENILD10605113533090870584_178", "eaves_height"] - 4.341) < 1e-3
    assert r["storeys_above_ground"].eq("").all()  # LGLN LoD1 has none; a part never takes its building's
    # a building whose geometry is only in its parts: union of the parts, not drawn itself
    assert not r.loc[PARTS_ONLY, "own_body"]
    assert abs(r.loc[PARTS_ONLY, "area"] - (1166.27 + 24.98)) < 0.05
    assert r.loc[PARTS_ONLY, "ground_height"] == pytest.approx(41.069, abs=1e-3)  # lowest of its parts
    # a part without measuredHeight and attributes: height from its LoD1 z range, ground from its geometry
    assert r.loc[BODY, "measured_height"] == pytest.approx(5.349, abs=1e-3)
    assert r.loc[BODY, "ground_height"] == pytest.approx(42.069, abs=1e-3)
    assert r.loc[ANNEX, "ground_height"] == pytest.approx(41.069, abs=1e-3)


def _cgml(body: str) -> etree._Element:
    xml = (f'<bldg:Building xmlns:bldg="{BLDG_NS[1]}" xmlns:gml="http://www.opengis.net/gml" '
           'xmlns:gen="http://www.opengis.net/citygml/generics/2.0" gml:id="B1">' + body + "</bldg:Building>")
    return etree.fromstring(xml.encode())


def _square(z: float, x0: float = 0, size: float = 10) -> str:
    pts = [(x0, 0), (x0 + size, 0), (x0 + size, size), (x0, size), (x0, 0)]
    return ('<gml:Polygon><gml:exterior><gml:LinearRing><gml:posList srsDimension="3">'
            + " ".join(f"{x} {y} {z}" for x, y in pts) + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>")


def test_lod2_ground_surface_lod0_footprint_and_ground_attribute():
    """CityGML 2.0: a part with LoD2 thematic surfaces (ground surface at 50.2 m, roof at 58 m) takes its
    footprint, ground and height from them; a part with an LoD0 footprint only takes the AdV attribute
    ``HoeheGrund`` as ground (an LoD0 z is not trusted as ground)."""
    b = _cgml(
        '<bldg:consistsOfBuildingPart><bldg:BuildingPart gml:id="P1">'
        '<bldg:boundedBy><bldg:GroundSurface><bldg:lod2MultiSurface><gml:MultiSurface><gml:surfaceMember>'
        + _square(50.2) + '</gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:GroundSurface>'
        '</bldg:boundedBy><bldg:boundedBy><bldg:RoofSurface><bldg:lod2MultiSurface><gml:MultiSurface>'
        '<gml:surfaceMember>' + _square(58.0) + '</gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface>'
        '</bldg:RoofSurface></bldg:boundedBy></bldg:BuildingPart></bldg:consistsOfBuildingPart>'
        '<bldg:consistsOfBuildingPart><bldg:BuildingPart gml:id="P2">'
        '<gen:doubleAttribute name="HoeheGrund"><gen:value>49.5</gen:value></gen:doubleAttribute>'
        '<bldg:measuredHeight uom="m">3.0</bldg:measuredHeight><bldg:lod0FootPrint><gml:MultiSurface>'
        '<gml:surfaceMember>' + _square(0.0, x0=10) + '</gml:surfaceMember></gml:MultiSurface></bldg:lod0FootPrint>'
        '</bldg:BuildingPart></bldg:consistsOfBuildingPart>')
    recs = {r["gml_id"]: (r, g) for r, g in parse_building(b)}
    building, bgeom = recs["B1"]
    assert bgeom is not None and not building["own_body"] and bgeom.area == pytest.approx(200.0)
    p1, g1 = recs["P1"]
    assert g1 is not None and g1.area == pytest.approx(100.0) and p1["ground_height"] == pytest.approx(50.2)
    assert p1["measured_height"] == pytest.approx(7.8) and p1["part_of"] == "B1"
    p2, g2 = recs["P2"]
    assert g2 is not None and g2.area == pytest.approx(100.0)
    assert p2["ground_height"] == 49.5 and p2["measured_height"] == 3.0
    assert building["ground_height"] == 49.5  # the lowest of its parts


def _dataset(tmp_path: Path, src: Path):
    raw = copy.deepcopy(yaml.safe_load((LORUP / "dataset.yml").read_text(encoding="utf-8")))
    raw["sources"] = [dict(raw["sources"][0], path=str(src))]
    (tmp_path / "ds").mkdir()
    (tmp_path / "ds" / "dataset.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return load_dataset(tmp_path / "ds" / "dataset.yml")


@pytest.fixture
def published(tmp_path, tmp_settings):
    res = run_dataset(_dataset(tmp_path, SAMPLE), tmp_settings, now=NOW)
    assert res.status == "published"
    return res


def test_parts_in_source_view_and_inspire_gml(published):
    res = published
    assert res.summary == {"read": 10, "published": 10, "repaired": 0, "rejected": 0, "flagged": 0}
    gpkg = res.published_dir / "gebaeude_lorup.gpkg"
    src = pyogrio.read_dataframe(gpkg, layer="gebaeude_lorup_source").set_index("key")
    assert (src.loc[src["part_of"] == BIG, "height_m"].sort_values().tolist()
            == [4.449, 5.046, 8.528, 13.5, 13.513])
    assert src.loc[BIG, "height_m"] == 8.584 and pd.isna(src.loc[BIG, "part_of"])
    assert src.loc[BODY, "ground_height_m"] == 42.069 and src.loc[ANNEX, "ground_height_m"] == 41.069
    assert src["own_body"].tolist().count(False) == 1 and not src.loc[PARTS_ONLY, "own_body"]
    assert src.loc[BIG, "ridge_height_m"] == 8.584 and src.loc[BIG, "eaves_height_m"] == 5.635
    ins = pyogrio.read_dataframe(gpkg, layer="building_lorup").set_index("localId")
    assert (ins["featureType"] == "BuildingPart").sum() == 7
    # the INSPIRE building: union of body and parts, highest point of all of them above its lowest ground
    assert abs(ins.loc[BIG].geometry.area - src.loc[[BIG, *src.index[src["part_of"] == BIG]]].area.sum()) < 0.01
    assert ins.loc[BIG, "heightAboveGround"] == 13.513
    assert ins.loc[PARTS_ONLY, "heightAboveGround"] == pytest.approx(6.349)  # 42.069 + 5.349 - 41.069
    assert ins.loc[PARTS_ONLY, "heightStatus"].endswith("/measured")

    gml = res.published_dir / "gebaeude_lorup.gml"
    doc = etree.parse(str(gml))
    buildings = doc.findall(".//bu-core2d:Building", NS)
    parts = doc.findall(".//bu-core2d:BuildingPart", NS)
    assert len(buildings) == 3 and len(parts) == 7
    part_ids = {p.get(f"{{{NS['gml']}}}id") for p in parts}
    refs = {b.get(f"{{{NS['gml']}}}id"): [r.get(f"{{{NS['xlink']}}}href") for r in b.findall("bu-base:parts", NS)]
            for b in buildings}
    assert len(refs[f"BU_{BIG}"]) == 5 and len(refs[f"BU_{PARTS_ONLY}"]) == 2 and refs["BU_DENILD750000tr2k"] == []
    assert {h[1:] for hs in refs.values() for h in hs} == part_ids  # every part referenced, every ref resolves
    heights = {p.get(f"{{{NS['gml']}}}id"): float(p.find(".//bu-base:HeightAboveGround/bu-base:value", NS).text)
               for p in parts}
    assert heights["BU_DENILD10605113533090870584_177"] == 13.513
    assert json.loads(res.report_json.read_text())["validation"]["gml"] == "valid"  # XSDs, in the pipeline
    r = subprocess.run([sys.executable, str(VALIDATOR), str(gml)], capture_output=True, text=True, timeout=600,
                       check=False)
    assert r.returncode == 0, r.stdout + r.stderr


def test_lorup_tiles_have_their_parts(tmp_path, tmp_settings):
    """The bundled real tiles: 19 of 119 buildings (16 %) have parts (38 parts), none of them flattened."""
    res = run_dataset(load_dataset(LORUP / "dataset.yml"), tmp_settings, now=NOW)
    assert res.status == "published" and res.summary["rejected"] == 0 and res.published_dir is not None
    src = pyogrio.read_dataframe(res.published_dir / "gebaeude_lorup.gpkg", layer="gebaeude_lorup_source")
    assert len(src) == 157 and src["part_of"].notna().sum() == 38 and src["part_of"].nunique() == 19
    assert src["own_body"].all()  # LGLN: every building with parts has a body of its own
    assert src["ground_height_m"].notna().all()
    # parts lower than their building's body exist (the old footprint union drew them at the body's height)
    body = src[src["part_of"].isna()].set_index("key")["height_m"]
    parts = src[src["part_of"].notna()]
    assert (parts["height_m"].to_numpy() < body.loc[parts["part_of"]].to_numpy() - 1).sum() >= 10


@pytest.mark.parametrize("with_dgm", [False, True], ids=["no-dgm", "dgm-but-source-ground"])
def test_city_model_draws_each_part_on_its_own_base(published, tmp_path, with_dgm):
    gpkg = published.published_dir / "gebaeude_lorup.gpkg"
    src = pyogrio.read_dataframe(gpkg, layer="gebaeude_lorup_source").set_index("key")
    dgm = None
    if with_dgm:  # a generated terrain (78-190 m): the source's own ground heights (18-42 m) must win
        b = src.total_bounds
        dgm = make_demo_dgm(tmp_path / "dgm.tif", (b[0] - 100, b[1] - 100, b[2] + 100, b[3] + 100), res=10.0)
    out = tmp_path / "tiles"
    rep = build_tileset(gpkg, out, CityModelOptions(lod=1, workers=1, coarse=False, quantize=False, dgm=dgm))
    assert rep["buildings"] == 9  # the parts-only building is drawn through its two parts
    blocks = block_heights(out)
    assert PARTS_ONLY not in blocks and len(blocks) == 9
    for key, (lo, hi) in blocks.items():
        assert hi - lo == pytest.approx(src.loc[key, "height_m"], abs=0.02), key
    # bases as the source's ground heights, compared within a building (the root frame's "up" tilts away
    # from the local vertical: ~1 cm over 70 m at 1 km from the root centre, 3 cm between the two tiles);
    # the raised body stands 1 m higher than the annex of the same building
    assert blocks[BODY][0] - blocks[ANNEX][0] == pytest.approx(1.0, abs=0.03)
    for key in src.index[src["part_of"] == BIG]:
        assert blocks[key][0] == pytest.approx(blocks[BIG][0], abs=0.03), key
    # the tall silo parts stick out above the body of their building
    assert blocks["DENILD10605113533090870584_177"][1] - blocks[BIG][1] == pytest.approx(13.513 - 8.584, abs=0.02)
