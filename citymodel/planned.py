"""Planned building volumes (a plan variant of the participation module) as their own tileset, so the
viewer can toggle them over the existing buildings. Same pipeline, same georeference rules, other
colours; the label/variant is shown where existing buildings show the address."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import numpy as np

from core.area import GREENFIELD_25832

from .build import CityModelOptions, build_tileset


def _default_dgm(out_dir: Path) -> Path | None:
    """The demo DGM of the same var dir (``<var>/3dtiles/planned/<name>`` -> ``<var>/citymodel/...``),
    so planned volumes sit on the same terrain reference as the existing buildings."""
    for p in Path(out_dir).resolve().parents:
        cand = p / "citymodel" / "dgm_demo.tif"
        if cand.exists():
            return cand
    return None


def build_planned_tileset(volumes, out_dir: Path, name: str, *, dgm: Path | None = None, lod: Literal[1, 2] = 2,
                          **options) -> dict:
    """Write planned volumes (GeoDataFrame: ``key``, ``height_m``, ``storeys``, optional ``roof_form``,
    ``label``/``variant``; Polygon/MultiPolygon) to ``out_dir`` as 3D Tiles 1.1. Returns the report."""
    import geopandas as gpd
    gdf = volumes.copy()
    if gdf.crs is None:
        gdf = gdf.set_crs(25832)
    if "key" not in gdf.columns:
        gdf["key"] = [f"plan-{i}" for i in range(len(gdf))]
    label = gdf["label"].astype(str) if "label" in gdf.columns else None
    if "variant" in gdf.columns:
        v = gdf["variant"].astype(str)
        label = v if label is None else label + " (" + v + ")"
    gdf["address"] = label if label is not None else None
    gdf["function_code"] = gdf["function_code"] if "function_code" in gdf.columns else np.nan
    if "roof_form" not in gdf.columns:
        gdf["roof_form"] = 1000
    gdf = gpd.GeoDataFrame(gdf, geometry=gdf.geometry.name, crs=gdf.crs)
    dgm = dgm if dgm is not None else _default_dgm(out_dir)
    if dgm is not None and "vertical" not in options:   # on the DGM: as the existing buildings (terrain on/off)
        from .terrain_tiles import terrain_vertical
        options["vertical"] = terrain_vertical()
    opts = CityModelOptions(lod=lod, dgm=dgm, name=name, style="planned", workers=1, **options)
    return build_tileset(gdf, Path(out_dir), opts)


def demo_volumes():
    """Three planned volumes on the field the demo town leaves free east of the old town (demo)."""
    import geopandas as gpd
    from shapely.geometry import Polygon
    x, y = GREENFIELD_25832[0] + 60, GREENFIELD_25832[1] + 60
    polys = [Polygon([(x, y), (x + 40, y), (x + 40, y + 14), (x, y + 14)]),
             Polygon([(x, y + 30), (x + 14, y + 30), (x + 14, y + 70), (x + 40, y + 70), (x + 40, y + 84),
                      (x, y + 84)]),
             Polygon([(x + 60, y), (x + 90, y), (x + 90, y + 30), (x + 60, y + 30)])]
    return gpd.GeoDataFrame({"key": ["plan-1", "plan-2", "plan-3"], "height_m": [13.5, 16.0, 22.0],
                             "storeys": [4, 5, 7], "roof_form": [3100, 3200, 1000],
                             "label": ["Wohnhaus A", "Wohnhaus B", "Quartiersgarage"], "variant": "Variante 1"},
                            geometry=polys, crs="EPSG:25832")
