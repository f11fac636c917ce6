"""pygeoapi feature provider for the PostGIS store (loaded by dotted path
``services.ogcapi.provider_pg.PostgisProvider``).

The PostGIS twin of ``provider.py``: same parameters, same answers, same document. The store keeps each
dataset's current version in a schema ``ds_<dataset>`` (renamed atomically at each publication), one
table per collection with a ``bigint`` primary key ``fid`` and a GiST-indexed geometry column ``geom``
(EPSG:25832). Tables never change during the life of a version, so what is learnt about a table (its
columns, its row count, the keyset checkpoints of a filter) is cached per table OID: a publication
replaces the table, its OID changes, the caches of the old version are no longer used.

* CQL2 text/JSON, ``bbox``/``bbox-crs``, ``filter-crs``, property equality, ``q``, ``datetime`` are
  translated by ``sqlfilter_pg.py`` into SQL with bound parameters; geometry literals are transformed
  to the storage CRS by PostGIS (``ST_Transform`` of the whole geometry, densified as in ``provider.py``).
* ``numberMatched``: the unfiltered count once per table version; a filtered count is exact, cached per
  (table version, filter), and runs with a statement timeout (``options.count_timeout_ms``, 2 s): when it
  expires, ``numberMatched`` is left out of the answer (pygeoapi then offers ``next`` whenever a page is
  full) and the timeout is remembered for five minutes.
* A filter matching at most ``options.id_list_max`` rows (50,000): one scan fetches the ids of all of them,
  kept per (table version, filter); ``numberMatched`` is their number and every page a primary-key lookup
  (the filter is not evaluated again for the next pages or the next client). More rows: as below.
* Paging: a page of the unfiltered table is a ``fid`` range when the fids are dense (GDAL writes 1..n);
  otherwise, and for filtered deep pages, keyset: every 512th matching fid is computed once per
  (table version, filter) and a page starts from the checkpoint before its offset, so a deep page costs
  the same as the first. With ``sortby``: ``ORDER BY … , fid LIMIT/OFFSET``.
* Output CRS: ``ST_Transform`` in the database, axes flipped where the CRS is latitude-first
  (EPSG:4258/4326), rounded to 1 mm / 1e-8° by the same encoder as ``provider.py``.

One connection per thread (gunicorn gthread), autocommit with one read-only transaction per request,
``TimeZone`` UTC and ``statement_timeout`` (``options.statement_timeout_ms``, 30 s) set per transaction.
"""
from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

import numpy as np
import psycopg
import pyproj
import shapely
from psycopg import sql
from pygeoapi.provider.base import (
    BaseProvider,
    ProviderConnectionError,
    ProviderInvalidQueryError,
    ProviderItemNotFoundError,
    ProviderQueryError,
)
from pygeofilter import ast, values

from .cql import FilterError
from .provider_common import (
    DENSIFIED,
    cast_value,
    crs_from_uri,
    crs_relation,
    encode_features,
    feature_collection,
    filter_crs_wkt,
    output_decimals,
    request_bbox,
    same_crs,
    segment_length,
    unavailable,
)
from .sqlfilter_pg import PgMeta, PgTranslator, order_by

LOGGER = logging.getLogger(__name__)

STRIDE = 512                 # keyset checkpoint every STRIDE matching rows
COUNT_TIMEOUT_MS = 2000      # filtered numberMatched is left out when counting takes longer
STATEMENT_TIMEOUT_MS = 30000
UNKNOWN_COUNT_TTL = 300.0    # seconds a timed-out count is remembered
_CACHE_MAX = 256
_LOCAL = threading.local()
_LOCK = threading.Lock()        # the caches below
_META_LOCK = threading.Lock()   # one thread learns a new table version, the others wait for it
_META: dict[tuple, PgMeta] = {}
_COUNTS: OrderedDict[tuple, tuple[int | None, float]] = OrderedDict()
_CHECKPOINTS: OrderedDict[tuple, np.ndarray] = OrderedDict()
ID_LIST_MAX = 50_000         # a filter matching at most this many rows keeps their ids (one scan for count + pages)
_ID_LISTS_MAX = 64           # id lists kept per process (at most 64 x 50,000 x 8 bytes = 25 MB)
_ID_LISTS: OrderedDict[tuple, np.ndarray | None] = OrderedDict()


