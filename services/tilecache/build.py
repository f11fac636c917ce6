"""After every publication: tile caches for the new versions, seeded, then switched in one step.

Every public WMS layer has its own cache **per version of its dataset**
(``var/tilecache/tiles/<layer>/<version>/``, MapProxy file cache, tms layout). For a layer whose dataset has
a new version:

1. its previous cache is copied by hard links (tiles are never rewritten in place: MapProxy writes a tile to
   a temporary file and renames it), and the tiles that the *changed* features touch are deleted — changed
   means: rows of the drawn table that are not identical (geometry and every attribute) in both versions,
   grown by the meta-tile buffer and the largest symbol; when more than a fifth of the rows changed, the
   copy is skipped and the layer is seeded from scratch;
2. the missing tiles of the levels up to ``tile_cache.seed_to_level`` inside the layer's extent are rendered
   (MapProxy's seeder with the in-process MapScript source);
3. when every layer is ready, ``var/tilecache/current.json`` (the MapProxy configuration for this exact
   publication state) is replaced atomically. The /wms app serves from the cache only while that state is
   the current one, so a client never gets tiles of a version that is no longer, or not yet, published.

Caches referenced by neither the new nor the previous pointer are removed (the previous generation stays
for requests still in flight).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from core.config import Settings

from . import grid

LOGGER = logging.getLogger(__name__)
META_BUFFER = 80          # pixels rendered around a meta tile (symbols and labels across tile edges)
SYMBOL_MARGIN = 48        # pixels: the largest point symbol or label a feature can draw beyond its box
FULL_RESEED_SHARE = 0.2   # more changed rows than this: seed the layer's cache from scratch
READY = ".ready"          # marker file of a finished cache directory


def root(settings: Settings) -> Path:
    return settings.var_dir / "tilecache"


def pointer_path(settings: Settings) -> Path:
    return root(settings) / "current.json"


def read_pointer(settings: Settings) -> dict[str, Any] | None:
    try:
        return json.loads(pointer_path(settings).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _atomic_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


# --------------------------------------------------------------------------- what changed between versions

def _features(ref: Any) -> tuple[Any, Any]:
    """(attributes without the key, geometries) of a layer, read through the system GDAL's Arrow stream:
    GDAL opens both stores (the pyogrio wheel's GDAL has no PostgreSQL driver: "No such file or directory"
    for a ``PG:`` source, so the PostGIS store was always seeded from scratch)."""
    import pyarrow as pa
    import shapely
    from osgeo import ogr
    ogr.UseExceptions()
    ds = ogr.Open(ref.ogr_source)
    lyr = ds.GetLayerByName(ref.table) if ds is not None else None
    if lyr is None:
        raise RuntimeError(f"no table {ref.table}")
    stream = lyr.GetArrowStreamAsPyArrow()
    schema = pa.schema(list(stream.schema))  # GDAL 3.6 gives the batches as struct arrays
    batches = [pa.RecordBatch.from_struct_array(a) for a in stream]
    fid, geom = lyr.GetFIDColumn() or "OGC_FID", lyr.GetGeometryColumn() or "wkb_geometry"
    del lyr, ds
    table = pa.Table.from_batches(batches, schema=schema)
    frame = table.to_pandas()
    geoms = shapely.from_wkb(frame[geom].to_numpy()) if geom in frame else np.empty(0, dtype=object)
    return frame.drop(columns=[c for c in (fid, geom) if c in frame]), geoms


def changed_bounds(store: Any, dataset: str, table: str, old: str, new: str) -> np.ndarray | None:
    """Boxes (n x 4) of the rows of ``table`` that differ between two versions (old and new positions);
    None when the copy is not worth it (too many changes, or a version cannot be read)."""
    import pandas as pd
    import shapely
    refs = [store.layer(dataset, table, version=v) for v in (old, new)]
    if any(r is None for r in refs):
        return None
    read = []
    for ref in refs:
        try:
            read.append(_features(ref))
        except (RuntimeError, OSError) as exc:  # an unreadable old version: seed from scratch
            LOGGER.warning("tile cache: cannot compare %s/%s: %s", dataset, table, exc)
            return None
    hashes = []
    for attrs, geoms in read:
        wkb = pd.Series(shapely.to_wkb(geoms, hex=True), index=attrs.index).astype(str)
        hashes.append(pd.util.hash_pandas_object(attrs.astype(str).assign(__wkb=wkb), index=False).to_numpy())
    (_a, ga), (_b, gb) = read
    gone, came = ga[~np.isin(hashes[0], hashes[1])], gb[~np.isin(hashes[1], hashes[0])]
    if len(gone) + len(came) > FULL_RESEED_SHARE * max(len(ga), len(gb), 1):
        return None
    boxes = [shapely.bounds(g[~shapely.is_missing(g) & ~shapely.is_empty(g)]) for g in (gone, came)]
    return np.vstack(boxes).reshape(-1, 4)


def cartography_key(lay: Any) -> str:
    """What a layer's tiles look like besides the data: its style (classes, scales, labels), the drawn view
    and its columns. Part of the cache folder's name, so a changed cartography (an upgrade) never serves or
    keeps tiles drawn the old way."""
    from dataclasses import asdict
    spec = {"style": asdict(lay.style), "table": lay.table, "columns": sorted(lay.columns)}
    if getattr(lay, "overview", None) is not None:  # drawn as a density grid at small scales (wms/overview.py)
        spec["overview"] = lay.overview.table
    return hashlib.sha1(json.dumps(spec, sort_keys=True, default=str).encode()).hexdigest()[:10]


def _copy_tree(src: Path, dst: Path) -> int:
    """Hard-link every tile of ``src`` into ``dst``; returns the number of tiles."""
    n = 0
    for dirpath, _dirs, files in os.walk(src):
        rel = Path(dirpath).relative_to(src)
        (dst / rel).mkdir(parents=True, exist_ok=True)
        for f in files:
            if f == READY or ".tmp-" in f:
                continue
            os.link(Path(dirpath) / f, dst / rel / f)
            n += 1
    return n


# --------------------------------------------------------------------------- MapProxy configuration

def mapproxy_config(settings: Settings, caches: dict[str, dict[str, Any]], *, base_url: str = "") -> dict[str, Any]:
    """MapProxy's configuration for ``{layer: {"dir", "title", "extent"}}``."""
    from services.wms.mapfile import SRS
    tc = settings.tile_cache
    conf: dict[str, Any] = {
        "globals": {
            "cache": {"base_dir": str(root(settings) / "tmp"), "lock_dir": str(root(settings) / "locks"),
                      "tile_lock_dir": str(root(settings) / "locks" / "tiles"),
                      "meta_size": [tc.meta_size, tc.meta_size], "meta_buffer": META_BUFFER},
            # bilinear: a shrunk tile keeps its one-pixel tree symbols (nearest drops a third of them) at
            # half bicubic's cost; stretch 1.4: a box between two levels is drawn from the coarser one
            # rather than shrunk from the finer one (symbols sized in metres stay closer to the renderer's)
            "image": {"resampling_method": "bilinear", "paletted": False, "stretch_factor": 1.4},
        },
        "grids": {grid.NAME: grid.mapproxy_grid()},
        "services": {
            "wms": {"srs": [s for s in SRS.split() if s.startswith("EPSG:")], "image_formats": ["image/png"],
                    "md": {"title": "GDI Hildesheim – Kachel-Cache des Darstellungsdienstes"},
                    "versions": ["1.1.1", "1.3.0"], "strict": True},
            "wmts": {"restful": True, "kvp": True,
                     "restful_template": "/{Layer}/{TileMatrixSet}/{TileMatrix}/{TileCol}/{TileRow}.{Format}",
                     "md": {"title": "GDI Hildesheim – INSPIRE-Darstellungsdienst (WMTS)",
                            "abstract": "Kacheln der öffentlichen INSPIRE-Layer im AdV-Kachelschema "
                                        f"{grid.NAME} (EPSG:25832)",
                            "access_constraints": "Es gelten die Lizenzen der einzelnen Datensätze "
                                                  "(siehe Metadaten).",
                            "fees": "keine"}},
        },
        "sources": {}, "caches": {}, "layers": [],
    }
    for name, c in caches.items():
        key = "c_" + hashlib.sha1(name.encode()).hexdigest()[:12]
        conf["sources"][f"s_{key}"] = {
            "type": "gdi_mapscript", "renderer": "public",
            "req": {"url": "gdi-mapscript://public/", "layers": name, "transparent": True},
            "coverage": {"bbox": list(c["extent"]), "srs": grid.SRS},
            "supported_srs": [grid.SRS], "supported_formats": ["image/png"],
            "wms_opts": {"featureinfo": False, "legendgraphic": False}}
        conf["caches"][key] = {
            "grids": [grid.NAME], "sources": [f"s_{key}"], "format": "image/png",
            "cache": {"type": "file", "directory": str(c["dir"]), "directory_layout": "tms"}}
        conf["layers"].append({"name": name, "title": c["title"], "sources": [key]})
    return conf


