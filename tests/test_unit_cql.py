"""Unit tests (no demo run) of the CQL2 filter: CQL2 text and CQL2 JSON -> pygeofilter AST
(``services/ogcapi/cql.py``) -> parameterised SQLite WHERE clause (``services/ogcapi/sqlfilter.py``).

The SQL is checked as text (tables of filter -> SQL + parameters) and by running it on a small SQLite table
with a real R-tree, against the answer computed directly with shapely; bad filters raise a 400 error that
names the ``filter`` parameter.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import shapely
from shapely.geometry import Point, Polygon, box

from services.errors import RequestError, http_status, ogc_code
from services.ogcapi.cql import FilterError, parse_filter
from services.ogcapi.sqlfilter import Compiled, TableInfo, Translator, envelope, q, register_functions

FIELDS = {"species": {"type": "string"}, "height": {"type": "number"},
          "planted": {"type": "string", "format": "date-time"}, "name": {"type": "string"}}


def info(rtree: str | None = "rtree_trees_geom") -> TableInfo:
    return TableInfo(table="trees", geom="geom", rtree=rtree, point_only=False, fields=dict(FIELDS),
                     temporal={"planted"})


def compile_filter(text: str, lang: str | None = None, *, rtree: str | None = "rtree_trees_geom",
                   transform: Callable[[Any], Any] | None = None) -> Compiled:
    return Translator(info(rtree), transform).compile(parse_filter(text, lang))


# --------------------------------------------------------------------------- filter -> SQL

@pytest.mark.parametrize(("text", "sql", "params"), [
    ("species = 'Tilia cordata'", '("species" = ?)', ["Tilia cordata"]),
    ("height > 10 AND species <> 'x'", '(("height" > ?) AND ("species" <> ?))', [10, "x"]),
    ("height < 3 OR height >= 30", '(("height" < ?) OR ("height" >= ?))', [3, 30]),
    ("NOT (height <= 3)", '(NOT ("height" <= ?))', [3]),
    ("height BETWEEN 5 AND 10", '("height" BETWEEN ? AND ?)', [5, 10]),
    ("height NOT BETWEEN 5 AND 10", '(NOT ("height" BETWEEN ? AND ?))', [5, 10]),
    ("species IN ('a', 'b')", '("species" IN (?, ?))', ["a", "b"]),
    ("species NOT IN ('a')", '("species" NOT IN (?))', ["a"]),
    ("species IS NULL", '("species" IS NULL)', []),
    ("species IS NOT NULL", '("species" IS NOT NULL)', []),
    ("species LIKE 'Tili%'", '("species" GLOB ?)', ["Tili*"]),
    ("species LIKE 'T_lia'", '("species" GLOB ?)', ["T?lia"]),
    ("species NOT LIKE 'a%'", '(NOT ("species" GLOB ?))', ["a*"]),
    ("species LIKE 'a\\_b*c?[d]'", '("species" GLOB ?)', ["a_b[*]c[?][[]d[]]"]),  # literal glob specials
    ("species ILIKE 'TI%'", '(gdi_fold(\'casei\', "species") GLOB ?)', ["ti*"]),
    ("CASEI(name) = CASEI('ÖLWEIDE')", '(gdi_fold(\'casei\', "name") = ?)', ["ölweide"]),
    ("ACCENTI(name) = ACCENTI('Ölweide')", '(gdi_fold(\'accenti\', "name") = ?)', ["Olweide"]),
    ("CASEI(species) LIKE CASEI('ÖL%')", '(gdi_fold(\'casei\', "species") GLOB ?)', ["öl*"]),
    ("upper(name) = 'ABC'", '(gdi_fold(\'upper\', "name") = ?)', ["ABC"]),
    ("height + 1 > 3", '(("height" + ?) > ?)', [1, 3]),
    ("height / 2 = 3.5", '((CAST("height" AS REAL) / ?) = ?)', [2, 3.5]),          # '/' is real division
    ("height div 2 = 3", '(CAST(CAST("height" AS REAL) / ? AS INTEGER) = ?)', [2, 3]),  # 'div': integer division
    ("name = 'Rotdorn ''Paul''s Scarlet'''", '("name" = ?)', ["Rotdorn 'Paul's Scarlet'"]),  # doubled quotes
    ("name = species", '("name" = "species")', []),
    ("height = 1 OR height = 2 AND name = 'x'", '(("height" = ?) OR (("height" = ?) AND ("name" = ?)))',
     [1, 2, "x"]),                                                                   # AND binds tighter
    ("planted > '2020-01-01'", '(julianday("planted") > julianday(?))', ["2020-01-01"]),  # ISO text vs date
    ("height = 99999999999999999999999", '("height" = ?)', [1e23]),  # beyond SQLite's 64-bit integers
    ("INCLUDE", "(1 = 1)", []),
    ("EXCLUDE", "(1 = 0)", []),
    # temporal: julianday() compares ISO strings with offsets correctly; literals are normalised to UTC
    ("planted > DATE('2020-01-01')", '(julianday("planted") > julianday(?))', ["2020-01-01"]),
    ("planted > TIMESTAMP('2020-01-01T12:00:00+02:00')", '(julianday("planted") > julianday(?))',
     ["2020-01-01T10:00:00.000000"]),
    ("T_AFTER(planted, TIMESTAMP('2020-01-01T00:00:00Z'))", '(julianday("planted") > julianday(?))',
     ["2020-01-01T00:00:00.000000"]),
    ("T_BEFORE(planted, DATE('2020-01-01'))", '(julianday("planted") < julianday(?))', ["2020-01-01"]),
    ("T_DURING(planted, INTERVAL('2020-01-01', '2021-01-01'))",
     '((julianday("planted") > julianday(?)) AND (julianday("planted") < julianday(?)))',
     ["2020-01-01", "2021-01-01"]),
    ("T_INTERSECTS(planted, INTERVAL('2020-01-01', '..'))", '(NOT (julianday("planted") < julianday(?)))',
     ["2020-01-01"]),
])
def test_cql2_text_to_sql(text: str, sql: str, params: list[Any]) -> None:
    c = compile_filter(text)
    assert (c.sql, c.params, c.spatial) == (sql, params, [])


@pytest.mark.parametrize(("doc", "sql", "params"), [
    ('{"op": "=", "args": [{"property": "species"}, "Tilia"]}', '("species" = ?)', ["Tilia"]),
    ('{"op": "and", "args": [{"op": ">", "args": [{"property": "height"}, 5]},'
     ' {"op": "like", "args": [{"property": "name"}, "A%"]}]}', '(("height" > ?) AND ("name" GLOB ?))', [5, "A*"]),
    ('{"op": "or", "args": [{"op": "<", "args": [{"property": "height"}, 1]},'
     ' {"op": "<", "args": [{"property": "height"}, 2]}, {"op": "<", "args": [{"property": "height"}, 3]}]}',
     '((("height" < ?) OR ("height" < ?)) OR ("height" < ?))', [1, 2, 3]),
    ('{"op": "not", "args": [{"op": "isNull", "args": [{"property": "species"}]}]}',
     '(NOT ("species" IS NULL))', []),
    ('{"op": "between", "args": [{"property": "height"}, 1, 2]}', '("height" BETWEEN ? AND ?)', [1, 2]),
    ('{"op": "between", "args": [{"property": "height"}, [1, 2]]}', '("height" BETWEEN ? AND ?)', [1, 2]),
    ('{"op": "in", "args": [{"property": "species"}, ["a", "b"]]}', '("species" IN (?, ?))', ["a", "b"]),
    ('{"op": "=", "args": [{"op": "casei", "args": [{"property": "name"}]}, {"op": "casei", "args": ["ÄBC"]}]}',
     '(gdi_fold(\'casei\', "name") = ?)', ["äbc"]),
    ('{"op": "=", "args": [{"op": "/", "args": [{"property": "height"}, 2]}, 3.5]}',
     '((CAST("height" AS REAL) / ?) = ?)', [2, 3.5]),
    ('{"op": "=", "args": [{"op": "div", "args": [{"property": "height"}, 2]}, 3]}',
     '(CAST(CAST("height" AS REAL) / ? AS INTEGER) = ?)', [2, 3]),
    ('{"op": "=", "args": [{"property": "planted"}, {"date": "2020-01-01"}]}',
     '(julianday("planted") = julianday(?))', ["2020-01-01"]),
    ('{"op": "t_after", "args": [{"property": "planted"}, {"timestamp": "2020-01-01T00:00:00+01:00"}]}',
     '(julianday("planted") > julianday(?))', ["2019-12-31T23:00:00.000000"]),
    ('{"op": "t_during", "args": [{"property": "planted"}, {"interval": ["2020-01-01", ".."]}]}',
     '(julianday("planted") > julianday(?))', ["2020-01-01"]),
])
def test_cql2_json_to_sql(doc: str, sql: str, params: list[Any]) -> None:
    for lang in (None, "cql2-json"):
        c = compile_filter(doc, lang)
        assert (c.sql, c.params, c.spatial) == (sql, params, [])


@pytest.mark.parametrize("value", ["a\"; DROP TABLE trees; --", "x' OR '1'='1", "%'; --", "\\\x00"])
def test_literals_only_ever_travel_as_parameters(value: str) -> None:
    import json
    c = compile_filter(json.dumps({"op": "=", "args": [{"property": "species"}, value]}))
    assert c.sql == '("species" = ?)' and c.params == [value]


def test_identifiers_are_quoted() -> None:
    assert q("species") == '"species"'
    assert q('we"ird') == '"we""ird"'


# --------------------------------------------------------------------------- errors name the parameter

@pytest.mark.parametrize(("text", "lang", "message"), [
    ("", None, "empty filter"),
    ("   ", None, "empty filter"),
    ("nosuch = 1", None, "unknown property 'nosuch' (queryables: height, name, planted, species)"),
    ("species = ", None, "filter is not valid CQL2 text"),
    ("species = 'x'; DROP TABLE trees", None, "filter is not valid CQL2 text"),
    ("species = 'x'", "cql2-json", "filter is not valid JSON"),
    ('{"op": "=", "args": [{"property": "species"}, "x"]}', "cql2-text", "filter is not valid CQL2 text"),
    ("{not json", None, "filter is not valid JSON"),
    ('{"args": []}', None, "CQL2 JSON expression needs 'op' and 'args'"),
    ('{"op": "and", "args": "x"}', None, "'args' must be a list"),
    ('{"op": "xor", "args": []}', None, "operator 'xor' is not supported"),
    ('{"op": "and", "args": [{"op": "=", "args": [{"property": "height"}, 1]}]}', None,
     "'and' needs at least two arguments"),
    ('{"op": "=", "args": [{"property": "height"}]}', None, "wrong arguments for '='"),
    ('{"op": "=", "args": [{"property": "species"}, {"weird": 1}]}', None, "unknown CQL2 JSON value"),
    ('{"op": "=", "args": [{"property": "planted"}, {"timestamp": "nonsense"}]}', None,
     "not a valid date/timestamp"),
    ('{"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [1, 2, 3]}]}', None,
     "bbox needs 4 or 6 numbers"),
    ("T_AFTER(planted, 'yesterday')", None, "T_AFTER needs a TIMESTAMP, DATE or INTERVAL"),
    ("T_AFTER(planted, DATE('2020-01-01')", None, "unbalanced parentheses"),
    ("T_MEETS(planted, INTERVAL('2020-01-01', '2021-01-01'))", None, "T_MEETS is not supported for intervals"),
    ("T_AFTER(planted)", None, "T_AFTER needs two arguments"),
    ("T_DURING(planted, INTERVAL('2020-01-01'))", None, "INTERVAL needs two bounds"),
    ("foo(species) = 'A'", None, "function 'foo' is not supported"),
    ("S_INTERSECTS(height, BBOX(1, 2, 3, 4))", None, "spatial predicates need the geometry property"),
    # a type mismatch names the property and both types (OGC 21-065r2: operands of one type)
    ("height = 'abc'", None, "type mismatch: property 'height' is a number, 'abc' is a string"),
    ("'abc' = height", None, "type mismatch: property 'height' is a number, 'abc' is a string"),
    ("species = 5", None, "type mismatch: property 'species' is a string, 5 is a number"),
    ("height < DATE('2000-01-01')", None, "type mismatch: property 'height' is a number, 2000-01-01 is a date"),
    ("height = TRUE", None, "type mismatch: property 'height' is a number, True is a boolean"),
    ("name = planted", None, "type mismatch: property 'name' is a string, property 'planted' is a timestamp"),
    ("species IN ('a', 1)", None, "type mismatch: property 'species' is a string, 1 is a number"),
    ("height BETWEEN 'a' AND 'b'", None, "type mismatch: property 'height' is a number, 'a' is a string"),
    ("CASEI(height) = 'a'", None, "CASEI needs a string, property 'height' is a number"),
    ("height LIKE '1%'", None, "LIKE needs a string, property 'height' is a number"),
    ("species / 2 = 1", None, "'/' needs numbers, property 'species' is a string"),
    ("height % 2 = 1", None, "the arithmetic operator '%' is not supported"),
    ("planted > DATE('2020-13-01')", None, "not a valid DATE"),
    ("planted > TIMESTAMP('yesterday')", None, "TIMESTAMP literal must be"),
])
def test_bad_filters_are_request_errors_naming_the_parameter(text: str, lang: str | None, message: str) -> None:
    with pytest.raises(FilterError) as exc:
        compile_filter(text, lang)
    err = exc.value
    assert isinstance(err, RequestError)
    assert err.field == "filter"
    assert message in err.bare_message
    assert str(err).startswith("field 'filter'")
    assert (http_status(err), ogc_code(err)) == (400, "InvalidParameterValue")


def test_a_geometry_that_cannot_be_transformed_to_the_storage_crs_is_refused() -> None:
    with pytest.raises(FilterError, match="filter-crs"):
        compile_filter("S_INTERSECTS(geom, POINT(1 2))", transform=lambda g: Point(float("inf"), 0))


# --------------------------------------------------------------------------- spatial SQL

def test_spatial_filter_uses_the_rtree_then_the_exact_test() -> None:
    c = compile_filter("S_INTERSECTS(geom, POINT(1 2))")
    assert c.sql == ('(fid IN (SELECT id FROM "rtree_trees_geom" WHERE minx <= ? AND maxx >= ? AND miny <= ? '
                     'AND maxy >= ?) AND gdi_spatial(0, "geom"))')
    assert c.params == [1.0, 1.0, 2.0, 2.0]
    assert [(n, g.wkt) for n, g in c.spatial] == [("intersects", "POINT (1 2)")]


@pytest.mark.parametrize(("text", "lang"), [
    ("S_INTERSECTS(geom, BBOX(1, 2, 3, 4))", None),
    ("S_INTERSECTS(BBOX(1, 2, 3, 4), geometry)", None),  # either argument order
    ("S_INTERSECTS(geom, BBOX(1, 2, 0, 3, 4, 10))", None),  # 6 numbers: heights dropped
    ('{"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [1, 2, 3, 4]}]}', None),
    ('{"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [1, 2, 0, 3, 4, 10]}]}', None),
])
def test_bbox_in_text_and_json_is_the_same_box(text: str, lang: str | None) -> None:
    c = compile_filter(text, lang)
    assert [(n, g.normalize().wkt) for n, g in c.spatial] == [("intersects", box(1, 2, 3, 4).normalize().wkt)]
    assert c.params[:4] == [3.0, 1.0, 4.0, 2.0]  # envelope prefilter: minx <= maxX, maxx >= minX, ...


def test_disjoint_and_tables_without_rtree_use_the_exact_test_only() -> None:
    assert compile_filter("S_DISJOINT(geom, BBOX(1, 2, 3, 4))").sql == '(gdi_spatial(0, "geom"))'
    c = compile_filter("S_INTERSECTS(geom, BBOX(1, 2, 3, 4))", rtree=None)
    assert (c.sql, c.params) == ('(gdi_spatial(0, "geom"))', [])


def test_contains_with_the_literal_first_becomes_within() -> None:
    c = compile_filter("S_CONTAINS(POLYGON((0 0, 4 0, 4 4, 0 4, 0 0)), geom)")
    assert [n for n, _ in c.spatial] == ["within"]


def test_filter_geometry_is_transformed_to_the_storage_crs() -> None:
    c = compile_filter("S_INTERSECTS(geom, POINT(1 2))", transform=lambda g: shapely.transform(g, lambda a: a * 10))
    assert c.spatial[0][1].equals(Point(10, 20))
    assert c.params == [10.0, 10.0, 20.0, 20.0]


def test_envelope_of_degenerate_boxes_is_a_valid_geometry() -> None:
    assert envelope(3, 4, 1, 2).equals(box(1, 2, 3, 4))  # corners in any order
    assert envelope(1, 2, 1, 2).geom_type == "Point"
    assert envelope(1, 2, 1, 5).geom_type == "LineString"


# --------------------------------------------------------------------------- run it on SQLite

ROWS: list[tuple[int, str | None, float | None, str | None, str | None, str]] = [
    (1, "Tilia cordata", 12.0, "2019-05-01T10:00:00Z", "Linde am Markt", "POINT (10 10)"),
    (2, "Tilia platyphyllos", 25.5, "2020-06-01T08:00:00Z", "a*b", "POINT (15 15)"),
    (3, "Acer platanoides", 3.0, "2021-01-01T00:30:00+01:00", "axb", "POINT (50 50)"),
    (4, "Quercus robur", None, None, "Eiche", "POINT (20.5 20.5)"),
    (5, None, 30.0, "2020-01-01", "tilia", "POLYGON ((0 0, 5 0, 5 5, 0 5, 0 0))"),
    (6, "Tilia cordata", 8.0, "2018-01-01T00:00:00Z", "Linde", "POLYGON ((18 18, 30 18, 30 30, 18 30, 18 18))"),
]


@pytest.fixture
def db() -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(":memory:")
    register_functions(con)
    con.execute("CREATE TABLE trees (fid INTEGER PRIMARY KEY, species TEXT, height REAL, planted TEXT, name TEXT, "
                "geom TEXT)")
    try:
        con.execute("CREATE VIRTUAL TABLE rtree_trees_geom USING rtree(id, minx, maxx, miny, maxy)")
    except sqlite3.OperationalError as exc:  # GeoPackages need it too: a failure, not a skip
        pytest.fail(f"this SQLite has no R-tree module: {exc}")
    con.executemany("INSERT INTO trees VALUES (?, ?, ?, ?, ?, ?)", ROWS)
    for fid, *_, wkt in ROWS:
        x1, y1, x2, y2 = shapely.from_wkt(wkt).bounds
        con.execute("INSERT INTO rtree_trees_geom VALUES (?, ?, ?, ?, ?)", (fid, x1, x2, y1, y2))
    yield con
    con.close()


PRED = {"intersects": shapely.intersects, "disjoint": shapely.disjoint, "within": shapely.within,
        "contains": shapely.contains, "touches": shapely.touches, "crosses": shapely.crosses,
        "overlaps": shapely.overlaps, "equals": shapely.equals}


def select(con: sqlite3.Connection, text: str, lang: str | None = None) -> set[int]:
    c = compile_filter(text, lang)
    con.create_function("gdi_spatial", 2, lambda k, wkt: int(PRED[c.spatial[k][0]](shapely.from_wkt(wkt),
                                                                                   c.spatial[k][1])))
    return {r[0] for r in con.execute(f"SELECT fid FROM trees WHERE {c.sql}", c.params)}


@pytest.mark.parametrize(("text", "fids"), [
    ("species = 'Tilia cordata'", {1, 6}),
    ("species LIKE 'Tilia%'", {1, 2, 6}),
    ("species LIKE 'tilia%'", set()),                    # LIKE is case-sensitive in CQL2
    ("species ILIKE 'tilia%'", {1, 2, 6}),
    ("CASEI(species) = CASEI('TILIA CORDATA')", {1, 6}),
    ("CASEI(species) LIKE CASEI('TILIA%')", {1, 2, 6}),  # case-insensitive LIKE, as docs/ogcapi.md says
    ("name LIKE 'a*b'", {2}),                            # '*' is no wildcard in CQL2
    ("name LIKE 'a_b'", {2, 3}),
    ("height > 10", {1, 2, 5}),
    ("height BETWEEN 8 AND 12", {1, 6}),
    ("species IS NULL OR height IS NULL", {4, 5}),
    ("species IN ('Quercus robur', 'Acer platanoides')", {3, 4}),
    ("NOT (species = 'Tilia cordata')", {2, 3, 4}),      # NULL species is neither
    ("planted > DATE('2020-01-01')", {2, 3}),            # 2020-01-01 itself is not after
    ("planted < DATE('2021-01-01')", {1, 2, 3, 5, 6}),   # 2021-01-01T00:30+01:00 is 2020-12-31T23:30Z
    ("planted >= TIMESTAMP('2020-12-31T23:30:00Z')", {3}),
    ("T_DURING(planted, INTERVAL('2019-01-01', '2020-12-31'))", {1, 2, 5}),
    ("T_BEFORE(planted, DATE('2019-01-01'))", {6}),
    ("height = 99999999999999999999999", set()),
    ("height / 4 = 3", {1}),                             # real division: 12/4; 25.5/4 is no integer
    ("height div 4 = 6", {2}),                           # integer division: 25.5 div 4 = 6
    ("height div 4 = 3", {1}),
    ("CASEI(name) = CASEI('LINDE')", {6}),
    ("CASEI(name) LIKE CASEI('LINDE%')", {1, 6}),
    ("ACCENTI(CASEI(name)) = ACCENTI(CASEI('EÍCHE'))", {4}),
    ('{"op": "and", "args": [{"op": "like", "args": [{"property": "species"}, "Tilia%"]},'
     ' {"op": ">", "args": [{"property": "height"}, 10]}]}', {1, 2}),
])
def test_filters_select_the_right_rows(db: sqlite3.Connection, text: str, fids: set[int]) -> None:
    assert select(db, text) == fids


@pytest.mark.parametrize(("text", "literal", "pred"), [
    ("S_INTERSECTS(geom, BBOX(9, 9, 16, 16))", box(9, 9, 16, 16), "intersects"),
    ("S_INTERSECTS(geom, BBOX(4, 4, 19, 19))", box(4, 4, 19, 19), "intersects"),
    ("S_INTERSECTS(geom, POLYGON((0 0, 60 0, 0 60, 0 0)))", Polygon([(0, 0), (60, 0), (0, 60)]), "intersects"),
    ("S_WITHIN(geom, BBOX(-1, -1, 31, 31))", box(-1, -1, 31, 31), "within"),
    ("S_DISJOINT(geom, BBOX(9, 9, 16, 16))", box(9, 9, 16, 16), "disjoint"),
    ("S_CONTAINS(geom, POINT(1 1))", Point(1, 1), "contains"),
    ("S_INTERSECTS(geom, POINT(20.5 20.5))", Point(20.5, 20.5), "intersects"),
])
def test_spatial_filters_agree_with_shapely(db: sqlite3.Connection, text: str, literal: Any, pred: str) -> None:
    expected = {fid for fid, *_, wkt in ROWS if PRED[pred](shapely.from_wkt(wkt), literal)}
    assert expected, "the case must select something to be a test"
    assert select(db, text) == expected
