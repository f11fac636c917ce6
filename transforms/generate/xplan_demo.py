"""The demo Bebauungsplan of the generated demo town: "HI 245 „Am Lerchenfeld“" (fictional), XPlanGML 6.0.

Why generated: Hildesheim has no XPlanGML plan in the shared data, and the real plans we read (BP 2070
Bremen, FNP Grasleben …) lie elsewhere, so the participation's 3D view could not show planned buildings
among existing ones. This plan lies on the greenfield the demo-town generator leaves free (EPSG:25832
x 566,650–567,050, y 5,778,850–5,779,200, suburban streets with detached houses on all sides) and is in
the state of a draft on public display (``rechtsstand`` 2400 *OeffentlicheAuslegung*).

Contents (local metres from the south-west corner of the Geltungsbereich, 390 x 340 m, 13.3 ha):

* ``SO_Strassenverkehr`` (XPlanung 6.0 moved the traffic areas out of ``BP_``), continuing the town's streets
  that end at the field: Planstraße B (10 m) south-north from Fliedergasse to the Sammelstraße Am Eibenteich
  (which leads to the Bavenstedter Straße); Planstraße A (9 m) from Zaunköniganger in the west to a turning
  area (Wendeanlage, 12 m radius), a foot and cycle path (14003) on to B, Planstraße C (14000, verkehrsberuhigt)
  from B to Zaunköniganger in the east; Planstraßen D and E, verkehrsberuhigt lanes from B westwards, each
  with a turning area;
* ``BP_BaugebietsTeilFlaeche``: Mischgebiet (MI) at the entrance from Am Eibenteich (III, GRZ 0,6, GFZ 1,2,
  top of the building at most 109.0 m NHN), Allgemeines Wohngebiet with III storeys for Mehrfamilienhäuser
  between B, C and the Sammelstraße Fliederfeld (GRZ 0,4, GFZ 1,2, at most 12.5 m above the plan's
  Bezugshöhe), and three WA areas with Einzel- und Doppelhäusern (höchstens II, GRZ 0,4, GFZ 0,8, offene
  Bauweise, Traufhöhe 6.5 m, Firsthöhe 10 m above ground);
* ``BP_GruenFlaeche``: a public park with a playground (zweckbestimmung 1000 / 1600);
* overlays: ``BP_UeberbaubareGrundstuecksFlaeche`` (building windows 3-5 m behind the street line) with their
  ``BP_BauGrenze`` lines, ``BP_StrassenbegrenzungsLinie`` along the streets, ``BP_AnpflanzungBindungErhaltung``
  points (street and park trees to be planted);
* ``externeReferenz``: the plan's documents as the demo server publishes them (plan drawing as a WMS image,
  designations as OGC API HTML tables, the data as GeoPackage), under :data:`DEMO_BASE`.

Everything is fixed (no randomness, no clock): the same call writes the same bytes. Regenerate with
``python -m transforms.generate.xplan_demo datasets/bplan_lerchenfeld/BP_HI245_Lerchenfeld_xplan60.gml``;
``--xsd DIR`` validates the result against the XPlanGML 6.0 schema (``DIR/XPlanung-Operationen.xsd``).
"""
from __future__ import annotations

import argparse
import math
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from xml.sax.saxutils import escape

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from core.area import GREENFIELD_25832

XPLAN_NS = "http://www.xplanung.de/xplangml/6/0"
SCHEMA_URL = "https://repository.gdi-de.org/schemas/de.xleitstelle.xplanung/6.0/XPlanung-Operationen.xsd"
SRS = "EPSG:25832"
GREENFIELD = GREENFIELD_25832   # left free by the demo-town generator
ORIGIN = (566_655.0, 5_778_855.0)                                # south-west corner of the Geltungsbereich
SIZE = (390.0, 340.0)
BEZUGSHOEHE = 96.0   # m NHN (DHHN2016): the demo DGM (citymodel.terrain.make_demo_dgm) is 95.4-97.1 m here
DATASET, DATASET_SR = "bplan_lerchenfeld", "bplan_lerchenfeld_sr"
DEMO_BASE = "http://127.0.0.1:5000"   # the demo server's default public URL (core.config.ServiceSettings)
# WMS layer names and OGC API collections of the two datasets (datasets/bplan_lerchenfeld*/dataset.yml; not
# primary for their INSPIRE feature types, see core.registry.unique_names)
WMS_LAYERS = (f"PLU.ZoningElement.{DATASET}", f"PLU.SupplementaryRegulation.{DATASET_SR}")
COLLECTIONS = (f"{DATASET}_zoningelement", f"{DATASET}_supplementaryregulation")
ID_NAMESPACE = uuid.UUID("6b1f0c1e-2d4a-5b8e-9c3f-245a1e7cf245")
PLAN_DATE = "2026-11-20"

