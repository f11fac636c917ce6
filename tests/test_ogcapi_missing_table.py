"""A publication whose manifest names a collection its store does not hold (a hand-made or half-written
publication) answers 503 for that collection with the dataset named, not pygeoapi's bare 500 "connection
error (check logs)"; the other tables of the same file or schema are served. Both stores: the GeoPackage
provider and the PostGIS provider (a throw-away cluster)."""
from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from services.ogcapi.provider import GpkgProvider
from services.ogcapi.provider_common import PublicationUnavailable
from services.ogcapi.provider_pg import PostgisProvider


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


def test_a_declared_table_missing_from_the_postgis_schema_is_a_503():
    import psycopg

    from tests.pgcluster import new_database, postgis_cluster
    with postgis_cluster() as server:
        url = new_database(server, prefix="missing", postgis=True)
        with psycopg.connect(url, autocommit=True) as con:
            con.execute("CREATE SCHEMA ds_baeume; CREATE TABLE ds_baeume.present AS SELECT 1::bigint AS fid, "
                        "'Linde'::text AS name, ST_SetSRID(ST_MakePoint(565000, 5778400), 25832)::geometry(Point, "
                        "25832) AS geom; ALTER TABLE ds_baeume.present ADD PRIMARY KEY (fid)")
        pdef = {"type": "feature", "name": "PostgisProvider", "data": url, "schema": "ds_baeume",
                "id_field": "fid", "storage_crs": "http://www.opengis.net/def/crs/EPSG/0/25832"}
        ok = PostgisProvider({**pdef, "table": "present"})
        assert ok.query(limit=5)["numberMatched"] == 1
        with pytest.raises(PublicationUnavailable) as err:
            PostgisProvider({**pdef, "table": "speciesdistributionunit"})
        assert err.value.http_status_code == 503
        assert "dataset 'baeume'" in err.value.message
