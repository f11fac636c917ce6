"""Render views of a written project with PyQGIS (the images of docs/qgis.md; run like ``build.py``).

Usage: ``python3 render.py PROJECT.qgz JOBS.json`` where JOBS is a list of ``{"out": png, "bbox": [minx, miny,
maxx, maxy] (EPSG:25832), "width": px, "height": px, "groups": [layer tree group names] | null}``, or
``{"out": png, "legend": true}`` for the project's legend. Needs the services the project points at.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsLayerTree,
    QgsLayerTreeModel,
    QgsLegendRenderer,
    QgsLegendSettings,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage, QPainter


def visible_layers(project: QgsProject, groups: list[str] | None) -> list:
    root = project.layerTreeRoot()
    out = []
    for node in root.findLayers():
        parent = node.parent()
        while parent is not None and parent.parent() is not None and parent.parent() is not root:
            parent = parent.parent()
        top = parent.name() if parent is not None and parent is not root else ""
        if node.isVisible() and (groups is None or top in groups):
            out.append(node.layer())
    return out


def render_map(project: QgsProject, job: dict) -> None:
    ms = QgsMapSettings()
    ms.setLayers(visible_layers(project, job.get("groups")))
    ms.setDestinationCrs(project.crs())
    ms.setExtent(QgsRectangle(*job["bbox"]))
    ms.setOutputSize(QSize(job.get("width", 800), job.get("height", 500)))
    ms.setOutputDpi(96)
    ms.setBackgroundColor(QColor(255, 255, 255))
    r = QgsMapRendererSequentialJob(ms)
    r.start()
    r.waitForFinished()
    r.renderedImage().save(job["out"], "PNG")


def render_legend(project: QgsProject, job: dict) -> None:
    root = QgsLayerTree()
    for node in project.layerTreeRoot().children():
        if node.itemVisibilityChecked():
            root.addChildNode(node.clone())
    model = QgsLayerTreeModel(root)
    settings = QgsLegendSettings()
    settings.setTitle(project.title())
    legend = QgsLegendRenderer(model, settings)
    size = legend.minimumSize()
    dpmm = 96 / 25.4
    img = QImage(int(size.width() * dpmm) + 2, int(size.height() * dpmm) + 2, QImage.Format_ARGB32)
    img.fill(QColor(255, 255, 255))
    painter = QPainter(img)
    painter.setRenderHint(QPainter.Antialiasing)
    context = QgsRenderContext.fromQPainter(painter)
    context.setScaleFactor(dpmm)
    legend.drawLegend(context)
    painter.end()
    img.save(job["out"], "PNG")


def main(argv: list[str]) -> int:
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject.instance()
    if not project.read(argv[1]):
        print(f"cannot read {argv[1]}", file=sys.stderr)
        return 1
    for job in json.loads(Path(argv[2]).read_text(encoding="utf-8")):
        if job.get("legend"):
            render_legend(project, job)
        else:
            render_map(project, job)
        print("RENDERED " + job["out"], flush=True)
    return 0


if __name__ == "__main__":
    code = main(sys.argv)
    sys.stdout.flush()
    os._exit(code)  # QgsApplication.exitQgis() crashes headless on Debian 12's QGIS 3.22