# (key, kind, use code, numbers, hoehenangaben); kind: MI / WA3 / WA2; heights (hoehenbezug, bezugspunkt, hMax)
HEIGHTS = {
    "MI": [("1000", "3000", 109.0)],                      # absolutNHN, Oberkante
    "WA3": [("3000", "3000", 12.5)],                      # relativ zur Bezugshöhe des Plans, Oberkante
    "WA2": [("2000", "1000", 6.5), ("2000", "2000", 10.0)],   # über Gelände: Traufhöhe, Firsthöhe
}
ZONE_RULES: dict[str, dict[str, Any]] = {
    "MI": {"besondereArtDerBaulNutzung": "1500", "GRZ": 0.6, "GFZ": 1.2, "Z": 3, "bauweise": "1000"},
    "WA3": {"besondereArtDerBaulNutzung": "1200", "GRZ": 0.4, "GFZ": 1.2, "Z": 3, "bauweise": "1000"},
    "WA2": {"besondereArtDerBaulNutzung": "1200", "GRZ": 0.4, "GFZ": 0.8, "Z": 2, "bauweise": "1000",
            "bebauungsArt": "4000"},
}
ALLG = {"1500": "2000", "1200": "1000"}   # besondere -> allgemeine Art der baulichen Nutzung


def gml_id(key: str) -> str:
    """The stable gml:id of a plan object (UUID v5 of its key: the same on every run)."""
    return f"GML_{uuid.uuid5(ID_NAMESPACE, key)}"


GRID = 0.001   # every vertex on a millimetre grid, overlays computed on it: neighbours share exact vertices


def _g(geom: BaseGeometry) -> BaseGeometry:
    """Local plan coordinates -> EPSG:25832 (the origin is whole metres: the grid stays a grid)."""
    return shapely.transform(geom, lambda c: c + ORIGIN)


def _minus(a: BaseGeometry, *others: BaseGeometry) -> BaseGeometry:
    for b in others:
        a = shapely.difference(a, b, grid_size=GRID)
    return shapely.normalize(a)


def _circle(cx: float, cy: float, r: float, n: int = 24) -> Polygon:
    ring = [(cx + r * math.cos(2 * math.pi * i / n), cy + r * math.sin(2 * math.pi * i / n)) for i in range(n)]
    return shapely.set_precision(Polygon(ring), GRID)


# The demo town's streets that end at the field (transforms/generate/town_layout.py, seed 1), local metres: the
# plan continues them. Zaunköniganger reaches the field at (-4, 141) from the west and at (394, 189) from the east;
# the Sammelstraße Am Eibenteich (from the Bavenstedter Straße) at (279, 344) from the north, Fliedergasse at
# (267, -4) from the south; Fichtenallee runs along the south edge.
ZAUNKOENIG = ((0.0, 141.6), (390.0, 188.3))
COLLECTOR = ((267.9, 0.0), (279.0, 340.0))


def _along(u: float) -> tuple[float, float]:
    """The point of the Zaunköniganger line at ``u``."""
    (u0, v0), (u1, v1) = ZAUNKOENIG
    return u, v0 + (v1 - v0) * (u - u0) / (u1 - u0)


def _street(a: tuple[float, float], b: tuple[float, float], width: float) -> Polygon:
    return shapely.set_precision(LineString([a, b]).buffer(width / 2, cap_style="flat", join_style="mitre"), GRID)


