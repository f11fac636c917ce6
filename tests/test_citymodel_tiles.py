"""City model end to end on 3,000 generated Hildesheim buildings: every glb through Khronos'
gltf-validator, the tileset's own invariants, placement on the globe per tile, incremental rebuild,
LoD1, meshopt, planned volumes."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from pyproj import Transformer

from citymodel.build import CityModelOptions, build_tileset
from citymodel.check import check_tileset, content_positions, is_coarse, read_glb, string_property
from citymodel.terrain import make_demo_dgm
from citymodel.tiling import ecef_to_geodetic
from core.area import HILDESHEIM_BBOX_25832
from tests.gltfcheck import gltf_validate
from transforms.generate.buildings import generate_buildings

ROOT = Path(__file__).resolve().parent.parent
N = 3000

@pytest.fixture(scope="module")
def city(tmp_path_factory):
    d = tmp_path_factory.mktemp("city")
    src = generate_buildings(N, d / "gebaeude.gpkg", seed=7)
    dgm = make_demo_dgm(d / "dgm.tif", HILDESHEIM_BBOX_25832)
    out = d / "tiles"
    rep = build_tileset(src, out, CityModelOptions(dgm=dgm, max_features=400))
    return {"src": src, "dgm": dgm, "out": out, "report": rep, "dir": d}


def extent_lonlat(gdf) -> tuple[float, float, float, float]:
    t = Transformer.from_crs(25832, 4326, always_xy=True)
    b = gdf.total_bounds
    lon, lat = t.transform([b[0], b[2], b[0], b[2]], [b[1], b[1], b[3], b[3]])
    return min(lon), min(lat), max(lon), max(lat)


def test_every_glb_passes_khronos_validator(city):
    files = sorted((city["out"] / "tiles").glob("*.glb"))
    assert len(files) == city["report"]["tiles"] + city["report"]["coarse_tiles"]
    assert city["report"]["tiles"] > 4 and city["report"]["coarse_tiles"] >= 1
    res = gltf_validate(files)
    bad = {Path(f).name: r for f, r in res.items() if r["errors"] or r["warnings"] or r["degenerate"]}
    assert not bad, bad


def test_tileset_invariants_and_feature_count(city):
    src = gpd.read_file(city["src"])
    res = check_tileset(city["out"] / "tileset.json", extent_lonlat(src))
    assert res.problems == []
    assert res.features == len(src) == N
    assert sorted(res.ids) == sorted(src["oid"])


def test_each_tile_lands_on_its_own_footprints(city):
    """Per tile: the content's vertices, through the root transform to ECEF and lon/lat, lie within
    1 m of the lon/lat extent of exactly the buildings the tile says it holds."""
    src = gpd.read_file(city["src"]).set_index("oid")
    ts = json.loads((city["out"] / "tileset.json").read_text())
    m = np.asarray(ts["root"]["transform"]).reshape(4, 4).T
    t = Transformer.from_crs(25832, 4326, always_xy=True)
    files = [f for f in sorted((city["out"] / "tiles").glob("*.glb")) if not is_coarse(read_glb(f)[0])]
    for f in files[:: max(1, len(files) // 8)]:
        gltf, blob = read_glb(f)
        b = src.loc[string_property(gltf, blob, "id")].total_bounds
        lon, lat = t.transform([b[0], b[2], b[0], b[2]], [b[1], b[1], b[3], b[3]])
        lon, lat = (min(lon), max(lon)), (min(lat), max(lat))
        pos = content_positions(gltf, blob)
        ecef = np.column_stack([pos, np.ones(len(pos))]) @ m.T
        plon, plat, _ = ecef_to_geodetic(ecef[:, :3])
        tol = 1.5e-5  # ~1 m
        assert plon.min() >= lon[0] - tol and plon.max() <= lon[1] + tol, f.name
        assert plat.min() >= lat[0] - tol and plat.max() <= lat[1] + tol, f.name


def test_check_detects_broken_tileset(city, tmp_path):
    """The checker is not a rubber stamp: a child box outside its parent, a non-decreasing geometric
    error and a misplaced root transform are reported."""
    ts = json.loads((city["out"] / "tileset.json").read_text())
    child = ts["root"]["children"][0]
    child["boundingVolume"]["box"][0] += 50_000
    child["geometricError"] = ts["root"]["geometricError"] + 1
    ts["root"]["transform"][12] += 30_000  # ~30 km east in ECEF x
    shutil.copytree(city["out"] / "tiles", tmp_path / "tiles")
    (tmp_path / "tileset.json").write_text(json.dumps(ts))
    src = gpd.read_file(city["src"])
    probs = "\n".join(check_tileset(tmp_path / "tileset.json", extent_lonlat(src)).problems)
    assert "not inside its parent" in probs
    assert "not below the parent" in probs
    assert "outside the footprints' extent" in probs
    del child["content"]
    (tmp_path / "tileset.json").write_text(json.dumps(ts))
    probs = "\n".join(check_tileset(tmp_path / "tileset.json").problems)
    assert "root/0: empty tile below the root" in probs


def test_report_counts_height_fallbacks_and_roofs(city):
    rep = city["report"]
    src = gpd.read_file(city["src"])
    hs = rep["height_sources"]
    assert sum(hs.values()) == N
    assert hs["measured"] == int((src["hoehe"] > 0).sum())
    assert hs["ridge_eaves"] == int(((src["hoehe"].isna()) & (src["firsthoehe"].notna() | src["traufhoehe"].notna()))
                                    .sum())
    unknown = int((~src["dachform"].isin([1000, 2100, 3100, 3200, 3300, 3400])).sum())
    assert rep["roof_unknown_as_flat"] == unknown > 0
    assert sum(rep["roofs"].values()) == N
    assert rep["roofs"]["gable"] > 0 and rep["roofs"]["hip"] > 0 and rep["roofs"]["shed"] > 0
    assert rep["warnings"] == []


def test_incremental_rebuild_only_changed_tile(city, tmp_path):
    src = tmp_path / "b.gpkg"
    shutil.copy(city["src"], src)
    out = tmp_path / "tiles"
    opts = CityModelOptions(dgm=city["dgm"], max_features=400)
    first = build_tileset(src, out, opts)
    assert first["kept_tiles"] == 0
    before = {p.name: p.stat().st_mtime_ns for p in (out / "tiles").glob("*.glb")}
    gdf = gpd.read_file(src)
    key = gdf.loc[1234, "oid"]
    gdf.loc[1234, "hoehe"] = 42.0
    gdf.to_file(src, layer="gebaeude", driver="GPKG")
    second = build_tileset(src, out, opts)
    assert len(second["rebuilt_tiles"]) == 1 and second["kept_tiles"] == first["tiles"] - 1
    tid = second["rebuilt_tiles"][0]
    # the leaf and exactly those of its ancestors that carry generalised blocks
    lvl, x, y = (int(v) for v in tid.split("_"))
    parents = json.loads((out / "state.json").read_text())["parents"]
    ancestors = [f"{lvl - k}_{x >> k}_{y >> k}" for k in range(1, lvl + 1)]
    with_blocks = sorted(a for a in ancestors if parents[a]["blocks"])
    assert with_blocks and second["rebuilt_parent_tiles"] == with_blocks
    after = {p.name: p.stat().st_mtime_ns for p in (out / "tiles").glob("*.glb")}
    changed = sorted(n for n in after if after[n] != before[n])
    assert changed == sorted([f"{tid}.glb", *(f"{a}.glb" for a in with_blocks)])
    gltf, blob = read_glb(out / "tiles" / f"{tid}.glb")
    assert key in string_property(gltf, blob, "id")
    assert check_tileset(out / "tileset.json").problems == []


def test_lod1_and_meshopt_variants_validate(city, tmp_path):
    src = city["src"]
    rep1 = build_tileset(src, tmp_path / "lod1", CityModelOptions(lod=1, max_features=1000, quantize=False))
    assert rep1["roofs"] == {"lod1": N}
    assert "no DGM" in rep1["warnings"][0]
    rep2 = build_tileset(src, tmp_path / "mo", CityModelOptions(max_features=1000, meshopt=True))
    assert rep2["bytes"] < city["report"]["bytes"] * 0.7
    files = sorted((tmp_path / "lod1" / "tiles").glob("*.glb")) + sorted((tmp_path / "mo" / "tiles").glob("*.glb"))
    res = gltf_validate(files)
    assert all(r["errors"] == 0 for r in res.values()), res
    assert check_tileset(tmp_path / "lod1" / "tileset.json").problems == []
    assert check_tileset(tmp_path / "mo" / "tileset.json").features == N
    # EXT_meshopt_compression's streams: attributes start with header byte 0xa0 (codec version 0; meshoptimizer's
    # newer 0xa1 is not part of the extension), triangles with 0xe1
    gltf, blob = read_glb(next((tmp_path / "mo" / "tiles").glob("*.glb")))
    heads = {(e := v["extensions"]["EXT_meshopt_compression"])["mode"]: blob[e["byteOffset"]]
             for v in gltf["bufferViews"] if "extensions" in v}
    assert heads == {"ATTRIBUTES": 0xA0, "TRIANGLES": 0xE1}, heads


def test_planned_volumes_tileset(tmp_path):
    from citymodel.planned import build_planned_tileset, demo_volumes
    vols = demo_volumes()
    rep = build_planned_tileset(vols, tmp_path / "planned" / "v1", "Variante 1")
    assert rep["buildings"] == 3
    res = check_tileset(tmp_path / "planned" / "v1" / "tileset.json", extent_lonlat(vols))
    assert res.problems == [] and sorted(res.ids) == ["plan-1", "plan-2", "plan-3"]
    gltf, _ = read_glb(next((tmp_path / "planned" / "v1" / "tiles").glob("*.glb")))
    assert gltf["materials"][0]["pbrMetallicRoughness"]["baseColorFactor"][2] > 0.9  # planned colour
    assert gltf_validate(sorted((tmp_path / "planned" / "v1" / "tiles").glob("*.glb")))


def test_dask_localcluster_builds_identical_tiles(city, tmp_path):
    """Scale-out path: the same tiles built on a dask.distributed LocalCluster are byte-identical to the
    process-pool build (tiles are plain functions of their job)."""
    from distributed import Client, LocalCluster
    gdf = gpd.read_file(city["src"]).iloc[:600]
    src = tmp_path / "small.gpkg"
    gdf.to_file(src, layer="gebaeude", driver="GPKG")
    opts = CityModelOptions(dgm=city["dgm"], max_features=100)
    local = build_tileset(src, tmp_path / "local", opts)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        dist = build_tileset(src, tmp_path / "dask", opts, client=client)
    assert dist["tiles"] == local["tiles"] > 1
    for f in sorted((tmp_path / "local" / "tiles").glob("*.glb")):
        assert (tmp_path / "dask" / "tiles" / f.name).read_bytes() == f.read_bytes(), f.name
    assert (tmp_path / "dask" / "tileset.json").read_text() == (tmp_path / "local" / "tileset.json").read_text()


def test_cli_builds_checks_and_reports_rebuilt_tiles(city, tmp_path):
    import os
    import sys
    gdi = str(Path(sys.executable).parent / "gdi")
    gdf = gpd.read_file(city["src"]).iloc[:400]
    src = tmp_path / "b.gpkg"
    gdf.to_file(src, layer="gebaeude", driver="GPKG")
    env = dict(os.environ, GDI_VAR=str(tmp_path / "var"))
    args = [gdi, "citymodel", "--input", str(src), "--dgm", str(city["dgm"]), "--max-features", "100", "--check"]
    r = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert r.returncode == 0, r.stderr
    assert "check: ok" in r.stdout and "400 buildings" in r.stdout
    assert ", 400 features, " in r.stdout and " block tiles, " in r.stdout
    assert (tmp_path / "var" / "3dtiles" / "buildings" / "tileset.json").exists()
    gdf.loc[5, "dachform"] = 3200
    gdf.to_file(src, layer="gebaeude", driver="GPKG")
    r = subprocess.run([*args, "--json"], env=env, capture_output=True, text=True, timeout=600, check=False)
    rep = json.loads(r.stdout[r.stdout.index("{"):])
    assert len(rep["rebuilt_tiles"]) == 1 and rep["kept_tiles"] == rep["tiles"] - 1
