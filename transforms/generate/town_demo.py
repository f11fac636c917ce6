"""The committed demo data derived from the demo town (run once, outputs committed; see docs/demo_town.md).

``write_demo_datasets(town_gpkg, datasets_dir)`` writes, from a town written by
``gdi generate town 100000 town.gpkg``:

- ``stadtplan/stadtplan_hildesheim_beispiel.gpkg``: the base-map layers (strassen, bloecke, gewaesser, gruen);
- ``trees/baumkataster_hildesheim_beispiel.csv``: ~3,000 street and park trees in and around the centre,
  in the schema and encoding of the Münster tree cadastre (latin-1, ``;``, decimal comma, CRLF);
- the geometry column of ``spielplatzkataster/spielplaetze.csv`` (playgrounds moved into the town's parks)
  and of ``altlasten/altlastenkataster_hildesheim.csv`` (sites moved onto its commercial/industrial lots),
  every other byte unchanged;
- ``gebaeude/gebaeude_hildesheim_beispiel.gpkg``: the town's first 300 buildings (same oids).

Deterministic: the same town file gives the same outputs.
"""
from __future__ import annotations

import csv
import io
import logging
from pathlib import Path
from typing import Any

import numpy as np
import shapely

LOGGER = logging.getLogger(__name__)

PLAYGROUND_PARKS = {"SP-001": "Liebesgrund", "SP-002": "Ernst-Ehrlicher-Park", "SP-003": "Steingrube",
                    "SP-004": "Moritzberg-Park", "SP-005": "Grünzug Drispenstedt",
                    "SP-006": "Ochtersumer Grünzug", "SP-007": "Wallanlagen", "SP-008": "Hohnsen"}
# where each contaminated site is looked for: the commercial or industrial lot nearest this point
SITE_TARGETS = {"ALT-1001": (566_600, 5_780_600), "ALT-1002": (565_100, 5_780_300),
                "ALT-1003": (564_400, 5_780_500), "ALT-1004": (563_000, 5_781_300),
                "ALT-1005": (567_900, 5_780_300), "ALT-1006": (564_200, 5_782_000),
                "ALT-1007": (562_800, 5_777_000)}
# the playground SP-007 lies in the Wallanlagen near Langer Hagen (south-east of the ring)
NEAR = {"SP-007": (565_500, 5_778_000)}

# German street trees: (German, botanical, share, max height m, growth time constant years)
SPECIES = [("Winter-Linde", "Tilia cordata", 16, 28, 45), ("Sommer-Linde", "Tilia platyphyllos", 6, 30, 45),
           ("Spitz-Ahorn", "Acer platanoides", 14, 25, 35), ("Berg-Ahorn", "Acer pseudoplatanus", 8, 28, 40),
           ("Platane", "Platanus x hispanica", 8, 32, 50), ("Stiel-Eiche", "Quercus robur", 9, 30, 60),
           ("Rosskastanie", "Aesculus hippocastanum", 6, 25, 40), ("Hainbuche", "Carpinus betulus", 9, 18, 35),
           ("Rotdorn", "Crataegus laevigata 'Paul's Scarlet'", 3, 8, 20), ("Mehlbeere", "Sorbus spec.", 4, 12, 25),
           ("Gemeine Esche", "Fraxinus excelsior", 4, 30, 45), ("Robinie", "Robinia pseudoacacia", 3, 22, 30),
           ("Feld-Ahorn", "Acer campestre", 5, 14, 30), ("Schwedische Mehlbeere", "Sorbus intermedia", 3, 12, 25),
           ("Hänge-Birke", "Betula pendula", 2, 22, 25)]
TREE_COLUMNS = ["ID", "Standort-Nr", "Baumhoehe_akt_m", "Stammanzahl_akt_anz", "Stammdurchmesser_akt_cm",
                "Stammumfang_akt_cm", "Kronendurchmesser_akt_cm", "Pflanzjahr", "Standalter_geschaetzt_jahr",
                "ref_Baumart", "ref_Baumart_botanisch", "gis_komplex_UTM", "ref_Objekt_Name",
                "ref_Objekt_stat_Bezirk", "ref_Objekt_Number", "ref_Objekt_Name_Number"]
SURVEY_YEAR = 2023  # the year the Münster extract's ages refer to
TREE_ID_PREFIX = "00031134"  # Hildesheim's postcode; Münster's IDs start with 00008100


