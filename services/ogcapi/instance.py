"""One pygeoapi instance per configuration, without environment variables or re-imports.

``pygeoapi.flask_app`` reads ``PYGEOAPI_CONFIG`` into module globals at import time (one configuration per
process). Here each instance is a ``pygeoapi.api.API`` built from its configuration dict and served by a
Flask app of our own whose routes are those of ``pygeoapi.flask_app`` (0.21), calling the same API functions
(``get_collection_items(api, request, collection)`` …) with that instance's API object. The route table is
checked against the installed ``flask_app.py`` by ``tests/test_ogcapi_patches.py``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import patches


@dataclass
class Pygeoapi:
    """One pygeoapi configuration: its API object and the Flask (WSGI) app serving it."""

    api: Any   # pygeoapi.api.API
    app: Any   # flask.Flask

    @property
    def config(self) -> dict:
        return self.api.config

    # the names of the pygeoapi.flask_app module this replaces (benchmarks/bench_ogcapi.py uses them)
    APP = property(lambda self: self.app)
    CONFIG = property(lambda self: self.api.config)


def build_pygeoapi(config: dict, openapi: dict | str, name: str = "pygeoapi") -> Pygeoapi:
    """A pygeoapi instance for ``config`` (a dict; see ``config.build_config``)."""
    from pygeoapi.api import API
    patches.apply()
    server = config["server"]
    if server.get("admin") or not str(server.get("ogc_schemas_location") or "http").startswith("http"):
        raise ValueError("pygeoapi's admin API and locally served OGC schemas are not offered by "
                         "services.ogcapi.app")
    static = server.get("templates", {}).get("static", "static")  # read before API() sets templates
    api = API(config, openapi)
    app = flask_app(api, name, static)
    app.config["PROPAGATE_EXCEPTIONS"] = True  # the dispatcher answers with an OGC exception body
    return Pygeoapi(api, app)


def load_pygeoapi(config: str | Path, openapi: str | Path, name: str) -> Pygeoapi:
    """A pygeoapi instance from its configuration file and OpenAPI document, read as
    ``pygeoapi.config.get_config`` and ``pygeoapi.openapi.load_openapi_document`` read them (``${VAR}``
    expanded; a JSON OpenAPI document stays a string) - but from these paths, not the environment."""
    from pygeoapi.util import yaml_load
    with open(config, encoding="utf8") as fh:
        cfg = yaml_load(fh)
    with open(openapi, encoding="utf8") as fh:
        oas = yaml_load(fh) if str(openapi).endswith((".yaml", ".yml")) else fh.read()
    return build_pygeoapi(cfg, oas, name)


# --------------------------------------------------------------------------- pygeoapi's routes

# pygeoapi.flask_app (0.21) routes that call one API function: (rules, endpoint, "module.function",
# URL variables in the function's argument order, skip_valid_check)
_ROUTES: list[tuple[tuple[str, ...], str, str, tuple[str, ...], bool]] = [
    (("/",), "landing_page", "api.landing_page", (), False),
    (("/openapi",), "openapi", "api.openapi_", (), False),
    (("/conformance",), "conformance", "own.declare.conformance", (), False),  # our list: declare.py
    (("/TileMatrixSets/<tileMatrixSetId>",), "get_tilematrix_set", "tiles.tilematrixset",
     ("tileMatrixSetId",), False),
    (("/TileMatrixSets",), "get_tilematrix_sets", "tiles.tilematrixsets", (), False),
    (("/collections", "/collections/<path:collection_id>"), "collections", "api.describe_collections",
     ("collection_id",), False),
    (("/collections/<path:collection_id>/schema",), "collection_schema", "api.get_collection_schema",
     ("collection_id",), False),
    (("/collections/<path:collection_id>/queryables",), "collection_queryables",
     "itemtypes.get_collection_queryables", ("collection_id",), False),
    (("/collections/<path:collection_id>/coverage",), "collection_coverage",
     "coverages.get_collection_coverage", ("collection_id",), True),
    (("/collections/<path:collection_id>/tiles",), "get_collection_tiles", "tiles.get_collection_tiles",
     ("collection_id",), False),
    (("/collections/<path:collection_id>/tiles/<tileMatrixSetId>",
      "/collections/<path:collection_id>/tiles/<tileMatrixSetId>/metadata"), "get_collection_tiles_metadata",
     "tiles.get_collection_tiles_metadata", ("collection_id", "tileMatrixSetId"), True),
    (("/collections/<path:collection_id>/tiles/<tileMatrixSetId>/<tileMatrix>/<tileRow>/<tileCol>",),
     "get_collection_tiles_data", "tiles.get_collection_tiles_data",
     ("collection_id", "tileMatrixSetId", "tileMatrix", "tileRow", "tileCol"), True),
    (("/collections/<collection_id>/map", "/collections/<collection_id>/styles/<style_id>/map"),
     "collection_map", "maps.get_collection_map", ("collection_id", "style_id"), False),
    (("/processes", "/processes/<process_id>"), "get_processes", "processes.describe_processes",
     ("process_id",), False),
    (("/processes/<process_id>/execution",), "execute_process_jobs", "processes.execute_process",
     ("process_id",), False),
    (("/jobs/<job_id>/results",), "get_job_result", "processes.get_job_result", ("job_id",), False),
    (("/stac",), "stac_catalog_root", "stac.get_stac_root", (), False),
    (("/stac/<path:path>",), "stac_catalog_path", "stac.get_stac_path", ("path",), False),
]
_METHODS = {"execute_process_jobs": ["POST"]}
_EDR = [f"/collections/<path:collection_id>{inst}{q}" for inst in ("", "/instances/<instance_id>")
        for q in ("/position", "/area", "/cube", "/radius", "/trajectory", "/corridor",
                  "/locations/<location_id>", "/locations")] + [
    "/collections/<path:collection_id>/instances/<instance_id>", "/collections/<path:collection_id>/instances"]


def _api_function(dotted: str) -> Callable:
    import importlib
    mod, _, fn = dotted.rpartition(".")
    if mod.startswith("own."):  # ours instead of pygeoapi's (services/ogcapi/declare.py)
        return getattr(importlib.import_module(f"services.ogcapi.{mod[4:]}"), fn)
    full = {"api": "pygeoapi.api", "edr": "pygeoapi.api.environmental_data_retrieval"}.get(mod, f"pygeoapi.api.{mod}")
    return getattr(importlib.import_module(full), fn)


def flask_app(api: Any, name: str, static: str) -> Any:
    """The routes of ``pygeoapi.flask_app.BLUEPRINT`` (0.21), bound to ``api`` instead of that
    module's global API object (admin and local OGC schemas are not offered)."""
    import pygeoapi
    from flask import Blueprint, Flask, make_response, request
    from pygeoapi.api import APIRequest, apply_gzip
    from pygeoapi.util import get_api_rules

    rules = get_api_rules(api.config)
    root = str(Path(pygeoapi.__file__).parent)
    app = Flask(f"gdi_pygeoapi_{name}", root_path=root, static_folder=static, static_url_path="/static")
    app.url_map.strict_slashes = rules.strict_slashes
    bp = Blueprint("pygeoapi", app.import_name, root_path=root, url_prefix=rules.get_url_prefix("flask"))
    if api.config["server"].get("cors", False):
        from flask_cors import CORS
        CORS(app)  # pygeoapi 0.21 also passes CORS_EXPOSE_HEADERS, which flask-cors ignores (with a warning)

    def execute(function: Callable, *args: Any, skip_valid_check: bool = False) -> Any:
        """``pygeoapi.flask_app.execute_from_flask`` with this instance's API object."""
        api_request = APIRequest.from_flask(request, api.locales)
        if not skip_valid_check and not api_request.is_valid():
            headers, status, content = api.get_format_exception(api_request)
        else:
            headers, status, content = function(api, api_request, *args)
            content = apply_gzip(headers, content)
        response = make_response(content, status)
        if headers:
            response.headers = headers
        return response

    def simple(function: Callable, names: tuple[str, ...], skip: bool) -> Callable:
        return lambda **kw: execute(function, *(kw.get(n) for n in names), skip_valid_check=skip)

    for paths, endpoint, dotted, names, skip in _ROUTES:
        view = simple(_api_function(dotted), names, skip)
        for path in paths:
            bp.add_url_rule(path, endpoint, view, methods=_METHODS.get(endpoint))

    items = _api_function("itemtypes.get_collection_items")
    manage = _api_function("itemtypes.manage_collection_item")

    def collection_items(collection_id: str, item_id: str | None = None) -> Any:
        if item_id is None:
            if request.method == "POST":  # a CQL2 JSON query or a new item
                if request.content_type is None:
                    return None  # as pygeoapi 0.21 (the dispatcher answers 400 before)
                if request.content_type == "application/geo+json":
                    return execute(manage, "create", collection_id, skip_valid_check=True)
                return execute(items, collection_id, skip_valid_check=True)
            if request.method == "OPTIONS":
                return execute(manage, "options", collection_id, skip_valid_check=True)
            return execute(items, collection_id, skip_valid_check=True)
        action = {"DELETE": "delete", "PUT": "update", "OPTIONS": "options"}.get(request.method)
        if action:
            return execute(manage, action, collection_id, item_id, skip_valid_check=True)
        return execute(_api_function("itemtypes.get_collection_item"), collection_id, item_id)

    bp.add_url_rule("/collections/<path:collection_id>/items", "collection_items", collection_items,
                    methods=["GET", "POST", "OPTIONS"], provide_automatic_options=False)
    bp.add_url_rule("/collections/<path:collection_id>/items/<path:item_id>", "collection_items",
                    collection_items, methods=["GET", "PUT", "DELETE", "OPTIONS"],
                    provide_automatic_options=False)

    def jobs(job_id: str | None = None) -> Any:
        if job_id is not None and request.method == "DELETE":
            return execute(_api_function("processes.delete_job"), job_id)
        return execute(_api_function("processes.get_jobs"), *(() if job_id is None else (job_id,)))

    bp.add_url_rule("/jobs", "get_jobs", jobs)
    bp.add_url_rule("/jobs/<job_id>", "get_jobs", jobs, methods=["GET", "DELETE"])

    def edr(collection_id: str, instance_id: str | None = None, location_id: str | None = None) -> Any:
        if request.path.endswith("instances") or (instance_id is not None and request.path.endswith(instance_id)):
            return execute(_api_function("edr.get_collection_edr_instances"), collection_id, instance_id)
        query_type = "locations" if location_id else request.path.split("/")[-1]
        return execute(_api_function("edr.get_collection_edr_query"), collection_id, instance_id, query_type,
                       location_id, skip_valid_check=True)

    for path in _EDR:
        bp.add_url_rule(path, "get_collection_edr_query", edr)
    app.register_blueprint(bp)
    return app
