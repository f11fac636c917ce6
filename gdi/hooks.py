"""Post-publication hooks: whatever is generated from the registry and the publications (pygeoapi
config, mapfile, metadata records, download feed) registers a function here and is refreshed after
every ETL run. Modules are imported by dotted path so ``transforms`` never imports ``services``."""
from __future__ import annotations

import importlib
import logging

LOGGER = logging.getLogger(__name__)

POST_PUBLISH = [
    "services.ogcapi.config:write_config",
]


def run_post_publish(settings) -> None:
    for path in POST_PUBLISH:
        mod, _, fn = path.partition(":")
        try:
            module = importlib.import_module(mod)
        except ModuleNotFoundError as exc:
            LOGGER.debug("post-publish hook %s not available: %s", path, exc)
            continue
        getattr(module, fn)(settings)
