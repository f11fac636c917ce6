"""Issue 13, item 3: typed, strict options. Every reader and mapper declares an options model; unknown keys,
wrong types and wrong values fail `gdi config validate` with file, field and the closest valid name;
docs/datasets.md is generated from the models."""
from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from core.config import ConfigErrors, Dataset, Settings, load_dataset, load_registry
from core.plugins import MAPPERS, READERS, Mapper, Options, Reader
from transforms.pipeline import run_dataset
from transforms.readers.csv import CsvOptions
from transforms.themes.am import ContaminatedSitesMapper, ContaminatedSitesOptions
from transforms.themes.bu import BuildingsOptions
from transforms.themes.elu import PlaygroundsMapper, PlaygroundsOptions
from transforms.themes.sd import TreesMapper

from .conftest import GDI, ROOT
from .helpers import trees_dataset

DATASETS = ROOT / "datasets"


@pytest.fixture(scope="module")
def datasets_copy(tmp_path_factory) -> Path:
    """A pristine copy of the whole datasets/ folder (sample data and all), shared read-only."""
    dst = tmp_path_factory.mktemp("registry") / "datasets"
    shutil.copytree(DATASETS, dst)
    return dst


def _validate(datasets_dir: Path) -> subprocess.CompletedProcess[str]:
    """The real CLI, as a user runs it."""
    return subprocess.run([GDI, "config", "validate"], env=dict(os.environ, GDI_DATASETS=str(datasets_dir)),
                          capture_output=True, text=True, timeout=300, check=False)


def _broken_copy(src: Path, tmp: Path, ds_id: str, old: str, new: str) -> tuple[Path, Path]:
    dst = tmp / "datasets"
    shutil.copytree(src, dst)
    yml = dst / ds_id / "dataset.yml"
    text = yml.read_text(encoding="utf-8")
    # the first occurrence: a dataset with several sources (trees) repeats their options; the cases name
    # the first source (sources.0)
    assert text.count(old) >= 1, f"{old!r} does not occur in {ds_id}/dataset.yml"
    yml.write_text(text.replace(old, new, 1), encoding="utf-8")
    return dst, yml


def test_unmodified_copy_validates(datasets_copy):
    r = _validate(datasets_copy)
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"{len(list(DATASETS.glob('*/dataset.yml')))} dataset(s) valid" in r.stdout


# (dataset, text in its dataset.yml, replacement, expected message after "<file>: ")
BROKEN = [
    ("altlasten", "point_buffer_m: 50", "point_bufer_m: 50",
     "field 'options.point_bufer_m': unknown option of mapper 'am_contaminated_sites'; "
     "did you mean 'point_buffer_m'?"),
    ("trees", "wkt_column: gis_komplex_UTM", "wkt_colum: gis_komplex_UTM",
     "field 'sources.0.options.wkt_colum': unknown option of reader 'csv'; did you mean 'wkt_column'?"),
    ("gebaeude", "options: {layer: gebaeude}", "options: {layers: gebaeude}",
     "field 'sources.0.options.layers': unknown option of reader 'vector'; did you mean 'layer'?"),
    ("playgrounds", "ring_tolerance_m: 0.5", "ring_tolerance_m: halb",
     "field 'options.ring_tolerance_m': Input should be a valid number, unable to parse string as a number "
     "(value 'halb')"),
    ("spielplatzkataster", 'delimiter: ";"', 'delimiter: ";;"',
     "field 'sources.0.options.delimiter': String should have at most 1 character (value ';;')"),
    ("trees", "encoding: latin-1", "encoding: latin-99",
     "field 'sources.0.options.encoding': Value error, unknown encoding 'latin-99' (e.g. utf-8, latin-1, cp1252) "
     "(value 'latin-99')"),
    ("gebaeude", "height_status: measured", "height_status: gemessen",
     "field 'options.height_status': Input should be 'measured' or 'estimated' (value 'gemessen')"),
    ("altlasten", "legal_basis: [BBodSchG, BbgAbfBodG]", "legal_basis: [BBodSchG, BbgAbfBoG]",
     "unknown legislation 'BbgAbfBoG'; known: BBodSchG, NBodSchG, BbgAbfBodG"),
    ("altlasten", "  source_defaults:\n    fnp_bad", "  source_defaults:\n    fnp_bda",
     "field 'options.source_defaults': Value error, 'fnp_bda_liebenwerda_kennzeichnung_schadstoffbelastung.geojson' "
     "is not the path of a source of this dataset; did you mean "
     "'fnp_bad_liebenwerda_kennzeichnung_schadstoffbelastung.geojson'?"),
    ("trees", "topic_category: biota", "topic_categroy: biota",
     "field 'topic_categroy': unknown field; did you mean 'topic_category'?"),
    ("trees", "    crs: EPSG:25832", "    crss: EPSG:25832",
     "field 'sources.0.crss': unknown field; did you mean 'crs'?"),
    ("playgrounds", "collection: existinglanduseobject_osm_koeln\noptions:\n",
     "options:\n  collection: existinglanduseobject_osm_koeln\n",
     "field 'options.collection': unknown option of mapper 'elu_playgrounds' ('collection' is a top-level "
     "field of dataset.yml); valid: ring_tolerance_m, observation_date"),
    ("trees", "access: public", "access: public\naccess_limitation: INSPIRE_Directive_Article13_1f",
     "field 'access_limitation': Value error, applies to 'access: restricted' datasets only"),
    ("trees", "\noptions:\n", "\noptions:\n  view: public\n",
     "field 'options.view': unknown option of mapper 'sd_trees'; valid: non_tree_values, non_tree_action"),
]


