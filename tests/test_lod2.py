"""Issue 18 (items 2 and 3): LoD2 CityGML read as it is, drawn in the city model without roof reconstruction,
published as INSPIRE BU core3D.

Real data: ``tests/data/lod2/DEBY_LOD2_4959457.gml`` (Bavarian LoD2, AdV CityGML 2.0 profile, one building
with 20 roof, 63 wall and 1 ground surface; see its SOURCE.md). Larger inputs are copies of it on a grid
(``citymodel.lod2_replicate``), moved to Hildesheim and down to Hildesheim's heights; variants of it (CityGML
1.0 namespaces, a BuildingPart, broken polygons, an unknown CRS) are derived here with lxml/str.replace.
"""
from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import yaml
from lxml import etree

from citymodel.build import CityModelOptions, build_tileset
from citymodel.check import check_tileset, read_glb, string_property
from citymodel.lod2_replicate import replicate
from citymodel.source import normalise
from citymodel.terrain import make_demo_dgm
from core.config import load_dataset
from core.errors import SourceError
from core.xsd import validate_gml_file
from tests.gltfcheck import block_heights, gltf_validate
from transforms.generate.buildings import generate_buildings
from transforms.pipeline import run_dataset
from transforms.readers.citygml_lod2 import GROUND, ROOF, WALL, read_lod2
from transforms.themes.bu_core3d import write_core3d

from .conftest import ROOT

SAMPLE = ROOT / "tests" / "data" / "lod2" / "DEBY_LOD2_4959457.gml"
LORUP = ROOT / "datasets" / "gebaeude_lorup"
VALIDATOR = ROOT.parent / "shared" / "tools" / "inspire_validate.py"
KEY = "DEBY_LOD2_4959457"
MEASURED, GROUND_Z, TOP_Z = 37.54, 509.79, 547.33
HILDESHEIM = (565_600.0, 5_778_400.0)
DZ = -420.0           # the copies stand at 89.79 m + (k % 7) * 0.5 m NHN, like Hildesheim
NS2 = {"bldg": "http://www.opengis.net/citygml/building/2.0", "gml": "http://www.opengis.net/gml"}


@pytest.fixture(scope="module")
def grid(tmp_path_factory):
    """9 copies of the real building, 200 m apart, in Hildesheim; tiles of at most 2 buildings."""
    d = tmp_path_factory.mktemp("lod2")
    src = d / "lod2_grid.gml"
    assert replicate(SAMPLE, src, copies=9, origin=HILDESHEIM, dz=DZ) == 9
    out = d / "tiles"
    rep = build_tileset(read_lod2(src), out, CityModelOptions(max_features=2, workers=1))
    return {"src": src, "out": out, "report": rep, "dir": d}


def test_reader_keeps_the_real_surfaces_and_attributes():
    warnings: list[str] = []
    gdf = read_lod2(SAMPLE, warnings=warnings)
    assert warnings == [] and len(gdf) == 1 and gdf.crs.to_epsg() == 25832
    r = gdf.iloc[0]
    s = r["lod2"]
    assert (s.count(ROOF), s.count(WALL), s.count(GROUND)) == (20, 63, 1)
    assert r["key"] == KEY and r["roof_form"] == 3200 and r["height_m"] == MEASURED   # Walmdach, measured
    assert r["function"] == "31001_3020" and r["storeys"] == 6 and r["address"] == "Arcisstraße 21, München"
    # absolute heights as delivered: ground surface at 509.79 m, the highest roof point 37.54 m above it
    assert r["ground_height_m"] == pytest.approx(GROUND_Z) and s.zmax() == pytest.approx(TOP_Z)
    assert s.zmax() - s.zmin() == pytest.approx(MEASURED)
    assert r.geometry.area == pytest.approx(shapely_area_of_ground(s), rel=1e-6)


def shapely_area_of_ground(s) -> float:
    import shapely
    return sum(shapely.Polygon(rings[0][:, :2], [h[:, :2] for h in rings[1:]]).area
               for _, _, rings in s.polygons((GROUND,)))


