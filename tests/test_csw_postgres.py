"""Issue 15: with the PostgreSQL store, pycsw's repositories are tables in the store's database.

A throw-away PostgreSQL + PostGIS cluster; a public and a restricted copy of the trees are published through
the PostGIS store, their ISO records written and loaded with ``load_records`` (pycsw's loader in the pycsw venv,
psycopg2) into ``gdi_csw.gdi_csw_records`` (public) and ``gdi_csw_staff.gdi_csw_records`` (staff); the sidecar
serves them, harvested with OWSLib. The same records loaded into SQLite (GeoPackage store) give the same rows.
"""
from __future__ import annotations

import shutil
import socket
import sqlite3
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
import pytest
import requests
import yaml
from owslib.csw import CatalogueServiceWeb
from owslib.fes import BBox, PropertyIsEqualTo, PropertyIsLike

from core.config import ServiceSettings, Settings, load_registry
from core.errors import PublicationError
from metadata.ids import dataset_record_id, service_record_id
from metadata.records import read_index, write_records
from services.csw import sidecar
from services.csw.config import PG_TABLE, config_path, db_path, pg_schema, read_state, repository_exists
from services.csw.load import load_records
from tests.pgcluster import new_database, postgis_cluster
from transforms.pipeline import run_dataset

warnings.filterwarnings("ignore", category=FutureWarning, module="owslib")

ROOT = Path(__file__).resolve().parent.parent
GMD = "http://www.isotc211.org/2005/gmd"
PASSWORD = "p w'\"x\\y$HOME%"  # quotes, a backslash, a $VAR pycsw would expand, a % its config would interpolate


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    with postgis_cluster() as server:
        yield server


