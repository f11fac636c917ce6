"""Issue 4: QGIS as the planners use it. A headless PyQGIS (Debian's python3-qgis, run with
/usr/bin/python3 in a subprocess so it does not clash with the venv) adds every public collection as
an OAPIF layer and reads it; feature counts equal the published counts and extents in EPSG:25832
equal the published bounding boxes."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from core.publication import published_datasets

SYS_PY = "/usr/bin/python3"

SCRIPT = r'''
import json, os, sys
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject,
                       QgsRectangle, QgsVectorLayer)
base, colls = sys.argv[1], json.loads(sys.argv[2])
app = QgsApplication([], False)
app.initQgis()
out = {}
target = QgsCoordinateReferenceSystem("EPSG:25832")
for cid in colls:
    uri = f"url='{base}' typename='{cid}' pagingEnabled='true' restrictToRequestBBOX='0'"
    lyr = QgsVectorLayer(uri, cid, "OAPIF")
    if not lyr.isValid():
        out[cid] = {"valid": False}
        continue
    tr = QgsCoordinateTransform(lyr.crs(), target, QgsProject.instance())
    n, ext = 0, QgsRectangle()
    ext.setMinimal()
    for f in lyr.getFeatures():
        n += 1
        g = f.geometry()
        if not g.isNull():
            g.transform(tr)
            ext.combineExtentWith(g.boundingBox())
    out[cid] = {"valid": True, "count": n, "crs": lyr.crs().authid(),
                "extent": [ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()]}
print("RESULT " + json.dumps(out), flush=True)
os._exit(0)  # QgsApplication.exitQgis() segfaults headless on Debian 12's QGIS
'''


def _qgis_problem() -> str | None:
    """Why PyQGIS cannot run here (None when it can). Setup installs python3-qgis, so this is a failure."""
    if not os.path.exists(SYS_PY):
        return f"{SYS_PY} not found"
    r = subprocess.run([SYS_PY, "-c", "import qgis.core"], capture_output=True, text=True,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return None if r.returncode == 0 else f"`{SYS_PY} -c 'import qgis.core'` failed: {r.stderr.strip()[-500:]}"


def test_qgis_reads_every_public_collection(server, demo_settings):
    problem = _qgis_problem()
    assert problem is None, f"python3-qgis (apt, installed by scripts/setup.sh) is not usable: {problem}"
    colls = {}
    for m in published_datasets(demo_settings.publish_dir).values():
        if m.get("access") == "public":
            for c in m["collections"]:
                colls[c["id"]] = (c["count"], m["bbox_25832"])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=tempfile.mkdtemp(prefix="qgis-rt-"),
               HOME=tempfile.mkdtemp(prefix="qgis-home-"))
    script = Path(tempfile.mkdtemp()) / "qgis_oapif.py"
    script.write_text(SCRIPT)
    r = subprocess.run([SYS_PY, str(script), f"{server}/ogc", json.dumps(sorted(colls))], capture_output=True,
                       text=True, timeout=600, env=env)
    line = next((ln for ln in r.stdout.splitlines() if ln.startswith("RESULT ")), None)
    assert line, f"PyQGIS failed ({r.returncode}):\n{r.stdout[-2000:]}\n{r.stderr[-3000:]}"
    res = json.loads(line[7:])
    for cid, (count, bbox) in colls.items():
        got = res[cid]
        assert got["valid"], cid
        assert got["count"] == count, cid
        # coordinates travel as CRS84 with 8 decimals (~1 mm); allow 0.05 m
        assert got["extent"] == pytest.approx(bbox, abs=0.05), cid


MIXED_SCRIPT = r'''
import json, os, sys
from qgis.core import (QgsApplication, QgsMapRendererSequentialJob, QgsMapSettings, QgsRectangle,
                       QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor
base, colls = sys.argv[1], json.loads(sys.argv[2])
app = QgsApplication([], False)
app.initQgis()
out = {}
for cid in colls:
    lyr = QgsVectorLayer(f"url='{base}' typename='{cid}' pagingEnabled='true' restrictToRequestBBOX='0'", cid, "OAPIF")
    if not lyr.isValid():
        out[cid] = {"valid": False}
        continue
    types = {}
    for f in lyr.getFeatures():
        t = QgsWkbTypes.geometryDisplayString(QgsWkbTypes.geometryType(f.geometry().wkbType()))
        types[t] = types.get(t, 0) + 1
    ms = QgsMapSettings()
    ms.setLayers([lyr])
    ms.setDestinationCrs(lyr.crs())
    ext = lyr.extent()
    ext.scale(1.1)
    ms.setExtent(ext)
    ms.setOutputSize(QSize(400, 400))
    ms.setBackgroundColor(QColor(255, 255, 255, 0))
    job = QgsMapRendererSequentialJob(ms)
    job.start()
    job.waitForFinished()
    img = job.renderedImage()
    drawn = sum(1 for x in range(0, 400, 2) for y in range(0, 400, 2) if QColor(img.pixel(x, y)).alpha() > 0)
    out[cid] = {"valid": True, "layer_type": QgsWkbTypes.geometryDisplayString(lyr.geometryType()),
                "types": types, "drawn": drawn}
print("RESULT " + json.dumps(out), flush=True)
os._exit(0)
'''


def test_qgis_draws_every_geometry_type_of_a_mixed_collection(server, demo_settings):
    """Issue 21: the PLU supplementary regulations (points, lines, areas in one collection) - QGIS types an
    OAPIF layer by its first features, so the service offers one collection per geometry type beside the
    complete one; each loads in PyQGIS with its own type, draws, and together they hold every feature."""
    problem = _qgis_problem()
    assert problem is None, f"python3-qgis (apt, installed by scripts/setup.sh) is not usable: {problem}"
    import pyogrio
    m = published_datasets(demo_settings.publish_dir)["bplan2070_sr"]
    coll = next(c for c in m["collections"] if c["view"] == "inspire")
    gdf = pyogrio.read_dataframe(demo_settings.publish_dir / "bplan2070_sr" / "current" / "bplan2070_sr.gpkg",
                                 layer=coll["layer"])
    dims = gdf.geometry.geom_type.map(lambda t: "Point" if "Point" in t else "Line" if "Line" in t else "Polygon")
    want = dims.value_counts().to_dict()
    assert len(want) == 3, want  # the test needs a really mixed collection
    parts = {f"{coll['id']}_points": "Point", f"{coll['id']}_lines": "Line", f"{coll['id']}_areas": "Polygon"}
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=tempfile.mkdtemp(prefix="qgis-rt-"),
               HOME=tempfile.mkdtemp(prefix="qgis-home-"))
    script = Path(tempfile.mkdtemp()) / "qgis_mixed.py"
    script.write_text(MIXED_SCRIPT)
    r = subprocess.run([SYS_PY, str(script), f"{server}/ogc", json.dumps(sorted(parts))], capture_output=True,
                       text=True, timeout=600, env=env)
    line = next((ln for ln in r.stdout.splitlines() if ln.startswith("RESULT ")), None)
    assert line, f"PyQGIS failed ({r.returncode}):\n{r.stdout[-2000:]}\n{r.stderr[-3000:]}"
    res = json.loads(line[7:])
    for cid, kind in parts.items():
        got = res[cid]
        assert got["valid"], cid
        assert got["layer_type"] == kind, (cid, got)
        assert got["types"] == {kind: want[kind]}, (cid, got)
        assert got["drawn"] > 0, (cid, got)
