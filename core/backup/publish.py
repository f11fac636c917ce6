"""The publication store in a backup.

Included: the CURRENT version of every dataset (its folder with ``manifest.json``, download files, report;
every file checked against the publication's own SHA-256 while it is copied) and ``history.json``; with
``all_versions`` every kept version, so ``gdi publication rollback`` works after a restore too.

PostGIS store: the database is dumped with ``pg_dump`` (custom format) in one exported snapshot, and the
versions whose files are copied are those the catalog ``gdi.publications`` names in that same snapshot, so
the files and the schemas belong together even while an ETL run switches a dataset. Schemas of versions
that are not included (older versions, a run still loading) are left out of the dump, and their catalog
rows are removed at restore.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import integrity, publication
from . import BackupError, pg
from .archive import Writer, restore_tree

if TYPE_CHECKING:
    from ..config import Settings

LOGGER = logging.getLogger(__name__)
PREFIX = "publish"
STORE_DUMP = "db/store.dump"


def is_postgis(settings: Settings) -> bool:
    return settings.store.startswith(("postgresql://", "postgres://"))


def _copy_versions(w: Writer, root: Path, selected: dict[str, list[str]], current: dict[str, str]) -> None:
    for ds, versions in selected.items():
        for v in list(versions):
            folder = root / ds / v
            manifest = integrity.read_manifest(folder)
            if manifest is None:
                if v == current[ds]:
                    raise BackupError("the current version has no readable manifest.json (damaged publication: "
                                      "'gdi publication check')", file=str(folder))
                LOGGER.warning("%s: version %s is gone (pruned meanwhile), not in the backup", ds, v)
                versions.remove(v)
                continue
            sums: dict[str, str] = manifest.get("checksums") or {}
            for f in sorted(folder.iterdir()):
                if f.is_file():
                    w.copy(f, f"{PREFIX}/{ds}/{v}/{f.name}", sums.get(f.name))
        hist = root / ds / "history.json"
        if hist.exists():
            w.copy(hist, f"{PREFIX}/{ds}/history.json")


def backup_store(w: Writer, settings: Settings, *, all_versions: bool = False) -> dict[str, Any]:
    """Copy the publications (and dump the PostGIS database); returns the manifest's ``store`` section."""
    root = settings.publish_dir
    if not is_postgis(settings):
        selected: dict[str, list[str]] = {}
        current: dict[str, str] = {}
        for d in sorted(root.iterdir()) if root.is_dir() else []:
            cur = publication.current_dir(root, d.name) if d.is_dir() and not d.name.startswith(".") else None
            if cur is None:
                continue
            current[d.name] = cur.name
            selected[d.name] = publication.versions(root, d.name) if all_versions else [cur.name]
        _copy_versions(w, root, selected, current)
        return {"kind": "gpkg", "all_versions": all_versions,
                "datasets": {ds: {"current": current[ds], "versions": v} for ds, v in selected.items()}}
    with pg.snapshot(settings.store) as (conn, snap):
        info = pg.server_info(conn)
        rows = []
        if conn.execute("SELECT to_regclass('gdi.publications')").fetchone()[0] is not None:
            rows = conn.execute("SELECT dataset, version, schema_name, is_current FROM gdi.publications "
                                "ORDER BY dataset, version").fetchall()
        current = {str(r[0]): str(r[1]) for r in rows if r[3]}
        selected = {ds: [] for ds in current}
        keep_schemas = set()
        for ds, ver, schema, is_cur in rows:
            if ds in current and (is_cur or all_versions):
                selected[ds].append(str(ver))
                keep_schemas.add(str(schema))
        exclude = [str(r[0]) for r in conn.execute(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'v\\_%' ORDER BY 1").fetchall()
            if str(r[0]) not in keep_schemas]
        tool_version = pg.dump(settings.store, w.path(STORE_DUMP), snapshot_id=snap, exclude_schemas=exclude)
    w.record(STORE_DUMP)
    _copy_versions(w, root, selected, current)
    return {"kind": "postgis", "url": pg.redact(settings.store), "dump": STORE_DUMP, "all_versions": all_versions,
            "pg_dump": tool_version, **info,
            "datasets": {ds: {"current": current[ds], "versions": v} for ds, v in selected.items()}}


def target_problems(settings: Settings, section: dict[str, Any]) -> list[str]:
    """Why the target store is not empty or does not fit the backup (empty list: restore may go ahead)."""
    out = []
    if section["kind"] == "postgis" and not is_postgis(settings):
        out.append("the backup holds a PostGIS store, but this installation uses the GeoPackage store: set "
                   "GDI_STORE (or store: in gdi.yml) to the URL of an empty PostGIS database")
    if section["kind"] == "gpkg" and is_postgis(settings):
        out.append("the backup holds a GeoPackage store, but this installation uses PostGIS "
                   f"({pg.redact(settings.store)}): unset GDI_STORE / store:, restore, then publish into PostGIS "
                   "with 'gdi etl'")
    root = settings.publish_dir
    if root.is_dir() and any(p for p in root.iterdir()):
        out.append(f"{root} is not empty")
    if section["kind"] == "postgis" and is_postgis(settings):
        rel = pg.user_relations(settings.store)
        if rel:
            out.append(f"the store database {pg.redact(settings.store)} is not empty "
                       f"({len(rel)} tables, e.g. {', '.join(rel[:3])})")
    return out


def restore_store(src: Path, manifest: dict[str, Any], settings: Settings, *, force: bool = False) -> int:
    """Restore the publications (database first, then files and ``current`` links); returns the number of
    datasets."""
    section = manifest["store"]
    datasets: dict[str, dict[str, Any]] = section["datasets"]
    if section["kind"] == "postgis":
        pg.restore(settings.store, src / section["dump"], clean=force)
        with pg.connect(settings.store, autocommit=True) as conn:
            if conn.execute("SELECT to_regclass('gdi.publications')").fetchone()[0] is not None:
                for ds, d in datasets.items():
                    conn.execute("DELETE FROM gdi.publications WHERE dataset = %s AND NOT is_current "
                                 "AND NOT version = ANY(%s)", (ds, d["versions"]))
    restore_tree(src, manifest, PREFIX, settings.publish_dir)
    for ds, d in datasets.items():
        publication.point_current(settings.publish_dir / ds, d["current"])
        integrity.forget()
    return len(datasets)
