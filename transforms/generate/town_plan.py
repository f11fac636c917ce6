"""The fixed plan of the demo town: where the old town, the river, the parks, the main roads and the
districts lie, and which street names each district uses.

Everything here is a constant or a pure function of the seed, independent of how many buildings are
asked for, so that the town (and the order of its buildings) is the same for every ``n``. Coordinates
are EPSG:25832; the layout follows Hildesheim's real one loosely (old town around the Marktplatz, the
Innerste west of it running south to north, industry and the harbour in the north, Ortsteile at the edge).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, box

from core.area import GREENFIELD_25832, MARKT_25832

# Hildesheim's municipal extent (x 557,870-571,440, y 5,771,750-5,783,120) and the Marktplatz
EXTENT = (557_870.0, 5_771_750.0, 571_440.0, 5_783_120.0)
MARKT = MARKT_25832
# the field left free for the planned development (a Bebauungsplan is drawn there)
GREENFIELD = GREENFIELD_25832

RING_A, RING_B, RING_ROT = 640.0, 560.0, math.radians(20)  # the Wallring around the old town (ellipse)

# street classes and their widths (m)
WIDTH = {"hauptstrasse": 18.0, "sammelstrasse": 12.0, "wohnstrasse": 8.0, "fussweg": 4.0}


def ring_point(ang: float, scale: float = 1.0) -> tuple[float, float]:
    """A point of the ring ellipse (``scale`` 1) in direction ``ang`` (radians, from east)."""
    x, y = RING_A * scale * math.cos(ang), RING_B * scale * math.sin(ang)
    c, s = math.cos(RING_ROT), math.sin(RING_ROT)
    return MARKT[0] + c * x - s * y, MARKT[1] + s * x + c * y


def ring_polygon(scale: float = 1.0) -> Polygon:
    return Polygon([ring_point(2 * math.pi * k / 160, scale) for k in range(160)])


def river_centreline() -> LineString:
    """The Innerste: south to north, meandering between x 563,800 and 564,200."""
    y = np.linspace(EXTENT[1] - 50, EXTENT[3] + 50, 700)
    t = y - EXTENT[1]
    x = 564_000 + 120 * np.sin(2 * np.pi * t / 2_600) + 55 * np.sin(2 * np.pi * t / 870 + 1.3)
    return LineString(np.column_stack([x, y]))


def river_polygon() -> Polygon:
    line = river_centreline()
    c = shapely.get_coordinates(line)
    d = np.gradient(c, axis=0)
    d /= np.hypot(d[:, 0], d[:, 1])[:, None]
    nrm = np.column_stack([-d[:, 1], d[:, 0]])
    half = (25 + 5 * np.sin(c[:, 1] / 480.0))[:, None] / 2  # 20-30 m wide
    ring = np.concatenate([c + nrm * half, (c - nrm * half)[::-1]])
    return shapely.make_valid(Polygon(ring)).buffer(0)


def _blob(x: float, y: float, rx: float, ry: float, rot: float = 0.0, wobble: float = 0.12,
          k: int = 48, phase: float = 0.0) -> Polygon:
    a = np.linspace(0, 2 * np.pi, k, endpoint=False)
    r = 1 + wobble * np.sin(3 * a + phase) + 0.5 * wobble * np.cos(5 * a + 2 * phase)
    px, py = rx * r * np.cos(a), ry * r * np.sin(a)
    c, s = math.cos(rot), math.sin(rot)
    return Polygon(np.column_stack([x + c * px - s * py, y + s * px + c * py]))


@dataclass(frozen=True)
class Green:
    name: str
    kind: str  # park, friedhof, wald, gruenzug, wallanlagen, feld
    geom: Polygon


def parks() -> list[Green]:
    """Parks, cemeteries, woods; the river's meadows are added by the layout (they follow the river)."""
    wall = ring_polygon(0.985).difference(ring_polygon(0.93))
    # the Wallanlagen survive on the south and east side of the ring only
    wall = wall.intersection(box(MARKT[0] - 2_000, MARKT[1] - 2_000, MARKT[0] + 2_000, MARKT[1] - 60))
    return [
        Green("Liebesgrund", "park", _blob(564_560, 5_777_930, 150, 110, 0.3, phase=1.0)),
        Green("Ernst-Ehrlicher-Park", "park", _blob(564_700, 5_779_080, 120, 90, -0.4, phase=2.0)),
        Green("Hohnsen", "park", _blob(564_420, 5_777_180, 260, 190, 0.5, phase=0.5)),
        Green("Ehrenfriedhof", "friedhof", _blob(565_950, 5_779_350, 130, 100, 0.2, 0.05, phase=3.0)),
        Green("Zentralfriedhof", "friedhof", _blob(566_350, 5_780_250, 300, 210, 0.35, 0.05, phase=1.7)),
        Green("Steingrube", "park", _blob(565_820, 5_777_880, 85, 65, 0.0, phase=2.4)),
        Green("Berghölzchen", "wald", _blob(562_750, 5_778_100, 480, 380, 0.4, 0.18, phase=0.9)),
        Green("Galgenberg", "wald", _blob(567_900, 5_777_100, 650, 520, -0.3, 0.2, phase=1.1)),
        Green("Steinberg", "wald", _blob(562_500, 5_775_600, 550, 420, 0.2, 0.2, phase=2.9)),
        Green("Grünzug Drispenstedt", "gruenzug", _blob(567_300, 5_780_700, 260, 70, 0.9, phase=0.2)),
        Green("Ochtersumer Grünzug", "gruenzug", _blob(563_350, 5_776_300, 240, 70, -0.7, phase=1.4)),
        Green("Moritzberg-Park", "park", _blob(563_300, 5_778_750, 110, 80, 0.1, phase=0.7)),
        Green("Wallanlagen", "wallanlagen", shapely.make_valid(wall).buffer(0)),
    ]