def test_citygml_10_namespaces_read_the_same(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    for mod in ("building", "generics", "appearance"):
        text = text.replace(f"http://www.opengis.net/citygml/{mod}/2.0", f"http://www.opengis.net/citygml/{mod}/1.0")
    text = text.replace('"http://www.opengis.net/citygml/2.0"', '"http://www.opengis.net/citygml/1.0"')
    f = tmp_path / "v1.gml"
    f.write_text(text, encoding="utf-8")
    assert "building/1.0" in text and "building/2.0" not in text
    s = read_lod2(f).iloc[0]["lod2"]
    assert (s.count(ROOF), s.count(WALL), s.count(GROUND)) == (20, 63, 1)


def test_citygml_30_reads_like_citygml_20(tmp_path):
    """The same building with its garage in CityGML 2.0 (a lod2Solid, classified by the faces' normals) and
    CityGML 3.0 (core:boundary with con:Roof-/Wall-/GroundSurface, con:height, xAL 3, bldg:buildingPart): the
    same records and the same surfaces; and the 3.0 file builds a tileset with both objects."""
    d = ROOT / "tests" / "data" / "citygml3"
    w2: list[str] = []
    w3: list[str] = []
    v2 = read_lod2(d / "Building_and_garage_LOD2-EPSG25832_v2.gml", "EPSG:25832", w2)
    v3 = read_lod2(d / "Building_and_garage_LOD2-EPSG25832_v3.gml", "EPSG:25832", w3)
    assert w2 == w3 == []
    cols = ["key", "function_code", "storeys", "height_m", "roof_form", "ground_height_m", "address", "part_of"]
    pd.testing.assert_frame_equal(v3[cols].reset_index(drop=True), v2[cols].reset_index(drop=True))
    assert v3["height_m"].tolist() == [6.0, 2.5]                      # con:Height highestRoofEdge
    assert v3["address"].iloc[0] == "Hermann-von-Helmholtz-Platz 1, Eggenstein-Leopoldshafen"   # xAL 3
    assert v3["part_of"].iloc[1] == v3["key"].iloc[0]                   # bldg:buildingPart
    assert [round(a, 2) for a in v3.geometry.area] == [round(a, 2) for a in v2.geometry.area] == [50.0, 10.0]
    for s2, s3 in zip(v2["lod2"], v3["lod2"], strict=True):
        assert (s3.count(ROOF), s3.count(WALL), s3.count(GROUND)) == (s2.count(ROOF), s2.count(WALL), s2.count(GROUND))
        assert (s3.zmin(), s3.zmax()) == (s2.zmin(), s2.zmax())
    assert [(s.count(ROOF), s.count(WALL), s.count(GROUND)) for s in v3["lod2"]] == [(2, 5, 1), (1, 3, 1)]
    rep = build_tileset(v3, tmp_path / "t", CityModelOptions(workers=1, coarse=False))
    assert rep["buildings"] == 2 and rep["warnings"] == []


def test_cli_reads_citygml_lod2_as_it_is(tmp_path):
    """``gdi citymodel --input file.gml`` builds from the LoD2 surfaces (not from a footprint layer)."""
    out = tmp_path / "cli"
    gdi = str(Path(sys.executable).parent / "gdi")
    env = {**os.environ, "GDI_VAR": str(tmp_path / "var")}
    r = subprocess.run([gdi, "citymodel", "--input", str(SAMPLE), "--out", str(out), "--workers", "1", "--json"],
                       capture_output=True, text=True, timeout=300, env=env)
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout[r.stdout.index("{"):])
    assert rep["buildings"] == 1 and rep["roofs"] == {"lod2": 1}
    lo, hi = block_heights(out)[KEY]
    assert hi - lo == pytest.approx(MEASURED, abs=0.02)


