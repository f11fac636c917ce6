"""Issue 6 item 4/5: /csw harvested the way GDI-NI does it — OWSLib CatalogueServiceWeb against the real
``gdi serve`` (gunicorn -> proxy -> pycsw sidecar from .venv-pycsw)."""
from __future__ import annotations

import http.client
import warnings
from urllib.parse import urlsplit

import pytest
import requests
from lxml import etree
from owslib.csw import CatalogueServiceWeb
from owslib.fes import BBox, PropertyIsEqualTo, PropertyIsLike
from owslib.iso import MD_Metadata

from core.config import load_registry
from core.publication import current_manifest, published_datasets
from core.xsd import validate_xml_bytes
from metadata.ids import dataset_record_id, get_record_by_id_url, service_record_id
from metadata.records import read_index

GMD = "http://www.isotc211.org/2005/gmd"
NS = {"inspire_ds": "http://inspire.ec.europa.eu/schemas/inspire_ds/1.0",
      "inspire_common": "http://inspire.ec.europa.eu/schemas/common/1.0",
      "ows": "http://www.opengis.net/ows"}
warnings.filterwarnings("ignore", category=FutureWarning, module="owslib")


@pytest.fixture(scope="module")
def csw(server):
    return CatalogueServiceWeb(f"{server}/csw", timeout=60)


@pytest.fixture(scope="module")
def public_ids(demo_settings) -> set[str]:
    """Computed from the publications and the registry, not from our own index."""
    reg = load_registry(demo_settings.datasets_dir, check_plugins=False)
    pubs = published_datasets(demo_settings.publish_dir)
    assert pubs, "the demo published nothing"
    return ({dataset_record_id(d) for d in pubs if reg[d].access == "public"}
            | {service_record_id(s) for s in ("wms", "ogcapi", "download", "csw")})


@pytest.fixture(scope="module")
def restricted(demo_settings) -> list[str]:
    reg = load_registry(demo_settings.datasets_dir, check_plugins=False)
    return [e["name"] for e in read_index(demo_settings)
            if e["kind"] == "dataset" and reg[e["name"]].access == "restricted"]


def test_capabilities_with_inspire_extended_capabilities(csw, server):
    assert {"GetRecords", "GetRecordById", "GetCapabilities"} <= {op.name for op in csw.operations}
    assert csw.identification.type == "CSW" and csw.identification.version == "2.0.2"
    caps = etree.fromstring(requests.get(f"{server}/csw", params={"service": "CSW", "version": "2.0.2",
                                                                  "request": "GetCapabilities"}, timeout=60).content)
    ext = caps.find(".//inspire_ds:ExtendedCapabilities", NS)
    assert ext is not None, "INSPIRE extended capabilities missing"
    assert ext.findtext("inspire_common:SupportedLanguages/inspire_common:DefaultLanguage/inspire_common:Language",
                        namespaces=NS) == "ger"
    assert ext.findtext("inspire_common:SpatialDataServiceType", namespaces=NS) == "discovery"
    assert ext.findtext("inspire_common:ResourceLocator/inspire_common:URL", namespaces=NS).startswith(f"{server}/csw")
    # operation URLs advertise the public address, not the sidecar's internal port
    hrefs = caps.xpath("//ows:Get/@xlink:href", namespaces={**NS, "xlink": "http://www.w3.org/1999/xlink"})
    assert hrefs and all(h.startswith(f"{server}/csw") for h in hrefs)


