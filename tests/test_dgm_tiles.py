"""DGM1 tiles as a mosaic for base heights (citymodel.dgm_tiles + citymodel.terrain).

Four generated 200 x 200 m tiles at 1 m of a known surface z = 80 + 0.01 x + 0.02 y (tile-local metres
from the mosaic's south-west corner, cell centres on .5 m like LGLN's DGM1) with a 1 m wide, 2 m deep
trench, written as GeoTIFF and as LGLN-style XYZ (``x y z``, ascending northing): the mosaic must give
the surface's value in every tile and across the tile borders, XYZ and GeoTIFF alike, at full resolution
(the trench), NaN in gaps and on nodata; bad input is a SourceError naming the file and the value.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import rasterio
from affine import Affine

from citymodel import terrain as terrain_mod
from citymodel.terrain import Terrain
from core.errors import SourceError
from tests.gltfcheck import block_heights

X0, Y0, T = 564_000.0, 5_778_000.0, 200   # mosaic south-west corner; tile size (m = cells)
TILES = [(i, j) for j in (0, 1) for i in (0, 1)]
TRENCH_COL, TRENCH_ROWS = 123, (100, 120)    # local column 123 (x 123..124 m), y 100..120 m: 2 m deeper


def surface(x, y) -> np.ndarray:
    """The height of the 1 m cell holding (x, y)."""
    cx, cy = np.floor(np.asarray(x) - X0), np.floor(np.asarray(y) - Y0)
    z = 80.0 + 0.01 * (cx + 0.5) + 0.02 * (cy + 0.5)
    trench = (cx == TRENCH_COL) & (cy >= TRENCH_ROWS[0]) & (cy < TRENCH_ROWS[1])
    return np.where(trench, z - 2.0, z)


def _tile_grid(i: int, j: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, y, z) of tile (i, j)'s cell centres, rows north to south."""
    xs = X0 + i * T + 0.5 + np.arange(T)
    ys = Y0 + (j + 1) * T - 0.5 - np.arange(T)
    gx, gy = np.meshgrid(xs, ys)
    return gx, gy, surface(gx, gy)


def _name(i: int, j: int, ext: str) -> str:
    return f"dgm1_32_{int(X0 + i * T)}_{int(Y0 + j * T)}_ni.{ext}"


def write_tif(folder: Path, i: int, j: int, crs: str = "EPSG:25832", holes: bool = False) -> Path:
    _, _, z = _tile_grid(i, j)
    z = z.astype(np.float32)
    if holes:
        z[:10, :10] = -9999.0
    path = folder / _name(i, j, "tif")
    with rasterio.open(path, "w", driver="GTiff", width=T, height=T, count=1, dtype="float32", crs=crs,
                       transform=Affine(1.0, 0.0, X0 + i * T, 0.0, -1.0, Y0 + (j + 1) * T), nodata=-9999.0) as ds:
        ds.write(z, 1)
    return path


def write_xyz(folder: Path, i: int, j: int, holes: bool = False) -> Path:
    gx, gy, z = _tile_grid(i, j)
    a = np.column_stack([gx[::-1].ravel(), gy[::-1].ravel(), z[::-1].ravel()])  # ascending northing
    if holes:   # north-west 10 x 10 cells: nodata value, and the 10 cells east of them missing entirely
        nw = (a[:, 0] < X0 + i * T + 10) & (a[:, 1] > Y0 + (j + 1) * T - 10)
        a[nw, 2] = -9999.0
        a = a[~((a[:, 0] >= X0 + i * T + 10) & (a[:, 0] < X0 + i * T + 20) & (a[:, 1] > Y0 + (j + 1) * T - 10))]
    path = folder / _name(i, j, "xyz")
    np.savetxt(path, a, fmt="%.2f %.2f %.3f")
    return path


