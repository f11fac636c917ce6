"""Streamed GeoJSON per the INSPIRE GeoJSON encoding rule: flattened properties, code lists as URIs,
``id`` = inspireId URI, coordinates in CRS84 (lon/lat) as RFC 7946 demands."""
from __future__ import annotations

import json
import math
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely

from core.plugins import Encoder, Mapper


class GeoJsonEncoder(Encoder):
    suffix = ".geojson"

    def __init__(self, path: Path, *, mapper: Mapper, layer: str = "", run_time_iso: str,
                 validator_factory: Callable[..., Any] | None = None):
        self.path = path
        self.count = 0
        self._fh = open(path, "w", encoding="utf-8")  # noqa: SIM115 - streamed writer, closed in close()
        self._fh.write('{"type":"FeatureCollection","name":' + json.dumps(mapper.collection)
                       + ',"timeStamp":' + json.dumps(run_time_iso) + ',"features":[\n')

    def write(self, view: gpd.GeoDataFrame) -> None:
        if len(view) == 0:
            return
        self._fh.write(("" if self.count == 0 else ",\n") + features_json(view))
        self.count += len(view)

    def append_part(self, part: Path, n: int) -> None:
        """Append a part file of ``n`` features encoded elsewhere (``features_json`` on a dask worker)."""
        if n == 0:
            part.unlink()
            return
        if self.count:
            self._fh.write(",\n")
        self._fh.flush()
        with open(part, "rb") as src:
            shutil.copyfileobj(src, self._fh.buffer, 1 << 20)
        part.unlink()
        self.count += n

    def abort(self) -> None:
        if not self._fh.closed:
            self._fh.close()

    def close(self) -> None:
        self._fh.write("\n]}\n")
        self._fh.close()


def features_json(view: gpd.GeoDataFrame) -> str:
    """The features of ``view`` (an INSPIRE view in any CRS) as GeoJSON text, CRS84, joined by ``,\\n``."""
    wgs = view.to_crs("OGC:CRS84") if view.crs is not None else view
    geoms = shapely.to_geojson(shapely.set_precision(wgs.geometry.to_numpy(), 1e-7))
    props = wgs.drop(columns=wgs.geometry.name).to_dict("records")
    parts = []
    for g, p in zip(geoms, props, strict=True):
        p = {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in p.items()}
        parts.append('{"type":"Feature","id":' + json.dumps(p.get("inspireId") or p.get("localId"))
                     + ',"geometry":' + g + ',"properties":' + json.dumps(p, ensure_ascii=False, default=str) + "}")
    return ",\n".join(parts)
