"""Issue 21 items 1-2: one spatial dataset identifier per dataset, the same in the ISO record, the GML, the
Atom feeds and the OGC API, unique in the catalogue; unique collection ids and WMS layer names by the
registry's primary-dataset rule; INSPIRE localIds from any source key.

Test names cite the INSPIRE ETS assertion they implement where there is one (metadata TG 2.0:
``md datasets-and-series 1.3`` Dataset UID; Atom: ``atom-pre-defined/…``)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pyogrio
import pytest
import requests
import yaml
from lxml import etree

from core.config import ConfigErrors, load_registry, load_settings
from metadata import crosscheck
from tests.helpers import ROOT
from transforms.localid import local_id

GDI = str(ROOT / ".venv" / "bin" / "gdi")
TREES = ROOT / "datasets" / "trees"
NS = "https://registry.gdi-de.org/id/de.ni.hildesheim"
INSPIRE_LOCALID = r"[A-Za-z0-9_.\-]+"


def _tree_dataset(root: Path, ds_id: str, *, csv: Path | None = None, **inspire) -> Path:
    data = yaml.safe_load((TREES / "dataset.yml").read_text(encoding="utf-8"))
    data["id"] = ds_id
    data["inspire"]["namespace"] = f"{NS}/{ds_id}"
    data["inspire"].update(inspire)
    if csv is not None:
        data["sources"] = data["sources"][:1]   # one source: the given file
    for s in data["sources"]:
        s["path"] = str(csv or (TREES / s["path"]).resolve())
    (root / ds_id).mkdir(parents=True, exist_ok=True)
    yml = root / ds_id / "dataset.yml"
    yml.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return yml


def _small_csv(tmp: Path, n: int = 25, odd_keys: bool = False) -> Path:
    raw = (TREES / "baumkataster_muenster.csv").read_bytes().decode("latin-1").splitlines()
    rows = raw[1:n + 1]
    if odd_keys:  # keys INSPIRE forbids in a localId: spaces, brackets, an umlaut, a slash
        rows = [f"Baum {i} (Öl/{i})" + r[r.index(";"):] for i, r in enumerate(rows)]
    p = tmp / "trees.csv"
    p.write_bytes("\n".join([raw[0], *rows]).encode("latin-1") + b"\n")
    return p


# --------------------------------------------------------------------------- registry: item 2

def test_two_datasets_of_one_feature_type_need_a_primary(tmp_path):
    _tree_dataset(tmp_path, "trees")
    yml2 = _tree_dataset(tmp_path, "baeume_kreis")
    with pytest.raises(ConfigErrors) as exc:
        load_registry(tmp_path, strict=True)
    msg = str(exc.value)
    assert "field 'inspire.primary'" in msg and "'SpeciesDistributionUnit'" in msg
    assert "trees" in msg and "baeume_kreis" in msg and "mark exactly one" in msg
    # gdi config validate (the real command) rejects it too, naming the file
    env = dict(os.environ, GDI_DATASETS=str(tmp_path), GDI_VAR=str(tmp_path / "var"))
    r = subprocess.run([GDI, "config", "validate"], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode != 0 and "inspire.primary" in r.stdout + r.stderr
    assert str(tmp_path / "baeume_kreis") in r.stdout + r.stderr or str(tmp_path / "trees") in r.stdout + r.stderr
    assert yml2.exists()


def test_primary_keeps_harmonised_names_others_are_suffixed(tmp_path):
    _tree_dataset(tmp_path, "trees", primary=True)
    _tree_dataset(tmp_path, "baeume_kreis")
    reg = load_registry(tmp_path, strict=True)
    assert reg["trees"].collection_id == "speciesdistributionunit"
    assert reg["trees"].wms_layer_name == "SD.SpeciesDistribution"
    assert reg["baeume_kreis"].collection_id == "speciesdistributionunit_baeume_kreis"
    assert reg["baeume_kreis"].wms_layer_name == "SD.SpeciesDistribution.baeume_kreis"


@pytest.mark.parametrize("change, field, value", [
    ({"collection": "speciesdistributionunit"}, "collection", "speciesdistributionunit"),
    ({"inspire.namespace": f"{NS}/trees"}, "inspire.namespace", f"{NS}/trees"),
    ({"collection": "trees_source"}, "collection", "trees_source"),
])
def test_config_validate_rejects_collisions(tmp_path, change, field, value):
    _tree_dataset(tmp_path, "trees", primary=True)
    yml = _tree_dataset(tmp_path, "baeume_kreis")
    data = yaml.safe_load(yml.read_text(encoding="utf-8"))
    for k, v in change.items():
        *path, last = k.split(".")
        target = data
        for p in path:
            target = target[p]
        target[last] = v
    yml.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigErrors) as exc:
        load_registry(tmp_path, strict=True)
    msg = str(exc.value)
    assert f"{yml}: field '{field}'" in msg and repr(value) in msg and "'trees'" in msg
    # outside `gdi config validate` the later dataset is skipped with the message, never silently merged
    reg = load_registry(tmp_path)
    assert "trees" in reg and "baeume_kreis" not in reg and any(repr(value) in m for m in reg.invalid["baeume_kreis"])


def test_identifier_code_must_keep_to_inspire_characters(tmp_path):
    _tree_dataset(tmp_path, "trees", namespace=f"{NS}/Bäume (alt)")
    with pytest.raises(ConfigErrors) as exc:
        load_registry(tmp_path, strict=True)
    assert "field 'inspire.namespace'" in str(exc.value) and "Bäume (alt)" in str(exc.value)


def test_demo_registry_city_data_is_primary():
    reg = load_registry(ROOT / "datasets", strict=True)
    assert reg["spielplatzkataster"].wms_layer_name == "LU.ExistingLandUse"
    assert reg["spielplatzkataster"].collection_id == "existinglanduseobject"
    assert reg["gebaeude"].wms_layer_name == "BU.Building" and reg["gebaeude"].collection_id == "building"
    assert reg["altlasten"].wms_layer_name == "AM.RestrictedZonesAroundContaminatedSites"
    ids = [d.inspire.namespace for d in reg.values()]
    assert len(ids) == len(set(ids))


# --------------------------------------------------------------------------- localIds: item 1

@pytest.mark.parametrize("key, expected", [
    ("00008100:000d0132", "00008100_3a_000d0132"), ("Baum 12 (alt)", "Baum_20_12_20__28_alt_29_"),
    ("Öl/3", "_d6_l_2f_3"), ("SP-001_a.b", "SP-001_a.b")])
def test_local_id_encoding(key, expected):
    assert local_id(key) == expected and local_id(key) == local_id(key)


def test_two_tree_datasets_publish_side_by_side(tmp_path, monkeypatch, schema_dir):
    """Two tree cadastres of one feature type: both published, each collection, record and GML with its own
    identifier; source keys INSPIRE forbids are encoded in the localIds and kept in the source view."""
    from metadata.records import build_records, write_records
    from services.ogcapi.config import build_config
    from transforms.pipeline import run_dataset
    dsdir = tmp_path / "datasets"
    _tree_dataset(dsdir, "trees", csv=_small_csv(tmp_path), primary=True)
    odd = tmp_path / "odd"
    odd.mkdir()
    _tree_dataset(dsdir, "baeume_kreis", csv=_small_csv(odd, odd_keys=True))
    monkeypatch.setenv("GDI_DATASETS", str(dsdir))
    monkeypatch.setenv("GDI_VAR", str(tmp_path / "var"))
    monkeypatch.setenv("GDI_SCHEMAS", str(schema_dir))
    monkeypatch.setenv("GDI_STORE", "gpkg")
    settings = load_settings()
    reg = load_registry(dsdir, strict=True)
    for ds in reg.values():
        run_dataset(ds, settings, geojson=False)
    cfg = build_config(settings, staff=False)
    assert {"speciesdistributionunit", "speciesdistributionunit_baeume_kreis",
            "trees_source", "baeume_kreis_source"} <= set(cfg["resources"])
    for cid, ds_id in (("speciesdistributionunit", "trees"), ("speciesdistributionunit_baeume_kreis", "baeume_kreis")):
        cite = [lk for lk in cfg["resources"][cid]["links"] if lk["rel"] == "cite-as"]
        assert [lk["href"] for lk in cite] == [f"{NS}/{ds_id}"]
    recs = {r["name"]: r["xml"] for r in build_records(settings) if r["kind"] == "dataset"}
    for ds_id, cid in (("trees", "speciesdistributionunit"), ("baeume_kreis", "speciesdistributionunit_baeume_kreis")):
        assert crosscheck.record_identifier(recs[ds_id]) == (ds_id, NS, f"{NS}/{ds_id}")
        urls = [u.text for u in recs[ds_id].iter("{http://www.isotc211.org/2005/gmd}URL")]
        assert any(u.endswith(f"/ogc/collections/{cid}") for u in urls), urls
        assert not any(u.endswith(f"/ogc/collections/{other}") for other in
                       {"speciesdistributionunit", "speciesdistributionunit_baeume_kreis"} - {cid} for u in urls)
    write_records(settings)
    assert crosscheck.check_files(settings) == []
    pub = settings.publish_dir / "baeume_kreis" / "current"
    spaces, bad = crosscheck.gml_identifiers(pub / "baeume_kreis.gml")
    assert spaces == {f"{NS}/baeume_kreis"} and bad == []
    lids = etree.parse(str(pub / "baeume_kreis.gml")).xpath("//*[local-name()='localId']/text()")
    assert lids and all(__import__("re").fullmatch(INSPIRE_LOCALID, x) for x in lids)
    assert "Baum_20_0_20__28__d6_l_2f_0_29_" in lids
    src = pyogrio.read_dataframe(pub / "baeume_kreis.gpkg", layer="baeume_kreis_source")
    assert "Baum 0 (Öl/0)" in set(src["key"])  # the source key stays in the source view
    ins = pyogrio.read_dataframe(pub / "baeume_kreis.gpkg", layer="speciesdistributionunit_baeume_kreis")
    assert set(ins["localId"]) == {local_id(k) for k in src["key"]}


def test_gdi_metadata_check_finds_a_wrong_identifier(tmp_path, monkeypatch, schema_dir):
    """`gdi metadata check` cross-checks record and GML: a record whose identifier differs is named."""
    from metadata.records import write_records
    from transforms.pipeline import run_dataset
    dsdir = tmp_path / "datasets"
    _tree_dataset(dsdir, "trees", csv=_small_csv(tmp_path))
    env = {"GDI_DATASETS": str(dsdir), "GDI_VAR": str(tmp_path / "var"), "GDI_SCHEMAS": str(schema_dir),
           "GDI_STORE": "gpkg"}
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    settings = load_settings()
    run_dataset(load_registry(dsdir, strict=True)["trees"], settings, geojson=False)
    written = write_records(settings)
    run = [GDI, "metadata", "check"]
    ok = subprocess.run(run, env=dict(os.environ), capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "OK   spatial dataset identifiers" in ok.stdout
    rec = next(p for p in written.values() if "trees" in p.read_text(encoding="utf-8") and
               f"{NS}/trees" in p.read_text(encoding="utf-8"))
    rec.write_text(rec.read_text(encoding="utf-8").replace(f'xlink:href="{NS}/trees"', f'xlink:href="{NS}/other"'),
                   encoding="utf-8")
    bad = subprocess.run(run, env=dict(os.environ), capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1 and f"{NS}/other" in bad.stdout and "record of dataset trees" in bad.stdout


# --------------------------------------------------------------------------- the running demo, harvested

def test_md_datasets_and_series_1_3_dataset_uid_unique_in_catalogue(demo_settings):
    """md datasets-and-series 1.3 (Dataset UID): every dataset record, public and restricted, has a
    resource identifier, and no two records share one."""
    from metadata.records import metadata_dir, parse, read_index
    seen: dict[str, str] = {}
    for e in read_index(demo_settings):
        if e["kind"] != "dataset":
            continue
        ident = crosscheck.record_identifier(parse(metadata_dir(demo_settings) / e["file"]))
        assert ident is not None and all(ident), e
        assert ident[2] not in seen, f"{e['name']} and {seen.get(ident[2])} share {ident[2]}"
        assert ident[2] == f"{ident[1]}/{ident[0]}"
        seen[ident[2]] = e["name"]
    assert {"altlasten", "altlasten_intern", "bplan2070", "bplan2070_sr"} <= set(seen.values())


def test_harvest_finds_one_identifier_everywhere(server, demo_settings):
    """A harvest of /csw + all Atom feeds + /ogc: per public dataset one identifier, the same in all three,
    unique; computed here independently and by `gdi metadata check --url`."""
    from owslib.iso import MD_Metadata
    feed = etree.fromstring(requests.get(f"{server}/download/feed.xml", timeout=30).content)
    dls = "{http://inspire.ec.europa.eu/schemas/inspire_dls/1.0}"
    atom = {}
    for e in feed.iter("{http://www.w3.org/2005/Atom}entry"):
        code = e.findtext(f"{dls}spatial_dataset_identifier_code")
        ns = e.findtext(f"{dls}spatial_dataset_identifier_namespace")
        assert f"{ns}/{code}" not in atom
        md_url = next(lk.get("href") for lk in e.iter("{http://www.w3.org/2005/Atom}link")
                      if lk.get("rel") == "describedby")
        md = MD_Metadata(etree.fromstring(requests.get(md_url, timeout=30).content).find(
            ".//{http://www.isotc211.org/2005/gmd}MD_Metadata"))
        assert md.identification[0].uricode == [f"{ns}/{code}"] and md.identification[0].uricodespace == [ns]
        atom[f"{ns}/{code}"] = md.identification[0].title
    colls = requests.get(f"{server}/ogc/collections?f=json", timeout=30).json()["collections"]
    cited = {c["id"]: [lk["href"] for lk in c["links"] if lk["rel"] == "cite-as"] for c in colls}
    assert all(len(v) == 1 for v in cited.values()), cited
    assert {v[0] for v in cited.values()} == set(atom)
    r = subprocess.run([GDI, "metadata", "check", "--url", server], capture_output=True, text=True, timeout=600,
                       env=dict(os.environ, GDI_VAR=str(demo_settings.var_dir),
                                GDI_SCHEMAS=str(demo_settings.schema_dir), GDI_STORE=demo_settings.store))
    assert "OK   spatial dataset identifiers (record, GML, CSW, Atom, OGC API)" in r.stdout, r.stdout + r.stderr
