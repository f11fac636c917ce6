"""The PostGIS store loads its tables from the ETL's chunks while the files are written (``core.pg_load``).

Every bundled dataset is published into a real PostgreSQL 15 + PostGIS 3 cluster with the streamed load
(the GeoPackage load is made to fail, so only the stream can have written the tables); then the published
download GeoPackage is loaded the old way (GDAL, ``PostgisPublication._translate`` + ``_finish_table``) into
a second schema and both are compared: columns with types, defaults and nullability, indexes, the fid
sequence, every row (all columns as text, geometry as EWKB). Failures: a chunk the database refuses fails
the run with the table named and leaves the last good publication online; a widened column; the
duplicate-key index stays compact."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import psycopg
import pyarrow as pa
import pytest
import shapely

from core.config import Settings, load_registry
from core.errors import PublicationError
from core.pg_load import hex_wkb
from core.store import get_store
from core.store_postgis import PostgisPublication, PostgisStore
from transforms import checks
from transforms.pipeline import run_dataset

from .conftest import ROOT, SCHEMAS
from .pgcluster import new_database, postgis_cluster

T1 = datetime(2026, 2, 1, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    with postgis_cluster() as server:
        yield server


@pytest.fixture
def db_url(pg_server: str) -> str:
    return new_database(pg_server, prefix="stream", postgis=True)


def rows(conn: psycopg.Connection[Any], q: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return conn.execute(q, args).fetchall()


def table_shape(conn: psycopg.Connection[Any], schema: str, table: str) -> dict[str, Any]:
    cols = rows(conn, "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                "pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = "
                "a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = %s::regclass AND a.attnum > 0 AND NOT "
                "a.attisdropped ORDER BY a.attnum", (f'"{schema}"."{table}"',))
    cols = [(n, t, nn, (d or "").replace(f'"{schema}".', "").replace(f"{schema}.", "")) for n, t, nn, d in cols]
    idx = sorted(str(d).replace(f'"{schema}".', "").replace(f"{schema}.", "") for (d,) in rows(
        conn, "SELECT indexdef FROM pg_indexes WHERE schemaname = %s AND tablename = %s", (schema, table)))
    seq = rows(conn, "SELECT last_value FROM pg_sequences WHERE schemaname = %s AND sequencename = %s",
               (schema, f"{table}_fid_seq"))
    geo = rows(conn, "SELECT type, srid, coord_dimension FROM geometry_columns WHERE f_table_schema = %s AND "
               "f_table_name = %s", (schema, table))
    stats = rows(conn, "SELECT count(*) FROM pg_stats WHERE schemaname = %s AND tablename = %s", (schema, table))
    return {"columns": cols, "indexes": idx, "sequence": seq, "geometry": geo, "analyzed": stats[0][0] > 0}


def table_rows(conn: psycopg.Connection[Any], schema: str, table: str) -> list[tuple[Any, ...]]:
    return rows(conn, f'SELECT t::text, ST_AsEWKB(geom) FROM "{schema}"."{table}" t ORDER BY fid')


def test_streamed_tables_equal_the_geopackage_load(db_url: str, tmp_path: Path, monkeypatch) -> None:
    """All bundled datasets (points, polygons, multi-polygons, several mappers): the streamed tables equal
    what GDAL loads from the published GeoPackage."""
    settings = Settings(var_dir=tmp_path / "var", store=db_url, schema_dir=SCHEMAS)
    store = get_store(settings)
    assert isinstance(store, PostgisStore)

    def no_gpkg_load(self: PostgisPublication, gpkg: Path) -> None:
        raise AssertionError("the GeoPackage was loaded: the tables should have been streamed")
    monkeypatch.setattr(PostgisPublication, "_load", no_gpkg_load)
    registry = load_registry(ROOT / "datasets")
    assert len(registry) >= 8
    compared = 0
    with psycopg.connect(db_url, autocommit=True) as conn:
        for ds_id, ds in sorted(registry.items()):
            res = run_dataset(ds, settings, validate=False, geojson=False, now=T1)
            assert res.status == "published", ds_id
            man = store.current(ds_id)
            assert man is not None
            gpkg = store.current_dir(ds_id) / f"{ds_id}.gpkg"  # type: ignore[operator]
            # the old way, into a schema of its own
            pub = PostgisPublication.__new__(PostgisPublication)
            pub.store, pub.schema = store, f"cmp_{ds_id}"[:63]
            conn.execute(f'CREATE SCHEMA "{pub.schema}"')
            pub._translate(gpkg)
            for coll in man["collections"]:
                table = coll["layer"]
                pub._finish_table(conn, gpkg, table, coll["count"])
                ours, gdal = table_shape(conn, f"ds_{ds_id}", table), table_shape(conn, pub.schema, table)
                assert ours == gdal, (ds_id, table)
                assert ours["analyzed"] and any("gist" in i for i in ours["indexes"])
                assert table_rows(conn, f"ds_{ds_id}", table) == table_rows(conn, pub.schema, table), (ds_id, table)
                compared += 1
    assert compared == 2 * len(registry)


def test_refused_chunk_fails_the_run_and_keeps_the_last_publication(db_url: str, tmp_path: Path) -> None:
    """A row the database refuses (here: a CHECK constraint the next version's staging table cannot meet is
    impossible to add in advance, so the COPY is made to fail by a trigger on the schema's tables) fails
    the run with the table named; the previous version stays current in the database and on disk."""
    from .helpers import TREES_YML, trees_dataset
    settings = Settings(var_dir=tmp_path / "var", store=db_url, schema_dir=SCHEMAS)
    lines = (TREES_YML.parent / "baumkataster_muenster.csv").read_text(encoding="latin-1").splitlines()
    csv = tmp_path / "baeume.csv"
    csv.write_text("\n".join(lines[:200]) + "\n", encoding="latin-1")
    ds = trees_dataset(tmp_path, source_file=csv)
    first = run_dataset(ds, settings, validate=False, geojson=False, now=T1)
    assert first.status == "published"
    with psycopg.connect(db_url, autocommit=True) as conn:
        before = rows(conn, "SELECT count(*) FROM ds_trees.trees_source")[0][0]
        # every table created from now on refuses rows: an event trigger adds a failing row trigger
        conn.execute("""
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
              $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
            CREATE FUNCTION add_refuse() RETURNS event_trigger LANGUAGE plpgsql AS $$
              DECLARE r record; BEGIN
                FOR r IN SELECT * FROM pg_event_trigger_ddl_commands() WHERE command_tag = 'CREATE TABLE' LOOP
                  EXECUTE format('CREATE TRIGGER refuse BEFORE INSERT ON %s FOR EACH ROW EXECUTE FUNCTION refuse()',
                                 r.object_identity);
                END LOOP; END $$;
            CREATE EVENT TRIGGER add_refuse ON ddl_command_end EXECUTE FUNCTION add_refuse();""")
        with pytest.raises(PublicationError) as err:
            run_dataset(ds, settings, validate=False, geojson=False, now=datetime(2026, 3, 1, tzinfo=UTC))
        msg = str(err.value)
        assert "refused by the test" in msg and ("trees_source" in msg or "speciesdistributionunit" in msg), msg
        conn.execute("DROP EVENT TRIGGER add_refuse")
        assert rows(conn, "SELECT count(*) FROM ds_trees.trees_source")[0][0] == before
        assert rows(conn, "SELECT version FROM gdi.publications WHERE is_current") == [(first.version,)]
        # the staging schema is gone
        assert rows(conn, "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'v\\_%%'")[0][0] == 0
    store = get_store(settings)
    cur = store.current("trees")
    assert cur is not None and cur["version"] == first.version


def test_widened_column_is_altered_like_the_geopackage(db_url: str, tmp_path: Path) -> None:
    """A column empty in the first chunk (Arrow null -> text) and numeric later ends as GDAL types the
    GeoPackage's unified column; int32 then int64 ends as bigint."""
    settings = Settings(var_dir=tmp_path / "var", store=db_url, schema_dir=SCHEMAS)
    store = get_store(settings)
    assert isinstance(store, PostgisStore)
    pub = store.begin("widen", "20260101T000000000000Z")
    sink = pub.layer_sink("layer")

    def chunk(n: int, late: Any, small: Any) -> pa.Table:
        g = gpd.GeoDataFrame({"late": late, "small": small, "name": [f"n{i}" for i in range(n)]},
                             geometry=[shapely.Point(565000 + i, 5776000) for i in range(n)], crs="EPSG:25832")
        return pa.table(g.to_arrow(geometry_encoding="WKB", index=False))
    sink.write(chunk(3, pa.nulls(3), pa.array([1, 2, 3], pa.int32())), {"Point"})
    sink.write(chunk(2, [1.5, None], pa.array([2**40, 5], pa.int64())), {"Point"})
    sink.finish("Point", 5)
    sink.wait()
    with psycopg.connect(store.url) as conn:
        shape = table_shape(conn, pub.schema, "layer")
        data = rows(conn, f'SELECT fid, late, small, name FROM "{pub.schema}".layer ORDER BY fid')
    types = {n: t for n, t, _, _ in shape["columns"]}
    assert types["late"] == "double precision" and types["small"] == "bigint" and types["fid"] == "bigint"
    assert data == [(1, None, 1, "n0"), (2, None, 2, "n1"), (3, None, 3, "n2"), (4, 1.5, 2**40, "n0"),
                    (5, None, 5, "n1")]
    pub.abort()


def test_hex_wkb_matches_shapely() -> None:
    geoms = np.array([shapely.Point(1, 2), None, shapely.box(0, 0, 3, 4), shapely.Point(5, 6)], dtype=object)
    wkb = pa.array(shapely.to_wkb(geoms), pa.binary())
    out = hex_wkb(wkb.slice(1)).to_pylist()
    assert out == [None if g is None else shapely.to_wkb(g, hex=True) for g in geoms[1:]]


def test_key_index_is_compact_and_reports_like_a_dict() -> None:
    """The duplicate-key check keeps ~20 bytes a key (no dict entry per record) and words duplicates as
    before: the key and the row of its first occurrence, across chunks."""
    seen = checks.KeyIndex()
    n, chunk = 200_000, 50_000
    for start in range(0, n, chunk):
        keys = [f"T{i:07d}" for i in range(start, start + chunk)]
        if start == 150_000:
            keys[7] = "T0000003"  # a key of the first chunk again
            keys[8] = keys[9] = "T1234567"  # twice within this chunk
        gdf = pd.DataFrame({"key": keys, "_row": [f"line {i + 2}" for i in range(start, start + chunk)],
                            "_issues": [[] for _ in range(chunk)]})
        checks.check_keys(gdf, "key", seen, "Baum-Nr")  # type: ignore[arg-type]
        notes = {i: v for i, v in enumerate(gdf["_issues"]) if v}
        if start == 150_000:
            assert notes == {7: ["rejected: duplicate key 'Baum-Nr' = 'T0000003' (first seen at line 5)"],
                             9: ["rejected: duplicate key 'Baum-Nr' = 'T1234567' (first seen at line 150010)"]}
        else:
            assert notes == {}
    assert len(seen) == n - 2
    assert seen.nbytes <= 24 * n, seen.nbytes
    assert sys.getsizeof(seen) < 1000


def unordered_rows(conn: psycopg.Connection[Any], schema: str, table: str) -> int:
    """Rows whose geometry sorts before the previous row's in physical (ctid) order."""
    row = conn.execute(f'SELECT count(*) FROM (SELECT geom < lag(geom) OVER (ORDER BY ctid) AS back '
                       f'FROM "{schema}"."{table}") s WHERE back').fetchone()
    assert row is not None
    return int(row[0])


def test_large_tables_are_stored_in_hilbert_order(db_url: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """From ``CLUSTER_MIN_ROWS`` rows on, a table's rows lie in the geometry sort order (PostGIS: a Hilbert
    curve), so a spatial query reads neighbouring pages; smaller tables keep the load order. The rows,
    the indexes and the fids are the same either way."""
    import core.store_postgis as sp
    settings = Settings(var_dir=tmp_path / "var", store=db_url, schema_dir=SCHEMAS)
    ds = load_registry(ROOT / "datasets")["trees"]
    with psycopg.connect(db_url, autocommit=True) as conn:
        run_dataset(ds, settings, validate=False, geojson=False, now=T1)  # 2,585 trees: below the limit
        before = {t: (table_shape(conn, "ds_trees", t), table_rows(conn, "ds_trees", t))
                  for t in ("speciesdistributionunit", "trees_source")}
        assert all(unordered_rows(conn, "ds_trees", t) > 100 for t in before)
        monkeypatch.setattr(sp, "CLUSTER_MIN_ROWS", 1000)
        run_dataset(ds, settings, validate=False, geojson=False, now=datetime(2026, 2, 2, 10, 0, tzinfo=UTC))
        for t, (shape, data) in before.items():
            assert unordered_rows(conn, "ds_trees", t) == 0, t
            assert table_shape(conn, "ds_trees", t) == shape, t  # no index left behind, same sequence
            assert table_rows(conn, "ds_trees", t) == data, t
