"""Planned-building variants of every published Bebauungsplan (post-publish step ``60_plan_variants``).

After each ``gdi etl`` the step reads the *published source views* of the plan datasets (mapper
``plu_zoning`` / ``plu_supplementary``; datasets reading the same XPlanGML file form one plan) and the
plan summary of their run report, never the XPlanGML reader (``citymodel`` must not import ``transforms``).
Per plan it writes, atomically (a staging folder per output, then a rename; the plan JSON last):

* ``var/3dtiles/planned/planned_<plan>_<variant>/``: 3D Tiles through :func:`citymodel.planned.build_planned_tileset`;
* ``var/plans/planned_<plan>_<variant>.geojson``: the volumes (EPSG:4326) with the height rule of each;
* ``var/plans/<plan>.json``: summary (title, Geltungsbereich, variants, rule counts) for the participation.

A plan whose source publications (dataset versions), rules and terrain are unchanged is not rebuilt
(fingerprint in ``var/plans/.variants-state.json``).

Footprint: the buildable areas (``BP_UeberbaubareGrundstuecksFlaeche``) inside a zone
(``BP_BaugebietsTeilFlaeche``), else the zone. Height of a zone, first rule that gives one (recorded per
building as ``height_rule``):

1. ``hoehenangabe`` (``XP_Hoehenangabe``): the highest building-top value (``hMax`` > ``hZwingend`` > ``h``;
   bezugspunkt Firsthöhe, Oberkante, Gebäudehöhe, Höhe baulicher Anlagen, Wandhöhe, else Traufhöhe; base
   points such as EFH or Sockel are no building height). ``hoehenbezug`` 1000/1100/1200 (absolute NHN/NN/DHHN)
   is converted with the terrain (lowest DGM height under the outline; rule ``hoehenangabe_nhn``) and
   skipped without a DGM there; 3000 (relative to the plan's ``bezugshoehe``) is converted the same way when
   both are known, else taken as above ground; other codes are above ground.
2. ``Z``: ``Zmax`` > ``Z`` > ``Zzwingend`` storeys x 3 m.
3. ``BMZ``: BMZ x zone area / (GRZ x zone area) = BMZ / GRZ (without GRZ: BMZ x zone area / footprint area).
4. ``GFZ/GRZ``: ``ceil(GFZ / GRZ)`` storeys (the rule of the former demo step).
5. ``default``: 2 storeys.

Buildable areas with heights of their own (hoehenangabe or Z) override the zone's (the more specific
Festsetzung; with several, the highest). Variants: ``maximal`` (buildable area, full height), ``grz``
(footprint shrunk to GRZ x zone area, storeys from GFZ, at most the maximum and at least the minimum height),
``minimal`` (only for plans that set minimums — ``hMin``/``hZwingend``/``Zmin``/``Zzwingend`` —: the GRZ
footprint at the minimum height of the zones that have one).
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import math
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

from core.area import STORAGE_CRS
from core.config import Settings, load_registry
from core.errors import GdiError
from core.publication import current_dir, published_datasets

from .plan_zones import plan_documents, zone_summaries

LOGGER = logging.getLogger(__name__)
RULES_VERSION = "4"          # part of the fingerprint: a change of the rules or the summary rebuilds every plan
STOREY_HEIGHT_M = 3.0
DEFAULT_STOREYS = 2
PLAN_MAPPERS = ("plu_zoning", "plu_supplementary")
ZONE_CLASSES = ("BP_BaugebietsTeilFlaeche",)
ENVELOPE_CLASSES = ("BP_UeberbaubareGrundstuecksFlaeche",)
VARIANTS = {"maximal": "Maximal zulässige Baukörper (überbaubare Fläche, volle Höhe)",
            "grz": "Baukörper nach GRZ (Grundfläche begrenzt, Höhe nach GFZ)",
            "minimal": "Mindestbebauung (Grundfläche nach GRZ, Mindesthöhe)"}
RULE_LABELS = {"hoehenangabe": "Höhenangabe", "hoehenangabe_nhn": "Höhenangabe (NHN, mit Gelände umgerechnet)",
               "Z": "Vollgeschosse Z x 3 m", "BMZ": "Baumassenzahl / GRZ", "GFZ/GRZ": "GFZ / GRZ",
               "default": "Vorgabe 2 Geschosse"}
COUNT_KEYS = {"hoehenangabe": "height_from_hoehenangabe", "hoehenangabe_nhn": "height_from_hoehenangabe_nhn",
              "Z": "height_from_Z", "BMZ": "height_from_BMZ", "GFZ/GRZ": "height_from_GFZ_GRZ",
              "default": "height_default"}
# XP_ArtHoehenbezugspunkt: building tops (2000 FH, 3000 OK, 5000 HBA, 6000 GBH, 6500 WH) and eaves (1000 TH)
TOP_POINTS = {"2000", "3000", "5000", "6000", "6500"}
EAVES_POINT = "1000"
ABSOLUTE_BEZUG = {"1000", "1100", "1200"}      # XP_ArtHoehenbezug absolutNHN / absolutNN / absolutDHHN
PLAN_BEZUG = "3000"                             # relative to XP_Plan.bezugshoehe


def _f(v: Any) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) and f > 0 else None


def _code(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s[:-2] if s.endswith(".0") else (s or None)


def _angaben(row: dict[str, Any]) -> list[dict[str, Any]]:
    raw = row.get("hoehenangabe")
    try:
        vals = json.loads(raw) if isinstance(raw, str) and raw else []
    except ValueError:
        return []
    return [v for v in vals if isinstance(v, dict)] if isinstance(vals, list) else []


def _convert(value: float, bezug: str | None, ground: float | None, bezugshoehe: float | None,
             notes: list[str]) -> tuple[float | None, bool]:
    """(height above ground, converted with the terrain) of one XP_Hoehenangabe value."""
    if bezug is None and value >= 100:
        bezug = "1000"
        notes.append(f"hoehenangabe {value:g} m without hoehenbezug taken as absolute NHN")
    if bezug in ABSOLUTE_BEZUG:
        if ground is None:
            notes.append(f"absolute height {value:g} m (hoehenbezug {bezug}) ignored: no terrain (DGM) under the plan")
            return None, False
        return value - ground, True
    if bezug == PLAN_BEZUG:
        if bezugshoehe is not None and ground is not None:
            return bezugshoehe + value - ground, True
        notes.append(f"height {value:g} m relative to the plan's Bezugshöhe taken as above ground "
                     f"({'no bezugshoehe' if bezugshoehe is None else 'no terrain'})")
    return value, False


def hoehenangabe_heights(row: dict[str, Any], ground: float | None, bezugshoehe: float | None,
                         notes: list[str]) -> tuple[float | None, float | None, float | None, bool]:
    """(max height, min height, eaves height, terrain used) from the object's XP_Hoehenangabe list."""
    tops: list[float] = []
    mins: list[float] = []
    eaves: list[float] = []
    terrain = False
    for a in _angaben(row):
        point = _code(a.get("bezugspunkt"))
        if point is not None and point not in TOP_POINTS and point != EAVES_POINT:
            notes.append(f"hoehenangabe with bezugspunkt {point} is no building height: not used")
            continue
        bezug = _code(a.get("hoehenbezug"))
        hi = _f(a.get("hMax")) or _f(a.get("hZwingend")) or _f(a.get("h"))
        lo = _f(a.get("hMin")) or _f(a.get("hZwingend"))
        for val, target in ((hi, eaves if point == EAVES_POINT else tops), (lo, mins)):
            if val is None:
                continue
            h, used = _convert(val, bezug, ground, bezugshoehe, notes)
            if h is None or not 0 < h < 300:
                if h is not None:
                    notes.append(f"hoehenangabe {val:g} m gives {h:.1f} m above ground: not plausible, ignored")
                continue
            terrain = terrain or used
            target.append(h)
    top = max(tops) if tops else (max(eaves) if eaves else None)
    return top, (max(mins) if mins else None), (max(eaves) if eaves else None), terrain


