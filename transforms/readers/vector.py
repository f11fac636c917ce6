"""Reader for everything GDAL reads (GeoJSON, GeoPackage, Shapefile, GML, zipped archives) via pyogrio.

The declared CRS in ``dataset.yml`` wins over what the file says (GeoJSON files without a ``crs``
member are read by GDAL as EPSG:4326 even when their coordinates are UTM). Broken geometries
(unclosed rings…) do not abort the read: they arrive as None with a note, and are rejected per record.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely
from pydantic import Field
from pyogrio.errors import DataLayerError, DataSourceError

from core.config import Dataset, Settings, Source
from core.errors import SourceError
from core.plugins import Options, Reader

from ..safety import check_size, check_xml_file, check_zip

LOGGER = logging.getLogger(__name__)
CHUNK = 50_000


def gdal_path(path: Path, settings: Settings, member: str | None = None) -> str:
    """Safety checks, then the path GDAL should open (``/vsizip/`` for archives)."""
    check_size(path, settings.limits.max_source_bytes)
    if path.suffix.lower() == ".zip":
        names = check_zip(path, max_ratio=settings.limits.max_zip_ratio, max_total=settings.limits.max_zip_bytes)
        if member is None:
            cands = [n for n in names if n.lower().endswith((".gml", ".xml", ".geojson", ".json", ".gpkg", ".shp"))]
            if not cands:
                raise SourceError("zip holds no readable geodata file", file=str(path))
            member = cands[0]
        if member.lower().endswith((".gml", ".xml")):
            import zipfile
            with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
                from ..safety import check_xml_stream
                check_xml_stream(fh, f"{path}!{member}")
        return f"/vsizip/{path}/{member}"
    if path.suffix.lower() in (".gml", ".xml"):
        check_xml_file(path)
    return str(path)


class VectorOptions(Options):
    """Options of the ``vector`` reader."""

    layer: str | None = Field(default=None, examples=["gebaeude"],
                              description="layer to read from a multi-layer file (GeoPackage, GML); "
                              "default: the first layer")


class VectorReader(Reader):
    """Everything GDAL reads (GeoJSON, GeoPackage, Shapefile, GML, zipped archives), through pyogrio."""

    Options = VectorOptions

    def read(self, path: Path, source: Source, dataset: Dataset, settings: Settings,
             options: VectorOptions) -> Iterator[gpd.GeoDataFrame]:
        return _read(path, source, settings, options.layer)


VECTOR_READER = VectorReader()
read_vector = VECTOR_READER  # the callable form: read_vector(path, source, dataset, settings)


def _read(path: Path, source: Source, settings: Settings, layer: str | None) -> Iterator[gpd.GeoDataFrame]:
    gpath = gdal_path(path, settings)
    try:
        info = pyogrio.read_info(gpath, layer=layer)
    except (DataSourceError, DataLayerError) as exc:
        raise SourceError(f"GDAL cannot open it: {str(exc).strip()}", file=str(path),
                          field="options.layer" if layer else None, value=layer) from None
    total = int(info.get("features") or 0)
    if total == 0:
        raise SourceError("file holds no features", file=str(path))
    file_crs = info.get("crs")
    declared = source.crs
    if not declared and not file_crs:
        raise SourceError("the file declares no CRS and dataset.yml gives none; set 'crs' on the source",
                          file=str(path), field="crs")
    if declared and file_crs and path.suffix.lower() not in (".geojson", ".json"):
        from pyproj import CRS
        if not CRS.from_user_input(declared).equals(CRS.from_user_input(file_crs)):
            LOGGER.warning("%s: file says %s, dataset.yml declares %s; the declaration wins", path, file_crs, declared)
    missing = [c for c in dict.fromkeys(source.fields.values()) if c not in list(info["fields"])]
    if missing:
        raise SourceError(f"required column(s) missing: {', '.join(missing)}; the file has: "
                          f"{', '.join(info['fields'])}", file=str(path))
    for start in range(0, total, CHUNK):
        try:
            gdf = pyogrio.read_dataframe(gpath, layer=layer, skip_features=start,
                                         max_features=CHUNK, on_invalid="ignore", fid_as_index=False)
        except Exception as exc:  # noqa: BLE001 - GDAL raises many kinds for truncated files
            raise SourceError(f"GDAL failed while reading features {start}..{start + CHUNK}: "
                              f"{str(exc).strip()[:300]} (truncated or corrupt file?)", file=str(path)) from None
        crs = declared or file_crs
        gdf = gdf.set_crs(crs, allow_override=True) if gdf.crs is not None else gdf.set_crs(crs)
        n = len(gdf)
        issues: list[list[str]] = [[] for _ in range(n)]
        geoms = gdf.geometry.to_numpy()
        for i in np.flatnonzero(shapely.is_missing(geoms)):
            issues[i].append("rejected: geometry is missing or unreadable (e.g. unclosed ring)")
        _nested_as_json(gdf, issues)
        gdf["_row"] = [f"feature {start + i + 1}" for i in range(n)]
        gdf["_issues"] = issues
        gdf["_file"] = path.name
        yield gdf


def _nested_as_json(gdf: gpd.GeoDataFrame, issues: list[list[str]]) -> None:
    """Nested property values (GeoJSON arrays and objects, which GDAL hands over as Python lists and dicts)
    become JSON text, never Python repr; each such record is flagged with the field."""
    for col in gdf.columns:
        if col == gdf.geometry.name or gdf[col].dtype != object:
            continue
        vals = gdf[col].to_numpy()
        nested = [i for i, v in enumerate(vals) if isinstance(v, (list, dict, tuple, np.ndarray))]
        if not nested:
            continue
        out = vals.copy()
        for i in nested:
            v = vals[i].tolist() if isinstance(vals[i], np.ndarray) else vals[i]
            out[i] = json.dumps(v, ensure_ascii=False, default=str)
            issues[i].append(f"flagged: field '{col}' holds nested JSON ({type(v).__name__}); published as JSON "
                             "text")
        gdf[col] = out