def _cuts(fronts: BaseGeometry, pitch: float, gap: float, reach: float) -> BaseGeometry:
    """Gaps ``gap`` m wide every ``pitch`` m along the fronts, square to them: they split a band of building land
    into single windows (one per house or house pair, a longer one per apartment block)."""
    lines = shapely.get_parts(shapely.boundary(fronts) if fronts.geom_type.endswith("Polygon") else fronts)
    cuts = []
    for line in shapely.get_parts(shapely.line_merge(shapely.union_all(lines))):
        for d in np.arange(pitch / 2, line.length, pitch):
            p0, p1 = line.interpolate(d - 0.5), line.interpolate(d + 0.5)
            tx, ty = (p1.x - p0.x), (p1.y - p0.y)
            n = math.hypot(tx, ty) or 1.0
            tx, ty = tx / n, ty / n
            c = line.interpolate(d)
            cuts.append(Polygon([(c.x + sx * tx * gap / 2 + sn * -ty * reach, c.y + sx * ty * gap / 2 + sn * tx * reach)
                                 for sx, sn in ((-1, -1), (1, -1), (1, 1), (-1, 1))]))
    return shapely.union_all(cuts, grid_size=GRID)


def _windows(zone: BaseGeometry, fronts: BaseGeometry, setback: float, depth: float, pitch: float,
             gap: float) -> list[Polygon]:
    """Building windows: the band ``setback``..``setback + depth`` behind the zone's fronts (street areas, or
    the edge of the Geltungsbereich where a town street runs outside), 3 m off the zone's other edges, split
    every ``pitch`` m by a ``gap``; small and bent pieces (at corners and turning areas) are left out."""
    band = shapely.difference(fronts.buffer(setback + depth, join_style="mitre"),
                              fronts.buffer(setback, join_style="mitre"))
    win = shapely.intersection(band, zone.buffer(-3, join_style="mitre"), grid_size=GRID)
    win = shapely.difference(win, _cuts(fronts, pitch, gap, setback + depth + 10), grid_size=GRID)
    parts = [p for p in getattr(win, "geoms", [win]) if p.geom_type == "Polygon" and p.area > 0.3 * pitch * depth
             and p.area > 0.8 * p.minimum_rotated_rectangle.area]   # rectangles only (no bent corner pieces)
    return sorted((shapely.normalize(p) for p in parts), key=lambda p: (round(p.bounds[1]), round(p.bounds[0])))


