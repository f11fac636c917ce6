"""Issue 6 items 1-3: ISO 19139 dataset and service records from dataset.yml + the publications,
validated against the apiso-inspire XSDs (our validator and the independent shared one)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from lxml import etree
from owslib.iso import MD_Metadata

from core.config import load_registry
from core.errors import ValidationError
from core.publication import current_dir, current_manifest, history, published_datasets
from core.xsd import validate_xml_bytes
from metadata.dataset import publication_dates
from metadata.ids import dataset_record_id, get_record_by_id_url, service_record_id
from metadata.records import build_records, parse, read_index, write_records
from metadata.xml import tostring, xpath
from transforms.pipeline import run_dataset

from .conftest import ROOT, SHARED
from .helpers import trees_dataset

XLINK = "{http://www.w3.org/1999/xlink}href"
SAMPLES = SHARED / "inspire" / "samples" / "metadata"


@pytest.fixture(scope="module")
def index(demo_settings):
    return {e["name"]: e for e in read_index(demo_settings)}


@pytest.fixture(scope="module")
def registry(demo_settings):
    return load_registry(demo_settings.datasets_dir, check_plugins=False)


def _md(settings, entry) -> etree._Element:
    return parse(settings.var_dir / "metadata" / entry["file"])


def test_a_record_for_every_published_dataset_and_service(demo_settings, index):
    pubs = published_datasets(demo_settings.publish_dir)
    assert pubs, "the demo published nothing"
    assert {n for n, e in index.items() if e["kind"] == "dataset"} == set(pubs)
    assert {n for n, e in index.items() if e["kind"] == "service"} == {"wms", "ogcapi", "download", "csw"}
    for name, e in index.items():
        want = dataset_record_id(name) if e["kind"] == "dataset" else service_record_id(name)
        assert e["id"] == want
        md = _md(demo_settings, e)
        assert xpath(md, "string(gmd:fileIdentifier/gco:CharacterString)") == want


def test_every_record_validates_against_apiso_inspire(demo_settings, schema_dir):
    files = sorted((demo_settings.var_dir / "metadata").rglob("*.xml"))
    assert len(files) >= 5
    errors = {f.name: validate_xml_bytes(f.read_bytes(), schema_dir, f.name) for f in files}
    assert not {k: v for k, v in errors.items() if v}
    # the independent validator in shared/tools agrees
    tool = SHARED / "tools" / "inspire_validate.py"
    r = subprocess.run([sys.executable, str(tool), *map(str, files)], check=False,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


def test_validator_rejects_the_invalid_tg_sample(schema_dir):
    good = validate_xml_bytes((SAMPLES / "md_dataset_baumkataster.xml").read_bytes(), schema_dir)
    bad = validate_xml_bytes((SAMPLES / "md_dataset_baumkataster_invalid.xml").read_bytes(), schema_dir)
    assert good == []
    assert any("dateStamp" in e for e in bad), bad


def test_records_are_stable_across_runs(demo_settings):
    """Same publications -> byte-identical records (GDI-NI harvests by fileIdentifier and change date)."""
    a = {r["id"]: tostring(r["xml"]) for r in build_records(demo_settings)}
    b = {r["id"]: tostring(r["xml"]) for r in build_records(demo_settings)}
    assert a == b
    on_disk = {e["id"]: (demo_settings.var_dir / "metadata" / e["file"]).read_bytes()
               for e in read_index(demo_settings)}
    assert on_disk == a


def test_dataset_record_is_derived_from_the_publication(demo_settings, index, registry):
    ds = registry["trees"]
    man = current_manifest(demo_settings.publish_dir, "trees")
    folder = current_dir(demo_settings.publish_dir, "trees")
    assert man is not None and folder is not None
    rep = json.loads((folder / "report.json").read_text())
    raw = (demo_settings.var_dir / "metadata" / index["trees"]["file"]).read_bytes()
    md = MD_Metadata(etree.fromstring(raw))
    ident = md.identification[0]
    assert md.identifier == dataset_record_id("trees")
    assert md.languagecode == "ger" and md.hierarchy == "dataset"
    assert ident.title == ds.title.de and ident.abstract == ds.abstract.de
    # bbox computed from the data (manifest), not typed
    bb = ident.bbox
    got = [float(bb.minx), float(bb.miny), float(bb.maxx), float(bb.maxy)]
    assert got == pytest.approx(man["bbox_crs84"], abs=1e-6)
    # dates from the publication history
    dates = {d.type: d.date for d in ident.date}
    first = history(demo_settings.publish_dir, "trees")[0]["published"][:10]
    assert dates["creation"] == first and dates["publication"] == first
    # unique resource identifier from the inspireId namespace
    assert ident.uricode == [ds.inspire.namespace]
    assert ident.topiccategory == [ds.topic_category]
    assert ident.distance == [str(int(ds.spatial_resolution_m))] and ident.uom == ["m"]
    # lineage and conformity from the run report
    s = rep["summary"]
    assert f"{s['published']} Objekte veröffentlicht" in md.dataquality.lineage
    assert f"{s['rejected']} verworfen" in md.dataquality.lineage
    assert md.dataquality.conformancedegree == ["true" if rep["validation"]["gml"] == "valid" else "false"]
    # keywords: GEMET theme anchor, inspireidentifiziert, opendata
    words = [k.name for mk in ident.keywords for k in mk.keywords]
    assert "Verteilung der Arten" in words and "inspireidentifiziert" in words and "opendata" in words
    assert b'<gmx:Anchor xlink:href="http://inspire.ec.europa.eu/theme/sd">Verteilung der Arten<' in raw
    # access and use constraints, licence JSON for open data
    assert ident.accessconstraints == ["otherRestrictions"] and ident.useconstraints == ["otherRestrictions"]
    lic = [json.loads(t) for t in ident.otherconstraints if t.startswith("{")]
    assert lic == [{"id": "dl-by-de/2.0", "name": ds.licence.name, "url": ds.licence.url,
                    "quelle": ds.licence.attribution}]
    # resource locators point to the live endpoints
    urls = [o.url for o in md.distribution.online]
    base = demo_settings.service.public_url
    inspire_coll = next(c["id"] for c in man["collections"] if c["view"] == "inspire")
    assert f"{base}/ogc/collections/{inspire_coll}" in urls
    assert f"{base}/download/trees/trees.gml" in urls
    formats = xpath(etree.fromstring(raw), "//gmd:distributionFormat/*/gmd:name/gmx:Anchor/text()")
    assert formats == ["GML", "GeoPackage", "GeoJSON"]
    assert md.referencesystem.code == "EPSG:25832"


def test_service_records_couple_public_datasets_only(demo_settings, index, registry):
    public = {dataset_record_id(n) for n, e in index.items() if e["kind"] == "dataset" and e["access"] == "public"}
    base = demo_settings.service.public_url
    for svc, stype in (("wms", "view"), ("ogcapi", "download"), ("download", "download"), ("csw", "discovery")):
        md = _md(demo_settings, index[svc])
        assert xpath(md, "string(gmd:identificationInfo/*/srv:serviceType/gco:LocalName)") == stype
        ops = xpath(md, "gmd:identificationInfo/*/srv:operatesOn")
        refs = {o.get("uuidref") for o in ops}
        assert refs == (set() if stype == "discovery" else public), svc
        for o in ops:
            assert o.get(XLINK) == get_record_by_id_url(base, o.get("uuidref"))
        cps = xpath(md, "gmd:identificationInfo/*/srv:containsOperations//srv:connectPoint//gmd:URL/text()")
        assert cps and all(u.startswith(base + "/") for u in cps)


def test_restricted_dataset_record_is_kept_out_of_the_public_folder(demo_settings, index, registry):
    restricted = [n for n, e in index.items() if e["kind"] == "dataset" and registry[n].access == "restricted"]
    assert restricted, "the demo wrote no restricted dataset record (datasets/altlasten_intern missing?)"
    for name in restricted:
        e = index[name]
        assert e["file"].startswith("restricted/")
        md = _md(demo_settings, e)
        hrefs = xpath(md, "//gmd:accessConstraints/../gmd:otherConstraints/gmx:Anchor/@xlink:href")
        assert hrefs and "INSPIRE_Directive_Article13" in hrefs[0]
        assert "opendata" not in xpath(md, "//gmd:keyword/gco:CharacterString/text()")
        assert not (demo_settings.var_dir / "metadata" / f"{e['id']}.xml").exists()


def test_publication_dates_from_history():
    hist = [{"published": "2025-01-02T10:00:00+00:00"}, {"published": "2025-03-04T08:00:00+00:00"},
            {"published": "2025-03-04T09:00:00+00:00"}]
    assert publication_dates(hist, {}) == {"creation": "2025-01-02", "publication": "2025-01-02",
                                           "revision": "2025-03-04"}
    assert publication_dates(hist[:1], {}) == {"creation": "2025-01-02", "publication": "2025-01-02"}


def test_invalid_record_stops_the_hook_and_names_the_file(tmp_settings, tmp_path):
    """A dataset.yml with a topic category outside ISO's list yields an XSD-invalid record: the hook
    fails loudly with the file and the dataset, and the previous records stay in place."""
    ds = trees_dataset(tmp_path, ROOT / "datasets" / "trees" / "baumkataster_muenster.csv")
    assert ds.folder is not None
    settings = tmp_settings.model_copy(update={"datasets_dir": ds.folder.parent})
    run_dataset(ds, settings)
    write_records(settings)
    before = sorted(p.name for p in (settings.var_dir / "metadata").rglob("*.xml"))
    yml = ds.folder / "dataset.yml"
    yml.write_text(yml.read_text().replace("topic_category: biota", "topic_category: trees"))
    with pytest.raises(ValidationError) as exc:
        write_records(settings)
    msg = str(exc.value)
    assert dataset_record_id("trees") in msg and "record trees" in msg and "MD_TopicCategoryCode" in msg
    assert sorted(p.name for p in (settings.var_dir / "metadata").rglob("*.xml")) == before


def test_cli_check_names_the_broken_rule(demo_settings, monkeypatch):
    from click.testing import CliRunner

    from gdi.commands.metadata import check_cmd
    monkeypatch.setenv("GDI_VAR", str(demo_settings.var_dir))
    ok = CliRunner().invoke(check_cmd, [])
    assert ok.exit_code == 0, ok.output
    bad = CliRunner().invoke(check_cmd, [str(SAMPLES / "md_dataset_baumkataster_invalid.xml")])
    assert bad.exit_code == 1 and "tg-md-date" in bad.output and "xsd:" in bad.output


@pytest.mark.parametrize("change,message", [
    ({"inspire.theme": "trees"}, "field 'inspire.theme', value 'trees': unknown INSPIRE theme 'trees'"),
    ({"access": "restricted", "access_limitation": "secret"},
     "field 'access_limitation', value 'secret': unknown limitation on public access"),
])
def test_bad_dataset_yml_names_file_field_value(change, message):
    from core.config import load_dataset
    from core.errors import ConfigError
    from metadata.dataset import build_dataset_record
    ds = load_dataset(ROOT / "datasets" / "trees" / "dataset.yml")
    for key, val in change.items():
        obj, _, attr = key.rpartition(".")
        setattr(getattr(ds, obj) if obj else ds, attr, val)
    with pytest.raises(ConfigError) as exc:
        build_dataset_record(ds, {"version": "v1"}, [{"published": "2025-01-01T00:00:00+00:00"}], {}, "http://x")
    assert message in str(exc.value) and "datasets/trees/dataset.yml" in str(exc.value)
