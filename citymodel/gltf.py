"""glb writer for one tile: walls and roofs as two primitives of one mesh, per-vertex feature ids
(``EXT_mesh_features``) pointing into a property table (``EXT_structural_metadata``).

Written with numpy-built buffers (no glTF object model): flat-shaded triangles are de-duplicated into
indexed vertices; every vertex attribute is 4-byte aligned; every bufferView starts on 8 bytes (what
property tables require). Input positions are z-up (the 3D Tiles frame) and are turned to glTF's
y-up here, since 3D Tiles rotates glTF content by +90° about X.

Options: ``quantize`` (KHR_mesh_quantization: positions as UNSIGNED_SHORT with the dequantisation in
the node's scale/translation, normals as normalized BYTE) and ``meshopt`` (EXT_meshopt_compression of
vertex and index buffers, with a fallback-less required extension, as gltfpack writes it).
"""
from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field

import numpy as np

FLOAT, UBYTE, BYTE, USHORT, UINT, SHORT = 5126, 5121, 5120, 5123, 5125, 5122
ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963

WALL_COLOUR = [0.86, 0.82, 0.74, 1.0]
ROOF_COLOUR = [0.62, 0.27, 0.2, 1.0]
PLANNED_COLOURS = ([0.55, 0.75, 0.95, 1.0], [0.3, 0.5, 0.85, 1.0])


@dataclass
class _Bin:
    chunks: list[bytes] = field(default_factory=list)
    views: list[dict] = field(default_factory=list)
    size: int = 0

    def add(self, data: bytes, target: int | None = None, stride: int | None = None) -> int:
        pad = (-self.size) % 8
        if pad:
            self.chunks.append(b"\0" * pad)
            self.size += pad
        view = {"buffer": 0, "byteOffset": self.size, "byteLength": len(data)}
        if target:
            view["target"] = target
        if stride:
            view["byteStride"] = stride
        self.chunks.append(data)
        self.size += len(data)
        self.views.append(view)
        return len(self.views) - 1

    def blob(self) -> bytes:
        b = b"".join(self.chunks)
        return b + b"\0" * ((-len(b)) % 4)


def _dedup(tris: np.ndarray, fids: np.ndarray, step: np.ndarray | None, lo: np.ndarray | None):
    """Flat-shaded, indexed vertices of y-up triangles: (positions, normals, feature ids, indices)."""
    v0, v1, v2 = tris[:, 0], tris[:, 1], tris[:, 2]
    n = np.cross(v1 - v0, v2 - v0)
    ln = np.linalg.norm(n, axis=1)
    ok = ln > 1e-9
    tris, n, ln, fids = tris[ok], n[ok], ln[ok], fids[ok]
    n = n / ln[:, None]
    pos = tris.reshape(-1, 3)
    nrm = np.repeat(n, 3, axis=0)
    fid = np.repeat(fids, 3)
    if step is not None:
        qpos = np.clip(np.rint((pos - lo) / step), 0, 65535).astype(np.int64)
    else:
        qpos = np.rint(pos * 1000).astype(np.int64)
    # vertices are shared only within one plane of one building: number the (normal, feature) planes
    # per triangle, then de-duplicate (position, plane) as one integer key (fast 1-D unique)
    qn = np.rint(n * 127).astype(np.int64) + 128
    plane_key = ((qn[:, 0] << 16) | (qn[:, 1] << 8) | qn[:, 2]) | (fids.astype(np.int64) << 24)
    _, plane = np.unique(plane_key, return_inverse=True)
    plane = np.repeat(plane.ravel(), 3)
    span = qpos.max(axis=0) - qpos.min(axis=0) + 1 if len(qpos) else np.ones(3, np.int64)
    q0 = qpos - qpos.min(axis=0) if len(qpos) else qpos
    bits = sum(int(np.ceil(np.log2(max(int(v), 2)))) for v in span) + int(np.ceil(np.log2(max(plane.max() + 1, 2))))
    if bits <= 62:
        key = ((q0[:, 0] * span[1] + q0[:, 1]) * span[2] + q0[:, 2]) * (int(plane.max()) + 1) + plane
        _, first, inv = np.unique(key, return_index=True, return_inverse=True)
    else:  # very large tiles at fine precision: row-wise unique (slower, same result)
        _, first, inv = np.unique(np.column_stack([qpos, plane]), axis=0, return_index=True,
                                  return_inverse=True)
    # a triangle whose corners fall on one quantized position is degenerate (two equal indices; the glTF
    # validator reports them): dropped, unless nothing would be left of the primitive
    tri = inv.ravel().reshape(-1, 3)
    keep = (tri[:, 0] != tri[:, 1]) & (tri[:, 1] != tri[:, 2]) & (tri[:, 0] != tri[:, 2])
    if keep.any():
        tri = tri[keep]
    return pos[first], nrm[first], qpos[first], fid[first], tri.ravel()