def test_getrecords_paging_through_all_records_in_gmd(csw, public_ids, schema_dir):
    seen: dict[str, MD_Metadata] = {}
    start, pages = 1, 0
    while True:
        csw.getrecords2(outputschema=GMD, esn="full", startposition=start, maxrecords=3)
        pages += 1
        assert csw.results["matches"] == len(public_ids)
        seen.update(csw.records)
        if csw.results["nextrecord"] in (0, None) or csw.results["nextrecord"] > csw.results["matches"]:
            break
        start = csw.results["nextrecord"]
        assert pages < 50
    assert pages >= 2, "paging was not exercised"
    assert set(seen) == public_ids
    for rid, md in seen.items():
        ident = md.identification[0]
        assert ident.title and ident.abstract, rid
        assert ident.bbox is not None and float(ident.bbox.minx) < float(ident.bbox.maxx), rid
        words = [k.name for mk in ident.keywords for k in mk.keywords]
        assert "inspireidentifiziert" in words, rid
        assert ident.accessconstraints == ["otherRestrictions"], rid
        assert ident.useconstraints == ["otherRestrictions"], rid
        assert ident.otherconstraints, rid
        # what the harvester receives is still a valid INSPIRE/ISO record
        assert validate_xml_bytes(md.xml, schema_dir, rid) == [], rid


def test_getrecordbyid(csw, demo_settings):
    rid = dataset_record_id("trees")
    csw.getrecordbyid([rid], outputschema=GMD)
    assert list(csw.records) == [rid]
    md = csw.records[rid]
    man = current_manifest(demo_settings.publish_dir, "trees")
    assert man is not None
    assert float(md.identification[0].bbox.minx) == pytest.approx(man["bbox_crs84"][0], abs=1e-6)


def test_restricted_records_are_not_public(csw, server, demo_settings, restricted):
    assert restricted, "the demo has no restricted dataset in the catalogue (datasets/altlasten_intern missing?)"
    reg = load_registry(demo_settings.datasets_dir, check_plugins=False)
    for name in restricted:
        csw.getrecordbyid([dataset_record_id(name)], outputschema=GMD)
        assert csw.records == {}, name
        csw.getrecords2(constraints=[PropertyIsLike("csw:AnyText", f"%{reg[name].title.de}%")], maxrecords=50)
        assert dataset_record_id(name) not in csw.records


def test_constraint_service_type(csw):
    csw.getrecords2(constraints=[PropertyIsEqualTo("apiso:Type", "service")], outputschema=GMD, maxrecords=50)
    assert set(csw.records) == {service_record_id(s) for s in ("wms", "ogcapi", "download", "csw")}
    for md in csw.records.values():
        assert md.hierarchy == "service"
    csw.getrecords2(constraints=[PropertyIsEqualTo("apiso:ServiceType", "view")], maxrecords=50)
    assert set(csw.records) == {service_record_id("wms")}


def test_constraint_anytext(csw):
    csw.getrecords2(constraints=[PropertyIsLike("csw:AnyText", "%Baumkataster%")], maxrecords=50)
    assert dataset_record_id("trees") in csw.records
    csw.getrecords2(constraints=[PropertyIsLike("csw:AnyText", "%Quallenkataster%")], maxrecords=50)
    assert csw.results["matches"] == 0


def test_constraint_bbox(csw, demo_settings):
    man = current_manifest(demo_settings.publish_dir, "trees")
    assert man is not None
    w, s, e, n = man["bbox_crs84"]
    # EPSG:4326 in a CSW 2.0.2 filter is lat/lon
    csw.getrecords2(constraints=[BBox([s, w, n, e])], maxrecords=50)
    assert dataset_record_id("trees") in csw.records
    csw.getrecords2(constraints=[BBox([-40.0, 140.0, -30.0, 150.0])], maxrecords=50)  # Australia
    assert csw.results["matches"] == 0


def test_content_length_matches_body_even_when_gzip_is_asked(server):
    u = urlsplit(server)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    conn.request("GET", "/csw?service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record"
                        "&resultType=results&elementSetName=full&outputSchema=http://www.isotc211.org/2005/gmd"
                        "&maxRecords=50", headers={"Accept-Encoding": "gzip"})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    assert resp.status == 200
    length = resp.getheader("Content-Length")
    assert length is not None and int(length) == len(body)
    assert resp.getheader("Content-Encoding") in (None, "identity")
    etree.fromstring(body)  # complete XML, not truncated