def resolve(row: dict[str, Any], *, ground: float | None, bezugshoehe: float | None, zone_area: float,
            footprint_area: float) -> dict[str, Any]:
    """Height rule of one zone (see the module docstring): ``height_m``, ``storeys``, ``height_rule``,
    ``height_min_m``, ``min_rule``, ``eaves_height_m``, ``notes``."""
    notes: list[str] = []
    top, low, eaves, terrain = hoehenangabe_heights(row, ground, bezugshoehe, notes)
    zmax = _f(row.get("Zmax")) or _f(row.get("Z")) or _f(row.get("Zzwingend"))
    zmin = _f(row.get("Zmin")) or _f(row.get("Zzwingend"))
    grz, gfz, bmz = _f(row.get("GRZ")), _f(row.get("GFZ")), _f(row.get("BMZ"))
    if top is not None:
        rule, h = ("hoehenangabe_nhn" if terrain else "hoehenangabe"), top
    elif zmax is not None:
        rule, h = "Z", zmax * STOREY_HEIGHT_M
    elif bmz is not None and (grz or footprint_area > 0):
        rule = "BMZ"
        h = bmz / grz if grz else bmz * zone_area / footprint_area
    elif grz and gfz:
        rule, h = "GFZ/GRZ", max(1, math.ceil(round(gfz / grz, 6))) * STOREY_HEIGHT_M
    else:
        rule, h = "default", DEFAULT_STOREYS * STOREY_HEIGHT_M
    storeys = int(zmax) if rule == "Z" and zmax else max(1, round(h / STOREY_HEIGHT_M))
    min_rule = "hoehenangabe" if low is not None else ("Z" if zmin is not None else None)
    hmin = low if low is not None else (zmin * STOREY_HEIGHT_M if zmin is not None else None)
    if hmin is not None:
        hmin = min(hmin, h)
    return {"height_m": round(float(h), 3), "storeys": storeys, "height_rule": rule,
            "height_min_m": None if hmin is None else round(float(hmin), 3), "min_rule": min_rule,
            "eaves_height_m": None if eaves is None else round(float(eaves), 3), "notes": notes}


