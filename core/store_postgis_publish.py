"""Publishing a version into the PostGIS store (:class:`PostgisPublication`, begun by
:meth:`core.store_postgis.PostgisStore.begin`; the store, its layout and names: :mod:`core.store_postgis`).

Step 1 loads the staged GeoPackage with GDAL into a new ``v_`` schema, or takes the tables streamed in while
the GeoPackage was written (``core.pg_load``); a failure leaves the current version untouched and drops the
half-loaded schema. Step 2 switches in ONE transaction: the old ``ds_<dataset>`` is renamed to its own ``v_``
name, the new schema to ``ds_<dataset>``, the catalog is updated, and the file switch (folder rename,
``current`` link) runs before COMMIT; if it fails, the transaction is rolled back. A reader sees the old or
the new version, never a mix.
"""
from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import sql

from . import publication, store_postgis
from .errors import PublicationError
from .pg_load import LayerCopy
from .store_postgis import STORAGE_SRID, current_schema, switch_lock_key, version_schema

if TYPE_CHECKING:
    from .store_postgis import PostgisStore

LOGGER = logging.getLogger(__name__)


class PostgisPublication(publication.Publication):
    """A staged version: files in ``.staging-<version>`` as always; ``commit`` loads the GeoPackage into a new
    schema and switches database and files together."""

    def __init__(self, store: PostgisStore, dataset_id: str, version: str):
        super().__init__(store.files_root, dataset_id, version)
        self.store = store
        self.schema = version_schema(dataset_id, version)
        self._staged: str | None = None  # the loading schema, until it is switched or dropped
        self._copies: dict[str, LayerCopy] = {}  # layers streamed in while the files are written
        self._drop_stale()

    def _drop_stale(self) -> None:
        """Schemas that a killed run of this dataset left behind (loaded, never switched: not in the catalog).
        As the stale staging folders, they go when the next run of the dataset begins."""
        def drop() -> None:
            with self.store.connect() as conn:
                self.store.ensure_catalog(conn)
                stale = conn.execute(
                    "SELECT nspname FROM pg_namespace WHERE obj_description(oid, 'pg_namespace') LIKE %s "
                    "AND nspname LIKE 'v\\_%%' AND nspname NOT IN (SELECT schema_name FROM gdi.publications)",
                    (_comment_prefix(self.dataset_id) + "%",)).fetchall()
                for (name,) in stale:
                    LOGGER.info("%s: dropping schema %s left by an unfinished run", self.dataset_id, name)
                    conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(name)))
        self.store.run(f"cannot clean up stale schemas of {self.dataset_id}", drop)

    # ------------------------------------------------------------------ commit

    def layer_sink(self, layer: str) -> LayerCopy:
        """Stream ``layer`` into the staging schema while the GeoPackage is written (``core.pg_load``): the
        GeoPackage encoder hands each chunk to the returned sink; ``commit`` then only waits for the tables
        and switches, instead of loading the finished GeoPackage."""
        if self._staged is None:
            with self.store.connect() as conn:
                self.store.ensure_catalog(conn)
                self.store.run(f"cannot create schema {self.schema}", partial(self._create_schema, conn))
            self._staged = self.schema
        gpkg = self.path(f"{self.dataset_id}.gpkg")
        sink = LayerCopy(schema=self.schema, table=layer, connect=self.store.connect, redact=self.store.redact,
                         translate=self._translate,
                         finish_table=lambda conn, table, n: self._finish_table(conn, gpkg, table, n))
        self._copies[layer] = sink
        return sink

    def commit(self, manifest: dict[str, Any], keep: int = 3) -> Path:
        gpkg = self.path(f"{self.dataset_id}.gpkg")
        if self._copies:  # the tables were streamed in while the files were written: wait for them
            try:
                for sink in self._copies.values():
                    sink.wait()
            except BaseException:
                self.abort()
                raise
        else:
            self._load(gpkg)
        final = self._switch_all(manifest)
        self._record(manifest, keep)
        try:  # the version is current now: a failed pruning must not fail the run (the next run prunes)
            self.store.prune(self.dataset_id, keep)
        except PublicationError as exc:
            LOGGER.warning("%s: pruning the database failed (the next run retries): %s", self.dataset_id, exc)
        return final

    def abort(self) -> None:
        for sink in self._copies.values():
            sink.abort()
        self._drop_staged()
        super().abort()

    def _drop_staged(self) -> None:
        if self._staged is None:
            return
        try:
            with self.store.connect() as conn:
                conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(self._staged)))
            self._staged = None
        except (psycopg.Error, PublicationError) as exc:
            LOGGER.warning("%s: could not drop the staging schema %s (the next run does): %s", self.dataset_id,
                           self._staged, self.store.redact(str(exc)))

    def _load(self, gpkg: Path) -> None:
        """Step 1: the staged GeoPackage into the new schema ``v_…`` (nothing current changes)."""
        if not gpkg.is_file():
            raise PublicationError("the PostGIS store loads the version's GeoPackage, which is missing",
                                   file=str(gpkg))
        layers = _gpkg_layers(gpkg)
        with self.store.connect() as conn:
            self.store.ensure_catalog(conn)
            self.store.run(f"cannot create schema {self.schema}", partial(self._create_schema, conn))
            self._staged = self.schema
            try:
                self._translate(gpkg)
                for name, count in layers.items():
                    self.store.run(f"cannot index {self.schema}.{name}",
                                   partial(self._finish_table, conn, gpkg, name, count), file=str(gpkg))
            except BaseException:
                self._drop_staged()
                raise

    def _create_schema(self, conn: psycopg.Connection[Any]) -> None:
        """Create the empty staging schema ``v_…`` (after checking PostGIS and that the version is new)."""
        if conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone() is None:
            raise PublicationError("the database has no PostGIS extension (CREATE EXTENSION postgis, as a "
                                   "superuser)", file=self.store.safe_url)
        known = conn.execute("SELECT 1 FROM gdi.publications WHERE dataset = %s AND version = %s",
                             (self.dataset_id, self.version)).fetchone()
        if known is not None:
            raise PublicationError(f"version {self.version} is published already", file=self.dataset_id)
        ident = sql.Identifier(self.schema)
        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(ident))
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(ident))
        conn.execute(sql.SQL("COMMENT ON SCHEMA {} IS {}").format(
            ident, sql.Literal(f"{_comment_prefix(self.dataset_id)}{self.version}")))

    def _translate(self, gpkg: Path, schema_name: str | None = None) -> None:
        """Every layer of ``gpkg`` into ``schema_name`` (default: the staging schema) with GDAL."""
        schema_name = schema_name or self.schema
        from osgeo import gdal
        messages: list[str] = []

        def collect(cls: int, _no: int, msg: str) -> None:
            if cls >= gdal.CE_Failure:
                messages.append(str(msg).strip())
        lco = [f"SCHEMA={schema_name}", "GEOMETRY_NAME=geom", "FID=fid", "FID64=YES", "LAUNDER=NO",
               "SPATIAL_INDEX=NONE"]  # the GiST index is built after the COPY (faster than maintaining it)
        args = ["-f", "PostgreSQL", "-preserve_fid", "-gt", "unlimited"]
        for opt in lco:
            args += ["-lco", opt]
        before = gdal.GetConfigOption("PG_USE_COPY")
        gdal.SetThreadLocalConfigOption("PG_USE_COPY", "YES")
        gdal.PushErrorHandler(collect)
        try:
            try:  # GDAL raises or returns None, depending on whether some module called UseExceptions()
                out = gdal.VectorTranslate(f"PG:{self.store.ogr_conninfo} schemas={schema_name}", str(gpkg),
                                           options=gdal.VectorTranslateOptions(options=args))
            except RuntimeError as exc:
                out = None
                messages.append(str(exc).strip())
            ok = out is not None and not messages
            out = None  # closes the connection, flushes the COPY
        finally:
            gdal.PopErrorHandler()
            gdal.SetThreadLocalConfigOption("PG_USE_COPY", before)
        if not ok:
            raise PublicationError(f"loading into PostGIS ({self.store.safe_url}, schema {schema_name}) failed: "
                                   + self.store.redact("; ".join(messages) or "GDAL gave no reason"),
                                   file=str(gpkg))

    def _finish_table(self, conn: psycopg.Connection[Any], gpkg: Path, table: str, expected: int) -> None:
        qualified = sql.Identifier(self.schema, table)
        srid = conn.execute("SELECT srid FROM geometry_columns WHERE f_table_schema = %s AND f_table_name = %s "
                            "AND f_geometry_column = 'geom'", (self.schema, table)).fetchone()
        if srid is None or srid[0] != STORAGE_SRID:
            raise PublicationError(f"layer {table}: geometry column 'geom' with SRID {STORAGE_SRID} expected, "
                                   f"got {srid[0] if srid else 'none'}", file=str(gpkg))
        row = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(qualified)).fetchone()
        if row is None or row[0] != expected:
            raise PublicationError(f"layer {table}: {row[0] if row else 0} rows loaded, {expected} expected",
                                   file=str(gpkg))
        # rows in space-filling-curve order: a spatial query reads few pages (the threshold is the store
        # module's setting, read at run time)
        if expected >= store_postgis.CLUSTER_MIN_ROWS:
            hilbert = f"{table[:50]}_hilbert"
            conn.execute(sql.SQL("CREATE INDEX {} ON {} (geom)").format(sql.Identifier(hilbert), qualified))
            conn.execute(sql.SQL("CLUSTER {} USING {}").format(qualified, sql.Identifier(hilbert)))
            conn.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(self.schema, hilbert)))
        conn.execute(sql.SQL("CREATE INDEX {} ON {} USING gist (geom)").format(
            sql.Identifier(f"{table[:50]}_geom_gist"), qualified))
        # the feature id the OGC API serves items by (localId of INSPIRE views, key of source views)
        cols = {r[0] for r in conn.execute("SELECT column_name FROM information_schema.columns "
                                           "WHERE table_schema = %s AND table_name = %s", (self.schema, table))}
        id_col = next((c for c in ("localId", "key", "gml_id") if c in cols), None)
        if id_col is not None:
            conn.execute(sql.SQL("CREATE INDEX {} ON {} ({})").format(
                sql.Identifier(f"{table[:50]}_id"), qualified, sql.Identifier(id_col)))
        conn.execute(sql.SQL("ANALYZE {}").format(qualified))

    def _switch_all(self, manifest: dict[str, Any]) -> Path:
        """Step 2: one transaction renames the schemas, updates the catalog and (before COMMIT) switches the
        files; a failure anywhere before COMMIT rolls back and leaves the previous version current."""
        ds, stable = self.dataset_id, current_schema(self.dataset_id)
        published = _timestamp(manifest.get("published"))
        link = self.root / "current"
        previous_link = os.readlink(link) if link.is_symlink() else None
        target = self.root / self.version
        final: Path | None = None
        conn = self.store.connect(autocommit=False)
        try:
            try:
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (switch_lock_key(ds),))
                prev = conn.execute("SELECT version FROM gdi.publications WHERE dataset = %s AND is_current "
                                    "FOR UPDATE", (ds,)).fetchone()
                has_stable = conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (stable,)).fetchone()
                if prev is not None:
                    old_schema = version_schema(ds, str(prev[0]))
                    if has_stable is not None:
                        conn.execute(sql.SQL("ALTER SCHEMA {} RENAME TO {}").format(
                            sql.Identifier(stable), sql.Identifier(old_schema)))
                    conn.execute("UPDATE gdi.publications SET is_current = false, schema_name = %s "
                                 "WHERE dataset = %s AND version = %s", (old_schema, ds, prev[0]))
                elif has_stable is not None:
                    raise PublicationError(f"schema {stable} exists but gdi.publications has no current version "
                                           f"of {ds}: rename or drop it", file=self.store.safe_url)
                conn.execute(sql.SQL("ALTER SCHEMA {} RENAME TO {}").format(
                    sql.Identifier(self.schema), sql.Identifier(stable)))
                conn.execute("INSERT INTO gdi.publications (dataset, version, schema_name, published, is_current) "
                             "VALUES (%s, %s, %s, %s, true)", (ds, self.version, stable, published))
            except psycopg.Error as exc:
                raise PublicationError(f"cannot switch to version {self.version} in PostGIS: "
                                       f"{self.store.redact(str(exc)).strip()}", file=self.store.safe_url) from None
            final = self._switch(manifest)  # the files, inside the transaction: a failure rolls it back
            try:
                conn.commit()
            except psycopg.Error as exc:
                raise PublicationError(f"cannot commit version {self.version} in PostGIS (the previous version "
                                       f"stays current): {self.store.redact(str(exc)).strip()}",
                                       file=self.store.safe_url) from None
        except BaseException:
            try:
                conn.rollback()
            except psycopg.Error as exc:
                LOGGER.warning("%s: rollback failed: %s", ds, self.store.redact(str(exc)))
            if target.exists():  # the file switch ran (in part or whole): undo it
                self._unswitch(target, previous_link)
            raise
        finally:
            conn.close()
        self._staged = None  # it is ds_<dataset> now
        return final

    def _unswitch(self, final: Path, previous_link: str | None) -> None:
        """Undo the file switch after the database refused the transaction: ``current`` back to the previous
        version, the new folder back to staging (``abort`` removes it)."""
        link = self.root / "current"
        try:
            if previous_link is None:
                if link.is_symlink():
                    link.unlink()
            else:
                tmp = self.root / f".current-{self.version}"
                if tmp.is_symlink() or tmp.exists():
                    tmp.unlink()
                os.symlink(previous_link, tmp)
                os.replace(tmp, link)
            if final.is_dir() and not self.staging.exists():
                os.replace(final, self.staging)
        except OSError as exc:
            LOGGER.error("%s: could not undo the file switch of %s: %s", self.dataset_id, self.version, exc)



