"""Rewrite the point glb that py3dtiles writes into a glTF the Khronos validator accepts (0 errors).

py3dtiles 12.1 (``--spec-version 1.1``) writes per tile one POINTS primitive with

* ``COLOR_0`` as VEC3 UNSIGNED_BYTE, *not normalized* (glTF allows only normalized unsigned byte/short
  or float colours) and 3 bytes per element (vertex attributes must be 4-byte aligned);
* extra fields (``_CLASSIFICATION``) as SCALAR UNSIGNED_BYTE, again 1 byte per element (not aligned);
* positions in a z-up frame, while glTF content is y-up (3D Tiles runtimes rotate y-up -> z-up), so a
  viewer shows the cloud tipped over by 90°;
* and an unused material.

We read the three arrays and write a new glb: POSITION float32 VEC3 in y-up ``(x, z, -y)``, COLOR_0 as
normalized VEC4 UNSIGNED_BYTE (alpha 255), ``_CLASSIFICATION`` UNSIGNED_BYTE in a bufferView with
``byteStride`` 4, and EXT_structural_metadata with a property attribute ``classification`` (an ENUM of the
ASPRS classes, so a viewer can style ``${classification} === 5``). For LAS point formats 0-5 py3dtiles
only sees ``raw_classification`` (class in bits 0-4, flags above); it is masked here.
"""
from __future__ import annotations

import json
import struct
from pathlib import Path

import numpy as np

from citymodel.check import accessor, read_glb

# ASPRS LAS 1.4 standard classes (R15)
CLASSES: dict[int, str] = {
    0: "Nie klassifiziert (created)", 1: "Nicht klassifiziert", 2: "Boden", 3: "Niedrige Vegetation",
    4: "Mittlere Vegetation", 5: "Hohe Vegetation", 6: "Gebäude", 7: "Tiefpunkt (Rauschen)",
    8: "Reserviert (Model Key)", 9: "Wasser", 10: "Schiene", 11: "Straßenoberfläche", 12: "Reserviert (Overlap)",
    13: "Leitungsschutz", 14: "Leitung", 15: "Mast", 16: "Leitungsverbinder", 17: "Brückendeck",
    18: "Hochpunkt (Rauschen)",
}



def schema(present: np.ndarray) -> dict:
    """The metadata schema: the ASPRS standard classes plus every other class value in the tile (user
    classes such as 20 = bridge in some German states), so every value is a member of the ENUM."""
    values = sorted(set(CLASSES) | {int(v) for v in np.unique(present)})
    return {
        "id": "gdi_pointcloud",
        "enums": {"AsprsClass": {"valueType": "UINT8", "values": [
            {"name": f"C{k}", "value": k, "description": CLASSES.get(k, "Nutzerdefiniert")} for k in values]}},
        "classes": {"point": {"name": "Laserpunkt", "properties": {
            "classification": {"type": "ENUM", "enumType": "AsprsClass", "description": "ASPRS-Klasse"}}}},
    }


def _pad(b: bytes, fill: bytes = b"\x00") -> bytes:
    return b + fill * (-len(b) % 4)


def classification_from(gltf: dict, blob: bytes) -> np.ndarray | None:
    attrs = gltf["meshes"][0]["primitives"][0]["attributes"]
    if "_CLASSIFICATION" in attrs:
        return accessor(gltf, blob, attrs["_CLASSIFICATION"])[:, 0].astype(np.uint8)
    if "_RAW_CLASSIFICATION" in attrs:  # LAS formats 0-5: class in bits 0-4
        return (accessor(gltf, blob, attrs["_RAW_CLASSIFICATION"])[:, 0].astype(np.uint8) & 0x1F).astype(np.uint8)
    return None


