"""Base class of INSPIRE mappers.

A mapper turns checked source records (one GeoDataFrame chunk at a time, so memory stays bounded)
into two views: the INSPIRE view (properties flattened per the INSPIRE GeoJSON encoding rule, code
lists as URIs) and the source view (attributes with no INSPIRE target), and writes GML members.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Any, ClassVar

import geopandas as gpd
import numpy as np
import pandas as pd

from core.config import Dataset, Settings, Source
from core.plugins import READERS, Options
from core.plugins import Mapper as MapperBase

from ..readers.csv import parse_numbers

CODELIST = "http://inspire.ec.europa.eu/codelist"
_NCNAME_BAD = re.compile(r"[^A-Za-z0-9_.-]")


def gml_id(prefix: str, local_id: str) -> str:
    """A valid, unique NCName for gml:id, reversible for any local id (``:`` -> ``_3a_``)."""
    return prefix + "_" + _NCNAME_BAD.sub(lambda m: f"_{ord(m.group(0)):x}_", local_id)


def xml_escape(v: Any) -> str:
    s = str(v)
    if "&" in s or "<" in s or ">" in s or '"' in s:
        s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return s


class Mapper(MapperBase):
    """Shared helpers of the built-in mappers. Subclasses set the class attributes and ``Options`` (their
    options model) and implement ``prepare``, ``inspire_view``, ``source_view`` and ``gml_member`` (see
    ``core.plugins.Mapper``). ``self.options`` is the dataset's ``options``, validated."""

    required_fields: ClassVar[tuple[str, ...]] = ("key",)
    options: Options

    def __init__(self, dataset: Dataset, settings: Settings, run_time: datetime):
        self.dataset = dataset
        self.settings = settings
        self.run_time = run_time
        self.run_time_iso = run_time.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.namespace = dataset.inspire.namespace
        self.stats: dict[str, Any] = {}
        self.options = self.options_for(dataset)
        # several datasets of one feature type (e.g. a public and a restricted view) need distinct ids
        self.collection = dataset.collection or type(self).collection
        self._decimals: dict[int, str] = {}

    # -- helpers ---------------------------------------------------------------------------------
    def field(self, gdf: gpd.GeoDataFrame, source: Source, name: str) -> pd.Series:
        col = source.fields.get(name)
        if col is None or col not in gdf.columns:
            return pd.Series([""] * len(gdf), index=gdf.index, dtype=object)
        return gdf[col].fillna("").astype(str).str.strip()

    def number(self, gdf: gpd.GeoDataFrame, source: Source, name: str, *, lo: float | None = None,
               hi: float | None = None, what: str = "") -> np.ndarray:
        """Parse a numeric field; text, NaN and out-of-range values are emptied and reported."""
        raw = self.field(gdf, source, name)
        vals, bad = parse_numbers(raw, self.decimal(source))
        col = source.fields.get(name, name)
        issues = gdf["_issues"]
        for i in np.flatnonzero(bad):
            issues.iat[i].append(f"repaired: field '{col}' value {raw.iat[i]!r} is not a number; left empty")
        if lo is not None or hi is not None:
            low = (vals < lo) if lo is not None else False
            high = (vals > hi) if hi is not None else False
            out = ~np.isnan(vals) & (low | high)
            for i in np.flatnonzero(out):
                issues.iat[i].append(f"repaired: field '{col}' value {raw.iat[i]!r} is implausible "
                                     f"({what or f'outside {lo}..{hi}'}); left empty")
            vals = vals.copy()
            vals[out] = np.nan
        return vals

    def decimal(self, source: Source) -> str:
        """Decimal separator of numbers written as text in ``source``: the reader's ``decimal`` option
        where it has one (csv), else '.'."""
        key = id(source)
        if key not in self._decimals:
            opts = READERS.get(source.reader).options_for(source, self.dataset)
            self._decimals[key] = str(getattr(opts, "decimal", "."))
        return self._decimals[key]

    def note_crs(self, gdf: gpd.GeoDataFrame) -> None:
        """Record, once per source CRS, which transformation PROJ uses to the storage CRS and its accuracy
        (``core.crs.transformation_info``, limited to the data's area), for the report and the lineage."""
        if gdf.crs is None or not len(gdf):
            return
        src = gdf.crs.to_string()
        seen = self.stats.setdefault("crs_transformations", [])
        if any(t["source"] == src for t in seen):
            return
        from core.area import STORAGE_CRS
        from core.crs import describe_transformation, transformation_info
        area = None
        try:
            b = gdf.geometry.dropna()
            if len(b):
                lon_lat = gpd.GeoSeries(b.iloc[:1000].to_numpy(), crs=gdf.crs).to_crs("EPSG:4326").total_bounds
                if np.all(np.isfinite(lon_lat)):
                    area = (float(lon_lat[0]), float(lon_lat[1]), float(lon_lat[2]), float(lon_lat[3]))
        except Exception:  # noqa: BLE001 - an unusable extent only widens the candidates
            area = None
        info = dict(transformation_info(src, STORAGE_CRS, area))
        info["text"] = describe_transformation(info)
        seen.append(info)

    def inspire_id_uri(self, local_id: str) -> str:
        return f"{self.namespace}/{local_id}"

    def report_extra(self) -> dict[str, Any]:
        return dict(self.stats)
