"""N ALKIS-style building footprints (AX_Gebaeude export) inside Hildesheim, as a GeoPackage.

Deterministic for a given ``(n, seed)``. Footprints are placed one per cell of a regular lot grid
(cells picked by a density that peaks at the old town and at a few village centres), so they never
overlap; the lot size shrinks with ``n`` (40 m for up to ~100k buildings, ~13 m at 1M). Shapes:
rectangles, L, T, U, courtyard blocks (polygon with hole) and house + detached garage (MultiPolygon),
rotated to a per-quarter street grid.

Columns (ALKIS names): ``oid`` (16-char identifier ``DENIHI…``), ``gebaeudefunktion`` (GeoInfoDok
code, see ``GEBAEUDEFUNKTION``), ``anzahlDerOberirdischenGeschosse`` (nullable), ``dachform``
(GeoInfoDok code, see ``DACHFORM``; null where unknown), ``hoehe`` (measured height above ground in m,
NaN where not measured), ``firsthoehe`` / ``traufhoehe`` (ridge / eaves height above ground in m, NaN
where unknown), ``strasse``, ``hausnummer``. No owners or other personal data.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from core.area import CENTRE_25832, HILDESHEIM_BBOX_25832

STREETS = ["Almsstraße", "Hoher Weg", "Schuhstraße", "Osterstraße", "Goschenstraße", "Kaiserstraße",
           "Steingrube", "Dammstraße", "Wollenweberstraße", "Marienburger Straße", "Bahnhofsallee",
           "Zingel", "Annenstraße", "Godehardsplatz", "Moritzberg", "Peiner Straße", "Senator-Braun-Allee",
           "Ottostraße", "Sedanstraße", "Gartenstraße", "Weinberg", "Am Ried", "Ochtersumer Straße",
           "Himmelsthürer Straße", "Drispenstedter Straße", "Lerchenkamp", "Kennedydamm", "Renatastraße"]

# secondary centres (Ortsteile) as offsets from the bbox origin in metres, with sigma
_VILLAGES = [(3_000, 12_500, 700), (4_500, 4_000, 800), (12_500, 12_000, 700), (13_000, 3_500, 600),
             (2_000, 7_000, 600), (10_500, 14_500, 500), (7_500, 1_500, 600)]

RECT, L_SHAPE, T_SHAPE, U_SHAPE, COURT, MULTI = range(6)


def _choose_cells(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, float]:
    minx, miny, maxx, maxy = HILDESHEIM_BBOX_25832
    area = (maxx - minx) * (maxy - miny)
    cell = float(np.clip(np.sqrt(area / (n * 1.6)), 12.0, 40.0))
    nx, ny = int((maxx - minx) // cell), int((maxy - miny) // cell)
    if n > nx * ny * 0.9:
        raise ValueError(f"too many buildings for the Hildesheim extent: {n}")
    cx = minx + (np.arange(nx) + 0.5) * cell
    cy = miny + (np.arange(ny) + 0.5) * cell
    gx, gy = np.meshgrid(cx, cy)
    gx, gy = gx.ravel(), gy.ravel()
    r2 = (gx - CENTRE_25832[0]) ** 2 + (gy - CENTRE_25832[1]) ** 2
    w = np.exp(-r2 / (2 * 1_600.0 ** 2)) + 0.02
    for ox, oy, s in _VILLAGES:
        w += 0.6 * np.exp(-((gx - minx - ox) ** 2 + (gy - miny - oy) ** 2) / (2 * s * s))
    # weighted sampling without replacement (Efraimidis-Spirakis): n smallest -log(u)/w
    keys = -np.log(rng.random(w.size)) / w
    idx = np.argpartition(keys, n - 1)[:n]
    idx.sort()  # spatial order (row by row), stable for a given seed
    return gx[idx], gy[idx], cell


def _local_rings(kind: np.ndarray, w: np.ndarray, d: np.ndarray, a: np.ndarray, b: np.ndarray
                 ) -> dict[int, tuple[np.ndarray, np.ndarray | None]]:
    """Local (unrotated, centred) vertex arrays per shape kind: (rings[k, m, 2], second ring or None)."""
    out: dict[int, tuple[np.ndarray, np.ndarray | None]] = {}
    x0, x1, y0, y1 = -w / 2, w / 2, -d / 2, d / 2
    ta, tb = a * w, b * d  # wing thicknesses
    for k in range(6):
        m = kind == k
        if not m.any():
            continue
        X0, X1, Y0, Y1, TA, TB = x0[m], x1[m], y0[m], y1[m], ta[m], tb[m]
        second = None
        if k in (RECT, COURT):
            pts = [(X0, Y0), (X1, Y0), (X1, Y1), (X0, Y1)]
            if k == COURT:
                ins = 0.3 * np.minimum(X1 - X0, Y1 - Y0)
                second = np.stack([np.stack(p, -1) for p in
                                   [(X0 + ins, Y0 + ins), (X0 + ins, Y1 - ins),
                                    (X1 - ins, Y1 - ins), (X1 - ins, Y0 + ins)]], 1)
        elif k == L_SHAPE:
            pts = [(X0, Y0), (X1, Y0), (X1, Y0 + TB), (X0 + TA, Y0 + TB), (X0 + TA, Y1), (X0, Y1)]
        elif k == T_SHAPE:
            pts = [(-TA / 2, Y0), (TA / 2, Y0), (TA / 2, Y1 - TB), (X1, Y1 - TB), (X1, Y1), (X0, Y1),
                   (X0, Y1 - TB), (-TA / 2, Y1 - TB)]
        elif k == U_SHAPE:
            t = np.minimum(TA / 1.6, (X1 - X0) * 0.3)
            pts = [(X0, Y0), (X1, Y0), (X1, Y1), (X1 - t, Y1), (X1 - t, Y0 + TB), (X0 + t, Y0 + TB),
                   (X0 + t, Y1), (X0, Y1)]
        else:  # MULTI: house + detached garage
            hx = X0 + 0.66 * (X1 - X0)
            gx0 = X0 + 0.74 * (X1 - X0)
            pts = [(X0, Y0), (hx, Y0), (hx, Y1), (X0, Y1)]
            second = np.stack([np.stack(p, -1) for p in
                               [(gx0, Y0), (X1, Y0), (X1, Y0 + 0.55 * (Y1 - Y0)), (gx0, Y0 + 0.55 * (Y1 - Y0))]], 1)
        out[k] = (np.stack([np.stack(p, -1) for p in pts], 1), second)
    return out


def _place(rings: np.ndarray, cx: np.ndarray, cy: np.ndarray, ang: np.ndarray) -> np.ndarray:
    c, s = np.cos(ang)[:, None], np.sin(ang)[:, None]
    x, y = rings[..., 0], rings[..., 1]
    res = np.empty(rings.shape, dtype=np.float64)
    res[..., 0] = np.round(cx[:, None] + c * x - s * y, 3)
    res[..., 1] = np.round(cy[:, None] + s * x + c * y, 3)
    return res


def _closed(r: np.ndarray) -> np.ndarray:
    return np.concatenate([r, r[:, :1]], axis=1)


def generate_buildings(n: int, out: Path, seed: int = 1) -> Path:
    """Write ``n`` footprints to ``out`` (GeoPackage, layer ``gebaeude``, EPSG:25832)."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    rng = np.random.default_rng(seed)
    cx, cy, cell = _choose_cells(n, rng)
    cx = cx + rng.uniform(-0.04, 0.04, n) * cell
    cy = cy + rng.uniform(-0.04, 0.04, n) * cell
    dist = np.hypot(cx - CENTRE_25832[0], cy - CENTRE_25832[1])
    central = dist < 1_300

    kind = rng.choice(6, n, p=[0.56, 0.15, 0.07, 0.06, 0.06, 0.10])
    kind[central & (kind == MULTI)] = COURT  # old town: blocks, no detached garages
    large = np.isin(kind, (U_SHAPE, COURT))
    w = np.where(large, rng.uniform(20, 34, n), rng.uniform(8, 16, n))
    d = np.where(large, rng.uniform(16, 28, n), rng.uniform(7, 13, n))
    d = np.minimum(d, w * 1.1)
    garage = (kind == RECT) & (rng.random(n) < 0.12)
    w[garage] = rng.uniform(3.0, 7.0, int(garage.sum()))
    d[garage] = rng.uniform(5.5, 8.0, int(garage.sum()))
    a = rng.uniform(0.35, 0.55, n)
    b = rng.uniform(0.35, 0.55, n)
    # fit into the lot: half diagonal <= 0.45 * cell
    f = np.minimum(1.0, 0.45 * cell / np.hypot(w / 2, d / 2))
    w, d = w * f, d * f
    # per-quarter street grid orientation (400 m quarters) with a small jitter
    q = (np.floor(cx / 400) * 37 + np.floor(cy / 400) * 53) % 90
    ang = np.radians(q + rng.normal(0, 2.0, n))

    # function and roof form
    u = rng.random(n)
    func = np.full(n, 1000, dtype=np.int32)
    rect_like = kind == RECT
    small = w * d < 60
    func[garage] = 2463
    func[(~large) & ~garage & (u >= 0.80) & (u < 0.88)] = 2050
    func[(~large) & ~garage & (u >= 0.88) & (u < 0.94)] = 2100
    func[(~large) & ~garage & (u >= 0.94) & (u < 0.96)] = 1100
    func[(~large) & ~garage & (u >= 0.96) & (u < 0.975)] = 3065
    func[large & (u < 0.35)] = 2050
    func[large & (u >= 0.35) & (u < 0.55)] = 3021
    func[large & (u >= 0.55) & (u < 0.70)] = 3010
    func[large & (u >= 0.70) & (u < 0.80)] = 2100
    church = rect_like & ~small & ~garage & (rng.random(n) < 0.004)
    func[church] = 3041

    roof_codes = np.array([1000, 2100, 3100, 3200, 3300, 3400, 5000, -1])
    p_res = [0.15, 0.06, 0.45, 0.15, 0.07, 0.04, 0.02, 0.06]
    p_com = [0.62, 0.12, 0.14, 0.05, 0.01, 0.01, 0.01, 0.04]
    p_gar = [0.70, 0.24, 0.02, 0.0, 0.0, 0.0, 0.0, 0.04]
    roof = roof_codes[rng.choice(8, n, p=p_res)]
    com = np.isin(func, (2050, 2100, 3010, 3021))
    roof[com] = roof_codes[rng.choice(8, int(com.sum()), p=p_com)]
    gar = func == 2463
    roof[gar] = roof_codes[rng.choice(8, int(gar.sum()), p=p_gar)]
    roof[church] = 3100

    storeys = np.where(central, rng.integers(2, 6, n), rng.integers(1, 4, n)).astype(float)
    storeys[com] = rng.integers(2, 7, int(com.sum()))
    storeys[gar] = 1
    storeys[church] = 1
    storey_h = rng.uniform(2.7, 3.3, n)
    eaves = storeys * storey_h + np.where(gar, 0.0, 0.3)
    eaves[church] = rng.uniform(12, 18, int(church.sum()))
    pitch = np.radians(rng.uniform(30, 48, n))
    span = np.minimum(w, d) * np.where(kind == RECT, 1.0, 0.5)
    roof_h = np.select([roof == 1000, roof == 2100, roof == -1, roof == 5000],
                       [0.0, np.tan(pitch / 2) * span, 0.0, 0.3 * np.tan(pitch) * span],
                       default=np.tan(pitch) * span / 2)
    ridge = eaves + roof_h
    ridge[church] += 20.0
    hoehe = np.round(np.where(roof_h > 0, ridge, eaves + 0.4), 2)
    first = np.round(ridge, 2)
    trauf = np.round(eaves, 2)
    hoehe[rng.random(n) < 0.30] = np.nan
    first[(rng.random(n) < 0.45) | (roof_h == 0)] = np.nan
    trauf[rng.random(n) < 0.55] = np.nan
    storeys[rng.random(n) < 0.05] = np.nan

    street = rng.integers(0, len(STREETS), n)
    hnr = rng.integers(1, 120, n)
    suffix = np.where(rng.random(n) < 0.1, np.array(list("abcd"))[rng.integers(0, 4, n)], "")
    no_addr = gar & (rng.random(n) < 0.7)

    # geometries, vectorised per shape kind
    geoms = np.empty(n, dtype=object)
    for k, (ring, second) in _local_rings(kind, w, d, a, b).items():
        m = np.flatnonzero(kind == k)
        shell = _closed(_place(ring, cx[m], cy[m], ang[m]))
        if k == COURT:
            assert second is not None  # _local_rings gives courtyards their inner ring
            hole = _closed(_place(second, cx[m], cy[m], ang[m]))
            polys = shapely.polygons(shapely.linearrings(shell), holes=shapely.linearrings(hole)[:, None])
        elif k == MULTI:
            assert second is not None  # _local_rings gives MULTI its garage ring
            p2 = shapely.polygons(_closed(_place(second, cx[m], cy[m], ang[m])))
            polys = shapely.multipolygons(np.stack([shapely.polygons(shell), p2], 1))
        else:
            polys = shapely.polygons(shell)
        geoms[m] = polys
    geoms = shapely.orient_polygons(geoms) if hasattr(shapely, "orient_polygons") else geoms

    df = pd.DataFrame({
        "oid": [f"DENIHIAL{i:08d}" for i in range(n)],
        "gebaeudefunktion": func,
        "anzahlDerOberirdischenGeschosse": pd.array(storeys, dtype="Int32"),
        "dachform": pd.array(np.where(roof < 0, np.nan, roof), dtype="Int32"),
        "hoehe": hoehe,
        "firsthoehe": first,
        "traufhoehe": trauf,
        # numpy's stubs reject None as the scalar branch of where (valid at runtime: object arrays)
        "strasse": np.where(no_addr, None, np.array(STREETS, dtype=object)[street]),  # type: ignore[call-overload]
        "hausnummer": np.where(no_addr, None,  # type: ignore[call-overload]
                               np.char.add(hnr.astype(str), suffix).astype(object)),
    })
    gdf = gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geoms, crs="EPSG:25832"))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    gdf.to_file(out, layer="gebaeude", driver="GPKG", engine="pyogrio", promote_to_multi=False)
    return out
