"""Building one tile (runs in a worker process): footprints -> meshes -> ENU -> glb on disk.

A plain function of a picklable job dict, so a process pool or dask.distributed can run it, and tests
can call it directly.
"""
from __future__ import annotations

import math
import os
from pathlib import Path

import numpy as np

from .codes import FUNCTION_LABELS, HEIGHT_SOURCES, PITCHED, ROOF_KIND, ROOF_LABELS, enum_values
from .geometry import Skeleton, SkeletonFailed, roof_mesh, shed_plane, skeleton, tile_rings, wall_triangles
from .gltf import PLANNED_COLOURS, ROOF_COLOUR, WALL_COLOUR, write_glb
from .lod2 import add_lod2, lod2_mask
from .rectroofs import orthogonal_rects, rect_corners, rect_roofs
from .source import HeightRules, normalise, read_footprints, resolve_heights
from .tiling import Georef

CLASS_ID = "gebaeude"


def schema(functions: set[int], roofs: set[int]) -> dict:
    """EXT_structural_metadata schema: building id, ALKIS function and roof form as ENUMs with German
    labels, storeys, heights, address. Never owners or other personal data."""
    return {
        "id": "gdi_hildesheim_gebaeude",
        "name": "Gebäude (ALKIS)",
        "enums": {
            "Gebaeudefunktion": {"valueType": "UINT16", "values": enum_values(FUNCTION_LABELS, functions)},
            "Dachform": {"valueType": "UINT16", "values": enum_values(ROOF_LABELS, roofs)},
            "Hoehenquelle": {"valueType": "UINT8", "values": enum_values(HEIGHT_SOURCES)},
        },
        "classes": {CLASS_ID: {"name": "Gebäude", "properties": {
            "id": {"name": "Gebäude-ID", "type": "STRING", "required": True},
            "funktion": {"name": "Gebäudefunktion", "type": "ENUM", "enumType": "Gebaeudefunktion"},
            "dachform": {"name": "Dachform", "type": "ENUM", "enumType": "Dachform"},
            "geschosse": {"name": "Geschosse (oberirdisch)", "type": "SCALAR", "componentType": "UINT8",
                          "noData": 255},
            "hoehe": {"name": "Höhe über Gelände (m)", "type": "SCALAR", "componentType": "FLOAT32"},
            "traufhoehe": {"name": "Traufhöhe über Gelände (m)", "type": "SCALAR", "componentType": "FLOAT32"},
            "gelaendehoehe": {"name": "Geländehöhe (m)", "type": "SCALAR", "componentType": "FLOAT32"},
            "hoehenquelle": {"name": "Herkunft der Höhe", "type": "ENUM", "enumType": "Hoehenquelle"},
            "adresse": {"name": "Adresse", "type": "STRING"},
        }}},
    }