def connection(dsn: str) -> psycopg.Connection:
    """This thread's connection to ``dsn`` (a URL or libpq conninfo), reopened when it broke."""
    cons: dict[str, psycopg.Connection] = _LOCAL.__dict__.setdefault("cons", {})
    con = cons.get(dsn)
    if con is None or con.closed or con.broken:
        # autocommit + explicit read-only transactions; no server-side prepared statements (plans with
        # the actual values, and safe behind PgBouncer in transaction mode)
        con = psycopg.connect(dsn, autocommit=True, prepare_threshold=None, connect_timeout=10,
                              application_name="gdi-ogcapi")
        con.read_only = True
        cons[dsn] = con
    return con


@lru_cache(maxsize=32)
def srid_axes(wkt: str) -> tuple[int, bool]:
    """(PostGIS SRID, latitude first?) of a CRS. PostGIS keeps geographic coordinates as lon/lat, so a
    CRS whose first axis points north (EPSG:4258, EPSG:4326) is flipped on the way in and out."""
    crs = pyproj.CRS.from_wkt(wkt)
    auth = crs.to_authority() or crs.to_authority(min_confidence=70)
    if auth == ("OGC", "CRS84"):
        return 4326, False
    if auth is None or auth[0] != "EPSG":
        raise ValueError(f"no EPSG code for CRS {crs.name!r}")
    return int(auth[1]), crs.axis_info[0].direction in ("north", "south")


def _cached(cache: OrderedDict, key: tuple) -> Any:
    with _LOCK:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    return None


def _remember(cache: OrderedDict, key: tuple, value: Any) -> None:
    with _LOCK:
        cache[key] = value
        while len(cache) > _CACHE_MAX:
            cache.popitem(last=False)


def _iso_out(v: Any) -> Any:
    if isinstance(v, datetime):
        if v.tzinfo is not None:
            return v.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"
        return v.isoformat()
    return v.isoformat() if isinstance(v, date) else v


def _other_out(v: Any) -> Any:
    return v if isinstance(v, (str, int, float, bool, dict, list)) else str(v)


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "date": _iso_out, "timestamp": _iso_out, "timestamptz": _iso_out, "other": _other_out,
    "number": lambda v: float(v) if isinstance(v, Decimal) else v}


