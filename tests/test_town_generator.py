"""The demo town generator (transforms/generate/town*.py): layout, schema, determinism, prefix order."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely

from transforms.generate import GENERATORS
from transforms.generate.town import TownError, build_town, generate_town
from transforms.generate.town_plan import EXTENT, GREENFIELD, MARKT

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"gebaeude", "strassen", "strassenflaechen", "bloecke", "gewaesser", "gruen", "adressen"}


@pytest.fixture(scope="module")
def town3k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_town(3000, tmp_path_factory.mktemp("town") / "town.gpkg")


def test_layers_schema_and_extent(town3k: Path) -> None:
    assert {name for name, _ in pyogrio.list_layers(town3k)} == LAYERS
    b = gpd.read_file(town3k, layer="gebaeude")
    ref = pyogrio.read_info(ROOT / "datasets" / "gebaeude" / "gebaeude_hildesheim_beispiel.gpkg", layer="gebaeude")
    info = pyogrio.read_info(town3k, layer="gebaeude")
    assert list(info["fields"]) == list(ref["fields"]) and list(info["dtypes"]) == list(ref["dtypes"])
    assert info["geometry_type"] == ref["geometry_type"]
    assert len(b) == 3000 and b.crs.to_epsg() == 25832 and b.oid.is_unique
    minx, miny, maxx, maxy = EXTENT
    for layer in LAYERS:
        x0, y0, x1, y1 = gpd.read_file(town3k, layer=layer).total_bounds
        assert minx - 1 <= x0 and x1 <= maxx + 1 and miny - 1 <= y0 and y1 <= maxy + 1, layer
    # the first 3,000 are the old town: within ~700 m of the Marktplatz, 2-5 storeys, dense
    d = np.hypot(b.centroid.x - MARKT[0], b.centroid.y - MARKT[1])
    assert d.max() < 800 and b.anzahlDerOberirdischenGeschosse.between(1, 5).all()
    assert b.anzahlDerOberirdischenGeschosse.median() >= 3
    assert not shapely.union_all(b.geometry.values).is_empty
    streets = gpd.read_file(town3k, layer="strassen")
    assert set(streets["class"]) == {"hauptstrasse", "sammelstrasse", "wohnstrasse", "fussweg"}
    for nm in ("Almsstraße", "Hoher Weg", "Osterstraße", "Schuhstraße", "Peiner Straße", "Goslarsche Straße",
               "Marienburger Straße", "Steuerwalder Straße", "Senator-Braun-Allee", "Schützenallee"):
        assert nm in set(streets.name), nm
    blocks = gpd.read_file(town3k, layer="bloecke")
    assert set(blocks.use) == {"altstadt", "wohnen", "gewerbe", "industrie", "gruen"}
    assert blocks.former_industrial.any()


def test_river_parks_and_greenfield() -> None:
    town = build_town(1)
    river: Any = dict(town.layout.water)["Innerste"]
    x0, y0, x1, y1 = river.bounds
    assert x0 > 563_700 and x1 < 564_300 and y1 - y0 > 11_000  # south to north through the whole extent
    width = river.area / (y1 - y0)
    assert 20 <= width <= 32
    names = {g[0] for g in town.layout.green}
    assert {"Liebesgrund", "Hohnsen", "Ehrenfriedhof", "Innerste-Aue", "Wallanlagen"} <= names
    assert "Hohnsensee" in dict(town.layout.water)
    # the planned field stays empty, with houses on all four sides
    field = shapely.box(*GREENFIELD)
    g = town.geom
    assert not shapely.intersects(g, field).any()
    fx0, fy0, fx1, fy1 = GREENFIELD
    for side in (shapely.box(fx0 - 150, fy0, fx0, fy1), shapely.box(fx1, fy0, fx1 + 150, fy1),
                 shapely.box(fx0, fy0 - 150, fx1, fy0), shapely.box(fx0, fy1, fx1, fy1 + 150)):
        hit = shapely.intersects(g, side)
        assert hit.sum() >= 5 and (town.attrs["gebaeudefunktion"][hit] == 1000).any()
    assert not shapely.intersects(g, river).any()
    # no two footprints overlap (beyond rounding of shared walls)
    tree = shapely.STRtree(g)
    i, j = tree.query(g, predicate="overlaps")
    if len(i):
        assert shapely.area(shapely.intersection(g[i], g[j])).max() <= 0.05


def test_addresses_odd_left_even_right() -> None:
    town = build_town(1)
    st, hn = town.attrs["strasse"], town.attrs["hausnummer"]
    has = np.array([s is not None for s in st])
    assert has.mean() > 0.75  # garages and barns have no address
    pairs = list(zip(st[has], hn[has], strict=True))
    assert len(set(pairs)) == len(pairs)
    # along each street the odd numbers lie on one side, the even on the other
    for name in ("Almsstraße", "Hoher Weg", "Osterstraße", "Peiner Straße"):
        parts = [g for nm, _, _, g in town.layout.streets if nm == name]
        line: Any = max(parts, key=lambda p: p.length)
        m = (st == name) & has
        pts = shapely.points(town.front[m])
        along = shapely.line_locate_point(line, pts)
        # beside the line (not off its ends, where left and right are undefined)
        near = (shapely.distance(pts, line) < 12) & (along > 2) & (along < line.length - 2)
        s = along[near]
        a = shapely.get_coordinates(shapely.line_interpolate_point(line, s - 1))
        b = shapely.get_coordinates(shapely.line_interpolate_point(line, s + 1))
        rel = town.front[m][near] - a
        left = ((b - a)[:, 0] * rel[:, 1] - (b - a)[:, 1] * rel[:, 0]) > 0
        odd = np.array([int(v) % 2 == 1 for v in hn[m][near]])
        assert near.sum() >= 6 and odd.any() and (~odd).any(), name
        assert (left == odd).all() or (left != odd).all(), name


def test_prefix_and_determinism_across_runs(town3k: Path, tmp_path: Path) -> None:
    """``gdi generate town 300`` in a fresh process = the first 300 of the 3,000 written here."""
    out = tmp_path / "t300.gpkg"
    r = subprocess.run([str(Path(sys.executable).parent / "gdi"), "generate", "town", "300", str(out)],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    a = gpd.read_file(out, layer="gebaeude")
    b = gpd.read_file(town3k, layer="gebaeude").iloc[:300]
    assert a.drop(columns="geometry").equals(b.drop(columns="geometry"))
    assert shapely.equals_exact(a.geometry.values, b.geometry.values, 0).all()
    assert GENERATORS.get("town") is generate_town


def test_too_many_buildings(tmp_path: Path) -> None:
    with pytest.raises(TownError, match="demo town has"):
        generate_town(10_000_000, tmp_path / "x.gpkg")


def test_city_model_accepts_the_town(town3k: Path, tmp_path: Path) -> None:
    from citymodel.build import CityModelOptions, build_tileset
    rep = build_tileset(town3k, tmp_path / "tiles", CityModelOptions(layer="gebaeude", workers=1))
    assert rep["buildings"] == 3000 and rep["bytes"] > 100_000
