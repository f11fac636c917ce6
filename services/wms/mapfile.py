"""MapServer mapfiles generated from the dataset registry and the current publications (mappyfile).

Never edited by hand: every ETL run (POST_PUBLISH hook ``write_mapfile``) rewrites
``<var>/wms/public.map`` and ``<var>/wms/staff.map`` plus the feature-info templates. Restricted datasets
appear only in the staff mapfile, so the public WMS does not know they exist. Layers read the published
GeoPackages through the ``current`` symlink, so a new publication is visible at once; the app also
reloads a mapfile when its mtime changes.

One WMS layer per INSPIRE view collection, named by ``dataset.inspire.layer_name`` (or, when a dataset
publishes several INSPIRE views, ``<THEME>.<FeatureType>``); the style comes from ``styles.py`` by theme.

Where a layer reads its features from is the store's answer (:meth:`core.store.Store.layer`, one
:class:`~core.store.LayerRef` per collection): the GeoPackage of the current version (``CONNECTIONTYPE OGR``)
or, with the PostGIS store, the table in the schema ``ds_<dataset>`` (``CONNECTIONTYPE POSTGIS``; the schema is
renamed on every publication, so the name in the mapfile stays valid). Geometry type and columns are read with
GDAL from ``LayerRef.ogr_source`` in both cases; everything else (styles, feature info, names) is the same.
"""
from __future__ import annotations

import html
import json
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mappyfile

from core.config import Dataset, Settings, load_registry
from core.publication import history, published_datasets
from core.store import LayerRef, get_store
from metadata.ids import dataset_record_id, get_record_by_id_url, service_record_id

from . import stadtplan, styles

LOGGER = logging.getLogger(__name__)

SRS = "EPSG:25832 EPSG:25833 EPSG:4258 EPSG:4326 EPSG:3857 CRS:84"
MAXSIZE = int(os.environ.get("GDI_WMS_MAXSIZE", "4096"))
DEFAULT_EXTENT = (556_000.0, 5_770_000.0, 572_000.0, 5_786_000.0)  # Hildesheim, EPSG:25832
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
GFI_FORMATS = "text/html,application/json,application/vnd.ogc.gml,text/plain"
MAP_NAME = "gdi_hildesheim"  # also the name of the WMS root layer (all layers, in the map's order)
POSTGIS_SRID = 25832  # the PostGIS store keeps every geometry in EPSG:25832
SERVICE_TITLE = {"ger": "GDI Hildesheim – INSPIRE-Darstellungsdienst (WMS)",
                 "eng": "GDI Hildesheim – INSPIRE view service (WMS)"}
SERVICE_ABSTRACT = {
    "ger": "Darstellungsdienst der Stadt Hildesheim für ihre INSPIRE-Geodatensätze (Baumkataster, "
           "Flächennutzung, Altlasten, Gebäude, Bebauungspläne) nach INSPIRE TG View Services.",
    "eng": "View service of the City of Hildesheim for its INSPIRE spatial data sets (trees, land use, "
           "contaminated sites, buildings, zoning plans) per the INSPIRE TG for view services."}


@dataclass
class WmsLayer:
    """One WMS layer: which dataset, which published view, how it looks."""
    name: str
    dataset: Dataset
    manifest: dict[str, Any]
    ref: LayerRef
    geometry: str
    columns: list[str]
    style: styles.ThemeStyle
    restricted: bool = False
    extra: dict[str, Any] = field(default_factory=dict)
    # a point layer of many features: its density grid, drawn beyond the point style's scale (overview.py)
    overview: LayerRef | None = None

    @property
    def table(self) -> str:
        """The GeoPackage layer or PostGIS table the WMS layer draws (the INSPIRE or the source view)."""
        return self.ref.table

    @property
    def gpkg(self) -> Path | None:
        """The GeoPackage file of a layer read from the GeoPackage store (None for a PostGIS layer)."""
        return self.ref.path


def mapfile_paths(settings: Settings) -> dict[str, Path]:
    d = settings.var_dir / "wms"
    return {"public": d / "public.map", "staff": d / "staff.map", "templates": d / "templates",
            "state": d / "publications.json"}