def _copy_dataset(dst_root: Path, ds_id: str, access: str) -> None:
    src = ROOT / "datasets" / "trees" / "dataset.yml"
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    data["id"], data["access"] = ds_id, access
    # each dataset its own identifier; trees is the primary dataset of the feature type
    data["inspire"]["namespace"] = f"https://registry.gdi-de.org/id/de.ni.hildesheim/{ds_id}"
    data["inspire"]["primary"] = ds_id == "trees"
    for s in data["sources"]:
        s["path"] = str((src.parent / s["path"]).resolve())
    (dst_root / ds_id).mkdir(parents=True)
    (dst_root / ds_id / "dataset.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def env(tmp_path_factory, schema_dir, pg_server) -> Iterator[dict[str, Any]]:
    """Published trees (public) and baeume_intern (restricted) through the PostGIS store, records written and
    loaded; the sidecar's port fixed so that the capabilities' URLs point at it (OWSLib follows them)."""
    root = tmp_path_factory.mktemp("cswpg")
    datasets = root / "datasets"
    _copy_dataset(datasets, "trees", "public")
    _copy_dataset(datasets, "baeume_intern", "restricted")
    url = new_database(pg_server, prefix="csw", postgis=True)
    # trust authentication: the password is not checked, but has to survive every quoting on the way
    pw_url = url.replace("postgres@", f"postgres:{quote(PASSWORD, safe='')}@", 1)
    port = _free_port()
    settings = Settings(var_dir=root / "var", datasets_dir=datasets, schema_dir=schema_dir, store=pw_url,
                        service=ServiceSettings(public_url=f"http://127.0.0.1:{port}"))
    for ds in load_registry(datasets).values():
        run_dataset(ds, settings)
    write_records(settings)
    summary = load_records(settings)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GDI_CSW_PORT", str(port))
        proc = sidecar.start(settings)
        assert proc is not None, "the pycsw sidecar did not start (pycsw venv missing?)"
    try:
        yield {"settings": settings, "url": url, "summary": summary, "port": port}
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _rows(url: str, staff: bool = False) -> dict[str, str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(f"SELECT identifier, type FROM {pg_schema(staff)}.{PG_TABLE}").fetchall()
    return dict(rows)


def _public_ids(settings: Settings) -> set[str]:
    return {e["id"] for e in read_index(settings) if e["access"] == "public"}


@pytest.fixture(scope="module")
def csw(env) -> CatalogueServiceWeb:
    return CatalogueServiceWeb(f"http://127.0.0.1:{env['port']}/csw", timeout=60)


def test_the_repositories_are_tables_in_the_store_database(env):
    settings, url = env["settings"], env["url"]
    index = read_index(settings)
    public = _public_ids(settings)
    assert env["summary"]["loaded"] == env["summary"]["files"] == len(public)
    assert env["summary"]["rows"] == len(public)
    rows = _rows(url)
    assert set(rows) == public
    assert {rows[e["id"]] for e in index if e["kind"] == "service"} == {"service"}
    assert dataset_record_id("baeume_intern") not in rows
    assert set(_rows(url, staff=True)) == {e["id"] for e in index}
    with psycopg.connect(url) as conn:
        # native PostGIS footprints; no staging schema left; no English full-text index (see test below)
        n = conn.execute(f"SELECT count(*) FROM gdi_csw.{PG_TABLE} WHERE wkb_geometry IS NOT NULL").fetchone()
        assert n is not None and n[0] >= 1
        schemas = {r[0] for r in conn.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'gdi_csw%'")}
        assert schemas == {"gdi_csw", "gdi_csw_staff"}
        cols = {r[0] for r in conn.execute("SELECT column_name FROM information_schema.columns "
                                           "WHERE table_schema = 'gdi_csw' AND table_name = %s", (PG_TABLE,))}
        assert "anytext_tsvector" not in cols and "wkb_geometry" in cols
    # nothing in SQLite
    assert not db_path(settings).exists() and not db_path(settings, staff=True).exists()
    assert repository_exists(settings) and repository_exists(settings, staff=True)


def test_the_configuration_points_at_postgresql_and_is_private(env):
    settings = env["settings"]
    for staff in (False, True):
        path = config_path(settings, staff)
        text = path.read_text()
        assert f"table = {pg_schema(staff)}.{PG_TABLE}" in text
        assert "database = postgresql://postgres:" in text and "sqlite" not in text
        assert "$HOME" not in text  # encoded: pycsw expands environment variables in its configuration
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_getrecords_and_getrecordbyid_come_from_postgresql(env, csw):
    public = _public_ids(env["settings"])
    csw.getrecords2(maxrecords=50)
    assert set(csw.records) == public
    assert csw.results["matches"] == len(public)
    csw.getrecordbyid([dataset_record_id("trees")], outputschema=GMD)
    rec = csw.records[dataset_record_id("trees")]
    assert rec.identifier == dataset_record_id("trees")
    assert "Baumkataster" in (rec.identification[0].title or "")
    # restricted records are not in the public catalogue
    csw.getrecordbyid([dataset_record_id("baeume_intern")], outputschema=GMD)
    assert csw.records == {}


def test_searches_answer_as_with_sqlite(csw):
    # AnyText is ILIKE '%…%' (as with SQLite), not the English full-text search pycsw sets up for PostgreSQL
    csw.getrecords2(constraints=[PropertyIsLike("csw:AnyText", "%aumkatast%")], maxrecords=50)
    assert dataset_record_id("trees") in csw.records
    csw.getrecords2(constraints=[PropertyIsLike("csw:AnyText", "%BAUMKATASTER%")], maxrecords=50)
    assert dataset_record_id("trees") in csw.records
    csw.getrecords2(constraints=[PropertyIsLike("csw:AnyText", "%Quallenkataster%")], maxrecords=50)
    assert csw.records == {}
    csw.getrecords2(constraints=[PropertyIsEqualTo("apiso:Type", "service")], maxrecords=50)
    assert service_record_id("wms") in csw.records and dataset_record_id("trees") not in csw.records
    # spatial: PostGIS (the trees are in Münster: 51.9 N, 7.6 E)
    csw.getrecords2(constraints=[BBox([51.0, 7.0, 52.5, 8.5])], maxrecords=50)
    assert dataset_record_id("trees") in csw.records
    csw.getrecords2(constraints=[BBox([-40.0, 140.0, -30.0, 150.0])], maxrecords=50)
    assert dataset_record_id("trees") not in csw.records


def test_the_staff_repository_holds_the_restricted_records(env):
    state = read_state(env["settings"])
    assert state is not None
    q = {"service": "CSW", "version": "2.0.2", "request": "GetRecordById", "outputSchema": GMD,
         "id": dataset_record_id("baeume_intern")}
    r = requests.get(f"http://127.0.0.1:{env['port']}/staff", params=q, timeout=60,
                     headers={"X-Gdi-Staff": state["staff_token"]})
    assert r.status_code == 200 and dataset_record_id("baeume_intern").encode() in r.content
    r = requests.get(f"http://127.0.0.1:{env['port']}/", params=q, timeout=60)
    assert r.status_code == 200 and dataset_record_id("baeume_intern").encode() not in r.content


def test_same_rows_as_the_sqlite_repository(env, tmp_path):
    """The same records loaded with the GeoPackage store (SQLite): the same identifiers, titles, types and
    footprints."""
    settings = env["settings"]
    lite = settings.model_copy(update={"var_dir": tmp_path / "var", "store": "gpkg"})
    shutil.copytree(settings.var_dir / "metadata", lite.var_dir / "metadata")
    load_records(lite)
    cols = "identifier, type, title, abstract, keywords, wkt_geometry, links"
    for staff in (False, True):
        with sqlite3.connect(db_path(lite, staff)) as c:
            sqlite_rows = sorted(c.execute(f"SELECT {cols} FROM records").fetchall())
        with psycopg.connect(env["url"]) as conn:
            pg_rows = sorted(tuple(r) for r in conn.execute(f"SELECT {cols} FROM {pg_schema(staff)}.{PG_TABLE}"))
        assert pg_rows == sqlite_rows
    assert "sqlite" in config_path(lite).read_text()


def test_a_reload_replaces_the_records_under_the_running_server(env, csw):
    settings, url = env["settings"], env["url"]
    before = _rows(url)
    victim = settings.var_dir / "metadata" / f"{service_record_id('wms')}.xml"
    data = victim.read_bytes()
    victim.unlink()
    try:
        load_records(settings)
        assert set(_rows(url)) == set(before) - {service_record_id("wms")}
        csw.getrecords2(maxrecords=50)  # the running pycsw (its pooled connections) reads the new table
        assert service_record_id("wms") not in csw.records and dataset_record_id("trees") in csw.records
    finally:
        victim.write_bytes(data)
        load_records(settings)
    assert _rows(url) == before


def test_a_record_pycsw_cannot_read_keeps_the_old_repository(env):
    settings, url = env["settings"], env["url"]
    before = _rows(url)
    broken = settings.var_dir / "metadata" / "broken.xml"
    broken.write_text("<gmd:MD_Metadata")
    try:
        with pytest.raises(PublicationError) as exc:
            load_records(settings)
        assert "broken.xml" in str(exc.value)
        assert PASSWORD not in str(exc.value) and quote(PASSWORD, safe="") not in str(exc.value)
    finally:
        broken.unlink()
    assert _rows(url) == before
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT to_regnamespace('gdi_csw_load')").fetchone() == (None,)