def _string_views(b: _Bin, values: list[str]) -> dict:
    enc = [s.encode("utf-8") for s in values]
    offs = np.zeros(len(enc) + 1, dtype=np.uint32)
    offs[1:] = np.cumsum([len(e) for e in enc])
    return {"values": b.add(b"".join(enc)), "stringOffsets": b.add(offs.tobytes()),
            "stringOffsetType": "UINT32"}


def write_glb(walls: np.ndarray, wall_fid: np.ndarray, roofs: np.ndarray, roof_fid: np.ndarray,
              schema: dict, class_id: str, table: dict, count: int, *, quantize: bool = True,
              meshopt: bool = False, colours: tuple[list, list] = (WALL_COLOUR, ROOF_COLOUR)) -> bytes:
    """One tile as glb. ``walls``/``roofs``: (T,3,3) z-up metres around the tile centre; ``*_fid``:
    feature (row) index per triangle; ``table``: property id -> (kind, numpy array or list of str)."""
    yup = np.array([[1, 0, 0], [0, 0, 1], [0, -1, 0]], dtype=np.float64)  # (e, n, u) -> (x=e, y=u, z=-n)
    prims_in = [(walls @ yup.T, wall_fid, 0), (roofs @ yup.T, roof_fid, 1)]
    allv = np.concatenate([p[0].reshape(-1, 3) for p in prims_in if len(p[0])] or [np.zeros((1, 3))])
    lo, hi = allv.min(axis=0), allv.max(axis=0)
    step = np.maximum(hi - lo, 1e-3) / 65535.0 if quantize else None
    b = _Bin()
    accessors: list[dict] = []
    primitives = []
    used_ext = ["EXT_mesh_features", "EXT_structural_metadata"]

    def acc(view: int, ctype: int, cnt: int, typ: str, **kw) -> int:
        a = {"bufferView": view, "componentType": ctype, "count": int(cnt), "type": typ}
        a.update(kw)
        accessors.append(a)
        return len(accessors) - 1

    for tris, fids, mat in prims_in:
        if not len(tris):
            continue
        pos, nrm, qpos, fid, idx = _dedup(tris, np.asarray(fids), step, lo)
        nv = len(pos)
        if quantize:
            p4 = np.zeros((nv, 4), dtype=np.uint16)
            p4[:, :3] = qpos
            n4 = np.zeros((nv, 4), dtype=np.int8)
            n4[:, :3] = np.clip(np.rint(nrm * 127), -127, 127)
            pa = acc(b.add(p4.tobytes(), ARRAY_BUFFER, 8), USHORT, nv, "VEC3",
                     min=[int(v) for v in qpos.min(0)], max=[int(v) for v in qpos.max(0)])
            na = acc(b.add(n4.tobytes(), ARRAY_BUFFER, 4), BYTE, nv, "VEC3", normalized=True)
        else:
            p32 = pos.astype(np.float32)
            pa = acc(b.add(p32.tobytes(), ARRAY_BUFFER), FLOAT, nv, "VEC3",
                     min=[float(v) for v in p32.min(0)], max=[float(v) for v in p32.max(0)])
            na = acc(b.add(nrm.astype(np.float32).tobytes(), ARRAY_BUFFER), FLOAT, nv, "VEC3")
        fa = acc(b.add(fid.astype(np.float32).tobytes(), ARRAY_BUFFER), FLOAT, nv, "SCALAR")
        itype, idt = (USHORT, np.uint16) if nv < 65536 else (UINT, np.uint32)
        ia = acc(b.add(idx.astype(idt).tobytes(), ELEMENT_ARRAY_BUFFER), itype, len(idx), "SCALAR")
        primitives.append({
            "attributes": {"POSITION": pa, "NORMAL": na, "_FEATURE_ID_0": fa}, "indices": ia,
            "material": mat, "mode": 4,
            "extensions": {"EXT_mesh_features": {"featureIds": [
                {"featureCount": int(count), "attribute": 0, "propertyTable": 0}]}}})

    props = {}
    for pid, (kind, values) in table.items():
        if kind == "STRING":
            props[pid] = _string_views(b, [v if isinstance(v, str) else "" for v in values])
        else:
            props[pid] = {"values": b.add(np.ascontiguousarray(values).tobytes())}

    node: dict = {"mesh": 0}
    if quantize:
        assert step is not None  # set above whenever quantize is on
        node["translation"] = [float(v) for v in lo]
        node["scale"] = [float(v) for v in step]
        used_ext.append("KHR_mesh_quantization")
    gltf: dict = {
        "asset": {"version": "2.0", "generator": "gdi-hildesheim citymodel"},
        "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [node],
        "meshes": [{"primitives": primitives}],
        "materials": [
            {"name": "Wand", "pbrMetallicRoughness": {"baseColorFactor": colours[0], "metallicFactor": 0.0,
                                                     "roughnessFactor": 1.0}},
            {"name": "Dach", "pbrMetallicRoughness": {"baseColorFactor": colours[1], "metallicFactor": 0.0,
                                                     "roughnessFactor": 1.0}}],
        "accessors": accessors,
        "extensionsUsed": used_ext,
        "extensions": {"EXT_structural_metadata": {
            "schema": schema,
            "propertyTables": [{"name": "Gebäude", "class": class_id, "count": int(count),
                                "properties": props}]}},
    }
    if quantize:
        gltf["extensionsRequired"] = ["KHR_mesh_quantization"]
    blob = b.blob()
    if meshopt:
        blob = _meshopt(gltf, b, blob)
    else:
        gltf["bufferViews"] = b.views
        gltf["buffers"] = [{"byteLength": len(blob)}]
    return _pack(gltf, blob)


