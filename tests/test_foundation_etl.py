"""Issue 2: registry, readers, SD mapping, encoders, validation, atomic publication (real data)."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyogrio
import pytest

from core.config import ConfigErrors, load_registry
from core.errors import PluginError, PublicationError, SourceError
from core.plugins import MAPPERS
from core.publication import current_dir, current_manifest
from transforms.pipeline import run_dataset

from .conftest import GDI, ROOT, SHARED
from .helpers import trees_dataset


@pytest.fixture
def trees_run(tmp_settings, tmp_path):
    ds = trees_dataset(tmp_path)
    return run_dataset(ds, tmp_settings), tmp_settings


def test_muenster_csv_every_row_accounted(trees_run):
    res, settings = trees_run
    s = res.summary
    assert s["read"] == 2723
    assert s["published"] + s["rejected"] == 2723
    rep = json.loads(res.report_json.read_text())
    notes = [n for r in rep["records"] for n in r["notes"]]
    wkt_repairs = [n for n in notes if "had decimal commas" in n]
    assert len(wkt_repairs) == 145, "the 145 rows with decimal-comma WKT are repaired and reported"
    assert any("'1522'" in n and "implausible" in n for n in notes), "planting year 1522 is flagged"
    no_tree = [r for r in rep["records"] if any("no tree at this site" in n for n in r["notes"])]
    assert len(no_tree) == s["rejected"] == 138
    assert all(r["status"] == "rejected" for r in no_tree)
    # published features in the GeoPackage match the ETL's count, in both views
    folder = current_dir(settings.publish_dir, "trees")
    assert folder is not None
    gpkg = folder / "trees.gpkg"
    layers = dict(pyogrio.list_layers(gpkg))
    assert set(layers) >= {"speciesdistributionunit", "trees_source"}
    for layer in ("speciesdistributionunit", "trees_source"):
        assert pyogrio.read_info(gpkg, layer=layer)["features"] == s["published"]
    src = pyogrio.read_dataframe(gpkg, layer="trees_source")
    assert src["planting_year"].dropna().min() >= 1700
    assert src.crs.to_epsg() == 25832


def test_gml_validates_with_independent_validator(trees_run, schema_dir):
    res, settings = trees_run
    folder = current_dir(settings.publish_dir, "trees")
    assert folder is not None
    gml = folder / "trees.gml"
    r = subprocess.run([sys.executable, str(SHARED / "tools" / "inspire_validate.py"), str(gml)],
                       capture_output=True, text=True, env=dict(os.environ, INSPIRE_SCHEMAS=str(schema_dir)))
    assert r.returncode == 0, r.stdout + r.stderr
    head = gml.read_text(encoding="utf-8")[:3000]
    assert 'numberMatched="' in head
    n = int(head.split('numberReturned="')[1].split('"')[0])
    assert n == res.summary["published"]


def test_geojson_follows_inspire_rule_in_crs84(trees_run):
    res, settings = trees_run
    folder = current_dir(settings.publish_dir, "trees")
    assert folder is not None
    fc = json.loads((folder / "trees.geojson").read_text())
    assert len(fc["features"]) == res.summary["published"]
    f = fc["features"][0]
    lon, lat = f["geometry"]["coordinates"]
    assert 7.5 < lon < 7.7 and 51.9 < lat < 52.0, "CRS84 lon/lat around Münster"
    p = f["properties"]
    assert p["referenceSpeciesScheme"] == "http://inspire.ec.europa.eu/codelist/ReferenceSpeciesSchemeValue/eunomen"
    assert f["id"] == p["inspireId"] and p["inspireId"].endswith("/" + p["localId"])


def test_species_identifiers_are_never_invented(trees_run):
    res, _ = trees_run
    rep = json.loads(res.report_json.read_text())
    import csv
    with open(ROOT / "transforms" / "themes" / "species_de.csv", encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    unverified = rep["mapper"]["species_unverified"]
    for row in table:
        if row["eunomen_guid"]:
            assert row["source"], f"{row['botanical_name']}: an identifier needs a citable source"
            assert row["botanical_name"] not in unverified
        elif row["botanical_name"] in ("Tilia cordata", "Acer platanoides"):
            assert row["botanical_name"] in unverified, "species without a verified GUID are reported"


def test_local_ids_are_stable_across_runs_and_row_order(tmp_settings, tmp_path):
    src = ROOT / "datasets" / "trees" / "baumkataster_muenster.csv"
    lines = src.read_bytes().split(b"\n")
    shuffled = tmp_path / "shuffled.csv"
    body = [line for line in lines[1:] if line.strip()]
    shuffled.write_bytes(b"\n".join([lines[0], *body[::-1]]) + b"\n")
    a = run_dataset(trees_dataset(tmp_path / "a"), tmp_settings)
    assert a.published_dir is not None
    ids_a = set(pyogrio.read_dataframe(a.published_dir / "trees.gpkg", layer="speciesdistributionunit")["localId"])
    b = run_dataset(trees_dataset(tmp_path / "b", shuffled), tmp_settings)
    assert b.published_dir is not None
    ids_b = set(pyogrio.read_dataframe(b.published_dir / "trees.gpkg", layer="speciesdistributionunit")["localId"])
    assert ids_a == ids_b and len(ids_a) == a.summary["published"]


def test_geojson_without_crs_member_needs_declared_crs(tmp_settings, tmp_path, shared_data):
    gj = shared_data / "trees_muenster" / "baumkataster_muenster.geojson"
    fields = {"key": "baumid", "species_botanical": "art_bot", "species_german": "art_dtsch",
              "planting_year": "pflanzjahr", "height_m": "baumhoehe", "trunk_circumference_cm": "stammumfg",
              "crown_diameter_m": "kronedurch", "location_name": "strname"}
    ds = trees_dataset(tmp_path / "ok", gj, reader="vector", crs="EPSG:25832", fields=fields)
    res = run_dataset(ds, tmp_settings)
    assert res.summary["read"] == 2103
    assert res.summary["published"] + res.summary["rejected"] == 2103
    # without the declaration GDAL assumes EPSG:4326 and every coordinate is far outside it
    ds2 = trees_dataset(tmp_path / "bad", gj, reader="vector", crs=None, fields=fields)
    with pytest.raises(SourceError, match=r"no coordinate lies inside the area of use of the declared CRS EPSG:4326"):
        run_dataset(ds2, tmp_settings)


def test_hamburg_gml_in_etrs89_latlon(tmp_settings, tmp_path, shared_data):
    gml = shared_data / "trees_hamburg_sample" / "strassenbaumkataster.gml"
    fields = {"key": "gml_id", "species_botanical": "sorte_latein", "species_german": "art_deutsch",
              "planting_year": "pflanzjahr_portal", "trunk_circumference_cm": "stammumfang",
              "crown_diameter_m": "krone_dm", "location_name": "strasse"}
    ds = trees_dataset(tmp_path, gml, reader="vector", crs=None, fields=fields)
    res = run_dataset(ds, tmp_settings)
    assert res.summary == {"read": 5, "published": 5, "repaired": 0, "rejected": 0, "flagged": 0}
    assert res.published_dir is not None
    gdf = pyogrio.read_dataframe(res.published_dir / "trees.gpkg", layer="speciesdistributionunit")
    x, y = gdf.geometry.x.mean(), gdf.geometry.y.mean()
    assert 560_000 < x < 570_000 and 5_930_000 < y < 5_940_000, "Hamburg St. Georg in UTM 32N (axes right)"
    names = set(gdf["referenceSpeciesName"])
    assert "Quercus robur" in names and "Säulen-Eiche 'Fastigiata'" not in names


def test_unknown_mapper_lists_valid_names():
    with pytest.raises(PluginError, match=r"unknown mapper 'sd_tress'; valid mappers: .*sd_trees"):
        MAPPERS.get("sd_tress")


def test_config_validate_reports_every_error_with_file_and_field(tmp_path):
    good = (ROOT / "datasets" / "trees" / "dataset.yml").read_text()
    a = tmp_path / "a"
    a.mkdir()
    (a / "dataset.yml").write_text(good.replace("mapper: sd_trees", "mapper: sd_tress"))
    c = tmp_path / "c"
    c.mkdir()
    (c / "dataset.yml").write_text(good.replace("crs: EPSG:25832", "crs: EPSG:999999").replace("id: trees", "id: c"))
    b = tmp_path / "b"
    b.mkdir()
    (b / "dataset.yml").write_text(good.replace("id: trees", "id: Trees!").replace("access: public", "access: secret"))
    (b / "baumkataster_muenster.csv").write_text("x")
    with pytest.raises(ConfigErrors) as ei:
        load_registry(tmp_path, strict=True)
    msgs = "\n".join(ei.value.messages)
    assert f"{c / 'dataset.yml'}: field 'sources.0.crs'" in msgs and "EPSG:999999" in msgs
    assert f"{a / 'dataset.yml'}: field 'mapper': unknown mapper (value 'sd_tress'); valid: " in msgs
    assert f"{b / 'dataset.yml'}: field 'id'" in msgs
    assert f"{b / 'dataset.yml'}: field 'access'" in msgs
    assert f"{a / 'dataset.yml'}: field 'sources.0.path': file not found" in msgs
    r = subprocess.run([GDI, "config", "validate"], env=dict(os.environ, GDI_DATASETS=str(tmp_path)),
                       capture_output=True, text=True)
    assert r.returncode == 1
    assert "field 'access'" in r.stderr and "field 'sources.0.crs'" in r.stderr


def _tree_of(path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.iterdir()) if p.is_file()}


def test_failed_run_leaves_previous_publication_untouched(tmp_settings, tmp_path):
    first = run_dataset(trees_dataset(tmp_path / "good"), tmp_settings)
    assert first.published_dir is not None
    before = _tree_of(first.published_dir)
    broken = tmp_path / "broken.csv"
    broken.write_bytes((ROOT / "datasets" / "trees" / "baumkataster_muenster.csv").read_bytes()[:1000]
                       .replace(b";", b"\t"))
    with pytest.raises(SourceError):
        run_dataset(trees_dataset(tmp_path / "bad", broken), tmp_settings)
    assert current_dir(tmp_settings.publish_dir, "trees") == first.published_dir
    assert _tree_of(first.published_dir) == before
    assert not list((tmp_settings.publish_dir / "trees").glob(".staging-*"))
    failed = list((tmp_settings.var_dir / "reports").glob("trees-*-failed.json"))
    assert failed and "delimiter" in json.loads(failed[0].read_text())["error"]


def test_all_rejected_publishes_nothing(tmp_settings, tmp_path):
    src = tmp_path / "none.csv"
    header = (ROOT / "datasets" / "trees" / "baumkataster_muenster.csv").read_bytes().split(b"\n")[0]
    src.write_bytes(header + b"\nA1;1;;;;;;;;;Standort ohne Baum;POINT (404732.475 5755664.186);X;1;1;1\n")
    with pytest.raises(PublicationError, match="nothing to publish: all 1 records were rejected"):
        run_dataset(trees_dataset(tmp_path, src), tmp_settings)
    assert current_manifest(tmp_settings.publish_dir, "trees") is None


def test_killed_run_leaves_previous_publication_served(tmp_path):
    """SIGKILL in the middle of a large run: `current` still points at the old, complete version."""
    var = tmp_path / "var"
    env = dict(os.environ, GDI_VAR=str(var))
    big = tmp_path / "big.csv"
    subprocess.run([GDI, "generate", "trees", "400000", str(big)], check=True, env=env, capture_output=True)
    dsdir = tmp_path / "datasets"
    trees_dataset(dsdir / "x")  # writes dataset.yml re-pointed at the bundled CSV
    (dsdir / "x" / "ds").rename(dsdir / "trees")
    (dsdir / "x").rmdir()
    yml = dsdir / "trees" / "dataset.yml"
    yml.write_text(yml.read_text().replace("path: baumkataster_muenster.csv",
                                           f"path: {ROOT / 'datasets' / 'trees' / 'baumkataster_muenster.csv'}"))
    env["GDI_DATASETS"] = str(dsdir)
    subprocess.run([GDI, "etl", "trees"], check=True, env=env, capture_output=True)
    pub = var / "publish" / "trees"
    first = (pub / "current").resolve()
    before = _tree_of(first)
    yml.write_text(yml.read_text().replace(str(ROOT / "datasets" / "trees" / "baumkataster_muenster.csv"), str(big)))
    proc = subprocess.Popen([GDI, "etl", "trees"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and not list(pub.glob(".staging-*/trees.gml")):
        time.sleep(0.05)
    time.sleep(0.5)
    assert proc.poll() is None, "the run finished before it could be killed; use a bigger input"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (pub / "current").resolve() == first
    assert _tree_of(first) == before
    # the next run cleans the leftover staging folder and publishes normally
    r = subprocess.run([GDI, "etl", "trees"], env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert not list(pub.glob(".staging-*"))
    assert (pub / "current").resolve() != first


def test_gdi_validate_tells_valid_from_invalid_samples(schema_dir):
    samples = SHARED / "inspire" / "samples"
    cases = {samples / "valid" / "sd_SpeciesDistributionUnit.gml": 0,
             samples / "invalid" / "sd_SpeciesDistributionUnit_invalid.gml": 1,
             samples / "metadata" / "md_dataset_baumkataster.xml": 0,
             samples / "metadata" / "md_dataset_baumkataster_invalid.xml": 1}
    for path, code in cases.items():
        r = subprocess.run([GDI, "validate", "--schemas", str(schema_dir), str(path)], capture_output=True, text=True)
        assert r.returncode == code, f"{path.name}: {r.stdout}{r.stderr}"
        assert ("INVALID" in r.stdout) == bool(code)