def write_demo_datasets(town_gpkg: Path, datasets_dir: Path, *, n_trees: int = 3_000, seed: int = 1) -> dict:
    """Write all demo files derived from ``town_gpkg`` into ``datasets_dir``; returns what was written."""
    import geopandas as gpd

    town_gpkg, datasets_dir = Path(town_gpkg), Path(datasets_dir)
    layers = {nm: gpd.read_file(town_gpkg, layer=nm) for nm in ("strassen", "bloecke", "gewaesser", "gruen")}
    out = {"stadtplan": write_stadtplan(layers, datasets_dir / "stadtplan" / "stadtplan_hildesheim_beispiel.gpkg")}
    houses = gpd.read_file(town_gpkg, layer="gebaeude").geometry.values
    out["trees"] = write_trees(layers, houses, datasets_dir / "trees" / "baumkataster_hildesheim_beispiel.csv",
                               n_trees, seed)
    out["playgrounds"] = move_playgrounds(layers["gruen"], layers["gewaesser"],
                                          datasets_dir / "spielplatzkataster" / "spielplaetze.csv")
    out["sites"] = move_sites(layers["bloecke"], datasets_dir / "altlasten" / "altlastenkataster_hildesheim.csv")
    out["gebaeude"] = write_first_buildings(town_gpkg, datasets_dir / "gebaeude" / "gebaeude_hildesheim_beispiel.gpkg")
    return out


