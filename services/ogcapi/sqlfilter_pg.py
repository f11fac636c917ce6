"""Translate a pygeofilter AST into a parameterised PostgreSQL/PostGIS WHERE clause (``psycopg.sql``).

The PostgreSQL dialect of ``sqlfilter.py`` with the same semantics as the GeoPackage provider, so both
stores answer a filter with the same features:

* identifiers are ``sql.Identifier`` (quoted), every value a named, bound parameter;
* literals of the property's type are sent typed (an ISO string compared with a date property as a
  timestamp);
* text is compared and ordered bytewise (``COLLATE "C"``, SQLite's ``BINARY``); ``CASEI``/``ACCENTI``
  (and ``LOWER``/``UPPER``) are ``translate()`` with the tables of ``cqltypes.py``, the same characters the
  GeoPackage provider folds;
* types are checked before any SQL is written (``cqltypes.check_types``): a mismatch is a 400 naming
  the property and both types, on both stores; ``/`` is real division, ``div`` integer division;
* CQL2 ``LIKE`` (``%``, ``_``, ``\\`` escape, case-sensitive) becomes ``LIKE … ESCAPE '!'``;
* temporal values compare as ``timestamptz`` (the session time zone is UTC): ``date``, ``timestamp``
  and ``timestamptz`` columns directly, ISO text columns through a guarded cast (text that is no ISO
  date compares as NULL, as ``julianday()`` does);
* spatial predicates are ``ST_Intersects``, ``ST_Within`` … on the geometry column with the literal as
  WKB in the storage SRID (``transform_geom`` takes it there from ``filter-crs``, see ``provider_pg.py``);
  a NULL geometry is "false", also under ``NOT`` (as in the GeoPackage provider), and the GiST index
  stays usable.

What the translator knows about a table (``PgTableInfo``) is read once per table version by ``PgMeta``:
the columns and their types from ``information_schema.columns`` (text columns whose first value is an ISO
date count as dates, as in ``provider.py``), the primary key, the geometry column and its SRID, the row
count and whether the fids are dense.

Anything not translatable raises :class:`FilterError` (HTTP 400) naming the parameter.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np
import psycopg
import shapely
from psycopg import sql
from pygeoapi.provider.base import ProviderConnectionError
from pygeofilter import ast, values

from .cql import INTDIV, FilterError
from .cqltypes import FOLD_FUNCTIONS, apply_folds, check_types, fold, fold_tables, like_fold
from .sqlfilter import Translator as _SqliteTranslator
from .sqlfilter import _iso

_OPS = {ast.ComparisonOp.EQ: "=", ast.ComparisonOp.NE: "<>", ast.ComparisonOp.LT: "<",
        ast.ComparisonOp.LE: "<=", ast.ComparisonOp.GT: ">", ast.ComparisonOp.GE: ">="}
_ST = {ast.GeometryIntersects: "ST_Intersects", ast.GeometryDisjoint: "ST_Disjoint",
       ast.GeometryContains: "ST_Contains", ast.GeometryWithin: "ST_Within", ast.GeometryTouches: "ST_Touches",
       ast.GeometryCrosses: "ST_Crosses", ast.GeometryOverlaps: "ST_Overlaps", ast.GeometryEquals: "ST_Equals"}
_SWAP = {"ST_Contains": "ST_Within", "ST_Within": "ST_Contains"}
ISO_TS = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
_ISO_RX = re.compile(ISO_TS)
TEMPORAL_KINDS = ("date", "timestamp", "timestamptz", "textdate")
_C = sql.SQL(' COLLATE "C"')

_KINDS = {"smallint": "integer", "integer": "integer", "bigint": "integer", "real": "number",
          "double precision": "number", "numeric": "number", "boolean": "boolean", "date": "date",
          "timestamp without time zone": "timestamp", "timestamp with time zone": "timestamptz",
          "text": "text", "character varying": "text", "character": "text"}
_SCHEMAS = {"integer": {"type": "integer"}, "number": {"type": "number"}, "boolean": {"type": "boolean"},
            "date": {"type": "string", "format": "date"}, "timestamp": {"type": "string", "format": "date-time"},
            "timestamptz": {"type": "string", "format": "date-time"}}
# column kind -> kind of the value it yields outside a temporal comparison
_VALUE_KIND = {"text": "text", "textdate": "text", "other": "text", "integer": "number", "number": "number",
               "boolean": "boolean", "date": "time", "timestamp": "time", "timestamptz": "time"}


@dataclass
class PgTableInfo:
    """A PostGIS table as the translator sees it."""

    table: str
    geom: str
    srid: int
    kinds: dict[str, str]                      # property -> text|textdate|integer|number|boolean|date|…|other
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)   # JSON schema per property

    @property
    def temporal(self) -> set[str]:
        return {k for k, v in self.kinds.items() if v in TEMPORAL_KINDS}


class PgMeta:
    """What we learn once about one table version (one OID)."""

    def __init__(self, con: psycopg.Connection, schema: str, table: str, oid: int, geom_hint: str | None):
        self.schema, self.table, self.oid = schema, table, oid
        cols = con.execute("SELECT column_name, data_type, udt_name FROM information_schema.columns "
                           "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
                           (schema, table)).fetchall()
        pks = con.execute("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                          "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s AND i.indisprimary", (oid,)).fetchall()
        self.pk: str = pks[0][0] if len(pks) == 1 else "fid"
        geoms = [c[0] for c in cols if c[2] == "geometry"]
        if not geoms:
            raise ProviderConnectionError(f"table {schema}.{table} has no geometry column")
        self.geom: str = geom_hint if geom_hint and geom_hint in geoms else geoms[0]
        row = con.execute("SELECT srid FROM geometry_columns WHERE f_table_schema = %s AND f_table_name = %s "
                          "AND f_geometry_column = %s", (schema, table, self.geom)).fetchone()
        self.srid: int = int(row[0]) if row and row[0] else 0
        t = sql.Identifier(schema, table)
        kinds: dict[str, str] = {}
        fields: dict[str, dict[str, Any]] = {}
        for name, dtype, _ in cols:
            if name in (self.pk, self.geom):
                continue
            kind = _KINDS.get(dtype, "other")
            schema_ = dict(_SCHEMAS.get(kind, {"type": "string"}))
            if kind == "text":  # ISO dates kept as text (as in the GeoPackage): temporal, as provider.py sees it
                sample = con.execute(sql.SQL("SELECT {c} FROM {t} WHERE {c} IS NOT NULL ORDER BY {pk} LIMIT 1").format(
                    c=sql.Identifier(name), t=t, pk=sql.Identifier(self.pk))).fetchone()
                if sample and isinstance(sample[0], str) and _ISO_RX.match(sample[0]):
                    kind = "textdate"
                    schema_ = {"type": "string", "format": "date-time" if len(sample[0]) > 10 else "date"}
            kinds[name], fields[name] = kind, schema_
        self.kinds, self.fields = kinds, fields
        self.text_fields = [k for k, v in fields.items() if v["type"] == "string"]
        count, lo, hi = con.execute(sql.SQL("SELECT count(*), min({pk}), max({pk}) FROM {t}").format(
            pk=sql.Identifier(self.pk), t=t)).fetchone()  # type: ignore[misc]
        self.count: int = count
        self.min_fid: int = lo or 0
        self.dense = count == 0 or (lo is not None and hi - lo + 1 == count)

    def info(self) -> PgTableInfo:
        return PgTableInfo(table=self.table, geom=self.geom, srid=self.srid, kinds=self.kinds, fields=self.fields)


@dataclass
class Expr:
    sql: sql.Composable
    kind: str   # text | number | boolean | time | null


class PgTranslator:
    def __init__(self, info: PgTableInfo, transform_geom: Callable[[Any], Any] | None = None):
        self.info = info
        self.params: dict[str, Any] = {}
        self.transform_geom = transform_geom

    def compile(self, node: ast.Node) -> tuple[sql.Composable, dict[str, Any]]:
        self.check(node)
        return self.node(node), self.params

    def check(self, node: ast.Node) -> None:
        """CQL2's type rules (``cqltypes.py``, shared with the GeoPackage provider): a 400 naming property
        and types before any SQL is run."""
        fields = {k: self.info.fields.get(k) or _SCHEMAS.get(kind, {"type": "string", "format": "date-time"}
                                                            if kind == "textdate" else {"type": "string"})
                  for k, kind in self.info.kinds.items()}
        check_types(node, fields, ("geometry", self.info.geom, "geom"))

    def fold(self, kind: str, e: sql.Composable) -> sql.Composable:
        """CASEI/ACCENTI/LOWER/UPPER as ``translate()`` with ``cqltypes``' tables (locale-independent, the
        same characters as the GeoPackage provider's ``gdi_fold``)."""
        src, dst = fold_tables()[kind]
        self.params.setdefault(f"fold_{kind}_from", src)
        self.params.setdefault(f"fold_{kind}_to", dst)
        return sql.SQL("translate({}, {}, {})").format(e, sql.Placeholder(f"fold_{kind}_from"),
                                                       sql.Placeholder(f"fold_{kind}_to"))

    # ---------------------------------------------------------------- helpers
    def param(self, value: Any) -> sql.Composable:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return sql.Placeholder(name)

    def column(self, name: str, what: str = "filter") -> tuple[sql.Composable, str]:
        if name not in self.info.kinds:
            raise FilterError(f"unknown property '{name}' (queryables: {', '.join(sorted(self.info.kinds))})",
                              field=what, value=name)
        return sql.Identifier(name), self.info.kinds[name]

    def time_column(self, col: sql.Composable, kind: str) -> sql.Composable:
        """A column as ``timestamptz`` (the session time zone is UTC, so naive values are UTC)."""
        if kind == "timestamptz":
            return col
        if kind in ("date", "timestamp"):
            return sql.SQL("CAST({} AS timestamptz)").format(col)
        # text: only what looks like an ISO date is cast; the rest is NULL (as julianday() answers)
        return sql.SQL("(CASE WHEN {c} ~ {rx} THEN CAST({c} AS timestamptz) END)").format(
            c=col, rx=self.iso_rx())

    def iso_rx(self) -> sql.Composable:
        self.params["iso_rx"] = ISO_TS
        return sql.Placeholder("iso_rx")

    def time_param(self, v: Any, what: str = "filter") -> sql.Composable:
        if isinstance(v, (datetime, date)):
            text = _iso(v)
        elif isinstance(v, str) and _ISO_RX.match(v.strip()):
            text = v.strip()
        else:
            raise FilterError("not a date or timestamp", field=what, value=str(v)[:100])
        return sql.SQL("CAST({} AS timestamptz)").format(self.param(text))

    def coerce(self, v: Any, ctx: str | None) -> Any:
        """A literal as a value of the context's kind (what SQLite's type affinity does, or a 400)."""
        if ctx == "text":
            if isinstance(v, bool):
                return str(int(v))
            return v if isinstance(v, str) else str(v)
        if ctx == "number":
            if isinstance(v, bool):
                return int(v)
            if isinstance(v, int):
                return v if -2**63 <= v < 2**63 else float(v)
            if isinstance(v, float):
                return v
            try:
                return int(v)
            except ValueError:
                try:
                    return float(v)
                except ValueError:
                    raise FilterError("a number is needed here", field="filter", value=str(v)[:100]) from None
        if ctx == "boolean":
            if isinstance(v, bool):
                return v
            if isinstance(v, (int, float)) and v in (0, 1):
                return bool(v)
            if isinstance(v, str) and v.lower() in ("true", "false", "1", "0"):
                return v.lower() in ("true", "1")
            raise FilterError("a boolean is needed here", field="filter", value=str(v)[:100])
        if isinstance(v, int) and not isinstance(v, bool) and not -2**63 <= v < 2**63:
            return float(v)
        return v

    def context(self, *vs: Any) -> str | None:
        """The kind a comparison is made in: temporal if any side is, else that of its first expression."""
        if any(isinstance(v, (date, datetime)) for v in vs) or any(
                isinstance(v, ast.Attribute) and v.name in self.info.temporal for v in vs):
            return "time"
        for v in vs:
            if isinstance(v, ast.Attribute):
                return _VALUE_KIND[self.column(v.name)[1]]
            if isinstance(v, ast.Function):
                return "number" if v.name.lower() == INTDIV else "text"
            if isinstance(v, ast.Arithmetic):
                return "number"
        return None

    def operand(self, v: Any, ctx: str | None) -> Expr:
        if isinstance(v, ast.Attribute):
            col, kind = self.column(v.name)
            if ctx == "time":
                if kind in ("integer", "number", "boolean"):
                    raise FilterError(f"property '{v.name}' is not a date or timestamp", field="filter",
                                      value=v.name)
                return Expr(self.time_column(col, kind), "time")
            if kind == "other" or (ctx == "text" and _VALUE_KIND[kind] != "text"):
                return Expr(sql.SQL("CAST({} AS text)").format(col), "text")
            return Expr(col, _VALUE_KIND[kind])
        if isinstance(v, ast.Function):
            fn = v.name.lower()
            if fn in FOLD_FUNCTIONS and len(v.arguments) == 1:
                if isinstance(v.arguments[0], str):  # a literal: folded here, with the same tables
                    return Expr(sql.SQL("CAST({} AS text)").format(self.param(fold(fn, v.arguments[0]))), "text")
                arg = self.operand(v.arguments[0], "text")
                if arg.kind not in ("text", "null"):
                    arg = Expr(sql.SQL("CAST({} AS text)").format(arg.sql), "text")
                return Expr(self.fold(fn, arg.sql), "text")
            if fn == INTDIV and len(v.arguments) == 2:  # integer division: the quotient truncated towards 0
                a, b = self.operand(v.arguments[0], "number"), self.operand(v.arguments[1], "number")
                return Expr(sql.SQL("trunc(CAST({} AS double precision) / NULLIF(CAST({} AS double precision), 0))"
                                    ).format(a.sql, b.sql), "number")
            raise FilterError(f"function '{v.name}' is not supported", field="filter", value=v.name)
        if isinstance(v, ast.Arithmetic):
            sym = {ast.ArithmeticOp.ADD: "+", ast.ArithmeticOp.SUB: "-", ast.ArithmeticOp.MUL: "*",
                   ast.ArithmeticOp.DIV: "/"}[v.op]
            lhs, rhs = self.operand(v.lhs, "number"), self.operand(v.rhs, "number")
            if {lhs.kind, rhs.kind} - {"number", "null"}:
                raise FilterError("arithmetic needs numbers", field="filter", value=str(v)[:100])
            if sym == "/":  # CQL2 '/' is real division; x/0 is NULL (as in SQLite), not an error
                return Expr(sql.SQL("(CAST({} AS double precision) / NULLIF(CAST({} AS double precision), 0))"
                                    ).format(lhs.sql, rhs.sql), "number")
            return Expr(sql.SQL("({} " + sym + " {})").format(lhs.sql, rhs.sql), "number")
        if v is None:
            return Expr(sql.SQL("NULL"), "null")
        if ctx == "time":
            return Expr(self.time_param(v), "time")
        if isinstance(v, (datetime, date)):
            raise FilterError("a date or timestamp is compared with a property that is none", field="filter",
                              value=str(v))
        if isinstance(v, (bool, int, float, str)):
            value = self.coerce(v, ctx)
            if isinstance(value, str):  # psycopg sends str untyped; text whatever the other side is
                return Expr(sql.SQL("CAST({} AS text)").format(self.param(value)), "text")
            return Expr(self.param(value), "boolean" if isinstance(value, bool) else "number")
        raise FilterError(f"unsupported operand {type(v).__name__}", field="filter", value=str(v)[:100])

    def operands(self, *vs: Any) -> tuple[list[Expr], str | None]:
        ctx = self.context(*vs)
        exprs = [self.operand(v, ctx) for v in vs]
        kinds = {e.kind for e in exprs} - {"null"}
        if len(kinds) > 1:
            raise FilterError(f"cannot compare {' and '.join(sorted(kinds))} values", field="filter",
                              value=", ".join(str(v)[:50] for v in vs))
        return exprs, ctx

    @staticmethod
    def collate(e: Expr) -> sql.Composable:
        """Text ordered bytewise (SQLite's BINARY), whatever the database's collation."""
        return sql.SQL("({}{})").format(e.sql, _C) if e.kind == "text" else e.sql

    # ---------------------------------------------------------------- nodes
    def node(self, n: Any) -> sql.Composable:
        if isinstance(n, ast.Not):
            return sql.SQL("(NOT {})").format(self.node(n.sub_node))
        if isinstance(n, (ast.And, ast.Or)):
            op = "AND" if isinstance(n, ast.And) else "OR"
            return sql.SQL("({} " + op + " {})").format(self.node(n.lhs), self.node(n.rhs))
        if isinstance(n, ast.Include):
            return sql.SQL("FALSE" if n.not_ else "TRUE")
        if isinstance(n, bool):
            return sql.SQL("TRUE" if n else "FALSE")
        if isinstance(n, ast.Comparison):
            (lhs, rhs), _ = self.operands(n.lhs, n.rhs)
            op = _OPS[n.op]
            left = self.collate(lhs) if op not in ("=", "<>") else lhs.sql
            return sql.SQL("({} " + op + " {})").format(left, rhs.sql)
        if isinstance(n, ast.Between):
            (lhs, low, high), _ = self.operands(n.lhs, n.low, n.high)
            s = sql.SQL("({} BETWEEN {} AND {})").format(self.collate(lhs), low.sql, high.sql)
            return sql.SQL("(NOT {})").format(s) if n.not_ else s
        if isinstance(n, ast.Like):
            return self.like(n)
        if isinstance(n, ast.In):
            exprs, _ = self.operands(n.lhs, *n.sub_nodes)
            items = sql.SQL(", ").join(e.sql for e in exprs[1:]) if len(exprs) > 1 else sql.SQL("NULL")
            return sql.SQL("({} " + ("NOT IN" if n.not_ else "IN") + " ({}))").format(exprs[0].sql, items)
        if isinstance(n, ast.IsNull):
            lhs = self.operand(n.lhs, None)
            return sql.SQL("({} IS " + ("NOT " if n.not_ else "") + "NULL)").format(lhs.sql)
        if isinstance(n, ast.TemporalPredicate):
            return self.temporal(n)
        if isinstance(n, ast.BBox):
            env = values.Envelope(n.minx, n.maxx, n.miny, n.maxy)
            return self.spatial_pred(ast.GeometryIntersects(n.lhs, env))
        if isinstance(n, ast.SpatialComparisonPredicate):
            return self.spatial_pred(n)
        raise FilterError(f"filter element {type(n).__name__} is not supported", field="filter",
                          value=str(n)[:100])

    def like(self, n: ast.Like) -> sql.Composable:
        # CQL2: '%' any string, '_' one character, '\' escape; case-sensitive unless CASEI()
        lhs = self.operand(n.lhs, "text")
        if lhs.kind not in ("text", "null"):
            lhs = Expr(sql.SQL("CAST({} AS text)").format(lhs.sql), "text")
        pattern, folds = like_fold(n.pattern)
        pattern = apply_folds(folds, pattern)  # folded here with the tables the column side uses
        left = lhs.sql
        if n.nocase:
            left, pattern = self.fold("casei", left), fold("casei", pattern)
        pat = self.param(like_pattern(pattern))
        s = sql.SQL("({} LIKE {} ESCAPE '!')").format(left, pat)
        return sql.SQL("(NOT {})").format(s) if n.not_ else s

    def temporal(self, n: ast.TemporalPredicate) -> sql.Composable:
        if isinstance(n.rhs, values.Interval):
            raise FilterError("temporal interval comparisons are only supported in the T_xxx(prop, INTERVAL) "
                              "form", field="filter", value=str(n)[:100])
        op = {ast.TimeAfter: ">", ast.TimeBefore: "<", ast.TimeEquals: "="}.get(type(n))
        if op is None:
            raise FilterError(f"temporal operator {type(n).__name__} is not supported", field="filter",
                              value=type(n).__name__)
        lhs, rhs = self.operand(n.lhs, "time"), self.operand(n.rhs, "time")
        return sql.SQL("({} " + op + " {})").format(lhs.sql, rhs.sql)

    def spatial_pred(self, n: ast.SpatialComparisonPredicate, what: str = "filter") -> sql.Composable:
        fn = _ST.get(type(n))
        if fn is None:
            raise FilterError(f"spatial operator {type(n).__name__} is not supported", field="filter",
                              value=type(n).__name__)
        lhs, rhs = n.lhs, n.rhs
        if not isinstance(lhs, ast.Attribute) and isinstance(rhs, ast.Attribute):
            lhs, rhs = rhs, lhs
            fn = _SWAP.get(fn, fn)
        if not isinstance(lhs, ast.Attribute) or lhs.name not in ("geometry", self.info.geom, "geom"):
            raise FilterError("spatial predicates need the geometry property as one argument",
                              field="filter", value=str(n)[:100])
        geom, _ = _SqliteTranslator.literal_geometry(rhs)
        if self.transform_geom is not None:
            geom = self.transform_geom(geom)
            if geom is None or geom.is_empty or not np.isfinite(shapely.get_coordinates(geom)).all():
                raise FilterError("geometry cannot be transformed to the storage CRS (check "
                                  f"{'bbox-crs' if what == 'bbox' else 'filter-crs'} and axis order)",
                                  field=what, value=str(n)[:200])
        g = sql.Identifier(self.info.geom)
        lit = sql.SQL("ST_GeomFromWKB({}, {})").format(self.param(shapely.to_wkb(geom)), sql.Literal(self.info.srid))
        # "IS NOT NULL AND": a feature without geometry matches no predicate, also under NOT (as in the
        # GeoPackage provider), and the planner still uses the GiST index of the bare ST_ call
        return sql.SQL("({g} IS NOT NULL AND " + fn + "({g}, {lit}))").format(g=g, lit=lit)


def like_pattern(cql: str) -> str:
    """CQL2 LIKE pattern (``\\`` escapes) -> PostgreSQL LIKE pattern with ``ESCAPE '!'``."""
    out, i = [], 0
    while i < len(cql):
        c = cql[i]
        if c == "\\" and i + 1 < len(cql):
            nxt = cql[i + 1]
            out.append("!" + nxt if nxt in "%_!" else nxt)
            i += 2
            continue
        out.append("!!" if c == "!" else c)
        i += 1
    return "".join(out)


def order_by(info: PgTableInfo, sortby: list[dict[str, str]], pk: str) -> sql.Composable:
    """``sortby`` with the primary key as tiebreaker, NULLs as SQLite sorts them (smallest), text bytewise."""
    parts: list[sql.Composable] = []
    for s in sortby:
        col, kind = sql.Identifier(s["property"]), info.kinds.get(s["property"], "other")
        expr = sql.SQL("{}{}").format(col, _C) if kind in ("text", "textdate") else col
        parts.append(sql.SQL("{} DESC NULLS LAST" if s["order"] == "-" else "{} ASC NULLS FIRST").format(expr))
    parts.append(sql.Identifier(pk))
    return sql.SQL(", ").join(parts)