def _has_heights(row: dict[str, Any]) -> bool:
    return bool(_angaben(row)) or any(_f(row.get(k)) for k in ("Z", "Zmax", "Zmin", "Zzwingend"))


def _shrink_to(poly, target_area: float):
    """Inward buffer (bisection) until the area is at most ``target_area``."""
    if poly.area <= target_area:
        return poly
    lo, hi = 0.0, math.sqrt(poly.area)
    best = poly
    for _ in range(30):
        mid = (lo + hi) / 2
        g = poly.buffer(-mid, join_style="mitre")
        if g.is_empty or g.area <= target_area:
            hi = mid
            if not g.is_empty:
                best = g
        else:
            lo = mid
    return best


def plan_volumes(objects: gpd.GeoDataFrame, label: str, *, bezugshoehe: float | None = None,
                 terrain: Any = None) -> tuple[dict[str, gpd.GeoDataFrame], dict[str, int]]:
    """Volumes per variant (EPSG:25832) and the rule counts from a plan's objects (source-view columns:
    ``key``, ``xplan_class``, ``Z``/``Zmin``/``Zmax``/``Zzwingend``, ``GRZ``/``GFZ``/``BMZ``,
    ``hoehenangabe``; ``terrain``: a :class:`citymodel.terrain.Terrain` or None)."""
    gdf = objects[~shapely.is_missing(objects.geometry.to_numpy())].to_crs(STORAGE_CRS)
    gdf = gdf.set_geometry(shapely.make_valid(gdf.geometry.to_numpy()))
    zones = gdf[gdf["xplan_class"].isin(ZONE_CLASSES)]
    envel = gdf[gdf["xplan_class"].isin(ENVELOPE_CLASSES)]
    env_rows = envel.to_dict("records")
    counts = {k: 0 for k in COUNT_KEYS.values()} | {"zones_without_buildable_area": 0}
    rows: dict[str, list[dict[str, Any]]] = {v: [] for v in VARIANTS}
    geom_col = gdf.geometry.name
    for z in zones.to_dict("records"):
        zone_geom = z[geom_col]
        inside = [(e, zone_geom.intersection(e[geom_col])) for e in env_rows if e[geom_col].intersects(zone_geom)]
        inside = [(e, p) for e, p in inside if p.area > 1.0]
        if not inside:
            counts["zones_without_buildable_area"] += 1
        fp = shapely.union_all([p for _, p in inside]) if inside else zone_geom
        ground = None
        if terrain is not None:
            g = float(terrain.base_heights(np.array([fp]))[0])
            ground = g if math.isfinite(g) else None
        src = {k: z.get(k) for k in ("Z", "Zmin", "Zmax", "Zzwingend", "GRZ", "GFZ", "BMZ", "hoehenangabe")}
        own = [e for e, _ in inside if _has_heights(e)]
        res = resolve(src, ground=ground, bezugshoehe=bezugshoehe, zone_area=zone_geom.area, footprint_area=fp.area)
        if own:   # buildable areas with heights of their own: the more specific Festsetzung wins
            cands = [resolve({**src, "Z": e.get("Z"), "Zmin": e.get("Zmin"), "Zmax": e.get("Zmax"),
                              "Zzwingend": e.get("Zzwingend"), "hoehenangabe": e.get("hoehenangabe")},
                             ground=ground, bezugshoehe=bezugshoehe, zone_area=zone_geom.area,
                             footprint_area=fp.area) for e in own]
            res = max(cands, key=lambda r: r["height_m"])
            res["notes"] = [*res["notes"], "height from the buildable area inside the zone"]
        counts[COUNT_KEYS[res["height_rule"]]] += 1
        grz, gfz = _f(z.get("GRZ")), _f(z.get("GFZ"))
        base = {"zone": z["key"], "grz": grz, "gfz": gfz, "height_rule": res["height_rule"],
                "height_source": res["height_rule"], "height_min_m": res["height_min_m"],
                "eaves_height_m": res["eaves_height_m"], "ground_m": ground, "height_notes": "; ".join(res["notes"]),
                "label": f"{label} – Höhe: {RULE_LABELS[res['height_rule']]}"}
        h, storeys = res["height_m"], res["storeys"]
        rows["maximal"].append({**base, "id": f"{z['key']}-max", "height_m": h, "storeys": storeys, "geometry": fp})
        fp2, h2, s2 = fp, h, storeys
        if grz:
            fp2 = _shrink_to(fp, grz * zone_geom.area)
            s2 = max(1, math.ceil(round((gfz or grz * storeys) / grz, 6)))
            h2 = min(h, s2 * STOREY_HEIGHT_M)
        if res["height_min_m"] is not None:
            h2 = max(h2, res["height_min_m"])
        rows["grz"].append({**base, "id": f"{z['key']}-grz", "height_m": h2, "storeys": s2, "geometry": fp2})
        if res["height_min_m"] is not None:
            hm = res["height_min_m"]
            rows["minimal"].append({**base, "id": f"{z['key']}-min", "height_m": hm, "height_rule": res["min_rule"],
                                    "storeys": max(1, round(hm / STOREY_HEIGHT_M)), "geometry": fp2})
    out = {}
    for v, rs in rows.items():
        if v == "minimal" and not rs:
            continue
        g = gpd.GeoDataFrame(rs, geometry="geometry", crs=STORAGE_CRS) if rs else \
            gpd.GeoDataFrame({"id": [], "height_m": [], "storeys": []}, geometry=[], crs=STORAGE_CRS)
        g["variant"] = v
        g["key"] = g["id"]
        out[v] = g
    return out, counts


