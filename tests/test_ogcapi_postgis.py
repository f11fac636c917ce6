"""/ogc on the PostGIS store: ``services.ogcapi.provider_pg.PostgisProvider`` answers every query as the
GeoPackage provider does.

A throw-away PostgreSQL 15 + PostGIS cluster (``tests/pgcluster.py``) gets the same data the GeoPackage
tests use: the grid of ``test_ogcapi_patches``, the mixed points/polygons with NULLs and ISO dates of
``test_unit_cql`` (also with the dates as ``timestamptz``), and the bundled trees dataset published by the
real ETL (gpkg mode) and copied with GDAL into schema ``ds_trees`` as the PostGIS store lays it out
(``fid`` bigint primary key, ``geom`` with a GiST index, EPSG:25832). The same queries run against both
providers (directly, as pygeoapi calls them, and end to end through a pygeoapi instance); ids, properties,
geometries and ``numberMatched`` must agree. Then what only PostGIS has: the count timeout, keyset pages
over sparse fids, a new version replacing a table.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import psycopg
import pyproj
import pytest
import shapely
from pygeoapi.api.itemtypes import create_crs_transform_spec
from pygeoapi.provider.base import ProviderInvalidQueryError

from core.store import LayerRef, pg_conninfo
from services.ogcapi.cql import parse_filter
from services.ogcapi.instance import build_pygeoapi
from services.ogcapi.provider import GpkgProvider
from services.ogcapi.provider_common import REQUEST_PARAMS
from services.ogcapi.provider_pg import PostgisProvider
from services.ogcapi.sqlfilter_pg import PgTableInfo, PgTranslator, like_pattern
from tests.pgcluster import new_database, postgis_cluster
from tests.test_ogcapi_patches import NAMES, POINTS
from tests.test_unit_cql import ROWS

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
EPSG = "http://www.opengis.net/def/crs/EPSG/0/"
CRS_LIST = [CRS84, f"{EPSG}25832", f"{EPSG}4258", f"{EPSG}3857"]
# the unit-test geometries of test_unit_cql, moved into the city (x10 m, EPSG:25832)
X0, Y0 = 405000.0, 5755000.0
TRIANGLE = [(404300.0, 5755000.0), (405200.0, 5755100.0), (404700.0, 5756000.0), (404300.0, 5755000.0)]


def _moved(wkt: str) -> Any:
    return shapely.transform(shapely.from_wkt(wkt), lambda xy: xy * 10 + np.array([X0, Y0]))


def polygon_wkt(coords_25832: list[tuple[float, float]], crs: str) -> str:
    """A polygon given in EPSG:25832 written in ``crs`` with that CRS's axis order (EPSG:4258: lat, lon)."""
    if crs == "25832":
        pts = coords_25832
    else:
        t = pyproj.Transformer.from_crs("EPSG:25832", "OGC:CRS84" if crs == "CRS84" else f"EPSG:{crs}")
        xs, ys = zip(*coords_25832, strict=True)
        pts = list(zip(*t.transform(xs, ys), strict=True))
    return "POLYGON((" + ", ".join(f"{a:.10f} {b:.10f}" for a, b in pts) + "))"


# --------------------------------------------------------------------------- the data in both stores

@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with postgis_cluster() as server:
        yield new_database(server, postgis=True)


def _copy(gpkg: Path, layer: str, url: str, schema: str) -> None:
    """A GeoPackage layer into PostGIS as the store keeps it (names and columns as in the GeoPackage)."""
    from osgeo import gdal
    gdal.UseExceptions()
    gdal.VectorTranslate(f"PG:{pg_conninfo(url)}", str(gpkg), format="PostgreSQL", layers=[layer],
                         layerCreationOptions=["GEOMETRY_NAME=geom", "FID=fid", "FID64=TRUE", f"SCHEMA={schema}",
                                               "LAUNDER=NO", "SPATIAL_INDEX=GIST"], options=["-preserve_fid"])


