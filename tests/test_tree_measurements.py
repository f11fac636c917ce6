"""Issue 24, item 3: tree heights and crowns measured from a laser scan (``gdi pointcloud trees``) in the
published trees. A generated scan of 120 m × 120 m of the bundled cadastre is measured by the real
``pointcloud.trees.measure``; the trees dataset names the resulting ``tree_metrics.gpkg`` (option
``measurements``, below the var dir) and the real ETL publishes into the suite's store (GeoPackage, or
PostGIS with ``GDI_TEST_STORE=postgis``): the measured values appear in the source view and its OGC API
collection for measured trees and are NULL for the others, the GML stays valid (the independent validator),
switching the measurements on changes only the measured trees, a rerun keeps them and their lifespans, a
changed measurement is a changed feature, and a missing or broken table fails the run with a message naming
file and field while the last publication stays."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pytest
import yaml
from lxml import etree
from werkzeug.test import Client

from citymodel.terrain import make_demo_dgm
from core.changes import source_hashes, why_run
from core.config import Settings, load_dataset, load_settings
from core.errors import SourceError
from core.store import get_store
from pointcloud.dgm import Dgm
from pointcloud.generate import Scene, generate_las, read_tree_csv, standing_trees
from pointcloud.trees import MetricOptions, measure
from services.wms.app import WmsApp
from transforms.pipeline import run_dataset
from transforms.themes import sd_measured

from .conftest import ROOT, SCHEMAS, SHARED

TREES_CSV = ROOT / "datasets" / "trees" / "baumkataster_muenster.csv"
WINDOW = (404_500.0, 5_755_000.0, 404_620.0, 5_755_120.0)
SCAN_DATE = "2025-03-14"
SD = {"sd": "http://inspire.ec.europa.eu/schemas/sd/4.0", "base": "http://inspire.ec.europa.eu/schemas/base/3.3"}
MEASURED = list(sd_measured.MEASURED_COLUMNS)
T = [datetime(2026, m, 10, 8, 0, tzinfo=UTC) for m in range(1, 8)]


@pytest.fixture(scope="module")
def scan_table(tmp_path_factory) -> dict[str, Any]:
    """A generated scan of the cadastre's trees in WINDOW (one felled, three grown) and its measurements."""
    d = tmp_path_factory.mktemp("scan")
    dgm = make_demo_dgm(d / "dgm.tif", WINDOW, res=5.0)
    rec = read_tree_csv(TREES_CSV)
    rec = rec.subset((rec.x > WINDOW[0]) & (rec.x < WINDOW[2]) & (rec.y > WINDOW[1]) & (rec.y < WINDOW[3]))
    stand, grown, gone = standing_trees(rec, seed=3)
    generate_las(d / "scan.las", Scene(WINDOW, stand), Dgm(dgm), density=6.0, seed=3)
    df, _rep = measure(rec, [d / "scan.las"], dgm, d / "report",
                       MetricOptions(scan_date=SCAN_DATE, source="Laserscan Test (scan.las)"))
    return {"gpkg": d / "report" / "tree_metrics.gpkg", "df": df.set_index("id"), "gone": gone, "grown": grown,
            "las": d / "scan.las", "dgm": dgm}


def _settings(tmp: Path, store_url: str, monkeypatch: pytest.MonkeyPatch) -> Settings:
    store = store_url
    if store_url != "gpkg":
        from tests.pgcluster import new_database
        store = new_database(store_url.rsplit("/", 1)[0], prefix=f"trm_{tmp.name[-20:]}", postgis=True)
    monkeypatch.setenv("GDI_VAR", str(tmp / "var"))
    monkeypatch.setenv("GDI_DATASETS", str(tmp / "datasets"))
    monkeypatch.setenv("GDI_SCHEMAS", str(SCHEMAS))
    monkeypatch.setenv("GDI_STORE", store)
    return load_settings()