# -- the post-publish step ---------------------------------------------------------------------------
def find_dgm(settings: Settings) -> Path | None:
    """Terrain for absolute heights: ``GDI_PLAN_DGM`` (GeoTIFF, VRT or a folder of DGM1 tiles, EPSG:25832), else
    the city model's demo DGM."""
    env = os.environ.get("GDI_PLAN_DGM")
    if env:
        return Path(env)
    cand = settings.var_dir / "citymodel" / "dgm_demo.tif"
    return cand if cand.exists() else None


def plan_groups(settings: Settings) -> dict[str, list[str]]:
    """Published plan datasets grouped by their source file: {plan id: [dataset ids]}; the plan id is the
    ``plu_zoning`` dataset's id (else the first)."""
    reg = load_registry(settings.datasets_dir, check_plugins=False, publish_dir=settings.publish_dir)
    pubs = published_datasets(settings.publish_dir)
    groups: dict[str, list[Any]] = {}
    for ds_id in sorted(pubs):
        ds = reg.get(ds_id)
        if ds is None or ds.mapper not in PLAN_MAPPERS or not ds.sources:
            continue
        groups.setdefault(str(ds.source_path(ds.sources[0]).resolve()), []).append(ds)
    out = {}
    for members in groups.values():
        members.sort(key=lambda d: (d.mapper != "plu_zoning", d.id))
        out[members[0].id] = [d.id for d in members]
    return out