def data_coverage(ref: Any, level: int) -> str | None:
    """WKT of the tiles of ``level`` that the features of a layer touch (the seeding area: a dataset whose
    box spans half the state but whose features lie in a few places is seeded only there)."""
    import shapely
    try:
        _attrs, geoms = _features(ref)
    except (RuntimeError, OSError) as exc:
        LOGGER.warning("tile cache: cannot read the features of %s/%s: %s", ref.dataset, ref.table, exc)
        return None
    bounds = shapely.bounds(geoms[~shapely.is_missing(geoms)]).reshape(-1, 4)
    bounds = bounds[np.isfinite(bounds).all(axis=1)]
    span = grid.TILE * grid.RESOLUTIONS[level]
    boxes = [shapely.box(grid.ORIGIN[0] + x * span, grid.ORIGIN[1] - (y + 1) * span,
                         grid.ORIGIN[0] + (x + 1) * span, grid.ORIGIN[1] - y * span)
             for x, y in grid.tiles_touching(bounds, level, SYMBOL_MARGIN)]
    if not boxes:
        return None
    return shapely.union_all(boxes).wkt


def write_seed_config(path: Path, caches: dict[str, dict[str, Any]], seed_to: int, conf: dict[str, Any]) -> None:
    seeds: dict[str, Any] = {}
    covs: dict[str, Any] = {}
    for key, layer in zip(conf["caches"], caches.values(), strict=True):
        if layer.get("coverage"):
            wkt = path.with_name(f"{path.stem}-{key}.wkt")
            wkt.write_text(layer["coverage"], encoding="utf-8")
            covs[f"cov_{key}"] = {"polygons": str(wkt), "polygons_srs": grid.SRS}
        else:
            covs[f"cov_{key}"] = {"bbox": list(layer["extent"]), "srs": grid.SRS}
        seeds[f"seed_{key}"] = {"caches": [key], "grids": [grid.NAME], "coverages": [f"cov_{key}"],
                                "levels": {"to": seed_to},
                                # only missing tiles (a tile kept from the previous version is up to date)
                                "refresh_before": {"days": 100_000}}
    path.write_text(yaml.safe_dump({"seeds": seeds, "coverages": covs}, allow_unicode=True), encoding="utf-8")


