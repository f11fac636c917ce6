"""Planned buildings from XPlanGML heights (issue 14): the reader reads Z/Zmin/Zmax/Zzwingend, GRZ/GFZ/BMZ
and every nested XP_Hoehenangabe into the source view; the post-publish step ``60_plan_variants`` builds the
variants of every published plan from the published source views, records the height rule per building,
skips unchanged plans and switches outputs atomically. Sample: tests/xplan_heights (see its SOURCE.md)."""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pyogrio
import pytest

from citymodel import plan_variants as pv
from core.config import load_dataset
from tests.conftest import ROOT, SCHEMAS
from transforms.pipeline import run_dataset

SAMPLE = ROOT / "tests" / "xplan_heights" / "BP_Hoehen_Demo_xplan51.gml"
ZONE_A, ZONE_B, ZONE_C = ("GML_013e660f-385d-4338-b9f2-85f30845ec26", "GML_cdb8ddd5-f73a-4d10-b1d0-3092036af965",
                          "GML_e346d550-1247-4012-91f4-df3f4f5d3b1a")


def _dataset(folder: Path, ds_id: str, template: str):
    text = (ROOT / "datasets" / template / "dataset.yml").read_text(encoding="utf-8")
    text = text.replace(f"id: {template}", f"id: {ds_id}").replace(f"/{template}\n", f"/{ds_id}\n")
    for src in ("path: BP2070_Bremen_xplan51.zip", "path: ../bplan2070/BP2070_Bremen_xplan51.zip"):
        text = text.replace(src, f"path: {SAMPLE}")
    text = text.replace("crs: EPSG:31467", "crs: EPSG:25832")
    text = text.replace(f"collection: {template}_", f"collection: {ds_id}_")
    (folder / ds_id).mkdir(parents=True)
    (folder / ds_id / "dataset.yml").write_text(text, encoding="utf-8")
    return load_dataset(folder / ds_id / "dataset.yml")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The sample published as a plan (zoning + supplementary dataset, one source file) in a fresh var dir."""
    from core.config import load_settings
    root = tmp_path_factory.mktemp("heights")
    mp = pytest.MonkeyPatch()
    mp.setenv("GDI_VAR", str(root / "var"))
    mp.setenv("GDI_DATASETS", str(root / "datasets"))
    mp.setenv("GDI_SCHEMAS", str(SCHEMAS))
    settings = load_settings()
    for ds_id, template in (("bphoehen", "bplan2070"), ("bphoehen_sr", "bplan2070_sr")):
        res = run_dataset(_dataset(root / "datasets", ds_id, template), settings)
        assert res.status == "published", res.error
    yield settings
    mp.undo()


def test_reader_reads_dimensions_and_every_hoehenangabe(published):
    gpkg = published.publish_dir / "bphoehen" / "current" / "bphoehen.gpkg"
    sv = pyogrio.read_dataframe(gpkg, layer="bphoehen_source").set_index("key")
    for col in ("Z", "Zmin", "Zmax", "Zzwingend", "GRZ", "GFZ", "BMZ", "hoehenangabe"):
        assert col in sv.columns
    assert (sv.at[ZONE_A, "Z"], sv.at[ZONE_A, "GRZ"], sv.at[ZONE_A, "GFZ"]) == (3.0, 0.4, 1.2)
    assert (sv.at[ZONE_B, "Zmin"], sv.at[ZONE_B, "Zmax"]) == (3.0, 5.0)
    assert (sv.at["BTF_BMZ", "BMZ"], sv.at["BTF_TH_FH", "Zzwingend"]) == (4.5, 2.0)
    assert json.loads(sv.at[ZONE_C, "hoehenangabe"]) == [{"hoehenbezug": "3000", "bezugspunkt": "2000",
                                                          "hMin": 6.0, "hMax": 9.0}]
    assert json.loads(sv.at["BTF_TH_FH", "hoehenangabe"]) == [
        {"hoehenbezug": "2000", "bezugspunkt": "1000", "hZwingend": 7.0},
        {"hoehenbezug": "2000", "bezugspunkt": "2000", "hMax": 11.0}]
    assert json.loads(sv.at["BTF_NONE", "hoehenangabe"]) == []
    assert "hoehenbezug" not in json.loads(sv.at[ZONE_C, "attributes"])  # GDAL's flattened copy is dropped
    sr = pyogrio.read_dataframe(published.publish_dir / "bphoehen_sr" / "current" / "bphoehen_sr.gpkg",
                                layer="bphoehen_sr_source").set_index("key")
    assert sr.at["UGF_Z4", "Z"] == 4.0
    report = json.loads((published.publish_dir / "bphoehen" / "current" / "report.json").read_text())
    assert report["mapper"]["plan"]["bezugshoehe"] == 93.0
    assert report["mapper"]["plan"]["geltungsbereich_crs84"]["type"] == "Polygon"


@pytest.mark.parametrize("row,ground,rule,height,hmin", [
    ({"hoehenangabe": json.dumps([{"hoehenbezug": "2000", "bezugspunkt": "2000", "hMax": 11}])}, None,
     "hoehenangabe", 11.0, None),
    ({"hoehenangabe": json.dumps([{"hoehenbezug": "2000", "bezugspunkt": "6000", "hZwingend": 8}])}, None,
     "hoehenangabe", 8.0, 8.0),
    ({"hoehenangabe": json.dumps([{"hoehenbezug": "1000", "bezugspunkt": "6000", "h": 105}]), "Z": 2}, 93.0,
     "hoehenangabe_nhn", 12.0, None),
    ({"hoehenangabe": json.dumps([{"hoehenbezug": "1000", "h": 105}]), "Z": 2}, None, "Z", 6.0, None),
    ({"hoehenangabe": json.dumps([{"hoehenbezug": "3000", "hMin": 6, "hMax": 9}])}, 92.0, "hoehenangabe_nhn",
     10.0, 7.0),
    ({"hoehenangabe": json.dumps([{"hoehenbezug": "2000", "bezugspunkt": "4500", "h": 0.5}]), "Zmax": 4, "Zmin": 2},
     None, "Z", 12.0, 6.0),
    ({"Zzwingend": 3}, None, "Z", 9.0, 9.0),
    ({"BMZ": 4.5, "GRZ": 0.5}, None, "BMZ", 9.0, None),
    ({"GRZ": 0.4, "GFZ": 1.0}, None, "GFZ/GRZ", 9.0, None),
    ({}, None, "default", 6.0, None),
])
def test_height_rules(row, ground, rule, height, hmin):
    r = pv.resolve(row, ground=ground, bezugshoehe=93.0, zone_area=1000.0, footprint_area=500.0)
    assert (r["height_rule"], r["height_m"], r["height_min_m"]) == (rule, height, hmin)


def test_bmz_without_grz_uses_the_footprint():
    r = pv.resolve({"BMZ": 3.0}, ground=None, bezugshoehe=None, zone_area=1000.0, footprint_area=500.0)
    assert (r["height_rule"], r["height_m"]) == ("BMZ", 6.0)


def test_hook_is_registered_and_keeps_the_dependency_direction():
    eps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]["gdi.post_publish"]
    assert eps["60_plan_variants"] == "citymodel.plan_variants:write_variants"
    src = (ROOT / "citymodel" / "plan_variants.py").read_text()
    assert "transforms" not in {line.split()[1].split(".")[0] for line in src.splitlines()
                                if line.strip().startswith(("import ", "from "))}


def _rules(settings, plan="bphoehen", variant="maximal"):
    summary = json.loads((settings.var_dir / "plans" / f"{plan}.json").read_text())
    v = next(x for x in summary["variants"] if x["variant"] == variant)
    return summary, {k.rsplit("-", 1)[0]: (r["rule"], round(r["height_m"], 1)) for k, r in v["height_rules"].items()}


def test_variants_after_publication_incremental_and_atomic(published, tmp_path, monkeypatch):
    from citymodel.terrain import make_demo_dgm
    from core.area import HILDESHEIM_BBOX_25832
    settings = published
    dgm = make_demo_dgm(tmp_path / "dgm.tif", HILDESHEIM_BBOX_25832)
    monkeypatch.setenv("GDI_PLAN_DGM", str(dgm))
    assert pv.write_variants(settings) == {"bphoehen": "built"}
    summary, rules = _rules(settings)
    assert [v["variant"] for v in summary["variants"]] == ["maximal", "grz", "minimal"]
    assert summary["title"] == "BPlan Demo-Gemeinde (Hoehenangaben)" and summary["geltungsbereich"]["features"]
    assert rules[ZONE_A] == ("Z", 12.0)                 # buildable area inside with its own Z 4
    assert rules[ZONE_B] == ("Z", 15.0)                 # Zmax 5
    assert rules[ZONE_C][0] == "hoehenangabe_nhn" and 8.5 < rules[ZONE_C][1] < 10.0  # 93 + 9 - terrain
    assert rules["BTF_BMZ"] == ("BMZ", 9.0)
    assert rules["BTF_NHN"][0] == "hoehenangabe_nhn" and 11.5 < rules["BTF_NHN"][1] < 13.0  # 105 - terrain
    assert rules["BTF_TH_FH"] == ("hoehenangabe", 11.0)
    assert rules["BTF_NONE"] == ("default", 6.0)
    zones = {z["text"]: z["count"] for z in summary["zones"]}  # what each area allows, in plain German
    assert zones["Dorfgebiet (MD): höchstens 3 Vollgeschosse; Grundflächenzahl (GRZ) 0,4 – höchstens 40 % des "
                 "Grundstücks dürfen überbaut werden; Geschossflächenzahl (GFZ) 1,2 – die Geschossfläche aller "
                 "Vollgeschosse darf höchstens das 1,2-Fache der Grundstücksfläche betragen"] == 1
    assert any(t.startswith("Mischgebiet (MI): 3 bis 5 Vollgeschosse;") for t in zones)
    assert any(t.startswith("Industriegebiet (GI): Grundflächenzahl (GRZ) 0,5") and "Baumassenzahl (BMZ) 4,5" in t
               for t in zones)
    assert "Dorfgebiet (MD): keine Angaben zu Geschossen und Maß der Nutzung" in zones
    assert sum(zones.values()) == 7 and summary["documents"] == []
    counts = summary["volume_counts"]
    assert counts["height_from_hoehenangabe_nhn"] == 2 and counts["height_default"] == 1
    _, minimal = _rules(settings, variant="minimal")
    assert minimal[ZONE_B] == ("Z", 9.0) and minimal["BTF_TH_FH"] == ("hoehenangabe", 7.0)
    tiles = settings.var_dir / "3dtiles" / "planned"
    for v in summary["variants"]:
        assert (tiles / v["name"] / "tileset.json").exists() and v["tileset_status"] == "built"
        gj = json.loads((settings.var_dir / "plans" / v["geojson"]).read_text())
        assert all(f["properties"]["height_rule"] for f in gj["features"])
    stamp = (tiles / "planned_bphoehen_maximal" / "tileset.json").stat().st_mtime_ns

    # unchanged publications and terrain: nothing rebuilt
    assert pv.write_variants(settings) == {"bphoehen": "unchanged"}
    assert (tiles / "planned_bphoehen_maximal" / "tileset.json").stat().st_mtime_ns == stamp

    # a build that fails half-way leaves the previous outputs and no staging folder
    import citymodel.planned as planned
    real, calls = planned.build_planned_tileset, []

    def flaky(*a, **kw):
        calls.append(a[2])
        if len(calls) == 2:
            raise RuntimeError("disk gone")
        return real(*a, **kw)
    monkeypatch.setattr(planned, "build_planned_tileset", flaky)
    monkeypatch.setenv("GDI_PLAN_DGM", str(tmp_path / "no-dgm.tif"))   # another terrain: a rebuild is due
    with pytest.raises(RuntimeError):
        pv.write_variants(settings)
    assert (tiles / "planned_bphoehen_maximal" / "tileset.json").stat().st_mtime_ns == stamp
    assert not list(tiles.glob(".staging-*")) and not list((settings.var_dir / "plans").glob(".staging-*"))
    assert _rules(settings)[1][ZONE_C][0] == "hoehenangabe_nhn"

    # without terrain: absolute heights cannot be used, the next rule applies
    monkeypatch.setattr(planned, "build_planned_tileset", real)
    assert pv.write_variants(settings) == {"bphoehen": "built"}
    summary, rules = _rules(settings)
    assert rules["BTF_NHN"] == ("Z", 6.0) and rules[ZONE_C] == ("hoehenangabe", 9.0)
    assert any("no terrain" in f["properties"]["height_notes"] for f in json.loads(
        (settings.var_dir / "plans" / "planned_bphoehen_maximal.geojson").read_text())["features"])


@pytest.mark.parametrize("row, text", [
    ({"Zzwingend": 1.0, "attributes": '{"allgArtDerBaulNutzung": 1000, "bauweise": 1000}'},
     "Wohnbaufläche (W): genau 1 Vollgeschoss; offene Bauweise"),
    ({"Zmin": 2.0, "GRZ": 0.25, "attributes": {"besondereArtDerBaulNutzung": 1200}},
     "Allgemeines Wohngebiet (WA): mindestens 2 Vollgeschosse; Grundflächenzahl (GRZ) 0,25 – höchstens 25 % des "
     "Grundstücks dürfen überbaut werden"),
    ({"Z": float("nan"), "attributes": '{"besondereArtDerBaulNutzung": 1234}'},
     "Baugebiet (Schlüssel besondereArtDerBaulNutzung 1234): keine Angaben zu Geschossen und Maß der Nutzung"),
    ({"attributes": "kein JSON"}, "Baugebiet ohne festgesetzte Art der Nutzung: keine Angaben zu Geschossen und Maß "
     "der Nutzung"),
])
def test_zone_wording(row, text):
    from citymodel.plan_zones import describe
    assert describe(row) == text


def test_plan_documents_only_link_http():
    from citymodel.plan_zones import plan_documents
    docs = plan_documents({"references": [
        {"referenzName": "Planzeichnung", "referenzURL": "https://example.org/bp/plan.PDF", "typ": "1030",
         "datum": "2024-03-05"},
        {"referenzURL": "https://example.org/bp/Begr%C3%BCndung.pdf", "typ": "1010"},
        {"referenzName": "Böse", "referenzURL": "javascript:alert(1)"},
        {"referenzURL": "file:///etc/passwd"},
        "kein Eintrag"]})
    assert docs == [
        {"title": "Planzeichnung", "url": "https://example.org/bp/plan.PDF", "kind": "Rechtsplan",
         "date": "2024-03-05", "pdf": True},
        {"title": "Begründung.pdf", "url": "https://example.org/bp/Begr%C3%BCndung.pdf",
         "kind": "Begründung", "date": None, "pdf": True},
        {"title": "Böse", "url": None, "kind": None, "date": None, "pdf": False}]
