"""Deterministic generators of Hildesheim-extent test data at any scale (benchmarks and demo).

``core.plugins.GENERATORS`` maps a theme name to ``function(n, out_path, seed) -> Path`` (entry points
``gdi.generators``). Generated data is
never committed; ``gdi generate THEME N OUT`` writes it.
"""
from __future__ import annotations

from core.area import CENTRE_25832, HILDESHEIM_BBOX_25832
from core.plugins import GENERATORS

__all__ = ["CENTRE_25832", "GENERATORS", "HILDESHEIM_BBOX_25832"]

