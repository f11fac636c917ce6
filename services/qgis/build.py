"""Build the planners' QGIS projects with PyQGIS (run by ``project.py`` under Debian's ``/usr/bin/python3``).

Usage: ``python3 build.py SPEC.json OUT_DIR [--images IMG_DIR]`` with ``QT_QPA_PLATFORM=offscreen``.
This file imports nothing of the project (the system Python has PyQGIS but not the project's virtual
environment); it reads the JSON written by ``spec.py`` and prints one line ``RESULT {json}``.

The web services need not be running while the project is written (the post-publish hook runs while the ETL
publishes, often before ``gdi serve`` starts): each OGC API layer is first built on a memory layer with the
collection's fields, so aliases, value maps, map tips, renderer and labels are configured and saved by QGIS
itself, and only then its data source in the written XML is switched to the ``OAPIF`` provider (field settings
are stored by field name, so they apply to the OGC API layer when QGIS opens the file). The WMS layers are
written as they are; a WMS that cannot be reached now is simply asked again when the planner opens the file.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from qgis.core import (
    Qgis,
    QgsAbstractMetadataBase,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsEditorWidgetSetup,
    QgsFillSymbol,
    QgsLayerMetadata,
    QgsLineSymbol,
    QgsMapUnitScale,
    QgsMarkerSymbol,
    QgsNetworkAccessManager,
    QgsPalLayerSettings,
    QgsProject,
    QgsProperty,
    QgsRasterLayer,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsRuleBasedRenderer,
    QgsSimpleFillSymbolLayer,
    QgsSimpleLineSymbolLayer,
    QgsSimpleMarkerSymbolLayer,
    QgsSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QDateTime, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

MM_PER_PX = 25.4 / 96
OAPIF_CRS = "EPSG:4326"
GEOMETRY = {"point": "Point", "line": "LineString", "polygon": "Polygon"}
GROUP_ORDER = ("SD", "BU", "AM", "LU")  # top to bottom: points over buildings over areas, as on the city map
WMS_GROUP = "Kartendienst (WMS) – Rasteralternative"
TILES_GROUP = "3D-Stadtmodell (3D Tiles)"


def color(c: list[int] | None) -> QColor:
    return QColor(*c) if c else QColor(0, 0, 0, 0)


def _unit(name: str) -> Any:
    return QgsUnitTypes.RenderMapUnits if name == "MapUnit" else QgsUnitTypes.RenderPixels


def _unit_scale(size: dict[str, Any]) -> QgsMapUnitScale:
    s = QgsMapUnitScale()
    if size.get("min_px") is not None:
        s.minSizeMMEnabled, s.minSizeMM = True, size["min_px"] * MM_PER_PX
    if size.get("max_px") is not None:
        s.maxSizeMMEnabled, s.maxSizeMM = True, size["max_px"] * MM_PER_PX
    return s


def _stroke(sl: Any, spec: dict[str, Any]) -> None:
    """The outline of a marker or fill symbol layer (both have the same stroke setters); none without one."""
    if spec.get("stroke"):
        sl.setStrokeColor(color(spec["stroke"]))
        w = spec["stroke_width"]
        sl.setStrokeWidth(w["value"])
        sl.setStrokeWidthUnit(_unit(w["unit"]))
        sl.setStrokeWidthMapUnitScale(_unit_scale(w))
    else:
        sl.setStrokeStyle(Qt.NoPen)


def symbol_layer(spec: dict[str, Any]) -> Any:
    kind = spec["type"]
    if kind == "marker":
        sl = QgsSimpleMarkerSymbolLayer(Qgis.MarkerShape.Circle if hasattr(Qgis, "MarkerShape")
                                        else QgsSimpleMarkerSymbolLayer.Circle)
        sl.setColor(color(spec["fill"]))
        size = spec["size"]
        sl.setSize(size["value"])
        sl.setSizeUnit(_unit(size["unit"]))
        sl.setSizeMapUnitScale(_unit_scale(size))
        if size.get("field"):
            sl.setDataDefinedProperty(QgsSymbolLayer.PropertySize,
                                      QgsProperty.fromExpression(f'coalesce("{size["field"]}", 0)'))
        _stroke(sl, spec)
    elif kind == "line":
        sl = QgsSimpleLineSymbolLayer(color(spec["color"]), spec["width"]["value"])
        sl.setWidthUnit(_unit(spec["width"]["unit"]))
        sl.setWidthMapUnitScale(_unit_scale(spec["width"]))
    else:
        sl = QgsSimpleFillSymbolLayer()
        if spec.get("fill"):
            sl.setFillColor(color(spec["fill"]))
        else:
            sl.setBrushStyle(Qt.NoBrush)
        _stroke(sl, spec)
    return sl


def make_symbol(kind: str, layers: list[dict[str, Any]]) -> Any:
    sym = {"point": QgsMarkerSymbol, "line": QgsLineSymbol}.get(kind, QgsFillSymbol)()
    sym.deleteSymbolLayer(0)
    for sl in layers:
        sym.appendSymbolLayer(symbol_layer(sl))
    return sym


def _scaled(rule: Any, min_scale: int | None, max_scale: int | None) -> Any:
    """MapServer MAXSCALEDENOM (visible below) is QGIS's "minimum scale" (most zoomed out) and vice versa."""
    if max_scale:
        rule.setMinimumScale(max_scale)
    if min_scale:
        rule.setMaximumScale(min_scale)
    return rule