def write_stadtplan(layers: dict, path: Path) -> Path:
    """The base-map layers, small enough to commit: coordinates to 0.1 m, shapes simplified by 0.3 m, the
    blocks gathered into one MultiPolygon per use and square kilometre (a base map draws them by use
    only), no spatial index (MapServer scans the few hundred rows fast)."""
    import geopandas as gpd
    import pandas as pd

    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    for nm in ("strassen", "bloecke", "gewaesser", "gruen"):
        df = layers[nm].copy()
        df["geometry"] = shapely.set_precision(shapely.simplify(df.geometry.values, 0.3), 0.1)
        df = df[~df.geometry.is_empty]
        if nm == "bloecke":
            cen = shapely.centroid(df.geometry.values)
            key = pd.DataFrame({"use": df["use"].values, "former_industrial": df["former_industrial"].values,
                                "kx": (shapely.get_x(cen) // 1000).astype(int),
                                "ky": (shapely.get_y(cen) // 1000).astype(int)})
            parts = shapely.get_parts(df.geometry.values, return_index=True)
            rows = []
            for k, grp in key.groupby(["use", "former_industrial", "kx", "ky"], sort=True):
                polys = parts[0][np.isin(parts[1], grp.index.to_numpy())]
                geom = shapely.multipolygons(polys)
                if not geom.is_valid:  # touching neighbours: repair, keep the polygons only
                    fixed = shapely.get_parts(shapely.get_parts(shapely.make_valid(geom)))
                    geom = shapely.multipolygons(fixed[shapely.get_type_id(fixed) == 3])
                rows.append({"use": k[0], "former_industrial": bool(k[1]), "geometry": geom})
            df = gpd.GeoDataFrame(rows, geometry="geometry", crs=layers[nm].crs)
        df.to_file(path, layer=nm, driver="GPKG", engine="pyogrio", promote_to_multi=nm != "strassen",
                   layer_options={"SPATIAL_INDEX": "NO"})
    return path


def _dec(v: float, nd: int = 2) -> str:
    s = f"{v:.{nd}f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def write_trees(layers: dict, houses: np.ndarray, path: Path, n: int, seed: int) -> Path:
    """Street trees along the streets within ~1.6 km of the Marktplatz (at the kerb, 14-18 m apart) and
    trees in the parks there; none closer than 2 m to a building or in the water."""
    from .town_plan import MARKT

    rng = np.random.default_rng(seed + 101)
    centre = shapely.Point(MARKT)
    area = centre.buffer(1_600)
    st = layers["strassen"]
    st = st[st["class"].isin(["hauptstrasse", "sammelstrasse", "wohnstrasse"]) & st.intersects(area)]
    rows: list[tuple[float, float, str, str]] = []  # x, y, object name, kind (VG street, ÖG park)
    for name, width, geom in zip(st["name"], st["width_m"], st.geometry, strict=True):
        g = geom.intersection(area)
        for part in shapely.get_parts(g):
            for side in (1, -1):
                off = part.offset_curve(side * (width / 2 - 0.5))
                if off.is_empty:
                    continue
                for p in shapely.get_parts(off):
                    step = 14.0 if width >= 12 else 18.0
                    d = np.arange(step / 2, p.length, step)
                    pts = shapely.line_interpolate_point(p, d)
                    for q in shapely.get_coordinates(pts):
                        rows.append((q[0], q[1], f"VG {name.upper()}", "VG"))
    street_trees = len(rows)
    water = shapely.union_all(layers["gewaesser"].geometry.values)
    green = layers["gruen"]
    green = green[green.intersects(area) & green.kind.isin(["park", "friedhof", "wallanlagen", "gruenzug"])]
    for name, geom in zip(green["name"], green.geometry, strict=True):
        g = geom.intersection(area).difference(water.buffer(6)).buffer(-4)
        if g.is_empty:
            continue
        k = int(g.area / 600)
        x0, y0, x1, y1 = g.bounds
        cand = shapely.points(rng.uniform(x0, x1, 4 * k + 4), rng.uniform(y0, y1, 4 * k + 4))
        inside = shapely.get_coordinates(cand[shapely.contains(g, cand)])[:k]
        rows += [(x, y, f"ÖG {name.upper()}", "ÖG") for x, y in inside]
    xy = np.array([(r[0], r[1]) for r in rows])
    pts = shapely.points(xy)
    tree = shapely.STRtree(houses)
    clash = np.zeros(len(rows), dtype=bool)
    clash[tree.query(pts, predicate="dwithin", distance=2.0)[0]] = True
    clash |= shapely.dwithin(water, pts, 1.0)
    rows = [r for r, c in zip(rows, clash, strict=True) if not c]
    # thin out to n trees in a fixed order (nearest to the centre first), deterministic
    xy = xy[~clash]
    d = np.hypot(xy[:, 0] - MARKT[0], xy[:, 1] - MARKT[1])
    park = np.array([r[3] == "ÖG" for r in rows])
    order = np.lexsort((np.arange(len(d)), np.round(d, 2)))
    n_park = min(int(park.sum()), n // 5)  # a fifth in the parks, the rest along the streets
    order = np.sort(np.concatenate([order[park[order]][:n_park], order[~park[order]][:n - n_park]]))
    order = order[np.lexsort((order, np.round(d[order], 2)))]
    LOGGER.info("trees: %d candidates (%d along streets), %d written", len(rows), street_trees, len(order))
    share = np.array([s[2] for s in SPECIES], dtype=float)
    share /= share.sum()
    objects: dict[str, int] = {}
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(TREE_COLUMNS)
    site_no: dict[str, int] = {}
    for i, k in enumerate(order):
        x, y, obj, kind = rows[k]
        # one species per street section (avenues), mixed in parks
        r = (hash_int(obj) % 10_000) / 10_000 if kind == "VG" and rng.random() < 0.8 else rng.random()
        sp_i = int(np.searchsorted(np.cumsum(share), r, side="right").clip(0, len(SPECIES) - 1))
        german, botanical, _, hmax, tau = SPECIES[sp_i]
        age = int(np.clip(rng.gamma(3.0, 14.0), 2, 140))
        planted = SURVEY_YEAR - age
        height = max(2.0, hmax * (1 - np.exp(-age / tau)) * rng.uniform(0.85, 1.1))
        girth = max(8.0, age * rng.uniform(2.2, 3.4) * (hmax / 25) ** 0.5)
        crown = max(1.0, height * rng.uniform(0.45, 0.7))
        stems = 1 if rng.random() > 0.03 else 2
        num = objects.setdefault(obj, (53_000 if kind == "VG" else 13_000) + len(objects) + 1)
        district = 31 + int((x - MARKT[0]) // 800) % 3 + 3 * (int((y - MARKT[1]) // 800) % 3)
        site_no[obj] = site_no.get(obj, 0) + 1
        w.writerow([f"{TREE_ID_PREFIX}:{9_000_000 + i:08x}", site_no[obj], f"{height:.0f}", stems,
                    _dec(girth / np.pi), f"{girth:.0f}", f"{crown:.0f}", planted, age, german, botanical,
                    f"POINT ({x:.3f} {y:.3f})", obj, district, num, f"20 {num} {obj}"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue().encode("latin-1"))
    return path


def hash_int(s: str) -> int:
    """A stable small hash (Python's ``hash`` is salted per process)."""
    h = 2166136261
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def _replace_wkt(path: Path, new_wkt: dict[str, str], key_col: str, wkt_col: str) -> None:
    """Replace only the WKT field of each row, keeping every other byte (quoting, line ends) as it is."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    nl = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(nl)
    header = lines[0].split(";")
    ki, wi = header.index(key_col), header.index(wkt_col)
    assert wi == len(header) - 1, f"{path}: the WKT column must be the last one"
    out = [lines[0]]
    seen = set()
    for line in lines[1:]:
        if not line:
            out.append(line)
            continue
        fields = line.split(";")
        key = fields[ki]
        head = ";".join(fields[:wi])
        out.append(f"{head};{new_wkt[key]}")
        seen.add(key)
    missing = set(new_wkt) - seen
    if missing:
        raise ValueError(f"{path}: rows {sorted(missing)} not found")
    path.write_bytes(nl.join(out).encode("utf-8"))


def _read_rows(path: Path, key_col: str, wkt_col: str) -> dict[str, Any]:
    with path.open(encoding="utf-8", newline="") as f:
        return {r[key_col]: shapely.from_wkt(r[wkt_col]) for r in csv.DictReader(f, delimiter=";")}


def _fit(shape: Any, host: Any, near: tuple[float, float] | None = None) -> Any:
    """``shape`` moved (not resized) to lie inside ``host``, its centroid as near ``near`` (or the host's
    middle) as a 4 m grid of positions allows."""
    c = shapely.centroid(shape)
    x0, y0, x1, y1 = host.bounds
    gx, gy = np.meshgrid(np.arange(x0, x1, 4.0), np.arange(y0, y1, 4.0))
    gx, gy = gx.ravel(), gy.ravel()
    tx, ty = near if near is not None else shapely.get_coordinates(shapely.point_on_surface(host))[0]
    order = np.lexsort((gx, gy, np.round(np.hypot(gx - tx, gy - ty), 3)))
    ring = shapely.get_coordinates(shape.exterior)
    for chunk in np.array_split(order, max(1, len(order) // 256)):
        cand = shapely.polygons(ring[None] + np.stack([gx[chunk] - c.x, gy[chunk] - c.y], 1)[:, None])
        ok = np.flatnonzero(shapely.within(cand, host))
        if len(ok):
            return cand[ok[0]]
    raise ValueError(f"cannot fit {shape} into {host.bounds}")


def move_playgrounds(gruen: Any, gewaesser: Any, path: Path) -> Path:
    water = shapely.union_all(gewaesser.geometry.values)
    rows = _read_rows(path, "spielplatz_nr", "flaeche_wkt")
    new = {}
    for key, shape in rows.items():
        park = gruen[gruen.name == PLAYGROUND_PARKS[key]].geometry.union_all().difference(water.buffer(5))
        moved = _fit(shape, park, NEAR.get(key))
        new[key] = _wkt(moved, 2)
    _replace_wkt(path, new, "spielplatz_nr", "flaeche_wkt")
    return path


def move_sites(bloecke: Any, path: Path) -> Path:
    lots = bloecke[bloecke.use.isin(["gewerbe", "industrie"])]
    rows = _read_rows(path, "katasternummer", "flaeche_wkt")
    new = {}
    used: set[int] = set()
    for key, shape in rows.items():
        cand = lots[~lots.index.isin(used)]
        tx, ty = SITE_TARGETS[key]
        # former industrial lots first, then by distance from the target; the first the site fits in
        d = cand.distance(shapely.Point(tx, ty))
        order = sorted(cand.index, key=lambda i: (not cand.former_industrial[i], round(float(d[i]), 3), i))
        for idx in order:
            host = max(shapely.get_parts(cand.geometry[idx]), key=lambda p: p.area)
            try:
                moved = _fit(shape, host, (tx, ty))
            except ValueError:
                continue
            used.add(idx)
            new[key] = _wkt(moved, 1)
            break
        else:
            raise ValueError(f"{path}: no commercial lot holds site {key}")
    _replace_wkt(path, new, "katasternummer", "flaeche_wkt")
    return path


def _wkt(g: Any, nd: int) -> str:
    rings = [shapely.get_coordinates(g.exterior)]
    body = ", ".join(f"{x:.{nd}f} {y:.{nd}f}" for x, y in rings[0])
    return f"POLYGON (({body}))"


def write_first_buildings(town_gpkg: Path, path: Path, n: int = 300) -> Path:
    """The first ``n`` buildings of the town (centre outward), schema of the generated gebaeude layer."""
    import geopandas as gpd

    df = gpd.read_file(town_gpkg, layer="gebaeude", max_features=n)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    df.to_file(path, layer="gebaeude", driver="GPKG", engine="pyogrio", promote_to_multi=False,
               geometry_type="Unknown")
    return path