@pytest.fixture(scope="module")
def data(pg_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, dict]]:
    """collection -> {"gpkg": provider definition, "pg": provider definition}."""
    import geopandas as gpd

    from core.config import load_settings
    from transforms.pipeline import run_dataset

    from .conftest import SCHEMAS
    from .helpers import trees_dataset
    tmp = tmp_path_factory.mktemp("pgdata")
    grid = tmp / "grid.gpkg"
    gpd.GeoDataFrame({"name": NAMES, "height": [float(i) for i in range(len(POINTS))]},
                     geometry=[shapely.Point(p) for p in POINTS], crs="EPSG:25832").to_file(grid, layer="trees")
    mixed = tmp / "mixed.gpkg"
    gpd.GeoDataFrame({"species": [r[1] for r in ROWS], "height": [r[2] for r in ROWS],
                      "planted": [r[3] for r in ROWS], "name": [r[4] for r in ROWS]},
                     geometry=[_moved(r[5]) for r in ROWS], crs="EPSG:25832").to_file(mixed, layer="mixed")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GDI_VAR", str(tmp / "var"))
        mp.setenv("GDI_SCHEMAS", str(SCHEMAS))
        mp.setenv("GDI_STORE", "gpkg")
        settings = load_settings()
        res = run_dataset(trees_dataset(tmp / "trees"), settings, validate=False, geojson=False)
        assert res.summary["published"] == 2585
        trees = settings.publish_dir / "trees" / "current" / "trees.gpkg"
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute("CREATE SCHEMA ds_trees; CREATE SCHEMA ds_grid; CREATE SCHEMA ds_mixed")
    for layer in ("speciesdistributionunit", "trees_source"):
        _copy(trees, layer, pg_url, "ds_trees")
    _copy(grid, "trees", pg_url, "ds_grid")
    _copy(mixed, "mixed", pg_url, "ds_mixed")
    with psycopg.connect(pg_url, autocommit=True) as con:  # the dates as a typed column
        con.execute("SET TimeZone = 'UTC'")
        con.execute("CREATE TABLE ds_mixed.mixed_typed AS SELECT * FROM ds_mixed.mixed")
        con.execute("ALTER TABLE ds_mixed.mixed_typed ADD PRIMARY KEY (fid), "
                    "ALTER COLUMN planted TYPE timestamptz USING planted::timestamptz")
        con.execute("CREATE INDEX ON ds_mixed.mixed_typed USING gist (geom)")
    common = {"type": "feature", "storage_crs": f"{EPSG}25832", "crs": CRS_LIST}

    def pair(gpkg: Path, table: str, schema: str, id_field: str, pg_table: str | None = None) -> dict[str, dict]:
        return {"gpkg": {**common, "name": "services.ogcapi.provider.GpkgProvider", "data": str(gpkg),
                         "table": table, "id_field": id_field, "id_index_dir": str(tmp / "idindex")},
                "pg": {**common, "name": "services.ogcapi.provider_pg.PostgisProvider", "data": pg_url,
                       "schema": schema, "table": pg_table or table, "id_field": id_field, "geometry_field": "geom"}}
    return {"trees_source": pair(trees, "trees_source", "ds_trees", "key"),
            "sdu": pair(trees, "speciesdistributionunit", "ds_trees", "localId"),
            "grid": pair(grid, "trees", "ds_grid", "fid"),
            "mixed": pair(mixed, "mixed", "ds_mixed", "fid"),
            "mixed_typed": pair(mixed, "mixed", "ds_mixed", "fid", "mixed_typed")}


def ask(pdef: dict, params: dict[str, str]) -> dict:
    """One items request as pygeoapi hands it to the provider (raw parameters in REQUEST_PARAMS)."""
    REQUEST_PARAMS.set(params)
    try:
        prov = (PostgisProvider if pdef["name"].endswith("PostgisProvider") else GpkgProvider)(pdef)
        sortby = [{"property": s.lstrip("+-"), "order": "-" if s.startswith("-") else "+"}
                  for s in params.get("sortby", "").split(",") if s]
        return prov.query(
            offset=int(params.get("offset", 0)), limit=int(params.get("limit", 10)),
            resulttype=params.get("resulttype", "results"),
            bbox=[float(x) for x in params["bbox"].split(",")] if "bbox" in params else [],
            properties=[(k, v) for k, v in params.items() if k in prov.get_fields()], sortby=sortby,
            select_properties=params["properties"].split(",") if "properties" in params else [],
            skip_geometry=params.get("skipGeometry") == "true", q=params.get("q"),
            filterq=parse_filter(params["filter"], params.get("filter-lang")) if "filter" in params else None,
            crs_transform_spec=create_crs_transform_spec(pdef, params.get("crs")))
    finally:
        REQUEST_PARAMS.set({})


def assert_same_geometry(a: dict | None, b: dict | None, tol: float) -> None:
    if a is None or b is None:
        assert a is b
        return
    assert a["type"] == b["type"]
    fa = np.array(shapely.get_coordinates(shapely.geometry.shape(a)))
    fb = np.array(shapely.get_coordinates(shapely.geometry.shape(b)))
    assert fa.shape == fb.shape
    assert np.abs(fa - fb).max(initial=0) <= tol, (a, b)


def assert_same_answer(gp: dict, pg: dict, crs: str | None) -> None:
    assert gp.get("numberMatched") == pg.get("numberMatched")
    assert [f["id"] for f in gp["features"]] == [f["id"] for f in pg["features"]]
    assert [f["properties"] for f in gp["features"]] == [f["properties"] for f in pg["features"]]
    tol = 1e-7 if crs in (None, CRS84, f"{EPSG}4258") else 1e-3
    for fa, fb in zip(gp["features"], pg["features"], strict=True):
        assert_same_geometry(fa["geometry"], fb["geometry"], tol)
    assert gp["numberReturned"] == pg["numberReturned"] == len(gp["features"])


IN_4258 = polygon_wkt(TRIANGLE, "4258")
SPATIAL_JSON = json.dumps({"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [
    7.605, 51.936, 7.615, 51.944]}]})