def layout() -> dict[str, list[tuple[str, BaseGeometry]]]:
    """The plan's geometry in EPSG:25832, by kind: streets, zones, green, windows, trees, street lines."""
    w, h = SIZE
    area = box(0, 0, w, h)
    circle_c = _along(202.0)
    street_a = shapely.union(_street(_along(-1), _along(190), 9.0), _circle(*circle_c, 12), grid_size=GRID)
    street_b = _street((COLLECTOR[0][0], -1), (COLLECTOR[1][0], h + 1), 10.0)     # continues Am Eibenteich
    street_c = _minus(_street(_along(270), _along(w + 1), 8.0), street_b)          # continues Zaunköniganger
    path = _minus(_street(_along(205), _along(275), 4.0), street_a, street_b)      # foot + cycle path
    # two residential lanes (verkehrsberuhigt) from B westwards, each ending in a turning area
    lane_d = _minus(shapely.union(_street((278, 300), (55, 300), 7.0), _circle(45, 300, 10), grid_size=GRID), street_b)
    lane_e = _minus(shapely.union(_street((272, 70), (55, 70), 7.0), _circle(45, 70, 10), grid_size=GRID), street_b)
    street_a, street_b = (shapely.intersection(s, area, grid_size=GRID) for s in (street_a, street_b))
    street_c = shapely.intersection(street_c, area, grid_size=GRID)
    streets = shapely.union_all([street_a, street_b, street_c, lane_d, lane_e, path], grid_size=GRID)
    north = Polygon([(-1, ZAUNKOENIG[0][1]), (w + 1, ZAUNKOENIG[1][1]), (w + 1, h + 1), (-1, h + 1)])
    west = Polygon([(-1, -1), (COLLECTOR[0][0], -1), (COLLECTOR[1][0], h + 1), (-1, h + 1)])
    south, east = area.difference(north), area.difference(west)
    playground = box(190, 205, 230, 240)
    park = _minus(shapely.intersection(north.intersection(west), box(150, 0, 270, 255)), streets, playground)
    mi_box = box(0, 262, w + 1, h + 1)
    regions = {"MI": north.intersection(east).intersection(mi_box), "WA3": south.intersection(east),
               "WA2_SW": south.intersection(west), "WA2_NW": north.intersection(west),
               "WA2_NE": north.intersection(east).difference(mi_box)}
    zones = {k: _minus(shapely.intersection(r, area, grid_size=GRID), streets, park, playground)
             for k, r in regions.items()}
    south_edge, east_edge = LineString([(-5, 0), (w + 5, 0)]), LineString([(w, -5), (w, h + 5)])
    plan_streets = shapely.union_all([street_a, street_b, street_c, lane_d, lane_e])
    # (fronts, setback, depth, pitch, gap): houses 5 m behind the street line, apartment blocks and the MI 3 m
    fronts = {"MI": (street_b, 3.0, 15.0, 36.0, 8.0),
              "WA3": (shapely.union_all([plan_streets, south_edge, east_edge]), 3.0, 14.0, 42.0, 10.0),
              "WA2_SW": (shapely.union_all([plan_streets, south_edge]), 5.0, 14.0, 24.0, 6.0),
              "WA2_NW": (plan_streets, 5.0, 14.0, 24.0, 6.0), "WA2_NE": (plan_streets, 5.0, 14.0, 24.0, 6.0)}
    windows = [(f"UGF_{k}_{n}", wd) for k, z in zones.items()
               for n, wd in enumerate(_windows(z, *fronts[k]), 1)]
    trees: list[Point] = []
    for wd, a, b in ((9.0, 0.0, 186.0), (8.0, 290.0, w)):      # street trees on both sides of A and C
        for side in (-1, 1):
            line = LineString([_along(a), _along(b)]).offset_curve(side * (wd / 2 - 1.3))
            trees += [line.interpolate(d) for d in range(10, int(line.length), 22)]
    line_b = LineString([(COLLECTOR[0][0] - 3.7, 0), (COLLECTOR[1][0] - 3.7, h)])
    trees += [line_b.interpolate(d) for d in range(15, int(line_b.length), 25)
              if not 120 < line_b.interpolate(d).y < 205]
    trees = [t for t in trees if not t.within(path.buffer(2)) and area.contains(t)]
    trees += [Point(u, v) for u, v in ((160, 200), (172, 240), (245, 190), (255, 230), (205, 185), (160, 222),
                                         (240, 248), (215, 250))]
    rest = shapely.line_merge(shapely.difference(streets.boundary, area.boundary, grid_size=GRID))
    street_lines = [(f"SBL_{n}", part) for n, part in enumerate(sorted(
        getattr(rest, "geoms", [rest]), key=lambda g: (round(g.bounds[1], 3), round(g.bounds[0], 3))), 1)
        if part.length > 1]
    return {
        "area": [("geltungsbereich", _g(area))],
        "streets": [("A", _g(street_a)), ("B", _g(street_b)), ("C", _g(street_c)), ("D", _g(lane_d)),
                    ("E", _g(lane_e)), ("Weg", _g(path))],
        "zones": [(k, _g(z)) for k, z in zones.items()],
        "green": [("Park", _g(park)), ("Spielplatz", _g(playground))],
        "windows": [(k, _g(wd)) for k, wd in windows],
        "trees": [(f"Baum_{i:02d}", _g(shapely.set_precision(t, GRID))) for i, t in enumerate(trees, 1)],
        "street_lines": [(k, _g(line)) for k, line in street_lines],
    }


# -- GML ------------------------------------------------------------------------------------------
def _pos(coords) -> str:
    return " ".join(f"{x:.3f} {y:.3f}" for x, y in coords)


