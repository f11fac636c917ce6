"""Issue 21, item 5: the WMS as INSPIRE's view service test suite sees it.

Tests name the INSPIRE view service ATS (``inspire-eu-validation/view-service``, conformance class
"INSPIRE Layer Metadata v3.11", with the TG View Services 3.11 requirement numbers they cover), run
against the real ``gdi serve`` on the store of the session (GeoPackage, and PostGIS in the second pass).
"""
from __future__ import annotations

import base64
import io
from typing import Any

import pytest
import requests
from lxml import etree
from PIL import Image

WMS = "{http://www.opengis.net/wms}"
XLINK = "{http://www.w3.org/1999/xlink}"


@pytest.fixture(scope="module")
def caps(server) -> etree._Element:
    r = requests.get(f"{server}/wms", params={"SERVICE": "WMS", "REQUEST": "GetCapabilities", "VERSION": "1.3.0"},
                     timeout=60)
    assert r.status_code == 200
    return etree.fromstring(r.content)


def named_layers(caps: etree._Element) -> dict[str, etree._Element]:
    root = caps.find(f"{WMS}Capability/{WMS}Layer")
    return {lay.findtext(f"{WMS}Name"): lay for lay in root.iter(f"{WMS}Layer")
            if lay is not root and lay.find(f"{WMS}Name") is not None}


def test_map_coupled_resource_metadata_on_every_named_layer_and_group(caps):
    """INSPIRE Layer Metadata v3.11 "Map Coupled Resource metadata" (TG VS Req 13, 14, 79), "Minimum
    geographic bbox" (Req 36) and A.38 layer identifier (Req 38): every named layer - the group layers of
    mixed geometries (PLU.SupplementaryRegulation) included - has a MetadataURL to its ISO record, an
    Identifier of a declared authority and its own geographic extent ("zoom to layer" goes to the plan,
    not to Germany)."""
    layers = named_layers(caps)
    assert "PLU.SupplementaryRegulation" in layers
    authorities = {a.get("name") for a in caps.iter(f"{WMS}AuthorityURL")}
    for name, lay in layers.items():
        md = lay.find(f"{WMS}MetadataURL/{WMS}OnlineResource")
        assert md is not None and "GetRecordById" in md.get(f"{XLINK}href"), name
        ident = lay.find(f"{WMS}Identifier")
        assert ident is not None and ident.text and ident.get("authority") in authorities, name
        box = lay.find(f"{WMS}EX_GeographicBoundingBox")
        assert box is not None, name
        w, e = float(box.findtext(f"{WMS}westBoundLongitude")), float(box.findtext(f"{WMS}eastBoundLongitude"))
        s, n = float(box.findtext(f"{WMS}southBoundLatitude")), float(box.findtext(f"{WMS}northBoundLatitude"))
        assert w < e and s < n, name
    group = layers["PLU.SupplementaryRegulation"]
    parts = [lay for lay in group.findall(f"{WMS}Layer")]
    assert parts
    pbox = [p.find(f"{WMS}EX_GeographicBoundingBox") for p in parts]
    gbox = group.find(f"{WMS}EX_GeographicBoundingBox")
    assert float(gbox.findtext(f"{WMS}eastBoundLongitude")) - float(gbox.findtext(f"{WMS}westBoundLongitude")) < 1
    assert float(gbox.findtext(f"{WMS}westBoundLongitude")) == min(
        float(b.findtext(f"{WMS}westBoundLongitude")) for b in pbox)


def test_harmonised_layer_name_is_the_citys_own_dataset(caps, demo_settings):
    """INSPIRE Layer Metadata v3.11 "Harmonised layer name" (TG VS Req 39, IR IOP Art. 14):
    ``LU.ExistingLandUse`` is the dataset the registry names primary for ExistingLandUseObject - the
    city's own Spielplatzkataster, not the Köln OSM sample - and its MetadataURL is that dataset's record."""
    from core.config import load_registry
    from metadata.ids import dataset_record_id
    reg = load_registry(demo_settings.datasets_dir, check_plugins=False, publish_dir=demo_settings.publish_dir)
    owner = [d for d in reg.values() if d.wms_layer_name == "LU.ExistingLandUse"]
    assert [d.id for d in owner] == ["spielplatzkataster"]
    lay = named_layers(caps)["LU.ExistingLandUse"]
    href = lay.find(f"{WMS}MetadataURL/{WMS}OnlineResource").get(f"{XLINK}href")
    assert dataset_record_id("spielplatzkataster") in href
    box = lay.find(f"{WMS}EX_GeographicBoundingBox")
    assert 9.8 < float(box.findtext(f"{WMS}westBoundLongitude")) < 10.1  # Hildesheim, not Köln (6.9°E)


