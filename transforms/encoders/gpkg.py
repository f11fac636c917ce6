"""GeoPackage for serving: EPSG:25832, one layer per view (INSPIRE view + source view), spatial index."""
from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pyogrio


class GpkgEncoder:
    suffix = ".gpkg"

    def __init__(self, path: Path, layer: str):
        self.path = path
        self.layer = layer
        self.count = 0

    def write(self, view: gpd.GeoDataFrame) -> None:
        if len(view) == 0:
            return
        pyogrio.write_dataframe(view, self.path, layer=self.layer, driver="GPKG",
                                append=self.count > 0, promote_to_multi=False,
                                use_arrow=True,  # ~2x faster than the row-by-row path
                                layer_options={"SPATIAL_INDEX": "YES", "FID": "fid"},
                                # GPKG 1.3: Debian's GDAL 3.6 (MapServer, QGIS) warns on pyogrio's default 1.4
                                dataset_options=None if self.count > 0 else {"VERSION": "1.3"})
        self.count += len(view)

    def close(self) -> None:
        pass
