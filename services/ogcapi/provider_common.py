"""What our two feature providers share: the GeoPackage one (``provider.py``) and the PostGIS one
(``provider_pg.py``).

The raw request parameters (``REQUEST_PARAMS``, set by the dispatcher), the CRS helpers (axis order as
the EPSG database says: EPSG:4258 is latitude, longitude; CRS84 longitude, latitude), the exact
``bbox``/``bbox-crs`` and ``filter-crs`` handling (geometries are densified before they are transformed,
never reduced to two corners), property value casts and the GeoJSON encoding of result rows (vectorised
with shapely 2, rounded to 1 mm / 1e-8°), so both providers answer with the same document.
"""
from __future__ import annotations

import contextvars
import json
import logging
from collections.abc import Callable, Sequence
from functools import lru_cache
from http import HTTPStatus
from typing import Any

import numpy as np
import pyproj
import shapely
from pygeoapi.provider.base import ProviderConnectionError
from pygeoapi.util import get_crs_from_uri

from .cql import FilterError
from .sqlfilter import envelope

# raw query parameters of the current request, set by the WSGI wrapper (app.py): bbox-crs and
# filter-crs are applied by the providers exactly instead of pygeoapi's two-corner bbox transformation
REQUEST_PARAMS: contextvars.ContextVar[dict[str, str]] = contextvars.ContextVar("gdi_ogc_params")
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
LOGGER = logging.getLogger(__name__)


class PublicationUnavailable(ProviderConnectionError):
    """The publication a collection reads is damaged (or its PostGIS table is gone): 503 for this collection
    only, with a message for the client; the details (file, checksum) go to the log and ``/health``."""

    http_status_code = HTTPStatus.SERVICE_UNAVAILABLE
    default_msg = "the published data of this collection cannot be read"


def unavailable(dataset: str, reason: str) -> PublicationUnavailable:
    LOGGER.error("collection of dataset %s not served: %s", dataset, reason)
    return PublicationUnavailable(user_msg=(
        f"Service Unavailable: the current publication of dataset '{dataset}' is damaged and cannot be read; "
        "its collections answer 503 until it is republished or switched back to the previous version "
        "(the operators see it on /health). Every other collection is served normally."))


@lru_cache(maxsize=64)
def transformer(src: str, dst: str) -> pyproj.Transformer:
    # authority axis order on both sides (EPSG:4258 is lat/lon, CRS84 lon/lat), as OGC API Part 2 wants
    return pyproj.Transformer.from_crs(pyproj.CRS.from_user_input(src), pyproj.CRS.from_user_input(dst),
                                       always_xy=False)


@lru_cache(maxsize=64)
def crs_relation(storage_wkt: str, target_wkt: str) -> tuple[bool, bool]:
    """(target is the storage CRS, target is geographic) - cached: building CRS objects costs ms."""
    t = pyproj.CRS.from_wkt(target_wkt)
    return t == pyproj.CRS.from_wkt(storage_wkt), t.is_geographic


@lru_cache(maxsize=16)
def crs_from_uri(uri: str) -> str:
    return get_crs_from_uri(uri).to_wkt()


@lru_cache(maxsize=64)
def same_crs(a_wkt: str, b_wkt: str) -> bool:
    return bool(pyproj.CRS.from_wkt(a_wkt) == pyproj.CRS.from_wkt(b_wkt))


def output_decimals(geographic: bool) -> int:
    """1e-8° (≈ 1 mm) for geographic, 1 mm for projected coordinates."""
    return 8 if geographic else 3


def filter_crs_wkt() -> str:
    """The CRS of the filter geometries of this request (``filter-crs``, default CRS84) as WKT."""
    fcrs = REQUEST_PARAMS.get({}).get("filter-crs") or CRS84
    try:
        return crs_from_uri(fcrs)
    except Exception:  # noqa: BLE001 - whatever pyproj raises, the CRS is not one we support
        raise FilterError("unsupported CRS", field="filter-crs", value=fcrs) from None