def publication_state(settings: Settings) -> dict[str, str]:
    """``{dataset: target of its current symlink}`` — cheap enough (one readlink a dataset) to check
    on every request."""
    out: dict[str, str] = {}
    try:
        entries = list(os.scandir(settings.publish_dir))
    except FileNotFoundError:
        return out
    for e in entries:
        try:
            out[e.name] = os.readlink(os.path.join(e.path, "current"))
        except OSError:
            continue
    return out


def _ogr_info(ref: LayerRef) -> tuple[str, list[str]]:
    """Geometry type name and attribute columns of a collection (GeoPackage layer or PostGIS table; the
    feature id ``fid`` and the geometry column are no attributes in either)."""
    from osgeo import ogr
    ogr.UseExceptions()
    ds = ogr.Open(ref.ogr_source)
    lyr = ds.GetLayerByName(ref.table) if ds else None
    if lyr is None:
        return "unknown", []
    defn = lyr.GetLayerDefn()
    geom = ogr.GeometryTypeToName(lyr.GetGeomType())
    return geom, [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]


def _inspire_collections(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in manifest.get("collections", []) if c.get("view") == "inspire"]


def collect_layers(settings: Settings, *, staff: bool) -> list[WmsLayer]:
    """The WMS layers for the public or the staff mapfile, in a stable order."""
    reg = load_registry(settings.datasets_dir, check_plugins=False, publish_dir=settings.publish_dir)
    pubs = published_datasets(settings.publish_dir)
    store = get_store(settings)
    out: list[WmsLayer] = []
    used: set[str] = set()
    # layer names come from the registry (core.config.unique_names: the primary dataset of a feature type
    # keeps ``layer_name``, the others get ``<layer_name>.<dataset id>``; `gdi config validate` rejects
    # collisions). The suffix below is only a last guard for a registry that was not validated.
    def first_published(ds_id: str) -> tuple[str, str]:
        # "published" has whole seconds; the version id (microseconds) breaks ties within a second, so a
        # dataset published right after another one does not take over the other's layer name
        first = (history(settings.publish_dir, ds_id) or [pubs[ds_id]])[0]
        return str(first.get("published", "")), str(first.get("version", ""))
    order = sorted(pubs, key=lambda i: (reg[i].access == "restricted" if i in reg else True,
                                        first_published(i), i))
    from .overview import overview_ref
    for ds_id in order:
        ds, manifest = reg.get(ds_id), pubs[ds_id]
        if ds is None:
            continue
        restricted = ds.access == "restricted" or manifest.get("access") == "restricted"
        if restricted and not staff:
            continue
        insp = _inspire_collections(manifest)
        sources = [c for c in manifest.get("collections", []) if c.get("view") == "source"]
        for coll in insp:
            if coll.get("layer_name"):
                name = coll["layer_name"]
            elif len(insp) == 1:
                name = ds.wms_layer_name  # the registry's primary-dataset rule: unique by construction
            else:
                name = f"{ds.inspire.theme.upper()}.{coll.get('feature_type') or coll['layer']}"
            if name in used:
                name = f"{name}.{ds.id}"
            used.add(name)
            ref = store.layer(ds.id, coll["layer"])
            if ref is None:
                LOGGER.warning("WMS: %s/%s is published but the store has no such layer; left out of the map",
                               ds.id, coll["layer"])
                continue
            try:
                geom, cols = _ogr_info(ref)
            except RuntimeError as exc:  # a damaged publication: its layer stays, the WMS app answers 503 for it
                LOGGER.error("WMS: cannot read %s/%s: %s", ds.id, coll["layer"], exc)
                geom, cols = "unknown", []
            need = set(styles.preferred_columns(ds.inspire.theme))
            # the INSPIRE view lacks some drawing attributes (crown diameter, building function); the
            # source view of the same publication has them and the same features and geometries
            if need and not need <= set(cols) and not restricted_source(ds):
                for src in sources:
                    sref = store.layer(ds.id, src["layer"])
                    if sref is None:
                        continue
                    sgeom, scols = _ogr_info(sref)
                    if need <= set(scols):
                        ref, geom, cols = sref, sgeom, scols
                        break
            st = styles.with_label(styles.theme_style(ds.inspire.theme, geom, set(cols)), set(cols))
            out.append(WmsLayer(name=name, dataset=ds, manifest=manifest, ref=ref, geometry=geom, columns=cols,
                                style=st, restricted=restricted, overview=overview_ref(settings, store, ds,
                                                                                       manifest, geom)))
    return out


