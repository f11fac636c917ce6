"""The ETL of one dataset: read -> check & repair -> map -> encode -> validate -> publish (atomic).

Works chunk by chunk so memory is bounded by the chunk size, not the dataset size.
"""
from __future__ import annotations

import errno
import json
import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

from core.area import STORAGE_CRS
from core.changes import MANIFEST_KEY, source_hashes
from core.config import Dataset, Settings
from core.errors import GdiError, PublicationError
from core.plugins import ENCODERS, MAPPERS, READERS, Encoder, Mapper
from core.publication import Publication, new_version
from core.store import get_store
from core.xsd import StreamValidator

from . import checks, overview
from .encoders.gpkg import GpkgEncoder
from .lifecycle import Lifecycle
from .report import Ledger, write_report

LOGGER = logging.getLogger(__name__)


@dataclass
class RunResult:
    dataset: str
    version: str
    status: str
    summary: dict[str, int]
    report_json: Path
    report_html: Path
    published_dir: Path | None = None
    error: str | None = None
    timings: dict[str, float] = field(default_factory=dict)


def source_collection(ds: Dataset) -> str:
    return f"{ds.id}_source"


def run_dataset(ds: Dataset, settings: Settings, *, validate: bool = True,
                progress: Callable[[int], None] | None = None, geojson: bool = True,
                now: datetime | None = None, client: Any = None) -> RunResult:
    """Run the ETL for one dataset. Raises GdiError on failure after writing the failure report;
    the previous publication stays current. Two runs of the same dataset never overlap (a second run
    waits for the first: the publication lock). ``client``: a ``dask.distributed.Client``; the GML and
    GeoJSON encoding and the XSD validation then run on its workers (``transforms.distributed``)."""
    with get_store(settings).lock(ds.id):
        return _run_dataset(ds, settings, validate=validate, progress=progress, geojson=geojson, now=now,
                            client=client)


