"""Incremental updates: which objects are new, changed or removed since the current publication.

The previous state is read back from the previous publication's download GeoPackage
(``<current version folder>/<dataset>.gpkg``, kept by every store; no extra state file):

* the INSPIRE layer gives ``localId -> beginLifespanVersion``;
* the source view layer gives the content of each object. A content hash is computed the same way for the
  previous and the new source view (values normalised to text, numbers rounded to 1e-6, coordinates to the
  millimetre, so a GeoPackage round trip does not count as a change).

Objects are matched by ``localId`` (= the stable source key): an unchanged object keeps its
``beginLifespanVersion``; a new or changed one gets the run time. Objects that were published before
and are gone now are returned by ``removed()`` in INSPIRE-view form with ``endLifespanVersion`` set; the
pipeline writes them to the GML only (the GeoPackage/OGC API show the current state), so a harvester of
the GML sees the end of their life. The removal is announced in the first version after it;
``history.json`` and the run report (``changes``) keep the lists.
"""
from __future__ import annotations

import logging
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from core.config import Dataset, Settings
from core.store import get_store

from .localid import local_ids

LOGGER = logging.getLogger(__name__)
MAX_LISTED = 1000  # ids listed per category in the report; counts are always complete
PREVIOUS_CHUNK = 100_000


def content_hash(view: gpd.GeoDataFrame, optional: tuple[str, ...] = ()) -> np.ndarray:
    """One 64-bit hash (as text) per row over all non-geometry columns (sorted by name) and the geometry.

    ``optional`` (the mapper's ``optional_columns``): columns that count only where a row has a value in one
    of them; a row empty in all of them hashes exactly as if the columns did not exist. So adding such columns
    (the trees' laser measurements) changes the rows that got values, not every row of the dataset."""
    cols = sorted(c for c in view.columns if c != view.geometry.name and not c.startswith("_")
                  and c not in optional)
    norm = _normalised(view, cols)
    geoms = view.geometry.to_numpy()
    present = ~shapely.is_missing(geoms)
    wkb = np.full(len(geoms), "", dtype=object)
    if present.any():
        rounded = shapely.transform(geoms[present], lambda c: np.round(c, 3))
        wkb[present] = shapely.to_wkb(shapely.normalize(rounded), hex=True, output_dimension=2)
    norm["__geom"] = wkb
    # as text: a uint64 column turns float64 (losing digits) as soon as a reindex introduces a NaN
    out = pd.util.hash_pandas_object(norm, index=False).to_numpy().astype(str).astype(object)
    extra = sorted(c for c in optional if c in view.columns)
    if extra:
        opt = _normalised(view, extra)
        filled = (opt != "").any(axis=1).to_numpy()
        if filled.any():
            opt = opt[filled]
            opt.insert(0, "__base", out[filled])
            out[filled] = pd.util.hash_pandas_object(opt, index=False).to_numpy().astype(str).astype(object)
    return out


def _normalised(view: gpd.GeoDataFrame, cols: list[str]) -> pd.DataFrame:
    """The columns as text: numbers rounded to 1e-6 (a GeoPackage round trip is no change), NULL as ''."""
    norm = pd.DataFrame(index=range(len(view)))
    for c in cols:
        s = view[c].reset_index(drop=True)
        if pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
            v = pd.to_numeric(s, errors="coerce").astype(float).round(6)
            norm[c] = v.map(lambda x: "" if pd.isna(x) else repr(float(x)))
        else:
            norm[c] = s.astype(object).where(s.notna(), "").astype(str)
    return norm