def renderer(style: dict[str, Any]) -> QgsRuleBasedRenderer:
    """One rule per WMS class; a STYLE with its own scale range (building outlines only from 1:15,000 on)
    becomes a child rule of its class with that range."""
    root = QgsRuleBasedRenderer.Rule(None)
    kind = style["kind"]
    for r in style["rules"]:
        plain = [s for s in r["symbols"] if not (s.get("min_scale") or s.get("max_scale"))]
        rule = _scaled(QgsRuleBasedRenderer.Rule(make_symbol(kind, plain) if plain else None, 0, 0,
                                                 r["filter"] or "", r["label"]), r.get("min_scale"), r.get("max_scale"))
        for s in r["symbols"]:
            if s in plain:
                continue
            band = "ab 1:{:,}".format(s["max_scale"]).replace(",", ".") if s.get("max_scale") else "bis 1:{:,}".format(
                s["min_scale"]).replace(",", ".")
            rule.appendChild(_scaled(QgsRuleBasedRenderer.Rule(make_symbol(kind, [s]), 0, 0, "",
                                                               f"{r['label']} ({band})"),
                                     s.get("min_scale"), s.get("max_scale")))
        root.appendChild(rule)
    return QgsRuleBasedRenderer(root)


def labeling(spec: dict[str, Any]) -> QgsVectorLayerSimpleLabeling:
    s = QgsPalLayerSettings()
    s.fieldName = spec["field"]
    s.scaleVisibility = True
    s.minimumScale = spec["max_scale"]
    s.maximumScale = 0
    fmt = QgsTextFormat()
    fmt.setSize(spec["size_px"])
    fmt.setSizeUnit(QgsUnitTypes.RenderPixels)
    fmt.setColor(color(spec["color"]))
    buf = QgsTextBufferSettings()
    buf.setEnabled(True)
    buf.setSize(spec["buffer_px"])
    buf.setSizeUnit(QgsUnitTypes.RenderPixels)
    buf.setColor(color(spec["buffer_color"]))
    fmt.setBuffer(buf)
    s.setFormat(fmt)
    return QgsVectorLayerSimpleLabeling(s)


def contact(c: dict[str, Any]) -> Any:
    out = QgsAbstractMetadataBase.Contact(c["organization"])
    out.organization, out.email, out.voice, out.role = c["organization"], c["email"], c.get("voice", ""), c["role"]
    addr = QgsAbstractMetadataBase.Address()
    addr.type, addr.address, addr.city = "postal", c.get("address", ""), c.get("city", "")
    addr.postalCode, addr.country = c.get("postcode", ""), c.get("country", "")
    out.addresses = [addr]
    return out


def links(items: list[dict[str, str]]) -> list[Any]:
    return [QgsAbstractMetadataBase.Link(i["name"], i["type"], i["url"]) for i in items]


