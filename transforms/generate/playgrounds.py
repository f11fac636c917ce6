"""N playgrounds in the municipal Spielplatzkataster template (docs/formats.md), inside Hildesheim.

UTF-8 CSV, ``;``, polygon WKT in EPSG:25832; equipment items with their last DIN EN 1176-7 main
inspection date. Deterministic for ``(n, seed)``; about 1 in 8 playgrounds has an overdue inspection.
"""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from . import HILDESHEIM_BBOX_25832

HEADER = ["spielplatz_nr", "name", "altersgruppe", "erfasst_am", "geraete", "flaeche_wkt"]
AGES = ["kleinkinder", "kinder", "jugendliche", "alle"]
EQUIPMENT = ["Schaukel", "Doppelschaukel", "Nestschaukel", "Rutsche", "Sandkasten", "Wippe", "Federwippgerät",
             "Klettergerüst", "Kletterturm", "Seilbahn", "Karussell", "Spielhaus", "Balancierbalken",
             "Basketballkorb", "Tor", "Tischtennisplatte", "Matschtisch", "Wasserpumpe"]
PLACES = ["Am Ried", "Moritzberg", "Ochtersum", "Drispenstedt", "Himmelsthür", "Neuhof", "Marienburger Höhe",
          "Oststadt", "Nordstadt", "Weststadt", "Itzum", "Marienrode", "Sorsum", "Einum", "Achtum", "Bavenstedt"]


def generate_playgrounds(n: int, out: Path, seed: int = 1) -> Path:
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = HILDESHEIM_BBOX_25832
    xs = rng.uniform(minx + 100, maxx - 100, n)
    ys = rng.uniform(miny + 100, maxy - 100, n)
    w = rng.uniform(15, 60, n)
    d = rng.uniform(12, 45, n)
    ang = rng.uniform(0, np.pi / 2, n)
    ages = rng.integers(0, len(AGES), n)
    n_items = rng.integers(1, 6, n)
    overdue = rng.random(n) < 0.125
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        wr = csv.writer(fh, delimiter=";", lineterminator="\n")
        wr.writerow(HEADER)
        for i in range(n):
            c, s = np.cos(ang[i]), np.sin(ang[i])
            local = [(0, 0), (w[i], 0), (w[i], d[i]), (w[i] / 2, d[i] * 1.15), (0, d[i]), (0, 0)]
            pts = [(xs[i] + x * c - y * s, ys[i] + x * s + y * c) for x, y in local]
            wkt = "POLYGON ((" + ", ".join(f"{x:.2f} {y:.2f}" for x, y in pts) + "))"
            year = 2023 if overdue[i] else 2026
            month = 1 + (i % 9)
            items = rng.choice(len(EQUIPMENT), size=n_items[i], replace=False)
            eq = " | ".join(f"{EQUIPMENT[k]}={year}-{month:02d}-{1 + (k % 27):02d}" for k in sorted(items))
            wr.writerow([f"SP-G{i:06d}", f"Spielplatz {PLACES[i % len(PLACES)]} {i // len(PLACES) + 1}",
                         AGES[ages[i]], "2026-09-30", eq, wkt])
    return out