def restricted_source(ds: Dataset) -> bool:
    """Source views of public datasets are public too (they are in the public OGC API); the only
    case where drawing from the source view could reveal more than the public view holds would be
    a dataset flagged ``wms_inspire_view_only: true`` in its dataset.yml."""
    return ds.wms_inspire_view_only


def _geom_keyword(geometry: str) -> str:
    g = geometry.lower()
    if "point" in g:
        return "point"
    if "line" in g or "curve" in g:
        return "line"
    return "polygon"


def _write_templates(layer: WmsLayer, tdir: Path) -> dict[str, str]:
    tdir.mkdir(parents=True, exist_ok=True)
    title = html.escape(layer.dataset.title.de)
    rows = "".join(f'<tr><th>{html.escape(styles.label_for(c))}</th><td>[item name="{c}" escape="html"]'
                   f"</td></tr>" for c in layer.columns)
    files = {
        "header": f"<!-- MapServer Template -->\n<h2>{title}</h2>\n",
        "template": f'<!-- MapServer Template -->\n<table class="feature">{rows}</table>\n',
        "footer": "<!-- MapServer Template -->\n",
    }
    paths = {}
    for kind, text in files.items():
        p = tdir / f"{layer.name}.{kind}.html"
        p.write_text(text, encoding="utf-8")
        paths[kind] = str(p)
    return paths


def ms_string(value: str) -> str:
    """``value`` escaped for a double-quoted mapfile string (mappyfile adds the quotes but escapes nothing;
    MapServer's lexer reads ``\\"`` as ``"`` and ``\\\\`` as ``\\``)."""
    return value.replace("\\", "\\\\").replace('"', '\\"')


def pg_ident(name: str) -> str:
    """A quoted SQL identifier (dataset ids may hold ``-``, GeoPackage layer names capitals)."""
    return '"' + name.replace('"', '""') + '"'


def pg_data(ref: LayerRef, where: str | None = None) -> str:
    """MapServer's PostGIS ``DATA``: the geometry column, the schema-qualified table (or a sub-select of it),
    the unique key (feature ids for GetFeatureInfo) and the SRID (saves MapServer a lookup per request)."""
    if ref.schema is None:
        raise ValueError(f"PostGIS layer {ref.dataset}/{ref.table} has no schema")
    table = f"{pg_ident(ref.schema)}.{pg_ident(ref.table)}"
    if where is not None:
        table = f"(SELECT * FROM {table} WHERE {where}) AS sub"
    return f"geom from {table} using unique fid using srid={POSTGIS_SRID}"


def _source(ref: LayerRef, where: str | None = None) -> dict[str, Any]:
    """``CONNECTIONTYPE``, ``CONNECTION``, ``PROCESSING`` and ``DATA`` of a MapServer layer reading ``ref``
    (only its rows that meet the SQL condition ``where``, if given)."""
    if ref.kind == "postgis":
        # the schema ds_<dataset> always holds the current version (renamed in the publication's
        # transaction), so the connection stays valid across publications and MapServer keeps it open
        # between requests (CLOSE_CONNECTION=DEFER: one connection per thread, not one per request)
        return {"connectiontype": "POSTGIS", "connection": ms_string(ref.pg_conninfo),
                "processing": ["CLOSE_CONNECTION=DEFER"], "data": ms_string(pg_data(ref, where))}
    if ref.path is None:
        raise ValueError(f"GeoPackage layer {ref.dataset}/{ref.table} has no path")
    return {
        "connectiontype": "OGR",
        # the resolved version folder, not `current`: MapServer keeps the data source open between
        # requests (CLOSE_CONNECTION=DEFER, -40 ms a request on a 1M-row GeoPackage) keyed by this
        # string, so a new publication must get a new string; the app regenerates the mapfile as soon
        # as a `current` symlink no longer matches publications.json
        "connection": str(ref.path.resolve()),
        "processing": ["CLOSE_CONNECTION=DEFER"],
        # a SELECT runs as the GeoPackage's own (SQLite) SQL
        "data": ref.table if where is None else ms_string(f"SELECT * FROM {pg_ident(ref.table)} WHERE {where}"),
    }