def layer_metadata(md: dict[str, Any], crs: QgsCoordinateReferenceSystem) -> QgsLayerMetadata:
    m = QgsLayerMetadata()
    m.setIdentifier(md["identifier"])
    m.setTitle(md["title"])
    m.setAbstract(md["abstract"])
    m.setLanguage(md["language"])
    m.setType("dataset")
    m.setKeywords({"GDI Hildesheim": md["keywords"]})
    m.setContacts([contact(md["contact"])])
    m.setLicenses([md["licence"]])
    m.setRights(md["rights"])
    m.setLinks(links(md["links"]))
    m.setCrs(crs)
    return m


def oapif_uri(base: str, typename: str, authcfg: str | None) -> str:
    uri = QgsDataSourceUri()
    uri.setParam("url", base)
    uri.setParam("typename", typename)
    uri.setParam("restrictToRequestBBOX", "1")
    if authcfg:
        uri.setAuthConfigId(authcfg)
    return uri.uri(False).strip()


def wms_uri(base: str, layer: str, style: str, authcfg: str | None) -> str:
    """A WMS layer's source. QGIS caches a WMS's capabilities by URL: an authenticated layer gets a URL of its
    own (``?zugang=intern``, ignored by the service), or the public capabilities fetched for the other layers
    of the same project would be used for it and would not list the restricted layer."""
    uri = QgsDataSourceUri()
    url = f"{base}?zugang=intern" if authcfg else base
    for k, v in (("url", url), ("layers", layer), ("styles", style), ("format", "image/png"),
                 ("crs", "EPSG:25832"), ("dpiMode", "7"), ("contextualWMSLegend", "0")):
        uri.setParam(k, v)
    if authcfg:
        uri.setAuthConfigId(authcfg)
    return bytes(uri.encodedUri()).decode()


def vector_layer(spec: dict[str, Any], lay: dict[str, Any], crs: QgsCoordinateReferenceSystem
                 ) -> tuple[QgsVectorLayer, str]:
    """The layer built on a memory template, and its real (OAPIF) data source."""
    fields = "".join(f"&field={name}:{'integer' if t == 'int8' else t}" for name, t in lay["fields"]
                     if name not in ("fid", "id"))
    # the CRS QGIS's OAPIF provider delivers features in (CRS84); a project keeps each layer's CRS and would
    # otherwise read those coordinates as EPSG:25832. The project CRS (EPSG:25832) reprojects on the fly.
    template = QgsVectorLayer(f"{GEOMETRY[lay['kind']]}?crs={OAPIF_CRS}&field=id:string{fields}", lay["name"],
                              "memory")
    if not template.isValid():
        raise RuntimeError(f"cannot build the template layer of {lay['id']}")
    for name, alias in lay["aliases"].items():
        idx = template.fields().indexOf(name)
        if idx >= 0:
            template.setFieldAlias(idx, alias)
    for name, pairs in lay["value_maps"].items():
        idx = template.fields().indexOf(name)
        if idx >= 0:
            template.setEditorWidgetSetup(idx, QgsEditorWidgetSetup(
                "ValueMap", {"map": [{label: value} for value, label in pairs]}))
    if lay.get("display_expression"):
        template.setDisplayExpression(lay["display_expression"])
    template.setMapTipTemplate(lay["map_tip"])
    style = lay["style"]
    template.setRenderer(renderer(style))
    if style.get("labels"):
        template.setLabeling(labeling(style["labels"]))
        template.setLabelsEnabled(True)
    if style.get("layer_max_scale"):
        template.setScaleBasedVisibility(True)
        template.setMinimumScale(style["layer_max_scale"])
    md = lay["metadata"]
    template.setMetadata(layer_metadata(md, crs))  # the data's CRS as published (EPSG:25832)
    template.setAttribution(md["attribution"])
    template.setAttributionUrl(md["attribution_url"])
    template.setShortName(lay["id"])
    # what the layer stands for, for scripts and the tests (which WMS layer it mirrors, which collection)
    for key in ("dataset", "typename", "wms_layer", "restricted"):
        template.setCustomProperty(f"gdi/{key}", lay[key])
    return template, oapif_uri(spec["ogc_url"], lay["typename"], spec["authcfg"] if lay["restricted"] else None)


