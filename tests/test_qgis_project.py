"""Issue 20: the planners' QGIS project. Headless PyQGIS (Debian's python3-qgis, run with /usr/bin/python3 in a
subprocess) opens the project written by the demo's post-publish hook against the real ``gdi serve``: every
layer is valid, every OGC API layer delivers as many features as the OGC API's numberMatched, German aliases,
value maps and map tips are there, each layer's QGIS render matches the WMS GetMap of the same extent pixel
by pixel (within a colour tolerance), and the staff variant loads the restricted layer only with a QGIS
authentication configuration while the public file never names it."""
from __future__ import annotations

import io
import json
import os
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import requests
from PIL import Image

SYS_PY = "/usr/bin/python3"
SIZE = 512
TOLERANCE = 48          # per RGB channel, 0-255: anti-aliasing and rounding of the two renderers
# share of the drawn pixels (drawn in either image) whose colour agrees: at street scale nearly all; at district
# scale many features are a few pixels, where the two renderers' anti-aliasing differs most
MIN_MATCH = {"near": 0.95, "district": 0.85}
MIN_DRAWN = 0.0005      # a render must draw something (here >= 131 pixels), or the comparison proves nothing

CHECK = r'''
import json, os, sys
from qgis.core import (QgsApplication, QgsAuthMethodConfig, QgsMapLayerType, QgsMapRendererSequentialJob,
                       QgsMapSettings, QgsProject, QgsRectangle)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor
args = json.loads(sys.argv[1])
app = QgsApplication([], False)
app.initQgis()
out = {"auth": None}
if args.get("token"):
    am = QgsApplication.authManager()
    am.setMasterPassword("test-master-password", True)
    cfg = QgsAuthMethodConfig("Basic")
    cfg.setId(args["authcfg"])
    cfg.setName("GDI Hildesheim (Test)")
    cfg.setConfig("username", "qgis-test")
    cfg.setConfig("password", args["token"])
    stored = am.storeAuthenticationConfig(cfg)
    out["auth"] = bool(stored[0] if isinstance(stored, tuple) else stored) and args["authcfg"] in am.configIds()
project = QgsProject.instance()
out["read"] = project.read(args["project"])
out["crs"] = project.crs().authid()
out["title"] = project.metadata().title()
out["abstract"] = project.metadata().abstract()
out["contacts"] = [c.organization for c in project.metadata().contacts()]
ext = project.viewSettings().defaultViewExtent()
out["extent"] = [ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()]
out["groups"] = [g.name() for g in project.layerTreeRoot().children()]
layers = {}
for lyr in project.mapLayers().values():
    d = {"name": lyr.name(), "valid": lyr.isValid(), "type": int(lyr.type()), "provider": lyr.providerType(),
         "source": lyr.source(), "wms_layer": lyr.customProperty("gdi/wms_layer"),
         "typename": lyr.customProperty("gdi/typename"), "restricted": lyr.customProperty("gdi/restricted"),
         "licences": list(lyr.metadata().licenses()), "attribution": lyr.attribution()}
    if lyr.type() == QgsMapLayerType.VectorLayer:
        d["count"] = sum(1 for _ in lyr.getFeatures()) if lyr.isValid() else None
        d["aliases"] = {f.name(): f.alias() for f in lyr.fields()}
        d["value_maps"] = {f.name(): lyr.editorWidgetSetup(i).config().get("map")
                           for i, f in enumerate(lyr.fields()) if lyr.editorWidgetSetup(i).type() == "ValueMap"}
        d["map_tip"] = lyr.mapTipTemplate()
        d["renderer"] = lyr.renderer().type() if lyr.renderer() else None
    layers[lyr.id()] = d
out["layers"] = layers
renders = {}
for job in args.get("renders", []):
    ms = QgsMapSettings()
    ms.setLayers([project.mapLayer(i) for i in job["layers"]] if job.get("layers") else [
        lyr for lyr in project.mapLayers().values() if lyr.customProperty("gdi/typename") in job["typenames"]])
    ms.setDestinationCrs(project.crs())
    ms.setExtent(QgsRectangle(*job["bbox"]))
    ms.setOutputSize(QSize(job["size"], job["size"]))
    ms.setOutputDpi(96)
    ms.setBackgroundColor(QColor(255, 255, 255, 0))
    r = QgsMapRendererSequentialJob(ms)
    r.start()
    r.waitForFinished()
    r.renderedImage().save(job["out"], "PNG")
    renders[job["out"]] = ms.scale()
out["renders"] = renders
print("RESULT " + json.dumps(out), flush=True)
os._exit(0)
'''


