"""Checks of a written tileset, independent of how it was built (used by the tests and ``gdi citymodel
--check``): bounding volumes nest, content lies inside its tile's volume, geometric error decreases
with depth, content lands on the globe where the footprints are, and every building is a feature."""
from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .coarse import CLASS_ID as COARSE_CLASS
from .tiling import ecef_to_geodetic

_CT = {5126: np.float32, 5123: np.uint16, 5122: np.int16, 5121: np.uint8, 5120: np.int8, 5125: np.uint32}
_NC = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4}


def read_glb(path: Path) -> tuple[dict, bytes]:
    data = Path(path).read_bytes()
    magic, version, total = struct.unpack_from("<4sII", data, 0)
    if magic != b"glTF" or version != 2 or total != len(data):
        raise ValueError(f"{path}: not a glb 2.0 file")
    jlen, _ = struct.unpack_from("<II", data, 12)
    gltf = json.loads(data[20:20 + jlen])
    blob = b""
    if 20 + jlen < len(data):
        blen, _ = struct.unpack_from("<II", data, 20 + jlen)
        blob = data[28 + jlen: 28 + jlen + blen]
    return gltf, blob


def accessor(gltf: dict, blob: bytes, i: int) -> np.ndarray:
    a = gltf["accessors"][i]
    v = gltf["bufferViews"][a["bufferView"]]
    dt: np.dtype[Any] = np.dtype(_CT[a["componentType"]])
    nc = _NC[a["type"]]
    stride = v.get("byteStride") or dt.itemsize * nc
    start = v.get("byteOffset", 0) + a.get("byteOffset", 0)
    mo = v.get("extensions", {}).get("EXT_meshopt_compression")
    if mo:  # decode with meshoptimizer's decoder, then read as usual
        import meshopt
        enc = blob[mo.get("byteOffset", 0): mo.get("byteOffset", 0) + mo["byteLength"]]
        dec = np.asarray(meshopt.decode_gltf_buffer(enc, mo["count"], mo["byteStride"], mo["mode"]))
        blob = np.ascontiguousarray(dec).view(np.uint8).tobytes()
        start = a.get("byteOffset", 0)
    raw = np.frombuffer(blob, dtype=np.uint8, count=stride * (a["count"] - 1) + dt.itemsize * nc, offset=start)
    rows = np.lib.stride_tricks.as_strided(raw, shape=(a["count"], dt.itemsize * nc), strides=(stride, 1))
    out = np.ascontiguousarray(rows).view(dt).reshape(a["count"], nc)
    if a.get("normalized"):
        out = out.astype(np.float64) / np.iinfo(dt).max
    return out


def content_positions(gltf: dict, blob: bytes) -> np.ndarray:
    """All vertex positions of the glb in the tile frame (z-up, node transform applied)."""
    node = gltf["nodes"][0]
    s = np.asarray(node.get("scale", [1, 1, 1]), float)
    t = np.asarray(node.get("translation", [0, 0, 0]), float)
    pts = [accessor(gltf, blob, p["attributes"]["POSITION"]).astype(np.float64) * s + t
           for p in gltf["meshes"][0]["primitives"]]
    yup = np.concatenate(pts)
    return np.column_stack([yup[:, 0], -yup[:, 2], yup[:, 1]])  # (x, y=up, z=-north) -> (e, n, u)


def string_property(gltf: dict, blob: bytes, prop: str) -> list[str]:
    """Values of a STRING property of the glb's property table (e.g. the building ids)."""
    table = gltf["extensions"]["EXT_structural_metadata"]["propertyTables"][0]
    p = table["properties"][prop]
    count = table["count"]
    offs = np.frombuffer(blob, np.uint32, count + 1, gltf["bufferViews"][p["stringOffsets"]]["byteOffset"])
    vals = gltf["bufferViews"][p["values"]]
    raw = blob[vals["byteOffset"]: vals["byteOffset"] + vals["byteLength"]]
    if offs[-1] != len(raw):
        raise ValueError("string offsets do not match the values buffer")
    return [raw[offs[i]:offs[i + 1]].decode("utf-8") for i in range(count)]


def is_coarse(gltf: dict) -> bool:
    """Whether a glb holds generalised blocks of a parent tile, not buildings."""
    tables = gltf.get("extensions", {}).get("EXT_structural_metadata", {}).get("propertyTables", [{}])
    return tables[0].get("class") == COARSE_CLASS


def _aabb(box: list[float]) -> tuple[np.ndarray, np.ndarray]:
    c = np.asarray(box[:3])
    h = np.abs(np.asarray(box[3:]).reshape(3, 3)).sum(axis=0)
    return c - h, c + h


@dataclass
class CheckResult:
    problems: list[str] = field(default_factory=list)
    features: int = 0
    tiles: int = 0
    coarse_tiles: int = 0   # parent tiles with generalised blocks (citymodel.coarse)
    blocks: int = 0
    ids: list[str] = field(default_factory=list)
    lon_range: tuple[float, float] = (np.inf, -np.inf)
    lat_range: tuple[float, float] = (np.inf, -np.inf)


