"""Roof and height rules on hand-made footprints: hip/gable via straight skeleton on rectangles, L, T, U
and courtyards; shed planes; height precedence with every fallback counted."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import MultiPolygon, Polygon

from citymodel.geometry import Skeleton, roof_mesh, skeleton, tile_rings, wall_triangles
from citymodel.source import HeightRules, normalise, resolve_heights

RECT = Polygon([(0, 0), (12, 0), (12, 8), (0, 8)])
L = Polygon([(0, 0), (20, 0), (20, 8), (8, 8), (8, 18), (0, 18)])
T = Polygon([(-3, 0), (3, 0), (3, 10), (10, 10), (10, 16), (-10, 16), (-10, 10), (-3, 10)])
U = Polygon([(0, 0), (24, 0), (24, 18), (17, 18), (17, 7), (7, 7), (7, 18), (0, 18)])
COURT = Polygon([(0, 0), (30, 0), (30, 24), (0, 24)], [[(8, 8), (8, 16), (22, 16), (22, 8)]])
SHAPES = {"rect": RECT, "L": L, "T": T, "U": U, "courtyard": COURT}


def _parts(poly):
    rings, *_ = tile_rings(np.array([poly], dtype=object), (0.0, 0.0))
    return rings[0]


def _plan_area(tris: np.ndarray) -> float:
    e1, e2 = tris[:, 1, :2] - tris[:, 0, :2], tris[:, 2, :2] - tris[:, 0, :2]
    return float(np.abs(e1[:, 0] * e2[:, 1] - e1[:, 1] * e2[:, 0]).sum() / 2)


def _normals(tris: np.ndarray) -> np.ndarray:
    n = np.cross(tris[:, 1] - tris[:, 0], tris[:, 2] - tris[:, 0])
    return n / np.linalg.norm(n, axis=1)[:, None]


@pytest.mark.parametrize("name", list(SHAPES))
@pytest.mark.parametrize("kind", ["hip", "gable", "halfhip"])
def test_skeleton_roofs_cover_footprint_and_face_up(name, kind):
    poly = SHAPES[name]
    parts = _parts(poly)
    sks = [skeleton(s, h) for s, h in parts]
    tmax = max(float(s[1].max()) for s in sks)
    eaves, rise = 6.0, 4.0
    skeletons: list[Skeleton | None] = list(sks)
    roof, wall_top, fell_back = roof_mesh(parts, 100.0, eaves + rise, eaves, kind, skeletons, rise / tmax)
    assert not fell_back and wall_top == pytest.approx(106.0)
    z = roof[:, :, 2]
    assert z.min() == pytest.approx(106.0) and z.max() == pytest.approx(110.0, abs=1e-6)
    n = _normals(roof)
    sloped = np.abs(n[:, 2]) > 1e-6
    # the roof's sloped faces cover the footprint exactly once, all facing up (outward)
    assert _plan_area(roof[sloped]) == pytest.approx(poly.area, rel=1e-6)
    assert np.all(n[sloped, 2] > 0)
    vertical = ~sloped
    if kind == "hip":
        assert not vertical.any()
    elif kind == "gable" and name in ("rect", "L", "T", "U"):
        assert vertical.any(), "gable ends must be vertical"
    elif kind == "halfhip" and name in ("rect", "L", "T", "U"):
        regular = 1 / np.sqrt(1 + (rise / tmax) ** 2)
        assert n[sloped, 2].min() < regular - 0.05, "half-hip ends are steeper than the roof pitch"


def test_gable_on_rectangle_is_two_planes_and_two_gables():
    parts = _parts(RECT)
    sk = skeleton(*parts[0])
    roof, _, _ = roof_mesh(parts, 0.0, 10.0, 6.0, "gable", [sk], 4.0 / 4.0)
    n = np.round(_normals(roof), 6)
    planes = {tuple(v) for v in n}
    assert len(planes) == 4  # two roof planes, two vertical gable triangles
    ridge = roof.reshape(-1, 3)[roof.reshape(-1, 3)[:, 2] > 9.99]
    assert ridge[:, 1] == pytest.approx(np.full(len(ridge), 4.0))  # ridge along the long axis
    assert set(np.round(ridge[:, 0], 6)) == {0.0, 12.0}  # running the full length (gable ends)


def test_shed_and_flat_and_multipolygon():
    parts = _parts(MultiPolygon([RECT, Polygon([(20, 0), (26, 0), (26, 6), (20, 6)])]))
    assert len(parts) == 2
    roof, top, _ = roof_mesh(parts, 0.0, 5.0, 3.0, "shed")
    assert top == 3.0 and roof[:, :, 2].min() == pytest.approx(3.0) and roof[:, :, 2].max() == pytest.approx(5.0)
    flat, top, _ = roof_mesh(parts, 2.0, 7.0, 7.0, "flat")
    assert top == 9.0 and np.all(flat[:, :, 2] == 9.0)
    assert _plan_area(flat) == pytest.approx(RECT.area + 36.0)


def test_walls_face_outwards_including_courtyard():
    _, a, b, _ = tile_rings(np.array([COURT], dtype=object), (0.0, 0.0))
    w = wall_triangles(a, b, np.zeros(len(a)), np.full(len(a), 5.0), np.full(len(a), 5.0))
    n = _normals(w)
    centre = w.mean(axis=1)[:, :2]
    inner = (centre[:, 0] > 7) & (centre[:, 0] < 23) & (centre[:, 1] > 7) & (centre[:, 1] < 17)
    to_mid = np.array([15.0, 12.0]) - centre
    dots = (n[:, :2] * to_mid).sum(1)
    assert np.all(dots[~inner] < 0), "outer walls face away from the middle"
    assert np.all(dots[inner] > 0), "courtyard walls face into the courtyard (away from the building)"


HEIGHT_CASES = [
    # (height_m, ridge, eaves, storeys, expected total, expected source)
    (12.0, 14.0, 8.0, 3, 12.0, 0),      # measured wins
    (np.nan, 14.0, 8.0, 3, 14.0, 1),    # ridge
    (np.nan, np.nan, 7.0, 3, 7.0, 1),   # eaves only
    (np.nan, np.nan, np.nan, 4, 12.0, 2),  # storeys x 3 m
    (np.nan, np.nan, np.nan, np.nan, 6.0, 3),  # default
    (-1.0, np.nan, np.nan, 0, 6.0, 3),  # nonsense values fall through to the default
]


@pytest.mark.parametrize("h,ridge,eaves,storeys,total,src", HEIGHT_CASES)
def test_height_precedence(h, ridge, eaves, storeys, total, src):
    df = pd.DataFrame({"height_m": [h], "ridge_height_m": [ridge], "eaves_height_m": [eaves],
                       "storeys": [storeys], "ground_height_m": [np.nan]})
    t, e, s = resolve_heights(df, np.array([True]), np.array([3.0]), HeightRules())
    assert t[0] == pytest.approx(total) and s[0] == src
    assert 0 < e[0] <= t[0]


def test_absolute_ridge_made_relative_and_alkis_columns_normalised():
    import geopandas as gpd
    g = gpd.GeoDataFrame({"oid": ["DENIHI1"], "gebaeudefunktion": [1000], "anzahlDerOberirdischenGeschosse": [2],
                          "dachform": [3100], "hoehe": [np.nan], "firsthoehe": [9.5], "traufhoehe": [5.0],
                          "strasse": ["Almsstraße"], "hausnummer": ["3a"], "eigentuemer": ["Max Mustermann"]},
                         geometry=[RECT], crs="EPSG:25832")
    df = normalise(g)
    assert list(df.columns[:9]) == ["key", "function_code", "storeys", "height_m", "roof_form", "ridge_height_m",
                                    "eaves_height_m", "ground_height_m", "address"]
    assert df["address"][0] == "Almsstraße 3a"
    assert "eigentuemer" not in df.columns  # personal data is never carried into the model
    lgln = pd.DataFrame({"height_m": [np.nan], "ridge_height_m": [44.0], "eaves_height_m": [40.0],
                         "storeys": [np.nan], "ground_height_m": [35.0]})
    t, e, s = resolve_heights(lgln, np.array([True]), np.array([3.0]), HeightRules())
    assert (t[0], e[0], s[0]) == (pytest.approx(9.0), pytest.approx(5.0), 1)


@pytest.mark.parametrize("kind,code", [("hip", 1), ("gable", 2), ("halfhip", 3), ("flat", 0)])
def test_vectorised_rectangles_equal_skeleton_path(kind, code):
    from citymodel.rectroofs import rect_corners, rect_roofs
    rot = Polygon([(3 + 0.96 * x - 0.28 * y, 5 + 0.28 * x + 0.96 * y) for x, y in RECT.exterior.coords])
    parts = _parts(rot)
    mask, corners = rect_corners([parts[0][0]])
    assert mask.tolist() == [True]
    sk = skeleton(*parts[0])
    slope = 0.8
    ref, _, _ = roof_mesh(parts, 0.0, 7.0 if kind == "flat" else 6.0 + 4 * slope, 6.0 if kind != "flat" else 7.0,
                          kind, [sk], slope)
    vec, owner = rect_roofs(corners, np.array([code]), np.array([6.0]), np.array([slope]), np.array([7.0]))
    assert set(owner) == {0}

    def key(t: np.ndarray) -> list[tuple[float, ...]]:
        return sorted(tuple(np.round(v, 6)) for v in t.reshape(-1, 3))

    assert key(vec) == key(ref)
    assert _plan_area(vec[np.abs(_normals(vec)[:, 2]) > 1e-6]) == pytest.approx(rot.area)


def _roof_height_at(tris: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Highest roof surface above each point (barycentric interpolation in plan, max over triangles)."""
    a, b, c = tris[:, 0], tris[:, 1], tris[:, 2]
    v0, v1 = b[:, :2] - a[:, :2], c[:, :2] - a[:, :2]
    den = v0[:, 0] * v1[:, 1] - v0[:, 1] * v1[:, 0]
    ok = np.abs(den) > 1e-9
    a, v0, v1, den, b, c = a[ok], v0[ok], v1[ok], den[ok], b[ok], c[ok]
    out = np.full(len(pts), -np.inf)
    for i, p in enumerate(pts):
        w = p - a[:, :2]
        u = (w[:, 0] * v1[:, 1] - w[:, 1] * v1[:, 0]) / den
        v = (v0[:, 0] * w[:, 1] - v0[:, 1] * w[:, 0]) / den
        inside = (u >= -1e-9) & (v >= -1e-9) & (u + v <= 1 + 1e-9)
        z = a[:, 2] + u * (b[:, 2] - a[:, 2]) + v * (c[:, 2] - a[:, 2])
        out[i] = z[inside].max()
    return out


