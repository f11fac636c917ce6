"""Streaming load of a version's layers into PostGIS while the ETL writes the files.

The PostGIS store used to load the finished GeoPackage after the GML and GeoPackage were written (a second
pass over every row, one core idle). A :class:`LayerCopy` instead receives the same Arrow chunks the
GeoPackage encoder spools and COPYs them into the version's staging schema from a thread with its own
connection: PostgreSQL parses and stores the rows in its own process on the other core while the pipeline
goes on reading, mapping and encoding. When the layer is finished (:meth:`LayerCopy.finish`), the thread
checks the count and SRID, builds the GiST and id indexes and runs ANALYZE, again beside the main thread
(which writes the GeoPackage then).

The result is the table GDAL makes from the GeoPackage, column for column: the empty table is created by
GDAL itself from a zero-row GeoPackage with the chunk's Arrow schema, written exactly as the GeoPackage
encoder writes its layer (same types, ``fid`` bigserial primary key, ``geom`` with the layer's geometry
type and SRID); a later chunk that widens a column (all-empty text before, numbers now) widens the table
the same way. Rows go as CSV (pyarrow's writer: strings always quoted, so NULL and '' stay apart; floats
in their shortest round-trip form) with the geometry as hex WKB (the column's SRID applies), ``fid`` =
the GeoPackage's 1..n in the same order.
"""
from __future__ import annotations

import contextlib
import io
import logging
import queue
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from psycopg import sql

from .errors import PublicationError

LOGGER = logging.getLogger(__name__)

_HEX = np.frombuffer(b"0123456789ABCDEF", dtype=np.uint8)
_DONE = object()
QUEUE_CHUNKS = 2  # chunks waiting per layer: the pipeline blocks when the database lags (memory stays bounded)


def hex_wkb(col: pa.Array | pa.ChunkedArray) -> pa.Array:
    """A WKB binary column as hex text (nulls kept), vectorised: PostGIS reads hex WKB in text input."""
    if isinstance(col, pa.ChunkedArray):
        col = col.combine_chunks()
    if isinstance(col, pa.ExtensionArray):
        col = col.storage
    if pa.types.is_binary(col.type):
        off_type: Any = np.int32
    elif pa.types.is_large_binary(col.type):
        off_type = np.int64
    else:
        raise TypeError(f"geometry column is {col.type}, WKB binary expected")
    n = len(col)
    bufs = col.buffers()
    offsets = np.frombuffer(bufs[1], dtype=off_type)[col.offset:col.offset + n + 1] if bufs[1] else np.zeros(
        n + 1, dtype=off_type)
    data = np.frombuffer(bufs[2], dtype=np.uint8) if bufs[2] is not None and n else np.zeros(0, np.uint8)
    raw = data[int(offsets[0]):int(offsets[-1])]
    out = np.empty(2 * len(raw), dtype=np.uint8)
    out[0::2] = _HEX[raw >> 4]
    out[1::2] = _HEX[raw & 15]
    new_offsets = (2 * (offsets - offsets[0])).astype(np.int64)
    validity = None
    if col.null_count:  # a bitmap from offset 0 (a sliced array's own bitmap starts at its offset)
        validity = pc.is_valid(col).buffers()[1]
    return pa.LargeStringArray.from_buffers(n, pa.py_buffer(new_offsets), pa.py_buffer(out), validity,
                                            col.null_count, 0)


def arrow_for_gpkg(schema: pa.Schema) -> pa.Schema:
    """The schema the GeoPackage encoder writes (a column empty in every chunk so far becomes text)."""
    return pa.schema([f.with_type(pa.string()) if pa.types.is_null(f.type) else f for f in schema])


