"""Every change this project makes to pygeoapi's own code, in one place.

pygeoapi 0.21 offers no extension point for these two things, so they are replaced in its
``pygeoapi.api.itemtypes`` module (process-wide; both pygeoapi instances of the dispatcher share them).
Everything else goes through pygeoapi's public API: the configuration dict, ``pygeoapi.api.API``, the
API functions (``get_collection_items(api, request, ...)``) called from our own Flask app
(``app.py``), and our feature provider loaded by dotted path (``provider.py``).

Each patch checks that its target still exists before it replaces it and names the pygeoapi version it
was written against; ``tests/test_ogcapi_patches.py`` fails when an upgrade breaks an assumption (the
version, the names, the call sites in ``get_collection_items``, the behaviour end to end). On an
upgrade: read the new ``get_collection_items``, drop the patch if pygeoapi grew a hook, else adapt it
and ``PYGEOAPI_VERSION``.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

LOGGER = logging.getLogger(__name__)

PYGEOAPI_VERSION = "0.21.0"
"""The pygeoapi release the patches below were written and tested against."""

_LOCK = threading.Lock()
_APPLIED: dict[str, Callable[..., Any]] = {}   # "module.name" -> the original


class PatchTargetMissing(RuntimeError):
    """pygeoapi no longer has what a patch replaces (an upgrade): fail at start-up, not silently."""


def _replace(module: Any, name: str, new: Callable[..., Any]) -> None:
    key = f"{module.__name__}.{name}"
    if key in _APPLIED:
        return
    if not hasattr(module, name):
        raise PatchTargetMissing(f"{key} does not exist in pygeoapi {_version()} (patches.py was written "
                                 f"for {PYGEOAPI_VERSION}): review services/ogcapi/patches.py")
    _APPLIED[key] = getattr(module, name)
    setattr(module, name, new)


def _version() -> str:
    import pygeoapi
    return getattr(pygeoapi, "__version__", "?")


# --------------------------------------------------------------------------- filter parsing

def cql2_filter_parsing() -> None:
    """Parse ``filter`` (GET) and the ``POST …/items`` body with our CQL2 parser (``cql.py``) and hand
    the tree to the provider unchanged. Targets pygeoapi 0.21.0.

    Why a patch: ``get_collection_items`` parses ``filter`` with pygeofilter's *ECQL* parser (no CQL2
    ``S_INTERSECTS``/``CASEI``/function-style temporal predicates) and the POST body with pygeofilter
    0.4's CQL2-JSON parser (wrong ``bbox`` order, old ``between`` form), then ``modify_pygeofilter``
    transforms geometry literals from ``filter-crs`` by their corners only (a ``BBOX`` becomes a
    different box). There is no provider hook before that: the provider receives the parsed tree.
    Hiding ``filter`` from pygeoapi and passing it beside the request was considered and rejected:
    pygeoapi builds the self/alternate/next/prev links from the same parameters, so paging would
    lose the filter. Our provider (``GpkgProvider``) transforms ``filter-crs`` itself, densified and
    exactly (it reads the raw parameter, ``provider.REQUEST_PARAMS``).

    Replaced names of ``pygeoapi.api.itemtypes`` (module globals imported there, called only in
    ``get_collection_items``): ``parse_ecql_text(text)``, ``parse_cql2_json(text)``,
    ``modify_pygeofilter(tree, *, filter_crs_uri, storage_crs_uri, geometry_column_name)``.
    """
    from pygeoapi.api import itemtypes
    _replace(itemtypes, "parse_ecql_text", _parse_cql2_text)
    _replace(itemtypes, "parse_cql2_json", _parse_cql2_json)
    _replace(itemtypes, "modify_pygeofilter", _keep_filter)


def _parse_cql2_text(text: str) -> Any:
    """``filter`` of a GET request: CQL2 text, or CQL2 JSON when it starts with ``{`` (the dispatcher
    has already validated it against ``filter-lang``)."""
    from .cql import parse_filter
    return parse_filter(text)


def _parse_cql2_json(text: str) -> Any:
    from .cql import parse_filter
    return parse_filter(text, "cql2-json")


def _keep_filter(tree: Any, **_: Any) -> Any:
    """No corner-wise ``filter-crs`` transformation and no renaming: the provider does both."""
    return tree


# --------------------------------------------------------------------------- JSON encoding

def orjson_encoding() -> None:
    """Encode the responses of ``pygeoapi.api.itemtypes`` (items, item, queryables) with orjson.
    Targets pygeoapi 0.21.0.

    Why a patch: ``get_collection_items`` returns the document already encoded by ``to_json``
    (stdlib ``json``), which took a third of a 1000-feature response; the adapter only gets the
    string. The output is the same JSON document, compact as pygeoapi's, but with non-ASCII characters
    as UTF-8 instead of ``\\uXXXX`` escapes (``pretty`` indents by 2 instead of 4).
    Values orjson cannot encode (integers beyond 64 bit) fall back to pygeoapi's own encoder.

    Replaced name of ``pygeoapi.api.itemtypes``: ``to_json(dict_, pretty=False) -> str``.
    """
    from pygeoapi.api import itemtypes
    _replace(itemtypes, "to_json", fast_to_json)


def fast_to_json(dict_: dict, pretty: bool = False) -> str:
    from pygeoapi.util import json_serial, to_json
    try:
        import orjson
    except ImportError:
        return to_json(dict_, pretty)
    try:
        return orjson.dumps(dict_, default=json_serial,
                            option=orjson.OPT_INDENT_2 if pretty else 0).decode("utf-8")
    except TypeError:  # e.g. integers beyond 64 bit: the stdlib encoder handles them
        return to_json(dict_, pretty)


# --------------------------------------------------------------------------- entry point

PATCHES: tuple[Callable[[], None], ...] = (cql2_filter_parsing, orjson_encoding)


def apply() -> None:
    """Apply every patch once (idempotent, thread-safe). Called before a pygeoapi ``API`` serves."""
    with _LOCK:
        if _version() != PYGEOAPI_VERSION:
            LOGGER.warning("pygeoapi %s is installed, services/ogcapi/patches.py targets %s: "
                           "run tests/test_ogcapi_patches.py", _version(), PYGEOAPI_VERSION)
        for patch in PATCHES:
            patch()


def original(module_name: str, name: str) -> Callable[..., Any]:
    """pygeoapi's own function that a patch replaced (for tests and for comparison)."""
    key = f"{module_name}.{name}"
    if key in _APPLIED:
        return _APPLIED[key]
    import importlib
    return getattr(importlib.import_module(module_name), name)


__all__ = [
    "PATCHES",
    "PYGEOAPI_VERSION",
    "PatchTargetMissing",
    "apply",
    "cql2_filter_parsing",
    "fast_to_json",
    "original",
    "orjson_encoding",
]