def _dataset(tmp: Path, measurements: str | None):
    raw = yaml.safe_load((ROOT / "datasets" / "trees" / "dataset.yml").read_text(encoding="utf-8"))
    raw["inspire"]["namespace"] = "https://registry.gdi-de.org/id/de.ni.hildesheim/trees"
    raw["sources"] = raw["sources"][:1]   # the Münster extract alone
    raw["sources"][0]["path"] = str(TREES_CSV)
    options = {k: v for k, v in (raw.get("options") or {}).items() if k != "measurements"}  # the repo's glob
    raw["options"] = {**options, "measurements": measurements} if measurements is not None else options
    folder = tmp / "datasets" / "trees"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dataset.yml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return load_dataset(folder / "dataset.yml")


def _source_rows(settings: Settings) -> pd.DataFrame:
    """The current source view as the store serves it (GeoPackage file or PostGIS table), read with SQL:
    NULL comes back as None/NaN, a 0 would stay 0."""
    ref = get_store(settings).layer("trees", "trees_source")
    assert ref is not None
    cols = ", ".join(f'"{c}"' for c in ["key", "height_m", "crown_diameter_m", *MEASURED])
    if ref.kind == "gpkg":
        con = sqlite3.connect(f"file:{ref.path}?mode=ro", uri=True)
        try:
            return pd.read_sql(f'SELECT {cols} FROM "{ref.table}"', con).set_index("key").sort_index()
        finally:
            con.close()
    import psycopg
    assert ref.dsn is not None
    with psycopg.connect(ref.dsn) as conn:
        cur = conn.execute(f'SELECT {cols} FROM "{ref.schema}"."{ref.table}"')
        names = [d.name for d in cur.description or []]
        return pd.DataFrame(cur.fetchall(), columns=names).set_index("key").sort_index()


def _begins(gml: Path) -> dict[str, str]:
    doc = etree.parse(str(gml))
    return {o.findtext("sd:inspireId/base:Identifier/base:localId", namespaces=SD):
            o.findtext("sd:beginLifespanVersion", namespaces=SD)
            for o in doc.iterfind(".//sd:SpeciesDistributionUnit", SD)}


def _changes(res) -> dict[str, Any]:
    return json.loads(res.report_json.read_text())["changes"]


def _item(client: Client, key: str) -> dict[str, Any]:
    r = client.get(f"/collections/trees_source/items/{key}", query_string={"f": "json"})
    assert r.status_code == 200, r.get_data(as_text=True)[:500]
    return json.loads(r.get_data())["properties"]


def _current(settings: Settings) -> str:
    manifest = get_store(settings).current("trees")
    assert manifest is not None
    return str(manifest["version"])