def overview_layer(project: QgsProject, spec: dict[str, Any], lay: dict[str, Any],
                   crs: QgsCoordinateReferenceSystem) -> QgsRasterLayer:
    """The WMS density grid of a large point layer (``spec._overview_spec``), shown where the vector layer is
    not: beyond the point style's scale."""
    ov = lay["overview"]
    r = QgsRasterLayer(wms_uri(spec["wms_url"], ov["wms_layer"], spec["wms_style"],
                               spec["authcfg"] if lay["restricted"] else None), ov["name"], "wms")
    r.setScaleBasedVisibility(True)
    r.setMinimumScale(ov["max_scale"])   # QGIS: the most zoomed-out scale
    r.setMaximumScale(ov["min_scale"])   # the most zoomed-in one: from here on the vector layer draws
    r.setMetadata(layer_metadata(lay["metadata"], crs))
    r.setCustomProperty("gdi/wms_layer", ov["wms_layer"])
    r.setCustomProperty("gdi/restricted", lay["restricted"])
    r.setCustomProperty("gdi/overview_of", lay["typename"])
    project.addMapLayer(r, False)
    return r


def project_metadata(project: QgsProject, spec: dict[str, Any]) -> None:
    m = project.metadata()
    m.setTitle(spec["title"])
    m.setAbstract(spec["abstract"] + "\n\nLizenzen: " + "; ".join(spec["licences"]) + "\n" + "\n".join(spec["rights"]))
    m.setAuthor(spec["author"])
    m.setLanguage("ger")
    m.setType("project")
    m.setContacts([contact(c) for c in spec["contacts"]])
    m.setLinks(links(spec["links"]))
    m.setKeywords({"GDI Hildesheim": ["INSPIRE", "Hildesheim", "Planung", "OGC API Features", "WMS"],
                   "Lizenz": spec["licences"]})
    m.setCreationDateTime(QDateTime.fromString(spec["created"], Qt.ISODate))
    project.setMetadata(m)
    project.setTitle(spec["title"])


def build_project(spec: dict[str, Any], variant: dict[str, Any]) -> tuple[QgsProject, dict[str, tuple[str, str]],
                                                                        list[str]]:
    """The project of one variant, the real data source of every template layer, and notes."""
    project = QgsProject()
    crs = QgsCoordinateReferenceSystem(spec["crs"])
    project.setCrs(crs)
    project.setEllipsoid("EPSG:7019")
    project_metadata(project, spec)
    rect = QgsRectangle(*spec["extent"])
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(rect, crs))
    project.viewSettings().setPresetFullExtent(QgsReferencedRectangle(rect, crs))
    root = project.layerTreeRoot()
    sources: dict[str, tuple[str, str]] = {}
    notes: list[str] = []
    groups: dict[str, Any] = {}
    ordered = sorted(variant["layers"], key=lambda lay: (
        next((i for i, c in enumerate(GROUP_ORDER) if lay["group"].endswith(f"({c})")), 99)))
    for lay in ordered:
        layer, source = vector_layer(spec, lay, crs)
        project.addMapLayer(layer, False)
        sources[layer.id()] = (source, "OAPIF")
        group = groups.get(lay["group"]) or groups.setdefault(lay["group"], root.addGroup(lay["group"]))
        if lay.get("subgroup"):
            key = f"{lay['group']}/{lay['subgroup']}"
            group = groups.get(key) or groups.setdefault(key, group.addGroup(lay["subgroup"]))
        group.addLayer(layer)
        if lay.get("overview"):
            group.addLayer(overview_layer(project, spec, lay, crs))
    wms_group = root.addGroup(WMS_GROUP)
    done = set()
    for lay in ordered:
        name = lay["wms_layer"].rsplit(".", 1)[0] if lay.get("subgroup") else lay["wms_layer"]
        if name in done:
            continue
        done.add(name)
        title = lay["subgroup"] or lay["name"]
        r = QgsRasterLayer(wms_uri(spec["wms_url"], name, spec["wms_style"],
                                   spec["authcfg"] if lay["restricted"] else None), f"{title} (WMS)", "wms")
        r.setMetadata(layer_metadata(lay["metadata"], crs))
        r.setCustomProperty("gdi/wms_layer", name)
        r.setCustomProperty("gdi/restricted", lay["restricted"])
        project.addMapLayer(r, False)
        wms_group.addLayer(r)
    wms_group.setItemVisibilityCheckedRecursive(False)
    wms_group.setExpanded(False)
    tiled = getattr(sys.modules["qgis.core"], "QgsTiledSceneLayer", None)
    if spec["tilesets"] and tiled is not None:  # QGIS >= 3.34
        tiles_group = root.addGroup(TILES_GROUP)
        for ts in spec["tilesets"]:
            t = tiled(f"url={ts['url']}", ts["name"], "cesiumtiles")
            project.addMapLayer(t, False)
            tiles_group.addLayer(t)
    elif spec["tilesets"]:
        notes.append(f"QGIS {Qgis.QGIS_VERSION} has no 3D Tiles layer (QGIS >= 3.34): 3D city model not added")
    return project, sources, notes