QUERIES: list[tuple[str, dict[str, str]]] = [
    ("trees_source", {}),
    ("trees_source", {"limit": "1000"}),
    ("trees_source", {"filter": "species_german = 'Winter-Linde'", "limit": "50"}),
    ("trees_source", {"filter": "height_m > 10 AND planting_year < 1990", "limit": "30"}),
    ("trees_source", {"filter": "species_german LIKE 'Berg%'", "limit": "20"}),
    ("trees_source", {"filter": "species_german LIKE '%-Ahorn' AND NOT species_german LIKE 'S%'"}),
    ("trees_source", {"filter": "CASEI(species_german) LIKE CASEI('%AHORN%')", "limit": "20"}),
    ("trees_source", {"filter": "species_german ILIKE 'hain%'"}),
    ("trees_source", {"filter": "CASEI(species_german) = 'hainbuche'", "offset": "300"}),
    ("trees_source", {"filter": "species_german IN ('Stiel-Eiche', 'Feld-Ahorn')", "limit": "100"}),
    ("trees_source", {"filter": "species_german NOT IN ('Unbekannt') AND stem_count >= 2"}),
    ("trees_source", {"filter": "height_m BETWEEN 5 AND 8", "limit": "40"}),
    ("trees_source", {"filter": "crown_diameter_m IS NULL", "limit": "60"}),
    ("trees_source", {"filter": "planting_year IS NOT NULL AND district = '32'"}),  # number against text: as text
    ("trees_source", {"filter": "location_name > 'W' AND location_name < 'Z'", "sortby": "location_name"}),
    ("trees_source", {"filter": "height_m + 1 > 20"}),
    ("trees_source", {"filter": json.dumps({"op": "and", "args": [
        {"op": ">=", "args": [{"property": "stem_count"}, 2]},
        {"op": "like", "args": [{"property": "location_name"}, "%STRASSE%"]}]}), "filter-lang": "cql2-json"}),
    ("trees_source", {"filter": json.dumps({"op": "between", "args": [{"property": "height_m"}, [3, 4]]}),
                      "filter-lang": "cql2-json", "limit": "100"}),
    ("trees_source", {"filter": f"S_INTERSECTS(geom, {IN_4258})", "filter-crs": f"{EPSG}4258", "limit": "100"}),
    ("trees_source", {"filter": f"S_WITHIN(geometry, {polygon_wkt(TRIANGLE, 'CRS84')})", "offset": "200"}),
    ("trees_source", {"filter": f"S_DISJOINT(geom, {polygon_wkt(TRIANGLE, '25832')})",
                      "filter-crs": f"{EPSG}25832", "limit": "30"}),
    ("trees_source", {"filter": "S_INTERSECTS(geometry, BBOX(51.936, 7.605, 51.944, 7.615))",
                      "filter-crs": f"{EPSG}4258", "limit": "20"}),
    ("trees_source", {"filter": SPATIAL_JSON, "filter-lang": "cql2-json", "limit": "20", "crs": f"{EPSG}3857"}),
    ("trees_source", {"bbox": "7.605,51.936,7.615,51.944", "limit": "25"}),
    ("trees_source", {"bbox": "51.936,7.605,51.944,7.615", "bbox-crs": f"{EPSG}4258", "crs": f"{EPSG}4258"}),
    ("trees_source", {"bbox": "404300,5755000,405200,5756000", "bbox-crs": f"{EPSG}25832",
                      "filter": "height_m > 12", "limit": "100"}),
    ("trees_source", {"sortby": "-height_m,species_german", "limit": "30"}),
    ("trees_source", {"sortby": "crown_diameter_m", "limit": "70"}),      # NULLs first, as SQLite
    ("trees_source", {"sortby": "-crown_diameter_m", "offset": "2540", "limit": "50"}),
    ("trees_source", {"sortby": "species_german,-planting_year", "filter": "height_m < 3", "offset": "5"}),
    ("trees_source", {"properties": "species_german,height_m", "limit": "15"}),
    ("trees_source", {"skipGeometry": "true", "filter": "stem_count > 3"}),
    ("trees_source", {"crs": f"{EPSG}4258", "limit": "50"}),
    ("trees_source", {"crs": f"{EPSG}3857", "limit": "50", "offset": "600"}),
    ("trees_source", {"crs": f"{EPSG}25832", "limit": "50"}),
    ("trees_source", {"offset": "2578", "limit": "10"}),                 # deep page of the whole table
    ("trees_source", {"offset": "4000"}),                                # beyond the end
    ("trees_source", {"filter": "height_m > 3", "offset": "1900", "limit": "100"}),   # deep filtered page
    ("trees_source", {"filter": "height_m > 3", "offset": "1024", "limit": "3"}),
    ("trees_source", {"filter": "height_m > 3", "resulttype": "hits"}),
    ("trees_source", {"species_german": "Winter-Linde", "planting_year": "1990"}),
    ("trees_source", {"q": "linde,eiche", "limit": "100"}),
    ("sdu", {"filter": "beginLifespanVersion > TIMESTAMP('2020-01-01T00:00:00Z')", "limit": "5"}),
    ("sdu", {"filter": "T_BEFORE(beginLifespanVersion, DATE('2100-01-01'))", "offset": "2583"}),
    ("sdu", {"filter": "CASEI(localSpeciesName) LIKE 'linde%'", "crs": f"{EPSG}4258"}),
    ("sdu", {"filter": f"S_INTERSECTS(geom, {IN_4258}) AND populationSize = 1", "filter-crs": f"{EPSG}4258",
             "offset": "40", "limit": "40"}),
    ("grid", {"filter": "CASEI(name) = 'linde'", "limit": "100"}),
    ("grid", {"filter": "S_INTERSECTS(geometry, BBOX(405150, 5755050, 405350, 5755250))",
              "filter-crs": f"{EPSG}25832"}),
    ("grid", {"bbox": "405150,5755050,405350,5755250", "bbox-crs": f"{EPSG}25832", "sortby": "-name"}),
    *[("mixed", {"filter": f, "limit": "100"}) for f in [
        "species = 'Tilia cordata'", "species LIKE 'Tilia%'", "species LIKE 'tilia%'", "species ILIKE 'tilia%'",
        "CASEI(species) LIKE CASEI('TILIA%')", "name LIKE 'a*b'", "name LIKE 'a_b'", "name LIKE 'a\\_b'",
        "height > 10", "species IS NULL OR height IS NULL", "NOT (species = 'Tilia cordata')",
        "planted > DATE('2020-01-01')", "planted < DATE('2021-01-01')",
        "planted >= TIMESTAMP('2020-12-31T23:30:00Z')", "T_DURING(planted, INTERVAL('2019-01-01', '2020-12-31'))",
        "T_BEFORE(planted, DATE('2019-01-01'))", "height = 99999999999999999999999",
        "NOT S_INTERSECTS(geom, BBOX(7.6, 51.9, 7.7, 52.0))"]],
    ("mixed", {"filter": "NOT S_INTERSECTS(geom, BBOX(405000, 5755000, 405160, 5755160))",
               "filter-crs": f"{EPSG}25832"}),
    ("mixed", {"filter": f"S_INTERSECTS(geom, {polygon_wkt([(X0, Y0), (X0 + 600, Y0), (X0, Y0 + 600), (X0, Y0)], '25832')})",  # noqa: E501
               "filter-crs": f"{EPSG}25832"}),
    ("mixed", {"filter": f"S_WITHIN(geom, {polygon_wkt([(X0 - 10, Y0 - 10), (X0 + 310, Y0 - 10), (X0 + 310, Y0 + 310), (X0 - 10, Y0 + 310), (X0 - 10, Y0 - 10)], '4258')})",  # noqa: E501
               "filter-crs": f"{EPSG}4258"}),
    ("mixed", {"filter": f"S_CONTAINS(geom, POINT({X0 + 10} {Y0 + 10}))", "filter-crs": f"{EPSG}25832"}),
    ("mixed", {"sortby": "species", "crs": f"{EPSG}4258"}),
    ("mixed", {"sortby": "-species,-height"}),
    ("mixed", {"filter": f"S_TOUCHES(geom, {polygon_wkt([(X0 + 50, Y0), (X0 + 100, Y0), (X0 + 100, Y0 + 50), (X0 + 50, Y0 + 50), (X0 + 50, Y0)], '25832')})", "filter-crs": f"{EPSG}25832"}),  # noqa: E501
]


