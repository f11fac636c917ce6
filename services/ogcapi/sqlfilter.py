"""Translate a pygeofilter AST into a parameterised SQLite WHERE clause for a GeoPackage table.

Spatial predicates use the GeoPackage R-tree for the envelope and, where the envelope test is not
exact (non-point features or non-rectangular geometries), a Python function ``gdi_spatial(k, geom)``
registered on the connection that evaluates the predicate with a prepared shapely geometry. Temporal
comparisons go through ``julianday()`` so ISO strings with ``Z`` or offsets compare correctly.
Anything not translatable raises :class:`FilterError` (HTTP 400): a filter is never silently dropped.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
import shapely
from pygeofilter import ast, values
from shapely.geometry import box, shape

from .cql import INTDIV, FilterError
from .cqltypes import FOLD_FUNCTIONS, apply_folds, check_types, fold, like_fold

_OPS = {ast.ComparisonOp.EQ: "=", ast.ComparisonOp.NE: "<>", ast.ComparisonOp.LT: "<",
        ast.ComparisonOp.LE: "<=", ast.ComparisonOp.GT: ">", ast.ComparisonOp.GE: ">="}
_SPATIAL_NAMES = {ast.GeometryIntersects: "intersects", ast.GeometryDisjoint: "disjoint",
                  ast.GeometryContains: "contains", ast.GeometryWithin: "within",
                  ast.GeometryTouches: "touches", ast.GeometryCrosses: "crosses",
                  ast.GeometryOverlaps: "overlaps", ast.GeometryEquals: "equals"}


@dataclass
class TableInfo:
    table: str
    geom: str
    rtree: str | None
    point_only: bool
    fields: dict[str, dict[str, Any]]          # JSON schema per property
    temporal: set[str] = field(default_factory=set)


@dataclass
class Compiled:
    sql: str
    params: list[Any]
    # geometries for gdi_spatial(k, geom): (predicate name, prepared geometry)
    spatial: list[tuple[str, Any]]


def q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _iso(v: date | datetime) -> str:
    if isinstance(v, datetime):
        if v.tzinfo is not None:
            v = v.astimezone(UTC).replace(tzinfo=None)
        return v.strftime("%Y-%m-%dT%H:%M:%S.%f")
    return v.isoformat()


class Translator:
    def __init__(self, info: TableInfo, transform_geom: Callable[[Any], Any] | None = None):
        self.info = info
        self.params: list[Any] = []
        self.spatial: list[tuple[str, Any]] = []
        self.transform_geom = transform_geom

    def compile(self, node: ast.Node) -> Compiled:
        self.check(node)
        sql = self.node(node)
        return Compiled(sql, self.params, self.spatial)

    def check(self, node: ast.Node) -> None:
        """CQL2's type rules (``cqltypes.py``): a 400 naming property and types before any SQL is run."""
        check_types(node, self.info.fields, ("geometry", self.info.geom, "geom"))

    # ---------------------------------------------------------------- helpers
    def prop(self, name: str) -> str:
        if name not in self.info.fields:
            raise FilterError(f"unknown property '{name}' (queryables: {', '.join(sorted(self.info.fields))})",
                              field="filter", value=name)
        return q(name)

    def operand(self, v: Any, temporal: bool = False) -> str:
        if isinstance(v, ast.Attribute):
            col = self.prop(v.name)
            return f"julianday({col})" if temporal else col
        if isinstance(v, ast.Function):
            fn = v.name.lower()
            if fn in FOLD_FUNCTIONS and len(v.arguments) == 1:
                arg = v.arguments[0]
                if isinstance(arg, str):  # a literal: folded here, the same function as gdi_fold()
                    self.params.append(fold(fn, arg))
                    return "?"
                return f"gdi_fold('{fn}', {self.operand(arg)})"
            if fn == INTDIV and len(v.arguments) == 2:  # integer division: the quotient truncated towards 0
                return f"CAST(CAST({self.operand(v.arguments[0])} AS REAL) / {self.operand(v.arguments[1])} AS INTEGER)"
            raise FilterError(f"function '{v.name}' is not supported", field="filter", value=v.name)
        if isinstance(v, ast.Arithmetic):
            sym = {ast.ArithmeticOp.ADD: "+", ast.ArithmeticOp.SUB: "-", ast.ArithmeticOp.MUL: "*",
                   ast.ArithmeticOp.DIV: "/"}[v.op]
            lhs = self.operand(v.lhs)
            if sym == "/":  # CQL2 '/' is real division (SQLite would divide integers as integers)
                lhs = f"CAST({lhs} AS REAL)"
            return f"({lhs} {sym} {self.operand(v.rhs)})"
        if temporal and isinstance(v, str):  # an ISO string compared with a date property
            self.params.append(v)
            return "julianday(?)"
        if isinstance(v, (datetime, date)):
            self.params.append(_iso(v))
            return "julianday(?)"
        if isinstance(v, bool):
            self.params.append(int(v))
            return "?"
        if isinstance(v, int) and not -2**63 <= v < 2**63:
            v = float(v)  # SQLite integers are 64-bit
        if isinstance(v, (int, float, str)):
            self.params.append(v)
            return "?"
        if v is None:
            return "NULL"
        raise FilterError(f"unsupported operand {type(v).__name__}", field="filter", value=str(v)[:100])

    def _is_temporal(self, *vs: Any) -> bool:
        return any(isinstance(v, (date, datetime)) for v in vs) or any(
            isinstance(v, ast.Attribute) and v.name in self.info.temporal for v in vs)

    # ---------------------------------------------------------------- nodes
    def node(self, n: Any) -> str:
        if isinstance(n, ast.Not):
            return f"(NOT {self.node(n.sub_node)})"
        if isinstance(n, ast.And):
            return f"({self.node(n.lhs)} AND {self.node(n.rhs)})"
        if isinstance(n, ast.Or):
            return f"({self.node(n.lhs)} OR {self.node(n.rhs)})"
        if isinstance(n, ast.Include):
            return "(1 = 0)" if n.not_ else "(1 = 1)"
        if isinstance(n, bool):
            return "(1 = 1)" if n else "(1 = 0)"
        if isinstance(n, ast.Comparison):
            t = self._is_temporal(n.lhs, n.rhs)
            return f"({self.operand(n.lhs, t)} {_OPS[n.op]} {self.operand(n.rhs, t)})"
        if isinstance(n, ast.Between):
            t = self._is_temporal(n.lhs, n.low, n.high)
            s = f"({self.operand(n.lhs, t)} BETWEEN {self.operand(n.low, t)} AND {self.operand(n.high, t)})"
            return f"(NOT {s})" if n.not_ else s
        if isinstance(n, ast.Like):
            return self.like(n)
        if isinstance(n, ast.In):
            t = self._is_temporal(n.lhs, *n.sub_nodes)
            lhs = self.operand(n.lhs, t)
            items = ", ".join(self.operand(v, t) for v in n.sub_nodes) or "NULL"
            return f"({lhs} {'NOT IN' if n.not_ else 'IN'} ({items}))"
        if isinstance(n, ast.IsNull):
            return f"({self.operand(n.lhs)} IS {'NOT ' if n.not_ else ''}NULL)"
        if isinstance(n, ast.TemporalPredicate):
            return self.temporal(n)
        if isinstance(n, ast.BBox):
            env = values.Envelope(n.minx, n.maxx, n.miny, n.maxy)
            return self.spatial_pred(ast.GeometryIntersects(n.lhs, env))
        if isinstance(n, ast.SpatialComparisonPredicate):
            return self.spatial_pred(n)
        raise FilterError(f"filter element {type(n).__name__} is not supported", field="filter",
                          value=str(n)[:100])

    def like(self, n: ast.Like) -> str:
        # CQL2: '%' any string, '_' one character, '\\' escape; case-sensitive unless CASEI()/ACCENTI()
        # around both sides (the pattern is folded here with the same function as gdi_fold())
        lhs = self.operand(n.lhs)
        pattern, folds = like_fold(n.pattern)
        pattern = apply_folds(folds, pattern)
        if n.nocase:
            lhs, pattern = f"gdi_fold('casei', {lhs})", fold("casei", pattern)
        # translate to GLOB (case-sensitive): escape glob specials, map wildcards
        out, i = [], 0
        while i < len(pattern):
            c = pattern[i]
            if c == "\\" and i + 1 < len(pattern):
                nxt = pattern[i + 1]
                out.append(f"[{nxt}]" if nxt in "*?[]" else nxt)
                i += 2
                continue
            out.append({"%": "*", "_": "?", "*": "[*]", "?": "[?]", "[": "[[]", "]": "[]]"}.get(c, c))
            i += 1
        self.params.append("".join(out))
        s = f"({lhs} GLOB ?)"
        return f"(NOT {s})" if n.not_ else s

    def temporal(self, n: ast.TemporalPredicate) -> str:
        rhs = n.rhs
        if isinstance(rhs, values.Interval):
            raise FilterError("temporal interval comparisons are only supported in the T_xxx(prop, INTERVAL) "
                              "form", field="filter", value=str(n)[:100])
        lhs = self.operand(n.lhs, True)
        r = self.operand(rhs, True)
        op = {ast.TimeAfter: ">", ast.TimeBefore: "<", ast.TimeEquals: "="}.get(type(n))
        if op is None:
            raise FilterError(f"temporal operator {type(n).__name__} is not supported", field="filter",
                              value=type(n).__name__)
        return f"({lhs} {op} {r})"

    def spatial_pred(self, n: ast.SpatialComparisonPredicate) -> str:
        name = _SPATIAL_NAMES.get(type(n))
        if name is None:
            raise FilterError(f"spatial operator {type(n).__name__} is not supported", field="filter",
                              value=type(n).__name__)
        lhs, rhs = n.lhs, n.rhs
        if not isinstance(lhs, ast.Attribute) and isinstance(rhs, ast.Attribute):
            lhs, rhs = rhs, lhs
            name = {"contains": "within", "within": "contains"}.get(name, name)
        if not isinstance(lhs, ast.Attribute) or lhs.name not in ("geometry", self.info.geom, "geom"):
            raise FilterError("spatial predicates need the geometry property as one argument",
                              field="filter", value=str(n)[:100])
        geom, rect = self.literal_geometry(rhs)
        if self.transform_geom is not None:
            geom = self.transform_geom(geom)
            if not np.isfinite(shapely.get_coordinates(geom)).all() or geom.is_empty:
                raise FilterError("geometry cannot be transformed to the storage CRS (check filter-crs and "
                                  "axis order)", field="filter", value=str(n)[:200])
            rect = rect and geom.equals(box(*geom.bounds))  # still axis-aligned after transformation?
        shapely.prepare(geom)
        minx, miny, maxx, maxy = geom.bounds
        self.spatial.append((name, geom))
        exact = f"gdi_spatial({len(self.spatial) - 1}, {q(self.info.geom)})"
        if not self.info.rtree or name == "disjoint":
            return f"({exact})"
        # the R-tree holds float32 envelopes rounded outwards (~0.5 m at UTM northings): it is a
        # prefilter; rows well inside an inner rectangle of the geometry are accepted from it alone,
        # only the rim is tested exactly on the stored geometry
        # S608: table names come from the GeoPackage's own metadata and are quoted by q(); values are bound
        rt = q(self.info.rtree)
        sql = f"(fid IN (SELECT id FROM {rt} WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)"  # noqa: S608
        self.params.extend([maxx, minx, maxy, miny])
        inner = _inner_rect(geom, rect) if name in ("intersects", "within") else None
        if inner is None:
            return sql + f" AND {exact})"
        ix1, iy1, ix2, iy2 = inner
        self.params.extend([ix1, ix2, iy1, iy2])
        inside = f"SELECT id FROM {rt} WHERE minx >= ? AND maxx <= ? AND miny >= ? AND maxy <= ?"  # noqa: S608
        return sql + f" AND (fid IN ({inside}) OR {exact}))"

    @staticmethod
    def literal_geometry(v: Any):
        if isinstance(v, values.Envelope):
            return envelope(v.x1, v.y1, v.x2, v.y2), True
        if isinstance(v, ast.Function) and v.name.lower() == "bbox":
            a = [float(x) for x in v.arguments]
            if len(a) == 6:
                a = [a[0], a[1], a[3], a[4]]
            if len(a) != 4:
                raise FilterError("BBOX needs 4 or 6 numbers", field="filter", value=str(v.arguments))
            return envelope(a[0], a[1], a[2], a[3]), True
        if isinstance(v, values.Geometry):
            try:
                g = shape(v.geometry)
            except Exception:  # noqa: BLE001
                raise FilterError("invalid geometry literal", field="filter", value=str(v.geometry)[:200]) from None
            if not g.is_valid:
                g = shapely.make_valid(g)
            return g, False
        raise FilterError("spatial predicates need a geometry or BBOX literal", field="filter", value=str(v)[:100])