def check_tileset(path: Path, extent_lonlat: tuple[float, float, float, float] | None = None,
                  tol_deg: float = 2e-4, sample: int = 400) -> CheckResult:
    """Check ``tileset.json`` and all its glb contents. ``extent_lonlat`` (min lon, min lat, max lon, max
    lat) of the source footprints: every content vertex (a sample per tile) must land inside it."""
    path = Path(path)
    ts = json.loads(path.read_text(encoding="utf-8"))
    res = CheckResult()
    if ts.get("asset", {}).get("version") != "1.1":
        res.problems.append("asset.version is not 1.1")
    root = ts["root"]
    m = np.asarray(root.get("transform", np.eye(4).ravel()), float).reshape(4, 4).T
    if ts["geometricError"] < root["geometricError"]:
        res.problems.append("tileset geometricError below the root's")

    def visit(tile: dict, parent: dict | None, name: str) -> None:
        lo, hi = _aabb(tile["boundingVolume"]["box"])
        if parent is not None:
            plo, phi = _aabb(parent["boundingVolume"]["box"])
            if np.any(lo < plo - 1e-3) or np.any(hi > phi + 1e-3):
                res.problems.append(f"{name}: bounding volume not inside its parent's")
            if tile["geometricError"] >= parent["geometricError"]:
                res.problems.append(f"{name}: geometric error {tile['geometricError']} not below the parent's "
                                    f"{parent['geometricError']}")
        if parent is not None and "content" not in tile:
            res.problems.append(f"{name}: empty tile below the root (where its error is met, the view has a hole)")
        if "content" in tile:
            gltf, blob = read_glb(path.parent / tile["content"]["uri"])
            if is_coarse(gltf):
                res.coarse_tiles += 1
                if tile.get("children") and tile.get("refine") != "REPLACE":
                    res.problems.append(f"{name}: generalised content, but its children do not REPLACE it")
                # blocks may reach over the footprints by up to their generalisation distance (GE / 4)
                extra = 1.5 * tile["geometricError"] / 4 / 68_000
                _check_content(gltf, blob, tile["content"]["uri"], lo, hi, m, res, extent_lonlat, tol_deg + extra,
                               sample)
            else:
                res.tiles += 1
                _check_content(gltf, blob, tile["content"]["uri"], lo, hi, m, res, extent_lonlat, tol_deg, sample)
        for i, ch in enumerate(tile.get("children", [])):
            visit(ch, tile, f"{name}/{i}")

    visit(root, None, "root")
    if len(set(res.ids)) != len(res.ids):
        res.problems.append(f"{len(res.ids) - len(set(res.ids))} duplicate building ids across tiles")
    return res


def _check_content(gltf, blob, uri, lo, hi, m, res: CheckResult, extent, tol_deg, sample) -> None:
    ext = gltf.get("extensions", {}).get("EXT_structural_metadata")
    if not ext:
        res.problems.append(f"{uri}: no EXT_structural_metadata")
        return
    table = ext["propertyTables"][0]
    count = table["count"]
    coarse = table.get("class") == COARSE_CLASS
    if coarse:
        res.blocks += count
    else:
        res.features += count
    for p in gltf["meshes"][0]["primitives"]:
        fids = p["extensions"]["EXT_mesh_features"]["featureIds"][0]
        if fids["featureCount"] != count:
            res.problems.append(f"{uri}: featureCount {fids['featureCount']} != property table count {count}")
        f = accessor(gltf, blob, p["attributes"]["_FEATURE_ID_0"]).ravel()
        if f.min() < 0 or f.max() >= count:
            res.problems.append(f"{uri}: feature id out of range")
    try:
        if not coarse:
            res.ids += string_property(gltf, blob, "id")
    except ValueError as exc:
        res.problems.append(f"{uri}: {exc}")
    pos = content_positions(gltf, blob)
    tol = np.asarray(gltf["nodes"][0].get("scale", [0, 0, 0]), float).max() + 1e-3
    if np.any(pos.min(0) < lo - tol) or np.any(pos.max(0) > hi + tol):
        res.problems.append(f"{uri}: content outside its tile's bounding volume")
    pick = pos[np.linspace(0, len(pos) - 1, min(sample, len(pos))).astype(int)]
    ecef = np.column_stack([pick, np.ones(len(pick))]) @ m.T
    lon, lat, _ = ecef_to_geodetic(ecef[:, :3])
    res.lon_range = (min(res.lon_range[0], lon.min()), max(res.lon_range[1], lon.max()))
    res.lat_range = (min(res.lat_range[0], lat.min()), max(res.lat_range[1], lat.max()))
    if extent is not None:
        out = ((lon < extent[0] - tol_deg) | (lon > extent[2] + tol_deg) | (lat < extent[1] - tol_deg)
               | (lat > extent[3] + tol_deg))
        if out.any():
            res.problems.append(f"{uri}: {int(out.sum())} of {len(pick)} sampled vertices outside the "
                                f"footprints' extent (e.g. lon {lon[out][0]:.6f}, lat {lat[out][0]:.6f})")
