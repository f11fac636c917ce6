"""One Cesium quantized-mesh-1.0 terrain tile: height grid -> TIN -> bytes, and back.

A tile's heights come as a north-up ``(n+1) x (n+1)`` grid of ellipsoid heights whose outer rows and
columns lie exactly on the tile's edges. :func:`encode_tile` triangulates it with Delatin (PyPI
``pydelatin``: a greedy TIN within ``max_error`` metres of the grid) and writes the tile as the spec says
(https://github.com/CesiumGS/quantized-mesh): header (ECEF centre, height range, bounding sphere and
horizon occlusion point, taken from PyPI ``quantized-mesh-encoder``), u/v/height quantised to 0..32767
and zig-zag delta coded, triangle indices high-water-mark coded (vertices are renumbered in order of
first use, which that coding needs), the four edge index lists, and optionally the ``octvertexnormals``
extension. We quantise u/v ourselves from grid positions: edge vertices get exactly 0 or 32767, so
Cesium's skirts and neighbour stitching find them (float32 longitudes would round some to 32766).

:func:`decode_tile` reads a tile back and :func:`height_at` interpolates its surface at a point; the tests
and ``gdi citymodel terrain --check`` use them to compare the mesh with the DGM.
"""
from __future__ import annotations

import gzip
import struct
from dataclasses import dataclass, field

import numpy as np

from core.errors import GdiError

Q = 32767                       # quantised coordinate range of the spec
HEADER = struct.Struct("<3d2f4d3d")  # centre, min/max height, bounding sphere, horizon occlusion point
EXT_NORMALS = 1


class TerrainTileError(GdiError, ValueError):
    """A terrain tile that cannot be encoded or decoded."""


def _zigzag(v: np.ndarray) -> np.ndarray:
    v = v.astype(np.int32)
    return ((v << 1) ^ (v >> 31)).astype(np.uint16)


def _unzigzag(v: np.ndarray) -> np.ndarray:
    v = v.astype(np.int32)
    return (v >> 1) ^ -(v & 1)