def register_functions(con: Any) -> None:
    """The functions the translated SQL calls, on a ``sqlite3`` connection (``gdi_fold``: CASEI, ACCENTI,
    LOWER, UPPER as ``cqltypes.fold``)."""
    con.create_function("gdi_fold", 2, lambda kind, text: fold(kind, text), deterministic=True)


def envelope(x1: float, y1: float, x2: float, y2: float):
    """A box; a point or a line where the box is degenerate (a valid geometry in every case)."""
    x1, x2, y1, y2 = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
    if x1 == x2 and y1 == y2:
        return shapely.Point(x1, y1)
    if x1 == x2 or y1 == y2:
        return shapely.LineString([(x1, y1), (x2, y2)])
    return box(x1, y1, x2, y2)


def _inner_rect(geom, rect: bool) -> tuple[float, float, float, float] | None:
    """An axis-aligned rectangle inside ``geom`` shrunk by a safety margin for float32 R-tree values."""
    minx, miny, maxx, maxy = geom.bounds
    w, h = maxx - minx, maxy - miny
    pad = 1e-9 + 2.5e-7 * max(abs(minx), abs(miny), abs(maxx), abs(maxy))  # > float32 spacing
    if geom.geom_type not in ("Polygon", "MultiPolygon") or w <= 4 * pad or h <= 4 * pad:
        return None
    for frac in ((0.0,) if rect else ()) + (0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3):
        cand = box(minx + frac * w, miny + frac * h, maxx - frac * w, maxy - frac * h)
        if geom.contains(cand):
            x1, y1, x2, y2 = cand.bounds
            if x2 - x1 > 2 * pad and y2 - y1 > 2 * pad:
                return x1 + pad, y1 + pad, x2 - pad, y2 - pad
            return None
    return None