@pytest.mark.parametrize(("coll", "params"), QUERIES, ids=[f"{c}:{json.dumps(p)[:90]}" for c, p in QUERIES])
def test_same_answer_as_the_geopackage_provider(data: dict, coll: str, params: dict[str, str]) -> None:
    gp, pg = ask(data[coll]["gpkg"], params), ask(data[coll]["pg"], params)
    assert_same_answer(gp, pg, params.get("crs"))
    if "filter" in params and "resulttype" not in params and coll != "mixed":
        assert gp["numberMatched"] > 0, "the case must select something to be a test"


@pytest.mark.parametrize("flt", [
    "planted > DATE('2020-01-01')", "planted < DATE('2021-01-01')", "planted >= TIMESTAMP('2020-12-31T23:30:00Z')",
    "T_DURING(planted, INTERVAL('2019-01-01', '2020-12-31'))", "T_BEFORE(planted, DATE('2019-01-01'))",
    "T_AFTER(planted, TIMESTAMP('2020-01-01T00:00:00+01:00'))", "planted IS NULL",
])
def test_dates_in_a_timestamptz_column_compare_as_in_the_geopackage(data: dict, flt: str) -> None:
    """ISO text in the GeoPackage, ``timestamptz`` in PostGIS: the same features; dates come out as ISO text."""
    gp, pg = ask(data["mixed"]["gpkg"], {"filter": flt}), ask(data["mixed_typed"]["pg"], {"filter": flt})
    assert [f["id"] for f in gp["features"]] == [f["id"] for f in pg["features"]]
    assert gp["numberMatched"] == pg["numberMatched"]
    for a, b in zip(gp["features"], pg["features"], strict=True):
        x, y = a["properties"]["planted"], b["properties"]["planted"]
        assert (x is None and y is None) or _utc(x) == _utc(y)


