"""The WMS cartography (``services.wms.styles``) as QGIS renderer specifications.

The city's map is defined once, as MapServer CLASSes in ``services/wms/styles.py``. This module translates a
layer's :class:`~services.wms.styles.ThemeStyle` into a JSON-able description of a QGIS rule-based renderer
(rules with filters and scale ranges, symbol layers with colours, sizes and units) and of its labels;
``build.py`` turns that into QGIS objects, so a change of colour or class in the WMS reaches the QGIS
project on the next publication without being written twice.

Two differences between MapServer and QGIS are bridged here:

* **Scale.** MapServer computes scale denominators at 72 dpi (its default ``RESOLUTION``), QGIS at the
  output's dpi (96 on a usual screen and in a headless render). The same map extent in the same pixel size
  therefore has a QGIS denominator 96/72 times MapServer's; every denominator is multiplied by
  :data:`SCALE_FACTOR`, so classes switch at the same ground resolution (metres per pixel) as in the WMS.
* **First match.** A MapServer feature is drawn by the first class whose expression matches; QGIS draws every
  matching rule. Each rule's filter therefore excludes the filters of the earlier classes active at the same
  scales (ALKIS "Sonstige Gebäude" becomes "none of the three function groups").
"""
from __future__ import annotations

import re
from typing import Any

from core.errors import GdiError
from services.wms import styles as wms_styles

QGIS_DPI = 96.0
MAPSERVER_RESOLUTION = 72.0
SCALE_FACTOR = QGIS_DPI / MAPSERVER_RESOLUTION
MM_PER_PX = 25.4 / QGIS_DPI

Rgba = list[int]


class CartographyError(GdiError, ValueError):
    """A WMS class definition that has no QGIS equivalent here (names the class and the value)."""


def qgis_scale(denominator: float | None) -> int | None:
    """A MapServer scale denominator as the QGIS denominator of the same ground resolution (whole numbers:
    QGIS 3.22 reads a rule's ``scalemaxdenom`` with ``toInt()``, so "6666.7" would silently become 0)."""
    return None if denominator is None else round(float(denominator) * SCALE_FACTOR)


def rgba(color: Any, opacity: float | None = None) -> Rgba:
    """``#rrggbb`` or ``[r, g, b]`` (+ MapServer OPACITY 0-100) as ``[r, g, b, a]``."""
    if isinstance(color, str):
        h = color.lstrip("#")
        if not re.fullmatch(r"[0-9a-fA-F]{6}", h):
            raise CartographyError("not a colour", value=color)
        rgb = [int(h[i:i + 2], 16) for i in (0, 2, 4)]
    elif isinstance(color, list | tuple) and len(color) == 3:
        rgb = [int(c) for c in color]
    else:
        raise CartographyError("not a colour", value=color)
    alpha = 255 if opacity is None else round(255 * float(opacity) / 100)
    return [*rgb, alpha]