def test_real_sample_tiles_validate_with_roof_at_measured_height(tmp_path):
    out = tmp_path / "tiles"
    rep = build_tileset(read_lod2(SAMPLE), out, CityModelOptions(workers=1))
    assert rep["roofs"] == {"lod2": 1} and rep["warnings"] == []
    res = gltf_validate(sorted((out / "tiles").glob("*.glb")))
    assert all(r["errors"] == 0 and r["warnings"] == 0 and not r["degenerate"] for r in res.values()), res
    assert check_tileset(out / "tileset.json").problems == []
    lo, hi = block_heights(out)[KEY]
    # relative mode: the building's own ground is the reference (0), its top is the measured height
    assert lo == pytest.approx(0.0, abs=0.02) and hi == pytest.approx(MEASURED, abs=0.02)
    assert json.loads((out / "report.json").read_text())["buildings"] == 1
    # per-feature metadata: roof type and measured height of the source
    gltf, blob = read_glb(next((out / "tiles").glob("*.glb")))
    assert string_property(gltf, blob, "id") == [KEY]
    props = gltf["extensions"]["EXT_structural_metadata"]["propertyTables"][0]["properties"]
    view = gltf["bufferViews"][props["dachform"]["values"]]
    assert np.frombuffer(blob, np.uint16, 1, view["byteOffset"])[0] == 3200
    view = gltf["bufferViews"][props["hoehe"]["values"]]
    assert np.frombuffer(blob, np.float32, 1, view["byteOffset"])[0] == pytest.approx(MEASURED, abs=0.01)
    schema = gltf["extensions"]["EXT_structural_metadata"]["schema"]
    labels = {v["value"]: v["name"] for v in schema["enums"]["Dachform"]["values"]}
    assert labels[3200] == "Walmdach"


def test_grid_tiles_validate_and_every_top_is_as_measured(grid):
    rep = grid["report"]
    assert rep["buildings"] == 9 and rep["tiles"] >= 4 and rep["roofs"] == {"lod2": 9}
    files = sorted((grid["out"] / "tiles").glob("*.glb"))
    res = gltf_validate(files)
    assert all(r["errors"] == 0 and r["warnings"] == 0 and not r["degenerate"] for r in res.values()), res
    assert check_tileset(grid["out"] / "tileset.json").problems == []
    zref = GROUND_Z + DZ     # relative mode: the lowest ground of the source is 0
    e0, n0 = json.loads((grid["out"] / "tileset.json").read_text())["asset"]["extras"]["origin_25832"]
    src = read_lod2(grid["src"]).set_index("key")
    for key, (lo, hi) in block_heights(grid["out"]).items():
        k = int(key.rsplit("_c", 1)[1])
        ground = GROUND_Z + DZ + (k % 7) * 0.5
        assert hi - lo == pytest.approx(MEASURED, abs=0.02), key
        # the root frame is a tangent plane: the earth falls away from it by d^2 / 2R off its centre
        c = src.loc[key].geometry.centroid
        drop = ((c.x - e0) ** 2 + (c.y - n0) ** 2) / (2 * 6_371_000)
        assert lo + drop == pytest.approx(ground - zref, abs=0.03), key
        assert hi + drop == pytest.approx(ground + MEASURED - zref, abs=0.03), key


def test_absolute_mode_puts_the_roof_at_nhn_plus_geoid(tmp_path):
    out = tmp_path / "abs"
    build_tileset(read_lod2(SAMPLE), out, CityModelOptions(workers=1, vertical="absolute", geoid_undulation_m=47.0))
    lo, hi = block_heights(out)[KEY]
    assert lo == pytest.approx(GROUND_Z + 47.0, abs=0.03) and hi == pytest.approx(TOP_Z + 47.0, abs=0.03)