def seed(settings: Settings, caches: dict[str, dict[str, Any]], expected: dict[str, str]) -> None:
    """Render the missing tiles of ``caches`` up to ``seed_to_level`` (in this process)."""
    if not caches:
        return
    from mapproxy.config.loader import load_configuration
    from mapproxy.seed.config import load_seed_tasks_conf
    from mapproxy.seed.util import ProgressLog

    from . import source
    source.register()
    source.add_renderer("public", settings, expected)
    work = root(settings) / "tmp"
    work.mkdir(parents=True, exist_ok=True)
    conf = mapproxy_config(settings, caches)
    mp_yaml, seed_yaml = work / f"seed-{os.getpid()}.yaml", work / f"seed-{os.getpid()}-tasks.yaml"
    mp_yaml.write_text(yaml.safe_dump(conf, allow_unicode=True), encoding="utf-8")
    write_seed_config(seed_yaml, caches, settings.tile_cache.seed_to_level, conf)
    from mapproxy.seed.seeder import SeedProgress, TileWalker

    class InlinePool:
        """The seeder's worker pool, in this thread: MapProxy forks worker processes, which would not share
        this process's parsed maps, database connections and cost figures (and MapScript renders one map
        at a time anyway)."""

        def __init__(self, task: Any):
            self.task = task

        def process(self, tiles: Any, progress: Any) -> None:
            with self.task.tile_manager.session():
                self.task.tile_manager.load_tile_coords(tiles)

        def stop(self, force: bool = False) -> None:
            return None

    try:
        mp_conf = load_configuration(str(mp_yaml), seed=True)
        tasks = load_seed_tasks_conf(str(seed_yaml), mp_conf).seeds()
        with open(os.devnull, "w") as quiet:
            for task in tasks:
                if task.coverage is False:
                    continue
                task.tile_manager._expire_timestamp = task.refresh_timestamp
                task.tile_manager.minimize_meta_requests = False
                TileWalker(task, InlinePool(task), handle_uncached=True, handle_stale=False,
                           handle_all=task.refresh_all, skip_geoms_for_last_levels=0,
                           progress_logger=ProgressLog(out=quiet, verbose=False, silent=True),
                           seed_progress=SeedProgress(),
                           work_on_metatiles=not task.tile_manager.rescale_tiles).walk()
    finally:
        for p in (mp_yaml, seed_yaml, *work.glob(f"seed-{os.getpid()}-tasks-*.wkt")):
            p.unlink(missing_ok=True)


# --------------------------------------------------------------------------- the post-publish step