class PostgisProvider(BaseProvider):
    """``data``: PostgreSQL URL or conninfo; ``schema``, ``table``, ``id_field``, ``geometry_field``
    (default ``geom``), ``storage_crs``; ``options``: ``count_timeout_ms``, ``statement_timeout_ms``,
    ``id_list_max``."""

    def __init__(self, provider_def: dict[str, Any]):
        super().__init__(provider_def)
        self.dsn = str(self.data)
        self.schema = provider_def.get("schema") or "public"
        self.table = provider_def["table"]
        dim = provider_def.get("geometry_dimension")  # 0 points, 1 lines, 2 areas (mixed collections)
        self.dimension: int | None = None if dim is None else int(dim)
        self.geom_hint = provider_def.get("geometry_field") or "geom"
        opts = self.options or {}
        self.count_timeout_ms = int(opts.get("count_timeout_ms", COUNT_TIMEOUT_MS))
        self.id_list_max = int(opts.get("id_list_max", ID_LIST_MAX))
        self.statement_timeout_ms = int(opts.get("statement_timeout_ms", STATEMENT_TIMEOUT_MS))
        self.storage_crs_uri = provider_def.get("storage_crs") or "http://www.opengis.net/def/crs/EPSG/0/25832"
        self.meta: PgMeta = self._run(lambda con: self.meta)
        self.id_field = provider_def.get("id_field") or self.meta.pk

    def get_fields(self) -> dict:
        return self._fields

    @property
    def _dataset(self) -> str:
        """The dataset id of the schema (``ds_<id>`` current, else the schema's name) for messages."""
        return self.schema[3:] if self.schema.startswith("ds_") else self.schema

    @property
    def geom_field(self) -> str:
        return self.meta.geom

    # ------------------------------------------------------------------ transactions
    def _begin(self, con: psycopg.Connection) -> None:
        """Per transaction: UTC, the statement timeout, no JIT, and the table's OID (a new one: a new version).

        JIT is off because the planner's cost estimates for a filtered page walked along the ``fid`` key pass
        ``jit_optimize_above_cost`` while the query itself takes tens of milliseconds: compiling cost more
        than it saved (CQL2 page on 5M rows: 256-324 ms with JIT, 56-97 ms without; README, PostGIS store)."""
        row = con.execute("SELECT set_config('TimeZone', 'UTC', true), set_config('statement_timeout', %s, true), "
                          "set_config('jit', 'off', true), to_regclass(%s)::oid", (str(self.statement_timeout_ms),
                                                   sql.Identifier(self.schema, self.table).as_string(con))).fetchone()
        oid = row[3] if row else None
        if oid is None:  # a dropped table or schema: this publication is damaged, 503 for its collections
            raise unavailable(self._dataset, f"table {self.schema}.{self.table} not found")
        key = (self.dsn, self.schema, self.table, int(oid))
        current = getattr(self, "meta", None)
        if current is None or current.oid != oid:
            with _META_LOCK:
                meta = _META.get(key)
                if meta is None:
                    meta = _META[key] = PgMeta(con, self.schema, self.table, int(oid), self.geom_hint)
                    for k in [k for k in _META if k[:3] == key[:3] and k != key]:
                        del _META[k]  # the previous version of this table
            self.meta, self._fields = meta, meta.fields

    def _run(self, fn: Callable[[psycopg.Connection], Any]) -> Any:
        """``fn`` in a read-only transaction; once more after a lost connection or a table that a
        publication replaced between the lookup and the query."""
        for attempt in (0, 1):
            try:
                con = connection(self.dsn)
            except psycopg.OperationalError as exc:
                raise ProviderConnectionError(f"PostgreSQL: {exc}") from None
            try:
                with con.transaction():
                    self._begin(con)
                    return fn(con)
            except FilterError as exc:
                raise ProviderInvalidQueryError(user_msg=str(exc)) from None
            except (psycopg.errors.UndefinedTable, psycopg.errors.UndefinedColumn,
                    psycopg.errors.InvalidSchemaName, psycopg.errors.InsufficientPrivilege) as exc:
                if attempt:
                    raise unavailable(self._dataset, f"{self.schema}.{self.table}: {exc}") from None
                self.__dict__.pop("meta", None)
            except psycopg.errors.QueryCanceled:
                raise ProviderQueryError(user_msg="the query took too long") from None
            except (psycopg.DataError, psycopg.errors.UndefinedFunction, psycopg.errors.DatatypeMismatch) as exc:
                # values the filter brought (an ISO-looking text that is no date, a type combination)
                raise ProviderInvalidQueryError(user_msg=f"query cannot be evaluated: {exc}") from None
            except psycopg.OperationalError as exc:
                if attempt or not con.broken:
                    raise ProviderConnectionError(f"PostgreSQL: {exc}") from None
        raise ProviderConnectionError("unreachable")  # pragma: no cover

    @property
    def _t(self) -> sql.Composable:
        return sql.Identifier(self.schema, self.table)

    # ------------------------------------------------------------------ query
    def query(self, offset=0, limit=10, resulttype="results", bbox=None, datetime_=None, properties=None,
              sortby=None, select_properties=None, skip_geometry=False, q=None, filterq=None,
              crs_transform_spec=None, **kwargs):
        def run(con: psycopg.Connection) -> dict:
            where, params = self._where(con, bbox or [], datetime_, properties or [], q, filterq)
            cols = self._columns(select_properties or [], skip_geometry, crs_transform_spec)
            hits = resulttype == "hits"
            pk = sql.Identifier(self.meta.pk)
            matched: int | None
            if sortby:
                matched = self._count(con, where, params)
                order = order_by(self.meta.info(), sortby, self.meta.pk)
                rows = [] if hits else self._fetch(con, sql.SQL(
                    "SELECT {c} FROM {t} WHERE {w} ORDER BY {o} LIMIT %(lim)s OFFSET %(off)s").format(
                    c=cols, t=self._t, w=where or sql.SQL("TRUE"), o=order), {**params, "lim": limit, "off": offset})
            elif where is None and self.meta.dense:
                matched = self.meta.count
                first = self.meta.min_fid + offset
                last = min(self.meta.min_fid + self.meta.count - 1, first + limit - 1)
                rows = [] if hits or first > last else self._fetch(con, sql.SQL(
                    "SELECT {c} FROM {t} WHERE {pk} BETWEEN %(lo)s AND %(hi)s ORDER BY {pk}").format(
                    c=cols, t=self._t, pk=pk), {"lo": first, "hi": last})
            elif where is not None and (ids := self._matching_ids(con, where, params)) is not None:
                matched = len(ids)
                page = ids[offset:offset + limit]
                rows = [] if hits or not len(page) else self._fetch(con, sql.SQL(
                    "SELECT {c} FROM {t} WHERE {pk} = ANY(%(ids)s) ORDER BY {pk}").format(c=cols, t=self._t, pk=pk),
                    {"ids": page.tolist()})
            else:
                matched = self.meta.count if where is None else self._count(con, where, params)
                rows = [] if hits or (matched is not None and offset >= matched) else \
                    self._page(con, cols, where, params, offset, limit)
            return feature_collection(self._features(rows, select_properties, skip_geometry, crs_transform_spec),
                                      matched)
        return self._run(run)

    def get(self, identifier, crs_transform_spec=None, **kwargs):
        def run(con: psycopg.Connection) -> list:
            cols = self._columns([], False, crs_transform_spec)
            col = self.id_field if self.id_field == self.meta.pk or self.id_field in self.meta.kinds else self.meta.pk
            kind = "integer" if col == self.meta.pk else self.meta.kinds[col]
            value: Any = str(identifier)
            if kind == "integer":
                try:
                    value = int(identifier)
                except ValueError:
                    return []
            ident = sql.Identifier(col) if kind in ("integer", "text", "textdate") else \
                sql.SQL("CAST({} AS text)").format(sql.Identifier(col))
            return self._fetch(con, sql.SQL("SELECT {c} FROM {t} WHERE {i} = %(v)s").format(
                c=cols, t=self._t, i=ident), {"v": value})
        rows = self._run(run)
        if not rows:
            raise ProviderItemNotFoundError(user_msg=f"feature {identifier!r} not found")
        return self._features(rows[:1], [], False, crs_transform_spec)[0]

    # ------------------------------------------------------------------ internals
    @staticmethod
    def _fetch(con: psycopg.Connection, query: sql.Composed, params: dict[str, Any]) -> list:
        return con.execute(query, params, binary=True).fetchall()

    def _cache_key(self, con: psycopg.Connection, where: sql.Composable, params: dict[str, Any]) -> tuple:
        return (self.dsn, self.schema, self.table, self.meta.oid, self.count_timeout_ms, where.as_string(con),
                tuple(sorted(params.items())))

    def _matching_ids(self, con: psycopg.Connection, where: sql.Composable, params: dict[str, Any]
                      ) -> np.ndarray | None:
        """The ids of all rows matching ``where`` in id order when there are at most ``id_list_max``: one scan
        answers ``numberMatched`` and every page (a page is then a primary-key lookup). Kept per (table
        version, filter). None when there are more, or when the scan takes longer than ``count_timeout_ms``
        (the count is then unknown, as in ``_count``)."""
        if self.id_list_max <= 0:
            return None
        key = (*self._cache_key(con, where, params), self.id_list_max)
        with _LOCK:
            if key in _ID_LISTS:
                _ID_LISTS.move_to_end(key)
                return _ID_LISTS[key]
        ids: np.ndarray | None
        found: list[tuple[Any, ...]] | None
        try:
            with con.transaction():  # a savepoint, as in _count
                con.execute("SELECT set_config('statement_timeout', %s, true)", (str(self.count_timeout_ms),))
                # no ORDER BY: the planner then takes the filter's index (a LIMIT with ORDER BY fid tempts it
                # to walk the whole primary key); the ids are sorted here
                found = con.execute(sql.SQL("SELECT {pk} FROM {t} WHERE {w} LIMIT %(n)s").format(
                    pk=sql.Identifier(self.meta.pk), t=self._t, w=where), {**params, "n": self.id_list_max + 1},
                    binary=True).fetchall()
                con.execute("SELECT set_config('statement_timeout', %s, true)", (str(self.statement_timeout_ms),))
        except psycopg.errors.QueryCanceled:
            LOGGER.info("numberMatched omitted: matching %s.%s took longer than %d ms", self.schema, self.table,
                        self.count_timeout_ms)
            _remember(_COUNTS, self._cache_key(con, where, params), (None, time.monotonic()))
            found = None  # remembered as "too many": counted (or not) by _count
        ids = None
        if found is not None and len(found) <= self.id_list_max:
            ids = np.sort(np.fromiter((r[0] for r in found), np.int64, len(found)))
        with _LOCK:
            _ID_LISTS[key] = ids
            while len(_ID_LISTS) > _ID_LISTS_MAX:
                _ID_LISTS.popitem(last=False)
        return ids

    def _count(self, con: psycopg.Connection, where: sql.Composable | None, params: dict[str, Any]) -> int | None:
        """Exact count of the matching rows, or None when it takes longer than ``count_timeout_ms``."""
        if where is None:
            return self.meta.count
        key = self._cache_key(con, where, params)
        hit = _cached(_COUNTS, key)
        if hit is not None and (hit[0] is not None or time.monotonic() - hit[1] < UNKNOWN_COUNT_TTL):
            return hit[0]
        n: int | None
        try:
            with con.transaction():  # a savepoint: a cancelled count leaves the request's transaction usable
                con.execute("SELECT set_config('statement_timeout', %s, true)", (str(self.count_timeout_ms),))
                row = con.execute(sql.SQL("SELECT count(*) FROM {t} WHERE {w}").format(t=self._t, w=where),
                                  params).fetchone()
                n = int(row[0]) if row else 0
                con.execute("SELECT set_config('statement_timeout', %s, true)", (str(self.statement_timeout_ms),))
        except psycopg.errors.QueryCanceled:
            LOGGER.info("numberMatched omitted: counting %s.%s took longer than %d ms", self.schema, self.table,
                        self.count_timeout_ms)
            n = None
        _remember(_COUNTS, key, (n, time.monotonic()))
        return n

    def _page(self, con: psycopg.Connection, cols: sql.Composable, where: sql.Composable | None,
              params: dict[str, Any], offset: int, limit: int) -> list:
        """Rows ``offset … offset+limit`` in fid order: from the keyset checkpoint before ``offset``."""
        pk = sql.Identifier(self.meta.pk)
        w = where or sql.SQL("TRUE")
        if offset < STRIDE:
            return self._fetch(con, sql.SQL("SELECT {c} FROM {t} WHERE {w} ORDER BY {pk} LIMIT %(lim)s OFFSET %(off)s")
                               .format(c=cols, t=self._t, w=w, pk=pk), {**params, "lim": limit, "off": offset})
        key = self._cache_key(con, w, params)
        marks = _cached(_CHECKPOINTS, key)
        if marks is None:
            marks = np.array([r[0] for r in con.execute(sql.SQL(
                "SELECT {pk} FROM (SELECT {pk}, row_number() OVER (ORDER BY {pk}) AS rn FROM {t} WHERE {w}) s "
                "WHERE mod(rn - 1, {n}) = 0 ORDER BY {pk}").format(pk=pk, t=self._t, w=w, n=sql.Literal(STRIDE)),
                params)], dtype=np.int64)
            _remember(_CHECKPOINTS, key, marks)
        k = offset // STRIDE
        if k >= len(marks):
            return []
        return self._fetch(con, sql.SQL(
            "SELECT {c} FROM {t} WHERE {w} AND {pk} >= %(mark)s ORDER BY {pk} LIMIT %(lim)s OFFSET %(off)s").format(
            c=cols, t=self._t, w=w, pk=pk), {**params, "mark": int(marks[k]), "lim": limit, "off": offset - k * STRIDE})

    def _columns(self, select_properties: list[str], skip_geometry: bool, spec: Any) -> sql.Composable:
        fields = self._fields
        props = [p for p in (select_properties or fields) if p in fields]
        if self.id_field in fields and self.id_field not in props:
            props = [self.id_field, *props]
        self._out_props = props
        geom: sql.Composable = sql.SQL("NULL")
        if not skip_geometry:
            geom = sql.Identifier(self.meta.geom)
            target = spec.target_crs_wkt if spec is not None else None
            if target is not None and not crs_relation(self._storage_wkt(), target)[0]:
                try:
                    srid, flip = srid_axes(target)
                except ValueError as exc:
                    raise FilterError(str(exc), field="crs", value=getattr(spec, "target_crs_uri", "")) from None
                geom = sql.SQL("ST_Transform({}, {})").format(geom, sql.Literal(srid))
                if flip:
                    geom = sql.SQL("ST_FlipCoordinates({})").format(geom)
            geom = sql.SQL("ST_AsBinary({})").format(geom)
        return sql.SQL(", ").join([sql.Identifier(self.meta.pk), *(sql.Identifier(p) for p in props), geom])

    def _storage_wkt(self) -> str:
        if self.meta.srid:
            return _epsg_wkt(self.meta.srid)
        return crs_from_uri(self.storage_crs_uri)

    def _features(self, rows: list, select_properties: Any, skip_geometry: bool, spec: Any) -> list[dict]:
        props = self._out_props
        conv = [_CONVERT.get(self.meta.kinds.get(p, "")) for p in props]
        if any(conv):
            rows = [(r[0], *(v if c is None or v is None else c(v) for c, v in zip(conv, r[1:-1], strict=True)), r[-1])
                    for r in rows]
        decimals = 3
        target = spec.target_crs_wkt if spec is not None else None
        if target is not None:
            decimals = output_decimals(crs_relation(self._storage_wkt(), target)[1])
        wkbs = None if skip_geometry else [r[-1] for r in rows]
        return encode_features(rows, props, select_properties, self.id_field, wkbs, None, decimals)

    # ------------------------------------------------------------------ WHERE
    def _where(self, con: psycopg.Connection, bbox: list[float], datetime_: str | None,
               properties: list, qtext: str | None, filterq: Any) -> tuple[sql.Composable | None, dict[str, Any]]:
        tr = PgTranslator(self.meta.info(), self._to_storage(con, filter_crs_wkt(), "filter"))
        parts: list[sql.Composable] = []
        if filterq is not None:
            tr.check(filterq)
            parts.append(tr.node(filterq))
        if bbox:
            geom, src = request_bbox(bbox)
            saved = tr.transform_geom
            tr.transform_geom = None if src is None else self._to_storage(con, src, "bbox")
            try:
                lit = values.Geometry(shapely.geometry.mapping(geom))
                parts.append(tr.spatial_pred(ast.GeometryIntersects(ast.Attribute(self.meta.geom), lit), what="bbox"))
            finally:
                tr.transform_geom = saved
        for k, v in properties:
            parts.append(self._equals(tr, k, v))
        if qtext:
            if not self.meta.text_fields:
                raise FilterError("this collection has no text properties for q", field="q", value=qtext)
            ors: list[sql.Composable] = []
            for word in [w for w in qtext.split(",") if w.strip()]:
                for f in self.meta.text_fields:
                    col = sql.Identifier(f) if self.meta.kinds[f] in ("text", "textdate") else \
                        sql.SQL("CAST({} AS text)").format(sql.Identifier(f))
                    ors.append(sql.SQL("(lower({}) LIKE {})").format(col, tr.param(f"%{word.strip().lower()}%")))
            parts.append(sql.SQL("({})").format(sql.SQL(" OR ").join(ors)))
        if datetime_:
            if not self.time_field or self.time_field not in self.meta.kinds:
                raise FilterError("this collection has no temporal property for datetime",
                                  field="datetime", value=datetime_)
            parts.append(self._datetime_sql(tr, datetime_))
        if self.dimension is not None:  # a per-geometry-type view of a mixed collection (config.py)
            parts.append(sql.SQL("(ST_Dimension({}) = {})").format(sql.Identifier(self.meta.geom),
                                                                 tr.param(self.dimension)))
        if not parts:
            return None, {}
        return sql.SQL(" AND ").join(parts), tr.params

    def _equals(self, tr: PgTranslator, k: str, v: str) -> sql.Composable:
        """``?property=value`` (pygeoapi's property filter)."""
        if k not in self._fields:
            raise FilterError(f"unknown property '{k}'", field=k, value=v)
        kind = self.meta.kinds[k]
        col: sql.Composable = sql.Identifier(k)
        if kind in ("integer", "number"):
            return sql.SQL("({} = {})").format(col, tr.param(cast_value(self._fields[k], k, v)))
        if kind == "boolean":
            if v.lower() not in ("true", "false", "1", "0"):
                raise FilterError(f"value for '{k}' must be a boolean", field=k, value=v)
            return sql.SQL("({} = {})").format(col, tr.param(v.lower() in ("true", "1")))
        if kind in ("date", "timestamp", "timestamptz"):
            return sql.SQL("({} = {})").format(tr.time_column(col, kind), tr.time_param(v, k))
        if kind == "other":
            col = sql.SQL("CAST({} AS text)").format(col)
        return sql.SQL("({} = CAST({} AS text))").format(col, tr.param(v))

    def _datetime_sql(self, tr: PgTranslator, dt: str) -> sql.Composable:
        assert self.time_field is not None
        col = tr.time_column(sql.Identifier(self.time_field), self.meta.kinds[self.time_field])
        if "/" in dt:
            lo, hi = dt.split("/", 1)
            conds: list[sql.Composable] = []
            if lo not in ("", ".."):
                conds.append(sql.SQL("{} >= {}").format(col, tr.time_param(lo, "datetime")))
            if hi not in ("", ".."):
                conds.append(sql.SQL("{} <= {}").format(col, tr.time_param(hi, "datetime")))
            return sql.SQL("({})").format(sql.SQL(" AND ").join(conds) if conds else sql.SQL("TRUE"))
        return sql.SQL("({} = {})").format(col, tr.time_param(dt, "datetime"))

    def _to_storage(self, con: psycopg.Connection, src_wkt: str, what: str) -> Callable[[Any], Any] | None:
        """A function taking a shapely geometry from ``src_wkt`` to the storage CRS with PostGIS
        (``ST_Transform`` of the whole geometry, densified as provider.py does); None: already there."""
        if same_crs(src_wkt, self._storage_wkt()):
            return None
        param = "filter-crs" if what == "filter" else "bbox-crs"
        try:
            srid, flip = srid_axes(src_wkt)
        except ValueError:
            raise FilterError("unsupported CRS", field=param, value=pyproj.CRS.from_wkt(src_wkt).name) from None
        dst = self.meta.srid or srid_axes(self._storage_wkt())[0]

        def transform(g: Any) -> Any:
            expr: sql.Composable = sql.SQL("ST_GeomFromWKB(%(g)s, %(srid)s)")
            if flip:
                expr = sql.SQL("ST_FlipCoordinates({})").format(expr)
            params: dict[str, Any] = {"g": shapely.to_wkb(g), "srid": srid, "dst": dst}
            if g.geom_type in DENSIFIED:
                expr = sql.SQL("ST_Segmentize({}, %(seg)s)").format(expr)
                params["seg"] = segment_length(g)
            try:
                with con.transaction():  # savepoint
                    row = con.execute(sql.SQL("SELECT ST_AsBinary(ST_Transform({}, %(dst)s))").format(expr),
                                      params, binary=True).fetchone()
            except (psycopg.DataError, psycopg.InternalError):
                raise FilterError(f"geometry cannot be transformed to the storage CRS (check {param} and axis "
                                  "order)", field=what, value=shapely.to_wkt(g, rounding_precision=9)[:200]) from None
            return None if row is None or row[0] is None else shapely.from_wkb(row[0])
        return transform


@lru_cache(maxsize=16)
def _epsg_wkt(srid: int) -> str:
    return pyproj.CRS.from_epsg(srid).to_wkt()


def id_field_of(dsn: str, schema: str, table: str) -> str:
    """The feature id of a PostGIS collection by the rule of ``config._id_field`` (localId for INSPIRE
    views, the source key for source views, else fid), read from the table's columns."""
    with psycopg.connect(dsn, connect_timeout=10) as con:
        cols = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                          "WHERE table_schema = %s AND table_name = %s", (schema, table))}
    return next((c for c in ("localId", "key", "gml_id") if c in cols), "fid")


__all__ = ["PostgisProvider", "connection", "id_field_of", "srid_axes"]