def _utc(text: str) -> str:
    from datetime import UTC, datetime
    d = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (d.astimezone(UTC).replace(tzinfo=None) if d.tzinfo else d).isoformat()


def test_queryables_and_items_by_id_are_the_same(data: dict) -> None:
    for coll in ("trees_source", "sdu", "grid", "mixed"):
        g, p = GpkgProvider(data[coll]["gpkg"]), PostgisProvider(data[coll]["pg"])
        assert g.get_fields() == p.get_fields()
    assert PostgisProvider(data["mixed_typed"]["pg"]).get_fields()["planted"] == {"type": "string",
                                                                                  "format": "date-time"}
    some = ask(data["sdu"]["gpkg"], {"offset": "77", "limit": "1"})["features"][0]
    for kind in ("gpkg", "pg"):
        prov = (GpkgProvider if kind == "gpkg" else PostgisProvider)(data["sdu"][kind])
        assert prov.get(some["id"], crs_transform_spec=create_crs_transform_spec(data["sdu"][kind], None)) == some
        with pytest.raises(Exception, match="not found"):
            prov.get("no such id")
    grid = PostgisProvider(data["grid"]["pg"])
    assert grid.get("3")["id"] == 3
    with pytest.raises(Exception, match="not found"):
        grid.get("x")


@pytest.mark.parametrize(("params", "field"), [
    ({"filter": "nosuch = 1"}, "filter"),
    ({"filter": "height_m > 'tall'"}, "filter"),
    ({"filter": "planting_year < DATE('2000-01-01')"}, "filter"),   # a number is no date (OGC 21-065r2)
    ({"filter": "species_german = 5"}, "filter"),
    ({"filter": "species_german + 1 > 2"}, "filter"),
    ({"filter": "T_AFTER(height_m, DATE('2020-01-01'))"}, "filter"),
    ({"filter": "S_INTERSECTS(geom, POINT(100 7))", "filter-crs": f"{EPSG}4258"}, "filter"),  # latitude 100
    ({"height_m": "tall"}, "height_m"),
])
def test_bad_queries_are_400_naming_the_parameter(data: dict, params: dict[str, str], field: str) -> None:
    with pytest.raises(ProviderInvalidQueryError) as exc:
        ask(data["trees_source"]["pg"], params)
    assert f"field '{field}'" in str(exc.value.user_msg)


# --------------------------------------------------------------------------- the SQL itself

def test_values_are_bound_and_identifiers_quoted() -> None:
    info = PgTableInfo(table="t", geom="geom", srid=25832, kinds={"species": "text", 'we"ird': "integer"})
    where, params = PgTranslator(info).compile(parse_filter(
        '{"op": "and", "args": [{"op": "=", "args": [{"property": "species"}, "x\' OR \'1\'=\'1"]},'
        ' {"op": ">", "args": [{"property": "we\\"ird"}, 3]}]}'))
    assert where.as_string(None) == '(("species" = CAST(%(p0)s AS text)) AND ("we""ird" > %(p1)s))'
    assert params == {"p0": "x' OR '1'='1", "p1": 3}


@pytest.mark.parametrize(("kind", "flt", "sql"), [
    ("text", "planted = 'x'", '("planted" = CAST(%(p0)s AS text))'),
    ("text", "planted < 'x'", '(("planted" COLLATE "C") < CAST(%(p0)s AS text))'),   # bytewise, as SQLite
    ("textdate", "planted > DATE('2020-01-01')",
     '((CASE WHEN "planted" ~ %(iso_rx)s THEN CAST("planted" AS timestamptz) END) > CAST(%(p1)s AS timestamptz))'),
    ("date", "planted > DATE('2020-01-01')", '(CAST("planted" AS timestamptz) > CAST(%(p0)s AS timestamptz))'),
    ("timestamptz", "T_BEFORE(planted, TIMESTAMP('2020-01-01T10:00:00+01:00'))",
     '("planted" < CAST(%(p0)s AS timestamptz))'),
    ("integer", "planted IN (1, 2)", '("planted" IN (%(p0)s, %(p1)s))'),
    ("text", "CASEI(planted) LIKE CASEI('Ä\\_b%')",
     "(translate(\"planted\", %(fold_casei_from)s, %(fold_casei_to)s) LIKE %(p2)s ESCAPE '!')"),
    ("integer", "planted / 2 = 3.5",
     '((CAST("planted" AS double precision) / NULLIF(CAST(%(p0)s AS double precision), 0)) = %(p1)s)'),
    ("integer", "planted div 2 = 3",
     '(trunc(CAST("planted" AS double precision) / NULLIF(CAST(%(p0)s AS double precision), 0)) = %(p1)s)'),
    ("text", "S_INTERSECTS(geom, POINT(1 2))",
     '("geom" IS NOT NULL AND ST_Intersects("geom", ST_GeomFromWKB(%(p0)s, 25832)))'),
    ("text", "S_CONTAINS(POINT(1 2), geom)",
     '("geom" IS NOT NULL AND ST_Within("geom", ST_GeomFromWKB(%(p0)s, 25832)))'),
])
def test_sql_by_column_type(kind: str, flt: str, sql: str) -> None:
    info = PgTableInfo(table="t", geom="geom", srid=25832, kinds={"planted": kind})
    assert PgTranslator(info).compile(parse_filter(flt))[0].as_string(None) == sql