def make_tiles(folder: Path, fmt: str, skip: tuple[int, int] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for k, (i, j) in enumerate(TILES):
        if (i, j) == skip:
            continue
        xyz = fmt == "xyz" or (fmt == "mixed" and k % 2 == 0)
        (write_xyz if xyz else write_tif)(folder, i, j)
    return folder


@pytest.fixture(scope="module")
def tiles(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("dgm")
    return {fmt: make_tiles(d / fmt, fmt) for fmt in ("tif", "xyz", "mixed")}


def _terrain(spec, tmp_path: Path) -> Terrain:
    return Terrain(spec, cache_dir=tmp_path / "cache")


def _points(n: int = 2000, seed: int = 3) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x, y = X0 + rng.uniform(0, 2 * T, n), Y0 + rng.uniform(0, 2 * T, n)
    # across the tile borders: a hair on either side of x = X0+200 and y = Y0+200, and the corner
    e = np.array([-0.01, 0.01])
    bx = np.concatenate([X0 + T + e, X0 + T + e, X0 + 50.3 + 0 * e, X0 + 350.7 + 0 * e])
    by = np.concatenate([Y0 + 40.2 + 0 * e, Y0 + T + e, Y0 + T + e, Y0 + T + e])
    return np.concatenate([x, bx]), np.concatenate([y, by])


# -- the mosaic -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["tif", "xyz", "mixed"])
def test_mosaic_samples_the_surface_in_each_tile_and_across_borders(tiles, tmp_path, fmt):
    t = _terrain(tiles[fmt], tmp_path)
    assert t.bounds == pytest.approx((X0, Y0, X0 + 2 * T, Y0 + 2 * T)) and t.res == (1.0, 1.0)
    assert t.source.suffix == ".vrt"
    x, y = _points()
    assert np.abs(t.sample(x, y) - surface(x, y)).max() < 1e-3
    for i, j in TILES:  # each tile holds points
        inside = (x >= X0 + i * T) & (x < X0 + (i + 1) * T) & (y >= Y0 + j * T) & (y < Y0 + (j + 1) * T)
        assert inside.sum() > 100
    gx, gy = np.meshgrid(X0 + 0.5 + np.arange(2 * T), Y0 + 0.5 + np.arange(2 * T))
    assert t.min == pytest.approx(float(surface(gx, gy).min()), abs=1e-3)   # the trench's bottom
    assert np.isnan(t.sample(np.array([X0 - 0.5, X0 + 10]), np.array([Y0 + 10, Y0 + 2 * T + 0.5]))).all()


def test_xyz_and_geotiff_tiles_of_one_surface_give_the_same_heights(tiles, tmp_path):
    import shapely
    a, b = _terrain(tiles["xyz"], tmp_path), _terrain(tiles["tif"], tmp_path)
    x, y = _points(20_000, seed=5)
    assert np.abs(a.sample(x, y) - b.sample(x, y)).max() < 1e-3
    boxes = shapely.box(x[:500], y[:500], x[:500] + 9.3, y[:500] + 7.1)
    ha, hb = a.base_heights(boxes), b.base_heights(boxes)
    inside = (x[:500] + 9.3 < X0 + 2 * T) & (y[:500] + 7.1 < Y0 + 2 * T)
    assert np.isfinite(ha[inside]).all() and np.abs(ha - hb)[inside].max() < 1e-3


def test_full_resolution_sees_a_1m_trench_the_decimated_read_blurs(tiles, tmp_path, monkeypatch):
    import shapely
    monkeypatch.setattr(terrain_mod, "MAX_CELLS", 50 * 50)   # the old whole-raster read: 8 m cells here
    t = _terrain(tiles["mixed"], tmp_path)
    # a 10 x 10 m building whose west wall stands in the trench (x 123.4 m), the other one 3 m east of it
    west = X0 + TRENCH_COL + 0.4
    in_trench = shapely.box(west, Y0 + 105.2, west + 10, Y0 + 115.2)
    beside = shapely.box(west + 3, Y0 + 105.2, west + 13, Y0 + 115.2)
    h = t.base_heights(np.array([in_trench, beside]))
    expect = [float(surface(west, Y0 + 105.2)), float(surface(west + 3, Y0 + 105.2))]
    assert h == pytest.approx(expect, abs=1e-3)
    assert h[1] - h[0] == pytest.approx(2.03, abs=1e-3)     # 2 m trench + 3 cells x 0.01
    # the decimated overview (what the old code sampled) does not see it
    z, dx, dy = t.z, t.dx, t.dy
    assert z.shape == (50, 50) and dx == pytest.approx(8.0)
    r, c = int((t.bounds[3] - (Y0 + 105.2)) / dy), int((west - t.bounds[0]) / dx)
    assert z[r, c] > expect[0] + 1.0


def test_gaps_between_tiles_and_nodata_stay_nan(tmp_path):
    folder = tmp_path / "gappy"
    folder.mkdir()
    write_tif(folder, 0, 0, holes=True)
    write_xyz(folder, 1, 0, holes=True)
    write_tif(folder, 0, 1)            # tile (1, 1) missing: a gap
    t = _terrain(folder, tmp_path)
    x = np.array([X0 + 3.5, X0 + T + 3.5, X0 + T + 15.5, X0 + 300.5, X0 + 50.5, X0 + T + 50.5])
    y = np.array([Y0 + T - 3.5, Y0 + T - 3.5, Y0 + T - 3.5, Y0 + 300.5, Y0 + 300.5, Y0 + 50.5])
    z = t.sample(x, y)
    assert np.isnan(z[:4]).all()       # tif nodata, xyz -9999, xyz missing points, the missing tile
    assert z[4:] == pytest.approx(surface(x[4:], y[4:]), abs=1e-3)
    import shapely
    half = shapely.box(X0 + T - 5.5, Y0 + 300.5, X0 + T + 5.5, Y0 + 310.5)   # half over the gap
    gone = shapely.box(X0 + 300.5, Y0 + 300.5, X0 + 310.5, Y0 + 310.5)
    h = t.base_heights(np.array([half, gone]))
    assert h[0] == pytest.approx(float(surface(X0 + T - 5.5, Y0 + 300.5)), abs=1e-3) and np.isnan(h[1])


def test_all_accepted_forms_give_the_same_heights(tiles, tmp_path):
    x, y = _points(300)
    inside = (x < X0 + T) & (y < Y0 + T)
    ref = surface(x, y)
    one_xyz = tiles["xyz"] / _name(0, 0, "xyz")
    mixed_list = [tiles["xyz"] / _name(0, 0, "xyz"), tiles["tif"] / _name(1, 0, "tif"),
                  tiles["tif"] / _name(0, 1, "tif"), tiles["xyz"] / _name(1, 1, "xyz")]
    forms: list = [tiles["mixed"], str(tiles["mixed"] / "*"), sorted(tiles["mixed"].iterdir()), mixed_list]
    for spec in forms:
        t = _terrain(spec, tmp_path)
        assert np.abs(t.sample(x, y) - ref).max() < 1e-3, spec
    vrt = _terrain(tiles["tif"], tmp_path).source
    assert np.abs(_terrain(vrt, tmp_path).sample(x, y) - ref).max() < 1e-3     # a .vrt given as it is
    t = _terrain(one_xyz, tmp_path)                                             # a single XYZ tile
    assert t.source.suffix == ".tif" and np.abs(t.sample(x, y) - ref)[inside].max() < 1e-3
    t = _terrain(tiles["tif"] / _name(0, 0, "tif"), tmp_path)                 # one GeoTIFF: no copy
    assert t.source == tiles["tif"] / _name(0, 0, "tif")


def test_xyz_tiles_are_converted_once_and_again_when_changed(tmp_path):
    folder = make_tiles(tmp_path / "t", "xyz")
    cache = tmp_path / "cache"
    Terrain(folder, cache_dir=cache)
    first = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.tif")}
    assert len(first) == 4
    Terrain(folder, cache_dir=cache)
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("*.tif")} == first
    f = folder / _name(0, 0, "xyz")
    a = np.loadtxt(f)
    a[:, 2] += 1.0
    np.savetxt(f, a, fmt="%.2f %.2f %.3f")
    t = Terrain(folder, cache_dir=cache)
    assert len(list(cache.glob("*.tif"))) == 5
    assert t.sample(np.array([X0 + 10.5]), np.array([Y0 + 10.5]))[0] == pytest.approx(
        float(surface(X0 + 10.5, Y0 + 10.5)) + 1.0, abs=1e-3)


@pytest.mark.parametrize("variant", ["header", "semicolon", "tabs-and-blanks", "gzip", "random-order"])
def test_xyz_dialects_read_alike(tmp_path, variant):
    """Other states' XYZ dialects: a header line, ``x;y;z;``, tabs/several blanks, .xyz.gz, unsorted."""
    import gzip
    gx, gy, z = _tile_grid(0, 0)
    a = np.column_stack([gx.ravel(), gy.ravel(), z.ravel()])[:4000]   # the 20 northern rows
    if variant == "random-order":
        a = a[np.random.default_rng(1).permutation(len(a))]
    fmt = {"semicolon": "{:.2f};{:.2f};{:.3f};", "tabs-and-blanks": "{:.2f}\t {:.2f}  {:.3f} "}.get(
        variant, "{:.2f} {:.2f} {:.3f}")
    text = ("X Y Z\n" if variant == "header" else "") + "".join(fmt.format(*r) + "\n" for r in a)
    f = tmp_path / ("t.xyz.gz" if variant == "gzip" else "t.xyz")
    if variant == "gzip":
        f.write_bytes(gzip.compress(text.encode()))
    else:
        f.write_text(text)
    t = _terrain(f, tmp_path)
    assert t.bounds == pytest.approx((X0, Y0 + T - 20, X0 + T, Y0 + T))
    x, y = gx.ravel()[:4000] + 0.2, gy.ravel()[:4000] - 0.3
    assert np.abs(t.sample(x, y) - surface(x, y)).max() < 1e-3


# -- bad input ------------------------------------------------------------------------------------------
def _bad_line(folder: Path) -> tuple[Path, list[str]]:
    f = write_xyz(folder, 0, 0)
    lines = f.read_text().splitlines()
    lines[56] = "564010.50 5778000.50 81,25x"
    f.write_text("\n".join(lines) + "\n")
    return folder, [str(f), "line 57", "81,25x", "three numbers"]


def _two_numbers(folder: Path) -> tuple[Path, list[str]]:
    f = write_xyz(folder, 0, 0)
    lines = f.read_text().splitlines()
    lines[1999] = "564199.50 5778009.50"
    f.write_text("\n".join(lines) + "\n")
    return f, [str(f), "line 2000", "564199.50 5778009.50"]


def _irregular(folder: Path) -> tuple[Path, list[str]]:
    f = folder / "irregular.xyz"
    xs = [0.5, 1.5, 2.5, 3.5, 4.5, 5.8, 6.5, 7.5, 8.5, 9.5]    # one column 0.3 m off the 1 m grid
    f.write_text("".join(f"{X0 + x:.2f} {Y0 + y:.2f} 80.00\n" for y in (0.5, 1.5, 2.5) for x in xs))
    return f, [str(f), "regular grid", "564005.8", "field 'x'", "line 6"]


def _wrong_crs(folder: Path) -> tuple[Path, list[str]]:
    write_tif(folder, 0, 0)
    bad = write_tif(folder, 1, 0, crs="EPSG:31467")
    return folder, [str(bad), "EPSG:25832", "31467"]


def _empty_folder(folder: Path) -> tuple[Path, list[str]]:
    (folder / "readme.txt").write_text("no tiles here")
    return folder, [str(folder), "no tiles"]


def _no_match(folder: Path) -> tuple[str, list[str]]:
    return str(folder / "dgm1_*.xyz"), [str(folder / "dgm1_*.xyz"), "no DGM tiles match"]


@pytest.mark.parametrize("case", [_bad_line, _two_numbers, _irregular, _wrong_crs, _empty_folder, _no_match],
                         ids=lambda f: f.__name__.strip("_"))
def test_bad_input_is_a_source_error_naming_file_and_value(tmp_path, case: Callable):
    folder = tmp_path / "in"
    folder.mkdir()
    spec, expected = case(folder)
    with pytest.raises(SourceError) as exc:
        Terrain(spec, cache_dir=tmp_path / "cache")
    for s in expected:
        assert s in str(exc.value), (s, str(exc.value))


# -- end to end -----------------------------------------------------------------------------------------
def test_cli_citymodel_with_a_dgm_folder(tiles, tmp_path):
    import geopandas as gpd
    import shapely
    corners = [(30.3, 40.2), (250.4, 60.7), (70.6, 280.1), (310.2, 330.3), (195.3, 195.6),
               (TRENCH_COL + 0.4, 105.2)]
    geoms = [shapely.box(X0 + x, Y0 + y, X0 + x + 10, Y0 + y + 8) for x, y in corners]
    gdf = gpd.GeoDataFrame({"oid": [f"DENIDGM{k:04d}" for k in range(len(geoms))], "gebaeudefunktion": 1000,
                            "anzahlDerOberirdischenGeschosse": 2, "dachform": 1000, "hoehe": 7.0},
                           geometry=geoms, crs="EPSG:25832")
    src = tmp_path / "b.gpkg"
    gdf.to_file(src, layer="gebaeude", driver="GPKG")
    out = tmp_path / "tiles"
    env = dict(os.environ, GDI_VAR=str(tmp_path / "var"))
    gdi = str(Path(sys.executable).parent / "gdi")
    r = subprocess.run([gdi, "citymodel", "--input", str(src), "--dgm", str(tiles["mixed"]), "--out", str(out),
                        "--lod", "1", "--no-coarse", "--no-quantize", "--vertical", "absolute", "--workers", "1",
                        "--json"], env=env, capture_output=True, text=True, timeout=600, check=False)
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout[r.stdout.index("{"):])
    assert rep["buildings"] == len(geoms) and not any("outside the DGM" in w for w in rep["warnings"])
    assert list((tmp_path / "var" / "cache" / "dgm").glob("*.vrt"))   # the mosaic sits in the var cache
    blocks = {k: lo for k, (lo, _hi) in block_heights(out).items()}
    expect = {f"DENIDGM{k:04d}": float(surface(X0 + x, Y0 + y)) for k, (x, y) in enumerate(corners)}
    ref = "DENIDGM0000"
    for key, z in expect.items():   # the lowest corner is the south-west one on this surface
        assert blocks[key] - blocks[ref] == pytest.approx(z - expect[ref], abs=0.03), key


