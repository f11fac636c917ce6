"""Reading building footprints and deciding their heights.

Accepts two column sets and normalises both to the BU *source view* contract of the transforms
package (``key, function_code, storeys, height_m, roof_form, ridge_height_m, eaves_height_m,
ground_height_m, address``):

* the published BU source view (layer ``<id>_source`` in ``var/publish/<id>/current/<id>.gpkg``);
* an ALKIS-style export as written by ``transforms.generate.buildings`` (``oid, gebaeudefunktion,
  anzahlDerOberirdischenGeschosse, dachform, hoehe, firsthoehe, traufhoehe, strasse, hausnummer``).

Owners or other personal data are never read: only the columns above are kept.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from core.errors import SourceError

LOGGER = logging.getLogger(__name__)

CONTRACT = ["key", "function_code", "storeys", "height_m", "roof_form", "ridge_height_m", "eaves_height_m",
            "ground_height_m", "address"]
ALKIS_MAP = {"oid": "key", "gebaeudefunktion": "function_code", "anzahlDerOberirdischenGeschosse": "storeys",
             "hoehe": "height_m", "dachform": "roof_form", "firsthoehe": "ridge_height_m",
             "traufhoehe": "eaves_height_m"}


def list_layer(path: Path, layer: str | None) -> str:
    """The layer to read: the given one, else ``*_source`` if present, else the first."""
    import pyogrio
    try:
        layers = [name for name, _ in pyogrio.list_layers(path)]
    except Exception as exc:  # pyogrio raises DataSourceError subclasses
        raise SourceError(f"cannot open building footprints: {exc}", file=str(path)) from exc
    if layer:
        if layer not in layers:
            raise SourceError(f"layer not found; layers: {', '.join(layers)}", file=str(path), field="layer",
                              value=layer)
        return layer
    src = [n for n in layers if n.endswith("_source")]
    return src[0] if src else layers[0]


def drawn(gdf):
    """The rows that are bodies of their own: without a building whose only geometry is the union of its
    BuildingParts (BU source view of CityGML: ``own_body`` false; its parts are rows of their own)."""
    if "own_body" not in gdf.columns:
        return gdf
    return gdf[pd.Series(gdf["own_body"]).astype("boolean").fillna(True).to_numpy(bool)]


def normalise(gdf, file: str = "<memory>"):
    """Map either column set to the contract columns (missing ones become null)."""
    import geopandas as gpd
    gdf = drawn(gdf)
    cols = set(gdf.columns)
    if "key" not in cols and "oid" in cols:
        gdf = gdf.rename(columns={k: v for k, v in ALKIS_MAP.items() if k in cols})
        if "strasse" in gdf.columns:
            street = gdf["strasse"].astype(object)
            hnr = gdf["hausnummer"].astype(object) if "hausnummer" in gdf.columns else ""
            addr = street.where(street.isna(), street.astype(str) + " " + pd.Series(hnr, index=gdf.index)
                                .fillna("").astype(str))
            gdf["address"] = addr.str.strip()
    if "key" not in gdf.columns:
        raise SourceError("building footprints need a key column ('key' or ALKIS 'oid')", file=file,
                          field="key")
    out = pd.DataFrame(index=gdf.index)
    n = len(gdf)
    for c in CONTRACT:
        if c in gdf.columns:
            out[c] = gdf[c].values
        else:
            out[c] = [None] * n if c in ("address",) else np.full(n, np.nan)
    out["key"] = out["key"].astype(str)
    if "lod2" in gdf.columns:  # LoD2 surfaces of a CityGML source, drawn as they are (citymodel.lod2)
        out["lod2"] = gdf["lod2"].values
    for c in ("function_code", "storeys", "roof_form", "height_m", "ridge_height_m", "eaves_height_m",
              "ground_height_m"):
        out[c] = pd.to_numeric(out[c], errors="coerce").astype("float64")
    geom = gdf.geometry
    if geom.crs is not None and geom.crs.to_epsg() != 25832:
        geom = geom.to_crs(25832)
    return gpd.GeoDataFrame(out, geometry=geom.values, crs="EPSG:25832")


def read_footprints(path: Path, layer: str | None = None, fids=None):
    """Read (a subset by ``fids`` of) a footprint layer (name resolved by ``list_layer``) and normalise
    it. Index = feature id."""
    import pyogrio
    gdf = pyogrio.read_dataframe(path, layer=layer, fids=fids, fid_as_index=True, use_arrow=True)
    return normalise(gdf, str(path))


@dataclass
class HeightRules:
    """Heights in metres; ``storey_height`` and ``default_height`` are configurable (gdi citymodel)."""
    storey_height: float = 3.0
    default_height: float = 6.0
    default_pitch_deg: float = 40.0


def resolve_heights(df, pitched: np.ndarray, default_roof_h: np.ndarray, rules: HeightRules):
    """Total height, eaves height and height source per building (all relative to the ground).

    Order: measured height > ridge/eaves heights > storeys x storey height > default. For pitched roofs
    the ridge is ``eaves + roof height``; the roof height comes from ridge-eaves where both are known,
    else ``default_roof_h`` (default pitch over the roof's run), at most half the total height.
    Ridge/eaves values above the ground height are taken as absolute (NHN) and made relative.
    """
    ground = df["ground_height_m"].to_numpy(float)
    ridge = df["ridge_height_m"].to_numpy(float).copy()
    eaves = df["eaves_height_m"].to_numpy(float).copy()
    g_ok = np.isfinite(ground)
    for arr in (ridge, eaves):
        absolute = g_ok & np.isfinite(arr) & (arr > ground) & (ground > 0)
        arr[absolute] -= ground[absolute]
    measured = df["height_m"].to_numpy(float)
    storeys = df["storeys"].to_numpy(float)
    src = np.full(len(df), 3, dtype=np.uint8)
    total = np.full(len(df), rules.default_height)
    has_st = np.isfinite(storeys) & (storeys > 0)
    st_h = storeys * rules.storey_height
    total = np.where(has_st, st_h, total)
    src[has_st] = 2
    has_re = (np.isfinite(ridge) & (ridge > 0)) | (np.isfinite(eaves) & (eaves > 0))
    re_total = np.where(np.isfinite(ridge) & (ridge > 0), ridge, eaves)
    total = np.where(has_re, re_total, total)
    src[has_re] = 1
    has_m = np.isfinite(measured) & (measured > 0)
    total = np.where(has_m, measured, total)
    src[has_m] = 0

    roof_h = np.minimum(default_roof_h, 0.5 * total)
    both = np.isfinite(ridge) & np.isfinite(eaves) & (ridge > eaves) & (eaves > 0)
    roof_h = np.where(both, ridge - eaves, roof_h)
    # eaves: known eaves (if below total) > storeys (if below total) > total - roof height
    eav = total - roof_h
    use_st = has_st & (st_h < total - 0.5) & ~(src == 2)
    eav = np.where(use_st, np.maximum(st_h, total - 2.0 * roof_h), eav)
    known_e = np.isfinite(eaves) & (eaves > 0) & (eaves < total)
    eav = np.where(known_e, eaves, eav)
    eav = np.where(pitched, np.clip(eav, 0.5, total), total)
    return total, eav, src
