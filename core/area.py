"""The city's area: the extent the demo data, the generators and the viewer's start view use."""
from __future__ import annotations

# Hildesheim city area in EPSG:25832 (ETRS89 / UTM 32N), roughly the municipal boundary's bbox
HILDESHEIM_BBOX_25832 = (556_000.0, 5_770_000.0, 572_000.0, 5_786_000.0)
CENTRE_25832 = (564_200.0, 5_778_300.0)

# the CRS every publication is stored in (ETRS89 / UTM 32N, Lower Saxony)
STORAGE_CRS = "EPSG:25832"
