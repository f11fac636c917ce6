"""Damaged publications and rollback on the PostGIS store (:class:`core.store_postgis.PostgisStore`).

A version is damaged when a table of its collections is missing or cannot be read (a dropped schema or
table, a permission taken away; looked up in the catalog, so a check never waits for a table lock), besides
what :func:`core.integrity.check_folder` finds in its files. The
check is cached for :data:`CHECK_TTL_S` seconds per version, so services may ask on every request. A
rollback renames the schemas in one transaction, exactly as a publication switches (docs/architecture.md).
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
from psycopg import sql

from . import integrity, publication
from .errors import PublicationError

if TYPE_CHECKING:
    from .store_postgis import PostgisStore

LOGGER = logging.getLogger(__name__)

CHECK_TTL_S = 5.0  # how long a table check of a version is trusted (services ask on every request)
RECHECK_S = 1.0  # a problem counts when it is still there this much later
_CHECKED: dict[tuple[str, str], tuple[float, str | None]] = {}


def check_tables(store: PostgisStore, dataset_id: str, folder: Path, *, full: bool = False) -> str | None:
    """None when every table of the version in ``folder`` is present and readable, else why not."""
    manifest = integrity.read_manifest(folder)
    if manifest is None:
        return None
    key = (dataset_id, folder.name)
    hit = _CHECKED.get(key)
    now = time.monotonic()
    if hit is not None and now - hit[0] < CHECK_TTL_S and not full:
        return hit[1]
    tables = sorted({str(c.get("layer") or c.get("id")) for c in manifest.get("collections", [])})
    problem = _tables_problem(store, dataset_id, folder.name, tables)
    if problem:  # a publication switching right now moves `current` a moment before its COMMIT: look again
        time.sleep(RECHECK_S)
        problem = _tables_problem(store, dataset_id, folder.name, tables)
    _CHECKED[key] = (now, problem)
    if problem:
        LOGGER.error("damaged publication: %s", problem)
    return problem


def _tables_problem(store: PostgisStore, dataset_id: str, version: str, tables: list[str]) -> str | None:
    try:
        with psycopg.connect(store.url, autocommit=True, connect_timeout=5) as conn:
            if conn.execute("SELECT to_regclass('gdi.publications')").fetchone() in (None, (None,)):
                return f"{store.safe_url}: the catalog gdi.publications is missing"
            row = conn.execute("SELECT schema_name FROM gdi.publications WHERE dataset = %s AND version = %s",
                               (dataset_id, version)).fetchone()
            if row is None:
                return f"{store.safe_url}: version {version} of {dataset_id} is not in gdi.publications"
            schema = str(row[0])
            if conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (schema,)).fetchone() is None:
                return f"{store.safe_url}: schema {schema} of {dataset_id}/{version} is missing"
            # the catalog only (no table lock: a check never waits for a publication switching or pruning)
            for table in tables:
                row = conn.execute("SELECT c.oid IS NOT NULL, c.oid IS NOT NULL AND has_table_privilege(c.oid, "
                                   "'SELECT') FROM (SELECT to_regclass(%s) AS oid) c",
                                   (sql.Identifier(schema, table).as_string(conn),)).fetchone()
                if row is None or not row[0]:
                    return f"{store.safe_url}: table {schema}.{table} is missing"
                if not row[1]:
                    return f"{store.safe_url}: table {schema}.{table} cannot be read (no SELECT privilege)"
    except psycopg.Error as exc:
        # the database itself is unreachable: every dataset is affected, that is no damage of one publication
        LOGGER.warning("cannot check %s/%s: %s", dataset_id, version, store.redact(str(exc)))
    return None


def switch_back(store: PostgisStore, dataset_id: str, old: str, new: str, switch_files: Callable[[], None]) -> None:
    """A rollback in one transaction (the dataset's switch lock held): ``ds_<dataset>`` (if still there) back
    to the ``v_`` schema of ``old``, the ``v_`` schema of ``new`` to ``ds_<dataset>``, the catalog rows, and
    (before COMMIT) the ``current`` link; a failure leaves ``old`` current."""
    from .store_postgis import current_schema, switch_lock_key, version_schema
    stable, conn = current_schema(dataset_id), store.connect(autocommit=False)
    old_schema = version_schema(dataset_id, old)
    try:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (switch_lock_key(dataset_id),))
        if conn.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (stable,)).fetchone() is not None:
            conn.execute(sql.SQL("ALTER SCHEMA {} RENAME TO {}").format(sql.Identifier(stable),
                                                                       sql.Identifier(old_schema)))
        conn.execute("UPDATE gdi.publications SET is_current = false, schema_name = %s WHERE dataset = %s "
                     "AND is_current", (old_schema, dataset_id))
        conn.execute(sql.SQL("ALTER SCHEMA {} RENAME TO {}").format(
            sql.Identifier(version_schema(dataset_id, new)), sql.Identifier(stable)))
        conn.execute("UPDATE gdi.publications SET is_current = true, schema_name = %s WHERE dataset = %s "
                     "AND version = %s", (stable, dataset_id, new))
        switch_files()
        conn.commit()
    except psycopg.Error as exc:
        conn.rollback()
        publication.point_current(store.files_root / dataset_id, old)
        raise PublicationError(f"cannot switch {dataset_id} back to {new}: {store.redact(str(exc)).strip()}",
                               file=store.safe_url) from None
    finally:
        conn.close()
    _CHECKED.clear()
