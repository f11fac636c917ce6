"""The one web app on one port: a thin Flask root plus the mounted parts (see ``mounts.py``)."""
from __future__ import annotations

import importlib
import logging

from flask import Flask, jsonify, redirect
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from transforms.config import Settings, load_settings
from transforms.publish import published_datasets

from .mounts import MOUNTS

LOGGER = logging.getLogger(__name__)


def create_root(settings: Settings) -> Flask:
    app = Flask("gdi")

    @app.get("/health")
    def health():
        pubs = published_datasets(settings.publish_dir)
        return jsonify({"status": "ok", "datasets": {k: v["version"] for k, v in pubs.items()},
                        "mounts": sorted(MOUNTS)})

    @app.get("/")
    def index():
        return redirect("/ogc/", code=302)

    return app


def create_app(settings: Settings | None = None):
    settings = settings or load_settings()
    root = create_root(settings)
    mounted = {}
    for prefix, path in MOUNTS.items():
        mod, _, fn = path.partition(":")
        try:
            module = importlib.import_module(mod)
        except ModuleNotFoundError as exc:
            if exc.name and mod.startswith(exc.name):
                LOGGER.warning("mount %s skipped: %s", prefix, exc)
                continue
            raise
        mounted[prefix] = getattr(module, fn)(settings)
    root.wsgi_app = DispatcherMiddleware(root.wsgi_app, mounted)
    return root


def wsgi():
    """Entry point for gunicorn (``services.app:wsgi()``)."""
    return create_app()
