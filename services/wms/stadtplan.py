"""The offline base map (``Stadtplan``): MapServer layers beneath the published layers, drawn from a file.

The source is a GeoPackage with the layers ``strassen``, ``bloecke``, ``gewaesser`` and ``gruen``
(``settings.basemap``; by default the demo town's ``datasets/stadtplan/stadtplan_hildesheim_beispiel.gpkg``,
see docs/demo_town.md). It is a file on every installation, the PostGIS store included.

The layers go first into the public and staff mapfiles, so ``/basemap`` tiles (a GetMap of every layer
of the map, in map order) draw them beneath the published layers. They serve GetMap only: they are not
in the capabilities (``wms_enable_request "!* GetMap"``: a layer-level "GetMap" alone would add to the
map's list, not replace it), not queryable (no template) and carry no
``gdi_dataset``, so the INSPIRE view service lists exactly the published datasets as before.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from core.config import Settings

LOGGER = logging.getLogger(__name__)

TITLE = "Stadtplan (Beispiel)"
LAYERS = ("bloecke", "gruen", "gewaesser", "strassen")

# colours (RGB)
BLOCK = {"altstadt": (240, 228, 208), "wohnen": (244, 237, 222), "gewerbe": (232, 226, 232),
         "industrie": (226, 220, 228), "gruen": (214, 236, 196)}
GREEN = {"wald": (190, 222, 166), "friedhof": (200, 226, 192), "feld": (236, 242, 214),
         "platz": (238, 233, 226)}
PAVEMENT = (238, 233, 226)  # the street space between the blocks (pavements), beneath the carriageways
GREEN_DEFAULT = (208, 234, 188)
WATER, WATER_LINE = (156, 200, 236), (104, 160, 212)
# street class: casing colour, fill colour, width in metres (casing adds 2 m), minimum width in pixels
STREET = {"hauptstrasse": ((196, 150, 60), (255, 226, 120), 18.0, 2.0),
          "sammelstrasse": ((170, 160, 150), (255, 255, 255), 12.0, 1.4),
          "wohnstrasse": ((190, 182, 172), (255, 255, 255), 8.0, 1.0),
          "fussweg": ((214, 200, 190), (246, 240, 236), 4.0, 0.6)}  # pedestrian zones, footpaths
LABEL_MAXSCALE = 8_000  # street names from about 1:8,000 on (zoom 16 and closer)


def _style(color: tuple[int, int, int] | None = None, outline: tuple[int, int, int] | None = None,
           **kw: Any) -> dict[str, Any]:
    st: dict[str, Any] = {"__type__": "style", **kw}
    if color is not None:
        st["color"] = list(color)
    if outline is not None:
        st["outlinecolor"] = list(outline)
    return st


def _class(name: str, expression: str | None, styles: list[dict[str, Any]], **kw: Any) -> dict[str, Any]:
    c: dict[str, Any] = {"__type__": "class", "name": name, "styles": styles, **kw}
    if expression is not None:
        c["expression"] = expression
    return c


def _layer(name: str, source: Path, table: str, kind: str, classes: list[dict[str, Any]],
           title: str, **kw: Any) -> dict[str, Any]:
    return {
        # no GROUP: MapServer lists a group in the capabilities even when its layers are hidden there
        "__type__": "layer", "name": f"stadtplan_{name}", "status": "ON", "type": kind,
        "connectiontype": "OGR", "connection": str(source), "data": table,
        "processing": ["CLOSE_CONNECTION=DEFER"], "projection": ["init=epsg:25832"],
        "metadata": {"wms_title": f"{TITLE}: {title}", "wms_enable_request": "!* GetMap", "gdi_basemap": "true"},
        "classes": classes, **kw}


def layers(settings: Settings, *, font: bool = True) -> list[dict[str, Any]]:
    """The base-map layers (bottom first), or none when the base map is off or its file is missing."""
    src = settings.basemap.path(settings.datasets_dir)
    if src is None:
        if settings.basemap.enabled and settings.basemap.source is not None:
            LOGGER.warning("base map: %s not found; /basemap draws the published layers only",
                           settings.basemap.source)
        return []
    src = src.resolve()
    blocks = [_class(u, f"('[use]' = '{u}')", [_style(c)]) for u, c in BLOCK.items()]
    blocks.append(_class("sonstige", None, [_style(BLOCK["wohnen"])]))
    green = [_class(k, f"('[kind]' = '{k}')", [_style(c)]) for k, c in GREEN.items()]
    green.append(_class("gruen", None, [_style(GREEN_DEFAULT)]))
    water = [_class("wasser", None, [_style(WATER, WATER_LINE, width=0.8)])]
    casing, fill, pave = [], [], []
    for cls, (case_c, fill_c, width, minw) in STREET.items():
        expr = f"('[class]' = '{cls}')"
        pave.append(_class(cls, expr, [_style(PAVEMENT, width=width + 8.0, linecap="round", linejoin="round")]))
        casing.append(_class(cls, expr, [_style(case_c, width=width + 2.0, minwidth=minw + 0.8,
                                                linecap="round", linejoin="round")]))
        fill.append(_class(cls, expr, [_style(fill_c, width=width, minwidth=minw, linecap="round",
                                              linejoin="round")]))
    out = [
        _layer("bloecke", src, "bloecke", "polygon", blocks, "Baublöcke"),
        _layer("gruen", src, "gruen", "polygon", green, "Grünflächen"),
        _layer("gewaesser", src, "gewaesser", "polygon", water, "Gewässer"),
        _layer("strassenraum", src, "strassen", "line", pave, "Straßenraum", sizeunits="meters",
               maxscaledenom=25_000),
        _layer("strassen_rand", src, "strassen", "line", casing, "Straßen (Rand)", sizeunits="meters"),
        _layer("strassen", src, "strassen", "line", fill, "Straßen", sizeunits="meters"),
    ]
    if font:  # street names at large scales, in pixels (a layer of its own: sizes above are in metres)
        label = {"__type__": "label", "type": "truetype", "font": "sans", "size": 8, "color": [70, 64, 58],
                 "outlinecolor": [255, 255, 255], "outlinewidth": 2, "angle": "follow", "mindistance": 200,
                 "repeatdistance": 400, "partials": False, "buffer": 2}
        names = _class("name", "('[class]' != 'fussweg')", [], labels=[label])
        out.append(_layer("namen", src, "strassen", "line", [names], "Straßennamen", labelitem="name",
                          maxscaledenom=LABEL_MAXSCALE))
    return out
