"""The PostGIS store (issue 15) on a real PostgreSQL 15 + PostGIS 3 server (a throw-away cluster per module,
a new database per test): selection by ``store:`` / ``GDI_STORE``, the load into a ``v_`` schema, the atomic
switch to ``ds_<dataset>``, abort, load failures, pruning, ``layer()``, the publication lock across nodes,
no password in messages, and the real ETL (trees) with lifespans as in GeoPackage mode."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import psycopg
import pyogrio
import pytest
import shapely

from core.config import Settings, load_settings
from core.errors import ConfigError, PublicationError
from core.publication import current_dir
from core.store import GpkgStore, LayerRef, get_store
from core.store_postgis import (
    PostgisPublication,
    PostgisStore,
    current_schema,
    publish_lock_key,
    version_schema,
)
from transforms.pipeline import run_dataset

from .conftest import ROOT, SCHEMAS
from .helpers import TREES_YML, trees_dataset
from .pgcluster import new_database, postgis_cluster

DS = "trees"
INSPIRE, SOURCE = "speciesdistributionunit", "trees_source"
T1 = datetime(2026, 1, 10, 8, 0, tzinfo=UTC)
T2 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


# --------------------------------------------------------------------------- fixtures and helpers

@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    with postgis_cluster() as server:
        yield server


@pytest.fixture
def db_url(pg_server: str) -> str:
    """A new database with PostGIS per test (nothing published, no catalog yet)."""
    return new_database(pg_server, prefix="store", postgis=True)


@pytest.fixture
def settings(tmp_path: Path, db_url: str) -> Settings:
    return Settings(var_dir=tmp_path / "var", store=db_url, schema_dir=SCHEMAS)


@pytest.fixture
def store(settings: Settings) -> PostgisStore:
    s = get_store(settings)
    assert isinstance(s, PostgisStore)
    return s


def write_gpkg(path: Path, marker: str, n: int, crs: str = "EPSG:25832") -> None:
    """A small GeoPackage with the two layers of a trees version; every row carries ``marker``."""
    pts = [shapely.Point(565000 + i, 5776000 + i) for i in range(n)]
    ins = gpd.GeoDataFrame({"localId": [f"T-{i}" for i in range(n)], "marker": [marker] * n,
                            "populationSize": list(range(n))}, geometry=pts, crs=crs)
    src = gpd.GeoDataFrame({"key": [f"T-{i}" for i in range(n)], "marker": [marker] * n,
                            "height_m": [1.5 * i for i in range(n)]}, geometry=pts, crs=crs)
    for layer, gdf in ((INSPIRE, ins), (SOURCE, src)):
        pyogrio.write_dataframe(gdf, path, layer=layer, driver="GPKG",
                                layer_options={"FID": "fid", "GEOMETRY_NAME": "geom"})


def manifest(version: str) -> dict[str, Any]:
    return {"version": version, "published": "2026-01-10T08:00:00+00:00", "counts": {"published": 1},
            "access": "public"}


def publish(store: PostgisStore, version: str, marker: str, n: int = 3, keep: int = 3) -> Path:
    pub = store.begin(DS, version)
    write_gpkg(pub.path(f"{DS}.gpkg"), marker, n)
    (pub.path(f"{DS}.gml")).write_text(f"<gml>{marker}</gml>")
    return pub.commit(manifest(version), keep=keep)


def query(url: str, q: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with psycopg.connect(url, autocommit=True) as c:
        return c.execute(q, params or None).fetchall()  # type: ignore[arg-type]


def markers(url: str, table: str = INSPIRE, schema: str = "ds_trees") -> dict[str, int]:
    rows = query(url, f'SELECT marker, count(*) FROM "{schema}"."{table}" GROUP BY marker')
    return {str(m): int(n) for m, n in rows}


def catalog(url: str) -> list[tuple[str, str, bool]]:
    return [(str(v), str(s), bool(c)) for v, s, c in
            query(url, "SELECT version, schema_name, is_current FROM gdi.publications ORDER BY version")]


def schemas(url: str) -> set[str]:
    return {str(r[0]) for r in query(url, "SELECT nspname FROM pg_namespace WHERE nspname ~ '^(ds|v)_'")}


def cur_version(store: PostgisStore) -> str | None:
    m = store.current(DS)
    return None if m is None else str(m["version"])


# --------------------------------------------------------------------------- selection

def test_store_selected_by_settings_and_environment(db_url: str, tmp_path: Path, monkeypatch) -> None:
    s = get_store(Settings(var_dir=tmp_path, store=db_url))
    assert isinstance(s, PostgisStore) and s.url == db_url and s.files_root == tmp_path / "publish"
    monkeypatch.setenv("GDI_VAR", str(tmp_path / "env"))
    monkeypatch.setenv("GDI_STORE", db_url)
    s2 = get_store(load_settings())
    assert isinstance(s2, PostgisStore) and s2.url == db_url
    monkeypatch.setenv("GDI_STORE", "gpkg")
    assert isinstance(get_store(load_settings()), GpkgStore)
    with pytest.raises(ConfigError, match="postgresql://"):
        get_store(Settings(var_dir=tmp_path, store="postgis"))
    with pytest.raises(ConfigError, match="needs a URL"):
        get_store(Settings(var_dir=tmp_path, store="postgresql://u:pw@127.0.0.1:5432"))  # no database


def test_gpkg_mode_imports_no_psycopg() -> None:
    code = ("import sys; from core.config import Settings; from core.store import get_store; "
            "get_store(Settings(store='gpkg')).layer('trees', 'x'); "
            "import transforms.pipeline; "
            "bad = [m for m in ('psycopg', 'osgeo', 'core.store_postgis') if m in sys.modules]; "
            "assert not bad, bad")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


# --------------------------------------------------------------------------- load and switch

def test_first_publication_layout(store: PostgisStore, db_url: str) -> None:
    assert store.layer(DS, INSPIRE) is None  # no catalog yet
    assert current_schema(DS) == "ds_trees" and version_schema(DS, "v01").startswith("v_")
    assert len(version_schema(DS, "v01")) == 26
    final = publish(store, "v01", "a", n=4)
    assert final == store.files_root / DS / "v01" and (final / "trees.gml").exists()
    assert cur_version(store) == "v01" and store.current_dir(DS) == final.resolve()
    assert catalog(db_url) == [("v01", "ds_trees", True)]
    assert markers(db_url) == {"a": 4} and markers(db_url, SOURCE) == {"a": 4}
    cols = query(db_url, "SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = "
                 "'ds_trees' AND table_name = %s ORDER BY ordinal_position", (INSPIRE,))
    assert cols == [("fid", "int8"), ("localId", "varchar"), ("marker", "varchar"), ("populationSize", "int8"),
                    ("geom", "geometry")]
    pk = query(db_url, "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND "
               "a.attnum = ANY(i.indkey) WHERE i.indrelid = 'ds_trees.speciesdistributionunit'::regclass "
               "AND i.indisprimary")
    assert pk == [("fid",)]
    assert query(db_url, "SELECT min(fid), max(fid) FROM ds_trees.speciesdistributionunit") == [(1, 4)]
    assert query(db_url, "SELECT srid, type FROM geometry_columns WHERE f_table_schema = 'ds_trees' "
                 "ORDER BY f_table_name") == [(25832, "POINT"), (25832, "POINT")]
    gist = query(db_url, "SELECT tablename FROM pg_indexes WHERE schemaname = 'ds_trees' AND indexdef LIKE "
                 "'%USING gist (geom)%' ORDER BY tablename")
    assert gist == [(INSPIRE,), (SOURCE,)]
    analyzed = query(db_url, "SELECT relname, reltuples FROM pg_class WHERE relnamespace = 'ds_trees'::regnamespace "
                     "AND relkind = 'r' ORDER BY relname")
    assert analyzed == [(INSPIRE, 4.0), (SOURCE, 4.0)]  # ANALYZE ran (a never analysed table has -1)


def test_commit_switches_current_atomically(store: PostgisStore, db_url: str, monkeypatch) -> None:
    publish(store, "v01", "a", n=3)
    pub = store.begin(DS, "v02")
    assert isinstance(pub, PostgisPublication)
    write_gpkg(pub.path(f"{DS}.gpkg"), "b", 5)
    seen_in_tx: dict[str, Any] = {}
    original = PostgisPublication._switch

    def spy(self: PostgisPublication, man: dict[str, Any]) -> Path:
        # inside the switch transaction: the new version is loaded and renamed, not committed
        seen_in_tx["markers"] = markers(db_url)
        seen_in_tx["catalog"] = catalog(db_url)
        seen_in_tx["version"] = cur_version(store)
        return original(self, man)
    monkeypatch.setattr(PostgisPublication, "_switch", spy)
    assert markers(db_url) == {"a": 3}
    pub.commit(manifest("v02"))
    assert seen_in_tx == {"markers": {"a": 3}, "catalog": [("v01", "ds_trees", True)], "version": "v01"}
    assert markers(db_url) == {"b": 5} and markers(db_url, SOURCE) == {"b": 5}
    assert cur_version(store) == "v02"
    v1 = version_schema(DS, "v01")
    assert catalog(db_url) == [("v01", v1, False), ("v02", "ds_trees", True)]
    assert markers(db_url, schema=v1) == {"a": 3}  # the previous version stays readable
    assert schemas(db_url) == {"ds_trees", v1}
    assert [h["version"] for h in store.history(DS)] == ["v01", "v02"]


def test_readers_never_see_a_mix(store: PostgisStore, db_url: str) -> None:
    """A reader polling ``ds_trees`` while versions switch sees one whole version each time, never an error."""
    publish(store, "v00", "m0", n=10)
    results: list[dict[str, int]] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def reader() -> None:
        with psycopg.connect(db_url, autocommit=True) as c:
            while not stop.is_set():
                try:
                    rows = c.execute("SELECT marker, count(*) FROM ds_trees.speciesdistributionunit "
                                     "GROUP BY marker").fetchall()
                    results.append({str(m): int(n) for m, n in rows})
                except psycopg.Error as exc:
                    errors.append(exc)
    t = threading.Thread(target=reader)
    t.start()
    try:
        for i in range(1, 5):
            publish(store, f"v0{i}", f"m{i}", n=10 + i)
    finally:
        stop.set()
        t.join(30)
    assert not errors, errors[:3]
    assert results and all(len(r) == 1 for r in results)
    assert len({m for r in results for m in r}) >= 3  # the reader saw the versions go by
    assert all(n == 10 + int(m[1:]) for r in results for m, n in r.items())
    assert markers(db_url) == {"m4": 14}


def test_abort_leaves_current_and_drops_staging_schema(store: PostgisStore, db_url: str) -> None:
    publish(store, "v01", "a")
    pub = store.begin(DS, "v02")
    assert isinstance(pub, PostgisPublication)
    write_gpkg(pub.path(f"{DS}.gpkg"), "b", 5)
    pub._load(pub.path(f"{DS}.gpkg"))  # step 1 of commit: loaded, not switched
    staging = version_schema(DS, "v02")
    assert staging in schemas(db_url) and markers(db_url, schema=staging) == {"b": 5}
    pub.abort()
    assert schemas(db_url) == {"ds_trees"}
    assert markers(db_url) == {"a": 3} and catalog(db_url) == [("v01", "ds_trees", True)]
    assert cur_version(store) == "v01" and not pub.staging.exists()


def test_failed_file_switch_rolls_back(store: PostgisStore, db_url: str, monkeypatch) -> None:
    publish(store, "v01", "a")
    pub = store.begin(DS, "v02")
    write_gpkg(pub.path(f"{DS}.gpkg"), "b", 5)
    original = PostgisPublication._switch

    def broken(self: PostgisPublication, man: dict[str, Any]) -> Path:
        original(self, man)  # the files switched ...
        raise PublicationError("disk gone", file="x")  # ... then something fails before COMMIT
    monkeypatch.setattr(PostgisPublication, "_switch", broken)
    with pytest.raises(PublicationError, match="disk gone"):
        pub.commit(manifest("v02"))
    assert cur_version(store) == "v01"  # the file switch was undone
    assert markers(db_url) == {"a": 3} and catalog(db_url) == [("v01", "ds_trees", True)]
    pub.abort()  # as the pipeline does after a failed commit
    assert schemas(db_url) == {"ds_trees"}
    assert not (store.files_root / DS / "v02").exists() and not pub.staging.exists()
    assert [h["version"] for h in store.history(DS)] == ["v01"]


def test_load_failure_names_file_and_keeps_current(store: PostgisStore, db_url: str) -> None:
    publish(store, "v01", "a")
    pub = store.begin(DS, "v02")
    bad = pub.path(f"{DS}.gpkg")
    bad.write_text("this is not a GeoPackage")
    with pytest.raises(PublicationError) as info:
        pub.commit(manifest("v02"))
    assert str(bad) in str(info.value) and "GeoPackage" in str(info.value)
    pub.abort()
    assert cur_version(store) == "v01" and markers(db_url) == {"a": 3}
    assert schemas(db_url) == {"ds_trees"} and catalog(db_url) == [("v01", "ds_trees", True)]

    # a failure after the schema was created (a layer in the wrong CRS): the half-loaded schema is dropped
    pub = store.begin(DS, "v03")
    write_gpkg(pub.path(f"{DS}.gpkg"), "c", 3, crs="EPSG:4326")
    with pytest.raises(PublicationError, match="SRID 25832") as info:
        pub.commit(manifest("v03"))
    assert str(pub.path(f"{DS}.gpkg")) in str(info.value)
    assert schemas(db_url) == {"ds_trees"}  # dropped before abort()
    pub.abort()
    assert cur_version(store) == "v01" and markers(db_url) == {"a": 3}

    # a missing GeoPackage is named too
    pub = store.begin(DS, "v04")
    with pytest.raises(PublicationError, match="missing"):
        pub.commit(manifest("v04"))
    pub.abort()


def test_database_without_postgis_is_named(pg_server: str, tmp_path: Path) -> None:
    url = new_database(pg_server, prefix="nopostgis")
    store = PostgisStore(Settings(var_dir=tmp_path, store=url))
    pub = store.begin(DS, "v01")
    write_gpkg(pub.path(f"{DS}.gpkg"), "a", 2)
    with pytest.raises(PublicationError, match="no PostGIS extension"):
        pub.commit(manifest("v01"))
    pub.abort()
    assert store.current(DS) is None and store.layer(DS, INSPIRE) is None


def test_stale_schema_of_a_killed_run_goes_with_the_next_run(store: PostgisStore, db_url: str) -> None:
    publish(store, "v01", "a")
    pub = store.begin(DS, "v02")
    write_gpkg(pub.path(f"{DS}.gpkg"), "b", 2)
    pub._load(pub.path(f"{DS}.gpkg"))  # ... and the process dies here
    assert version_schema(DS, "v02") in schemas(db_url)
    store.begin(DS, "v03").abort()
    assert schemas(db_url) == {"ds_trees"}


def test_pruning_keeps_n_versions(store: PostgisStore, db_url: str) -> None:
    for i in range(1, 6):
        publish(store, f"v0{i}", f"m{i}", keep=2)
    assert catalog(db_url) == [("v04", version_schema(DS, "v04"), False), ("v05", "ds_trees", True)]
    assert schemas(db_url) == {"ds_trees", version_schema(DS, "v04")}
    folders = sorted(p.name for p in (store.files_root / DS).iterdir() if p.is_dir() and not p.is_symlink()
                     and not p.name.startswith("."))
    assert folders == ["v04", "v05"]
    publish(store, "v06", "m6", keep=1)
    assert catalog(db_url) == [("v06", "ds_trees", True)] and schemas(db_url) == {"ds_trees"}


def test_layer_refs(store: PostgisStore, db_url: str) -> None:
    publish(store, "v01", "a", n=2)
    publish(store, "v02", "b", n=6)
    cur = store.layer(DS, INSPIRE)
    assert cur == LayerRef("postgis", DS, "v02", INSPIRE, dsn=db_url, schema="ds_trees")
    old = store.layer(DS, SOURCE, "v01")
    assert old == LayerRef("postgis", DS, "v01", SOURCE, dsn=db_url, schema=version_schema(DS, "v01"))
    assert store.layer(DS, INSPIRE, "v02") == cur  # the current version asked by name
    assert store.layer(DS, "no_such_table") is None
    assert store.layer(DS, INSPIRE, "v99") is None
    assert store.layer("other", INSPIRE) is None
    assert store.layer("Bad Name", INSPIRE) is None
    # what a service hands to GDAL (the system GDAL of MapServer/QGIS; pyogrio's wheel has no PostgreSQL
    # driver) reads the version's rows
    assert ogr_count(cur) == 6 and ogr_count(old) == 2
    # a service that keeps the current ref follows the next publication
    publish(store, "v03", "c", n=1)
    assert ogr_count(cur) == 1


def ogr_count(ref: LayerRef | None) -> int:
    from osgeo import gdal
    assert ref is not None
    ds = gdal.OpenEx(ref.ogr_source, gdal.OF_VECTOR)
    assert ds is not None, ref.ogr_source
    lyr = ds.GetLayerByName(ref.table)
    assert lyr is not None and lyr.GetGeometryColumn() == "geom" and lyr.GetFIDColumn() == "fid"
    return int(lyr.GetFeatureCount())


# --------------------------------------------------------------------------- locks

def test_lock_holds_a_database_advisory_lock(store: PostgisStore, db_url: str) -> None:
    key = publish_lock_key(DS)

    def try_lock() -> bool:
        with psycopg.connect(db_url, autocommit=True) as c:
            row = c.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()
            assert row is not None
            return bool(row[0])  # released with the connection
    with store.lock(DS):
        assert not try_lock()
    assert try_lock()


def test_two_nodes_publishing_one_dataset_serialise(db_url: str, tmp_path: Path) -> None:
    """Two "nodes" (separate publish folders, so their file locks do not meet) share one database: the
    advisory lock makes their runs of one dataset take turns; the catalog ends consistent."""
    nodes = [PostgisStore(Settings(var_dir=tmp_path / f"node{i}", store=db_url)) for i in range(2)]
    spans: list[tuple[float, float]] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def run(i: int) -> None:
        try:
            barrier.wait(10)
            with nodes[i].lock(DS):
                start = time.monotonic()
                time.sleep(0.3)
                publish(nodes[i], f"v0{i + 1}", f"node{i}", n=2 + i)
                spans.append((start, time.monotonic()))
        except BaseException as exc:  # noqa: BLE001 (reported by the assertion below)
            errors.append(exc)
    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    (_, first_end), (second_start, _) = sorted(spans)
    assert first_end <= second_start, f"runs overlapped: {spans}"
    rows = catalog(db_url)
    assert [c for _, _, c in rows].count(True) == 1 and len(rows) == 2
    assert sum(markers(db_url).values()) in (2, 3) and len(markers(db_url)) == 1


def test_concurrent_commits_without_lock_stay_consistent(db_url: str, tmp_path: Path) -> None:
    """Even without ``lock()`` the switch itself is serialised (transaction advisory lock + row lock)."""
    nodes = [PostgisStore(Settings(var_dir=tmp_path / f"node{i}", store=db_url)) for i in range(3)]
    pubs = []
    for i, node in enumerate(nodes):
        pub = node.begin(DS, f"v0{i + 1}")
        write_gpkg(pub.path(f"{DS}.gpkg"), f"n{i}", 2 + i)
        pubs.append(pub)
    errors: list[BaseException] = []
    barrier = threading.Barrier(3)

    def commit(i: int) -> None:
        try:
            barrier.wait(10)
            pubs[i].commit(manifest(f"v0{i + 1}"), keep=5)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
    threads = [threading.Thread(target=commit, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    rows = catalog(db_url)
    current = [v for v, s, c in rows if c]
    assert len(rows) == 3 and len(current) == 1
    assert {s for v, s, c in rows if not c} == {version_schema(DS, v) for v, _, c in rows if not c}
    assert schemas(db_url) == {s for _, s, _ in rows}
    i = int(current[0][-1]) - 1
    assert markers(db_url) == {f"n{i}": 2 + i}


# --------------------------------------------------------------------------- no password in messages

def test_password_never_in_error_messages(pg_server: str, db_url: str, tmp_path: Path) -> None:
    secret = "S3cr3t-Pw_42"
    port = int(pg_server.rsplit(":", 1)[1])

    def text_of(exc: BaseException) -> str:
        return str(exc) + "".join(traceback.format_exception(exc)) + repr(exc.args)

    # an unreachable server
    dead = PostgisStore(Settings(var_dir=tmp_path / "a", store=f"postgresql://gdi:{secret}@127.0.0.1:1/gdi"))
    for call in (lambda: dead.begin(DS, "v01"), lambda: dead.layer(DS, INSPIRE),
                 lambda: dead.lock(DS).__enter__()):
        with pytest.raises(PublicationError) as info:
            call()
        assert secret not in text_of(info.value) and "***" in str(info.value)
    # a wrong database name
    nodb = PostgisStore(Settings(var_dir=tmp_path / "b",
                                 store=f"postgresql://postgres:{secret}@127.0.0.1:{port}/no_such_db"))
    with pytest.raises(PublicationError) as info:
        nodb.layer(DS, INSPIRE)
    assert secret not in text_of(info.value) and "no_such_db" in str(info.value)
    # a load failure on a reachable server (trust authentication ignores the password)
    live_url = db_url.replace("postgres@", f"postgres:{secret}@")
    live = PostgisStore(Settings(var_dir=tmp_path / "c", store=live_url))
    pub = live.begin(DS, "v01")
    write_gpkg(pub.path(f"{DS}.gpkg"), "a", 2, crs="EPSG:4326")
    with pytest.raises(PublicationError) as info:
        pub.commit(manifest("v01"))
    assert secret not in text_of(info.value)
    pub.abort()
    # a URL without a database
    with pytest.raises(ConfigError) as cinfo:
        get_store(Settings(var_dir=tmp_path, store=f"postgresql://u:{secret}@127.0.0.1:{port}"))
    assert secret not in text_of(cinfo.value)


# --------------------------------------------------------------------------- the real ETL

def _small_trees(tmp: Path, rows: int = 300) -> Path:
    """The first ``rows`` records of the bundled tree cadastre (latin-1, one record per line)."""
    lines = (TREES_YML.parent / "baumkataster_muenster.csv").read_text(encoding="latin-1").splitlines()
    out = tmp / "baeume.csv"
    out.write_text("\n".join(lines[: rows + 1]) + "\n", encoding="latin-1")
    return out


def _change_trees(csv: Path) -> None:
    """Remove the 5th record, change the height of the 10th, as a second delivery would."""
    lines = csv.read_text(encoding="latin-1").splitlines()
    fields = lines[10].split(";")
    fields[2] = str(int(float(fields[2].replace(",", ".") or 0)) + 7)
    lines[10] = ";".join(fields)
    del lines[5]
    csv.write_text("\n".join(lines) + "\n", encoding="latin-1")


def _two_runs(tmp: Path, settings: Settings) -> tuple[Any, Any]:
    tmp.mkdir(parents=True, exist_ok=True)
    csv = _small_trees(tmp)
    ds = trees_dataset(tmp, source_file=csv)
    first = run_dataset(ds, settings, now=T1)
    _change_trees(csv)
    second = run_dataset(ds, settings, now=T2)
    return first, second


def test_etl_publishes_into_postgis_with_lifespans_as_gpkg(db_url: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GDI_SCHEMAS", str(SCHEMAS))
    monkeypatch.setenv("GDI_VAR", str(tmp_path / "var_gpkg"))
    monkeypatch.setenv("GDI_STORE", "gpkg")
    g1, g2 = _two_runs(tmp_path / "g", load_settings())
    monkeypatch.setenv("GDI_VAR", str(tmp_path / "var_pg"))
    monkeypatch.setenv("GDI_STORE", db_url)
    pg_settings = load_settings()
    store = get_store(pg_settings)
    assert isinstance(store, PostgisStore)
    p1, p2 = _two_runs(tmp_path / "p", pg_settings)

    # first version: rows in ds_trees = the manifest's counts = the GeoPackage's layers
    assert p1.status == p2.status == "published" and p1.published_dir is not None
    assert catalog(db_url) == [(p1.version, version_schema(DS, p1.version), False), (p2.version, "ds_trees", True)]
    man = store.current(DS)
    assert man is not None and man["version"] == p2.version
    assert p2.published_dir is not None and current_dir(pg_settings.publish_dir, DS) == p2.published_dir.resolve()
    for pub_dir, schema in ((p1.published_dir, version_schema(DS, p1.version)), (p2.published_dir, "ds_trees")):
        m = json.loads((pub_dir / "manifest.json").read_text())
        layers = dict(pyogrio.list_layers(pub_dir / f"{DS}.gpkg"))
        # the views, and the density grid of the points (transforms/overview.py) in both stores alike
        assert set(layers) - {m["overview"]["layer"]} == {c["layer"] for c in m["collections"]} == {INSPIRE, SOURCE}
        grid = m["overview"]["layer"]
        n_cells = pyogrio.read_info(pub_dir / f"{DS}.gpkg", layer=grid)["features"]
        assert n_cells == m["overview"]["cells"] > 0
        assert query(db_url, f'SELECT count(*), sum("count") FROM "{schema}"."{grid}"')[0] == (
            n_cells, m["counts"]["published"])
        for coll in m["collections"]:
            n_db = query(db_url, f'SELECT count(*) FROM "{schema}"."{coll["layer"]}"')[0][0]
            n_gpkg = pyogrio.read_info(pub_dir / f"{DS}.gpkg", layer=coll["layer"])["features"]
            assert n_db == n_gpkg == coll["count"] == m["counts"]["published"] > 0
        ref = store.layer(DS, INSPIRE, m["version"])
        assert ref is not None and ref.schema == schema
    # typed columns as GDAL maps them, lifespans as text
    types = dict(query(db_url, "SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = "
                       "'ds_trees' AND table_name = %s", (SOURCE,)))
    assert types["planting_year"] == "int4" and types["height_m"] == "float8" and types["fid"] == "int8"
    begins = dict(query(db_url, 'SELECT "beginLifespanVersion", count(*) FROM ds_trees.speciesdistributionunit '
                        'GROUP BY 1'))
    assert begins.keys() == {"2026-01-10T08:00:00Z", "2026-03-01T09:30:00Z"}

    # second version: the same changes as in GeoPackage mode
    ch_pg = json.loads(p2.report_json.read_text())["changes"]
    ch_gpkg = json.loads(g2.report_json.read_text())["changes"]
    assert ch_pg == ch_gpkg
    assert ch_pg["removed_count"] == 1 and ch_pg["changed_count"] == 1 and ch_pg["unchanged"] > 200
    assert begins["2026-03-01T09:30:00Z"] == ch_pg["changed_count"] + ch_pg["new_count"]
    assert json.loads(p2.report_json.read_text())["validation"]["gml"] == "valid"
    assert p2.summary == g2.summary and p1.summary == g1.summary