def _run_dataset(ds: Dataset, settings: Settings, *, validate: bool,
                 progress: Callable[[int], None] | None, geojson: bool,
                 now: datetime | None, client: Any) -> RunResult:
    t0 = time.perf_counter()
    run_time = (now or datetime.now(UTC)).replace(microsecond=0)
    version = new_version(now)
    mapper = MAPPERS.get(ds.mapper)(ds, settings, run_time)  # validates the mapper's options
    # every reader and its options before anything is staged: a wrong option fails the run up front
    readers = [(src, READERS.get(src.reader)) for src in ds.sources]
    reader_options = [reader.options_for(src, ds) for src, reader in readers]
    reports = settings.var_dir / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    ledger = Ledger()
    pub = get_store(settings).begin(ds.id, version)
    factory = None
    cluster = None  # the encoding on a dask cluster, for mappers whose members are pure functions
    validate_here = False if client is not None and mapper.pure_members else validate  # else on the workers
    if validate_here:
        def factory(envelope, locations):
            return StreamValidator(settings.schema_dir, envelope, locations)
    def encoder(name: str, layer: str, validator_factory: Callable[..., Any] | None = None) -> Encoder:
        cls = ENCODERS.get(name)
        return cls(pub.path(f"{ds.id}{cls.suffix}"), mapper=mapper, layer=layer, run_time_iso=mapper.run_time_iso,
                   validator_factory=validator_factory)

    gml = encoder("gml", mapper.collection, factory)
    gj = encoder("geojson", mapper.collection) if geojson else None
    gp_inspire = encoder("gpkg", mapper.collection)
    gp_source = encoder("gpkg", source_collection(ds))
    if client is not None and mapper.pure_members:
        from .distributed import ClusterEncoding
        cluster = ClusterEncoding(client, ds, settings, run_time, gml, gj, pub.staging / ".parts",
                                  validate=validate)
    out_gml = cluster or gml
    report: dict[str, Any] = {"dataset": ds.id, "version": version, "started": run_time.isoformat(),
                              "mapper": None, "sources": [], "validation": {},
                              MANIFEST_KEY: source_hashes(ds, settings)}
    timings: dict[str, float] = {}
    seen = checks.KeyIndex()
    bounds = np.array([np.inf, np.inf, -np.inf, -np.inf])
    lifecycle = _lifecycle(ds, settings, mapper)
    # points: a density grid for the WMS at small scales (transforms/overview.py)
    grid = overview.DensityGrid() if set(mapper.geometry_types or ()) <= {"Point", "MultiPoint"} and \
        mapper.geometry_types else None
    gp_overview = encoder("gpkg", overview.overview_table(mapper.collection)) if grid is not None else None
    gpkgs = [gp for gp in (gp_inspire, gp_source, gp_overview) if isinstance(gp, GpkgEncoder)]
    where = f"writing the publication files in {pub.staging}"
    try:
        for gp in gpkgs:  # PostGIS: the tables are loaded from the same chunks while the files are written
            gp.sink = pub.layer_sink(gp.layer)
        for (src, reader), options in zip(readers, reader_options, strict=True):
            path = ds.source_path(src)
            where = f"reading {path}"
            n_src = 0
            for chunk in reader.read(path, src, ds, settings, options):
                n_src += len(chunk)
                crs_text = src.crs or (chunk.crs.to_string() if chunk.crs else None)
                if crs_text:
                    checks.check_crs_extent(chunk, crs_text, str(path))
                prepared = mapper.prepare(chunk, src)
                checks.check_keys(prepared, "key", seen, src.fields.get("key", "key"))
                if mapper.geometry_types and any("Polygon" in t for t in mapper.geometry_types):
                    checks.check_polygons(prepared)
                _check_geometry_types(prepared, mapper.geometry_types)
                statuses = np.array(ledger.add(prepared))
                ok = prepared[statuses != "rejected"]
                if len(ok):
                    ok = ok.to_crs(STORAGE_CRS)
                    if lifecycle is not None:
                        ok = lifecycle.annotate(ok)
                    iv = mapper.inspire_view(ok)
                    sv = mapper.source_view(ok)
                    out_gml.write(iv)
                    if gj and cluster is None:
                        gj.write(iv)
                    gp_inspire.write(iv)
                    gp_source.write(sv)
                    if grid is not None:
                        grid.add(iv.geometry)
                    b = iv.total_bounds
                    bounds = np.array([min(bounds[0], b[0]), min(bounds[1], b[1]),
                                       max(bounds[2], b[2]), max(bounds[3], b[3])])
                if progress:
                    progress(len(chunk))
            report["sources"].append({"file": str(path), "reader": src.reader, "crs": src.crs, "read": n_src})
        if lifecycle is not None:
            gone = lifecycle.removed()
            if len(gone):
                if cluster is not None:
                    cluster.write(gone, geojson=False)
                else:
                    gml.write(gone)
            report["changes"] = lifecycle.summary()
        where = f"writing the publication files in {pub.staging}"
        if cluster is not None:
            where = "encoding on the dask cluster"
            cluster.drain()
            timings["cluster_tasks"] = cluster.tasks
            where = f"writing the publication files in {pub.staging}"
        if gp_overview is not None and grid is not None:
            gp_overview.write(grid.frame())
        for gp in gpkgs:  # the database indexes its tables while the files are finished
            gp.finish_sink()
        tail = mapper.gml_tail()  # members that need all objects first (e.g. ELU DataSet extent)
        if tail is not None:
            gml.write(tail)
            if cluster is not None:  # the coordinator's mapper knows all objects: encoded and checked here
                cluster.validate_local(mapper, tail)
        gml.close()
        extra = getattr(mapper, "publish_extra", None)   # further views, e.g. BU core3D (bu.publish_extra)
        if extra is not None:
            report.update(extra(pub.path, validate) or {})
        if gj:
            gj.close()
        if cluster is not None:
            shutil.rmtree(pub.staging / ".parts", ignore_errors=True)
        gp_inspire.close()
        gp_source.close()
        if gp_overview is not None:
            gp_overview.close()
        timings["transform"] = time.perf_counter() - t0
        summary = ledger.summary()
        if summary["published"] == 0:
            raise PublicationError(f"nothing to publish: all {summary['read']} records were rejected "
                                   f"(see report)", file=ds.id)
        if validate:
            t1 = time.perf_counter()
            errs = (cluster.errors if cluster is not None else gml.validation_errors()) or []
            timings["validate"] = time.perf_counter() - t1
            report["validation"] = {"gml": "valid" if not errs else "invalid", "errors": errs,
                                    "schema_dir": str(settings.schema_dir)}
            if errs:
                raise PublicationError("GML does not validate against the INSPIRE XSDs: " + "; ".join(errs[:3]),
                                       file=str(gml.path))
        else:
            report["validation"] = {"gml": "skipped"}
        report.update(_finish(report, ledger, mapper, "published", t0, timings))
        write_report(pub.path("report.json"), pub.path("report.html"), report)
        manifest = _manifest(ds, mapper, version, run_time, summary, bounds, pub)
        manifest[MANIFEST_KEY] = report[MANIFEST_KEY]  # taken at the start: see core/changes.py
        if grid is not None and grid.counts and gp_overview is not None:
            manifest["overview"] = overview.manifest_entry(mapper.collection, len(grid.counts), summary["published"])
        final = pub.commit(manifest, keep=settings.keep_versions)
        rj, rh = reports / f"{ds.id}-{version}.json", reports / f"{ds.id}-{version}.html"
        write_report(rj, rh, report)
        return RunResult(ds.id, version, "published", summary, rj, rh, final, timings=timings)
    except BaseException as exc:
        if cluster is not None:
            cluster.cancel()
        for enc in (gml, gj, gp_inspire, gp_source, gp_overview):
            if enc is not None:
                enc.abort()
        pub.abort()
        err = exc if isinstance(exc, GdiError) or not isinstance(exc, Exception) else _unexpected(exc, ds.id, where,
                                                                                                   pub.staging)
        report.update(_finish(report, ledger, mapper, "failed", t0, timings))
        report["error"] = str(err) or type(err).__name__
        rj, rh = reports / f"{ds.id}-{version}-failed.json", reports / f"{ds.id}-{version}-failed.html"
        write_report(rj, rh, report)
        if isinstance(err, GdiError):
            err.report = rj  # type: ignore[attr-defined]
        if err is exc:
            raise
        raise err from exc