def test_mixed_source_builds_one_tileset_on_one_ground(grid, tmp_path):
    """LoD2 buildings and footprint buildings (generated ALKIS-style, moved between them) in one frame: one
    tileset, LoD2 as is, the others reconstructed, all on one height reference (relative mode with a DGM:
    its lowest point); the LoD2 buildings on their own ground, the footprints on the DGM."""
    import shapely
    lod2 = read_lod2(grid["src"])
    fp = normalise(gpd.read_file(generate_buildings(30, tmp_path / "fp.gpkg", seed=3)))
    # place the footprints in a row south of the LoD2 grid (the generator spreads them over all Hildesheim)
    c = shapely.centroid(fp.geometry.values)
    x0, y0 = HILDESHEIM
    fp.geometry = [shapely.affinity.translate(g, x0 + 40 * i - p.x, y0 - 150 - p.y)
                   for i, (g, p) in enumerate(zip(fp.geometry.values, c, strict=True))]
    both = gpd.GeoDataFrame(pd.concat([lod2, fp], ignore_index=True), crs=25832)
    dgm = make_demo_dgm(tmp_path / "dgm.tif", tuple(both.total_bounds + np.array([-100, -100, 100, 100])), res=20.0)
    out = tmp_path / "mixed"
    # quantize off: one tile spans LoD2 and footprint buildings; the test measures centimetres
    rep = build_tileset(both, out, CityModelOptions(max_features=8, workers=1, dgm=dgm, quantize=False))
    assert rep["buildings"] == 9 + len(fp) and rep["roofs"]["lod2"] == 9
    assert sum(v for k, v in rep["roofs"].items() if k != "lod2") == len(fp)
    res = check_tileset(out / "tileset.json")
    assert res.problems == [] and res.features == len(both)
    checked = gltf_validate(sorted((out / "tiles").glob("*.glb")))
    assert all(r["errors"] == 0 and not r["degenerate"] for r in checked.values()), checked
    ts = json.loads((out / "tileset.json").read_text())["asset"]["extras"]
    zref, (e0, n0) = ts["ground_reference_m"], ts["origin_25832"]
    blocks = block_heights(out)
    for key, (lo, hi) in blocks.items():
        if not key.startswith(KEY):
            continue
        k = int(key.rsplit("_c", 1)[1])
        g = lod2.set_index("key").loc[key].geometry.centroid
        drop = ((g.x - e0) ** 2 + (g.y - n0) ** 2) / (2 * 6_371_000)
        assert hi - lo == pytest.approx(MEASURED, abs=0.02), key
        assert lo + drop == pytest.approx(GROUND_Z + DZ + (k % 7) * 0.5 - zref, abs=0.03), key
    assert len([k for k in blocks if k.startswith(KEY)]) == 9 and len(blocks) == len(both)


def test_changed_lod2_building_rebuilds_only_its_tile(grid, tmp_path):
    src = tmp_path / "g.gml"
    shutil.copy(grid["src"], src)
    out = tmp_path / "tiles"
    opts = CityModelOptions(max_features=2, workers=1, coarse=False)
    first = build_tileset(read_lod2(src), out, opts)
    # raise one roof polygon of copy 4 by 1 m (its attributes stay the same)
    tree = etree.parse(str(src))
    b = tree.find(f".//bldg:Building[@{{{NS2['gml']}}}id='{KEY}_c4']", NS2)
    pl = b.find(".//bldg:RoofSurface//gml:posList", NS2)
    v = np.array(pl.text.split(), float).reshape(-1, 3)
    v[:, 2] += 1.0
    pl.text = " ".join(f"{x:.3f}" for x in v.ravel())
    tree.write(str(src), xml_declaration=True, encoding="UTF-8")
    second = build_tileset(read_lod2(src), out, opts)
    assert len(second["rebuilt_tiles"]) == 1 and second["kept_tiles"] == first["tiles"] - 1
    gltf, blob = read_glb(out / "tiles" / f"{second['rebuilt_tiles'][0]}.glb")
    assert f"{KEY}_c4" in string_property(gltf, blob, "id")
    third = build_tileset(read_lod2(src), out, opts)
    assert third["rebuilt_tiles"] == []


