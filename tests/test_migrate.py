"""``gdi migrate`` (issue 19, upgrades): an old participation database is brought to the current schema in one
run, ``--check`` reports pending migrations without changing anything, a second run has nothing to do, and
the PostGIS store's catalog is created on an empty database (both stores: ``store_url``)."""
from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import GDI, ROOT, SCHEMAS


def _old_participation_db(path: Path, version: int) -> None:
    """A participation database as an older release left it: the first ``version`` migrations."""
    from sqlalchemy import create_engine

    from services.participation.db import MIGRATIONS, schema_version
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        schema_version.create(conn)
        for step in MIGRATIONS[:version]:
            step(conn)
        conn.execute(schema_version.insert().values(version=version))
    engine.dispose()


def _gdi(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([GDI, "migrate", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=False)


@pytest.fixture
def env(tmp_path: Path, store_url: str) -> dict[str, str]:
    e = dict(os.environ, GDI_VAR=str(tmp_path / "var"), GDI_SCHEMAS=str(SCHEMAS), GDI_STORE=store_url)
    e.pop("GDI_BETEILIGUNG_DB", None)
    e.pop("GDI_SETTINGS", None)
    return e


def test_migrate_brings_an_old_participation_database_up_and_check_reports_it(env: dict[str, str]) -> None:
    from services.participation.db import SCHEMA_VERSION
    db = Path(env["GDI_VAR"]) / "participation" / "beteiligung.db"
    _old_participation_db(db, 3)
    tables_before = {r[0] for r in sqlite3.connect(db).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    r = _gdi(env, "--check")
    assert r.returncode == 3, r.stdout + r.stderr
    assert f"version 3 -> {SCHEMA_VERSION} pending" in r.stdout
    assert sqlite3.connect(db).execute("SELECT version FROM schema_version").fetchone()[0] == 3  # unchanged
    r = _gdi(env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"migrated from version 3 to {SCHEMA_VERSION}" in r.stdout
    con = sqlite3.connect(db)
    assert con.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    tables_after = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables_before < tables_after and "kiosks" in tables_after
    r = _gdi(env, "--check")
    assert r.returncode == 0 and f"up to date (version {SCHEMA_VERSION})" in r.stdout, r.stdout + r.stderr


def test_migrate_on_a_new_installation_and_the_store(env: dict[str, str], store_url: str) -> None:
    r = _gdi(env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "migrated from version 0" in r.stdout
    if store_url == "gpkg":
        assert "no database schema" in r.stdout
    else:  # the session's store database may have its catalog already (the demo published into it)
        assert ("catalog gdi.publications created" in r.stdout
                or "catalog gdi.publications up to date" in r.stdout), r.stdout
        import psycopg
        with psycopg.connect(store_url) as conn:
            row = conn.execute("SELECT to_regclass('gdi.publications') IS NOT NULL").fetchone()
            assert row is not None and row[0]
    r = _gdi(env, "--check")
    assert r.returncode == 0, r.stdout + r.stderr


def test_migrate_refuses_a_database_newer_than_the_software(env: dict[str, str]) -> None:
    from services.participation.db import SCHEMA_VERSION
    db = Path(env["GDI_VAR"]) / "participation" / "beteiligung.db"
    _old_participation_db(db, SCHEMA_VERSION)
    con = sqlite3.connect(db)
    con.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    con.commit()
    r = _gdi(env)
    assert r.returncode != 0 and "newer than this software" in r.stderr, r.stdout + r.stderr