def write_qgz(project: QgsProject, sources: dict[str, tuple[str, str]], out: Path) -> None:
    """Write ``out`` (.qgz) with the template layers' data sources switched to their real ones; no memory
    layer, local path or credential of the machine that built it stays in the file."""
    with tempfile.TemporaryDirectory(prefix="gdi-qgis-") as tmp:
        qgs = Path(tmp) / (out.stem + ".qgs")
        if not project.write(str(qgs)):
            raise RuntimeError(f"QGIS could not write {qgs}: {project.error()}")
        doc = QDomDocument()
        ok = doc.setContent(qgs.read_bytes())
        if not (ok[0] if isinstance(ok, tuple) else ok):
            raise RuntimeError(f"QGIS wrote an unreadable project file {qgs}")
        layers = doc.elementsByTagName("maplayer")
        for i in range(layers.count()):
            el = layers.at(i).toElement()
            lid = el.firstChildElement("id").text()
            if lid not in sources:
                continue
            src, provider = sources[lid]
            _set_text(doc, el.firstChildElement("datasource"), src)
            prov = el.firstChildElement("provider")
            _set_text(doc, prov, provider)
            prov.setAttribute("encoding", "UTF-8")
        tree = doc.elementsByTagName("layer-tree-layer")
        for i in range(tree.count()):
            el = tree.at(i).toElement()
            if el.attribute("id") in sources:
                src, provider = sources[el.attribute("id")]
                el.setAttribute("source", src)
                el.setAttribute("providerKey", provider)
        text = doc.toString(1)
        if "memory?" in text.lower() or ">memory<" in text:
            raise RuntimeError("a template layer's data source was left in the project")
        qgs.write_text(text, encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        part = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as z:
            z.write(qgs, qgs.name)
        os.replace(part, out)


def _set_text(doc: QDomDocument, el: Any, text: str) -> None:
    while el.hasChildNodes():
        el.removeChild(el.firstChild())
    el.appendChild(doc.createTextNode(text))


def main(argv: list[str]) -> int:
    spec = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    out_dir = Path(argv[2])
    app = QgsApplication([], False)
    app.initQgis()
    QgsNetworkAccessManager.instance().setTimeout(5000)  # an unreachable WMS must not stall a publication
    result: dict[str, Any] = {"qgis": Qgis.QGIS_VERSION, "files": {}, "notes": []}
    for kind, variant in spec["variants"].items():
        project, sources, notes = build_project(spec, variant)
        out = out_dir / variant["file"]
        write_qgz(project, sources, out)
        result["files"][kind] = str(out)
        result["notes"] = sorted(set(result["notes"]) | set(notes))
        project.clear()
    print("RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    code = main(sys.argv)
    sys.stdout.flush()
    os._exit(code)  # QgsApplication.exitQgis() crashes headless on Debian 12's QGIS 3.22
