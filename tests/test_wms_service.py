"""Issue 5: the WMS 1.3.0 INSPIRE view service at /wms, through real clients (OWSLib, GDAL's WMS driver,
plain HTTP) against the running ``gdi serve``: capabilities (XSD-valid, INSPIRE, languages), GetMap in
several CRSs with pixel assertions, GetFeatureInfo in every format, legends, staff-only layers, and
abuse ending in ServiceExceptions."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import requests
from lxml import etree
from osgeo import gdal, ogr
from owslib.wms import WebMapService
from PIL import Image
from pyproj import Transformer

from core.config import load_registry
from core.xsd import load_schema, validate_xml_bytes
from metadata.ids import service_record_id

WMS_NS = {"wms": "http://www.opengis.net/wms", "inspire_vs": "http://inspire.ec.europa.eu/schemas/inspire_vs/1.0",
          "inspire_common": "http://inspire.ec.europa.eu/schemas/common/1.0", "ogc": "http://www.opengis.net/ogc"}
TREES = "SD.SpeciesDistribution"
SHARED_TOOLS = Path(os.environ.get("GDI_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "tools"


@pytest.fixture(scope="module")
def wms_url(server) -> str:
    return server + "/wms"


@pytest.fixture(scope="module")
def wms(wms_url) -> WebMapService:
    return WebMapService(wms_url, version="1.3.0", timeout=60)


@pytest.fixture(scope="module")
def tree(demo_settings) -> dict:
    """One published tree (position in EPSG:25832 and its key), read straight from the GeoPackage."""
    gpkg = demo_settings.publish_dir / "trees" / "current" / "trees.gpkg"
    ds = ogr.Open(str(gpkg))
    lyr = ds.GetLayerByName("trees_source")
    f = lyr.GetNextFeature()
    g = f.GetGeometryRef()
    return {"x": g.GetX(), "y": g.GetY(), "key": f.GetField("key"), "species": f.GetField("species_german")}


def _bbox_around(tree: dict, crs: str, half: float = 15.0, xy: bool = False) -> tuple[float, float, float, float]:
    """A BBOX of +-half metres around the tree, in the axis order WMS 1.3.0 wants for ``crs`` (lat/lon for
    EPSG:4326), or always x/y (``xy``, what OWSLib takes: it swaps for lat/lon CRSs itself)."""
    tr = Transformer.from_crs("EPSG:25832", crs.replace("CRS:84", "OGC:CRS84"), always_xy=xy)
    x0, y0 = tr.transform(tree["x"] - half, tree["y"] - half)
    x1, y1 = tr.transform(tree["x"] + half, tree["y"] + half)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _png(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"))


def _get(wms_url: str, **params) -> requests.Response:
    base = {"SERVICE": "WMS", "VERSION": "1.3.0"}
    return requests.get(wms_url, params={**base, **params}, timeout=60)


# --- capabilities -----------------------------------------------------------------------------------

def test_capabilities_lists_inspire_layers_with_default_style(wms, demo_settings):
    reg = load_registry(demo_settings.datasets_dir, check_plugins=False)
    names = set(wms.contents)
    assert TREES in names
    for ds in reg.values():
        if ds.access == "public":
            assert any(n == ds.inspire.layer_name or n.startswith(ds.inspire.layer_name + ".") for n in names), ds.id
    for name in names - {"gdi_hildesheim"}:  # the root layer is a plain group
        layer = wms[name]
        assert "inspire_common:DEFAULT" in layer.styles, name
        assert layer.styles["inspire_common:DEFAULT"].get("legend"), name
    assert wms[TREES].title == reg["trees"].title.de
    for crs in ("EPSG:25832", "EPSG:25833", "EPSG:4258", "EPSG:4326", "EPSG:3857", "CRS:84"):
        assert crs in wms[TREES].crsOptions


def test_capabilities_validate_against_wms_and_inspire_schemas(wms_url, schema_dir, tmp_path):
    r = _get(wms_url, REQUEST="GetCapabilities")
    assert r.status_code == 200
    doc = etree.fromstring(r.content)
    schema = load_schema(Path(schema_dir), (
        ("http://www.opengis.net/wms", "http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd"),
        ("http://inspire.ec.europa.eu/schemas/inspire_vs/1.0",
         "http://inspire.ec.europa.eu/schemas/inspire_vs/1.0/inspire_vs.xsd"),
        ("http://www.opengis.net/sld", "http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd")))
    assert schema.validate(doc), [str(e) for e in schema.error_log][:5]
    # and by the schemaLocations the document itself declares (project validator + the independent one)
    assert validate_xml_bytes(r.content, Path(schema_dir)) == []
    caps = tmp_path / "capabilities.xml"
    caps.write_bytes(r.content)
    tool = SHARED_TOOLS / "inspire_validate.py"
    assert tool.exists(), f"independent INSPIRE validator not found at {tool} (set GDI_SHARED)"
    res = subprocess.run([sys.executable, str(tool), str(caps)], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "INSPIRE_SCHEMAS": str(schema_dir)})
    assert res.returncode == 0, res.stdout + res.stderr


def test_extended_capabilities_point_to_the_service_record_in_the_csw(wms_url, demo_settings):
    doc = etree.fromstring(_get(wms_url, REQUEST="GetCapabilities").content)
    url = doc.findtext(".//inspire_vs:ExtendedCapabilities/inspire_common:MetadataUrl/inspire_common:URL",
                       namespaces=WMS_NS)
    assert url is not None and "request=GetRecordById" in url
    assert url.endswith("id=" + service_record_id("wms"))
    assert url.startswith(demo_settings.service.public_url.rstrip("/") + "/csw")
    langs = doc.xpath(".//inspire_common:SupportedLanguages//inspire_common:Language/text()", namespaces=WMS_NS)
    assert langs == ["ger", "eng"]


@pytest.mark.parametrize("lang, field", [("ger", "de"), ("eng", "en")])
def test_language_parameter_translates_titles(wms_url, demo_settings, lang, field):
    ds = load_registry(demo_settings.datasets_dir, check_plugins=False)["trees"]
    doc = etree.fromstring(_get(wms_url, REQUEST="GetCapabilities", LANGUAGE=lang).content)
    layer = doc.xpath(f"//wms:Layer[wms:Name='{TREES}']", namespaces=WMS_NS)[0]
    assert layer.findtext("wms:Title", namespaces=WMS_NS) == getattr(ds.title, field)
    assert layer.findtext("wms:Abstract", namespaces=WMS_NS) == getattr(ds.abstract, field).strip()
    resp = doc.findtext(".//inspire_common:ResponseLanguage/inspire_common:Language", namespaces=WMS_NS)
    assert resp == lang


# --- GetMap ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("crs", ["EPSG:25832", "EPSG:4326", "EPSG:3857"])
def test_getmap_draws_the_tree_in_three_crs(wms, tree, crs):
    bbox = _bbox_around(tree, crs, xy=True)
    img = wms.getmap(layers=[TREES], styles=["inspire_common:DEFAULT"], srs=crs, bbox=bbox, size=(101, 101),
                     format="image/png", transparent=True)
    px = _png(img.read())
    assert px.shape == (101, 101, 4)
    assert px[50, 50, 3] > 0, "nothing drawn where the tree stands"
    # the tree's crown is green, not a label or background colour
    r, g, b, _ = px[50, 50].astype(int)
    assert g > r and g > b


def test_every_layer_draws_its_first_feature(wms_url, demo_settings):
    """Every generated layer (whatever theme, view and columns) renders at a large scale around one of its
    features, with its labels: no MapServer error from a wrong column in a generated style."""
    from services.wms.mapfile import collect_layers
    for lay in collect_layers(demo_settings, staff=False):
        src_ds = ogr.Open(lay.ref.ogr_source)
        feat = src_ds.GetLayerByName(lay.table).GetNextFeature()
        minx, maxx, miny, maxy = feat.GetGeometryRef().GetEnvelope()
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        bbox = f"{cx - 60},{cy - 60},{cx + 60},{cy + 60}"
        r = _get(wms_url, REQUEST="GetMap", LAYERS=lay.name, STYLES="", CRS="EPSG:25832", BBOX=bbox,
                 WIDTH="256", HEIGHT="256", FORMAT="image/png", TRANSPARENT="TRUE")
        assert r.status_code == 200 and r.headers["Content-Type"] == "image/png", (lay.name, r.content[:300])
        assert _png(r.content)[..., 3].max() > 0, f"{lay.name}: nothing drawn around its first feature"


def test_points_of_mixed_geometry_layers_are_drawn(wms, wms_url, demo_settings):
    """A table with areas, lines and points (PLU SupplementaryRegulation) becomes a named group layer with
    the INSPIRE name; its points are drawn (a single POLYGON layer would skip them)."""
    from services.wms.mapfile import _is_mixed, collect_layers
    mixed = [lay for lay in collect_layers(demo_settings, staff=False) if _is_mixed(lay.geometry)]
    assert mixed, "the demo publishes no dataset with mixed geometry types (datasets/bplan2070_sr missing?)"
    lay = mixed[0]
    assert "inspire_common:DEFAULT" in wms[lay.name].styles
    src_ds = ogr.Open(lay.ref.ogr_source)
    res = src_ds.ExecuteSQL(f"SELECT geom FROM {lay.table} WHERE ST_GeometryType(geom) = 'POINT' LIMIT 1",
                            dialect="SQLite")
    feat = res.GetNextFeature()
    if feat is None:
        src_ds.ReleaseResultSet(res)
        pytest.fail(f"{lay.name} ({lay.table}) has no point features: the mixed-geometry drawing is not observable")
    x, y = feat.GetGeometryRef().GetX(), feat.GetGeometryRef().GetY()
    src_ds.ReleaseResultSet(res)
    r = _get(wms_url, REQUEST="GetMap", LAYERS=lay.name, STYLES="", CRS="EPSG:25832",
             BBOX=f"{x - 20},{y - 20},{x + 20},{y + 20}", WIDTH="81", HEIGHT="81", FORMAT="image/png",
             TRANSPARENT="TRUE")
    assert r.status_code == 200 and _png(r.content)[40, 40, 3] > 0


def test_getmap_is_transparent_where_there_are_no_features(wms_url):
    # the North Sea, far from any published feature (EPSG:4326 axis order: lat, lon)
    r = _get(wms_url, REQUEST="GetMap", LAYERS=TREES, STYLES="", CRS="EPSG:4326", BBOX="54.0,5.0,54.01,5.01",
             WIDTH="64", HEIGHT="64", FORMAT="image/png", TRANSPARENT="TRUE")
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/png"
    assert _png(r.content)[..., 3].max() == 0


def test_axis_order_matters_for_epsg_4326(wms_url, tree):
    lat_lon = _bbox_around(tree, "EPSG:4326")
    lon_lat = (lat_lon[1], lat_lon[0], lat_lon[3], lat_lon[2])
    def drawn(bbox, crs):
        r = _get(wms_url, REQUEST="GetMap", LAYERS=TREES, STYLES="", CRS=crs, BBOX=",".join(map(str, bbox)),
                 WIDTH="101", HEIGHT="101", FORMAT="image/png", TRANSPARENT="TRUE")
        return _png(r.content)[50, 50, 3] > 0
    assert drawn(lat_lon, "EPSG:4326")
    assert not drawn(lon_lat, "EPSG:4326")
    assert drawn(lon_lat, "CRS:84")


def test_getmap_has_cors_header_for_the_viewer(wms_url, tree):
    r = _get(wms_url, REQUEST="GetMap", LAYERS=TREES, STYLES="", CRS="EPSG:3857",
             BBOX=",".join(map(str, _bbox_around(tree, "EPSG:3857"))), WIDTH="64", HEIGHT="64",
             FORMAT="image/png")
    assert r.headers.get("Access-Control-Allow-Origin") == "*"


def test_gdal_wms_driver_reads_the_map(wms_url, tree):
    gdal.UseExceptions()
    caps = gdal.Open(f"WMS:{wms_url}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities")
    subs = [v for k, v in caps.GetMetadata("SUBDATASETS").items() if k.endswith("_NAME")]
    assert any(f"LAYERS={TREES}" in s for s in subs)
    minx, miny, maxx, maxy = _bbox_around(tree, "EPSG:25832", half=40)
    ds = gdal.Open(f"WMS:{wms_url}?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={TREES}&CRS=EPSG:25832"
                   f"&BBOX={minx},{miny},{maxx},{maxy}&FORMAT=image/png&TRANSPARENT=TRUE")
    assert ds is not None and ds.RasterCount in (3, 4)
    # read the block at the tree's position through the driver (it issues GetMap itself)
    xsize, ysize = ds.RasterXSize, ds.RasterYSize
    gt = ds.GetGeoTransform()
    col = int((tree["x"] - gt[0]) / gt[1])
    row = int((tree["y"] - gt[3]) / gt[5])
    band = ds.GetRasterBand(ds.RasterCount)  # alpha (or blue) band
    assert 0 <= col < xsize and 0 <= row < ysize
    assert abs(gt[0] - minx) < 1e-6 * max(1.0, abs(minx)) + 1.0
    block = np.frombuffer(band.ReadRaster(max(col - 2, 0), max(row - 2, 0), 5, 5), dtype=np.uint8)
    if ds.RasterCount == 4:
        assert block.max() > 0
    else:
        assert block.min() < 255
    # and an empty corner far from the tree stays transparent/white
    corner = np.frombuffer(band.ReadRaster(0, 0, 3, 3), dtype=np.uint8)
    assert (corner.max() == 0) if ds.RasterCount == 4 else (corner.min() == 255)


# --- GetFeatureInfo ----------------------------------------------------------------------------------

def _gfi(wms: WebMapService, tree: dict, fmt: str) -> bytes:
    bbox = _bbox_around(tree, "EPSG:25832", xy=True)
    res = wms.getfeatureinfo(layers=[TREES], query_layers=[TREES], styles=[""], srs="EPSG:25832", bbox=bbox,
                             size=(101, 101), format="image/png", info_format=fmt, xy=(50, 50),
                             feature_count=1)
    return res.read()


def test_getfeatureinfo_html_has_readable_german_labels(wms, tree):
    html = _gfi(wms, tree, "text/html").decode("utf-8")
    assert "<table" in html and tree["key"] in html
    assert "Kronendurchmesser (m)" in html and "Pflanzjahr" in html
    assert tree["species"] in html


def test_getfeatureinfo_json(wms, tree):
    doc = json.loads(_gfi(wms, tree, "application/json"))
    assert doc["type"] == "FeatureCollection"
    keys = [f["properties"]["key"] for f in doc["features"]]
    assert tree["key"] in keys
    assert doc["features"][0]["geometry"]["type"] == "Point"


def test_getfeatureinfo_gml(wms, tree):
    root = etree.fromstring(_gfi(wms, tree, "application/vnd.ogc.gml"))
    assert root.tag == "msGMLOutput"
    assert tree["key"] in root.xpath("//key/text()")


def test_getfeatureinfo_misses_give_empty_results(wms_url):
    r = _get(wms_url, REQUEST="GetFeatureInfo", LAYERS=TREES, QUERY_LAYERS=TREES, STYLES="", CRS="EPSG:4326",
             BBOX="54.0,5.0,54.01,5.01", WIDTH="64", HEIGHT="64", I="32", J="32", INFO_FORMAT="application/json")
    assert r.status_code == 200 and json.loads(r.content)["features"] == []


# --- legend ------------------------------------------------------------------------------------------

def test_legend_graphic_shows_the_classes(wms, wms_url):
    url = wms[TREES].styles["inspire_common:DEFAULT"]["legend"]
    r = requests.get(url, timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/png"
    px = _png(r.content)
    assert px.shape[0] >= 20 and px.shape[1] >= 60
    green = (px[..., 1].astype(int) > px[..., 0].astype(int) + 30) & (px[..., 3] > 0)
    assert green.sum() > 10, "legend has no tree symbol"


# --- access control ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def restricted_layers(demo_settings) -> list[str]:
    from services.wms.mapfile import collect_layers
    names = [lay.name for lay in collect_layers(demo_settings, staff=True) if lay.restricted]
    assert names, "the demo publishes no restricted dataset (datasets/altlasten_intern missing?)"
    return names


@pytest.fixture(scope="module")
def staff_auth(demo_settings) -> dict[str, str]:
    from services.auth import add_key
    return {"Authorization": "Bearer " + add_key(demo_settings, "wms-tests")}


def test_restricted_layers_are_invisible_to_the_public(wms_url, restricted_layers, staff_auth):
    public = etree.fromstring(_get(wms_url, REQUEST="GetCapabilities").content)
    names = set(public.xpath("//wms:Layer/wms:Name/text()", namespaces=WMS_NS))
    assert not set(restricted_layers) & names
    staff = etree.fromstring(requests.get(wms_url, params={"SERVICE": "WMS", "REQUEST": "GetCapabilities"},
                                          headers=staff_auth, timeout=30).content)
    assert set(restricted_layers) <= set(staff.xpath("//wms:Layer/wms:Name/text()", namespaces=WMS_NS))


def test_restricted_getmap_and_featureinfo_need_staff(wms_url, restricted_layers, staff_auth, demo_settings):
    from services.wms.mapfile import collect_layers
    lay = next(lay for lay in collect_layers(demo_settings, staff=True) if lay.name == restricted_layers[0])
    src_ds = ogr.Open(lay.ref.ogr_source)  # keep the data source referenced while its layer is used
    feat = src_ds.GetLayerByName(lay.table).GetNextFeature()
    minx, maxx, miny, maxy = feat.GetGeometryRef().GetEnvelope()
    minx, miny, maxx, maxy = minx - 50, miny - 50, maxx + 50, maxy + 50
    common = {"SERVICE": "WMS", "VERSION": "1.3.0", "LAYERS": lay.name, "STYLES": "", "CRS": "EPSG:25832",
              "BBOX": f"{minx},{miny},{maxx},{maxy}", "WIDTH": "256", "HEIGHT": "256"}
    getmap = {**common, "REQUEST": "GetMap", "FORMAT": "image/png", "TRANSPARENT": "TRUE"}
    r = requests.get(wms_url, params=getmap, timeout=30)
    assert r.status_code == 400 and b"LayerNotDefined" in r.content
    r = requests.get(wms_url, params=getmap, headers=staff_auth, timeout=30)
    assert r.status_code == 200 and _png(r.content)[..., 3].max() > 0
    gfi = {**common, "REQUEST": "GetFeatureInfo", "QUERY_LAYERS": lay.name, "I": "128", "J": "128",
           "INFO_FORMAT": "application/json"}
    r = requests.get(wms_url, params=gfi, timeout=30)
    assert r.status_code == 400 and b"ServiceException" in r.content
    r = requests.get(wms_url, params=gfi, headers={"Authorization": "Bearer wrong-token"}, timeout=30)
    assert r.status_code == 401 and "WWW-Authenticate" in r.headers  # a wrong credential is refused (issue 21)
    r = requests.get(wms_url, params=gfi, headers=staff_auth, timeout=30)
    assert r.status_code == 200 and json.loads(r.content)["type"] == "FeatureCollection"


# --- abuse and bad requests --------------------------------------------------------------------------

GOOD = {"REQUEST": "GetMap", "LAYERS": TREES, "STYLES": "", "CRS": "EPSG:25832",
        "BBOX": "403976,5754713,405454,5756376", "WIDTH": "256", "HEIGHT": "256", "FORMAT": "image/png"}
BAD_CASES = [
    ({"BBOX": "1,2,3"}, "InvalidParameterValue", "BBOX"),
    ({"BBOX": "405454,5754713,403976,5756376"}, "InvalidParameterValue", "BBOX"),
    ({"BBOX": "a,b,c,d"}, "InvalidParameterValue", "BBOX"),
    ({"BBOX": "nan,0,1,1"}, "InvalidParameterValue", "BBOX"),
    ({"BBOX": "0,0,1e300,1e300"}, "InvalidParameterValue", "BBOX"),          # absurd scale (zoomed out)
    # absurd zoom in
    ({"BBOX": "404000,5755000,404000.0000000001,5755000.0000000001"}, "InvalidParameterValue", "BBOX"),
    ({"LAYERS": "NoSuch.Layer"}, "LayerNotDefined", None),
    ({"CRS": "EPSG:99999"}, "InvalidCRS", None),
    ({"WIDTH": "100000"}, "InvalidParameterValue", "WIDTH"),
    ({"HEIGHT": "-5"}, "InvalidParameterValue", "HEIGHT"),
    ({"WIDTH": "12px"}, "InvalidParameterValue", "WIDTH"),
    ({"STYLES": "no_such_style"}, "StyleNotDefined", None),
    ({"SLD_BODY": "<StyledLayerDescriptor><NamedLayer>"}, "InvalidParameterValue", "SLD_BODY"),
    ({"SLD_BODY": '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'}, "InvalidParameterValue",
     "SLD_BODY"),
    ({"SLD": "http://169.254.169.254/latest/meta-data"}, "OperationNotSupported", "SLD"),
    ({"SERVICE": "WFS"}, "InvalidParameterValue", "SERVICE"),
]


@pytest.mark.parametrize("override, code, locator", BAD_CASES, ids=[str(c[0])[:60] for c in BAD_CASES])
def test_bad_requests_end_in_service_exceptions(wms_url, override, code, locator):
    r = _get(wms_url, **{**GOOD, **override})
    assert r.status_code == 400
    root = etree.fromstring(r.content)
    exc = root.find("ogc:ServiceException", WMS_NS)
    assert root.tag == "{http://www.opengis.net/ogc}ServiceExceptionReport" and exc is not None
    assert exc.get("code") == code
    if locator:
        assert exc.get("locator") == locator


def test_service_still_answers_after_abuse(wms_url):
    r = _get(wms_url, **GOOD)
    assert r.status_code == 200 and r.headers["Content-Type"] == "image/png"
