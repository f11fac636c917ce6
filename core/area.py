"""The city's area: the extent the demo data, the generators and the viewer's start view use."""
from __future__ import annotations

# Hildesheim city area in EPSG:25832 (ETRS89 / UTM 32N), roughly the municipal boundary's bbox
HILDESHEIM_BBOX_25832 = (556_000.0, 5_770_000.0, 572_000.0, 5_786_000.0)
CENTRE_25832 = (564_200.0, 5_778_300.0)   # the random generator's centre (transforms.generate.buildings)
# the demo town (transforms.generate.town): its Marktplatz, the middle of the old town and of the demo's 3D
# city model, and the field it leaves free for the demo Bebauungsplan HI 245 „Am Lerchenfeld“
MARKT_25832 = (565_000.0, 5_778_400.0)
GREENFIELD_25832 = (566_650.0, 5_778_850.0, 567_050.0, 5_779_200.0)

# the CRS every publication is stored in (ETRS89 / UTM 32N, Lower Saxony)
STORAGE_CRS = "EPSG:25832"
