"""Demo plans for the participation: planned-building volumes (two variants per plan) and a plan summary.

The plan datasets themselves (``datasets/bplan2070*``) are published by the normal ETL. This step reads
the same XPlanGML and derives the *maximum permitted building volumes* from ``BP_BaugebietsTeilFlaeche``
(GRZ, GFZ, Z, heights) and ``BP_UeberbaubareGrundstuecksFlaeche`` (the building envelope):

* footprint = buildable area (Überbaubare Grundstücksfläche) inside its Baugebiet; where a Baugebiet has
  no buildable area, the Baugebiet itself;
* height: a relative maximum height from ``hoehenangabe`` (GH/FH/TH; values over 100 m are taken as
  absolute NHN heights and ignored) > storeys (``Z``/``Zmax``) x storey height > storeys derived from
  ``ceil(GFZ / GRZ)`` > a documented default of 2 storeys; every fallback is counted;
* variant ``maximal``: the whole buildable area at full height (the envelope the plan allows);
  variant ``grz``: the footprint shrunk (inward buffer) until it covers at most GRZ x Baugebiet area,
  height from GFZ — what the plan allows when the ground-coverage ratio is respected.

The volumes go to ``citymodel.planned.build_planned_tileset(volumes, out_dir, name)`` when the city
model has it, and are always written as GeoJSON (EPSG:4326 + height) to ``var/plans/`` for the
participation service.
"""
from __future__ import annotations

import json
import logging
import math
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely

from core.area import STORAGE_CRS
from core.config import Dataset, Settings, load_registry
from core.errors import GdiError

LOGGER = logging.getLogger(__name__)
STOREY_HEIGHT_M = 3.0
DEFAULT_STOREYS = 2
VARIANTS = {"maximal": "Maximal zulässige Baukörper (überbaubare Fläche, volle Höhe)",
            "grz": "Baukörper nach GRZ (Grundfläche begrenzt, Höhe nach GFZ)"}


def _num(attrs: dict[str, Any], *keys: str) -> float | None:
    for k in keys:
        v = attrs.get(k)
        if isinstance(v, list):
            v = v[0] if v else None
        if v is None:
            continue
        try:
            f = float(v)
        except (TypeError, ValueError):
            continue
        if math.isfinite(f) and f > 0:
            return f
    return None


def _height(attrs: dict[str, Any], counts: dict[str, int]) -> tuple[float, int, str]:
    """(height m, storeys, source of the height)."""
    rel = [float(v) for k, v in attrs.items()
           if "hoehenangabe" in k.lower() and k.lower().endswith(("_h", "_hmax", "hmax"))
           and isinstance(v, (int, float)) and 0 < float(v) < 100]
    z = _num(attrs, "Zmax", "Z", "Zzwingend", "Z_Ausn")
    grz, gfz = _num(attrs, "GRZ", "GRZmax"), _num(attrs, "GFZ", "GFZmax")
    if rel:
        counts["height_from_hoehenangabe"] += 1
        h = max(rel)
        return h, max(1, round(h / STOREY_HEIGHT_M)), "hoehenangabe"
    if z:
        counts["height_from_Z"] += 1
        return z * STOREY_HEIGHT_M, int(z), "Z"
    if grz and gfz:
        counts["height_from_GFZ_GRZ"] += 1
        s = max(1, math.ceil(round(gfz / grz, 6)))
        return s * STOREY_HEIGHT_M, s, "GFZ/GRZ"
    counts["height_default"] += 1
    return DEFAULT_STOREYS * STOREY_HEIGHT_M, DEFAULT_STOREYS, "default"


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