def write_points_glb(path: Path, xyz_zup: np.ndarray, rgb: np.ndarray | None, cls: np.ndarray | None) -> None:
    """A validator-clean POINTS glb (positions given z-up in the tile frame)."""
    n = len(xyz_zup)
    pos = np.ascontiguousarray(np.column_stack([xyz_zup[:, 0], xyz_zup[:, 2], -xyz_zup[:, 1]]), dtype=np.float32)
    chunks: list[bytes] = []
    views: list[dict] = []
    accessors: list[dict] = []
    attrs: dict[str, int] = {}

    def add(data: bytes, acc: dict, stride: int | None = None) -> int:
        off = sum(len(c) for c in chunks)
        view: dict = {"buffer": 0, "byteOffset": off, "byteLength": len(data), "target": 34962}
        if stride:
            view["byteStride"] = stride
        views.append(view)
        chunks.append(_pad(data))
        accessors.append({"bufferView": len(views) - 1, "count": n, **acc})
        return len(accessors) - 1

    attrs["POSITION"] = add(pos.tobytes(), {"componentType": 5126, "type": "VEC3",
                                            "min": pos.min(0).tolist() if n else [0, 0, 0],
                                            "max": pos.max(0).tolist() if n else [0, 0, 0]}, 12)
    if rgb is not None:
        rgba = np.empty((n, 4), np.uint8)
        rgba[:, :3] = rgb[:, :3]
        rgba[:, 3] = 255
        attrs["COLOR_0"] = add(rgba.tobytes(), {"componentType": 5121, "type": "VEC4", "normalized": True}, 4)
    prim: dict = {"attributes": attrs, "mode": 0}
    gltf: dict = {"asset": {"version": "2.0", "generator": "gdi-hildesheim pointcloud (py3dtiles octree)"},
                  "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"mesh": 0}], "meshes": [{"primitives": [prim]}]}
    if cls is not None:
        c4 = np.zeros((n, 4), np.uint8)
        c4[:, 0] = cls
        attrs["_CLASSIFICATION"] = add(c4.tobytes(), {"componentType": 5121, "type": "SCALAR"}, 4)
        prim["extensions"] = {"EXT_structural_metadata": {"propertyAttributes": [0]}}
        gltf["extensionsUsed"] = ["EXT_structural_metadata"]
        gltf["extensions"] = {"EXT_structural_metadata": {
            "schema": schema(cls),
            "propertyAttributes": [{"class": "point", "properties": {
                "classification": {"attribute": "_CLASSIFICATION"}}}]}}
    blob = b"".join(chunks)
    gltf["buffers"] = [{"byteLength": len(blob)}]
    gltf["bufferViews"] = views
    gltf["accessors"] = accessors
    js = _pad(json.dumps(gltf, separators=(",", ":")).encode(), b" ")
    total = 12 + 8 + len(js) + 8 + len(blob)
    tmp = Path(path).with_suffix(".glb.tmp")
    with open(tmp, "wb") as f:
        f.write(struct.pack("<4sII", b"glTF", 2, total))
        f.write(struct.pack("<I4s", len(js), b"JSON") + js)
        f.write(struct.pack("<I4s", len(blob), b"BIN\x00") + blob)
    tmp.replace(path)


def fix_glb(path: Path, keep_rgb: bool = True) -> int:
    """Rewrite one py3dtiles glb in place; returns its point count."""
    gltf, blob = read_glb(path)
    attrs = gltf["meshes"][0]["primitives"][0]["attributes"]
    xyz = accessor(gltf, blob, attrs["POSITION"]).astype(np.float32)
    rgb = None
    if keep_rgb and "COLOR_0" in attrs:
        a = gltf["accessors"][attrs["COLOR_0"]]
        raw = accessor(gltf, blob, attrs["COLOR_0"])
        if a.get("normalized"):  # already fixed (float in 0..1 from the reader)
            raw = np.round(raw * 255)
        rgb = raw.astype(np.uint8)
    write_points_glb(path, xyz, rgb, classification_from(gltf, blob))
    return len(xyz)
