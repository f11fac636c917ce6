"""``gdi migrate``: bring every database schema of the installation to this version of the software.

Run after installing a new version and before ``systemctl reload gdi`` (docs/operations.md, "Upgrades").
What has a schema:

* the participation database (SQLite or PostgreSQL; ``services.participation.db.MIGRATIONS``, one
  transaction per run, serialised between processes);
* the PostGIS publication store's catalog ``gdi.publications`` (created if missing; the published
  versions themselves are plain tables that need no migration);
* the GeoPackage store has none (files; each publication carries its own manifest), and the CSW repository is
  rebuilt from the metadata records by every publication (post-publish ``40_csw_load``).

``--check`` changes nothing and exits 3 when something is pending (for deployment scripts).
"""
from __future__ import annotations

from pathlib import Path

import click

from core.config import Settings, load_settings

PENDING_EXIT = 3


def _participation_version(url: str) -> int:
    """The schema version of the participation database (0: not created yet)."""
    from sqlalchemy import create_engine, inspect, text
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).exists():
        return 0
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("schema_version"):
                return 0
            row = conn.execute(text("SELECT version FROM schema_version")).first()
            return int(row[0]) if row else 0
    finally:
        engine.dispose()


def _participation(settings: Settings, check: bool) -> tuple[str, bool]:
    from core.store_postgis import redact_url
    from services.participation.config import load_config
    from services.participation.db import SCHEMA_VERSION, Database
    url = load_config(settings).db_url
    found = _participation_version(url)
    name = f"participation database {redact_url(url)}"
    if found == SCHEMA_VERSION:
        return f"{name}: up to date (version {found})", False
    if found > SCHEMA_VERSION:
        raise click.ClickException(f"{name} has schema version {found}, newer than this software "
                                   f"({SCHEMA_VERSION}): install the newer version again")
    if check:
        return f"{name}: version {found} -> {SCHEMA_VERSION} pending", True
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    db = Database(url)
    try:
        before = db.migrate()
    finally:
        db.engine.dispose()
    return f"{name}: migrated from version {before} to {SCHEMA_VERSION}", False


def _store(settings: Settings, check: bool) -> tuple[str, bool]:
    from core.store import get_store
    store = get_store(settings)
    if store.name == "gpkg":
        return f"publication store (GeoPackage, {settings.publish_dir}): no database schema", False
    from core.store_postgis import redact_url
    name = f"publication store {redact_url(settings.store)}"
    with store.connect() as conn:  # type: ignore[attr-defined]
        row = conn.execute("SELECT to_regclass('gdi.publications') IS NOT NULL").fetchone()
        present = bool(row and row[0])
        if present:
            return f"{name}: catalog gdi.publications up to date", False
        if check:
            return f"{name}: catalog gdi.publications missing (pending)", True
        store.ensure_catalog(conn)  # type: ignore[attr-defined]
    return f"{name}: catalog gdi.publications created", False


@click.command("migrate")
@click.option("--check", is_flag=True, help=f"Only report; exit {PENDING_EXIT} when a migration is pending.")
def migrate(check: bool) -> None:
    """Bring the database schemas (participation, PostGIS store catalog) to this version."""
    settings = load_settings()
    pending = False
    for step in (_participation, _store):
        line, todo = step(settings, check)
        pending |= todo
        click.echo(line)
    if check and pending:
        raise SystemExit(PENDING_EXIT)


commands = [migrate]
