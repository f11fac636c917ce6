"""GeoPackage for serving: EPSG:25832, one layer per view (INSPIRE view + source view), spatial index.

Chunks are spooled as Arrow IPC files next to the output and written to the GeoPackage in ONE write
at ``close()``: GDAL then bulk-loads the R-tree once. Appending chunk by chunk to an indexed layer
makes every insert update the R-tree, and the cost grows with the layer (measured: 1M points ~4x
slower). Memory stays bounded: the spool is streamed back batch by batch.
"""
from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import pyarrow as pa
from pyogrio.raw import write_arrow

from core.plugins import Encoder, Mapper


class GpkgEncoder(Encoder):
    suffix = ".gpkg"

    def __init__(self, path: Path, *, mapper: Mapper | None = None, layer: str, run_time_iso: str = "",
                 validator_factory: Callable[..., Any] | None = None):
        self.path = path
        self.layer = layer
        self.count = 0
        self._spool = Path(tempfile.mkdtemp(prefix=f".spool-{layer}-", dir=path.parent))
        self._files: list[Path] = []
        self._geom_types: set[str] = set()
        self._crs = None
        # a store that loads its tables from the same chunks (PostGIS): gets each spooled Arrow table
        self.sink: Any = None
        self._sink_finished = False

    def write(self, view: gpd.GeoDataFrame) -> None:
        if len(view) == 0:
            return
        self._crs = self._crs or (view.crs.to_string() if view.crs else None)
        types = {t for t in view.geometry.geom_type.unique() if t}
        self._geom_types.update(types)
        table = pa.table(view.to_arrow(geometry_encoding="WKB", index=False))
        if self.sink is not None:
            self.sink.write(table, types)
        f = self._spool / f"{len(self._files):06d}.arrow"
        with pa.OSFile(str(f), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        self._files.append(f)
        self.count += len(view)

    def finish_sink(self) -> None:
        """No more chunks for the sink: the database builds its indexes meanwhile (idempotent; ``close``
        calls it too, the pipeline earlier, so the indexing overlaps the writing of the files)."""
        if self.sink is not None and not self._sink_finished:
            self._sink_finished = True
            self.sink.finish(self._geometry_type(), self.count)

    def close(self) -> None:
        self.finish_sink()
        try:
            if not self._files:
                return
            schemas = [pa.ipc.open_file(pa.memory_map(str(f))).schema for f in self._files]
            schema = pa.unify_schemas(schemas, promote_options="permissive")
            # a column empty in every chunk has Arrow type null, which GDAL cannot create: make it text
            schema = pa.schema([f.with_type(pa.string()) if pa.types.is_null(f.type) else f for f in schema],
                               metadata=schema.metadata)
            geom = next(n for n in schema.names if n == "geometry")

            def batches():
                for f in self._files:
                    reader = pa.ipc.open_file(pa.memory_map(str(f)))
                    for i in range(reader.num_record_batches):
                        yield reader.get_batch(i).cast(schema) if reader.schema != schema else reader.get_batch(i)

            gtype = self._geometry_type()
            stream = pa.RecordBatchReader.from_batches(schema, batches())
            write_arrow(stream, str(self.path), layer=self.layer, driver="GPKG", geometry_name=geom,
                        geometry_type=gtype, crs=self._crs, append=self.path.exists(),
                        layer_options={"SPATIAL_INDEX": "YES", "FID": "fid", "GEOMETRY_NAME": "geom"},
                        # GPKG 1.3: Debian's GDAL 3.6 (MapServer, QGIS) warns on pyogrio's default 1.4
                        dataset_options=None if self.path.exists() else {"VERSION": "1.3"})
        finally:
            shutil.rmtree(self._spool, ignore_errors=True)

    def _geometry_type(self) -> str:
        return next(iter(self._geom_types)) if len(self._geom_types) == 1 else "Unknown"

    def abort(self) -> None:
        if self.sink is not None:
            self.sink.abort()
        shutil.rmtree(self._spool, ignore_errors=True)


__all__ = ["GpkgEncoder"]