def test_city_model_fingerprint_follows_the_tiles_of_a_dgm_folder(tmp_path):
    """A tile rewritten in place (the folder's own mtime stays) must still count as a new DGM."""
    from citymodel.build import CityModelOptions
    folder = make_tiles(tmp_path / "t", "tif")
    single = folder / _name(0, 0, "tif")
    st = single.stat()
    assert CityModelOptions(dgm=single).fingerprint() != CityModelOptions(dgm=folder).fingerprint()
    before = CityModelOptions(dgm=folder).fingerprint()
    os.utime(folder / _name(1, 1, "tif"), ns=(st.st_atime_ns, st.st_mtime_ns - 5_000_000_000))   # older
    assert CityModelOptions(dgm=folder).fingerprint() != before


# --------------------------------------------------------------------------------- a real DGM1 (issue 18)

NRW = Path(__file__).resolve().parent / "data" / "dgm1_nrw" / "dgm1_32_357_5646_1_nw_20m.xyz"


def test_a_real_nrw_dgm1_tile_reads_as_published(tmp_path):
    """Geobasis NRW's DGM1 tile 32_357_5646 (every 20th point; tests/data/dgm1_nrw/SOURCE.md): the raster has the
    published heights at the published positions, among them the Rhine bank's 6 m step."""
    from citymodel.dgm_tiles import open_source
    pts = np.loadtxt(NRW)
    assert pts.shape == (2500, 3)
    with rasterio.open(open_source(NRW, tmp_path / "cache")) as ds:
        assert ds.crs.to_epsg() == 25832 and ds.res == (20.0, 20.0) and ds.shape == (50, 50)
        got = np.array([v[0] for v in ds.sample([(x, y) for x, y, _ in pts])])
    assert np.allclose(got, pts[:, 2], atol=0.005)
    assert got.max() - got.min() > 10   # the bank above the river (39 m) up to 50 m