def write_tile_cache(settings: Settings) -> Path | None:
    """POST_PUBLISH hook: bring the tile caches to the current publications and switch (see module doc)."""
    if not settings.tile_cache.enabled:
        return None
    from core.store import get_store
    from services.wms.mapfile import collect_layers, publication_state
    started = time.monotonic()
    state = publication_state(settings)
    store = get_store(settings)
    previous = read_pointer(settings) or {}
    prev_layers: dict[str, Any] = previous.get("layers", {})
    tiles = root(settings) / "tiles"
    ready: dict[str, dict[str, Any]] = {}
    todo: dict[str, dict[str, Any]] = {}
    order: list[str] = []  # the map's drawing order
    for lay in collect_layers(settings, staff=False):
        version = state.get(lay.dataset.id)
        if version is None:
            continue
        order.append(lay.name)
        look = cartography_key(lay)
        final = tiles / lay.name / f"{version}.{look}"
        info: dict[str, Any] = {"dir": str(final), "title": lay.dataset.title.de, "dataset": lay.dataset.id,
                "version": version, "table": lay.table, "look": look,
                "extent": [float(v) for v in (lay.manifest.get("bbox_25832") or grid.BBOX)]}
        old = prev_layers.get(lay.name)
        info["costs"] = dict((old or {}).get("costs", {}))  # per level, kept where not measured again
        if (final / READY).exists():
            ready[lay.name] = info
            continue
        build = final.with_name(f".{final.name}.building")
        shutil.rmtree(build, ignore_errors=True)
        build.mkdir(parents=True)
        # tiles of the previous version are kept only when drawn the same way (a new release's cartography
        # draws every tile again)
        if (old and old.get("version") != version and old.get("look") == look
                and Path(old["dir"], READY).exists()):
            bounds = changed_bounds(store, lay.dataset.id, lay.table, old["version"], version)
            if bounds is not None:
                copied = _copy_tree(Path(old["dir"]), build)
                gone = grid.remove_tiles(build, bounds, META_BUFFER + SYMBOL_MARGIN, settings.tile_cache.meta_size)
                LOGGER.info("tile cache %s: %d changed features, %d of %d tiles kept", lay.name, len(bounds),
                            copied - gone, copied)
        todo[lay.name] = {**info, "dir": str(build), "final": str(final),
                          "coverage": data_coverage(lay.ref, settings.tile_cache.seed_to_level)}
    from .source import take_costs
    take_costs()
    seed(settings, todo, state)
    measured = take_costs()
    if publication_state(settings) != state:  # a publication switched while we seeded: the next run redoes it
        LOGGER.warning("tile cache: the publications changed while seeding; the cache is not switched")
        return None
    for name, info in todo.items():
        final = Path(info.pop("final"))
        info.pop("coverage", None)
        build = Path(info["dir"])
        (build / READY).write_text(str(time.time()))
        if final.exists():
            shutil.rmtree(final)
        os.replace(build, final)
        costs = {**info.get("costs", {}), **{str(k): v for k, v in measured.get(name, {}).items()}}
        ready[name] = {**info, "dir": str(final), "costs": costs}
    conf = mapproxy_config(settings, ready)
    digest = hashlib.sha1(json.dumps(state, sort_keys=True).encode()).hexdigest()[:16]
    cfg_path = root(settings) / "config" / f"{digest}.yaml"
    cfg_path.parent.mkdir(parents=True, exist_ok=True)
    cfg_path.write_text(yaml.safe_dump(conf, allow_unicode=True), encoding="utf-8")
    from services.wms.mapfile import MAP_NAME
    _atomic_json(pointer_path(settings), {"state": state, "config": str(cfg_path), "layers": ready,
                                          # the WMS root layer draws every public layer in the map's order
                                          "root": MAP_NAME, "order": [n for n in order if n in ready],
                                          "previous_dirs": sorted({i["dir"] for i in prev_layers.values()}),
                                          "written": time.time()})
    _prune(settings, ready, prev_layers, cfg_path, previous.get("config"))
    LOGGER.info("tile cache: %d layers (%d seeded) in %.1f s", len(ready), len(todo), time.monotonic() - started)
    return cfg_path


def _prune(settings: Settings, ready: dict[str, Any], prev: dict[str, Any], cfg: Path, prev_cfg: str | None) -> None:
    keep = {Path(i["dir"]) for i in ready.values()} | {Path(i["dir"]) for i in prev.values()}
    tiles = root(settings) / "tiles"
    for layer_dir in tiles.iterdir() if tiles.is_dir() else ():
        for d in layer_dir.iterdir():
            if d not in keep and not d.name.endswith(".building"):
                shutil.rmtree(d, ignore_errors=True)
        if layer_dir.is_dir() and not any(layer_dir.iterdir()):
            layer_dir.rmdir()
    for c in (root(settings) / "config").glob("*.yaml"):
        if c != cfg and str(c) != prev_cfg:
            c.unlink(missing_ok=True)