def triangulate(grid: np.ndarray, max_error: float) -> tuple[np.ndarray, np.ndarray]:
    """(vertices as (column, rows from the bottom, height) float64, triangles int64) of a TIN within
    ``max_error`` of the north-up ``grid`` (pydelatin counts its y from the last row up); triangles
    counter-clockwise seen from above, as Cesium culls back faces."""
    from pydelatin import Delatin
    g = np.ascontiguousarray(grid, dtype=np.float32)
    if not np.isfinite(g).all():
        raise TerrainTileError("terrain grid has NaN/inf heights")
    tin = Delatin(g, max_error=float(max_error))
    verts = tin.vertices.astype(np.float64)
    tris = tin.triangles.astype(np.int64)
    a, b, c = verts[tris[:, 0]], verts[tris[:, 1]], verts[tris[:, 2]]
    cross = (b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (b[:, 1] - a[:, 1]) * (c[:, 0] - a[:, 0])
    flip = cross < 0
    tris[flip] = tris[flip][:, [0, 2, 1]]
    return verts, tris[cross != 0]


@dataclass
class TileMesh:
    """A decoded tile: quantised u/v (0..32767, west->east, south->north), ellipsoid heights in metres,
    triangles, the tile's bounds in degrees (west, south, east, north) and the header values."""
    u: np.ndarray
    v: np.ndarray
    h: np.ndarray
    triangles: np.ndarray
    bounds: tuple[float, float, float, float]
    min_height: float
    max_height: float
    edges: dict[str, np.ndarray] = field(default_factory=dict)
    normals: np.ndarray | None = None


def encode_tile(grid: np.ndarray, bounds: tuple[float, float, float, float], max_error: float,
                normals: bool = True, compress: bool = True) -> tuple[bytes, int]:
    """The quantized-mesh bytes (gzipped when ``compress``) of one tile and its vertex count.

    ``grid``: north-up heights (metres above the WGS84 ellipsoid), row 0 on the north edge, column 0 on the
    west edge; ``bounds``: (west, south, east, north) in degrees."""
    from quantized_mesh_encoder.constants import WGS84
    from quantized_mesh_encoder.encode import compute_header
    from quantized_mesh_encoder.extensions import VertexNormalsExtension
    rows, cols = grid.shape
    if rows < 2 or cols < 2:
        raise TerrainTileError(f"terrain grid {grid.shape} too small")
    verts, tris = triangulate(grid, max_error)
    # renumber vertices in order of first use (high-water-mark coding needs it; unused ones drop out)
    flat = tris.ravel()
    _, first = np.unique(flat, return_index=True)
    used = flat[np.sort(first)]
    remap = np.full(len(verts), -1, dtype=np.int64)
    remap[used] = np.arange(len(used))
    verts, tris = verts[used], remap[tris]
    w, s, e, n = bounds
    col, up, h = verts[:, 0], verts[:, 1], verts[:, 2]
    u = np.rint(col / (cols - 1) * Q).astype(np.int32)
    v = np.rint(up / (rows - 1) * Q).astype(np.int32)
    lon = w + col / (cols - 1) * (e - w)
    lat = s + up / (rows - 1) * (n - s)
    pos = np.column_stack([lon, lat, h])
    with np.errstate(divide="ignore", invalid="ignore"):
        # a tile as large as a hemisphere (level 0) has no horizon occlusion point: NaN, which Cesium's
        # occlusion test treats as "visible"
        hdr = compute_header(pos, "bounding_box", ellipsoid=WGS84)
    hmin, hmax = float(h.min()), float(h.max())
    hq = (np.rint((h - hmin) / (hmax - hmin) * Q) if hmax > hmin else np.zeros(len(h))).astype(np.int32)
    nv = len(u)
    parts = [HEADER.pack(hdr["centerX"], hdr["centerY"], hdr["centerZ"], hmin, hmax,
                         hdr["boundingSphereCenterX"], hdr["boundingSphereCenterY"], hdr["boundingSphereCenterZ"],
                         hdr["boundingSphereRadius"], hdr["horizonOcclusionPointX"], hdr["horizonOcclusionPointY"],
                         hdr["horizonOcclusionPointZ"]),
             struct.pack("<I", nv)]
    for a in (u, v, hq):
        parts.append(_zigzag(np.diff(a, prepend=0)).tobytes())
    wide = nv > 65536
    idx_t = np.uint32 if wide else np.uint16
    size = sum(len(p) for p in parts)
    pad = (-size) % (4 if wide else 2)
    parts.append(b"\0" * pad)
    # high-water mark: each index coded as highest - index (0 introduces the next new vertex)
    seq = tris.ravel()
    highest = np.maximum.accumulate(np.concatenate([[0], seq[:-1] + 1]))
    parts += [struct.pack("<I", len(tris)), (highest - seq).astype(idx_t).tobytes()]
    for sel in (u == 0, v == 0, u == Q, v == Q):           # west, south, east, north
        ids = np.flatnonzero(sel)
        parts += [struct.pack("<I", len(ids)), ids.astype(idx_t).tobytes()]
    if normals:
        ext = VertexNormalsExtension(indices=tris.astype(np.uint32), positions=pos,
                                     ellipsoid=WGS84)
        parts.append(ext.encode())
    body = b"".join(parts)
    return (gzip.compress(body, 6, mtime=0) if compress else body), nv


def decode_tile(data: bytes, bounds: tuple[float, float, float, float]) -> TileMesh:
    """Read a quantized-mesh tile (gzipped or not). ``bounds``: the tile's (west, south, east, north)."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    try:
        hdr = HEADER.unpack_from(data, 0)
        off = HEADER.size
        (nv,) = struct.unpack_from("<I", data, off)
        off += 4
        arrs = []
        for _ in range(3):
            arrs.append(np.cumsum(_unzigzag(np.frombuffer(data, np.uint16, nv, off))).astype(np.int32))
            off += 2 * nv
        wide = nv > 65536
        idx_t, isz = (np.uint32, 4) if wide else (np.uint16, 2)
        off += (-off) % isz
        (nt,) = struct.unpack_from("<I", data, off)
        off += 4
        code = np.frombuffer(data, idx_t, nt * 3, off).astype(np.int64)
        off += isz * nt * 3
        # high-water mark: the running count of zeros seen before each code
        tris = np.concatenate([[0], np.cumsum(code == 0)[:-1]]) - code if len(code) else code
        edges = {}
        for name in ("west", "south", "east", "north"):
            (k,) = struct.unpack_from("<I", data, off)
            off += 4
            edges[name] = np.frombuffer(data, idx_t, k, off).astype(np.int64)
            off += isz * k
        normals = None
        while off + 5 <= len(data):
            ext_id, ext_len = struct.unpack_from("<BI", data, off)
            off += 5
            if ext_id == EXT_NORMALS:
                normals = np.frombuffer(data, np.uint8, nv * 2, off).reshape(-1, 2)
            off += ext_len
    except (struct.error, ValueError) as exc:
        raise TerrainTileError(f"not a quantized-mesh tile: {exc}") from exc
    hmin, hmax = hdr[3], hdr[4]
    h = hmin + arrs[2] / Q * (hmax - hmin)
    return TileMesh(arrs[0], arrs[1], h, tris.reshape(-1, 3), bounds, hmin, hmax, edges, normals)


def height_at(mesh: TileMesh, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Height of the tile's surface at points (degrees), linear in the triangle that holds each point;
    NaN outside the tile."""
    w, s, e, n = mesh.bounds
    pu = (np.asarray(lon, dtype=np.float64) - w) / (e - w) * Q
    pv = (np.asarray(lat, dtype=np.float64) - s) / (n - s) * Q
    out = np.full(pu.shape, np.nan)
    t = mesh.triangles
    ax, ay = mesh.u[t[:, 0]].astype(float), mesh.v[t[:, 0]].astype(float)
    bx, by = mesh.u[t[:, 1]].astype(float), mesh.v[t[:, 1]].astype(float)
    cx, cy = mesh.u[t[:, 2]].astype(float), mesh.v[t[:, 2]].astype(float)
    den = (by - cy) * (ax - cx) + (cx - bx) * (ay - cy)
    for i in range(pu.size):
        x, y = pu.flat[i], pv.flat[i]
        with np.errstate(divide="ignore", invalid="ignore"):
            l1 = ((by - cy) * (x - cx) + (cx - bx) * (y - cy)) / den
            l2 = ((cy - ay) * (x - cx) + (ax - cx) * (y - cy)) / den
        l3 = 1 - l1 - l2
        hit = np.flatnonzero((l1 >= -1e-9) & (l2 >= -1e-9) & (l3 >= -1e-9))
        if len(hit):
            k = hit[0]
            out.flat[i] = l1[k] * mesh.h[t[k, 0]] + l2[k] * mesh.h[t[k, 1]] + l3[k] * mesh.h[t[k, 2]]
    return out