def _ring(coords, tag: str) -> str:
    c = list(coords)
    return (f"<gml:{tag}><gml:LinearRing><gml:posList srsDimension=\"2\" count=\"{len(c)}\">{_pos(c)}"
            f"</gml:posList></gml:LinearRing></gml:{tag}>")


def _polygon(p: Polygon, gid: str) -> str:
    p = shapely.orient_polygons(p)   # exterior counter-clockwise, holes clockwise
    inner = "".join(_ring(r.coords, "interior") for r in p.interiors)
    return f'<gml:Polygon gml:id="{gid}" srsName="{SRS}">{_ring(p.exterior.coords, "exterior")}{inner}</gml:Polygon>'


def geometry_xml(g: BaseGeometry, key: str) -> str:
    """One XPlanGML geometry: Polygon / MultiSurface, LineString, Point (gml:ids derived from ``key``)."""
    gid = gml_id(f"{key}/geom")
    if g.geom_type == "Polygon":
        return _polygon(g, gid)
    if g.geom_type == "MultiPolygon":
        members = "".join(f"<gml:surfaceMember>{_polygon(p, gml_id(f'{key}/geom/{i}'))}</gml:surfaceMember>"
                          for i, p in enumerate(g.geoms))
        return f'<gml:MultiSurface gml:id="{gid}" srsName="{SRS}">{members}</gml:MultiSurface>'
    if g.geom_type == "LineString":
        c = list(g.coords)
        return (f'<gml:LineString gml:id="{gid}" srsName="{SRS}"><gml:posList srsDimension="2" count="{len(c)}">'
                f"{_pos(c)}</gml:posList></gml:LineString>")
    if g.geom_type == "Point":
        return f'<gml:Point gml:id="{gid}" srsName="{SRS}"><gml:pos>{g.x:.3f} {g.y:.3f}</gml:pos></gml:Point>'
    raise ValueError(f"{key}: no XPlanGML encoding for {g.geom_type}")


def _env(g: BaseGeometry) -> str:
    x0, y0, x1, y1 = g.bounds
    return (f'<gml:boundedBy><gml:Envelope srsName="{SRS}"><gml:lowerCorner>{x0:.3f} {y0:.3f}</gml:lowerCorner>'
            f"<gml:upperCorner>{x1:.3f} {y1:.3f}</gml:upperCorner></gml:Envelope></gml:boundedBy>")


def _el(name: str, value: object, **attrs: str) -> str:
    a = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items())
    return f"<xplan:{name}{a}>{escape(str(value))}</xplan:{name}>"


def _hoehe(rows) -> str:
    return "".join(f"<xplan:hoehenangabe><xplan:XP_Hoehenangabe>{_el('hoehenbezug', hb)}{_el('bezugspunkt', bp)}"
                   f"{_el('hMax', f'{hmax:.1f}', uom='m')}</xplan:XP_Hoehenangabe></xplan:hoehenangabe>"
                   for hb, bp, hmax in rows)


def _member(cls: str, key: str, body: str, geom: BaseGeometry | None = None) -> str:
    env = _env(geom) if geom is not None else ""
    return f'<gml:featureMember><xplan:{cls} gml:id="{gml_id(key)}">{env}{body}</xplan:{cls}></gml:featureMember>\n'


def _object_head(extra_before_bereich: str = "", ebene: int = 0) -> str:
    """XP_Objekt elements up to gehoertZuBereich (in schema order); the caller adds the rest."""
    return f"{_el('ebene', ebene)}{extra_before_bereich}<xplan:gehoertZuBereich xlink:href=\"#{gml_id('bereich')}\"/>"