def _read_group(settings: Settings, ds_ids: list[str]) -> tuple[gpd.GeoDataFrame | None, dict[str, Any]]:
    import pandas as pd
    import pyogrio

    from core.store import get_store
    store = get_store(settings)
    frames: list[gpd.GeoDataFrame] = []
    plan: dict[str, Any] = {}
    for ds_id in ds_ids:
        # the version's download GeoPackage: the same rows in either store (pyogrio's GDAL has no PG driver)
        folder = store.current_dir(ds_id)
        gpkg = folder / f"{ds_id}.gpkg" if folder is not None else None
        if gpkg is None or not gpkg.exists():
            continue
        df = pyogrio.read_dataframe(gpkg, layer=f"{ds_id}_source")
        if "xplan_class" in df.columns:
            frames.append(df.to_crs(STORAGE_CRS))
        rep = (current_dir(settings.publish_dir, ds_id) or Path("/nonexistent")) / "report.json"
        if not plan and rep.exists():
            plan = (json.loads(rep.read_text(encoding="utf-8")).get("mapper") or {}).get("plan") or {}
    if not frames:
        return None, plan
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs=STORAGE_CRS), plan


def _fingerprint(settings: Settings, ds_ids: list[str], dgm: Path | None) -> str:
    pubs = published_datasets(settings.publish_dir)
    d: dict[str, Any] = {"rules": RULES_VERSION, "storey": STOREY_HEIGHT_M,
                         "versions": {i: (pubs.get(i) or {}).get("version") for i in ds_ids}}
    if dgm is not None and dgm.exists():
        from .dgm_tiles import signature  # a file: [size, mtime]; a folder of DGM1 tiles: over its tiles
        d["dgm"] = [str(dgm), *signature(dgm)]
        from .terrain_tiles import terrain_vertical  # absolute heights on the Cesium terrain, else relative
        d["vertical"] = terrain_vertical()
    return hashlib.sha1(json.dumps(d, sort_keys=True).encode()).hexdigest()[:16]


@contextlib.contextmanager
def _lock(folder: Path) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".variants.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _swap_dir(staging: Path, final: Path) -> None:
    old = final.with_name(f".old-{final.name}")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(staging, final)
    shutil.rmtree(old, ignore_errors=True)


def _summary(plan_id: str, plan: dict[str, Any], settings: Settings) -> dict[str, Any]:
    geom = plan.get("geltungsbereich_crs84")
    pubs = published_datasets(settings.publish_dir)
    bbox = list(shapely.from_geojson(json.dumps(geom)).bounds) if geom else (pubs.get(plan_id) or {}).get("bbox_crs84")
    title = (pubs.get(plan_id) or {}).get("registry_entry", {}).get("title", {}).get("de", plan_id)
    return {"id": plan_id, "title": str(plan.get("title") or title), "dataset_title": title,
            "xplan_class": plan.get("class"), "xplan_version": plan.get("version"), "bbox_crs84": bbox,
            "geltungsbereich": {"type": "FeatureCollection", "features": (
                [{"type": "Feature", "properties": {}, "geometry": geom}] if geom else [])}}