def qgis_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    rt = home / "runtime"
    rt.mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_RUNTIME_DIR=str(rt),
               QGIS_CUSTOM_CONFIG_PATH=str(home / "qgis"))
    return env


def run_qgis(args: dict) -> dict:
    """Run the CHECK script in the system Python (PyQGIS) with a fresh QGIS profile."""
    r = subprocess.run([SYS_PY, "-c", "import qgis.core"], capture_output=True, text=True)
    assert r.returncode == 0, f"python3-qgis (apt, installed by scripts/setup.sh) is not usable: {r.stderr[-500:]}"
    home = Path(tempfile.mkdtemp(prefix="qgis-home-"))
    script = home / "check.py"
    script.write_text(CHECK)
    r = subprocess.run([SYS_PY, str(script), json.dumps(args)], capture_output=True, text=True, timeout=900,
                       env=qgis_env(home))
    line = next((ln for ln in r.stdout.splitlines() if ln.startswith("RESULT ")), None)
    assert line, f"PyQGIS failed ({r.returncode}):\n{r.stdout[-2000:]}\n{r.stderr[-3000:]}"
    return json.loads(line[7:])


def number_matched(server: str, collection: str, token: str | None = None) -> int:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    params: dict[str, str | int] = {"f": "json", "limit": 1}
    r = requests.get(f"{server}/ogc/collections/{collection}/items", params=params, headers=headers, timeout=60)
    assert r.status_code == 200, (collection, r.status_code, r.text[:300])
    return int(r.json()["numberMatched"])


def wms_getmap(server: str, layer: str, bbox: list[float], token: str | None = None) -> Image.Image:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    params: dict[str, str | int] = {
        "SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetMap", "LAYERS": layer, "STYLES": "",
        "CRS": "EPSG:25832", "BBOX": ",".join(str(v) for v in bbox), "WIDTH": SIZE, "HEIGHT": SIZE,
        "FORMAT": "image/png", "TRANSPARENT": "TRUE"}
    r = requests.get(f"{server}/wms", params=params, headers=headers, timeout=120)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("image/png"), (layer, r.text[:500])
    return Image.open(io.BytesIO(r.content))


def on_white(img: Image.Image) -> np.ndarray:
    rgba = np.asarray(img.convert("RGBA"), dtype=np.float64)
    a = rgba[..., 3:4] / 255.0
    return rgba[..., :3] * a + 255.0 * (1 - a)