def _where(layer: WmsLayer, *more: str) -> str | None:
    """The rows ``layer`` draws (styles.draw_filter) and the conditions ``more``, ANDed; None for all rows."""
    conds = [c for c in (styles.draw_filter(layer.dataset.inspire.theme, set(layer.columns)), *more) if c]
    if len(conds) <= 1:
        return conds[0] if conds else None
    return " AND ".join(f"({c})" for c in conds)


def _layer(layer: WmsLayer, settings: Settings, tdir: Path) -> dict[str, Any]:
    ds = layer.dataset
    base = settings.service.public_url.rstrip("/")
    tpl = _write_templates(layer, tdir)
    bbox = layer.manifest.get("bbox_25832") or list(DEFAULT_EXTENT)
    st = layer.style
    md = {
        "wms_title": ds.title.de, "wms_title.ger": ds.title.de, "wms_title.eng": ds.title.en,
        "wms_abstract": ds.abstract.de, "wms_abstract.ger": ds.abstract.de, "wms_abstract.eng": ds.abstract.en,
        "wms_srs": SRS,
        "wms_extent": " ".join(str(v) for v in bbox),
        "wms_keywordlist": ",".join([ds.inspire.feature_type, *ds.keywords]),
        "gdi_dataset": ds.id,  # not in any capabilities: the WMS app answers 503 for a damaged dataset's layers
        "wms_metadataurl_href": get_record_by_id_url(base, dataset_record_id(ds.id)),
        "wms_metadataurl_format": "text/xml",
        "wms_metadataurl_type": "ISO19115:2003",
        "wms_identifier_authority": "de.ni.hildesheim",
        "wms_identifier_value": ds.inspire.namespace,
        "wms_style_inspire_common:DEFAULT_title": "INSPIRE Default Style",
        "wms_style_inspire_common:DEFAULT_title.ger": "INSPIRE-Standardstil",
        "wms_style_inspire_common:DEFAULT_title.eng": "INSPIRE default style",
        "wms_include_items": "all", "gml_include_items": "all", "gml_types": "auto",
        "gml_featureid": "localId" if "localId" in layer.columns else (
            "key" if "key" in layer.columns else ""),
        "gml_geometries": "geom", "gml_geom_type": _geom_keyword(layer.geometry),
    }
    if layer.ref.kind == "postgis":
        # MapServer lists every column of the table, the key included; GDAL (and so the OGR layer, the
        # feature-info templates and GetFeatureInfo of the GeoPackage) treats ``fid`` as the feature id only
        md["wms_exclude_items"] = md["gml_exclude_items"] = "fid"
    md = {k: v for k, v in md.items() if v != ""}
    lay: dict[str, Any] = {
        "__type__": "layer",
        "name": layer.name,
        "status": "ON",
        "type": _geom_keyword(layer.geometry),
        **_source(layer.ref, _where(layer)),
        "projection": ["init=epsg:25832"],
        "extent": bbox,
        "maxscaledenom": extent_scale(bbox, st.maxscale),
        "classgroup": styles.STYLE_NAME,
        "template": tpl["template"], "header": tpl["header"], "footer": tpl["footer"],
        "tolerance": 6 if _geom_keyword(layer.geometry) == "point" else 0,
        "toleranceunits": "pixels",
        "metadata": md,
        "classes": st.classes,
    }
    if st.sizeunits:
        lay["sizeunits"] = st.sizeunits
    if st.classitem:
        lay["classitem"] = st.classitem
    if st.label_item and FONT.exists():
        lay["labelitem"] = st.label_item
    else:
        for c in lay["classes"]:
            c.pop("labels", None)
    return lay


