"""GML 3.2 surfaces as the AdV NAS writes them, to shapely polygons (part of the ``nas`` reader).

An ALKIS footprint is a ``gml:Surface`` (or ``gml:MultiSurface``/``gml:CompositeSurface``/``gml:Polygon``) whose
``gml:PolygonPatch`` rings are ``gml:Ring``s of ``gml:curveMember``s; each ``gml:Curve`` has ``gml:segments``:
``LineStringSegment`` for straight edges and ``Arc``/``ArcString``/``Circle`` (three points on a circle) for
round ones. Shapely and the INSPIRE encoding have no arcs, so an arc is replaced by straight segments that stay
within ``tolerance`` metres of it (the sagitta of each segment), always through its exact start and end point.

Errors are :class:`GeometryError` (a plain ``ValueError``) with a message that names the GML element and the
coordinates; the reader turns them into a rejected record.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import shapely
from lxml import etree

GML_NS = ("http://www.opengis.net/gml/3.2", "http://www.opengis.net/gml")
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
CLOSE_TOL = 0.001   # m: ring ends and segment joints farther apart than this are a defect
MAX_ARC_SEGMENTS = 4096


class GeometryError(ValueError):
    """A NAS geometry that cannot become a polygon (message names the element and the place)."""


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _children(el: etree._Element, *names: str) -> list[etree._Element]:
    return [c for c in el if _local(c.tag) in names]


def srs_names(el: etree._Element) -> set[str]:
    """Every ``srsName`` on the geometry element and below it."""
    return {str(e.get("srsName")) for e in el.iter() if isinstance(e.tag, str) and e.get("srsName")}


def _dimension(el: etree._Element) -> int:
    e: etree._Element | None = el
    while e is not None:
        d = e.get("srsDimension")
        if d:
            try:
                return int(d)
            except ValueError:
                raise GeometryError(f"srsDimension {d!r} is not a number") from None
        e = e.getparent()
    return 2


def _coords(el: etree._Element) -> np.ndarray:
    """The (n x 2) coordinates of a segment, LineString or LinearRing (posList, pos or coordinates)."""
    pos_list = _children(el, "posList")
    if pos_list:
        text, dim = " ".join(p.text or "" for p in pos_list), _dimension(pos_list[0])
    else:
        pos = _children(el, "pos", "coordinates")
        if not pos:
            raise GeometryError(f"gml:{_local(el.tag)} has no gml:posList or gml:pos")
        if _local(pos[0].tag) == "coordinates":
            text = " ".join((p.text or "").replace(",", " ") for p in pos)
            dim = len((pos[0].text or "").split()[0].split(",")) if (pos[0].text or "").split() else 2
        else:
            text, dim = " ".join(p.text or "" for p in pos), len((pos[0].text or "").split()) or 2
    try:
        vals = np.array(text.split(), dtype=float)
    except ValueError:
        raise GeometryError(f"gml:{_local(el.tag)} holds a coordinate that is no number: "
                            f"{text.strip()[:80]!r}") from None
    if dim < 2 or len(vals) % dim:
        raise GeometryError(f"gml:{_local(el.tag)} holds {len(vals)} numbers, not a multiple of its dimension {dim}")
    if not np.all(np.isfinite(vals)):
        raise GeometryError(f"gml:{_local(el.tag)} holds a coordinate that is not finite")
    return vals.reshape(-1, dim)[:, :2]


def arc_points(p0: np.ndarray, p1: np.ndarray, p2: np.ndarray, tolerance: float, *,
               full_circle: bool = False) -> np.ndarray:
    """Points along the circular arc from ``p0`` through ``p1`` to ``p2`` (or the whole circle back to ``p0``),
    spaced so that no chord is farther than ``tolerance`` from the arc; ``p0`` and the end are exact.
    Three collinear points are a straight line."""
    ax, ay = float(p0[0]), float(p0[1])
    # relative to p0: UTM coordinates would cost the products their precision
    bx, by, cx, cy = float(p1[0]) - ax, float(p1[1]) - ay, float(p2[0]) - ax, float(p2[1]) - ay
    d = 2.0 * (bx * cy - by * cx)
    scale = max(abs(bx), abs(by), abs(cx), abs(cy), 1e-9)
    if abs(d) <= 1e-12 * scale * scale:
        if full_circle:
            raise GeometryError(f"gml:Circle through three collinear points ({ax:.3f} {ay:.3f} …)")
        return np.array([p0, p2], dtype=float)
    ux = (cy * (bx * bx + by * by) - by * (cx * cx + cy * cy)) / d
    uy = (bx * (cx * cx + cy * cy) - cx * (bx * bx + by * by)) / d
    r = math.hypot(ux, uy)
    a0 = math.atan2(-uy, -ux)
    a2 = math.atan2(cy - uy, cx - ux)
    ccw = d > 0  # orientation of p0 -> p1 -> p2
    if full_circle:
        sweep = 2 * math.pi if ccw else -2 * math.pi
    elif ccw:
        sweep = (a2 - a0) % (2 * math.pi)
    else:
        sweep = -((a0 - a2) % (2 * math.pi))
    step = 2 * math.acos(max(-1.0, 1 - tolerance / r)) if tolerance < r else math.pi / 2
    n = min(MAX_ARC_SEGMENTS, max(1, math.ceil(abs(sweep) / step)))
    angles = a0 + sweep * np.arange(1, n) / n
    mid = np.column_stack([ax + ux + r * np.cos(angles), ay + uy + r * np.sin(angles)])
    end = np.asarray(p0 if full_circle else p2, dtype=float)
    return np.vstack([np.asarray(p0, dtype=float)[None, :], mid, end[None, :]])


def _segment(seg: etree._Element, tolerance: float) -> np.ndarray:
    kind = _local(seg.tag)
    pts = _coords(seg)
    if kind in ("LineStringSegment", "LineString"):
        if len(pts) < 2:
            raise GeometryError(f"gml:{kind} has fewer than 2 points")
        return pts
    if kind in ("Arc", "ArcString"):
        if len(pts) < 3 or len(pts) % 2 == 0:
            raise GeometryError(f"gml:{kind} needs an odd number (≥ 3) of points, has {len(pts)}")
        parts = [arc_points(pts[i], pts[i + 1], pts[i + 2], tolerance) for i in range(0, len(pts) - 2, 2)]
        return np.vstack([parts[0]] + [p[1:] for p in parts[1:]])
    if kind == "Circle":
        if len(pts) != 3:
            raise GeometryError(f"gml:Circle needs 3 points, has {len(pts)}")
        return arc_points(pts[0], pts[1], pts[2], tolerance, full_circle=True)
    raise GeometryError(f"curve segment gml:{kind} is not supported (LineStringSegment, Arc, ArcString, Circle are)")


def _curve_parts(member: etree._Element, tolerance: float) -> Iterable[np.ndarray]:
    """The point sequences of one ``gml:curveMember`` (a Curve, LineString or CompositeCurve)."""
    if member.get(XLINK_HREF):
        raise GeometryError(f"gml:curveMember refers to a shared curve ({member.get(XLINK_HREF)!r}); references "
                            "between geometries are not supported: the curve must be given inline")
    for curve in member:
        kind = _local(curve.tag)
        if kind == "Curve":
            for segs in _children(curve, "segments"):
                for seg in segs:
                    if isinstance(seg.tag, str):
                        yield _segment(seg, tolerance)
        elif kind in ("LineString", "LinearRing"):
            yield _coords(curve)
        elif kind == "CompositeCurve":
            for sub in _children(curve, "curveMember"):
                yield from _curve_parts(sub, tolerance)
        elif kind == "OrientableCurve":
            for base in _children(curve, "baseCurve"):
                parts = list(_curve_parts(base, tolerance))
                if curve.get("orientation") == "-":
                    parts = [p[::-1] for p in reversed(parts)]
                yield from parts
        elif isinstance(curve.tag, str):
            raise GeometryError(f"gml:{kind} is not supported as a ring member")


def _join(parts: list[np.ndarray], what: str) -> np.ndarray:
    if not parts:
        raise GeometryError(f"{what} is empty")
    out = [parts[0]]
    for p in parts[1:]:
        gap = float(np.hypot(*(p[0] - out[-1][-1])))
        if gap > CLOSE_TOL:
            x, y = out[-1][-1]
            raise GeometryError(f"the curves of the {what} do not connect: a gap of {gap:.3f} m after {x:.3f} {y:.3f}")
        out.append(p[1:])
    return np.vstack(out)


def _ring(bound: etree._Element, tolerance: float, what: str) -> np.ndarray:
    ring = next((c for c in bound if _local(c.tag) in ("Ring", "LinearRing")), None)
    if ring is None:
        raise GeometryError(f"the {what} has no gml:Ring or gml:LinearRing")
    if _local(ring.tag) == "LinearRing":
        pts = _coords(ring)
    else:
        parts = [p for m in _children(ring, "curveMember") for p in _curve_parts(m, tolerance)]
        pts = _join(parts, what)
    if len(pts) < 4:
        raise GeometryError(f"the {what} has {len(pts)} points; a ring needs at least 4")
    gap = float(np.hypot(*(pts[0] - pts[-1])))
    if gap > CLOSE_TOL:
        raise GeometryError(f"the {what} is not closed: first point {pts[0][0]:.3f} {pts[0][1]:.3f}, last point "
                            f"{pts[-1][0]:.3f} {pts[-1][1]:.3f} ({gap:.3f} m apart)")
    pts[-1] = pts[0]
    return pts


def _polygon(patch: etree._Element, tolerance: float) -> shapely.Polygon:
    ext = _children(patch, "exterior")
    if len(ext) != 1:
        raise GeometryError(f"gml:{_local(patch.tag)} has {len(ext)} gml:exterior elements; one is needed")
    shell = _ring(ext[0], tolerance, "exterior ring")
    holes = [_ring(b, tolerance, f"interior ring {i + 1}") for i, b in enumerate(_children(patch, "interior"))]
    return shapely.Polygon(shell, holes)


def _polygons(geom: etree._Element, tolerance: float) -> list[shapely.Polygon]:
    kind = _local(geom.tag)
    if kind == "Polygon":
        return [_polygon(geom, tolerance)]
    if kind == "Surface":
        return [_polygon(p, tolerance) for ps in _children(geom, "patches") for p in ps if isinstance(p.tag, str)]
    if kind in ("MultiSurface", "CompositeSurface", "Shell"):
        out: list[shapely.Polygon] = []
        for m in _children(geom, "surfaceMember", "surfaceMembers"):
            if m.get(XLINK_HREF):
                raise GeometryError(f"gml:surfaceMember refers to a shared surface ({m.get(XLINK_HREF)!r}); "
                                    "the surface must be given inline")
            for sub in m:
                if isinstance(sub.tag, str):
                    out += _polygons(sub, tolerance)
        return out
    if kind in ("Point", "MultiPoint", "LineString", "Curve", "MultiCurve", "CompositeCurve"):
        raise GeometryError(f"the geometry is a gml:{kind}; a building footprint must be a surface")
    raise GeometryError(f"gml:{kind} is not a supported surface (Surface, Polygon, MultiSurface, CompositeSurface)")


def footprint(position: etree._Element, tolerance: float) -> tuple[shapely.Geometry, set[str]]:
    """The polygon (MultiPolygon for several patches) of a ``position`` property, and its srsNames."""
    geoms = [c for c in position if isinstance(c.tag, str)]
    if not geoms:
        href = position.get(XLINK_HREF)
        raise GeometryError(f"position refers to a geometry elsewhere ({href!r}); it must be given inline" if href
                            else "position is empty")
    polys = _polygons(geoms[0], tolerance)
    if not polys:
        raise GeometryError(f"gml:{_local(geoms[0].tag)} holds no polygon")
    geom = polys[0] if len(polys) == 1 else shapely.MultiPolygon(polys)
    return geom, srs_names(geoms[0])