@pytest.mark.parametrize(("cql", "pg"), [
    ("Tili%", "Tili%"), ("T_lia", "T_lia"), ("a\\_b", "a!_b"), ("100\\%", "100!%"), ("a!b", "a!!b"),
    ("a\\\\b", "a\\b"), ("end\\", "end\\"), ("a*b?[c]", "a*b?[c]"),
])
def test_like_patterns(cql: str, pg: str) -> None:
    assert like_pattern(cql) == pg


# --------------------------------------------------------------------------- what only PostGIS has

@pytest.fixture(scope="module")
def big(pg_url: str) -> dict[str, Any]:
    """300,000 points with dense fids, and the trees with every third fid missing."""
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute("CREATE SCHEMA ds_big")
        con.execute("CREATE TABLE ds_big.big AS SELECT g::bigint AS fid, md5(g::text) AS name, "
                    "ST_SetSRID(ST_MakePoint(405000 + g % 1000, 5755000 + g / 1000), 25832)::geometry(Point, 25832) "
                    "AS geom FROM generate_series(1, 300000) g")
        con.execute("ALTER TABLE ds_big.big ADD PRIMARY KEY (fid)")
        con.execute("CREATE INDEX ON ds_big.big USING gist (geom)")
        con.execute("CREATE TABLE ds_big.sparse AS SELECT * FROM ds_trees.trees_source WHERE fid % 3 <> 0")
        con.execute("ALTER TABLE ds_big.sparse ADD PRIMARY KEY (fid)")
        con.execute("ANALYZE ds_big.big")
    return {"type": "feature", "name": "services.ogcapi.provider_pg.PostgisProvider", "data": pg_url,
            "schema": "ds_big", "table": "big", "id_field": "fid", "storage_crs": f"{EPSG}25832", "crs": CRS_LIST}


def test_number_matched_is_left_out_when_counting_takes_too_long(big: dict) -> None:
    slow = {**big, "options": {"count_timeout_ms": 1}}
    doc = ask(slow, {"filter": "name LIKE '%abc%'", "limit": "5"})
    assert "numberMatched" not in doc
    assert doc["numberReturned"] == 5 and all("abc" in f["properties"]["name"] for f in doc["features"])
    assert "numberMatched" not in ask(slow, {"filter": "name LIKE '%abc%'", "offset": "5"})  # remembered
    # the unfiltered count is known once per table version, whatever the timeout
    assert ask(slow, {"limit": "1"})["numberMatched"] == 300000
    with psycopg.connect(big["data"]) as con:
        row = con.execute("SELECT count(*) FROM ds_big.big WHERE name LIKE '%abc%'").fetchone()
    assert row is not None
    assert ask(big, {"filter": "name LIKE '%abc%'", "resulttype": "hits"})["numberMatched"] == row[0]


@pytest.mark.parametrize(("table", "params", "sql"), [
    ("big", {"filter": "name LIKE 'a%'", "offset": "15000", "limit": "20"},
     "SELECT fid FROM ds_big.big WHERE name LIKE 'a%%' ORDER BY fid OFFSET 15000 LIMIT 20"),
    ("big", {"filter": "name LIKE 'a%'", "offset": "511", "limit": "3"},
     "SELECT fid FROM ds_big.big WHERE name LIKE 'a%%' ORDER BY fid OFFSET 511 LIMIT 3"),
    ("big", {"offset": "299990", "limit": "20"}, "SELECT fid FROM ds_big.big ORDER BY fid OFFSET 299990 LIMIT 20"),
    ("sparse", {"offset": "1500", "limit": "30"}, "SELECT fid FROM ds_big.sparse ORDER BY fid OFFSET 1500 LIMIT 30"),
    ("sparse", {"offset": "1700", "limit": "30"}, "SELECT fid FROM ds_big.sparse ORDER BY fid OFFSET 1700 LIMIT 30"),
])
@pytest.mark.parametrize("id_list_max", [50_000, 100, 0])
def test_keyset_pages(big: dict, table: str, params: dict[str, str], sql: str, id_list_max: int) -> None:
    """The same pages from the kept id list (18,750 rows match 'a%'), from keyset checkpoints when more
    rows match than an id list may hold (100), and with id lists off (0)."""
    with psycopg.connect(big["data"]) as con:
        want = [r[0] for r in con.execute(sql)]
        n = con.execute(f"SELECT count(*) FROM ({sql.split(' ORDER BY')[0]}) s").fetchone()
    assert want and n is not None
    doc = ask({**big, "table": table, "options": {"id_list_max": id_list_max}}, params)
    assert [f["id"] for f in doc["features"]] == want
    assert doc["numberMatched"] == n[0]