def extent_scale(bbox: Any, maxscale: float | None) -> float | None:
    """The style's MAXSCALEDENOM, raised so that the layer draws in a 256-pixel map of its own extent
    ("zoom to layer" in a client shows something; OGC pixel 0.28 mm, 25 % margin)."""
    if maxscale is None or not bbox:
        return maxscale
    span = max(float(bbox[2]) - float(bbox[0]), float(bbox[3]) - float(bbox[1]))
    return float(max(maxscale, round(span / (256 * 0.00028) * 1.25, -3)))


MIXED_PARTS = (("flaechen", "polygon", ("POLYGON", "MULTIPOLYGON", "CURVEPOLYGON", "MULTISURFACE")),
               ("linien", "line", ("LINESTRING", "MULTILINESTRING", "CIRCULARSTRING", "COMPOUNDCURVE",
                                   "MULTICURVE")),
               ("punkte", "point", ("POINT", "MULTIPOINT")))


def _is_mixed(geometry: str) -> bool:
    g = geometry.lower()
    return g.startswith("unknown") or g in ("geometry", "geometrycollection")


def _geometry_types(ref: LayerRef) -> set[str]:
    """Distinct geometry types (``POLYGON``, ``MULTILINESTRING``…) of a table with a generic geometry column
    (small tables: PLU): GeoPackage's ``ST_GeometryType`` and PostGIS's ``GeometryType`` give the same names."""
    from osgeo import ogr
    ds = ogr.Open(ref.ogr_source)
    lyr = ds.GetLayerByName(ref.table)
    col = lyr.GetGeometryColumn() or "geom"
    if ref.kind == "postgis":
        res = ds.ExecuteSQL(f"SELECT DISTINCT GeometryType({pg_ident(col)}) AS t "
                            f"FROM {pg_ident(ref.schema or 'public')}.{pg_ident(ref.table)}")
    else:
        res = ds.ExecuteSQL(f'SELECT DISTINCT ST_GeometryType("{col}") AS t FROM "{ref.table}"', dialect="SQLite")
    try:
        return {str(f.GetField("t")).upper() for f in res if f.GetField("t")}
    finally:
        ds.ReleaseResultSet(res)


def group_metadata(layer: WmsLayer, settings: Settings) -> dict[str, str]:
    """The metadata of a MapServer layer that belong to its named group ``layer.name`` (title, abstract, style
    and legend of the INSPIRE layer whose parts the group's layers are)."""
    ds = layer.dataset
    return {
        "wms_group_title": ds.title.de, "wms_group_title.ger": ds.title.de, "wms_group_title.eng": ds.title.en,
        "wms_group_abstract": ds.abstract.de, "wms_group_abstract.ger": ds.abstract.de,
        "wms_group_abstract.eng": ds.abstract.en,
        "wms_group_style_name": styles.STYLE_NAME,
        "wms_group_style_title": "INSPIRE-Standardstil",
        "wms_group_style_legendurl_width": "220", "wms_group_style_legendurl_height": "60",
        "wms_group_style_legendurl_format": "image/png",
        "wms_group_style_legendurl_href": (
            f"{settings.service.public_url.rstrip('/')}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic"
            f"&SLD_VERSION=1.1.0&LAYER={layer.name}&FORMAT=image/png"),
    }


