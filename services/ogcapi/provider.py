"""pygeoapi feature provider for our published GeoPackages (loaded by dotted path
``services.ogcapi.provider.GpkgProvider``).

Why our own: the stock SQLite/GeoPackage provider silently ignores CQL filters and gives no
``numberMatched``. This one applies CQL2 (text and JSON, see ``cql.py``/``sqlfilter.py``), bbox,
property equality, ``q``, ``sortby``, ``properties``, ``skipGeometry`` and CRS output; it reports
``numberMatched``; paging goes through a cached, sorted array of matching fids (keyset on the
primary key), so a deep page costs the same as the first. Geometries are decoded and reprojected
vectorised with shapely/pyproj, no SpatiaLite needed. What it shares with the PostGIS provider
(``provider_pg.py``) - request parameters, exact bbox-crs/filter-crs, the GeoJSON encoding - is in
``provider_common.py``.
"""
from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np
import pyproj
import shapely
from pygeoapi.provider.base import (
    BaseProvider,
    ProviderConnectionError,
    ProviderInvalidQueryError,
    ProviderItemNotFoundError,
)

from core import integrity

from .cql import FilterError
from .provider_common import (
    REQUEST_PARAMS,
    PublicationUnavailable,
    cast_value,
    crs_relation,
    encode_features,
    feature_collection,
    filter_crs_wkt,
    output_decimals,
    request_bbox,
    same_crs,
    transform_densified,
    transformer,
    unavailable,
)
from .sqlfilter import TableInfo, Translator, q, register_functions

LOGGER = logging.getLogger(__name__)

_TYPES = [(re.compile(r"INT", re.IGNORECASE), {"type": "integer"}),
          (re.compile(r"REAL|FLOA|DOUB|NUMERIC|DECIMAL", re.IGNORECASE), {"type": "number"}),
          (re.compile(r"^BOOL", re.IGNORECASE), {"type": "boolean"}),
          (re.compile(r"^DATETIME", re.IGNORECASE), {"type": "string", "format": "date-time"}),
          (re.compile(r"^DATE$", re.IGNORECASE), {"type": "string", "format": "date"})]
_ISO_TS = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$")
_LOCAL = threading.local()
_META_LOCK = threading.Lock()
_META: dict[tuple, Meta] = {}
_FID_CACHE: OrderedDict[tuple, np.ndarray] = OrderedDict()
_FID_CACHE_MAX = 24


class Meta:
    """What we learn once about one table of one GeoPackage file version."""

    def __init__(self, con: sqlite3.Connection, table: str):
        row = con.execute("SELECT column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns "
                          "WHERE lower(table_name) = lower(?)", (table,)).fetchone()
        if row is None:
            raise ProviderConnectionError(f"table {table!r} is not a GeoPackage feature table")
        self.geom, gtype, self.srs_id = row
        cols = con.execute(f"PRAGMA table_info({q(table)})").fetchall()
        self.pk = self.pk_of(con, table)
        fields: dict[str, dict[str, Any]] = {}
        temporal: set[str] = set()
        for _, name, ctype, *_ in cols:
            if name in (self.pk, self.geom):
                continue
            schema = next((s for rx, s in _TYPES if rx.search(ctype or "")), {"type": "string"})
            if schema == {"type": "string"}:
                sample = con.execute(f"SELECT {q(name)} FROM {q(table)} WHERE {q(name)} IS NOT NULL LIMIT 1"
                                     ).fetchone()
                if sample and isinstance(sample[0], str) and _ISO_TS.match(sample[0]):
                    schema = {"type": "string", "format": "date-time" if len(sample[0]) > 10 else "date"}
            if schema.get("format") in ("date", "date-time"):
                temporal.add(name)
            fields[name] = dict(schema)
        rtree = f"rtree_{table}_{self.geom}"
        has_rtree = con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone() is not None
        self.info = TableInfo(table=table, geom=self.geom, rtree=rtree if has_rtree else None,
                              point_only=(gtype or "").upper() == "POINT", fields=fields, temporal=temporal)
        srs = con.execute("SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys "
                          "WHERE srs_id = ?", (self.srs_id,)).fetchone()
        self.storage_crs = pyproj.CRS.from_user_input(f"{srs[0]}:{srs[1]}") if srs else pyproj.CRS("EPSG:25832")
        self.text_fields = [k for k, v in fields.items() if v["type"] == "string"]
        # GDAL writes fids 1..n: then a page of the unfiltered table is a fid range (no fid array needed)
        lo, hi = con.execute(f"SELECT min({q(self.pk)}), max({q(self.pk)}) FROM {q(table)}").fetchone()
        row = con.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE lower(table_name) = lower(?)",
                          (table,)).fetchone() if con.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone() else None
        count = row[0] if row and row[0] is not None else con.execute(
            f"SELECT count(*) FROM {q(table)}").fetchone()[0]
        self.count, self.min_fid = count, lo or 0
        self.dense = count == 0 or (lo is not None and hi - lo + 1 == count)


    @staticmethod
    def pk_of(con: sqlite3.Connection, table: str) -> str:
        cols = con.execute(f"PRAGMA table_info({q(table)})").fetchall()
        return next((c[1] for c in cols if c[5] == 1), "fid")