def test_a_new_version_replaces_the_table(pg_url: str) -> None:
    """The store renames schemas at a publication: counts and caches follow the new table (new OID)."""
    def version(schema: str, n: int) -> str:
        return (f"CREATE SCHEMA {schema}; CREATE TABLE {schema}.t AS SELECT g::bigint AS fid, g AS n, "
                f"ST_SetSRID(ST_MakePoint(405000 + g, 5755000), 25832)::geometry(Point, 25832) AS geom "
                f"FROM generate_series(1, {n}) g; ALTER TABLE {schema}.t ADD PRIMARY KEY (fid)")
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute(version("ds_ver", 10))
    pdef = {"type": "feature", "name": "PostgisProvider", "data": pg_url, "schema": "ds_ver", "table": "t",
            "id_field": "fid", "storage_crs": f"{EPSG}25832", "crs": CRS_LIST}
    before = PostgisProvider(pdef)
    assert ask(pdef, {})["numberMatched"] == 10 and ask(pdef, {"filter": "n > 5"})["numberMatched"] == 5
    with psycopg.connect(pg_url) as con:   # one transaction, as the store publishes
        con.execute(version("ds_ver_new", 20))
        con.execute("ALTER SCHEMA ds_ver RENAME TO ds_ver_old; ALTER SCHEMA ds_ver_new RENAME TO ds_ver; "
                    "DROP SCHEMA ds_ver_old CASCADE")
    assert ask(pdef, {})["numberMatched"] == 20 and ask(pdef, {"filter": "n > 5"})["numberMatched"] == 15
    REQUEST_PARAMS.set({})
    assert before.query(limit=100, filterq=parse_filter("n > 5"))["numberMatched"] == 15


def test_features_without_geometry_match_no_spatial_predicate(data: dict, pg_url: str) -> None:
    """As in the GeoPackage provider: a NULL geometry is never inside, so ``NOT S_INTERSECTS`` selects it."""
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute("CREATE TABLE ds_mixed.nullgeom AS SELECT * FROM ds_mixed.mixed")
        con.execute("INSERT INTO ds_mixed.nullgeom (fid, species, name, geom) VALUES (7, 'Tilia', 'x', NULL)")
        con.execute("ALTER TABLE ds_mixed.nullgeom ADD PRIMARY KEY (fid)")
    pdef = {**data["mixed"]["pg"], "table": "nullgeom"}
    box = {"filter-crs": f"{EPSG}25832"}
    inside = ask(pdef, {**box, "filter": "S_INTERSECTS(geom, BBOX(405000, 5755000, 405160, 5755160))"})
    outside = ask(pdef, {**box, "filter": "NOT S_INTERSECTS(geom, BBOX(405000, 5755000, 405160, 5755160))"})
    assert [f["id"] for f in inside["features"]] == [1, 2, 5]
    assert [f["id"] for f in outside["features"]] == [3, 4, 6, 7]
    assert outside["features"][-1]["geometry"] is None


def test_a_lost_connection_is_reopened(data: dict, pg_url: str) -> None:
    pdef = data["grid"]["pg"]
    assert ask(pdef, {})["numberMatched"] == len(POINTS)   # this thread's connection is open
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'gdi-ogcapi'")
    assert ask(pdef, {"filter": "CASEI(name) = 'linde'"})["numberMatched"] == sum(n.lower() == "linde" for n in NAMES)


# --------------------------------------------------------------------------- end to end through pygeoapi

def _config(data: dict) -> dict:
    def resource(pdef: dict) -> dict:
        return {"type": "collection", "title": "t", "description": "t", "keywords": ["test"], "links": [],
                "extents": {"spatial": {"bbox": [7.6, 51.9, 7.7, 52.0], "crs": CRS84}}, "providers": [pdef]}
    return {
        "server": {"bind": {"host": "127.0.0.1", "port": 5000}, "url": "http://127.0.0.1:5000/ogc",
                   "mimetype": "application/json; charset=UTF-8", "encoding": "utf-8", "gzip": False,
                   "languages": ["de-DE", "en-US"], "cors": True, "pretty_print": False,
                   "limits": {"default_items": 10, "max_items": 1000},
                   "map": {"url": "https://example.invalid/{z}/{x}/{y}.png", "attribution": "test"}},
        "logging": {"level": "ERROR"},
        "metadata": {"identification": {"title": "t", "description": "d", "keywords": ["k"],
                                        "keywords_type": "theme", "terms_of_service": "x", "url": "x"},
                     "license": {"name": "l", "url": "x"}, "provider": {"name": "p", "url": "x"},
                     "contact": {"name": "c"}},
        "resources": {f"{c}_{k}": resource(data[c][k]) for c in ("sdu", "trees_source") for k in ("gpkg", "pg")},
    }


@pytest.fixture(scope="module")
def api(data: dict) -> Any:
    return build_pygeoapi(_config(data), {}, "postgis_test")


