"""Streamed INSPIRE GML 3.2 writer: a ``wfs:FeatureCollection`` of ``wfs:member`` elements.

The file is written member by member (memory stays flat for a million features); the mapper supplies
each member's XML, this module supplies the envelope and the geometry encoding.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import geopandas as gpd
import pandas as pd
import shapely

from core.plugins import Encoder, Mapper

from ..themes.base import gml_id
from .gmlgeom import geometry_gml, is_point_array, points_gml

BASE_NS = {
    "wfs": "http://www.opengis.net/wfs/2.0",
    "gml": "http://www.opengis.net/gml/3.2",
    "xlink": "http://www.w3.org/1999/xlink",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
WFS_XSD = "http://schemas.opengis.net/wfs/2.0/wfs.xsd"


class GmlEncoder(Encoder):
    suffix = ".gml"

    def __init__(self, path: Path, *, mapper: Mapper, layer: str = "", run_time_iso: str,
                 validator_factory: Callable[..., Any] | None = None):
        self.path = path
        self.mapper = mapper
        self.count = 0
        self._fh: IO[str] = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - streamed
        ns = {**BASE_NS, **mapper.namespaces}
        xmlns = " ".join(f'xmlns:{k}="{v}"' for k, v in ns.items())
        locs = " ".join(f"{k} {v}" for k, v in {BASE_NS["wfs"]: WFS_XSD, **mapper.schema_locations}.items())
        # numberMatched/numberReturned are patched in close(); xs:nonNegativeInteger collapses whitespace,
        # so a right-justified number in a fixed-width slot is valid and can be written in place
        self._fh.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                       f'<wfs:FeatureCollection {xmlns} timeStamp="{run_time_iso}" '
                       f'numberMatched="{" " * 12}" numberReturned="{" " * 12}" '
                       f'xsi:schemaLocation="{locs}">\n')
        self._fh.flush()
        self.validator = None
        if validator_factory is not None:
            envelope = (f'<wfs:FeatureCollection {xmlns} timeStamp="{run_time_iso}" numberMatched="unknown" '
                        f'numberReturned="0" xsi:schemaLocation="{locs}">')
            pairs = tuple(zip(locs.split()[0::2], locs.split()[1::2], strict=True))
            self.validator = validator_factory(envelope, pairs)

    def write(self, view: gpd.GeoDataFrame) -> None:
        # small slices keep the joined text (and its encoded copy) small: memory stays flat
        for start in range(0, len(view), 5000):
            self._write(view.iloc[start:start + 5000])

    def _write(self, view: gpd.GeoDataFrame) -> None:
        if len(view) == 0:
            return
        geoms = view.geometry.to_numpy()
        cols = [c for c in view.columns if c != view.geometry.name]
        recs = [dict(zip(cols, vals, strict=True)) for vals in zip(*(_column(view[c]) for c in cols), strict=True)]
        gids = [gml_id(self.mapper.gml_prefix, str(r["localId"])) for r in recs]
        if is_point_array(geoms):
            ggml = points_gml(shapely.get_x(geoms), shapely.get_y(geoms), gids)
        else:
            multi = "MultiSurface" in self.mapper.gml_geometry
            ggml = [geometry_gml(g, gid, multi_surface=multi) for g, gid in zip(geoms, gids, strict=True)]
        members = [self.mapper.gml_member(r, g) for r, g in zip(recs, ggml, strict=True)]
        body = "".join(members)
        self._fh.write(body)
        if self.validator is not None:
            self.validator.submit(body, len(members))
        self.count += len(members)

    def validation_errors(self) -> list[str] | None:
        return None if self.validator is None else self.validator.result()

    def abort(self) -> None:
        if self.validator is not None:
            self.validator.cancel()
        if not self._fh.closed:
            self._fh.close()

    def close(self) -> None:
        self._fh.write("</wfs:FeatureCollection>\n")
        self._fh.close()
        n = str(self.count).rjust(12).encode()
        with open(self.path, "r+b") as fh:
            head = fh.read(8192)
            for attr in (b'numberMatched="', b'numberReturned="'):
                i = head.index(attr) + len(attr)
                fh.seek(i)
                fh.write(n)


def _column(col) -> list:
    """Column values as a list with NaN/NA as None (checked per column, not per value)."""
    values = col.tolist()
    if col.hasnans:
        return [None if pd.isna(v) else v for v in values]
    return values