def _layers(layer: WmsLayer, settings: Settings, tdir: Path) -> list[dict[str, Any]]:
    """One MapServer layer, or for a table of mixed geometries (PLU SupplementaryRegulation: areas, lines
    and points) one per geometry kind, grouped under the INSPIRE layer name (MapServer's named group
    layers, with the group style ``inspire_common:DEFAULT``): a POLYGON layer would silently skip points."""
    if not _is_mixed(layer.geometry):
        if layer.overview is not None:
            from .overview import overview_group
            return overview_group(layer, settings, tdir)
        return [_layer(layer, settings, tdir)]
    types = _geometry_types(layer.ref)
    out = []
    for suffix, kind, names in MIXED_PARTS:
        present = [t for t in names if t in types]
        if not present:
            continue
        part = WmsLayer(name=f"{layer.name}.{suffix}", dataset=layer.dataset, manifest=layer.manifest,
                        ref=layer.ref, geometry=kind, columns=layer.columns,
                        style=styles.part_style(layer.style, kind), restricted=layer.restricted)
        lay = _layer(part, settings, tdir)
        quoted = ", ".join(f"'{t}'" for t in present)
        kind_of = "GeometryType(geom)" if layer.ref.kind == "postgis" else "ST_GeometryType(geom)"
        lay["data"] = _source(layer.ref, _where(layer, f"{kind_of} IN ({quoted})"))["data"]
        lay["group"] = layer.name
        ds = layer.dataset
        lay_title = {"flaechen": ("Flächen", "areas"), "linien": ("Linien", "lines"), "punkte": ("Punkte", "points")}
        de, en = lay_title[suffix]
        lay["metadata"].update({"wms_title": f"{ds.title.de} – {de}", "wms_title.ger": f"{ds.title.de} – {de}",
                                "wms_title.eng": f"{ds.title.en} – {en}", **group_metadata(layer, settings)})
        out.append(lay)
    return out or [_layer(layer, settings, tdir)]


