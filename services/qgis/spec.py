"""What the planners' QGIS project holds, collected from the registry and the current publications.

The result is a JSON-able dict (:func:`project_spec`) that ``build.py`` turns into a ``.qgz`` with PyQGIS in
Debian's system Python. The layers are exactly the WMS layers (``services.wms.mapfile.collect_layers``), so the
project, the city's map and its restricted/public split never disagree: each becomes an OGC API – Features
layer of the collection the WMS draws (the source view where the WMS style needs its attributes: crown
diameters, ALKIS building functions), styled by ``cartography.py`` from the same classes. A collection of mixed
geometries (PLU supplementary regulations) becomes one layer per geometry type (the OGC API's ``_points``,
``_lines``, ``_areas`` collections; QGIS types an OAPIF layer by its first features).
"""
from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from core import alkis
from core.config import Dataset, Settings
from core.store import LayerRef
from metadata.ids import dataset_record_id, get_record_by_id_url
from services.wms import mapfile, styles

from . import cartography

LOGGER = logging.getLogger(__name__)

PROJECT_CRS = "EPSG:25832"
HILDESHEIM_EXTENT = mapfile.DEFAULT_EXTENT
AUTHCFG_ID = "gdihild"  # QGIS authentication configuration ids are 7 characters [a-z0-9]
PUBLIC_FILE = "hildesheim.qgz"
STAFF_FILE = "hildesheim-intern.qgz"
# INSPIRE themes (German names of the INSPIRE Directive, Annex I-III); PLU and ELU are both "Land use"
THEMES: dict[str, tuple[str, str]] = {
    "sd": ("SD", "Verteilung der Arten"),
    "lu": ("LU", "Bodennutzung"), "elu": ("LU", "Bodennutzung"), "plu": ("LU", "Bodennutzung"),
    "am": ("AM", "Bewirtschaftungsgebiete, Schutzgebiete, geregelte Gebiete und Berichterstattungseinheiten"),
    "bu": ("BU", "Gebäude"),
}
EXTRA_LABELS = {"id": "Objekt-ID (OGC API)", "fid": "Objekt-ID"}
PART_SUFFIX = {"flaechen": ("areas", "Flächen"), "linien": ("lines", "Linien"), "punkte": ("points", "Punkte")}
CODE_TABLES: dict[str, dict[int, str]] = {"function_code": alkis.GEBAEUDEFUNKTION, "roof_form": alkis.DACHFORM}
MAX_VALUE_MAP = 500       # a value map is a pick list: beyond this it is no help
TIP_FIELDS = 10           # rows in a map tip
HIDDEN_IN_TIPS = {"id", "fid", "inspireId", "beginLifespanVersion"}


def theme_group(theme: str) -> str:
    code, name = THEMES.get(theme.lower(), (theme.upper(), theme.upper()))
    return f"{name} ({code})"


def _fields(ref: LayerRef) -> list[tuple[str, str]]:
    """``(name, QGIS memory-provider type)`` of the collection's attributes, read with GDAL."""
    from osgeo import ogr
    ogr.UseExceptions()
    ds = ogr.Open(ref.ogr_source)
    lyr = ds.GetLayerByName(ref.table) if ds else None
    if lyr is None:
        return []
    defn = lyr.GetLayerDefn()
    types = {ogr.OFTInteger: "integer", ogr.OFTInteger64: "int8", ogr.OFTReal: "double",
             ogr.OFTDate: "date", ogr.OFTDateTime: "datetime"}
    return [(f.GetName(), types.get(f.GetType(), "string"))
            for f in (defn.GetFieldDefn(i) for i in range(defn.GetFieldCount()))]


def _distinct_pairs(ref: LayerRef, code: str, label: str) -> dict[str, str]:
    """``{code: label}`` as published (the ETL wrote the label from the code list beside the code)."""
    from osgeo import ogr
    ds = ogr.Open(ref.ogr_source)
    if ref.kind == "postgis":
        table = f"{mapfile.pg_ident(ref.schema or 'public')}.{mapfile.pg_ident(ref.table)}"
        res = ds.ExecuteSQL(f'SELECT DISTINCT "{code}" AS c, "{label}" AS l FROM {table} LIMIT {MAX_VALUE_MAP + 1}')
    else:
        res = ds.ExecuteSQL(f'SELECT DISTINCT "{code}" AS c, "{label}" AS l FROM "{ref.table}" '
                            f"LIMIT {MAX_VALUE_MAP + 1}", dialect="SQLite")
    try:
        out = {}
        for f in res:
            c, lab = f.GetField("c"), f.GetField("l")
            if c is not None and lab:
                out[_code_text(c)] = str(lab)
        return out
    finally:
        ds.ReleaseResultSet(res)