_DISK_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}


def _unexpected(exc: Exception, dataset_id: str, where: str, staging: Path) -> PublicationError:
    """An error that is not one of ours (a library's, the disk's) as a failed dataset with a message: what
    the run was doing, the library's words, and for a write the free space there (a full disk or a file
    size limit shows in GDAL only as a broken SQLite statement)."""
    chain = [exc, *([exc.__cause__] if exc.__cause__ else []), *([exc.__context__] if exc.__context__ else [])]
    disk = next((e for e in chain if isinstance(e, OSError) and e.errno in _DISK_ERRNOS), None)
    if disk is not None:
        msg = f"no space to write the publication ({disk.strerror}): {disk.filename or staging}"
    else:
        msg = f"{type(exc).__name__} while {where}: {exc}"
    if where.startswith("writing"):
        try:
            free = shutil.disk_usage(staging if staging.exists() else staging.parent).free
            msg += (f" (free space there: {free / 2**20:,.0f} MB; a full disk or a file size limit makes GDAL "
                    "fail like this)")
        except OSError:
            pass
    LOGGER.debug("dataset %s: %s", dataset_id, msg, exc_info=exc)   # the traceback only with -v
    return PublicationError(f"{msg}; the previous publication stays current", file=str(staging))


def _finish(report, ledger, mapper, status, t0, timings):
    return {"status": status, "summary": ledger.summary(), "reasons": dict(ledger.reasons.most_common()),
            "records": ledger.records, "mapper": mapper.report_extra(),
            "finished": datetime.now(UTC).isoformat(), "seconds": round(time.perf_counter() - t0, 3),
            "timings": timings}


def _check_geometry_types(gdf: gpd.GeoDataFrame, allowed: tuple[str, ...]) -> None:
    if not allowed:
        return
    geoms = gdf.geometry.to_numpy()
    types = shapely.get_type_id(geoms)
    names = {0: "Point", 1: "LineString", 2: "LinearRing", 3: "Polygon", 4: "MultiPoint",
             5: "MultiLineString", 6: "MultiPolygon", 7: "GeometryCollection"}
    for i in np.flatnonzero(types >= 0):
        t = names.get(int(types[i]), "?")
        if t not in allowed:
            gdf["_issues"].iat[i].append(f"rejected: geometry type {t} not allowed here (expected "
                                         f"{' or '.join(allowed)})")
    for i in np.flatnonzero(types < 0):
        notes = gdf["_issues"].iat[i]
        if not any(n.startswith("rejected:") for n in notes):
            notes.append("rejected: no geometry")


def _lifecycle(ds: Dataset, settings: Settings, mapper: Mapper) -> Lifecycle | None:
    return Lifecycle.from_previous(ds, settings, mapper)


def _manifest(ds: Dataset, mapper, version: str, run_time: datetime, summary: dict, bounds: np.ndarray,
              pub: Publication) -> dict[str, Any]:
    from pyproj import Transformer
    tr = Transformer.from_crs(STORAGE_CRS, "OGC:CRS84", always_xy=True)
    bbox84 = None
    if np.all(np.isfinite(bounds)):
        xs, ys = tr.transform([bounds[0], bounds[2], bounds[0], bounds[2]],
                              [bounds[1], bounds[1], bounds[3], bounds[3]])
        bbox84 = [min(xs), min(ys), max(xs), max(ys)]
    files = {p.name: p.stat().st_size for p in pub.staging.iterdir() if p.is_file()}
    return {
        "dataset": ds.id, "version": version, "published": run_time.isoformat(),
        "access": ds.access, "counts": summary, "mapper": ds.mapper,
        "feature_type": mapper.feature_type, "inspire_theme": ds.inspire.theme,
        "layer_name": ds.inspire.layer_name,
        "bbox_25832": bounds.tolist() if bbox84 else None, "bbox_crs84": bbox84,
        "collections": [
            {"id": mapper.collection, "layer": mapper.collection, "view": "inspire",
             "feature_type": mapper.feature_type, "count": summary["published"]},
            {"id": source_collection(ds), "layer": source_collection(ds), "view": "source",
             "count": summary["published"]},
        ],
        "files": files,
        # the entry this version was made with: served from here if dataset.yml later becomes invalid
        "registry_entry": ds.model_dump(mode="json"),
    }


def load_report(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text())
