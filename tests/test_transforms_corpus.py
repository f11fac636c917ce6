"""Issue 3, item 5: the bad-input corpus. Each hostile or broken input runs through the real pipeline
(readers, safety guards, checks, mappers, encoders, XSD validation, atomic publication) with the exact
error or report line it must give, and the check of what was published:

* ``error``: the run raises; nothing is published (no ``current``, no staging folder left);
* ``rejected``: every record is rejected, so the run raises "nothing to publish"; the failed run's
  report holds the exact note; nothing is published;
* ``repaired`` / ``partial``: the record is repaired (or only the bad records are dropped); the run
  publishes, the report holds the exact note, and the GML validated (the pipeline validates every run).

Small inputs are committed in ``tests/corpus/``; the big ones (zip bomb, file over the size limit) and the
binary ones derived from bundled data (GeoPackage, Shapefile) are made at test time, never committed.
"""
from __future__ import annotations

import copy
import json
import re
import shutil
import zipfile
from pathlib import Path

import pyogrio
import pytest
import yaml

from core.config import ConfigErrors, load_dataset
from core.errors import GdiError
from core.publication import current_manifest
from transforms.pipeline import run_dataset

from .conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
DATASETS = ROOT / "datasets"
SP_HEADER = "spielplatz_nr, name, altersgruppe, erfasst_am, geraete, flaeche_wkt"


def _make_zip_bomb(d: Path) -> Path:
    p = d / "zip_bomb.zip"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("spielplaetze.geojson", b"\x20" * (20 * 1024 * 1024))
    return p


def _make_huge(d: Path) -> Path:
    p = d / "huge.geojson"
    with open(p, "wb") as fh:  # sparse: 3 GiB on paper, no disk used
        fh.truncate(3 * 1024**3)
    return p


def _make_shp_without_prj(d: Path) -> Path:
    gdf = pyogrio.read_dataframe(CORPUS / "pg_mixed_types.geojson").iloc[:1]
    p = d / "no_crs.shp"
    pyogrio.write_dataframe(gdf, p)
    p.with_suffix(".prj").unlink()
    return p


def _gebaeude_variant(d: Path, name: str, change) -> Path:
    gdf = pyogrio.read_dataframe(DATASETS / "gebaeude" / "gebaeude_hildesheim_beispiel.gpkg", layer="gebaeude").iloc[:3]
    gdf = change(gdf.copy())
    p = d / name
    pyogrio.write_dataframe(gdf, p, layer="gebaeude")
    return p


def _text_height(g):
    g["hoehe"] = ["hoch", "12.5", "NaN"]
    return g


def _dup_oid(g):
    g["oid"] = ["DENIHIAL00000000"] * 3
    return g


def _text_function(g):
    g["gebaeudefunktion"] = ["Wohnhaus", "1000", "2463"]
    return g


