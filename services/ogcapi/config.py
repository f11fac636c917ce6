"""pygeoapi configuration generated from the dataset registry and the current publications.

Never edited by hand: ``gdi ogc-config`` (and every ETL run) rewrites ``<var>/pygeoapi/pygeoapi-config.yml``
and its OpenAPI document. Restricted datasets go only into the staff configuration (``*-staff.yml``), so the
public pygeoapi instance does not know they exist.
"""
from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any

import yaml

from core.config import PROJECT_ROOT, Dataset, Settings, load_registry
from core.publication import published_datasets
from core.store import get_store

from .declare import add_filter_parameters

LOGGER = logging.getLogger(__name__)

PROVIDER = "services.ogcapi.provider.GpkgProvider"   # ours: CQL2, numberMatched, fast paging
PG_PROVIDER = "services.ogcapi.provider_pg.PostgisProvider"  # the same on the PostGIS store
STOCK_PROVIDER = "SQLiteGPKG"                          # pygeoapi's, for the benchmark baseline
CRS_LIST = [
    "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
    "http://www.opengis.net/def/crs/EPSG/0/25832",
    "http://www.opengis.net/def/crs/EPSG/0/4258",
    "http://www.opengis.net/def/crs/EPSG/0/3857",
]
STORAGE_CRS = "http://www.opengis.net/def/crs/EPSG/0/25832"


def config_paths(settings: Settings) -> dict[str, Path]:
    """Where the generated configs go: always under the var dir (``var/pygeoapi/`` by default), never into
    the checkout, so ``make demo`` leaves ``git status`` clean."""
    return {
        "public": settings.var_dir / "pygeoapi" / "pygeoapi-config.yml",
        "staff": settings.var_dir / "pygeoapi" / "pygeoapi-config-staff.yml",
        "public_openapi": settings.var_dir / "pygeoapi" / "openapi.yml",
        "staff_openapi": settings.var_dir / "pygeoapi" / "openapi-staff.yml",
    }


def licence_url(settings: Settings, ds: Dataset) -> str:
    """The licence text served by our own /download mount (an external URL may be unreachable)."""
    return f"{settings.service.public_url.rstrip('/')}/download/licence/{ds.licence.id}"