def _meshopt(gltf: dict, b: _Bin, blob: bytes) -> bytes:
    """Compress vertex/index bufferViews with EXT_meshopt_compression into buffer 0 (the GLB chunk);
    the uncompressed layout becomes a fallback buffer without data (extension required)."""
    import meshopt
    out = _Bin()
    views = []
    vertex_views: dict[int, dict] = {}
    for a in gltf["accessors"]:
        vertex_views.setdefault(a["bufferView"], a)
    for i, v in enumerate(b.views):
        raw = blob[v["byteOffset"]: v["byteOffset"] + v["byteLength"]]
        tgt = v.get("target")
        if tgt in (ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER) and i in vertex_views:
            a = vertex_views[i]
            if tgt == ARRAY_BUFFER:
                stride = v.get("byteStride") or len(raw) // a["count"]
                data = np.frombuffer(raw, dtype=np.uint8).reshape(a["count"], stride)
                enc = bytes(meshopt.encode_gltf_buffer(data, "ATTRIBUTES", version=0))   # 0xa0: the extension's codec
                mode = "ATTRIBUTES"
            else:
                stride = 2 if a["componentType"] == USHORT else 4
                arr = np.frombuffer(raw, dtype=np.uint16 if stride == 2 else np.uint32)
                enc = bytes(meshopt.encode_index_buffer(arr.astype(np.uint32)))
                mode = "TRIANGLES"
            k = out.add(enc)
            cv = out.views[k]
            nv = {"buffer": 1, "byteOffset": v["byteOffset"], "byteLength": v["byteLength"],
                  "extensions": {"EXT_meshopt_compression": {
                      "buffer": 0, "byteOffset": cv["byteOffset"], "byteLength": cv["byteLength"],
                      "byteStride": stride, "count": a["count"], "mode": mode}}}
            if "byteStride" in v:
                nv["byteStride"] = v["byteStride"]
            nv["target"] = tgt
            views.append(nv)
        else:
            k = out.add(raw)
            views.append(out.views[k])
    newblob = out.blob()
    gltf["bufferViews"] = views
    gltf["buffers"] = [{"byteLength": len(newblob)},
                       {"byteLength": len(blob), "extensions": {"EXT_meshopt_compression": {"fallback": True}}}]
    gltf["extensionsUsed"].append("EXT_meshopt_compression")
    gltf.setdefault("extensionsRequired", []).append("EXT_meshopt_compression")
    return newblob


def _pack(gltf: dict, blob: bytes) -> bytes:
    js = json.dumps(gltf, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    js += b" " * ((-len(js)) % 4)
    total = 12 + 8 + len(js) + (8 + len(blob) if blob else 0)
    out = [struct.pack("<4sII", b"glTF", 2, total), struct.pack("<II", len(js), 0x4E4F534A), js]
    if blob:
        out += [struct.pack("<II", len(blob), 0x004E4942), blob]
    return b"".join(out)
