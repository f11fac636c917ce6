"""Generalised block content of the parent tiles (citymodel.coarse): what merges, what stays, what
disappears, and how the tileset uses it (REPLACE, geometric error, incremental rebuild)."""
from __future__ import annotations

import json

import numpy as np
import pytest
import shapely

from citymodel.build import CityModelOptions, build_tileset
from citymodel.check import check_tileset, is_coarse, read_glb
from citymodel.coarse import MIN_TOLERANCE, generalise, geometric_error, has_content, tolerance
from transforms.generate.buildings import generate_buildings

X0, Y0 = 564_000.0, 5_778_000.0
BOUNDS = (X0, Y0, X0 + 1000, Y0 + 1000)


def box(x, y, w=12.0, h=10.0):
    return shapely.box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + h)


def run(geoms, heights, d=10.0, ground=None):
    g = np.array(geoms, dtype=object)
    h = np.asarray(heights, float)
    return generalise(g, h, np.zeros(len(g)) if ground is None else np.asarray(ground, float), d, BOUNDS)


def test_terraced_houses_merge_into_one_block_at_their_mean_height():
    # a terrace of 8 houses, 2 m apart, 8-10 m high, on cells of 10 m
    houses = [box(100 + i * 14, 100) for i in range(8)]
    polys, tops, _, counts = run(houses, [8, 9, 10, 9, 8, 9, 10, 9])
    assert len(polys) == 1 and counts[0] == 8
    assert tops[0] == pytest.approx(9.0, abs=1.5)             # one 3 m class around the mean
    terrace = shapely.union_all(houses)
    assert shapely.area(shapely.intersection(polys[0], terrace)) > 0.9 * shapely.area(terrace)


def test_distant_groups_stay_apart_and_a_tower_keeps_its_height():
    west = [box(100 + i * 14, 100) for i in range(6)]
    east = [box(600 + i * 14, 600) for i in range(6)]
    tower = box(128, 100, 14, 14)                            # replaces the third house of the west group
    geoms = [*west[:2], tower, *west[3:], *east]
    heights = [9, 9, 45, 9, 9, 9] + [12] * 6
    polys, tops, _, counts = run(geoms, heights)
    assert counts.sum() == 12
    assert max(tops) == pytest.approx(45, abs=3)             # the tower is its own block
    east_blocks = [i for i, p in enumerate(polys) if shapely.intersects(p, shapely.union_all(east))]
    assert len(east_blocks) == 1 and tops[east_blocks[0]] == pytest.approx(12, abs=1.5)
    assert not any(shapely.intersects(polys[i], shapely.union_all(west)) for i in east_blocks)


def test_thin_scatter_disappears_and_blocks_stand_on_their_lowest_base():
    sheds = [box(50 + 80 * i, 50 + 70 * j, 3, 3) for i in range(5) for j in range(5)]   # 9 m² per 100 m² cell
    assert len(run(sheds, [3] * 25)[0]) == 0
    houses = [box(300 + i * 14, 300) for i in range(4)]
    _, _, bases, _ = run(houses, [9] * 4, ground=[101.0, 99.5, 100.2, 100.0])
    assert bases.tolist() == [99.5]


def test_tolerance_and_geometric_error_by_tile_side():
    assert tolerance(16_000) == 40 and geometric_error(16_000) == 160
    assert tolerance(4_000) == 10 and geometric_error(4_000) == 40
    assert has_content(4_000) and not has_content(2_000)
    assert tolerance(2_000) < MIN_TOLERANCE


@pytest.fixture(scope="module")
def dense_city(tmp_path_factory):
    d = tmp_path_factory.mktemp("coarse")
    src = generate_buildings(20_000, d / "gebaeude.gpkg", seed=11)
    rep = build_tileset(src, d / "tiles", CityModelOptions(max_features=2000))
    return {"out": d / "tiles", "report": rep}


def test_parents_carry_blocks_that_their_children_replace(dense_city):
    out, rep = dense_city["out"], dense_city["report"]
    ts = json.loads((out / "tileset.json").read_text())
    res = check_tileset(out / "tileset.json")
    assert res.problems == []
    assert res.features == 20_000 and res.coarse_tiles == rep["coarse_tiles"] >= 1 and res.blocks > 0
    root = ts["root"]
    assert root["refine"] == "REPLACE" and "content" in root
    side = 2 ** round(np.log2(root["geometricError"] * 100 / 1000)) * 1000
    assert root["geometricError"] == geometric_error(side)

    def walk(tile, depth=0):
        assert depth == 0 or "content" in tile        # no empty tile that could stop the refinement
        if "children" in tile:
            assert tile["refine"] == "REPLACE"
            for ch in tile["children"]:
                assert ch["geometricError"] < tile["geometricError"]
                walk(ch, depth + 1)
        else:
            assert tile["geometricError"] == 0 and "content" in tile
    walk(root)
    # generalised content is much smaller than what it replaces
    leaves = sum(f.stat().st_size for f in (out / "tiles").glob("*.glb") if not is_coarse(read_glb(f)[0]))
    assert (out / "tiles" / "0_0_0.glb").stat().st_size < leaves / 10