@pytest.mark.parametrize("ds_id,old,new,expected", BROKEN, ids=[f"{b[0]}-{i}" for i, b in enumerate(BROKEN)])
def test_cli_names_file_key_and_suggestion(datasets_copy, tmp_path, ds_id, old, new, expected):
    dst, yml = _broken_copy(datasets_copy, tmp_path, ds_id, old, new)
    r = _validate(dst)
    assert r.returncode != 0
    lines = [line for line in r.stderr.splitlines() if line.startswith(f"{yml}: ")]
    assert any(expected in line for line in lines), r.stderr
    assert len(lines) == 1, "one mistake, one message"


def test_all_errors_of_all_files_at_once(datasets_copy, tmp_path):
    dst, a = _broken_copy(datasets_copy, tmp_path, "altlasten", "point_buffer_m: 50", "point_buffer_m: -5")
    t = dst / "trees" / "dataset.yml"
    t.write_text(t.read_text(encoding="utf-8").replace('decimal: ","', 'decimal: ";"\n      colum: x'),
                 encoding="utf-8")
    with pytest.raises(ConfigErrors) as ei:
        load_registry(dst, strict=True)
    msgs = ei.value.messages
    assert f"{a}: field 'options.point_buffer_m': Input should be greater than 0 (value -5)" in msgs
    assert f"{t}: field 'sources.0.options.decimal': Input should be '.' or ',' (value ';')" in msgs
    assert any(m.startswith(f"{t}: field 'sources.0.options.colum': unknown option of reader 'csv'; did you mean")
               for m in msgs), msgs


# --- the models -------------------------------------------------------------------------------------------
def test_every_plugin_declares_a_strict_documented_options_model():
    for name, reader in READERS.items():
        assert isinstance(reader, Reader), name
        assert issubclass(reader.Options, Options) and reader.Options is not Options, name
    for name, cls in MAPPERS.items():
        assert issubclass(cls, Mapper), name
        assert issubclass(cls.Options, Options) and cls.Options is not Options, name
    models: list[type[BaseModel]] = [*(r.Options for _, r in READERS.items()), *(c.Options for _, c in MAPPERS.items())]
    for model in models:
        assert model.model_config.get("extra") == "forbid", model
        for field, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{field} has no description"
    for field, info in Dataset.model_fields.items():
        assert info.description or info.exclude, f"Dataset.{field} has no description"


def test_csv_options():
    o = CsvOptions(wkt_column="wkt")
    assert (o.encoding, o.delimiter, o.decimal, o.max_bytes) == ("utf-8", ",", ".", None)
    assert CsvOptions(x_column="x", y_column="y", decimal=",").decimal == ","
    cases: list[tuple[dict[str, Any], str]] = [
        ({}, "the geometry is missing: set wkt_column, or x_column and y_column"),
        ({"x_column": "x"}, "the geometry is missing"),
        ({"wkt_column": "w", "x_column": "x", "y_column": "y"}, "not both"),
        ({"wkt_column": "w", "encoding": "klingon"}, "unknown encoding 'klingon'"),
        ({"wkt_column": "w", "delimiter": ""}, "at least 1 character"),
        ({"wkt_column": "w", "max_bytes": 0}, "greater than 0"),
        ({"wkt_column": "w", "key_column": "id"}, "Extra inputs are not permitted"),
    ]
    for bad, message in cases:
        with pytest.raises(ValidationError, match=message):
            CsvOptions(**bad)


def test_mapper_options_have_typed_defaults():
    assert ContaminatedSitesOptions().exclude_status == ["Verdacht ausgeräumt"]
    assert ContaminatedSitesOptions(view="full").exclude_status == []
    # untyped input as it comes from YAML goes through model_validate (the same validation as the constructor)
    assert ContaminatedSitesOptions.model_validate({"point_buffer_m": "25"}).point_buffer_m == 25.0
    with pytest.raises(ValidationError, match="unknown status 'geklärt'"):
        ContaminatedSitesOptions(exclude_status=["geklärt"])
    with pytest.raises(ValidationError, match="Input should be 'public' or 'full'"):
        ContaminatedSitesOptions.model_validate({"view": "intern"})
    o = PlaygroundsOptions.model_validate({"observation_date": "2020-09-14"})
    assert o.observation_date is not None and o.observation_date.isoformat() == "2020-09-14"
    with pytest.raises(ValidationError):
        PlaygroundsOptions(ring_tolerance_m=-1)
    assert BuildingsOptions().height_status == "measured" and BuildingsOptions().horizontal_accuracy_m is None