def planned_volumes(ds: Dataset, settings: Settings) -> tuple[dict[str, gpd.GeoDataFrame], dict[str, int]]:
    """Planned volumes per variant (GeoDataFrames in EPSG:25832) and the fallback counts."""
    from transforms.readers.xplan import read_xplan
    src = ds.sources[0]
    gdf = gpd.GeoDataFrame(next(iter(read_xplan(ds.source_path(src), src, ds, settings))))
    gdf = gdf[~shapely.is_missing(gdf.geometry.to_numpy())].to_crs(STORAGE_CRS)
    gdf["geometry"] = shapely.make_valid(gdf.geometry.to_numpy())
    zones = gdf[gdf["xplan_class"] == "BP_BaugebietsTeilFlaeche"]
    envel = gdf[gdf["xplan_class"] == "BP_UeberbaubareGrundstuecksFlaeche"]
    counts = {"height_from_hoehenangabe": 0, "height_from_Z": 0, "height_from_GFZ_GRZ": 0, "height_default": 0,
              "zones_without_buildable_area": 0}
    rows: dict[str, list[dict[str, Any]]] = {v: [] for v in VARIANTS}
    env_union = envel.geometry.to_numpy()
    for z in zones.itertuples(index=False):
        attrs = json.loads(z.attributes or "{}")
        h, storeys, how = _height(attrs, counts)
        zone_geom = z.geometry
        parts = [zone_geom.intersection(e) for e in env_union if e.intersects(zone_geom)]
        parts = [p for p in parts if p.area > 1.0]
        if not parts:
            counts["zones_without_buildable_area"] += 1
            parts = [zone_geom]
        fp = shapely.union_all(parts)
        grz, gfz = _num(attrs, "GRZ", "GRZmax"), _num(attrs, "GFZ", "GFZmax")
        base = {"zone": z.key, "grz": grz, "gfz": gfz, "height_source": how}
        rows["maximal"].append({**base, "id": f"{z.key}-max", "height_m": h, "storeys": storeys, "geometry": fp})
        if grz:
            fp2 = _shrink_to(fp, grz * zone_geom.area)
            s2 = max(1, math.ceil(round((gfz or grz * storeys) / grz, 6)))
            h2 = min(h, s2 * STOREY_HEIGHT_M)
            rows["grz"].append({**base, "id": f"{z.key}-grz", "height_m": h2, "storeys": s2, "geometry": fp2})
        else:
            rows["grz"].append({**base, "id": f"{z.key}-grz", "height_m": h, "storeys": storeys, "geometry": fp})
    out = {}
    for v, rs in rows.items():
        g = gpd.GeoDataFrame(rs, geometry="geometry", crs=STORAGE_CRS) if rs else \
            gpd.GeoDataFrame({"id": [], "height_m": [], "storeys": []}, geometry=[], crs=STORAGE_CRS)
        g["variant"] = v
        g["key"] = g["id"]
        g["label"] = f"Bebauungsplan {ds.id}"
        out[v] = g
    return out, counts


def plan_summary(ds: Dataset, settings: Settings) -> dict[str, Any]:
    from transforms.readers.xplan import plan_info
    info = plan_info(ds.source_path(ds.sources[0]), settings)
    geom = gpd.GeoSeries([info["geometry"]], crs=ds.sources[0].crs or info["crs"]).to_crs("EPSG:4326")
    a = info["attributes"]
    return {"id": ds.id, "title": str(a.get("name") or ds.title.de), "dataset_title": ds.title.de,
            "xplan_class": info["class"], "xplan_version": info["version"],
            "bbox_crs84": list(geom.total_bounds), "geltungsbereich": json.loads(geom.to_json())}


def _build_tileset(volumes: gpd.GeoDataFrame, out_dir: Path, name: str) -> str:
    from citymodel.planned import build_planned_tileset
    try:
        build_planned_tileset(volumes, out_dir, name)
    except (GdiError, ValueError, OSError) as exc:  # bad plan data: the 2D plan and GeoJSON volumes stay
        LOGGER.warning("planned tileset %s failed: %s", name, exc)
        return f"failed: {exc}"
    return "built"


def import_demo_plans(settings: Settings) -> dict[str, Any]:
    """DEMO step: for every BP dataset read by the ``xplan`` reader with the ``plu_zoning`` mapper, write
    ``var/plans/<id>.json`` (summary + variants) and the planned volumes per variant."""
    reg = load_registry(settings.datasets_dir, check_plugins=False)
    out_root = settings.var_dir / "plans"
    out_root.mkdir(parents=True, exist_ok=True)
    done: dict[str, Any] = {}
    for ds in reg.values():
        if ds.mapper != "plu_zoning" or not ds.sources or ds.sources[0].reader != "xplan":
            continue
        summary = plan_summary(ds, settings)
        variants = []
        if summary["xplan_class"] == "BP_Plan":
            vols, counts = planned_volumes(ds, settings)
            summary["volume_counts"] = counts
            for v, g in vols.items():
                name = f"planned_{ds.id}_{v}"
                gj = out_root / f"{name}.geojson"
                g.to_crs("EPSG:4326").to_file(gj, driver="GeoJSON")
                status = _build_tileset(g, settings.var_dir / "3dtiles" / "planned" / name, name) if len(g) else "empty"
                variants.append({"name": name, "variant": v, "label": VARIANTS[v], "count": len(g),
                                 "geojson": gj.name, "tileset": f"/3dtiles/planned/{name}/tileset.json",
                                 "tileset_status": status})
        summary["variants"] = variants
        tmp = out_root / f".{ds.id}.json.tmp"
        tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(out_root / f"{ds.id}.json")
        done[ds.id] = summary
        LOGGER.info("plan %s: %d variants", ds.id, len(variants))
    return done