class LayerCopy:
    """One layer of a staged version, COPYed into ``schema.table`` from a thread with its own connection.

    ``connect()`` gives a new autocommit connection; ``translate(gpkg, schema)`` creates the tables of a
    GeoPackage in ``schema`` with GDAL (the store's loader: same layer creation options); ``finish_table(conn,
    table, expected)`` checks and indexes the loaded table. Errors of the thread surface in the next
    :meth:`write` or in :meth:`wait` as :class:`PublicationError` naming the table.
    """

    def __init__(self, *, schema: str, table: str, connect: Callable[[], Any],
                 translate: Callable[[Path, str], None], finish_table: Callable[[Any, str, int], None],
                 redact: Callable[[str], str], geometry_name: str = "geometry"):
        self.schema, self.table = schema, table
        self._connect, self._translate, self._finish_table, self._redact = connect, translate, finish_table, redact
        self._geom = geometry_name
        self._q: queue.Queue[Any] = queue.Queue(maxsize=QUEUE_CHUNKS)
        self._error: BaseException | None = None
        self._cancel = threading.Event()
        self._arrow: pa.Schema | None = None    # unified Arrow schema of all chunks (nulls kept)
        self._columns: dict[str, pa.DataType] = {}  # the table's columns as created (Arrow types, gpkg rules)
        self._gtype: str | None = None
        self.count = 0
        self.seconds: dict[str, float] = {}
        self._thread = threading.Thread(target=self._run, name=f"copy-{table}", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------------ the pipeline's side

    def write(self, table: pa.Table, geometry_types: set[str]) -> None:
        """Queue one chunk (the Arrow table the GeoPackage encoder spools: WKB geometry, no fid)."""
        self._raise()
        if self._gtype is None:
            self._gtype = next(iter(geometry_types)) if len(geometry_types) == 1 else "Unknown"
        self._put(("rows", table))

    def finish(self, geometry_type: str, count: int) -> None:
        """No more chunks: the layer's final geometry type (as the GeoPackage declares it) and row count.
        Checks and indexes are built by the thread; :meth:`wait` waits for them."""
        self._raise()
        self._put(("finish", geometry_type, count))
        self._put(_DONE)

    def wait(self) -> None:
        self._thread.join()
        self._raise()

    def abort(self) -> None:
        """Stop the thread (the staging schema is dropped by the publication's abort)."""
        self._cancel.set()
        while self._thread.is_alive():
            with contextlib.suppress(queue.Empty):  # make room so a blocked put/get moves on
                self._q.get_nowait()
            with contextlib.suppress(queue.Full):
                self._q.put_nowait(_DONE)
            self._thread.join(timeout=0.2)

    def _put(self, item: Any) -> None:
        while True:
            try:
                self._q.put(item, timeout=0.5)
                return
            except queue.Full:
                self._raise()

    def _raise(self) -> None:
        if self._error is not None:
            exc = self._error
            if isinstance(exc, PublicationError):
                raise exc
            raise PublicationError(f"loading {self.schema}.{self.table} into PostGIS failed: "
                                   f"{self._redact(str(exc)).strip() or type(exc).__name__}",
                                   file=f"{self.schema}.{self.table}") from None

    # ------------------------------------------------------------------ the thread

    def _run(self) -> None:
        import time
        conn = None
        try:
            conn = self._connect()
            conn.execute("SET synchronous_commit = off")  # the switch's transaction commits synchronously
            while not self._cancel.is_set():
                item = self._q.get()
                if item is _DONE:
                    break
                t0 = time.perf_counter()
                if item[0] == "rows":
                    self._copy(conn, item[1])
                    self.seconds["copy"] = self.seconds.get("copy", 0.0) + time.perf_counter() - t0
                else:
                    self._complete(conn, item[1], item[2])
                    self.seconds["index"] = time.perf_counter() - t0
        except BaseException as exc:  # noqa: BLE001 - handed to the pipeline's thread, which raises it
            self._error = exc
            self._cancel.set()
            while True:  # unblock the producer
                try:
                    self._q.get_nowait()
                except queue.Empty:
                    break
        finally:
            if conn is not None:
                try:
                    conn.close()
                except Exception as exc:  # noqa: BLE001 - closing a broken connection: nothing left to do
                    LOGGER.debug("closing the COPY connection of %s: %s", self.table, exc)

    def _copy(self, conn: Any, table: pa.Table) -> None:
        if len(table) == 0:
            return
        self._ensure_table(conn, table.schema)
        names = [n for n in table.column_names if n != self._geom]
        cols = [pa.array(np.arange(self.count + 1, self.count + len(table) + 1, dtype=np.int64))]
        for n in names:
            want = self._columns[n]
            col = table.column(n)
            cols.append(col if col.type == want else col.cast(want))
        cols.append(hex_wkb(table.column(self._geom)))
        out = pa.Table.from_arrays(cols, names=["fid", *names, "geom"])
        buf = io.BytesIO()
        pacsv.write_csv(out, buf, pacsv.WriteOptions(include_header=False, batch_size=8192))
        stmt = sql.SQL("COPY {} ({}) FROM STDIN (FORMAT csv)").format(
            sql.Identifier(self.schema, self.table), sql.SQL(", ").join(map(sql.Identifier, out.column_names)))
        with conn.cursor().copy(stmt) as copy:
            copy.write(buf.getbuffer())
        self.count += len(table)

    def _ensure_table(self, conn: Any, schema: pa.Schema) -> None:
        """Create the table at the first chunk (GDAL, from a zero-row GeoPackage of this schema); widen its
        columns as the GeoPackage's unified schema widens (a column empty so far, int32 -> int64, ...)."""
        unified = schema if self._arrow is None else pa.unify_schemas([self._arrow, schema],
                                                                       promote_options="permissive")
        if self._arrow is not None and unified.equals(self._arrow):
            return
        self._arrow = unified
        want = {f.name: f.type for f in arrow_for_gpkg(unified) if f.name != self._geom}
        if want == self._columns:
            return
        if not self._columns:
            self._probe(unified, self.schema)
            self._columns = want
            return
        # the table exists: learn GDAL's types of the widened schema in a scratch schema, then alter
        scratch = f"{self.schema}_w"[:63]
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(scratch)))
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(scratch)))
        try:
            self._probe(unified, scratch)
            types = dict(conn.execute(
                "SELECT column_name, format_type(a.atttypid, a.atttypmod) FROM information_schema.columns c "
                "JOIN pg_attribute a ON a.attrelid = format('%%I.%%I', c.table_schema, c.table_name)::regclass "
                "AND a.attname = c.column_name WHERE c.table_schema = %s AND c.table_name = %s",
                (scratch, self.table)).fetchall())
        finally:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(scratch)))
        qualified = sql.Identifier(self.schema, self.table)
        for name, typ in want.items():
            if name not in self._columns:
                conn.execute(sql.SQL("ALTER TABLE {} ADD COLUMN {} {}").format(
                    qualified, sql.Identifier(name), sql.SQL(types[name])))
            elif self._columns[name] != typ:
                conn.execute(sql.SQL("ALTER TABLE {} ALTER COLUMN {} TYPE {} USING {}::{}").format(
                    qualified, sql.Identifier(name), sql.SQL(types[name]), sql.Identifier(name),
                    sql.SQL(types[name])))
        self._columns = want

    def _probe(self, schema: pa.Schema, target: str) -> None:
        from pyogrio.raw import write_arrow
        folder = Path(tempfile.mkdtemp(prefix="gdi-probe-"))
        try:
            gpkg = folder / "probe.gpkg"
            fields = [pa.field(f.name, pa.binary()) if f.name == self._geom else f for f in arrow_for_gpkg(schema)]
            write_arrow(pa.table({f.name: pa.array([], f.type) for f in fields}),
                        str(gpkg), layer=self.table, driver="GPKG", geometry_name=self._geom,
                        geometry_type=self._gtype or "Unknown", crs="EPSG:25832",
                        layer_options={"SPATIAL_INDEX": "NO", "FID": "fid", "GEOMETRY_NAME": "geom"},
                        dataset_options={"VERSION": "1.3"})
            self._translate(gpkg, target)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def _complete(self, conn: Any, geometry_type: str, count: int) -> None:
        qualified = sql.Identifier(self.schema, self.table)
        if not self._columns:  # no rows at all: the table as GDAL makes it from the empty layer
            self._probe(pa.schema([pa.field(self._geom, pa.binary())]), self.schema)
        elif geometry_type != (self._gtype or "Unknown"):  # the first chunk's type was not the layer's
            pg = "Geometry" if geometry_type == "Unknown" else geometry_type
            conn.execute(sql.SQL("ALTER TABLE {} ALTER COLUMN geom TYPE geometry({}, 25832)").format(
                qualified, sql.SQL(pg)))
        if count != self.count:
            raise PublicationError(f"layer {self.table}: {self.count} rows copied, {count} written to the "
                                   "GeoPackage", file=f"{self.schema}.{self.table}")
        # what GDAL does after a COPY with explicit fids: the sequence continues after the last one
        conn.execute(sql.SQL("SELECT setval(pg_get_serial_sequence({}, 'fid'), {}, {})").format(
            sql.Literal(f'"{self.schema}"."{self.table}"'), sql.Literal(max(count, 1)), sql.Literal(count > 0)))
        conn.execute("SET maintenance_work_mem = '256MB'")
        self._finish_table(conn, self.table, count)


__all__ = ["LayerCopy", "arrow_for_gpkg", "hex_wkb"]
