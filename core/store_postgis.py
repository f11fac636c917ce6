"""The PostGIS store: the features of each kept version in a PostgreSQL schema, the files on disk as before.

Selected by ``store: postgresql://user:pw@host:port/db`` in ``gdi.yml`` or ``GDI_STORE``; imported by
:func:`core.store.get_store` only then, so the GeoPackage mode never imports psycopg or GDAL's bindings.

Layout in the database:

* ``gdi.publications(dataset, version, schema_name, published, is_current)``: the catalog of kept versions,
  created on first use (under an advisory lock, so two nodes starting at once do not collide);
* ``ds_<dataset>``: the schema of the CURRENT version (a stable name: services read
  ``ds_trees.speciesdistributionunit`` and follow every publication without being told);
* ``v_<24 hex of sha1("<dataset>/<version>")>``: every other kept version (and a version while it loads).

Each schema holds one table per layer of the version's GeoPackage ``<dataset>.gpkg`` (same table and column
names, ``fid`` bigint primary key = the GeoPackage fid, geometry ``geom`` in EPSG:25832 with a GiST index).

The files (download files, manifest, report, ``current`` link, ``history.json``) stay exactly as with the
GeoPackage store under ``settings.publish_dir``: :class:`PostgisStore` reuses :class:`~core.store.Store`'s file
methods and adds the database.

A publication (:class:`PostgisPublication`, in :mod:`core.store_postgis_publish` and importable from here)
loads the staged GeoPackage with GDAL into a new ``v_`` schema first (a failure leaves the current version
untouched and drops the half-loaded schema), then switches in ONE transaction: the old ``ds_<dataset>`` is
renamed to its own ``v_`` name, the new schema to ``ds_<dataset>``, the catalog is updated, and the file
switch (folder rename, ``current`` link) runs before COMMIT; if it fails, the transaction is rolled back. A
reader sees the old or the new version, never a mix. Damaged versions and rollback:
:mod:`core.store_postgis_check`.
"""
from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import psycopg
from psycopg import sql

from . import publication
from .errors import ConfigError, PublicationError
from .store import LayerRef, Store, pg_conninfo

if TYPE_CHECKING:
    from .config import Settings
    from .store_postgis_publish import PostgisPublication

LOGGER = logging.getLogger(__name__)

CATALOG_SCHEMA = "gdi"
STORAGE_SRID = 25832
DATASET_ID = re.compile(r"[a-z][a-z0-9_-]{1,40}")
PRUNE_LOCK_TIMEOUT = "5s"  # a reader holding an old version's table delays its removal to the next run
_T = TypeVar("_T")


def current_schema(dataset_id: str) -> str:
    """Schema of the current version of a dataset: a stable name."""
    return f"ds_{dataset_id}"


def version_schema(dataset_id: str, version: str) -> str:
    """Schema of a kept version that is not current (and of a version while it loads)."""
    return "v_" + hashlib.sha1(f"{dataset_id}/{version}".encode()).hexdigest()[:24]


