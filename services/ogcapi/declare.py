"""What the OGC API declares about itself, exactly as it behaves: the conformance classes and the filter
parameters of the OpenAPI document.

pygeoapi 0.21 declares its classes from its own code, whatever the provider does: Part 4
create/replace/delete (every write answers 400 here, collections are read-only), the Part 5 draft, and
none of the Part 3 filter classes our provider implements. Its OpenAPI document has no ``filter``,
``filter-lang`` and ``filter-crs`` parameters, so clients that read the document to learn whether the
server filters (GDAL's OAPIF driver: ``filter-lang`` with ``cql-text`` in its enum) filter on the client.

Declared here and nowhere else; ``tests/test_oapif_ets.py`` checks each class through the running
service.
"""
from __future__ import annotations

from typing import Any

FEATURES = "http://www.opengis.net/spec/ogcapi-features"
CQL2 = "http://www.opengis.net/spec/cql2/1.0/conf"

CONFORMANCE: tuple[str, ...] = (
    "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/landing-page",
    "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/json",
    "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/html",
    "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections",
    f"{FEATURES}-1/1.0/conf/core",
    f"{FEATURES}-1/1.0/conf/oas30",
    f"{FEATURES}-1/1.0/conf/html",
    f"{FEATURES}-1/1.0/conf/geojson",
    f"{FEATURES}-2/1.0/conf/crs",
    f"{FEATURES}-3/1.0/conf/queryables",
    f"{FEATURES}-3/1.0/conf/queryables-query-parameters",
    f"{FEATURES}-3/1.0/conf/filter",
    f"{FEATURES}-3/1.0/conf/features-filter",
    f"{CQL2}/cql2-text",
    f"{CQL2}/cql2-json",
    f"{CQL2}/basic-cql2",
    f"{CQL2}/advanced-comparison-operators",
    f"{CQL2}/case-insensitive-comparison",
    f"{CQL2}/accent-insensitive-comparison",
    f"{CQL2}/basic-spatial-functions",
    f"{CQL2}/basic-spatial-functions-plus",
    f"{CQL2}/spatial-functions",
)
"""Not declared, because they do not hold: Part 4 create-replace-delete (read-only), Part 5 (draft),
CQL2 temporal-functions (only instants and the T_ functions listed in docs/ogcapi.md), array-functions,
property-property (not tested for every type), functions (no function list is published), arithmetic
(``%`` and ``^`` are refused)."""

FILTER_LANGS = ("cql2-text", "cql2-json", "cql-text")   # cql-text: the draft name GDAL 3.6 looks for


def conformance(api: Any, request: Any) -> tuple[dict, Any, str]:
    """``/conformance`` (JSON and HTML) with :data:`CONFORMANCE` - pygeoapi's ``conformance`` with our list."""
    from http import HTTPStatus

    from pygeoapi.api import F_HTML
    from pygeoapi.util import render_j2_template, to_json
    doc = {"conformsTo": list(CONFORMANCE)}
    headers = request.get_response_headers(**api.api_headers)
    if request.format == F_HTML:
        return headers, HTTPStatus.OK, render_j2_template(api.tpl_config, api.config["server"]["templates"],
                                                          "conformance.html", doc, request.locale)
    return headers, HTTPStatus.OK, to_json(doc, api.pretty_print)


def filter_parameters(crs_list: list[str]) -> list[dict[str, Any]]:
    """The Part 3 (``filter``, ``filter-lang``) and Part 2/3 (``filter-crs``) query parameters."""
    return [
        {"name": "filter", "in": "query", "required": False, "style": "form", "explode": False,
         "description": "CQL2 filter expression (OGC 21-065r2), text or JSON as filter-lang says",
         "schema": {"type": "string"}},
        {"name": "filter-lang", "in": "query", "required": False, "style": "form", "explode": False,
         "description": "language of the filter: cql2-text (default) or cql2-json (cql-text: older name)",
         "schema": {"type": "string", "enum": list(FILTER_LANGS), "default": "cql2-text"}},
        {"name": "filter-crs", "in": "query", "required": False, "style": "form", "explode": False,
         "description": "CRS of the geometries in the filter (default CRS84)",
         "schema": {"type": "string", "format": "uri", "enum": list(crs_list),
                    "default": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}},
    ]


def add_filter_parameters(oas: dict, crs_list: list[str]) -> dict:
    """Add the filter parameters to the GET of every ``…/items`` path of a generated OpenAPI document."""
    params = filter_parameters(crs_list)
    for path, item in (oas.get("paths") or {}).items():
        if not path.endswith("/items") or "get" not in item:
            continue
        plist = item["get"].setdefault("parameters", [])
        have = {p.get("name") for p in plist if isinstance(p, dict)}
        plist.extend(dict(p) for p in params if p["name"] not in have)
    return oas
