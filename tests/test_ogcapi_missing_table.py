"""A publication whose manifest names a collection its GeoPackage does not hold (a hand-made or half-written
publication) answers 503 for that collection with the dataset named, not pygeoapi's bare 500 "connection
error (check logs)"; the other tables of the same file are served."""
from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from services.ogcapi.provider import GpkgProvider
from services.ogcapi.provider_common import PublicationUnavailable


def _definition(gpkg, table: str, tmp_path) -> dict:
    return {"type": "feature", "name": "services.ogcapi.provider.GpkgProvider", "data": str(gpkg),
            "table": table, "id_field": "fid", "id_index_dir": str(tmp_path / "idindex")}


def test_a_declared_table_missing_from_the_geopackage_is_a_503(tmp_path):
    folder = tmp_path / "publish" / "baeume" / "20261207T000000Z"
    folder.mkdir(parents=True)
    gpkg = folder / "baeume.gpkg"
    gpd.GeoDataFrame({"name": ["Linde"]}, geometry=[shapely.Point(565000, 5778400)],
                     crs="EPSG:25832").to_file(gpkg, layer="present")
    ok = GpkgProvider(_definition(gpkg, "present", tmp_path))
    assert ok.query(limit=5)["numberMatched"] == 1
    with pytest.raises(PublicationUnavailable) as err:
        GpkgProvider(_definition(gpkg, "speciesdistributionunit", tmp_path))
    assert err.value.http_status_code == 503
    assert "dataset 'baeume'" in err.value.message
