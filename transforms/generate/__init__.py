"""Deterministic generators of Hildesheim-extent test data at any scale (benchmarks and demo).

``GENERATORS`` maps a theme name to ``module:function(n, out_path, seed) -> Path``. Generated data is
never committed; ``gdi generate THEME N OUT`` writes it.
"""
from __future__ import annotations

from ..registry import Registry

# Hildesheim city area in EPSG:25832 (ETRS89 / UTM 32N), roughly the municipal boundary's bbox
HILDESHEIM_BBOX_25832 = (556_000.0, 5_770_000.0, 572_000.0, 5_786_000.0)
CENTRE_25832 = (564_200.0, 5_778_300.0)

GENERATORS: Registry = Registry("generator", {
    "trees": "transforms.generate.trees:generate_trees",
    "playgrounds": "transforms.generate.playgrounds:generate_playgrounds",
    "sites": "transforms.generate.sites:generate_sites",
    "buildings": "transforms.generate.buildings:generate_buildings",
})
