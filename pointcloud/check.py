"""Checks of a written point-cloud tileset, independent of how it was built (tests, ``gdi pointcloud
convert --check``). The npm ``3d-tiles-validator`` is not obtainable from this project's npm registry, so
this checks what it would for our output: asset version 1.1, every content URI present and a glb,
geometric error not increasing with depth, every content point inside its tile's bounding volume (box
with the accumulated transforms, or the root region) and, with ``extent_lonlat``, on the globe where the
input lies."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from citymodel.check import accessor, read_glb
from citymodel.tiling import ecef_to_geodetic


@dataclass
class PointCheck:
    contents: int = 0
    points: int = 0            # in all contents, the coarser copies of REPLACE tiles included
    refined_points: int = 0    # shown at full refinement (ADD tiles and leaves): each input point once
    classes: dict[int, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    lonlat: list[float] = field(default_factory=list)   # west, south, east, north of all points seen
    heights: list[float] = field(default_factory=list)  # min, max ellipsoidal height

    @property
    def ok(self) -> bool:
        return not self.errors


def glb_points(path: Path) -> tuple[np.ndarray, np.ndarray | None]:
    """Positions in the tile frame, z-up (the glTF y-up positions rotated as 3D Tiles runtimes do), and
    the classification property attribute."""
    gltf, blob = read_glb(path)
    prim = gltf["meshes"][0]["primitives"][0]
    yup = accessor(gltf, blob, prim["attributes"]["POSITION"]).astype(np.float64)
    cls = None
    if "_CLASSIFICATION" in prim["attributes"]:
        cls = accessor(gltf, blob, prim["attributes"]["_CLASSIFICATION"])[:, 0]
    return np.column_stack([yup[:, 0], -yup[:, 2], yup[:, 1]]), cls


def _in_box(p: np.ndarray, box: list[float], tol: float) -> np.ndarray:
    c = np.asarray(box[:3])
    axes = np.asarray(box[3:]).reshape(3, 3)
    d = p - c
    out = np.ones(len(p), bool)
    for a in axes:
        n2 = float(a @ a)
        if n2 == 0:
            continue
        out &= np.abs(d @ a) <= n2 + tol * math.sqrt(n2)
    return out


def check_pointcloud_tileset(path: Path, extent_lonlat: tuple[float, float, float, float] | None = None,
                             tol_deg: float = 2e-5, sample: int = 2000) -> PointCheck:
    path = Path(path)
    ts = json.loads(path.read_text())
    res = PointCheck()
    if ts.get("asset", {}).get("version") != "1.1":
        res.errors.append(f"asset.version is {ts.get('asset', {}).get('version')!r}, not '1.1'")
    region = ts["root"]["boundingVolume"].get("region")
    lon_all: list[np.ndarray] = []
    lat_all: list[np.ndarray] = []
    h_all: list[np.ndarray] = []

    def walk(node: dict, m: np.ndarray, parent_ge: float, depth: str, refine: str = "ADD") -> None:
        refine = str(node.get("refine", refine)).upper()
        if "transform" in node:
            m = m @ np.asarray(node["transform"], float).reshape(4, 4).T
        ge = float(node.get("geometricError", -1))
        if ge < 0 or ge > parent_ge + 1e-9:
            res.errors.append(f"{depth}: geometricError {ge} larger than its parent's {parent_ge}")
        if "content" in node:
            uri = node["content"]["uri"]
            f = path.parent / uri
            if not f.is_file():
                res.errors.append(f"{depth}: content {uri} missing")
            else:
                try:
                    p, cls = glb_points(f)
                except (ValueError, KeyError) as exc:
                    res.errors.append(f"{uri}: {exc}")
                    p, cls = np.zeros((0, 3)), None
                res.contents += 1
                res.points += len(p)
                if refine != "REPLACE" or not node.get("children"):
                    res.refined_points += len(p)
                if cls is None:
                    res.errors.append(f"{uri}: no _CLASSIFICATION property attribute")
                else:
                    for k, v in zip(*np.unique(cls, return_counts=True), strict=True):
                        res.classes[int(k)] = res.classes.get(int(k), 0) + int(v)
                box = node["boundingVolume"].get("box")
                if box is not None and len(p):
                    bad = int((~_in_box(p, box, 0.05)).sum())
                    if bad:
                        res.errors.append(f"{uri}: {bad} of {len(p)} points outside the tile's bounding box")
                if len(p):
                    step = max(1, len(p) // sample)
                    q = p[::step]
                    ecef = q @ m[:3, :3].T + m[:3, 3]
                    lon, lat, h = ecef_to_geodetic(ecef)
                    lon_all.append(lon)
                    lat_all.append(lat)
                    h_all.append(h)
                    if region is not None:
                        w, s, e, n, h0, h1 = region
                        lr, la = np.radians(lon), np.radians(lat)
                        out = (lr < w - 1e-7) | (lr > e + 1e-7) | (la < s - 1e-7) | (la > n + 1e-7)
                        out |= (h < h0 - 0.5) | (h > h1 + 0.5)
                        if out.any():
                            res.errors.append(f"{uri}: {int(out.sum())} sampled points outside the root region")
        for i, c in enumerate(node.get("children", [])):
            walk(c, m, ge, f"{depth}/{i}", refine)

    walk(ts["root"], np.eye(4), float(ts.get("geometricError", math.inf)), "root")
    if lon_all:
        lon, lat, h = np.concatenate(lon_all), np.concatenate(lat_all), np.concatenate(h_all)
        res.lonlat = [float(lon.min()), float(lat.min()), float(lon.max()), float(lat.max())]
        res.heights = [float(h.min()), float(h.max())]
        if extent_lonlat is not None:
            w, s, e, n = extent_lonlat
            if (res.lonlat[0] < w - tol_deg or res.lonlat[1] < s - tol_deg or res.lonlat[2] > e + tol_deg
                    or res.lonlat[3] > n + tol_deg):
                res.errors.append(f"points at {res.lonlat}, outside the input's extent {list(extent_lonlat)}")
    return res