def _broken_file(tmp_path: Path) -> tuple[Path, dict[int, str]]:
    """Three copies; copy 0: one roof polygon non-planar (one vertex 1.5 m up); copy 1: a wall ring with 2
    points; copy 2: a roof ring crossing itself (bow tie)."""
    src = tmp_path / "broken.gml"
    replicate(SAMPLE, src, copies=3, origin=HILDESHEIM, dz=DZ)
    tree = etree.parse(str(src))
    polys = {}
    for k, kind in ((0, "RoofSurface"), (1, "WallSurface"), (2, "RoofSurface")):
        b = tree.find(f".//bldg:Building[@{{{NS2['gml']}}}id='{KEY}_c{k}']", NS2)
        poly = b.find(f".//bldg:{kind}//gml:Polygon", NS2)
        pl = poly.find(".//gml:posList", NS2)
        v = np.array(pl.text.split(), float).reshape(-1, 3)
        if k == 0:
            v[1, 2] += 1.5
        elif k == 1:
            v = v[:2]
        else:   # the ring crosses itself: two lobes of different size
            v = np.array([[0, 0, 0], [10, 10, 0], [10, 0, 0], [0, 4, 0], [0, 0, 0]], float) + v[0]
        pl.text = " ".join(f"{x:.3f}" for x in v.ravel())
        polys[k] = poly.get(f"{{{NS2['gml']}}}id")
    tree.write(str(src), xml_declaration=True, encoding="UTF-8")
    return src, polys


def test_broken_polygons_are_named_by_file_and_gml_id(tmp_path):
    src, polys = _broken_file(tmp_path)
    warnings: list[str] = []
    gdf = read_lod2(src, warnings=warnings)
    assert len(gdf) == 3
    assert f"broken.gml: gml:id {polys[1]}: polygon left out: ring has 2 distinct points" in "\n".join(warnings)
    rep = build_tileset(gdf, tmp_path / "t", CityModelOptions(workers=1))
    text = "\n".join(rep["warnings"])
    planar = rf"building {KEY}_c0: gml:id {re.escape(polys[0])}: non-planar polygon \(0\.[1-9]\d m off"
    assert re.search(planar, text), text
    assert f"building {KEY}_c2: gml:id {polys[2]}: self-touching or self-intersecting ring" in text
    assert rep["roofs"] == {"lod2": 3}
    res = gltf_validate(sorted((tmp_path / "t" / "tiles").glob("*.glb")))
    assert all(r["errors"] == 0 and not r["degenerate"] for r in res.values()), res


def test_unknown_crs_names_file_and_value(tmp_path):
    f = tmp_path / "odd_crs.gml"
    f.write_text(SAMPLE.read_text(encoding="utf-8").replace('srsName="EPSG:25832"', 'srsName="urn:x:crs:LOCAL_GRID"'),
                 encoding="utf-8")
    with pytest.raises(SourceError) as e:
        read_lod2(f)
    msg = str(e.value)
    assert "odd_crs.gml" in msg and "urn:x:crs:LOCAL_GRID" in msg and "declare 'crs'" in msg


def _with_part(tmp_path: Path) -> Path:
    """The sample with its roof and half of its walls moved into a bldg:BuildingPart (CityGML's pattern of
    a building with a part): the reader yields both, core3D writes Building + BuildingPart."""
    tree = etree.parse(str(SAMPLE))
    b = tree.find(".//bldg:Building", NS2)
    bldg = NS2["bldg"]
    cons = etree.SubElement(b, f"{{{bldg}}}consistsOfBuildingPart")
    part = etree.SubElement(cons, f"{{{bldg}}}BuildingPart")
    part.set(f"{{{NS2['gml']}}}id", f"{KEY}_part1")
    etree.SubElement(part, f"{{{bldg}}}roofType").text = "3200"
    for i, bb in enumerate(b.findall("bldg:boundedBy", NS2)):
        if bb.find("bldg:RoofSurface", NS2) is not None or (bb.find("bldg:WallSurface", NS2) is not None and i % 2):
            part.append(bb)
    out = tmp_path / "with_part.gml"
    tree.write(str(out), xml_declaration=True, encoding="UTF-8")
    return out


