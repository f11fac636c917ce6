"""pygeoapi mounted at /ogc. pygeoapi's Flask app reads its configuration at import time into module
globals, so each configuration (public, staff) gets its own fresh copy of the module."""
from __future__ import annotations

import importlib.util
import os
import sys
import threading

from transforms.config import Settings

from .config import config_paths, write_config

_LOCK = threading.Lock()


def load_pygeoapi(config: str, openapi: str, name: str):
    """Import a private copy of ``pygeoapi.flask_app`` bound to ``config``; return its Flask app."""
    with _LOCK:
        old = os.environ.get("PYGEOAPI_CONFIG"), os.environ.get("PYGEOAPI_OPENAPI")
        os.environ["PYGEOAPI_CONFIG"], os.environ["PYGEOAPI_OPENAPI"] = config, openapi
        try:
            import pygeoapi.flask_app as stock
            spec = importlib.util.spec_from_file_location(f"gdi_pygeoapi_{name}", stock.__file__)
            mod = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = mod
            spec.loader.exec_module(mod)
        finally:
            for key, val in zip(("PYGEOAPI_CONFIG", "PYGEOAPI_OPENAPI"), old):
                if val is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = val
    return mod.APP


def create(settings: Settings):
    paths = config_paths(settings)
    if not paths["public"].exists() or not paths["public_openapi"].exists():
        write_config(settings)
    return load_pygeoapi(str(paths["public"]), str(paths["public_openapi"]), "public")