def advisory_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_advisory_lock`` from a name."""
    return int.from_bytes(hashlib.sha1(name.encode()).digest()[:8], "big", signed=True)


def publish_lock_key(dataset_id: str) -> int:
    """Session lock held for a whole publication run of a dataset (:meth:`PostgisStore.lock`)."""
    return advisory_key(f"gdi-publish {dataset_id}")


def switch_lock_key(dataset_id: str) -> int:
    """Transaction lock of the schema switch and the pruning of a dataset (another key than the session lock,
    so a run that holds the session lock on one connection can take it on another)."""
    return advisory_key(f"gdi-switch {dataset_id}")


CATALOG_LOCK_KEY = advisory_key("gdi-catalog")
CATALOG_DDL = (
    "CREATE SCHEMA IF NOT EXISTS gdi",
    "CREATE TABLE IF NOT EXISTS gdi.publications (dataset text NOT NULL, version text NOT NULL, "
    "schema_name text NOT NULL, published timestamptz NOT NULL, is_current boolean NOT NULL DEFAULT false, "
    "PRIMARY KEY (dataset, version))",
    "CREATE UNIQUE INDEX IF NOT EXISTS publications_one_current ON gdi.publications (dataset) WHERE is_current",
)


def redact_url(url: str) -> str:
    """The URL with its password replaced by ``***`` (for messages and logs)."""
    u = urlsplit(url)
    if u.password is None:
        return url
    host = u.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{u.username or ''}:***@{host}" + (f":{u.port}" if u.port else "")
    return urlunsplit((u.scheme, netloc, u.path, u.query, u.fragment))


# Tables of at least this many rows are stored in the order of PostGIS's geometry sort (a Hilbert curve):
# the rows of a street or district lie on neighbouring pages. Measured at 5M trees: a 2 km CQL2 query with
# a filter no cache has seen reads ~1,000 instead of ~50,000 heap pages (README, PostGIS store).
CLUSTER_MIN_ROWS = 100_000

class PostgisStore(Store):
    """Files as :class:`~core.store.GpkgStore` keeps them, features in PostGIS (see the module doc)."""

    name = "postgis"

    def __init__(self, settings: Settings):
        super().__init__(settings)
        self.url = settings.store
        u = urlsplit(self.url)
        if u.scheme not in ("postgresql", "postgres") or not u.path.strip("/"):
            raise ConfigError("a PostGIS store needs a URL postgresql://user:password@host:port/database",
                              field="store", value=redact_url(self.url))
        self._password = unquote(u.password) if u.password else None
        self._catalog_ready = False

    # ------------------------------------------------------------------ connections and messages

    @property
    def safe_url(self) -> str:
        return redact_url(self.url)

    @property
    def ogr_conninfo(self) -> str:
        return pg_conninfo(self.url)

    def redact(self, text: str) -> str:
        """``text`` without the password (an error of a driver may quote the connection string)."""
        text = text.replace(self.url, self.safe_url)
        if self._password:
            for form in {self._password, quote(self._password, safe=""), quote(self._password)}:
                text = text.replace(form, "***")
        return text

    def connect(self, autocommit: bool = True) -> psycopg.Connection[Any]:
        try:
            return psycopg.connect(self.url, autocommit=autocommit)
        except psycopg.Error as exc:
            raise PublicationError(f"cannot connect to the PostGIS store: {self.redact(str(exc)).strip()}",
                                   file=self.safe_url) from None

    def run(self, what: str, fn: Callable[[], _T], file: str | None = None) -> _T:
        """``fn()`` with database errors turned into a :class:`PublicationError` without the password."""
        try:
            return fn()
        except psycopg.Error as exc:
            raise PublicationError(f"{what}: {self.redact(str(exc)).strip()}", file=file or self.safe_url) from None

    def ensure_catalog(self, conn: psycopg.Connection[Any]) -> None:
        """Create the ``gdi`` schema and ``gdi.publications`` if missing (idempotent, concurrency-safe)."""
        if self._catalog_ready:
            return

        def create() -> None:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (CATALOG_LOCK_KEY,))
                for ddl in CATALOG_DDL:
                    conn.execute(ddl)
        self.run("cannot create the catalog gdi.publications", create)
        self._catalog_ready = True

    # ------------------------------------------------------------------ the store interface

    def begin(self, dataset_id: str, version: str) -> PostgisPublication:
        from .store_postgis_publish import PostgisPublication
        _check_id(dataset_id)
        return PostgisPublication(self, dataset_id, version)

    @contextmanager
    def lock(self, dataset_id: str) -> Iterator[None]:
        """The file lock (as the GeoPackage store) and a PostgreSQL session advisory lock: two nodes that share
        the database serialise their runs of a dataset even without a shared lock file."""
        _check_id(dataset_id)
        with ExitStack() as stack:
            stack.enter_context(publication.publication_lock(self.files_root, dataset_id))
            conn = stack.enter_context(self.connect())
            key = publish_lock_key(dataset_id)
            self.run(f"cannot lock dataset {dataset_id}", lambda: conn.execute("SELECT pg_advisory_lock(%s)", (key,)))
            try:
                yield
            finally:
                try:
                    conn.execute("SELECT pg_advisory_unlock(%s)", (key,))
                except psycopg.Error as exc:  # the connection is gone: so is its lock
                    LOGGER.warning("%s: advisory unlock failed: %s", dataset_id, self.redact(str(exc)))

    def layer(self, dataset_id: str, collection: str, version: str | None = None) -> LayerRef | None:
        """The current version reads from ``ds_<dataset>`` (a stable name that follows every publication),
        another kept version from its ``v_`` schema; None when unpublished or the table is missing."""
        if not DATASET_ID.fullmatch(dataset_id):
            return None

        def find() -> LayerRef | None:
            with self.connect() as conn:
                row = conn.execute("SELECT to_regclass('gdi.publications') IS NOT NULL").fetchone()
                if row is None or not row[0]:
                    return None
                if version is None:
                    cur = conn.execute("SELECT version, schema_name FROM gdi.publications "
                                       "WHERE dataset = %s AND is_current", (dataset_id,))
                else:
                    cur = conn.execute("SELECT version, schema_name FROM gdi.publications "
                                       "WHERE dataset = %s AND version = %s", (dataset_id, version))
                found = cur.fetchone()
                if found is None:
                    return None
                ver, schema = str(found[0]), str(found[1])
                exists = conn.execute("SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = %s",
                                      (schema, collection)).fetchone()
                if exists is None:
                    return None
                return LayerRef("postgis", dataset_id, ver, collection, dsn=self.url, schema=schema)
        return self.run(f"cannot look up layer {dataset_id}/{collection}", find)

    # ------------------------------------------------------------------ catalog helpers

    def versions(self, dataset_id: str) -> list[dict[str, Any]]:
        """Rows of ``gdi.publications`` of a dataset, oldest version first."""
        def rows() -> list[dict[str, Any]]:
            with self.connect() as conn:
                self.ensure_catalog(conn)
                cur = conn.execute("SELECT version, schema_name, published, is_current FROM gdi.publications "
                                   "WHERE dataset = %s ORDER BY version", (dataset_id,))
                return [{"version": v, "schema": s, "published": p, "current": c} for v, s, p, c in cur]
        return self.run(f"cannot read the versions of {dataset_id}", rows)

    # ------------------------------------------------------------------ damaged publications, rollback

    def check(self, dataset_id: str, version: str | None = None, *, full: bool = False) -> str | None:
        """The files as :meth:`Store.check`, and every table of the version present and readable (a dropped
        schema or table: damaged; ``core.store_postgis_check``, cached a few seconds)."""
        from .store_postgis_check import check_tables
        problem = super().check(dataset_id, version, full=full)
        if problem is not None or not DATASET_ID.fullmatch(dataset_id):
            return problem
        folder = self.current_dir(dataset_id) if version is None else self.files_root / dataset_id / version
        return None if folder is None else check_tables(self, dataset_id, folder, full=full)

    def _switch_back(self, dataset_id: str, old: str, new: str) -> None:
        from .store_postgis_check import switch_back
        switch_back(self, dataset_id, old, new, lambda: super(PostgisStore, self)._switch_back(dataset_id, old, new))

    def prune(self, dataset_id: str, keep: int) -> list[str]:
        """Drop the schemas and rows of the versions beyond the newest ``keep`` (the rule of the file pruning:
        sorted by version, never the current one). A schema a reader still holds stays until the next run."""
        dropped: list[str] = []
        with self.connect() as conn:
            self.ensure_catalog(conn)
            rows = self.run("cannot read gdi.publications", lambda: conn.execute(
                "SELECT version, schema_name, is_current FROM gdi.publications WHERE dataset = %s ORDER BY version",
                (dataset_id,)).fetchall())
            old = rows[:-keep] if keep > 0 else []
            for ver, schema, is_current in old:
                if is_current:
                    continue
                try:
                    with conn.transaction():
                        conn.execute("SELECT pg_advisory_xact_lock(%s)", (switch_lock_key(dataset_id),))
                        conn.execute(sql.SQL("SET LOCAL lock_timeout = {}").format(sql.Literal(PRUNE_LOCK_TIMEOUT)))
                        still = conn.execute("SELECT is_current, schema_name FROM gdi.publications WHERE "
                                             "dataset = %s AND version = %s FOR UPDATE", (dataset_id, ver)).fetchone()
                        if still is None or still[0] or still[1] == current_schema(dataset_id):
                            continue
                        conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(still[1])))
                        conn.execute("DELETE FROM gdi.publications WHERE dataset = %s AND version = %s",
                                     (dataset_id, ver))
                    dropped.append(ver)
                except psycopg.Error as exc:
                    LOGGER.warning("%s: could not drop schema %s of version %s (kept for the next run): %s",
                                   dataset_id, schema, ver, self.redact(str(exc)).strip())
        return dropped


# ---------------------------------------------------------------------- helpers

def _check_id(dataset_id: str) -> None:
    if not DATASET_ID.fullmatch(dataset_id):
        raise ConfigError("a dataset id in the PostGIS store must match [a-z][a-z0-9_-]{1,40}", field="id",
                          value=dataset_id)


def __getattr__(name: str) -> Any:
    """``PostgisPublication`` stays importable from here; its module imports this one (the names above)."""
    if name == "PostgisPublication":
        from .store_postgis_publish import PostgisPublication
        return PostgisPublication
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["CATALOG_SCHEMA", "PostgisPublication", "PostgisStore", "advisory_key", "current_schema",
           "publish_lock_key", "redact_url", "switch_lock_key", "version_schema"]