def _connect(path: str) -> sqlite3.Connection:
    cons = getattr(_LOCAL, "cons", None)
    if cons is None:
        cons = _LOCAL.cons = {}
    con = cons.get(path)
    if con is None:
        # published files never change (a new publication is a new folder): immutable read-only
        con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        con.execute("PRAGMA cache_size = -65536")
        con.execute("PRAGMA mmap_size = 1073741824")
        con.create_function("gdi_spatial", 2, _spatial_udf, deterministic=True)
        register_functions(con)
        con.create_function("gdi_geomdim", 1, _geomdim_udf, deterministic=True)
        cons[path] = con
    return con


def _spatial_udf(k: int, blob: bytes | None) -> int:
    if blob is None:
        return 0
    name, geom = _LOCAL.spatial[k]
    g = shapely.from_wkb(_strip(blob))
    return int(_PRED[name](g, geom))


def _geomdim_udf(blob: bytes | None) -> int | None:
    """Topological dimension of a GeoPackage geometry (0 point, 1 line, 2 area; None if empty/NULL)."""
    if blob is None:
        return None
    g = shapely.from_wkb(_strip(blob))
    return None if g is None or g.is_empty else int(shapely.get_dimensions(g))


_PRED = {
    "intersects": shapely.intersects, "disjoint": shapely.disjoint, "touches": shapely.touches,
    "crosses": shapely.crosses, "overlaps": shapely.overlaps, "equals": shapely.equals,
    # feature <op> literal
    "within": shapely.within, "contains": shapely.contains,
}
_ENV = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def _strip(blob: bytes) -> bytes:
    """GeoPackage binary header -> plain WKB."""
    return blob[8 + _ENV[(blob[3] >> 1) & 7]:]