def build_map(settings: Settings, layers: list[WmsLayer], tdir: Path) -> dict[str, Any]:
    base = settings.service.public_url.rstrip("/")
    ext = DEFAULT_EXTENT
    boxes: list[list[float]] = [b for lay in layers if (b := lay.manifest.get("bbox_25832"))]
    if boxes:
        ext = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
               max(b[3] for b in boxes))
    tdir.mkdir(parents=True, exist_ok=True)
    web_header = tdir / "web.header.html"
    web_header.write_text('<!-- MapServer Template -->\n<!DOCTYPE html>\n<html lang="de"><head>'
                          '<meta charset="utf-8"><title>Objektinformation</title></head><body>\n',
                          encoding="utf-8")
    web_footer = tdir / "web.footer.html"
    web_footer.write_text("<!-- MapServer Template -->\n</body></html>\n", encoding="utf-8")
    fontset = tdir / "fonts.txt"
    fontset.write_text(f"sans {FONT}\n" if FONT.exists() else "", encoding="utf-8")
    md = {
        "wms_title": SERVICE_TITLE["ger"], "wms_title.ger": SERVICE_TITLE["ger"],
        "wms_title.eng": SERVICE_TITLE["eng"],
        "wms_abstract": SERVICE_ABSTRACT["ger"], "wms_abstract.ger": SERVICE_ABSTRACT["ger"],
        "wms_abstract.eng": SERVICE_ABSTRACT["eng"],
        "wms_rootlayer_title": "GDI Hildesheim", "wms_rootlayer_title.ger": "GDI Hildesheim",
        "wms_rootlayer_title.eng": "GDI Hildesheim",
        "wms_rootlayer_abstract": SERVICE_ABSTRACT["ger"], "wms_rootlayer_abstract.ger": SERVICE_ABSTRACT["ger"],
        "wms_rootlayer_abstract.eng": SERVICE_ABSTRACT["eng"],
        "wms_onlineresource": f"{base}/wms?",
        "wms_srs": SRS,
        "wms_enable_request": "GetCapabilities GetMap GetFeatureInfo GetLegendGraphic DescribeLayer",
        "wms_inspire_capabilities": "url",
        "wms_languages": "ger,eng",
        "wms_inspire_metadataurl_href": get_record_by_id_url(base, service_record_id("wms")),
        "wms_inspire_metadataurl_format": "application/vnd.ogc.csw.GetRecordByIdResponse_xml",
        "wms_keywordlist": "INSPIRE,Darstellungsdienst,Hildesheim",
        "wms_keywordlist_vocabulary": "ISO",
        "wms_keywordlist_ISO_items": "infoMapAccessService",
        "wms_fees": "keine",
        "wms_accessconstraints": "None",
        "wms_contactorganization": "Stadt Hildesheim",
        "wms_contactperson": "Geodatenmanagement",
        "wms_contactposition": "pointOfContact",
        "wms_contactelectronicmailaddress": "geodaten@stadt-hildesheim.de",
        "wms_addresstype": "postal", "wms_address": "Markt 1", "wms_city": "Hildesheim",
        "wms_stateorprovince": "Niedersachsen", "wms_postcode": "31134", "wms_country": "Deutschland",
        "wms_authorityurl_name": "de.ni.hildesheim",
        "wms_authorityurl_href": "https://registry.gdi-de.org/id/de.ni.hildesheim",
        "wms_feature_info_mime_type": "text/html",
        "wms_getfeatureinfo_formatlist": GFI_FORMATS,
        "wms_getmap_formatlist": "image/png,image/jpeg",
        "wms_bbox_extended": "true",
        "wms_encoding": "UTF-8",
        "wms_max_width": str(MAXSIZE), "wms_max_height": str(MAXSIZE),
    }
    return {
        "__type__": "map",
        "name": MAP_NAME,
        "status": "ON",
        "size": [512, 512],
        "maxsize": MAXSIZE,
        "units": "meters",
        "extent": list(ext),
        "imagecolor": [255, 255, 255],
        "fontset": str(fontset),
        "projection": ["init=epsg:25832"],
        "config": {"MS_NONSQUARE": "YES", "PROJ_NETWORK": "OFF"},
        "symbols": [{"__type__": "symbol", "name": "circle", "type": "ellipse", "filled": True,
                     "points": [[1, 1]]}],
        "outputformats": [
            {"__type__": "outputformat", "name": "png", "driver": "AGG/PNG", "mimetype": "image/png",
             "imagemode": "RGBA", "extension": "png", "transparent": "ON",
             "formatoption": ["COMPRESSION=1"]},
            {"__type__": "outputformat", "name": "jpeg", "driver": "AGG/JPEG", "mimetype": "image/jpeg",
             "imagemode": "RGB", "extension": "jpg", "formatoption": ["QUALITY=85"]},
            {"__type__": "outputformat", "name": "geojson", "driver": "OGR/GEOJSON",
             "mimetype": "application/json", "formatoption": [
                 "STORAGE=memory", "FORM=simple", "FILENAME=result.json", "LCO:RFC7946=YES"]},
        ],
        "legend": {"__type__": "legend", "keysize": [18, 12], "status": "OFF",
                   "label": {"__type__": "label", "type": "truetype", "font": "sans", "size": 9,
                             "color": [0, 0, 0]} if FONT.exists() else {"__type__": "label"}},
        "web": {"__type__": "web", "header": str(web_header), "footer": str(web_footer), "metadata": md},
        # the base map first: /basemap tiles draw every layer in map order, so it lies beneath
        "layers": [*stadtplan.layers(settings, font=FONT.exists()),
                   *(ml for lay in layers for ml in _layers(lay, settings, tdir))],
    }


def _atomic_write(path: Path, text: str, private: bool = False) -> None:
    """Write ``path`` by rename; ``private``: readable by the owner only (a mapfile with a database password)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # unique per process and thread: gunicorn workers regenerate the mapfiles at the same moment
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    if private:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_mapfile(settings: Settings) -> dict[str, Path]:
    """Regenerate the public and staff mapfiles (POST_PUBLISH hook)."""
    paths = mapfile_paths(settings)
    state = publication_state(settings)
    for kind in ("public", "staff"):
        layers = collect_layers(settings, staff=kind == "staff")
        mapdict = build_map(settings, layers, paths["templates"] / kind)
        text = ("# GENERATED from datasets/*/dataset.yml and var/publish by services.wms.mapfile "
                "- do not edit\n" + mappyfile.dumps(mapdict, indent=2))
        # a PostGIS layer's CONNECTION may hold the database password
        _atomic_write(paths[kind], text, private=any(lay.ref.kind == "postgis" for lay in layers))
        LOGGER.info("WMS mapfile written: %s (%d layers)", paths[kind], len(layers))
    _atomic_write(paths["state"], json.dumps(state, sort_keys=True))
    return paths