def _make_doctype_after_big_prolog(d: Path) -> Path:
    p = d / "doctype_after_big_prolog.gml"
    with open(p, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- ' + b"x" * (2 << 20) + b" -->\n")
        fh.write(b'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
                 b'<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0">&xxe;</wfs:FeatureCollection>\n')
    return p


GENERATED = {
    "doctype_after_big_prolog.gml": _make_doctype_after_big_prolog,
    "zip_bomb.zip": _make_zip_bomb,
    "huge.geojson": _make_huge,
    "no_crs.shp": _make_shp_without_prj,
    "bu_text_height.gpkg": lambda d: _gebaeude_variant(d, "bu_text_height.gpkg", _text_height),
    "bu_duplicate_oid.gpkg": lambda d: _gebaeude_variant(d, "bu_duplicate_oid.gpkg", _dup_oid),
    "bu_text_function.gpkg": lambda d: _gebaeude_variant(d, "bu_text_function.gpkg", _text_function),
}

# (id, template dataset, input file, source overrides, outcome, exact message | regex:..., published count)
CASES = [
    # --- encodings, empty and malformed CSV -----------------------------------------------------------
    ("latin1-declared-utf8", "spielplatzkataster", "sp_latin1_declared_utf8.csv", {}, "error",
     "cannot decode as utf-8 (invalid continuation byte, byte 0xe4); is the declared encoding right?", 0),
    ("bom-declared-latin1", "spielplatzkataster", "sp_bom_declared_latin1.csv", {"options": {"encoding": "latin-1"}},
     "error",
     "file starts with a UTF-8 byte-order mark but the dataset declares encoding 'latin-1'; declare 'utf-8'", 0),
    ("bom-utf8-is-fine", "spielplatzkataster", "sp_bom_utf8.csv", {}, "published", None, 1),
    ("empty-file", "spielplatzkataster", "sp_empty.csv", {}, "error", "file is empty (0 bytes)", 0),
    ("header-only", "spielplatzkataster", "sp_header_only.csv", {}, "error", "file has a header but no data rows", 0),
    ("missing-column", "spielplatzkataster", "sp_missing_column.csv", {}, "error",
     "required column(s) missing: altersgruppe; the header has: " + SP_HEADER.replace(", altersgruppe", ""), 0),
    ("truncated-csv", "spielplatzkataster", "sp_truncated.csv", {}, "error",
     ("malformed CSV (Error tokenizing data. C error: EOF inside string starting at row 2); the file may be "
      "truncated or use another delimiter"), 0),
    # --- keys, values -----------------------------------------------------------------------------------
    ("duplicate-keys", "spielplatzkataster", "sp_duplicate_keys.csv", {}, "partial",
     "rejected: duplicate key 'spielplatz_nr' = 'SP-1' (first seen at line 2)", 1),
    ("bad-date", "spielplatzkataster", "sp_bad_date.csv", {}, "repaired",
     "repaired: field 'erfasst_am' value '31.02.2026' is not a date (YYYY-MM-DD or DD.MM.YYYY); left empty", 1),
    ("bad-inspection-date", "spielplatzkataster", "sp_bad_inspection.csv", {}, "published",
     "flagged: field 'geraete' item 'Rutsche=gestern' has no readable inspection date (expected Gerät=YYYY-MM-DD)", 1),
    ("unknown-age-group", "spielplatzkataster", "sp_unknown_age_group.csv", {}, "published",
     ("flagged: field 'altersgruppe' value 'Senioren' is not an age group of the template "
     "(kleinkinder, kinder, jugendliche, alle); kept as given"), 1),
    ("text-in-number", "gebaeude", "bu_text_height.gpkg", {}, "repaired",
     "repaired: field 'hoehe' value 'hoch' is not a number; left empty", 3),
    ("nan-in-number", "gebaeude", "bu_text_height.gpkg", {}, "repaired",
     "repaired: field 'hoehe' value 'NaN' is not a number; left empty", 3),
    ("duplicate-building-ids", "gebaeude", "bu_duplicate_oid.gpkg", {}, "partial",
     "rejected: duplicate key 'oid' = 'DENIHIAL00000000' (first seen at feature 1)", 1),
    ("function-code-as-text", "gebaeude", "bu_text_function.gpkg", {}, "published",
     "flagged: field 'gebaeudefunktion' value 'Wohnhaus' is not an ALKIS function code; currentUse left empty", 3),
    ("unknown-status", "altlasten", "am_unknown_status.csv", {"fields": {"key": "katasternummer", "status": "status"}},
     "rejected", ("rejected: field 'status' value 'belastet' is not a status of the Altlastenkataster "
     "(Altlastverdachtsfläche, Altlast, saniert, Verdacht ausgeräumt)"), 0),
    ("cleared-site-not-public", "altlasten", "am_only_cleared.csv",
     {"fields": {"key": "katasternummer", "status": "status"}},
     "rejected", "rejected: status 'Verdacht ausgeräumt' is not published in this view (options.exclude_status)", 0),
    ("bad-registration-date", "altlasten_intern", "am_bad_date.csv",
     {"fields": {"key": "katasternummer", "status": "status", "designation_date": "eingetragen_am"}}, "repaired",
     "repaired: field 'eingetragen_am' value '12/05/2003' is not a date; left empty", 1),
    # --- coordinates and CRS ----------------------------------------------------------------------------
    ("outside-crs", "spielplatzkataster", "sp_outside_crs.csv", {}, "error",
     ("regex:^no coordinate lies inside the area of use of the declared CRS EPSG:25832 \\(first: 9\\.95 52\\.15; "
     "expected x [-0-9.e+]+\\.\\.[-0-9.e+]+, y [-0-9.e+]+\\.\\.[-0-9.e+]+\\); is the CRS declared correctly\\?$"), 0),
    ("xy-swapped", "spielplatzkataster", "sp_swapped_axes.csv", {}, "repaired",
     "repaired: coordinates were swapped (y/x or lat/lon): 5.77801e+06 563890 read as 563890 5.77801e+06", 1),
    ("lat-lon-swapped", "playgrounds", "pg_latlon_swapped.geojson", {"crs": "EPSG:4258"}, "repaired",
     "repaired: coordinates were swapped (y/x or lat/lon): 52.151 9.951 read as 9.951 52.151", 1),
    ("unknown-crs", "playgrounds", "pg_mixed_types.geojson", {"crs": "EPSG:999999"}, "config",
     "field 'sources.0.crs': Value error, unknown CRS 'EPSG:999999' (value 'EPSG:999999')", 0),
    ("no-crs-anywhere", "playgrounds", "no_crs.shp", {"crs": None}, "error",
     "the file declares no CRS and dataset.yml gives none; set 'crs' on the source", 0),
    # --- geometry ---------------------------------------------------------------------------------------
    ("mixed-geometry-types", "playgrounds", "pg_mixed_types.geojson", {}, "partial",
     "rejected: geometry type Point not allowed here (expected Polygon or MultiPolygon)", 1),
    ("self-intersecting-polygon", "spielplatzkataster", "sp_self_intersecting.csv", {}, "repaired",
     "repaired: invalid polygon (Self-intersection[563910 5778025]) made valid with make_valid", 1),
    ("zero-area-polygon", "spielplatzkataster", "sp_zero_area.csv", {}, "rejected",
     "rejected: polygon is invalid (Self-intersection[563910 5778010]) and has no area after repair", 0),
    ("unclosed-ring-wkt", "spielplatzkataster", "sp_unclosed_ring.csv", {}, "rejected",
     ("rejected: flaeche_wkt is not valid WKT: 'POLYGON ((563890 5778010, 563930 5778010, 563930 5778040, "
     "563890 5778040))'"), 0),
    ("unclosed-ring-geojson", "playgrounds", "pg_unclosed_polygon_ring.geojson", {}, "rejected",
     "rejected: geometry is missing or unreadable (e.g. unclosed ring)", 0),
    ("linestring-ring-closed", "playgrounds", "pg_linestring_ring.geojson", {}, "repaired",
     "repaired: LineString is a ring in all but name (ends 0.07 m apart); closed to a polygon", 1),
    ("linestring-open", "playgrounds", "pg_linestring_open.geojson", {}, "rejected",
     "rejected: LineString is not a ring (its ends are 43.2 m apart)", 0),
    ("empty-wkt", "spielplatzkataster", "sp_empty_geometry.csv", {}, "rejected",
     "rejected: flaeche_wkt is empty (no location)", 0),
    ("null-geometry", "playgrounds", "pg_no_geometry.geojson", {}, "rejected",
     "rejected: geometry is missing or unreadable (e.g. unclosed ring)", 0),
    ("empty-feature-collection", "playgrounds", "pg_empty_collection.geojson", {}, "error", "file holds no features",
     0),
    ("truncated-geojson", "playgrounds", "pg_valid_polygon_then_truncated.geojson", {}, "error",
     "GDAL cannot open it: Failed to read GeoJSON data; At line 1, character 82: Unterminated object", 0),
    ("truncated-citygml", "gebaeude_lorup", "citygml_truncated.gml", {}, "error",
     ("XML is not well-formed (Premature end of data in tag posList line 364, line 364, column 206); truncated "
      "or corrupt file?"), 0),
    ("citygml-without-buildings", "gebaeude_lorup", "citygml_no_buildings.gml", {}, "error",
     "file holds no bldg:Building (CityGML 1.0/2.0 building module expected)", 0),
    ("citygml-without-declared-crs", "gebaeude_lorup", "citygml_no_buildings.gml", {"crs": None}, "error",
     ("the file declares no srsName and dataset.yml gives no CRS: declare 'crs' (e.g. EPSG:25832) on the "
      "source"), 0),
    # --- playgrounds as points, nested JSON properties (issue 14) ----------------------------------------------
    ("playground-points-rejected-by-default", "playgrounds", "pg_points.geojson", {}, "rejected",
     ("rejected: playground is a point; ELU needs an area — set options.point_radius_m or "
      "options.point_area_field to publish points as circles"), 0),
    ("playground-points-fixed-radius", "playgrounds", "pg_points.geojson", {"mapper_options": {"point_radius_m": 15}},
     "published", "flagged: point published as a circle of radius 15 m (options.point_radius_m); the real outline "
     "is unknown", 2),
    ("playground-points-area-attribute", "playgrounds", "pg_points.geojson",
     {"mapper_options": {"point_area_field": "flaeche_qm", "point_radius_m": 10}}, "published",
     ("flagged: point published as a circle of 400 m² (options.point_area_field 'flaeche_qm', radius 11.3 m); "
      "the real outline is unknown"), 2),
    ("playground-points-area-missing", "playgrounds", "pg_points.geojson",
     {"mapper_options": {"point_area_field": "flaeche_qm"}}, "partial",
     ("rejected: playground is a point; ELU needs an area — set options.point_radius_m or "
      "options.point_area_field to publish points as circles"), 1),
    ("nested-json-property", "playgrounds", "pg_nested_equipment.geojson",
     {"fields": {"key": "osm_id", "key_qualifier": "osm_type", "name": "name", "equipment": "geraete"}},
     "published", "flagged: field 'geraete' holds nested JSON (list); published as JSON text", 2),
    ("nested-json-unreadable-equipment", "playgrounds", "pg_nested_equipment.geojson",
     {"fields": {"key": "osm_id", "key_qualifier": "osm_type", "name": "name", "equipment": "geraete"}},
     "published", ("flagged: field 'geraete' holds nested JSON the inspection check cannot read (item "
                   "{\"id\": 7, \"zustand\": \"gut\"} has no name key (name, geraet, gerät, bezeichnung, typ, "
                   "type)); kept as JSON text, inspections not checked"), 2),
    ("citygml-crs-from-compound-srsname", "gebaeude_lorup", "citygml_adv_srsname.gml", {"crs": None}, "published",
     None, 8),  # 7 buildings, one with a BuildingPart
    # --- XPlanGML 5.2 (issue 14): multi-part lines, AdV CRS URNs, broken Geltungsbereich, broken dates --------
    ("xplan52-multicurve-supplementary", "bplan2070_sr", "xplan52_multicurve_adv_crs.gml", {"crs": None},
     "published", None, 3),
    ("xplan52-adv-crs-compound-zoning", "bplan2070", "xplan52_multicurve_adv_crs.gml", {"crs": None},
     "published", None, 1),
    ("xplan52-adv-crs-utm33", "bplan2070", "xplan52_utm33_adv_crs.gml", {"crs": None}, "published", None, 1),
    ("xplan52-adv-crs-unknown", "bplan2070", "xplan52_unknown_crs.gml", {"crs": None}, "error",
     ("regex:^srsName is not a CRS this reader knows \\(unknown AdV CRS 'XX_UNBEKANNT' in "
      "'urn:adv:crs:XX_UNBEKANNT'; known: .*DE_DHDN_3GK3.*ETRS89_UTM32, ETRS89_UTM33\\); declare 'crs' on the "
      "source in dataset.yml$"), 0),
    ("xplan52-broken-geltungsbereich", "bplan2070", "xplan52_broken_geltungsbereich.gml", {"crs": None}, "error",
     ("the plan's Geltungsbereich cannot be read: a ring is not closed (first point 563890 5777990, last point "
      "563890 5778090); fix the source plan so the ring ends where it starts"), 0),
    ("xplan52-bad-date", "bplan2070", "xplan52_bad_date.gml", {"crs": None}, "error",
     "field 'inkrafttretensDatum' value '2021-13-45' is not a date (xs:date, YYYY-MM-DD); fix the plan", 0),
    # --- hostile XML, zips, size ------------------------------------------------------------------------
    ("billion-laughs-gml", "playgrounds", "billion_laughs.gml", {}, "error",
     ("XML contains a <!DOCTYPE declaration at byte 22; DTDs and entities are refused (entity expansion / external "
     "entity attack)"), 0),
    ("xxe-gml", "playgrounds", "xxe.gml", {}, "error",
     ("XML contains a <!DOCTYPE declaration at byte 22; DTDs and entities are refused (entity expansion / external "
     "entity attack)"), 0),
    ("billion-laughs-citygml", "gebaeude_lorup", "citygml_billion_laughs.gml", {}, "error",
     ("XML contains a <!DOCTYPE declaration at byte 22; DTDs and entities are refused (entity expansion / external "
     "entity attack)"), 0),
    ("xxe-inside-zip", "playgrounds", "zip_xxe_member.zip", {}, "error",
     ("XML contains a <!DOCTYPE declaration at byte 22; DTDs and entities are refused (entity expansion / external "
     "entity attack)"), 0),
    ("utf16-with-doctype", "playgrounds", "utf16_doctype.gml", {}, "error",
     ("XML contains a <!DOCTYPE declaration at byte 82; DTDs and entities are refused (entity expansion / external "
     "entity attack)"), 0),
    ("doctype-after-2mib-prolog", "playgrounds", "doctype_after_big_prolog.gml", {}, "error",
     ("XML contains a <!DOCTYPE declaration at byte 2097201; DTDs and entities are refused (entity expansion / "
     "external entity attack)"), 0),
    # --- values that are no single tree (issue 14) -----------------------------------------------------------
    ("non-tree-values-rejected", "trees", "sd_non_tree_values.csv", {}, "partial",
     "rejected: not a single tree: field 'ref_Baumart' value 'Baumgruppe' is listed in options.non_tree_values", 1),
    ("non-tree-values-botanical", "trees", "sd_non_tree_values.csv", {}, "partial",
     ("rejected: not a single tree: field 'ref_Baumart_botanisch' value 'waldartiger Bestand' is listed in "
      "options.non_tree_values"), 1),
    ("non-tree-values-flagged", "trees", "sd_non_tree_values.csv",
     {"mapper_options": {"non_tree_action": "flag"}}, "published",
     ("flagged: field 'ref_Baumart' value 'Bestandsfläche' is listed in options.non_tree_values (no single tree); "
      "published as given"), 4),
    ("zip-path-traversal", "playgrounds", "zip_path_traversal.zip", {}, "error",
     "zip member escapes the archive (path traversal)", 0),
    ("zip-bomb", "playgrounds", "zip_bomb.zip", {}, "error",
     "regex:^zip member expands \\d+x \\(limit 100x\\): refused as a zip bomb$", 0),
    ("not-a-zip", "playgrounds", "not_a_zip.zip", {}, "error", "not a valid zip archive (File is not a zip file)", 0),
    ("far-over-size-limit", "playgrounds", "huge.geojson", {}, "error",
     "file is 3,221,225,472 bytes, larger than the configured limit of 2,147,483,648 bytes", 0),
    ("over-configured-limit", "spielplatzkataster", "sp_bom_utf8.csv", {"options": {"max_bytes": 100}}, "error",
     "file is 215 bytes, larger than the configured limit of 100 bytes", 0),
]


def _dataset(template: str, path: Path, overrides: dict, tmp: Path):
    raw = yaml.safe_load((DATASETS / template / "dataset.yml").read_text(encoding="utf-8"))
    raw = copy.deepcopy(raw)
    raw["inspire"]["namespace"] = f"https://registry.gdi-de.org/id/de.ni.hildesheim/{template}"
    src = copy.deepcopy(raw["sources"][0])
    src["path"] = str(path)
    if path.suffix.lower() in (".geojson", ".zip", ".shp", ".gpkg") and src["reader"] != "vector":
        src["reader"] = "vector"
        src.pop("options", None)  # the other reader's options are unknown keys to the vector reader
    for k, v in overrides.items():
        if k == "mapper_options":
            raw.setdefault("options", {}).update(v)
        elif k == "options":
            src.setdefault("options", {}).update(v)
        elif v is None:
            src.pop(k, None)
        else:
            src[k] = v
    raw["sources"] = [src]
    raw.get("options", {}).pop("source_defaults", None)
    folder = tmp / "ds"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dataset.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return load_dataset(folder / "dataset.yml")


def _matches(expected: str, actual: str) -> bool:
    if expected.startswith("regex:"):
        return re.search(expected[len("regex:"):], actual) is not None
    return expected == actual


def _notes(report: dict) -> list[str]:
    return [n for r in report.get("records", []) for n in r["notes"]]


def test_corpus_is_big_enough():
    assert len(CASES) >= 30
    committed = {p.name for p in CORPUS.iterdir() if p.is_file()}
    used = {c[2] for c in CASES}
    assert used - set(GENERATED) <= committed, used - set(GENERATED) - committed


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input(case, tmp_settings, tmp_path):
    _cid, template, fname, overrides, outcome, expected, n_published = case
    src = GENERATED[fname](tmp_path) if fname in GENERATED else CORPUS / fname
    if outcome == "config":
        with pytest.raises(ConfigErrors) as config_info:
            _dataset(template, src, overrides, tmp_path)
        assert any(m.endswith(expected) for m in config_info.value.messages), config_info.value.messages
        return
    ds = _dataset(template, src, overrides, tmp_path)
    root = tmp_settings.publish_dir / ds.id
    if outcome in ("error", "rejected"):
        with pytest.raises(GdiError) as error_info:
            run_dataset(ds, tmp_settings)
        exc = error_info.value
        if outcome == "error":
            assert _matches(expected, exc.bare_message), exc.bare_message
        else:
            assert exc.bare_message.startswith("nothing to publish: all "), exc.bare_message
            report_file = getattr(exc, "report", None)   # attached by the pipeline to a failed run's error
            assert report_file is not None, "the failed run's error carries no report"
            report = json.loads(Path(report_file).read_text())
            assert report["status"] == "failed"
            assert any(_matches(expected, n) for n in _notes(report)), _notes(report)
        # nothing published, nothing half-written left behind
        assert current_manifest(tmp_settings.publish_dir, ds.id) is None
        assert not root.exists() or not any(p.name.startswith(".staging") or p.is_dir() for p in root.iterdir())
        return
    res = run_dataset(ds, tmp_settings)
    assert res.status == "published"
    assert res.summary["published"] == n_published
    report = json.loads(res.report_json.read_text())
    assert report["validation"]["gml"] == "valid"
    if expected:
        assert any(_matches(expected, n) for n in _notes(report)), _notes(report)
        if outcome in ("repaired", "partial"):
            key = "repaired" if outcome == "repaired" else "rejected"
            assert res.summary[key] >= 1


def test_generated_inputs_are_not_committed():
    for name in GENERATED:
        assert not (CORPUS / name).exists(), f"{name} must be generated at test time, not committed"


@pytest.fixture(autouse=True)
def _cleanup_sparse(tmp_path):
    yield
    huge = tmp_path / "huge.geojson"
    if huge.exists():
        huge.unlink()
    shutil.rmtree(tmp_path / "ds", ignore_errors=True)