def test_every_layer_draws_something_at_the_scale_of_its_own_extent(server, caps):
    """TG VS Req 36 with its purpose: a client that zooms to a layer's extent (256 pixels wide) gets a map
    with features on it, not an empty image from a scale limit (BU.Building drew nothing at city scale)."""
    empty = []
    for name, lay in named_layers(caps).items():
        bb = next(b for b in lay.findall(f"{WMS}BoundingBox") if b.get("CRS") == "EPSG:25832")
        bbox = ",".join(bb.get(k) for k in ("minx", "miny", "maxx", "maxy"))
        params: dict[str, Any] = {
            "SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": name, "STYLES": "",
            "CRS": "EPSG:25832", "BBOX": bbox, "WIDTH": 256, "HEIGHT": 256, "FORMAT": "image/png",
            "TRANSPARENT": "TRUE"}
        r = requests.get(f"{server}/wms", params=params, timeout=120)
        assert r.status_code == 200 and r.headers["Content-Type"] == "image/png", (name, r.text[:300])
        alpha = Image.open(io.BytesIO(r.content)).convert("RGBA").getchannel("A")
        if not any(alpha.getdata()):
            empty.append(name)
    assert not empty, f"empty at the scale of their own extent: {empty}"


@pytest.mark.parametrize("auth", ["Bearer not-a-key", "Basic " + base64.b64encode(b"planer:falsch").decode()])
def test_wrong_credentials_are_401_not_the_public_capabilities(server, auth):
    """As /ogc and /download: a wrong Bearer or Basic credential is refused (401 with a challenge), so a
    client (QGIS with a stale password) learns it instead of silently seeing the public layers only."""
    r = requests.get(f"{server}/wms", params={"SERVICE": "WMS", "REQUEST": "GetCapabilities"},
                     headers={"Authorization": auth}, timeout=30)
    assert r.status_code == 401
    assert "WWW-Authenticate" in r.headers and b"ServiceException" in r.content
    anon = requests.get(f"{server}/wms", params={"SERVICE": "WMS", "REQUEST": "GetCapabilities"}, timeout=30)
    assert anon.status_code == 200


def test_getfeatureinfo_html_declares_utf8_and_translated_labels(server, caps, demo_settings):
    """TG VS Req 34/47 (language of what the user reads): GetFeatureInfo HTML says ``charset=UTF-8`` (a
    client decodes "Straßen", not "StraÃŸen") and every attribute has a German label."""
    import pyogrio
    gdf = pyogrio.read_dataframe(demo_settings.publish_dir / "altlasten" / "current" / "altlasten.gpkg",
                                 layer="managementrestrictionorregulationzone")
    p = gdf.geometry.iloc[0].representative_point()
    half = 50.0
    bbox = f"{p.x - half},{p.y - half},{p.x + half},{p.y + half}"
    params: dict[str, Any] = {
        "SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetFeatureInfo",
        "LAYERS": "AM.RestrictedZonesAroundContaminatedSites",
        "QUERY_LAYERS": "AM.RestrictedZonesAroundContaminatedSites",
        "STYLES": "", "CRS": "EPSG:25832", "BBOX": bbox, "WIDTH": 101, "HEIGHT": 101, "I": 50, "J": 50,
        "INFO_FORMAT": "text/html", "FEATURE_COUNT": 5}
    r = requests.get(f"{server}/wms", params=params, timeout=60)
    assert r.status_code == 200
    assert r.headers["Content-Type"].replace(" ", "").lower() == "text/html;charset=utf-8"
    text = r.content.decode("utf-8")
    assert "<th>" in text, text[:500]
    assert "Zuständige Behörde" in text and "Competentauthority" not in text
    labels = [h.split("</th>")[0] for h in text.split("<th>")[1:]]
    assert all(" " in lab or lab[:1].isupper() for lab in labels)