def _ground(bbox: list[float] | None, terrain: Any) -> float | None:
    """The ground at the plan's centre as the 3D clients' terrain has it (DGM + geoid undulation, when the
    terrain is served), so the kiosk can look at the plan before a terrain tile is loaded; else None."""
    from .terrain_tiles import TerrainOptions, terrain_vertical
    if not bbox or terrain is None or terrain_vertical() != "absolute":
        return None
    from pyproj import Transformer
    x, y = Transformer.from_crs("OGC:CRS84", STORAGE_CRS, always_xy=True).transform(
        (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2)
    z = float(terrain.sample(np.array([x]), np.array([y]))[0])
    return round(z + TerrainOptions().geoid_undulation_m, 1) if np.isfinite(z) else None


def build_plan(settings: Settings, plan_id: str, objects: gpd.GeoDataFrame | None, plan: dict[str, Any],
               dgm: Path | None, layers: list[str] | None = None) -> dict[str, Any]:
    """Build one plan's variants into staging folders, then switch them in; returns the summary.
    ``layers``: the plan's WMS layer names (zoning first), for the participation maps and their legend."""
    from .planned import build_planned_tileset
    from .terrain import Terrain
    plans_dir, tiles_dir = settings.var_dir / "plans", settings.var_dir / "3dtiles" / "planned"
    summary = _summary(plan_id, plan, settings)
    summary["zones"] = zone_summaries(objects)     # what each building area allows, in plain German
    summary["documents"] = plan_documents(plan)
    summary["wms_layers"] = list(layers or [])
    variants: list[dict[str, Any]] = []
    staged: list[tuple[Path, Path]] = []
    try:
        terrain = Terrain(dgm) if dgm is not None and dgm.exists() else None
        summary["ground_ellipsoid_m"] = _ground(summary.get("bbox_crs84"), terrain)
        if objects is not None and (plan.get("class") in (None, "BP_Plan")):
            vols, counts = plan_volumes(objects, f"Bebauungsplan {plan_id}", bezugshoehe=_f(plan.get("bezugshoehe")),
                                        terrain=terrain)
            summary["volume_counts"] = counts
            for v, g in vols.items():
                name = f"planned_{plan_id}_{v}"
                gj_stage = plans_dir / f".staging-{name}.geojson"
                g.to_crs("EPSG:4326").to_file(gj_stage, driver="GeoJSON")
                staged.append((gj_stage, plans_dir / f"{name}.geojson"))
                status = "empty"
                if len(g):
                    stage = tiles_dir / f".staging-{name}"
                    shutil.rmtree(stage, ignore_errors=True)
                    try:
                        build_planned_tileset(g, stage, name, dgm=dgm)
                        status = "built"
                        staged.append((stage, tiles_dir / name))
                    except (GdiError, ValueError, OSError) as exc:   # the 2D plan and GeoJSON volumes stay
                        LOGGER.warning("planned tileset %s failed: %s", name, exc)
                        status = f"failed: {exc}"
                        shutil.rmtree(stage, ignore_errors=True)
                variants.append({"name": name, "variant": v, "label": VARIANTS[v], "count": len(g),
                                 "geojson": f"{name}.geojson", "tileset": f"/3dtiles/planned/{name}/tileset.json",
                                 "tileset_status": status,
                                 "height_rules": {str(k): {"rule": r, "height_m": h} for k, r, h in
                                                  zip(g["key"], g["height_rule"], g["height_m"], strict=True)}
                                 if len(g) else {}})
    except BaseException:
        for stage, _ in staged:
            shutil.rmtree(stage, ignore_errors=True) if stage.is_dir() else stage.unlink(missing_ok=True)
        raise
    for stage, final in staged:          # switch: tilesets and GeoJSON first, the plan JSON (which names them) last
        if stage.is_dir():
            _swap_dir(stage, final)
        else:
            os.replace(stage, final)
    keep = {v["name"] for v in variants}
    for old in [*tiles_dir.glob(f"planned_{plan_id}_*"), *plans_dir.glob(f"planned_{plan_id}_*.geojson")]:
        if old.name.removesuffix(".geojson") not in keep and old.name.removeprefix(f"planned_{plan_id}_").removesuffix(
                ".geojson") in VARIANTS:
            shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
    summary["variants"] = variants
    tmp = plans_dir / f".{plan_id}.json.tmp"
    tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    os.replace(tmp, plans_dir / f"{plan_id}.json")
    return summary


def write_variants(settings: Settings) -> dict[str, Any]:
    """POST_PUBLISH hook: (re)build the variants of every published plan whose publication changed.
    Returns {plan id: "built" | "unchanged" | "failed: <reason>"}; a failed plan keeps its previous outputs."""
    plans_dir = settings.var_dir / "plans"
    (settings.var_dir / "3dtiles" / "planned").mkdir(parents=True, exist_ok=True)
    done: dict[str, Any] = {}
    dgm = find_dgm(settings)
    reg = load_registry(settings.datasets_dir, check_plugins=False, publish_dir=settings.publish_dir)
    with _lock(plans_dir):
        state_file = plans_dir / ".variants-state.json"
        state = json.loads(state_file.read_text(encoding="utf-8")) if state_file.exists() else {}
        for plan_id, ds_ids in plan_groups(settings).items():
            layers = [reg[d].wms_layer_name for d in ds_ids if d in reg]
            fp = _fingerprint(settings, ds_ids, dgm) + ":" + ",".join(layers)
            if state.get(plan_id) == fp and (plans_dir / f"{plan_id}.json").exists():
                done[plan_id] = "unchanged"
                continue
            try:
                objects, plan = _read_group(settings, ds_ids)
                summary = build_plan(settings, plan_id, objects, plan, dgm, layers)
            except (GdiError, ValueError, OSError) as exc:   # one broken plan must not stop the others
                LOGGER.error("plan variants of %s failed (previous outputs kept): %s", plan_id, exc)
                done[plan_id] = f"failed: {exc}"
                continue
            state[plan_id] = fp
            tmp = state_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(state, indent=1), encoding="utf-8")
            os.replace(tmp, state_file)
            done[plan_id] = "built"
            LOGGER.info("plan %s: %d variants (%s)", plan_id, len(summary["variants"]),
                        summary.get("volume_counts"))
    return done