def test_links_wired_both_ways(server, demo_settings, csw):
    """Service records' operatesOn resolve to the dataset records; dataset locators reach live endpoints."""
    csw.getrecordbyid([service_record_id("ogcapi")], outputschema=GMD)
    raw = csw.records[service_record_id("ogcapi")].xml
    ops = etree.fromstring(raw).findall(".//{http://www.isotc211.org/2005/srv}operatesOn")
    assert ops
    href = ops[0].get("{http://www.w3.org/1999/xlink}href")
    assert href == get_record_by_id_url(server, ops[0].get("uuidref"))
    r = requests.get(href, timeout=60)
    assert r.status_code == 200 and ops[0].get("uuidref").encode() in r.content
    csw.getrecordbyid([dataset_record_id("trees")], outputschema=GMD)
    urls = [o.url for o in csw.records[dataset_record_id("trees")].distribution.online]
    ogc = [u for u in urls if "/ogc/collections/" in u]
    assert ogc and requests.get(ogc[0], params={"f": "json"}, timeout=60).status_code == 200


def test_every_resource_locator_of_every_public_record_is_live(server, csw, public_ids):
    csw.getrecords2(outputschema=GMD, esn="full", maxrecords=100)
    assert set(csw.records) == public_ids
    checked = 0
    for rid, md in csw.records.items():
        for o in md.distribution.online:
            assert o.url.startswith(server + "/"), (rid, o.url)
            with requests.get(o.url, timeout=60, stream=True) as r:
                assert r.status_code == 200, (rid, o.url, r.status_code)
            checked += 1
    assert checked >= len(public_ids)


def test_services_link_back_to_the_records(server, demo_settings):
    """OGC API ``describedby`` and WMS MetadataURL (built by the other services with metadata.ids) resolve
    through /csw to the right ISO records."""
    rid = dataset_record_id("trees")
    man = current_manifest(demo_settings.publish_dir, "trees")
    assert man is not None
    coll = next(c["id"] for c in man["collections"] if c["view"] == "inspire")
    links = requests.get(f"{server}/ogc/collections/{coll}", params={"f": "json"}, timeout=60).json()["links"]
    described = [lk["href"] for lk in links if lk.get("rel") == "describedby"]
    assert described == [get_record_by_id_url(server, rid)]
    r = requests.get(described[0], timeout=60)
    assert r.status_code == 200 and f"<gco:CharacterString>{rid}</gco:CharacterString>".encode() in r.content
    caps = etree.fromstring(requests.get(f"{server}/wms", params={"SERVICE": "WMS", "VERSION": "1.3.0",
                                                                  "REQUEST": "GetCapabilities"}, timeout=60).content)
    hrefs = caps.xpath("//*[local-name()='MetadataURL']/*[local-name()='OnlineResource']/@*[local-name()='href']"
                       " | //*[local-name()='MetadataUrl']/*[local-name()='URL']/text()")
    assert get_record_by_id_url(server, rid) in hrefs
    assert get_record_by_id_url(server, service_record_id("wms")) in hrefs
    for h in set(hrefs):
        r = requests.get(h, timeout=60)
        assert r.status_code == 200 and b"gmd:MD_Metadata" in r.content, h


def test_clients_cannot_choose_the_pycsw_configuration(server, csw):
    """Stock pycsw.wsgi takes its config *path* from any query parameter containing 'config'; our
    sidecar fixes the config: the parameter is ignored and a search for 'config' is just a search."""
    caps = requests.get(f"{server}/csw", params={"service": "CSW", "version": "2.0.2", "request": "GetCapabilities",
                                                 "config": "/etc/passwd"}, timeout=60)
    assert caps.status_code == 200 and b"<csw:Capabilities" in caps.content
    r = requests.get(f"{server}/csw", params={
        "service": "CSW", "version": "2.0.2", "request": "GetRecords", "typeNames": "csw:Record",
        "resultType": "results", "elementSetName": "brief", "constraintLanguage": "CQL_TEXT",
        "constraint_language_version": "1.1.0", "constraint": "csw:AnyText like '%myconfig%'"}, timeout=60)
    assert r.status_code == 200 and b'numberOfRecordsMatched="0"' in r.content, r.text[:500]


