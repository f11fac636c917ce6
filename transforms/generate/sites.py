"""N contaminated sites in the municipal Altlastenkataster format (docs/formats.md), inside Hildesheim.

UTF-8 CSV, ``;``, polygon WKT in EPSG:25832. Owners are fictitious company names (no personal data).
Deterministic for ``(n, seed)``.
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from . import HILDESHEIM_BBOX_25832

HEADER = ["katasternummer", "bezeichnung", "status", "branche", "fruehere_nutzung", "eigentuemer", "bemerkung",
          "eingetragen_am", "flaeche_wkt"]
STATUS = ["Altlastverdachtsfläche", "Altlast", "saniert", "Verdacht ausgeräumt"]
STATUS_P = [0.55, 0.2, 0.15, 0.1]
BRANCHES = [("Tankstelle", "Kfz-Betankung"), ("Chemische Reinigung", "Textilreinigung"),
            ("Galvanik", "Metalloberflächenbehandlung"), ("Altablagerung", "Hausmüll- und Bauschuttablagerung"),
            ("Gaswerk", "Stadtgaserzeugung"), ("Schrotthandel", "Schrott- und Altmetallhandel"),
            ("Druckerei", "Druckerei mit Lösemitteleinsatz"), ("Holzimprägnierung", "Holzschutzmittel")]
OWNERS = ["Beispiel Immobilien GmbH", "Muster Gewerbepark KG", "Stadt Hildesheim", "Beispiel Grund AG",
          "Privat (generiert, anonym)"]


def generate_sites(n: int, out: Path, seed: int = 1) -> Path:
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = HILDESHEIM_BBOX_25832
    xs = rng.uniform(minx + 200, maxx - 200, n)
    ys = rng.uniform(miny + 200, maxy - 200, n)
    w = rng.uniform(15, 150, n)
    d = rng.uniform(15, 120, n)
    st = rng.choice(len(STATUS), size=n, p=STATUS_P)
    br = rng.integers(0, len(BRANCHES), n)
    ow = rng.integers(0, len(OWNERS), n)
    year = rng.integers(1988, 2026, n)
    start = rng.integers(1900, 1990, n)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        wr = csv.writer(fh, delimiter=";", lineterminator="\n")
        wr.writerow(HEADER)
        for i in range(n):
            x, y = xs[i], ys[i]
            pts = [(x, y), (x + w[i], y + 0.1 * d[i]), (x + 0.9 * w[i], y + d[i]), (x, y + 0.9 * d[i]), (x, y)]
            wkt = "POLYGON ((" + ", ".join(f"{a:.1f} {b:.1f}" for a, b in pts) + "))"
            branch, use = BRANCHES[br[i]]
            wr.writerow([f"ALT-G{i:06d}", f"{branch} (Fläche {i})", STATUS[st[i]], branch,
                         f"{use} {start[i]}-{start[i] + rng.integers(5, 40)}", OWNERS[ow[i]],
                         "generierter Testdatensatz", f"{year[i]}-{1 + i % 12:02d}-{1 + i % 28:02d}", wkt])
    return out