def request(api: Any, coll: str, params: dict[str, str], body: dict | None = None) -> tuple[int, dict, Any]:
    REQUEST_PARAMS.set(params)   # what the dispatcher hands the provider
    try:
        client = api.app.test_client()
        if body is not None:
            r = client.post(f"/collections/{coll}/items", query_string={"f": "json", **params},
                            data=json.dumps(body), content_type="application/query-cql-json")
        else:
            r = client.get(f"/collections/{coll}/items", query_string={"f": "json", **params})
    finally:
        REQUEST_PARAMS.set({})
    return r.status_code, r.get_json(), r.headers


@pytest.mark.parametrize(("coll", "params", "body"), [
    ("trees_source", {"filter": "CASEI(species_german) LIKE 'winter%'", "limit": "7"}, None),
    ("trees_source", {"filter": f"S_INTERSECTS(geometry, {IN_4258})", "filter-crs": f"{EPSG}4258",
                      "crs": f"{EPSG}4258", "limit": "50"}, None),
    ("trees_source", {"bbox": "51.936,7.605,51.944,7.615", "bbox-crs": f"{EPSG}4258", "sortby": "-height_m"}, None),
    ("trees_source", {"filter": "height_m > 3", "offset": "1990", "limit": "20"}, None),
    ("trees_source", {"species_german": "Hainbuche", "properties": "height_m", "limit": "5"}, None),
    ("sdu", {"limit": "3"}, {"op": "and", "args": [
        {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [7.605, 51.936, 7.615, 51.944]}]},
        {"op": "like", "args": [{"property": "localSpeciesName"}, "%Ahorn%"]}]}),
])
def test_pygeoapi_serves_the_same_items_from_postgis(api: Any, coll: str, params: dict, body: dict | None) -> None:
    s1, gp, h1 = request(api, f"{coll}_gpkg", params, body)
    s2, pg, h2 = request(api, f"{coll}_pg", params, body)
    assert s1 == s2 == 200, (gp, pg)
    assert pg["numberMatched"] > len(pg["features"]) > 0
    assert_same_answer(gp, pg, params.get("crs"))
    assert h1.get("Content-Crs") == h2.get("Content-Crs")
    nxt = [link["href"] for link in pg["links"] if link["rel"] == "next"]
    assert nxt and ("filter=" in nxt[0]) == ("filter" in params)


def test_pygeoapi_queryables_item_and_errors(api: Any) -> None:
    client = api.app.test_client()
    q = {k: client.get(f"/collections/sdu_{k}/queryables?f=json").get_json()["properties"] for k in ("gpkg", "pg")}
    assert q["gpkg"] == q["pg"] and q["pg"]["populationSize"]["type"] == "integer"
    first = request(api, "sdu_gpkg", {"limit": "1"})[1]["features"][0]
    REQUEST_PARAMS.set({})
    item = client.get(f"/collections/sdu_pg/items/{first['id']}?f=json").get_json()
    assert item["id"] == first["id"] and item["properties"] == first["properties"]
    status, doc, _ = request(api, "trees_source_pg", {"filter": "nosuch = 1"})
    assert status == 400 and "nosuch" in doc["description"]
    status, doc, _ = request(api, "trees_source_pg", {"resulttype": "hits", "filter": "height_m > 3"})
    assert status == 200 and doc["numberMatched"] == request(api, "trees_source_gpkg", {
        "resulttype": "hits", "filter": "height_m > 3"})[1]["numberMatched"]


def test_config_emits_the_postgis_provider_for_a_postgis_layer(data: dict, monkeypatch: pytest.MonkeyPatch,
                                                                tmp_path: Path) -> None:
    from core.config import load_settings
    from services.ogcapi import config
    from tests.helpers import trees_dataset
    pg = data["trees_source"]["pg"]
    gpkg = Path(data["trees_source"]["gpkg"]["data"])
    monkeypatch.setenv("GDI_VAR", str(gpkg.parent.parent.parent.parent))
    settings = load_settings()

    class FakeStore:
        def layer(self, ds_id: str, collection: str, version: str | None = None) -> LayerRef:
            return LayerRef("postgis", ds_id, "v1", collection, dsn=pg["data"], schema="ds_trees")
    monkeypatch.setattr(config, "get_store", lambda s: FakeStore())
    ds = trees_dataset(tmp_path)
    manifest = json.loads((gpkg.parent / "manifest.json").read_text())
    for coll, id_field in (("trees_source", "key"), ("speciesdistributionunit", "localId")):
        res = config._resource(ds, manifest, {"id": coll, "layer": coll, "view": "source"}, settings)
        prov = res["providers"][0]
        assert {k: prov[k] for k in ("name", "data", "schema", "table", "id_field", "geometry_field")} == {
            "name": config.PG_PROVIDER, "data": pg["data"], "schema": "ds_trees", "table": coll,
            "id_field": id_field, "geometry_field": "geom"}
        assert prov["storage_crs"] == config.STORAGE_CRS and prov["crs"] == config.CRS_LIST
        gpkg_link = next(link for link in res["links"] if link["type"] == "application/geopackage+sqlite3")
        assert gpkg_link["length"] == gpkg.stat().st_size  # downloads stay files on disk
        assert isinstance(PostgisProvider({**prov, "title_field": None}).get_fields(), dict)
