"""The ETL's per-record encoding on a dask.distributed cluster (``gdi etl --scheduler tcp://HOST:PORT``).

The coordinator (the ``gdi etl`` process) reads the sources in chunks, checks, repairs and maps them
(the duplicate-key index, the report ledger, the lifespans and the mapper's counters see every record
in order), writes the GeoPackage and the PostGIS tables, and sends each chunk's INSPIRE view to the
cluster. A worker writes that chunk's GML members and GeoJSON features as part files into the staging
folder of the publication (shared storage: every machine sees it at the same path) and validates the
members against the INSPIRE XSDs; the coordinator appends the parts in chunk order. The files are
therefore byte-identical to a build in one process, and a part lost with a killed worker is rebuilt by
the scheduler (the task is a pure function of its chunk; a part file appears only complete, by rename).

Only mappers whose ``gml_member`` is a pure function of the record (``Mapper.pure_members``) are sent
out; the others (a plan writes its SpatialPlan once, before the first member) are encoded here.
"""
from __future__ import annotations

import os
import warnings
from collections import deque
from datetime import datetime
from pathlib import Path
from typing import Any

import geopandas as gpd

from core.config import Dataset, Settings
from core.errors import GdiError

SLICE = 5000  # members per validated slice (as the local encoder): memory per task stays flat
_MAPPERS: dict[tuple[str, str, str], Any] = {}  # per worker process: one mapper per dataset run


def _mapper(ds: Dataset, settings: Settings, run_time: datetime):
    from core.plugins import MAPPERS
    key = (ds.id, ds.model_dump_json(), run_time.isoformat())
    if key not in _MAPPERS:
        _MAPPERS.clear()
        _MAPPERS[key] = MAPPERS.get(ds.mapper)(ds, settings, run_time)
    return _MAPPERS[key]


def encode_part(job: dict[str, Any]) -> dict[str, Any]:
    """On a worker: one chunk's GML members (and GeoJSON features) as part files; XSD errors if asked."""
    from core.xsd import _worker_validate

    from .encoders.geojson import features_json
    from .encoders.gml import members_xml
    mapper = _mapper(job["dataset"], job["settings"], job["run_time"])
    view: gpd.GeoDataFrame = job["view"]
    errors: list[str] = []
    gml_part = Path(job["gml_part"])
    tmp = gml_part.with_name(f"{gml_part.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        for start in range(0, len(view), SLICE):
            body = members_xml(mapper, view.iloc[start:start + SLICE])
            fh.write(body.encode())
            if job["validate"] is not None and len(errors) < 50:
                schema_dir, envelope, locations = job["validate"]
                errors += _worker_validate(schema_dir, locations, envelope, body, job["first"] + start)
    tmp.replace(gml_part)
    if job["geojson_part"]:
        gj_part = Path(job["geojson_part"])
        tmp = gj_part.with_name(f"{gj_part.name}.{os.getpid()}.tmp")
        tmp.write_text(features_json(view) if len(view) else "", encoding="utf-8")
        tmp.replace(gj_part)
    return {"n": len(view), "errors": errors}


class ClusterEncoding:
    """Sends INSPIRE views to the cluster and appends the parts to the GML/GeoJSON encoders in order.

    At most ``window`` chunks are out at a time (memory of the coordinator and the shared folder stay
    bounded); a task that fails on the worker (not a lost worker: the scheduler reruns those) fails the
    dataset with the worker's message."""

    def __init__(self, client, ds: Dataset, settings: Settings, run_time: datetime, gml, geojson,
                 parts_dir: Path, *, validate: bool):
        self.client, self.ds, self.settings, self.run_time = client, ds, settings, run_time
        self.gml, self.geojson = gml, geojson
        self.parts = parts_dir
        self.parts.mkdir(parents=True, exist_ok=True)
        self.validate = (str(settings.schema_dir), gml.envelope, gml.locations) if validate else None
        self.window = max(2, 2 * sum(client.nthreads().values()))
        self.pending: deque[tuple[Any, Path, Path | None]] = deque()
        self.errors: list[str] = []
        self.first = 0
        self.seq = 0
        self.tasks = 0

    def write(self, view: gpd.GeoDataFrame, *, geojson: bool = True) -> None:
        if len(view) == 0:
            return
        gml_part = self.parts / f"{self.seq:07d}.gml"
        gj_part = self.parts / f"{self.seq:07d}.geojson" if geojson and self.geojson is not None else None
        job = {"dataset": self.ds, "settings": self.settings, "run_time": self.run_time, "view": view,
               "gml_part": str(gml_part), "geojson_part": str(gj_part) if gj_part else None,
               "validate": self.validate if len(self.errors) < 50 else None, "first": self.first}
        # the chunk travels inside the task, not scattered: the scheduler can then send it again when the
        # worker that had it is lost (scattered data would be lost with it); dask warns about the size
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="(Sending large graph|Large object of size)",
                                    category=UserWarning)
            fut = self.client.submit(encode_part, job, key=f"gdi-etl-{self.ds.id}-"
                                     f"{self.run_time:%Y%m%d%H%M%S}-{self.seq}", pure=False)
        self.pending.append((fut, gml_part, gj_part))
        self.seq += 1
        self.first += len(view)
        self.tasks += 1
        while len(self.pending) > self.window:
            self._append_next()

    def validate_local(self, mapper, view: gpd.GeoDataFrame) -> None:
        """Validate members the coordinator wrote itself (a mapper's tail, which needs all objects)."""
        if self.validate is None or not len(view):
            return
        from core.xsd import _worker_validate

        from .encoders.gml import members_xml
        schema_dir, envelope, locations = self.validate
        self.errors += _worker_validate(schema_dir, locations, envelope, members_xml(mapper, view), self.first)
        self.first += len(view)

    def drain(self) -> None:
        while self.pending:
            self._append_next()

    def _append_next(self) -> None:
        fut, gml_part, gj_part = self.pending.popleft()
        try:
            res = fut.result()
        except Exception as exc:
            raise GdiError(f"a dask worker failed to encode chunk {gml_part.stem} of {self.ds.id}: "
                           f"{type(exc).__name__}: {exc}", file=str(self.ds.yml_path)) from exc
        self.errors += res["errors"]
        self.gml.append_part(gml_part, res["n"])
        if gj_part is not None:
            self.geojson.append_part(gj_part, res["n"])

    def cancel(self) -> None:
        for fut, _, _ in self.pending:
            fut.cancel()
        self.pending.clear()


__all__ = ["ClusterEncoding", "encode_part"]
