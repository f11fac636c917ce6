"""Streamed INSPIRE GML 3.2 writer: a ``wfs:FeatureCollection`` of ``wfs:member`` elements.

The file is written member by member (memory stays flat for a million features); the mapper supplies
each member's XML, this module supplies the envelope and the geometry encoding.
"""
from __future__ import annotations

import queue
import shutil
import threading
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
        # binary + our own encode: TextIOWrapper's write costs twice encode + write; the write itself goes
        # to a thread (the disk works while the next members are built)
        self._fh: IO[bytes] = open(path, "wb")  # noqa: SIM115 - streamed writer, closed in close()
        self._out = _Writer(self._fh)
        ns = {**BASE_NS, **mapper.namespaces}
        xmlns = " ".join(f'xmlns:{k}="{v}"' for k, v in ns.items())
        locs = " ".join(f"{k} {v}" for k, v in {BASE_NS["wfs"]: WFS_XSD, **mapper.schema_locations}.items())
        # numberMatched/numberReturned are patched in close(); xs:nonNegativeInteger collapses whitespace,
        # so a right-justified number in a fixed-width slot is valid and can be written in place
        self._fh.write(('<?xml version="1.0" encoding="UTF-8"?>\n'
                        f'<wfs:FeatureCollection {xmlns} timeStamp="{run_time_iso}" '
                        f'numberMatched="{" " * 12}" numberReturned="{" " * 12}" '
                        f'xsi:schemaLocation="{locs}">\n').encode())
        self._fh.flush()
        # what a validator of member slices needs (here, or on the workers of a dask cluster)
        self.envelope = (f'<wfs:FeatureCollection {xmlns} timeStamp="{run_time_iso}" numberMatched="unknown" '
                         f'numberReturned="0" xsi:schemaLocation="{locs}">')
        self.locations = tuple(zip(locs.split()[0::2], locs.split()[1::2], strict=True))
        self.validator = None
        if validator_factory is not None:
            self.validator = validator_factory(self.envelope, self.locations)

    def write(self, view: gpd.GeoDataFrame) -> None:
        # small slices keep the joined text (and its encoded copy) small: memory stays flat
        for start in range(0, len(view), 5000):
            self._write(view.iloc[start:start + 5000])

    def _write(self, view: gpd.GeoDataFrame) -> None:
        if len(view) == 0:
            return
        body = members_xml(self.mapper, view)
        self._out.write(body.encode())
        if self.validator is not None:
            self.validator.submit(body, len(view))
        self.count += len(view)

    def append_part(self, part: Path, n: int) -> None:
        """Append a part file of ``n`` members encoded elsewhere (``members_xml`` on a dask worker); the
        writer thread copies it in order and removes it."""
        self._out.write(part)
        self.count += n

    def validation_errors(self) -> list[str] | None:
        return None if self.validator is None else self.validator.result()

    def abort(self) -> None:
        if self.validator is not None:
            self.validator.cancel()
        self._out.close(raise_error=False)
        if not self._fh.closed:
            self._fh.close()

    def close(self) -> None:
        self._out.write(b"</wfs:FeatureCollection>\n")
        self._out.close()
        self._fh.close()
        n = str(self.count).rjust(12).encode()
        with open(self.path, "r+b") as fh:
            head = fh.read(8192)
            for attr in (b'numberMatched="', b'numberReturned="'):
                i = head.index(attr) + len(attr)
                fh.seek(i)
                fh.write(n)


class _Writer:
    """Writes byte blocks to a file from a thread (a short queue: memory stays bounded); an error of the
    write surfaces in the next ``write`` or in ``close``."""

    def __init__(self, fh: IO[bytes]):
        self._fh = fh
        self._q: queue.Queue[bytes | Path | None] = queue.Queue(maxsize=4)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=f"write-{Path(fh.name).name}", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (block := self._q.get()) is not None:
            if self._error is None:
                try:
                    if isinstance(block, Path):  # a part file encoded elsewhere
                        _append_file(block, self._fh)
                    else:
                        self._fh.write(block)
                except BaseException as exc:  # noqa: BLE001 - kept for the producer, which raises it
                    self._error = exc

    def write(self, block: bytes | Path) -> None:
        if self._error is not None:
            raise self._error
        self._q.put(block)

    def close(self, raise_error: bool = True) -> None:
        if self._thread.is_alive():
            self._q.put(None)
            self._thread.join()
        if raise_error and self._error is not None:
            raise self._error


def members_xml(mapper: Mapper, view: gpd.GeoDataFrame) -> str:
    """The ``wfs:member`` elements of ``view`` (the INSPIRE view of one chunk) as one string."""
    geoms = view.geometry.to_numpy()
    cols = [c for c in view.columns if c != view.geometry.name]
    recs = [dict(zip(cols, vals, strict=True)) for vals in zip(*(_column(view[c]) for c in cols), strict=True)]
    gids = [gml_id(mapper.gml_prefix, str(r["localId"])) for r in recs]
    if is_point_array(geoms):
        ggml = points_gml(shapely.get_x(geoms), shapely.get_y(geoms), gids)
    else:
        multi = "MultiSurface" in mapper.gml_geometry
        ggml = [geometry_gml(g, gid, multi_surface=multi) for g, gid in zip(geoms, gids, strict=True)]
    return "".join(mapper.gml_member(r, g) for r, g in zip(recs, ggml, strict=True))


def _append_file(part: Path, fh: IO[bytes]) -> None:
    with open(part, "rb") as src:
        shutil.copyfileobj(src, fh, 1 << 20)
    part.unlink()


def _column(col) -> list:
    """Column values as a list with NaN/NA as None (checked per column, not per value)."""
    values = col.tolist()
    if col.hasnans:
        return [None if pd.isna(v) else v for v in values]
    return values