def test_measured_values_published_and_lifecycle(scan_table, tmp_path, store_url, monkeypatch):
    settings = _settings(tmp_path, store_url, monkeypatch)
    table = settings.var_dir / "pointcloud" / "trees" / "tree_metrics.gpkg"
    table.parent.mkdir(parents=True)
    table.write_bytes(scan_table["gpkg"].read_bytes())
    df = scan_table["df"]
    measured = df[df["height_measured_m"].notna()]
    assert 30 < len(measured) < len(df)       # the felled tree has no measured height
    felled = scan_table["gone"][0]
    assert pd.isna(df.loc[felled, "height_measured_m"])

    # 1. the cadastre alone, then with the measurements: only the measured trees change
    first = run_dataset(_dataset(tmp_path, None), settings, now=T[0])
    ds = _dataset(tmp_path, "{var}/pointcloud/trees/tree_metrics.gpkg")
    second = run_dataset(ds, settings, now=T[1])
    assert second.published_dir is not None
    ch = _changes(second)
    assert set(ch["changed"]) == set(measured.index) and ch["new_count"] == ch["removed_count"] == 0
    assert ch["unchanged"] == first.summary["published"] - len(measured)
    rep = json.loads(second.report_json.read_text())
    assert rep["validation"]["gml"] == "valid"
    assert rep["mapper"]["measurements"]["joined"] == len(measured)

    rows = _source_rows(settings)
    got = rows[rows["height_measured_m"].notna()]
    assert set(got.index) == set(measured.index)
    for key, m in measured.iterrows():
        r = rows.loc[key]
        assert r["height_measured_m"] == pytest.approx(m["height_measured_m"])
        assert (pd.isna(m["crown_measured_m"]) and pd.isna(r["crown_measured_m"])) or \
            r["crown_measured_m"] == pytest.approx(m["crown_measured_m"])
        assert (r["measured_on"], r["measurement_source"]) == (SCAN_DATE, "Laserscan Test (scan.las)")
        assert r["measurement_quality"] in ("good", "fair", "poor")
    # unmeasured (the felled tree, every tree outside the scan): NULL, not zero, in every measured column
    others = rows.drop(index=measured.index)
    assert felled in others.index and len(others) > 2000
    for c in MEASURED:
        assert others[c].isna().all(), c
    # the cadastre's own values stay beside the measured ones
    grown = [k for k in scan_table["grown"] if k in measured.index]
    assert grown and all(rows.loc[k, "height_measured_m"] - rows.loc[k, "height_m"] > 3.5 for k in grown)

    # the GML: valid for the independent validator too; SD has no place for measurements, so none in it
    gml = second.published_dir / "trees.gml"
    r = subprocess.run([sys.executable, str(SHARED / "tools" / "inspire_validate.py"), str(gml)],
                       capture_output=True, text=True, env=dict(os.environ, INSPIRE_SCHEMAS=str(SCHEMAS)))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "measured" not in gml.read_text(encoding="utf-8")
    begins = _begins(gml)
    key = measured.index[0]
    lid = next(k for k in begins if k.endswith(key.split(":")[-1]))
    assert begins[lid] == "2026-02-10T08:00:00Z"
    assert sum(v == "2026-01-10T08:00:00Z" for v in begins.values()) == ch["unchanged"]

    # 2. a rerun with unchanged cadastre and table: the values survive, nothing changes
    third = run_dataset(ds, settings, now=T[2])
    ch = _changes(third)
    assert (ch["changed_count"], ch["new_count"], ch["removed_count"]) == (0, 0, 0)
    pd.testing.assert_frame_equal(_source_rows(settings), rows)

    # 3. a new scan measures one tree 2 m taller: that feature changes (new beginLifespanVersion), no other
    g = gpd.read_file(table, layer="tree_metrics")
    g.loc[g["id"] == key, "height_measured_m"] += 2.0
    g.loc[g["id"] == key, "measured_on"] = "2026-03-20"
    g.to_file(table, layer="tree_metrics", driver="GPKG")
    assert "tree_metrics.gpkg (modified)" in (why_run(ds, get_store(settings).current("trees"), settings=settings)
                                              or "")
    fourth = run_dataset(ds, settings, now=T[3])
    assert fourth.published_dir is not None
    ch = _changes(fourth)
    assert ch["changed"] == [key] and ch["unchanged"] == first.summary["published"] - 1
    after = _source_rows(settings)
    assert after.loc[key, "height_measured_m"] == pytest.approx(measured.loc[key, "height_measured_m"] + 2.0)
    assert after.loc[key, "measured_on"] == "2026-03-20"
    assert _begins(fourth.published_dir / "trees.gml")[lid] == "2026-04-10T08:00:00Z"

    # the OGC API collection of the source view (GeoPackage or PostGIS provider, as the store serves it)
    from services.ogcapi.app import create
    client = Client(create(settings))
    item = _item(client, key)
    assert item["height_measured_m"] == pytest.approx(after.loc[key, "height_measured_m"])
    assert (item["measured_on"], item["measurement_source"]) == ("2026-03-20", "Laserscan Test (scan.las)")
    assert item["height_m"] == after.loc[key, "height_m"]
    none = _item(client, felled)
    assert all(none.get(c) is None for c in MEASURED), none

    # WMS GetFeatureInfo: the measured values with German labels, beside the cadastre's
    geom = json.loads(client.get(f"/collections/trees_source/items/{key}", query_string={"f": "json"})
                      .get_data())["geometry"]["coordinates"]
    wms, d = Client(WmsApp(settings)), 0.0001
    r = wms.get("/", query_string={
        "SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetFeatureInfo", "LAYERS": "SD.SpeciesDistribution",
        "QUERY_LAYERS": "SD.SpeciesDistribution", "STYLES": "", "CRS": "CRS:84", "WIDTH": "101", "HEIGHT": "101",
        "BBOX": f"{geom[0] - d},{geom[1] - d},{geom[0] + d},{geom[1] + d}", "I": "50", "J": "50",
        "INFO_FORMAT": "text/html", "FEATURE_COUNT": "1"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and key in html, html[:2000]
    for label in ("Höhe gemessen (m)", "Kronendurchmesser gemessen (m)", "Gemessen am", "Messquelle", "Messgüte",
                  "Höhe (m)", "Laserscan Test (scan.las)"):
        assert label in html, (label, html[:3000])

    # 4. a broken table: the run fails naming the file, the last publication stays current
    current = _current(settings)
    table.write_bytes(b"not a GeoPackage at all\n" * 50)
    with pytest.raises(SourceError) as exc:
        run_dataset(ds, settings, now=T[4])
    assert str(table) in str(exc.value) and "options.measurements" in str(exc.value)
    assert Path(getattr(exc.value, "report", "")).name.endswith("-failed.json")
    assert _current(settings) == current
    assert _item(client, key)["height_measured_m"] == pytest.approx(after.loc[key, "height_measured_m"])
    table.unlink()
    with pytest.raises(SourceError, match="measurements table not found"):
        run_dataset(ds, settings, now=T[5])
    assert _current(settings) == current


def test_cli_measures_the_published_cadastre_for_the_next_publication(scan_table, tmp_path, monkeypatch):
    """The loop of a city: publish the cadastre, ``gdi pointcloud trees`` on its download GeoPackage (the
    source view layer is found), publish again with ``measurements``; without --scan-date/--source the scan's
    header date and file name are recorded."""
    import laspy
    from click.testing import CliRunner

    from gdi.cli import cli
    settings = _settings(tmp_path, "gpkg", monkeypatch)
    first = run_dataset(_dataset(tmp_path, None), settings, now=T[0])
    assert first.published_dir is not None
    r = CliRunner().invoke(cli, ["pointcloud", "trees", "--las", str(scan_table["las"]), "--dgm",
                                 str(scan_table["dgm"]), "--trees", str(first.published_dir / "trees.gpkg")])
    assert r.exit_code == 0, r.output
    table = settings.var_dir / "pointcloud" / "trees" / "tree_metrics.gpkg"
    assert f"option measurements: {table}" in r.output
    with laspy.open(scan_table["las"]) as f:
        day = f.header.creation_date.isoformat()
    second = run_dataset(_dataset(tmp_path, "{var}/pointcloud/trees/tree_metrics.gpkg"), settings, now=T[1])
    rows = _source_rows(settings)
    got = rows[rows["height_measured_m"].notna()]
    written = gpd.read_file(table, layer="tree_metrics").dropna(subset=["height_measured_m"])
    assert set(got.index) == set(written["id"])
    # the published layer has window trees whose WKT only the ETL repairs ('POINT (404563,574) (5755014,813)'),
    # skipped by the scene generator's CSV parser: measured too (from their neighbours' crowns: quality fair)
    assert set(got.index) >= set(scan_table["df"].dropna(subset=["height_measured_m"]).index)
    assert set(got["measured_on"]) == {day} and set(got["measurement_source"]) == {"Laserscan scan.las"}
    assert _changes(second)["changed_count"] == len(got)


# --- the table's checks: (bad table -> the message) -------------------------------------------------------

def _write(path: Path, rows: dict[str, list[Any]]) -> None:
    n = len(next(iter(rows.values())))
    gpd.GeoDataFrame(rows, geometry=gpd.points_from_xy([404_550.0] * n, [5_755_050.0] * n),
                     crs="EPSG:25832").to_file(path, layer="tree_metrics", driver="GPKG")


GOOD: dict[str, list[Any]] = {"id": ["A", "B"], "height_measured_m": [12.5, None], "crown_measured_m": [6.0, None],
        "measured_on": [SCAN_DATE, SCAN_DATE], "source": ["Laserscan", "Laserscan"], "quality": ["good", "none"]}


@pytest.mark.parametrize(("change", "message"), [
    ({"measured_on": None}, "field 'measured_on': column missing in the measurements table"),
    ({"height_measured_m": ["zwölf", None]}, "record A, field 'height_measured_m', value 'zwölf': not a number"),
    ({"measured_on": ["14.03.2025", SCAN_DATE]}, "record A, field 'measured_on', value '14.03.2025': not an ISO"),
    ({"measured_on": ["", SCAN_DATE]}, "record A, field 'measured_on': measured tree without a date"),
    ({"id": ["", "B"]}, "record 1, field 'id': tree id empty"),
])
def test_malformed_table_is_an_error_naming_file_field_record(tmp_path, change, message):
    rows = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    _write(tmp_path / "m.gpkg", rows)
    with pytest.raises(SourceError) as exc:
        sd_measured.load("m.gpkg", tmp_path, tmp_path / "var")
    assert str(exc.value).startswith(str(tmp_path / "m.gpkg")) and message in str(exc.value)


def test_glob_several_scans_newest_wins_and_implausible_values_are_emptied(tmp_path):
    (tmp_path / "var" / "pointcloud" / "2024").mkdir(parents=True)
    (tmp_path / "var" / "pointcloud" / "2025").mkdir(parents=True)
    _write(tmp_path / "var" / "pointcloud" / "2024" / "tree_metrics.gpkg",
           {**GOOD, "measured_on": ["2024-04-01"] * 2, "height_measured_m": [11.0, 9.0], "source": ["2024"] * 2})
    _write(tmp_path / "var" / "pointcloud" / "2025" / "tree_metrics.gpkg",
           {**GOOD, "id": ["A", "C"], "height_measured_m": [12.5, -4.0]})
    m = sd_measured.load("{var}/pointcloud/*/tree_metrics.gpkg", tmp_path, tmp_path / "var")
    assert len(m.files) == 2 and m.rows == 4
    j = m.join(pd.Series(["A", "B", "C", "Z"]))
    assert j["height_measured_m"].tolist()[:2] == [12.5, 9.0]           # A: the 2025 scan; B: only 2024 has it
    assert j["measured_on"].tolist()[:2] == [SCAN_DATE, "2024-04-01"]
    assert j["measurement_source"].tolist()[:2] == ["Laserscan", "2024"]
    assert j.iloc[2:].isna().all().all()                                 # C: implausible -> empty; Z: unmeasured
    assert "implausible" in m.notes["C"][0]
    # a glob matching no table yet (before the first scan): no measurements, every tree's columns NULL
    none = sd_measured.load("{var}/laser/*/tree_metrics.gpkg", tmp_path, tmp_path / "var")
    assert none.files == [] and none.join(pd.Series(["A", "B"])).isna().all().all()
    with pytest.raises(SourceError, match="not found"):   # a plain path must exist
        sd_measured.load("{var}/laser/2024/tree_metrics.gpkg", tmp_path, tmp_path / "var")


def test_changed_measurements_trigger_etl_changed(tmp_path, monkeypatch):
    """``gdi etl --changed`` hashes the measurements table like a source file."""
    monkeypatch.setenv("GDI_VAR", str(tmp_path / "var"))
    settings = load_settings()
    (tmp_path / "datasets" / "trees").mkdir(parents=True)
    _write(tmp_path / "datasets" / "trees" / "m.gpkg", GOOD)
    ds = _dataset(tmp_path, "m.gpkg")
    h = source_hashes(ds, settings)
    assert "m.gpkg" in h and h["m.gpkg"] is not None
    manifest = {"version": "v1", "source_hashes": h}
    assert why_run(ds, manifest, settings=settings) is None
    _write(tmp_path / "datasets" / "trees" / "m.gpkg", {**GOOD, "height_measured_m": [13.0, None]})
    assert why_run(ds, manifest, settings=settings) == "changed since version v1: m.gpkg (modified)"