def documents(base: str = DEMO_BASE) -> list[dict[str, str]]:
    """The plan's externeReferenz entries: what the demo server publishes for this plan."""
    x0, y0, x1, y1 = ORIGIN[0] - 20, ORIGIN[1] - 20, ORIGIN[0] + SIZE[0] + 20, ORIGIN[1] + SIZE[1] + 20
    q = {"SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": ",".join(WMS_LAYERS), "STYLES": "",
         "CRS": SRS, "BBOX": f"{x0:.0f},{y0:.0f},{x1:.0f},{y1:.0f}", "WIDTH": "1600",
         "HEIGHT": str(round(1600 * (y1 - y0) / (x1 - x0))), "FORMAT": "image/png", "TRANSPARENT": "FALSE",
         "BGCOLOR": "0xFFFFFF"}   # a white sheet (BGCOLOR alone gives black with the view service's RGBA output)
    return [
        {"referenzName": "Planzeichnung (Entwurf), aus den Plandaten gezeichnet",
         "referenzURL": f"{base}/wms?{urlencode(q)}",
         "referenzMimeType": "image/png", "datum": PLAN_DATE, "typ": "1030"},
        {"referenzName": "Festsetzungen (Baugebiete, Verkehrs- und Grünflächen) als Tabelle mit Karte",
         "referenzURL": f"{base}/ogc/collections/{COLLECTIONS[0]}/items?f=html",
         "referenzMimeType": "text/html", "datum": PLAN_DATE, "typ": "1000"},
        {"referenzName": "Baugrenzen, Straßenbegrenzungslinien und Anpflanzungen als Tabelle mit Karte",
         "referenzURL": f"{base}/ogc/collections/{COLLECTIONS[1]}/items?f=html",
         "referenzMimeType": "text/html", "datum": PLAN_DATE, "typ": "1000"},
        {"referenzName": "Plandaten für GIS-Programme (GeoPackage)",
         "referenzURL": f"{base}/download/{DATASET}/{DATASET}.gpkg",
         "referenzMimeType": "application/geopackage+sqlite3", "datum": PLAN_DATE, "typ": "9999"},
    ]


def _references(docs: list[dict[str, str]]) -> str:
    out = ""
    for d in docs:
        mime = (f'<xplan:referenzMimeType codeSpace="https://www.iana.org/assignments/media-types">'
                f'{escape(d["referenzMimeType"])}</xplan:referenzMimeType>') if d.get("referenzMimeType") else ""
        out += (f"<xplan:externeReferenz><xplan:XP_SpezExterneReferenz>{_el('art', 'Dokument')}"
                f"{_el('referenzName', d['referenzName'])}{_el('referenzURL', d['referenzURL'])}{mime}"
                f"{_el('datum', d['datum'])}{_el('typ', d['typ'])}"
                "</xplan:XP_SpezExterneReferenz></xplan:externeReferenz>")
    return out


BESCHREIBUNG = ("Demo-Plan, frei erfunden: ein Wohngebiet mit Einzel- und Doppelhäusern, Mehrfamilienhäusern und "
                "einem Mischgebiet an der Zufahrt von der Straße Am Eibenteich, Planstraßen mit Wendeanlagen, "
                "verkehrsberuhigten Bereichen, einer öffentlichen Grünfläche mit Spielplatz und Baumpflanzungen, auf "
                "einer Freifläche der generierten Demo-Stadt. Kein Bauleitplan der Stadt Hildesheim.")