HOHNSENSEE = _blob(564_460, 5_777_170, 110, 60, 0.5, 0.1, phase=0.3)
MARKTPLATZ = box(MARKT[0] - 38, MARKT[1] - 30, MARKT[0] + 38, MARKT[1] + 30)

# main roads: name, points (from the ring outward; the first point is replaced by the ring point)
MAIN_ROADS: list[tuple[str, list[tuple[float, float]]]] = [
    ("Peiner Straße", [(0, 0), (566_400, 5_779_900), (567_700, 5_781_300), (569_300, 5_782_700),
                       (570_300, 5_783_200)]),
    ("Steuerwalder Straße", [(0, 0), (565_200, 5_780_200), (564_900, 5_781_700), (564_700, 5_783_200)]),
    ("Bavenstedter Straße", [(0, 0), (566_900, 5_779_500), (568_000, 5_780_500), (568_900, 5_781_000),
                             (570_100, 5_781_600)]),
    ("Goslarsche Straße", [(0, 0), (566_800, 5_778_100), (568_500, 5_778_250), (569_900, 5_777_900),
                           (571_500, 5_777_700)]),
    ("Marienburger Straße", [(0, 0), (566_200, 5_777_000), (567_000, 5_775_800), (568_100, 5_774_400),
                             (568_900, 5_773_300)]),
    ("Alfelder Straße", [(0, 0), (564_900, 5_776_400), (564_800, 5_774_600), (564_950, 5_773_200),
                         (565_200, 5_771_700)]),
    ("Schützenallee", [(0, 0), (564_300, 5_777_000), (563_400, 5_775_800), (562_700, 5_774_600),
                       (561_700, 5_773_600)]),
    ("Dammstraße", [(0, 0), (563_700, 5_778_450), (562_300, 5_779_000), (560_800, 5_779_250),
                    (559_400, 5_779_350), (557_800, 5_779_500)]),
    ("Senator-Braun-Allee", [(0, 0), (563_800, 5_779_600), (562_600, 5_780_300), (561_500, 5_780_700),
                             (560_300, 5_781_600)]),
]
# the directions (radians from east) at which each main road leaves the ring
_ROAD_ANG = {"Peiner Straße": 0.9, "Steuerwalder Straße": 1.5, "Bavenstedter Straße": 0.55,
             "Goslarsche Straße": -0.05, "Marienburger Straße": -0.8, "Alfelder Straße": -1.65,
             "Schützenallee": -2.3, "Dammstraße": 3.1, "Senator-Braun-Allee": 2.45}
OUTER_RING = "Cheruskerring"
RING_NAMES = ["Kaiserstraße", "Zingel", "Bischof-Janssen-Straße", "Kardinal-Bertram-Straße"]


