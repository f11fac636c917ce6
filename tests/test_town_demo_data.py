"""The committed demo files derived from the demo town (transforms/generate/town_demo.py): trees in the
Münster schema read by the real pipeline, playgrounds in the town's parks, contaminated sites on its
commercial lots, the first 300 buildings with the town's oids, the base map small and complete; and the
published trees drawn on top of the base map in /basemap tiles."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely
from PIL import Image
from pyproj import Transformer
from werkzeug.test import Client

from core.config import BasemapSettings, Settings
from services.wms.basemap import BasemapApp, lonlat_to_tile
from services.wms.mapfile import write_mapfile
from transforms.generate.town import build_town
from transforms.generate.town_demo import PLAYGROUND_PARKS, TREE_COLUMNS
from transforms.pipeline import run_dataset

from .helpers import trees_dataset

ROOT = Path(__file__).resolve().parent.parent
DS = ROOT / "datasets"
STADTPLAN = DS / "stadtplan" / "stadtplan_hildesheim_beispiel.gpkg"
TREES = DS / "trees" / "baumkataster_hildesheim_beispiel.csv"


def test_stadtplan_file_is_small_complete_and_no_dataset():
    assert STADTPLAN.stat().st_size < 2_000_000
    assert {n for n, _ in pyogrio.list_layers(STADTPLAN)} == {"strassen", "bloecke", "gewaesser", "gruen"}
    assert not (STADTPLAN.parent / "dataset.yml").exists() and (STADTPLAN.parent / "SOURCE.md").exists()
    streets = gpd.read_file(STADTPLAN, layer="strassen")
    assert {"Almsstraße", "Hoher Weg", "Peiner Straße"} <= set(streets["name"])
    assert set(gpd.read_file(STADTPLAN, layer="gewaesser")["name"]) == {"Innerste", "Hohnsensee"}


def test_trees_file_has_the_muenster_schema_and_encoding():
    raw = TREES.read_bytes()
    muenster = (DS / "trees" / "baumkataster_muenster.csv").read_bytes()
    assert raw.split(b"\r\n")[0] == muenster.split(b"\r\n")[0]  # same header, same line ends
    text = raw.decode("latin-1")
    assert "ÖG " in text and "STRASSE" in text  # latin-1 umlauts, Münster's upper-case object names
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 3000 and list(rows[0]) == TREE_COLUMNS
    ids = {r["ID"] for r in rows}
    m_ids = {line.split(";")[0] for line in muenster.decode("latin-1").splitlines()[1:]}
    assert len(ids) == 3000 and not ids & m_ids
    assert any("," in r["Stammdurchmesser_akt_cm"] for r in rows)  # decimal comma
    age = np.array([int(r["Standalter_geschaetzt_jahr"]) for r in rows])
    height = np.array([int(r["Baumhoehe_akt_m"]) for r in rows])
    assert np.corrcoef(age, height)[0, 1] > 0.5  # older trees are taller
    assert {"Winter-Linde", "Spitz-Ahorn", "Platane", "Stiel-Eiche", "Rosskastanie", "Hainbuche"} <= \
        {r["ref_Baumart"] for r in rows}


def test_trees_go_through_the_pipeline_and_draw_over_the_base_map(tmp_path, schema_dir):
    ds = trees_dataset(tmp_path, TREES)  # tmp_path/ds/dataset.yml: tmp_path is the registry folder
    settings = Settings(var_dir=tmp_path / "var", datasets_dir=tmp_path, schema_dir=schema_dir,
                        basemap=BasemapSettings(source=STADTPLAN))
    res = run_dataset(ds, settings)
    assert res.status == "published", res.summary
    assert res.summary["read"] == 3000 and res.summary["rejected"] == 0 and res.summary["published"] == 3000
    assert res.published_dir is not None
    units = pyogrio.read_dataframe(res.published_dir / "trees.gpkg", layer="speciesdistributionunit")
    assert units.total_bounds[0] > 563_000 and units.total_bounds[2] < 567_000  # in Hildesheim's centre
    write_mapfile(settings)
    lon, lat = Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True).transform(565_000, 5_778_400)
    z = 17
    x, y = lonlat_to_tile(lon, lat, z)
    with_trees = np.asarray(Image.open(io.BytesIO(Client(BasemapApp(settings)).get(f"/{z}/{x}/{y}.png").data))
                            .convert("RGBA")).astype(int)
    only = Settings(var_dir=tmp_path / "var2", datasets_dir=tmp_path, schema_dir=schema_dir,
                    basemap=BasemapSettings(source=STADTPLAN))
    write_mapfile(only)
    base = np.asarray(Image.open(io.BytesIO(Client(BasemapApp(only)).get(f"/{z}/{x}/{y}.png").data))
                      .convert("RGBA")).astype(int)
    assert (base[..., 3] == 255).mean() > 0.9  # the base map covers (nearly all of) the old town tile
    changed = np.abs(with_trees - base).max(-1) > 30
    assert 0.002 < changed.mean() < 0.5  # the trees are drawn on top, the base map still shows around them


def test_playgrounds_lie_in_their_parks_and_sites_on_commercial_lots():
    green = gpd.read_file(STADTPLAN, layer="gruen")
    water = shapely.union_all(gpd.read_file(STADTPLAN, layer="gewaesser").geometry.values)
    with (DS / "spielplatzkataster" / "spielplaetze.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert len(rows) == 8
    for r in rows:
        g = shapely.from_wkt(r["flaeche_wkt"])
        park = green[green["name"] == PLAYGROUND_PARKS[r["spielplatz_nr"]]].geometry.union_all()
        assert park.buffer(0.5).contains(g) and not g.intersects(water), r["spielplatz_nr"]
    blocks = gpd.read_file(STADTPLAN, layer="bloecke")
    lots = blocks[blocks["use"].isin(["gewerbe", "industrie"])].geometry.union_all().buffer(0.5)
    with (DS / "altlasten" / "altlastenkataster_hildesheim.csv").open(encoding="utf-8", newline="") as f:
        sites = list(csv.DictReader(f, delimiter=";"))
    assert len(sites) == 7
    for r in sites:
        assert lots.contains(shapely.from_wkt(r["flaeche_wkt"])), r["katasternummer"]


def test_committed_buildings_are_the_towns_first_300():
    town = build_town(1)
    b = gpd.read_file(DS / "gebaeude" / "gebaeude_hildesheim_beispiel.gpkg", layer="gebaeude")
    assert len(b) == 300
    assert list(b["oid"]) == list(town.attrs["oid"][:300])
    assert shapely.equals_exact(b.geometry.values, town.geom[:300], 0.001).all()
    storeys = town.attrs["anzahlDerOberirdischenGeschosse"][:300]
    assert (b["anzahlDerOberirdischenGeschosse"].to_numpy() == storeys).all()
    assert list(b["hausnummer"]) == list(town.attrs["hausnummer"][:300])