def _code_text(v: Any) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def value_maps(ref: LayerRef, columns: list[str]) -> dict[str, list[list[str]]]:
    """QGIS value maps (``[[stored value, German label], …]``) for coded columns: every ``X`` published with a
    ``X_label`` column (building function, roof form, contamination status) and the ALKIS code lists of
    ``core.alkis``, so a planner editing a copy picks "Walmdach", not 3200."""
    out: dict[str, list[list[str]]] = {}
    cols = set(columns)
    for col in columns:
        pairs: dict[str, str] = {}
        if col in CODE_TABLES:
            pairs.update({str(k): v for k, v in CODE_TABLES[col].items()})
        label_col = next((c for c in (f"{col}_label", col.replace("_code", "_label")) if c != col and c in cols),
                         None)
        if label_col:
            try:
                pairs.update(_distinct_pairs(ref, col, label_col))
            except RuntimeError as exc:  # a damaged publication: the layer stays, without a value map
                LOGGER.warning("QGIS project: no value map for %s/%s: %s", ref.table, col, exc)
        if pairs and len(pairs) <= MAX_VALUE_MAP:
            out[col] = [[k, v] for k, v in sorted(pairs.items(), key=lambda kv: kv[1])]
    return out


def map_tip(title: str, label_item: str | None, columns: list[str]) -> str:
    """An HTML map tip: the label (or the dataset title) as heading, then German names and values (coded
    values through their value map, ``represent_value``)."""
    head = f'[% "{label_item}" %]' if label_item else title
    rows = "".join(f'<tr><th align="left">{styles.label_for(c)}</th><td>[% represent_value("{c}") %]</td></tr>'
                   for c in [c for c in columns if c not in HIDDEN_IN_TIPS][:TIP_FIELDS])
    return (f'<div style="font-family:sans-serif;font-size:9pt"><b>{head}</b><br/><i>{title}</i>'
            f"<table>{rows}</table></div>")


def _metadata(ds: Dataset, settings: Settings) -> dict[str, Any]:
    base = settings.service.public_url.rstrip("/")
    c = ds.contact
    return {
        "identifier": ds.inspire.namespace, "title": ds.title.de, "abstract": ds.abstract.de,
        "keywords": [ds.inspire.feature_type, *ds.keywords], "language": "ger",
        "contact": {"organization": c.organisation, "email": c.email, "voice": c.phone or "", "role": "pointOfContact",
                    "address": c.address or "", "city": c.city or "", "postcode": c.postcode or "",
                    "country": c.country},
        "licence": ds.licence.name, "rights": [f"Quellenvermerk: {ds.licence.attribution}"],
        "attribution": ds.licence.attribution, "attribution_url": ds.licence.url,
        "links": [
            {"name": "Lizenz", "type": "WWW:LINK", "url": f"{base}/download/licence/{ds.licence.id}"},
            {"name": "Metadaten (ISO 19139, CSW)", "type": "OGC:CSW",
             "url": get_record_by_id_url(base, dataset_record_id(ds.id))},
            {"name": "Download (GeoPackage)", "type": "WWW:DOWNLOAD", "url": f"{base}/download/{ds.id}/{ds.id}.gpkg"},
        ],
    }


def _collection_id(manifest: dict[str, Any], table: str) -> str | None:
    return next((c["id"] for c in manifest.get("collections", []) if c.get("layer") == table), None)


def _layer_specs(wl: mapfile.WmsLayer, settings: Settings) -> list[dict[str, Any]]:
    """The QGIS layer(s) of one WMS layer: one, or one per geometry type of a mixed collection."""
    ds = wl.dataset
    coll = _collection_id(wl.manifest, wl.table)
    if coll is None:
        LOGGER.warning("QGIS project: WMS layer %s draws %s, which is no collection of %s; left out",
                       wl.name, wl.table, ds.id)
        return []
    try:
        fields = _fields(wl.ref)
    except RuntimeError as exc:
        LOGGER.error("QGIS project: cannot read %s/%s: %s", ds.id, wl.table, exc)
        fields = []
    cols = [n for n, _ in fields]
    bbox = wl.manifest.get("bbox_25832") or list(HILDESHEIM_EXTENT)
    parts: list[tuple[str, str, str | None, str | None, styles.ThemeStyle]] = []
    if mapfile._is_mixed(wl.geometry):
        types = mapfile._geometry_types(wl.ref)
        for suffix, kind, names in mapfile.MIXED_PARTS:
            if any(t in types for t in names):
                oapi_suffix, de = PART_SUFFIX[suffix]
                parts.append((kind, f"{coll}_{oapi_suffix}", f"{wl.name}.{suffix}", de,
                              styles.part_style(wl.style, kind)))
        if len(parts) == 1:  # one kind only: /ogc serves the whole collection (no ``_areas`` etc.)
            kind, _typename, _wms, _title, st = parts[0]
            parts = [(kind, coll, wl.name, None, st)]
    else:
        parts.append((mapfile._geom_keyword(wl.geometry), coll, wl.name, None, wl.style))
    out = []
    vmaps = value_maps(wl.ref, cols)
    aliases = {c: EXTRA_LABELS.get(c) or styles.label_for(c) for c in ["id", *cols]}
    for kind, typename, wms_name, part_title, st in parts:
        # a layer with a density overview shows its features up to the style's scale only (beyond, QGIS would
        # fetch every one of them through OGC API); the overview is the WMS's, shown beside it
        layer_max = st.maxscale if wl.overview is not None else mapfile.extent_scale(bbox, st.maxscale)
        title = ds.title.de if part_title is None else f"{ds.title.de} – {part_title}"
        out.append({
            "id": typename, "dataset": ds.id, "name": title, "kind": kind,
            "group": theme_group(ds.inspire.theme), "subgroup": ds.title.de if part_title else None,
            "restricted": wl.restricted, "typename": typename, "wms_layer": wms_name,
            "fields": fields, "aliases": aliases, "value_maps": vmaps,
            "display_expression": f'"{wl.style.label_item}"' if wl.style.label_item else (
                '"localId"' if "localId" in cols else '"key"' if "key" in cols else None),
            "map_tip": map_tip(ds.title.de, wl.style.label_item, cols),
            "style": cartography.renderer_spec(st, kind, layer_max),
            "metadata": _metadata(ds, settings),
            "overview": _overview_spec(wl) if wl.overview is not None else None,
        })
    return out