def build_tile(job: dict) -> dict:
    opts = job["options"]
    src = job["source"]
    if isinstance(src, str):
        df = read_footprints(Path(src), job.get("layer"), fids=job["fids"])
        df = df.loc[np.asarray(job["fids"])]
    else:
        df = normalise(src)
    n = len(df)
    ox, oy = job["origin"]
    lod1 = opts["lod"] == 1
    codes = df["roof_form"].to_numpy(float)
    kinds = []
    stats: dict[str, int] = {}
    for c in codes:
        k = ROOF_KIND.get(int(c)) if np.isfinite(c) else None
        if k is None:
            stats["unknown_roof"] = stats.get("unknown_roof", 0) + 1
            k = "flat"
        kinds.append("lod1" if lod1 else k)
    is3d = lod2_mask(df) & (not lod1)   # LoD2 surfaces as they are (citymodel.lod2): no footprint mesh
    kinds = ["lod2" if m else k for k, m in zip(kinds, is3d, strict=True)]
    rings, ea, eb, edge_b = tile_rings(np.where(is3d, np.array(None, dtype=object), df.geometry.values), (ox, oy))
    # rectangles (the common case) get closed-form roofs, vectorised over the tile
    part_b = np.array([b for b, parts in enumerate(rings) for _ in parts], dtype=np.int64)
    shells = [sh if not ho else sh[:0] for parts in rings for sh, ho in parts]
    is_rect, corners = rect_corners(shells)
    rect_b = part_b[is_rect]
    all_rect = np.bincount(part_b[is_rect], minlength=n) == np.bincount(part_b, minlength=n)
    all_rect &= np.bincount(part_b, minlength=n) > 0
    vec = all_rect & np.array([k != "shed" for k in kinds], dtype=bool)
    rc, rb = [corners[vec[rect_b]]], [rect_b[vec[rect_b]]]
    # orthogonal L/T/U/courtyard footprints with pitched roofs: maximal rectangles (exact hip envelope)
    for i in np.flatnonzero(~vec):
        if kinds[i] not in PITCHED or not rings[i]:
            continue
        rs = [orthogonal_rects(sh, ho) for sh, ho in rings[i]]
        found = [r for r in rs if r is not None]
        if len(found) == len(rs):
            allr = np.concatenate(found)
            rc.append(allr)
            rb.append(np.full(len(allr), i))
            vec[i] = True
            stats["orthogonal_fast_path"] = stats.get("orthogonal_fast_path", 0) + 1
    vc, vb = np.concatenate(rc), np.concatenate(rb).astype(np.int64)
    half_short = np.linalg.norm(vc[:, 2] - vc[:, 1], axis=1) / 2 if len(vc) else np.zeros(0)
    pitch = math.tan(math.radians(opts["pitch_deg"]))
    tmax = np.zeros(n)
    np.maximum.at(tmax, vb, half_short)
    default_roof = np.where(vec, pitch * tmax, 0.0)
    sk_all: list[list[Skeleton | None] | None] = [None] * n
    for i in np.flatnonzero(~vec):
        parts, k = rings[i], kinds[i]
        if k in PITCHED:
            sks: list[Skeleton | None] = []
            for shell, holes in parts:
                try:
                    sks.append(skeleton(shell, holes))
                except SkeletonFailed:
                    sks.append(None)
            tm = [float(s[1].max()) for s in sks if s is not None]
            tmax[i] = max(tm) if tm else 0.0
            default_roof[i] = pitch * tmax[i]
            sk_all[i] = sks
        elif k == "shed" and parts:
            default_roof[i] = math.tan(math.radians(opts["shed_pitch_deg"])) * shed_plane(*parts[0])[2]
    rules = HeightRules(opts["storey_height"], opts["default_height"], opts["pitch_deg"])
    sloped = np.array([k in PITCHED or k == "shed" for k in kinds])
    total, eaves, hsrc = resolve_heights(df, sloped, default_roof, rules)
    for k, cnt in zip(*np.unique(hsrc, return_counts=True), strict=True):
        stats[f"height_{('measured', 'ridge_eaves', 'storeys', 'default')[int(k)]}"] = int(cnt)
    ground = np.asarray(job["ground"], float)
    wall_top = np.zeros(n)
    # vectorised rectangles
    code = {"flat": 0, "lod1": 0, "hip": 1, "mansard": 1, "gable": 2, "halfhip": 3}
    rk_b = np.array([code.get(k, 0) for k in kinds])
    rk_b[(total - eaves) < 0.05] = 0
    slope_b = np.where(tmax > 0, (total - eaves) / np.maximum(tmax, 1e-9), 0.0)
    r_vec, owner = rect_roofs(vc, rk_b[vb], (ground + eaves)[vb], slope_b[vb], (ground + total)[vb])
    r_list, rf = [r_vec], [vb[owner]]
    wall_top[vec] = np.where(rk_b == 0, ground + total, ground + eaves)[vec]
    for i in np.flatnonzero(vec):
        name = kinds[i] if rk_b[i] or kinds[i] in ("flat", "lod1") else "flat"
        stats[f"roof_{name}"] = stats.get(f"roof_{name}", 0) + 1
    shed = np.zeros((n, 5))  # v_x, v_y, pmin, span, rise for shed roofs (walls follow the plane)
    is_shed = np.zeros(n, bool)
    for i in np.flatnonzero(~vec):
        k = kinds[i]
        r, wall_top[i], fb = roof_mesh(rings[i], float(ground[i]), float(total[i]), float(eaves[i]), k,
                                       sk_all[i], float(slope_b[i]))
        if fb:
            stats["skeleton_failed"] = stats.get("skeleton_failed", 0) + 1
        if k == "shed" and rings[i] and total[i] - eaves[i] >= 0.05:
            v, pmin, span = shed_plane(*rings[i][0])
            shed[i] = (v[0], v[1], pmin, span, total[i] - eaves[i])
            is_shed[i] = True
        name = "flat" if fb or (k in PITCHED and total[i] - eaves[i] < 0.05) else k
        stats[f"roof_{name}"] = stats.get(f"roof_{name}", 0) + 1
        r_list.append(r)
        rf.append(np.full(len(r), i))
    za = wall_top[edge_b].copy()
    zb = za.copy()
    se = is_shed[edge_b]
    if se.any():
        p = shed[edge_b[se]]
        za[se] += ((ea[se] * p[:, :2]).sum(1) - p[:, 2]) / p[:, 3] * p[:, 4]
        zb[se] += ((eb[se] * p[:, :2]).sum(1) - p[:, 2]) / p[:, 3] * p[:, 4]
    walls = wall_triangles(ea, eb, ground[edge_b], za, zb)
    wfid = np.concatenate([edge_b, edge_b])
    roofs = np.concatenate(r_list) if r_list else np.zeros((0, 3, 3))
    warnings: list[str] = []
    if is3d.any():
        walls, wfid, roofs, rf = add_lod2(df, is3d, (ox, oy), ground, walls, wfid, roofs, rf, stats, warnings)
    # UTM offsets + height -> root ENU (exact affine per tile), then around the tile centre
    geo = Georef(*job["georef"])
    a, b = geo.affine(ox, oy)
    walls = walls @ a.T + b
    roofs = roofs @ a.T + b
    allv = np.concatenate([walls.reshape(-1, 3), roofs.reshape(-1, 3)])
    lo, hi = allv.min(axis=0), allv.max(axis=0)
    table = _table(df, total, eaves, ground, hsrc, job)
    fcodes = {int(v) for v in df["function_code"].dropna()}
    rcodes = {int(v) for v in df["roof_form"].dropna()}
    glb = write_glb(walls, wfid,
                    roofs, np.concatenate(rf) if rf else np.zeros(0, int),
                    schema(fcodes, rcodes), CLASS_ID, table, n,
                    quantize=opts["quantize"], meshopt=opts["meshopt"],
                    colours=PLANNED_COLOURS if opts.get("style") == "planned" else (WALL_COLOUR, ROOF_COLOUR))
    if job.get("grid"):
        from .coarse import write_summary
        write_summary(Path(job["summary"]), df.geometry.values, total, ground, job["grid"])
    path = Path(job["path"])
    tmp = path.with_suffix(".glb.tmp")
    tmp.write_bytes(glb)
    os.replace(tmp, path)
    return {"tile": job["tile"], "hash": job["hash"], "count": n, "lo": [float(v) for v in lo],
            "hi": [float(v) for v in hi], "bytes": len(glb),
            "stats": stats, "warnings": warnings}


def _table(df, total, eaves, ground, hsrc, job) -> dict:
    storeys = df["storeys"].to_numpy(float)
    st = np.where(np.isfinite(storeys) & (storeys >= 0) & (storeys < 255), storeys, 255).astype(np.uint8)
    return {
        "id": ("STRING", df["key"].astype(str).tolist()),
        "funktion": ("ENUM", np.nan_to_num(df["function_code"].to_numpy(float), nan=0).astype(np.uint16)),
        "dachform": ("ENUM", np.nan_to_num(df["roof_form"].to_numpy(float), nan=0).astype(np.uint16)),
        "geschosse": ("SCALAR", st),
        "hoehe": ("SCALAR", np.round(total, 2).astype(np.float32)),
        "traufhoehe": ("SCALAR", np.round(eaves, 2).astype(np.float32)),
        "gelaendehoehe": ("SCALAR", np.nan_to_num(np.asarray(job["ground_abs"], float), nan=0)
                          .astype(np.float32)),
        "hoehenquelle": ("ENUM", hsrc.astype(np.uint8)),
        "adresse": ("STRING", [a if isinstance(a, str) else "" for a in df["address"].tolist()]),
    }