def test_mappers_read_typed_options_and_dataset_fields():
    now, settings = datetime(2025, 1, 1, tzinfo=UTC), Settings()
    reg = load_registry(DATASETS)
    intern = MAPPERS.get("am_contaminated_sites")(reg["altlasten_intern"], settings, now)
    assert isinstance(intern, ContaminatedSitesMapper)
    assert intern.view == "full" and intern.exclude == set() and intern.buffer_m == 50.0
    assert intern.collection == reg["altlasten_intern"].collection == "managementrestrictionorregulationzone_intern"
    public = MAPPERS.get("am_contaminated_sites")(reg["altlasten"], settings, now)
    assert isinstance(public, ContaminatedSitesMapper)
    assert public.exclude == {"verdachtAusgeraeumt"} and public.collection == "managementrestrictionorregulationzone"
    src = reg["altlasten"].sources[1]
    assert public.per_source[src.path].legal_basis == ["BBodSchG", "BbgAbfBodG"]
    playgrounds = MAPPERS.get("elu_playgrounds")(reg["playgrounds"], settings, now)
    assert isinstance(playgrounds, PlaygroundsMapper)
    assert playgrounds.default_observation == "2020-09-14"
    assert public.decimal(reg["altlasten"].sources[0]) == "." and public.decimal(src) == "."
    trees = MAPPERS.get("sd_trees")(reg["trees"], settings, now)
    assert isinstance(trees, TreesMapper)
    assert trees.decimal(reg["trees"].sources[0]) == ","


def test_dataset_fields_for_services_and_metadata(tmp_path):
    from metadata.gdide import access_limitation
    from services.wms.mapfile import restricted_source
    raw = yaml.safe_load((DATASETS / "altlasten_intern" / "dataset.yml").read_text(encoding="utf-8"))
    raw.update(access_limitation="INSPIRE_Directive_Article13_1d", wms_inspire_view_only=True)
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "dataset.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    ds = load_dataset(tmp_path / "x" / "dataset.yml")
    assert access_limitation(ds)[0] == "INSPIRE_Directive_Article13_1d"
    assert restricted_source(ds) is True
    plain = load_dataset(DATASETS / "altlasten_intern" / "dataset.yml")
    assert access_limitation(plain)[0] == "INSPIRE_Directive_Article13_1f"
    assert restricted_source(plain) is False
    raw["access_limitation"] = "INSPIRE_Directive_Article13_1z"
    (tmp_path / "x" / "dataset.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigErrors, match=r"field 'access_limitation': Input should be 'INSPIRE_Directive_Art"):
        load_dataset(tmp_path / "x" / "dataset.yml")


def test_a_bad_reader_option_stops_the_etl_before_anything_is_staged(tmp_settings, tmp_path):
    ds = trees_dataset(tmp_path, decimal=";")
    with pytest.raises(ConfigErrors) as ei:
        run_dataset(ds, tmp_settings)
    assert ei.value.messages == [f"{ds.yml_path}: field 'sources.0.options.decimal': Input should be '.' or ',' "
                                 "(value ';')"]
    assert not (tmp_settings.publish_dir / "trees").exists() or not any(
        p.name.startswith(".staging") for p in (tmp_settings.publish_dir / "trees").iterdir())


def test_calling_a_reader_validates_its_options(tmp_path):
    ds = trees_dataset(tmp_path, layer="baeume")
    with pytest.raises(ConfigErrors, match=r"field 'sources.0.options.layer': unknown option of reader 'csv'"):
        READERS.get("csv")(ds.source_path(ds.sources[0]), ds.sources[0], ds, Settings())


# --- docs/datasets.md -------------------------------------------------------------------------------------
def test_docs_datasets_md_is_current():
    from gdi.datasets_doc import DOC_PATH, render
    assert DOC_PATH.read_text(encoding="utf-8") == render(), \
        "docs/datasets.md is stale: run `gdi config docs` and commit it"


def test_docs_cover_every_plugin_and_field():
    from gdi.datasets_doc import render
    text = render()
    for name in READERS.names() + MAPPERS.names():
        assert f"### `{name}`" in text
    for model in [Dataset] + [r.Options for _, r in READERS.items()] + [c.Options for _, c in MAPPERS.items()]:
        for field in model.model_fields:
            if not model.model_fields[field].exclude:
                assert f"| `{field}` |" in text, (model.__name__, field)
    assert "point_buffer_m: 50" in text and "reader: csv" in text


def test_docs_check_command(tmp_path):
    stale = tmp_path / "datasets.md"
    stale.write_text("old\n", encoding="utf-8")
    r = subprocess.run([GDI, "config", "docs", "--check", "--output", str(stale)], capture_output=True, text=True,
                       check=False)
    assert r.returncode == 1 and "stale" in r.stderr
    r = subprocess.run([GDI, "config", "docs", "--output", str(stale)], capture_output=True, text=True, check=False)
    assert r.returncode == 0 and stale.read_text(encoding="utf-8") == (ROOT / "docs" / "datasets.md").read_text(
        encoding="utf-8")