def plan_xml(base: str = DEMO_BASE) -> str:
    """The whole XPlanAuszug as text."""
    lay = layout()
    area = lay["area"][0][1]
    members: list[str] = []
    keys: list[str] = []

    def add(cls: str, key: str, body: str, geom: BaseGeometry) -> None:
        members.append(_member(cls, key, body, geom))
        keys.append(key)

    fest = _el("rechtscharakter", "1000")   # FestsetzungBPlan
    for k, g in lay["streets"]:
        zweck = {"C": "14000", "D": "14000", "E": "14000", "Weg": "14003"}.get(k)
        art = (f"<xplan:artDerFestlegung><xplan:SO_KomplexeZweckbestStrassenverkehr>{_el('allgemein', zweck)}"
               f"</xplan:SO_KomplexeZweckbestStrassenverkehr></xplan:artDerFestlegung>") if zweck else ""
        name = "Fuß- und Radweg" if k == "Weg" else f"Planstraße {k}"
        add("SO_Strassenverkehr", f"street_{k}",
            f"{_object_head()}{_el('aufschrift', name)}{fest}<xplan:position>{geometry_xml(g, f'street_{k}')}"
            f"</xplan:position>{_el('flaechenschluss', 'true')}{art}{_el('name', name)}{_el('nutzungsform', '2000')}"
            f"{_el('hatDarstellungMitBesondZweckbest', 'true' if zweck else 'false')}", g)
    for k, g in lay["zones"]:
        kind = k.split("_")[0]
        r = ZONE_RULES[kind]
        label = {"MI": "MI", "WA3": "WA 2", "WA2": "WA 1"}[kind]
        nums = "".join(_el(n, r[n]) for n in ("GFZ", "GRZ", "Z"))   # schema order: GFZ … GRZ … Z
        arten = _el("allgArtDerBaulNutzung", ALLG[str(r["besondereArtDerBaulNutzung"])]) + \
            _el("besondereArtDerBaulNutzung", r["besondereArtDerBaulNutzung"])
        bw = _el("bauweise", r["bauweise"]) + (_el("bebauungsArt", r["bebauungsArt"]) if "bebauungsArt" in r else "")
        add("BP_BaugebietsTeilFlaeche", f"zone_{k}",
            f"{_object_head(_hoehe(HEIGHTS[kind]))}{_el('aufschrift', label)}{fest}"
            f"<xplan:position>{geometry_xml(g, f'zone_{k}')}</xplan:position>{_el('flaechenschluss', 'true')}"
            f"{nums}{arten}{bw}", g)
    for k, g in lay["green"]:
        zweck = {"Park": "1000", "Spielplatz": "1600"}[k]
        add("BP_GruenFlaeche", f"green_{k}",
            f"{_object_head()}{_el('aufschrift', 'Spielplatz' if k == 'Spielplatz' else 'Parkanlage')}{fest}"
            f"<xplan:position>{geometry_xml(g, f'green_{k}')}</xplan:position>{_el('flaechenschluss', 'true')}"
            f"<xplan:zweckbestimmung><xplan:BP_KomplexeZweckbestGruen>{_el('allgemein', zweck)}"
            f"</xplan:BP_KomplexeZweckbestGruen></xplan:zweckbestimmung>{_el('nutzungsform', '2000')}", g)
    for k, g in lay["windows"]:
        line = LineString(g.exterior.coords)
        add("BP_BauGrenze", f"{k}_baugrenze",
            f"{_object_head(ebene=0)}{fest}<xplan:position>{geometry_xml(line, f'{k}_baugrenze')}</xplan:position>",
            line)
        add("BP_UeberbaubareGrundstuecksFlaeche", k,
            f"{_object_head()}{fest}<xplan:position>{geometry_xml(g, k)}</xplan:position>"
            f"{_el('flaechenschluss', 'false')}<xplan:baugrenze xlink:href=\"#{gml_id(f'{k}_baugrenze')}\"/>", g)
    for k, g in lay["street_lines"]:
        add("BP_StrassenbegrenzungsLinie", k,
            f"{_object_head()}{fest}<xplan:position>{geometry_xml(g, k)}</xplan:position>", g)
    green = shapely.union_all([g for _, g in lay["green"]])
    for k, g in lay["trees"]:
        park = green.contains(g)
        add("BP_AnpflanzungBindungErhaltung", k,
            f"{_object_head()}{fest}<xplan:position>{geometry_xml(g, k)}</xplan:position>"
            f"{_el('massnahme', '2000')}{_el('gegenstand', '1000')}"
            f"{_el('pflanzenArt', 'Acer campestre (Feld-Ahorn)' if park else 'Tilia cordata (Winter-Linde)')}"
            f"{_el('anzahl', 1)}", g)
    bereich = (f"{_el('nummer', 0)}{_el('name', 'Geltungsbereich')}"
               + "".join(f'<xplan:planinhalt xlink:href="#{gml_id(k)}"/>' for k in keys)
               + f"{_el('verfahren', '1000')}<xplan:gehoertZuPlan xlink:href=\"#{gml_id('plan')}\"/>")
    plan = (f"{_el('name', 'Bebauungsplan HI 245 „Am Lerchenfeld“ (Demo)')}{_el('nummer', 'HI 245')}"
            f"{_el('beschreibung', BESCHREIBUNG)}{_el('technHerstellDatum', PLAN_DATE)}"
            f"{_el('erstellungsMassstab', 1000)}{_el('bezugshoehe', f'{BEZUGSHOEHE:.1f}', uom='m')}"
            f"{_el('hoehenbezug', 'DHHN2016 (Normalhöhennull, NHN)')}"
            f"{_el('technischerPlanersteller', 'Stadt Hildesheim, Fachbereich Stadtplanung (generierter Demo-Plan)')}"
            f"<xplan:raeumlicherGeltungsbereich>{geometry_xml(area, 'plan')}</xplan:raeumlicherGeltungsbereich>"
            f"{_references(documents(base))}"
            f"<xplan:gemeinde><xplan:XP_Gemeinde>{_el('ags', '03254021')}"
            f"{_el('gemeindeName', 'Hildesheim')}</xplan:XP_Gemeinde></xplan:gemeinde>"
            f"{_el('planArt', '1000')}{_el('rechtsstand', '2400')}{_el('aufstellungsbeschlussDatum', '2026-03-18')}"
            f"{_el('auslegungsStartDatum', '2026-12-03')}{_el('auslegungsEndDatum', '2027-01-08')}"
            f"{_el('traegerbeteiligungsStartDatum', '2026-12-03')}{_el('traegerbeteiligungsEndDatum', '2027-01-08')}"
            f"{_el('staedtebaulicherVertrag', 'false')}{_el('erschliessungsVertrag', 'true')}"
            f"{_el('durchfuehrungsVertrag', 'false')}{_el('gruenordnungsplan', 'false')}"
            f"<xplan:bereich xlink:href=\"#{gml_id('bereich')}\"/>")
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            "<!-- Generated demo plan (fictional): python -m transforms.generate.xplan_demo; "
            "see datasets/bplan_lerchenfeld/SOURCE.md -->\n"
            f'<xplan:XPlanAuszug xmlns:xplan="{XPLAN_NS}" xmlns:gml="http://www.opengis.net/gml/3.2" '
            'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'gml:id="{gml_id("auszug")}" xsi:schemaLocation="{XPLAN_NS} {SCHEMA_URL}">\n{_env(area)}\n')
    return (head + _member("BP_Plan", "plan", plan, area)
            + _member("BP_Bereich", "bereich", bereich, area) + "".join(members) + "</xplan:XPlanAuszug>\n")