class Lifecycle:
    def __init__(self, mapper, previous: pd.DataFrame, inspire_prev_path: str | None, inspire_layer: str):
        self.mapper = mapper
        self.now = mapper.run_time_iso
        self.prev = previous  # index localId; columns hash, begin
        self._prev_path = inspire_prev_path
        self._inspire_layer = inspire_layer
        self.seen: set[str] = set()
        self.new: list[str] = []
        self.changed: list[str] = []
        self.unchanged = 0

    @classmethod
    def from_previous(cls, ds: Dataset, settings: Settings, mapper) -> Lifecycle | None:
        """None when nothing was published before (every object is new: the mapper's run time applies)."""
        # the previous version's download GeoPackage: every store keeps it in the version's folder (the
        # PostGIS store too), so lifespans do not depend on where the features are served from
        folder = get_store(settings).current_dir(ds.id)
        if folder is None or not (folder / f"{ds.id}.gpkg").is_file():
            return None
        gpkg = (folder / f"{ds.id}.gpkg").resolve()
        layers = {name for name, _ in pyogrio.list_layers(gpkg)}
        src_layer, ins_layer = f"{ds.id}_source", mapper.collection
        if src_layer not in layers or ins_layer not in layers:
            LOGGER.warning("%s: previous publication lacks layer %s or %s; treating all objects as new",
                           ds.id, src_layer, ins_layer)
            return None
        # the previous source view is read in chunks: only key -> hash stays in memory, so a re-run
        # of a million objects does not hold the whole previous layer at once
        total = pyogrio.read_info(gpkg, layer=src_layer)["features"]
        keys, hashes = [], []
        for start in range(0, total, PREVIOUS_CHUNK):
            src = pyogrio.read_dataframe(gpkg, layer=src_layer, fid_as_index=False, skip_features=start,
                                         max_features=PREVIOUS_CHUNK)
            keys.append(src["key"].astype(str).to_numpy(dtype=object))
            hashes.append(content_hash(src, getattr(mapper, "optional_columns", ())))
            del src
        ins = pyogrio.read_dataframe(gpkg, layer=ins_layer, columns=["localId", "beginLifespanVersion"],
                                     read_geometry=False)
        prev = pd.DataFrame({"hash": np.concatenate(hashes) if hashes else np.array([], dtype=object)},
                            index=np.concatenate(keys) if keys else np.array([], dtype=object))
        begin = pd.Series(ins["beginLifespanVersion"].astype(str).to_numpy(), index=ins["localId"].astype(str))
        # localIds are the source keys in INSPIRE's characters (transforms.localid); a version published
        # before that encoding has the raw key as localId, so both are looked up (lifespans survive the change)
        raw = pd.Series(prev.index, dtype=object)
        found = begin[~begin.index.duplicated()]
        prev["begin"] = found.reindex(local_ids(raw).to_numpy()).fillna(found.reindex(raw.to_numpy())).to_numpy()
        prev = prev[~prev.index.duplicated()]
        return cls(mapper, prev, str(gpkg), ins_layer)

    def annotate(self, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        """Add ``beginLifespanVersion``: kept for unchanged objects, the run time for new/changed ones."""
        keys = gdf["key"].astype(str).to_numpy()
        h = content_hash(self.mapper.source_view(gdf), getattr(self.mapper, "optional_columns", ()))
        prev = self.prev.reindex(keys)
        known = prev["hash"].notna().to_numpy()
        same = known & (prev["hash"].to_numpy(dtype=object) == h) & prev["begin"].notna().to_numpy()
        begin = np.where(same, prev["begin"].to_numpy(dtype=object), self.now)
        out = gdf.copy()
        out["beginLifespanVersion"] = begin
        self.seen.update(keys.tolist())
        self.new.extend(keys[~known].tolist())
        self.changed.extend(keys[known & ~same].tolist())
        self.unchanged += int(same.sum())
        return out

    def removed(self) -> gpd.GeoDataFrame:
        """Previously published objects missing now, as INSPIRE view rows with ``endLifespanVersion``."""
        gone = [k for k in self.prev.index if k not in self.seen]
        self._removed = gone
        if not gone or self._prev_path is None:
            return gpd.GeoDataFrame({"localId": []}, geometry=[], crs="EPSG:25832")
        ins = pyogrio.read_dataframe(self._prev_path, layer=self._inspire_layer, fid_as_index=False)
        gone_ids = set(gone) | set(local_ids(pd.Series(gone, dtype=object)))
        ins = ins[ins["localId"].astype(str).isin(gone_ids)].copy()
        ins["endLifespanVersion"] = self.now
        return ins.reset_index(drop=True)

    def summary(self) -> dict[str, Any]:
        removed = getattr(self, "_removed", [k for k in self.prev.index if k not in self.seen])
        out: dict[str, Any] = {"previous": len(self.prev), "unchanged": self.unchanged}
        for name, ids in (("new", self.new), ("changed", self.changed), ("removed", removed)):
            out[f"{name}_count"] = len(ids)
            out[name] = list(ids[:MAX_LISTED])
        return out