def main_roads() -> list[tuple[str, LineString]]:
    out = []
    for name, pts in MAIN_ROADS:
        p = [ring_point(_ROAD_ANG[name]), *pts[1:]]
        out.append((name, LineString(p).segmentize(60)))
    # Cheruskerring: an arc through the north-east suburbs
    a = np.linspace(-0.25, 1.35, 40)
    arc = np.column_stack([MARKT[0] + 2_500 * np.cos(a), MARKT[1] + 2_250 * np.sin(a)])
    out.append((OUTER_RING, LineString(arc)))
    return out


def ring_roads() -> list[tuple[str, LineString]]:
    """The Wallring in four named quarters."""
    out = []
    for q, name in enumerate(RING_NAMES):
        a = np.linspace(math.pi / 2 * (q + 1), math.pi / 2 * (q + 2), 41)  # from north-west clockwise-ish
        out.append((name, LineString([ring_point(float(v)) for v in a])))
    return out


@dataclass
class District:
    """A warped street grid: nodes (i*du, j*dv) in a local frame, warped and jittered, clipped to ``region``."""

    name: str
    kind: str  # altstadt, gruenderzeit, suburb, rows, industrie, gewerbe, village
    region: Polygon
    origin: tuple[float, float]
    angle: float  # degrees
    du: float
    dv: float
    amp: float = 0.0  # warp amplitude (curved streets)
    wave: float = 700.0
    jitter: float = 0.0
    names: list[str] = field(default_factory=list)


ALTSTADT_NAMES = [
    "Almsstraße", "Hoher Weg", "Osterstraße", "Schuhstraße", "Scheelenstraße", "Rathausstraße",
    "Judenstraße", "Marktstraße", "Kreuzstraße", "Jakobistraße", "Wollenweberstraße", "Keßlerstraße",
    "Brühl", "Hinterer Brühl", "Annenstraße", "Friesenstraße", "Pfaffenstieg", "Burgstraße",
    "Eckemekerstraße", "Goschenstraße", "Gelber Stern", "Lappenberg", "Knollenstraße", "Langer Hagen",
    "Wallstraße", "Andreasplatz", "Kurzer Hagen", "Neustädter Markt", "Kläperhagen", "Domhof",
    "Stobenstraße", "Hückedahl", "Mühlenstraße", "Küsthardtstraße", "Braunschweiger Straße",
]
GZ_NAMES = [
    "Steingrube", "Bahnhofsallee", "Sedanstraße", "Ottostraße", "Gartenstraße", "Moltkestraße",
    "Hindenburgplatz", "Theaterstraße", "Zingelstraße", "Struckmannstraße", "Goethestraße",
    "Schillerstraße", "Hohnsen", "Weinberg", "Humboldtstraße", "Lessingstraße", "Kantstraße",
    "Am Propsteihof", "Triftstraße", "Renatastraße", "Alter Markt", "Bernwardstraße", "Göttingstraße",
    "Hagentorwall", "Neue Straße", "Orleansstraße", "Zierenbergstraße", "Hannoversche Straße",
    "Lilly-Reich-Straße", "Einumer Straße", "Sachsenring", "Teichstraße", "Hohe Straße",
    "Kennedydamm", "Ludolfingerstraße", "Matthiasstraße", "Elzer Straße", "Gutenbergstraße",
    "Kurt-Schumacher-Straße", "Brückenstraße", "Bergstraße", "Lerchenkamp", "Am Ried",
]
SUBURB_NAMES = [
    "Ochtersumer Straße", "Himmelsthürer Straße", "Drispenstedter Straße", "Am Hagentorwall",
    "Berliner Straße", "Stettiner Straße", "Breslauer Straße", "Königsberger Straße", "Danziger Straße",
    "Immengarten", "Kalenberger Graben", "Am Klingenberg", "Fröbelstraße", "Pestalozzistraße",
    "Hochkamp", "Kruppstraße", "Boschstraße", "Liebigstraße", "Daimlerring", "Wiesenstraße",
    "Lucienvörder Allee", "Neuhofer Straße", "Weißenburger Straße", "Gallbergweg", "Hildesheimer Wald",
    "Tilsiter Straße", "Am Kupferstrang", "Rottsberg", "Zwerggasse", "Am Steinberg", "Waldquelle",
    "Eichendorffstraße", "Uhlandstraße", "Mörikestraße", "Hölderlinstraße", "Fontanestraße",
    "Brahmsweg", "Händelstraße", "Mozartstraße", "Beethovenstraße", "Schubertstraße", "Haydnstraße",
]
_STEMS = ["Birken", "Eichen", "Linden", "Buchen", "Ahorn", "Eschen", "Kastanien", "Ulmen", "Erlen",
          "Weiden", "Holunder", "Flieder", "Rosen", "Tulpen", "Nelken", "Lerchen", "Finken", "Drossel",
          "Amsel", "Meisen", "Schwalben", "Falken", "Habichts", "Kiebitz", "Wiesen", "Acker", "Feld",
          "Mühlen", "Brunnen", "Quellen", "Sonnen", "Hasel", "Wacholder", "Ginster", "Heide", "Kirschen",
          "Apfel", "Birnen", "Pappel", "Tannen", "Fichten", "Kiefern", "Lärchen", "Dohlen", "Reiher",
          "Eiben", "Espen", "Platanen", "Robinien", "Mispel", "Schlehen", "Wein", "Hopfen", "Roggen", "Weizen",
          "Hafer", "Gersten", "Raps", "Klee", "Lilien", "Veilchen", "Astern", "Dahlien", "Krokus", "Narzissen",
          "Primel", "Iris", "Mohn", "Kornblumen", "Sperlings", "Storchen", "Eulen", "Bussard", "Milan",
          "Zaunkönig"]