def write(out: Path, base: str = DEMO_BASE) -> Path:
    """Write the plan (UTF-8, LF, indented: one element a line, readable in a diff); the same bytes on every run."""
    from lxml import etree
    tree = etree.fromstring(plan_xml(base).encode("utf-8"), etree.XMLParser(remove_blank_text=True)).getroottree()
    text = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(text)
    return out


def validate(path: Path, xsd_dir: Path) -> list[str]:
    """XSD errors of ``path`` against the XPlanGML 6.0 schema in ``xsd_dir`` (``XPlanung-Operationen.xsd``
    beside ``XPlanGML.xsd``; the GML profile and xlink as the XLeitstelle ships them). No network."""
    from lxml import etree
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    schema = etree.XMLSchema(etree.parse(str(xsd_dir / "XPlanung-Operationen.xsd"), parser))
    doc = etree.parse(str(path), parser)
    return [] if schema.validate(doc) else [f"line {e.line}: {e.message}" for e in schema.error_log]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--base-url", default=DEMO_BASE, help="public URL of the demo server for the plan documents")
    ap.add_argument("--xsd", type=Path, help="folder of the XPlanGML 6.0 schema: validate the written file")
    args = ap.parse_args(argv)
    path = write(args.out, args.base_url)
    print(f"wrote {path} ({path.stat().st_size} bytes)")
    if args.xsd:
        errors = validate(path, args.xsd)
        print("XSD: valid" if not errors else "XSD: INVALID\n" + "\n".join(errors[:50]))
        return 1 if errors else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