@pytest.fixture(scope="module")
def staff_token(demo_settings) -> str:
    from services.auth import add_key
    return add_key(demo_settings, "csw-tests")


def test_staff_see_restricted_records_at_the_same_url(server, demo_settings, restricted, staff_token):
    assert restricted, "the demo has no restricted dataset in the catalogue (datasets/altlasten_intern missing?)"
    everything = {e["id"] for e in read_index(demo_settings)}
    staff = CatalogueServiceWeb(f"{server}/csw", timeout=60, username="staff", password=staff_token)
    staff.getrecords2(outputschema=GMD, esn="full", maxrecords=100)
    assert set(staff.records) == everything
    rid = dataset_record_id(restricted[0])
    r = requests.get(get_record_by_id_url(server, rid), headers={"Authorization": f"Bearer {staff_token}"},
                     timeout=60)
    assert r.status_code == 200 and rid.encode() in r.content
    assert "private" in r.headers.get("Cache-Control", "")
    assert rid.encode() not in requests.get(get_record_by_id_url(server, rid), timeout=60).content
    bad = requests.get(get_record_by_id_url(server, rid), headers={"Authorization": "Bearer wrong"}, timeout=60)
    assert bad.status_code == 401 and rid.encode() not in bad.content
    # the sidecar's internal staff prefix is not reachable through the proxy without credentials
    sneak = requests.get(f"{server}/csw/staff", params={"service": "CSW", "version": "2.0.2",
                                                        "request": "GetRecordById", "id": rid,
                                                        "outputSchema": GMD}, timeout=60)
    assert rid.encode() not in sneak.content


def test_capabilities_schema_location_names_inspire_ds_and_validates(server, schema_dir, tmp_path):
    """Issue 21: xsi:schemaLocation of the capabilities names CSW 2.0.2 *and* inspire_ds 1.0, so a validating
    harvester checks the extended capabilities too; the document validates with the project's validator and
    with both engines of the independent ../shared/tools/inspire_validate.py (lxml and xmlschema)."""
    import subprocess
    import sys
    from pathlib import Path
    body = requests.get(f"{server}/csw", params={"service": "CSW", "version": "2.0.2", "request": "GetCapabilities"},
                        timeout=60).content
    caps = etree.fromstring(body)
    loc = caps.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation", "").split()
    pairs = dict(zip(loc[::2], loc[1::2], strict=True))
    assert pairs.get("http://inspire.ec.europa.eu/schemas/inspire_ds/1.0") == \
        "http://inspire.ec.europa.eu/schemas/inspire_ds/1.0/inspire_ds.xsd", pairs
    assert "http://www.opengis.net/cat/csw/2.0.2" in pairs
    assert validate_xml_bytes(body, schema_dir, "capabilities") == []
    f = tmp_path / "capabilities.xml"
    f.write_bytes(body)
    tool = Path(__file__).resolve().parents[2] / "shared" / "tools" / "inspire_validate.py"
    r = subprocess.run([sys.executable, str(tool), "--engine", "both", str(f)], capture_output=True, text=True,
                       timeout=600, env={"INSPIRE_SCHEMAS": str(schema_dir), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stdout + r.stderr
    # a broken extended capabilities element is caught now that its schema is declared
    bad = body.replace(b"inspire_common:SpatialDataServiceType>discovery<",
                       b"inspire_common:SpatialDataServiceType>nonsense<")
    assert bad != body and validate_xml_bytes(bad, schema_dir, "capabilities") != []
