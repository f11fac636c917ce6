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
