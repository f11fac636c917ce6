"""LAS/LAZ tiles -> one 3D Tiles 1.1 tileset, with py3dtiles as the octree engine.

Each input tile is converted on its own (``py3dtiles.convert.convert``, ``--spec-version 1.1``) into
``tiles/<stem>-<key>/`` of the output folder, every glb rewritten by :mod:`pointcloud.glb` (validator
clean, classification as property attribute), and its root node put as a child under one root whose
bounding volume is a region over all inputs. py3dtiles' per-input ``tileset.json`` is dropped, so the
output is one ``tileset.json`` (one entry in ``/3dtiles/index.json``).

**Incremental**: ``state.json`` (private, not served) keeps per input its size, mtime and the options;
an unchanged input keeps its folder. **Atomic**: a new input folder is written under ``.staging/`` and
renamed into ``tiles/`` under a new name, then ``tileset.json`` is replaced with ``os.replace`` — the
one switch; a client sees the old or the new tileset, never a mixture. Folders referenced by neither
the new nor the previous ``tileset.json`` are removed afterwards (the previous generation is kept so a
viewer that loaded the old root a moment ago still finds its tiles).

**Heights**: py3dtiles takes z as ellipsoidal height. ``vertical="relative"`` (the city model's default)
shifts z by ``-z_reference`` (the buildings tileset's ``ground_reference_m``, so both line up on a globe
without terrain); ``"absolute"`` adds the geoid undulation (DHHN -> ellipsoid); ``"ellipsoidal"`` keeps z.
The shift is applied along the ellipsoid normal in each input's root transform.
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import shutil
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from core.errors import SourceError

from .glb import fix_glb, write_points_glb

LOGGER = logging.getLogger(__name__)


@dataclass
class ConvertOptions:
    name: str = "Punktwolke"
    crs_in: str | None = None            # declared CRS (used when the file has none, or always with force_crs)
    force_crs: bool = False
    vertical: Literal["relative", "absolute", "ellipsoidal"] = "relative"
    z_reference: float | None = None     # relative: metres subtracted (default: lowest point of all inputs)
    geoid_undulation_m: float = 43.6     # absolute: DHHN2016 -> GRS80 around Hildesheim
    jobs: int = 2
    rgb: bool = True                     # keep colours when the files have them

    def fingerprint(self) -> str:
        d = asdict(self)
        d.pop("name")
        d.pop("jobs")
        return hashlib.sha1(json.dumps(d, sort_keys=True).encode()).hexdigest()[:10]


_COPY = ("X", "Y", "Z", "intensity", "return_number", "number_of_returns", "classification", "user_data",
         "point_source_id", "gps_time", "red", "green", "blue", "synthetic", "key_point", "withheld")


def _plain_las(src: Path, dst: Path, chunk: int = 2_000_000) -> None:
    """A plain LAS 1.4 in point format 6 (7 with colours) next to the output: py3dtiles reads
    ``classification`` as an extra field only where the point format has that dimension (formats 6+;
    in 0-5 it is packed into ``raw_classification`` and py3dtiles writes zeros), and its forked workers
    hang on LAZ (see ``_convert_one``)."""
    import laspy
    with laspy.open(src) as r:
        rgb = "red" in r.header.point_format.dimension_names
        hdr = laspy.LasHeader(version="1.4", point_format=7 if rgb else 6)
        hdr.offsets, hdr.scales = r.header.offsets, r.header.scales
        names = set(r.header.point_format.dimension_names)
        with laspy.open(dst, mode="w", header=hdr, do_compress=False) as w:
            for pts in r.chunk_iterator(chunk):
                rec = laspy.ScaleAwarePointRecord.zeros(len(pts), header=hdr)
                for d in _COPY:
                    if d in names:
                        rec[d] = pts[d]
                w.write_points(rec)


def las_info(path: Path) -> dict:
    import laspy
    try:
        with laspy.open(path) as f:
            h = f.header
            crs = h.parse_crs()
            rgb = "red" in h.point_format.dimension_names
            scale = None
            if rgb and h.point_count:
                # LAS colours are 16 bit; many producers store 8-bit values. py3dtiles divides by 256,
                # which makes those black: scale them up (the same test py3dtiles only warns about).
                first = next(f.chunk_iterator(10_000))
                top = max(int(np.max(first["red"])), int(np.max(first["green"])), int(np.max(first["blue"])))
                scale = 256.0 if 0 < top < 256 else None
            return {"points": int(h.point_count), "compressed": bool(f.header.are_points_compressed),
                    "color_scale": scale, "mins": [float(v) for v in h.mins],
                    "maxs": [float(v) for v in h.maxs], "format": int(h.point_format.id),
                    "rgb": rgb,
                    "crs": crs.to_wkt() if crs is not None else None,
                    "epsg": crs.to_epsg() if crs is not None else None}
    except (OSError, ValueError, laspy.errors.LaspyException) as exc:
        raise SourceError(f"cannot read LAS/LAZ: {exc}", file=str(path)) from exc


def _key(path: Path, opts: ConvertOptions) -> str:
    st = path.stat()
    return hashlib.sha1(f"{path.name}|{st.st_size}|{st.st_mtime_ns}|{opts.fingerprint()}".encode()).hexdigest()[:12]


def _crs_of(info: dict, path: Path, opts: ConvertOptions):
    from pyproj import CRS
    if opts.crs_in and (opts.force_crs or info["crs"] is None):
        return CRS.from_user_input(opts.crs_in)
    if info["crs"] is None:
        raise SourceError("the file declares no CRS; give one (--crs EPSG:25832)", file=str(path), field="crs")
    return CRS.from_wkt(info["crs"])


def _prefix_uris(node: dict, prefix: str) -> None:
    if "content" in node:
        node["content"]["uri"] = prefix + node["content"]["uri"]
    for c in node.get("children", []):
        _prefix_uris(c, prefix)


def _shift_up(transform: list[float], dz: float) -> list[float]:
    """Move a (column-major) ECEF transform by dz metres along the ellipsoid normal at its origin."""
    from citymodel.tiling import ecef_to_geodetic
    m = np.asarray(transform, float).reshape(4, 4)  # m[3, :3] is the translation (column-major)
    lon, lat, _ = ecef_to_geodetic(m[3, :3].reshape(1, 3))
    lo, la = math.radians(float(lon[0])), math.radians(float(lat[0]))
    up = np.array([math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)])
    m[3, :3] += dz * up
    return [float(v) for v in m.ravel()]


def _region(info: dict, crs, dz: float) -> list[float]:
    from pyproj import Transformer
    t = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    (x0, y0, z0), (x1, y1, z1) = info["mins"], info["maxs"]
    xs, ys = np.linspace(x0, x1, 5), np.linspace(y0, y1, 5)
    gx, gy = np.meshgrid(xs, ys)
    lon, lat = t.transform(gx.ravel(), gy.ravel())
    return [math.radians(float(np.min(lon))), math.radians(float(np.min(lat))), math.radians(float(np.max(lon))),
            math.radians(float(np.max(lat))), z0 + dz - 1.0, z1 + dz + 1.0]


def _convert_one(path: Path, info: dict, crs, staging: Path, opts: ConvertOptions) -> dict:
    from py3dtiles.constants import SpecVersion
    from py3dtiles.convert import convert
    from pyproj import CRS
    t0 = time.perf_counter()
    src, tmp = path, None
    if info["compressed"] or info["format"] < 6:
        # LAZ: py3dtiles' workers are forked after the parent decompressed a first chunk with lazrs; its
        # thread pool does not survive the fork and the worker hangs. Formats 0-5: no 'classification'
        # dimension for py3dtiles. Both: a plain LAS in format 6/7 first.
        tmp = staging.parent / f"{staging.name}.las"
        _plain_las(path, tmp)
        src = tmp
    try:
        convert([str(src)], outfolder=str(staging), overwrite=True, jobs=max(1, opts.jobs),
                crs_in=crs, force_crs_in=True, crs_out=CRS.from_epsg(4978), rgb=opts.rgb and info["rgb"],
                color_scale=info["color_scale"], extra_fields=["classification"], spec_version=SpecVersion.V1_1,
                use_process_pool=opts.jobs > 1)
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
    t1 = time.perf_counter()
    glbs = sorted(staging.rglob("*.glb"))
    counts = {g.relative_to(staging).as_posix(): fix_glb(g) for g in glbs}
    ts = json.loads((staging / "tileset.json").read_text())
    (staging / "tileset.json").unlink()
    exact_preview(staging, ts["root"], counts)
    refined, copies = split_lod_points(ts["root"], counts)
    return {"root": ts["root"], "glbs": len(glbs), "points_in_tiles": refined, "lod_copy_points": copies,
            "seconds_py3dtiles": round(t1 - t0, 2), "seconds_fix": round(time.perf_counter() - t1, 2)}


def exact_preview(folder: Path, root: dict, counts: dict[str, int]) -> bool:
    """Rewrite py3dtiles' ``preview.glb`` from its child's exact points (True when done).

    py3dtiles' merger computes the preview in float32 *world* (ECEF) coordinates, where float32 steps are
    0.25-0.5 m: the preview's points lie up to half a metre off (median 0.2 m on the Autzen sample). With
    one input per conversion (ours), the preview is all points of the octree root ``r.glb`` (py3dtiles takes
    up to 50,000); those are written here again from ``r.glb`` in float64 through the child's transform.
    A preview that is a subsample (``r`` over 50,000 points) is left as py3dtiles wrote it."""
    from citymodel.check import accessor, read_glb

    from .check import glb_points
    uri = root.get("content", {}).get("uri", "").removeprefix("./")
    kids = root.get("children", [])
    if not uri.endswith("preview.glb") or len(kids) != 1 or "content" not in kids[0]:
        return False
    child = kids[0]["content"]["uri"].removeprefix("./")
    if counts.get(uri) != counts.get(child):
        return False
    p, cls = glb_points(folder / child)
    m = np.asarray(kids[0].get("transform", np.eye(4).ravel()), float).reshape(4, 4).T
    gltf, blob = read_glb(folder / child)
    attrs = gltf["meshes"][0]["primitives"][0]["attributes"]
    rgb = None
    if "COLOR_0" in attrs:
        raw = accessor(gltf, blob, attrs["COLOR_0"])
        rgb = np.round(raw * 255).astype(np.uint8) if gltf["accessors"][attrs["COLOR_0"]].get("normalized") \
            else raw.astype(np.uint8)
    write_points_glb(folder / uri, p @ m[:3, :3].T + m[:3, 3], rgb,
                     None if cls is None else cls.astype(np.uint8))
    return True


def split_lod_points(root: dict, counts: dict[str, int]) -> tuple[int, int]:
    """(points shown at full refinement, points in coarser copies) of a py3dtiles tileset.

    py3dtiles' tiles do not add up to the input: the octree root ``r`` is ``refine: REPLACE`` and its points
    are repeated in its children, and the merger puts a ``preview.glb`` above it (``REPLACE`` too: up to
    50,000 points taken from the inputs' roots, for a single input a copy of ``r``). A viewer shows those
    until the children are loaded, then hides them; every input point is in exactly one of the other tiles
    (contents of ``ADD`` nodes and of leaves), as py3dtiles' own ``number_of_points_in_tileset`` counts.
    ``counts``: points per content URI."""
    refined = copies = 0

    def walk(node: dict, refine: str) -> None:
        nonlocal refined, copies
        refine = str(node.get("refine", refine)).upper()
        uri = node.get("content", {}).get("uri")
        if uri is not None:
            n = counts.get(uri.removeprefix("./"), 0)
            if refine == "REPLACE" and node.get("children"):
                copies += n
            else:
                refined += n
        for c in node.get("children", []):
            walk(c, refine)
    walk(root, "ADD")
    return refined, copies


def convert_tiles(inputs: list[Path], out_dir: Path, opts: ConvertOptions | None = None,
                  progress=None) -> dict:
    """Convert (or update) the tileset ``out_dir`` from LAS/LAZ ``inputs``; returns a report."""
    opts = opts or ConvertOptions()
    t0 = time.perf_counter()
    inputs = [Path(p).resolve() for p in inputs]
    if not inputs:
        raise SourceError("no LAS/LAZ input files")
    names = [p.name for p in inputs]
    if len(set(names)) != len(names):
        raise SourceError("two input files share a name; tiles are keyed by file name")
    out_dir = Path(out_dir)
    (out_dir / "tiles").mkdir(parents=True, exist_ok=True)
    state_path = out_dir / "state.json"
    old = json.loads(state_path.read_text()) if state_path.exists() else {"tiles": {}}
    infos = {p.name: las_info(p) for p in inputs}
    crss = {p.name: _crs_of(infos[p.name], p, opts) for p in inputs}
    if opts.vertical == "relative":
        zref = opts.z_reference if opts.z_reference is not None else min(i["mins"][2] for i in infos.values())
        dz = -zref
    elif opts.vertical == "absolute":
        zref, dz = 0.0, opts.geoid_undulation_m
    else:
        zref, dz = 0.0, 0.0
    new_state: dict = {"tiles": {}}
    converted, kept = [], []
    for p in inputs:
        key = _key(p, opts)
        entry = old["tiles"].get(p.name)
        folder = f"{p.stem}-{key}"
        if (entry and entry["key"] == key and entry.get("dz") == dz and (out_dir / "tiles" / folder).is_dir()):
            new_state["tiles"][p.name] = entry
            kept.append(p.name)
        else:
            staging = out_dir / ".staging" / folder
            shutil.rmtree(staging, ignore_errors=True)
            staging.parent.mkdir(parents=True, exist_ok=True)
            LOGGER.info("converting %s (%d points)", p.name, infos[p.name]["points"])
            res = _convert_one(p, infos[p.name], crss[p.name], staging, opts)
            root = res.pop("root")
            _prefix_uris(root, f"tiles/{folder}/")
            if "transform" in root and dz:
                root["transform"] = _shift_up(root["transform"], dz)
            target = out_dir / "tiles" / folder
            shutil.rmtree(target, ignore_errors=True)
            os.replace(staging, target)
            new_state["tiles"][p.name] = {"key": key, "dz": dz, "folder": folder, "root": root,
                                          "points": infos[p.name]["points"],
                                          "region": _region(infos[p.name], crss[p.name], dz),
                                          "bbox": infos[p.name]["mins"][:2] + infos[p.name]["maxs"][:2],
                                          "crs_epsg": crss[p.name].to_epsg(), **res}
            converted.append(p.name)
        if progress:
            progress(1)
    tiles = list(new_state["tiles"].values())
    regions = np.array([t["region"] for t in tiles])
    region = [float(regions[:, 0].min()), float(regions[:, 1].min()), float(regions[:, 2].max()),
              float(regions[:, 3].max()), float(regions[:, 4].min()), float(regions[:, 5].max())]
    ge = max(float(t["root"]["geometricError"]) for t in tiles)
    points = int(sum(t["points"] for t in tiles))
    tileset = {
        "asset": {"version": "1.1", "generator": "gdi-hildesheim pointcloud (py3dtiles octree)",
                  "extras": {"name": opts.name, "kind": "pointcloud", "points": points,
                             "inputs": sorted(new_state["tiles"]), "vertical": opts.vertical,
                             "ground_reference_m": zref, "classification": "property attribute 'classification'"
                             " (EXT_structural_metadata, ASPRS classes)"}},
        "geometricError": ge * 2,
        "root": {"boundingVolume": {"region": region}, "geometricError": ge, "refine": "ADD",
                 "children": [t["root"] for t in tiles]},
    }
    tmp = out_dir / "tileset.json.tmp"
    tmp.write_text(json.dumps(tileset, ensure_ascii=False))
    os.replace(tmp, out_dir / "tileset.json")     # the switch
    tmp = out_dir / "state.json.tmp"
    tmp.write_text(json.dumps(new_state))
    os.replace(tmp, state_path)
    keep = {t["folder"] for t in tiles} | {t["folder"] for t in old["tiles"].values()}
    for d in (out_dir / "tiles").iterdir():
        if d.is_dir() and d.name not in keep:
            shutil.rmtree(d, ignore_errors=True)
    shutil.rmtree(out_dir / ".staging", ignore_errors=True)
    return {"tileset": str(out_dir / "tileset.json"), "inputs": len(inputs), "points": points,
            "converted": converted, "kept": kept, "vertical": opts.vertical, "ground_reference_m": zref,
            "seconds": round(time.perf_counter() - t0, 2),
            "tiles": {k: {kk: v[kk] for kk in ("points", "points_in_tiles", "lod_copy_points", "glbs",
                                               "seconds_py3dtiles", "seconds_fix") if kk in v}
                      for k, v in new_state["tiles"].items()}}