_SUFFIXES = ["weg", "straße", "ring", "kamp", "winkel", "stieg", "grund", "anger", "feld", "hof", "gasse", "pfad",
             "breite", "garten", "allee", "damm"]


def name_pool(seed: int) -> list[str]:
    """Generated suburban street names (``Birkenweg``, ``Am Lerchenkamp``), unique, shuffled by seed."""
    names = [s + x for s in _STEMS for x in _SUFFIXES]
    names += ["Am " + s + x for s in _STEMS for x in ("kamp", "hang", "grund", "hof", "busch", "teich")]
    rng = np.random.default_rng(seed + 17)
    return [names[i] for i in rng.permutation(len(names))]


# Ortsteile at the edge: name, centre, radius
VILLAGES = [("Sorsum", (559_300, 5_779_400), 480), ("Himmelsthür", (561_300, 5_780_900), 520),
            ("Neuhof", (561_000, 5_773_300), 430), ("Marienrode", (559_900, 5_774_600), 330),
            ("Itzum", (567_600, 5_774_300), 520), ("Einum", (570_300, 5_776_900), 380),
            ("Achtum-Uppen", (570_100, 5_779_200), 400), ("Bavenstedt", (568_900, 5_781_300), 480)]


def districts(seed: int) -> list[District]:
    """All districts in priority order (an earlier district claims its region first)."""
    pool = name_pool(seed)
    mx, my = MARKT
    inner = ring_polygon(0.93)
    gz_area = Point(MARKT).buffer(1_550, 64).difference(ring_polygon(1.0).buffer(12))
    sub_area = _blob(mx - 250, my - 250, 4_700, 4_200, 0.4, 0.1, k=96, phase=0.8).intersection(box(*EXTENT))
    out: list[District] = [District("Altstadt", "altstadt", inner, MARKT, 14.0, 68.0, 58.0, amp=10.0,
                                    wave=420.0, jitter=9.0, names=list(ALTSTADT_NAMES))]
    industry = Polygon([(562_400, 5_780_100), (565_600, 5_780_500), (566_200, 5_781_300),
                        (566_000, 5_782_700), (562_600, 5_782_800), (562_000, 5_781_500)])
    gewerbe = [("Gewerbegebiet Bavenstedt", Polygon([(567_300, 5_779_750), (568_700, 5_779_900),
                                                     (568_800, 5_780_650), (567_600, 5_780_900)]), 32.0),
               ("Gewerbegebiet Ochtersum", Polygon([(562_300, 5_776_700), (563_300, 5_776_700),
                                                    (563_200, 5_777_350), (562_400, 5_777_400)]), -8.0),
               ("Gewerbegebiet Nord", Polygon([(565_900, 5_780_300), (567_200, 5_780_500),
                                               (567_100, 5_781_500), (566_200, 5_781_400)]), 10.0)]
    out.append(District("Industriegebiet Nord und Hafen", "industrie", industry, (563_000, 5_781_000), 4.0,
                        210.0, 150.0, names=["Hafenstraße", "Am Hafen", "Industriestraße", "Lademühle",
                                             "Bavenstedter Feld", "Werner-von-Siemens-Straße",
                                             "Robert-Bosch-Straße", "Bischofskamp", "Rudolf-Diesel-Straße",
                                             "Otto-Hahn-Straße", "Max-Planck-Straße", "Carl-Zeiss-Straße",
                                             "Im Kreuzfeld", "Am Güterbahnhof", "Kanalstraße", "Zuckerfabrik"]))
    for k, (nm, poly, ang) in enumerate(gewerbe):
        out.append(District(nm, "gewerbe", poly, poly.centroid.coords[0], ang, 150.0, 110.0,
                            names=pool[400 + 12 * k: 412 + 12 * k]))
    # Gründerzeit quarters around the ring, each with its own grid direction
    sectors = [("Nordstadt", 60, 130, 8.0), ("Oststadt", -40, 60, -12.0), ("Südstadt", -130, -40, 24.0),
               ("Neustadt-West", 130, 220, -6.0)]
    names = list(GZ_NAMES)
    for k, (nm, a0, a1, ang) in enumerate(sectors):
        wedge = _wedge(MARKT, a0, a1, 2_000)
        out.append(District(nm, "gruenderzeit", gz_area.intersection(wedge), MARKT, ang, 118.0, 86.0,
                            amp=6.0, wave=900.0, jitter=3.0, names=names[k * 11:(k + 1) * 11]))
    # Moritzberg: west of the river, a Gründerzeit quarter climbing the hill
    out.append(District("Moritzberg", "gruenderzeit", _blob(563_150, 5_778_350, 600, 480, 0.2, 0.1),
                        (563_150, 5_778_350), -18.0, 110.0, 80.0, amp=8.0, wave=800.0, jitter=4.0,
                        names=["Bergstraße", "Moritzberger Weg", "Elzer Straße", "Mastbergstraße",
                               "Bennostraße", "Godehardstraße", "Alter Bergweg", "Am Roten Steine",
                               "Großer Saatner", "Kleiner Saatner", "Moritzstraße", "Dingworthstraße"]))
    for vname, c, r in VILLAGES:
        out.append(District(vname, "village", _blob(c[0], c[1], r, r * 0.8, 0.3, 0.15, phase=c[0] % 7),
                            c, float(c[1] % 40 - 20), 105.0, 78.0, amp=14.0, wave=380.0, jitter=11.0,
                            names=[f"{vname}er Hauptstraße".replace("ee", "e"), f"Am {vname}er Anger",
                                   f"{vname}er Kirchweg"]))
    # suburbs: twelve sectors with curved residential streets
    sub_sectors = [(-15, 20), (20, 50), (50, 80), (80, 110), (110, 145), (145, 180), (180, 205),
                   (205, 235), (235, 262), (262, 290), (290, 318), (318, 345)]
    rng = np.random.default_rng(seed + 5)
    k0 = 0
    for k, (a0, a1) in enumerate(sub_sectors):
        wedge = _wedge(MARKT, a0, a1, 6_000)
        ang = float(rng.uniform(-40, 40))
        rows = k % 3 == 1  # 1960s/70s estates of terraced houses
        out.append(District(f"Wohngebiet {k + 1}", "rows" if rows else "suburb", sub_area.intersection(wedge),
                            MARKT, ang, 120.0 if rows else 140.0, 62.0 if rows else 66.0,
                            amp=float(rng.uniform(22, 45)), wave=float(rng.uniform(520, 900)),
                            jitter=2.0, names=SUBURB_NAMES[k * 3:(k + 1) * 3] + pool[k0:k0 + 30]))
        k0 += 30
    return out


def _wedge(c: tuple[float, float], a0: float, a1: float, r: float) -> Polygon:
    a = np.radians(np.linspace(a0, a1, 32))
    return Polygon([c, *zip(c[0] + r * np.cos(a), c[1] + r * np.sin(a), strict=True)])