def test_cli_citymodel_stands_buildings_on_the_real_dgm1(tmp_path):
    """``gdi citymodel --dgm`` with the real tile: a building on the bank and one by the water stand at the
    terrain's heights there, about 8 m apart."""
    import geopandas as gpd
    import shapely
    pts = np.loadtxt(NRW)

    def dgm_at(x0: float, y0: float) -> float:  # the mean of the four grid points around the footprint
        near = (np.abs(pts[:, 0] - (x0 + 5)) <= 15) & (np.abs(pts[:, 1] - (y0 + 4)) <= 15)
        assert near.sum() == 4
        return float(pts[near, 2].mean())
    sites = {"DENWBANK": (357_005.0, 5_646_983.0), "DENWWATER": (357_945.0, 5_646_983.0)}
    gdf = gpd.GeoDataFrame({"oid": list(sites), "gebaeudefunktion": 1000, "anzahlDerOberirdischenGeschosse": 2,
                            "dachform": 1000, "hoehe": 7.0},
                           geometry=[shapely.box(x, y, x + 10, y + 8) for x, y in sites.values()], crs="EPSG:25832")
    src = tmp_path / "b.gpkg"
    gdf.to_file(src, layer="gebaeude", driver="GPKG")
    out = tmp_path / "tiles"
    gdi = str(Path(sys.executable).parent / "gdi")
    r = subprocess.run([gdi, "citymodel", "--input", str(src), "--dgm", str(NRW), "--out", str(out), "--lod", "1",
                        "--no-coarse", "--no-quantize", "--vertical", "absolute", "--workers", "1", "--json"],
                       env=dict(os.environ, GDI_VAR=str(tmp_path / "var")), capture_output=True, text=True,
                       timeout=600, check=False)
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout[r.stdout.index("{"):])
    assert rep["buildings"] == 2 and not any("outside the DGM" in w for w in rep["warnings"]), rep["warnings"]
    low = {k: lo for k, (lo, _hi) in block_heights(out).items()}
    want = dgm_at(*sites["DENWBANK"]) - dgm_at(*sites["DENWWATER"])
    assert want > 7
    assert low["DENWBANK"] - low["DENWWATER"] == pytest.approx(want, abs=0.6)