# ---------------------------------------------------------------------- helpers

def _comment_prefix(dataset_id: str) -> str:
    return f"gdi {dataset_id}/"


def _timestamp(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    try:
        ts = datetime.fromisoformat(str(value))
    except ValueError:
        return datetime.now(UTC)
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def _gpkg_layers(gpkg: Path) -> dict[str, int]:
    """Layer name -> feature count of a GeoPackage; a :class:`PublicationError` naming the file when it is not
    one (GDAL would only say ``hSrcDS == NULL``)."""
    from osgeo import gdal
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        try:  # GDAL raises or returns None, depending on whether some module called UseExceptions()
            ds = gdal.OpenEx(str(gpkg), gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"])
            reason = gdal.GetLastErrorMsg()
        except RuntimeError as exc:
            ds, reason = None, str(exc).strip()
    finally:
        gdal.PopErrorHandler()
    if ds is None:
        raise PublicationError(f"not a readable GeoPackage: {reason or 'unknown format'}", file=str(gpkg))
    layers: dict[str, int] = {}
    for i in range(ds.GetLayerCount()):
        lyr = ds.GetLayerByIndex(i)
        layers[str(lyr.GetName())] = int(lyr.GetFeatureCount())
    ds = None
    if not layers:
        raise PublicationError("the GeoPackage has no layer", file=str(gpkg))
    return layers


__all__ = ["PostgisPublication"]