class GpkgProvider(BaseProvider):
    def __init__(self, provider_def: dict[str, Any]):
        super().__init__(provider_def)
        self.table = provider_def["table"]
        self.path = os.path.realpath(self.data)
        try:
            st = os.stat(self.path)
        except OSError as exc:
            raise ProviderConnectionError(f"GeoPackage not found: {self.data}") from exc
        self.folder = os.path.dirname(self.path)  # var/publish/<dataset>/<version>
        self.dataset = os.path.basename(os.path.dirname(self.folder))
        problem = integrity.check_folder(Path(self.folder))  # cached per version: a few stat calls
        if problem:
            raise unavailable(self.dataset, problem)
        self.key = (self.path, st.st_mtime_ns, self.table)
        with _META_LOCK:
            meta = _META.get(self.key)
            if meta is None:
                try:
                    meta = _META[self.key] = Meta(_connect(self.path), self.table)
                except sqlite3.DatabaseError as exc:
                    raise self._damaged(exc) from None
                except ProviderConnectionError as exc:   # the manifest names a table the GeoPackage lacks
                    if isinstance(exc, PublicationUnavailable):
                        raise
                    raise unavailable(self.dataset, f"{self.path}: {exc}") from None
        self.meta = meta
        self.id_field = provider_def.get("id_field") or meta.pk
        self.geom_field = meta.geom
        self._fields = meta.info.fields
        self.storage_wkt = meta.storage_crs.to_wkt()
        dim = provider_def.get("geometry_dimension")  # 0 points, 1 lines, 2 areas (mixed collections)
        self.dimension: int | None = None if dim is None else int(dim)
        self.index_dir = provider_def.get("id_index_dir") or os.path.join(
            os.environ.get("GDI_VAR", "var"), "ogcapi", "idindex")

    def get_fields(self) -> dict:
        return self._fields

    def _damaged(self, exc: Exception) -> Exception:
        """A read error of SQLite: the publication is damaged (verified against the manifest's checksums);
        503 for this dataset's collections, never 500."""
        problem = integrity.check_folder(Path(self.folder), full=True) or f"{self.path}: SQLite: {exc}"
        return unavailable(self.dataset, problem)

    def query(self, *args, **kwargs):
        try:
            return self._query(*args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise self._damaged(exc) from None

    def get(self, identifier, crs_transform_spec=None, **kwargs):
        try:
            return self._get(identifier, crs_transform_spec, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise self._damaged(exc) from None

    # ------------------------------------------------------------------ query
    def _query(self, offset=0, limit=10, resulttype="results", bbox=None, datetime_=None, properties=None,
              sortby=None, select_properties=None, skip_geometry=False, q=None, filterq=None,
              crs_transform_spec=None, **kwargs):
        bbox, properties, sortby, select_properties = bbox or [], properties or [], sortby or [], \
            select_properties or []
        try:
            where, params, spatial = self._where(bbox, datetime_, properties, q, filterq)
        except FilterError as exc:
            raise ProviderInvalidQueryError(user_msg=str(exc)) from None
        except (shapely.errors.GEOSException, ValueError, OverflowError) as exc:  # geometry literals etc.
            raise ProviderInvalidQueryError(user_msg=f"query cannot be evaluated: {exc}") from None
        con = _connect(self.path)
        _LOCAL.spatial = spatial
        cols = self._columns(select_properties, skip_geometry)
        t = q_(self.table)
        pk = q_(self.meta.pk)
        if sortby:
            order = ", ".join(f"{q_(s['property'])} {'DESC' if s['order'] == '-' else 'ASC'}" for s in sortby)
            matched = con.execute(f"SELECT count(*) FROM {t} WHERE {where}", params).fetchone()[0]
            rows = [] if resulttype == "hits" else con.execute(
                f"SELECT {cols} FROM {t} WHERE {where} ORDER BY {order}, {pk} LIMIT ? OFFSET ?",
                [*params, limit, offset]).fetchall()
        elif where == "1" and self.meta.dense:
            matched = self.meta.count
            first = self.meta.min_fid + offset
            last = min(self.meta.min_fid + self.meta.count - 1, first + limit - 1)
            rows = [] if resulttype == "hits" or first > last else con.execute(
                f"SELECT {cols} FROM {t} WHERE {pk} BETWEEN ? AND ? ORDER BY {pk}", (first, last)).fetchall()
        else:
            fids = self._fids(con, where, params, spatial)
            matched = len(fids)
            page = fids[offset:offset + limit]
            if resulttype == "hits" or len(page) == 0:
                rows = []
            elif where == "1" or int(page[-1]) - int(page[0]) + 1 == len(page):
                rows = con.execute(f"SELECT {cols} FROM {t} WHERE {pk} BETWEEN ? AND ? ORDER BY {pk}",
                                   (int(page[0]), int(page[-1]))).fetchall()
            else:
                marks = ",".join("?" * len(page))
                rows = con.execute(f"SELECT {cols} FROM {t} WHERE {pk} IN ({marks}) ORDER BY {pk}",
                                   [int(x) for x in page]).fetchall()
        features = self._features(rows, select_properties, skip_geometry, crs_transform_spec)
        return feature_collection(features, matched)

    def _get(self, identifier, crs_transform_spec=None, **kwargs):
        con = _connect(self.path)
        cols = self._columns([], False)
        if self.id_field == self.meta.pk:
            try:
                fid = int(identifier)
            except ValueError:
                fid = None
        else:
            fid = _lookup_fid(self.path, self.table, self.id_field, self.index_dir, str(identifier))
        rows = [] if fid is None else con.execute(
            f"SELECT {cols} FROM {q_(self.table)} WHERE {q_(self.meta.pk)} = ?", (fid,)).fetchall()
        if not rows:
            raise ProviderItemNotFoundError(user_msg=f"feature {identifier!r} not found")
        return self._features(rows, [], False, crs_transform_spec)[0]

    # ------------------------------------------------------------------ internals
    def _columns(self, select_properties, skip_geometry) -> str:
        props = [p for p in (select_properties or self._fields) if p in self._fields]
        if self.id_field in self._fields and self.id_field not in props:
            props = [self.id_field, *props]
        self._out_props = props
        cols = [q_(self.meta.pk)] + [q_(p) for p in props]
        cols.append("NULL" if skip_geometry else q_(self.meta.geom))
        return ", ".join(cols)

    def _where(self, bbox, datetime_, properties, qtext, filterq) -> tuple[str, list, list]:
        tr = Translator(self.meta.info, self._filter_transform())
        parts: list[str] = []
        if filterq is not None:
            tr.check(filterq)
            parts.append(tr.node(filterq))
        if bbox:
            parts.append(self._bbox_sql(tr, bbox))
        for k, v in properties or []:
            if k not in self._fields:
                raise FilterError(f"unknown property '{k}'", field=k, value=v)
            parts.append(f"({q_(k)} = ?)")
            tr.params.append(cast_value(self._fields[k], k, v))
        if qtext:
            if not self.meta.text_fields:
                raise FilterError("this collection has no text properties for q", field="q", value=qtext)
            ors = []
            for word in [w for w in qtext.split(",") if w.strip()]:
                for f in self.meta.text_fields:
                    ors.append(f"(lower({q_(f)}) LIKE ?)")
                    tr.params.append(f"%{word.strip().lower()}%")
            parts.append("(" + " OR ".join(ors) + ")")
        if datetime_:
            if not self.time_field:
                raise FilterError("this collection has no temporal property for datetime",
                                  field="datetime", value=datetime_)
            parts.append(self._datetime_sql(tr, datetime_))
        if self.dimension is not None:  # a per-geometry-type view of a mixed collection (config.py)
            parts.append(f"(gdi_geomdim({q_(self.meta.geom)}) = ?)")
            tr.params.append(self.dimension)
        if not parts:
            return "1", [], []
        return " AND ".join(parts), tr.params, tr.spatial

    def _filter_transform(self):
        src = filter_crs_wkt()
        if same_crs(src, self.storage_wkt):
            return None
        return transform_densified(src, self.storage_wkt)

    def _bbox_sql(self, tr: Translator, bbox: list[float]) -> str:
        """bbox arrives transformed by pygeoapi (two corners only); re-do it exactly from the raw params."""
        from pygeofilter import ast, values
        geom, src = request_bbox(bbox)
        if src is not None and not same_crs(src, self.storage_wkt):
            geom = transform_densified(src, self.storage_wkt)(geom)
            lit = values.Geometry(shapely.geometry.mapping(geom))
        else:
            minx, miny, maxx, maxy = geom.bounds
            lit = values.Envelope(minx, maxx, miny, maxy)
        saved, tr.transform_geom = tr.transform_geom, None  # already in the storage CRS
        try:
            return tr.spatial_pred(ast.GeometryIntersects(ast.Attribute(self.meta.geom), lit))
        finally:
            tr.transform_geom = saved

    def _datetime_sql(self, tr: Translator, dt: str) -> str:
        col = q_(self.time_field)
        if "/" in dt:
            lo, hi = dt.split("/", 1)
            conds = []
            if lo not in ("", ".."):
                conds.append(f"julianday({col}) >= julianday(?)")
                tr.params.append(lo)
            if hi not in ("", ".."):
                conds.append(f"julianday({col}) <= julianday(?)")
                tr.params.append(hi)
            return "(" + (" AND ".join(conds) or "1") + ")"
        tr.params.append(dt)
        return f"(julianday({col}) = julianday(?))"

    def _fids(self, con, where: str, params: list, spatial: list) -> np.ndarray:
        key = (self.key, where, tuple(params), tuple((n, g.wkb) for n, g in spatial))
        with _META_LOCK:
            arr = _FID_CACHE.get(key)
            if arr is not None:
                _FID_CACHE.move_to_end(key)
                return arr
        sql = f"SELECT {q_(self.meta.pk)} FROM {q_(self.table)} WHERE {where} ORDER BY {q_(self.meta.pk)}"
        arr = np.fromiter((r[0] for r in con.execute(sql, params)), dtype=np.int64)
        with _META_LOCK:
            _FID_CACHE[key] = arr
            while len(_FID_CACHE) > _FID_CACHE_MAX:
                _FID_CACHE.popitem(last=False)
        return arr

    def _features(self, rows, select_properties, skip_geometry, spec) -> list[dict]:
        wkbs, tr, decimals = None, None, 3
        if not skip_geometry and rows:
            wkbs = [None if r[-1] is None else _strip(r[-1]) for r in rows]
            target = spec.target_crs_wkt if spec is not None else None
            if target is not None:
                same, geographic = crs_relation(self.storage_wkt, target)
                tr = None if same else transformer(self.storage_wkt, target)
                decimals = output_decimals(geographic)
        return encode_features(rows, self._out_props, select_properties, self.id_field, wkbs, tr, decimals)


def _index_path(gpkg: str, table: str, id_field: str, index_dir: str) -> str:
    import hashlib
    real = os.path.realpath(gpkg)
    st = os.stat(real)
    key = hashlib.sha1(f"{real}|{st.st_size}|{st.st_mtime_ns}|{table}|{id_field}".encode()).hexdigest()[:20]
    return os.path.join(index_dir, f"{table}-{key}.sqlite")


def ensure_id_index(gpkg: str, table: str, id_field: str, index_dir: str) -> str:
    """A small SQLite file mapping feature id -> fid (the published GeoPackage has no index on its
    id column and is never modified after publication)."""
    path = _index_path(gpkg, table, id_field, index_dir)
    if os.path.exists(path):
        return path
    os.makedirs(index_dir, exist_ok=True)
    tmp = f"{path}.{os.getpid()}.{threading.get_ident()}.tmp"
    src = sqlite3.connect(f"file:{os.path.realpath(gpkg)}?mode=ro&immutable=1", uri=True)
    dst = sqlite3.connect(tmp)
    try:
        dst.execute("CREATE TABLE ids (id TEXT PRIMARY KEY, fid INTEGER NOT NULL) WITHOUT ROWID")
        pk = Meta.pk_of(src, table)
        rows = src.execute(f"SELECT {q(id_field)}, {q(pk)} FROM {q(table)} WHERE {q(id_field)} IS NOT NULL "
                           f"ORDER BY {q(id_field)}")
        dst.executemany("INSERT OR IGNORE INTO ids VALUES (CAST(? AS TEXT), ?)", rows)
        dst.commit()
    finally:
        src.close()
        dst.close()
    os.replace(tmp, path)
    return path


def _lookup_fid(gpkg: str, table: str, id_field: str, index_dir: str, ident: str) -> int | None:
    key = ("idx", gpkg, table, id_field)
    cons = getattr(_LOCAL, "cons", None)
    if cons is None:
        cons = _LOCAL.cons = {}
    con = cons.get(key)
    if con is None:
        path = ensure_id_index(gpkg, table, id_field, index_dir)
        con = cons[key] = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    row = con.execute("SELECT fid FROM ids WHERE id = ?", (ident,)).fetchone()
    return None if row is None else row[0]


def q_(name: str) -> str:
    return q(name)


__all__ = ["REQUEST_PARAMS", "GpkgProvider"]