@pytest.mark.parametrize("name", ["L", "T", "U", "courtyard"])
def test_orthogonal_envelope_equals_straight_skeleton_hip_roof(name):
    """The maximal-rectangle fast path draws exactly the straight-skeleton hip roof (its upper
    envelope), checked against py-straight-skeleton at points all over the footprint."""
    from citymodel.rectroofs import orthogonal_rects, rect_roofs
    poly = SHAPES[name]
    parts = _parts(poly)
    rects = orthogonal_rects(*parts[0])
    assert rects is not None and len(rects) >= 2
    slope = 0.7
    fast, _ = rect_roofs(rects, np.ones(len(rects), int), np.zeros(len(rects)), np.full(len(rects), slope),
                         np.zeros(len(rects)))
    ref, _, _ = roof_mesh(parts, 0.0, 99.0, 0.0, "hip", [skeleton(*parts[0])], slope)
    rng = np.random.default_rng(3)
    minx, miny, maxx, maxy = poly.bounds
    pts = rng.uniform((minx, miny), (maxx, maxy), (400, 2))
    import shapely
    pts = pts[shapely.contains_xy(poly.buffer(-0.01), pts[:, 0], pts[:, 1])]
    assert np.allclose(_roof_height_at(fast, pts), _roof_height_at(ref, pts), atol=1e-6)


def test_non_orthogonal_footprint_goes_to_the_skeleton():
    from citymodel.rectroofs import orthogonal_rects
    tri_ish = Polygon([(0, 0), (20, 0), (14, 9), (0, 9)])
    assert orthogonal_rects(*_parts(tri_ish)[0]) is None


def test_tile_rings_of_footprints_without_rings() -> None:
    """A parent tile whose footprints are all empty after cleaning (a small demo city: GDI_DEMO_BUILDINGS=300
    failed with 'zip() argument 2 is longer than argument 1'): no parts, no walls."""
    import numpy as np
    import shapely

    from citymodel.geometry import tile_rings
    per_b, a, b, edge_b = tile_rings(np.array([shapely.Polygon(), shapely.Polygon()]), (0.0, 0.0))
    assert per_b == [[], []] and a.shape == (0, 2) and b.shape == (0, 2) and len(edge_b) == 0
    per_b, a, _, _ = tile_rings(np.array([shapely.box(0, 0, 2, 1), shapely.Polygon()]), (0.0, 0.0))
    assert len(per_b[0]) == 1 and per_b[1] == [] and len(a) == 4