def _resource(ds: Dataset, manifest: dict[str, Any], coll: dict[str, Any], settings: Settings,
              lang: str = "de", provider: str = PROVIDER) -> dict[str, Any]:
    from metadata.ids import dataset_record_id, get_record_by_id_url
    base = settings.service.public_url.rstrip("/")
    gpkg = _gpkg(settings, ds.id, coll["layer"])
    view = coll["view"]
    title = ds.title.de if view == "inspire" else f"{ds.title.de} – Quellsicht"
    title_en = ds.title.en if view == "inspire" else f"{ds.title.en} – source view"
    bbox = manifest.get("bbox_crs84") or [9.8, 52.1, 10.1, 52.2]
    links = [
        {"type": "application/xml", "rel": "describedby", "title": "ISO 19139 (CSW GetRecordById)",
         "href": get_record_by_id_url(base, dataset_record_id(ds.id))},
        # the spatial dataset identifier (RFC 8574 cite-as: the persistent identifier of the data), the same
        # code + namespace as in the ISO record and the Atom feeds
        {"type": "text/html", "rel": "cite-as", "href": ds.inspire.namespace,
         "title": f"INSPIRE spatial dataset identifier: code {ds.inspire.identifier_code}, "
                  f"namespace {ds.inspire.identifier_namespace}"},
        {"type": "text/html", "rel": "license", "title": ds.licence.name, "href": licence_url(settings, ds),
         "hreflang": "de"},
        # with "length", pygeoapi does not HEAD its own enclosures on every collection request
        {"type": "application/gml+xml", "rel": "enclosure", "title": f"{ds.title.de} (INSPIRE GML)",
         "href": f"{base}/download/{ds.id}/{ds.id}.gml", "hreflang": "de", "length": _size(gpkg.with_suffix(".gml"))},
        {"type": "application/geopackage+sqlite3", "rel": "enclosure", "title": f"{ds.title.de} (GeoPackage)",
         "href": f"{base}/download/{ds.id}/{ds.id}.gpkg", "hreflang": "de", "length": _size(gpkg)},
    ]
    if view == "inspire":
        links.append({"type": "text/html", "rel": "tag", "title": f"INSPIRE {ds.inspire.feature_type}",
                      "href": f"https://inspire.ec.europa.eu/featureconcept/{ds.inspire.feature_type}",
                      "hreflang": "en"})
    return {
        "type": "collection",
        "title": {"de": title, "en": title_en},
        "description": {"de": ds.abstract.de, "en": ds.abstract.en},
        "keywords": {"de": ds.keywords or [ds.inspire.theme], "en": ds.keywords or [ds.inspire.theme]},
        "links": links,
        "extents": {"spatial": {"bbox": bbox, "crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}},
        "providers": [{
            **_provider(settings, ds.id, coll["layer"], gpkg, provider),
            "crs": CRS_LIST,
            "storage_crs": STORAGE_CRS,
            "title_field": "referenceSpeciesName" if ds.inspire.theme == "sd" and view == "inspire" else None,
        }],
    }


def _provider(settings: Settings, ds_id: str, layer: str, gpkg: Path, provider: str) -> dict[str, Any]:
    """Where pygeoapi reads a collection: our PostGIS provider when the store keeps the layer in PostGIS
    (the download files stay on disk), else the GeoPackage (our provider, or the stock one for the
    benchmark baseline)."""
    ref = get_store(settings).layer(ds_id, layer)
    if ref is not None and ref.kind == "postgis" and provider == PROVIDER:
        return {"type": "feature", "name": PG_PROVIDER, "data": ref.dsn, "schema": ref.schema, "table": ref.table,
                "id_field": _pg_id_field(ref.dsn or "", ref.schema or "public", ref.table, gpkg),
                "geometry_field": "geom"}
    return {"type": "feature", "name": provider, "data": _rel(gpkg), "id_field": _id_field(gpkg, layer),
            "id_index_dir": str(id_index_dir(settings)), "table": layer}


def _pg_id_field(dsn: str, schema: str, table: str, gpkg: Path) -> str:
    """``_id_field`` read from the PostGIS table (the GeoPackage beside the downloads if the database
    cannot be reached now; the provider reports a broken connection per request)."""
    import psycopg

    from .provider_pg import id_field_of
    try:
        return id_field_of(dsn, schema, table)
    except psycopg.Error as exc:
        LOGGER.warning("cannot read the columns of %s.%s from PostgreSQL: %s", schema, table, exc)
        return _id_field(gpkg, table)


def build_config(settings: Settings, *, staff: bool, provider: str = PROVIDER) -> dict[str, Any]:
    base = settings.service.public_url.rstrip("/")
    reg = load_registry(settings.datasets_dir, check_plugins=False, publish_dir=settings.publish_dir)
    pubs = published_datasets(settings.publish_dir)
    resources: dict[str, Any] = {}
    for ds_id, manifest in pubs.items():
        ds = reg.get(ds_id)
        if ds is None:
            continue
        if ds.access == "restricted" and not staff:
            continue
        for coll in manifest["collections"]:
            if coll["id"] in resources:  # the registry makes ids unique; an old publication may still clash
                LOGGER.error("OGC API: collection %r of dataset %s is already another dataset's; republish "
                             "%s after `gdi config validate`", coll["id"], ds_id, ds_id)
                continue
            res = _resource(ds, manifest, coll, settings, provider=provider)
            for p in res["providers"]:
                if p.get("title_field") is None:
                    p.pop("title_field")
            resources[coll["id"]] = res
            # mixed geometries (PLU supplementary regulations: points, lines, areas): QGIS types an OAPIF
            # layer by its first features and draws nothing else, so each geometry type is a collection too
            for dim, suffix, de, en in _geometry_parts(_gpkg(settings, ds.id, coll["layer"]), coll["layer"]):
                part = copy.deepcopy(res)
                part["title"] = {"de": f"{res['title']['de']} – {de}", "en": f"{res['title']['en']} – {en}"}
                part["providers"][0]["geometry_dimension"] = dim
                resources.setdefault(f"{coll['id']}_{suffix}", part)
    return {
        "server": {
            "bind": {"host": settings.service.host, "port": settings.service.port},
            # both instances answer under /ogc; the dispatcher picks one by credential
            "url": f"{base}/ogc",
            "mimetype": "application/json; charset=UTF-8",
            "encoding": "utf-8",
            "gzip": False,
            "languages": ["de-DE", "en-US"],
            "cors": True,
            "pretty_print": False,
            "limits": {"default_items": 10, "max_items": 10000, "on_exceed": "throttle"},
            "map": {"url": f"{base}/basemap/{{z}}/{{x}}/{{y}}.png",
                    "attribution": "Stadt Hildesheim"},
        },
        "logging": {"level": "ERROR"},
        "metadata": {
            "identification": {
                "title": {"de": "GDI Hildesheim – INSPIRE-Downloaddienst (OGC API Features)",
                          "en": "GDI Hildesheim – INSPIRE download service (OGC API Features)"},
                "description": {"de": "Geodaten der Stadt Hildesheim nach INSPIRE als OGC API Features.",
                                "en": "Geodata of the City of Hildesheim per INSPIRE as OGC API Features."},
                "keywords": {"de": ["INSPIRE", "Geodaten", "Hildesheim"], "en": ["INSPIRE", "geodata", "Hildesheim"]},
                "keywords_type": "theme",
                "terms_of_service": "https://www.govdata.de/dl-de/by-2-0",
                "url": f"{base}/",
            },
            "license": {"name": "Datenlizenz Deutschland – Namensnennung – 2.0", "url": "https://www.govdata.de/dl-de/by-2-0"},
            "provider": {"name": "Stadt Hildesheim", "url": "https://www.hildesheim.de"},
            "contact": {"name": "Stadt Hildesheim, Geodatenmanagement", "position": "GDI",
                        "address": "Markt 1", "city": "Hildesheim", "stateorprovince": "Niedersachsen",
                        "postalcode": "31134", "country": "Deutschland", "email": "geodaten@stadt-hildesheim.de",
                        "url": "https://www.hildesheim.de", "role": "pointOfContact"},
        },
        "resources": resources,
    }


def write_config(settings: Settings) -> dict[str, Path]:
    """Write the public and staff pygeoapi configs and their OpenAPI documents."""
    from pygeoapi.openapi import get_oas
    paths = config_paths(settings)
    paths["staff"].parent.mkdir(parents=True, exist_ok=True)
    ensure_id_indexes(settings)
    for kind in ("public", "staff"):
        cfg = build_config(settings, staff=kind == "staff")
        text = "# GENERATED by `gdi ogc-config` from datasets/*/dataset.yml - do not edit\n" + \
            yaml.safe_dump(cfg, sort_keys=False, allow_unicode=True)
        _atomic_write(paths[kind], text)
        oas = add_filter_parameters(self_contained(get_oas(cfg, fail_on_invalid_collection=False)), CRS_LIST)
        _atomic_write(paths[f"{kind}_openapi"], yaml.safe_dump(oas, sort_keys=False, allow_unicode=True))
    LOGGER.info("pygeoapi configuration written: %s", paths["public"])
    return paths


_EXC = {"type": "object", "required": ["code"],
        "properties": {"code": {"type": "string"}, "description": {"type": "string"}}}
_LINK = {"type": "object", "required": ["href"], "properties": {
    "href": {"type": "string"}, "rel": {"type": "string"}, "type": {"type": "string"},
    "hreflang": {"type": "string"}, "title": {"type": "string"}, "length": {"type": "integer"}}}


def _json_response(desc: str, schema: dict) -> dict:
    return {"description": desc, "content": {"application/json": {"schema": schema},
                                             "application/geo+json": {"schema": schema},
                                             "text/html": {"schema": {"type": "string"}}}}


_LOCAL_COMPONENTS: dict[str, dict[str, Any]] = {
    "parameters": {"featureId": {"name": "featureId", "in": "path", "required": True, "description":
                                 "local identifier of a feature", "schema": {"type": "string"}},
                   "sortby": {"name": "sortby", "in": "query", "required": False, "style": "form", "explode": False,
                              "description": "properties to sort by, '-' for descending",
                              "schema": {"type": "array", "minItems": 1,
                                         "items": {"type": "string", "pattern": "[+|-]?[A-Za-z_].*"}}}},
    "schemas": {"exception": _EXC, "link": _LINK},
    "responses": {
        "LandingPage": _json_response("landing page or conformance declaration", {"type": "object"}),
        "Collection": _json_response("a feature collection's metadata",
                                     {"type": "object", "required": ["id", "links"]}),
        "Features": _json_response("features", {"type": "object", "required": ["type", "features"], "properties": {
            "type": {"type": "string", "enum": ["FeatureCollection"]}, "features": {"type": "array"},
            "numberMatched": {"type": "integer", "minimum": 0}, "numberReturned": {"type": "integer", "minimum": 0}}}),
        "Feature": _json_response("a feature", {"type": "object", "required": ["type", "geometry", "properties"]}),
        "InvalidParameter": _json_response("a query parameter has an invalid value", _EXC),
        "NotFound": _json_response("the requested resource does not exist on the server", _EXC),
        "ServerError": _json_response("a server error occurred", _EXC),
    },
}


def self_contained(oas: dict) -> dict:
    """Replace pygeoapi's references to schemas.opengis.net with local components (same names), so the
    document works offline (validators, schemathesis, Swagger UI behind a firewall)."""
    comps = oas.setdefault("components", {})
    for kind, items in _LOCAL_COMPONENTS.items():
        for name, val in items.items():
            comps.setdefault(kind, {}).setdefault(f"ogc_{name}", val)

    def walk(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("http"):
                tail = ref.rsplit("#/components/", 1)[-1] if "#/components/" in ref else ref.rsplit("/", 2)[-2:]
                if isinstance(tail, list):  # .../responses/NotFound.yaml, .../schemas/exception.yaml
                    kind, name = tail[0], tail[1].split(".")[0]
                else:
                    kind, name = tail.split("/", 1)
                if name in _LOCAL_COMPONENTS.get(kind, {}):
                    node["$ref"] = f"#/components/{kind}/ogc_{name}"
                else:
                    LOGGER.warning("external reference left in OpenAPI: %s", ref)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(oas)
    return oas


_PARTS = ((0, "points", "Punkte", "points"), (1, "lines", "Linien", "lines"), (2, "areas", "Flächen", "areas"))


def _geometry_parts(gpkg: Path, layer: str) -> list[tuple[int, str, str, str]]:
    """For a layer of mixed geometry types (GeoPackage type GEOMETRY / GEOMETRYCOLLECTION): the geometry
    dimensions present, each as (dimension, id suffix, German and English title); [] for any other layer."""
    import sqlite3

    import numpy as np
    import shapely

    from .provider import _strip
    try:
        con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT column_name, geometry_type_name FROM gpkg_geometry_columns "
                              "WHERE lower(table_name) = lower(?)", (layer,)).fetchone()
            if row is None or str(row[1]).upper() not in ("GEOMETRY", "GEOMETRYCOLLECTION"):
                return []
            blobs = [_strip(b) for (b,) in con.execute(f'SELECT "{row[0]}" FROM "{layer}"') if b]
        finally:
            con.close()
    except sqlite3.Error:
        return []
    geoms = shapely.from_wkb(np.array(blobs, dtype=object)) if blobs else np.array([])
    dims = {int(d) for d in shapely.get_dimensions(geoms[~shapely.is_empty(geoms)])} if len(geoms) else set()
    return [p for p in _PARTS if p[0] in dims] if len(dims) > 1 else []


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _gpkg(settings: Settings, ds_id: str, layer: str) -> Path:
    """The GeoPackage a collection is served from (through the store; its path follows ``current``)."""
    ref = get_store(settings).layer(ds_id, layer)
    if ref is None or ref.path is None:  # published without a GeoPackage: the provider reports it per request
        return settings.publish_dir / ds_id / "current" / f"{ds_id}.gpkg"
    return ref.path


def _id_field(gpkg: Path, layer: str) -> str:
    """localId for INSPIRE views, the source key for source views, else the GeoPackage fid."""
    import sqlite3
    try:
        con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
        try:
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{layer}")')]
        finally:
            con.close()
    except sqlite3.Error:
        cols = []
    return next((c for c in ("localId", "key", "gml_id") if c in cols), "fid")


def ensure_id_indexes(settings: Settings) -> None:
    """Build the id -> fid lookup of every published collection now (after ETL), not at the first
    request. Kept beside the publication so the published files stay byte-identical."""
    from .provider import ensure_id_index
    for ds_id, manifest in published_datasets(settings.publish_dir).items():
        for coll in manifest.get("collections", []):
            gpkg = _gpkg(settings, ds_id, coll["layer"])
            if not gpkg.exists():
                continue
            id_field = _id_field(gpkg, coll["layer"])
            if id_field != "fid":
                try:
                    ensure_id_index(str(gpkg), coll["layer"], id_field, str(id_index_dir(settings)))
                except Exception as exc:  # noqa: BLE001 - the provider builds it lazily then
                    LOGGER.warning("could not build id index for %s/%s: %s", ds_id, coll["layer"], exc)


def id_index_dir(settings: Settings) -> Path:
    return settings.var_dir / "ogcapi" / "idindex"


def _rel(path: Path) -> str:
    """Paths inside the project are written relative to it (the web app runs from the project root),
    so the generated file is the same on every checkout."""
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def _atomic_write(path: Path, text: str) -> None:
    import os
    tmp = path.with_suffix(f"{path.suffix}.{os.getpid()}.tmp")  # workers may write at the same time
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
