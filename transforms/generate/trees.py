"""N trees in the Münster Baumkataster CSV schema (latin-1, ';', decimal comma), inside Hildesheim."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from . import HILDESHEIM_BBOX_25832

HEADER = ("ID;Standort-Nr;Baumhoehe_akt_m;Stammanzahl_akt_anz;Stammdurchmesser_akt_cm;Stammumfang_akt_cm;"
          "Kronendurchmesser_akt_cm;Pflanzjahr;Standalter_geschaetzt_jahr;ref_Baumart;ref_Baumart_botanisch;"
          "gis_komplex_UTM;ref_Objekt_Name;ref_Objekt_stat_Bezirk;ref_Objekt_Number;ref_Objekt_Name_Number")
SPECIES = [("Winter-Linde", "Tilia cordata*"), ("Spitz-Ahorn", "Acer platanoides*"),
           ("Hainbuche", "Carpinus betulus*"), ("Stiel-Eiche", "Quercus robur*"),
           ("Berg-Ahorn", "Acer pseudoplatanus*"), ("Gemeine Esche", "Fraxinus excelsior*"),
           ("Robinie", "Robinia pseudoacacia*"), ("Hänge-Birke", "Betula pendula*"),
           ("Rotdorn", "Crataegus laevigata 'Paul's Scarlet' "), ("Mehlbeere", "Sorbus spec."),
           ("Gemeine Rosskastanie", "Aesculus hippocastanum*"), ("Platane", "Platanus x hispanica ")]
STREETS = ["ALMSSTRASSE", "HOHER WEG", "SCHUHSTRASSE", "OSTERSTRASSE", "GOSCHENSTRASSE", "KAISERSTRASSE",
           "STEINGRUBE", "DAMMSTRASSE", "WOLLENWEBERSTRASSE", "MARIENBURGER STRASSE"]


def generate_trees(n: int, out: Path, seed: int = 1) -> Path:
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = HILDESHEIM_BBOX_25832
    xs = rng.uniform(minx, maxx, n)
    ys = rng.uniform(miny, maxy, n)
    sp = rng.integers(0, len(SPECIES), n)
    height = rng.integers(2, 30, n)
    circ = rng.integers(10, 300, n)
    crown = rng.integers(1, 18, n)
    year = rng.integers(1900, 2024, n)
    street = rng.integers(0, len(STREETS), n)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="latin-1", newline="\n") as fh:
        fh.write(HEADER + "\n")
        block = 100_000
        for s in range(0, n, block):
            lines = []
            for i in range(s, min(n, s + block)):
                de, bot = SPECIES[sp[i]]
                st = STREETS[street[i]]
                lines.append(
                    f"HI{i:09d};{i % 97};{height[i]};1;{circ[i] / 3.14159:.2f}".replace(".", ",")
                    + f";{circ[i]};{crown[i]};{year[i]};{2024 - year[i]};{de};{bot};"
                    f"POINT ({xs[i]:.3f} {ys[i]:.3f});VG {st};{i % 40};{10000 + street[i]};"
                    f"20 {10000 + street[i]} VG {st}")
            fh.write("\n".join(lines) + "\n")
    return out