def request_bbox(bbox: Sequence[float]) -> tuple[Any, str | None]:
    """The ``bbox`` of the request as a geometry and the WKT of its CRS (``bbox-crs``, default CRS84),
    read from the raw parameters: pygeoapi has transformed ``bbox`` by its two corners only. Without raw
    parameters (a direct provider call) ``bbox`` is taken as given in the storage CRS (CRS None)."""
    params = REQUEST_PARAMS.get({})
    raw = params.get("bbox")
    if not raw:
        return envelope(bbox[0], bbox[1], bbox[2], bbox[3]), None
    nums = [float(x) for x in raw.split(",")]
    x1, y1, x2, y2 = (nums[0], nums[1], nums[2], nums[3]) if len(nums) == 4 else (nums[0], nums[1], nums[3], nums[4])
    return envelope(x1, y1, x2, y2), crs_from_uri(params.get("bbox-crs") or CRS84)


def densify(g: Any) -> Any:
    """Lines and polygons get vertices every 1/64 of their extent before a CRS transformation (edges that
    are straight in one CRS are curved in another)."""
    return shapely.segmentize(g, segment_length(g)) if g.geom_type in DENSIFIED else g


DENSIFIED = ("Polygon", "MultiPolygon", "LineString")


def segment_length(g: Any) -> float:
    minx, miny, maxx, maxy = g.bounds
    return float(max(maxx - minx, maxy - miny, 1e-9) / 64)


def transform_densified(src_wkt: str, dst_wkt: str) -> Callable[[Any], Any]:
    """A function transforming a shapely geometry exactly (densified) from one CRS to another."""
    tr = transformer(src_wkt, dst_wkt)
    return lambda g: shapely.transform(densify(g), lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))


def round_geoms(geoms: Any, decimals: int) -> Any:
    return shapely.transform(geoms, lambda xy: np.round(xy, decimals))


def cast_value(schema: dict, name: str, value: str) -> Any:
    """A property value from the query string (``?height=12``) as the property's type."""
    try:
        if schema["type"] == "integer":
            n = int(value)
            return n if -2**63 <= n < 2**63 else float(n)
        if schema["type"] == "number":
            return float(value)
    except ValueError:
        raise FilterError(f"value for '{name}' must be a {schema['type']}", field=name, value=value) from None
    return value


def encode_features(rows: Sequence[Sequence[Any]], props: list[str], select_properties: Sequence[str] | None,
                    id_field: str, wkbs: Sequence[bytes | None] | None, tr: pyproj.Transformer | None,
                    decimals: int) -> list[dict]:
    """GeoJSON features from rows ``(pk, *props, geometry)``; ``wkbs`` are the geometries as plain WKB
    (None: no geometry), transformed with ``tr`` (if any) and rounded to ``decimals``."""
    feats = []
    out_props = [p for p in props if not select_properties or p in select_properties]
    idx = {p: i + 1 for i, p in enumerate(props)}
    for r in rows:
        feats.append({"type": "Feature", "id": r[idx[id_field]] if id_field in idx else r[0],
                      "properties": {p: r[idx[p]] for p in out_props}, "geometry": None})
    if wkbs is None or not rows:
        return feats
    geoms = shapely.from_wkb(np.array(list(wkbs), dtype=object))
    types = shapely.get_type_id(geoms)
    # points: build GeoJSON directly (the common case); an empty point has no coordinate pair
    if len(types) and (types == 0).all() and not shapely.is_empty(geoms).any():
        xy = shapely.get_coordinates(geoms)
        if tr is not None:
            xy = np.column_stack(tr.transform(xy[:, 0], xy[:, 1]))
        for f, (x, y) in zip(feats, np.round(xy, decimals).tolist(), strict=True):
            f["geometry"] = {"type": "Point", "coordinates": [x, y]}
    else:
        if tr is not None:
            t = tr
            geoms = shapely.transform(geoms, lambda xy: np.column_stack(t.transform(xy[:, 0], xy[:, 1])))
        texts = shapely.to_geojson(round_geoms(geoms, decimals))
        parsed = json.loads("[" + ",".join("null" if t is None else t for t in texts) + "]")
        for f, g in zip(feats, parsed, strict=True):
            f["geometry"] = g
    return feats


def feature_collection(features: list[dict], matched: int | None) -> dict[str, Any]:
    """The provider's answer; without ``numberMatched`` when the count is unknown (PostGIS: timed out)."""
    doc: dict[str, Any] = {"type": "FeatureCollection", "features": features}
    if matched is not None:
        doc["numberMatched"] = matched
    doc["numberReturned"] = len(features)
    return doc
