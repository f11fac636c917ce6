"""Scale-dependent drawing of large point datasets: points where they can be told apart, a density grid
beyond.

A point dataset with at least ``settings.wms.overview_min_features`` features (default 50,000; a city's whole
tree register) whose publication carries a density grid (``transforms/overview.py``: features per 100 m cell,
i.e. per hectare) becomes a named group of two MapServer layers under its INSPIRE layer name, the standard
WMS form of one layer with scale-dependent representations:

* ``<name>.einzeln``: the points in the theme's style, up to the style's scale (trees: 1:30,000);
* ``<name>.dichte``: the grid in five classes (features per hectare), beyond that scale up to the dataset's
  extent, and GetFeatureInfo there answers with the count of the cell.

A client asking for ``<name>`` (GetMap, GetFeatureInfo, GetLegendGraphic) gets whichever of the two draws at
its scale; the capabilities list both children with their scale ranges (MapServer writes Min/Max
ScaleDenominator from the layers). Both read from the store like every layer (GeoPackage table or PostGIS
table of the same version), so the grid follows every publication and the tile cache's state.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from core.config import Dataset, Settings
from core.store import LayerRef

from . import styles
from .mapfile import WmsLayer, _geom_keyword, _layer, extent_scale, group_metadata

LOGGER = logging.getLogger(__name__)

OVERVIEW_MAXSCALE = 500_000   # the grid's own limit (raised to the dataset's extent like every layer's)
COLUMNS = ["count", "cell_m"]


def grid_name(layer_name: str) -> str:
    """The WMS name of the grid layer of the INSPIRE layer ``layer_name``."""
    return f"{layer_name}.dichte"


def grid_maxscale(manifest: dict[str, Any]) -> float:
    """The grid's MAXSCALEDENOM: its own limit, raised to the scale of the dataset's extent."""
    return float(extent_scale(manifest.get("bbox_25832"), OVERVIEW_MAXSCALE) or OVERVIEW_MAXSCALE)


def overview_ref(settings: Settings, store: Any, ds: Dataset, manifest: dict[str, Any],
                 geometry: str) -> LayerRef | None:
    """The density grid of a point dataset with at least ``settings.wms.overview_min_features`` features,
    None for any other layer (and when the publication has no grid: then the points are drawn as before)."""
    ov = manifest.get("overview") or {}
    least = settings.wms.overview_min_features
    if not ov.get("layer") or not least or int(ov.get("features") or 0) < least or _geom_keyword(geometry) != "point":
        return None
    ref = store.layer(ds.id, ov["layer"])
    if ref is None:
        LOGGER.warning("WMS: the overview %s/%s is missing; %s is drawn as points at every scale", ds.id,
                       ov["layer"], ds.id)
    return ref


def overview_group(layer: WmsLayer, settings: Settings, tdir: Path) -> list[dict[str, Any]]:
    """The two MapServer layers of ``layer`` (which has an ``overview``), grouped under its name."""
    if layer.overview is None:
        raise ValueError(f"{layer.name} has no overview")
    ds = layer.dataset
    split = layer.style.maxscale
    points = _layer(replace(layer, name=f"{layer.name}.einzeln", overview=None), settings, tdir)
    points["maxscaledenom"] = split  # not raised to the extent: beyond it the grid is drawn
    grid_layer = WmsLayer(name=grid_name(layer.name), dataset=ds, manifest=layer.manifest, ref=layer.overview,
                          geometry="Polygon", columns=list(COLUMNS),
                          style=styles.overview_style(ds.inspire.theme, OVERVIEW_MAXSCALE),
                          restricted=layer.restricted)
    grid = _layer(grid_layer, settings, tdir)
    grid["minscaledenom"] = split
    grid["maxscaledenom"] = grid_maxscale(layer.manifest)
    noun_de, noun_en = styles.overview_nouns(ds.inspire.theme)
    scale = f"{split:,.0f}".replace(",", ".")
    titles = {
        points["name"]: (f"{ds.title.de} – einzeln (bis 1:{scale})", f"{ds.title.en} – single features"),
        grid["name"]: (f"{ds.title.de} – {noun_de} je Hektar (Übersicht ab 1:{scale})",
                       f"{ds.title.en} – {noun_en} per hectare (overview)"),
    }
    for lay in (points, grid):
        de, en = titles[lay["name"]]
        lay["group"] = layer.name
        lay["metadata"].update({"wms_title": de, "wms_title.ger": de, "wms_title.eng": en,
                                **group_metadata(layer, settings)})
    return [points, grid]