def test_core3d_gml_is_xsd_valid_with_building_parts(tmp_path):
    f = _with_part(tmp_path)
    gdf = read_lod2(f)
    assert list(gdf["key"]) == [KEY, f"{KEY}_part1"] and gdf["part_of"].iloc[1] == KEY
    out = tmp_path / "bu3d.gml"
    assert write_core3d([gdf], out, "https://registry.gdi-de.org/id/de.ni.hildesheim/lod2",
                        run_time=datetime(2026, 12, 6, tzinfo=UTC)) == 2
    assert validate_gml_file(out, ROOT.parent / "shared" / "inspire" / "schemas") == []
    r = subprocess.run([sys.executable, str(VALIDATOR), str(out)], capture_output=True, text=True, timeout=300,
                       check=False)
    assert r.returncode == 0, r.stdout + r.stderr
    doc = etree.parse(str(out))
    ns = {"bu-core3d": "http://inspire.ec.europa.eu/schemas/bu-core3d/4.0", "gml": "http://www.opengis.net/gml/3.2",
          "bu-base": "http://inspire.ec.europa.eu/schemas/bu-base/4.0", "xlink": "http://www.w3.org/1999/xlink"}
    part = doc.find(".//bu-core3d:BuildingPart", ns)
    building = doc.find(".//bu-core3d:Building", ns)
    assert building.find("bu-base:parts", ns).get(f"{{{ns['xlink']}}}href") == "#" + part.get(f"{{{ns['gml']}}}id")
    # every surface of the source with its absolute heights: 20 roofs + 32 walls in the part, the rest in the body
    n_b = len(building.findall(".//bu-core3d:geometry3DLoD2//gml:Polygon", ns))
    n_p = len(part.findall(".//bu-core3d:geometry3DLoD2//gml:Polygon", ns))
    assert n_b + n_p == 84 and n_p >= 20
    zs = [float(z) for pl in doc.iterfind(".//bu-core3d:geometry3DLoD2//gml:posList", ns)
          for z in pl.text.split()[2::3]]
    assert max(zs) == pytest.approx(TOP_Z) and min(zs) == pytest.approx(GROUND_Z)


def test_pipeline_publishes_core3d_beside_core2d(tmp_path, tmp_settings):
    raw = copy.deepcopy(yaml.safe_load((LORUP / "dataset.yml").read_text(encoding="utf-8")))
    raw.update(id="gebaeude_lod2_test", collection="building_lod2_test")
    raw["sources"] = [dict(raw["sources"][0], path=str(_with_part(tmp_path)))]
    raw["options"] = {"height_status": "measured", "inspire_profile": "core3d"}
    (tmp_path / "ds").mkdir()
    (tmp_path / "ds" / "dataset.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    res = run_dataset(load_dataset(tmp_path / "ds" / "dataset.yml"), tmp_settings,
                      now=datetime(2026, 12, 6, 12, tzinfo=UTC))
    assert res.status == "published" and res.published_dir is not None
    report = json.loads(res.report_json.read_text())
    assert report["validation"]["gml"] == "valid"
    assert report["core3d"] == {"file": "gebaeude_lod2_test_core3d.gml", "features": 2, "warnings": [],
                                "validation": "valid"}
    assert (res.published_dir / "gebaeude_lod2_test_core3d.gml").exists()
    assert (res.published_dir / "gebaeude_lod2_test.gml").exists()     # BU 2D as before
    # the download service offers it as its own entry, in the compound CRS its srsName states, and the
    # dataset's metadata points to it
    from metadata.dataset import resource_locators
    from services.download.opensearch import matching, offers
    manifest = json.loads((res.published_dir / "manifest.json").read_text())
    offered = {o.name: o for o in offers(manifest["files"], res.published_dir)}
    o3, o2 = offered["gebaeude_lod2_test_core3d.gml"], offered["gebaeude_lod2_test.gml"]
    assert o3.label == "INSPIRE GML 3.2, Gebäude 3D (BU core3D, LoD2)" and o3.crs_label.startswith("EPSG:25832 + EPSG:")
    found = re.search(r'srsName="(http://www\.opengis\.net/def/crs-compound\?[^"]+)"',
                      (res.published_dir / o3.name).read_text())   # the LoD2 surfaces' CRS
    assert found is not None
    srs = found.group(1).replace("&amp;", "&")
    assert o3.crs_uri == srs and o2.crs_uri == "http://www.opengis.net/def/crs/EPSG/0/25832"
    assert matching(list(offered.values()), srs, "application/gml+xml") == [o3]
    ds = load_dataset(tmp_path / "ds" / "dataset.yml")
    urls = [u for u, *_ in resource_locators(ds, manifest, "https://geo.example")]
    assert "https://geo.example/download/gebaeude_lod2_test/gebaeude_lod2_test_core3d.gml" in urls