def _near_match(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Per pixel of ``x``: does ``y`` have the same colour within TOLERANCE within one pixel (3 x 3), or
    half a pixel away (the mean of two neighbouring pixels)? The two renderers place anti-aliased edges and
    3-pixel dots up to half a pixel apart (AGG and Qt sample pixel centres differently): a thin line's edge
    pixel in one is then a mix of two pixels of the other, a colour neither of them has."""
    h, w = x.shape[:2]
    pad = np.pad(y, ((1, 1), (1, 1), (0, 0)), mode="edge")
    ok = np.zeros((h, w), dtype=bool)
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            here = pad[dy:dy + h, dx:dx + w]
            ok |= np.abs(x - here).max(axis=2) <= TOLERANCE
            if dx < 2:
                ok |= np.abs(x - (here + pad[dy:dy + h, dx + 1:dx + 1 + w]) / 2).max(axis=2) <= TOLERANCE
            if dy < 2:
                ok |= np.abs(x - (here + pad[dy + 1:dy + 1 + h, dx:dx + w]) / 2).max(axis=2) <= TOLERANCE
    return ok


def compare(a: Image.Image, b: Image.Image) -> tuple[float, float]:
    """(share of the drawn pixels whose colour the other image has at most one pixel away, within TOLERANCE,
    in both directions; share of the image drawn in either)."""
    x, y = on_white(a), on_white(b)
    dx, dy = np.abs(x - 255).max(axis=2) > 8, np.abs(y - 255).max(axis=2) > 8
    drawn = dx | dy
    n = int(drawn.sum())
    if not n:
        return 0.0, 0.0
    same = (_near_match(x, y) | ~dx) & (_near_match(y, x) | ~dy)
    return float((same & drawn).sum()) / n, n / drawn.size


def around(x: float, y: float, size: float) -> list[float]:
    return [x - size / 2, y - size / 2, x + size / 2, y + size / 2]


def dense_point(gpkg: Path, layer: str, cell: float = 300.0) -> tuple[float, float]:
    """The middle of the features in the ``cell``-metre grid cell that holds the most of them (street scale
    where the data is, not an empty spot between sparse areas)."""
    import pyogrio
    gdf = pyogrio.read_dataframe(gpkg, layer=layer)
    c = gdf.geometry.representative_point()
    keys = list(zip((c.x // cell).astype(int), (c.y // cell).astype(int), strict=True))
    best = max(set(keys), key=keys.count)
    sel = [k == best for k in keys]
    return float(c.x[sel].mean()), float(c.y[sel].mean())


# ----------------------------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def projects(demo_settings) -> dict[str, Path]:
    """The files the demo's post-publish hook wrote (``gdi demo`` runs every hook once after the ETL)."""
    d = demo_settings.var_dir / "qgis"
    files = {"public": d / "hildesheim.qgz", "staff": d / "hildesheim-intern.qgz"}
    for kind, p in files.items():
        assert p.is_file(), f"the post-publish hook did not write the {kind} project {p}"
    return files


@pytest.fixture(scope="module")
def staff_token(demo_env) -> str:
    from tests.conftest import GDI, ROOT
    r = subprocess.run([GDI, "auth", "add-key", "qgis-test"], env=demo_env, capture_output=True, text=True,
                       cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    return next(ln.split(":", 1)[1].strip() for ln in r.stdout.splitlines() if ln.startswith("token"))


@pytest.fixture(scope="module")
def public_run(server, projects, demo_settings, tmp_path_factory) -> tuple[dict, list[dict]]:
    """Open the public project, count every layer's features and render every WMS layer's QGIS twin at two
    scales where its features are dense: a 300 m square (street scale: crowns to scale, building outlines) and
    a 3 km square (district scale: tree dots, no outlines)."""
    from core.publication import current_dir
    first = run_qgis({"project": str(projects["public"])})
    out = tmp_path_factory.mktemp("renders")
    jobs = []
    by_wms: dict[str, list[str]] = {}
    for lid, lay in first["layers"].items():
        if lay["type"] == 0 and lay["wms_layer"]:
            by_wms.setdefault(lay["wms_layer"].split(".flaechen")[0].split(".linien")[0].split(".punkte")[0],
                              []).append(lid)
    pubs = {lay["typename"]: lay for lay in first["layers"].values() if lay.get("typename")}
    assert pubs
    from core.publication import published_datasets
    manifests = published_datasets(demo_settings.publish_dir)
    for wms, ids in sorted(by_wms.items()):
        ds = next(first["layers"][i] for i in ids)
        ds_id = next(m["dataset"] for m in manifests.values() if any(
            c["id"] == ds["typename"].rsplit("_", 1)[0] or c["id"] == ds["typename"] for c in m["collections"]))
        m = manifests[ds_id]
        coll = next(c for c in m["collections"] if c["id"] == ds["typename"] or
                    ds["typename"].startswith(c["id"] + "_"))
        folder = current_dir(demo_settings.publish_dir, ds_id)
        assert folder is not None, ds_id
        gpkg = folder / f"{ds_id}.gpkg"
        views = {"near": 300.0, "district": 3000.0}
        for kind, size in views.items():
            x, y = dense_point(gpkg, coll["layer"], size)
            bbox = around(x, y, size)
            jobs.append({"wms": wms, "layers": ids, "bbox": bbox, "size": SIZE, "kind": kind,
                         "out": str(out / f"{wms}-{kind}.png")})
    second = run_qgis({"project": str(projects["public"]), "renders": jobs})
    return second, jobs


# ----------------------------------------------------------------------------------------------- tests

def test_every_layer_valid_with_ogc_api_counts(server, public_run, demo_settings):
    res, _ = public_run
    assert res["read"], "QgsProject.read failed"
    assert res["crs"] == "EPSG:25832"
    assert res["extent"] == pytest.approx([556000, 5770000, 572000, 5786000])
    assert "Hildesheim" in res["title"] and res["contacts"] and "Lizenz" in res["abstract"]
    bad = {lay["name"]: lay["source"] for lay in res["layers"].values() if not lay["valid"]}
    assert not bad, f"invalid layers: {bad}"
    vectors = [lay for lay in res["layers"].values() if lay["type"] == 0]
    rasters = [lay for lay in res["layers"].values() if lay["type"] == 1]
    assert vectors and rasters and all(lay["provider"] == "OAPIF" for lay in vectors)
    assert all(lay["provider"] == "wms" for lay in rasters)
    from core.publication import published_datasets
    public = {d for d, m in published_datasets(demo_settings.publish_dir).items() if m.get("access") == "public"}
    assert {lay["typename"].split("_")[0] for lay in vectors} and len(vectors) >= len(public)
    counts = {lay["typename"]: (lay["count"], number_matched(server, lay["typename"])) for lay in vectors}
    assert all(got == want and want > 0 for got, want in counts.values()), counts
    # one group per INSPIRE theme (+ the WMS alternative)
    assert {"Verteilung der Arten (SD)", "Gebäude (BU)", "Bodennutzung (LU)"} <= set(res["groups"]), res["groups"]
    assert all(lay["licences"] and lay["attribution"] for lay in vectors)


def test_german_aliases_value_maps_map_tips(public_run):
    res, _ = public_run
    layers = {lay["typename"]: lay for lay in res["layers"].values() if lay["type"] == 0}
    trees = layers["trees_source"]
    assert trees["aliases"]["species_german"] == "Art"
    assert trees["aliases"]["crown_diameter_m"] == "Kronendurchmesser (m)"
    assert trees["aliases"]["planting_year"] == "Pflanzjahr"
    assert "Pflanzjahr" in trees["map_tip"] and "represent_value" in trees["map_tip"]
    assert trees["renderer"] == "RuleRenderer"
    bu = layers["gebaeude_source"]
    assert bu["aliases"]["function_code"] == "Gebäudefunktion (Schlüssel)"
    roof = {v: k for item in bu["value_maps"]["roof_form"] for k, v in item.items()}
    assert roof["3200"] == "Walmdach"
    func = {v: k for item in bu["value_maps"]["function_code"] for k, v in item.items()}
    assert func["1000"] == "Wohngebäude"
    for lay in layers.values():  # every field has a German (or worded) alias
        missing = [f for f, a in lay["aliases"].items() if not a]
        assert not missing, (lay["typename"], missing)


def test_renders_match_the_wms(server, public_run):
    res, jobs = public_run
    figures, failures = [], []
    for job in jobs:
        qgis = Image.open(job["out"])
        wms = wms_getmap(server, job["wms"], job["bbox"])
        match, drawn = compare(qgis, wms)
        figures.append(f"{job['wms']:48s} {job['kind']:4s} 1:{res['renders'][job['out']]:>8.0f} "
                       f"drawn {drawn:6.2%} match {match:6.2%}")
        if drawn < MIN_DRAWN or match < MIN_MATCH[job["kind"]]:
            failures.append(figures[-1])
    print("\n" + "\n".join(figures))
    assert not failures, "QGIS renders differ from the WMS:\n" + "\n".join(failures)
    assert len(jobs) >= 2 * 6


def test_comparison_can_fail(server, public_run):
    """The pixel comparison is not blind: the QGIS render of one layer against the WMS of another fails."""
    _, jobs = public_run
    near = {j["wms"]: j for j in jobs if j["kind"] == "near"}
    a, b = near["SD.SpeciesDistribution"], near["BU.Building"]
    match, _ = compare(Image.open(a["out"]), wms_getmap(server, b["wms"], a["bbox"]))
    print(f"\ntrees (QGIS) against buildings (WMS): match {match:6.2%}")
    assert match < MIN_MATCH["near"]


def test_staff_variant_needs_the_auth_configuration(server, projects, staff_token, demo_settings, tmp_path):
    public_text = zipfile.ZipFile(projects["public"]).read("hildesheim.qgs").decode()
    staff_text = zipfile.ZipFile(projects["staff"]).read("hildesheim-intern.qgs").decode()
    restricted = "managementrestrictionorregulationzone_intern"
    assert restricted not in public_text and "altlasten_intern" not in public_text and "authcfg" not in public_text
    assert restricted in staff_text and "authcfg=gdihild" in staff_text.replace("'", "")
    assert staff_token not in staff_text
    from core.publication import current_dir, published_datasets
    m = published_datasets(demo_settings.publish_dir)["altlasten_intern"]
    coll = next(c for c in m["collections"] if c["id"] == restricted)
    folder = current_dir(demo_settings.publish_dir, "altlasten_intern")
    assert folder is not None
    bbox = around(*dense_point(folder / "altlasten_intern.gpkg", coll["layer"], 300.0), 300.0)
    job: dict[str, Any] = {"typenames": [restricted], "bbox": bbox, "size": SIZE, "out": str(tmp_path / "intern.png")}
    with_auth = run_qgis({"project": str(projects["staff"]), "token": staff_token, "authcfg": "gdihild",
                          "renders": [job]})
    assert with_auth["auth"]
    # the restricted layer is styled like the staff WMS too
    wms_name = next(v["wms_layer"] for v in with_auth["layers"].values() if v.get("typename") == restricted)
    match, drawn = compare(Image.open(job["out"]), wms_getmap(server, wms_name, bbox, staff_token))
    print(f"\n{wms_name} near (staff) drawn {drawn:6.2%} match {match:6.2%}")
    assert drawn >= MIN_DRAWN and match >= MIN_MATCH["near"], (match, drawn)
    lay = next(v for v in with_auth["layers"].values() if v.get("typename") == restricted)
    assert lay["valid"] and lay["restricted"]
    assert lay["count"] == number_matched(server, restricted, staff_token) > 0
    raster = next(v for v in with_auth["layers"].values() if v["type"] == 1 and v["restricted"])
    assert raster["valid"]
    # without the configuration the restricted layer does not load (the public service does not know it)
    without = run_qgis({"project": str(projects["staff"])})
    lay = next(v for v in without["layers"].values() if f"typename='{restricted}'" in v["source"])
    assert not lay["valid"] or not lay["count"]
    public = run_qgis({"project": str(projects["public"])})
    assert not any(v.get("restricted") for v in public["layers"].values())


def test_download_and_start_page(server, staff_token):
    r = requests.get(f"{server}/download/qgis/hildesheim.qgz", timeout=60)
    assert r.status_code == 200 and zipfile.ZipFile(io.BytesIO(r.content)).namelist() == ["hildesheim.qgs"]
    assert requests.get(f"{server}/download/qgis/hildesheim-intern.qgz", timeout=60).status_code == 404
    r = requests.get(f"{server}/download/qgis/hildesheim-intern.qgz", timeout=60,
                     headers={"Authorization": f"Bearer {staff_token}"})
    assert r.status_code == 200 and r.content[:2] == b"PK"
    assert requests.get(f"{server}/download/qgis/other.qgz", timeout=60).status_code == 404
    assert "/download/qgis/hildesheim.qgz" in requests.get(f"{server}/", timeout=60).text


def test_without_pyqgis_a_clear_error(tmp_settings, monkeypatch, caplog):
    from services.qgis import project
    monkeypatch.setattr(project, "SYSTEM_PYTHON", "/nonexistent/python3")
    with pytest.raises(project.QgisError, match="python3-qgis"):
        project.generate(tmp_settings)
    assert project.write_project(tmp_settings) is None  # the hook warns and lets the publication finish
    assert "QGIS project not written" in caplog.text


@pytest.mark.parametrize(("expression", "classitem", "want"), [
    ("/^(31001_)?1/", "function_code", "regexp_match(to_string(\"function_code\"), '^(31001_)?1') > 0"),
    ("{a,b}", "status", "to_string(\"status\") IN ('a', 'b')"),
    ("altlast", "status", "to_string(\"status\") = 'altlast'"),
    ("([height_m] > 10)", None, '("height_m" > 10)'),
])
def test_mapserver_expressions_become_qgis_expressions(expression, classitem, want):
    from services.qgis.cartography import qgis_expression
    assert qgis_expression(expression, classitem) == want


def test_classes_keep_first_match_and_scale():
    """The buildings' "Sonstige" class is the rest of the other three; the trees' classes switch at 1:5,000
    of MapServer (72 dpi) = 1:6,667 of QGIS (96 dpi)."""
    from services.qgis.cartography import renderer_spec
    from services.wms import styles
    bu = renderer_spec(styles.theme_style("bu", "MultiPolygon", {"function_code"}), "polygon", 100_000)
    rest = bu["rules"][-1]["filter"]
    assert rest.count("NOT coalesce") == 3
    sd = renderer_spec(styles.theme_style("sd", "Point", {"crown_diameter_m"}), "point", 30_000)
    crown, dot = sd["rules"]
    assert crown["max_scale"] == 6667 and dot["min_scale"] == crown["max_scale"]
    assert crown["symbols"][0]["size"] == {"unit": "MapUnit", "field": "crown_diameter_m", "value": 1.0,
                                           "min_px": 4.0, "max_px": 120.0}
    assert sd["layer_max_scale"] == pytest.approx(40_000)
