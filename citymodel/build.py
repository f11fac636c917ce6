"""Footprints -> LoD1/LoD2 tiles -> 3D Tiles 1.1, incrementally.

Two passes keep memory bounded by a tile, not by the city: pass 1 reads the footprints in chunks and
keeps only a few numbers per building (feature id, centroid, base height, a hash of its attributes and
geometry); pass 2 builds each tile in a worker process that reads just that tile's features by id.
A tile whose buildings (and options) hash the same as in the last run is not rebuilt; the report
says which tiles were rebuilt, kept and removed.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Literal, NotRequired, TypedDict

import numpy as np
from pydantic import BaseModel, ConfigDict

from .coarse import build_parent, grid_for, parent_jobs, summary_path
from .codes import HEIGHT_SOURCE_KEYS
from .tiling import Georef, quadtree, root_square, tileset_json

LOGGER = logging.getLogger(__name__)
CHUNK = 50_000


class CityModelOptions(BaseModel):
    """Options of ``gdi citymodel`` (all part of the tile fingerprint: changing one rebuilds all tiles)."""
    model_config = ConfigDict(extra="forbid")
    lod: Literal[1, 2] = 2
    quantize: bool = True
    meshopt: bool = False
    max_features: int = 2000
    storey_height: float = 3.0
    default_height: float = 6.0
    pitch_deg: float = 40.0
    shed_pitch_deg: float = 12.0
    vertical: Literal["relative", "absolute"] = "relative"
    geoid_undulation_m: float = 43.6
    dgm: Path | None = None
    layer: str | None = None
    workers: int = 2
    name: str = "Gebäude"
    style: Literal["existing", "planned"] = "existing"
    coarse: bool = True   # generalised block content in the parent tiles (see citymodel.coarse)

    def fingerprint(self) -> str:
        d = self.model_dump(mode="json", exclude={"workers", "layer"})
        if self.dgm is not None and Path(self.dgm).exists():
            from .dgm_tiles import signature  # a file: [size, mtime]; a tile folder: over its tiles
            d["dgm_stat"] = signature(self.dgm)
        return hashlib.sha1(json.dumps(d, sort_keys=True).encode()).hexdigest()[:16]


def _row_hashes(df, ground: np.ndarray) -> np.ndarray:
    """Per-building change hash over the used attributes, the coordinates (mm) and the base height;
    independent of storage details (Polygon vs 1-part MultiPolygon, nullable vs float columns)."""
    import pandas as pd
    import shapely
    m = np.uint64(0x9E3779B97F4A7C15)
    h = np.zeros(len(df), dtype=np.uint64)
    for c in ("key", "address"):
        vals = df[c].astype(object).where(df[c].notna(), "").astype(str).to_numpy(object)
        h = (h * m) ^ pd.util.hash_array(vals)
    for c in ("function_code", "storeys", "height_m", "roof_form", "ridge_height_m", "eaves_height_m"):
        v = np.round(np.nan_to_num(df[c].to_numpy(float), nan=-99999.0) * 100).astype(np.int64)
        h = (h * m) ^ v.astype(np.uint64)
    gr = np.round(np.nan_to_num(ground, nan=-99999.0) * 100).astype(np.int64).astype(np.uint64)
    h = (h * m) ^ gr
    xy, idx = shapely.get_coordinates(df.geometry.values, return_index=True)
    q = np.round(xy * 1000).astype(np.int64).astype(np.uint64)
    k = (np.arange(len(xy)) - np.searchsorted(idx, idx)).astype(np.uint64)  # vertex number per building
    term = (q[:, 0] * np.uint64(0xC2B2AE3D27D4EB4F) + q[:, 1]) * (k + np.uint64(1)) * m
    g = np.zeros(len(df), dtype=np.uint64)
    np.add.at(g, idx, term)
    if "lod2" in df.columns:  # LoD2 surfaces as they are: a changed roof rebuilds its tile (citymodel.lod2)
        from .lod2 import lod2_hashes
        g ^= lod2_hashes(df["lod2"])
    return h ^ g


class _Scan(TypedDict):
    """Result of pass 1: one entry per building (``bbox`` of all of them when there are any)."""
    fid: np.ndarray
    x: np.ndarray
    y: np.ndarray
    ground: np.ndarray
    hash: np.ndarray
    bbox: NotRequired[tuple[float, float, float, float]]


def _scan(source, options: CityModelOptions, terrain) -> _Scan:
    """Pass 1: per building feature id, centroid, base height and hash (chunked for files)."""
    import shapely

    from .source import list_layer
    chunks: list[dict[str, np.ndarray]] = []
    frames: Iterator[Any]
    if isinstance(source, (str, Path)):
        import pyogrio
        layer = list_layer(Path(source), options.layer)
        n = pyogrio.read_info(source, layer=layer)["features"]
        frames = (_read_chunk(source, layer, s) for s in range(0, n, CHUNK))
    else:
        from .source import normalise
        frames = iter([normalise(source)])
    for df in frames:
        geoms = df.geometry.values
        c = shapely.centroid(geoms)
        ground = df["ground_height_m"].to_numpy(float)
        if terrain is not None:
            t = terrain.base_heights(geoms)
            ground = np.where(np.isfinite(ground), ground, t)  # the source's own ground height first
        b = shapely.bounds(geoms)
        chunks.append({"fid": np.asarray(df.index), "x": shapely.get_x(c), "y": shapely.get_y(c),
                       "ground": ground, "hash": _row_hashes(df, ground),
                       "bounds": np.array([[np.nanmin(b[:, 0]), np.nanmin(b[:, 1]), np.nanmax(b[:, 2]),
                                            np.nanmax(b[:, 3])]])})
        del df, geoms, c, b
    if not chunks:
        return _Scan(fid=np.zeros(0), x=np.zeros(0), y=np.zeros(0), ground=np.zeros(0), hash=np.zeros(0))
    out = {k: np.concatenate([c[k] for c in chunks]) for k in chunks[0]}
    bb = out["bounds"]
    return _Scan(fid=out["fid"], x=out["x"], y=out["y"], ground=out["ground"], hash=out["hash"],
                 bbox=(float(bb[:, 0].min()), float(bb[:, 1].min()), float(bb[:, 2].max()), float(bb[:, 3].max())))


def _read_chunk(path, layer, start):
    import pyogrio

    from .source import normalise
    gdf = pyogrio.read_dataframe(path, layer=layer, skip_features=start, max_features=CHUNK,
                                 fid_as_index=True, use_arrow=True)
    return normalise(gdf, str(path))


def _tile_hash(hashes: np.ndarray, fingerprint: str) -> str:
    h = hashlib.sha1(fingerprint.encode())
    h.update(np.sort(hashes).tobytes())
    return h.hexdigest()[:20]


def _run(fn: Callable[[dict], dict], jobs: list[dict], workers: int, client: Any = None):
    """Results of ``fn`` over ``jobs``: on a dask client, a local process pool, or in this process."""
    if client is not None:
        for fut in client.map(fn, jobs, pure=False):
            yield fut.result()
    elif workers > 1 and len(jobs) > 1:
        import multiprocessing as mp
        with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork")) as ex:
            yield from ex.map(fn, jobs)
    else:
        for j in jobs:
            yield fn(j)


def _after(fn: Callable[[dict], dict], job: dict, *_done: Any) -> dict:
    """``fn(job)`` once the tasks given as ``_done`` have finished (dask passes their results)."""
    return fn(job)


def _run_graph(client: Any, leaf_fn: Callable[[dict], dict], jobs: list[dict], levels: list[list[dict]],
               progress: Callable[[int], None] | None) -> tuple[list[dict], list[dict]]:
    """Leaves and parents as one dask graph: each parent depends on the tasks of its rebuilt children only,
    so upper levels no longer wait for the slowest tile of the whole level below (on a state-wide tileset the
    level-by-level barrier left workers idle). Results in job order, as the local path gives them."""
    futs = dict(zip((j["tile"] for j in jobs), client.map(leaf_fn, jobs, pure=False), strict=True))
    parent_futs = []
    for level in levels:   # deepest first, so every child's task exists when its parent is submitted
        for pj in level:
            deps = [futs[c] for c in (Path(p).name.split(".")[0] for p in pj["children"]) if c in futs]
            f = client.submit(_after, build_parent, pj, *deps, pure=False)
            futs[pj["tile"]] = f
            parent_futs.append(f)
    results = []
    for j in jobs:
        r = futs[j["tile"]].result()
        results.append(r)
        if progress:
            progress(r["count"])
    return results, [f.result() for f in parent_futs]


def build_tileset(source, out_dir: Path, options: CityModelOptions | None = None,
                  progress: Callable[[int], None] | None = None, client: Any = None) -> dict:
    """Build (or update) the tileset in ``out_dir`` from a footprint file or a GeoDataFrame.

    ``client``: an optional ``dask.distributed.Client``; tiles are then built on its workers instead
    of a local process pool. Returns the report (also written to ``out_dir/report.json``).
    """
    from .terrain import Terrain
    options = options or CityModelOptions()
    out_dir = Path(out_dir)
    (out_dir / "tiles").mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    warnings: list[str] = []
    terrain = Terrain(options.dgm) if options.dgm else None
    # the footprint file (not a GeoDataFrame drawn to a temporary one): the viewer's search finds its addresses
    source_file = {"path": str(Path(source).resolve()), "layer": options.layer} \
        if isinstance(source, (str, Path)) else None
    if not isinstance(source, (str, Path)):
        from .source import drawn
        source = drawn(source)  # tile jobs take rows by position in what the scan saw
    scan = _scan(source, options, terrain)
    n = len(scan["fid"])
    if terrain is None and not np.isfinite(scan["ground"]).any():
        warnings.append("no DGM given and no ground heights in the source: base height 0 for all buildings")
        LOGGER.warning(warnings[-1])
    no_ground = int((~np.isfinite(scan["ground"])).sum())
    if no_ground and terrain is not None:
        warnings.append(f"{no_ground} buildings outside the DGM: base height 0")
    if n == 0:
        raise ValueError("no buildings in the source")
    bounds = scan["bbox"]
    root = root_square(bounds)
    geo = Georef(root[0] + root[2] / 2, root[1] + root[2] / 2)
    ground = np.nan_to_num(scan["ground"], nan=0.0)
    finite = scan["ground"][np.isfinite(scan["ground"])]
    if options.vertical == "relative":
        zref = float(terrain.min) if terrain is not None else (float(finite.min()) if len(finite) else 0.0)
        zshift = -zref
    else:
        zref, zshift = 0.0, options.geoid_undulation_m
    leaves = quadtree(scan["x"], scan["y"], root, options.max_features)
    grid = grid_for(root) if options.coarse else None
    fp = options.fingerprint() + f"|{zshift:.3f}|{root}"
    state_path = out_dir / "state.json"
    old = json.loads(state_path.read_text()) if state_path.exists() else {"tiles": {}}
    jobs, kept, tiles_state = [], [], {}
    layer = None
    if isinstance(source, (str, Path)):
        from .source import list_layer
        layer = list_layer(Path(source), options.layer)
    for tid, idx, centre in leaves:
        th = _tile_hash(scan["hash"][idx], fp)
        prev = old["tiles"].get(tid)
        if prev and prev["hash"] == th and (out_dir / "tiles" / f"{tid}.glb").exists() \
                and (grid is None or summary_path(out_dir, tid).exists()):
            kept.append(tid)
            tiles_state[tid] = prev
            if progress:
                progress(len(idx))
            continue
        src = str(source) if isinstance(source, (str, Path)) else source.iloc[idx]
        jobs.append({"tile": tid, "hash": th, "source": src, "layer": layer,
                     "fids": scan["fid"][idx], "ground": ground[idx] + zshift, "origin": centre,
                     "ground_abs": scan["ground"][idx],
                     "georef": (geo.e0, geo.n0), "options": options.model_dump(mode="json"),
                     "path": str(out_dir / "tiles" / f"{tid}.glb"),
                     "summary": str(summary_path(out_dir, tid)), "grid": grid})
    results: list[dict] = []
    from .tile import build_tile
    # coarse content of the parent tiles (HLOD), rebuilt where a leaf below changed
    parents_state: dict[str, dict] = {}
    parent_results: list[dict] = []
    old_parents = old.get("parents", {}) if old.get("fingerprint") == fp else {}
    if client is not None and grid is not None:
        # one task graph: a parent runs as soon as its children are built, next to the remaining leaves
        hashes = {**tiles_state, **{j["tile"]: {"hash": j["hash"]} for j in jobs}}
        levels, parents_state = parent_jobs(out_dir, hashes, root, geo, options.model_dump(mode="json"), old_parents)
        results, parent_results = _run_graph(client, build_tile, jobs, levels, progress)
    else:
        for r in _run(build_tile, jobs, options.workers, client):
            results.append(r)
            if progress:
                progress(r["count"])
    for r in results:
        tiles_state[r["tile"]] = {k: r[k] for k in ("hash", "lo", "hi", "count", "bytes")}
    if grid is not None:
        if client is None:
            levels, parents_state = parent_jobs(out_dir, tiles_state, root, geo, options.model_dump(mode="json"),
                                                old_parents)
            for level in levels:   # deepest first: a node adds up its children's summaries
                parent_results += list(_run(build_parent, level, options.workers, None))
        for r in parent_results:
            parents_state[r["tile"]] = {k: r[k] for k in ("hash", "lo", "hi", "blocks", "buildings", "bytes",
                                                          "tolerance") if k in r}
    removed = sorted(set(old["tiles"]) - set(tiles_state))
    # drop every file this tileset no longer uses (removed leaves, parents without blocks, older summary
    # formats); a sweep, because an id that was a leaf may now name an inner node written in this run
    wanted = {f"{t}.glb" for t in tiles_state} | {f"{p}.glb" for p, st in parents_state.items() if st.get("blocks")}
    if grid is not None:
        wanted |= {summary_path(out_dir, t).name for t in (*tiles_state, *parents_state)}
    for f in [*(out_dir / "tiles").glob("*.glb"), *(out_dir / "summary").glob("*.npz")]:
        if f.name not in wanted:
            f.unlink(missing_ok=True)
    extras = {"name": options.name, "buildings": n, "lod": options.lod,
              "vertical": options.vertical, "ground_reference_m": zref,
              "height_note": ("relative: heights above the lowest terrain point (for a globe without terrain)"
                              if options.vertical == "relative" else
                              f"absolute: DHHN heights + {options.geoid_undulation_m} m geoid undulation"),
              "origin_25832": [geo.e0, geo.n0], "bbox_25832": list(bounds)}
    ts = tileset_json(geo, tiles_state, root[2], extras, parents_state)
    tmp = out_dir / "tileset.json.tmp"
    tmp.write_text(json.dumps(ts, ensure_ascii=False))
    os.replace(tmp, out_dir / "tileset.json")
    state_path.write_text(json.dumps({"fingerprint": fp, "tiles": tiles_state, "parents": parents_state}))
    agg: dict[str, Any] = {}
    warnings += [w for r in results for w in r.get("warnings", [])]   # LoD2 polygons left out or non-planar
    for r in results:
        for k, v in r["stats"].items():
            agg[k] = agg.get(k, 0) + v
    elapsed = time.perf_counter() - t0
    report = {
        "buildings": n, "tiles": len(tiles_state), "rebuilt_tiles": sorted(r["tile"] for r in results),
        "kept_tiles": len(kept), "removed_tiles": removed,
        "parent_tiles": len(parents_state),
        "coarse_tiles": sum(1 for st in parents_state.values() if st.get("blocks")),
        "rebuilt_parent_tiles": sorted(r["tile"] for r in parent_results if r["blocks"]),
        "buildings_rebuilt": sum(r["count"] for r in results),
        "height_sources": {HEIGHT_SOURCE_KEYS[k]: agg.get(f"height_{HEIGHT_SOURCE_KEYS[k]}", 0) for k in range(4)},
        "roofs": {k[5:]: v for k, v in agg.items() if k.startswith("roof_")},
        "roof_unknown_as_flat": agg.get("unknown_roof", 0), "roof_skeleton_fallbacks": agg.get("skeleton_failed", 0),
        "roof_orthogonal_fast_path": agg.get("orthogonal_fast_path", 0),
        "bytes": sum(t["bytes"] for t in tiles_state.values()),
        "parent_bytes": sum(t["bytes"] for t in parents_state.values()),
        "seconds": round(elapsed, 2), "buildings_per_s": round(sum(r["count"] for r in results) / elapsed, 1),
        "warnings": warnings, "options": options.model_dump(mode="json"), "source": source_file,
        "note": "height_sources/roofs count the rebuilt buildings only",
    }
    (out_dir / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    return report