def test_triangles_face_outwards_and_close_the_volume():
    """The triangles keep each ring's own orientation (CityGML: counter-clockwise seen from outside): over
    all roof, wall and ground triangles of the real building the divergence theorem gives a positive volume,
    between half and all of footprint area x measured height; every roof triangle faces up."""
    from citymodel.lod2 import surfaces_triangles, triangulate_polygon
    s = read_lod2(SAMPLE).iloc[0]["lod2"]
    warnings: list[str] = []
    tris = np.concatenate([triangulate_polygon(rings, gid, warnings) for _, gid, rings in s.polygons()])
    assert warnings == []
    c = tris - s.xyz.mean(axis=0)
    volume = float(np.einsum("ij,ij->i", c[:, 0], np.cross(c[:, 1], c[:, 2])).sum() / 6)
    area = shapely_area_of_ground(s)
    assert 0.5 * area * MEASURED < volume < area * MEASURED
    t, roof = surfaces_triangles(s, warnings)
    n = np.cross(t[:, 1] - t[:, 0], t[:, 2] - t[:, 0])
    assert roof.sum() > 0 and (n[roof][:, 2] > 0).all()


def test_utm33_file_is_moved_to_25832(tmp_path):
    """A LoD2 file in EPSG:25833 (Berlin, Brandenburg, Saxony deliver in zone 33) reads into the same
    EPSG:25832 coordinates as the original, heights unchanged."""
    from pyproj import Transformer
    t = Transformer.from_crs(25832, 25833, always_xy=True)

    def to33(m: re.Match) -> str:
        v = np.array(m.group(2).split(), float).reshape(-1, 3)
        x, y = t.transform(v[:, 0], v[:, 1])
        return m.group(1) + " ".join(f"{a:.4f} {b:.4f} {c:.3f}" for a, b, c in zip(x, y, v[:, 2], strict=True)) \
            + m.group(3)
    text = re.sub(r"(<gml:posList>)([^<]*)(</gml:posList>)", to33, SAMPLE.read_text(encoding="utf-8"))
    f = tmp_path / "utm33.gml"
    f.write_text(text.replace('srsName="EPSG:25832"', 'srsName="EPSG:25833"'), encoding="utf-8")
    a, b = read_lod2(SAMPLE).iloc[0], read_lod2(f).iloc[0]
    assert np.abs(a["lod2"].xyz - b["lod2"].xyz).max() < 0.002
    assert abs(a.geometry.area - b.geometry.area) < 0.5


def test_lod1_file_falls_back_to_footprints(tmp_path):
    """A real LGLN LoD1 tile (Lorup) through the same reader: no LoD2 surfaces, so every building is drawn
    by the footprint method (LoD1 blocks of its measured height) — the fallback of a mixed city."""
    from transforms.readers.citygml_lod2 import file_vertical
    f = LORUP / "LoD1_24065860_2_2021-01-25.gml"
    gdf = read_lod2(f)
    assert len(gdf) > 0 and gdf["lod2"].isna().all() and gdf["height_m"].notna().all()
    assert file_vertical(f) == "EPSG:5783"      # DHHN92 named in the AdV compound srsName
    rep = build_tileset(gdf, tmp_path / "t", CityModelOptions(workers=1, coarse=False))
    assert "lod2" not in rep["roofs"] and sum(rep["roofs"].values()) == rep["buildings"] == int(gdf["own_body"].sum())
    assert check_tileset(tmp_path / "t" / "tileset.json").problems == []