def _overview_spec(wl: mapfile.WmsLayer) -> dict[str, Any]:
    """The WMS layer of the density grid (``services.wms.overview``) as a QGIS raster layer beside the vector
    layer, visible in the scale range where the WMS draws it (QGIS denominators, see ``cartography``)."""
    from services.wms.overview import grid_maxscale, grid_name
    noun = styles.overview_nouns(wl.dataset.inspire.theme)[0]
    return {"wms_layer": grid_name(wl.name), "name": f"{wl.dataset.title.de} – {noun} je Hektar (Übersicht)",
            "min_scale": cartography.qgis_scale(wl.style.maxscale),
            "max_scale": cartography.qgis_scale(grid_maxscale(wl.manifest))}


def _tilesets(settings: Settings) -> list[dict[str, str]]:
    """The city model (``/3dtiles``): the ``buildings`` tileset, else every buildings tileset."""
    from services.tiles.app import list_tilesets
    base = settings.service.public_url.rstrip("/")
    sets = [t for t in list_tilesets(settings.var_dir / "3dtiles") if t["kind"] == "buildings"]
    main = [t for t in sets if t["id"] == "buildings"] or sets
    return [{"name": f"3D-Stadtmodell – {t['name']}", "url": f"{base}/3dtiles/{t['url']}"} for t in main]


def project_spec(settings: Settings) -> dict[str, Any]:
    """Both variants (public, staff) of the planners' project, as ``build.py`` reads it."""
    base = settings.service.public_url.rstrip("/")
    variants: dict[str, Any] = {}
    datasets: dict[str, Dataset] = {}
    for kind, file in (("public", PUBLIC_FILE), ("staff", STAFF_FILE)):
        layers: list[dict[str, Any]] = []
        for wl in mapfile.collect_layers(settings, staff=kind == "staff"):
            if kind == "public" and wl.restricted:  # collect_layers already leaves them out; a second guard
                continue
            datasets.setdefault(wl.dataset.id, wl.dataset)
            layers.extend(_layer_specs(wl, settings))
        variants[kind] = {"file": file, "layers": layers, "staff": kind == "staff"}
    public_ids = {lay["dataset"] for lay in variants["public"]["layers"]}
    contacts = {(d.contact.organisation, d.contact.email): _metadata(d, settings)["contact"]
                for d in datasets.values() if d.id in public_ids}
    licences = sorted({d.licence.name for d in datasets.values() if d.id in public_ids})
    titles = ", ".join(sorted({d.title.de for d in datasets.values() if d.id in public_ids}))
    return {
        "crs": PROJECT_CRS, "extent": list(HILDESHEIM_EXTENT), "authcfg": AUTHCFG_ID,
        "ogc_url": f"{base}/ogc", "wms_url": f"{base}/wms",
        "wms_style": styles.STYLE_NAME, "tilesets": _tilesets(settings),
        "title": "GDI Hildesheim – Geodaten für die Planung",
        "abstract": ("QGIS-Projekt der Stadt Hildesheim, erzeugt aus dem Datensatzregister nach jeder "
                     "Veröffentlichung: jeder öffentliche Datensatz als Vektorlayer des OGC-API-Features-Dienstes "
                     "(Auswählen, Filtern, Kopien bearbeiten), gestaltet wie der Stadtplan (WMS), mit deutschen "
                     f"Feldnamen. Datensätze: {titles}."),
        "author": "Stadt Hildesheim, Geodatenmanagement",
        "contacts": list(contacts.values()),
        "licences": licences,
        "rights": sorted({f"Quellenvermerk: {d.licence.attribution}" for d in datasets.values()
                          if d.id in public_ids}),
        "links": [{"name": "GDI Hildesheim", "type": "WWW:LINK", "url": f"{base}/"},
                  {"name": "OGC API – Features", "type": "OGC:API-Features", "url": f"{base}/ogc"},
                  {"name": "WMS", "type": "OGC:WMS", "url": f"{base}/wms?SERVICE=WMS&REQUEST=GetCapabilities"},
                  {"name": "Download", "type": "WWW:LINK", "url": f"{base}/download/"}],
        "created": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S"),
        "variants": variants,
    }