def _attr(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def qgis_expression(expression: str, classitem: str | None, where: str = "") -> str:
    """A MapServer class EXPRESSION as a QGIS expression: ``/regex/`` and ``"string"`` against the
    CLASSITEM, ``{a,b}`` lists, and simple logical expressions with ``[attribute]``."""
    e = expression.strip()
    if e.startswith("/") and e.rstrip("i").endswith("/"):
        if not classitem:
            raise CartographyError("a regular expression class needs a CLASSITEM", field=where, value=e)
        flags = "(?i)" if e.endswith("i") else ""
        pattern = e.rstrip("i")[1:-1]
        return f"regexp_match(to_string({_attr(classitem)}), {_literal(flags + pattern)}) > 0"
    if e.startswith("{") and e.endswith("}"):
        if not classitem:
            raise CartographyError("a list class needs a CLASSITEM", field=where, value=e)
        items = ", ".join(_literal(v.strip()) for v in e[1:-1].split(","))
        return f"to_string({_attr(classitem)}) IN ({items})"
    if e.startswith("(") and e.endswith(")"):
        out = re.sub(r"\[([A-Za-z_][A-Za-z0-9_]*)\]", lambda m: _attr(m.group(1)), e)
        out = re.sub(r'"([^"\[\]]*)"(?=\s*(?:\)|and|or|$))', lambda m: _literal(m.group(1)), out)
        for ms, qg in ((r"\s==\s", " = "), (r"\s!=\s", " <> "), (r"\seq\s", " = "), (r"\sne\s", " <> "),
                       (r"\s&&\s", " AND "), (r"\s\|\|\s", " OR ")):
            out = re.sub(ms, qg, out)
        if "~" in out or "=~" in out:
            raise CartographyError("regular expressions inside logical expressions are not translated",
                                   field=where, value=e)
        return out
    if not classitem:
        raise CartographyError("a string class needs a CLASSITEM", field=where, value=e)
    return f"to_string({_attr(classitem)}) = {_literal(e.strip(chr(34)))}"


def _size(value: Any, sizeunits: str | None, lo: Any, hi: Any) -> dict[str, Any]:
    """A MapServer SIZE/WIDTH: a number or ``[attribute]``, in pixels or (SIZEUNITS meters) in map units
    clamped to MINSIZE/MAXSIZE pixels."""
    unit = "MapUnit" if (sizeunits or "pixels").lower() == "meters" else "Pixel"
    out: dict[str, Any] = {"unit": unit}
    if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
        out["field"] = value[1:-1]
        out["value"] = 1.0
    else:
        out["value"] = float(value)
    if unit == "MapUnit" or "field" in out:
        out["min_px"] = float(lo) if lo is not None else None
        out["max_px"] = float(hi) if hi is not None else None
    return out


def symbol_layer(style: dict[str, Any], kind: str, sizeunits: str | None) -> dict[str, Any]:
    """One MapServer STYLE as one QGIS symbol layer of a ``marker``, ``line`` or ``fill`` symbol."""
    opacity = style.get("opacity")
    fill = rgba(style["color"], opacity) if style.get("color") is not None else None
    stroke = rgba(style["outlinecolor"], opacity) if style.get("outlinecolor") is not None else None
    width = _size(style.get("width", 1), sizeunits, style.get("minwidth"), style.get("maxwidth"))
    out: dict[str, Any] = {
        "min_scale": qgis_scale(style.get("minscaledenom")), "max_scale": qgis_scale(style.get("maxscaledenom"))}
    if kind == "point":
        symbol = str(style.get("symbol", "circle"))
        if symbol != "circle":
            raise CartographyError("only the 'circle' symbol is translated", field="symbol", value=symbol)
        out.update(type="marker", shape="circle", fill=fill, stroke=stroke,
                   size=_size(style.get("size", 1), sizeunits, style.get("minsize"), style.get("maxsize")),
                   stroke_width=width if stroke else None)
    elif kind == "line":
        out.update(type="line", color=fill or stroke, width=width)
    else:
        out.update(type="fill", fill=fill, stroke=stroke, stroke_width=width if stroke else None)
    return out


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def renderer_spec(style: wms_styles.ThemeStyle, kind: str, layer_maxscale: float | None) -> dict[str, Any]:
    """The rule-based renderer, labels and layer scale range of one WMS layer's ``style``.

    ``kind``: ``point``, ``line`` or ``polygon``; ``layer_maxscale``: the WMS layer's MAXSCALEDENOM
    (``services.wms.mapfile.extent_scale``)."""
    rules: list[dict[str, Any]] = []
    seen: list[tuple[tuple[float, float], str | None]] = []
    for i, cls in enumerate(style.classes):
        where = f"class {cls.get('name', i)}"
        lo = float(cls.get("minscaledenom") or 0)
        hi = float(cls.get("maxscaledenom") or float("inf"))
        expr = qgis_expression(str(cls["expression"]), style.classitem, where) if cls.get("expression") else None
        earlier = [f for rng, f in seen if f and _overlaps(rng, (lo, hi))]
        parts = ([f"({expr})"] if expr else []) + [f"NOT coalesce(({f}), false)" for f in earlier]
        seen.append(((lo, hi), expr))
        rules.append({
            "name": cls.get("name", f"class{i}"), "label": cls.get("title") or cls.get("name", ""),
            "filter": " AND ".join(parts) or None,
            "min_scale": qgis_scale(lo) if lo else None,
            "max_scale": qgis_scale(hi) if hi != float("inf") else None,
            "symbols": [symbol_layer(s, kind, style.sizeunits) for s in cls.get("styles", [])],
        })
    labels = None
    if style.label_item:
        lab: dict[str, Any] = next((lb for c in style.classes for lb in c.get("labels", [])), {})
        labels = {"field": style.label_item, "max_scale": qgis_scale(style.label_maxscale),
                  "size_px": float(lab.get("size", 8)), "color": rgba(lab.get("color", "#1a1a1a")),
                  "buffer_px": float(lab.get("outlinewidth", 2)),
                  "buffer_color": rgba(lab.get("outlinecolor", "#ffffff"))}
    return {"kind": kind, "rules": rules, "labels": labels, "layer_max_scale": qgis_scale(layer_maxscale)}
